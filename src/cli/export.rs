//! `claimtrack export`: exchange formats. `claimreview` (schema.org ClaimReview JSON-LD for the
//! links a person confirmed), `jsonl` and `csv` (claims and links with all their provenance).

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;

use super::{load_lexicon, with_stdout, Ctx, FilterArgs, StatusArg, StatusArgs, EXIT_OK};
use crate::export;
use crate::store::{LinkStatus, StatusFilter};

/// Output format of `export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// schema.org ClaimReview JSON-LD, one review per confirmed link (needs --publisher).
    Claimreview,
    /// One JSON object per line: claims (`"type":"claim"`), links (`"type":"link"`), a summary.
    Jsonl,
    /// CSV: one row per link with both claims (or per claim, with --rows claims).
    Csv,
}

/// What `--format csv` writes one row for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Rows {
    /// One row per link: its status and decision, then every field of both claims.
    Links,
    /// One row per claim with the ids of its links.
    Claims,
}

#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  \
claimtrack export --format claimreview --publisher \"The Data Desk\" -o reviews.json\n  \
claimtrack export --format jsonl --company Facebook > facebook.jsonl\n  \
claimtrack export --format csv --status all -o links.csv\n  \
claimtrack export --format csv --rows claims -o claims.csv")]
pub struct Args {
    #[command(flatten)]
    pub filter: FilterArgs,
    #[command(flatten)]
    pub status: StatusArgs,
    /// Output format.
    #[arg(long, value_enum)]
    pub format: ExportFormat,
    /// Who publishes the reviews (the ClaimReview's author), e.g. your newsroom's name.
    #[arg(long)]
    pub publisher: Option<String>,
    /// With --format csv: one row per link (default) or per claim.
    #[arg(long, value_enum, default_value = "links")]
    pub rows: Rows,
    /// Write to this file instead of stdout.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
}

pub fn run(ctx: &Ctx, args: Args) -> anyhow::Result<i32> {
    let mut filter = args.filter.to_filter()?;
    filter.status = args.status.to_filter();
    let publisher = match args.format {
        ExportFormat::Claimreview => {
            // Only what a person confirmed is published as a review.
            match args.status.status {
                None | Some(StatusArg::Confirmed) => {}
                Some(_) => anyhow::bail!(
                    "claimreview exports only confirmed links (confirm one with `claimtrack link confirm ID`); \
                     drop --status"
                ),
            }
            filter.status = StatusFilter::Only(LinkStatus::Confirmed);
            let p = args.publisher.as_deref().map(str::trim).unwrap_or("");
            if p.is_empty() {
                anyhow::bail!(
                    "claimreview needs --publisher NAME (who publishes the reviews, e.g. your newsroom)"
                );
            }
            p.to_string()
        }
        _ => String::new(),
    };
    let store = ctx.open_read_only()?;
    let links = store.review_links(&filter)?;
    let claims = match (args.format, args.rows) {
        (ExportFormat::Jsonl, _) | (ExportFormat::Csv, Rows::Claims) => store.claims(&filter)?,
        _ => Vec::new(),
    };
    let lexicon = load_lexicon(args.filter.lexicon.as_deref())?;
    let is_org = |name: &str| lexicon.canonical_company(name).is_some();
    let write = |w: &mut dyn Write| match (args.format, args.rows) {
        (ExportFormat::Claimreview, _) => export::write_claimreview(w, &links, &publisher, &is_org),
        (ExportFormat::Jsonl, _) => export::write_export_jsonl(w, &claims, &links),
        (ExportFormat::Csv, Rows::Links) => export::write_export_links_csv(w, &links),
        (ExportFormat::Csv, Rows::Claims) => export::write_export_claims_csv(w, &claims, &links),
    };
    match &args.output {
        Some(path) => {
            let file =
                std::fs::File::create(path).with_context(|| format!("cannot write {}", path.display()))?;
            let mut w = std::io::BufWriter::new(file);
            write(&mut w)
                .and_then(|_| w.flush())
                .with_context(|| format!("cannot write {}", path.display()))?;
            ctx.note(format!("wrote {}", path.display()));
        }
        None => with_stdout(write)?,
    }
    if args.format == ExportFormat::Claimreview && links.is_empty() {
        ctx.note(
            "no confirmed links to publish (see `claimtrack review`, then `claimtrack link confirm ID`)",
        );
    }
    Ok(EXIT_OK)
}
