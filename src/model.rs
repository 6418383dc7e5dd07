//! The plain data passed between stages. No I/O, no SQL, no printing.
//!
//! `Article` flows from the readers (`source`, `extract`) into `claims`; `Claim` flows from
//! `claims` into the `store`; `ClaimRecord` and `ContradictionRecord` are what the store gives
//! back to `link`, `export` and the CLI. Field names here are the JSONL contract named in the
//! README: add fields, never rename or remove them.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar date known to a year, a month or a day: "2018", "2018-04", "2018-04-10".
///
/// Ordering is chronological by the first day it covers, then by precision (coarser first).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

impl PartialDate {
    pub fn year(year: i32) -> Self {
        PartialDate {
            year,
            month: None,
            day: None,
        }
    }

    /// `None` when the month is out of range.
    pub fn month(year: i32, month: u32) -> Option<Self> {
        (1..=12).contains(&month).then_some(PartialDate {
            year,
            month: Some(month),
            day: None,
        })
    }

    /// `None` when the day does not exist in the calendar.
    pub fn day(year: i32, month: u32, day: u32) -> Option<Self> {
        NaiveDate::from_ymd_opt(year, month, day).map(Self::from_naive)
    }

    pub fn from_naive(d: NaiveDate) -> Self {
        PartialDate {
            year: d.year(),
            month: Some(d.month()),
            day: Some(d.day()),
        }
    }

    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    /// The first calendar day this date covers.
    pub fn first_day(&self) -> NaiveDate {
        let m = self.month.unwrap_or(1);
        let d = self.day.unwrap_or(1);
        NaiveDate::from_ymd_opt(self.year, m, d)
            .or_else(|| NaiveDate::from_ymd_opt(self.year, 1, 1))
            .unwrap_or(NaiveDate::MIN)
    }

    /// The last calendar day this date covers.
    pub fn last_day(&self) -> NaiveDate {
        match (self.month, self.day) {
            (Some(m), Some(d)) => NaiveDate::from_ymd_opt(self.year, m, d),
            (Some(m), None) => {
                let (ny, nm) = if m == 12 {
                    (self.year + 1, 1)
                } else {
                    (self.year, m + 1)
                };
                NaiveDate::from_ymd_opt(ny, nm, 1).and_then(|d| d.pred_opt())
            }
            _ => NaiveDate::from_ymd_opt(self.year, 12, 31),
        }
        .unwrap_or(NaiveDate::MAX)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    Year,
    Month,
    Day,
}

impl PartialOrd for PartialDate {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for PartialDate {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.first_day()
            .cmp(&other.first_day())
            .then(self.precision().cmp(&other.precision()))
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.month, self.day) {
            (Some(m), Some(d)) => write!(f, "{:04}-{:02}-{:02}", self.year, m, d),
            (Some(m), None) => write!(f, "{:04}-{:02}", self.year, m),
            _ => write!(f, "{:04}", self.year),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a date of the form YYYY, YYYY-MM or YYYY-MM-DD: {0:?}")]
pub struct PartialDateError(pub String);

impl FromStr for PartialDate {
    type Err = PartialDateError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || PartialDateError(s.to_string());
        let parts: Vec<&str> = s.trim().split('-').collect();
        let num = |p: &str, len: usize| -> Result<u32, PartialDateError> {
            if p.len() != len || !p.bytes().all(|b| b.is_ascii_digit()) {
                return Err(err());
            }
            p.parse().map_err(|_| err())
        };
        match parts.as_slice() {
            [y] => Ok(PartialDate::year(num(y, 4)? as i32)),
            [y, m] => PartialDate::month(num(y, 4)? as i32, num(m, 2)?).ok_or_else(err),
            [y, m, d] => PartialDate::day(num(y, 4)? as i32, num(m, 2)?, num(d, 2)?).ok_or_else(err),
            _ => Err(err()),
        }
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// Declares a closed set of string keys with `as_str`, `FromStr`, `Display` and serde.
macro_rules! keyed_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $key:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum $name {
            $(#[serde(rename = $key)] $variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            pub fn as_str(&self) -> &'static str {
                match self { $($name::$variant => $key),+ }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $name {
            type Err = UnknownKey;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $($key => Ok($name::$variant),)+
                    _ => Err(UnknownKey {
                        kind: stringify!($name),
                        key: s.to_string(),
                        allowed: vec![$($key),+].join(", "),
                    }),
                }
            }
        }
    };
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {kind} {key:?} (expected one of: {allowed})")]
pub struct UnknownKey {
    pub kind: &'static str,
    pub key: String,
    pub allowed: String,
}

keyed_enum! {
    /// The fixed data-type taxonomy. `PersonalData` is the generic parent of every other key
    /// except `Deidentified`. The phrases that signal each key live in `data/taxonomy.tsv`.
    DataType {
        PersonalData = "personal_data",
        PrivateMessages = "private_messages",
        ContactsFriends = "contacts_friends",
        ProfileIdentity = "profile_identity",
        ContactDetails = "contact_details",
        Location = "location",
        Health = "health",
        Financial = "financial",
        BrowsingActivity = "browsing_activity",
        Recordings = "recordings",
        DeviceIdentifiers = "device_identifiers",
        PostsContent = "posts_content",
        Biometric = "biometric",
        Deidentified = "deidentified",
    }
}

impl DataType {
    /// The parent key in the taxonomy (`None` for the roots `personal_data` and `deidentified`).
    pub fn parent(&self) -> Option<DataType> {
        match self {
            DataType::PersonalData | DataType::Deidentified => None,
            _ => Some(DataType::PersonalData),
        }
    }

    /// Equal, or one side is the generic `personal_data` and the other is under it.
    pub fn compatible(&self, other: &DataType) -> bool {
        self == other
            || (*self == DataType::PersonalData && other.parent() == Some(DataType::PersonalData))
            || (*other == DataType::PersonalData && self.parent() == Some(DataType::PersonalData))
    }
}

keyed_enum! {
    /// What was done with the data.
    Action {
        Share = "share",
        Access = "access",
        Sell = "sell",
        Collect = "collect",
        Use = "use",
        Other = "other",
    }
}

keyed_enum! {
    /// Whether the statement says the practice happened (or happens) or denies it.
    Polarity {
        Assertion = "assertion",
        Denial = "denial",
    }
}

keyed_enum! {
    /// What stretch of time a denial covers, read from its wording.
    ///
    /// `always`: "at no time", "never"; `present`: "we do not share" (true when said, and
    /// from then on); `past`: "we did not", "has not" (everything before it was said).
    DenialScope {
        Always = "always",
        Present = "present",
        Past = "past",
    }
}

keyed_enum! {
    /// Which of two linked statements was made first.
    First {
        Denial = "denial",
        Assertion = "assertion",
    }
}

/// One article ready for claim extraction: text plus metadata, from any input.
///
/// `text` is what offsets point into. When the article has a title that the body does not
/// already start with, the readers put the title on the first line of `text` followed by a
/// blank line, so headlines yield claims with offsets like any other sentence.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub url: Option<String>,
    pub title: Option<String>,
    pub published: Option<NaiveDate>,
    pub outlet: Option<String>,
    pub author: Option<String>,
    pub text: String,
    /// The raw HTML when the article came from a page.
    pub html: Option<String>,
    /// Where it was read from: a path, `path:line` for JSONL, or a URL.
    pub origin: String,
    /// The page's `<link rel=canonical>`, when it had one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub canonical_url: Option<String>,
    /// How complete `text` is, when it came from a page (`None` for text given directly).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_status: Option<crate::extract::TextStatus>,
    /// The language of the text (a primary subtag: "en", "de"), as `claims::language` judged it
    /// from the text and what the page or input declared; `None` when not known. The claim rules
    /// read only articles in English or of no known language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
}

impl Article {
    /// SHA-256 (hex) of the text with case folded and every run of whitespace made one space:
    /// the same article re-wrapped or re-cased hashes the same.
    pub fn content_hash(&self) -> String {
        use sha2::{Digest, Sha256};
        let mut h = Sha256::new();
        let mut first = true;
        for word in self.text.split_whitespace() {
            if !first {
                h.update(b" ");
            }
            first = false;
            h.update(word.to_lowercase().as_bytes());
        }
        h.finalize().iter().map(|b| format!("{b:02x}")).collect()
    }
}

/// One statement about a data practice, taken from one sentence of an article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// The company whose users' data it is, canonical name from the company lexicon.
    pub actor: String,
    /// Who received, accessed or bought the data, canonical name, if named.
    pub counterparty: Option<String>,
    pub data_type: DataType,
    pub action: Action,
    pub polarity: Polarity,
    /// For denials: the stretch of time the wording covers.
    pub scope: Option<DenialScope>,
    /// Who makes the statement: a quoted party, or the outlet / its cited source.
    pub speaker: Option<String>,
    /// When the statement was made (the article's date unless the article dates it earlier).
    pub stated_on: Option<PartialDate>,
    pub period_start: Option<PartialDate>,
    pub period_end: Option<PartialDate>,
    /// The exact sentence, equal to `text[start..end]` counted in characters.
    pub sentence: String,
    /// Character (Unicode scalar value) offsets of the sentence in the article's stored text.
    pub start: usize,
    pub end: usize,
    /// Which rule fired, e.g. `assert.verb_access` or `deny.at_no_time`.
    pub rule: String,
    pub confidence: f64,
}

/// A claim as stored, with the article it came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClaimRecord {
    pub id: i64,
    pub article_id: i64,
    pub article_url: Option<String>,
    pub article_title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<NaiveDate>,
    #[serde(flatten)]
    pub claim: Claim,
    pub extractor_version: String,
    /// The article's text is `partial` (a teaser): the claim may lack its context.
    #[serde(default)]
    pub partial_text: bool,
}

impl ClaimRecord {
    /// The date the statement is placed at: `stated_on`, else the article's date.
    pub fn when_stated(&self) -> Option<PartialDate> {
        self.claim
            .stated_on
            .or(self.published.map(PartialDate::from_naive))
    }
}

/// What `link::evaluate` decides for a denial and an assertion that contradict each other.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LinkVerdict {
    pub reason: String,
    pub first: First,
}

/// A stored contradiction link: a denial and the assertion that contradicts it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ContradictionRecord {
    pub id: i64,
    pub denial: ClaimRecord,
    pub assertion: ClaimRecord,
    pub reason: String,
    pub first: First,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_date_round_trips_and_orders() {
        for s in ["2018", "2018-04", "2018-04-10"] {
            assert_eq!(s.parse::<PartialDate>().unwrap().to_string(), s);
        }
        assert!("2018-13".parse::<PartialDate>().is_err());
        assert!("2018-02-30".parse::<PartialDate>().is_err());
        assert!("18".parse::<PartialDate>().is_err());
        let y: PartialDate = "2018".parse().unwrap();
        let m: PartialDate = "2018-04".parse().unwrap();
        assert!(y < m);
        assert_eq!(m.last_day(), NaiveDate::from_ymd_opt(2018, 4, 30).unwrap());
        assert_eq!(y.last_day(), NaiveDate::from_ymd_opt(2018, 12, 31).unwrap());
    }

    #[test]
    fn data_type_compatibility() {
        use DataType::*;
        assert!(PersonalData.compatible(&PrivateMessages));
        assert!(PrivateMessages.compatible(&PersonalData));
        assert!(!PrivateMessages.compatible(&Location));
        assert!(!PersonalData.compatible(&Deidentified));
        assert_eq!("private_messages".parse::<DataType>().unwrap(), PrivateMessages);
        assert!("messages".parse::<DataType>().is_err());
    }
}
