//! How many links are kept: each claim's `KEEP` most relevant.
//!
//! A frequent company's every new report contradicts every earlier matching denial, so storing
//! every pair `link::evaluate` accepts grows with the square of the archive (64,575 links in
//! the first 10,000 synthetic articles, 571,466 in the fifth). A reader wants the few most
//! telling reports against a denial and a count of the rest. So:
//!
//! - Every pair the linker accepts is *found*; each claim counts the claims found against it
//!   (`claim_link_counts.found`).
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
//! Kept links are maintained as claims arrive: a new claim's pairs are ranked; each earlier
//! claim whose best `KEEP` the new pair enters drops its worst, and that link is deleted unless
//! the other side still ranks it among its own best. A claim's best `KEEP` are always among its
//! kept links, so they can be read back from the `links` table (`links.rank`). When claims are
//! deleted (an article replaced, re-extracted, a claim corrected), the claims that had one of
//! them among their best are ranked again and their best filled up (`before_delete`, `refill`).
//! Links confirmed by a person are never dropped.

use std::collections::BTreeSet;

use rusqlite::Connection;

use super::cache::{list_key, CandidateCache, Entry, ListKey};
use super::queries;
use super::Linker;
use crate::model::{ClaimRecord, LinkVerdict, Polarity};

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

/// The rank of a found pair (denial `d` with key `dk`, assertion `a` with key `ak`): lower is
/// more relevant; see the module comment. Packed in one non-negative integer, most significant
/// first: counterparty match (2 bits), data type (1), action (1), confidence (10), days apart
/// (17), key hash (32).
pub fn rank(d: &ClaimRecord, dk: &str, a: &ClaimRecord, ak: &str) -> i64 {
    let (dc, ac) = (&d.claim, &a.claim);
    let counterparty: i64 = match (&dc.counterparty, &ac.counterparty) {
        (Some(x), Some(y)) if x.eq_ignore_ascii_case(y) => 0,
        (Some(_), _) => 1,
        (None, _) => 2,
    };
    let data_type = i64::from(dc.data_type != ac.data_type);
    let action = i64::from(dc.action != ac.action);
    let confidence = dc.confidence.min(ac.confidence);
    let confidence = if confidence.is_finite() {
        1000 - (confidence * 1000.0).round().clamp(0.0, 1000.0) as i64
    } else {
        1000
    };
    let days = match (d.when_stated(), a.when_stated()) {
        (Some(x), Some(y)) => (y.first_day() - x.first_day()).num_days().abs().min(MAX_DAYS),
        _ => MAX_DAYS,
    };
    let tie = fnv(&[
        dk.as_bytes(),
        &dc.start.to_le_bytes(),
        ak.as_bytes(),
        &ac.start.to_le_bytes(),
    ]) >> 32;
    (counterparty << 61) | (data_type << 60) | (action << 59) | (confidence << 49) | (days << 32) | tie as i64
}

fn opposite(p: Polarity) -> Polarity {
    match p {
        Polarity::Denial => Polarity::Assertion,
        Polarity::Assertion => Polarity::Denial,
    }
}

/// A pair the linker accepted for a claim: (rank, the other claim's slot in its list, its id,
/// the verdict).
type Found = (i64, usize, i64, LinkVerdict);

/// Every claim of the other polarity the linker accepts with `new` (key `key`), best first.
/// Reads the lists it needs.
fn found_for(
    conn: &Connection,
    linker: Linker,
    cache: &mut CandidateCache,
    new: &ClaimRecord,
    key: &str,
) -> rusqlite::Result<Vec<Found>> {
    let other = opposite(new.claim.polarity);
    cache.ensure(conn, &new.claim.actor, other)?;
    let k = list_key(&new.claim.actor, other);
    let mut found = Vec::new();
    for slot in cache.candidates(&new.claim, other) {
        let Some(e) = cache.entry(&k, slot) else { continue };
        if e.record.id == new.id {
            continue;
        }
        let (d, dk, a, ak) = match new.claim.polarity {
            Polarity::Denial => (new, key, &e.record, e.key.as_str()),
            Polarity::Assertion => (&e.record, e.key.as_str(), new, key),
        };
        if let Some(verdict) = linker(d, a) {
            found.push((rank(d, dk, a, ak), slot, e.record.id, verdict));
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
    let found = found_for(conn, linker, cache, &new, &key)?;
    let mut made = 0;
    let mut dropped: Vec<(i64, i64)> = Vec::new();
    for (i, (rank, slot, other_id, verdict)) in found.iter().enumerate() {
        let Some(e) = cache.entry_mut(&others, *slot) else {
            continue;
        };
        e.found += 1;
        let enters = e.top.len() < KEEP || e.top.last().is_some_and(|&(worst, _)| *rank < worst);
        if enters {
            let at = e.top.partition_point(|&(r, _)| r < *rank);
            e.top.insert(at, (*rank, new.id));
            if e.top.len() > KEEP {
                if let Some((_, out)) = e.top.pop() {
                    dropped.push((*other_id, out));
                }
            }
        }
        cache.bump(*other_id, 1);
        if enters || i < KEEP {
            let (d, a) = pair(p, new.id, *other_id);
            made += queries::insert_link(conn, d, a, verdict, *rank)?;
        }
    }
    // `other` no longer ranks `out` among its best: drop the link unless `out` ranks `other`
    // among its own (`out` is a claim of `new`'s polarity, in `own`).
    for (other, out) in dropped {
        let still = cache
            .entry_by_id(&own, out)
            .is_none_or(|x| x.top.iter().any(|&(_, id)| id == other));
        if !still {
            let (d, a) = pair(opposite(p), other, out);
            queries::delete_link(conn, d, a)?;
        }
    }
    cache.bump(new.id, found.len() as i64);
    let top = found.iter().take(KEEP).map(|f| (f.0, f.2)).collect();
    let count = found.len() as i64;
    cache.add(Entry {
        record: new,
        key,
        found: count,
        top,
    });
    cache.shrink(&[&own, &others]);
    Ok(made)
}

/// Before claims are deleted: takes them out of the counts of the claims they contradict, and
/// returns the claims that had one of them among their best (to `refill` once they are gone).
pub(super) fn before_delete(
    conn: &Connection,
    linker: Linker,
    cache: &mut CandidateCache,
    doomed: &[(ClaimRecord, String)],
) -> rusqlite::Result<BTreeSet<(ListKey, i64)>> {
    let mut affected = BTreeSet::new();
    for (record, key) in doomed {
        let others = list_key(&record.claim.actor, opposite(record.claim.polarity));
        for (_, slot, other_id, _) in found_for(conn, linker, cache, record, key)? {
            cache.bump(other_id, -1);
            if let Some(e) = cache.entry(&others, slot) {
                if e.top.iter().any(|&(_, id)| id == record.id) {
                    affected.insert((others.clone(), other_id));
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
        let Some(e) = cache.entry_by_id(&k, *id) else {
            continue;
        };
        let (record, key) = (e.record.clone(), e.key.clone());
        let found = found_for(conn, linker, cache, &record, &key)?;
        let top: Vec<(i64, i64)> = found.iter().take(KEEP).map(|f| (f.0, f.2)).collect();
        for (rank, _, other_id, verdict) in found.iter().take(KEEP) {
            let (d, a) = pair(*polarity, *id, *other_id);
            made += queries::insert_link(conn, d, a, verdict, *rank)?;
        }
        if let Some(e) = cache.entry_by_id_mut(&k, *id) {
            e.top = top;
        }
    }
    Ok(made)
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
