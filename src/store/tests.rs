//! Store tests against real SQLite files in temp directories.

use std::cell::Cell;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::*;
use crate::model::{Action, DataType, First, PartialDate};

// ---------------------------------------------------------------------------------------------
// Helpers

struct TempDb {
    _dir: tempfile::TempDir,
    path: PathBuf,
}

fn temp_db() -> TempDb {
    let dir = tempfile::tempdir().expect("a temp dir can be created in tests");
    let path = dir.path().join("claims.db");
    TempDb { _dir: dir, path }
}

fn open(db: &TempDb) -> Store {
    let mut store = Store::open(&db.path).expect("a fresh database opens");
    store.set_linker(same_actor);
    store
}

fn date(s: &str) -> NaiveDate {
    s.parse().expect("test dates are valid")
}

fn article(url: Option<&str>, published: &str, text: &str) -> Article {
    Article {
        url: url.map(str::to_string),
        title: Some(format!("Title of {}", url.unwrap_or("an unnamed piece"))),
        published: Some(date(published)),
        outlet: Some("Test Gazette".to_string()),
        author: None,
        text: text.to_string(),
        html: None,
        origin: "test".to_string(),
        canonical_url: None,
        text_status: None,
        language: None,
    }
}

/// Saves one article with `article`'s defaults under extractor version "v1".
fn save(store: &mut Store, url: &str, published: &str, text: &str, claims: &[Claim]) -> SaveOutcome {
    store
        .save_article(&article(Some(url), published, text), claims, "v1")
        .expect("a test article saves")
}

fn claim(actor: &str, polarity: Polarity, data_type: DataType, sentence: &str) -> Claim {
    Claim {
        actor: actor.to_string(),
        counterparty: None,
        data_type,
        action: Action::Share,
        polarity,
        scope: None,
        speaker: None,
        stated_on: None,
        period_start: None,
        period_end: None,
        sentence: sentence.to_string(),
        start: 0,
        end: sentence.chars().count(),
        rule: format!("test.{}", polarity.as_str()),
        confidence: 0.75,
    }
}

fn denial(actor: &str, sentence: &str) -> Claim {
    claim(actor, Polarity::Denial, DataType::PersonalData, sentence)
}

fn assertion(actor: &str, sentence: &str) -> Claim {
    claim(actor, Polarity::Assertion, DataType::PrivateMessages, sentence)
}

thread_local! {
    /// How often the fake linker ran in this test's thread.
    static LINKER_CALLS: Cell<usize> = const { Cell::new(0) };
}

/// A fake linker: links a denial and an assertion of the same actor, and only when called the
/// right way round, so a wrong orientation shows up as a missing link.
fn same_actor(d: &ClaimRecord, a: &ClaimRecord) -> Option<LinkVerdict> {
    LINKER_CALLS.with(|c| c.set(c.get() + 1));
    let oriented = d.claim.polarity == Polarity::Denial && a.claim.polarity == Polarity::Assertion;
    (oriented && d.claim.actor == a.claim.actor).then(|| LinkVerdict {
        reason: format!("{} vs {}", d.claim.sentence, a.claim.sentence),
        first: if d.when_stated() <= a.when_stated() {
            First::Denial
        } else {
            First::Assertion
        },
    })
}

fn count(store: &Store, table: &str) -> i64 {
    store
        .conn
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .expect("counting rows of a known table works")
}

fn sentences(records: &[ClaimRecord]) -> Vec<&str> {
    records.iter().map(|r| r.claim.sentence.as_str()).collect()
}

// ---------------------------------------------------------------------------------------------
// Schema and opening

#[test]
fn schema_matches_snapshot() {
    let db = temp_db();
    let store = open(&db);
    let actual = schema::dump(&store.conn).expect("the schema can be listed");
    let snapshot = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/store/schema.snapshot.sql");
    if std::env::var_os("UPDATE_SCHEMA_SNAPSHOT").is_some() {
        std::fs::write(&snapshot, &actual).expect("the snapshot file is writable");
        return;
    }
    let expected = std::fs::read_to_string(&snapshot).unwrap_or_default();
    if actual != expected {
        let diff: Vec<String> = expected
            .lines()
            .filter(|l| !actual.lines().any(|a| a == *l))
            .map(|l| format!("- {l}"))
            .chain(
                actual
                    .lines()
                    .filter(|l| !expected.lines().any(|e| e == *l))
                    .map(|l| format!("+ {l}")),
            )
            .collect();
        panic!(
            "the schema differs from src/store/schema.snapshot.sql:\n{}\n\
             If the change is intended (a new migration), regenerate it with \
             UPDATE_SCHEMA_SNAPSHOT=1 cargo test --lib store and commit it.",
            diff.join("\n")
        );
    }
}

#[test]
fn open_sets_pragmas_version_and_marker_and_reopens() {
    let db = temp_db();
    drop(open(&db));
    let store = open(&db); // second open: nothing to migrate
    let pragma = |name: &str| -> String {
        store
            .conn
            .query_row(&format!("PRAGMA {name}"), [], |r| {
                r.get::<_, rusqlite::types::Value>(0)
            })
            .map_or_else(
                |e| format!("error {e}"),
                |v| match v {
                    rusqlite::types::Value::Integer(i) => i.to_string(),
                    rusqlite::types::Value::Text(t) => t,
                    other => format!("{other:?}"),
                },
            )
    };
    assert_eq!(pragma("journal_mode"), "wal");
    assert_eq!(pragma("foreign_keys"), "1");
    assert_eq!(pragma("synchronous"), "1"); // NORMAL
    assert_eq!(pragma("busy_timeout"), "5000");
    assert_eq!(pragma("user_version"), SCHEMA_VERSION.to_string());
    assert_eq!(pragma("application_id"), APPLICATION_ID.to_string());
    let marker: String = store
        .conn
        .query_row(
            "SELECT value FROM _claimtrack_meta WHERE key = 'application'",
            [],
            |r| r.get(0),
        )
        .expect("the marker row exists");
    assert_eq!(marker, "claimtrack");
    assert_eq!(store.stats().expect("stats").schema_version, SCHEMA_VERSION);
}

#[test]
fn newer_schema_is_refused_and_left_alone() {
    let db = temp_db();
    {
        let store = open(&db);
        store
            .conn
            .pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .expect("set version");
    }
    let before = std::fs::read(&db.path).expect("db file readable");
    match Store::open(&db.path) {
        Err(StoreError::TooNew { found, known, .. }) => {
            assert_eq!((found, known), (SCHEMA_VERSION + 1, SCHEMA_VERSION))
        }
        other => panic!("expected TooNew, got {:?}", other.err()),
    }
    assert!(matches!(
        Store::open_read_only(&db.path),
        Err(StoreError::TooNew { .. })
    ));
    assert_eq!(std::fs::read(&db.path).expect("db file readable"), before);
}

#[test]
fn foreign_databases_are_refused_and_left_alone() {
    // (how the foreign file is made, what the refusal must mention)
    let cases: &[(&str, &str)] = &[
        (
            "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);",
            "no claimtrack schema",
        ),
        ("PRAGMA application_id = 1234;", "application_id"),
        (
            "CREATE TABLE t (x); PRAGMA user_version = 1;",
            "no claimtrack marker",
        ),
    ];
    for (setup, reason_part) in cases {
        let db = temp_db();
        rusqlite::Connection::open(&db.path)
            .and_then(|c| c.execute_batch(setup))
            .expect("setup works");
        let before = std::fs::read(&db.path).expect("db file readable");
        for result in [Store::open(&db.path).err(), Store::open_read_only(&db.path).err()] {
            match result {
                Some(StoreError::Foreign { reason, path }) => {
                    assert!(reason.contains(reason_part), "{setup}: {reason}");
                    assert_eq!(path, db.path.display().to_string());
                }
                other => panic!("{setup}: expected Foreign, got {other:?}"),
            }
        }
        assert_eq!(
            std::fs::read(&db.path).expect("db file readable"),
            before,
            "{setup}"
        );
    }
}

#[test]
fn a_file_that_is_not_sqlite_is_named_in_the_error() {
    let db = temp_db();
    let junk = "this is a plain text file, not a database at all, long enough to have a header\n".repeat(20);
    std::fs::write(&db.path, &junk).expect("write junk");
    for err in [Store::open(&db.path).err(), Store::open_read_only(&db.path).err()] {
        let err = err.expect("a text file does not open as a store");
        assert!(matches!(err, StoreError::NotADatabase { .. }), "{err:?}");
        let message = err.to_string();
        assert!(message.contains(&db.path.display().to_string()), "{message}");
        assert!(message.contains("not a database"), "{message}");
    }
    assert_eq!(std::fs::read_to_string(&db.path).expect("junk still there"), junk);
}

#[test]
fn read_only_open_of_a_missing_file_says_to_ingest_first() {
    let db = temp_db();
    let err = Store::open_read_only(&db.path)
        .err()
        .expect("a missing file is refused");
    let message = err.to_string();
    assert!(matches!(err, StoreError::Missing { .. }));
    assert!(
        message.contains(&db.path.display().to_string()) && message.contains("claimtrack ingest"),
        "{message}"
    );
    assert!(!db.path.exists(), "read-only open must not create the file");
}

#[test]
fn read_only_store_reads_and_cannot_write() {
    let db = temp_db();
    {
        let mut store = open(&db);
        save(
            &mut store,
            "u1",
            "2020-01-01",
            "some words",
            &[denial("Acme", "d")],
        );
    }
    let mut ro = Store::open_read_only(&db.path).expect("an existing store opens read-only");
    assert_eq!(ro.claims(&ClaimFilter::default()).expect("claims").len(), 1);
    assert!(ro.record_failure("x", "y").is_err());
}

// ---------------------------------------------------------------------------------------------
// Saving, dedup, replacing

#[test]
fn dedup_by_url_and_by_content_hash() {
    let db = temp_db();
    let mut store = open(&db);
    let first = article(
        Some("https://example.test/a"),
        "2020-05-01",
        "Acme says it never sells data.",
    );
    let saved = store
        .save_article(&first, &[denial("Acme", "s1")], "v1")
        .expect("save");
    assert_eq!((saved.status, saved.claims), (SaveStatus::Inserted, 1));

    // (article, expected status): same URL and text; same text re-cased and re-wrapped under
    // another URL; same text without a URL.
    let recased = "ACME  says it\nnever sells DATA.";
    let cases = [
        (first.clone(), SaveStatus::Duplicate),
        (
            article(Some("https://mirror.test/a"), "2020-05-02", recased),
            SaveStatus::Duplicate,
        ),
        (article(None, "2020-05-02", recased), SaveStatus::Duplicate),
        (
            article(None, "2020-05-02", "Another story entirely."),
            SaveStatus::Inserted,
        ),
    ];
    for (a, expected) in cases {
        let out = store
            .save_article(&a, &[denial("Acme", "again")], "v1")
            .expect("save");
        assert_eq!(out.status, expected, "{:?}", a.url);
        if expected == SaveStatus::Duplicate {
            assert_eq!((out.article_id, out.claims, out.links), (saved.article_id, 0, 0));
        }
    }
    assert_eq!(count(&store, "articles"), 2);
    assert_eq!(count(&store, "claims"), 2);
}

#[test]
fn changed_text_replaces_article_claims_and_links() {
    let db = temp_db();
    let mut store = open(&db);
    let d = save(
        &mut store,
        "u/denial",
        "2018-01-01",
        "A denial about giraffes.",
        &[denial("Acme", "old denial")],
    );
    let a = save(
        &mut store,
        "u/report",
        "2018-06-01",
        "A report.",
        &[assertion("Acme", "report")],
    );
    assert_eq!(a.links, 1);

    let changed = article(Some("u/denial"), "2018-01-02", "A corrected denial about zebras.");
    let out = store
        .save_article(
            &changed,
            &[claim("Other", Polarity::Denial, DataType::Location, "new denial")],
            "v2",
        )
        .expect("replace");
    assert_eq!(
        (out.status, out.article_id, out.claims, out.links),
        (SaveStatus::Replaced, d.article_id, 1, 0)
    );
    assert_eq!(count(&store, "articles"), 2);
    assert_eq!(count(&store, "links"), 0, "the old denial's link went with it");
    let all = store.claims(&ClaimFilter::default()).expect("claims");
    assert_eq!(sentences(&all), ["new denial", "report"]);
    assert_eq!(all[0].extractor_version, "v2");
    assert_eq!(all[0].published, Some(date("2018-01-02")));
    // The full-text index follows the update.
    assert!(store.search("giraffes", 10).expect("search").is_empty());
    assert_eq!(store.search("zebras", 10).expect("search").len(), 1);
}

#[test]
fn articles_round_trip_and_replace_claims_relinks() {
    let db = temp_db();
    let mut store = open(&db);
    let mut original = article(Some("u1"), "2019-03-04", "Body text here.");
    original.author = Some("A. Writer".to_string());
    original.html = Some("<p>Body text here.</p>".to_string());
    let saved = store
        .save_article(&original, &[assertion("Acme", "a1")], "v1")
        .expect("save");
    let other = save(&mut store, "u2", "2019-01-01", "Other.", &[]);

    let stored = store.articles().expect("articles");
    assert_eq!(stored.len(), 2);
    assert_eq!(stored[0], (saved.article_id, original));

    let counts = store
        .replace_claims(
            other.article_id,
            &[denial("Acme", "d1"), denial("Beta", "d2")],
            "v2",
        )
        .expect("replace claims");
    assert_eq!(counts, (2, 1));
    let counts = store
        .replace_claims(other.article_id, &[denial("Beta", "d3")], "v3")
        .expect("replace again");
    assert_eq!(counts, (1, 0));
    assert_eq!(count(&store, "links"), 0);
    assert_eq!(
        sentences(&store.claims(&ClaimFilter::default()).expect("claims")),
        ["d3", "a1"]
    );
    assert!(matches!(
        store.replace_claims(999, &[], "v"),
        Err(StoreError::NoSuchArticle(999))
    ));
}

// ---------------------------------------------------------------------------------------------
// Linking

#[test]
fn links_are_oriented_counted_and_made_once() {
    let db = temp_db();
    let mut store = open(&db);
    // An assertion stored before the denial it contradicts, and one after.
    let early = save(
        &mut store,
        "u1",
        "2018-03-01",
        "t1",
        &[assertion("Acme", "early report")],
    );
    assert_eq!(early.links, 0);
    let mut said = denial("Acme", "we never did");
    said.stated_on = Some(PartialDate::year(2017));
    let d = save(
        &mut store,
        "u2",
        "2018-04-01",
        "t2",
        &[said, denial("Beta", "not us either")],
    );
    assert_eq!(d.links, 1);

    // Both sides in one article: evaluated once, linked once.
    LINKER_CALLS.with(|c| c.set(0));
    let both = save(
        &mut store,
        "u3",
        "2018-05-01",
        "t3",
        &[assertion("Acme", "late report"), denial("Acme", "denied again")],
    );
    // "late report" meets the one stored Acme denial ("we never did", +1 link; Beta's denial is
    // not a candidate); "denied again" meets "early report" and "late report" (+2 links).
    assert_eq!(both.links, 3);
    assert_eq!(LINKER_CALLS.with(Cell::get), 3, "each pair is evaluated once");

    let links = store
        .contradictions(&ClaimFilter::default())
        .expect("contradictions");
    let pairs: Vec<(&str, &str, First)> = links
        .iter()
        .map(|l| {
            (
                l.denial.claim.sentence.as_str(),
                l.assertion.claim.sentence.as_str(),
                l.first,
            )
        })
        .collect();
    assert_eq!(
        pairs,
        [
            ("we never did", "early report", First::Denial),
            ("we never did", "late report", First::Denial),
            ("denied again", "early report", First::Assertion),
            ("denied again", "late report", First::Denial),
        ]
    );
    for l in &links {
        assert_eq!(l.denial.claim.polarity, Polarity::Denial);
        assert_eq!(l.assertion.claim.polarity, Polarity::Assertion);
        assert!(l.reason.starts_with(&l.denial.claim.sentence));
        assert!(l.denial.article_url.is_some() && l.assertion.article_title.is_some());
    }
    // The view has one row per link.
    assert_eq!(count(&store, "contradictions_view"), 4);
    assert_eq!(count(&store, "claims_view"), count(&store, "claims"));
}

#[test]
fn the_default_linker_is_link_evaluate() {
    let db = temp_db();
    let store = Store::open(&db.path).expect("open");
    assert_eq!(store.linker as usize, crate::link::evaluate as Linker as usize);
}

#[test]
fn deleting_an_article_cascades_to_claims_links_and_search() {
    let db = temp_db();
    let mut store = open(&db);
    let d = save(
        &mut store,
        "u1",
        "2018-01-01",
        "penguins deny",
        &[denial("Acme", "d")],
    );
    save(
        &mut store,
        "u2",
        "2018-02-01",
        "walrus report",
        &[assertion("Acme", "a")],
    );
    assert_eq!(count(&store, "links"), 1);
    store
        .conn
        .execute("DELETE FROM articles WHERE id = ?1", [d.article_id])
        .expect("delete");
    assert_eq!((count(&store, "claims"), count(&store, "links")), (1, 0));
    assert!(store.search("penguins", 5).expect("search").is_empty());
    assert_eq!(store.search("walrus", 5).expect("search").len(), 1);
}

// ---------------------------------------------------------------------------------------------
// Reading

#[test]
fn claim_filters() {
    let db = temp_db();
    let mut store = open(&db);
    let mut with_counterparty = assertion("Acme", "gave Zeta access");
    with_counterparty.counterparty = Some("Zeta".to_string());
    let mut dated_year = denial("Acme", "said in 2016");
    dated_year.stated_on = Some(PartialDate::year(2016));
    let mut dated_month = denial("Beta", "said in 2017-03");
    dated_month.stated_on = PartialDate::month(2017, 3);
    save(
        &mut store,
        "u1",
        "2018-06-15",
        "one",
        &[with_counterparty, dated_year],
    );
    save(
        &mut store,
        "u2",
        "2019-01-10",
        "two",
        &[
            dated_month,
            claim(
                "Zeta",
                Polarity::Assertion,
                DataType::Location,
                "zeta tracked places",
            ),
        ],
    );

    let check = |filter: ClaimFilter, expected: &[&str]| {
        let got = store.claims(&filter).expect("claims");
        assert_eq!(sentences(&got), expected, "{filter:?}");
    };
    let all = [
        "said in 2016",
        "said in 2017-03",
        "gave Zeta access",
        "zeta tracked places",
    ];
    check(ClaimFilter::default(), &all);
    check(
        ClaimFilter {
            company: Some("zeta".into()),
            ..Default::default()
        },
        &["gave Zeta access", "zeta tracked places"],
    );
    check(
        ClaimFilter {
            company: Some("ACME".into()),
            ..Default::default()
        },
        &["said in 2016", "gave Zeta access"],
    );
    check(
        ClaimFilter {
            company: Some("Nobody".into()),
            ..Default::default()
        },
        &[],
    );
    check(
        ClaimFilter {
            data_type: Some(DataType::Location),
            ..Default::default()
        },
        &["zeta tracked places"],
    );
    check(
        ClaimFilter {
            polarity: Some(Polarity::Denial),
            ..Default::default()
        },
        &all[..2],
    );
    // A year passes when any of it falls in range; a month likewise.
    check(
        ClaimFilter {
            since: Some(date("2016-12-31")),
            ..Default::default()
        },
        &all,
    );
    check(
        ClaimFilter {
            since: Some(date("2017-01-01")),
            ..Default::default()
        },
        &all[1..],
    );
    check(
        ClaimFilter {
            since: Some(date("2017-04-01")),
            ..Default::default()
        },
        &all[2..],
    );
    check(
        ClaimFilter {
            until: Some(date("2017-03-01")),
            ..Default::default()
        },
        &all[..2],
    );
    check(
        ClaimFilter {
            until: Some(date("2017-02-28")),
            ..Default::default()
        },
        &all[..1],
    );
    check(
        ClaimFilter {
            since: Some(date("2018-06-15")),
            until: Some(date("2018-06-15")),
            ..Default::default()
        },
        &["gave Zeta access"],
    );
    check(
        ClaimFilter {
            limit: Some(2),
            ..Default::default()
        },
        &all[..2],
    );
    check(
        ClaimFilter {
            company: Some("acme".into()),
            polarity: Some(Polarity::Assertion),
            ..Default::default()
        },
        &["gave Zeta access"],
    );
}

#[test]
fn contradiction_filters_apply_to_either_side() {
    let db = temp_db();
    let mut store = open(&db);
    let mut a = assertion("Acme", "gave Zeta the messages");
    a.counterparty = Some("Zeta".to_string());
    save(&mut store, "u1", "2015-01-01", "one", &[denial("Acme", "never")]);
    save(&mut store, "u2", "2018-12-19", "two", &[a]);
    save(&mut store, "u3", "2019-01-01", "three", &[denial("Beta", "no")]);

    let check = |filter: ClaimFilter, expected: usize| {
        assert_eq!(
            store.contradictions(&filter).expect("contradictions").len(),
            expected,
            "{filter:?}"
        );
    };
    check(ClaimFilter::default(), 1);
    check(
        ClaimFilter {
            company: Some("zeta".into()),
            ..Default::default()
        },
        1,
    ); // assertion side
    check(
        ClaimFilter {
            company: Some("beta".into()),
            ..Default::default()
        },
        0,
    );
    check(
        ClaimFilter {
            data_type: Some(DataType::PersonalData),
            ..Default::default()
        },
        1,
    ); // denial side
    check(
        ClaimFilter {
            data_type: Some(DataType::Location),
            ..Default::default()
        },
        0,
    );
    check(
        ClaimFilter {
            until: Some(date("2015-06-01")),
            ..Default::default()
        },
        1,
    );
    check(
        ClaimFilter {
            since: Some(date("2016-01-01")),
            until: Some(date("2017-01-01")),
            ..Default::default()
        },
        0,
    );
    check(
        ClaimFilter {
            limit: Some(0),
            ..Default::default()
        },
        0,
    );
}

#[test]
fn search_finds_words_and_survives_odd_input() {
    let db = temp_db();
    let mut store = open(&db);
    let mut a = article(
        Some("u1"),
        "2018-12-19",
        "The network let partners read private messages of users.",
    );
    a.title = Some("Partners and messages".to_string());
    store.save_article(&a, &[], "v1").expect("save");
    store
        .save_article(
            &article(
                Some("u2"),
                "2018-12-20",
                "An unrelated item about data-sharing deals, or so it seems, and more.",
            ),
            &[],
            "v1",
        )
        .expect("save");

    let check = |query: &str, expected_urls: &[&str]| {
        let hits = store
            .search(query, 10)
            .unwrap_or_else(|e| panic!("{query:?}: {e}"));
        let urls: Vec<&str> = hits.iter().map(|h| h.url.as_deref().unwrap_or("")).collect();
        assert_eq!(urls, expected_urls, "{query:?}");
    };
    check("private messages", &["u1"]);
    check("\"private messages\"", &["u1"]);
    check("message", &["u1"]); // stemmed
    check("data-sharing", &["u2"]);
    check("\"", &[]);
    check("AND OR", &["u2"]); // searched as the words "and" and "or" ("more" is not "or")
    check("(", &[]);
    check("   ", &[]);
    check("NEAR(", &[]);
    check("and", &["u1", "u2"]);

    let hit = &store.search("private", 1).expect("search")[0];
    assert!(hit.snippet.contains("[private]"), "{}", hit.snippet);
    assert_eq!(
        (hit.published, hit.outlet.as_deref()),
        (Some(date("2018-12-19")), Some("Test Gazette"))
    );
}

#[test]
fn failures_and_stats() {
    let db = temp_db();
    let mut store = open(&db);
    assert_eq!(
        store.stats().expect("stats"),
        Stats {
            schema_version: SCHEMA_VERSION,
            ..Default::default()
        }
    );
    store.record_failure("input.jsonl:3", "no text").expect("record");
    let mut a = assertion("Acme", "a");
    a.counterparty = Some("Zeta".to_string());
    save(&mut store, "u1", "2017-02-03", "one", &[denial("Acme", "d")]);
    save(&mut store, "u2", "2019-08-09", "two", &[a, denial("Beta", "b")]);
    let stats = store.stats().expect("stats");
    assert_eq!(
        stats,
        Stats {
            articles: 2,
            claims: 3,
            denials: 2,
            assertions: 1,
            links: 1,
            failures: 1,
            companies: 3,
            first_published: Some(date("2017-02-03")),
            last_published: Some(date("2019-08-09")),
            schema_version: SCHEMA_VERSION,
            ..Default::default()
        }
    );
    let (item, at): (String, String) = store
        .conn
        .query_row("SELECT item, at FROM failures", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .expect("the failure row");
    assert_eq!(item, "input.jsonl:3");
    assert!(
        at.len() == 20 && at.ends_with('Z'),
        "ISO-8601 UTC timestamp: {at}"
    );
}

#[test]
fn lookups_use_indexes() {
    let db = temp_db();
    let store = open(&db);
    // (statement, index its plan must search with)
    let cases: &[(&str, &str)] = &[
        (queries::CANDIDATE_PARTS, "claims_actor_polarity_data_type"),
        // The ranks of an actor's links come from an index, not the links' rows (0010).
        (
            queries::RANKED_LINKS_OF_DENIALS,
            "COVERING INDEX links_denial_rank",
        ),
        (
            queries::RANKED_LINKS_OF_ASSERTIONS,
            "COVERING INDEX links_assertion_id",
        ),
        // A company's whole timeline lists its claim and link ids from indexes alone.
        (
            queries::TIMELINE_CLAIMS_OF_COMPANY,
            "COVERING INDEX claims_actor_when",
        ),
        (
            queries::TIMELINE_CLAIMS_OF_COMPANY,
            "COVERING INDEX claims_counterparty_when",
        ),
        (
            queries::TIMELINE_LINK_IDS_OF_COMPANY,
            "COVERING INDEX link_companies_order",
        ),
        (
            "SELECT id, content_hash FROM articles WHERE url = ?1 AND kind = 'article'",
            "articles_url",
        ),
        (
            "SELECT id FROM articles WHERE content_hash = ?1 AND kind = 'article' ORDER BY id LIMIT 1",
            "articles_content_hash",
        ),
        ("SELECT id FROM claims WHERE key = ?1", "claims_key"),
        ("DELETE FROM claims WHERE article_id = ?1", "claims_article_id"),
        (
            "SELECT id FROM claims c WHERE c.actor = ?1 OR c.counterparty = ?1",
            "claims_counterparty",
        ),
    ];
    for (sql, index) in cases {
        let mut st = store
            .conn
            .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
            .expect("plan");
        let plan: Vec<String> = st
            .query_map(
                rusqlite::params_from_iter(vec![rusqlite::types::Null; st.parameter_count()]),
                |r| r.get::<_, String>(3),
            )
            .and_then(|rows| rows.collect())
            .expect("plan rows");
        let plan = plan.join(" | ");
        assert!(
            plan.contains(&format!("USING INDEX {index}"))
                || plan.contains(&format!("USING COVERING INDEX {index}"))
                || plan.contains(&format!("USING {index}")),
            "{sql}: {plan}"
        );
        assert!(
            !plan.contains("SCAN c") && !plan.contains("SCAN claims"),
            "{sql}: {plan}"
        );
    }
}

/// Listings cut by a limit read their rows in order through an index: no sort of every
/// matching row (`USE TEMP B-TREE FOR ORDER BY`), no scan of claims or links.
#[test]
fn limited_listings_read_rows_in_index_order() {
    let db = temp_db();
    let store = open(&db);
    let since = Some(date("2015-01-01"));
    let filter = |company: Option<&str>, data_type: Option<DataType>| ClaimFilter {
        company: company.map(str::to_string),
        data_type,
        since: if data_type.is_some() { since } else { None },
        limit: Some(100),
        ..ClaimFilter::default()
    };
    // (query, indexes its plan must use, whether it may sort: the company's claims are two
    // ordered reads of at most the limit each, merged and sorted)
    let cases = [
        (
            queries::claims_query(&filter(Some("Acme"), None)),
            &["claims_actor_when", "claims_counterparty_when"][..],
            true,
        ),
        (
            queries::claims_query(&filter(None, Some(DataType::Location))),
            &["claims_data_type_when"][..],
            false,
        ),
        (
            queries::review_query(&filter(Some("Acme"), None)),
            &["link_companies_order"][..],
            false,
        ),
        (
            queries::review_query(&filter(Some("Acme"), Some(DataType::Location))),
            &["link_companies_order"][..],
            false,
        ),
    ];
    for ((sql, params), indexes, may_sort) in cases {
        let mut st = store
            .conn
            .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
            .expect("plan");
        let plan: Vec<String> = st
            .query_map(rusqlite::params_from_iter(params), |r| r.get::<_, String>(3))
            .and_then(|rows| rows.collect())
            .expect("plan rows");
        let plan = plan.join(" | ");
        for index in indexes {
            assert!(
                plan.contains(&format!(" {index} ")),
                "{index} not used: {sql}: {plan}"
            );
        }
        assert!(
            may_sort || !plan.contains("TEMP B-TREE FOR ORDER BY"),
            "{sql}: {plan}"
        );
        assert!(
            !plan.contains("SCAN c ") && !plan.contains("SCAN l ") && !plan.ends_with("SCAN c"),
            "{sql}: {plan}"
        );
    }
}

/// Bulk-save throughput; prints figures. `cargo test --release --lib store::tests::bench -- --ignored --nocapture`
#[test]
#[ignore = "a benchmark: prints articles per second"]
fn bench_save_articles() {
    let db = temp_db();
    let mut store = Store::open(&db.path).expect("open");
    let companies = [
        "Acme", "Beta", "Gamma", "Delta", "Epsilon", "Zeta", "Eta", "Theta", "Iota", "Kappa",
    ];
    let n = 5000;
    let started = std::time::Instant::now();
    for i in 0..n {
        let text = format!("Story number {i} about data and the people who hold it. ").repeat(40);
        let a = article(Some(&format!("https://example.test/{i}")), "2019-01-01", &text);
        let unique = format!("Co{i}");
        let actor = if std::env::var_os("BENCH_UNIQUE").is_some() {
            unique.as_str()
        } else {
            companies[i % companies.len()]
        };
        let claims = [
            denial(actor, "we never do that"),
            assertion(actor, "they did that"),
            assertion(actor, "again"),
        ];
        store.save_article(&a, &claims, "v1").expect("save");
    }
    let secs = started.elapsed().as_secs_f64();
    eprintln!(
        "{n} articles, 3 claims each, in {secs:.2} s: {:.0} articles/s",
        n as f64 / secs
    );
}

#[test]
fn linking_sees_claims_written_by_another_connection() {
    let db = temp_db();
    let mut first = open(&db);
    let mut second = open(&db);
    // `first` reads (and keeps) Acme's assertions: none yet.
    save(&mut first, "u1", "2018-01-01", "one", &[denial("Acme", "d1")]);
    // Another connection stores an assertion (and links it to d1).
    let s = second.save_article(
        &article(Some("u2"), "2018-02-01", "two"),
        &[assertion("Acme", "a1")],
        "v1",
    );
    assert_eq!(s.expect("save").links, 1);
    // `first` must see a1 when it links its next denial.
    let out = first.save_article(
        &article(Some("u3"), "2018-03-01", "three"),
        &[denial("Acme", "d2")],
        "v1",
    );
    assert_eq!(out.expect("save").links, 1);
}

/// Saves article `u2` with a good claim and one that breaks a constraint: the save fails.
fn save_a_broken_article(store: &mut Store) -> Result<SaveOutcome> {
    let mut broken = assertion("Acme", "bad confidence");
    broken.confidence = f64::NAN; // stored as NULL: violates NOT NULL
    store.save_article(
        &article(Some("u2"), "2018-02-01", "two"),
        &[assertion("Acme", "fine"), broken],
        "v1",
    )
}

#[test]
fn a_failed_save_stores_nothing_and_leaves_no_stale_candidates() {
    let db = temp_db();
    let mut store = open(&db);
    save(&mut store, "u1", "2018-01-01", "one", &[denial("Acme", "d1")]);
    assert!(save_a_broken_article(&mut store).is_err());
    assert_eq!(
        (
            count(&store, "articles"),
            count(&store, "claims"),
            count(&store, "links")
        ),
        (1, 1, 0)
    );
    // A later denial must not be linked to the rolled-back assertion.
    let out = store
        .save_article(
            &article(Some("u3"), "2018-03-01", "three"),
            &[denial("Acme", "d2")],
            "v1",
        )
        .expect("save after a failure");
    assert_eq!(out.links, 0);
}

#[test]
fn a_failed_save_inside_a_batch_takes_back_that_article_only() {
    let db = temp_db();
    let mut store = open(&db);
    store.begin_batch().expect("a batch begins");
    save(&mut store, "u1", "2018-01-01", "one", &[denial("Acme", "d1")]);
    assert!(save_a_broken_article(&mut store).is_err());
    assert!(store.in_batch(), "the batch goes on");
    let out = store
        .save_article(
            &article(Some("u3"), "2018-03-01", "three"),
            &[assertion("Acme", "a3")],
            "v1",
        )
        .expect("save after a failure in the batch");
    assert_eq!(
        out.links, 1,
        "linked to the batch's first article, not to the failed one"
    );
    store.commit_batch().expect("committed");
    let urls: Vec<String> = store
        .conn
        .prepare("SELECT url FROM articles ORDER BY id")
        .and_then(|mut st| st.query_map([], |r| r.get(0))?.collect())
        .expect("urls");
    assert_eq!(urls, ["u1", "u3"]);
    assert_eq!((count(&store, "claims"), count(&store, "links")), (2, 1));
}

/// `link_companies` as the trigger of migration 0006 wrote it, computed from `links`: (link id,
/// company folded, d_when, a_when), sorted.
fn link_companies_expected(store: &Store) -> Vec<(i64, String, Option<String>, Option<String>)> {
    store
        .conn
        .prepare(
            "SELECT link_id, lower(name), d_when, a_when FROM ( \
               SELECT l.id AS link_id, d.actor AS name, d.stated_when AS d_when, s.stated_when AS a_when \
                 FROM links l JOIN claims d ON d.id = l.denial_id JOIN claims s ON s.id = l.assertion_id \
               UNION SELECT l.id, d.counterparty, d.stated_when, s.stated_when \
                 FROM links l JOIN claims d ON d.id = l.denial_id JOIN claims s ON s.id = l.assertion_id \
               UNION SELECT l.id, s.actor, d.stated_when, s.stated_when \
                 FROM links l JOIN claims d ON d.id = l.denial_id JOIN claims s ON s.id = l.assertion_id \
               UNION SELECT l.id, s.counterparty, d.stated_when, s.stated_when \
                 FROM links l JOIN claims d ON d.id = l.denial_id JOIN claims s ON s.id = l.assertion_id) \
             WHERE name IS NOT NULL ORDER BY 1, 2",
        )
        .and_then(|mut st| {
            st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
                .collect()
        })
        .expect("the expected rows")
}

fn link_companies_stored(store: &Store) -> Vec<(i64, String, Option<String>, Option<String>)> {
    store
        .conn
        .prepare("SELECT link_id, lower(company), d_when, a_when FROM link_companies ORDER BY 1, 2")
        .and_then(|mut st| {
            st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
                .collect()
        })
        .expect("the stored rows")
}

/// The full-text rows and `link_companies` are written once per transaction (migration 0007,
/// `queries::finish`): after a batch holding a failed article, an article replaced before the
/// commit and links pushed out, and after single saves, both are what the row-by-row triggers
/// wrote.
#[test]
fn rows_written_at_commit_match_what_the_triggers_wrote() {
    let db = temp_db();
    let mut store = open(&db);
    let with_cp = |actor: &str, p: Polarity, cp: &str, s: &str| {
        let mut c = claim(actor, p, DataType::PersonalData, s);
        c.counterparty = Some(cp.to_string());
        c
    };
    store.begin_batch().expect("a batch begins");
    store
        .save_article(
            &article(Some("u0"), "2018-01-01", "an early denial"),
            &(0..7)
                .map(|i| denial("Acme", &format!("d0 {i}")))
                .collect::<Vec<_>>(),
            "v1",
        )
        .expect("save");
    store
        .save_article(
            &article(Some("u1"), "2018-01-01", "walrus first draft"),
            &[
                denial("Acme", "d1"),
                with_cp("Acme", Polarity::Denial, "Zeta", "d1z"),
            ],
            "v1",
        )
        .expect("save");
    assert!(save_a_broken_article(&mut store).is_err());
    for i in 0..8 {
        store
            .save_article(
                &article(
                    Some(&format!("a{i}")),
                    "2018-02-01",
                    &format!("report number {i} pelican"),
                ),
                &[
                    assertion("Acme", &format!("a{i}")),
                    with_cp("Acme", Polarity::Assertion, "Yotta", &format!("a{i}y")),
                ],
                "v1",
            )
            .expect("save");
    }
    // Replaced before the commit: its index row must be the new text's.
    store
        .save_article(
            &article(Some("u1"), "2018-01-01", "walrus second draft heron"),
            &[denial("Acme", "d1 again")],
            "v1",
        )
        .expect("replace");
    store.commit_batch().expect("committed");
    // Outside a batch, each save is its own transaction.
    store
        .save_article(
            &article(Some("u9"), "2018-03-01", "a later piece about an ibis"),
            &[with_cp("Acme", Polarity::Denial, "Zeta", "d9")],
            "v1",
        )
        .expect("save");
    store
        .conn
        .execute(
            "INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)",
            [],
        )
        .expect("the full-text index matches the articles");
    let found = |q: &str| -> Vec<Option<String>> {
        store
            .search(q, 20)
            .expect("search")
            .into_iter()
            .map(|h| h.url)
            .collect()
    };
    assert_eq!(found("heron"), [Some("u1".to_string())]);
    assert!(
        found("first").is_empty(),
        "the replaced text is no longer indexed"
    );
    assert_eq!(found("pelican").len(), 8);
    assert_eq!(found("ibis"), [Some("u9".to_string())]);
    assert_eq!(count(&store, "articles_fts"), count(&store, "articles"));
    let expected = link_companies_expected(&store);
    assert!(expected.iter().any(|r| r.1 == "zeta") && expected.iter().any(|r| r.1 == "yotta"));
    let max_link: i64 = store
        .conn
        .query_row("SELECT max(id) FROM links", [], |r| r.get(0))
        .expect("links");
    assert!(
        max_link > count(&store, "links"),
        "links were pushed out of a best 5 before the commit"
    );
    assert_eq!(link_companies_stored(&store), expected);
}

#[test]
fn a_batch_never_committed_is_taken_back_whole() {
    let db = temp_db();
    let mut store = open(&db);
    save(&mut store, "u0", "2018-01-01", "zero", &[denial("Acme", "d0")]);
    store.begin_batch().expect("a batch begins");
    for (i, url) in ["u1", "u2"].iter().enumerate() {
        store
            .save_article(
                &article(Some(url), "2018-02-01", &format!("text {i}")),
                &[assertion("Acme", url)],
                "v1",
            )
            .expect("save");
    }
    // A crash before the commit: the connection goes away with the batch open.
    drop(store);
    let store = open(&db);
    assert_eq!(
        (
            count(&store, "articles"),
            count(&store, "claims"),
            count(&store, "links")
        ),
        (1, 1, 0),
        "what was committed before stays; the open batch is gone whole"
    );
}

// ---------------------------------------------------------------------------------------------
// Review: decisions and their survival

/// The (denial sentence, assertion sentence, status) of every link passing `status`.
fn links_with(store: &Store, status: StatusFilter) -> Vec<(String, String, LinkStatus)> {
    store
        .review_links(&ClaimFilter {
            status,
            ..ClaimFilter::default()
        })
        .expect("links can be read")
        .into_iter()
        .map(|l| (l.denial.claim.sentence, l.assertion.claim.sentence, l.status))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect()
}

fn link_id(store: &Store, denial_sentence: &str, assertion_sentence: &str) -> i64 {
    store
        .review_links(&ClaimFilter {
            status: StatusFilter::All,
            ..ClaimFilter::default()
        })
        .expect("links can be read")
        .into_iter()
        .find(|l| {
            l.denial.claim.sentence == denial_sentence && l.assertion.claim.sentence == assertion_sentence
        })
        .map(|l| l.id)
        .expect("the link exists")
}

/// Two articles: one denial (d1) and two assertions (a1, a2) of Acme, so two links.
fn two_links(db: &TempDb) -> Store {
    let mut store = open(db);
    save(&mut store, "u1", "2017-01-01", "one", &[denial("Acme", "d1")]);
    save(
        &mut store,
        "u2",
        "2018-01-01",
        "two",
        &[assertion("Acme", "a1"), assertion("Acme", "a2")],
    );
    store
}

fn row(d: &str, a: &str, s: LinkStatus) -> (String, String, LinkStatus) {
    (d.to_string(), a.to_string(), s)
}

#[test]
fn decisions_are_recorded_filtered_and_survive_reextraction() {
    let db = temp_db();
    let mut store = two_links(&db);
    assert_eq!(store.links_for_review().expect("review").len(), 2);
    let rejected = link_id(&store, "d1", "a1");
    let confirmed = link_id(&store, "d1", "a2");
    store
        .set_link_status(rejected, LinkStatus::Rejected, Some("other product"), Some("ana"))
        .expect("reject");
    store
        .set_link_status(confirmed, LinkStatus::Confirmed, None, Some("bo"))
        .expect("confirm");
    let expected_all = vec![
        row("d1", "a1", LinkStatus::Rejected),
        row("d1", "a2", LinkStatus::Confirmed),
    ];
    assert_eq!(links_with(&store, StatusFilter::All), expected_all);
    assert_eq!(
        links_with(&store, StatusFilter::NotRejected),
        vec![row("d1", "a2", LinkStatus::Confirmed)]
    );
    assert_eq!(
        links_with(&store, StatusFilter::Only(LinkStatus::Rejected)),
        vec![row("d1", "a1", LinkStatus::Rejected)]
    );
    assert!(store.links_for_review().expect("review").is_empty());
    let reviewed = store
        .review_links(&ClaimFilter {
            status: StatusFilter::Only(LinkStatus::Rejected),
            ..ClaimFilter::default()
        })
        .expect("links");
    assert_eq!(reviewed[0].note.as_deref(), Some("other product"));
    assert_eq!(reviewed[0].decided_by.as_deref(), Some("ana"));
    assert!(reviewed[0]
        .decided_at
        .as_deref()
        .is_some_and(|t| t.ends_with('Z')));

    // Re-extraction (new claim ids, both articles) and re-ingesting changed text keep them.
    for (id, a) in store.articles().expect("articles") {
        let claims = if id == 1 {
            vec![denial("Acme", "d1")]
        } else {
            vec![assertion("Acme", "a1"), assertion("Acme", "a2")]
        };
        store.replace_claims(id, &claims, "v2").expect("replace");
        assert!(a.url.is_some());
    }
    assert_eq!(links_with(&store, StatusFilter::All), expected_all);
    store
        .save_article(
            &article(Some("u2"), "2018-01-01", "two, revised"),
            &[assertion("Acme", "a2"), assertion("Acme", "a1")],
            "v3",
        )
        .expect("re-ingest");
    assert_eq!(links_with(&store, StatusFilter::All), expected_all);
    let stats = store.stats().expect("stats");
    assert_eq!(
        (stats.links, stats.confirmed, stats.rejected, stats.orphaned),
        (1, 1, 1, 0)
    );
    assert!(store.orphaned_decisions().expect("orphans").is_empty());

    // Reset forgets the decision: after relinking the link is auto again.
    let id = link_id(&store, "d1", "a1");
    store
        .set_link_status(id, LinkStatus::Auto, None, None)
        .expect("reset");
    store
        .replace_claims(2, &[assertion("Acme", "a1")], "v4")
        .expect("replace");
    assert_eq!(
        links_with(&store, StatusFilter::Only(LinkStatus::Auto)),
        vec![row("d1", "a1", LinkStatus::Auto)]
    );
}

#[test]
fn a_confirmed_link_outlives_the_linker_and_is_flagged_when_its_claim_goes() {
    let db = temp_db();
    let mut store = two_links(&db);
    let id = link_id(&store, "d1", "a2");
    store
        .set_link_status(id, LinkStatus::Confirmed, Some("checked"), Some("ana"))
        .expect("confirm");

    // A linker that links nothing: the confirmed pair is put back, the other is not.
    fn never(_: &ClaimRecord, _: &ClaimRecord) -> Option<LinkVerdict> {
        None
    }
    store.set_linker(never);
    store
        .replace_claims(2, &[assertion("Acme", "a1"), assertion("Acme", "a2")], "v2")
        .expect("replace");
    assert_eq!(
        links_with(&store, StatusFilter::All),
        vec![row("d1", "a2", LinkStatus::Confirmed)]
    );

    // The extractor no longer finds a2: the decision is kept and reported.
    store
        .replace_claims(2, &[assertion("Acme", "a1")], "v3")
        .expect("replace");
    assert!(links_with(&store, StatusFilter::All).is_empty());
    let orphans = store.orphaned_decisions().expect("orphans");
    assert_eq!(orphans.len(), 1);
    let o = &orphans[0];
    assert_eq!(
        (o.denial_sentence.as_str(), o.assertion_sentence.as_str()),
        ("d1", "a2")
    );
    assert_eq!((o.denial_found, o.assertion_found), (true, false));
    assert_eq!(o.note.as_deref(), Some("checked"));
    assert_eq!(store.stats().expect("stats").orphaned, 1);

    // It comes back, confirmed, when the claim is found again.
    store.set_linker(same_actor);
    store
        .replace_claims(2, &[assertion("Acme", "a2")], "v4")
        .expect("replace");
    assert_eq!(
        links_with(&store, StatusFilter::All),
        vec![row("d1", "a2", LinkStatus::Confirmed)]
    );
    assert!(store.orphaned_decisions().expect("orphans").is_empty());
}

#[test]
fn deciding_a_missing_link_names_it() {
    let db = temp_db();
    let mut store = open(&db);
    let err = store
        .set_link_status(42, LinkStatus::Confirmed, None, None)
        .expect_err("no such link");
    assert!(matches!(err, StoreError::NoSuchLink(42)), "{err}");
}

#[test]
fn claims_of_schema_1_get_keys_on_upgrade() {
    let db = temp_db();
    {
        let mut store = two_links(&db);
        store
            .conn
            .execute_batch("UPDATE claims SET key = NULL")
            .expect("keys can be cleared");
        let _ = &mut store;
    }
    let store = open(&db);
    let (missing, distinct): (i64, i64) = store
        .conn
        .query_row(
            "SELECT count(*) FILTER (WHERE key IS NULL), count(DISTINCT key) FROM claims",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("count keys");
    assert_eq!((missing, distinct), (0, 3));
}

#[test]
fn claim_keys_ignore_case_spacing_and_ids_but_not_content() {
    let base = denial("Acme", "We never  sell data.");
    let key = |ident: &str, c: &Claim| queries::claim_key(ident, c);
    let k = key("u1", &base);
    assert_eq!(k.len(), 32);
    let mut same = base.clone();
    same.sentence = "we never sell\ndata.".to_string();
    same.start = 40;
    same.rule = "other.rule".to_string();
    assert_eq!(
        key("u1", &same),
        k,
        "spacing, case, offsets and rule do not matter"
    );
    let mut other = base.clone();
    other.data_type = DataType::Location;
    assert_ne!(key("u1", &other), k);
    other = base.clone();
    other.counterparty = Some("Zeta".to_string());
    assert_ne!(key("u1", &other), k);
    assert_ne!(key("u2", &base), k, "another article");
}

// ---------------------------------------------------------------------------------------------
// Statements added by hand and corrections of claims

fn statement(url: Option<&str>, text: &str) -> (Article, Claim) {
    let mut a = article(url, "2018-04-10", text);
    a.title = Some("Statement by an executive".to_string());
    let mut c = denial("Acme", text);
    c.speaker = Some("An executive".to_string());
    c.stated_on = Some("2018-04-10".parse().expect("valid"));
    (a, c)
}

#[test]
fn statements_are_linked_kept_apart_from_articles_and_stored_once() {
    let db = temp_db();
    let mut store = open(&db);
    save(
        &mut store,
        "u2",
        "2018-12-01",
        "report",
        &[assertion("Acme", "a1")],
    );
    // Its source URL is an ingested article's: allowed, and the article is left alone.
    let (a, c) = statement(Some("u2"), "We do not hand data to anyone.");
    let (outcome, id) = store.add_statement(&a, &c).expect("add");
    assert_eq!(
        (outcome.status, outcome.claims, outcome.links),
        (SaveStatus::Inserted, 1, 1)
    );
    let record = store.claim(id).expect("the claim");
    assert_eq!(record.extractor_version, MANUAL_VERSION);
    assert_eq!(record.article_url.as_deref(), Some("u2"));
    assert_eq!(record.claim.speaker.as_deref(), Some("An executive"));
    assert_eq!(
        links_with(&store, StatusFilter::All),
        vec![row("We do not hand data to anyone.", "a1", LinkStatus::Auto)]
    );
    let (again, same_id) = store.add_statement(&a, &c).expect("add again");
    assert_eq!((again.status, same_id), (SaveStatus::Duplicate, id));
    // Not re-extracted, and not a duplicate of an article with the same text.
    let urls: Vec<Option<String>> = store
        .articles()
        .expect("articles")
        .into_iter()
        .map(|(_, a)| a.url)
        .collect();
    assert_eq!(urls, vec![Some("u2".to_string())]);
    let outcome = save(
        &mut store,
        "u3",
        "2019-01-01",
        "We do not hand data to anyone.",
        &[],
    );
    assert_eq!(outcome.status, SaveStatus::Inserted);
    // Re-ingesting the article under the same URL does not touch the statement.
    store
        .save_article(
            &article(Some("u2"), "2018-12-01", "report, revised"),
            &[assertion("Acme", "a1")],
            "v2",
        )
        .expect("save");
    assert_eq!(
        store.claim(id).expect("still there").claim.sentence,
        "We do not hand data to anyone."
    );
    assert_eq!(links_with(&store, StatusFilter::All).len(), 1);
}

#[test]
fn corrections_relink_and_survive_reextraction() {
    let db = temp_db();
    let mut store = open(&db);
    save(&mut store, "u1", "2017-01-01", "one", &[denial("Acme", "d1")]);
    save(&mut store, "u2", "2018-01-01", "two", &[assertion("Acme", "a1")]);
    assert_eq!(links_with(&store, StatusFilter::All).len(), 1);
    let a1 = store.claims(&ClaimFilter::default()).expect("claims")[1].id;

    // Wrong company: moving the assertion to Beta drops the link (the fake linker needs one actor).
    let edit = ClaimEdit {
        actor: Some("Beta".to_string()),
        counterparty: Some(Some("Zeta".to_string())),
        data_type: Some(DataType::Location),
        ..ClaimEdit::default()
    };
    let (record, links) = store.edit_claim(a1, &edit, Some("ana")).expect("edit");
    assert_eq!((record.claim.actor.as_str(), links), ("Beta", 0));
    assert!(links_with(&store, StatusFilter::All).is_empty());

    // Re-extraction finds the claim again as the extractor sees it; the correction is re-applied.
    store
        .replace_claims(2, &[assertion("Acme", "a1")], "v2")
        .expect("replace");
    let again = store
        .claims(&ClaimFilter {
            polarity: Some(Polarity::Assertion),
            ..ClaimFilter::default()
        })
        .expect("claims");
    assert_eq!(again.len(), 1);
    let c = &again[0].claim;
    assert_eq!(
        (c.actor.as_str(), c.counterparty.as_deref(), c.data_type),
        ("Beta", Some("Zeta"), DataType::Location)
    );
    assert!(links_with(&store, StatusFilter::All).is_empty());

    // A later edit merges with the first: back to Acme, counterparty removed, data type kept.
    let edit = ClaimEdit {
        actor: Some("Acme".to_string()),
        counterparty: Some(None),
        ..ClaimEdit::default()
    };
    let (record, links) = store.edit_claim(again[0].id, &edit, None).expect("edit");
    assert_eq!(
        (
            record.claim.counterparty.as_deref(),
            record.claim.data_type,
            links
        ),
        (None, DataType::Location, 1)
    );
    store
        .replace_claims(2, &[assertion("Acme", "a1")], "v3")
        .expect("replace");
    let c = store
        .claims(&ClaimFilter {
            polarity: Some(Polarity::Assertion),
            ..ClaimFilter::default()
        })
        .expect("claims")[0]
        .claim
        .clone();
    assert_eq!(
        (c.actor.as_str(), c.counterparty, c.data_type),
        ("Acme", None, DataType::Location)
    );
    assert_eq!(
        links_with(&store, StatusFilter::All),
        vec![row("d1", "a1", LinkStatus::Auto)]
    );

    // Polarity corrected: the claim is now a denial; no link is left.
    let flip = ClaimEdit {
        polarity: Some(Polarity::Denial),
        ..ClaimEdit::default()
    };
    let id = store
        .claims(&ClaimFilter {
            polarity: Some(Polarity::Assertion),
            ..ClaimFilter::default()
        })
        .expect("claims")[0]
        .id;
    let (_, links) = store.edit_claim(id, &flip, None).expect("edit");
    assert_eq!(links, 0);
    assert!(links_with(&store, StatusFilter::All).is_empty());
    assert!(matches!(
        store.edit_claim(999, &flip, None),
        Err(StoreError::NoSuchClaim(999))
    ));
}

#[test]
fn datasette_metadata_describes_tables_and_columns_that_exist() {
    let db = temp_db();
    let store = open(&db);
    for (table, columns) in datasette::described() {
        let mut st = store
            .conn
            .prepare("SELECT name FROM pragma_table_info(?1)")
            .expect("table_info");
        let actual: Vec<String> = st
            .query_map([table], |r| r.get(0))
            .and_then(|rows| rows.collect())
            .expect("columns");
        assert!(!actual.is_empty(), "no table or view {table}");
        for c in columns {
            assert!(actual.iter().any(|a| a == c), "{table}.{c} does not exist");
        }
    }
    // The fetch tables are described column by column, every one of them.
    for table in ["fetch_queue", "fetch_log"] {
        let described = datasette::described()
            .into_iter()
            .find(|(t, _)| *t == table)
            .map(|(_, cols)| cols)
            .unwrap_or_default();
        let mut st = store
            .conn
            .prepare("SELECT name FROM pragma_table_info(?1)")
            .expect("table_info");
        let actual: Vec<String> = st
            .query_map([table], |r| r.get(0))
            .and_then(|rows| rows.collect())
            .expect("columns");
        for c in &actual {
            assert!(described.contains(&c.as_str()), "{table}.{c} is not described");
        }
    }
    let m = datasette_metadata("claims");
    let tables = &m["databases"]["claims"]["tables"];
    assert_eq!(tables["articles"]["fts_table"], "articles_fts");
    assert_eq!(tables["fetch_queue"]["facets"][0], "state");
    assert!(tables["fetch_log"]["columns"]["outcome"]
        .as_str()
        .is_some_and(|d| d.contains("not_modified")));
    assert!(tables["contradictions_view"]["description"]
        .as_str()
        .is_some_and(|d| d.contains("denial")));
}

// ---------------------------------------------------------------------------------------------
// Writers take turns (lock.rs)

#[test]
fn a_second_writer_waits_for_its_turn_and_says_so() {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;
    let db = temp_db();
    let mut first = open(&db);
    let mut second = open(&db);
    assert!(
        super::lock_path(&db.path).exists(),
        "the lock file sits beside the database"
    );
    let waits = Arc::new(AtomicUsize::new(0));
    let seen = Arc::clone(&waits);
    second.on_wait(move || {
        seen.fetch_add(1, Ordering::SeqCst);
    });
    first.begin_batch().expect("the first writer takes its turn");
    first
        .save_article(
            &article(Some("https://a.example/1"), "2019-01-01", "One."),
            &[],
            "t",
        )
        .expect("saved");
    let other = std::thread::spawn(move || {
        // Waits (as long as it takes) instead of failing after the busy timeout.
        second
            .save_article(
                &article(Some("https://a.example/2"), "2019-01-02", "Two."),
                &[],
                "t",
            )
            .expect("saved after the first writer's batch");
        second
    });
    std::thread::sleep(std::time::Duration::from_millis(400));
    assert_eq!(waits.load(Ordering::SeqCst), 1, "the second writer is waiting");
    first.commit_batch().expect("committed");
    let second = other.join().expect("the second writer finished");
    drop(second);
    let n: i64 = first
        .conn
        .query_row("SELECT count(*) FROM articles", [], |r| r.get(0))
        .expect("counts");
    assert_eq!(n, 2);
}

/// Runs `f` on a thread of its own and waits for it at most `limit`: a deadlock fails the test
/// instead of hanging the suite (the stuck thread is left behind).
fn within<T: Send + 'static>(
    limit: std::time::Duration,
    what: &str,
    f: impl FnOnce() -> T + Send + 'static,
) -> T {
    use std::sync::mpsc::RecvTimeoutError;
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    match rx.recv_timeout(limit) {
        Ok(value) => value,
        Err(RecvTimeoutError::Timeout) => panic!("{what}: not done after {limit:?}: deadlocked"),
        Err(RecvTimeoutError::Disconnected) => panic!("{what}: the thread panicked (see above)"),
    }
}

#[test]
fn two_writing_stores_in_one_process_take_turns_thread_by_thread() {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::{Arc, Mutex};
    const BATCHES: usize = 8;
    const PER_BATCH: usize = 3;
    let db = temp_db();
    let path = db.path.clone();
    let (order, waits) = within(std::time::Duration::from_secs(120), "two writers", move || {
        // Which writer held the turn, batch by batch, logged while holding it.
        let order = Arc::new(Mutex::new(Vec::new()));
        let waits = Arc::new(AtomicUsize::new(0));
        let writer = |w: usize, started: std::sync::mpsc::Sender<()>| {
            let (path, order, waits) = (path.clone(), Arc::clone(&order), Arc::clone(&waits));
            std::thread::spawn(move || {
                let mut store = Store::open(&path).expect("a second writing store opens");
                store.set_linker(same_actor);
                let seen = Arc::clone(&waits);
                if w == 1 {
                    store.on_wait(move || {
                        seen.fetch_add(1, Ordering::SeqCst);
                    });
                }
                for b in 0..BATCHES {
                    store.begin_batch().expect("each writer gets its turn");
                    order.lock().expect("the log is not poisoned").push(w);
                    let _ = started.send(());
                    if w == 0 && b == 0 {
                        // Hold the first turn until the other writer is waiting for it.
                        while waits.load(Ordering::SeqCst) == 0 {
                            std::thread::sleep(std::time::Duration::from_millis(5));
                        }
                    }
                    for k in 0..PER_BATCH {
                        let url = format!("https://w{w}.example/{b}/{k}");
                        let text = format!("Writer {w}, batch {b}, piece {k}.");
                        // Writer 0 denies, writer 1 asserts: links cross the two writers.
                        let c = if w == 0 {
                            denial("Acme", &text)
                        } else {
                            assertion("Acme", &text)
                        };
                        store
                            .save_article(&article(Some(&url), "2019-01-01", &text), &[c], "t")
                            .expect("saved in the batch");
                    }
                    std::thread::sleep(std::time::Duration::from_millis(2));
                    store.commit_batch().expect("committed");
                }
                // Outside a batch too: a single article and a failure, each its own turn.
                let text = format!("Writer {w} alone.");
                store
                    .save_article(
                        &article(Some(&format!("https://w{w}.example/alone")), "2019-02-01", &text),
                        &[],
                        "t",
                    )
                    .expect("saved alone");
                store
                    .record_failure(&format!("item of writer {w}"), "a test failure")
                    .expect("recorded");
            })
        };
        let (started_tx, started_rx) = std::sync::mpsc::channel();
        let first = writer(0, started_tx.clone());
        started_rx.recv().expect("writer 0 holds its first turn");
        let second = writer(1, started_tx);
        first.join().expect("writer 0 finished");
        second.join().expect("writer 1 finished");
        let order = order.lock().expect("the log is not poisoned").clone();
        (order, waits.load(Ordering::SeqCst))
    });
    assert!(waits >= 1, "the second writer waited for its turn and said so");
    // Writer 0 asked for its next turn at once after its first batch, but writer 1 was waiting
    // at the gate: the turn went to writer 1.
    assert_eq!(order[..2], [0, 1], "{order:?}");
    assert_eq!(order.len(), 2 * BATCHES);
    let store = open(&db);
    assert_eq!(count(&store, "articles"), (2 * BATCHES * PER_BATCH + 2) as i64);
    assert_eq!(count(&store, "failures"), 2);
    let distinct: i64 = store
        .conn
        .query_row("SELECT count(DISTINCT url) FROM articles", [], |r| r.get(0))
        .expect("counts");
    assert_eq!(distinct, count(&store, "articles"), "no article stored twice");
    assert!(
        count(&store, "links") > 0,
        "denials of one writer link to assertions of the other"
    );
    let integrity: String = store
        .conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("checks");
    assert_eq!(integrity, "ok");
}

#[test]
fn one_thread_writing_through_two_stores_is_refused_at_once() {
    let db = temp_db();
    let path = db.path.clone();
    within(
        std::time::Duration::from_secs(60),
        "one thread, two stores",
        move || {
            let mut first = Store::open(&path).expect("opens");
            first.begin_batch().expect("the first store takes the turn");
            first
                .save_article(
                    &article(Some("https://a.example/1"), "2019-01-01", "One."),
                    &[],
                    "t",
                )
                .expect("saved");
            // Opening reads the schema version and writes nothing: it does not need the turn.
            let mut second = Store::open(&path).expect("a second writing store opens during the batch");
            let refused = second
                .save_article(
                    &article(Some("https://a.example/2"), "2019-01-02", "Two."),
                    &[],
                    "t",
                )
                .expect_err("refused: this thread holds the turn through the first store");
            assert!(
                matches!(refused, StoreError::TurnHeldByThisThread { .. }),
                "{refused:?}"
            );
            let message = refused.to_string();
            assert!(message.contains(&path.display().to_string()), "{message}");
            assert!(message.contains("commit that batch first"), "{message}");
            for other in [second.begin_batch(), second.record_failure("x", "y")] {
                assert!(
                    matches!(other, Err(StoreError::TurnHeldByThisThread { .. })),
                    "{other:?}"
                );
            }
            // The first store goes on, and once its batch is committed the second one may write.
            first
                .save_article(
                    &article(Some("https://a.example/3"), "2019-01-03", "Three."),
                    &[],
                    "t",
                )
                .expect("the first store still writes");
            first.commit_batch().expect("committed");
            second
                .save_article(
                    &article(Some("https://a.example/2"), "2019-01-02", "Two."),
                    &[],
                    "t",
                )
                .expect("the turn is free again");
        },
    );
    assert_eq!(count(&open(&db), "articles"), 3);
}

// ---------------------------------------------------------------------------------------------
// Timelines' reads

/// 300 synthetic articles stored with the real linker, every third of them a teaser
/// (`text_status` partial), so claims of neighbouring articles differ in their article's fields.
fn synthetic_store(db: &TempDb) -> Store {
    let mut lexicon = crate::claims::Lexicon::builtin();
    lexicon
        .add_companies(&crate::synth::lexicon(), "synthetic")
        .expect("the synthetic lexicon parses");
    let extractor = crate::claims::Extractor::new(&lexicon);
    let mut store = Store::open(&db.path).expect("a fresh database opens");
    for (i, a) in crate::synth::generate(300, 5).enumerate() {
        let mut article = a.into_article();
        if i % 3 == 0 {
            article.text_status = Some(crate::extract::TextStatus::Partial);
        }
        let claims = extractor.extract(&article);
        store.save_article(&article, &claims, "t").expect("stored");
    }
    store
}

/// Every stored claim's id, in id order.
fn all_claim_ids(store: &Store) -> Vec<i64> {
    let mut st = store
        .conn
        .prepare("SELECT id FROM claims ORDER BY id")
        .expect("prepares");
    let rows = st.query_map([], |r| r.get(0)).expect("reads");
    rows.collect::<rusqlite::Result<_>>().expect("reads")
}

#[test]
fn the_claim_reader_gives_each_claim_as_read_whole() {
    let db = temp_db();
    let store = synthetic_store(&db);
    let ids = all_claim_ids(&store);
    assert!(ids.len() > 500, "the corpus has claims: {}", ids.len());
    // In id order (an article's claims one after the other), backwards, and jumping between
    // articles and back, so the article's fields are both kept and read again.
    let mut order = ids.clone();
    order.extend(ids.iter().rev());
    order.extend(ids.iter().step_by(7).chain(ids.iter().step_by(3)));
    let mut reader = store.claim_reader().expect("prepares");
    let mut partial = 0;
    for &id in &order {
        let whole = store.claim(id).expect("stored");
        let read = reader.read(id).expect("stored");
        assert_eq!(read, &whole, "claim {id}");
        partial += usize::from(whole.partial_text);
    }
    assert!(
        partial > 0 && partial < order.len(),
        "teasers and full texts: {partial}"
    );
    assert!(matches!(reader.read(i64::MAX), Err(StoreError::NoSuchClaim(_))));
    // A failed read leaves nothing behind: the next claim is read whole again.
    assert_eq!(
        reader.read(ids[0]).expect("stored"),
        &store.claim(ids[0]).expect("stored")
    );
}

#[test]
fn a_company_timeline_lists_the_links_the_general_query_lists() {
    let db = temp_db();
    let store = synthetic_store(&db);
    for status in [StatusFilter::NotRejected, StatusFilter::All] {
        let company = ClaimFilter {
            company: Some("acratra".to_string()),
            status,
            ..ClaimFilter::default()
        };
        let rows = store.timeline_rows(&company).expect("lists");
        assert!(
            rows.links.len() > 20,
            "the top company has links: {}",
            rows.links.len()
        );
        let mut listed: Vec<(i64, i64, i64, String, First)> = rows
            .links
            .iter()
            .map(|l| (l.id, l.denial_id, l.assertion_id, l.reason.clone(), l.first))
            .collect();
        listed.sort_by_key(|l| l.0);
        // The general query, through both claims (`review_query`), for the same links.
        let mut general: Vec<(i64, i64, i64, String, First)> = store
            .contradictions(&company)
            .expect("lists")
            .into_iter()
            .map(|l| (l.id, l.denial.id, l.assertion.id, l.reason, l.first))
            .collect();
        general.sort_by_key(|l| l.0);
        assert_eq!(listed, general);
    }
}

#[test]
fn a_company_timeline_lists_the_claims_and_dates_the_general_query_lists() {
    let db = temp_db();
    let store = synthetic_store(&db);
    for company in ["acratra", "Acdotra", "no such company"] {
        let only = ClaimFilter {
            company: Some(company.to_string()),
            ..ClaimFilter::default()
        };
        // A limit no timeline reaches takes the general path: the same claims, read through
        // the claims' rows and sorted by SQLite.
        let general = ClaimFilter {
            limit: Some(1_000_000),
            ..only.clone()
        };
        let sorted = |filter: &ClaimFilter| {
            let rows = store.timeline_rows(filter).expect("lists");
            let mut claims = rows.claims;
            claims.sort_by_key(|c| c.0);
            let links: Vec<i64> = rows.links.iter().map(|l| l.id).collect();
            (claims, links)
        };
        let (fast, fast_links) = sorted(&only);
        let (slow, slow_links) = sorted(&general);
        if company != "no such company" {
            assert!(!fast_links.is_empty(), "{company} has links");
            assert!(fast.iter().any(|c| c.1.is_some()), "dated claims");
        }
        if company == "acratra" {
            assert!(fast.len() > 50, "the top company has claims: {}", fast.len());
        }
        let ids: Vec<i64> = fast.iter().map(|c| c.0).collect();
        let mut once = ids.clone();
        once.dedup();
        assert_eq!(ids, once, "{company}: each claim once");
        assert_eq!(fast, slow, "{company}");
        assert_eq!(fast_links, slow_links, "{company}");
    }
}

#[test]
fn claims_read_ahead_are_the_claims_read_one_by_one() {
    let db = temp_db();
    let store = synthetic_store(&db);
    let ids = all_claim_ids(&store);
    // Out of id order, a missing id among them, and an id given twice.
    let mut ahead: Vec<i64> = ids.iter().rev().step_by(2).copied().collect();
    ahead.push(i64::MAX);
    ahead.push(ids[1]);
    ahead.push(ids[1]);
    let mut reader = store.claim_reader().expect("prepares");
    reader.read_ahead(&ahead).expect("reads");
    let mut partial = 0;
    // The claims read ahead, and the others (read from the store one by one), in turn.
    for &id in ids.iter().chain(ahead.iter().filter(|&&id| id != i64::MAX)) {
        let whole = store.claim(id).expect("stored");
        assert_eq!(reader.read(id).expect("stored"), &whole, "claim {id}");
        partial += usize::from(whole.partial_text);
    }
    assert!(partial > 0, "teasers among them");
    assert!(matches!(reader.read(i64::MAX), Err(StoreError::NoSuchClaim(_))));
    // A second read ahead replaces the first.
    reader.read_ahead(&ids[..3]).expect("reads");
    for &id in ids.iter().rev() {
        assert_eq!(
            reader.read(id).expect("stored"),
            &store.claim(id).expect("stored"),
            "claim {id}"
        );
    }
    reader.read_ahead(&[]).expect("reads nothing");
    assert_eq!(
        reader.read(ids[0]).expect("stored"),
        &store.claim(ids[0]).expect("stored")
    );
}
