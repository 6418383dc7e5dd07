//! Pre-cleaning of the parsed tree before dom_smoothie reads it: removes the kinds of page
//! chrome that readability keeps because they sit inside the article container — image
//! captions and credits, "related" / "read more" link lists, newsletter and share boxes, tag
//! lists, author boxes, datelines. Decided by structure only (tag names, ARIA roles,
//! class/id words, link density), never by a site's name. Pure.

use dom_query::{Document, NodeRef};

/// Elements removed wherever they are.
const DROP_TAGS: &[&str] = &["figcaption", "aside", "nav", "dialog", "menu"];

/// Words in `class` / `id` that mark a block of chrome inside an article. Matched as
/// substrings of the lower-cased attribute values.
const DROP_MARKS: &[&str] = &[
    "caption",
    "credit",
    "related",
    "newsletter",
    "promo",
    "share",
    "sharing",
    "social",
    "subscribe",
    "signup",
    "sign-up",
    "read-more",
    "readmore",
    "more-stories",
    "recommend",
    "tags",
    "tag-list",
    "taglist",
    "author-bio",
    "author-box",
    "authorbox",
    "about-author",
    "dateline",
    "timestamp",
    "byline",
    "breadcrumb",
    "comment",
    "advert",
    "sponsor",
    "outbrain",
    "taboola",
    "most-read",
    "mostread",
    "most-popular",
    "most-pop",
    "most-viewed",
    "trending",
    "also-read",
    "see-also",
    "next-article",
    "post-nav",
    "pagination",
    "disclaimer",
];

/// Words that keep an element whose marks also hold a drop word: the article container
/// itself often carries feature flags such as `has-share-bar`.
const KEEP_MARKS: &[&str] = &[
    "article-body",
    "articlebody",
    "story-body",
    "entry-content",
    "post-content",
    "main-content",
];

/// ARIA roles of chrome.
const DROP_ROLES: &[&str] = &[
    "complementary",
    "navigation",
    "contentinfo",
    "banner",
    "dialog",
    "alert",
];

/// A block with a drop mark longer than this is kept unless it is mostly links: a wrapper
/// named after a feature is not proof that its text is chrome.
const MARKED_MAX_CHARS: usize = 1500;

/// Removes chrome from `doc` in place. Returns how many elements were removed.
pub(crate) fn clean(doc: &Document) -> usize {
    let body = doc.select("body");
    let Some(body) = body.nodes().first().cloned() else {
        return 0;
    };
    let mut removed = 0;
    let mut next = body.first_element_child();
    while let Some(node) = next {
        if should_drop(&node) {
            next = next_skipping_children(&node, &body);
            node.remove_from_parent();
            removed += 1;
        } else {
            next = node
                .first_element_child()
                .or_else(|| next_skipping_children(&node, &body));
        }
    }
    removed
}

/// The next element in document order after `node`'s subtree, staying inside `root`.
fn next_skipping_children<'a>(node: &NodeRef<'a>, root: &NodeRef<'a>) -> Option<NodeRef<'a>> {
    let mut cur = *node;
    loop {
        if let Some(s) = cur.next_element_sibling() {
            return Some(s);
        }
        let p = cur.parent()?;
        if p.id == root.id {
            return None;
        }
        cur = p;
    }
}

fn should_drop(node: &NodeRef) -> bool {
    // What the element's tag and attributes say, read in one look at the element.
    let (list, paragraph, marked) = {
        let Some(el) = node.element_ref() else {
            return false;
        };
        let name: &str = &el.name.local;
        if DROP_TAGS.contains(&name) {
            return true;
        }
        if matches!(name, "article" | "main" | "body" | "html" | "a") {
            return false;
        }
        let attr = |k: &str| el.attrs.iter().find(|a| &*a.name.local == k).map(|a| &*a.value);
        if attr("role").is_some_and(|r| DROP_ROLES.iter().any(|d| r.trim().eq_ignore_ascii_case(d))) {
            return true;
        }
        (
            matches!(name, "ul" | "ol"),
            name == "p",
            is_marked(attr("class"), attr("id")),
        )
    };
    if marked {
        let text = node.text();
        let chars = text.chars().count();
        return chars <= MARKED_MAX_CHARS || link_density(node, chars) > 0.5;
    }
    if list {
        is_link_list(node)
    } else if paragraph {
        is_link_line(node)
    } else {
        false
    }
}

/// Whether `class` / `id` hold a drop mark and no keep mark (case-insensitively).
fn is_marked(class: Option<&str>, id: Option<&str>) -> bool {
    // One pass over each value for both lists (no mark holds a space, so none spans the two).
    let (mut drop, mut keep) = (false, false);
    for v in [class, id].into_iter().flatten() {
        for m in MARK_FINDER.find_overlapping_iter(v) {
            if m.pattern().as_usize() < DROP_MARKS.len() {
                drop = true;
            } else {
                keep = true;
            }
        }
    }
    drop && !keep
}

/// `DROP_MARKS` then `KEEP_MARKS`, as one automaton; pattern ids below `DROP_MARKS.len()` are
/// drop marks.
static MARK_FINDER: std::sync::LazyLock<aho_corasick::AhoCorasick> = std::sync::LazyLock::new(|| {
    aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(DROP_MARKS.iter().chain(KEEP_MARKS))
        .expect("the class-name marks are plain literals")
});

/// Characters of link text in `node` divided by `chars` (its text length).
fn link_density(node: &NodeRef, chars: usize) -> f64 {
    if chars == 0 {
        return 0.0;
    }
    let links: usize = node
        .descendants_it()
        .filter(|d| d.has_name("a"))
        .map(|a| a.text().chars().count())
        .sum();
    links as f64 / chars as f64
}

/// A list of two or more items that is nearly all links: "related stories", "more from".
fn is_link_list(node: &NodeRef) -> bool {
    let items = node
        .element_children()
        .iter()
        .filter(|c| c.has_name("li"))
        .count();
    if items < 2 {
        return false;
    }
    let chars = solid_chars(&node.text());
    if chars == 0 {
        return false;
    }
    link_solid_chars(node) as f64 / chars as f64 > 0.8
}

/// A short paragraph that is one link and nothing else: a headline pointing elsewhere.
fn is_link_line(node: &NodeRef) -> bool {
    let chars = solid_chars(&node.text());
    if chars == 0 || chars > 150 {
        return false;
    }
    link_solid_chars(node) * 10 >= chars * 9
}

/// Characters that are not whitespace.
fn solid_chars(text: &str) -> usize {
    text.chars().filter(|c| !c.is_whitespace()).count()
}

/// Non-whitespace characters of the link text inside `node`.
fn link_solid_chars(node: &NodeRef) -> usize {
    node.descendants_it()
        .filter(|d| d.has_name("a"))
        .map(|a| solid_chars(&a.text()))
        .sum()
}

/// Whole paragraphs (lower-cased, trailing `.:!…` ignored) that are labels of page chrome.
const LABELS: &[&str] = &[
    "advertisement",
    "advert",
    "advertorial",
    "ad",
    "ads",
    "sponsored",
    "anzeige",
    "anzeigen",
    "werbung",
    "publicité",
    "publicidad",
    "pubblicità",
    "continue reading below",
    "story continues below",
    "article continues below",
    "comments",
    "comment",
    "post comment (+)",
    "subscribe",
    "share",
    "share this",
    "share this article",
    "share this story",
    "sharing is caring",
    "related",
    "related news",
    "related stories",
    "related articles",
    "you may also like",
    "you might also like",
    "don't miss",
    "more",
    "see more photos",
    "recent articles",
    "popular this week",
    "most read",
    "caption",
    "close",
    "this slideshow requires javascript",
    "tell us what you think",
];

/// Openings of short paragraphs that point elsewhere or credit a picture.
const LABEL_OPENINGS: &[&str] = &[
    "read more:",
    "read more »",
    "related:",
    "[related:",
    "related post:",
    "related article:",
    "see more:",
    "see also:",
    "also read:",
    "also on ",
    "more:",
    "watch:",
    "photo:",
    "photos:",
    "image:",
    "(image:",
    "credit:",
    "image credit:",
    "picture:",
    "foto:",
    "image 1 of",
];

/// Openings of a dateline ("Updated 5:27 am, Nov 20, 2019"), recognised only on a short
/// paragraph with three digits or more that does not end as a sentence does.
const DATELINE_OPENINGS: &[&str] = &[
    "updated",
    "posted",
    "published",
    "first published",
    "last updated",
    "| updated",
];

/// A short paragraph that is chrome by its wording: a label ("Advertisement"), a pointer to
/// another story ("Read more: ..."), a picture credit or a dateline.
pub(crate) fn is_label_paragraph(p: &str) -> bool {
    let n = p.chars().count();
    if n > 200 {
        return false;
    }
    let l = p.to_lowercase();
    let bare = l
        .trim()
        .trim_end_matches(['.', ':', '!', '…', ' '])
        .trim_matches(['-', '–', '—', ' ']);
    if LABELS.contains(&bare) {
        return true;
    }
    if LABEL_OPENINGS.iter().any(|o| l.starts_with(o)) {
        return true;
    }
    // A picture credit or copyright line ("Photo of the harbour. © Agency / Name").
    if n <= 160 && l.contains('©') {
        return true;
    }
    n <= 90
        && p.chars().filter(|c| c.is_ascii_digit()).count() >= 3
        && !p.trim_end().ends_with('.')
        && DATELINE_OPENINGS.iter().any(|o| l.starts_with(o))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_chrome_inside_articles() {
        fn check(body: &str, expected_text: &str) {
            let doc = Document::from(format!("<html><body>{body}</body></html>").as_str());
            clean(&doc);
            let got = super::super::meta::clean(&doc.select("body").text());
            assert_eq!(got, expected_text, "{body}");
        }
        check(
            "<article><p>Kept text.</p><figure><img><figcaption>A photo</figcaption></figure></article>",
            "Kept text.",
        );
        check(
            "<article><p>Kept.</p><div class=related-links><p>Other story</p></div></article>",
            "Kept.",
        );
        check("<div class='article-body has-share'><p>Kept.</p></div>", "Kept.");
        check(
            "<p>Kept.</p><ul><li><a href=/a>One story</a></li><li><a href=/b>Two story</a></li></ul>",
            "Kept.",
        );
        check(
            "<p>Kept.</p><ul><li>Plain item one</li><li>Plain item <a href=/b>two</a></li></ul>",
            "Kept.Plain item onePlain item two",
        );
        check("<p>Kept.</p><p><a href=/x>Read this other story</a></p>", "Kept.");
        check(
            "<p>Kept <a href=/x>with a link</a> inside.</p>",
            "Kept with a link inside.",
        );
        check("<div role=complementary>Side</div><p>Kept.</p>", "Kept.");
        check("", "");
    }

    #[test]
    fn label_paragraphs() {
        fn check(p: &str, expected: bool) {
            assert_eq!(is_label_paragraph(p), expected, "{p:?}");
        }
        check("Advertisement", true);
        check("ADVERTISEMENT", true);
        check("You may also like...", true);
        check("Read more: Another company settles a privacy case", true);
        check("Photo: A. Person, Agency", true);
        check("Updated 5:27 am CST, Wednesday, November 20, 2019", true);
        check(
            "Updated rules took effect in 2019 after the regulator's review of the case.",
            false,
        );
        check("The company said it would publish the report in 2020.", false);
        check("Comments from the regulator were not available.", false);
        check("-- Anzeige --", true);
        check("- Advertisement -", true);
        check("The harbour at dawn. © Agency / A. Person", true);
        check("Werbung für Tabak ist dort seit 2021 verboten.", false);
    }
}
