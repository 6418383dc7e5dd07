//! The linking candidates held in memory between articles.
//!
//! Linking a new claim looks at the stored claims of the same actor with the opposite
//! polarity. Reading those rows again for each article makes a bulk ingest quadratic in row
//! decoding, so each (actor, polarity) list is read once, by the indexed `CANDIDATE_PARTS`
//! query, and then kept up to date as claims are stored. A list holds, for each claim, only
//! what the link policy's rank needs (`keep.rs`: counterparty, data type, action, confidence,
//! the day it was stated) and its best links (`Entry::top`), 144 bytes a claim; up to
//! `MAX_CLAIMS` claims are held, and a list is read at most once in a run until the lists
//! outgrow that budget. The whole claim
//! (sentence, article fields, key), which the rules of `link::accepts` and the rank's tie-break
//! need, is read by id only for the few candidates the rank does not already rule out
//! (`CandidateCache::record`), and the most recently read are kept (`RECORDS`). Lists are
//! dropped whole when another connection has committed (`PRAGMA data_version` moved), a write
//! failed (its transaction rolled back) or claims were deleted; they are read again when next
//! needed.
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
use std::sync::Arc;

use rusqlite::Connection;

use super::keep::KEEP;
use super::queries;
use crate::link::{action_may_contradict, counterparty_covers, generic_report_refuses, Gate};
use crate::model::{Action, Claim, ClaimRecord, DataType, Polarity};

/// At most this many claims are kept in the lists: about 110 MB with the whole claims kept
/// (an entry is 144 bytes; with its slot in its group, its share of the groups and the slack
/// of growing vectors, about 250 bytes a claim were measured at 168,000 claims, and the
/// whole claims kept about 11 MB: BENCHMARKS.md, tenth scale session). 300,000 was tried:
/// at 108,210 stored the next 5,000 articles took 69.1 CPU-s against 45.0 with 400,000 (the
/// lists dropped and read again: 4,558 against 2,648), for a peak RSS of 272 against 290 MB. A 200,000-article
/// archive has about 860,000 claims: past this, the lists used least recently (the rare
/// companies') are dropped and read again when next needed, so the process's memory stays
/// bounded however large the archive (the lists were the part of a bulk ingest's memory that
/// grew with the store: `bench ingest --report-every` prints what they hold). 400,000 held
/// 149 MB with the entries and maps of before, and a 200,000-article ingest's peak RSS went
/// past 300 MB from about 80,000 stored.
pub(super) const MAX_CLAIMS: usize = 400_000;

/// Whole claims read by id (`record`) kept in memory: two generations of this many each.
const RECORDS: usize = 8_192;

/// A claim's best links, (rank, the other claim's id), best first, at most `KEEP`; inline.
/// A place not used holds `EMPTY` as its rank (no rank reaches it: `keep::rank` is below
/// 2^63 − 1), so no count is kept beside them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Top {
    items: [(i64, i64); KEEP],
}

/// The rank of a place of a `Top` not used.
const EMPTY: i64 = i64::MAX;

impl Default for Top {
    fn default() -> Top {
        Top {
            items: [(EMPTY, 0); KEEP],
        }
    }
}

impl Top {
    /// From links in any order: the `KEEP` best.
    pub fn from_links(mut links: Vec<(i64, i64)>) -> Top {
        links.sort_unstable();
        let mut top = Top::default();
        for (i, l) in links.into_iter().take(KEEP).enumerate() {
            top.items[i] = (l.0.min(EMPTY - 1), l.1);
        }
        top
    }

    /// Adds a link read from the store, keeping the `KEEP` best in the order of
    /// `from_links` (rank, then id): links added one by one give the `Top` of them all.
    pub fn add(&mut self, rank: i64, id: i64) {
        let l = (rank.min(EMPTY - 1), id);
        let at = self.items.partition_point(|&x| x < l);
        if at < KEEP {
            self.items.copy_within(at..KEEP - 1, at + 1);
            self.items[at] = l;
        }
    }

    pub fn len(&self) -> usize {
        self.items.partition_point(|&(r, _)| r != EMPTY)
    }

    pub fn as_slice(&self) -> &[(i64, i64)] {
        &self.items[..self.len()]
    }

    /// Whether a pair of this rank would enter: fewer than `KEEP` are held, or it ranks above
    /// the worst held.
    pub fn admits(&self, rank: i64) -> bool {
        rank < self.items[KEEP - 1].0
    }

    pub fn holds(&self, id: i64) -> bool {
        self.as_slice().iter().any(|&(_, x)| x == id)
    }

    /// Inserts a link (which must be `admits`ed); returns the one pushed out, if any.
    pub fn insert(&mut self, rank: i64, id: i64) -> Option<(i64, i64)> {
        let n = self.len();
        let at = self.as_slice().partition_point(|&(r, _)| r < rank);
        let out = (n == KEEP).then(|| self.items[KEEP - 1]);
        if at < KEEP {
            self.items.copy_within(at..KEEP - 1, at + 1);
            self.items[at] = (rank.min(EMPTY - 1), id);
        }
        out
    }
}

/// One stored claim as the link policy's rank sees it: 144 bytes (the `Top` 80, the gate 32).
pub(super) struct Entry {
    pub id: i64,
    pub confidence: f64,
    /// Its best links.
    pub top: Top,
    /// What the rules read of it alone (`link::Gate`), once it has been read whole: pairs the
    /// gate refuses are skipped without reading it again. Set by `CandidateCache::set_gate`,
    /// which also moves the claim to its place in its group.
    pub gate: Option<Gate>,
    /// `keep::day_of` the claim (the day it was stated, for ranking), `NO_DAY` when it has
    /// none: read by `day`.
    day: i32,
    /// Its counterparty, as an index into the cache's `Names`.
    cp: u32,
    /// Where it is in its group's slot list for its `place`.
    pos: u32,
    pub data_type: DataType,
    pub action: Action,
    /// Which of its group's slot lists holds it (`Place`).
    place: Place,
    /// Met by any action (`any_action`): grouped under the action `Other`.
    any_action: bool,
}

/// `Entry::day` of a claim without a day (no day from the common era is this far back).
const NO_DAY: i32 = i32::MIN;

impl Entry {
    /// `keep::day_of` the claim.
    pub fn day(&self) -> Option<i32> {
        (self.day != NO_DAY).then_some(self.day)
    }
}

/// Where a claim sits in its (counterparty, data type, action) group, by what its gate shows:
/// each new claim visits only the places whose claims its gate could let through, so a pair
/// the gates refuse for a reason the group already shows is never enumerated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Place {
    /// Gate not known yet, or nothing about it alone narrows its partners (every report; a
    /// conditional denial).
    Open = 0,
    /// A denial, not conditional: rule 3 refuses it with a generic report naming another
    /// counterparty (`link::generic_report_refuses`), which the group's keys show.
    Plain = 1,
    /// Refused whatever its partner (`Gate::refused_alone`): visited only to find who holds a
    /// deleted claim among its best (a link the rules of another version made).
    Refused = 2,
}

impl Place {
    fn of(gate: Option<&Gate>, denials: bool) -> Place {
        match gate {
            None => Place::Open,
            Some(g) if g.refused_alone() => Place::Refused,
            Some(g) if denials && !g.conditional() => Place::Plain,
            Some(_) => Place::Open,
        }
    }
}

/// No group: the end of a counterparty's chain of groups.
const NO_GROUP: u32 = u32::MAX;

/// The slots of one (counterparty, data type, action) group, in one vector ordered by `Place`:
/// `Open` before `ends[0]`, `Plain` from there to `ends[1]`, `Refused` after. The groups of one
/// counterparty are chained by `next` (a counterparty has few), so a list needs no map per
/// counterparty: a list held about 400 bytes of maps for each counterparty of each actor,
/// which has 3 or 4 claims on average (BENCHMARKS.md, tenth scale session).
struct Group {
    slots: Vec<u32>,
    ends: [u32; 2],
    /// The next group of the same counterparty, or `NO_GROUP`.
    next: u32,
    data_type: DataType,
    action: Action,
}

impl Group {
    /// The range of `slots` holding the claims of `place`.
    fn range(&self, place: Place) -> std::ops::Range<usize> {
        let [a, b] = self.ends.map(|e| e as usize);
        match place {
            Place::Open => 0..a,
            Place::Plain => a..b,
            Place::Refused => b..self.slots.len(),
        }
    }
}

/// Counterparty names, each held once for all lists; an entry and a list name one by its index.
#[derive(Default)]
struct Names {
    index: HashMap<Option<String>, u32>,
    names: Vec<Option<String>>,
}

impl Names {
    fn id(&mut self, name: Option<String>) -> u32 {
        if let Some(&i) = self.index.get(&name) {
            return i;
        }
        let i = u32::try_from(self.names.len()).unwrap_or(u32::MAX);
        self.names.push(name.clone());
        self.index.insert(name, i);
        i
    }

    fn get(&self, id: u32) -> &Option<String> {
        static NONE: Option<String> = None;
        self.names.get(id as usize).unwrap_or(&NONE)
    }
}

/// A denial of keeping the data (`deny.deleted`, "the recordings were erased", or a denial of
/// collecting whose sentence says the data was deleted: `link::reads_as_deletion`, the rules'
/// own test): the rules do not read its action (rule 5 lets only a report that the data was
/// kept contradict it), so its group is that of the action `Other`, which every action may
/// contradict. The extractor gives a `deny.deleted` the action `other` already; a person's
/// correction may change it.
pub(super) fn is_deletion(c: &Claim) -> bool {
    c.polarity == Polarity::Denial && crate::link::reads_as_deletion(&c.rule, c.action, &c.sentence)
}

/// A denial whose group is that of the action `Other`, which every action may contradict: a
/// deletion (`is_deletion`), or a denial rule 5 lets meet reports of other actions by its rule
/// and words (`link::meets_any_action`: an assurance that users decide, or that the data stays
/// on the device, against a report of collecting or of data sent home).
pub(super) fn any_action(c: &Claim) -> bool {
    is_deletion(c)
        || (c.polarity == Polarity::Denial
            && crate::link::meets_any_action(&c.rule, c.action, c.data_type, &c.sentence))
}

/// The action a claim's group is keyed by: its own, `Other` for a claim met by any action
/// (`any_action`).
fn group_action(action: Action, any_action: bool) -> Action {
    if any_action {
        Action::Other
    } else {
        action
    }
}

/// What a list's entry is made from.
pub(super) struct EntryParts {
    pub id: i64,
    pub counterparty: Option<String>,
    pub data_type: DataType,
    pub action: Action,
    pub confidence: f64,
    pub day: Option<i64>,
    pub top: Top,
    pub gate: Option<Gate>,
    /// `any_action` the claim.
    pub any_action: bool,
}

/// The claims of one (actor, polarity), in id order, grouped by counterparty, then by
/// (data type, action), then by `Place`.
#[derive(Default)]
struct ActorList {
    entries: Vec<Entry>,
    groups: Vec<Group>,
    /// The first group of each counterparty (by its `Names` index).
    first: HashMap<u32, u32>,
    last_used: u64,
    /// A list of denials (else of assertions).
    denials: bool,
}

impl ActorList {
    /// The index of the group (`cp`, `data_type`, `action`), made if there is none.
    fn group_of(&mut self, cp: u32, data_type: DataType, action: Action) -> usize {
        let head = self.first.get(&cp).copied().unwrap_or(NO_GROUP);
        let mut g = head;
        while g != NO_GROUP {
            let group = &self.groups[g as usize];
            if group.data_type == data_type && group.action == action {
                return g as usize;
            }
            g = group.next;
        }
        let at = self.groups.len();
        self.groups.push(Group {
            slots: Vec::new(),
            ends: [0, 0],
            next: head,
            data_type,
            action,
        });
        self.first.insert(cp, u32::try_from(at).unwrap_or(NO_GROUP));
        at
    }

    /// The groups of counterparty `cp`.
    fn groups_of(&self, cp: u32) -> impl Iterator<Item = &Group> {
        let mut g = self.first.get(&cp).copied().unwrap_or(NO_GROUP);
        std::iter::from_fn(move || {
            let group = self.groups.get(g as usize)?;
            g = group.next;
            Some(group)
        })
    }

    /// Puts `slot` at the end of `place`'s part of group `g`: the first claim of each later
    /// part, last part first, moves to that part's end.
    fn insert_slot(&mut self, g: usize, place: Place, slot: u32) {
        let group = &mut self.groups[g];
        group.slots.push(slot);
        let mut hole = group.slots.len() - 1;
        for later in ((place as usize + 1)..3).rev() {
            let start = group.ends[later - 1] as usize;
            group.slots.swap(start, hole);
            if start != hole {
                let moved = group.slots[hole];
                self.entries[moved as usize].pos = hole as u32;
            }
            group.ends[later - 1] += 1;
            hole = start;
        }
        let e = &mut self.entries[slot as usize];
        e.place = place;
        e.pos = hole as u32;
    }

    /// Takes the claim at `pos` (in `place`'s part) out of group `g`: the last claim of its part
    /// fills its place, and the last claim of each later part moves into the gap before it.
    fn remove_slot(&mut self, g: usize, place: Place, pos: usize) {
        let group = &mut self.groups[g];
        let mut hole = pos;
        for part in (place as usize)..3 {
            let last = group.range([Place::Open, Place::Plain, Place::Refused][part]).end - 1;
            group.slots.swap(hole, last);
            if hole != last {
                let moved = group.slots[hole];
                self.entries[moved as usize].pos = hole as u32;
            }
            if part < 2 {
                group.ends[part] -= 1;
            }
            hole = last;
        }
        group.slots.pop();
    }

    /// Adds a claim with an id above all held.
    fn push(&mut self, names: &mut Names, p: EntryParts) {
        let cp = names.id(p.counterparty);
        if self.entries.len() == self.entries.capacity() {
            // Grown by an eighth, not doubled: a list read whole is allocated to its length,
            // and doubling it for the claims stored after would leave up to half unused.
            self.entries.reserve_exact((self.entries.len() / 8).max(64));
        }
        let slot = u32::try_from(self.entries.len()).unwrap_or(u32::MAX);
        let place = Place::of(p.gate.as_ref(), self.denials);
        self.entries.push(Entry {
            id: p.id,
            data_type: p.data_type,
            action: p.action,
            confidence: p.confidence,
            day: p
                .day
                .and_then(|d| i32::try_from(d).ok())
                .filter(|&d| d != NO_DAY)
                .unwrap_or(NO_DAY),
            cp,
            top: p.top,
            gate: p.gate,
            place,
            pos: 0,
            any_action: p.any_action,
        });
        let g = self.group_of(cp, p.data_type, group_action(p.action, p.any_action));
        self.insert_slot(g, place, slot);
    }

    /// Sets the gate of the claim in `slot` and moves it to its place in its group.
    fn set_gate(&mut self, slot: usize, gate: Gate) {
        let Some(e) = self.entries.get_mut(slot) else {
            return;
        };
        e.gate = Some(gate);
        let (from, to) = (e.place, Place::of(Some(&gate), self.denials));
        if from == to {
            return;
        }
        let (cp, data_type, pos) = (e.cp, e.data_type, e.pos as usize);
        let action = group_action(e.action, e.any_action);
        let g = self.group_of(cp, data_type, action);
        debug_assert_eq!(self.groups[g].slots.get(pos).map(|&s| s as usize), Some(slot));
        debug_assert!(self.groups[g].range(from).contains(&pos));
        self.remove_slot(g, from, pos);
        self.insert_slot(g, to, u32::try_from(slot).unwrap_or(u32::MAX));
    }

    fn slot_of(&self, id: i64) -> Option<usize> {
        self.entries.binary_search_by_key(&id, |e| e.id).ok()
    }
}

pub(super) type ListKey = (String, Polarity);

/// Whole claims with their keys, by id: two generations, the older dropped when the newer is
/// full (a claim read again moves to the newer).
#[derive(Default)]
struct Records {
    new: HashMap<i64, Arc<(ClaimRecord, String)>>,
    old: HashMap<i64, Arc<(ClaimRecord, String)>>,
}

impl Records {
    fn get(&mut self, id: i64) -> Option<Arc<(ClaimRecord, String)>> {
        if let Some(r) = self.new.get(&id) {
            return Some(Arc::clone(r));
        }
        let r = self.old.remove(&id)?;
        self.put(id, Arc::clone(&r));
        Some(r)
    }

    fn put(&mut self, id: i64, r: Arc<(ClaimRecord, String)>) {
        if self.new.len() >= RECORDS {
            self.old = std::mem::take(&mut self.new);
        }
        self.new.insert(id, r);
    }

    fn clear(&mut self) {
        self.new.clear();
        self.old.clear();
    }
}

/// How much linking work was done (for `bench ingest`): pairs whose rank was computed, pairs
/// refused by the two claims' gates (`link::Gate`) without reading either whole, whole claims
/// read by id, and pairs evaluated by the rules.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LinkWork {
    pub ranked: u64,
    pub gated: u64,
    /// Of `gated`, by the first reason that refuses (`link::GateRefusal`): one claim refused
    /// alone, a specific denial against a generic report, the time rule.
    pub gated_alone: u64,
    pub gated_generic: u64,
    pub gated_time: u64,
    /// New claims refused alone, whose pairs were not enumerated at all.
    pub refused_alone: u64,
    pub records_read: u64,
    pub evaluated: u64,
    pub lists_read: u64,
    /// Claims held in the candidate lists now, and the bytes the lists and the whole claims
    /// kept take (an estimate from their lengths and capacities: `CandidateCache::footprint`).
    pub cached_claims: u64,
    pub cache_bytes: u64,
}

pub(super) struct CandidateCache {
    /// Visit only the groups `link::evaluate` could accept; false once a test injects
    /// another linker (`Store::set_linker`), which may link anything.
    pub narrow: bool,
    /// `data_version` when the lists were last known to match the database.
    data_version: Option<i64>,
    /// Keyed by actor folded as `COLLATE NOCASE` folds it (ASCII only), and polarity. A key
    /// is present only once its list has been read in full.
    lists: HashMap<ListKey, ActorList>,
    /// The counterparty names the lists' entries and groups refer to.
    names: Names,
    records: Records,
    /// Claims held in all lists.
    len: usize,
    /// Counts uses, for dropping the least recently used lists.
    tick: u64,
    pub work: LinkWork,
    /// Rows to write before the open transaction commits (`queries::finish`).
    pub deferred: queries::Deferred,
    /// The lists are read without their claims' best links (`Entry::top` left empty): a cache
    /// made only to count the pairs found (`keep::count_found`), which ranks nothing.
    counting: bool,
}

impl Default for CandidateCache {
    fn default() -> Self {
        CandidateCache {
            narrow: true,
            data_version: None,
            lists: HashMap::new(),
            names: Names::default(),
            records: Records::default(),
            len: 0,
            tick: 0,
            work: LinkWork::default(),
            deferred: queries::Deferred::default(),
            counting: false,
        }
    }
}

pub(super) fn list_key(actor: &str, polarity: Polarity) -> ListKey {
    (actor.to_ascii_lowercase(), polarity)
}

/// Whether a claim with (`counterparty`, `data_type`, `action`) on one side may be linked with
/// the group (`other_cp`, `other_dt`, `other_action`) on the other, by the same tests
/// `link::evaluate` starts with. `new_is_denial` says which side is which.
pub(super) fn may_link(
    new_is_denial: bool,
    new: (&Option<String>, DataType, Action),
    other: (&Option<String>, DataType, Action),
) -> bool {
    let ((dcp, ddt, dact), (acp, adt, aact)) = if new_is_denial { (new, other) } else { (other, new) };
    ddt.compatible(&adt)
        && counterparty_covers(dcp.as_deref(), acp.as_deref())
        && action_may_contradict(dact, aact)
}

/// The counterparties whose groups `link::evaluate` could accept with a new assertion naming
/// `x`: nobody, `x`, a broad or partner category, a category above `x`.
fn assertion_counterparties(x: &str) -> Vec<Option<String>> {
    let mut keys: Vec<Option<String>> = vec![None, Some(x.to_string())];
    keys.extend(
        crate::link::BROAD_COUNTERPARTIES
            .iter()
            .chain(crate::link::PARTNER_COUNTERPARTIES)
            .map(|b| Some(b.to_string())),
    );
    // Wider categories that cover X ("government" covers "law enforcement").
    keys.extend(
        crate::link::CATEGORY_PARENTS
            .iter()
            .filter(|(_, wide)| crate::link::category_within(x, wide))
            .map(|(_, wide)| Some(wide.to_string())),
    );
    keys.sort();
    keys.dedup();
    keys
}

impl CandidateCache {
    /// A cache of its own for counting the pairs found (`keep::count_found`): its lists hold no
    /// best links, and it is dropped after the count.
    pub fn for_counting(narrow: bool) -> CandidateCache {
        CandidateCache {
            narrow,
            counting: true,
            ..CandidateCache::default()
        }
    }

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

    /// Forgets the lists and the whole claims read (claims were deleted or changed).
    pub fn clear_lists(&mut self) {
        self.lists.clear();
        self.records.clear();
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
        self.work.lists_read += 1;
        // Streamed: the best links of each claim, then the claims themselves, in one
        // allocation of the list's length.
        let mut tops: HashMap<i64, Top> = HashMap::new();
        if !self.counting {
            queries::ranked_links(conn, actor, polarity, &mut |id, other, rank| {
                tops.entry(id).or_default().add(rank, other);
            })?;
        }
        let mut list = ActorList {
            last_used: self.tick,
            denials: polarity == Polarity::Denial,
            ..ActorList::default()
        };
        list.entries
            .reserve_exact(queries::count_of(conn, actor, polarity)?);
        let names = &mut self.names;
        queries::candidate_parts(conn, actor, polarity, &mut |mut parts| {
            parts.top = tops.remove(&parts.id).unwrap_or_default();
            list.push(names, parts);
        })?;
        self.len += list.entries.len();
        self.lists.insert(k, list);
        Ok(())
    }

    /// The slots of the claims of (`new`'s actor, `opposite`) that may be linked with `new`
    /// (with `self.narrow`; all of them without), in no particular order. The list must have
    /// been read (`ensure`). With `new`'s gate (`gate`), the claims whose gates, as their
    /// groups show, refuse the pair are left out too: those refused alone, and the plain
    /// denials rule 3 refuses with a generic report (`Place`); without it (to find who holds
    /// a claim among its best), every claim of the groups `link::evaluate` could accept.
    pub fn candidates(&self, new: &Claim, opposite: Polarity, gate: Option<&Gate>) -> Vec<usize> {
        let Some(list) = self.lists.get(&list_key(&new.actor, opposite)) else {
            return Vec::new();
        };
        let narrow = self.narrow;
        let gated = narrow && gate.is_some();
        let conditional = gate.is_some_and(Gate::conditional);
        let new_is_denial = new.polarity == Polarity::Denial;
        // Counting (`keep::count_found`) narrows as the writer does: a denial that rule 5 lets
        // meet reports of any action by its rule and words (an assurance of control, data said
        // to stay on the device) is grouped under `Other` (`any_action`), so the actions alone
        // leave out no pair the rules link.
        let this = (
            &new.counterparty,
            new.data_type,
            group_action(new.action, any_action(new)),
        );
        let mut out: Vec<usize> = Vec::new();
        let mut take = |cp: u32| {
            let name = self.names.get(cp);
            for group in list.groups_of(cp) {
                let (dt, action) = (group.data_type, group.action);
                if narrow && !may_link(new_is_denial, this, (name, dt, action)) {
                    continue;
                }
                let part = |place: Place| group.slots[group.range(place)].iter().map(|&s| s as usize);
                if !gated {
                    out.extend(group.slots.iter().map(|&s| s as usize));
                } else if new_is_denial {
                    // Reports: rule 3 reads only their data type and counterparty.
                    if conditional
                        || !generic_report_refuses(
                            new.data_type,
                            false,
                            new.counterparty.as_deref(),
                            dt,
                            name.as_deref(),
                        )
                    {
                        out.extend(part(Place::Open));
                        out.extend(part(Place::Plain));
                    }
                } else {
                    out.extend(part(Place::Open));
                    if !generic_report_refuses(
                        dt,
                        false,
                        name.as_deref(),
                        new.data_type,
                        new.counterparty.as_deref(),
                    ) {
                        out.extend(part(Place::Plain));
                    }
                }
            }
        };
        // A new assertion naming X can only be contradicted by denials naming nobody, a broad
        // or partner category, a category above X or X: look those up; otherwise walk the
        // counterparties.
        match (&new.counterparty, narrow && !new_is_denial) {
            (Some(x), true) => {
                for name in assertion_counterparties(x) {
                    if let Some(&cp) = self.names.index.get(&name) {
                        take(cp);
                    }
                }
            }
            _ => {
                for &cp in list.first.keys() {
                    take(cp);
                }
            }
        }
        out
    }

    pub fn entry(&self, k: &ListKey, slot: usize) -> Option<&Entry> {
        self.lists.get(k)?.entries.get(slot)
    }

    /// The counterparty of an entry.
    pub fn counterparty(&self, k: &ListKey, e: &Entry) -> Option<&str> {
        self.lists.get(k)?;
        self.names.get(e.cp).as_deref()
    }

    pub fn entry_mut(&mut self, k: &ListKey, slot: usize) -> Option<&mut Entry> {
        self.lists.get_mut(k)?.entries.get_mut(slot)
    }

    /// Sets the gate of the claim in `slot` of list `k`, and moves it to its place in its group.
    pub fn set_gate(&mut self, k: &ListKey, slot: usize, gate: Gate) {
        if let Some(list) = self.lists.get_mut(k) {
            list.set_gate(slot, gate);
        }
    }

    pub fn entry_by_id(&self, k: &ListKey, id: i64) -> Option<&Entry> {
        let list = self.lists.get(k)?;
        list.entries.get(list.slot_of(id)?)
    }

    pub fn entry_by_id_mut(&mut self, k: &ListKey, id: i64) -> Option<&mut Entry> {
        let list = self.lists.get_mut(k)?;
        let slot = list.slot_of(id)?;
        list.entries.get_mut(slot)
    }

    /// The whole claim `id` with its key: kept, or read by id.
    pub fn record(
        &mut self,
        conn: &Connection,
        id: i64,
    ) -> rusqlite::Result<Option<Arc<(ClaimRecord, String)>>> {
        if let Some(r) = self.records.get(id) {
            return Ok(Some(r));
        }
        self.work.records_read += 1;
        let Some(r) = queries::claim_with_key(conn, id)? else {
            return Ok(None);
        };
        let r = Arc::new(r);
        self.records.put(id, Arc::clone(&r));
        Ok(Some(r))
    }

    /// A claim just stored (`record`, with key `key`, its best links `top`, its `gate`: `Gate::of`
    /// it). Lists not read yet will find it in the database.
    pub fn add(&mut self, record: ClaimRecord, key: String, top: Top, gate: Gate) {
        let k = list_key(&record.claim.actor, record.claim.polarity);
        let id = record.id;
        if let Some(list) = self.lists.get_mut(&k) {
            // Read with its list already (stored before the list was read): its best links.
            if let Some(slot) = list.slot_of(id) {
                list.entries[slot].top = top;
                list.set_gate(slot, gate);
            } else {
                let c = &record.claim;
                let parts = EntryParts {
                    id,
                    counterparty: c.counterparty.clone(),
                    data_type: c.data_type,
                    action: c.action,
                    confidence: c.confidence,
                    day: super::keep::day_of(&record),
                    top,
                    gate: Some(gate),
                    any_action: any_action(c),
                };
                if list.entries.last().is_none_or(|e| e.id < id) {
                    list.push(&mut self.names, parts);
                    self.len += 1;
                } else {
                    // Not above every id held (not reached: ids grow, deletions clear the
                    // lists): read the list again when next needed.
                    self.len -= list.entries.len();
                    self.lists.remove(&k);
                }
            }
        }
        self.records.put(id, Arc::new((record, key)));
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
                self.len -= list.entries.len();
            }
        }
    }

    /// (claims held in the lists, bytes held by the lists and the whole claims kept): the
    /// entries' and groups' allocations by capacity, the counterparty names, and each whole
    /// claim's strings.
    pub fn footprint(&self) -> (usize, usize) {
        use std::mem::size_of;
        let mut bytes = self.lists.capacity() * (size_of::<ListKey>() + size_of::<ActorList>());
        bytes += self.names.names.capacity() * size_of::<Option<String>>() * 2;
        bytes += self.names.index.capacity() * (size_of::<u32>() + 1);
        bytes += 2 * self
            .names
            .names
            .iter()
            .map(|c| c.as_ref().map_or(0, String::capacity))
            .sum::<usize>();
        for (k, list) in &self.lists {
            bytes += k.0.capacity() + list.entries.capacity() * size_of::<Entry>();
            bytes += list.first.capacity() * (2 * size_of::<u32>() + 1);
            bytes += list.groups.capacity() * size_of::<Group>();
            bytes += list.groups.iter().map(|g| g.slots.capacity() * 4).sum::<usize>();
        }
        for map in [&self.records.new, &self.records.old] {
            bytes += map.capacity() * (8 + size_of::<usize>());
            for r in map.values() {
                let (rec, key) = &**r;
                let c = &rec.claim;
                bytes += size_of::<(ClaimRecord, String)>() + 16 + key.capacity();
                bytes += c.actor.capacity() + c.sentence.capacity() + c.rule.capacity();
                bytes += c.counterparty.as_ref().map_or(0, String::capacity);
                bytes += c.speaker.as_ref().map_or(0, String::capacity);
                bytes += rec.article_url.as_ref().map_or(0, String::capacity);
                bytes += rec.article_title.as_ref().map_or(0, String::capacity);
                bytes += rec.outlet.as_ref().map_or(0, String::capacity);
                bytes += rec.extractor_version.capacity();
            }
        }
        (self.len, bytes)
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

    /// `Top::add`, one link at a time, keeps what `from_links` keeps of them all; `insert`
    /// pushes out the worst once `KEEP` are held, and `admits` only what would enter.
    #[test]
    fn a_top_keeps_the_best_links_however_they_come() {
        use super::Top;
        use crate::store::keep::KEEP;
        // Ranks with ties (broken by id), and more links than a top holds.
        let links: Vec<(i64, i64)> = (0..23).map(|i| ((i * 7919) % 11, 100 - i)).collect();
        for n in [0, 1, KEEP - 1, KEEP, links.len()] {
            let mut one_by_one = Top::default();
            for &(r, id) in links[..n].iter().rev() {
                one_by_one.add(r, id);
            }
            let whole = Top::from_links(links[..n].to_vec());
            assert_eq!(one_by_one, whole, "{n} links");
            let mut sorted = links[..n].to_vec();
            sorted.sort_unstable();
            sorted.truncate(KEEP);
            assert_eq!(whole.as_slice(), &sorted[..]);
            assert_eq!(whole.len(), n.min(KEEP));
        }
        let mut top = Top::default();
        assert!(top.admits(i64::MAX - 1) && !top.holds(0));
        for (r, id) in [(50, 1), (10, 2), (30, 3), (20, 4), (40, 5)] {
            assert!(top.admits(r));
            assert_eq!(top.insert(r, id), None);
        }
        assert_eq!(top.as_slice(), &[(10, 2), (20, 4), (30, 3), (40, 5), (50, 1)]);
        assert!(!top.admits(50) && !top.admits(60) && top.admits(49));
        assert_eq!(top.insert(15, 6), Some((50, 1)));
        assert_eq!(top.as_slice(), &[(10, 2), (15, 6), (20, 4), (30, 3), (40, 5)]);
        assert!(top.holds(6) && !top.holds(1));
    }

    /// The candidate lists' entry stays small: it is most of the linking cache's memory.
    #[test]
    fn a_cached_claim_takes_at_most_144_bytes() {
        assert!(
            std::mem::size_of::<super::Entry>() <= 144,
            "{}",
            std::mem::size_of::<super::Entry>()
        );
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

    /// `link::gate_refuses` never refuses a pair `link::accepts` links (the store skips the
    /// pairs it refuses without evaluating them), and it does refuse some.
    #[test]
    fn gates_refuse_only_pairs_the_rules_refuse() {
        use crate::link::{accepts, gate_refuses, Gate};
        use crate::model::Polarity;
        let (articles, claims) = synthetic(500, 13);
        let dir = tempfile::tempdir().expect("a temp dir can be created in tests");
        let mut store = Store::open(&dir.path().join("g.db")).expect("opens");
        for (a, c) in articles.iter().zip(&claims) {
            store.save_article(a, c, "t").expect("stored");
        }
        let all = store
            .claims(&ClaimFilter {
                status: StatusFilter::All,
                ..ClaimFilter::default()
            })
            .expect("reads");
        let gates: Vec<Gate> = all.iter().map(Gate::of).collect();
        let (mut refused, mut linked) = (0, 0);
        for (i, d) in all.iter().enumerate() {
            if d.claim.polarity != Polarity::Denial {
                continue;
            }
            for (j, a) in all.iter().enumerate() {
                if a.claim.polarity != Polarity::Assertion
                    || !a.claim.actor.eq_ignore_ascii_case(&d.claim.actor)
                {
                    continue;
                }
                let gated = gate_refuses(
                    (&gates[i], d.claim.data_type, d.claim.counterparty.as_deref()),
                    (&gates[j], a.claim.data_type, a.claim.counterparty.as_deref()),
                );
                let accepted = accepts(d, a);
                assert!(
                    !(gated && accepted),
                    "gate refused a linked pair: {:?} / {:?}",
                    d.claim.sentence,
                    a.claim.sentence
                );
                refused += usize::from(gated);
                linked += usize::from(accepted);
            }
        }
        assert!(refused > 100 && linked > 50, "refused {refused}, linked {linked}");
    }

    /// With a new claim's gate, `candidates` leaves out only claims whose gates refuse the pair
    /// (the places of `Place`: refused alone, plain denials against a generic report), and it
    /// does leave some out; without a gate it gives every claim of the groups.
    #[test]
    fn candidates_left_out_by_their_place_are_refused_by_the_gates() {
        use crate::link::{gate_refuses, Gate};
        use crate::model::Polarity;
        use std::collections::HashSet;
        let (articles, claims) = synthetic(500, 17);
        let dir = tempfile::tempdir().expect("a temp dir can be created in tests");
        let mut store = Store::open(&dir.path().join("p.db")).expect("opens");
        for (a, c) in articles.iter().zip(&claims) {
            store.save_article(a, c, "t").expect("stored");
        }
        // The synthetic corpus has no claim the rules refuse alone: add reports that are
        // reassurances (the data "remain encrypted"), each alone in an article of its own.
        let reports = claims
            .iter()
            .flatten()
            .filter(|c| c.polarity == Polarity::Assertion);
        for (i, c) in reports.take(40).enumerate() {
            let mut c = c.clone();
            c.sentence = format!(
                "{} The files remain encrypted, it said.",
                c.sentence.trim_end_matches('.')
            );
            c.start = 0;
            c.end = c.sentence.chars().count();
            let article = Article {
                url: Some(format!("https://news.example/reassured/{i}")),
                title: Some("Reassured".into()),
                text: c.sentence.clone(),
                ..Article::default()
            };
            store.save_article(&article, &[c], "t").expect("stored");
        }
        let linked = store
            .contradictions(&ClaimFilter {
                status: StatusFilter::All,
                ..ClaimFilter::default()
            })
            .expect("reads links");
        assert!(!linked
            .iter()
            .any(|l| l.assertion.claim.sentence.contains("remain encrypted")));
        let all = store
            .claims(&ClaimFilter {
                status: StatusFilter::All,
                ..ClaimFilter::default()
            })
            .expect("reads");
        let (mut left_out, mut kept, mut alone, mut generic) = (0, 0, 0, 0);
        for new in &all {
            let other = match new.claim.polarity {
                Polarity::Denial => Polarity::Assertion,
                Polarity::Assertion => Polarity::Denial,
            };
            store
                .candidates
                .ensure(&store.conn, &new.claim.actor, other)
                .expect("reads the list");
            let cache = &store.candidates;
            let k = super::list_key(&new.claim.actor, other);
            let gate = Gate::of(new);
            let narrowed: HashSet<usize> = cache
                .candidates(&new.claim, other, Some(&gate))
                .into_iter()
                .collect();
            let every = cache.candidates(&new.claim, other, None);
            assert!(narrowed.iter().all(|s| every.contains(s)));
            for slot in every {
                let e = cache.entry(&k, slot).expect("an entry");
                if narrowed.contains(&slot) {
                    kept += 1;
                    continue;
                }
                left_out += 1;
                let theirs = e.gate.expect("stored in this run: its gate is known");
                let mine = (&gate, new.claim.data_type, new.claim.counterparty.as_deref());
                let them = (&theirs, e.data_type, cache.counterparty(&k, e));
                let refused = match new.claim.polarity {
                    Polarity::Denial => gate_refuses(mine, them),
                    Polarity::Assertion => gate_refuses(them, mine),
                };
                assert!(
                    refused,
                    "left out but not refused: {:?} / claim {}",
                    new.claim.sentence, e.id
                );
                alone += usize::from(theirs.refused_alone());
                generic += usize::from(!theirs.refused_alone());
            }
        }
        assert!(
            alone > 0 && generic > 0 && kept > left_out / 10,
            "{alone} {generic} {kept} {left_out}"
        );
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
