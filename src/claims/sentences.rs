//! Sentence spans: within each line, a break after `.`, `?` or `!` (and any closing quotes or
//! brackets) followed by white space — for `.` only when the next word does not start with a
//! lower-case letter, as in UAX #29 — re-joined after abbreviations and initials ("Mr.", "Dec.",
//! "U.S.", "J."); always split at line breaks (a headline without a full stop is its own
//! sentence). Spans are trimmed of whitespace. One pass over the bytes, no tables: this runs on
//! every line that holds a practice verb.

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

/// `ABBREVIATIONS` sorted, for a binary search at every sentence end (a linear `contains` was
/// half of the splitter's instructions).
static SORTED_ABBREVIATIONS: std::sync::LazyLock<Vec<&'static str>> = std::sync::LazyLock::new(|| {
    let mut v = ABBREVIATIONS.to_vec();
    v.sort_unstable();
    v
});

/// Byte spans `[start, end)` of the sentences of `text`, in order.
#[cfg(test)]
pub(crate) fn split(text: &str) -> Vec<(usize, usize)> {
    split_lines(text, |_, _| true)
}

/// The sentences of the lines `[start, end)` for which `wanted` holds (sentences never cross a
/// line break, so lines can be skipped whole).
#[cfg(test)]
pub(crate) fn split_lines(text: &str, mut wanted: impl FnMut(usize, usize) -> bool) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split('\n') {
        let base = line_start;
        line_start += line.len() + 1;
        if wanted(base, base + line.len()) {
            split_line(text, base, line, &mut out);
        }
    }
    out
}

/// The sentences of the lines holding one of `positions` (byte offsets into `text`, in
/// increasing order, none at a line break): each such line is found from the position by
/// `memrchr` and `memchr`, so the lines between are never read. The same sentences as
/// `split_lines` with `wanted` true for exactly the lines holding a position.
pub(crate) fn split_lines_holding(text: &str, positions: impl Iterator<Item = usize>) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    // The end of the last line split: positions before it are in a line already done.
    let mut done = 0;
    for p in positions {
        if p < done || p >= b.len() {
            continue;
        }
        let start = memchr::memrchr(b'\n', &b[..p]).map_or(0, |i| i + 1);
        let end = memchr::memchr(b'\n', &b[p..]).map_or(b.len(), |i| p + i);
        split_line(text, start, &text[start..end], &mut out);
        done = end;
    }
    out
}

/// Appends the sentences of `line`, which starts at byte `base` of `text`.
fn split_line(text: &str, base: usize, line: &str, out: &mut Vec<(usize, usize)>) {
    {
        let mut pending: Option<(usize, usize)> = None;
        for (i, piece) in pieces(line) {
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
}

/// The line cut after each sentence end (the white space after it stays with the piece before).
fn pieces(line: &str) -> impl Iterator<Item = (usize, &str)> {
    let b = line.as_bytes();
    let mut from = 0;
    let mut i = 0;
    std::iter::from_fn(move || {
        // The next terminator, found by memchr.
        while let Some(at) = memchr::memchr3(b'.', b'?', b'!', &b[i..]) {
            let c = b[i + at];
            i += at + 1;
            let full_stop = c == b'.';
            // More terminators ("?!", "..."), then closing quotes and brackets.
            while i < b.len() && matches!(b[i], b'.' | b'?' | b'!') {
                i += 1;
            }
            loop {
                let rest = &line[i..];
                match rest.chars().next() {
                    Some(ch @ ('"' | '\'' | ')' | ']' | '”' | '’' | '»')) => i += ch.len_utf8(),
                    _ => break,
                }
            }
            let rest = &line[i..];
            let ws = rest.len() - rest.trim_start().len();
            if ws == 0 && i < b.len() {
                continue;
            }
            if full_stop && rest.trim_start().chars().next().is_some_and(char::is_lowercase) {
                continue;
            }
            i += ws;
            let piece = (from, &line[from..i]);
            from = i;
            return Some(piece);
        }
        i = b.len();
        if from < b.len() {
            let piece = (from, &line[from..]);
            from = b.len();
            return Some(piece);
        }
        None
    })
}

fn trim(piece: &str, at: usize) -> Option<(usize, usize)> {
    let lead = piece.len() - piece.trim_start().len();
    let t = piece.trim();
    (!t.is_empty()).then_some((at + lead, at + lead + t.len()))
}

fn ends_with_abbreviation(sentence: &str) -> bool {
    let last = sentence.rsplit(char::is_whitespace).next().unwrap_or("");
    let word = last.trim_start_matches(|c: char| !c.is_alphanumeric());
    if SORTED_ABBREVIATIONS.binary_search(&word).is_ok() {
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
            "It paid $3.5 million. Then it stopped... or did it? Yes! (It did.) Next, e.g. this.",
            &[
                "It paid $3.5 million.",
                "Then it stopped... or did it?",
                "Yes!",
                "(It did.)",
                "Next, e.g. this.",
            ],
        );
        check(
            "He said it was fine. it goes on.\n“Never,” he said.“Ok.” Done",
            &[
                "He said it was fine. it goes on.",
                "“Never,” he said.“Ok.”",
                "Done",
            ],
        );
        check(
            "Zoë’s café closed. Über alles!",
            &["Zoë’s café closed.", "Über alles!"],
        );
    }

    /// `split_lines_holding` gives the sentences of exactly the lines holding a position.
    fn check_holding(text: &str, positions: &[usize], expected: &[&str]) {
        let got: Vec<&str> = split_lines_holding(text, positions.iter().copied())
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect();
        assert_eq!(got, expected, "{text:?} {positions:?}");
        let mut ps = positions.iter().copied().peekable();
        let by_line = split_lines(text, |s, e| {
            while ps.next_if(|&p| p < s).is_some() {}
            ps.peek().is_some_and(|&p| p < e)
        });
        let by_line: Vec<&str> = by_line.into_iter().map(|(s, e)| &text[s..e]).collect();
        assert_eq!(got, by_line, "{text:?} {positions:?}");
    }

    #[test]
    fn splits_only_the_lines_holding_a_position() {
        let text = "Head line\nOne. Two.\n\nThree. Four\nFive.";
        check_holding(text, &[], &[]);
        check_holding(text, &[0], &["Head line"]);
        check_holding(text, &[8, 12, 15], &["Head line", "One.", "Two."]);
        check_holding(text, &[21], &["Three.", "Four"]);
        check_holding(text, &[36], &["Five."]);
        check_holding(text, &[0, 21, 36], &["Head line", "Three.", "Four", "Five."]);
        // Past the text: no line.
        check_holding(text, &[40], &[]);
        check_holding("Solo. Line", &[9], &["Solo.", "Line"]);
        check_holding("A.\r\nB.", &[0, 4], &["A.", "B."]);
    }
}
