//! Denials about what a breach reached, said without a practice verb the other rules read, or with
//! the practice in a noun: "no payment card numbers were compromised", "neither the passwords
//! nor the funds were touched", "there is no sign that any customer data was accessed, lost or
//! stolen", "the Social Security numbers were not among the files taken", "the incident did not
//! affect financial information", "we are not aware of any misuse of the data", "there was no
//! data breach", a headline's "... exposed phone numbers, not Social Security numbers" and "only
//! names and emails were taken" (everything else was not).
//!
//! `find` reads one sentence and returns each construction's span, where its data phrases are
//! and the action it denies; `Ctx::breach_denials` (rules.rs) turns them into claims, only in an
//! article about a breach (`BREACH_STORY`) and only where the data span names data or the people
//! it belongs to. Look-alikes that are no denial are left alone: "did not say whether ... was
//! taken", "could not rule out that ... was viewed", "not only ... but", "no longer".

use std::sync::LazyLock;

use regex::Regex;

use crate::model::Action;

/// One denial construction in a sentence (byte offsets into the sentence).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Found {
    /// The whole construction.
    pub start: usize,
    pub end: usize,
    /// Where the data denied is named.
    pub data: (usize, usize),
    pub action: Action,
    /// Present ("is not", "does not") rather than past.
    pub present: bool,
    /// The people or systems of the data span may stand for their data ("customers were not
    /// affected", "its systems were not breached").
    pub holders_ok: bool,
    pub rule: &'static str,
}

/// What a breach does to data, as a participle.
const PART: &str = r"(?:accessed|compromised|exposed|affected|impacted|touched|involved|taken|stolen|obtained|viewed|reached|copied|downloaded|breached|leaked|lost|exfiltrated|acquired|hacked|misused|used|seen)";

/// A passive's auxiliary.
const AUX: &str = r"(?:was|were|is|are|had\s+been|has\s+been|have\s+been|being|been)";

/// ASCII word boundaries (`claims::ascii_b`): with a Unicode `\b`, `BREACH_STORY` alone, read over
/// every article, took most of real news's claim time on text with a non-ASCII letter.
fn re(p: &str) -> Regex {
    super::ascii_b(p).expect("a valid regex: a constant pattern")
}

/// A negated subject before a passive: "no passwords, private keys or codes were exposed",
/// "none of the card numbers was taken", "neither the histories nor the heart-rate data were
/// touched".
static NEG_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)\b(?:no|none\s+of|neither)\s+((?:[^.;:!?]|\.\d){{1,140}}?)\s+{AUX}\s+(?:(?:ever|either|also|actually|in\s+any\s+way)\s+)?(?:\w+ly\s+)?({PART})\b"
    ))
});

/// A negated passive: "card data was not accessed", "were never exposed", "wasn't touched".
static NEG_PASSIVE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)\b(?:(?:was|were|is|are|had|has|have)(?:\s+not|n['’]t)\s+(?:been\s+)?|(?:was|were|is|are)\s+never\s+|(?:had|has|have)\s+never\s+been\s+)(?:(?:ever|either|actually|in\s+any\s+way)\s+)?(?:\w+ly\s+)?({PART})\b"
    ))
});

/// Not among what was taken: "were not among the files the intruder took", "is not part of
/// the stolen data", "were not in the exposed records".
static NOT_AMONG: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:was|were|is|are)(?:\s+not|n['’]t)\s+(?:among|in|part\s+of|included\s+in|contained\s+in)\s+(?:the|its|any)\s+(?:[\w’'-]+\s+){0,3}?(?:files?|data|records|information|database|databases|material|trove|cache|dump|leak|breach|haul|set|batch)\b",
    )
});

/// "Nowhere in the exposed data were Social Security numbers": the data span follows.
static NOWHERE_IN: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\bnowhere\s+in\s+the\s+(?:[\w’'-]+\s+){0,3}?(?:files?|data|records|information|database|material|trove|cache|dump|leak)\b([^.;!?]{1,120})",
    )
});

/// A finding of nothing, then a passive with a breach participle: "no indication that any
/// customer data ... was accessed", "does not believe that passwords were affected", "not aware
/// that any records had been copied".
static NOTHING_FOUND: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)\b(?:(?:no|not\s+(?:see|seen|find|found|have|had)\s+any|never\s+(?:found|seen))\s+(?:\w+\s+){{0,2}}?(?:evidence|indication|indications|sign|signs|proof|suggestion|reason\s+to\s+believe)(?:\s+(?:\w+\s+){{0,3}}?(?:that|of))?|(?:not|n['’]t)\s+(?:aware|believe|think)\s+(?:that\s+)?|unaware\s+(?:that\s+)?)\b((?:[^.;:!?]|\.\d){{1,160}}?)\s+{AUX}\s+(?:(?:ever|either|also|actually|able\s+to\s+be)\s+)?(?:\w+ly\s+)?({PART})\b"
    ))
});

/// Nothing found of a misuse: "not aware of any misuse of our customers' information", "no
/// evidence of fraudulent use of the data".
static NO_MISUSE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:(?:not|n['’]t)\s+aware\s+of|unaware\s+of|no\s+(?:evidence|indication|sign|signs|reports?|knowledge)\s+of|(?:did|does|do|has|have|had)(?:\s+not|n['’]t)\s+(?:seen|see|found|find|detected|detect|identified|identify)|found\s+no|seen\s+no|detected\s+no|identified\s+no)\s+(?:any\s+)?(?:\w+\s+)?(?:misuse|abuse|fraudulent\s+use|improper\s+use|unauthori[sz]ed\s+use|misappropriation)\s+of\b((?:\s+[\w’'-]+){1,8})",
    )
});

/// No breach at all: "there was no data breach", "there had been no breach of private
/// information", "found no evidence of any intrusion".
static NO_BREACH: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:there\s+(?:was|were|has\s+been|had\s+been|is|have\s+been)\s+no|(?:found|saw|seen|detected)\s+no\s+(?:evidence|indication|sign)\s+of\s+(?:a|any)|no\s+evidence\s+of\s+(?:a|any))\s+(?:[\w-]+\s+){0,2}?(?:breach|intrusion|hack|compromise)\b",
    )
});

/// A negated verb of a breach with its object: "the incident did not affect customers'
/// financial information", "the stolen files do not include card numbers".
static DID_NOT_REACH: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:did|does|do)(?:\s+not|n['’]t)\s+(?:affect|impact|touch|involve|include|contain|expose|reach|compromise)\s+([^.;:!?]{1,100})",
    )
});

/// An elided contrast after a verb of taking: "exposed phone numbers, not Social Security
/// numbers", "took email addresses but not passwords", "exposed users' data but no card
/// numbers". The words after "not"/"no" are captured.
static ELIDED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:took|taken|stole|stolen|exposed|exposes|expose|exposing|spilled|spills|leaked|leaks|hit|hits|obtained|accessed|reached|compromised|included|includes|grabbed|got)\s+(?:[^.;:!?]|\.\d){1,80}?(?:,\s*(?:but\s+)?not|\s+but\s+(?:not|no))\s+([^.;:!?,]{1,60})",
    )
});

/// "only the account details listed above were reached": the rest was not.
static ONLY_TAKEN: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)\bonly\s+((?:[^.;:!?]|\.\d){{1,80}}?)\s+{AUX}\s+(?:\w+ly\s+)?({PART})\b"
    ))
});

/// In a data span: a clause of its own or a question, which the construction does not cover
/// ("did not say whether the files were taken", "asked if any data was lost").
static SPAN_BREAK: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:whether|if|but|although|though|because|while|unless|until|whereas|longer|was|were|is|are|has|have|had|how|what|why|when|where|which|who|knows?|known|said|says|told)\b",
    )
});

/// In the subject of a negated passive: a clause of its own or a question. Unlike `SPAN_BREAK`,
/// a relative clause inside the subject is allowed ("people who joined later were not
/// affected"); one whose own verb is the negated one is not (`RELATIVE_RIGHT_BEFORE`).
static SUBJECT_BREAK: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)\b(?:whether|if|but|although|though|because|while|unless|until|whereas|how|what|why|where)\b")
});

/// Right before a negated passive: a relative pronoun whose clause it is ("customers who were
/// not affected will be told").
static RELATIVE_RIGHT_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b(?:who|which|that|whose(?:\s+[\w’'-]+){1,4})\s*$"));

/// Right before a construction: what makes it no denial ("did not say whether", "could not rule
/// out that", "it is unclear whether", "asked whether", "did not deny that", "not only").
static NOT_A_DENIAL_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:whether|if|rule\s+out|ruled\s+out|ruling\s+out|exclude|excluded|unclear|not\s+clear|not\s+known|unknown|not\s+yet\s+known|deny|denied|dispute|disputed|not\s+say|not\s+said|not\s+disclose|declined\s+to|refused\s+to|would\s+not\s+say|asked|question|possible\s+that|may|might|could|too\s+early|not\s+only|not\s+just)\b[^.;!?]{0,60}$",
    )
});

/// After "not" in an elided contrast: words that make it no contrast of data ("not only", "not
/// yet", "not clear").
static ELIDED_NOT_DATA: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s*(?:only|just|yet|clear|known|immediately|always|all|before|after|until|because|in|on|about|for|to|by|from|with|that|whether|as|long|least|far|so|even|necessarily|surprisingly|enough)\b",
    )
});

/// The start of the clause a data span before `at` lies in: after the last `;`, `:`, dash,
/// "that", "but", "while", "said" or "says" before it, else the sentence's start.
fn clause_start(s: &str, at: usize) -> usize {
    static BOUNDARY: LazyLock<Regex> = LazyLock::new(|| {
        re(r"(?i)[;:—–]|,\s*and\b|\b(?:that|but|while|although|though|said|says|added|whereas)\b")
    });
    BOUNDARY.find_iter(&s[..at]).map(|m| m.end()).last().unwrap_or(0)
}

fn action_of(part: &str) -> Action {
    if matches!(part.to_ascii_lowercase().as_str(), "used" | "misused") {
        Action::Use
    } else {
        Action::Access
    }
}

fn present(s: &str) -> bool {
    static PRESENT: LazyLock<Regex> =
        LazyLock::new(|| re(r"(?i)\b(?:is|are|does|do|has|have|isn['’]t|aren['’]t|doesn['’]t|don['’]t)\b"));
    PRESENT.is_match(s)
}

/// Whether the words right before `at` make the construction no denial.
fn excused(s: &str, at: usize) -> bool {
    NOT_A_DENIAL_BEFORE.is_match(&s[clause_start_loose(s, at)..at])
}

/// Like `clause_start`, but only `;` and a sentence's start end it: "did not say whether" may
/// stand before "that".
fn clause_start_loose(s: &str, at: usize) -> usize {
    s[..at].rfind(';').map_or(0, |i| i + 1)
}

/// A word every construction holds: a negation, "nowhere", "unaware" or "only". A sentence
/// without one is not read further (most sentences of a story have none).
static MAY_DENY: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b(?:no|not|never|nowhere|none|neither|only|unaware)\b|n['’]t\b"));

/// The denial constructions of sentence `s`.
pub(crate) fn find(s: &str) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    if !MAY_DENY.is_match(s) {
        return out;
    }
    let mut push = |f: Found| {
        if !out.iter().any(|o| o.start < f.end && f.start < o.end) {
            out.push(f);
        }
    };
    for c in NOTHING_FOUND.captures_iter(s) {
        let (m, span, part) = (c.get(0).unwrap(), c.get(1).unwrap(), c.get(2).unwrap());
        if SPAN_BREAK.is_match(span.as_str()) || excused(s, m.start()) {
            continue;
        }
        push(Found {
            start: m.start(),
            end: m.end(),
            data: (span.start(), span.end()),
            action: action_of(part.as_str()),
            present: false,
            holders_ok: true,
            rule: "deny.breach.nothing_found",
        });
    }
    for c in NO_MISUSE.captures_iter(s) {
        let (m, span) = (c.get(0).unwrap(), c.get(1).unwrap());
        if excused(s, m.start()) {
            continue;
        }
        push(Found {
            start: m.start(),
            end: m.end(),
            data: (span.start(), span.end()),
            action: Action::Use,
            present: false,
            holders_ok: false,
            rule: "deny.breach.no_misuse",
        });
    }
    for c in NEG_SUBJECT.captures_iter(s) {
        let (m, span, part) = (c.get(0).unwrap(), c.get(1).unwrap(), c.get(2).unwrap());
        let lead = span.as_str().trim_start().to_ascii_lowercase();
        // "no longer", "no one knows whether", "no later than": not a negated subject.
        if SPAN_BREAK.is_match(span.as_str())
            || lead.starts_with("longer")
            || lead.starts_with("later")
            || lead.starts_with("sooner")
            || lead.starts_with("doubt")
            || excused(s, m.start())
        {
            continue;
        }
        push(Found {
            start: m.start(),
            end: m.end(),
            data: (span.start(), span.end()),
            action: action_of(part.as_str()),
            present: present(m.as_str()),
            holders_ok: true,
            rule: "deny.breach.no_subject",
        });
    }
    for c in NEG_PASSIVE.captures_iter(s) {
        let (m, part) = (c.get(0).unwrap(), c.get(1).unwrap());
        let cs = clause_start(s, m.start());
        // "customers who were not affected will not be contacted": a relative clause picks
        // some out, it denies nothing.
        if excused(s, m.start())
            || SUBJECT_BREAK.is_match(&s[cs..m.start()])
            || RELATIVE_RIGHT_BEFORE.is_match(&s[..m.start()])
        {
            continue;
        }
        push(Found {
            start: cs,
            end: m.end(),
            data: (cs, m.start()),
            action: action_of(part.as_str()),
            present: present(m.as_str()),
            holders_ok: true,
            rule: "deny.breach.not_passive",
        });
    }
    for m in NOT_AMONG.find_iter(s) {
        let cs = clause_start(s, m.start());
        if excused(s, m.start())
            || SUBJECT_BREAK.is_match(&s[cs..m.start()])
            || RELATIVE_RIGHT_BEFORE.is_match(&s[..m.start()])
        {
            continue;
        }
        push(Found {
            start: cs,
            end: m.end(),
            data: (cs, m.start()),
            action: Action::Access,
            present: present(m.as_str()),
            holders_ok: true,
            rule: "deny.breach.not_among",
        });
    }
    for c in NOWHERE_IN.captures_iter(s) {
        let (m, span) = (c.get(0).unwrap(), c.get(1).unwrap());
        push(Found {
            start: m.start(),
            end: m.end(),
            data: (span.start(), span.end()),
            action: Action::Access,
            present: present(m.as_str()),
            holders_ok: false,
            rule: "deny.breach.not_among",
        });
    }
    for m in NO_BREACH.find_iter(s) {
        if excused(s, m.start()) {
            continue;
        }
        push(Found {
            start: m.start(),
            end: m.end(),
            data: (m.start(), m.end()),
            action: Action::Access,
            present: present(m.as_str()),
            holders_ok: true,
            rule: "deny.breach.no_breach",
        });
    }
    for c in DID_NOT_REACH.captures_iter(s) {
        let (m, span) = (c.get(0).unwrap(), c.get(1).unwrap());
        if excused(s, m.start()) || SPAN_BREAK.is_match(span.as_str()) {
            continue;
        }
        push(Found {
            start: m.start(),
            end: m.end(),
            data: (span.start(), span.end()),
            action: Action::Access,
            present: present(m.as_str()),
            holders_ok: true,
            rule: "deny.breach.did_not_reach",
        });
    }
    for c in ELIDED.captures_iter(s) {
        let (m, span) = (c.get(0).unwrap(), c.get(1).unwrap());
        if ELIDED_NOT_DATA.is_match(span.as_str()) || excused(s, m.start()) {
            continue;
        }
        push(Found {
            start: span.start(),
            end: span.end(),
            data: (span.start(), span.end()),
            action: Action::Access,
            present: false,
            holders_ok: false,
            rule: "deny.breach.elided",
        });
    }
    for c in ONLY_TAKEN.captures_iter(s) {
        let (m, span) = (c.get(0).unwrap(), c.get(1).unwrap());
        let before = s[..m.start()].trim_end().to_ascii_lowercase();
        if before.ends_with("not") || before.ends_with("if") || excused(s, m.start()) {
            continue;
        }
        if SPAN_BREAK.is_match(span.as_str()) {
            continue;
        }
        push(Found {
            start: m.start(),
            end: m.end(),
            data: (span.start(), span.end()),
            action: Action::Access,
            present: present(m.as_str()),
            holders_ok: false,
            rule: "deny.breach.only",
        });
    }
    out.sort_by_key(|f| f.start);
    out
}

/// A story about a breach: the words of one somewhere in the article.
pub(crate) static BREACH_STORY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:breach|breaches|breached|hack|hacked|hacker|hackers|hacking|cyberattack|cyber-attack|cyberattacks|cyber\s+attack|cyber\s+incident|cybersecurity\s+incident|security\s+incident|attackers?|intruders?|intrusion|ransomware|stolen|leak|leaked|leaks|unauthori[sz]ed\s+(?:party|access|person|individual|third\s+party|actor|user)|phishing|exfiltrat\w*|threat\s+actors?|criminals|cybercriminals)\b",
    )
});

#[cfg(test)]
mod tests {
    use super::*;

    /// The rules (by name) `find` gives for `s`.
    fn rules(s: &str) -> Vec<&'static str> {
        find(s).into_iter().map(|f| f.rule).collect()
    }

    #[test]
    fn constructions_found() {
        for (s, want) in [
            (
                "No bank details or log-in passwords were stolen.",
                "deny.breach.no_subject",
            ),
            (
                "None of the card numbers had been copied, the bank said.",
                "deny.breach.no_subject",
            ),
            (
                "Neither the tax records nor the pay slips were reached.",
                "deny.breach.no_subject",
            ),
            ("Payment details weren't compromised.", "deny.breach.not_passive"),
            (
                "The members' medical files have never been exposed.",
                "deny.breach.not_passive",
            ),
            (
                "Its patients were not affected by the attack.",
                "deny.breach.not_passive",
            ),
            (
                "Shoppers who paid in cash were not affected.",
                "deny.breach.not_passive",
            ),
            (
                "Guests who stayed after 2019 were not in the stolen files.",
                "deny.breach.not_among",
            ),
            (
                "The thieves took 2.5 million email addresses but not passwords",
                "deny.breach.elided",
            ),
            (
                "The passport scans were not among the records the gang posted.",
                "deny.breach.not_among",
            ),
            (
                "Bank details are not part of the stolen data.",
                "deny.breach.not_among",
            ),
            (
                "It saw no sign that home addresses had been taken.",
                "deny.breach.nothing_found",
            ),
            (
                "The firm does not believe card numbers were affected.",
                "deny.breach.nothing_found",
            ),
            (
                "There is no evidence the stolen records were used for fraud.",
                "deny.breach.nothing_found",
            ),
            (
                "We have not seen any misuse of the account information.",
                "deny.breach.no_misuse",
            ),
            (
                "The insurer was unaware of any abuse of policyholders' data.",
                "deny.breach.no_misuse",
            ),
            (
                "There had been no data breach, the spokesman said.",
                "deny.breach.no_breach",
            ),
            (
                "The outage did not affect members' payment card details.",
                "deny.breach.did_not_reach",
            ),
            (
                "The leaked archive doesn't include any passwords.",
                "deny.breach.did_not_reach",
            ),
            (
                "Hackers stole birth dates, not bank account numbers",
                "deny.breach.elided",
            ),
            (
                "The gang took email addresses but no passwords",
                "deny.breach.elided",
            ),
            (
                "Only the usernames of some players were obtained.",
                "deny.breach.only",
            ),
        ] {
            assert_eq!(rules(s), vec![want], "{s}");
        }
    }

    #[test]
    fn look_alikes_not_found() {
        for s in [
            "The company did not say whether card numbers were taken.",
            "Investigators could not rule out that staff records had been viewed.",
            "It is unclear whether any passwords were stolen.",
            "The retailer declined to say if payment details were exposed.",
            "The bank did not deny that account numbers were obtained.",
            "Not only names but also addresses were taken.",
            "The intruders no longer have access to its data.",
            "Customers were notified by email on Friday.",
            "The firm took names and addresses, not only phone numbers.",
            "It was not immediately clear how the attackers got in.",
            "Reporters asked whether any card data had been accessed.",
            "The regulator asked the company to confirm that no card data had been accessed.",
            "Customers who were not affected will not be contacted.",
            "No one knows how many records were taken.",
            "No ransom was paid and the files were stolen anyway.",
            "The breach was not disclosed for months.",
        ] {
            assert_eq!(rules(s), Vec::<&str>::new(), "{s}");
        }
    }

    #[test]
    fn data_span_is_the_subject() {
        let s = "Its staff said that home addresses were not exposed.";
        let f = &find(s)[0];
        assert_eq!(s[f.data.0..f.data.1].trim(), "home addresses");
        let s = "No passwords, private keys or two-factor codes were exposed";
        let f = &find(s)[0];
        assert_eq!(
            s[f.data.0..f.data.1].trim(),
            "passwords, private keys or two-factor codes"
        );
    }
}
