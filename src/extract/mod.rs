//! HTML → main text and metadata. Pure: takes the page's HTML (and its URL when known), returns
//! a `Page`. Parses each page once: one `dom_query::Document` serves the metadata reader
//! (`meta`), our own paragraph-cluster extraction (`fallback`) and then dom_smoothie, which
//! consumes (and mutates) it last.
//!
//! Before dom_smoothie runs, `preclean` removes chrome that sits inside article containers
//! (captions, related-link lists, share and newsletter boxes, bylines, datelines); afterwards
//! short label paragraphs ("Advertisement", "Read more: ...") are dropped. `status` judges
//! whether the text is full, a teaser (`partial`) or empty.
//!
//! dom_smoothie's answer is kept unless it looks wrong: it failed, it is much shorter than the
//! page's visible paragraph text, or it is mostly login / paywall / cookie notices while our own
//! extraction found more. Short notice paragraphs are dropped from either answer, and `notice`
//! cuts the runs of chrome at either answer's edges; an answer that was only chrome (a video
//! page's prompts, an outdated-browser notice, an interstitial) counts as none.

mod fallback;
mod meta;
mod notice;
mod preclean;
mod prestrip;
mod status;
mod textdate;

pub use status::TextStatus;

use chrono::NaiveDate;
use dom_query::Document;
use dom_smoothie::{Config, ParsePolicy, Readability, TextMode};

/// What claimtrack sees in one page.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct Page {
    pub title: Option<String>,
    /// Main text, paragraphs separated by a blank line.
    pub text: String,
    /// How complete `text` is: `full`, `partial` (a teaser or far less than the page shows)
    /// or `empty`.
    pub text_status: TextStatus,
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

/// How deeply elements may nest in a page claimtrack reads: twice the depth at which browsers'
/// parsers stop nesting (Blink: 512). Deeper pages make the HTML parser slow (quadratic) and
/// the tree walks deep; they are refused by `check_depth` before parsing.
pub const MAX_NESTING: usize = 1024;

/// Refuses HTML whose elements nest deeper than `MAX_NESTING`, measured by the scan that cuts
/// unread markup before parsing (`prestrip::strip_markup_within`: elements whose end tag may
/// be left out, such as `p` and `li`, and void elements do not count; neither do comments,
/// the contents of `script`, `style` and other raw-text elements, nor elements cut whole).
/// The error says why, for the item's failure line. `extract_html_checked` makes the same
/// check on its way, without a separate scan.
pub fn check_depth(html: &str) -> Result<(), String> {
    let stripped = prestrip::strip_raw_text(html);
    match prestrip::strip_markup_within(&stripped, MAX_NESTING) {
        Some(_) => Ok(()),
        None => Err(too_deep()),
    }
}

fn too_deep() -> String {
    format!("HTML nested deeper than {MAX_NESTING} levels (not a page claimtrack reads)")
}

/// Void elements and elements whose end tag may be left out: they do not nest for
/// `check_depth`. `name` in any letter case.
fn void_or_optional_end(name: &[u8]) -> bool {
    // The longest of these names has 8 letters.
    let mut buf = [0u8; 8];
    let Some(lower) = buf.get_mut(..name.len()) else {
        return false;
    };
    lower.copy_from_slice(name);
    lower.make_ascii_lowercase();
    matches!(
        &*lower,
        b"area"
            | b"base"
            | b"br"
            | b"col"
            | b"embed"
            | b"hr"
            | b"img"
            | b"input"
            | b"link"
            | b"meta"
            | b"param"
            | b"source"
            | b"track"
            | b"wbr"
            | b"p"
            | b"li"
            | b"dt"
            | b"dd"
            | b"option"
            | b"optgroup"
            | b"tr"
            | b"td"
            | b"th"
            | b"thead"
            | b"tbody"
            | b"tfoot"
            | b"colgroup"
            | b"rb"
            | b"rt"
            | b"rtc"
            | b"rp"
            | b"html"
            | b"head"
            | b"body"
            | b"frame"
            | b"basefont"
            | b"bgsound"
            | b"keygen"
            | b"image"
    )
}

/// The page's dates alone, without the main text: the publication date with how it was found,
/// and the modification date (as `extract_html_at` finds them). For timing the date finder.
pub fn extract_dates(
    html: &str,
    url: Option<&str>,
    today: Option<NaiveDate>,
) -> (Option<(NaiveDate, String)>, Option<NaiveDate>) {
    let stripped = prestrip::strip_raw_text(html);
    let Some(lean) = prestrip::strip_markup_within(&stripped, MAX_NESTING) else {
        return (None, None);
    };
    let doc = Document::from(lean.as_ref());
    let m = meta::read(&doc, url, html, today);
    (m.published, m.modified)
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
    extract_checked(html, url, today).unwrap_or((Page::default(), TextSource::None))
}

/// `extract_html_at`, or the reason the page is refused (it nests deeper than `MAX_NESTING`;
/// the message is `check_depth`'s). `extract_html_at` gives an empty page instead.
pub fn extract_html_checked(html: &str, url: Option<&str>, today: Option<NaiveDate>) -> Result<Page, String> {
    extract_checked(html, url, today).map(|(page, _)| page)
}

fn extract_checked(
    html: &str,
    url: Option<&str>,
    today: Option<NaiveDate>,
) -> Result<(Page, TextSource), String> {
    let raw = html;
    let html = prestrip::strip_raw_text(raw);
    // What is parsed: also without comments, svg drawings and data attributes. The wall
    // marks are looked for in `html`, which still has them. The depth check is made on the
    // way (see `check_depth`).
    let lean = prestrip::strip_markup_within(&html, MAX_NESTING).ok_or_else(too_deep)?;
    let doc = Document::from(lean.as_ref());
    let m = meta::read(&doc, url, raw, today);
    let mut fb = fallback::extract(&doc);
    fb.text = notice::trim_edges(fb.text);
    // After the fallback has measured the page: chrome inside the article goes before
    // dom_smoothie reads the tree.
    preclean::clean(&doc);
    // Notices at the text's edges go; a reader's answer that was nothing but notices (the
    // page's chrome where no article is) counts as no answer.
    let readable = readability_text(doc, &lean)
        .map(notice::trim_edges)
        .filter(|t| !t.is_empty());
    let visible_chars = fb.visible_chars;
    let (text, source) = choose(readable, fb);
    let text_status = status::judge(&text, || status::has_wall(&html), visible_chars);
    let (published, published_method) = match m.published {
        Some((d, how)) => (Some(d), Some(how)),
        None => (None, None),
    };
    let page = Page {
        title: m.title,
        text,
        text_status,
        published,
        published_method,
        modified: m.modified,
        author: m.author,
        outlet: m.outlet,
        canonical_url: m.canonical_url,
        language: m.language,
    };
    Ok((page, source))
}

/// dom_smoothie's formatted main text, normalised to paragraphs separated by one blank line.
/// `None` when it fails, finds nothing, or panics on a malformed page (the fallback then
/// stands in, so one bad page never stops a batch).
///
/// One strict attempt runs on `doc` itself; only when it yields less than dom_smoothie's
/// character threshold are the looser attempts run (`relaxed_attempts`), on a fresh parse.
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
            strict => {
                let strict = strict.map(|a| (a, article_chars(&r.doc)));
                relaxed_attempts(strict, html, cfg, threshold)?
            }
        };
        Some(paragraphs(&article.text_content))
    });
    let text = std::panic::catch_unwind(run).ok().flatten()?;
    (!text.is_empty()).then_some(text)
}

/// What dom_smoothie's multi-attempt `parse` returns, given the result of its first (strict)
/// attempt with the article's character count: the first attempt, loosest last, whose
/// article reaches `threshold` characters (whitespace runs counted once), else the longest
/// (the earliest among equals). `parse` would run the strict attempt again and clone the tree
/// before each attempt; here the strict one is reused and the page is parsed once more for
/// the others, which are run only as far as needed.
fn relaxed_attempts(
    strict: Option<(dom_smoothie::Article, usize)>,
    html: &str,
    cfg: Config,
    threshold: usize,
) -> Option<dom_smoothie::Article> {
    if strict.as_ref().is_some_and(|(_, n)| *n >= threshold) {
        return strict.map(|(a, _)| a);
    }
    let mut best = strict;
    let doc = Document::from(html);
    preclean::clean(&doc);
    let mut pristine = Some(doc);
    let policies = [ParsePolicy::Moderate, ParsePolicy::Clean, ParsePolicy::Raw];
    for (k, policy) in policies.into_iter().enumerate() {
        // The last attempt takes the tree itself; the others a copy.
        let doc = if k + 1 < policies.len() {
            pristine.as_ref()?.clone()
        } else {
            pristine.take()?
        };
        let mut r = Readability::with_document(doc, None, Some(cfg.clone())).ok()?;
        let Ok(a) = r.parse_with_policy(policy) else {
            continue;
        };
        let n = article_chars(&r.doc);
        if n >= threshold {
            return Some(a);
        }
        if best.as_ref().is_none_or(|(_, m)| n > *m) {
            best = Some((a, n));
        }
    }
    best.map(|(a, _)| a)
}

/// Characters of the article dom_smoothie extracted into its document (the element with its
/// content id), whitespace runs counted once: the length its multi-attempt `parse` compares.
fn article_chars(doc: &Document) -> usize {
    doc.select_single("#readability-page-1")
        .nodes()
        .first()
        .map_or(0, |n| n.normalized_char_count())
}

/// Splits on blank lines, collapses whitespace inside each paragraph (single newlines become
/// spaces unless they separate list items), drops notice paragraphs, joins with a blank line.
/// Also drops repeats of an earlier paragraph (gallery captions, duplicated teasers).
fn paragraphs(text: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for block in text.split("\n\n") {
        let mut p = String::new();
        for line in block.lines().map(meta::clean).filter(|l| !l.is_empty()) {
            if p.is_empty() {
                p = line;
            } else {
                p.push('\n');
                p.push_str(&line);
            }
        }
        if p.is_empty() {
            continue;
        }
        if !fallback::is_boilerplate_paragraph(&p)
            && !preclean::is_label_paragraph(&p)
            && seen.insert(p.clone())
        {
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
        fb_len > rd_len && fallback::chrome_share(&rd) > 0.5 && fallback::chrome_share(&fb.text) < 0.5;
    if too_short || notice {
        (fb.text, TextSource::Fallback)
    } else {
        (rd, TextSource::Readability)
    }
}

#[cfg(test)]
mod tests;
