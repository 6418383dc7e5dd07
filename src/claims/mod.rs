//! Article text → claims. Pure: lexicons come in as strings (the built-in ones from `data/` via
//! `include_str!`, a user's from a file the CLI reads); no I/O, no clock.

use crate::model::{Article, Claim};

/// Recorded on every claim row; bump it when rules or lexicons change what is extracted.
pub const EXTRACTOR_VERSION: &str = "0.1.0";

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{source_name}:{line}: {reason}")]
pub struct LexiconError {
    pub source_name: String,
    pub line: usize,
    pub reason: String,
}

/// Companies (canonical name and aliases), data-type phrases and cue phrases.
#[derive(Debug, Clone)]
pub struct Lexicon {}

impl Lexicon {
    /// The lexicons shipped in `data/`.
    pub fn builtin() -> Lexicon {
        unimplemented!("claims::Lexicon::builtin")
    }

    /// Adds a user's company lexicon (same format as `data/companies.tsv`).
    pub fn add_companies(&mut self, text: &str, source_name: &str) -> Result<(), LexiconError> {
        let _ = (text, source_name);
        unimplemented!("claims::Lexicon::add_companies")
    }

    /// The canonical name for a company name or alias, case-insensitively.
    pub fn canonical_company(&self, name: &str) -> Option<&str> {
        let _ = name;
        unimplemented!("claims::Lexicon::canonical_company")
    }
}

/// Compiled matchers over a lexicon; build once, use for many articles (Send + Sync).
pub struct Extractor {}

impl Extractor {
    pub fn new(lexicon: &Lexicon) -> Extractor {
        let _ = lexicon;
        unimplemented!("claims::Extractor::new")
    }

    /// All claims in the article's text, in text order.
    pub fn extract(&self, article: &Article) -> Vec<Claim> {
        let _ = article;
        unimplemented!("claims::Extractor::extract")
    }
}
