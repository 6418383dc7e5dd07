//! Reports of a breach or an exposure where the company is not the subject: another party took,
//! read or reached the data ("an intruder had access to the guest database since 2014", "the
//! attackers had been reading customers' records", "passport numbers were copied by the
//! intruders", "some 339 million guest records were affected", "the breach reached 69,000
//! customers", "the information taken includes names and passport numbers"), or the company left
//! it open ("left the voice messages open to anyone", "a storage bucket anyone could open").
//!
//! `find` reads one sentence and returns each construction's span, where its data is named and
//! who got at it; `Ctx::intrusion_reports` (rules.rs) turns them into assertions of access, only
//! in an article about a breach or an exposure (`breach::BREACH_STORY`, `EXPOSURE_STORY`) and
//! only where the data span names data or the people or records it belongs to. Nothing is read
//! where the clause holds a negation or "only" (the denials of `breach.rs`), where the report is
//! a question, a fear or unknown ("did not say whether", "it is unclear if", "could not rule
//! out"), a capability ("hackers could access"), a plan or a generic present ("criminals steal
//! passwords").

use std::sync::LazyLock;

use regex::Regex;

/// Who got at the data: the intruders, researchers, or nobody named (data left open: the
/// counterparty is left empty, as the gold set does for exposures).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Taker {
    Intruders,
    Researchers,
    Open,
}

/// One report construction in a sentence (byte offsets into the sentence).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Found {
    pub start: usize,
    pub end: usize,
    /// Where the data reached is named.
    pub data: (usize, usize),
    pub taker: Taker,
    pub rule: &'static str,
}

fn re(p: &str) -> Regex {
    super::ascii_b(p).expect("a valid regex: a constant pattern")
}

/// An intruder or another outside party, as a subject or an agent.
const PARTY: &str = r"(?:hackers?|attackers?|intruders?|thie(?:f|ves)|cyber-?criminals?|criminals?|cyber-?thieves|scammers|fraudsters|threat\s+actors?|unauthori[sz]ed\s+(?:part(?:y|ies)|persons?|individuals?|third\s+part(?:y|ies)|actors?|users?|people)|outsiders?|(?:security\s+)?researchers?|(?:hacking|hacker|ransomware|extortion)\s+(?:group|gang|crew)s?|ransomware\s+operators?)";

/// Words between a party and its verb: auxiliaries of the past and adverbs.
const FILL: &str = r"(?:\s+(?:had|has|have|was|were|been|also|then|later|eventually|allegedly|reportedly|apparently|successfully|quickly|already|initially|first|themselves|itself|in\s+turn|in\s+fact|ultimately|somehow|evidently|quietly|secretly|silently|repeatedly|systematically))";

/// A verb of getting at data, in the past or the past progressive (a generic present, "thieves
/// steal passwords", reports no episode; a modal, "could access", no act).
const TAKE: &str = r"(?:(?:had|gained|obtained|got|gotten)\s+(?:(?:full|unfettered|broad|direct|remote|administrative|unauthori[sz]ed)\s+)?access\s+to|got\s+(?:into|inside|hold\s+of)|broke\s+into|broken\s+into|hacked\s+into|been\s+inside|(?:was|were)\s+inside|reached|accessed|viewed|downloaded|copied|stole|took|exfiltrated|scraped|grabbed|obtained|harvested|siphoned(?:\s+off)?|made\s+off\s+with|walked\s+(?:away|off)\s+with|carried\s+off|lifted|looted|dumped|leaked|seized|swiped|(?:been|was|were)\s+(?:\w+ly\s+)?(?:reading|copying|downloading|taking|stealing|siphoning|viewing|accessing|harvesting|scraping))";

/// "<party> took <data>", "an attacker had been reading guests' records", "a group of hackers
/// said they had gained access to the videos".
static PARTY_TOOK: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)\b({PARTY})\b(?:\s+(?:who|that)\s+[^.;:!?,]{{1,40}}?,?)?(?:\s+said\s+(?:that\s+)?(?:they|it|he|she))?{FILL}{{0,3}}\s+{TAKE}\b([^.;:!?]{{1,160}})"
    ))
});

/// A flaw or a company letting the party in: "which let hackers take the records", "allowed
/// attackers to download the files".
static LET_PARTY: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)\b(?:let|allowed|enabled|helped)\s+(?:the\s+|an?\s+|two\s+|some\s+)?(?:\w+\s+)?({PARTY})\s+(?:to\s+)?(?:take|steal|copy|access|view|download|reach|read|obtain|grab|get\s+into|get\s+at|make\s+off\s+with|walk\s+off\s+with|siphon(?:\s+off)?|harvest|exfiltrate)\b([^.;:!?]{{1,160}})"
    ))
});

/// The breach as the subject: "the breach reached 69,461 customers", "the attack affected the
/// records of 500 million guests".
static BREACH_REACHED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:breach|hack|attack|cyberattack|cyber-attack|intrusion|leak|theft)\s+(?:\w+\s+){0,2}?(?:reached|affected|hit|exposed|compromised|impacted|spilled|included|involved)\b([^.;:!?]{1,160})",
    )
});

/// A breach's participle after an auxiliary: "were affected", "had been copied by intruders",
/// "may have been taken". Modals of possibility ("could be", "can be") are a capability, not
/// a report.
static PASSIVE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)\b(?:was|were|had\s+been|has\s+been|have\s+been|may\s+have\s+been|might\s+have\s+been)\s+(?:(?:also|all|then|later|eventually|likely|probably|possibly|apparently|reportedly|already|potentially|subsequently)\s+)?(accessed|taken|stolen|copied|exposed|compromised|affected|impacted|downloaded|exfiltrated|obtained|reached|leaked|hijacked|breached|dumped|lifted|grabbed|siphoned|viewed|seen|read|posted\s+online|published\s+online)\b(?:\s+(?:and|or)\s+\w+)?(?:\s+(?:by|to)\s+(?:the\s+|an?\s+|two\s+|some\s+|unknown\s+|outside\s+)?(?:\w+\s+)?({PARTY}|anyone|anybody|the\s+public))?"
    ))
});

/// People who had their data taken: "1,900 users may have had their phone numbers exposed in
/// the attack", "customers who had their card details stolen". The data is between.
static HAD_THEIR: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)\b(?:had|have|has|having)\s+(?:their|its|his|her)\s+([^.;:!?]{{1,100}}?)\s+(?:(?:also|all|then|later)\s+)?(exposed|stolen|taken|accessed|copied|compromised|leaked|exfiltrated|downloaded|viewed)\b(?:\s+(?:by|to)\s+(?:the\s+|an?\s+|two\s+|some\s+|unknown\s+|outside\s+)?(?:\w+\s+)?({PARTY}))?"
    ))
});

/// A breach's words in the sentence: data "exposed" there was reached by intruders, not left
/// open to anyone.
static BREACH_WORD: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:breach\w*|hack\w*|attack\w*|cyberattack\w*|phishing|phished|intrusion|intruders?|ransomware|stolen)\b",
    )
});

/// "The information taken includes names, passport numbers and ...": the data follows.
static TAKEN_INCLUDES: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:information|data|details|records|files)\s+(?:that\s+(?:was|were)\s+)?(?:taken|stolen|accessed|copied|exposed|compromised|obtained|exfiltrated|downloaded|leaked)\s+(?:\w+\s+){0,3}?(?:includes?|included|including|contained|contains|held|holds|comprised|covers|covered)\b([^.;!?]{1,200})",
    )
});

/// Data left open: "left the recordings open to anyone", "left the database unprotected",
/// "left the files on a server without a password".
static LEFT_OPEN: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\bleft\s+([^.;:!?]{1,140}?)\s+(?:(?:wide\s+)?open|unprotected|exposed|unsecured|unencrypted|unlocked|publicly\s+(?:accessible|available|viewable|visible|readable)|accessible|viewable|readable|(?:on|in)\s+(?:an?|the)\s+(?:open|unsecured|unprotected|public|misconfigured)\s+[\w-]+|(?:\w+\s+){0,4}?without\s+(?:a\s+|any\s+)?(?:password|authentication|protection|login))\b",
    )
});

/// Open to anyone: "in a bucket anyone could open", "visible to anyone with the link", "could
/// be fetched by anybody", "indexed by search engines". The data is named before it.
static ANYONE_COULD: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:(?:anyone|anybody|any\s+stranger|strangers|the\s+public)\s+(?:who\s+[^.;:!?,]{1,60}?\s+|with\s+(?:the|a)\s+(?:link|address|url)\s+)?(?:could|was\s+able\s+to|were\s+able\s+to)\s+(?:have\s+)?(?:open|opened|view|viewed|see|seen|access|accessed|read|download|downloaded|browse|find|listen\s+to|watch|fetch|reach)|(?:open|visible|viewable|accessible|available|readable)\s+to\s+(?:anyone|anybody|everyone|the\s+public|the\s+whole\s+internet)|(?:was|were)\s+indexed\s+by\s+(?:search\s+engines|Google|Bing))\b",
    )
});

/// Before a construction in its clause: what makes it no report (unknown, a question, a fear, a
/// plan, a denial, a finding of nothing, a condition).
static NOT_A_REPORT_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:whether|if|unless|rule\s+out|ruled\s+out|ruling\s+out|unclear|not\s+clear|not\s+known|unknown|deny|denied|denies|dispute|disputed|declined\s+to|refused\s+to|asked|question|fear|fears|feared|worry|worries|worried|concern|concerned|risk|risks|prevent|prevented|stop|stopped|protect|protects|ensure|to\s+make\s+sure|would|will|could|can|should|must|might|no\s+(?:evidence|indication|sign|proof)|not\s+aware|unaware|hypothetical|in\s+theory|imagine|suppose|pretend|simulate|simulated|drill)\b[^.;!?]{0,80}$",
    )
});

/// A negation or a limit in the clause: the denials' ground (`breach.rs`), never a report.
static NEGATED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:no|not|never|none|nothing|neither|nor|nobody|only|nowhere|without\s+(?:any\s+)?evidence)\b|n['’]t\b",
    )
});

/// A people's or records' word: the data of people even where no kind is named ("guest
/// records", "576,000 accounts", "the records of 60 million students").
pub(crate) static PEOPLE_OR_RECORDS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:customers?|users?|members?|patients|clients|subscribers|players|employees|drivers|riders|guests?|shoppers|students|teachers|consumers|applicants|account\s+holders|policyholders|cardholders|records|accounts)\b",
    )
});

/// Data of the public or of the party itself: no report of a breach ("public pages", "their own
/// records", "publicly available").
static NOT_PRIVATE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b(?:public|publicly|own|sample|fake|dummy|synthetic)\b"));

/// A word every construction holds (cheap test before the patterns).
static MAY_REPORT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:hack\w*|attacker\w*|intruder\w*|thie\w+|criminal\w*|cybercriminal\w*|scammers|fraudsters|actors?|unauthori[sz]ed|outsiders?|researchers?|breach|attack|cyberattack|intrusion|leak|theft|taken|stolen|copied|exposed|compromised|affected|impacted|downloaded|exfiltrated|obtained|reached|accessed|leaked|hijacked|breached|dumped|scraped|lifted|grabbed|siphoned|left|anyone|anybody|strangers|public|indexed)\b",
    )
});

/// Words of an exposure story: data left where anyone could reach it.
pub(crate) static EXPOSURE_STORY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:exposed|exposure|unsecured|unprotected|misconfigured|misconfiguration|left\s+open|open\s+to\s+anyone|without\s+a\s+password|publicly\s+accessible|anyone\s+could|security\s+researcher)\b",
    )
});

/// The start of the clause that ends at `at`: after the last `;`, `:`, dash, "that", "but",
/// "while", "said" or "says" before it, else the sentence's start.
fn clause_start(s: &str, at: usize) -> usize {
    static BOUNDARY: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)[;:—–]|,\s*(?:and|but)\b|\b(?:that|which|but|while|although|though|said|says|added|whereas|because)\b",
        )
    });
    BOUNDARY.find_iter(&s[..at]).map(|m| m.end()).last().unwrap_or(0)
}

/// Whether the words before `at` in its clause (and its sentence up to a `;`) make the
/// construction no report; a clause after "that" is read with the clause it depends on ("did
/// not believe that card numbers were exposed", "did not allege that data was taken").
fn excused(s: &str, at: usize) -> bool {
    let from = s[..at].rfind(';').map_or(0, |i| i + 1);
    let cs = clause_start(s, at);
    if NOT_A_REPORT_BEFORE.is_match(&s[from..at]) || NEGATED.is_match(&s[cs..at]) {
        return true;
    }
    let head = s[..cs].trim_end();
    let Some(at_that) = head.len().checked_sub(4) else {
        return false;
    };
    head.get(at_that..)
        .is_some_and(|w| w.eq_ignore_ascii_case("that"))
        && NEGATED.is_match(&s[clause_start(s, at_that)..cs])
}

/// The object of a verb: up to the next clause (a comma before "and"/"but"/"said", "which",
/// "who", "because").
fn object_end(s: &str, from: usize, to: usize) -> usize {
    static END: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i),\s*(?:and|but|the\s+\w+\s+said|said|according|which|who)\b|\b(?:because|after|before|when|while|but|which|who|so\s+that|in\s+order\s+to)\b|[—–]",
        )
    });
    END.find(&s[from..to]).map_or(to, |m| from + m.start())
}

fn taker_of(party: &str) -> Taker {
    let p = party.to_ascii_lowercase();
    if p.contains("researcher") {
        Taker::Researchers
    } else if p.starts_with("anyone") || p.starts_with("anybody") || p.ends_with("public") {
        Taker::Open
    } else {
        Taker::Intruders
    }
}

/// The report constructions of sentence `s`.
pub(crate) fn find(s: &str) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    if !MAY_REPORT.is_match(s) {
        return out;
    }
    let mut push = |f: Found| {
        if !out.iter().any(|o| o.start < f.end && f.start < o.end) {
            out.push(f);
        }
    };
    for c in PARTY_TOOK.captures_iter(s) {
        let (m, party, obj) = (c.get(0).unwrap(), c.get(1).unwrap(), c.get(2).unwrap());
        if excused(s, m.start()) || NEGATED.is_match(&s[m.start()..obj.start()]) {
            continue;
        }
        let end = object_end(s, obj.start(), obj.end());
        push(Found {
            start: m.start(),
            end,
            data: (obj.start(), end),
            taker: taker_of(party.as_str()),
            rule: "report.breach.party_took",
        });
    }
    for c in LET_PARTY.captures_iter(s) {
        let (m, party, obj) = (c.get(0).unwrap(), c.get(1).unwrap(), c.get(2).unwrap());
        if excused(s, m.start()) {
            continue;
        }
        let end = object_end(s, obj.start(), obj.end());
        push(Found {
            start: m.start(),
            end,
            data: (obj.start(), end),
            taker: taker_of(party.as_str()),
            rule: "report.breach.let_party",
        });
    }
    for c in TAKEN_INCLUDES.captures_iter(s) {
        let (m, obj) = (c.get(0).unwrap(), c.get(1).unwrap());
        if excused(s, m.start()) || NEGATED.is_match(m.as_str()) {
            continue;
        }
        push(Found {
            start: m.start(),
            end: obj.end(),
            data: (obj.start(), obj.end()),
            taker: Taker::Intruders,
            rule: "report.breach.taken_includes",
        });
    }
    for c in BREACH_REACHED.captures_iter(s) {
        let (m, obj) = (c.get(0).unwrap(), c.get(1).unwrap());
        if excused(s, m.start()) || NEGATED.is_match(&s[clause_start(s, m.start())..obj.start()]) {
            continue;
        }
        let end = object_end(s, obj.start(), obj.end());
        push(Found {
            start: m.start(),
            end,
            data: (obj.start(), end),
            taker: Taker::Intruders,
            rule: "report.breach.breach_reached",
        });
    }
    for c in PASSIVE.captures_iter(s) {
        let (m, part) = (c.get(0).unwrap(), c.get(1).unwrap());
        let agent = c.get(2);
        let cs = clause_start(s, m.start());
        let part = part.as_str().to_ascii_lowercase();
        // "were viewed", "was read": a breach only with an outside party as the agent.
        if agent.is_none() && matches!(part.as_str(), "viewed" | "seen" | "read") {
            continue;
        }
        if cs == m.start() || excused(s, cs) || NEGATED.is_match(&s[cs..m.end()]) {
            continue;
        }
        let taker = match agent {
            Some(a) => taker_of(a.as_str()),
            None if part == "exposed" && !BREACH_WORD.is_match(s) => Taker::Open,
            None => Taker::Intruders,
        };
        push(Found {
            start: cs,
            end: m.end(),
            data: (cs, m.start()),
            taker,
            rule: "report.breach.passive",
        });
    }
    for c in HAD_THEIR.captures_iter(s) {
        let (m, obj, part) = (c.get(0).unwrap(), c.get(1).unwrap(), c.get(2).unwrap());
        let part = part.as_str().to_ascii_lowercase();
        let agent = c.get(3);
        if agent.is_none() && part == "viewed" {
            continue;
        }
        if excused(s, m.start()) || NEGATED.is_match(&s[clause_start(s, m.start())..m.end()]) {
            continue;
        }
        let taker = match agent {
            Some(a) => taker_of(a.as_str()),
            None if part == "exposed" && !BREACH_WORD.is_match(s) => Taker::Open,
            None => Taker::Intruders,
        };
        push(Found {
            start: m.start(),
            end: m.end(),
            data: (obj.start(), obj.end()),
            taker,
            rule: "report.breach.had_their",
        });
    }
    for c in LEFT_OPEN.captures_iter(s) {
        let (m, obj) = (c.get(0).unwrap(), c.get(1).unwrap());
        if excused(s, m.start()) {
            continue;
        }
        push(Found {
            start: m.start(),
            end: m.end(),
            data: (obj.start(), obj.end()),
            taker: Taker::Open,
            rule: "report.exposure.left_open",
        });
    }
    for m in ANYONE_COULD.find_iter(s) {
        // The data is named before the construction, in the sentence up to a `;`.
        let from = s[..m.start()].rfind(';').map_or(0, |i| i + 1);
        if excused(s, m.start()) {
            continue;
        }
        push(Found {
            start: from,
            end: m.end(),
            data: (from, m.start()),
            taker: Taker::Open,
            rule: "report.exposure.anyone_could",
        });
    }
    out.retain(|f| !NOT_PRIVATE.is_match(&s[f.data.0..f.data.1]));
    out.sort_by_key(|f| f.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules(s: &str) -> Vec<&'static str> {
        find(s).into_iter().map(|f| f.rule).collect()
    }

    /// Each sentence gives exactly the one construction named, with its taker.
    fn check(cases: &[(&str, &str, Taker)]) {
        for &(s, rule, taker) in cases {
            let found = find(s);
            assert_eq!(
                found.iter().map(|f| f.rule).collect::<Vec<_>>(),
                vec![rule],
                "{s}"
            );
            assert_eq!(found[0].taker, taker, "{s}");
        }
    }

    #[test]
    fn party_as_subject() {
        use Taker::*;
        check(&[
            (
                "Two hackers downloaded the home addresses of 40,000 members.",
                "report.breach.party_took",
                Intruders,
            ),
            (
                "The intruder had been inside the loyalty-card database for two years.",
                "report.breach.party_took",
                Intruders,
            ),
            (
                "Investigators say an unauthorised party gained access to patients' test results in March.",
                "report.breach.party_took",
                Intruders,
            ),
            (
                "The attackers were quietly copying customers' tax returns for weeks.",
                "report.breach.party_took",
                Intruders,
            ),
            (
                "Criminals made off with the card numbers of 2 million shoppers.",
                "report.breach.party_took",
                Intruders,
            ),
            (
                "A threat actor then exfiltrated the payroll files of 9,000 staff.",
                "report.breach.party_took",
                Intruders,
            ),
            (
                "A security researcher downloaded thousands of the clinic's patient files.",
                "report.breach.party_took",
                Researchers,
            ),
            (
                "A flaw in the login page let attackers take the account details of every subscriber.",
                "report.breach.let_party",
                Intruders,
            ),
            (
                "The bug allowed thieves to download drivers' licence scans.",
                "report.breach.let_party",
                Intruders,
            ),
        ]);
    }

    #[test]
    fn passives_and_the_breach_as_subject() {
        use Taker::*;
        check(&[
            (
                "About 4 million loyalty accounts were hijacked over the summer.",
                "report.breach.passive",
                Intruders,
            ),
            (
                "The patients' scan images had been copied by intruders before the alarm went off.",
                "report.breach.passive",
                Intruders,
            ),
            (
                "Birth dates and home addresses may have been taken, the letter says.",
                "report.breach.passive",
                Intruders,
            ),
            (
                "Some 80,000 student records were affected.",
                "report.breach.passive",
                Intruders,
            ),
            (
                "Phone numbers of club members were viewed by a researcher.",
                "report.breach.passive",
                Researchers,
            ),
            (
                "Millions of voter records were exposed.",
                "report.breach.passive",
                Open,
            ),
            (
                "The intrusion affected the records of 12 million guests.",
                "report.breach.breach_reached",
                Intruders,
            ),
            (
                "Last year's hack reached roughly 300,000 policyholders.",
                "report.breach.breach_reached",
                Intruders,
            ),
            (
                "The data stolen in the raid included names, dates of birth and card numbers.",
                "report.breach.taken_includes",
                Intruders,
            ),
            (
                "The files taken by the gang contained scans of passports.",
                "report.breach.taken_includes",
                Intruders,
            ),
        ]);
    }

    #[test]
    fn data_left_open() {
        use Taker::*;
        check(&[
            (
                "The clinic left its patients' scans on a server without a password.",
                "report.exposure.left_open",
                Open,
            ),
            (
                "A contractor left the voter file unprotected for a month.",
                "report.exposure.left_open",
                Open,
            ),
            (
                "The app maker left users' chat logs publicly accessible.",
                "report.exposure.left_open",
                Open,
            ),
            (
                "Customers' receipts sat in a storage bucket that anyone with the address could open.",
                "report.exposure.anyone_could",
                Open,
            ),
            (
                "The children's photos were visible to anyone who guessed the link.",
                "report.exposure.anyone_could",
                Open,
            ),
            (
                "For months the order records were open to anyone on the internet.",
                "report.exposure.anyone_could",
                Open,
            ),
            (
                "Pages listing members' phone numbers were indexed by search engines.",
                "report.exposure.anyone_could",
                Open,
            ),
        ]);
    }

    #[test]
    fn look_alikes_not_found() {
        for s in [
            // Negated, limited or found to be nothing: the denials of breach.rs.
            "No card numbers were taken.",
            "The hackers did not reach the payment system.",
            "Only the usernames were copied.",
            "The bank found no evidence that account numbers were accessed.",
            "The firm does not believe that any passwords were exposed.",
            "The regulator did not allege that the files were stolen.",
            // Unknown, feared, conditional or a capability.
            "It is unclear whether the attackers took any medical records.",
            "The company could not rule out that guests' passport numbers were copied.",
            "Experts fear hackers stole the patients' files.",
            "If intruders gained access to the records, they could sell them.",
            "Hackers could access the customers' files through the flaw.",
            "Records of that kind could be accessed only by two managers.",
            // A generic present, a plan, someone's own or public data, no data at all.
            "Criminals steal passwords every day.",
            "Researchers accessed public pages of the forum.",
            "Each user had access to their own records.",
            "The company gained access to new markets in Asia.",
            "Employees have access to the tools they need.",
            "The outage affected the website for three hours.",
            "She left the meeting early.",
            "Anyone can sign up for the newsletter.",
        ] {
            assert_eq!(rules(s), Vec::<&str>::new(), "{s}");
        }
    }
}
