//! Sentence spans: Unicode sentence boundaries (UAX #29) within each line, re-joined after
//! abbreviations and initials ("Mr.", "Dec.", "U.S.", "J."), and always split at line breaks (a
//! headline without a full stop is its own sentence). Spans are trimmed of whitespace.

use unicode_segmentation::UnicodeSegmentation;

/// Words ending in a full stop that do not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Sen.", "Rep.", "Gov.", "Gen.", "Lt.", "Col.", "Sgt.", "Capt.",
    "St.", "No.", "Nos.", "Inc.", "Corp.", "Co.", "Ltd.", "Jr.", "Sr.", "vs.", "v.", "Jan.", "Feb.", "Mar.",
    "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.", "Mon.", "Tue.", "Wed.", "Thu.",
    "Fri.", "Sat.", "Sun.", "approx.", "est.", "Ave.", "Blvd.", "Mt.", "Ft.", "Dept.", "Univ.", "Assn.",
    "Bros.", "Calif.", "Mass.", "Wash.", "Fla.", "Ill.", "Pa.", "Va.", "Conn.", "Ariz.", "Colo.", "Mich.",
    "Minn.", "Tenn.", "Tex.", "Wis.", "Ore.", "Nev.", "e.g.", "i.e.", "cf.", "al.", "ca.", "Fig.", "p.",
    "pp.", "Vol.", "Ch.", "Art.", "Sec.",
];

/// Byte spans `[start, end)` of the sentences of `text`, in order.
#[cfg(test)]
pub(crate) fn split(text: &str) -> Vec<(usize, usize)> {
    split_lines(text, |_, _| true)
}

/// The sentences of the lines `[start, end)` for which `wanted` holds (sentences never cross a
/// line break, so lines can be skipped whole).
pub(crate) fn split_lines(text: &str, mut wanted: impl FnMut(usize, usize) -> bool) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split('\n') {
        let base = line_start;
        line_start += line.len() + 1;
        if !wanted(base, base + line.len()) {
            continue;
        }
        let mut pending: Option<(usize, usize)> = None;
        for (i, piece) in line.split_sentence_bound_indices() {
            let Some((s, e)) = trim(piece, base + i) else {
                continue;
            };
            pending = match pending {
                Some((ps, pe)) if ends_with_abbreviation(&text[ps..pe]) => Some((ps, e)),
                Some(p) => {
                    out.push(p);
                    Some((s, e))
                }
                None => Some((s, e)),
            };
        }
        out.extend(pending);
    }
    out
}

fn trim(piece: &str, at: usize) -> Option<(usize, usize)> {
    let lead = piece.len() - piece.trim_start().len();
    let t = piece.trim();
    (!t.is_empty()).then_some((at + lead, at + lead + t.len()))
}

fn ends_with_abbreviation(sentence: &str) -> bool {
    let last = sentence.rsplit(char::is_whitespace).next().unwrap_or("");
    let word = last.trim_start_matches(|c: char| !c.is_alphanumeric());
    if ABBREVIATIONS.contains(&word) {
        return true;
    }
    // Initials ("J.") and dotted abbreviations ("U.S.", "U.K.").
    let mut chars = word.chars();
    let mut n = 0;
    loop {
        match (chars.next(), chars.next()) {
            (Some(c), Some('.')) if c.is_alphabetic() => n += 1,
            (None, None) => break n > 0 && word.chars().next().is_some_and(char::is_uppercase),
            _ => break false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: &[&str]) {
        let got: Vec<&str> = split(text).into_iter().map(|(s, e)| &text[s..e]).collect();
        assert_eq!(got, expected, "{text:?}");
    }

    #[test]
    fn splits_and_rejoins() {
        check(
            "Headline Without Stop\n\nFirst one. Second one.",
            &["Headline Without Stop", "First one.", "Second one."],
        );
        check(
            "On Dec. 18 Mr. Smith spoke. Then he left.",
            &["On Dec. 18 Mr. Smith spoke.", "Then he left."],
        );
        check(
            "The U.S. Senate met. It voted.",
            &["The U.S. Senate met.", "It voted."],
        );
        check(
            "Written by J. Doe of Acme Inc. in Boston. Done.",
            &["Written by J. Doe of Acme Inc. in Boston.", "Done."],
        );
        check(
            "“It was fine,” she said. “We never did.”",
            &["“It was fine,” she said.", "“We never did.”"],
        );
        check("  \n \n", &[]);
        check(
            "Zoë’s café closed. Über alles!",
            &["Zoë’s café closed.", "Über alles!"],
        );
    }
}
