//! The relevance filter for collected pages: an article is kept only when it names a company
//! from the lexicon and speaks of personal data or privacy. Pure.

use std::sync::OnceLock;

use regex::Regex;

use super::{Ent, Extractor};
use crate::model::Article;

/// Words that mark an article about privacy even when no taxonomy phrase matches.
fn privacy_words() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?i)(?-u:\b)(?:privacy|data\s+protection|data\s+breach(?:es)?|surveillance|GDPR|CCPA|COPPA|trackers?|tracking\s+cookies|consent\s+decree|data\s+broker(?:s)?|personal\s+information|user\s+data|leak(?:ed)?\s+data)(?-u:\b)",
        )
        .expect("the privacy-word pattern is fixed and tested")
    })
}

impl Extractor {
    /// Why the article is not about a company's handling of personal data, or `None` when it
    /// is: it must name a company of the lexicon and use a data or privacy term (a phrase of the
    /// data-type taxonomy, or a word such as "privacy", "surveillance", "GDPR").
    pub fn irrelevance(&self, article: &Article) -> Option<&'static str> {
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
}
