//! Text files: any bytes as a `.md` file (decoding, front matter, title line, body), then
//! `to_article`.
#![no_main]

use claimtrack::pipeline::{to_article, Overrides};
use claimtrack::source::doc_from_bytes;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(raw) = doc_from_bytes(data, false, "fuzz.md".into()) {
        assert!(raw.text.is_some());
        if let Some(title) = &raw.title {
            assert!(!title.contains('\n'), "title spans lines: {title:?}");
            assert!(!title.trim().is_empty());
        }
        let _ = to_article(raw, &Overrides::default());
    }
});
