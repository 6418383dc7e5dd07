//! A company name that is a person's surname in the article ("Mike Ford", "Ms. Dell") is not
//! the company. Pure.
//!
//! A lexicon company right after a given name (`data/given_names.txt`, or the first name of
//! someone in `data/people.tsv`) or a title ("Mr.", "Dr.", "Sen.") is the person's surname; news
//! then calls the person by the surname alone ("Ford said he never ..."), so every mention of
//! that name in the article is the person. Unless the article also names the company by
//! another of its names ("Ford Motor"): then it is about the company too, and bare mentions are
//! left as they are.

use std::collections::HashSet;
use std::sync::OnceLock;

use super::matcher::Hit;
use super::{Ent, Extractor};

const BUILTIN_GIVEN_NAMES: &str = include_str!("../../data/given_names.txt");

/// Titles before a surname (compared without a final '.').
const TITLES: &[&str] = &[
    "Mr",
    "Mrs",
    "Ms",
    "Miss",
    "Dr",
    "Prof",
    "Professor",
    "Sen",
    "Senator",
    "Rep",
    "Representative",
    "Gov",
    "Governor",
    "Judge",
    "Justice",
    "Sir",
    "Dame",
    "Lord",
    "Lady",
    "Coach",
    "Sgt",
    "Sergeant",
    "Capt",
    "Captain",
    "Officer",
    "Detective",
    "Rev",
    "Father",
    "Sister",
    "Mayor",
];

pub(crate) fn given_names() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        BUILTIN_GIVEN_NAMES
            .lines()
            .filter(|l| !l.starts_with('#'))
            .flat_map(str::split_whitespace)
            .chain(TITLES.iter().copied())
            .collect()
    })
}

/// The word right before byte `start` when only one space separates it from `start`.
fn word_before(text: &str, start: usize) -> Option<&str> {
    let before = text[..start].strip_suffix(' ')?;
    let word_start = before
        .char_indices()
        .rev()
        .find(|(_, c)| !(c.is_alphabetic() || *c == '.' || *c == '-'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let w = before[word_start..].trim_end_matches('.');
    (!w.is_empty()).then_some(w)
}

/// Whether `w` is a given name, a title, or the first name of someone in `data/people.tsv`.
pub(crate) fn is_given_name(ex: &Extractor, w: &str) -> bool {
    given_names().contains(w)
        || ex
            .people
            .iter()
            .any(|(name, _)| name.split_whitespace().next() == Some(w))
}

/// Whether the company mention `h` follows a given name or a title.
fn after_given_name(ex: &Extractor, text: &str, h: &Hit<Ent>) -> bool {
    let Some(w) = word_before(text, h.start) else {
        return false;
    };
    if !w.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    given_names().contains(w)
        || ex
            .people
            .iter()
            .any(|(name, _)| name.split_whitespace().next() == Some(w))
}

/// Removes from `ents` the mentions of a company that the article uses as a person's surname
/// (see the module doc).
pub(crate) fn drop_surnames(ex: &Extractor, text: &str, ents: &mut Vec<Hit<Ent>>) {
    let mut surnames: Vec<(usize, &str)> = Vec::new();
    for h in ents.iter() {
        if let Ent::Company(c) = h.val {
            if after_given_name(ex, text, h) {
                surnames.push((c, &text[h.start..h.end]));
            }
        }
    }
    if surnames.is_empty() {
        return;
    }
    // A company also named otherwise in the article ("Ford Motor") stays a company.
    let named_otherwise = |c: usize| {
        ents.iter().any(|h| {
            h.val == Ent::Company(c)
                && !surnames
                    .iter()
                    .any(|&(sc, s)| sc == c && s == &text[h.start..h.end])
        })
    };
    let people: Vec<(usize, String)> = surnames
        .iter()
        .filter(|&&(c, _)| !named_otherwise(c))
        .map(|&(c, s)| (c, s.to_string()))
        .collect();
    ents.retain(|h| match h.val {
        Ent::Company(c) => !people
            .iter()
            .any(|(pc, s)| *pc == c && s == &text[h.start..h.end]),
        _ => true,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::Lexicon;

    fn companies_named(text: &str) -> Vec<String> {
        static EX: OnceLock<Extractor> = OnceLock::new();
        let ex = EX.get_or_init(|| Extractor::new(&Lexicon::builtin()));
        let mut ents = ex.ents.find(text);
        drop_surnames(ex, text, &mut ents);
        ents.iter()
            .filter(|h| matches!(h.val, Ent::Company(_)))
            .map(|h| text[h.start..h.end].to_string())
            .collect()
    }

    #[test]
    fn a_surname_after_a_given_name_is_the_person() {
        // Every bare mention follows the person introduced.
        assert!(companies_named(
            "The biography of Sarah Ford came out in May. Ford said she kept her letters private."
        )
        .is_empty());
        assert!(companies_named("Dr. Dell told the board that the trial would go on.").is_empty());
    }

    #[test]
    fn the_company_named_otherwise_stays() {
        assert_eq!(
            companies_named(
                "Ford Motor shared driving data with insurers, a report said. Ford declined to comment."
            ),
            ["Ford Motor", "Ford"]
        );
        // Another name of the company in the article: it is about the company too.
        assert_eq!(
            companies_named("Henry Ford built the first plant. Ford Motor now sells driving data."),
            ["Ford", "Ford Motor"]
        );
        // A capitalised word that is no given name: "Detroit Ford dealers".
        assert_eq!(
            companies_named("Detroit Ford dealers shared customer lists."),
            ["Ford"]
        );
    }
}
