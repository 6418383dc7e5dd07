//! HTML → main text and metadata. Pure: takes the page's HTML (and its URL when known), returns
//! a `Page`. Parses each page once.

use chrono::NaiveDate;

/// What claimtrack sees in one page.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct Page {
    pub title: Option<String>,
    /// Main text, paragraphs separated by a blank line.
    pub text: String,
    pub published: Option<NaiveDate>,
    /// How `published` was found, e.g. `json-ld`, `meta:article:published_time`, `url`.
    pub published_method: Option<String>,
    pub modified: Option<NaiveDate>,
    pub author: Option<String>,
    pub outlet: Option<String>,
    pub canonical_url: Option<String>,
    pub language: Option<String>,
}

/// Extracts the main text and metadata of one page.
pub fn extract_html(html: &str, url: Option<&str>) -> Page {
    let _ = (html, url);
    unimplemented!("extract::extract_html")
}
