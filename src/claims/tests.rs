//! Table-driven tests of the claim extractor. Every sentence here is our own wording.

use std::sync::OnceLock;

use chrono::NaiveDate;

use super::*;
use crate::model::{Article, Claim, DataType, DenialScope, Polarity};

fn extractor() -> &'static Extractor {
    static EX: OnceLock<Extractor> = OnceLock::new();
    EX.get_or_init(|| Extractor::new(&Lexicon::builtin()))
}

fn article(text: &str) -> Article {
    Article {
        text: text.to_string(),
        published: NaiveDate::from_ymd_opt(2020, 6, 1),
        origin: "test".into(),
        ..Article::default()
    }
}

/// (actor, counterparty, data type, action, polarity, scope)
type Row = (&'static str, Option<&'static str>, &'static str, &'static str, &'static str, Option<&'static str>);

fn key(c: &Claim) -> (String, Option<String>, String, String, String, Option<String>) {
    (
        c.actor.clone(),
        c.counterparty.clone(),
        c.data_type.to_string(),
        c.action.to_string(),
        c.polarity.to_string(),
        c.scope.map(|s| s.to_string()),
    )
}

/// The claims of `text` are exactly `expected` (as a set).
fn check(text: &str, expected: &[Row]) {
    let claims = extractor().extract(&article(text));
    let mut got: Vec<_> = claims.iter().map(key).collect();
    got.sort();
    got.dedup();
    let mut want: Vec<_> = expected
        .iter()
        .map(|r| {
            (
                r.0.to_string(),
                r.1.map(str::to_string),
                r.2.to_string(),
                r.3.to_string(),
                r.4.to_string(),
                r.5.map(str::to_string),
            )
        })
        .collect();
    want.sort();
    assert_eq!(got, want, "\ntext: {text}\nclaims: {claims:#?}");
}

fn seed_text() -> String {
    let rel = "seed/facebook-data-partners-report.txt";
    let beside = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/");
    for dir in [beside, "/work/shared/"] {
        if let Ok(t) = std::fs::read_to_string(format!("{dir}{rel}")) {
            return t;
        }
    }
    panic!("the seed report is missing: looked for {beside}{rel} and /work/shared/{rel}");
}

#[test]
fn seed_report_acceptance() {
    let text = seed_text();
    let art = Article {
        text: text.clone(),
        published: NaiveDate::from_ymd_opt(2018, 12, 19),
        outlet: None,
        origin: "seed".into(),
        ..Article::default()
    };
    let claims = extractor().extract(&art);
    let dump = format!("{claims:#?}");
    let has = |f: &dyn Fn(&Claim) -> bool| claims.iter().any(f);
    let assert_cp = |cp: &str, dt: DataType| {
        assert!(
            has(&|c| c.polarity == Polarity::Assertion
                && c.actor == "Facebook"
                && c.counterparty.as_deref() == Some(cp)
                && c.data_type == dt),
            "missing assertion Facebook → {cp} ({dt})\n{dump}"
        )
    };
    assert_cp("Netflix", DataType::PrivateMessages);
    assert_cp("Microsoft", DataType::ProfileIdentity);
    assert_cp("Amazon", DataType::PersonalData);
    assert_cp("Spotify", DataType::PersonalData);
    assert_cp("Cambridge Analytica", DataType::PersonalData);
    assert!(
        has(&|c| c.polarity == Polarity::Denial
            && c.actor == "Facebook"
            && c.counterparty.as_deref() == Some("Netflix")
            && c.data_type == DataType::PrivateMessages
            && c.speaker.as_deref() == Some("Netflix")
            && c.scope == Some(DenialScope::Always)),
        "missing Netflix's denial\n{dump}"
    );
    assert!(
        has(&|c| c.polarity == Polarity::Denial
            && c.actor == "Facebook"
            && c.data_type == DataType::PersonalData
            && matches!(c.speaker.as_deref(), Some("Mark Zuckerberg" | "Zuckerberg" | "Facebook"))),
        "missing Zuckerberg's assurance\n{dump}"
    );
    for c in &claims {
        assert!(!c.sentence.contains("marketers"), "claim from the marketers sentence: {c:#?}");
        assert!(!c.sentence.contains("that popular"), "claim from 'never that popular': {c:#?}");
        if c.polarity == Polarity::Denial {
            assert!(!c.sentence.contains("declined"), "denial from 'declined': {c:#?}");
        }
        // Provenance: offsets are characters and slice back to the sentence.
        let slice: String = text.chars().skip(c.start).take(c.end - c.start).collect();
        assert_eq!(slice, c.sentence);
        assert!((0.0..=1.0).contains(&c.confidence));
    }
    // The headline yields a claim too.
    assert!(has(&|c| c.start == 0 && c.counterparty.as_deref() == Some("Netflix")), "{dump}");
}
