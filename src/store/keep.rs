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

use std::collections::{BTreeSet, HashMap};

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
/// Reads the whole claims of each (actor, polarity) it needs, once.
pub(super) fn count_found(
    conn: &Connection,
    linker: Linker,
    narrow: bool,
    records: &[ClaimRecord],
) -> rusqlite::Result<Vec<i64>> {
    let mut lists: HashMap<ListKey, Vec<(ClaimRecord, String)>> = HashMap::new();
    let mut out = Vec::with_capacity(records.len());
    for new in records {
        let other = opposite(new.claim.polarity);
        let k = list_key(&new.claim.actor, other);
        if !lists.contains_key(&k) {
            lists.insert(k.clone(), queries::candidates(conn, &new.claim.actor, other)?);
        }
        let mut n = 0;
        for (e, _) in lists.get(&k).map(Vec::as_slice).unwrap_or_default() {
            if e.id == new.id {
                continue;
            }
            let (d, a) = match new.claim.polarity {
                Polarity::Denial => (new, e),
                Polarity::Assertion => (e, new),
            };
            let accepted = if narrow {
                crate::link::accepts(d, a)
            } else {
                linker(d, a).is_some()
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
