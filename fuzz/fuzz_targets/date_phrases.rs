//! Date phrases: any text as a sentence, resolved against several article dates (and without
//! one), and as an input date. Whatever comes out must be a real date range.
#![no_main]

use chrono::NaiveDate;
use claimtrack::dates::{parse_input_date, resolve};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = parse_input_date(&text);
    let anchors = [
        NaiveDate::from_ymd_opt(2019, 3, 4),
        NaiveDate::from_ymd_opt(1, 1, 1),
        Some(NaiveDate::MAX),
        Some(NaiveDate::MIN),
        None,
    ];
    for anchor in anchors {
        let facts = resolve(&text, anchor);
        for d in [facts.period_start, facts.period_end, facts.stated_on].into_iter().flatten() {
            assert!(d.first_day() <= d.last_day(), "{d}");
            let _ = d.to_string();
        }
    }
});
