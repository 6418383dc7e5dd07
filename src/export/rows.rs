//! Row output for the commands that print rows: `claims`, `contradictions`, `search`, `stats`.

use std::io::{self, Write};

use serde::Serialize;

use super::text::{one_line, truncate};
use super::Format;
use crate::model::{ClaimRecord, ContradictionRecord};
use crate::store::{SearchHit, Stats};

/// Widest sentence (in characters) shown in a terminal table.
const SENTENCE_WIDTH: usize = 60;

/// The fields of a claim in JSON, JSONL and CSV, in the order `ClaimRecord` serialises them.
pub const CLAIM_FIELDS: [&str; 23] = [
    "id",
    "article_id",
    "article_url",
    "article_title",
    "outlet",
    "published",
    "actor",
    "counterparty",
    "data_type",
    "action",
    "polarity",
    "scope",
    "speaker",
    "stated_on",
    "period_start",
    "period_end",
    "sentence",
    "start",
    "end",
    "rule",
    "confidence",
    "extractor_version",
    "partial_text",
];

fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map(T::to_string).unwrap_or_default()
}

/// The values of `CLAIM_FIELDS` for one claim, as CSV text (`None` is empty).
pub fn claim_values(r: &ClaimRecord) -> [String; 23] {
    let c = &r.claim;
    [
        r.id.to_string(),
        r.article_id.to_string(),
        opt(&r.article_url),
        opt(&r.article_title),
        opt(&r.outlet),
        opt(&r.published),
        c.actor.clone(),
        opt(&c.counterparty),
        c.data_type.to_string(),
        c.action.to_string(),
        c.polarity.to_string(),
        opt(&c.scope),
        opt(&c.speaker),
        opt(&c.stated_on),
        opt(&c.period_start),
        opt(&c.period_end),
        c.sentence.clone(),
        c.start.to_string(),
        c.end.to_string(),
        c.rule.clone(),
        c.confidence.to_string(),
        r.extractor_version.clone(),
        r.partial_text.to_string(),
    ]
}

/// The date shown for a claim in tables: when it was stated, else "undated".
pub(crate) fn date_label(r: &ClaimRecord) -> String {
    r.when_stated()
        .map(|d| d.to_string())
        .unwrap_or_else(|| "undated".to_string())
}

/// Who made a statement, for people: the speaker, else the outlet, else "unnamed source".
pub(crate) fn speaker_label(r: &ClaimRecord) -> &str {
    r.claim
        .speaker
        .as_deref()
        .or(r.outlet.as_deref())
        .unwrap_or("unnamed source")
}

/// Turns a csv error back into the io error it wraps, so a closed pipe stays a `BrokenPipe`.
pub(crate) fn csv_err(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

/// Writes `rows` as CSV with a header row. Every cell is made safe to open in a spreadsheet
/// (`spreadsheet_safe`).
pub(crate) fn write_csv<I, R>(w: &mut dyn Write, header: &[&str], rows: I) -> io::Result<()>
where
    I: IntoIterator<Item = R>,
    R: IntoIterator,
    R::Item: AsRef<[u8]>,
{
    let mut out = csv::Writer::from_writer(w);
    out.write_record(header).map_err(csv_err)?;
    for row in rows {
        let cells: Vec<std::borrow::Cow<'_, [u8]>> = row
            .into_iter()
            .map(|c| spreadsheet_safe(c.as_ref()).into_owned().into())
            .collect();
        out.write_record(&cells).map_err(csv_err)?;
    }
    out.flush()
}

/// A CSV cell that a spreadsheet will not run as a formula (CSV injection): a cell starting
/// with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, unless it is a
/// plain number (`-3`, `+0.5`).
pub(crate) fn spreadsheet_safe(cell: &[u8]) -> std::borrow::Cow<'_, [u8]> {
    let risky = matches!(cell.first(), Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r'));
    let number = std::str::from_utf8(cell)
        .ok()
        .is_some_and(|s| s.parse::<f64>().is_ok_and(f64::is_finite));
    if risky && !number {
        let mut safe = Vec::with_capacity(cell.len() + 1);
        safe.push(b'\'');
        safe.extend_from_slice(cell);
        safe.into()
    } else {
        cell.into()
    }
}

pub(crate) fn write_json<T: Serialize>(w: &mut dyn Write, items: &[T]) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *w, items)?;
    writeln!(w)
}

pub(crate) fn write_jsonl<T: Serialize>(w: &mut dyn Write, items: &[T]) -> io::Result<()> {
    for item in items {
        serde_json::to_writer(&mut *w, item)?;
        writeln!(w)?;
    }
    Ok(())
}

/// An aligned text table: columns padded to their widest cell (in characters), two spaces
/// apart, the last column unpadded. Cells are made one line (no control characters).
pub(crate) fn write_table(w: &mut dyn Write, header: &[&str], rows: &[Vec<String>]) -> io::Result<()> {
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(|c| one_line(c)).collect())
        .collect();
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in &rows {
        for (i, cell) in row.iter().enumerate() {
            if let Some(width) = widths.get_mut(i) {
                *width = (*width).max(cell.chars().count());
            }
        }
    }
    let header: Vec<String> = header.iter().map(|h| h.to_string()).collect();
    for row in std::iter::once(&header).chain(rows.iter()) {
        let mut line = String::new();
        for (i, cell) in row.iter().enumerate() {
            if i > 0 {
                line.push_str("  ");
            }
            line.push_str(cell);
            if i + 1 < row.len() {
                let pad = widths
                    .get(i)
                    .copied()
                    .unwrap_or(0)
                    .saturating_sub(cell.chars().count());
                line.extend(std::iter::repeat_n(' ', pad));
            }
        }
        writeln!(w, "{}", line.trim_end())?;
    }
    Ok(())
}

/// Writes claims as a table, a JSON array, JSON lines or CSV (fields: `CLAIM_FIELDS`).
pub fn write_claims(w: &mut dyn Write, claims: &[ClaimRecord], format: Format) -> io::Result<()> {
    match format {
        Format::Json => write_json(w, claims),
        Format::Jsonl => write_jsonl(w, claims),
        Format::Csv => write_csv(w, &CLAIM_FIELDS, claims.iter().map(claim_values)),
        Format::Table => {
            let header = [
                "id",
                "date",
                "actor",
                "counterparty",
                "data_type",
                "action",
                "polarity",
                "speaker",
                "sentence",
            ];
            let rows: Vec<Vec<String>> = claims
                .iter()
                .map(|r| {
                    let c = &r.claim;
                    vec![
                        r.id.to_string(),
                        date_label(r),
                        c.actor.clone(),
                        opt(&c.counterparty),
                        c.data_type.to_string(),
                        c.action.to_string(),
                        c.polarity.to_string(),
                        opt(&c.speaker),
                        truncate(&one_line(&c.sentence), SENTENCE_WIDTH).into_owned(),
                    ]
                })
                .collect();
            write_table(w, &header, &rows)
        }
    }
}

/// The CSV header of contradictions: `id, reason, first`, then every claim field prefixed
/// with `denial_`, then with `assertion_`.
pub fn contradiction_fields() -> Vec<String> {
    let mut fields: Vec<String> = ["id", "reason", "first"].iter().map(|s| s.to_string()).collect();
    for side in ["denial", "assertion"] {
        fields.extend(CLAIM_FIELDS.iter().map(|f| format!("{side}_{f}")));
    }
    fields
}

/// Writes contradiction links. JSON and JSONL carry each side as a whole claim object;
/// CSV flattens them (see `contradiction_fields`); the table prints one block per link.
pub fn write_contradictions(
    w: &mut dyn Write,
    links: &[ContradictionRecord],
    format: Format,
) -> io::Result<()> {
    match format {
        Format::Json => write_json(w, links),
        Format::Jsonl => write_jsonl(w, links),
        Format::Csv => {
            let header = contradiction_fields();
            let header: Vec<&str> = header.iter().map(String::as_str).collect();
            let rows = links.iter().map(|l| {
                let mut row = vec![l.id.to_string(), l.reason.clone(), l.first.to_string()];
                row.extend(claim_values(&l.denial));
                row.extend(claim_values(&l.assertion));
                row
            });
            write_csv(w, &header, rows)
        }
        Format::Table => {
            // One block per pair of sentences: a report that names three receivers gives three
            // claims and so up to three links with the same two sentences; the block shows the
            // first and lists the others by id and what differs.
            for (i, group) in sentence_pairs(links).iter().enumerate() {
                if i > 0 {
                    writeln!(w)?;
                }
                let l = group[0];
                let (d, a) = (&l.denial, &l.assertion);
                writeln!(
                    w,
                    "#{}  {}  denial by {} ({}) ↔ assertion by {} ({})",
                    l.id,
                    one_line(&d.claim.actor),
                    one_line(speaker_label(d)),
                    date_label(d),
                    one_line(speaker_label(a)),
                    date_label(a),
                )?;
                writeln!(w, "  denial     #{}: {}", d.id, one_line(&d.claim.sentence))?;
                writeln!(w, "  assertion  #{}: {}", a.id, one_line(&a.claim.sentence))?;
                writeln!(w, "  reason     {}", one_line(&l.reason))?;
                if group.len() > 1 {
                    let others: Vec<String> = group[1..]
                        .iter()
                        .map(|o| {
                            let mut diff: Vec<String> = claim_differences(&l.denial, &o.denial);
                            diff.extend(claim_differences(&l.assertion, &o.assertion));
                            if diff.is_empty() {
                                diff.push("the same fields".to_string());
                            }
                            let diff = diff.join(", ");
                            format!(
                                "#{} (claims #{} ↔ #{}: {diff})",
                                o.id, o.denial.id, o.assertion.id
                            )
                        })
                        .collect();
                    writeln!(w, "  same pair  {}", others.join("; "))?;
                }
            }
            Ok(())
        }
    }
}

/// Links grouped by the two sentences they join (article and offset of the denial's sentence
/// and of the assertion's), in the order each pair first appears.
pub fn sentence_pairs(links: &[ContradictionRecord]) -> Vec<Vec<&ContradictionRecord>> {
    let key = |l: &ContradictionRecord| {
        (
            l.denial.article_id,
            l.denial.claim.start,
            l.assertion.article_id,
            l.assertion.claim.start,
        )
    };
    let mut groups: Vec<Vec<&ContradictionRecord>> = Vec::new();
    let mut index: std::collections::HashMap<(i64, usize, i64, usize), usize> = Default::default();
    for l in links {
        let slot = *index.entry(key(l)).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[slot].push(l);
    }
    groups
}

/// What tells claim `b` from claim `a` of the same sentence, in words ("counterparty Criteo").
fn claim_differences(a: &ClaimRecord, b: &ClaimRecord) -> Vec<String> {
    let (a, b) = (&a.claim, &b.claim);
    let mut out = Vec::new();
    if !a.actor.eq_ignore_ascii_case(&b.actor) {
        out.push(format!("actor {}", one_line(&b.actor)));
    }
    if a.counterparty != b.counterparty {
        out.push(match &b.counterparty {
            Some(c) => format!("counterparty {}", one_line(c)),
            None => "no counterparty".to_string(),
        });
    }
    if a.data_type != b.data_type {
        out.push(format!("data type {}", b.data_type));
    }
    if a.action != b.action {
        out.push(format!("action {}", b.action));
    }
    out
}

/// The fields of a search hit, in the order `SearchHit` serialises them.
pub const SEARCH_FIELDS: [&str; 6] = ["article_id", "url", "title", "outlet", "published", "snippet"];

fn search_values(h: &SearchHit) -> [String; 6] {
    [
        h.article_id.to_string(),
        opt(&h.url),
        opt(&h.title),
        opt(&h.outlet),
        opt(&h.published),
        h.snippet.clone(),
    ]
}

/// Writes full-text search hits.
pub fn write_search(w: &mut dyn Write, hits: &[SearchHit], format: Format) -> io::Result<()> {
    match format {
        Format::Json => write_json(w, hits),
        Format::Jsonl => write_jsonl(w, hits),
        Format::Csv => write_csv(w, &SEARCH_FIELDS, hits.iter().map(search_values)),
        Format::Table => {
            let header = ["article_id", "published", "outlet", "title", "snippet"];
            let rows: Vec<Vec<String>> = hits
                .iter()
                .map(|h| {
                    vec![
                        h.article_id.to_string(),
                        opt(&h.published),
                        truncate(&one_line(h.outlet.as_deref().unwrap_or("")), 20).into_owned(),
                        truncate(&one_line(h.title.as_deref().unwrap_or("")), 40).into_owned(),
                        truncate(&one_line(&h.snippet), SENTENCE_WIDTH).into_owned(),
                    ]
                })
                .collect();
            write_table(w, &header, &rows)
        }
    }
}

/// The fields of `Stats`, in the order it serialises them.
pub const STATS_FIELDS: [&str; 19] = [
    "articles",
    "claims",
    "denials",
    "assertions",
    "links",
    "confirmed",
    "rejected",
    "orphaned",
    "failures",
    "companies",
    "first_published",
    "last_published",
    "schema_version",
    "fetch_queued",
    "fetch_done",
    "fetch_failed",
    "fetch_skipped",
    "fetch_log",
    "partial_texts",
];

fn stats_values(s: &Stats) -> [String; 19] {
    [
        s.articles.to_string(),
        s.claims.to_string(),
        s.denials.to_string(),
        s.assertions.to_string(),
        s.links.to_string(),
        s.confirmed.to_string(),
        s.rejected.to_string(),
        s.orphaned.to_string(),
        s.failures.to_string(),
        s.companies.to_string(),
        opt(&s.first_published),
        opt(&s.last_published),
        s.schema_version.to_string(),
        s.fetch_queued.to_string(),
        s.fetch_done.to_string(),
        s.fetch_failed.to_string(),
        s.fetch_skipped.to_string(),
        s.fetch_log.to_string(),
        s.partial_texts.to_string(),
    ]
}

/// Writes the store's counts: one JSON object, one JSON line, a one-row CSV, or a two-column
/// table (name, value).
pub fn write_stats(w: &mut dyn Write, stats: &Stats, format: Format) -> io::Result<()> {
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *w, stats)?;
            writeln!(w)
        }
        Format::Jsonl => write_jsonl(w, std::slice::from_ref(stats)),
        Format::Csv => write_csv(w, &STATS_FIELDS, [stats_values(stats)]),
        Format::Table => {
            let rows: Vec<Vec<String>> = STATS_FIELDS
                .iter()
                .zip(stats_values(stats))
                .map(|(k, v)| vec![k.to_string(), if v.is_empty() { "-".to_string() } else { v }])
                .collect();
            write_table(w, &["name", "value"], &rows)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testutil::{claim, link};
    use super::*;
    use crate::model::Polarity;

    fn render(f: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> String {
        let mut out = Vec::new();
        f(&mut out).expect("writing to a Vec cannot fail");
        String::from_utf8(out).expect("writers emit UTF-8")
    }

    fn json_keys(v: &serde_json::Value) -> Vec<String> {
        let mut keys: Vec<String> = v.as_object().expect("an object").keys().cloned().collect();
        keys.sort();
        keys
    }

    #[test]
    fn the_table_shows_one_block_per_pair_of_sentences() {
        let denial = claim(1, "2018-04-10", Polarity::Denial, "We never hand over messages.");
        let report = "Partners such as Netflix and Spotify could read the messages.";
        let mut netflix = claim(2, "2018-12-18", Polarity::Assertion, report);
        netflix.claim.counterparty = Some("Netflix".to_string());
        let mut spotify = netflix.clone();
        spotify.id = 3;
        spotify.claim.counterparty = Some("Spotify".to_string());
        // Another sentence of the same article: a pair of its own.
        let mut other = netflix.clone();
        other.id = 4;
        other.claim.start = 200;
        other.claim.sentence = "A later filing said the same of Yahoo.".to_string();
        let links = vec![
            link(7, denial.clone(), netflix),
            link(8, denial.clone(), other),
            link(9, denial, spotify),
        ];
        let groups = sentence_pairs(&links);
        let ids: Vec<Vec<i64>> = groups.iter().map(|g| g.iter().map(|l| l.id).collect()).collect();
        assert_eq!(ids, vec![vec![7, 9], vec![8]]);

        let out = render(|w| write_contradictions(w, &links, Format::Table));
        assert_eq!(out.matches("  denial     #1:").count(), 2, "{out}");
        assert!(
            out.contains("  same pair  #9 (claims #1 ↔ #3: counterparty Spotify)"),
            "{out}"
        );
        assert!(out.contains("A later filing said the same of Yahoo."), "{out}");
        // The machine-readable formats keep one row per link.
        let jsonl = render(|w| write_contradictions(w, &links, Format::Jsonl));
        assert_eq!(jsonl.lines().count(), 3);
    }

    #[test]
    fn csv_cells_cannot_be_formulas() {
        fn check(cell: &str, expected: &str) {
            let got = spreadsheet_safe(cell.as_bytes());
            assert_eq!(String::from_utf8_lossy(&got), expected, "{cell:?}");
        }
        check(
            "=HYPERLINK(\"http://evil.invalid\",\"x\")",
            "'=HYPERLINK(\"http://evil.invalid\",\"x\")",
        );
        check("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0");
        check("-2+3", "'-2+3");
        check("@SUM(A1:A9)", "'@SUM(A1:A9)");
        check("\t=1", "'\t=1");
        check("\r=1", "'\r=1");
        check("-3", "-3");
        check("+0.5", "+0.5");
        check("Facebook", "Facebook");
        check("", "");
        check("a=b", "a=b");
    }

    fn csv_rows(s: &str) -> Vec<Vec<String>> {
        let mut r = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(s.as_bytes());
        r.records()
            .map(|rec| rec.expect("valid CSV").iter().map(String::from).collect())
            .collect()
    }

    #[test]
    fn claim_objects_have_the_contract_field_names() {
        let required = [
            "id",
            "article_url",
            "article_title",
            "outlet",
            "published",
            "actor",
            "counterparty",
            "data_type",
            "action",
            "polarity",
            "speaker",
            "stated_on",
            "period_start",
            "period_end",
            "sentence",
            "start",
            "end",
            "rule",
            "confidence",
        ];
        let extra = ["article_id", "scope", "extractor_version", "partial_text"];
        let mut expected: Vec<String> = required.iter().chain(&extra).map(|s| s.to_string()).collect();
        expected.sort();

        let claims = [claim(
            1,
            "2018-04-10",
            Polarity::Denial,
            "We never share messages.",
        )];
        let out = render(|w| write_claims(w, &claims, Format::Jsonl));
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 1);
        let v: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
        assert_eq!(json_keys(&v), expected);
        assert_eq!(v["stated_on"], "2018-04-10");
        assert_eq!(v["polarity"], "denial");

        // CSV header: the same names, in the order JSON serialises them.
        let out = render(|w| write_claims(w, &claims, Format::Csv));
        let rows = csv_rows(&out);
        let json = serde_json::to_string(&claims[0]).unwrap();
        let positions: Vec<usize> = CLAIM_FIELDS
            .iter()
            .map(|f| json.find(&format!("\"{f}\":")).expect("field in JSON"))
            .collect();
        assert!(
            positions.windows(2).all(|p| p[0] < p[1]),
            "CLAIM_FIELDS in serde order: {json}"
        );
        assert_eq!(rows[0], CLAIM_FIELDS.to_vec());
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[1][0], "1");
        assert_eq!(rows[1][7], "", "a missing counterparty is an empty cell");
    }

    #[test]
    fn claim_json_is_one_array_and_empty_inputs_stay_valid() {
        let claims = [
            claim(1, "2018-04-10", Polarity::Denial, "One."),
            claim(2, "2018-12", Polarity::Assertion, "Two."),
        ];
        let v: serde_json::Value =
            serde_json::from_str(&render(|w| write_claims(w, &claims, Format::Json))).unwrap();
        assert_eq!(v.as_array().map(Vec::len), Some(2));

        let v: serde_json::Value =
            serde_json::from_str(&render(|w| write_claims(w, &[], Format::Json))).unwrap();
        assert_eq!(v, serde_json::json!([]));
        assert_eq!(render(|w| write_claims(w, &[], Format::Jsonl)), "");
        assert_eq!(csv_rows(&render(|w| write_claims(w, &[], Format::Csv))).len(), 1);
        assert_eq!(render(|w| write_claims(w, &[], Format::Table)).lines().count(), 1);
    }

    #[test]
    fn claim_table_aligns_and_truncates_multibyte_sentences() {
        let long = "Ça dit que les données privées — «messages» — ne sont jamais partagées avec personne, \
                    même pas avec les partenaires commerciaux.";
        let claims = [
            claim(1, "2018-04-10", Polarity::Denial, long),
            claim(22, "2019", Polarity::Assertion, "Short\nsentence."),
        ];
        let out = render(|w| write_claims(w, &claims, Format::Table));
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 3);
        assert!(lines[0].starts_with("id  date        actor"), "{}", lines[0]);
        let col = |l: &str, date: &str| l.find(date).expect("date in the row");
        assert_eq!(
            col(lines[1], "2018-04-10"),
            col(lines[2], "2019"),
            "date column aligned:\n{out}"
        );
        let sentence = lines[1].split("  ").last().unwrap();
        assert_eq!(sentence.chars().count(), SENTENCE_WIDTH);
        assert!(sentence.ends_with('…'));
        assert!(lines[2].ends_with("Short sentence."));
    }

    #[test]
    fn contradictions_nest_claims_in_json_and_prefix_them_in_csv() {
        let l = link(
            7,
            claim(1, "2018-04-10", Polarity::Denial, "We do not sell data."),
            claim(2, "2018-12-18", Polarity::Assertion, "They sold data."),
        );
        let out = render(|w| write_contradictions(w, std::slice::from_ref(&l), Format::Jsonl));
        let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
        assert_eq!(json_keys(&v), ["assertion", "denial", "first", "id", "reason"]);
        assert_eq!(v["denial"]["id"], 1);
        assert_eq!(v["assertion"]["sentence"], "They sold data.");
        assert_eq!(json_keys(&v["denial"]).len(), CLAIM_FIELDS.len());

        let rows = csv_rows(&render(|w| {
            write_contradictions(w, std::slice::from_ref(&l), Format::Csv)
        }));
        assert_eq!(rows[0].len(), 3 + 2 * CLAIM_FIELDS.len());
        assert_eq!(&rows[0][..4], ["id", "reason", "first", "denial_id"]);
        assert!(rows[0].contains(&"assertion_sentence".to_string()));
        let at = |name: &str| rows[0].iter().position(|h| h == name).unwrap();
        assert_eq!(rows[1][at("denial_id")], "1");
        assert_eq!(rows[1][at("assertion_id")], "2");
        assert_eq!(rows[1][at("first")], "denial");

        let out = render(|w| write_contradictions(w, &[l], Format::Table));
        assert!(
            out.starts_with(
                "#7  Facebook  denial by Facebook (2018-04-10) ↔ assertion by Example Daily (2018-12-18)\n"
            ),
            "{out}"
        );
        assert!(out.contains("We do not sell data.") && out.contains("They sold data."));
        assert!(out.contains("reason     "));
    }

    #[test]
    fn search_and_stats_field_names_match_serde() {
        let hit = SearchHit {
            article_id: 3,
            url: Some("https://example.org/a".into()),
            title: Some("A title".into()),
            outlet: None,
            published: chrono::NaiveDate::from_ymd_opt(2018, 12, 19),
            snippet: "the [partners] could".into(),
        };
        let v: serde_json::Value = serde_json::from_str(
            render(|w| write_search(w, std::slice::from_ref(&hit), Format::Jsonl)).trim(),
        )
        .unwrap();
        let mut expected: Vec<String> = SEARCH_FIELDS.iter().map(|s| s.to_string()).collect();
        expected.sort();
        assert_eq!(json_keys(&v), expected);
        let rows = csv_rows(&render(|w| {
            write_search(w, std::slice::from_ref(&hit), Format::Csv)
        }));
        assert_eq!(rows[0], SEARCH_FIELDS.to_vec());
        assert_eq!(rows[1][4], "2018-12-19");
        let table = render(|w| write_search(w, &[hit], Format::Table));
        assert!(table.lines().nth(1).unwrap().contains("the [partners] could"));

        let stats = Stats {
            articles: 2,
            claims: 5,
            ..Stats::default()
        };
        let v: serde_json::Value =
            serde_json::from_str(&render(|w| write_stats(w, &stats, Format::Json))).unwrap();
        let mut expected: Vec<String> = STATS_FIELDS.iter().map(|s| s.to_string()).collect();
        expected.sort();
        assert_eq!(json_keys(&v), expected);
        let rows = csv_rows(&render(|w| write_stats(w, &stats, Format::Csv)));
        assert_eq!(rows[0], STATS_FIELDS.to_vec());
        assert_eq!(rows[1][1], "5");
        let table = render(|w| write_stats(w, &stats, Format::Table));
        assert!(table.contains("claims           5"), "{table}");
    }

    #[test]
    fn broken_pipe_propagates() {
        struct Closed;
        impl Write for Closed {
            fn write(&mut self, _: &[u8]) -> io::Result<usize> {
                Err(io::ErrorKind::BrokenPipe.into())
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        let claims = [claim(1, "2018", Polarity::Denial, "x")];
        for format in [Format::Table, Format::Json, Format::Jsonl, Format::Csv] {
            let err = write_claims(&mut Closed, &claims, format).unwrap_err();
            assert_eq!(err.kind(), io::ErrorKind::BrokenPipe, "{format:?}");
        }
    }
}
