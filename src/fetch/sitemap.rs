//! Sitemaps (index, urlset, Google News; plain or gzip) and the `Sitemap:` lines of robots.txt.

use std::io::Read;

use flate2::read::MultiGzDecoder;

use super::FetchError;

/// The sitemap protocol caps a sitemap at 50 MB uncompressed; a little slack, then refuse.
const MAX_SITEMAP_BYTES: u64 = 64 * 1024 * 1024;

/// What a sitemap file lists.
#[derive(Debug, Clone, PartialEq)]
pub enum Sitemap {
    /// A sitemap index: the URLs of further sitemaps.
    Index(Vec<String>),
    /// A urlset: pages.
    Urlset(Vec<SitemapEntry>),
}

/// One page of a urlset. Dates are kept as written (W3C datetime, usually ISO 8601).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SitemapEntry {
    pub url: String,
    pub lastmod: Option<String>,
    /// `<news:title>` of a Google News sitemap.
    pub news_title: Option<String>,
    /// `<news:publication_date>` of a Google News sitemap.
    pub news_publication_date: Option<String>,
}

/// Parses a sitemap: XML index or urlset (Google News extensions included), or the plain-text
/// form (one URL a line). Gzip is recognised by its magic bytes, whatever the file is called.
pub fn parse_sitemap(bytes: &[u8]) -> Result<Sitemap, FetchError> {
    let owned;
    let bytes = if bytes.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        MultiGzDecoder::new(bytes)
            .take(MAX_SITEMAP_BYTES + 1)
            .read_to_end(&mut out)
            .map_err(|e| FetchError::Sitemap(format!("bad gzip: {e}")))?;
        if out.len() as u64 > MAX_SITEMAP_BYTES {
            return Err(FetchError::Sitemap(format!(
                "over {MAX_SITEMAP_BYTES} bytes once decompressed"
            )));
        }
        owned = out;
        &owned[..]
    } else {
        bytes
    };
    let text = String::from_utf8_lossy(bytes);
    let text = text.trim_start_matches('\u{feff}').trim_start();
    if !text.starts_with('<') {
        return Ok(Sitemap::Urlset(plain_text(text)));
    }
    let doc = roxmltree::Document::parse_with_options(
        text,
        roxmltree::ParsingOptions {
            allow_dtd: true,
            ..Default::default()
        },
    )
    .map_err(|e| FetchError::Sitemap(e.to_string()))?;
    let root = doc.root_element();
    match root.tag_name().name() {
        "sitemapindex" => Ok(Sitemap::Index(
            root.children()
                .filter(|n| n.tag_name().name() == "sitemap")
                .filter_map(|n| child_text(n, "loc", false))
                .collect(),
        )),
        "urlset" => Ok(Sitemap::Urlset(
            root.children()
                .filter(|n| n.tag_name().name() == "url")
                .filter_map(url_entry)
                .collect(),
        )),
        other => Err(FetchError::Sitemap(format!(
            "root element <{other}>, not <urlset> or <sitemapindex>"
        ))),
    }
}

fn url_entry(node: roxmltree::Node) -> Option<SitemapEntry> {
    let url = child_text(node, "loc", false)?;
    let news = node
        .children()
        .find(|n| n.tag_name().name() == "news" && is_news(n));
    Some(SitemapEntry {
        url,
        lastmod: child_text(node, "lastmod", false),
        news_title: news.and_then(|n| child_text(n, "title", true)),
        news_publication_date: news.and_then(|n| child_text(n, "publication_date", true)),
    })
}

fn is_news(node: &roxmltree::Node) -> bool {
    node.tag_name()
        .namespace()
        .is_some_and(|ns| ns.contains("sitemap-news"))
}

/// The trimmed text of the first direct child named `name` (in the news namespace if `news`).
fn child_text(node: roxmltree::Node, name: &str, news: bool) -> Option<String> {
    node.children()
        .find(|n| n.tag_name().name() == name && (!news || is_news(n)))
        .map(|n| {
            n.descendants()
                .filter(|d| d.is_text())
                .filter_map(|d| d.text())
                .collect::<String>()
                .trim()
                .to_string()
        })
        .filter(|t| !t.is_empty())
}

fn plain_text(text: &str) -> Vec<SitemapEntry> {
    text.lines()
        .map(str::trim)
        .filter(|l| l.starts_with("http://") || l.starts_with("https://"))
        .map(|l| SitemapEntry {
            url: l.to_string(),
            ..Default::default()
        })
        .collect()
}

/// The `Sitemap:` URLs of a robots.txt, in order (the field name is case-insensitive).
pub fn sitemaps_from_robots(robots_txt: &str) -> Vec<String> {
    robots_txt
        .lines()
        .filter_map(|line| {
            let line = line.split('#').next().unwrap_or("").trim();
            let (field, value) = line.split_once(':')?;
            let value = value.trim();
            (field.trim().eq_ignore_ascii_case("sitemap") && !value.is_empty()).then(|| value.to_string())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use flate2::{write::GzEncoder, Compression};

    use super::*;

    fn entry(url: &str, lastmod: Option<&str>, title: Option<&str>, date: Option<&str>) -> SitemapEntry {
        SitemapEntry {
            url: url.into(),
            lastmod: lastmod.map(String::from),
            news_title: title.map(String::from),
            news_publication_date: date.map(String::from),
        }
    }

    fn check(bytes: &[u8], expected: Sitemap) {
        assert_eq!(
            parse_sitemap(bytes).expect("the fixture is a valid sitemap"),
            expected
        );
    }

    const INDEX: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
        <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
          <sitemap><loc>https://site.example.com/sitemap-2024.xml</loc><lastmod>2024-01-01</lastmod></sitemap>
          <sitemap><loc> https://site.example.com/sitemap-news.xml.gz </loc></sitemap>
          <sitemap><lastmod>2024-01-01</lastmod></sitemap>
        </sitemapindex>"#;

    const NEWS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
                xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"
                xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
          <url>
            <loc>https://site.example.com/2024/05/app-shares-location</loc>
            <image:image><image:loc>https://img.example.com/1.jpg</image:loc></image:image>
            <news:news>
              <news:publication><news:name>Example Times</news:name><news:language>en</news:language></news:publication>
              <news:publication_date>2024-05-06T07:08:09+02:00</news:publication_date>
              <news:title>App shares location &amp; contacts</news:title>
            </news:news>
          </url>
          <url><loc>https://site.example.com/about</loc><lastmod>2023-12-31</lastmod></url>
        </urlset>"#;

    #[test]
    fn index() {
        check(
            INDEX.as_bytes(),
            Sitemap::Index(vec![
                "https://site.example.com/sitemap-2024.xml".into(),
                "https://site.example.com/sitemap-news.xml.gz".into(),
            ]),
        );
    }

    #[test]
    fn news_urlset() {
        let want = Sitemap::Urlset(vec![
            entry(
                "https://site.example.com/2024/05/app-shares-location",
                None,
                Some("App shares location & contacts"),
                Some("2024-05-06T07:08:09+02:00"),
            ),
            entry("https://site.example.com/about", Some("2023-12-31"), None, None),
        ]);
        check(NEWS.as_bytes(), want.clone());
        // The same, gzipped; recognised by magic bytes.
        let mut gz = GzEncoder::new(Vec::new(), Compression::default());
        gz.write_all(NEWS.as_bytes())
            .expect("writing to a Vec cannot fail");
        check(&gz.finish().expect("writing to a Vec cannot fail"), want);
    }

    #[test]
    fn plain_text_sitemap() {
        check(
            b"https://a.example.com/1\n\n  https://a.example.com/2  \nnot a url\n",
            Sitemap::Urlset(vec![
                entry("https://a.example.com/1", None, None, None),
                entry("https://a.example.com/2", None, None, None),
            ]),
        );
    }

    #[test]
    fn rejects() {
        assert!(parse_sitemap(b"<html><body/></html>").is_err());
        assert!(parse_sitemap(b"<urlset><url>").is_err());
        assert!(parse_sitemap(&[0x1f, 0x8b, 0x08, 0, 1, 2, 3]).is_err());
    }

    #[test]
    fn robots_sitemaps() {
        let robots = "User-agent: *\nDisallow: /private\nSitemap: https://s.example.com/a.xml\n\
                      sitemap:https://s.example.com/b.xml.gz # news\nSITEMAP:   \nAllow: /\n";
        assert_eq!(
            sitemaps_from_robots(robots),
            vec![
                "https://s.example.com/a.xml".to_string(),
                "https://s.example.com/b.xml.gz".to_string()
            ]
        );
        assert!(sitemaps_from_robots("User-agent: *\nDisallow:\n").is_empty());
    }
}
