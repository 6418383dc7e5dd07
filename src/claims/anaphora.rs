//! Data named by a pronoun: "We do not sell them" after a sentence about the recordings, "sold
//! it to brokers" after one about location data, "None of them were shared". A sentence whose
//! practice verb has a pronoun as its object (or, for a passive, as its subject) and that names
//! no data itself takes the kinds of the data named last before it in the same paragraph, at
//! most two sentences back, when that antecedent is unambiguous: the pronoun's number fits it
//! ("them" a plural phrase or a list, "it" one singular or mass phrase) and nothing between could
//! be what the pronoun stands for (for "it" a name, a product, a feature, a policy, a
//! settlement; for "them" people or companies). The pronoun then counts as a data phrase of the
//! antecedent's kinds (a hit added to the article's data-type hits), so the rules read the
//! sentence as if the data were named there.

use std::sync::LazyLock;

use regex::Regex;

use super::matcher::{within, Hit};
use super::rules::is_list_gap;
use super::Cue;
use crate::model::DataType;

/// Right after a practice verb: a pronoun as its object, perhaps after a quantifier ("any of
/// it", "none of them"). Group 1 is the pronoun.
static OBJECT: LazyLock<Regex> = LazyLock::new(|| {
    super::ascii_b(
        r"(?i)^\s+(?:(?:any|all|none|some|most|much|each|part|either|neither)\s+of\s+)?(it|them|those|these)\b",
    )
    .expect("a valid regex: a constant pattern")
});

/// Right before a practice verb in the passive: a plural pronoun as its subject ("they are never
/// sold", "none of them were shared", "those have not been kept"). Group 1 is the pronoun.
static PASSIVE_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    super::ascii_b(
        r"(?i)(?:^|[^\w’'])(?:(?:any|all|none|some|most|each|either|neither)\s+of\s+)?(they|them|those|these)\s+(?:(?:have|has|had|will|would|could|can|may|might|must|should|not|never|ever|also|still|only|\w+ly|n[’']t)\s+){0,3}(?:are|were|is|was|be|been|being|get|got)\s+(?:(?:not|never|ever|also|still|only|\w+ly|n[’']t)\s+){0,2}$",
    )
    .expect("a valid regex: a constant pattern")
});

/// Words that may follow a bare pronoun object: a preposition, a particle, a conjunction, an
/// adverb, or nothing (punctuation). "those companies" is no pronoun.
const AFTER_PRONOUN: &[&str] = &[
    "to",
    "with",
    "from",
    "over",
    "on",
    "out",
    "away",
    "for",
    "in",
    "at",
    "and",
    "or",
    "but",
    "without",
    "unless",
    "until",
    "because",
    "anywhere",
    "again",
    "either",
    "ever",
    "now",
    "then",
    "back",
    "off",
    "only",
    "elsewhere",
    "outside",
    "beyond",
    "by",
    "through",
    "via",
    "into",
    "after",
    "before",
    "when",
    "once",
    "so",
    "as",
    "ourselves",
    "themselves",
    "itself",
    "here",
    "since",
    "yet",
    "anymore",
    "there",
    "further",
    "either",
    "too",
    "also",
    "directly",
];

/// Verbs whose pronoun object is people, not data ("track them", "let them", "told them").
const PEOPLE_VERB: &[&str] = &[
    "track", "follow", "monitor", "target", "identify", "locate", "watch", "contact", "reach", "notify",
    "tell", "inform", "ask", "serve", "show", "let", "allow", "spy", "profile", "pay", "help", "protect",
];

/// Between the antecedent and "it": a thing "it" may stand for instead of the data.
static THING_BETWEEN: LazyLock<Regex> = LazyLock::new(|| {
    super::ascii_b(
        r"(?i)\b(?:app|application|service|feature|product|device|tool|program|programme|system|software|platform|policy|settlement|deal|agreement|site|website|camera|phone|speaker|assistant|toy|doll|company|firm|business|agency|regulator|court|law|rule|report|study|suit|lawsuit|case|setting|option|technology|practice|change|update|plan|bug|flaw|network|database|server|account|browser|extension|model|chatbot|project|contract|order|fine|investigation|inquiry|complaint|breach|hack|attack|incident|problem|issue|error|code|file|list|version|test|trial|partnership|unit|subsidiary|team|division)\b",
    )
    .expect("a valid regex: a constant pattern")
});

/// A determined plural noun ("the body scans", "its files", "those reports"): a nearer plural
/// that "they" or "them" may stand for.
static PLURAL_NOUN: LazyLock<Regex> = LazyLock::new(|| {
    super::ascii_b(
        r"(?i)\b(?:the|these|those|its|their|our|his|her|such|all|some|many|other)\s+(?:[\w’'-]+\s+){0,2}?[\w’'-]*[^s\s’'\W]s\b",
    )
    .expect("a valid regex: a constant pattern")
});

/// Right after a data phrase: its own post-modifier, an owner or a source ("of its users", "from
/// customers' phones"), up to four words.
static OWN_MODIFIER: LazyLock<Regex> = LazyLock::new(|| {
    super::ascii_b(r"^\s+(?:of|from|about|belonging\s+to)(?:\s+[\w’'-]+){1,4}")
        .expect("a valid regex: a constant pattern")
});

/// A verb of saying: the stretch holding it is an attribution.
static SAYING: LazyLock<Regex> = LazyLock::new(|| {
    super::ascii_b(
        r"(?i)\b(?:said|says|say|told|tells|wrote|writes|added|adds|explained|according|stated|insisted)\b",
    )
    .expect("a valid regex: a constant pattern")
});

/// Between the antecedent and "them": people or organisations "them" may stand for instead.
static PEOPLE_BETWEEN: LazyLock<Regex> = LazyLock::new(|| {
    super::ascii_b(
        r"(?i)\b(?:users|customers|consumers|people|members|subscribers|children|kids|parents|families|patients|employees|staff|workers|contractors|reviewers|researchers|journalists|reporters|police|officers|investigators|agencies|authorities|regulators|companies|firms|partners|advertisers|brokers|developers|publishers|apps|devices|products|services|tools|features|settings|owners|drivers|riders|students|teachers|visitors|guests|hackers|attackers|intruders|criminals|scammers|buyers|sellers|vendors|suppliers|clients|lawmakers|senators|officials|critics|groups|others|ones|which|who|whom)\b",
    )
    .expect("a valid regex: a constant pattern")
});

/// One pronoun read as data: the added hit's start and its antecedent's start (a hit of `taxa`).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Resolved {
    pub at: usize,
    pub antecedent: usize,
}

/// Adds to `taxa` (kept in order of start) a hit per antecedent kind at each pronoun read as
/// data (see the module doc), and returns where. `sentences` are the sentences of the lines
/// holding practice verbs, in text order.
pub(crate) fn resolve(
    text: &str,
    sentences: &[(usize, usize)],
    cues: &[Hit<Cue>],
    taxa: &mut Vec<Hit<Option<DataType>>>,
) -> Vec<Resolved> {
    let mut added: Vec<(Hit<Option<DataType>>, usize)> = Vec::new();
    for (si, &(ss, se)) in sentences.iter().enumerate() {
        if si == 0 || within(taxa, ss, se).iter().any(|t| t.val.is_some()) {
            continue;
        }
        for c in within(cues, ss, se) {
            if !matches!(
                c.val,
                Cue::Share | Cue::Give(_) | Cue::Access | Cue::Sell | Cue::Buy | Cue::Collect | Cue::Use
            ) {
                continue;
            }
            let verb = text[c.start..c.end].to_ascii_lowercase();
            let first = verb.split_whitespace().next().unwrap_or("");
            if PEOPLE_VERB.iter().any(|p| first.starts_with(p)) {
                continue;
            }
            let Some((ps, pe)) = pronoun_of(text, c.start, c.end, ss, se) else {
                continue;
            };
            let plural = !text[ps..pe].eq_ignore_ascii_case("it");
            let Some((kinds, ante)) = antecedent(text, sentences, si, taxa, ps, plural) else {
                continue;
            };
            for d in kinds {
                added.push((
                    Hit {
                        start: ps,
                        end: pe,
                        val: Some(d),
                    },
                    ante,
                ));
            }
        }
    }
    let mut out = Vec::with_capacity(added.len());
    for (h, ante) in added {
        if out.iter().any(|r: &Resolved| r.at == h.start)
            && taxa.iter().any(|t| t.start == h.start && t.val == h.val)
        {
            continue;
        }
        let at = taxa.partition_point(|t| t.start <= h.start);
        out.push(Resolved {
            at: h.start,
            antecedent: ante,
        });
        taxa.insert(at, h);
    }
    out
}

/// Drops the pronoun hits whose antecedent a later step no longer reads as data (`sense.rs`).
pub(crate) fn confirm(resolved: &[Resolved], taxa: &mut [Hit<Option<DataType>>]) {
    for r in resolved {
        let alive = taxa
            .iter()
            .any(|t| t.start == r.antecedent && t.val.is_some() && t.start != r.at);
        if !alive {
            for t in taxa.iter_mut().filter(|t| t.start == r.at) {
                t.val = None;
            }
        }
    }
}

/// The pronoun that is the data of the verb at `[vs, ve)`: its object right after it, or the
/// plural subject of its passive right before it.
fn pronoun_of(text: &str, vs: usize, ve: usize, ss: usize, se: usize) -> Option<(usize, usize)> {
    if let Some(c) = OBJECT.captures(&text[ve..se]) {
        let g = c.get(1).expect("group 1 always takes part in a match");
        let next = text[ve + g.end()..se]
            .split(|ch: char| !ch.is_alphanumeric() && ch != '\'' && ch != '’')
            .find(|w| !w.is_empty());
        let rest = &text[ve + g.end()..se];
        let punct = rest.trim_start().starts_with(|ch: char| !ch.is_alphanumeric());
        let ok = punct
            || rest.trim().is_empty()
            || next.is_some_and(|w| AFTER_PRONOUN.contains(&w.to_ascii_lowercase().as_str()));
        return ok.then(|| (ve + g.start(), ve + g.end()));
    }
    let verb = text[vs..ve].to_ascii_lowercase();
    let first = verb.split_whitespace().next().unwrap_or("");
    let participle = first.ends_with("ed")
        || [
            "sold", "kept", "held", "read", "sent", "taken", "bought", "seen", "given",
        ]
        .contains(&first);
    if !participle {
        return None;
    }
    let c = PASSIVE_SUBJECT.captures(&text[ss..vs])?;
    let g = c.get(1).expect("group 1 always takes part in a match");
    Some((ss + g.start(), ss + g.end()))
}

/// The kinds a pronoun at `pos` of sentence `si` stands for, and the start of the phrase that
/// names them: the last group of data phrases in the nearest sentence before it (at most two
/// back, same line) that names data; `None` when the pronoun's number does not fit or something
/// between could be what the pronoun stands for.
fn antecedent(
    text: &str,
    sentences: &[(usize, usize)],
    si: usize,
    taxa: &[Hit<Option<DataType>>],
    pos: usize,
    plural: bool,
) -> Option<(Vec<DataType>, usize)> {
    let mut k = si;
    for _ in 0..2 {
        if k == 0 {
            return None;
        }
        // A paragraph break between: another topic.
        if text[sentences[k - 1].1..sentences[k].0].contains('\n') {
            return None;
        }
        k -= 1;
        let (ks, ke) = sentences[k];
        let hits: Vec<&Hit<Option<DataType>>> =
            within(taxa, ks, ke).iter().filter(|t| t.val.is_some()).collect();
        let Some(&last) = hits.last() else {
            continue;
        };
        // The list the last phrase ends.
        let mut group = vec![last];
        for h in hits.iter().rev().skip(1) {
            let head = group.last().expect("the group is never empty");
            if h.end > head.start || !is_list_gap(&text[h.end..head.start]) {
                break;
            }
            group.push(h);
        }
        let phrase = text[last.start..last.end].to_ascii_lowercase();
        let word = phrase.rsplit(' ').next().unwrap_or("");
        let plural_phrase = word.ends_with('s') && !word.ends_with("ss");
        if plural != (group.len() > 1 || plural_phrase) {
            return None;
        }
        // Attributions between ("the company said", "said Jane Doe, its spokeswoman") name no
        // referent: the stretches between punctuation that hold a verb of saying are skipped.
        // The antecedent's own post-modifier ("the recordings of its users") is part of it.
        let from = last.end + OWN_MODIFIER.find(&text[last.end..pos]).map_or(0, |m| m.end());
        let between = text[from..pos]
            .split([',', '.', ';', ':', '"', '“', '”'])
            .filter(|part| !SAYING.is_match(part))
            .collect::<Vec<_>>()
            .join(",");
        let blocked = if plural {
            PEOPLE_BETWEEN.is_match(&between) || PLURAL_NOUN.is_match(&between)
        } else {
            THING_BETWEEN.is_match(&between) || has_name(&between)
        };
        if blocked {
            return None;
        }
        let mut kinds: Vec<DataType> = Vec::new();
        for h in group.iter().rev() {
            let d = h.val.expect("only data phrases are in the group");
            if d != DataType::PersonalData && !kinds.contains(&d) {
                kinds.push(d);
            }
        }
        if kinds.is_empty() {
            kinds.push(DataType::PersonalData);
        }
        let start = group.last().expect("the group is never empty").start;
        return Some((kinds, start));
    }
    None
}

/// Whether `s` holds a capitalised word that does not open a sentence (a name: a company, a
/// product, a person), other than "I".
fn has_name(s: &str) -> bool {
    let mut prev_end = false;
    for w in s.split_whitespace() {
        let opens = prev_end || w.starts_with(['"', '“', '‘', '(']);
        let w2 = w.trim_start_matches(|c: char| !c.is_alphanumeric());
        if !opens && w2.starts_with(|c: char| c.is_uppercase()) && w2 != "I" && !w2.starts_with("I’") {
            return true;
        }
        prev_end = w.ends_with(['.', '!', '?', ':', ',']) || w.ends_with(".\"") || w.ends_with(".”");
    }
    false
}
