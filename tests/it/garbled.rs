//! Random and garbled input through the real binary: a directory of files (random bytes, good
//! articles with bytes flipped or cut short, broken gzip, empty files) and a JSONL file of good,
//! damaged and random lines, in one `ingest`. Every item is accounted for exactly once (stored,
//! a duplicate, or one line on stderr naming it), the good ones are all stored, nothing panics,
//! the database is sound, and the exit code is 1.

use std::collections::BTreeSet;
use std::io::Write;

use crate::support::Rng;
use crate::Env;

/// Up to `max - 1` random bytes.
fn upto(rng: &mut Rng, max: usize) -> Vec<u8> {
    let n = rng.below(max);
    rng.bytes(n)
}

fn good_text(i: usize) -> String {
    format!(
        "Report number {i}\n\nFacebook shared users' contact lists with Acme Analytics {i} in 2018, \
         according to filings reviewed for story {i}.\n"
    )
}

fn good_line(i: usize) -> String {
    serde_json::json!({
        "url": format!("https://good.invalid/{i}"),
        "title": format!("Line {i}"),
        "published": "2019-01-02",
        "text": format!("Google sold users' location history to Acme Brokers {i} in 2017, records show (item {i})."),
    })
    .to_string()
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(bytes).expect("gzip in memory");
    e.finish().expect("gzip in memory")
}

/// A damaged copy of `bytes`: some bytes flipped to random values, maybe cut short.
fn damage(rng: &mut Rng, bytes: &[u8]) -> Vec<u8> {
    let mut out = bytes.to_vec();
    for _ in 0..1 + rng.below(8) {
        if !out.is_empty() {
            let at = rng.below(out.len());
            out[at] = rng.next() as u8;
        }
    }
    if rng.below(3) == 0 {
        out.truncate(rng.below(out.len() + 1));
    }
    out
}

#[test]
fn random_and_garbled_files_and_lines_are_each_stored_or_reported_once() {
    let env = Env::new();
    let mut rng = Rng::new(0x5eed_0006);
    let mut items: BTreeSet<String> = BTreeSet::new();
    let mut good_files = 0;
    let dir = env.path("in");
    for i in 0..60 {
        let (name, bytes): (String, Vec<u8>) = match i % 10 {
            0 | 1 => {
                good_files += 1;
                (format!("good{i:02}.txt"), good_text(i).into_bytes())
            }
            2 => (format!("rand{i:02}.html"), upto(&mut rng, 3000)),
            3 => (format!("rand{i:02}.txt"), upto(&mut rng, 3000)),
            4 => (
                format!("flip{i:02}.md"),
                damage(&mut rng, good_text(i).as_bytes()),
            ),
            5 => {
                let page = format!(
                    "<html><head><title>P{i}</title></head><body><p>{}</p></body></html>",
                    good_text(i)
                );
                (format!("flip{i:02}.html"), damage(&mut rng, page.as_bytes()))
            }
            6 => (
                format!("gz{i:02}.txt.gz"),
                damage(&mut rng, &gzip(good_text(i).as_bytes())),
            ),
            7 => (format!("randgz{i:02}.html.gz"), upto(&mut rng, 500)),
            8 => (format!("empty{i:02}.md"), Vec::new()),
            _ => {
                // Random tags and entities around random bytes.
                let mut page = b"<html><body>".to_vec();
                for _ in 0..rng.below(40) {
                    let tag = [
                        "<div>",
                        "</div>",
                        "<p>",
                        "<a href=\"",
                        "&#x",
                        "<!--",
                        "<script>",
                        "]]>",
                        "<table><tr><td>",
                    ][rng.below(9)];
                    page.extend_from_slice(tag.as_bytes());
                    let n = rng.below(20);
                    page.extend(rng.bytes(n));
                }
                (format!("tags{i:02}.htm"), page)
            }
        };
        let path = env.write(&format!("in/{name}"), bytes);
        items.insert(path.display().to_string());
    }

    let mut lines: Vec<Vec<u8>> = Vec::new();
    let mut good_lines = 0;
    for i in 0..80 {
        let line = match i % 5 {
            // Line 1 is good: a first line that is not text makes the whole file one error.
            0 | 1 => {
                good_lines += 1;
                good_line(i).into_bytes()
            }
            2 => damage(&mut rng, good_line(i).as_bytes()),
            3 => {
                let mut b = vec![b'x'];
                b.extend(upto(&mut rng, 200));
                b
            }
            _ => good_line(i).as_bytes()[..rng.below(good_line(i).len())].to_vec(),
        };
        // One line each: no newline inside, and never blank (blank lines are not items).
        let mut line: Vec<u8> = line.into_iter().filter(|&b| b != b'\n' && b != b'\r').collect();
        if line.iter().all(u8::is_ascii_whitespace) {
            line.insert(0, b'?');
        }
        lines.push(line);
    }
    let mut bytes = Vec::new();
    for (n, line) in lines.iter().enumerate() {
        bytes.extend_from_slice(line);
        bytes.push(b'\n');
        items.insert(format!("{}:{}", env.path("in.jsonl").display(), n + 1));
    }
    std::fs::write(env.path("in.jsonl"), &bytes).expect("writes");

    let dir_arg = dir.display().to_string();
    let jsonl_arg = env.path("in.jsonl").display().to_string();
    let (code, out, err) = env.run(&[
        "ingest",
        &dir_arg,
        "--jsonl",
        &jsonl_arg,
        "--published",
        "2019-05-05",
    ]);
    assert_eq!(out, "", "stdout carries data only");
    assert!(
        !err.contains("panicked") && !err.contains("RUST_BACKTRACE"),
        "{err}"
    );
    assert_eq!(code, 1, "some items are bad: {err}");

    // One stderr line per bad item, each naming one of the inputs; then the summary.
    let mut lines: Vec<&str> = err.lines().collect();
    let summary = lines.pop().expect("a summary line");
    let summary = summary.strip_prefix("claimtrack: ").unwrap_or(summary);
    let mut reported = BTreeSet::new();
    for line in &lines {
        let rest = line
            .strip_prefix("claimtrack: ")
            .unwrap_or_else(|| panic!("{line}"));
        let item = items
            .iter()
            .filter(|item| rest.starts_with(&format!("{item}: ")))
            .max_by_key(|item| item.len())
            .unwrap_or_else(|| panic!("names no input item: {line}"));
        assert!(reported.insert(item.clone()), "reported twice: {item}\n{err}");
    }
    let field = |name: &str| -> usize {
        summary
            .split(", ")
            .find_map(|part| part.trim().strip_prefix(name))
            .and_then(|n| n.trim().parse().ok())
            .unwrap_or_else(|| panic!("{name} in {summary}"))
    };
    assert_eq!(field("read "), items.len(), "{summary}");
    assert_eq!(field("failed "), reported.len(), "{summary}");
    assert_eq!(
        field("stored ") + field("duplicates ") + field("failed "),
        items.len(),
        "every item stored, a duplicate or failed: {summary}"
    );
    eprintln!("{summary}");

    // The good ones are all stored; the failures are recorded; the database is sound.
    let conn = rusqlite::Connection::open(env.db()).expect("opens");
    let stored: BTreeSet<String> = conn
        .prepare("SELECT origin FROM articles")
        .and_then(|mut st| st.query_map([], |r| r.get(0))?.collect())
        .expect("reads");
    for i in (0..60).filter(|i| i % 10 < 2) {
        let p = env.path(&format!("in/good{i:02}.txt")).display().to_string();
        assert!(stored.contains(&p), "{p} not stored");
    }
    assert_eq!(stored.iter().filter(|o| o.contains("/good")).count(), good_files);
    let good_urls: i64 = conn
        .query_row(
            "SELECT count(*) FROM articles WHERE url LIKE 'https://good.invalid/%'",
            [],
            |r| r.get(0),
        )
        .expect("counts");
    assert!(good_urls >= good_lines as i64, "{good_urls} < {good_lines}");
    let failures: i64 = conn
        .query_row("SELECT count(*) FROM failures", [], |r| r.get(0))
        .expect("counts");
    assert_eq!(failures as usize, reported.len());
    drop(conn);
    crate::support::assert_sound(&env.db());
}
