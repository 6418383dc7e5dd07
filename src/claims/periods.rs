//! Periods shared within an article. A report usually dates an episode once ("From 2016 to
//! 2019, the app passed cycle data to Facebook") and describes it again undated in other
//! sentences ("the regulator said the app disclosed health data to marketers"). An undated
//! assertion takes the period of the nearest dated assertion of the same article about the
//! same company and a compatible data type.
//!
//! The donor must be at least as sure as the borrower (its confidence): a sentence whose platform
//! is only implied ("mandated in 2011 …, allowing partners to share data") does not date the
//! article's firm reports.
//!
//! This only narrows what an assertion can contradict: an undated one reaches from the
//! beginning of time to its report date; a borrowed period ending after that date is not taken.

use crate::model::{Claim, Polarity};

/// Fills `period_start`/`period_end` of undated assertions in one article's `claims` (in text
/// order) from the nearest dated assertion by character distance; on a tie the earlier one.
pub(crate) fn inherit_periods(claims: &mut [Claim]) {
    let dated: Vec<usize> = (0..claims.len())
        .filter(|&j| {
            let c = &claims[j];
            c.polarity == Polarity::Assertion && (c.period_start.is_some() || c.period_end.is_some())
        })
        .collect();
    if dated.is_empty() {
        return;
    }
    for i in 0..claims.len() {
        let c = &claims[i];
        if c.polarity != Polarity::Assertion || c.period_start.is_some() || c.period_end.is_some() {
            continue;
        }
        let fits = |j: usize| {
            let d = &claims[j];
            d.actor == c.actor
                && d.data_type.compatible(&c.data_type)
                // A period is borrowed only from a claim at least as sure: not from a hedged
                // one, nor from one whose platform was only implied by the article's topic.
                && d.confidence >= c.confidence
                && !d.rule.ends_with(".topic")
                && match (d.period_end, c.stated_on) {
                    (Some(end), Some(stated)) => end.first_day() <= stated.last_day(),
                    _ => true,
                }
        };
        let best = dated
            .iter()
            .copied()
            .filter(|&j| fits(j))
            .min_by_key(|&j| (claims[j].start.abs_diff(c.start), claims[j].start));
        if let Some(j) = best {
            let (s, e) = (claims[j].period_start, claims[j].period_end);
            claims[i].period_start = s;
            claims[i].period_end = e;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Action, DataType, PartialDate};

    /// `"pol actor dt start..end @offset"`, e.g. `"a Flo health 2016..2019 @10"`; `-` for none.
    fn claim(desc: &str) -> Claim {
        let f: Vec<&str> = desc.split_whitespace().collect();
        let date = |s: &str| (s != "-").then(|| s.parse::<PartialDate>().expect("test date"));
        let (start, end) = f[3].split_once("..").expect("test period is start..end");
        Claim {
            actor: f[1].to_string(),
            counterparty: None,
            data_type: f[2].parse::<DataType>().expect("test data type"),
            action: Action::Share,
            polarity: if f[0] == "d" {
                Polarity::Denial
            } else {
                Polarity::Assertion
            },
            scope: None,
            speaker: None,
            stated_on: "2021-01-13".parse().ok(),
            period_start: date(start),
            period_end: date(end),
            sentence: String::new(),
            start: f[4].trim_start_matches('@').parse().expect("test offset"),
            end: 0,
            rule: "test".to_string(),
            confidence: 1.0,
        }
    }

    /// `input`: claims in text order; `expected`: each claim's period after the pass.
    fn check(input: &[&str], expected: &[&str]) {
        let mut claims: Vec<Claim> = input.iter().map(|d| claim(d)).collect();
        inherit_periods(&mut claims);
        let got: Vec<String> = claims
            .iter()
            .map(|c| {
                let t = |p: Option<PartialDate>| p.map_or("-".to_string(), |p| p.to_string());
                format!("{}..{}", t(c.period_start), t(c.period_end))
            })
            .collect();
        assert_eq!(got, expected, "{input:?}");
    }

    #[test]
    fn undated_assertions_borrow_the_nearest_period() {
        // The lead is undated; the body dates the episode.
        check(
            &["a Flo health -..- @0", "a Flo health 2016..2019 @200"],
            &["2016..2019", "2016..2019"],
        );
        // Generic personal data is compatible with health; the nearer of two wins.
        check(
            &[
                "a Flo health 2016..2019 @0",
                "a Flo personal_data -..- @300",
                "a Flo health 2020..2020 @350",
            ],
            &["2016..2019", "2020..2020", "2020..2020"],
        );
        // An open start is borrowed as it is.
        check(
            &["a Uber location 2014..- @0", "a Uber location -..- @90"],
            &["2014..-", "2014..-"],
        );
    }

    #[test]
    fn what_is_not_borrowed() {
        // Another company, another data type, a denial's period, a period ending after the
        // report, and denials themselves stay as they are.
        check(
            &["a Flo health 2016..2019 @0", "a Google health -..- @90"],
            &["2016..2019", "-..-"],
        );
        check(
            &["a Flo health 2016..2019 @0", "a Flo location -..- @90"],
            &["2016..2019", "-..-"],
        );
        check(
            &["d Flo health 2016..2019 @0", "a Flo health -..- @90"],
            &["2016..2019", "-..-"],
        );
        check(
            &["a Flo health 2020..2030 @0", "a Flo health -..- @90"],
            &["2020..2030", "-..-"],
        );
        check(
            &["a Flo health 2016..2019 @0", "d Flo health -..- @90"],
            &["2016..2019", "-..-"],
        );
        // A less sure claim (hedged, or its platform only implied) lends nothing to a surer one,
        // but a surer one lends to a less sure one.
        let mut claims = vec![
            claim("a Flo health 2011..2011 @0"),
            claim("a Flo health -..- @90"),
        ];
        claims[0].confidence = 0.5;
        inherit_periods(&mut claims);
        assert_eq!((claims[1].period_start, claims[1].period_end), (None, None));
        let mut claims = vec![
            claim("a Flo health 2011..2011 @0"),
            claim("a Flo health -..- @90"),
        ];
        claims[1].confidence = 0.5;
        inherit_periods(&mut claims);
        assert!(claims[1].period_start.is_some());
        let mut claims = vec![
            claim("a Flo health 2011..2011 @0"),
            claim("a Flo health -..- @90"),
        ];
        claims[0].rule = "assert.share.topic".to_string();
        inherit_periods(&mut claims);
        assert_eq!((claims[1].period_start, claims[1].period_end), (None, None));
    }
}
