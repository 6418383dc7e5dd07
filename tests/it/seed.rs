//! Acceptance on the seed report (read from ../shared at test time, never copied).

use serde_json::Value;

use crate::{s, shared, Env};

fn ingest_seed() -> Env {
    let env = Env::new();
    let seed = shared("seed/facebook-data-partners-report.txt");
    let (code, _, err) = env.run(&["ingest", seed.to_str().unwrap(), "--published", "2018-12-19"]);
    assert_eq!(code, 0, "ingest failed: {err}");
    env
}

fn has(claims: &[Value], pred: impl Fn(&Value) -> bool) -> bool {
    claims.iter().any(pred)
}

#[test]
fn seed_assertions() {
    let env = ingest_seed();
    let claims = env.claims(&[]);
    let assertion = |cp: &str, dt: &str| {
        has(&claims, |c| {
            s(c, "polarity") == "assertion"
                && s(c, "actor") == "Facebook"
                && s(c, "counterparty") == cp
                && s(c, "data_type") == dt
        })
    };
    assert!(assertion("Netflix", "private_messages"), "Facebook→Netflix private_messages: {claims:#?}");
    assert!(assertion("Microsoft", "profile_identity"), "Facebook→Microsoft (Bing) names: {claims:#?}");
    assert!(assertion("Amazon", "personal_data"), "Facebook→Amazon: {claims:#?}");
    assert!(assertion("Spotify", "personal_data"), "Facebook→Spotify: {claims:#?}");
    assert!(assertion("Cambridge Analytica", "personal_data"), "Facebook→Cambridge Analytica: {claims:#?}");
    for c in &claims {
        assert_eq!(s(c, "published"), "2018-12-19");
        let (start, end) = (c["start"].as_u64().unwrap(), c["end"].as_u64().unwrap());
        assert!(start < end, "offsets: {c}");
    }
}

#[test]
fn seed_denials_and_nothing_absurd() {
    let env = ingest_seed();
    let claims = env.claims(&[]);
    let netflix = claims.iter().find(|c| {
        s(c, "polarity") == "denial"
            && s(c, "actor") == "Facebook"
            && s(c, "counterparty") == "Netflix"
            && s(c, "data_type") == "private_messages"
    });
    let netflix = netflix.unwrap_or_else(|| panic!("no Netflix denial: {claims:#?}"));
    assert_eq!(s(netflix, "speaker"), "Netflix");
    assert!(s(netflix, "sentence").contains("At no time did we access"));

    let assurance = claims.iter().find(|c| {
        s(c, "polarity") == "denial"
            && s(c, "actor") == "Facebook"
            && s(c, "data_type") == "personal_data"
            && s(c, "speaker").contains("Zuckerberg")
    });
    let assurance = assurance.unwrap_or_else(|| panic!("no Zuckerberg assurance: {claims:#?}"));
    assert_eq!(s(assurance, "stated_on"), "2018-04");

    for c in &claims {
        let sentence = s(c, "sentence");
        assert!(!sentence.contains("marketers"), "claim from the marketers sentence: {c}");
        if s(c, "polarity") == "denial" {
            assert!(!sentence.contains("never that popular"), "denial from 'never that popular': {c}");
            assert!(!sentence.contains("declined"), "denial from 'declined': {c}");
        }
    }
}

#[test]
fn seed_links() {
    let env = ingest_seed();
    let links = env.contradictions(&[]);
    let netflix = links.iter().any(|l| {
        s(&l["denial"], "counterparty") == "Netflix"
            && s(&l["denial"], "speaker") == "Netflix"
            && s(&l["assertion"], "counterparty") == "Netflix"
            && s(&l["assertion"], "data_type") == "private_messages"
    });
    assert!(netflix, "Netflix denial ↔ Facebook→Netflix messages: {links:#?}");
    let assurance = links.iter().any(|l| {
        s(&l["denial"], "speaker").contains("Zuckerberg")
            && s(&l["denial"], "stated_on") == "2018-04"
            && s(&l["assertion"], "actor") == "Facebook"
            && s(l, "first") == "denial"
    });
    assert!(assurance, "April 2018 assurance ↔ a December 2018 assertion, assurance first: {links:#?}");
    for l in &links {
        assert!(!s(l, "reason").is_empty(), "every link has a reason: {l}");
        assert_eq!(s(&l["denial"], "polarity"), "denial");
        assert_eq!(s(&l["assertion"], "polarity"), "assertion");
    }
}
