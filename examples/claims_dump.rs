//! Writes every claim the extractor finds, one JSON line per article, for checking that a change
//! to the matching machinery leaves the output byte-identical (diff two dumps).
//!
//!   cargo run --release --example claims_dump -- OUT.jsonl [--synthetic N] [--fuzz DIR] [PATH|FILE.jsonl]...
//!
//! A path is read as `ingest` reads it (a `.jsonl` file line by line, else files or a folder);
//! `--synthetic N` adds the first N articles of `bench generate` (seed 1, with the synthetic
//! companies in the lexicon, as `bench claims` does); `--fuzz DIR` adds every file of a fuzz
//! corpus as an article body (lossy UTF-8, dated 2019-03-04, as the fuzz target does).
use std::io::Write;
use std::path::PathBuf;

use claimtrack::claims::{Extractor, Lexicon};
use claimtrack::model::Article;
use claimtrack::pipeline::{to_article, Overrides};

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let out = args.next().ok_or_else(|| {
        anyhow::anyhow!("usage: claims_dump OUT.jsonl [--synthetic N] [--fuzz DIR] [PATH]...")
    })?;
    let mut corpus: Vec<(String, Article)> = Vec::new();
    let mut synthetic = 0usize;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--synthetic" => synthetic = args.next().unwrap_or_default().parse()?,
            "--fuzz" => {
                let dir = PathBuf::from(args.next().unwrap_or_default());
                let mut names: Vec<_> = std::fs::read_dir(&dir)?
                    .filter_map(|e| e.ok())
                    .map(|e| e.path())
                    .collect();
                names.sort();
                for p in names {
                    let text = String::from_utf8_lossy(&std::fs::read(&p)?).into_owned();
                    let article = Article {
                        text,
                        published: chrono::NaiveDate::from_ymd_opt(2019, 3, 4),
                        origin: "fuzz".into(),
                        ..Article::default()
                    };
                    corpus.push((p.display().to_string(), article));
                }
            }
            path => {
                let mut sink =
                    |item: Result<claimtrack::source::RawDoc, claimtrack::source::InputError>| match item
                        .and_then(|raw| to_article(raw, &Overrides::default()))
                    {
                        Ok(a) => corpus.push((a.origin.clone(), a)),
                        Err(e) => eprintln!("{e}"),
                    };
                if path.ends_with(".jsonl") {
                    let f = std::fs::File::open(path)?;
                    claimtrack::source::read_jsonl(&mut std::io::BufReader::new(f), path, &mut sink);
                } else {
                    claimtrack::source::read_path(std::path::Path::new(path), &mut sink);
                }
            }
        }
    }
    let mut w = std::io::BufWriter::new(std::fs::File::create(&out)?);
    let ex = Extractor::new(&Lexicon::builtin());
    let mut n = 0;
    for (name, a) in &corpus {
        let claims = ex.extract(a);
        n += claims.len();
        writeln!(
            w,
            "{}",
            serde_json::json!({"article": name, "relevant": ex.is_relevant(a), "claims": claims})
        )?;
    }
    if synthetic > 0 {
        let mut lexicon = Lexicon::builtin();
        lexicon.add_companies(&claimtrack::synth::lexicon(), "synthetic companies")?;
        let ex = Extractor::new(&lexicon);
        for (i, s) in claimtrack::synth::generate(synthetic, 1).enumerate() {
            let a = s.into_article();
            let claims = ex.extract(&a);
            n += claims.len();
            writeln!(
                w,
                "{}",
                serde_json::json!({"article": format!("synthetic {i}"), "relevant": ex.is_relevant(&a), "claims": claims})
            )?;
        }
    }
    eprintln!("{} articles, {n} claims", corpus.len() + synthetic);
    Ok(())
}
