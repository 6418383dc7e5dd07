//! Strings the stages together for `ingest` and `reextract`:
//! `RawDoc` → (`extract` when HTML) → `Article` → `claims` → `store` (which links).
//!
//! Extraction and claim finding run on worker threads; one writer (the calling thread) stores,
//! in input order, so a run gives the same database whatever the thread timing. Reporting goes
//! through an `Event` callback: this module prints nothing.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use chrono::NaiveDate;

use crate::claims::{Extractor, EXTRACTOR_VERSION};
use crate::dates::parse_input_date;
use crate::model::{Article, Claim};
use crate::source::{InputError, RawDoc};
use crate::store::{PackedHtml, SaveOutcome, SaveStatus, Store, StoreError};

/// Metadata the user gives on the command line for items that lack it.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    pub published: Option<NaiveDate>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    /// The latest publication date believed (the CLI: two days after today); later dates are
    /// refused as being in the future. `None`: no upper bound but `LATEST_YEAR`.
    pub latest: Option<NaiveDate>,
}

/// Publication dates before this year are refused as impossible for a news article.
pub const EARLIEST_YEAR: i32 = 1800;
/// Publication dates after this year are refused even without `Overrides::latest`.
pub const LATEST_YEAR: i32 = 2200;

/// The latest publication date believed on `today`: two days of slack for time zones and
/// pages dated ahead. Both `ingest` and `extract` bound page dates by it, so a page gets the
/// same date from either.
pub fn latest_believed(today: NaiveDate) -> NaiveDate {
    today + chrono::Days::new(2)
}

/// Refuses a publication date that cannot be right: before `EARLIEST_YEAR`, after
/// `LATEST_YEAR`, or after `latest`.
fn check_published(date: NaiveDate, latest: Option<NaiveDate>) -> Result<(), String> {
    use chrono::Datelike;
    if date.year() < EARLIEST_YEAR {
        return Err(format!(
            "published date {date} is before {EARLIEST_YEAR}: not a news date"
        ));
    }
    if date.year() > LATEST_YEAR || latest.is_some_and(|l| date > l) {
        return Err(format!("published date {date} is in the future"));
    }
    Ok(())
}

/// Totals of one run, for the summary line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    pub read: usize,
    pub stored: usize,
    pub replaced: usize,
    pub duplicates: usize,
    pub failed: usize,
    /// Not stored on purpose (not relevant), with the reason.
    pub skipped: usize,
    /// Stored, but not read by the claim rules (`claims::relevance::not_read`): in another
    /// language than English, or a site's own privacy policy. Their claims are none.
    pub unread: usize,
    pub claims: usize,
    pub links: usize,
}

/// What happens to each item, as it happens.
#[derive(Debug)]
pub enum Event<'a> {
    /// One item is done (stored, duplicate or failed); `summary` is the running total.
    Progress { summary: &'a Summary },
    /// One item failed: `item` names it (file, file:line), `reason` says why.
    Failed { item: &'a str, reason: &'a str },
    /// One item was read but not stored on purpose (see `Options`).
    Skipped { item: &'a str, reason: &'a str },
    /// One item was stored, but the claim rules did not read it (counted in `Summary::unread`).
    Unread { item: &'a str, reason: &'a str },
}

/// Turns one input item into an article ready for claim extraction.
///
/// Metadata precedence: what the item itself says, then what the page's HTML says, then the
/// command-line overrides. When the body does not start with the title, the title becomes the
/// first line of the text (see `Article`).
pub fn to_article(raw: RawDoc, overrides: &Overrides) -> Result<Article, InputError> {
    let fail = |reason: String| InputError {
        item: raw.origin.clone(),
        reason,
    };
    let published = match raw.published.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(s) => {
            let date = parse_input_date(s).map_err(|e| fail(e.to_string()))?;
            check_published(date, overrides.latest).map_err(fail)?;
            Some(date)
        }
        None => None,
    };
    let (title_hint, published_hint) = (raw.title_hint, raw.published_hint);
    let (mut body, mut title, mut published, mut outlet, mut author, mut url) = (
        raw.text.unwrap_or_default(),
        raw.title,
        published,
        raw.outlet,
        raw.author,
        raw.url,
    );
    let mut canonical_url = None;
    let mut text_status = None;
    let mut declared_language = raw.language;
    if let Some(html) = raw.html.as_deref() {
        // The extractor skips dates after `latest` and falls back to the next source of the
        // date (the same bound `claimtrack extract` uses). A page nested too deeply is refused.
        let page =
            crate::extract::extract_html_checked(html, url.as_deref(), overrides.latest).map_err(fail)?;
        canonical_url = page.canonical_url.clone();
        if body.trim().is_empty() {
            body = page.text;
            text_status = Some(page.text_status);
        }
        title = title.or(page.title);
        // A page's own impossible date is dropped, not held against the page.
        let plausible = page
            .published
            .filter(|d| check_published(*d, overrides.latest).is_ok());
        published = published.or(plausible);
        outlet = outlet.or(page.outlet);
        author = author.or(page.author);
        url = url.or(page.canonical_url);
        declared_language = declared_language.or(page.language);
    }
    let title = title.or(title_hint);
    let published = published
        .or_else(|| published_hint.and_then(|h| parse_input_date(h.trim()).ok()))
        .or(overrides.published);
    let outlet = outlet.or_else(|| overrides.outlet.clone());
    let url = url.or_else(|| overrides.url.clone());
    let title = title.map(|t| t.trim().to_string()).filter(|t| !t.is_empty());
    let body = body.trim();
    if body.is_empty() {
        return Err(fail("no text: the item has no article text to read".into()));
    }
    let text = match &title {
        Some(t) if !starts_with_title(body, t) => format!("{t}\n\n{body}"),
        _ => body.to_string(),
    };
    let language = crate::claims::language::article_language(declared_language.as_deref(), &text);
    Ok(Article {
        url,
        title,
        published,
        outlet,
        author,
        text,
        html: raw.html,
        origin: raw.origin,
        canonical_url,
        text_status,
        language,
    })
}

/// Whether `body` already opens with `title`, compared on letters and digits alone, case folded:
/// the `<title>` or a JSONL `title` often differs from the body's first line only in its
/// quotes (' against ’), dashes, spacing or capitals, and the headline must not be read twice
/// (its claims would count twice). A title with no letter or digit is compared as written.
fn starts_with_title(body: &str, title: &str) -> bool {
    let fold = |s: &str| {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect::<Vec<char>>()
    };
    let t = fold(title);
    if t.is_empty() {
        return body.starts_with(title);
    }
    // Only the body's opening matters: a title is read against at most its first line and a
    // little more, never against the whole article.
    let head: String = body.chars().take(title.chars().count() * 2 + 16).collect();
    fold(&head).starts_with(&t)
}

/// How long a batch of writes may stay open before it is committed: what a crash can cost a
/// rerun, how stale readers may be, and how long another writer waits for the lock.
pub const BATCH_TIME: Duration = Duration::from_millis(200);
/// At most this many items in one batch.
pub const BATCH_ITEMS: usize = 500;
/// `BATCH_TIME` for a bulk ingest of files (`ingest`): every commit writes each page the batch
/// changed to the write-ahead log, and as the archive's indexes grow an article changes pages
/// of its own, so fewer, larger batches cut the cost per article (at 30,000 articles stored,
/// a 200 ms batch held 20–40 articles under load). Readers see a bulk ingest's progress up to
/// this much later, and a crash costs a rerun up to this much work.
pub const BULK_BATCH_TIME: Duration = Duration::from_secs(2);

/// How a run treats the items it reads.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Keep only articles that name a lexicon company and a data or privacy term
    /// (`Extractor::irrelevance`); the others are reported as skipped, not stored.
    pub relevant_only: bool,
}

/// What became of one item, for callers that keep their own bookkeeping (the fetch queue).
/// Given to the `on_item` hook on the writer thread, right after the item's own write.
#[derive(Debug)]
pub enum ItemOutcome<'a> {
    Saved {
        origin: &'a str,
        outcome: &'a SaveOutcome,
    },
    Skipped {
        origin: &'a str,
        reason: &'a str,
    },
    Failed {
        item: &'a str,
        reason: &'a str,
    },
}

/// One item after the worker threads. Nearly every item is an article, so the large variant
/// is the common one: boxing it would only add an allocation per article.
#[allow(clippy::large_enum_variant)]
enum Processed {
    /// With its raw page compressed for the store's setting, when it has one, and why the
    /// claim rules did not read it (`claims::not_read`), when they did not.
    Article(Article, Vec<Claim>, Option<PackedHtml>, Option<&'static str>),
    Skipped {
        origin: String,
        reason: &'static str,
    },
    Failed(InputError),
}

/// What `Batch::write` did with one item, for the run's counts and events.
enum Written {
    /// With the item and why the claim rules did not read its article, when they did not.
    Saved(SaveOutcome, Option<(String, &'static str)>),
    Skipped {
        origin: String,
        reason: &'static str,
    },
    /// The item's failure, recorded (one that failed before the writer, or an article the
    /// store refused).
    Failed(InputError),
}

/// Runs items through extraction and claim finding on `workers` threads and stores them in
/// input order on the calling thread. `items` is consumed lazily (bounded memory), on a thread
/// of its own.
///
/// Writes are grouped: one transaction per batch (`BULK_BATCH_TIME`, `BATCH_ITEMS`, and whenever the
/// input goes idle). An article is stored whole or not at all and a failing article never
/// takes the others of its batch down: a batch's articles take no savepoint each (the common
/// case, cheaper), and when one fails the batch is rolled back and written again, each
/// article its own savepoint, before the failed one is retried alone (see `Batch`). A store
/// error about the item itself (`StoreError::is_about_the_item`) is recorded as a failure and
/// the batch goes on; any other ends the run after committing what was stored before it.
pub fn ingest<I>(
    items: I,
    overrides: &Overrides,
    extractor: &Extractor,
    store: &mut Store,
    workers: usize,
    on_event: &mut dyn FnMut(Event<'_>),
) -> Result<Summary, StoreError>
where
    I: Iterator<Item = Result<RawDoc, InputError>> + Send,
{
    ingest_watched(
        items,
        overrides,
        extractor,
        store,
        workers,
        on_event,
        &mut |_, _| {},
    )
}

/// [`ingest`], with `on_written` called on the writer thread after each item is written (or
/// skipped, or failed), with the store (read only, inside the open batch) and the run's
/// totals so far: a caller can watch one long run from inside it, with one set of worker
/// threads for the whole run (`bench ingest --report-every`).
pub fn ingest_watched<I>(
    items: I,
    overrides: &Overrides,
    extractor: &Extractor,
    store: &mut Store,
    workers: usize,
    on_event: &mut dyn FnMut(Event<'_>),
    on_written: &mut dyn FnMut(&Store, &Summary),
) -> Result<Summary, StoreError>
where
    I: Iterator<Item = Result<RawDoc, InputError>> + Send,
{
    let settings = Settings {
        overrides,
        options: Options::default(),
        extractor,
        workers,
    };
    // The hook writes nothing here, so a batch can be written again from what it holds.
    let batching = Batching {
        time: BULK_BATCH_TIME,
        replayable: true,
    };
    run(
        items,
        &settings,
        batching,
        store,
        on_event,
        &mut |_, _| Ok(()),
        on_written,
    )
}

/// What `ingest_with` runs with, besides the items, the store and the hooks.
pub struct Settings<'a> {
    /// Metadata that overrides what the items carry.
    pub overrides: &'a Overrides,
    pub options: Options,
    pub extractor: &'a Extractor,
    /// Extraction threads (at least 1).
    pub workers: usize,
}

/// How the writer groups its writes: a batch commits once open `time` (or at `BATCH_ITEMS`,
/// or when the input is idle for `BATCH_TIME`); `replayable` batches take no savepoint per
/// article and are written again when one fails (see `Batch`), which needs an `on_item` hook
/// that writes only from what it is given.
#[derive(Debug, Clone, Copy)]
struct Batching {
    time: Duration,
    replayable: bool,
}

/// [`ingest`] with options, and a hook called with the store after each item is written (or
/// skipped, or failed), inside the same batch, so a caller can record the item's fate in the
/// same place and with the same atomicity.
///
/// Its batches are short (`BATCH_TIME`), each article a savepoint of its own: the hook may
/// write from state of its own (a fetch log drained as it goes), so a batch could not be
/// written again from what the pipeline holds.
pub fn ingest_with<I>(
    items: I,
    settings: &Settings<'_>,
    store: &mut Store,
    on_event: &mut dyn FnMut(Event<'_>),
    on_item: &mut dyn FnMut(&mut Store, ItemOutcome<'_>) -> Result<(), StoreError>,
) -> Result<Summary, StoreError>
where
    I: Iterator<Item = Result<RawDoc, InputError>> + Send,
{
    let batching = Batching {
        time: BATCH_TIME,
        replayable: false,
    };
    run(
        items,
        settings,
        batching,
        store,
        on_event,
        on_item,
        &mut |_, _| {},
    )
}

/// `ingest_with`, batched as `batching` says, with `on_written` called after each item.
fn run<I>(
    items: I,
    settings: &Settings<'_>,
    batching: Batching,
    store: &mut Store,
    on_event: &mut dyn FnMut(Event<'_>),
    on_item: &mut dyn FnMut(&mut Store, ItemOutcome<'_>) -> Result<(), StoreError>,
    on_written: &mut dyn FnMut(&Store, &Summary),
) -> Result<Summary, StoreError>
where
    I: Iterator<Item = Result<RawDoc, InputError>> + Send,
{
    let Settings {
        overrides,
        options,
        extractor,
        workers,
    } = *settings;
    let workers = workers.max(1);
    let mut summary = Summary::default();
    // Raw pages are compressed here, on the workers, not by the single writer.
    let raw_html = store.raw_html();
    let process = |item: Result<RawDoc, InputError>| -> Processed {
        let article = match item.and_then(|raw| to_article(raw, overrides)) {
            Ok(article) => article,
            Err(e) => return Processed::Failed(e),
        };
        if options.relevant_only {
            if let Some(reason) = extractor.irrelevance(&article) {
                return Processed::Skipped {
                    origin: article.origin,
                    reason,
                };
            }
        }
        match extract_claims(extractor, &article) {
            Ok(claims) => {
                let packed = article
                    .html
                    .as_deref()
                    .map(|html| PackedHtml::new(Some(html), raw_html));
                let unread = crate::claims::not_read(&article);
                Processed::Article(article, claims, packed, unread)
            }
            Err(e) => Processed::Failed(e),
        }
    };
    let mut batch = Batch {
        started: None,
        items: 0,
        time: batching.time,
        written: Vec::new(),
        written_bytes: 0,
        replayable: false,
        may_replay: batching.replayable,
    };
    let mut store_one = |result: Processed,
                         store: &mut Store,
                         summary: &mut Summary,
                         batch: &mut Batch|
     -> Result<(), StoreError> {
        summary.read += 1;
        batch.open(store)?;
        match batch.write(result, store, on_item)? {
            Written::Saved(outcome, unread) => {
                match outcome.status {
                    SaveStatus::Inserted => summary.stored += 1,
                    SaveStatus::Replaced => summary.replaced += 1,
                    SaveStatus::Duplicate => summary.duplicates += 1,
                }
                summary.claims += outcome.claims;
                summary.links += outcome.links;
                if let (Some((origin, reason)), false) = (unread, outcome.status == SaveStatus::Duplicate) {
                    summary.unread += 1;
                    on_event(Event::Unread {
                        item: &origin,
                        reason,
                    });
                }
            }
            Written::Skipped { origin, reason } => {
                summary.skipped += 1;
                on_event(Event::Skipped {
                    item: &origin,
                    reason,
                });
            }
            Written::Failed(e) => {
                summary.failed += 1;
                on_event(Event::Failed {
                    item: &e.item,
                    reason: &e.reason,
                });
            }
        }
        batch.items += 1;
        if batch.full() {
            batch.commit(store)?;
        }
        on_event(Event::Progress { summary });
        Ok(())
    };

    // Reader → bounded queue → workers → reorder buffer → writer (this thread).
    let queue = workers * 16;
    let (in_tx, in_rx) = mpsc::sync_channel::<(usize, Result<RawDoc, InputError>)>(queue);
    let (out_tx, out_rx) = mpsc::sync_channel::<(usize, Processed)>(queue);
    let in_rx = Mutex::new(in_rx);
    // Set when the writer has stopped on a store error: the reader stops reading and the
    // workers drain the queue without working, so no thread stays blocked on a full channel.
    let stop = AtomicBool::new(false);
    let result = std::thread::scope(|scope| -> Result<(), StoreError> {
        let stop = &stop;
        scope.spawn(move || {
            for (seq, item) in items.enumerate() {
                if stop.load(Ordering::Relaxed) || in_tx.send((seq, item)).is_err() {
                    break;
                }
            }
        });
        for _ in 0..workers {
            let out_tx = out_tx.clone();
            let in_rx = &in_rx;
            let process = &process;
            scope.spawn(move || loop {
                let next = in_rx.lock().map(|rx| rx.recv());
                let Ok(Ok((seq, item))) = next else { break };
                if stop.load(Ordering::Relaxed) {
                    continue;
                }
                if out_tx.send((seq, process(item))).is_err() {
                    stop.store(true, Ordering::Relaxed);
                }
            });
        }
        drop(out_tx);
        let mut pending = std::collections::BTreeMap::new();
        let mut next = 0usize;
        let mut write = || -> Result<(), StoreError> {
            loop {
                let (seq, result) = match out_rx.recv_timeout(BATCH_TIME) {
                    Ok(got) => got,
                    // The input is idle (a slow stdin): commit what is waiting.
                    Err(mpsc::RecvTimeoutError::Timeout) => {
                        batch.commit(store)?;
                        continue;
                    }
                    Err(mpsc::RecvTimeoutError::Disconnected) => return Ok(()),
                };
                pending.insert(seq, result);
                while let Some(result) = pending.remove(&next) {
                    next += 1;
                    store_one(result, store, &mut summary, &mut batch)?;
                    on_written(store, &summary);
                }
            }
        };
        let written = write();
        if written.is_err() {
            stop.store(true, Ordering::Relaxed);
        }
        drop(out_rx);
        written
    });
    // Whatever happened, what was stored before stays stored.
    let committed = batch.commit(store);
    result?;
    committed?;
    Ok(summary)
}

/// The open batch of writes, if any: how many items it holds and since when; `time` is how
/// long it may stay open.
///
/// With `Batching::replayable`, a batch is begun replayable (`Store::begin_replayable_batch`:
/// no savepoint per article, which costs a copy of every page the article changes) and keeps
/// what it wrote, to write it all again should an article fail and take the batch with it.
/// From then on until its commit the batch is an ordinary one, each article its own savepoint.
struct Batch {
    started: Option<Instant>,
    items: usize,
    time: Duration,
    /// The items written in the open batch, in order, while it is replayable.
    written: Vec<Processed>,
    /// Text and page bytes of the articles in `written`.
    written_bytes: usize,
    /// The open batch takes no savepoint per article.
    replayable: bool,
    /// Batches are begun replayable.
    may_replay: bool,
}

/// Bytes of article text and pages a replayable batch keeps before it commits early.
const REPLAY_BYTES: usize = 32 << 20;

impl Batch {
    fn open(&mut self, store: &mut Store) -> Result<(), StoreError> {
        if self.started.is_none() {
            if self.may_replay {
                store.begin_replayable_batch()?;
            } else {
                store.begin_batch()?;
            }
            self.started = Some(Instant::now());
            self.items = 0;
            self.written.clear();
            self.written_bytes = 0;
            self.replayable = self.may_replay;
        }
        Ok(())
    }

    /// Writes one item in the open batch and tells the `on_item` hook: an article's rows, or the
    /// record of a failure (an item that failed before, or an article the store refuses), or
    /// nothing for a skipped item. Used for an item's first write and for a replay, so both
    /// write the same. While the batch is replayable the item is kept.
    ///
    /// When an article fails in a replayable batch, the store has rolled the batch back whole
    /// (it took no savepoint per article): the batch is replayed, each article its own
    /// savepoint, and the article is tried once more.
    fn write(
        &mut self,
        item: Processed,
        store: &mut Store,
        on_item: &mut dyn FnMut(&mut Store, ItemOutcome<'_>) -> Result<(), StoreError>,
    ) -> Result<Written, StoreError> {
        match item {
            Processed::Article(article, claims, packed, unread) => {
                let save = |store: &mut Store| {
                    store.save_article_packed(&article, &claims, EXTRACTOR_VERSION, packed.as_ref())
                };
                let mut saved = save(store);
                if saved.is_err() && self.replayable && !store.in_batch() {
                    self.replay(store, on_item)?;
                    saved = save(store);
                }
                match saved {
                    Ok(outcome) => {
                        on_item(
                            store,
                            ItemOutcome::Saved {
                                origin: &article.origin,
                                outcome: &outcome,
                            },
                        )?;
                        let origin = unread.map(|reason| (article.origin.clone(), reason));
                        self.keep(Processed::Article(article, claims, packed, unread));
                        Ok(Written::Saved(outcome, origin))
                    }
                    Err(e) if e.is_about_the_item() => {
                        let reason = format!("cannot be stored: {e}");
                        self.fail(
                            InputError {
                                item: article.origin,
                                reason,
                            },
                            store,
                            on_item,
                        )
                    }
                    Err(e) => Err(e),
                }
            }
            Processed::Skipped { origin, reason } => {
                on_item(
                    store,
                    ItemOutcome::Skipped {
                        origin: &origin,
                        reason,
                    },
                )?;
                let written = Written::Skipped {
                    origin: origin.clone(),
                    reason,
                };
                self.keep(Processed::Skipped { origin, reason });
                Ok(written)
            }
            Processed::Failed(e) => self.fail(e, store, on_item),
        }
    }

    /// Records an item's failure and tells the `on_item` hook.
    fn fail(
        &mut self,
        e: InputError,
        store: &mut Store,
        on_item: &mut dyn FnMut(&mut Store, ItemOutcome<'_>) -> Result<(), StoreError>,
    ) -> Result<Written, StoreError> {
        store.record_failure(&e.item, &e.reason)?;
        let (item, reason) = (&e.item, &e.reason);
        on_item(store, ItemOutcome::Failed { item, reason })?;
        let written = Written::Failed(e.clone());
        self.keep(Processed::Failed(e));
        Ok(written)
    }

    /// Keeps an item written in the open batch, while it may have to be written again.
    fn keep(&mut self, item: Processed) {
        if self.replayable {
            if let Processed::Article(a, ..) = &item {
                self.written_bytes += a.text.len() + a.html.as_ref().map_or(0, String::len);
            }
            self.written.push(item);
        }
    }

    /// After a failed article rolled the replayable batch back: begins an ordinary batch and
    /// writes the items written before again (they were counted and reported the first time).
    fn replay(
        &mut self,
        store: &mut Store,
        on_item: &mut dyn FnMut(&mut Store, ItemOutcome<'_>) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        store.begin_batch()?;
        self.replayable = false;
        self.written_bytes = 0;
        for item in std::mem::take(&mut self.written) {
            self.write(item, store, on_item)?;
        }
        Ok(())
    }

    fn full(&self) -> bool {
        self.items >= BATCH_ITEMS
            || self.written_bytes >= REPLAY_BYTES
            || self.started.is_some_and(|t| t.elapsed() >= self.time)
    }

    fn commit(&mut self, store: &mut Store) -> Result<(), StoreError> {
        self.written.clear();
        self.written_bytes = 0;
        if self.started.take().is_some() {
            store.commit_batch()?;
        }
        Ok(())
    }
}

/// Claim extraction, with a panic in it (a bug, never expected) turned into this item's
/// failure so the batch goes on.
fn extract_claims(extractor: &Extractor, article: &Article) -> Result<Vec<Claim>, InputError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| extractor.extract(article))).map_err(|_| {
        InputError {
            item: article.origin.clone(),
            reason: "claim extraction failed (a claimtrack bug; please report it with this item)".into(),
        }
    })
}

/// What `reextract` reads again.
#[derive(Debug, Clone, Copy, Default)]
pub struct Reextract {
    /// Also read the kept raw pages again (main text and metadata), not only the stored text:
    /// for when a newer claimtrack extracts pages better.
    pub pages: bool,
    /// As `Overrides::latest`, for the dates read from the pages.
    pub latest: Option<NaiveDate>,
}

/// Re-runs claim extraction and linking over every stored article, one at a time, without
/// reading any input; with `how.pages`, articles whose raw page was kept get their text and
/// metadata from the page again first (those that change are counted as `replaced`). A page
/// that no longer yields an article is reported (`Event::Failed`) and its article keeps what
/// was stored.
pub fn reextract(
    extractor: &Extractor,
    store: &mut Store,
    how: Reextract,
    on_event: &mut dyn FnMut(Event<'_>),
) -> Result<Summary, StoreError> {
    let mut summary = Summary::default();
    for id in store.article_ids()? {
        let stored = match store.article(id, how.pages) {
            Ok(stored) => stored,
            // A kept page that cannot be unpacked (a damaged database row): said, and the
            // article is read again from its stored text.
            Err(e) if how.pages => {
                summary.failed += 1;
                on_event(Event::Failed {
                    item: &format!("article {id}"),
                    reason: &format!("its kept page cannot be read ({e}); the stored text is kept"),
                });
                store.article(id, false)?
            }
            Err(e) => return Err(e),
        };
        // Gone since the ids were read (another process deleted it): nothing to do.
        let Some(mut stored) = stored else {
            continue;
        };
        // Stored before articles had a language (migration 0009): its text tells.
        if stored.language.is_none() {
            stored.language = crate::claims::language::article_language(None, &stored.text);
        }
        summary.read += 1;
        let fresh = match stored.html {
            Some(_) if how.pages => match reread_page(&stored, how.latest) {
                Ok(fresh) => Some(fresh).filter(|f| !same_reading(f, &stored)),
                Err(e) => {
                    summary.failed += 1;
                    on_event(Event::Failed {
                        item: &e.item,
                        reason: &format!("its kept page: {}; the stored text is kept", e.reason),
                    });
                    None
                }
            },
            _ => None,
        };
        let (c, l) = match &fresh {
            Some(article) => {
                summary.replaced += 1;
                store.replace_article(id, article, &extractor.extract(article), EXTRACTOR_VERSION)?
            }
            None => store.replace_claims(id, &extractor.extract(&stored), EXTRACTOR_VERSION)?,
        };
        summary.stored += 1;
        summary.claims += c;
        summary.links += l;
        on_event(Event::Progress { summary: &summary });
    }
    Ok(summary)
}

/// The article read again from `stored`'s kept page, as `ingest` would read it, with what was
/// stored (perhaps given on the command line then) filling in what the page lacks.
fn reread_page(stored: &Article, latest: Option<NaiveDate>) -> Result<Article, InputError> {
    let item = stored.url.clone().unwrap_or_else(|| stored.origin.clone());
    let raw = RawDoc {
        origin: stored.origin.clone(),
        url: stored.url.clone(),
        html: stored.html.clone(),
        title_hint: stored.title.clone(),
        ..RawDoc::default()
    };
    let overrides = Overrides {
        published: stored.published,
        outlet: stored.outlet.clone(),
        url: None,
        latest,
    };
    let mut fresh = to_article(raw, &overrides).map_err(|e| InputError {
        item,
        reason: e.reason,
    })?;
    fresh.author = fresh.author.or_else(|| stored.author.clone());
    Ok(fresh)
}

/// Whether two readings of one article agree on everything stored but the page itself.
fn same_reading(a: &Article, b: &Article) -> bool {
    (
        &a.url,
        &a.title,
        a.published,
        &a.outlet,
        &a.author,
        &a.text,
        &a.canonical_url,
        a.text_status,
        &a.language,
    ) == (
        &b.url,
        &b.title,
        b.published,
        &b.outlet,
        &b.author,
        &b.text,
        &b.canonical_url,
        b.text_status,
        &b.language,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `ingest_watched` calls its watcher after every item, on one run: the totals so far grow
    /// by one item each time, and the store it is given already holds what they count.
    #[test]
    fn the_watcher_sees_every_item_and_the_store_as_written_so_far() {
        let mut lexicon = crate::claims::Lexicon::builtin();
        lexicon
            .add_companies(&crate::synth::lexicon(), "synthetic")
            .expect("the synthetic lexicon parses");
        let extractor = Extractor::new(&lexicon);
        let dir = tempfile::tempdir().expect("a temp dir can be created in tests");
        let mut store = Store::open(&dir.path().join("w.db")).expect("opens");
        let mut items: Vec<Result<RawDoc, InputError>> = crate::synth::generate(40, 3)
            .enumerate()
            .map(|(i, a)| {
                Ok(RawDoc {
                    origin: format!("gen:{i}"),
                    url: Some(a.url),
                    title: Some(a.title),
                    text: Some(a.text),
                    published: Some(a.published),
                    outlet: Some(a.outlet),
                    ..RawDoc::default()
                })
            })
            .collect();
        // One bad item among them: it is counted and seen like the others.
        items.insert(
            7,
            Err(InputError {
                item: "bad:1".into(),
                reason: "not JSON".into(),
            }),
        );
        let mut seen: Vec<(Summary, i64, i64)> = Vec::new();
        let summary = ingest_watched(
            items.into_iter(),
            &Overrides::default(),
            &extractor,
            &mut store,
            2,
            &mut |_| {},
            &mut |store, s| {
                let stats = store.stats().expect("reads inside the open batch");
                seen.push((*s, stats.articles, stats.claims));
            },
        )
        .expect("ingests");
        assert_eq!(seen.len(), 41);
        for (i, (s, articles, claims)) in seen.iter().enumerate() {
            assert_eq!(s.read, i + 1);
            assert_eq!(*articles as usize, s.stored + s.replaced);
            assert_eq!(*claims as usize, s.claims);
        }
        assert_eq!(seen[6].0.failed, 0);
        assert_eq!(seen[7].0.failed, 1);
        assert_eq!(seen.last().map(|x| x.0), Some(summary));
        assert!(summary.stored >= 30 && summary.claims > 0, "{summary:?}");
    }

    fn raw(text: Option<&str>, title: Option<&str>, published: Option<&str>) -> RawDoc {
        RawDoc {
            origin: "t.jsonl:1".into(),
            text: text.map(Into::into),
            title: title.map(Into::into),
            published: published.map(Into::into),
            ..RawDoc::default()
        }
    }

    #[test]
    fn title_becomes_first_line_once() {
        let o = Overrides::default();
        let a = to_article(raw(Some("Body."), Some("Head"), None), &o).unwrap();
        assert_eq!(a.text, "Head\n\nBody.");
        let a = to_article(raw(Some("Head\n\nBody."), Some("Head"), None), &o).unwrap();
        assert_eq!(a.text, "Head\n\nBody.");
    }

    #[test]
    fn a_title_differing_only_in_quotes_dashes_spacing_or_case_is_not_added_again() {
        fn check(body: &str, title: &str, expected: bool) {
            assert_eq!(starts_with_title(body, title), expected, "{title:?} / {body:?}");
        }
        check(
            "Users’ data went to Acme — report\n\nBody.",
            "Users' data went to Acme - report",
            true,
        );
        check(
            "“We never sold it,” Acme says\n\nBody.",
            "\"We never sold it,\" Acme says",
            true,
        );
        check("ACME SOLD  DATA\n\nBody.", "Acme sold data", true);
        check("Acme sold data\n\nBody.", "Acme sold location data", false);
        check("Body about something else.", "Acme sold data", false);
        check("Acme sold data", "Acme sold data, then denied it", false);
        check("—\n\nBody.", "—", true);
        check("Body.", "—", false);
        let o = Overrides::default();
        let a = to_article(
            raw(
                Some("Users’ data, sold\n\nBody."),
                Some("Users' data, sold"),
                None,
            ),
            &o,
        )
        .unwrap();
        assert_eq!(a.text, "Users’ data, sold\n\nBody.");
    }

    #[test]
    fn bad_items_name_the_reason() {
        let o = Overrides::default();
        let e = to_article(raw(Some("x"), None, Some("last Tuesday")), &o).unwrap_err();
        assert_eq!(e.item, "t.jsonl:1");
        assert!(e.reason.contains("unknown date format"), "{}", e.reason);
        let e = to_article(raw(Some("  \n"), Some("Head"), None), &o).unwrap_err();
        assert!(e.reason.starts_with("no text"), "{}", e.reason);
    }

    /// A page's date after `latest` is skipped inside the extractor, which then takes the next
    /// source of the date, as `claimtrack extract` does with the same bound.
    #[test]
    fn page_dates_are_bounded_inside_the_extractor() {
        fn check(latest: Option<&str>, expected: Option<&str>) {
            let html = concat!(
                r#"<html><head><script type="application/ld+json">"#,
                r#"{"@type":"NewsArticle","datePublished":"2031-05-02"}</script>"#,
                r#"<meta property="article:published_time" content="2019-03-04T10:00:00+01:00">"#,
                "</head><body><article><p>The company said it never sold any data.</p>",
                "</article></body></html>"
            );
            let item = RawDoc {
                html: Some(html.into()),
                ..raw(None, Some("Head"), None)
            };
            let o = Overrides {
                latest: latest.map(|l| l.parse().expect("test date")),
                ..Overrides::default()
            };
            let a = to_article(item, &o).expect("page reads");
            let want = expected.map(|e| e.parse::<NaiveDate>().expect("test date"));
            assert_eq!(a.published, want, "latest {latest:?}");
        }
        check(Some("2026-11-30"), Some("2019-03-04"));
        check(None, Some("2031-05-02"));
        check(Some("2031-05-02"), Some("2031-05-02"));
    }

    #[test]
    fn latest_believed_allows_two_days() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 31).expect("valid date");
        assert_eq!(
            latest_believed(today),
            NaiveDate::from_ymd_opt(2027, 1, 2).expect("valid date")
        );
    }

    #[test]
    fn overrides_fill_only_what_is_missing() {
        let o = Overrides {
            published: NaiveDate::from_ymd_opt(2018, 12, 19),
            outlet: Some("Wire".into()),
            url: Some("https://example.org/a".into()),
            latest: None,
        };
        let a = to_article(raw(Some("Body."), None, Some("2017-01-02")), &o).unwrap();
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2017, 1, 2));
        assert_eq!(a.outlet.as_deref(), Some("Wire"));
        assert_eq!(a.url.as_deref(), Some("https://example.org/a"));
    }
}
