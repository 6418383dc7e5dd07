//! Phrase matching: one Aho-Corasick automaton per lexicon (ASCII case-insensitive,
//! leftmost-longest), with whole-word and capitalisation checks applied to each match.
//!
//! The automaton is aho-corasick's DFA, walked by `Matcher::scan` rather than by the crate's
//! `find_iter`: the same transitions and the same leftmost-longest matches, in a loop of about
//! three quarters of the instructions per byte (the crate's generic loop re-reads the haystack
//! bounds at every byte; the scans were a quarter of claim extraction).

use aho_corasick::automaton::Automaton;
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, MatchKind, PatternID, StartKind};

use super::lexicon::CaseRule;

/// A match of a lexicon phrase: byte offsets into the searched text and the phrase's value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Hit<T> {
    pub start: usize,
    pub end: usize,
    pub val: T,
}

struct Pattern<T> {
    text: String,
    case: CaseRule,
    val: T,
    /// Whether the pattern starts / ends with a letter or digit (only then is a word boundary
    /// checked on that side).
    word_start: bool,
    word_end: bool,
}

pub(crate) struct Matcher<T> {
    dfa: DFA,
    /// The DFA's unanchored start state.
    start: aho_corasick::automaton::StateID,
    pats: Vec<Pattern<T>>,
}

impl<T: Copy> Matcher<T> {
    /// Builds from (phrase, case rule, value). A phrase with `'` is also added with `’`. When the
    /// same phrase is given twice, the first value wins.
    pub fn new(entries: impl IntoIterator<Item = (String, CaseRule, T)>) -> Matcher<T> {
        let mut pats: Vec<Pattern<T>> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        let mut push = |text: String, case: CaseRule, val: T| {
            let key = if case == CaseRule::Exact {
                text.clone()
            } else {
                text.to_ascii_lowercase()
            };
            if text.is_empty() || !seen.insert(key) {
                return;
            }
            let word_start = text.chars().next().is_some_and(char::is_alphanumeric);
            let word_end = text.chars().next_back().is_some_and(char::is_alphanumeric);
            pats.push(Pattern {
                text,
                case,
                val,
                word_start,
                word_end,
            });
        };
        for (text, case, val) in entries {
            if text.contains('\'') {
                push(text.replace('\'', "\u{2019}"), case, val);
            }
            push(text, case, val);
        }
        // Only unanchored searches are run: the anchored half of the DFA is not built (half the
        // table to keep in cache). Without a prefilter, only dead and match states are special
        // (`scan` relies on it).
        let dfa = DFA::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Unanchored)
            .prefilter(false)
            .build(pats.iter().map(|p| p.text.as_bytes()))
            .expect("an Aho-Corasick automaton builds from a few thousand short literal phrases");
        let start = dfa
            .start_state(Anchored::No)
            .expect("the DFA is built for unanchored searches");
        Matcher { dfa, start, pats }
    }

    /// The leftmost-longest matches in `text[start..end]`, in order, not overlapping, as
    /// (start, end, pattern): what `find_iter` of the crate gives on this DFA. From each position,
    /// the DFA runs until its dead state; the last match state seen gives the match (the longest
    /// among those starting leftmost), and the next search starts at its end.
    fn scan(&self, text: &[u8], start: usize, end: usize, mut each: impl FnMut(usize, usize, PatternID)) {
        let dfa = &self.dfa;
        let mut pos = start;
        while pos < end {
            let mut sid = self.start;
            let mut found: Option<(usize, PatternID)> = None;
            for (i, &b) in text[pos..end].iter().enumerate() {
                sid = dfa.next_state(Anchored::No, sid, b);
                if dfa.is_special(sid) {
                    if dfa.is_dead(sid) {
                        break;
                    }
                    found = Some((pos + i + 1, dfa.match_pattern(sid, 0)));
                }
            }
            let Some((e, pid)) = found else { break };
            // Patterns are never empty, so the next search starts past this one.
            each(e - dfa.pattern_len(pid), e, pid);
            pos = e;
        }
    }

    /// All accepted matches in `text`, in order, not overlapping.
    pub fn find(&self, text: &str) -> Vec<Hit<T>> {
        let mut out = Vec::new();
        self.find_in(text, 0, text.len(), &mut out);
        out
    }

    /// Appends the accepted matches inside `text[start..end]` (byte offsets into `text`; word
    /// boundaries are checked against the whole text).
    pub fn find_in(&self, text: &str, start: usize, end: usize, out: &mut Vec<Hit<T>>) {
        #[cfg(debug_assertions)]
        {
            let mut mine = Vec::new();
            self.scan(text.as_bytes(), start, end, |s, e, p| mine.push((s, e, p)));
            let input = aho_corasick::Input::new(text.as_bytes()).range(start..end);
            let theirs: Vec<_> = self
                .dfa
                .try_find_iter(input)
                .expect("an unanchored search of an unanchored DFA")
                .map(|m| (m.start(), m.end(), m.pattern()))
                .collect();
            debug_assert_eq!(mine, theirs, "{:?}", &text[start..end]);
        }
        self.scan(text.as_bytes(), start, end, |s, e, pid| {
            let p = &self.pats[pid.as_usize()];
            if p.word_start && text[..s].chars().next_back().is_some_and(is_word_char) {
                return;
            }
            if p.word_end && text[e..].chars().next().is_some_and(is_word_char) {
                return;
            }
            let ok = match p.case {
                CaseRule::Any => true,
                CaseRule::Exact => text[s..e] == p.text,
                CaseRule::CapFirst => text[s..e].chars().next().is_some_and(|c| !c.is_lowercase()),
            };
            // A one- or two-letter name is not part of a hyphenated word ("X-ray").
            let short = p.text.chars().count() <= 2;
            let hyphen = |c: Option<char>| c.is_some_and(|c| c == '-' || c == '‐');
            if short && (hyphen(text[..s].chars().next_back()) || hyphen(text[e..].chars().next())) {
                return;
            }
            if ok {
                out.push(Hit {
                    start: s,
                    end: e,
                    val: p.val,
                });
            }
        });
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The hits lying inside `[start, end)`, from a list sorted by start.
pub(crate) fn within<T>(hits: &[Hit<T>], start: usize, end: usize) -> &[Hit<T>] {
    let a = hits.partition_point(|h| h.start < start);
    // Hits do not overlap, so their ends are sorted too.
    let b = hits.partition_point(|h| h.end <= end).max(a);
    &hits[a..b]
}
