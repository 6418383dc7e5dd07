//! Companies the lexicon does not know, taken from the way an article introduces them: an
//! appositive after the name ("Cox Media Group, a marketing company that ...", "Novant Health, a
//! North Carolina hospital chain,") or a description right before it ("the online therapy company
//! Talkspace", "data broker Mobilewalla"). Every later mention of the same name in the article
//! is then a company too, as are its short form without a generic last word ("Novant" for
//! "Novant Health") and its initials when the article uses them ("CMG").
//!
//! Guards, so that people and ordinary words are not taken for companies: the description is
//! at most five words with no preposition ("a co-founder of the company" is a person's), its
//! last word is a kind of business and ends the phrase ("a company spokesman" is a person), the
//! name is one to four capitalised words not starting with a function word, title or date, and
//! it does not overlap a name the lexicon knows.

use std::sync::LazyLock;

use regex::Regex;

use super::matcher::Hit;
use super::Ent;

/// Kinds of business a description can end with.
const HEADS: &str = r"company|companies|firm|startup|start-up|app|broker|maker|provider|platform|service|chain|retailer|insurer|carrier|marketplace|network|hotline|nonprofit|non-profit|manufacturer|subsidiary|brokerage|operator|vendor|hospital|clinic";

/// A capitalised name of one to four words ("Cox Media Group", "23andMe", "Loris.ai").
const NAME: &str = r"(?:[A-Z0-9][\w.&'’-]*[\w&]|[A-Z])(?:\s+(?:[A-Z][\w.&'’-]*[\w&]|&|of)){0,3}";

/// "Name, a/an/the <description ending in a head>" followed by the end of the phrase.
static AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?-u:\b)(?P<name>{NAME}),\s+(?:a|an)\s+(?P<desc>(?:[\w'’-]+\s+){{0,4}}?)(?:{HEADS})(?:\s*[,.;:)—]|\s+(?:that|which|whose|based|owned|known|used|called|best\s+known)(?-u:\b))"
    ))
    .expect("a valid regex: a constant pattern")
});

/// "<article or start> <description ending in a head> Name".
static BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?-u:\b)(?:[Tt]he|[Aa]n?|against|by|from|with|to|and)\s+(?P<desc>(?:[\w'’-]+\s+){{0,3}}?)(?:{HEADS})\s+(?P<name>{NAME})"
    ))
    .expect("a valid regex: a constant pattern")
});

/// Words that make a description a person's, a place's or not a description at all.
const BAD_DESC: &[&str] = &[
    "of", "at", "for", "with", "from", "in", "on", "by", "to", "who", "whose", "former", "said", "says",
    "is", "was", "and", "or", "through", "over", "into", "about", "than", "as", "her", "his", "their",
    "news",
];

/// First words of capitalised runs that are not names of companies.
const BAD_FIRST: &[&str] = &[
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "It",
    "Its",
    "He",
    "She",
    "They",
    "We",
    "Our",
    "Their",
    "This",
    "That",
    "These",
    "Those",
    "But",
    "And",
    "Or",
    "However",
    "After",
    "Before",
    "When",
    "While",
    "According",
    "Last",
    "Next",
    "Since",
    "Until",
    "If",
    "As",
    "For",
    "From",
    "With",
    "Under",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "CEO",
    "Chief",
    "President",
    "Vice",
    "Senator",
    "Sen.",
    "Rep.",
    "Representative",
    "Mr.",
    "Ms.",
    "Mrs.",
    "Dr.",
    "Judge",
    "Justice",
    "Attorney",
    "General",
    "Governor",
    "Gov.",
    "Commissioner",
    "Chairman",
    "Chairwoman",
    "U.S.",
    "US",
    "American",
    "Americans",
    "European",
    "Chinese",
    "British",
    "Federal",
    "State",
    "National",
    "New",
    "Its",
    "Users",
    "Customers",
    "People",
    "Apple's",
    "Google's",
    "I",
    "You",
    "Some",
    "Many",
    "All",
    "Both",
    "Other",
    "More",
    "Most",
    "Such",
    "Each",
    "Every",
    "No",
    "Not",
    "Also",
    "Even",
    "Still",
    "Then",
    "Now",
    "Today",
    "Yesterday",
    "Here",
    "There",
    "What",
    "Why",
    "How",
    "Who",
    "Which",
];

/// Generic last words whose removal leaves the short form a company goes by ("Novant Health" ->
/// "Novant"); the short form must keep at least four letters.
const GENERIC_LAST: &[&str] = &[
    "Health",
    "Group",
    "Inc.",
    "Inc",
    "Corp.",
    "Corp",
    "Corporation",
    "Company",
    "Co.",
    "LLC",
    "Ltd.",
    "Ltd",
    "Technologies",
    "Technology",
    "Labs",
    "Systems",
    "Software",
    "Analytics",
    "Holdings",
    "Networks",
    "Solutions",
    "Communications",
    "Pharmaceuticals",
    "Media",
    "Mobile",
    "Data",
    "AI",
    "Bank",
    "Healthcare",
    "Interactive",
    "Digital",
];

/// Finds the companies `text` introduces that the lexicon does not know; appends a hit for every
/// mention of each (name, short form, initials) that overlaps no lexicon hit, keeps `ents` in
/// text order, and returns the canonical names. Hit values number the new companies from
/// `first_index` on.
pub(crate) fn add_introduced(text: &str, ents: &mut Vec<Hit<Ent>>, first_index: usize) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    let overlaps = |ents: &[Hit<Ent>], s: usize, e: usize| ents.iter().any(|h| h.start < e && s < h.end);
    for re in [&*AFTER, &*BEFORE] {
        for caps in re.captures_iter(text) {
            let (Some(n), Some(d)) = (caps.name("name"), caps.name("desc")) else {
                continue;
            };
            let desc_ok = d
                .as_str()
                .split_whitespace()
                .all(|w| !BAD_DESC.contains(&w.to_lowercase().as_str()));
            // A capitalised word before the name is not part of it ("At Novant Health, a ...").
            let mut start = n.start();
            let mut name = trim_name(n.as_str());
            while let Some(first) = name.split_whitespace().next() {
                if !BAD_FIRST.contains(&first) {
                    break;
                }
                let rest = name[first.len()..].trim_start();
                start += name.len() - rest.len();
                name = rest;
            }
            if !desc_ok
                || name.chars().count() < 2
                || name.starts_with("of ")
                || overlaps(ents, start, start + name.len())
                || names.iter().any(|k| k == name)
            {
                continue;
            }
            names.push(name.to_string());
        }
    }
    if names.is_empty() {
        return names;
    }
    let mut added: Vec<Hit<Ent>> = Vec::new();
    for (k, name) in names.iter().enumerate() {
        let mut forms = vec![name.clone()];
        let words: Vec<&str> = name.split_whitespace().collect();
        if words.len() >= 2 {
            if GENERIC_LAST.contains(&words[words.len() - 1]) {
                let short = words[..words.len() - 1].join(" ");
                if short.chars().filter(|c| c.is_alphabetic()).count() >= 4
                    && !BAD_FIRST.contains(&short.as_str())
                {
                    forms.push(short);
                }
            }
            let initials: String = words
                .iter()
                .filter(|w| w.starts_with(|c: char| c.is_ascii_uppercase()))
                .filter_map(|w| w.chars().next())
                .collect();
            if initials.len() >= 3 {
                forms.push(initials);
            }
        }
        for form in forms {
            for (s, _) in text.match_indices(form.as_str()) {
                let e = s + form.len();
                let before_ok = !text[..s].chars().next_back().is_some_and(is_word);
                let after_ok = !text[e..].chars().next().is_some_and(is_word);
                if before_ok && after_ok && !overlaps(ents, s, e) && !overlaps(&added, s, e) {
                    added.push(Hit {
                        start: s,
                        end: e,
                        val: Ent::Company(first_index + k),
                    });
                }
            }
        }
    }
    ents.extend(added);
    ents.sort_by_key(|h| (h.start, h.end));
    names
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The name without a trailing "Inc."-style word's comma or a possessive.
fn trim_name(name: &str) -> &str {
    let name = name.trim_end_matches(['.', ',']);
    let name = name
        .strip_suffix("’s")
        .or_else(|| name.strip_suffix("'s"))
        .unwrap_or(name);
    name.strip_suffix(" of").unwrap_or(name).trim_end()
}
