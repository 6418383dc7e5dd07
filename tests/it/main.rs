//! Integration tests: the real `claimtrack` binary, run in a temp folder, on real SQLite files.

mod bad_input;
mod bench_claims;
mod bench_ingest;
mod browser;
mod claim;
mod concurrency;
mod datasette;
mod demo;
mod eval;
mod export;
mod extract_bench;
mod extract_input;
mod fetch;
mod garbled;
mod help;
mod ingest;
mod output;
mod props;
mod rawhtml;
mod real_pages;
mod reliability;
mod review;
mod seed;
mod server;
mod support;
mod text_status;
mod timelinejs;

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// A temp folder with a database path; every command runs with `--db` pointing there.
pub struct Env {
    pub dir: tempfile::TempDir,
}

impl Default for Env {
    fn default() -> Self {
        Self::new()
    }
}

impl Env {
    pub fn new() -> Env {
        Env {
            dir: tempfile::tempdir().expect("a temp dir can be made"),
        }
    }

    pub fn db(&self) -> PathBuf {
        self.dir.path().join("t.db")
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn write(&self, name: &str, content: impl AsRef<[u8]>) -> PathBuf {
        let p = self.path(name);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).expect("parent dir can be made");
        }
        std::fs::write(&p, content).expect("fixture can be written");
        p
    }

    /// `claimtrack --db <tmp>/t.db ARGS...`, run in the temp folder.
    pub fn cmd(&self, args: &[&str]) -> Command {
        let mut c = Command::cargo_bin("claimtrack").expect("the binary is built");
        c.current_dir(self.dir.path())
            .env_remove("CLAIMTRACK_DB")
            .env_remove("CLAIMTRACK_LEXICON");
        c.arg("--db").arg(self.db()).args(args);
        c
    }

    /// Runs and returns (exit code, stdout, stderr).
    pub fn run(&self, args: &[&str]) -> (i32, String, String) {
        let out = self.cmd(args).output().expect("the binary runs");
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }

    /// Runs with stdin.
    pub fn run_stdin(&self, args: &[&str], stdin: &str) -> (i32, String, String) {
        let out = self
            .cmd(args)
            .write_stdin(stdin.to_string())
            .output()
            .expect("the binary runs");
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }

    /// `claims --format jsonl` parsed.
    pub fn claims(&self, extra: &[&str]) -> Vec<serde_json::Value> {
        let mut args = vec!["claims", "--format", "jsonl"];
        args.extend_from_slice(extra);
        let (code, out, err) = self.run(&args);
        assert_eq!(code, 0, "claims failed: {err}");
        jsonl(&out)
    }

    pub fn contradictions(&self, extra: &[&str]) -> Vec<serde_json::Value> {
        let mut args = vec!["contradictions", "--format", "jsonl"];
        args.extend_from_slice(extra);
        let (code, out, err) = self.run(&args);
        assert_eq!(code, 0, "contradictions failed: {err}");
        jsonl(&out)
    }
}

pub fn jsonl(s: &str) -> Vec<serde_json::Value> {
    s.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON: {e}: {l}")))
        .collect()
}

/// `../shared` beside the checkout (as CI lays it out); `/work/shared` when developing in a
/// worktree elsewhere. Missing shared material fails the test: it is never skipped.
pub fn shared(rel: &str) -> PathBuf {
    let beside = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared").join(rel);
    if beside.exists() {
        return beside;
    }
    let fallback = Path::new("/work/shared").join(rel);
    assert!(
        fallback.exists(),
        "shared material missing: {} (CI puts shared/ beside the checkout)",
        beside.display()
    );
    fallback
}

pub fn s<'a>(v: &'a serde_json::Value, key: &str) -> &'a str {
    v.get(key).and_then(|x| x.as_str()).unwrap_or("")
}
