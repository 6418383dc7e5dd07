//! The relevance filter for collected pages: an article is kept only when it names a company
//! from the lexicon and speaks of personal data or privacy. Also what the claim rules do not
//! read at all (`not_read`): a text in another language than English, and a site's own privacy
//! policy or terms, which state the site's practices in the words of a contract, not news
//! about a company's. Pure.

use std::sync::OnceLock;

use regex::Regex;

use super::{Ent, Extractor};
use crate::model::Article;

/// Words that mark an article about privacy even when no taxonomy phrase matches.
fn privacy_words() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        super::ascii_b(
            r"(?i)(?-u:\b)(?:privacy|data\s+protection|data\s+breach(?:es)?|surveillance|GDPR|CCPA|COPPA|trackers?|tracking\s+cookies|consent\s+decree|data\s+broker(?:s)?|personal\s+information|user\s+data|leak(?:ed)?\s+data)(?-u:\b)",
        )
        .expect("the privacy-word pattern is fixed and tested")
    })
}

/// A policy's name: what a site calls its privacy policy or terms.
const POLICY_NAME: &str = r"(?:privacy|cookies?|data\s+protection|data|privacy\s+and\s+cookies?)\s+(?:policy|notice|statement|declaration)|terms\s+(?:of\s+(?:service|use)|and\s+conditions|&\s+conditions)|terms|legal\s+notice|datenschutzerklärung|datenschutz|mentions\s+légales|politique\s+de\s+confidentialité|impressum";

/// A title (or one of its parts between separators) that is only a policy's name, perhaps
/// after the site's name or "Our": "Privacy Policy", "SibenLab privacy policy", "Terms of
/// Service | Example". A headline about a policy says more ("Facebook changes its privacy
/// policy", "Google's new privacy policy"): a lower-case word before the name.
fn policy_title() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        super::ascii_b(&format!(
            r"(?i:^\s*(?:(?:our|the|(?-i:[A-Z0-9][\w&.'’-]*))\s+){{0,3}}?(?:{POLICY_NAME})\s*$)"
        ))
        .expect("the policy-title pattern is fixed and tested")
    })
}

/// A URL path that names a policy page (`/privacy-policy`, `/legal/terms`, `/tos`).
fn policy_path() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        super::ascii_b(
            r"(?i)^https?://[^/]+(?:/[^/?#]*)*?/(?:privacy|privacy[-_]policy|privacy[-_]notice|privacy[-_]statement|cookie[-_]policy|cookies|terms|terms[-_]of[-_](?:service|use)|terms[-_]and[-_]conditions|tos|legal|datenschutz|impressum)(?:\.\w+)?/?(?:[?#].*)?$",
        )
        .expect("the policy-path pattern is fixed and tested")
    })
}

/// The text speaks of itself as a policy or terms ("This privacy policy", "these Terms",
/// "this Agreement").
fn policy_self() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        super::ascii_b(
            r"(?i)\b(?:this|these)\s+(?:(?:privacy|cookies?|data\s+protection)\s+)?(?:policy|notice|statement|terms|agreement)\b",
        )
        .expect("the policy self-reference pattern is fixed and tested")
    })
}

/// Whether the article is a site's own privacy policy or terms: its title is a policy's name,
/// or its URL a policy page's, and its text calls itself "this policy", "these terms" at least
/// twice (a news report about a policy quotes it once, if at all).
pub(crate) fn is_policy_page(article: &Article) -> bool {
    let title = article
        .title
        .as_deref()
        .or_else(|| article.text.lines().next())
        .unwrap_or("");
    let titled = title
        .split(['|', '–', '—', ':', '·', '•'])
        .chain(title.split(" - "))
        .any(|part| policy_title().is_match(part));
    let url = article.url.as_deref().or(article.canonical_url.as_deref());
    if !titled && !url.is_some_and(|u| policy_path().is_match(u)) {
        return false;
    }
    policy_self().find_iter(&article.text).nth(1).is_some()
}

/// Why the claim rules do not read the article at all, or `None` when they do: its language
/// is known and not English (`language::rules_read`), or it is a site's own privacy policy or
/// terms (`is_policy_page`).
pub(crate) fn not_read(article: &Article) -> Option<&'static str> {
    if !super::language::rules_read(article.language.as_deref()) {
        return Some("not relevant: not in English (the claim rules read English only)");
    }
    if is_policy_page(article) {
        return Some("not relevant: a site's own privacy policy or terms, not news");
    }
    None
}

impl Extractor {
    /// Why the article is not about a company's handling of personal data, or `None` when it
    /// is: it must be read by the claim rules (`not_read`), name a company of the lexicon and use a
    /// data or privacy term (a phrase of the data-type taxonomy, or a word such as "privacy",
    /// "surveillance", "GDPR").
    pub fn irrelevance(&self, article: &Article) -> Option<&'static str> {
        if let Some(reason) = not_read(article) {
            return Some(reason);
        }
        let text = &article.text;
        let company = self
            .ents
            .find(text)
            .iter()
            .any(|h| matches!(h.val, Ent::Company(_)));
        if !company {
            return Some("not relevant: names no company from the lexicon (use --all to keep it)");
        }
        let data = self.taxa.find(text).iter().any(|h| h.val.is_some()) || privacy_words().is_match(text);
        if !data {
            return Some("not relevant: no personal-data or privacy term (use --all to keep it)");
        }
        None
    }

    /// Whether the article names a lexicon company and a data or privacy term.
    pub fn is_relevant(&self, article: &Article) -> bool {
        self.irrelevance(article).is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::Lexicon;

    fn check(text: &str, expected: bool) {
        static EX: OnceLock<Extractor> = OnceLock::new();
        let ex = EX.get_or_init(|| Extractor::new(&Lexicon::builtin()));
        let article = Article {
            text: text.to_string(),
            origin: "test".into(),
            ..Article::default()
        };
        assert_eq!(ex.is_relevant(&article), expected, "{text}");
    }

    #[test]
    fn company_and_data_term_both_needed() {
        check(
            "Facebook let device makers read the friend lists of its users.",
            true,
        );
        check("Google faces a fine over how it stores location history.", true);
        check(
            "Regulators opened a privacy inquiry into Amazon on Tuesday.",
            true,
        );
        check(
            "A regional bakery reopened after the storm; customers lined up for bread.",
            false,
        );
        check(
            "Microsoft shares rose four percent after the quarterly results.",
            false,
        );
        check(
            "The agency says brokers sold location history of millions of drivers.",
            false,
        );
        check("", false);
    }

    fn policy(title: Option<&str>, url: Option<&str>, text: &str) -> bool {
        let article = Article {
            title: title.map(str::to_string),
            url: url.map(str::to_string),
            text: text.to_string(),
            origin: "test".into(),
            ..Article::default()
        };
        is_policy_page(&article)
    }

    #[test]
    fn a_sites_own_policy_is_not_news() {
        let body = "This notice explains what the Harbourside Bakery site keeps about visitors. \
                    We use cookies from Google to count visits. By using the site you accept this notice.";
        assert!(policy(Some("Harbourside Bakery privacy notice"), None, body));
        assert!(policy(
            Some("Terms of Use | Harbourside"),
            None,
            "These terms bind you. Read these terms."
        ));
        assert!(policy(
            None,
            Some("https://example.org/legal/privacy-policy"),
            body
        ));
        // A report about a policy: its headline says more, or the text never speaks of itself.
        assert!(!policy(
            Some("Meta rewrites its privacy policy for teens"),
            None,
            body
        ));
        assert!(!policy(
            Some("Privacy Policy"),
            None,
            "Regulators said the new rules would apply from May. The firm did not comment."
        ));
    }

    #[test]
    fn other_languages_are_not_read() {
        let mut article = Article {
            text: "Facebook shared the friend lists of its users with device makers.".into(),
            origin: "test".into(),
            language: Some("de".into()),
            ..Article::default()
        };
        assert!(not_read(&article).is_some());
        article.language = Some("en-GB".into());
        assert!(not_read(&article).is_none());
        article.language = None;
        assert!(not_read(&article).is_none());
    }
}
