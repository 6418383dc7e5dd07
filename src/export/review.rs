//! Row output for `review`: links with their review status, and confirmed decisions whose claims
//! are no longer found.

use std::io::{self, Write};

use super::rows::{
    claim_values, date_label, speaker_label, write_csv, write_json, write_jsonl, CLAIM_FIELDS,
};
use super::text::one_line;
use super::Format;
use crate::store::{OrphanedDecision, ReviewLink};

fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map(T::to_string).unwrap_or_default()
}

/// The CSV header of review links: the link's own fields, then every claim field prefixed with
/// `denial_`, then with `assertion_`. JSON nests the two claims as objects instead.
pub fn review_fields() -> Vec<String> {
    let mut fields: Vec<String> = [
        "id",
        "status",
        "note",
        "decided_by",
        "decided_at",
        "reason",
        "first",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for side in ["denial", "assertion"] {
        fields.extend(CLAIM_FIELDS.iter().map(|f| format!("{side}_{f}")));
    }
    fields
}

/// Writes links for review. The table shows one block per link: both sentences with who said
/// them, when and where (article title and URL), and the reason.
pub fn write_review(w: &mut dyn Write, links: &[ReviewLink], format: Format) -> io::Result<()> {
    match format {
        Format::Json => write_json(w, links),
        Format::Jsonl => write_jsonl(w, links),
        Format::Csv => {
            let header = review_fields();
            let header: Vec<&str> = header.iter().map(String::as_str).collect();
            let rows = links.iter().map(|l| {
                let mut row = vec![
                    l.id.to_string(),
                    l.status.to_string(),
                    opt(&l.note),
                    opt(&l.decided_by),
                    opt(&l.decided_at),
                    l.reason.clone(),
                    l.first.to_string(),
                ];
                row.extend(claim_values(&l.denial));
                row.extend(claim_values(&l.assertion));
                row
            });
            write_csv(w, &header, rows)
        }
        Format::Table => {
            for (i, l) in links.iter().enumerate() {
                if i > 0 {
                    writeln!(w)?;
                }
                writeln!(
                    w,
                    "link #{}  [{}]  {}",
                    l.id,
                    l.status,
                    one_line(&l.denial.claim.actor)
                )?;
                for (label, c) in [("denial", &l.denial), ("assertion", &l.assertion)] {
                    writeln!(
                        w,
                        "  {label:<10} #{} by {}, {}: {}",
                        c.id,
                        one_line(speaker_label(c)),
                        date_label(c),
                        one_line(&c.claim.sentence)
                    )?;
                    writeln!(
                        w,
                        "  {:<10} in {} <{}>",
                        "",
                        one_line(c.article_title.as_deref().unwrap_or("(untitled)")),
                        one_line(c.article_url.as_deref().unwrap_or("no URL"))
                    )?;
                }
                writeln!(w, "  {:<10} {}", "reason", one_line(&l.reason))?;
                if let Some(note) = &l.note {
                    writeln!(w, "  {:<10} {}", "note", one_line(note))?;
                }
                if let Some(by) = &l.decided_by {
                    writeln!(w, "  {:<10} {} {}", "decided", one_line(by), opt(&l.decided_at))?;
                }
            }
            Ok(())
        }
    }
}

/// The fields of an orphaned decision, in the order it serialises them.
pub const ORPHANED_FIELDS: [&str; 12] = [
    "decision_id",
    "status",
    "note",
    "decided_by",
    "decided_at",
    "reason",
    "denial_sentence",
    "denial_article_url",
    "assertion_sentence",
    "assertion_article_url",
    "denial_found",
    "assertion_found",
];

fn orphaned_values(d: &OrphanedDecision) -> [String; 12] {
    [
        d.decision_id.to_string(),
        d.status.to_string(),
        opt(&d.note),
        opt(&d.decided_by),
        opt(&d.decided_at),
        d.reason.clone(),
        d.denial_sentence.clone(),
        opt(&d.denial_article_url),
        d.assertion_sentence.clone(),
        opt(&d.assertion_article_url),
        d.denial_found.to_string(),
        d.assertion_found.to_string(),
    ]
}

/// Writes confirmed decisions whose claims are no longer found.
pub fn write_orphaned(w: &mut dyn Write, items: &[OrphanedDecision], format: Format) -> io::Result<()> {
    match format {
        Format::Json => write_json(w, items),
        Format::Jsonl => write_jsonl(w, items),
        Format::Csv => write_csv(w, &ORPHANED_FIELDS, items.iter().map(orphaned_values)),
        Format::Table => {
            for (i, d) in items.iter().enumerate() {
                if i > 0 {
                    writeln!(w)?;
                }
                let missing = match (d.denial_found, d.assertion_found) {
                    (false, false) => "neither claim is found any more",
                    (false, true) => "the denial is not found any more",
                    (true, false) => "the assertion is not found any more",
                    (true, true) => "both claims are found but no longer form a link (polarity corrected?)",
                };
                writeln!(w, "decision #{}  [{}]  {missing}", d.decision_id, d.status)?;
                writeln!(
                    w,
                    "  denial     {} <{}>",
                    one_line(&d.denial_sentence),
                    one_line(d.denial_article_url.as_deref().unwrap_or("no URL"))
                )?;
                writeln!(
                    w,
                    "  assertion  {} <{}>",
                    one_line(&d.assertion_sentence),
                    one_line(d.assertion_article_url.as_deref().unwrap_or("no URL"))
                )?;
                writeln!(w, "  reason     {}", one_line(&d.reason))?;
                if let Some(note) = &d.note {
                    writeln!(w, "  note       {}", one_line(note))?;
                }
            }
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testutil::{claim, link};
    use super::*;
    use crate::model::Polarity;
    use crate::store::LinkStatus;

    fn render(f: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> String {
        let mut out = Vec::new();
        f(&mut out).expect("writing to a Vec cannot fail");
        String::from_utf8(out).expect("writers emit UTF-8")
    }

    fn review_link(status: LinkStatus, note: Option<&str>) -> ReviewLink {
        let l = link(
            4,
            claim(1, "2018-04-10", Polarity::Denial, "We never hand over messages."),
            claim(
                2,
                "2018-12-18",
                Polarity::Assertion,
                "Partners could read the messages.",
            ),
        );
        ReviewLink {
            id: l.id,
            status,
            note: note.map(str::to_string),
            decided_by: note.map(|_| "ana".to_string()),
            decided_at: note.map(|_| "2024-01-02T03:04:05Z".to_string()),
            reason: l.reason,
            first: l.first,
            denial: l.denial,
            assertion: l.assertion,
        }
    }

    /// Renders one link in `format` and checks every expected piece is in the output.
    fn check(link: ReviewLink, format: Format, expected: &[&str]) {
        let out = render(|w| write_review(w, &[link], format));
        for piece in expected {
            assert!(out.contains(piece), "{format:?}: {piece:?} missing in:\n{out}");
        }
    }

    #[test]
    fn review_shows_both_sides_with_source_and_decision() {
        check(
            review_link(LinkStatus::Auto, None),
            Format::Table,
            &[
                "link #4  [auto]  Facebook",
                "denial     #1 by Facebook, 2018-04-10: We never hand over messages.",
                "assertion  #2 by Example Daily, 2018-12-18: Partners could read the messages.",
                "in Story number 1 <https://news.example.org/story/1>",
                "in Story number 2 <https://news.example.org/story/2>",
                "reason     denial #1 is contradicted by assertion #2",
            ],
        );
        check(
            review_link(LinkStatus::Rejected, Some("different product")),
            Format::Table,
            &[
                "[rejected]",
                "note       different product",
                "decided    ana 2024-01-02T03:04:05Z",
            ],
        );
        check(
            review_link(LinkStatus::Confirmed, Some("checked")),
            Format::Jsonl,
            &[
                "\"status\":\"confirmed\"",
                "\"note\":\"checked\"",
                "\"denial\":{\"id\":1",
            ],
        );
        check(
            review_link(LinkStatus::Auto, None),
            Format::Csv,
            &[
                "id,status,note,decided_by,decided_at,reason,first,denial_id",
                "4,auto,,,,",
            ],
        );
    }

    #[test]
    fn csv_header_matches_row_width() {
        let out = render(|w| write_review(w, &[review_link(LinkStatus::Auto, None)], Format::Csv));
        let mut r = csv::Reader::from_reader(out.as_bytes());
        let header = r.headers().expect("a header").len();
        let row = r.records().next().expect("one row").expect("valid CSV").len();
        assert_eq!(header, row);
        assert_eq!(header, review_fields().len());
    }
}
