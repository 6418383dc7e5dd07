//! Article text → claims. Pure: lexicons come in as strings (the built-in ones from `data/` via
//! `include_str!`, a user's from a file the CLI reads); no I/O, no clock.
//!
//! How a claim is read (details in `rules.rs`):
//! 1. The text is cut into sentences (`sentences.rs`) and each sentence into clauses at clause
//!    breaks ("; ", " — ", "while", "but", "however", ... in `data/cues.tsv`).
//! 2. Every data-practice verb in a clause (share, give-access, access, sell, buy, collect, use)
//!    with a data-type phrase in the same clause (`data/taxonomy.tsv`) may give claims.
//! 3. The actor is the company whose users' data it is: a company named as the data's holder
//!    ("Facebook users'", "on Facebook", "from Facebook"), else the verb's subject. The
//!    counterparty is the other party: the objects of share/sell/give-access verbs (one claim per
//!    listed party), the subject of access/buy verbs, or a recipient category ("advertisers").
//! 4. Polarity: a negation cue that governs the verb (few words between, no "whether", no
//!    "did not deny"/"no longer"/"declined to" in between), a deny verb ("denied sharing"), a
//!    falsity cue ("is untrue"), "only with consent", the limit a practice keeps to ("only
//!    accesses basic profile information", "hands over data only when served a warrant": the
//!    latter, like a consent, a qualified denial), a deletion ("the recordings were erased": a
//!    denial of keeping, action `other`; "did not delete" reports keeping), or the assurances
//!    "users are in control of their data" and "not for sale" make a denial.
//! 5. The speaker is the party a quote is attributed to (quotes without their own attribution
//!    take the one of the quote just before), else the party a sentence attributes ("X said",
//!    "according to X", "testimony by X that"), else for hedged reporting the source the article
//!    cites ("The New York Times reported"), else the outlet. "We" is the speaker's company.
//!
//! Descriptive references ("the company", "the social network", "the SVOD pioneer") resolve to
//! the most recently mentioned lexicon company before them that is not mentioned as a data
//! holder there ("Facebook users" is about Facebook's users, not Facebook speaking).
//!
//! Several specific data types for one verb give one claim per type; a generic phrase
//! ("personal data") only counts when no specific one is in the clause. A report's verb takes
//! the kinds of its own object: the first specific kind and every kind coordinated with it in
//! one list ("names, e-mail addresses and card numbers", "as well as", "along with", "including",
//! "such as"), not a kind after a preposition ("face scans from photos", `rules::is_list_gap`).
//! A pronoun object in a sentence naming no data ("We do not sell them") stands for the data
//! named just before it in the same paragraph, when that is unambiguous (`anaphora.rs`).

mod anaphora;
mod breach;
mod introduced;
mod intrusion;
pub mod language;
mod lexicon;
mod matcher;
mod periods;
mod relevance;
pub use lexicon::data_type_named;
pub(crate) use relevance::not_read;
mod rules;
mod sense;
mod sentences;
mod speaker;
mod surnames;
#[cfg(test)]
mod tests;

use std::collections::{HashMap, HashSet};

use regex::Regex;

use crate::model::{Article, Claim, DataType};
use lexicon::{Alias, CaseRule, Company, Person, Recipient};
use matcher::Matcher;

/// Recorded on every claim row; bump it when rules or lexicons change what is extracted.
pub const EXTRACTOR_VERSION: &str = "0.1.0";

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{source_name}:{line}: {reason}")]
pub struct LexiconError {
    pub source_name: String,
    pub line: usize,
    pub reason: String,
}

/// Companies (canonical name and aliases), data-type phrases and cue phrases.
#[derive(Debug, Clone)]
pub struct Lexicon {
    companies: Vec<Company>,
    /// Phrases that are not companies although they contain an alias ("Amazon rainforest").
    blocked: Vec<Alias>,
    /// Lower-cased alias (and canonical name) → index into `companies`.
    alias_index: HashMap<String, usize>,
    people: Vec<Person>,
    recipients: Vec<Recipient>,
    taxonomy: Vec<lexicon::Taxon>,
    cues: HashMap<String, Vec<String>>,
}

impl Lexicon {
    /// The lexicons shipped in `data/`.
    pub fn builtin() -> Lexicon {
        let mut lex = Lexicon {
            companies: Vec::new(),
            blocked: Vec::new(),
            alias_index: HashMap::new(),
            people: Vec::new(),
            recipients: Vec::new(),
            taxonomy: Vec::new(),
            cues: HashMap::new(),
        };
        const VALID: &str = "the built-in lexicons in data/ are valid (checked by the claims tests)";
        lex.add_companies(lexicon::BUILTIN_COMPANIES, "data/companies.tsv")
            .expect(VALID);
        let index: HashMap<String, usize> = lex
            .companies
            .iter()
            .enumerate()
            .map(|(i, c)| (c.name.to_lowercase(), i))
            .collect();
        lex.people = lexicon::parse_people(lexicon::BUILTIN_PEOPLE, "data/people.tsv", &index).expect(VALID);
        lex.recipients =
            lexicon::parse_recipients(lexicon::BUILTIN_RECIPIENTS, "data/recipients.tsv").expect(VALID);
        lex.taxonomy = lexicon::parse_taxonomy(lexicon::BUILTIN_TAXONOMY, "data/taxonomy.tsv").expect(VALID);
        lex.cues = lexicon::parse_cues(lexicon::BUILTIN_CUES, "data/cues.tsv").expect(VALID);
        lex
    }

    /// Adds a user's company lexicon (same format as `data/companies.tsv`). A line whose canonical
    /// name is already known adds its aliases to that company. An alias that already names another
    /// company is an error, as is any malformed line; on error nothing is added.
    pub fn add_companies(&mut self, text: &str, source_name: &str) -> Result<(), LexiconError> {
        let lines = lexicon::parse_companies(text, source_name)?;
        let mut companies = self.companies.clone();
        let mut index = self.alias_index.clone();
        let mut blocked = self.blocked.clone();
        for (line, name, aliases) in lines {
            let Some(name) = name else {
                blocked.extend(aliases);
                continue;
            };
            let ci = match companies.iter().position(|c| c.name.eq_ignore_ascii_case(&name)) {
                Some(i) => i,
                None => {
                    companies.push(Company {
                        name: name.clone(),
                        aliases: Vec::new(),
                    });
                    companies.len() - 1
                }
            };
            for alias in aliases {
                let key = alias.text.to_lowercase();
                match index.get(&key) {
                    Some(&other) if other != ci => {
                        return Err(lexicon::err(
                            source_name,
                            line,
                            format!("alias {:?} already names {}", alias.text, companies[other].name),
                        ));
                    }
                    Some(_) => {
                        // Same company: a new capitalisation rule replaces the old one.
                        let c = &mut companies[ci];
                        c.aliases.retain(|a| a.text.to_lowercase() != key);
                        c.aliases.push(alias);
                    }
                    None => {
                        index.insert(key, ci);
                        companies[ci].aliases.push(alias);
                    }
                }
            }
        }
        self.companies = companies;
        self.alias_index = index;
        self.blocked = blocked;
        Ok(())
    }

    /// The canonical name for a company name or alias, case-insensitively.
    pub fn canonical_company(&self, name: &str) -> Option<&str> {
        self.alias_index
            .get(&name.trim().to_lowercase())
            .map(|&i| self.companies[i].name.as_str())
    }

    /// The canonical company names, in lexicon order.
    pub fn companies(&self) -> impl Iterator<Item = &str> {
        self.companies.iter().map(|c| c.name.as_str())
    }
}

/// What a lexicon phrase found in the text stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ent {
    Company(usize),
    Person(usize),
    Recipient(usize),
    /// A phrase listed as not a company.
    Blocked,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NegKind {
    Always,
    Present,
    Past,
    Tensed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Cue {
    Share,
    /// A give-verb; `true` when it also means "share" on its own ("gave", not "granted").
    Give(bool),
    Permit,
    Access,
    Sell,
    Buy,
    Collect,
    Use,
    Neg(NegKind),
    DenyVerb,
    Falsity,
    Control,
    NotForSale,
    /// "(the data) contains no personal information": an assurance that what is held or passed
    /// on holds no data of the kind named right after it (`deny.contains_no`).
    ContainsNo,
    /// A breach's participle or noun that is no practice verb ("compromised", "touched",
    /// "breach"; `true` for a noun naming the breach itself): lets a sentence through to
    /// `Ctx::breach_denials`, read nowhere else.
    Breach(bool),
    Neutral,
    Block,
    Hedge,
    Break,
}

/// The verbs of a reporting source ("The New York Times reported"), `Regexes::report_verb`.
pub(crate) const REPORT_VERBS: &[&str] = &[
    "reported", "reports", "revealed", "reveals", "found", "finds", "wrote", "writes",
];

/// Regexes compiled once per extractor.
pub(crate) struct Regexes {
    pub holder_after: Rx,
    pub holder_before: Rx,
    pub we: Rx,
    /// "Our platform", "our app" as a subject: the first person plural of a company's voice.
    pub our_subject: Rx,
    pub pronoun_subject: Rx,
    pub user_subject: Rx,
    pub aux_only: Rx,
    pub anaphor: Rx,
    pub passive: Rx,
    pub by_agent: Rx,
    pub such_as: Rx,
    pub consent: Rx,
    pub control_subject: Rx,
    pub gap_blocker: Rx,
    pub deny_blocker: Rx,
    pub attrib_before: Rx,
    pub attrib_after: Rx,
    pub attrib_noun: Rx,
    pub quote_tail: Rx,
    pub quote_head: Rx,
    pub epithet: Rx,
    pub report_verb: Rx,
    /// Right after a practice verb: a "no" that negates its object ("gathers no GPS data",
    /// "gave it no access").
    pub object_no: Rx,
    /// Between a give-verb and an access word: a participle clause that starts a new statement
    /// ("did not give a direct answer, saying access was ...").
    pub participle_clause: Rx,
    /// Before a company: it ends a list ("Facebook, Snapchat and Pinterest information"), so
    /// a noun after it is the verb's object, not the company's users' data.
    pub list_before: Rx,
    /// A relative clause between a data phrase and its verb ("what people ask Siri").
    pub relative_before: Rx,
    /// After a data phrase: it is a document cited as evidence ("recordings show").
    pub evidence_after: Rx,
    /// Before a data phrase: it is the source of a report ("according to an internal email").
    pub evidence_before: Rx,
    /// After a denied verb: a condition ("unless the user agreed", "without their consent"), or
    /// a manner that narrows it ("does not sell data in exchange for money").
    pub qualified: Rx,
    /// Before a practice verb: a penalty or suit about it ("pays $1 million over tracking").
    pub penalty_over: Rx,
    /// After "keep/kept": the data is kept private ("keep their health information private").
    pub keep_private: Rx,
    /// Right after a give-verb: a pronoun as the one given access ("gave it access").
    pub pronoun_object: Rx,
    /// After a share/sell verb: a descriptive reference as its object ("to the firm").
    pub epithet_object: Rx,
    /// Before a give-verb: the subject is a thing of the company's ("its integration").
    pub possessive_subject: Rx,
    /// Prefilters: words without which `attrib_before` and `quote_head` (a speech verb),
    /// `attrib_after` and `attrib_noun` cannot match, so their large automata are run only on
    /// text that has them. Keep each in step with its pattern (a debug assertion checks it).
    pub speech_gate: Rx,
    pub attrib_after_gate: Rx,
    pub attrib_noun_gate: Rx,
}

/// Compiled matchers over a lexicon; build once, use for many articles (Send + Sync).
pub struct Extractor {
    companies: Vec<String>,
    people: Vec<(String, Option<usize>)>,
    recipients: Vec<String>,
    ents: Matcher<Ent>,
    taxa: Matcher<Option<DataType>>,
    cues: Matcher<Cue>,
    re: Regexes,
}

fn words_alt(words: &[String]) -> String {
    let mut w: Vec<&String> = words.iter().collect();
    // Longest first so that "social media giant" is tried before "giant".
    w.sort_by_key(|s| std::cmp::Reverse(s.len()));
    w.iter()
        .map(|s| regex::escape(s).replace(' ', r"\s+"))
        .collect::<Vec<_>>()
        .join("|")
}

/// Compiles a pattern with ASCII word boundaries: a Unicode `\b` keeps the fast DFA engines from
/// running over text with non-ASCII letters or typographic quotes.
///
/// The lazy DFA's cache is raised from regex's default (2 MiB) to `LAZY_DFA_CACHE`: the speaker
/// patterns (names with Unicode word classes, bounded repeats) have many states, and with the
/// default cache the DFA was cleared and rebuilt over and over — 40% of extraction time went to
/// building states. The cache grows only as states are made.
fn re(pattern: &str) -> Rx {
    let pattern = pattern.replace(r"\b", r"(?-u:\b)");
    let ascii = ascii_word_classes(&pattern);
    let build = |p: &str| {
        regex::RegexBuilder::new(p)
            .dfa_size_limit(LAZY_DFA_CACHE)
            .build()
            .expect("the claim extractor's regexes are fixed at build time and tested")
    };
    let bytes = regex::bytes::RegexBuilder::new(&ascii_classes(&pattern))
        .unicode(false)
        .dfa_size_limit(LAZY_DFA_CACHE)
        .build()
        .expect("the claim extractor's regexes are fixed at build time and tested, also without Unicode");
    Rx {
        ascii: (ascii != pattern).then(|| build(&ascii)),
        unicode: build(&pattern),
        bytes,
    }
}

/// The pattern with the non-ASCII characters of its classes left out (`[^,“”\x22]` → `[^,\x22]`),
/// to be compiled without Unicode and run on ASCII text only, where those characters cannot
/// occur. A class left with no member matches nothing (`[^\x00-\xFF]`), a negated one any byte.
fn ascii_classes(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len());
    let mut depth = 0usize;
    // Where the members of the outermost open class start in `out`.
    let mut members = 0usize;
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                out.push(c);
                if let Some(n) = chars.next() {
                    out.push(n);
                }
            }
            '[' => {
                depth += 1;
                out.push(c);
                if depth == 1 {
                    if chars.peek() == Some(&'^') {
                        chars.next();
                        out.push('^');
                    }
                    members = out.len();
                }
            }
            ']' if depth > 0 => {
                depth -= 1;
                if depth == 0 && out.len() == members {
                    let negated = out.ends_with("[^");
                    out.truncate(members - if negated { 2 } else { 1 });
                    out.push_str(if negated { r"[\x00-\xFF]" } else { r"[^\x00-\xFF]" });
                } else {
                    out.push(c);
                }
            }
            c if depth > 0 && !c.is_ascii() => {}
            _ => out.push(c),
        }
    }
    out
}

/// The pattern with every `\w` (Unicode: hundreds of NFA states per use) made ASCII
/// (`[[:word:]]`, or `[:word:]` inside a class).
fn ascii_word_classes(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 64);
    let mut depth = 0usize;
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('w') if depth > 0 => out.push_str("[:word:]"),
                Some('w') => out.push_str("[[:word:]]"),
                Some(n) => {
                    out.push(c);
                    out.push(n);
                }
                None => out.push(c),
            },
            '[' => {
                depth += 1;
                out.push(c);
            }
            ']' if depth > 0 => {
                depth -= 1;
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// A pattern of the extractor, compiled as written, when it has a `\w` with ASCII `\w`, and
/// without Unicode.
///
/// The Unicode `\w` makes the speaker patterns thousands of NFA states; reading their capture
/// groups then costs the bounded backtracker a cleared visited set of states × span bits per
/// match. On text whose non-ASCII characters are all non-word characters (’ “ ” — …,
/// `dates::ascii_words`), a Unicode and an ASCII `\w` match the same characters (and the
/// patterns' `\b` is ASCII already), so there the ASCII pattern gives the same matches and
/// groups; on any other text the pattern as written runs. Searches without groups (`is_match`,
/// `find`) run on the lazy DFA, whose cost per byte does not depend on the class, so they use the
/// pattern as written and skip the check.
///
/// On ASCII text the groups are read with the pattern compiled without Unicode (`bytes`, its
/// classes' non-ASCII members left out, `ascii_classes`): there `\s`, `\w`, `.`, `(?i)` and every
/// class match the same characters as with Unicode, and each class is one NFA state instead of
/// a UTF-8 automaton (`[^,“”\x22]{1,80}` alone was hundreds of states), so the backtracker's
/// visited set is a fraction of the size. Debug builds check that both give the same groups.
pub(crate) struct Rx {
    unicode: Regex,
    ascii: Option<Regex>,
    bytes: regex::bytes::Regex,
}

/// Whether `haystack` holds one of `words` (lower-case ASCII letters) in any letter case — a
/// test cheaper than a pattern's automaton, for a pattern that cannot match without one of them.
///
/// Exact for `(?i)` patterns: under Unicode simple case folding only the Kelvin sign (K, for
/// `k`) and the long s (ſ, for `s`) are non-ASCII forms of ASCII letters, so on text with a
/// non-ASCII character the test gives way (true) when a word has a `k` or an `s`.
fn holds_word(haystack: &str, words: &[&str]) -> bool {
    let hay = haystack.as_bytes();
    words.iter().any(|w| {
        let w = w.as_bytes();
        if w.iter().any(|&b| b == b'k' || b == b's') && !haystack.is_ascii() {
            return true;
        }
        let Some(&first) = w.first() else {
            return true;
        };
        hay.len() >= w.len()
            && memchr::memchr2_iter(first, first.to_ascii_uppercase(), &hay[..=hay.len() - w.len()])
                .any(|i| hay[i..i + w.len()].eq_ignore_ascii_case(w))
    })
}

/// A plain regex for the rules' statics, with ASCII word boundaries: every `\b` becomes
/// `(?-u:\b)`, as `re` does for the extractor's own patterns. A Unicode `\b` makes the lazy DFA
/// give up on any haystack with a non-ASCII letter (German or French news, names with accents),
/// and the PikeVM that runs instead is many times slower. Only a word boundary beside a
/// non-ASCII letter reads differently.
pub(crate) fn ascii_b(pattern: &str) -> Result<Regex, regex::Error> {
    Regex::new(&pattern.replace(r"\b", r"(?-u:\b)"))
}

/// A pattern of the rules (`regex::Regex`, compiled as written) with the words one of which any
/// match holds: `is_match` runs the automaton only on text holding one (`holds_word`). Worth it
/// where the pattern's lazy DFA would walk a long text and a word is rare (a first letter that
/// memchr seldom stops at). Keep the words in step with the pattern; debug builds check every
/// call.
pub(crate) struct Needs {
    re: Regex,
    words: &'static [&'static str],
}

impl Needs {
    pub fn new(pattern: &str, words: &'static [&'static str]) -> Needs {
        Needs {
            re: ascii_b(pattern).expect("a valid regex: a constant pattern"),
            words,
        }
    }

    pub fn is_match(&self, haystack: &str) -> bool {
        let gate = holds_word(haystack, self.words);
        debug_assert!(
            gate || !self.re.is_match(haystack),
            "{:?} gated off {haystack:?}",
            self.re.as_str()
        );
        gate && self.re.is_match(haystack)
    }
}

/// The groups of one match, as byte ranges of the searched text.
pub(crate) enum Caps<'h> {
    Str(regex::Captures<'h>),
    Bytes(regex::bytes::Captures<'h>),
}

impl Caps<'_> {
    pub fn name(&self, name: &str) -> Option<std::ops::Range<usize>> {
        match self {
            Caps::Str(c) => c.name(name).map(|m| m.range()),
            Caps::Bytes(c) => c.name(name).map(|m| m.range()),
        }
    }

    /// Every group's range, in group order (for the debug check).
    #[cfg(debug_assertions)]
    fn spans(&self) -> Vec<Option<std::ops::Range<usize>>> {
        match self {
            Caps::Str(c) => c.iter().map(|m| m.map(|m| m.range())).collect(),
            Caps::Bytes(c) => c.iter().map(|m| m.map(|m| m.range())).collect(),
        }
    }
}

/// The matches of `Rx::captures_iter`.
pub(crate) enum CapsIter<'r, 'h> {
    Str(regex::CaptureMatches<'r, 'h>),
    Bytes(regex::bytes::CaptureMatches<'r, 'h>),
}

impl<'h> Iterator for CapsIter<'_, 'h> {
    type Item = Caps<'h>;

    fn next(&mut self) -> Option<Caps<'h>> {
        match self {
            CapsIter::Str(i) => i.next().map(Caps::Str),
            CapsIter::Bytes(i) => i.next().map(Caps::Bytes),
        }
    }
}

impl Rx {
    fn on(&self, haystack: &str) -> &Regex {
        match &self.ascii {
            Some(a) if crate::dates::ascii_words(haystack) => a,
            _ => &self.unicode,
        }
    }

    pub fn is_match(&self, haystack: &str) -> bool {
        self.unicode.is_match(haystack)
    }

    pub fn find<'h>(&self, haystack: &'h str) -> Option<regex::Match<'h>> {
        self.unicode.find(haystack)
    }

    pub fn find_iter<'r, 'h>(&'r self, haystack: &'h str) -> regex::Matches<'r, 'h> {
        self.unicode.find_iter(haystack)
    }

    pub fn captures<'h>(&self, haystack: &'h str) -> Option<Caps<'h>> {
        self.captures_at(haystack, 0)
    }

    pub fn captures_at<'h>(&self, haystack: &'h str, start: usize) -> Option<Caps<'h>> {
        let caps = if haystack.is_ascii() {
            self.bytes
                .captures_at(haystack.as_bytes(), start)
                .map(Caps::Bytes)
        } else {
            self.on(haystack).captures_at(haystack, start).map(Caps::Str)
        };
        #[cfg(debug_assertions)]
        {
            let as_written = self.unicode.captures_at(haystack, start).map(Caps::Str);
            debug_assert_eq!(
                caps.as_ref().map(Caps::spans),
                as_written.as_ref().map(Caps::spans),
                "{:?} on {haystack:?}",
                self.unicode.as_str()
            );
        }
        caps
    }

    pub fn captures_iter<'r, 'h>(&'r self, haystack: &'h str) -> CapsIter<'r, 'h> {
        #[cfg(debug_assertions)]
        {
            let spans = |i: CapsIter| i.map(|c| c.spans()).collect::<Vec<_>>();
            debug_assert_eq!(
                spans(self.captures_iter_imp(haystack)),
                spans(CapsIter::Str(self.unicode.captures_iter(haystack))),
                "{:?} on {haystack:?}",
                self.unicode.as_str()
            );
        }
        self.captures_iter_imp(haystack)
    }

    fn captures_iter_imp<'r, 'h>(&'r self, haystack: &'h str) -> CapsIter<'r, 'h> {
        if haystack.is_ascii() {
            CapsIter::Bytes(self.bytes.captures_iter(haystack.as_bytes()))
        } else {
            CapsIter::Str(self.on(haystack).captures_iter(haystack))
        }
    }
}

/// The lazy DFA cache per regex (see `re`).
///
/// Each thread running a regex keeps a cache of its own, for each of a regex's engines, and it
/// grows as new text reaches new states, up to this bound: over a long bulk ingest the caches of
/// the speaker patterns were the part of the memory that kept growing (one reached a 32 MiB
/// table at 40,000 articles stored under `heaptrack`; BENCHMARKS.md, seventh scale session).
/// 8 MiB kept that bound 4× lower at no CPU cost measured on the synthetic corpus; 4 MiB halves it
/// again (BENCHMARKS.md, twelfth scale session).
pub(crate) const LAZY_DFA_CACHE: usize = 4 << 20;

impl Extractor {
    pub fn new(lexicon: &Lexicon) -> Extractor {
        let mut ent_entries: Vec<(String, CaseRule, Ent)> = Vec::new();
        for a in &lexicon.blocked {
            ent_entries.push((a.text.clone(), a.case, Ent::Blocked));
        }
        for (i, p) in lexicon.people.iter().enumerate() {
            for a in &p.aliases {
                ent_entries.push((a.text.clone(), a.case, Ent::Person(i)));
            }
        }
        for (i, c) in lexicon.companies.iter().enumerate() {
            for a in &c.aliases {
                ent_entries.push((a.text.clone(), a.case, Ent::Company(i)));
            }
        }
        for (i, r) in lexicon.recipients.iter().enumerate() {
            for a in &r.phrases {
                ent_entries.push((a.text.clone(), a.case, Ent::Recipient(i)));
            }
        }
        let taxa = Matcher::new(
            lexicon
                .taxonomy
                .iter()
                .flat_map(|(k, ps)| ps.iter().map(move |a| (a.text.clone(), a.case, *k))),
        );

        let empty = Vec::new();
        let cue = |k: &str| lexicon.cues.get(k).unwrap_or(&empty);
        let share_words: HashSet<String> = cue("verb.share").iter().map(|s| s.to_lowercase()).collect();
        // Earlier keys win when a phrase is listed under two keys.
        let order: &[(&str, Option<Cue>)] = &[
            ("neutral", Some(Cue::Neutral)),
            ("block", Some(Cue::Block)),
            ("deny.falsity", Some(Cue::Falsity)),
            ("deny.not_for_sale", Some(Cue::NotForSale)),
            ("deny.contains_no", Some(Cue::ContainsNo)),
            ("deny.control", Some(Cue::Control)),
            ("neg.always", Some(Cue::Neg(NegKind::Always))),
            ("neg.present", Some(Cue::Neg(NegKind::Present))),
            ("neg.past", Some(Cue::Neg(NegKind::Past))),
            ("neg.tensed", Some(Cue::Neg(NegKind::Tensed))),
            ("deny.verb", Some(Cue::DenyVerb)),
            ("verb.give", None),
            ("verb.permit", Some(Cue::Permit)),
            ("verb.share", Some(Cue::Share)),
            ("verb.access", Some(Cue::Access)),
            ("verb.sell", Some(Cue::Sell)),
            ("verb.buy", Some(Cue::Buy)),
            ("verb.collect", Some(Cue::Collect)),
            ("verb.use", Some(Cue::Use)),
            ("hedge", Some(Cue::Hedge)),
            ("clause.break", Some(Cue::Break)),
            ("deny.breach", Some(Cue::Breach(false))),
            ("report.breach", Some(Cue::Breach(false))),
            ("deny.breach_noun", Some(Cue::Breach(true))),
        ];
        let mut cue_entries = Vec::new();
        for (key, kind) in order {
            for p in cue(key) {
                let kind = kind.unwrap_or_else(|| Cue::Give(share_words.contains(&p.to_lowercase())));
                cue_entries.push((p.clone(), CaseRule::Any, kind));
            }
        }

        let holder_nouns = words_alt(cue("holder.noun"));
        let heads = words_alt(cue("epithet.head"));
        let speech = words_alt(cue("speech.verb"));
        let name = r"(?:(?:[Tt]he|[Aa]n?)\s+(?:[\w’'&.-]+\s+){0,3}?[\w’'&.-]+|(?:[A-Z][\w’'&.-]*\s+){0,4}[A-Z][\w’'&.-]*|[Ww]e|[Ii]t|[Hh]e|[Ss]he|[Tt]hey)";
        let appositive = r"(?:,[^,“”\x22]{1,80},|\s+—[^—“”\x22]{1,160}—)?";
        let aux = r"(?:(?:has|have|had|also|then|later|did|does|do|is|was|were|are|will|would|could|can|may|might|reportedly|allegedly|secretly|quietly|never|not|been|routinely|previously|once|still|even|actually|knowingly|illegally|improperly|deliberately|ever|already|at|no|time|itself|themselves|now|often|regularly|systematically|stopped|began|begun|started|continued|continues|ceased|resumed|cannot|can't|won't|don't|doesn't|didn't|isn't|wasn't|aren't|weren't|hasn't|haven't|hadn't|couldn't|wouldn't)\s+){0,5}";
        let rx = Regexes {
            holder_after: re(&format!(
                r"(?i)^(?:['’]s?)?\s+(?:(?:user|account|member|customer|own|personal|private|[0-9][0-9,.]*|million|billion|more\s+than|over|about|nearly|some|up\s+to)\s+){{0,4}}(?:{holder_nouns})\b"
            )),
            holder_before: re(
                r"(?i)(?:\b(?:on|from|off|across|via|inside)|\b(?:users|members|customers|subscribers|accounts|profiles|people|data|information)\s+(?:of|on|at))\s+(?:the\s+)?$",
            ),
            we: re(r"\b(?:[Ww]e|WE)\b"),
            our_subject: re(&format!(
                r"\b[Oo]ur\s+(?:[\w’'-]+\s+){{0,2}}?(?:{heads})\s+{aux}$"
            )),
            pronoun_subject: re(&format!(
                r"(?:\b(?:it|It|they|They)|\b(?:the|The)\s+(?:[\w’'-]+\s+){{0,3}}?(?:{heads}))\s+{aux}$"
            )),
            user_subject: re(&format!(
                r"(?i)\b(?:users?|people|person|customers?|consumers?|subscribers?|members|patients?|you|riders?|drivers|shoppers|viewers|listeners|they|owners|buyers|families|households|visitors|travell?ers|students|children|kids|teens|parents|individuals|residents|taxpayers|filers|accounts?|daughters|sons|girls|boys|teenagers|victims|adults)\s+(?:who\s+|that\s+)?{aux}$"
            )),
            aux_only: re(&format!(r"^\s*{aux}$")),
            anaphor: re(
                r"(?i)\b(?:it|them|this\s+data|that\s+data|such\s+data|the\s+data|this\s+information|that\s+information)\b",
            ),
            // "was shared", "is quietly sold"; also with a negation or an adverb of time between ("were
            // never shared", "is not sold", "wasn't kept", "are still not used"): the subject is
            // what the verb acts on, so the actor comes from the data's holder or the company the
            // sentence is about.
            passive: re(
                r"(?i)\b(?:was|were|been|being|is|are|be|get|got|gets|(?:is|are|was|were)n[’']t)\s+(?:(?:not|never|ever|also|still|only|now|always|\w+ly)\s+){0,2}$",
            ),
            by_agent: re(r"(?i)\bby\s+(?:the\s+)?$"),
            such_as: re(r"(?i)^\s*,?\s*(?:such\s+as|including|like|among\s+them)\b"),
            consent: re(
                r"(?i)\bonly\b[^.;]{0,80}?\b(?:consent|permission|opts?[- ]in|opted[- ]in|agree|authori[sz]|approv|choose|chose|ask\s+(?:us|it|them)|(?:turned|turn|turns|switched|switch|switches)\s+on|enabled?\b|require[sd]?\b|need(?:s|ed)?\s+(?:it|to)\b)|\b(?:limited|restricted)\s+to\s+(?:[\w’'-]+\s+){0,3}?(?:who|whose|that)\s+(?:need|needs|require|requires|jobs?|work)\b|\b(?:gets?|got|obtains?|obtained|asks?\s+for|asked\s+for|seeks?|sought|requires?|required|needs?|needed|(?:had|have|has)\s+to|must)\s+(?:[\w’'-]+\s+){0,3}?(?:consent|permission|opt(?:s|ed)?[- ]in|enrol(?:l|ls|led|s)?|sign\s+up)\b[^.;]{0,60}?\bbefore\b",
            ),
            control_subject: re(
                r"(?i)\b(?:users|people|you|your|members|customers|consumers|subscribers|everyone|individuals|patients|drivers|riders|listeners|viewers|players|owners|account\s+holders|parents)\b",
            ),
            gap_blocker: re(
                r"(?i)\b(?:whether|how|if|why|what|which|when|who|say|said|know|knew|comment|respond|confirm|specify|explain|because|requests?|asked|aware|only|longer|that)\b",
            ),
            deny_blocker: re(r"(?i)\b(?:requests?|application|bid|motion|petition|appeal|permission)\b"),
            attrib_before: re(&format!(
                r"(?P<name>{name}){appositive}\s+(?:has\s+|had\s+|have\s+)?(?:{speech})\b"
            )),
            attrib_after: re(&format!(
                r"(?:[,”\x22]\s*(?:said|says|wrote|writes|added|adds|told)\s+|\baccording\s+to\s+)(?P<name>(?:[Tt]he\s+)?(?:[A-Z][\w’'&.-]*\s+){{0,4}}[A-Z][\w’'&.-]*|(?:an?|the)\s+(?:[\w’'&.-]+\s+){{0,3}}?(?:{heads})(?:\s+(?:for|at)\s+(?:[A-Z][\w’'&.-]*\s*){{1,4}})?)"
            )),
            attrib_noun: re(&format!(
                r"(?:\b(?:testimony|statement|statements|assurances?|pledges?|promises?|remarks|blog\s+post|post|claims?|assertions?|comments?)\b[^.;“”\x22]{{0,60}}?\bby\s+(?P<name>{name})[^.;“”\x22]{{0,60}}?\bthat\b|(?P<name2>{name})['’]s\s+(?:\w+\s+){{0,2}}(?:testimony|statement|assurances?|pledge|promise|claim|assertion)\b[^.;“”\x22]{{0,60}}?\bthat\b)"
            )),
            quote_tail: re(&format!(
                r"^[\s,.;:!?]*(?:(?P<name>{name}){appositive}\s+(?:{speech})\b|(?:said|says|wrote|writes|added|adds)\s+(?P<name2>{name}))"
            )),
            quote_head: re(&format!(
                r"(?P<name>{name}){appositive}\s+(?:has\s+|had\s+)?(?:{speech})\b[^“”\x22]{{0,80}}?[:,]?\s*$"
            )),
            epithet: re(&format!(
                r"^(?:[Tt]he|[Aa]n?)\s+(?:[\w’'-]+\s+){{0,3}}?(?:{heads})$"
            )),
            report_verb: re(&format!("^(?:{})$", REPORT_VERBS.join("|"))),
            object_no: re(
                r"(?i)^\s+(?:(?:it|them|him|her|us|any|users|people)\s+)?(?:no|none\s+of|nothing|nobody|no-one|not\s+(?:even\s+)?(?:a\s+single|one|any))\b",
            ),
            participle_clause: re(r",\s+[a-z]+ing\b"),
            list_before: re(r"(?:,|\b(?:and|or))\s+$"),
            relative_before: re(r"(?i)\b(?:what|whatever)\b[^,;]*$"),
            evidence_after: re(
                r"^\s+(?:(?:that|which)\s+(?:were|was)\s+)?(?:show|shows|showed|shown|reveal|reveals|revealed|suggest|suggests|suggested|indicate|indicates|indicated|(?:seen|reviewed|obtained|cited|viewed|examined|leaked|published|quoted)\s+(?:by|to))\b",
            ),
            evidence_before: re(r"(?i)\baccording\s+to\s+(?:an?\s+|the\s+|its\s+)?(?:[\w-]+\s+){0,2}$"),
            qualified: re(
                r"(?i)\b(?:unless|without|except\s+with|other\s+than\s+with)\s+(?:[\w'’-]+\s+){0,4}?(?:consent|permission|agreement|approval|authori[sz]ation|a\s+warrant|a\s+court\s+order|a\s+subpoena|(?:had\s+|has\s+|have\s+)?(?:decided|chosen|chose|agreed|opted|allowed|asked))|\bagainst\s+(?:[\w'’-]+\s+){0,2}(?:wishes|will)\b|\b(?:that|who|which)\s+(?:we|it|they|the\s+company)\s+(?:had|has|have|did|do|does)\s+not\s+(?:vetted|approved|checked|screened|reviewed|authori[sz]ed|verified|cleared)\b|\bfor\s+(?:any\s+)?(?:commercial|business|marketing|advertising|profit)\s+(?:purposes?|gain|use)\b|\b(?:in\s+exchange\s+for|for)\s+(?:money|cash|payment|a\s+fee)\b|\b(?:beyond|more\s+than|other\s+than)\s+what\b|\bunless\s+(?:[\w'’-]+\s+){0,4}?(?:press(?:es|ed)?|tap(?:s|ped)?|turns?\s+on|turned\s+on|enables?|enabled|activates?|activated|opts?\s+in|opted\s+in|switch(?:es|ed)?\s+on|holds?\s+down|gives?|gave|grants?|granted|says?\s+the\s+wake\s+word)\b",
            ),
            penalty_over: re(
                r"(?i)\b(?:pays?|paid|paying|fined?|fines|settles?|settled|sues?|sued|suing|penalty|penali[sz]ed|probe|investigat\w*|inquiry|lawsuit|charges?|charged|bans?|banned|warns?|warned|warning|scolds?|scolded|rebukes?|rebuked)\b[^;]{0,60}\b(?:over|for)\s+(?:the\s+|its\s+|alleged\s+|illegal\s+|unlawful\s+|['‘’\x22][\w-]+['‘’\x22]\s+|[\w-]+\s+)?$",
            ),
            keep_private: re(
                r"(?i)^\s+(?:[\w’'-]+\s+){0,5}?(?:private|confidential|secure|safe|secret|to\s+(?:itself|themselves|ourselves))\b",
            ),
            pronoun_object: re(r"(?i)^\s+(?:it|them|him|her)\b"),
            possessive_subject: re(r"(?i)\b(?:its|their)\b"),
            epithet_object: re(&format!(
                r"^[^.;,]{{0,40}}?\b(?:to|with)\s+(?:the|that|this|these|those)\s+(?:[\w’'-]+\s+){{0,2}}?(?:{heads})\b"
            )),
            speech_gate: re(&format!(r"(?:{speech})")),
            attrib_after_gate: re(r"said|says|wrote|writes|added|adds|told|according"),
            attrib_noun_gate: re(
                r"testimony|statement|assurance|pledge|promise|remarks|post|claim|assertion|comment",
            ),
        };
        let mut entries_sorted = ent_entries;
        // Blocked phrases first so they win ties with an alias of the same length.
        entries_sorted.sort_by_key(|(_, _, v)| !matches!(v, Ent::Blocked));
        Extractor {
            companies: lexicon.companies.iter().map(|c| c.name.clone()).collect(),
            people: lexicon
                .people
                .iter()
                .map(|p| (p.name.clone(), p.company))
                .collect(),
            recipients: lexicon.recipients.iter().map(|r| r.name.clone()).collect(),
            ents: Matcher::new(entries_sorted),
            taxa,
            cues: Matcher::new(cue_entries),
            re: rx,
        }
    }

    /// All claims in the article's text, in text order.
    pub fn extract(&self, article: &Article) -> Vec<Claim> {
        rules::extract(self, article)
    }
}

#[cfg(test)]
mod rx_tests {
    use super::*;

    fn check(pattern: &str, expected: &str) {
        assert_eq!(ascii_word_classes(pattern), expected, "{pattern}");
    }

    #[test]
    fn word_classes_made_ascii() {
        check(r"\w+ly", r"[[:word:]]+ly");
        check(r"[\w’'&.-]+\s+", r"[[:word:]’'&.-]+\s+");
        check(r"[^,“”\x22]{1,80}\b\\w", r"[^,“”\x22]{1,80}\b\\w");
        check(r"(?i)\bby\s+$", r"(?i)\bby\s+$");
    }

    fn check_holds(text: &str, words: &[&str], expected: bool) {
        assert_eq!(holds_word(text, words), expected, "{text:?} {words:?}");
    }

    #[test]
    fn holds_word_in_any_case() {
        check_holds("strips names BEFORE upload", &["before"], true);
        check_holds("Before that", &["before"], true);
        check_holds("bef ore", &["before"], false);
        check_holds("", &["before"], false);
        check_holds("only", &["nope", "only"], true);
        check_holds("onl", &["only"], false);
        // A word with an s or a k on non-ASCII text: the long s (ſ) folds to s, so the test gives way.
        check_holds("ſolely — ", &["solely"], true);
        check_holds("no such word — here", &["solely"], true);
        check_holds("no such word here", &["solely"], false);
        // What the gate allows, the pattern decides.
        let rx = Regex::new(r"(?i)\bsolely\b").expect("a valid test pattern");
        assert!(rx.is_match("ſolely") && holds_word("ſolely", &["solely"]));
    }

    fn check_ascii(pattern: &str, expected: &str) {
        assert_eq!(ascii_classes(pattern), expected, "{pattern}");
    }

    #[test]
    fn classes_made_ascii() {
        check_ascii(
            r"(?:,[^,“”\x22]{1,80},|\s+—[^—“”\x22]{1,160}—)?",
            r"(?:,[^,\x22]{1,80},|\s+—[^\x22]{1,160}—)?",
        );
        check_ascii(r"[\w’'&.-]+['’]s", r"[\w'&.-]+[']s");
        check_ascii(r"a[’]b[^“”]c", r"a[^\x00-\xFF]b[\x00-\xFF]c");
        check_ascii(r"[[:word:]’]\[’\]", r"[[:word:]]\[’\]");
    }

    #[test]
    fn groups_without_unicode_on_ascii_text() {
        let rx = re(r"(?P<name>(?:[A-Z][\w’'&.-]*\s+){0,4}[A-Z][\w’'&.-]*)(?:,[^,“”\x22]{1,80},)?\s+said\b");
        for (text, name) in [
            (
                "Andy Stone, a spokesman for the company, said on Tuesday",
                Some(0..10),
            ),
            ("The O'Brien Group said so", Some(0..17)),
            ("nobody said it", None),
            ("“No,” Zoë Schiffer said", Some(10..23)), // not ASCII: the Unicode pattern runs
        ] {
            assert_eq!(rx.captures(text).and_then(|c| c.name("name")), name, "{text}");
            let all: Vec<_> = rx.captures_iter(text).map(|c| c.name("name")).collect();
            assert_eq!(all.first().cloned().flatten(), name, "{text}");
        }
    }

    #[test]
    fn both_compilations_agree_where_words_are_ascii() {
        let rx = re(r"(?P<name>(?:[A-Z][\w’'&.-]*\s+){0,4}[A-Z][\w’'&.-]*)\s+said\b");
        let ascii = rx.ascii.as_ref().expect("the pattern has a \\w");
        for text in [
            "Meta’s spokesman Andy Stone said on Tuesday",
            "“No,” the O’Brien Group said — again.",
            "Zoë Schiffer said so", // a non-ASCII letter: the Unicode pattern runs
        ] {
            let names = |r: &Regex| r.captures(text).and_then(|c| c.name("name").map(|m| m.range()));
            if crate::dates::ascii_words(text) {
                assert_eq!(names(ascii), names(&rx.unicode), "{text}");
            } else {
                assert_ne!(names(ascii), names(&rx.unicode), "{text}");
            }
            assert_eq!(rx.captures(text).and_then(|c| c.name("name")), names(&rx.unicode));
        }
    }
}
