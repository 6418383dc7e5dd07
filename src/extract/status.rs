//! How complete the extracted text is: `full`, `partial` (a teaser behind a paywall or login,
//! or far less than the page shows) or `empty`. Pure.

use std::fmt;

/// How complete an article's extracted text is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TextStatus {
    /// The page's article text, as far as claimtrack can tell.
    Full,
    /// A teaser: the page marks the rest as paywalled or login-only, or shows much more
    /// paragraph text than was extracted. Claims from it are flagged.
    Partial,
    /// No article text.
    #[default]
    Empty,
}

impl TextStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            TextStatus::Full => "full",
            TextStatus::Partial => "partial",
            TextStatus::Empty => "empty",
        }
    }

    pub fn parse(s: &str) -> Option<TextStatus> {
        match s {
            "full" => Some(TextStatus::Full),
            "partial" => Some(TextStatus::Partial),
            "empty" => Some(TextStatus::Empty),
            _ => None,
        }
    }
}

impl fmt::Display for TextStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Marks of a paywall or login wall in a page's markup (script bodies already stripped),
/// searched case-insensitively: schema.org's `isAccessibleForFree: false`, wall containers,
/// and the wall's wording.
const WALL_MARKS: &[&str] = &[
    "paywall",
    "regwall",
    "meterwall",
    "subscriber-only",
    "subscribers-only",
    "premium-content",
    "subscribe to continue",
    "subscribe to read",
    "to continue reading",
    "subscribers only",
    "already a subscriber",
    "sign in to continue",
    "log in to continue",
    "login to continue",
    "register to continue",
    "create a free account to",
    "jetzt abonnieren",
    "weiterlesen mit",
];

/// A text with fewer characters than this is `empty`: a stray label, not an article.
const EMPTY_BELOW: usize = 40;
/// A walled page's text up to this length is a teaser.
const TEASER_MAX: usize = 2500;

const ACCESSIBLE_FLAG: &str = "isaccessibleforfree";

/// Parts of the wall marks, one of which each mark holds (and the flag itself): the page is
/// searched for these (fast literal searches), and a mark is checked only where one is
/// found. A single automaton for all the marks finds no literal prefilter for this many
/// patterns and walks the page byte by byte, several times slower.
const WALL_ANCHORS: &[&str] = &[
    "wall",
    "subscri",
    "continu",
    "premium-content",
    "create a free account to",
    "jetzt abonnieren",
    "weiterlesen mit",
    ACCESSIBLE_FLAG,
];

static ANCHOR_FINDERS: std::sync::LazyLock<Vec<memchr::memmem::Finder<'static>>> =
    std::sync::LazyLock::new(|| WALL_ANCHORS.iter().map(memchr::memmem::Finder::new).collect());

/// A wall mark and the byte offset in it where an anchor first stands.
type MarkAt = (&'static [u8], usize);

/// For each of `WALL_ANCHORS`, the marks holding it with where it first stands in each: a
/// mark is checked where the anchor is found, as the mark's first occurrence of it.
static MARKS_BY_ANCHOR: std::sync::LazyLock<Vec<Vec<MarkAt>>> = std::sync::LazyLock::new(|| {
    WALL_ANCHORS
        .iter()
        .map(|anchor| {
            WALL_MARKS
                .iter()
                .filter_map(|m| m.find(anchor).map(|k| (m.as_bytes(), k)))
                .collect()
        })
        .collect()
});

/// Whether the page's markup shows a paywall or login wall: a wall mark anywhere
/// (case-insensitively), or `isAccessibleForFree` followed closely by `false`.
pub(crate) fn has_wall(html: &str) -> bool {
    // ASCII lower case keeps every byte where it is, so offsets in `lower` are offsets in
    // `html`, and a case-sensitive search of `lower` is a case-insensitive one of `html`.
    let lower = html.as_bytes().to_ascii_lowercase();
    for (a, (anchor, finder)) in WALL_ANCHORS.iter().zip(ANCHOR_FINDERS.iter()).enumerate() {
        for at in finder.find_iter(&lower) {
            if *anchor == ACCESSIBLE_FLAG {
                // It counts only when `false` follows within a few characters.
                let window: String = html[at + anchor.len()..]
                    .chars()
                    .take(16)
                    .map(|c| c.to_ascii_lowercase())
                    .collect();
                if window.contains("false") {
                    return true;
                }
                continue;
            }
            let hit = MARKS_BY_ANCHOR[a]
                .iter()
                .any(|&(m, k)| at >= k && lower[at - k..].starts_with(m));
            if hit {
                return true;
            }
        }
    }
    false
}

/// Judges a text: `wall` tells whether the page shows a paywall (asked only for a text short
/// enough to be a teaser: the page-wide search is the costly part), `visible_chars` how much
/// paragraph text the page shows outside its chrome.
pub(crate) fn judge(text: &str, wall: impl FnOnce() -> bool, visible_chars: usize) -> TextStatus {
    let chars = if text.is_ascii() {
        // On ASCII, `char::is_whitespace` holds for tab to carriage return and space.
        text.bytes()
            .filter(|b| !matches!(b, b'\t'..=b'\r' | b' '))
            .count()
    } else {
        text.chars().filter(|c| !c.is_whitespace()).count()
    };
    if chars < EMPTY_BELOW {
        return TextStatus::Empty;
    }
    let teaser = chars <= TEASER_MAX && wall();
    let far_short = visible_chars >= 3000 && chars * 4 < visible_chars;
    if teaser || far_short {
        TextStatus::Partial
    } else {
        TextStatus::Full
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walls() {
        fn check(html: &str, expected: bool) {
            assert_eq!(has_wall(html), expected, "{html}");
        }
        check(r#"<div class="paywall-box">x</div>"#, true);
        check(r#"{"isAccessibleForFree": false}"#, true);
        check(r#"{"isAccessibleForFree":"False"}"#, true);
        check(r#"{"isAccessibleForFree": true}"#, false);
        check("<p>Subscribe to continue reading.</p>", true);
        check("<p>A plain article about walls.</p>", false);
        check(r#"<div class="PayWall">x</div>"#, true);
        check(
            r#"{"isAccessibleForFree": true} <p>To continue reading, log in.</p>"#,
            true,
        );
        check(
            r#"{"isAccessibleForFree": true} {"isAccessibleForFree": false}"#,
            true,
        );
    }

    #[test]
    fn every_mark_holds_an_anchor() {
        for m in WALL_MARKS {
            assert_eq!(m.to_ascii_lowercase(), *m, "{m:?} is searched in lower case");
            assert!(
                WALL_ANCHORS.iter().any(|a| m.contains(a)),
                "{m:?} holds no anchor"
            );
        }
    }

    #[test]
    fn statuses() {
        fn check(text_chars: usize, wall: bool, visible: usize, expected: TextStatus) {
            let text = "word ".repeat(text_chars / 4);
            assert_eq!(
                judge(&text, || wall, visible),
                expected,
                "{text_chars} {wall} {visible}"
            );
        }
        check(0, false, 0, TextStatus::Empty);
        check(20, true, 5000, TextStatus::Empty);
        check(800, false, 900, TextStatus::Full);
        check(800, true, 900, TextStatus::Partial);
        check(8000, true, 9000, TextStatus::Full);
        check(800, false, 10_000, TextStatus::Partial);
    }
}
