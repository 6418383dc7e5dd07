//! Bytes from disk → text: BOM, then valid UTF-8, then (for HTML) the page's declared charset,
//! else windows-1252. Also tells binary files from text.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// How many leading bytes are inspected for NUL bytes and control characters.
const SNIFF_BYTES: usize = 8 * 1024;
/// How many leading bytes of an HTML file are searched for a charset declaration.
const CHARSET_BYTES: usize = 4096;

/// Decodes a file's bytes. `html` enables the `<meta charset>` / http-equiv lookup.
/// Fails with a reason when the bytes look binary.
///
/// Valid UTF-8 is trusted over a conflicting declaration: pages saved by browsers are often
/// re-encoded to UTF-8 but keep their original `<meta charset>`, and text in a legacy single-byte
/// charset with any non-ASCII byte is practically never valid UTF-8.
pub(crate) fn decode(bytes: &[u8], html: bool) -> Result<String, String> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return check_text(text.into_owned());
    }
    if looks_binary(bytes) {
        return Err("binary file (not text)".into());
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok(s.to_string());
    }
    let enc = if html {
        declared_charset(bytes).unwrap_or(WINDOWS_1252)
    } else {
        WINDOWS_1252
    };
    let (text, _, _) = enc.decode(bytes);
    Ok(text.into_owned())
}

fn check_text(s: String) -> Result<String, String> {
    let head: String = s.chars().take(SNIFF_BYTES).collect();
    if head.contains('\0') || control_share(head.chars()) > 0.1 {
        return Err("binary file (not text)".into());
    }
    Ok(s)
}

fn control_share(chars: impl Iterator<Item = char>) -> f64 {
    let (mut n, mut ctrl) = (0usize, 0usize);
    for c in chars {
        n += 1;
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0c') {
            ctrl += 1;
        }
    }
    if n == 0 {
        0.0
    } else {
        ctrl as f64 / n as f64
    }
}

/// NUL bytes in the first 8 KiB, or more than a tenth of it ASCII control characters.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    head.contains(&0) || control_share(head.iter().map(|&b| if b < 0x80 { b as char } else { 'x' })) > 0.1
}

/// The charset an HTML page declares in its first bytes (`<meta charset=...>` or
/// `<meta http-equiv="Content-Type" content="text/html; charset=...">`). UTF-16 declarations
/// mean UTF-8, as browsers treat them when there is no BOM.
pub(crate) fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(CHARSET_BYTES)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(pos) = find(&lower[from..], b"charset") {
        let mut i = from + pos + b"charset".len();
        from = i;
        while lower.get(i).is_some_and(|b| b.is_ascii_whitespace()) {
            i += 1;
        }
        if lower.get(i) != Some(&b'=') {
            continue;
        }
        i += 1;
        while lower
            .get(i)
            .is_some_and(|b| b.is_ascii_whitespace() || *b == b'"' || *b == b'\'')
        {
            i += 1;
        }
        let start = i;
        while lower
            .get(i)
            .is_some_and(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
        {
            i += 1;
        }
        if let Some(enc) = Encoding::for_label(&lower[start..i]) {
            let is_utf16 = enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE;
            return Some(if is_utf16 { UTF_8 } else { enc });
        }
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decoding() {
        fn check(bytes: &[u8], html: bool, expected: Result<&str, &str>) {
            assert_eq!(
                decode(bytes, html).as_deref(),
                expected.map_err(str::to_string).as_deref(),
                "{bytes:?}"
            );
        }
        check(b"plain ascii", false, Ok("plain ascii"));
        check(
            "caf\u{e9} d\u{e9}j\u{e0}".as_bytes(),
            false,
            Ok("caf\u{e9} d\u{e9}j\u{e0}"),
        );
        check(b"\xEF\xBB\xBFwith bom", false, Ok("with bom"));
        check(b"\xFF\xFEh\0i\0", false, Ok("hi"));
        check(b"\xFE\xFF\0h\0i", false, Ok("hi"));
        check(
            b"caf\xe9 \x93quoted\x94",
            false,
            Ok("caf\u{e9} \u{201c}quoted\u{201d}"),
        );
        check(
            b"<meta charset=\"iso-8859-2\"><p>\xb1</p>",
            true,
            Ok("<meta charset=\"iso-8859-2\"><p>\u{105}</p>"),
        );
        check(
            b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">\xc4\xe0",
            true,
            Ok("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">\u{414}\u{430}"),
        );
        // Valid UTF-8 wins over a stale declaration.
        check(
            "<meta charset=windows-1252>\u{e9}".as_bytes(),
            true,
            Ok("<meta charset=windows-1252>\u{e9}"),
        );
        check(b"\x7fELF\x02\x01\x01\0\0\0", false, Err("binary file (not text)"));
        check(b"\x01\x02\x03\x04\x05abc", false, Err("binary file (not text)"));
        check(b"\xFF\xFE\0\0\0\0", false, Err("binary file (not text)"));
    }
}
