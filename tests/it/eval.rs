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

// Floors, a little below the dev figures at the time of writing. With d77-d86 (ten articles
// on Zoom 2020, Venmo 2018, Facebook's microphone 2016 and security phone numbers 2018-2019,
// Tesla camera videos 2023, annotated before the rules saw them; first run on them alone:
// links 0 of 3 predicted right, 0 of 14 gold, 0 of 26 traps) the 76 articles gave core
// P 0.606 R 0.513; denials P 0.733 R 0.462; links P 0.724 R 0.231; after the link rules and
// cues they showed were needed (the kinds of error, not their wording): core P 0.598 R 0.521;
// denials P 0.763 R 0.487; links P 0.875 R 0.308, 0 of 139 traps. Before them (66 articles; d41-d53 and then
// d54-d66 added and annotated before the rules saw them: core P 0.614 R 0.528 F1 0.568;
// denials P 0.773 R 0.495; links P 0.808 R 0.273; 0 of 113 traps linked). On the thirteen new
// articles alone the rules reached link P 0.214 before they were changed (the kinds of error
// they showed, not their wording, were fixed) and 0.636 after.
const CORE_P: f64 = 0.58;
const CORE_R: f64 = 0.50;
const CORE_F1: f64 = 0.54;
const DENIAL_P: f64 = 0.74;
const DENIAL_R: f64 = 0.46;
const LINK_P: f64 = 0.85;
const LINK_R: f64 = 0.29;

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
        351.0,
        "the dev half holds 351 gold claims"
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
