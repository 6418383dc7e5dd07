//! The SQL behind `Store`: statements, filters and the mapping between rows and model types.
//! Every function takes a `Connection` (a `Transaction` derefs to one) and uses cached
//! statements, so a per-article transaction costs no re-parsing.

use std::error::Error as StdError;
use std::str::FromStr;

use chrono::NaiveDate;
use rusqlite::types::{Type, Value};
use rusqlite::{params, params_from_iter, Connection, OptionalExtension, Row};

use super::cache::{CandidateCache, EntryParts};
use super::keep;
use super::rawhtml::{self, PackedHtml, RawHtml};
use super::{
    ClaimEdit, ClaimFilter, LinkStatus, Linker, OrphanedDecision, ReviewLink, SearchHit, Stats, StatusFilter,
    TimelineLink, TimelineRows,
};
use crate::model::{Article, Claim, ClaimRecord, ContradictionRecord, First, PartialDate, Polarity};

// ---------------------------------------------------------------------------------------------
// Rows → model types

/// The columns `claim_record` reads, for claims aliased `c` joined with their article `a`.
pub(super) fn claim_columns(c: &str, a: &str) -> String {
    format!(
        "{c}.id, {c}.article_id, {a}.url, {a}.title, {a}.outlet, {a}.published, \
         {c}.actor, {c}.counterparty, {c}.data_type, {c}.action, {c}.polarity, {c}.scope, \
         {c}.speaker, {c}.stated_on, {c}.period_start, {c}.period_end, {c}.sentence, \
         {c}.start, {c}.\"end\", {c}.rule, {c}.confidence, {c}.extractor_version, \
         coalesce({a}.text_status = 'partial', 0)"
    )
}

/// How many columns `claim_columns` lists.
const CLAIM_COLUMNS: usize = 23;

fn conversion<E: StdError + Send + Sync + 'static>(idx: usize, ty: Type, e: E) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(idx, ty, Box::new(e))
}

fn parsed<T>(row: &Row, idx: usize) -> rusqlite::Result<T>
where
    T: FromStr,
    T::Err: StdError + Send + Sync + 'static,
{
    let s: String = row.get(idx)?;
    s.parse().map_err(|e| conversion(idx, Type::Text, e))
}

fn parsed_opt<T>(row: &Row, idx: usize) -> rusqlite::Result<Option<T>>
where
    T: FromStr,
    T::Err: StdError + Send + Sync + 'static,
{
    let s: Option<String> = row.get(idx)?;
    s.map(|s| s.parse().map_err(|e| conversion(idx, Type::Text, e)))
        .transpose()
}

fn offset(row: &Row, idx: usize) -> rusqlite::Result<usize> {
    let v: i64 = row.get(idx)?;
    usize::try_from(v).map_err(|e| conversion(idx, Type::Integer, e))
}

fn to_sql_int(v: usize) -> rusqlite::Result<i64> {
    i64::try_from(v).map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))
}

/// Reads a claim laid out by `claim_columns`, starting at column `at`.
pub(super) fn claim_record(row: &Row, at: usize) -> rusqlite::Result<ClaimRecord> {
    Ok(ClaimRecord {
        id: row.get(at)?,
        article_id: row.get(at + 1)?,
        article_url: row.get(at + 2)?,
        article_title: row.get(at + 3)?,
        outlet: row.get(at + 4)?,
        published: parsed_opt::<NaiveDate>(row, at + 5)?,
        claim: Claim {
            actor: row.get(at + 6)?,
            counterparty: row.get(at + 7)?,
            data_type: parsed(row, at + 8)?,
            action: parsed(row, at + 9)?,
            polarity: parsed(row, at + 10)?,
            scope: parsed_opt(row, at + 11)?,
            speaker: row.get(at + 12)?,
            stated_on: parsed_opt(row, at + 13)?,
            period_start: parsed_opt(row, at + 14)?,
            period_end: parsed_opt(row, at + 15)?,
            sentence: row.get(at + 16)?,
            start: offset(row, at + 17)?,
            end: offset(row, at + 18)?,
            rule: row.get(at + 19)?,
            confidence: row.get(at + 20)?,
        },
        extractor_version: row.get(at + 21)?,
        partial_text: row.get(at + 22)?,
    })
}

/// The SQL of `ClaimReader`'s claim: `claim_columns`' claim columns alone (no article), by
/// id, `?1`. The article's are read apart (`article_meta_sql`), once for a run of its claims.
pub(super) fn claim_row_by_id_sql() -> &'static str {
    "SELECT c.id, c.article_id, c.actor, c.counterparty, c.data_type, c.action, c.polarity, c.scope, \
     c.speaker, c.stated_on, c.period_start, c.period_end, c.sentence, c.start, c.\"end\", c.rule, \
     c.confidence, c.extractor_version FROM claims c WHERE c.id = ?1"
}

/// The SQL of what a claim record holds of its article (`claim_columns`' article columns), by
/// id, `?1`. `text_status` comes after the text in the row: reading it walks the text's
/// overflow pages, so `ClaimReader` reads it once per article, not once per claim.
pub(super) fn article_meta_sql() -> &'static str {
    "SELECT a.url, a.title, a.outlet, a.published, coalesce(a.text_status = 'partial', 0) \
     FROM articles a WHERE a.id = ?1"
}

/// `claim_row_by_id_sql` for the ids bound as one array (`id_array`), looked up in the order
/// given.
pub(super) fn claim_rows_of_ids_sql() -> String {
    claim_row_by_id_sql().replace(
        "FROM claims c WHERE c.id = ?1",
        "FROM rarray(?1) r CROSS JOIN claims c ON c.id = r.value",
    )
}

/// `article_meta_sql` with the article's id first, for the ids bound as one array.
pub(super) fn article_metas_of_ids_sql() -> String {
    article_meta_sql()
        .replace("SELECT a.url", "SELECT a.id, a.url")
        .replace(
            "FROM articles a WHERE a.id = ?1",
            "FROM rarray(?1) r CROSS JOIN articles a ON a.id = r.value",
        )
}

/// The text at `idx` as a borrowed `&str` (an error if it is not text).
fn text_ref<'r>(row: &'r Row, idx: usize) -> rusqlite::Result<&'r str> {
    row.get_ref(idx)?
        .as_str()
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(idx, Type::Text, Box::new(e)))
}

/// The text or NULL at `idx`, borrowed.
fn opt_text_ref<'r>(row: &'r Row, idx: usize) -> rusqlite::Result<Option<&'r str>> {
    match row.get_ref(idx)? {
        rusqlite::types::ValueRef::Null => Ok(None),
        _ => text_ref(row, idx).map(Some),
    }
}

/// Copies `s` into `dst`, keeping its allocation.
fn set_text(dst: &mut String, s: &str) {
    dst.clear();
    dst.push_str(s);
}

fn set_opt_text(dst: &mut Option<String>, s: Option<&str>) {
    match (dst.as_mut(), s) {
        (Some(d), Some(s)) => set_text(d, s),
        (_, s) => *dst = s.map(str::to_string),
    }
}

fn parsed_ref<T>(row: &Row, idx: usize) -> rusqlite::Result<T>
where
    T: FromStr,
    T::Err: StdError + Send + Sync + 'static,
{
    text_ref(row, idx)?
        .parse()
        .map_err(|e| conversion(idx, Type::Text, e))
}

fn parsed_opt_ref<T>(row: &Row, idx: usize) -> rusqlite::Result<Option<T>>
where
    T: FromStr,
    T::Err: StdError + Send + Sync + 'static,
{
    opt_text_ref(row, idx)?
        .map(|s| s.parse().map_err(|e| conversion(idx, Type::Text, e)))
        .transpose()
}

/// Reads a claim laid out by `claim_row_by_id_sql` into `out`, reusing its strings' memory;
/// the article's fields of `out` are left as they were. Returns the claim's article id.
pub(super) fn claim_row_into(row: &Row, out: &mut ClaimRecord) -> rusqlite::Result<i64> {
    out.id = row.get(0)?;
    out.article_id = row.get(1)?;
    let c = &mut out.claim;
    set_text(&mut c.actor, text_ref(row, 2)?);
    set_opt_text(&mut c.counterparty, opt_text_ref(row, 3)?);
    c.data_type = parsed_ref(row, 4)?;
    c.action = parsed_ref(row, 5)?;
    c.polarity = parsed_ref(row, 6)?;
    c.scope = parsed_opt_ref(row, 7)?;
    set_opt_text(&mut c.speaker, opt_text_ref(row, 8)?);
    c.stated_on = parsed_opt_ref(row, 9)?;
    c.period_start = parsed_opt_ref(row, 10)?;
    c.period_end = parsed_opt_ref(row, 11)?;
    set_text(&mut c.sentence, text_ref(row, 12)?);
    c.start = offset(row, 13)?;
    c.end = offset(row, 14)?;
    set_text(&mut c.rule, text_ref(row, 15)?);
    c.confidence = row.get(16)?;
    set_text(&mut out.extractor_version, text_ref(row, 17)?);
    Ok(out.article_id)
}

/// A claim laid out by `claim_row_by_id_sql` as a new record (its article's fields empty).
pub(super) fn claim_row_owned(row: &Row) -> rusqlite::Result<ClaimRecord> {
    let mut record = ClaimRecord {
        id: 0,
        article_id: 0,
        article_url: None,
        article_title: None,
        outlet: None,
        published: None,
        claim: Claim {
            actor: String::new(),
            counterparty: None,
            data_type: parsed_ref(row, 4)?,
            action: parsed_ref(row, 5)?,
            polarity: parsed_ref(row, 6)?,
            scope: None,
            speaker: None,
            stated_on: None,
            period_start: None,
            period_end: None,
            sentence: String::new(),
            start: 0,
            end: 0,
            rule: String::new(),
            confidence: 0.0,
        },
        extractor_version: String::new(),
        partial_text: false,
    };
    claim_row_into(row, &mut record)?;
    Ok(record)
}

/// Reads an article's fields laid out by `article_meta_sql` into the claim record `out`.
pub(super) fn article_meta_into(row: &Row, out: &mut ClaimRecord) -> rusqlite::Result<()> {
    article_meta_at(row, 0, out)
}

/// `article_meta_into` for the article's fields laid out from column `at` on.
fn article_meta_at(row: &Row, at: usize, out: &mut ClaimRecord) -> rusqlite::Result<()> {
    set_opt_text(&mut out.article_url, opt_text_ref(row, at)?);
    set_opt_text(&mut out.article_title, opt_text_ref(row, at + 1)?);
    set_opt_text(&mut out.outlet, opt_text_ref(row, at + 2)?);
    out.published = parsed_opt_ref::<NaiveDate>(row, at + 3)?;
    out.partial_text = row.get(at + 4)?;
    Ok(())
}

/// What a claim record holds of its article (`article_metas_of_ids_sql`).
#[derive(Debug, Clone, Default)]
pub(super) struct ArticleMeta {
    pub url: Option<String>,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<NaiveDate>,
    pub partial_text: bool,
}

/// An article's id and fields laid out by `article_metas_of_ids_sql`.
pub(super) fn article_meta_row(row: &Row) -> rusqlite::Result<(i64, ArticleMeta)> {
    Ok((
        row.get(0)?,
        ArticleMeta {
            url: opt_text_ref(row, 1)?.map(str::to_string),
            title: opt_text_ref(row, 2)?.map(str::to_string),
            outlet: opt_text_ref(row, 3)?.map(str::to_string),
            published: parsed_opt_ref::<NaiveDate>(row, 4)?,
            partial_text: row.get(5)?,
        },
    ))
}

fn date_text(d: Option<NaiveDate>) -> Option<String> {
    d.map(|d| d.format("%Y-%m-%d").to_string())
}

// ---------------------------------------------------------------------------------------------
// Articles

/// An article row found by URL.
pub(super) struct Existing {
    pub id: i64,
    pub content_hash: String,
}

pub(super) fn article_by_url(conn: &Connection, url: &str) -> rusqlite::Result<Option<Existing>> {
    conn.prepare_cached("SELECT id, content_hash FROM articles WHERE url = ?1 AND kind = 'article'")?
        .query_row([url], |r| {
            Ok(Existing {
                id: r.get(0)?,
                content_hash: r.get(1)?,
            })
        })
        .optional()
}

/// A statement added by hand with this content hash (text, speaker and date: see
/// `Store::add_statement`).
pub(super) fn statement_by_hash(conn: &Connection, hash: &str) -> rusqlite::Result<Option<i64>> {
    conn.prepare_cached("SELECT id FROM articles WHERE content_hash = ?1 AND kind = 'statement' LIMIT 1")?
        .query_row([hash], |r| r.get(0))
        .optional()
}

/// Stores a statement added by hand as an `articles` row of kind `statement`.
pub(super) fn insert_statement(conn: &Connection, article: &Article, hash: &str) -> rusqlite::Result<i64> {
    // Inserted with its kind at once: the URL may be an article's too (`articles_url` is
    // unique among articles only).
    conn.prepare_cached(
        "INSERT INTO articles (kind, url, title, published, outlet, author, text, html, origin, \
         content_hash, extractor_version) \
         VALUES ('statement', ?1, ?2, ?3, ?4, ?5, ?6, NULL, ?7, ?8, ?9)",
    )?
    .execute(params![
        article.url,
        article.title,
        date_text(article.published),
        article.outlet,
        article.author,
        article.text,
        article.origin,
        hash,
        super::MANUAL_VERSION,
    ])?;
    Ok(conn.last_insert_rowid())
}

pub(super) fn article_by_hash(conn: &Connection, hash: &str) -> rusqlite::Result<Option<i64>> {
    conn.prepare_cached(
        "SELECT id FROM articles WHERE content_hash = ?1 AND kind = 'article' ORDER BY id LIMIT 1",
    )?
    .query_row([hash], |r| r.get(0))
    .optional()
}

pub(super) fn insert_article(
    conn: &Connection,
    article: &Article,
    hash: &str,
    extractor_version: &str,
    (raw_html, packed): (RawHtml, Option<&PackedHtml>),
) -> rusqlite::Result<i64> {
    let (html, html_zstd) = rawhtml::pack_using(article.html.as_deref(), raw_html, packed);
    conn.prepare_cached(
        "INSERT INTO articles (url, title, published, outlet, author, text, html, origin, \
         content_hash, extractor_version, canonical_url, text_status, html_zstd, language) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
    )?
    .execute(params![
        article.url,
        article.title,
        date_text(article.published),
        article.outlet,
        article.author,
        article.text,
        html,
        article.origin,
        hash,
        extractor_version,
        article.canonical_url,
        article.text_status.map(|s| s.as_str()),
        html_zstd,
        article.language,
    ])?;
    Ok(conn.last_insert_rowid())
}

/// Overwrites an article row in place (its id, and so the links of other articles, stay).
pub(super) fn update_article(
    conn: &Connection,
    id: i64,
    article: &Article,
    hash: &str,
    extractor_version: &str,
    raw_html: Option<(RawHtml, Option<&PackedHtml>)>,
) -> rusqlite::Result<()> {
    // `None`: the page already kept stays as it is (`Store::replace_article`).
    let (html, html_zstd) = raw_html.map_or((None, None), |(how, packed)| {
        rawhtml::pack_using(article.html.as_deref(), how, packed)
    });
    conn.prepare_cached(
        "UPDATE articles SET url = ?2, title = ?3, published = ?4, outlet = ?5, author = ?6, \
         text = ?7, origin = ?9, content_hash = ?10, extractor_version = ?11, \
         canonical_url = ?12, text_status = ?13, language = ?16, \
         html = CASE WHEN ?15 THEN ?8 ELSE html END, \
         html_zstd = CASE WHEN ?15 THEN ?14 ELSE html_zstd END, ingested_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1",
    )?
    .execute(params![
        id,
        article.url,
        article.title,
        date_text(article.published),
        article.outlet,
        article.author,
        article.text,
        html,
        article.origin,
        hash,
        extractor_version,
        article.canonical_url,
        article.text_status.map(|s| s.as_str()),
        html_zstd,
        raw_html.is_some(),
        article.language,
    ])?;
    Ok(())
}

/// The article fields a `ClaimRecord` carries, and `ident`, the part of a claim's key that
/// says where it was found.
pub(super) struct ArticleRef {
    pub id: i64,
    pub ident: String,
    pub url: Option<String>,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<NaiveDate>,
    /// Its text is `partial`.
    pub partial: bool,
}

/// What `ArticleRef::ident` is, in SQL, for an article row aliased `a`: its URL for an article,
/// else its content hash (statements, and articles without a URL).
const IDENT_SQL: &str = "CASE WHEN a.kind = 'article' AND a.url IS NOT NULL THEN a.url \
                         ELSE 'sha256:' || a.content_hash END";

impl ArticleRef {
    /// An article (kind `article`) with content hash `hash`.
    pub fn of(id: i64, a: &Article, hash: &str) -> ArticleRef {
        ArticleRef {
            id,
            ident: a.url.clone().unwrap_or_else(|| format!("sha256:{hash}")),
            url: a.url.clone(),
            title: a.title.clone(),
            outlet: a.outlet.clone(),
            published: a.published,
            partial: a.text_status == Some(crate::extract::TextStatus::Partial),
        }
    }
}

pub(super) fn article_ref(conn: &Connection, id: i64) -> rusqlite::Result<Option<ArticleRef>> {
    conn.prepare_cached(&format!(
        "SELECT a.id, {IDENT_SQL}, a.url, a.title, a.outlet, a.published, \
         coalesce(a.text_status = 'partial', 0) FROM articles a WHERE a.id = ?1"
    ))?
    .query_row([id], |r| {
        Ok(ArticleRef {
            id: r.get(0)?,
            ident: r.get(1)?,
            url: r.get(2)?,
            title: r.get(3)?,
            outlet: r.get(4)?,
            published: parsed_opt(r, 5)?,
            partial: r.get(6)?,
        })
    })
    .optional()
}

/// The ids of the stored articles (kind `article`), in order.
pub(super) fn article_ids(conn: &Connection) -> rusqlite::Result<Vec<i64>> {
    let mut st = conn.prepare("SELECT id FROM articles WHERE kind = 'article' ORDER BY id")?;
    let ids = st.query_map([], |r| r.get(0))?;
    ids.collect()
}

/// One stored article (kind `article`) as it was stored; with `with_page`, its raw page
/// unpacked.
pub(super) fn article_by_id(
    conn: &Connection,
    id: i64,
    with_page: bool,
) -> rusqlite::Result<Option<Article>> {
    conn.prepare_cached(
        "SELECT id, url, title, published, outlet, author, text, CASE WHEN ?2 THEN html END, \
         origin, canonical_url, text_status, CASE WHEN ?2 THEN html_zstd END, language FROM articles \
         WHERE kind = 'article' AND id = ?1",
    )?
    .query_row(params![id, with_page], |r| article_row(r).map(|(_, a)| a))
    .optional()
}

#[cfg(test)]
pub(super) fn all_articles(conn: &Connection) -> rusqlite::Result<Vec<(i64, Article)>> {
    let mut st = conn.prepare(
        "SELECT id, url, title, published, outlet, author, text, html, origin, canonical_url, \
         text_status, html_zstd, language FROM articles \
         WHERE kind = 'article' ORDER BY id",
    )?;
    let rows = st.query_map([], article_row)?;
    rows.collect()
}

/// An article row of the two queries above.
fn article_row(r: &Row<'_>) -> rusqlite::Result<(i64, Article)> {
    Ok((
        r.get(0)?,
        Article {
            url: r.get(1)?,
            title: r.get(2)?,
            published: parsed_opt(r, 3)?,
            outlet: r.get(4)?,
            author: r.get(5)?,
            text: r.get(6)?,
            html: rawhtml::unpack(r.get(7)?, r.get(11)?)
                .map_err(|e| rusqlite::Error::FromSqlConversionFailure(11, Type::Blob, Box::new(e)))?,
            origin: r.get(8)?,
            canonical_url: r.get(9)?,
            text_status: r
                .get::<_, Option<String>>(10)?
                .and_then(|s| crate::extract::TextStatus::parse(&s)),
            language: r.get(12)?,
        },
    ))
}

pub(super) fn record_failure(conn: &Connection, item: &str, reason: &str) -> rusqlite::Result<()> {
    conn.prepare_cached("INSERT INTO failures (item, reason) VALUES (?1, ?2)")?
        .execute([item, reason])?;
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Writes made once per transaction

/// Rows derived from the rows a transaction inserted, written just before it commits
/// (`finish`) rather than row by row (migration 0007): the full-text index of the articles
/// inserted (one FTS5 segment a transaction, not one an article's savepoint), and the
/// `link_companies` rows of the links inserted that are still there at commit (a link pushed
/// out of a claim's best 5 later in the same transaction never gets any).
#[derive(Debug, Default)]
pub(super) struct Deferred {
    /// Articles inserted whose FTS row is not written yet (an id may be there twice, or be
    /// gone: its savepoint rolled back).
    fts: Vec<i64>,
    /// The lowest id of a link inserted since the last `finish`. Link ids are given as the
    /// largest id stored + 1, so every link inserted since has this id or a greater one, and
    /// every link with such an id is one of them (or, after a savepoint rolled back, one that
    /// has its rows already: `fill_link_companies` skips those).
    first_link: Option<i64>,
}

impl Deferred {
    pub fn article_inserted(&mut self, id: i64) {
        self.fts.push(id);
    }

    /// `n` links were inserted by one statement, the last with id `last` (the ids of one
    /// statement's rows follow each other).
    pub fn links_inserted(&mut self, last: i64, n: usize) {
        let first = last - i64::try_from(n).unwrap_or(i64::MAX).saturating_sub(1);
        self.first_link = Some(self.first_link.map_or(first, |m| m.min(first)));
    }

    /// Forgets what is pending (its transaction rolled back).
    pub fn clear(&mut self) {
        self.fts.clear();
        self.first_link = None;
    }
}

/// Writes what `deferred` holds; called before every commit of a transaction that stored
/// articles or links.
pub(super) fn finish(conn: &Connection, deferred: &mut Deferred) -> rusqlite::Result<()> {
    let mut ids = std::mem::take(&mut deferred.fts);
    ids.sort_unstable();
    ids.dedup();
    for id in ids {
        index_article(conn, id)?;
    }
    if let Some(first) = deferred.first_link.take() {
        fill_link_companies(conn, first)?;
    }
    Ok(())
}

/// Writes the FTS row of article `id` if it is stored.
fn index_article(conn: &Connection, id: i64) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO articles_fts (rowid, title, text) SELECT id, title, text FROM articles WHERE id = ?1",
    )?
    .execute([id])?;
    Ok(())
}

/// Before article `id` is updated in place: writes its FTS row now if it is still pending (the
/// update trigger removes the old row from the index, which must be there).
pub(super) fn index_before_update(
    conn: &Connection,
    deferred: &mut Deferred,
    id: i64,
) -> rusqlite::Result<()> {
    if deferred.fts.contains(&id) {
        deferred.fts.retain(|&x| x != id);
        index_article(conn, id)?;
    }
    Ok(())
}

/// Files every link with id `first` or greater that has no `link_companies` rows yet under
/// each company it concerns (the actor and counterparty of either claim, each name once),
/// with both claims' `stated_when`.
fn fill_link_companies(conn: &Connection, first: i64) -> rusqlite::Result<()> {
    type Row = (
        i64,
        String,
        Option<String>,
        String,
        Option<String>,
        Option<String>,
        Option<String>,
    );
    let rows: Vec<Row> = conn
        .prepare_cached(
            "SELECT l.id, d.actor, d.counterparty, s.actor, s.counterparty, d.stated_when, s.stated_when \
             FROM links l JOIN claims d ON d.id = l.denial_id JOIN claims s ON s.id = l.assertion_id \
             WHERE l.id >= ?1 AND NOT EXISTS (SELECT 1 FROM link_companies lc WHERE lc.link_id = l.id)",
        )?
        .query_map([first], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut st = conn.prepare_cached(
        "INSERT INTO link_companies (link_id, company, d_when, a_when) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (id, d_actor, d_cp, s_actor, s_cp, d_when, a_when) in rows {
        // Each name once, as `COLLATE NOCASE` compares them (ASCII case folded).
        let mut names: Vec<&str> = Vec::with_capacity(4);
        for name in [
            Some(d_actor.as_str()),
            d_cp.as_deref(),
            Some(s_actor.as_str()),
            s_cp.as_deref(),
        ]
        .into_iter()
        .flatten()
        {
            if !names.iter().any(|n| n.eq_ignore_ascii_case(name)) {
                names.push(name);
            }
        }
        for name in names {
            st.execute(params![id, name, d_when, a_when])?;
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Claims and links

pub(super) fn delete_claims(conn: &Connection, article_id: i64) -> rusqlite::Result<()> {
    // Links go with them (ON DELETE CASCADE).
    conn.prepare_cached("DELETE FROM claims WHERE article_id = ?1")?
        .execute([article_id])?;
    Ok(())
}

fn insert_claim(
    conn: &Connection,
    article_id: i64,
    claim: &Claim,
    key: &str,
    extractor_version: &str,
) -> rusqlite::Result<i64> {
    conn.prepare_cached(
        "INSERT INTO claims (article_id, actor, counterparty, data_type, action, polarity, scope, \
         speaker, stated_on, period_start, period_end, sentence, start, \"end\", rule, confidence, \
         extractor_version, key, stated_when) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, \
         COALESCE(?9, (SELECT published FROM articles WHERE id = ?1)))",
    )?
    .execute(params![
        article_id,
        claim.actor,
        claim.counterparty,
        claim.data_type.as_str(),
        claim.action.as_str(),
        claim.polarity.as_str(),
        claim.scope.map(|s| s.as_str()),
        claim.speaker,
        claim.stated_on.map(|d| d.to_string()),
        claim.period_start.map(|d| d.to_string()),
        claim.period_end.map(|d| d.to_string()),
        claim.sentence,
        to_sql_int(claim.start)?,
        to_sql_int(claim.end)?,
        claim.rule,
        claim.confidence,
        extractor_version,
        key,
    ])?;
    Ok(conn.last_insert_rowid())
}

/// Stores a link the linker found between the claims with ids `denial_id`, `assertion_id` and
/// keys `denial_key`, `assertion_key`, with the decision a person made on the same pair of
/// claims (by their keys) if there is one: a rejected pair comes back rejected, never `auto`.
/// One row, one statement (its `link_companies` rows are written at commit, `finish`).
#[allow(clippy::too_many_arguments)]
pub(super) fn insert_link(
    conn: &Connection,
    deferred: &mut Deferred,
    denial_id: i64,
    denial_key: &str,
    assertion_id: i64,
    assertion_key: &str,
    verdict: &crate::model::LinkVerdict,
    rank: i64,
) -> rusqlite::Result<usize> {
    type Decision = (String, Option<String>, Option<String>, Option<String>);
    let decision: Option<Decision> = conn
        .prepare_cached(
            "SELECT status, note, decided_by, decided_at FROM link_decisions \
             WHERE denial_key = ?1 AND assertion_key = ?2",
        )?
        .query_row([denial_key, assertion_key], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })
        .optional()?;
    let (status, note, by, at) = match decision {
        Some((status, note, by, at)) => (status, note, by, at),
        None => ("auto".to_string(), None, None, None),
    };
    let n = conn
        .prepare_cached(
            "INSERT OR IGNORE INTO links \
               (denial_id, assertion_id, reason, first, status, note, decided_by, decided_at, rank) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?
        .execute(params![
            denial_id,
            assertion_id,
            verdict.reason,
            verdict.first.as_str(),
            status,
            note,
            by,
            at,
            rank
        ])?;
    if n > 0 {
        deferred.links_inserted(conn.last_insert_rowid(), n);
    }
    Ok(n)
}

/// Deletes a link the policy no longer keeps (`keep.rs`); a link a person confirmed stays.
pub(super) fn delete_link(conn: &Connection, denial_id: i64, assertion_id: i64) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "DELETE FROM links WHERE denial_id = ?1 AND assertion_id = ?2 AND status <> 'confirmed'",
    )?
    .execute([denial_id, assertion_id])?;
    Ok(())
}

/// The statements of `ranked_links`: the links of an actor's denials (assertions) are read from
/// `links_denial_rank` (`links_assertion_id`) alone, which hold the rank (migration 0010), not
/// from the links' rows.
pub(super) const RANKED_LINKS_OF_DENIALS: &str = "SELECT l.denial_id, l.assertion_id, l.rank FROM claims c \
     JOIN links l ON l.denial_id = c.id \
     WHERE c.actor = ?1 AND c.polarity = 'denial' AND l.rank IS NOT NULL";
pub(super) const RANKED_LINKS_OF_ASSERTIONS: &str =
    "SELECT l.assertion_id, l.denial_id, l.rank FROM claims c \
     JOIN links l ON l.assertion_id = c.id \
     WHERE c.actor = ?1 AND c.polarity = 'assertion' AND l.rank IS NOT NULL";

/// The ranked links of the claims of one actor and polarity, each given to `f` as (claim id,
/// the other claim's id, rank), through `claims (actor, polarity, ...)` and the links' indexes.
pub(super) fn ranked_links(
    conn: &Connection,
    actor: &str,
    polarity: Polarity,
    f: &mut dyn FnMut(i64, i64, i64),
) -> rusqlite::Result<()> {
    let sql = match polarity {
        Polarity::Denial => RANKED_LINKS_OF_DENIALS,
        Polarity::Assertion => RANKED_LINKS_OF_ASSERTIONS,
    };
    let mut st = conn.prepare_cached(sql)?;
    let mut rows = st.query([actor])?;
    while let Some(r) = rows.next()? {
        f(r.get(0)?, r.get(1)?, r.get(2)?);
    }
    Ok(())
}

/// How many claims one actor has with one polarity (through `claims (actor, polarity, ...)`).
pub(super) fn count_of(conn: &Connection, actor: &str, polarity: Polarity) -> rusqlite::Result<usize> {
    let n: i64 = conn
        .prepare_cached("SELECT count(*) FROM claims WHERE actor = ?1 AND polarity = ?2")?
        .query_row(params![actor, polarity.as_str()], |r| r.get(0))?;
    Ok(usize::try_from(n).unwrap_or(0))
}

/// Links without a rank (stored before schema 4), with both claims and their keys.
#[allow(clippy::type_complexity)]
pub(super) fn unranked_links(
    conn: &Connection,
) -> rusqlite::Result<Vec<(i64, ClaimRecord, String, ClaimRecord, String)>> {
    let mut st = conn.prepare(&format!(
        "SELECT l.id, COALESCE(d.key, ''), COALESCE(s.key, ''), {}, {} FROM links l \
         JOIN claims d ON d.id = l.denial_id JOIN articles da ON da.id = d.article_id \
         JOIN claims s ON s.id = l.assertion_id JOIN articles sa ON sa.id = s.article_id \
         WHERE l.rank IS NULL",
        claim_columns("d", "da"),
        claim_columns("s", "sa")
    ))?;
    let rows = st.query_map([], |r| {
        Ok((
            r.get(0)?,
            claim_record(r, 3)?,
            r.get(1)?,
            claim_record(r, 3 + CLAIM_COLUMNS)?,
            r.get(2)?,
        ))
    })?;
    rows.collect()
}

pub(super) fn set_link_rank(conn: &Connection, id: i64, rank: i64) -> rusqlite::Result<()> {
    conn.prepare_cached("UPDATE links SET rank = ?2 WHERE id = ?1")?
        .execute([id, rank])?;
    Ok(())
}

/// The claims of one article with their keys (to be deleted: see `keep::before_delete`).
pub(super) fn claims_of_article(
    conn: &Connection,
    article_id: i64,
) -> rusqlite::Result<Vec<(ClaimRecord, String)>> {
    conn.prepare_cached(&format!(
        "SELECT {}, COALESCE(c.key, '') FROM claims c JOIN articles a ON a.id = c.article_id \
         WHERE c.article_id = ?1 ORDER BY c.id",
        claim_columns("c", "a")
    ))?
    .query_map([article_id], |r| Ok((claim_record(r, 0)?, r.get(CLAIM_COLUMNS)?)))?
    .collect()
}

/// Deletes an article's claims (and their links), keeping the link policy for the claims they
/// were linked with (`keep::before_delete`, `keep::refill`). Returns the links made to refill.
pub(super) fn delete_claims_kept(
    conn: &Connection,
    linker: Linker,
    cache: &mut CandidateCache,
    article_id: i64,
) -> rusqlite::Result<usize> {
    let doomed = claims_of_article(conn, article_id)?;
    if doomed.is_empty() {
        return Ok(0);
    }
    let affected = keep::before_delete(conn, cache, &doomed)?;
    delete_claims(conn, article_id)?;
    cache.clear_lists();
    keep::refill(conn, linker, cache, &affected)
}

/// The statement of `candidate_parts`: the claims of one actor and polarity, found through the
/// `claims (actor, polarity, data_type)` index (never a scan of all claims).
pub(super) const CANDIDATE_PARTS: &str =
    "SELECT c.id, c.counterparty, c.data_type, c.action, c.confidence, c.stated_when, \
     c.polarity = 'denial' AND (substr(c.rule, 1, 12) = 'deny.deleted' \
     OR instr(c.rule, 'deny.in_control') > 0 OR instr(c.rule, 'deny.keep_private') > 0), \
     CASE WHEN c.polarity = 'denial' AND (c.action IN ('collect', 'other') \
     OR (c.action = 'share' OR c.action = 'access') AND c.data_type <> 'personal_data') THEN c.sentence END \
     FROM claims c WHERE c.actor = ?1 AND c.polarity = ?2 ORDER BY c.id";

/// What the candidate lists keep of the claims of one actor and polarity (`cache::Entry`), each
/// given to `f` in id order (streamed: a list is never held twice), through the
/// `claims (actor, polarity, ...)` index; their best links are read apart (`ranked_links`).
pub(super) fn candidate_parts(
    conn: &Connection,
    actor: &str,
    polarity: Polarity,
    f: &mut dyn FnMut(EntryParts),
) -> rusqlite::Result<()> {
    let mut st = conn.prepare_cached(CANDIDATE_PARTS)?;
    let mut rows = st.query(params![actor, polarity.as_str()])?;
    while let Some(r) = rows.next()? {
        // `stated_when` is `COALESCE(stated_on, published)` (kept on the claim: migration 0006),
        // the date `keep::day_of` reads: the articles are not read.
        let stated_when: Option<crate::model::PartialDate> = parsed_opt(r, 5)?;
        let day = stated_when.map(|p| i64::from(chrono::Datelike::num_days_from_ce(&p.first_day())));
        let action = parsed(r, 3)?;
        // `cache::any_action`: the rule (a deletion, an assurance of control), or the sentence
        // (a denial of collecting or other that reads as a deletion; of collecting, sharing or
        // access to a kind of data said to stay on the device), read only for those.
        let any_rule: bool = r.get(6)?;
        let sentence: Option<String> = r.get(7)?;
        let data_type = parsed(r, 2)?;
        let any_action = any_rule
            || sentence.is_some_and(|s| {
                crate::link::reads_as_deletion("", action, &s)
                    || crate::link::meets_any_action("", action, data_type, &s)
            });
        f(EntryParts {
            id: r.get(0)?,
            counterparty: r.get(1)?,
            data_type,
            action,
            confidence: r.get(4)?,
            day,
            top: super::cache::Top::default(),
            gate: None,
            any_action,
        });
    }
    Ok(())
}

/// One stored claim by id, with its key (`claims.key`).
pub(super) fn claim_with_key(conn: &Connection, id: i64) -> rusqlite::Result<Option<(ClaimRecord, String)>> {
    conn.prepare_cached(&format!(
        "SELECT {}, COALESCE(c.key, '') FROM claims c JOIN articles a ON a.id = c.article_id WHERE c.id = ?1",
        claim_columns("c", "a")
    ))?
    .query_row([id], |r| Ok((claim_record(r, 0)?, r.get(CLAIM_COLUMNS)?)))
    .optional()
}

/// The value of `PRAGMA data_version`: it changes when another connection commits.
pub(super) fn data_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.prepare_cached("PRAGMA data_version")?
        .query_row([], |r| r.get(0))
}

/// One stored claim by id.
pub(super) fn claim_by_id(conn: &Connection, id: i64) -> rusqlite::Result<Option<ClaimRecord>> {
    conn.prepare_cached(&claim_by_id_sql())?
        .query_row([id], |r| claim_record(r, 0))
        .optional()
}

/// The SQL of `claim_by_id`: a whole claim (`claim_record`'s columns) by id, `?1`.
pub(super) fn claim_by_id_sql() -> String {
    format!(
        "SELECT {} FROM claims c JOIN articles a ON a.id = c.article_id WHERE c.id = ?1",
        claim_columns("c", "a")
    )
}

/// Records a correction of claim `id` (merged with an earlier one: fields not given keep their
/// earlier correction), applies it to the claim row, drops the claim's links and links it
/// again. Returns the corrected claim and its links, or `None` when there is no such claim.
pub(super) fn edit_claim(
    conn: &Connection,
    linker: Linker,
    cache: &mut CandidateCache,
    id: i64,
    edit: &ClaimEdit,
    by: Option<&str>,
) -> rusqlite::Result<Option<(ClaimRecord, usize)>> {
    let key: Option<String> = conn
        .query_row("SELECT key FROM claims WHERE id = ?1", [id], |r| r.get(0))
        .optional()?
        .flatten();
    let Some(key) = key else {
        return Ok(None);
    };
    let counterparty = edit.counterparty.as_ref().map(|c| c.clone().unwrap_or_default());
    conn.execute(
        "INSERT INTO claim_corrections \
           (key, actor, counterparty, data_type, action, polarity, corrected_by, corrected_at, sentence) \
         SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), sentence \
         FROM claims WHERE id = ?8 \
         ON CONFLICT (key) DO UPDATE SET \
           actor = COALESCE(excluded.actor, actor), \
           counterparty = COALESCE(excluded.counterparty, counterparty), \
           data_type = COALESCE(excluded.data_type, data_type), \
           action = COALESCE(excluded.action, action), \
           polarity = COALESCE(excluded.polarity, polarity), \
           corrected_by = excluded.corrected_by, corrected_at = excluded.corrected_at",
        params![
            key,
            edit.actor,
            counterparty,
            edit.data_type.map(|d| d.as_str()),
            edit.action.map(|a| a.as_str()),
            edit.polarity.map(|p| p.as_str()),
            by,
            id
        ],
    )?;
    let Some(mut record) = claim_by_id(conn, id)? else {
        return Ok(None);
    };
    // Out of the counts and best links of the claims it was linked with, as it was.
    let affected = keep::before_delete(conn, cache, &[(record.clone(), key.clone())])?;
    let c = &mut record.claim;
    if let Some(a) = &edit.actor {
        c.actor = a.clone();
    }
    if let Some(cp) = &edit.counterparty {
        c.counterparty = cp.clone();
    }
    c.data_type = edit.data_type.unwrap_or(c.data_type);
    c.action = edit.action.unwrap_or(c.action);
    c.polarity = edit.polarity.unwrap_or(c.polarity);
    conn.execute(
        "UPDATE claims SET actor = ?2, counterparty = ?3, data_type = ?4, action = ?5, polarity = ?6 \
         WHERE id = ?1",
        params![
            id,
            c.actor,
            c.counterparty,
            c.data_type.as_str(),
            c.action.as_str(),
            c.polarity.as_str()
        ],
    )?;
    conn.execute(
        "DELETE FROM links WHERE denial_id = ?1 OR assertion_id = ?1",
        [id],
    )?;
    // The claim moved between candidate lists: read them afresh.
    cache.clear_lists();
    let mut links = keep::refill(conn, linker, cache, &affected)?;
    links += keep::link_new(conn, linker, cache, record.clone(), key)?;
    links += restore_confirmed(conn, &mut cache.deferred, record.article_id)?;
    Ok(Some((record, links)))
}

/// Stores an article's claims and links each as it is stored, so a pair of claims of the same
/// article is looked at once (by the later of the two). Returns (claims, links).
pub(super) fn insert_and_link(
    conn: &Connection,
    linker: Linker,
    cache: &mut CandidateCache,
    article: &ArticleRef,
    claims: &[Claim],
    extractor_version: &str,
) -> rusqlite::Result<(usize, usize)> {
    let mut links = 0;
    for extracted in claims {
        let key = claim_key(&article.ident, extracted);
        let corrected = corrected(conn, &key, extracted)?;
        let claim: &Claim = &corrected;
        let id = insert_claim(conn, article.id, claim, &key, extractor_version)?;
        let record = ClaimRecord {
            id,
            article_id: article.id,
            article_url: article.url.clone(),
            article_title: article.title.clone(),
            outlet: article.outlet.clone(),
            published: article.published,
            claim: claim.clone(),
            extractor_version: extractor_version.to_string(),
            partial_text: article.partial,
        };
        links += keep::link_new(conn, linker, cache, record, key)?;
    }
    links += restore_confirmed(conn, &mut cache.deferred, article.id)?;
    Ok((claims.len(), links))
}

// ---------------------------------------------------------------------------------------------
// Filtered reads

/// SQL conditions for one claim (`c`, its article `a`) passing `filter`, numbering parameters
/// after those already in `params`.
///
/// Dates: a claim is placed at `stated_when` (`COALESCE(stated_on, published)`, kept on the claim
/// row by migration 0006), which may be a year or a month.
/// It passes `since` when the last day it covers is on or after `since`, and `until` when the
/// first day it covers is on or before `until`; comparing the text with the bound cut to the
/// same length does exactly that ("2018" passes since 2018-06-01; "2018-04" does not).
fn claim_conditions(filter: &ClaimFilter, c: &str, params: &mut Vec<Value>) -> Vec<String> {
    let push = |v: Value, params: &mut Vec<Value>| {
        params.push(v);
        params.len()
    };
    let when = format!("{c}.stated_when");
    let mut out = Vec::new();
    if let Some(company) = &filter.company {
        // actor and counterparty are declared COLLATE NOCASE.
        let n = push(Value::Text(company.clone()), params);
        out.push(format!("({c}.actor = ?{n} OR {c}.counterparty = ?{n})"));
    }
    if let Some(dt) = filter.data_type {
        let n = push(Value::Text(dt.as_str().to_string()), params);
        out.push(format!("{c}.data_type = ?{n}"));
    }
    if let Some(p) = filter.polarity {
        let n = push(Value::Text(p.as_str().to_string()), params);
        out.push(format!("{c}.polarity = ?{n}"));
    }
    if let Some(since) = filter.since {
        let n = push(Value::Text(since.format("%Y-%m-%d").to_string()), params);
        out.push(format!("{when} >= substr(?{n}, 1, length({when}))"));
    }
    if let Some(until) = filter.until {
        let n = push(Value::Text(until.format("%Y-%m-%d").to_string()), params);
        out.push(format!("{when} <= substr(?{n}, 1, length({when}))"));
    }
    out
}

fn limit_value(limit: Option<usize>) -> Value {
    Value::Integer(limit.map_or(-1, |l| i64::try_from(l).unwrap_or(i64::MAX)))
}

/// The order of claim listings: undated last, then by date, then id; the `claims_*_when`
/// indexes hold it.
const CLAIM_ORDER: &str = "c.stated_when IS NULL, c.stated_when, c.id";

pub(super) fn claims(conn: &Connection, filter: &ClaimFilter) -> rusqlite::Result<Vec<ClaimRecord>> {
    let (sql, params) = claims_query(filter);
    let mut st = conn.prepare_cached(&sql)?;
    let rows = st.query_map(params_from_iter(params), |r| claim_record(r, 0))?;
    rows.collect()
}

/// The SQL of `claims` and its parameters.
pub(super) fn claims_query(filter: &ClaimFilter) -> (String, Vec<Value>) {
    claims_query_of(filter, &claim_columns("c", "a"), true)
}

/// The SQL of the claims passing `filter` in listing order, reading `columns` (of claims `c`,
/// and of their articles `a` when `articles` is set).
fn claims_query_of(filter: &ClaimFilter, columns: &str, articles: bool) -> (String, Vec<Value>) {
    let join = if articles {
        " JOIN articles a ON a.id = c.article_id"
    } else {
        ""
    };
    let mut params = Vec::new();
    let sql = match &filter.company {
        // The company's claims as actor and as counterparty, each read in order through its
        // index and cut at the limit, then merged: an OR of the two would read them all and sort.
        Some(company) => {
            let rest = ClaimFilter {
                company: None,
                ..filter.clone()
            };
            let conditions = claim_conditions(&rest, "c", &mut params);
            params.push(Value::Text(company.clone()));
            let n = params.len();
            params.push(limit_value(filter.limit));
            let l = params.len();
            let more: String = conditions.iter().map(|c| format!(" AND {c}")).collect();
            format!(
                "SELECT {columns} FROM \
                 (SELECT id FROM (SELECT c.id FROM claims c WHERE c.actor = ?{n}{more} ORDER BY {CLAIM_ORDER} LIMIT ?{l}) \
                  UNION SELECT id FROM (SELECT c.id FROM claims c WHERE c.counterparty = ?{n}{more} ORDER BY {CLAIM_ORDER} LIMIT ?{l})) u \
                 CROSS JOIN claims c ON c.id = u.id{join} \
                 ORDER BY {CLAIM_ORDER} LIMIT ?{l}",
            )
        }
        None => {
            let conditions = claim_conditions(filter, "c", &mut params);
            let where_clause = if conditions.is_empty() {
                String::new()
            } else {
                format!("WHERE {}", conditions.join(" AND "))
            };
            params.push(limit_value(filter.limit));
            let join = if articles {
                " CROSS JOIN articles a ON a.id = c.article_id"
            } else {
                ""
            };
            format!(
                "SELECT {columns} FROM claims c{join} {where_clause} \
                 ORDER BY {CLAIM_ORDER} LIMIT ?{}",
                params.len()
            )
        }
    };
    (sql, params)
}

/// How many claims pass the filter (its limit aside).
pub(super) fn count_claims(conn: &Connection, filter: &ClaimFilter) -> rusqlite::Result<i64> {
    let mut params = Vec::new();
    let conditions = claim_conditions(filter, "c", &mut params);
    let where_clause = if conditions.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", conditions.join(" AND "))
    };
    conn.prepare_cached(&format!("SELECT count(*) FROM claims c {where_clause}"))?
        .query_row(params_from_iter(params), |r| r.get(0))
}

/// SQL condition on a link `l` for a status filter.
fn status_condition(status: StatusFilter) -> String {
    match status {
        StatusFilter::NotRejected => "l.status <> 'rejected'".to_string(),
        StatusFilter::Only(s) => format!("l.status = '{}'", s.as_str()),
        StatusFilter::All => "1".to_string(),
    }
}

/// All links passing the filter on either side (and its status filter), with both claims and
/// the decision made on them. The links are read first (ids only, in order); then each claim
/// they name is read and decoded once, however many links it takes part in: a frequent
/// company's 65,000 links name about 20,000 claims, and reading both claims with every link
/// was four row lookups and two decodings a link.
pub(super) fn review_links(conn: &Connection, filter: &ClaimFilter) -> rusqlite::Result<Vec<ReviewLink>> {
    type LinkRow = (
        i64,
        String,
        First,
        LinkStatus,
        Option<String>,
        Option<String>,
        Option<String>,
        i64,
        i64,
    );
    let (sql, params) = review_query(filter);
    let mut st = conn.prepare_cached(&sql)?;
    let rows: Vec<LinkRow> = st
        .query_map(params_from_iter(params), |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                parsed(r, 2)?,
                parsed(r, 3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
                r.get(7)?,
                r.get(8)?,
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut claims: std::collections::HashMap<i64, ClaimRecord> = std::collections::HashMap::new();
    for row in &rows {
        for id in [row.7, row.8] {
            if let std::collections::hash_map::Entry::Vacant(v) = claims.entry(id) {
                // Every link has both claims (foreign keys); a missing one is a damaged file.
                let record = claim_by_id(conn, id)?.ok_or(rusqlite::Error::QueryReturnedNoRows)?;
                v.insert(record);
            }
        }
    }
    let claim = |id: i64| {
        claims
            .get(&id)
            .cloned()
            .ok_or(rusqlite::Error::QueryReturnedNoRows)
    };
    rows.into_iter()
        .map(
            |(id, reason, first, status, note, decided_by, decided_at, d, a)| {
                Ok(ReviewLink {
                    id,
                    reason,
                    first,
                    status,
                    note,
                    decided_by,
                    decided_at,
                    denial: claim(d)?,
                    assertion: claim(a)?,
                })
            },
        )
        .collect()
}

/// The SQL of `review_links` (the link's columns and both claims' ids) and its parameters.
pub(super) fn review_query(filter: &ClaimFilter) -> (String, Vec<Value>) {
    let mut params = Vec::new();
    let (from, where_clause, order, on_claims) = link_query(filter, &mut params);
    params.push(limit_value(filter.limit));
    // The claims are joined only when the filter or the order reads them.
    let company = filter.company.is_some();
    let joins = if on_claims || !company {
        "JOIN claims d ON d.id = l.denial_id JOIN claims s ON s.id = l.assertion_id"
    } else {
        ""
    };
    let sql = format!(
        "SELECT l.id, l.reason, l.first, l.status, l.note, l.decided_by, l.decided_at, \
         l.denial_id, l.assertion_id \
         FROM {from} {joins} \
         {where_clause} ORDER BY {order} LIMIT ?{}",
        params.len()
    );
    (sql, params)
}

/// FROM, WHERE and ORDER BY of the links passing `filter` (claims `d`, `s`), pushing its
/// parameters. Links are listed by the denial's date (undated last), the assertion's, then id.
/// A company's links are read through `link_companies`, whose index holds them in that order:
/// `--limit N` reads N of them instead of sorting them all (and an OR across the two joined
/// claims, which no index serves, is never the way in).
fn link_query(filter: &ClaimFilter, params: &mut Vec<Value>) -> (String, String, &'static str, bool) {
    // With the company alone, `lc.company = X` is the whole condition: `link_companies` holds a
    // link under X exactly when either claim has X as actor or counterparty.
    let company_only = ClaimFilter {
        company: None,
        limit: None,
        status: StatusFilter::default(),
        ..filter.clone()
    }
    .is_empty();
    let (denial, assertion) = if company_only && filter.company.is_some() {
        (Vec::new(), Vec::new())
    } else {
        (
            claim_conditions(filter, "d", params),
            claim_conditions(filter, "s", params),
        )
    };
    let on_claims = !denial.is_empty();
    let mut where_clause = format!("WHERE {}", status_condition(filter.status));
    if on_claims {
        where_clause.push_str(&format!(
            " AND (({}) OR ({}))",
            denial.join(" AND "),
            assertion.join(" AND ")
        ));
    }
    match &filter.company {
        Some(company) => {
            params.push(Value::Text(company.clone()));
            where_clause.push_str(&format!(" AND lc.company = ?{}", params.len()));
            (
                "link_companies lc CROSS JOIN links l ON l.id = lc.link_id".to_string(),
                where_clause,
                "lc.d_when IS NULL, lc.d_when, lc.a_when, lc.link_id",
                on_claims,
            )
        }
        None => (
            "links l".to_string(),
            where_clause,
            "d.stated_when IS NULL, d.stated_when, s.stated_when, l.id",
            on_claims,
        ),
    }
}

/// How many links pass the filter (its limit aside).
pub(super) fn count_links(conn: &Connection, filter: &ClaimFilter) -> rusqlite::Result<i64> {
    let mut params = Vec::new();
    let (from, where_clause, _, on_claims) = link_query(filter, &mut params);
    // Every link has both claims (foreign keys): the joins are needed only to filter on them.
    let joins = if on_claims {
        "JOIN claims d ON d.id = l.denial_id JOIN claims s ON s.id = l.assertion_id"
    } else {
        ""
    };
    let sql = format!("SELECT count(*) FROM {from} {joins} {where_clause}");
    conn.prepare_cached(&sql)?
        .query_row(params_from_iter(params), |r| r.get(0))
}

/// For each claim id given: how many links it has (kept or confirmed, any status).
pub(super) fn link_counts(conn: &Connection, ids: &[i64]) -> rusqlite::Result<Vec<i64>> {
    let mut st = conn.prepare_cached(
        "SELECT (SELECT count(*) FROM links WHERE denial_id = ?1) \
              + (SELECT count(*) FROM links WHERE assertion_id = ?1)",
    )?;
    ids.iter().map(|&id| st.query_row([id], |r| r.get(0))).collect()
}

/// What a timeline of the claims passing `filter` lists, without the claims' text: each claim
/// (passing the filter, or a side of a listed link) once with the date it is placed at, in no
/// particular order, and the links `review_links` would list, by id, each naming its claims by
/// id. Both queries read only ids, dates and the links' own columns; a claim that is only a
/// link's other side is looked up by id.
///
/// A filter on the company alone without a limit (a company's whole timeline) reads the ids
/// from indexes alone (`claims_actor_when`, `claims_counterparty_when`, `link_companies_order`),
/// sorts them here, and looks the links and the other sides up in id order, one statement for
/// all (`rarray`): the links table is walked from one end to the other instead of all over it.
pub(super) fn timeline_rows(conn: &Connection, filter: &ClaimFilter) -> rusqlite::Result<TimelineRows> {
    let (mut claims, mut links) = match company_timeline(filter) {
        Some(company) => {
            let mut claims: Vec<(i64, Option<PartialDate>)> = conn
                .prepare_cached(TIMELINE_CLAIMS_OF_COMPANY)?
                .query_map([company], |r| Ok((r.get(0)?, parsed_opt_ref(r, 1)?)))?
                .collect::<rusqlite::Result<_>>()?;
            // A claim of the company on both sides comes twice.
            claims.sort_unstable_by_key(|c| c.0);
            claims.dedup_by_key(|c| c.0);
            let mut ids: Vec<i64> = conn
                .prepare_cached(TIMELINE_LINK_IDS_OF_COMPANY)?
                .query_map([company], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            ids.sort_unstable();
            ids.dedup();
            let sql = format!(
                "SELECT l.id, l.reason, l.first, l.denial_id, l.assertion_id \
                 FROM rarray(?1) r CROSS JOIN links l ON l.id = r.value WHERE {}",
                status_condition(filter.status)
            );
            let links: Vec<TimelineLink> = conn
                .prepare_cached(&sql)?
                .query_map([id_array(ids)], |r| {
                    Ok(TimelineLink {
                        id: r.get(0)?,
                        reason: r.get(1)?,
                        first: parsed_ref(r, 2)?,
                        denial_id: r.get(3)?,
                        assertion_id: r.get(4)?,
                    })
                })?
                .collect::<rusqlite::Result<_>>()?;
            (claims, links)
        }
        None => {
            let (sql, params) = claims_query_of(filter, "c.id, c.stated_when", false);
            let mut st = conn.prepare_cached(&sql)?;
            let rows = st.query_map(params_from_iter(params), |r| Ok((r.get(0)?, parsed_opt(r, 1)?)))?;
            let claims: Vec<(i64, Option<PartialDate>)> = rows.collect::<rusqlite::Result<_>>()?;
            let (sql, params) = review_query(filter);
            let links: Vec<TimelineLink> = conn
                .prepare_cached(&sql)?
                .query_map(params_from_iter(params), |r| {
                    Ok(TimelineLink {
                        id: r.get(0)?,
                        reason: r.get(1)?,
                        first: parsed(r, 2)?,
                        denial_id: r.get(7)?,
                        assertion_id: r.get(8)?,
                    })
                })?
                .collect::<rusqlite::Result<_>>()?;
            (claims, links)
        }
    };
    links.sort_by_key(|l| l.id);
    links.dedup_by_key(|l| l.id);
    let mut seen: std::collections::HashSet<i64> = claims.iter().map(|c| c.0).collect();
    let mut others: Vec<i64> = Vec::new();
    for l in &links {
        for id in [l.denial_id, l.assertion_id] {
            if seen.insert(id) {
                others.push(id);
            }
        }
    }
    // The other sides' dates in one statement, looked up in id order.
    let wanted = others.len();
    others.sort_unstable();
    let found = conn
        .prepare_cached("SELECT c.id, c.stated_when FROM rarray(?1) r CROSS JOIN claims c ON c.id = r.value")?
        .query_map([id_array(others)], |r| Ok((r.get(0)?, parsed_opt_ref(r, 1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    if found.len() != wanted {
        // Every link has both claims (foreign keys); a missing one is a damaged file.
        return Err(rusqlite::Error::QueryReturnedNoRows);
    }
    claims.extend(found);
    Ok(TimelineRows { claims, links })
}

/// Ids bound as one parameter, for `rarray(?)` (the `array` module, loaded on open).
pub(super) fn id_array(ids: Vec<i64>) -> std::rc::Rc<Vec<Value>> {
    std::rc::Rc::new(ids.into_iter().map(Value::Integer).collect())
}

/// The ids and dates of a company's claims as actor, then as counterparty, read from the
/// indexes `claims_actor_when` and `claims_counterparty_when` alone.
pub(super) const TIMELINE_CLAIMS_OF_COMPANY: &str = "SELECT id, stated_when FROM claims WHERE actor = ?1 \
     UNION ALL SELECT id, stated_when FROM claims WHERE counterparty = ?1";

/// The ids of a company's links (any status), read from `link_companies_order` alone.
pub(super) const TIMELINE_LINK_IDS_OF_COMPANY: &str = "SELECT link_id FROM link_companies WHERE company = ?1";

/// The company of a filter on the company alone (and the links' status), without a limit: a
/// company's whole timeline, which `timeline_rows` reads from the indexes.
fn company_timeline(filter: &ClaimFilter) -> Option<&str> {
    let company_only = ClaimFilter {
        company: None,
        status: StatusFilter::default(),
        ..filter.clone()
    }
    .is_empty();
    filter
        .company
        .as_deref()
        .filter(|_| company_only && filter.limit.is_none())
}

/// All links passing the filter, as `ContradictionRecord`s.
pub(super) fn contradictions(
    conn: &Connection,
    filter: &ClaimFilter,
) -> rusqlite::Result<Vec<ContradictionRecord>> {
    Ok(review_links(conn, filter)?
        .into_iter()
        .map(ReviewLink::into_contradiction)
        .collect())
}

// ---------------------------------------------------------------------------------------------
// Stable keys, decisions and corrections

/// A claim's stable identity: SHA-256 (hex, first 32 digits) of where it was found (`ident`,
/// see `ArticleRef`), its sentence (case folded, whitespace made single spaces), actor,
/// counterparty (case folded), data type and polarity, as the extractor gave them.
pub(super) fn claim_key(ident: &str, c: &Claim) -> String {
    use sha2::{Digest, Sha256};
    let sentence = c
        .sentence
        .split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ");
    let parts = [
        ident,
        &sentence,
        &c.actor.to_lowercase(),
        &c.counterparty.as_deref().unwrap_or("").to_lowercase(),
        c.data_type.as_str(),
        c.polarity.as_str(),
    ];
    let mut h = Sha256::new();
    for p in parts {
        h.update(p.as_bytes());
        h.update([0x1f]);
    }
    h.finalize().iter().take(16).map(|b| format!("{b:02x}")).collect()
}

/// Gives every claim without a key (stored under schema 1) its key, in one transaction.
pub(super) fn backfill_keys(conn: &mut Connection) -> rusqlite::Result<()> {
    let missing: i64 = conn.query_row("SELECT count(*) FROM claims WHERE key IS NULL", [], |r| r.get(0))?;
    if missing == 0 {
        return Ok(());
    }
    let tx = conn.transaction()?;
    let rows: Vec<(i64, String, ClaimRecord)> = {
        let mut st = tx.prepare(&format!(
            "SELECT {IDENT_SQL}, {} FROM claims c JOIN articles a ON a.id = c.article_id \
             WHERE c.key IS NULL",
            claim_columns("c", "a")
        ))?;
        let rows = st.query_map([], |r| {
            let record = claim_record(r, 1)?;
            Ok((record.id, r.get(0)?, record))
        })?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    for (id, ident, record) in rows {
        tx.execute(
            "UPDATE claims SET key = ?2 WHERE id = ?1",
            params![id, claim_key(&ident, &record.claim)],
        )?;
    }
    tx.commit()
}

/// The claim with a person's correction (looked up by `key`) applied, if there is one.
fn corrected<'a>(
    conn: &Connection,
    key: &str,
    claim: &'a Claim,
) -> rusqlite::Result<std::borrow::Cow<'a, Claim>> {
    let row = conn
        .prepare_cached(
            "SELECT actor, counterparty, data_type, action, polarity FROM claim_corrections WHERE key = ?1",
        )?
        .query_row([key], |r| {
            Ok((
                r.get::<_, Option<String>>(0)?,
                r.get::<_, Option<String>>(1)?,
                parsed_opt(r, 2)?,
                parsed_opt(r, 3)?,
                parsed_opt(r, 4)?,
            ))
        })
        .optional()?;
    let Some((actor, counterparty, data_type, action, polarity)) = row else {
        return Ok(std::borrow::Cow::Borrowed(claim));
    };
    let mut c = claim.clone();
    if let Some(a) = actor {
        c.actor = a;
    }
    if let Some(cp) = counterparty {
        c.counterparty = (!cp.is_empty()).then_some(cp);
    }
    c.data_type = data_type.unwrap_or(c.data_type);
    c.action = action.unwrap_or(c.action);
    c.polarity = polarity.unwrap_or(c.polarity);
    Ok(std::borrow::Cow::Owned(c))
}

/// Puts back the confirmed links that involve a claim of `article_id` and whose two claims are
/// stored (found again by key) but that the linker did not make this time: a person's
/// confirmation outlasts a change of rules. Returns how many were put back.
fn restore_confirmed(conn: &Connection, deferred: &mut Deferred, article_id: i64) -> rusqlite::Result<usize> {
    let n = conn
        .prepare_cached(
            "INSERT OR IGNORE INTO links \
               (denial_id, assertion_id, reason, first, status, note, decided_by, decided_at) \
             SELECT dc.id, ac.id, d.reason, d.first, d.status, d.note, d.decided_by, d.decided_at \
             FROM link_decisions d \
             JOIN claims dc ON dc.key = d.denial_key AND dc.polarity = 'denial' \
             JOIN claims ac ON ac.key = d.assertion_key AND ac.polarity = 'assertion' \
             WHERE d.status = 'confirmed' AND (dc.article_id = ?1 OR ac.article_id = ?1)",
        )?
        .execute([article_id])?;
    if n > 0 {
        deferred.links_inserted(conn.last_insert_rowid(), n);
    }
    Ok(n)
}

/// Records a person's decision on link `id`: on the link row, and (for confirmed or rejected)
/// in `link_decisions` under the keys of its claims, with a copy of what was decided on.
/// Setting `auto` forgets the decision. A `None` note keeps the note already there.
/// Returns false when there is no such link.
pub(super) fn set_link_status(
    conn: &Connection,
    id: i64,
    status: LinkStatus,
    note: Option<&str>,
    by: Option<&str>,
) -> rusqlite::Result<bool> {
    let changed = conn.execute(
        "UPDATE links SET status = ?2, note = COALESCE(?3, note), \
           decided_by = CASE WHEN ?2 = 'auto' THEN NULL ELSE ?4 END, \
           decided_at = CASE WHEN ?2 = 'auto' THEN NULL ELSE strftime('%Y-%m-%dT%H:%M:%SZ', 'now') END \
         WHERE id = ?1",
        params![id, status.as_str(), note, by],
    )?;
    if changed == 0 {
        return Ok(false);
    }
    let keys = "(SELECT d.key FROM links l JOIN claims d ON d.id = l.denial_id WHERE l.id = ?1), \
                (SELECT s.key FROM links l JOIN claims s ON s.id = l.assertion_id WHERE l.id = ?1)";
    if status == LinkStatus::Auto {
        conn.execute(
            &format!("DELETE FROM link_decisions WHERE (denial_key, assertion_key) = ({keys})"),
            [id],
        )?;
        return Ok(true);
    }
    conn.execute(
        "INSERT INTO link_decisions (denial_key, assertion_key, status, note, decided_by, decided_at, \
           reason, first, denial_sentence, denial_article_url, assertion_sentence, assertion_article_url) \
         SELECT d.key, s.key, l.status, l.note, l.decided_by, l.decided_at, l.reason, l.first, \
                d.sentence, da.url, s.sentence, sa.url \
         FROM links l \
         JOIN claims d ON d.id = l.denial_id JOIN articles da ON da.id = d.article_id \
         JOIN claims s ON s.id = l.assertion_id JOIN articles sa ON sa.id = s.article_id \
         WHERE l.id = ?1 AND d.key IS NOT NULL AND s.key IS NOT NULL \
         ON CONFLICT (denial_key, assertion_key) DO UPDATE SET \
           status = excluded.status, note = excluded.note, decided_by = excluded.decided_by, \
           decided_at = excluded.decided_at, reason = excluded.reason, first = excluded.first, \
           denial_sentence = excluded.denial_sentence, denial_article_url = excluded.denial_article_url, \
           assertion_sentence = excluded.assertion_sentence, \
           assertion_article_url = excluded.assertion_article_url",
        [id],
    )?;
    Ok(true)
}

/// The condition "decision `d` has no stored link" (its claims are no longer both found).
const ORPHANED: &str = "d.status = 'confirmed' AND NOT EXISTS (SELECT 1 FROM links l \
     JOIN claims dc ON dc.id = l.denial_id JOIN claims ac ON ac.id = l.assertion_id \
     WHERE dc.key = d.denial_key AND ac.key = d.assertion_key)";

/// Confirmed decisions whose link is gone because a claim is no longer found.
pub(super) fn orphaned_decisions(conn: &Connection) -> rusqlite::Result<Vec<OrphanedDecision>> {
    let mut st = conn.prepare(&format!(
        "SELECT d.id, d.status, d.note, d.decided_by, d.decided_at, d.reason, \
           d.denial_sentence, d.denial_article_url, d.assertion_sentence, d.assertion_article_url, \
           EXISTS (SELECT 1 FROM claims WHERE key = d.denial_key), \
           EXISTS (SELECT 1 FROM claims WHERE key = d.assertion_key) \
         FROM link_decisions d WHERE {ORPHANED} ORDER BY d.id"
    ))?;
    let rows = st.query_map([], |r| {
        Ok(OrphanedDecision {
            decision_id: r.get(0)?,
            status: parsed(r, 1)?,
            note: r.get(2)?,
            decided_by: r.get(3)?,
            decided_at: r.get(4)?,
            reason: r.get(5)?,
            denial_sentence: r.get(6)?,
            denial_article_url: r.get(7)?,
            assertion_sentence: r.get(8)?,
            assertion_article_url: r.get(9)?,
            denial_found: r.get(10)?,
            assertion_found: r.get(11)?,
        })
    })?;
    rows.collect()
}

// ---------------------------------------------------------------------------------------------
// Search and stats

/// At most this many matches of a search are ranked by bm25: the ones stored last. bm25 reads
/// each match's length from the index, about 10 µs a match, so a word in most of a large
/// archive's articles cost a third of a second at 35,000 articles and grew with the archive;
/// for a word in fewer articles than this, every match is ranked, as before.
pub(super) const SEARCH_RANKED: i64 = 2_000;

pub(super) fn search(conn: &Connection, fts_query: &str, limit: usize) -> rusqlite::Result<Vec<SearchHit>> {
    // `ranked`: the last `SEARCH_RANKED` matches, read in the index's own order (no sort), so
    // bm25 runs for those only. The best `limit` of them are chosen by bm25 alone (`top`); the
    // snippet, which reads and tokenises an article's text, is made for those only.
    let mut st = conn.prepare_cached(
        "WITH ranked AS (SELECT rowid AS id, bm25(articles_fts) AS score FROM articles_fts \
                         WHERE articles_fts MATCH ?1 ORDER BY rowid DESC LIMIT ?3), \
              top AS (SELECT id, score FROM ranked ORDER BY score, id LIMIT ?2) \
         SELECT a.id, a.url, a.title, a.outlet, a.published, \
         snippet(articles_fts, -1, '[', ']', '…', 16) \
         FROM top CROSS JOIN articles_fts ON articles_fts.rowid = top.id \
         CROSS JOIN articles a ON a.id = top.id \
         WHERE articles_fts MATCH ?1 ORDER BY top.score, top.id",
    )?;
    let limit = i64::try_from(limit).unwrap_or(i64::MAX);
    let rows = st.query_map(params![fts_query, limit, SEARCH_RANKED], |r| {
        Ok(SearchHit {
            article_id: r.get(0)?,
            url: r.get(1)?,
            title: r.get(2)?,
            outlet: r.get(3)?,
            published: parsed_opt(r, 4)?,
            snippet: r.get::<_, Option<String>>(5)?.unwrap_or_default(),
        })
    })?;
    rows.collect()
}

/// Plain words for FTS5: each whitespace-separated token with a letter or digit in it, its
/// double quotes dropped, becomes a quoted string; the strings are ANDed. `None` when nothing
/// searchable is left.
pub(super) fn quote_words(query: &str) -> Option<String> {
    let words: Vec<String> = query
        .split_whitespace()
        .map(|t| t.replace('"', ""))
        .filter(|t| t.chars().any(char::is_alphanumeric))
        .map(|t| format!("\"{t}\""))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

pub(super) fn stats(conn: &Connection) -> rusqlite::Result<Stats> {
    conn.query_row(
        &format!(
            "SELECT \
           (SELECT count(*) FROM articles), \
           (SELECT count(*) FROM claims), \
           (SELECT count(*) FROM claims WHERE polarity = 'denial'), \
           (SELECT count(*) FROM claims WHERE polarity = 'assertion'), \
           (SELECT count(*) FROM links WHERE status <> 'rejected'), \
           (SELECT count(*) FROM links WHERE status = 'confirmed'), \
           (SELECT count(*) FROM links WHERE status = 'rejected'), \
           (SELECT count(*) FROM failures), \
           (SELECT count(*) FROM (SELECT actor AS name FROM claims \
                                  UNION SELECT counterparty FROM claims WHERE counterparty IS NOT NULL)), \
           (SELECT min(published) FROM articles), \
           (SELECT max(published) FROM articles), \
           (SELECT user_version FROM pragma_user_version), \
           (SELECT count(*) FROM link_decisions d WHERE {ORPHANED}), \
           (SELECT count(*) FROM fetch_queue WHERE kind = 'page' AND state = 'queued'), \
           (SELECT count(*) FROM fetch_queue WHERE kind = 'page' AND state = 'done'), \
           (SELECT count(*) FROM fetch_queue WHERE kind = 'page' AND state = 'failed'), \
           (SELECT count(*) FROM fetch_queue WHERE kind = 'page' AND state = 'skipped'), \
           (SELECT count(*) FROM fetch_log), \
           (SELECT count(*) FROM articles WHERE text_status = 'partial')"
        ),
        [],
        |r| {
            Ok(Stats {
                articles: r.get(0)?,
                claims: r.get(1)?,
                denials: r.get(2)?,
                assertions: r.get(3)?,
                links: r.get(4)?,
                confirmed: r.get(5)?,
                rejected: r.get(6)?,
                failures: r.get(7)?,
                companies: r.get(8)?,
                first_published: parsed_opt(r, 9)?,
                last_published: parsed_opt(r, 10)?,
                schema_version: r.get(11)?,
                orphaned: r.get(12)?,
                fetch_queued: r.get(13)?,
                fetch_done: r.get(14)?,
                fetch_failed: r.get(15)?,
                fetch_skipped: r.get(16)?,
                fetch_log: r.get(17)?,
                partial_texts: r.get(18)?,
            })
        },
    )
}

/// SQLite's memory counters: the process-wide heap (now and its high-water mark) and `conn`'s
/// page cache and statements.
pub(super) fn sqlite_memory(conn: &Connection) -> super::SqliteMemory {
    use rusqlite::ffi;
    let (mut heap, mut heap_peak) = (0i64, 0i64);
    // SAFETY: sqlite3_status64 only writes the two integers it is given.
    unsafe { ffi::sqlite3_status64(ffi::SQLITE_STATUS_MEMORY_USED, &mut heap, &mut heap_peak, 0) };
    let db = |op: i32| -> i64 {
        let (mut now, mut high) = (0i32, 0i32);
        // SAFETY: the handle is this open connection's, used on its own thread; the call only
        // reads counters and writes the two integers it is given.
        unsafe { ffi::sqlite3_db_status(conn.handle(), op, &mut now, &mut high, 0) };
        i64::from(now)
    };
    super::SqliteMemory {
        heap,
        heap_peak,
        page_cache: db(ffi::SQLITE_DBSTATUS_CACHE_USED),
        statements: db(ffi::SQLITE_DBSTATUS_STMT_USED),
    }
}
