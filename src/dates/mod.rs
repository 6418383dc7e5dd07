//! Dates: parsing the dates users and inputs give, and resolving the time expressions of news
//! text ("Dec. 18", "in April", "beginning in 2013") against an article's date. Pure: no I/O, no
//! clock.

use chrono::{DateTime, NaiveDate, NaiveDateTime};

use crate::model::PartialDate;

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
    for f in ["%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%d %H:%M"] {
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
pub fn resolve(sentence: &str, article_date: Option<NaiveDate>) -> TimeFacts {
    let _ = (sentence, article_date);
    TimeFacts::default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn input_dates() {
        let d = NaiveDate::from_ymd_opt(2018, 12, 19).unwrap();
        for s in ["2018-12-19", "2018-12-19T23:30:00-05:00", "2018-12-19 08:00:00", " 2018-12-19T08:00:00Z "] {
            assert_eq!(parse_input_date(s), Ok(d), "{s}");
        }
        for s in ["19/12/2018", "yesterday", "2018-02-30", ""] {
            assert!(parse_input_date(s).is_err(), "{s}");
        }
    }
}
