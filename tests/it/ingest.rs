//! `claimtrack ingest`: inputs, metadata, dedup, and bad input (one line each, batch goes on,
//! exit 1, nothing stored before is lost).

use std::io::Write;

use crate::{jsonl, s, Env};

const REPORT: &str = "Photo app Snapgrid handed users' location history to Acmeads\n\n\
Photo app Snapgrid gave the analytics firm Acmeads access to its users' location history, \
according to documents reviewed by reporters.\n";

fn article_line(url: &str, text: &str) -> String {
    serde_json::json!({"url": url, "title": "A title", "published": "2019-03-04", "outlet": "Wire", "text": text})
        .to_string()
}

fn stats(env: &Env) -> serde_json::Value {
    let (code, out, err) = env.run(&["stats", "--format", "json"]);
    assert_eq!(code, 0, "stats failed: {err}");
    serde_json::from_str(&out).expect("stats --format json is JSON")
}

#[test]
fn jsonl_bad_lines_are_reported_and_the_batch_goes_on() {
    let env = Env::new();
    // Something stored before the bad batch must survive it.
    let good = env.write(
        "good.jsonl",
        article_line(
            "https://example.org/a",
            "Facebook shared users' messages with Netflix.",
        ) + "\n",
    );
    let (code, _, err) = env.run(&["ingest", "--jsonl", good.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");

    let lines = [
        article_line("https://example.org/b", "Google collected location history from Android phones."),
        "{not json".to_string(),
        serde_json::json!({"url": "https://example.org/c", "title": "No text here"}).to_string(),
        serde_json::json!({"url": "https://example.org/d", "text": "Some text.", "published": "last Tuesday"}).to_string(),
        serde_json::json!({"url": "https://example.org/e", "text": 42}).to_string(),
        article_line("https://example.org/f", "Amazon kept voice recordings from Alexa devices."),
    ];
    let bad = env.write("bad.jsonl", lines.join("\n") + "\n");
    let (code, _, err) = env.run(&["ingest", "--jsonl", bad.to_str().unwrap()]);
    assert_eq!(code, 1, "exit 1 when some items failed; stderr: {err}");
    let name = bad.display().to_string();
    let err_lines: Vec<&str> = err.lines().filter(|l| l.contains(&name)).collect();
    assert_eq!(err_lines.len(), 4, "one line per bad item: {err}");
    assert!(
        err_lines
            .iter()
            .any(|l| l.contains(&format!("{name}:2")) && l.contains("JSON")),
        "{err}"
    );
    assert!(
        err_lines
            .iter()
            .any(|l| l.contains(&format!("{name}:3")) && l.contains("no text")),
        "{err}"
    );
    assert!(
        err_lines
            .iter()
            .any(|l| l.contains(&format!("{name}:4")) && l.contains("date")),
        "{err}"
    );
    assert!(
        err_lines.iter().any(|l| l.contains(&format!("{name}:5"))),
        "{err}"
    );
    assert!(err.contains("failed 4"), "summary line: {err}");
    let st = stats(&env);
    assert_eq!(
        st["articles"], 3,
        "the first article and the two good lines: {st}"
    );
    assert_eq!(st["failures"], 4, "failures are recorded in the store: {st}");
}

#[test]
fn bad_files_are_reported_and_the_batch_goes_on() {
    let env = Env::new();
    env.write("in/ok.txt", REPORT);
    env.write("in/binary.txt", [0u8, 159, 146, 150, 0, 0, 1, 2, 3]);
    env.write("in/empty.md", "");
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(
        b"Zoom sent users' meeting data to Facebook\n\nZoom's iPhone app sent device identifiers to Facebook.\n",
    )
    .unwrap();
    env.write("in/zoom.txt.gz", gz.finish().unwrap());
    env.write("in/broken.html.gz", b"\x1f\x8b\x08\x00not really gzip");
    let missing = env.path("does-not-exist.html");
    let (code, _, err) = env.run(&[
        "ingest",
        env.path("in").to_str().unwrap(),
        missing.to_str().unwrap(),
    ]);
    assert_eq!(code, 1, "{err}");
    for name in ["binary.txt", "empty.md", "broken.html.gz", "does-not-exist.html"] {
        assert_eq!(
            err.lines().filter(|l| l.contains(name)).count(),
            1,
            "one line for {name}: {err}"
        );
    }
    assert_eq!(stats(&env)["articles"], 2, "ok.txt and zoom.txt.gz are stored");
    let claims = env.claims(&["--company", "Zoom"]);
    assert!(!claims.is_empty(), "the gzipped text was read and yields claims");
}

#[test]
fn same_article_twice_is_stored_once_and_a_changed_text_replaces_it() {
    let env = Env::new();
    let a = env.write(
        "a.jsonl",
        article_line(
            "https://example.org/x",
            "Facebook gave Netflix access to users' private messages.",
        ) + "\n",
    );
    assert_eq!(env.run(&["ingest", "--jsonl", a.to_str().unwrap()]).0, 0);
    let (code, _, err) = env.run(&["ingest", "--jsonl", a.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(err.contains("duplicates 1"), "{err}");
    // Same text (re-wrapped, other case) under another URL: a duplicate by content hash.
    let b = env.write(
        "b.jsonl",
        article_line(
            "https://example.org/y",
            "facebook gave  Netflix access\nto users' private messages.",
        ) + "\n",
    );
    let (_, _, err) = env.run(&["ingest", "--jsonl", b.to_str().unwrap()]);
    assert!(err.contains("duplicates 1"), "{err}");
    assert_eq!(stats(&env)["articles"], 1);

    // Same URL, new text: replaced, claims re-extracted.
    let c = env.write(
        "c.jsonl",
        article_line(
            "https://example.org/x",
            "Google sold users' browsing history to data brokers.",
        ) + "\n",
    );
    let (_, _, err) = env.run(&["ingest", "--jsonl", c.to_str().unwrap()]);
    assert!(err.contains("replaced 1"), "{err}");
    assert_eq!(stats(&env)["articles"], 1);
    let claims = env.claims(&[]);
    assert!(
        claims.iter().all(|c| s(c, "actor") == "Google"),
        "old claims are gone: {claims:#?}"
    );
    assert!(!claims.is_empty());
}

#[test]
fn news_please_fields_and_stdin() {
    let env = Env::new();
    let line = serde_json::json!({
        "url": "https://example.org/np",
        "title": "Twitter used security phone numbers for ads",
        "maintext": "Twitter used phone numbers that people gave for account security to target advertising.",
        "date_publish": "2019-10-08 17:00:00",
        "source_domain": "example.org",
        "authors": ["A. Writer"]
    });
    let (code, _, err) = env.run_stdin(&["ingest", "--jsonl", "-"], &format!("{line}\n"));
    assert_eq!(code, 0, "{err}");
    let claims = env.claims(&[]);
    let c = claims
        .first()
        .unwrap_or_else(|| panic!("a claim from the news-please line: {err}"));
    assert_eq!(s(c, "published"), "2019-10-08");
    assert_eq!(s(c, "outlet"), "example.org");
    assert_eq!(s(c, "article_url"), "https://example.org/np");
    assert_eq!(s(c, "actor"), "Twitter");
}

#[test]
fn front_matter_and_overrides() {
    let env = Env::new();
    let md = "---\nurl: https://example.org/fm\npublished: 2020-01-27\noutlet: \"Ledger Wire\"\n---\n\
              Avast sold browsing data through Jumpshot\n\n\
              Avast sold its users' browsing history to marketers through its subsidiary Jumpshot.\n";
    let p = env.write("fm.md", md);
    assert_eq!(env.run(&["ingest", p.to_str().unwrap()]).0, 0);
    let claims = env.claims(&[]);
    let c = claims
        .iter()
        .find(|c| s(c, "actor") == "Avast")
        .expect("an Avast claim");
    assert_eq!(s(c, "published"), "2020-01-27");
    assert_eq!(s(c, "outlet"), "Ledger Wire");
    assert_eq!(s(c, "article_url"), "https://example.org/fm");
    assert_eq!(s(c, "article_title"), "Avast sold browsing data through Jumpshot");

    let t = env.write("plain.txt", REPORT);
    let (code, _, err) = env.run(&[
        "ingest",
        t.to_str().unwrap(),
        "--published",
        "2021-05-06",
        "--outlet",
        "Desk",
        "--url",
        "https://example.org/plain",
    ]);
    assert_eq!(code, 0, "{err}");
    let (_, out, _) = env.run(&["search", "Acmeads", "--format", "jsonl"]);
    let hits = jsonl(&out);
    assert_eq!(hits.len(), 1, "{out}");
    assert_eq!(s(&hits[0], "url"), "https://example.org/plain");
    assert_eq!(s(&hits[0], "outlet"), "Desk");
    assert_eq!(s(&hits[0], "published"), "2021-05-06");
}

#[test]
fn usage_errors_exit_2_with_one_line() {
    let env = Env::new();
    let (code, _, err) = env.run(&["ingest"]);
    assert_eq!(code, 2);
    assert!(err.contains("nothing to ingest"), "{err}");
    let (code, _, err) = env.run(&["ingest", "x.txt", "--published", "12/19/2018"]);
    assert_eq!(code, 2, "{err}");
    let (code, _, err) = env.run(&["claims"]);
    assert_eq!(code, 2, "a read command on a missing database fails: {err}");
    assert!(err.contains("t.db"), "names the database: {err}");
    assert!(!env.db().exists(), "a read command does not create the database");
}

#[test]
fn reextract_gives_the_same_claims_and_links() {
    let env = Env::new();
    let p = env.write(
        "two.jsonl",
        [
            article_line(
                "https://example.org/1",
                "\"At no time did we sell your location data,\" Google said.",
            ),
            article_line(
                "https://example.org/2",
                "Google sold location data from Android phones to data brokers.",
            ),
        ]
        .join("\n"),
    );
    assert_eq!(env.run(&["ingest", "--jsonl", p.to_str().unwrap()]).0, 0);
    let before = (env.claims(&[]).len(), env.contradictions(&[]).len());
    let (code, _, err) = env.run(&["reextract"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!((env.claims(&[]).len(), env.contradictions(&[]).len()), before);
}

#[test]
fn a_declared_language_is_a_string_and_other_languages_are_counted_unread() {
    let env = Env::new();
    let french = "Selon des documents internes consultés par le journal, Facebook a partagé les messages \
                  privés de ses utilisateurs avec Netflix et Spotify pendant plusieurs années, sans que \
                  les utilisateurs en soient informés.";
    let english = "Facebook shared users' private messages with Netflix, documents show.";
    let lines = [
        // Too short for its words to tell: a declared "xx" is no language and must not stop
        // the claim rules.
        serde_json::json!({"url": "https://example.org/xx", "language": "xx", "text": english}),
        serde_json::json!({"url": "https://example.org/fr", "language": "fr", "text": french}),
        // A number is a malformed field, as for every other string field.
        serde_json::json!({"url": "https://example.org/n", "language": 5, "text": english}),
    ];
    let input = env.write(
        "lang.jsonl",
        lines.iter().map(|l| l.to_string() + "\n").collect::<String>(),
    );
    let (code, _, err) = env.run(&["ingest", "--all", "-v", "--jsonl", input.to_str().unwrap()]);
    assert_eq!(code, 1, "the malformed line fails the run: {err}");
    let name = input.display().to_string();
    assert!(
        err.lines()
            .any(|l| l.contains(&format!("{name}:3")) && l.contains("language is a number")),
        "{err}"
    );
    assert!(
        err.lines()
            .any(|l| l.contains(&format!("{name}:2")) && l.contains("no claims read: not in English")),
        "-v names the article the rules did not read: {err}"
    );
    assert!(err.contains("stored 2,"), "{err}");
    assert!(
        err.contains("; 1 stored without reading claims"),
        "the summary explains: {err}"
    );
    let claims = env.claims(&[]);
    assert!(
        claims
            .iter()
            .any(|c| s(c, "article_url") == "https://example.org/xx"),
        "the English text under a junk language code gives its claim: {claims:?}"
    );
    assert!(
        claims
            .iter()
            .all(|c| s(c, "article_url") != "https://example.org/fr"),
        "{claims:?}"
    );
}
