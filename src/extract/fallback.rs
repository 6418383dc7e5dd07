//! Our own simple extraction, used when dom_smoothie returns a login box, a notice or almost
//! nothing: the densest cluster of `<p>` outside page chrome. Also measures the page's visible
//! paragraph text, which tells whether dom_smoothie's answer is suspiciously short. Pure.

use std::collections::HashMap;

use dom_query::{Document, NodeId, NodeRef};

use super::meta::clean;

/// What the fallback found in a page.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Fallback {
    /// The paragraphs of the best container, separated by a blank line.
    pub text: String,
    /// Characters of all `<p>` text outside page chrome.
    pub visible_chars: usize,
}

/// Elements whose content is never article text.
const SKIP_TAGS: &[&str] = &[
    "nav",
    "aside",
    "footer",
    "header",
    "form",
    "script",
    "style",
    "noscript",
    "template",
    "button",
    "select",
    "figcaption",
    "dialog",
    "menu",
];

/// Substrings of `class` / `id` that mark page chrome.
const SKIP_MARKS: &[&str] = &[
    "comment",
    "related",
    "share",
    "social",
    "newsletter",
    "promo",
    "cookie",
    "consent",
    "sidebar",
    "breadcrumb",
    "footer",
    "navbar",
    "nav-",
    "menu",
    "subscribe",
    "paywall",
    "advert",
    "popup",
    "modal",
    "recommend",
    "outbrain",
    "taboola",
    "signup",
    "sign-up",
    "login",
    "banner",
    "masthead",
    "most-read",
    "mostread",
    "most-pop",
    "most-viewed",
    "trending",
    "teaser-list",
    "more-stories",
    "read-more",
    "readmore",
];

fn is_chrome(node: &NodeRef) -> bool {
    let Some(name) = node.node_name() else {
        return false;
    };
    if SKIP_TAGS.contains(&name.as_ref()) {
        return true;
    }
    if matches!(name.as_ref(), "body" | "html") {
        return false;
    }
    if node.attr("aria-hidden").is_some_and(|v| v.as_ref() == "true") || node.has_attr("hidden") {
        return true;
    }
    if node
        .attr("role")
        .is_some_and(|r| matches!(r.as_ref(), "navigation" | "complementary" | "dialog"))
    {
        return true;
    }
    // Each value on its own: no mark holds a space, so none could straddle the two.
    ["class", "id"]
        .iter()
        .any(|a| node.attr(a).is_some_and(|v| SKIP_FINDER.is_match(v.as_bytes())))
}

/// `SKIP_MARKS` in one automaton, ASCII case-insensitive (as the marks were looked for in
/// the ASCII-lowercased values): one pass per value instead of one search per mark.
pub(super) static SKIP_FINDER: std::sync::LazyLock<aho_corasick::AhoCorasick> =
    std::sync::LazyLock::new(|| {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(SKIP_MARKS)
            .expect("the chrome marks are plain literals")
    });

fn is_article_root(node: &NodeRef) -> bool {
    node.node_name()
        .is_some_and(|n| matches!(n.as_ref(), "article" | "main"))
        || node.attr("itemprop").is_some_and(|v| v.as_ref() == "articleBody")
}

pub(crate) fn extract(doc: &Document) -> Fallback {
    let mut chrome_memo: HashMap<NodeId, bool> = HashMap::new();
    let mut scores: HashMap<NodeId, f64> = HashMap::new();
    let mut paragraphs: Vec<(String, Vec<NodeId>)> = Vec::new();
    let mut visible_chars = 0;

    for p in doc.select("p").nodes() {
        let ancestors = p.ancestors(None);
        let mut chrome = false;
        // Outermost first, so the memo fills from the top.
        for a in ancestors.iter().rev() {
            let c = *chrome_memo.entry(a.id).or_insert_with(|| is_chrome(a));
            if c {
                chrome = true;
                break;
            }
        }
        if chrome {
            continue;
        }
        let text = clean(&p.text());
        let len = text.chars().count();
        if len == 0 {
            continue;
        }
        visible_chars += len;
        // Short lines (datelines, captions, "Advertisement") count less toward the cluster.
        let weight = if len < 25 { 0.2 } else { 1.0 } * len as f64;
        for (depth, a) in ancestors.iter().take(3).enumerate() {
            let bonus = if is_article_root(a) { 1.5 } else { 1.0 };
            *scores.entry(a.id).or_insert(0.0) += weight * bonus / (1 << depth) as f64;
        }
        paragraphs.push((text, ancestors.iter().map(|a| a.id).collect()));
    }

    let best = scores
        .iter()
        .max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(a.0)))
        .map(|(id, _)| *id);
    let text = match best {
        Some(best) => paragraphs
            .iter()
            .filter(|(_, anc)| anc.contains(&best))
            .map(|(t, _)| t.as_str())
            .filter(|t| !is_boilerplate_paragraph(t))
            .collect::<Vec<_>>()
            .join("\n\n"),
        None => String::new(),
    };
    Fallback { text, visible_chars }
}

/// Phrases of site chrome: login walls, paywalls, cookie and newsletter notices.
const CHROME_PHRASES: &[&str] = &[
    "subscribe",
    "subscriber",
    "subscription",
    "sign in",
    "sign up",
    "log in",
    "login",
    "register",
    "create an account",
    "create a free account",
    "continue reading",
    "keep reading",
    "read the full",
    "cookie",
    "terms of service",
    "terms of use",
    "terms and conditions",
    "privacy policy",
    "newsletter",
    "all rights reserved",
    "enable javascript",
    "ad blocker",
    "adblocker",
    "unlimited access",
    "free trial",
    "already have an account",
    "abonnieren",
    "anmelden",
    "registrieren",
    "weiterlesen",
];

/// Narrower phrases that on their own mark a short paragraph as chrome, even when the article
/// is about cookies or terms of service.
const STRONG_PHRASES: &[&str] = &[
    "we use cookies",
    "this site uses cookies",
    "this website uses cookies",
    "accept cookies",
    "accept all cookies",
    "cookie settings",
    "by continuing to use",
    "subscribe to continue",
    "subscribe now",
    "subscribe to read",
    "subscribers only",
    "for subscribers",
    "already a subscriber",
    "sign in to continue",
    "sign in to read",
    "log in to continue",
    "sign up for our",
    "sign up to our",
    "our newsletter",
    "create a free account",
    "to continue reading",
    "all rights reserved",
    "enable javascript",
    "turn off your ad blocker",
    "disable your ad blocker",
    "jetzt abonnieren",
    "wir verwenden cookies",
];

/// A short paragraph that is a notice rather than article text.
pub(crate) fn is_boilerplate_paragraph(p: &str) -> bool {
    // More than 220 characters (counted only as far as needed).
    if p.len() > 220 && p.chars().nth(220).is_some() {
        return false;
    }
    let l = p.to_lowercase();
    STRONG_PHRASES.iter().any(|s| l.contains(s))
}

/// Share (0..=1) of the text's characters in paragraphs that mention a chrome phrase.
pub(crate) fn chrome_share(text: &str) -> f64 {
    let mut total = 0usize;
    let mut chrome = 0usize;
    for p in text.split("\n\n") {
        let n = p.chars().count();
        total += n;
        let l = p.to_lowercase();
        if CHROME_PHRASES.iter().any(|s| l.contains(s)) {
            chrome += n;
        }
    }
    if total == 0 {
        0.0
    } else {
        chrome as f64 / total as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn densest_cluster_wins() {
        fn check(html: &str, expected_text: &str, expected_visible: usize) {
            let fb = extract(&Document::from(html));
            assert_eq!(fb.text, expected_text, "{html}");
            assert_eq!(fb.visible_chars, expected_visible, "{html}");
        }
        let long_a = "a".repeat(40);
        let long_b = "b".repeat(40);
        check(
            &format!(
                "<nav><p>Home</p></nav><div class=x><p>{long_a}</p><p>{long_b}</p></div>\
                 <div class=comments><p>first!</p></div><div><p>short note here</p></div>"
            ),
            &format!("{long_a}\n\n{long_b}"),
            80 + "short note here".len(),
        );
        check("<footer><p>Copyright</p></footer>", "", 0);
        check("", "", 0);
        check(
            &format!("<article><p>{long_a}</p><p>We use cookies to improve the site.</p></article>"),
            &long_a,
            40 + "We use cookies to improve the site.".len(),
        );
    }

    #[test]
    fn chrome_shares() {
        fn check(text: &str, expected: f64) {
            assert!(
                (chrome_share(text) - expected).abs() < 0.01,
                "{text:?}: {}",
                chrome_share(text)
            );
        }
        check("Subscribe now\n\nSign in", 1.0);
        check("A plain paragraph.\n\nAnother one.", 0.0);
        check("", 0.0);
        check("aaaa\n\nsubscribe", 9.0 / 13.0);
    }
}
