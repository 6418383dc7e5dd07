//! `claimtrack bench ingest --report-every N`: one ingest run, reported from inside every N
//! articles.

use crate::Env;

/// The number after `label` in `line` (digits only).
fn number_after(line: &str, label: &str) -> usize {
    let at = line
        .find(label)
        .unwrap_or_else(|| panic!("{label:?} in {line:?}"))
        + label.len();
    line[at..]
        .trim_start()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .unwrap_or_else(|_| panic!("a number after {label:?} in {line:?}"))
}

#[test]
fn report_every_prints_each_chunk_of_one_run_and_the_chunks_add_up() {
    let env = Env::new();
    let db = env.db();
    let db = db.to_str().expect("the temp path is UTF-8");
    let (code, out, err) = env.run(&[
        "bench",
        "ingest",
        "--articles",
        "100",
        "--report-every",
        "30",
        "--keep",
        db,
    ]);
    assert_eq!(code, 0, "bench ingest: {err}");
    let chunks: Vec<&str> = out
        .lines()
        .filter(|l| l.trim_start().starts_with("chunk:"))
        .collect();
    // 30, 30, 30 and the last 10, each line saying how many were stored before it.
    assert_eq!(chunks.len(), 4, "{out}");
    for (line, (before, n)) in chunks.iter().zip([(0, 30), (30, 30), (60, 30), (90, 10)]) {
        assert_eq!(number_after(line, "chunk:"), before, "{line}");
        assert!(
            line.contains(&format!("stored before, {n} articles in")),
            "{line}"
        );
    }
    // Every chunk's lines are printed, the refusals' breakdown among them.
    for label in [
        "linking so far:",
        "refused by their gates:",
        "in memory now:",
        "SQLite: heap",
    ] {
        assert_eq!(out.matches(label).count(), 4, "{label}\n{out}");
    }
    // The chunks' claims and links add up to the run's, and the run's claims are the stored ones.
    let per_chunk = |label: &str| -> usize {
        chunks
            .iter()
            .map(|l| {
                let inside = &l[l.find("per CPU-s, ").expect("the counts") + "per CPU-s, ".len()..];
                let parts: Vec<&str> = inside.split(", ").collect();
                let part = parts.iter().find(|p| p.contains(label)).expect("the count");
                part.split_whitespace()
                    .next()
                    .and_then(|n| n.parse::<usize>().ok())
                    .expect("a number")
            })
            .sum()
    };
    let stored = out
        .lines()
        .find(|l| l.contains("stored:"))
        .expect("the stored line");
    let claims = number_after(stored, "articles, ");
    assert_eq!(number_after(stored, "stored:"), 100, "{stored}");
    assert!(claims > 0, "{stored}");
    assert_eq!(per_chunk("claims"), claims, "{out}");
    assert_eq!(per_chunk("links"), number_after(stored, "claims, "), "{out}");
    assert_eq!(env.claims(&["--limit", "0"]).len(), claims);
    assert!(out.contains("flat cost: last chunk / first chunk"), "{out}");
}
