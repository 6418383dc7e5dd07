//! Page metadata (title, dates, author, outlet, canonical URL, language) read from one parsed
//! `Document`: JSON-LD, `<meta>` tags, `<link>`, `<time>` and the URL. Pure.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use dom_query::{Document, NodeRef};
use serde_json::Value;

use super::textdate;
use crate::dates::parse_input_date;

/// Metadata as found, before the main text is chosen.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Meta {
    pub title: Option<String>,
    pub published: Option<(NaiveDate, String)>,
    pub modified: Option<NaiveDate>,
    pub author: Option<String>,
    pub outlet: Option<String>,
    pub canonical_url: Option<String>,
    pub language: Option<String>,
}

/// The elements the metadata reader looks at, collected in one walk over the tree (in
/// document order) instead of one selector query per kind: each query walks the whole tree.
#[derive(Default)]
struct Index<'a> {
    /// `meta`
    metas: Vec<NodeRef<'a>>,
    /// `script[type="application/ld+json"]`
    ld_scripts: Vec<NodeRef<'a>>,
    /// `link[rel=canonical]`
    canonical: Vec<NodeRef<'a>>,
    /// The `lang` of the first `html[lang]`.
    html_lang: Option<String>,
    /// `head title`
    head_titles: Vec<NodeRef<'a>>,
    /// The first `h1`.
    first_h1: Option<NodeRef<'a>>,
    /// `[itemprop=dateModified]`
    modified_items: Vec<NodeRef<'a>>,
    /// `[itemprop=datePublished]`
    published_items: Vec<NodeRef<'a>>,
    /// `.published[title], .published[datetime]`
    hatom: Vec<NodeRef<'a>>,
    /// `time[datetime]`, with where each sits.
    times: Vec<(NodeRef<'a>, TimeAt)>,
    /// `a[rel=author]`
    rel_authors: Vec<NodeRef<'a>>,
    /// `[itemprop=author] [itemprop=name]`
    author_names: Vec<NodeRef<'a>>,
    /// `[class*=byline]`
    bylines: Vec<NodeRef<'a>>,
    /// `[class*=author-name]`
    author_name_classes: Vec<NodeRef<'a>>,
    /// The first `body`.
    body: Option<NodeRef<'a>>,
}

static BYLINE: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memchr::memmem::Finder::new("byline"));
static AUTHOR_NAME: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memchr::memmem::Finder::new("author-name"));

/// Where a `<time datetime>` sits, for the selectors `structured_published` tries in turn.
#[derive(Debug, Clone, Copy, Default)]
struct TimeAt {
    /// It has a `pubdate` attribute.
    pubdate: bool,
    /// Inside a `header` that is inside an `article`.
    header_in_article: bool,
    in_header: bool,
    in_article: bool,
    in_main: bool,
}

/// What the ancestors of a node are, as the walk in `Index::build` goes down.
#[derive(Debug, Clone, Copy, Default)]
struct Context {
    in_head: bool,
    in_article: bool,
    in_header: bool,
    header_in_article: bool,
    in_main: bool,
    in_author_item: bool,
}

impl<'a> Index<'a> {
    fn build(doc: &'a Document) -> Self {
        let mut index = Index::default();
        let mut stack: Vec<(NodeRef<'a>, Context)> = Vec::new();
        let mut child = doc.root().first_child();
        // Push children reversed so that they pop in document order.
        let push_children = |stack: &mut Vec<(NodeRef<'a>, Context)>, node: &NodeRef<'a>, ctx: Context| {
            let start = stack.len();
            let mut c = node.first_child();
            while let Some(n) = c {
                c = n.next_sibling();
                stack.push((n, ctx));
            }
            stack[start..].reverse();
        };
        {
            let start = stack.len();
            while let Some(n) = child {
                child = n.next_sibling();
                stack.push((n, Context::default()));
            }
            stack[start..].reverse();
        }
        while let Some((node, mut ctx)) = stack.pop() {
            let Some(el) = node.element_ref() else { continue };
            let name: &str = el.name.local.as_ref();
            let attr = |k: &str| el.attrs.iter().find(|a| &*a.name.local == k).map(|a| &*a.value);
            match name {
                "meta" => index.metas.push(node),
                "script" if attr("type").is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json")) => {
                    index.ld_scripts.push(node)
                }
                "link" if attr("rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical")) => {
                    index.canonical.push(node)
                }
                "html" if index.html_lang.is_none() => index.html_lang = attr("lang").map(str::to_string),
                "title" if ctx.in_head => index.head_titles.push(node),
                "h1" if index.first_h1.is_none() => index.first_h1 = Some(node),
                "a" if attr("rel").is_some_and(|r| r.eq_ignore_ascii_case("author")) => {
                    index.rel_authors.push(node)
                }
                "time" if attr("datetime").is_some() => index.times.push((
                    node,
                    TimeAt {
                        pubdate: attr("pubdate").is_some(),
                        header_in_article: ctx.header_in_article,
                        in_header: ctx.in_header,
                        in_article: ctx.in_article,
                        in_main: ctx.in_main,
                    },
                )),
                "body" if index.body.is_none() => index.body = Some(node),
                _ => {}
            }
            let itemprop = attr("itemprop");
            match itemprop {
                Some("dateModified") => index.modified_items.push(node),
                Some("datePublished") => index.published_items.push(node),
                Some("name") if ctx.in_author_item => index.author_names.push(node),
                _ => {}
            }
            if let Some(class) = attr("class") {
                if (attr("title").is_some() || attr("datetime").is_some())
                    && class.split_ascii_whitespace().any(|c| c == "published")
                {
                    index.hatom.push(node);
                }
                if BYLINE.find(class.as_bytes()).is_some() {
                    index.bylines.push(node);
                }
                if AUTHOR_NAME.find(class.as_bytes()).is_some() {
                    index.author_name_classes.push(node);
                }
            }
            match name {
                "head" => ctx.in_head = true,
                "article" => ctx.in_article = true,
                "header" => {
                    ctx.header_in_article |= ctx.in_article;
                    ctx.in_header = true;
                }
                "main" => ctx.in_main = true,
                _ => {}
            }
            ctx.in_author_item |= itemprop == Some("author");
            drop(el);
            push_children(&mut stack, &node, ctx);
        }
        index
    }
}

/// The fields of the page's article object in JSON-LD (the first Article-like object found,
/// also inside `@graph` and arrays; else the first object with a `headline` or a date).
#[derive(Debug, Default)]
struct JsonLd {
    headline: Option<String>,
    published: Option<String>,
    modified: Option<String>,
    authors: Vec<String>,
    publisher: Option<String>,
}

/// `<meta>` contents keyed by lowercased `property`, `name`, `itemprop` or `http-equiv`; the
/// first occurrence wins.
struct MetaTags(HashMap<String, String>);

impl MetaTags {
    fn read(index: &Index) -> Self {
        let mut map = HashMap::new();
        for node in &index.metas {
            let Some(content) = node.attr("content") else {
                continue;
            };
            let content = clean(&content);
            if content.is_empty() {
                continue;
            }
            for key_attr in ["property", "name", "itemprop", "http-equiv"] {
                if let Some(k) = node.attr(key_attr) {
                    map.entry(k.trim().to_ascii_lowercase())
                        .or_insert_with(|| content.clone());
                }
            }
        }
        MetaTags(map)
    }

    fn get(&self, key: &str) -> Option<&str> {
        self.0.get(key).map(String::as_str)
    }
}

/// Reads the metadata. `raw` is the page's HTML as received (script bodies included);
/// `today`, when given, rejects later dates as invented.
pub(crate) fn read(doc: &Document, url: Option<&str>, raw: &str, today: Option<NaiveDate>) -> Meta {
    let index = Index::build(doc);
    let tags = MetaTags::read(&index);
    let ld = read_json_ld(&index);

    let canonical_url = index
        .canonical
        .iter()
        .find_map(|n| n.attr("href").map(|h| clean(&h)).filter(|h| !h.is_empty()))
        .or_else(|| tags.get("og:url").map(str::to_string))
        .map(|c| absolutize(&c, url));

    let outlet = tags
        .get("og:site_name")
        .map(str::to_string)
        .or_else(|| ld.publisher.clone())
        .or_else(|| {
            url.and_then(host)
                .or_else(|| canonical_url.as_deref().and_then(host))
        });

    let title = read_title(&index, &tags, &ld, outlet.as_deref());
    let author = read_author(&index, &tags, &ld);

    let language = index
        .html_lang
        .as_ref()
        .map(|l| clean(l))
        .filter(|l| !l.is_empty())
        .or_else(|| tags.get("content-language").map(str::to_string))
        .or_else(|| tags.get("og:locale").map(str::to_string))
        .map(|l| l.replace('_', "-"));

    let not_future = |d: NaiveDate| today.is_none_or(|t| d <= t);
    let page_url = url.or(canonical_url.as_deref()).or_else(|| tags.get("og:url"));
    let modified = ld
        .modified
        .iter()
        .map(String::as_str)
        .chain(MODIFIED_META.iter().filter_map(|k| tags.get(k)))
        .filter_map(lenient_date)
        .find(|d| not_future(*d))
        .or_else(|| {
            // `itemprop=dateModified` on an element other than <meta> (<time datetime>).
            index.modified_items.iter().find_map(|n| {
                ["datetime", "content"]
                    .iter()
                    .find_map(|a| n.attr(a).and_then(|v| lenient_date(&v)))
                    .filter(|d| not_future(*d))
            })
        });
    let published = read_published(&Sources {
        index: &index,
        tags: &tags,
        ld: &ld,
        url: page_url,
        raw,
        month_first: textdate::month_first(language.as_deref()),
        ok: &not_future,
        modified,
        mark_cache: MarkCache::default(),
    });

    Meta {
        title,
        published,
        modified,
        author,
        outlet,
        canonical_url,
        language,
    }
}

fn read_title(index: &Index, tags: &MetaTags, ld: &JsonLd, outlet: Option<&str>) -> Option<String> {
    let strip_outlet = |t: &str| strip_suffix(t, outlet, false);
    if let Some(t) = tags.get("og:title").or(tags.get("twitter:title")) {
        return Some(strip_outlet(t));
    }
    if let Some(t) = &ld.headline {
        return Some(strip_outlet(t));
    }
    let t = clean(
        &index
            .head_titles
            .iter()
            .map(|n| n.text().to_string())
            .collect::<String>(),
    );
    if !t.is_empty() {
        return Some(strip_suffix(&t, outlet, true));
    }
    let h1 = clean(&index.first_h1.map(|n| n.text()).unwrap_or_default());
    (!h1.is_empty()).then_some(h1)
}

const TITLE_SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " · ", " • "];

/// Drops a trailing " | Outlet" / " - Outlet". With `short_suffix`, any short last segment
/// (at most four words, shorter than the rest) counts as the outlet.
fn strip_suffix(title: &str, outlet: Option<&str>, short_suffix: bool) -> String {
    let title = title.trim();
    let Some((pos, sep)) = TITLE_SEPARATORS
        .iter()
        .filter_map(|s| title.rfind(s).map(|p| (p, *s)))
        .max_by_key(|(p, _)| *p)
    else {
        return title.to_string();
    };
    let (head, tail) = (title[..pos].trim(), title[pos + sep.len()..].trim());
    if head.is_empty() {
        return title.to_string();
    }
    let is_outlet = outlet.is_some_and(|o| {
        let (o, t) = (o.to_lowercase(), tail.to_lowercase());
        t == o || t.replace(' ', "") == o.replace(' ', "") || o.starts_with(&t) || t.starts_with(&o)
    });
    let is_short = short_suffix && tail.split_whitespace().count() <= 4 && tail.len() < head.len();
    if is_outlet || is_short {
        head.to_string()
    } else {
        title.to_string()
    }
}

/// What `read_published` looks at.
struct Sources<'a> {
    index: &'a Index<'a>,
    tags: &'a MetaTags,
    ld: &'a JsonLd,
    url: Option<&'a str>,
    raw: &'a str,
    month_first: bool,
    /// False for a date after today (when today is known).
    ok: &'a dyn Fn(NaiveDate) -> bool,
    /// The page's modification date, from structured markup.
    modified: Option<NaiveDate>,
    mark_cache: MarkCache,
}

impl Sources<'_> {
    /// A date from a metadata value: ISO / RFC 3339 first, else a date written in words or
    /// numbers ("Tue, Sep 15 2020 10:01 EDT", "Sat, 19 Oct 2019 00:04 +0200", "19.10.2019"),
    /// taken as written; a later date than today is refused.
    fn value_date(&self, v: &str) -> Option<NaiveDate> {
        lenient_date(v)
            .or_else(|| textdate::first_date(v, self.month_first).and_then(plausible))
            .filter(|d| (self.ok)(*d))
    }
}

/// `<meta>` keys that name the publication date itself, most specific first.
const PUBLISHED_META: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "article:published",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "published_time",
    "date_published",
    "publication_date",
    "article.published",
    "article_date_original",
    "originalpublicationdate",
    "citation_publication_date",
    "dc.date.issued",
    "dcterms.issued",
    "sailthru.date",
    "parsely-pub-date",
    "cxenseparse:recs:publishtime",
    "bt:pubdate",
    "og:pubdate",
    "rnews:datepublished",
    "release_date",
];

/// `<meta>` keys for a date of the page that is often not the article's publication day: the
/// day the page was generated or its record created (content systems fill `date` and
/// `dcterms.date` so). Trusted less than a date line in the article itself.
const WEAK_DATE_META: &[&str] = &[
    "datecreated",
    "dc.date.created",
    "dcterms.created",
    "citation_date",
    "dcterms.date",
    "dc.date",
    "date",
];

/// `<meta>` keys naming the last modification.
const MODIFIED_META: &[&str] = &[
    "article:modified_time",
    "og:updated_time",
    "datemodified",
    "dcterms.modified",
    "dc.date.modified",
    "lastmod",
    "last-modified",
];

/// Keys of page-state scripts and broken JSON-LD that hold the publication date, as
/// `"key": "value"` or `'key': 'value'`.
const SCRIPT_DATE_KEYS: &[&str] = &[
    "datePublished",
    "publishedDate",
    "publishDate",
    "firstPubDate",
    "publicationDate",
    "publication_date",
    "article_publication_date",
    "publishedAt",
    "published_at",
    "pubDate",
    "publishdate",
];

/// The publication date and how it was found. A structured date (JSON-LD, meta, `<time>`) a
/// day off the date in the page's URL is taken as a time-zone shift (a UTC timestamp of an
/// evening story) and the URL's day, the outlet's own calendar day, wins.
fn read_published(s: &Sources) -> Option<(NaiveDate, String)> {
    let url_date = s.url.and_then(date_in_url).filter(|d| (s.ok)(*d));
    let found = structured_published(s);
    match (found, url_date) {
        (Some((d, how)), Some(u)) if d != u && (d - u).num_days().abs() <= 1 => {
            Some((u, format!("{how}+url")))
        }
        // A timestamp's day can be a day after the day the page shows (the UTC time of an
        // evening story in the Americas, a server's time zone): the article's own date line,
        // the day as written on the page, wins. A date line a day later is rather an update.
        //
        // A date line a day after a UTC timestamp of the late evening is the day in a time
        // zone east of UTC (23:15 UTC is the next day in Europe).
        //
        // A later date line that is the page's modification date shows the page as of its
        // update (republished guides, reworked reports): the page shows that day as its date,
        // not the first publication's (`text:modified`).
        (Some((d, how)), None) => match date_line_in(s, false, false) {
            Some((line, kind)) if kind == "text" && (d - line).num_days() == 1 => {
                Some((line, format!("{how}+text")))
            }
            Some((line, kind))
                if kind == "text"
                    && (line - d).num_days() == 1
                    && structured_value(s, &how).is_some_and(afternoon_utc) =>
            {
                Some((line, format!("{how}+text")))
            }
            Some((line, kind)) if kind == "text" && line > d && s.modified == Some(line) => {
                Some((line, "text:modified".into()))
            }
            _ => Some((d, how)),
        },
        // The URL's day confirms the structured date; a date line showing the page's later
        // modification day is still the day the page shows (see above).
        // (Without a later modification date no date line can change the answer: the walk is
        // skipped.)
        (Some((d, how)), Some(_)) if s.modified.is_some_and(|m| m > d) => {
            match date_line_in(s, false, false) {
                Some((line, kind)) if kind == "text" && line > d && s.modified == Some(line) => {
                    Some((line, "text:modified".into()))
                }
                _ => Some((d, how)),
            }
        }
        (Some((d, how)), Some(_)) => Some((d, how)),
        (None, Some(u)) => Some((u, "url".into())),
        (None, None) => {
            let line = date_line_in(s, false, true);
            if let Some((d, how)) = &line {
                if how != "text:first" {
                    return Some((*d, how.clone()));
                }
            }
            // No date line outside every sidebar and teaser box: the page's layout may call
            // the column or box of the article's header so.
            let loose = date_line_in(s, true, true);
            if let Some((d, how)) = &loose {
                if how == "text:loose" {
                    return Some((*d, how.clone()));
                }
            }
            weak_meta(s).or(line).or(loose)
        }
    }
}

/// The raw value behind a structured date found by `structured_published` with method `how`
/// (JSON-LD or a `<meta>` tag; `None` for other methods).
fn structured_value<'a>(s: &'a Sources, how: &str) -> Option<&'a str> {
    if how == "json-ld" {
        return s.ld.published.as_deref();
    }
    s.tags.get(how.strip_prefix("meta:")?)
}

/// Whether a timestamp is in UTC (`Z`, `+00:00`, `+0000`) at 22:00 or later, so that in
/// Europe (and further east) it is already the next day. Earlier afternoon times are the
/// same day in Europe, where most such pages are from, and a date line a day later there is
/// rather an update.
fn afternoon_utc(v: &str) -> bool {
    let v = v.trim();
    let b = v.as_bytes();
    let hour = match (b.get(10), v.get(11..13)) {
        (Some(b'T' | b' '), Some(h)) => h.parse::<u32>().ok(),
        _ => None,
    };
    let utc = v.ends_with('Z') || v.ends_with("+00:00") || v.ends_with("+0000");
    utc && hour.is_some_and(|h| (22..24).contains(&h))
}

fn weak_meta(s: &Sources) -> Option<(NaiveDate, String)> {
    WEAK_DATE_META.iter().find_map(|key| {
        let d = s.tags.get(key).and_then(|v| s.value_date(v))?;
        Some((d, format!("meta:{key}")))
    })
}

/// The publication date from structured markup, most trusted first.
fn structured_published(s: &Sources) -> Option<(NaiveDate, String)> {
    if let Some(d) = s.ld.published.as_deref().and_then(|v| s.value_date(v)) {
        return Some((d, "json-ld".into()));
    }
    for key in PUBLISHED_META {
        if let Some(d) = s.tags.get(key).and_then(|v| s.value_date(v)) {
            return Some((d, format!("meta:{key}")));
        }
    }
    // `itemprop=datePublished` on an element other than <meta>, e.g. <time>, <abbr title>.
    for node in &s.index.published_items {
        if in_chrome(node) {
            continue;
        }
        if let Some(d) = element_date(s, node) {
            return Some((d, "itemprop:datePublished".into()));
        }
    }
    // A publication date in a script that is not (valid) JSON-LD: page state, broken JSON-LD.
    let present = script_keys_present(s.raw);
    for (k, key) in SCRIPT_DATE_KEYS.iter().enumerate() {
        if present & (1 << k) == 0 {
            continue;
        }
        if let Some(d) = script_date(s, key) {
            return Some((d, format!("script:{key}")));
        }
    }
    // The RDF block old blog engines embed for trackback discovery (often inside an HTML
    // comment): <rdf:Description ... dc:date="2020-07-03T17:16:22+09:00" />.
    if let Some(d) = rdf_date(s) {
        return Some((d, "rdf:dc:date".into()));
    }
    // hAtom's `published` class (Blogger, many WordPress themes): <abbr class="published"
    // title="2019-10-16T14:33:00-07:00">.
    for node in &s.index.hatom {
        if in_chrome(node) {
            continue;
        }
        if let Some(d) = ["datetime", "title"]
            .iter()
            .find_map(|a| node.attr(a).and_then(|v| lenient_date(&v)).filter(|d| (s.ok)(*d)))
        {
            return Some((d, "hatom:published".into()));
        }
    }
    // In the order of the selectors `time[pubdate][datetime]`, `article header
    // time[datetime]`, `header time[datetime]`, `article time[datetime]`,
    // `main time[datetime]`.
    let kinds: [fn(&TimeAt) -> bool; 5] = [
        |t| t.pubdate,
        |t| t.header_in_article,
        |t| t.in_header,
        |t| t.in_article,
        |t| t.in_main,
    ];
    for kind in kinds {
        for (node, _) in s.index.times.iter().filter(|(_, at)| kind(at)) {
            // `pubdate` says outright that this is the publication date.
            if !node.has_attr("pubdate") && in_chrome(node) {
                continue;
            }
            if let Some(d) = node
                .attr("datetime")
                .and_then(|v| lenient_date(&v))
                .filter(|d| (s.ok)(*d))
            {
                return Some((d, "time".into()));
            }
        }
    }
    None
}

/// Which of `SCRIPT_DATE_KEYS` occur in `raw` (bit k for key k), found in one pass instead
/// of one search per key. A key found only inside a longer key (`publication_date` in
/// `article_publication_date`) is counted as present too, so that `script_date` looks for it
/// exactly where it did before.
fn script_keys_present(raw: &str) -> u32 {
    static FINDER: std::sync::LazyLock<aho_corasick::AhoCorasick> = std::sync::LazyLock::new(|| {
        aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostFirst)
            .build(SCRIPT_DATE_KEYS)
            .expect("the script date keys are plain literals")
    });
    let mut present = 0u32;
    for m in FINDER.find_iter(raw) {
        let k = m.pattern().as_usize();
        present |= 1 << k;
        let key = SCRIPT_DATE_KEYS[k];
        for (j, other) in SCRIPT_DATE_KEYS.iter().enumerate() {
            if j != k && key.contains(other) {
                present |= 1 << j;
            }
        }
    }
    present
}

/// The `dc:date` of the first `<rdf:Description>` in the raw HTML.
fn rdf_date(s: &Sources) -> Option<NaiveDate> {
    let at = s.raw.find("<rdf:Description")?;
    let block = s.raw.get(at..)?;
    let block = &block[..block.find('>').unwrap_or(block.len())];
    let v = block.split_once("dc:date=")?.1;
    let v = v.strip_prefix(['"', '\''])?;
    let end = v.find(['"', '\'']).unwrap_or(v.len()).min(40);
    s.value_date(v.get(..end)?)
}

/// The date an element holds: in its `datetime`, `content` or `title` attribute, else in its
/// text (when short).
fn element_date(s: &Sources, node: &dom_query::NodeRef) -> Option<NaiveDate> {
    for a in ["datetime", "content", "title"] {
        if let Some(d) = node.attr(a).and_then(|v| s.value_date(&v)) {
            return Some(d);
        }
    }
    let text = node.text();
    if text.len() > 300 {
        return None;
    }
    textdate::first_date(&text, s.month_first).filter(|d| (s.ok)(*d))
}

/// The value of the first `"key": "..."` (or `'key': '...'`, or `key = "..."`) in the raw
/// HTML that reads as a date.
fn script_date(s: &Sources, key: &str) -> Option<NaiveDate> {
    let raw = s.raw;
    let mut from = 0;
    for _ in 0..4 {
        let at = from + raw.get(from..)?.find(key)?;
        from = at + key.len();
        // The key must be quoted on both sides (`"key"` or `'key'`).
        let quote = raw[..at].chars().next_back();
        if !matches!(quote, Some('"' | '\'')) || !raw[from..].starts_with(quote?) {
            continue;
        }
        let rest = raw[from + 1..].trim_start();
        let Some(rest) = rest.strip_prefix([':', '=']) else {
            continue;
        };
        let rest = rest.trim_start();
        let Some(rest) = rest.strip_prefix(['"', '\'']) else {
            continue;
        };
        let end = rest.find(['"', '\'']).unwrap_or(0).min(40);
        if let Some(d) = rest.get(..end).and_then(|v| s.value_date(v)) {
            return Some(d);
        }
    }
    None
}

/// Parts of `class` / `id` values that mark the element holding an article's date line.
pub(super) const DATE_MARKS: &[&str] = &[
    "date",
    "time",
    "publish",
    "posted",
    "dateline",
    "datum",
    "byline",
    "meta",
    "info",
    "author",
    "stamp",
    "zeit",
    "submitted",
    "created",
    "fecha",
];

/// Parts of `class` / `id` values (prefixes) that mark a region whose dates are not the
/// article's: comments, related stories, sidebars, calendars, cookie banners.
const NOT_ARTICLE_MARKS: &[&str] = &[
    "comment",
    "kommentar",
    "leserbrief",
    "reply",
    "disqus",
    "related",
    "sidebar",
    "teaser",
    "recommend",
    "archive",
    "calendar",
    "event",
    "copyright",
    "cookie",
    "popular",
    "trending",
];

/// The words of an element's `class` and `id`: lowercased, split at anything not a letter or
/// digit and where lower case turns to upper (`ArticleHeader_date` → article, header, date).
/// An empty string separates the words of one class name from the next (`is_chrome` looks
/// at the first and last word of each name).
#[cfg(test)]
fn mark_words(node: &dom_query::NodeRef) -> Vec<String> {
    let mut words = Vec::new();
    for a in ["class", "id"] {
        let Some(v) = node.attr(a) else { continue };
        for name in v.split_whitespace() {
            if is_taxonomy(name) {
                continue;
            }
            if !words.is_empty() {
                words.push(String::new());
            }
            words.extend(name_words(name));
        }
    }
    words
}

/// Taxonomy classes name the post's categories and tags, any word ("category-events",
/// "tag-comments"): not a region.
fn is_taxonomy(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    ["category-", "cat-", "topic-"]
        .iter()
        .any(|p| lower.starts_with(p))
        || lower.contains("tag-")
        || lower.contains("tag_")
}

/// The words of one class name (see `mark_words`).
fn name_words(name: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut prev_lower = false;
    for c in name.chars() {
        if (!c.is_alphanumeric() || (prev_lower && c.is_uppercase())) && !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
        prev_lower = c.is_lowercase() || c.is_ascii_digit();
        if c.is_alphanumeric() {
            word.extend(c.to_lowercase());
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

/// Whether an element's class or id marks it as outside the article (comments, related
/// stories, …): a class name whose first or last word starts with a mark ("comment-list",
/// "post-comments", "sidebar", "RelatedArticles"). A mark inside a name describes a layout
/// ("sticky-sidebar-parent", "zen-one-sidebar-second"), and so does a name that says the page
/// has one ("has-sidebar", "layoutTwoColumnsRightSidebar", "gallery__with-sidebar",
/// "no-sidebar"). Footers are judged by `is_footer`.
#[cfg(test)]
fn is_chrome(words: &[String]) -> bool {
    chrome_in(words, false)
}

/// `is_chrome`; with `loose`, only marks of regions that never hold the article's own date
/// (comments, related stories, cookie banners, …) count: sidebars and teasers are often the
/// layout's name for the column or box the article's header sits in.
fn chrome_in(words: &[String], loose: bool) -> bool {
    words
        .split(String::is_empty)
        .filter(|name| !name.iter().any(|w| LAYOUT_WORDS.contains(&w.as_str())))
        .any(|name| {
            let ends = [name.first(), name.last()];
            ends.into_iter().flatten().any(|w| {
                w == "more"
                    || NOT_ARTICLE_MARKS
                        .iter()
                        .filter(|m| !(loose && SOFT_MARKS.contains(m)))
                        .any(|m| w.starts_with(m))
            })
        })
}

/// Words of a class name that describe the page's layout rather than name a region.
const LAYOUT_WORDS: &[&str] = &["has", "with", "layout", "no"];

/// Marks of `NOT_ARTICLE_MARKS` that a loose date-line search ignores.
const SOFT_MARKS: &[&str] = &["sidebar", "teaser"];

fn is_article_word(w: &str) -> bool {
    ARTICLE_WORDS.contains(&w)
}

/// Class words that name an article (for `is_article` and `is_footer`).
const ARTICLE_WORDS: &[&str] = &[
    "post", "entry", "article", "hentry", "asset", "story", "news", "node", "blog",
];

/// Whether the element or one of its ancestors is page chrome (see `is_chrome`), an `aside`,
/// a `nav` or a footer outside an article.
fn in_chrome(node: &dom_query::NodeRef) -> bool {
    // (tag, class marks) from the element up to (not including) <body>.
    let mut chain = Vec::new();
    let mut cur = Some(*node);
    while let Some(n) = cur {
        if let Some(name) = n.node_name() {
            // The classes of <body> and <html> describe the page ("has-sidebar",
            // "comments-open"), not a region of it.
            if matches!(name.as_ref(), "body" | "html") {
                break;
            }
            chain.push((name.to_string(), marks(&n)));
        }
        cur = n.parent();
    }
    for (i, (name, m)) in chain.iter().enumerate() {
        if name == "nav" || m.chrome {
            return true;
        }
        // An aside or footer inside the article holds its metadata.
        let outside_article = || !chain[i + 1..].iter().any(|(n, m)| m.is_article(n));
        if (name == "aside" || m.is_footer(name)) && outside_article() {
            return true;
        }
    }
    false
}

/// What an element's `class` and `id` say, as the date-line search and `in_chrome` ask it:
/// the judgements of `chrome_in`, `is_footer`, `is_article` and the date marks over
/// `mark_words`, computed without building the words (most names are ASCII; the others go
/// through `name_words`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Marks {
    /// `chrome_in(words, false)`
    chrome: bool,
    /// `chrome_in(words, true)`
    chrome_loose: bool,
    /// A word is `footer`.
    footer_word: bool,
    /// A word is an article word (`is_article_word`).
    article_word: bool,
    /// A word contains a `DATE_MARKS` part.
    date: bool,
}

impl Marks {
    fn from_words(words: &[String]) -> Marks {
        Marks {
            chrome: chrome_in(words, false),
            chrome_loose: chrome_in(words, true),
            footer_word: words.iter().any(|w| w == "footer"),
            article_word: words.iter().any(|w| is_article_word(w)),
            date: words.iter().any(|w| DATE_MARKS.iter().any(|m| w.contains(m))),
        }
    }

    fn add(&mut self, o: Marks) {
        self.chrome |= o.chrome;
        self.chrome_loose |= o.chrome_loose;
        self.footer_word |= o.footer_word;
        self.article_word |= o.article_word;
        self.date |= o.date;
    }

    fn chrome_in(&self, loose: bool) -> bool {
        if loose {
            self.chrome_loose
        } else {
            self.chrome
        }
    }

    /// A footer (element or class): the page's footer is chrome, an article's own footer
    /// (inside the article, or `post-footer`, `entry-footer`) holds its date line.
    fn is_footer(&self, name: &str) -> bool {
        (name == "footer" || self.footer_word) && !self.article_word
    }

    /// Whether an element's tag or classes mark it as an article (for `is_footer`).
    fn is_article(&self, name: &str) -> bool {
        name == "article" || self.article_word
    }
}

/// `Marks` of an element.
fn marks(node: &dom_query::NodeRef) -> Marks {
    let Some(el) = node.element_ref() else {
        return Marks::default();
    };
    let mut m = Marks::default();
    for key in ["class", "id"] {
        if let Some(a) = el.attrs.iter().find(|a| &*a.name.local == key) {
            m.add(value_marks(&a.value));
        }
    }
    m
}

/// `marks`, remembering the marks of each `class` and `id` value: a page repeats its class
/// names hundreds of times, and the date-line search asks about every element.
fn cached_marks(node: &dom_query::NodeRef, cache: &MarkCache) -> Marks {
    let Some(el) = node.element_ref() else {
        return Marks::default();
    };
    let mut m = Marks::default();
    let mut cache = cache.0.borrow_mut();
    for key in ["class", "id"] {
        let Some(a) = el.attrs.iter().find(|a| &*a.name.local == key) else {
            continue;
        };
        let v: &str = &a.value;
        match cache.get(v) {
            Some(vm) => m.add(*vm),
            None => {
                let vm = value_marks(v);
                cache.insert(v.to_string(), vm);
                m.add(vm);
            }
        }
    }
    m
}

/// The marks of one `class` or `id` value (the marks of its names together).
fn value_marks(v: &str) -> Marks {
    let mut m = Marks::default();
    for name in v.split_whitespace() {
        if name.is_ascii() {
            ascii_name_marks(name.as_bytes(), &mut m);
        } else if !is_taxonomy(name) {
            m.add(Marks::from_words(&name_words(name)));
        }
    }
    m
}

/// Marks by `class` / `id` value, for one page.
#[derive(Default)]
struct MarkCache(std::cell::RefCell<HashMap<String, Marks, std::hash::BuildHasherDefault<FxHasher>>>);

/// A fast hash for short strings (the multiply-rotate hash of rustc's `FxHasher`): the keys are
/// a page's own class names, so no protection against chosen collisions is needed.
#[derive(Default)]
struct FxHasher(u64);

impl std::hash::Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let word = u64::from_le_bytes(c.try_into().unwrap_or([0; 8]));
            self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Adds the marks of one ASCII class name: the same judgements as `Marks::from_words` over
/// `name_words`, on the bytes of the name lower-cased once.
fn ascii_name_marks(name: &[u8], m: &mut Marks) {
    let general = |m: &mut Marks| m.add(Marks::from_words(&name_words(&String::from_utf8_lossy(name))));
    let mut buf = [0u8; 96];
    let Some(lower) = buf.get_mut(..name.len()) else {
        return general(m);
    };
    lower.copy_from_slice(name);
    lower.make_ascii_lowercase();
    let lower = &*lower;
    let has = |w: &[u8], p: &[u8]| w.windows(p.len()).any(|x| x == p);
    if lower.starts_with(b"category-")
        || lower.starts_with(b"cat-")
        || lower.starts_with(b"topic-")
        || has(lower, b"tag-")
        || has(lower, b"tag_")
    {
        return;
    }
    // Word boundaries as `name_words` draws them: at anything not a letter or digit, and where
    // lower case (or a digit) turns to upper.
    let mut words: [(usize, usize); 24] = [(0, 0); 24];
    let mut n = 0usize;
    let mut start: Option<usize> = None;
    let mut prev_lower = false;
    for (i, &c) in name.iter().enumerate() {
        let alnum = c.is_ascii_alphanumeric();
        if let Some(st) = start {
            if !alnum || (prev_lower && c.is_ascii_uppercase()) {
                if n == words.len() {
                    return general(m);
                }
                words[n] = (st, i);
                n += 1;
                start = None;
            }
        }
        prev_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
        if alnum && start.is_none() {
            start = Some(i);
        }
    }
    if let Some(st) = start {
        if n == words.len() {
            return general(m);
        }
        words[n] = (st, name.len());
        n += 1;
    }
    let words = &words[..n];
    let word = |&(a, b): &(usize, usize)| &lower[a..b];
    for w in words.iter().map(word) {
        m.footer_word |= w == b"footer";
        m.article_word |= ARTICLE_WORDS.iter().any(|a| w == a.as_bytes());
        m.date |= has_date_mark(w);
    }
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return;
    };
    if words
        .iter()
        .map(word)
        .any(|w| LAYOUT_WORDS.iter().any(|l| w == l.as_bytes()))
    {
        return;
    }
    for w in [word(first), word(last)] {
        let more = w == b"more";
        let starts = |mk: &&&str| w.starts_with(mk.as_bytes());
        let hard = NOT_ARTICLE_MARKS
            .iter()
            .filter(|mk| !SOFT_MARKS.contains(mk))
            .any(|mk| starts(&mk));
        let soft = SOFT_MARKS.iter().any(|mk| starts(&mk));
        m.chrome |= more || hard || soft;
        m.chrome_loose |= more || hard;
    }
}

/// Whether a lower-case word contains one of `DATE_MARKS`: only positions holding the first
/// letter of a mark are compared.
fn has_date_mark(w: &[u8]) -> bool {
    (0..w.len()).any(|i| {
        DATE_MARK_FIRST[usize::from(w[i])] && DATE_MARKS.iter().any(|mk| w[i..].starts_with(mk.as_bytes()))
    })
}

/// The first letters of `DATE_MARKS`.
const DATE_MARK_FIRST: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < DATE_MARKS.len() {
        t[DATE_MARKS[i].as_bytes()[0] as usize] = true;
        i += 1;
    }
    t
};

/// A date line (`date_line_in`): the first date, in document order outside comments, sidebars and footers,
/// written in a short element whose class or id says it holds the date (or in a `<time>`
/// element), read from its `datetime` / `title` attribute or its text. Failing that, the
/// first date in any text outside that chrome (`text:first`).
/// With `loose`, sidebars and teaser boxes are searched too (see `chrome_in`), and the methods
/// are `text:loose` and `text:loose-first`. Without `first`, the last resort (`text:first`) is
/// not looked for: callers that take only a date line leave out its `first_date` on every
/// text node.
fn date_line_in(s: &Sources, loose: bool, first: bool) -> Option<(NaiveDate, String)> {
    let ok = |d: &NaiveDate| (s.ok)(*d);
    let root = s.index.body?;
    // (node, inside an article)
    let mut stack = vec![(root, false)];
    // The first date in any text outside page chrome: the last resort (only looked for when
    // `first`: the caller takes it).
    let mut any: Option<NaiveDate> = None;
    while let Some((node, in_article)) = stack.pop() {
        let (tag, is_time) = {
            let Some(el) = node.element_ref() else {
                if first && any.is_none() && node.is_text() {
                    let text = node.text();
                    if text.len() >= 6 {
                        any = textdate::first_date(&text, s.month_first).filter(ok);
                    }
                }
                continue;
            };
            let name: &str = el.name.local.as_ref();
            if matches!(name, "script" | "style" | "nav" | "noscript" | "select")
                || (name == "aside" && !in_article)
            {
                continue;
            }
            // The tag names that matter below (`is_footer`, `is_article`).
            let tag = match name {
                "body" => "body",
                "footer" => "footer",
                "article" => "article",
                _ => "",
            };
            (tag, name == "time")
        };
        let is_body = tag == "body";
        let m = cached_marks(&node, &s.mark_cache);
        // The classes of <body> describe the page ("has-sidebar"), not a region of it.
        if !is_body && (m.chrome_in(loose) || (!in_article && m.is_footer(tag))) {
            continue;
        }
        if is_time || m.date {
            if let Some(d) = element_date(s, &node) {
                return Some((d, if loose { "text:loose" } else { "text" }.into()));
            }
        }
        let in_article = in_article || (!is_body && m.is_article(tag));
        // Children in document order: push them reversed.
        let start = stack.len();
        let mut c = node.first_child();
        while let Some(n) = c {
            c = n.next_sibling();
            stack.push((n, in_article));
        }
        stack[start..].reverse();
    }
    any.map(|d| (d, if loose { "text:loose-first" } else { "text:first" }.into()))
}

fn read_author(index: &Index, tags: &MetaTags, ld: &JsonLd) -> Option<String> {
    if !ld.authors.is_empty() {
        return Some(ld.authors.join(", "));
    }
    for key in [
        "author",
        "article:author",
        "parsely-author",
        "sailthru.author",
        "dc.creator",
    ] {
        if let Some(a) = tags.get(key).filter(|a| !looks_like_url(a)) {
            return Some(a.to_string());
        }
    }
    let rel: Vec<String> = index
        .rel_authors
        .iter()
        .map(|n| clean(&n.text()))
        .filter(|t| !t.is_empty() && t.len() < 80)
        .collect();
    if !rel.is_empty() {
        return Some(dedup(rel).join(", "));
    }
    // `[itemprop=author] [itemprop=name]`, then `[class*=byline]`, then `[class*=author-name]`.
    for nodes in [&index.author_names, &index.bylines, &index.author_name_classes] {
        for node in nodes {
            let t = strip_by(&clean(&node.text()));
            if !t.is_empty() && t.split_whitespace().count() <= 8 {
                return Some(t);
            }
        }
    }
    None
}

fn strip_by(s: &str) -> String {
    let t = s.trim();
    for p in ["By ", "by ", "BY ", "Von ", "von ", "Par ", "Por "] {
        if let Some(rest) = t.strip_prefix(p) {
            return rest.trim().to_string();
        }
    }
    t.to_string()
}

fn dedup(v: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for s in v {
        if !out.contains(&s) {
            out.push(s);
        }
    }
    out
}

fn read_json_ld(index: &Index) -> JsonLd {
    let mut objects = Vec::new();
    for node in &index.ld_scripts {
        let text = node.text();
        let text = text
            .trim()
            .trim_start_matches("<![CDATA[")
            .trim_end_matches("]]>");
        if let Ok(v) = serde_json::from_str::<Value>(text) {
            flatten_ld(v, &mut objects, 0);
        }
    }
    let is_article = |o: &serde_json::Map<String, Value>| {
        types_of(o)
            .iter()
            .any(|t| t.ends_with("Article") || t == "BlogPosting" || t == "Report")
    };
    let pick = objects.iter().find(|o| is_article(o)).or_else(|| {
        objects
            .iter()
            .find(|o| o.contains_key("headline") || o.contains_key("datePublished"))
    });
    let Some(o) = pick else { return JsonLd::default() };
    let publisher = o.get("publisher").and_then(name_of).or_else(|| {
        objects
            .iter()
            .find(|o| {
                types_of(o)
                    .iter()
                    .any(|t| t == "NewsMediaOrganization" || t == "WebSite")
            })
            .and_then(|o| o.get("name"))
            .and_then(str_of)
    });
    let mut authors = Vec::new();
    match o.get("author").or_else(|| o.get("creator")) {
        Some(Value::Array(a)) => authors.extend(a.iter().filter_map(name_of)),
        Some(v) => authors.extend(name_of(v)),
        None => {}
    }
    JsonLd {
        headline: o.get("headline").or_else(|| o.get("name")).and_then(str_of),
        published: o
            .get("datePublished")
            .or_else(|| o.get("dateCreated"))
            .and_then(str_of),
        modified: o.get("dateModified").and_then(str_of),
        authors: dedup(authors.into_iter().filter(|a| !looks_like_url(a)).collect()),
        publisher,
    }
}

fn flatten_ld(v: Value, out: &mut Vec<serde_json::Map<String, Value>>, depth: usize) {
    if depth > 4 {
        return;
    }
    match v {
        Value::Array(a) => a.into_iter().for_each(|x| flatten_ld(x, out, depth + 1)),
        Value::Object(mut o) => {
            if let Some(g) = o.remove("@graph") {
                flatten_ld(g, out, depth + 1);
            }
            out.push(o);
        }
        _ => {}
    }
}

fn types_of(o: &serde_json::Map<String, Value>) -> Vec<String> {
    match o.get("@type") {
        Some(Value::String(s)) => vec![s.clone()],
        Some(Value::Array(a)) => a.iter().filter_map(|x| x.as_str().map(str::to_string)).collect(),
        _ => Vec::new(),
    }
}

fn str_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(clean(s)).filter(|s| !s.is_empty()),
        Value::Array(a) => a.iter().find_map(str_of),
        _ => None,
    }
}

fn name_of(v: &Value) -> Option<String> {
    match v {
        Value::Object(o) => o.get("name").and_then(str_of),
        Value::Array(a) => a.iter().find_map(name_of),
        other => str_of(other),
    }
}

/// Collapses whitespace runs to one space and trims.
pub(crate) fn clean(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    if s.is_ascii() {
        // The same words: on ASCII, `char::is_whitespace` holds for tab, line feed, vertical
        // tab, form feed, carriage return and space; decoding no characters.
        let b = s.as_bytes();
        let mut i = 0;
        while i < b.len() {
            while i < b.len() && is_ascii_space(b[i]) {
                i += 1;
            }
            let start = i;
            while i < b.len() && !is_ascii_space(b[i]) {
                i += 1;
            }
            if start < i {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(&s[start..i]);
            }
        }
        return out;
    }
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// `char::is_whitespace` for an ASCII byte (which, unlike `u8::is_ascii_whitespace`, holds
/// for the vertical tab too).
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ')
}

fn looks_like_url(s: &str) -> bool {
    s.starts_with("http://") || s.starts_with("https://") || s.starts_with("//")
}

fn plausible(d: NaiveDate) -> Option<NaiveDate> {
    (1990..=2100).contains(&d.year()).then_some(d)
}

/// A date from a metadata value: ISO / RFC 3339 via `parse_input_date`, else the leading
/// `YYYY-MM-DD` (or `YYYY/MM/DD`, `YYYYMMDD`) of the value. Years outside 1990..=2100 are
/// rejected as implausible.
pub(crate) fn lenient_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if let Ok(d) = parse_input_date(s) {
        return plausible(d);
    }
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = b.get(r)?;
        if part.iter().all(u8::is_ascii_digit) {
            std::str::from_utf8(part).ok()?.parse().ok()
        } else {
            None
        }
    };
    let ymd = if b.len() >= 10 && matches!(b[4], b'-' | b'/' | b'.') && b[7] == b[4] {
        if b.get(10).is_some_and(u8::is_ascii_digit) {
            return None;
        }
        (digits(0..4)?, digits(5..7)?, digits(8..10)?)
    } else if b.len() >= 8 {
        // YYYYMMDD, not followed by another digit
        if b.get(8).is_some_and(u8::is_ascii_digit) {
            return None;
        }
        (digits(0..4)?, digits(4..6)?, digits(6..8)?)
    } else {
        return None;
    };
    NaiveDate::from_ymd_opt(ymd.0 as i32, ymd.1, ymd.2).and_then(plausible)
}

/// A date written in a URL's path: `/2018/12/19/`, `/2018-12-19/`, `/20181219/`,
/// `/2018/1219/`, `/19-12-2018/` (day first, only when the day is above 12); else in its
/// query: `?date=2018-12-19`.
pub(crate) fn date_in_url(url: &str) -> Option<NaiveDate> {
    let path = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = path.find('/').map_or("", |i| &path[i..]);
    let path = path.split(['?', '#']).next().unwrap_or("");
    let segs: Vec<&str> = path.split('/').collect();
    let num = |s: &str, len: usize| -> Option<u32> {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    for i in 0..segs.len() {
        if let Some(y) = num(segs[i], 4) {
            let m = segs.get(i + 1).and_then(|s| num(s, 2).or_else(|| num(s, 1)));
            let d = segs.get(i + 2).and_then(|s| {
                let s = s.split(['-', '_', '.']).next().unwrap_or("");
                num(s, 2).or_else(|| num(s, 1))
            });
            if let (Some(m), Some(d)) = (m, d) {
                if let Some(date) = NaiveDate::from_ymd_opt(y as i32, m, d).and_then(plausible) {
                    return Some(date);
                }
            }
        }
        // A year then month and day in one segment: /2019/0304/.
        if let (Some(y), Some(md)) = (num(segs[i], 4), segs.get(i + 1).and_then(|s| num(s, 4))) {
            if let Some(date) = NaiveDate::from_ymd_opt(y as i32, md / 100, md % 100).and_then(plausible) {
                return Some(date);
            }
        }
        // A whole segment that is a day-first date, when the order is certain: 29-10-2021.
        if let Some(d) = day_first_segment(segs[i]) {
            return Some(d);
        }
        // A whole segment that starts with a date: 2018-12-19 or 20181219.
        let seg = segs[i];
        let head = seg.get(..10).unwrap_or(seg);
        if head.len() == 10 && head.as_bytes()[4] == b'-' && head.as_bytes()[7] == b'-' {
            if let Some(d) = lenient_date(head) {
                return Some(d);
            }
        }
        if seg.len() >= 8
            && seg.as_bytes()[..8].iter().all(u8::is_ascii_digit)
            && !seg.as_bytes().get(8).is_some_and(u8::is_ascii_digit)
        {
            if let Some(d) = lenient_date(&seg[..8]) {
                return Some(d);
            }
        }
    }
    date_in_query(url)
}

/// A URL segment that is `DD-MM-YYYY` (or with `.` / `_`), when the day is above 12 so the
/// order is not in doubt (`03-04-2021` could be either).
fn day_first_segment(seg: &str) -> Option<NaiveDate> {
    let b = seg.as_bytes();
    if b.len() != 10 || !matches!(b[2], b'-' | b'.' | b'_') || b[5] != b[2] {
        return None;
    }
    let part = |r: std::ops::Range<usize>| -> Option<u32> {
        let p = seg.get(r)?;
        p.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| p.parse().ok())
            .flatten()
    };
    let (d, m, y) = (part(0..2)?, part(3..5)?, part(6..10)?);
    if d <= 12 {
        return None;
    }
    NaiveDate::from_ymd_opt(y as i32, m, d).and_then(plausible)
}

/// The query parameter `date` (or `datum`, `pubdate`) of a URL, when it is a date.
fn date_in_query(url: &str) -> Option<NaiveDate> {
    let query = url.split_once('?')?.1.split('#').next()?;
    query.split('&').find_map(|kv| {
        let (k, v) = kv.split_once('=')?;
        matches!(k.to_ascii_lowercase().as_str(), "date" | "datum" | "pubdate")
            .then(|| lenient_date(v))
            .flatten()
    })
}

/// The host of a URL without a leading `www.`.
pub(crate) fn host(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit('@').next()?.split(':').next()?;
    let host = host.strip_prefix("www.").unwrap_or(host).to_ascii_lowercase();
    (!host.is_empty()).then_some(host)
}

/// Resolves a root-relative or protocol-relative canonical link against the page URL.
fn absolutize(link: &str, base: Option<&str>) -> String {
    if link.starts_with("//") {
        let scheme = base.and_then(|b| b.split_once("://")).map_or("https", |(s, _)| s);
        return format!("{scheme}:{link}");
    }
    if link.starts_with('/') {
        if let Some((scheme, rest)) = base.and_then(|b| b.split_once("://")) {
            let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
            return format!("{scheme}://{authority}{link}");
        }
    }
    link.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
    }

    #[test]
    fn cleaned_whitespace() {
        fn check(input: &str, expected: &str) {
            assert_eq!(clean(input), expected, "{input:?}");
            // The ASCII path gives what the Unicode split gives.
            assert_eq!(
                clean(input),
                input.split_whitespace().collect::<Vec<_>>().join(" ")
            );
        }
        check("", "");
        check("  \t\n ", "");
        check(" a  b\n\nc ", "a b c");
        check("a\x0Bb\x0Cc\rd", "a b c d");
        check("a\u{a0}b\u{2003} c", "a b c");
        check("\u{85}é  ü\u{3000}", "é ü");
    }

    #[test]
    fn lenient_dates() {
        fn check(input: &str, expected: Option<NaiveDate>) {
            assert_eq!(lenient_date(input), expected, "{input:?}");
        }
        check("2018-12-19", Some(ymd(2018, 12, 19)));
        check("2018-12-19T08:00:00+0000", Some(ymd(2018, 12, 19)));
        check("2018-12-19T23:30:00-05:00", Some(ymd(2018, 12, 19)));
        check("2018/12/19 10:00", Some(ymd(2018, 12, 19)));
        check("20181219", Some(ymd(2018, 12, 19)));
        check("2018-02-30", None);
        check("1970-01-01", None);
        check("2150-01-01", None);
        check("December 19, 2018", None);
        check("", None);
        check("201812190", None);
    }

    #[test]
    fn url_dates() {
        fn check(input: &str, expected: Option<NaiveDate>) {
            assert_eq!(date_in_url(input), expected, "{input:?}");
        }
        check(
            "https://example.com/2018/12/19/tech/story.html",
            Some(ymd(2018, 12, 19)),
        );
        check(
            "https://example.com/news/2018-12-19-some-story",
            Some(ymd(2018, 12, 19)),
        );
        check("https://example.com/a/20181219/story", Some(ymd(2018, 12, 19)));
        check("https://example.com/2018/1219/story", Some(ymd(2018, 12, 19)));
        check("https://example.com/news/19-12-2018", Some(ymd(2018, 12, 19)));
        check("https://example.com/news/19.12.2018/x", Some(ymd(2018, 12, 19)));
        check("https://example.com/news/03-04-2018", None);
        check(
            "https://example.com/story?id=5&date=2018-12-19",
            Some(ymd(2018, 12, 19)),
        );
        check(
            "https://example.com/story?date=20181219#top",
            Some(ymd(2018, 12, 19)),
        );
        check("https://example.com/story?update=2018-12-19", None);
        check("https://example.com/2018/9999/story", None);
        check("https://example.com/2018/12/story", None);
        check("https://example.com/2018/13/40/story", None);
        check("https://example.com/story?id=2018", None);
        check("https://2018.example.com/12/19", None);
    }

    /// The publication date (and method) `read` finds in `html`, on a day in 2026.
    fn published_of(html: &str, url: Option<&str>) -> Option<(NaiveDate, String)> {
        read(&Document::from(html), url, html, Some(ymd(2026, 11, 30))).published
    }

    /// Table of (what the case shows, HTML, page URL, expected "YYYY-MM-DD method").
    fn check_published(cases: &[(&str, &str, Option<&str>, Option<&str>)]) {
        for (what, html, url, expected) in cases {
            let got = published_of(html, *url).map(|(d, how)| format!("{d} {how}"));
            assert_eq!(got.as_deref(), *expected, "{what}");
        }
    }

    #[test]
    fn published_by_source() {
        check_published(&[
            (
                "JSON-LD written in words, taken as written",
                r#"<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"Tue, Sep 15 2020 23:01:41 EDT"}</script>"#,
                None,
                Some("2020-09-15 json-ld"),
            ),
            (
                "an RFC 2822 meta value keeps the local day",
                r#"<meta property="article:published_time" content="Sat, 19 Oct 2019 00:04:00 +0200">"#,
                None,
                Some("2019-10-19 meta:article:published_time"),
            ),
            (
                "a future JSON-LD date is refused; the meta date stands",
                r#"<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2031-01-01"}</script><meta name="parsely-pub-date" content="2019-03-04">"#,
                None,
                Some("2019-03-04 meta:parsely-pub-date"),
            ),
            (
                "itemprop on an abbr with the date in its title",
                r#"<body><abbr itemprop="datePublished" title="2019-10-16T14:33:00-07:00">2:33 PM</abbr></body>"#,
                None,
                Some("2019-10-16 itemprop:datePublished"),
            ),
            (
                "hAtom published class (a blog's post header)",
                r#"<body><div class="post-header"><abbr class="published" title="2011-03-30T21:05:00-07:00">9:05 PM</abbr></div></body>"#,
                None,
                Some("2011-03-30 hatom:published"),
            ),
            (
                "page state in a script, single-quoted",
                r#"<script>var page = {'section': 'health', 'publishdate': '2019-10-19', 'author': 'X'};</script><body><p>Text.</p></body>"#,
                None,
                Some("2019-10-19 script:publishdate"),
            ),
            (
                "page state in a JSON script",
                r#"<script type="application/json">{"publishedDate":"2016-11-04T20:37:27Z","updatedDate":"2016-11-05T10:00:00Z"}</script>"#,
                None,
                Some("2016-11-04 script:publishedDate"),
            ),
            (
                "a key that only contains the name is not the key",
                r#"<script>var x = {"lastPublishDateChange": "2019-01-01"};</script><body><p>Text.</p></body>"#,
                None,
                None,
            ),
            (
                "a timestamp a day off the article's date line: the day as the page writes it",
                r#"<meta property="article:published_time" content="2020-04-25T01:25:06+00:00"><body><article><p class="byline">Staff, 24 April 2020</p></article></body>"#,
                None,
                Some("2020-04-24 meta:article:published_time+text"),
            ),
            (
                "a date line a day later is an update, not the publication day",
                r#"<meta property="article:published_time" content="2020-04-25T01:25:06+00:00"><body><article><p class="byline">Staff, 26 April 2020</p></article></body>"#,
                None,
                Some("2020-04-25 meta:article:published_time"),
            ),
            (
                "a date line further off does not override the timestamp",
                r#"<meta property="article:published_time" content="2020-04-25T01:25:06+00:00"><body><article><p class="byline">Updated 2 May 2020</p></article></body>"#,
                None,
                Some("2020-04-25 meta:article:published_time"),
            ),
            (
                "a date line a day after an evening UTC timestamp: the day in Europe",
                r#"<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2020-12-05T23:15:00Z"}</script><body><article><span class="date">06.12.2020, 00:15</span></article></body>"#,
                None,
                Some("2020-12-06 json-ld+text"),
            ),
            (
                "a date line showing the update day (the page's modified date)",
                r#"<script type="application/ld+json">{"@type":"Article","datePublished":"2019-10-15T16:59:59Z","dateModified":"2020-03-12T14:42:17Z"}</script><body><article><div class="post-date">Updated Mar 12, 2020</div></article></body>"#,
                None,
                Some("2020-03-12 text:modified"),
            ),
            (
                "a date line showing the first publication keeps it",
                r#"<script type="application/ld+json">{"@type":"Article","datePublished":"2019-10-15T16:59:59Z","dateModified":"2020-03-12T14:42:17Z"}</script><body><article><div class="post-date">Oct 15, 2019</div></article></body>"#,
                None,
                Some("2019-10-15 json-ld"),
            ),
            (
                "a later date line that is not the modified date does not override",
                r#"<script type="application/ld+json">{"@type":"Article","datePublished":"2019-10-15T16:59:59Z","dateModified":"2020-03-12T14:42:17Z"}</script><body><article><div class="post-date">May 2, 2020</div></article></body>"#,
                None,
                Some("2019-10-15 json-ld"),
            ),
            (
                "the modified date from an itemprop on a time element",
                r#"<meta itemprop="datePublished" content="2021-10-27T20:35:36+01:00"><body><article><p class="article-meta">Berlin, 28.10.2021</p><time itemprop="dateModified" datetime="2021-10-28T13:21:30+01:00"></time></article></body>"#,
                None,
                Some("2021-10-28 text:modified"),
            ),
            (
                "the dc:date of a trackback RDF block in a comment",
                r#"<body><!-- <rdf:RDF><rdf:Description rdf:about="https://blog.example/e/1" dc:title="T" dc:date="2020-07-03T17:16:22+09:00" /></rdf:RDF> --><p>Text on 2020/07/01.</p></body>"#,
                None,
                Some("2020-07-03 rdf:dc:date"),
            ),
            (
                "a date line showing the modified day, the URL giving the first one",
                r#"<meta name="pubdate" content="2021-03-08T11:15:28Z"><meta name="lastmod" content="2021-03-14T20:10:50Z"><body><p class="update-time">Updated March 14, 2021</p></body>"#,
                Some("https://example.com/2021/03/08/world/story.html"),
                Some("2021-03-14 text:modified"),
            ),
            (
                "the URL's day over a generic date meta",
                r#"<meta name="date" content="2020-02-12">"#,
                Some("https://example.org/2020/02/05/story.html"),
                Some("2020-02-05 url"),
            ),
        ]);
    }

    #[test]
    fn published_from_the_date_line() {
        check_published(&[
            (
                "a date line beats a generic date meta (often the page's generation day)",
                r#"<meta name="date" content="2020-04-30"><body><p class="Date"><time>29.04.2020, 12:01 Uhr</time></p></body>"#,
                None,
                Some("2020-04-29 text"),
            ),
            (
                "the generic date meta when there is no date line",
                r#"<meta name="date" content="2020-04-30"><body><p>No date here.</p></body>"#,
                None,
                Some("2020-04-30 meta:date"),
            ),
            (
                "a comment's date before the article's is skipped",
                r#"<body><div class="comment-list"><span class="date">1. Mai 2020</span></div><div class="entry-meta">Veröffentlicht am 3. April 2020</div></body>"#,
                None,
                Some("2020-04-03 text"),
            ),
            (
                "related stories, camel-case classes",
                r#"<body><ul class="RelatedArticles_list"><li class="RelatedArticles_date">May 2, 2020</li></ul><div class="ArticleHeader_date">January 19, 2020 / 12:25 PM</div></body>"#,
                None,
                Some("2020-01-19 text"),
            ),
            (
                "body classes describe the page, not a region",
                r#"<body class="single has-sidebar comments-open"><div class="post-date">19 April 2019</div></body>"#,
                None,
                Some("2019-04-19 text"),
            ),
            (
                "a blog widget holding the whole post is not a sidebar",
                r#"<body><div class="widget Blog"><h2 class="date-header"><span>Friday, December 23, 2016</span></h2></div></body>"#,
                None,
                Some("2016-12-23 text"),
            ),
            (
                "taxonomy classes on the post name topics, not regions",
                r#"<body><article class="hentry category-events post_tag-kommentar"><time class="entry-date" datetime="2014-01-27T19:02:50+00:00">27. Januar 2014</time></article></body>"#,
                None,
                Some("2014-01-27 time"),
            ),
            (
                "an aside inside the article holds its metadata",
                r#"<body><article class="node"><aside class="meta"><p><time itemprop="datePublished" datetime="2023-10-18T11:45:00+02:00">18. Okt 2023</time></p></aside></article></body>"#,
                None,
                Some("2023-10-18 itemprop:datePublished"),
            ),
            (
                "an aside outside the article is a sidebar",
                r#"<body><aside><span class="date">18.10.2023</span></aside><p>Text.</p></body>"#,
                None,
                None,
            ),
            (
                "layout classes naming a sidebar are not one",
                r#"<body><div class="panel zen-one-sidebar-second"><span class="field-published-at">le 07 mai 2020</span></div></body>"#,
                None,
                Some("2020-05-07 text"),
            ),
            (
                "a page wrapped in a form (ASP.NET) is still read",
                r#"<body><form id="aspnetForm"><div class="news-content"><span class="date">Blog entry by A. B. | 28 April, 2017</span></div></form></body>"#,
                None,
                Some("2017-04-28 text"),
            ),
            (
                "an article's own footer holds its date line",
                r#"<body><article><p>Text.</p><footer><span class="date">14. Dezember 2015</span></footer></article></body>"#,
                None,
                Some("2015-12-14 text"),
            ),
            (
                "the page footer's date is not the article's",
                r#"<body><p>Text.</p><div class="footer"><span class="date">14.12.2015</span></div></body>"#,
                None,
                None,
            ),
            (
                "a date in a title attribute of a date-marked element",
                r#"<body><span class="timestamp" title="13 Oct 2020 18:29">vor 2 Stunden</span></body>"#,
                None,
                Some("2020-10-13 text"),
            ),
            (
                "relative dates alone give no date",
                r#"<body><span class="timestamp">3 hours ago</span></body>"#,
                None,
                None,
            ),
            (
                "American numeric order on an American English page",
                r#"<html lang="en-US"><body><div class="post-meta"><a class="post-meta-time">08/09/2017</a></div></body></html>"#,
                None,
                Some("2017-08-09 text"),
            ),
            (
                "day first on a German page",
                r#"<html lang="de"><body><div class="post-meta"><a class="post-meta-time">08/09/2017</a></div></body></html>"#,
                None,
                Some("2017-09-08 text"),
            ),
            (
                "a class saying the layout has a sidebar is not one",
                r#"<body><div class="layout-container has-sidebar"><div class="entry-meta">1 February 2022</div></div></body>"#,
                None,
                Some("2022-02-01 text"),
            ),
            (
                "a layout named after its sidebar is not one",
                r#"<body><div class="layoutTwoColumnsRightSidebar"><span class="posted">25. November 2021</span></div></body>"#,
                None,
                Some("2021-11-25 text"),
            ),
            (
                "a date line in a box the layout calls a sidebar, when nothing else has one",
                r#"<body><div class="content right-sidebar"><div class="post-meta">12.03.2020</div></div><p>Text.</p></body>"#,
                None,
                Some("2020-03-12 text:loose"),
            ),
            (
                "a date in a teaser box, when nothing else has one",
                r#"<body><div class="teaser-body"><h5>23.01.2019</h5><p>Text.</p></div></body>"#,
                None,
                Some("2019-01-23 text:loose-first"),
            ),
            (
                "the loose search still skips comments",
                r#"<body><div class="teaser"><div class="comment-date">12.03.2020</div></div></body>"#,
                None,
                None,
            ),
            (
                "a date line outside the sidebar wins over one inside it",
                r#"<body><div class="sidebar"><span class="date">01.01.2020</span></div><div class="byline">02.02.2020</div></body>"#,
                None,
                Some("2020-02-02 text"),
            ),
            (
                "a future date line is refused",
                r#"<body><span class="date">01.01.2099</span></body>"#,
                None,
                None,
            ),
        ]);
    }

    #[test]
    fn modified_is_kept_apart() {
        let html = r#"<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2019-10-15T16:59:59Z","dateModified":"2020-03-12T14:42:17Z"}</script><meta property="article:modified_time" content="2020-03-13">"#;
        let m = read(&Document::from(html), None, html, None);
        assert_eq!(m.published, Some((ymd(2019, 10, 15), "json-ld".to_string())));
        assert_eq!(m.modified, Some(ymd(2020, 3, 12)));
        let html = r#"<meta name="lastmod" content="2021-03-14T20:10:50Z"><meta name="pubdate" content="2021-03-08T11:15:28Z">"#;
        let m = read(&Document::from(html), None, html, None);
        assert_eq!(m.published, Some((ymd(2021, 3, 8), "meta:pubdate".to_string())));
        assert_eq!(m.modified, Some(ymd(2021, 3, 14)));
    }

    #[test]
    fn utc_afternoons() {
        fn check(input: &str, expected: bool) {
            assert_eq!(afternoon_utc(input), expected, "{input:?}");
        }
        check("2020-12-05T23:15:00Z", true);
        check("2020-12-05T22:00:00+00:00", true);
        check("2020-12-05 23:59:00+0000", true);
        check("2020-12-05T21:59:00Z", false);
        check("2020-12-05T12:53:40+00:00", false);
        check("2020-12-05T23:15:00+01:00", false);
        check("2020-12-05T23:15:00", false);
        check("2020-12-05", false);
        check("", false);
    }

    #[test]
    fn class_words() {
        fn check(class: &str, expected: &[&str]) {
            let html = format!(r#"<div class="{class}">x</div>"#);
            let doc = Document::from(html.as_str());
            let node = *doc.select("div").nodes().first().expect("one div");
            assert_eq!(mark_words(&node), expected, "{class:?}");
        }
        check("ArticleHeader_date", &["article", "header", "date"]);
        check("post-meta  entry-date", &["post", "meta", "", "entry", "date"]);
        check(
            "hentry category-comments tag-related post_tag-sidebar",
            &["hentry"],
        );
        check("", &[]);
    }

    #[test]
    fn marks_match_the_words() {
        // The fast classification agrees with the judgements over `mark_words`.
        fn check(class: &str, id: &str) {
            let html = format!(r#"<div class="{class}" id="{id}">x</div>"#);
            let doc = Document::from(html.as_str());
            let node = *doc.select("div").nodes().first().expect("one div");
            assert_eq!(
                marks(&node),
                Marks::from_words(&mark_words(&node)),
                "{class:?} {id:?}"
            );
        }
        for class in [
            "ArticleHeader_date",
            "post-meta  entry-date",
            "hentry category-comments tag-related post_tag-sidebar",
            "",
            "comment-list",
            "post-comments",
            "RelatedArticles_list",
            "widget sidebar",
            "read more",
            "sticky-sidebar-parent features",
            "panel zen-one-sidebar-second",
            "has-sidebar layoutTwoColumnsRightSidebar no-sidebar",
            "entry-footer",
            "site-footer",
            "PostFooter",
            "x2Date TIMESTAMP published_at",
            "Kommentare-Box",
            "fecha-publicación",
            "Über-teaser más",
            "a-b-c-d-e-f-g-h-i-j-k-l-m-n-o-p-q-r-s-t-u-v-w-x-y-z-comments",
            "__ -- 12 ArticleMORE",
            "storyTeaser newsDate",
            "xTimeStampx lastUpdatedTime Byline-author fechaCreated",
            "TAG-x Cat-news Topic-Sidebar post_TAG_cloud",
            "moreInfo zeitMETA submittedBy datumSTAMP",
            "averyveryverylongclassnamethatgoesonandonandonforwellovernintysixbytes-sidebar-teaser-with-date-and-more",
        ] {
            check(class, "");
            check("", class);
            check(class, "main-sidebar");
        }
    }

    #[test]
    fn chrome_class_names() {
        fn check(class: &str, expected: bool) {
            let html = format!(r#"<div class="{class}">x</div>"#);
            let doc = Document::from(html.as_str());
            let node = *doc.select("div").nodes().first().expect("one div");
            assert_eq!(is_chrome(&mark_words(&node)), expected, "{class:?}");
        }
        check("comment-list", true);
        check("post-comments", true);
        check("RelatedArticles_list", true);
        check("widget sidebar", true);
        check("read more", true);
        check("sticky-sidebar-parent features", false);
        check("panel zen-one-sidebar-second", false);
        check("entry-meta", false);
        check("hentry tag-comments", false);
    }

    #[test]
    fn title_suffixes() {
        fn check(title: &str, outlet: Option<&str>, short: bool, expected: &str) {
            assert_eq!(strip_suffix(title, outlet, short), expected, "{title:?}");
        }
        check(
            "Big story about data | The Daily Example",
            Some("The Daily Example"),
            false,
            "Big story about data",
        );
        check(
            "Big story about data - Example News",
            None,
            true,
            "Big story about data",
        );
        check(
            "Left - right: a debate about data privacy rules",
            None,
            true,
            "Left - right: a debate about data privacy rules",
        );
        check("Plain headline", Some("Outlet"), true, "Plain headline");
        check(
            "Story - with dash inside",
            Some("Outlet"),
            false,
            "Story - with dash inside",
        );
    }

    #[test]
    fn hosts() {
        assert_eq!(
            host("https://www.Example.com:8080/a?b").as_deref(),
            Some("example.com")
        );
        assert_eq!(host("not a url"), None);
        assert_eq!(absolutize("/a/b", Some("https://x.org/c")), "https://x.org/a/b");
        assert_eq!(absolutize("//x.org/a", Some("http://y.org/")), "http://x.org/a");
    }
}
