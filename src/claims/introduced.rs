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

use aho_corasick::{AhoCorasick, MatchKind};
use regex::Regex;

use super::matcher::Hit;
use super::Ent;

/// Kinds of business a description can end with.
const HEADS: &str = r"company|companies|firm|startup|start-up|app|broker|maker|affiliate|unit|division|developer|provider|platform|service|chain|retailer|insurer|carrier|marketplace|network|hotline|nonprofit|non-profit|manufacturer|subsidiary|brokerage|operator|vendor|hospital|clinic";

/// A capitalised name of one to four words ("Cox Media Group", "23andMe", "Loris.ai").
const NAME: &str = r"(?:[A-Z0-9][\w.&'’-]*[\w&]|[A-Z])(?:\s+(?:[A-Z][\w.&'’-]*[\w&]|&|of)){0,3}";

/// "Name, a/an/the <description ending in a head>" followed by the end of the phrase.
static AFTER: LazyLock<Regex> = LazyLock::new(|| {
    super::ascii_b(&format!(
        r"(?-u:\b)(?P<name>{NAME}),\s+(?:a|an|the)\s+(?P<desc>(?:[\w'’-]+\s+){{0,4}}?)(?:{HEADS})(?:\s*[,.;:)—]|\s+(?:that|which|whose|based|owned|known|used|called|best\s+known|of|for|where|behind|on\s+which|in\s+which)(?-u:\b))"
    ))
    .expect("a valid regex: a constant pattern")
});

/// "<article, or the start of a line> <description ending in a head> Name" ("Fitness app Polar
/// exposed" as a headline).
static BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    super::ascii_b(&format!(
        r"(?:(?m:^)|(?-u:\b)(?:[Tt]he|[Aa]n?|against|by|from|with|to|and)\s+)(?P<desc>(?:[\w'’-]+\s+){{0,3}}?)(?:{HEADS})\s+(?P<name>{NAME})"
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
    "Yesterday",
    "Today",
    "Earlier",
    "Later",
    "Separately",
    "Meanwhile",
    "Instead",
    "Now",
    "Then",
    "Also",
    "Finally",
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
    let (after, before) = head_windows(text);
    for (re, windows) in [(&*AFTER, &after), (&*BEFORE, &before)] {
        for caps in captures_in(re, text, windows) {
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
    // "Blackstone Group Inc.", "Alpha Exploration Co.": a corporate suffix makes a company of
    // the name before it; "Polar's Explore map", "the Whisper app": so does a product of it.
    for (re, suffix) in [(&*SUFFIXED, true), (&*PRODUCT, false)] {
        if !re_gate(text, suffix) {
            continue;
        }
        for caps in re.captures_iter(text) {
            let Some(n) = caps.name("name") else {
                continue;
            };
            let mut start = n.start();
            let mut name = n.as_str().trim_end_matches([',', ' ']);
            while let Some(first) = name.split_whitespace().next() {
                if !BAD_FIRST.contains(&first) && !is_place(first) {
                    break;
                }
                let rest = name[first.len()..].trim_start();
                start += name.len() - rest.len();
                name = rest;
            }
            if !suffix {
                // "the Whisper app", "Polar's map"; not "a Quran app" nor "its Sensorvault
                // database" (a product of a company named before).
                let determined = caps.name("the").is_some() || caps.name("poss").is_some();
                let owned = POSSESSED.is_match(&text[..caps.get(0).map_or(start, |m| m.start())]);
                if !determined || owned || !product_owner_ok(text, name) {
                    continue;
                }
            }
            let words: Vec<&str> = name.split_whitespace().collect();
            if words.is_empty()
                || name.chars().filter(|c| c.is_alphabetic()).count() < 3
                || words.iter().any(|w| BAD_FIRST.contains(w) || is_place(w))
                || overlaps(ents, start, start + name.len())
                || names
                    .iter()
                    .any(|k| k == name || k.strip_prefix(name).is_some_and(|r| r.starts_with(' ')))
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
            // "Polar Electro", then "Polar said": the first word alone, where it is not the
            // start of another capitalised name ("Tim" in "Tim Cook").
            let first = words[0];
            if first.chars().filter(|c| c.is_alphabetic()).count() >= 4
                && first.chars().all(|c| c.is_alphanumeric() || c == '-')
                && !BAD_FIRST.contains(&first)
                && !is_place(first)
                && !forms.iter().any(|f| f == first)
            {
                forms.push(first.to_string());
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
        let first_word_of_name = name.split_whitespace().next().filter(|_| name.contains(' '));
        for form in &forms {
            // A name's first word alone must not start another capitalised name ("Dana" of
            // "Dana Labs" in "Dana Smith").
            let first_word = Some(form.as_str()) == first_word_of_name;
            for (s, _) in text.match_indices(form.as_str()) {
                let e = s + form.len();
                let before_ok = !text[..s].chars().next_back().is_some_and(is_word);
                let word_after = text[e..].chars().next().is_some_and(is_word);
                let after_ok = !(word_after || first_word && next_is_capitalised(&text[e..]));
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

/// How many whitespace-separated tokens a match of `AFTER` or `BEFORE` can reach before the
/// token its kind of business starts, and after it. `AFTER`: up to four name words (the last
/// one carries the comma), "a", "an" or "the", up to four description words, then the head: nine tokens
/// before the head's; after it at most "best known" (two). `BEFORE`: the article and up to
/// three description words (four before), a name of up to four words (four after). Keep these
/// in step with the patterns (debug builds check every call against a whole-text search).
const TOKENS_BEFORE_HEAD: usize = 9;
const TOKENS_AFTER_HEAD: usize = 4;

/// The kinds of business, found in one pass (`HEADS` as literals).
static HEAD_WORDS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(HEADS.split('|'))
        .expect("an Aho-Corasick automaton builds from a few dozen literal words")
});

/// The parts of `text` where a match of `AFTER` (first list) or of `BEFORE` (second) can lie,
/// in order, disjoint: around each kind-of-business word that can stand where the pattern has
/// it, from the start of the `TOKENS_BEFORE_HEAD`-th token before it to the end of the
/// `TOKENS_AFTER_HEAD`-th token after it. Every match holds such a word and, its words being
/// separated by whitespace (`\s` and `char::is_whitespace` are both Unicode's White_Space), lies
/// inside that word's window; so the matches searched window by window are the whole text's.
/// Each window ends at whitespace or at the end of the text, where the patterns' `\b` reads the
/// same as in the whole text.
///
/// Where the head can stand, read off the patterns: in both it starts a token (it follows
/// `\s+`); in `BEFORE` whitespace and then an upper-case letter or a digit follow it (the
/// name); in `AFTER` the next character is whitespace or one of `,.;:)—`, and one of the five
/// tokens before it is "a" or "an" after a token ending in a comma. Most text holds no such
/// word and is skipped.
type Windows = Vec<(usize, usize)>;
fn head_windows(text: &str) -> (Windows, Windows) {
    let (mut after, mut before): (Windows, Windows) = (Vec::new(), Vec::new());
    let push = |out: &mut Windows, s: usize, e: usize| match out.last_mut() {
        Some(last) if s <= last.1 => last.1 = last.1.max(e),
        _ => out.push((s, e)),
    };
    for m in HEAD_WORDS.find_iter(text) {
        let (h, he) = (m.start(), m.end());
        // A word starting inside a token is no head; no head hides one (heads hold no space).
        if !text[..h].chars().next_back().is_some_and(char::is_whitespace) {
            continue;
        }
        let rest = &text[he..];
        let next = rest.chars().next();
        let spaced = next.is_some_and(char::is_whitespace);
        let for_before = spaced
            && rest
                .trim_start()
                .starts_with(|c: char| c.is_ascii_uppercase() || c.is_ascii_digit());
        let after_char = spaced || next.is_some_and(|c| ",.;:)—".contains(c));
        if !for_before && !after_char {
            continue;
        }
        let mut toks = [(0, 0); TOKENS_BEFORE_HEAD];
        let n = tokens_before(text, h, &mut toks);
        // "a", "an" or "the" is one of the five tokens nearest the head (TOKENS_BEFORE_HEAD is more).
        let for_after = after_char
            && (0..n.saturating_sub(1)).take(5).any(|k| {
                let w = &text[toks[k].0..toks[k].1];
                (w == "a" || w == "an" || w == "the") && text[toks[k + 1].0..toks[k + 1].1].ends_with(',')
            });
        if !for_before && !for_after {
            continue;
        }
        let s = if n == TOKENS_BEFORE_HEAD { toks[n - 1].0 } else { 0 };
        let e = tokens_forward(text, h, TOKENS_AFTER_HEAD + 1);
        if for_after {
            push(&mut after, s, e);
        }
        if for_before {
            push(&mut before, s, e);
        }
    }
    (after, before)
}

/// Fills `out` with the spans of the tokens before position `pos` (a token start), nearest
/// first, as many as it holds or the text has; returns how many.
fn tokens_before(text: &str, pos: usize, out: &mut [(usize, usize)]) -> usize {
    let bytes = text.as_bytes();
    // The character ending at `i` (> 0): its start and whether it is whitespace.
    let prev = |i: usize| -> (usize, bool) {
        let b = bytes[i - 1];
        if b.is_ascii() {
            return (i - 1, b == b' ' || (0x09..=0x0d).contains(&b));
        }
        let c = text[..i].chars().next_back().unwrap_or(' ');
        (i - c.len_utf8(), c.is_whitespace())
    };
    let mut i = pos;
    let mut n = 0;
    while n < out.len() {
        while i > 0 && prev(i).1 {
            i = prev(i).0;
        }
        if i == 0 {
            break;
        }
        let end = i;
        while i > 0 {
            let (start, ws) = prev(i);
            if ws {
                break;
            }
            i = start;
        }
        out[n] = (i, end);
        n += 1;
    }
    n
}

/// The end of the `n`-th token from position `pos` (a token start; the token there counts as
/// the first): a whitespace character or the end of the text.
fn tokens_forward(text: &str, pos: usize, n: usize) -> usize {
    let mut end = pos;
    let mut chars = text[pos..].char_indices().map(|(i, c)| (pos + i, c)).peekable();
    for _ in 0..n {
        while chars.next_if(|&(_, c)| c.is_whitespace()).is_some() {}
        while let Some((i, c)) = chars.next_if(|&(_, c)| !c.is_whitespace()) {
            end = i + c.len_utf8();
        }
    }
    end
}

/// The matches of `re` in `text` (what `captures_iter` gives), searched only inside `windows`
/// (`head_windows`); each window's search sees the text before it, and the text up to its end.
fn captures_in<'h>(re: &Regex, text: &'h str, windows: &[(usize, usize)]) -> Vec<regex::Captures<'h>> {
    let mut out = Vec::new();
    for &(s, e) in windows {
        let hay = &text[..e];
        let mut at = s;
        while let Some(caps) = re.captures_at(hay, at) {
            let end = caps.get(0).map_or(e, |m| m.end());
            out.push(caps);
            // The patterns never match the empty string, so the next search starts past this one.
            if end <= at {
                break;
            }
            at = end;
        }
    }
    #[cfg(debug_assertions)]
    {
        let spans = |c: &regex::Captures| c.iter().map(|m| m.map(|m| m.range())).collect::<Vec<_>>();
        let mine: Vec<_> = out.iter().map(spans).collect();
        let whole: Vec<_> = re.captures_iter(text).map(|c| spans(&c)).collect();
        debug_assert_eq!(mine, whole, "{:?} windows {windows:?} on {text:?}", re.as_str());
    }
    out
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

/// Corporate suffixes after a name ("Inc.", "Corp.", "Co.", "LLC", "Ltd", "plc", "GmbH").
const SUFFIXES: &str = r"Inc\.|Inc\b|Corp\.|Corp\b|Corporation\b|Co\.|LLC\b|L\.L\.C\.|Ltd\.|Ltd\b|Limited\b|[Pp][Ll][Cc]\b|GmbH\b|S\.A\.|N\.V\.";

/// "Name Inc.", "Name, Inc.": the name (without the suffix).
static SUFFIXED: LazyLock<Regex> = LazyLock::new(|| {
    super::ascii_b(&format!(
        r"(?-u:\b)(?P<name>(?:[A-Z][\w&'’-]*[\w&]|[A-Z])(?:\s+(?:[A-Z][\w&'’-]*[\w&]|&)){{0,3}}),?\s+(?:{SUFFIXES})"
    ))
    .expect("a valid regex: a constant pattern")
});

/// Products and parts of a company's service that follow its name: "the Whisper app", "Polar's
/// Explore map", "Agora's servers".
const PRODUCT_HEADS: &str = r"app|apps|website|websites|platform|software|servers|server|database|databases|map|maps|feature|tracker|trackers|devices|game|games|headphones|speakers|cameras|smart\s+TVs|TVs|browser|extension|SDK|chatbot|service";

/// "the Name (Product words) <product head>" or "Name's (Product words) <product head>"; "a
/// Quran app" names a kind of app, and "its Sensorvault database" a product (see
/// `product_owner_ok`).
static PRODUCT: LazyLock<Regex> = LazyLock::new(|| {
    super::ascii_b(&format!(
        r"(?P<the>(?-u:\b)(?:the|The)\s+)?(?-u:\b)(?P<name>(?:[A-Z][\w&-]*[\w&]|[A-Z])(?:\s+[A-Z][\w&-]*[\w&]){{0,2}})(?P<poss>['’]s?)?\s+(?:[A-Z][\w-]*\s+){{0,2}}(?:{PRODUCT_HEADS})(?-u:\b)"
    ))
    .expect("a valid regex: a constant pattern")
});

/// Right before a name: a possessive, so that the name is a product ("its Sensorvault").
static POSSESSED: LazyLock<Regex> = LazyLock::new(|| {
    super::ascii_b(r"(?:\b(?:its|their|our|his|her|your)|['’]s?)\s+$")
        .expect("a valid regex: a constant pattern")
});

/// Cheap tests for text where `SUFFIXED` (`suffix`) or `PRODUCT` cannot match.
fn re_gate(text: &str, suffix: bool) -> bool {
    static SUFFIX_WORDS: LazyLock<AhoCorasick> = LazyLock::new(|| {
        AhoCorasick::new([
            " Inc", " Corp", " Co.", " LLC", " L.L.C.", " Ltd", " Limited", " plc", " PLC", " GmbH", " S.A.",
            " N.V.", ", Inc", ", Corp", ", Co.", ", LLC", ", Ltd",
        ])
        .expect("an Aho-Corasick automaton builds from a few literal words")
    });
    static HEAD_WORDS: LazyLock<AhoCorasick> = LazyLock::new(|| {
        AhoCorasick::new([
            " app",
            " website",
            " platform",
            " software",
            " server",
            " database",
            " map",
            " feature",
            " tracker",
            " devices",
            " game",
            " headphones",
            " speakers",
            " cameras",
            " TVs",
            " browser",
            " extension",
            " SDK",
            " chatbot",
            " service",
        ])
        .expect("an Aho-Corasick automaton builds from a few literal words")
    });
    if suffix {
        SUFFIX_WORDS.is_match(text)
    } else {
        HEAD_WORDS.is_match(text)
    }
}

/// Capitalised words that name an app's own part or a kind of thing, not a company ("the
/// Messages app", "the Health app", "the Settings app", "the Explore map").
const NOT_OWNER: &[&str] = &[
    "Messages",
    "Message",
    "Health",
    "Settings",
    "Photos",
    "Photo",
    "Home",
    "Maps",
    "Map",
    "Mail",
    "Camera",
    "Files",
    "Notes",
    "Contacts",
    "Calendar",
    "Phone",
    "Music",
    "News",
    "Weather",
    "Wallet",
    "Fitness",
    "Find",
    "My",
    "Explore",
    "Search",
    "Android",
    "iOS",
    "Web",
    "Internet",
    "Mobile",
    "App",
    "Store",
    "Play",
    "Smart",
    "Connect",
    "Live",
    "Family",
    "Kids",
    "Pro",
    "Plus",
    "Premium",
    "Beta",
    "Chinese",
    "Russian",
    "European",
    "American",
    "Dutch",
    "German",
    "French",
    "British",
    "Canadian",
    "Israeli",
    "Indian",
    "Korean",
    "Japanese",
    "Irish",
    "Finnish",
    "Swedish",
    "Italian",
    "Spanish",
    "Government",
    "Police",
    "Court",
    "Congress",
    "Senate",
    "House",
    "Commission",
    "Agency",
    // Acronyms of data and technology ("its DNA database", "the GPS feature").
    "DNA",
    "GPS",
    "API",
    "APIs",
    "VPN",
    "AI",
    "TV",
    "IP",
    "SMS",
    "URL",
    "USB",
    "HIV",
    "ID",
    "IDs",
    "NFC",
    "RFID",
    "AR",
    "VR",
    "Wi-Fi",
    "WiFi",
    "Bluetooth",
    "Internet",
];

/// Whether `name`, before a product head, is a company's: not a person (a name the article
/// gives in full elsewhere as someone's, "Mr." or "Ms." before it), not starting with one of
/// `NOT_OWNER`,
/// and, as one word, written with a capital somewhere not at a sentence's start.
fn product_owner_ok(text: &str, name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.first().is_none_or(|w| NOT_OWNER.contains(w)) {
        return false;
    }
    for (s, _) in text.match_indices(name) {
        let before = text[..s].trim_end();
        if before.ends_with("Mr.")
            || before.ends_with("Ms.")
            || before.ends_with("Mrs.")
            || before.ends_with("Dr.")
        {
            return false;
        }
        // A surname: "Jane Whisper" elsewhere, a capitalised word right before it.
        if words.len() == 1 {
            let prev = before.rsplit(|c: char| c.is_whitespace()).next().unwrap_or("");
            if prev.len() > 1
                && prev.chars().all(char::is_alphabetic)
                && prev.starts_with(|c: char| c.is_uppercase())
                && !BAD_FIRST.contains(&prev)
                && !is_place(prev)
            {
                return false;
            }
        }
    }
    if words.len() > 1 {
        return true;
    }
    text.match_indices(name).any(|(s, _)| {
        let before = text[..s].trim_end();
        !before.is_empty() && !before.ends_with(['.', '!', '?', '"', '“', '”', '\n', ':'])
    })
}

/// Whether the text after a name starts with another capitalised word ("Tim| Cook").
fn next_is_capitalised(after: &str) -> bool {
    let t = after.strip_prefix(' ').unwrap_or("");
    t.starts_with(|c: char| c.is_uppercase())
}

/// Countries, regions and cities that take a possessive before a product word as often as a
/// company does ("China's servers", "California's website").
const PLACES: &[&str] = &[
    "China",
    "Russia",
    "Germany",
    "France",
    "Britain",
    "England",
    "Ireland",
    "Europe",
    "India",
    "Japan",
    "Canada",
    "Australia",
    "Israel",
    "Iran",
    "Korea",
    "Brazil",
    "Mexico",
    "Italy",
    "Spain",
    "Netherlands",
    "Sweden",
    "Finland",
    "Norway",
    "Denmark",
    "Austria",
    "Switzerland",
    "Belgium",
    "Poland",
    "Ukraine",
    "Turkey",
    "Singapore",
    "Taiwan",
    "Hong",
    "Kong",
    "America",
    "California",
    "Texas",
    "Florida",
    "Illinois",
    "Virginia",
    "Washington",
    "Arizona",
    "Ohio",
    "Michigan",
    "Massachusetts",
    "Oregon",
    "Nevada",
    "Georgia",
    "Colorado",
    "Utah",
    "Beijing",
    "Shanghai",
    "Moscow",
    "London",
    "Paris",
    "Berlin",
    "Hamburg",
    "Dublin",
    "Brussels",
    "Tokyo",
    "Toronto",
    "Ottawa",
    "Sydney",
    "Chicago",
    "Boston",
    "Seattle",
    "Houston",
    "Dallas",
    "Atlanta",
    "Denver",
    "Philadelphia",
    "Vermont",
    "Maryland",
    "Minnesota",
    "Wisconsin",
    "Connecticut",
    "Delaware",
    "Quebec",
    "Ontario",
    "Alberta",
    "Scotland",
    "Wales",
    "Syria",
    "Afghanistan",
    "Iraq",
];

fn is_place(word: &str) -> bool {
    let w = word
        .trim_end_matches(['\'', '’', 's'])
        .trim_end_matches(['\'', '’']);
    PLACES.contains(&word) || PLACES.contains(&w)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The introduced names, searched window by window (debug builds also compare every
    /// window search with the whole-text search, in `captures_in`).
    fn check(text: &str, expected: &[&str]) {
        let mut ents = Vec::new();
        assert_eq!(add_introduced(text, &mut ents, 0), expected, "{text:?}");
    }

    #[test]
    fn windows_find_what_the_whole_text_search_finds() {
        check(
            "Cox Media Group, a marketing company that sells data.",
            &["Cox Media Group"],
        );
        check("the online therapy company Talkspace said", &["Talkspace"]);
        // At the very start and end of the text, across lines, after non-ASCII whitespace.
        check("A data broker Mobilewalla", &["Mobilewalla"]);
        // At a line's start no article is needed (a headline: "Data broker Mobilewalla sold").
        check("data broker Mobilewalla", &["Mobilewalla"]);
        check("Reports said data broker Mobilewalla", &[]);
        check(
            "Novant Health,\na North Carolina\nhospital chain,\nsaid",
            &["Novant Health"],
        );
        check("Acme Data,\u{a0}a\u{2003}tiny analytics firm.", &["Acme Data"]);
        check("Acme Data, a firm\u{a0}best\u{a0}known for maps", &["Acme Data"]);
        // A head inside a word, or with no name or "a"/"an" where the pattern needs one.
        check("the company said it would appeal; an app, they said", &[]);
        check("Its apps, a company, a broker: none", &[]);
        // Many words between the name and the head: only four may describe it.
        check("Zeta Labs, a very big new fast data company, said", &[]);
        check("Zeta Labs, a big new fast data company, said", &["Zeta Labs"]);
        // Two heads whose windows overlap, and a name that is a head's neighbour.
        check(
            "the startup Quill and the data broker Kappa Corp. with the app Lumen",
            &["Quill", "Kappa Corp", "Lumen"],
        );
        check("", &[]);
        check("company", &[]);
        check(" a company ", &[]);
    }

    /// How many mentions of introduced companies `text` has.
    fn check_mentions(text: &str, expected: usize) {
        let mut ents = Vec::new();
        add_introduced(text, &mut ents, 0);
        assert_eq!(ents.len(), expected, "{text:?}: {ents:?}");
    }

    #[test]
    fn corporate_suffixes_products_and_short_forms() {
        // A corporate suffix, with or without a comma; the name is kept without it.
        check(
            "Shares of Quillfeather Systems Inc. rose.",
            &["Quillfeather Systems"],
        );
        check("a filing by Marten & Rowe, LLC showed", &["Marten & Rowe"]);
        check("In Hamburg Ltd was", &[]);
        // A product after "the" or a possessive names its maker.
        check(
            "Data from the Brightline Mobile app went out.",
            &["Brightline Mobile"],
        );
        check(
            "Runners on Kestrel were exposed. Kestrel's Trails map showed their homes.",
            &["Kestrel"],
        );
        // Not a maker: a kind of app, a product of a company named before, an app's own part,
        // a place, a person, a technology.
        check("She used a Bible app daily.", &[]);
        check("It queried its Nightjar database for users.", &[]);
        check("Open the Messages app and the Settings app.", &[]);
        check("Data sat on China's servers.", &[]);
        check("He said Mr. Finch's app was safe, Finch added.", &[]);
        check("Dana Finch said the Finch app was hers.", &[]);
        check("It kept the DNA database for years.", &[]);
        // A one-word maker written with a capital only at a sentence's start is not taken.
        check("Sundial's app tracked runners.", &[]);
        // A description at a line's start (a headline).
        check("Fitness app Osprey exposed runners' homes", &["Osprey"]);
        // "the" before the description, and "of", "for" or "on which" after the kind of
        // business (written after the pattern); an adverb at a sentence's start is no name.
        check("Kestrel, the app on which hikers log walks, grew.", &["Kestrel"]);
        check(
            "Orchard Learning, a maker of maths apps, grew.",
            &["Orchard Learning"],
        );
        check("Finchly, the dating app for runners, said so.", &["Finchly"]);
        check("Yesterday, the company that runs it said so.", &[]);
        // The first word alone is a short form, unless another capitalised word follows.
        check_mentions(
            "The fitness company Osprey Electro said so. Later Osprey said it kept data.",
            2,
        );
        check_mentions(
            "The payments startup Dana Labs grew. Dana Smith founded it; Dana said no.",
            2,
        );
    }
}
