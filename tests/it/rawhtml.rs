//! Raw pages kept with their articles (`ingest --raw-html zstd|plain|none`) and read again by
//! `reextract --html`.

use rusqlite::Connection;

use crate::Env;

/// A small news page of our own: the article body holds a company's denial.
const PAGE: &str = r#"<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Lyft answers riders' questions on privacy | The Ledger</title>
<meta property="article:published_time" content="2020-03-04T09:00:00Z">
<meta property="og:site_name" content="The Ledger">
</head><body>
<nav><a href="/">Home</a> <a href="/tech">Tech</a></nav>
<article><h1>Lyft answers riders' questions on privacy</h1>
<p>The ride-hailing company Lyft published a page of answers on Monday after riders asked
what happens to the trips they take, and who else gets to see them.</p>
<p>"We do not sell our riders' location data to anyone," Lyft said in the post, which also
lists how long trip records are kept and how riders can ask for a copy.</p>
<p>The company said drivers see a rider's pickup point only while a trip is under way, and
that support staff need a reason logged before they open a rider's history.</p>
</article>
<footer>Copyright The Ledger</footer>
</body></html>"#;

/// (plain `html`, `html_zstd`) of the only article.
fn page_columns(env: &Env) -> (Option<String>, Option<Vec<u8>>) {
    let conn = Connection::open(env.db()).expect("the database opens");
    conn.query_row("SELECT html, html_zstd FROM articles", [], |r| {
        Ok((r.get(0)?, r.get(1)?))
    })
    .expect("one article")
}

fn ingest(env: &Env, how: Option<&str>) {
    let page = env.write("lyft.html", PAGE);
    let mut args = vec![
        "ingest",
        page.to_str().expect("temp paths are UTF-8"),
        "--url",
        "https://ledger.example/lyft",
    ];
    if let Some(how) = how {
        args.extend(["--raw-html", how]);
    }
    let (code, _, err) = env.run(&args);
    assert_eq!(code, 0, "{err}");
}

#[test]
fn raw_pages_are_kept_compressed_by_default_plain_or_not_at_all() {
    for how in [None, Some("zstd")] {
        let env = Env::new();
        ingest(&env, how);
        let (plain, packed) = page_columns(&env);
        assert_eq!(plain, None, "{how:?}");
        let packed = packed.expect("the page is kept compressed");
        assert!(
            packed.len() < PAGE.len(),
            "{} bytes for a {}-byte page",
            packed.len(),
            PAGE.len()
        );
        let back = zstd::decode_all(&packed[..]).expect("one zstd frame");
        assert_eq!(String::from_utf8(back).expect("UTF-8"), PAGE);
    }
    let env = Env::new();
    ingest(&env, Some("plain"));
    assert_eq!(page_columns(&env), (Some(PAGE.to_string()), None));
    let env = Env::new();
    ingest(&env, Some("none"));
    assert_eq!(page_columns(&env), (None, None));
    assert!(
        !env.claims(&[]).is_empty(),
        "the text is stored and read without the page"
    );

    let (code, _, err) = env.run(&["ingest", "x.html", "--raw-html", "gzip"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("gzip") && err.contains("zstd"),
        "names the value and the choices: {err}"
    );
}

/// Claims as `claims --format jsonl` lists them, without their row ids (re-extraction stores
/// the claims again under new ids).
fn claims_without_ids(env: &Env) -> Vec<serde_json::Value> {
    let mut claims = env.claims(&[]);
    for c in &mut claims {
        c.as_object_mut().expect("a claim is an object").remove("id");
    }
    claims
}

#[test]
fn reextract_html_reads_kept_pages_again_and_restores_a_stale_reading() {
    for how in ["zstd", "plain"] {
        let env = Env::new();
        ingest(&env, Some(how));
        // A later report elsewhere that contradicts the page's denial.
        let later = env.write(
            "later.jsonl",
            serde_json::json!({"url": "https://wire.example/9", "published": "2023-02-01",
                "title": "Regulator fines Lyft", "text": "Regulator fines Lyft\n\nLyft sold \
                the location data of its riders to data brokers between 2019 and 2021, the \
                regulator found."})
            .to_string(),
        );
        let (code, _, err) = env.run(&["ingest", "--jsonl", later.to_str().expect("UTF-8")]);
        assert_eq!(code, 0, "{err}");
        let claims = claims_without_ids(&env);
        let links = env.contradictions(&[]);
        assert!(claims.len() >= 2 && !links.is_empty(), "{how}: {claims:?}");
        let conn = Connection::open(env.db()).expect("open");
        let reading = |conn: &Connection| -> (String, String, String) {
            conn.query_row(
                "SELECT text, title, published FROM articles WHERE id = 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .expect("one article")
        };
        let first = reading(&conn);

        // Nothing changed: the pages read the same, and the claims are the same.
        let (code, _, err) = env.run(&["reextract", "--html"]);
        assert_eq!(code, 0, "{how}: {err}");
        assert!(
            err.contains("0 read again from their pages and changed"),
            "{how}: {err}"
        );
        assert_eq!(claims_without_ids(&env), claims, "{how}");

        // As an older extractor might have left it: a shorter text, another title and date.
        conn.execute(
            "UPDATE articles SET text = 'A teaser.', title = 'Old title', published = '2021-05-01' WHERE id = 1",
            [],
        )
        .expect("update");
        let (code, _, err) = env.run(&["reextract"]);
        assert_eq!(code, 0, "{err}");
        assert!(
            env.contradictions(&[]).is_empty(),
            "{how}: the stale text holds no denial"
        );

        let (code, _, err) = env.run(&["reextract", "--html"]);
        assert_eq!(code, 0, "{how}: {err}");
        assert!(
            err.contains("1 read again from their pages and changed"),
            "{how}: {err}"
        );
        assert_eq!(reading(&conn), first, "{how}: the page's reading is back");
        assert_eq!(claims_without_ids(&env), claims, "{how}");
        assert_eq!(env.contradictions(&[]).len(), links.len(), "{how}");
        assert_eq!(
            page_columns(&env).0.is_some(),
            how == "plain",
            "{how}: the page stays as it was kept"
        );
    }
}

#[test]
fn a_damaged_kept_page_is_one_line_and_the_others_go_on() {
    let env = Env::new();
    ingest(&env, None);
    let other = env.write(
        "other.jsonl",
        serde_json::json!({"url": "https://ledger.example/2", "published": "2022-01-01",
            "html": PAGE.replace("Lyft", "Uber")})
        .to_string(),
    );
    let (code, _, err) = env.run(&["ingest", "--jsonl", other.to_str().expect("UTF-8")]);
    assert_eq!(code, 0, "{err}");
    let before = env.claims(&[]).len();
    let conn = Connection::open(env.db()).expect("open");
    conn.execute(
        "UPDATE articles SET html_zstd = x'28b52ffd0000' WHERE url LIKE '%lyft'",
        [],
    )
    .expect("damage one page");

    let (code, _, err) = env.run(&["reextract", "--html"]);
    assert_eq!(code, 1, "{err}");
    let lines: Vec<&str> = err.lines().filter(|l| l.contains("cannot be read")).collect();
    assert_eq!(lines.len(), 1, "{err}");
    assert!(
        lines[0].contains("article 1") && lines[0].contains("html_zstd"),
        "{err}"
    );
    assert!(
        err.contains("re-extracted 2 articles"),
        "both articles were done: {err}"
    );
    assert_eq!(
        env.claims(&[]).len(),
        before,
        "the damaged one keeps its stored text and claims"
    );
}
