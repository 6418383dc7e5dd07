//! Quality floor on the dev half of the gold set (data/eval/dev/): the real binary's
//! `eval --format json`. The floors sit a little below what the rules reach, so a change that
//! makes extraction or linking worse on the dev half fails here. The test half is never scored
//! in tests (it is held out; see data/eval/README.md).

use std::path::Path;

use serde_json::Value;

use crate::Env;

fn dev(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("data/eval/dev")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

// Floors, a little below the dev figures at the time of writing (76 articles; d41-d53, d54-d66
// and then d67-d76 added and annotated before the rules saw them: core P 0.665 R 0.646 F1 0.655;
// denials P 0.775 R 0.622; links P 0.511 R 0.295; 0 of 130 traps linked). On d67-d76 alone the
// rules reached core P 0.419 R 0.210 F1 0.280 and denials P 0.538 R 0.292 before any rule was
// changed, and core F1 0.810 after (kinds of error fixed, not sentences). Link precision fell
// from 0.750 as more claims were found: the new false links are pairs of correct claims that the
// link rules tie by a shared specific data type across products (Portal calls and Messenger
// transcription), which is the link rules' to settle.
const CORE_P: f64 = 0.64;
const CORE_R: f64 = 0.62;
const CORE_F1: f64 = 0.63;
const DENIAL_P: f64 = 0.75;
const DENIAL_R: f64 = 0.60;
const LINK_P: f64 = 0.49;
const LINK_R: f64 = 0.28;

fn score(report: &Value, level: &str, field: &str) -> f64 {
    report[level][field]
        .as_f64()
        .unwrap_or_else(|| panic!("eval report lacks {level}.{field}: {report}"))
}

#[test]
fn dev_half_quality_floor() {
    let env = Env::new();
    let (code, out, err) = env.run(&[
        "eval",
        "--articles",
        &dev("articles.jsonl"),
        "--gold",
        &dev("claims.jsonl"),
        "--links",
        &dev("links.jsonl"),
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "eval failed: {err}");
    let report: Value = serde_json::from_str(&out).expect("eval --format json prints JSON");

    // (level, field, floor)
    let floors = [
        ("core", "precision", CORE_P),
        ("core", "recall", CORE_R),
        ("core", "f1", CORE_F1),
        ("loose", "f1", CORE_F1),
        ("denials", "precision", DENIAL_P),
        ("denials", "recall", DENIAL_R),
        ("links", "precision", LINK_P),
        ("links", "recall", LINK_R),
    ];
    for (level, field, floor) in floors {
        let got = score(&report, level, field);
        assert!(
            got >= floor,
            "dev {level} {field} fell to {got:.3} (floor {floor})"
        );
    }
    assert_eq!(
        report["gold"].as_u64(),
        None,
        "scores are per level, not at the top"
    );
    assert_eq!(
        score(&report, "core", "gold"),
        378.0,
        "the dev half holds 378 gold claims"
    );
    assert!(
        report["traps"].as_u64().is_some_and(|t| t > 0),
        "the dev half has traps"
    );
    // No trap may be linked (a qualified denial's traps included: the linker requires the
    // assertion to say the condition was missing).
    let traps: Vec<&str> = report["mistakes"]
        .as_array()
        .map(|m| {
            m.iter()
                .filter(|x| x["kind"] == "trap linked")
                .filter_map(|x| x["detail"].as_str())
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(
        report["traps_linked"].as_u64(),
        Some(traps.len() as u64),
        "every linked trap is listed: {}",
        report["mistakes"]
    );
    assert!(traps.is_empty(), "traps of the dev half were linked: {traps:?}");
}
