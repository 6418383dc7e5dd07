//! The linking candidates held in memory between articles.
//!
//! Linking a new claim looks at the stored claims of the same actor with the opposite
//! polarity. Reading those rows again for each article makes a bulk ingest quadratic in row
//! decoding, so each (actor, polarity) list is read once, by the indexed `CANDIDATES` query, and
//! then kept up to date as claims are stored. With each claim the list keeps what the link
//! policy (`keep.rs`) needs: the claim's stable key, the day it was stated and its best links
//! (`Entry::top`). Lists are dropped whole
//! when another connection has committed (`PRAGMA data_version` moved), a write failed (its
//! transaction rolled back) or claims were deleted; they are read again when next needed.
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
use crate::model::{Action, Claim, ClaimRecord, DataType, Polarity};

/// At most this many claims are kept in memory: about 150 MB (a cached claim with its
/// article fields and grouping costs about 1.9 KB of resident memory, measured).
pub(super) const MAX_CLAIMS: usize = 80_000;

/// One stored claim as the linker and the link policy see it.
pub(super) struct Entry {
    pub record: ClaimRecord,
    /// `claims.key`: the stable identity that breaks ties between equally relevant links.
    pub key: String,
    /// `keep::day_of` the record: the day it was stated, for ranking.
    pub day: Option<i64>,
    /// Its best links, (rank, the other claim's id), best first, at most `keep::KEEP`.
    pub top: Vec<(i64, i64)>,
}

/// The claims of one (actor, polarity): counterparty → (data type, action) → slots.
#[derive(Default)]
struct ActorList {
    slots: Vec<Option<Entry>>,
    by_id: HashMap<i64, usize>,
    groups: HashMap<Option<String>, HashMap<(DataType, Action), Vec<usize>>>,
    len: usize,
    last_used: u64,
}

impl ActorList {
    fn push(&mut self, entry: Entry) {
        let c = &entry.record.claim;
        let slot = self.slots.len();
        self.groups
            .entry(c.counterparty.clone())
            .or_default()
            .entry((c.data_type, c.action))
            .or_default()
            .push(slot);
        self.by_id.insert(entry.record.id, slot);
        self.slots.push(Some(entry));
        self.len += 1;
    }
}

pub(super) type ListKey = (String, Polarity);

pub(super) struct CandidateCache {
    /// Visit only the groups `link::evaluate` could accept; false once a test injects
    /// another linker (`Store::set_linker`), which may link anything.
    pub narrow: bool,
    /// `data_version` when the lists were last known to match the database.
    data_version: Option<i64>,
    /// Keyed by actor folded as `COLLATE NOCASE` folds it (ASCII only), and polarity. A key
    /// is present only once its list has been read in full.
    lists: HashMap<ListKey, ActorList>,
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

pub(super) fn list_key(actor: &str, polarity: Polarity) -> ListKey {
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

    /// Forgets everything (a transaction rolled back).
    pub fn clear(&mut self) {
        self.clear_lists();
        self.data_version = None;
    }

    /// Forgets the lists (claims were deleted).
    pub fn clear_lists(&mut self) {
        self.lists.clear();
        self.len = 0;
    }

    /// The article being stored failed (its savepoint rolled back): the lists may hold its
    /// claims.
    pub fn article_failed(&mut self) {
        self.clear_lists();
    }

    /// Reads the list of (`actor`, `polarity`) if it is not held yet.
    pub fn ensure(&mut self, conn: &Connection, actor: &str, polarity: Polarity) -> rusqlite::Result<()> {
        let k = list_key(actor, polarity);
        self.tick += 1;
        if let Some(list) = self.lists.get_mut(&k) {
            list.last_used = self.tick;
            return Ok(());
        }
        let mut tops: HashMap<i64, Vec<(i64, i64)>> = HashMap::new();
        for (id, other, rank) in queries::ranked_links(conn, actor, polarity)? {
            tops.entry(id).or_default().push((rank, other));
        }
        let mut list = ActorList {
            last_used: self.tick,
            ..ActorList::default()
        };
        for (record, key) in queries::candidates(conn, actor, polarity)? {
            let mut top = tops.remove(&record.id).unwrap_or_default();
            top.sort_unstable();
            top.truncate(super::keep::KEEP);
            let day = super::keep::day_of(&record);
            list.push(Entry {
                record,
                key,
                day,
                top,
            });
        }
        self.len += list.len;
        self.lists.insert(k, list);
        Ok(())
    }

    /// The slots of the claims of (`new`'s actor, `opposite`) that may be linked with `new`
    /// (with `self.narrow`; all of them without), in id order. The list must have been read
    /// (`ensure`).
    pub fn candidates(&self, new: &Claim, opposite: Polarity) -> Vec<usize> {
        let Some(list) = self.lists.get(&list_key(&new.actor, opposite)) else {
            return Vec::new();
        };
        let narrow = self.narrow;
        let new_is_denial = new.polarity == Polarity::Denial;
        let this = (&new.counterparty, new.data_type, new.action);
        let mut out: Vec<usize> = Vec::new();
        let take =
            |out: &mut Vec<usize>, by_kind: &HashMap<(DataType, Action), Vec<usize>>, cp: &Option<String>| {
                for ((dt, action), slots) in by_kind {
                    if !narrow || may_link(new_is_denial, this, (cp, *dt, *action)) {
                        out.extend(slots.iter().copied().filter(|&s| list.slots[s].is_some()));
                    }
                }
            };
        // A new assertion naming X can only be contradicted by denials naming nobody, a broad
        // or partner category, a category above X or X: look those up; otherwise walk the counterparties.
        if narrow && !new_is_denial && new.counterparty.is_some() {
            let mut keys: Vec<Option<String>> = vec![None, new.counterparty.clone()];
            keys.extend(
                crate::link::BROAD_COUNTERPARTIES
                    .iter()
                    .chain(crate::link::PARTNER_COUNTERPARTIES)
                    .map(|b| Some(b.to_string())),
            );
            // Wider categories that cover X ("government" covers "law enforcement").
            if let Some(x) = new.counterparty.as_deref() {
                keys.extend(
                    crate::link::CATEGORY_PARENTS
                        .iter()
                        .filter(|(_, wide)| crate::link::category_within(x, wide))
                        .map(|(_, wide)| Some(wide.to_string())),
                );
            }
            keys.sort();
            keys.dedup();
            for cp in &keys {
                if let Some(by_kind) = list.groups.get(cp) {
                    take(&mut out, by_kind, cp);
                }
            }
        } else {
            for (cp, by_kind) in &list.groups {
                take(&mut out, by_kind, cp);
            }
        }
        // Hash order is not stable between runs; slots are in id order.
        out.sort_unstable();
        out.dedup();
        out
    }

    pub fn entry(&self, k: &ListKey, slot: usize) -> Option<&Entry> {
        self.lists.get(k)?.slots.get(slot)?.as_ref()
    }

    pub fn entry_mut(&mut self, k: &ListKey, slot: usize) -> Option<&mut Entry> {
        self.lists.get_mut(k)?.slots.get_mut(slot)?.as_mut()
    }

    pub fn entry_by_id(&self, k: &ListKey, id: i64) -> Option<&Entry> {
        let list = self.lists.get(k)?;
        list.slots.get(*list.by_id.get(&id)?)?.as_ref()
    }

    pub fn entry_by_id_mut(&mut self, k: &ListKey, id: i64) -> Option<&mut Entry> {
        let list = self.lists.get_mut(k)?;
        let slot = *list.by_id.get(&id)?;
        list.slots.get_mut(slot)?.as_mut()
    }

    /// A claim just stored. Lists not read yet will find it in the database.
    pub fn add(&mut self, entry: Entry) {
        let k = list_key(&entry.record.claim.actor, entry.record.claim.polarity);
        if let Some(list) = self.lists.get_mut(&k) {
            // Read with its list already (stored before the list was read): replace it.
            if let Some(&slot) = list.by_id.get(&entry.record.id) {
                list.slots[slot] = Some(entry);
                return;
            }
            list.push(entry);
            self.len += 1;
        }
    }

    /// Drops the least recently used lists (never those in `keep`) until the cache is back to
    /// three quarters of `MAX_CLAIMS`, when it holds more than `MAX_CLAIMS`.
    pub fn shrink(&mut self, keep: &[&ListKey]) {
        if self.len <= MAX_CLAIMS {
            return;
        }
        let mut by_age: Vec<(u64, ListKey)> = self
            .lists
            .iter()
            .filter(|(k, _)| !keep.contains(k))
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

    fn synthetic(n: usize, seed: u64) -> (Vec<Article>, Vec<Vec<crate::model::Claim>>) {
        let mut lexicon = Lexicon::builtin();
        lexicon
            .add_companies(&crate::synth::lexicon(), "synthetic")
            .expect("the synthetic lexicon parses");
        let extractor = Extractor::new(&lexicon);
        let articles: Vec<Article> = crate::synth::generate(n, seed)
            .into_iter()
            .map(crate::synth::SynthArticle::into_article)
            .collect();
        let claims = articles.iter().map(|a| extractor.extract(a)).collect();
        (articles, claims)
    }

    /// (denial URL and sentence, assertion URL and sentence) of every link, and (URL,
    /// sentence, links_found) of every claim, in a stable order: what must not depend on the
    /// order articles arrive in.
    #[allow(clippy::type_complexity)]
    fn state_of(store: &Store) -> (Vec<(String, String, String, String)>, Vec<(String, String, i64)>) {
        let filter = ClaimFilter {
            status: StatusFilter::All,
            ..ClaimFilter::default()
        };
        let url = |r: &crate::model::ClaimRecord| r.article_url.clone().unwrap_or_default();
        let mut links: Vec<_> = store
            .contradictions(&filter)
            .expect("reading links")
            .into_iter()
            .map(|l| {
                (
                    url(&l.denial),
                    l.denial.claim.sentence.clone(),
                    url(&l.assertion),
                    l.assertion.claim.sentence.clone(),
                )
            })
            .collect();
        links.sort();
        let mut st = store
            .conn
            .prepare("SELECT c.id, a.url, c.sentence FROM claims c JOIN articles a ON a.id = c.article_id")
            .expect("prepares");
        let rows: Vec<(i64, String, String)> = st
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .expect("reads")
            .collect::<Result<_, _>>()
            .expect("reads");
        let ids: Vec<i64> = rows.iter().map(|r| r.0).collect();
        let found = store.links_found(&ids).expect("counts");
        let mut claims: Vec<(String, String, i64)> = rows
            .into_iter()
            .zip(found)
            .map(|((_, url, sentence), n)| (url, sentence, n))
            .collect();
        claims.sort();
        (links, claims)
    }

    #[test]
    fn kept_links_do_not_depend_on_arrival_order_and_stay_linear() {
        let (articles, claims) = synthetic(900, 5);
        let dir = tempfile::tempdir().expect("a temp dir can be created in tests");
        let mut states = Vec::new();
        // In order, reversed, and interleaved from both ends.
        let n = articles.len();
        let mut both_ends: Vec<usize> = Vec::new();
        for i in 0..n.div_ceil(2) {
            both_ends.push(i);
            if n - 1 - i != i {
                both_ends.push(n - 1 - i);
            }
        }
        let orders: Vec<Vec<usize>> = vec![(0..n).collect(), (0..n).rev().collect(), both_ends];
        for (k, order) in orders.iter().enumerate() {
            let mut store = Store::open(&dir.path().join(format!("o{k}.db"))).expect("opens");
            // Batches, as the pipeline writes them.
            for chunk in order.chunks(37) {
                store.begin_batch().expect("begins");
                for &i in chunk {
                    store.save_article(&articles[i], &claims[i], "t").expect("stored");
                }
                store.commit_batch().expect("commits");
            }
            states.push(state_of(&store));
        }
        let (links, found) = &states[0];
        let stored_claims = found.len();
        let found_total: i64 = found.iter().map(|c| c.2).sum();
        assert!(links.len() > 50, "the corpus makes links: {}", links.len());
        assert!(
            (found_total as usize) / 2 > links.len(),
            "some pairs found are not kept: {} found, {} kept",
            found_total / 2,
            links.len()
        );
        assert!(links.len() <= super::super::keep::KEEP * stored_claims);
        assert_eq!(states[0], states[1], "reversed order");
        assert_eq!(states[0], states[2], "interleaved order");
    }

    #[test]
    fn replacing_an_article_keeps_the_same_links_as_storing_the_final_one() {
        let (mut articles, claims) = synthetic(200, 9);
        let dir = tempfile::tempdir().expect("a temp dir can be created in tests");
        let mut replaced = Store::open(&dir.path().join("r.db")).expect("opens");
        for (a, c) in articles.iter().zip(&claims) {
            replaced.save_article(a, c, "t").expect("stored");
        }
        // Articles with many claims lose their claims, then get another article's.
        let busiest: Vec<usize> = {
            let mut by: Vec<usize> = (0..articles.len()).collect();
            by.sort_by_key(|&i| (std::cmp::Reverse(claims[i].len()), i));
            by.into_iter().take(6).collect()
        };
        let mut final_claims = claims.clone();
        for (k, &i) in busiest.iter().enumerate() {
            articles[i].text.push_str(" Changed.");
            final_claims[i] = if k % 2 == 0 {
                Vec::new()
            } else {
                claims[busiest[k - 1]].clone()
            };
            replaced
                .save_article(&articles[i], &final_claims[i], "t")
                .expect("stored");
        }
        let mut fresh = Store::open(&dir.path().join("f.db")).expect("opens");
        for (a, c) in articles.iter().zip(&final_claims) {
            fresh.save_article(a, c, "t").expect("stored");
        }
        assert_eq!(state_of(&replaced), state_of(&fresh));
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
            let article = a.into_article();
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
