//! RSS 0.9x/2.0, Atom and JSON Feed → the entries' links (`feed-rs`).

use chrono::{DateTime, Utc};

use super::FetchError;

/// One feed entry: the page to fetch and what the feed says about it.
#[derive(Debug, Clone, PartialEq)]
pub struct FeedEntry {
    /// The entry's link as the feed wrote it (not normalised; may be relative).
    pub url: String,
    pub title: Option<String>,
    /// The entry's publication date, else its update date.
    pub published: Option<DateTime<Utc>>,
}

/// Parses a feed; entries without any link are left out. Fails only when the bytes are not a
/// feed at all.
pub fn parse_feed(bytes: &[u8]) -> Result<Vec<FeedEntry>, FetchError> {
    let feed = feed_rs::parser::parse(bytes).map_err(|e| FetchError::Feed(e.to_string()))?;
    Ok(feed
        .entries
        .into_iter()
        .filter_map(|entry| {
            let url = entry
                .links
                .iter()
                .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
                .or(entry.links.first())
                .map(|l| l.href.trim().to_string())
                .filter(|h| !h.is_empty())
                .or_else(|| {
                    let id = entry.id.trim();
                    (id.starts_with("http://") || id.starts_with("https://")).then(|| id.to_string())
                })?;
            let title = entry
                .title
                .map(|t| t.content.trim().to_string())
                .filter(|t| !t.is_empty());
            Some(FeedEntry {
                url,
                title,
                published: entry.published.or(entry.updated),
            })
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(feed: &str, expected: &[(&str, Option<&str>, Option<&str>)]) {
        let got = parse_feed(feed.as_bytes()).expect("the fixture is a valid feed");
        let got: Vec<(String, Option<String>, Option<String>)> = got
            .into_iter()
            .map(|e| (e.url, e.title, e.published.map(|d| d.to_rfc3339())))
            .collect();
        let want: Vec<(String, Option<String>, Option<String>)> = expected
            .iter()
            .map(|(u, t, d)| (u.to_string(), t.map(String::from), d.map(String::from)))
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn rss2() {
        check(
            r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Privacy desk</title>
            <link>https://news.example.org/</link><description>d</description>
            <item><title>Regulator fines a social network</title>
              <link>https://news.example.org/a/1?utm_source=rss</link>
              <pubDate>Tue, 04 Jun 2019 10:00:00 GMT</pubDate></item>
            <item><title>No link here</title></item>
            <item><link>https://news.example.org/a/2</link></item>
            </channel></rss>"#,
            &[
                (
                    "https://news.example.org/a/1?utm_source=rss",
                    Some("Regulator fines a social network"),
                    Some("2019-06-04T10:00:00+00:00"),
                ),
                ("https://news.example.org/a/2", None, None),
            ],
        );
    }

    #[test]
    fn rss091() {
        check(
            r#"<?xml version="1.0"?><rss version="0.91"><channel><title>Old</title>
            <link>https://old.example.org/</link><description>d</description>
            <item><title>An early story</title><link>https://old.example.org/s</link></item>
            </channel></rss>"#,
            &[("https://old.example.org/s", Some("An early story"), None)],
        );
    }

    #[test]
    fn atom() {
        check(
            r#"<?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Atom desk</title><id>urn:x</id>
            <updated>2020-01-02T00:00:00Z</updated>
            <entry><title>Data broker settles</title><id>urn:1</id>
              <link rel="self" href="https://atom.example.org/self/1"/>
              <link rel="alternate" href="https://atom.example.org/story/1"/>
              <published>2020-01-01T08:30:00+01:00</published><updated>2020-01-02T00:00:00Z</updated></entry>
            <entry><title>Only updated</title><id>https://atom.example.org/story/2</id>
              <updated>2020-02-02T00:00:00Z</updated></entry>
            </feed>"#,
            &[
                (
                    "https://atom.example.org/story/1",
                    Some("Data broker settles"),
                    Some("2020-01-01T07:30:00+00:00"),
                ),
                (
                    "https://atom.example.org/story/2",
                    Some("Only updated"),
                    Some("2020-02-02T00:00:00+00:00"),
                ),
            ],
        );
    }

    #[test]
    fn json_feed() {
        check(
            r#"{"version":"https://jsonfeed.org/version/1.1","title":"J",
               "items":[{"id":"1","url":"https://json.example.org/p/1","title":"Tracking pixel study",
                         "date_published":"2021-03-04T05:06:07Z"}]}"#,
            &[(
                "https://json.example.org/p/1",
                Some("Tracking pixel study"),
                Some("2021-03-04T05:06:07+00:00"),
            )],
        );
    }

    #[test]
    fn not_a_feed() {
        assert!(parse_feed(b"<html><body>hello</body></html>").is_err());
        assert!(parse_feed(b"").is_err());
    }
}
