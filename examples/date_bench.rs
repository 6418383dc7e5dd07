//! Times the publication-date finder alone (no main text) over the date benchmark's pages and
//! writes `{file name: "YYYY-MM-DD" | null}` for `score.py`, plus a TSV of every page's date and
//! method (for error analysis).
//!
//!   cargo run --release --example date_bench -- PAGES.jsonl NAMES.json OUT_DIR
//!
//! PAGES.jsonl and NAMES.json are what `scripts/bench-dates.sh` writes (one `{url, html}` per
//! page; the file name of each line). Prints pages/s of the date finder (parse + metadata),
//! on-CPU time of this process.
use std::io::{BufRead, Write};

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [pages, names, out] = args.as_slice() else {
        anyhow::bail!("usage: date_bench PAGES.jsonl NAMES.json OUT_DIR");
    };
    let names: Vec<String> = serde_json::from_str(&std::fs::read_to_string(names)?)?;
    let mut docs = Vec::new();
    for line in std::io::BufReader::new(std::fs::File::open(pages)?).lines() {
        let v: serde_json::Value = serde_json::from_str(&line?)?;
        let url = v["url"].as_str().map(str::to_string);
        let html = v["html"].as_str().unwrap_or_default().to_string();
        docs.push((url, html));
    }
    let cpu0 = cpu_seconds();
    let found: Vec<_> = docs
        .iter()
        .map(|(url, html)| claimtrack::extract::extract_dates(html, url.as_deref(), None))
        .collect();
    let cpu = cpu_seconds() - cpu0;
    let mut pred = serde_json::Map::new();
    let mut tsv = std::fs::File::create(format!("{out}/dates.tsv"))?;
    for (name, (published, modified)) in names.iter().zip(&found) {
        let (d, how) = match published {
            Some((d, how)) => (Some(d.to_string()), how.as_str()),
            None => (None, ""),
        };
        pred.insert(
            name.clone(),
            d.clone().map_or(serde_json::Value::Null, Into::into),
        );
        let m = modified.map(|m| m.to_string()).unwrap_or_default();
        writeln!(tsv, "{name}\t{}\t{how}\t{m}", d.unwrap_or_default())?;
    }
    std::fs::write(format!("{out}/dates.json"), serde_json::to_string(&pred)?)?;
    let pps = docs.len() as f64 / cpu;
    std::fs::write(
        format!("{out}/dates.timing.json"),
        format!("{{\"pages_per_s\": {pps:.1}}}"),
    )?;
    println!(
        "date finder: {} pages, {cpu:.2} s on-CPU = {pps:.1} pages/s",
        docs.len()
    );
    Ok(())
}

/// This process's user + system CPU time, from /proc/self/stat (Linux); wall-clock elsewhere.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map(|(_, rest)| rest.split_whitespace().collect())
        .unwrap_or_default();
    match (fields.get(11), fields.get(12)) {
        (Some(u), Some(s)) => {
            let ticks = u.parse::<f64>().unwrap_or(0.0) + s.parse::<f64>().unwrap_or(0.0);
            ticks / 100.0
        }
        _ => std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs_f64())
            .unwrap_or(0.0),
    }
}
