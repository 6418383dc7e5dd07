//! The linking candidates held in memory between articles.
//!
//! Linking a new claim looks at the stored claims of the same actor with the opposite
//! polarity. Reading those rows again for each article makes a bulk ingest quadratic in row
//! decoding, so each (actor, polarity) list is read once, by the indexed `CANDIDATES` query, and
//! then kept up to date as claims are stored. It is dropped whole when another connection has
//! committed (`PRAGMA data_version` moved) or a write failed (its transaction rolled back), and
//! an article's claims leave it when they are deleted.
//!
//! Two things keep the cost flat as the archive grows, when a few companies are in a large
//! share of the articles (as in any real archive):
//! - each list is grouped by counterparty, then by (data type, action), and only the groups
//!   that `link::evaluate` could accept are visited (its first checks depend on nothing else),
//!   so a new claim about one company's location data shared with one partner does not walk
//!   through that company's every other claim;
//! - the cache holds at most `MAX_CLAIMS` claims; past that, the lists used least recently are
//!   dropped (they are read again from the database when next needed).

use std::collections::HashMap;

use rusqlite::Connection;

use super::queries;
use crate::link::{action_contradicts, counterparty_covers};
use crate::model::{Action, ClaimRecord, DataType, Polarity};

/// At most this many claims are kept in memory: about 150 MB (a cached claim with its
/// article fields and grouping costs about 1.9 KB of resident memory, measured).
pub(super) const MAX_CLAIMS: usize = 80_000;

/// The claims of one (actor, polarity): counterparty → (data type, action) → claims.
#[derive(Default)]
struct ActorList {
    groups: HashMap<Option<String>, HashMap<(DataType, Action), Vec<ClaimRecord>>>,
    len: usize,
    last_used: u64,
}

impl ActorList {
    fn push(&mut self, record: ClaimRecord) {
        let c = &record.claim;
        self.groups
            .entry(c.counterparty.clone())
            .or_default()
            .entry((c.data_type, c.action))
            .or_default()
            .push(record);
        self.len += 1;
    }
}

pub(super) struct CandidateCache {
    /// Visit only the groups `link::evaluate` could accept; false once a test injects
    /// another linker (`Store::set_linker`), which may link anything.
    pub narrow: bool,
    /// `data_version` when the lists were last known to match the database.
    data_version: Option<i64>,
    /// Keyed by actor folded as `COLLATE NOCASE` folds it (ASCII only), and polarity. A key
    /// is present only once its list has been read in full.
    lists: HashMap<(String, Polarity), ActorList>,
    /// Claims held in all lists.
    len: usize,
    /// Counts uses, for dropping the least recently used lists.
    tick: u64,
}

impl Default for CandidateCache {
    fn default() -> Self {
        CandidateCache {
            narrow: true,
            data_version: None,
            lists: HashMap::new(),
            len: 0,
            tick: 0,
        }
    }
}

fn key(actor: &str, polarity: Polarity) -> (String, Polarity) {
    (actor.to_ascii_lowercase(), polarity)
}

/// Whether a claim with (`counterparty`, `data_type`, `action`) on one side may be linked with
/// the group (`other_cp`, `other_dt`, `other_action`) on the other, by the same tests
/// `link::evaluate` starts with. `new_is_denial` says which side is which.
fn may_link(
    new_is_denial: bool,
    new: (&Option<String>, DataType, Action),
    other: (&Option<String>, DataType, Action),
) -> bool {
    let ((dcp, ddt, dact), (acp, adt, aact)) = if new_is_denial { (new, other) } else { (other, new) };
    ddt.compatible(&adt)
        && counterparty_covers(dcp.as_deref(), acp.as_deref())
        && action_contradicts(dact, aact)
}

impl CandidateCache {
    /// Called at the start of each write transaction: forgets everything if another
    /// connection has committed since.
    pub fn sync(&mut self, conn: &Connection) -> rusqlite::Result<()> {
        let version = queries::data_version(conn)?;
        if self.data_version != Some(version) {
            self.clear();
            self.data_version = Some(version);
        }
        Ok(())
    }

    pub fn clear(&mut self) {
        self.lists.clear();
        self.len = 0;
        self.data_version = None;
    }

    /// The stored claims of `new`'s actor with polarity `opposite` (read from the database the
    /// first time), in id order. With `self.narrow`, only those `link::evaluate` could link
    /// with `new`; without, all of them.
    pub fn candidates(
        &mut self,
        conn: &Connection,
        new: &ClaimRecord,
        opposite: Polarity,
    ) -> rusqlite::Result<Vec<&ClaimRecord>> {
        let narrow = self.narrow;
        let k = key(&new.claim.actor, opposite);
        self.tick += 1;
        if !self.lists.contains_key(&k) {
            let mut list = ActorList::default();
            for record in queries::candidates(conn, &new.claim.actor, opposite)? {
                list.push(record);
            }
            self.len += list.len;
            self.lists.insert(k.clone(), list);
            self.shrink(&k);
        }
        let Some(list) = self.lists.get_mut(&k) else {
            return Ok(Vec::new());
        };
        list.last_used = self.tick;
        let c = &new.claim;
        let new_is_denial = c.polarity == Polarity::Denial;
        let mut out: Vec<&ClaimRecord> = Vec::new();
        let this = (&c.counterparty, c.data_type, c.action);
        fn take<'a>(
            out: &mut Vec<&'a ClaimRecord>,
            by_kind: &'a HashMap<(DataType, Action), Vec<ClaimRecord>>,
            cp: &Option<String>,
            filter: Option<(bool, (&Option<String>, DataType, Action))>,
        ) {
            for ((dt, action), records) in by_kind {
                if filter.is_none_or(|(is_denial, new)| may_link(is_denial, new, (cp, *dt, *action))) {
                    out.extend(records.iter());
                }
            }
        }
        let filter = narrow.then_some((new_is_denial, this));
        // A new assertion naming X can only be contradicted by denials naming nobody, a broad
        // category or X: look those up; otherwise walk the counterparties.
        let direct = narrow && !new_is_denial && c.counterparty.is_some();
        if direct {
            let mut keys: Vec<Option<String>> = vec![None, c.counterparty.clone()];
            keys.extend(
                crate::link::BROAD_COUNTERPARTIES
                    .iter()
                    .map(|b| Some(b.to_string())),
            );
            keys.dedup();
            for cp in &keys {
                if let Some(by_kind) = list.groups.get(cp) {
                    take(&mut out, by_kind, cp, filter);
                }
            }
        } else {
            for (cp, by_kind) in &list.groups {
                take(&mut out, by_kind, cp, filter);
            }
        }
        // Hash order is not stable between runs; links are made in id order.
        out.sort_by_key(|r| r.id);
        out.dedup_by_key(|r| r.id);
        Ok(out)
    }

    /// A claim just stored. Lists not read yet will find it in the database.
    pub fn add(&mut self, record: ClaimRecord) {
        let k = key(&record.claim.actor, record.claim.polarity);
        if let Some(list) = self.lists.get_mut(&k) {
            list.push(record);
            self.len += 1;
            if self.len > MAX_CLAIMS {
                self.shrink(&k);
            }
        }
    }

    /// Drops the least recently used lists (never `keep`) until the cache is back to three
    /// quarters of `MAX_CLAIMS`.
    fn shrink(&mut self, keep: &(String, Polarity)) {
        if self.len <= MAX_CLAIMS {
            return;
        }
        let mut by_age: Vec<(u64, (String, Polarity))> = self
            .lists
            .iter()
            .filter(|(k, _)| *k != keep)
            .map(|(k, l)| (l.last_used, k.clone()))
            .collect();
        by_age.sort();
        for (_, k) in by_age {
            if self.len <= MAX_CLAIMS * 3 / 4 {
                break;
            }
            if let Some(list) = self.lists.remove(&k) {
                self.len -= list.len;
            }
        }
    }

    /// An article's claims were deleted.
    pub fn forget_article(&mut self, article_id: i64) {
        for list in self.lists.values_mut() {
            for by_kind in list.groups.values_mut() {
                for records in by_kind.values_mut() {
                    let before = records.len();
                    records.retain(|c| c.article_id != article_id);
                    list.len -= before - records.len();
                    self.len -= before - records.len();
                }
            }
        }
    }

    /// Claims held in memory (for tests).
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.len
    }
}

#[cfg(test)]
mod tests {
    use crate::claims::{Extractor, Lexicon};
    use crate::model::Article;
    use crate::store::{ClaimFilter, StatusFilter, Store};

    /// (denial sentence, assertion sentence, reason) of every link, in a stable order.
    fn links_of(store: &Store) -> Vec<(String, String, String)> {
        let filter = ClaimFilter {
            status: StatusFilter::All,
            ..ClaimFilter::default()
        };
        let mut out: Vec<_> = store
            .contradictions(&filter)
            .expect("reading links")
            .into_iter()
            .map(|l| (l.denial.claim.sentence, l.assertion.claim.sentence, l.reason))
            .collect();
        out.sort();
        out
    }

    #[test]
    fn narrowed_candidates_give_the_same_links_as_all_candidates() {
        let mut lexicon = Lexicon::builtin();
        lexicon
            .add_companies(&crate::synth::lexicon(), "synthetic")
            .expect("the synthetic lexicon parses");
        let extractor = Extractor::new(&lexicon);
        let dir = tempfile::tempdir().expect("a temp dir can be created in tests");
        let mut narrow = Store::open(&dir.path().join("n.db")).expect("opens");
        let mut wide = Store::open(&dir.path().join("w.db")).expect("opens");
        // Same linker, but set_linker turns the narrowing off.
        wide.set_linker(crate::link::evaluate);
        for a in crate::synth::generate(400, 11) {
            let article = Article {
                url: Some(a.url),
                title: Some(a.title),
                published: crate::dates::parse_input_date(&a.published).ok(),
                outlet: Some(a.outlet),
                text: a.text,
                ..Article::default()
            };
            let claims = extractor.extract(&article);
            narrow.save_article(&article, &claims, "t").expect("stored");
            wide.save_article(&article, &claims, "t").expect("stored");
        }
        let (n, w) = (links_of(&narrow), links_of(&wide));
        assert!(n.len() > 50, "the corpus makes links: {}", n.len());
        assert_eq!(n, w);
        assert!(narrow.candidates.len() > 0 && narrow.candidates.len() <= super::MAX_CLAIMS);
    }
}
