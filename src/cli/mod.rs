//! The command line: one file per subcommand, each with its args struct and its `run`. The only
//! code that prints or exits. Data goes to stdout; progress, warnings and errors to stderr.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;
use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};

use crate::claims::Lexicon;
use crate::model::{DataType, Polarity};
use crate::store::{ClaimFilter, LinkStatus, StatusFilter, Store};

mod bench;
mod bench_fetch;
mod claim;
mod claims;
mod completions;
mod contradictions;
mod datasette_metadata;
mod demo;
mod eval;
mod export;
mod extract;
mod ingest;
mod ingest_web;
mod link;
mod reextract;
mod review;
mod search;
mod stats;
mod timeline;

/// Exit codes, as listed in the README.
pub const EXIT_OK: i32 = 0;
pub const EXIT_SOME_FAILED: i32 = 1;
pub const EXIT_FATAL: i32 = 2;

#[derive(Debug, Parser)]
#[command(
    name = "claimtrack",
    version,
    about = "Track what tech platforms say about personal data against what is later revealed",
    long_about = None,
)]
pub struct Cli {
    /// The SQLite database file.
    #[arg(long, global = true, env = "CLAIMTRACK_DB", default_value = "claimtrack.db")]
    pub db: PathBuf,
    /// Print nothing on stderr but errors.
    #[arg(short, long, global = true)]
    pub quiet: bool,
    /// Say more on stderr (each stored item).
    #[arg(short, long, global = true)]
    pub verbose: bool,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read articles from files, directories or JSONL and store them with their claims and links.
    Ingest(ingest::Args),
    /// Re-run claim extraction and linking over the stored articles (after a lexicon change).
    Reextract(reextract::Args),
    /// List claims.
    Claims(claims::Args),
    /// Add a statement by hand, or correct a claim.
    Claim(claim::Args),
    /// List contradictions: each denial with the statement that contradicts it, and why.
    Contradictions(contradictions::Args),
    /// List the links waiting for a person's decision (status `auto`).
    Review(review::Args),
    /// Confirm or reject a link (decisions survive re-extraction).
    Link(link::Args),
    /// Full-text search over stored articles.
    Search(search::Args),
    /// Counts of what the database holds.
    Stats(stats::Args),
    /// Write Datasette metadata (titles, descriptions, column help) for the database.
    DatasetteMetadata(datasette_metadata::Args),
    /// Export claims and links: schema.org ClaimReview JSON-LD, or JSONL / CSV with all provenance.
    Export(export::Args),
    /// Write a timeline of claims and their contradictions (JSON, CSV, Markdown, TimelineJS, HTML).
    Timeline(timeline::Args),
    /// Build a fresh database from the bundled sample corpus, print its contradictions and write
    /// an HTML timeline.
    Demo(demo::Args),
    /// Show what claimtrack sees in HTML pages (text and metadata), without a database.
    Extract(extract::Args),
    /// Score claims and links against an annotated gold set (precision, recall, F1).
    Eval(eval::Args),
    /// Benchmarks that print figures (ingest throughput).
    Bench(bench::Args),
    /// Print shell completions (bash, zsh, fish, elvish, powershell).
    Completions(completions::Args),
    /// Print the man page (roff).
    Man(completions::ManArgs),
}

/// Global settings every subcommand gets.
pub struct Ctx {
    pub db: PathBuf,
    pub quiet: bool,
    pub verbose: bool,
}

impl Ctx {
    /// A note on stderr unless `-q`.
    pub fn note(&self, msg: impl std::fmt::Display) {
        if !self.quiet {
            eprintln!("claimtrack: {msg}");
        }
    }

    /// One bad item: always printed, one line, naming the item.
    pub fn item_error(&self, item: &str, reason: &str) {
        eprintln!("claimtrack: {}: {}", one_line(item), one_line(reason));
    }

    pub fn open_read_only(&self) -> anyhow::Result<Store> {
        Ok(Store::open_read_only(&self.db)?)
    }

    /// Opens the database for writing, creating it if needed. When another process is writing
    /// to it, this one waits for its turn (see `store/lock.rs`) and says so once.
    pub fn open_write(&self) -> anyhow::Result<Store> {
        self.waiting_note(Store::open(&self.db)?)
    }

    /// Like `open_write`, but refuses a path with no database (for commands that change
    /// stored rows: `reextract`, `link`, `claim edit`).
    pub fn open_existing_write(&self) -> anyhow::Result<Store> {
        self.waiting_note(Store::open_existing(&self.db)?)
    }

    fn waiting_note(&self, mut store: Store) -> anyhow::Result<Store> {
        if !self.quiet {
            let db = one_line(&self.db.display().to_string()).into_owned();
            let mut said = false;
            store.on_wait(move || {
                if !std::mem::replace(&mut said, true) {
                    eprintln!(
                        "claimtrack: waiting: another process is writing to {db}; writers take turns, batch by batch"
                    );
                }
            });
        }
        Ok(store)
    }
}

/// Parses the arguments, runs the command, and returns the exit code.
pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { EXIT_FATAL } else { EXIT_OK };
            let _ = e.print();
            return code;
        }
    };
    let ctx = Ctx {
        db: cli.db,
        quiet: cli.quiet,
        verbose: cli.verbose,
    };
    let result = match cli.command {
        Command::Ingest(a) => ingest::run(&ctx, a),
        Command::Reextract(a) => reextract::run(&ctx, a),
        Command::Claims(a) => claims::run(&ctx, a),
        Command::Claim(a) => claim::run(&ctx, a),
        Command::Contradictions(a) => contradictions::run(&ctx, a),
        Command::Review(a) => review::run(&ctx, a),
        Command::Link(a) => link::run(&ctx, a),
        Command::Search(a) => search::run(&ctx, a),
        Command::Stats(a) => stats::run(&ctx, a),
        Command::DatasetteMetadata(a) => datasette_metadata::run(&ctx, a),
        Command::Export(a) => export::run(&ctx, a),
        Command::Timeline(a) => timeline::run(&ctx, a),
        Command::Demo(a) => demo::run(&ctx, a),
        Command::Extract(a) => extract::run(&ctx, a),
        Command::Eval(a) => eval::run(&ctx, a),
        Command::Bench(a) => bench::run(&ctx, a),
        Command::Completions(a) => completions::run(&ctx, a),
        Command::Man(a) => completions::run_man(&ctx, a),
    };
    match result {
        Ok(code) => code,
        Err(e) if is_broken_pipe(&e) => EXIT_OK,
        Err(e) => {
            eprintln!("claimtrack: {}", chain_message(&e));
            EXIT_FATAL
        }
    }
}

/// `s` with control characters (newlines, terminal escapes) shown escaped, so a file name or
/// a reason read from input stays one harmless line on stderr.
pub fn one_line(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(char::is_control) {
        return s.into();
    }
    s.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_default().to_string()
            } else {
                c.to_string()
            }
        })
        .collect::<String>()
        .into()
}

/// The messages of an error chain joined with ": ", leaving out a cause whose message the one
/// before already includes (wrappers that repeat their source).
fn chain_message(e: &anyhow::Error) -> String {
    let mut parts: Vec<String> = Vec::new();
    for cause in e.chain() {
        let msg = cause.to_string();
        if parts.last().is_some_and(|prev| prev.contains(&msg)) {
            continue;
        }
        parts.push(msg);
    }
    one_line(&parts.join(": ")).into_owned()
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// Filters shared by the commands that list claims.
#[derive(Debug, Clone, Args)]
pub struct FilterArgs {
    /// Only claims where this company is the actor or the counterparty (aliases accepted).
    #[arg(long)]
    pub company: Option<String>,
    /// Only claims of this data type: a taxonomy key (private_messages, location, health …) or
    /// a phrase of the taxonomy that names one ("messages", "GPS", "voice recordings").
    #[arg(long, value_parser = parse_data_type)]
    pub data_type: Option<DataType>,
    /// Only assertions or only denials.
    #[arg(long, value_parser = parse_polarity)]
    pub polarity: Option<Polarity>,
    /// Only claims from articles published on or after this date (YYYY-MM-DD; a year or a
    /// month, 2019 or 2019-03, starts on its first day).
    #[arg(long, value_parser = parse_since)]
    pub since: Option<NaiveDate>,
    /// Only claims from articles published on or before this date (YYYY-MM-DD; a year or a
    /// month, 2019 or 2019-03, ends on its last day).
    #[arg(long, value_parser = parse_until)]
    pub until: Option<NaiveDate>,
    /// At most this many rows; 0: all. `claims` and `contradictions` list 100 unless told
    /// (and say on stderr how many more there are); `timeline` and `export` all.
    #[arg(long)]
    pub limit: Option<usize>,
    /// An extra company lexicon (to resolve --company aliases of your own).
    #[arg(long, env = "CLAIMTRACK_LEXICON")]
    pub lexicon: Option<PathBuf>,
}

impl FilterArgs {
    pub fn to_filter(&self) -> anyhow::Result<ClaimFilter> {
        let company = match &self.company {
            Some(name) => {
                let lexicon = load_lexicon(self.lexicon.as_deref())?;
                Some(lexicon.canonical_company(name).unwrap_or(name).to_string())
            }
            None => None,
        };
        Ok(ClaimFilter {
            company,
            data_type: self.data_type,
            polarity: self.polarity,
            since: self.since,
            until: self.until,
            limit: self.limit.filter(|&l| l > 0),
            status: StatusFilter::default(),
        })
    }

    /// As `to_filter`, for the commands that list rows (`claims`, `contradictions`): without
    /// `--limit`, at most `DEFAULT_LIMIT`. The second value says whether that default applies.
    pub fn to_listing_filter(&self) -> anyhow::Result<(ClaimFilter, bool)> {
        let mut filter = self.to_filter()?;
        let default = self.limit.is_none();
        if default {
            filter.limit = Some(DEFAULT_LIMIT);
        }
        Ok((filter, default))
    }
}

/// Rows `claims` and `contradictions` list when no `--limit` is given: a frequent company has
/// tens of thousands; `--limit 0` lists them all.
pub const DEFAULT_LIMIT: usize = 100;

/// Says on stderr how many rows the default limit left out, when it left any out: `shown` rows
/// were listed, `total` (counted only then) pass the filter.
pub fn note_more(ctx: &Ctx, shown: usize, total: impl FnOnce() -> anyhow::Result<i64>) -> anyhow::Result<()> {
    if shown < DEFAULT_LIMIT {
        return Ok(());
    }
    let more = total()? - shown as i64;
    if more > 0 {
        ctx.note(format!("{more} more; use --limit 0 for all"));
    }
    Ok(())
}

/// A link's review status on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum StatusArg {
    /// Found by claimtrack, not yet decided.
    Auto,
    /// Confirmed by a person.
    Confirmed,
    /// Rejected by a person.
    Rejected,
    /// Every link.
    All,
}

/// Which links to show, by review status.
#[derive(Debug, Clone, Args)]
pub struct StatusArgs {
    /// Only links with this review status [default: every link not rejected].
    #[arg(long, value_enum)]
    pub status: Option<StatusArg>,
}

impl StatusArgs {
    pub fn to_filter(&self) -> StatusFilter {
        match self.status {
            None => StatusFilter::NotRejected,
            Some(StatusArg::Auto) => StatusFilter::Only(LinkStatus::Auto),
            Some(StatusArg::Confirmed) => StatusFilter::Only(LinkStatus::Confirmed),
            Some(StatusArg::Rejected) => StatusFilter::Only(LinkStatus::Rejected),
            Some(StatusArg::All) => StatusFilter::All,
        }
    }
}

fn parse_data_type(s: &str) -> Result<DataType, String> {
    s.parse::<DataType>().or_else(|e: crate::model::UnknownKey| {
        crate::claims::data_type_named(s)
            .ok_or_else(|| format!("{e}; a phrase of data/taxonomy.tsv such as \"messages\" also works"))
    })
}

fn parse_polarity(s: &str) -> Result<Polarity, String> {
    s.parse().map_err(|e: crate::model::UnknownKey| e.to_string())
}

pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    crate::dates::parse_input_date(s).map_err(|e| e.to_string())
}

/// A date, or a year or month ("2019", "2019-03") meaning its first day.
fn parse_since(s: &str) -> Result<NaiveDate, String> {
    parse_date(s).or_else(|_| partial(s).map(|d| d.first_day()))
}

/// A date, or a year or month ("2019", "2019-03") meaning its last day.
fn parse_until(s: &str) -> Result<NaiveDate, String> {
    parse_date(s).or_else(|_| partial(s).map(|d| d.last_day()))
}

fn partial(s: &str) -> Result<crate::model::PartialDate, String> {
    s.trim().parse::<crate::model::PartialDate>().map_err(|_| {
        format!(
            "unknown date {s:?} (expected YYYY-MM-DD, a month YYYY-MM, a year YYYY or an RFC 3339 date-time)"
        )
    })
}

/// The built-in lexicons plus a user's company file, if given.
pub fn load_lexicon(extra: Option<&Path>) -> anyhow::Result<Lexicon> {
    let mut lexicon = Lexicon::builtin();
    if let Some(path) = extra {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read lexicon {}", path.display()))?;
        lexicon
            .add_companies(&text, &path.display().to_string())
            .with_context(|| "bad lexicon file".to_string())?;
    }
    Ok(lexicon)
}

/// stdout, locked and buffered; flushed by the caller.
pub fn stdout() -> io::BufWriter<io::StdoutLock<'static>> {
    io::BufWriter::new(io::stdout().lock())
}

/// A progress bar on stderr, drawn only when stderr is a terminal and not `-q`.
/// One pipeline event on stderr, above the progress bar: failures always, skipped and unread
/// items with `--verbose`; `progress` moves the bar for the running totals.
pub(crate) fn show_event(
    ctx: &Ctx,
    bar: &indicatif::ProgressBar,
    event: crate::pipeline::Event,
    progress: impl FnOnce(&indicatif::ProgressBar, &crate::pipeline::Summary),
) {
    use crate::pipeline::Event;
    match event {
        Event::Failed { item, reason } => bar.suspend(|| ctx.item_error(item, reason)),
        Event::Skipped { item, reason } => {
            if ctx.verbose {
                bar.suspend(|| ctx.note(format!("{item}: skipped: {reason}")));
            }
        }
        Event::Unread { item, reason } => {
            if ctx.verbose {
                let reason = reason.trim_start_matches("not relevant: ");
                bar.suspend(|| ctx.note(format!("{item}: stored, no claims read: {reason}")));
            }
        }
        Event::Progress { summary } => progress(bar, summary),
    }
}

pub fn progress_bar(ctx: &Ctx, len: Option<u64>) -> indicatif::ProgressBar {
    if ctx.quiet || !io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = match len {
        Some(n) => indicatif::ProgressBar::new(n),
        None => indicatif::ProgressBar::new_spinner(),
    };
    bar.set_style(
        indicatif::ProgressStyle::with_template("{spinner} {elapsed} {pos} items {per_sec} {msg}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
    );
    bar
}

/// Writes through `f` to stdout and flushes.
pub fn with_stdout(f: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> anyhow::Result<()> {
    let mut out = stdout();
    f(&mut out)?;
    out.flush()?;
    Ok(())
}
