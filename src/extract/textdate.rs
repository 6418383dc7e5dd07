//! Calendar days written in page text: "Published March 3, 2019", "3. März 2019",
//! "03.03.2019", "2019-03-03", "3/4/2019". Pure.
//!
//! Numeric day/month order: dotted dates (`03.04.2019`) are always day first; slashed ones
//! follow the page: month first for English pages not marked as British, Irish, Australian,
//! New Zealand, Indian or South African, day first otherwise; a part above 12 settles it
//! either way. Two-digit years are read only in dotted dates (`3.4.19`, common in German).

use chrono::NaiveDate;

/// Month names and abbreviations (lowercase, without a trailing period) in the languages most
/// news is written in: English, German, French, Spanish, Italian, Portuguese, Dutch.
const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("januar", 1),
    ("jänner", 1),
    ("janvier", 1),
    ("janv", 1),
    ("enero", 1),
    ("ene", 1),
    ("gennaio", 1),
    ("gen", 1),
    ("janeiro", 1),
    ("januari", 1),
    ("february", 2),
    ("feb", 2),
    ("febr", 2),
    ("februar", 2),
    ("février", 2),
    ("fevrier", 2),
    ("févr", 2),
    ("febrero", 2),
    ("febbraio", 2),
    ("fevereiro", 2),
    ("fev", 2),
    ("februari", 2),
    ("march", 3),
    ("mar", 3),
    ("märz", 3),
    ("maerz", 3),
    ("mär", 3),
    ("mrz", 3),
    ("mars", 3),
    ("marzo", 3),
    ("março", 3),
    ("marco", 3),
    ("maart", 3),
    ("mrt", 3),
    ("april", 4),
    ("apr", 4),
    ("avril", 4),
    ("avr", 4),
    ("abril", 4),
    ("abr", 4),
    ("aprile", 4),
    ("may", 5),
    ("mai", 5),
    ("mayo", 5),
    ("maggio", 5),
    ("mag", 5),
    ("maio", 5),
    ("mei", 5),
    ("june", 6),
    ("jun", 6),
    ("juni", 6),
    ("juin", 6),
    ("junio", 6),
    ("giugno", 6),
    ("giu", 6),
    ("junho", 6),
    ("july", 7),
    ("jul", 7),
    ("juli", 7),
    ("juillet", 7),
    ("juil", 7),
    ("julio", 7),
    ("luglio", 7),
    ("lug", 7),
    ("julho", 7),
    ("august", 8),
    ("aug", 8),
    ("août", 8),
    ("aout", 8),
    ("agosto", 8),
    ("ago", 8),
    ("augustus", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("septembre", 9),
    ("septiembre", 9),
    ("settembre", 9),
    ("set", 9),
    ("setembro", 9),
    ("october", 10),
    ("oct", 10),
    ("oktober", 10),
    ("okt", 10),
    ("octobre", 10),
    ("octubre", 10),
    ("ottobre", 10),
    ("ott", 10),
    ("outubro", 10),
    ("out", 10),
    ("november", 11),
    ("nov", 11),
    ("novembre", 11),
    ("noviembre", 11),
    ("novembro", 11),
    ("december", 12),
    ("dec", 12),
    ("dezember", 12),
    ("dez", 12),
    ("décembre", 12),
    ("decembre", 12),
    ("déc", 12),
    ("diciembre", 12),
    ("dic", 12),
    ("dicembre", 12),
    ("dezembro", 12),
];

fn month_of(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    MONTHS.iter().find(|(n, _)| *n == w).map(|(_, m)| *m)
}

/// A token of a date line: a number (with its digit count) or a word.
#[derive(Debug, Clone, PartialEq)]
enum Tok<'a> {
    Num(u32, usize),
    Word(&'a str),
    /// A separator character other than whitespace: `.`, `/`, `-`, `,`.
    Sep(char),
}

fn tokens(s: &str) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_ascii_digit() {
            let mut end = i + 1;
            while let Some(&(j, d)) = it.peek() {
                if d.is_ascii_digit() {
                    end = j + 1;
                    it.next();
                } else {
                    break;
                }
            }
            let digits = &s[i..end];
            if digits.len() <= 4 {
                out.push(Tok::Num(digits.parse().unwrap_or(0), digits.len()));
            } else {
                out.push(Tok::Word(digits));
            }
        } else if c.is_alphabetic() {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = it.peek() {
                if d.is_alphabetic() {
                    end = j + d.len_utf8();
                    it.next();
                } else {
                    break;
                }
            }
            out.push(Tok::Word(&s[i..end]));
        } else if matches!(c, '.' | '/' | '-' | ',') {
            out.push(Tok::Sep(c));
        }
    }
    out
}

/// Whether numeric `a/b/yyyy` dates on a page in `lang` put the month first.
pub(crate) fn month_first(lang: Option<&str>) -> bool {
    let Some(l) = lang else { return false };
    let l = l.to_ascii_lowercase().replace('_', "-");
    if !(l == "en" || l.starts_with("en-")) {
        return false;
    }
    !["en-gb", "en-ie", "en-au", "en-nz", "en-in", "en-za", "en-uk"]
        .iter()
        .any(|p| l.starts_with(p))
}

fn year_of(n: u32, digits: usize, two_digit_ok: bool) -> Option<i32> {
    match digits {
        4 if (1990..=2100).contains(&n) => Some(n as i32),
        2 if two_digit_ok => Some(2000 + n as i32),
        _ => None,
    }
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// The first calendar day written in `s`, if any. `month_first` orders slashed numeric dates.
pub(crate) fn first_date(s: &str, month_first: bool) -> Option<NaiveDate> {
    // Every date has a number in it: most text has none and needs no tokens.
    if !s.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let t = tokens(s);
    (0..t.len()).find_map(|i| date_at(&t[i..], month_first))
}

/// A date starting at the first token of `t`.
fn date_at(t: &[Tok], month_first: bool) -> Option<NaiveDate> {
    use Tok::*;
    match t {
        // 2019-03-03, 2019/03/03, 2019.03.03
        [Num(y, 4), Sep(s1), Num(m, _), Sep(s2), Num(d, dl), ..]
            if s1 == s2 && matches!(s1, '-' | '/' | '.') && *dl <= 2 =>
        {
            ymd(year_of(*y, 4, false)?, *m, *d)
        }
        // 03.03.2019, 3.3.19, 03/03/2019, 03-03-2019
        [Num(a, al), Sep(s1), Num(b, bl), Sep(s2), Num(y, yl), rest @ ..]
            if s1 == s2 && matches!(s1, '.' | '/' | '-') && *al <= 2 && *bl <= 2 =>
        {
            // Not a version number or an IP-like run: "1.2.19.4".
            if matches!(rest.first(), Some(Sep('.' | '/' | '-'))) && matches!(rest.get(1), Some(Num(..))) {
                return None;
            }
            let y = year_of(*y, *yl, *s1 == '.')?;
            let (a, b) = (*a, *b);
            // Day first with dots, or when the first number cannot be a month; month first when
            // the second cannot be one, or by the page's language.
            let day_first = *s1 == '.' || a > 12 || (b <= 12 && !month_first);
            let (d, m) = if day_first { (a, b) } else { (b, a) };
            ymd(y, m, d)
        }
        // 3. März 2019, 3 March 2019, 3rd of March, 2019 (the ordinal suffix is a word)
        [Num(d, dl), rest @ ..] if *dl <= 2 => {
            let mut r = rest;
            if let [Sep('.'), tail @ ..] = r {
                r = tail;
            }
            if let [Word(w), tail @ ..] = r {
                if matches!(w.to_ascii_lowercase().as_str(), "st" | "nd" | "rd" | "th" | "er") {
                    r = tail;
                }
            }
            if let [Word(w), tail @ ..] = r {
                if matches!(w.to_ascii_lowercase().as_str(), "of" | "de") {
                    r = tail;
                }
            }
            let [Word(w), tail @ ..] = r else { return None };
            let m = month_of(w)?;
            let mut tail = tail;
            while let [Sep('.' | ','), rest @ ..] = tail {
                tail = rest;
            }
            if let [Word(de), rest @ ..] = tail {
                if de.eq_ignore_ascii_case("de") {
                    tail = rest;
                }
            }
            let [Num(y, 4), ..] = tail else { return None };
            ymd(year_of(*y, 4, false)?, m, *d)
        }
        // March 3, 2019; Mar. 3rd 2019; March 3 2019
        [Word(w), rest @ ..] => {
            let m = month_of(w)?;
            let mut r = rest;
            if let [Sep('.'), tail @ ..] = r {
                r = tail;
            }
            let [Num(d, dl), tail @ ..] = r else { return None };
            if *dl > 2 {
                return None;
            }
            let mut tail = tail;
            if let [Word(sfx), rest @ ..] = tail {
                if matches!(sfx.to_ascii_lowercase().as_str(), "st" | "nd" | "rd" | "th") {
                    tail = rest;
                }
            }
            while let [Sep(',' | '.'), rest @ ..] = tail {
                tail = rest;
            }
            let [Num(y, 4), ..] = tail else { return None };
            ymd(year_of(*y, 4, false)?, m, *d)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_text() {
        fn check(input: &str, month_first: bool, expected: Option<&str>) {
            let want = expected.map(|e| e.parse::<NaiveDate>().expect("valid test date"));
            assert_eq!(first_date(input, month_first), want, "{input:?}");
        }
        check("Published March 3, 2019 at 10:00", false, Some("2019-03-03"));
        check("Mar. 3rd, 2019", false, Some("2019-03-03"));
        check("Updated: 3 March 2019", false, Some("2019-03-03"));
        check(
            "Veröffentlicht am 3. März 2019, 14:12 Uhr",
            false,
            Some("2019-03-03"),
        );
        check("19.10.2019 | 12:31", false, Some("2019-10-19"));
        check("Stand: 1.2.19", false, Some("2019-02-01"));
        check("posted 2019-10-19T08:00", false, Some("2019-10-19"));
        check("03/04/2019", true, Some("2019-03-04"));
        check("03/04/2019", false, Some("2019-04-03"));
        check("10/19/2019", false, Some("2019-10-19"));
        check("le 19 octobre 2019", false, Some("2019-10-19"));
        check("19 de octubre de 2019", false, Some("2019-10-19"));
        check("version 1.2.3.4", false, None);
        check("31.02.2019", false, None);
        check("May the force be with you 2019", false, None);
        check("Call 555-12-2019", false, None);
        check("", false, None);
        check("in 2019 or 1985", false, None);
    }

    #[test]
    fn numeric_order_by_language() {
        fn check(lang: Option<&str>, expected: bool) {
            assert_eq!(month_first(lang), expected, "{lang:?}");
        }
        check(Some("en-US"), true);
        check(Some("en"), true);
        check(Some("en_GB"), false);
        check(Some("de-DE"), false);
        check(None, false);
    }
}
