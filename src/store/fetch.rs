//! The fetch queue and the fetch log (migration `0003_fetch.sql`): a batch of URLs kept in the
//! database so an interrupted run continues where it stopped, and one log row per URL fetched.

use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};

use super::{Result, Store};

/// What a queued URL is expected to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QueueKind {
    Page,
    Feed,
    Sitemap,
}

/// Where a queued URL came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QueueSource {
    Cli,
    UrlsFile,
    Feed,
    Sitemap,
    Warc,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QueueState {
    Queued,
    Done,
    Failed,
    Skipped,
}

impl QueueKind {
    pub fn as_str(self) -> &'static str {
        match self {
            QueueKind::Page => "page",
            QueueKind::Feed => "feed",
            QueueKind::Sitemap => "sitemap",
        }
    }
    fn parse(s: &str) -> QueueKind {
        match s {
            "feed" => QueueKind::Feed,
            "sitemap" => QueueKind::Sitemap,
            _ => QueueKind::Page,
        }
    }
}

impl QueueSource {
    pub fn as_str(self) -> &'static str {
        match self {
            QueueSource::Cli => "cli",
            QueueSource::UrlsFile => "urls-file",
            QueueSource::Feed => "feed",
            QueueSource::Sitemap => "sitemap",
            QueueSource::Warc => "warc",
        }
    }
}

impl QueueState {
    pub fn as_str(self) -> &'static str {
        match self {
            QueueState::Queued => "queued",
            QueueState::Done => "done",
            QueueState::Failed => "failed",
            QueueState::Skipped => "skipped",
        }
    }
    fn parse(s: &str) -> QueueState {
        match s {
            "done" => QueueState::Done,
            "failed" => QueueState::Failed,
            "skipped" => QueueState::Skipped,
            _ => QueueState::Queued,
        }
    }
    /// Whether a run should (re)try it: queued, or failed in an earlier run.
    pub fn is_pending(self) -> bool {
        matches!(self, QueueState::Queued | QueueState::Failed)
    }
}

/// A URL to add to the queue (the URL already normalised).
#[derive(Debug, Clone, PartialEq)]
pub struct QueueItem {
    pub url: String,
    pub kind: QueueKind,
    pub source: QueueSource,
    pub source_ref: Option<String>,
    pub title_hint: Option<String>,
    pub published_hint: Option<String>,
}

/// A queued URL as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct QueueEntry {
    pub id: i64,
    pub url: String,
    pub kind: QueueKind,
    pub state: QueueState,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    pub title_hint: Option<String>,
    pub published_hint: Option<String>,
}

/// One fetch as the log keeps it.
#[derive(Debug, Clone, PartialEq)]
pub struct FetchAttempt {
    pub url: String,
    pub final_url: Option<String>,
    pub status: Option<u16>,
    /// `page`, `document`, `not_modified`, or a skip or failure code.
    pub outcome: String,
    pub error: Option<String>,
    pub attempts: u32,
    pub redirects: u32,
    pub elapsed_ms: u64,
    pub bytes: u64,
    /// RFC 3339, when the first request started.
    pub at: String,
}

/// What a fetch changes in the URL's queue row besides the counters.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct QueueUpdate {
    /// A new state and its reason (`None`: the state stays, e.g. a page waiting to be stored).
    pub state: Option<(QueueState, Option<String>)>,
    /// New validators for conditional GET (`None`: keep the stored ones).
    pub validators: Option<(Option<String>, Option<String>)>,
}

/// The end of one URL's way through the pipeline.
#[derive(Debug, Clone, PartialEq)]
pub struct FinishedItem {
    pub url: String,
    pub source: QueueSource,
    pub source_ref: Option<String>,
    pub state: QueueState,
    pub reason: Option<String>,
    pub article_id: Option<i64>,
    /// For a URL not queued before (WARC records): when it was fetched.
    pub fetched_at: Option<String>,
}

const NOW: &str = "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')";

fn entry(r: &rusqlite::Row<'_>) -> rusqlite::Result<QueueEntry> {
    Ok(QueueEntry {
        id: r.get(0)?,
        url: r.get(1)?,
        kind: QueueKind::parse(&r.get::<_, String>(2)?),
        state: QueueState::parse(&r.get::<_, String>(3)?),
        etag: r.get(4)?,
        last_modified: r.get(5)?,
        title_hint: r.get(6)?,
        published_hint: r.get(7)?,
    })
}

const ENTRY_COLUMNS: &str = "id, url, kind, state, etag, last_modified, title_hint, published_hint";

fn queue_entry(conn: &Connection, url: &str) -> rusqlite::Result<Option<QueueEntry>> {
    conn.prepare_cached(&format!("SELECT {ENTRY_COLUMNS} FROM fetch_queue WHERE url = ?1"))?
        .query_row([url], entry)
        .optional()
}

fn log_fetch(conn: &Connection, attempt: &FetchAttempt, update: &QueueUpdate) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO fetch_log (url, final_url, status, outcome, error, attempts, redirects, \
         elapsed_ms, bytes, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?
    .execute(params![
        attempt.url,
        attempt.final_url,
        attempt.status,
        attempt.outcome,
        attempt.error,
        attempt.attempts,
        attempt.redirects,
        i64::try_from(attempt.elapsed_ms).unwrap_or(i64::MAX),
        i64::try_from(attempt.bytes).unwrap_or(i64::MAX),
        attempt.at,
    ])?;
    conn.prepare_cached(&format!(
        "UPDATE fetch_queue SET attempts = attempts + ?2, status = coalesce(?3, status), \
         final_url = ?4, fetched_at = {NOW} WHERE url = ?1"
    ))?
    .execute(params![
        attempt.url,
        attempt.attempts,
        attempt.status,
        attempt.final_url
    ])?;
    if let Some((state, reason)) = &update.state {
        conn.prepare_cached(&format!(
            "UPDATE fetch_queue SET state = ?2, reason = ?3, done_at = {NOW} WHERE url = ?1"
        ))?
        .execute(params![attempt.url, state.as_str(), reason])?;
    }
    if let Some((etag, last_modified)) = &update.validators {
        conn.prepare_cached("UPDATE fetch_queue SET etag = ?2, last_modified = ?3 WHERE url = ?1")?
            .execute(params![attempt.url, etag, last_modified])?;
    }
    Ok(())
}

impl Store {
    /// Adds URLs to the queue in one transaction; a URL already queued keeps its row (its
    /// missing title and date hints are filled in). Returns how many were new.
    pub fn enqueue(&mut self, items: &[QueueItem]) -> Result<usize> {
        self.atomically(|tx| {
            let mut added = 0;
            {
                let mut insert = tx.prepare_cached(
                    "INSERT INTO fetch_queue (url, kind, source, source_ref, title_hint, published_hint) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (url) DO NOTHING",
                )?;
                let mut hints = tx.prepare_cached(
                    "UPDATE fetch_queue SET title_hint = coalesce(title_hint, ?2), \
                 published_hint = coalesce(published_hint, ?3) WHERE url = ?1",
                )?;
                for item in items {
                    let n = insert.execute(params![
                        item.url,
                        item.kind.as_str(),
                        item.source.as_str(),
                        item.source_ref,
                        item.title_hint,
                        item.published_hint,
                    ])?;
                    added += n;
                    if n == 0 && (item.title_hint.is_some() || item.published_hint.is_some()) {
                        hints.execute(params![item.url, item.title_hint, item.published_hint])?;
                    }
                }
            }
            Ok(added)
        })
    }

    /// Runs `f` all-or-nothing: in a transaction of its own, or as a savepoint when the
    /// pipeline has a batch open (a nested BEGIN would fail).
    fn atomically<T>(&mut self, f: impl FnOnce(&Connection) -> rusqlite::Result<T>) -> Result<T> {
        if self.conn.is_autocommit() {
            let _turn = self.take_turn()?;
            let tx = self
                .conn
                .transaction_with_behavior(TransactionBehavior::Immediate)?;
            let out = f(&tx)?;
            tx.commit()?;
            Ok(out)
        } else {
            let sp = self.conn.savepoint()?;
            let out = f(&sp)?;
            sp.commit()?;
            Ok(out)
        }
    }

    /// The queue row of a (normalised) URL.
    pub fn queue_entry(&self, url: &str) -> Result<Option<QueueEntry>> {
        Ok(queue_entry(&self.conn, url)?)
    }

    /// Pages still to fetch that came from `source_ref` (a feed or sitemap URL), in queue order.
    pub fn pending_from(&self, source_ref: &str) -> Result<Vec<QueueEntry>> {
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT {ENTRY_COLUMNS} FROM fetch_queue WHERE source_ref = ?1 AND kind = 'page' \
             AND state IN ('queued', 'failed') ORDER BY id"
        ))?;
        let rows = st.query_map([source_ref], entry)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The feeds and sitemaps a sitemap index listed (for an index that was not modified).
    pub fn documents_from(&self, source_ref: &str) -> Result<Vec<String>> {
        let mut st = self.conn.prepare_cached(
            "SELECT url FROM fetch_queue WHERE source_ref = ?1 AND kind <> 'page' ORDER BY id",
        )?;
        let rows = st.query_map([source_ref], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every page still to fetch, whatever run queued it, in queue order.
    pub fn pending_pages(&self) -> Result<Vec<QueueEntry>> {
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT {ENTRY_COLUMNS} FROM fetch_queue WHERE kind = 'page' \
             AND state IN ('queued', 'failed') ORDER BY id"
        ))?;
        let rows = st.query_map([], entry)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Logs one fetch and updates the URL's queue row (attempts, status, final URL, and what
    /// `update` says), in one transaction.
    pub fn record_fetch(&mut self, attempt: &FetchAttempt, update: &QueueUpdate) -> Result<()> {
        self.record_fetches(std::slice::from_ref(&(attempt.clone(), update.clone())))
    }

    /// [`Store::record_fetch`] for many fetches, in one transaction.
    pub fn record_fetches(&mut self, fetches: &[(FetchAttempt, QueueUpdate)]) -> Result<()> {
        if fetches.is_empty() {
            return Ok(());
        }
        self.atomically(|tx| {
            for (attempt, update) in fetches {
                log_fetch(tx, attempt, update)?;
            }
            Ok(())
        })
    }

    /// Puts a URL in its final state once the pipeline is done with it (stored, duplicate,
    /// skipped as not relevant, failed extraction). A URL not queued before (a WARC record) is
    /// added.
    pub fn finish_queue_item(&mut self, item: &FinishedItem) -> Result<()> {
        self.conn
            .prepare_cached(&format!(
                "INSERT INTO fetch_queue (url, kind, source, source_ref, state, reason, article_id, \
                 fetched_at, done_at) VALUES (?1, 'page', ?2, ?3, ?4, ?5, ?6, ?7, {NOW}) \
                 ON CONFLICT (url) DO UPDATE SET state = excluded.state, reason = excluded.reason, \
                 article_id = coalesce(excluded.article_id, article_id), \
                 fetched_at = coalesce(excluded.fetched_at, fetched_at), done_at = excluded.done_at"
            ))?
            .execute(params![
                item.url,
                item.source.as_str(),
                item.source_ref,
                item.state.as_str(),
                item.reason,
                item.article_id,
                item.fetched_at,
            ])?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(url: &str, title: Option<&str>) -> QueueItem {
        QueueItem {
            url: url.into(),
            kind: QueueKind::Page,
            source: QueueSource::Feed,
            source_ref: Some("https://news.example/feed.xml".into()),
            title_hint: title.map(Into::into),
            published_hint: None,
        }
    }

    fn attempt(url: &str, outcome: &str, status: u16) -> FetchAttempt {
        FetchAttempt {
            url: url.into(),
            final_url: Some(url.into()),
            status: Some(status),
            outcome: outcome.into(),
            error: None,
            attempts: 1,
            redirects: 0,
            elapsed_ms: 5,
            bytes: 100,
            at: "2024-01-01T00:00:00Z".into(),
        }
    }

    #[test]
    fn queue_keeps_one_row_per_url_and_its_state_across_runs() {
        let dir = tempfile::tempdir().expect("a temp dir can be created in tests");
        let path = dir.path().join("q.db");
        let mut store = Store::open(&path).expect("a fresh database opens");
        let (a, b) = ("https://news.example/a", "https://news.example/b");
        assert_eq!(store.enqueue(&[item(a, None), item(b, None)]).unwrap(), 2);
        // Queued again with a hint: no new row, the missing hint is filled in.
        assert_eq!(store.enqueue(&[item(a, Some("Title A"))]).unwrap(), 0);
        let e = store.queue_entry(a).unwrap().expect("queued");
        assert_eq!(
            (e.state, e.title_hint.as_deref()),
            (QueueState::Queued, Some("Title A"))
        );

        // A page fetched: validators kept, the state waits for the pipeline.
        let update = QueueUpdate {
            state: None,
            validators: Some((Some("\"v1\"".into()), None)),
        };
        store.record_fetch(&attempt(a, "page", 200), &update).unwrap();
        let e = store.queue_entry(a).unwrap().expect("queued");
        assert_eq!((e.state, e.etag.as_deref()), (QueueState::Queued, Some("\"v1\"")));
        store
            .finish_queue_item(&FinishedItem {
                url: a.into(),
                source: QueueSource::Feed,
                source_ref: None,
                state: QueueState::Done,
                reason: None,
                article_id: None,
                fetched_at: None,
            })
            .unwrap();
        // A 404: failed with the reason, still pending for the next run.
        let failed = QueueUpdate {
            state: Some((QueueState::Failed, Some("HTTP 404".into()))),
            validators: None,
        };
        store
            .record_fetch(&attempt(b, "http_status", 404), &failed)
            .unwrap();
        let pending: Vec<String> = store
            .pending_from("https://news.example/feed.xml")
            .unwrap()
            .into_iter()
            .map(|e| e.url)
            .collect();
        assert_eq!(pending, vec![b.to_string()]);

        let stats = store.stats().unwrap();
        assert_eq!(
            (
                stats.fetch_queued,
                stats.fetch_done,
                stats.fetch_failed,
                stats.fetch_log
            ),
            (0, 1, 1, 2)
        );
    }
}
