//! `claimtrack bench claims` on the user's own articles: it reads them as `ingest` does.

use std::path::Path;

use crate::Env;

#[test]
fn bench_claims_times_the_articles_it_is_given() {
    let env = Env::new();
    let dev = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/eval/dev/articles.jsonl");
    let dev = dev.to_str().expect("the source path is UTF-8");
    let (code, out, err) = env.run(&["bench", "claims", "--jsonl", dev, "--rounds", "2"]);
    assert_eq!(code, 0, "bench claims: {err}");
    let lines = std::fs::read_to_string(dev)
        .expect("the dev articles")
        .lines()
        .count();
    assert!(out.contains(&format!("{lines} articles read")), "{out}");
    assert!(out.contains("rounds 2-2 (warm):"), "{out}");
    // As many claims per round as `ingest` stores from the same file.
    let (code, _, err) = env.run(&["-q", "ingest", "--jsonl", dev]);
    assert_eq!(code, 0, "ingest: {err}");
    let stored = env.claims(&["--limit", "0"]).len();
    assert!(
        out.contains(&format!("claims:    {stored} per round")),
        "{stored} stored\n{out}"
    );

    // A file that cannot be read is named, and nothing is timed.
    let (code, _, err) = env.run(&["bench", "claims", "--jsonl", "missing.jsonl"]);
    assert_ne!(code, 0);
    assert!(err.contains("missing.jsonl"), "{err}");

    // A bad line is named with its line number, the good ones are timed, and the exit code says
    // something failed.
    env.write(
        "mixed.jsonl",
        b"{\"text\":\"Acme never sold location data.\"}\nnot json\n",
    );
    let (code, out, err) = env.run(&["bench", "claims", "--jsonl", "mixed.jsonl", "--rounds", "1"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("mixed.jsonl:2"), "{err}");
    assert!(out.contains("1 articles read"), "{out}");
}
