//! Claim extraction: any text as an article body; every claim's sentence must be exactly the
//! characters `start..end` of the text.
#![no_main]

use std::sync::LazyLock;

use chrono::NaiveDate;
use claimtrack::claims::{Extractor, Lexicon};
use claimtrack::model::Article;
use libfuzzer_sys::fuzz_target;

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(|| Extractor::new(&Lexicon::builtin()));

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let article = Article {
        text,
        published: NaiveDate::from_ymd_opt(2019, 3, 4),
        origin: "fuzz".into(),
        ..Article::default()
    };
    for claim in EXTRACTOR.extract(&article) {
        assert!(claim.start < claim.end, "empty span {}..{}", claim.start, claim.end);
        let slice: String = article
            .text
            .chars()
            .skip(claim.start)
            .take(claim.end - claim.start)
            .collect();
        assert_eq!(slice, claim.sentence, "offsets {}..{}", claim.start, claim.end);
        assert!((0.0..=1.0).contains(&claim.confidence));
    }
});
