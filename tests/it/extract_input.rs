//! `claimtrack extract` on bad input: each bad item gets one stderr line naming it and the
//! reason, the good page after it is still printed, and the exit code is 1. Odd but readable
//! pages (UTF-16 with a byte-order mark, a 20 MB page) are read.

use crate::Env;

/// A small page that extracts to a known sentence.
const GOOD: &str = "<html><head><title>Good page</title></head><body><article>\
    <h1>Good page</h1><p>The transit agency said on Monday that its fare app no longer keeps \
    riders' trip histories after thirty days, and that older records were deleted.</p>\
    <p>A spokesperson added that the change followed a review by the city's privacy office \
    and applies to every account, including those of monthly pass holders.</p>\
    </article></body></html>";

fn gz(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(bytes).expect("gzip in memory");
    e.finish().expect("gzip in memory")
}

/// Runs `extract --format jsonl BAD good.html`: one stderr line naming `item` with `reason`,
/// exit 1, and the good page's row on stdout.
fn check_bad(env: &Env, bad: &str, item: &str, reason: &str) {
    env.write("good.html", GOOD);
    let (code, out, err) = env.run(&["extract", "--format", "jsonl", bad, "good.html"]);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 1, "one line on stderr: {err:?}");
    assert!(lines[0].starts_with("claimtrack: "), "{err}");
    assert!(lines[0].contains(item), "names {item:?}: {err}");
    assert!(lines[0].contains(reason), "says {reason:?}: {err}");
    assert_eq!(code, 1, "{err}");
    let rows = crate::jsonl(&out);
    assert_eq!(rows.len(), 1, "the batch goes on: {out}");
    assert_eq!(rows[0]["path"], "good.html");
    assert!(
        rows[0]["text"].as_str().unwrap_or("").contains("trip histories"),
        "{out}"
    );
}

#[test]
fn extract_missing_file() {
    check_bad(&Env::new(), "gone.html", "gone.html", "not found");
}

#[test]
fn extract_folder_without_pages() {
    let env = Env::new();
    std::fs::create_dir_all(env.path("empty_folder")).expect("a folder can be made");
    env.write("notes/readme.pdf", "%PDF-1.7");
    check_bad(&env, "empty_folder", "empty_folder", "no pages in this folder");
    check_bad(&env, "notes", "notes", "no pages in this folder");
}

#[test]
fn extract_folder_of_pages_is_read() {
    let env = Env::new();
    env.write("site/a.html", GOOD);
    env.write("site/b.html.gz", gz(GOOD.as_bytes()));
    let (code, out, err) = env.run(&["extract", "--format", "jsonl", "site"]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(crate::jsonl(&out).len(), 2, "{out}");
}

#[test]
fn extract_empty_file() {
    let env = Env::new();
    env.write("empty.html", "");
    check_bad(&env, "empty.html", "empty.html", "empty file");
}

#[test]
fn extract_binary_file() {
    let env = Env::new();
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend((0..4000u32).map(|i| (i * 7 % 251) as u8));
    env.write("picture.html", png);
    check_bad(&env, "picture.html", "picture.html", "binary file");
}

#[test]
fn extract_truncated_gzip() {
    let env = Env::new();
    // Varied text, so that half the compressed bytes are half a stream.
    let page: String = (0..2000)
        .map(|i| format!("<p>Line {i} of {}.</p>", i * 7919 % 1013))
        .collect();
    let mut bytes = gz(page.as_bytes());
    bytes.truncate(bytes.len() / 2);
    env.write("cut.html.gz", bytes);
    check_bad(&env, "cut.html.gz", "cut.html.gz", "corrupt gzip");
}

#[test]
fn extract_utf16_page_with_bom_is_read() {
    let env = Env::new();
    let page = GOOD.replace("Good page", "Gute Seite für Fahrgäste");
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(page.encode_utf16().flat_map(u16::to_le_bytes));
    env.write("utf16.html", bytes);
    let (code, out, err) = env.run(&["extract", "--format", "jsonl", "utf16.html"]);
    assert_eq!((code, err.as_str()), (0, ""));
    let rows = crate::jsonl(&out);
    assert_eq!(rows[0]["title"], "Gute Seite für Fahrgäste", "{out}");
    assert!(
        rows[0]["text"].as_str().unwrap_or("").contains("trip histories"),
        "{out}"
    );
}

#[test]
fn extract_page_of_20_mb_is_read() {
    // Most of it an inline data blob, as large pages are; the article after it.
    let env = Env::new();
    let item = "{\"k\":\"0123456789abcdef\"},";
    let blob = item.repeat((20 << 20) / item.len() + 1);
    let page = GOOD.replace("<body>", &format!("<body><script>var state=[{blob}];</script>"));
    assert!(page.len() > 20 << 20);
    env.write("big.html", page);
    env.write("good.html", GOOD);
    let (code, out, err) = env.run(&["extract", "--format", "jsonl", "big.html", "good.html"]);
    assert_eq!((code, err.as_str()), (0, ""));
    let rows = crate::jsonl(&out);
    assert_eq!(rows.len(), 2);
    assert!(
        rows[0]["text"].as_str().unwrap_or("").contains("trip histories"),
        "{out}"
    );
}
