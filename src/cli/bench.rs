//! `claimtrack bench`: benchmarks that print figures (not tests). Each generates its corpus
//! with `synth` (same seed, same corpus), so nothing needs to be shipped. BENCHMARKS.md lists
//! the commands and the figures measured with them.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::Context;
use clap::Subcommand;

use super::ingest::default_workers;
use super::{Ctx, EXIT_OK, EXIT_SOME_FAILED};
use crate::claims::{Extractor, Lexicon};
use crate::export::{self, TimelineFormat};
use crate::model::{Article, DataType};
use crate::pipeline::{self, Overrides};
use crate::source::RawDoc;
use crate::store::{ClaimFilter, Store};
use crate::synth;

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  claimtrack bench ingest --articles 20000\n  claimtrack bench claims\n  claimtrack bench generate --articles 1000 -o corpus.jsonl"
)]
pub struct Args {
    #[command(subcommand)]
    pub what: Bench,
}

#[derive(Debug, Subcommand)]
pub enum Bench {
    /// Write a synthetic corpus: JSONL (with its company lexicon beside it), HTML pages, a WARC.
    #[command(
        after_help = "Examples:\n  claimtrack bench generate --articles 1000 --seed 7 -o corpus.jsonl"
    )]
    Generate {
        #[arg(long, default_value_t = 1000)]
        articles: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// The JSONL file to write; the lexicon goes to FILE.lexicon.tsv.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Also write each article as an HTML page in this directory (and lexicon.tsv).
        #[arg(long)]
        html: Option<PathBuf>,
        /// Also write the pages as a .warc.gz of response records (one gzip member a record).
        #[arg(long)]
        warc: Option<PathBuf>,
    },
    /// Ingest a synthetic corpus into a fresh SQLite file: articles/s, claims/s, time per chunk
    /// as the store grows, peak memory.
    #[command(after_help = "Examples:\n  claimtrack bench ingest --articles 20000 --workers 2")]
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
        /// Print the time taken by each chunk of this many articles (flat-cost check).
        #[arg(long)]
        report_every: Option<usize>,
        /// Add to the database given by --keep instead of starting afresh: the corpus goes on
        /// after the articles already stored (same seed), so a chunk can be timed at 100,000 or
        /// 200,000 stored without ingesting them again.
        #[arg(long, requires = "keep")]
        append: bool,
        /// Feed HTML pages instead of JSONL text (main text and metadata extracted from the
        /// page), and measure the html5ever parse-only floor on the same pages first.
        #[arg(long)]
        html: bool,
        /// Feed these HTML pages (files or folders, read as `ingest` reads them) instead of
        /// generated ones, and measure the parse-only floor on them first: the from-HTML rate on
        /// real pages of real sizes (implies --html; --articles and --seed are ignored).
        #[arg(long, num_args = 1.., value_name = "PATH", conflicts_with = "append")]
        pages: Vec<PathBuf>,
    },
    /// The fetcher against `curl --parallel --parallel-max 32` on a loopback server with many
    /// host names (pages/s and their ratio), the whole `ingest --urls`, the same pages ingested
    /// from local files (the processing's ceiling), then the per-host delay as the server saw
    /// it.
    #[command(after_help = "Examples:\n  claimtrack bench fetch --pages 3000 --hosts 49")]
    Fetch {
        #[arg(long, default_value_t = 3000)]
        pages: usize,
        /// Host names 127.0.0.2 … 127.0.0.(1+N).
        #[arg(long, default_value_t = 49)]
        hosts: u8,
        /// Rounds of curl against the fetcher, in alternating order; the median ratio is reported.
        #[arg(long, default_value_t = 5)]
        rounds: usize,
        /// Pages for the politeness check (default delay 1 s).
        #[arg(long, default_value_t = 150)]
        polite_pages: usize,
    },
    /// Claim extraction alone, one thread: MB/s of article text, on a synthetic corpus or on
    /// your own articles (files, directories, JSONL).
    #[command(
        after_help = "Examples:\n  claimtrack bench claims --articles 5000\n  claimtrack bench claims --jsonl data/eval/dev/articles.jsonl --rounds 50\n  claimtrack bench claims data/sample/articles --rounds 50"
    )]
    Claims {
        #[arg(long, default_value_t = 5_000)]
        articles: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Files or directories of articles to use instead of the synthetic corpus (as `ingest`
        /// reads them; HTML pages have their main text extracted first, untimed).
        paths: Vec<PathBuf>,
        /// A JSONL file of articles to use instead of the synthetic corpus (as `ingest --jsonl`
        /// reads it). May be repeated.
        #[arg(long, value_name = "FILE")]
        jsonl: Vec<PathBuf>,
        /// An extra company lexicon for your own articles (the synthetic corpus brings its own).
        #[arg(long)]
        lexicon: Option<PathBuf>,
        /// Passes over the same texts. With 2 or more, the passes after the first are also
        /// reported alone: the rate once the regex engines' caches are warm.
        #[arg(long, default_value_t = 1)]
        rounds: usize,
        /// Write the articles read (their texts as timed, with title, date and outlet) to FILE
        /// as JSONL and stop without timing: the same texts, readable again with `--jsonl`
        /// without extracting HTML each time (e.g. under a profiler).
        #[arg(long, value_name = "FILE")]
        write_jsonl: Option<PathBuf>,
    },
    /// Stream a WARC file through the fetcher's reader (no storing): records/s, MB/s, peak memory.
    #[command(after_help = "Examples:\n  claimtrack bench warc corpus.warc.gz")]
    Warc {
        /// A .warc or .warc.gz (e.g. one written by `bench generate --warc`).
        file: PathBuf,
    },
    /// Query latency in-process on an existing database: p50 and p99 over repeated runs.
    #[command(after_help = "Examples:\n  claimtrack bench query --db big.db --runs 50")]
    Query {
        /// The database (e.g. one kept by `bench ingest --keep`).
        #[arg(long)]
        db: PathBuf,
        #[arg(long, default_value_t = 30)]
        runs: usize,
        /// The company for `contradictions` and `timeline` (default: the corpus's most frequent).
        #[arg(long)]
        company: Option<String>,
    },
}

pub fn run(ctx: &Ctx, args: Args) -> anyhow::Result<i32> {
    match args.what {
        Bench::Generate {
            articles,
            seed,
            output,
            html,
            warc,
        } => generate(ctx, articles, seed, output, html, warc),
        Bench::Ingest {
            articles,
            seed,
            workers,
            keep,
            report_every,
            append,
            html,
            pages,
        } => {
            let given = if pages.is_empty() {
                None
            } else {
                Some(read_pages(&pages)?)
            };
            ingest(articles, seed, workers, keep, report_every, append, html, given)
        }
        Bench::Claims {
            articles,
            seed,
            paths,
            jsonl,
            lexicon,
            rounds,
            write_jsonl,
        } => match write_jsonl {
            Some(out) => write_articles(&paths, &jsonl, &out),
            None => claims(articles, seed, &paths, &jsonl, lexicon.as_deref(), rounds),
        },
        Bench::Query { db, runs, company } => query(&db, runs, company),
        Bench::Warc { file } => warc(&file),
        Bench::Fetch {
            pages,
            hosts,
            rounds,
            polite_pages,
        } => super::bench_fetch::run(pages, hosts, rounds, polite_pages),
    }
}

fn bench_lexicon() -> anyhow::Result<Lexicon> {
    let mut lexicon = Lexicon::builtin();
    lexicon.add_companies(&synth::lexicon(), "synthetic companies")?;
    Ok(lexicon)
}

/// Up to five other titles for an article's related box (the ones generated just before it).
fn related(recent: &std::collections::VecDeque<String>) -> Vec<&str> {
    recent.iter().map(String::as_str).collect()
}

fn generate(
    ctx: &Ctx,
    articles: usize,
    seed: u64,
    output: Option<PathBuf>,
    html: Option<PathBuf>,
    warc: Option<PathBuf>,
) -> anyhow::Result<i32> {
    if output.is_none() && html.is_none() && warc.is_none() {
        anyhow::bail!("nothing to write: give -o FILE (JSONL), --html DIR and/or --warc FILE");
    }
    let mut jsonl = match &output {
        Some(p) => Some(std::io::BufWriter::new(
            std::fs::File::create(p).with_context(|| format!("cannot write {}", p.display()))?,
        )),
        None => None,
    };
    if let Some(p) = &output {
        let lex = format!("{}.lexicon.tsv", p.display());
        std::fs::write(&lex, synth::lexicon()).with_context(|| format!("cannot write {lex}"))?;
    }
    if let Some(dir) = &html {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
        std::fs::write(dir.join("lexicon.tsv"), synth::lexicon())
            .with_context(|| format!("cannot write {}", dir.join("lexicon.tsv").display()))?;
    }
    let mut warc_out = match &warc {
        Some(p) => {
            let mut w = std::io::BufWriter::new(
                std::fs::File::create(p).with_context(|| format!("cannot write {}", p.display()))?,
            );
            w.write_all(&gzip(&synth::warc_info(articles, seed))?)?;
            Some(w)
        }
        None => None,
    };
    let mut recent = std::collections::VecDeque::new();
    let mut html_bytes = 0usize;
    for (i, a) in synth::generate(articles, seed).enumerate() {
        if let Some(w) = jsonl.as_mut() {
            serde_json::to_writer(&mut *w, &a)?;
            writeln!(w)?;
        }
        if html.is_some() || warc.is_some() {
            let page = synth::html_page(&a, &related(&recent));
            html_bytes += page.len();
            if let Some(dir) = &html {
                // 1,000 pages a folder, as a crawl would lay them out.
                let sub = dir.join(format!("{:04}", i / 1000));
                if i % 1000 == 0 {
                    std::fs::create_dir_all(&sub)
                        .with_context(|| format!("cannot create {}", sub.display()))?;
                }
                let path = sub.join(format!("{i:07}.html"));
                std::fs::write(&path, &page).with_context(|| format!("cannot write {}", path.display()))?;
            }
            if let Some(w) = warc_out.as_mut() {
                w.write_all(&gzip(&synth::warc_response(&a, &page, i))?)?;
            }
        }
        recent.push_back(a.title);
        if recent.len() > 5 {
            recent.pop_front();
        }
    }
    if let Some(mut w) = jsonl {
        w.flush()?;
    }
    if let Some(mut w) = warc_out {
        w.flush()?;
    }
    let mut wrote = Vec::new();
    if let Some(p) = &output {
        wrote.push(format!("{} (lexicon: {}.lexicon.tsv)", p.display(), p.display()));
    }
    if let Some(p) = &html {
        wrote.push(format!(
            "pages in {}/NNNN/ (lexicon: {}/lexicon.tsv)",
            p.display(),
            p.display()
        ));
    }
    if let Some(p) = &warc {
        wrote.push(p.display().to_string());
    }
    ctx.note(format!(
        "wrote {articles} articles (seed {seed}): {}",
        wrote.join(", ")
    ));
    if html_bytes > 0 {
        ctx.note(format!(
            "HTML: {:.1} MB, {:.0} bytes/page",
            html_bytes as f64 / 1e6,
            html_bytes as f64 / articles.max(1) as f64
        ));
    }
    Ok(EXIT_OK)
}

/// One gzip member (WARC files are a concatenation of these, one per record).
fn gzip(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(6));
    e.write_all(bytes)?;
    e.finish()
}

/// Peak resident memory of this process so far (`VmHWM`), in MB, where /proc tells it.
fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// The resident set now, split as `/proc/self/status` gives it: anonymous and file-backed.
fn resident_now() -> Option<String> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let kb = |name: &str| -> Option<f64> {
        let line = status.lines().find(|l| l.starts_with(name))?;
        line.split_whitespace().nth(1)?.parse().ok()
    };
    Some(format!(
        "{:.0} MB ({:.0} MB anonymous, {:.0} MB file-backed)",
        kb("VmRSS:")? / 1024.0,
        kb("RssAnon:")? / 1024.0,
        kb("RssFile:")? / 1024.0
    ))
}

fn remove_db(path: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
}

/// The html5ever parse-only floor: pages/s parsing each page into a DOM (`dom_query`) and
/// nothing else, on `workers` threads.
fn parse_floor(pages: &[String], workers: usize) -> f64 {
    let t = Instant::now();
    let chunk = pages.len().div_ceil(workers.max(1)).max(1);
    std::thread::scope(|s| {
        for part in pages.chunks(chunk) {
            s.spawn(move || {
                let mut nodes = 0usize;
                for p in part {
                    let doc = dom_query::Document::from(p.as_str());
                    nodes += doc.select("p").length();
                }
                nodes
            });
        }
    });
    pages.len() as f64 / t.elapsed().as_secs_f64()
}

/// The HTML pages under `paths`, as `(origin, page)`, read as `ingest` reads files and folders.
/// A path that cannot be read, or that holds no page, is an error: a benchmark on fewer pages
/// than asked would print a figure about something else.
fn read_pages(paths: &[PathBuf]) -> anyhow::Result<Vec<(String, String)>> {
    let mut pages = Vec::new();
    let mut failed = Vec::new();
    for path in paths {
        let (before, failed_before) = (pages.len(), failed.len());
        crate::source::read_path(path, &mut |item| match item {
            Ok(RawDoc {
                origin,
                html: Some(html),
                ..
            }) => pages.push((origin, html)),
            Ok(_) => {}
            Err(e) => failed.push(e.to_string()),
        });
        if pages.len() == before && failed.len() == failed_before {
            failed.push(format!(
                "{}: no HTML page (.html, .htm, or .gz of these)",
                path.display()
            ));
        }
    }
    if let Some(first) = failed.first() {
        anyhow::bail!(
            "{first}{}",
            if failed.len() > 1 {
                format!(" (and {} more)", failed.len() - 1)
            } else {
                String::new()
            }
        );
    }
    Ok(pages)
}

#[allow(clippy::too_many_arguments)]
fn ingest(
    articles: usize,
    seed: u64,
    workers: Option<usize>,
    keep: Option<PathBuf>,
    report_every: Option<usize>,
    append: bool,
    html: bool,
    given: Option<Vec<(String, String)>>,
) -> anyhow::Result<i32> {
    let from_files = given.is_some();
    let html = html || from_files;
    let articles = given.as_ref().map_or(articles, Vec::len);
    let workers = workers.unwrap_or_else(default_workers).max(1);
    let extractor = Extractor::new(&bench_lexicon()?);
    let path = keep
        .clone()
        .unwrap_or_else(|| std::env::temp_dir().join(format!("claimtrack-bench-{}.db", std::process::id())));
    if !append {
        remove_db(&path);
    }
    let mut store = Store::open(&path)?;
    // With --append, the corpus goes on after the articles stored (the first `start` of it).
    let start = if append {
        usize::try_from(store.stats()?.articles).unwrap_or(0)
    } else {
        0
    };
    println!(
        "bench ingest: {articles} articles{}, {workers} workers, from {}{}",
        if from_files {
            String::new()
        } else {
            format!(" (seed {seed})")
        },
        if from_files {
            "the HTML pages given"
        } else if html {
            "HTML pages"
        } else {
            "JSONL text"
        },
        if start > 0 {
            format!(", after the {start} already in {}", path.display())
        } else {
            String::new()
        }
    );

    // HTML: the pages are made up front (so generating them is not timed) and the parse-only
    // floor is measured on the same pages.
    let mut pages: Vec<(String, String)> = Vec::new();
    let mut floor = None;
    if let Some(given) = given {
        pages = given;
    } else if html {
        let mut recent = std::collections::VecDeque::new();
        for a in synth::generate(start + articles, seed).skip(start) {
            pages.push((a.url.clone(), synth::html_page(&a, &related(&recent))));
            recent.push_back(a.title);
            if recent.len() > 5 {
                recent.pop_front();
            }
        }
    }
    if html {
        let only: Vec<String> = pages.iter().map(|(_, p)| p.clone()).collect();
        let bytes: usize = only.iter().map(String::len).sum();
        println!(
            "  html:      {:.1} MB, {:.0} bytes/page",
            bytes as f64 / 1e6,
            bytes as f64 / articles.max(1) as f64
        );
        let cpu0 = process_cpu_secs();
        let f1 = parse_floor(&only, 1);
        let fw = parse_floor(&only, workers);
        let per_cpu = 2.0 * only.len() as f64 / (process_cpu_secs() - cpu0).max(1e-9);
        println!("  floor:     html5ever parse only (dom_query): {f1:.0} pages/s on 1 thread, {fw:.0} pages/s on {workers}, {per_cpu:.0} pages per CPU-s");
        floor = Some((fw, per_cpu));
    }
    // Generated pages carry their URL; pages given are files, named by their path as `ingest`
    // names them.
    let mut html_items = pages.into_iter().enumerate().map(|(i, (name, page))| {
        Ok(if from_files {
            RawDoc {
                origin: name,
                html: Some(page),
                ..RawDoc::default()
            }
        } else {
            RawDoc {
                origin: format!("bench:{i}"),
                url: Some(name),
                html: Some(page),
                ..RawDoc::default()
            }
        })
    });
    // JSONL: each item is serialised and parsed back as `ingest --jsonl` would, on the reader
    // thread, streaming (a 200,000-article corpus never sits in memory).
    let mut text_items = synth::generate(if html { 0 } else { start + articles }, seed)
        .skip(start)
        .enumerate()
        .map(|(i, a)| {
            let line = serde_json::to_string(&a).unwrap_or_default();
            let mut doc = None;
            crate::source::read_jsonl(&mut line.as_bytes(), &format!("bench:{i}"), &mut |item| {
                doc = Some(item)
            });
            doc.unwrap_or_else(|| Ok(RawDoc::default()))
        })
        .peekable();
    // With --append, the articles already stored are generated and skipped here, before any
    // chunk is timed.
    text_items.peek();
    // One `pipeline::ingest` call for the whole run (one set of worker threads, as in a real
    // `claimtrack ingest`); with --report-every, its writer reports each chunk from inside.
    let chunk = report_every.unwrap_or(articles).max(1);
    let mut bytes = 0usize;
    let mut chunk_times = Vec::new();
    let mut chunk_cpu = Vec::new();
    let mut last = (Instant::now(), process_cpu_secs(), pipeline::Summary::default());
    let started = last.0;
    let ingest_cpu0 = last.1;
    let mut report = |store: &Store, s: &pipeline::Summary| {
        let done = s.read;
        if done == 0 || (done % chunk != 0 && done != articles) || done == last.2.read {
            return;
        }
        let (t, cpu0, before) = last;
        let secs = t.elapsed();
        let cpu = process_cpu_secs() - cpu0;
        let n = done - before.read;
        if report_every.is_some() {
            let w = store.link_work();
            println!(
                "  chunk:     {:>7} stored before, {n} articles in {:.2} s, {cpu:.2} CPU-s ({:.0} articles/s, {:.0} per CPU-s, {} claims, {} links), peak RSS {:.0} MB",
                start + before.read,
                secs.as_secs_f64(),
                n as f64 / secs.as_secs_f64(),
                n as f64 / cpu.max(1e-9),
                s.claims - before.claims,
                s.links - before.links,
                peak_rss_mb().unwrap_or(0.0)
            );
            println!(
                "             linking so far: {} pairs ranked, {} refused by their gates, {} evaluated, {} claims read whole, {} candidate lists read",
                w.ranked, w.gated, w.evaluated, w.records_read, w.lists_read
            );
            println!(
                "             refused by their gates: {} as one claim is refused alone, {} specific denial vs generic report, {} by the time rule; {} new claims refused alone (no pair enumerated)",
                w.gated_alone, w.gated_generic, w.gated_time, w.refused_alone
            );
            println!(
                "             in memory now: {} claims in the candidate lists, {:.1} MB held by the lists and the whole claims kept",
                w.cached_claims,
                w.cache_bytes as f64 / 1e6
            );
            let m = store.sqlite_memory();
            println!(
                "             SQLite: heap {:.1} MB (peak {:.1} MB), of which the writer's page cache {:.1} MB and statements {:.1} MB; resident now {}",
                m.heap as f64 / 1e6,
                m.heap_peak as f64 / 1e6,
                m.page_cache as f64 / 1e6,
                m.statements as f64 / 1e6,
                resident_now().unwrap_or_else(|| "unknown".to_string())
            );
        }
        chunk_times.push(secs.as_secs_f64());
        chunk_cpu.push(cpu);
        last = (Instant::now(), process_cpu_secs(), *s);
    };
    // One run either way; the JSONL texts' bytes are counted as the workers take them.
    let items: Box<dyn Iterator<Item = Result<RawDoc, crate::source::InputError>> + Send + '_> = if html {
        Box::new(html_items.by_ref().take(articles))
    } else {
        Box::new(text_items.by_ref().take(articles).inspect(|r| {
            if let Ok(d) = r {
                bytes += d.text.as_ref().map_or(0, String::len);
            }
        }))
    };
    let total = pipeline::ingest_watched(
        items,
        &Overrides::default(),
        &extractor,
        &mut store,
        workers,
        &mut |_| {},
        &mut report,
    )?;
    let elapsed = started.elapsed();
    let secs = elapsed.as_secs_f64();
    drop(store);
    let db_bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    if !html {
        println!(
            "  text:      {:.1} MB, {:.0} bytes/article",
            bytes as f64 / 1e6,
            bytes as f64 / articles.max(1) as f64
        );
    }
    println!(
        "  stored:    {} articles, {} claims, {} links, {} duplicates, {} failed",
        total.stored, total.claims, total.links, total.duplicates, total.failed
    );
    println!("  time:      {secs:.2} s");
    println!("  articles/s {:.0}", total.read as f64 / secs);
    println!("  claims/s   {:.0}", total.claims as f64 / secs);
    if let Some((f, f_cpu)) = floor {
        // Per CPU-second too: on a shared machine the wall-clock rates of the two runs meet
        // different loads, their CPU-seconds do not.
        let per_cpu = total.read as f64 / (process_cpu_secs() - ingest_cpu0).max(1e-9);
        println!(
            "  vs floor:  {:.0}% of the parse-only floor ({per_cpu:.0} vs {f_cpu:.0} pages per CPU-s: {:.0}%)",
            100.0 * total.read as f64 / secs / f,
            100.0 * per_cpu / f_cpu
        );
    }
    if chunk_times.len() > 1 {
        let first = chunk_times[0];
        let last = chunk_times[chunk_times.len() - 1];
        println!("  flat cost: last chunk / first chunk = {:.2}", last / first);
        let (first, last) = (chunk_cpu[0], chunk_cpu[chunk_cpu.len() - 1]);
        println!(
            "  flat cost: last chunk / first chunk = {:.2} in CPU-seconds ({first:.2} → {last:.2})",
            last / first.max(1e-9)
        );
    }
    println!(
        "  database:  {:.1} MB, {:.0} bytes/article",
        db_bytes as f64 / 1e6,
        db_bytes as f64 / (start + total.stored).max(1) as f64
    );
    if let Some(mb) = peak_rss_mb() {
        println!("  peak RSS:  {mb:.0} MB (whole process, corpus generation included)");
    }
    if keep.is_none() {
        remove_db(&path);
    }
    Ok(EXIT_OK)
}

fn claims(
    articles: usize,
    seed: u64,
    paths: &[PathBuf],
    jsonl: &[PathBuf],
    lexicon: Option<&Path>,
    rounds: usize,
) -> anyhow::Result<i32> {
    let own = !paths.is_empty() || !jsonl.is_empty();
    let mut failed = 0;
    let (extractor, corpus, what) = if own {
        let extractor = Extractor::new(&super::load_lexicon(lexicon)?);
        let corpus;
        (corpus, failed) = read_articles(paths, jsonl)?;
        let what = format!("{} articles read", corpus.len());
        (extractor, corpus, what)
    } else {
        let extractor = Extractor::new(&bench_lexicon()?);
        let corpus: Vec<Article> = synth::generate(articles, seed)
            .map(synth::SynthArticle::into_article)
            .collect();
        (
            extractor,
            corpus,
            format!("{articles} synthetic articles (seed {seed})"),
        )
    };
    let rounds = rounds.max(1);
    let bytes: usize = corpus.iter().map(|a| a.text.len()).sum();
    println!(
        "bench claims: {what}, {:.2} MB of text ({bytes} bytes), {rounds} round{}, one thread",
        bytes as f64 / 1e6,
        if rounds == 1 { "" } else { "s" }
    );
    let mut n = 0usize;
    let mut pass = || {
        for a in &corpus {
            n += extractor.extract(a).len();
        }
    };
    let t = Instant::now();
    let cpu0 = thread_cpu_secs();
    pass();
    let first = (t.elapsed().as_secs_f64(), thread_cpu_secs());
    for _ in 1..rounds {
        pass();
    }
    let secs = t.elapsed().as_secs_f64();
    let cpu_end = thread_cpu_secs();
    println!("  claims:    {} per round", n / rounds);
    let report = |label: &str, passes: usize, secs: f64, cpu: Option<f64>| {
        let mb = (bytes * passes) as f64 / 1e6;
        println!("  {label}");
        println!("    time:      {secs:.3} s");
        println!("    MB/s       {:.1}", mb / secs);
        println!("    articles/s {:.0}", (corpus.len() * passes) as f64 / secs);
        // On a shared machine the wall clock counts time spent waiting for a core; the
        // thread's own CPU time gives the figure per core.
        if let Some(cpu) = cpu.filter(|c| *c > 0.0) {
            println!("    cpu time:  {cpu:.3} s");
            println!("    MB/s per CPU-second {:.1}", mb / cpu);
        }
    };
    report(
        &format!("all {rounds} round{}:", if rounds == 1 { "" } else { "s" }),
        rounds,
        secs,
        cpu_end.zip(cpu0).map(|(b, a)| b - a),
    );
    if rounds > 1 {
        report(
            &format!("rounds 2-{rounds} (warm):"),
            rounds - 1,
            secs - first.0,
            cpu_end.zip(first.1).map(|(b, a)| b - a),
        );
    }
    Ok(if failed > 0 { EXIT_SOME_FAILED } else { EXIT_OK })
}

/// The articles in `paths` and `jsonl`, made as `ingest` makes them (HTML main text extracted).
/// An item that cannot be read is reported on stderr and skipped; the second value counts them.
/// `bench claims --write-jsonl`: the articles `read_articles` gives, one JSON object a line.
fn write_articles(paths: &[PathBuf], jsonl: &[PathBuf], out: &Path) -> anyhow::Result<i32> {
    let (corpus, failed) = read_articles(paths, jsonl)?;
    let mut w = std::io::BufWriter::new(
        std::fs::File::create(out).with_context(|| format!("cannot write {}", out.display()))?,
    );
    for a in &corpus {
        let line = serde_json::json!({
            "url": a.url,
            "title": a.title,
            "published": a.published.map(|d| d.to_string()),
            "outlet": a.outlet,
            "author": a.author,
            "text": a.text,
        });
        serde_json::to_writer(&mut w, &line)?;
        w.write_all(b"\n")?;
    }
    w.flush()
        .with_context(|| format!("cannot write {}", out.display()))?;
    println!(
        "bench claims: {} articles ({} bytes of text) written to {}",
        corpus.len(),
        corpus.iter().map(|a| a.text.len()).sum::<usize>(),
        out.display()
    );
    Ok(if failed > 0 { EXIT_SOME_FAILED } else { EXIT_OK })
}

fn read_articles(paths: &[PathBuf], jsonl: &[PathBuf]) -> anyhow::Result<(Vec<Article>, usize)> {
    let mut corpus = Vec::new();
    let mut failed = 0usize;
    let mut sink = |item: Result<RawDoc, crate::source::InputError>| match item
        .and_then(|raw| pipeline::to_article(raw, &Overrides::default()))
    {
        Ok(a) => corpus.push(a),
        Err(e) => {
            failed += 1;
            eprintln!("claimtrack: {e}");
        }
    };
    for p in paths {
        crate::source::read_path(p, &mut sink);
    }
    for p in jsonl {
        let f = std::fs::File::open(p).with_context(|| format!("cannot read {}", p.display()))?;
        crate::source::read_jsonl(
            &mut std::io::BufReader::new(f),
            &p.display().to_string(),
            &mut sink,
        );
    }
    if corpus.is_empty() {
        anyhow::bail!("no article could be read ({failed} failed)");
    }
    Ok((corpus, failed))
}

/// CPU time (user + system) of the whole process so far, in seconds: on a machine shared with
/// other jobs, the figure to compare runs by.
fn process_cpu_secs() -> f64 {
    let mut usage = std::mem::MaybeUninit::<libc::rusage>::zeroed();
    // SAFETY: getrusage writes a `rusage` into the pointer it is given; RUSAGE_SELF is valid.
    let ok = unsafe { libc::getrusage(libc::RUSAGE_SELF, usage.as_mut_ptr()) } == 0;
    if !ok {
        return 0.0;
    }
    // SAFETY: getrusage succeeded, so it initialised the struct (and zeroed() did before).
    let u = unsafe { usage.assume_init() };
    let secs = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    secs(u.ru_utime) + secs(u.ru_stime)
}

/// CPU time of the calling thread in seconds, from Linux's `/proc/thread-self/schedstat` (its
/// first field is nanoseconds on a CPU); `None` elsewhere.
fn thread_cpu_secs() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

fn warc(file: &Path) -> anyhow::Result<i32> {
    let size = std::fs::metadata(file)
        .with_context(|| format!("cannot read {}", file.display()))?
        .len();
    let f = std::fs::File::open(file).with_context(|| format!("cannot read {}", file.display()))?;
    let t = Instant::now();
    let mut body_bytes = 0usize;
    let summary = crate::fetch::read_warc(f, |e| {
        if let crate::fetch::WarcEvent::Record(r) = e {
            body_bytes += r.body.len();
        }
    })?;
    let secs = t.elapsed().as_secs_f64();
    println!(
        "bench warc: {} ({:.1} MB on disk)",
        file.display(),
        size as f64 / 1e6
    );
    println!(
        "  records:   {} ({} HTML, {} skipped, {} damaged), {:.1} MB of pages",
        summary.records,
        summary.html,
        summary.skipped,
        summary.damaged,
        body_bytes as f64 / 1e6
    );
    println!(
        "  time:      {secs:.2} s, {:.0} records/s, {:.1} MB/s of file",
        summary.records as f64 / secs,
        size as f64 / 1e6 / secs
    );
    if let Some(mb) = peak_rss_mb() {
        println!("  peak RSS:  {mb:.0} MB");
    }
    Ok(EXIT_OK)
}

/// p-th percentile (0–100) of sorted durations, in ms (nearest rank).
fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn query(db: &Path, runs: usize, company: Option<String>) -> anyhow::Result<i32> {
    let store = Store::open_read_only(db)?;
    let stats = store.stats()?;
    let company = company.unwrap_or_else(|| synth::company_name(0));
    let mid = synth::company_name(50);
    let rare_word = synth::company_name(999);
    println!(
        "bench query: {} ({} articles, {} claims, {} links), {runs} runs each, in-process",
        db.display(),
        stats.articles,
        stats.claims,
        stats.links
    );
    let since = chrono::NaiveDate::from_ymd_opt(2015, 1, 1);
    let by_company = |c: &str| ClaimFilter {
        company: Some(c.to_string()),
        ..ClaimFilter::default()
    };
    // As `claims` and `contradictions` list without --limit.
    let listed = |c: &str| ClaimFilter {
        limit: Some(super::DEFAULT_LIMIT),
        ..by_company(c)
    };
    type Q<'a> = Box<dyn Fn() -> anyhow::Result<usize> + 'a>;
    let cases: Vec<(String, Q)> = vec![
        (
            format!("contradictions --company {company}"),
            Box::new(|| Ok(store.contradictions(&listed(&company))?.len())),
        ),
        (
            format!("contradictions --company {company} --limit 0"),
            Box::new(|| Ok(store.contradictions(&by_company(&company))?.len())),
        ),
        (
            format!("contradictions --company {mid}"),
            Box::new(|| Ok(store.contradictions(&listed(&mid))?.len())),
        ),
        (
            format!("claims --company {company}"),
            Box::new(|| Ok(store.claims(&listed(&company))?.len())),
        ),
        (
            "claims --data-type location --since 2015-01-01".into(),
            Box::new(|| {
                Ok(store
                    .claims(&ClaimFilter {
                        data_type: Some(DataType::Location),
                        since,
                        limit: Some(super::DEFAULT_LIMIT),
                        ..ClaimFilter::default()
                    })?
                    .len())
            }),
        ),
        (
            "claims --data-type location --since 2015-01-01 --limit 0".into(),
            Box::new(|| {
                Ok(store
                    .claims(&ClaimFilter {
                        data_type: Some(DataType::Location),
                        since,
                        ..ClaimFilter::default()
                    })?
                    .len())
            }),
        ),
        (
            "claims --data-type health --since 2015-01-01 --limit 100".into(),
            Box::new(|| {
                Ok(store
                    .claims(&ClaimFilter {
                        data_type: Some(DataType::Health),
                        since,
                        limit: Some(100),
                        ..ClaimFilter::default()
                    })?
                    .len())
            }),
        ),
        (
            "search privacy (common)".into(),
            Box::new(|| Ok(store.search("privacy", 20)?.len())),
        ),
        (
            format!("search {rare_word} (rare)"),
            Box::new(|| Ok(store.search(&rare_word, 20)?.len())),
        ),
        (
            format!("timeline --company {mid} --format json"),
            Box::new(|| timeline_json(&store, &by_company(&mid))),
        ),
        (
            format!("timeline --company {company} --format json"),
            Box::new(|| timeline_json(&store, &by_company(&company))),
        ),
    ];
    for (name, q) in &cases {
        let mut times = Vec::with_capacity(runs);
        let mut cpu = Vec::with_capacity(runs);
        let mut rows = 0;
        for _ in 0..runs.max(1) {
            let (t, c) = (Instant::now(), process_cpu_secs());
            rows = q()?;
            times.push(t.elapsed().as_secs_f64() * 1000.0);
            cpu.push((process_cpu_secs() - c) * 1000.0);
        }
        times.sort_by(f64::total_cmp);
        cpu.sort_by(f64::total_cmp);
        // CPU time (user + system) says what a query costs on a loaded machine, where wall time
        // is mostly waiting for a core.
        println!(
            "  {name:<58} rows {rows:>8}  p50 {:>9.2} ms  p99 {:>9.2} ms  CPU p50 {:>9.2} ms",
            percentile(&times, 50.0),
            percentile(&times, 99.0),
            percentile(&cpu, 50.0)
        );
    }
    Ok(EXIT_OK)
}

/// Writes a company's JSON timeline as `timeline --format json` does, to a counter of bytes;
/// returns its size in bytes.
fn timeline_json(store: &Store, filter: &ClaimFilter) -> anyhow::Result<usize> {
    let _snapshot = store.snapshot()?;
    let plan = export::TimelinePlan::new(store.timeline_rows(filter)?);
    let mut reader = store.claim_reader()?;
    let mut out = Counted(0);
    export::write_planned(&mut out, &plan, &mut reader, TimelineFormat::Json, "bench")?;
    Ok(out.0)
}

/// A writer that keeps only how many bytes it was given.
struct Counted(usize);

impl std::io::Write for Counted {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0 += buf.len();
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_warc_reads_back_record_by_record() {
        let mut file = gzip(&synth::warc_info(3, 5)).expect("gzip in memory");
        let articles: Vec<_> = synth::generate(3, 5).collect();
        for (i, a) in articles.iter().enumerate() {
            let page = synth::html_page(a, &[]);
            file.extend(gzip(&synth::warc_response(a, &page, i)).expect("gzip in memory"));
        }
        let mut urls = Vec::new();
        let summary = crate::fetch::read_warc(file.as_slice(), |e| {
            if let crate::fetch::WarcEvent::Record(r) = e {
                assert_eq!(r.http_status, Some(200));
                urls.push(r.target_uri);
            }
        })
        .expect("the WARC reads");
        assert_eq!((summary.records, summary.html, summary.damaged), (4, 3, 0));
        assert_eq!(urls, articles.iter().map(|a| a.url.clone()).collect::<Vec<_>>());
    }
}
