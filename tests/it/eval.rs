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

// Floors, a little below the dev figures at the time of writing. 86 articles, after two
// helpers' work was merged: d67-d76 (claim recall) and d77-d86 (links), each ten articles
// annotated before the rules saw them. Merged dev: core P 0.646 R 0.637 F1 0.641; denials
// P 0.772 R 0.615; links P 0.652 R 0.326 (30 of 46); 0 of 156 traps linked.
// First runs on the new articles alone, before any rule changed for them: d67-d76 core
// P 0.419 R 0.210 F1 0.280, denials P 0.538 R 0.292; d77-d86 links 0 of 3 predicted right,
// 0 of 14 gold. Link precision is lower than either branch alone (0.875 with the link rules
// only): finding more claims found more pairs of correct claims that the link rules tie across
// products or within one article (Portal calls and a report on Portal's camera; the outlet's
// framing sentence read as a denial). Before this session (66 articles): core P 0.614
// R 0.528 F1 0.568; denials P 0.773 R 0.495; links P 0.808 R 0.273.
// Then two helpers at once, 106 articles. d97-d106 (claim accuracy: ten fresh episodes, 45
// claims, 5 links, 20 traps; first run on them alone: core P 0.354 R 0.378 F1 0.366, denials
// P 0.588 R 0.500, links 0 of 3 right, 1 of 20 traps) and the rule families for contrasts,
// negated charges, assurances without a negation word, companies named for comparison. d87-d96
// (link precision; first run on them alone: links P 0.350 R 0.412, 7 of 20 predicted right,
// 6 of 42 traps linked) and rule 11 of src/link/ (kinds of false links: admissions of error,
// accusations, another party's use, data kept inside the group, denials that narrow themselves,
// reports that are reassurances, the outlet's framing, the company's own earlier account).
// Merged dev (106): core P 0.647 R 0.623 F1 0.634; denials P 0.815 R 0.647; links P 0.796
// R 0.342 (39 of 49); 0 of 218 traps linked. The floors are those figures less about 0.01.
// Then d117-d126 (link precision and recall: ten fresh articles, 69 claims, 24 links, 58
// traps, annotated before the rules ran on them; first run on them alone: links 0 of 5
// predicted right, 0 of 24 gold, 2 of 58 traps linked; core P 0.471 R 0.232), and gold links
// completed across the two write-ups of two episodes (d91/d104, d92/d93/d100: 5 links, 11
// traps). The new articles' claims are mostly not found yet (claim extraction is another
// helper's work), so every claim figure and link recall fall with them; the floors follow
// what this dev half reaches, not a change for the worse in the rules. Dev (116 articles)
// before the link rules of this session: core P 0.635 R 0.577 F1 0.605; denials P 0.822
// R 0.593; links P 0.745 R 0.287 (41 of 55); 2 of 287 traps linked (both in d122). After
// (the company's own admission
// read from the sentence, records of messages are not contents, data sent home is
// collected, another party's use named in the sentence, a later undated report of the same
// episode, a commercial-purpose limit): links P 0.840 R 0.294 (42 of 50; 42 of the 58 gold
// links whose two claims were both found); 0 of 287 traps linked.
const CORE_P: f64 = 0.62;
const CORE_R: f64 = 0.56;
const CORE_F1: f64 = 0.59;
const DENIAL_P: f64 = 0.81;
const DENIAL_R: f64 = 0.58;
const LINK_P: f64 = 0.83;
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
        586.0,
        "the dev half holds 586 gold claims"
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
