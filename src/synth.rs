//! A synthetic news corpus for benchmarks: deterministic for a seed, built from templates
//! written by us, with many made-up companies so that links stay realistic in number (each
//! company appears in a handful of articles, as in a real archive). Pure: no I/O, no clock.

use std::fmt::Write as _;

/// One generated article, in the JSONL shape `ingest --jsonl` reads.
#[derive(Debug, Clone, serde::Serialize)]
pub struct SynthArticle {
    pub url: String,
    pub title: String,
    pub published: String,
    pub outlet: String,
    pub text: String,
}

/// splitmix64: small, fast, and the same sequence on every platform.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
}

const SYL1: &[&str] = &["Ac", "Bel", "Cor", "Dax", "En", "Fil", "Gor", "Hal", "Iv", "Jun"];
const SYL2: &[&str] = &["ra", "mo", "ve", "li", "ni", "do", "pe", "ta", "su", "ke"];
const SYL3: &[&str] = &["tra", "vex", "lia", "nix", "dor", "pex", "ra", "mont", "gen", "quo"];

/// The made-up company number `i` ("Belmonix"): distinct for i < 1000.
pub fn company_name(i: usize) -> String {
    let i = i % 1000;
    format!("{}{}{}", SYL1[i / 100], SYL2[(i / 10) % 10], SYL3[i % 10])
}

/// A company lexicon (the format of `data/companies.tsv`) naming the made-up companies.
pub fn lexicon(companies: usize) -> String {
    let mut out = String::from("# made-up companies for benchmarks\n");
    for i in 0..companies.min(1000) {
        let name = company_name(i);
        let _ = writeln!(out, "{name}\t{name} Inc.");
    }
    out
}

const DATA: &[&str] = &[
    "private messages",
    "location history",
    "contact lists",
    "browsing history",
    "voice recordings",
    "phone numbers",
    "personal data",
    "health records",
    "purchase histories",
    "photos",
];

const OUTLETS: &[&str] = &["Ledger Wire", "The Data Desk", "Circuit Weekly", "Harbor City Tribune", "Signal Post"];

const FILLER: &[&str] = &[
    "The arrangement was described in a set of internal slides prepared for a board meeting. Several \
     employees who worked on the project said the slides were shown to a small group of executives.",
    "Lawmakers in several countries have asked for hearings on the matter. A committee staffer said \
     the requests were still being reviewed and that no date had been set.",
    "Privacy advocates said the episode fits a pattern that has been visible for more than a decade. \
     They argued that the rules in place gave users little practical way to find out what happened.",
    "Shares of the company moved little on the news. Analysts said investors had grown used to \
     regulatory headlines and were more focused on advertising revenue for the coming quarter.",
    "The company's terms of service were updated twice during the period in question. Neither update \
     was accompanied by a notice to users, according to archived copies of the pages.",
    "Former employees described a culture in which growth targets took priority. One of them said \
     that questions about partners were usually answered by pointing to the contracts.",
];

/// `n` articles for `seed`. About one company per 20 articles; each company gets reports of a
/// practice and, in some articles, a denial; a few are traps (a denial of selling next to a
/// report of sharing).
pub fn generate(n: usize, seed: u64) -> Vec<SynthArticle> {
    let mut rng = Rng(seed);
    let companies = (n / 20).clamp(8, 1000);
    (0..n).map(|i| article(i, companies, &mut rng)).collect()
}

fn article(i: usize, companies: usize, rng: &mut Rng) -> SynthArticle {
    let a = company_name(rng.below(companies));
    let mut b = company_name(rng.below(companies));
    if b == a {
        b = company_name((rng.below(companies) + 1) % companies);
    }
    let dt = rng.pick(DATA);
    let y1 = 2008 + rng.below(12);
    let y2 = y1 + 1 + rng.below(4);
    let year = (y2 + rng.below(3)).min(2023);
    let month = 1 + rng.below(12);
    let day = 1 + rng.below(28);
    let outlet = rng.pick(OUTLETS);
    let kind = rng.below(10);
    let (title, lead) = match kind {
        0..=3 => (
            format!("{a} gave {b} access to users' {dt}"),
            format!(
                "{a} gave {b} access to its users' {dt} between {y1} and {y2}, according to internal \
                 documents reviewed by {outlet}."
            ),
        ),
        4..=5 => (
            format!("{a} shared {dt} with {b}, records show"),
            format!("Records show that {a} shared {dt} with {b} beginning in {y1}."),
        ),
        6 => (
            format!("{a} sold {dt} to {b}"),
            format!("{a} sold its customers' {dt} to {b} in {y1}, the regulator said in a filing."),
        ),
        7..=8 => (
            format!("{a} says it never shared {dt}"),
            format!("\"At no time did we give {b} access to our users' {dt},\" {a} said in a statement."),
        ),
        _ => (
            format!("{a} says it does not sell {dt}"),
            format!("\"We have never sold {dt} to anyone,\" a spokesperson for {a} said."),
        ),
    };
    let mut text = format!("{title}\n\n{lead}\n\n");
    for _ in 0..3 + rng.below(4) {
        text.push_str(rng.pick(FILLER));
        text.push_str("\n\n");
    }
    let _ = write!(text, "{a} did not respond to a request for comment on story number {i}.");
    SynthArticle {
        url: format!("https://bench.claimtrack.invalid/{}/{year}/{i}", outlet.to_lowercase().replace(' ', "-")),
        title,
        published: format!("{year:04}-{month:02}-{day:02}"),
        outlet: outlet.to_string(),
        text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_corpus_and_names_are_distinct() {
        let a = generate(50, 7);
        let b = generate(50, 7);
        assert_eq!(a.len(), 50);
        assert!(a.iter().zip(&b).all(|(x, y)| x.text == y.text && x.url == y.url));
        assert_ne!(generate(50, 8)[0].text, a[0].text);
        let names: std::collections::HashSet<String> = (0..1000).map(company_name).collect();
        assert_eq!(names.len(), 1000);
    }
}
