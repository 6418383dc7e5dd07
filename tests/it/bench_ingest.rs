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

/// `bench ingest --pages`: the pages given are ingested (each file one article, named by its
/// path), after the parse-only floor is measured on them; a path with no page is an error that
/// names it, not a figure about nothing.
#[test]
fn pages_given_are_ingested_and_compared_with_the_parse_floor() {
    let env = Env::new();
    let body = |n: usize| {
        format!(
            "<html><head><title>Story {n}</title></head><body><nav>Home | World</nav><article>\
             <h1>Story {n}</h1><p>Acme Corp said on Monday that it never sold the location \
             data of its customers to advertisers, in a statement about story {n}.</p>\
             <p>A second paragraph about the company's plans for number {n} follows here, with \
             enough words to be read as the article's main text.</p></article></body></html>"
        )
    };
    for n in 1..=3 {
        env.write(&format!("pages/p{n}.html"), body(n));
    }
    env.write("pages/notes.txt", "not a page: skipped by --pages");
    let dir = env.path("pages");
    let dir = dir.to_str().expect("the temp path is UTF-8");
    let (code, out, err) = env.run(&["bench", "ingest", "--pages", dir]);
    assert_eq!(code, 0, "bench ingest --pages: {err}");
    assert!(out.contains("3 articles, "), "{out}");
    assert!(out.contains("from the HTML pages given"), "{out}");
    let stored = out
        .lines()
        .find(|l| l.contains("stored:"))
        .expect("the stored line");
    assert_eq!(number_after(stored, "stored:"), 3, "{stored}");
    let floor = out
        .lines()
        .find(|l| l.contains("floor:"))
        .expect("the floor line");
    assert!(floor.contains("pages per CPU-s"), "{floor}");
    let vs = out
        .lines()
        .find(|l| l.contains("vs floor:"))
        .expect("the comparison");
    assert!(vs.contains("% of the parse-only floor ("), "{vs}");

    let empty = env.path("empty");
    std::fs::create_dir_all(&empty).expect("an empty folder");
    let empty = empty.to_str().expect("the temp path is UTF-8");
    let (code, _, err) = env.run(&["bench", "ingest", "--pages", empty]);
    assert_ne!(code, 0, "no page is no benchmark");
    assert!(err.contains(empty) && err.contains("no HTML page"), "{err}");
}
