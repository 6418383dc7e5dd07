//! `claimtrack demo`: the README's first command, on the bundled sample corpus.

use crate::{s, Env};

#[test]
fn demo_builds_a_database_prints_contradictions_and_writes_a_timeline() {
    let env = Env::new();
    let out_dir = env.path("demo");
    let (code, out, err) = env.run(&["demo", "--out", out_dir.to_str().unwrap(), "--format", "jsonl"]);
    assert_eq!(code, 0, "{err}");
    let links = crate::jsonl(&out);
    assert!(links.len() >= 5, "the sample corpus has several contradictions: {out}");
    assert!(out_dir.join("timeline.html").exists(), "{err}");
    assert!(err.contains("timeline.html"), "says where the timeline is: {err}");
    // Traps: a denial of selling is never contradicted by a report of sharing alone.
    for l in &links {
        if s(&l["denial"], "action") == "sell" {
            assert_eq!(s(&l["assertion"], "action"), "sell", "sell denial linked to {}", l["assertion"]);
        }
    }
    // Run twice: a fresh database each time, same result.
    let (code, out2, _) = env.run(&["demo", "--out", out_dir.to_str().unwrap(), "--format", "jsonl"]);
    assert_eq!(code, 0);
    assert_eq!(crate::jsonl(&out2).len(), links.len());
}
