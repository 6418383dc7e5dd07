//! How an article's raw page is kept: zstd-compressed in `articles.html_zstd` (the default; a
//! real news page of about 170 KB keeps in about 34 KB), as plain text in `articles.html`
//! (readable with `sqlite3` and Datasette), or not at all.
//!
//! A row has at most one of the two columns set. Reading takes whichever is there, so a store
//! written with one setting reads under any other.

use rusqlite::types::FromSqlError;

/// How raw pages are kept (`Store::set_raw_html`; `ingest --raw-html`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum RawHtml {
    /// zstd level 3 in `articles.html_zstd`.
    #[default]
    Zstd,
    /// As it came, in `articles.html`.
    Plain,
    /// Not kept (`reextract` then works from the stored text only).
    None,
}

impl RawHtml {
    /// The names the CLI takes.
    pub const NAMES: [&'static str; 3] = ["zstd", "plain", "none"];

    pub fn parse(name: &str) -> Option<RawHtml> {
        match name {
            "zstd" => Some(RawHtml::Zstd),
            "plain" => Some(RawHtml::Plain),
            "none" => Some(RawHtml::None),
            _ => None,
        }
    }
}

/// zstd's level: 3 is its default, and gives within 11% of level 19's size at a tenth of the
/// time (measured on the 181 pages of the extraction benchmark: 31.5 MB → 6.2 MB).
const LEVEL: i32 = 3;

/// The largest page a stored frame may claim to hold. The fetcher stops reading at 10 MiB by
/// default; a frame that says more is not one we wrote.
const MAX_PAGE: u64 = 1 << 30;

/// A page compressed before it reaches the writer (the pipeline compresses on its extraction
/// workers, so the single writer thread does not): what `pack` would store for it under the
/// setting it was made for (`Store::save_article_packed`).
#[derive(Debug, Clone)]
pub struct PackedHtml {
    how: RawHtml,
    zstd: Option<Vec<u8>>,
}

impl PackedHtml {
    /// Compresses `html` (an article's raw page) as the store set to `how` would.
    pub fn new(html: Option<&str>, how: RawHtml) -> PackedHtml {
        let zstd = match how {
            RawHtml::Zstd => html.and_then(compress),
            RawHtml::Plain | RawHtml::None => None,
        };
        PackedHtml { how, zstd }
    }
}

/// Compressing a buffer in memory fails only when zstd cannot allocate (`None`).
fn compress(html: &str) -> Option<Vec<u8>> {
    zstd::bulk::compress(html.as_bytes(), LEVEL).ok()
}

/// The two column values for `html` under `how`: (`html`, `html_zstd`).
#[cfg(test)]
pub(super) fn pack(html: Option<&str>, how: RawHtml) -> (Option<&str>, Option<Vec<u8>>) {
    pack_using(html, how, None)
}

/// `pack`, taking the compressed page from `packed` when it was made for `how` (the same page:
/// the caller's word).
pub(super) fn pack_using<'a>(
    html: Option<&'a str>,
    how: RawHtml,
    packed: Option<&PackedHtml>,
) -> (Option<&'a str>, Option<Vec<u8>>) {
    match (html, how) {
        (None, _) | (Some(_), RawHtml::None) => (None, None),
        (Some(h), RawHtml::Plain) => (Some(h), None),
        (Some(h), RawHtml::Zstd) => {
            let z = match packed {
                Some(p) if p.how == RawHtml::Zstd => p.zstd.clone(),
                _ => compress(h),
            };
            // Not compressed (zstd could not allocate): the page is kept as it is rather
            // than lost.
            match z {
                Some(z) => (None, Some(z)),
                None => (Some(h), None),
            }
        }
    }
}

/// The page from the two column values (`html`, `html_zstd`).
pub(super) fn unpack(plain: Option<String>, packed: Option<Vec<u8>>) -> Result<Option<String>, FromSqlError> {
    let Some(z) = packed else {
        return Ok(plain);
    };
    let bad = |why: String| FromSqlError::Other(format!("articles.html_zstd: {why}").into());
    let size =
        zstd::decompressed_size(&z).ok_or_else(|| bad("not a zstd frame that records its size".into()))?;
    if size > MAX_PAGE {
        return Err(bad(format!("a frame claiming {size} bytes")));
    }
    let bytes = zstd::bulk::decompress(&z, size as usize).map_err(|e| bad(e.to_string()))?;
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|_| bad("not UTF-8 once decompressed".into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(html: Option<&str>, how: RawHtml, plain_kept: bool, packed_kept: bool) {
        let (plain, packed) = pack(html, how);
        assert_eq!(
            (plain.is_some(), packed.is_some()),
            (plain_kept, packed_kept),
            "{how:?}"
        );
        let back = unpack(plain.map(str::to_string), packed).expect("what pack wrote unpacks");
        let expected = if how == RawHtml::None { None } else { html };
        assert_eq!(back.as_deref(), expected, "{how:?}");
    }

    #[test]
    fn each_setting_round_trips_what_it_keeps() {
        let page = "<html><body><p>Caf\u{e9} \u{201c}quoted\u{201d}</p></body></html>".repeat(200);
        check(Some(&page), RawHtml::Zstd, false, true);
        check(Some(&page), RawHtml::Plain, true, false);
        check(Some(&page), RawHtml::None, false, false);
        check(Some(""), RawHtml::Zstd, false, true);
        for how in [RawHtml::Zstd, RawHtml::Plain, RawHtml::None] {
            check(None, how, false, false);
        }
        let (_, z) = pack(Some(&page), RawHtml::Zstd);
        assert!(
            z.expect("compressed").len() * 20 < page.len(),
            "repetitive markup compresses"
        );
    }

    #[test]
    fn a_page_packed_before_gives_the_same_columns() {
        let page = "<html><body><p>Caf\u{e9}</p></body></html>".repeat(50);
        for html in [Some(page.as_str()), Some(""), None] {
            for how in [RawHtml::Zstd, RawHtml::Plain, RawHtml::None] {
                for made_for in [RawHtml::Zstd, RawHtml::Plain, RawHtml::None] {
                    let packed = PackedHtml::new(html, made_for);
                    assert_eq!(
                        pack_using(html, how, Some(&packed)),
                        pack(html, how),
                        "{how:?} from a page packed for {made_for:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_damaged_blob_is_an_error_naming_the_column() {
        for blob in [vec![], b"not zstd at all".to_vec(), vec![0x28, 0xb5, 0x2f, 0xfd]] {
            let err = unpack(None, Some(blob)).expect_err("not a frame we wrote");
            assert!(err.to_string().contains("articles.html_zstd"), "{err}");
        }
        // A frame cut short: its header records the size, its body is missing.
        let (_, z) = pack(Some(&"<p>x</p>".repeat(500)), RawHtml::Zstd);
        let z = z.expect("compressed");
        assert!(unpack(None, Some(z[..z.len() / 2].to_vec())).is_err());
    }

    #[test]
    fn names_parse_and_nothing_else_does() {
        for name in RawHtml::NAMES {
            assert!(RawHtml::parse(name).is_some(), "{name}");
        }
        assert_eq!(RawHtml::parse("gzip"), None);
        assert_eq!(RawHtml::parse("ZSTD"), None);
    }
}
