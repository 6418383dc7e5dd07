//! Concurrent use of one database file by several real processes: readers while an ingest
//! writes, and two ingests at once.

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use crate::support::{self, assert_sound, count};
use crate::Env;

fn claimtrack(db: &Path, args: &[&str]) -> Command {
    let mut c = support::claimtrack(db);
    c.args(args);
    c
}

/// A synthetic corpus and its lexicon, as path strings for argument lists.
fn generate(env: &Env, name: &str, articles: usize, seed: u64) -> (String, String) {
    let (jsonl, lexicon) = support::generate(env, name, articles, seed);
    (jsonl.display().to_string(), lexicon.display().to_string())
}

/// Checks one reader's run; returns how many rows it printed.
fn check_reader(args: &[&str], out: &Output) -> usize {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "{args:?} failed ({:?}): {stderr}",
        out.status.code()
    );
    assert!(
        !stderr.contains("locked") && !stderr.contains("busy"),
        "{args:?}: {stderr}"
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    if args[0] == "timeline" {
        let v: serde_json::Value =
            serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{args:?}: not JSON ({e}): {stdout}"));
        return v.to_string().len();
    }
    let rows = crate::jsonl(&stdout);
    if args[0] == "contradictions" {
        for link in &rows {
            // A link is only ever seen with both of its claims: a reader never sees half an
            // article's writes.
            assert_eq!(crate::s(&link["denial"], "polarity"), "denial", "{link}");
            assert_eq!(crate::s(&link["assertion"], "polarity"), "assertion", "{link}");
        }
    }
    rows.len()
}

#[test]
fn readers_run_while_an_ingest_writes() {
    let env = Env::new();
    let db = env.db();
    let (big, lexicon) = generate(&env, "big.jsonl", 300, 5);
    // The first 30 articles first, so readers start on a database that exists; the ingest then
    // goes on adding to it.
    let text = std::fs::read_to_string(&big).expect("the corpus is written");
    let head: String = text.lines().take(30).map(|l| format!("{l}\n")).collect();
    let first = env.write("first.jsonl", head).display().to_string();
    let out = claimtrack(&db, &["-q", "ingest", "--jsonl", &first, "--lexicon", &lexicon])
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));

    let mut writer = claimtrack(&db, &["-q", "ingest", "--jsonl", &big, "--lexicon", &lexicon])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("ingest starts");
    let done = AtomicBool::new(false);
    let readers: &[&[&str]] = &[
        &["claims", "--format", "jsonl"],
        &["contradictions", "--format", "jsonl"],
        &["search", "personal data", "--format", "jsonl", "--limit", "1000"],
        &["timeline", "--format", "json"],
        &["claims", "--format", "jsonl", "--polarity", "denial"],
    ];
    let runs = std::thread::scope(|scope| {
        let handles: Vec<_> = readers
            .iter()
            .map(|args| {
                let (db, done) = (&db, &done);
                scope.spawn(move || {
                    let mut runs = 0;
                    let mut last = 0;
                    // Until the writer is done, and once more after.
                    loop {
                        let finished = done.load(Ordering::SeqCst);
                        let out = claimtrack(db, args).output().expect("reader runs");
                        let rows = check_reader(args, &out);
                        if args[0] == "claims" {
                            assert!(rows >= last, "{args:?}: rows went from {last} to {rows}");
                            last = rows;
                        }
                        runs += 1;
                        if finished {
                            return runs;
                        }
                    }
                })
            })
            .collect();
        let status = writer.wait().expect("ingest runs");
        done.store(true, Ordering::SeqCst);
        let mut err = String::new();
        use std::io::Read;
        if let Some(mut e) = writer.stderr.take() {
            let _ = e.read_to_string(&mut err);
        }
        assert!(status.success(), "ingest: {err}");
        handles
            .into_iter()
            .map(|h| h.join().expect("reader thread"))
            .collect::<Vec<usize>>()
    });
    eprintln!("readers ran {runs:?} times during the ingest");
    assert!(runs.iter().all(|&n| n >= 1));
    assert_sound(&db);
    let stats = env.run(&["stats", "--format", "json"]).1;
    let stats: serde_json::Value = serde_json::from_str(&stats).expect("stats is JSON");
    assert_eq!(stats["articles"], 300);
}

#[test]
fn two_ingests_at_once_both_succeed_without_duplicates() {
    let env = Env::new();
    let (corpus, lexicon) = generate(&env, "c.jsonl", 200, 9);
    let reference = env.path("reference.db");
    let out = claimtrack(
        &reference,
        &["-q", "ingest", "--jsonl", &corpus, "--lexicon", &lexicon],
    )
    .output()
    .expect("runs");
    assert!(out.status.success());

    let db = env.db();
    let spawn = || {
        claimtrack(&db, &["ingest", "--jsonl", &corpus, "--lexicon", &lexicon])
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("ingest starts")
    };
    let a = spawn();
    std::thread::sleep(Duration::from_millis(50));
    let b = spawn();
    let (a, b) = (
        a.wait_with_output().expect("runs"),
        b.wait_with_output().expect("runs"),
    );
    let (ea, eb) = (
        String::from_utf8_lossy(&a.stderr),
        String::from_utf8_lossy(&b.stderr),
    );
    assert!(
        a.status.success() && b.status.success(),
        "first: {ea}\nsecond: {eb}"
    );
    eprintln!("first: {ea}second: {eb}");
    assert_sound(&db);
    // Together they stored every article once; the database equals a single run's.
    for sql in [
        "SELECT count(*) FROM articles",
        "SELECT count(DISTINCT url) FROM articles",
        "SELECT count(*) FROM claims",
        "SELECT count(*) FROM links",
    ] {
        assert_eq!(count(&db, sql), count(&reference, sql), "{sql}");
    }
}

#[test]
fn two_large_overlapping_ingests_take_turns_and_store_each_article_once() {
    let env = Env::new();
    let (corpus, lexicon) = generate(&env, "all.jsonl", 1500, 21);
    let text = std::fs::read_to_string(&corpus).expect("the corpus is written");
    let lines: Vec<&str> = text.lines().collect();
    let part = |name: &str, range: std::ops::Range<usize>| -> String {
        let body: String = lines[range].iter().map(|l| format!("{l}\n")).collect();
        env.write(name, body).display().to_string()
    };
    // Two inputs sharing a third of their articles.
    let (a_in, b_in) = (part("a.jsonl", 0..1000), part("b.jsonl", 500..1500));
    let reference = env.path("reference.db");
    let out = claimtrack(
        &reference,
        &["-q", "ingest", "--jsonl", &corpus, "--lexicon", &lexicon],
    )
    .output()
    .expect("runs");
    assert!(out.status.success());

    let db = env.db();
    let spawn = |input: &str| {
        claimtrack(&db, &["ingest", "--jsonl", input, "--lexicon", &lexicon])
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("ingest starts")
    };
    let a = spawn(&a_in);
    std::thread::sleep(Duration::from_millis(300));
    let b = spawn(&b_in);
    let (a, b) = (
        a.wait_with_output().expect("runs"),
        b.wait_with_output().expect("runs"),
    );
    let (ea, eb) = (
        String::from_utf8_lossy(&a.stderr),
        String::from_utf8_lossy(&b.stderr),
    );
    eprintln!("first: {ea}second: {eb}");
    assert!(
        a.status.success() && b.status.success(),
        "first: {ea}\nsecond: {eb}"
    );
    assert!(
        !ea.contains("busy") && !eb.contains("busy"),
        "first: {ea}\nsecond: {eb}"
    );
    // They overlapped: at least one of them waited for the other's turn, and said so once.
    let waits = |e: &str| {
        e.lines()
            .filter(|l| l.contains("waiting: another process is writing"))
            .count()
    };
    assert!(waits(&ea) + waits(&eb) >= 1, "first: {ea}\nsecond: {eb}");
    assert!(waits(&ea) <= 1 && waits(&eb) <= 1, "first: {ea}\nsecond: {eb}");
    assert_sound(&db);
    assert_eq!(count(&db, "SELECT count(*) FROM articles"), 1500);
    for sql in [
        "SELECT count(DISTINCT url) FROM articles",
        "SELECT count(DISTINCT content_hash) FROM articles",
        "SELECT count(*) FROM claims",
        "SELECT count(DISTINCT key) FROM claims",
        "SELECT count(*) FROM links",
    ] {
        assert_eq!(count(&db, sql), count(&reference, sql), "{sql}");
    }
}
