//! The polite batch fetcher.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use reqwest::header::{self, HeaderMap, HeaderValue};
use reqwest::StatusCode;
use tokio::sync::OnceCell;
use tokio::task::JoinSet;
use url::Url;

use super::limiter::{Limiter, Slot};
use super::FetchError;

/// robots.txt files larger than this are cut (Google reads the first 500 KiB).
const MAX_ROBOTS_BYTES: u64 = 512 * 1024;

/// How the fetcher behaves; `Default` gives the defaults a publisher would accept.
#[derive(Debug, Clone)]
pub struct FetchConfig {
    pub user_agent: String,
    /// Requests in flight to one host (host and port). With a delay, one at a time.
    pub per_host_concurrency: usize,
    /// Minimum time from the answer to one request to the start of the next one to the same
    /// host, so the server never sees two requests closer than this; a larger robots.txt
    /// `Crawl-delay` wins.
    pub per_host_delay: Duration,
    /// Requests in flight overall.
    pub global_concurrency: usize,
    /// Tries per request, the first included (429, 5xx and connection errors are retried).
    pub max_attempts: u32,
    /// First backoff; doubled at each retry, with jitter.
    pub retry_base_delay: Duration,
    /// A `Retry-After` longer than this is not waited for: the request fails with the status.
    pub max_retry_wait: Duration,
    pub connect_timeout: Duration,
    /// For the whole request, body included.
    pub timeout: Duration,
    /// Body size cap in bytes, counted after decompression while streaming.
    pub max_body: u64,
    pub max_redirects: u32,
    pub obey_robots: bool,
}

impl Default for FetchConfig {
    fn default() -> Self {
        FetchConfig {
            user_agent: format!(
                "claimtrack/{} (+https://github.com/claimtrack)",
                env!("CARGO_PKG_VERSION")
            ),
            per_host_concurrency: 2,
            per_host_delay: Duration::from_secs(1),
            global_concurrency: 32,
            max_attempts: 3,
            retry_base_delay: Duration::from_millis(500),
            max_retry_wait: Duration::from_secs(120),
            connect_timeout: Duration::from_secs(10),
            timeout: Duration::from_secs(30),
            max_body: 10 * 1024 * 1024,
            max_redirects: 10,
            obey_robots: true,
        }
    }
}

/// What the caller wants from a URL.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Accept {
    /// An HTML page: other content types are skipped with the reason.
    #[default]
    Html,
    /// Any content (a feed, a sitemap): the bytes are returned as they are.
    Any,
}

/// One URL to fetch, with the validators known from an earlier fetch.
#[derive(Debug, Clone, PartialEq)]
pub struct Request {
    pub url: Url,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    pub accept: Accept,
}

impl Request {
    /// A request for an HTML page at `input`, normalised with [`super::normalize_url`]; a
    /// non-http(s) or malformed URL is an input error naming it.
    pub fn parse(input: &str) -> Result<Self, FetchError> {
        super::normalize_url(input).map(Request::new)
    }

    pub fn new(url: Url) -> Self {
        Request {
            url,
            etag: None,
            last_modified: None,
            accept: Accept::Html,
        }
    }
}

/// One request's outcome, with what the store records for every attempt.
#[derive(Debug, Clone, PartialEq)]
pub struct FetchResult {
    /// The URL asked for.
    pub url: Url,
    /// The last URL requested (after redirects); equal to `url` when there were none.
    pub final_url: Url,
    /// The HTTP status of the last response, if one came.
    pub status: Option<u16>,
    pub outcome: Outcome,
    /// HTTP requests made for this URL: retries and redirect hops included, robots.txt not.
    pub attempts: u32,
    pub redirects: u32,
    pub started_at: SystemTime,
    pub elapsed_ms: u64,
    /// Body bytes received for the last response (after decompression).
    pub bytes: u64,
}

impl FetchResult {
    /// A short stable code for the outcome, for a store column: `page`, `document`,
    /// `not_modified`, or the skip or failure code.
    pub fn outcome_code(&self) -> &'static str {
        match &self.outcome {
            Outcome::Page(_) => "page",
            Outcome::Document(_) => "document",
            Outcome::NotModified => "not_modified",
            Outcome::Skipped(why) => why.code(),
            Outcome::Failed(why) => why.code(),
        }
    }

    /// Why it was skipped or failed, for people; empty when it was fetched.
    pub fn outcome_message(&self) -> String {
        match &self.outcome {
            Outcome::Skipped(why) => why.to_string(),
            Outcome::Failed(why) => why.to_string(),
            _ => String::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// An HTML page, decoded.
    Page(Page),
    /// Any other content, asked for with [`Accept::Any`].
    Document(Document),
    /// 304: the copy the caller has is current.
    NotModified,
    /// Not fetched, on purpose.
    Skipped(SkipReason),
    Failed(FailReason),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub html: String,
    /// WHATWG name of the encoding used to decode `raw`.
    pub encoding: &'static str,
    pub raw: Vec<u8>,
    pub content_type: Option<String>,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub body: Vec<u8>,
    pub content_type: Option<String>,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SkipReason {
    RobotsDisallowed,
    /// robots.txt could not be read (5xx, or no answer): the host is off limits for the run.
    RobotsUnavailable(String),
    /// The content type, when an HTML page was asked for.
    NotHtml(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FailReason {
    /// An error status (after retries, for 429 and 5xx).
    Http(u16),
    Timeout,
    Connect(String),
    /// Any other transport error (reset connection, bad gzip, ...).
    Network(String),
    TooLarge {
        limit: u64,
    },
    TooManyRedirects {
        limit: u32,
    },
    RedirectLoop(Url),
    /// A redirect without a usable `Location`, or to a scheme other than http/https.
    BadRedirect(String),
    /// `Retry-After` asked for a longer wait than the configured maximum.
    RetryAfterTooLong {
        seconds: u64,
    },
    /// A fetch task crashed; a bug, reported rather than lost.
    Internal(String),
}

impl SkipReason {
    /// A short stable code, for a store column.
    pub fn code(&self) -> &'static str {
        match self {
            SkipReason::RobotsDisallowed => "robots_disallowed",
            SkipReason::RobotsUnavailable(_) => "robots_unavailable",
            SkipReason::NotHtml(_) => "not_html",
        }
    }

    /// Whether the skip may not hold on another run: robots.txt could not be read (the host did
    /// not resolve or answer, or answered with a server error). Such a page is a failure, said
    /// on stderr and tried again by the next run, not a page skipped on purpose.
    pub fn is_temporary(&self) -> bool {
        matches!(self, SkipReason::RobotsUnavailable(_))
    }
}

impl FailReason {
    /// A short stable code, for a store column.
    pub fn code(&self) -> &'static str {
        match self {
            FailReason::Http(_) => "http_status",
            FailReason::Timeout => "timeout",
            FailReason::Connect(_) => "connect",
            FailReason::Network(_) => "network",
            FailReason::TooLarge { .. } => "too_large",
            FailReason::TooManyRedirects { .. } => "too_many_redirects",
            FailReason::RedirectLoop(_) => "redirect_loop",
            FailReason::BadRedirect(_) => "bad_redirect",
            FailReason::RetryAfterTooLong { .. } => "retry_after_too_long",
            FailReason::Internal(_) => "internal",
        }
    }
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SkipReason::RobotsDisallowed => write!(f, "disallowed by robots.txt"),
            SkipReason::RobotsUnavailable(why) => {
                write!(f, "robots.txt unavailable ({why}); host skipped for this run")
            }
            SkipReason::NotHtml(ct) => write!(f, "not HTML (Content-Type: {ct})"),
        }
    }
}

impl fmt::Display for FailReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FailReason::Http(code) => match StatusCode::from_u16(*code)
                .ok()
                .and_then(|s| s.canonical_reason())
            {
                Some(reason) => write!(f, "HTTP {code} {reason}"),
                None => write!(f, "HTTP {code}"),
            },
            FailReason::Timeout => write!(f, "timed out"),
            FailReason::Connect(e) => write!(f, "could not connect: {e}"),
            FailReason::Network(e) => write!(f, "network error: {e}"),
            FailReason::TooLarge { limit } => write!(f, "body over the {limit}-byte cap"),
            FailReason::TooManyRedirects { limit } => write!(f, "more than {limit} redirects"),
            FailReason::RedirectLoop(url) => write!(f, "redirect loop back to {url}"),
            FailReason::BadRedirect(e) => write!(f, "bad redirect: {e}"),
            FailReason::RetryAfterTooLong { seconds } => {
                write!(
                    f,
                    "server asked to retry after {seconds} s, longer than the configured maximum"
                )
            }
            FailReason::Internal(e) => write!(f, "internal error: {e}"),
        }
    }
}

/// Whether a `Content-Type` value names HTML.
pub(crate) fn is_html_type(content_type: &str) -> bool {
    let essence = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    essence == "text/html" || essence == "application/xhtml+xml"
}

/// The polite fetcher. Cheap to clone (shared state); robots.txt answers and per-host timing
/// are kept for the life of the fetcher, i.e. one run.
#[derive(Clone)]
pub struct Fetcher {
    inner: Arc<Inner>,
}

struct Inner {
    config: FetchConfig,
    client: reqwest::Client,
    /// For robots.txt only: follows up to 5 redirects itself.
    robots_client: reqwest::Client,
    /// The product token robots.txt groups are matched against.
    agent_token: String,
    limiter: Limiter,
    robots: std::sync::Mutex<HashMap<String, Arc<OnceCell<Arc<RobotsFile>>>>>,
    stop: Arc<AtomicBool>,
}

enum Robots {
    AllowAll,
    DenyAll(String),
    Rules(Box<texting_robots::Robot>),
}

/// A host's robots.txt as read once per run: the rules, and the `Sitemap:` lines for
/// `--discover` (so discovering a site does not fetch its robots.txt a second time).
struct RobotsFile {
    rules: Robots,
    sitemaps: Vec<String>,
    /// The HTTP status robots.txt answered with, when it answered.
    status: Option<u16>,
}

impl RobotsFile {
    fn new(rules: Robots, status: Option<u16>) -> Arc<RobotsFile> {
        Arc::new(RobotsFile {
            rules,
            sitemaps: Vec::new(),
            status,
        })
    }
}

/// One try's result, before the retry decision.
enum Try {
    Response {
        status: u16,
        headers: HeaderMap,
        body: Vec<u8>,
    },
    Error(FailReason),
}

impl Fetcher {
    pub fn new(config: FetchConfig) -> Result<Self, FetchError> {
        let build = |redirects: reqwest::redirect::Policy| {
            reqwest::Client::builder()
                .user_agent(config.user_agent.clone())
                .connect_timeout(config.connect_timeout)
                .timeout(config.timeout)
                .redirect(redirects)
                .build()
                .map_err(|e| FetchError::Client(e.to_string()))
        };
        let client = build(reqwest::redirect::Policy::none())?;
        let robots_client = build(reqwest::redirect::Policy::limited(5))?;
        let agent_token = config
            .user_agent
            .split(['/', ' '])
            .next()
            .filter(|t| !t.is_empty())
            .unwrap_or("claimtrack")
            .to_string();
        let limiter = Limiter::new(
            config.global_concurrency,
            config.per_host_concurrency,
            config.per_host_delay,
        );
        Ok(Fetcher {
            inner: Arc::new(Inner {
                config,
                client,
                robots_client,
                agent_token,
                limiter,
                robots: std::sync::Mutex::new(HashMap::new()),
                stop: Arc::new(AtomicBool::new(false)),
            }),
        })
    }

    pub fn config(&self) -> &FetchConfig {
        &self.inner.config
    }

    /// Set it (from a Ctrl-C handler) to stop starting requests: requests in flight finish and
    /// are reported; those not started are not reported at all (they stay queued).
    pub fn stop_handle(&self) -> Arc<AtomicBool> {
        self.inner.stop.clone()
    }

    /// Fetches every request, calling `on_result` once per request, in completion order, on the
    /// caller's task (so it need not be `Send`). Requests are pulled from the iterator as slots
    /// free up, so the iterator may be long.
    pub async fn fetch_many<I>(&self, requests: I, mut on_result: impl FnMut(FetchResult))
    where
        I: IntoIterator<Item = Request>,
    {
        let window = (self.inner.config.global_concurrency * 16).max(64);
        let mut requests = requests.into_iter();
        let mut tasks = JoinSet::new();
        let mut pending: HashMap<tokio::task::Id, (Url, SystemTime)> = HashMap::new();
        loop {
            while tasks.len() < window && !self.stopped() {
                let Some(request) = requests.next() else { break };
                let this = self.clone();
                let url = request.url.clone();
                let handle = tasks.spawn(async move { this.fetch(request).await });
                pending.insert(handle.id(), (url, SystemTime::now()));
            }
            let Some(joined) = tasks.join_next_with_id().await else {
                break;
            };
            match joined {
                Ok((id, result)) => {
                    pending.remove(&id);
                    if let Some(result) = result {
                        on_result(result);
                    }
                }
                Err(e) => {
                    if let Some((url, started_at)) = pending.remove(&e.id()) {
                        on_result(FetchResult {
                            final_url: url.clone(),
                            url,
                            status: None,
                            outcome: Outcome::Failed(FailReason::Internal(e.to_string())),
                            attempts: 0,
                            redirects: 0,
                            started_at,
                            elapsed_ms: 0,
                            bytes: 0,
                        });
                    }
                }
            }
        }
    }

    /// [`Fetcher::fetch_many`] for synchronous callers: runs it on a runtime of its own.
    pub fn run_blocking<I>(&self, requests: I, on_result: impl FnMut(FetchResult)) -> Result<(), FetchError>
    where
        I: IntoIterator<Item = Request>,
    {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .map_err(|e| FetchError::Client(format!("starting the async runtime: {e}")))?;
        runtime.block_on(self.fetch_many(requests, on_result));
        Ok(())
    }

    /// Fetches one request. `None` only when the fetcher was stopped before it sent anything.
    pub async fn fetch(&self, request: Request) -> Option<FetchResult> {
        let started = Instant::now();
        let started_at = SystemTime::now();
        let mut run = Run {
            attempts: 0,
            redirects: 0,
            status: None,
            bytes: 0,
        };
        let (final_url, outcome) = self.follow(&request, &mut run).await?;
        Some(FetchResult {
            url: request.url,
            final_url,
            status: run.status,
            outcome,
            attempts: run.attempts,
            redirects: run.redirects,
            started_at,
            elapsed_ms: started.elapsed().as_millis().try_into().unwrap_or(u64::MAX),
            bytes: run.bytes,
        })
    }

    fn stopped(&self) -> bool {
        self.inner.stop.load(Ordering::Relaxed)
    }

    /// Follows redirects by hand: robots.txt and the host limits apply at every hop, and a loop
    /// is caught.
    async fn follow(&self, request: &Request, run: &mut Run) -> Option<(Url, Outcome)> {
        let config = &self.inner.config;
        let mut url = request.url.clone();
        let mut seen = HashSet::from([url.clone()]);
        loop {
            if config.obey_robots {
                match &self.robots(&url).await.rules {
                    Robots::AllowAll => {}
                    Robots::DenyAll(why) => {
                        return Some((url, Outcome::Skipped(SkipReason::RobotsUnavailable(why.clone()))))
                    }
                    Robots::Rules(robot) => {
                        if !robot.allowed(url.as_str()) {
                            return Some((url, Outcome::Skipped(SkipReason::RobotsDisallowed)));
                        }
                    }
                }
            }
            if run.attempts == 0 && self.stopped() {
                return None;
            }
            let (status, headers, body) = match self.send_with_retries(&url, request, run).await? {
                Ok(response) => response,
                Err(reason) => return Some((url, Outcome::Failed(reason))),
            };
            let header = |name: header::HeaderName| {
                headers
                    .get(name)
                    .and_then(|v| v.to_str().ok())
                    .map(|v| v.trim().to_string())
            };
            let code = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            if code == StatusCode::NOT_MODIFIED {
                return Some((url, Outcome::NotModified));
            }
            if code.is_redirection() {
                let next = match header(header::LOCATION) {
                    None => Err("no Location header".to_string()),
                    Some(location) => url
                        .join(&location)
                        .map_err(|e| format!("Location {location:?}: {e}")),
                };
                let mut next = match next {
                    Ok(next) if matches!(next.scheme(), "http" | "https") => next,
                    Ok(next) => {
                        return Some((
                            url,
                            Outcome::Failed(FailReason::BadRedirect(format!("to {next}"))),
                        ))
                    }
                    Err(e) => return Some((url, Outcome::Failed(FailReason::BadRedirect(e)))),
                };
                next.set_fragment(None);
                run.redirects += 1;
                if run.redirects > config.max_redirects {
                    let limit = config.max_redirects;
                    return Some((url, Outcome::Failed(FailReason::TooManyRedirects { limit })));
                }
                if !seen.insert(next.clone()) {
                    return Some((next.clone(), Outcome::Failed(FailReason::RedirectLoop(next))));
                }
                url = next;
                continue;
            }
            if !code.is_success() {
                return Some((url, Outcome::Failed(FailReason::Http(status))));
            }
            let content_type = header(header::CONTENT_TYPE);
            let etag = header(header::ETAG);
            let last_modified = header(header::LAST_MODIFIED);
            let outcome = match request.accept {
                Accept::Html => match &content_type {
                    Some(ct) if !is_html_type(ct) => Outcome::Skipped(SkipReason::NotHtml(ct.clone())),
                    _ => {
                        let (html, encoding) = super::decode_html(&body, content_type.as_deref());
                        Outcome::Page(Page {
                            html,
                            encoding,
                            raw: body,
                            content_type,
                            etag,
                            last_modified,
                        })
                    }
                },
                Accept::Any => Outcome::Document(Document {
                    body,
                    content_type,
                    etag,
                    last_modified,
                }),
            };
            return Some((url, outcome));
        }
    }

    /// Retries live here and nowhere else: 429, 5xx, timeouts and connection errors are tried
    /// again after an exponential backoff with jitter, or after `Retry-After` if longer. Returns
    /// the last response (whatever its status) or the last transport error; `None` when the
    /// fetcher was stopped while this request waited for its host slot (nothing was sent).
    async fn send_with_retries(
        &self,
        url: &Url,
        request: &Request,
        run: &mut Run,
    ) -> Option<Result<(u16, HeaderMap, Vec<u8>), FailReason>> {
        let config = &self.inner.config;
        let host = host_key(url);
        let mut tries = 0;
        loop {
            tries += 1;
            let result = {
                let slot = self.inner.limiter.acquire(&host).await;
                if run.attempts == 0 && self.stopped() {
                    return None;
                }
                run.attempts += 1;
                self.try_once(url, request, run, slot).await
            };
            let (retriable, retry_after) = match &result {
                Try::Response { status, headers, .. } => {
                    let retriable = *status == 429 || (500..600).contains(status);
                    (retriable, retry_after(headers))
                }
                Try::Error(FailReason::Timeout | FailReason::Connect(_)) => (true, None),
                Try::Error(_) => (false, None),
            };
            if !retriable || tries >= config.max_attempts.max(1) {
                return Some(match result {
                    Try::Response {
                        status,
                        headers,
                        body,
                    } => Ok((status, headers, body)),
                    Try::Error(e) => Err(e),
                });
            }
            if let Some(wait) = retry_after {
                if wait > config.max_retry_wait {
                    return Some(Err(FailReason::RetryAfterTooLong {
                        seconds: wait.as_secs(),
                    }));
                }
            }
            let backoff = backoff(config.retry_base_delay, tries);
            let wait = retry_after.map_or(backoff, |r| r.max(backoff));
            if retry_after.is_some() {
                self.inner.limiter.defer(&host, wait);
            }
            tokio::time::sleep(wait).await;
        }
    }

    /// One HTTP request; the body is read only for a 2xx response of an accepted type, within
    /// the size cap, while the host slot is held.
    async fn try_once(&self, url: &Url, request: &Request, run: &mut Run, _slot: Slot) -> Try {
        let config = &self.inner.config;
        let accept = match request.accept {
            Accept::Html => "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
            Accept::Any => "*/*",
        };
        let mut builder = self.inner.client.get(url.clone()).header(header::ACCEPT, accept);
        if let Some(etag) = request
            .etag
            .as_deref()
            .and_then(|v| HeaderValue::from_str(v).ok())
        {
            builder = builder.header(header::IF_NONE_MATCH, etag);
        }
        if let Some(lm) = request
            .last_modified
            .as_deref()
            .and_then(|v| HeaderValue::from_str(v).ok())
        {
            builder = builder.header(header::IF_MODIFIED_SINCE, lm);
        }
        run.bytes = 0;
        run.status = None;
        let mut response = match builder.send().await {
            Ok(response) => response,
            Err(e) => return Try::Error(transport_error(&e)),
        };
        let status = response.status().as_u16();
        run.status = Some(status);
        let headers = response.headers().clone();
        let wanted = response.status().is_success()
            && (request.accept == Accept::Any
                || headers
                    .get(header::CONTENT_TYPE)
                    .and_then(|v| v.to_str().ok())
                    .is_none_or(is_html_type));
        if !wanted {
            return Try::Response {
                status,
                headers,
                body: Vec::new(),
            };
        }
        // Without compression this is the announced size; refuse early.
        if response.content_length().is_some_and(|n| n > config.max_body) {
            return Try::Error(FailReason::TooLarge {
                limit: config.max_body,
            });
        }
        let mut body = Vec::new();
        loop {
            match response.chunk().await {
                Ok(Some(chunk)) => {
                    run.bytes += chunk.len() as u64;
                    if run.bytes > config.max_body {
                        return Try::Error(FailReason::TooLarge {
                            limit: config.max_body,
                        });
                    }
                    body.extend_from_slice(&chunk);
                }
                Ok(None) => break,
                Err(e) => return Try::Error(transport_error(&e)),
            }
        }
        Try::Response {
            status,
            headers,
            body,
        }
    }

    /// The robots.txt rules for the URL's origin, fetched once per run.
    async fn robots(&self, url: &Url) -> Arc<RobotsFile> {
        let origin = url.origin().ascii_serialization();
        let cell = {
            let mut map = self.inner.robots.lock().unwrap_or_else(|p| p.into_inner());
            map.entry(origin.clone()).or_default().clone()
        };
        cell.get_or_init(|| self.fetch_robots(url, origin)).await.clone()
    }

    async fn fetch_robots(&self, url: &Url, origin: String) -> Arc<RobotsFile> {
        let host = host_key(url);
        let robots_url = format!("{origin}/robots.txt");
        let _slot = self.inner.limiter.acquire(&host).await;
        let mut response = match self.inner.robots_client.get(&robots_url).send().await {
            Ok(r) => r,
            Err(e) => return RobotsFile::new(Robots::DenyAll(transport_error(&e).to_string()), None),
        };
        let status = response.status();
        if status.is_server_error() || status == StatusCode::TOO_MANY_REQUESTS {
            let why = format!("robots.txt answered {}", status.as_u16());
            return RobotsFile::new(Robots::DenyAll(why), Some(status.as_u16()));
        }
        if !status.is_success() {
            return RobotsFile::new(Robots::AllowAll, Some(status.as_u16()));
        }
        let mut body = Vec::new();
        loop {
            match response.chunk().await {
                Ok(Some(chunk)) => {
                    body.extend_from_slice(&chunk);
                    if body.len() as u64 >= MAX_ROBOTS_BYTES {
                        body.truncate(MAX_ROBOTS_BYTES as usize);
                        break;
                    }
                }
                Ok(None) => break,
                Err(e) => {
                    let why = transport_error(&e).to_string();
                    return RobotsFile::new(Robots::DenyAll(why), Some(status.as_u16()));
                }
            }
        }
        let rules = match texting_robots::Robot::new(&self.inner.agent_token, &body) {
            Ok(robot) => {
                if let Some(delay) = robot.delay.filter(|d| d.is_finite() && *d > 0.0) {
                    self.inner
                        .limiter
                        .set_delay(&host, Duration::from_secs_f32(delay.min(86_400.0)));
                }
                Robots::Rules(Box::new(robot))
            }
            // An unreadable robots.txt says nothing: allowed.
            Err(_) => Robots::AllowAll,
        };
        Arc::new(RobotsFile {
            rules,
            sitemaps: super::sitemaps_from_robots(&String::from_utf8_lossy(&body)),
            status: Some(status.as_u16()),
        })
    }

    /// The sitemaps listed in the robots.txt of `url`'s site (`Sitemap:` lines), read through
    /// the per-run robots.txt cache, or why there are none to read.
    pub fn robots_sitemaps_blocking(&self, url: &Url) -> Result<Vec<String>, String> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| format!("starting the async runtime: {e}"))?;
        let file = runtime.block_on(self.robots(url));
        match (&file.rules, file.status) {
            (Robots::DenyAll(why), _) => Err(why.clone()),
            (_, Some(status)) if !(200..300).contains(&status) => {
                Err(format!("robots.txt answered {status}"))
            }
            _ if file.sitemaps.is_empty() => Err("robots.txt lists no Sitemap: lines".into()),
            _ => Ok(file.sitemaps.clone()),
        }
    }
}

/// What one request accumulates across hops and tries.
struct Run {
    attempts: u32,
    redirects: u32,
    status: Option<u16>,
    bytes: u64,
}

/// The politeness key: host and port.
fn host_key(url: &Url) -> String {
    format!(
        "{}:{}",
        url.host_str().unwrap_or(""),
        url.port_or_known_default().unwrap_or(0)
    )
}

fn transport_error(e: &reqwest::Error) -> FailReason {
    let mut message = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        message.push_str(": ");
        message.push_str(&s.to_string());
        source = s.source();
    }
    if e.is_timeout() {
        FailReason::Timeout
    } else if e.is_connect() {
        FailReason::Connect(message)
    } else {
        FailReason::Network(message)
    }
}

/// `Retry-After` as seconds or as an HTTP date.
fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let value = headers.get(header::RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let when = httpdate::parse_http_date(value).ok()?;
    Some(when.duration_since(SystemTime::now()).unwrap_or(Duration::ZERO))
}

/// `base * 2^(try-1)`, times a jitter factor in [0.5, 1.5).
fn backoff(base: Duration, tries: u32) -> Duration {
    let exp = base.saturating_mul(1u32 << tries.saturating_sub(1).min(16));
    exp.mul_f64(0.5 + jitter())
}

/// A number in [0, 1), good enough to spread retries apart (not for anything else).
fn jitter() -> f64 {
    static STATE: AtomicU64 = AtomicU64::new(0);
    let seed = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64);
    let mut x = STATE.fetch_add(0x9E37_79B9_7F4A_7C15, Ordering::Relaxed) ^ seed;
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    (x >> 11) as f64 / (1u64 << 53) as f64
}

#[cfg(test)]
mod unit {
    use super::*;

    #[test]
    fn retry_after_forms() {
        let mut h = HeaderMap::new();
        h.insert(header::RETRY_AFTER, HeaderValue::from_static("7"));
        assert_eq!(retry_after(&h), Some(Duration::from_secs(7)));
        let later = httpdate::fmt_http_date(SystemTime::now() + Duration::from_secs(30));
        h.insert(
            header::RETRY_AFTER,
            HeaderValue::from_str(&later).expect("an HTTP date is a valid header"),
        );
        let got = retry_after(&h).expect("an HTTP date parses");
        assert!(
            got > Duration::from_secs(27) && got <= Duration::from_secs(30),
            "{got:?}"
        );
        h.insert(
            header::RETRY_AFTER,
            HeaderValue::from_static("Wed, 21 Oct 2015 07:28:00 GMT"),
        );
        assert_eq!(retry_after(&h), Some(Duration::ZERO));
        h.insert(header::RETRY_AFTER, HeaderValue::from_static("soon"));
        assert_eq!(retry_after(&h), None);
    }

    #[test]
    fn backoff_grows_with_jitter() {
        let base = Duration::from_millis(100);
        for tries in 1..=4 {
            let nominal = base * (1 << (tries - 1));
            let got = backoff(base, tries);
            assert!(
                got >= nominal / 2 && got < nominal * 3 / 2,
                "try {tries}: {got:?}"
            );
        }
    }

    #[test]
    fn html_types() {
        assert!(is_html_type("text/html"));
        assert!(is_html_type("Text/HTML; charset=utf-8"));
        assert!(is_html_type("application/xhtml+xml"));
        assert!(!is_html_type("application/pdf"));
        assert!(!is_html_type("text/plain"));
    }
}
