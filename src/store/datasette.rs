//! Datasette metadata for a claimtrack database: titles, descriptions and column help for the
//! tables and views, and the full-text index of `articles`. Pure: it describes the schema the
//! migrations build, and a test checks every table and column named here exists.

use serde_json::{json, Map, Value};

/// (table or view, title, description, [(column, help)]).
type Table = (
    &'static str,
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str)],
);

const CLAIM_COLUMNS: &[(&str, &str)] = &[
    (
        "id",
        "The claim's id (changes when claims are re-extracted; `key` does not).",
    ),
    (
        "article_id",
        "The article (or statement added by hand) the claim comes from.",
    ),
    ("actor", "The company whose users' data it is (canonical name)."),
    (
        "counterparty",
        "Who received, accessed or bought the data, if named.",
    ),
    (
        "data_type",
        "What data: a taxonomy key such as personal_data or private_messages.",
    ),
    (
        "action",
        "What was done with it: share, access, sell, collect, use or other.",
    ),
    (
        "polarity",
        "assertion (it happened) or denial (it did not / does not).",
    ),
    (
        "scope",
        "For denials: always (\"never\"), present (\"we do not\") or past (\"we did not\").",
    ),
    (
        "speaker",
        "Who made the statement: a quoted party, or the outlet or its source.",
    ),
    (
        "stated_on",
        "When the statement was made (YYYY, YYYY-MM or YYYY-MM-DD), if the text dates it.",
    ),
    (
        "period_start",
        "Start of the time the statement is about, if given.",
    ),
    ("period_end", "End of the time the statement is about, if given."),
    (
        "sentence",
        "The exact sentence of the article the claim was read from.",
    ),
    ("start", "Character offset of the sentence in the article's text."),
    ("end", "Character offset just after the sentence."),
    (
        "rule",
        "The extraction rule that fired (manual.statement for statements added by hand).",
    ),
    ("confidence", "How sure the rule is, 0 to 1."),
    (
        "extractor_version",
        "The claim extractor's version (manual for statements added by hand).",
    ),
];

const TABLES: &[Table] = &[
    (
        "articles",
        "Articles",
        "News articles and pages read by claimtrack, with their text, and statements added by \
         hand (kind = statement). Full-text search covers title and text.",
        &[
            ("id", "The article's id."),
            (
                "kind",
                "article (ingested) or statement (added by hand with `claimtrack claim add`).",
            ),
            (
                "url",
                "Where the article (or the statement's source) can be read.",
            ),
            ("title", "Headline."),
            ("published", "Publication date, YYYY-MM-DD."),
            ("outlet", "The publication."),
            ("author", "Byline (the speaker, for statements)."),
            ("text", "The article text that claim offsets point into."),
            (
                "html",
                "The raw page as it came, when kept plain (ingest --raw-html plain).",
            ),
            (
                "html_zstd",
                "The raw page compressed with zstd (how ingest keeps pages by default).",
            ),
            ("origin", "The file, file:line or URL it was read from."),
            (
                "content_hash",
                "SHA-256 of the case-folded, whitespace-normalised text (duplicate check).",
            ),
            ("ingested_at", "When it was stored (UTC)."),
            ("extractor_version", "Claim extractor version that last read it."),
            (
                "canonical_url",
                "The page's <link rel=canonical>, when it gave one (url is where it was fetched).",
            ),
            (
                "language",
                "The text's language (en, de, fr, ...): its words, else what the page declared. \
                 Claims are read from English articles only.",
            ),
        ],
    ),
    (
        "claims",
        "Claims",
        "One statement about a data practice per row: an assertion that something happened, or a \
         denial. Each row points back to its article and sentence.",
        CLAIM_COLUMNS,
    ),
    (
        "links",
        "Contradiction links",
        "A denial paired with an assertion that contradicts it, why, and what a person decided. \
         See contradictions_view for both sentences in one row.",
        &[
            (
                "id",
                "The link's id (use it with `claimtrack link confirm|reject ID`).",
            ),
            ("denial_id", "The denial."),
            ("assertion_id", "The assertion that contradicts it."),
            (
                "reason",
                "Why they contradict each other: actor, data, action and dates compared.",
            ),
            ("first", "Which was said first: denial or assertion."),
            (
                "status",
                "auto (found by claimtrack), confirmed or rejected by a person.",
            ),
            ("note", "The reviewer's note."),
            ("decided_by", "Who confirmed or rejected it."),
            ("decided_at", "When (UTC)."),
            ("created_at", "When claimtrack found it (UTC)."),
        ],
    ),
    (
        "link_decisions",
        "Review decisions",
        "People's decisions on links, kept by the claims' stable keys so they survive \
         re-extraction. Copies of the sentences keep a decision readable when its claims are gone.",
        &[
            ("denial_key", "claims.key of the denial."),
            ("assertion_key", "claims.key of the assertion."),
            ("status", "confirmed or rejected."),
            ("note", "The reviewer's note."),
            ("decided_by", "Who decided."),
            ("decided_at", "When (UTC)."),
            ("reason", "The link's reason when it was decided."),
            ("denial_sentence", "The denial as it read when decided."),
            ("assertion_sentence", "The assertion as it read when decided."),
        ],
    ),
    (
        "claim_corrections",
        "Claim corrections",
        "Corrections people made to claims (`claimtrack claim edit`), re-applied whenever the \
         extractor finds the claim again. Empty columns were not corrected.",
        &[
            ("key", "claims.key of the corrected claim."),
            ("actor", "Corrected company."),
            ("counterparty", "Corrected counterparty (empty text: none)."),
            ("data_type", "Corrected data type."),
            ("polarity", "Corrected polarity."),
            ("corrected_by", "Who corrected it."),
            ("corrected_at", "When (UTC)."),
            ("sentence", "The claim's sentence, for reading."),
        ],
    ),
    (
        "failures",
        "Failures",
        "Inputs that could not be read or stored, and why.",
        &[
            ("item", "The file, file:line or URL."),
            ("reason", "What went wrong."),
            ("at", "When (UTC)."),
        ],
    ),
    (
        "fetch_queue",
        "Fetch queue",
        "Every URL `claimtrack ingest` was asked to collect (pages, feeds, sitemaps, WARC \
         records), one row per normalised URL, with where it came from and where it stands. An \
         interrupted run continues from here; look here for what failed or was skipped, and why.",
        &[
            ("id", "The row's id."),
            (
                "url",
                "The URL, normalised (scheme and host lower case, no default port, no fragment, \
                 no tracking parameters such as utm_*).",
            ),
            ("kind", "page, feed or sitemap."),
            (
                "source",
                "How it was given: cli, urls-file, feed, sitemap or warc.",
            ),
            (
                "source_ref",
                "The URL file, feed, sitemap or WARC file that listed it.",
            ),
            ("title_hint", "The title the feed entry or news sitemap gave."),
            (
                "published_hint",
                "The date the feed entry or news sitemap gave, as written there.",
            ),
            (
                "state",
                "queued (still to do), done (stored, or a duplicate of a stored article), failed \
                 (tried again on the next run) or skipped (robots.txt, not HTML, not relevant).",
            ),
            ("reason", "Why it failed or was skipped."),
            (
                "attempts",
                "HTTP requests made for it over all runs (retries and redirects included).",
            ),
            ("status", "HTTP status of the last response."),
            ("final_url", "Where redirects ended."),
            (
                "etag",
                "ETag of the last 200, sent back as If-None-Match on re-fetch.",
            ),
            (
                "last_modified",
                "Last-Modified of the last 200, sent back as If-Modified-Since.",
            ),
            ("article_id", "The article stored from it."),
            ("queued_at", "When it was first queued (UTC)."),
            (
                "fetched_at",
                "Its last response (UTC); for a WARC record, the WARC-Date.",
            ),
            ("done_at", "When it reached its present state (UTC)."),
        ],
    ),
    (
        "fetch_log",
        "Fetch log",
        "One row per URL fetched per run, whatever came of it: status, outcome, error, tries, \
         time and bytes. robots.txt requests are not logged.",
        &[
            ("id", "The row's id."),
            ("url", "The URL asked for."),
            ("final_url", "The last URL requested, after redirects."),
            ("status", "HTTP status of the last response (empty: none came)."),
            (
                "outcome",
                "page, document (a feed or sitemap), not_modified (304), or why not: \
                 robots_disallowed, robots_unavailable, not_html, http_status, timeout, connect, \
                 network, too_large, too_many_redirects, redirect_loop, bad_redirect, \
                 retry_after_too_long.",
            ),
            ("error", "What went wrong, for people; empty when it was fetched."),
            (
                "attempts",
                "HTTP requests made (retries and redirect hops included).",
            ),
            ("redirects", "Redirects followed."),
            ("elapsed_ms", "Milliseconds from the first request to the end."),
            ("bytes", "Body bytes of the last response, after decompression."),
            ("at", "When the first request started (UTC)."),
        ],
    ),
    (
        "claims_view",
        "Claims with their article",
        "Every claim with the title, URL, outlet and date of its article, and when it was stated.",
        &[
            ("when_stated", "stated_on, else the article's publication date."),
            ("source_kind", "article or statement (added by hand)."),
            ("article_url", "The article's URL."),
            ("article_title", "The article's headline."),
        ],
    ),
    (
        "contradictions_view",
        "Contradictions",
        "Each denial with the assertion that contradicts it, in one row: both sentences, \
         speakers, dates and article titles, the reason and the review status.",
        &[
            ("reason", "Why they contradict each other."),
            ("status", "auto, confirmed or rejected."),
            ("denial_sentence", "What was denied, in the speaker's words."),
            ("denial_speaker", "Who denied it."),
            ("denial_stated_on", "When the denial was made."),
            ("denial_article_title", "Where the denial appeared."),
            (
                "assertion_sentence",
                "What was later revealed (or earlier reported).",
            ),
            ("assertion_speaker", "Who said it (empty: the outlet)."),
            ("assertion_stated_on", "When."),
            ("assertion_article_title", "Where it appeared."),
        ],
    ),
];

/// The metadata for Datasette (`datasette serve DB -m metadata.json`); `database` is the
/// name Datasette gives the file: its name without the extension.
pub fn datasette_metadata(database: &str) -> Value {
    let mut tables = Map::new();
    for (name, title, description, columns) in TABLES {
        let cols: Map<String, Value> = columns
            .iter()
            .map(|(c, help)| (c.to_string(), Value::String(help.to_string())))
            .collect();
        let mut t = json!({ "title": title, "description": description, "columns": cols });
        if *name == "articles" {
            t["fts_table"] = json!("articles_fts");
            t["fts_pk"] = json!("id");
            t["sort_desc"] = json!("published");
        }
        if name.ends_with("_view") || *name == "claims" {
            t["facets"] = json!(["actor"]);
        }
        tables.insert(name.to_string(), t);
    }
    tables.insert("_claimtrack_meta".to_string(), json!({ "hidden": true }));
    if let Some(v) = tables.get_mut("contradictions_view") {
        v["facets"] = json!(["denial_actor", "status"]);
    }
    if let Some(v) = tables.get_mut("fetch_queue") {
        v["facets"] = json!(["state", "kind", "source"]);
    }
    if let Some(v) = tables.get_mut("fetch_log") {
        v["facets"] = json!(["outcome", "status"]);
        v["sort_desc"] = json!("at");
    }
    if let Some(v) = tables.get_mut("claims_view") {
        v["facets"] = json!(["actor", "polarity", "data_type"]);
    }
    json!({
        "title": "claimtrack",
        "description": "What tech platforms said about personal data, and what was later revealed: \
                        articles, the claims read from them, and the contradictions between denials \
                        and assertions.",
        "about": "claimtrack",
        "databases": {
            database: {
                "description": "A claimtrack database. Start with contradictions_view.",
                "tables": tables,
            }
        }
    })
}

/// The tables and views described, with their columns (for the schema check in tests).
#[cfg(test)]
pub(super) fn described() -> Vec<(&'static str, Vec<&'static str>)> {
    TABLES
        .iter()
        .map(|(name, _, _, cols)| (*name, cols.iter().map(|(c, _)| *c).collect()))
        .collect()
}
