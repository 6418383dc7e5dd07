//! Review of links, from the command line: `review`, `link confirm|reject|reset`,
//! `contradictions --status`. The database is built through the library's `Store` (hand-made
//! claims, linked by the real linker), so these tests do not depend on the claim extractor.

use claimtrack::model::{Action, Article, Claim, DataType, DenialScope, PartialDate, Polarity};
use claimtrack::store::Store;

use super::{jsonl, Env};

fn article(url: &str, title: &str, published: &str, text: &str) -> Article {
    Article {
        url: Some(url.to_string()),
        title: Some(title.to_string()),
        published: Some(published.parse().expect("test dates are valid")),
        outlet: Some("Test Wire".to_string()),
        author: None,
        text: text.to_string(),
        html: None,
        origin: "test".to_string(),
        canonical_url: None,
        text_status: None,
        language: None,
    }
}

fn claim(polarity: Polarity, action: Action, speaker: Option<&str>, stated: &str, sentence: &str) -> Claim {
    Claim {
        actor: "Facebook".to_string(),
        counterparty: None,
        data_type: DataType::PrivateMessages,
        action,
        polarity,
        scope: (polarity == Polarity::Denial).then_some(DenialScope::Always),
        speaker: speaker.map(str::to_string),
        stated_on: Some(stated.parse::<PartialDate>().expect("test dates are valid")),
        period_start: None,
        period_end: None,
        sentence: sentence.to_string(),
        start: 0,
        end: sentence.chars().count(),
        rule: "test".to_string(),
        confidence: 0.9,
    }
}

/// A denial and two reports that contradict it: two links.
pub fn build(env: &Env) {
    let mut store = Store::open(&env.db()).expect("the database opens");
    let denial = "Our company has never let anyone read members' inboxes.";
    store
        .save_article(
            &article(
                "https://example.org/pledge",
                "A pledge on inboxes",
                "2018-04-10",
                denial,
            ),
            &[claim(
                Polarity::Denial,
                Action::Access,
                Some("A spokesperson"),
                "2018-04-10",
                denial,
            )],
            "test",
        )
        .expect("save");
    let one = "Partners were able to read members' inboxes for years.";
    let two = "A contractor could open members' inboxes.";
    store
        .save_article(
            &article(
                "https://example.org/report",
                "Partners read inboxes",
                "2018-12-18",
                &format!("{one} {two}"),
            ),
            &[
                claim(Polarity::Assertion, Action::Access, None, "2018-12-18", one),
                claim(Polarity::Assertion, Action::Access, None, "2018-12-18", two),
            ],
            "test",
        )
        .expect("save");
}

fn ids(rows: &[serde_json::Value]) -> Vec<i64> {
    rows.iter().filter_map(|r| r["id"].as_i64()).collect()
}

#[test]
fn review_lists_auto_links_with_sources_and_decisions_filter_them() {
    let env = Env::new();
    build(&env);
    let (code, out, err) = env.run(&["review"]);
    assert_eq!(code, 0, "{err}");
    for piece in [
        "[auto]",
        "by A spokesperson, 2018-04-10: Our company has never let anyone read",
        "in A pledge on inboxes <https://example.org/pledge>",
        "in Partners read inboxes <https://example.org/report>",
        "reason",
    ] {
        assert!(out.contains(piece), "{piece:?} missing in:\n{out}");
    }
    let (_, out, _) = env.run(&["review", "--format", "jsonl"]);
    let links = jsonl(&out);
    assert_eq!(links.len(), 2, "{out}");
    let (first, second) = (ids(&links)[0], ids(&links)[1]);
    // The filters of `claims` narrow the list; a limit says how many more wait.
    let (code, out, err) = env.run(&["review", "--limit", "1", "--format", "jsonl"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(ids(&jsonl(&out)), vec![first]);
    assert!(err.contains("1 more wait for review"), "{err}");
    let (_, out, _) = env.run(&["review", "--company", "Meta", "--format", "jsonl"]);
    assert_eq!(ids(&jsonl(&out)).len(), 2, "an alias of Facebook: {out}");
    let (_, out, err) = env.run(&["review", "--company", "Google", "--format", "jsonl"]);
    assert!(
        jsonl(&out).is_empty() && err.contains("no links wait"),
        "{out} {err}"
    );
    let (_, out, _) = env.run(&["review", "--since", "2019", "--format", "jsonl"]);
    assert!(jsonl(&out).is_empty(), "both sides are of 2018: {out}");

    let (code, _, err) = env.run(&[
        "link",
        "reject",
        &first.to_string(),
        "--note",
        "not the same product",
        "--by",
        "ana",
    ]);
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = env.run(&["link", "confirm", &second.to_string()]);
    assert_eq!(code, 0, "{err}");

    assert_eq!(
        ids(&jsonl(&env.run(&["review", "--format", "jsonl"]).1)),
        Vec::<i64>::new()
    );
    assert_eq!(
        ids(&env.contradictions(&[])),
        vec![second],
        "rejected left out by default"
    );
    assert_eq!(ids(&env.contradictions(&["--status", "rejected"])), vec![first]);
    assert_eq!(ids(&env.contradictions(&["--status", "confirmed"])), vec![second]);
    assert_eq!(ids(&env.contradictions(&["--status", "all"])).len(), 2);
    assert!(env.contradictions(&["--status", "auto"]).is_empty());

    let (code, out, _) = env.run(&["timeline", "--format", "json", "--status", "all"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).expect("timeline JSON");
    assert_eq!(v["links"].as_array().map(Vec::len), Some(2), "{out}");

    let (_, out, _) = env.run(&["stats", "--format", "json"]);
    let stats: serde_json::Value = serde_json::from_str(&out).expect("stats JSON");
    assert_eq!(
        (stats["confirmed"].as_i64(), stats["rejected"].as_i64()),
        (Some(1), Some(1))
    );

    // The note and the decider are kept; --by defaults to $USER.
    let store = Store::open_read_only(&env.db()).expect("opens");
    let all = store
        .review_links(&claimtrack::store::ClaimFilter {
            status: claimtrack::store::StatusFilter::All,
            ..Default::default()
        })
        .expect("links");
    let by_id = |id: i64| all.iter().find(|l| l.id == id).expect("the link");
    assert_eq!(by_id(first).note.as_deref(), Some("not the same product"));
    assert_eq!(by_id(first).decided_by.as_deref(), Some("ana"));
    assert_eq!(by_id(second).decided_by, std::env::var("USER").ok());
    drop(store);
    let (code, _, err) = env.run(&["link", "reset", &first.to_string()]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        ids(&jsonl(&env.run(&["review", "--format", "jsonl"]).1)),
        vec![first]
    );
}

#[test]
fn deciding_an_unknown_link_fails_with_a_hint() {
    let env = Env::new();
    build(&env);
    let (code, _, err) = env.run(&["link", "confirm", "999"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("no link with id 999") && err.contains("claimtrack review"),
        "{err}"
    );
}

#[test]
fn completions_and_man_page_come_from_the_clap_definitions() {
    let env = Env::new();
    for (shell, marker) in [
        ("bash", "complete -F"),
        ("zsh", "#compdef claimtrack"),
        ("fish", "complete -c claimtrack"),
    ] {
        let (code, out, err) = env.run(&["completions", shell]);
        assert_eq!(code, 0, "{shell}: {err}");
        assert!(out.contains(marker), "{shell}: {marker:?} missing");
        for sub in ["review", "datasette-metadata", "contradictions"] {
            assert!(out.contains(sub), "{shell}: subcommand {sub} missing");
        }
    }
    let (code, out, err) = env.run(&["man"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with(".ie") || out.contains(".TH claimtrack"),
        "{}",
        &out[..out.len().min(200)]
    );
    assert!(out.contains("review"), "the subcommands are listed");
    let (code, _, _) = env.run(&["completions", "tcsh"]);
    assert_eq!(code, 2, "an unknown shell is a usage error");
}
