//! Scoring claims and links against a hand-annotated gold set. Pure: gold and predictions come
//! in as values; the CLI (`claimtrack eval`) reads the files and runs the pipeline.
//!
//! Matching is one-to-one within an article (a maximum bipartite matching, so a sentence with
//! three counterparties is scored fairly). A predicted claim can match a gold claim only when
//! its sentence contains the gold `cue`. Levels:
//! - `loose`: actor + polarity;
//! - `core`: + data type, where the generic `personal_data` on either side counts as compatible;
//! - `strict`: + counterparty when the gold claim names one.
//!
//! Company names match after the lexicon's aliases, and, for names the lexicon does not know,
//! when the shorter is the longer's first words (`same_company`: "Polar" and "Polar Electro").
//! Among the maximum matchings the one chosen pairs each gold claim with the closest predicted
//! claim (same action, then counterparty), then agrees best with the predicted links (`assign`).
//!
//! A predicted link counts when its denial and its assertion are matched (at the core level) to
//! the two claims of a gold link. Gold rows marked `trap` are pairs that must not be linked.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::model::{ClaimRecord, ContradictionRecord, DataType, Polarity};

/// One line of the gold claims file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoldClaim {
    pub article: String,
    pub claim_id: String,
    pub actor: String,
    #[serde(default)]
    pub counterparty: Option<String>,
    pub data_type: DataType,
    #[serde(default)]
    pub action: Option<String>,
    pub polarity: Polarity,
    #[serde(default)]
    pub period_start: Option<String>,
    #[serde(default)]
    pub period_end: Option<String>,
    #[serde(default)]
    pub speaker: Option<String>,
    pub cue: String,
}

/// One line of the gold links file. `trap: true` marks a pair that must NOT be linked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoldLink {
    pub denial: String,
    pub assertion: String,
    #[serde(default)]
    pub trap: bool,
    #[serde(default)]
    pub why: Option<String>,
}

/// A predicted claim with the gold article it belongs to.
#[derive(Debug, Clone)]
pub struct Predicted {
    pub article: String,
    pub claim: ClaimRecord,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Loose,
    Core,
    Strict,
}

impl Level {
    pub const ALL: [Level; 3] = [Level::Loose, Level::Core, Level::Strict];
}

/// Precision, recall and F1 over counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Score {
    pub true_positives: usize,
    pub predicted: usize,
    pub gold: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Score {
    pub fn new(tp: usize, predicted: usize, gold: usize) -> Score {
        let ratio = |a: usize, b: usize| if b == 0 { 1.0 } else { a as f64 / b as f64 };
        let (p, r) = (ratio(tp, predicted), ratio(tp, gold));
        let f1 = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
        Score {
            true_positives: tp,
            predicted,
            gold,
            precision: p,
            recall: r,
            f1,
        }
    }
}

/// A miss or a false hit, for `--show`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mistake {
    /// `missed claim`, `false claim`, `missed link`, `false link`, `trap linked`.
    pub kind: &'static str,
    pub article: String,
    pub detail: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub loose: Score,
    pub core: Score,
    pub strict: Score,
    /// Core-level score of denials alone.
    pub denials: Score,
    pub links: Score,
    pub traps: usize,
    pub traps_linked: usize,
    pub mistakes: Vec<Mistake>,
}

/// Normalises a text for cue containment: case, whitespace, curly quotes and dashes.
fn norm(s: &str) -> String {
    let mapped: String = s
        .chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{201F}' | '\u{2033}' => '"',
            '\u{2013}' | '\u{2014}' => '-',
            c => c,
        })
        .collect::<String>()
        .to_lowercase();
    mapped.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// How company names are compared: `canon` maps a name through the lexicon's aliases to its
/// canonical name, `known` says whether a (canonical) name is a lexicon company.
pub struct Names<'a> {
    pub canon: &'a dyn Fn(&str) -> String,
    pub known: &'a dyn Fn(&str) -> bool,
}

impl Names<'_> {
    /// Whether two names name one company: the same canonical name, or, when neither is a
    /// lexicon company, `same_company` (a name and a longer one that starts with it). A lexicon
    /// company's aliases already say every name it goes by, so "Apple" never stands for "Apple
    /// Daily" nor "Amazon" for "Amazon Web Services" when the lexicon keeps them apart.
    pub fn same(&self, a: &str, b: &str) -> bool {
        let (a, b) = ((self.canon)(a), (self.canon)(b));
        if a.eq_ignore_ascii_case(&b) {
            return true;
        }
        !(self.known)(&a) && !(self.known)(&b) && same_company(&a, &b)
    }
}

/// Whether predicted claim `p` matches gold claim `g` at `level`.
fn matches(p: &Predicted, g: &GoldClaim, level: Level, names: &Names) -> bool {
    let c = &p.claim.claim;
    if p.article != g.article || c.polarity != g.polarity || !names.same(&c.actor, &g.actor) {
        return false;
    }
    if !norm(&c.sentence).contains(&norm(&g.cue)) {
        return false;
    }
    if level == Level::Loose {
        return true;
    }
    if !c.data_type.compatible(&g.data_type) {
        return false;
    }
    if level == Level::Core {
        return true;
    }
    match &g.counterparty {
        Some(gc) => c.counterparty.as_deref().is_some_and(|pc| names.same(pc, gc)),
        None => true,
    }
}

/// Whether two company names (after the lexicon's aliases) name one company: equal but for
/// letter case, or the shorter is the longer's first words, as an article's name for a company
/// the lexicon does not know and an annotator's may differ ("Polar Electro" and "Polar", "Cox
/// Media Group" and "Cox Media"). A one-word short name needs four letters.
pub fn same_company(a: &str, b: &str) -> bool {
    if a.eq_ignore_ascii_case(b) {
        return true;
    }
    let (wa, wb): (Vec<&str>, Vec<&str>) = (a.split_whitespace().collect(), b.split_whitespace().collect());
    let (short, long) = if wa.len() <= wb.len() { (wa, wb) } else { (wb, wa) };
    !short.is_empty()
        && short.len() < long.len()
        && (short.len() > 1 || short[0].chars().filter(|c| c.is_alphabetic()).count() >= 4)
        && short.iter().zip(&long).all(|(x, y)| x.eq_ignore_ascii_case(y))
}

/// Maximum-weight assignment of rows to columns (the Hungarian method, O(n² m)): `weight[r][c]`
/// is what pairing row `r` with column `c` is worth, 0 for a pair that may not be made. Returns,
/// for each row, the column it is paired with, or `None` when its best is a pair worth 0.
fn best_assignment(weight: &[Vec<i64>]) -> Vec<Option<usize>> {
    let rows = weight.len();
    let cols = weight.first().map_or(0, Vec::len);
    if rows == 0 || cols == 0 {
        return vec![None; rows];
    }
    if rows > cols {
        // The method wants no more rows than columns: solve the transposed problem.
        let t: Vec<Vec<i64>> = (0..cols)
            .map(|c| (0..rows).map(|r| weight[r][c]).collect())
            .collect();
        let mut out = vec![None; rows];
        for (c, r) in best_assignment(&t).into_iter().enumerate() {
            if let Some(r) = r {
                out[r] = Some(c);
            }
        }
        return out;
    }
    // Minimum cost with cost = -weight; potentials u (rows) and v (columns), 1-based with a
    // dummy column 0, as in the textbook form of the method.
    const INF: i64 = i64::MAX / 4;
    let cost = |r: usize, c: usize| -weight[r - 1][c - 1];
    let (mut u, mut v) = (vec![0i64; rows + 1], vec![0i64; cols + 1]);
    let (mut owner, mut way) = (vec![0usize; cols + 1], vec![0usize; cols + 1]);
    for r in 1..=rows {
        owner[0] = r;
        let mut j0 = 0;
        let mut minv = vec![INF; cols + 1];
        let mut used = vec![false; cols + 1];
        loop {
            used[j0] = true;
            let i0 = owner[j0];
            let (mut delta, mut j1) = (INF, 0);
            for j in 1..=cols {
                if !used[j] {
                    let cur = cost(i0, j) - u[i0] - v[j];
                    if cur < minv[j] {
                        minv[j] = cur;
                        way[j] = j0;
                    }
                    if minv[j] < delta {
                        delta = minv[j];
                        j1 = j;
                    }
                }
            }
            for j in 0..=cols {
                if used[j] {
                    u[owner[j]] += delta;
                    v[j] -= delta;
                } else {
                    minv[j] -= delta;
                }
            }
            j0 = j1;
            if owner[j0] == 0 {
                break;
            }
        }
        loop {
            let j1 = way[j0];
            owner[j0] = owner[j1];
            j0 = j1;
            if j0 == 0 {
                break;
            }
        }
    }
    let mut out = vec![None; rows];
    for c in 1..=cols {
        let r = owner[c];
        if r != 0 && weight[r - 1][c - 1] > 0 {
            out[r - 1] = Some(c - 1);
        }
    }
    out
}

/// What the links say about the matching: the predicted links and the gold links (traps
/// excluded), for the core level's preference among assignments of equal size and closeness.
struct LinkHint<'a> {
    predicted: &'a [ContradictionRecord],
    gold: &'a [GoldLink],
}

/// Worth of pairing a predicted claim with a gold claim it matches. First the number of pairs
/// (every allowed pair is worth more than all the preferences below together), so the matching
/// is always a maximum one and the claim scores are those of any maximum matching. Then
/// closeness (same action, then same counterparty): among several claims of one sentence the
/// gold claim is paired with the one that says what it says. Last, when the links are given,
/// agreement with them: a predicted claim that could be either of two gold claims of its
/// sentence, equally close, is paired with the one that a gold link joins to a gold claim its
/// predicted partner could match. Without that last rule the choice fell to the gold claims'
/// order, and a predicted link could be scored as a trap of the sentence's other gold claim
/// while it is, in substance, the gold link (d157.c3/c4 in the dev half).
const PAIR_WORTH: i64 = 1 << 40;
const CLOSENESS_WORTH: i64 = 1 << 20;

/// The one-to-one assignment predicted → gold at `level`, article by article: a maximum
/// matching, the closest and then the most consistent with the links (`LinkHint`) among those.
fn assign(
    predicted: &[Predicted],
    gold: &[GoldClaim],
    level: Level,
    names: &Names,
    hint: Option<&LinkHint>,
) -> (usize, Vec<Option<usize>>) {
    // Only claims of the same article can match: index both sides by article.
    let mut pred_by_article: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, p) in predicted.iter().enumerate() {
        pred_by_article.entry(p.article.as_str()).or_default().push(i);
    }
    let mut gold_by_article: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, g) in gold.iter().enumerate() {
        gold_by_article.entry(g.article.as_str()).or_default().push(i);
    }
    // For the link preference: which gold claims each predicted claim may match, the predicted
    // claims each one is linked to, and the gold links by their ends.
    let pred_index: HashMap<i64, usize> = predicted
        .iter()
        .enumerate()
        .map(|(i, p)| (p.claim.id, i))
        .collect();
    let may_match = |p: usize, g: usize| matches(&predicted[p], &gold[g], level, names);
    let mut partners: HashMap<usize, Vec<usize>> = HashMap::new();
    let mut gold_partners: HashMap<&str, Vec<&str>> = HashMap::new();
    if let Some(h) = hint {
        for l in h.predicted {
            if let (Some(&d), Some(&a)) = (pred_index.get(&l.denial.id), pred_index.get(&l.assertion.id)) {
                partners.entry(d).or_default().push(a);
                partners.entry(a).or_default().push(d);
            }
        }
        for l in h.gold.iter().filter(|l| !l.trap) {
            gold_partners
                .entry(l.denial.as_str())
                .or_default()
                .push(l.assertion.as_str());
            gold_partners
                .entry(l.assertion.as_str())
                .or_default()
                .push(l.denial.as_str());
        }
    }
    let gold_by_id: HashMap<&str, usize> = gold
        .iter()
        .enumerate()
        .map(|(i, g)| (g.claim_id.as_str(), i))
        .collect();
    let agrees_with_links = |p: usize, g: usize| -> bool {
        let (Some(ps), Some(gs)) = (partners.get(&p), gold_partners.get(gold[g].claim_id.as_str())) else {
            return false;
        };
        ps.iter().any(|&q| {
            gs.iter()
                .any(|h| gold_by_id.get(h).is_some_and(|&hg| may_match(q, hg)))
        })
    };
    let mut to_gold = vec![None; predicted.len()];
    for (article, golds) in &gold_by_article {
        let Some(preds) = pred_by_article.get(article) else {
            continue;
        };
        let weight: Vec<Vec<i64>> = golds
            .iter()
            .map(|&g| {
                preds
                    .iter()
                    .map(|&p| {
                        if !may_match(p, g) {
                            return 0;
                        }
                        let (gc, c) = (&gold[g], &predicted[p].claim.claim);
                        let same_action = gc.action.as_deref() == Some(c.action.as_str());
                        let same_cp = match (&gc.counterparty, &c.counterparty) {
                            (Some(a), Some(b)) => names.same(a, b),
                            (None, None) => true,
                            _ => false,
                        };
                        let closeness = 2 * i64::from(same_action) + i64::from(same_cp);
                        PAIR_WORTH + CLOSENESS_WORTH * closeness + i64::from(agrees_with_links(p, g))
                    })
                    .collect()
            })
            .collect();
        for (row, col) in best_assignment(&weight).into_iter().enumerate() {
            if let Some(col) = col {
                to_gold[preds[col]] = Some(golds[row]);
            }
        }
    }
    let tp = to_gold.iter().flatten().count();
    (tp, to_gold)
}

/// A predicted claim in a few words, for a refused link: action, data type, counterparty, scope
/// and dates, the rule that read it.
fn brief(r: &ClaimRecord) -> String {
    let c = &r.claim;
    let date = |d: Option<crate::model::PartialDate>| d.map_or("-".to_string(), |d| d.to_string());
    format!(
        "({} {} → {}, scope {}, stated {}, period {}..{}, rule {})",
        c.action,
        c.data_type,
        c.counterparty.as_deref().unwrap_or("-"),
        c.scope.map_or("-".to_string(), |s| s.to_string()),
        date(r.when_stated()),
        date(c.period_start),
        date(c.period_end),
        c.rule
    )
}

/// Scores predictions against the gold set. `canon` maps company names to canonical names;
/// every name is compared as a name outside the lexicon (`score_with` tells them apart).
pub fn score(
    predicted: &[Predicted],
    predicted_links: &[ContradictionRecord],
    gold: &[GoldClaim],
    gold_links: &[GoldLink],
    canon: &dyn Fn(&str) -> String,
) -> Report {
    let names = Names {
        canon,
        known: &|_| false,
    };
    score_with(predicted, predicted_links, gold, gold_links, &names)
}

/// Scores predictions against the gold set, company names compared by `names`.
pub fn score_with(
    predicted: &[Predicted],
    predicted_links: &[ContradictionRecord],
    gold: &[GoldClaim],
    gold_links: &[GoldLink],
    names: &Names,
) -> Report {
    let mut scores = HashMap::new();
    let mut core_assignment = Vec::new();
    let hint = LinkHint {
        predicted: predicted_links,
        gold: gold_links,
    };
    for level in Level::ALL {
        let (tp, to_gold) = assign(
            predicted,
            gold,
            level,
            names,
            (level == Level::Core).then_some(&hint),
        );
        scores.insert(level, Score::new(tp, predicted.len(), gold.len()));
        if level == Level::Core {
            core_assignment = to_gold;
        }
    }
    // Denials alone: gold denials vs predicted denials, core level.
    let denial_gold: Vec<GoldClaim> = gold
        .iter()
        .filter(|g| g.polarity == Polarity::Denial)
        .cloned()
        .collect();
    let denial_pred: Vec<Predicted> = predicted
        .iter()
        .filter(|p| p.claim.claim.polarity == Polarity::Denial)
        .cloned()
        .collect();
    let (tp, _) = assign(&denial_pred, &denial_gold, Level::Core, names, None);
    let denials = Score::new(tp, denial_pred.len(), denial_gold.len());

    let mut mistakes = Vec::new();
    let matched_gold: std::collections::HashSet<usize> = core_assignment.iter().flatten().copied().collect();
    for (i, g) in gold.iter().enumerate() {
        if !matched_gold.contains(&i) {
            mistakes.push(Mistake {
                kind: "missed claim",
                article: g.article.clone(),
                detail: format!(
                    "{} {} {} → {} {} ({}): \"{}\"",
                    g.claim_id,
                    g.polarity,
                    g.actor,
                    g.counterparty.as_deref().unwrap_or("-"),
                    g.data_type,
                    g.action.as_deref().unwrap_or("-"),
                    g.cue
                ),
            });
        }
    }
    for (p, assigned) in predicted.iter().zip(&core_assignment) {
        if assigned.is_none() {
            let c = &p.claim.claim;
            mistakes.push(Mistake {
                kind: "false claim",
                article: p.article.clone(),
                detail: format!(
                    "#{} {} {} → {} {} ({}) [{}]: {}",
                    p.claim.id,
                    c.polarity,
                    c.actor,
                    c.counterparty.as_deref().unwrap_or("-"),
                    c.data_type,
                    c.action,
                    c.rule,
                    c.sentence
                ),
            });
        }
    }

    // Links: map predicted claim ids to gold claim ids through the core assignment.
    let id_to_gold: HashMap<i64, &str> = predicted
        .iter()
        .zip(&core_assignment)
        .filter_map(|(p, a)| a.map(|g| (p.claim.id, gold[g].claim_id.as_str())))
        .collect();
    let pairs: std::collections::HashSet<(&str, &str)> = predicted_links
        .iter()
        .filter_map(|l| Some((*id_to_gold.get(&l.denial.id)?, *id_to_gold.get(&l.assertion.id)?)))
        .collect();
    let real: Vec<&GoldLink> = gold_links.iter().filter(|l| !l.trap).collect();
    let traps: Vec<&GoldLink> = gold_links.iter().filter(|l| l.trap).collect();
    let link_tp = real
        .iter()
        .filter(|l| pairs.contains(&(l.denial.as_str(), l.assertion.as_str())))
        .count();
    let mut traps_linked = 0;
    for t in &traps {
        if pairs.contains(&(t.denial.as_str(), t.assertion.as_str())) {
            traps_linked += 1;
            mistakes.push(Mistake {
                kind: "trap linked",
                article: String::new(),
                detail: format!(
                    "{} ↔ {}: {}",
                    t.denial,
                    t.assertion,
                    t.why.as_deref().unwrap_or("")
                ),
            });
        }
    }
    // Gold claim id → the predicted claim matched to it: a missed link says which side was not
    // found, or, when both were, which rule kept them apart.
    let gold_to_pred: HashMap<&str, &ClaimRecord> = predicted
        .iter()
        .zip(&core_assignment)
        .filter_map(|(p, a)| a.map(|g| (gold[g].claim_id.as_str(), &p.claim)))
        .collect();
    for l in &real {
        if !pairs.contains(&(l.denial.as_str(), l.assertion.as_str())) {
            let found = |id: &str| gold_to_pred.get(id).copied();
            let cause = match (found(&l.denial), found(&l.assertion)) {
                (None, None) => "neither claim found".to_string(),
                (None, Some(_)) => "denial not found".to_string(),
                (Some(_), None) => "assertion not found".to_string(),
                (Some(d), Some(a)) => match crate::link::refusal(d, a) {
                    Some(rule) => format!(
                        "both found; refused by {rule}: denial {}, assertion {}",
                        brief(d),
                        brief(a)
                    ),
                    None => "both found; accepted by the rules but not kept".to_string(),
                },
            };
            mistakes.push(Mistake {
                kind: "missed link",
                article: String::new(),
                detail: format!(
                    "{} ↔ {} [{cause}]: {}",
                    l.denial,
                    l.assertion,
                    l.why.as_deref().unwrap_or("")
                ),
            });
        }
    }
    let gold_pairs: std::collections::HashSet<(&str, &str)> = real
        .iter()
        .map(|l| (l.denial.as_str(), l.assertion.as_str()))
        .collect();
    let article_of: HashMap<i64, &str> = predicted
        .iter()
        .map(|p| (p.claim.id, p.article.as_str()))
        .collect();
    for l in predicted_links {
        let pair = id_to_gold.get(&l.denial.id).zip(id_to_gold.get(&l.assertion.id));
        if pair.is_none_or(|(d, a)| !gold_pairs.contains(&(*d, *a))) {
            mistakes.push(Mistake {
                kind: "false link",
                article: article_of.get(&l.denial.id).unwrap_or(&"").to_string(),
                // The gold claims each side matched, so a reader can tell a false pair of
                // right claims from a pair whose claims were read wrong.
                detail: {
                    let side = |id: i64| id_to_gold.get(&id).copied().unwrap_or("no gold claim");
                    format!(
                        "#{} [{} ↔ {}]: {}",
                        l.id,
                        side(l.denial.id),
                        side(l.assertion.id),
                        l.reason
                    )
                },
            });
        }
    }
    Report {
        loose: scores[&Level::Loose],
        core: scores[&Level::Core],
        strict: scores[&Level::Strict],
        denials,
        links: Score::new(link_tp, predicted_links.len(), real.len()),
        traps: traps.len(),
        traps_linked,
        mistakes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Action, Claim, First};

    fn pred(
        id: i64,
        article: &str,
        actor: &str,
        cp: Option<&str>,
        dt: DataType,
        pol: Polarity,
        sentence: &str,
    ) -> Predicted {
        Predicted {
            article: article.into(),
            claim: ClaimRecord {
                id,
                article_id: 1,
                article_url: None,
                article_title: None,
                outlet: None,
                published: None,
                claim: Claim {
                    actor: actor.into(),
                    counterparty: cp.map(Into::into),
                    data_type: dt,
                    action: Action::Share,
                    polarity: pol,
                    scope: None,
                    speaker: None,
                    stated_on: None,
                    period_start: None,
                    period_end: None,
                    sentence: sentence.into(),
                    start: 0,
                    end: sentence.chars().count(),
                    rule: "test".into(),
                    confidence: 1.0,
                },
                extractor_version: "test".into(),
                partial_text: false,
            },
        }
    }

    fn gold(
        id: &str,
        article: &str,
        actor: &str,
        cp: Option<&str>,
        dt: DataType,
        pol: Polarity,
        cue: &str,
    ) -> GoldClaim {
        GoldClaim {
            article: article.into(),
            claim_id: id.into(),
            actor: actor.into(),
            counterparty: cp.map(Into::into),
            data_type: dt,
            action: Some("share".into()),
            polarity: pol,
            period_start: None,
            period_end: None,
            speaker: None,
            cue: cue.into(),
        }
    }

    fn link(id: i64, d: &Predicted, a: &Predicted) -> ContradictionRecord {
        ContradictionRecord {
            id,
            denial: d.claim.clone(),
            assertion: a.claim.clone(),
            reason: "r".into(),
            first: First::Denial,
        }
    }

    fn canon(s: &str) -> String {
        if s == "Meta" {
            "Facebook".into()
        } else {
            s.into()
        }
    }

    /// Scores and returns (loose, core, strict) hits plus the link score and traps linked.
    fn check(
        p: &[Predicted],
        l: &[ContradictionRecord],
        g: &[GoldClaim],
        gl: &[GoldLink],
    ) -> (usize, usize, usize, Score, usize) {
        let r = score(p, l, g, gl, &canon);
        (
            r.loose.true_positives,
            r.core.true_positives,
            r.strict.true_positives,
            r.links,
            r.traps_linked,
        )
    }

    use DataType::*;
    use Polarity::*;

    #[test]
    fn company_names_compared_by_their_first_words() {
        for (a, b, same) in [
            ("Polar Electro", "Polar", true),
            ("polar", "Polar", true),
            ("Cox Media Group", "Cox Media", true),
            ("Royal Free", "Royal Free London", true),
            ("Polar", "Polaroid", false),
            ("Box", "Box Inc", false),
            ("Google", "Facebook", false),
            ("Tim Hortons", "Tim Cook", false),
            ("", "Polar", false),
        ] {
            assert_eq!(same_company(a, b), same, "{a} / {b}");
            assert_eq!(same_company(b, a), same, "{b} / {a}");
        }
    }

    #[test]
    fn levels_cues_and_one_to_one() {
        let s = "Facebook gave Netflix and Spotify access to users' messages.";
        let p = [
            pred(1, "a", "Facebook", Some("Netflix"), PrivateMessages, Assertion, s),
            pred(2, "a", "Facebook", Some("Spotify"), PersonalData, Assertion, s),
            pred(
                3,
                "b",
                "Google",
                None,
                Location,
                Assertion,
                "Google kept location data.",
            ),
        ];
        let g = [
            gold(
                "a.1",
                "a",
                "Meta",
                Some("Netflix"),
                PrivateMessages,
                Assertion,
                "gave Netflix and Spotify",
            ),
            gold(
                "a.2",
                "a",
                "Facebook",
                Some("Spotify"),
                PrivateMessages,
                Assertion,
                "gave Netflix and Spotify",
            ),
            gold(
                "b.1",
                "b",
                "Google",
                None,
                Health,
                Assertion,
                "kept location data",
            ),
            gold(
                "b.2",
                "b",
                "Google",
                None,
                Location,
                Assertion,
                "a cue that is not in any sentence",
            ),
        ];
        let (loose, core, strict, _, _) = check(&p, &[], &g, &[]);
        assert_eq!(
            loose, 3,
            "one-to-one: b.2's cue is nowhere, so only 3 gold claims can match"
        );
        assert_eq!(
            core, 2,
            "Health vs Location is not compatible; personal_data is compatible"
        );
        assert_eq!(
            strict, 2,
            "the assignment finds the right counterparty for both a-claims"
        );
        let r = score(&p, &[], &g, &[], &canon);
        assert!((r.core.precision - 2.0 / 3.0).abs() < 1e-9 && (r.core.recall - 0.5).abs() < 1e-9);
    }

    #[test]
    fn links_and_traps() {
        let d = pred(
            1,
            "a",
            "Facebook",
            Some("Netflix"),
            PrivateMessages,
            Denial,
            "At no time did we read messages.",
        );
        let a = pred(
            2,
            "b",
            "Facebook",
            Some("Netflix"),
            PrivateMessages,
            Assertion,
            "Facebook let Netflix read messages.",
        );
        let t = pred(
            3,
            "c",
            "Facebook",
            None,
            PersonalData,
            Assertion,
            "Facebook shared data with a contractor.",
        );
        let g = [
            gold(
                "a.1",
                "a",
                "Facebook",
                Some("Netflix"),
                PrivateMessages,
                Denial,
                "did we read messages",
            ),
            gold(
                "b.1",
                "b",
                "Facebook",
                Some("Netflix"),
                PrivateMessages,
                Assertion,
                "let Netflix read",
            ),
            gold(
                "c.1",
                "c",
                "Facebook",
                None,
                PersonalData,
                Assertion,
                "shared data with a contractor",
            ),
        ];
        let gl = [
            GoldLink {
                denial: "a.1".into(),
                assertion: "b.1".into(),
                trap: false,
                why: None,
            },
            GoldLink {
                denial: "a.1".into(),
                assertion: "c.1".into(),
                trap: true,
                why: None,
            },
        ];
        let (_, _, _, links, traps) = check(&[d.clone(), a.clone(), t.clone()], &[link(1, &d, &a)], &g, &gl);
        assert_eq!(
            (links.true_positives, links.predicted, links.gold, traps),
            (1, 1, 1, 0)
        );
        let (_, _, _, links, traps) = check(
            &[d.clone(), a.clone(), t.clone()],
            &[link(1, &d, &a), link(2, &d, &t)],
            &g,
            &gl,
        );
        assert_eq!(
            (links.true_positives, links.predicted, traps),
            (1, 2, 1),
            "the trap link is a false link too"
        );
        assert!((links.precision - 0.5).abs() < 1e-9);
    }

    #[test]
    fn best_assignment_is_a_maximum_weight_assignment() {
        // Every matrix up to 4 x 5 from a fixed pseudo-random sequence, against all assignments.
        let mut seed: u64 = 7;
        let mut next = || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % 5
        };
        fn brute(w: &[Vec<i64>], row: usize, used: &mut Vec<bool>) -> i64 {
            if row == w.len() {
                return 0;
            }
            let mut best = brute(w, row + 1, used);
            for c in 0..used.len() {
                if !used[c] && w[row][c] > 0 {
                    used[c] = true;
                    best = best.max(w[row][c] + brute(w, row + 1, used));
                    used[c] = false;
                }
            }
            best
        }
        for rows in 1..=4 {
            for cols in 1..=5 {
                for _ in 0..40 {
                    let w: Vec<Vec<i64>> = (0..rows)
                        .map(|_| (0..cols).map(|_| next() as i64 * 3).collect())
                        .collect();
                    let got = best_assignment(&w);
                    let mut seen = vec![false; cols];
                    let mut total = 0;
                    for (r, c) in got.iter().enumerate() {
                        if let Some(c) = *c {
                            assert!(w[r][c] > 0 && !seen[c], "{w:?} -> {got:?}");
                            seen[c] = true;
                            total += w[r][c];
                        }
                    }
                    assert_eq!(total, brute(&w, 0, &mut vec![false; cols]), "{w:?} -> {got:?}");
                }
            }
        }
    }

    #[test]
    fn a_claim_two_gold_claims_fit_is_paired_with_the_one_its_link_fits() {
        // One sentence, two gold denials (not used for ads; users in control), one predicted
        // denial whose action is neither's. The predicted link is, in substance, the gold link of
        // the second; scored against the first it would be a trap.
        let s = "The company said mail will not be scanned for ads and that users keep control of it.";
        let mut d = pred(1, "a", "Google", None, PrivateMessages, Denial, s);
        d.claim.claim.action = Action::Other;
        let a = pred(
            2,
            "b",
            "Google",
            Some("app developers"),
            PrivateMessages,
            Assertion,
            "Google lets app developers read the inboxes of its users.",
        );
        let mut ads = gold(
            "a.1",
            "a",
            "Google",
            None,
            PrivateMessages,
            Denial,
            "mail will not be scanned for ads",
        );
        ads.action = Some("use".into());
        let control = gold(
            "a.2",
            "a",
            "Google",
            None,
            PrivateMessages,
            Denial,
            "users keep control of it",
        );
        let read = gold(
            "b.1",
            "b",
            "Google",
            Some("app developers"),
            PrivateMessages,
            Assertion,
            "lets app developers read the inboxes",
        );
        let gl = [
            GoldLink {
                denial: "a.1".into(),
                assertion: "b.1".into(),
                trap: true,
                why: None,
            },
            GoldLink {
                denial: "a.2".into(),
                assertion: "b.1".into(),
                trap: false,
                why: None,
            },
        ];
        let (p, g) = ([d.clone(), a.clone()], [ads, control, read]);
        let (_, core, _, links, traps) = check(&p, &[link(1, &d, &a)], &g, &gl);
        assert_eq!(
            (core, links.true_positives, traps),
            (2, 1, 0),
            "the link decides between two equally close gold claims"
        );
        // Without the link the claim score is the same: only which gold claim it names moves.
        let (_, core, _, _, _) = check(&p, &[], &g, &gl);
        assert_eq!(core, 2);
        // Closeness comes before the links: a predicted claim that says what the trap's claim
        // says (its action) is paired with it, and the trap counts.
        let mut d_use = d.clone();
        d_use.claim.claim.action = Action::Use;
        let (_, _, _, links, traps) = check(&[d_use.clone(), a.clone()], &[link(1, &d_use, &a)], &g, &gl);
        assert_eq!((links.true_positives, traps), (0, 1));
    }

    #[test]
    fn lexicon_companies_are_not_matched_by_their_first_words() {
        let known = |name: &str| ["Apple", "Amazon", "Amazon Web Services"].contains(&name);
        let names = Names {
            canon: &canon,
            known: &known,
        };
        for (a, b, same) in [
            ("Polar", "Polar Electro", true),
            ("Meta", "Facebook", true),
            ("Apple", "Apple Daily", false),
            ("Amazon", "Amazon Web Services", false),
            ("apple", "Apple", true),
        ] {
            assert_eq!(names.same(a, b), same, "{a} / {b}");
            assert_eq!(names.same(b, a), same, "{b} / {a}");
        }
    }
}
