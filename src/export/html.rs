//! The timeline as one self-contained HTML page: an inline SVG picture (a time axis, one lane
//! per company, a mark per claim, a curve per contradiction) above tables of the claims and
//! contradictions. No scripts, no network: inline CSS only. All article text is escaped.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{self, Write};

use chrono::{Datelike, NaiveDate};

use super::rows::{date_label, speaker_label};
use super::text::{data_type_words, html_escape, one_line, truncate};
use super::timeline::{headline, html_source, Timeline};
use crate::model::{ClaimRecord, PartialDate, Polarity, Precision};

const WIDTH: f64 = 1200.0;
const LEFT: f64 = 180.0;
const RIGHT: f64 = 30.0;
const TOP: f64 = 64.0;
const AXIS: f64 = 46.0;
const DENIAL: &str = "#c0392b";
const ASSERTION: &str = "#1f5fa8";
const LINK: &str = "#8e44ad";
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

const CSS: &str = "
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;margin:24px auto;
max-width:1240px;padding:0 16px;color:#222;background:#fff;line-height:1.4}
h1{font-size:1.6em;margin:0 0 4px}h2{font-size:1.25em;margin:28px 0 8px;border-bottom:1px solid #ddd}
.summary{color:#555;margin:0 0 12px}
svg.timeline{display:block;max-width:100%;height:auto;border:1px solid #e3e3e3;border-radius:4px}
svg text{font-family:inherit}
.mark:hover>*{stroke-width:3.5}
.link:hover>path:first-of-type{stroke-width:4;stroke-opacity:1}
table{border-collapse:collapse;width:100%;font-size:.9em}
th,td{border-bottom:1px solid #e6e6e6;padding:5px 6px;text-align:left;vertical-align:top}
th{background:#f6f6f6;position:sticky;top:0}
tr:target{background:#fff4c2}
td.num,th.num{text-align:right;white-space:nowrap}
td.date{white-space:nowrap}
.denial{color:#c0392b;font-weight:600}.assertion{color:#1f5fa8}
blockquote{margin:0;font-style:italic}
.muted{color:#777}
.empty{padding:24px;border:1px dashed #bbb;color:#555;text-align:center}
";

/// A claim placed in the picture.
struct Mark<'a> {
    claim: &'a ClaimRecord,
    x: f64,
    y: f64,
    /// The span its date covers when coarser than a day: (x from, x to).
    span: Option<(f64, f64)>,
}

/// Maps days to x coordinates between two 1 January boundaries.
struct Scale {
    start: NaiveDate,
    days: f64,
    first_year: i32,
    last_year: i32,
}

impl Scale {
    fn new(dates: &[PartialDate]) -> Option<Scale> {
        let first_year = dates.iter().map(|d| d.first_day().year()).min()?;
        let last_year = dates.iter().map(|d| d.last_day().year()).max()?;
        let start = NaiveDate::from_ymd_opt(first_year, 1, 1)?;
        let end = NaiveDate::from_ymd_opt(last_year + 1, 1, 1)?;
        let days = (end - start).num_days().max(1) as f64;
        Some(Scale {
            start,
            days,
            first_year,
            last_year,
        })
    }

    fn x(&self, d: NaiveDate) -> f64 {
        let off = (d - self.start).num_days() as f64;
        LEFT + (off / self.days).clamp(0.0, 1.0) * (WIDTH - LEFT - RIGHT)
    }

    /// x of a date: the day itself, or the middle of the month or year it names.
    fn x_of(&self, d: PartialDate) -> f64 {
        match d.precision() {
            Precision::Day => self.x(d.first_day()),
            _ => (self.x(d.first_day()) + self.x(d.last_day().succ_opt().unwrap_or(d.last_day()))) / 2.0,
        }
    }
}

/// Writes the HTML page for a timeline.
pub(crate) fn write_html(w: &mut dyn Write, t: &Timeline) -> io::Result<()> {
    let title = one_line(t.title);
    let title = if title.is_empty() {
        "Timeline".to_string()
    } else {
        title
    };
    let mut page = String::with_capacity(16 * 1024);
    // Writing to a String cannot fail: the fmt::Results below are all Ok.
    let _ = write!(
        page,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<h1>{}</h1>\n",
        html_escape(&title),
        html_escape(&title)
    );
    let dated = t.claims.iter().filter(|c| c.when_stated().is_some()).count();
    let undated = t.claims.len() - dated;
    if t.claims.is_empty() {
        page.push_str("<p class=\"empty\">No claims to show.</p>\n");
    } else {
        let _ = write!(
            page,
            "<p class=\"summary\">{} ({}, {}), {}.",
            super::plural(t.claims.len(), "claim", "claims"),
            super::plural(
                t.claims
                    .iter()
                    .filter(|c| c.claim.polarity == Polarity::Denial)
                    .count(),
                "denial",
                "denials"
            ),
            super::plural(
                t.claims
                    .iter()
                    .filter(|c| c.claim.polarity == Polarity::Assertion)
                    .count(),
                "assertion",
                "assertions"
            ),
            super::plural(t.links.len(), "contradiction", "contradictions")
        );
        match undated {
            0 => {}
            1 => page.push_str(" 1 claim without a date is listed below but not plotted."),
            n => {
                let _ = write!(
                    page,
                    " {n} claims without a date are listed below but not plotted."
                );
            }
        }
        page.push_str("</p>\n");
        if dated == 0 {
            page.push_str(
                "<p class=\"empty\">None of the claims has a date, so there is nothing to plot.</p>\n",
            );
        } else {
            svg(&mut page, t);
        }
        claims_table(&mut page, t);
        links_table(&mut page, t);
    }
    page.push_str("</body>\n</html>\n");
    w.write_all(page.as_bytes())
}

/// Lane height for `n` companies: roomy for a few, shrinking to a minimum for many.
fn lane_height(n: usize) -> f64 {
    (720.0 / n.max(1) as f64).clamp(34.0, 76.0)
}

/// The lane a claim goes in: its actor, as one line.
fn lane_name(c: &ClaimRecord) -> String {
    one_line(&c.claim.actor)
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn svg(page: &mut String, t: &Timeline) {
    let dated: Vec<(&ClaimRecord, PartialDate)> = t
        .claims
        .iter()
        .filter_map(|c| c.when_stated().map(|d| (*c, d)))
        .collect();
    let dates: Vec<PartialDate> = dated.iter().map(|(_, d)| *d).collect();
    let Some(scale) = Scale::new(&dates) else { return };

    // Lanes: one per actor, alphabetical.
    let mut lanes: BTreeMap<String, usize> = BTreeMap::new();
    for (c, _) in &dated {
        lanes.insert(lane_name(c), 0);
    }
    for (i, v) in lanes.values_mut().enumerate() {
        *v = i;
    }
    let lane_h = lane_height(lanes.len());
    let plot_bottom = TOP + lanes.len() as f64 * lane_h;
    let height = plot_bottom + AXIS;

    // Marks, stacked within a lane when they would overlap.
    let mut marks: Vec<Mark> = Vec::with_capacity(dated.len());
    let mut slots: BTreeMap<usize, Vec<f64>> = BTreeMap::new();
    let mut order: Vec<(usize, f64, &ClaimRecord, PartialDate)> = dated
        .iter()
        .map(|(c, d)| {
            (
                lanes.get(&lane_name(c)).copied().unwrap_or(0),
                scale.x_of(*d),
                *c,
                *d,
            )
        })
        .collect();
    order.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)).then(a.2.id.cmp(&b.2.id)));
    let step = (lane_h / 6.0).min(11.0);
    let max_off = lane_h / 2.0 - 8.0;
    for (lane, x, c, d) in order {
        let lane_slots = slots.entry(lane).or_default();
        let slot = match lane_slots.iter().position(|last| x - last >= 15.0) {
            Some(i) => i,
            None => {
                lane_slots.push(f64::NEG_INFINITY);
                lane_slots.len() - 1
            }
        };
        lane_slots[slot] = x;
        // Slots 0, 1, 2, 3, 4 sit at offsets 0, -1, +1, -2, +2 steps.
        let k = slot.div_ceil(2) as f64;
        let sign = if slot % 2 == 1 { -1.0 } else { 1.0 };
        let off = (sign * k * step).clamp(-max_off, max_off);
        let y = TOP + lane as f64 * lane_h + lane_h / 2.0 + off;
        let span = (d.precision() != Precision::Day).then(|| {
            (
                scale.x(d.first_day()),
                scale.x(d.last_day().succ_opt().unwrap_or(d.last_day())),
            )
        });
        marks.push(Mark { claim: c, x, y, span });
    }
    marks.sort_by_key(|m| m.claim.id);
    let at = |id: i64| {
        marks
            .binary_search_by_key(&id, |m| m.claim.id)
            .ok()
            .map(|i| &marks[i])
    };

    let _ = writeln!(
        page,
        "<svg class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{height:.0}\" \
         viewBox=\"0 0 {WIDTH} {height:.0}\" role=\"img\" aria-label=\"Timeline of {} claims\">",
        marks.len()
    );
    legend(page);

    // Lane backgrounds and labels (with the lane's counts when there is room for a second line).
    let mut counts: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for m in &marks {
        let e = counts.entry(lane_name(m.claim)).or_default();
        match m.claim.claim.polarity {
            Polarity::Denial => e.0 += 1,
            Polarity::Assertion => e.1 += 1,
        }
    }
    for (name, &i) in &lanes {
        let y = TOP + i as f64 * lane_h;
        let fill = if i % 2 == 0 { "#f7f7f9" } else { "#ffffff" };
        let two_lines = lane_h >= 44.0;
        let _ = write!(
            page,
            "<rect class=\"lane\" x=\"0\" y=\"{y:.1}\" width=\"{WIDTH}\" height=\"{lane_h:.1}\" fill=\"{fill}\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" font-size=\"13\" font-weight=\"600\" fill=\"#333\">\
             <title>{}</title>{}</text>",
            LEFT - 12.0,
            y + lane_h / 2.0 + if two_lines { -1.5 } else { 4.5 },
            html_escape(name),
            html_escape(&truncate(name, 22))
        );
        if two_lines {
            let (d, a) = counts.get(name).copied().unwrap_or_default();
            let _ = write!(
                page,
                "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" font-size=\"11\" fill=\"#777\">{}, {}</text>",
                LEFT - 12.0,
                y + lane_h / 2.0 + 13.0,
                plural(d, "denial", "denials"),
                plural(a, "assertion", "assertions"),
            );
        }
        page.push('\n');
    }

    axis(page, &scale, plot_bottom);

    // Date spans for claims dated only to a month or year.
    for m in &marks {
        if let Some((x0, x1)) = m.span {
            let color = if m.claim.claim.polarity == Polarity::Denial {
                DENIAL
            } else {
                ASSERTION
            };
            let _ = writeln!(
                page,
                "<rect x=\"{x0:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"6\" rx=\"3\" fill=\"{color}\" fill-opacity=\"0.16\"/>",
                m.y - 3.0,
                (x1 - x0).max(2.0)
            );
        }
    }

    // Contradiction links under the marks.
    for l in &t.links {
        let (Some(d), Some(a)) = (at(l.denial.id), at(l.assertion.id)) else {
            continue;
        };
        let path = if (a.x - d.x).abs() < 24.0 {
            // Marks almost above one another: bulge to the right so the curve shows.
            let bulge = d.x.max(a.x) + 26.0;
            format!(
                "M{:.1} {:.1} C{bulge:.1} {:.1} {bulge:.1} {:.1} {:.1} {:.1}",
                d.x, d.y, d.y, a.y, a.x, a.y
            )
        } else if (d.y - a.y).abs() < lane_h / 2.0 {
            let lift = (18.0 + (a.x - d.x).abs() * 0.12).min(lane_h * 0.9);
            let top = d.y.min(a.y) - lift;
            format!(
                "M{:.1} {:.1} C{:.1} {top:.1} {:.1} {top:.1} {:.1} {:.1}",
                d.x, d.y, d.x, a.x, a.x, a.y
            )
        } else {
            let mid = (d.x + a.x) / 2.0;
            format!(
                "M{:.1} {:.1} C{mid:.1} {:.1} {mid:.1} {:.1} {:.1} {:.1}",
                d.x, d.y, d.y, a.y, a.x, a.y
            )
        };
        let _ = writeln!(
            page,
            "<g class=\"link\"><title>Contradiction #{}: {}</title>\
             <path d=\"{path}\" fill=\"none\" stroke=\"{LINK}\" stroke-width=\"1.8\" stroke-opacity=\"0.55\"/>\
             <path d=\"{path}\" fill=\"none\" stroke=\"transparent\" stroke-width=\"10\"/></g>",
            l.id,
            html_escape(&truncate(&one_line(&l.reason), 400))
        );
    }

    // The marks, each a link to its row in the table below; denials last so that a denial is
    // never hidden under the assertions stacked around it.
    let mut drawn: Vec<&Mark> = marks.iter().collect();
    drawn.sort_by_key(|m| (m.claim.claim.polarity == Polarity::Denial, m.claim.id));
    for m in drawn {
        let c = m.claim;
        let tip = format!(
            "#{} · {} · {} ({})\n{}\n“{}”",
            c.id,
            date_label(c),
            one_line(speaker_label(c)),
            c.claim.polarity,
            headline(c),
            truncate(&one_line(&c.claim.sentence), 400)
        );
        let shape = match c.claim.polarity {
            Polarity::Denial => format!(
                "<polygon points=\"{:.1},{:.1} {:.1},{:.1} {:.1},{:.1} {:.1},{:.1}\" fill=\"#fff\" stroke=\"{DENIAL}\" stroke-width=\"2.2\"/>",
                m.x,
                m.y - 7.5,
                m.x + 7.5,
                m.y,
                m.x,
                m.y + 7.5,
                m.x - 7.5,
                m.y
            ),
            Polarity::Assertion => format!(
                "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"6\" fill=\"{ASSERTION}\" stroke=\"#fff\" stroke-width=\"1.2\"/>",
                m.x, m.y
            ),
        };
        let _ = writeln!(
            page,
            "<a href=\"#claim-{}\"><g class=\"mark {}\"><title>{}</title>{shape}</g></a>",
            c.id,
            c.claim.polarity,
            html_escape(&tip)
        );
    }
    page.push_str("</svg>\n");
    page.push_str(
        "<p class=\"muted\">Hover a mark or a curve for details; click a mark to jump to its row below.</p>\n",
    );
}

fn legend(page: &mut String) {
    let y = 26.0;
    let _ = writeln!(
        page,
        "<g class=\"legend\" font-size=\"12.5\" fill=\"#333\">\
         <polygon points=\"{x0},{a} {x1},{y} {x0},{b} {x2},{y}\" fill=\"#fff\" stroke=\"{DENIAL}\" stroke-width=\"2.2\"/>\
         <text x=\"{t0}\" y=\"{ty}\">denial</text>\
         <circle cx=\"{c}\" cy=\"{y}\" r=\"6\" fill=\"{ASSERTION}\"/>\
         <text x=\"{t1}\" y=\"{ty}\">assertion</text>\
         <path d=\"M{p0} {pb} C{p1} {pt} {p2} {pt} {p3} {pb}\" fill=\"none\" stroke=\"{LINK}\" stroke-width=\"2\"/>\
         <text x=\"{t2}\" y=\"{ty}\">contradiction (denial ↔ assertion)</text>\
         <rect x=\"{r0}\" y=\"{ry}\" width=\"34\" height=\"6\" rx=\"3\" fill=\"#555\" fill-opacity=\"0.2\"/>\
         <text x=\"{t3}\" y=\"{ty}\">date known only to the month or year</text>\
         </g>",
        x0 = LEFT,
        x1 = LEFT + 7.5,
        x2 = LEFT - 7.5,
        a = y - 7.5,
        b = y + 7.5,
        t0 = LEFT + 14.0,
        c = LEFT + 80.0,
        t1 = LEFT + 92.0,
        p0 = LEFT + 170.0,
        p1 = LEFT + 178.0,
        p2 = LEFT + 196.0,
        p3 = LEFT + 204.0,
        pb = y + 5.0,
        pt = y - 9.0,
        t2 = LEFT + 212.0,
        r0 = LEFT + 440.0,
        ry = y - 3.0,
        t3 = LEFT + 482.0,
        ty = y + 4.5,
    );
}

fn axis(page: &mut String, scale: &Scale, bottom: f64) {
    let years = scale.last_year - scale.first_year + 1;
    // Month gridlines when the span is short, labelled when it is very short.
    if years <= 4 {
        for y in scale.first_year..=scale.last_year {
            for m in 2..=12u32 {
                let Some(d) = NaiveDate::from_ymd_opt(y, m, 1) else {
                    continue;
                };
                let x = scale.x(d);
                let _ = write!(
                    page,
                    "<line x1=\"{x:.1}\" y1=\"{TOP}\" x2=\"{x:.1}\" y2=\"{bottom:.1}\" stroke=\"#ececec\"/>"
                );
                if years <= 2 {
                    let label = MONTHS.get(m as usize - 1).copied().unwrap_or("");
                    let _ = write!(
                        page,
                        "<text x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"10\" fill=\"#888\">{label}</text>",
                        bottom + 14.0
                    );
                }
            }
        }
        page.push('\n');
    }
    let step = match years {
        ..=14 => 1,
        15..=28 => 2,
        29..=70 => 5,
        _ => 10,
    };
    let label_y = if years <= 2 { bottom + 32.0 } else { bottom + 20.0 };
    for y in scale.first_year..=scale.last_year + 1 {
        let Some(d) = NaiveDate::from_ymd_opt(y, 1, 1) else {
            continue;
        };
        let x = scale.x(d);
        let _ = write!(
            page,
            "<line x1=\"{x:.1}\" y1=\"{TOP}\" x2=\"{x:.1}\" y2=\"{:.1}\" stroke=\"#c8c8c8\"/>",
            bottom + 5.0
        );
        // Label each year in the middle of its span, every `step` years.
        if y <= scale.last_year && (y - scale.first_year) % step == 0 {
            let next = NaiveDate::from_ymd_opt(y + step.min(scale.last_year - y + 1), 1, 1).unwrap_or(d);
            let mid = if step == 1 { (x + scale.x(next)) / 2.0 } else { x };
            let anchor = if step == 1 { "middle" } else { "start" };
            let _ = write!(
                page,
                "<text x=\"{mid:.1}\" y=\"{label_y:.1}\" text-anchor=\"{anchor}\" font-size=\"13\" font-weight=\"600\" fill=\"#444\">{y}</text>"
            );
        }
    }
    let _ = writeln!(
        page,
        "<line x1=\"{LEFT}\" y1=\"{bottom:.1}\" x2=\"{:.1}\" y2=\"{bottom:.1}\" stroke=\"#888\"/>\
         <text x=\"{:.1}\" y=\"{label_y:.1}\" text-anchor=\"end\" font-size=\"11\" fill=\"#777\">when it was said</text>",
        WIDTH - RIGHT,
        LEFT - 12.0
    );
}

fn polarity_cell(c: &ClaimRecord) -> &'static str {
    match c.claim.polarity {
        Polarity::Denial => "<span class=\"denial\">◇ denial</span>",
        Polarity::Assertion => "<span class=\"assertion\">● assertion</span>",
    }
}

fn claims_table(page: &mut String, t: &Timeline) {
    page.push_str(
        "<h2>Claims</h2>\n<table>\n<thead><tr><th class=\"num\">#</th><th>date</th><th>company</th>\
         <th>data</th><th>statement</th><th>speaker</th><th>sentence</th><th>source</th>\
         <th>contradictions</th></tr></thead>\n<tbody>\n",
    );
    for c in &t.claims {
        let parties = match &c.claim.counterparty {
            Some(cp) => format!(
                "{} → {}",
                html_escape(&one_line(&c.claim.actor)),
                html_escape(&one_line(cp))
            ),
            None => html_escape(&one_line(&c.claim.actor)).into_owned(),
        };
        let links: Vec<String> = t
            .link_ids(c.id)
            .iter()
            .map(|id| format!("<a href=\"#link-{id}\">#{id}</a>"))
            .collect();
        let _ = writeln!(
            page,
            "<tr id=\"claim-{id}\"><td class=\"num\">{id}</td><td class=\"date\">{date}</td><td>{parties}</td>\
             <td>{data} ({action})</td><td>{pol}</td><td>{speaker}</td><td><blockquote>{sentence}</blockquote></td>\
             <td>{source}</td><td>{links}</td></tr>",
            id = c.id,
            date = html_escape(&date_label(c)),
            data = html_escape(&data_type_words(c.claim.data_type)),
            action = c.claim.action,
            pol = polarity_cell(c),
            speaker = html_escape(&one_line(speaker_label(c))),
            sentence = html_escape(&one_line(&c.claim.sentence)),
            source = html_source(c),
            links = links.join(" "),
        );
    }
    page.push_str("</tbody>\n</table>\n");
}

fn claim_cell(c: &ClaimRecord) -> String {
    format!(
        "<a href=\"#claim-{id}\">#{id}</a> {speaker} <span class=\"muted\">({date})</span>\
         <blockquote>{sentence}</blockquote>",
        id = c.id,
        speaker = html_escape(&one_line(speaker_label(c))),
        date = html_escape(&date_label(c)),
        sentence = html_escape(&one_line(&c.claim.sentence)),
    )
}

fn links_table(page: &mut String, t: &Timeline) {
    page.push_str("<h2>Contradictions</h2>\n");
    if t.links.is_empty() {
        page.push_str("<p class=\"muted\">No contradictions among these claims.</p>\n");
        return;
    }
    page.push_str(
        "<table>\n<thead><tr><th class=\"num\">#</th><th>company</th><th>denial</th><th>assertion</th>\
         <th>first</th><th>reason</th></tr></thead>\n<tbody>\n",
    );
    for l in &t.links {
        let _ = writeln!(
            page,
            "<tr id=\"link-{id}\"><td class=\"num\">{id}</td><td>{actor}</td><td>{denial}</td><td>{assertion}</td>\
             <td>{first}</td><td>{reason}</td></tr>",
            id = l.id,
            actor = html_escape(&one_line(&l.denial.claim.actor)),
            denial = claim_cell(&l.denial),
            assertion = claim_cell(&l.assertion),
            first = l.first,
            reason = html_escape(&one_line(&l.reason)),
        );
    }
    page.push_str("</tbody>\n</table>\n");
}

#[cfg(test)]
mod tests {
    use super::super::testutil::{claim, link};
    use super::super::{write_timeline, TimelineFormat};
    use super::*;
    use crate::model::ContradictionRecord;
    use crate::model::Polarity::{Assertion, Denial};

    fn render(claims: &[ClaimRecord], links: &[ContradictionRecord], title: &str) -> String {
        let mut out = Vec::new();
        write_timeline(&mut out, claims, links, TimelineFormat::Html, title).expect("Vec writes cannot fail");
        String::from_utf8(out).expect("writers emit UTF-8")
    }

    /// Claims about `actors` (one each, alternating polarity), the first two linked.
    fn dataset(actors: &[&str]) -> (Vec<ClaimRecord>, Vec<ContradictionRecord>) {
        let claims: Vec<ClaimRecord> = actors
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let pol = if i % 2 == 0 { Denial } else { Assertion };
                let mut c = claim(
                    i as i64 + 1,
                    &format!("{}-0{}", 2015 + i % 4, 1 + i % 9),
                    pol,
                    "Some words.",
                );
                c.claim.actor = a.to_string();
                c
            })
            .collect();
        let links = if claims.len() >= 2 {
            vec![link(1, claims[0].clone(), claims[1].clone())]
        } else {
            vec![]
        };
        (claims, links)
    }

    #[test]
    fn escapes_all_article_text() {
        let evil = "<script>alert(1)</script> \"onload=alert(2) 'x'";
        let mut c = claim(1, "2018-04-10", Denial, evil);
        c.article_title = Some(evil.to_string());
        c.claim.actor = evil.to_string();
        c.claim.speaker = Some(evil.to_string());
        c.outlet = Some(evil.to_string());
        c.article_url = Some("https://example.org/\"onload=alert(3)<script>alert(4)</script>".to_string());
        let mut d = claim(2, "2018-12", Assertion, "Fine.");
        d.article_url = Some("javascript:alert(5)".into());
        d.article_title = Some("Harmless".into());
        let l = ContradictionRecord {
            reason: evil.to_string(),
            ..link(3, c.clone(), d.clone())
        };
        let out = render(&[c, d], &[l], evil);
        assert!(!out.contains("<script"), "no raw script tag");
        assert!(!out.contains("\"onload"), "no attribute break-out");
        assert!(!out.contains("'x'"));
        assert!(out.contains("&lt;script&gt;alert(1)&lt;/script&gt; &quot;onload=alert(2) &#39;x&#39;"));
        assert!(!out.contains("href=\"javascript"), "only http(s) links");
        assert!(out.contains("Harmless (javascript:alert(5))"));
        // The escaped URL is still a link.
        assert!(out.contains("href=\"https://example.org/&quot;onload=alert(3)&lt;script&gt;"));
        // Self-contained: no external resources, no scripts.
        for bad in ["<script", "src=", "<link", "@import", "url("] {
            assert!(!out.contains(bad), "{bad}");
        }
    }

    #[test]
    fn draws_lanes_marks_and_links() {
        let (claims, links) = dataset(&["Zeta Corp", "Alpha Inc", "Zeta Corp"]);
        let out = render(&claims, &links, "Test");
        assert!(out.contains("<svg class=\"timeline\""));
        // Lanes alphabetical, one per actor.
        let alpha = out.find(">Alpha Inc</text>").expect("Alpha lane");
        let zeta = out.find(">Zeta Corp</text>").expect("Zeta lane");
        assert!(alpha < zeta);
        assert_eq!(out.matches("<title>Zeta Corp</title>").count(), 1);
        // Two denials (claims 1 and 3) as diamonds, one assertion as a circle, plus the legend's.
        assert_eq!(out.matches("<polygon").count(), 2 + 1);
        assert_eq!(out.matches("<circle").count(), 1 + 1);
        assert_eq!(out.matches("<g class=\"mark denial\">").count(), 2);
        assert_eq!(out.matches("<g class=\"mark assertion\">").count(), 1);
        // Each lane says what it holds; denials are drawn after (above) assertions.
        assert!(out.contains(">2 denials, 0 assertions</text>"), "{out}");
        assert!(out.contains(">0 denials, 1 assertion</text>"));
        assert!(out.rfind("mark assertion") < out.find("mark denial"));
        assert_eq!(out.matches("<g class=\"link\">").count(), 1);
        assert!(out.contains("<title>Contradiction #1: denial #1 is contradicted by assertion #2</title>"));
        // Year ticks 2015 to 2017.
        for y in ["2015", "2016", "2017"] {
            assert!(out.contains(&format!("fill=\"#444\">{y}</text>")), "{y}");
        }
        assert!(out.contains("<tr id=\"claim-3\">") && out.contains("<tr id=\"link-1\">"));
    }

    #[test]
    fn deterministic() {
        let (claims, links) = dataset(&["A", "B", "C", "A", "B"]);
        assert_eq!(render(&claims, &links, "T"), render(&claims, &links, "T"));
    }

    #[test]
    fn empty_and_undated() {
        let out = render(&[], &[], "Nothing");
        assert!(out.contains("No claims to show."));
        assert!(!out.contains("<svg"));
        assert!(out.ends_with("</html>\n"));

        let out = render(&[claim(1, "", Denial, "Undated words.")], &[], "T");
        assert!(!out.contains("<svg"));
        assert!(out.contains("nothing to plot"));
        assert!(out.contains("Undated words.") && out.contains(">undated<"));

        let out = render(
            &[
                claim(1, "", Denial, "Undated words."),
                claim(2, "2019", Assertion, "Dated."),
            ],
            &[],
            "T",
        );
        assert!(out.contains("<svg"));
        assert!(out.contains("1 claim without a date is listed below but not plotted"));
        assert_eq!(
            out.matches("<a href=\"#claim-").count(),
            1,
            "only the dated claim is plotted"
        );
    }

    #[test]
    fn lane_height_adapts() {
        fn check(n: usize, expected: f64) {
            assert_eq!(lane_height(n), expected, "{n} lanes");
        }
        check(1, 76.0);
        check(12, 60.0);
        check(40, 34.0);
        let names: Vec<String> = (0..40).map(|i| format!("Company {i:02}")).collect();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        let (claims, links) = dataset(&names);
        let out = render(&claims, &links, "Many");
        let height = (TOP + 40.0 * 34.0 + AXIS) as i64;
        assert!(
            out.contains(&format!("height=\"{height}\"")),
            "svg grows with lanes"
        );
    }
}
