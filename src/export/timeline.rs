//! Timelines: the claims in date order with the contradiction links between them, as JSON,
//! CSV, Markdown, TimelineJS JSON or a self-contained HTML page (see `html`).

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::io::{self, Write};

use serde::Serialize;
use serde_json::json;

use super::rows::{claim_values, csv_err, date_label, speaker_label, spreadsheet_safe, CLAIM_FIELDS};
use super::text::{data_type_words, html_escape, http_url, md_escape, one_line};
use super::TimelineFormat;
use crate::model::{ClaimRecord, ContradictionRecord, PartialDate, Polarity};
use crate::store::{TimelineLink, TimelineRows};

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
}

/// A timeline laid out before its claims are read: the place of every claim it lists and its
/// links by id. The writers below read the claims one at a time in this order (`fetch`) and
/// write each as it comes, so a frequent company's timeline (tens of thousands of claims and
/// links) is never held whole, nor is a copy of both claims kept per link.
pub struct TimelinePlan {
    /// Claim ids with their dates: dated by date then id, then the undated ones by id.
    order: Vec<(i64, Option<PartialDate>)>,
    /// Links by id, each once.
    links: Vec<TimelineLink>,
    /// Each claim's id once for every link it takes part in, ascending: the claims of
    /// `links_of`, side by side (a sorted list, searched by halves, instead of a map holding a
    /// list per claim: a frequent company's timeline has a quarter of a million links).
    linked_claims: Vec<i64>,
    /// The ids of the links of the claim beside, ascending for each claim.
    links_of: Vec<i64>,
    /// Claim ids with their dates, by id, for the other side of a link.
    when: Vec<(i64, Option<PartialDate>)>,
}

impl TimelinePlan {
    /// The plan of a timeline of the claims in `rows` (each once) and its links.
    pub fn new(rows: TimelineRows) -> Self {
        let TimelineRows { claims, mut links } = rows;
        let mut seen = HashSet::new();
        links.sort_by_key(|l| l.id);
        links.retain(|l| seen.insert(l.id));
        let mut pairs: Vec<(i64, i64)> = Vec::with_capacity(links.len() * 2);
        for l in &links {
            pairs.push((l.denial_id, l.id));
            if l.assertion_id != l.denial_id {
                pairs.push((l.assertion_id, l.id));
            }
        }
        pairs.sort_unstable();
        let (linked_claims, links_of) = pairs.into_iter().unzip();
        let mut when = claims.clone();
        when.sort_unstable_by_key(|c| c.0);
        when.dedup_by_key(|c| c.0);
        let mut order = claims;
        order.sort_by_key(|&(id, d)| (d.is_none(), d, id));
        order.dedup_by_key(|c| c.0);
        TimelinePlan {
            order,
            links,
            linked_claims,
            links_of,
            when,
        }
    }

    /// The plan of a timeline of `claims` and `links` held in memory: every claim once (the
    /// first given of an id) plus both sides of every link.
    fn of_records(claims: &[ClaimRecord], links: &[ContradictionRecord]) -> Self {
        let mut places = Vec::new();
        let mut seen = HashSet::new();
        let sides = links.iter().flat_map(|l| [&l.denial, &l.assertion]);
        for c in claims.iter().chain(sides) {
            if seen.insert(c.id) {
                places.push((c.id, c.when_stated()));
            }
        }
        TimelinePlan::new(TimelineRows {
            claims: places,
            links: links
                .iter()
                .map(|l| TimelineLink {
                    id: l.id,
                    denial_id: l.denial.id,
                    assertion_id: l.assertion.id,
                    reason: l.reason.clone(),
                    first: l.first,
                })
                .collect(),
        })
    }

    fn link_ids(&self, claim_id: i64) -> &[i64] {
        let from = self.linked_claims.partition_point(|&c| c < claim_id);
        let to = from + self.linked_claims[from..].partition_point(|&c| c == claim_id);
        &self.links_of[from..to]
    }

    /// Before the claim at `i` of the order is read: at every `READ_AHEAD`th, the claims from
    /// there on are read ahead.
    fn read_ahead(&self, fetch: &mut dyn ClaimSource, i: usize) -> io::Result<()> {
        if i % READ_AHEAD != 0 {
            return Ok(());
        }
        let ids: Vec<i64> = self.order[i..].iter().take(READ_AHEAD).map(|c| c.0).collect();
        fetch.read_ahead(&ids)
    }

    fn link(&self, id: i64) -> Option<&TimelineLink> {
        self.links
            .binary_search_by_key(&id, |l| l.id)
            .ok()
            .map(|i| &self.links[i])
    }

    fn date_label(&self, claim_id: i64) -> String {
        let when = self.when.binary_search_by_key(&claim_id, |c| c.0).ok();
        match when.and_then(|i| self.when[i].1) {
            Some(d) => d.to_string(),
            None => "undated".to_string(),
        }
    }
}

/// Reads a timeline's claims by id, in the plan's order. The claim is lent until the next
/// read: a store's reader fills one record again and again (`store::ClaimReader`).
pub trait ClaimSource {
    fn claim(&mut self, id: i64) -> io::Result<&ClaimRecord>;

    /// The claims `ids` are about to be read, in that order: a source that reads faster in
    /// bulk reads them now.
    fn read_ahead(&mut self, _ids: &[i64]) -> io::Result<()> {
        Ok(())
    }
}

/// How many claims a timeline's writers ask to be read ahead at once: a store reads them in
/// id order, two statements for all (see `store::ClaimReader::read_ahead`), and holds them.
const READ_AHEAD: usize = 8192;

impl ClaimSource for crate::store::ClaimReader<'_> {
    fn claim(&mut self, id: i64) -> io::Result<&ClaimRecord> {
        self.read(id).map_err(io::Error::other)
    }

    fn read_ahead(&mut self, ids: &[i64]) -> io::Result<()> {
        crate::store::ClaimReader::read_ahead(self, ids).map_err(io::Error::other)
    }
}

/// Claims held in memory, by id.
struct InMemory<'a>(HashMap<i64, &'a ClaimRecord>);

impl ClaimSource for InMemory<'_> {
    fn claim(&mut self, id: i64) -> io::Result<&ClaimRecord> {
        self.0
            .get(&id)
            .copied()
            .ok_or_else(|| io::Error::other(format!("claim {id} is not in the timeline")))
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
    if format == TimelineFormat::Html {
        return super::html::write_html(w, &Timeline::new(title, claims, links));
    }
    let plan = TimelinePlan::of_records(claims, links);
    let mut by_id: HashMap<i64, &ClaimRecord> = HashMap::new();
    for c in claims
        .iter()
        .chain(links.iter().flat_map(|l| [&l.denial, &l.assertion]))
    {
        by_id.entry(c.id).or_insert(c);
    }
    write_planned(w, &plan, &mut InMemory(by_id), format, title)
}

/// Writes the timeline `plan` lays out, reading each claim from `fetch` as it is written
/// (the same bytes as `write_timeline` with the same claims and links). The HTML page, which
/// counts and plots all claims before listing them, reads them all first.
pub fn write_planned(
    w: &mut dyn Write,
    plan: &TimelinePlan,
    fetch: &mut dyn ClaimSource,
    format: TimelineFormat,
    title: &str,
) -> io::Result<()> {
    match format {
        TimelineFormat::Json => write_json(w, plan, fetch, title),
        TimelineFormat::Csv => write_timeline_csv(w, plan, fetch),
        TimelineFormat::Md => write_md(w, plan, fetch, title),
        TimelineFormat::TimelineJs => write_timelinejs(w, plan, fetch, title),
        TimelineFormat::Html => {
            let mut claims = Vec::with_capacity(plan.order.len());
            for (i, &(id, _)) in plan.order.iter().enumerate() {
                plan.read_ahead(fetch, i)?;
                claims.push(fetch.claim(id)?.clone());
            }
            let by_id: HashMap<i64, &ClaimRecord> = claims.iter().map(|c| (c.id, c)).collect();
            let side = |id: i64| {
                by_id
                    .get(&id)
                    .map(|c| (*c).clone())
                    .ok_or_else(|| io::Error::other(format!("claim {id} is not in the timeline")))
            };
            let mut links = Vec::with_capacity(plan.links.len());
            for l in &plan.links {
                links.push(ContradictionRecord {
                    id: l.id,
                    denial: side(l.denial_id)?,
                    assertion: side(l.assertion_id)?,
                    reason: l.reason.clone(),
                    first: l.first,
                });
            }
            super::html::write_html(w, &Timeline::new(title, &claims, &links))
        }
    }
}

/// Writes `value` as serde_json's pretty printer would inside a document, `indent` spaces
/// deep (its lines after the first indented by that much). JSON strings hold no raw newline,
/// so every newline of the output is a line break of the layout.
fn pretty_at(w: &mut dyn Write, buf: &mut Vec<u8>, indent: &[u8], value: &impl Serialize) -> io::Result<()> {
    buf.clear();
    serde_json::to_writer_pretty(&mut *buf, value)?;
    for (i, line) in buf.split(|&b| b == b'\n').enumerate() {
        if i > 0 {
            w.write_all(b"\n")?;
            w.write_all(indent)?;
        }
        w.write_all(line)?;
    }
    Ok(())
}

/// Writes the next element of a pretty JSON array whose elements are 4 spaces deep.
fn element(w: &mut dyn Write, buf: &mut Vec<u8>, first: bool, value: &impl Serialize) -> io::Result<()> {
    w.write_all(if first { b"\n    " } else { b",\n    " })?;
    pretty_at(w, buf, b"    ", value)
}

/// Closes a pretty JSON array 2 spaces deep, empty or not.
fn end_array(w: &mut dyn Write, empty: bool) -> io::Result<()> {
    w.write_all(if empty { b"]" } else { b"\n  ]" })
}

/// "3 claims, 1 contradiction": the counts a timeline opens with, in the singular for one.
fn counts(claims: usize, links: usize) -> String {
    use super::plural;
    format!(
        "{}, {}",
        plural(claims, "claim", "claims"),
        plural(links, "contradiction", "contradictions")
    )
}

/// What `json_claim` writes, as serde_json would (the tests compare the two).
#[cfg(test)]
#[derive(Serialize)]
struct JsonClaim<'a> {
    #[serde(flatten)]
    claim: &'a ClaimRecord,
    links: &'a [i64],
}

/// What `json_link` writes, as serde_json would.
#[cfg(test)]
#[derive(Serialize)]
struct JsonLink<'a> {
    id: i64,
    denial_id: i64,
    assertion_id: i64,
    reason: &'a str,
    first: crate::model::First,
}

/// `{"title", "claims": [...], "links": [...]}`, pretty-printed, one claim at a time. Each
/// element is laid out here as serde_json's pretty printer lays out `JsonClaim` and `JsonLink`
/// inside the document (same bytes: `streamed_json_is_the_whole_document_byte_for_byte`),
/// into one buffer written at once.
fn write_json(
    w: &mut dyn Write,
    plan: &TimelinePlan,
    fetch: &mut dyn ClaimSource,
    title: &str,
) -> io::Result<()> {
    let mut buf = Vec::with_capacity(4096);
    w.write_all(b"{\n  \"title\": ")?;
    serde_json::to_writer(&mut *w, title)?;
    w.write_all(b",\n  \"claims\": [")?;
    for (i, &(id, _)) in plan.order.iter().enumerate() {
        plan.read_ahead(fetch, i)?;
        let claim = fetch.claim(id)?;
        buf.clear();
        buf.extend_from_slice(if i == 0 { b"\n    " } else { b",\n    " });
        json_claim(&mut buf, claim, plan.link_ids(id))?;
        w.write_all(&buf)?;
    }
    end_array(w, plan.order.is_empty())?;
    w.write_all(b",\n  \"links\": [")?;
    for (i, l) in plan.links.iter().enumerate() {
        buf.clear();
        buf.extend_from_slice(if i == 0 { b"\n    " } else { b",\n    " });
        json_link(&mut buf, l)?;
        w.write_all(&buf)?;
    }
    end_array(w, plan.links.is_empty())?;
    w.write_all(b"\n}\n")
}

/// The start of the pretty member `key` of an object whose members are 6 spaces deep.
fn member(out: &mut Vec<u8>, first: bool, key: &str) {
    out.extend_from_slice(if first { b"\n      \"" } else { b",\n      \"" });
    out.extend_from_slice(key.as_bytes());
    out.extend_from_slice(b"\": ");
}

/// Whether none of the eight bytes of `x` needs escaping in a JSON string (`"`, `\\`, or a
/// control character below 0x20).
fn plain_word(x: u64) -> bool {
    escape_bits(x) == 0
}

/// Nonzero when some byte of `x` needs escaping (see `plain_word`).
fn escape_bits(x: u64) -> u64 {
    const LOW: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // Nonzero when some byte of `y` is below `n` (n ≤ 0x80), exactly.
    let below = |y: u64, n: u64| y.wrapping_sub(LOW * n) & !y & HIGH;
    below(x, 0x20) | below(x ^ (LOW * u64::from(b'"')), 1) | below(x ^ (LOW * u64::from(b'\\')), 1)
}

/// The eight bytes of `b` from `i` as a word, if there are eight.
fn word_at(b: &[u8], i: usize) -> Option<u64> {
    let bytes: [u8; 8] = b.get(i..i + 8)?.try_into().ok()?;
    Some(u64::from_le_bytes(bytes))
}

/// `s` as a JSON string, escaped as serde_json escapes it (`"`, `\\`, `\b \t \n \f \r`, other
/// control characters as `\u00xx`), the runs between escapes copied whole and found eight
/// bytes at a time.
fn json_str(out: &mut Vec<u8>, s: &str) {
    let b = s.as_bytes();
    out.reserve(b.len() + 2);
    out.push(b'"');
    let (mut run, mut i) = (0, 0);
    while i < b.len() {
        // Plain runs sixteen bytes at a time, then eight.
        while let (Some(x), Some(y)) = (word_at(b, i), word_at(b, i + 8)) {
            if escape_bits(x) | escape_bits(y) != 0 {
                break;
            }
            i += 16;
        }
        if i >= b.len() {
            break;
        }
        if let Some(x) = word_at(b, i) {
            if plain_word(x) {
                i += 8;
                continue;
            }
        }
        let c = b[i];
        let escape: &[u8] = match c {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            0x08 => b"\\b",
            0x09 => b"\\t",
            0x0a => b"\\n",
            0x0c => b"\\f",
            0x0d => b"\\r",
            0..=0x1f => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.extend_from_slice(&b[run..i]);
                out.extend_from_slice(b"\\u00");
                out.push(HEX[usize::from(c >> 4)]);
                out.push(HEX[usize::from(c & 0xf)]);
                i += 1;
                run = i;
                continue;
            }
            _ => {
                i += 1;
                continue;
            }
        };
        out.extend_from_slice(&b[run..i]);
        out.extend_from_slice(escape);
        i += 1;
        run = i;
    }
    out.extend_from_slice(&b[run..]);
    out.push(b'"');
}

fn json_opt_str(out: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => json_str(out, s),
        None => out.extend_from_slice(b"null"),
    }
}

/// A value serde_json writes without pretty layout (a number, a date, a key of a closed set).
fn json_value(out: &mut Vec<u8>, v: &impl Serialize) -> io::Result<()> {
    Ok(serde_json::to_writer(out, v)?)
}

fn json_int(out: &mut Vec<u8>, v: impl Serialize) -> io::Result<()> {
    json_value(out, &v)
}

/// One claim of the JSON timeline (`JsonClaim`: the record's fields in order, its claim's
/// flattened among them, then its links), 4 spaces deep.
fn json_claim(out: &mut Vec<u8>, r: &ClaimRecord, links: &[i64]) -> io::Result<()> {
    let c = &r.claim;
    out.push(b'{');
    member(out, true, "id");
    json_int(out, r.id)?;
    member(out, false, "article_id");
    json_int(out, r.article_id)?;
    member(out, false, "article_url");
    json_opt_str(out, r.article_url.as_deref());
    member(out, false, "article_title");
    json_opt_str(out, r.article_title.as_deref());
    member(out, false, "outlet");
    json_opt_str(out, r.outlet.as_deref());
    member(out, false, "published");
    json_value(out, &r.published)?;
    member(out, false, "actor");
    json_str(out, &c.actor);
    member(out, false, "counterparty");
    json_opt_str(out, c.counterparty.as_deref());
    member(out, false, "data_type");
    json_value(out, &c.data_type)?;
    member(out, false, "action");
    json_value(out, &c.action)?;
    member(out, false, "polarity");
    json_value(out, &c.polarity)?;
    member(out, false, "scope");
    json_value(out, &c.scope)?;
    member(out, false, "speaker");
    json_opt_str(out, c.speaker.as_deref());
    member(out, false, "stated_on");
    json_value(out, &c.stated_on)?;
    member(out, false, "period_start");
    json_value(out, &c.period_start)?;
    member(out, false, "period_end");
    json_value(out, &c.period_end)?;
    member(out, false, "sentence");
    json_str(out, &c.sentence);
    member(out, false, "start");
    json_int(out, c.start)?;
    member(out, false, "end");
    json_int(out, c.end)?;
    member(out, false, "rule");
    json_str(out, &c.rule);
    member(out, false, "confidence");
    json_value(out, &c.confidence)?;
    member(out, false, "extractor_version");
    json_str(out, &r.extractor_version);
    member(out, false, "partial_text");
    out.extend_from_slice(if r.partial_text { b"true" } else { b"false" });
    member(out, false, "links");
    if links.is_empty() {
        out.extend_from_slice(b"[]");
    } else {
        out.push(b'[');
        for (i, l) in links.iter().enumerate() {
            out.extend_from_slice(if i == 0 { b"\n        " } else { b",\n        " });
            json_int(out, l)?;
        }
        out.extend_from_slice(b"\n      ]");
    }
    out.extend_from_slice(b"\n    }");
    Ok(())
}

/// One link of the JSON timeline (`JsonLink`), 4 spaces deep.
fn json_link(out: &mut Vec<u8>, l: &TimelineLink) -> io::Result<()> {
    out.push(b'{');
    member(out, true, "id");
    json_int(out, l.id)?;
    member(out, false, "denial_id");
    json_int(out, l.denial_id)?;
    member(out, false, "assertion_id");
    json_int(out, l.assertion_id)?;
    member(out, false, "reason");
    json_str(out, &l.reason);
    member(out, false, "first");
    json_value(out, &l.first)?;
    out.extend_from_slice(b"\n    }");
    Ok(())
}

fn write_timeline_csv(w: &mut dyn Write, plan: &TimelinePlan, fetch: &mut dyn ClaimSource) -> io::Result<()> {
    let mut header: Vec<&str> = CLAIM_FIELDS.to_vec();
    header.push("links");
    let mut out = csv::Writer::from_writer(w);
    out.write_record(&header).map_err(csv_err)?;
    for (i, &(id, _)) in plan.order.iter().enumerate() {
        plan.read_ahead(fetch, i)?;
        let c = fetch.claim(id)?;
        let mut row = claim_values(c).to_vec();
        row.push(
            plan.link_ids(id)
                .iter()
                .map(i64::to_string)
                .collect::<Vec<_>>()
                .join(";"),
        );
        out.write_record(row.iter().map(|cell| spreadsheet_safe(cell.as_bytes())))
            .map_err(csv_err)?;
    }
    out.flush()
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

fn write_md(
    w: &mut dyn Write,
    plan: &TimelinePlan,
    fetch: &mut dyn ClaimSource,
    title: &str,
) -> io::Result<()> {
    /// What the list of contradictions shows of a claim.
    struct Side {
        actor: String,
        speaker: String,
        date: String,
    }
    let title = md_escape(title);
    writeln!(
        w,
        "# {}\n",
        if title.is_empty() {
            "Timeline".to_string()
        } else {
            title
        }
    )?;
    writeln!(w, "{}.\n", counts(plan.order.len(), plan.links.len()))?;
    let mut sides: HashMap<i64, Side> = HashMap::new();
    let mut section: Option<Option<i32>> = None;
    for (i, &(id, _)) in plan.order.iter().enumerate() {
        plan.read_ahead(fetch, i)?;
        let c = fetch.claim(id)?;
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
        let ids = plan.link_ids(id);
        if !ids.is_empty() {
            let ids: Vec<String> = ids.iter().map(|i| format!("#{i}")).collect();
            write!(w, ". Contradictions: {}", ids.join(", "))?;
            sides.insert(
                id,
                Side {
                    actor: md_escape(&c.claim.actor),
                    speaker: md_escape(speaker_label(c)),
                    date: date_label(c),
                },
            );
        }
        writeln!(w, "\n")?;
    }
    if plan.order.is_empty() {
        writeln!(w, "No claims.\n")?;
    }
    if !plan.links.is_empty() {
        writeln!(w, "## Contradictions\n")?;
        let side = |id: i64| {
            sides
                .get(&id)
                .ok_or_else(|| io::Error::other(format!("claim {id} is not in the timeline")))
        };
        for l in &plan.links {
            let (d, a) = (side(l.denial_id)?, side(l.assertion_id)?);
            // A full date on both sides and the same: neither came first.
            let order = if d.date == a.date && d.date.len() == "2018-12-19".len() {
                "both the same day".to_string()
            } else {
                format!("{} came first", l.first)
            };
            writeln!(
                w,
                "- **#{}** {}: denial #{} by {} ({}) ↔ assertion #{} by {} ({}); {}. {}",
                l.id,
                d.actor,
                l.denial_id,
                d.speaker,
                d.date,
                l.assertion_id,
                a.speaker,
                a.date,
                order,
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

fn write_timelinejs(
    w: &mut dyn Write,
    plan: &TimelinePlan,
    fetch: &mut dyn ClaimSource,
    title: &str,
) -> io::Result<()> {
    let dated = plan.order.iter().filter(|c| c.1.is_some()).count();
    let undated = plan.order.len() - dated;
    let mut summary = format!("{}.", counts(dated, plan.links.len()));
    match undated {
        0 => {}
        1 => summary.push_str(" 1 undated claim is not shown."),
        n => summary.push_str(&format!(" {n} undated claims are not shown.")),
    }
    let head = json!({"text": {"headline": html_escape(&one_line(title)), "text": summary}});
    // The document is the object {"title", "events"}, its keys in serde_json's map order.
    let keys: Vec<String> = json!({"title": 0, "events": 0})
        .as_object()
        .map(|o| o.keys().cloned().collect())
        .unwrap_or_default();
    let mut buf = Vec::new();
    w.write_all(b"{")?;
    for (k, key) in keys.iter().enumerate() {
        w.write_all(if k == 0 { b"\n  " } else { b",\n  " })?;
        serde_json::to_writer(&mut *w, key)?;
        w.write_all(b": ")?;
        if key == "title" {
            pretty_at(w, &mut buf, b"  ", &head)?;
            continue;
        }
        w.write_all(b"[")?;
        let mut first = true;
        for (i, &(id, date)) in plan.order.iter().enumerate() {
            plan.read_ahead(fetch, i)?;
            let Some(date) = date else { continue };
            let c = fetch.claim(id)?;
            let mut text = format!(
                "<p>“{}”</p><p>Said by {}. Source: {}</p>",
                html_escape(&one_line(&c.claim.sentence)),
                html_escape(&one_line(speaker_label(c))),
                html_source(c)
            );
            for l in plan.link_ids(id).iter().filter_map(|&l| plan.link(l)) {
                let other = if l.denial_id == c.id {
                    l.assertion_id
                } else {
                    l.denial_id
                };
                text.push_str(&format!(
                    "<p>Contradiction #{} with claim #{} ({}): {}</p>",
                    l.id,
                    other,
                    plan.date_label(other),
                    html_escape(&one_line(&l.reason))
                ));
            }
            let event = json!({
                "start_date": tljs_date(date),
                "text": {"headline": html_escape(&headline(c)), "text": text},
                "group": one_line(&c.claim.actor),
                "unique_id": format!("claim-{}", c.id),
            });
            element(w, &mut buf, first, &event)?;
            first = false;
        }
        end_array(w, first)?;
    }
    w.write_all(b"\n}\n")
}

#[cfg(test)]
mod tests {
    use super::super::testutil::{claim, link};
    use super::*;
    use crate::model::Polarity::{Assertion, Denial};
    use chrono::NaiveDate;

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

    /// The JSON and TimelineJS documents as one `serde_json` value each, written whole: the
    /// streamed writers must give the same bytes.
    fn whole(claims: &[ClaimRecord], links: &[ContradictionRecord], format: TimelineFormat) -> String {
        let t = Timeline::new("Made-up <timeline>", claims, links);
        let value = match format {
            TimelineFormat::Json => {
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
                serde_json::to_string_pretty(&doc).unwrap()
            }
            _ => {
                // Only the document's frame is checked here: the events are compared as values.
                let out = render(claims, links, format);
                let v: serde_json::Value = serde_json::from_str(&out).unwrap();
                serde_json::to_string_pretty(&v).unwrap()
            }
        };
        value + "\n"
    }

    #[test]
    fn streamed_json_is_the_whole_document_byte_for_byte() {
        fn check(claims: &[ClaimRecord], links: &[ContradictionRecord], format: TimelineFormat) {
            assert_eq!(
                render(claims, links, format),
                whole(claims, links, format),
                "{format}"
            );
        }
        let (claims, links) = sample();
        for format in [TimelineFormat::Json, TimelineFormat::TimelineJs] {
            check(&claims, &links, format);
            check(&claims[..1], &links, format);
            check(&claims, &[], format);
            check(&[], &[], format);
        }
    }

    #[test]
    fn json_strings_are_escaped_as_serde_json_escapes_them() {
        // Every ASCII byte alone, and each at every place of strings long enough to cross
        // several eight-byte words, among plain and non-ASCII text.
        let mut cases: Vec<String> = (0u8..0x80).map(|b| char::from(b).to_string()).collect();
        for b in 0u8..0x80 {
            // 19 characters cross two eight-byte words; 41 cross two sixteen-byte steps.
            for len in [19, 41] {
                for at in 0..len {
                    let mut s: String = "abcdéfgh – “quoted” ok".chars().cycle().take(len).collect();
                    let i = s.char_indices().nth(at).map_or(s.len(), |(i, _)| i);
                    s.insert(i, char::from(b));
                    cases.push(s);
                }
            }
        }
        // Plain text of every length to 70 bytes: runs ending on and off a word's end.
        cases.extend((0..=70).map(|n| "plain text, no escape".chars().cycle().take(n).collect()));
        cases.push(String::new());
        cases.push("\"\\\u{1}\n\r\t\u{8}\u{c}\u{1f}\u{7f}".to_string());
        for s in cases {
            let mut ours = Vec::new();
            json_str(&mut ours, &s);
            assert_eq!(
                String::from_utf8(ours).expect("UTF-8"),
                serde_json::to_string(&s).expect("serialises"),
                "{s:?}"
            );
        }
    }

    #[test]
    fn streamed_json_writes_odd_claims_as_serde_json_does() {
        let (mut claims, mut links) = sample();
        // Every optional field filled, text needing escapes, large and non-finite numbers.
        let c = &mut claims[0];
        c.article_url = Some("https://e.example/a\"b\\c".into());
        c.article_title = None;
        c.outlet = None;
        c.published = NaiveDate::from_ymd_opt(2019, 2, 3);
        c.claim.counterparty = Some("Tab\there".into());
        c.claim.scope = Some(crate::model::DenialScope::ALL[0]);
        c.claim.speaker = None;
        c.claim.period_start = Some("2017".parse().expect("a date"));
        c.claim.period_end = Some("2018-06".parse().expect("a date"));
        c.claim.sentence = "“Line\nbreak” and a \u{1} control, ünïcödé, \"quotes\" \\ end".into();
        c.claim.start = usize::MAX / 3;
        c.claim.confidence = 1.0 / 3.0;
        c.partial_text = true;
        claims[1].claim.confidence = f64::NAN;
        claims[2].claim.confidence = 1e21;
        claims[3].id = i64::MAX;
        links[0].reason = "said \"no\"\tthen\u{0}".into();
        let check = |claims: &[ClaimRecord], links: &[ContradictionRecord]| {
            assert_eq!(
                render(claims, links, TimelineFormat::Json),
                whole(claims, links, TimelineFormat::Json)
            );
        };
        check(&claims, &links);
        let many: Vec<ContradictionRecord> = (0..4)
            .map(|i| link(20 + i, claims[3].clone(), claims[(i % 3) as usize].clone()))
            .collect();
        check(&claims, &many);
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
