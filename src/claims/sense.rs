//! Whether an ordinary word found as a data-type phrase is read in its personal-data sense.
//!
//! Many phrases of the taxonomy are everyday words first: a newsletter's "email", the
//! "messages" a car's dashboard shows, a chain's "locations", a mining company's "geophysical
//! data", "images of cargo", "lower-income consumers". Those listed in `data/senses.tsv` give a
//! data type only where the sentence reads them as someone's data (`personal_sense`):
//! - someone owns it, right before it: a possessive ("your email", "his health problems",
//!   "users' photos", "Facebook's users' messages") or a people word used as a modifier
//!   ("customer locations", "patient records", "personal data");
//! - someone owns it, right after it: "data on 87 million users", "photos of children",
//!   "messages from their customers";
//! - the sentence speaks of people whose data it could be (users, customers, patients,
//!   consumers, children, ...), of privacy ("personal", "private", "consent", "surveillance"),
//!   or names a company as the data's holder ("Facebook users", "on Instagram");
//! - a verb that gathers or trades data governs the sentence (collect, harvest, track, sell,
//!   buy: the `verb.collect`, `verb.sell` and `verb.buy` cues), or the sentence denies a
//!   practice (a negation, deny or falsity cue: "does not scan photos", "never used the data").
//!
//! There, a listed phrase inside a hyphenated compound ("lower-income", "data-driven",
//! "location-based") is a modifier, never data. An article about people's data (a privacy
//! word anywhere, or a data phrase that is not an ordinary word) reads its ordinary words as
//! data: "the data", "its posts" refer back to what it is about. Pure.

use std::collections::HashSet;
use std::sync::{LazyLock, OnceLock};

use regex::Regex;

use super::matcher::{within, Hit};
use super::{Cue, Ent};
use crate::model::DataType;

const BUILTIN_SENSES: &str = include_str!("../../data/senses.tsv");

/// The phrases of `data/senses.tsv`, lower-cased, with `’` as `'`.
fn weak_phrases() -> &'static HashSet<String> {
    static SET: OnceLock<HashSet<String>> = OnceLock::new();
    SET.get_or_init(|| {
        BUILTIN_SENSES
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(normalise)
            .collect()
    })
}

fn normalise(phrase: &str) -> String {
    phrase
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
        .replace('’', "'")
}

/// People whose data a practice is about; as a word of the sentence or a modifier of the data.
const PEOPLE: &str = r"users?|customers?|consumers?|subscribers?|patients?|people|persons?|individuals|children|child|kids|teens|teenagers|minors|students|employees|drivers?|riders?|owners?|shoppers?|visitors?|listeners?|viewers?|citizens|residents|voters|clients|account\s+holders|borrowers|taxpayers|filers|travell?ers|guests|buyers|tenants|followers";

/// Owners besides `PEOPLE`, right before or after the phrase only: "members" alone is often a
/// body's ("House members").
const MEMBERS: &str = r"members|member|players|player";

/// Words of privacy that make a listed phrase personal wherever they are in the sentence.
const PRIVACY: &str = r"personal|personally|private|privacy|sensitive|intimate|confidential|consent|surveillance|identifiable|identifying|without\s+(?:their|his|her|your)\s+knowledge";

/// In the sentence: people, or a privacy word.
static SENTENCE_ANCHOR: LazyLock<Regex> = LazyLock::new(|| {
    super::ascii_b(&format!(r"(?i)(?-u:\b)(?:{PEOPLE}|{PRIVACY})(?-u:\b)"))
        .expect("a valid regex: a constant pattern")
});

/// Right before the phrase (at most two modifiers between): an owner.
static OWNER_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    super::ascii_b(&format!(
        r"(?i)(?:(?-u:\b)(?:your|their|his|her|my|{PEOPLE}|{MEMBERS}|{PRIVACY})|\w['’]s|\ws['’])\s+(?:[\w-]+\s+){{0,2}}$"
    ))
    .expect("a valid regex: a constant pattern")
});

/// Right after the phrase: of, about, on or from an owner.
static OWNER_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    super::ascii_b(&format!(
        r"(?i)^\s+(?:of|about|on|from|belonging\s+to|for)\s+(?:[\w’'-]+\s+){{0,3}}?(?:{PEOPLE}|{MEMBERS}|them|him|her|you|us)(?-u:\b)"
    ))
    .expect("a valid regex: a constant pattern")
});

/// Drops (sets to `None`) each listed phrase in `taxa` that its sentence does not read as
/// someone's data (see the module doc). `sentences` are the sentences the phrases were found
/// in; `holders` is parallel to `ents`.
pub(crate) fn personal_sense(
    text: &str,
    sentences: &[(usize, usize)],
    taxa: &mut [Hit<Option<DataType>>],
    cues: &[Hit<Cue>],
    ents: &[Hit<Ent>],
    holders: &[bool],
) {
    let weak = weak_phrases();
    let is_weak = |t: &Hit<Option<DataType>>| weak.contains(&normalise(&text[t.start..t.end]));
    if !taxa.iter().any(|t| t.val.is_some() && is_weak(t)) {
        return;
    }
    let mut reader = Reader {
        text,
        sentences,
        cues,
        ents,
        holders,
        anchored: vec![None; sentences.len()],
    };
    // An article about people's data reads its ordinary words so ("the data", "its posts"):
    // it uses a privacy word, or a phrase that is not an ordinary word in a sentence that
    // reads it as someone's data.
    let about_data = ARTICLE_ANCHOR.is_match(text)
        || taxa
            .iter()
            .any(|t| t.val.is_some() && !is_weak(t) && reader.reads_personal(t.start, t.end));
    for t in taxa.iter_mut() {
        if t.val.is_none() || !is_weak(t) {
            continue;
        }
        let read =
            about_data || (!in_compound(text, t.start, t.end) && reader.reads_personal(t.start, t.end));
        if !read {
            t.val = None;
        }
    }
}

/// What `personal_sense` reads of one article's sentences.
struct Reader<'a> {
    text: &'a str,
    sentences: &'a [(usize, usize)],
    cues: &'a [Hit<Cue>],
    ents: &'a [Hit<Ent>],
    holders: &'a [bool],
    /// Per sentence, once computed: whether it speaks of people, privacy, a gathering or
    /// trading verb, or a company as the data's holder.
    anchored: Vec<Option<bool>>,
}

impl Reader<'_> {
    /// Whether the sentence holding `[start, end)` reads the phrase there as someone's data.
    fn reads_personal(&mut self, start: usize, end: usize) -> bool {
        let text = self.text;
        let si = self.sentences.partition_point(|&(_, e)| e <= start);
        let Some(&(ss, se)) = self.sentences.get(si).filter(|(s, _)| *s <= start) else {
            return true;
        };
        let (cues, ents, holders) = (self.cues, self.ents, self.holders);
        let sentence = *self.anchored[si].get_or_insert_with(|| {
            SENTENCE_ANCHOR.is_match(&text[ss..se])
                || within(cues, ss, se).iter().any(|c| {
                    matches!(
                        c.val,
                        Cue::Collect
                            | Cue::Sell
                            | Cue::Buy
                            | Cue::Neg(_)
                            | Cue::DenyVerb
                            | Cue::Falsity
                            | Cue::Control
                            | Cue::NotForSale
                            | Cue::ContainsNo
                    )
                })
                || ents
                    .iter()
                    .zip(holders)
                    .any(|(h, &holder)| holder && h.start >= ss && h.end <= se)
        });
        sentence || OWNER_BEFORE.is_match(&text[ss..start]) || OWNER_AFTER.is_match(&text[end..se])
    }
}

/// Words that show an article is about people's data wherever they are in it.
static ARTICLE_ANCHOR: LazyLock<Regex> = LazyLock::new(|| {
    super::ascii_b(
        r"(?i)(?-u:\b)(?:privacy|personal\s+(?:data|information|details)|user\s+data|surveillance|data\s+protection|GDPR|CCPA|COPPA|HIPAA|data\s+brokers?|data\s+breach(?:es)?)(?-u:\b)",
    )
    .expect("a valid regex: a constant pattern")
});

/// Whether the phrase at `[start, end)` is a part of a hyphenated word ("lower-income").
fn in_compound(text: &str, start: usize, end: usize) -> bool {
    text[..start].ends_with('-') || text[end..].starts_with('-')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs the sense check on the one sentence `text` whose only data phrase is `phrase`,
    /// with `cue` (a verb's cue and the verb) when given.
    fn check(text: &str, phrase: &str, cue: Option<(&str, Cue)>, kept: bool) {
        let start = text.find(phrase).expect("the phrase is in the sentence");
        let mut taxa = vec![Hit {
            start,
            end: start + phrase.len(),
            val: Some(DataType::PersonalData),
        }];
        let cues: Vec<Hit<Cue>> = cue
            .map(|(verb, val)| {
                let s = text.find(verb).expect("the verb is in the sentence");
                Hit {
                    start: s,
                    end: s + verb.len(),
                    val,
                }
            })
            .into_iter()
            .collect();
        personal_sense(text, &[(0, text.len())], &mut taxa, &cues, &[], &[]);
        assert_eq!(taxa[0].val.is_some(), kept, "{text} / {phrase}");
    }

    #[test]
    fn ordinary_words_without_an_owner_are_not_data() {
        check(
            "Subscribe and we will send an email every Friday with the week's best recipes.",
            "email",
            Some(("send", Cue::Share)),
            false,
        );
        check(
            "The dashboard shows messages from the parking sensors in amber.",
            "messages",
            Some(("shows", Cue::Share)),
            false,
        );
        check(
            "The grocer says it will open twelve more locations next spring.",
            "locations",
            None,
            false,
        );
        check(
            "The miner shared seismic data from its northern tenement with investors.",
            "data",
            Some(("shared", Cue::Share)),
            false,
        );
        check(
            "The gallery will use images of old harbour cranes in its autumn show.",
            "images",
            Some(("use", Cue::Use)),
            false,
        );
        check(
            "The clinic said it needed lower-income families to know about the grants.",
            "income",
            None,
            false,
        );
    }

    #[test]
    fn an_owner_or_a_gathering_verb_makes_them_data() {
        check(
            "The app read your email without asking.",
            "email",
            Some(("read", Cue::Access)),
            true,
        );
        check(
            "The retailer handed shopper locations to a marketing firm.",
            "locations",
            Some(("handed", Cue::Share)),
            true,
        );
        check(
            "The broker shared data on millions of drivers with insurers.",
            "data",
            Some(("shared", Cue::Share)),
            true,
        );
        check(
            "The firm shared photos of children with a research lab.",
            "photos",
            Some(("shared", Cue::Share)),
            true,
        );
        check(
            "The tracker company sold the data to hedge funds.",
            "data",
            Some(("sold", Cue::Sell)),
            true,
        );
        check(
            "Investigators found the platform had kept private messages for years.",
            "messages",
            None,
            true,
        );
        check(
            "The insurer passed Maria's prescriptions to an analytics vendor.",
            "prescriptions",
            Some(("passed", Cue::Share)),
            true,
        );
    }

    #[test]
    fn phrases_not_listed_are_left_alone() {
        check(
            "The dealer shared location history with a data broker.",
            "location history",
            Some(("shared", Cue::Share)),
            true,
        );
    }
}
