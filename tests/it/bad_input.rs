//! The bad-input catalogue (docs/bad-input.md): every kind of bad input tried, through the real
//! binary. Each bad item gives one line on stderr naming it and the reason, the batch goes on,
//! nothing stored before is lost, and the exit code is 1 (2 when nothing could run).
//! Test names match the catalogue's rows.

use std::io::Write;
use std::path::Path;

use crate::Env;

const SEED_ARTICLE: &str =
    "Title: seed\n\nFacebook does not sell its users' personal data to anyone, a spokesperson said.\n";
const GOOD: &str =
    "Later report\n\nFacebook sold users' location history to Acme Analytics in 2019, filings show.\n";
const GOOD_LINE: &str = r#"{"url":"https://ok.invalid/1","title":"Fine","published":"2019-01-02","text":"Facebook sold users' contact lists to Acme Analytics in 2018, filings show."}"#;

/// A database holding one article (with a claim), stored before the bad batch.
fn seeded() -> Env {
    let env = Env::new();
    env.write("seed.txt", SEED_ARTICLE);
    let (code, _, err) = env.run(&["-q", "ingest", "seed.txt", "--published", "2018-04-10"]);
    assert_eq!(code, 0, "{err}");
    env.write("good.txt", GOOD);
    env
}

fn stats(env: &Env) -> serde_json::Value {
    let (code, out, err) = env.run(&["stats", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    serde_json::from_str(&out).expect("stats is JSON")
}

/// Runs `ingest ARGS good.txt` on a seeded database: one line on stderr naming `item` and
/// giving `reason`, exit 1, the good item and the seed stored, the failure recorded.
fn check_item(env: &Env, args: &[&str], item: &str, reason: &str) {
    let mut all = vec!["-q", "ingest"];
    all.extend_from_slice(args);
    all.push("good.txt");
    let (code, out, err) = env.run(&all);
    assert_eq!(out, "", "stdout carries data only");
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 1, "one line on stderr: {err}");
    assert!(lines[0].starts_with("claimtrack: "), "{err}");
    assert!(lines[0].contains(item), "names {item:?}: {err}");
    assert!(lines[0].contains(reason), "says {reason:?}: {err}");
    assert_eq!(code, 1, "{err}");
    let s = stats(env);
    assert_eq!(s["articles"], 2, "the seed and the good item are stored: {s}");
    assert!(
        s["failures"].as_i64().unwrap_or(0) >= 1,
        "the failure is recorded: {s}"
    );
    let claims = env.claims(&[]);
    assert!(
        claims.iter().any(|c| crate::s(c, "polarity") == "denial"),
        "the seed's claim is still there"
    );
    crate::support::assert_sound(&env.db());
}

/// A JSONL file whose line 1 is good and line 2 is `bad`: the failure names `in.jsonl:2`.
fn check_line(bad: &str, reason: &str) {
    let env = seeded();
    env.write("in.jsonl", format!("{GOOD_LINE}\n{bad}\n"));
    let mut all = vec!["-q", "ingest", "--jsonl", "in.jsonl"];
    all.push("good.txt");
    let (code, out, err) = env.run(&all);
    assert_eq!(out, "");
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 1, "one line on stderr: {err}");
    assert!(
        lines[0].contains("in.jsonl:2") && lines[0].contains(reason),
        "{bad}: {err}"
    );
    assert_eq!(code, 1, "{err}");
    assert_eq!(stats(&env)["articles"], 3, "seed, line 1 and good.txt are stored");
}

/// The item is read and stored: exit 0, nothing on stderr.
fn check_accepted(env: &Env, args: &[&str]) -> Vec<serde_json::Value> {
    let mut all = vec!["-q", "ingest"];
    all.extend_from_slice(args);
    let (code, _, err) = env.run(&all);
    assert_eq!((code, err.as_str()), (0, ""), "{args:?}");
    env.claims(&[])
}

/// Nothing could run: exit 2, one line saying why, the database file untouched.
fn check_fatal(env: &Env, args: &[&str], reason: &str) {
    let before = std::fs::read(env.db()).ok();
    let (code, out, err) = env.run(args);
    assert_eq!((code, out.as_str()), (2, ""), "{args:?}: {err}");
    assert_eq!(err.lines().count(), 1, "{args:?}: one line: {err}");
    assert!(err.contains(reason), "{args:?}: says {reason:?}: {err}");
    assert_eq!(
        std::fs::read(env.db()).ok(),
        before,
        "{args:?}: the database is untouched"
    );
}

/// The binary run in the temp folder with exactly `args` (no `--db` added).
fn without_db(env: &Env, args: &[&str]) -> std::process::Output {
    std::process::Command::new(crate::support::bin())
        .current_dir(env.dir.path())
        .env_remove("CLAIMTRACK_DB")
        .env_remove("CLAIMTRACK_LEXICON")
        .args(args)
        .output()
        .expect("the binary runs")
}

fn gz(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(bytes).expect("gzip in memory");
    e.finish().expect("gzip in memory")
}

// ---- JSONL lines ----------------------------------------------------------------------------

#[test]
fn jsonl_invalid_json() {
    check_line(r#"{"url": "https://b.invalid/1", "text": "#, "not valid JSON");
}

#[test]
fn jsonl_not_an_object() {
    check_line("[1, 2, 3]", "not a JSON object");
}

#[test]
fn jsonl_text_of_the_wrong_type() {
    check_line(r#"{"url":"https://b.invalid/1","text":42}"#, "text is a number");
}

#[test]
fn jsonl_title_of_the_wrong_type() {
    check_line(r#"{"text":"Some words.","title":["a"]}"#, "title is an array");
}

#[test]
fn jsonl_url_of_the_wrong_type() {
    check_line(r#"{"url":12,"text":"Some words."}"#, "url is a number");
}

#[test]
fn jsonl_date_as_a_number() {
    check_line(
        r#"{"text":"Some words.","published":1546300800}"#,
        "published is a number",
    );
}

#[test]
fn jsonl_missing_text() {
    check_line(
        r#"{"url":"https://b.invalid/1","title":"Only a title"}"#,
        "no text",
    );
}

#[test]
fn jsonl_blank_text() {
    check_line(r#"{"url":"https://b.invalid/1","text":" \n\t "}"#, "no text");
}

#[test]
fn jsonl_html_with_no_body() {
    check_line(
        r#"{"url":"https://b.invalid/1","html":"<html><head><title>T</title></head></html>"}"#,
        "no text",
    );
}

#[test]
fn jsonl_impossible_date() {
    check_line(
        r#"{"text":"Some words.","published":"2019-02-30"}"#,
        "unknown date format",
    );
}

#[test]
fn jsonl_unknown_date_format() {
    check_line(
        r#"{"text":"Some words.","published":"last Tuesday"}"#,
        "unknown date format",
    );
}

#[test]
fn jsonl_far_future_date() {
    check_line(
        r#"{"text":"Some words.","published":"9999-12-31"}"#,
        "is in the future",
    );
}

#[test]
fn jsonl_date_before_1800() {
    check_line(
        r#"{"text":"Some words.","published":"0200-01-01"}"#,
        "before 1800",
    );
}

#[test]
fn jsonl_invalid_utf8_line() {
    let env = seeded();
    let mut bytes = format!("{GOOD_LINE}\n").into_bytes();
    bytes.extend_from_slice(b"{\"text\":\"caf\xe9 \xc3\x28\"}\n");
    env.write("in.jsonl", bytes);
    let (code, _, err) = env.run(&["-q", "ingest", "--jsonl", "in.jsonl", "good.txt"]);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("in.jsonl:2") && err.contains("not valid UTF-8"),
        "{err}"
    );
    assert_eq!(code, 1);
    assert_eq!(stats(&env)["articles"], 3, "seed, line 1 and good.txt are stored");
}

#[test]
fn jsonl_lone_surrogate_escape() {
    check_line(r#"{"text":"\ud800 half a pair"}"#, "not valid JSON");
}

#[test]
fn jsonl_binary_file() {
    let env = seeded();
    let bytes: Vec<u8> = (0..200_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    env.write("bin.jsonl", bytes);
    check_item(
        &env,
        &["--jsonl", "bin.jsonl"],
        "bin.jsonl",
        "binary file, not JSONL",
    );
}

#[test]
fn jsonl_utf16_file() {
    let env = seeded();
    let mut bytes = vec![0xFF, 0xFE];
    for unit in GOOD_LINE.encode_utf16() {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    env.write("u16.jsonl", bytes);
    check_item(&env, &["--jsonl", "u16.jsonl"], "u16.jsonl", "UTF-16");
}

#[test]
fn jsonl_missing_file() {
    let env = seeded();
    check_item(
        &env,
        &["--jsonl", "nowhere.jsonl"],
        "nowhere.jsonl",
        "cannot open",
    );
}

#[test]
fn jsonl_one_line_of_200_mb() {
    // 200 MB written in a few large writes; the reader skips the line without holding it.
    let env = seeded();
    let path = env.path("huge.jsonl");
    {
        let mut f = std::io::BufWriter::new(std::fs::File::create(&path).expect("create"));
        f.write_all(br#"{"url":"https://b.invalid/huge","text":""#)
            .expect("write");
        let chunk = vec![b'a'; 1 << 20];
        for _ in 0..200 {
            f.write_all(&chunk).expect("write");
        }
        f.write_all(b"\"}\n").expect("write");
        f.write_all(GOOD_LINE.as_bytes()).expect("write");
        f.write_all(b"\n").expect("write");
    }
    let (code, _, err) = env.run(&["-q", "ingest", "--jsonl", "huge.jsonl"]);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("huge.jsonl:1") && err.contains("line longer than 64 MiB"),
        "{err}"
    );
    assert_eq!(code, 1);
    assert_eq!(stats(&env)["articles"], 2, "the seed and line 2 are stored");
}

#[test]
fn jsonl_nul_bytes_and_duplicate_keys_are_accepted() {
    let env = seeded();
    env.write(
        "odd.jsonl",
        concat!(
            r#"{"url":"https://b.invalid/nul","text":"Facebook sold users' location data\u0000 to Acme in 2019."}"#,
            "\n",
            r#"{"url":"https://b.invalid/dup","text":"first","text":"Google shared users' search history with Acme in 2017."}"#,
            "\n"
        ),
    );
    let claims = check_accepted(&env, &["--jsonl", "odd.jsonl"]);
    assert!(
        claims.iter().any(
            |c| crate::s(c, "article_url") == "https://b.invalid/dup" && crate::s(c, "actor") == "Google"
        ),
        "the last of duplicate keys wins: {claims:#?}"
    );
    assert_eq!(stats(&env)["articles"], 3);
}

// ---- Files ----------------------------------------------------------------------------------

#[test]
fn file_empty() {
    let env = seeded();
    env.write("empty.txt", "");
    check_item(&env, &["empty.txt"], "empty.txt", "empty file");
}

#[test]
fn file_only_whitespace() {
    let env = seeded();
    env.write("blank.md", " \n\n\t\n");
    check_item(&env, &["blank.md"], "blank.md", "empty file");
}

#[test]
fn file_binary() {
    let env = seeded();
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend((0..4000u32).map(|i| (i * 7 % 251) as u8));
    env.write("image.html", png);
    check_item(&env, &["image.html"], "image.html", "binary file");
}

#[test]
fn file_unsupported_type() {
    let env = seeded();
    env.write("report.pdf", "%PDF-1.7 not really");
    check_item(&env, &["report.pdf"], "report.pdf", "unsupported file type");
}

#[test]
fn file_missing() {
    let env = seeded();
    check_item(&env, &["nowhere.txt"], "nowhere.txt", "not found");
}

#[test]
fn file_truncated_gzip() {
    let env = seeded();
    let mut bytes = gz(GOOD.replace("Acme", "Bcme").as_bytes());
    bytes.truncate(bytes.len() / 2);
    env.write("cut.txt.gz", bytes);
    check_item(&env, &["cut.txt.gz"], "cut.txt.gz", "corrupt gzip");
}

#[test]
fn file_gzip_bomb() {
    // 100 MB of spaces compress to about 100 KB.
    let env = seeded();
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    let chunk = vec![b' '; 1 << 20];
    for _ in 0..100 {
        e.write_all(&chunk).expect("gzip in memory");
    }
    env.write("bomb.html.gz", e.finish().expect("gzip in memory"));
    check_item(&env, &["bomb.html.gz"], "bomb.html.gz", "more than 64 MiB");
}

#[test]
fn file_of_200_mb() {
    // A sparse file: refused by its size before a byte is read.
    let env = seeded();
    let f = std::fs::File::create(env.path("huge.html")).expect("create");
    f.set_len(200 << 20).expect("set_len");
    check_item(&env, &["huge.html"], "huge.html", "larger than 64 MiB");
}

#[test]
fn html_nested_100000_levels() {
    let env = seeded();
    let n = 100_000;
    let html = format!(
        "<html><body>{}<p>Facebook sold users' location data to Acme in 2019.</p>{}</body></html>",
        "<div>".repeat(n),
        "</div>".repeat(n)
    );
    env.write("deep.html", html);
    check_item(
        &env,
        &["deep.html"],
        "deep.html",
        "nested deeper than 1024 levels",
    );
}

#[test]
fn html_nested_unclosed_formatting_tags() {
    let env = seeded();
    env.write(
        "bold.html",
        format!("<p>{}Facebook sold data.", "<b><i>".repeat(50_000)),
    );
    check_item(
        &env,
        &["bold.html"],
        "bold.html",
        "nested deeper than 1024 levels",
    );
}

#[test]
fn html_one_enormous_line_is_read() {
    // About 1 MB on one line: read like any page (a debug build takes a while on it).
    let env = seeded();
    let paragraphs: String = (0..8000)
        .map(|i| format!("<p>Paragraph {i} of a long page that never breaks its line.</p>"))
        .collect();
    env.write(
        "long.html",
        format!(
            "<html><head><title>Long page</title></head><body><article>{paragraphs}\
             <p>Facebook sold users' location data to Acme Analytics in 2019.</p></article></body></html>"
        ),
    );
    let claims = check_accepted(&env, &["long.html", "--url", "https://b.invalid/long"]);
    assert!(
        claims
            .iter()
            .any(|c| crate::s(c, "article_url") == "https://b.invalid/long"),
        "{claims:#?}"
    );
}

#[test]
fn text_invalid_utf8_is_read_as_windows_1252() {
    let env = seeded();
    env.write(
        "latin.txt",
        b"Caf\xe9 report\n\nFacebook sold users\x92 location data to Acme in 2019.\n",
    );
    check_accepted(&env, &["latin.txt"]);
    let (_, out, _) = env.run(&["search", "Café", "--format", "jsonl"]);
    assert!(out.contains("Café report"), "{out}");
}

#[test]
fn html_unknown_encoding_is_detected() {
    let env = seeded();
    let mut html = b"<html><head><meta charset=\"x-klingon\"><title>K</title></head><body><p>".to_vec();
    html.extend_from_slice(b"Facebook sold users\xe2\x80\x99 location data to Acme Analytics in 2019, na\xc3\xafve.</p></body></html>");
    env.write("k.html", html);
    check_accepted(&env, &["k.html"]);
    let (_, out, _) = env.run(&["search", "naïve", "--format", "jsonl"]);
    assert!(
        out.contains("naïve") || out.contains("na\\u00efve"),
        "decoded as UTF-8: {out}"
    );
}

#[test]
fn file_name_with_a_newline_stays_one_line() {
    let env = seeded();
    env.write("new\nline.txt", "");
    check_item(&env, &["new\nline.txt"], "new\\nline.txt", "empty file");
}

#[test]
fn front_matter_with_a_bad_date() {
    let env = seeded();
    env.write(
        "fm.md",
        "---\ntitle: X\npublished: someday\n---\nFacebook sold data to Acme.\n",
    );
    check_item(&env, &["fm.md"], "fm.md", "unknown date format");
}

#[test]
fn terminal_escapes_in_a_title_do_not_reach_the_terminal() {
    let env = seeded();
    env.write(
        "ansi.txt",
        "\x1b[31mRed\x1b[0m title\n\nFacebook sold users' location data to Acme in 2019.\n",
    );
    check_accepted(&env, &["ansi.txt"]);
    for args in [
        &["claims"][..],
        &["timeline", "--format", "md"],
        &["contradictions"],
    ] {
        let (code, out, _) = env.run(args);
        assert_eq!(code, 0);
        assert!(!out.contains('\x1b'), "{args:?}: {out}");
    }
}

// ---- Lexicons -------------------------------------------------------------------------------

#[test]
fn lexicon_malformed() {
    let env = seeded();
    env.write("lex.tsv", "Acme\tAcme Inc\textra\tcolumns\n");
    check_fatal(&env, &["ingest", "good.txt", "--lexicon", "lex.tsv"], "lex.tsv:1");
}

#[test]
fn lexicon_not_text() {
    let env = seeded();
    env.write("lex.tsv", b"\xff\xfe\x00\x01garbage");
    check_fatal(
        &env,
        &["ingest", "good.txt", "--lexicon", "lex.tsv"],
        "cannot read lexicon lex.tsv",
    );
}

#[test]
fn lexicon_missing() {
    let env = seeded();
    check_fatal(
        &env,
        &["ingest", "good.txt", "--lexicon", "nope.tsv"],
        "cannot read lexicon nope.tsv",
    );
}

#[test]
fn lexicon_unknown_company_is_added() {
    let env = seeded();
    env.write("lex.tsv", "Zorblax\tZorblax Corp\n");
    env.write(
        "z.txt",
        "Zorblax report\n\nZorblax sold users' location data to Acme Analytics in 2019.\n",
    );
    let claims = check_accepted(&env, &["z.txt", "--lexicon", "lex.tsv"]);
    assert!(
        claims.iter().any(|c| crate::s(c, "actor") == "Zorblax"),
        "{claims:#?}"
    );
}

#[test]
fn unknown_data_type_on_the_command_line() {
    let env = seeded();
    let (code, _, err) = env.run(&["claims", "--data-type", "shoe_size"]);
    assert_eq!(code, 2);
    assert!(err.lines().next().unwrap_or("").contains("shoe_size"), "{err}");
    assert!(err.contains("private_messages"), "lists the known keys: {err}");
}

#[test]
fn data_type_phrases_and_partial_dates_on_the_command_line() {
    let env = seeded();
    let (code, _, err) = env.run(&["-q", "ingest", "good.txt", "--published", "2019-06-01"]);
    assert_eq!(code, 0, "{err}");
    let ids = |args: &[&str]| -> Vec<i64> {
        let (code, out, err) = env.run(&[&["claims", "--format", "jsonl"], args].concat());
        assert_eq!(code, 0, "{args:?}: {err}");
        crate::jsonl(&out)
            .iter()
            .map(|c| c["id"].as_i64().unwrap())
            .collect()
    };
    let seed = ids(&["--until", "2018-12-31"]);
    let good = ids(&["--since", "2019-01-01"]);
    assert!(!seed.is_empty() && !good.is_empty(), "both articles give claims");
    let key = ids(&["--data-type", "location"]);
    assert_eq!(key, good, "the later report is about location data");
    // A taxonomy phrase, or the key written as words, names the same key.
    assert_eq!(ids(&["--data-type", "GPS"]), key);
    assert_eq!(ids(&["--data-type", "Location history"]), key);
    assert_eq!(
        ids(&["--data-type", "Personal Data"]),
        ids(&["--data-type", "personal_data"])
    );
    // A year or a month covers all its days (the articles are dated 2018-04-10, 2019-06-01).
    assert_eq!(ids(&["--since", "2018", "--until", "2018"]), seed);
    assert_eq!(ids(&["--since", "2018-04", "--until", "2018-04"]), seed);
    assert_eq!(ids(&["--since", "2019"]), good);
    assert_eq!(ids(&["--until", "2019-06"]).len(), seed.len() + good.len());
    assert!(ids(&["--since", "2018-05", "--until", "2019-05"]).is_empty());
    let (code, _, err) = env.run(&["claims", "--since", "2018-13"]);
    assert_eq!(code, 2);
    assert!(err.contains("2018-13") && err.contains("YYYY-MM"), "{err}");
}

// ---- Databases ------------------------------------------------------------------------------

#[test]
fn database_folder_missing() {
    let env = Env::new();
    env.write("good.txt", GOOD);
    let out = without_db(&env, &["--db", "no/such/folder/x.db", "-q", "ingest", "good.txt"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("no/such/folder/x.db: cannot open or create the database file"),
        "{err}"
    );
}

#[test]
fn database_in_a_read_only_place() {
    // /proc refuses new files even to root (tests may run as root, so chmod proves nothing).
    let env = Env::new();
    env.write("good.txt", GOOD);
    let out = without_db(
        &env,
        &["--db", "/proc/claimtrack-test.db", "-q", "ingest", "good.txt"],
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("cannot open or create the database file"), "{err}");
}

#[test]
fn database_path_is_a_folder() {
    let env = Env::new();
    std::fs::create_dir(env.db()).expect("mkdir");
    env.write("good.txt", GOOD);
    check_fatal(
        &env,
        &["-q", "ingest", "good.txt"],
        "cannot open or create the database file",
    );
}

#[test]
fn database_file_is_not_sqlite() {
    let env = Env::new();
    env.write("t.db", "just some notes, not a database\n".repeat(100));
    env.write("good.txt", GOOD);
    check_fatal(&env, &["-q", "ingest", "good.txt"], "not a database");
    check_fatal(&env, &["claims"], "not a database");
}

#[test]
fn database_file_is_corrupt() {
    // A real claimtrack database with its pages after the first overwritten.
    let env = seeded();
    let db = env.db();
    rusqlite::Connection::open(&db)
        .and_then(|c| c.execute_batch("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;"))
        .expect("checkpoint");
    let mut bytes = std::fs::read(&db).expect("read");
    assert!(bytes.len() > 8192);
    for b in &mut bytes[4096..] {
        *b = 0x5A;
    }
    std::fs::write(&db, &bytes).expect("write");
    for args in [
        &["-q", "ingest", "good.txt"][..],
        &["claims"],
        &["search", "data"],
    ] {
        let (code, out, err) = env.run(args);
        assert_eq!((code, out.as_str()), (2, ""), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(
            err.contains("malformed") || err.contains("not a database"),
            "{args:?}: {err}"
        );
    }
    assert_eq!(std::fs::read(&db).expect("read"), bytes, "left as it was");
}

#[test]
fn database_of_another_program() {
    let env = Env::new();
    rusqlite::Connection::open(env.db())
        .and_then(|c| c.execute_batch("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);"))
        .expect("setup");
    env.write("good.txt", GOOD);
    check_fatal(&env, &["-q", "ingest", "good.txt"], "not a claimtrack database");
    check_fatal(&env, &["claims"], "not a claimtrack database");
}

#[test]
fn database_missing_for_a_reading_command() {
    let env = Env::new();
    check_fatal(
        &env,
        &["claims"],
        "no such database; run `claimtrack ingest` first",
    );
    assert!(!env.db().exists(), "a reading command creates nothing");
}

#[test]
fn database_missing_for_a_command_that_changes_stored_rows() {
    let env = Env::new();
    for args in [
        &["reextract"][..],
        &["reextract", "--html"],
        &["link", "confirm", "1"],
        &["claim", "edit", "1", "--polarity", "denial"],
    ] {
        check_fatal(&env, args, "no such database; run `claimtrack ingest` first");
        assert!(!env.db().exists(), "{args:?} creates nothing");
    }
}

#[test]
fn search_queries_with_quotes_operators_and_sql() {
    let env = seeded();
    for q in [
        "\"unbalanced",
        "AND OR NOT",
        "'; DROP TABLE articles; --",
        "data-sharing",
        "*",
        "NEAR(",
    ] {
        let (code, _, err) = env.run(&["search", q, "--format", "jsonl"]);
        assert!(
            code == 0 || (code == 2 && err.lines().count() == 1),
            "{q:?}: {code} {err}"
        );
    }
    assert_eq!(stats(&env)["articles"], 1, "nothing was dropped");
}

/// For the catalogue: every test above is a row of docs/bad-input.md.
#[test]
fn catalogue_lists_every_test() {
    let doc = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/bad-input.md"))
        .expect("docs/bad-input.md exists");
    let src = include_str!("bad_input.rs");
    let names: Vec<&str> = src
        .lines()
        .filter_map(|l| l.strip_prefix("fn "))
        .filter_map(|l| l.split('(').next())
        .filter(|n| n.starts_with(|c: char| c.is_ascii_lowercase()))
        .collect();
    let tests: Vec<&str> = src
        .split("#[test]\nfn ")
        .skip(1)
        .filter_map(|s| s.split('(').next())
        .filter(|n| *n != "catalogue_lists_every_test")
        .collect();
    assert!(!names.is_empty());
    for t in &tests {
        assert!(
            doc.contains(&format!("`{t}`")),
            "docs/bad-input.md has no row for {t}"
        );
    }
    assert!(tests.len() >= 30, "{} tests", tests.len());
}

// ---- Exports of hostile text ----------------------------------------------------------------

#[test]
fn hostile_text_is_inert_in_every_export() {
    let env = seeded();
    let title =
        "=HYPERLINK(\"http://evil.invalid\") <script>alert(1)</script></style>\" onmouseover=\"alert(2)";
    let line = serde_json::json!({
        "url": "javascript:alert(3)//\"><script>alert(4)</script>",
        "title": title,
        "published": "2019-05-01",
        "outlet": "<img src=x onerror=alert(5)>",
        "text": "Facebook sold users' location data to Acme in 2019, said <script>alert(6)</script> \"='><svg onload=alert(7)>.",
    });
    env.write("hostile.jsonl", format!("{line}\n"));
    check_accepted(&env, &["--jsonl", "hostile.jsonl"]);
    let (code, html, err) = env.run(&["timeline", "--format", "html"]);
    assert_eq!(code, 0, "{err}");
    for live in [
        "<script>alert",
        "<img src=x",
        "<svg onload",
        "href=\"javascript:",
        "href='javascript:",
        "href=javascript:",
        "onmouseover=\"alert",
    ] {
        assert!(!html.contains(live), "html timeline holds {live:?} live");
    }
    assert_eq!(
        html.matches("</style>").count(),
        html.matches("<style").count(),
        "no stray </style>"
    );
    let (code, md, _) = env.run(&["timeline", "--format", "md"]);
    assert_eq!(code, 0);
    assert!(!md.contains("<script>") && !md.contains("](javascript:"), "{md}");
    for args in [
        &["claims", "--format", "csv"][..],
        &["timeline", "--format", "csv"],
    ] {
        let (code, csv, _) = env.run(args);
        assert_eq!(code, 0);
        let mut reader = csv::ReaderBuilder::new().from_reader(csv.as_bytes());
        for record in reader.records() {
            for cell in record.expect("valid CSV").iter() {
                assert!(
                    !cell.starts_with(['=', '+', '@', '\t', '\r'])
                        && (!cell.starts_with('-') || cell.parse::<f64>().is_ok()),
                    "{args:?}: formula cell {cell:?}"
                );
            }
        }
        assert!(
            csv.contains("'=HYPERLINK"),
            "{args:?}: the title is kept, neutralised: {csv}"
        );
    }
}
