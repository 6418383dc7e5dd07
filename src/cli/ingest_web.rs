//! The web half of `claimtrack ingest`: URLs, URL lists, feeds, sitemaps and WARC files.
//!
//! A run queues every page URL its inputs name in the store (`fetch_queue`), then fetches those
//! still to do and hands the pages to the same pipeline as local files. The fetch runs on a
//! thread of its own with a second connection (logging each fetch as it completes); the calling
//! thread is the pipeline's writer, and marks a URL done in the hook called right after the
//! article is written. Interrupted (Ctrl-C, or kill -9), the same command continues where it
//! stopped: what was stored is `done` and not fetched again.

use std::collections::HashSet;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{mpsc, Arc, Mutex};
use std::time::Duration;

use chrono::NaiveDate;

use super::{progress_bar, show_event, Ctx};
use crate::claims::Extractor;
use crate::dates::parse_input_date;
use crate::fetch::{
    self, decode_html, normalize_url, Accept, FetchConfig, FetchResult, Fetcher, Outcome, Request, Sitemap,
    WarcEvent,
};
use crate::pipeline::{self, ItemOutcome, Options, Overrides, Summary};
use crate::source::{InputError, RawDoc};
use crate::store::{
    FetchAttempt, FinishedItem, QueueEntry, QueueItem, QueueKind, QueueSource, QueueState, QueueUpdate,
    SaveStatus, Store,
};

/// Sitemaps read in one run at most (an index may list thousands; this bounds a runaway one).
const MAX_SITEMAPS: usize = 10_000;

/// What the user asked for, from the command line.
pub struct WebInputs {
    pub urls: Vec<String>,
    pub url_files: Vec<PathBuf>,
    pub feeds: Vec<String>,
    pub sitemaps: Vec<String>,
    pub discover: Vec<String>,
    pub warcs: Vec<PathBuf>,
    pub since: Option<NaiveDate>,
    pub all: bool,
    pub refresh: bool,
}

/// Totals of the web part of a run.
#[derive(Debug, Default)]
pub struct WebSummary {
    pub pipeline: Summary,
    pub fetched: usize,
    pub not_modified: usize,
    /// Skipped by the fetcher (robots.txt, not HTML).
    pub skipped: usize,
    /// Fetches and inputs that failed (the pipeline's own failures are in `pipeline`).
    pub failed: usize,
    /// Already stored in an earlier run: not fetched again.
    pub already: usize,
    /// Still queued when the run was interrupted.
    pub left: usize,
    pub interrupted: bool,
}

impl WebSummary {
    pub fn any_failed(&self) -> bool {
        self.failed > 0 || self.pipeline.failed > 0
    }
}

/// Whether a positional argument is a URL (`http://`, `https://`), another scheme (an input
/// error), or a path.
pub enum Positional {
    Url(String),
    OtherScheme(String),
    Path,
}

pub fn classify(arg: &str) -> Positional {
    let lower = arg.to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") {
        return Positional::Url(arg.to_string());
    }
    match arg.split_once("://") {
        Some((scheme, _))
            if !scheme.is_empty()
                && scheme.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c)) =>
        {
            Positional::OtherScheme(scheme.to_string())
        }
        _ => Positional::Path,
    }
}

// ---------------------------------------------------------------------------------------------
// Ctrl-C

static INTERRUPTED: AtomicBool = AtomicBool::new(false);

#[cfg(unix)]
extern "C" fn on_signal(_: libc::c_int) {
    // A second Ctrl-C leaves at once (the queue is in the database: nothing is lost).
    if INTERRUPTED.swap(true, Ordering::SeqCst) {
        // SAFETY: _exit is async-signal-safe.
        unsafe { libc::_exit(130) }
    }
}

/// Ctrl-C (and SIGTERM) set a flag instead of killing the process: requests in flight finish,
/// their pages are stored, and the run ends with its summary.
fn install_interrupt_handler() {
    #[cfg(unix)]
    // SAFETY: the handler only stores to an atomic and may call _exit, both async-signal-safe.
    unsafe {
        let handler = on_signal as extern "C" fn(libc::c_int) as libc::sighandler_t;
        libc::signal(libc::SIGINT, handler);
        libc::signal(libc::SIGTERM, handler);
    }
}

fn interrupted() -> bool {
    INTERRUPTED.load(Ordering::Relaxed)
}

// ---------------------------------------------------------------------------------------------
// The run

#[allow(clippy::too_many_arguments)]
pub fn run(
    ctx: &Ctx,
    inputs: &WebInputs,
    config: FetchConfig,
    overrides: &Overrides,
    extractor: &Extractor,
    store: &mut Store,
    workers: usize,
) -> anyhow::Result<WebSummary> {
    install_interrupt_handler();
    let fetcher = Fetcher::new(config)?;
    let stop = fetcher.stop_handle();
    let watcher_done = Arc::new(AtomicBool::new(false));
    let watcher = {
        let (stop, done) = (stop.clone(), watcher_done.clone());
        std::thread::spawn(move || {
            while !done.load(Ordering::Relaxed) {
                if interrupted() {
                    stop.store(true, Ordering::SeqCst);
                    return;
                }
                std::thread::sleep(Duration::from_millis(50));
            }
        })
    };
    let mut summary = WebSummary::default();
    let result = (|| -> anyhow::Result<()> {
        let mut run = Collect {
            ctx,
            fetcher: &fetcher,
            store,
            summary: &mut summary,
            urls: Vec::new(),
            seen: HashSet::new(),
        };
        run.gather(inputs)?;
        let urls = std::mem::take(&mut run.urls);
        let (requests, hints) = select_requests(run.store, &urls, inputs.refresh, run.summary)?;
        if !requests.is_empty() && !interrupted() {
            fetch_and_ingest(
                ctx,
                &fetcher,
                requests,
                hints,
                inputs.all,
                overrides,
                extractor,
                store,
                workers,
                &mut summary,
            )?;
        }
        for warc in &inputs.warcs {
            if interrupted() {
                break;
            }
            ingest_warc(
                ctx,
                warc,
                inputs.all,
                overrides,
                extractor,
                store,
                workers,
                &mut summary,
            )?;
        }
        Ok(())
    })();
    watcher_done.store(true, Ordering::Relaxed);
    let _ = watcher.join();
    summary.interrupted = interrupted();
    result?;
    Ok(summary)
}

/// Expanding the inputs into page URLs, queued in the store.
struct Collect<'a> {
    ctx: &'a Ctx,
    fetcher: &'a Fetcher,
    store: &'a mut Store,
    summary: &'a mut WebSummary,
    /// This run's pages, in input order.
    urls: Vec<String>,
    seen: HashSet<String>,
}

impl Collect<'_> {
    fn input_error(&mut self, item: &str, reason: &str) -> anyhow::Result<()> {
        self.summary.failed += 1;
        self.ctx.item_error(item, reason);
        self.store.record_failure(item, reason)?;
        Ok(())
    }

    /// Queues pages (normalising each URL; a bad one is an input error naming `origin`).
    fn queue(
        &mut self,
        items: Vec<(String, Option<String>, Option<String>)>,
        source: QueueSource,
        source_ref: Option<&str>,
        origin: &str,
    ) -> anyhow::Result<()> {
        let mut batch = Vec::new();
        for (raw, title, published) in items {
            match normalize_url(raw.trim()) {
                Ok(url) => {
                    let url = url.to_string();
                    if self.seen.insert(url.clone()) {
                        self.urls.push(url.clone());
                    }
                    let published = published.filter(|p| parse_input_date(p.trim()).is_ok());
                    batch.push(QueueItem {
                        url,
                        kind: QueueKind::Page,
                        source,
                        source_ref: source_ref.map(str::to_string),
                        title_hint: title.filter(|t| !t.trim().is_empty()),
                        published_hint: published,
                    });
                }
                Err(e) => self.input_error(origin, &e.to_string())?,
            }
        }
        self.store.enqueue(&batch)?;
        Ok(())
    }

    fn gather(&mut self, inputs: &WebInputs) -> anyhow::Result<()> {
        let cli: Vec<_> = inputs.urls.iter().map(|u| (u.clone(), None, None)).collect();
        for (u, _, _) in &cli {
            if let Err(e) = normalize_url(u) {
                self.input_error(u, &e.to_string())?;
            }
        }
        let cli = cli
            .into_iter()
            .filter(|(u, _, _)| normalize_url(u).is_ok())
            .collect();
        self.queue(cli, QueueSource::Cli, None, "command line")?;
        for file in &inputs.url_files {
            self.read_url_file(file)?;
        }
        for feed in &inputs.feeds {
            self.read_feed(feed)?;
        }
        let mut sitemaps: Vec<String> = inputs.sitemaps.clone();
        for site in &inputs.discover {
            sitemaps.extend(self.discover(site)?);
        }
        self.read_sitemaps(sitemaps, inputs.since)?;
        Ok(())
    }

    fn read_url_file(&mut self, file: &Path) -> anyhow::Result<()> {
        let name = file.display().to_string();
        let reader: Box<dyn BufRead> = if name == "-" {
            Box::new(BufReader::new(std::io::stdin()))
        } else {
            match std::fs::File::open(file) {
                Ok(f) => Box::new(BufReader::new(f)),
                Err(e) => return self.input_error(&name, &format!("cannot open: {e}")),
            }
        };
        let mut items = Vec::new();
        for (i, line) in reader.lines().enumerate() {
            let item = format!("{name}:{}", i + 1);
            let line = match line {
                Ok(l) => l,
                Err(e) => {
                    self.input_error(&item, &format!("cannot read: {e}"))?;
                    break;
                }
            };
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            match normalize_url(line) {
                Ok(_) => items.push((line.to_string(), None, None)),
                Err(e) => self.input_error(&item, &e.to_string())?,
            }
        }
        self.queue(items, QueueSource::UrlsFile, Some(&name), &name)
    }

    /// A feed or sitemap: fetched (conditionally, with the validators of the last run) when
    /// `input` is a URL, read when it is a file. `parent`: the sitemap index that lists it.
    fn document(&mut self, input: &str, kind: QueueKind, parent: Option<&str>) -> anyhow::Result<Doc> {
        if !matches!(classify(input), Positional::Url(_)) {
            return match read_file(Path::new(input)) {
                Ok(bytes) => Ok(Doc::Body(bytes)),
                Err(e) => {
                    self.input_error(input, &format!("cannot read: {e}"))?;
                    Ok(Doc::Failed)
                }
            };
        }
        let url = match normalize_url(input) {
            Ok(u) => u,
            Err(e) => {
                self.input_error(input, &e.to_string())?;
                return Ok(Doc::Failed);
            }
        };
        let key = url.to_string();
        self.store.enqueue(&[QueueItem {
            url: key.clone(),
            kind,
            source: if parent.is_some() {
                QueueSource::Sitemap
            } else {
                QueueSource::Cli
            },
            source_ref: parent.map(str::to_string),
            title_hint: None,
            published_hint: None,
        }])?;
        let known = self.store.queue_entry(&key)?;
        let mut request = Request::new(url);
        request.accept = Accept::Any;
        if let Some(e) = known.filter(|e| e.state == QueueState::Done) {
            request.etag = e.etag;
            request.last_modified = e.last_modified;
        }
        let mut results = Vec::new();
        self.fetcher.run_blocking([request], |r| results.push(r))?;
        let Some(result) = results.pop() else {
            return Ok(Doc::Failed); // interrupted before it was sent
        };
        let attempt = attempt_of(&result);
        match result.outcome {
            Outcome::Document(doc) => {
                let update = QueueUpdate {
                    state: Some((QueueState::Done, None)),
                    validators: Some((doc.etag, doc.last_modified)),
                };
                self.store.record_fetch(&attempt, &update)?;
                Ok(Doc::Body(doc.body))
            }
            Outcome::Page(page) => {
                let update = QueueUpdate {
                    state: Some((QueueState::Done, None)),
                    validators: Some((page.etag, page.last_modified)),
                };
                self.store.record_fetch(&attempt, &update)?;
                Ok(Doc::Body(page.raw))
            }
            Outcome::NotModified => {
                self.store.record_fetch(&attempt, &QueueUpdate::default())?;
                self.ctx.note(format!("{key}: not modified since the last run"));
                // Its pages still to do were queued by the earlier run.
                let pending: Vec<QueueEntry> = self.store.pending_from(&key)?;
                for e in pending {
                    if self.seen.insert(e.url.clone()) {
                        self.urls.push(e.url);
                    }
                }
                Ok(Doc::NotModified(key))
            }
            Outcome::Skipped(why) => {
                let reason = why.to_string();
                let state = if why.is_temporary() {
                    QueueState::Failed
                } else {
                    QueueState::Skipped
                };
                let update = QueueUpdate {
                    state: Some((state, Some(reason.clone()))),
                    validators: None,
                };
                self.store.record_fetch(&attempt, &update)?;
                self.input_error(&key, &reason)?;
                Ok(Doc::Failed)
            }
            Outcome::Failed(why) => {
                let reason = why.to_string();
                let update = QueueUpdate {
                    state: Some((QueueState::Failed, Some(reason.clone()))),
                    validators: None,
                };
                self.store.record_fetch(&attempt, &update)?;
                self.input_error(&key, &reason)?;
                Ok(Doc::Failed)
            }
        }
    }

    fn read_feed(&mut self, input: &str) -> anyhow::Result<()> {
        let Doc::Body(bytes) = self.document(input, QueueKind::Feed, None)? else {
            return Ok(());
        };
        let source_ref = source_ref(input);
        match fetch::parse_feed(&bytes) {
            Ok(entries) => {
                let base = fetch::Url::parse(&source_ref).ok();
                let items = entries
                    .into_iter()
                    .map(|e| {
                        let url = resolve(base.as_ref(), &e.url);
                        (url, e.title, e.published.map(|d| d.to_rfc3339()))
                    })
                    .collect();
                self.queue(items, QueueSource::Feed, Some(&source_ref), input)
            }
            Err(e) => self.input_error(input, &e.to_string()),
        }
    }

    /// The sitemaps a site's robots.txt lists.
    fn discover(&mut self, site: &str) -> anyhow::Result<Vec<String>> {
        let with_scheme = if matches!(classify(site), Positional::Url(_)) {
            site.to_string()
        } else {
            format!("https://{site}")
        };
        let robots = match normalize_url(&with_scheme).and_then(|u| {
            u.join("/robots.txt").map_err(|e| fetch::FetchError::InvalidUrl {
                url: site.to_string(),
                reason: e.to_string(),
            })
        }) {
            Ok(u) => u,
            Err(e) => {
                self.input_error(site, &e.to_string())?;
                return Ok(Vec::new());
            }
        };
        // Through the fetcher's robots.txt cache: the same file also gives the site's rules.
        match self.fetcher.robots_sitemaps_blocking(&robots) {
            Ok(found) => Ok(found),
            Err(reason) => {
                self.input_error(robots.as_str(), &reason)?;
                Ok(Vec::new())
            }
        }
    }

    fn read_sitemaps(&mut self, roots: Vec<String>, since: Option<NaiveDate>) -> anyhow::Result<()> {
        let mut todo: std::collections::VecDeque<(String, Option<String>)> =
            roots.into_iter().map(|r| (r, None)).collect();
        let mut done = HashSet::new();
        while let Some((input, parent)) = todo.pop_front() {
            if interrupted() {
                break;
            }
            if !done.insert(input.clone()) {
                continue;
            }
            if done.len() > MAX_SITEMAPS {
                self.input_error(
                    &input,
                    &format!("more than {MAX_SITEMAPS} sitemaps; the rest are not read"),
                )?;
                break;
            }
            let bytes = match self.document(&input, QueueKind::Sitemap, parent.as_deref())? {
                Doc::Body(bytes) => bytes,
                Doc::NotModified(key) => {
                    // An unchanged index: its sitemaps are asked for again (conditionally too).
                    let children = self.store.documents_from(&key)?;
                    todo.extend(children.into_iter().map(|c| (c, Some(key.clone()))));
                    continue;
                }
                Doc::Failed => continue,
            };
            let source_ref = source_ref(&input);
            match fetch::parse_sitemap(&bytes) {
                Ok(Sitemap::Index(children)) => {
                    let base = fetch::Url::parse(&source_ref).ok();
                    todo.extend(
                        children
                            .into_iter()
                            .map(|c| (resolve(base.as_ref(), &c), Some(source_ref.clone()))),
                    );
                }
                Ok(Sitemap::Urlset(entries)) => {
                    let items = entries
                        .into_iter()
                        .filter(|e| {
                            let date = e.news_publication_date.as_deref().or(e.lastmod.as_deref());
                            match (since, date.and_then(|d| parse_input_date(d.trim()).ok())) {
                                (Some(since), Some(d)) => d >= since,
                                _ => true,
                            }
                        })
                        .map(|e| (e.url, e.news_title, e.news_publication_date))
                        .collect();
                    self.queue(items, QueueSource::Sitemap, Some(&source_ref), &input)?;
                }
                Err(e) => self.input_error(&input, &e.to_string())?,
            }
        }
        Ok(())
    }
}

/// A feed or sitemap document.
enum Doc {
    Body(Vec<u8>),
    /// 304: the pages it listed last time are in the queue (the normalised URL).
    NotModified(String),
    /// Failed or skipped (reported), or not sent because the run was interrupted.
    Failed,
}

/// How a feed or sitemap is named in `fetch_queue.source_ref`: its normalised URL, or the path.
fn source_ref(input: &str) -> String {
    match classify(input) {
        Positional::Url(u) => normalize_url(&u).map(|u| u.to_string()).unwrap_or(u),
        _ => input.to_string(),
    }
}

/// A link as a feed or sitemap wrote it, made absolute against the document's URL.
fn resolve(base: Option<&fetch::Url>, link: &str) -> String {
    match base {
        Some(b) => b
            .join(link.trim())
            .map(|u| u.to_string())
            .unwrap_or_else(|_| link.to_string()),
        None => link.to_string(),
    }
}

fn read_file(path: &Path) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    if path.as_os_str() == "-" {
        std::io::stdin().read_to_end(&mut bytes)?;
    } else {
        std::fs::File::open(path)?
            .take(256 << 20)
            .read_to_end(&mut bytes)?;
    }
    Ok(bytes)
}

/// The requests of this run: pages not yet done (and, with `refresh`, the done ones again, with
/// their validators for a conditional GET).
fn select_requests(
    store: &Store,
    urls: &[String],
    refresh: bool,
    summary: &mut WebSummary,
) -> anyhow::Result<(Vec<Request>, Hints)> {
    let mut requests = Vec::new();
    let mut hints = Hints::new();
    for url in urls {
        let Some(entry) = store.queue_entry(url)? else {
            continue;
        };
        let conditional = match entry.state {
            s if s.is_pending() => false,
            QueueState::Done | QueueState::Skipped if refresh => entry.state == QueueState::Done,
            _ => {
                summary.already += 1;
                continue;
            }
        };
        let Ok(parsed) = fetch::Url::parse(url) else {
            continue;
        };
        if entry.title_hint.is_some() || entry.published_hint.is_some() {
            hints.insert(
                url.clone(),
                (entry.title_hint.clone(), entry.published_hint.clone()),
            );
        }
        let mut request = Request::new(parsed);
        if conditional {
            request.etag = entry.etag;
            request.last_modified = entry.last_modified;
        }
        requests.push(request);
    }
    Ok((requests, hints))
}

/// Title and date hints (from feeds and news sitemaps) by queued URL.
type Hints = std::collections::HashMap<String, (Option<String>, Option<String>)>;

fn attempt_of(r: &FetchResult) -> FetchAttempt {
    let message = r.outcome_message();
    FetchAttempt {
        url: r.url.to_string(),
        final_url: Some(r.final_url.to_string()),
        status: r.status,
        outcome: r.outcome_code().to_string(),
        error: (!message.is_empty()).then_some(message),
        attempts: r.attempts,
        redirects: r.redirects,
        elapsed_ms: r.elapsed_ms,
        bytes: r.bytes,
        at: chrono::DateTime::<chrono::Utc>::from(r.started_at)
            .to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
    }
}

/// Counters the fetch thread shares with the progress bar.
#[derive(Default)]
struct Counters {
    fetched: AtomicUsize,
    not_modified: AtomicUsize,
    skipped: AtomicUsize,
    failed: AtomicUsize,
}

/// Fetch results waiting to be logged. The fetch thread never writes to the database: the
/// pipeline's writer (the only writer) logs them before it stores the next item, so two
/// connections never wait on each other's locks.
#[derive(Default)]
struct PendingLog {
    fetches: Vec<(FetchAttempt, QueueUpdate)>,
    /// (URL, reason) for the `failures` table.
    failures: Vec<(String, String)>,
}

type SharedLog = Arc<Mutex<PendingLog>>;

fn flush_log(store: &mut Store, log: &SharedLog) -> Result<(), crate::store::StoreError> {
    let pending = match log.lock() {
        Ok(mut l) => std::mem::take(&mut *l),
        Err(poisoned) => std::mem::take(&mut *poisoned.into_inner()),
    };
    store.record_fetches(&pending.fetches)?;
    for (url, reason) in &pending.failures {
        store.record_failure(url, reason)?;
    }
    Ok(())
}

fn push_log(log: &SharedLog, attempt: FetchAttempt, update: QueueUpdate, failure: Option<(String, String)>) {
    let mut l = match log.lock() {
        Ok(l) => l,
        Err(poisoned) => poisoned.into_inner(),
    };
    l.fetches.push((attempt, update));
    l.failures.extend(failure);
}

#[allow(clippy::too_many_arguments)]
fn fetch_and_ingest(
    ctx: &Ctx,
    fetcher: &Fetcher,
    requests: Vec<Request>,
    hints: Hints,
    all: bool,
    overrides: &Overrides,
    extractor: &Extractor,
    store: &mut Store,
    workers: usize,
    summary: &mut WebSummary,
) -> anyhow::Result<()> {
    let total = requests.len();
    let bar = progress_bar(ctx, Some(total as u64));
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "{spinner} {elapsed} {bar:30} {pos}/{len} pages {per_sec} {msg}",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    let counters = Arc::new(Counters::default());
    let log: SharedLog = Arc::default();
    let (tx, rx) = mpsc::sync_channel::<Result<RawDoc, InputError>>(64);
    let fetch_thread = {
        let (fetcher, counters, bar, log) = (fetcher.clone(), counters.clone(), bar.clone(), log.clone());
        let verbose = ctx.verbose;
        std::thread::spawn(move || -> anyhow::Result<()> {
            let mut hints = hints;
            fetcher.run_blocking(requests, |result| {
                on_fetched(&mut hints, &log, result, &tx, &counters, &bar, verbose);
            })?;
            Ok(())
        })
    };
    let settings = pipeline::Settings {
        overrides,
        options: Options { relevant_only: !all },
        extractor,
        workers,
    };
    let pipeline_result = pipeline::ingest_with(
        rx.into_iter(),
        &settings,
        store,
        &mut |event| show_event(ctx, &bar, event, |_, _| {}),
        &mut |store, outcome| {
            flush_log(store, &log)?;
            finish(store, outcome, QueueSource::Cli)
        },
    );
    if pipeline_result.is_err() {
        // The store failed: start no more requests.
        fetcher.stop_handle().store(true, Ordering::SeqCst);
    }
    let fetch_result = fetch_thread
        .join()
        .unwrap_or_else(|_| Err(anyhow::anyhow!("the fetch thread stopped unexpectedly")));
    bar.finish_and_clear();
    summary.pipeline = add(summary.pipeline, pipeline_result?);
    flush_log(store, &log)?;
    fetch_result?;
    summary.fetched += counters.fetched.load(Ordering::Relaxed);
    summary.not_modified += counters.not_modified.load(Ordering::Relaxed);
    summary.skipped += counters.skipped.load(Ordering::Relaxed);
    summary.failed += counters.failed.load(Ordering::Relaxed);
    let handled = counters.fetched.load(Ordering::Relaxed)
        + counters.not_modified.load(Ordering::Relaxed)
        + counters.skipped.load(Ordering::Relaxed)
        + counters.failed.load(Ordering::Relaxed);
    summary.left += total.saturating_sub(handled);
    Ok(())
}

/// One fetch result on the fetch thread: its log entry kept for the writer, and a page passed
/// on to the pipeline.
fn on_fetched(
    hints: &mut Hints,
    log: &SharedLog,
    result: FetchResult,
    tx: &mpsc::SyncSender<Result<RawDoc, InputError>>,
    counters: &Counters,
    bar: &indicatif::ProgressBar,
    verbose: bool,
) {
    let attempt = attempt_of(&result);
    let url = result.url.to_string();
    bar.inc(1);
    match result.outcome {
        Outcome::Page(page) => {
            // The validators are kept now but used only once the page is stored (`done`).
            let update = QueueUpdate {
                state: None,
                validators: Some((page.etag, page.last_modified)),
            };
            push_log(log, attempt, update, None);
            counters.fetched.fetch_add(1, Ordering::Relaxed);
            let (title_hint, published_hint) = hints.remove(&url).unwrap_or_default();
            let final_url = normalize_url(result.final_url.as_str())
                .map(|u| u.to_string())
                .unwrap_or_else(|_| result.final_url.to_string());
            let doc = RawDoc {
                origin: url,
                url: Some(final_url),
                html: Some(page.html),
                title_hint,
                published_hint,
                ..RawDoc::default()
            };
            // An error here means the pipeline ended early (a store error), reported there.
            let _ = tx.send(Ok(doc));
        }
        Outcome::NotModified => {
            push_log(log, attempt, QueueUpdate::default(), None);
            counters.not_modified.fetch_add(1, Ordering::Relaxed);
        }
        Outcome::Document(_) => {
            fail(
                log,
                attempt,
                url,
                "not a page (unexpected document)".into(),
                counters,
                bar,
            );
        }
        Outcome::Skipped(why) if why.is_temporary() => {
            fail(log, attempt, url, why.to_string(), counters, bar)
        }
        Outcome::Skipped(why) => {
            let reason = why.to_string();
            let update = QueueUpdate {
                state: Some((QueueState::Skipped, Some(reason.clone()))),
                validators: None,
            };
            push_log(log, attempt, update, None);
            counters.skipped.fetch_add(1, Ordering::Relaxed);
            if verbose {
                bar.suspend(|| eprintln!("claimtrack: {url}: skipped: {reason}"));
            }
        }
        Outcome::Failed(why) => fail(log, attempt, url, why.to_string(), counters, bar),
    }
    let failed = counters.failed.load(Ordering::Relaxed);
    let skipped = counters.skipped.load(Ordering::Relaxed);
    bar.set_message(format!("{failed} failed, {skipped} skipped"));
}

fn fail(
    log: &SharedLog,
    attempt: FetchAttempt,
    url: String,
    reason: String,
    counters: &Counters,
    bar: &indicatif::ProgressBar,
) {
    bar.suspend(|| eprintln!("claimtrack: {url}: {reason}"));
    let update = QueueUpdate {
        state: Some((QueueState::Failed, Some(reason.clone()))),
        validators: None,
    };
    push_log(log, attempt, update, Some((url, reason)));
    counters.failed.fetch_add(1, Ordering::Relaxed);
}

/// The pipeline's hook: the URL's final state, right after the article is written.
fn finish(
    store: &mut Store,
    outcome: ItemOutcome<'_>,
    source: QueueSource,
) -> Result<(), crate::store::StoreError> {
    let (url, state, reason, article_id) = match outcome {
        ItemOutcome::Saved { origin, outcome } => {
            let reason = (outcome.status == SaveStatus::Duplicate)
                .then(|| "duplicate of a stored article".to_string());
            (origin, QueueState::Done, reason, Some(outcome.article_id))
        }
        ItemOutcome::Skipped { origin, reason } => {
            (origin, QueueState::Skipped, Some(reason.to_string()), None)
        }
        ItemOutcome::Failed { item, reason } => (item, QueueState::Failed, Some(reason.to_string()), None),
    };
    // WARC damage reports name the file and offset, not a URL: nothing to queue.
    if !url.starts_with("http://") && !url.starts_with("https://") {
        return Ok(());
    }
    store.finish_queue_item(&FinishedItem {
        url: url.to_string(),
        source,
        source_ref: None,
        state,
        reason,
        article_id,
        fetched_at: None,
    })
}

fn add(a: Summary, b: Summary) -> Summary {
    Summary {
        read: a.read + b.read,
        stored: a.stored + b.stored,
        replaced: a.replaced + b.replaced,
        duplicates: a.duplicates + b.duplicates,
        failed: a.failed + b.failed,
        skipped: a.skipped + b.skipped,
        unread: a.unread + b.unread,
        claims: a.claims + b.claims,
        links: a.links + b.links,
    }
}

// ---------------------------------------------------------------------------------------------
// WARC

#[allow(clippy::too_many_arguments)]
fn ingest_warc(
    ctx: &Ctx,
    path: &Path,
    all: bool,
    overrides: &Overrides,
    extractor: &Extractor,
    store: &mut Store,
    workers: usize,
    summary: &mut WebSummary,
) -> anyhow::Result<()> {
    let name = path.display().to_string();
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) => {
            summary.failed += 1;
            ctx.item_error(&name, &format!("cannot open: {e}"));
            store.record_failure(&name, &format!("cannot open: {e}"))?;
            return Ok(());
        }
    };
    let db = ctx.db.clone();
    let already = Arc::new(AtomicUsize::new(0));
    let (tx, rx) = mpsc::sync_channel::<Result<RawDoc, InputError>>(64);
    let reader = {
        let (name, already) = (name.clone(), already.clone());
        std::thread::spawn(move || -> anyhow::Result<fetch::WarcSummary> {
            // A second connection, to leave out records stored by an earlier run.
            let done = Store::open(&db)?;
            let mut seen = HashSet::new();
            let summary = fetch::read_warc(BufReader::with_capacity(1 << 16, file), |event| {
                if interrupted() {
                    return;
                }
                let item = match event {
                    WarcEvent::Damaged { offset, reason } => Err(InputError {
                        item: format!("{name}@{offset}"),
                        reason: format!("damaged WARC record, skipped: {reason}"),
                    }),
                    WarcEvent::Record(record) => {
                        if !record.http_status.is_none_or(|s| (200..300).contains(&s)) {
                            return;
                        }
                        let url = match normalize_url(&record.target_uri) {
                            Ok(u) => u.to_string(),
                            Err(e) => {
                                let _ = tx.send(Err(InputError {
                                    item: format!("{name}@{}", record.offset),
                                    reason: e.to_string(),
                                }));
                                return;
                            }
                        };
                        // The same URL twice in one file: the first capture is kept.
                        if !seen.insert(url.clone()) {
                            return;
                        }
                        let stored = done
                            .queue_entry(&url)
                            .ok()
                            .flatten()
                            .is_some_and(|e| matches!(e.state, QueueState::Done | QueueState::Skipped));
                        if stored {
                            already.fetch_add(1, Ordering::Relaxed);
                            return;
                        }
                        let (html, _) = decode_html(&record.body, record.header("Content-Type"));
                        // The WARC-Date is when the page was fetched, not published: not a date hint.
                        Ok(RawDoc {
                            origin: url.clone(),
                            url: Some(url),
                            html: Some(html),
                            ..RawDoc::default()
                        })
                    }
                };
                let _ = tx.send(item);
            })?;
            Ok(summary)
        })
    };
    let bar = progress_bar(ctx, None);
    let settings = pipeline::Settings {
        overrides,
        options: Options { relevant_only: !all },
        extractor,
        workers,
    };
    let result = pipeline::ingest_with(
        rx.into_iter(),
        &settings,
        store,
        &mut |event| {
            show_event(ctx, &bar, event, |bar, summary| {
                bar.set_position(summary.read as u64);
                bar.set_message(format!(
                    "records, {} failed, {} skipped",
                    summary.failed, summary.skipped
                ));
            })
        },
        &mut |store, outcome| finish(store, outcome, QueueSource::Warc),
    );
    bar.finish_and_clear();
    let read = reader
        .join()
        .unwrap_or_else(|_| Err(anyhow::anyhow!("the WARC reader stopped unexpectedly")));
    summary.pipeline = add(summary.pipeline, result?);
    summary.already += already.load(Ordering::Relaxed);
    match read {
        Ok(w) => ctx.note(format!(
            "{name}: {} records, {} HTML, {} damaged, {} too large",
            w.records, w.html, w.damaged, w.too_large
        )),
        Err(e) => {
            summary.failed += 1;
            ctx.item_error(&name, &format!("{e:#}"));
            store.record_failure(&name, &format!("{e:#}"))?;
        }
    }
    Ok(())
}

pub fn format_summary(s: &WebSummary) -> String {
    let p = &s.pipeline;
    let mut line = format!(
        "fetched {}, not modified {}, already stored {}, skipped {}, failed {}; stored {}, replaced {}, \
         duplicates {}, not relevant {}, claims {}, links {}",
        s.fetched,
        s.not_modified,
        s.already,
        s.skipped,
        s.failed + p.failed,
        p.stored,
        p.replaced,
        p.duplicates,
        p.skipped,
        p.claims,
        p.links
    );
    line.push_str(&super::ingest::unread_note(p));
    if s.interrupted {
        line.push_str(&format!(
            "; interrupted with {} still queued: run the same command again to continue",
            s.left
        ));
    }
    line
}
