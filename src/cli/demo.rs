//! `claimtrack demo`: a fresh database from the bundled sample corpus, its contradictions on
//! stdout, and an HTML timeline.

use std::path::PathBuf;

use anyhow::Context;

use super::ingest::ingest_inputs;
use super::{load_lexicon, with_stdout, Ctx, EXIT_OK, EXIT_SOME_FAILED};
use crate::claims::Extractor;
use crate::export::{self, Format, TimelineFormat};
use crate::pipeline::Overrides;
use crate::store::{ClaimFilter, Store};

/// Where the sample corpus is in the source tree this binary was built from.
const SAMPLE_CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/sample/articles");

#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  claimtrack demo\n  claimtrack demo --out /tmp/demo --format jsonl")]
pub struct Args {
    /// The folder to write the demo database and timeline into (made if missing; the demo
    /// database in it is replaced). The global --db is not used by the demo.
    #[arg(long, default_value = "claimtrack-demo")]
    pub out: PathBuf,
    /// The corpus to read (default: data/sample/articles of the source tree).
    #[arg(long)]
    pub corpus: Option<PathBuf>,
    /// Output format of the contradictions printed.
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
}

pub fn run(ctx: &Ctx, args: Args) -> anyhow::Result<i32> {
    let corpus = args
        .corpus
        .clone()
        .unwrap_or_else(|| PathBuf::from(SAMPLE_CORPUS));
    if !corpus.is_dir() {
        anyhow::bail!(
            "sample corpus not found at {} (give --corpus DIR)",
            corpus.display()
        );
    }
    std::fs::create_dir_all(&args.out).with_context(|| format!("cannot create {}", args.out.display()))?;
    let db = args.out.join("claimtrack.db");
    for suffix in ["", "-wal", "-shm"] {
        let p = PathBuf::from(format!("{}{suffix}", db.display()));
        if p.exists() {
            std::fs::remove_file(&p).with_context(|| format!("cannot replace {}", p.display()))?;
        }
    }
    let sub = Ctx {
        db: db.clone(),
        quiet: ctx.quiet,
        verbose: ctx.verbose,
    };
    let extractor = Extractor::new(&load_lexicon(None)?);
    let mut store = Store::open(&db)?;
    ctx.note(format!("reading the sample corpus in {}", corpus.display()));
    let summary = ingest_inputs(
        &sub,
        std::slice::from_ref(&corpus),
        &[],
        &Overrides::default(),
        &extractor,
        &mut store,
        super::ingest::default_workers(),
    )?;
    let links = store.contradictions(&ClaimFilter::default())?;
    with_stdout(|w| export::write_contradictions(w, &links, args.format))?;
    let html = args.out.join("timeline.html");
    super::timeline::write(
        &store,
        &crate::store::ClaimFilter::default(),
        TimelineFormat::Html,
        "claimtrack demo: statements about personal data and what was revealed",
        Some(&html),
    )?;
    ctx.note(format!(
        "{} contradictions found ({} pairs of sentences); database: {}",
        links.len(),
        export::sentence_pairs(&links).len(),
        db.display()
    ));
    ctx.note(format!("timeline: {}", html.display()));
    ctx.note(format!(
        "next: claimtrack --db {} claims --company Facebook",
        db.display()
    ));
    Ok(if summary.failed > 0 {
        EXIT_SOME_FAILED
    } else {
        EXIT_OK
    })
}
