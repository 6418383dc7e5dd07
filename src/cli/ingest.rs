//! `claimtrack ingest`: read files, directories and JSONL; store articles, claims and links.

use std::io::BufReader;
use std::path::PathBuf;
use std::sync::mpsc;
use std::time::Duration;

use anyhow::bail;
use chrono::NaiveDate;

use super::{ingest_web, load_lexicon, parse_date, progress_bar, show_event, Ctx, EXIT_OK, EXIT_SOME_FAILED};
use crate::claims::Extractor;
use crate::fetch::FetchConfig;
use crate::pipeline::{self, Overrides, Summary};
use crate::source::{self, InputError, RawDoc};
use crate::store::RawHtml;

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  claimtrack ingest articles/\n  claimtrack ingest --jsonl dump.jsonl\n  \
    news-please-output.jsonl | claimtrack ingest --jsonl -\n  claimtrack ingest report.txt --published 2018-12-19\n  \
    claimtrack ingest https://example.org/news/privacy-story\n  \
    claimtrack ingest --feed https://example.org/privacy.rss\n  \
    claimtrack ingest --sitemap https://example.org/news-sitemap.xml --since 2024-01-01\n  \
    claimtrack ingest --warc CC-NEWS-20240101.warc.gz\n\n\
    Web inputs are queued in the database: an interrupted run (Ctrl-C) continues where it stopped\n\
    when the same command is run again, and pages already stored are not fetched again."
)]
pub struct Args {
    /// Files (.html, .htm, .txt, .md, and .gz of these), directories (read recursively), and
    /// http:// or https:// URLs of pages to fetch.
    pub paths: Vec<PathBuf>,
    /// A JSONL file, one article per line (`-` for stdin). May be repeated.
    #[arg(long)]
    pub jsonl: Vec<PathBuf>,
    /// Publication date for items that lack one (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    pub published: Option<NaiveDate>,
    /// Outlet name for items that lack one.
    #[arg(long)]
    pub outlet: Option<String>,
    /// URL for a single input file that lacks one.
    #[arg(long)]
    pub url: Option<String>,
    /// An extra company lexicon (TSV, as data/companies.tsv).
    #[arg(long, env = "CLAIMTRACK_LEXICON")]
    pub lexicon: Option<PathBuf>,
    /// Worker threads for extraction (default: the number of cores).
    #[arg(long)]
    pub workers: Option<usize>,
    /// A file of URLs to fetch, one a line (`#` starts a comment; `-` for stdin). May be repeated.
    #[arg(long, value_name = "FILE")]
    pub urls: Vec<PathBuf>,
    /// An RSS, Atom or JSON feed (URL or file): its entries' pages are fetched. May be repeated.
    #[arg(long, value_name = "URL|FILE")]
    pub feed: Vec<String>,
    /// A sitemap, sitemap index or Google News sitemap, gzipped or not (URL or file). May be
    /// repeated.
    #[arg(long, value_name = "URL|FILE")]
    pub sitemap: Vec<String>,
    /// With --sitemap/--discover: only entries published (or modified) on or after this date.
    #[arg(long, value_parser = parse_date, value_name = "DATE")]
    pub since: Option<NaiveDate>,
    /// Reads the sitemaps a site lists in its robots.txt (`Sitemap:` lines). May be repeated.
    #[arg(long, value_name = "SITE")]
    pub discover: Vec<String>,
    /// A WARC file (.warc or .warc.gz, as Common Crawl News writes them), read as a stream. May
    /// be repeated.
    #[arg(long, value_name = "FILE")]
    pub warc: Vec<PathBuf>,
    /// Keep every fetched page; by default only pages that name a company from the lexicon and
    /// a data or privacy term are stored (the others are recorded as skipped).
    #[arg(long)]
    pub all: bool,
    /// Fetch pages stored by an earlier run again (with a conditional GET: unchanged pages cost
    /// nothing).
    #[arg(long)]
    pub refresh: bool,
    /// Requests in flight to one host, with --delay 0 (with a delay they go one at a time).
    #[arg(long, value_name = "N", default_value_t = 2)]
    pub per_host: usize,
    /// Seconds between two requests to one host, from the answer to the first to the start of
    /// the next (a longer robots.txt Crawl-delay wins).
    #[arg(long, value_name = "SECS", default_value_t = 1.0)]
    pub delay: f64,
    /// Requests in flight overall.
    #[arg(long, value_name = "N", default_value_t = 32)]
    pub concurrency: usize,
    /// The User-Agent header (default: claimtrack/VERSION with a URL).
    #[arg(long, value_name = "TEXT")]
    pub user_agent: Option<String>,
    /// Seconds a whole request may take.
    #[arg(long, value_name = "SECS", default_value_t = 30.0)]
    pub timeout: f64,
    /// Seconds to wait for a connection to be set up (a host that does not answer is retried,
    /// then reported).
    #[arg(long, value_name = "SECS", default_value_t = 10.0)]
    pub connect_timeout: f64,
    /// The largest body read, in bytes (after decompression).
    #[arg(long, value_name = "BYTES", default_value_t = 10 * 1024 * 1024)]
    pub max_bytes: u64,
    /// Tries per URL (429, 5xx and connection errors are retried with backoff).
    #[arg(long, value_name = "N", default_value_t = 3)]
    pub retries: u32,
    /// Do not read or obey robots.txt (only for sites you run or have permission to crawl).
    #[arg(long)]
    pub no_robots: bool,
    /// How the raw page of each HTML article is kept: `zstd` (compressed, in
    /// `articles.html_zstd`; about a fifth of the page's size), `plain` (as it came, in
    /// `articles.html`, readable in sqlite3 and Datasette) or `none`.
    #[arg(long, value_name = "HOW", default_value = "zstd", value_parser = clap::builder::PossibleValuesParser::new(RawHtml::NAMES))]
    pub raw_html: String,
}

impl Args {
    fn fetch_config(&self) -> anyhow::Result<FetchConfig> {
        let secs = |name: &str, v: f64| -> anyhow::Result<Duration> {
            Duration::try_from_secs_f64(v)
                .map_err(|_| anyhow::anyhow!("--{name} {v}: not a number of seconds"))
        };
        let mut config = FetchConfig::default();
        if let Some(ua) = &self.user_agent {
            config.user_agent = ua.clone();
        }
        config.per_host_concurrency = self.per_host.max(1);
        config.per_host_delay = secs("delay", self.delay)?;
        config.global_concurrency = self.concurrency.max(1);
        config.timeout = secs("timeout", self.timeout)?;
        config.connect_timeout = secs("connect-timeout", self.connect_timeout)?;
        config.max_body = self.max_bytes;
        config.max_attempts = self.retries.max(1);
        config.obey_robots = !self.no_robots;
        Ok(config)
    }

    fn has_web_inputs(&self) -> bool {
        !(self.urls.is_empty()
            && self.feed.is_empty()
            && self.sitemap.is_empty()
            && self.discover.is_empty()
            && self.warc.is_empty())
    }
}

pub fn run(ctx: &Ctx, mut args: Args) -> anyhow::Result<i32> {
    // Positional arguments: http(s) URLs are fetched, other schemes are refused, the rest are paths.
    let mut web_urls = Vec::new();
    let mut bad_schemes = Vec::new();
    args.paths
        .retain(|p| match ingest_web::classify(&p.to_string_lossy()) {
            ingest_web::Positional::Url(u) => {
                web_urls.push(u);
                false
            }
            ingest_web::Positional::OtherScheme(scheme) => {
                bad_schemes.push((p.display().to_string(), scheme));
                false
            }
            ingest_web::Positional::Path => true,
        });
    let web = !web_urls.is_empty() || args.has_web_inputs();
    if args.paths.is_empty() && args.jsonl.is_empty() && !web && bad_schemes.is_empty() {
        bail!(
            "nothing to ingest: give files, directories or URLs, or --jsonl, --urls, --feed, --sitemap, \
             --discover or --warc (see claimtrack ingest --help)"
        );
    }
    if args.url.is_some()
        && (args.paths.len() != 1 || !args.jsonl.is_empty() || args.paths[0].is_dir() || web)
    {
        bail!("--url applies to a single input file; give exactly one file with it");
    }
    let config = args.fetch_config()?;
    let extractor = Extractor::new(&load_lexicon(args.lexicon.as_deref())?);
    let mut store = ctx.open_write()?;
    store.set_raw_html(
        RawHtml::parse(&args.raw_html).expect("clap only lets the names of RawHtml::NAMES through"),
    );
    let mut failed = false;
    for (item, scheme) in &bad_schemes {
        let reason = format!("only http and https URLs can be fetched, not {scheme}:");
        ctx.item_error(item, &reason);
        store.record_failure(item, &reason)?;
        failed = true;
    }
    let overrides = Overrides {
        published: args.published,
        outlet: args.outlet,
        url: args.url,
        latest: Some(crate::pipeline::latest_believed(
            chrono::Local::now().date_naive(),
        )),
    };
    let workers = args.workers.unwrap_or_else(default_workers).max(1);
    if !args.paths.is_empty() || !args.jsonl.is_empty() {
        let summary = ingest_inputs(
            ctx,
            &args.paths,
            &args.jsonl,
            &overrides,
            &extractor,
            &mut store,
            workers,
        )?;
        failed |= summary.failed > 0;
    }
    if web {
        let inputs = ingest_web::WebInputs {
            urls: web_urls,
            url_files: args.urls,
            feeds: args.feed,
            sitemaps: args.sitemap,
            discover: args.discover,
            warcs: args.warc,
            since: args.since,
            all: args.all,
            refresh: args.refresh,
        };
        let summary = ingest_web::run(ctx, &inputs, config, &overrides, &extractor, &mut store, workers)?;
        ctx.note(ingest_web::format_summary(&summary));
        failed |= summary.any_failed() || summary.interrupted;
    }
    Ok(if failed { EXIT_SOME_FAILED } else { EXIT_OK })
}

pub fn default_workers() -> usize {
    std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1)
}

/// Reads every input on a thread of its own and runs the pipeline over the items; prints each
/// failure as it happens and the summary at the end.
pub fn ingest_inputs(
    ctx: &Ctx,
    paths: &[PathBuf],
    jsonl: &[PathBuf],
    overrides: &Overrides,
    extractor: &Extractor,
    store: &mut crate::store::Store,
    workers: usize,
) -> anyhow::Result<Summary> {
    let (tx, rx) = mpsc::sync_channel::<Result<RawDoc, InputError>>(256);
    let (paths, jsonl) = (paths.to_vec(), jsonl.to_vec());
    let reader = std::thread::spawn(move || {
        let mut sink = |item| {
            let _ = tx.send(item);
        };
        for path in &paths {
            source::read_path(path, &mut sink);
        }
        for path in &jsonl {
            let name = path.display().to_string();
            if name == "-" {
                source::read_jsonl(&mut std::io::stdin().lock(), "stdin", &mut sink);
                continue;
            }
            match std::fs::File::open(path) {
                Ok(f) => source::read_jsonl(&mut BufReader::new(f), &name, &mut sink),
                Err(e) => sink(Err(InputError {
                    item: name,
                    reason: format!("cannot open: {e}"),
                })),
            }
        }
    });
    let bar = progress_bar(ctx, None);
    let summary = pipeline::ingest(
        rx.into_iter(),
        overrides,
        extractor,
        store,
        workers,
        &mut |event| {
            show_event(ctx, &bar, event, |bar, summary| {
                bar.set_position(summary.read as u64);
                bar.set_message(format!("{} failed, {} claims", summary.failed, summary.claims));
            })
        },
    );
    bar.finish_and_clear();
    let _ = reader.join();
    let summary = summary?;
    ctx.note(format_summary(&summary));
    Ok(summary)
}

pub fn format_summary(s: &Summary) -> String {
    format!(
        "read {}, stored {}, replaced {}, duplicates {}, failed {}, claims {}, links {}{}",
        s.read,
        s.stored,
        s.replaced,
        s.duplicates,
        s.failed,
        s.claims,
        s.links,
        unread_note(s)
    )
}

/// The summary's tail for articles stored but not read by the claim rules (none: empty), so
/// that "claims 0" on a batch of French pages is explained.
pub fn unread_note(s: &Summary) -> String {
    match s.unread {
        0 => String::new(),
        n => format!(
            "; {n} stored without reading claims (not in English, or a site's own policy; -v names them)"
        ),
    }
}
