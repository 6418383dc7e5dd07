//! Strings the stages together for `ingest` and `reextract`:
//! `RawDoc` → (`extract` when HTML) → `Article` → `claims` → `store` (which links).
//!
//! Extraction and claim finding run on worker threads; one writer (the calling thread) stores,
//! in input order, so a run gives the same database whatever the thread timing. Reporting goes
//! through an `Event` callback: this module prints nothing.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::sync::Mutex;

use chrono::NaiveDate;

use crate::claims::{Extractor, EXTRACTOR_VERSION};
use crate::dates::parse_input_date;
use crate::model::{Article, Claim};
use crate::source::{InputError, RawDoc};
use crate::store::{SaveOutcome, SaveStatus, Store, StoreError};

/// Metadata the user gives on the command line for items that lack it.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    pub published: Option<NaiveDate>,
    pub outlet: Option<String>,
    pub url: Option<String>,
}

/// Totals of one run, for the summary line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    pub read: usize,
    pub stored: usize,
    pub replaced: usize,
    pub duplicates: usize,
    pub failed: usize,
    /// Not stored on purpose (not relevant), with the reason.
    pub skipped: usize,
    pub claims: usize,
    pub links: usize,
}

/// What happens to each item, as it happens.
#[derive(Debug)]
pub enum Event<'a> {
    /// One item is done (stored, duplicate or failed); `summary` is the running total.
    Progress { summary: &'a Summary },
    /// One item failed: `item` names it (file, file:line), `reason` says why.
    Failed { item: &'a str, reason: &'a str },
    /// One item was read but not stored on purpose (see `Options`).
    Skipped { item: &'a str, reason: &'a str },
}

/// Turns one input item into an article ready for claim extraction.
///
/// Metadata precedence: what the item itself says, then what the page's HTML says, then the
/// command-line overrides. When the body does not start with the title, the title becomes the
/// first line of the text (see `Article`).
pub fn to_article(raw: RawDoc, overrides: &Overrides) -> Result<Article, InputError> {
    let fail = |reason: String| InputError {
        item: raw.origin.clone(),
        reason,
    };
    let published = match raw.published.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(s) => Some(parse_input_date(s).map_err(|e| fail(e.to_string()))?),
        None => None,
    };
    let (title_hint, published_hint) = (raw.title_hint, raw.published_hint);
    let (mut body, mut title, mut published, mut outlet, mut author, mut url) = (
        raw.text.unwrap_or_default(),
        raw.title,
        published,
        raw.outlet,
        raw.author,
        raw.url,
    );
    let mut canonical_url = None;
    if let Some(html) = raw.html.as_deref() {
        let page = crate::extract::extract_html(html, url.as_deref());
        canonical_url = page.canonical_url.clone();
        if body.trim().is_empty() {
            body = page.text;
        }
        title = title.or(page.title);
        published = published.or(page.published);
        outlet = outlet.or(page.outlet);
        author = author.or(page.author);
        url = url.or(page.canonical_url);
    }
    let title = title.or(title_hint);
    let published = published
        .or_else(|| published_hint.and_then(|h| parse_input_date(h.trim()).ok()))
        .or(overrides.published);
    let outlet = outlet.or_else(|| overrides.outlet.clone());
    let url = url.or_else(|| overrides.url.clone());
    let title = title.map(|t| t.trim().to_string()).filter(|t| !t.is_empty());
    let body = body.trim();
    if body.is_empty() {
        return Err(fail("no text: the item has no article text to read".into()));
    }
    let text = match &title {
        Some(t) if !body.starts_with(t.as_str()) => format!("{t}\n\n{body}"),
        _ => body.to_string(),
    };
    Ok(Article {
        url,
        title,
        published,
        outlet,
        author,
        text,
        html: raw.html,
        origin: raw.origin,
        canonical_url,
    })
}

/// How a run treats the items it reads.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Keep only articles that name a lexicon company and a data or privacy term
    /// (`Extractor::irrelevance`); the others are reported as skipped, not stored.
    pub relevant_only: bool,
}

/// What became of one item, for callers that keep their own bookkeeping (the fetch queue).
/// Given to the `on_item` hook on the writer thread, right after the item's own write.
#[derive(Debug)]
pub enum ItemOutcome<'a> {
    Saved {
        origin: &'a str,
        outcome: &'a SaveOutcome,
    },
    Skipped {
        origin: &'a str,
        reason: &'a str,
    },
    Failed {
        item: &'a str,
        reason: &'a str,
    },
}

/// One item after the worker threads.
enum Processed {
    Article(Article, Vec<Claim>),
    Skipped { origin: String, reason: &'static str },
    Failed(InputError),
}

/// Runs items through extraction and claim finding on `workers` threads and stores them in
/// input order on the calling thread. `items` is consumed lazily (bounded memory).
pub fn ingest<I>(
    items: I,
    overrides: &Overrides,
    extractor: &Extractor,
    store: &mut Store,
    workers: usize,
    on_event: &mut dyn FnMut(Event<'_>),
) -> Result<Summary, StoreError>
where
    I: Iterator<Item = Result<RawDoc, InputError>> + Send,
{
    ingest_with(
        items,
        overrides,
        Options::default(),
        extractor,
        store,
        workers,
        on_event,
        &mut |_, _| Ok(()),
    )
}

/// [`ingest`] with options, and a hook called with the store after each item is written (or
/// skipped, or failed), so a caller can record the item's fate in the same place.
#[allow(clippy::too_many_arguments)]
pub fn ingest_with<I>(
    items: I,
    overrides: &Overrides,
    options: Options,
    extractor: &Extractor,
    store: &mut Store,
    workers: usize,
    on_event: &mut dyn FnMut(Event<'_>),
    on_item: &mut dyn FnMut(&mut Store, ItemOutcome<'_>) -> Result<(), StoreError>,
) -> Result<Summary, StoreError>
where
    I: Iterator<Item = Result<RawDoc, InputError>> + Send,
{
    let mut summary = Summary::default();
    let process = |item: Result<RawDoc, InputError>| -> Processed {
        let article = match item.and_then(|raw| to_article(raw, overrides)) {
            Ok(article) => article,
            Err(e) => return Processed::Failed(e),
        };
        if options.relevant_only {
            if let Some(reason) = extractor.irrelevance(&article) {
                return Processed::Skipped {
                    origin: article.origin,
                    reason,
                };
            }
        }
        let claims = extractor.extract(&article);
        Processed::Article(article, claims)
    };
    let mut store_one = |result: Processed, summary: &mut Summary| -> Result<(), StoreError> {
        summary.read += 1;
        match result {
            Processed::Failed(e) => {
                summary.failed += 1;
                store.record_failure(&e.item, &e.reason)?;
                on_item(
                    store,
                    ItemOutcome::Failed {
                        item: &e.item,
                        reason: &e.reason,
                    },
                )?;
                on_event(Event::Failed {
                    item: &e.item,
                    reason: &e.reason,
                });
            }
            Processed::Skipped { origin, reason } => {
                summary.skipped += 1;
                on_item(
                    store,
                    ItemOutcome::Skipped {
                        origin: &origin,
                        reason,
                    },
                )?;
                on_event(Event::Skipped {
                    item: &origin,
                    reason,
                });
            }
            Processed::Article(article, claims) => {
                let outcome = store.save_article(&article, &claims, EXTRACTOR_VERSION)?;
                match outcome.status {
                    SaveStatus::Inserted => summary.stored += 1,
                    SaveStatus::Replaced => summary.replaced += 1,
                    SaveStatus::Duplicate => summary.duplicates += 1,
                }
                summary.claims += outcome.claims;
                summary.links += outcome.links;
                on_item(
                    store,
                    ItemOutcome::Saved {
                        origin: &article.origin,
                        outcome: &outcome,
                    },
                )?;
            }
        }
        on_event(Event::Progress { summary });
        Ok(())
    };

    if workers <= 1 {
        for item in items {
            store_one(process(item), &mut summary)?;
        }
        return Ok(summary);
    }

    // Reader → bounded queue → workers → reorder buffer → writer (this thread).
    let queue = workers * 16;
    let (in_tx, in_rx) = mpsc::sync_channel::<(usize, Result<RawDoc, InputError>)>(queue);
    let (out_tx, out_rx) = mpsc::sync_channel::<(usize, Processed)>(queue);
    let in_rx = Mutex::new(in_rx);
    // Set when the writer has stopped on a store error: the reader stops reading and the
    // workers drain the queue without working, so no thread stays blocked on a full channel.
    let stop = AtomicBool::new(false);
    std::thread::scope(|scope| -> Result<(), StoreError> {
        let stop = &stop;
        scope.spawn(move || {
            for (seq, item) in items.enumerate() {
                if stop.load(Ordering::Relaxed) || in_tx.send((seq, item)).is_err() {
                    break;
                }
            }
        });
        for _ in 0..workers {
            let out_tx = out_tx.clone();
            let in_rx = &in_rx;
            let process = &process;
            scope.spawn(move || loop {
                let next = in_rx.lock().map(|rx| rx.recv());
                let Ok(Ok((seq, item))) = next else { break };
                if stop.load(Ordering::Relaxed) {
                    continue;
                }
                if out_tx.send((seq, process(item))).is_err() {
                    stop.store(true, Ordering::Relaxed);
                }
            });
        }
        drop(out_tx);
        let mut pending = std::collections::BTreeMap::new();
        let mut next = 0usize;
        for (seq, result) in out_rx.iter() {
            pending.insert(seq, result);
            while let Some(result) = pending.remove(&next) {
                next += 1;
                if let Err(e) = store_one(result, &mut summary) {
                    stop.store(true, Ordering::Relaxed);
                    drop(out_rx);
                    return Err(e);
                }
            }
        }
        Ok(())
    })?;
    Ok(summary)
}

/// Re-runs claim extraction and linking over every stored article, without reading any input.
pub fn reextract(
    extractor: &Extractor,
    store: &mut Store,
    on_event: &mut dyn FnMut(Event<'_>),
) -> Result<Summary, StoreError> {
    let mut summary = Summary::default();
    for (id, article) in store.articles()? {
        let claims = extractor.extract(&article);
        let (c, l) = store.replace_claims(id, &claims, EXTRACTOR_VERSION)?;
        summary.read += 1;
        summary.stored += 1;
        summary.claims += c;
        summary.links += l;
        on_event(Event::Progress { summary: &summary });
    }
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(text: Option<&str>, title: Option<&str>, published: Option<&str>) -> RawDoc {
        RawDoc {
            origin: "t.jsonl:1".into(),
            text: text.map(Into::into),
            title: title.map(Into::into),
            published: published.map(Into::into),
            ..RawDoc::default()
        }
    }

    #[test]
    fn title_becomes_first_line_once() {
        let o = Overrides::default();
        let a = to_article(raw(Some("Body."), Some("Head"), None), &o).unwrap();
        assert_eq!(a.text, "Head\n\nBody.");
        let a = to_article(raw(Some("Head\n\nBody."), Some("Head"), None), &o).unwrap();
        assert_eq!(a.text, "Head\n\nBody.");
    }

    #[test]
    fn bad_items_name_the_reason() {
        let o = Overrides::default();
        let e = to_article(raw(Some("x"), None, Some("last Tuesday")), &o).unwrap_err();
        assert_eq!(e.item, "t.jsonl:1");
        assert!(e.reason.contains("unknown date format"), "{}", e.reason);
        let e = to_article(raw(Some("  \n"), Some("Head"), None), &o).unwrap_err();
        assert!(e.reason.starts_with("no text"), "{}", e.reason);
    }

    #[test]
    fn overrides_fill_only_what_is_missing() {
        let o = Overrides {
            published: NaiveDate::from_ymd_opt(2018, 12, 19),
            outlet: Some("Wire".into()),
            url: Some("https://example.org/a".into()),
        };
        let a = to_article(raw(Some("Body."), None, Some("2017-01-02")), &o).unwrap();
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2017, 1, 2));
        assert_eq!(a.outlet.as_deref(), Some("Wire"));
        assert_eq!(a.url.as_deref(), Some("https://example.org/a"));
    }
}
