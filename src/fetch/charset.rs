//! Character set of a fetched page, in the HTML5 order.

use std::sync::LazyLock;

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};
use regex::bytes::Regex;

/// How many leading bytes the `<meta>` prescan looks at (the HTML5 figure).
const PRESCAN_BYTES: usize = 1024;

/// `<meta charset=...>` and `<meta http-equiv="Content-Type" content="...; charset=...">` alike.
static META_CHARSET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i-u)<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([a-z0-9_:.\-]+)"#)
        .expect("the meta charset pattern is a valid regex")
});

/// Decodes a page: a byte-order mark wins, then the `charset` of the HTTP `Content-Type`
/// (`content_type` may be `None`), then a `<meta>` charset in the first 1024 bytes, then a
/// guess by `chardetng`. Returns the text (malformed sequences replaced with U+FFFD) and the
/// WHATWG name of the encoding used.
pub fn decode_html(bytes: &[u8], content_type: Option<&str>) -> (String, &'static str) {
    let encoding = Encoding::for_bom(bytes)
        .map(|(enc, _)| enc)
        .or_else(|| content_type.and_then(charset_from_content_type))
        .or_else(|| meta_charset(bytes))
        .unwrap_or_else(|| guess(bytes));
    // `decode` sniffs the BOM again and strips it.
    let (text, used, _had_errors) = encoding.decode(bytes);
    (text.into_owned(), used.name())
}

/// The encoding named by a `charset=` parameter of a `Content-Type` value, if known.
fn charset_from_content_type(value: &str) -> Option<&'static Encoding> {
    value.split(';').skip(1).find_map(|param| {
        let (name, val) = param.split_once('=')?;
        if !name.trim().eq_ignore_ascii_case("charset") {
            return None;
        }
        Encoding::for_label(val.trim().trim_matches(|c| c == '"' || c == '\'').as_bytes())
    })
}

fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(PRESCAN_BYTES)];
    let label = META_CHARSET.captures(head)?.get(1)?.as_bytes();
    let enc = Encoding::for_label(label)?;
    // HTML5: a UTF-16 label in <meta> means UTF-8 (the bytes were ASCII-compatible enough to
    // read the tag), and x-user-defined means windows-1252.
    Some(if enc == encoding_rs::UTF_16BE || enc == encoding_rs::UTF_16LE {
        UTF_8
    } else if enc == encoding_rs::X_USER_DEFINED {
        WINDOWS_1252
    } else {
        enc
    })
}

fn guess(bytes: &[u8]) -> &'static Encoding {
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    detector.guess(None, Utf8Detection::Allow)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(bytes: &[u8], content_type: Option<&str>, want_text: &str, want_encoding: &str) {
        let (text, encoding) = decode_html(bytes, content_type);
        assert_eq!(encoding, want_encoding, "bytes {bytes:?}");
        assert!(text.contains(want_text), "{text:?} lacks {want_text:?}");
    }

    #[test]
    fn html5_order() {
        // 0xE9 is é in windows-1252; 0x80 is €.
        let meta_only = b"<html><head><meta charset=\"windows-1252\"><title>caf\xe9</title></head></html>";
        check(meta_only, None, "caf\u{e9}", "windows-1252");
        check(meta_only, Some("text/html"), "caf\u{e9}", "windows-1252");
        let http_equiv =
            b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"><p>\x80 5</p>";
        check(http_equiv, None, "\u{20ac} 5", "windows-1252");
        // HTTP charset beats <meta>.
        check(
            b"<meta charset=windows-1252><p>\xc3\xa9t\xc3\xa9</p>",
            Some("text/html; charset=UTF-8"),
            "\u{e9}t\u{e9}",
            "UTF-8",
        );
        // A BOM beats everything.
        check(
            b"\xef\xbb\xbf<meta charset=windows-1252><p>\xc3\xa9</p>",
            Some("text/html; charset=iso-8859-2"),
            "<p>\u{e9}</p>",
            "UTF-8",
        );
        // Quoted charset parameter.
        check(
            b"<p>\xe9</p>",
            Some("text/html; charset=\"windows-1252\""),
            "\u{e9}",
            "windows-1252",
        );
        // A <meta> UTF-16 label means UTF-8.
        check(b"<meta charset=utf-16><p>\xc3\xa9</p>", None, "\u{e9}", "UTF-8");
        // No label at all: detection.
        check(
            "<p>Données personnelles, à vendre, déjà été</p>".as_bytes(),
            None,
            "Donn\u{e9}es",
            "UTF-8",
        );
        check(
            b"<p>Donn\xe9es personnelles, \xe0 vendre, d\xe9j\xe0 \xe9t\xe9 vendues</p>",
            None,
            "Donn\u{e9}es",
            "windows-1252",
        );
        // An unknown label is ignored.
        check(
            b"<p>plain</p>",
            Some("text/html; charset=bogus"),
            "plain",
            "UTF-8",
        );
    }

    #[test]
    fn meta_beyond_prescan_is_ignored() {
        let mut page = b"<html><head>".to_vec();
        page.extend(std::iter::repeat_n(b' ', 1100));
        page.extend(b"<meta charset=\"iso-8859-7\"><p>plain</p>");
        let (_, encoding) = decode_html(&page, None);
        assert_ne!(encoding, "ISO-8859-7");
    }
}
