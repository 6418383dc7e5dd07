//! The claim rules: per sentence, per clause, per data-practice verb. See the module doc of
//! `claims` for the outline; each step is a small function here.

use super::matcher::{within, Hit};
use super::speaker::{find_quotes, Speaker};
use super::{sentences, Cue, Ent, Extractor, Needs, NegKind};
use crate::dates;
use crate::model::{Action, Article, Claim, DataType, DenialScope, PartialDate, Polarity};

/// Per-article working state.
pub(crate) struct Ctx<'a> {
    pub ex: &'a Extractor,
    pub text: &'a str,
    pub ents: Vec<Hit<Ent>>,
    /// Companies the article introduces that the lexicon does not know (`introduced.rs`):
    /// company index `ex.companies.len() + k` is `introduced[k]`.
    pub introduced: Vec<String>,
    /// Parallel to `ents`: the mention names the data's holder ("Facebook users", "on Facebook").
    pub holders: Vec<bool>,
    pub taxa: Vec<Hit<Option<DataType>>>,
    pub cues: Vec<Hit<Cue>>,
    pub sentences: Vec<(usize, usize)>,
    pub quotes: Vec<(usize, usize)>,
    pub quote_speakers: Vec<Option<Option<Speaker>>>,
    pub sentence_speakers: Vec<Option<Option<Speaker>>>,
    pub report_source: Option<Option<String>>,
    /// People the article introduces by full name, found when a pronoun first needs them
    /// (`speaker::named_people`).
    pub named_people: std::cell::OnceCell<Vec<super::speaker::NamedPerson>>,
    /// (actor, counterparty) of the assertions found so far, for "we" statements that omit the
    /// platform.
    prior: Vec<(usize, Party)>,
    /// The actor of the last claim drafted and its sentence: what "it" most likely stands for.
    last_actor: Option<(usize, usize)>,
    cur_si: usize,
    /// The company the article is about, and how it was found (`topic_company`). Stands in for
    /// the platform when a sentence leaves it implied ("The deals let the manufacturers reach
    /// friends' data"), see `implied_topic`.
    topic: Option<(usize, Topic)>,
    /// Whether the article speaks of a breach (`breach::BREACH_STORY`), read when a sentence
    /// first holds a breach denial's construction.
    breach_story: std::cell::OnceCell<bool>,
    /// Whether the article speaks of a breach or of data left open (`breach::BREACH_STORY`,
    /// `intrusion::EXPOSURE_STORY`), read when a sentence first may hold a report of one.
    report_story: std::cell::OnceCell<bool>,
}

/// How the article's topic company was found (`topic_company`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Topic {
    /// Named in the headline: the article is about it, or is its own statement.
    Headline,
    /// Named at least twice, and more often than any other.
    Sure,
    /// Named once.
    Once,
}

/// A party to a data practice: a lexicon company or a recipient category.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Party {
    Company(usize),
    Recipient(usize),
}

/// A verb's subject as found before it in the clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Subj {
    Party(Party, bool),
    We,
    None,
}

#[derive(Debug)]
struct Draft {
    actor: usize,
    counterparty: Option<Party>,
    data_type: DataType,
    action: Action,
    polarity: Polarity,
    scope: Option<DenialScope>,
    speaker: Option<String>,
    pos: usize,
    rule: String,
    confidence: f64,
}

pub(crate) fn extract(ex: &Extractor, article: &Article) -> Vec<Claim> {
    // Another language than English, or a site's own policy: the rules do not read it.
    if super::relevance::not_read(article).is_some() {
        return Vec::new();
    }
    let text = article.text.as_str();
    let cues = ex.cues.find(text);
    if !cues.iter().any(|c| is_gate(c.val)) {
        return Vec::new();
    }
    // Only lines holding a practice verb (or a breach's participle) can give claims; quotes are
    // attributed within a line.
    let sentences =
        sentences::split_lines_holding(text, cues.iter().filter(|c| is_gate(c.val)).map(|c| c.start));
    // Data-type phrases matter only inside the sentences that can give claims.
    let mut taxa = Vec::new();
    for &(s, e) in &sentences {
        ex.taxa.find_in(text, s, e, &mut taxa);
    }
    // A document cited as evidence is not the data ("leaked recordings show", "according to an
    // internal email", "emails seen by the paper").
    for t in taxa.iter_mut() {
        if t.val.is_some() && is_evidence(ex, text, t.start, t.end) {
            t.val = None;
        }
    }
    // Data the sentence calls anonymized, aggregated or de-identified is `deidentified`, whatever
    // kind it was ("anonymized transcripts", "de-identified conversation data").
    for t in taxa.iter_mut() {
        if t.val.is_some() && is_deidentified(text, t.start) {
            t.val = Some(DataType::Deidentified);
        }
    }
    // "the names, email addresses and phone numbers of every contact": details of a user's
    // contacts or friends are `contacts_friends` only.
    of_contacts(text, &mut taxa);
    // "does not track users", "spied on journalists": people as the object of a verb of
    // watching over them stand for their data; "photos from its door cameras" are recordings.
    people_watched(text, &sentences, &mut taxa);
    camera_images(text, &sentences, &mut taxa);
    // "the chatbot keeps conversations", "cloud chats it stores": conversations typed to a chatbot
    // or sent in an app are messages; spoken ones (to a speaker, an assistant, a meeting) are
    // recordings.
    written_conversations(text, &sentences, &mut taxa);
    // "private messages between friends", "chats with family": the people named after a data
    // phrase say whose exchange it is, not a second kind of data.
    people_after_data(text, &mut taxa);
    // "names, phone numbers and email addresses", "the names of the tracks", "build profiles of
    // their browsing": names beside a more specific kind, names of things, and profiles built
    // are not a kind of their own.
    names_not_a_kind(text, &sentences, &mut taxa);
    // "We do not sell them", "None of it was shared": a pronoun standing for data named in the
    // sentence or two before, in the same paragraph, counts as that data (`anaphora.rs`).
    let resolved = super::anaphora::resolve(text, &sentences, &cues, &mut taxa);
    // The gate of `Ctx::sentence`, for the whole article at once: a text none of whose sentences
    // holds a practice verb together with a data-type phrase or an assurance gives no claim, so
    // it is left here, before the work over the whole text that only claims need (companies,
    // introduced companies, holders, quotes). Most news is not about data practices: this is
    // where most of it ends. Exact: the gate reads cues and data-type phrases only.
    // A breach report may name only the people or records reached ("some 339 million guest
    // records were affected", "an intruder had access to the guest database":
    // `Ctx::intrusion_reports`), in a story about a breach or an exposure (read only when no
    // sentence passed the gate before).
    let report_story = std::cell::OnceCell::new();
    if !sentences.iter().any(|&(s, e)| {
        may_claim(&cues, &taxa, s, e)
            || (super::intrusion::PEOPLE_OR_RECORDS.is_match(&text[s..e])
                && *report_story.get_or_init(|| {
                    super::breach::BREACH_STORY.is_match(text)
                        || super::intrusion::EXPOSURE_STORY.is_match(text)
                }))
    }) {
        return Vec::new();
    }
    let mut ents = ex.ents.find(text);
    // "Mike Ford", then "Ford said": a person, not the carmaker.
    super::surnames::drop_surnames(ex, text, &mut ents);
    let introduced = super::introduced::add_introduced(text, &mut ents, ex.companies.len(), &|w| {
        super::surnames::is_given_name(ex, w)
    });
    let holders: Vec<bool> = ents
        .iter()
        .map(|h| matches!(h.val, Ent::Company(_)) && is_holder(ex, text, h))
        .collect();
    // Ordinary words among the data phrases ("email", "locations", "data") count only where the
    // sentence reads them as someone's data (`sense.rs`).
    super::sense::personal_sense(text, &sentences, &mut taxa, &cues, &ents, &holders);
    super::anaphora::confirm(&resolved, &mut taxa);
    let quotes = find_quotes(text);
    let topic = topic_company(text, &ents);
    let mut cx = Ctx {
        ex,
        text,
        holders,
        taxa,
        cues,
        quote_speakers: vec![None; quotes.len()],
        sentence_speakers: vec![None; sentences.len()],
        sentences,
        quotes,
        ents,
        introduced,
        report_source: None,
        named_people: std::cell::OnceCell::new(),
        prior: Vec::new(),
        last_actor: None,
        cur_si: 0,
        topic,
        breach_story: std::cell::OnceCell::new(),
        report_story,
    };
    let mut out = Vec::new();
    let mut offsets = CharOffsets {
        text,
        byte: 0,
        chars: 0,
    };
    let published = article.published.map(PartialDate::from_naive);
    for si in 0..cx.sentences.len() {
        let drafts = cx.sentence(si, article.outlet.as_deref());
        if drafts.is_empty() {
            continue;
        }
        let (ss, se) = cx.sentences[si];
        let sentence = &text[ss..se];
        let facts = dates::resolve(sentence, article.published);
        let start = offsets.at(ss);
        let end = offsets.at(se);
        let mut seen = Vec::new();
        for d in drafts {
            let key = (d.actor, d.counterparty, d.data_type, d.action, d.polarity);
            if seen.contains(&key) {
                continue;
            }
            seen.push(key);
            if d.polarity == Polarity::Assertion {
                if let Some(cp) = d.counterparty {
                    cx.prior.push((d.actor, cp));
                }
            }
            let _ = d.pos;
            out.push(Claim {
                actor: cx.company_name(d.actor),
                counterparty: d.counterparty.map(|p| party_name(&cx, p)),
                data_type: d.data_type,
                action: d.action,
                polarity: d.polarity,
                scope: d.scope,
                speaker: d.speaker,
                stated_on: facts.stated_on.or(published),
                period_start: facts.period_start,
                period_end: facts.period_end,
                sentence: sentence.to_string(),
                start,
                end,
                rule: d.rule,
                confidence: (d.confidence * 100.0).round() / 100.0,
            });
        }
    }
    super::periods::inherit_periods(&mut out);
    out
}

/// A run of headlines or links glued into one line: two or more " | " separators.
fn is_glued_list(s: &str) -> bool {
    s.matches(" | ").count() >= 2
}

/// At a sentence's start: an instruction to the reader ("Sign up for", "Click here", "Log in
/// with").
static READER_INSTRUCTION: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(r"^[\s\p{Pi}\p{Ps}\x22']*(?:Sign\s+up|Sign\s+in|Log\s+in|Click|Tap|Subscribe|Register)\b")
        .expect("a valid regex: a constant pattern")
});

/// Whether the sentence `[ss, se)` can give a claim: it holds a practice verb, and a data-type
/// phrase (not one cited as evidence) or an assurance ("users are in control", "not for sale").
fn may_claim(cues: &[Hit<Cue>], taxa: &[Hit<Option<DataType>>], ss: usize, se: usize) -> bool {
    let s_cues = within(cues, ss, se);
    if !s_cues.iter().any(|c| is_gate(c.val)) {
        return false;
    }
    // "There was no data breach": a breach denied names no data.
    if s_cues.iter().any(|c| c.val == Cue::Breach(true)) {
        return true;
    }
    let has_assurance = s_cues
        .iter()
        .any(|c| matches!(c.val, Cue::Control | Cue::NotForSale));
    has_assurance || within(taxa, ss, se).iter().any(|t| t.val.is_some())
}

/// The company an article is about: the first lexicon company in the headline (the first line,
/// when the text has more than one), else the company named most often; with how it was found:
/// `Topic::Headline`, `Topic::Sure` (named at least twice) or `Topic::Once` (a share bar's
/// "Twitter", an aside).
fn topic_company(text: &str, ents: &[Hit<Ent>]) -> Option<(usize, Topic)> {
    if let Some(nl) = text.find('\n') {
        if let Some(c) = ents
            .iter()
            .take_while(|h| h.start < nl)
            .find_map(|h| match h.val {
                Ent::Company(c) => Some(c),
                _ => None,
            })
        {
            return Some((c, Topic::Headline));
        }
    }
    let mut counts: Vec<(usize, usize)> = Vec::new();
    for h in ents {
        if let Ent::Company(c) = h.val {
            match counts.iter_mut().find(|(k, _)| *k == c) {
                Some(e) => e.1 += 1,
                None => counts.push((c, 1)),
            }
        }
    }
    // The first named wins a tie.
    counts
        .iter()
        .fold(None, |best: Option<(usize, usize)>, &(c, n)| match best {
            Some((_, bn)) if bn >= n => best,
            _ => Some((c, n)),
        })
        .map(|(c, n)| (c, if n >= 2 { Topic::Sure } else { Topic::Once }))
}

/// In a sentence that names no actor: words that tie it to people's data or to a company, so
/// that the article's topic company may stand in (`Ctx::implied_topic`). Plural or possessive
/// people ("users", "riders'", "a person's"; "user"/"customer" also before a data noun: "user
/// data", but not "patient care"; "a user", "each customer"), a determiner before a kind of
/// company, product or its voice ("the company", "its app", "the set", "a spokesman"), and "it"
/// as a verb's subject ("it captured", "it sends"; not "it is", nor "it" as an object).
static IMPLIED_ANCHOR: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(
        r"(?i)\b(?:(?:users|customers|subscribers|members|patients|account[- ]holders)['’]?|(?:user|customer|subscriber|member|patient|account[- ]holder)(?:['’]s|\s+(?:data|information|records|details|profiles?|accounts?|content|messages|privacy))|(?:consumers|clients|drivers|riders|players|listeners|viewers|owners|shoppers|visitors|children|kids|teens|teenagers|parents|employees|workers|staff|phones|smartphones)['’]?|(?:person|people|consumer|child|driver|owner|player|rider|individual)['’]s|(?:a|the|each|every|any|one)\s+(?:user|customer|subscriber|member|patient|driver|rider|player|owner|consumer)|(?:the|its|their|our|this|that|a)\s+(?:company|firm|app|apps|platform|service|services|social\s+network|network|site|website|browser|extension|tool|tools|feature|program|software|update|bug|assistant|startup|devices?|set|sets|tv|tvs|television|camera|cameras|phone|phones|car|cars|vehicle|vehicles|speaker|speakers|headphones|watch|doorbell|robot|microphone|sdk|pixel)|it\s+(?:[a-z]+ed|[a-z]{2,}s|has|had|does|did|would|will|can|could|may|might)|spokes(?:man|woman|person)|representative|it\s+said)\b",
    )
    .expect("a valid regex: a constant pattern")
});

/// Right before a company: it receives ("with Facebook", "to Google").
static RECEIVER_BEFORE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(r"(?i)\b(?:with|to)\s+$").expect("a valid regex: a constant pattern")
});

/// Right before a data phrase: "of", perhaps "everyone in", and at most two determiners ("of
/// every", "of their", "of everyone in the user's").
static OF_BEFORE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(
        r"(?i)\bof\s+(?:(?:everyone|everybody|anyone|every\s+person|each\s+person|the\s+people)\s+(?:in|on)\s+)?(?:(?:every|each|all|their|his|her|its|the|your|users['’]?|user['’]s|a\s+user['’]s|people['’]s)\s+){0,2}$",
    )
    .expect("a valid regex: a constant pattern")
});

/// A purpose infinitive after a verb's object: "to" and a verb, then a determiner ("to build its
/// database", "to train their models"). "to all the advertisers" is a receiver: see
/// `purpose_at`.
static PURPOSE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(r"\bto\s+([a-z]+)\s+(?:its|their|his|her|our|your|the|a|an)\b")
        .expect("a valid regex: a constant pattern")
});

/// Words after "to" that start a receiver, not a purpose verb.
const NOT_PURPOSE_VERB: &[&str] = &[
    "all", "both", "each", "every", "any", "some", "one", "many", "most", "half", "only", "just", "the", "a",
    "an", "its", "their", "his", "her", "our", "your", "other", "more",
];

/// Where the first purpose infinitive in `gap` starts and ends, if there is one.
fn purpose_at(gap: &str) -> Option<(usize, usize)> {
    PURPOSE
        .captures_iter(gap)
        .find(|c| c.get(1).is_some_and(|w| !NOT_PURPOSE_VERB.contains(&w.as_str())))
        .and_then(|c| c.get(0))
        .map(|m| (m.start(), m.end()))
}

/// A relative clause about people inside a verb's object: "whose", "who", "whom". What follows
/// describes the people, not the data ("personal information about the customers whose clips
/// they hear" is personal information).
static PERSON_RELATIVE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(r"(?i)\b(?:whose|who|whom)\b").expect("a valid regex: a constant pattern")
});

/// Between two data phrases of one list: a comma, "and" or "or".
static LIST_GAP: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(r"(?i)^[\s,]*(?:(?:and|or)\s+)?(?:(?:their|the|its)\s+)?$")
        .expect("a valid regex: a constant pattern")
});

/// Opens the stretch between two members of a list of data kinds: a comma or a coordinator
/// ("and", "or", "as well as", "along with", "together with", "plus"), or an example word
/// ("including", "such as", "like"). See `is_list_gap`.
static LIST_CONNECTOR: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(
        r"(?i)^(?:\s*,\s*(?:(?:and|or|plus|as\s+well\s+as|along\s+with|together\s+with|including|such\s+as|like)\s+)?|\s+(?:and|or|plus|as\s+well\s+as|along\s+with|together\s+with|including|such\s+as|like)\s+)(?:also\s+)?",
    )
    .expect("a valid regex: a constant pattern")
});

/// Words that end a list of data kinds when they come between two kinds: prepositions (the
/// second kind says where the data came from or what it went with: "identifiers from photos",
/// "recordings, with names removed"), relative words and verbs' markers (a clause of its own).
const NOT_IN_LIST: &[&str] = &[
    "from", "through", "via", "in", "into", "with", "without", "to", "of", "for", "by", "on", "at", "about",
    "over", "under", "after", "before", "which", "that", "who", "whose", "where", "when", "while", "then",
    "is", "are", "was", "were", "be", "been", "has", "had", "have", "not", "so", "than", "but", "it", "they",
    "he", "she", "we",
];

/// Whether `gap`, the text between two data phrases, joins them as members of one list: a
/// connector (`LIST_CONNECTOR`), then at most three words of the next member's own modifiers
/// (a possessive, a determiner, an adjective: "their precise", "the YouTube"), none of them in
/// `NOT_IN_LIST`.
pub(crate) fn is_list_gap(gap: &str) -> bool {
    let Some(m) = LIST_CONNECTOR.find(gap) else {
        return false;
    };
    let rest = &gap[m.end()..];
    if m.as_str().trim().is_empty() {
        return false;
    }
    let words: Vec<&str> = rest.split_whitespace().collect();
    words.len() <= 3
        && words.iter().all(|w| {
            let w = w
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_ascii_lowercase();
            !w.is_empty() && !NOT_IN_LIST.contains(&w.as_str())
        })
}

/// Data phrases listed right before "of" + a contacts phrase are details of those contacts:
/// they are dropped, so that the contacts phrase alone gives the data type.
fn of_contacts(text: &str, taxa: &mut [Hit<Option<DataType>>]) {
    for b in 1..taxa.len() {
        if taxa[b].val != Some(DataType::ContactsFriends) {
            continue;
        }
        let mut a = b - 1;
        if !OF_BEFORE.is_match(&text[taxa[a].end.min(taxa[b].start)..taxa[b].start]) {
            continue;
        }
        loop {
            if taxa[a]
                .val
                .is_some_and(|d| d != DataType::ContactsFriends && d != DataType::PersonalData)
            {
                taxa[a].val = None;
            }
            if a == 0 || !LIST_GAP.is_match(&text[taxa[a - 1].end.min(taxa[a].start)..taxa[a].start]) {
                break;
            }
            a -= 1;
        }
    }
}

/// A verb of watching over people with the people as its object: "does not track users",
/// "tracked viewers without their consent", "spied on journalists", "can locate anyone",
/// "identify individuals". Group 1 is the verb, group 2 the people.
static PEOPLE_WATCHED: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(
        r"(?i)\b(track(?:s|ed|ing)?|locat(?:e|es|ed|ing)|monitor(?:s|ed|ing)?|watch(?:es|ed|ing)?(?:\s+how)?|spy(?:ing)?\s+on|spie[sd]\s+on|surveil(?:s|led|ling)?|identif(?:y|ies|ied|ying)|single[sd]?\s+out|singling\s+out)\s+(?:(?:its|their|the|our|your|all|some|many|individual|other|these|those|(?:millions|thousands|hundreds)\s+of|[\w-]+['’]s?)\s+){0,2}(users?|riders?|drivers?|viewers?|customers?|people|them|him|her|anyone|anybody|everyone|members|shoppers|visitors|subscribers|listeners|players|consumers|employees|workers|staff|children|kids|teens|teenagers|journalists|reporters|patients|you|individuals|iPhones|phones|devices|owners|students|women|men|soldiers)\b",
    )
    .expect("a valid regex: a constant pattern")
});

/// People watched over (`PEOPLE_WATCHED`) stand for their data: a data-type hit on the people
/// word, `location` after "track" and "locate" (tracking people is following where they go),
/// `personal_data` otherwise (compatible with any kind), when no data phrase overlaps it.
/// `taxa` stays sorted by start.
fn people_watched(text: &str, sentences: &[(usize, usize)], taxa: &mut Vec<Hit<Option<DataType>>>) {
    let mut added = Vec::new();
    for &(ss, se) in sentences {
        for c in PEOPLE_WATCHED.captures_iter(&text[ss..se]) {
            let (Some(v), Some(p)) = (c.get(1), c.get(2)) else {
                continue;
            };
            let (start, end) = (ss + p.start(), ss + p.end());
            if taxa.iter().any(|t| t.start < end && start < t.end) {
                continue;
            }
            let verb = v.as_str().to_ascii_lowercase();
            let kind = if verb.starts_with("locat") || verb.starts_with("track") {
                DataType::Location
            } else {
                DataType::PersonalData
            };
            added.push(Hit {
                start,
                end,
                val: Some(kind),
            });
        }
    }
    if !added.is_empty() {
        taxa.extend(added);
        taxa.sort_by_key(|h| h.start);
    }
}

/// Words in a sentence that make its pictures and videos the output of a camera: a device's
/// recordings, not posts ("videos recorded by the car's cameras", "thumbnails from its doorbell").
static CAMERA_WORDS: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(r"(?i)\b(?:cameras?|doorbells?|dashcams?|webcams?|camera-equipped|recorded\s+by|filmed|robot\s+vacuums?|robots?)\b")
        .expect("a valid regex: a constant pattern")
});

/// The picture words of `posts_content` that a camera can produce.
static PICTURE_WORD: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(r"(?i)^(?:[\w'’-]+\s+)?(?:videos?|images?|pictures?|photos?|clips|thumbnails?|thumbnail\s+images|snapshots|footage)$")
        .expect("a valid regex: a constant pattern")
});

/// In a sentence naming a camera (`CAMERA_WORDS`), pictures and videos are `recordings`.
fn camera_images(text: &str, sentences: &[(usize, usize)], taxa: &mut [Hit<Option<DataType>>]) {
    for &(ss, se) in sentences {
        if !CAMERA_WORDS.is_match(&text[ss..se]) {
            continue;
        }
        let a = taxa.partition_point(|h| h.start < ss);
        let b = taxa.partition_point(|h| h.start < se);
        for t in &mut taxa[a..b] {
            if t.val == Some(DataType::PostsContent) && PICTURE_WORD.is_match(&text[t.start..t.end]) {
                t.val = Some(DataType::Recordings);
            }
        }
    }
}

/// Words that make a sentence's conversations spoken: voices, microphones, listening, calls,
/// meetings, voice assistants.
static SPOKEN_WORDS: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(
        r"(?i)\b(?:voices?|voice-\w+|audio|spoken|speak\w*|speech|microphones?|mics?|listen\w*|hear\w*|heard|record|recorded|recording|recordings|transcri\w*|utterances?|calls?|meetings?|Siri|Alexa|Cortana|Assistant|smart\s+speakers?|wake\s+words?|out\s+loud|aloud)\b",
    )
    .expect("a valid regex: a constant pattern")
});

/// Words that make a sentence's conversations written: chats, chatbots, text, messages, prompts,
/// a chat service's name.
static WRITTEN_WORDS: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(
        r"(?i)\b(?:chats?|chatbots?|chatting|typed|typing|texts?|text-based|messages?|messaging|written|prompts?|ChatGPT|Gemini|Bard|Claude|Copilot|My\s+AI|Replika|Telegram|WhatsApp|Messenger|inbox)\b",
    )
    .expect("a valid regex: a constant pattern")
});

/// "conversations" alone (the taxonomy files it under `recordings`) is `private_messages` when
/// its sentence speaks of written exchange and not of speech, or when the sentence says neither
/// and the article speaks of written exchange more often than of speech ("the chatbot keeps
/// conversations", "Conversations selected for review are kept" in a story about a chatbot).
fn written_conversations(text: &str, sentences: &[(usize, usize)], taxa: &mut [Hit<Option<DataType>>]) {
    let bare = |t: &Hit<Option<DataType>>| {
        t.val == Some(DataType::Recordings)
            && matches!(
                text[t.start..t.end].to_ascii_lowercase().as_str(),
                "conversations" | "conversation"
            )
    };
    if !taxa.iter().any(bare) {
        return;
    }
    let article_written = WRITTEN_WORDS.find_iter(text).count() > SPOKEN_WORDS.find_iter(text).count();
    for &(ss, se) in sentences {
        let a = taxa.partition_point(|h| h.start < ss);
        let b = taxa.partition_point(|h| h.start < se);
        if !taxa[a..b].iter().any(bare) {
            continue;
        }
        let sentence = &text[ss..se];
        let written =
            !SPOKEN_WORDS.is_match(sentence) && (WRITTEN_WORDS.is_match(sentence) || article_written);
        if !written {
            continue;
        }
        for t in &mut taxa[a..b] {
            if bare(t) {
                t.val = Some(DataType::PrivateMessages);
            }
        }
    }
}

/// Between a data phrase and a word for people: a preposition of exchange ("messages between",
/// "chats with their").
static EXCHANGE_GAP: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(
        r"(?i)^\s+(?:between|among|amongst|with|from|to)\s+(?:(?:their|your|his|her|its|the|our)\s+)?$",
    )
    .expect("a valid regex: a constant pattern")
});

/// A bare word for people ("friends", "family") right after another kind of data and a
/// preposition of exchange ("private messages between friends") names the people exchanging
/// it: it is dropped, so the data's own kind is the only one.
fn people_after_data(text: &str, taxa: &mut [Hit<Option<DataType>>]) {
    for b in 1..taxa.len() {
        if taxa[b].val != Some(DataType::ContactsFriends)
            || !matches!(
                text[taxa[b].start..taxa[b].end].to_ascii_lowercase().as_str(),
                "friends" | "friend" | "family" | "family members" | "relatives" | "loved ones"
            )
        {
            continue;
        }
        let a = b - 1;
        if taxa[a]
            .val
            .is_some_and(|d| d != DataType::ContactsFriends && d != DataType::PersonalData)
            && taxa[a].end <= taxa[b].start
            && EXCHANGE_GAP.is_match(&text[taxa[a].end..taxa[b].start])
        {
            taxa[b].val = None;
        }
    }
}

/// Between two data phrases of one list: separators (commas, "and", "or", "with their", "along
/// with") and at most a few other short items between them ("names, heights, weights and").
static NAMES_LIST_GAP: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(
        r"(?i)^(?:(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?:(?:their|his|her|its|the)\s+)*[\w'’-]+(?:\s+[\w'’-]+){0,2}?){0,4}(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|with|along\s+with|together\s+with|as\s+well\s+as)\s+)(?:(?:their|his|her|its|the|users['’]|customers['’]|full|real)\s+)*$",
    )
    .expect("a valid regex: a constant pattern")
});

/// After "names of": the people whose names they are ("names of users", "names of the people").
static NAMES_OF_PEOPLE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(
        r"(?i)^\s+of\s+(?:(?:the|its|their|his|her|our|some|all|about|more|than|[\d,.]+|million|thousands?|hundreds?)\s+)*(?:[A-Z][\w'’-]*\s+)*(?:people|persons?|users?|customers?|members?|subscribers?|patients?|children|kids|employees|staff|drivers|riders|individuals|those|everyone|anyone|clients?|voters|students|teachers|men|women|owners|account\s+holders|contacts|friends|callers|senders|recipients|victims|journalists)\b",
    )
    .expect("a valid regex: a constant pattern")
});

/// Right before a profile phrase: a purpose of making it ("is not used to build profiles of",
/// "to create a profile of each user"); a profile a company built or compiled stays its kind.
static PROFILE_MADE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(
        r"(?i)\bto\s+(?:build|create|make|compile|assemble|construct)\s+(?:an?\s+|detailed\s+|their\s+|its\s+)*$",
    )
    .expect("a valid regex: a constant pattern")
});

/// In a sentence: a negation or an example list, where each kind named counts ("did not collect
/// names or card numbers", "information such as names").
static EACH_KIND_COUNTS: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(r"(?i)\b(?:not|no|never|nor|without|such\s+as|including)\b|n['’]t\b")
        .expect("a valid regex: a constant pattern")
});

/// The kinds more specific than a name, which a list's names give way to.
fn specific_beside_names(d: DataType) -> bool {
    matches!(
        d,
        DataType::ContactDetails
            | DataType::Health
            | DataType::Financial
            | DataType::DeviceIdentifiers
            | DataType::BrowsingActivity
            | DataType::Biometric
    )
}

/// `profile_identity` hits that are not a kind of their own: names listed beside a more specific
/// kind ("names, phone numbers and email addresses" is `contact_details`, "their DNA results with
/// their names" is `health`), names of things ("the names of Wi-Fi networks", "the names of the
/// tracks": not people's names) and profiles a purpose builds ("not used to build profiles of
/// its customers' browsing": what is built, not what is used). A sentence with a negation or an
/// example list ("such as names") keeps every kind it names.
fn names_not_a_kind(text: &str, sentences: &[(usize, usize)], taxa: &mut [Hit<Option<DataType>>]) {
    for b in 0..taxa.len() {
        if taxa[b].val != Some(DataType::ProfileIdentity) {
            continue;
        }
        let phrase = text[taxa[b].start..taxa[b].end].to_ascii_lowercase();
        let (start, end) = (taxa[b].start, taxa[b].end);
        if phrase.contains("profile") {
            if PROFILE_MADE.is_match(&text[floor_char(text, start.saturating_sub(40))..start]) {
                taxa[b].val = None;
            }
            continue;
        }
        if !phrase.ends_with("names") {
            continue;
        }
        let after = &text[end..ceil_char(text, (end + 80).min(text.len()))];
        if after.starts_with(" of ") && !NAMES_OF_PEOPLE.is_match(after) {
            taxa[b].val = None;
            continue;
        }
        // A denial or an example list counts each kind it names.
        let si = sentences.partition_point(|&(_, e)| e <= start);
        if sentences
            .get(si)
            .is_some_and(|&(ss, se)| ss <= start && EACH_KIND_COUNTS.is_match(&text[ss..se]))
        {
            continue;
        }
        let listed = |o: &Hit<Option<DataType>>| {
            o.val.is_some_and(specific_beside_names)
                && if o.start >= end {
                    NAMES_LIST_GAP.is_match(&text[end..o.start])
                } else {
                    o.end <= start && NAMES_LIST_GAP.is_match(&text[o.end..start])
                }
        };
        let near: Vec<bool> = taxa
            .iter()
            .filter(|o| o.start + 120 >= start && o.start <= end + 120)
            .map(listed)
            .collect();
        if near.into_iter().any(|x| x) {
            taxa[b].val = None;
        }
    }
}

/// Before a denied verb: the assurance is reported as withdrawn ("Mozilla drops its promise that
/// it will never sell your data", "quietly removed the line saying").
static WITHDRAWN: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(
        r"(?i)\b(?:drops?|dropped|dropping|abandon(?:s|ed|ing)?|scrap(?:s|ped|ping)?|walk(?:s|ed|ing)?\s+back|retract(?:s|ed|ing)?|remov(?:es|ed|ing)|delet(?:es|ed|ing)|rewr(?:ote|ites|itten)|withdr(?:ew|aws|awn))\s+(?:its|a|the|their|his|her|that)\s+(?:[\w-]+\s+){0,2}?(?:promises?|pledges?|vows?|commitments?|claims?|lines?|language|assurances?|statements?|wording|sentences?|passages?)\b",
    )
    .expect("a valid regex: a constant pattern")
});

/// Right before a data phrase: a word saying the data no longer identifies anyone, then at most
/// two more modifiers ("aggregated, anonymized", "de-identified conversation").
static DEIDENTIFIED_BEFORE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(
        r"(?i)(?:^|[^\w-])(?:anonymi[sz]ed|anonymous|de-?identified|aggregated?|pseudonymi[sz]ed|non-identifiable|hashed)((?:,?\s+(?:and\s+)?[\w'’-]+){0,2}?)[,\s]+$",
    )
    .expect("a valid regex: a constant pattern")
});

/// Words that end a modifier run: the data phrase belongs to another noun phrase.
const NOT_MODIFIER: &[&str] = &[
    "the", "a", "an", "its", "their", "his", "her", "our", "your", "of", "to", "with", "from", "for", "by",
    "that", "which", "before", "after", "but", "not", "or", "is", "are", "was", "were",
];

/// Whether the data phrase starting at `start` is called anonymized, aggregated or de-identified.
fn is_deidentified(text: &str, start: usize) -> bool {
    let before = &text[ceil_boundary(text, start.saturating_sub(60))..start];
    let Some(c) = DEIDENTIFIED_BEFORE.captures(before) else {
        return false;
    };
    let negated = before[..c.get(0).map_or(0, |m| m.start())].to_lowercase();
    let gap = c.get(1).map_or("", |m| m.as_str());
    !negated.trim_end().ends_with("not")
        && !gap
            .split(|ch: char| ch == ',' || ch.is_whitespace())
            .any(|w| NOT_MODIFIER.contains(&w.to_lowercase().as_str()))
}

/// Whether the data phrase at `[start, end)` names a document cited as evidence rather than the
/// data a practice is about.
fn is_evidence(ex: &Extractor, text: &str, start: usize, end: usize) -> bool {
    let after = &text[end..floor_boundary(text, (end + 40).min(text.len()))];
    let before = &text[ceil_boundary(text, start.saturating_sub(40))..start];
    ex.re.evidence_after.is_match(after) || ex.re.evidence_before.is_match(before)
}

/// Whether the words between two practice verbs only join them ("collected and sold", "gathers,
/// then sells"), so that they share their object.
fn is_coordinated(gap: &str) -> bool {
    gap.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .all(|w| {
            let w = w.to_ascii_lowercase();
            w.ends_with("ly")
                || matches!(
                    w.as_str(),
                    "and"
                        | "or"
                        | "then"
                        | "also"
                        | "later"
                        | "even"
                        | "to"
                        | "not"
                        | "never"
                        | "had"
                        | "has"
                        | "have"
                        | "was"
                        | "were"
                        | "been"
                        | "is"
                        | "are"
                        | "did"
                        | "does"
                        | "do"
                        | "would"
                        | "could"
                        | "can"
                        | "will"
                )
        })
}

/// Which end of a stretch of text `edge_word` reads.
#[derive(Clone, Copy)]
enum Side {
    First,
    Last,
}

/// The first or last word of `s` (the neighbour of a verb: `s` is the text after or before it),
/// stripped of punctuation and lower-cased; empty when there is none.
fn edge_word(s: &str, side: Side) -> String {
    let mut words = s.split_whitespace();
    let w = match side {
        Side::First => words.next(),
        Side::Last => words.next_back(),
    };
    w.unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_ascii_lowercase()
}

/// Words that, as practice verbs, are also common nouns ("an independent review had found", "a
/// share of the recordings").
fn is_noun_use(verb: &str, before: &str, after: &str) -> bool {
    let v = verb.to_ascii_lowercase();
    if !matches!(
        v.as_str(),
        "review"
            | "reviews"
            | "view"
            | "views"
            | "use"
            | "uses"
            | "share"
            | "shares"
            | "transfer"
            | "transfers"
            | "scan"
            | "scans"
            | "harvest"
            | "track"
            | "purchase"
            | "purchases"
            | "trade"
            | "trades"
            | "sale"
            | "rent"
            | "capture"
            | "leak"
            | "leaks"
            | "access"
    ) {
        return false;
    }
    let next = edge_word(after, Side::First);
    let prev = edge_word(before, Side::Last);
    let pronoun = matches!(
        prev.as_str(),
        "it" | "they" | "we" | "he" | "she" | "i" | "you" | "that" | "which" | "who" | "to"
    );
    let det = matches!(
        prev.as_str(),
        "a" | "an" | "the" | "its" | "their" | "his" | "her" | "our" | "this"
    );
    // The subject of another verb ("the review found"), or "a share of".
    (!pronoun
        && matches!(
            next.as_str(),
            "was"
                | "is"
                | "were"
                | "are"
                | "had"
                | "has"
                | "found"
                | "finds"
                | "showed"
                | "shows"
                | "concluded"
                | "revealed"
                | "determined"
        ))
        || (det && matches!(v.as_str(), "share" | "shares") && next == "of")
}

/// Whether the text between two practice verbs only joins them: a comma, "and", "or", "nor" or
/// the "to" of a purpose ("used to build").
fn is_joined(gap: &str) -> bool {
    let g = gap.trim().to_ascii_lowercase();
    // "cannot browse profiles or download their data": "or" and "nor" carry a negation over an
    // object to the next verb.
    if (g.ends_with(" or") || g.ends_with(" nor") || g.ends_with(", or"))
        && word_count(&g) <= 8
        && !g.contains([';', ':', '.'])
    {
        return true;
    }
    matches!(
        gap.trim().to_ascii_lowercase().as_str(),
        "" | ","
            | "and"
            | "or"
            | "nor"
            | ", and"
            | ", or"
            | ", nor"
            | "to"
            | "or to"
            | "and to"
            | "in order to"
    )
}

/// Words that are practice verbs and also common nouns ("a record fine", "the app store", "its
/// search engine"): after a determiner they are the noun.
fn is_determined_noun(verb: &str, before: &str) -> bool {
    let v = verb.to_ascii_lowercase();
    if !matches!(
        v.as_str(),
        "record"
            | "store"
            | "stores"
            | "log"
            | "logs"
            | "target"
            | "targets"
            | "tap"
            | "search"
            | "train"
            | "training"
            | "archive"
            | "archives"
            | "follow"
            | "profile"
            | "download"
            | "upload"
    ) {
        return false;
    }
    let prev = edge_word(before, Side::Last);
    matches!(
        prev.as_str(),
        "a" | "an"
            | "the"
            | "its"
            | "their"
            | "his"
            | "her"
            | "our"
            | "your"
            | "this"
            | "that"
            | "these"
            | "those"
            | "every"
            | "each"
            | "any"
            | "no"
            | "privacy"
            | "security"
            | "internal"
            | "app"
            | "online"
            | "web"
            | "new"
            | "first"
    )
}

/// Whether a data phrase before `pos` in `[cs, pos)` opens a relative clause ("the data that it
/// sold", "information which was then sold").
fn relative_data_before(cx: &Ctx, cs: usize, pos: usize) -> bool {
    within(&cx.taxa, cs, pos).iter().any(|t| {
        t.val.is_some() && {
            let rest = cx.text[t.end..pos].trim_start().to_ascii_lowercase();
            rest.starts_with("that ") || rest.starts_with("which ")
        }
    })
}

fn party_name(cx: &Ctx, p: Party) -> String {
    match p {
        Party::Company(c) => cx.company_name(c),
        Party::Recipient(r) => cx.ex.recipients[r].clone(),
    }
}

/// A cue that lets a sentence give a claim: a practice verb (`is_trigger`), or a breach's
/// participle or noun, read only by `Ctx::breach_denials`.
fn is_gate(c: Cue) -> bool {
    is_trigger(c) || matches!(c, Cue::Breach(_))
}

fn is_trigger(c: Cue) -> bool {
    matches!(
        c,
        Cue::Share
            | Cue::Give(_)
            | Cue::Permit
            | Cue::Access
            | Cue::Sell
            | Cue::Buy
            | Cue::Collect
            | Cue::Use
            | Cue::Control
            | Cue::NotForSale
            | Cue::ContainsNo
    )
}

/// Whether a company mention names the holder of the data: "Facebook users", "Facebook’s 2
/// billion users", "on Facebook", "users of Facebook".
fn is_holder(ex: &Extractor, text: &str, h: &Hit<Ent>) -> bool {
    let after_end = floor_boundary(text, (h.end + 80).min(text.len()));
    let before_start = ceil_boundary(text, h.start.saturating_sub(48));
    let before = &text[before_start..h.start];
    if ex.re.holder_after.is_match(&text[h.end..after_end]) {
        // "gave Facebook, Snapchat and Pinterest information": without a possessive, the last
        // item of a list is an object and the noun after it the thing given.
        let possessive = text[h.end..].starts_with(['\'', '’']);
        // "the app sent Facebook information": right after a verb of giving, the company is the
        // one given the data.
        if !possessive && is_giving_verb(&edge_word(before, Side::Last)) {
            return false;
        }
        return possessive || !ex.re.list_before.is_match(before);
    }
    // "the company wrote on X", "said in a post on Facebook": the platform where a statement
    // was posted is not the data's holder.
    ex.re.holder_before.is_match(before) && !SAID_ON.is_match(before)
}

/// Whether a verb cue starts with a form of "be" ("is used to").
fn verb_has_aux(verb: &str) -> bool {
    matches!(
        edge_word(verb, Side::First).as_str(),
        "is" | "are" | "was" | "were" | "be" | "been"
    )
}

/// Verbs that take the receiver right after them ("sent Facebook information", "gave Google
/// data").
fn is_giving_verb(w: &str) -> bool {
    matches!(
        w,
        "sent"
            | "send"
            | "sends"
            | "sending"
            | "gave"
            | "give"
            | "gives"
            | "giving"
            | "handed"
            | "hands"
            | "sold"
            | "sell"
            | "sells"
            | "selling"
            | "passed"
            | "passes"
            | "showed"
            | "shows"
            | "offered"
            | "offers"
            | "fed"
            | "feeds"
            | "paid"
            | "pays"
            | "promised"
            | "told"
            | "tells"
    )
}

pub(crate) fn floor_char(s: &str, i: usize) -> usize {
    floor_boundary(s, i)
}

pub(crate) fn ceil_char(s: &str, i: usize) -> usize {
    ceil_boundary(s, i)
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(s: &str, mut i: usize) -> usize {
    while i < s.len() && !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Converts increasing byte offsets to character offsets in one pass.
struct CharOffsets<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
}

impl CharOffsets<'_> {
    fn at(&mut self, byte: usize) -> usize {
        if byte < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        self.chars += self.text[self.byte..byte].chars().count();
        self.byte = byte;
        self.chars
    }
}

fn word_count(s: &str) -> usize {
    s.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// Whether the text after a noun starts a modifier of it (", including ...", "in China", "outside
/// the United States") rather than going on to a new phrase ("and sold it").
fn is_modifier_start(gap: &str) -> bool {
    let g = gap.trim_start();
    let w = g.split_whitespace().next().unwrap_or("").to_lowercase();
    (g.starts_with(',') && !g[1..].trim_start().starts_with("and "))
        || matches!(
            w.as_str(),
            "in" | "at" | "outside" | "inside" | "of" | "from" | "based" | "working"
        )
}

/// Whether the word after a bare "access" makes it a noun.
fn is_noun_next(after: &str) -> bool {
    let w = edge_word(after, Side::First);
    matches!(
        w.as_str(),
        "to" | "was" | "is" | "were" | "are" | "that" | "by" | "for" | "of" | "controls" | "had" | "has"
    )
}

/// Verbs of receiving: their subject got the data from someone else.
fn is_receive(verb: &str) -> bool {
    let w = verb.to_lowercase();
    ["receiv", "obtain", "bought", "buy", "purchas", "got ", "acquir"]
        .iter()
        .any(|p| w.starts_with(p))
}

/// A headline in title case ("Amazon Gave Police Access to Ring Footage"): most of its longer
/// words are capitalised, so a capital says nothing about a word being a name.
/// A quoted span that reads as a title: three words or more, and every word of four letters
/// or more capitalised, at least two of them ("Reading Faces for Fun").
fn is_quoted_title(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    let long: Vec<&&str> = words.iter().filter(|w| w.chars().count() >= 4).collect();
    words.len() >= 3 && long.len() >= 2 && long.iter().all(|w| w.starts_with(char::is_uppercase))
}

fn is_title_case(s: &str) -> bool {
    let long: Vec<&str> = s.split_whitespace().filter(|w| w.chars().count() >= 4).collect();
    let caps = long.iter().filter(|w| w.starts_with(char::is_uppercase)).count();
    long.len() >= 3 && caps * 10 >= long.len() * 6
}

/// Past tense, read from the first word of a verb phrase.
/// Whether the words right before a verb end in a present auxiliary of the passive ("is",
/// "are", "gets"), with at most two adverbs or negations between ("is not", "are never
/// being"): "is collected" speaks of now, though "collected" alone is past.
fn after_present_auxiliary(before: &str) -> bool {
    const BETWEEN: &[&str] = &[
        "not", "never", "only", "also", "still", "always", "being", "now", "ever", "be",
    ];
    // A modal of the present or future ("no one can read", "will be shared") speaks of now,
    // whatever the verb's form ("read" is also a past tense).
    const AUX: &[&str] = &[
        "is", "are", "am", "isn't", "aren't", "isn’t", "aren’t", "gets", "get", "remains", "remain", "can",
        "cannot", "can't", "can’t", "will", "won't", "won’t", "may", "must",
    ];
    for w in before.split_whitespace().rev().take(3) {
        let w = w
            .trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
            .to_lowercase();
        if AUX.contains(&w.as_str()) {
            return true;
        }
        if !BETWEEN.contains(&w.as_str()) {
            return false;
        }
    }
    false
}

fn is_past(verb: &str) -> bool {
    let w = verb.split_whitespace().next().unwrap_or("");
    const IRREGULAR: &[&str] = &[
        "gave", "given", "sold", "sent", "made", "kept", "got", "gotten", "bought", "had", "saw", "seen",
        "fed", "let", "took", "taken", "paid", "held", "told", "read", "led", "found", "won", "built",
    ];
    // An ASCII word is compared without making a lower-cased copy (same answer: its lower-case
    // form is as long and differs only in ASCII letters).
    if w.is_ascii() {
        let b = w.as_bytes();
        return (b.len() > 3 && b[b.len() - 2..].eq_ignore_ascii_case(b"ed"))
            || IRREGULAR.iter().any(|i| i.eq_ignore_ascii_case(w));
    }
    let w = w.to_lowercase();
    (w.ends_with("ed") && w.len() > 3) || IRREGULAR.contains(&w.as_str())
}

impl Ctx<'_> {
    /// The canonical name of company `c`: a lexicon company or one the article introduced.
    pub(crate) fn company_name(&self, c: usize) -> String {
        match self.ex.companies.get(c) {
            Some(name) => name.clone(),
            None => self
                .introduced
                .get(c - self.ex.companies.len())
                .cloned()
                .unwrap_or_default(),
        }
    }

    fn sentence(&mut self, si: usize, outlet: Option<&str>) -> Vec<Draft> {
        self.cur_si = si;
        let (ss, se) = self.sentences[si];
        if !may_claim(&self.cues, &self.taxa, ss, se) {
            // "Some 339 million guest records were affected": a breach report may name no kind
            // of data, only the people or records it belongs to.
            let mut out = Vec::new();
            self.intrusion_reports(si, outlet, &mut out);
            return out;
        }
        // "Senators call for 5G coordinator | Facebook gets questions over location tracking |
        // ...": a page's list of headlines glued into one line is no sentence; its fragments
        // lose their verbs and subjects to each other.
        if is_glued_list(&self.text[ss..se]) {
            return Vec::new();
        }
        // "Sign up for the bundle using the same email as your account": an instruction to the
        // reader (deal pages, how-tos) states no company's practice.
        if READER_INSTRUCTION.is_match(&self.text[ss..se]) {
            return Vec::new();
        }
        // "Does Firefox sell your personal data?": a question asserts and denies nothing.
        if self.text[ss..se]
            .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '"' | '”' | '’' | '\'' | ')'))
            .ends_with('?')
        {
            return Vec::new();
        }
        let s_cues = within(&self.cues, ss, se);
        let hedged = s_cues.iter().any(|c| c.val == Cue::Hedge);
        // Clause bounds: breaks inside the sentence.
        let mut bounds = vec![ss];
        bounds.extend(
            s_cues
                .iter()
                .filter(|c| c.val == Cue::Break && c.start > ss)
                .map(|c| c.start),
        );
        bounds.push(se);
        let mut out = Vec::new();
        let mut prev = Subj::None;
        let mut prev_types = Vec::new();
        for w in bounds.windows(2) {
            prev_types = self.clause(si, w[0], w[1], hedged, outlet, &mut prev, prev_types, &mut out);
        }
        self.breach_denials(si, outlet, &mut out);
        self.intrusion_reports(si, outlet, &mut out);
        out
    }

    /// Reports of a breach or an exposure where another party got at the data
    /// (`intrusion::find`), in an article about a breach or an exposure: each construction
    /// whose data span names data (or the people or records it belongs to) gives an assertion
    /// of access by the intruders, researchers or (data left open) no one named, of the first
    /// kind named (`personal_data` for people or records alone). An assertion the
    /// other rules read inside the construction is dropped, unless it is the same report.
    fn intrusion_reports(&mut self, si: usize, outlet: Option<&str>, out: &mut Vec<Draft>) {
        let (ss, se) = self.sentences[si];
        let text = self.text;
        if !*self.report_story.get_or_init(|| {
            super::breach::BREACH_STORY.is_match(text) || super::intrusion::EXPOSURE_STORY.is_match(text)
        }) {
            return;
        }
        let found = super::intrusion::find(&self.text[ss..se]);
        if found.is_empty() {
            return;
        }
        let recipient = |name: &str| self.ex.recipients.iter().position(|r| r == name);
        for f in found {
            let (fs, fe) = (ss + f.start, ss + f.end);
            let (ds, de) = (ss + f.data.0, ss + f.data.1);
            // A denial read there: the clause is no report.
            if out
                .iter()
                .any(|d| d.polarity == Polarity::Denial && (fs..fe).contains(&d.pos))
            {
                continue;
            }
            // The first kind named (a report's most sensitive kind would meet the denials of
            // what was not taken that the same notice gives: "names and email addresses were
            // taken; no card numbers were").
            let kinds = self.data_types(ds, de);
            let mut people_only = false;
            let dt = if let Some(&k) = kinds.first() {
                k
            } else if super::intrusion::PEOPLE_OR_RECORDS.is_match(&self.text[ds..de]) {
                people_only = true;
                DataType::PersonalData
            } else {
                continue;
            };
            if dt == DataType::Deidentified {
                continue;
            }
            let counterparty = match f.taker {
                super::intrusion::Taker::Intruders => recipient("hackers").map(Party::Recipient),
                super::intrusion::Taker::Researchers => recipient("researchers").map(Party::Recipient),
                super::intrusion::Taker::Open => None,
            };
            let (speaker, quoted) = self.speaker_at(si, fs);
            let sure_topic = self.topic.filter(|&(_, k)| k != Topic::Once).map(|(t, _)| t);
            let Some(actor) = self
                .data_owner(ss, se)
                .or_else(|| self.holder_in(ss, se))
                .or_else(|| self.first_company(ss, se))
                .or(sure_topic)
                .or_else(|| speaker.as_ref().and_then(|s| s.company))
                .or_else(|| self.topic_company())
            else {
                continue;
            };
            // The same report read by the other rules: keep theirs.
            if out.iter().any(|d| {
                d.polarity == Polarity::Assertion
                    && d.action == Action::Access
                    && d.counterparty == counterparty
                    && (fs..fe).contains(&d.pos)
            }) {
                continue;
            }
            out.retain(|d| !(d.polarity == Polarity::Assertion && (fs..fe).contains(&d.pos)));
            let attributed = speaker.is_some();
            let speaker = speaker.map(|s| s.name).or_else(|| outlet.map(str::to_string));
            out.push(Draft {
                actor,
                counterparty,
                data_type: dt,
                action: Action::Access,
                polarity: Polarity::Assertion,
                scope: None,
                speaker,
                pos: fs,
                // ".people": only the people or records reached are named, no kind of data.
                rule: if people_only {
                    format!("{}.people", f.rule)
                } else {
                    f.rule.to_string()
                },
                confidence: if attributed || quoted { 0.75 } else { 0.6 },
            });
        }
    }

    /// Denials of what a breach reached (`breach::find`), in an article about a breach: each
    /// construction whose data span names data (or, for some, the people or systems it belongs
    /// to) gives a denial of access (of use, for a misuse) by the intruders, of each kind named
    /// (`personal_data` for "only ... were taken": the rest is denied). An assertion the other
    /// rules read inside the construction ("No passwords were exposed" read as exposing) is
    /// dropped; a denial they already read there is kept instead.
    fn breach_denials(&mut self, si: usize, outlet: Option<&str>, out: &mut Vec<Draft>) {
        let (ss, se) = self.sentences[si];
        // The article test first: it is read once per article, `find` once per sentence.
        let text = self.text;
        if !*self
            .breach_story
            .get_or_init(|| super::breach::BREACH_STORY.is_match(text))
        {
            return;
        }
        let found = super::breach::find(&self.text[ss..se]);
        if found.is_empty() {
            return;
        }
        let hackers = self.ex.recipients.iter().position(|r| r == "hackers");
        for f in found {
            let (fs, fe) = (ss + f.start, ss + f.end);
            let (ds, de) = (ss + f.data.0, ss + f.data.1);
            if out
                .iter()
                .any(|d| d.polarity == Polarity::Denial && (fs..fe).contains(&d.pos))
            {
                continue;
            }
            let named = within(&self.taxa, ds, de).iter().any(|t| t.val.is_some());
            // A list of kinds in a breach denial ("Social Security numbers, bank account numbers
            // or card numbers were not taken") gives one claim, of its most sensitive kind.
            let dtypes = if f.rule == "deny.breach.only" {
                vec![DataType::PersonalData]
            } else if named {
                let kinds = self.data_types(ds, de);
                let first = BREACH_SENSITIVITY
                    .iter()
                    .find(|k| kinds.contains(k))
                    .or(kinds.first())
                    .copied();
                first.into_iter().collect()
            } else if (f.holders_ok && BREACH_HOLDERS.is_match(&self.text[ds..de]))
                || f.rule == "deny.breach.no_breach"
            {
                vec![DataType::PersonalData]
            } else {
                continue;
            };
            let (speaker, quoted) = self.speaker_at(si, fs);
            // The breached company: the data's holder, a company the sentence names, the
            // article's company when the article is surely about it, the speaker's.
            let sure_topic = self.topic.filter(|&(_, k)| k != Topic::Once).map(|(t, _)| t);
            let Some(actor) = self
                .data_owner(ss, se)
                .or_else(|| self.holder_in(ss, se))
                .or_else(|| self.first_company(ss, se))
                .or(sure_topic)
                .or_else(|| speaker.as_ref().and_then(|s| s.company))
                .or_else(|| self.topic_company())
            else {
                continue;
            };
            out.retain(|d| !(d.polarity == Polarity::Assertion && (fs..fe).contains(&d.pos)));
            let attributed = speaker.is_some();
            let speaker = speaker.map(|s| s.name).or_else(|| outlet.map(str::to_string));
            let scope = if f.present {
                DenialScope::Present
            } else {
                DenialScope::Past
            };
            for dt in dtypes {
                out.push(Draft {
                    actor,
                    counterparty: hackers.map(Party::Recipient),
                    data_type: dt,
                    action: f.action,
                    polarity: Polarity::Denial,
                    scope: Some(scope),
                    speaker: speaker.clone(),
                    pos: fs,
                    rule: f.rule.to_string(),
                    confidence: if attributed || quoted { 0.8 } else { 0.65 },
                });
            }
        }
    }

    /// The data types named in `[start, end)`: the specific ones if any, else personal_data.
    fn data_types(&self, start: usize, end: usize) -> Vec<DataType> {
        let mut specific = Vec::new();
        let mut generic = false;
        for t in within(&self.taxa, start, end) {
            match t.val {
                Some(DataType::PersonalData) => generic = true,
                Some(d) if !specific.contains(&d) => specific.push(d),
                _ => {}
            }
        }
        if specific.is_empty() && generic {
            specific.push(DataType::PersonalData);
        }
        specific
    }

    /// Where a relative clause about people ("whose", "who", "whom") starts in `[start, end)`,
    /// when a data phrase comes before it: the kinds named inside it describe the people, not
    /// the data ("personal information about the customers whose clips they hear").
    fn person_relative(&self, start: usize, end: usize) -> Option<usize> {
        PERSON_RELATIVE
            .find(&self.text[start..end])
            .map(|m| start + m.start())
            .filter(|&cut| !self.data_types(start, cut).is_empty())
    }

    /// The data types of the practice reported by verb `cl[i]`: one claim per practice, so a
    /// list of kinds in the verb's object (up to the next practice verb of the clause: "sent
    /// names, phone numbers and email addresses") gives its first kind. A purpose after the
    /// object names what the data was made into, a practice of its own ("scraped photos to build
    /// its faceprint database"): its kinds are kept too. A verb with no specific kind in its
    /// object ("sold them", "was shared by X") takes the clause's kinds (`clause`).
    fn verb_types(&self, cl: &[Hit<Cue>], i: usize, ce: usize, clause: &[DataType]) -> Vec<DataType> {
        let v = cl[i];
        // The next practice verb from `from`, not one inside a data phrase ("viewing habits").
        let next_verb = |from: usize| {
            cl[i + 1..]
                .iter()
                .filter(|c| is_trigger(c.val) && c.start >= from)
                .find(|c| {
                    !within(
                        &self.taxa,
                        ceil_boundary(self.text, c.start.saturating_sub(40)),
                        ce,
                    )
                    .iter()
                    .any(|t| t.val.is_some() && t.start <= c.start && c.end <= t.end)
                })
                .map_or(ce, |c| c.start)
        };
        let next = next_verb(v.end);
        // A purpose right after the object: its verb may itself be a practice verb ("to train").
        let purpose = purpose_at(&self.text[v.end..ce])
            .map(|(s, e)| (v.end + s, v.end + e))
            .filter(|&(s, _)| s < next);
        let own_end = purpose.map_or(next, |(s, _)| s);
        // A relative clause about people after a data phrase ends the object: its kinds are not
        // the object's ("given personal information about the customers whose clips they hear").
        let cut = self.person_relative(v.end, own_end);
        let own_end = cut.unwrap_or(own_end);
        let mut own = self.listed_kinds(v.end, own_end);
        if own.is_empty() {
            // Only a generic phrase before the relative clause: it is personal data.
            return if cut.is_some() {
                vec![DataType::PersonalData]
            } else {
                clause.to_vec()
            };
        }
        if let Some((s, e)) = purpose {
            for d in self.data_types(s, next_verb(e)) {
                if d != DataType::PersonalData && !own.contains(&d) {
                    own.push(d);
                }
            }
        }
        own
    }

    /// The specific kinds of a verb's object in `[start, end)`: the first specific kind, and
    /// every kind coordinated with it in one list ("names, e-mail addresses and card numbers",
    /// "location data as well as device identifiers", "health data, including ...") — each member
    /// joined to the one before by a comma, a coordinator or an example word (`is_list_gap`).
    /// A kind after a preposition ("identifiers from photos", "names with their faces removed",
    /// "videos in private chats") or a relative clause is not a member: it says where the data
    /// came from or what it went with.
    fn listed_kinds(&self, start: usize, end: usize) -> Vec<DataType> {
        let hits = within(&self.taxa, start, end);
        let mut own = Vec::new();
        // The end of the last member, and whether it was a phrase dropped as the details of
        // the next one ("the phone numbers of their contacts": `of_contacts`).
        let mut last: Option<(usize, bool)> = None;
        let mut last_start = usize::MAX;
        for t in hits {
            match (last, t.val) {
                (None, None | Some(DataType::PersonalData)) => continue,
                (None, _) => {}
                // Several kinds at one span: a pronoun standing for a list (`anaphora.rs`).
                (Some(_), _) if t.start == last_start => {}
                (Some((e, _)), _) if t.start < e => continue,
                (Some((e, true)), _) if OF_BEFORE.is_match(&self.text[e..t.start]) => {}
                (Some((e, _)), _) if !is_list_gap(&self.text[e..t.start]) => break,
                _ => {}
            }
            last = Some((t.end, t.val.is_none()));
            last_start = t.start;
            if let Some(d) = t.val.filter(|&d| d != DataType::PersonalData) {
                if !own.contains(&d) {
                    own.push(d);
                }
            }
        }
        own
    }

    /// The first company mentioned as the data's holder in `[start, end)`.
    fn holder_in(&self, start: usize, end: usize) -> Option<usize> {
        let a = self.ents.partition_point(|h| h.start < start);
        self.ents[a..]
            .iter()
            .zip(&self.holders[a..])
            .take_while(|(h, _)| h.start < end)
            .find_map(|(h, &is_h)| match h.val {
                Ent::Company(c) if is_h => Some(c),
                _ => None,
            })
    }

    /// Whose users a breach reached, when the sentence says it with "its" or "their" ("Signal
    /// said about 1,900 of its users' phone numbers were exposed in the breach at Twilio"): the
    /// company "its" stands for — the last company named before it in the sentence that is no
    /// place of the breach ("at Twilio", "the Twilio breach", "through its vendor Twilio") nor a
    /// preposition's object. A vendor's own customers stay the vendor's ("Twilio said the
    /// attackers reached 125 of its customers").
    fn users_owner(&self, ss: usize, se: usize) -> Option<usize> {
        let m = ITS_USERS.find(&self.text[ss..se])?;
        let at = ss + m.start();
        let a = self.ents.partition_point(|h| h.start < ss);
        let b = self.ents.partition_point(|h| h.start < at);
        (a..b).rev().find_map(|j| {
            let h = &self.ents[j];
            let c = match h.val {
                Ent::Company(c) => c,
                Ent::Person(p) => self.ex.people[p].1?,
                _ => return None,
            };
            (!self.is_preposition_object(h.start) && !self.breach_site(j, ss, se)).then_some(c)
        })
    }

    /// The owner of the data a breach sentence names: the data's holder ("Peloton users'",
    /// "customers of Peloton") that is not the place of the breach ("the attack on Twilio",
    /// read as a holder by "on"), else whose users "its users'" are (`users_owner`).
    fn data_owner(&self, ss: usize, se: usize) -> Option<usize> {
        let a = self.ents.partition_point(|h| h.start < ss);
        let b = self.ents.partition_point(|h| h.start < se);
        (a..b)
            .find_map(|j| match self.ents[j].val {
                Ent::Company(c) if self.holders[j] && !self.breach_site(j, ss, se) => Some(c),
                _ => None,
            })
            .or_else(|| self.users_owner(ss, se))
    }

    /// Whether company mention `j` (in the sentence `[ss, se)`) is the place of a breach: "the
    /// breach at Twilio", "an attack on Twilio", "the Twilio breach", "through its vendor Twilio".
    fn breach_site(&self, j: usize, ss: usize, se: usize) -> bool {
        let h = &self.ents[j];
        let from = ceil_char(self.text, h.start.saturating_sub(40).max(ss));
        let to = floor_char(self.text, (h.end + 30).min(se).max(h.end));
        BREACH_SITE_BEFORE.is_match(&self.text[from..h.start])
            || BREACH_SITE_AFTER.is_match(&self.text[h.end..to])
    }

    /// The first company named in `[start, end)` (a person counts as their company).
    fn first_company(&self, start: usize, end: usize) -> Option<usize> {
        within(&self.ents, start, end).iter().find_map(|h| match h.val {
            Ent::Company(c) => Some(c),
            Ent::Person(p) => self.ex.people[p].1,
            _ => None,
        })
    }

    /// Whether a data phrase (or a pronoun standing for one) follows a verb in `[start, end)`.
    fn data_after(&self, start: usize, end: usize) -> bool {
        within(&self.taxa, start, end).iter().any(|t| t.val.is_some())
            || self.ex.re.anaphor.is_match(&self.text[start..end])
            || self.ex.re.object_no.is_match(&self.text[start..end])
            || self.text[start..end]
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| matches!(w, "any" | "anything" | "everything" | "all"))
    }

    /// The first company in `[start, end)` other than `not` (a person counts as their company).
    fn other_company(&self, start: usize, end: usize, not: usize) -> Option<usize> {
        within(&self.ents, start, end).iter().find_map(|h| match h.val {
            Ent::Company(c) if c != not => Some(c),
            Ent::Person(p) => self.ex.people[p].1.filter(|&c| c != not),
            _ => None,
        })
    }

    /// The article's topic company as the implied actor of a sentence in `[ss, se)` that names
    /// none, when the sentence gives a reason to read it as that company's practice: it names the
    /// topic company (or one of its products), speaks of the people whose data it is ("users",
    /// "a customer's", "patients") or refers to a company ("the company", "the app", "a
    /// spokeswoman"). A sentence about data that does neither ("Emails were sent", "the
    /// information below", "your location") is not the topic company's: on pages that are not
    /// about it (a share bar's "Twitter", a passing mention) it would make claims out of any
    /// sentence with "data" or "messages" in it.
    ///
    /// A company named only once in the whole text stands in only for the sentence that names it.
    fn implied_topic(&self, ss: usize, se: usize) -> Option<usize> {
        let (t, kind) = self.topic?;
        let anchored = || kind != Topic::Once && IMPLIED_ANCHOR.is_match(&self.text[ss..se]);
        (self.named_in(t, ss, se) || anchored()).then_some(t)
    }

    /// The article's topic company, however it was found.
    fn topic_company(&self) -> Option<usize> {
        self.topic.map(|(t, _)| t)
    }

    /// `implied_topic`, unless the topic company is one of the objects.
    fn topic_for(&self, objects: &[Party], ss: usize, se: usize) -> Option<usize> {
        self.implied_topic(ss, se)
            .filter(|&t| !objects.contains(&Party::Company(t)))
    }

    /// The subject of a verb at `vpos` in a clause starting at `cs`.
    fn subject(&self, cs: usize, vpos: usize, prev: Subj) -> Subj {
        let region = &self.text[cs..vpos];
        let a = self.ents.partition_point(|h| h.start < cs);
        let b = self.ents.partition_point(|h| h.start < vpos);
        let last = (a..b).rev().find_map(|j| {
            let h = &self.ents[j];
            // "Much like Apple and Google, we paused": a company named for comparison is not
            // the subject.
            let before = &self.text[ceil_boundary(self.text, h.start.saturating_sub(40))..h.start];
            if COMPARISON_BEFORE.is_match(before) {
                return None;
            }
            let p = match h.val {
                Ent::Company(c) if !self.holders[j] => Party::Company(c),
                // A recipient is the subject only right before the verb ("police accessed").
                // Or with a short modifier between ("employees outside the United States, including
                // some in China, can access").
                Ent::Recipient(r)
                    if self.ex.re.aux_only.is_match(&self.text[h.end..vpos])
                        || (is_modifier_start(&self.text[h.end..vpos])
                            && word_count(&self.text[h.end..vpos]) <= 10
                            && !self.ex.re.gap_blocker.is_match(&self.text[h.end..vpos])
                            && !within(&self.ents, h.end, vpos)
                                .iter()
                                .any(|e| matches!(e.val, Ent::Company(_) | Ent::Recipient(_)))) =>
                {
                    Party::Recipient(r)
                }
                Ent::Person(p) => Party::Company(self.ex.people[p].1?),
                _ => return None,
            };
            Some((h.end, p, h.start))
        });
        // "had no agreement with Clarifai and that it does not sell": a pronoun subject after a
        // company named as a preposition's object stands for an earlier subject.
        if let (Some((end, _, start)), Some(m)) = (last, self.ex.re.pronoun_subject.find(region)) {
            if cs + m.start() >= end && self.is_preposition_object(start) {
                if let Some(c) = self.recent_subject_company(cs + m.start()) {
                    return Subj::Party(Party::Company(c), true);
                }
            }
        }
        let last = last.map(|(end, p, _)| (end, p));
        // "Our platform does not ...", "our app never": the first person plural as well.
        let we = self
            .ex
            .re
            .we
            .find_iter(region)
            .last()
            .map(|m| cs + m.start())
            .or_else(|| self.ex.re.our_subject.find(region).map(|m| cs + m.start()));
        match (last, we) {
            (Some((_, p)), None) => return Subj::Party(p, false),
            (Some((end, p)), Some(w)) if end > w => return Subj::Party(p, false),
            (_, Some(_)) => return Subj::We,
            _ => {}
        }
        if self.ex.re.pronoun_subject.is_match(region) {
            // "it" and "the company": the actor of a claim in this or the last sentence, else the
            // last company named before as a subject (not "with Clarifai").
            if let Some((c, si)) = self.last_actor {
                if si + 1 >= self.cur_si {
                    return Subj::Party(Party::Company(c), true);
                }
            }
            if let Some(c) = self.recent_subject_company(cs) {
                return Subj::Party(Party::Company(c), true);
            }
        }
        prev
    }

    /// Polarity of the verb `cl[i]`: (polarity, scope, rule name).
    /// `None` when a block cue ("whether", "denied a request to") governs the verb.
    fn polarity(
        &self,
        cl: &[Hit<Cue>],
        i: usize,
        cs: usize,
        ce: usize,
    ) -> Option<(Polarity, Option<DenialScope>, &'static str)> {
        let r = self.polarity_inner(cl, i, cs, ce)?;
        // "had deleted all the address books", "is discarded at once": data not kept, an
        // assurance; "did not delete" reports data kept. A deletion ordered, promised or left to
        // users ("must delete", "agreed to delete", "users can delete their data") is no practice.
        let verb = &self.text[cl[i].start..cl[i].end];
        if DELETION.is_match(verb) {
            let before = &self.text[cs..cl[i].start];
            if DELETION_NO_PRACTICE.is_match(before) {
                return None;
            }
            // "after its app was deleted", "deleted their accounts": what is deleted is an app
            // or an account, not data kept about people.
            if NOT_DATA_DELETED_BEFORE.is_match(before)
                || NOT_DATA_DELETED_AFTER.is_match(&self.text[cl[i].end..ce])
            {
                return None;
            }
            return Some(match r.0 {
                Polarity::Denial => (Polarity::Assertion, None, "assert.not_deleted"),
                // Deleted data is not held from then on: the denial speaks for the present.
                Polarity::Assertion => (Polarity::Denial, Some(DenialScope::Present), "deny.deleted"),
            });
        }
        // "dropped its promise that it would never sell": a withdrawn assurance is none.
        if r.0 == Polarity::Denial && WITHDRAWN.is_match(&self.text[cs..cl[i].start]) {
            return None;
        }
        // "not ... unless the user agreed", "no footage is shared without their consent": a
        // denial with a condition, contradicted only where the condition is said to be missing.
        if r.0 == Polarity::Denial
            && r.2 != "deny.only_with_consent"
            && self.ex.re.qualified.is_match(&self.text[cl[i].end..ce])
        {
            return Some((r.0, r.1, "deny.qualified"));
        }
        Some(r)
    }

    fn polarity_inner(
        &self,
        cl: &[Hit<Cue>],
        i: usize,
        cs: usize,
        ce: usize,
    ) -> Option<(Polarity, Option<DenialScope>, &'static str)> {
        let v = &cl[i];
        // "does not listen to, view or keep", "never stored or used", "is not used to build
        // profiles": a verb joined to the practice verb right before it shares its polarity.
        if let Some(k) = (0..i).rev().find(|&k| is_trigger(cl[k].val)) {
            if cl[k + 1..i]
                .iter()
                .all(|c| !matches!(c.val, Cue::Neg(_) | Cue::DenyVerb | Cue::Neutral | Cue::Block))
                && is_joined(&self.text[cl[k].end..v.start])
            {
                return self.polarity_inner(cl, k, cs, ce);
            }
        }
        let verb = &self.text[v.start..v.end];
        // "location data is collected only when", "are not shared": a participle after a
        // present auxiliary speaks of now.
        let tensed = if is_past(verb) && !after_present_auxiliary(&self.text[..v.start]) {
            DenialScope::Past
        } else {
            DenialScope::Present
        };
        for j in (0..i).rev() {
            let c = &cl[j];
            let gap = &self.text[c.end..v.start];
            match c.val {
                Cue::Neutral => break,
                Cue::Block => return None,
                Cue::Neg(kind) => {
                    let cue = self.text[c.start..c.end].to_lowercase();
                    // "about disclosure, not about selling names", "on selling hardware, not on
                    // collecting data": a contrast of topics, neither a denial nor a report.
                    if cue == "not"
                        && self.text[cs..c.start].trim_end().ends_with(',')
                        && CONTRAST_PREP.is_match(gap)
                    {
                        return None;
                    }
                    // "No member's location has ever been sold", "no recording is kept": a negated
                    // subject right before a passive or a tensed verb.
                    // The same with the other negated determiners and pronouns: "nobody's
                    // contacts are sold", "none of the recordings it keeps is shared", "no one at
                    // the company can read", "not a single rider's location was handed over".
                    let no_subject = match cue.as_str() {
                        "no" | "none of" => {
                            NO_SUBJECT.is_match(gap) || (cue == "none of" && NONE_OF_SUBJECT.is_match(gap))
                        }
                        "nobody" | "no one" | "no-one" => {
                            let rest = gap
                                .strip_prefix("'s")
                                .or_else(|| gap.strip_prefix("’s"))
                                .unwrap_or(gap);
                            NO_SUBJECT.is_match(rest)
                        }
                        "not" => {
                            NOT_ONE_SUBJECT.is_match(gap) && NOT_ONE_BEFORE.is_match(&self.text[cs..c.start])
                        }
                        _ => false,
                    };
                    if no_subject
                        || (cue == "nothing"
                            && (NOTHING_SUBJECT.is_match(gap)
                                // The verb cue may carry the auxiliary ("is used to").
                                || (NOTHING_SUBJECT.is_match(&format!("{gap}is "))
                                    && verb_has_aux(&self.text[v.start..v.end]))))
                    {
                        let scope = if gap.to_ascii_lowercase().contains(" ever ") {
                            DenialScope::Always
                        } else {
                            tensed
                        };
                        return Some((Polarity::Denial, Some(scope), "deny.no_subject"));
                    }
                    // "information the service did not need and passed to Facebook": the
                    // negation belongs to another verb, joined to the practice verb by "and".
                    if OTHER_VERB_JOINED.is_match(gap) {
                        break;
                    }
                    // "no one but the sender and the recipient can read": the exception's noun
                    // phrase stands between the negation and the verb.
                    let exception = cue.starts_with("no one ") || cue.starts_with("nobody ");
                    let max = if exception {
                        8
                    } else if kind == NegKind::Always {
                        5
                    } else {
                        3
                    };
                    // "did not involve any finding that it had shared", "has not seen evidence
                    // that data was sold": what is negated is a finding about the practice, so
                    // the sentence neither reports nor denies the practice itself.
                    if word_count(gap) <= 16 && NEGATED_FINDING.is_match(gap) {
                        return None;
                    }
                    if word_count(gap) > max || self.ex.re.gap_blocker.is_match(gap) {
                        break;
                    }
                    return Some(match kind {
                        NegKind::Always if cue.contains("no time") => {
                            (Polarity::Denial, Some(DenialScope::Always), "deny.at_no_time")
                        }
                        NegKind::Always => (Polarity::Denial, Some(DenialScope::Always), "deny.never"),
                        NegKind::Present => (
                            Polarity::Denial,
                            Some(DenialScope::Present),
                            "deny.present_negation",
                        ),
                        NegKind::Past => (Polarity::Denial, Some(DenialScope::Past), "deny.past_negation"),
                        NegKind::Tensed => (Polarity::Denial, Some(tensed), "deny.negation"),
                    });
                }
                Cue::DenyVerb => {
                    let dv = self.text[c.start..c.end].to_lowercase();
                    // "found no evidence that any developer knew of the bug or misused the data":
                    // a finding of nothing covers the whole clause after it.
                    let nothing_found = dv.starts_with("no ")
                        || dv.starts_with("found no")
                        || dv.starts_with("not aware")
                        || dv.starts_with("unaware");
                    if nothing_found {
                        if word_count(gap) > 16 {
                            break;
                        }
                    } else if word_count(gap) > 6 || self.ex.re.deny_blocker.is_match(gap) {
                        break;
                    }
                    let scope = if is_past(&dv) { DenialScope::Past } else { tensed };
                    return Some((Polarity::Denial, Some(scope), "deny.denied"));
                }
                _ => {}
            }
        }
        // "gathers no precise GPS data", "gave it no access".
        let after = &self.text[v.end..ce];
        if let Some(m) = self.ex.re.object_no.find(after) {
            // "publishes no list of the networks": what is withheld is not the data.
            let next = edge_word(&after[m.end()..], Side::First);
            let not_data = matches!(
                next.as_str(),
                "longer"
                    | "list"
                    | "lists"
                    | "comment"
                    | "explanation"
                    | "reason"
                    | "answer"
                    | "word"
                    | "timeline"
                    | "estimate"
                    | "figure"
                    | "figures"
                    | "number"
                    | "numbers"
                    | "plan"
                    | "plans"
                    | "indication"
                    | "sign"
                    | "details"
                    // "handed over not one but two files": a count, not a denial.
                    | "but"
            );
            if next != "longer" && not_data {
                return None;
            }
            if !not_data {
                return Some((Polarity::Denial, Some(tensed), "deny.object_no"));
            }
        }
        if cl.iter().any(|c| c.val == Cue::Falsity) {
            return Some((Polarity::Denial, Some(tensed), "deny.untrue"));
        }
        if self.ex.re.consent.find(&self.text[cs..ce]).is_some_and(|m| {
            // "trains its AI on such recordings, and it asks account holders to get permission
            // before recording": a condition in a clause of its own, with its own subject, is
            // not the practice's.
            if cs + m.start() > v.end && OWN_CLAUSE.is_match(&self.text[v.end..cs + m.start()]) {
                return false;
            }
            // "Protected tweets, which only approved followers can see, may have gone": a
            // relative clause describing the data, closed before the verb, sets no condition
            // on it.
            let relative = RELATIVE_OPEN.is_match(&self.text[cs..cs + m.start()])
                && cs + m.end() <= v.start
                && self.text[cs + m.end()..v.start].contains(',');
            !relative
        }) {
            return Some((Polarity::Denial, Some(tensed), "deny.only_with_consent"));
        }
        // "the clips are stripped of account identifiers before contractors hear them": what
        // identifies people is removed before the practice, an assurance.
        if REMOVED_BEFORE.is_match(&self.text[cs..ce]) {
            // A condition, as in "only with consent": contradicted only where it was missing.
            return Some((Polarity::Denial, Some(tensed), "deny.qualified.removed_first"));
        }
        // "kept people's information from being used for anything else": the practice is
        // prevented.
        if PREVENTED.is_match(&self.text[cs..v.start]) {
            return Some((Polarity::Denial, Some(tensed), "deny.prevented"));
        }
        // "location would be used only to provide forecasts", "listens only for commands": a
        // purpose the practice is limited to is an assurance, unless a past act is reported
        // with its purpose ("Amazon had used the information only to build its features").
        // The object between may be long ("the address book to our servers only to"), but not
        // a second verb phrase ("keep it private and use it only to").
        let purpose_only = PURPOSE_ONLY.captures(after).is_some_and(|c| {
            let gap = c.get(1).map_or("", |m| m.as_str());
            word_count(gap) <= 3
                || !gap
                    .split_whitespace()
                    .any(|w| matches!(w.to_ascii_lowercase().as_str(), "and" | "or" | "but" | "then"))
        });
        if purpose_only && (self.ex.re.passive.is_match(&self.text[cs..v.start]) || !is_past(verb)) {
            // "is used only to": a present passive speaks for the present.
            let scope = if PRESENT_PASSIVE.is_match(&self.text[cs..v.start]) {
                DenialScope::Present
            } else {
                tensed
            };
            return Some((Polarity::Denial, Some(scope), "deny.only_for_purpose"));
        }
        // "only accesses basic profile information", "would only track location while it is
        // open", "turns over data only when it receives an order", "collected only their phone
        // number", "the only information it collected was": the practice is stated with the
        // limit it keeps to, an assurance (contradicted where more was taken).
        // A condition ("only when", "only while") is read as in "only with consent": the
        // denial is contradicted only where the condition is said to be missing.
        // "uses only public data, not direct messages, to train": the kinds after "not" are
        // denied.
        if ONLY_NOT.is_match(after) {
            return Some((Polarity::Denial, Some(tensed), "deny.only_not"));
        }
        if let Some(rule) = self.only_limit(cs, v.start, v.end, after) {
            return Some((Polarity::Denial, Some(tensed), rule));
        }
        Some((Polarity::Assertion, None, "assert"))
    }

    /// Whether "only" limits the practice verb starting at byte `vs` (clause from `cs`; `after`
    /// is the clause after the verb): right before it ("only accesses", "is only collected"),
    /// as "the only <data> it <verb>", or after it with a condition or an object ("only when",
    /// "only in response to", "collected only their number"). Not "not only", and not a
    /// condition past a second verb phrase ("shares data, but only after"). The rule name:
    /// `deny.qualified.only_when` for a condition, `deny.only_limit` for a limited object.
    fn only_limit(&self, cs: usize, vs: usize, ve: usize, after: &str) -> Option<&'static str> {
        let before = &self.text[cs..vs];
        // Every pattern below needs the word "only": most clauses have none, and a byte search
        // for it is far cheaper than the patterns (8% of claim time on dense text).
        let has_only = |s: &str| s.as_bytes().windows(4).any(|w| w.eq_ignore_ascii_case(b"only"));
        let only_before = has_only(before);
        if !only_before && !has_only(after) {
            return None;
        }
        if let Some(c) = only_before.then(|| ONLY_BEFORE_VERB.captures(before)).flatten() {
            let prev = c.get(1).map_or("", |m| m.as_str()).trim().to_ascii_lowercase();
            if prev != "not" && prev != "if" {
                // "would only track their location while it was open": a condition after it,
                // which may open a clause of its own (the pattern stops at a full stop).
                let tail = &self.text[ve..floor_boundary(self.text, (ve + 160).min(self.text.len()))];
                let condition = CONDITION_AFTER.captures(tail).is_some_and(|c| {
                    !c.get(1)
                        .map_or("", |m| m.as_str())
                        .split_whitespace()
                        .any(|w| matches!(w.to_ascii_lowercase().as_str(), "and" | "or" | "but" | "that"))
                });
                return Some(if condition {
                    "deny.qualified.only_when"
                } else {
                    "deny.only_limit"
                });
            }
        }
        if only_before && THE_ONLY_BEFORE.is_match(before) {
            return Some("deny.only_limit");
        }
        let c = ONLY_AFTER_VERB.captures(after)?;
        let gap = c.get(1).map_or("", |m| m.as_str());
        if gap.contains(',')
            || gap.split_whitespace().any(|w| {
                matches!(
                    w.to_ascii_lowercase().as_str(),
                    "and" | "or" | "but" | "then" | "not"
                )
            })
        {
            return None;
        }
        let limit = c.get(2).map_or("", |m| m.as_str());
        Some(if ONLY_OBJECT.is_match(limit) {
            "deny.only_limit"
        } else {
            "deny.qualified.only_when"
        })
    }

    /// The speaker for a statement at byte `pos` of sentence `si`.
    fn speaker_at(&mut self, si: usize, pos: usize) -> (Option<Speaker>, bool) {
        if let Some(q) = self.quote_at(pos) {
            return (self.quote_speaker(q), true);
        }
        (self.sentence_speaker(si), false)
    }

    /// Whether company `c` is named in `[from, to)` right after "with" or "to": the receiver.
    fn receiver_after(&self, c: usize, from: usize, to: usize) -> bool {
        within(&self.ents, from, to).iter().any(|h| {
            h.val == Ent::Company(c)
                && RECEIVER_BEFORE
                    .is_match(&self.text[ceil_boundary(self.text, h.start.saturating_sub(12))..h.start])
        })
    }

    #[allow(clippy::too_many_arguments)]
    fn clause(
        &mut self,
        si: usize,
        cs: usize,
        ce: usize,
        hedged: bool,
        outlet: Option<&str>,
        prev: &mut Subj,
        prev_types: Vec<DataType>,
        out: &mut Vec<Draft>,
    ) -> Vec<DataType> {
        let mut dtypes = self.data_types(cs, ce);
        let cl: Vec<Hit<Cue>> = within(&self.cues, cs, ce).to_vec();
        if !cl.iter().any(|c| is_trigger(c.val)) {
            return dtypes;
        }
        let (ss, se) = self.sentences[si];
        // "... collected location data but also shared it": the data of the clause before.
        if dtypes.is_empty() && self.ex.re.anaphor.is_match(&self.text[cs..ce]) {
            dtypes = prev_types;
        }
        let holder = self.holder_in(cs, ce).or_else(|| self.holder_in(ss, se));
        let mut consumed = vec![false; cl.len()];
        for i in 0..cl.len() {
            if consumed[i] {
                continue;
            }
            let v = cl[i];
            // A verb after an assurance of control in the same clause belongs to its object:
            // "users are in control of what information we collect" reports no collection.
            if cl[..i].iter().any(|c| c.val == Cue::Control) {
                continue;
            }
            // A capitalised verb inside a sentence is part of a name ("Street View", "Share
            // iPhone Analytics"), not a verb.
            // (The sentence-wide title-case test runs last: it is the costly one.)
            if v.start > ss
                && self.text[v.start..v.end].starts_with(|c: char| c.is_uppercase())
                && !self.text[ss..v.start]
                    .trim_end()
                    .ends_with(['"', '“', '‘', '(', ':'])
                && !is_title_case(&self.text[ss..se])
            {
                continue;
            }
            // A capitalised verb opening a quoted title ("a test called “Reading the Mind in the
            // Eyes”") is part of the title.
            if v.start > ss && self.text[v.start..v.end].starts_with(|c: char| c.is_uppercase()) {
                let tail = &self.text[v.start..floor_boundary(self.text, (v.start + 100).min(se))];
                if let Some(q) = tail.find(['”', '"']) {
                    if is_quoted_title(&tail[..q]) {
                        continue;
                    }
                }
            }
            // A verb inside a data phrase is part of the noun ("viewing history").
            if within(
                &self.taxa,
                ceil_boundary(self.text, v.start.saturating_sub(40)),
                ce,
            )
            .iter()
            .any(|t| t.val.is_some() && t.start <= v.start && v.end <= t.end)
            {
                continue;
            }
            let next_access = |consumed: &[bool]| {
                (i + 1..cl.len()).find(|&j| {
                    !consumed[j]
                        && (cl[j].val == Cue::Access
                            // "lets Microsoft's trackers collect data": a let-verb gives access.
                            || (v.val == Cue::Permit
                                && cl[j].val == Cue::Collect
                                && word_count(&self.text[v.end..cl[j].start]) <= 5))
                        && word_count(&self.text[v.end..cl[j].start]) <= 12
                        && !self
                            .ex
                            .re
                            .participle_clause
                            .is_match(&self.text[v.end..cl[j].start])
                        && !cl[i + 1..j].iter().any(|c| is_trigger(c.val))
                })
            };
            let (action, base) = match v.val {
                Cue::Give(_) | Cue::Permit if next_access(&consumed).is_some() => {
                    if let Some(j) = next_access(&consumed) {
                        consumed[j] = true;
                    }
                    (Action::Access, "give_access")
                }
                Cue::Give(true) | Cue::Share => (Action::Share, "share"),
                Cue::Access => (Action::Access, "access"),
                Cue::Sell => (Action::Sell, "sell"),
                Cue::Buy => (Action::Sell, "buy"),
                Cue::Collect => (Action::Collect, "collect"),
                Cue::Use => (Action::Use, "use"),
                Cue::Control | Cue::NotForSale | Cue::ContainsNo => {
                    self.assurance(si, cs, ce, &cl, i, holder, *prev, hedged, outlet, out);
                    continue;
                }
                _ => continue,
            };
            if dtypes.is_empty() {
                continue;
            }
            // "does not use data from members in Europe to train its models", "used the data to
            // measure audiences": an infinitive of purpose after another practice verb of the
            // clause is part of that verb's claim.
            let infinitive = self.text[cs..v.start]
                .trim_end()
                .to_ascii_lowercase()
                .ends_with(" to")
                || self.text[v.start..v.end].to_ascii_lowercase().starts_with("to ");
            if infinitive
                && cl[..i].iter().any(|c| {
                    matches!(
                        c.val,
                        Cue::Share | Cue::Access | Cue::Sell | Cue::Buy | Cue::Collect
                    ) || (c.val == Cue::Use && !TOOL_OBJECT.is_match(&self.text[c.end..ce]))
                })
            {
                continue;
            }
            // "employees used internal tools to look up trips": what is used is a tool, and the
            // practice is the verb after it.
            if base == "use" && TOOL_OBJECT.is_match(&self.text[v.end..ce]) {
                continue;
            }
            let Some((mut polarity, mut scope, mut neg_rule)) = self.polarity(&cl, i, cs, ce) else {
                continue;
            };
            // "kept people's information from being used": "keep ... from" prevents the next
            // verb; it is not a keeping of data.
            if v.val == Cue::Collect
                && self.text[v.start..v.end].to_ascii_lowercase().starts_with("k")
                && KEEP_FROM.is_match(&self.text[v.end..ce])
            {
                continue;
            }
            // "not passed to Google beyond what any website would see": the verb of the
            // qualifier's comparison states no practice.
            if BEYOND_WHAT.is_match(&self.text[cs..v.start]) {
                continue;
            }
            // "does not sell the information its software gathers", "sold the data it had
            // collected": a verb in a relative clause describing the object of an earlier
            // practice verb only says which data is meant.
            if let Some(t) = within(&self.taxa, cs, v.start)
                .iter()
                .rev()
                .find(|t| t.val.is_some())
            {
                if RELATIVE_DESCRIPTION.is_match(&self.text[t.end..v.start])
                    && cl[..i].iter().any(|c| is_trigger(c.val) && c.end <= t.start)
                {
                    continue;
                }
            }
            let (mut action, mut base) = (action, base);
            // "the data was immediately discarded": what is denied is keeping it, which a report
            // of gathering or sending does not contradict; neither a collection nor any other
            // action the linker matches with it.
            if neg_rule == "deny.deleted" {
                action = Action::Other;
            }
            // "promised to keep their health information private": an assurance that the data
            // is not passed on.
            if base == "collect"
                && polarity == Polarity::Assertion
                && self.ex.re.keep_private.is_match(&self.text[v.end..ce])
            {
                // "incognito mode, which is meant to keep activity private": what a feature is
                // for, neither an assurance nor a practice.
                if PURPOSE_CLAUSE.is_match(&self.text[cs..v.start]) {
                    continue;
                }
                polarity = Polarity::Denial;
                scope = Some(if is_past(&self.text[v.start..v.end]) {
                    DenialScope::Past
                } else {
                    DenialScope::Present
                });
                neg_rule = "deny.keep_private";
                action = Action::Share;
                base = "keep_private";
            }
            let region = &self.text[cs..v.start];
            // "was given a deadline of November 6 to hand over", "give consumers the option of
            // paying with data", "provides customers the opportunity to": what is given is time
            // or a choice, not data.
            if matches!(v.val, Cue::Give(_)) {
                if let Some(m) = GIVEN_NOT_DATA.find(&self.text[v.end..ce]) {
                    // "gave Facebook two years of location data": a span of data, not of time.
                    let noun = edge_word(m.as_str(), Side::Last);
                    let of_next = self.text[v.end + m.end()..].trim_start().starts_with("of ")
                        && matches!(
                            noun.trim_end_matches('s'),
                            "month" | "week" | "day" | "year" | "hour" | "time"
                        );
                    if !of_next
                        && !within(&self.taxa, v.end, v.end + m.end())
                            .iter()
                            .any(|t| t.val.is_some())
                    {
                        continue;
                    }
                }
            }
            // "will buy Ancestry", "sold Jumpshot to": a company as the object of a buy or sell
            // verb is a deal for the company, not for its users' data ("sold Jumpshot data" has
            // the company as the data's holder and stays).
            if matches!(base, "buy" | "sell") && self.company_object(v.end, ce) {
                continue;
            }
            // A bare "access" followed by "to", "was", ... is the noun ("staff access to rider
            // accounts", "access was governed by"), not a verb.
            if base == "access"
                && self.text[v.start..v.end].eq_ignore_ascii_case("access")
                && is_noun_next(&self.text[v.end..ce])
            {
                continue;
            }
            if is_noun_use(&self.text[v.start..v.end], region, &self.text[v.end..ce])
                || is_determined_noun(&self.text[v.start..v.end], region)
            {
                continue;
            }
            // "emails seen by reporters": the verb belongs to the evidence, not to a practice.
            if within(&self.taxa, cs, v.start).last().is_some_and(|t| {
                self.text[t.end..v.start].trim().is_empty() && is_evidence(self.ex, self.text, t.start, t.end)
            }) {
                continue;
            }
            // "Customers control who can view their recordings": the verb is what the
            // assurance lets users decide, not a practice.
            if cl[..i]
                .iter()
                .rev()
                .take(3)
                .any(|c| c.val == Cue::Control && word_count(&self.text[c.end..v.start]) <= 3)
            {
                continue;
            }
            // "each phone would compare photos", "If the threshold were crossed, staff would review
            // the images": a plan or a condition's consequence reports no practice; a denial
            // ("would never sell") is a promise and stays.
            // "the decision to opt in and share training sessions", "the option to share
            // photos": what users may choose to do is not the company's practice.
            if USERS_CHOICE.is_match(region) {
                continue;
            }
            // "asked the company which personal data it stores": an indirect question states
            // no practice.
            if INDIRECT_QUESTION.is_match(region) || TO_KNOW_WH.is_match(region) {
                continue;
            }
            // "the inquiry examined how LinkedIn processed", "is reviewing whether the data was
            // sold", "an investigation into how the model is trained": what a regulator, a court
            // or the company looks into is not reported as done.
            if EXAMINED_WH.is_match(region) {
                continue;
            }
            // "Children could use the app to send messages", "owners can use the feature to
            // share clips": people using a product to do something with their own data.
            if PEOPLE_USE_TOOL.is_match(region) {
                continue;
            }
            // "critics fear the app could share", "raises the risk that face data is kept": a
            // fear or a risk is not a report, nor a denial.
            if let Some(c) = CONCERN_BEFORE.captures(region) {
                let gap = c.get(1).map_or("", |m| m.as_str());
                if word_count(gap) <= 14
                    && !gap
                        .split_whitespace()
                        .any(|w| matches!(w.to_ascii_lowercase().as_str(), "and" | "but" | "said" | "says"))
                {
                    continue;
                }
            }
            // "tells customers what it gathers", "explained how the data is used": a statement
            // about being open, not a practice.
            if TRANSPARENCY_BEFORE.is_match(region) {
                continue;
            }
            // "opt out of sharing", "turn the sharing off", "a user chooses to share them": what
            // users may choose or do themselves.
            if SETTING_BEFORE.is_match(region) || USER_CHOOSES.is_match(region) {
                continue;
            }
            // "the order bars the company from selling", "requires them to delete": an order
            // or a prohibition.
            if ORDER_BEFORE.is_match(region) {
                continue;
            }
            // "posts on deleted blogs", "their shared conversations", "publicly available
            // information": a participle describing a noun is no verb.
            if adjective_participle(self, &cl, i) {
                continue;
            }
            // "will share purchase data with merchants from November": a practice announced
            // for the future is not reported as done (a promise with a negation stays).
            if polarity == Polarity::Assertion && WILL_BEFORE.is_match(region) {
                continue;
            }
            // "would release a firmware update so that no data is sent": what a planned fix is
            // for, not an assurance about what happens now.
            if PLANNED_FIX_BEFORE.is_match(&self.text[cs..v.start]) {
                continue;
            }
            // "asked for the messages to be handed over", "requested a notice to hand them over",
            // "was given a deadline to turn over the records": a practice someone asks or orders
            // to be done is not reported as done.
            if REQUEST_BEFORE.is_match(region) {
                continue;
            }
            // "without obtaining their consent", "collected a warrant": what is obtained is a
            // permission, not the data.
            if matches!(base, "access" | "collect") && PERMISSION_OBJECT.is_match(&self.text[v.end..ce]) {
                continue;
            }
            // A notice that was missing ("never told drivers their data would be sent") reports
            // the practice.
            if polarity == Polarity::Assertion
                && WOULD_BEFORE.is_match(region)
                && !NOTICE_BEFORE.is_match(region)
            {
                continue;
            }
            // "pays $1.35 million over tracking", "sued over the sale of data": the practice is
            // what a penalty or suit is about, not stated as fact.
            if self.ex.re.penalty_over.is_match(region) {
                continue;
            }
            // "fined over children's data collected by the app": the practice, as a participle
            // after the data, is still what the penalty is about.
            if PENALTY_OVER_PARTICIPLE.is_match(region)
                && is_past(&self.text[v.start..v.end])
                && BY_NEXT.is_match(&self.text[v.end..ce])
            {
                continue;
            }
            // "an option that allowed people to make their chats public", "lets users post a
            // chat": what a feature lets people do with their own data is their act.
            if v.val == Cue::Permit && PEOPLE_TO_CHOOSE.is_match(&self.text[v.end..ce]) {
                continue;
            }
            // An active give/share/sell verb takes the data as its object, after it ("did not
            // give a direct answer" says nothing about "that data" before it) and before the next
            // practice verb that is not joined to it ("selling hardware, not collecting data"),
            // unless a relative clause puts it before ("the data that it sold").
            let obj_end = if base == "give_access" {
                ce
            } else {
                cl[i + 1..]
                    .iter()
                    .find(|c| {
                        // An access word after a give-verb is what is given ("gave X access").
                        matches!(c.val, Cue::Share | Cue::Sell | Cue::Buy | Cue::Collect | Cue::Use)
                            && !is_coordinated(&self.text[v.end..c.start])
                    })
                    .map_or(ce, |c| c.start)
            };
            // "was shared", "has been given"; not "has been sending" (a progressive).
            let passive = self.ex.re.passive.is_match(region)
                && !self.text[v.start..v.end]
                    .split_whitespace()
                    .next()
                    .is_some_and(|w| w.to_ascii_lowercase().ends_with("ing"));
            // A verb of watching takes what is watched right after it ("watched customers'
            // video", "watches how its subscribers drive") or before it in the passive ("could be
            // watched from outside"); "watched the browser allow requests" observes a test, and
            // "anyone watching children's content" is a viewer, not a practice.
            if self.text[v.start..v.end]
                .to_ascii_lowercase()
                .starts_with("watch")
            {
                let viewer = region
                    .trim_end()
                    .rsplit(|c: char| !c.is_alphanumeric())
                    .next()
                    .is_some_and(|w| WATCHER.contains(&w.to_ascii_lowercase().as_str()));
                let near = floor_boundary(self.text, (v.end + 40).min(ce));
                let object = within(&self.taxa, v.end, near).iter().any(|t| t.val.is_some());
                if viewer || (!passive && !object) {
                    continue;
                }
            }
            if matches!(base, "share" | "sell" | "give_access")
                && !passive
                && !self.data_after(v.end, obj_end)
                && !self.ex.re.relative_before.is_match(region)
                && !relative_data_before(self, cs, v.start)
                // "data-sharing partnerships": the data is part of the compound.
                && !region.ends_with('-')
            {
                continue;
            }
            // "data that users provided": the users act, not a company.

            if !passive && self.ex.re.user_subject.is_match(region) {
                continue;
            }
            let mut subject = self.subject(cs, v.start, *prev);
            // Objects: parties after the verb in the clause; "by X" is the agent.
            let mut objects: Vec<Party> = Vec::new();
            let mut agent = None;
            let mut reduced_passive = false;
            let a = self.ents.partition_point(|h| h.start < v.end);
            let mut last_object_end = None;
            for j in a..self.ents.len() {
                let h = self.ents[j];
                if h.start >= ce {
                    break;
                }
                // "sent data to X-Mode, a broker that counted military contractors among its
                // clients": parties inside a relative clause about an object are not objects.
                if let Some(e) = last_object_end {
                    if RELATIVE_AFTER_OBJECT.is_match(&self.text[e..h.start]) {
                        break;
                    }
                }
                last_object_end = Some(h.end);
                let p = match h.val {
                    Ent::Company(c) if !self.holders[j] => Party::Company(c),
                    Ent::Recipient(r) => {
                        let after = &self.text[h.end..floor_boundary(self.text, (h.end + 20).min(ce))];
                        if self.ex.re.such_as.is_match(after) {
                            continue;
                        }
                        // "the identity of reviewers", "names of employees": the people whose
                        // data it is, not who got it.
                        if OF_RIGHT_BEFORE.is_match(
                            &self.text[ceil_boundary(self.text, h.start.saturating_sub(40))..h.start],
                        ) {
                            continue;
                        }
                        Party::Recipient(r)
                    }
                    _ => continue,
                };
                let before = &self.text[ceil_boundary(self.text, h.start.saturating_sub(12))..h.start];
                if self.ex.re.by_agent.is_match(before) {
                    // A "by X" right after a participle is its agent too ("recordings captured
                    // by Alexa").
                    if word_count(&self.text[v.end..h.start]) <= 3 {
                        reduced_passive = true;
                    }
                    agent = Some(p);
                } else if !objects.contains(&p) {
                    objects.push(p);
                }
            }
            let mut ctx_penalty = 0.0;
            if let Subj::Party(_, true) = subject {
                ctx_penalty += 0.1;
            }
            // "Apple said its integration gave it no access": "it" is the subject's company, the
            // one given access; the platform is the one the article is about.
            let mut pronoun_recipient = false;
            if base == "give_access"
                && objects.is_empty()
                && self.ex.re.pronoun_object.is_match(&self.text[v.end..ce])
                && self.ex.re.possessive_subject.is_match(region)
            {
                if let Subj::Party(p @ Party::Company(_), _) = subject {
                    objects.push(p);
                    subject = Subj::None;
                    pronoun_recipient = true;
                }
            }
            // "transferred to the firm": a descriptive reference as the object is the company
            // named last before it, other than the holder.
            if objects.is_empty() && matches!(base, "share" | "sell" | "give_access") {
                if let Some(m) = self
                    .ex
                    .re
                    .epithet_object
                    .find(&self.text[v.end..ce])
                    .filter(|m| !self.text[v.end + m.end()..].starts_with(['\'', '’']))
                {
                    if let Some(c) = self.recent_company(v.end + m.start()) {
                        if Some(c) != holder {
                            objects.push(Party::Company(c));
                        }
                    }
                }
            }
            let passive = passive || (reduced_passive && agent.is_some());
            // "data was transferred to the firm": the company named before is not the actor.
            let passive_no_agent = passive && agent.is_none();
            if passive {
                if let Some(ag) = agent {
                    // "was given access by Facebook": the grammatical subject received it.
                    if base == "give_access" {
                        if let Subj::Party(p, _) = subject {
                            objects.push(p);
                        }
                    }
                    subject = Subj::Party(ag, false);
                } else if base == "give_access" {
                    if let Subj::Party(p, _) = subject {
                        objects.push(p);
                        subject = Subj::None;
                    }
                }
            }
            let (speaker, quoted) = self.speaker_at(si, v.start);
            // The speaker's company when the sentence names it ("an Ancestry spokesperson"); one
            // a description resolved to ("the company said") may be a guess.
            // So is the employer of a speaker introduced with a role ("Oren Jacob, ToyTalk's chief
            // executive"), wherever that was.
            let speaker_co = speaker
                .as_ref()
                .filter(|s| s.by_role || s.company.is_some_and(|c| self.named_in(c, ss, se)))
                .and_then(|s| s.company);
            // "Ancestry CEO Margo Georgiadis wrote ..., adding that the company does not share":
            // "the company" or "it" in a company's statement is that company, whatever was
            // named in the sentence before.
            if let (Subj::Party(Party::Company(c), true), Some(sc)) = (subject, speaker_co) {
                if c != sc && !self.named_in(c, ss, se) {
                    subject = Subj::Party(Party::Company(sc), true);
                }
            }
            let subj_party = match subject {
                Subj::Party(p, _) => Some(p),
                // "We" is the speaker's company; for an unattributed quote or statement (a press
                // release), the company named last before it.
                // A company the statement names as the receiver ("we do not share it with
                // Facebook") is not the speaker's, whatever "a spokeswoman" resolved to.
                Subj::We => match speaker
                    .as_ref()
                    .and_then(|s| s.company)
                    .filter(|&c| !self.receiver_after(c, v.end, ce))
                {
                    Some(c) => Some(Party::Company(c)),
                    None => {
                        // The article's own company (a press release's issuer) before the
                        // company named last, which may be a partner the quote mentions.
                        let in_quote = self.quote_at(v.start);
                        // Outside quotes, an unattributed "we" is the company only in a text
                        // headed by it (its own statement, or news about it); elsewhere it is
                        // the writer or the site ("we'll send you a newsletter", "we measured").
                        let headline = self.topic.is_some_and(|(_, k)| k == Topic::Headline);
                        if in_quote.is_none() && !headline {
                            continue;
                        }
                        let from = in_quote.map_or(v.start, |q| self.quotes[q].0);
                        let receiver = |c: &usize| !self.receiver_after(*c, v.end, ce);
                        let topic = self
                            .topic_company()
                            .filter(|&t| self.named_before(t, from))
                            .filter(receiver);
                        match topic
                            .or_else(|| self.recent_company(from).filter(receiver))
                            .or(self.topic_company().filter(receiver))
                        {
                            Some(c) => {
                                ctx_penalty += 0.1;
                                Some(Party::Company(c))
                            }
                            None => continue,
                        }
                    }
                },
                Subj::None => None,
            };
            let subj_co = match subj_party {
                Some(Party::Company(c)) => Some(c),
                _ => None,
            };
            // "The government provided no WhatsApp messages", "police handed the Facebook
            // chats to prosecutors": a public body passing on what it holds is its own act, not
            // the platform's practice, though the platform's name is on the data.
            if matches!(base, "share" | "sell" | "give_access")
                && !passive
                && matches!(subj_party, Some(Party::Recipient(r))
                    if PUBLIC_BODIES.contains(&self.ex.recipients[r].as_str()))
            {
                continue;
            }
            let mut rule_suffix = "";
            let (actor, cps): (usize, Vec<Option<Party>>) = match base {
                "share" | "sell" | "give_access" => {
                    let found = if passive_no_agent && base != "give_access" || pronoun_recipient {
                        holder
                    } else {
                        holder.or(subj_co)
                    };
                    let actor = match found {
                        Some(a) => a,
                        None => match self.topic_for(&objects, ss, se) {
                            Some(t) => {
                                ctx_penalty += 0.15;
                                rule_suffix = ".topic";
                                t
                            }
                            None => continue,
                        },
                    };
                    let cps: Vec<Option<Party>> = objects
                        .iter()
                        .filter(|p| **p != Party::Company(actor))
                        .map(|p| Some(*p))
                        .collect();
                    (actor, if cps.is_empty() { vec![None] } else { cps })
                }
                "access" | "buy" => match (holder, subj_party) {
                    (Some(h), Some(p)) if p != Party::Company(h) => (h, vec![Some(p)]),
                    (Some(h), _) => (h, vec![None]),
                    // "Blackstone will not have access to user DNA data, an Ancestry
                    // spokesperson said": another company's access to the data of the speaker's.
                    (None, Some(Party::Company(c)))
                        if base == "access"
                            && speaker_co.is_some_and(|sc| sc != c)
                            && !self.ex.re.we.is_match(&self.text[cs..v.start]) =>
                    {
                        let sc = speaker_co.unwrap_or(c);
                        (sc, vec![Some(Party::Company(c))])
                    }
                    (None, Some(Party::Company(c))) => {
                        // The platform may be named only earlier: "we never accessed messages"
                        // after "Facebook gave Netflix access".
                        match self.prior.iter().rev().find(|(_, cp)| *cp == Party::Company(c)) {
                            Some(&(actor, _)) => {
                                ctx_penalty += 0.2;
                                rule_suffix = ".context";
                                (actor, vec![Some(Party::Company(c))])
                            }
                            // "Huawei received user data": the data came from another company.
                            None if is_receive(&self.text[v.start..v.end]) => {
                                match self.other_company(ss, se, c) {
                                    Some(h) => (h, vec![Some(Party::Company(c))]),
                                    None if base == "access" => (c, vec![None]),
                                    None => continue,
                                }
                            }
                            None if base == "access" => (c, vec![None]),
                            None => continue,
                        }
                    }
                    (None, Some(p @ Party::Recipient(_))) if base == "access" => {
                        // "contractors reviewed recordings": the data is that of the company the
                        // sentence is about.
                        match self.first_company(ss, se) {
                            Some(c) => {
                                ctx_penalty += 0.1;
                                (c, vec![Some(p)])
                            }
                            None => match self.implied_topic(ss, se) {
                                Some(t) => {
                                    ctx_penalty += 0.15;
                                    rule_suffix = ".topic";
                                    (t, vec![Some(p)])
                                }
                                None => continue,
                            },
                        }
                    }
                    // "the app was capable of pulling in messages": the platform is implied.
                    (None, None) if base == "access" => match self.implied_topic(ss, se) {
                        Some(t) => {
                            ctx_penalty += 0.15;
                            rule_suffix = ".topic";
                            (t, vec![None])
                        }
                        None => continue,
                    },
                    _ => continue,
                },
                _ => match (holder, subj_party) {
                    (Some(h), Some(p)) if p != Party::Company(h) => (h, vec![Some(p)]),
                    (h, _) => match subj_co.or(h) {
                        Some(a) => (a, vec![None]),
                        None => match self
                            .first_company(ss, se)
                            .filter(|_| subj_party.is_none())
                            .or(self.implied_topic(ss, se))
                        {
                            Some(t) => {
                                ctx_penalty += 0.15;
                                rule_suffix = ".topic";
                                match subj_party {
                                    Some(p @ Party::Recipient(_)) => (t, vec![Some(p)]),
                                    _ => (t, vec![None]),
                                }
                            }
                            None => continue,
                        },
                    },
                },
            };
            // "no one at the company can see", "nobody inside Otter listened to": the denied
            // readers are the company's own staff.
            let cps = if base == "access"
                && polarity == Polarity::Denial
                && cps == [None]
                && NO_ONE_INSIDE.is_match(&self.text[cs..v.start])
            {
                match self.ex.recipients.iter().position(|r| r == "employees") {
                    Some(r) => vec![Some(Party::Recipient(r))],
                    None => cps,
                }
            } else {
                cps
            };
            *prev = subject;
            self.last_actor = Some((actor, si));
            let (speaker_name, attributed) = match speaker {
                Some(s) => (Some(s.name), true),
                None if hedged => match self.report_source() {
                    Some(r) => (Some(r), true),
                    None => (outlet.map(str::to_string), false),
                },
                None => (outlet.map(str::to_string), false),
            };
            let rule = if polarity == Polarity::Assertion {
                format!("assert.{base}{rule_suffix}")
            } else {
                format!("{neg_rule}{rule_suffix}")
            };
            let mut confidence: f64 = match polarity {
                Polarity::Assertion if base == "give_access" => 0.85,
                Polarity::Assertion => 0.8,
                Polarity::Denial if attributed || quoted => 0.85,
                Polarity::Denial => 0.7,
            };
            if hedged {
                confidence -= 0.2;
            }
            confidence -= ctx_penalty;
            // A report names one practice per verb; a denial that lists kinds denies each of
            // them, and each can be contradicted on its own.
            let verb_types = match polarity {
                Polarity::Assertion => self.verb_types(&cl, i, ce, &dtypes),
                // "only accesses basic profile information, specifically your user ID and email
                // address": the kinds listed are what is allowed; what is denied is the rest.
                Polarity::Denial if neg_rule == "deny.only_limit" && dtypes.len() > 1 => {
                    vec![DataType::PersonalData]
                }
                // "uses only public data, not direct messages": the kinds after "not", up to the
                // next practice verb ("to train").
                Polarity::Denial if neg_rule == "deny.only_not" => {
                    let tail = &self.text[v.end..ce];
                    let from = v.end + ONLY_NOT.find(tail).map_or(0, |m| m.end());
                    let to = cl[i + 1..]
                        .iter()
                        .find(|c| is_trigger(c.val) && c.start >= from)
                        .map_or(ce, |c| c.start);
                    let denied = self.data_types(from, to);
                    if denied.is_empty() {
                        vec![DataType::PersonalData]
                    } else {
                        denied
                    }
                }
                Polarity::Denial => match self.person_relative(cs, ce) {
                    Some(cut) => self.data_types(cs, cut),
                    None => dtypes.clone(),
                },
            };
            // "TaxAct, H&R Block and TaxSlayer sent ...": each company of a listed subject is an
            // actor of its own.
            let mut actors = vec![actor];
            if subj_co == Some(actor) && holder != Some(actor) {
                actors.extend(self.listed_with(cs, v.start, actor));
            }
            for actor in actors {
                for &cp in &cps {
                    if cp == Some(Party::Company(actor)) {
                        continue;
                    }
                    for &dt in &verb_types {
                        out.push(Draft {
                            actor,
                            counterparty: cp,
                            data_type: dt,
                            action,
                            polarity,
                            scope,
                            speaker: speaker_name.clone(),
                            pos: v.start,
                            rule: rule.clone(),
                            confidence: confidence.clamp(0.05, 1.0),
                        });
                    }
                }
            }
        }
        dtypes
    }

    /// Whether the words right after a verb ending at `vend` (perhaps "the") are a company not
    /// named as a data holder.
    fn company_object(&self, vend: usize, ce: usize) -> bool {
        let a = self.ents.partition_point(|h| h.start < vend);
        let Some((h, &holder)) = self.ents[a..].iter().zip(&self.holders[a..]).next() else {
            return false;
        };
        // "sold Siri recordings", "sold Uber anonymised figures": a data phrase soon after the
        // company makes it the data's holder or the buyer.
        let data_next = within(&self.taxa, h.end, ce)
            .iter()
            .any(|t| t.val.is_some() && word_count(&self.text[h.end..t.start]) <= 3);
        let between = self.text[vend..h.start].trim().to_ascii_lowercase();
        h.start < ce
            && matches!(h.val, Ent::Company(_))
            && !holder
            && !data_next
            // "buys a $300 million stake in 23andMe": a share of the company, not its data.
            && (matches!(between.as_str(), "" | "the" | "rival" | "startup" | "start-up")
                || STAKE_IN.is_match(&between))
    }

    /// Whether company `c` is named in `[start, end)`.
    fn named_in(&self, c: usize, start: usize, end: usize) -> bool {
        within(&self.ents, start, end)
            .iter()
            .any(|h| h.val == Ent::Company(c))
    }

    /// Whether company `c` is named before byte `pos`.
    fn named_before(&self, c: usize, pos: usize) -> bool {
        self.ents
            .iter()
            .take_while(|h| h.start < pos)
            .any(|h| h.val == Ent::Company(c))
    }

    /// The other companies listed with `actor` as the subject before `vpos` ("Gravy Analytics
    /// and Venntel sold", "TaxAct, H&R Block and TaxSlayer have been sending"): companies joined
    /// to it by commas, "and" or "or" only.
    fn listed_with(&self, cs: usize, vpos: usize, actor: usize) -> Vec<usize> {
        let a = self.ents.partition_point(|h| h.start < cs);
        let b = self.ents.partition_point(|h| h.start < vpos);
        let Some(last) = (a..b)
            .rev()
            .find(|&j| matches!(self.ents[j].val, Ent::Company(c) if c == actor) && !self.holders[j])
        else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let mut j = last;
        while j > a {
            let gap = self.text[self.ents[j - 1].end..self.ents[j].start].trim();
            let joined = matches!(gap, "," | "and" | "or" | ", and" | ", or" | "&");
            match self.ents[j - 1].val {
                Ent::Company(c) if joined && !self.holders[j - 1] => {
                    if c != actor && !out.contains(&c) {
                        out.push(c);
                    }
                }
                _ => break,
            }
            j -= 1;
        }
        out
    }

    /// "Users are in control of their data" and "your data is not for sale".
    #[allow(clippy::too_many_arguments)]
    fn assurance(
        &mut self,
        si: usize,
        cs: usize,
        ce: usize,
        cl: &[Hit<Cue>],
        i: usize,
        holder: Option<usize>,
        prev: Subj,
        hedged: bool,
        outlet: Option<&str>,
        out: &mut Vec<Draft>,
    ) {
        let c = cl[i];
        // "threatened members' control over their information", "gives users more control":
        // control at risk, or given as a feature, is no assurance that it is kept.
        if CONTROL_AT_STAKE.is_match(&self.text[cs..c.start]) {
            return;
        }
        // Negated ("users are not in control") is a complaint, not an assurance.
        if cl[..i]
            .iter()
            .rev()
            .take(2)
            .any(|n| matches!(n.val, Cue::Neg(_)) && word_count(&self.text[n.end..c.start]) <= 3)
        {
            return;
        }
        let control = c.val == Cue::Control;
        let cue = self.text[c.start..c.end].to_lowercase();
        // "what happens on your phone stays on the device" needs no "users" before it.
        // Nor "the face scans are processed locally", "remain on your phone".
        let place = [
            "stay",
            "leave",
            "locally",
            "on the",
            "on your",
            "on-device",
            "entirely on",
        ]
        .iter()
        .any(|w| cue.contains(w));
        if control && !place && !self.ex.re.control_subject.is_match(&self.text[cs..c.start]) {
            return;
        }
        let (speaker, quoted) = self.speaker_at(si, c.start);
        let actor = match holder {
            Some(h) => h,
            None => match self.subject(cs, c.start, prev) {
                Subj::Party(Party::Company(co), _) => co,
                Subj::We | Subj::None => match speaker.as_ref().and_then(|s| s.company) {
                    Some(co) => co,
                    None => return,
                },
                _ => return,
            },
        };
        let mut dtypes = self.data_types(cs, ce);
        if c.val == Cue::ContainsNo {
            // "the identifiers contain no personal information", "the files held no names": the
            // kind denied is the data phrase right after the cue; without one ("contains no
            // evidence", "includes no ads") there is no assurance about data.
            let Some(t) = within(&self.taxa, c.end, ce)
                .iter()
                .find(|t| t.val.is_some())
                .filter(|t| word_count(&self.text[c.end..t.start]) <= 3)
            else {
                return;
            };
            // What is said to be absent is the kind itself, whatever the sentence calls the set
            // ("was aggregated and contained no personal information").
            dtypes = t
                .val
                .map(|d| {
                    if d == DataType::Deidentified {
                        DataType::PersonalData
                    } else {
                        d
                    }
                })
                .into_iter()
                .collect();
        }
        if dtypes.is_empty() {
            dtypes.push(DataType::PersonalData);
        }
        let (action, scope, rule) = if c.val == Cue::ContainsNo {
            let past = ["contained", "included", "held", "carried"]
                .iter()
                .any(|w| cue.starts_with(w));
            let scope = if past {
                DenialScope::Past
            } else {
                DenialScope::Present
            };
            (Action::Share, scope, "deny.contains_no")
        } else if control {
            (Action::Other, DenialScope::Present, "deny.in_control")
        } else if cue.contains("never") {
            (Action::Sell, DenialScope::Always, "deny.not_for_sale")
        } else {
            (Action::Sell, DenialScope::Present, "deny.not_for_sale")
        };
        let attributed = speaker.is_some();
        let speaker = speaker.map(|s| s.name).or_else(|| outlet.map(str::to_string));
        let mut confidence = if attributed || quoted { 0.8 } else { 0.65 };
        if hedged {
            confidence -= 0.1;
        }
        for dt in dtypes {
            out.push(Draft {
                actor,
                counterparty: None,
                data_type: dt,
                action,
                polarity: Polarity::Denial,
                scope: Some(scope),
                speaker: speaker.clone(),
                pos: c.start,
                rule: rule.to_string(),
                confidence,
            });
        }
    }
}

/// The kinds of data a breach notice ranks first, most sensitive first: a list in one denial
/// gives a claim of the first of these it names.
const BREACH_SENSITIVITY: &[DataType] = &[
    DataType::Financial,
    DataType::Health,
    DataType::Biometric,
    DataType::PrivateMessages,
    DataType::Location,
    DataType::ProfileIdentity,
    DataType::ContactDetails,
];

/// In a breach denial's data span without a data phrase: the people or systems whose data it
/// is ("customers who joined later were not affected", "its systems were not breached").
static BREACH_HOLDERS: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(
        r"(?i)\b(?:customers?|users?|members?|accounts?|people|patients|clients|subscribers|players|employees|drivers|guests|shoppers|students|systems?|servers?|networks?|databases?)\b",
    )
    .expect("a valid regex: a constant pattern")
});

/// People who watch something themselves: "anyone watching children's videos" is a viewer.
const WATCHER: &[&str] = &[
    "anyone",
    "someone",
    "everyone",
    "people",
    "viewers",
    "users",
    "children",
    "kids",
    "those",
    "who",
    "families",
    "audiences",
    "fans",
    "he",
    "she",
    "they",
    "i",
    "you",
    "we",
];

/// Between a negation and a practice verb: a finding, evidence or claim about the practice
/// ("not ... any finding that", "no suggestion that", "did not say whether").
static NEGATED_FINDING: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(
        r"(?i)\b(?:finding|findings|evidence|proof|indication|sign|suggestion|allegation|admission|conclusion)s?\s+(?:that|of)\b|\b(?:accus(?:e|es|ed|ing)|alleg(?:e|es|ed|ing)|charg(?:e|es|ed|ing)|conclud(?:e|es|ed|ing)|suggest(?:s|ed|ing)?|claim(?:s|ed|ing)?|find|finds|found)\b",
    )
    .expect("a valid regex: a constant pattern")
});

/// Between ", not" and a practice verb: a preposition that makes it a contrast of topics ("about
/// disclosure, not about selling names").
static CONTRAST_PREP: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(r"(?i)^\s*(?:about|on|over|in)\s+$").expect("a valid regex: a constant pattern")
});

/// Between a subject's "no" and a practice verb: the rest of the subject and an auxiliary ("no
/// member's location has ever been", "no recordings are", "no one at the firm is able to").
static NO_SUBJECT: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(
        r"(?i)^\s+(?:[\w’'-]+\s+){1,4}?(?:has|have|had|is|are|was|were|will|would|can|could)\s+(?:ever\s+)?(?:been\s+)?(?:\w+ly\s+)?(?:(?:able|allowed|permitted)\s+to\s+)?$",
    )
    .expect("a valid regex: a constant pattern")
});

/// Between "none of" and a practice verb: a longer subject, whose noun may carry a relative
/// clause of its own ("none of the messages our members write to one another are").
static NONE_OF_SUBJECT: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(
        r"(?i)^\s+(?:the|your|their|our|its|his|her|these|those|this|that)\s+(?:[\w’'-]+\s+){1,8}?(?:has|have|had|is|are|was|were|will|would|can|could)\s+(?:ever\s+)?(?:been\s+)?(?:\w+ly\s+)?(?:(?:able|allowed|permitted)\s+to\s+)?$",
    )
    .expect("a valid regex: a constant pattern")
});

/// Between a clause-opening "not" and a practice verb: "a single" or "one" and the rest of the
/// subject, then an auxiliary ("Not a single customer's location was", "Not one of the photos
/// has ever been", "not even one recording is").
static NOT_ONE_SUBJECT: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(
        r"(?i)^\s+(?:even\s+)?(?:a\s+single|one)\s+(?:[\w’'-]+\s+){0,6}?(?:has|have|had|is|are|was|were|will|would|can|could)\s+(?:ever\s+)?(?:been\s+)?(?:\w+ly\s+)?(?:(?:able|allowed|permitted)\s+to\s+)?$",
    )
    .expect("a valid regex: a constant pattern")
});

/// Before a subject's "not a single" / "not one": nothing but the clause's opening, or a
/// report of speech ("said not a single", "insisted that not one").
static NOT_ONE_BEFORE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(
        r#"(?i)(?:^|\b(?:that|said|says|insisted|insists|stressed|stresses|added|adds|wrote|writes|noted|notes))[\s"'“‘:,]*$"#,
    )
    .expect("a valid regex: a constant pattern")
});

/// Before an access verb: a negated subject inside the company ("no one at the company",
/// "nobody inside Otter", "no one at the firm").
static NO_ONE_INSIDE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(
        r"(?i)\b(?:no\s+one|nobody|no-one)\s+(?:at|in|inside|within|working\s+(?:at|for))\s+(?:the\s+(?:company|firm|startup|start-up|business)|(?-i:[A-Z])[\w.&’'-]*(?:\s+(?-i:[A-Z])[\w.&’'-]*)?|us|our\s+(?:company|team|firm|staff))\b",
    )
    .expect("a valid regex: a constant pattern")
});

/// Right before a company: a comparison ("much like Apple and", "unlike Google,").
/// "its users'", "of its customers", "their subscribers": people of a company named before.
static ITS_USERS: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(
        r"(?i)\b(?:its|their)\s+(?:own\s+)?(?:users?|customers?|members|subscribers|patients|clients|account\s+holders|guests|players|riders|drivers|shoppers|listeners|viewers)\b",
    )
    .expect("a valid regex: a constant pattern")
});

/// Before a company that is the place of a breach, not the owner of the data: "the breach at",
/// "an attack on", "hackers who broke into", "through its vendor".
static BREACH_SITE_BEFORE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(
        r"(?i)\b(?:(?:breach|hack|attack|intrusion|incident|compromise)\s+(?:at|on|of|against|in)|(?:broke|broken|got|hacked)\s+into|breached|(?:through|via|at|of|by)\s+(?:(?:its|their|a|an|the)\s+)?(?:[\w-]+\s+)?(?:vendor|contractor|supplier|provider|partner))\s+(?:the\s+)?$",
    )
    .expect("a valid regex: a constant pattern")
});

/// After a company that is the place of a breach: "Twilio breach", "Snowflake's systems", "Twilio,
/// the company that sends".
static BREACH_SITE_AFTER: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(
        r"(?i)^(?:['’]s)?\s+(?:(?:data\s+|security\s+)?(?:breach|hack|attack|intrusion|incident)|(?:internal\s+)?(?:systems?|servers?|network|employees|staff|accounts?\s+of))\b",
    )
    .expect("a valid regex: a constant pattern")
});

static COMPARISON_BEFORE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(
        r"(?i)\b(?:like|unlike|as\s+did|as\s+has|similar\s+to|than)\s+(?:[\w&.’'-]+\s*(?:,|\band\b|\bor\b)\s*){0,3}$",
    )
    .expect("a valid regex: a constant pattern")
});

/// Between a negation and a practice verb: another verb and "and"/"or" ("did not need and").
static OTHER_VERB_JOINED: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(r"(?i)^\s*(?:[a-z]+[^y\s]|[a-z]+[^l\s]y)\s+(?:and|or)\s+$")
        .expect("a valid regex: a constant pattern")
});

/// In a clause: what identifies people is removed before the practice ("stripped of account
/// identifiers before", "strips out names before").
static REMOVED_BEFORE: std::sync::LazyLock<Needs> = std::sync::LazyLock::new(|| {
    Needs::new(
        r"(?i)\b(?:stripped|strips?|stripping|removed|removes?|removing|scrubbed|scrubs?|masked|masks?|redacted|redacts?|anonymi[sz](?:ed|es|e))\b[^.;]{0,80}?\bbefore\b",
        &["before"],
    )
});

/// Right before a practice verb: a prevention ("kept the data from being", "stops apps from").
static PREVENTED: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(
        r"(?i)\b(?:kept|keeps?|keeping|prevents?|prevented|preventing|stops?|stopped|stopping|bars?|barred|blocks?|blocked|prohibits?|prohibited|forbids?)\s+(?:[\w’'-]+\s+){0,5}?from\s+(?:being\s+)?$",
    )
    .expect("a valid regex: a constant pattern")
});

/// After "keep": "... from (being)", a prevention of what follows.
static KEEP_FROM: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(r"(?i)^\s+(?:[\w’'-]+\s+){0,5}?from\s+(?:being\s+)?[a-z]+(?:ed|ing)\b")
        .expect("a valid regex: a constant pattern")
});

/// Between "nothing" and a practice verb: the rest of a long subject ("Nothing you do on your
/// Portal, including the calls you make, is").
static NOTHING_SUBJECT: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(
        r"(?i)^[^;:.]{0,120}?\b(?:is|are|was|were|has\s+been|have\s+been|had\s+been|will\s+be|would\s+be|can\s+be|gets|got)\s+(?:ever\s+)?$",
    )
    .expect("a valid regex: a constant pattern")
});

/// Right before a verb: the comparison of a qualified denial ("beyond what any website would").
static BEYOND_WHAT: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(r"(?i)\b(?:beyond|more\s+than|other\s+than)\s+what\s+(?:[\w’'-]+\s+){0,4}$")
        .expect("a valid regex: a constant pattern")
});

/// Between a data phrase and a later practice verb: a relative clause that only describes the
/// data ("the information its software gathers", "the data that it collected").
static RELATIVE_DESCRIPTION: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(
        r"^\s*(?:(?:that|which)\s+)?(?:it|they|we|he|she|you|its\s+[\w-]+|their\s+[\w-]+|the\s+[\w-]+|[A-Z][\w-]+)\s+(?:(?:do|does|did|had|has|have|may|might)\s+)?$",
    )
    .expect("a valid regex: a constant pattern")
});

/// Right before a participle: a present or modal passive ("is used", "would be kept").
static PRESENT_PASSIVE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(r"(?i)\b(?:is|are|be|being)\s+(?:\w+ly\s+)?$").expect("a valid regex: a constant pattern")
});

/// Right after a practice verb: the one purpose it is limited to ("used only to", "listens only
/// for", "kept solely for").
static PURPOSE_ONLY: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(
        r"(?i)^\s+((?:[\w’'-]+\s+){0,8}?)(?:only|solely|exclusively|strictly)\s+(?:to|for|in\s+order\s+to)\b",
    )
    .expect("a valid regex: a constant pattern")
});

/// Right before a practice verb: "only", with at most two auxiliaries or "ever" between ("only
/// accesses", "is only collected", "had only ever received"); the word before "only" is
/// captured ("not only" is no limit).
static ONLY_BEFORE_VERB: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(
        r"(?i)(?:^|[^\w’'-])([\w’'-]+\s+)?only\s+(?:(?:ever|be|been|being|is|are|was|were)\s+){0,2}$",
    )
    .expect("a valid regex: a constant pattern")
});

/// Right before a practice verb: "the only <data> (that) <subject>" ("the only information it
/// collected was", "the only data the app kept").
static THE_ONLY_BEFORE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(
        r"(?i)\bthe\s+only\s+(?:[\w’'-]+\s+){1,3}?(?:(?:that|which)\s+)?(?:it|they|we|he|she|the\s+[\w-]+|[A-Z][\w-]+)\s+(?:(?:had|has|have|ever|did|does|would)\s+){0,2}$",
    )
    .expect("a valid regex: a constant pattern")
});

/// Right after a practice verb: "only" with a condition or a limited object, at most eight
/// words on ("turns over data only when", "provides user data to governments only in
/// accordance with the law", "collected only their phone number"); the words before "only"
/// are captured. "only to"/"only for" (a purpose) and "only with consent" are read elsewhere.
static ONLY_AFTER_VERB: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(
        r"(?i)^\s+((?:[\w’'-]+,?\s+){0,8}?)only\s+((?:when|whenever|if|after|while|once|where|in\s+response\s+to|in\s+accordance\s+with|under|in\s+aggregate|in\s+aggregated|in\s+broad|at\s+the|for\s+specific|from\s+(?:users|people|customers|those)|in\s+(?:rare|limited|specific)|as\s+required|the|their|its|a|an|basic|aggregated?|anonymi[sz]ed|limited|some|general|coarse|approximate))\b",
    )
    .expect("a valid regex: a constant pattern")
});

/// After a practice verb limited by "only", at most ten words on: a condition ("while it was
/// open", "when the user asks"); the words between are captured (a condition past "and that"
/// belongs to another statement).
static CONDITION_AFTER: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(r"(?i)^\s+((?:[\w’'-]+,?\s+){0,10}?)(?:while|when|whenever|if|unless|after|once|until)\b")
        .expect("a valid regex: a constant pattern")
});

/// The words after "only" that limit the object rather than set a condition ("only their phone
/// number", "only aggregated trends").
static ONLY_OBJECT: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(r"(?i)^(?:the|their|its|a|an|basic|aggregated?|anonymi[sz]ed|limited|some|general|coarse|approximate)$")
        .expect("a valid regex: a constant pattern")
});

/// A verb of deletion (data not kept).
static DELETION: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(r"(?i)^(?:delet|discard|destroy|eras|purg)").expect("a valid regex: a constant pattern")
});

/// Right before a deletion verb: an order, a promise, a wish, a possibility, or the users
/// themselves as the subject ("must delete", "agreed to delete", "the choice to review, move or
/// delete", "the right to have data deleted", "users who deleted", "after he deleted"), or a
/// check that it be done ("to make sure the data was deleted", "ensure that photos are erased"),
/// a remedy after a practice stopped ("stopped the practice and deleted the data"), or the tail
/// of a denial of keeping that already says it ("does not store it and deletes it").
static DELETION_NO_PRACTICE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(
        r"(?i)(?:\b(?:to|must|will|shall|should|would|could|can|may|might|won['’]t|cannot|can['’]t)\s+(?:(?:also|then|not|be|have|first|quickly|promptly|permanently|fully)\s+){0,2}(?:(?:[\w’'-]+,?\s+){1,3}(?:or|and)\s+)?|\bto\s+(?:have|get)\s+(?:[\w’'-]+\s+){0,4}|\b(?:users?|people|customers?|members?|subscribers?|patients?|players?|drivers?|parents?|owners?|who|you|I|he|she|consumers?)\s+(?:(?:had|has|have|also|then|later|can|could|may|to)\s+){0,2}|\b(?:make|makes|made|making)\s+sure\s+(?:that\s+)?(?:[\w’'-]+\s+){0,7}|\b(?:ensure|ensures|ensured|ensuring|verify|verifies|check|checks)\s+(?:that\s+)?(?:[\w’'-]+\s+){0,7}|\b(?:stopped|stops|ended|ends|halted|halts|ceased|suspended|paused|dropped|abandoned)\s+(?:[\w’'-]+\s+){0,4}?(?:and|,)\s+(?:then\s+|also\s+|later\s+)?|\b(?:does\s+not|do\s+not|did\s+not|doesn['’]t|don['’]t|didn['’]t|never)\s+(?:store|stores|keep|keeps|retain|retains|collect|collects|save|saves|record|records|log|logs)\b[^.;]{0,100}?\band\s+)$",
    )
    .expect("a valid regex: a constant pattern")
});

/// Right after "use": its object is a tool or a program ("used the company's internal tools",
/// "use a tool known as God View"), or a legal instrument ("stopped using standard contractual
/// clauses").
static TOOL_OBJECT: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(
        r"(?i)^\s+(?:(?:an?|the|its|their|his|her|our|this|that)\s+)?(?:[\w’'-]+\s+){0,2}?(?:tools?|software|apps?|systems?|programs?|features?|services?|technology|technologies|dashboards?|portals?|devices?|clauses|contractual\s+clauses|contracts|mechanisms?|frameworks?|safeguards?|certifications?)\b",
    )
    .expect("a valid regex: a constant pattern")
});

/// Between an object and a later party: a relative clause opens ("X-Mode, a broker that ...").
static RELATIVE_AFTER_OBJECT: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(r"(?i)\b(?:that|which|who|whose|whom)\b").expect("a valid regex: a constant pattern")
});

/// Right before "keep ... private": a description of what a thing is for ("incognito mode,
/// which is meant to keep activity private"), not anyone's assurance.
/// Right before a practice verb: "would" and at most two auxiliaries or adverbs ("would be",
/// "would then be", "would also"); not "would have" (a hedged report of the past) nor "would
/// stop" (an ended practice: the verb after "stop" is not reached here).
static WOULD_BEFORE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(r"(?i)\bwould\s+(?:(?:be|then|also|only|automatically|first|still|now)\s+){0,2}$")
        .expect("a valid regex: a constant pattern")
});

/// Before a practice verb: a choice or right given to users ("the decision to opt in and",
/// "the option to", "the right to", "the choice of").
static USERS_CHOICE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(
        r"(?i)\b(?:decision|choice|option|ability|right|freedom|opportunity)\s+(?:whether\s+)?(?:to|of)\s+(?:(?:opt\s+in|opt\s+out|agree|choose|decide)\s+(?:and|or)\s+)?$",
    )
    .expect("a valid regex: a constant pattern")
});

/// Between a buy or sell verb and a company: a part of the company ("a $300 million stake in",
/// "its shares of", "a minority holding in").
static STAKE_IN: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(
        r"^(?:(?:an?|the|its|their|his|her|his|more)\s+)?(?:[$€£\w.,%-]+\s+){0,4}?(?:stake|stakes|shares|holding|holdings|interest|equity)\s+(?:in|of)$",
    )
    .expect("a valid regex: a constant pattern")
});

/// After a verb of giving: its object is time, a deadline, a choice or words ("a deadline of
/// November 6", "five months", "consumers the option", "customers the opportunity", "it a
/// second thought", "reporters a statement").
static GIVEN_NOT_DATA: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(
        r"(?i)^\s+(?:[\w’'.-]+\s+){0,4}?(?:an?|the|until|more|extra|another|further|\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|several)\s+(?:[\w-]+\s+)?(?:deadline|deadlines|months?|weeks?|days?|years?|hours?|time|extension|chance|opportunity|option|options|choice|choices|right|say|warning|thought|thoughts|attention|consideration|try|answer|answers|reply|response|statement|interview|briefing|speech|talk|presentation|demonstration|demo|tour)\b",
    )
    .expect("a valid regex: a constant pattern")
});

/// Recipient categories that are public bodies: when one is the subject of a verb of giving,
/// the data it passes on is its own record, not a platform's users' data passed by the platform.
const PUBLIC_BODIES: &[&str] = &["government", "law enforcement", "intelligence agencies"];

/// Right before a practice verb: a request or an order that it be done ("asked for the
/// messages to be", "requested a section 21 notice to", "urged the companies to", "a deadline
/// of November 6 to"). Only an infinitive right before the verb: "asked for a receipt, the
/// retailer passed" reports the passing. Time given for it is a deadline too ("was given three
/// months to", "had until March to").
static REQUEST_BEFORE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(
        r"(?i)\b(?:(?:asked|asks|asking|requested|requests|requesting|demanded|demands|demanding|urged|urges|urging|called\s+on|calls\s+on)\s+(?:for\s+)?(?:[\w’'-]+\s+){0,10}?|deadlines?\s+(?:of\s+)?(?:[\w’',-]+\s+){0,4}?|\b(?:given|granted|gave|has|had|have)\s+(?:(?:until|till)\s+(?:[\w’',-]+\s+){1,3}?|(?:an?|the|\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|several|a\s+few)\s+(?:more\s+|extra\s+)?(?:months?|weeks?|days?|years?|hours?)\s+))to\s+(?:be\s+)?(?:(?:fully|promptly|immediately)\s+)?$",
    )
    .expect("a valid regex: a constant pattern")
});

/// Before a practice verb: a question asked about it ("asked the company which data it
/// stores", "wants to know whether it sold").
static INDIRECT_QUESTION: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(
        r"(?i)\b(?:asked|asks|ask|asking|questioned|questions?\s+about|wants?\s+to\s+know|wanted\s+to\s+know|inquired|enquired)\b[^.;:]{0,50}\b(?:which|what|whether|how\s+much|how\s+many|if)\b[^.;:]{0,60}$",
    )
    .expect("a valid regex: a constant pattern")
});

/// Before a practice verb: a verb of examining and a question word ("the inquiry examined how",
/// "was reviewing whether", "an investigation into how"), with no comma or sentence break
/// between the question word and the verb.
static EXAMINED_WH: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(
        r"(?i)\b(?:examin(?:e|es|ed|ing|ation)|investigat(?:e|es|ed|ing|ion|ions)|inquir(?:y|ies)|enquir(?:y|ies)|probe[sd]?|probing|look(?:s|ed|ing)?\s+into|review(?:s|ed|ing)?|stud(?:y|ies|ied|ying)|scrutini[sz](?:e|es|ed|ing)|assess(?:es|ed|ing)?|audit(?:s|ed|ing)?|questions?\s+(?:about|over|on))\b[^.;:]{0,50}\b(?:how|whether|why)\b[^.;:,]{0,120}$",
    )
    .expect("a valid regex: a constant pattern")
});

/// Before a practice verb: people using a product to do it ("children could use the app to",
/// "owners can use the feature to").
static PEOPLE_USE_TOOL: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(
        r"(?i)\b(?:users?|people|customers?|consumers?|members|owners|players|students|children|kids|teens|teenagers|parents|anyone|someone|shoppers|drivers|riders|patients|families)\s+(?:[\w’'-]+\s+){0,2}?(?:use|uses|used|using)\s+(?:(?:an?|the|its|their|this|that|his|her|our)\s+)?(?:[\w’'-]+\s+){0,2}?(?:app|apps|tool|tools|feature|features|service|software|button|function|setting|site|website|platform|device|account|chatbot)\s+to\s+(?:[\w’'-]+\s+)?$",
    )
    .expect("a valid regex: a constant pattern")
});

/// Right after an access or collect verb: a permission as its object ("obtaining their
/// verifiable consent", "got a warrant").
static PERMISSION_OBJECT: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(
        r"(?i)^\s+(?:(?:their|its|the|users['’]|parents['’]|a|an|any|prior|explicit|express|verifiable|written|informed|valid|proper)\s+){0,3}(?:consent|permission|approval|authori[sz]ation|warrant|court\s+order|subpoena)\b",
    )
    .expect("a valid regex: a constant pattern")
});

/// Before "would": what people were (not) told ("never told users that their data would").
static NOTICE_BEFORE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(
        r"(?i)\b(?:told|tell|informed|inform|notified|notify|warned|aware|disclosed|explained)\s+(?:[\w'’-]+\s+){0,5}?(?:that\s+)?(?:[\w'’-]+\s+){0,3}would\s+(?:[\w-]+\s+){0,2}$",
    )
    .expect("a valid regex: a constant pattern")
});

static PURPOSE_CLAUSE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(
        r"(?i)\b(?:which|that)\s+(?:is|are|was|were)\s+(?:meant|supposed|intended|designed)\s+to\s+$",
    )
    .expect("a valid regex: a constant pattern")
});

/// Before a practice verb, in its clause: a fear, worry, concern or risk that it happens
/// ("critics fear the app could share", "raises the risk that face data is kept", "parents worry
/// that strangers could see"): what someone is afraid of is not reported as done. The words
/// between hold no comma, "and" or "but" (checked by the caller): "despite concerns, X sold"
/// reports the sale.
static CONCERN_BEFORE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(
        r"(?i)\b(?:fear|fears|feared|fearing|worry|worries|worried|worrying|concern|concerns|concerned|risk|risks|danger|dangers|spectre|specter|afraid)\s+(?:(?:that|about|over|of)\s+)?([^.;:,]*)$",
    )
    .expect("a valid regex: a constant pattern")
});

/// Before a practice verb: what a company tells or shows people about its practices ("tells
/// customers what it gathers", "explains to users how the data is used", "shows members which
/// apps it shares with"): a statement about transparency, neither a report nor a denial. The
/// people told must be named: "a presentation described how Facebook monitored" reports.
static TRANSPARENCY_BEFORE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(
        r"(?i)\b(?:tell|tells|told|telling|inform|informs|informed|informing|explain|explains|explained|explaining|show|shows|showed|showing|describe|describes|described|describing|list|lists|listed|spell\s+out|spells\s+out|spelled\s+out|set\s+out|sets\s+out|lay\s+out|lays\s+out|laid\s+out|be\s+clear\s+with|is\s+clear\s+with|are\s+clear\s+with)\s+(?:to\s+)?(?:(?:its|their|our|your|the|all|every|each)\s+)?(?:[\w-]+\s+)?(?:users?|customers?|consumers?|people|members?|subscribers?|patients?|parents|players?|drivers?|riders?|owners?|account\s+holders?|you|them|us|the\s+public|everyone)\s+(?:what|which|how|why|when|where)\s+(?:[\w'’-]+\s+){0,9}$",
    )
    .expect("a valid regex: a constant pattern")
});

/// Before a practice verb: a setting users switch or opt out of ("opt out of sharing", "turn
/// the sharing off", "switch off tracking"): what users may choose, not a practice.
static SETTING_BEFORE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(
        r"(?i)(?:\bopt(?:s|ed|ing)?[\s-]+(?:out|in)\s+(?:of|to|from|on)\s+|\b(?:turn|turns|turned|turning|switch|switches|switched|switching|toggle|toggles|toggled|toggling)\s+(?:off\s+|on\s+)?(?:the\s+|their\s+|your\s+|its\s+)?)(?:[\w-]+\s+)?$",
    )
    .expect("a valid regex: a constant pattern")
});

/// Right before a practice verb: people who choose or decide to do it themselves ("a user
/// chooses to share them", "customers who decide to upload"), or who allow it ("members who
/// allow training"): their act or their choice, not a report of the company's practice.
static USER_CHOOSES: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(
        r"(?i)\b(?:users?|people|person|customers?|consumers?|subscribers?|members?|adults|someone|anyone|you|they|owners?|players?|parents|account\s+holders?)\s+(?:who\s+|that\s+)?(?:(?:also|first|later|then|actively|explicitly)\s+)?(?:(?:choose|chooses|chose|decide|decides|decided|opt|opts|opted|elect|elects|elected|agree|agrees|agreed|consent|consents|consented|want|wants|wanted|wish|wishes|wished|prefer|prefers|preferred)\s+to|allow|allows|allowed|permit|permits|permitted|accept|accepts|accepted)\s+$",
    )
    .expect("a valid regex: a constant pattern")
});

/// Before a practice verb: an order or a prohibition ("the order bars the company from
/// selling", "requires them to delete", "prohibits X from sharing"): what a regulator or a
/// court orders is not reported as done.
static ORDER_BEFORE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(
        r"(?i)\b(?:(?:bars?|barred|barring|bans?|banned|banning|prohibits?|prohibited|prohibiting|forbids?|forbade|forbidden|forbidding|enjoins?|enjoined|enjoining|restricts?|restricted|restricting|precludes?|precluded)\s+(?:[\w'’-]+\s+){0,6}?from\s+|(?:requires?|required|requiring|orders?|ordered|ordering|directs?|directed|directing|obliges?|obliged|obligates?|obligated|mandates?|mandated)\s+(?:[\w'’-]+\s+){0,6}?to\s+(?:(?:promptly|immediately|permanently|also|first)\s+)?)$",
    )
    .expect("a valid regex: a constant pattern")
});

/// After a participle that may be an adjective: the next word is a noun it describes ("posts on
/// deleted blogs", "their shared conversations", "publicly available information"), not a
/// preposition, an adverb or a conjunction that would follow a verb.
fn adjective_participle(cx: &Ctx, cl: &[Hit<Cue>], i: usize) -> bool {
    let v = cl[i];
    let verb = &cx.text[v.start..v.end];
    let lower = verb.to_ascii_lowercase();
    let available = lower.ends_with("available") || lower.ends_with("public");
    if verb.contains(' ') && !available {
        return false;
    }
    if !(available || lower.ends_with("ed") || matches!(lower.as_str(), "kept" | "sold" | "held" | "sent")) {
        return false;
    }
    let after = &cx.text[v.end..];
    // A noun right after: a word of letters, with no punctuation between.
    if !after.starts_with(' ') {
        return false;
    }
    let next = edge_word(after, Side::First);
    if next.is_empty()
        || !after.trim_start().starts_with(|c: char| c.is_alphabetic())
        || next.ends_with("ly")
        || NOT_NOUN_AFTER.contains(&next.as_str())
    {
        return false;
    }
    if available {
        return true;
    }
    // Before: a determiner, a possessive or a preposition ("the shared", "on deleted"), or a
    // practice verb right before it ("keeping deleted conversations").
    let before = &cx.text[..v.start];
    let prev = edge_word(before, Side::Last);
    let verb_before = i > 0 && is_trigger(cl[i - 1].val) && cx.text[cl[i - 1].end..v.start].trim().is_empty();
    verb_before || NOUN_DETERMINERS.contains(&prev.as_str())
}

/// Words after a participle that show it is a verb: prepositions, conjunctions, pronouns,
/// determiners (the object or a complement follows).
const NOT_NOUN_AFTER: &[&str] = &[
    "by",
    "to",
    "with",
    "from",
    "in",
    "on",
    "at",
    "for",
    "through",
    "via",
    "over",
    "and",
    "or",
    "but",
    "as",
    "into",
    "onto",
    "about",
    "after",
    "before",
    "without",
    "under",
    "since",
    "until",
    "across",
    "when",
    "while",
    "if",
    "because",
    "so",
    "than",
    "that",
    "which",
    "who",
    "whom",
    "whose",
    "it",
    "them",
    "him",
    "her",
    "us",
    "me",
    "you",
    "the",
    "a",
    "an",
    "its",
    "their",
    "his",
    "our",
    "your",
    "this",
    "these",
    "those",
    "some",
    "any",
    "all",
    "every",
    "each",
    "no",
    "up",
    "off",
    "out",
    "away",
    "back",
    "down",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "has",
    "have",
    "had",
    "not",
    "more",
    "less",
    "only",
    "also",
    "even",
    "yet",
    "still",
    "then",
    "there",
    "here",
    "against",
    "between",
    "among",
    "during",
    "per",
    "beyond",
    "within",
    "upon",
    "toward",
    "towards",
    "like",
    "unless",
    "where",
    "what",
    "how",
    "why",
    "same",
    "millions",
    "thousands",
    "hundreds",
    "dozens",
];

/// Words before a participle that make it an adjective of the noun after it.
const NOUN_DETERMINERS: &[&str] = &[
    "the",
    "a",
    "an",
    "its",
    "their",
    "his",
    "her",
    "our",
    "your",
    "my",
    "these",
    "those",
    "of",
    "on",
    "in",
    "from",
    "about",
    "all",
    "any",
    "some",
    "such",
    "other",
    "previously",
    "already",
    "recently",
    "publicly",
    "privately",
];

/// Right after a practice verb: "only" a kind, then "not" another ("uses only public data, not
/// direct messages"): what follows "not" is denied. Group 1 ends where the denied kinds start.
static ONLY_NOT: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(r"(?i)^\s+only\s+(?:[\w'’-]+\s+){0,5}?[\w'’-]+,?\s+(?:and\s+|but\s+)?not\s+")
        .expect("a valid regex: a constant pattern")
});

/// Right before a practice verb: "will" (and at most two words) of a practice announced for the
/// future ("will share purchase data with merchants from November", "will have their data
/// kept for five years"); not one that goes on
/// ("will continue to", "will still"), nor an end ("will no longer", "will stop").
static WILL_BEFORE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(
        r"(?i)(?:\bwill|['’]ll|\b(?:is|are)\s+going\s+to)\s+(?:(?:also|then|soon|now|automatically|begin|start|begin\s+to|start\s+to|be)\s+){0,2}(?:have\s+(?:(?:their|its|his|her|your|the|all)\s+)?(?:[\w'’-]+\s+){1,2})?$",
    )
    .expect("a valid regex: a constant pattern")
});

/// Before a participle: a penalty, suit or charge "over" a data phrase of a few words ("to pay
/// $1.5 million over children's data", "sued over drivers' data").
static PENALTY_OVER_PARTICIPLE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(
        r"(?i)\b(?:pays?|paid|paying|to\s+pay|fined?|fines|settles?|settled|sues?|sued|suing|penalty|probe|lawsuit|charges?|charged|warns?|warned)\b[^;]{0,60}\b(?:over|for)\s+(?:[\w'’-]+\s+){1,4}$",
    )
    .expect("a valid regex: a constant pattern")
});

/// Right after a participle: its agent ("collected by the app").
static BY_NEXT: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| super::ascii_b(r"(?i)^\s+by\b").expect("a valid regex: a constant pattern"));

/// Right after a let-verb: people, then what they choose to do with their own data ("allowed
/// people to make their chats discoverable", "lets users post a chat", "allows members to
/// delete their history").
static PEOPLE_TO_CHOOSE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(
        r"(?i)^\s+(?:(?:its|their|the|all|any)\s+)?(?:users?|people|customers?|consumers?|members?|subscribers?|players?|parents|owners?|account\s+holders?|you|them)\s+(?:to\s+)?(?:(?:also|easily|quickly)\s+)?(?:make|choose|decide|opt|post|publish|turn|switch|delete|download|hide|control|limit|mark|set|pick|select|toggle|remove|erase|export|manage)\b",
    )
    .expect("a valid regex: a constant pattern")
});

/// Before a deletion verb: an app, account or program as what is deleted ("after its app was
/// deleted", "users whose accounts are deleted").
static NOT_DATA_DELETED_BEFORE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(
        r"(?i)\b(?:app|apps|application|applications|account|accounts|software|program|programs|game|games|profile|profiles|blog|blogs|page|pages)\s+(?:(?:was|were|is|are|had|has|have|been|being|be|later|then|also|since)\s+){0,3}$",
    )
    .expect("a valid regex: a constant pattern")
});

/// After a deletion verb: an app, account or program as its object ("deleted the app").
static NOT_DATA_DELETED_AFTER: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(
        r"(?i)^\s+(?:(?:the|its|their|his|her|your|our|an?)\s+)?(?:[\w-]+\s+)?(?:app|apps|application|account|accounts|software|program|game|profile|profiles|blog|blogs)\b",
    )
    .expect("a valid regex: a constant pattern")
});

/// Before "only": a relative clause opened after a comma (", which only approved followers can
/// see,").
static RELATIVE_OPEN: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(r"(?i),\s*(?:which|who|whom|that)\s+$").expect("a valid regex: a constant pattern")
});

/// Before an assurance of control: control threatened, lost or given as a feature ("threatened
/// members' control over", "gives users more control over", "without any control over").
static CONTROL_AT_STAKE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(
        r"(?i)\b(?:threaten\w*|undermin\w*|erod\w*|weaken\w*|violat\w*|depriv\w*|strip\w*|take\s+away|takes\s+away|took\s+away|taking\s+away|lose|loses|lost|losing|without|lack|lacks|lacked|lacking|little|less|more|greater|better|restore\w*|regain\w*|want|wants|wanted|demand\w*|should|must)\s+(?:[\w'’-]+\s+){0,3}$",
    )
    .expect("a valid regex: a constant pattern")
});

/// Right before a recipient word: a data noun and "of" ("the identity of reviewers", "the
/// names of employees"), the people whose data it is; not "hundreds of outside developers".
static OF_RIGHT_BEFORE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(
        r"(?i)\b(?:identity|identities|names?|data|information|details|records|files|accounts?|e-?mails?|messages|photos|profiles?|privacy|locations?|addresses|numbers|conversations|recordings|histor(?:y|ies)|activity|movements|communications|posts|contacts)\s+of\s+(?:(?:the|its|their|some|all|any|many)\s+)?$",
    )
        .expect("a valid regex: a constant pattern")
});

/// Before a practice verb: a fix or change planned, "so that" the practice stops ("would release
/// a firmware update so that no data is sent", "will change the app so that it no longer").
static PLANNED_FIX_BEFORE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(
        r"(?i)\b(?:would|will|plans?\s+to|planned\s+to|is\s+going\s+to|promised\s+to|pledged\s+to|intends\s+to|agreed\s+to)\s+[^.;]{0,80}?\bso\s+(?:that\s+)?[^.;]{0,60}$",
    )
    .expect("a valid regex: a constant pattern")
});

/// Before a company that would be read as the data's holder: a statement made on it ("wrote on
/// X", "said in a post on Facebook", "posted on LinkedIn").
static SAID_ON: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(
        r"(?i)\b(?:said|says|wrote|writes|posted|posts|tweeted|announced|announces|stated|states|explained|added|commented|replied|responded|apologi[sz]ed|statement|post|message|thread|video|note)\s+(?:(?:in|with)\s+(?:an?|the|its|his|her|their)\s+(?:[\w-]+\s+)?(?:statement|post|message|thread|video|note|update)\s+)?on\s+$",
    )
    .expect("a valid regex: a constant pattern")
});

/// Between a practice verb and a condition: a clause of its own with a subject (", and it asks
/// account holders to get permission").
static OWN_CLAUSE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(r"(?:,\s*|\s)and\s+(?:it|they|we|he|she|the\s+company|the\s+app|[A-Z][\w.-]+)\s+\w+")
        .expect("a valid regex: a constant pattern")
});

/// Before a practice verb: an infinitive of knowing with a question word ("hard for users to
/// know which data an AI model has been trained on", "no way to find out whether").
static TO_KNOW_WH: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(
        r"(?i)\bto\s+(?:know|learn|find\s+out|understand|tell|check|see|work\s+out|figure\s+out)\s+(?:which|what|whether|how\s+much|how\s+many|if|who)\b[^.;:]{0,60}$",
    )
    .expect("a valid regex: a constant pattern")
});
