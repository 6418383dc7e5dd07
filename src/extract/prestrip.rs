//! Cuts the bodies of `<script>` and `<style>` elements out of the raw HTML before it is
//! parsed. On news pages they are about half the bytes (inline bundles, JSON state, CSS), and
//! the HTML tokenizer, the tree and every later walk pay for them although no extraction step
//! reads them. JSON-LD scripts (`type="application/ld+json"`) are kept for the metadata reader.
//!
//! The scan follows the tokenizer's rule for these raw-text elements: the body ends at the
//! first `</script` (`</style`) followed by whitespace, `/` or `>`. An opening tag whose body
//! never closes is left alone. Pure.

use std::borrow::Cow;

/// The HTML with script (except JSON-LD) and style bodies removed; borrowed when there is none.
pub(crate) fn strip_raw_text(html: &str) -> Cow<'_, str> {
    let b = html.as_bytes();
    let mut out = String::new();
    let mut copied = 0; // bytes of `html` already handled (copied or skipped)
    let mut i = 0;
    while let Some(off) = memchr_lt(&b[i..]) {
        let lt = i + off;
        i = lt + 1;
        let Some(name) = raw_text_name(&b[lt + 1..]) else {
            continue;
        };
        let Some(gt) = memchr::memchr(b'>', &b[lt..]).map(|p| lt + p) else {
            break;
        };
        let body_start = gt + 1;
        let Some(end) = find_close(b, body_start, name) else {
            break;
        };
        i = end;
        let keep = name == b"script" && is_json_ld(&b[lt..gt]);
        if keep || end == body_start {
            continue;
        }
        if out.capacity() == 0 {
            // The output is never longer than the page: one allocation, no regrowth copies.
            out.reserve(html.len());
        }
        out.push_str(&html[copied..body_start]);
        copied = end;
    }
    if copied == 0 {
        return Cow::Borrowed(html);
    }
    out.push_str(&html[copied..]);
    Cow::Owned(out)
}

/// Markup that no extraction step reads, cut from HTML whose script and style bodies are
/// already gone (`strip_raw_text`): comments, `<nav>` elements (see `nav_region`), the
/// contents of chrome that both dom_smoothie's strict attempt and our fallback skip by its
/// `class` / `id` (`is_unlikely_chrome`, `unlikely_region`; the element stays, empty), emptied
/// `<script>` and `<style>` elements, `<link>` tags other than the canonical link, the
/// drawing inside inline `<svg>` icons (the element stays, empty), the contents of page
/// chrome (`<aside>`, and `<header>`, `<footer>` and `<form>` outside any `<article>` or
/// `<main>`; the element stays, empty; see `chrome_region`), and `data-*` attributes of
/// elements other than images and media (lazy-loading attributes there tell dom_smoothie
/// an image is real). On news pages this is about half of what is left after
/// `strip_raw_text`; the tokenizer, the tree and every walk pay for every byte and element.
///
/// Only what the HTML tokenizer would read the same way is cut: comments that close, `<svg>`
/// elements that close and hold no HTML element that would end them early, and attributes
/// of start tags that read plainly (quoted or unquoted values, no stray `<` or quote). The
/// contents of raw-text elements (`title`, `textarea`, `noscript`, …) are left alone.
/// Borrowed when nothing is cut.
#[cfg(test)]
pub(crate) fn strip_markup(html: &str) -> Cow<'_, str> {
    strip_markup_within(html, usize::MAX).unwrap_or(Cow::Borrowed(html))
}

/// `strip_markup`, measuring on the way how deeply the elements it leaves nest: `None` when
/// deeper than `max_depth`. Elements whose end tag may be left out and void elements do not
/// count (`super::void_or_optional_end`), nor do elements cut whole; an element that the
/// scan leaves to the tokenizer (an unusual start tag) counts as opened. Where the scan
/// stops early (a comment, raw-text element or tag that never ends, `<plaintext>`), the
/// tokenizer reads the rest as text: no element opens there.
pub(crate) fn strip_markup_within(html: &str, max_depth: usize) -> Option<Cow<'_, str>> {
    let b = html.as_bytes();
    let mut depth = 0usize;
    let mut out = String::new();
    let mut copied = 0;
    let mut i = 0;
    // Open `<article>` and `<main>` elements around the scan.
    let mut in_article = 0usize;
    // Open `<table>` and `<code>` elements (dom_smoothie never strips what sits in them), and
    // open `<a>` and `<button>` elements (a start tag inside can close them, and what they
    // hold with them).
    let mut in_table_code = 0usize;
    let mut in_a_button = 0usize;
    let mut in_form = 0usize;
    let mut scratch = Vec::new();
    let cut = |out: &mut String, copied: &mut usize, from: usize, to: usize| {
        if out.capacity() == 0 {
            out.reserve(html.len());
        }
        out.push_str(&html[*copied..from]);
        *copied = to;
    };
    while let Some(off) = memchr_lt(&b[i..]) {
        let lt = i + off;
        i = lt + 1;
        let rest = &b[lt + 1..];
        if rest.starts_with(b"!--") {
            let Some(end) = comment_end(b, lt + 4) else {
                break;
            };
            cut(&mut out, &mut copied, lt, end);
            i = end;
            continue;
        }
        if let Some(end_name) = rest.strip_prefix(b"/") {
            let n = end_name.iter().take_while(|&&c| !is_tag_name_end(c)).count();
            let end_name = &end_name[..n];
            if is_article_tag(end_name) {
                in_article = in_article.saturating_sub(1);
            }
            if is_table_or_code(end_name) {
                in_table_code = in_table_code.saturating_sub(1);
            }
            if is_a_or_button(end_name) {
                in_a_button = in_a_button.saturating_sub(1);
            }
            if end_name.eq_ignore_ascii_case(b"form") {
                in_form = in_form.saturating_sub(1);
            }
            if end_name.first().is_some_and(u8::is_ascii_alphabetic) && !super::void_or_optional_end(end_name)
            {
                depth = depth.saturating_sub(1);
            }
            continue;
        }
        // A start tag: a letter, then the name up to whitespace, `/` or `>`.
        if !rest.first().is_some_and(u8::is_ascii_alphabetic) {
            continue;
        }
        let name_len = rest.iter().take_while(|&&c| !is_tag_name_end(c)).count();
        if name_len == rest.len() {
            break;
        }
        let name = &rest[..name_len];
        let nests = !super::void_or_optional_end(name);
        let Some(tag) = start_tag(b, lt + 1 + name_len) else {
            // Left to the tokenizer, which opens the element all the same.
            if nests {
                depth += 1;
                if depth > max_depth {
                    return None;
                }
            }
            continue;
        };
        if let Some(close_name) = RAW_TEXT.iter().find(|r| name.eq_ignore_ascii_case(r.as_bytes())) {
            if name.eq_ignore_ascii_case(b"plaintext") {
                break;
            }
            let Some(close) = find_close(b, tag.end, close_name.as_bytes()) else {
                break;
            };
            i = close;
            // A script (not JSON-LD) or style element emptied by `strip_raw_text` goes whole:
            // dom_smoothie removes them first thing, and no other step reads them.
            let emptied = close == tag.end
                && (*close_name == "style" || (*close_name == "script" && !is_json_ld(&b[lt..tag.end])));
            if emptied {
                if let Some(gt) = memchr::memchr(b'>', &b[close..]) {
                    cut(&mut out, &mut copied, lt, close + gt + 1);
                    i = close + gt + 1;
                    continue;
                }
            }
            // Its end tag, where the scan goes on, closes it again.
            depth += 1;
            if depth > max_depth {
                return None;
            }
            continue;
        }
        // `<link>` tags other than the canonical link (style sheets, preloads, icons,
        // alternates): only the canonical one is read.
        if name.eq_ignore_ascii_case(b"link") && !tag.rel_canonical {
            cut(&mut out, &mut copied, lt, tag.end);
            i = tag.end;
            continue;
        }
        if name.eq_ignore_ascii_case(b"nav") {
            if let Some(region) = nav_region(b, tag.end) {
                if out.capacity() == 0 {
                    out.reserve(html.len());
                }
                out.push_str(&html[copied..lt]);
                for &(from, to) in &region.keep {
                    out.push_str(&html[from..to]);
                }
                copied = region.end;
                i = region.end;
                continue;
            }
        }
        if is_article_tag(name) {
            in_article += 1;
        }
        if is_chrome_tag(name, in_article > 0) {
            if let Some(region) = chrome_region(b, tag.end, name, &mut scratch) {
                // The element stays, empty (with the meta tags and JSON-LD it held): its
                // siblings keep their places and counts.
                if out.capacity() == 0 {
                    out.reserve(html.len());
                }
                out.push_str(&html[copied..tag.end]);
                for &(from, to) in &region.keep {
                    out.push_str(&html[from..to]);
                }
                copied = region.close;
                i = region.end;
                continue;
            }
        }
        if in_table_code == 0
            && in_a_button == 0
            && !tag.self_closing
            && is_unlikely_root(name)
            && is_unlikely_chrome(b, &tag)
        {
            if let Some(region) = unlikely_region(b, tag.end, name, in_form > 0, &mut scratch) {
                // Emptied as the chrome elements are: the element stays, with its meta tags.
                if out.capacity() == 0 {
                    out.reserve(html.len());
                }
                out.push_str(&html[copied..tag.end]);
                for &(from, to) in &region.keep {
                    out.push_str(&html[from..to]);
                }
                copied = region.close;
                i = region.end;
                continue;
            }
        }
        if !tag.self_closing {
            if is_table_or_code(name) {
                in_table_code += 1;
            }
            if is_a_or_button(name) {
                in_a_button += 1;
            }
            if name.eq_ignore_ascii_case(b"form") {
                in_form += 1;
            }
        }
        // The element opens (its end tag, met later, closes it), unless it is void or written
        // self-closing.
        if nests && !tag.self_closing {
            depth += 1;
            if depth > max_depth {
                return None;
            }
        }
        let media = MEDIA.iter().any(|m| name.eq_ignore_ascii_case(m.as_bytes()));
        if !media {
            for &(from, to) in tag.data_attrs.iter() {
                cut(&mut out, &mut copied, from, to);
            }
        }
        i = tag.end;
        if name.eq_ignore_ascii_case(b"svg") && !tag.self_closing {
            if let Some(close) = svg_close(b, tag.end) {
                if close > tag.end {
                    cut(&mut out, &mut copied, tag.end, close);
                }
                i = close;
            }
        }
    }
    if copied == 0 {
        return Some(Cow::Borrowed(html));
    }
    out.push_str(&html[copied..]);
    Some(Cow::Owned(out))
}

/// A `<nav>` element as cut by `strip_markup`, or the contents of a chrome element.
struct NavRegion {
    /// Where its end tag starts.
    close: usize,
    /// Just after its end tag.
    end: usize,
    /// The `<meta>` tags and JSON-LD scripts inside it, kept for the metadata reader.
    keep: Vec<(usize, usize)>,
}

/// Page chrome emptied before parsing when it sits outside any `<article>` or `<main>`: the
/// site's header and footer, and forms (search boxes, newsletter sign-ups, logins). `aside`
/// is emptied wherever it is. Their contents are never article text: the fallback skips
/// them, preclean removes every aside before dom_smoothie reads the tree, and the metadata
/// reader skips asides and footers outside an article. What the metadata reader takes from
/// anywhere keeps the element whole (see `chrome_region`).
const OUTER_CHROME: &[&str] = &["header", "footer", "form"];

fn is_article_tag(name: &[u8]) -> bool {
    matches!(name.first(), Some(b'a' | b'A' | b'm' | b'M'))
        && (name.eq_ignore_ascii_case(b"article") || name.eq_ignore_ascii_case(b"main"))
}

/// Whether a start tag of `name` begins chrome that `strip_markup` empties, given whether
/// an article or main element is open.
fn is_chrome_tag(name: &[u8], in_article: bool) -> bool {
    match name.first() {
        Some(b'a' | b'A') => name.eq_ignore_ascii_case(b"aside"),
        Some(b'h' | b'H' | b'f' | b'F') if !in_article => OUTER_CHROME
            .iter()
            .any(|c| name.eq_ignore_ascii_case(c.as_bytes())),
        _ => false,
    }
}

/// Automata for `CHROME_GUARDS` and for the class-name parts under which the metadata reader
/// looks for a date line (`meta::DATE_MARKS`), built once. Each answers "does any occur" in
/// one pass over the lower-cased contents (a vectorised literal prefilter for this few
/// patterns), where one search per pattern made 27 passes.
static GUARD_FINDERS: std::sync::LazyLock<(aho_corasick::AhoCorasick, aho_corasick::AhoCorasick)> =
    std::sync::LazyLock::new(|| {
        let build = |list: &[&str]| {
            aho_corasick::AhoCorasick::builder()
                .match_kind(aho_corasick::MatchKind::LeftmostFirst)
                .build(list)
                .expect("the chrome guards and date marks are plain literals")
        };
        (build(CHROME_GUARDS), build(super::meta::DATE_MARKS))
    });

/// Marks (in lower case) that keep a chrome element whole: what the metadata reader takes
/// from anywhere on the page (headline, `<time>`, authors, microdata) and what dom_smoothie
/// reads for its title and byline.
const CHROME_GUARDS: &[&str] = &[
    "<h1",
    "<article",
    "<main",
    "<time",
    "datetime",
    "rel=author",
    "rel=\"author\"",
    "rel='author'",
    "itemprop",
    "pubdate",
    "byline",
    "author",
    "published",
];

/// The chrome element `name` whose start tag ends at `from`, up to its matching end tag
/// (nested elements of the same name counted). `None` (the element is kept whole) when it
/// never closes, holds something that does not read plainly, nests a `<form>` in a form
/// (the parser ignores the inner one), or holds any of `CHROME_GUARDS`, or a year with one
/// of `meta::DATE_MARKS` (a date line). `scratch` is a buffer for the lower-cased contents.
fn chrome_region(b: &[u8], from: usize, name: &[u8], scratch: &mut Vec<u8>) -> Option<NavRegion> {
    let region = element_region(b, from, name, name.eq_ignore_ascii_case(b"form"))?;
    scratch.clear();
    scratch.extend_from_slice(&b[from..region.close]);
    scratch.make_ascii_lowercase();
    let (chrome_guards, date_guards) = &*GUARD_FINDERS;
    if chrome_guards.is_match(scratch.as_slice()) {
        return None;
    }
    if has_year(scratch) && date_guards.is_match(scratch.as_slice()) {
        return None;
    }
    Some(region)
}

/// Whether the bytes hold a number of four digits from 1900 to 2099 standing alone.
fn has_year(b: &[u8]) -> bool {
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    let mut i = 0;
    while let Some(off) = memchr::memchr2(b'1', b'2', &b[i..]) {
        let p = i + off;
        i = p + 1;
        let century = matches!((b[p], b.get(p + 1)), (b'1', Some(b'9')) | (b'2', Some(b'0')));
        if century && digit(p + 2) && digit(p + 3) && !digit(p + 4) && (p == 0 || !digit(p - 1)) {
            return true;
        }
    }
    false
}

/// Class and id parts under which dom_smoothie's strict attempt removes an element unvisited
/// ("unlikely candidates"), and the parts that save it. Its lists, restated.
const UNLIKELY_MARKS: &[&str] = &[
    "-ad-",
    "ai2html",
    "banner",
    "breadcrumbs",
    "combx",
    "comment",
    "community",
    "cover-wrap",
    "disqus",
    "extra",
    "footer",
    "gdpr",
    "header",
    "legends",
    "menu",
    "related",
    "remark",
    "replies",
    "rss",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "social",
    "sponsor",
    "supplemental",
    "ad-break",
    "agegate",
    "pagination",
    "pager",
    "popup",
    "yom-remote",
];
const MAYBE_MARKS: &[&str] = &[
    "and", "article", "body", "column", "content", "layout", "main", "mathjax", "shadow",
];

static UNLIKELY_FINDERS: std::sync::LazyLock<(aho_corasick::AhoCorasick, aho_corasick::AhoCorasick)> =
    std::sync::LazyLock::new(|| {
        let build = |list: &[&str]| {
            aho_corasick::AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .build(list)
                .expect("the unlikely and maybe marks are plain literals")
        };
        (build(UNLIKELY_MARKS), build(MAYBE_MARKS))
    });

/// Block elements that may be emptied as unlikely chrome: none of them can sit inside an open
/// `<p>` (their start tag closes it), so no start tag inside them can close them early.
fn is_unlikely_root(name: &[u8]) -> bool {
    const ROOTS: &[&str] = &[
        "div",
        "section",
        "ul",
        "ol",
        "dl",
        "figure",
        "details",
        "fieldset",
        "blockquote",
        "footer",
        "header",
        "menu",
    ];
    ROOTS.iter().any(|r| name.eq_ignore_ascii_case(r.as_bytes()))
}

fn is_table_or_code(name: &[u8]) -> bool {
    name.eq_ignore_ascii_case(b"table") || name.eq_ignore_ascii_case(b"code")
}

fn is_a_or_button(name: &[u8]) -> bool {
    name.eq_ignore_ascii_case(b"a") || name.eq_ignore_ascii_case(b"button")
}

/// Whether an element's `class` and `id` make it chrome for both readers of the page's text:
/// dom_smoothie's strict attempt removes it unvisited (an unlikely part and no saving part, in
/// either value), and our fallback skips it (`fallback::SKIP_FINDER`). Values holding a
/// character reference, and repeated attributes, are left alone.
fn is_unlikely_chrome(b: &[u8], tag: &StartTag) -> bool {
    if tag.repeated_mark || (tag.class.is_none() && tag.id.is_none()) {
        return false;
    }
    let values = [tag.class, tag.id].map(|r| r.map_or(&b[..0], |(f, t)| &b[f..t]));
    if values.iter().any(|v| v.contains(&b'&')) {
        return false;
    }
    let (unlikely, maybe) = &*UNLIKELY_FINDERS;
    values.iter().any(|v| unlikely.is_match(*v))
        && !values.iter().any(|v| maybe.is_match(*v))
        && values.iter().any(|v| super::fallback::SKIP_FINDER.is_match(*v))
}

/// An unlikely-chrome element whose start tag ends at `from`, up to its end tag, when the
/// parser is sure to close it there: every element inside is closed in order by its own end
/// tag or by what the parser closes by itself (an open `p`, `li`, `option`, … before another
/// end tag or a block start tag; an `li` before the next `li` of the same list), with no
/// `<li>`, `<dd>` or `<dt>` outside its list, no nested `<a>`, `<button>` or form, no form
/// inside a form (`in_form`: one is open around the element), no select, template, svg,
/// math, body or frame markup and no bogus comment. And nothing in it that the metadata
/// reader or dom_smoothie's title check may take (`CHROME_GUARDS`, an `<h2>`, any year).
/// `None` otherwise: the element is kept whole.
fn unlikely_region(
    b: &[u8],
    from: usize,
    name: &[u8],
    in_form: bool,
    scratch: &mut Vec<u8>,
) -> Option<NavRegion> {
    // Open elements inside, with their kinds (`kinds`), the element itself at the bottom.
    let mut stack: Vec<(&[u8], u32)> = vec![(name, kinds(name))];
    let mut keep = Vec::new();
    let mut i = from;
    let region = loop {
        let lt = i + memchr_lt(&b[i..])?;
        i = lt + 1;
        let rest = &b[lt + 1..];
        if rest.starts_with(b"!--") {
            i = comment_end(b, lt + 4)?;
            continue;
        }
        let (closing, rest) = match rest.first() {
            Some(b'/') => (true, &rest[1..]),
            Some(c) if c.is_ascii_alphabetic() => (false, rest),
            Some(b'!' | b'?') => return None,
            _ => continue,
        };
        if closing && !rest.first().is_some_and(u8::is_ascii_alphabetic) {
            return None;
        }
        let name_len = rest.iter().take_while(|&&c| !is_tag_name_end(c)).count();
        if name_len == rest.len() {
            return None;
        }
        let tag_name = &rest[..name_len];
        let kind = kinds(tag_name);
        if closing {
            if kind & K_VOID != 0 {
                return None;
            }
            // The parser's implied end tags (`p`, `li`, `option`, …) close first.
            while stack.len() > 1 && {
                let (top, k) = *stack.last()?;
                k & K_IMPLIED != 0 && !top.eq_ignore_ascii_case(tag_name)
            } {
                stack.pop();
            }
            if !stack.last()?.0.eq_ignore_ascii_case(tag_name) {
                return None;
            }
            stack.pop();
            if stack.is_empty() {
                let end = lt + memchr::memchr(b'>', &b[lt..])? + 1;
                break NavRegion { close: lt, end, keep };
            }
            i = lt + 1 + 1 + name_len;
            continue;
        }
        let tag = start_tag(b, lt + 1 + name_len)?;
        if kind & K_REFUSED != 0 {
            return None;
        }
        // A form inside a form is dropped by the parser (and its end tag closes the outer).
        if kind & K_FORM != 0 && (in_form || stack.iter().any(|s| s.1 & K_FORM != 0)) {
            return None;
        }
        // What the parser closes on its own at this start tag, followed where it stays
        // inside the element; anything else is left to the parser (the element kept).
        if kind & K_CLOSES_P != 0 {
            if stack.len() > 1 && stack.last()?.1 & K_P != 0 {
                stack.pop();
            } else if stack.iter().any(|s| s.1 & K_P != 0) {
                return None;
            }
            if kind & K_HEADING != 0 && stack.last()?.1 & K_HEADING != 0 {
                return None;
            }
        }
        if kind & (K_LI | K_DD_DT | K_OPTIONS) != 0 {
            let same = if kind & K_LI != 0 {
                K_LI
            } else if kind & K_DD_DT != 0 {
                K_DD_DT
            } else {
                K_OPTION
            };
            if stack.len() > 1 && stack.last()?.1 & same != 0 {
                stack.pop();
            }
            let parent = stack.last()?.1;
            let fits = if kind & K_LI != 0 {
                parent & K_LIST != 0
            } else if kind & K_DD_DT != 0 {
                parent & K_DL != 0
            } else {
                parent & K_OPTION == 0
            };
            if !fits {
                return None;
            }
        }
        if kind & K_A_BUTTON != 0 && stack.iter().any(|s| s.0.eq_ignore_ascii_case(tag_name)) {
            return None;
        }
        if kind & K_META != 0 {
            keep.push((lt, tag.end));
        }
        if kind & K_RAW != 0 {
            let close = find_close(b, tag.end, tag_name)?;
            let close_end = close + memchr::memchr(b'>', &b[close..])? + 1;
            if kind & K_SCRIPT != 0 && is_json_ld(&b[lt..tag.end]) {
                keep.push((lt, close_end));
            }
            i = close_end;
            continue;
        }
        if kind & K_VOID != 0 {
            i = tag.end;
            continue;
        }
        if tag.self_closing {
            // `<div/>` opens a div in HTML.
            return None;
        }
        stack.push((tag_name, kind));
        i = tag.end;
    };
    scratch.clear();
    scratch.extend_from_slice(&b[from..region.close]);
    scratch.make_ascii_lowercase();
    let (chrome_guards, _) = &*GUARD_FINDERS;
    if chrome_guards.is_match(scratch.as_slice()) || memchr::memmem::find(scratch, b"<h2").is_some() {
        return None;
    }
    // Any year, not only one under a date mark: the date-line search's last resort is the
    // first date in any text outside what it takes for chrome, and that may be in here.
    if has_year(scratch) {
        return None;
    }
    Some(region)
}

// What `unlikely_region` needs to know of an element name (`kinds`), as bits.
/// Void: no end tag, no contents.
const K_VOID: u32 = 1;
/// Closed by the parser before an end tag of another element ("implied end tags").
const K_IMPLIED: u32 = 1 << 1;
/// Its start tag closes an open `<p>` first.
const K_CLOSES_P: u32 = 1 << 2;
const K_HEADING: u32 = 1 << 3;
/// Markup the scan leaves to the parser (the element around it is kept).
const K_REFUSED: u32 = 1 << 4;
const K_FORM: u32 = 1 << 5;
const K_P: u32 = 1 << 6;
const K_LI: u32 = 1 << 7;
const K_DD_DT: u32 = 1 << 8;
/// `option` and `optgroup`.
const K_OPTIONS: u32 = 1 << 9;
/// `option` itself.
const K_OPTION: u32 = 1 << 10;
/// `ul`, `ol`, `menu`: where an `li` belongs.
const K_LIST: u32 = 1 << 11;
const K_DL: u32 = 1 << 12;
const K_A_BUTTON: u32 = 1 << 13;
const K_META: u32 = 1 << 14;
/// Raw text (see `RAW_TEXT`).
const K_RAW: u32 = 1 << 15;
const K_SCRIPT: u32 = 1 << 16;

/// The kinds of an element name (any letter case), looked up once per tag.
fn kinds(name: &[u8]) -> u32 {
    let mut buf = [0u8; 10];
    let Some(lower) = buf.get_mut(..name.len()) else {
        return 0;
    };
    lower.copy_from_slice(name);
    lower.make_ascii_lowercase();
    match &*lower {
        b"area" | b"base" | b"br" | b"col" | b"embed" | b"img" | b"input" | b"link" | b"param"
        | b"source" | b"track" | b"wbr" | b"basefont" | b"bgsound" | b"keygen" => K_VOID,
        b"hr" => K_VOID | K_CLOSES_P,
        b"meta" => K_VOID | K_META,
        b"p" => K_P | K_IMPLIED | K_CLOSES_P,
        b"li" => K_LI | K_IMPLIED | K_CLOSES_P,
        b"dd" | b"dt" => K_DD_DT | K_IMPLIED | K_CLOSES_P,
        b"option" => K_OPTIONS | K_OPTION | K_IMPLIED,
        b"optgroup" => K_OPTIONS | K_IMPLIED,
        b"rb" | b"rp" | b"rt" | b"rtc" => K_IMPLIED,
        b"ul" | b"ol" | b"menu" => K_LIST | K_CLOSES_P,
        b"dl" => K_DL | K_CLOSES_P,
        b"h1" | b"h2" | b"h3" | b"h4" | b"h5" | b"h6" => K_HEADING | K_CLOSES_P,
        b"address" | b"article" | b"aside" | b"blockquote" | b"center" | b"details" | b"dialog" | b"dir"
        | b"div" | b"fieldset" | b"figcaption" | b"figure" | b"footer" | b"header" | b"hgroup" | b"main"
        | b"nav" | b"search" | b"section" | b"summary" | b"pre" | b"listing" => K_CLOSES_P,
        b"xmp" => K_CLOSES_P | K_RAW,
        b"script" => K_RAW | K_SCRIPT,
        b"style" | b"title" | b"textarea" | b"iframe" | b"noembed" | b"noframes" | b"noscript" => K_RAW,
        b"body" | b"html" | b"head" | b"frameset" | b"frame" | b"svg" | b"math" | b"image" | b"isindex"
        | b"plaintext" | b"select" | b"template" => K_REFUSED,
        b"form" => K_FORM,
        b"a" | b"button" => K_A_BUTTON,
        _ => 0,
    }
}

/// The `<nav>` whose start tag ends at `from`, up to its matching `</nav>` (nested navs
/// counted). Navigation is never article text: preclean, the fallback and the date-line
/// search all skip it. `None` (the nav is kept) when it never closes, holds something that
/// does not read plainly, or holds what the metadata reader takes from anywhere on the page
/// (a `rel=author` link, a `pubdate` time, an `h1`).
fn nav_region(b: &[u8], from: usize) -> Option<NavRegion> {
    let region = element_region(b, from, b"nav", false)?;
    let inside = &b[from..region.end];
    let holds = |p: &[u8]| memchr::memmem::find(inside, p).is_some();
    if holds(b"rel=\"author\"")
        || holds(b"rel='author'")
        || holds(b"rel=author")
        || holds(b"pubdate")
        || holds(b"<h1")
        || holds(b"<H1")
    {
        return None;
    }
    Some(region)
}

/// The element `name` whose start tag ends at `from`, up to its matching end tag (nested
/// elements of that name counted), with the meta tags and JSON-LD scripts inside it. `None`
/// when it never closes, holds something that does not read plainly, or (with
/// `no_nesting`) holds another start tag of its name.
fn element_region(b: &[u8], from: usize, name: &[u8], no_nesting: bool) -> Option<NavRegion> {
    let mut depth = 1usize;
    let mut keep = Vec::new();
    let mut i = from;
    while let Some(off) = memchr_lt(&b[i..]) {
        let lt = i + off;
        i = lt + 1;
        let rest = &b[lt + 1..];
        if rest.starts_with(b"!--") {
            i = comment_end(b, lt + 4)?;
            continue;
        }
        let (closing, rest) = match rest.first() {
            Some(b'/') => (true, &rest[1..]),
            Some(c) if c.is_ascii_alphabetic() => (false, rest),
            _ => continue,
        };
        let name_len = rest.iter().take_while(|&&c| !is_tag_name_end(c)).count();
        if name_len == rest.len() {
            return None;
        }
        let tag_name = &rest[..name_len];
        if closing {
            if tag_name.eq_ignore_ascii_case(name) {
                depth -= 1;
                if depth == 0 {
                    let end = lt + memchr::memchr(b'>', &b[lt..])? + 1;
                    return Some(NavRegion { close: lt, end, keep });
                }
            }
            continue;
        }
        let name_end = lt + 1 + name_len;
        let tag = start_tag(b, name_end)?;
        if tag_name.eq_ignore_ascii_case(name) {
            if no_nesting {
                return None;
            }
            depth += 1;
        } else if tag_name.eq_ignore_ascii_case(b"meta") {
            keep.push((lt, tag.end));
        } else if let Some(raw) = RAW_TEXT
            .iter()
            .find(|r| tag_name.eq_ignore_ascii_case(r.as_bytes()))
        {
            if *raw == "plaintext" {
                return None;
            }
            let close = find_close(b, tag.end, raw.as_bytes())?;
            let close_end = close + memchr::memchr(b'>', &b[close..])? + 1;
            if *raw == "script" && is_json_ld(&b[lt..tag.end]) {
                keep.push((lt, close_end));
            }
            i = close_end;
            continue;
        }
        i = tag.end;
    }
    None
}

/// Elements whose contents the tokenizer reads as text, not markup (with scripting on, as
/// the parser runs): nothing inside them is cut. (`script` and `style` bodies are gone.)
const RAW_TEXT: &[&str] = &[
    "script",
    "style",
    "title",
    "textarea",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "noscript",
    "plaintext",
];

/// Elements that keep their `data-*` attributes: images and media (dom_smoothie reads
/// `data-src`, `data-srcset` and any attribute naming an image file).
const MEDIA: &[&str] = &[
    "img", "picture", "source", "figure", "video", "audio", "iframe", "embed", "object", "input",
];

/// HTML elements that end an `<svg>` early when they appear inside it (the parser's
/// breakout list for foreign content; `font` too, with some attributes).
const SVG_BREAKOUT: &[&str] = &[
    "b",
    "big",
    "blockquote",
    "body",
    "br",
    "center",
    "code",
    "dd",
    "div",
    "dl",
    "dt",
    "em",
    "embed",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "hr",
    "i",
    "img",
    "li",
    "listing",
    "menu",
    "meta",
    "nobr",
    "ol",
    "p",
    "pre",
    "ruby",
    "s",
    "small",
    "span",
    "strong",
    "strike",
    "sub",
    "sup",
    "table",
    "tt",
    "u",
    "ul",
    "var",
    "font",
];

/// Where a comment whose `<!--` ends just before `from` ends (after its `-->` or `--!>`); an
/// abrupt `<!-->` or `<!--->` ends at once. `None` when it never closes.
fn comment_end(b: &[u8], from: usize) -> Option<usize> {
    let rest = b.get(from..)?;
    if rest.starts_with(b">") {
        return Some(from + 1);
    }
    if rest.starts_with(b"->") {
        return Some(from + 2);
    }
    let mut i = from;
    loop {
        let p = i + memchr::memmem::find(&b[i..], b"--")?;
        match b.get(p + 2) {
            Some(b'>') => return Some(p + 3),
            Some(b'!') if b.get(p + 3) == Some(&b'>') => return Some(p + 4),
            _ => i = p + 1,
        }
    }
}

/// A start tag as read from just after its name.
struct StartTag {
    /// Just after its `>`.
    end: usize,
    self_closing: bool,
    /// Byte ranges of its `data-*` attributes, each with the whitespace before it.
    data_attrs: Vec<(usize, usize)>,
    /// It has `rel=canonical` (any letter case, quoted or not).
    rel_canonical: bool,
    /// Byte ranges of the values of its first `class` and first `id` attribute.
    class: Option<(usize, usize)>,
    id: Option<(usize, usize)>,
    /// A second `class` or `id` attribute (the parser keeps the first).
    repeated_mark: bool,
}

/// Reads the attributes of a start tag from `from` (just after the tag name) to its `>`, as
/// the tokenizer does. `None` for anything unusual (a `<` or quote where none belongs, no
/// `>`): such a tag is left as it is.
fn start_tag(b: &[u8], from: usize) -> Option<StartTag> {
    let mut i = from;
    let mut data_attrs = Vec::new();
    let mut self_closing = false;
    let mut rel_canonical = false;
    let (mut class, mut id, mut repeated_mark) = (None, None, false);
    loop {
        let ws_start = i;
        while b.get(i).is_some_and(|c| c.is_ascii_whitespace() || *c == b'/') {
            self_closing = b[i] == b'/';
            i += 1;
        }
        match *b.get(i)? {
            b'>' => {
                return Some(StartTag {
                    end: i + 1,
                    self_closing,
                    data_attrs,
                    rel_canonical,
                    class,
                    id,
                    repeated_mark,
                })
            }
            b'<' | b'"' | b'\'' | b'=' => return None,
            _ => {}
        }
        self_closing = false;
        let name_start = i;
        while b
            .get(i)
            .is_some_and(|c| !c.is_ascii_whitespace() && !matches!(c, b'/' | b'>' | b'='))
        {
            if matches!(b[i], b'<' | b'"' | b'\'') {
                return None;
            }
            i += 1;
        }
        let name = &b[name_start..i];
        let mut j = i;
        while b.get(j).is_some_and(u8::is_ascii_whitespace) {
            j += 1;
        }
        if b.get(j) == Some(&b'=') {
            j += 1;
            while b.get(j).is_some_and(u8::is_ascii_whitespace) {
                j += 1;
            }
            let (value, start) = match *b.get(j)? {
                q @ (b'"' | b'\'') => {
                    let start = j + 1;
                    j = start + memchr::memchr(q, b.get(start..)?)?;
                    let value = &b[start..j];
                    j += 1;
                    (value, start)
                }
                b'>' => return None,
                _ => {
                    let start = j;
                    while b.get(j).is_some_and(|c| !c.is_ascii_whitespace() && *c != b'>') {
                        if matches!(b[j], b'<' | b'"' | b'\'' | b'=' | b'`') {
                            return None;
                        }
                        j += 1;
                    }
                    (&b[start..j], start)
                }
            };
            for (key, slot) in [(&b"class"[..], &mut class), (&b"id"[..], &mut id)] {
                if name.eq_ignore_ascii_case(key) {
                    if slot.is_some() {
                        repeated_mark = true;
                    } else {
                        *slot = Some((start, start + value.len()));
                    }
                }
            }
            if name.eq_ignore_ascii_case(b"rel") && value.eq_ignore_ascii_case(b"canonical") {
                rel_canonical = true;
            }
            i = j;
        }
        if name.len() > 5 && name[..5].eq_ignore_ascii_case(b"data-") && ws_start < name_start {
            data_attrs.push((ws_start, i));
        }
    }
}

/// Where the `</svg` closing the `<svg>` whose start tag ends at `from` begins: nested
/// `<svg>` counted, `None` when it never closes or holds an HTML element that would end it
/// early in the parser (see `SVG_BREAKOUT`), or a comment or CDATA section (left to the
/// tokenizer).
fn svg_close(b: &[u8], from: usize) -> Option<usize> {
    let mut depth = 1usize;
    let mut i = from;
    while let Some(off) = memchr_lt(&b[i..]) {
        let lt = i + off;
        i = lt + 1;
        let rest = &b[lt + 1..];
        let (closing, rest) = match rest.first() {
            Some(b'/') => (true, &rest[1..]),
            Some(b'!') => return None,
            _ => (false, rest),
        };
        let name_len = rest
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || **c == b'-' || **c == b':')
            .count();
        if name_len == 0 {
            continue;
        }
        let name = &rest[..name_len];
        if name.eq_ignore_ascii_case(b"svg") {
            if closing {
                depth -= 1;
                if depth == 0 {
                    return Some(lt);
                }
            } else {
                depth += 1;
            }
            continue;
        }
        // (Inside svg, `title`, `style` and the like are svg elements, not raw text.)
        if !closing
            && SVG_BREAKOUT
                .iter()
                .any(|t| name.eq_ignore_ascii_case(t.as_bytes()))
        {
            return None;
        }
        // `</p>` and `</br>` break out too.
        if closing && (name.eq_ignore_ascii_case(b"p") || name.eq_ignore_ascii_case(b"br")) {
            return None;
        }
    }
    None
}

fn memchr_lt(b: &[u8]) -> Option<usize> {
    memchr::memchr(b'<', b)
}

/// `script` or `style` when `rest` (the bytes after `<`) starts that element's opening tag.
fn raw_text_name(rest: &[u8]) -> Option<&'static [u8]> {
    for name in [&b"script"[..], &b"style"[..]] {
        if rest.len() > name.len()
            && rest[..name.len()].eq_ignore_ascii_case(name)
            && is_tag_name_end(rest[name.len()])
        {
            return Some(name);
        }
    }
    None
}

fn is_tag_name_end(c: u8) -> bool {
    c.is_ascii_whitespace() || c == b'>' || c == b'/'
}

/// Byte offset of the `<` of the first `</name` closing tag at or after `from`.
fn find_close(b: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    let mut i = from;
    let finder = memchr::memmem::Finder::new(b"</");
    while let Some(off) = finder.find(&b[i..]) {
        let lt = i + off;
        let rest = &b[lt + 1..];
        if rest.len() > name.len() + 1
            && rest[0] == b'/'
            && rest[1..=name.len()].eq_ignore_ascii_case(name)
            && is_tag_name_end(rest[name.len() + 1])
        {
            return Some(lt);
        }
        i = lt + 1;
    }
    None
}

fn is_json_ld(open_tag: &[u8]) -> bool {
    open_tag.windows(7).any(|w| w.eq_ignore_ascii_case(b"ld+json"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `strip_markup` turns `input` into `expected`.
    fn check(input: &str, expected: &str) {
        assert_eq!(strip_markup(input), expected, "{input:?}");
    }

    #[test]
    fn strips_script_and_style_bodies() {
        fn check(input: &str, expected: &str) {
            assert_eq!(strip_raw_text(input), expected, "{input:?}");
        }
        check("<p>plain</p>", "<p>plain</p>");
        check(
            "<script>var a = '<p>x</p>';</script><p>t</p>",
            "<script></script><p>t</p>",
        );
        check(
            "<SCRIPT type=text/javascript>x</Script ><style>p{}</style>",
            "<SCRIPT type=text/javascript></Script ><style></style>",
        );
        check(
            r#"<script type="application/ld+json">{"a":1}</script>"#,
            r#"<script type="application/ld+json">{"a":1}</script>"#,
        );
        check("<scripts>kept</scripts>", "<scripts>kept</scripts>");
        check(
            "<script>never closed <p>text</p>",
            "<script>never closed <p>text</p>",
        );
        check("<script>a</scriptx>b</script>c", "<script></script>c");
        check("<style", "<style");
        check("", "");
        check("é<script>ü</script>ß", "é<script></script>ß");
    }

    #[test]
    fn strips_markup_no_step_reads() {
        check("<p>plain</p>", "<p>plain</p>");
        check("a<!-- note -->b<!---->c<!-->d<!--->e", "abcde");
        check("a<!-- x --!>b", "ab");
        check("a<!-- never closed", "a<!-- never closed");
        check(
            r#"<div class="x" data-id="5" data-props='{"a":1}' id=y data-n=3>t</div>"#,
            r#"<div class="x" id=y>t</div>"#,
        );
        check(
            r#"<img src="a.jpg" data-src="b.jpg"><custom-el data-x="1">t</custom-el>"#,
            r#"<img src="a.jpg" data-src="b.jpg"><custom-el>t</custom-el>"#,
        );
        // Unusual tags are left as they are.
        check(
            r#"<div data-x="a"b data-y=c"d>t</div>"#,
            r#"<div data-x="a"b data-y=c"d>t</div>"#,
        );
        check(
            r#"<div data-x="unclosed>t</div>"#,
            r#"<div data-x="unclosed>t</div>"#,
        );
        check(
            r#"<a href=x><svg class="icon" viewBox="0 0 8 8"><path d="M0 0h8"/><title>Share</title></svg>Text</a>"#,
            r#"<a href=x><svg class="icon" viewBox="0 0 8 8"></svg>Text</a>"#,
        );
        check("<svg><svg><g></g></svg><path/></svg>after", "<svg></svg>after");
        check("<svg/><p>kept</p>", "<svg/><p>kept</p>");
        // An HTML element inside ends the svg early in the parser: left alone.
        check("<svg><path/><p>text</p></svg>", "<svg><path/><p>text</p></svg>");
        check("<svg><path/>never closed", "<svg><path/>never closed");
        // Raw-text contents are not markup.
        check(
            "<title>a <!-- b --> c</title><textarea data-x=1><!-- d --></textarea>",
            "<title>a <!-- b --> c</title><textarea data-x=1><!-- d --></textarea>",
        );
        check(
            r#"<script type="application/ld+json">{"a":"<!-- x -->"}</script><!-- y -->"#,
            r#"<script type="application/ld+json">{"a":"<!-- x -->"}</script>"#,
        );
        check("<!DOCTYPE html><p>x</p>", "<!DOCTYPE html><p>x</p>");
        check("</div data-x=1><p data-y>t", "</div data-x=1><p>t");
        check("", "");
        check("<", "<");
        check("<p data-x", "<p data-x");
        check("é<!--ü-->ß<b data-é='ü'>", "éß<b>");
        check(
            r#"<head><link rel=stylesheet href=a.css><link REL="Canonical" href="/c"><script src=x></script><style></style></head>"#,
            r#"<head><link REL="Canonical" href="/c"></head>"#,
        );
        check(r#"<p>a<script async></script>b</p>"#, "<p>ab</p>");
    }

    #[test]
    fn empties_chrome() {
        check(
            "<header class=site><ul><li><a href=/>Home</a></ul></header><article><p>x</p></article>",
            "<header class=site></header><article><p>x</p></article>",
        );
        check(
            "<footer><p>Copyright 2024 Example</p></footer><FORM action=/s><input name=q></FORM>",
            "<footer></footer><FORM action=/s></FORM>",
        );
        // Inside an article only asides are emptied; outside again after it closes.
        check(
            "<article><header><a href=/>A</a></header><aside><a href=/b>B</a></aside></article><footer><a>C</a></footer>",
            "<article><header><a href=/>A</a></header><aside></aside></article><footer></footer>",
        );
        check(
            "<main><footer><a>x</a></footer></main><footer><a>y</a></footer>",
            "<main><footer><a>x</a></footer></main><footer></footer>",
        );
        // Meta tags stay for the metadata reader.
        check(
            "<footer><meta name=x content=y><a>z</a></footer>",
            "<footer><meta name=x content=y></footer>",
        );
        // Kept whole: what the metadata reader takes from anywhere, a date line, a form
        // inside a form, an element that never closes.
        for kept in [
            "<header><h1>Title</h1></header>",
            "<header><span class=byline>A. Writer</span></header>",
            "<aside><time datetime=2024-05-02>May 2</time></aside>",
            "<footer><span class=post-date>May 2, 2024</span></footer>",
            "<form><form></form></form>",
            "<footer><a>never closed",
        ] {
            check(kept, kept);
        }
    }

    #[test]
    fn empties_unlikely_chrome() {
        // Chrome for both readers: emptied, the element stays.
        check(
            "<div class=\"related-links\"><ul><li><a href=/a>Another story</a></li></ul></div><p>Body.</p>",
            "<div class=\"related-links\"></div><p>Body.</p>",
        );
        check(
            "<section id=comments><div class=c><p>First!<br>Reply</p></div></section>x",
            "<section id=comments></section>x",
        );
        // A comment with tags in it, a raw-text element and a script with an end tag in a
        // string (the script's body is gone before this pass, as `strip_raw_text` leaves it).
        check(
            "<div class=social-bar><!-- </div><div> --><noscript></div></noscript><span>Share</span></div>y",
            "<div class=social-bar></div>y",
        );
        check(
            "<div class=sidebar><meta name=x content=y><p>Ad</p></div>",
            "<div class=sidebar><meta name=x content=y></div>",
        );
        // End tags the parser leaves out: an open `p` or `li` closes by itself.
        check(
            "<div class=menu-links><p>One<p>Two<ul><li>a<li>b</ul></div>z",
            "<div class=menu-links></div>z",
        );
        // Kept whole: a saving part ("content", "main", "and"), a part only one reader
        // skips, a link, a table around it, a guard, contents the parser may close early.
        for kept in [
            "<div class=\"comment-content\"><p>x</p></div>",
            "<div class=brand-menu><p>x</p></div>",
            "<div class=extra><p>x</p></div>",
            "<div class=share-tools><p>x</p></div>",
            "<a class=related href=/a>x</a>",
            "<table><tr><td><div class=sidebar><p>x</p></div></td></tr></table>",
            "<code><div class=sidebar>x</div></code>",
            "<div class=sidebar><h2>Title</h2></div>",
            "<div class=sidebar><time datetime=2024-01-02>x</time></div>",
            "<div class=sidebar><span class=date>May 2, 2024</span></div>",
            "<div class=sidebar><p>Posted 3 May 2024</p></div>",
            "<div class=sidebar><span>unclosed</span><b></div>",
            "<div class=sidebar><ul><li>a<div><li>b</div></ul></div>",
            "<form><div class=sidebar><form></form></div></form>",
            "<div class=sidebar><select><option>a</select></div>",
            "<div class=sidebar><span>unclosed</div>",
            "<li><div class=sidebar><li>x</div>",
            "<div class=sidebar><div/>x</div>",
            "<div class=sidebar><!x>y</div>",
            "<div class=\"side&amp;bar related\">x</div>",
            "<div class=related class=article>x</div>",
            "<a href=/><div class=sidebar>x</div></a>",
            "<div class=sidebar>never closed",
        ] {
            check(kept, kept);
        }
    }

    #[test]
    fn finds_years() {
        fn check(input: &str, expected: bool) {
            assert_eq!(has_year(input.as_bytes()), expected, "{input:?}");
        }
        check("(c) 2024 x", true);
        check("1999", true);
        check("12024", false);
        check("20245", false);
        check("2100 1899 19 20x1", false);
        check("", false);
    }

    #[test]
    fn cuts_navigation() {
        check("a<nav class=x><ul><li><a href=/>Home</a></ul></nav>b", "ab");
        check("a<NAV><nav>in</nav><p>more</p></Nav >b", "ab");
        // Meta tags and JSON-LD inside stay for the metadata reader.
        check(
            r#"a<nav><meta itemprop="position" content="1"><script type="application/ld+json">{"x":"</nav>"}</script></nav>b"#,
            r#"a<meta itemprop="position" content="1"><script type="application/ld+json">{"x":"</nav>"}</script>b"#,
        );
        check("a<nav><!-- </nav> --><p>x</p></nav>b", "ab");
        // Kept: what the metadata reader takes from anywhere, and navs that never close.
        check(
            "<nav><a rel=author href=/a>A. Writer</a></nav>",
            "<nav><a rel=author href=/a>A. Writer</a></nav>",
        );
        check(
            "<nav><time pubdate datetime=2020-01-02>x</time></nav>",
            "<nav><time pubdate datetime=2020-01-02>x</time></nav>",
        );
        check("<nav><h1>Site</h1></nav>", "<nav><h1>Site</h1></nav>");
        check("<nav><p>never closed", "<nav><p>never closed");
        check("<nav><p data-x=\"1>t</nav>", "<nav><p data-x=\"1>t</nav>");
    }
}
