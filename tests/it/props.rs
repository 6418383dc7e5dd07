//! Properties checked on generated inputs (proptest): linking does not depend on the order in
//! which articles arrive; the pure stages never panic and keep their promises on any input.

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::LazyLock;

use chrono::NaiveDate;
use claimtrack::claims::{Extractor, Lexicon};
use claimtrack::model::Article;
use claimtrack::pipeline::{self, Overrides};
use claimtrack::source::{self, RawDoc};
use claimtrack::store::Store;
use proptest::prelude::*;

/// The sample corpus (written by us; its articles contradict each other often) and 30
/// synthetic articles, as read by `ingest`.
static POOL: LazyLock<Vec<RawDoc>> = LazyLock::new(|| {
    let mut docs = Vec::new();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/sample/articles");
    source::read_path(&dir, &mut |item| {
        docs.push(item.expect("the sample articles read"));
    });
    assert!(docs.len() >= 30, "the sample corpus is there");
    for a in claimtrack::synth::generate(30, 11) {
        docs.push(RawDoc {
            origin: a.url.clone(),
            url: Some(a.url),
            title: Some(a.title),
            published: Some(a.published),
            outlet: Some(a.outlet),
            author: Some(a.author),
            text: Some(a.text),
            ..RawDoc::default()
        });
    }
    docs
});

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(|| {
    let mut lexicon = Lexicon::builtin();
    lexicon
        .add_companies(&claimtrack::synth::lexicon(), "synth")
        .expect("the synthetic lexicon is valid");
    Extractor::new(&lexicon)
});

/// Ingests the pool's items in `order` into a new database; returns the links as (denial
/// claim key, assertion claim key) and how many articles were stored.
fn links_after(dir: &Path, name: &str, order: &[usize]) -> (BTreeSet<(String, String)>, i64) {
    let db = dir.join(name);
    let mut store = Store::open(&db).expect("a new database opens");
    let items = order.iter().map(|&i| Ok(POOL[i].clone())).collect::<Vec<_>>();
    pipeline::ingest(
        items.into_iter(),
        &Overrides::default(),
        &EXTRACTOR,
        &mut store,
        2,
        &mut |_| {},
    )
    .expect("the ingest runs");
    drop(store);
    let conn = rusqlite::Connection::open(&db).expect("the database opens");
    let mut st = conn
        .prepare(
            "SELECT d.key, a.key FROM links l JOIN claims d ON d.id = l.denial_id \
             JOIN claims a ON a.id = l.assertion_id",
        )
        .expect("the query is valid");
    let links = st
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .expect("the query runs")
        .collect::<rusqlite::Result<BTreeSet<(String, String)>>>()
        .expect("rows read");
    let articles = conn
        .query_row("SELECT count(*) FROM articles", [], |r| r.get(0))
        .expect("counts");
    (links, articles)
}

/// A subset of the pool in two random orders.
fn two_orders() -> impl Strategy<Value = (Vec<usize>, Vec<usize>)> {
    let n = POOL.len();
    proptest::sample::subsequence((0..n).collect::<Vec<_>>(), 2..=n)
        .prop_flat_map(|set| (Just(set.clone()).prop_shuffle(), Just(set).prop_shuffle()))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn linking_does_not_depend_on_the_order_articles_arrive((first, second) in two_orders()) {
        let dir = tempfile::tempdir().expect("a temp dir");
        let (a, na) = links_after(dir.path(), "a.db", &first);
        let (b, nb) = links_after(dir.path(), "b.db", &second);
        prop_assert_eq!(na, nb);
        prop_assert_eq!(na as usize, first.len());
        prop_assert_eq!(a, b);
    }
}

fn sentence_pieces() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Facebook",
        "Google",
        "Netflix",
        "Meta",
        "users'",
        "private messages",
        "location data",
        "never",
        "did not",
        "sold",
        "shared",
        "gave",
        "access to",
        "said",
        "\"",
        "“",
        "”",
        ".",
        ". ",
        "?",
        "\n\n",
        " in April",
        " last year",
        " since 2015",
        " until 2019",
        "Dr.",
        "U.S.",
        "—",
        "é",
        "👍",
        "\u{0}",
        "\t",
        ", a spokesperson said",
        "according to",
        "the company",
        "contact lists",
        "advertisers",
        "3.5",
        "(",
        ")",
    ]);
    prop::collection::vec(prop_oneof![pieces.prop_map(String::from), ".{0,8}"], 0..40)
        .prop_map(|v| v.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn claim_offsets_slice_the_text_exactly(text in sentence_pieces()) {
        let article = Article {
            text,
            published: NaiveDate::from_ymd_opt(2019, 3, 4),
            origin: "prop".into(),
            ..Article::default()
        };
        for claim in EXTRACTOR.extract(&article) {
            let slice: String = article.text.chars().skip(claim.start).take(claim.end - claim.start).collect();
            prop_assert_eq!(&slice, &claim.sentence);
            prop_assert!(claim.start < claim.end);
        }
    }

    #[test]
    fn date_phrases_never_panic_and_give_real_dates(text in sentence_pieces(), year in 1i32..3000) {
        let anchor = NaiveDate::from_ymd_opt(year, 6, 30);
        let _ = claimtrack::dates::parse_input_date(&text);
        let facts = claimtrack::dates::resolve(&text, anchor);
        for d in [facts.period_start, facts.period_end, facts.stated_on].into_iter().flatten() {
            prop_assert!(d.first_day() <= d.last_day());
        }
    }

    #[test]
    fn jsonl_reader_never_panics_and_names_each_item(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let mut items = 0usize;
        source::read_jsonl(&mut &bytes[..], "p.jsonl", &mut |item| {
            items += 1;
            match item {
                Ok(doc) => assert!(doc.origin.starts_with("p.jsonl:")),
                Err(e) => assert!(e.item.starts_with("p.jsonl") && !e.reason.is_empty()),
            }
        });
        prop_assert!(items <= bytes.iter().filter(|&&b| b == b'\n').count() + 1);
    }
}
