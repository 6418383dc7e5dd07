//! Parsing the lexicon data files (`data/*.tsv`). Every file is UTF-8 text, one entry a line,
//! TAB-separated columns, `|`-separated phrase lists, `#` comment lines; each file documents its
//! own columns at its top.

use std::collections::HashMap;
use std::str::FromStr;

use super::LexiconError;
use crate::model::DataType;

pub(crate) const BUILTIN_COMPANIES: &str = include_str!("../../data/companies.tsv");
pub(crate) const BUILTIN_PEOPLE: &str = include_str!("../../data/people.tsv");
pub(crate) const BUILTIN_TAXONOMY: &str = include_str!("../../data/taxonomy.tsv");
pub(crate) const BUILTIN_RECIPIENTS: &str = include_str!("../../data/recipients.tsv");
pub(crate) const BUILTIN_CUES: &str = include_str!("../../data/cues.tsv");

/// How strictly an alias's capitalisation must match the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CaseRule {
    /// ASCII case-insensitive.
    Any,
    /// Case-insensitive, but the text must start with a capital letter as the alias does.
    CapFirst,
    /// Exactly as written (aliases given with a leading `=`).
    Exact,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Alias {
    pub text: String,
    pub case: CaseRule,
}

#[derive(Debug, Clone)]
pub(crate) struct Company {
    pub name: String,
    /// Includes the canonical name itself.
    pub aliases: Vec<Alias>,
}

#[derive(Debug, Clone)]
pub(crate) struct Person {
    pub name: String,
    pub aliases: Vec<Alias>,
    /// Index into `Lexicon::companies`.
    pub company: Option<usize>,
}

#[derive(Debug, Clone)]
pub(crate) struct Recipient {
    pub name: String,
    pub phrases: Vec<Alias>,
}

/// The cue-phrase keys of `data/cues.tsv`.
pub(crate) const CUE_KEYS: &[&str] = &[
    "verb.share",
    "verb.give",
    "verb.permit",
    "verb.access",
    "verb.sell",
    "verb.buy",
    "verb.collect",
    "verb.use",
    "neg.always",
    "neg.present",
    "neg.past",
    "neg.tensed",
    "deny.verb",
    "deny.falsity",
    "deny.control",
    "deny.not_for_sale",
    "deny.contains_no",
    "deny.breach",
    "deny.breach_noun",
    "report.breach",
    "neutral",
    "block",
    "hedge",
    "speech.verb",
    "clause.break",
    "epithet.head",
    "holder.noun",
];

pub(crate) fn err(source: &str, line: usize, reason: impl Into<String>) -> LexiconError {
    LexiconError {
        source_name: source.to_string(),
        line,
        reason: reason.into(),
    }
}

/// The meaningful lines of a lexicon file: (1-based line number, columns).
fn rows<'a>(text: &'a str) -> impl Iterator<Item = (usize, Vec<&'a str>)> + 'a {
    text.lines().enumerate().filter_map(|(i, raw)| {
        let line = raw.trim_end_matches('\r');
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            None
        } else {
            Some((i + 1, line.split('\t').map(str::trim).collect()))
        }
    })
}

pub(crate) fn parse_alias(raw: &str, source: &str, line: usize) -> Result<Alias, LexiconError> {
    let raw = raw.trim();
    let (text, exact) = match raw.strip_prefix('=') {
        Some(rest) => (rest.trim(), true),
        None => (raw, false),
    };
    if text.is_empty() {
        return Err(err(
            source,
            line,
            "empty alias (two '|' in a row, a trailing '|' or a bare '=')",
        ));
    }
    if !text.chars().any(char::is_alphanumeric) {
        return Err(err(
            source,
            line,
            format!("alias {text:?} has no letter or digit"),
        ));
    }
    let case = if exact {
        CaseRule::Exact
    } else if text.chars().next().is_some_and(char::is_uppercase) {
        CaseRule::CapFirst
    } else {
        CaseRule::Any
    };
    Ok(Alias {
        text: text.to_string(),
        case,
    })
}

fn parse_list(col: &str, source: &str, line: usize) -> Result<Vec<Alias>, LexiconError> {
    col.split('|').map(|a| parse_alias(a, source, line)).collect()
}

/// One parsed line of a companies file: canonical name (`None` for the `-` block list) and aliases.
pub(crate) type CompanyLine = (usize, Option<String>, Vec<Alias>);

pub(crate) fn parse_companies(text: &str, source: &str) -> Result<Vec<CompanyLine>, LexiconError> {
    let mut out = Vec::new();
    for (line, cols) in rows(text) {
        if cols.len() > 2 {
            return Err(err(
                source,
                line,
                format!(
                    "expected at most 2 TAB-separated columns (canonical name, aliases), found {}",
                    cols.len()
                ),
            ));
        }
        let name = cols[0];
        if name.is_empty() {
            return Err(err(source, line, "empty canonical name"));
        }
        if name.contains('|') {
            return Err(err(
                source,
                line,
                "canonical name contains '|' (is a TAB missing before the aliases?)",
            ));
        }
        let mut aliases = match cols.get(1) {
            Some(c) if !c.is_empty() => parse_list(c, source, line)?,
            _ => Vec::new(),
        };
        if name == "-" {
            if aliases.is_empty() {
                return Err(err(source, line, "a '-' line must list the phrases it blocks"));
            }
            out.push((line, None, aliases));
            continue;
        }
        let canon = parse_alias(name, source, line)?;
        if !aliases.iter().any(|a| a.text.eq_ignore_ascii_case(&canon.text)) {
            aliases.insert(0, canon.clone());
        }
        out.push((line, Some(canon.text), aliases));
    }
    Ok(out)
}

pub(crate) fn parse_people(
    text: &str,
    source: &str,
    company_index: &HashMap<String, usize>,
) -> Result<Vec<Person>, LexiconError> {
    let mut out = Vec::new();
    for (line, cols) in rows(text) {
        if cols.len() != 3 {
            return Err(err(
                source,
                line,
                format!(
                    "expected 3 TAB-separated columns (name, aliases, company), found {}",
                    cols.len()
                ),
            ));
        }
        let name = parse_alias(cols[0], source, line)?;
        let mut aliases = vec![name.clone()];
        if !cols[1].is_empty() {
            aliases.extend(parse_list(cols[1], source, line)?);
        }
        let company = match cols[2] {
            "-" | "" => None,
            c => Some(
                *company_index
                    .get(&c.to_lowercase())
                    .ok_or_else(|| err(source, line, format!("unknown company {c:?}")))?,
            ),
        };
        out.push(Person {
            name: name.text,
            aliases,
            company,
        });
    }
    Ok(out)
}

pub(crate) fn parse_recipients(text: &str, source: &str) -> Result<Vec<Recipient>, LexiconError> {
    let mut out = Vec::new();
    for (line, cols) in rows(text) {
        if cols.len() != 2 || cols[0].is_empty() || cols[1].is_empty() {
            return Err(err(
                source,
                line,
                "expected 2 TAB-separated columns (category, phrases)",
            ));
        }
        out.push(Recipient {
            name: cols[0].to_string(),
            phrases: parse_list(cols[1], source, line)?,
        });
    }
    Ok(out)
}

/// A taxonomy row: the key (`None` for the `_ignore` pseudo-key) and its phrases.
pub(crate) type Taxon = (Option<DataType>, Vec<Alias>);

/// Taxonomy rows.
pub(crate) fn parse_taxonomy(text: &str, source: &str) -> Result<Vec<Taxon>, LexiconError> {
    let mut out = Vec::new();
    for (line, cols) in rows(text) {
        if cols.len() != 2 || cols[1].is_empty() {
            return Err(err(
                source,
                line,
                "expected 2 TAB-separated columns (key, phrases)",
            ));
        }
        let key = match cols[0] {
            "_ignore" => None,
            k => Some(DataType::from_str(k).map_err(|e| err(source, line, e.to_string()))?),
        };
        // Taxonomy phrases are common nouns: match them in any case.
        let phrases = parse_list(cols[1], source, line)?
            .into_iter()
            .map(|a| Alias {
                case: if a.case == CaseRule::Exact {
                    a.case
                } else {
                    CaseRule::Any
                },
                ..a
            })
            .collect();
        out.push((key, phrases));
    }
    Ok(out)
}

/// The data-type key a person means by `name`: a key ("private_messages"), written with spaces,
/// hyphens or capitals ("Private messages"), or one of the taxonomy's phrases ("DMs", "GPS",
/// "voice recordings"). `None` when it names none, or a phrase the taxonomy ignores.
pub fn data_type_named(name: &str) -> Option<DataType> {
    let key: String = name
        .trim()
        .chars()
        .map(|c| {
            if c == ' ' || c == '-' {
                '_'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect();
    if let Ok(t) = DataType::from_str(&key) {
        return Some(t);
    }
    let wanted = name
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('’', "'");
    let taxonomy = parse_taxonomy(BUILTIN_TAXONOMY, "data/taxonomy.tsv").ok()?;
    taxonomy.into_iter().find_map(|(key, phrases)| {
        phrases
            .iter()
            .any(|a| a.text.eq_ignore_ascii_case(&wanted))
            .then_some(key)
            .flatten()
    })
}

pub(crate) fn parse_cues(text: &str, source: &str) -> Result<HashMap<String, Vec<String>>, LexiconError> {
    let mut out: HashMap<String, Vec<String>> = HashMap::new();
    for (line, cols) in rows(text) {
        if cols.len() != 2 || cols[1].is_empty() {
            return Err(err(
                source,
                line,
                "expected 2 TAB-separated columns (key, phrases)",
            ));
        }
        if !CUE_KEYS.contains(&cols[0]) {
            return Err(err(source, line, format!("unknown cue key {:?}", cols[0])));
        }
        // Cue phrases may be punctuation (clause breaks), so they are not run through parse_alias.
        let phrases: Vec<String> = cols[1].split('|').map(str::to_string).collect();
        if phrases.iter().any(|p| p.trim().is_empty()) {
            return Err(err(source, line, "empty phrase"));
        }
        out.entry(cols[0].to_string()).or_default().extend(phrases);
    }
    Ok(out)
}
