//! The language of an article: what its page or input declares, checked against its text by
//! the share of each language's commonest function words. The claim rules read English only,
//! so an article whose language is known and not English gives no claim. Pure.
//!
//! Pages often declare a language their text is not in (a template's `lang="en"` over a German
//! blog, `lang="de"` over an English essay): when the text is long enough to tell, the text
//! decides; a short text keeps what was declared.

use std::collections::HashMap;
use std::sync::OnceLock;

/// Function words per language (ISO 639-1), chosen to be frequent in running text. A word may
/// be listed under several languages ("de", "en", "die").
const STOP_WORDS: &[(&str, &str)] = &[
    (
        "en",
        "the of and to is that for it was with as by at from this are have has not but or \
         which were they their its will would been who you said",
    ),
    (
        "de",
        "der die und den das nicht von sie ist des sich mit dem dass er es ein ich auf eine auch \
         als nach wie im für aber aus durch wenn nur war noch werden bei hat wir wird sind oder \
         zur um haben einer über diese einem zum kann",
    ),
    (
        "fr",
        "le la les de des et un une du est que qui dans pour pas sur au avec il elle ne se ce \
         sont par plus aux son sa ses mais ou leur été cette nous vous",
    ),
    (
        "es",
        "el la los las de del y en que un una es por con para se no su al lo como más pero sus \
         le ha este esta entre cuando muy sin sobre también",
    ),
    (
        "it",
        "il lo la gli le di del della dei che e è un una per con non si sono da al alla nel \
         nella anche come più ma ha questo questa",
    ),
    (
        "pt",
        "o a os as de do da dos das e em que um uma é para com não se por no na mais como mas \
         ao ele foi são pelo pela",
    ),
    (
        "nl",
        "de het een en van in is dat op te zijn met voor niet aan er maar om ook als bij door \
         wordt dit naar uit wel",
    ),
    (
        "sv",
        "och att det som en på är av för med till den har de inte om ett men var jag sig från",
    ),
    (
        "no",
        "og i det som en på er av for med til den har de ikke om et men var jeg seg fra",
    ),
    (
        "da",
        "og i det som en på er af for med til den har de ikke om et men var jeg sig fra",
    ),
    (
        "pl",
        "i w na z się nie do to że jest o jak po co ale za od przez jego",
    ),
    (
        "id",
        "yang dan di ini itu dengan untuk dari dalam tidak akan pada juga ke karena ada",
    ),
    (
        "tr",
        "ve bir bu da de için ile olarak çok daha gibi ne ama olan en",
    ),
];

/// Fewer words than this and the text does not decide.
const MIN_WORDS: usize = 20;
/// At most this many words are read: enough to tell, cheap on a long text.
const MAX_WORDS: usize = 2_000;
/// The share of its function words a language needs in the words read to be the text's.
const MIN_SHARE: f64 = 0.08;

/// What the words of a text say of its language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextLanguage {
    /// The language (ISO 639-1) whose function words are commonest, being common enough.
    Code(&'static str),
    /// Most words are not in the Latin script (Cyrillic, CJK, Arabic ...): not English.
    NotLatin,
    /// Too short, or no listed language's function words common enough.
    Unknown,
}

/// Word → bit set of the languages of `STOP_WORDS` listing it.
fn stop_words() -> &'static HashMap<&'static str, u16> {
    static MAP: OnceLock<HashMap<&'static str, u16>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut map: HashMap<&'static str, u16> = HashMap::new();
        for (i, (_, words)) in STOP_WORDS.iter().enumerate() {
            for w in words.split_whitespace() {
                *map.entry(w).or_default() |= 1 << i;
            }
        }
        map
    })
}

/// The language of `text` by its function words (see `TextLanguage`).
pub fn text_language(text: &str) -> TextLanguage {
    let map = stop_words();
    let mut counts = [0usize; STOP_WORDS.len()];
    let (mut words, mut latin) = (0usize, 0usize);
    let mut lower = String::new();
    for word in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .take(MAX_WORDS)
    {
        words += 1;
        let first = word.chars().next().unwrap_or(' ');
        if (first as u32) < 0x250 {
            latin += 1;
        } else {
            continue;
        }
        lower.clear();
        lower.extend(word.chars().flat_map(char::to_lowercase));
        if let Some(&bits) = map.get(lower.as_str()) {
            for (i, n) in counts.iter_mut().enumerate() {
                if bits & (1 << i) != 0 {
                    *n += 1;
                }
            }
        }
    }
    if words < MIN_WORDS {
        return TextLanguage::Unknown;
    }
    if latin * 2 < words {
        return TextLanguage::NotLatin;
    }
    // The first of equals wins: English is listed first.
    let (best, &n) = counts
        .iter()
        .enumerate()
        .fold((0, &0), |acc, (i, n)| if *n > *acc.1 { (i, n) } else { acc });
    if (n as f64) < MIN_SHARE * words as f64 {
        return TextLanguage::Unknown;
    }
    TextLanguage::Code(STOP_WORDS[best].0)
}

/// The ISO 639-1 codes, and the retired ones Java locales still write (`iw`, `in`, `ji`).
const ISO_639_1: &str = "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co \
    cr cs cu cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho \
    hr ht hu hy hz ia id ie ig ii ik in io is it iu iw ja ji jv ka kg ki kj kk kl km kn ko kr ks ku kv \
    kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mo mr ms mt my na nb nd ne ng nl nn no nr nv ny \
    oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg sh si sk sl sm sn so sq sr ss st su \
    sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu";

/// Three-letter codes (ISO 639-2/3) of the languages news is most often written in, with their
/// two-letter code; a page declaring `lang="eng"` or `"deu"` is read as `en`, `de`.
const ISO_639_3: &[(&str, &str)] = &[
    ("eng", "en"),
    ("deu", "de"),
    ("ger", "de"),
    ("fra", "fr"),
    ("fre", "fr"),
    ("spa", "es"),
    ("ita", "it"),
    ("por", "pt"),
    ("nld", "nl"),
    ("dut", "nl"),
    ("swe", "sv"),
    ("nor", "no"),
    ("nob", "nb"),
    ("nno", "nn"),
    ("dan", "da"),
    ("fin", "fi"),
    ("pol", "pl"),
    ("ces", "cs"),
    ("cze", "cs"),
    ("rus", "ru"),
    ("ukr", "uk"),
    ("tur", "tr"),
    ("ell", "el"),
    ("gre", "el"),
    ("ara", "ar"),
    ("heb", "he"),
    ("hin", "hi"),
    ("zho", "zh"),
    ("chi", "zh"),
    ("jpn", "ja"),
    ("kor", "ko"),
    ("ind", "id"),
    ("vie", "vi"),
    ("ron", "ro"),
    ("rum", "ro"),
    ("hun", "hu"),
    ("cat", "ca"),
    ("fas", "fa"),
    ("per", "fa"),
];

/// The primary subtag of a declared language ("en-US" → "en", "pt_BR" → "pt", "deu" → "de"),
/// lower-cased; `None` when it is no language code ("xx", "english", "1"): a page's typo must
/// not stop the claim rules from reading an English text too short for its words to tell.
pub fn primary_subtag(declared: &str) -> Option<String> {
    let p = declared
        .trim()
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    match p.len() {
        2 => {
            let current = match p.as_str() {
                "iw" => "he",
                "in" => "id",
                "ji" => "yi",
                "mo" => "ro",
                "sh" => "sr",
                _ => p.as_str(),
            };
            ISO_639_1
                .split_whitespace()
                .any(|c| c == p)
                .then(|| current.to_string())
        }
        3 => ISO_639_3
            .iter()
            .find(|(three, _)| *three == p)
            .map(|(_, two)| two.to_string()),
        _ => None,
    }
}

/// The article's language (a primary subtag such as "en", "de"): what its text says when the
/// text is long enough to tell, else what the page or input declared.
///
/// A text read as another language than the one declared keeps the declared one when both are
/// not English (the declaration tells Catalan from Spanish, Bokmål from Danish, which the
/// function words may not). Text mostly outside the Latin script is not English: it keeps a
/// declared language other than English, else has none.
pub fn article_language(declared: Option<&str>, text: &str) -> Option<String> {
    let declared = declared.and_then(primary_subtag);
    let other = declared.clone().filter(|d| d != "en");
    match text_language(text) {
        TextLanguage::Code("en") => Some("en".to_string()),
        TextLanguage::Code(code) => other.or_else(|| Some(code.to_string())),
        TextLanguage::NotLatin => other,
        TextLanguage::Unknown => declared,
    }
}

/// Whether the claim rules read an article of this language: English, or not known.
pub fn rules_read(language: Option<&str>) -> bool {
    language.is_none_or(|l| primary_subtag(l).is_none_or(|p| p == "en"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(declared: Option<&str>, text: &str, expected: Option<&str>) {
        assert_eq!(
            article_language(declared, text).as_deref(),
            expected,
            "{declared:?} {text}"
        );
    }

    #[test]
    fn the_text_decides_when_long_enough() {
        let en = "The regulator said on Tuesday that the company had kept the records of its \
                  customers for longer than the law allows, and that it would be fined.";
        let de = "Die Behörde teilte am Dienstag mit, dass das Unternehmen die Daten seiner Kunden \
                  länger gespeichert habe, als es das Gesetz erlaubt, und dass es eine Strafe zahlen werde.";
        let fr = "Le régulateur a indiqué mardi que la société avait conservé les données de ses \
                  clients plus longtemps que ne le permet la loi, et qu'elle devra payer une amende.";
        check(None, en, Some("en"));
        check(Some("de-DE"), en, Some("en"));
        check(None, de, Some("de"));
        check(Some("en-US"), de, Some("de"));
        check(Some("en"), fr, Some("fr"));
        // Another language declared than the one the words suggest: the declaration, when it
        // is not English, is kept.
        check(Some("ca"), fr, Some("ca"));
        // Too short to tell: the declaration stands.
        check(Some("fr"), "Facebook shared data.", Some("fr"));
        check(None, "Facebook shared data.", None);
        check(Some("en_GB"), "Facebook shared data.", Some("en"));
    }

    #[test]
    fn other_scripts_are_not_english() {
        let ru = "Регулятор заявил во вторник, что компания хранила данные своих клиентов дольше, \
                  чем позволяет закон, и что ей придётся заплатить штраф в размере одного миллиона \
                  рублей за это нарушение правил хранения данных";
        check(Some("en"), ru, None);
        check(Some("ru"), ru, Some("ru"));
        assert!(rules_read(None));
        assert!(rules_read(Some("en-GB")));
        assert!(!rules_read(Some("de")));
        assert_eq!(text_language(ru), TextLanguage::NotLatin);
    }

    #[test]
    fn words_of_no_listed_language_leave_it_unknown() {
        // Finnish: none of the listed function words.
        let fi = "Sääntelyviranomainen kertoi tiistaina yhtiön säilyttäneen asiakkaidensa tietoja \
                  pidempään kuin laki sallii ja joutuvan maksamaan sakon siitä hyvästä kun \
                  tietoja säilytettiin liian kauan";
        assert_eq!(text_language(fi), TextLanguage::Unknown);
        check(Some("fi"), fi, Some("fi"));
        check(None, fi, None);
    }

    #[test]
    fn only_language_codes_count_as_declared() {
        // Too short for its words to tell: the declaration decides, when it is a language.
        let short = "Facebook shared data.";
        check(Some("de-AT"), short, Some("de"));
        check(Some("deu"), short, Some("de"));
        check(Some("ENG"), short, Some("en"));
        check(Some("iw"), short, Some("he"));
        // Not a code: ignored, so the rules still read the text.
        for junk in ["xx", "english", "1", "zz-ZZ", "abc", ""] {
            check(Some(junk), short, None);
            assert!(rules_read(Some(junk)), "{junk}");
        }
        assert!(!rules_read(Some("fra")));
    }
}
