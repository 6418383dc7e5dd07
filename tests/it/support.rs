//! Helpers shared by the tests that run the real binary as separate processes
//! (`reliability.rs`, `concurrency.rs`) and draw random input (`garbled.rs`).

use std::path::{Path, PathBuf};
use std::process::Command;

use rusqlite::Connection;

use crate::Env;

/// The library's splitmix64, so a failure reproduces from its seed.
pub use claimtrack::synth::Rng;

pub fn bin() -> PathBuf {
    assert_cmd::cargo::cargo_bin("claimtrack")
}

/// `claimtrack --db DB`, as a plain process (to spawn, kill or run beside others), without the
/// environment variables that would change what it reads.
pub fn claimtrack(db: &Path) -> Command {
    let mut c = Command::new(bin());
    c.arg("--db")
        .arg(db)
        .env_remove("CLAIMTRACK_DB")
        .env_remove("CLAIMTRACK_LEXICON");
    c
}

/// `claimtrack bench generate`: a synthetic corpus of `articles` articles in `name` (JSONL) and
/// the lexicon of its made-up companies beside it; returns their paths.
pub fn generate(env: &Env, name: &str, articles: usize, seed: u64) -> (PathBuf, PathBuf) {
    let jsonl = env.path(name);
    let (code, _, err) = env.run(&[
        "bench",
        "generate",
        "--articles",
        &articles.to_string(),
        "--seed",
        &seed.to_string(),
        "-o",
        jsonl.to_str().expect("temp paths are UTF-8"),
    ]);
    assert_eq!(code, 0, "bench generate: {err}");
    let lexicon = PathBuf::from(format!("{}.lexicon.tsv", jsonl.display()));
    (jsonl, lexicon)
}

/// `PRAGMA integrity_check` and `foreign_key_check` of a database, opened as the next run would
/// open it (recovering the WAL left by a killed process).
pub fn assert_sound(db: &Path) {
    let conn = Connection::open(db).expect("the database opens");
    let check: Vec<String> = conn
        .prepare("PRAGMA integrity_check")
        .and_then(|mut st| st.query_map([], |r| r.get(0))?.collect())
        .expect("integrity_check runs");
    assert_eq!(check, ["ok"], "integrity_check of {}", db.display());
    let orphans: i64 = conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0))
        .expect("foreign_key_check runs");
    assert_eq!(orphans, 0, "rows pointing at missing rows in {}", db.display());
}

/// The one number a query returns.
pub fn count(db: &Path, sql: &str) -> i64 {
    Connection::open(db)
        .and_then(|c| c.query_row(sql, [], |r| r.get(0)))
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}
