//! `claimtrack eval`: score claim extraction and linking against a hand-annotated gold set.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context;
use serde::de::DeserializeOwned;

use super::{load_lexicon, with_stdout, Ctx, EXIT_OK};
use crate::claims::Extractor;
use crate::eval::{self, GoldClaim, GoldLink, Predicted, Report, Score};
use crate::pipeline::{self, Overrides};
use crate::source::RawDoc;
use crate::store::{ClaimFilter, Store};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum EvalFormat {
    Table,
    Json,
}

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Files (JSONL):\n  articles: {\"id\", \"url\", \"title\", \"published\", \"outlet\", \"text\"}\n  \
    gold:     {\"article\", \"claim_id\", \"actor\", \"counterparty\", \"data_type\", \"action\", \"polarity\", \
    \"period_start\", \"period_end\", \"speaker\", \"cue\"}\n  \
    links:    {\"denial\": claim_id, \"assertion\": claim_id, \"why\", \"trap\": true for pairs that must not link}\n\n\
Examples:\n  claimtrack eval --articles data/eval/dev/articles.jsonl --gold data/eval/dev/claims.jsonl \
--links data/eval/dev/links.jsonl\n  claimtrack eval --articles a.jsonl --gold g.jsonl --show --format json"
)]
pub struct Args {
    /// The annotated articles.
    #[arg(long)]
    pub articles: PathBuf,
    /// The gold claims.
    #[arg(long)]
    pub gold: PathBuf,
    /// The gold links (and traps).
    #[arg(long)]
    pub links: Option<PathBuf>,
    /// Print every miss and every false hit with its sentence.
    #[arg(long)]
    pub show: bool,
    /// An extra company lexicon.
    #[arg(long, env = "CLAIMTRACK_LEXICON")]
    pub lexicon: Option<PathBuf>,
    /// Keep the scratch database here (default: a temporary file, removed after).
    #[arg(long)]
    pub keep_db: Option<PathBuf>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: EvalFormat,
}

#[derive(serde::Deserialize)]
struct EvalArticle {
    id: String,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    outlet: Option<String>,
    text: String,
}

fn read_jsonl<T: DeserializeOwned>(path: &Path) -> anyhow::Result<Vec<T>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let mut rows = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let row = serde_json::from_str(line).with_context(|| format!("{}:{}", path.display(), i + 1))?;
        rows.push(row);
    }
    Ok(rows)
}

pub fn run(ctx: &Ctx, args: Args) -> anyhow::Result<i32> {
    let lexicon = load_lexicon(args.lexicon.as_deref())?;
    let extractor = Extractor::new(&lexicon);
    let articles: Vec<EvalArticle> = read_jsonl(&args.articles)?;
    let gold: Vec<GoldClaim> = read_jsonl(&args.gold)?;
    let gold_links: Vec<GoldLink> = match &args.links {
        Some(p) => read_jsonl(p)?,
        None => Vec::new(),
    };
    let db = args
        .keep_db
        .clone()
        .unwrap_or_else(|| std::env::temp_dir().join(format!("claimtrack-eval-{}.db", std::process::id())));
    remove_db(&db);
    let mut store = Store::open(&db)?;
    let mut url_to_id = HashMap::new();
    let name = args.articles.display().to_string();
    let docs: Vec<_> = articles
        .into_iter()
        .enumerate()
        .map(|(i, a)| {
            let url = a.url.unwrap_or_else(|| format!("eval:{}", a.id));
            url_to_id.insert(url.clone(), a.id);
            Ok(RawDoc {
                origin: format!("{name}:{}", i + 1),
                url: Some(url),
                title: a.title,
                published: a.published,
                outlet: a.outlet,
                text: Some(a.text),
                ..RawDoc::default()
            })
        })
        .collect();
    let summary = pipeline::ingest(
        docs.into_iter(),
        &Overrides::default(),
        &extractor,
        &mut store,
        1,
        &mut |e| {
            if let pipeline::Event::Failed { item, reason } = e {
                ctx.item_error(item, reason);
            }
        },
    )?;
    if summary.duplicates > 0 {
        ctx.note(format!(
            "{} articles were duplicates of others and were scored once",
            summary.duplicates
        ));
    }
    let claims = store.claims(&ClaimFilter::default())?;
    let links = store.contradictions(&ClaimFilter::default())?;
    drop(store);
    if args.keep_db.is_none() {
        remove_db(&db);
    }
    let predicted: Vec<Predicted> = claims
        .into_iter()
        .filter_map(|c| {
            let article = url_to_id.get(c.article_url.as_deref()?)?.clone();
            Some(Predicted { article, claim: c })
        })
        .collect();
    let canon = |name: &str| lexicon.canonical_company(name).unwrap_or(name).to_string();
    let known = |name: &str| lexicon.canonical_company(name).is_some();
    let names = eval::Names {
        canon: &canon,
        known: &known,
    };
    let report = eval::score_with(&predicted, &links, &gold, &gold_links, &names);
    with_stdout(|w| match args.format {
        EvalFormat::Json => {
            serde_json::to_writer_pretty(&mut *w, &report)?;
            writeln!(w)
        }
        EvalFormat::Table => print_report(w, &report, args.show),
    })?;
    Ok(EXIT_OK)
}

fn remove_db(db: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
}

fn print_report(w: &mut dyn Write, r: &Report, show: bool) -> std::io::Result<()> {
    let row = |w: &mut dyn Write, name: &str, s: &Score| {
        writeln!(
            w,
            "{name:<16} {:>9.3} {:>7.3} {:>7.3} {:>6} {:>9} {:>6}",
            s.precision, s.recall, s.f1, s.true_positives, s.predicted, s.gold
        )
    };
    writeln!(
        w,
        "{:<16} {:>9} {:>7} {:>7} {:>6} {:>9} {:>6}",
        "", "precision", "recall", "F1", "hits", "predicted", "gold"
    )?;
    row(w, "claims loose", &r.loose)?;
    row(w, "claims core", &r.core)?;
    row(w, "claims strict", &r.strict)?;
    row(w, "denials (core)", &r.denials)?;
    row(w, "links", &r.links)?;
    writeln!(w, "traps linked: {} of {}", r.traps_linked, r.traps)?;
    if show {
        for m in &r.mistakes {
            writeln!(w, "{:<12} {:<6} {}", m.kind, m.article, m.detail)?;
        }
    }
    Ok(())
}
