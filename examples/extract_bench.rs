//! Runs `extract_html` over the article-extraction benchmark pages and writes `{id: text}` JSON
//! for its `score.py`, plus a `.timing.json` with pages per second (extraction only, best and
//! median of three passes; also printed as on-CPU pages/s, which a loaded machine distorts less). The pages are read in place, never copied.
//!
//! ```text
//! cargo run --release --example extract_bench -- [BENCH_DIR] [OUT.json]
//! python3 BENCH_DIR/score.py BENCH_DIR/ground-truth.json OUT.json
//! ```
//! `BASELINE=1` also times plain dom_smoothie in interleaved passes and prints the ratio.
//! Defaults: `../shared/bench/article-extraction` (from the repo root; falls back to
//! `/work/shared/bench/article-extraction`) and `/tmp/extract_bench/claimtrack.json`.

// The allocator is the library's (mimalloc unless built with `--no-default-features`).
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

    let mut walls = Vec::new();
    let mut cpus = Vec::new();
    let mut base_cpus = Vec::new();
    let mut preds = BTreeMap::new();
    let mut fallbacks = 0;
    let baseline = std::env::var_os("BASELINE").is_some() || std::env::var_os("ONLY_BASELINE").is_some();
    let passes: usize = std::env::var("PASSES")
        .ok()
        .and_then(|p| p.parse().ok())
        .unwrap_or(3);
    for pass in 0..passes {
        if baseline {
            // Plain dom_smoothie (parse + Formatted text), interleaved with our passes so that
            // both see the same machine load: their ratio is what a loaded machine can tell.
            let c0 = thread_cpu_seconds();
            for (_, _, html) in &pages {
                let cfg = dom_smoothie::Config {
                    text_mode: dom_smoothie::TextMode::Formatted,
                    ..Default::default()
                };
                if let Ok(mut r) = dom_smoothie::Readability::new(html.as_str(), None, Some(cfg)) {
                    std::hint::black_box(r.parse().ok());
                }
            }
            if let (Some(c0), Some(c1)) = (c0, thread_cpu_seconds()) {
                base_cpus.push(c1 - c0);
            }
        }
        let t0 = Instant::now();
        let c0 = thread_cpu_seconds();
        let ours = if std::env::var_os("ONLY_BASELINE").is_some() {
            &pages[..0]
        } else {
            &pages[..]
        };
        for (id, url, html) in ours {
            let (page, source) = extract_html_with_source(html, url.as_deref(), None);
            if pass == 0 {
                fallbacks += usize::from(source == TextSource::Fallback);
                preds.insert(id.clone(), page.text);
            }
        }
        walls.push(t0.elapsed().as_secs_f64());
        if let (Some(c0), Some(c1)) = (c0, thread_cpu_seconds()) {
            cpus.push(c1 - c0);
        }
    }
    let rate = |mut secs: Vec<f64>| -> Option<(f64, f64)> {
        secs.sort_by(f64::total_cmp);
        let n = pages.len() as f64;
        Some((n / *secs.first()?, n / secs[secs.len() / 2]))
    };
    let (pps, pps_median) = rate(walls).unwrap_or_default();
    let cpu = rate(cpus);
    let base = rate(base_cpus);
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
        serde_json::to_vec(
            &serde_json::json!({ "pages_per_s_best": pps, "pages_per_s_median": pps_median }),
        )?,
    )?;
    eprintln!(
        "{} pages: wall {:.1} pages/s best, {:.1} median ({} passes); {} via fallback; wrote {}",
        pages.len(),
        pps,
        pps_median,
        passes,
        fallbacks,
        out.display()
    );
    if let Some((best, median)) = cpu {
        eprintln!("  on-CPU time only: {best:.1} pages/s best, {median:.1} median (excludes time waiting for a core)");
        if let Some((b_best, b_median)) = base {
            eprintln!(
                "  plain dom_smoothie, same conditions (BASELINE=1): {b_best:.1} best, {b_median:.1} median on-CPU; ours/plain = {:.2} (best), {:.2} (median)",
                best / b_best,
                median / b_median
            );
        }
    }
    Ok(())
}

/// Seconds this thread has spent on a CPU (Linux `/proc/thread-self/schedstat`); `None`
/// elsewhere. Unlike wall time it does not grow while other processes hold the cores.
fn thread_cpu_seconds() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}
