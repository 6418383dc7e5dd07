//! `claimtrack bench`: benchmarks that print figures (not tests). Each generates its corpus
//! with `synth` (same seed, same corpus), so nothing needs to be shipped.

use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

use anyhow::Context;
use clap::Subcommand;

use super::ingest::default_workers;
use super::{Ctx, EXIT_OK};
use crate::claims::{Extractor, Lexicon};
use crate::model::Article;
use crate::pipeline::{self, Overrides};
use crate::source::RawDoc;
use crate::store::Store;
use crate::synth;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub what: Bench,
}

#[derive(Debug, Subcommand)]
pub enum Bench {
    /// Write a synthetic JSONL corpus (and its company lexicon beside it).
    Generate {
        #[arg(long, default_value_t = 1000)]
        articles: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// The JSONL file to write; the lexicon goes to FILE.lexicon.tsv.
        #[arg(short, long)]
        output: PathBuf,
    },
    /// JSONL text → claims and links in a fresh SQLite file: articles/s and claims/s.
    Ingest {
        #[arg(long, default_value_t = 20_000)]
        articles: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Extraction threads (default: the number of cores).
        #[arg(long)]
        workers: Option<usize>,
        /// Keep the database at this path (default: a temporary file, removed after).
        #[arg(long)]
        keep: Option<PathBuf>,
    },
    /// The fetcher against `curl --parallel --parallel-max 32` on a loopback server with many
    /// host names (pages/s and their ratio), the whole `ingest --urls`, then the per-host delay
    /// as the server saw it.
    Fetch {
        #[arg(long, default_value_t = 3000)]
        pages: usize,
        /// Host names 127.0.0.2 … 127.0.0.(1+N).
        #[arg(long, default_value_t = 49)]
        hosts: u8,
        /// Pages for the politeness check (default delay 1 s).
        #[arg(long, default_value_t = 150)]
        polite_pages: usize,
    },
    /// Claim extraction alone, one thread: MB/s of article text.
    Claims {
        #[arg(long, default_value_t = 5_000)]
        articles: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
}

pub fn run(ctx: &Ctx, args: Args) -> anyhow::Result<i32> {
    match args.what {
        Bench::Generate {
            articles,
            seed,
            output,
        } => generate(ctx, articles, seed, &output),
        Bench::Ingest {
            articles,
            seed,
            workers,
            keep,
        } => ingest(articles, seed, workers, keep),
        Bench::Claims { articles, seed } => claims(articles, seed),
        Bench::Fetch {
            pages,
            hosts,
            polite_pages,
        } => super::bench_fetch::run(pages, hosts, polite_pages),
    }
}

fn bench_lexicon(articles: usize) -> anyhow::Result<Lexicon> {
    let mut lexicon = Lexicon::builtin();
    lexicon.add_companies(&synth::lexicon(articles / 20 + 8), "synthetic companies")?;
    Ok(lexicon)
}

fn generate(ctx: &Ctx, articles: usize, seed: u64, output: &PathBuf) -> anyhow::Result<i32> {
    let write = || -> std::io::Result<()> {
        let mut w = std::io::BufWriter::new(std::fs::File::create(output)?);
        for a in synth::generate(articles, seed) {
            serde_json::to_writer(&mut w, &a)?;
            writeln!(w)?;
        }
        w.flush()?;
        std::fs::write(
            format!("{}.lexicon.tsv", output.display()),
            synth::lexicon(articles / 20 + 8),
        )
    };
    write().with_context(|| format!("cannot write {}", output.display()))?;
    ctx.note(format!(
        "wrote {articles} articles to {} (lexicon: {}.lexicon.tsv)",
        output.display(),
        output.display()
    ));
    Ok(EXIT_OK)
}

fn ingest(articles: usize, seed: u64, workers: Option<usize>, keep: Option<PathBuf>) -> anyhow::Result<i32> {
    let workers = workers.unwrap_or_else(default_workers).max(1);
    let extractor = Extractor::new(&bench_lexicon(articles)?);
    let corpus = synth::generate(articles, seed);
    let bytes: usize = corpus.iter().map(|a| a.text.len()).sum();
    let lines: Vec<String> = corpus
        .iter()
        .map(|a| serde_json::to_string(a))
        .collect::<Result<_, _>>()?;
    let path = keep
        .unwrap_or_else(|| std::env::temp_dir().join(format!("claimtrack-bench-{}.db", std::process::id())));
    let _ = std::fs::remove_file(&path);
    let mut store = Store::open(&path)?;
    // The items are parsed from JSONL text as `ingest --jsonl` would, on the reader side.
    let items = lines.iter().enumerate().map(|(i, line)| {
        let mut doc = None;
        crate::source::read_jsonl(&mut line.as_bytes(), &format!("bench:{i}"), &mut |item| {
            doc = Some(item)
        });
        doc.unwrap_or_else(|| Ok(RawDoc::default()))
    });
    let t = Instant::now();
    let summary = pipeline::ingest(
        items,
        &Overrides::default(),
        &extractor,
        &mut store,
        workers,
        &mut |_| {},
    )?;
    let secs = t.elapsed().as_secs_f64();
    drop(store);
    let db_bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    println!("bench ingest: {articles} articles (seed {seed}), {workers} workers");
    println!(
        "  text:      {:.1} MB, {:.0} bytes/article",
        bytes as f64 / 1e6,
        bytes as f64 / articles.max(1) as f64
    );
    println!(
        "  stored:    {} articles, {} claims, {} links, {} failed",
        summary.stored, summary.claims, summary.links, summary.failed
    );
    println!("  time:      {secs:.2} s");
    println!("  articles/s {:.0}", summary.read as f64 / secs);
    println!("  claims/s   {:.0}", summary.claims as f64 / secs);
    println!("  database:  {:.1} MB", db_bytes as f64 / 1e6);
    if path.starts_with(std::env::temp_dir()) {
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
        }
    }
    Ok(EXIT_OK)
}

fn claims(articles: usize, seed: u64) -> anyhow::Result<i32> {
    let extractor = Extractor::new(&bench_lexicon(articles)?);
    let corpus: Vec<Article> = synth::generate(articles, seed)
        .into_iter()
        .map(|a| Article {
            url: Some(a.url),
            title: Some(a.title),
            published: crate::dates::parse_input_date(&a.published).ok(),
            outlet: Some(a.outlet),
            text: a.text,
            ..Article::default()
        })
        .collect();
    let bytes: usize = corpus.iter().map(|a| a.text.len()).sum();
    let t = Instant::now();
    let mut n = 0usize;
    for a in &corpus {
        n += extractor.extract(a).len();
    }
    let secs = t.elapsed().as_secs_f64();
    println!(
        "bench claims: {articles} articles, {:.1} MB of text, one thread",
        bytes as f64 / 1e6
    );
    println!("  claims:    {n}");
    println!("  time:      {secs:.3} s");
    println!("  MB/s       {:.1}", bytes as f64 / 1e6 / secs);
    println!("  articles/s {:.0}", articles as f64 / secs);
    Ok(EXIT_OK)
}
