//! Runs `extract_html` over the article-extraction benchmark pages and writes `{id: text}` JSON
//! for its `score.py`, plus a `.timing.json` with pages per second (extraction only, best of
//! three passes). The pages are read in place, never copied.
//!
//! ```text
//! cargo run --release --example extract_bench -- [BENCH_DIR] [OUT.json]
//! python3 BENCH_DIR/score.py BENCH_DIR/ground-truth.json OUT.json
//! ```
//! Defaults: `../shared/bench/article-extraction` (from the repo root; falls back to
//! `/work/shared/bench/article-extraction`) and `/tmp/extract_bench/claimtrack.json`.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::PathBuf;
use std::time::Instant;

use claimtrack::extract::{extract_html_with_source, TextSource};

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let dir = args.next().map(PathBuf::from).unwrap_or_else(|| {
        let rel = PathBuf::from("../shared/bench/article-extraction");
        if rel.exists() {
            rel
        } else {
            PathBuf::from("/work/shared/bench/article-extraction")
        }
    });
    let out = args
        .next()
        .map(PathBuf::from)
        .unwrap_or_else(|| "/tmp/extract_bench/claimtrack.json".into());

    let truth: serde_json::Value = serde_json::from_slice(&std::fs::read(dir.join("ground-truth.json"))?)?;
    let truth = truth
        .as_object()
        .ok_or_else(|| anyhow::anyhow!("ground-truth.json is not an object"))?;
    let mut pages = Vec::new();
    for (id, v) in truth {
        let mut html = String::new();
        let f = std::fs::File::open(dir.join("html").join(format!("{id}.html.gz")))?;
        flate2::read::GzDecoder::new(f).read_to_string(&mut html)?;
        let url = v.get("url").and_then(|u| u.as_str()).map(str::to_string);
        pages.push((id.clone(), url, html));
    }

    let mut best = f64::MAX;
    let mut preds = BTreeMap::new();
    let mut fallbacks = 0;
    for pass in 0..3 {
        let t0 = Instant::now();
        for (id, url, html) in &pages {
            let (page, source) = extract_html_with_source(html, url.as_deref());
            if pass == 0 {
                fallbacks += usize::from(source == TextSource::Fallback);
                preds.insert(id.clone(), page.text);
            }
        }
        best = best.min(t0.elapsed().as_secs_f64());
    }
    let pps = pages.len() as f64 / best;
    if let Some(parent) = out.parent() {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::write(&out, serde_json::to_vec(&preds)?)?;
    let timing = out.with_file_name(format!(
        "{}.timing.json",
        out.file_stem().and_then(|s| s.to_str()).unwrap_or("pred")
    ));
    std::fs::write(
        &timing,
        serde_json::to_vec(&serde_json::json!({ "pages_per_s_best": pps }))?,
    )?;
    eprintln!(
        "{} pages, {:.1} pages/s (best of 3), {} via fallback; wrote {}",
        pages.len(),
        pps,
        fallbacks,
        out.display()
    );
    Ok(())
}
