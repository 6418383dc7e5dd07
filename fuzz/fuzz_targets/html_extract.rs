//! HTML extraction: any bytes, decoded as a page file would be, through `to_article` (depth
//! check, `extract_html`, date bounds) and `extract_html_at` with a "today".
#![no_main]

use chrono::NaiveDate;
use claimtrack::pipeline::{to_article, Overrides};
use claimtrack::source::doc_from_bytes;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let today = NaiveDate::from_ymd_opt(2020, 6, 1);
    let html = String::from_utf8_lossy(data);
    let page = claimtrack::extract::extract_html_at(&html, Some("https://news.example/2019/03/04/a"), today);
    if let (Some(p), Some(t)) = (page.published, today) {
        assert!(p <= t, "published {p} after today {t}");
    }
    if let Ok(raw) = doc_from_bytes(data, true, "fuzz.html".into()) {
        let overrides = Overrides { latest: today, ..Overrides::default() };
        if let Ok(article) = to_article(raw, &overrides) {
            assert!(!article.text.trim().is_empty());
        }
    }
});
