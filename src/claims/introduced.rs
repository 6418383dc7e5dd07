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
//!
//! Makers and products (`related`): "Mattel's Hello Barbie", "Spiral Toys, which sells
//! CloudPets", "CloudPets, the toys made by Spiral Toys", "ToyTalk, the maker of ...": the
//! maker is a company (a lexicon one or a new one) and every mention of the product is the
//! maker, so a product is never the actor when its maker is named. Roles ("Superhuman's chief
//! executive", "a spokeswoman for X", "an X spokesman"), "a start-up called X", "X, whose app",
//! "X-owned Y" and "Y, owned by X" name companies without products. Guards against places,
//! regulators, papers, laws, people and acronyms are in `maker_at` and `product_ok`.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};
use regex::Regex;

use super::matcher::Hit;
use super::Ent;

/// Kinds of business a description can end with.
const HEADS: &str = r"company|companies|firm|startup|start-up|app|broker|maker|affiliate|unit|division|developer|provider|platform|service|chain|retailer|insurer|carrier|marketplace|network|hotline|nonprofit|non-profit|manufacturer|subsidiary|brokerage|operator|vendor|hospital|clinic|site|website";

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
        r"(?:(?m:^)|(?-u:\b)(?:[Tt]he|[Aa]n?|against|by|from|with|to|and)\s+)(?P<desc>(?:[\w'’-]+\s+){{0,3}}?)(?:{HEADS})[^\S\n]+(?P<name>{NAME})"
    ))
    .expect("a valid regex: a constant pattern")
});

/// Words that make a description a person's, a place's or not a description at all.
const BAD_DESC: &[&str] = &[
    "of", "at", "for", "with", "from", "in", "on", "by", "to", "who", "whose", "former", "said", "says",
    "is", "was", "and", "or", "through", "over", "into", "about", "than", "as", "her", "his", "their",
    "news",
];

/// First words of capitalised runs that are not names of companies, with `TITLE_WORDS` (see
/// `bad_first`).
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
pub(crate) fn add_introduced(
    text: &str,
    ents: &mut Vec<Hit<Ent>>,
    first_index: usize,
    is_given: &dyn Fn(&str) -> bool,
) -> Vec<String> {
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
            // "the toy maker Mattel's Hello Barbie": the company is the owner, not its product.
            if let Some(i) = name.find("'s ").or_else(|| name.find("’s ")) {
                name = name[..i].trim_end();
            }
            while let Some(first) = name.split_whitespace().next() {
                if !bad_first(first) {
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
    // "Mattel's Hello Barbie", "a spokeswoman for Spiral Toys", "ToyTalk, which runs ...",
    // "CloudPets, the toys made by Spiral Toys": makers and their products.
    let products = related(text, ents, is_given, &mut names);
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
                if !bad_first(first) && !is_place(first) {
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
                let at = caps.get(0).map_or(start, |m| m.start());
                let owned = POSSESSED.is_match(&text[..at]);
                // "Meta will keep the DeepFace software", "Meta said it will turn off the Face
                // Recognition feature": a part of a service after a company named in the same
                // sentence is that company's, not a company.
                let part = caps
                    .name("head")
                    .is_some_and(|h| !MAKER_HEADS.contains(&h.as_str()));
                let of_named = caps.name("poss").is_none()
                    && part
                    && company_before(text, ents, &names, sentence_start(text, at), at);
                if !determined
                    || owned
                    || of_named
                    || products.iter().any(|(p, _)| p == name)
                    || !product_owner_ok(text, name)
                {
                    continue;
                }
            }
            let words: Vec<&str> = name.split_whitespace().collect();
            if words.is_empty()
                || name.chars().filter(|c| c.is_alphabetic()).count() < 3
                || words.iter().any(|w| bad_first(w) || is_place(w))
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
    if names.is_empty() && products.is_empty() {
        return names;
    }
    let mut added: Vec<Hit<Ent>> = Vec::new();
    for (k, name) in names.iter().enumerate() {
        let mut forms = vec![name.clone()];
        let words: Vec<&str> = name.split_whitespace().collect();
        if words.len() >= 2 {
            if GENERIC_LAST.contains(&words[words.len() - 1]) {
                let short = words[..words.len() - 1].join(" ");
                if short.chars().filter(|c| c.is_alphabetic()).count() >= 4 && !bad_first(short.as_str()) {
                    forms.push(short);
                }
            }
            // "Polar Electro", then "Polar said": the first word alone, where it is not the
            // start of another capitalised name ("Tim" in "Tim Cook").
            let first = words[0];
            if first.chars().filter(|c| c.is_alphabetic()).count() >= 4
                && first.chars().all(|c| c.is_alphanumeric() || c == '-')
                && !bad_first(first)
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
    // A product is its maker wherever the article names it ("Hello Barbie records ...").
    for (product, maker) in &products {
        let c = match *maker {
            Maker::Known(c) => c,
            Maker::New(k) => first_index + k,
        };
        for (s, _) in text.match_indices(product.as_str()) {
            let e = s + product.len();
            let before_ok = !text[..s].chars().next_back().is_some_and(is_word);
            let after_ok = !text[e..].chars().next().is_some_and(is_word);
            if before_ok && after_ok && !overlaps(ents, s, e) && !overlaps(&added, s, e) {
                added.push(Hit {
                    start: s,
                    end: e,
                    val: Ent::Company(c),
                });
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
const SUFFIXES: &str = r"Inc\.|Inc\b|Corp\.|Corp\b|Corporation\b|Co\.|LLC\b|L\.L\.C\.|Ltd\.|Ltd\b|Limited\b|[Pp][Ll][Cc]\b|GmbH\b|AG\b|SA\b|S\.A\.|S\.p\.A\.|N\.V\.|B\.V\.";

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
        r"(?P<the>(?-u:\b)(?:the|The)\s+)?(?-u:\b)(?P<name>(?:[A-Z][\w&-]*[\w&]|[A-Z])(?:\s+[A-Z][\w&-]*[\w&]){{0,2}})(?P<poss>['’]s?)?\s+(?:[A-Z][\w-]*\s+){{0,2}}(?P<head>{PRODUCT_HEADS})(?-u:\b)"
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
            " N.V.", " B.V.", " AG", " SA", " S.p.A.", ", Inc", ", Corp", ", Co.", ", LLC", ", Ltd",
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
    owner_ok(text, name, false)
}

/// `product_owner_ok`, without the test of a capital not at a sentence's start when `placed`
/// (the name stands in an appositive construction persons do not take: "X, which makes",
/// "X, the app owned by").
fn owner_ok(text: &str, name: &str, placed: bool) -> bool {
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
                && !bad_first(prev)
                && !is_place(prev)
            {
                return false;
            }
        }
    }
    if words.len() > 1 || placed {
        return true;
    }
    text.match_indices(name).any(|(s, _)| {
        let before = text[..s].trim_end();
        !before.is_empty() && !before.ends_with(['.', '!', '?', '"', '“', '”', '\n', ':'])
    })
}

/// Product heads after which "the X <head>" still names X's maker when a company is named
/// before it in the sentence ("Facebook shared data with the Whisper app").
const MAKER_HEADS: &[&str] = &["app", "apps", "website", "websites", "game", "games"];

/// Where the sentence holding byte `at` starts (after the last `.`, `!`, `?` or line break
/// before it; a rough cut, enough to tell what the same sentence names).
fn sentence_start(text: &str, at: usize) -> usize {
    text[..at].rfind(['.', '!', '?', '\n']).map_or(0, |i| i + 1)
}

/// Whether a company (a lexicon one, or a name introduced so far) is named in `[s, e)`.
fn company_before(text: &str, ents: &[Hit<Ent>], names: &[String], s: usize, e: usize) -> bool {
    ents.iter()
        .any(|h| matches!(h.val, Ent::Company(_)) && s <= h.start && h.end <= e)
        || names.iter().any(|n| text[s..e].contains(n.as_str()))
}

/// Who makes a product: a company of the lexicon (its index) or one the article introduces
/// (its index among the introduced names).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Maker {
    Known(usize),
    New(usize),
}

/// A capitalised name of one to three words for the constructions of `related` (no
/// apostrophe inside a word, so that "Mattel's" ends the name). ASCII word characters: the
/// lazy DFA of a Unicode `\w` in these long alternations doubled the time of extraction.
const OWNER: &str =
    r"(?:[A-Z][0-9A-Za-z_&.-]*[0-9A-Za-z_&]|[A-Z])(?:[^\S\n]+(?:[A-Z][0-9A-Za-z_&.-]*[0-9A-Za-z_&]|&)){0,2}";

/// A capitalised product name of one to three words.
const PRODUCT_NAME: &str = r"[A-Z][0-9A-Za-z_-]*[0-9A-Za-z_](?:[^\S\n]+[A-Z][0-9A-Za-z_-]*[0-9A-Za-z_]){0,2}";

/// Roles a company has and a place, a person or a paper seldom has ("Superhuman's chief
/// executive", "Mattel's spokeswoman").
const ROLES: &str = r"(?i:chief\s+executive|chief\s+(?:technology|privacy|security|operating|financial|information|product)\s+officer|CEO|CTO|CFO|COO|CISO|founder|co-founder|cofounder|spokes(?:man|woman|person)|general\s+counsel|head\s+of\s+privacy|privacy\s+chief|shareholders|board\s+of\s+directors)";

/// "X's <Product>", with at most two lower-case words between ("Mattel's talking Hello
/// Barbie"), or "X's <role>" ("Superhuman's chief executive").
static POSSESSIVE: LazyLock<Regex> = LazyLock::new(|| {
    super::ascii_b(&format!(
        r"(?-u:\b)(?P<owner>{OWNER})['’]s\s+(?:(?:(?:former|new|then|longtime|interim|acting|top)\s+)?(?P<role>{ROLES})(?-u:\b)|(?P<mods>(?:[a-z][a-z-]*\s+){{0,2}})(?P<product>{PRODUCT_NAME})(?-u:\b))"
    ))
    .expect("a valid regex: a constant pattern")
});

/// "a spokeswoman for X", "an X spokesman", "a company called X", "X, which makes Y", "X,
/// whose app", "made by X" (with the product before it), "Y-owned X", "X, the maker of Y".
static RELATED: LazyLock<Regex> = LazyLock::new(|| {
    super::ascii_b(&format!(
        r"(?x)
        spokes(?:man|woman|person)\s+for\s+(?P<for>{OWNER})
        | (?-u:\b)(?:a|an|A|An)\s+(?P<adj>{OWNER})\s+spokes(?:man|woman|person)(?-u:\b)
        | (?-u:\b)(?:company|companies|firm|start-?up|startup|service|business|developer|broker|platform|maker|website|site|vendor|contractor|subsidiary)\s+(?:called|named)\s+(?P<called>{OWNER})
        | (?-u:\b)(?P<which>{OWNER}),\s+(?:which|that)\s+(?:also\s+|now\s+|still\s+)?(?P<wverb>makes|made|runs|ran|owns|owned|operates|operated|sells|sold|develops|developed|builds|built|offers|publishes|manufactures)(?-u:\b)(?:\s+(?:the\s+|its\s+)?(?P<wprod>{PRODUCT_NAME})(?-u:\b))?
        | (?-u:\b)(?P<whose>{OWNER}),\s+whose\s+(?:[A-Za-z-]+\s+){{0,2}}?(?:app|apps|service|website|software|products?|devices?|toys?|dolls?|cameras?|platform|servers)(?-u:\b)
        | (?-u:\b)(?P<byverb>made|owned|run|operated|developed|built|sold|produced|manufactured|designed|created)\s+by\s+(?P<by>{OWNER})
        | (?-u:\b)(?P<hyph>[A-Z][0-9A-Za-z_&]*[0-9A-Za-z_&])-owned\s+(?P<owned>{OWNER})
        | (?-u:\b)(?P<makerof>{OWNER}),\s+(?:the|a|an)\s+(?:[A-Za-z'’-]+\s+){{0,3}}?(?:maker|makers|developer|creator|publisher|operator|manufacturer)\s+of\s+(?:the\s+)?(?P<ofprod>{PRODUCT_NAME})(?-u:\b)
        "
    ))
    .expect("a valid regex: a constant pattern")
});

/// Right before "made by X": the product, alone or with an appositive ("CloudPets, the soft
/// toys made by").
static PRODUCT_BEFORE_BY: LazyLock<Regex> = LazyLock::new(|| {
    super::ascii_b(&format!(
        r"(?-u:\b)(?P<product>{PRODUCT_NAME})(?:,\s+(?:the|a|an)\s+(?:[A-Za-z'’-]+\s+){{0,4}}?|\s+)$"
    ))
    .expect("a valid regex: a constant pattern")
});

/// Words of names of regulators, courts, governments, parties, laws, schools and papers: a
/// name holding one is no company ("the Information Commissioner's Office", "Guardian").
const ORG_WORDS: &[&str] = &[
    "Commission",
    "Commissioner",
    "Commissioners",
    "Office",
    "Authority",
    "Agency",
    "Department",
    "Ministry",
    "Court",
    "Board",
    "Council",
    "Committee",
    "Parliament",
    "Congress",
    "Senate",
    "House",
    "Administration",
    "Bureau",
    "Police",
    "Government",
    "University",
    "College",
    "Institute",
    "School",
    "Foundation",
    "Association",
    "Union",
    "Party",
    "Times",
    "Post",
    "Journal",
    "Guardian",
    "Tribune",
    "Herald",
    "Telegraph",
    "Gazette",
    "Chronicle",
    "Review",
    "Magazine",
    "Press",
    "Reuters",
    "Act",
    "Law",
    "Regulation",
    "Directive",
    "Conference",
    "Summit",
    "Forum",
    "Kremlin",
    "Pentagon",
    "White",
    "Democrats",
    "Republicans",
    "Democratic",
    "Republican",
    "Labour",
    "Conservative",
    "Conservatives",
    "State",
    "States",
    "City",
    "County",
    "Prosecutor",
    "Prosecutors",
    "Attorney",
    "Army",
    "Navy",
    "Ombudsman",
    "Supervisor",
    "Regulator",
    // Regulators and agencies that go by one word.
    "Ofcom",
    "Europol",
    "Interpol",
    "Garante",
    "Bundeskartellamt",
    "Datatilsynet",
    "Medicare",
    "Medicaid",
];

/// Whether a word cannot open a company's name: a `BAD_FIRST` word or a title.
fn bad_first(word: &str) -> bool {
    BAD_FIRST.contains(&word) || TITLE_WORDS.contains(&word)
}

/// Titles and roles that open a person's name ("Attorney General Ken Paxton", "Sen. Markey").
const TITLE_WORDS: &[&str] = &[
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
];

/// An acronym ("FTC", "ICO", "GDPR"): regulators and laws go by them more than new companies.
fn is_acronym(word: &str) -> bool {
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    !letters.is_empty() && letters.len() <= 6 && letters.iter().all(|c| c.is_uppercase())
}

/// Whether a mention of one of `words` in `text` is followed by a verb of speaking ("Jacob
/// said"): a person's name.
fn speaks(text: &str, words: &[&str]) -> bool {
    const VERBS: &[&str] = &[
        " said",
        " says",
        " told",
        " wrote",
        " added",
        " argued",
        " testified",
    ];
    words.iter().filter(|w| w.chars().count() >= 3).any(|w| {
        text.match_indices(w).any(|(s, _)| {
            let rest = &text[s + w.len()..];
            !text[..s].chars().next_back().is_some_and(is_word) && VERBS.iter().any(|v| rest.starts_with(v))
        })
    })
}

/// The maker named at `[s, e)`: a lexicon company whose mention ends there, a name already
/// introduced, or a name taken now, if it can be a company's (no place, regulator, paper,
/// person, title or acronym; a one-word name written with a capital somewhere not at a
/// sentence's start). Leading sentence words ("Yesterday") are dropped; a leading title is no
/// company.
fn maker_at(
    text: &str,
    ents: &[Hit<Ent>],
    names: &mut Vec<String>,
    mut s: usize,
    e: usize,
    is_given: &dyn Fn(&str) -> bool,
    placed: bool,
) -> Option<Maker> {
    let mut name = text[s..e].trim_end_matches(['.', ',']);
    while let Some(first) = name.split_whitespace().next() {
        if TITLE_WORDS.contains(&first) || !bad_first(first) {
            break;
        }
        let rest = name[first.len()..].trim_start();
        s += name.len() - rest.len();
        name = rest;
    }
    let e = s + name.len();
    let mut hits = ents.iter().filter(|h| h.start < e && s < h.end);
    if let Some(h) = hits.next() {
        return match h.val {
            Ent::Company(c) if h.end == e && hits.next().is_none() => Some(Maker::Known(c)),
            _ => None,
        };
    }
    // The short form of a lexicon company the article names in full ("Near" for "Near
    // Intelligence"), of a name introduced before, or that name.
    let short_of = |full: &str| full.strip_prefix(name).is_some_and(|r| r.starts_with(' '));
    if let Some(c) = ents.iter().find_map(|h| match h.val {
        Ent::Company(c) if short_of(&text[h.start..h.end]) => Some(c),
        _ => None,
    }) {
        return Some(Maker::Known(c));
    }
    if let Some(k) = names.iter().position(|n| n == name || short_of(n)) {
        return Some(Maker::New(k));
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    let first = *words.first()?;
    let before = text[..s].trim_end();
    if name.chars().filter(|c| c.is_alphabetic()).count() < 3
        || words
            .iter()
            .any(|w| bad_first(w) || ORG_WORDS.contains(w) || is_place(w))
        || NOT_OWNER.contains(&first)
        || is_given(first)
        || (words.len() == 1 && is_acronym(first))
        || before.ends_with(" the")
        || before.ends_with(" The")
        || before == "the"
        || before == "The"
        || !owner_ok(text, name, placed)
    {
        return None;
    }
    names.push(name.to_string());
    Some(Maker::New(names.len() - 1))
}

/// Whether `[s, e)` can be a product of a maker: no name the lexicon knows, no person, place,
/// regulator, title, app part or acronym; a one-word product never written in lower case in
/// the article ("Recall" beside "recall").
fn product_ok(text: &str, ents: &[Hit<Ent>], s: usize, e: usize, is_given: &dyn Fn(&str) -> bool) -> bool {
    let name = &text[s..e];
    let words: Vec<&str> = name.split_whitespace().collect();
    let Some(&first) = words.first() else {
        return false;
    };
    if ents.iter().any(|h| h.start < e && s < h.end)
        || name.chars().filter(|c| c.is_alphabetic()).count() < 3
        || words
            .iter()
            .any(|w| bad_first(w) || ORG_WORDS.contains(w) || is_place(w))
        || NOT_OWNER.contains(&first)
        || is_given(first)
        || words.iter().all(|w| is_acronym(w))
        || speaks(text, &words)
    {
        return false;
    }
    if words.len() == 1 {
        let lower = first.to_lowercase();
        let written_lower = text.match_indices(lower.as_str()).any(|(i, _)| {
            !text[..i].chars().next_back().is_some_and(is_word)
                && !text[i + lower.len()..].chars().next().is_some_and(is_word)
        });
        if written_lower {
            return false;
        }
    }
    true
}

/// Words that cannot stand between a possessive and a product ("Google's offices in Mountain
/// View", "Facebook's data on Texans").
const NOT_MODIFIER: &[&str] = &[
    "in", "on", "at", "of", "for", "to", "with", "from", "by", "and", "or", "but", "said", "says", "is",
    "was", "are", "were", "has", "have", "had", "will", "would", "can", "could", "that", "which", "when",
    "after", "before", "since", "as", "than", "into", "about", "over", "under", "while", "if", "where",
    "who", "it", "its", "their", "his", "her", "the", "a", "an", "also", "not", "did", "does", "do",
];

/// The constructions of `POSSESSIVE` and `RELATED`: makers (appended to `names` when new) and
/// the products they make, as (product name, maker).
fn related(
    text: &str,
    ents: &[Hit<Ent>],
    is_given: &dyn Fn(&str) -> bool,
    names: &mut Vec<String>,
) -> Vec<(String, Maker)> {
    static GATE: LazyLock<AhoCorasick> = LazyLock::new(|| {
        AhoCorasick::new([
            "'s ", "’s ", "spokes", ", which ", ", that ", ", whose ", " by ", " called ", " named ",
            "-owned ", " of ",
        ])
        .expect("an Aho-Corasick automaton builds from a few literal words")
    });
    let mut products: Vec<(String, Maker)> = Vec::new();
    if !GATE.is_match(text) {
        return products;
    }
    // A name the article introduced as a company of its own stays one.
    let add_product = |products: &mut Vec<(String, Maker)>, names: &[String], name: &str, maker: Maker| {
        if !products.iter().any(|(p, _)| p == name) && !names.iter().any(|n| n == name) {
            products.push((name.to_string(), maker));
        }
    };
    for caps in POSSESSIVE.captures_iter(text) {
        let Some(o) = caps.name("owner") else {
            continue;
        };
        if caps.name("role").is_some() {
            maker_at(text, ents, names, o.start(), o.end(), is_given, false);
            continue;
        }
        let (Some(p), Some(m)) = (caps.name("product"), caps.name("mods")) else {
            continue;
        };
        if m.as_str().split_whitespace().any(|w| NOT_MODIFIER.contains(&w)) {
            continue;
        }
        if !product_ok(text, ents, p.start(), p.end(), is_given) {
            continue;
        }
        if let Some(maker) = maker_at(text, ents, names, o.start(), o.end(), is_given, false) {
            add_product(&mut products, names, p.as_str(), maker);
        }
    }
    for caps in RELATED.captures_iter(text) {
        for g in ["for", "adj", "called", "whose", "owned"] {
            if let Some(o) = caps.name(g) {
                maker_at(text, ents, names, o.start(), o.end(), is_given, g == "whose");
            }
        }
        if let Some(h) = caps.name("hyph") {
            if !NOT_OWNER.contains(&h.as_str()) {
                maker_at(text, ents, names, h.start(), h.end(), is_given, false);
            }
        }
        // "X, which makes Y", "X, the maker of Y": Y is X's product ("owns" names a company
        // of its own).
        for (g, pg) in [("which", "wprod"), ("makerof", "ofprod")] {
            let Some(o) = caps.name(g) else {
                continue;
            };
            let Some(maker) = maker_at(text, ents, names, o.start(), o.end(), is_given, true) else {
                continue;
            };
            let owns = caps.name("wverb").is_some_and(|v| v.as_str().starts_with("own"));
            if let Some(p) = caps.name(pg) {
                if !owns && product_ok(text, ents, p.start(), p.end(), is_given) {
                    add_product(&mut products, names, p.as_str(), maker);
                }
            }
        }
        // "CloudPets, the soft toys made by Spiral Toys": the product before; "LastPass, the
        // password manager owned by GoTo": a company of its own.
        if let (Some(v), Some(o)) = (caps.name("byverb"), caps.name("by")) {
            let Some(maker) = maker_at(text, ents, names, o.start(), o.end(), is_given, false) else {
                continue;
            };
            let from = sentence_start(text, v.start()).max(v.start().saturating_sub(120));
            let from = (from..=v.start())
                .find(|&i| text.is_char_boundary(i))
                .unwrap_or(v.start());
            let Some(pc) = PRODUCT_BEFORE_BY.captures(&text[from..v.start()]) else {
                continue;
            };
            let Some(p) = pc.name("product") else {
                continue;
            };
            let (mut ps, pe) = (from + p.start(), from + p.end());
            // "The Glimmer Cam developed by": a sentence's first word is not the product's.
            while let Some(first) = text[ps..pe].split_whitespace().next() {
                if !bad_first(first) || first.len() == pe - ps {
                    break;
                }
                ps += first.len()
                    + (text[ps + first.len()..pe].len() - text[ps + first.len()..pe].trim_start().len());
            }
            if v.as_str() == "owned" {
                let placed = text[pe..v.start()].starts_with(',');
                maker_at(text, ents, names, ps, pe, is_given, placed);
            } else if product_ok(text, ents, ps, pe, is_given) {
                add_product(&mut products, names, &text[ps..pe], maker);
            }
        }
    }
    products
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
    "York",
    "Jersey",
    "Carolina",
    "Dakota",
    "Hampshire",
    "Island",
    "Luxembourg",
    "Portugal",
    "Greece",
    "Africa",
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
        assert_eq!(
            add_introduced(text, &mut ents, 0, &|w| crate::claims::surnames::given_names()
                .contains(w)),
            expected,
            "{text:?}"
        );
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
        add_introduced(text, &mut ents, 0, &|w| {
            crate::claims::surnames::given_names().contains(w)
        });
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

    /// The introduced names of `text`, and the company read at the start of each of
    /// `mentions` (the first place it is found).
    fn check_makers(text: &str, expected: &[&str], mentions: &[(&str, Option<&str>)]) {
        let mut ents = Vec::new();
        let names = add_introduced(text, &mut ents, 0, &|w| {
            crate::claims::surnames::given_names().contains(w)
        });
        assert_eq!(names, expected, "{text:?}");
        for &(mention, company) in mentions {
            let s = text.find(mention).expect("the mention is in the text");
            let got = ents.iter().find(|h| h.start == s).map(|h| match h.val {
                Ent::Company(c) => names[c].as_str(),
                _ => "",
            });
            assert_eq!(got, company, "{mention:?} in {text:?}: {ents:?}");
        }
    }

    #[test]
    fn a_possessive_before_a_product_names_its_maker() {
        // The product's later mentions are its maker; a lower-case word may come between.
        check_makers(
            "Lumo's new Pebble Pal doll listens in the nursery. Pebble Pal uploads what it hears, and critics asked Lumo to stop.",
            &["Lumo"],
            &[("Pebble Pal uploads", Some("Lumo")), ("Lumo to", Some("Lumo")), ("nursery", None)],
        );
        check_makers(
            "Owners of Vantor Home's Skylark camera complained. The Skylark had been sending clips abroad.",
            &["Vantor Home"],
            &[("Skylark had", Some("Vantor Home"))],
        );
        check_makers(
            "An update to Brightwave's HaloTrack was pushed on Monday; HaloTrack now asks before it shares. Users of Brightwave were told.",
            &["Brightwave"],
            &[("HaloTrack now", Some("Brightwave"))],
        );
        // Not a maker and a product: a person, a place, a paper, a law, a place after a
        // preposition, a possessive in lower case, an owner who speaks.
        check_makers("Users heard from Apple's Tim Cook about it.", &[], &[]);
        check_makers("In Austin, Texas's Attorney General Ken Paxton sued.", &[], &[]);
        check_makers("Rules like Europe's GDPR apply to them.", &[], &[]);
        check_makers("Readers wrote to The Guardian's Privacy Desk.", &[], &[]);
        check_makers("Staff moved into Pellary's offices in Mountain View.", &[], &[]);
        check_makers("He disliked the company's Privacy Center.", &[], &[]);
        check_makers(
            "Nobody read Jane Quill's Garden Diary. Later Quill's Garden Diary sold well, Quill said.",
            &[],
            &[],
        );
        check_makers(
            "A decision by Britain's Information Commissioner's Office came.",
            &[],
            &[],
        );
    }

    #[test]
    fn roles_and_spokespeople_name_a_company() {
        check_makers(
            "Customers left Pinecrest after the leak. Pinecrest's chief executive apologised.",
            &["Pinecrest"],
            &[],
        );
        check_makers(
            "The files were public, a spokeswoman for Orbweaver Labs said.",
            &["Orbweaver Labs"],
            &[],
        );
        check_makers(
            "Later an Orbweaver spokesman declined to comment.",
            &["Orbweaver"],
            &[],
        );
        check_makers(
            "Its founder sold it. The board met Tarnwell's co-founder, Eli Mar.",
            &["Tarnwell"],
            &[],
        );
        check_makers(
            "Earlier, Tarnwell's former CEO quit and Tarnwell said so.",
            &["Tarnwell"],
            &[],
        );
        // The short form of a name introduced before is that company.
        check_makers(
            "It sued Corvid Analytics, a data broker. Corvid's chief executive said no.",
            &["Corvid Analytics"],
            &[],
        );
        // A person's or a government's spokespeople, a regulator, the maker unnamed.
        check_makers(
            "It was denied by a spokesman for Attorney General Lena Ortiz.",
            &[],
            &[],
        );
        check_makers("It was denied by a spokeswoman for the FTC.", &[], &[]);
        check_makers("A White House spokesman and an FTC spokesman declined.", &[], &[]);
        check_makers("It was confirmed by a spokesman for Senator Ed Markey.", &[], &[]);
        check_makers("The maker's spokesman declined to comment.", &[], &[]);
        check_makers("We asked Ofcom. Ofcom's chief executive said no.", &[], &[]);
    }

    #[test]
    fn which_whose_by_called_owned_and_maker_of() {
        check_makers(
            "Harrow Labs, which makes the Nestling baby monitor, said the Nestling keeps no video.",
            &["Harrow Labs"],
            &[("Nestling keeps", Some("Harrow Labs"))],
        );
        check_makers(
            "Rules were broken by Quorra, whose app counts steps.",
            &["Quorra"],
            &[],
        );
        // "owns" names a company of its own, not a product.
        check_makers(
            "Regulators fined Telvane. Telvane, which owned Brisket Maps until 2019, kept no logs.",
            &["Telvane"],
            &[("Brisket Maps", None)],
        );
        check_makers(
            "Parents bought Wisp, a talking speaker made by Corvan Audio, and Wisp sent clips away.",
            &["Corvan Audio"],
            &[("Wisp sent", Some("Corvan Audio"))],
        );
        check_makers(
            "The Glimmer Cam developed by Tessel Robotics uploads its maps.",
            &["Tessel Robotics"],
            &[("Glimmer Cam", Some("Tessel Robotics"))],
        );
        check_makers(
            "LoopPass, the password vault owned by Danforth Group, said vaults were safe.",
            &["Danforth Group", "LoopPass"],
            &[],
        );
        check_makers(
            "Data went to a start-up called Fernhook and a firm named Pallas Metrics.",
            &["Fernhook", "Pallas Metrics"],
            &[],
        );
        check_makers(
            "Users were moved to Veltro-owned Pingle last year.",
            &["Pingle", "Veltro"],
            &[],
        );
        check_makers(
            "Ostrava Games, the developer of Skyhook Saga, said Skyhook Saga keeps chats.",
            &["Ostrava Games"],
            &[("Skyhook Saga keeps", Some("Ostrava Games"))],
        );
        // Near misses: a verb that names no maker, a person, the state, a feature's name, a
        // nationality, a law-maker.
        check_makers("It cited a report written by Nadia Ferro.", &[], &[]);
        check_makers("The tool was built by Mark Lee in 2019.", &[], &[]);
        check_makers("The registry is run by the state.", &[], &[]);
        check_makers(
            "It uses a feature called Face Match and a man named Hollis.",
            &[],
            &[],
        );
        check_makers(
            "The law was passed by Congress, which makes such rules.",
            &[],
            &[],
        );
        check_makers("Texas, which sued in May, won.", &[], &[]);
    }

    #[test]
    fn more_corporate_suffixes_and_product_parts() {
        check_makers(
            "Shares of Kornblum AG and Vassel SA fell.",
            &["Kornblum", "Vassel"],
            &[],
        );
        check_makers("Texas AG Ken Paxton and the New York AG sued.", &[], &[]);
        // A part of a service after a company named in the same sentence is the company's.
        check_makers(
            "Quillon Labs, a photo company, said it would retire the FaceMatch feature.",
            &["Quillon Labs"],
            &[("FaceMatch", None)],
        );
        check_makers(
            "Researchers said the Whisperly app leaked locations.",
            &["Whisperly"],
            &[],
        );
        // A headline ending in a kind of business does not run into the next line's name.
        check_makers(
            "Doll records children for a start-up\n\nMarrow's Pip doll records",
            &["Marrow"],
            &[],
        );
    }
}
