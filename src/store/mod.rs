//! The SQLite store: the only code that holds SQL. Numbered migrations live in
//! `migrations/NNNN_name.sql`, compiled in and applied on open (`PRAGMA user_version`).
//! WAL, foreign keys on, a busy timeout. One writer.
//!
//! Files: `schema.rs` opens, checks and migrates; `queries.rs` holds the statements and the
//! mapping between rows and model types; `cache.rs` keeps linking candidates in memory between
//! articles; this file is the API. The schema (tables `articles`,
//! `claims`, `links`, `failures`, FTS5 `articles_fts`, `fetch_queue` and `fetch_log` from `0003_fetch.sql`, views `claims_view` and
//! `contradictions_view`) is in `migrations/0001_init.sql`; `schema.snapshot.sql` is what SQLite
//! reports after all migrations, checked by a test.

mod cache;
mod datasette;
mod fetch;
mod keep;
mod lock;
mod queries;
mod rawhtml;
mod schema;
#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::path::Path;

use chrono::NaiveDate;
use rusqlite::{Connection, OpenFlags, TransactionBehavior};

use crate::model::{
    Article, Claim, ClaimRecord, ContradictionRecord, DataType, First, LinkVerdict, PartialDate, Polarity,
    UnknownKey,
};

pub use cache::LinkWork;
pub use datasette::datasette_metadata;
pub use fetch::{
    FetchAttempt, FinishedItem, QueueEntry, QueueItem, QueueKind, QueueSource, QueueState, QueueUpdate,
};
pub use keep::KEEP as LINKS_KEPT_PER_CLAIM;
pub use lock::lock_path;
pub use rawhtml::{PackedHtml, RawHtml};
pub use schema::{APPLICATION_ID, SCHEMA_VERSION};

/// The extractor version recorded for statements added by hand.
pub const MANUAL_VERSION: &str = "manual";

/// A person's correction of a claim: each `Some` field replaces the extracted value
/// (`counterparty: Some(None)` removes the counterparty).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ClaimEdit {
    pub actor: Option<String>,
    pub counterparty: Option<Option<String>>,
    pub data_type: Option<DataType>,
    pub action: Option<crate::model::Action>,
    pub polarity: Option<Polarity>,
}

impl ClaimEdit {
    pub fn is_empty(&self) -> bool {
        *self == ClaimEdit::default()
    }
}

/// Decides whether an assertion contradicts a denial; called as `linker(denial, assertion)`.
pub type Linker = fn(&ClaimRecord, &ClaimRecord) -> Option<LinkVerdict>;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path}: {source}")]
    Open { path: String, source: rusqlite::Error },
    #[error("{path}: written by a newer claimtrack (schema version {found}, this one knows up to {known}); upgrade claimtrack")]
    TooNew { path: String, found: i64, known: i64 },
    #[error("{path}: not a claimtrack database ({reason})")]
    Foreign { path: String, reason: String },
    #[error("{path}: file is not a database (not SQLite); check the --db path")]
    NotADatabase { path: String },
    #[error("{path}: cannot open or create the database file; check that its folder exists, is writable, and that the path is not a folder")]
    CannotOpen { path: String },
    #[error("{path}: no such database; run `claimtrack ingest` first to create it")]
    Missing { path: String },
    #[error("{path}: schema version {found} is older than this claimtrack's ({known}); run `claimtrack ingest` (any writing command) to upgrade it")]
    Outdated { path: String, found: i64, known: i64 },
    #[error("{path}: migration {name} failed: {source}")]
    Migration {
        path: String,
        name: &'static str,
        source: rusqlite::Error,
    },
    #[error("no article with id {0}")]
    NoSuchArticle(i64),
    #[error("no link with id {0}; `claimtrack review` lists them")]
    NoSuchLink(i64),
    #[error("no claim with id {0}; `claimtrack claims` lists them")]
    NoSuchClaim(i64),
    #[error(
        "search query {query:?} is not valid FTS5 syntax and has no plain words to search for: {source}"
    )]
    BadQuery { query: String, source: rusqlite::Error },
    #[error("the database is busy: another process has been writing to it for longer than the busy timeout (5 s); what was stored so far is kept; run the command again")]
    Busy,
    #[error("{path}: this thread is already writing to the database through another Store (a batch begun there and not yet committed holds the writer's turn); waiting would never end, so this write is refused: commit that batch first, or write from another thread")]
    TurnHeldByThisThread { path: String },
    #[error(transparent)]
    Sql(#[from] rusqlite::Error),
}

pub type Result<T> = std::result::Result<T, StoreError>;

impl StoreError {
    /// Whether the error comes from the item being written (too big for SQLite, breaking a
    /// constraint) rather than from the database or the disk: such an item is recorded as a
    /// failure and the batch goes on; any other error stops the run.
    pub fn is_about_the_item(&self) -> bool {
        let code = match self {
            StoreError::Sql(e) => e.sqlite_error_code(),
            _ => None,
        };
        matches!(
            code,
            Some(rusqlite::ErrorCode::TooBig | rusqlite::ErrorCode::ConstraintViolation)
        ) || matches!(self, StoreError::Sql(rusqlite::Error::ToSqlConversionFailure(_)))
    }
}

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
/// actor or counterparty (canonical names, case-insensitively). Dates compare with when the
/// claim was stated: `stated_on`, else the article's publication date; a year or month passes
/// when the stretch it covers overlaps `since..=until` (claims with neither date fail any date
/// bound). `limit` caps the rows returned.
#[derive(Debug, Clone, Default)]
pub struct ClaimFilter {
    pub company: Option<String>,
    pub data_type: Option<DataType>,
    pub polarity: Option<Polarity>,
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    pub limit: Option<usize>,
    /// Which links `contradictions` returns (claims are not filtered by it).
    pub status: StatusFilter,
}

impl ClaimFilter {
    /// Whether it filters on nothing about the claims (company, data type, polarity, dates).
    pub fn is_empty(&self) -> bool {
        self.company.is_none()
            && self.data_type.is_none()
            && self.polarity.is_none()
            && self.since.is_none()
            && self.until.is_none()
    }
}

/// A link's review status: found by claimtrack (`auto`), or decided by a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LinkStatus {
    Auto,
    Confirmed,
    Rejected,
}

impl LinkStatus {
    pub const ALL: [LinkStatus; 3] = [LinkStatus::Auto, LinkStatus::Confirmed, LinkStatus::Rejected];

    pub fn as_str(&self) -> &'static str {
        match self {
            LinkStatus::Auto => "auto",
            LinkStatus::Confirmed => "confirmed",
            LinkStatus::Rejected => "rejected",
        }
    }
}

impl std::fmt::Display for LinkStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for LinkStatus {
    type Err = UnknownKey;
    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        LinkStatus::ALL
            .into_iter()
            .find(|v| v.as_str() == s)
            .ok_or_else(|| UnknownKey {
                kind: "LinkStatus",
                key: s.to_string(),
                allowed: "auto, confirmed, rejected".to_string(),
            })
    }
}

/// Which links to return, by status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StatusFilter {
    /// `auto` and `confirmed`: everything a person has not rejected.
    #[default]
    NotRejected,
    Only(LinkStatus),
    All,
}

/// A link with the decision made on it, for review.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ReviewLink {
    pub id: i64,
    pub status: LinkStatus,
    pub note: Option<String>,
    pub decided_by: Option<String>,
    /// ISO-8601 UTC time of the decision.
    pub decided_at: Option<String>,
    pub reason: String,
    pub first: First,
    pub denial: ClaimRecord,
    pub assertion: ClaimRecord,
}

impl ReviewLink {
    pub fn into_contradiction(self) -> ContradictionRecord {
        ContradictionRecord {
            id: self.id,
            denial: self.denial,
            assertion: self.assertion,
            reason: self.reason,
            first: self.first,
        }
    }
}

/// A timeline's contents without the claims' text (`Store::timeline_rows`).
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineRows {
    /// Every claim the timeline lists, once, with the date it is placed at (`stated_on`, else
    /// its article's date), in no particular order.
    pub claims: Vec<(i64, Option<PartialDate>)>,
    /// The links it lists, by id.
    pub links: Vec<TimelineLink>,
}

/// A link as a timeline lists it: its claims by id.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineLink {
    pub id: i64,
    pub denial_id: i64,
    pub assertion_id: i64,
    pub reason: String,
    pub first: First,
}

/// One read transaction over several queries (`Store::snapshot`): they all see the store as
/// it was at the first, and SQLite takes its shared lock once instead of once a statement.
/// Ends when dropped.
pub struct Snapshot<'a> {
    conn: Option<&'a Connection>,
}

impl Drop for Snapshot<'_> {
    fn drop(&mut self) {
        if let Some(conn) = self.conn {
            // A read transaction has nothing to commit: ending it cannot lose anything.
            let _ = conn.execute_batch("COMMIT");
        }
    }
}

/// Reads whole claims by id (`Store::claim_reader`), one at a time into one record whose
/// strings are reused: a claim through one prepared statement, its article's fields through
/// another, read only when the claim's article is not the previous claim's (a timeline lists
/// an article's claims together, and an article's `text_status` lies past its text).
pub struct ClaimReader<'a> {
    claim: rusqlite::CachedStatement<'a>,
    article: rusqlite::CachedStatement<'a>,
    /// The last claim read; its article's fields are those of `article_id`'s article.
    record: Option<ClaimRecord>,
    /// Claims read by `read_ahead` (their articles' fields included), sorted by id.
    ahead: Vec<ClaimRecord>,
    conn: &'a Connection,
}

impl ClaimReader<'_> {
    /// The stored claim `id`.
    pub fn get(&mut self, id: i64) -> Result<ClaimRecord> {
        self.read(id).cloned()
    }

    /// Reads the claims `ids` (those that exist) in two statements, the claims then their
    /// articles, each looked up in id order (`rarray`); `read` gives them from memory until the next
    /// `read_ahead`. For a reader about to read many claims: a timeline reads its claims in
    /// date order, which is all over the claims table, and one statement per claim.
    pub fn read_ahead(&mut self, ids: &[i64]) -> Result<()> {
        self.ahead.clear();
        let mut ids = ids.to_vec();
        ids.sort_unstable();
        ids.dedup();
        let mut claims = self.conn.prepare_cached(&queries::claim_rows_of_ids_sql())?;
        let mut rows = claims.query([queries::id_array(ids)])?;
        let mut articles = Vec::new();
        while let Some(row) = rows.next()? {
            let record = queries::claim_row_owned(row)?;
            articles.push(record.article_id);
            self.ahead.push(record);
        }
        // Read in the order of the ids given, which is id order: sorting is a check.
        self.ahead.sort_by_key(|r| r.id);
        articles.sort_unstable();
        articles.dedup();
        let mut st = self.conn.prepare_cached(&queries::article_metas_of_ids_sql())?;
        let metas: HashMap<i64, queries::ArticleMeta> = st
            .query_map([queries::id_array(articles)], queries::article_meta_row)?
            .collect::<rusqlite::Result<_>>()?;
        for record in &mut self.ahead {
            // Every claim has its article (foreign keys): a missing one is a damaged file.
            let meta = metas
                .get(&record.article_id)
                .ok_or(StoreError::NoSuchClaim(record.id))?;
            record.article_url.clone_from(&meta.url);
            record.article_title.clone_from(&meta.title);
            record.outlet.clone_from(&meta.outlet);
            record.published = meta.published;
            record.partial_text = meta.partial_text;
        }
        Ok(())
    }

    /// The stored claim `id`, valid until the next read.
    pub fn read(&mut self, id: i64) -> Result<&ClaimRecord> {
        if let Ok(i) = self.ahead.binary_search_by_key(&id, |r| r.id) {
            return Ok(&self.ahead[i]);
        }
        if let Err(e) = self.read_into(id) {
            self.record = None;
            return Err(e);
        }
        self.record.as_ref().ok_or(StoreError::NoSuchClaim(id))
    }

    fn read_into(&mut self, id: i64) -> Result<()> {
        let had = self.record.as_ref().map(|r| r.article_id);
        let mut rows = self.claim.query([id])?;
        let Some(row) = rows.next()? else {
            return Err(StoreError::NoSuchClaim(id));
        };
        let record = match self.record.as_mut() {
            Some(r) => {
                queries::claim_row_into(row, r)?;
                r
            }
            None => self.record.insert(queries::claim_row_owned(row)?),
        };
        if had != Some(record.article_id) {
            let mut rows = self.article.query([record.article_id])?;
            match rows.next()? {
                Some(row) => queries::article_meta_into(row, record)?,
                // Every claim has its article (foreign keys): a missing one is a damaged file.
                None => return Err(StoreError::NoSuchClaim(id)),
            }
        }
        Ok(())
    }
}

/// A confirmed decision whose link is gone: the extractor no longer finds one of its claims (or
/// a correction changed one's polarity). Kept, and shown by `review --orphaned`.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct OrphanedDecision {
    pub decision_id: i64,
    pub status: LinkStatus,
    pub note: Option<String>,
    pub decided_by: Option<String>,
    pub decided_at: Option<String>,
    pub reason: String,
    pub denial_sentence: String,
    pub denial_article_url: Option<String>,
    pub assertion_sentence: String,
    pub assertion_article_url: Option<String>,
    /// Whether a claim with the denial's key is still stored.
    pub denial_found: bool,
    pub assertion_found: bool,
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
    /// Links not rejected.
    pub links: i64,
    /// Links a person confirmed.
    pub confirmed: i64,
    /// Links a person rejected.
    pub rejected: i64,
    /// Confirmed decisions whose claims are no longer found (`review --orphaned`).
    pub orphaned: i64,
    pub failures: i64,
    pub companies: i64,
    pub first_published: Option<NaiveDate>,
    pub last_published: Option<NaiveDate>,
    pub schema_version: i64,
    /// URLs waiting in the fetch queue (queued, or failed and to be retried).
    pub fetch_queued: i64,
    /// URLs fetched and stored (or found to be duplicates).
    pub fetch_done: i64,
    pub fetch_failed: i64,
    /// URLs skipped on purpose (robots.txt, not HTML, not relevant), with the reason.
    pub fetch_skipped: i64,
    /// Fetches logged in `fetch_log`.
    pub fetch_log: i64,
    /// Articles whose text is only a teaser (`text_status` = `partial`).
    pub partial_texts: i64,
}

pub struct Store {
    conn: Connection,
    linker: Linker,
    /// Linking candidates kept between articles (see `cache.rs`).
    candidates: cache::CandidateCache,
    /// The writer lock file (see `lock.rs`); `None` for read-only stores.
    turns: Option<lock::Turns>,
    /// The turn held by the open batch.
    batch_turn: Option<lock::Turn>,
    /// Told when a write has to wait for another process's turn.
    on_wait: Option<Box<dyn FnMut() + Send>>,
    /// How raw pages are kept (see `rawhtml.rs`).
    raw_html: RawHtml,
    /// The open batch was begun by `begin_replayable_batch`: its articles take no savepoint.
    replayable: bool,
}

impl Store {
    fn with_connection(conn: Connection) -> Store {
        // A dozen fixed statements plus the filter variants of `claims`/`contradictions`.
        conn.set_prepared_statement_cache_capacity(64);
        Store {
            conn,
            linker: crate::link::evaluate,
            candidates: cache::CandidateCache::default(),
            turns: None,
            batch_turn: None,
            on_wait: None,
            raw_html: RawHtml::default(),
            replayable: false,
        }
    }

    /// Calls `f` whenever a write has to wait because another process is writing to the same
    /// database (writers take turns, see `lock.rs`); the CLI says so on stderr.
    pub fn on_wait(&mut self, f: impl FnMut() + Send + 'static) {
        self.on_wait = Some(Box::new(f));
    }

    /// Takes this store's turn to write (waiting for other writers, in this process or
    /// another), unless the open batch already holds it. Dropping the returned turn ends it.
    /// Refused at once when this thread holds the turn through another store (see `lock.rs`).
    fn take_turn(&mut self) -> Result<Option<lock::Turn>> {
        // Inside a transaction this store is already the writer.
        if self.batch_turn.is_some() || self.in_batch() {
            return Ok(None);
        }
        let Some(turns) = self.turns.as_ref() else {
            return Ok(None);
        };
        let on_wait = &mut self.on_wait;
        turns
            .take(&mut || {
                if let Some(f) = on_wait.as_mut() {
                    f();
                }
            })
            .map_err(|lock::Refused| StoreError::TurnHeldByThisThread {
                path: turns.db.clone(),
            })
    }

    /// Opens (creating if needed) and migrates the database for writing.
    pub fn open(path: &Path) -> Result<Store> {
        let mut conn = Connection::open(path).map_err(|e| schema::open_error(path, e))?;
        schema::prepare_for_writing(&mut conn, path)?;
        let mut store = Store::with_connection(conn);
        store.turns = lock::Turns::open(path);
        Ok(store)
    }

    /// Opens (and migrates) an existing database for writing; refuses a path with no database,
    /// for commands that change stored rows and have nothing to do on an empty store.
    pub fn open_existing(path: &Path) -> Result<Store> {
        if !path.exists() {
            return Err(StoreError::Missing {
                path: schema::path_string(path),
            });
        }
        Store::open(path)
    }

    /// Opens an existing database read-only (no migration; refuses an old or newer schema).
    pub fn open_read_only(path: &Path) -> Result<Store> {
        if !path.exists() {
            return Err(StoreError::Missing {
                path: schema::path_string(path),
            });
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| schema::open_error(path, e))?;
        schema::prepare_for_reading(&conn, path)?;
        Ok(Store::with_connection(conn))
    }

    /// How the raw pages of the articles saved from now on are kept (zstd by default).
    /// How raw pages are kept (`set_raw_html`).
    pub fn raw_html(&self) -> RawHtml {
        self.raw_html
    }

    pub fn set_raw_html(&mut self, how: RawHtml) {
        self.raw_html = how;
    }

    /// Replaces the function that decides links (tests inject a simple one).
    pub fn set_linker(&mut self, linker: Linker) {
        self.linker = linker;
        // The candidate cache's grouping follows `link::evaluate`'s rules, not this linker's.
        self.candidates.narrow = false;
    }

    /// Stores one article with its claims and links them, all in one transaction.
    /// `content_hash` is `Article::content_hash`.
    ///
    /// Same URL and same hash: `Duplicate`, nothing written. Same URL, another hash: `Replaced`,
    /// the row is updated in place (same id), its old claims and their links deleted and the new
    /// ones stored and linked. No URL match but the same hash as a stored article: `Duplicate`.
    pub fn save_article(
        &mut self,
        article: &Article,
        claims: &[Claim],
        extractor_version: &str,
    ) -> Result<SaveOutcome> {
        self.save_article_packed(article, claims, extractor_version, None)
    }

    /// `save_article`, with the article's raw page already compressed by `PackedHtml::new`
    /// for this store's setting (`raw_html`), off the writer's thread; the stored bytes are the
    /// same. A page packed for another setting is packed again here.
    pub fn save_article_packed(
        &mut self,
        article: &Article,
        claims: &[Claim],
        extractor_version: &str,
        packed: Option<&PackedHtml>,
    ) -> Result<SaveOutcome> {
        let in_batch = self.in_batch();
        let result = self.try_save_article(article, claims, (extractor_version, packed));
        match (&result, in_batch) {
            (Ok(_), _) => {}
            // The savepoint rolled back: this article's changes go, the batch's stay.
            (Err(_), true) if self.in_batch() => self.candidates.article_failed(),
            // The transaction rolled back; the cached candidates may hold claims it added.
            (Err(_), _) => {
                self.candidates.clear();
                self.candidates.deferred.clear();
            }
        }
        result
    }

    fn try_save_article(
        &mut self,
        article: &Article,
        claims: &[Claim],
        (extractor_version, packed): (&str, Option<&PackedHtml>),
    ) -> Result<SaveOutcome> {
        let _turn = self.take_turn()?;
        let (linker, candidates, raw_html) = (self.linker, &mut self.candidates, self.raw_html);
        let mut save = |conn: &rusqlite::Connection| {
            save_in(
                conn,
                linker,
                candidates,
                article,
                claims,
                (extractor_version, (raw_html, packed)),
            )
        };
        if self.conn.is_autocommit() {
            let tx = self
                .conn
                .transaction_with_behavior(TransactionBehavior::Immediate)?;
            let outcome = save(&tx)?;
            queries::finish(&tx, &mut candidates.deferred)?;
            tx.commit()?;
            Ok(outcome)
        } else if self.replayable {
            // No savepoint (SQLite would copy every page the article changes into its
            // sub-journal first): a failure takes back the whole batch, which the caller
            // writes again (see `begin_replayable_batch`).
            let saved = save(&self.conn);
            if saved.is_err() {
                let _ = self.conn.execute_batch("ROLLBACK");
                self.replayable = false;
                self.batch_turn = None;
            }
            saved
        } else {
            // Inside a batch: the article is its own savepoint, so a failure takes back this
            // article's writes and nothing else.
            let sp = self.conn.savepoint_with_name("article")?;
            let outcome = save(&sp)?;
            sp.commit()?;
            Ok(outcome)
        }
    }

    /// Starts a batch: the writes that follow (`save_article`, `record_failure`) are committed
    /// together by `commit_batch`, each article still all-or-nothing (a savepoint of its own).
    /// Takes the write lock until the commit; keep batches short (the pipeline commits every
    /// few hundred milliseconds). A batch never committed (a crash, a dropped store) is rolled
    /// back whole: a rerun stores its articles again.
    pub fn begin_batch(&mut self) -> Result<()> {
        if self.conn.is_autocommit() {
            let turn = self.take_turn()?;
            self.conn.execute_batch("BEGIN IMMEDIATE").map_err(|e| {
                if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy) {
                    StoreError::Busy
                } else {
                    e.into()
                }
            })?;
            self.batch_turn = turn;
        }
        Ok(())
    }

    /// Starts a batch whose articles take no savepoint each, for a caller that can write the
    /// batch again: the common case (every article stored) then costs less, since a savepoint
    /// makes SQLite copy every page the article changes into a sub-journal first. When a
    /// `save_article` in it fails, the whole batch is rolled back and the store is out of it
    /// (`in_batch()` is false): the caller begins a batch with `begin_batch` and writes what it
    /// had written again, then retries the article, which then fails alone.
    pub fn begin_replayable_batch(&mut self) -> Result<()> {
        let opened = self.conn.is_autocommit();
        self.begin_batch()?;
        self.replayable = opened;
        Ok(())
    }

    /// Commits the batch begun by `begin_batch` (a no-op outside one).
    pub fn commit_batch(&mut self) -> Result<()> {
        self.replayable = false;
        if self.conn.is_autocommit() {
            return Ok(());
        }
        let committed = queries::finish(&self.conn, &mut self.candidates.deferred)
            .and_then(|()| self.conn.execute_batch("COMMIT"));
        if committed.is_err() {
            let _ = self.conn.execute_batch("ROLLBACK");
            self.candidates.clear();
            self.candidates.deferred.clear();
        }
        // The turn ends with the batch, committed or not.
        self.batch_turn = None;
        Ok(committed?)
    }

    /// Whether a batch is open.
    pub fn in_batch(&self) -> bool {
        !self.conn.is_autocommit()
    }

    /// Records an input that could not be read or stored (kept for `stats` and queries).
    pub fn record_failure(&mut self, item: &str, reason: &str) -> Result<()> {
        let _turn = self.take_turn()?;
        Ok(queries::record_failure(&self.conn, item, reason)?)
    }

    /// All stored articles, id with the article as it was stored.
    #[cfg(test)]
    pub fn articles(&self) -> Result<Vec<(i64, Article)>> {
        Ok(queries::all_articles(&self.conn)?)
    }

    /// The ids of the stored articles, in the order they were stored (`reextract` reads them
    /// one at a time, so its memory does not grow with the archive).
    pub fn article_ids(&self) -> Result<Vec<i64>> {
        Ok(queries::article_ids(&self.conn)?)
    }

    /// One stored article as it was stored; with `with_page`, its raw page too when one was
    /// kept (else `html` is `None`).
    pub fn article(&self, id: i64, with_page: bool) -> Result<Option<Article>> {
        Ok(queries::article_by_id(&self.conn, id, with_page)?)
    }

    /// Overwrites article `id` with `article` (text and metadata; the raw page kept stays as
    /// it is) and replaces its claims and links, in one transaction; returns (claims, links)
    /// stored. For `reextract --html`, when a new extractor reads a kept page differently.
    pub fn replace_article(
        &mut self,
        id: i64,
        article: &Article,
        claims: &[Claim],
        extractor_version: &str,
    ) -> Result<(usize, usize)> {
        let result = self.try_replace(id, Some(article), claims, extractor_version);
        if result.is_err() {
            self.candidates.clear();
        }
        result
    }

    /// Replaces one article's claims and relinks them; returns (claims, links) stored.
    pub fn replace_claims(
        &mut self,
        article_id: i64,
        claims: &[Claim],
        extractor_version: &str,
    ) -> Result<(usize, usize)> {
        let result = self.try_replace(article_id, None, claims, extractor_version);
        if result.is_err() {
            self.candidates.clear();
            self.candidates.deferred.clear();
        }
        result
    }

    /// `replace_claims`, and with `new` also `replace_article`.
    fn try_replace(
        &mut self,
        article_id: i64,
        new: Option<&Article>,
        claims: &[Claim],
        extractor_version: &str,
    ) -> Result<(usize, usize)> {
        let _turn = self.take_turn()?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        self.candidates.sync(&tx)?;
        if queries::article_ref(&tx, article_id)?.is_none() {
            return Err(StoreError::NoSuchArticle(article_id));
        }
        if let Some(new) = new {
            queries::index_before_update(&tx, &mut self.candidates.deferred, article_id)?;
            queries::update_article(&tx, article_id, new, &new.content_hash(), extractor_version, None)?;
        }
        let article = queries::article_ref(&tx, article_id)?.ok_or(StoreError::NoSuchArticle(article_id))?;
        queries::delete_claims_kept(&tx, self.linker, &mut self.candidates, article_id)?;
        let counts = queries::insert_and_link(
            &tx,
            self.linker,
            &mut self.candidates,
            &article,
            claims,
            extractor_version,
        )?;
        queries::finish(&tx, &mut self.candidates.deferred)?;
        tx.commit()?;
        Ok(counts)
    }

    /// Claims passing the filter, in the order they were stated (`stated_on`, else the
    /// article's date; undated last), then by id.
    pub fn claims(&self, filter: &ClaimFilter) -> Result<Vec<ClaimRecord>> {
        Ok(queries::claims(&self.conn, filter)?)
    }

    /// How many claims pass the filter, its limit aside.
    pub fn count_claims(&self, filter: &ClaimFilter) -> Result<i64> {
        Ok(queries::count_claims(&self.conn, filter)?)
    }

    /// How many links `contradictions` would return without the filter's limit.
    pub fn count_contradictions(&self, filter: &ClaimFilter) -> Result<i64> {
        Ok(queries::count_links(&self.conn, filter)?)
    }

    /// What a timeline of the claims passing `filter` (and the links passing its status
    /// filter) lists, without the claims' text: the claims passing the filter and both sides
    /// of every link listed, by id with their dates, and the links by id. The claims
    /// themselves are read one at a time with `claim_reader`, so a timeline of a frequent
    /// company is written without holding its claims (or a copy of both claims per link).
    pub fn timeline_rows(&self, filter: &ClaimFilter) -> Result<TimelineRows> {
        Ok(queries::timeline_rows(&self.conn, filter)?)
    }

    /// Begins a read transaction that lasts until the value returned is dropped (nothing, if a
    /// transaction is already open). For a reader making many queries that must agree with
    /// each other, such as a timeline's listing and its claims read one by one.
    pub fn snapshot(&self) -> Result<Snapshot<'_>> {
        if !self.conn.is_autocommit() {
            return Ok(Snapshot { conn: None });
        }
        self.conn.execute_batch("BEGIN")?;
        Ok(Snapshot {
            conn: Some(&self.conn),
        })
    }

    /// A reader of whole claims by id.
    pub fn claim_reader(&self) -> Result<ClaimReader<'_>> {
        Ok(ClaimReader {
            claim: self.conn.prepare_cached(queries::claim_row_by_id_sql())?,
            article: self.conn.prepare_cached(queries::article_meta_sql())?,
            record: None,
            ahead: Vec::new(),
            conn: &self.conn,
        })
    }

    /// Links whose denial or assertion passes the filter and whose status passes
    /// `filter.status` (by default rejected links are left out), ordered by the denial's date,
    /// then the assertion's, then id.
    pub fn contradictions(&self, filter: &ClaimFilter) -> Result<Vec<ContradictionRecord>> {
        Ok(queries::contradictions(&self.conn, filter)?)
    }

    /// For the denials given (by id, each once): how many contradicting reports were found
    /// for each beyond the links kept (`LINKS_KEPT_PER_CLAIM` most relevant per claim; see
    /// ARCHITECTURE.md), as (denial id, count), for those with any.
    ///
    /// The pairs found are counted here, when asked (see `keep::count_found`); only denials
    /// with at least `LINKS_KEPT_PER_CLAIM` links can have more.
    pub fn unkept_reports(&self, denial_ids: &[i64]) -> Result<Vec<(i64, i64)>> {
        let kept = queries::link_counts(&self.conn, denial_ids)?;
        let mut full = Vec::new();
        for (&id, &n) in denial_ids.iter().zip(&kept) {
            if n >= keep::KEEP as i64 {
                if let Some(r) = queries::claim_by_id(&self.conn, id)? {
                    full.push((r, n));
                }
            }
        }
        let records: Vec<ClaimRecord> = full.iter().map(|(r, _)| r.clone()).collect();
        let found = keep::count_found(&self.conn, self.linker, self.candidates.narrow, &records)?;
        Ok(full
            .iter()
            .zip(found)
            .filter_map(|((r, kept), found)| (found > *kept).then_some((r.id, found - kept)))
            .collect())
    }

    /// How many contradicting claims of the other polarity the linker accepts with each claim
    /// given by id (kept as links or not), in the order given.
    pub fn links_found(&self, ids: &[i64]) -> Result<Vec<i64>> {
        let mut records = Vec::new();
        for &id in ids {
            records.push(queries::claim_by_id(&self.conn, id)?.ok_or(StoreError::NoSuchClaim(id))?);
        }
        Ok(keep::count_found(
            &self.conn,
            self.linker,
            self.candidates.narrow,
            &records,
        )?)
    }

    /// As `contradictions`, with each link's status and decision.
    pub fn review_links(&self, filter: &ClaimFilter) -> Result<Vec<ReviewLink>> {
        Ok(queries::review_links(&self.conn, filter)?)
    }

    /// The links waiting for a person: status `auto`, in `contradictions` order.
    pub fn links_for_review(&self) -> Result<Vec<ReviewLink>> {
        self.review_links(&ClaimFilter {
            status: StatusFilter::Only(LinkStatus::Auto),
            ..ClaimFilter::default()
        })
    }

    /// Records a person's decision on link `id` (see `LinkStatus`); `by` names them. The
    /// decision is kept under the stable keys of the link's claims, so it outlives
    /// re-extraction, re-ingesting and relinking: a rejected link never comes back `auto`, a
    /// confirmed one stays confirmed (and is reported by `orphaned_decisions` when its claims
    /// are no longer found). `Auto` undoes a decision. A `None` note keeps the current note.
    pub fn set_link_status(
        &mut self,
        id: i64,
        status: LinkStatus,
        note: Option<&str>,
        by: Option<&str>,
    ) -> Result<()> {
        let _turn = self.take_turn()?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        if !queries::set_link_status(&tx, id, status, note, by)? {
            return Err(StoreError::NoSuchLink(id));
        }
        tx.commit()?;
        Ok(())
    }

    /// Stores a statement that is not in any article (a hearing, a filing, a post), given as an
    /// `Article` (its text the statement, its URL the source, if any) and the one claim it
    /// makes, and links it like any other claim. Kept as an `articles` row of kind
    /// `statement`: never deduplicated against articles nor re-extracted. The same text by the
    /// same speaker on the same date is stored once. Returns the outcome and the claim's id.
    pub fn add_statement(&mut self, article: &Article, claim: &Claim) -> Result<(SaveOutcome, i64)> {
        let result = self.try_add_statement(article, claim);
        if result.is_err() {
            self.candidates.clear();
            self.candidates.deferred.clear();
        }
        result
    }

    fn try_add_statement(&mut self, article: &Article, claim: &Claim) -> Result<(SaveOutcome, i64)> {
        use sha2::{Digest, Sha256};
        let mut h = Sha256::new();
        for part in [
            article.content_hash(),
            claim.speaker.clone().unwrap_or_default(),
            claim.stated_on.map(|d| d.to_string()).unwrap_or_default(),
        ] {
            h.update(part.as_bytes());
            h.update([0x1f]);
        }
        let hash: String = h.finalize().iter().map(|b| format!("{b:02x}")).collect();
        let _turn = self.take_turn()?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        self.candidates.sync(&tx)?;
        if let Some(id) = queries::statement_by_hash(&tx, &hash)? {
            let claim_id = tx.query_row("SELECT min(id) FROM claims WHERE article_id = ?1", [id], |r| {
                r.get::<_, Option<i64>>(0)
            })?;
            let outcome = SaveOutcome {
                status: SaveStatus::Duplicate,
                article_id: id,
                claims: 0,
                links: 0,
            };
            return Ok((outcome, claim_id.unwrap_or(0)));
        }
        let article_id = queries::insert_statement(&tx, article, &hash)?;
        self.candidates.deferred.article_inserted(article_id);
        let mut article_ref = queries::ArticleRef::of(article_id, article, &hash);
        article_ref.ident = format!("sha256:{hash}");
        let (claims, links) = queries::insert_and_link(
            &tx,
            self.linker,
            &mut self.candidates,
            &article_ref,
            std::slice::from_ref(claim),
            MANUAL_VERSION,
        )?;
        let claim_id = tx.query_row("SELECT id FROM claims WHERE article_id = ?1", [article_id], |r| {
            r.get::<_, i64>(0)
        })?;
        queries::finish(&tx, &mut self.candidates.deferred)?;
        tx.commit()?;
        let outcome = SaveOutcome {
            status: SaveStatus::Inserted,
            article_id,
            claims,
            links,
        };
        Ok((outcome, claim_id))
    }

    /// One stored claim.
    pub fn claim(&self, id: i64) -> Result<ClaimRecord> {
        queries::claim_by_id(&self.conn, id)?.ok_or(StoreError::NoSuchClaim(id))
    }

    /// Corrects claim `id` (see `ClaimEdit`) and relinks it. The correction is kept under the
    /// claim's stable key and re-applied whenever the extractor finds the claim again
    /// (`reextract`, re-ingesting). Returns the corrected claim and how many links it has now.
    pub fn edit_claim(
        &mut self,
        id: i64,
        edit: &ClaimEdit,
        by: Option<&str>,
    ) -> Result<(ClaimRecord, usize)> {
        let _turn = self.take_turn()?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        self.candidates.sync(&tx)?;
        let result = queries::edit_claim(&tx, self.linker, &mut self.candidates, id, edit, by);
        let result = result.and_then(|done| {
            queries::finish(&tx, &mut self.candidates.deferred)?;
            Ok(done)
        });
        match result {
            Ok(Some(done)) => {
                tx.commit()?;
                Ok(done)
            }
            Ok(None) => Err(StoreError::NoSuchClaim(id)),
            Err(e) => {
                self.candidates.clear();
                self.candidates.deferred.clear();
                Err(e.into())
            }
        }
    }

    /// Confirmed decisions whose link is gone because its claims are no longer found.
    pub fn orphaned_decisions(&self) -> Result<Vec<OrphanedDecision>> {
        Ok(queries::orphaned_decisions(&self.conn)?)
    }

    /// FTS5 search over article titles and text; `query` is FTS5 syntax, plain words work.
    /// Best matches first (bm25). A query that is not valid FTS5 (`"`, `AND OR`, `data-sharing`)
    /// is searched again as its plain words, each quoted.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>> {
        if query.trim().is_empty() || limit == 0 {
            return Ok(Vec::new());
        }
        let first = match queries::search(&self.conn, query, limit) {
            Ok(hits) => return Ok(hits),
            Err(e @ rusqlite::Error::SqliteFailure(..)) => e,
            Err(e) => return Err(e.into()),
        };
        let bad = |source| StoreError::BadQuery {
            query: query.to_string(),
            source,
        };
        match queries::quote_words(query) {
            Some(words) if words != query => queries::search(&self.conn, &words, limit).map_err(bad),
            Some(_) => Err(bad(first)),
            None => Ok(Vec::new()),
        }
    }

    /// How much linking work this store has done since it was opened (for `bench ingest`).
    pub fn link_work(&self) -> LinkWork {
        let (claims, bytes) = self.candidates.footprint();
        LinkWork {
            cached_claims: claims as u64,
            cache_bytes: bytes as u64,
            ..self.candidates.work
        }
    }

    pub fn stats(&self) -> Result<Stats> {
        Ok(queries::stats(&self.conn)?)
    }

    /// SQLite's own memory now (for `bench ingest`): its heap in this process (every
    /// connection), that heap's high-water mark, and this store's connection's page cache and
    /// prepared statements.
    pub fn sqlite_memory(&self) -> SqliteMemory {
        queries::sqlite_memory(&self.conn)
    }
}

/// What `Store::sqlite_memory` reports, in bytes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SqliteMemory {
    /// Bytes SQLite has allocated now (`SQLITE_STATUS_MEMORY_USED`), all connections.
    pub heap: i64,
    /// The most it had allocated at once since the process started.
    pub heap_peak: i64,
    /// This connection's page cache (`SQLITE_DBSTATUS_CACHE_USED`).
    pub page_cache: i64,
    /// This connection's prepared statements (`SQLITE_DBSTATUS_STMT_USED`).
    pub statements: i64,
}

/// The body of `save_article`, inside the transaction or savepoint `conn` the caller opened
/// (and commits); the article row records `extractor_version` and keeps the raw page as
/// `raw_html` says.
fn save_in(
    conn: &Connection,
    linker: Linker,
    candidates: &mut cache::CandidateCache,
    article: &Article,
    claims: &[Claim],
    (extractor_version, page): (&str, (RawHtml, Option<&PackedHtml>)),
) -> Result<SaveOutcome> {
    let hash = article.content_hash();
    candidates.sync(conn)?;
    let duplicate = |article_id| SaveOutcome {
        status: SaveStatus::Duplicate,
        article_id,
        claims: 0,
        links: 0,
    };
    let by_url = match &article.url {
        Some(url) => queries::article_by_url(conn, url)?,
        None => None,
    };
    let (status, article_id) = match by_url {
        Some(existing) if existing.content_hash == hash => return Ok(duplicate(existing.id)),
        Some(existing) => {
            queries::index_before_update(conn, &mut candidates.deferred, existing.id)?;
            queries::update_article(conn, existing.id, article, &hash, extractor_version, Some(page))?;
            queries::delete_claims_kept(conn, linker, candidates, existing.id)?;
            (SaveStatus::Replaced, existing.id)
        }
        None => {
            if let Some(id) = queries::article_by_hash(conn, &hash)? {
                return Ok(duplicate(id));
            }
            let id = queries::insert_article(conn, article, &hash, extractor_version, page)?;
            // Its FTS row is written at commit (`queries::finish`).
            candidates.deferred.article_inserted(id);
            (SaveStatus::Inserted, id)
        }
    };
    let article_ref = queries::ArticleRef::of(article_id, article, &hash);
    let (claims, links) =
        queries::insert_and_link(conn, linker, candidates, &article_ref, claims, extractor_version)?;
    Ok(SaveOutcome {
        status,
        article_id,
        claims,
        links,
    })
}
