//! Page chrome standing at the edges of an extracted text: what a reader returns when the page
//! holds no article where it looked (a video page's sign-in prompts, an outdated-browser
//! notice, a "you will be connected in a moment" interstitial, a form's error message, a
//! membership upsell, a skip link) or what it keeps around the article (a publisher's address
//! and telephone lines, a copyright line, a newsletter or app sign-up). Pure.
//!
//! Only runs of short paragraphs at the start or the end of a text are cut, and only when the
//! run holds at least one notice: a notice's wording in the middle of an article may be the
//! article's own subject ("users were told to update their browser").

/// Wording of notices (lower case, matched as substrings of a short paragraph), by kind.
const NOTICE_PHRASES: &[&str] = &[
    // Prompts of a video or social platform's page.
    "sign in to report",
    "report inappropriate content",
    "sign in to add",
    "sign in to like",
    "sign in to make your opinion count",
    "want to watch this again later",
    "add translations",
    "interactive transcript could not be loaded",
    "this feature is not available right now",
    "commenting feature is disabled",
    // Comment sections and rating widgets.
    "comments are closed",
    "comments and trackbacks are currently closed",
    "go to comments",
    "leave a comment",
    "leave a reply",
    "post a comment",
    "kommentar schreiben",
    "keine kommentare",
    "kommentare deaktiviert",
    "kommentare und pings",
    "kommentare lesen und schreiben",
    "eingeloggt sein um kommentare",
    "ihr kommentar ist zu lang",
    "war der artikel nützlich",
    "noch keine bewertungen",
    // Media players.
    "flash player",
    "no live streaming",
    // Placeholders of embedded content the reader has not agreed to load.
    "keine zustimmung gegeben",
    "inhalt nachzuladen",
    "inhalte nachzuladen",
    // Outdated or unsupported browser, scripts off.
    "your browser is out of date",
    "your browser is outdated",
    "outdated browser",
    "update your browser",
    "upgrade your browser",
    "browser is not supported",
    "unsupported browser",
    "browser ist veraltet",
    "browser ist leider veraltet",
    "neueren browser",
    "navigateur est obsolète",
    "navigateur n'est pas à jour",
    "navegador está desactualizado",
    "navegador no es compatible",
    "please enable javascript",
    "javascript is disabled",
    "javascript aktivieren",
    // Interstitials: a check or a redirect stands in for the page.
    "you will be connected to",
    "in just a moment",
    "checking your browser",
    "checking if the site connection is secure",
    "please stand by",
    "you are being redirected",
    "verify you are human",
    "ddos protection by",
    "please enable cookies",
    "einen moment bitte",
    // Form errors.
    "please try again",
    "invalid postcode",
    "invalid zip code",
    "invalid email",
    "please enter a valid",
    "this field is required",
    "couldn't find a match",
    "something went wrong",
    "an error occurred",
    "bitte versuchen sie es",
    "pflichtfeld",
    // Upsells and sign-ups.
    "jetzt upgraden",
    "upgrade now",
    "für neumitglieder",
    "become a member",
    "members only",
    "start your free trial",
    "start free trial",
    "sign up here",
    "subscribe to our",
    "newsletters.",
    "abonniere jetzt",
    "jetzt kostenlos für ios",
    "download the app",
    "get the app",
    "register now",
    "jetzt registrieren",
    "want more stories like this",
    "read or share this story",
    "double opt-in",
    "follow us on",
    "folge uns auf",
    "folgen sie uns",
    "suivez-nous",
    "click here to watch",
    "app für android",
    // Disclosures of affiliate links and paid placement.
    "affiliate-link",
    "affiliate link",
    "partnerlinks",
    "advertising disclosure",
    "we may receive compensation",
    "we may earn a commission",
    // Skip links.
    "skip to main content",
    "skip to content",
    "skip to navigation",
    "skip navigation",
    "jump to content",
    "zum inhalt springen",
    "direkt zum inhalt",
    "zum hauptinhalt",
    "aller au contenu",
    "saltar al contenido",
    "vai al contenuto",
    // Rights reserved.
    "alle rechte vorbehalten",
    "tous droits réservés",
    "todos los derechos reservados",
    "tutti i diritti riservati",
    "this document is subject to copyright",
    "무단 전재",
    "무단전재",
];

/// Whole paragraphs (lower case, surrounding dashes, dots and spaces ignored) that are the
/// labels of a notice or control.
const NOTICE_LABELS: &[&str] = &[
    "sign in",
    "sign up",
    "log in",
    "login",
    "register",
    "anmelden",
    "einloggen",
    "se connecter",
    "iniciar sesión",
    "loading",
    "please wait",
    "bitte warten",
    "chargement",
    "cargando",
    // Headings of the links to other stories.
    "more about",
    "more from",
    "mehr zum thema",
    "mehr zu diesem thema",
    "mehr lesen",
    "learn more",
    "read more",
    "weiterlesen",
];

/// Openings of a short paragraph (at most `OPENING_MAX` characters) of page chrome: filing
/// lines, tag lists, pointers to more stories.
const NOTICE_OPENINGS: &[&str] = &[
    "tags:",
    "schlagwörter:",
    "abgelegt unter",
    "filed under",
    "this entry was posted in",
    "posted in ",
    "more from ",
    "see more ",
    "mehr von ",
    "lesen sie dazu auch",
];

const OPENING_MAX: usize = 120;

/// Names of share targets: a paragraph made of these alone is a share bar.
const SHARE_WORDS: &[&str] = &[
    "facebook",
    "twitter",
    "linkedin",
    "whatsapp",
    "instagram",
    "pinterest",
    "xing",
    "reddit",
    "telegram",
    "tumblr",
    "flipboard",
    "messenger",
    "e-mail",
    "email",
    "mail",
    "print",
    "drucken",
    "teilen",
    "share",
    "tweet",
    "copy link",
    "link kopieren",
];

/// Openings of a line of contact details.
const CONTACT_OPENINGS: &[&str] = &[
    "tel",
    "telefon",
    "telephone",
    "téléphone",
    "tél",
    "phone",
    "fax",
    "telefax",
    "e-mail",
    "email",
    "mail",
    "mobil",
    "mobile",
    "web",
    "internet",
];

/// Longest paragraph that may be a notice.
const NOTICE_MAX: usize = 250;

/// A short paragraph of page chrome: a notice (see `NOTICE_PHRASES`), a control's label, a
/// copyright line or a block of contact details.
pub(crate) fn is_notice(p: &str) -> bool {
    if p.chars().count() > NOTICE_MAX {
        return false;
    }
    let l = p.to_lowercase();
    let bare = l.trim_matches(is_label_edge);
    if NOTICE_LABELS.contains(&bare) || is_share_bar(bare) {
        return true;
    }
    // A line of a short block that is a control's label ("Loading...").
    if p.chars().count() <= 150
        && l.lines()
            .any(|line| NOTICE_LABELS.contains(&line.trim_matches(is_label_edge)))
    {
        return true;
    }
    if p.chars().count() <= OPENING_MAX && NOTICE_OPENINGS.iter().any(|o| bare.starts_with(o)) {
        return true;
    }
    if bare.starts_with('©') || bare.starts_with("copyright") || bare.starts_with("(c) ") {
        return true;
    }
    NOTICE_PHRASES.iter().any(|s| l.contains(s)) || is_contact_block(&l)
}

/// Characters around a label that do not change it.
fn is_label_edge(c: char) -> bool {
    c.is_whitespace() || matches!(c, '-' | '–' | '—' | '.' | '…' | '!' | ':' | '»' | '›' | '>')
}

/// Only share-target names, separators and spaces ("FacebookTwitterE-Mail", "Share | Tweet").
fn is_share_bar(bare: &str) -> bool {
    let mut rest = bare;
    let mut words = 0;
    loop {
        rest = rest.trim_start_matches(|c: char| {
            c.is_whitespace() || matches!(c, '|' | '/' | '·' | '•' | ',' | '-')
        });
        if rest.is_empty() {
            return words > 0;
        }
        match SHARE_WORDS.iter().find(|w| rest.starts_with(*w)) {
            Some(w) => {
                rest = &rest[w.len()..];
                words += 1;
            }
            None => return false,
        }
    }
}

/// Every line is contact details ("Telefon: +43 …", "E-Mail: …"), and one holds a digit or `@`.
fn is_contact_block(l: &str) -> bool {
    let contact_line = |line: &str| {
        let line = line.trim();
        CONTACT_OPENINGS.iter().any(|o| {
            line.strip_prefix(o).is_some_and(|rest| {
                let rest = rest.trim_start_matches('.').trim_start();
                rest.starts_with(':')
                    || rest.starts_with('+')
                    || rest.starts_with(|c: char| c.is_ascii_digit())
            })
        })
    };
    if l.lines().all(contact_line) && l.contains(|c: char| c.is_ascii_digit() || c == '@') {
        return true;
    }
    // An address line with a number in it ("… • 60489 Frankfurt • Tel.: +49 69 1234").
    CONTACT_LABELS.iter().any(|k| l.contains(k)) && l.chars().filter(char::is_ascii_digit).count() >= 6
}

/// Labels of a telephone number inside a line of contact details.
const CONTACT_LABELS: &[&str] = &["tel.:", "tel:", "telefon:", "telephone:", "phone:", "fax:"];

/// A short label or heading beside notices: every line is short, holds no digit, and the
/// paragraph does not end as a sentence does (a question may: "Need to report the video?").
fn is_label(p: &str) -> bool {
    p.chars().count() <= 120
        && p.lines().all(|line| line.chars().count() <= 60)
        && !p.contains(|c: char| c.is_ascii_digit())
        && !p
            .trim_end()
            .ends_with(['.', '!', '"', '”', '“', '»', '«', '\'', '’', ')', ':'])
}

/// `text` (paragraphs separated by a blank line) without the run of notices and labels at its
/// start and the one at its end, each cut only when it holds a notice. May return an empty
/// text: the page then showed chrome instead of an article.
pub(crate) fn trim_edges(text: String) -> String {
    let ps: Vec<&str> = text.split("\n\n").collect();
    // Only the paragraphs of the two runs are read: the rest of the text is never judged.
    let kind = |p: &str| (is_notice(p), is_label(p));
    let mut lead = 0;
    let mut lead_notice = false;
    while let Some(p) = ps.get(lead) {
        let (notice, label) = kind(p);
        if !(notice || label) {
            break;
        }
        lead_notice |= notice;
        lead += 1;
    }
    let start = if lead_notice { lead } else { 0 };
    let mut end = ps.len();
    let mut tail_notice = false;
    while end > start {
        let (notice, label) = kind(ps[end - 1]);
        if !(notice || label) {
            break;
        }
        tail_notice |= notice;
        end -= 1;
    }
    let end = if tail_notice { end } else { ps.len() };
    if start == 0 && end == ps.len() {
        return text;
    }
    ps[start..end].join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notices() {
        fn check(p: &str, expected: bool) {
            assert_eq!(is_notice(p), expected, "{p:?}");
        }
        check("Sign in to report inappropriate content.", true);
        check("Sign in", true);
        check(
            "Your browser is out of date. Update it for a better experience.",
            true,
        );
        check("Ihr Browser ist veraltet.", true);
        check(
            "You will be connected to www.example.org in just a moment...",
            true,
        );
        check(
            "Invalid postcode. Sorry, no match was found; please try again.",
            true,
        );
        check(
            "Members only: all the benefits from $9 a month. Upgrade now",
            true,
        );
        check("Skip to main content", true);
        check("-- Loading... --", true);
        check("© 2021 The Example Post", true);
        check("Copyright Example Media Group", true);
        check("Telefon: +43 1 234 56\nFax: +43 1 234 57", true);
        check("E-Mail: press@example.org", true);
        check(
            "Example e.V. • Hauptstr. 12 • 60489 Frankfurt • Tel.: +49 69 1234 567",
            true,
        );
        check("Subscribe to Example Weekly newsletters.", true);
        check("FacebookTwitterLinkedinEMail", true);
        check("Share | Tweet | E-Mail", true);
        check("Facebook shared the data with partners.", false);
        check("War der Artikel nützlich?\n(12 Stimmen)\nLoading...", true);
        check("Mehr zum Thema:", true);
        check("MORE FROM Jane Example", true);
        check("Tags: Privacy, Facebook, Open Source", true);
        check(
            "This article contains affiliate links; we may earn a commission.",
            true,
        );
        check("Go to comments: 0 posted", true);
        check(
            "Learn more about how the company uses your data, the regulator said.",
            false,
        );
        check("The company said it would update the app next year.", false);
        check("Telephone records were kept for seven years.", false);
        check("Register of data brokers", false);
        check(&format!("{} please try again", "word ".repeat(60)), false);
    }

    #[test]
    fn edges() {
        fn check(text: &str, expected: &str) {
            assert_eq!(trim_edges(text.to_string()), expected, "{text:?}");
        }
        let body = "The regulator fined the firm for keeping location data.";
        // A video page's prompts ahead of its description, a label after it.
        check(
            &format!("Need to report the video?\n\nSign in to report inappropriate content.\n\nSign in\n\nAdd translations\n\n{body}\n\nCategory"),
            &format!("{body}\n\nCategory"),
        );
        // Chrome alone: nothing is left.
        check(
            "Dein Browser ist leider veraltet.\n\nLade einen neueren Browser herunter.",
            "",
        );
        check("You will be connected to example.org in just a moment...", "");
        // A skip link before a dateline; a publisher's address and phone lines after the text.
        check(
            &format!("Skip to main content\n\nVienna, 3 July 2018\n\n{body}\n\nMinistry of Examples\nPress office\n\nTelefon: +43 1 234\nFax: +43 1 235"),
            &format!("Vienna, 3 July 2018\n\n{body}"),
        );
        // Headings without a notice stay.
        check(
            &format!("Key points\n\n{body}\n\nMore on this"),
            &format!("Key points\n\n{body}\n\nMore on this"),
        );
        // A notice's wording inside the article stays.
        check(
            &format!("{body}\n\nUsers were told: please try again later.\n\n{body}"),
            &format!("{body}\n\nUsers were told: please try again later.\n\n{body}"),
        );
        check("", "");
    }
}
