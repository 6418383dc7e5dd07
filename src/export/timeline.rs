//! Timelines: the claims in date order with the contradiction links between them, as JSON,
//! CSV, Markdown, TimelineJS JSON or a self-contained HTML page (see `html`).

use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};

use serde::Serialize;
use serde_json::json;

use super::rows::{claim_values, date_label, speaker_label, write_csv, CLAIM_FIELDS};
use super::text::{data_type_words, html_escape, http_url, md_escape, one_line};
use super::TimelineFormat;
use crate::model::{ClaimRecord, ContradictionRecord, First, PartialDate, Polarity};

/// The claims and links of one timeline, ordered and cross-referenced.
pub(crate) struct Timeline<'a> {
    pub title: &'a str,
    /// Dated claims by `when_stated()` then id, then the undated ones by id. Includes both
    /// sides of every link even when they were not in the claims given.
    pub claims: Vec<&'a ClaimRecord>,
    /// Links by id.
    pub links: Vec<&'a ContradictionRecord>,
    /// Claim id → ids of the links it takes part in, ascending.
    pub links_of: BTreeMap<i64, Vec<i64>>,
}

impl<'a> Timeline<'a> {
    pub fn new(title: &'a str, claims: &'a [ClaimRecord], links: &'a [ContradictionRecord]) -> Self {
        let mut by_id: BTreeMap<i64, &ClaimRecord> = BTreeMap::new();
        for c in claims {
            by_id.entry(c.id).or_insert(c);
        }
        for l in links {
            by_id.entry(l.denial.id).or_insert(&l.denial);
            by_id.entry(l.assertion.id).or_insert(&l.assertion);
        }
        let mut claims: Vec<&ClaimRecord> = by_id.into_values().collect();
        claims.sort_by_key(|c| (c.when_stated().is_none(), c.when_stated(), c.id));

        let mut seen = BTreeSet::new();
        let mut links: Vec<&ContradictionRecord> = links.iter().filter(|l| seen.insert(l.id)).collect();
        links.sort_by_key(|l| l.id);
        let mut links_of: BTreeMap<i64, Vec<i64>> = BTreeMap::new();
        for l in &links {
            links_of.entry(l.denial.id).or_default().push(l.id);
            if l.assertion.id != l.denial.id {
                links_of.entry(l.assertion.id).or_default().push(l.id);
            }
        }
        Timeline {
            title,
            claims,
            links,
            links_of,
        }
    }

    pub fn link_ids(&self, claim_id: i64) -> &[i64] {
        self.links_of.get(&claim_id).map(Vec::as_slice).unwrap_or(&[])
    }

    pub fn links_of_claim(&self, claim_id: i64) -> impl Iterator<Item = &&'a ContradictionRecord> + '_ {
        let ids = self.link_ids(claim_id);
        self.links.iter().filter(move |l| ids.contains(&l.id))
    }
}

/// Writes a timeline of `claims` and the `links` between them. Claims are ordered by
/// `when_stated()` then id, undated claims last; both sides of every link are included even
/// if they are missing from `claims`. TimelineJS leaves out undated claims (it cannot place
/// them); the HTML page lists them without plotting them.
pub fn write_timeline(
    w: &mut dyn Write,
    claims: &[ClaimRecord],
    links: &[ContradictionRecord],
    format: TimelineFormat,
    title: &str,
) -> io::Result<()> {
    let t = Timeline::new(title, claims, links);
    match format {
        TimelineFormat::Json => write_json(w, &t),
        TimelineFormat::Csv => write_timeline_csv(w, &t),
        TimelineFormat::Md => write_md(w, &t),
        TimelineFormat::TimelineJs => write_timelinejs(w, &t),
        TimelineFormat::Html => super::html::write_html(w, &t),
    }
}

#[derive(Serialize)]
struct JsonClaim<'a> {
    #[serde(flatten)]
    claim: &'a ClaimRecord,
    links: &'a [i64],
}

#[derive(Serialize)]
struct JsonLink<'a> {
    id: i64,
    denial_id: i64,
    assertion_id: i64,
    reason: &'a str,
    first: First,
}

fn write_json(w: &mut dyn Write, t: &Timeline) -> io::Result<()> {
    #[derive(Serialize)]
    struct Doc<'a> {
        title: &'a str,
        claims: Vec<JsonClaim<'a>>,
        links: Vec<JsonLink<'a>>,
    }
    let doc = Doc {
        title: t.title,
        claims: t
            .claims
            .iter()
            .map(|c| JsonClaim {
                claim: c,
                links: t.link_ids(c.id),
            })
            .collect(),
        links: t
            .links
            .iter()
            .map(|l| JsonLink {
                id: l.id,
                denial_id: l.denial.id,
                assertion_id: l.assertion.id,
                reason: &l.reason,
                first: l.first,
            })
            .collect(),
    };
    serde_json::to_writer_pretty(&mut *w, &doc)?;
    writeln!(w)
}

fn write_timeline_csv(w: &mut dyn Write, t: &Timeline) -> io::Result<()> {
    let mut header: Vec<&str> = CLAIM_FIELDS.to_vec();
    header.push("links");
    let rows = t.claims.iter().map(|c| {
        let mut row = claim_values(c).to_vec();
        row.push(
            t.link_ids(c.id)
                .iter()
                .map(i64::to_string)
                .collect::<Vec<_>>()
                .join(";"),
        );
        row
    });
    write_csv(w, &header, rows)
}

/// A URL made safe inside Markdown's `(<...>)` link destination, if it is http(s).
fn md_url(url: Option<&str>) -> Option<String> {
    url.and_then(http_url)
        .map(|u| u.replace('<', "%3C").replace('>', "%3E"))
}

/// "Source: [title](url), outlet, 2018-12-19" in Markdown.
fn md_source(c: &ClaimRecord) -> String {
    let title = md_escape(
        c.article_title
            .as_deref()
            .or(c.article_url.as_deref())
            .unwrap_or("untitled article"),
    );
    let mut s = match md_url(c.article_url.as_deref()) {
        Some(url) => format!("[{title}](<{url}>)"),
        None => match c.article_url.as_deref() {
            Some(u) if c.article_title.is_some() => format!("{title} ({})", md_escape(u)),
            _ => title,
        },
    };
    if let Some(o) = &c.outlet {
        s.push_str(", ");
        s.push_str(&md_escape(o));
    }
    if let Some(p) = c.published {
        s.push_str(&format!(", {p}"));
    }
    s
}

fn parties(c: &ClaimRecord) -> String {
    match &c.claim.counterparty {
        Some(cp) => format!("{} → {}", one_line(&c.claim.actor), one_line(cp)),
        None => one_line(&c.claim.actor),
    }
}

fn write_md(w: &mut dyn Write, t: &Timeline) -> io::Result<()> {
    let title = md_escape(t.title);
    writeln!(
        w,
        "# {}\n",
        if title.is_empty() {
            "Timeline".to_string()
        } else {
            title
        }
    )?;
    writeln!(
        w,
        "{} claims, {} contradictions.\n",
        t.claims.len(),
        t.links.len()
    )?;
    let mut section: Option<Option<i32>> = None;
    for c in &t.claims {
        let year = c.when_stated().map(|d| d.year);
        if section != Some(year) {
            section = Some(year);
            match year {
                Some(y) => writeln!(w, "## {y}\n")?,
                None => writeln!(w, "## Undated\n")?,
            }
        }
        let polarity = match c.claim.polarity {
            Polarity::Denial => "**denial**",
            Polarity::Assertion => "assertion",
        };
        writeln!(
            w,
            "- {} · {} · {} · {} · {} ({}) · claim #{}",
            date_label(c),
            md_escape(speaker_label(c)),
            polarity,
            md_escape(&parties(c)),
            data_type_words(c.claim.data_type),
            c.claim.action,
            c.id,
        )?;
        writeln!(w, "\n  > {}\n", md_escape(&c.claim.sentence))?;
        write!(w, "  Source: {}", md_source(c))?;
        let ids = t.link_ids(c.id);
        if !ids.is_empty() {
            let ids: Vec<String> = ids.iter().map(|i| format!("#{i}")).collect();
            write!(w, ". Contradictions: {}", ids.join(", "))?;
        }
        writeln!(w, "\n")?;
    }
    if t.claims.is_empty() {
        writeln!(w, "No claims.\n")?;
    }
    if !t.links.is_empty() {
        writeln!(w, "## Contradictions\n")?;
        for l in &t.links {
            writeln!(
                w,
                "- **#{}** {}: denial #{} by {} ({}) ↔ assertion #{} by {} ({}); {} came first. {}",
                l.id,
                md_escape(&l.denial.claim.actor),
                l.denial.id,
                md_escape(speaker_label(&l.denial)),
                date_label(&l.denial),
                l.assertion.id,
                md_escape(speaker_label(&l.assertion)),
                date_label(&l.assertion),
                l.first,
                md_escape(&l.reason),
            )?;
        }
    }
    Ok(())
}

/// A TimelineJS date object: year, and month and day only when known.
fn tljs_date(d: PartialDate) -> serde_json::Value {
    let mut o = serde_json::Map::new();
    o.insert("year".into(), json!(d.year));
    if let Some(m) = d.month {
        o.insert("month".into(), json!(m));
        if let Some(day) = d.day {
            o.insert("day".into(), json!(day));
        }
    }
    serde_json::Value::Object(o)
}

/// A short headline: "Netflix denies: private messages" or "Facebook → Netflix: private
/// messages (share)".
pub(crate) fn headline(c: &ClaimRecord) -> String {
    match c.claim.polarity {
        Polarity::Denial => format!(
            "{} denies: {} ({})",
            one_line(c.claim.speaker.as_deref().unwrap_or(&c.claim.actor)),
            data_type_words(c.claim.data_type),
            c.claim.action
        ),
        Polarity::Assertion => {
            format!(
                "{}: {} ({})",
                parties(c),
                data_type_words(c.claim.data_type),
                c.claim.action
            )
        }
    }
}

/// An HTML source line: the title linked to the URL when it is http(s), then outlet and date.
pub(crate) fn html_source(c: &ClaimRecord) -> String {
    let title = c
        .article_title
        .as_deref()
        .or(c.article_url.as_deref())
        .unwrap_or("untitled article");
    let title = html_escape(&one_line(title)).into_owned();
    let mut s = match c.article_url.as_deref().and_then(http_url) {
        Some(url) => format!(
            "<a href=\"{}\" rel=\"noopener noreferrer\">{title}</a>",
            html_escape(url)
        ),
        None => match c.article_url.as_deref() {
            Some(u) if c.article_title.is_some() => format!("{title} ({})", html_escape(&one_line(u))),
            _ => title,
        },
    };
    if let Some(o) = &c.outlet {
        s.push_str(", ");
        s.push_str(&html_escape(&one_line(o)));
    }
    if let Some(p) = c.published {
        s.push_str(&format!(", {p}"));
    }
    s
}

fn write_timelinejs(w: &mut dyn Write, t: &Timeline) -> io::Result<()> {
    let mut events = Vec::new();
    for c in &t.claims {
        let Some(date) = c.when_stated() else { continue };
        let mut text = format!(
            "<p>“{}”</p><p>Said by {}. Source: {}</p>",
            html_escape(&one_line(&c.claim.sentence)),
            html_escape(&one_line(speaker_label(c))),
            html_source(c)
        );
        for l in t.links_of_claim(c.id) {
            let other = if l.denial.id == c.id {
                &l.assertion
            } else {
                &l.denial
            };
            text.push_str(&format!(
                "<p>Contradiction #{} with claim #{} ({}): {}</p>",
                l.id,
                other.id,
                date_label(other),
                html_escape(&one_line(&l.reason))
            ));
        }
        events.push(json!({
            "start_date": tljs_date(date),
            "text": {"headline": html_escape(&headline(c)), "text": text},
            "group": one_line(&c.claim.actor),
            "unique_id": format!("claim-{}", c.id),
        }));
    }
    let undated = t.claims.len() - events.len();
    let mut summary = format!("{} claims, {} contradictions.", events.len(), t.links.len());
    if undated > 0 {
        summary.push_str(&format!(" {undated} undated claims are not shown."));
    }
    let doc = json!({
        "title": {"text": {"headline": html_escape(&one_line(t.title)), "text": summary}},
        "events": events,
    });
    serde_json::to_writer_pretty(&mut *w, &doc)?;
    writeln!(w)
}

#[cfg(test)]
mod tests {
    use super::super::testutil::{claim, link};
    use super::*;
    use crate::model::Polarity::{Assertion, Denial};

    fn render(claims: &[ClaimRecord], links: &[ContradictionRecord], format: TimelineFormat) -> String {
        let mut out = Vec::new();
        write_timeline(&mut out, claims, links, format, "Made-up <timeline>")
            .expect("Vec writes cannot fail");
        String::from_utf8(out).expect("writers emit UTF-8")
    }

    fn sample() -> (Vec<ClaimRecord>, Vec<ContradictionRecord>) {
        let mut netflix = claim(4, "2018-12-18", Assertion, "Netflix could read messages.");
        netflix.claim.counterparty = Some("Netflix".into());
        let claims = vec![
            netflix.clone(),
            claim(9, "", Denial, "An undated denial."),
            claim(2, "2018-04", Denial, "We do not share messages."),
            claim(3, "2018-04-10", Denial, "No messages leave the platform."),
            claim(1, "2018-04-10", Assertion, "Messages were shared."),
            claim(5, "2017", Assertion, "Older report."),
        ];
        let links = vec![link(8, claims[3].clone(), netflix)];
        (claims, links)
    }

    #[test]
    fn claims_come_in_date_order_then_id_undated_last() {
        fn check(format: TimelineFormat, ids_in: impl Fn(&str) -> Vec<i64>, expected: &[i64]) {
            let (claims, links) = sample();
            assert_eq!(ids_in(&render(&claims, &links, format)), expected, "{format}");
        }
        let json_ids = |s: &str| -> Vec<i64> {
            let v: serde_json::Value = serde_json::from_str(s).unwrap();
            v["claims"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c["id"].as_i64().unwrap())
                .collect()
        };
        let csv_ids = |s: &str| -> Vec<i64> {
            s.lines()
                .skip(1)
                .map(|l| l.split(',').next().unwrap().parse().unwrap())
                .collect()
        };
        let tljs_ids = |s: &str| -> Vec<i64> {
            let v: serde_json::Value = serde_json::from_str(s).unwrap();
            let ids = v["events"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| e["unique_id"].as_str().unwrap().to_string());
            ids.map(|id| id.trim_start_matches("claim-").parse().unwrap())
                .collect()
        };
        let md_ids = |s: &str| -> Vec<i64> {
            s.lines()
                .filter_map(|l| l.rsplit_once("claim #"))
                .map(|(_, id)| id.parse().unwrap())
                .collect()
        };
        // 2017 < 2018-04 < 2018-04-10 (ids 1, 3) < 2018-12-18 < undated.
        check(TimelineFormat::Json, json_ids, &[5, 2, 1, 3, 4, 9]);
        check(TimelineFormat::Csv, csv_ids, &[5, 2, 1, 3, 4, 9]);
        check(TimelineFormat::Md, md_ids, &[5, 2, 1, 3, 4, 9]);
        check(TimelineFormat::TimelineJs, tljs_ids, &[5, 2, 1, 3, 4]);
    }

    #[test]
    fn json_carries_links_both_ways() {
        let (claims, links) = sample();
        let v: serde_json::Value =
            serde_json::from_str(&render(&claims, &links, TimelineFormat::Json)).unwrap();
        assert_eq!(v["title"], "Made-up <timeline>");
        let claim3 = v["claims"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == 3)
            .unwrap();
        assert_eq!(claim3["links"], json!([8]));
        assert_eq!(claim3["sentence"], "No messages leave the platform.");
        let claim5 = v["claims"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == 5)
            .unwrap();
        assert_eq!(claim5["links"], json!([]));
        assert_eq!(
            v["links"],
            json!([{"id": 8, "denial_id": 3, "assertion_id": 4, "reason": "denial #3 is contradicted by assertion #4", "first": "denial"}])
        );
    }

    #[test]
    fn link_sides_missing_from_claims_are_added_once() {
        let (claims, links) = sample();
        let v: serde_json::Value =
            serde_json::from_str(&render(&claims[..1], &links, TimelineFormat::Json)).unwrap();
        let ids: Vec<i64> = v["claims"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["id"].as_i64().unwrap())
            .collect();
        assert_eq!(ids, [3, 4]);
    }

    #[test]
    fn csv_has_a_links_column() {
        let (claims, mut links) = sample();
        links.push(link(11, claims[3].clone(), claims[4].clone()));
        let out = render(&claims, &links, TimelineFormat::Csv);
        let mut r = csv::Reader::from_reader(out.as_bytes());
        let header = r.headers().unwrap().clone();
        assert_eq!(header.iter().next_back(), Some("links"));
        assert_eq!(header.len(), CLAIM_FIELDS.len() + 1);
        let links_of: Vec<(String, String)> = r
            .records()
            .map(|rec| rec.unwrap())
            .map(|rec| (rec[0].to_string(), rec[header.len() - 1].to_string()))
            .collect();
        assert!(links_of.contains(&("3".into(), "8;11".into())), "{links_of:?}");
        assert!(links_of.contains(&("5".into(), "".into())));
    }

    #[test]
    fn timelinejs_structure() {
        let (claims, links) = sample();
        let v: serde_json::Value =
            serde_json::from_str(&render(&claims, &links, TimelineFormat::TimelineJs)).unwrap();
        assert_eq!(v["title"]["text"]["headline"], "Made-up &lt;timeline&gt;");
        assert!(v["title"]["text"]["text"].as_str().unwrap().contains("1 undated"));
        let events = v["events"].as_array().unwrap();
        let event = |id: &str| events.iter().find(|e| e["unique_id"] == id).unwrap();
        fn check(e: &serde_json::Value, date: serde_json::Value, group: &str, headline: &str) {
            assert_eq!(e["start_date"], date);
            assert_eq!(e["group"], group);
            assert_eq!(e["text"]["headline"], headline);
        }
        check(
            event("claim-3"),
            json!({"year": 2018, "month": 4, "day": 10}),
            "Facebook",
            "Facebook denies: private messages (share)",
        );
        check(
            event("claim-2"),
            json!({"year": 2018, "month": 4}),
            "Facebook",
            "Facebook denies: private messages (share)",
        );
        check(
            event("claim-5"),
            json!({"year": 2017}),
            "Facebook",
            "Facebook: private messages (access)",
        );
        check(
            event("claim-4"),
            json!({"year": 2018, "month": 12, "day": 18}),
            "Facebook",
            "Facebook → Netflix: private messages (access)",
        );
        let text = event("claim-4")["text"]["text"].as_str().unwrap();
        assert!(text.contains("Netflix could read messages."));
        assert!(text.contains("<a href=\"https://news.example.org/story/4\""));
        assert!(text.contains("Contradiction #8 with claim #3"));
    }

    #[test]
    fn timelinejs_escapes_html_and_drops_bad_urls() {
        let mut c = claim(1, "2019-02-03", Denial, "<script>alert(1)</script> \"onload=x");
        c.article_url = Some("javascript:alert(1)".into());
        c.article_title = Some("<img src=x>".into());
        let out = render(&[c], &[], TimelineFormat::TimelineJs);
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        let text = v["events"][0]["text"]["text"].as_str().unwrap();
        assert!(!text.contains("<script") && !text.contains("<img"), "{text}");
        assert!(!text.contains("href"), "a javascript: URL is not a link: {text}");
        assert!(text.contains("&lt;script&gt;") && text.contains("&quot;onload=x"));
    }

    #[test]
    fn markdown_layout_and_escaping() {
        let (mut claims, links) = sample();
        claims[0].claim.sentence = "A [link](http://e.vil) | pipe <b>bold</b>".into();
        claims[0].article_title = Some("# Heading ] title".into());
        let out = render(&claims, &links, TimelineFormat::Md);
        assert!(out.starts_with("# Made-up \\<timeline\\>\n"), "{out}");
        let headings: Vec<&str> = out.lines().filter(|l| l.starts_with("## ")).collect();
        assert_eq!(
            headings,
            ["## 2017", "## 2018", "## Undated", "## Contradictions"]
        );
        assert!(
            out.contains("  > A \\[link\\]\\(http://e.vil\\) \\| pipe \\<b\\>bold\\</b\\>\n"),
            "{out}"
        );
        assert!(
            out.contains("[\\# Heading \\] title](<https://news.example.org/story/4>)"),
            "{out}"
        );
        assert!(out.contains("· **denial** ·"));
        assert!(out.contains("· Facebook → Netflix · private messages (access) · claim #4"));
        assert!(out.contains("- **#8** Facebook: denial #3 by Facebook (2018-04-10) ↔ assertion #4"));
        assert!(!out.contains("<b>"));
    }

    #[test]
    fn empty_timelines_are_valid() {
        let v: serde_json::Value = serde_json::from_str(&render(&[], &[], TimelineFormat::Json)).unwrap();
        assert_eq!(v["claims"], json!([]));
        let v: serde_json::Value =
            serde_json::from_str(&render(&[], &[], TimelineFormat::TimelineJs)).unwrap();
        assert_eq!(v["events"], json!([]));
        assert_eq!(render(&[], &[], TimelineFormat::Csv).lines().count(), 1);
        assert!(render(&[], &[], TimelineFormat::Md).contains("No claims."));
    }
}
