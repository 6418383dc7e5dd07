//! `claimtrack timeline`: claims in date order with their contradiction links.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;

use super::{with_stdout, Ctx, FilterArgs, StatusArgs, EXIT_OK};
use crate::export::{self, TimelineFormat, TimelinePlan};
use crate::store::{ClaimFilter, Store};

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  claimtrack timeline --format html -o timeline.html\n  claimtrack timeline --format timelinejs --company Google --title \"What Google said\" -o google.json\n  claimtrack timeline --format md --status confirmed"
)]
pub struct Args {
    #[command(flatten)]
    pub filter: FilterArgs,
    #[command(flatten)]
    pub status: StatusArgs,
    /// Output format.
    #[arg(long, value_enum)]
    pub format: TimelineFormat,
    /// Write to this file instead of stdout.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// The timeline's title.
    #[arg(long)]
    pub title: Option<String>,
}

pub fn run(ctx: &Ctx, args: Args) -> anyhow::Result<i32> {
    let store = ctx.open_read_only()?;
    let title = args.title.clone().unwrap_or_else(|| default_title(&args.filter));
    let mut filter = args.filter.to_filter()?;
    filter.status = args.status.to_filter();
    write(&store, &filter, args.format, &title, args.output.as_ref())?;
    if let Some(path) = &args.output {
        ctx.note(format!("wrote {}", path.display()));
    }
    Ok(EXIT_OK)
}

fn default_title(filter: &FilterArgs) -> String {
    match &filter.company {
        Some(c) => format!("What {c} said and what was revealed"),
        None => "Statements about personal data and what was revealed".to_string(),
    }
}

/// Writes one timeline of the store's claims passing `filter` (and the links passing its
/// status filter) to `output` (or stdout). The claims are read one at a time as they are
/// written (see `export::TimelinePlan`).
pub fn write(
    store: &Store,
    filter: &ClaimFilter,
    format: TimelineFormat,
    title: &str,
    output: Option<&PathBuf>,
) -> anyhow::Result<()> {
    let _snapshot = store.snapshot()?;
    let plan = TimelinePlan::new(store.timeline_rows(filter)?);
    let mut reader = store.claim_reader()?;
    match output {
        Some(path) => {
            let file =
                std::fs::File::create(path).with_context(|| format!("cannot write {}", path.display()))?;
            let mut w = std::io::BufWriter::new(file);
            export::write_planned(&mut w, &plan, &mut reader, format, title)
                .and_then(|_| w.flush())
                .with_context(|| format!("cannot write {}", path.display()))?;
        }
        None => with_stdout(|w| export::write_planned(w, &plan, &mut reader, format, title))?,
    }
    Ok(())
}
