//! Cuts the bodies of `<script>` and `<style>` elements out of the raw HTML before it is
//! parsed. On news pages they are about half the bytes (inline bundles, JSON state, CSS), and
//! the HTML tokenizer, the tree and every later walk pay for them although no extraction step
//! reads them. JSON-LD scripts (`type="application/ld+json"`) are kept for the metadata reader.
//!
//! The scan follows the tokenizer's rule for these raw-text elements: the body ends at the
//! first `</script` (`</style`) followed by whitespace, `/` or `>`. An opening tag whose body
//! never closes is left alone. Pure.

use std::borrow::Cow;

/// The HTML with script (except JSON-LD) and style bodies removed; borrowed when there is none.
pub(crate) fn strip_raw_text(html: &str) -> Cow<'_, str> {
    let b = html.as_bytes();
    let mut out = String::new();
    let mut copied = 0; // bytes of `html` already handled (copied or skipped)
    let mut i = 0;
    while let Some(off) = memchr_lt(&b[i..]) {
        let lt = i + off;
        i = lt + 1;
        let Some(name) = raw_text_name(&b[lt + 1..]) else {
            continue;
        };
        let Some(gt) = memchr::memchr(b'>', &b[lt..]).map(|p| lt + p) else {
            break;
        };
        let body_start = gt + 1;
        let Some(end) = find_close(b, body_start, name) else {
            break;
        };
        i = end;
        let keep = name == b"script" && is_json_ld(&b[lt..gt]);
        if keep || end == body_start {
            continue;
        }
        out.push_str(&html[copied..body_start]);
        copied = end;
    }
    if copied == 0 {
        return Cow::Borrowed(html);
    }
    out.push_str(&html[copied..]);
    Cow::Owned(out)
}

fn memchr_lt(b: &[u8]) -> Option<usize> {
    memchr::memchr(b'<', b)
}

/// `script` or `style` when `rest` (the bytes after `<`) starts that element's opening tag.
fn raw_text_name(rest: &[u8]) -> Option<&'static [u8]> {
    for name in [&b"script"[..], &b"style"[..]] {
        if rest.len() > name.len()
            && rest[..name.len()].eq_ignore_ascii_case(name)
            && is_tag_name_end(rest[name.len()])
        {
            return Some(name);
        }
    }
    None
}

fn is_tag_name_end(c: u8) -> bool {
    c.is_ascii_whitespace() || c == b'>' || c == b'/'
}

/// Byte offset of the `<` of the first `</name` closing tag at or after `from`.
fn find_close(b: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    let mut i = from;
    let finder = memchr::memmem::Finder::new(b"</");
    while let Some(off) = finder.find(&b[i..]) {
        let lt = i + off;
        let rest = &b[lt + 1..];
        if rest.len() > name.len() + 1
            && rest[0] == b'/'
            && rest[1..=name.len()].eq_ignore_ascii_case(name)
            && is_tag_name_end(rest[name.len() + 1])
        {
            return Some(lt);
        }
        i = lt + 1;
    }
    None
}

fn is_json_ld(open_tag: &[u8]) -> bool {
    open_tag.windows(7).any(|w| w.eq_ignore_ascii_case(b"ld+json"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_script_and_style_bodies() {
        fn check(input: &str, expected: &str) {
            assert_eq!(strip_raw_text(input), expected, "{input:?}");
        }
        check("<p>plain</p>", "<p>plain</p>");
        check(
            "<script>var a = '<p>x</p>';</script><p>t</p>",
            "<script></script><p>t</p>",
        );
        check(
            "<SCRIPT type=text/javascript>x</Script ><style>p{}</style>",
            "<SCRIPT type=text/javascript></Script ><style></style>",
        );
        check(
            r#"<script type="application/ld+json">{"a":1}</script>"#,
            r#"<script type="application/ld+json">{"a":1}</script>"#,
        );
        check("<scripts>kept</scripts>", "<scripts>kept</scripts>");
        check(
            "<script>never closed <p>text</p>",
            "<script>never closed <p>text</p>",
        );
        check("<script>a</scriptx>b</script>c", "<script></script>c");
        check("<style", "<style");
        check("", "");
        check("é<script>ü</script>ß", "é<script></script>ß");
    }
}
