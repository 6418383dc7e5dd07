//! `claim add` and `claim edit` from the command line. Both resolve company names through the
//! built-in lexicon, so they need `src/claims` (until it lands these tests fail with its
//! `unimplemented!`). The database is built through `Store` (see `review::build`).

use super::{jsonl, s, Env};

#[test]
fn a_statement_added_by_hand_is_stored_with_its_source_linked_and_in_timelines() {
    let env = Env::new();
    super::review::build(&env);
    let before = env.contradictions(&[]).len();
    let text = "At no point have we let outside firms read people's inboxes.";
    let (code, out, err) = env.run(&[
        "claim",
        "add",
        "--actor",
        "Facebook",
        "--polarity",
        "denial",
        "--data-type",
        "private_messages",
        "--action",
        "access",
        "--scope",
        "always",
        "--speaker",
        "A board member",
        "--stated-on",
        "2018-06",
        "--text",
        text,
        "--source-url",
        "https://example.org/hearing",
        "--format",
        "jsonl",
    ]);
    assert_eq!(code, 0, "{err}");
    let added = jsonl(&out);
    assert_eq!(added.len(), 1, "{out}");
    let c = &added[0];
    assert_eq!(
        (
            s(c, "actor"),
            s(c, "speaker"),
            s(c, "stated_on"),
            s(c, "sentence"),
            s(c, "article_url")
        ),
        (
            "Facebook",
            "A board member",
            "2018-06",
            text,
            "https://example.org/hearing"
        )
    );
    assert_eq!(s(c, "extractor_version"), "manual");
    let after = env.contradictions(&[]);
    assert_eq!(after.len(), before + 2, "linked to both reports");
    assert!(after.iter().any(|l| s(&l["denial"], "sentence") == text));

    let (code, out, _) = env.run(&["timeline", "--format", "md"]);
    assert_eq!(code, 0);
    assert!(out.contains("At no point have we let outside firms"), "{out}");

    // Adding it again stores nothing new.
    let (code, _, err) = env.run(&[
        "claim",
        "add",
        "--actor",
        "Facebook",
        "--polarity",
        "denial",
        "--data-type",
        "private_messages",
        "--action",
        "access",
        "--scope",
        "always",
        "--speaker",
        "A board member",
        "--stated-on",
        "2018-06",
        "--text",
        text,
        "--source-url",
        "https://example.org/hearing",
    ]);
    assert_eq!(code, 0);
    assert!(err.contains("already stored"), "{err}");
    assert_eq!(env.claims(&[]).len(), 4);
}

#[test]
fn a_corrected_claim_is_relinked() {
    let env = Env::new();
    super::review::build(&env);
    let claims = env.claims(&["--polarity", "assertion"]);
    let id = claims[0]["id"].as_i64().expect("an id").to_string();
    assert_eq!(env.contradictions(&[]).len(), 2);
    let (code, out, err) = env.run(&[
        "claim",
        "edit",
        &id,
        "--data-type",
        "location",
        "--format",
        "jsonl",
    ]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(s(&jsonl(&out)[0], "data_type"), "location");
    assert_eq!(
        env.contradictions(&[]).len(),
        1,
        "the corrected claim no longer contradicts"
    );
    let (code, _, err) = env.run(&["claim", "edit", &id]);
    assert_eq!(code, 2);
    assert!(err.contains("nothing to change"), "{err}");
}
