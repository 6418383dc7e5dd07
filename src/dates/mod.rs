//! Dates: parsing the dates users and inputs give, and resolving the time expressions of news
//! text ("Dec. 18", "in April", "beginning in 2013") against an article's date. Pure: no I/O, no
//! clock.
//!
//! # How `resolve` reads a sentence
//!
//! **Expressions.** Each is resolved to a first and a last date, with the precision the text
//! gives:
//!
//! | text | resolves to |
//! | --- | --- |
//! | `2014`, `mid-2015` | the year; only 4-digit numbers 1990..=2100 standing alone: not `2,000`, `10,000`, `$2014`, `2010s`, `2014%`, nor a year naming an event (`2016 election`, `campaign`) |
//! | `April 2018`, `April of 2018` | the month |
//! | `April 10, 2018`, `18 December 2018`, `2014-03-05` | the day |
//! | `April 10`, `Dec. 18`, `Dec 18`, `December 18th`, `18 December` | the latest such day not after the article date |
//! | `in April`, `since April`, `last April`, `in early April` (a month name after a preposition; abbreviations only with their period) | the latest such month not after the article date (December 2018 article: 2018-04; February 2019 article: 2018-04) |
//! | `summer of 2017`, `spring 2016` | the season's months: spring Mar–May, summer Jun–Aug, fall Sep–Nov, winter Dec–Feb starting in that year |
//! | `this year`, `earlier this year`, `later this year` / `last year`, `a year ago`, `three years ago` | the article's year / that many years back |
//! | `this month`, `earlier this month` / `last month`, `two months ago` | the article's month / that many months back |
//! | `this week` / `last week` | Monday of the article's week to the article date / the Monday-to-Sunday week before (days) |
//! | `yesterday`, `today`, `on Monday` | that day (a weekday: the latest one not after the article date) |
//! | `this summer` / `last summer` | the season of the article's year / the latest one over by the article date |
//! | `over the summer`, `during the winter`, `in the spring` (no year after) | the latest such season begun by the article date |
//! | `the past two years`, `the last six months`, `the past year` | a range from that year (month) to the article date |
//! | `for years`, `for decades`, `recently`, `until recently`, `in recent years`, `in the past` | ongoing up to the article date: an end only (the article's year for `for years`, the article day otherwise), used when no other end is given |
//!
//! Relative expressions and month/day without year need the article date; without one they
//! resolve to nothing (absolute years, months and days still resolve).
//!
//! **Ranges.** `between X and Y`, `from X to|until|through Y`, `X–Y` and `2010-2018` / `2010-18`
//! give start X and end Y. A yearless end takes its year from the other end ("from April to June
//! 2018" → 2018-04..2018-06).
//!
//! **What the words before an expression make of it** (prepositions and qualifiers such as
//! `in`, `early`, `the end of` skipped):
//!
//! | words before | effect |
//! | --- | --- |
//! | `since`, `starting`, `beginning`, `began`, `as early as`, `dating back to` | start; end left open |
//! | `no longer` / `not` / `n't` / `never` / `stopped` … `since` | end ("hasn't offered it since 2015" → end 2015) |
//! | `until`, `till`, `through`, `up to`, `as recently as`, `as late as`, `into` | end |
//! | `before` / `prior to` | end = one step (year, month or day) earlier |
//! | `after` | start = one step later; end left open |
//! | a start verb (`began`, `started`, `launched`, `introduced`, `rolled out`) up to 60 characters before, in the same clause | start; end left open |
//! | an end verb (`ended`, `stopped`, `halted`, `ceased`, `discontinued`, `shut … down`, `wound down`, `phased out`, `cut off`, `terminated`, `scrapped`, `abandoned`), same window; not `ended up` | end (the nearer of a start and an end verb wins) |
//! | anything else | a point: the practice happened then |
//!
//! **Statement dates.** A point is the date of a statement (`stated_on`), not of the practice,
//! when a speech-act word is attached to it:
//! - before it, within five content words of the same clause: testimony/testified, told, said,
//!   wrote, post, blog, statement, interview, hearing, letter, remarks, announcement, pledged,
//!   promised, insisted, assured, claimed, reported, report, story, … ("testified in April",
//!   "told lawmakers last year", "said in a statement in March"). The search stops at a comma,
//!   quote or dash, at a word opening a clause (`that`, `it`, `which`, `and`, …), at a practice
//!   verb (`gave`, `sold`, `shared`, any other word ending in `-ed`): "said it ended the option
//!   in 2015" dates the ending, not the saying;
//! - right after it (two words): a speech noun ("a 2014 blog post", "a Dec. 18 story");
//! - or the date opens the sentence and, after its comma, a speech verb follows within five
//!   words ("In April, the founder told senators …").
//!
//! The first statement date found is `stated_on`; a span (`last week`) is reduced to the month
//! or year both ends share.
//!
//! **Combining.** `period_start` is the earliest start (points and explicit starts).
//! `period_end` is the latest explicit end (`until`, an end verb, a range end); else the latest
//! "ongoing" end (`for years`, `recently`); else none if a start was open (`since`); else the
//! latest point. Years after the article's year are kept ("by 2030" is a plan).

use std::sync::LazyLock;

use chrono::{DateTime, Datelike, Days, NaiveDate, NaiveDateTime, Weekday};
use regex::Regex;

use crate::model::{PartialDate, Precision};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown date format {0:?} (expected YYYY-MM-DD or an RFC 3339 date-time)")]
pub struct DateError(pub String);

/// Parses a publication date as inputs give it: `2018-12-19`, RFC 3339 (`2018-12-19T08:00:00Z`),
/// news-please's `2018-12-19 08:00:00`. The calendar day is taken as written (no time-zone
/// shift).
pub fn parse_input_date(s: &str) -> Result<NaiveDate, DateError> {
    let t = s.trim();
    if let Ok(d) = NaiveDate::parse_from_str(t, "%Y-%m-%d") {
        return Ok(d);
    }
    if let Ok(dt) = DateTime::parse_from_rfc3339(t) {
        return Ok(dt.naive_local().date());
    }
    for f in [
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(dt) = NaiveDateTime::parse_from_str(t, f) {
            return Ok(dt.date());
        }
    }
    Err(DateError(s.to_string()))
}

/// What a sentence says about time, resolved against the article's date.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TimeFacts {
    /// When the practice started / ended, with the precision the text gives.
    pub period_start: Option<PartialDate>,
    pub period_end: Option<PartialDate>,
    /// When the statement was made, if the sentence dates it ("testimony in April").
    pub stated_on: Option<PartialDate>,
}

/// Reads the time expressions of one sentence. `article_date` anchors relative expressions.
///
/// See the module documentation for the rules. Never panics; an expression it cannot resolve
/// (a relative one without an article date, an impossible day) is ignored.
pub fn resolve(sentence: &str, article_date: Option<NaiveDate>) -> TimeFacts {
    let mut exprs = find_cores(sentence, article_date);
    exprs.sort_by_key(|e| e.start);
    let exprs = merge_ranges(sentence, exprs);

    let mut facts = TimeFacts::default();
    let mut starts: Vec<PartialDate> = Vec::new();
    let mut explicit_starts: Vec<PartialDate> = Vec::new();
    let mut ends: Vec<PartialDate> = Vec::new();
    let mut explicit_ends: Vec<PartialDate> = Vec::new();
    let mut weak_ends: Vec<PartialDate> = Vec::new();
    let mut open_ended = false;

    for e in &exprs {
        let Some((lo, hi)) = e.value else { continue };
        let kind = match e.kind {
            Some(k) => k,
            None => classify(&sentence[..e.start]),
        };
        match kind {
            Kind::Point => {
                if is_stated(sentence, e.start, e.end) {
                    if facts.stated_on.is_none() {
                        facts.stated_on = Some(cover(lo, hi));
                    }
                } else {
                    starts.push(lo);
                    ends.push(hi);
                }
            }
            Kind::Range => {
                explicit_starts.push(lo);
                explicit_ends.push(hi);
            }
            Kind::Since => {
                explicit_starts.push(lo);
                open_ended = true;
            }
            Kind::After => {
                explicit_starts.push(succ(hi));
                open_ended = true;
            }
            Kind::Until | Kind::End => explicit_ends.push(hi),
            Kind::Ongoing => weak_ends.push(hi),
            Kind::Before => explicit_ends.push(pred(lo)),
        }
    }

    starts.extend(explicit_starts.iter().copied());
    facts.period_start = starts.iter().copied().min();
    let latest = |v: &[PartialDate]| v.iter().copied().max_by_key(|d| (d.last_day(), d.precision()));
    facts.period_end = if !explicit_ends.is_empty() {
        latest(&explicit_ends)
    } else if !weak_ends.is_empty() {
        latest(&weak_ends)
    } else if open_ended {
        None
    } else {
        latest(&ends)
    };
    facts
}

/// How a time expression relates to the practice, read from the words before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// "in 2014": the practice happened then (or, with a speech act, the statement did).
    Point,
    /// "between 2010 and 2018", "2010-2018", "the past two years".
    Range,
    /// "since 2015", "beginning in 2013": start, open end.
    Since,
    /// "after 2015": starts after it, open end.
    After,
    /// "until 2017", "as recently as this summer": end.
    Until,
    /// "for years", "recently", "in the past": ongoing up to the article date; an end used
    /// only when no other end is given.
    Ongoing,
    /// "ended it in 2015", "stopped in 2015", "no longer … since 2015": end.
    End,
    /// "before 2015": ends just before it.
    Before,
}

/// One time expression found in the sentence: byte span, resolved first and last date.
#[derive(Debug, Clone)]
struct Expr {
    start: usize,
    end: usize,
    /// `None` when it could not be resolved (relative without an article date).
    value: Option<(PartialDate, PartialDate)>,
    /// Month (and day) given without a year, kept so a range can re-anchor it.
    yearless: Option<(u32, Option<u32>)>,
    /// Set by the expression itself ("for years" is an end); else read from the context.
    kind: Option<Kind>,
}

const MONTH_ALT: &str = "January|February|March|April|May|June|July|August|September|October|November|\
December|Sept|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec";
/// Full names, or abbreviations only with their period: safe where no day number follows.
const MONTH_FULL_ALT: &str = "(?:January|February|March|April|May|June|July|August|September|October|\
November|December)\\b|(?:Sept|Jan|Feb|Mar|Apr|Aug|Sep|Oct|Nov|Dec)\\.";
const NUM_ALT: &str =
    "\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty";

fn re(pattern: &str) -> Re {
    // Every pattern is a constant of this module, covered by the tests.
    let build = |p: &str| {
        regex::RegexBuilder::new(p)
            .dfa_size_limit(crate::claims::LAZY_DFA_CACHE)
            .build()
            .expect("built-in date pattern compiles")
    };
    let unicode = build(pattern);
    Re {
        matches_empty: unicode.is_match(""),
        unicode,
        ascii: build(&pattern.replace(r"\b", r"(?-u:\b)")),
    }
}

/// A pattern of this module compiled twice: as written (Unicode `\b`) and with ASCII `\b`.
///
/// The lazy DFA gives up at the first non-ASCII byte when a pattern has a Unicode `\b`, and the
/// search then falls to an engine tens of times slower — in news text, with its typographic
/// quotes and dashes, on most sentences. Where every non-ASCII character of the text is a
/// non-word character (’ “ ” — …), the two `\b` agree at every position, so the ASCII one is run
/// there and gives the same matches; otherwise the pattern as written is.
struct Re {
    unicode: Regex,
    ascii: Regex,
    /// Whether the pattern matches the empty string (`Re::captures_iter` skips empty text
    /// otherwise).
    matches_empty: bool,
}

impl Re {
    fn on(&self, haystack: &str) -> &Regex {
        if ascii_words(haystack) {
            &self.ascii
        } else {
            &self.unicode
        }
    }

    fn as_str(&self) -> &str {
        self.unicode.as_str()
    }

    fn is_match(&self, haystack: &str) -> bool {
        self.on(haystack).is_match(haystack)
    }

    fn find<'h>(&self, haystack: &'h str) -> Option<regex::Match<'h>> {
        self.on(haystack).find(haystack)
    }

    fn find_iter<'r, 'h>(&'r self, haystack: &'h str) -> regex::Matches<'r, 'h> {
        self.on(haystack).find_iter(haystack)
    }

    /// An empty haystack (a pattern gated off by `find_cores`) is not searched unless the pattern
    /// matches the empty string: setting up a capture search costs an allocation.
    fn captures_iter<'r, 'h>(&'r self, haystack: &'h str) -> impl Iterator<Item = regex::Captures<'h>> + 'r
    where
        'h: 'r,
    {
        (!haystack.is_empty() || self.matches_empty)
            .then(|| self.on(haystack).captures_iter(haystack))
            .into_iter()
            .flatten()
    }
}

/// Whether no character of `s` is a Unicode word character outside ASCII (so that a Unicode and
/// an ASCII `\b` agree everywhere in it). The usual typographic characters are known not to be
/// word characters (a test checks them against the regex engine's `\w`); any other non-ASCII
/// character is asked of that `\w`.
pub(crate) fn ascii_words(s: &str) -> bool {
    static WORD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\w").expect("a constant pattern"));
    s.is_ascii()
        || s.chars().all(|c| {
            c.is_ascii() || TYPOGRAPHIC_NON_WORD.contains(&c) || !WORD.is_match(c.encode_utf8(&mut [0; 4]))
        })
}

/// Non-ASCII characters common in news text that are not word characters.
const TYPOGRAPHIC_NON_WORD: &[char] = &[
    '\u{2019}', '\u{2018}', '\u{201C}', '\u{201D}', '\u{201E}', '\u{2014}', '\u{2013}', '\u{2026}', '\u{A0}',
    '\u{AB}', '\u{BB}', '\u{A3}', '\u{20AC}',
];

/// The patterns `find_cores` runs over a sentence, in the order of the `SET_*` indices, then
/// `RE_RELATIVE`'s from `SET_RELATIVE` on. One pass of the set tells which can match at all, so
/// only those are run for their captures (each pattern run alone scans the whole sentence).
///
/// In the set, `\b` is ASCII: a Unicode `\b` stops the lazy DFA at the first non-ASCII byte
/// (typographic quotes are everywhere in news). Next to an ASCII letter or digit, as in every
/// pattern here, the ASCII boundary holds wherever the Unicode one does, so the set never
/// rules out a pattern that would match.
static RE_CORE_SET: LazyLock<regex::RegexSet> = LazyLock::new(|| {
    let mut patterns: Vec<String> = [
        &*RE_ISO,
        &*RE_MDY,
        &*RE_DMY,
        &*RE_SEASON_Y,
        &*RE_MY,
        &*RE_YEAR_RANGE,
        &*RE_MD,
        &*RE_DM,
        &*RE_MONTH_PAIR,
        &*RE_MONTH_ALONE,
        &*RE_WEEKDAY,
    ]
    .iter()
    .map(|r| r.as_str().replace(r"\b", r"(?-u:\b)"))
    .collect();
    patterns.extend(
        RE_RELATIVE
            .iter()
            .map(|(_, r)| r.as_str().replace(r"\b", r"(?-u:\b)")),
    );
    regex::RegexSetBuilder::new(patterns)
        .dfa_size_limit(crate::claims::LAZY_DFA_CACHE)
        .build()
        .expect("the date patterns compile, so their set does")
});
const SET_ISO: usize = 0;
const SET_MDY: usize = 1;
const SET_DMY: usize = 2;
const SET_SEASON_Y: usize = 3;
const SET_MY: usize = 4;
const SET_YEAR_RANGE: usize = 5;
const SET_MD: usize = 6;
const SET_DM: usize = 7;
const SET_MONTH_PAIR: usize = 8;
const SET_MONTH_ALONE: usize = 9;
const SET_WEEKDAY: usize = 10;
const SET_RELATIVE: usize = 11;

/// Words one of which every month, weekday or relative pattern contains (a prefilter).
static RE_WORD_GATE: LazyLock<Re> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|year|month|week|today|yesterday|spring|summer|fall|autumn|winter|decade|recent|past|earlier|later)",
    )
});
static RE_ISO: LazyLock<Re> = LazyLock::new(|| re(r"\b(\d{4})-(\d{2})-(\d{2})\b"));
static RE_MDY: LazyLock<Re> = LazyLock::new(|| {
    re(&format!(
        r"\b({MONTH_ALT})\b\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b"
    ))
});
static RE_DMY: LazyLock<Re> = LazyLock::new(|| {
    re(&format!(
        r"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTH_ALT})\b\.?,?\s+(\d{{4}})\b"
    ))
});
static RE_MY: LazyLock<Re> =
    LazyLock::new(|| re(&format!(r"\b({MONTH_ALT})\b\.?,?\s+(?:of\s+)?(\d{{4}})\b")));
static RE_SEASON_Y: LazyLock<Re> =
    LazyLock::new(|| re(r"(?i)\b(spring|summer|fall|autumn|winter)\s+(?:of\s+)?(\d{4})\b"));
static RE_YEAR_RANGE: LazyLock<Re> = LazyLock::new(|| re(r"\b(\d{4})\s*[-–—]\s*(\d{4}|\d{2})\b"));
static RE_MD: LazyLock<Re> =
    LazyLock::new(|| re(&format!(r"\b({MONTH_ALT})\b\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b")));
static RE_DM: LazyLock<Re> = LazyLock::new(|| {
    re(&format!(
        r"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTH_ALT})\b"
    ))
});
static RE_MONTH_PAIR: LazyLock<Re> = LazyLock::new(|| {
    re(&format!(
        concat!(
            r"\b(?i:between|from)\s+(?:(?i:early|late|mid)[\s-]+)?(?P<m1>{MONTH_FULL_ALT})\s*",
            r"(?i:and|to|until|till|through)\s+(?:(?i:early|late|mid)[\s-]+)?(?P<m2>{MONTH_FULL_ALT})"
        ),
        MONTH_FULL_ALT = MONTH_FULL_ALT
    ))
});
static RE_MONTH_ALONE: LazyLock<Re> = LazyLock::new(|| {
    re(&format!(
        concat!(
            r"\b(?i:in|on|since|until|till|through|by|during|before|after|last|this|of|as\s+recently\s+as)\s+",
            r"(?P<q>(?i:early|late|mid)[\s-]+)?(?P<m>{MONTH_FULL_ALT})"
        ),
        MONTH_FULL_ALT = MONTH_FULL_ALT
    ))
});
static RE_WEEKDAY: LazyLock<Re> =
    LazyLock::new(|| re(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"));
static RE_NUMBER: LazyLock<Re> = LazyLock::new(|| re(r"\d+(?:[.,]\d+)*"));
static RE_EVENT_AFTER_YEAR: LazyLock<Re> = LazyLock::new(|| {
    re(
        r"(?i)^\s+(?:presidential\s+|midterm\s+|general\s+)?(?:elections?|campaigns?|midterms?|olympics|world\s+cup|census)\b",
    )
});

/// Relative expressions, in priority order. Each resolves against the article date.
#[derive(Debug, Clone, Copy)]
enum Rel {
    PastN,
    PastYear,
    AgoN,
    ThisYear,
    LastYear,
    ThisMonth,
    LastMonth,
    ThisWeek,
    LastWeek,
    Yesterday,
    Today,
    ThisSeason,
    LastSeason,
    TheSeason,
    ForYears,
    Vague,
}

static RE_RELATIVE: LazyLock<Vec<(Rel, Re)>> = LazyLock::new(|| {
    vec![
        (
            Rel::PastN,
            re(&format!(
                r"(?i)\b(?:the\s+)?(?:past|last)\s+({NUM_ALT})\s+(years|months)\b"
            )),
        ),
        (Rel::PastYear, re(r"(?i)\b(?:the\s+)?past\s+(year|month)\b")),
        (
            Rel::AgoN,
            re(&format!(
                r"(?i)\b({NUM_ALT}|a|an)\s+(years?|months?|decades?)\s+ago\b"
            )),
        ),
        (Rel::ThisYear, re(r"(?i)\b(?:(?:earlier|later)\s+)?this\s+year\b")),
        (Rel::LastYear, re(r"(?i)\blast\s+year\b")),
        (
            Rel::ThisMonth,
            re(r"(?i)\b(?:(?:earlier|later)\s+)?this\s+month\b"),
        ),
        (Rel::LastMonth, re(r"(?i)\blast\s+month\b")),
        (Rel::ThisWeek, re(r"(?i)\b(?:earlier\s+)?this\s+week\b")),
        (Rel::LastWeek, re(r"(?i)\blast\s+week\b")),
        (Rel::Yesterday, re(r"(?i)\byesterday\b")),
        (Rel::Today, re(r"(?i)\btoday\b")),
        (
            Rel::ThisSeason,
            re(r"(?i)\bthis\s+(spring|summer|fall|autumn|winter)\b"),
        ),
        (
            Rel::LastSeason,
            re(r"(?i)\b(?:last|past)\s+(spring|summer|fall|autumn|winter)\b"),
        ),
        (
            Rel::TheSeason,
            re(r"(?i)\b(?:over|during|in|through|throughout)\s+the\s+(spring|summer|fall|autumn|winter)\b"),
        ),
        (
            Rel::ForYears,
            re(r"(?i)\bfor\s+(?:(?:many|several|a\s+few|some)\s+)?(?:years|decades|a\s+decade)\b"),
        ),
        (
            Rel::Vague,
            re(r"(?i)\b(?:in\s+the\s+past|in\s+recent\s+(?:years|months)|recently)\b"),
        ),
    ]
});

/// Qualifiers between a modifier and its date ("since early", "ended it in", "the end of").
static RE_QUALIFIERS: LazyLock<Re> = LazyLock::new(|| {
    re(
        r"(?i)(?:\s*\b(?:in|on|at|during|around|about|circa|early|late|mid|sometime|the\s+(?:end|beginning|start|middle|first\s+half|second\s+half)\s+of|at\s+least)\b\s*-?)*\s*$",
    )
});
static RE_SINCE_ADJ: LazyLock<Re> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:since|starting|beginning|began|begun|started|starts|begins|as\s+early\s+as|dating\s+back\s+to|dates\s+back\s+to|going\s+back\s+to)$",
    )
});
static RE_UNTIL_ADJ: LazyLock<Re> = LazyLock::new(|| {
    re(r"(?i)\b(?:until|till|through|thru|up\s+to|up\s+until|as\s+recently\s+as|as\s+late\s+as|into)$")
});
static RE_BEFORE_ADJ: LazyLock<Re> = LazyLock::new(|| re(r"(?i)\b(?:before|prior\s+to)$"));
static RE_AFTER_ADJ: LazyLock<Re> = LazyLock::new(|| re(r"(?i)\bafter$"));
static RE_NEGATION: LazyLock<Re> =
    LazyLock::new(|| re(r"(?i)\b(?:no\s+longer|not|never|stopped|ended|ceased|halted)\b|n['’]t\b"));
static RE_START_WORD: LazyLock<Re> = LazyLock::new(|| {
    re(r"(?i)\b(?:began|begun|begins|started|starts|launched|introduced|rolled\s+out|initiated)\b")
});
static RE_END_WORD: LazyLock<Re> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:ended|ends|stopped|stops|halted|ceased|discontinued|shut\s+(?:\S+\s+){0,2}down|wound\s+down|phased\s+out|cut\s+off|terminated|scrapped|abandoned|killed)\b",
    )
});

fn month_index(name: &str) -> Option<u32> {
    let key: String = name.chars().take(3).flat_map(char::to_lowercase).collect();
    let m = match key.as_str() {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    Some(m)
}

fn number_word(s: &str) -> Option<i32> {
    let n = match s.to_lowercase().as_str() {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "fifteen" => 15,
        "twenty" => 20,
        other => other.parse().ok()?,
    };
    Some(n)
}

/// A year the text can mean: 1990 through 2100.
fn year_of(s: &str) -> Option<i32> {
    let y: i32 = s.parse().ok()?;
    (1990..=2100).contains(&y).then_some(y)
}

fn add_months(year: i32, month: u32, delta: i32) -> (i32, u32) {
    let idx = year * 12 + month as i32 - 1 + delta;
    (idx.div_euclid(12), idx.rem_euclid(12) as u32 + 1)
}

fn month_date(year: i32, month: u32) -> Option<PartialDate> {
    PartialDate::month(year, month)
}

/// The latest date with this month (and day) that is on or before `anchor`.
fn latest_on_or_before(month: u32, day: Option<u32>, anchor: NaiveDate) -> Option<PartialDate> {
    for year in (anchor.year() - 8..=anchor.year()).rev() {
        let candidate = match day {
            Some(d) => PartialDate::day(year, month, d),
            None => PartialDate::month(year, month),
        };
        if let Some(c) = candidate {
            if c.first_day() <= anchor {
                return Some(c);
            }
        }
    }
    None
}

/// The earliest date with this month (and day) that is on or after `anchor`.
fn earliest_on_or_after(month: u32, day: Option<u32>, anchor: NaiveDate) -> Option<PartialDate> {
    for year in anchor.year()..=anchor.year() + 8 {
        let candidate = match day {
            Some(d) => PartialDate::day(year, month, d),
            None => PartialDate::month(year, month),
        };
        if let Some(c) = candidate {
            if c.last_day() >= anchor {
                return Some(c);
            }
        }
    }
    None
}

/// The season's months: spring Mar–May, summer Jun–Aug, fall Sep–Nov, winter Dec–Feb (the
/// winter "of" a year starts in that year's December).
fn season(name: &str, year: i32) -> Option<(PartialDate, PartialDate)> {
    let (first, last) = match name.to_lowercase().as_str() {
        "spring" => ((year, 3), (year, 5)),
        "summer" => ((year, 6), (year, 8)),
        "fall" | "autumn" => ((year, 9), (year, 11)),
        "winter" => ((year, 12), (year + 1, 2)),
        _ => return None,
    };
    Some((month_date(first.0, first.1)?, month_date(last.0, last.1)?))
}

fn day_span(d: NaiveDate) -> (PartialDate, PartialDate) {
    let p = PartialDate::from_naive(d);
    (p, p)
}

/// The same precision, one step earlier.
fn pred(p: PartialDate) -> PartialDate {
    match p.precision() {
        Precision::Year => PartialDate::year(p.year - 1),
        Precision::Month => {
            let (y, m) = add_months(p.year, p.month.unwrap_or(1), -1);
            PartialDate::month(y, m).unwrap_or(p)
        }
        Precision::Day => p.first_day().pred_opt().map(PartialDate::from_naive).unwrap_or(p),
    }
}

/// The same precision, one step later.
fn succ(p: PartialDate) -> PartialDate {
    match p.precision() {
        Precision::Year => PartialDate::year(p.year + 1),
        Precision::Month => {
            let (y, m) = add_months(p.year, p.month.unwrap_or(1), 1);
            PartialDate::month(y, m).unwrap_or(p)
        }
        Precision::Day => p.first_day().succ_opt().map(PartialDate::from_naive).unwrap_or(p),
    }
}

/// One date for a span: itself when single, else the month or year both ends share.
fn cover(lo: PartialDate, hi: PartialDate) -> PartialDate {
    if lo == hi {
        lo
    } else if lo.year == hi.year && lo.month.is_some() && lo.month == hi.month {
        PartialDate {
            year: lo.year,
            month: lo.month,
            day: None,
        }
    } else if lo.year == hi.year {
        PartialDate::year(lo.year)
    } else {
        lo
    }
}

fn overlaps(exprs: &[Expr], start: usize, end: usize) -> bool {
    exprs.iter().any(|e| start < e.end && e.start < end)
}

fn push(out: &mut Vec<Expr>, e: Expr) {
    if !overlaps(out, e.start, e.end) {
        out.push(e);
    }
}

fn expr(start: usize, end: usize, value: Option<(PartialDate, PartialDate)>) -> Expr {
    Expr {
        start,
        end,
        value,
        yearless: None,
        kind: None,
    }
}

/// The characters right after a match continue a number ("2018,000", "10.5").
fn continues_number(rest: &str) -> bool {
    let mut it = rest.chars();
    match it.next() {
        Some(c) if c.is_ascii_digit() => true,
        Some(',') | Some('.') => it.next().is_some_and(|c| c.is_ascii_digit()),
        _ => false,
    }
}

/// All time expressions in the sentence, most specific patterns first, never overlapping.
fn find_cores(s: &str, art: Option<NaiveDate>) -> Vec<Expr> {
    let mut out: Vec<Expr> = Vec::new();
    // Prefilters: most sentences hold no digit and no month, weekday or time word, and then
    // none of the patterns below can match (an empty haystack skips a pattern).
    let sd = if s.bytes().any(|b| b.is_ascii_digit()) {
        s
    } else {
        ""
    };
    let sw = if RE_WORD_GATE.is_match(s) { s } else { "" };
    if sd.is_empty() && sw.is_empty() {
        return out;
    }
    let hits = RE_CORE_SET.matches(s);
    // The haystack for pattern `i`: as gated above when the set says it can match, else empty.
    let dg = |i: usize| if hits.matched(i) { sd } else { "" };
    let wg = |i: usize| if hits.matched(i) { sw } else { "" };

    for c in RE_ISO.captures_iter(dg(SET_ISO)) {
        let (Some(m0), Some(y)) = (c.get(0), c.get(1).and_then(|m| year_of(m.as_str()))) else {
            continue;
        };
        let (mo, d) = (c[2].parse().unwrap_or(0), c[3].parse().unwrap_or(0));
        if let Some(p) = PartialDate::day(y, mo, d) {
            push(&mut out, expr(m0.start(), m0.end(), Some((p, p))));
        }
    }
    for c in RE_MDY.captures_iter(dg(SET_MDY)) {
        let Some(m0) = c.get(0) else { continue };
        let (Some(mo), Ok(d), Some(y)) = (month_index(&c[1]), c[2].parse(), year_of(&c[3])) else {
            continue;
        };
        if let Some(p) = PartialDate::day(y, mo, d) {
            push(&mut out, expr(m0.start(), m0.end(), Some((p, p))));
        }
    }
    for c in RE_DMY.captures_iter(dg(SET_DMY)) {
        let Some(m0) = c.get(0) else { continue };
        let (Ok(d), Some(mo), Some(y)) = (c[1].parse(), month_index(&c[2]), year_of(&c[3])) else {
            continue;
        };
        if let Some(p) = PartialDate::day(y, mo, d) {
            push(&mut out, expr(m0.start(), m0.end(), Some((p, p))));
        }
    }
    for c in RE_SEASON_Y.captures_iter(dg(SET_SEASON_Y)) {
        let Some(m0) = c.get(0) else { continue };
        let Some(y) = year_of(&c[2]) else { continue };
        if let Some(v) = season(&c[1], y) {
            push(&mut out, expr(m0.start(), m0.end(), Some(v)));
        }
    }
    for c in RE_MY.captures_iter(dg(SET_MY)) {
        let Some(m0) = c.get(0) else { continue };
        let (Some(mo), Some(y)) = (month_index(&c[1]), year_of(&c[2])) else {
            continue;
        };
        if let Some(p) = PartialDate::month(y, mo) {
            push(&mut out, expr(m0.start(), m0.end(), Some((p, p))));
        }
    }
    for c in RE_YEAR_RANGE.captures_iter(dg(SET_YEAR_RANGE)) {
        let Some(m0) = c.get(0) else { continue };
        if continues_number(&s[m0.end()..]) || s[..m0.start()].ends_with(|ch: char| ch.is_ascii_digit()) {
            continue;
        }
        let Some(y1) = year_of(&c[1]) else { continue };
        let y2 = if c[2].len() == 2 {
            c[2].parse::<i32>().ok().map(|yy| y1 / 100 * 100 + yy)
        } else {
            year_of(&c[2])
        };
        let Some(y2) = y2.filter(|y2| *y2 > y1) else {
            continue;
        };
        let mut e = expr(
            m0.start(),
            m0.end(),
            Some((PartialDate::year(y1), PartialDate::year(y2))),
        );
        e.kind = Some(Kind::Range);
        push(&mut out, e);
    }
    if let Some(art) = art {
        relative_cores(sw, art, &hits, &mut out);
    }
    for c in RE_MD.captures_iter(dg(SET_MD)) {
        let Some(m0) = c.get(0) else { continue };
        if continues_number(&s[m0.end()..]) {
            continue;
        }
        let (Some(mo), Ok(d)) = (month_index(&c[1]), c[2].parse::<u32>()) else {
            continue;
        };
        if !(1..=31).contains(&d) {
            continue;
        }
        push(&mut out, yearless(m0.start(), m0.end(), mo, Some(d), art));
    }
    for c in RE_DM.captures_iter(dg(SET_DM)) {
        let Some(m0) = c.get(0) else { continue };
        if s[..m0.start()].ends_with([',', '.', '$']) {
            continue;
        }
        let (Ok(d), Some(mo)) = (c[1].parse::<u32>(), month_index(&c[2])) else {
            continue;
        };
        if !(1..=31).contains(&d) {
            continue;
        }
        push(&mut out, yearless(m0.start(), m0.end(), mo, Some(d), art));
    }
    for c in RE_MONTH_PAIR.captures_iter(wg(SET_MONTH_PAIR)) {
        for name in ["m1", "m2"] {
            if let Some(m) = c.name(name) {
                if let Some(mo) = month_index(m.as_str()) {
                    push(&mut out, yearless(m.start(), m.end(), mo, None, art));
                }
            }
        }
    }
    for c in RE_MONTH_ALONE.captures_iter(wg(SET_MONTH_ALONE)) {
        let Some(m) = c.name("m") else { continue };
        let start = c.name("q").map_or(m.start(), |q| q.start());
        let Some(mo) = month_index(m.as_str()) else {
            continue;
        };
        push(&mut out, yearless(start, m.end(), mo, None, art));
    }
    if let Some(art) = art {
        for c in RE_WEEKDAY.captures_iter(wg(SET_WEEKDAY)) {
            let Some(m) = c.get(1) else { continue };
            let Ok(wd) = m.as_str().parse::<Weekday>() else {
                continue;
            };
            let back = (art.weekday().num_days_from_monday() + 7 - wd.num_days_from_monday()) % 7;
            let Some(day) = art.checked_sub_days(Days::new(u64::from(back))) else {
                continue;
            };
            push(&mut out, expr(m.start(), m.end(), Some(day_span(day))));
        }
    }
    for m in RE_NUMBER.find_iter(sd) {
        let text = m.as_str();
        if text.len() != 4 || !text.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let Some(y) = year_of(text) else { continue };
        let before = s[..m.start()].chars().next_back();
        let before2 = s[..m.start()].chars().rev().nth(1);
        let after = s[m.end()..].chars().next();
        let bad_before = match before {
            Some(c) if c.is_alphanumeric() => true,
            Some('$' | '£' | '€' | '#' | '/' | '+') => true,
            Some('-') => before2.is_some_and(|c| c.is_ascii_digit()),
            _ => false,
        };
        let bad_after = matches!(after, Some(c) if c.is_alphanumeric() || c == '%' || c == '/');
        if bad_before || bad_after || RE_EVENT_AFTER_YEAR.is_match(&s[m.end()..]) {
            continue;
        }
        let p = PartialDate::year(y);
        push(&mut out, expr(m.start(), m.end(), Some((p, p))));
    }
    out
}

fn yearless(start: usize, end: usize, month: u32, day: Option<u32>, art: Option<NaiveDate>) -> Expr {
    let value = art
        .and_then(|a| latest_on_or_before(month, day, a))
        .map(|p| (p, p));
    Expr {
        start,
        end,
        value,
        yearless: Some((month, day)),
        kind: None,
    }
}

/// `hits`: the sentence's matches in `RE_CORE_SET` (patterns it rules out are not run).
fn relative_cores(s: &str, art: NaiveDate, hits: &regex::SetMatches, out: &mut Vec<Expr>) {
    let year = art.year();
    let month = art.month();
    let this_month = month_date(year, month);
    for (k, (rel, rx)) in RE_RELATIVE.iter().enumerate() {
        if !hits.matched(SET_RELATIVE + k) {
            continue;
        }
        for c in rx.captures_iter(s) {
            let Some(m0) = c.get(0) else { continue };
            let group = |i: usize| c.get(i).map_or("", |g| g.as_str());
            let mut kind = None;
            let value = match rel {
                Rel::PastN | Rel::PastYear => {
                    kind = Some(Kind::Range);
                    let n = if matches!(rel, Rel::PastYear) {
                        Some(1)
                    } else {
                        number_word(group(1))
                    };
                    let unit = if matches!(rel, Rel::PastYear) {
                        group(1)
                    } else {
                        group(2)
                    };
                    n.and_then(|n| {
                        let lo = if unit.starts_with("year") {
                            PartialDate::year(year - n)
                        } else {
                            let (y, mo) = add_months(year, month, -n);
                            month_date(y, mo)?
                        };
                        Some((lo, PartialDate::from_naive(art)))
                    })
                }
                Rel::AgoN => number_word(group(1)).and_then(|n| {
                    let unit = group(2);
                    let p = if unit.starts_with("month") {
                        let (y, mo) = add_months(year, month, -n);
                        month_date(y, mo)?
                    } else if unit.starts_with("decade") {
                        PartialDate::year(year - 10 * n)
                    } else {
                        PartialDate::year(year - n)
                    };
                    Some((p, p))
                }),
                Rel::ThisYear => Some((PartialDate::year(year), PartialDate::year(year))),
                Rel::LastYear => Some((PartialDate::year(year - 1), PartialDate::year(year - 1))),
                Rel::ThisMonth => this_month.map(|p| (p, p)),
                Rel::LastMonth => {
                    let (y, mo) = add_months(year, month, -1);
                    month_date(y, mo).map(|p| (p, p))
                }
                Rel::ThisWeek => {
                    let back = u64::from(art.weekday().num_days_from_monday());
                    art.checked_sub_days(Days::new(back))
                        .map(|monday| (PartialDate::from_naive(monday), PartialDate::from_naive(art)))
                }
                Rel::LastWeek => {
                    // The Monday-to-Sunday week before the article's week.
                    let back = u64::from(art.weekday().num_days_from_monday()) + 7;
                    let monday = art.checked_sub_days(Days::new(back));
                    let sunday = monday.and_then(|m| m.checked_add_days(Days::new(6)));
                    monday
                        .zip(sunday)
                        .map(|(m, s)| (PartialDate::from_naive(m), PartialDate::from_naive(s)))
                }
                Rel::Yesterday => art.pred_opt().map(day_span),
                Rel::Today => Some(day_span(art)),
                Rel::ThisSeason => {
                    // Winter straddles two years: "this winter" is the one that has begun by
                    // the article date, or (in March–November) the one that began last December.
                    let y = if group(1).eq_ignore_ascii_case("winter") && month < 12 {
                        year - 1
                    } else {
                        year
                    };
                    season(group(1), y)
                }
                Rel::LastSeason => {
                    // The latest such season that is over by the article date.
                    (0..3)
                        .find_map(|back| season(group(1), year - back).filter(|(_, hi)| hi.last_day() < art))
                }
                Rel::TheSeason => {
                    // "over the summer": the latest such season begun by the article date.
                    // "the summer of 2017" is the absolute pattern's.
                    let rest = s[m0.end()..].trim_start();
                    if rest.starts_with("of ") || rest.starts_with(|c: char| c.is_ascii_digit()) {
                        continue;
                    }
                    (0..3).find_map(|back| {
                        season(group(1), year - back).filter(|(lo, _)| lo.first_day() <= art)
                    })
                }
                Rel::ForYears => {
                    kind = Some(Kind::Ongoing);
                    Some((PartialDate::year(year), PartialDate::year(year)))
                }
                Rel::Vague => {
                    let rest = &s[m0.end()..];
                    let lower = m0.as_str().to_lowercase();
                    // "as recently as X" is about X; "in the past two years" is PastN.
                    if lower == "recently" && rest.trim_start().to_lowercase().starts_with("as ") {
                        continue;
                    }
                    kind = Some(Kind::Ongoing);
                    Some(day_span(art))
                }
            };
            let mut e = expr(m0.start(), m0.end(), value);
            e.kind = kind;
            push(out, e);
        }
    }
}

/// Joins "between X and Y", "from X to Y", "X – Y" into one range expression.
fn merge_ranges(s: &str, exprs: Vec<Expr>) -> Vec<Expr> {
    let mut out: Vec<Expr> = Vec::new();
    let mut i = 0;
    while i < exprs.len() {
        let c1 = &exprs[i];
        if let Some(c2) = exprs.get(i + 1) {
            if c1.kind.is_none() && c2.kind.is_none() && c1.end <= c2.start {
                let gap = s[c1.end..c2.start].trim().to_lowercase();
                let lead = strip_qualifiers(&s[..c1.start]).to_lowercase();
                let dash = matches!(gap.as_str(), "-" | "–" | "—");
                let is_range = (gap == "and" && lead.ends_with("between"))
                    || (matches!(gap.as_str(), "to" | "until" | "till" | "through" | "thru")
                        && lead.ends_with("from"))
                    || dash;
                if is_range {
                    if let Some(value) = range_value(c1, c2) {
                        let mut e = expr(c1.start, c2.end, Some(value));
                        e.kind = Some(Kind::Range);
                        out.push(e);
                        i += 2;
                        continue;
                    }
                }
            }
        }
        out.push(c1.clone());
        i += 1;
    }
    out
}

/// A yearless end takes its year from the other end: "from April to June 2018".
fn range_value(c1: &Expr, c2: &Expr) -> Option<(PartialDate, PartialDate)> {
    let (v1, v2) = match (c1.yearless, c2.yearless) {
        (Some((m, d)), None) => {
            let hi = c2.value?.1;
            (latest_on_or_before(m, d, hi.last_day())?, hi)
        }
        (None, Some((m, d))) => {
            let lo = c1.value?.0;
            (lo, earliest_on_or_after(m, d, lo.first_day())?)
        }
        (Some(_), Some((m, d))) => {
            // Both yearless: the first is anchored on the article date; the second follows it.
            let lo = c1.value?.0;
            (lo, earliest_on_or_after(m, d, lo.first_day())?)
        }
        (None, None) => (c1.value?.0, c2.value?.1),
    };
    (v1.first_day() <= v2.last_day()).then_some((v1, v2))
}

/// The text before an expression without trailing prepositions and qualifiers ("in", "on",
/// "early", "the end of"), and without anything before the last `;`, `!` or `?`.
fn strip_qualifiers(prefix: &str) -> &str {
    let clause_start = prefix.rfind([';', '!', '?']).map_or(0, |i| i + 1);
    let clause = &prefix[clause_start..];
    let cut = RE_QUALIFIERS.find(clause).map_or(clause.len(), |m| m.start());
    clause[..cut].trim_end()
}

/// How far back a start or end verb may sit from its date ("ended the option in 2015").
const VERB_WINDOW: usize = 60;

/// At most the last `n` bytes of `s`, starting on a character boundary.
fn last_chars(s: &str, n: usize) -> &str {
    let mut i = s.len().saturating_sub(n);
    while !s.is_char_boundary(i) {
        i += 1;
    }
    &s[i..]
}

fn classify(prefix: &str) -> Kind {
    let tail = strip_qualifiers(prefix);
    if RE_SINCE_ADJ.is_match(tail) {
        let since_negated =
            tail.to_lowercase().ends_with("since") && RE_NEGATION.is_match(last_chars(tail, 80));
        return if since_negated { Kind::End } else { Kind::Since };
    }
    if RE_UNTIL_ADJ.is_match(tail) {
        return Kind::Until;
    }
    if RE_BEFORE_ADJ.is_match(tail) {
        return Kind::Before;
    }
    if RE_AFTER_ADJ.is_match(tail) {
        return Kind::After;
    }
    let near = |rx: &Re| -> Option<usize> {
        rx.find_iter(tail)
            .filter(|m| tail.len() - m.end() <= VERB_WINDOW && !tail[m.end()..].contains(['.', ';']))
            .filter(|m| {
                let rest = tail[m.end()..].trim_start().to_lowercase();
                !(rest.starts_with("up ") || rest == "up")
            })
            .map(|m| m.start())
            .last()
    };
    match (near(&RE_START_WORD), near(&RE_END_WORD)) {
        (Some(s), Some(e)) if e > s => Kind::End,
        (Some(_), _) => Kind::Since,
        (None, Some(_)) => Kind::End,
        (None, None) => Kind::Point,
    }
}

/// Words that make a date the date of a statement rather than of the practice.
const SPEECH_WORDS: &[&str] = &[
    "testified",
    "testifies",
    "testify",
    "testifying",
    "testimony",
    "testimonies",
    "told",
    "tell",
    "tells",
    "telling",
    "said",
    "say",
    "says",
    "saying",
    "wrote",
    "writes",
    "writing",
    "written",
    "pledged",
    "pledge",
    "promised",
    "promise",
    "insisted",
    "insists",
    "assured",
    "assures",
    "assurance",
    "assurances",
    "claimed",
    "stated",
    "statement",
    "statements",
    "announced",
    "announcement",
    "declared",
    "posted",
    "post",
    "blog",
    "blogpost",
    "tweeted",
    "tweet",
    "reported",
    "report",
    "story",
    "article",
    "interview",
    "interviews",
    "hearing",
    "hearings",
    "letter",
    "remarks",
    "speech",
    "memo",
    "investigation",
    "investigations",
    "described",
    "op-ed",
    "filing",
    "acknowledged",
    "admitted",
    "conceded",
    "confirmed",
    "denied",
    "maintained",
    "vowed",
    "explained",
    "argued",
    "asserted",
    "responded",
    "replied",
    "noted",
    "briefing",
    "keynote",
    "podcast",
    "call",
    "conference",
];

/// Speech verbs that, after a sentence-opening date, make it the statement's date:
/// "In April, Zuckerberg told senators …".
const SPEECH_VERBS: &[&str] = &[
    "testified",
    "told",
    "tells",
    "said",
    "says",
    "wrote",
    "writes",
    "pledged",
    "promised",
    "insisted",
    "assured",
    "claimed",
    "stated",
    "announced",
    "declared",
    "posted",
    "tweeted",
    "reported",
    "acknowledged",
    "admitted",
    "conceded",
    "confirmed",
    "denied",
    "maintained",
    "vowed",
    "explained",
    "argued",
    "asserted",
];

/// Words that open a new clause between a speech word and a date: the date belongs to it.
const CLAUSE_WORDS: &[&str] = &[
    "that", "which", "who", "whom", "whose", "when", "while", "whether", "if", "because", "it", "they", "we",
    "he", "she", "i", "you", "and", "but", "or", "though", "although", "after", "gave", "give", "gives",
    "giving", "sold", "sell", "sells", "selling", "share", "shares", "sharing", "began", "begun", "shut",
    "let", "lets", "kept", "made", "built", "took", "ran", "sent", "got", "collect", "collects", "use",
    "uses", "allow", "allows", "access",
];

/// Words allowed between a speech word and its date without counting as content.
const FILLER: &[&str] = &[
    "a", "an", "the", "his", "her", "its", "their", "our", "in", "on", "at", "during",
];

fn clean_token(t: &str) -> String {
    t.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
        .to_lowercase()
}

fn ends_clause(raw: &str) -> bool {
    raw.ends_with([',', ';', ':', '"', '“', '”', '(', ')', '—', '–'])
        || raw.starts_with(['"', '“', '”', '(', '—'])
}

fn is_stated(s: &str, start: usize, end: usize) -> bool {
    let tail = strip_qualifiers(&s[..start]);
    // Before: "testified in April", "told lawmakers last year", "said in a statement in March".
    let mut content = 0;
    let mut words = tail.split_whitespace().rev().peekable();
    while let Some(raw) = words.next() {
        if ends_clause(raw) {
            break;
        }
        let w = clean_token(raw);
        if SPEECH_WORDS.contains(&w.as_str()) {
            return true;
        }
        if FILLER.contains(&w.as_str()) {
            continue;
        }
        let practice_verb = w.len() > 4 && w.ends_with("ed") && w != "united";
        if practice_verb {
            // A participle after a speech noun dates the speech: "an investigation published on
            // Monday", "a report released in May". Only a noun: "said it ended" stays the ending.
            // Not after "post" or "tweet", which are also what users put online ("every post
            // deleted in 2018"), nor after a verb ("tells", "writing").
            let after_noun = words.peek().is_some_and(|prev| {
                let p = clean_token(prev);
                !ends_clause(prev)
                    && SPEECH_WORDS.contains(&p.as_str())
                    && !p.ends_with("ed")
                    && !p.starts_with("say")
                    && !p.starts_with("tell")
                    && !p.ends_with("ing")
                    && !matches!(p.as_str(), "post" | "tweet" | "writes")
            });
            if after_noun {
                return true;
            }
            break;
        }
        if CLAUSE_WORDS.contains(&w.as_str()) {
            break;
        }
        content += 1;
        if content > 4 {
            break;
        }
    }
    // After: "a 2014 blog post", "a Dec. 18 story", "April 2018 congressional testimony".
    let rest = &s[end..];
    for raw in rest.split_whitespace().take(2) {
        let w = clean_token(raw);
        if SPEECH_WORDS.contains(&w.as_str()) && !w.ends_with("ed") && !w.starts_with("say") {
            return true;
        }
        if ends_clause(raw) {
            break;
        }
    }
    // Opening the sentence: "In April, Zuckerberg told senators …".
    let lead = tail.trim().to_lowercase();
    if lead.is_empty() || matches!(lead.as_str(), "back" | "and" | "but" | "so" | "then") {
        if let Some(after_comma) = rest.trim_start().strip_prefix(',') {
            for raw in after_comma.split_whitespace().take(5) {
                let w = clean_token(raw);
                if SPEECH_VERBS.contains(&w.as_str()) {
                    return true;
                }
                if CLAUSE_WORDS.contains(&w.as_str()) || ends_clause(raw) {
                    break;
                }
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `expected_*` are `YYYY[-MM[-DD]]` or "" for none; `article` likewise ("" = unknown).
    fn check(sentence: &str, article: &str, start: &str, end: &str, stated: &str) {
        let art = (!article.is_empty()).then(|| parse_input_date(article).expect("test article date"));
        let want = |s: &str| (!s.is_empty()).then(|| s.parse::<PartialDate>().expect("test date"));
        let got = resolve(sentence, art);
        let want = TimeFacts {
            period_start: want(start),
            period_end: want(end),
            stated_on: want(stated),
        };
        assert_eq!(got, want, "sentence: {sentence:?} (article {article:?})");
    }

    const DEC18: &str = "2018-12-19";

    #[test]
    fn word_boundaries_next_to_non_ascii_text() {
        // The same readings with typographic quotes and dashes as with straight ones.
        check(
            "It shared the data “in 2014”, she said.",
            DEC18,
            "2014",
            "2014",
            "",
        );
        check("It shared the data from 2012 – 2015.", DEC18, "2012", "2015", "");
        check(
            "Since March 2016 it sold data — she said ‘never’.",
            DEC18,
            "2016-03",
            "",
            "",
        );
        // A letter outside ASCII is a word character: "éJanuary" holds no month name, so only
        // the year is read (an ASCII `\b` would have found "January 2014").
        check(
            "The app shared location data through éJanuary 2014.",
            DEC18,
            "2014",
            "2014",
            "",
        );
        let word = Regex::new(r"^\w$").expect("valid");
        for c in TYPOGRAPHIC_NON_WORD {
            assert!(!word.is_match(&c.to_string()), "{c:?}");
        }
        assert!(ascii_words("It said “no” — in 2014’s… £5 «x»"));
        assert!(!ascii_words("Zoë said so in 2014"));
    }

    #[test]
    fn absolute_dates() {
        let cases = [
            ("The company shared the records in 2014.", "2014", "2014"),
            ("The partnership was set up in April 2018.", "2018-04", "2018-04"),
            (
                "The deal was signed on April 10, 2018, according to the files.",
                "2018-04-10",
                "2018-04-10",
            ),
            ("The files were handed over April 10.", "2018-04-10", "2018-04-10"),
            (
                "The app was pulled on Dec. 18 after complaints.",
                "2018-12-18",
                "2018-12-18",
            ),
            ("It was quietly changed Dec 18.", "2018-12-18", "2018-12-18"),
            (
                "The feature went live on December 18th.",
                "2018-12-18",
                "2018-12-18",
            ),
            (
                "The export happened on 18 December 2018.",
                "2018-12-18",
                "2018-12-18",
            ),
            ("The contract was renewed in April.", "2018-04", "2018-04"),
            ("A backup was made on 2014-03-05.", "2014-03-05", "2014-03-05"),
            ("The upload ran in the summer of 2017.", "2017-06", "2017-08"),
            (
                "The regulator fined the company $5 billion in 2019.",
                "2019",
                "2019",
            ),
            ("About 1 in 5 users were affected in 2018.", "2018", "2018"),
            ("The company plans to delete the archive by 2030.", "2030", "2030"),
            ("The firm ended up sharing the data in 2015.", "2015", "2015"),
            (
                "The insurer told regulators that it sold claims data in 2016.",
                "2016",
                "2016",
            ),
        ];
        for (sentence, start, end) in cases {
            check(sentence, DEC18, start, end, "");
        }
        // A day or month without a year is the latest one not after the article date.
        check(
            "The contract was renewed in April.",
            "2019-02-14",
            "2018-04",
            "2018-04",
            "",
        );
        check(
            "The upload happened on 3 March.",
            "2019-02-10",
            "2018-03-03",
            "2018-03-03",
            "",
        );
        check(
            "The upload happened on 3 March.",
            "2019-03-03",
            "2019-03-03",
            "2019-03-03",
            "",
        );
    }

    #[test]
    fn numbers_that_are_not_years() {
        for sentence in [
            "The platform exposed data of 87 million users.",
            "More than 2,000 apps and 10,000 people had access.",
            "The data was sold in 2,018 batches.",
            "The report looks back over the 2010s.",
            "The campaign targeted voters during the 2016 election.",
            "The app sent data to a server in Mayfair.",
            "Partners paid $2015 for each file.",
            "Growth reached 2019% on paper.",
        ] {
            check(sentence, DEC18, "", "", "");
        }
    }

    #[test]
    fn ranges_and_open_ends() {
        let cases = [
            (
                "Since 2015, the insurer has passed claims data to brokers.",
                "2015",
                "",
            ),
            ("Starting in 2016 the app uploaded call logs.", "2016", ""),
            (
                "Beginning in 2013, the service let partners read inbox contents.",
                "2013",
                "",
            ),
            ("The firm started selling the data this year.", "2018", ""),
            ("The program ran until 2017.", "", "2017"),
            ("Partners kept access through 2017.", "", "2017"),
            ("The arrangement lasted up to March 2016.", "", "2016-03"),
            (
                "Between 2010 and 2018 the bank sold transaction data.",
                "2010",
                "2018",
            ),
            (
                "From 2010 to 2018, the firm licensed location traces.",
                "2010",
                "2018",
            ),
            ("The leak covered 2010-2018 records.", "2010", "2018"),
            ("The leak covered the 2012–15 period.", "2012", "2015"),
            (
                "From April to June 2018 the app logged calls.",
                "2018-04",
                "2018-06",
            ),
            (
                "Between April and June the app logged calls.",
                "2018-04",
                "2018-06",
            ),
            (
                "The streaming company said it ended the feature in 2015.",
                "",
                "2015",
            ),
            ("The carrier stopped in 2015 after an outcry.", "", "2015"),
            ("The unit was shut down in 2015.", "", "2015"),
            (
                "The retailer has no longer offered the option since 2015.",
                "",
                "2015",
            ),
            ("The retailer hasn't offered the option since 2015.", "", "2015"),
            ("The program began in 2013 and ended in 2015.", "2013", "2015"),
            ("The app shared data before 2015.", "", "2014"),
            ("After 2015 the app shared data.", "2016", ""),
            (
                "Some partners could see friend lists as recently as this summer.",
                "",
                "2018-08",
            ),
            ("The app has collected health readings for years.", "", "2018"),
            ("The company shared contact lists in the past.", "", "2018-12-19"),
            ("Partners had access until recently.", "", "2018-12-19"),
            (
                "The broker has resold location data in the past two years.",
                "2016",
                "2018-12-19",
            ),
            (
                "Since 2012 the bank has, for years, sold card data.",
                "2012",
                "2018",
            ),
        ];
        for (sentence, start, end) in cases {
            check(sentence, DEC18, start, end, "");
        }
    }

    #[test]
    fn relative_dates() {
        // 2018-12-19 is a Wednesday.
        let cases = [
            ("The insurer bought driving records last year.", "2017", "2017"),
            ("The firm sold the data this year.", "2018", "2018"),
            (
                "Earlier this year the lender gave partners account details.",
                "2018",
                "2018",
            ),
            ("The broker bought the list last month.", "2018-11", "2018-11"),
            ("The leak was discovered this month.", "2018-12", "2018-12"),
            (
                "Investigators found the open server last week.",
                "2018-12-10",
                "2018-12-16",
            ),
            ("The archive was copied yesterday.", "2018-12-18", "2018-12-18"),
            ("Three years ago the firm gave partners access.", "2015", "2015"),
            ("The firm sold location data last summer.", "2018-06", "2018-08"),
            (
                "The files were moved on Monday by the vendor.",
                "2018-12-17",
                "2018-12-17",
            ),
        ];
        for (sentence, start, end) in cases {
            check(sentence, DEC18, start, end, "");
        }
        check(
            "The insurer bought driving records last year.",
            "2019-01-02",
            "2018",
            "2018",
            "",
        );
        check(
            "The broker bought the list last month.",
            "2019-01-02",
            "2018-12",
            "2018-12",
            "",
        );
    }

    #[test]
    fn without_an_article_date() {
        check("The partner read messages in April.", "", "", "", "");
        check("The partner read messages last year.", "", "", "", "");
        check("The partner read messages in 2016.", "", "2016", "2016", "");
        check(
            "The partner read messages on April 10, 2016.",
            "",
            "2016-04-10",
            "2016-04-10",
            "",
        );
        check("Since 2015 the partner has read messages.", "", "2015", "", "");
    }

    #[test]
    fn statement_dates() {
        let cases = [
            ("Zuckerberg testified in April that users control their information.", "", "", "2018-04"),
            (
                "Congressional testimony in April by the chief executive claimed users stay in control.",
                "",
                "",
                "2018-04",
            ),
            ("The founder told Congress in April that nothing was sold.", "", "", "2018-04"),
            ("The chief executive told lawmakers last year that no data was sold.", "", "", "2017"),
            ("In a 2014 blog post, the company promised never to read messages.", "", "", "2014"),
            ("A spokeswoman said in a statement in March that the app never kept locations.", "", "", "2018-03"),
            ("In an interview in 2017, the founder said no records were sold.", "", "", "2017"),
            ("The executive wrote in 2016 that profiles were never shared.", "", "", "2016"),
            ("At a hearing in April 2018, the chief executive denied selling data.", "", "", "2018-04"),
            (
                "In a Dec. 18 story, the paper reported that the network let a streaming service read messages.",
                "",
                "",
                "2018-12-18",
            ),
            ("In April, the chief executive told senators the company does not sell data.", "", "", "2018-04"),
            // The day of the reporting, not of the practice ("for years" ends at the article).
            (
                "For years the network gave partners its users' messages, according to files described in an investigation on Monday.",
                "",
                "2018",
                "2018-12-17",
            ),
            (
                "An investigation published on Monday found the app sold locations in 2016.",
                "2016",
                "2016",
                "2018-12-17",
            ),
            ("Last year, the company said it does not keep call logs.", "", "", "2017"),
            // What users put online is no statement: its participle dates the practice.
            ("The app kept every post deleted in 2016 on its servers.", "2016", "2016", ""),
            ("A letter released in May showed the app uploaded contacts.", "", "", "2018-05"),
            (
                "The founder testified in April 2018 that the service began sharing data in 2013.",
                "2013",
                "",
                "2018-04",
            ),
            (
                "In a 2017 interview, the founder admitted the app had uploaded contacts since 2012.",
                "2012",
                "",
                "2017",
            ),
            ("The company said in 2016 that it gave a retailer access in 2014.", "2014", "2014", "2016"),
            ("In 2014, the app gave a retailer access to purchase histories.", "2014", "2014", ""),
            ("The company pledged in 2019 that chats would stay private.", "", "", "2019"),
            ("A spokesman insisted last month that no files left the building.", "", "", "2018-11"),
            ("The chief executive assured investors on Monday that nothing was sold.", "", "", "2018-12-17"),
            ("Its April 2018 letter to senators promised stricter audits.", "", "", "2018-04"),
            ("The operator said it shut the service down in 2016.", "", "2016", ""),
            ("The network said it ended it in 2015.", "", "2015", ""),
        ];
        for (sentence, start, end, stated) in cases {
            check(sentence, DEC18, start, end, stated);
        }
    }

    /// The phrasings named in issue 5, each in a sentence of our own, against articles of
    /// different dates (2022-12-23 is a Friday).
    #[test]
    fn issue_phrasings() {
        let cases = [
            // (sentence, article, start, end, stated)
            (
                "Over the summer, staff looked up the reporters' addresses.",
                "2022-12-23",
                "2022-06",
                "2022-08",
                "",
            ),
            (
                "During the summer the vendor kept copies of the clips.",
                "2019-07-10",
                "2019-06",
                "2019-08",
                "",
            ),
            (
                "In the winter the insurer bought trip logs.",
                "2023-01-15",
                "2022-12",
                "2023-02",
                "",
            ),
            (
                "The app began sending cycle data to advertisers this summer.",
                "2019-09-01",
                "2019-06",
                "",
                "",
            ),
            (
                "The tracker ran in the summer of 2017.",
                "2019-09-01",
                "2017-06",
                "2017-08",
                "",
            ),
            (
                "The broker had bought the trails as recently as 2021.",
                "2022-03-01",
                "",
                "2021",
                "",
            ),
            (
                "For years the carrier passed locations to resellers.",
                "2019-01-09",
                "",
                "2019",
                "",
            ),
            (
                "Last year the firm sold the logs.",
                "2020-05-05",
                "2019",
                "2019",
                "",
            ),
            (
                "The firm sold the logs until 2017, the filing says.",
                "2020-05-05",
                "",
                "2017",
                "",
            ),
            (
                "Between 2010 and 2018 the lender shared statements with marketers.",
                "2020-05-05",
                "2010",
                "2018",
                "",
            ),
            (
                "Beginning in 2013, partners could read the inbox.",
                "2018-12-19",
                "2013",
                "",
                "",
            ),
            (
                "The partner got the files on Dec. 18.",
                "2019-01-02",
                "2018-12-18",
                "2018-12-18",
                "",
            ),
            (
                "The chief executive told Congress in April that users are in control.",
                "2018-12-19",
                "",
                "",
                "2018-04",
            ),
            (
                "In a 2014 blog post, the company said it never sells data.",
                "2018-12-19",
                "",
                "",
                "2014",
            ),
            (
                "The company said in a statement last week that it does not sell data.",
                "2022-12-23",
                "",
                "",
                "2022-12",
            ),
        ];
        for (sentence, article, start, end, stated) in cases {
            check(sentence, article, start, end, stated);
        }
    }

    #[test]
    fn input_dates() {
        let d = NaiveDate::from_ymd_opt(2018, 12, 19).unwrap();
        for s in [
            "2018-12-19",
            "2018-12-19T23:30:00-05:00",
            "2018-12-19 08:00:00",
            " 2018-12-19T08:00:00Z ",
        ] {
            assert_eq!(parse_input_date(s), Ok(d), "{s}");
        }
        for s in ["19/12/2018", "yesterday", "2018-02-30", ""] {
            assert!(parse_input_date(s).is_err(), "{s}");
        }
    }
}
