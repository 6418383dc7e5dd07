//! A synthetic news corpus for benchmarks: deterministic for a seed, built from templates and
//! word lists written by us, with made-up companies, counterparties, people and outlets.
//!
//! What makes it realistic enough to measure with:
//! - companies follow a Zipf-like distribution (a few appear in a large share of the
//!   articles, most in a handful), as in a real archive where one social network is in every
//!   other privacy story; the heavy companies are what stresses linking;
//! - four house styles (wire, blog, press release, feature) with their own headlines, openings,
//!   quotes and boilerplate;
//! - claims of every kind the extractor reads: reports of sharing, access, selling, collection
//!   and use, with periods; denials with the three scopes, some quoted, some dated earlier
//!   ("told lawmakers in 2016 that…"); assurances ("users remain in control of their data");
//!   and traps that must not become denials ("declined to comment", "did not deny", "no
//!   longer", "plans to", "whether");
//! - filler paragraphs composed from sentence parts until the text reaches 3–5 KB.
//!
//! Also renders each article as an HTML page (navigation, related links, newsletter box, footer,
//! JSON-LD dates) and as a WARC response record. Pure: no I/O, no clock.

use std::fmt::Write as _;

/// One generated article, in the JSONL shape `ingest --jsonl` reads.
#[derive(Debug, Clone, serde::Serialize)]
pub struct SynthArticle {
    pub url: String,
    pub title: String,
    pub published: String,
    pub outlet: String,
    pub author: String,
    pub text: String,
}

impl SynthArticle {
    /// The article as the pipeline sees it after reading a JSONL line (author aside).
    pub fn into_article(self) -> crate::model::Article {
        crate::model::Article {
            url: Some(self.url),
            title: Some(self.title),
            published: crate::dates::parse_input_date(&self.published).ok(),
            outlet: Some(self.outlet),
            text: self.text,
            ..crate::model::Article::default()
        }
    }
}

/// How many made-up companies the corpus draws from (all named in `lexicon()`).
pub const COMPANIES: usize = 1000;

/// splitmix64: small, fast, and the same sequence on every platform. Public so tests that want
/// reproducible random input (kill moments, garbled bytes) draw from the same generator.
#[derive(Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }
    /// The next number of the sequence (splitmix64). Not `Iterator::next`: the sequence never
    /// ends, and callers draw from it in several ways (`below`, `pick`, ...).
    #[allow(clippy::should_implement_trait)]
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Below `n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    pub fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
    /// True with probability `p` percent.
    pub fn chance(&mut self, p: usize) -> bool {
        self.below(100) < p
    }
    /// Uniform in `[lo, hi)`.
    pub fn fraction(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    /// `n` random bytes.
    pub fn bytes(&mut self, n: usize) -> Vec<u8> {
        (0..n).map(|_| self.next() as u8).collect()
    }
}

const SYL1: &[&str] = &["Ac", "Bel", "Cor", "Dax", "En", "Fil", "Gor", "Hal", "Iv", "Jun"];
const SYL2: &[&str] = &["ra", "mo", "ve", "li", "ni", "do", "pe", "ta", "su", "ke"];
const SYL3: &[&str] = &[
    "tra", "vex", "lia", "nix", "dor", "pex", "ra", "mont", "gen", "quo",
];

/// The made-up company number `i` ("Belmonix"): distinct for i < 1000. Rank 0 is the most
/// frequent in the corpus.
pub fn company_name(i: usize) -> String {
    let i = i % 1000;
    format!("{}{}{}", SYL1[i / 100], SYL2[(i / 10) % 10], SYL3[i % 10])
}

/// A company lexicon (the format of `data/companies.tsv`) naming all the made-up companies.
pub fn lexicon() -> String {
    let mut out = String::from("# made-up companies for benchmarks (claimtrack bench generate)\n");
    for i in 0..COMPANIES {
        let name = company_name(i);
        let _ = writeln!(out, "{name}\t{name} Inc.|{name} Labs");
    }
    out
}

/// Cumulative Zipf weights (exponent 1) over the company ranks, scaled to u64.
struct Zipf {
    cumulative: Vec<f64>,
}

impl Zipf {
    fn new(n: usize) -> Zipf {
        let mut total = 0.0;
        let cumulative = (1..=n)
            .map(|r| {
                total += 1.0 / r as f64;
                total
            })
            .collect::<Vec<_>>();
        Zipf {
            cumulative: cumulative.iter().map(|c| c / total).collect(),
        }
    }
    fn sample(&self, rng: &mut Rng) -> usize {
        let u = (rng.next() >> 11) as f64 / (1u64 << 53) as f64;
        self.cumulative
            .partition_point(|&c| c < u)
            .min(self.cumulative.len() - 1)
    }
}

/// Data phrases the taxonomy knows, by rough frequency in real coverage (repeats weigh).
const DATA: &[&str] = &[
    "personal data",
    "personal data",
    "user data",
    "personal information",
    "private messages",
    "direct messages",
    "location history",
    "location data",
    "precise location data",
    "contact lists",
    "address books",
    "friend lists",
    "browsing history",
    "search history",
    "viewing history",
    "voice recordings",
    "audio clips",
    "phone numbers",
    "email addresses",
    "health records",
    "health data",
    "menstrual cycle data",
    "prescription history",
    "purchase histories",
    "credit card data",
    "transaction data",
    "photos",
    "posts",
    "advertising IDs",
    "device identifiers",
    "face prints",
    "biometric data",
    "profile information",
    "dates of birth",
];

/// Counterparty categories (the lexicon's recipient categories), besides other companies.
const CATEGORIES: &[&str] = &[
    "advertisers",
    "data brokers",
    "third parties",
    "app developers",
    "researchers",
    "insurers",
    "law enforcement",
    "marketing firms",
    "contractors",
];

const OUTLETS: &[&str] = &[
    "Ledger Wire",
    "The Data Desk",
    "Circuit Weekly",
    "Harbor City Tribune",
    "Signal Post",
    "Northgate Courier",
    "The Open Record",
    "Bitline",
    "Plainview Gazette",
    "Meridian Dispatch",
    "The Kettle",
    "Evening Ledger",
];

/// Product names a story may be about.
const PRODUCTS: &[&str] = &["Beacon", "Lumen", "Harbor"];

const CITIES: &[&str] = &[
    "SAN FRANCISCO",
    "LONDON",
    "BRUSSELS",
    "WASHINGTON",
    "DUBLIN",
    "SEATTLE",
    "BERLIN",
    "TORONTO",
    "SINGAPORE",
    "AUSTIN",
];

const FIRST: &[&str] = &[
    "Maren", "Tobias", "Ines", "Kofi", "Lena", "Ravi", "Odile", "Piotr", "Sanne", "Hugo", "Amara", "Jonah",
    "Yuki", "Bram", "Noor", "Felix", "Carmen", "Dmitri", "Aoife", "Teodor",
];
const LAST: &[&str] = &[
    "Halvorsen",
    "Okafor",
    "Brandt",
    "Vasquez",
    "Lindqvist",
    "Moreau",
    "Achterberg",
    "Nakamura",
    "Quill",
    "Estrada",
    "Whitcombe",
    "Dragan",
    "Ferreira",
    "Kowalczyk",
    "Renaud",
    "Sadeghi",
    "Tamsin",
    "Ueda",
];

const ROLES: &[&str] = &[
    "a spokesperson for",
    "a spokeswoman for",
    "a spokesman for",
    "the chief privacy officer of",
    "a lawyer for",
    "the general counsel of",
    "a senior engineer at",
];

/// Report verbs: (template, action word for headlines). `{a}` the holder, `{b}` the recipient,
/// `{d}` the data phrase, `{h}` whose data ("its users'", "customers'").
const REPORT: &[&str] = &[
    "{a} shared {h} {d} with {b}",
    "{a} gave {b} access to {h} {d}",
    "{a} handed {h} {d} over to {b}",
    "{a} passed {h} {d} on to {b}",
    "{a} allowed {b} to read {h} {d}",
    "{a} let {b} view {h} {d}",
    "{a} provided {b} with {h} {d}",
    "{a} transferred {h} {d} to {b}",
    "{a} made {h} {d} available to {b}",
    "{a} disclosed {h} {d} to {b}",
    "{a} sold {h} {d} to {b}",
    "{a} licensed {h} {d} to {b}",
    "{a} rented {h} {d} to {b}",
    "{b} bought {h} {d} from {a}",
];

const COLLECT: &[&str] = &[
    "{a} collected {h} {d}",
    "{a} quietly kept {h} {d}",
    "{a} tracked {h} {d}",
    "{a} used {h} {d} to target ads",
    "{a} stored {h} {d} for years",
];

/// Denials in quotes, in the company's voice. `{b}` may be a category.
const DENY_QUOTE: &[&str] = &[
    "We do not sell {d} to {b}",
    "We have never shared {d} with {b}",
    "At no time did we give {b} access to {d}",
    "We did not share {d} with {b}",
    "We don't share {d} with {b}, and we never will",
    "We never sell your {d} to {b}",
    "We have not sold {d} to {b}",
    "It is false that we sold {d} to {b}",
    "We do not give {b} access to {d}",
];

/// Denials reported in the outlet's voice, dated earlier ({y0}).
const DENY_REPORTED: &[&str] = &[
    "In {y0}, {a} told lawmakers that it did not share {d} with {b}.",
    "{a} has said repeatedly that it never sells {d}.",
    "{a} denied sharing {d} with {b} when the arrangement was first reported in {y0}.",
    "In a blog post in {y0}, {a} said it does not give {b} access to {d}.",
    "{a} insisted in {y0} that it had not sold {d} to {b}.",
];

/// Sentences that look like denials but are not, or state no practice.
const TRAPS: &[&str] = &[
    "{a} declined to comment on the arrangement with {b}.",
    "{a} did not deny that {b} had received {d}.",
    "{a} no longer shares {d} with {b}, a spokesperson said.",
    "{a} settled the case without admitting wrongdoing.",
    "Regulators asked whether {a} had shared {d} with {b}.",
    "{a} plans to share {d} with {b} next year, the company said.",
    "{a} did not respond to a request for comment.",
    "It was not immediately clear whether {b} still had access to the {d}.",
    "{a} refused to give {b} the {d} it had asked for.",
];

/// Filler: subject, verb phrase and tail parts combined into sentences of ordinary news prose.
const F_SUBJ: &[&str] = &[
    "Lawmakers in several countries",
    "Privacy advocates",
    "Two former employees",
    "A committee staffer",
    "Analysts who follow the company",
    "Consumer groups",
    "A regulator in Europe",
    "Outside lawyers consulted for this article",
    "People familiar with the matter",
    "Researchers at a university lab",
    "Advertisers interviewed for this story",
    "The company's own auditors",
    "State attorneys general",
    "Shareholders at the annual meeting",
];
const F_VERB: &[&str] = &[
    "have asked for hearings on",
    "said they were still reviewing",
    "described a culture of growth at any cost behind",
    "argued that the rules gave users little practical way to understand",
    "pointed to internal slides about",
    "raised questions about the contracts behind",
    "said investors had grown used to headlines about",
    "compared the episode with earlier controversies over",
    "called for an independent audit of",
    "said they had warned for years about",
    "filed complaints about",
    "were given a briefing on",
];
const F_TAIL: &[&str] = &[
    "the partnership program",
    "the company's advertising business",
    "the terms of service updated twice during the period",
    "the way settings were presented to new users",
    "the data practices of the wider industry",
    "how long records are kept on company servers",
    "the agreements signed with outside firms",
    "a feature that was switched on by default",
    "the consent screens shown when people sign up",
    "the internal review that followed",
];
const F_COLOR: &[&str] = &[
    "No date has been set for a vote.",
    "Shares moved little on the news.",
    "The slides were shown to a small group of executives.",
    "Archived copies of the help pages tell a different story.",
    "A second review is expected before the end of the quarter.",
    "The documents run to several hundred pages.",
    "Neither side would say how much money changed hands.",
    "Staff were told not to discuss the project outside their team.",
    "The program was small at first and grew quickly.",
    "Several of the people spoke on condition of anonymity because they were not authorised to talk.",
    "The figures could not be independently verified.",
    "Similar questions were raised at a hearing last spring.",
];

const NAV: &[&str] = &[
    "Home",
    "World",
    "Business",
    "Technology",
    "Privacy",
    "Policy",
    "Science",
    "Opinion",
    "Podcasts",
    "Newsletters",
];

/// `n` articles for `seed`, generated lazily (a 200,000-article corpus never sits in memory).
pub fn generate(n: usize, seed: u64) -> impl Iterator<Item = SynthArticle> {
    let mut rng = Rng(seed);
    let zipf = Zipf::new(COMPANIES);
    (0..n).map(move |i| article(i, &zipf, &mut rng))
}

/// Replaces `{a}`, `{b}`, `{d}`, `{h}`, `{y0}` in a template.
fn fill(t: &str, a: &str, b: &str, d: &str, h: &str, y0: usize) -> String {
    t.replace("{a}", a)
        .replace("{b}", b)
        .replace("{d}", d)
        .replace("{h}", h)
        .replace("{y0}", &y0.to_string())
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn person(rng: &mut Rng) -> String {
    format!("{} {}", rng.pick(FIRST), rng.pick(LAST))
}

fn filler_paragraph(rng: &mut Rng, a: &str) -> String {
    let mut p = String::new();
    for k in 0..3 + rng.below(4) {
        if k > 0 {
            p.push(' ');
        }
        if rng.chance(30) {
            p.push_str(rng.pick(F_COLOR));
        } else {
            let tail = rng.pick(F_TAIL).replace("the company", a);
            let _ = write!(p, "{} {} {}.", rng.pick(F_SUBJ), rng.pick(F_VERB), tail);
        }
    }
    p
}

#[derive(Clone, Copy)]
enum Style {
    Wire,
    Blog,
    PressRelease,
    Feature,
}

fn article(i: usize, zipf: &Zipf, rng: &mut Rng) -> SynthArticle {
    let ai = zipf.sample(rng);
    let a = company_name(ai);
    let b = if rng.chance(45) {
        rng.pick(CATEGORIES).to_string()
    } else {
        let mut b = company_name(zipf.sample(rng));
        if b == a {
            b = company_name(rng.below(COMPANIES));
        }
        b
    };
    let d = rng.pick(DATA);
    let h = *[
        "its users'",
        "customers'",
        "",
        "millions of people's",
        "subscribers'",
    ]
    .get(rng.below(5))
    .unwrap_or(&"");
    let y1 = 2008 + rng.below(12);
    let y2 = y1 + 1 + rng.below(4);
    let year = (y2 + rng.below(3)).min(2024);
    let y0 = y1.saturating_sub(rng.below(3)).max(2006);
    let month = 1 + rng.below(12);
    let day = 1 + rng.below(28);
    let outlet = rng.pick(OUTLETS);
    let style = match rng.below(10) {
        0..=3 => Style::Wire,
        4..=5 => Style::Blog,
        6 => Style::PressRelease,
        _ => Style::Feature,
    };
    let author = person(rng);
    // The company's product the story is about, named in its headline: stories about one
    // product are one episode to the linker (`link` rule 10), so the synthetic corpus links as
    // densely as before that rule. Drawn from the values above rather than the generator, so
    // the rest of the corpus is as before.
    let product = PRODUCTS[ai % PRODUCTS.len()];
    let tidy = |s: String| s.replace("  ", " ");
    let report = tidy(fill(rng.pick(REPORT), &a, &b, d, h, y0));
    let collect = tidy(fill(rng.pick(COLLECT), &a, &b, d, h, y0));
    let quote = fill(rng.pick(DENY_QUOTE), &a, &b, d, h, y0);
    let speaker = format!("{} {a}", rng.pick(ROLES));
    let mut paras: Vec<String> = Vec::new();
    let title;
    match style {
        Style::Wire => {
            title = match rng.below(3) {
                0 => format!("{a} under scrutiny over {d} in its {product} app"),
                1 => format!(
                    "{} through {product}",
                    capitalise(&report.replace(" its users'", ""))
                ),
                _ => format!("Regulators question {a} on {product} {d} deal with {b}"),
            };
            paras.push(format!(
                "{} ({outlet}) — {report} between {y1} and {y2}, according to documents reviewed by {outlet}.",
                rng.pick(CITIES)
            ));
            if rng.chance(30) {
                paras.push(format!(
                    "\"{quote},\" {speaker} said in a statement on {}.",
                    weekday(rng)
                ));
            } else {
                paras.push(format!(
                    "{a} did not respond to questions about {d} on {}.",
                    weekday(rng)
                ));
            }
        }
        Style::Blog => {
            title = match rng.below(3) {
                0 => format!("What {a} isn't telling you about your {d} on {product}"),
                1 => format!("I read {a}'s {product} privacy policy so you don't have to"),
                _ => format!("{a}, {b} and the {product} {d} nobody asked about"),
            };
            paras.push(format!(
                "Here is the short version: records show that {report} beginning in {y1}. \
                 That is not what the company told its users."
            ));
            if rng.chance(40) {
                paras.push(fill(rng.pick(DENY_REPORTED), &a, &b, d, h, y0));
            } else {
                paras.push(format!(
                    "I asked {a} about it. \"{quote},\" {speaker} wrote back."
                ));
            }
        }
        Style::PressRelease => {
            title = format!("{a} announces new privacy commitments for {product} in {}", year);
            paras.push(format!(
                "FOR IMMEDIATE RELEASE — {a} today announced an update to its privacy program. \
                 \"{quote},\" said {}, {speaker}.",
                person(rng)
            ));
            // A general assurance ("users remain in control") links to every later report of
            // data leaving the company: rare here, as in real coverage.
            paras.push(if rng.chance(10) {
                format!("{a} does not sell {d} to {b}, and users remain in control of their data, the company said.")
            } else {
                format!("{a} does not sell {d} to {b}, the company said.")
            });
        }
        Style::Feature => {
            title = match rng.below(2) {
                0 => format!("Inside the {product} deal that put {d} in {b}'s hands"),
                _ => {
                    format!("For years, {a} said one thing about {d} on {product}. The records say another.")
                }
            };
            paras.push(format!(
                "For most of the past decade, {a} has presented itself as a careful steward of what its users \
                 share with it.{}",
                if rng.chance(50) { format!(" {}", fill(rng.pick(DENY_REPORTED), &a, &b, d, h, y0)) } else { String::new() }
            ));
            paras.push(format!(
                "But {} {}, interviews and documents show. In {y2}, {collect}.",
                report.replacen(&a, "the company", 1),
                if rng.chance(50) {
                    "from at least ".to_string() + &y1.to_string()
                } else {
                    format!("in {y1}")
                }
            ));
            if rng.chance(30) {
                paras.push(format!("\"{quote},\" {speaker} said when asked this month."));
            }
        }
    }
    // Traps and a second practice in some articles.
    if rng.chance(40) {
        paras.push(fill(rng.pick(TRAPS), &a, &b, d, h, y0));
    }
    if rng.chance(50) {
        paras.push(format!("Separately, {collect} in {y2}, a former manager said."));
    }
    // A second reported practice, with another recipient and kind of data.
    for _ in 0..1 + rng.below(2) {
        let b2 = company_name(zipf.sample(rng));
        let d2 = rng.pick(DATA);
        let r2 = tidy(fill(rng.pick(REPORT), &a, &b2, d2, h, y0));
        paras.push(match rng.below(3) {
            0 => format!("The documents also show that {r2} in {}.", y1 + rng.below(3)),
            1 => format!("According to two people who worked on the project, {r2} from {y1} to {y2}."),
            _ => format!("A later audit found that {r2} as recently as {y2}."),
        });
    }
    let target = 3000 + rng.below(2000);
    let mut len: usize = title.len() + paras.iter().map(|p| p.len() + 2).sum::<usize>();
    while len < target {
        let p = filler_paragraph(rng, &a);
        len += p.len() + 2;
        let at = 1 + rng.below(paras.len());
        paras.insert(at.min(paras.len()), p);
    }
    match style {
        Style::PressRelease => paras.push(format!(
            "About {a}: {a} builds software used by millions of people and businesses. Media contact: press@{}.invalid",
            a.to_lowercase()
        )),
        Style::Blog => paras.push("Subscribe for more posts like this one. Comments are open below.".into()),
        _ => paras.push(format!("{} contributed reporting.", person(rng))),
    }
    let mut text = title.clone();
    for p in &paras {
        text.push_str("\n\n");
        text.push_str(p);
    }
    let slug: String = title
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|s| !s.is_empty())
        .take(8)
        .collect::<Vec<_>>()
        .join("-");
    SynthArticle {
        url: format!(
            "https://{}.example/{year}/{month:02}/{slug}-{i}",
            outlet.to_lowercase().replace(' ', "")
        ),
        title,
        published: format!("{year:04}-{month:02}-{day:02}"),
        outlet: outlet.to_string(),
        author,
        text,
    }
}

fn weekday(rng: &mut Rng) -> &'static str {
    ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"][rng.below(5)]
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The article as a news page: navigation, breadcrumb, byline, the paragraphs, related links,
/// newsletter box, footer, `<meta>` tags and JSON-LD with the publication date. `related` gives
/// other titles for the related box. The title is the `<h1>`, not repeated in the body.
pub fn html_page(a: &SynthArticle, related: &[&str]) -> String {
    let mut h = String::with_capacity(a.text.len() + 6000);
    let site = esc(&a.outlet);
    let title = esc(&a.title);
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <title>{title} | {site}</title>\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <meta name=\"description\" content=\"{title}\">\
         <meta property=\"og:title\" content=\"{title}\"><meta property=\"og:site_name\" content=\"{site}\">\
         <meta property=\"og:type\" content=\"article\"><meta name=\"author\" content=\"{}\">\
         <link rel=\"canonical\" href=\"{}\"><link rel=\"stylesheet\" href=\"/static/site.css\">\
         <script type=\"application/ld+json\">{}</script>\
         <script>window.dataLayer=window.dataLayer||[];function gtag(){{dataLayer.push(arguments)}}</script>\
         </head><body>\n",
        esc(&a.author),
        esc(&a.url),
        serde_json::json!({
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": a.title,
            "datePublished": format!("{}T09:30:00Z", a.published),
            "dateModified": format!("{}T11:05:00Z", a.published),
            "author": {"@type": "Person", "name": a.author},
            "publisher": {"@type": "Organization", "name": a.outlet},
        })
    );
    h.push_str("<div class=\"cookie-banner\">We use cookies to improve your experience. <button>Accept</button> <button>Settings</button></div>\n<header class=\"site-header\"><a class=\"logo\" href=\"/\">");
    h.push_str(&site);
    h.push_str("</a><nav><ul>");
    for n in NAV {
        let _ = write!(h, "<li><a href=\"/{}\">{n}</a></li>", n.to_lowercase());
    }
    h.push_str(
        "</ul></nav><form class=\"search\"><input name=\"q\" placeholder=\"Search\"></form></header>\n",
    );
    let _ = write!(
        h,
        "<main><div class=\"breadcrumb\"><a href=\"/\">Home</a> › <a href=\"/technology\">Technology</a> › <a href=\"/privacy\">Privacy</a></div>\
         <article><h1>{title}</h1><p class=\"byline\">By <a href=\"/authors/{}\" rel=\"author\">{}</a> · \
         <time datetime=\"{}\">{}</time></p>\n<div class=\"article-body\">\n",
        esc(&a.author.to_lowercase().replace(' ', "-")),
        esc(&a.author),
        a.published,
        a.published
    );
    for (k, p) in a.text.split("\n\n").skip(1).enumerate() {
        let _ = writeln!(h, "<p>{}</p>", esc(p));
        if k == 2 {
            h.push_str("<aside class=\"inline-promo\"><a href=\"/newsletters\">Get the privacy newsletter every Friday</a></aside>\n");
        }
    }
    h.push_str("</div><div class=\"share\"><a href=\"#\">Share</a> <a href=\"#\">Copy link</a> <a href=\"#\">Email</a></div></article>\n<aside class=\"related\"><h2>Related</h2><ul>");
    for (k, r) in related.iter().enumerate() {
        let _ = write!(h, "<li><a href=\"/related/{k}\">{}</a></li>", esc(r));
    }
    h.push_str("</ul></aside><section class=\"newsletter\"><h2>Sign up</h2><p>The week's most important stories about technology and power, in your inbox.</p><form><input type=\"email\" placeholder=\"you@example.com\"><button>Subscribe</button></form></section></main>\n");
    h.push_str("<footer><ul><li><a href=\"/about\">About us</a></li><li><a href=\"/contact\">Contact</a></li><li><a href=\"/careers\">Careers</a></li><li><a href=\"/privacy-policy\">Privacy policy</a></li><li><a href=\"/terms\">Terms of use</a></li><li><a href=\"/ethics\">Ethics policy</a></li><li><a href=\"/corrections\">Corrections</a></li></ul>");
    let _ = write!(
        h,
        "<p>© {} {site}. All rights reserved. Reproduction without permission is prohibited.</p></footer>\n</body></html>\n",
        a.published.get(..4).unwrap_or("2024")
    );
    h
}

/// One uncompressed WARC/1.0 `response` record holding `html` as an HTTP 200 response for
/// `a.url`, fetched the day after publication. `n` makes the record id unique in the file.
pub fn warc_response(a: &SynthArticle, html: &str, n: usize) -> Vec<u8> {
    let http = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nServer: bench\r\n\r\n",
        html.len()
    );
    let length = http.len() + html.len();
    let mut out = format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {}\r\nWARC-Date: {}T12:00:00Z\r\n\
         WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-{n:012}>\r\n\
         Content-Type: application/http; msgtype=response\r\nContent-Length: {length}\r\n\r\n{http}",
        a.url, a.published
    )
    .into_bytes();
    out.extend_from_slice(html.as_bytes());
    out.extend_from_slice(b"\r\n\r\n");
    out
}

/// The `warcinfo` record that opens a WARC file.
pub fn warc_info(articles: usize, seed: u64) -> Vec<u8> {
    let body = format!(
        "software: claimtrack bench generate\r\nformat: WARC File Format 1.0\r\ndescription: {articles} synthetic pages, seed {seed}\r\n"
    );
    format!(
        "WARC/1.0\r\nWARC-Type: warcinfo\r\nWARC-Date: 2024-01-01T00:00:00Z\r\n\
         WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-ffffffffffff>\r\n\
         Content-Type: application/warc-fields\r\nContent-Length: {}\r\n\r\n{body}\r\n\r\n",
        body.len()
    )
    .into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_corpus_and_names_are_distinct() {
        let a: Vec<_> = generate(50, 7).collect();
        let b: Vec<_> = generate(50, 7).collect();
        assert_eq!(a.len(), 50);
        assert!(a.iter().zip(&b).all(|(x, y)| x.text == y.text && x.url == y.url));
        assert_ne!(
            generate(50, 8).next().map(|x| x.text),
            a.first().map(|x| x.text.clone())
        );
        let names: std::collections::HashSet<String> = (0..1000).map(company_name).collect();
        assert_eq!(names.len(), 1000);
        let urls: std::collections::HashSet<&str> = a.iter().map(|x| x.url.as_str()).collect();
        assert_eq!(urls.len(), 50, "URLs are unique");
    }

    #[test]
    fn articles_have_realistic_length_and_skewed_companies() {
        let corpus: Vec<_> = generate(2000, 1).collect();
        let mean = corpus.iter().map(|a| a.text.len()).sum::<usize>() / corpus.len();
        assert!((3000..=5500).contains(&mean), "mean length {mean}");
        let top = company_name(0);
        let rare = company_name(900);
        let with = |name: &str| corpus.iter().filter(|a| a.text.contains(name)).count();
        assert!(
            with(&top) > 10 * with(&rare).max(1),
            "top {} rare {}",
            with(&top),
            with(&rare)
        );
        assert!(
            corpus.iter().all(|a| !a.text.contains('{')),
            "every placeholder filled"
        );
    }

    #[test]
    fn html_page_carries_the_date_and_the_text() {
        let a = generate(1, 3).next().expect("one article");
        let page = html_page(&a, &["Another story"]);
        assert!(page.contains(&format!("\"datePublished\":\"{}T09:30:00Z\"", a.published)));
        let second = a.text.split("\n\n").nth(1).expect("a body paragraph");
        assert!(page.contains(&esc(second)));
        let rec = warc_response(&a, &page, 1);
        let head = String::from_utf8_lossy(&rec[..200]);
        assert!(head.starts_with("WARC/1.0\r\nWARC-Type: response\r\n"), "{head}");
    }
}
