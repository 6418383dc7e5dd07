//! The JSONL reader: any bytes as a JSONL file; every item is one document or one error naming
//! the input, and each good document goes through `to_article` (date parsing and bounds).
#![no_main]

use std::io::Cursor;

use claimtrack::pipeline::{to_article, Overrides};
use claimtrack::source::read_jsonl;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut reader = Cursor::new(data);
    let mut items = 0usize;
    read_jsonl(&mut reader, "fuzz.jsonl", &mut |item| {
        items += 1;
        match item {
            Ok(raw) => {
                assert!(raw.origin.starts_with("fuzz.jsonl:"));
                assert!(raw.text.is_some() || raw.html.is_some());
                let _ = to_article(raw, &Overrides::default());
            }
            Err(e) => {
                assert!(e.item.starts_with("fuzz.jsonl"));
                assert!(!e.reason.is_empty());
            }
        }
    });
    // At most one item per line.
    assert!(items <= data.iter().filter(|&&b| b == b'\n').count() + 1);
});
