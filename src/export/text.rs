//! Small text helpers shared by the writers: escaping for HTML and Markdown, URL checks,
//! char-aware truncation, and one-line cleaning for terminal tables.

use std::borrow::Cow;

use crate::model::DataType;

/// Escapes `& < > " '` so the result is safe in HTML text and in quoted attribute values.
pub fn html_escape(s: &str) -> Cow<'_, str> {
    if !s.contains(['&', '<', '>', '"', '\'']) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Escapes Markdown-special characters with a backslash (valid for every ASCII punctuation
/// character in CommonMark) and makes the text one line, so article text cannot open a link,
/// a table cell, an HTML tag, a heading or emphasis.
pub fn md_escape(s: &str) -> String {
    let line = one_line(s);
    let mut out = String::with_capacity(line.len() + 8);
    for c in line.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '(' | ')' | '!' | '~' | '{' | '}'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    // A leading "+", "-" or "1." would start a list item in some positions: escape those too.
    if out.starts_with(['+', '-']) {
        out.insert(0, '\\');
    }
    out
}

/// The URL, trimmed, when its scheme is http or https and it has no whitespace or control
/// characters; `None` otherwise (the caller shows it as text, not as a link).
pub fn http_url(url: &str) -> Option<&str> {
    let u = url.trim();
    let lower = u.get(..8).unwrap_or(u).to_ascii_lowercase();
    let ok_scheme = lower.starts_with("http://") || lower.starts_with("https://");
    let clean = !u.chars().any(|c| c.is_whitespace() || c.is_control());
    (ok_scheme && clean && u.len() > "http://".len()).then_some(u)
}

/// Collapses every run of whitespace and control characters into one space and trims.
pub fn one_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() || c.is_control() {
            space = !out.is_empty();
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    out
}

/// At most `max` characters; a cut string ends with "…" (counted in `max`).
pub fn truncate(s: &str, max: usize) -> Cow<'_, str> {
    if s.chars().count() <= max {
        return Cow::Borrowed(s);
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    Cow::Owned(out)
}

/// A data-type key in words: `private_messages` → `private messages`.
pub fn data_type_words(d: DataType) -> String {
    d.as_str().replace('_', " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncates_by_chars() {
        fn check(input: &str, max: usize, expected: &str) {
            assert_eq!(truncate(input, max), expected, "{input:?} at {max}");
        }
        check("short", 10, "short");
        check("exactly10!", 10, "exactly10!");
        check("a longer sentence", 8, "a longe…");
        check("données privées", 8, "données…");
        check("日本語のテキストです", 5, "日本語の…");
        check("x", 0, "…");
    }

    #[test]
    fn escapes_html() {
        fn check(input: &str, expected: &str) {
            assert_eq!(html_escape(input), expected);
        }
        check("plain", "plain");
        check(
            "<script>alert(1)</script>",
            "&lt;script&gt;alert(1)&lt;/script&gt;",
        );
        check("a \"b\" & 'c'", "a &quot;b&quot; &amp; &#39;c&#39;");
    }

    #[test]
    fn escapes_markdown() {
        fn check(input: &str, expected: &str) {
            assert_eq!(md_escape(input), expected);
        }
        check("plain words", "plain words");
        check("[x](http://e.vil)", "\\[x\\]\\(http://e.vil\\)");
        check("# not a heading", "\\# not a heading");
        check("a | b <b>", "a \\| b \\<b\\>");
        check("- item", "\\- item");
        check("two\nlines", "two lines");
    }

    #[test]
    fn accepts_only_http_urls() {
        fn check(input: &str, expected: Option<&str>) {
            assert_eq!(http_url(input), expected, "{input:?}");
        }
        check("https://example.org/a?b=1", Some("https://example.org/a?b=1"));
        check(" HTTP://example.org ", Some("HTTP://example.org"));
        check("javascript:alert(1)", None);
        check("data:text/html,<b>", None);
        check("https://exa mple.org", None);
        check("http://", None);
        check("", None);
    }
}
