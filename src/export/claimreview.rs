//! Exchange formats for confirmed and candidate contradictions: schema.org `ClaimReview`
//! JSON-LD (what fact-checkers' tools and search engines read) and JSONL / CSV of claims and
//! links with all their provenance, for notebooks and spreadsheets. Pure writers.
//!
//! One `ClaimReview` per link: the denial is the `itemReviewed` `Claim` (its author, the date it
//! was made, the article it appeared in), the contradicting report is told in `reviewBody`,
//! cited in `citation`, and summed up in `reviewRating.ratingExplanation`; the review's author is
//! the publisher given on the command line and its date the date a person confirmed the link.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::{json, Map, Value};

use super::review::review_fields;
use super::rows::{claim_values, speaker_label, write_csv, CLAIM_FIELDS};
use super::text::{data_type_words, http_url, one_line};
use crate::model::ClaimRecord;
use crate::store::ReviewLink;

/// The rating every exported review carries: the statement is contradicted by the record.
pub const RATING: &str = "Contradicted by the record";

/// Who said something, as a schema.org type: `Organization` for companies (`is_org`), the claim's
/// own actor, counterparty or outlet and anything starting with them ("Facebook Newsroom");
/// `Person` for a name of two to four capitalised words; `Organization` otherwise.
fn party(c: &ClaimRecord, is_org: &dyn Fn(&str) -> bool) -> Value {
    let name = one_line(speaker_label(c));
    let lower = name.to_lowercase();
    let known = [
        Some(c.claim.actor.as_str()),
        c.claim.counterparty.as_deref(),
        c.outlet.as_deref(),
    ];
    let starts_with_known = known.iter().flatten().any(|k| {
        let k = k.trim().to_lowercase();
        !k.is_empty() && (lower == k || lower.starts_with(&format!("{k} ")))
    });
    let words: Vec<&str> = name.split_whitespace().collect();
    let looks_like_a_name = (2..=4).contains(&words.len())
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    let kind = if starts_with_known || is_org(&name) || !looks_like_a_name {
        "Organization"
    } else {
        "Person"
    };
    json!({"@type": kind, "name": name})
}

/// The article a claim appeared in, as a schema.org `CreativeWork` (only the fields known).
fn appearance(c: &ClaimRecord) -> Option<Value> {
    let mut o = Map::new();
    o.insert("@type".into(), json!("CreativeWork"));
    if let Some(url) = c.article_url.as_deref().and_then(http_url) {
        o.insert("url".into(), json!(url));
    }
    if let Some(t) = &c.article_title {
        o.insert("headline".into(), json!(one_line(t)));
    }
    if let Some(p) = c.published {
        o.insert("datePublished".into(), json!(p.to_string()));
    }
    if let Some(outlet) = &c.outlet {
        o.insert(
            "publisher".into(),
            json!({"@type": "Organization", "name": one_line(outlet)}),
        );
    }
    (o.len() > 1).then_some(Value::Object(o))
}

/// "On 2018-12-18, The Daily reported (“Title”, https://…): “…sentence…”"
fn report(c: &ClaimRecord) -> String {
    let mut s = String::new();
    if let Some(d) = c.when_stated() {
        s.push_str(&format!("On {d}, "));
    }
    s.push_str(&one_line(speaker_label(c)));
    s.push_str(" reported");
    let mut source = Vec::new();
    if let Some(t) = &c.article_title {
        source.push(format!("“{}”", one_line(t)));
    }
    if let Some(u) = &c.article_url {
        source.push(one_line(u));
    }
    if !source.is_empty() {
        s.push_str(&format!(" ({})", source.join(", ")));
    }
    s.push_str(&format!(": “{}”", one_line(&c.claim.sentence)));
    s
}

/// One `ClaimReview` for a link.
pub fn claim_review(l: &ReviewLink, publisher: &str, is_org: &dyn Fn(&str) -> bool) -> Value {
    let d = &l.denial;
    let a = &l.assertion;
    let mut claim = Map::new();
    claim.insert("@type".into(), json!("Claim"));
    claim.insert("author".into(), party(d, is_org));
    if let Some(date) = d.when_stated() {
        claim.insert("datePublished".into(), json!(date.to_string()));
    }
    if let Some(app) = appearance(d) {
        claim.insert("appearance".into(), app.clone());
        claim.insert("firstAppearance".into(), app);
    }
    claim.insert(
        "about".into(),
        json!({"@type": "Thing", "name": format!("{} and {}", one_line(&d.claim.actor),
            data_type_words(d.claim.data_type))}),
    );

    // The link's reason names both statements, who made them and when, and why they conflict.
    let mut explanation = one_line(&l.reason);
    if let Some(note) = l.note.as_deref().map(one_line).filter(|n| !n.is_empty()) {
        explanation.push_str(&format!(" Reviewer's note: {note}"));
    }

    let mut review = Map::new();
    review.insert("@context".into(), json!("https://schema.org"));
    review.insert("@type".into(), json!("ClaimReview"));
    review.insert("identifier".into(), json!(format!("claimtrack-link-{}", l.id)));
    review.insert("claimReviewed".into(), json!(one_line(&d.claim.sentence)));
    review.insert("itemReviewed".into(), Value::Object(claim));
    review.insert(
        "author".into(),
        json!({"@type": "Organization", "name": one_line(publisher)}),
    );
    if let Some(date) = l.decided_at.as_deref().and_then(|t| t.get(..10)) {
        review.insert("datePublished".into(), json!(date));
    }
    review.insert("reviewBody".into(), json!(report(a)));
    review.insert(
        "reviewRating".into(),
        json!({"@type": "Rating", "alternateName": RATING, "ratingExplanation": explanation}),
    );
    if let Some(cited) = appearance(a) {
        review.insert("citation".into(), json!([cited]));
    }
    Value::Object(review)
}

/// Writes a JSON array of `ClaimReview` objects, one per link, each a self-contained JSON-LD
/// document (its own `@context`), ready to paste into a page's `<script type="application/ld+json">`.
pub fn write_claimreview(
    w: &mut dyn Write,
    links: &[ReviewLink],
    publisher: &str,
    is_org: &dyn Fn(&str) -> bool,
) -> io::Result<()> {
    let reviews: Vec<Value> = links.iter().map(|l| claim_review(l, publisher, is_org)).collect();
    serde_json::to_writer_pretty(&mut *w, &reviews)?;
    writeln!(w)
}

#[derive(Serialize)]
struct TypedClaim<'a> {
    r#type: &'static str,
    #[serde(flatten)]
    claim: &'a ClaimRecord,
}

#[derive(Serialize)]
struct TypedLink<'a> {
    r#type: &'static str,
    id: i64,
    status: String,
    note: &'a Option<String>,
    decided_by: &'a Option<String>,
    decided_at: &'a Option<String>,
    reason: &'a str,
    first: String,
    denial_id: i64,
    assertion_id: i64,
}

/// JSONL: one `{"type":"claim", ...}` per claim (the `claims --format jsonl` fields), then one
/// `{"type":"link", ...}` per link (its status, decision, reason and both claims' ids), then a
/// `{"type":"summary","claims":N,"links":M}` line.
pub fn write_export_jsonl(w: &mut dyn Write, claims: &[ClaimRecord], links: &[ReviewLink]) -> io::Result<()> {
    for c in claims {
        serde_json::to_writer(
            &mut *w,
            &TypedClaim {
                r#type: "claim",
                claim: c,
            },
        )?;
        writeln!(w)?;
    }
    for l in links {
        let row = TypedLink {
            r#type: "link",
            id: l.id,
            status: l.status.to_string(),
            note: &l.note,
            decided_by: &l.decided_by,
            decided_at: &l.decided_at,
            reason: &l.reason,
            first: l.first.to_string(),
            denial_id: l.denial.id,
            assertion_id: l.assertion.id,
        };
        serde_json::to_writer(&mut *w, &row)?;
        writeln!(w)?;
    }
    serde_json::to_writer(
        &mut *w,
        &json!({"type": "summary", "claims": claims.len(), "links": links.len()}),
    )?;
    writeln!(w)
}

/// CSV of links: one row per link with its status and decision, then every claim field of the
/// denial (`denial_…`) and of the assertion (`assertion_…`): a whole contradiction per row.
pub fn write_export_links_csv(w: &mut dyn Write, links: &[ReviewLink]) -> io::Result<()> {
    let header = review_fields();
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    let rows = links.iter().map(|l| {
        let mut row = vec![
            l.id.to_string(),
            l.status.to_string(),
            l.note.clone().unwrap_or_default(),
            l.decided_by.clone().unwrap_or_default(),
            l.decided_at.clone().unwrap_or_default(),
            l.reason.clone(),
            l.first.to_string(),
        ];
        row.extend(claim_values(&l.denial));
        row.extend(claim_values(&l.assertion));
        row
    });
    write_csv(w, &header, rows)
}

/// CSV of claims: the `claims` fields (all provenance) and the ids of the links each is in.
pub fn write_export_claims_csv(
    w: &mut dyn Write,
    claims: &[ClaimRecord],
    links: &[ReviewLink],
) -> io::Result<()> {
    let mut header: Vec<&str> = CLAIM_FIELDS.to_vec();
    header.push("links");
    let rows = claims.iter().map(|c| {
        let mut row = claim_values(c).to_vec();
        let ids: Vec<String> = links
            .iter()
            .filter(|l| l.denial.id == c.id || l.assertion.id == c.id)
            .map(|l| l.id.to_string())
            .collect();
        row.push(ids.join(";"));
        row
    });
    write_csv(w, &header, rows)
}

#[cfg(test)]
mod tests {
    use super::super::testutil::{claim, link};
    use super::*;
    use crate::model::Polarity::{Assertion, Denial};
    use crate::store::LinkStatus;

    fn review_link(note: Option<&str>) -> ReviewLink {
        let mut d = claim(1, "2018-04-10", Denial, "We never share your messages.");
        d.claim.speaker = Some("Mark Zuckerberg".into());
        d.published = chrono::NaiveDate::from_ymd_opt(2018, 4, 11);
        let a = claim(
            2,
            "2018-12-18",
            Assertion,
            "Partners could read private messages.",
        );
        let l = link(7, d, a);
        ReviewLink {
            id: l.id,
            status: LinkStatus::Confirmed,
            note: note.map(str::to_string),
            decided_by: Some("ana".into()),
            decided_at: Some("2024-03-02T10:00:00Z".into()),
            reason: l.reason,
            first: l.first,
            denial: l.denial,
            assertion: l.assertion,
        }
    }

    fn no_org(_: &str) -> bool {
        false
    }

    #[test]
    fn a_confirmed_link_becomes_a_claim_review() {
        let r = claim_review(&review_link(Some("checked the transcript")), "The Desk", &no_org);
        assert_eq!(r["@context"], "https://schema.org");
        assert_eq!(r["@type"], "ClaimReview");
        assert_eq!(r["claimReviewed"], "We never share your messages.");
        assert_eq!(r["author"], json!({"@type": "Organization", "name": "The Desk"}));
        assert_eq!(r["datePublished"], "2024-03-02");
        let item = &r["itemReviewed"];
        assert_eq!(item["@type"], "Claim");
        assert_eq!(
            item["author"],
            json!({"@type": "Person", "name": "Mark Zuckerberg"})
        );
        assert_eq!(item["datePublished"], "2018-04-10");
        assert_eq!(item["appearance"]["@type"], "CreativeWork");
        assert_eq!(item["appearance"]["url"], "https://news.example.org/story/1");
        assert_eq!(item["appearance"]["headline"], "Story number 1");
        assert_eq!(item["appearance"]["datePublished"], "2018-04-11");
        let body = r["reviewBody"].as_str().unwrap();
        assert!(
            body.starts_with("On 2018-12-18, Example Daily reported (“Story number 2”"),
            "{body}"
        );
        assert!(
            body.ends_with("“Partners could read private messages.”"),
            "{body}"
        );
        assert_eq!(r["reviewRating"]["@type"], "Rating");
        assert_eq!(r["reviewRating"]["alternateName"], RATING);
        let why = r["reviewRating"]["ratingExplanation"].as_str().unwrap();
        assert!(why.contains("denial #1 is contradicted by assertion #2"), "{why}");
        assert!(why.ends_with("Reviewer's note: checked the transcript"), "{why}");
        assert_eq!(r["citation"][0]["url"], "https://news.example.org/story/2");
    }

    #[test]
    fn authors_are_people_or_organisations() {
        fn check(speaker: &str, outlet: Option<&str>, expected: &str) {
            let mut c = claim(1, "2018", Denial, "x");
            c.claim.speaker = Some(speaker.into());
            c.outlet = outlet.map(str::to_string);
            let is_org = |n: &str| n == "Acme Widgets";
            assert_eq!(party(&c, &is_org)["@type"], expected, "{speaker}");
        }
        check("Mark Zuckerberg", None, "Person");
        check("Sheryl Kara Sandberg", None, "Person");
        check("Facebook", None, "Organization"); // the actor itself
        check("Facebook Newsroom", None, "Organization");
        check("Ledger Wire", Some("Ledger Wire"), "Organization"); // the outlet
        check("Acme Widgets", None, "Organization"); // a known company
        check("a company spokesperson", None, "Organization");
        check("Regulators", None, "Organization");
    }

    #[test]
    fn missing_facts_are_left_out_not_invented() {
        let mut l = review_link(None);
        l.denial.article_url = None;
        l.denial.article_title = None;
        l.denial.outlet = None;
        l.denial.published = None;
        l.denial.claim.stated_on = None;
        l.decided_at = None;
        let r = claim_review(&l, "Desk", &no_org);
        assert!(r["itemReviewed"].get("appearance").is_none());
        assert!(r["itemReviewed"].get("datePublished").is_none());
        assert!(r.get("datePublished").is_none());
        let why = r["reviewRating"]["ratingExplanation"].as_str().unwrap();
        assert!(!why.contains("Reviewer's note"), "{why}");
        // javascript: URLs are never emitted as a url.
        l.assertion.article_url = Some("javascript:alert(1)".into());
        let r = claim_review(&l, "Desk", &no_org);
        assert!(r["citation"][0].get("url").is_none());
    }

    #[test]
    fn jsonl_and_csv_carry_all_provenance() {
        let l = review_link(Some("ok"));
        let claims = vec![l.denial.clone(), l.assertion.clone()];
        let mut out = Vec::new();
        write_export_jsonl(&mut out, &claims, std::slice::from_ref(&l)).unwrap();
        let lines: Vec<Value> = String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|x| serde_json::from_str(x).unwrap())
            .collect();
        assert_eq!(lines.len(), 4);
        assert_eq!(lines[0]["type"], "claim");
        for f in CLAIM_FIELDS {
            assert!(lines[0].get(f).is_some(), "claim field {f}");
        }
        assert_eq!(lines[2]["type"], "link");
        assert_eq!(lines[2]["status"], "confirmed");
        assert_eq!(
            (lines[2]["denial_id"].as_i64(), lines[2]["assertion_id"].as_i64()),
            (Some(1), Some(2))
        );
        assert_eq!(lines[3], json!({"type": "summary", "claims": 2, "links": 1}));

        let mut out = Vec::new();
        write_export_links_csv(&mut out, std::slice::from_ref(&l)).unwrap();
        let mut r = csv::Reader::from_reader(out.as_slice());
        let header = r.headers().unwrap().clone();
        let row = r.records().next().unwrap().unwrap();
        let get = |k: &str| {
            row.get(header.iter().position(|h| h == k).unwrap())
                .unwrap()
                .to_string()
        };
        assert_eq!(get("status"), "confirmed");
        assert_eq!(get("note"), "ok");
        assert_eq!(get("denial_speaker"), "Mark Zuckerberg");
        assert_eq!(get("assertion_article_url"), "https://news.example.org/story/2");
        assert_eq!(get("denial_extractor_version"), "test-1");

        let mut out = Vec::new();
        write_export_claims_csv(&mut out, &claims, std::slice::from_ref(&l)).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text
            .lines()
            .next()
            .unwrap()
            .ends_with(",extractor_version,partial_text,links"));
        assert_eq!(text.lines().count(), 3);
        assert!(text.lines().nth(1).unwrap().ends_with(",test-1,false,7"));
    }
}
