//! HTML → main text and metadata. Pure: takes the page's HTML (and its URL when known), returns
//! a `Page`. Parses each page once: one `dom_query::Document` serves the metadata reader
//! (`meta`), our own paragraph-cluster extraction (`fallback`) and then dom_smoothie, which
//! consumes (and mutates) it last.
//!
//! dom_smoothie's answer is kept unless it looks wrong: it failed, it is much shorter than the
//! page's visible paragraph text, or it is mostly login / paywall / cookie notices while our own
//! extraction found more. Short notice paragraphs are dropped from either answer.

mod fallback;
mod meta;
mod prestrip;
mod textdate;

use chrono::NaiveDate;
use dom_query::Document;
use dom_smoothie::{Config, ParsePolicy, Readability, TextMode};

/// What claimtrack sees in one page.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct Page {
    pub title: Option<String>,
    /// Main text, paragraphs separated by a blank line.
    pub text: String,
    pub published: Option<NaiveDate>,
    /// How `published` was found, e.g. `json-ld`, `meta:article:published_time`, `url`.
    pub published_method: Option<String>,
    pub modified: Option<NaiveDate>,
    pub author: Option<String>,
    pub outlet: Option<String>,
    pub canonical_url: Option<String>,
    pub language: Option<String>,
}

/// Which extraction produced `Page::text` (for diagnostics and the benchmark example).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextSource {
    Readability,
    Fallback,
    None,
}

/// Extracts the main text and metadata of one page. No date after `today` is taken for the
/// publication or modification date (pass `None` when the day is unknown).
pub fn extract_html_at(html: &str, url: Option<&str>, today: Option<NaiveDate>) -> Page {
    extract_html_with_source(html, url, today).0
}

/// `extract_html_at` without a bound on dates.
pub fn extract_html(html: &str, url: Option<&str>) -> Page {
    extract_html_with_source(html, url, None).0
}

/// `extract_html_at`, also telling which extraction the text came from.
pub fn extract_html_with_source(
    html: &str,
    url: Option<&str>,
    today: Option<NaiveDate>,
) -> (Page, TextSource) {
    let raw = html;
    let html = prestrip::strip_raw_text(raw);
    let doc = Document::from(html.as_ref());
    let m = meta::read(&doc, url, raw, today);
    let fb = fallback::extract(&doc);
    let readable = readability_text(doc, &html);
    let (text, source) = choose(readable, fb);
    let (published, published_method) = match m.published {
        Some((d, how)) => (Some(d), Some(how)),
        None => (None, None),
    };
    let page = Page {
        title: m.title,
        text,
        published,
        published_method,
        modified: m.modified,
        author: m.author,
        outlet: m.outlet,
        canonical_url: m.canonical_url,
        language: m.language,
    };
    (page, source)
}

/// dom_smoothie's formatted main text, normalised to paragraphs separated by one blank line.
/// `None` when it fails, finds nothing, or panics on a malformed page (the fallback then
/// stands in, so one bad page never stops a batch).
///
/// One strict attempt runs on `doc` itself; only when it yields less than dom_smoothie's
/// character threshold is the page parsed again for its full sequence of looser attempts
/// (which is what `parse` does, but `parse` clones the tree before every attempt).
fn readability_text(doc: Document, html: &str) -> Option<String> {
    let cfg = Config {
        text_mode: TextMode::Formatted,
        // The metadata reader has already read the JSON-LD.
        disable_json_ld: true,
        ..Default::default()
    };
    let threshold = cfg.char_threshold;
    let run = std::panic::AssertUnwindSafe(move || {
        let mut r = Readability::with_document(doc, None, Some(cfg.clone())).ok()?;
        let strict = r.parse_with_policy(ParsePolicy::Strict).ok();
        let article = match strict {
            Some(a) if a.text_content.chars().count() >= threshold => a,
            _ => {
                let mut r = Readability::new(html, None, Some(cfg)).ok()?;
                r.parse().ok()?
            }
        };
        Some(paragraphs(&article.text_content))
    });
    let text = std::panic::catch_unwind(run).ok().flatten()?;
    (!text.is_empty()).then_some(text)
}

/// Splits on blank lines, collapses whitespace inside each paragraph (single newlines become
/// spaces unless they separate list items), drops notice paragraphs, joins with a blank line.
/// Also drops repeats of an earlier paragraph (gallery captions, duplicated teasers).
fn paragraphs(text: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for block in text.split("\n\n") {
        let lines: Vec<String> = block.lines().map(meta::clean).filter(|l| !l.is_empty()).collect();
        if lines.is_empty() {
            continue;
        }
        let p = lines.join("\n");
        if !fallback::is_boilerplate_paragraph(&p) && seen.insert(p.clone()) {
            out.push(p);
        }
    }
    out.join("\n\n")
}

fn choose(readable: Option<String>, fb: fallback::Fallback) -> (String, TextSource) {
    let fb_len = fb.text.chars().count();
    let Some(rd) = readable else {
        return if fb_len > 0 {
            (fb.text, TextSource::Fallback)
        } else {
            (String::new(), TextSource::None)
        };
    };
    let rd_len = rd.chars().count();
    // Much shorter than the page's paragraph text, and our cluster holds far more.
    let too_short = (rd_len as f64) < 0.25 * fb.visible_chars as f64 && fb_len > 2 * rd_len;
    // Mostly notices, and our cluster is longer and cleaner.
    let notice =
        fallback::chrome_share(&rd) > 0.5 && fb_len > rd_len && fallback::chrome_share(&fb.text) < 0.5;
    if too_short || notice {
        (fb.text, TextSource::Fallback)
    } else {
        (rd, TextSource::Readability)
    }
}

#[cfg(test)]
mod tests;
