//! The only code that touches the network, and the parsers for the lists of URLs it is given.
//!
//! - [`normalize_url`]: the one URL form used for dedup (http/https only).
//! - [`decode_html`]: bytes + `Content-Type` → text, in the HTML5 order (BOM, HTTP charset,
//!   `<meta>`, detection).
//! - [`Fetcher`]: polite batch fetching — robots.txt (cached per run, `Crawl-delay`), per-host
//!   concurrency and delay, a global cap, retries decided in one place (429, 5xx, connection
//!   errors; `Retry-After`), body caps, manual redirects, conditional GET. Every request URL
//!   yields exactly one [`FetchResult`], a plain value the store can record.
//! - Pure parsers over bytes: [`parse_feed`], [`parse_sitemap`], [`sitemaps_from_robots`], and
//!   [`read_warc`] (streaming, record by record, damaged records reported and skipped).
//!
//! Only [`Fetcher`] does I/O; the parsers take bytes or a reader and do nothing else.

mod charset;
mod client;
mod feed;
mod limiter;
mod sitemap;
mod url_norm;
mod warc;

#[cfg(test)]
mod tests;
#[doc(hidden)]
pub mod testserver;

pub use charset::decode_html;
pub use client::{
    Accept, Document, FailReason, FetchConfig, FetchResult, Fetcher, Outcome, Page, Request, SkipReason,
};
pub use feed::{parse_feed, FeedEntry};
pub use sitemap::{parse_sitemap, sitemaps_from_robots, Sitemap, SitemapEntry};
pub use url_norm::normalize_url;
pub use warc::{read_warc, WarcEvent, WarcRecord, WarcSummary};

pub use url::Url;

/// An input the fetcher refuses or cannot parse. Network failures are not errors: they are
/// [`Outcome::Failed`] values in a [`FetchResult`], so one bad URL never stops a batch.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    #[error("{url}: not a valid URL ({reason})")]
    InvalidUrl { url: String, reason: String },
    #[error("{url}: only http and https URLs can be fetched, not {scheme}:")]
    UnsupportedScheme { url: String, scheme: String },
    #[error("not a feed this reader knows (RSS, Atom or JSON Feed): {0}")]
    Feed(String),
    #[error("not a sitemap: {0}")]
    Sitemap(String),
    #[error("reading the WARC input: {0}")]
    Io(#[from] std::io::Error),
    #[error("could not start the HTTP client: {0}")]
    Client(String),
}
