//! Crash safety: `claimtrack ingest` killed with SIGKILL at random moments, rerun each time,
//! must leave a sound database holding every article once, with the claims and links of an
//! uninterrupted run. Also: databases of every earlier schema version migrate forward; a newer
//! one is refused and left byte-identical.

use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use rusqlite::Connection;

use crate::support::{assert_sound, claimtrack, generate, Rng};
use crate::Env;

/// Synthetic articles per run: a debug-build run takes a few seconds, so 20 kills and their
/// reruns fit in about a minute (most of a run is the process starting).
const ARTICLES: usize = 200;
const SEED: u64 = 20_261_130;
/// Each round starts on a fresh database and kills four runs in a row (each a rerun of the
/// same command on what the previous one left), then lets a fifth finish: 20 kills in all.
const ROUNDS: usize = 5;
const KILLS_PER_ROUND: usize = 4;

/// One claim as the comparison sees it: (article url, sentence, actor, counterparty, data
/// type, polarity).
type ClaimRow = (String, String, String, String, String, String);

#[derive(Debug, PartialEq)]
struct Snapshot {
    /// Stored article URLs, in id order.
    urls: Vec<String>,
    claims: BTreeSet<ClaimRow>,
    links: BTreeSet<(ClaimRow, ClaimRow)>,
}

const CLAIM_COLUMNS: &str = "coalesce(a.url, ''), c.sentence, c.actor, coalesce(c.counterparty, ''), \
     c.data_type, c.polarity";

fn claim_row(r: &rusqlite::Row<'_>, at: usize) -> rusqlite::Result<ClaimRow> {
    Ok((
        r.get(at)?,
        r.get(at + 1)?,
        r.get(at + 2)?,
        r.get(at + 3)?,
        r.get(at + 4)?,
        r.get(at + 5)?,
    ))
}

fn snapshot(db: &Path) -> Snapshot {
    let conn = Connection::open(db).expect("the database opens");
    let urls = conn
        .prepare("SELECT url FROM articles ORDER BY id")
        .and_then(|mut st| st.query_map([], |r| r.get::<_, String>(0))?.collect())
        .expect("articles are read");
    let claims = conn
        .prepare(&format!(
            "SELECT {CLAIM_COLUMNS} FROM claims c JOIN articles a ON a.id = c.article_id"
        ))
        .and_then(|mut st| st.query_map([], |r| claim_row(r, 0))?.collect())
        .expect("claims are read");
    let second = CLAIM_COLUMNS.replace("a.", "sa.").replace("c.", "s.");
    let links = conn
        .prepare(&format!(
            "SELECT {CLAIM_COLUMNS}, {second} FROM links l \
             JOIN claims c ON c.id = l.denial_id JOIN articles a ON a.id = c.article_id \
             JOIN claims s ON s.id = l.assertion_id JOIN articles sa ON sa.id = s.article_id"
        ))
        .and_then(|mut st| {
            st.query_map([], |r| Ok((claim_row(r, 0)?, claim_row(r, 6)?)))?
                .collect()
        })
        .expect("links are read");
    Snapshot { urls, claims, links }
}

/// The reference restricted to the articles `stored` holds: what a run cut short after those
/// articles must contain.
fn restricted(reference: &Snapshot, stored: &[String]) -> Snapshot {
    let keep: HashSet<&str> = stored.iter().map(String::as_str).collect();
    Snapshot {
        urls: stored.to_vec(),
        claims: reference
            .claims
            .iter()
            .filter(|c| keep.contains(c.0.as_str()))
            .cloned()
            .collect(),
        links: reference
            .links
            .iter()
            .filter(|(d, a)| keep.contains(d.0.as_str()) && keep.contains(a.0.as_str()))
            .cloned()
            .collect(),
    }
}

struct Corpus {
    jsonl: PathBuf,
    lexicon: PathBuf,
    /// Article URLs in input order.
    urls: Vec<String>,
}

fn corpus(env: &Env, articles: usize, seed: u64) -> Corpus {
    let (jsonl, lexicon) = generate(env, "corpus.jsonl", articles, seed);
    let urls = std::fs::read_to_string(&jsonl)
        .expect("the corpus is written")
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("the corpus is JSONL");
            v["url"]
                .as_str()
                .expect("every synthetic article has a URL")
                .to_string()
        })
        .collect();
    Corpus { jsonl, lexicon, urls }
}

fn ingest(db: &Path, c: &Corpus) -> Command {
    let mut cmd = claimtrack(db);
    cmd.args(["-q", "ingest", "--jsonl"])
        .arg(&c.jsonl)
        .arg("--lexicon")
        .arg(&c.lexicon)
        .stdout(Stdio::null());
    cmd
}

fn ingest_to_the_end(db: &Path, c: &Corpus) {
    let out = ingest(db, c).output().expect("claimtrack runs");
    assert!(
        out.status.success(),
        "ingest failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Articles committed so far, read as any reader would while the ingest runs (None while
/// the file is not there or not yet a database).
fn stored_now(db: &Path) -> Option<usize> {
    if !db.exists() {
        return None;
    }
    let flags = rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY;
    let conn = Connection::open_with_flags(db, flags).ok()?;
    conn.query_row("SELECT count(*) FROM articles", [], |r| r.get::<_, i64>(0))
        .ok()
        .map(|n| n as usize)
}

/// When to kill a run.
#[derive(Debug, Clone, Copy)]
enum Moment {
    /// After this long, wherever the run is (opening, migrating, skipping what is stored).
    After(Duration),
    /// Once this many articles are committed, plus a little, so the kill falls while later
    /// articles are being written.
    Stored(usize, Duration),
}

/// Starts an ingest and SIGKILLs it at `moment`; true when it was still running then.
fn ingest_and_kill(db: &Path, c: &Corpus, moment: Moment) -> bool {
    let mut child = ingest(db, c)
        .stderr(Stdio::null())
        .spawn()
        .expect("claimtrack starts");
    match moment {
        Moment::After(d) => std::thread::sleep(d),
        Moment::Stored(n, extra) => {
            while matches!(child.try_wait(), Ok(None)) && stored_now(db).is_none_or(|k| k < n) {
                std::thread::sleep(Duration::from_millis(3));
            }
            std::thread::sleep(extra);
        }
    }
    let running = matches!(child.try_wait(), Ok(None));
    // Child::kill sends SIGKILL on Unix: no destructor, no rollback, no WAL checkpoint.
    let _ = child.kill();
    let _ = child.wait();
    running
}

/// What a kill left: the stored articles are a prefix of the input, each with exactly the
/// claims and links it has in the uninterrupted run.
fn check_after_kill(db: &Path, c: &Corpus, reference: &Snapshot, version: i64) -> usize {
    if !db.exists() {
        return 0;
    }
    assert_sound(db);
    // A kill before the last migration committed leaves a file at an earlier version (0: no
    // table yet). Ingest writes no article before the schema is whole, so such a file holds
    // none; the rerun migrates it.
    let at = user_version(db);
    if at < version {
        let conn = Connection::open(db).expect("the database opens");
        let has_articles: i64 = conn
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'articles'",
                [],
                |r| r.get(0),
            )
            .expect("sqlite_master is read");
        if has_articles == 1 {
            assert_eq!(
                crate::support::count(db, "SELECT count(*) FROM articles"),
                0,
                "a database killed at schema version {at} holds no article"
            );
        }
        return 0;
    }
    assert_eq!(
        at, version,
        "a killed run leaves the schema version it had or an earlier one"
    );
    let got = snapshot(db);
    assert_eq!(
        got.urls,
        c.urls[..got.urls.len()],
        "the stored articles are the first ones of the input, each once"
    );
    let expected = restricted(reference, &got.urls);
    assert_eq!(
        got.claims,
        expected.claims,
        "claims after a kill at {} articles",
        got.urls.len()
    );
    assert_eq!(
        got.links,
        expected.links,
        "links after a kill at {} articles",
        got.urls.len()
    );
    got.urls.len()
}

#[test]
fn sigkill_at_20_moments_loses_and_duplicates_nothing() {
    let env = Env::new();
    let c = corpus(&env, ARTICLES, SEED);
    let reference_db = env.path("reference.db");
    let t = Instant::now();
    ingest_to_the_end(&reference_db, &c);
    let full = t.elapsed();
    assert_sound(&reference_db);
    let reference = snapshot(&reference_db);
    let version = user_version(&reference_db);
    assert_eq!(
        reference.urls.len(),
        ARTICLES,
        "every input article is stored once"
    );
    assert!(
        !reference.claims.is_empty() && !reference.links.is_empty(),
        "the corpus gives claims and links to compare"
    );

    let mut rng = Rng::new(SEED);
    let (mut kills, mut landed, mut mid_write) = (0, 0, 0);
    for round in 0..ROUNDS {
        let db = env.path(&format!("round{round}.db"));
        let mut stored = 0;
        for _ in 0..KILLS_PER_ROUND {
            // One kill in four at a moment drawn over a whole run's duration; the others once a
            // drawn number of articles (beyond what is stored) is committed, plus up to 30 ms.
            let moment = if rng.next() % 4 == 0 {
                Moment::After(full.mul_f64(rng.fraction(0.0, 1.0)))
            } else {
                let target = stored + (rng.fraction(0.0, 1.0) * (ARTICLES - stored) as f64) as usize;
                Moment::Stored(target, Duration::from_millis(rng.next() % 30))
            };
            kills += 1;
            landed += usize::from(ingest_and_kill(&db, &c, moment));
            stored = check_after_kill(&db, &c, &reference, version);
            mid_write += usize::from(stored > 0 && stored < ARTICLES);
        }
        ingest_to_the_end(&db, &c);
        assert_sound(&db);
        assert_eq!(
            snapshot(&db),
            reference,
            "round {round}: the rerun completes the database"
        );
    }
    eprintln!(
        "crash test: {kills} kills ({landed} while running, {mid_write} leaving a part of the input \
         stored), every database sound and equal to the uninterrupted run; one run {full:.2?}"
    );
    assert_eq!(kills, 20);
}

// ---------------------------------------------------------------------------------------------
// Migrations: the databases of earlier schema versions kept in tests/fixtures/db/ (see make.sh
// there) open with this claimtrack, migrate forward on the first write, and keep their rows.

fn fixture_db(env: &Env, version: u32) -> PathBuf {
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/db/v{version}.db"));
    std::fs::copy(&from, env.db()).expect("the fixture database is there");
    env.db()
}

fn user_version(db: &Path) -> i64 {
    Connection::open(db)
        .and_then(|c| c.query_row("PRAGMA user_version", [], |r| r.get(0)))
        .expect("user_version is read")
}

/// An article that contradicts the fixtures' denial, ingested into the old database.
const LATER: &str = r#"{"url":"https://fixture.invalid/new/later","title":"Regulator finds more sales","published":"2021-03-02","outlet":"Fixture Weekly","text":"Facebook sold users' location history to Acme Analytics in 2020, a regulator's report found."}"#;

/// What every old fixture holds: two articles, four claims and the four links between them.
fn check_old_rows_survive(env: &Env) {
    let claims = env.claims(&[]);
    let from_old: Vec<&serde_json::Value> = claims
        .iter()
        .filter(|c| {
            let url = crate::s(c, "article_url");
            url == "https://fixture.invalid/old/denial" || url == "https://fixture.invalid/old/sale"
        })
        .collect();
    assert_eq!(from_old.len(), 4, "{claims:#?}");
    assert!(from_old.iter().any(|c| crate::s(c, "sentence")
        == "Facebook does not sell its users' personal data to anyone, a company spokesperson said on Tuesday."
        && crate::s(c, "polarity") == "denial"));
    let links = env.contradictions(&[]);
    let old_links = links
        .iter()
        .filter(|l| {
            crate::s(&l["denial"], "article_url") == "https://fixture.invalid/old/denial"
                && crate::s(&l["assertion"], "article_url") == "https://fixture.invalid/old/sale"
        })
        .count();
    assert_eq!(old_links, 4, "the old links survive");
    let new_links = links
        .iter()
        .filter(|l| crate::s(&l["assertion"], "article_url") == "https://fixture.invalid/new/later")
        .count();
    assert_eq!(new_links, 2, "the new article links to the old denials");
    let (code, out, err) = env.run(&["stats", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let stats: serde_json::Value = serde_json::from_str(&out).expect("stats is JSON");
    assert_eq!(stats["schema_version"], claimtrack::store::SCHEMA_VERSION);
    assert_eq!(stats["failures"], 1, "the recorded failure survives");
    assert_sound(&env.db());
}

#[test]
fn schema_1_database_migrates_forward_and_keeps_its_rows() {
    let env = Env::new();
    let db = fixture_db(&env, 1);
    assert_eq!(user_version(&db), 1);
    // A reading command does not migrate: it says what to do and leaves the file alone.
    let before = std::fs::read(&db).expect("readable");
    let (code, out, err) = env.run(&["claims"]);
    assert_eq!((code, out.as_str()), (2, ""), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("schema version 1 is older") && err.contains("claimtrack ingest"),
        "{err}"
    );
    assert_eq!(
        std::fs::read(&db).expect("readable"),
        before,
        "left byte-identical"
    );

    let (code, _, err) = env.run_stdin(&["ingest", "--jsonl", "-"], LATER);
    assert_eq!(code, 0, "{err}");
    assert_eq!(user_version(&db), claimtrack::store::SCHEMA_VERSION);
    check_old_rows_survive(&env);
    // Claims of schema 1 got their stable keys, so a decision on an old link can be made.
    let (code, _, err) = env.run(&["link", "confirm", "1", "--by", "test"]);
    assert_eq!(code, 0, "{err}");
}

#[test]
fn schema_2_database_keeps_decisions_corrections_and_statements() {
    let env = Env::new();
    let db = fixture_db(&env, 2);
    assert_eq!(user_version(&db), 2);
    let (code, _, err) = env.run_stdin(&["ingest", "--jsonl", "-"], LATER);
    assert_eq!(code, 0, "{err}");
    assert_eq!(user_version(&db), claimtrack::store::SCHEMA_VERSION);
    check_old_rows_survive(&env);
    let confirmed = env.contradictions(&["--status", "confirmed"]);
    assert_eq!(confirmed.len(), 1, "{confirmed:#?}");
    let (code, out, err) = env.run(&["review", "--format", "jsonl"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        !out.contains("checked against the filing"),
        "a confirmed link is not waiting"
    );
    let (code, out, err) = env.run(&["contradictions", "--status", "confirmed", "--format", "csv"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.lines().count() == 2, "{out}");
    let claims = env.claims(&[]);
    assert!(
        claims.iter().any(|c| crate::s(c, "counterparty") == "Datahaus"),
        "the correction survives"
    );
    assert!(
        claims
            .iter()
            .any(|c| crate::s(c, "sentence")
                == "We have never given anyone access to people's private messages."),
        "the statement added by hand survives"
    );
}

#[test]
fn a_newer_database_is_refused_and_left_byte_identical() {
    let env = Env::new();
    let db = fixture_db(&env, 2);
    Connection::open(&db)
        .and_then(|c| c.pragma_update(None, "user_version", 99))
        .expect("the version can be raised");
    let before = std::fs::read(&db).expect("readable");
    for args in [
        &["ingest", "--jsonl", "-"][..],
        &["claims"],
        &["contradictions"],
        &["reextract"],
        &["claim", "edit", "1", "--actor", "Google"],
    ] {
        let (code, out, err) = env.run_stdin(args, LATER);
        assert_eq!((code, out.as_str()), (2, ""), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(
            err.contains("newer claimtrack")
                && err.contains("schema version 99")
                && err.contains(&db.display().to_string()),
            "{args:?}: {err}"
        );
        assert_eq!(
            std::fs::read(&db).expect("readable"),
            before,
            "{args:?}: left byte-identical"
        );
        assert!(!env.path("t.db-wal").exists(), "{args:?}: no WAL file made");
    }
}

/// A fixture's rows that must survive opening and migrating it, one line of text each: articles,
/// claims (with their article), links (by their sentences) with people's decisions and notes,
/// failures, decisions, corrections, the fetch queue and log, and (schema 5 on) text statuses.
fn kept_rows(db: &Path) -> BTreeSet<String> {
    let conn = Connection::open(db).expect("the database opens");
    let mut queries = vec![
        "SELECT 'article ' || coalesce(url, '') || ' ' || kind || ' ' || coalesce(title, '') \
         || ' ' || coalesce(published, '') FROM articles",
        "SELECT 'claim ' || a.url || ' ' || c.sentence || ' ' || c.actor || ' ' \
         || coalesce(c.counterparty, '') || ' ' || c.data_type || ' ' || c.polarity \
         FROM claims c JOIN articles a ON a.id = c.article_id",
        "SELECT 'link ' || d.sentence || ' | ' || s.sentence || ' ' || l.status || ' ' \
         || coalesce(l.note, '') FROM links l JOIN claims d ON d.id = l.denial_id \
         JOIN claims s ON s.id = l.assertion_id",
        "SELECT 'failure ' || item || ' ' || reason FROM failures",
        "SELECT 'decision ' || status || ' ' || coalesce(note, '') || ' ' || denial_sentence \
         || ' | ' || assertion_sentence FROM link_decisions",
        "SELECT 'correction ' || key || ' ' || coalesce(counterparty, '') || ' ' || sentence \
         FROM claim_corrections",
        "SELECT 'queued ' || url || ' ' || state || ' ' || coalesce(reason, '') FROM fetch_queue",
        "SELECT 'fetched ' || url || ' ' || outcome || ' ' || attempts FROM fetch_log",
    ];
    if user_version(db) >= 5 {
        queries.push(
            "SELECT 'status ' || url || ' ' || text_status FROM articles WHERE text_status IS NOT NULL",
        );
    }
    let mut rows = BTreeSet::new();
    for sql in queries {
        let found: Vec<String> = conn
            .prepare(sql)
            .and_then(|mut st| st.query_map([], |r| r.get(0))?.collect())
            .unwrap_or_else(|e| panic!("{sql}: {e}"));
        rows.extend(found);
    }
    rows
}

/// The fixtures of schema 3, 4 and 5 (tests/fixtures/db/make-v3-v5.sh) hold v2.db's kinds of
/// rows plus a fetch queue entry and its log, and an article with a text status. Each opens with
/// this claimtrack: an older one is refused by reading commands and migrated by the first write;
/// every row survives; old links get ranks and counts; decisions still apply.
fn check_fixture_migrates_forward(version: i64) {
    let env = Env::new();
    let db = fixture_db(&env, version as u32);
    assert_eq!(user_version(&db), version);
    let before = kept_rows(&db);
    assert!(
        before
            .iter()
            .any(|r| r.starts_with("queued http://127.0.0.1:9/gone skipped")),
        "the fixture holds a fetch queue entry: {before:#?}"
    );
    assert!(before
        .iter()
        .any(|r| r.starts_with("decision confirmed checked against the filing")));
    if version < claimtrack::store::SCHEMA_VERSION {
        let bytes = std::fs::read(&db).expect("readable");
        let (code, out, err) = env.run(&["contradictions"]);
        assert_eq!((code, out.as_str()), (2, ""), "{err}");
        assert!(
            err.contains(&format!("schema version {version} is older")),
            "{err}"
        );
        assert_eq!(
            std::fs::read(&db).expect("readable"),
            bytes,
            "left byte-identical"
        );
    }
    let (code, _, err) = env.run_stdin(&["ingest", "--jsonl", "-"], LATER);
    assert_eq!(code, 0, "{err}");
    assert_eq!(user_version(&db), claimtrack::store::SCHEMA_VERSION);
    let after = kept_rows(&db);
    let lost: Vec<&String> = before.difference(&after).collect();
    assert!(lost.is_empty(), "schema {version}: rows lost: {lost:#?}");
    assert!(
        after
            .iter()
            .any(|r| r.starts_with("article https://fixture.invalid/new/later")),
        "{after:#?}"
    );
    // Every link has a rank (schema 4's link cap) and is listed under its companies (schema 6's
    // `link_companies`), filled in for links stored before them.
    let unranked = crate::support::count(&db, "SELECT count(*) FROM links WHERE rank IS NULL");
    assert_eq!(unranked, 0);
    let unlisted = crate::support::count(
        &db,
        "SELECT count(*) FROM links WHERE id NOT IN (SELECT link_id FROM link_companies)",
    );
    assert_eq!(unlisted, 0);
    assert!(crate::support::count(&db, "SELECT count(*) FROM links") > 0);
    let confirmed = env.contradictions(&["--status", "confirmed"]);
    assert_eq!(confirmed.len(), 1, "{confirmed:#?}");
    assert!(
        env.claims(&[])
            .iter()
            .any(|c| crate::s(c, "counterparty") == "Datahaus"),
        "the correction survives"
    );
    // A decision on an old link can be made.
    let (code, _, err) = env.run(&["link", "reject", "2", "--by", "test"]);
    assert_eq!(code, 0, "{err}");
    assert_sound(&db);
}

#[test]
fn schema_3_database_migrates_forward_and_keeps_its_fetch_queue() {
    check_fixture_migrates_forward(3);
}

#[test]
fn schema_4_database_migrates_forward_and_keeps_its_ranked_links() {
    check_fixture_migrates_forward(4);
}

#[test]
fn schema_5_database_opens_and_keeps_its_text_statuses() {
    check_fixture_migrates_forward(5);
}

/// An article the database refuses in the middle of a batch (a trigger stands in for any
/// constraint it breaks): the batch's articles take no savepoint each, so the failure rolls
/// the batch back and the pipeline writes it again. One stderr line names the article; every
/// other article is stored once, with the claims and links of a run that never had it.
#[test]
fn an_article_refused_mid_batch_fails_alone_and_its_batch_is_kept() {
    let env = Env::new();
    let c = corpus(&env, 60, SEED);
    let refused = c.urls[30].clone();
    let others: Vec<String> = c.urls.iter().filter(|u| **u != refused).cloned().collect();
    let lines: Vec<String> = std::fs::read_to_string(&c.jsonl)
        .expect("the corpus is written")
        .lines()
        .map(str::to_string)
        .collect();
    // The first article makes each database; the rest go in one run (one batch).
    let first = env.write("first.jsonl", format!("{}\n", lines[0]));
    let without = env.write(
        "without.jsonl",
        lines
            .iter()
            .filter(|l| !l.contains(&format!("\"{refused}\"")))
            .map(|l| format!("{l}\n"))
            .collect::<String>(),
    );
    let run = |db: &Path, jsonl: &Path| {
        let out = claimtrack(db)
            .args(["-q", "ingest", "--jsonl"])
            .arg(jsonl)
            .arg("--lexicon")
            .arg(&c.lexicon)
            .output()
            .expect("claimtrack runs");
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (reference, refusing) = (env.path("reference.db"), env.path("refusing.db"));
    for db in [&reference, &refusing] {
        assert_eq!(run(db, &first).0, Some(0));
    }
    Connection::open(&refusing)
        .and_then(|conn| {
            conn.execute_batch(&format!(
                "CREATE TRIGGER refuse BEFORE INSERT ON articles WHEN NEW.url = '{refused}' \
                 BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;"
            ))
        })
        .expect("the trigger is made");
    assert_eq!(run(&reference, &without).0, Some(0));
    let (code, err) = run(&refusing, &c.jsonl);
    assert_eq!(code, Some(1), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("refused by the test"), "{err}");
    assert_sound(&refusing);
    let (got, want) = (snapshot(&refusing), snapshot(&reference));
    assert_eq!(got.urls, others, "every other article, once, in input order");
    assert_eq!(got, want);
    let failures: i64 = Connection::open(&refusing)
        .and_then(|conn| conn.query_row("SELECT count(*) FROM failures", [], |r| r.get(0)))
        .expect("failures are counted");
    assert_eq!(failures, 1);
}
