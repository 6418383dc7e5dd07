//! `claimtrack extract`: what claimtrack sees in HTML pages, without a database.

use std::io::Write;
use std::path::PathBuf;

use super::{Ctx, EXIT_OK, EXIT_SOME_FAILED};
use crate::extract::{extract_html_at, Page};
use crate::source;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExtractFormat {
    Text,
    Json,
    Jsonl,
}

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  claimtrack extract page.html\n  claimtrack extract --format json saved/*.html.gz"
)]
pub struct Args {
    /// HTML files (.html, .htm, .html.gz), directories of them, or JSONL files (`.jsonl`) with
    /// one page per line (`html` and optionally `url`, which dates in the URL path come from).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Output format; `jsonl` gives one object per page with `path` and `text`.
    #[arg(long, value_enum, default_value = "text")]
    pub format: ExtractFormat,
}

#[derive(serde::Serialize)]
struct Row<'a> {
    path: &'a str,
    #[serde(flatten)]
    page: &'a Page,
}

pub fn run(ctx: &Ctx, args: Args) -> anyhow::Result<i32> {
    let mut failed = 0usize;
    let mut rows: Vec<(String, Page)> = Vec::new();
    let mut out = super::stdout();
    // Dates after the latest believed day are invented (script expiry dates, placeholders):
    // rejected, with the bound `ingest` uses.
    let latest = crate::pipeline::latest_believed(chrono::Local::now().date_naive());
    for path in &args.files {
        let mut result: anyhow::Result<()> = Ok(());
        let mut items = 0usize;
        let mut sink = |item: Result<source::RawDoc, source::InputError>| {
            items += 1;
            if result.is_err() {
                return;
            }
            match item {
                Err(e) => {
                    failed += 1;
                    ctx.item_error(&e.item, &e.reason);
                }
                Ok(doc) => {
                    let Some(html) = doc.html.as_deref() else {
                        failed += 1;
                        ctx.item_error(&doc.origin, "not an HTML file");
                        return;
                    };
                    let page = extract_html_at(html, doc.url.as_deref(), Some(latest));
                    result = match args.format {
                        ExtractFormat::Json => {
                            rows.push((doc.origin.clone(), page));
                            Ok(())
                        }
                        ExtractFormat::Jsonl => write_jsonl(&mut out, &doc.origin, &page),
                        ExtractFormat::Text => write_text(&mut out, &doc.origin, &page),
                    };
                }
            }
        };
        if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("jsonl")) {
            match std::fs::File::open(path) {
                Ok(f) => source::read_jsonl(
                    &mut std::io::BufReader::new(f),
                    &path.display().to_string(),
                    &mut sink,
                ),
                Err(e) => {
                    failed += 1;
                    ctx.item_error(&path.display().to_string(), &e.to_string());
                }
            }
        } else {
            source::read_path(path, &mut sink);
            // A folder named on the command line that holds no page is a mistake worth a
            // line (a wrong folder, pages under another extension), not a silent success.
            if items == 0 && path.is_dir() {
                failed += 1;
                ctx.item_error(
                    &path.display().to_string(),
                    "no pages in this folder (expected .html, .htm or .html.gz files)",
                );
            }
        }
        result?;
    }
    if args.format == ExtractFormat::Json {
        let rows: Vec<Row> = rows.iter().map(|(path, page)| Row { path, page }).collect();
        serde_json::to_writer_pretty(&mut out, &rows)?;
        writeln!(out)?;
    }
    out.flush()?;
    Ok(if failed > 0 { EXIT_SOME_FAILED } else { EXIT_OK })
}

fn write_jsonl(out: &mut dyn Write, path: &str, page: &Page) -> anyhow::Result<()> {
    serde_json::to_writer(&mut *out, &Row { path, page })?;
    writeln!(out)?;
    Ok(())
}

fn write_text(out: &mut dyn Write, path: &str, page: &Page) -> anyhow::Result<()> {
    let opt = |v: &Option<String>| v.clone().unwrap_or_else(|| "-".into());
    writeln!(out, "== {path}")?;
    writeln!(out, "title:     {}", opt(&page.title))?;
    let how = page
        .published_method
        .as_deref()
        .map(|m| format!(" (from {m})"))
        .unwrap_or_default();
    writeln!(
        out,
        "published: {}{how}",
        page.published
            .map(|d| d.to_string())
            .unwrap_or_else(|| "-".into())
    )?;
    writeln!(
        out,
        "modified:  {}",
        page.modified.map(|d| d.to_string()).unwrap_or_else(|| "-".into())
    )?;
    writeln!(out, "author:    {}", opt(&page.author))?;
    writeln!(out, "outlet:    {}", opt(&page.outlet))?;
    writeln!(out, "canonical: {}", opt(&page.canonical_url))?;
    writeln!(out, "language:  {}", opt(&page.language))?;
    writeln!(out, "text:      {}", page.text_status)?;
    writeln!(out)?;
    writeln!(out, "{}", page.text)?;
    writeln!(out)?;
    Ok(())
}
