//! Writers over model types: rows (table, JSON, JSONL, CSV) and timelines (JSON, CSV, Markdown,
//! TimelineJS, a self-contained HTML page). Pure: they write to the `Write` they are given and
//! return its errors unchanged (a closed pipe stays `BrokenPipe` for the CLI to handle).
//!
//! Output is deterministic: the same input gives the same bytes. Every piece of article text
//! is escaped for the format it lands in (HTML, Markdown, CSV quoting, one-line table cells).

use std::fmt;
use std::str::FromStr;

mod claimreview;
mod html;
mod review;
mod rows;
mod text;
mod timeline;

pub use claimreview::{
    claim_review, write_claimreview, write_export_claims_csv, write_export_jsonl, write_export_links_csv,
};
pub use review::{review_fields, write_orphaned, write_review, ORPHANED_FIELDS};
pub use rows::{
    claim_values, contradiction_fields, sentence_pairs, write_claims, write_contradictions, write_search,
    write_stats, CLAIM_FIELDS, SEARCH_FIELDS, STATS_FIELDS,
};
pub use text::{html_escape, md_escape, truncate};
pub use timeline::{write_planned, write_timeline, ClaimSource, TimelinePlan};

/// Output format of the commands that print rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// An aligned text table for a terminal.
    #[default]
    Table,
    /// One pretty-printed JSON array (an object for `stats`).
    Json,
    /// One JSON object per line.
    Jsonl,
    /// A header row, then one row per item.
    Csv,
}

/// Output format of `timeline`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum TimelineFormat {
    /// `{"title", "claims": [...], "links": [...]}`.
    Json,
    /// One row per claim with a `links` column.
    Csv,
    /// A Markdown document, one section per year.
    #[value(alias = "markdown")]
    Md,
    /// One self-contained HTML page with the timeline drawn as an SVG picture.
    #[default]
    Html,
    /// Knight Lab TimelineJS3 JSON.
    #[value(name = "timelinejs")]
    TimelineJs,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown format {given:?} (expected one of: {allowed})")]
pub struct UnknownFormat {
    pub given: String,
    pub allowed: &'static str,
}

impl Format {
    pub const ALL: [Format; 4] = [Format::Table, Format::Json, Format::Jsonl, Format::Csv];

    pub fn as_str(&self) -> &'static str {
        match self {
            Format::Table => "table",
            Format::Json => "json",
            Format::Jsonl => "jsonl",
            Format::Csv => "csv",
        }
    }
}

impl TimelineFormat {
    pub const ALL: [TimelineFormat; 5] = [
        TimelineFormat::Json,
        TimelineFormat::Csv,
        TimelineFormat::Md,
        TimelineFormat::Html,
        TimelineFormat::TimelineJs,
    ];

    pub fn as_str(&self) -> &'static str {
        match self {
            TimelineFormat::Json => "json",
            TimelineFormat::Csv => "csv",
            TimelineFormat::Md => "md",
            TimelineFormat::Html => "html",
            TimelineFormat::TimelineJs => "timelinejs",
        }
    }

    /// The usual file extension for this format.
    pub fn extension(&self) -> &'static str {
        match self {
            TimelineFormat::TimelineJs => "json",
            other => other.as_str(),
        }
    }
}

impl FromStr for Format {
    type Err = UnknownFormat;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Format::ALL
            .into_iter()
            .find(|f| f.as_str() == s)
            .ok_or_else(|| UnknownFormat {
                given: s.to_string(),
                allowed: "table, json, jsonl, csv",
            })
    }
}

impl FromStr for TimelineFormat {
    type Err = UnknownFormat;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        TimelineFormat::ALL
            .into_iter()
            .find(|f| f.as_str() == s || (s == "markdown" && *f == TimelineFormat::Md))
            .ok_or_else(|| UnknownFormat {
                given: s.to_string(),
                allowed: "json, csv, md, html, timelinejs",
            })
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Display for TimelineFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
pub(crate) mod testutil {
    //! Builders for made-up claims and links used by this module's tests.

    use crate::model::{Action, Claim, ClaimRecord, ContradictionRecord, DataType, First, Polarity};

    /// A claim about Facebook's private messages; `date` is its `stated_on` ("" for none).
    /// Denials are spoken by Facebook; assertions have no speaker and come from "Example Daily".
    pub fn claim(id: i64, date: &str, polarity: Polarity, sentence: &str) -> ClaimRecord {
        let denial = polarity == Polarity::Denial;
        ClaimRecord {
            id,
            article_id: id * 10,
            article_url: Some(format!("https://news.example.org/story/{id}")),
            article_title: Some(format!("Story number {id}")),
            outlet: Some("Example Daily".to_string()),
            published: None,
            claim: Claim {
                actor: "Facebook".to_string(),
                counterparty: None,
                data_type: DataType::PrivateMessages,
                action: if denial { Action::Share } else { Action::Access },
                polarity,
                scope: None,
                speaker: denial.then(|| "Facebook".to_string()),
                stated_on: if date.is_empty() {
                    None
                } else {
                    Some(date.parse().expect("test dates are valid"))
                },
                period_start: None,
                period_end: None,
                sentence: sentence.to_string(),
                start: 0,
                end: sentence.chars().count(),
                rule: if denial { "deny.test" } else { "assert.test" }.to_string(),
                confidence: 0.8,
            },
            extractor_version: "test-1".to_string(),
            partial_text: false,
        }
    }

    pub fn link(id: i64, denial: ClaimRecord, assertion: ClaimRecord) -> ContradictionRecord {
        let first = if denial.when_stated() <= assertion.when_stated() {
            First::Denial
        } else {
            First::Assertion
        };
        ContradictionRecord {
            id,
            reason: format!(
                "denial #{} is contradicted by assertion #{}",
                denial.id, assertion.id
            ),
            denial,
            assertion,
            first,
        }
    }
}

/// "1 claim", "3 claims": a count with its noun in the singular for one.
pub(crate) fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_names_round_trip() {
        for f in Format::ALL {
            assert_eq!(f.to_string().parse::<Format>(), Ok(f));
            let v = <Format as clap::ValueEnum>::from_str(f.as_str(), false);
            assert_eq!(v, Ok(f));
        }
        for f in TimelineFormat::ALL {
            assert_eq!(f.to_string().parse::<TimelineFormat>(), Ok(f));
            let v = <TimelineFormat as clap::ValueEnum>::from_str(f.as_str(), false);
            assert_eq!(v, Ok(f));
        }
        assert!("xml".parse::<Format>().is_err());
        assert!("timeline_js".parse::<TimelineFormat>().is_err());
        // "markdown" is accepted for `md`, by the parser and on the command line.
        assert_eq!("markdown".parse::<TimelineFormat>(), Ok(TimelineFormat::Md));
        assert_eq!(
            <TimelineFormat as clap::ValueEnum>::from_str("markdown", false),
            Ok(TimelineFormat::Md)
        );
    }
}
