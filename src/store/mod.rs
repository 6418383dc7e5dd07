//! The SQLite store: the only code that holds SQL. Numbered migrations live in
//! `migrations/NNNN_name.sql`, compiled in and applied on open (`PRAGMA user_version`).
//! WAL, foreign keys on, a busy timeout. One writer.

use std::path::Path;

use chrono::NaiveDate;

use crate::model::{Article, Claim, ClaimRecord, ContradictionRecord, DataType, Polarity};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path}: {source}")]
    Open { path: String, source: rusqlite::Error },
    #[error("{path}: written by a newer claimtrack (schema version {found}, this one knows up to {known}); upgrade claimtrack")]
    TooNew { path: String, found: i64, known: i64 },
    #[error("{path}: not a claimtrack database ({reason})")]
    Foreign { path: String, reason: String },
    #[error(transparent)]
    Sql(#[from] rusqlite::Error),
}

pub type Result<T> = std::result::Result<T, StoreError>;

/// What happened to one article on `save_article`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveStatus {
    /// New article stored.
    Inserted,
    /// Same URL, changed text: the article was replaced and its claims re-extracted.
    Replaced,
    /// Same URL with the same text, or the same normalised content under another URL.
    Duplicate,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SaveOutcome {
    pub status: SaveStatus,
    pub article_id: i64,
    /// Claims stored for this article (0 for a duplicate).
    pub claims: usize,
    /// Contradiction links created by this article's claims.
    pub links: usize,
}

/// Filters shared by `claims`, `contradictions` and `timeline`. `company` matches a claim's
/// actor or counterparty (canonical names); dates compare with the article's publication date.
#[derive(Debug, Clone, Default)]
pub struct ClaimFilter {
    pub company: Option<String>,
    pub data_type: Option<DataType>,
    pub polarity: Option<Polarity>,
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    pub limit: Option<usize>,
}

/// One article found by full-text search.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct SearchHit {
    pub article_id: i64,
    pub url: Option<String>,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<NaiveDate>,
    /// A short excerpt with the matches between `[` and `]`.
    pub snippet: String,
}

/// Counts for `claimtrack stats`.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct Stats {
    pub articles: i64,
    pub claims: i64,
    pub denials: i64,
    pub assertions: i64,
    pub links: i64,
    pub failures: i64,
    pub companies: i64,
    pub first_published: Option<NaiveDate>,
    pub last_published: Option<NaiveDate>,
    pub schema_version: i64,
}

pub struct Store {
    conn: rusqlite::Connection,
}

impl Store {
    /// Opens (creating if needed) and migrates the database for writing.
    pub fn open(path: &Path) -> Result<Store> {
        let _ = path;
        unimplemented!()
    }

    /// Opens an existing database read-only (no migration; refuses an old or newer schema).
    pub fn open_read_only(path: &Path) -> Result<Store> {
        let _ = path;
        unimplemented!()
    }

    /// Stores one article with its claims and links them, all in one transaction.
    /// `content_hash` is `Article::content_hash`.
    pub fn save_article(&mut self, article: &Article, claims: &[Claim], extractor_version: &str) -> Result<SaveOutcome> {
        let _ = (article, claims, extractor_version, &self.conn);
        unimplemented!()
    }

    /// Records an input that could not be read or stored (kept for `stats` and queries).
    pub fn record_failure(&mut self, item: &str, reason: &str) -> Result<()> {
        let _ = (item, reason);
        unimplemented!()
    }

    /// All stored articles, id with the article as it was stored (for `reextract`).
    pub fn articles(&self) -> Result<Vec<(i64, Article)>> {
        unimplemented!()
    }

    /// Replaces one article's claims and relinks them; returns (claims, links) stored.
    pub fn replace_claims(&mut self, article_id: i64, claims: &[Claim], extractor_version: &str) -> Result<(usize, usize)> {
        let _ = (article_id, claims, extractor_version);
        unimplemented!()
    }

    pub fn claims(&self, filter: &ClaimFilter) -> Result<Vec<ClaimRecord>> {
        let _ = filter;
        unimplemented!()
    }

    /// Links whose denial or assertion passes the filter.
    pub fn contradictions(&self, filter: &ClaimFilter) -> Result<Vec<ContradictionRecord>> {
        let _ = filter;
        unimplemented!()
    }

    /// FTS5 search over article titles and text; `query` is FTS5 syntax, plain words work.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>> {
        let _ = (query, limit);
        unimplemented!()
    }

    pub fn stats(&self) -> Result<Stats> {
        unimplemented!()
    }
}
