//! `claimtrack export`: ClaimReview JSON-LD for confirmed links, JSONL and CSV with provenance,
//! on the demo database.

use serde_json::Value;

use super::browser::on;
use super::{jsonl, s, Env};

fn demo(env: &Env) -> std::path::PathBuf {
    let dir = env.path("demo");
    let (code, _, err) = env.run(&["demo", "--out", dir.to_str().unwrap(), "--format", "jsonl"]);
    assert_eq!(code, 0, "{err}");
    dir.join("claimtrack.db")
}

#[test]
fn claimreview_publishes_only_confirmed_links() {
    let env = Env::new();
    let db = demo(&env);
    let export = [
        "export",
        "--format",
        "claimreview",
        "--publisher",
        "The Data Desk",
    ];

    // Nothing confirmed yet: an empty array, and a note saying how to confirm.
    let (code, out, err) = on(&db, &export);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        serde_json::from_str::<Value>(&out).unwrap(),
        serde_json::json!([])
    );
    assert!(err.contains("link confirm"), "{err}");

    // Confirm two links, reject one.
    let (_, out, _) = on(&db, &["contradictions", "--format", "jsonl"]);
    let links = jsonl(&out);
    let id = |i: usize| links[i]["id"].as_i64().unwrap().to_string();
    for (verb, i) in [("confirm", 0), ("confirm", 1), ("reject", 2)] {
        let (code, _, err) = on(&db, &["link", verb, &id(i), "--note", "checked", "--by", "ana"]);
        assert_eq!(code, 0, "{err}");
    }
    let out_file = env.path("reviews.json");
    let mut args = export.to_vec();
    args.extend(["-o", out_file.to_str().unwrap()]);
    let (code, _, err) = on(&db, &args);
    assert_eq!(code, 0, "{err}");
    let reviews: Vec<Value> = serde_json::from_str(&std::fs::read_to_string(&out_file).unwrap()).unwrap();
    assert_eq!(reviews.len(), 2, "only the confirmed links");
    for (r, l) in reviews.iter().zip(&links) {
        assert_eq!(r["@context"], "https://schema.org");
        assert_eq!(r["@type"], "ClaimReview");
        assert_eq!(r["author"]["name"], "The Data Desk");
        assert_eq!(s(r, "claimReviewed"), s(&l["denial"], "sentence"));
        let item = &r["itemReviewed"];
        assert_eq!(item["@type"], "Claim");
        assert!(
            ["Person", "Organization"].contains(&s(&item["author"], "@type")),
            "{item}"
        );
        assert_eq!(s(&item["author"], "name"), s(&l["denial"], "speaker"));
        assert!(!s(item, "datePublished").is_empty());
        assert_eq!(s(&item["appearance"], "url"), s(&l["denial"], "article_url"));
        assert!(s(r, "reviewBody").contains(s(&l["assertion"], "sentence")));
        assert_eq!(r["reviewRating"]["@type"], "Rating");
        assert!(!s(&r["reviewRating"], "alternateName").is_empty());
        assert!(s(&r["reviewRating"], "ratingExplanation").contains("Reviewer's note: checked"));
        // The review's date is the day the link was confirmed: an ISO date.
        let date = s(r, "datePublished");
        assert!(
            chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").is_ok(),
            "{date}"
        );
    }

    // Asking for anything but confirmed links is refused; so is a missing publisher.
    let (code, _, err) = on(
        &db,
        &[
            "export",
            "--format",
            "claimreview",
            "--publisher",
            "X",
            "--status",
            "all",
        ],
    );
    assert_eq!(code, 2);
    assert!(err.contains("only confirmed links"), "{err}");
    let (code, _, err) = on(&db, &["export", "--format", "claimreview"]);
    assert_eq!(code, 2);
    assert!(err.contains("--publisher"), "{err}");
}

#[test]
fn jsonl_and_csv_exports_hold_claims_and_links_with_provenance() {
    let env = Env::new();
    let db = demo(&env);
    // `claims` and `contradictions` list 100 rows unless told; `export` lists all.
    let (_, out, _) = on(
        &db,
        &[
            "claims",
            "--format",
            "jsonl",
            "--company",
            "Facebook",
            "--limit",
            "0",
        ],
    );
    let claims = jsonl(&out);
    let (_, out, _) = on(
        &db,
        &[
            "contradictions",
            "--format",
            "jsonl",
            "--company",
            "Facebook",
            "--limit",
            "0",
        ],
    );
    let links = jsonl(&out);
    assert!(!claims.is_empty() && !links.is_empty());

    let (code, out, err) = on(&db, &["export", "--format", "jsonl", "--company", "Facebook"]);
    assert_eq!(code, 0, "{err}");
    let rows = jsonl(&out);
    let of = |t: &str| rows.iter().filter(|r| r["type"] == t).count();
    assert_eq!(of("claim"), claims.len());
    assert_eq!(of("link"), links.len());
    assert_eq!(rows.last().unwrap()["type"], "summary");
    let first = rows.iter().find(|r| r["type"] == "claim").unwrap();
    for f in [
        "article_url",
        "article_title",
        "outlet",
        "sentence",
        "start",
        "end",
        "rule",
        "extractor_version",
    ] {
        assert!(first.get(f).is_some(), "claim field {f}");
    }
    let link = rows.iter().find(|r| r["type"] == "link").unwrap();
    for f in [
        "status",
        "note",
        "decided_by",
        "decided_at",
        "reason",
        "denial_id",
        "assertion_id",
    ] {
        assert!(link.get(f).is_some(), "link field {f}");
    }

    let csv_path = env.path("links.csv");
    let (code, _, err) = on(
        &db,
        &[
            "export",
            "--format",
            "csv",
            "--company",
            "Facebook",
            "-o",
            csv_path.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 0, "{err}");
    let text = std::fs::read_to_string(&csv_path).unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader.headers().unwrap().clone();
    for f in [
        "id",
        "status",
        "reason",
        "denial_sentence",
        "assertion_article_url",
        "assertion_rule",
    ] {
        assert!(header.iter().any(|h| h == f), "csv column {f}");
    }
    assert_eq!(reader.records().count(), links.len());

    let (code, out, err) = on(
        &db,
        &[
            "export",
            "--format",
            "csv",
            "--rows",
            "claims",
            "--company",
            "Facebook",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    assert_eq!(reader.headers().unwrap().iter().next_back(), Some("links"));
    assert_eq!(reader.records().count(), claims.len());
}
