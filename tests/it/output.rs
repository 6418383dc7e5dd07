//! Output contract: JSONL field names, CSV headers, timelines, escaping, closed pipes.

use crate::{s, Env};

const CLAIM_FIELDS: &[&str] = &[
    "id",
    "article_url",
    "article_title",
    "outlet",
    "published",
    "actor",
    "counterparty",
    "data_type",
    "action",
    "polarity",
    "speaker",
    "stated_on",
    "period_start",
    "period_end",
    "sentence",
    "start",
    "end",
    "rule",
    "confidence",
    "partial_text",
];

fn loaded() -> Env {
    let env = Env::new();
    let lines = [
        serde_json::json!({"url": "https://example.org/deny", "title": "Netflix says it never read messages",
            "published": "2018-12-20", "outlet": "Wire",
            "text": "\"At no time did we access people's private messages on Facebook,\" Netflix said in a statement."}),
        serde_json::json!({"url": "https://example.org/report", "title": "Partners saw private messages",
            "published": "2018-12-19", "outlet": "Desk <b>&</b>",
            "text": "Facebook gave Netflix the ability to read users' private messages, <script>alert(1)</script> internal documents show."}),
    ];
    let body: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    let p = env.write("in.jsonl", body.join("\n"));
    let (code, _, err) = env.run(&["ingest", "--jsonl", p.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    env
}

#[test]
fn claims_jsonl_and_csv_carry_the_contract_fields() {
    let env = loaded();
    let claims = env.claims(&[]);
    assert!(claims.len() >= 2, "{claims:#?}");
    for c in &claims {
        for f in CLAIM_FIELDS {
            assert!(c.get(*f).is_some(), "field {f} missing in {c}");
        }
        // The sentence is the text between the character offsets of the stored text.
        assert!(c["start"].as_u64().unwrap() < c["end"].as_u64().unwrap());
    }
    let (code, out, _) = env.run(&["claims", "--format", "csv"]);
    assert_eq!(code, 0);
    let header: Vec<&str> = out.lines().next().unwrap().split(',').collect();
    for f in CLAIM_FIELDS {
        assert!(header.contains(f), "csv header lacks {f}: {header:?}");
    }
    let (code, out, _) = env.run(&["claims"]);
    assert_eq!(code, 0);
    assert!(out.contains("Netflix"), "table output: {out}");
}

#[test]
fn contradictions_jsonl_shape() {
    let env = loaded();
    let links = env.contradictions(&[]);
    assert_eq!(links.len(), 1, "{links:#?}");
    let l = &links[0];
    for f in ["id", "denial", "assertion", "reason", "first"] {
        assert!(l.get(f).is_some(), "{f} missing: {l}");
    }
    for f in CLAIM_FIELDS {
        assert!(
            l["denial"].get(*f).is_some() && l["assertion"].get(*f).is_some(),
            "{f} in both claims"
        );
    }
    assert_eq!(
        s(l, "first"),
        "assertion",
        "the report (Dec 19) came before the denial (Dec 20)"
    );
    let (_, out, _) = env.run(&["contradictions", "--company", "Meta"]);
    assert!(
        out.contains("Netflix"),
        "--company resolves the alias Meta → Facebook: {out}"
    );
}

#[test]
fn timelines_are_written_and_escaped() {
    let env = loaded();
    let (code, out, err) = env.run(&["timeline", "--format", "timelinejs"]);
    assert_eq!(code, 0, "{err}");
    let tl: serde_json::Value = serde_json::from_str(&out).expect("timelinejs is JSON");
    let events = tl["events"].as_array().expect("events");
    assert!(!events.is_empty());
    for e in events {
        assert!(
            e["start_date"]["year"].is_number() || e["start_date"]["year"].is_string(),
            "{e}"
        );
        assert!(e["text"]["headline"].is_string() && e["group"].is_string(), "{e}");
    }
    let html = env.path("t.html");
    let (code, _, err) = env.run(&["timeline", "--format", "html", "-o", html.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.contains("<svg"), "the timeline is a picture");
    assert!(!page.contains("<script>alert(1)"), "article text is escaped");
    assert!(!page.contains("<b>&</b>"), "outlet names are escaped");
    for remote in ["src=\"http", "href=\"//", "@import", "src=\"//"] {
        assert!(!page.contains(remote), "self-contained, found {remote}");
    }
    for fmt in ["json", "csv", "md"] {
        let (code, out, err) = env.run(&["timeline", "--format", fmt]);
        assert_eq!(code, 0, "{fmt}: {err}");
        assert!(out.contains("Netflix"), "{fmt}: {out}");
    }
}

#[test]
fn search_finds_words_and_survives_odd_queries() {
    let env = loaded();
    let (code, out, _) = env.run(&["search", "messages", "--format", "jsonl"]);
    assert_eq!(code, 0);
    assert_eq!(crate::jsonl(&out).len(), 2);
    for q in ["\"", "AND OR", "private-messages", "*"] {
        let (code, _, err) = env.run(&["search", q]);
        assert!(
            code == 0 || (code == 2 && err.lines().count() == 1),
            "query {q:?}: {code} {err}"
        );
    }
}

#[test]
fn a_closed_pipe_exits_quietly() {
    let env = loaded();
    let out = env.cmd(&["claims", "--format", "jsonl"]).output().unwrap();
    assert!(out.status.success());
    // Reading only the first byte through a shell pipe closes stdout early.
    let script = format!(
        "for i in $(seq 1 200); do echo; done >/dev/null; {} --db {} claims --format jsonl | head -c 1 >/dev/null; echo ${{PIPESTATUS[0]}}",
        assert_cmd::cargo::cargo_bin("claimtrack").display(),
        env.db().display()
    );
    let o = std::process::Command::new("bash")
        .arg("-c")
        .arg(script)
        .output()
        .unwrap();
    let code = String::from_utf8_lossy(&o.stdout).trim().to_string();
    assert!(
        code == "0" || code == "141",
        "exit {code}, stderr {}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(!String::from_utf8_lossy(&o.stderr).contains("panicked"));
}
