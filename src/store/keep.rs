//! How many links are kept: each claim's `KEEP` most relevant.
//!
//! A frequent company's every new report contradicts every earlier matching denial, so storing
//! every pair `link::evaluate` accepts grows with the square of the archive (64,575 links in
//! the first 10,000 synthetic articles, 571,466 in the fifth). A reader wants the few most
//! telling reports against a denial and a count of the rest. So:
//!
//! - Every pair the linker accepts is *found*; how many are found for a claim is counted when
//!   asked (`count_found`, for `contradictions`' "and N more"), not kept up to date.
//! - Each found pair gets a `rank` (lower is more relevant): how specific the match is (the
//!   same named counterparty, then a broad category such as "third parties" covering a named
//!   one, then a denial naming nobody), the same data type before the generic `personal_data`,
//!   the same action before a related one, then the lower confidence of the two claims (higher
//!   first), then how close in time the two statements are, then a hash of the two claims'
//!   stable keys (`claims.key`, which do not depend on ids or arrival order).
//! - A pair is *kept* as a link when it is among the `KEEP` best of its denial or among the
//!   `KEEP` best of its assertion. So links stay below `KEEP` × claims, and what is kept is a
//!   function of the claims stored, not of the order they arrived in.
//!
//! Kept links are maintained as claims arrive: a new claim's pairs that may matter are ranked
//! (`scan`: a pair that would rank behind both sides' best `KEEP` is skipped unevaluated, and
//! the verdict of each pair evaluated, reason included, is kept for its link, so the rules run
//! once on a pair); each earlier
//! claim whose best `KEEP` the new pair enters drops its worst, and that link is deleted unless
//! the other side still ranks it among its own best. A claim's best `KEEP` are always among its
//! kept links, so they can be read back from the `links` table (`links.rank`). When claims are
//! deleted (an article replaced, re-extracted, a claim corrected), the claims that had one of
//! them among their best are ranked again and their best filled up (`before_delete`, `refill`).
//! Links confirmed by a person are never dropped.

use std::collections::BTreeSet;

use rusqlite::Connection;

use super::cache::{list_key, CandidateCache, ListKey, Top};
use super::queries;
use super::Linker;
use crate::link::{gate_refusal, Gate, GateRefusal};
use crate::model::{Action, ClaimRecord, DataType, LinkVerdict, Polarity};

/// How many of its most relevant links each claim keeps.
pub const KEEP: usize = 5;

const DAYS_BITS: u32 = 17;
const MAX_DAYS: i64 = (1 << DAYS_BITS) - 1;

/// FNV-1a, 64 bits: a stable hash (the standard library's is seeded per process).
fn fnv(parts: &[&[u8]]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for b in p.iter().chain(&[0x1f]) {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// The day `r` was stated (`when_stated`'s first day), as days from the common era: what the
/// rank's "time apart" compares. Kept with each cached claim.
pub(super) fn day_of(r: &ClaimRecord) -> Option<i64> {
    r.when_stated()
        .map(|p| i64::from(chrono::Datelike::num_days_from_ce(&p.first_day())))
}

/// What the rank reads of one claim of a pair.
#[derive(Clone, Copy)]
pub(super) struct Side<'a> {
    pub counterparty: Option<&'a str>,
    pub data_type: DataType,
    pub action: Action,
    pub confidence: f64,
    /// `day_of` the claim.
    pub day: Option<i64>,
}

impl<'a> Side<'a> {
    fn of(r: &'a ClaimRecord, day: Option<i64>) -> Side<'a> {
        Side {
            counterparty: r.claim.counterparty.as_deref(),
            data_type: r.claim.data_type,
            action: r.claim.action,
            confidence: r.claim.confidence,
            day,
        }
    }
}

/// The rank of a found pair (denial `d` with key `dk`, assertion `a` with key `ak`): lower is
/// more relevant; see the module comment. Packed in one non-negative integer, most significant
/// first: counterparty match (2 bits), data type (1), action (1), confidence (10), days apart
/// (17), key hash (32).
pub fn rank(d: &ClaimRecord, dk: &str, a: &ClaimRecord, ak: &str) -> i64 {
    rank_high(Side::of(d, day_of(d)), Side::of(a, day_of(a))) | tie(d, dk, a, ak)
}

/// The rank without its key hash (the low 32 bits zero): a lower bound of `rank`, cheap to
/// compute from what the candidate lists keep of each claim (`cache::Entry`).
fn rank_high(d: Side, a: Side) -> i64 {
    let counterparty: i64 = match (d.counterparty, a.counterparty) {
        (Some(x), Some(y)) if x.eq_ignore_ascii_case(y) => 0,
        (Some(_), _) => 1,
        (None, _) => 2,
    };
    let data_type = i64::from(d.data_type != a.data_type);
    let action = i64::from(d.action != a.action);
    let confidence = d.confidence.min(a.confidence);
    let confidence = if confidence.is_finite() {
        1000 - (confidence * 1000.0).round().clamp(0.0, 1000.0) as i64
    } else {
        1000
    };
    let days = match (d.day, a.day) {
        (Some(x), Some(y)) => (y - x).abs().min(MAX_DAYS),
        _ => MAX_DAYS,
    };
    (counterparty << 61) | (data_type << 60) | (action << 59) | (confidence << 49) | (days << 32)
}

/// The rank's low 32 bits: a hash of both claims' stable keys and offsets.
fn tie(d: &ClaimRecord, dk: &str, a: &ClaimRecord, ak: &str) -> i64 {
    (fnv(&[
        dk.as_bytes(),
        &d.claim.start.to_le_bytes(),
        ak.as_bytes(),
        &a.claim.start.to_le_bytes(),
    ]) >> 32) as i64
}

fn opposite(p: Polarity) -> Polarity {
    match p {
        Polarity::Denial => Polarity::Assertion,
        Polarity::Assertion => Polarity::Denial,
    }
}

/// A pair the linker accepted for a claim: (rank, the other claim's slot in its list, its id,
/// the verdict when the linker was called for it: an injected linker is called once a pair).
type Found = (i64, usize, i64, Option<LinkVerdict>);

/// The pairs of `new` (key `key`) with the stored claims of the other polarity that the linker
/// accepts and that matter to the link policy, best first: every pair among `new`'s `KEEP`
/// best, and (with `for_others`) every pair that enters the other claim's best. The other
/// pairs are never evaluated: the candidates are visited in the order of the rank's lower bound
/// (`rank_high`, from the candidate lists alone), and one is skipped when that bound already
/// puts it behind `new`'s best `KEEP` so far and behind the other claim's own worst kept, or
/// when the two claims' gates (`link::Gate`, kept with each candidate once it has been read
/// whole) show the rules refuse the pair. So the first `KEEP` returned are exactly `new`'s
/// best, as if every pair had been evaluated, and once they are settled only the candidates
/// whose own best the pair would enter are read. Only the candidates not skipped are read
/// whole (`CandidateCache::record`). Reads the lists it needs.
#[allow(clippy::too_many_arguments)]
fn scan(
    conn: &Connection,
    linker: Linker,
    cache: &mut CandidateCache,
    new: &ClaimRecord,
    key: &str,
    new_gate: Gate,
    for_others: bool,
) -> rusqlite::Result<Vec<Found>> {
    let p = new.claim.polarity;
    let other = opposite(p);
    let narrow = cache.narrow;
    if narrow && new_gate.refused_alone() {
        // The rules refuse every pair with it: nothing to enumerate.
        cache.work.refused_alone += 1;
        return Ok(Vec::new());
    }
    cache.ensure(conn, &new.claim.actor, other)?;
    let k = list_key(&new.claim.actor, other);
    let new_side = Side::of(new, day_of(new));
    let new_gate_side = (&new_gate, new.claim.data_type, new.claim.counterparty.as_deref());
    let refusal = |gate: &Gate, side: &Side| {
        let theirs = (gate, side.data_type, side.counterparty);
        match p {
            Polarity::Denial => gate_refusal(new_gate_side, theirs),
            Polarity::Assertion => gate_refusal(theirs, new_gate_side),
        }
    };
    let count = |work: &mut super::cache::LinkWork, why: GateRefusal| {
        work.gated += 1;
        match why {
            GateRefusal::Alone => work.gated_alone += 1,
            GateRefusal::GenericReport => work.gated_generic += 1,
            GateRefusal::Time => work.gated_time += 1,
        }
    };
    // The candidates not refused by their gates: (rank bound, id, slot, whether the pair
    // would enter the other claim's best), in rank order.
    let mut order: Vec<(i64, i64, usize, bool)> = Vec::new();
    let mut ranked = 0;
    let narrowed = if narrow { Some(&new_gate) } else { None };
    for slot in cache.candidates(&new.claim, other, narrowed) {
        let Some(e) = cache.entry(&k, slot) else { continue };
        if e.id == new.id {
            continue;
        }
        let side = Side {
            counterparty: cache.counterparty(&k, e),
            data_type: e.data_type,
            action: e.action,
            confidence: e.confidence,
            day: e.day().map(i64::from),
        };
        let high = match p {
            Polarity::Denial => rank_high(new_side, side),
            Polarity::Assertion => rank_high(side, new_side),
        };
        ranked += 1;
        if let Some(why) = e.gate.as_ref().filter(|_| narrow).and_then(|g| refusal(g, &side)) {
            count(&mut cache.work, why);
            continue;
        }
        order.push((high, e.id, slot, for_others && e.top.admits(high)));
    }
    cache.work.ranked += ranked;
    order.sort_unstable();
    // `new`'s best so far: (rank, id), at most KEEP.
    let mut best: Vec<(i64, i64)> = Vec::with_capacity(KEEP + 1);
    let mut found = Vec::new();
    for (high, id, slot, for_other) in order {
        let for_new = best.len() < KEEP || best.last().is_some_and(|&(w, _)| high <= w);
        if !for_new && !for_other {
            continue;
        }
        let Some(whole) = cache.record(conn, id)? else {
            continue;
        };
        let (e, ek) = (&whole.0, whole.1.as_str());
        if narrow {
            // Read whole for the first time in this run: keep its gate, and use it.
            let gate = match cache.entry(&k, slot).and_then(|x| x.gate) {
                Some(g) => g,
                None => {
                    let g = Gate::of(e);
                    cache.set_gate(&k, slot, g);
                    g
                }
            };
            if let Some(why) = refusal(&gate, &Side::of(e, None)) {
                count(&mut cache.work, why);
                continue;
            }
        }
        let (d, dk, a, ak) = match p {
            Polarity::Denial => (new, key, e, ek),
            Polarity::Assertion => (e, ek, new, key),
        };
        cache.work.evaluated += 1;
        // The verdict with its reason, kept for the pair's link if it is stored: the rules are
        // not run twice on a pair kept (`link::evaluate` is the linker unless a test injects
        // another).
        let Some(verdict) = linker(d, a) else {
            continue;
        };
        let verdict = Some(verdict);
        let r = high | tie(d, dk, a, ak);
        found.push((r, slot, id, verdict));
        let at = best.partition_point(|&x| x < (r, id));
        if at < KEEP {
            best.insert(at, (r, id));
            best.truncate(KEEP);
        }
    }
    found.sort_by_key(|f| (f.0, f.2));
    Ok(found)
}

/// (denial id, assertion id) of a pair of `new` (of polarity `p`) and `other`.
fn pair(p: Polarity, new: i64, other: i64) -> (i64, i64) {
    match p {
        Polarity::Denial => (new, other),
        Polarity::Assertion => (other, new),
    }
}

/// Stores the link between `new` (key `key`) and the claim `other_id`, with the linker's
/// reason (written only for the pairs kept); returns the links made (0 or 1).
#[allow(clippy::too_many_arguments)]
fn store_link(
    conn: &Connection,
    linker: Linker,
    cache: &mut CandidateCache,
    new: &ClaimRecord,
    key: &str,
    other_id: i64,
    rank: i64,
    verdict: Option<&LinkVerdict>,
) -> rusqlite::Result<usize> {
    let Some(whole) = cache.record(conn, other_id)? else {
        return Ok(0);
    };
    let (e, ek) = (&whole.0, whole.1.as_str());
    let (d, dk, a, ak) = match new.claim.polarity {
        Polarity::Denial => (new, key, e, ek),
        Polarity::Assertion => (e, ek, new, key),
    };
    let deferred = &mut cache.deferred;
    if let Some(v) = verdict {
        return queries::insert_link(conn, deferred, d.id, dk, a.id, ak, v, rank);
    }
    match linker(d, a) {
        Some(verdict) => queries::insert_link(conn, deferred, d.id, dk, a.id, ak, &verdict, rank),
        // Not reached: the pair was accepted by the same rules.
        None => Ok(0),
    }
}

/// Links a claim just stored (`new`, with key `key`) to the stored claims that contradict it,
/// keeping the policy above; returns the number of links made.
pub(super) fn link_new(
    conn: &Connection,
    linker: Linker,
    cache: &mut CandidateCache,
    new: ClaimRecord,
    key: String,
) -> rusqlite::Result<usize> {
    let p = new.claim.polarity;
    let own = list_key(&new.claim.actor, p);
    let others = list_key(&new.claim.actor, opposite(p));
    cache.ensure(conn, &new.claim.actor, p)?;
    // What the rules read of it alone, once: for its pairs and kept with it.
    let gate = Gate::of(&new);
    let found = scan(conn, linker, cache, &new, &key, gate, true)?;
    let mut made = 0;
    let mut dropped: Vec<(i64, i64)> = Vec::new();
    for (i, (rank, slot, other_id, verdict)) in found.iter().enumerate() {
        let (rank, slot, other_id) = (*rank, *slot, *other_id);
        let Some(e) = cache.entry_mut(&others, slot) else {
            continue;
        };
        let enters = e.top.admits(rank);
        if enters {
            if let Some((_, out)) = e.top.insert(rank, new.id) {
                dropped.push((other_id, out));
            }
        }
        if enters || i < KEEP {
            made += store_link(conn, linker, cache, &new, &key, other_id, rank, verdict.as_ref())?;
        }
    }
    // `other` no longer ranks `out` among its best: drop the link unless `out` ranks `other`
    // among its own (`out` is a claim of `new`'s polarity, in `own`).
    for (other, out) in dropped {
        let still = cache.entry_by_id(&own, out).is_none_or(|x| x.top.holds(other));
        if !still {
            let (d, a) = pair(opposite(p), other, out);
            queries::delete_link(conn, d, a)?;
        }
    }
    let top = Top::from_links(found.iter().take(KEEP).map(|f| (f.0, f.2)).collect());
    cache.add(new, key, top, gate);
    cache.shrink(&[&own, &others]);
    Ok(made)
}

/// Before claims are deleted: returns the claims that had one of them among their best (to
/// `refill` once they are gone).
pub(super) fn before_delete(
    conn: &Connection,
    cache: &mut CandidateCache,
    doomed: &[(ClaimRecord, String)],
) -> rusqlite::Result<BTreeSet<(ListKey, i64)>> {
    let mut affected = BTreeSet::new();
    for (record, _) in doomed {
        let other = opposite(record.claim.polarity);
        cache.ensure(conn, &record.claim.actor, other)?;
        let others = list_key(&record.claim.actor, other);
        for slot in cache.candidates(&record.claim, other, None) {
            if let Some(e) = cache.entry(&others, slot) {
                if e.top.holds(record.id) {
                    affected.insert((others.clone(), e.id));
                }
            }
        }
    }
    Ok(affected)
}

/// After claims were deleted (and the lists cleared): ranks the `affected` claims again and
/// stores the links now among their best. Returns the number of links made.
pub(super) fn refill(
    conn: &Connection,
    linker: Linker,
    cache: &mut CandidateCache,
    affected: &BTreeSet<(ListKey, i64)>,
) -> rusqlite::Result<usize> {
    let mut made = 0;
    for ((actor, polarity), id) in affected {
        cache.ensure(conn, actor, *polarity)?;
        let k = (actor.clone(), *polarity);
        // Deleted with the others (a claim of the same article): nothing to refill.
        if cache.entry_by_id(&k, *id).is_none() {
            continue;
        }
        let Some(whole) = cache.record(conn, *id)? else {
            continue;
        };
        let (record, key) = (&whole.0, whole.1.as_str());
        let gate = cache
            .entry_by_id(&k, *id)
            .and_then(|e| e.gate)
            .unwrap_or_else(|| Gate::of(record));
        let found = scan(conn, linker, cache, record, key, gate, false)?;
        for (rank, _, other_id, verdict) in found.iter().take(KEEP) {
            made += store_link(
                conn,
                linker,
                cache,
                record,
                key,
                *other_id,
                *rank,
                verdict.as_ref(),
            )?;
        }
        let top = Top::from_links(found.iter().take(KEEP).map(|f| (f.0, f.2)).collect());
        if let Some(e) = cache.entry_by_id_mut(&k, *id) {
            e.top = top;
        }
    }
    Ok(made)
}

/// How many contradicting claims of the other polarity the linker accepts with each claim
/// given (`found`, kept as links or not), counted when asked rather than kept up to date on
/// every write: keeping the count meant evaluating every pair, which grows with the archive.
///
/// The pairs are enumerated as the writer's linking enumerates them (`scan`), in a candidate
/// cache of its own (`CandidateCache::for_counting`: the lists without their best links): only
/// the (counterparty, data type, action) groups `link::evaluate` could accept, and in them only
/// the claims whose gates (`link::Gate`, computed once a claim is read whole, and kept) do not
/// refuse the pair; a claim the rules refuse alone counts nothing. The rules run on the rest,
/// so the count is that of every pair the linker accepts (a unit test compares it with an
/// exhaustive count on random stores). Before, every claim of the other polarity of the
/// company was read whole and evaluated: 2 CPU-s for `contradictions` on the top company at
/// 465,061 claims. Without the narrowing (an injected linker) every pair is evaluated.
pub(super) fn count_found(
    conn: &Connection,
    linker: Linker,
    narrow: bool,
    records: &[ClaimRecord],
) -> rusqlite::Result<Vec<i64>> {
    let mut cache = CandidateCache::for_counting(narrow);
    let mut out = Vec::with_capacity(records.len());
    for new in records {
        let p = new.claim.polarity;
        let other = opposite(p);
        let gate = Gate::of(new);
        if narrow && gate.refused_alone() {
            out.push(0);
            continue;
        }
        cache.ensure(conn, &new.claim.actor, other)?;
        let k = list_key(&new.claim.actor, other);
        let new_side = (&gate, new.claim.data_type, new.claim.counterparty.as_deref());
        let refused = |theirs: &Gate, data_type: DataType, counterparty: Option<&str>| {
            let theirs = (theirs, data_type, counterparty);
            match p {
                Polarity::Denial => gate_refusal(new_side, theirs).is_some(),
                Polarity::Assertion => gate_refusal(theirs, new_side).is_some(),
            }
        };
        let narrowed = if narrow { Some(&gate) } else { None };
        let mut n = 0;
        for slot in cache.candidates(&new.claim, other, narrowed) {
            let Some(e) = cache.entry(&k, slot) else { continue };
            if e.id == new.id {
                continue;
            }
            let id = e.id;
            if narrow {
                if let Some(g) = e.gate {
                    if refused(&g, e.data_type, cache.counterparty(&k, e)) {
                        continue;
                    }
                }
            }
            let Some(whole) = cache.record(conn, id)? else {
                continue;
            };
            let e = &whole.0;
            let accepted = if narrow {
                let theirs = match cache.entry(&k, slot).and_then(|x| x.gate) {
                    Some(g) => g,
                    None => {
                        let g = Gate::of(e);
                        cache.set_gate(&k, slot, g);
                        g
                    }
                };
                if refused(&theirs, e.claim.data_type, e.claim.counterparty.as_deref()) {
                    continue;
                }
                match p {
                    Polarity::Denial => crate::link::accepts(new, e),
                    Polarity::Assertion => crate::link::accepts(e, new),
                }
            } else {
                match p {
                    Polarity::Denial => linker(new, e).is_some(),
                    Polarity::Assertion => linker(e, new).is_some(),
                }
            };
            n += i64::from(accepted);
        }
        out.push(n);
    }
    Ok(out)
}

/// Gives every link stored before schema 4 its rank, in one transaction.
pub(super) fn backfill_ranks(conn: &mut Connection) -> rusqlite::Result<()> {
    let missing: i64 = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM links WHERE rank IS NULL)",
        [],
        |r| r.get(0),
    )?;
    if missing == 0 {
        return Ok(());
    }
    let tx = conn.transaction()?;
    for (id, d, dk, a, ak) in queries::unranked_links(&tx)? {
        queries::set_link_rank(&tx, id, rank(&d, &dk, &a, &ak))?;
    }
    tx.commit()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Action, Claim, DataType, PartialDate};

    fn claim(
        polarity: Polarity,
        counterparty: Option<&str>,
        data_type: DataType,
        action: Action,
    ) -> ClaimRecord {
        ClaimRecord {
            id: 1,
            article_id: 1,
            article_url: None,
            article_title: None,
            outlet: None,
            published: None,
            claim: Claim {
                actor: "Acme".into(),
                counterparty: counterparty.map(str::to_string),
                data_type,
                action,
                polarity,
                scope: None,
                speaker: None,
                stated_on: Some(PartialDate::from_naive(
                    chrono::NaiveDate::from_ymd_opt(2018, 1, 1).expect("a valid date"),
                )),
                period_start: None,
                period_end: None,
                sentence: "s".into(),
                start: 0,
                end: 1,
                rule: "r".into(),
                confidence: 0.8,
            },
            extractor_version: "t".into(),
            partial_text: false,
        }
    }

    /// Ranks of (denial, assertion) pairs, compared in the order given: each must rank
    /// strictly better (lower) than the next.
    fn check(pairs: &[(ClaimRecord, ClaimRecord)]) {
        let ranks: Vec<i64> = pairs.iter().map(|(d, a)| rank(d, "dk", a, "ak")).collect();
        for w in ranks.windows(2) {
            assert!(w[0] < w[1], "ranks not in the expected order: {ranks:?}");
        }
        assert!(ranks.iter().all(|r| *r >= 0));
    }

    #[test]
    fn specific_matches_rank_first() {
        use Action::*;
        use DataType::*;
        use Polarity::*;
        let a_netflix = claim(Assertion, Some("Netflix"), Location, Share);
        check(&[
            (claim(Denial, Some("netflix"), Location, Share), a_netflix.clone()),
            (
                claim(Denial, Some("third parties"), Location, Share),
                a_netflix.clone(),
            ),
            (claim(Denial, None, Location, Share), a_netflix.clone()),
            (claim(Denial, None, PersonalData, Share), a_netflix.clone()),
            (claim(Denial, None, PersonalData, Access), a_netflix.clone()),
        ]);
        // Then confidence, then time.
        let d = claim(Denial, None, Location, Share);
        let mut sure = a_netflix.clone();
        sure.claim.confidence = 0.9;
        let mut late = sure.clone();
        late.claim.stated_on = Some(PartialDate::from_naive(
            chrono::NaiveDate::from_ymd_opt(2020, 1, 1).expect("a valid date"),
        ));
        let mut unsure = sure.clone();
        unsure.claim.confidence = 0.5;
        check(&[(d.clone(), sure), (d.clone(), late), (d, unsure)]);
    }

    #[test]
    fn rank_depends_on_keys_not_ids() {
        let d = claim(Polarity::Denial, None, DataType::Location, Action::Share);
        let a = claim(Polarity::Assertion, None, DataType::Location, Action::Share);
        let mut a2 = a.clone();
        a2.id = 99;
        assert_eq!(rank(&d, "x", &a, "y"), rank(&d, "x", &a2, "y"));
        assert_ne!(rank(&d, "x", &a, "y"), rank(&d, "x", &a, "z"));
    }
}

/// `count_found` (through `Store::links_found` and `Store::unkept_reports`) against a count of
/// every pair, on random small stores; and counting changes no link.
#[cfg(test)]
mod count_tests {
    use proptest::prelude::*;

    use crate::link::accepts;
    use crate::model::{Action, Article, Claim, ClaimRecord, DataType, DenialScope, PartialDate, Polarity};
    use crate::store::{ClaimFilter, StatusFilter, Store};

    /// Sentences of each polarity, written for this test: plain ones, a conditional denial, a
    /// deletion, reports the rules refuse alone (a reassurance, a plan, the company's denial
    /// reported), so that the gates and groups have something to leave out.
    const DENIALS: &[&str] = &[
        "The company said it has never handed customer records to outside firms.",
        "A spokesperson said the app does not pass on user details unless people opt in.",
        "The firm stated that the recordings were erased within a day.",
        "Executives insisted the service only keeps basic account details.",
        "It denied selling any of the information to brokers.",
        "The company said the recordings stay on the owner's phone and are not handed to anyone.",
    ];
    const REPORTS: &[&str] = &[
        "Internal files show the company gave partners access to the records.",
        "Researchers found the app transmitted the details to an analytics firm.",
        "The recordings were kept for years, the filing says.",
        "The stored files remain encrypted, the firm added.",
        "The company would begin sharing the records next year.",
        "Regulators said the business sold the data to marketers in 2016.",
        "Researchers found the app uploaded the clips to the company's servers.",
    ];
    const COUNTERPARTIES: &[Option<&str>] = &[
        None,
        Some("Netflix"),
        Some("Spotify"),
        Some("third parties"),
        Some("advertisers"),
        Some("law enforcement"),
        Some("government"),
    ];
    const TYPES: &[DataType] = &[
        DataType::PersonalData,
        DataType::Location,
        DataType::Health,
        DataType::Recordings,
        DataType::Deidentified,
    ];
    const ACTIONS: &[Action] = &[
        Action::Share,
        Action::Sell,
        Action::Collect,
        Action::Access,
        Action::Use,
        Action::Other,
    ];
    const DENIAL_RULES: &[&str] = &[
        "deny.plain",
        "deny.qualified",
        "deny.deleted",
        "deny.only_limit",
        "deny.in_control",
    ];
    const REPORT_RULES: &[&str] = &["assert.plain", "assert.not_deleted"];

    /// (denial?, actor, counterparty, type, action, sentence, rule, scope, year, month, period
    /// start year or 0, confidence in hundredths): indices into the tables above.
    type Spec = (bool, u8, u8, u8, u8, u8, u8, u8, i32, u32, i32, u8);

    fn spec() -> impl Strategy<Value = Spec> {
        (
            any::<bool>(),
            0u8..3,
            0u8..7,
            0u8..5,
            0u8..6,
            0u8..7,
            0u8..5,
            0u8..4,
            2012i32..2022,
            1u32..13,
            prop_oneof![Just(0i32), 2010i32..2022],
            50u8..96,
        )
    }

    fn date(y: i32, m: u32) -> PartialDate {
        PartialDate::from_naive(chrono::NaiveDate::from_ymd_opt(y, m, 1).expect("a valid date"))
    }

    /// An article of the claims `specs` (its text their sentences), stated in the month given.
    fn article(i: usize, specs: &[Spec]) -> (Article, Vec<Claim>) {
        let mut text = String::new();
        let mut claims = Vec::new();
        for &(denial, actor, cp, dt, action, sentence, rule, scope, y, m, from, conf) in specs {
            let actor = ["Acme", "Acme", "Bolt"][actor as usize];
            let sentence = if denial {
                DENIALS[sentence as usize % DENIALS.len()]
            } else {
                REPORTS[sentence as usize % REPORTS.len()]
            };
            let sentence = format!("{actor}: {sentence}");
            let start = text.chars().count();
            text.push_str(&sentence);
            text.push(' ');
            claims.push(Claim {
                actor: actor.into(),
                counterparty: COUNTERPARTIES[cp as usize].map(str::to_string),
                data_type: TYPES[dt as usize],
                action: ACTIONS[action as usize],
                polarity: if denial {
                    Polarity::Denial
                } else {
                    Polarity::Assertion
                },
                scope: if denial {
                    [
                        None,
                        Some(DenialScope::Always),
                        Some(DenialScope::Present),
                        Some(DenialScope::Past),
                    ][scope as usize]
                } else {
                    None
                },
                speaker: None,
                stated_on: Some(date(y, m)),
                period_start: (from > 0).then(|| date(from, 1)),
                period_end: None,
                end: start + sentence.chars().count(),
                start,
                sentence,
                rule: if denial {
                    DENIAL_RULES[rule as usize].into()
                } else {
                    REPORT_RULES[rule as usize % REPORT_RULES.len()].into()
                },
                confidence: f64::from(conf) / 100.0,
            });
        }
        // Each story's text its own (a text stored before is the same article).
        text.push_str(&format!("Story {i}."));
        let article = Article {
            url: Some(format!("https://news.example/count/{i}")),
            title: Some(format!("Story {i}")),
            published: specs
                .first()
                .and_then(|s| chrono::NaiveDate::from_ymd_opt(s.8, s.9, 1)),
            text,
            ..Article::default()
        };
        (article, claims)
    }

    fn all_claims(store: &Store) -> Vec<ClaimRecord> {
        store
            .claims(&ClaimFilter {
                status: StatusFilter::All,
                ..ClaimFilter::default()
            })
            .expect("reads")
    }

    /// Every link as stored: (denial, assertion, rank, reason, status).
    fn links(store: &Store) -> Vec<(i64, i64, i64, String, String)> {
        let mut st = store
            .conn
            .prepare("SELECT denial_id, assertion_id, rank, reason, status FROM links ORDER BY 1, 2")
            .expect("prepares");
        let rows = st
            .query_map([], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })
            .expect("reads");
        rows.collect::<Result<_, _>>().expect("reads")
    }

    /// The pairs `link::accepts` accepts with each claim, over every claim of the store.
    fn exhaustive(all: &[ClaimRecord]) -> Vec<i64> {
        all.iter()
            .map(|c| {
                all.iter()
                    .filter(|o| match (c.claim.polarity, o.claim.polarity) {
                        (Polarity::Denial, Polarity::Assertion) => accepts(c, o),
                        (Polarity::Assertion, Polarity::Denial) => accepts(o, c),
                        _ => false,
                    })
                    .count() as i64
            })
            .collect()
    }

    /// Checks the counts of `store` against the exhaustive count, and that counting left the
    /// links alone; returns (pairs found, denials with found pairs not kept).
    fn check(store: &Store) -> (i64, usize) {
        let before = links(store);
        let all = all_claims(store);
        let ids: Vec<i64> = all.iter().map(|c| c.id).collect();
        let want = exhaustive(&all);
        assert_eq!(store.links_found(&ids).expect("counts"), want);
        // "and N more": pairs found beyond those kept, for denials with a full `KEEP`.
        let denials: Vec<i64> = all
            .iter()
            .filter(|c| c.claim.polarity == Polarity::Denial)
            .map(|c| c.id)
            .collect();
        let unkept = store.unkept_reports(&denials).expect("counts");
        let mut expected = Vec::new();
        for (c, n) in all.iter().zip(&want) {
            let kept = before.iter().filter(|l| l.0 == c.id).count() as i64;
            if c.claim.polarity == Polarity::Denial && kept >= super::KEEP as i64 && *n > kept {
                expected.push((c.id, n - kept));
            }
        }
        assert_eq!(unkept, expected);
        assert_eq!(links(store), before, "counting changed the links");
        (want.iter().sum::<i64>() / 2, expected.len())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(32))]
        /// On random small stores, the counts through the narrowed groups equal a count of
        /// every pair, with the narrowing (the rules' own linker) and without it (an injected
        /// linker, here the same rules); the two stores keep the same links.
        #[test]
        fn counts_found_equal_a_count_of_every_pair(
            stories in prop::collection::vec(prop::collection::vec(spec(), 1..4), 2..16)
        ) {
            let dir = tempfile::tempdir().expect("a temp dir can be created in tests");
            let mut narrow = Store::open(&dir.path().join("n.db")).expect("opens");
            let mut wide = Store::open(&dir.path().join("w.db")).expect("opens");
            wide.set_linker(crate::link::evaluate);
            for (i, specs) in stories.iter().enumerate() {
                let (a, c) = article(i, specs);
                narrow.save_article(&a, &c, "t").expect("stored");
                wide.save_article(&a, &c, "t").expect("stored");
            }
            check(&narrow);
            check(&wide);
            prop_assert_eq!(links(&narrow), links(&wide));
        }
    }

    /// A denial with more matching reports than it keeps, whose reports keep better denials
    /// among their own best: the count beyond its `KEEP` is the rest ("and 3 more").
    #[test]
    fn a_denial_with_more_reports_than_kept_counts_the_rest() {
        let dir = tempfile::tempdir().expect("a temp dir can be created in tests");
        let mut store = Store::open(&dir.path().join("k.db")).expect("opens");
        // (denial, Acme, Netflix, personal data, share, "never handed", plain, always, 2019):
        // tied to the reports by the counterparty, ranked behind the same-type denials below.
        let generic: Spec = (true, 0, 1, 0, 0, 0, 0, 1, 2019, 6, 0, 90);
        // `KEEP` denials of location data given to Netflix, which the reports rank first.
        let specific: Spec = (true, 0, 1, 1, 0, 0, 0, 1, 2017, 1, 0, 90);
        let mut n = 0;
        let mut save = |spec: Spec| {
            let (a, c) = article(n, &[spec]);
            store.save_article(&a, &c, "t").expect("stored");
            n += 1;
        };
        save(generic);
        for i in 0..super::KEEP {
            save((
                specific.0,
                specific.1,
                specific.2,
                specific.3,
                specific.4,
                specific.5,
                specific.6,
                specific.7,
                specific.8,
                1 + i as u32,
                0,
                90,
            ));
        }
        for i in 0..super::KEEP + 3 {
            // Reports of location data given to Netflix, one a story, months apart.
            save((false, 0, 1, 1, 0, 0, 0, 0, 2016, 1 + i as u32, 0, 80));
        }
        let (found, beyond) = check(&store);
        assert_eq!(
            (found, beyond),
            ((super::KEEP as i64 + 3) * (super::KEEP as i64 + 1), 1)
        );
    }

    /// A deletion whose action a person changed (the rules do not read a deletion's action) is
    /// still found and linked by a report that the data was kept, whatever that report's action:
    /// the candidate groups put deletions under `Other` (found by the property test above).
    #[test]
    fn a_deletion_is_linked_whatever_its_action() {
        for (denied, reported) in [(0u8, 2u8), (1, 3), (2, 0), (4, 1)] {
            let dir = tempfile::tempdir().expect("a temp dir can be created in tests");
            let mut narrow = Store::open(&dir.path().join("n.db")).expect("opens");
            let mut wide = Store::open(&dir.path().join("w.db")).expect("opens");
            wide.set_linker(crate::link::evaluate);
            // (denial, Acme, law enforcement, personal data, ACTION, "erased", deny.deleted)
            // and a report of the same, `assert.not_deleted`, in the same month.
            let deletion: Spec = (true, 0, 5, 0, denied, 2, 2, 0, 2012, 1, 0, 50);
            let kept: Spec = (false, 0, 5, 0, reported, 2, 1, 0, 2012, 1, 0, 50);
            for (i, spec) in [deletion, kept].into_iter().enumerate() {
                let (a, c) = article(i, &[spec]);
                narrow.save_article(&a, &c, "t").expect("stored");
                wide.save_article(&a, &c, "t").expect("stored");
            }
            assert_eq!(check(&narrow).0, 1, "{denied} {reported}");
            assert_eq!(links(&narrow).len(), 1);
            assert_eq!(links(&narrow), links(&wide));
        }
    }

    /// A plain denial of collecting whose sentence says the data was erased is a deletion to the
    /// rules (`link::reads_as_deletion`), so a report that it was kept, of any action, answers
    /// it; the narrowing groups it the same way (found by the property test above: the writer
    /// had grouped it by its action and missed the pair).
    #[test]
    fn a_denial_of_collecting_that_reads_as_a_deletion_is_found() {
        for reported in [5u8, 0, 3] {
            let dir = tempfile::tempdir().expect("a temp dir can be created in tests");
            let mut narrow = Store::open(&dir.path().join("n.db")).expect("opens");
            let mut wide = Store::open(&dir.path().join("w.db")).expect("opens");
            wide.set_linker(crate::link::evaluate);
            // (denial, Bolt, third parties, deidentified, collect, "erased", deny.plain, always)
            // and a report of the same kept (`assert.not_deleted`), to Netflix, in the same month.
            let erased: Spec = (true, 2, 3, 4, 2, 2, 0, 1, 2012, 1, 0, 50);
            let kept: Spec = (false, 2, 1, 4, reported, 0, 1, 0, 2012, 1, 0, 50);
            for (i, spec) in [erased, kept].into_iter().enumerate() {
                let (a, c) = article(i, &[spec]);
                narrow.save_article(&a, &c, "t").expect("stored");
                wide.save_article(&a, &c, "t").expect("stored");
            }
            assert_eq!(links(&wide).len(), 1, "the rules link the pair ({reported})");
            assert_eq!(links(&narrow), links(&wide), "{reported}");
            assert_eq!(check(&narrow).0, 1);
        }
    }

    /// An assurance of control whose sentence names collecting ("members decide what it
    /// collects", action `share`) is met by a report of collecting (rule 5), which the actions
    /// alone do not allow: the count groups it under `Other` (`cache::any_action`) and counts
    /// the pair.
    #[test]
    fn an_assurance_of_control_counts_a_report_of_collecting() {
        let dir = tempfile::tempdir().expect("a temp dir can be created in tests");
        let mut store = Store::open(&dir.path().join("c.db")).expect("opens");
        let (mut a, mut c) = article(0, &[(true, 0, 0, 1, 0, 0, 0, 1, 2019, 6, 0, 90)]);
        c[0].sentence = "Acme: The company said its members decide what location data it collects.".into();
        c[0].rule = "deny.keep_private".into();
        c[0].end = c[0].sentence.chars().count();
        a.text = format!("{} Story 0.", c[0].sentence);
        store.save_article(&a, &c, "t").expect("stored");
        // Reports that it gathered location data without asking, a story each.
        for i in 1..4 {
            let (mut a, mut c) = article(i, &[(false, 0, 0, 1, 2, 0, 0, 0, 2019, 6, 0, 80)]);
            c[0].sentence =
                format!("Acme: The app gathered location data without asking members, report {i} says.");
            c[0].end = c[0].sentence.chars().count();
            a.text = format!("{} Story {i}.", c[0].sentence);
            store.save_article(&a, &c, "t").expect("stored");
        }
        let all = all_claims(&store);
        let ids: Vec<i64> = all.iter().map(|c| c.id).collect();
        let want = exhaustive(&all);
        assert!(want.iter().sum::<i64>() > 0, "the rules link the pairs: {want:?}");
        assert_eq!(store.links_found(&ids).expect("counts"), want);
    }

    /// The writer narrows as the count does: an assurance of control of action `share` whose
    /// sentence names collecting, and an assurance that recordings stay on the phone (action
    /// `share`), each met by a report of collecting (the clips uploaded to the company's
    /// servers), are linked by the narrowed writer as by one that tries every pair (before the
    /// change the writer grouped them by their action and missed both pairs).
    #[test]
    fn the_writer_links_an_assurance_met_by_a_report_of_another_action() {
        let cases = [
            (
                "The company said its members decide what location data it collects.",
                "deny.in_control",
                DataType::Location,
                "The app gathered location data without asking members, a report says.",
            ),
            (
                "The company said the clips stay on the owner's phone and are not handed over.",
                "deny.plain",
                DataType::Recordings,
                "Researchers found the app uploaded the clips to the company's servers.",
            ),
        ];
        for (denied, rule, dt, reported) in cases {
            let dir = tempfile::tempdir().expect("a temp dir can be created in tests");
            let mut narrow = Store::open(&dir.path().join("n.db")).expect("opens");
            let mut wide = Store::open(&dir.path().join("w.db")).expect("opens");
            wide.set_linker(crate::link::evaluate);
            // (denial, Acme, nobody, location, share, ..., present, June 2019) and a report of
            // collecting, nobody named, the next story.
            for (i, (spec, sentence)) in [
                ((true, 0, 0, 1, 0, 0, 0, 2, 2019, 6, 0, 90), denied),
                ((false, 0, 0, 1, 2, 0, 0, 0, 2019, 6, 0, 80), reported),
            ]
            .into_iter()
            .enumerate()
            {
                let (mut a, mut c) = article(i, &[spec]);
                c[0].sentence = format!("Acme: {sentence}");
                c[0].data_type = dt;
                if c[0].polarity == Polarity::Denial {
                    c[0].rule = rule.into();
                }
                c[0].end = c[0].sentence.chars().count();
                a.text = format!("{} Story {i}.", c[0].sentence);
                narrow.save_article(&a, &c, "t").expect("stored");
                wide.save_article(&a, &c, "t").expect("stored");
            }
            assert_eq!(links(&wide).len(), 1, "the rules link the pair: {denied}");
            assert_eq!(links(&narrow), links(&wide), "{denied}");
            assert_eq!(check(&narrow).0, 1, "{denied}");
        }
    }

    /// The same on the synthetic corpus (the extractor's claims, Zipf companies).
    #[test]
    fn counts_found_equal_a_count_of_every_pair_on_the_synthetic_corpus() {
        let mut lexicon = crate::claims::Lexicon::builtin();
        lexicon
            .add_companies(&crate::synth::lexicon(), "synthetic")
            .expect("the synthetic lexicon parses");
        let extractor = crate::claims::Extractor::new(&lexicon);
        let dir = tempfile::tempdir().expect("a temp dir can be created in tests");
        let mut store = Store::open(&dir.path().join("s.db")).expect("opens");
        for a in crate::synth::generate(200, 23) {
            let article = a.into_article();
            let claims = extractor.extract(&article);
            store.save_article(&article, &claims, "t").expect("stored");
        }
        let (found, _) = check(&store);
        assert!(found > 100, "{found} pairs found");
    }
}
