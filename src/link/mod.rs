//! Claims → contradiction links. Pure: decides whether one denial and one assertion contradict
//! each other and writes the reason a person can check. The store finds the candidates by
//! indexed lookups (same actor, opposite polarity) and calls `evaluate` on each.
//!
//! # When a denial and an assertion are linked
//!
//! Precision comes first: every rule below errs towards *not* linking. All must hold.
//!
//! 1. **Polarity.** The first claim is a `denial`, the second an `assertion`.
//! 2. **Actor.** The same company, compared exactly (names are canonical already).
//! 3. **Data type.** `DataType::compatible`: equal, or one side is the generic `personal_data`
//!    and the other a type under it; `deidentified` matches only `deidentified`. A denial of a
//!    specific type ("we never read card data") against a report of generic `personal_data`
//!    ("data of 52 million people was exposed") links only when something else ties them to one
//!    episode: the same named counterparty, or a conditional denial whose condition the report
//!    says was missing. A generic denial ("we never share your data") covers every type.
//! 4. **Counterparty.**
//!
//!    | the denial names | it covers an assertion whose counterparty is |
//!    | --- | --- |
//!    | nobody | anything, or nobody |
//!    | a broad category: `third parties`, `anyone`, `outside parties`, `outside companies`, `other companies` | any named counterparty (not an unnamed one) |
//!    | `business partners`, `service providers` (`PARTNER_COUNTERPARTIES`) | itself and any company named by its proper name; no other category |
//!    | any other name or category (`Netflix`, `advertisers`, `data brokers`) | exactly the same string |
//!
//!    A category also covers the narrower categories under it (`CATEGORY_PARENTS`: `government`
//!    covers `law enforcement` and `intelligence agencies`, `advertisers` covers `ad networks`).
//!
//!    So "we don't share data with advertisers" is not contradicted by sharing with researchers
//!    or a contractor, and a denial naming a counterparty is not contradicted by an assertion
//!    naming none.
//!
//!    The company's own `employees` are not outside it: a broad category does not cover them,
//!    and a denial of sharing or selling that names nobody ("we never handed any data over") is
//!    not contradicted by employees reaching the data — only a denial naming `employees` or
//!    one of access is.
//! 5. **Action.**
//!
//!    | action denied | contradicted by an assertion of |
//!    | --- | --- |
//!    | `sell` | `sell` |
//!    | `share` | `share`, `sell`, `access` (giving access is sharing; selling is sharing for a price) |
//!    | `access` | `access`, `share`, `sell` (data shared with or sold to a party is data it can access) |
//!    | `collect` | `collect` |
//!    | `use` | `use` |
//!    | `other` (a general assurance: "users are in control of their data") | share, access, sell: data leaving the users' hands; not collect or use |
//!
//!    A deletion (`is_deletion`: "had deleted all the address books", rule `deny.deleted`, or a
//!    denial of keeping whose sentence says the data was deleted, destroyed, erased, wiped or
//!    purged: "said it was told the files were destroyed") denies keeping the data: only a
//!    report that it was kept although it was to be deleted (`reports_kept`:
//!    `assert.not_deleted`, "did not delete", "still holds", "was never erased", or a verb of
//!    keeping beside a word of deletion, "kept some information after a paid deletion")
//!    contradicts it, not one that it was gathered or sent before, nor one that other data was
//!    kept ("kept the profiles of users who had only deactivated").
//!
//!    Two readings of the report's words stand for its action: following people about
//!    (`TRACKS_PEOPLE`: "used IP addresses to follow users", "watches where its subscribers
//!    drive") answers a denial of tracking them (collecting location, with such a verb: "does
//!    not track users"), whether the report was read as access or use; and data said to be put
//!    to a use (`USED_FOR`: "is used to decide which ads", "mined the transcripts for
//!    marketing") answers a denial of that use, whether the report was read as collecting or
//!    access.
//!
//!    "We never sell your data" is therefore not contradicted by a report of sharing. A denial of
//!    `share` or `other` is contradicted by `access` only when the assertion names an outside
//!    counterparty: "staff accessed user data" does not say the data was handed over. Nor is a
//!    denial of `share`, `sell` or `other` contradicted by data outsiders took (`TAKEN`:
//!    "scraped", "stolen", "hacked", "breached") or by data sent to the company itself with no
//!    one else named (`sent_home`: "keeps sending the company a log", "uploads it to its
//!    servers", "sends Apple every tap", "to Anker's cloud servers"; each place a verb of
//!    sending names, read in one pass, `destinations`; a receiver named by one of the actor's
//!    names is not home when the sentence names another of them, "WhatsApp passes phone
//!    numbers to Facebook"): that is collecting, not handing over; nor is a denial
//!    that others reach the data ("no one but them could reach their footage"). An assurance
//!    that the data stays on the device (`STAYS_LOCAL`: "footage is stored locally", "stay on
//!    the device in your house"; of a kind of data, not "your data") is answered by data sent
//!    home or put in the cloud (`leaves_device`). Data kept on the user's own device and
//!    nowhere else (`on_device_only`: "the iPhone file ... is copied to the computer the phone
//!    syncs with") was neither gathered nor handed over by the company.
//! 6. **Time.** The assertion's interval must overlap what the denial covers.
//!    - Assertion interval: from `period_start`'s first day (else the beginning of time) to
//!      `period_end`'s last day, else the last day of the assertion's own date
//!      (`when_stated()`: a report attests only to what happened up to when it was made), else
//!      open.
//!    - Denial coverage, by scope, with `S` = the denial's `when_stated()`:
//!      `always` → all time; `present` → from `S`'s first day on (the practice must still be
//!      going on when the denial was made); `past` → up to `S`'s last day, and the practice must be
//!      known to have gone on by then (its start, end or report date on or before `S`) — or the
//!      report gives no date of its own, came within a year (`PAST_EPISODE_DAYS`) and names the
//!      denial's episode (`named_tie`: one article, the same named counterparty, a shared name,
//!      the mode a mode-limited denial names, or the condition it set said to be missing); no
//!      scope → as `present` (a bare "we do not share" is about the time it is said; in one
//!      story it answers a finding made up to `PRESENT_ANSWER_DAYS` before it that is undated or
//!      dated at one point, "in April", and not said to have ended); a
//!      "never" in the perfect or the past ("has never handed", "was never used":
//!      `PERFECT_NEVER`, not "will never" or "never sells") → everything up to `S`'s last day,
//!      whenever reported: only a practice whose period begins after `S` is refused (a 2021
//!      "we have never disclosed any data" is not contradicted by disclosures of 2024).
//!    - When the denial has no date at all (no `stated_on`, no published date), its bound cannot
//!      be computed and is not checked; the reason says so. Nor when it is a promise the article
//!      reports without its date ("had promised users that it would", "its privacy policy
//!      said", "told users at the time": `EARLIER_PROMISE`) and the sentence gives no date of
//!      its own: the promise is older than the article by an unknown time. Only computable bounds are checked:
//!      with `always` nothing is checked at all.
//! 7. **Conditions.** A denial with a condition (rules `deny.qualified`, `deny.only_with_consent`:
//!    "only with users' permission", "unless the user agreed", "not against people's wishes")
//!    denies the practice *without* the condition, so it is contradicted only by an assertion
//!    whose sentence says the condition was missing (`CONDITION_MISSING`: "without their
//!    consent", "even when they had switched it off", "against their wishes", "never told",
//!    "secretly") — the denial's own kind of condition (`ConditionKind`): a price ("not in
//!    exchange for money") is missing only when the report names money; a legal process ("only
//!    with a warrant") only when the report says "without a warrant" or a court order; the
//!    users' say only when the report's missing condition is not a legal process; a state of the
//!    product or an act of the user ("only while the app is open", "only when you press the
//!    button": `STATE_CONDITION`, without words of consent) only when the report says the
//!    practice went on outside it (`OUTSIDE_STATE`: "in the background", "even when the app was
//!    closed", "around the clock"), not by a report of the practice or of it done without consent.
//! 8. **Limits in the denial's own words** (`restrictions_met`). A denial limited to identifiable
//!    data ("does not sell data that identifies individuals", "only aggregated trends") is
//!    contradicted only by a report of identifying data (names, contact details, device or
//!    advertising IDs, "tied to", "identified"); one limited to a mode of the product ("in
//!    incognito mode") only by a report that names that mode; one limited to the users of one
//!    place ("British users' data", "U.S. user data") only by a report that names that place; one
//!    that states the practice and its only purpose ("we upload the address book only to help
//!    users find their friends": `SOLE_PURPOSE`) only by a report of another use (money, a deal,
//!    advertising) or of another party that got the data (not when the denial concedes handing
//!    the data over without naming to whom: "shared only to help it measure its advertising" is
//!    not answered by the receiver); one that denies a purpose ("does not use customer content
//!    to train Firefly") not by a report of another purpose (`purposes_met`, `PURPOSES`:
//!    training, advertising, safety, the service itself, measurement, read in purpose phrases,
//!    not in why users gave the data, and in the clause of the denial's action, `purposes_of`:
//!    "does not share sensitive data with OpenAI and has an agreement that stops OpenAI from
//!    using it to train its models" denies the sharing for any purpose); one limited to data on the user's device ("does not
//!    access content stored locally") not by a report of data in the cloud; one limited to
//!    members "in the European Union" (`PLACE_LIMIT_IN`) as one to "European members". A limit read in one clause of the
//!    denial's sentence bounds it only when that clause speaks of the denial's action, or no
//!    other clause does ("we have never sold data that identifies anyone, and we do not track
//!    people to clinics": the tracking is not limited; `limit_applies`).
//! 9. **Not itself.** Claims read from overlapping text of one article are never linked.
//! 10. **One episode** (`episode_tie`). Something beyond the company ties the two claims to one
//!     episode: one article (unless the report is, of the same date, in the company's own voice
//!     — the speaker recorded, or the sentence's own words: "Apple conceded that", a headline
//!     "Apple: ...", `voiced_by_company` — or the denial speaker's: a statement that says what it does and what it does not narrows
//!     itself; nor when the denial concedes the practice first, "confirmed it but said":
//!     `CONCEDES`); the same specific data type (unless the denial is about data its story already
//!     named, "the codes were never stored": `ANAPHORIC_DATA`); the same named counterparty; a
//!     categorical denial (of selling, or naming "anyone" or "third parties"); a
//!     conditional denial whose missing condition the report states; the mode of the product a
//!     mode-limited denial names ("in incognito mode"); or a name both claims'
//!     sentences or headlines mention (a product, feature, person or other company:
//!     `topic_terms`; years apart, more than `DISTANT_TIE_DAYS`, only when the report names
//!     something the denial's own sentence names, if it names anything, `names_met`: a 2011
//!     "never exposed by Buzz" is not tied to 2018 reports on Gmail's developers by "Gmail" in
//!     both headlines). A company's 2010 denial about one product is not contradicted by a 2017
//!     report about another only because both say "data". The outlet's own reporting is not
//!     "the company's own words". The same specific data type ties only when the report names
//!     one of the names the denial's own sentence gives, if it gives any (`names_met`: "the
//!     audio of Portal calls" is not contradicted by another product's recordings). A denial
//!     answering one report ("we disagree with the suggestion", "rejected the report":
//!     `REBUTTAL`) is tied to another article's report only by a named counterparty or a shared
//!     name. An assurance that users decide (`deny.in_control`, `deny.keep_private`) is tied,
//!     like a conditional denial, by a report that the users' say was missing, and it covers
//!     collecting or using when its sentence names them ("in control of what we collect").
//!     Across articles, a tie by the missing condition alone holds for a practice that began
//!     within `CONDITION_TIE_DAYS` (three years) of the denial: "users are in control" said in
//!     2018 is not about a product reported in 2024. So do the other ties that name no episode
//!     (a mode, the same kind of data, a categorical denial: `DISTANT_TIE_DAYS`), except the
//!     same kind of data with the same purpose ("the phone number for advertising", 2013 and
//!     2019); a named counterparty or a shared name ties at any distance.
//! 11. **What the sentences really say.** Kinds of false links found on articles the rules had
//!     not seen, each refused in general terms:
//!     - *An admission of error is not a denial* (`not_a_denial`, `ADMITS_ERROR`): "had
//!       mistakenly collected", "inadvertently uploaded", "did not intend to keep" concede the
//!       practice — unless the sentence reports the assurance the admission reverses
//!       ("reversing its assurance that it gathered no such data", `REVERSES`), which is one.
//!     - *An accusation is not a denial*: a sentence whose only negation says a condition was
//!       missing ("derived face geometry and never told users") reports the practice.
//!     - *Who acts*: a denial of the company's own `use` or `collect` (no counterparty) is not
//!       contradicted by another party's use ("an advertising partner used the header"), also
//!       when only the report's sentence names that party (`OTHER_PARTY_ACTS`). Conversely, a
//!       denial of collecting is contradicted by a report of data sent or passed "back to the
//!       company" (`SENT_HOME`), whatever verb of sharing the report used: data sent home is
//!       collected. Nor is a denial of the company's own access said in its own words (a
//!       reflexive, "the company itself cannot read them", or the data said to go to someone
//!       else, "which goes only to the agency": `SELF_ONLY`) contradicted by another party's.
//!       Nor is a denial of sharing or selling contradicted by the company's own tracking of its
//!       users with no verb of handing over ("logs when you open an email", "records where you
//!       read it": `own_tracking`), whatever action the report was read as: that is collecting.
//!     - *After a change*: a denial of the time after a change ("no conversations were shared
//!       after the change", `AFTER_CHANGE`) is not contradicted by an undated report.
//!     - *Inside the group*: a denial naming a company of the actor's own group as the receiver
//!       ("the new terms do not let Facebook read your chats", of WhatsApp) is contradicted only
//!       by a report naming that company, not by contractors or police reading messages
//!       (`group_receiver_met`).
//!     - *A denial that narrows itself* ("advertisers never see the numbers themselves", "by
//!       default", "ordinary chats": `NARROWING`) meets only a report with the same word; one
//!       about "the contents of" something (`CONTENTS`) meets only a report about contents
//!       (`CONTENT_WORDS`), not one about a camera or "video calls" as a product, nor one about
//!       the records kept of messages or calls ("lists of phone calls and text messages", "call
//!       and message logs": `RECORDS_OF`).
//!     - *A denial about one kind of data* ("the queries people type are not passed to
//!       Microsoft") meets only a report naming that kind, or none (`DATA_KINDS`: searches,
//!       pages visited, messages, calls, location, contacts, phone numbers, images, audio,
//!       payments, health): not one about "the websites its users opened".
//!     - *A report that reports nothing*: a sentence that is itself a narrowed denial (a
//!       narrowing word and a negation) or a reassurance ("calls are encrypted", "runs on the
//!       device itself rather than on its servers": `REASSURES`).
//!     - *The outlet's framing is not the company's denial*: a generic denial in the outlet's
//!       own voice that sets a finding against the company's image ("awkward for a company
//!       that has put privacy at the centre of its marketing": `FRAMING`). A framing that
//!       quotes a specific line ("sits uneasily with its line that it cannot read messages")
//!       names a data type and is kept: it is the company's own denial, reported.
//!     - *The company's own earlier account* (`own_earlier_account`): what the company itself
//!       said it does, in another article before its denial, does not contradict that denial
//!       (it knew when it denied); a later admission in its voice does.
//!     - *A denial limited to a commercial purpose* ("did not share the photos for any
//!       commercial purpose": `PURPOSE_LIMIT`) meets only a report of a sale or one that names
//!       money, a deal or advertising (`COMMERCE`); checked with rule 8's limits.
//!     - *A promised change is not a denial* (`PROMISED_CHANGE`): "would release a firmware
//!       update so that no data is sent" describes a future state; a sentence whose every
//!       negation lies in it denies nothing about now.
//!     - *A permission is not a reading* (`permission_only`, `PERMITS`): a denial that a party
//!       read or reached the data ("the game never read players' e-mail") is not contradicted
//!       by a report of a permission users granted ("the permission let the game see e-mail",
//!       "had granted it full access"), unless the denial's own verb is one of giving (`GIVES`:
//!       "does not give any government access"). A company that "allowed Netflix to read"
//!       messages shared them: that is a report of sharing, not of a permission.
//!     - *A company's own limit is not a report* (`REASSURES`): "only accesses basic profile
//!       information and no other information is accessed", "keeps the pages you visit from
//!       being passed to trackers".
//!     - *A question asserts nothing* (`is_question`): "Does Firefox sell your personal data?"
//!     - *A report of nothing done* (`report_says_nothing`, read from the report alone): the
//!       company's own denial reported ("denied that it had ever used the recordings", "Apple
//!       says its scanning can't be turned into a tool": `report_is_denial`; not "did not deny
//!       that", nor a negation that concedes, "did not tell users", nor one followed by "but"),
//!       a plan ("the files will come under the new operator": `is_plan`, when no practice is
//!       reported done beside it), what a policy or terms allow ("rewrote its privacy policy so
//!       that it can give police IP addresses": `POLICY_LETS`), and none of the data ("0 bytes
//!       of user data", `REASSURES`).
//!     - *A stake is not data sold* (`STAKE`): "buys a $300 million stake in the company and
//!       gains access to its data" does not contradict "we have never sold genetic data",
//!       unless the sentence sells data itself (`DATA_SOLD`).
//!     - *Ads aimed by the data are not the data handed over* (`TARGETS_THROUGH`): "let
//!       advertisers reach users through their phone numbers" does not contradict "does not
//!       give phone numbers to advertisers" (a denial of sharing, selling or access not limited
//!       to an advertising purpose); it contradicts a denial of use.
//!     - *Purchases are data, not money* (`USERS_PURCHASES`): "what shoppers had bought" does
//!       not make a report commercial for a purpose-limited denial; and the party a sole-purpose
//!       denial names itself is not "another party that got the data".
//!     - *When a same-article pair is a contradiction*: rule 10's one-article tie holds unless
//!       the denial is the company's narrowed reply (above), concedes the practice first
//!       ("confirmed it but said", "cannot browse profiles, adding that agents see only the
//!       matches": `CONCEDES`), or is the same voice on the same day.
//!
//!     - *A denial conceding the practice in a relative clause* (`CONCEDED_CLAUSE`: "are not
//!       given personal information about the customers whose clips they hear") is not
//!       contradicted by a report of the conceded practice (people listening to clips).
//!     - *Test units are not the customers' products* (`TEST_UNITS`: "development versions",
//!       "prototype vacuums", "paid testers"), unless the denial speaks of them too.
//!     - *Staff named only in the report* (`STAFF_GOT`: "let employees view and pass around")
//!       are not a counterparty of sharing, as `employees` recorded is not.
//!     - *One account of a breach*: a report of `claims/intrusion.rs` (rule `report.*`: "the
//!       intruders took email addresses") does not contradict a breach denial of its own
//!       article ("no card numbers were taken"), unless the article tells the denial as an
//!       earlier account (`EARLIER_ACCOUNT`: "its first notices said"); a report retelling the
//!       company's first account is that account; and such a report naming no kind of data
//!       ("the breach reached 69,000 customers") answers only a denial about data in general
//!       (`GENERIC_DATA`), not one of a kind or of named things ("no passwords or keys"); a
//!       denial that "not all" were reached (`NOT_ALL`) concedes that some were.
//!
//! `refusal` names the first rule that refuses a pair (for `eval --show`).
//!
//! # Which came first
//!
//! The earlier `when_stated()` (by first day); when equal or unknown on either side, the claim
//! whose article was published first; otherwise the denial. When both were said on one known
//! day the reason says "both the same day" (`first` still says "denial").
//!
//! # The reason
//!
//! One deterministic sentence: each side's speaker, date and a quote (at most 120 characters,
//! cut at a word boundary with "…"), then what matches (company, counterparty, data types,
//! actions), the time rule that applied, and which came first.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use crate::model::{Action, ClaimRecord, DataType, DenialScope, First, LinkVerdict, PartialDate, Polarity};

/// A rule's regex with ASCII word boundaries: `\b` becomes `(?-u:\b)`. With a Unicode `\b` the
/// lazy DFA gives up on a sentence with any non-ASCII letter or a curly quote, as most published
/// news has, and the PikeVM runs instead (see `claims::ascii_b`, which does the same).
fn rx(pattern: &str) -> Result<Regex, regex::Error> {
    Regex::new(&pattern.replace(r"\b", r"(?-u:\b)"))
}

/// Counterparty categories that a denial uses to mean "anyone outside the company".
pub const BROAD_COUNTERPARTIES: &[&str] = &[
    "third parties",
    "anyone",
    "outside parties",
    "outside companies",
    "other companies",
];

/// Counterparty categories for the company's commercial partners ("our partners", "vendors",
/// "service providers"): they cover themselves and any counterparty named by its proper name
/// (a company), but no other category — police, researchers, app developers or the company's
/// own staff are not its "partners" (see rule 4).
pub const PARTNER_COUNTERPARTIES: &[&str] = &["business partners", "service providers"];

/// Counterparty categories inside the company itself (see rule 4).
pub const INTERNAL_COUNTERPARTIES: &[&str] = &["employees"];

/// How long a quote in a reason may be, in characters, before it is cut at a word boundary.
pub const QUOTE_MAX_CHARS: usize = 120;

/// Whether an assertion of `asserted` contradicts a denial of `denied` (see the module table).
pub fn action_contradicts(denied: Action, asserted: Action) -> bool {
    use Action::*;
    match denied {
        Sell => asserted == Sell,
        Share => matches!(asserted, Share | Sell | Access),
        Access => matches!(asserted, Access | Share | Sell),
        Collect => asserted == Collect,
        Use => asserted == Use,
        Other => matches!(asserted, Share | Access | Sell),
    }
}

/// Whether some pair with these actions may pass rule 5: `action_contradicts`, or the two
/// cases it reads from the claims' words — an assurance that users decide (action `other`)
/// against any practice done without their say (`control_overridden`, `control_names_action`),
/// and a denial of collecting against data reported sent to the company (`sent_home`). The
/// store's candidate index uses it; it is never `false` for a pair `accepts` links.
pub fn action_may_contradict(denied: Action, asserted: Action) -> bool {
    action_contradicts(denied, asserted)
        || denied == Action::Other
        || (denied == Action::Collect && matches!(asserted, Action::Share | Action::Access | Action::Use))
        || (denied == Action::Use && matches!(asserted, Action::Collect | Action::Access))
}

/// Counterparty categories inside a wider one, as (narrower, wider): a denial naming the wider
/// category covers an assertion naming the narrower one ("we give nothing to the government" is
/// contradicted by handing data to the police). Every category not internal is also under the
/// broad ones (`BROAD_COUNTERPARTIES`).
pub const CATEGORY_PARENTS: &[(&str, &str)] = &[
    ("law enforcement", "government"),
    ("police", "law enforcement"),
    ("marketers", "advertisers"),
    ("ad networks", "advertisers"),
    ("intelligence agencies", "government"),
];

/// Whether category `narrow` is `wide` or lies under it in `CATEGORY_PARENTS`.
pub fn category_within(narrow: &str, wide: &str) -> bool {
    let mut cur = narrow;
    // The table is acyclic and short; the bound only guards against a cycle added by mistake.
    for _ in 0..=CATEGORY_PARENTS.len() {
        if cur == wide {
            return true;
        }
        match CATEGORY_PARENTS.iter().find(|(n, _)| *n == cur) {
            Some((_, w)) => cur = w,
            None => return false,
        }
    }
    false
}

/// Whether a denial naming `denied` (or no one) covers an assertion naming `asserted`.
pub fn counterparty_covers(denied: Option<&str>, asserted: Option<&str>) -> bool {
    match (denied.map(str::trim), asserted.map(str::trim)) {
        (None, _) => true,
        (Some(_), None) => false,
        (Some(d), Some(a)) => {
            category_within(a, d)
                || (BROAD_COUNTERPARTIES.contains(&d) && !INTERNAL_COUNTERPARTIES.contains(&a))
                || (PARTNER_COUNTERPARTIES.contains(&d) && is_proper_name(a))
        }
    }
}

/// Whether a counterparty is a proper name (a company: "Netflix", "X-Mode", "23andMe") rather
/// than a category (categories are lower case: "advertisers", "law enforcement").
fn is_proper_name(c: &str) -> bool {
    c.chars().any(|ch| ch.is_uppercase()) && !c.chars().next().is_some_and(|ch| ch.is_lowercase())
}

/// Both sides name the same counterparty, and it is not a broad category.
fn same_named_counterparty(d: Option<&str>, a: Option<&str>) -> bool {
    match (d.map(str::trim), a.map(str::trim)) {
        (Some(d), Some(a)) => d.eq_ignore_ascii_case(a) && !BROAD_COUNTERPARTIES.contains(&d),
        _ => false,
    }
}

/// Whether `c` names a party outside the company (any counterparty but its own staff).
fn is_outside(c: Option<&str>) -> bool {
    c.map(str::trim)
        .is_some_and(|c| !c.is_empty() && !INTERNAL_COUNTERPARTIES.contains(&c))
}

/// `Some` when `assertion` contradicts `denial`.
pub fn evaluate(denial: &ClaimRecord, assertion: &ClaimRecord) -> Option<LinkVerdict> {
    let time = time_rule(denial, assertion)?;
    let time = time_text(assertion, time);
    let first = which_first(denial, assertion);
    Some(LinkVerdict {
        reason: reason(denial, assertion, &time, first),
        first,
    })
}

/// Whether `assertion` contradicts `denial`: exactly when `evaluate` gives `Some`, without
/// writing the reason (the store tests many pairs and keeps few).
pub fn accepts(denial: &ClaimRecord, assertion: &ClaimRecord) -> bool {
    time_rule(denial, assertion).is_some()
}

/// Why the rules refuse to link a pair: the first rule that fails, in the words of the module
/// doc ("the action", "one episode"), or `None` when `evaluate` links it. For `eval --show`:
/// a missed link whose two claims were both found names the rule that kept them apart.
pub fn refusal(denial: &ClaimRecord, assertion: &ClaimRecord) -> Option<&'static str> {
    verdict(denial, assertion).err()
}

/// Every rule but the reason: `Some` with the time rule that applied when the pair is linked.
fn time_rule(denial: &ClaimRecord, assertion: &ClaimRecord) -> Option<TimeRule> {
    verdict(denial, assertion).ok()
}

/// Every rule but the reason: the time rule that applied when the pair is linked, else the
/// rule that refused it.
fn verdict(denial: &ClaimRecord, assertion: &ClaimRecord) -> Result<TimeRule, &'static str> {
    let (d, a) = (&denial.claim, &assertion.claim);
    if d.polarity != Polarity::Denial || a.polarity != Polarity::Assertion {
        return Err("rule 1 (polarity)");
    }
    if d.actor != a.actor {
        return Err("rule 2 (actor)");
    }
    if !d.data_type.compatible(&a.data_type) {
        return Err("rule 3 (data type)");
    }
    if !counterparty_covers(d.counterparty.as_deref(), a.counterparty.as_deref()) {
        return Err("rule 4 (counterparty)");
    }
    // A deletion ("had deleted all the address books it had uploaded", `deny.deleted`) denies
    // keeping the data: a report that it was gathered, sent or seen before does not contradict
    // it, only one that it was kept ("did not delete", `assert.not_deleted`).
    let deletion = is_deletion(d);
    if deletion && !reports_kept(a) {
        return Err("rule 5 (a deletion is contradicted only by data kept)");
    }
    // Data sent to the company itself is data it collects, whatever verb the report used
    // ("the browser had been sending information back to the company").
    let sent_to_company =
        d.action == Action::Collect && matches!(a.action, Action::Share | Action::Access) && sent_home(a);
    // An assurance that the data stays on the user's device ("footage is stored locally") denies
    // that the company gets it: data sent home or put in the cloud contradicts it.
    // Only an assurance about a kind of data ("footage", "recordings"): "your data stays with
    // you" beside it is a general assurance, which the company's own upload does not answer.
    // Nor an assurance that users decide (`Other`), which the next rules read.
    let stays_local = d.data_type != DataType::PersonalData
        && matches!(d.action, Action::Collect | Action::Share | Action::Access)
        && STAYS_LOCAL.is_match(&d.sentence);
    let left_device = stays_local
        && matches!(a.action, Action::Share | Action::Access | Action::Collect)
        && a.counterparty.is_none()
        && leaves_device(a);
    // Following people about is tracking them, whichever action the report was read as
    // ("staff used IP addresses to follow users", "watches how its subscribers drive"); data
    // said to be used for something is used, whichever verb of gathering or looking the
    // report also has ("information gathered by the device is used to decide which ads").
    let tracked = d.action == Action::Collect
        && d.data_type == DataType::Location
        && TRACKS_PEOPLE.is_match(&d.sentence)
        && matches!(a.action, Action::Access | Action::Use)
        && TRACKS_PEOPLE.is_match(&a.sentence);
    let put_to_use = d.action == Action::Use
        && matches!(a.action, Action::Collect | Action::Access)
        && USED_FOR.is_match(&a.sentence);
    if !deletion
        && !tracked
        && !put_to_use
        && !action_contradicts(d.action, a.action)
        && !control_names_action(d, a.action)
        && !control_overridden(d, a)
        && !sent_to_company
        && !left_device
    {
        return Err("rule 5 (action)");
    }
    let internal = a
        .counterparty
        .as_deref()
        .is_some_and(|c| INTERNAL_COUNTERPARTIES.contains(&c.trim()));
    if internal && d.counterparty.is_none() && matches!(d.action, Action::Share | Action::Sell) {
        return Err("rule 4 (the company's own staff are not a counterparty of sharing)");
    }
    // The same when only the report's sentence names the staff as the ones who got the data
    // ("let employees view and pass around private videos", "staff shared car camera
    // footage"): data passed among the company's own people has not left it.
    if d.counterparty.is_none()
        && a.counterparty.is_none()
        && matches!(d.action, Action::Share | Action::Sell | Action::Other)
        && STAFF_GOT.is_match(&a.sentence)
    {
        return Err("rule 4 (the company's own staff are not a counterparty of sharing)");
    }
    // Handing data over (or a general assurance that it stays with the users) is contradicted
    // by access only when someone outside the company is named as having it: "staff accessed
    // user data" or "the data could be reached" does not say the company gave it away.
    if a.action == Action::Access
        && matches!(d.action, Action::Share | Action::Other)
        && !is_outside(a.counterparty.as_deref())
    {
        return Err("rule 5 (access by no one outside the company)");
    }
    if same_sentence(denial, assertion) {
        return Err("rule 9 (one sentence)");
    }
    // One account of a breach says what was reached and what was not ("the intruder took email
    // addresses ... no card numbers were taken"): a report read by the breach-report rules
    // (`report.*`, claims/intrusion.rs) does not contradict a breach denial of its own article,
    // unless the article tells the denial as an earlier account ("the first notices said").
    if a.rule.starts_with("report.") {
        if denial.article_id == assertion.article_id
            && (d.rule.starts_with("deny.breach")
                || d.counterparty.as_deref() == Some("hackers")
                || BREACH_WORDS.is_match(&d.sentence))
            && !EARLIER_ACCOUNT.is_match(&d.sentence)
        {
            return Err("rule 11 (one account of a breach: what was reached and what was not)");
        }
        // "Not all customers were affected" concedes that some were: a report that some were
        // reached does not contradict it.
        if NOT_ALL.is_match(&d.sentence) {
            return Err("rule 11 (a denial that not all were reached concedes that some were)");
        }
        // A report retelling the company's first account ("the first notice said the intruder
        // had viewed files of 134 customers") is that account, not a finding against it.
        if EARLIER_ACCOUNT.is_match(&a.sentence) {
            return Err("rule 11 (a report retelling the company's first account)");
        }
        // A breach report that names no kind of data ("the breach reached 69,000 customers")
        // does not show that the kind denied was among what was taken, nor that the things a
        // denial names rather than data ("no passwords, keys or codes were exposed") were.
        if a.data_type == DataType::PersonalData
            && (d.data_type != DataType::PersonalData || !GENERIC_DATA.is_match(&d.sentence))
        {
            return Err("rule 3 (a breach report naming no kind against a denial of a kind)");
        }
    }
    // Data taken by outsiders (scraped, stolen, hacked) or sent home to the company itself was
    // not handed over by the company: it does not contradict a denial of sharing or selling,
    // or an assurance that users decide who gets their data.
    if matches!(d.action, Action::Share | Action::Sell | Action::Other) {
        if TAKEN.is_match(&a.sentence) {
            return Err("rule 5 (data taken by outsiders was not handed over)");
        }
        if a.counterparty.is_none() && sent_home(a) && !left_device {
            return Err("rule 5 (data sent to the company itself is collected, not shared)");
        }
    }
    // The company's own tracking or logging of its users ("logs when you open an email",
    // "records where you read it"), with no verb of handing anything over, is collecting: it
    // does not answer a denial of sharing or selling, whatever action the report was read as.
    if matches!(d.action, Action::Share | Action::Sell)
        && a.counterparty.is_none()
        && own_tracking(&a.sentence)
    {
        return Err("rule 5 (the company's own tracking is collecting, not sharing)");
    }
    // Nor is a denial that others reach the data ("no one but them could reach their footage"):
    // the company keeping what it was sent is not someone else reaching it.
    if d.action == Action::Access && a.counterparty.is_none() && sent_home(a) && !left_device {
        return Err("rule 5 (data sent to the company itself is collected, not reached by others)");
    }
    // Data kept on the user's own device and nowhere else ("the iPhone file ... is copied to the
    // computer the phone syncs with") was not gathered, received or handed over by the company.
    if d.action != Action::Use
        && matches!(a.action, Action::Collect | Action::Share | Action::Sell)
        && on_device_only(a)
    {
        return Err("rule 11 (data kept on the user's own device is not the company's)");
    }
    // A denial about what users keep on their own machines ("does not access content stored
    // locally on your device") is not about what they put in the company's cloud.
    if !stays_local
        && ON_DEVICE.is_match(&d.sentence)
        && CLOUD_DATA.is_match(&a.sentence)
        && !ON_DEVICE.is_match(&a.sentence)
    {
        return Err("rule 8 (data on the user's device vs data in the cloud)");
    }
    if let Some(why) = not_a_denial(d) {
        return Err(why);
    }
    if matches!(d.action, Action::Use | Action::Collect)
        && d.counterparty.is_none()
        && !sent_to_company
        && (is_outside(a.counterparty.as_deref())
            || (a.counterparty.is_none() && OTHER_PARTY_ACTS.is_match(&a.sentence)))
    {
        return Err("rule 11 (the company's own use or collection vs another party's)");
    }
    // The company's own access, said in the denial's own words ("the company itself cannot read
    // them", "never sees the data, which goes only to the agency"), is not contradicted by
    // another party's access.
    if d.action == Action::Access
        && d.counterparty.is_none()
        && SELF_ONLY.is_match(&d.sentence)
        && (is_outside(a.counterparty.as_deref())
            || (a.counterparty.is_none() && OTHER_PARTY_ACTS.is_match(&a.sentence)))
    {
        return Err("rule 11 (the company's own access vs another party's)");
    }
    // A denial limited to the time after a change ("no conversations were shared after the
    // change") says nothing of an undated report, which may tell of the time before it.
    if AFTER_CHANGE.is_match(&d.sentence) && a.period_start.is_none() && a.period_end.is_none() {
        return Err("rule 6 (a denial of the time after a change vs an undated report)");
    }
    if !group_receiver_met(denial, assertion) {
        return Err("rule 11 (data kept inside the group vs a report of another recipient)");
    }
    if !narrowing_met(&d.sentence, &a.sentence) {
        return Err("rule 11 (the denial narrows itself)");
    }
    if is_narrowed_denial(&a.sentence) {
        return Err("rule 11 (the report is itself a narrowed denial)");
    }
    if REASSURES.is_match(&a.sentence) {
        return Err("rule 11 (the report is itself a reassurance)");
    }
    if is_question(&a.sentence) {
        return Err("rule 11 (a question asserts nothing)");
    }
    if let Some(why) = report_says_nothing(assertion) {
        return Err(why);
    }
    if d.action == Action::Sell
        && a.action == Action::Sell
        && STAKE.is_match(&a.sentence)
        && !DATA_SOLD.is_match(&a.sentence)
    {
        return Err("rule 11 (a stake bought is not data sold)");
    }
    if matches!(d.action, Action::Share | Action::Sell | Action::Access)
        && a.action != Action::Sell
        && TARGETS_THROUGH.is_match(&a.sentence)
        && !PURPOSE_LIMIT.is_match(&d.sentence)
    {
        return Err("rule 11 (ads aimed by the data are not the data handed over)");
    }
    if is_hypothetical(&a.sentence) && !CAPABILITY_DENIED.is_match(&d.sentence) {
        return Err("rule 11 (what a party could do vs a denial of what was done)");
    }
    if permission_only(d, a) {
        return Err("rule 11 (a permission granted is not data read)");
    }
    if CONTENTS.is_match(&d.sentence) && !names_contents(&a.sentence) {
        return Err("rule 11 (a denial about contents vs a report that names none)");
    }
    if !kinds_met(&d.sentence, &a.sentence) {
        return Err("rule 11 (the denial is about another kind of data)");
    }
    if !purposes_met(&d.sentence, d.action, &a.sentence) {
        return Err("rule 8 (the denial names one purpose, the report another)");
    }
    if reports_conceded(&d.sentence, &a.sentence) {
        return Err("rule 11 (the denial concedes the practice the report states)");
    }
    if TEST_UNITS.is_match(&a.sentence) && !TEST_UNITS.is_match(&d.sentence) {
        return Err("rule 11 (test units are not the customers' products)");
    }
    if is_slogan_framing(denial) {
        return Err("rule 11 (the outlet's framing of a slogan is not a denial)");
    }
    if own_earlier_account(denial, assertion) {
        return Err("rule 11 (the company's own earlier account)");
    }
    if is_conditional(d)
        && condition_kind(&d.sentence) == ConditionKind::State
        && !OUTSIDE_STATE.is_match(&a.sentence)
    {
        return Err("rule 7 (the report does not say the practice went on outside the denial's state)");
    }
    if is_conditional(d)
        && condition_kind(&d.sentence) != ConditionKind::State
        && !CONDITION_MISSING.is_match(&a.sentence)
    {
        return Err("rule 7 (the report does not say the denial's condition was missing)");
    }
    if is_conditional(d) && !condition_missing(d, a) {
        return Err("rule 7 (the condition the report says was missing is not the denial's)");
    }
    // A denial about one kind of data ("card data", "genetic files") is not contradicted by a
    // report that only says "data" or "personal details" were shared: the report does not show
    // that the denied kind was among them. It is, when the report is tied to the same episode by
    // more than the company: the same named counterparty, or the missing condition of a
    // conditional denial (checked above).
    if generic_report_refused(
        (d.data_type, is_conditional(d), d.counterparty.as_deref()),
        (a.data_type, a.counterparty.as_deref()),
    ) {
        return Err("rule 3 (a specific denied type against a generic report)");
    }
    if !restrictions_met(&d.sentence, d.counterparty.as_deref(), Some(d.action), &d.rule, a) {
        return Err("rule 8 (limits in the denial's words)");
    }
    if !episode_tie(denial, assertion) {
        return Err("rule 10 (one episode)");
    }
    time_check(denial, assertion).ok_or("rule 6 (time)")
}

/// A verb of following people about, with the people (or their whereabouts) right after it or
/// after a determiner, a possessive or an adjective of kind (not "the instructions of users"): "track users", "follow or track users", "followed users who had opted out",
/// "watches how its subscribers drive", "traced reporters", "monitor the locations of".
static TRACKS_PEOPLE: LazyLock<Regex> = LazyLock::new(|| {
    rx(concat!(
        r"(?i)\b(?:track(?:s|ed|ing)?|follow(?:s|ed|ing)?|trac(?:e|es|ed|ing)|monitor(?:s|ed|ing)?|",
        r"locat(?:e|es|ed|ing)|watch(?:es|ed|ing)?)\s+(?:how\s+|where\s+)?",
        r"(?:(?:its|their|our|his|her|the|some|certain|specific|individual|particular|paying|own|[\w-]+['’]s?)\s+){0,2}",
        r"(?:users|people|members|subscribers|customers|riders|drivers|reporters|journalists|individuals|",
        r"shoppers|visitors|patients|employees|them|(?:their\s+|the\s+)?(?:locations?|whereabouts|movements))\b",
    ))
    .expect("a valid regex: a constant pattern")
});

/// A report that the data was put to a use: "is used to decide which ads", "were also used for
/// marketing", "mined transcripts for", "put to work"; not "are not used for".
static USED_FOR: LazyLock<Regex> = LazyLock::new(|| {
    rx(concat!(
        r"(?i)\b(?:(?:is|are|was|were|been|being|be)\s+(?:(?:also|then|later|still|now|often|routinely|regularly|actually|being)\s+)?used\s+(?:to|for|in)|",
        r"min(?:ed|es|ing)\s+(?:[\w’'-]+\s+){0,4}?(?:for|to)|put\s+to\s+(?:work|use))\b",
    ))
    .expect("a valid regex: a constant pattern")
});

/// A denial that the data is kept because it was deleted: the extractor's `deny.deleted`
/// ("the recordings were erased"), or a denial of keeping whose sentence says the data was
/// deleted, destroyed, erased, wiped or purged ("said it was told the data was deleted with no
/// copies"). What it denies is keeping, not the gathering or the taking before.
fn is_deletion(d: &crate::model::Claim) -> bool {
    reads_as_deletion(&d.rule, d.action, &d.sentence)
}

/// `is_deletion` from a denial's rule, action and sentence: the store groups its candidates by
/// the same test (`store::cache::is_deletion`), so that what the rules link the narrowing finds.
pub(crate) fn reads_as_deletion(rule: &str, action: Action, sentence: &str) -> bool {
    rule.starts_with("deny.deleted")
        || (matches!(action, Action::Collect | Action::Other) && DELETED.is_match(sentence))
}

/// Whether rule 5 may let a denial meet a report of any action, read from its rule and words
/// rather than its action: an assurance that users decide (`is_control`: met by any practice a
/// report says went on without their say, and by collecting or using when its sentence names
/// them) or an assurance that a kind of data stays on the device (`STAYS_LOCAL`: met by the
/// data sent home or put in the cloud, whatever the report's verb). The store groups such a
/// denial's candidates under the action `Other` (`store::cache::any_action`), as it does a
/// deletion, so that the narrowing finds every pair these rules link.
pub(crate) fn meets_any_action(rule: &str, action: Action, data_type: DataType, sentence: &str) -> bool {
    rule.contains("deny.in_control")
        || rule.contains("deny.keep_private")
        || (data_type != DataType::PersonalData
            && matches!(action, Action::Collect | Action::Share | Action::Access)
            && STAYS_LOCAL.is_match(sentence))
}

/// Whether a report says the data was kept although it was to be deleted: the extractor's
/// `assert.not_deleted` ("did not delete"), or a report of keeping whose sentence says the
/// data is still held or was not deleted (`NOT_DELETED`: "still holds", "was never erased",
/// "did not destroy"), or keeps it beside a word of deletion (`KEPT` and `DELETION`: "kept some
/// information after a paid deletion", "the files remained on a server after they were said to
/// be wiped"). Keeping other data ("kept the profiles of users who had only deactivated their
/// accounts"), or gathering, sending or taking it, is not what a deletion denies.
///
/// A sentence that reports two keepings, one of them in a clause with no word of deletion
/// ("still kept some information after a paid deletion, and kept the profiles of users who had
/// only deactivated"), does not tell which data its claim is: it is refused.
fn reports_kept(a: &crate::model::Claim) -> bool {
    if a.rule.starts_with("assert.not_deleted") {
        return true;
    }
    let s = &a.sentence;
    if a.action != Action::Collect {
        return false;
    }
    let mut keeps: Vec<std::ops::Range<usize>> = NOT_DELETED.find_iter(s).map(|m| m.range()).collect();
    for m in KEPT.find_iter(s) {
        if !keeps.iter().any(|k| k.start < m.end() && m.start() < k.end) {
            keeps.push(m.range());
        }
    }
    match keeps.len() {
        0 => false,
        1 => NOT_DELETED.is_match(s) || DELETION.is_match(s),
        _ => keeps.iter().all(|k| {
            let clause = clause_at(s, k.start);
            NOT_DELETED.is_match(clause) || DELETION.is_match(clause)
        }),
    }
}

/// The clause of `sentence` (between `CLAUSE_BREAK`s) that holds byte `at`.
fn clause_at(sentence: &str, at: usize) -> &str {
    let mut start = 0;
    for m in CLAUSE_BREAK.find_iter(sentence) {
        if m.start() > at {
            return &sentence[start..m.start()];
        }
        start = m.end();
    }
    &sentence[start..]
}

/// Ways a denial says the data is gone: "was deleted", "had been destroyed", "erased", "wiped",
/// "purged", "discarded".
static DELETED: LazyLock<Regex> = LazyLock::new(|| {
    rx(r"(?i)\b(?:deleted|erased|destroyed|wiped|purged|discarded)\b")
        .expect("a valid regex: a constant pattern")
});

/// Any word of deletion: "deletion", "deleting", "erase", "destroyed", "wiped", "purge".
static DELETION: LazyLock<Regex> = LazyLock::new(|| {
    rx(r"(?i)\b(?:delet\w*|eras(?:e|ed|es|ing|ure)|destr(?:oy|oyed|oying|uction)|wip(?:e|ed|es|ing)|purg\w*)\b")
        .expect("a valid regex: a constant pattern")
});

/// Ways a report says the data was kept: "kept", "retained", "held on to", "remained on".
static KEPT: LazyLock<Regex> = LazyLock::new(|| {
    rx(concat!(
        r"(?i)\b(?:kept|keeps|keeping|retain(?:s|ed|ing)?|(?:held|hung|hanging|holding)\s+on\s+to|",
        r"(?:remained|stayed|lingered|persisted)\s+(?:on|in)|held\s+in)\b",
    ))
    .expect("a valid regex: a constant pattern")
});

/// Ways a report says the data is still there: "still holds", "still had", "was never deleted",
/// "did not destroy", "had not been erased".
static NOT_DELETED: LazyLock<Regex> = LazyLock::new(|| {
    rx(concat!(
        r"(?i)\b(?:still\s+(?:holds?|held|holding|has|had|have|having|keeps?|kept|stores?|stored|possess(?:es|ed)?)|",
        r"(?:did|does|do|had|has|have|was|were|is|are)\s*(?:not|n['’]t)\s+(?:been\s+)?",
        r"(?:delete|deleted|destroy|destroyed|erase|erased|purge|purged|wipe|wiped|removed?)|",
        r"never\s+(?:been\s+)?(?:deleted|destroyed|erased|purged|wiped))\b",
    ))
    .expect("a valid regex: a constant pattern")
});

/// Rule 10: something beyond the company ties the denial and the report to one episode. A
/// company makes many statements about many products over the years; "we do not collect data
/// sent over Wi-Fi networks" (2010) is not contradicted by "the data was collected even on phones
/// with no SIM card" (2017) only because both are about Google and "data". Any one of these is
/// enough: both claims come from one article; both name the same specific kind of data; both
/// name the same counterparty; a conditional denial meets a report that says the condition was
/// missing; or both claims' sentences or headlines name the same thing (`topic_terms`: a
/// product, a feature, a person or another company — "Portal", "Street View", "Netflix").
fn episode_tie(denial: &ClaimRecord, assertion: &ClaimRecord) -> bool {
    let (d, a) = (&denial.claim, &assertion.claim);
    if denial.article_id == assertion.article_id {
        // One speaker's statement, made at one time, that says what it does and what it does
        // not ("the cars record network names; Google does not collect payload data") narrows
        // itself; it does not contradict itself.
        let said_by = |who: &str| a.speaker.as_deref().is_some_and(|s| s.eq_ignore_ascii_case(who));
        // The outlet's own reporting is not a statement by the company: a newsroom that reports
        // a promise and its breach has not narrowed anything.
        let outlet = |who: &&str| {
            denial
                .outlet
                .as_deref()
                .is_some_and(|o| o.eq_ignore_ascii_case(who))
        };
        // The company's voice is read from the speaker recorded, or from the report's own
        // words when they attribute it to the company ("Apple conceded that the phone kept the
        // cache", a headline "Apple: ... a bug kept location data"): what a company concedes in
        // the statement that carries its denial narrows that denial.
        let company_voice = said_by(&d.actor) || voiced_by_company(assertion);
        let same_voice = (company_voice || d.speaker.as_deref().filter(|s| !outlet(s)).is_some_and(said_by))
            && denial.when_stated() == assertion.when_stated();
        // "Google confirmed the practice but said the codes were never stored": the denial
        // concedes what its story reports and narrows it.
        return !same_voice && !CONCEDES.is_match(&d.sentence);
    }
    if same_named_counterparty(d.counterparty.as_deref(), a.counterparty.as_deref()) {
        return true;
    }
    let theirs = topic_terms(assertion);
    // A name both give ties them at any distance, except years apart when the denial's own
    // sentence names something the report does not (`names_met`): "the contents of emails were
    // never exposed by Buzz" (2011) and "developers scan the inboxes of Gmail users" (2018)
    // share the product in their headlines, not the feature.
    if topic_terms(denial).iter().any(|t| theirs.contains(t))
        && (within_days(denial, assertion, DISTANT_TIE_DAYS) || names_met(denial, &theirs))
    {
        return true;
    }
    // The ties below (a mode, the same kind of data, a categorical denial, a missing condition)
    // name nothing particular to one episode: they hold for a report of a practice that began
    // within `DISTANT_TIE_DAYS` of the denial. "We do not sell it to anyone", said of one
    // product in 2011, is not about a sale reported in 2018. Further apart, the same kind of
    // data still ties when both name the same purpose for it ("does not use the phone number
    // for advertising", 2013; "used those security phone numbers for advertising", 2019).
    if !within_days(denial, assertion, DISTANT_TIE_DAYS) {
        let (my_purposes, their_purposes) = (purposes_of(&d.sentence, Some(d.action)), purposes(&a.sentence));
        return d.data_type != DataType::PersonalData
            && d.data_type == a.data_type
            && !ANAPHORIC_DATA.is_match(&d.sentence)
            && names_met(denial, &theirs)
            && my_purposes.iter().any(|k| their_purposes.contains(k));
    }
    // A denial limited to one mode of the product ("not collected in incognito mode") meets a
    // report only when the report names that mode (rule 8, checked before): both speak of it.
    if MODE_LIMIT.is_match(&d.sentence) {
        return true;
    }
    // A denial that answers one report ("we disagree with the suggestion that ...", "rejected
    // the report") speaks of that report's episode: only the ties above (one article, the same
    // named counterparty, a shared name) bring another report to it.
    if REBUTTAL.is_match(&d.sentence) {
        return false;
    }
    if d.data_type != DataType::PersonalData
        && d.data_type == a.data_type
        && !ANAPHORIC_DATA.is_match(&d.sentence)
        && names_met(denial, &theirs)
    {
        return true;
    }
    // A categorical denial is meant to cover every case: "we do not sell data to anyone",
    // "we never share it with third parties".
    if d.action == Action::Sell
        || d.counterparty
            .as_deref()
            .is_some_and(|c| BROAD_COUNTERPARTIES.contains(&c.trim()))
    {
        return true;
    }
    // A conditional denial, or an assurance that users decide ("owners decide what police
    // see", "would keep their health information private"), meets a report that the users'
    // say was missing ("without the owners' consent") — of a practice that began within
    // `CONDITION_TIE_DAYS` of the denial: a general assurance is about the products of its day,
    // not about one launched years later.
    condition_tie(d, a, false) && within_days(denial, assertion, CONDITION_TIE_DAYS)
}

/// How long after a denial a report tied to it only by a missing condition may begin (rule 10):
/// three years.
pub const CONDITION_TIE_DAYS: i64 = 3 * 365;

/// How long after a denial a report tied to it by something that names no episode (a mode,
/// the same kind of data, a categorical denial) may begin (rule 10): three years. A named
/// counterparty or a name both sentences give ties at any distance.
pub const DISTANT_TIE_DAYS: i64 = 3 * 365;

/// Whether the report's earliest date (its period's start, else the day it was made) is at
/// most `days` after the denial's date; true when either is undated.
fn within_days(denial: &ClaimRecord, assertion: &ClaimRecord, days: i64) -> bool {
    let Some(s) = denial.when_stated() else {
        return true;
    };
    let Some(e) = assertion.claim.period_start.or(assertion.when_stated()) else {
        return true;
    };
    i64::from(day(e.first_day())) - i64::from(day(s.last_day())) <= days
}

/// A conditional denial, or an assurance that users decide, meets a report that the users' say
/// was missing ("without the owners' consent"). Across articles (`same_article` false) not when
/// the denial speaks of "the data" or "this information": that is the data its own story is
/// about ("Amazon says the data stays private", of one product), which another story's data
/// given away without consent is not shown to be.
fn condition_tie(d: &crate::model::Claim, a: &crate::model::Claim, same_article: bool) -> bool {
    (is_conditional(d) || is_control(d))
        && condition_missing(d, a)
        && (same_article || !THE_DATA.is_match(&d.sentence))
}

/// The kind of condition a conditional denial sets: the users' say (consent, notice, a
/// setting), a legal process (a warrant, a court order), or a price ("not in exchange for
/// money"). A report contradicts the denial only by saying that condition was missing: a sale
/// "without telling them" does not answer "we do not sell data for money", and data given to
/// police "without a warrant" does not say the users were not asked.
///
/// A state of the product or an act of the user ("only while the app is open", "only when you
/// press the button", "when they check in": `STATE_CONDITION`) is missing only when the report
/// says the practice went on outside it (`OUTSIDE_STATE`: "in the background", "even when the
/// app was closed", "without anyone pressing it", "around the clock"); a report of the practice
/// alone, or of it done without consent, does not say the state was not there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ConditionKind {
    Say,
    Legal,
    Money,
    State,
}

fn condition_kind(denial_sentence: &str) -> ConditionKind {
    if MONEY_CONDITION.is_match(denial_sentence) {
        ConditionKind::Money
    } else if LEGAL_PROCESS.is_match(denial_sentence) {
        ConditionKind::Legal
    } else if STATE_CONDITION.is_match(denial_sentence) && !USERS_SAY.is_match(denial_sentence) {
        ConditionKind::State
    } else {
        ConditionKind::Say
    }
}

/// A denial's condition that is a state of the product or an act of its user: "only while the
/// app is open", "when it is in use", "as long as the program is running", "only when you press
/// the button", "whenever a user taps the microphone", "when they check in", "after the wake
/// word is said". Not a setting the user chose ("when people have turned on location
/// services"): that is the users' say.
static STATE_CONDITION: LazyLock<Regex> = LazyLock::new(|| {
    rx(concat!(
        r"(?i)\b(?:while|when|whenever|as\s+long\s+as|until|unless)\s+(?:[\w’'-]+\s+){0,4}?",
        r"(?:(?:is|are|was|were|be|being|remains?|stays?)\s+)?(?:open|opened|in\s+use|being\s+used|running|",
        r"active|in\s+the\s+foreground|on\s+screen|awake)\b|",
        r"\b(?:while|when|whenever|after|until|unless|once)\s+(?:[\w’'-]+\s+){0,3}?",
        r"(?:press(?:es|ed|ing)?|push(?:es|ed|ing)?|tap(?:s|ped|ping)?|hold(?:s|ing)?|held|click(?:s|ed|ing)?|",
        r"check(?:s|ed|ing)?[\s-]+in|activat(?:e|es|ed|ing)|summon(?:s|ed|ing)?)\b|",
        r"\b(?:wake|wake-up|trigger)\s+(?:word|phrase)s?\b",
    ))
    .expect("a valid regex: a constant pattern")
});

/// Words of the users' say in a denial's condition: with them, the condition is the users'
/// say even when a state is named beside it ("only with permission, while the app is open").
static USERS_SAY: LazyLock<Regex> = LazyLock::new(|| {
    rx(r"(?i)\b(?:consent\w*|permission|agree\w*|opt(?:s|ed)?[\s-]+in|approv\w*|authori[sz]\w*)\b")
        .expect("a valid regex: a constant pattern")
});

/// A report that the practice went on outside the state a denial names: "in the background",
/// "even when the app was closed", "when it was not in use", "without anyone pressing the
/// button", "with no wake word said", "around the clock", "constantly", "by mistake".
static OUTSIDE_STATE: LazyLock<Regex> = LazyLock::new(|| {
    rx(concat!(
        r"(?i)\bin\s+the\s+background\b|",
        r"\b(?:when|while|after|if|though|whether)\s+(?:[\w’'-]+\s+){0,4}?(?:(?:was|were|is|are|had\s+been|has\s+been|being)\s+)?",
        r"(?:closed|shut(?:\s+down)?|off|turned\s+off|switched\s+off|idle|asleep|locked|",
        r"not\s+(?:open|opened|in\s+use|being\s+used|running|active|using|touching|pressing|holding))\b|",
        r"\b(?:without|before)\s+(?:[\w’'-]+\s+){0,3}?(?:press(?:ing|ed)|push(?:ing|ed)|tapp(?:ing|ed)|holding|",
        r"click(?:ing|ed)|saying|said|speaking|uttering|activat(?:ing|ed)|check(?:ing|ed)[\s-]+in|open(?:ing|ed)|",
        r"(?:the|a|any)\s+(?:wake|trigger)\s+(?:word|phrase))\b|",
        r"\b(?:nobody|no\s+one|no-one)\s+(?:had\s+)?(?:said|pressed|tapped|spoken|activated)\b|",
        r"\b(?:at\s+all\s+times|around\s+the\s+clock|all\s+(?:the\s+)?time|24\s+hours\s+a\s+day|constantly|",
        r"continuously|continually|non-?stop|by\s+mistake|accidentally|falsely\s+(?:triggered|activated|woken))\b",
    ))
    .expect("a valid regex: a constant pattern")
});

/// Whether the report says the condition of the denial (or of its assurance that users
/// decide) was missing, the same kind of condition as the denial's (`ConditionKind`).
fn condition_missing(d: &crate::model::Claim, a: &crate::model::Claim) -> bool {
    let kind = if is_control(d) && !is_conditional(d) {
        ConditionKind::Say
    } else {
        condition_kind(&d.sentence)
    };
    match kind {
        ConditionKind::Money => MONEY_NAMED.is_match(&a.sentence),
        ConditionKind::State => OUTSIDE_STATE.is_match(&a.sentence),
        ConditionKind::Legal => CONDITION_MISSING
            .find_iter(&a.sentence)
            .any(|m| LEGAL_PROCESS.is_match(m.as_str())),
        ConditionKind::Say => CONDITION_MISSING
            .find_iter(&a.sentence)
            .any(|m| !LEGAL_PROCESS.is_match(m.as_str())),
    }
}

/// A denial whose condition is a price: "does not sell customer data in exchange for money",
/// "never for cash", "not for any payment".
static MONEY_CONDITION: LazyLock<Regex> = LazyLock::new(|| {
    rx(concat!(
        r"(?i)\b(?:in\s+exchange\s+for|in\s+return\s+for|for)\s+(?:any\s+)?",
        r"(?:money|cash|payments?|a\s+fee|fees|profit|monetary\s+(?:gain|compensation|consideration))\b",
    ))
    .expect("a valid regex: a constant pattern")
});

/// A report that money changed hands: "paid", "for $2 million", "a fee", "in exchange for".
static MONEY_NAMED: LazyLock<Regex> = LazyLock::new(|| {
    rx(concat!(
        r"(?i)\b(?:money|paid|pays?|paying|payments?|cash|fees?|prices?|revenue|dollars|euros|pounds|",
        r"for\s+profit|in\s+exchange\s+for|in\s+return\s+for)\b|[$€£]\s?\d",
    ))
    .expect("a valid regex: a constant pattern")
});

/// A legal process as the condition of a denial ("only when served a warrant", "requires a
/// valid legal request") or as what a report says was missing ("without a warrant").
static LEGAL_PROCESS: LazyLock<Regex> = LazyLock::new(|| {
    rx(concat!(
        r"(?i)\b(?:warrants?|subpoenas?|court\s+orders?|legal\s+(?:process|requests?|demands?|orders?)|",
        r"valid\s+legal|lawful\s+(?:requests?|orders?)|judicial\s+(?:orders?|approval))\b",
    ))
    .expect("a valid regex: a constant pattern")
});

/// "the data", "this information", "such data": data named earlier in the story.
static THE_DATA: LazyLock<Regex> = LazyLock::new(|| {
    rx(r"(?i)\b(?:the|this|that|these|those|such)\s+(?:data|information)\b")
        .expect("a valid regex: a constant pattern")
});

/// An assurance that users decide ("users are in control of their privacy settings") is
/// contradicted by any practice a report says went on without the users' say ("collects usage
/// data without valid consent"), whatever the practice: collecting and using as well as
/// sharing.
fn control_overridden(d: &crate::model::Claim, a: &crate::model::Claim) -> bool {
    is_control(d) && condition_missing(d, a)
}

/// A report of what a party could do rather than of what it did: "in theory", "could
/// potentially read", "may share" (a policy's permission), "was capable of pulling in". Not the
/// hedges "may have", "might have" (a reported act, less sure), nor a bare "could read", which
/// news uses for what a party was able to do and did ("engineers could see direct messages").
/// Nor a purpose ("gave them the answers so the platforms could target ads"): "so" or "so that"
/// a few words before the modal.
fn is_hypothetical(sentence: &str) -> bool {
    HYPOTHETICAL.captures_iter(sentence).any(|c| {
        let hedge = c
            .get(1)
            .is_some_and(|w| matches!(w.as_str().to_ascii_lowercase().as_str(), "have" | "not" | "never"));
        let start = c.get(0).map_or(0, |m| m.start());
        let purpose = sentence[..start]
            .split_whitespace()
            .rev()
            .take(4)
            .any(|w| w.eq_ignore_ascii_case("so"));
        !hedge && !purpose
    })
}

static HYPOTHETICAL: LazyLock<Regex> = LazyLock::new(|| {
    rx(concat!(
        r"(?i)\b(?:in\s+theory|theoretically|in\s+principle|capable\s+of|(?:can|could)\s+reveal|",
        r"could\s+(?:potentially|conceivably|theoretically)\s+[a-z]+|",
        r"(?:may|might)\s+(?:(?:also|potentially|then|still)\s+)?([a-z]+))\b",
    ))
    .expect("a valid regex: a constant pattern")
});

/// A denial of what a party can do ("no one but the participants can see", "could not reach",
/// "is unable to read"): what a report says a party could do answers it.
static CAPABILITY_DENIED: LazyLock<Regex> = LazyLock::new(|| {
    rx(r"(?i)\b(?:can|cannot|can['’]t|could|couldn['’]t|able|unable|impossible|no\s+way)\b")
        .expect("a valid regex: a constant pattern")
});

/// Whether a claim's sentence attributes itself to the claim's company: a headline that opens
/// with its name and a colon ("Apple: the iPhone is not tracking you"), or its name (or "the
/// company", "the firm") as the subject of a verb of saying or conceding ("Apple conceded
/// that", "Facebook said on Sunday", "the company acknowledged"). Whether the speaker the claim
/// records is the outlet or a source, these words are the company's.
fn voiced_by_company(r: &ClaimRecord) -> bool {
    let c = &r.claim;
    let own: &[String] = COMPANY_WORDS.get(&c.actor).map_or(&[], Vec::as_slice);
    let names: Vec<String> = own
        .iter()
        .cloned()
        .chain(c.actor.split_whitespace().map(fold))
        .collect();
    let words: Vec<&str> = c.sentence.split_whitespace().collect();
    if words
        .first()
        .is_some_and(|w| w.ends_with(':') && names.contains(&fold(w)))
    {
        return true;
    }
    words.iter().enumerate().any(|(i, w)| {
        let w = fold(w);
        let generic = matches!(w.as_str(), "company" | "firm") && i > 0 && fold(words[i - 1]) == "the";
        if !(generic || names.contains(&w)) || words[i].ends_with([',', ';', ':']) {
            return false;
        }
        for next in words.iter().skip(i + 1).take(4) {
            let v = fold(next);
            if SPEECH_VERBS.contains(&v.as_str()) {
                return true;
            }
            if !VOICE_GAP.contains(&v.as_str()) {
                return false;
            }
        }
        false
    })
}

/// Verbs by which a company speaks for itself ("Apple conceded", "the company said").
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "conceded",
    "concedes",
    "acknowledged",
    "acknowledges",
    "admitted",
    "admits",
    "confirmed",
    "confirms",
    "added",
    "adds",
    "wrote",
    "writes",
    "explained",
    "explains",
    "stated",
    "states",
    "told",
];

/// Words that may stand between a company and its verb of saying ("Apple on Wednesday said",
/// "Facebook's spokeswoman said", "the company also conceded").
const VOICE_GAP: &[&str] = &[
    "on",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "also",
    "later",
    "then",
    "has",
    "had",
    "itself",
    "spokesman",
    "spokeswoman",
    "spokesperson",
];

/// The ties of rule 10 that name the episode rather than only its kind of data: one article,
/// the same named counterparty, a name both claims' sentences or headlines give, the mode of
/// the product a mode-limited denial names, or a condition the denial set that the report says
/// was missing. Used by the time rule for later reports that give no date of their own.
fn named_tie(denial: &ClaimRecord, assertion: &ClaimRecord) -> bool {
    let (d, a) = (&denial.claim, &assertion.claim);
    if denial.article_id == assertion.article_id
        || same_named_counterparty(d.counterparty.as_deref(), a.counterparty.as_deref())
        || MODE_LIMIT.is_match(&d.sentence)
        || condition_tie(d, a, false)
    {
        return true;
    }
    let theirs = topic_terms(assertion);
    topic_terms(denial).iter().any(|t| theirs.contains(t))
}

/// Rule 11: sentences read as denials that deny nothing, and denials whose own words say what
/// they leave out. `Some` with the reason when the denial's sentence is not a denial at all:
///
/// - an admission of error ("had mistakenly collected", "inadvertently uploaded", "did not mean
///   to"): the company concedes the practice and excuses it — unless the sentence also reports
///   the earlier assurance it reverses ("reversing its assurance that it gathered no such
///   data"), which is a denial (`REVERSES`);
/// - an accusation whose only negation says a condition was missing ("derived face geometry
///   and never told users", "without asking them"): a report of the practice.
fn not_a_denial(d: &crate::model::Claim) -> Option<&'static str> {
    let s = &d.sentence;
    if ADMITS_ERROR.is_match(s) && !REVERSES.is_match(s) {
        return Some("rule 11 (an admission of error is not a denial)");
    }
    if is_promised_change(s) {
        return Some("rule 11 (a promised change is not a denial)");
    }
    if !is_conditional(d) && CONDITION_MISSING.is_match(s) {
        let rest = CONDITION_MISSING.replace_all(s, " ");
        if !NEGATION.is_match(&rest) {
            return Some("rule 11 (a report that a condition was missing is not a denial)");
        }
    }
    None
}

/// A report whose receivers are the company's own people: "let employees view", "staff shared
/// footage", "workers passed around videos".
static STAFF_GOT: LazyLock<Regex> = LazyLock::new(|| {
    rx(concat!(
        r"(?i)\blet\s+(?:its\s+|their\s+|the\s+company['’]s\s+)?(?:own\s+)?(?:employees|staff|workers|engineers|moderators)\b|",
        r"\b(?:employees|staff|workers|engineers)\s+(?:had\s+|have\s+)?(?:shared|passed\s+around|circulated|swapped|traded)\b",
    ))
    .expect("a valid regex: a constant pattern")
});

/// Whether a report's sentence tells of the company watching its users (`TRACKING`: "tracks
/// where", "logs when", "records what", "monitors how") and of no handing over (`HANDS_OVER`):
/// the words of messages the users themselves send ("emails sent with it", "the messages
/// people send") are not a handing over by the company.
fn own_tracking(sentence: &str) -> bool {
    if !TRACKING.is_match(sentence) {
        return false;
    }
    let rest = USERS_SEND.replace_all(sentence, " ");
    !HANDS_OVER.is_match(&rest)
}

/// A verb of watching users: "tracks", "logs", "records", "monitors", "keeps a record of",
/// "notes", "captures".
static TRACKING: LazyLock<Regex> = LazyLock::new(|| {
    rx(concat!(
        r"(?i)\b(?:track(?:s|ed|ing)?|log(?:s|ged|ging)|records|recorded|recording|monitor(?:s|ed|ing)?|",
        r"notes|noted|noting|captur(?:e|es|ed|ing)|(?:keeps?|kept|keeping)\s+(?:a\s+)?(?:record|log|tabs?)\s+(?:of|on))\b",
    ))
    .expect("a valid regex: a constant pattern")
});

/// A verb of handing data over or making it reachable: share, sell, pass, send, give, hand,
/// transfer, disclose, provide, supply, forward, leak, license, rent, trade, upload, transmit,
/// expose, "make available", feed.
static HANDS_OVER: LazyLock<Regex> = LazyLock::new(|| {
    rx(concat!(
        r"(?i)\b(?:shar(?:e|es|ed|ing)|sell(?:s|ing)?|sold|pass(?:es|ed|ing)?|sen(?:d|ds|t|ding)|",
        r"g(?:ive|ives|ave|iven|iving)|hand(?:s|ed|ing)?|transfer\w*|disclos\w*|provid(?:e|es|ed|ing)|",
        r"suppl(?:y|ies|ied|ying)|forward\w*|leak\w*|licens\w*|rent(?:s|ed|ing)?|trad(?:e|es|ed|ing)|",
        r"upload\w*|transmit\w*|beam\w*|relay\w*|expos(?:e|es|ed|ing)|mak(?:e|es|ing)\s+(?:it\s+|them\s+)?available|",
        r"made\s+(?:it\s+|them\s+)?available|feed(?:s|ing)?|fed|let(?:s|ting)?)\b",
    ))
    .expect("a valid regex: a constant pattern")
});

/// Messages the users send, not the company: "emails sent with it", "the messages people
/// send", "texts users sent".
static USERS_SEND: LazyLock<Regex> = LazyLock::new(|| {
    rx(concat!(
        r"(?i)\b(?:e-?mails?|messages?|texts?|letters?|newsletters?|invitations?|invites?)\s+",
        r"(?:(?:that|which)\s+)?(?:(?:people|users|they|customers|members|senders|you|he|she|we)\s+)?",
        r"(?:sent|send|sends|sending)\b",
    ))
    .expect("a valid regex: a constant pattern")
});

/// Ways a report says outsiders took the data rather than received it: scraped, stolen,
/// hacked, breached.
static TAKEN: LazyLock<Regex> = LazyLock::new(|| {
    rx(concat!(
        r"(?i)\b(?:scrap(?:e|ed|es|ing|ers?)|stole|stolen|steal\w*|theft|thieves|",
        r"hack(?:ed|ers?|ing)|breach(?:ed|es)?|exfiltrat\w*|cyber-?attack\w*)\b",
    ))
    .expect("a valid regex: a constant pattern")
});

/// A report whose sentence names another party as the one that used or gathered the data
/// ("at least one advertising partner used the header", "data brokers collected"), even when
/// the claim records no counterparty: it is not the company's own use or collection.
static OTHER_PARTY_ACTS: LazyLock<Regex> = LazyLock::new(|| {
    rx(concat!(
        r"(?i)\b(?:partners?|advertisers?|marketers?|brokers?|developers?|researchers?|contractors?|",
        r"hackers?|insurers?|police|buyers?|clients?|trackers?|scrapers?)\s+",
        r"(?:(?:had|have|has|then|also|later|could|can|were|was)\s+){0,2}",
        r"(?:used|uses|using|collected|collects|gathered|gathers|harvested|harvests|exploited|combined|matched|tracked|built)\b",
    ))
    .expect("a valid regex: a constant pattern")
});

/// A denial that speaks of the company alone: a reflexive ("the company itself cannot read
/// them", "we ourselves never see"), or the data said to go to someone else ("never sees the
/// data, which goes only to the agency", "sent directly to the police").
static SELF_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    rx(concat!(
        r"(?i)\b(?:itself|ourselves|themselves)\b|",
        r"\b(?:goes|go|went|gone|sent|delivered|passed|flows?|flowed)\s+(?:only\s+|directly\s+|straight\s+)?to\s+",
        r"(?:the\s+|its\s+|their\s+)?(?:agency|agencies|government|governments|police|clients?|customers?|authorities|buyers?)\b",
    ))
    .expect("a valid regex: a constant pattern")
});

/// A denial limited to the time after a change: "after the change", "since the update",
/// "after that date".
static AFTER_CHANGE: LazyLock<Regex> = LazyLock::new(|| {
    rx(
        r"(?i)\b(?:after|since)\s+(?:the|that|this|its|their)\s+(?:change|changes|switch|update|decision|move|announcement|overhaul|fix|policy\s+change|new\s+(?:policy|terms|rules)|date|point)\b",
    )
    .expect("a valid regex: a constant pattern")
});

/// Whether the assertion says the data went to its actor, read from each place its sentence
/// sends data to (`destinations`): the company itself ("sending the company every tap", "back
/// to the firm", "to its servers", "to the company's servers", "phones home"); the company's
/// storage ("to the cloud", "onto its cloud", "to Anker's cloud servers"), when the report
/// names no receiver and the storage is no one else's; or one of the actor's own names
/// ("sends Apple a log", "uploaded to Google"). Also an upload that names no receiver at all
/// (`bare_upload`).
fn sent_home(a: &crate::model::Claim) -> bool {
    if a.counterparty.is_none() && bare_upload(&a.sentence) {
        return true;
    }
    let own: &[String] = COMPANY_WORDS.get(&a.actor).map_or(&[], Vec::as_slice);
    let actor = fold(&a.actor);
    let owned = |w: &str| {
        let w = fold(w);
        w == actor || own.contains(&w)
    };
    destinations(&a.sentence).any(|d| match d {
        Destination::Home => true,
        Destination::Cloud(whose) => a.counterparty.is_none() && whose.is_none_or(&owned),
        Destination::Named(w) => owned(w),
    })
}

/// Where a report sends data (`destinations`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Destination<'a> {
    /// The company itself: "the company", "the firm", "its servers", "its maker", "phones home".
    Home,
    /// Storage: "the cloud", "its cloud", "Anker's cloud servers" (with whose name, if any).
    Cloud(Option<&'a str>),
    /// The first word of a receiver named otherwise: "Apple", "partners".
    Named(&'a str),
}

/// A verb of sending data somewhere: sent, transmitted, uploaded, beamed, relayed; reported,
/// passed, copied (group 1: said of handing data over as much as of sending it home, so a
/// company named after them is a receiver, "WhatsApp passes phone numbers to Facebook"); phoned
/// home (group 2).
static SENDING: LazyLock<Regex> = LazyLock::new(|| {
    rx(concat!(
        r"(?i)\b(?:sen(?:d|ds|t|ding)|transmit\w*|upload\w*|beam\w*|relay\w*|",
        r"(report(?:s|ed|ing)?|pass(?:es|ed|ing)?|cop(?:ies|ied|ying))|(phon\w+\s+home))\b",
    ))
    .expect("a valid regex: a constant pattern")
});

/// Where a sending goes, read after "to", "back to", "onto", "into" in the rest of its clause:
/// the company itself (group 1), storage (group 2, whose name in group 3), or any other word
/// (group 4).
static DESTINATION: LazyLock<Regex> = LazyLock::new(|| {
    rx(concat!(
        r"(?i)^(?:((?:the\s+company|the\s+firm)(?:[^\w'’]|$)|(?:its|their)\s+(?:own\s+)?(?:servers|maker)\b|",
        r"the\s+company['’]s\s+servers\b)|",
        r"(the\s+cloud\b|(?:its|their)\s+(?:own\s+)?cloud\b|([\w-]+)['’]s\s+(?:own\s+)?(?:cloud|servers)\b)|",
        r"([\w’'-]+))",
    ))
    .expect("a valid regex: a constant pattern")
});

/// The word before a destination: "to", "back to", "onto", "into".
static TOWARDS: LazyLock<Regex> =
    LazyLock::new(|| rx(r"(?i)\b(?:back\s+to|to|onto|into)\s+").expect("a valid regex: a constant pattern"));

/// How far after its verb a sending's destination may be read, in bytes (within its clause).
const DESTINATION_REACH: usize = 120;

/// Every place the sentence sends data to: for each verb of sending (`SENDING`), the words
/// right after it ("sends Apple a log", "sending the company every tap") and what follows each
/// "to", "back to", "onto" or "into" in the next `DESTINATION_REACH` bytes of its clause ("sent
/// the clips to partners and back to the company" gives both). "Phones home" is the company
/// itself.
fn destinations(sentence: &str) -> impl Iterator<Item = Destination<'_>> {
    SENDING.captures_iter(sentence).flat_map(move |c| {
        let verb = c.get(0).map_or(0..0, |m| m.range());
        let handing = c.get(1).is_some();
        let home = c.get(2).map(|_| Destination::Home);
        let rest = &sentence[verb.end..];
        let clause_end = rest.find(['.', ';']).unwrap_or(rest.len());
        let mut reach = clause_end.min(DESTINATION_REACH);
        while !rest.is_char_boundary(reach) {
            reach -= 1;
        }
        let window = &rest[..reach];
        let direct = window
            .strip_prefix(char::is_whitespace)
            .map(str::trim_start)
            .into_iter();
        let after_to = TOWARDS.find_iter(window).map(move |m| &window[m.end()..]);
        home.into_iter().chain(
            direct
                .chain(after_to)
                .filter_map(destination)
                .filter(move |d| !(handing && matches!(d, Destination::Named(_)))),
        )
    })
}

/// What a destination's text (from its first word on) names.
fn destination(text: &str) -> Option<Destination<'_>> {
    let c = DESTINATION.captures(text)?;
    if c.get(1).is_some() {
        Some(Destination::Home)
    } else if c.get(2).is_some() {
        Some(Destination::Cloud(c.get(3).map(|m| m.as_str())))
    } else {
        c.get(4).map(|m| Destination::Named(m.as_str()))
    }
}

/// An upload that names no receiver ("the app uploaded the names and phone numbers in the
/// address book"): the data went to the company's own servers.
static UPLOAD: LazyLock<Regex> =
    LazyLock::new(|| rx(r"(?i)\bupload(?:s|ed|ing)?\b").expect("a valid regex: a constant pattern"));

/// A receiver after an upload: "uploaded ... to a partner", "with advertisers".
static RECEIVER: LazyLock<Regex> =
    LazyLock::new(|| rx(r"(?i)\b(?:to|into|onto|with|for)\b").expect("a valid regex: a constant pattern"));

/// Whether the report's upload names no receiver in the rest of its clause.
fn bare_upload(sentence: &str) -> bool {
    UPLOAD.find_iter(sentence).any(|m| {
        let rest = &sentence[m.end()..];
        let clause = rest.split([';', '.']).next().unwrap_or(rest);
        !RECEIVER.is_match(clause)
    })
}

/// Where data lies on the user's own device rather than with the company: "a file on the
/// phone", "the iPhone file", "stays in the owner's phone gallery", "stored locally", "the
/// computer the phone syncs with".
static ON_DEVICE: LazyLock<Regex> = LazyLock::new(|| {
    let device = r"(?:phones?|devices?|iphones?|ipads?|handsets?|computers?|laptops?|pcs?|macs?|hard\s+drives?|camera\s+roll|(?:photo\s+|phone\s+)?gallery)";
    let whose = r"(?:the|your|their|its|his|her|a|each|every|users['’]?|owners['’]?|people['’]s|the\s+(?:owner|user|customer|wearer)['’]s)";
    rx(&format!(
        concat!(
            r"(?i)\b(?:(?:on|in|inside)\s+{whose}\s+(?:own\s+)?{device}|locally|on[- ]device|",
            r"(?:phone|iphone|device|handset|computer)['’]?s?\s+(?:own\s+)?(?:file|files|cache|gallery|camera\s+roll|storage|memory)|",
            r"(?:file|cache|log|database)\s+on\s+(?:the|their|your|its)\s+(?:phones?|iphones?|devices?|computers?)|",
            r"computers?\s+(?:that\s+)?(?:the|their|your|its)\s+(?:phones?|iphones?|devices?)\s+syncs?)\b",
        ),
        whose = whose,
        device = device
    ))
    .expect("a valid regex: a constant pattern")
});

/// Data leaving the device: to the cloud, to servers, online, or sent, uploaded or passed to
/// someone (the receiver is read by `leaves_device`).
static OFF_DEVICE: LazyLock<Regex> = LazyLock::new(|| {
    rx(concat!(
        r"(?i)\b(?:i?cloud|servers?|data\s+cent(?:er|re)s?|online|on\s+the\s+(?:web|internet)|",
        r"(?:sen(?:d|ds|t|ding)|upload\w*|transmit\w*|beam\w*|relay\w*|pass(?:es|ed|ing)?|shar(?:e|es|ed|ing)|gave|gives?|hand\w*)",
        r"\b(?:[^.;]{0,60}?\b(?:to|with)\s+)([\w’'-]+(?:\s+[\w’'-]+){0,3}))",
    ))
    .expect("a valid regex: a constant pattern")
});

/// A receiver that is the user's own machine: "to the computer the phone syncs with".
static OWN_MACHINE: LazyLock<Regex> = LazyLock::new(|| {
    rx(r"(?i)^(?:the|their|your|his|her|a)\s+(?:own\s+)?(?:computer|laptop|pc|mac|phone|device)s?\b")
        .expect("a valid regex: a constant pattern")
});

/// Whether the report says the data left the user's device: sent home (`sent_home`), put in
/// the cloud or on servers, or passed to a receiver other than the user's own machine.
fn leaves_device(a: &crate::model::Claim) -> bool {
    sent_home(a)
        || OFF_DEVICE
            .captures_iter(&a.sentence)
            .any(|c| c.get(1).is_none_or(|m| !OWN_MACHINE.is_match(m.as_str())))
}

/// A report of data kept on the user's own device and nowhere else ("the iPhone file, kept
/// since June 2010, records time-stamped coordinates and is copied to the computer the phone
/// syncs with"): the company neither collected nor received it. Not a report that names a
/// receiver, nor one whose data left the device.
fn on_device_only(a: &crate::model::Claim) -> bool {
    a.counterparty.is_none() && ON_DEVICE.is_match(&a.sentence) && !leaves_device(a)
}

/// An assurance that the data stays on the user's device ("footage is stored locally",
/// "recordings stay on the device in your house", "never leaves your phone"): it denies that
/// the company gets the data, so data sent home contradicts it.
static STAYS_LOCAL: LazyLock<Regex> = LazyLock::new(|| {
    rx(concat!(
        r"(?i)\b(?:stays?|stayed|remains?|remained|(?:is|are|was|were|be)\s+(?:only\s+)?(?:stored|kept|saved|held|processed)|",
        r"never\s+leaves?|never\s+left|(?:does|do|did)\s+not\s+leave|(?:doesn|don|didn)['’]t\s+leave)\s+",
        r"(?:only\s+)?(?:locally|on[- ]device|at\s+home|(?:on|in|inside)\s+(?:the|your|their|its|a|each|the\s+owner['’]s|the\s+user['’]s)\s+(?:own\s+)?",
        r"(?:phones?|devices?|iphones?|handsets?|computers?|homes?|houses?|camera\s+roll|(?:photo\s+|phone\s+)?gallery))\b",
    ))
    .expect("a valid regex: a constant pattern")
});

/// A denial limited to what users keep on their own machines ("does not access content stored
/// locally on your device"): a report about data in the cloud or on servers is about other data.
static CLOUD_DATA: LazyLock<Regex> = LazyLock::new(|| {
    rx(r"(?i)\b(?:cloud|servers?|online|uploaded|data\s+cent(?:er|re)s?)\b")
        .expect("a valid regex: a constant pattern")
});

/// Purposes a sentence gives a practice, each as the words that name it, read only inside a
/// purpose phrase (`purposes`): "to train its models", "for advertising", "so that the
/// assistant can answer", "for child sexual abuse material".
const PURPOSES: &[(&str, &str)] = &[
    (
        "training",
        r"train\w*|machine[- ]learning|(?:ai|language|generative|foundation)\s+models?|models?\s+behind",
    ),
    (
        "advertising",
        r"ads|advertising|ad\s+targeting|marketing|market\s+to|target(?:s|ed|ing)?\s+(?:[\w’'-]+\s+){0,3}?(?:ads|advertising)|choose\s+(?:the\s+|which\s+)?ads",
    ),
    (
        "safety",
        r"safety|security|protect\w*|fraud|spam\w*|phish\w*|fake\s+(?:accounts?|ones)|abuse|illegal|unlawful|crimes?",
    ),
    (
        "service",
        r"features?|answers?|answer\w*|respond\w*|search\s+results|previews?|recommendations|(?:run|provide|deliver|operate|power)s?\s+(?:the\s+|its\s+|their\s+)?(?:service|app|product|features?|feature)",
    ),
    ("measurement", r"measur\w*|analytics|statistics"),
];

/// A purpose phrase: "to" with a verb of purpose, "for", "so that", "so the assistant can",
/// "in order to". Group 1 is what follows, up to a clause break.
static PURPOSE_PHRASE: LazyLock<Regex> = LazyLock::new(|| {
    rx(concat!(
        r"(?i)\b(?:(?:in\s+order\s+)?to\s+(?:help\s+(?:\w+\s+)?)?(?:train|build|target|choose|show|serve|market|run|provide|power|",
        r"improve|protect|detect|fight|stop|prevent|spot|answer|respond|measure|personali[sz]e|recommend|deliver|develop|",
        r"produce|offer|tailor|secure|combat|verify|operate|catch|find)\b|for\b|so\s+that\b|so\s+(?:it|they|the\s+\w+)\s+(?:can|could)\b)",
        r"([^.;:,“”\x22]{0,60})",
    ))
    .expect("a valid regex: a constant pattern")
});

/// Verbs of people giving their data, before a purpose that is theirs: "given", "supplied".
static GIVEN_FOR: LazyLock<Regex> = LazyLock::new(|| {
    rx(r"(?i)^(?:given|gave|provided|supplied|submitted|entered|added|collected|gathered|handed)$")
        .expect("a valid regex: a constant pattern")
});

/// A practice verb that carries its purpose: "does not train Firefly on your files".
static TRAINS_ON: LazyLock<Regex> = LazyLock::new(|| {
    rx(r"(?i)\btrain(?:s|ed|ing)?\s+(?:[\w’'-]+\s+){0,4}?on\b").expect("a valid regex: a constant pattern")
});

static PURPOSE_RES: LazyLock<Vec<(&'static str, Regex)>> = LazyLock::new(|| {
    PURPOSES
        .iter()
        .map(|(k, p)| {
            let re = rx(&format!(r"(?i)\b(?:{p})\b")).expect("a valid regex: a constant pattern");
            (*k, re)
        })
        .collect()
});

/// The purposes a sentence gives its practice (`PURPOSES`), read in its purpose phrases.
fn purposes(sentence: &str) -> Vec<&'static str> {
    purposes_of(sentence, None)
}

/// The purposes a sentence gives the practice of `action` (`Some`): only those read in the
/// clause that speaks of that action, or in any clause when no other one does (`limit_applies`,
/// as for the other limits of rule 8). "Bumble does not share users' sensitive data with
/// OpenAI and has an agreement that stops OpenAI from using it to train its models": the
/// training belongs to the agreement's clause, not to the sharing denied. With `None`, every
/// purpose of the sentence.
fn purposes_of(sentence: &str, action: Option<Action>) -> Vec<&'static str> {
    let mut found: Vec<&'static str> = Vec::new();
    let mut add = |k: &'static str| {
        if !found.contains(&k) {
            found.push(k);
        }
    };
    let applies = |at: std::ops::Range<usize>| action.is_none() || limit_applies(sentence, at, action);
    if TRAINS_ON.find_iter(sentence).any(|m| applies(m.range())) {
        add("training");
    }
    for c in PURPOSE_PHRASE.captures_iter(sentence) {
        let Some(m) = c.get(0) else { continue };
        if !applies(m.range()) {
            continue;
        }
        // "contact details they had given to protect their accounts", "numbers collected for
        // account security": why the users gave the data, not what the practice was for.
        let given = sentence[..m.start()]
            .split_whitespace()
            .rev()
            .take(4)
            .any(|w| GIVEN_FOR.is_match(w));
        if given {
            continue;
        }
        for (k, re) in PURPOSE_RES.iter() {
            if re.is_match(m.as_str()) {
                add(k);
            }
        }
    }
    found
}

/// Whether a denial that names the purpose it denies ("we don't use customer content to train
/// Firefly") meets the report: the report names the same purpose, or none. A report of the
/// data used for another purpose ("analyses files stored in its cloud to run features",
/// "scans cloud content for child sexual abuse material") does not contradict it. A denial
/// that states its sole purpose ("used only for safety") is rule 8's: any other purpose
/// contradicts it.
/// The denial's purposes are those of the clause of its own action (`purposes_of`).
fn purposes_met(denial_sentence: &str, action: Action, assertion_sentence: &str) -> bool {
    if SOLE_PURPOSE.is_match(denial_sentence) {
        return true;
    }
    let (mine, theirs) = (
        purposes_of(denial_sentence, Some(action)),
        purposes(assertion_sentence),
    );
    mine.is_empty() || theirs.is_empty() || mine.iter().any(|k| theirs.contains(k))
}

/// A denial that concedes, in a relative clause, the very practice it leaves alone:
/// "Reviewers are not given personal information about the customers whose clips they hear",
/// "staff cannot see the names of users whose messages they review". What it denies is
/// something else (who the customers are); a report of the conceded practice (people listening
/// to the clips) does not contradict it.
static CONCEDED_CLAUSE: LazyLock<Regex> = LazyLock::new(|| {
    rx(concat!(
        r"(?i)\b(?:whose|which|that)\s+(?:[\w’'-]+\s+){0,3}?(?:they|it|we|he|she|staff|employees|reviewers|contractors|workers|people|moderators)\s+",
        r"(?:(?:do|does|did|may|might|can|could|will|would)\s+)?",
        r"(?:hear|hears|heard|listen(?:s|ed)?\s+to|see|sees|saw|view|views|viewed|watch(?:es|ed)?|review\w*|read|reads|",
        r"handle\w*|transcrib\w*|annotat\w*|label\w*|process\w*|check\w*)\b",
    ))
    .expect("a valid regex: a constant pattern")
});

/// Whether the report states what the denial concedes (`CONCEDED_CLAUSE`): it names the kind of
/// data the concession names.
fn reports_conceded(denial_sentence: &str, assertion_sentence: &str) -> bool {
    let theirs = kinds(assertion_sentence);
    CONCEDED_CLAUSE
        .find_iter(denial_sentence)
        .any(|m| kinds(m.as_str()).iter().any(|k| theirs.contains(k)))
}

/// Units made for testing, not the products customers bought: "development versions of the
/// Roomba", "test units", "prototype devices", "paid testers".
static TEST_UNITS: LazyLock<Regex> = LazyLock::new(|| {
    rx(concat!(
        r"(?i)\b(?:development|test|testing|pre-?production|prototype|pre-?release|engineering)\s+",
        r"(?:versions?|units?|robots?|devices?|models?|builds?|vacuums?|cars?|vehicles?|speakers?|cameras?)\b|",
        r"\bpaid\s+(?:testers?|volunteers|data\s+collectors)\b",
    ))
    .expect("a valid regex: a constant pattern")
});

/// How long before a present-tense denial a report of a practice it gives no dates for may
/// have been made and still contradict it, when one article tells both (rule 6): half a year.
/// Also for a report dated at one point ("in April", "on Friday": when it was seen) whose
/// sentence does not say the practice ended.
/// Nothing says the practice had stopped, and the story sets the denial against the finding
/// it answers (Pichai's December testimony against the AP's August finding).
pub const PRESENT_ANSWER_DAYS: i64 = 183;

/// A denial about the contents of something ("does not listen to, view or keep the contents
/// of video calls"): it is contradicted only by a report about contents (`CONTENT_WORDS`), not
/// by one about the device's camera or the calls' metadata.
static CONTENTS: LazyLock<Regex> =
    LazyLock::new(|| rx(r"(?i)\b(?:the\s+)?contents?\s+of\b").expect("a valid regex: a constant pattern"));

/// "video calls", "video-calling": a kind of product, not the videos people make.
static VIDEO_CALLS: LazyLock<Regex> =
    LazyLock::new(|| rx(r"(?i)\bvideo[- ]?call\w*").expect("a valid regex: a constant pattern"));

/// A sentence that reassures rather than reports: the data "is encrypted", processing "runs on
/// the device itself rather than on the company's servers", "stays on your phone".
static REASSURES: LazyLock<Regex> = LazyLock::new(|| {
    rx(concat!(
        r"(?i)\b(?:(?:is|are|was|were|remain|remains)\s+(?:end-to-end\s+)?encrypted|",
        r"rather\s+than\s+(?:on|in|to)\s+(?:the\s+company['’]s|its|their|\w+['’]s)\s+(?:own\s+)?(?:servers|cloud)|",
        r"(?:stays?|remains?|kept)\s+on\s+(?:the|your|their|a\s+user['’]s)\s+(?:device|phone|iphone|computer)|",
        r"on\s+the\s+device\s+itself|",
        // "has disclosed 0 bytes of user data", "not a single record": nothing was done.
        r"(?:0|zero)\s+(?:bytes|records|files|pieces|items)\s+of|not\s+(?:a\s+)?single\s+(?:byte|record|file|piece|item)|",
        // "only accesses basic profile information and no other information is accessed": the
        // company's own limit, which concedes the part it names.
        r"only\b[^.;]{0,160}?\b(?:no|nothing)\s+(?:other|else|more)|",
        // "keeps the sites they visit from being passed to trackers": a protection promised.
        r"(?:keeps?|kept|keeping|stops?|stopped|prevents?|prevented|blocks?|blocked)\s+(?:[\w’'-]+\s+){1,6}?from\s+being)\b",
    ))
    .expect("a valid regex: a constant pattern")
});

/// Kinds of data finer than `DataType`, each as the words that name it: a denial that names
/// one kind ("searches ... are not shared with Microsoft") is not contradicted by a report
/// that names only other kinds ("data about the pages he visited"). A report naming no kind
/// ("user data") is left to the other rules.
const DATA_KINDS: &[(&str, &str)] = &[
    ("searches", r"search(?:es|ed|ing)?|queries|query"),
    (
        "pages",
        r"(?:web\s*)?pages?|websites?|sites?\s+(?:they|he|she|people|users)\s+visit\w*|browsing|web\s+traffic|urls?",
    ),
    (
        "messages",
        r"messages?|chats?|dms|inbox\w*|e-?mails?|texts?|conversations?",
    ),
    ("calls", r"calls?|call\s+logs?|phone\s+calls?"),
    (
        "location",
        r"locations?|whereabouts|gps|geolocation|cell\s+towers?|trips?",
    ),
    (
        "contacts",
        r"contacts?|contact\s+lists?|address\s+books?|friends?(?:\s+lists?)?",
    ),
    ("phone numbers", r"phone\s+numbers?|numbers|contact_details"),
    (
        "images",
        r"photos?|pictures?|images?|videos?|footage|camera\s+(?:images|recordings)",
    ),
    (
        "audio",
        r"audio|voice\s+(?:clips?|recordings?|commands?)|recordings?|clips?|snippets?",
    ),
    ("payments", r"payments?|transactions?|purchases?|card\s+data"),
    (
        "health",
        r"health|medical|diagnos\w*|prescriptions?|symptoms?|cycles?|pregnanc\w*",
    ),
];

static KIND_RES: LazyLock<Vec<(&'static str, Regex)>> = LazyLock::new(|| {
    DATA_KINDS
        .iter()
        .map(|(k, p)| {
            let re = rx(&format!(r"(?i)\b(?:{p})\b")).expect("a valid regex: a constant pattern");
            (*k, re)
        })
        .collect()
});

/// "search engine", "search giant": the product or the company, not the searches people make.
static SEARCH_PRODUCT: LazyLock<Regex> = LazyLock::new(|| {
    rx(r"(?i)\bsearch\s+(?:engines?|giant|company|firm|provider|results?)\b")
        .expect("a valid regex: a constant pattern")
});

/// "contact details", "contact information": the numbers and addresses a person gives, not
/// their address book.
static CONTACT_DETAILS: LazyLock<Regex> = LazyLock::new(|| {
    rx(r"(?i)\bcontact\s+(?:details|information|info|data)\b").expect("a valid regex: a constant pattern")
});

/// Conversations a device records or hears ("does not record its owners' conversations",
/// "listened to private conversations"): spoken, so audio, not messages.
static SPOKEN: LazyLock<Regex> = LazyLock::new(|| {
    rx(concat!(
        r"(?i)\b(?:record\w*|listen\w*(?:\s+(?:to|in\s+on))?|hear\w*|overh\w+|eavesdrop\w*(?:\s+on)?|captur\w+)",
        r"\s+(?:[\w'’]+\s+){0,3}?conversations?\b",
    ))
    .expect("a valid regex: a constant pattern")
});

fn kinds(sentence: &str) -> Vec<&'static str> {
    let s = SPOKEN.replace_all(sentence, " audio ");
    let s = VIDEO_CALLS.replace_all(&s, "video_call");
    let s = CONTACT_DETAILS.replace_all(&s, "contact_details");
    let s = SEARCH_PRODUCT.replace_all(&s, "search_product");
    KIND_RES
        .iter()
        .filter(|(_, re)| re.is_match(&s))
        .map(|(k, _)| *k)
        .collect()
}

/// Whether the report names one of the kinds of data the denial names, or either names none.
fn kinds_met(denial_sentence: &str, assertion_sentence: &str) -> bool {
    let (mine, theirs) = (kinds(denial_sentence), kinds(assertion_sentence));
    mine.is_empty() || theirs.is_empty() || mine.iter().any(|k| theirs.contains(k))
}

/// Whether a report speaks of what people said, wrote or showed (`CONTENT_WORDS`), leaving out
/// "video calls" as a product and the records kept about messages and calls rather than the
/// messages themselves ("lists of phone calls and text messages", "call and message logs",
/// "the time and length of each call": `RECORDS_OF`).
fn names_contents(sentence: &str) -> bool {
    let s = VIDEO_CALLS.replace_all(sentence, " ");
    let s = RECORDS_OF.replace_all(&s, " ");
    CONTENT_WORDS.is_match(&s)
}

/// Records kept about messages or calls, not their contents: "lists of phone calls and text
/// messages", "logs of who messaged whom", "call and message logs", "text history", "the
/// metadata of calls".
static RECORDS_OF: LazyLock<Regex> = LazyLock::new(|| {
    let thing = r"(?:calls?|messages?|texts?|e-?mails?|chats?|conversations?|sms)";
    rx(&format!(
        concat!(
            r"(?i)\b(?:lists?|logs?|records?|histor(?:y|ies)|metadata|times?|lengths?|durations?|dates?|numbers?|counts?)\s+of\s+",
            r"(?:[\w'’-]+,?\s+){{0,6}}{t}\b",
            r"|\b{t}(?:\s*,?\s+(?:and|or)\s+{t})?\s+(?:logs?|histor(?:y|ies)|records?|metadata|lists?)\b",
        ),
        t = thing
    ))
    .expect("a valid regex: a constant pattern")
});

/// Words that say a report is about what people said, wrote or showed.
static CONTENT_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    rx(concat!(
        r"(?i)\b(?:contents?|listen\w*|hear|heard|hearing|read|reads|reading|transcri\w*|audio|",
        r"recordings?|recorded|clips?|messages?|chats?|conversations?|e-?mails?|inbox\w*|words|said|",
        r"photos?|videos?|footage|images?|snippets?)\b",
    ))
    .expect("a valid regex: a constant pattern")
});

/// The outlet's own framing of a company's general slogan: "the finding is awkward for a
/// company that has put privacy at the centre of its marketing". It names no kind of data and
/// is not the company denying a practice: a generic denial in the outlet's own voice that
/// frames a finding.
fn is_slogan_framing(denial: &ClaimRecord) -> bool {
    let d = &denial.claim;
    let outlet_voice = match d.speaker.as_deref() {
        None => true,
        Some(s) => denial
            .outlet
            .as_deref()
            .is_some_and(|o| o.eq_ignore_ascii_case(s)),
    };
    outlet_voice && d.data_type == DataType::PersonalData && FRAMING.is_match(&d.sentence)
}

/// Ways an outlet sets a finding against a company's image: "awkward for a company that",
/// "at odds with its marketing", "sits uneasily with", "undercuts its pitch".
static FRAMING: LazyLock<Regex> = LazyLock::new(|| {
    rx(concat!(
        r"(?i)\b(?:awkward|embarrassing|ironic|at\s+odds|uneasily|undercut\w*|undermin\w*|blow|contrast\w*|clash\w*|jars?)\b",
        r"[^.;]{0,40}?\b(?:for|with|to)\s+(?:a|the|its|their)\b",
    ))
    .expect("a valid regex: a constant pattern")
});

/// Ways a company admits a practice as an error: "mistakenly", "inadvertently", "by mistake",
/// "did not intend to", "was not intentional".
static ADMITS_ERROR: LazyLock<Regex> = LazyLock::new(|| {
    rx(concat!(
        r"(?i)\b(?:mistakenly|inadvertent(?:ly)?|accidental(?:ly)?|unintentional(?:ly)?|unwittingly|erroneously|",
        r"by\s+(?:mistake|accident|error)|in\s+error|",
        r"(?:did|does|had)\s+not\s+(?:mean|intend)\s+to|(?:didn|hadn)['’]t\s+(?:mean|intend)\s+to|",
        r"(?:was|were)\s+(?:not|never)\s+(?:intentional|intended|deliberate))\b",
    ))
    .expect("a valid regex: a constant pattern")
});

/// A sentence that reports the earlier assurance an admission reverses: "reversing its
/// assurance", "contrary to its earlier statement", "after insisting".
static REVERSES: LazyLock<Regex> = LazyLock::new(|| {
    rx(concat!(
        r"(?i)\b(?:revers\w*|contradict\w*|contrary\s+to|walk\w*\s+back|retract\w*|",
        r"after\s+(?:years\s+of\s+)?(?:saying|insisting|denying|claiming|assuring)|",
        r"(?:despite|belying)\s+(?:its|their|an?|the)\s+(?:\w+\s+){0,2}?(?:assurance|promise|statement|denial|claim|pledge)s?)\b",
    ))
    .expect("a valid regex: a constant pattern")
});

/// A "never" in the perfect or the past ("has never handed", "was never used", "never did"):
/// the speaker vouches for what happened up to the day of speaking, not for what came after.
/// A later practice does not make "we have never disclosed any data" false when it was said.
static PERFECT_NEVER: LazyLock<Regex> = LazyLock::new(|| {
    rx(concat!(
        r"(?i)\b(?:has|have|had|hasn['’]t|haven['’]t)\s+(?:(?:also|so\s+far|yet|ever)\s+)?never\b|['’]ve\s+never\b|",
        r"\b(?:was|were)\s+never\b|\bnever\s+(?:was|were|did|had|has|have)\b",
    ))
    .expect("a valid regex: a constant pattern")
});

/// A "never" about what is to come or is so as a rule ("will never", "would never", "never
/// sells"): not limited to the past.
static STANDING_NEVER: LazyLock<Regex> = LazyLock::new(|| {
    rx(concat!(
        r"(?i)\b(?:will|would|shall)\s+never\b|\bnever\s+(?:will|would|sells|shares|gives|uses|collects|keeps|",
        r"stores|reads|tracks|passes|hands|lets|allows|provides|discloses|listens|records|accesses)\b",
    ))
    .expect("a valid regex: a constant pattern")
});

/// What a policy or terms allow the company to do, not what it did: "changed its privacy
/// policy so that it can give police IP addresses", "rewrote its terms to widen the kinds of
/// businesses it could pass data to", "the terms let the company sell".
static POLICY_LETS: LazyLock<Regex> = LazyLock::new(|| {
    rx(concat!(
        r"(?i)\b(?:polic(?:y|ies)|terms(?:\s+of\s+(?:service|use))?|rules|guidelines)\b[^.;]{0,100}?\b(?:",
        r"so\s+(?:that\s+)?(?:it|the\s+company|the\s+firm|they)\s+(?:can|could|may|might)|",
        r"(?:allow|allows|allowed|allowing|let|lets|letting|permit|permits|permitted|permitting)\s+(?:it|the\s+company|the\s+firm|them)\s+to|",
        r"(?:it|the\s+company|the\s+firm|they)\s+(?:can|could|may|might)\s+(?:[\w’'-]+\s+){0,2}?",
        r"(?:give|share|pass|sell|disclose|hand|transfer|use|send|provide)",
        r")\b",
    ))
    .expect("a valid regex: a constant pattern")
});

/// A report that is itself a denial the company made: "Apple on Wednesday denied that it had
/// ever used the recordings", "rejected claims that". Not "did not deny that" (a report).
static REPORTED_DENIAL: LazyLock<Regex> = LazyLock::new(|| {
    rx(concat!(
        r"(?i)\b(?:denied|denies|deny|denying|rejected|rejects|disputed|disputes)\s+",
        r"(?:that|ever|having|it\s+(?:had|has|was|ever)|(?:the\s+)?(?:reports?|claims?|allegations?|suggestions?|accusations?))\b",
    ))
    .expect("a valid regex: a constant pattern")
});

/// A negation right before a verb of denying: "did not deny that", "never disputed".
static NEGATED_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| rx(r"(?i)(?:\bnot|\bnever|n['’]t)\s+$").expect("a valid regex: a constant pattern"));

/// The company saying that something is not so: "Apple says its photo scanning can't be turned
/// into a tool", "the company said it does not keep". With `voiced_by_company`, a report made
/// of the company's own negated words.
static SAYS_NOT: LazyLock<Regex> = LazyLock::new(|| {
    rx(concat!(
        r"(?i)\b(?:says?|said|insists?|insisted|maintains?|maintained)\s+(?:that\s+)?(?:[\w’'-]+\s+){0,6}?",
        r"(?:cannot|can['’]t|won['’]t|will\s+not|does\s+not|doesn['’]t|do\s+not|don['’]t|did\s+not|didn['’]t|",
        r"never|is\s+not|isn['’]t|are\s+not|aren['’]t|has\s+not|hasn['’]t|have\s+not|haven['’]t|",
        r"was\s+not|wasn['’]t|were\s+not|weren['’]t)\b",
    ))
    .expect("a valid regex: a constant pattern")
});

/// After a negation, words by which a sentence concedes the practice: the company "did not
/// know", "did not tell users", "had not obtained consent" (the practice went on).
static CONCEDING_NEGATION: LazyLock<Regex> = LazyLock::new(|| {
    rx(concat!(
        r"(?i)^\s*(?:(?:always|fully|properly|clearly|explicitly)\s+)?",
        r"(?:know|realiz\w*|realis\w*|aware|tell|told|inform\w*|notify|notified|ask|asked|seek|sought|get|obtain\w*|",
        r"disclose|intend\w*|mean|meant|expect\w*|think|believe|stop\w*|end\w*|do\s+enough)\b",
    ))
    .expect("a valid regex: a constant pattern")
});

/// Where a sentence turns to another clause that may report the practice: "but", "however".
static CONTRAST: LazyLock<Regex> = LazyLock::new(|| {
    rx(r"(?i)\b(?:but|however|yet|although|though|while|whereas)\b|;")
        .expect("a valid regex: a constant pattern")
});

/// Whether a report's sentence is the company's own denial (or a denial reported as such):
/// "denied that it had ever used", "Apple says ... can't be turned into". A negation that
/// concedes ("did not tell users", "did not know") or a clause after "but" keeps it a report.
fn report_is_denial(r: &ClaimRecord) -> bool {
    let s = &r.claim.sentence;
    let after_contrast = |end: usize| CONTRAST.is_match(&s[end..]);
    if REPORTED_DENIAL
        .find_iter(s)
        .any(|m| !NEGATED_BEFORE.is_match(&s[..m.start()]) && !after_contrast(m.end()))
    {
        return true;
    }
    if CONDITION_MISSING.is_match(s) || ADMITS_ERROR.is_match(s) || !voiced_by_company(r) {
        return false;
    }
    SAYS_NOT
        .find_iter(s)
        .any(|m| !CONCEDING_NEGATION.is_match(&s[m.end()..]) && !after_contrast(m.end()))
}

/// A stake, shares or an interest bought or sold: "buys a $300 million stake in the company",
/// "sold its shares". A deal for the company, not a sale of its users' data.
static STAKE: LazyLock<Regex> = LazyLock::new(|| {
    rx(concat!(
        r"(?i)\b(?:buy|buys|bought|buying|purchas\w*|acquir\w*|sell|sells|sold|selling|tak\w+|took)\s+",
        r"(?:an?\s+|its\s+|their\s+)?(?:(?:[$€£]?[\d.,]+\s*(?:million|billion|bn|m)?|\d+(?:\.\d+)?\s*(?:%|percent|per\s+cent)|",
        r"minority|majority|controlling|small|large|big)[\s-]+)*(?:stake|shares?|equity|interest)\b",
    ))
    .expect("a valid regex: a constant pattern")
});

/// A sale whose object is data: "sold users' data", "selling location records".
static DATA_SOLD: LazyLock<Regex> = LazyLock::new(|| {
    rx(concat!(
        r"(?i)\b(?:sold|sells?|selling|sale\s+of|resold|resells?)\s+(?:[\w’'-]+\s+){0,5}?",
        r"(?:data|information|records|profiles|details|histor(?:y|ies)|locations?)\b",
    ))
    .expect("a valid regex: a constant pattern")
});

/// Advertising aimed by the data rather than the data handed over: "let advertisers reach users
/// through their phone numbers", "target people using the lists", "show ads to users based on".
static TARGETS_THROUGH: LazyLock<Regex> = LazyLock::new(|| {
    rx(concat!(
        r"(?i)\b(?:reach|reached|reaching|target|targets|targeting|targeted|aim\s+ads\s+at|",
        r"(?:show|serve|showed|served|showing|serving)\s+(?:ads|adverts|advertisements)\s+to)\s+",
        r"(?:[\w’'-]+\s+){0,3}?(?:through|using|with|via|by|based\s+on)\b",
    ))
    .expect("a valid regex: a constant pattern")
});

/// A practice described as what will happen ("the photos will come under the new operator",
/// "Telegram will give police the IP addresses"), reported with no practice that already
/// happened (`PRACTICE_DONE`): a plan, not a report.
static FUTURE_PRACTICE: LazyLock<Regex> = LazyLock::new(|| {
    rx(concat!(
        r"(?i)\b(?:will|(?:is|are)\s+(?:going|set|due)\s+to|plans?\s+to|intends?\s+to)\s+",
        r"(?:(?:also|soon|now|then|start\s+to|begin\s+to)\s+)?(?:be\s+)?",
        r"(?:come\s+under|shar\w*|sell\w*|sold|giv\w*|hand\w*|pass\w*|send\w*|sent|transfer\w*|mov\w+|stor\w*|",
        r"keep|kept|collect\w*|use|used|access\w*|disclos\w*|provid\w*|upload\w*|read|run|operated|managed)\b",
    ))
    .expect("a valid regex: a constant pattern")
});

/// A practice reported as done: a past form of a practice verb, not after "be" or "been" (a
/// passive of the plan: "will be shared").
static PRACTICE_DONE: LazyLock<Regex> = LazyLock::new(|| {
    rx(concat!(
        r"(?i)\b(?:shared|sold|gave|handed|passed|sent|transferred|moved|stored|kept|collected|used|",
        r"accessed|disclosed|provided|uploaded|read|obtained|gathered|harvested|tracked|recorded)\b",
    ))
    .expect("a valid regex: a constant pattern")
});

/// Whether the report only says what will happen (`FUTURE_PRACTICE`), with no practice it says
/// was done outside the plan's words.
fn is_plan(sentence: &str) -> bool {
    let plans: Vec<_> = FUTURE_PRACTICE.find_iter(sentence).map(|m| m.range()).collect();
    if plans.is_empty() {
        return false;
    }
    !PRACTICE_DONE.find_iter(sentence).any(|m| {
        let inside = plans.iter().any(|p| p.start <= m.start() && m.end() <= p.end);
        let passive = sentence[..m.start()]
            .trim_end()
            .rsplit(char::is_whitespace)
            .next()
            .is_some_and(|w| matches!(w.to_ascii_lowercase().as_str(), "be" | "been" | "being"));
        !inside && !passive
    })
}

/// What the users themselves bought, as data ("together with what they had bought"): not money
/// paid for the data.
static USERS_PURCHASES: LazyLock<Regex> = LazyLock::new(|| {
    rx(concat!(
        r"(?i)\b(?:what|items|things|products|goods)\s+(?:they|he|she|customers|shoppers|people|users|buyers|consumers)\s+",
        r"(?:had\s+|have\s+)?(?:bought|buy|purchased)\b",
    ))
    .expect("a valid regex: a constant pattern")
});

/// `COMMERCE` in a report, leaving out what the users themselves bought.
fn commerce(sentence: &str) -> bool {
    COMMERCE.is_match(&USERS_PURCHASES.replace_all(sentence, " "))
}

/// What a company says it will do, ending in the state it will bring about: "would release a
/// firmware update so that no data is sent", "will change its settings to ensure that nothing
/// is kept". A negation after it describes the promised future, not the practice.
static PROMISED_CHANGE: LazyLock<Regex> = LazyLock::new(|| {
    rx(concat!(
        r"(?i)\b(?:will|would|plans?\s+to|planned\s+to|intends?\s+to|(?:is|are|was|were)\s+going\s+to)\b",
        r"[^.;]{0,100}?\b(?:so\s+that|to\s+(?:ensure|make\s+sure|guarantee))\b",
    ))
    .expect("a valid regex: a constant pattern")
});

/// Rule 11: a sentence whose every negation lies in the state a promised change will bring
/// about ("would release an update so that no data is sent when the setting is off") promises;
/// it does not deny what happens now.
fn is_promised_change(sentence: &str) -> bool {
    let Some(p) = PROMISED_CHANGE.find(sentence) else {
        return false;
    };
    NEGATION.find_iter(sentence).all(|n| n.start() >= p.end())
}

/// A report of a permission users granted, not of data reached: "the permission let the game
/// see and send e-mail", "players had granted it full access to their accounts". (A company
/// that "allowed Netflix to read" messages shared them: that is a report of sharing, not of a
/// permission users gave.)
static PERMITS: LazyLock<Regex> = LazyLock::new(|| {
    rx(r#"(?i)\b(?:permissions?|granted\s+(?:[\w’'-]+\s+){0,4}?["“”]?(?:full\s+)?["“”]?access)\b"#)
        .expect("a valid regex: a constant pattern")
});

/// A denial whose own verb is one of giving ("does not give any government access", "never
/// let partners see"): it denies the permission itself.
static GIVES: LazyLock<Regex> = LazyLock::new(|| {
    rx(concat!(
        r"(?i)\b(?:give|gives|gave|given|giving|provide\w*|let|lets|allow\w*|",
        r"share\w*|hand\w*|pass\w*|sen[dt]\w*|sell\w*|sold|turn\w*\s+over|expos\w+|made\s+available)\b",
    ))
    .expect("a valid regex: a constant pattern")
});

/// Rule 11: a denial that a party read or reached the data ("the game never read players'
/// e-mail", "no other information had been accessed") is not contradicted by a report that the
/// party had been given leave to (`PERMITS`): a permission is not a reading. A denial of the
/// permission itself (its verb one of giving: `GIVES`) is.
fn permission_only(d: &crate::model::Claim, a: &crate::model::Claim) -> bool {
    d.action == Action::Access && !GIVES.is_match(&d.sentence) && PERMITS.is_match(&a.sentence)
}

/// Rule 11: a sentence that asks ("Does Firefox sell your personal data?") reports nothing,
/// whoever is said to have asked it.
fn is_question(sentence: &str) -> bool {
    sentence
        .trim_end()
        .trim_end_matches(['"', '”', '’', '\'', ')'])
        .ends_with('?')
}

/// A negation that can make a sentence a denial.
static NEGATION: LazyLock<Regex> = LazyLock::new(|| {
    rx(concat!(
        r"(?i)\b(?:not|never|no|none|nobody|nothing|neither|nor|cannot|without|",
        r"den(?:y|ies|ied|ying)|disput\w*|reject\w*|only)\b|n['’]t\b",
    ))
    .expect("a valid regex: a constant pattern")
});

/// Words by which a denial says it covers less than it seems: "advertisers never see the
/// numbers themselves", "does not retain recordings by default", "cannot see the content of
/// ordinary chats". Such a denial is contradicted only by a report that speaks of the same
/// narrower thing (its sentence has the same word): a report that advertisers could target
/// people by their numbers, or that reviewers read the messages users reported, is about what
/// the denial left out.
static NARROWING: LazyLock<Regex> = LazyLock::new(|| {
    rx(r"(?i)\b(?:themselves|by\s+default|ordinary|regular|normal|routine|broader|other\s+than)\b")
        .expect("a valid regex: a constant pattern")
});

/// Where one clause ends and another starts: punctuation, or a word that joins clauses.
static CLAUSE_BREAK: LazyLock<Regex> = LazyLock::new(|| {
    rx(r"(?i)[,;:]|\b(?:and|but|which|while|whereas|although|though)\b")
        .expect("a valid regex: a constant pattern")
});

/// A sentence that is itself a narrowed denial: a negation and a narrowing word in one clause
/// ("staff still cannot open regular chats"). A negation in another clause does not narrow the
/// report ("kept under a setting that is on by default and is not mentioned on the screen"
/// still reports that the records are kept).
fn is_narrowed_denial(sentence: &str) -> bool {
    NARROWING.find_iter(sentence).any(|w| {
        NEGATION.find_iter(sentence).any(|n| {
            let (from, to) = if n.end() <= w.start() {
                (n.end(), w.start())
            } else if w.end() <= n.start() {
                (w.end(), n.start())
            } else {
                return true;
            };
            !CLAUSE_BREAK.is_match(&sentence[from..to])
        })
    })
}

fn narrowing_met(denial_sentence: &str, assertion_sentence: &str) -> bool {
    let norm = |m: &str| m.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    let theirs: Vec<String> = NARROWING
        .find_iter(assertion_sentence)
        .map(|m| norm(m.as_str()))
        .collect();
    NARROWING
        .find_iter(denial_sentence)
        .all(|m| theirs.contains(&norm(m.as_str())))
}

/// A denial naming as the receiver a company of the actor's own group ("the new terms do not
/// let Facebook read your chats", said of WhatsApp; "Nest data is not shared with Google"):
/// it is about data passing inside the group, so only a report that names that company
/// contradicts it — not a report of contractors, police or outside buyers.
fn group_receiver_met(denial: &ClaimRecord, assertion: &ClaimRecord) -> bool {
    let d = &denial.claim;
    if d.counterparty.is_some() {
        return true;
    }
    let own: &[String] = COMPANY_WORDS.get(&d.actor).map_or(&[], Vec::as_slice);
    let mut group: Vec<String> = own.to_vec();
    group.extend(d.actor.split_whitespace().map(fold));
    let words: Vec<&str> = d.sentence.split_whitespace().collect();
    let receivers: Vec<String> = words
        .windows(2)
        .filter(|w| {
            matches!(
                fold(w[0]).as_str(),
                "with" | "to" | "let" | "lets" | "allow" | "allows" | "give" | "gives" | "giving"
            ) && w[1].starts_with(char::is_uppercase)
        })
        .map(|w| fold(w[1]))
        .filter(|w| group.contains(w))
        .collect();
    if receivers.is_empty() {
        return true;
    }
    let theirs: Vec<String> = assertion.claim.sentence.split_whitespace().map(fold).collect();
    receivers.iter().any(|r| theirs.contains(r))
}

/// A company saying a practice has ended ("no longer shares", "stopped sending") admits it
/// happened: that is not its account of what it does, and it does contradict a promise that it
/// never would.
/// "until", "till": the end of a practice.
static UNTIL: LazyLock<Regex> =
    LazyLock::new(|| rx(r"(?i)\b(?:until|till)\b").expect("a valid regex: a constant pattern"));

static ENDED: LazyLock<Regex> = LazyLock::new(|| {
    rx(r"(?i)\b(?:no\s+longer|stopped|ceased|has\s+ended|had\s+ended|discontinued|halted|ended\s+the)\b")
        .expect("a valid regex: a constant pattern")
});

/// The company's own account of what it does, given in another article before the denial:
/// the company knew it when it denied, so the denial is about something else ("the cars record
/// network names", in April; "it gathered no such data", reported in May). A later admission in
/// the company's voice does contradict an earlier denial, and is not refused here.
fn own_earlier_account(denial: &ClaimRecord, assertion: &ClaimRecord) -> bool {
    if denial.article_id == assertion.article_id {
        return false;
    }
    let (d, a) = (&denial.claim, &assertion.claim);
    let Some(who) = a.speaker.as_deref() else {
        return false;
    };
    let outlet = assertion
        .outlet
        .as_deref()
        .is_some_and(|o| o.eq_ignore_ascii_case(who));
    let company = who.eq_ignore_ascii_case(&d.actor)
        || d.speaker.as_deref().is_some_and(|s| s.eq_ignore_ascii_case(who));
    if outlet || !company || ENDED.is_match(&a.sentence) {
        return false;
    }
    match (assertion.when_stated(), denial.when_stated()) {
        (Some(a), Some(d)) => a.last_day() < d.first_day(),
        _ => false,
    }
}

/// The names a denial's own sentence gives (a product, a feature: "Portal calls", "Nest Guard
/// units"), less its speaker's and its counterparty's: a denial about one product is tied to a
/// report of another article by its data type only when the report names one of them too. A
/// denial naming nothing is not limited.
fn names_met(denial: &ClaimRecord, theirs: &[String]) -> bool {
    let d = &denial.claim;
    let excluded: Vec<String> = [d.speaker.as_deref(), d.counterparty.as_deref()]
        .into_iter()
        .flatten()
        .flat_map(|s| s.split_whitespace().map(fold).collect::<Vec<_>>())
        .collect();
    let own: Vec<String> = terms(denial, false)
        .into_iter()
        .filter(|t| !excluded.contains(t))
        .collect();
    own.is_empty() || own.iter().any(|t| theirs.contains(t))
}

/// An assurance that users decide what happens to their data (rules `deny.in_control`,
/// `deny.keep_private`: "users are in control", "customers decide who sees their videos",
/// "would keep their information private").
fn is_control(d: &crate::model::Claim) -> bool {
    d.rule.contains("deny.in_control") || d.rule.contains("deny.keep_private")
}

/// An assurance of control that names the practice it governs ("users are in control of what
/// information we collect") covers that practice too: collecting or using.
fn control_names_action(d: &crate::model::Claim, asserted: Action) -> bool {
    if !is_control(d) {
        return false;
    }
    match asserted {
        Action::Collect => CONTROL_COLLECT.is_match(&d.sentence),
        Action::Use => CONTROL_USE.is_match(&d.sentence),
        _ => false,
    }
}

static CONTROL_COLLECT: LazyLock<Regex> = LazyLock::new(|| {
    rx(r"(?i)\b(?:collect\w*|gather\w*|stor(?:e|es|ed|ing)|record(?:s|ed|ing)?|keep|keeps|kept|retain\w*)\b")
        .expect("a valid regex: a constant pattern")
});

static CONTROL_USE: LazyLock<Regex> =
    LazyLock::new(|| rx(r"(?i)\b(?:use|uses|used|using)\b").expect("a valid regex: a constant pattern"));

/// A denial answering one report: "disagree with the suggestion", "rejected the report",
/// "disputed these claims", "denied the allegations".
static REBUTTAL: LazyLock<Regex> = LazyLock::new(|| {
    rx(concat!(
        r"(?i)\b(?:disagree\w*|disput\w*|reject\w*|refut\w*|contest\w*|den(?:y|ies|ied|ying)|push(?:ed|es)?\s+back\s+on)\s+",
        r"(?:with\s+)?(?:the|this|that|these|those|such|its|their)\s+(?:[\w’'-]+\s+){0,2}?",
        r"(?:suggestion|suggestions|report|reports|reporting|claim|claims|characteri[sz]ation|allegation|allegations|",
        r"account|story|stories|finding|findings|assertion|assertions|idea|notion|accusation|accusations|conclusion)\b",
    ))
    .expect("a valid regex: a constant pattern")
});

/// A denial reported as an earlier promise or statement of the company's ("had promised users
/// that it would", "its privacy policy said", "told users they could"): it was made at a time
/// the article does not give, before the article, so the article's date does not bound it.
static EARLIER_PROMISE: LazyLock<Regex> = LazyLock::new(|| {
    rx(concat!(
        r"(?i)\b(?:had\s+(?:\w+\s+)?(?:promised|pledged|assured|told|said|claimed|stated)|",
        r"(?:promised|pledged|assured)\s+(?:\w+\s+){0,3}?(?:users|customers|consumers|people|patients|members|parents|owners|drivers|that)|",
        r"(?:privacy\s+)?(?:policy|policies|notice|terms|pages|page|settings?\s+screen|prompt)\s+(?:had\s+)?(?:said|says|told|tells|stated|states|promised|promises|claimed|assured)|",
        r"(?:said|told\s+\w+)\s+at\s+the\s+time|",
        // "Monument told patients that it would not share", "users were told that the app would".
        r"(?:told|assured)\s+(?:its\s+|their\s+)?(?:users|customers|consumers|people|patients|members|parents|owners|drivers|subscribers|shoppers|clients)\s+",
        r"(?:that\s+)?(?:[\w’'-]+\s+){0,3}?would|(?:were|was)\s+told\s+(?:that\s+)?(?:[\w’'-]+\s+){0,3}?would)\b",
    ))
    .expect("a valid regex: a constant pattern")
});

/// A denial that first concedes the reported practice: "confirmed the practice but said",
/// "acknowledged that ..., but"; or that says what it does allow: "cannot browse profiles,
/// adding that agents see only the list of matches".
static CONCEDES: LazyLock<Regex> = LazyLock::new(|| {
    rx(concat!(
        r"(?i)\b(?:confirmed|confirms|acknowledged|acknowledges|admitted|admits|conceded|concedes)\b[^.;]{0,80}?\bbut\b",
        r"|\b(?:adding|added|saying)\s+that\b[^.;]{0,60}?\bonly\b",
    ))
        .expect("a valid regex: a constant pattern")
});

/// A denial about data already named in its story ("the cell tower codes were never stored",
/// "such data", "this information"): it speaks of that episode's data, so the same data type
/// alone does not tie it to a report of another episode.
static ANAPHORIC_DATA: LazyLock<Regex> = LazyLock::new(|| {
    rx(concat!(
        r"(?i)\b(?:the|this|that|these|those|such)\s+(?:[\w’'-]+\s+){0,3}?",
        r"(?:data|information|codes|records|files|clips|recordings|footage|details|logs|snippets)\b",
        r"\s+(?:was|were|is|are|has|have|had|would|will|never|could)\b",
    ))
    .expect("a valid regex: a constant pattern")
});

/// Words that are capitalised in running text without naming anything particular to one
/// episode: pronouns and articles after a quote, days, months, places and institutions that
/// every story about a company may mention, titles, newsroom words.
const COMMON_CAPITALISED: &[&str] = &[
    "the",
    "this",
    "that",
    "these",
    "those",
    "he",
    "she",
    "it",
    "its",
    "we",
    "our",
    "they",
    "their",
    "his",
    "her",
    "you",
    "your",
    "in",
    "on",
    "at",
    "for",
    "and",
    "but",
    "or",
    "an",
    "of",
    "to",
    "as",
    "by",
    "with",
    "from",
    "after",
    "before",
    "over",
    "about",
    "not",
    "no",
    "never",
    "how",
    "why",
    "what",
    "when",
    "where",
    "who",
    "which",
    "will",
    "would",
    "can",
    "could",
    "may",
    "does",
    "did",
    "has",
    "have",
    "had",
    "also",
    "still",
    "now",
    "all",
    "some",
    "any",
    "more",
    "first",
    "last",
    "new",
    "report",
    "reports",
    "says",
    "said",
    "exclusive",
    "update",
    "updated",
    "opinion",
    "analysis",
    "breaking",
    "statement",
    "mr",
    "ms",
    "mrs",
    "dr",
    "inc",
    "corp",
    "co",
    "ltd",
    "llc",
    "plc",
    "ceo",
    "chief",
    "executive",
    "president",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "u.s",
    "u.k",
    "eu",
    "uk",
    "usa",
    "america",
    "american",
    "americans",
    "europe",
    "european",
    "british",
    "britain",
    "china",
    "chinese",
    "united",
    "states",
    "union",
    "kingdom",
    "federal",
    "trade",
    "commission",
    "ftc",
    "fcc",
    "sec",
    "doj",
    "justice",
    "department",
    "attorney",
    "general",
    "congress",
    "senate",
    "house",
    "committee",
    "representative",
    "senator",
    "rep",
    "sen",
    "court",
    "judge",
    "washington",
    "london",
    "brussels",
    "york",
    "san",
    "francisco",
    "california",
    "times",
    "post",
    "journal",
    "reuters",
    "associated",
    "press",
    "ap",
    "news",
    "wire",
    "users",
    "user",
    "people",
    "data",
    "privacy",
    "company",
    "companies",
    "app",
    "apps",
    "internet",
    "online",
    "year",
    "years",
    "today",
    "bloomberg",
    "guardian",
    "verge",
    "recode",
    "quartz",
    "telegraph",
    "cnbc",
    "cnn",
    "bbc",
    "npr",
    "wired",
    "techcrunch",
    "gizmodo",
    "axios",
    "politico",
    "propublica",
    "forbes",
    "vice",
    "motherboard",
    "engadget",
    "information",
    "intercept",
    "markup",
    "buzzfeed",
    "wsj",
    "nyt",
    "financial",
    "economist",
    "atlantic",
    "newswire",
    "agency",
    "tribune",
    "herald",
];

/// The company names of the built-in lexicon, as lower-case words, by canonical name: the
/// actor's own names tie nothing (both claims are about it already).
static COMPANY_WORDS: LazyLock<std::collections::HashMap<String, Vec<String>>> = LazyLock::new(|| {
    let mut out: std::collections::HashMap<String, Vec<String>> = std::collections::HashMap::new();
    for line in include_str!("../../data/companies.tsv").lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let mut cols = line.split('\t');
        let canon = cols.next().unwrap_or("").trim().trim_start_matches('=');
        if canon.is_empty() || canon == "-" {
            continue;
        }
        let words = out.entry(canon.to_string()).or_default();
        for alias in cols.next().unwrap_or("").split('|') {
            words.extend(alias.trim_start_matches('=').split_whitespace().map(fold));
        }
    }
    out
});

/// The words of each company's names as a company, for `terms`: its canonical name and the
/// aliases that name the company itself, with a corporate suffix ("Meta Platforms Inc.",
/// "Alphabet Inc.") or one word that extends its name ("Snapchat" for Snap). A product or
/// service the lexicon files under the company ("WhatsApp",
/// "Google Home", "iCloud") is left out: it names what a claim is about, so a denial about
/// WhatsApp is tied to reports that name WhatsApp, not to every report about Facebook's data.
static CORPORATE_WORDS: LazyLock<std::collections::HashMap<String, Vec<String>>> = LazyLock::new(|| {
    let mut out: std::collections::HashMap<String, Vec<String>> = std::collections::HashMap::new();
    for line in include_str!("../../data/companies.tsv").lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let mut cols = line.split('\t');
        let canon = cols.next().unwrap_or("").trim().trim_start_matches('=');
        if canon.is_empty() || canon == "-" {
            continue;
        }
        let words = out.entry(canon.to_string()).or_default();
        words.extend(canon.split_whitespace().map(fold));
        for alias in cols.next().unwrap_or("").split('|') {
            let alias: Vec<String> = alias
                .trim_start_matches('=')
                .split_whitespace()
                .map(fold)
                .collect();
            // "Snapchat" for Snap: one word that extends the company's name is the company.
            let extends = |w: &String| {
                canon
                    .split_whitespace()
                    .next()
                    .is_some_and(|c| w.starts_with(&fold(c)))
            };
            if alias.iter().any(|w| CORPORATE_SUFFIXES.contains(&w.as_str()))
                || (alias.len() == 1 && alias.iter().all(extends))
            {
                words.extend(alias);
            }
        }
    }
    out
});

/// Words that make a name the name of a company rather than of a product.
const CORPORATE_SUFFIXES: &[&str] = &[
    "inc",
    "llc",
    "ltd",
    "limited",
    "corp",
    "corporation",
    "plc",
    "gmbh",
    "ag",
    "sa",
    "holdings",
    "group",
    "platforms",
    "technologies",
];

fn fold(w: &str) -> String {
    let w = w.trim_matches(|c: char| !c.is_alphanumeric());
    let w = w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")).unwrap_or(w);
    w.to_lowercase()
}

/// The names in a claim's sentence and its article's headline: capitalised words that do not
/// start the sentence or follow a quote mark or colon, and words written with a digit, an inner
/// capital or a hyphen ("Wi-Fi", "iPhone"), minus `COMMON_CAPITALISED`, the actor's own names,
/// the outlet's name and datelines in capitals. A headline in title case gives only the latter kind.
fn topic_terms(r: &ClaimRecord) -> Vec<String> {
    terms(r, true)
}

/// `topic_terms`, from the sentence alone when `with_title` is false.
fn terms(r: &ClaimRecord, with_title: bool) -> Vec<String> {
    let own: &[String] = CORPORATE_WORDS.get(&r.claim.actor).map_or(&[], Vec::as_slice);
    let mut actor_words: Vec<String> = r.claim.actor.split_whitespace().map(fold).collect();
    // The outlet's own name (in a dateline, "(Atlantic Newswire)") ties nothing either.
    actor_words.extend(r.outlet.iter().flat_map(|o| o.split_whitespace().map(fold)));
    let mut out = Vec::new();
    let mut push = |text: &str, title_case: bool| {
        let mut prev = ' ';
        let mut at_start = true;
        for raw in text.split(|c: char| c.is_whitespace()) {
            if raw.is_empty() {
                continue;
            }
            let opens_after = matches!(prev, '"' | '“' | '‘' | ':' | '(' | '—' | '.' | '?' | '!');
            let first_alpha = raw.chars().find(|c| c.is_alphanumeric());
            let lead_quote = raw.starts_with(['"', '“', '‘', '\'', '(']);
            prev = raw.chars().last().unwrap_or(' ');
            let start = at_start || opens_after || lead_quote;
            at_start = false;
            let w = fold(raw);
            if w.chars().count() < 3 || w.chars().all(|c| c.is_ascii_digit()) {
                continue;
            }
            let marked = raw.chars().skip(1).any(char::is_uppercase)
                || (w.contains('-') && raw.chars().any(char::is_uppercase))
                || (w.chars().any(|c| c.is_ascii_digit()) && w.chars().any(char::is_alphabetic));
            let capital = first_alpha.is_some_and(char::is_uppercase) && !start && !title_case;
            if !(marked || capital) {
                continue;
            }
            // A long word in capitals is a dateline's place ("LONDON, April 30"), not a name.
            let shouted = raw.chars().filter(|c| c.is_alphabetic()).count() >= 6
                && !raw.chars().any(char::is_lowercase);
            if shouted
                || COMMON_CAPITALISED.contains(&w.as_str())
                || own.contains(&w)
                || actor_words.contains(&w)
            {
                continue;
            }
            if !out.contains(&w) {
                out.push(w);
            }
        }
    };
    push(&r.claim.sentence, false);
    if let Some(title) = r.article_title.as_ref().filter(|_| with_title) {
        let long: Vec<&str> = title
            .split_whitespace()
            .filter(|w| w.chars().count() >= 4)
            .collect();
        let caps = long.iter().filter(|w| w.starts_with(char::is_uppercase)).count();
        let title_case = long.len() >= 3 && caps * 10 >= long.len() * 7;
        push(title, title_case);
    }
    out
}

/// Two claims read from overlapping text of one article: one sentence cannot contradict itself
/// ("we only shared X with users' consent" yields a practice and a qualification of it).
/// An account given before the one the article reports ("its first notices told customers",
/// "had initially said", "the company's earlier statement").
static EARLIER_ACCOUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:(?:first|earlier|initial|original|previous)\s+(?:notices?|statements?|accounts?|disclosures?|filings?|letters?|reports?|estimates?)|(?:initially|originally|previously|at\s+first)\s+(?:said|told|reported|put|estimated|insisted|maintained)|had\s+(?:said|told|insisted|maintained))\b",
    )
    .expect("a valid regex: a constant pattern")
});

/// "Not all", "not every": a denial of the whole that concedes a part.
static NOT_ALL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bnot\s+(?:all|every|everyone|everybody)\b").expect("a valid regex: a constant pattern")
});

/// Words of a breach in a denial's sentence ("no evidence that the stolen data was misused").
static BREACH_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:stolen|taken|breach\w*|hack\w*|intruders?|attackers?|compromised|exfiltrated)\b")
        .expect("a valid regex: a constant pattern")
});

/// A denial about data in general, not about named things ("no customer data was reached",
/// against "no passwords, private keys or codes were exposed").
static GENERIC_DATA: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:data|information|details|records|accounts|files)\b")
        .expect("a valid regex: a constant pattern")
});

fn same_sentence(d: &ClaimRecord, a: &ClaimRecord) -> bool {
    d.article_id == a.article_id && d.claim.start < a.claim.end && a.claim.start < d.claim.end
}

/// A denial with a condition: "only with users' permission", "unless the user agreed",
/// "not against people's wishes". It denies the practice without the condition, not the practice.
fn is_conditional(d: &crate::model::Claim) -> bool {
    d.rule.contains("deny.qualified") || d.rule.contains("deny.only_with_consent")
}

/// Ways English says a condition was missing: "without their consent", "even when they had
/// refused", "against their wishes", "never told users", "secretly". A conditional denial is
/// contradicted only by a report that says so.
static CONDITION_MISSING: LazyLock<Regex> = LazyLock::new(|| {
    rx(concat!(
        r"(?i)\bwithout\s+(?:[\w’'-]+\s+){0,4}?(?:consent|permission|knowledge|approval|",
        r"authori[sz]ation|agreement|a\s+warrant|a\s+court\s+order|telling|informing|notifying|",
        r"asking|disclos\w*|being\s+(?:told|asked|informed|notified)|",
        r"(?:a\s+)?(?:proper\s+|valid\s+|lawful\s+)?(?:legal|lawful)\s+basis)\b",
        r"|\beven\s+(?:when|if|after|though)\b[^.;]{0,100}?\b(?:refus\w*|declin\w*|opt(?:ed|ing)?\s+out|",
        r"(?:turn|switch)(?:ed)?\s+(?:[\w’'-]+\s+){0,3}?off|disabl\w*|paus\w*|delet\w*|denied|blocked|said\s+no|did\s+not|had\s+not|",
        r"didn['’]t|hadn['’]t|never|closed|shut|not\s+(?:in\s+use|running|open|using\s+it))\b",
        // "collecting far more data than a shopping app needs": more than the condition allowed.
        r"|\bmore\s+(?:[\w’'-]+\s+){0,3}?than\s+(?:[\w’'-]+\s+){0,4}?(?:needs?|needed|necessary|required)\b",
        // "developers who were not authorised to receive them".
        r"|\b(?:not|never)\s+(?:been\s+)?(?:authori[sz]ed|permitted|allowed|entitled)\b|\bunauthori[sz]ed\b",
        // "set to Full, the default for home users".
        r"|\b(?:is|was|as|were)\s+the\s+default\b|\bthe\s+default\s+(?:setting\s+)?for\b",
        r"|\bagainst\s+(?:[\w’'-]+\s+){0,3}(?:wishes|will|settings|choices?)\b",
        r"|\bdespite\s+(?:[\w’'-]+\s+){0,4}?(?:settings|choices?|refus\w*|opt\w*|objections?|promis\w*)\b",
        r"|\b(?:never|not|without\s+being)\s+(?:been\s+)?(?:asked|told|informed|notified|warned)\b",
        r"|\b(?:did|had|could)\s+not\s+(?:consent|agree|know|authori[sz]e|approve)\b",
        r"|\b(?:had\s+|with\s+)?no\s+(?:business\s+|legitimate\s+|work\s+|good\s+)?(?:reason|need|purpose)\b",
        r"|\b(?:improperly|inappropriately|without\s+(?:a\s+)?(?:reason|need|business\s+reason))\b",
        // "public by default", "used by default": the company chose, the users did not.
        r"|\bby\s+default\b",
        r"|\b(?:secretly|covertly|surreptitiously|unknowingly|unwittingly|unbeknownst|",
        r"behind\s+(?:users|people|customers|their)\b)",
    ))
    .expect("a valid regex: a constant pattern")
});

/// A denial limited to data that identifies people: "does not sell data that identifies
/// individuals", "personally identifiable information", "only aggregated trends, never
/// individual transactions". It is contradicted only by a report that the data identified
/// people (see `IDENTIFYING`).
static IDENTIFIABLE_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    rx(concat!(
        r"(?i)\b(?:personally\s+identifiable|identifiable|",
        r"identif(?:y|ies|ying)\s+(?:(?:any|an?|one|single|specific|particular)\s+){0,2}(?:individual|individuals|people|users?|customers?|a\s+person|person|anyone|you|them|specific)\b|",
        r"(?:tied|linked|traced|connected)\s+(?:back\s+)?to\s+(?:an?\s+|any\s+|specific\s+)?(?:individual|person|user|one|someone|anyone)\b|",
        r"individual\s+(?:transactions|records|users|level|people)\b|",
        // "the data contained no personal information": what is denied is that the set held
        // anything about a person, not that the set was passed on.
        r"(?:contains?|contained|containing|includes?|included|holds?|held|carr(?:y|ies|ied))\s+no\s+(?:personal|personally|private|identifying)\b|",
        r"only\s+(?:[\w-]+\s+){0,2}?(?:anonymi[sz]ed|aggregated?|aggregate-level|de-?identified|pseudonymous|anonymous)\b)",
    ))
    .expect("a valid regex: a constant pattern")
});

/// Ways a report says the data identified people: names, identifiers, "tied to a person".
static IDENTIFYING: LazyLock<Regex> = LazyLock::new(|| {
    rx(concat!(
        r"(?i)\b(?:identif\w*|names?|named|(?:advertising|device|mobile\s+ad|user)\s+IDs?|",
        r"(?:tied|linked|traced|matched)\s+(?:back\s+)?to|unique|individual(?:s|ly)?|",
        r"e-?mail\s+address\w*|phone\s+numbers?|home\s+address\w*|re-?identif\w*|de-?anonymi[sz]\w*)\b",
    ))
    .expect("a valid regex: a constant pattern")
});

/// A denial limited to a commercial purpose: "did not share the photos for any commercial
/// purpose", "never for marketing purposes", "never made available for advertising", "used to
/// build marketing profiles". It is contradicted only by a report of a sale or
/// one that names money, a deal or advertising (`COMMERCE`).
static PURPOSE_LIMIT: LazyLock<Regex> = LazyLock::new(|| {
    rx(concat!(
        r"(?i)\bfor\s+(?:any\s+|a\s+|their\s+|its\s+)?(?:commercial|business|financial|marketing|advertising|monetary|profit-making)\s+",
        r"(?:purposes?|reasons?|gain|use|uses|ends)\b|",
        // "never been made available for advertising", "not shared for marketing": the
        // purpose named alone, after the practice.
        r"(?i)\b(?:available|used|shared|provided|passed|given|disclosed|offered)\s+for\s+(?:any\s+)?(?:advertising|marketing|ads|ad\s+targeting)\b|",
        // "used to build marketing profiles".
        r"(?i)\bto\s+(?:build|create|make)\s+(?:marketing|advertising|ad)\s+profiles?\b",
    ))
    .expect("a valid regex: a constant pattern")
});

/// A denial that states the practice and its only purpose: "we upload the address book only
/// to help users find their friends", "used only to show recommendations". It concedes the
/// practice and denies any other use, so it is contradicted only by a report of another use:
/// money, a deal or advertising (`COMMERCE`), or another party that got the data.
static SOLE_PURPOSE: LazyLock<Regex> = LazyLock::new(|| {
    rx(r"(?i)\bonly\s+(?:to|for|in\s+order\s+to|so\s+that)\b").expect("a valid regex: a constant pattern")
});

/// Ways a report says money or advertising was involved: "sold", "paid", "a deal", "to target
/// ads", "for marketing".
static COMMERCE: LazyLock<Regex> = LazyLock::new(|| {
    rx(concat!(
        r"(?i)\b(?:sold|sells?|selling|sale|bought|buy\w*|paid|pays?|paying|payment|money|fees?|revenue|profit\w*|",
        r"commercial\w*|monetiz\w*|monetis\w*|deals?|contracts?|advertis\w*|ads|marketing|marketers?)\b",
    ))
    .expect("a valid regex: a constant pattern")
});

/// A denial limited to a mode of the product: "not collected in incognito mode".
static MODE_LIMIT: LazyLock<Regex> = LazyLock::new(|| {
    rx(r"(?i)\b(?:in|during|while\s+in|while\s+using)\s+(?:the\s+)?([a-z][a-z-]+)\s+mode\b")
        .expect("a valid regex: a constant pattern")
});

/// A denial limited to the users of one country or region: "British users' data",
/// "U.S. user data", "American customers".
static PLACE_LIMIT: LazyLock<Regex> = LazyLock::new(|| {
    rx(concat!(
        r"(?i)(?:^|[^\w.])(British|U\.K\.|(?-i:UK)|U\.S\.|(?-i:US)|American|European|EU|Canadian|Australian|Indian|German|French|Irish|Chinese|Japanese|Korean|Brazilian)\s+",
        r"(?:users?|customers?|citizens|people|residents|members|subscribers|consumers|accounts?|drivers|patients|children|user\s+data|data)\b",
    ))
    .expect("a valid regex: a constant pattern")
});

/// Names of one place, as (words a denial uses, pattern any of them matches in a report).
const PLACE_NAMES: &[(&[&str], &str)] = &[
    (
        &["british", "u.k.", "uk"],
        r"(?i)\b(?:British|Britain|U\.K\.|UK|United\s+Kingdom)(?:\W|$)",
    ),
    (
        &["u.s.", "us", "american"],
        r"(?:\bU\.S\.|\bUS\b|(?i:\bAmerican|\bAmerica\b|\bUnited\s+States\b))",
    ),
    (&["european", "eu"], r"(?i)\b(?:European|Europe|EU)\b"),
];

/// A denial limited to the users of one place named after them: "members in the European Union",
/// "users in the United States".
static PLACE_LIMIT_IN: LazyLock<Regex> = LazyLock::new(|| {
    rx(concat!(
        r"(?i)\b(?:users?|customers?|members|people|residents|citizens|subscribers|consumers|accounts?|drivers|patients|children)\s+",
        r"(?:in|from|based\s+in|living\s+in)\s+(?:the\s+)?",
        r"(Britain|U\.K\.|(?-i:UK)|United\s+Kingdom|U\.S\.|(?-i:US)|United\s+States|America|European\s+Union|(?-i:EU)|Europe|European\s+Economic\s+Area)\b",
    ))
    .expect("a valid regex: a constant pattern")
});

/// The key of `PLACE_NAMES` a place word belongs to ("United States" → "u.s."), else the word
/// in lower case.
fn place_key(word: &str) -> String {
    let w = word.to_lowercase();
    let w = w.split_whitespace().collect::<Vec<_>>().join(" ");
    if w.starts_with("europe") {
        "european".to_string()
    } else if w == "united states" || w == "america" {
        "u.s.".to_string()
    } else if w == "britain" || w == "united kingdom" {
        "british".to_string()
    } else {
        w
    }
}

static PLACES: LazyLock<Vec<(&'static [&'static str], Regex)>> = LazyLock::new(|| {
    PLACE_NAMES
        .iter()
        .map(|(w, p)| (*w, rx(p).expect("a valid regex: a constant pattern")))
        .collect()
});

/// Whether the assertion meets the limits the denial's own words put on what it denies:
/// identifiable data only, one mode of the product, the users of one place. A denial that says
/// less than it seems is contradicted only by a report that reaches into what it does deny.
/// Words by which a clause speaks of each action: a limit read in one clause of a denial's
/// sentence applies to the denial only when that clause speaks of its action, or no other
/// clause does ("we have never sold data that identifies anyone, and we do not track people":
/// the limit is the sale's, not the tracking's).
fn action_words(action: Action) -> &'static Regex {
    static WORDS: LazyLock<Vec<(Action, Regex)>> = LazyLock::new(|| {
        [
            (Action::Sell, r"sells?|sold|selling|sales?|buy\w*|bought|monetiz\w*|monetis\w*"),
            (
                Action::Share,
                r"shar\w+|gives?|gave|given|pass\w*|sen[dt]\w*|provid\w+|hand\w*|disclos\w+|transfer\w*",
            ),
            (Action::Access, r"access\w*|reads?|see|sees|saw|seen|view\w*|look\w*"),
            (
                Action::Collect,
                r"collect\w*|gather\w*|track\w*|follow\w*|stor(?:e|es|ed|ing)|keeps?|kept|record\w*|retain\w*|harvest\w*",
            ),
            (Action::Use, r"use|uses|used|using|train\w*|analy[sz]\w*"),
        ]
        .into_iter()
        .map(|(a, p)| {
            let re = rx(&format!(r"(?i)\b(?:{p})\b")).expect("a valid regex: a constant pattern");
            (a, re)
        })
        .collect()
    });
    static ANY: LazyLock<Regex> = LazyLock::new(|| rx(r"\w").expect("a valid regex: a constant pattern"));
    WORDS
        .iter()
        .find(|(a, _)| *a == action)
        .map_or(&*ANY, |(_, re)| re)
}

/// Whether the limit found at `at` in `sentence` bounds a denial of `action`: its clause speaks
/// of the action, or no other clause does.
fn limit_applies(sentence: &str, at: std::ops::Range<usize>, action: Option<Action>) -> bool {
    let Some(action) = action.filter(|a| *a != Action::Other) else {
        return true;
    };
    let words = action_words(action);
    let mut bounds = vec![0];
    bounds.extend(
        CLAUSE_BREAK
            .find_iter(sentence)
            .flat_map(|m| [m.start(), m.end()]),
    );
    bounds.push(sentence.len());
    let clauses: Vec<(usize, usize)> = bounds
        .chunks(2)
        .filter(|c| c.len() == 2)
        .map(|c| (c[0], c[1]))
        .collect();
    let own = clauses.iter().find(|(s, e)| *s <= at.start && at.start < *e);
    match own {
        Some(&(s, e)) if words.is_match(&sentence[s..e]) => true,
        Some(&(s, _)) => !clauses
            .iter()
            .any(|&(cs, ce)| cs != s && words.is_match(&sentence[cs..ce])),
        None => true,
    }
}

fn restrictions_met(
    denial_sentence: &str,
    denial_cp: Option<&str>,
    action: Option<Action>,
    denial_rule: &str,
    a: &crate::model::Claim,
) -> bool {
    // A denial read from "contained no personal information" is that limit itself, whatever
    // verb of another clause gave the data ("the data it had given to researchers was
    // aggregated and contained no personal information").
    if IDENTIFIABLE_ONLY.find(denial_sentence).is_some_and(|m| {
        denial_rule.starts_with("deny.contains_no") || limit_applies(denial_sentence, m.range(), action)
    }) && !matches!(
        a.data_type,
        DataType::ProfileIdentity
            | DataType::ContactDetails
            | DataType::DeviceIdentifiers
            | DataType::Biometric
    ) && !IDENTIFYING.is_match(&a.sentence)
    {
        return false;
    }
    if PURPOSE_LIMIT.is_match(denial_sentence) && !commerce(&a.sentence) && a.action != Action::Sell {
        return false;
    }
    if SOLE_PURPOSE
        .find(denial_sentence)
        .is_some_and(|m| limit_applies(denial_sentence, m.range(), action))
        && !commerce(&a.sentence)
        && a.action != Action::Sell
        // A denial that concedes handing the data over without naming to whom ("information was
        // shared only to help it measure its advertising") is not answered by the receiver.
        && !(is_outside(a.counterparty.as_deref())
            && a.counterparty.as_deref() != denial_cp
            && !(denial_cp.is_none() && action == Some(Action::Share)))
    {
        return false;
    }
    if let Some(m) = MODE_LIMIT.captures(denial_sentence).and_then(|c| c.get(1)) {
        let mode = m.as_str().to_lowercase();
        let lower = a.sentence.to_lowercase();
        let private = matches!(mode.as_str(), "incognito" | "private" | "privacy");
        let met = lower.contains(&mode)
            || (private
                && (lower.contains("incognito")
                    || lower.contains("private brows")
                    || lower.contains("browsing privately")));
        if !met {
            return false;
        }
    }
    let place = PLACE_LIMIT
        .captures(denial_sentence)
        .or_else(|| PLACE_LIMIT_IN.captures(denial_sentence))
        .and_then(|c| c.get(1));
    if let Some(m) = place {
        let place = place_key(m.as_str());
        if let Some((_, re)) = PLACES.iter().find(|(words, _)| words.contains(&place.as_str())) {
            if !re.is_match(&a.sentence) {
                return false;
            }
        } else if !a.sentence.to_lowercase().contains(&place) {
            return false;
        }
    }
    true
}

/// How long after a past-tense denial an undated report tied to its episode is still taken to
/// speak of the denial's time (rule 6): a year. Later reports may describe a practice that
/// began after the denial.
pub const PAST_EPISODE_DAYS: i64 = 365;

/// The bounds of the assertion's interval, inclusive; `None` is unbounded.
fn assertion_interval(a: &ClaimRecord) -> (Option<NaiveDate>, Option<NaiveDate>) {
    let lo = a.claim.period_start.map(|p| p.first_day());
    let hi = a.claim.period_end.or(a.when_stated()).map(|p| p.last_day());
    (lo, hi)
}

/// Which time rule let a link through (rule 6).
#[derive(Debug, Clone, Copy)]
enum TimeRule {
    Always,
    Undated,
    /// A promise the article reports without its date (`EARLIER_PROMISE`).
    Promise,
    Present(PartialDate),
    Past(PartialDate),
    /// "has never": what happened up to the denial's day, whenever it was reported; only a
    /// practice that began after that day is refused.
    UpTo(PartialDate),
    /// A past denial and a later undated report of its episode (`named_tie`).
    PastEpisode(PartialDate),
}

/// The time rule (6): `Some` with the rule that applied when the assertion's time overlaps
/// what the denial covers.
fn time_check(denial: &ClaimRecord, assertion: &ClaimRecord) -> Option<TimeRule> {
    let rule = denial_time_rule(denial);
    let (d, a) = (DenialTime::of_rule(&rule), ReportTime::of(assertion));
    if time_refuses(&d, &a, denial.article_id == assertion.article_id) {
        return None;
    }
    match rule {
        // A later report that gives no date of its own and is tied to the denial's episode by
        // a name both give or a condition the report says was missing ("without clear
        // consent") speaks of what the denial was about: GM's answer of March and the
        // regulator's finding of the next January. `time_refuses` let it through on its
        // dates alone; the tie is read here.
        TimeRule::Past(s) if a.earliest > d.last => {
            named_tie(denial, assertion).then_some(TimeRule::PastEpisode(s))
        }
        rule => Some(rule),
    }
}

/// Which time rule a denial falls under; it depends on the denial alone (whether a report
/// passes it is `time_refuses`).
fn denial_time_rule(denial: &ClaimRecord) -> TimeRule {
    let Some(s) = denial.when_stated() else {
        return match denial.claim.scope {
            Some(DenialScope::Always) => TimeRule::Always,
            _ => TimeRule::Undated,
        };
    };
    match denial.claim.scope.unwrap_or(DenialScope::Present) {
        // "has never handed any data over" vouches for the past up to the day it was said.
        DenialScope::Always
            if PERFECT_NEVER.is_match(&denial.claim.sentence)
                && !STANDING_NEVER.is_match(&denial.claim.sentence) =>
        {
            TimeRule::UpTo(s)
        }
        DenialScope::Always => TimeRule::Always,
        DenialScope::Present => {
            // "BetterHelp had promised users that it would keep ...": the promise is older than
            // the article by an unknown time, so the article's date bounds nothing. A date the
            // sentence gives ("told Congress in April") still does.
            let own_date = denial
                .claim
                .stated_on
                .filter(|s| Some(*s) != denial.published.map(PartialDate::from_naive));
            if own_date.is_none() && EARLIER_PROMISE.is_match(&denial.claim.sentence) {
                return TimeRule::Promise;
            }
            TimeRule::Present(s)
        }
        DenialScope::Past => TimeRule::Past(s),
    }
}

fn day(d: NaiveDate) -> i32 {
    chrono::Datelike::num_days_from_ce(&d)
}

/// What rule 6 reads of a denial: its time rule, and the first and last day of its date
/// (days from the common era; 0 when it has none).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct DenialTime {
    /// 0 always, undated or an undated promise (no report is refused); 1 about the present;
    /// 2 about the past; 3 up to its day ("has never": a practice begun after it is refused).
    kind: u8,
    first: i32,
    last: i32,
}

impl DenialTime {
    fn of_rule(rule: &TimeRule) -> DenialTime {
        let (kind, s) = match rule {
            TimeRule::Always | TimeRule::Undated | TimeRule::Promise => (0, None),
            TimeRule::Present(s) => (1, Some(s)),
            TimeRule::Past(s) | TimeRule::PastEpisode(s) => (2, Some(s)),
            TimeRule::UpTo(s) => (3, Some(s)),
        };
        DenialTime {
            kind,
            first: s.map_or(0, |s| day(s.first_day())),
            last: s.map_or(0, |s| day(s.last_day())),
        }
    }
}

/// What rule 6 reads of a report, as days from the common era: the first day of its period
/// (`i32::MIN` when open), the last day of its period or else of its statement (`i32::MAX`
/// when undated), the earliest day it gives of either (`i32::MIN` when none), and whether it
/// gives no period of its own (only the day it was reported).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct ReportTime {
    lo: i32,
    hi: i32,
    earliest: i32,
    undated: bool,
    /// The sentence says the practice ended ("stopped", "no longer", "until").
    ended: bool,
    /// Its period is one point ("in June", "on Friday"): when it was seen, not when it ended.
    point: bool,
}

impl ReportTime {
    fn of(assertion: &ClaimRecord) -> ReportTime {
        let (lo, hi) = assertion_interval(assertion);
        let earliest = [
            assertion.claim.period_start,
            assertion.claim.period_end,
            assertion.when_stated(),
        ]
        .into_iter()
        .flatten()
        .map(|p| day(p.first_day()))
        .min();
        ReportTime {
            lo: lo.map_or(i32::MIN, day),
            hi: hi.map_or(i32::MAX, day),
            earliest: earliest.unwrap_or(i32::MIN),
            undated: assertion.claim.period_start.is_none() && assertion.claim.period_end.is_none(),
            ended: ENDED.is_match(&assertion.claim.sentence) || UNTIL.is_match(&assertion.claim.sentence),
            point: assertion.claim.period_start.is_some()
                && assertion.claim.period_start == assertion.claim.period_end,
        }
    }
}

/// Rule 6's refusals: a denial about the present is not contradicted by a practice that ended
/// before it was made; a denial about the past is contradicted only by a practice known to have
/// gone on by then: one dated before it, or reported before it (an undated practice reported
/// after the denial may have begun after it) — except an undated report within
/// `PAST_EPISODE_DAYS` of the denial, which `time_check` lets through when it names the
/// denial's episode (`named_tie`).
fn time_refuses(d: &DenialTime, a: &ReportTime, same_article: bool) -> bool {
    match d.kind {
        1 => {
            a.hi < d.first
                && !(same_article
                    && (a.undated || (a.point && !a.ended))
                    && i64::from(d.first) - i64::from(a.hi) <= PRESENT_ANSWER_DAYS)
        }
        2 => {
            let past_episode = a.undated && i64::from(a.earliest) - i64::from(d.last) <= PAST_EPISODE_DAYS;
            a.lo > d.last || (a.earliest > d.last && !past_episode)
        }
        3 => a.lo > d.last,
        _ => false,
    }
}

/// Rule 3's refusal of a specific denied type against a generic report: a denial about one
/// kind of data ("card data", "genetic files") is not contradicted by a report that only says
/// "data" or "personal details" were shared, unless the report is tied to the same episode by
/// more than the company: the same named counterparty, or the missing condition of a
/// conditional denial (checked by rule 7). Reads (data type, conditional, counterparty) of the
/// denial and (data type, counterparty) of the report.
fn generic_report_refused(d: (DataType, bool, Option<&str>), a: (DataType, Option<&str>)) -> bool {
    d.0 != DataType::PersonalData
        && a.0 == DataType::PersonalData
        && !d.1
        && !same_named_counterparty(d.2, a.1)
}

/// The rules that refuse a claim whatever its partner: a denial that is no denial (rule 11:
/// admissions of error, reports of a missing condition, the outlet's framing of a slogan), a
/// report that is itself a narrowed denial or a reassurance.
fn refused_alone(r: &ClaimRecord) -> bool {
    match r.claim.polarity {
        Polarity::Denial => not_a_denial(&r.claim).is_some() || is_slogan_framing(r),
        Polarity::Assertion => {
            is_narrowed_denial(&r.claim.sentence)
                || REASSURES.is_match(&r.claim.sentence)
                || report_says_nothing(r).is_some()
        }
    }
}

/// Rule 11's refusals of a report read alone: the company's own denial reported
/// (`report_is_denial`), a plan (`is_plan`), what a policy allows (`POLICY_LETS`).
fn report_says_nothing(r: &ClaimRecord) -> Option<&'static str> {
    let s = &r.claim.sentence;
    if report_is_denial(r) {
        Some("rule 11 (the report is itself a denial)")
    } else if is_plan(s) {
        Some("rule 11 (a plan is not a practice)")
    } else if POLICY_LETS.is_match(s) {
        Some("rule 11 (what a policy allows is not a practice)")
    } else {
        None
    }
}

/// What the rules read of one claim to refuse a pair without reading its partner's text: the
/// rules that refuse it alone, whether it is a conditional denial, and its time (rule 6).
/// Computed once per claim (`Gate::of`); `gate_refuses` then decides in a few comparisons, and
/// `accepts` refuses every pair it refuses (they share the same code: `refused_alone`,
/// `generic_report_refused`, `time_refuses`). The store keeps one with each candidate so that
/// a claim the rules refuse is not read and evaluated again with every new partner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Gate {
    alone: bool,
    conditional: bool,
    time: GateTime,
    /// The claim's article: rule 6 reads whether both claims come from one story.
    article: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum GateTime {
    Denial(DenialTime),
    Report(ReportTime),
}

impl Gate {
    pub fn of(r: &ClaimRecord) -> Gate {
        Gate {
            alone: refused_alone(r),
            conditional: is_conditional(&r.claim),
            time: match r.claim.polarity {
                Polarity::Denial => GateTime::Denial(DenialTime::of_rule(&denial_time_rule(r))),
                Polarity::Assertion => GateTime::Report(ReportTime::of(r)),
            },
            article: r.article_id,
        }
    }
}

/// One side of a pair for `gate_refuses`: its gate, data type and counterparty.
pub type GateSide<'a> = (&'a Gate, DataType, Option<&'a str>);

/// Whether `accepts` refuses the pair (denial `d`, assertion `a`) for a reason the two gates
/// already show (never `true` for a pair `accepts` would link; `false` says nothing).
pub fn gate_refuses(d: GateSide, a: GateSide) -> bool {
    gate_refusal(d, a).is_some()
}

/// Which of the gates' reasons refuses a pair (`gate_refuses`), the first that does in this
/// order: for `bench ingest`'s counts, and for the store to tell which refusals its candidate
/// groups could have left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GateRefusal {
    /// One of the two claims is refused whatever its partner.
    Alone,
    /// A specific denied type against a generic report (rule 3).
    GenericReport,
    /// The time rule (6).
    Time,
}

/// `gate_refuses`, with its reason.
pub fn gate_refusal(d: GateSide, a: GateSide) -> Option<GateRefusal> {
    let (GateTime::Denial(dt), GateTime::Report(at)) = (&d.0.time, &a.0.time) else {
        return None;
    };
    if d.0.alone || a.0.alone {
        Some(GateRefusal::Alone)
    } else if generic_report_refused((d.1, d.0.conditional, d.2), (a.1, a.2)) {
        Some(GateRefusal::GenericReport)
    } else if time_refuses(dt, at, d.0.article == a.0.article) {
        Some(GateRefusal::Time)
    } else {
        None
    }
}

impl Gate {
    /// The claim is refused whatever its partner: no pair with it is ever linked.
    pub fn refused_alone(&self) -> bool {
        self.alone
    }

    /// A conditional denial (rule 3 lets it meet a generic report).
    pub fn conditional(&self) -> bool {
        self.conditional
    }
}

/// Whether rule 3 refuses every pair of a denial (data type `d_type`, `d_conditional`,
/// counterparty `d_cp`) with a report of data type `a_type` naming `a_cp`: what the store's
/// candidate groups test once a group instead of once a pair (`generic_report_refused`).
pub fn generic_report_refuses(
    d_type: DataType,
    d_conditional: bool,
    d_cp: Option<&str>,
    a_type: DataType,
    a_cp: Option<&str>,
) -> bool {
    generic_report_refused((d_type, d_conditional, d_cp), (a_type, a_cp))
}

/// Why the time rule let the link through, for the reason text.
fn time_text(assertion: &ClaimRecord, rule: TimeRule) -> String {
    let reach = || match (assertion.claim.period_start, assertion.claim.period_end) {
        (Some(s), Some(e)) if s == e => format!("the reported practice is dated {s}"),
        (Some(s), Some(e)) => format!("the reported practice runs {s} to {e}"),
        (Some(s), None) => format!("the reported practice runs from {s}"),
        (None, Some(e)) => format!("the reported practice runs until {e}"),
        (None, None) => match assertion.when_stated() {
            Some(w) => format!("the reported practice is undated, so it may run up to {w}"),
            None => "the reported practice is undated".to_string(),
        },
    };
    match rule {
        TimeRule::Always => "the denial covers all time".to_string(),
        TimeRule::Undated => "the denial is undated, so its time cannot be checked".to_string(),
        TimeRule::Promise => format!(
            "the denial is an earlier promise the article does not date, so its time cannot be checked ({})",
            reach()
        ),
        TimeRule::Present(s) => format!("the denial speaks for {s} onward and {}", reach()),
        TimeRule::Past(s) => format!("the denial covers the time up to {s} and {}", reach()),
        TimeRule::UpTo(s) => format!("the denial vouches for the time up to {s} and {}", reach()),
        TimeRule::PastEpisode(s) => format!(
            "the denial covers the time up to {s}; the later report gives no date and names the denial's episode, so it is taken to speak of that time"
        ),
    }
}

fn which_first(denial: &ClaimRecord, assertion: &ClaimRecord) -> First {
    let by_stated = denial
        .when_stated()
        .zip(assertion.when_stated())
        .map(|(d, a)| d.first_day().cmp(&a.first_day()));
    let by_published = denial.published.zip(assertion.published).map(|(d, a)| d.cmp(&a));
    let decided = [by_stated, by_published]
        .into_iter()
        .flatten()
        .find(|o| o.is_ne());
    match decided {
        Some(std::cmp::Ordering::Greater) => First::Assertion,
        _ => First::Denial,
    }
}

/// Whether the two were said on one known day, or (either being undated) come from articles
/// published on one day: then neither came first, and the reason says so (`first` still
/// names the denial, by `which_first`'s rule).
fn same_day(denial: &ClaimRecord, assertion: &ClaimRecord) -> bool {
    let day = |d: PartialDate| (d.precision() == crate::model::Precision::Day).then(|| d.first_day());
    match (denial.when_stated(), assertion.when_stated()) {
        (Some(d), Some(a)) => day(d).is_some() && day(d) == day(a),
        _ => denial.published.is_some() && denial.published == assertion.published,
    }
}

/// `s` with whitespace runs made one space, cut to at most `QUOTE_MAX_CHARS` characters at a
/// word boundary with "…".
pub fn quote(s: &str) -> String {
    let flat = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= QUOTE_MAX_CHARS {
        return flat;
    }
    let mut out = String::new();
    for word in flat.split(' ') {
        let extra = usize::from(!out.is_empty()) + word.chars().count();
        if out.chars().count() + extra > QUOTE_MAX_CHARS - 1 {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    if out.is_empty() {
        // One word longer than the limit: cut inside it.
        out = flat.chars().take(QUOTE_MAX_CHARS - 1).collect();
    }
    let trimmed = out.trim_end_matches([',', ';', ':', '.', '—', '-', ' ']);
    format!("{trimmed}…")
}

fn date_text(d: Option<PartialDate>) -> String {
    d.map_or_else(|| "undated".to_string(), |d| d.to_string())
}

fn speaker(r: &ClaimRecord, fallback: &str) -> String {
    r.claim
        .speaker
        .clone()
        .or_else(|| r.outlet.clone())
        .unwrap_or_else(|| fallback.to_string())
}

fn reason(denial: &ClaimRecord, assertion: &ClaimRecord, time: &str, first: First) -> String {
    let (d, a) = (&denial.claim, &assertion.claim);
    let counterparty = match (d.counterparty.as_deref(), a.counterparty.as_deref()) {
        (None, None) => "no counterparty named".to_string(),
        (None, Some(x)) => format!("the denial names no counterparty, so it covers {x}"),
        (Some(x), Some(y)) if x.trim() == y.trim() => format!("same counterparty ({x})"),
        (Some(x), Some(y)) => format!("\"{x}\" covers {y}"),
        // Not reached: `counterparty_covers` refuses a named denial against an unnamed assertion.
        (Some(x), None) => format!("counterparty {x}"),
    };
    let first_text = match first {
        _ if same_day(denial, assertion) => "both the same day",
        First::Denial => "the denial came first",
        First::Assertion => "the assertion came first",
    };
    format!(
        "{} ({}) denied: \"{}\"; {} reported ({}): \"{}\" — same company ({}), {}, {} vs {}, {} vs {}; {}; {}.",
        speaker(denial, "an unnamed speaker"),
        date_text(denial.when_stated()),
        quote(&d.sentence),
        speaker(assertion, "an unnamed source"),
        date_text(assertion.when_stated()),
        quote(&a.sentence),
        d.actor,
        counterparty,
        d.data_type,
        a.data_type,
        d.action,
        a.action,
        time,
        first_text,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Claim, DataType};

    /// Builds a record from `"key=value; key=value; … | sentence"`. Keys: `pol` (denial or
    /// assertion), `actor`, `cp`, `dt`, `act`, `scope`, `speaker`, `stated`, `pub`, `start`,
    /// `end`, `outlet`, `title`, `article`, `span`, `rule`. Defaults: actor Facebook, personal_data, share, nothing else.
    pub(super) fn rec_pub(desc: &str) -> ClaimRecord {
        rec(desc)
    }

    /// Breach reports read by `claims/intrusion.rs` (`report.*`) against breach denials.
    #[test]
    fn breach_reports_against_breach_denials() {
        let denial = "pol=denial; cp=hackers; dt=financial; act=access; scope=past; rule=deny.breach.no_subject; pub=2021-03-01; span=200-240 | No bank account numbers were taken, the retailer said.";
        let one_account = Some("rule 11 (one account of a breach: what was reached and what was not)");
        // The same notice: what was taken and what was not.
        let same = "cp=hackers; dt=financial; act=access; rule=report.breach.passive; pub=2021-03-01; span=0-60 | The card numbers of some 20,000 shoppers were also taken.";
        assert_eq!(refusal(&rec(denial), &rec(same)), one_account);
        // The article tells the denial as the company's first account: a finding against it.
        let first = "pol=denial; cp=hackers; dt=financial; act=access; scope=past; rule=deny.breach.not_passive; pub=2021-03-01; span=200-260 | Its first notices said bank account numbers had not been taken.";
        assert_ne!(refusal(&rec(first), &rec(same)), one_account);
        // A later story's report of the kind denied is not refused by these rules.
        let later = "cp=hackers; dt=financial; act=access; rule=report.breach.party_took; article=2; pub=2021-06-01; start=2021-02; end=2021-02 | The intruders took the bank account numbers of 3,000 shoppers in February.";
        let r = refusal(&rec(denial), &rec(later));
        assert!(
            !r.is_some_and(|r| r.starts_with("rule 11") || r.starts_with("rule 3 (a breach")),
            "{r:?}"
        );
        // A report naming only the people reached does not show the kind denied was taken.
        let people = "cp=hackers; dt=personal_data; act=access; rule=report.breach.passive.people; article=2; pub=2021-06-01 | Some 3,000 shoppers' accounts were affected.";
        assert_eq!(
            refusal(&rec(denial), &rec(people)),
            Some("rule 3 (a breach report naming no kind against a denial of a kind)")
        );
        // "Not all shoppers were affected" concedes that some were.
        let not_all = "pol=denial; cp=hackers; act=access; scope=past; rule=deny.breach.no_subject; pub=2021-03-01 | Not all of the retailer's shoppers were affected.";
        assert_eq!(
            refusal(&rec(not_all), &rec(people)),
            Some("rule 11 (a denial that not all were reached concedes that some were)")
        );
        // Retelling the first account is that account.
        let retold = "cp=hackers; dt=financial; act=access; rule=report.breach.passive; article=2; pub=2021-06-01 | The first notice said card numbers of 300 shoppers were taken.";
        assert_eq!(
            refusal(&rec(denial), &rec(retold)),
            Some("rule 11 (a report retelling the company's first account)")
        );
    }

    fn rec(desc: &str) -> ClaimRecord {
        let (fields, sentence) = desc.split_once('|').unwrap_or((desc, ""));
        let mut claim = Claim {
            actor: "Facebook".to_string(),
            counterparty: None,
            data_type: DataType::PersonalData,
            action: Action::Share,
            polarity: Polarity::Assertion,
            scope: None,
            speaker: None,
            stated_on: None,
            period_start: None,
            period_end: None,
            sentence: sentence.trim().to_string(),
            start: 0,
            end: 0,
            rule: "test".to_string(),
            confidence: 1.0,
        };
        let mut published = None;
        let mut outlet = None;
        let mut article_id = 1;
        let mut title = None;
        for field in fields.split(';').map(str::trim).filter(|f| !f.is_empty()) {
            let (k, v) = field.split_once('=').expect("test field is key=value");
            let date = || v.parse::<PartialDate>().expect("test date");
            match k {
                "pol" => claim.polarity = v.parse().expect("test polarity"),
                "actor" => claim.actor = v.to_string(),
                "cp" => claim.counterparty = Some(v.to_string()),
                "dt" => claim.data_type = v.parse().expect("test data type"),
                "act" => claim.action = v.parse().expect("test action"),
                "scope" => claim.scope = Some(v.parse().expect("test scope")),
                "speaker" => claim.speaker = Some(v.to_string()),
                "stated" => claim.stated_on = Some(date()),
                "start" => claim.period_start = Some(date()),
                "end" => claim.period_end = Some(date()),
                "pub" => published = Some(crate::dates::parse_input_date(v).expect("test published date")),
                "outlet" => outlet = Some(v.to_string()),
                "title" => title = Some(v.to_string()),
                "rule" => claim.rule = v.to_string(),
                "article" => article_id = v.parse().expect("test article id"),
                "span" => {
                    let (a, b) = v.split_once('-').expect("test span is start-end");
                    claim.start = a.parse().expect("test span start");
                    claim.end = b.parse().expect("test span end");
                }
                other => panic!("unknown test key {other}"),
            }
        }
        ClaimRecord {
            id: 1,
            article_id,
            article_url: None,
            article_title: title,
            outlet,
            published,
            claim,
            extractor_version: "test".to_string(),
            partial_text: false,
        }
    }

    /// `expected`: `None` for no link, else which came first.
    fn check(denial: &str, assertion: &str, expected: Option<First>) -> Option<LinkVerdict> {
        let got = evaluate(&rec(denial), &rec(assertion));
        assert_eq!(
            accepts(&rec(denial), &rec(assertion)),
            got.is_some(),
            "accepts and evaluate disagree: denial {denial:?}\nassertion {assertion:?}"
        );
        assert_eq!(
            got.as_ref().map(|v| v.first),
            expected,
            "denial {denial:?}\nassertion {assertion:?}"
        );
        got
    }

    const ASSURANCE: &str = "pol=denial; dt=personal_data; act=share; scope=present; stated=2018-04; \
        speaker=Mark Zuckerberg; pub=2018-12-19 | Users stay in charge of the information they put on the service.";
    const AMAZON: &str = "act=access; cp=Amazon; pub=2018-12-19; outlet=The Daily Ledger \
        | The social network let Amazon obtain users' names and contact details through a partner deal.";
    const NETFLIX_DENIAL: &str = "pol=denial; cp=Netflix; dt=private_messages; act=access; scope=always; \
        speaker=Netflix; pub=2018-12-19 | We never looked at anyone's private inbox on the social network.";
    const NETFLIX_REPORT: &str = "act=access; cp=Netflix; dt=private_messages; start=2013; pub=2018-12-19; \
        outlet=The Daily Ledger | The social network allowed Netflix to read the private messages of its users.";

    /// A denial with a condition is contradicted only by a report that says the condition was
    /// missing; a sentence never contradicts itself.
    #[test]
    fn conditions_and_same_sentence() {
        let only_with = "pol=denial; rule=deny.only_with_consent; scope=present; pub=2019-03-01 \
            | The bank passes account details to partners only when customers opt in.";
        let qualified = "pol=denial; rule=deny.qualified.topic; scope=always; pub=2019-03-01 \
            | Apps could never see a member's contacts unless that member had agreed.";
        let cases = [
            (only_with, "cp=an insurer; pub=2020-01-05 | Records went to an insurer.", None),
            (
                only_with,
                "cp=an insurer; pub=2020-01-05 | Records went to an insurer without customers being told.",
                Some(First::Denial),
            ),
            (
                qualified,
                "cp=app makers; pub=2020-01-05 | App makers pulled in contact lists even when members had switched the setting off.",
                Some(First::Denial),
            ),
            (
                qualified,
                "cp=app makers; pub=2020-01-05 | App makers could read contact lists, the filing said.",
                None,
            ),
            (
                qualified,
                "cp=app makers; pub=2020-01-05 | The lists were copied against members' wishes.",
                Some(First::Denial),
            ),
            (
                qualified,
                "cp=app makers; pub=2020-01-05 | Developers secretly copied the lists.",
                Some(First::Denial),
            ),
        ];
        for (d, a, expected) in cases {
            check(d, a, expected);
        }
        // The same span of one article: no link; another article (about the same product):
        // linked.
        let d = "pol=denial; scope=always; pub=2019-03-01; article=7; span=10-80 \
            | We never shared data from the Beacon app.";
        check(d, "cp=Acme; pub=2019-03-01; article=7; span=40-120 | x", None);
        check(
            d,
            "cp=Acme; pub=2019-03-01; article=8; span=40-120 | Acme got data from the Beacon app.",
            Some(First::Denial),
        );
    }

    /// Rule 10: something beyond the company ties the two claims to one episode.
    #[test]
    fn one_episode() {
        let generic = "pol=denial; act=collect; scope=present; pub=2010-04-27; article=1 \
            | Google does not collect or store payload data, the post said.";
        let cases = [
            // Another article, another product, years later: both only say "data".
            (
                generic,
                "act=collect; pub=2017-11-21; article=2 | The data was collected even on phones with no SIM card.",
                None,
            ),
            // A name both sentences mention ("Street View") ties them.
            (
                "pol=denial; act=collect; scope=present; pub=2010-04-27; article=1 \
                | Google said its Street View cars do not collect data sent over networks.",
                "act=collect; pub=2010-05-15; article=2 | Its Street View cars had collected the data people sent.",
                Some(First::Denial),
            ),
            // So does a name in both headlines.
            (
                "pol=denial; act=collect; scope=present; pub=2010-04-27; article=1; \
                title=Google answers questions about Street View | Google does not collect payload data.",
                "act=collect; pub=2010-05-15; article=2; title=Google admits Street View cars took more \
                | It had collected samples of the information people sent.",
                Some(First::Denial),
            ),
            // The same specific data type ties them.
            (
                "pol=denial; dt=location; act=collect; scope=present; pub=2018-12-11; article=1 \
                | Location data is not collected from people who turned the setting off.",
                "dt=location; act=collect; pub=2019-04-13; article=2 | The company kept location records of millions.",
                Some(First::Denial),
            ),
            // Not when the denial is about data its story already named.
            (
                "pol=denial; dt=location; act=collect; scope=always; pub=2017-11-21; article=1 \
                | The spokeswoman said the cell tower codes were never stored.",
                "dt=location; act=collect; pub=2019-04-13; article=2 | The company kept location records of millions.",
                None,
            ),
            // One article ties them, unless the report is the company's own words of that day...
            (
                "pol=denial; act=collect; scope=present; speaker=Search Blog; pub=2010-04-27; article=1; span=0-40 \
                | Google does not collect payload data.",
                "act=collect; speaker=Facebook; pub=2010-04-27; article=1; span=50-90 | The cars record network names.",
                None,
            ),
            (
                "pol=denial; act=collect; scope=present; pub=2010-04-27; article=1; span=0-40 \
                | Google does not collect payload data.",
                "act=collect; speaker=Quartz; pub=2010-04-27; article=1; span=50-90 | The cars gathered what people sent.",
                Some(First::Denial),
            ),
            // The outlet's own reporting of a promise and of its breach is not one statement
            // narrowing itself.
            (
                "pol=denial; act=collect; scope=always; speaker=Quartz; outlet=Quartz; pub=2010-04-27; article=1; span=0-40 \
                | The firm had never collected payload data, it told users.",
                "act=collect; speaker=Quartz; pub=2010-04-27; article=1; span=50-90 | The cars gathered what people sent.",
                Some(First::Denial),
            ),
            // ... or the denial concedes the practice first.
            (
                "pol=denial; act=collect; scope=always; pub=2017-11-21; article=1; span=0-40 \
                | Google confirmed the practice but said the data was never kept.",
                "act=collect; speaker=Quartz; pub=2017-11-21; article=1; span=50-90 | Phones sent the data to Google.",
                None,
            ),
        ];
        for (d, a, expected) in cases {
            check(d, a, expected);
        }
    }

    /// Ties added after the d77-d86 check: a rebuttal speaks of its own story's episode; a
    /// denial naming a product is tied by its data type only to reports naming it; an assurance
    /// that users decide meets a report of the users' say missing; a promise the article does
    /// not date is not bounded by the article's date; an assurance of control covers the
    /// practice it names.
    #[test]
    fn rebuttals_products_control_promises() {
        let cases = [
            // A rebuttal of one report is not tied to another article's report by a missing
            // condition or a data type alone...
            (
                "pol=denial; dt=contacts_friends; rule=deny.qualified; scope=past; pub=2018-06-04; article=1; \
                title=Facebook responds to reporting on device-integrated APIs \
                | We disagree with the suggestion that friends' data was handed over against people's wishes.",
                "act=access; cp=app developers; dt=contacts_friends; start=2007; end=2014; pub=2018-10-25; article=2; \
                title=UK watchdog fines Facebook over Cambridge Analytica \
                | Between 2007 and 2014, Facebook allowed app developers to reach people's information without clear consent.",
                None,
            ),
            // ... but a name both mention still ties it.
            (
                "pol=denial; dt=contacts_friends; scope=past; pub=2018-06-04; article=1 \
                | We disagree with the suggestion that friends' data reached BlackBerry.",
                "act=access; cp=BlackBerry; dt=contacts_friends; start=2015; pub=2018-06-10; article=2 \
                | The Hub app on BlackBerry phones pulled in friends' profiles.",
                Some(First::Denial),
            ),
            // A denial about one product's recordings is not contradicted by recordings of
            // another product reported elsewhere...
            (
                "pol=denial; dt=recordings; act=access; scope=present; pub=2018-10-17; article=1 \
                | Facebook maintained that it does not listen to the audio of Portal calls.",
                "dt=recordings; act=access; cp=contractors; pub=2019-08-14; article=2 \
                | Contractors were paid to listen to audio clips of users.",
                None,
            ),
            // ... but is when the report names the product.
            (
                "pol=denial; dt=recordings; act=access; scope=present; pub=2018-10-17; article=1 \
                | Facebook maintained that it does not listen to the audio of Portal calls.",
                "dt=recordings; act=access; cp=contractors; pub=2019-08-14; article=2 \
                | Contractors listened to audio from Portal calls.",
                Some(First::Denial),
            ),
            // An assurance that owners decide meets a later report of footage handed over
            // without their consent.
            (
                "pol=denial; act=other; rule=deny.in_control; scope=present; pub=2020-02-14; article=1 \
                | Ring says camera owners decide what police see.",
                "dt=recordings; cp=law enforcement; start=2022; end=2022; pub=2022-07-14; article=2 \
                | Ring gave police doorbell footage without owners' consent 11 times this year.",
                Some(First::Denial),
            ),
            // Not a report that says nothing of consent.
            (
                "pol=denial; act=other; rule=deny.in_control; scope=present; pub=2020-02-14; article=1 \
                | Ring says camera owners decide what police see.",
                "dt=recordings; cp=law enforcement; start=2022; end=2022; pub=2022-07-14; article=2 \
                | Ring handed police footage in emergencies 11 times this year.",
                None,
            ),
            // A promise reported without its date, against a practice that ended before the
            // article: the article's date does not bound the promise.
            (
                "pol=denial; dt=health; rule=deny.keep_private; scope=present; pub=2023-03-02; article=1; span=0-50 \
                | The service had repeatedly promised users that it would keep their health information private.",
                "dt=health; cp=Pinterest; start=2017; end=2020; speaker=FTC; pub=2023-03-02; article=1; span=60-90 \
                | Between 2017 and 2020 it gave Pinterest answers from its health questionnaires.",
                Some(First::Denial),
            ),
            // The same statement made in the present tense on the article's date is bounded.
            (
                "pol=denial; dt=health; rule=deny.keep_private; scope=present; pub=2023-03-02; article=1; span=0-50 \
                | The service says it keeps health information private.",
                "dt=health; cp=Pinterest; start=2017; end=2020; speaker=FTC; pub=2023-03-02; article=1; span=60-90 \
                | Between 2017 and 2020 it gave Pinterest answers from its health questionnaires.",
                None,
            ),
            // An assurance of control over what is collected covers collecting.
            (
                "pol=denial; act=other; rule=deny.in_control; scope=present; pub=2018-12-11; article=1; span=0-40 \
                | Users are in control of what information we collect.",
                "dt=location; act=collect; speaker=AP; pub=2018-12-11; article=1; span=50-90 \
                | Google keeps a record of users' movements even after they pause the setting.",
                Some(First::Denial),
            ),
            // Since the d157-d166 check, an assurance of control that names no practice is
            // contradicted too when the report says the practice went on against the users'
            // choice (`control_overridden`); without that, see `d157_tests`.
            (
                "pol=denial; act=other; rule=deny.in_control; scope=present; pub=2018-12-11; article=1; span=0-40 \
                | Users are in control of their information.",
                "dt=location; act=collect; speaker=AP; pub=2018-12-11; article=1; span=50-90 \
                | Google keeps a record of users' movements even after they pause the setting.",
                Some(First::Denial),
            ),
        ];
        for (d, a, expected) in cases {
            check(d, a, expected);
        }
    }

    /// The names `topic_terms` reads: not the actor's, the outlet's, a dateline's or common words.
    /// A product or unit the lexicon files under the actor ("Nest") is a name: since the d177
    /// check, only the company's own names are left out.
    #[test]
    fn topic_terms_are_names() {
        let r = rec(
            "actor=Google; outlet=Atlantic Newswire; title=Google Admits Street View Cars Took Wi-Fi Data \
            | LONDON, May 14 (Atlantic Newswire) - Google said on Friday that its Street View cars, \
            built with Nest engineers, logged data in Europe.",
        );
        let mut got = topic_terms(&r);
        got.sort();
        assert_eq!(got, ["nest", "street", "view", "wi-fi"]);
    }

    #[test]
    fn links() {
        let cases = [
            // A present-tense assurance in April 2018 vs an undated practice reported in December.
            (ASSURANCE, AMAZON, Some(First::Denial)),
            // "Never" covers all time, even for the same day.
            (NETFLIX_DENIAL, NETFLIX_REPORT, Some(First::Denial)),
            // Generic personal data covers a specific type; sell contradicts a denial of sharing.
            (
                "pol=denial; scope=always; pub=2017-05-01 | We have never handed member data to anyone.",
                "act=sell; dt=location; cp=a data broker; start=2015; pub=2019-01-10 | The firm sold location trails to a broker.",
                Some(First::Denial),
            ),
            // "Third parties" covers any named counterparty; access contradicts denied sharing.
            (
                "pol=denial; cp=third parties; scope=present; pub=2018-03-01 | We do not pass contact lists to third parties.",
                "act=access; cp=Acme Apps; dt=contacts_friends; end=2018-06; pub=2018-09-01 | Acme Apps could read friend lists until June.",
                Some(First::Denial),
            ),
            // A denial of access is contradicted by sharing with the same party.
            (
                "pol=denial; act=access; cp=Netflix; dt=private_messages; scope=past; stated=2018-12-19 | We did not read the inbox.",
                "act=share; cp=Netflix; dt=private_messages; start=2013; end=2015; pub=2018-12-19 | Messages were shared with Netflix.",
                Some(First::Denial),
            ),
            // The report came first: the denial answers it a year later.
            (
                "pol=denial; act=sell; scope=always; pub=2019-06-01 | We have never sold a single record.",
                "act=sell; cp=advertisers; pub=2018-06-01 | The platform sold profiles to advertisers.",
                Some(First::Assertion),
            ),
            // Same statement date: the article published first decides.
            (
                "pol=denial; scope=always; stated=2018-04; pub=2018-04-20 | We never share data.",
                "stated=2018-04; pub=2018-04-11 | The firm shared data, an April filing shows.",
                Some(First::Assertion),
            ),
            // Unknown dates on both sides: an "always" denial still links, denial first.
            ("pol=denial; scope=always | We never share data.", "| The firm shared data.", Some(First::Denial)),
            // Undated present-tense denial: its bound cannot be computed, so it is not checked.
            ("pol=denial; scope=present | We do not share data.", "end=2012 | The firm shared data.", Some(First::Denial)),
            // Category counterparty matched exactly; no scope is read as present.
            (
                "pol=denial; cp=advertisers; pub=2018-01-10 | We do not share your data with advertisers.",
                "cp=advertisers; start=2017; pub=2018-12-19 | The firm has shared data with advertisers since 2017.",
                Some(First::Denial),
            ),
            // A past-tense denial covers a practice that began before it was said.
            (
                "pol=denial; scope=past; pub=2018-04-10 | We did not sell any data.",
                "act=sell; start=2016; end=2016; pub=2019-02-01 | It sold data in 2016.",
                Some(First::Denial),
            ),
            // A specific denial against a report of the same specific type (a generic report
            // alone does not show the denied type: see `partners_specific_types_and_limits`).
            (
                "pol=denial; act=collect; dt=health; scope=present; pub=2019-01-01 | We do not gather health data.",
                "act=collect; dt=health; pub=2019-05-01 | The app gathers users' symptoms.",
                Some(First::Denial),
            ),
            (
                "pol=denial; act=use; dt=private_messages; scope=always; pub=2019-01-01 | We never use messages for ads.",
                "act=use; dt=private_messages; pub=2019-05-01 | Messages were mined for ads.",
                Some(First::Denial),
            ),
            // A wider category covers a narrower one: the government covers the police.
            (
                "pol=denial; cp=government; dt=location; scope=always; pub=2020-02-01 | We never give the government anyone's whereabouts.",
                "cp=law enforcement; dt=location; start=2021; pub=2022-03-01 | The app handed location trails to police in 2021.",
                Some(First::Denial),
            ),
            // A general assurance vs outside contractors listening to recordings.
            (
                "pol=denial; act=other; scope=present; pub=2019-01-07 | What happens on your phone stays on your phone.",
                "act=access; cp=contractors; dt=recordings; pub=2019-07-27 | Contractors hear snippets of private talk.",
                Some(First::Denial),
            ),
            // A past-tense denial vs an undated practice reported before it.
            (
                "pol=denial; act=access; cp=Apple; scope=past; pub=2018-06-06 | Apple said the integration gave it no access to user data.",
                "act=access; cp=Apple; pub=2018-06-03 | The network gave device makers, Apple among them, access to user data.",
                Some(First::Assertion),
            ),
        ];
        for (d, a, expected) in cases {
            check(d, a, expected);
        }
    }

    #[test]
    fn traps_that_must_not_link() {
        let cases = [
            // Selling denied; only sharing reported.
            (
                "pol=denial; act=sell; scope=always; pub=2018-04-10 | We never sell your data.",
                "act=share; cp=Netflix; pub=2018-12-19 | The firm shared data with Netflix.",
            ),
            // Advertisers denied; a contractor and researchers reported.
            (
                "pol=denial; cp=advertisers; scope=present; pub=2018-01-10 | We don't share data with advertisers.",
                "cp=a contractor; pub=2018-12-19 | The firm shared data with a contractor.",
            ),
            (
                "pol=denial; cp=advertisers; scope=present; pub=2018-01-10 | We don't share data with advertisers.",
                "cp=researchers; pub=2018-12-19 | The firm shared data with researchers.",
            ),
            // A named counterparty is not contradicted by an assertion naming nobody.
            (
                "pol=denial; cp=advertisers; scope=always; pub=2018-01-10 | We never share data with advertisers.",
                "pub=2018-12-19 | The firm shared data.",
            ),
            // Location denied; messages reported.
            (
                "pol=denial; dt=location; scope=always; pub=2018-01-10 | We never share where you are.",
                "dt=private_messages; pub=2018-12-19 | The firm shared messages.",
            ),
            // Deidentified data is not personal data.
            (
                "pol=denial; dt=personal_data; scope=always; pub=2018-01-10 | We never share personal data.",
                "dt=deidentified; pub=2018-12-19 | The firm shared anonymised statistics.",
            ),
            // Present-tense denial in 2020 vs a practice that ended in 2015.
            (
                "pol=denial; scope=present; pub=2020-03-01 | We do not share data with partners.",
                "end=2015; pub=2018-12-19 | The firm shared data until 2015.",
            ),
            // Undated assertion reported before a present-tense denial was made.
            (
                "pol=denial; scope=present; pub=2020-03-01 | We do not share data.",
                "pub=2018-12-19 | The firm shared data.",
            ),
            // Past-tense denial vs a practice that began after it.
            (
                "pol=denial; scope=past; pub=2016-03-01 | We did not share data.",
                "start=2017; pub=2018-12-19 | From 2017 the firm shared data.",
            ),
            // The company's own employees reaching data is not handing it over.
            (
                "pol=denial; scope=always; pub=2022-07-01 | We never handed any data over.",
                "act=access; cp=employees; pub=2022-06-17 | Staff in China accessed user data.",
            ),
            (
                "pol=denial; cp=third parties; act=access; scope=always; pub=2022-07-01 | No third party can see it.",
                "act=access; cp=employees; pub=2022-06-17 | Staff in China accessed user data.",
            ),
            // A past-tense denial vs an undated practice first reported more than a year after
            // it: the practice may have begun after the denial, even when both name the
            // product.
            (
                "pol=denial; act=access; scope=past; pub=2018-06-06 | The firm said its Beacon integration gave it no access to user data.",
                "act=access; cp=contractors; dt=recordings; pub=2019-07-27; article=2 | Contractors hear recordings from Beacon.",
            ),
            // Handing over denied; access by nobody named outside the company reported.
            (
                "pol=denial; scope=always; pub=2022-07-01 | The app has never handed any data over.",
                "act=access; pub=2022-06-17 | Staff in China repeatedly accessed user data.",
            ),
            (
                "pol=denial; act=other; scope=present; pub=2019-01-07 | Users are in charge of their data.",
                "act=access; cp=employees; pub=2019-07-27 | Employees could look at user files.",
            ),
            // The police are not advertisers; advertisers do not cover the government.
            (
                "pol=denial; cp=advertisers; scope=always; pub=2020-02-01 | We never give advertisers your location.",
                "cp=law enforcement; start=2021; pub=2022-03-01 | The app handed location trails to police.",
            ),
            (
                "pol=denial; cp=law enforcement; scope=always; pub=2020-02-01 | We never give the police anything.",
                "cp=government; start=2021; pub=2022-03-01 | The app handed data to a ministry.",
            ),
            // Different actors.
            (
                "pol=denial; actor=Google; scope=always; pub=2018-01-10 | We never share data.",
                "pub=2018-12-19 | The firm shared data.",
            ),
            // Wrong polarities.
            ("pol=assertion; scope=always | The firm shared data.", "| The firm shared data."),
            ("pol=denial; scope=always | We never share data.", "pol=denial | We do not share data."),
            // Actions outside the table.
            ("pol=denial; act=collect; scope=always | We never collect data.", "act=use | It used data."),
            ("pol=denial; act=use; scope=always | We never use data.", "act=sell | It sold data."),
            ("pol=denial; act=other; scope=always | We never do that.", "act=other | It did that."),
            ("pol=denial; act=sell; scope=always | We never sell data.", "act=access | It let partners in."),
        ];
        for (d, a) in cases {
            check(d, a, None);
        }
    }

    /// Rules from the false links of fresh dev articles: partner categories, specific denials
    /// against generic reports, and limits in the denial's own words.
    #[test]
    fn partners_specific_types_and_limits() {
        let cases = [
            // "Our partners" cover a company, not the police or app developers.
            (
                "pol=denial; cp=business partners; scope=present; pub=2018-08-31 | We do not share any personal information with our partners.",
                "cp=law enforcement; dt=location; pub=2019-04-13 | The company handed location records to police.",
                None,
            ),
            (
                "pol=denial; cp=business partners; scope=present; pub=2018-08-31 | We do not share any personal information with our partners.",
                "cp=app developers; pub=2018-10-08 | A bug let app developers reach profile data.",
                None,
            ),
            (
                "pol=denial; cp=business partners; scope=present; pub=2018-08-31 | We do not share any personal information with our partners.",
                "cp=Netflix; pub=2018-12-19 | The company let Netflix read messages.",
                Some(First::Denial),
            ),
            // A denial of access is contradicted by a purchase: bought data is data held.
            (
                "pol=denial; act=access; cp=Acme; dt=financial; scope=present; pub=2018-08-31 | We have no access to card data.",
                "act=sell; cp=Acme; dt=financial; pub=2018-08-31 | The bank sold card data to Acme.",
                Some(First::Denial),
            ),
            // A specific denial is not contradicted by a report of unspecified data...
            (
                "pol=denial; act=access; dt=financial; scope=present; pub=2018-08-31 | We do not have access to card data.",
                "act=share; pub=2018-12-11 | A second flaw exposed data of 52 million people.",
                None,
            ),
            (
                "pol=denial; act=access; dt=health; cp=hackers; scope=past; pub=2023-10-10 | Genetic files were not taken by the attackers.",
                "act=access; cp=hackers; start=2023; end=2023; pub=2023-10-02 | Hackers got hold of the personal details of 6.9 million people.",
                Some(First::Assertion),
            ),
            // ...unless both name the same party (above) or the missing condition ties them.
            (
                "pol=denial; act=collect; dt=browsing_activity; rule=deny.only_with_consent; scope=present; pub=2015-11-10 | Viewing information is gathered only from owners who agreed.",
                "act=collect; pub=2017-02-06 | The maker tracked viewers without their consent.",
                Some(First::Denial),
            ),
            (
                "pol=denial; act=collect; dt=browsing_activity; scope=present; pub=2015-11-10 | We do not gather viewing information.",
                "act=collect; pub=2017-02-06 | The maker tracked its customers.",
                None,
            ),
            // A generic denial still covers a specific report.
            (
                "pol=denial; scope=always; pub=2018-01-10 | We never share your data.",
                "dt=location; cp=Acme; pub=2019-01-10 | The app shared location trails with Acme.",
                Some(First::Denial),
            ),
            // Identifiable data only: contradicted only by a report of identifying data.
            (
                "pol=denial; act=sell; dt=location; scope=present; pub=2022-08-29 | The company does not sell data that identifies individuals.",
                "act=sell; dt=location; pub=2022-08-29 | The broker sold precise location data from millions of phones.",
                None,
            ),
            (
                "pol=denial; act=sell; dt=location; scope=present; pub=2022-08-29 | The company does not sell data that identifies individuals.",
                "act=sell; dt=location; pub=2022-08-30 | Each location it sold came paired with a phone's advertising ID.",
                Some(First::Denial),
            ),
            (
                "pol=denial; dt=financial; scope=always; pub=2018-08-31 | It provides only aggregated sales trends, never individual transactions.",
                "dt=financial; cp=Acme; pub=2018-09-01 | It passed transaction data to Acme.",
                None,
            ),
            (
                "pol=denial; scope=present; pub=2018-01-01 | We never hand over personally identifiable information.",
                "dt=contact_details; cp=Acme; pub=2018-09-01 | It passed email addresses to Acme.",
                Some(First::Denial),
            ),
            // One mode of the product.
            (
                "pol=denial; act=collect; dt=browsing_activity; scope=present; pub=2020-04-30 | It is untrue that browsing data is collected in incognito mode.",
                "act=collect; dt=browsing_activity; pub=2020-04-30 | The phones recorded the websites people visited.",
                None,
            ),
            (
                "pol=denial; act=collect; dt=browsing_activity; scope=present; pub=2020-04-30 | It is untrue that browsing data is collected in incognito mode.",
                "act=collect; dt=browsing_activity; pub=2020-05-05 | The browser had been sending back data on private browsing sessions.",
                Some(First::Denial),
            ),
            // The users of one place.
            (
                "pol=denial; cp=Acme; scope=past; pub=2018-10-25 | There was no evidence that British users' data was passed to Acme.",
                "cp=Acme; pub=2018-06-04 | App access let data reach Acme.",
                None,
            ),
            (
                "pol=denial; cp=Acme; scope=past; pub=2018-10-25 | There was no evidence that British users' data was passed to Acme.",
                "cp=Acme; pub=2018-06-04 | Data on a million people in the UK reached Acme.",
                Some(First::Assertion),
            ),
            (
                "pol=denial; cp=government; scope=present; pub=2021-10-26 | The app does not give U.S. user data to the government.",
                "cp=government; pub=2022-06-17 | Officials could see data of users in Europe.",
                None,
            ),
            (
                "pol=denial; cp=government; scope=present; pub=2021-10-26 | The app does not give U.S. user data to the government.",
                "cp=government; pub=2022-06-17 | Officials could see data of American users.",
                Some(First::Denial),
            ),
        ];
        for (d, a, expected) in cases {
            check(d, a, expected);
        }
    }

    #[test]
    fn action_table() {
        use Action::*;
        let contradicted = [
            (Sell, vec![Sell]),
            (Share, vec![Share, Sell, Access]),
            (Access, vec![Access, Share, Sell]),
            (Collect, vec![Collect]),
            (Use, vec![Use]),
            (Other, vec![Share, Access, Sell]),
        ];
        for (denied, yes) in contradicted {
            for asserted in Action::ALL {
                assert_eq!(
                    action_contradicts(denied, *asserted),
                    yes.contains(asserted),
                    "{denied} vs {asserted}"
                );
            }
        }
    }

    #[test]
    fn reason_names_both_sides() {
        let v = check(NETFLIX_DENIAL, NETFLIX_REPORT, Some(First::Denial)).expect("linked");
        assert_eq!(
            v.reason,
            "Netflix (2018-12-19) denied: \"We never looked at anyone's private inbox on the social network.\"; \
             The Daily Ledger reported (2018-12-19): \"The social network allowed Netflix to read the private \
             messages of its users.\" — same company (Facebook), same counterparty (Netflix), private_messages \
             vs private_messages, access vs access; the denial covers all time; both the same day."
        );
        let v = check(ASSURANCE, AMAZON, Some(First::Denial)).expect("linked");
        assert!(
            v.reason
                .starts_with("Mark Zuckerberg (2018-04) denied: \"Users stay in charge"),
            "{}",
            v.reason
        );
        assert!(
            v.reason
                .contains("the denial names no counterparty, so it covers Amazon"),
            "{}",
            v.reason
        );
        assert!(v.reason.contains("the denial speaks for 2018-04 onward and the reported practice is undated, so it may run up to 2018-12-19"), "{}", v.reason);
        assert!(v.reason.ends_with("; the denial came first."), "{}", v.reason);
    }

    /// Rule 11 and the takings of rule 5: sentences read as denials that deny nothing, denials
    /// that say what they leave out, and reports that are not of the practice denied. Every
    /// pair below would link without the rule it tests.
    #[test]
    fn kinds_of_false_links() {
        let never_shared =
            "pol=denial; cp=third parties; dt=contact_details; scope=always; pub=2020-03-02; article=1 \
            | The firm said it has never shared members' phone numbers with third parties.";
        let cases: [(&str, &str, &str, Option<First>); 18] = [
            // An admission of error is not a denial, unless it reports the assurance it reverses.
            (
                "admission",
                "pol=denial; act=collect; scope=past; pub=2021-06-01; article=1 \
                | The company said its app had inadvertently gathered the call logs of some testers.",
                "act=collect; pub=2021-07-01; article=2 | The app gathered call logs, a researcher showed.",
                None,
            ),
            (
                "admission: did not intend",
                "pol=denial; act=collect; scope=past; pub=2021-06-01; article=1 \
                | The startup said it did not intend to keep the audio of its users.",
                "act=collect; pub=2021-07-01; article=2 | The startup kept the audio of its users for months.",
                None,
            ),
            (
                "admission reversing an assurance",
                "pol=denial; act=collect; scope=past; pub=2021-06-01; article=1; span=0-90 \
                | The firm said it had accidentally logged the audio, reversing its promise that it kept none.",
                "act=collect; pub=2021-06-01; article=1; span=100-160 | The logs held hours of audio.",
                Some(First::Denial),
            ),
            // An accusation whose only negation is a missing condition is not a denial.
            (
                "accusation",
                "pol=denial; cp=Acme; scope=always; pub=2020-02-01; article=1; span=0-80 \
                | The lawsuit says the dating app gave Acme its members' pictures and never told them.",
                "cp=Acme; pub=2020-02-01; article=1; span=90-160 | Acme received the pictures in 2016.",
                None,
            ),
            // The company's own use or collection is not contradicted by another party's.
            (
                "who acts",
                "pol=denial; act=use; dt=device_identifiers; scope=present; pub=2015-01-05; article=1 \
                | The carrier said it does not use the tag to profile subscribers.",
                "act=use; cp=advertisers; dt=device_identifiers; pub=2016-01-05; article=2 \
                | Ad firms used the tag to follow subscribers around the web.",
                None,
            ),
            (
                "who acts: the company itself",
                "pol=denial; act=use; dt=device_identifiers; scope=present; pub=2015-01-05; article=1 \
                | The carrier said it does not use the tag to profile subscribers.",
                "act=use; dt=device_identifiers; pub=2016-01-05; article=2 \
                | The carrier used the tag to profile subscribers for its ad unit.",
                Some(First::Denial),
            ),
            // A denial naming a company of the actor's own group as the receiver.
            (
                "group receiver, another recipient",
                "pol=denial; dt=private_messages; act=access; scope=present; pub=2021-02-01; article=1 \
                | Instagram said its update does not let Facebook see direct messages.",
                "act=access; cp=contractors; dt=private_messages; pub=2021-05-01; article=2 \
                | Outside moderators read direct messages that users flagged.",
                None,
            ),
            (
                "group receiver, the same company",
                "pol=denial; dt=private_messages; act=access; scope=present; pub=2021-02-01; article=1 \
                | Instagram said its update does not let Facebook see direct messages.",
                "act=access; dt=private_messages; pub=2021-05-01; article=2 \
                | Engineers at Facebook could see direct messages sent on the app.",
                Some(First::Denial),
            ),
            // A denial that narrows itself meets only a report of the same narrower thing.
            (
                "narrowed: themselves",
                "pol=denial; cp=advertisers; dt=contact_details; act=access; scope=always; pub=2019-01-01; article=1; span=0-60 \
                | Marketers never receive the e-mail addresses themselves, the firm said.",
                "act=access; cp=advertisers; dt=contact_details; pub=2019-01-01; article=1; span=70-140 \
                | Marketers could reach shoppers through the e-mail addresses they had given.",
                None,
            ),
            (
                "narrowed: by default",
                "pol=denial; act=collect; dt=recordings; scope=present; pub=2019-01-01; article=1; span=0-60 \
                | The speaker maker does not store voice clips by default.",
                "act=collect; dt=recordings; pub=2019-01-01; article=1; span=70-140 \
                | Reviewers heard clips the speakers had stored.",
                None,
            ),
            // A report that is itself a narrowed denial or a reassurance reports nothing.
            (
                "report is a narrowed denial",
                "pol=denial; dt=private_messages; act=access; scope=present; pub=2020-01-01; article=1 \
                | The company said it cannot read users' chats.",
                "act=access; dt=private_messages; pub=2020-06-01; article=2 \
                | A spokesman said moderation relies on user reports and that staff still cannot open regular chats.",
                None,
            ),
            (
                "report is a reassurance",
                "pol=denial; dt=recordings; act=collect; scope=present; pub=2020-01-01; article=1; span=0-60 \
                | The firm said it does not keep the contents of doorbell chats.",
                "act=collect; dt=recordings; pub=2020-01-01; article=1; span=70-140 \
                | Doorbell chats are encrypted, and face matching runs on the device itself.",
                None,
            ),
            // A denial about contents meets only a report about contents.
            (
                "contents vs the camera",
                "pol=denial; dt=recordings; act=collect; scope=present; pub=2020-01-01; article=1; span=0-60 \
                | The firm said it does not keep the contents of video calls on its tablet.",
                "act=collect; dt=recordings; pub=2020-01-01; article=1; span=70-140 \
                | The tablet's camera pans to keep speakers in frame during video calls.",
                None,
            ),
            (
                "contents vs contents",
                "pol=denial; dt=recordings; act=collect; scope=present; pub=2020-01-01; article=1 \
                | The firm said it does not keep the contents of video calls on its tablet.",
                "act=collect; dt=recordings; pub=2020-05-01; article=2 \
                | Copies of what people said on tablet calls sat on the firm's servers.",
                Some(First::Denial),
            ),
            // The outlet's framing of a general slogan is not the company's denial.
            (
                "framing",
                "pol=denial; act=other; scope=present; speaker=Gadget Gazette; outlet=Gadget Gazette; pub=2022-01-01; article=1; span=0-90 \
                | The result is embarrassing for a company whose adverts say your data is yours alone.",
                "cp=ad networks; pub=2022-01-01; article=1; span=100-160 | The phone passed app usage to ad networks.",
                None,
            ),
            // Data taken by outsiders, or sent to the company itself, was not handed over.
            (
                "scraped",
                never_shared,
                "act=access; cp=third parties; dt=contact_details; pub=2021-01-01; article=2 \
                | Crooks scraped the phone numbers of millions of members through a lookup tool.",
                None,
            ),
            (
                "sent home",
                "pol=denial; act=other; scope=present; pub=2022-01-01; article=1 \
                | Users decide who gets their data, the firm said.",
                "act=share; pub=2022-02-01; article=2 | The shop app keeps sending the company a log of every tap.",
                None,
            ),
            (
                "handed over",
                never_shared,
                "cp=Brightline; dt=contact_details; pub=2021-01-01; article=2 \
                | The firm gave Brightline the phone numbers of its members.",
                Some(First::Denial),
            ),
        ];
        for (kind, d, a, expected) in cases {
            let got = evaluate(&rec(d), &rec(a)).map(|v| v.first);
            assert_eq!(got, expected, "{kind}: denial {d:?}\nassertion {a:?}");
            check(d, a, expected);
        }
        // The company's own account, given before its denial in another article, is not a
        // contradiction; a later admission is.
        let denial =
            "pol=denial; act=collect; scope=past; speaker=Orbit; actor=Orbit; pub=2012-06-01; article=2 \
            | Orbit said its Skyview scanners had gathered no such records.";
        let earlier = "act=collect; actor=Orbit; speaker=Orbit; pub=2012-05-01; article=1 \
            | Orbit said its Skyview scanners log the names of nearby networks.";
        let later = "act=collect; actor=Orbit; speaker=Orbit; start=2011; pub=2012-07-01; article=3 \
            | Orbit said its Skyview scanners had logged the names of nearby networks.";
        assert_eq!(
            refusal(&rec(denial), &rec(earlier)),
            Some("rule 11 (the company's own earlier account)")
        );
        assert_eq!(refusal(&rec(denial), &rec(later)), None);
        check(denial, later, Some(First::Denial));
        // Saying a practice has ended admits it happened: not an account that excuses a
        // promise that it never would.
        let promise = "pol=denial; act=share; dt=health; scope=past; actor=Orbit; pub=2021-06-01; article=5 \
            | Regulators said Orbit had assured users of its Bloom app that their cycle records would stay private.";
        let ended = "act=share; dt=health; actor=Orbit; speaker=Orbit; pub=2019-03-01; article=4 \
            | Orbit said it no longer passes cycle records from the Bloom app to outside analytics firms.";
        assert_eq!(refusal(&rec(promise), &rec(ended)), None);
    }

    #[test]
    fn reports_with_a_negation_in_another_clause() {
        // A negation and a narrowing word in one clause make a narrowed denial; in two clauses
        // the report still reports.
        for (sentence, narrowed) in [
            ("Staff still cannot open regular chats.", true),
            ("The firm does not keep recordings by default.", true),
            ("The trips are logged under another setting, which is on by default and is not shown on the privacy page.", false),
            ("Logs are kept by default; nothing in the app says so.", false),
            ("The recordings were kept by default, but users were not told.", false),
        ] {
            assert_eq!(is_narrowed_denial(sentence), narrowed, "{sentence}");
        }
        let denial = "pol=denial; act=collect; dt=location; scope=present; pub=2018-01-01; article=1 \
            | The company said that with the history setting off, it does not store where people go.";
        let report = "act=collect; dt=location; pub=2018-06-01; article=2 \
            | The places people visit are stored under another setting, which is on by default and is not shown beside the history setting.";
        assert_eq!(refusal(&rec(denial), &rec(report)), None);
    }

    /// Kinds found on d117-d126 and on all of dev after them: the company's own admission in
    /// the statement that carries its denial; records of messages are not their contents;
    /// data sent to the company is collected; another party's use named only in the sentence;
    /// a later undated report of the same episode; a denial limited to a commercial purpose;
    /// a categorical denial of selling still meets a sale reported elsewhere.
    /// Written after the rules `SELF_ONLY` and `AFTER_CHANGE` (issue 5, precision round on
    /// d342-d351): the company's own access in its own words, and a denial of the time after a
    /// change.
    #[test]
    fn own_access_and_after_a_change() {
        let linked = |d: &str, a: &str| {
            let got = evaluate(&rec(d), &rec(a));
            assert_eq!(
                accepts(&rec(d), &rec(a)),
                got.is_some(),
                "accepts and evaluate disagree: {d:?}"
            );
            got.is_some()
        };
        let spyware =
            "act=access; cp=government; dt=private_messages; pub=2019-11-01; article=1; span=200-290 \
            | The implant let government clients read the chats stored on the infected handsets.";
        for denial in [
            "pol=denial; act=access; dt=private_messages; scope=present; pub=2019-11-01; article=1; span=0-80 \
            | The messenger said the firm itself has no way to read anyone's chats.",
            "pol=denial; act=access; dt=private_messages; scope=always; pub=2019-11-01; article=1; span=0-80 \
            | The vendor has never seen what the implant pulls from a handset, which is sent only to the agency.",
            "pol=denial; act=access; dt=private_messages; scope=present; pub=2019-11-01; article=1; span=0-80 \
            | \"We ourselves cannot open the chats,\" the messenger's founder said.",
        ] {
            assert!(!linked(denial, spyware), "the company's own access: {denial}");
        }
        // Near misses that still link: no reflexive and no other receiver named.
        assert!(linked(
            "pol=denial; act=access; dt=private_messages; scope=present; pub=2019-11-01; article=1; span=0-80 \
            | The messenger said nobody can read anyone's chats.",
            spyware
        ));
        let handed = "cp=Acme; dt=private_messages; pub=2022-02-01; article=1; span=200-290 \
            | The hotline had handed Acme transcripts of its text chats with callers.";
        for denial in [
            "pol=denial; cp=Acme; dt=private_messages; scope=past; pub=2022-02-01; article=1; span=0-80 \
            | The hotline said no chats went to Acme after the change.",
            "pol=denial; cp=Acme; dt=private_messages; scope=present; pub=2022-02-01; article=1; span=0-80 \
            | Since the update, Acme does not receive any chat transcripts, the hotline said.",
            "pol=denial; cp=Acme; dt=private_messages; scope=past; pub=2022-02-01; article=1; span=0-80 \
            | Nothing from the text chats was passed to Acme after that date, the board wrote.",
        ] {
            assert!(
                !linked(denial, handed),
                "a denial of the time after a change: {denial}"
            );
        }
        // A report dated after the change still contradicts it; a denial with no change still links.
        assert!(linked(
            "pol=denial; cp=Acme; dt=private_messages; scope=present; stated=2022-02; pub=2022-02-01; article=1; span=0-80 \
            | Since the update, Acme does not receive any chat transcripts, the hotline said.",
            "cp=Acme; dt=private_messages; start=2022-06; pub=2022-09-01; article=2 \
            | The hotline kept handing Acme chat transcripts through the summer of 2022."
        ));
        assert!(linked(
            "pol=denial; cp=Acme; dt=private_messages; scope=always; pub=2022-02-01; article=1; span=0-80 \
            | The hotline said no chats have ever gone to Acme.",
            handed
        ));
    }

    #[test]
    fn kinds_found_after_the_fifth_check() {
        let never_tracked = "pol=denial; act=collect; dt=location; scope=always; speaker=Orchard; \
            actor=Orchard; pub=2012-03-14; article=1; span=0-60 \
            | Orchard said on Wednesday that it has never followed where its watch wearers go.";
        let cases: [(&str, &str, &str, Option<First>); 16] = [
            (
                "the company concedes in its own statement",
                never_tracked,
                "act=collect; dt=location; actor=Orchard; speaker=The Harbour Gazette; pub=2012-03-14; article=1; span=70-160 \
                | Orchard conceded that the watch held on to a list of nearby masts for months.",
                None,
            ),
            (
                "a headline in the company's voice",
                never_tracked,
                "act=collect; dt=location; actor=Orchard; speaker=The Harbour Gazette; pub=2012-03-14; article=1; span=200-280 \
                | Orchard: we do not follow you, but a glitch kept the mast list too long",
                None,
            ),
            (
                "the same finding in the outlet's voice",
                never_tracked,
                "act=collect; dt=location; actor=Orchard; speaker=The Harbour Gazette; pub=2012-03-14; article=1; span=70-160 \
                | The watch held on to a list of the places its wearer had been, two engineers found.",
                Some(First::Denial),
            ),
            (
                "the company's later admission, on another day",
                never_tracked,
                "act=collect; dt=location; actor=Orchard; speaker=Orchard; pub=2012-05-02; article=2 \
                | Orchard admitted on Tuesday that its watch had followed wearers' movements.",
                Some(First::Denial),
            ),
            (
                "records of messages are not their contents",
                "pol=denial; act=collect; dt=private_messages; scope=present; pub=2019-02-01; article=1 \
                | The mail app does not gather the content of the notes people write to each other.",
                "act=collect; dt=private_messages; pub=2019-02-03; article=2 \
                | Testers found the mail app had kept logs of every note and message they had sent, with times.",
                None,
            ),
            (
                "contents reported",
                "pol=denial; act=collect; dt=private_messages; scope=present; pub=2019-02-01; article=1 \
                | The mail app does not gather the content of the notes people write to each other.",
                "act=collect; dt=private_messages; pub=2019-02-03; article=2 \
                | Testers found the mail app had copied the text of their messages to its servers.",
                Some(First::Denial),
            ),
            (
                "data sent home is collected",
                "pol=denial; act=collect; dt=browsing_activity; scope=past; pub=2021-09-01; article=1 \
                | The phone maker said pages opened in private mode were never gathered.",
                "act=share; dt=browsing_activity; pub=2021-09-04; article=2 \
                | The browser had been passing a record of private browsing back to the company, testers said.",
                Some(First::Denial),
            ),
            (
                "shared with an outsider, not sent home",
                "pol=denial; act=collect; dt=browsing_activity; scope=past; pub=2021-09-01; article=1 \
                | The phone maker said pages opened in private mode were never gathered.",
                "act=share; dt=browsing_activity; pub=2021-09-04; article=2 \
                | The browser passed a record of private browsing to an analytics firm.",
                None,
            ),
            (
                "another party uses, named only in the sentence",
                "pol=denial; act=use; dt=device_identifiers; scope=present; pub=2015-01-05; article=1; span=0-70 \
                | The carrier said the tag is not used to build profiles of subscribers.",
                "act=use; dt=device_identifiers; pub=2015-01-05; article=1; span=80-160 \
                | One marketing partner used the tag to bring back cookies people had cleared.",
                None,
            ),
            (
                "the company uses it",
                "pol=denial; act=use; dt=device_identifiers; scope=present; pub=2015-01-05; article=1; span=0-70 \
                | The carrier said the tag is not used to build profiles of subscribers.",
                "act=use; dt=device_identifiers; pub=2015-01-05; article=1; span=80-160 \
                | The carrier used the tag to sort subscribers into groups for its own ad sales.",
                Some(First::Denial),
            ),
            (
                "a later undated report of the episode, within a year",
                "pol=denial; act=share; dt=location; rule=deny.only_with_consent; scope=past; pub=2024-03-11; article=1 \
                | The carmaker said owners had to join its SafeTrip plan before any trip data was passed on.",
                "act=sell; cp=data brokers; dt=location; pub=2025-01-20; article=2 \
                | The carmaker sold trip data to brokers without clear consent, the regulator said.",
                Some(First::Denial),
            ),
            (
                "a later undated report with nothing naming the episode",
                "pol=denial; act=share; dt=location; scope=past; pub=2024-03-11; article=1 \
                | The carmaker said it passed no trip data on.",
                "act=sell; cp=data brokers; dt=location; pub=2025-01-20; article=2 \
                | The carmaker sold trip data to brokers, the regulator said.",
                None,
            ),
            (
                "a denial limited to a commercial purpose vs a report of none",
                "pol=denial; cp=Lenscorp; dt=posts_content; scope=past; pub=2019-07-12; article=1 \
                | The dating site said it did not give Lenscorp members' pictures for any commercial purpose.",
                "act=access; cp=Lenscorp; dt=posts_content; pub=2019-08-01; article=2 \
                | Lenscorp ran the site's pictures through its face software, a former engineer said.",
                None,
            ),
            (
                "a denial limited to a commercial purpose vs a paid deal",
                "pol=denial; cp=Lenscorp; dt=posts_content; scope=past; pub=2019-07-12; article=1 \
                | The dating site said it did not give Lenscorp members' pictures for any commercial purpose.",
                "act=share; cp=Lenscorp; dt=posts_content; pub=2019-06-01; article=2 \
                | Under a paid deal, the site handed Lenscorp its members' pictures.",
                Some(First::Assertion),
            ),
            (
                "a categorical denial of selling meets a sale reported elsewhere",
                "pol=denial; act=sell; scope=always; pub=2018-03-25; article=1 \
                | The company said it has never sold anything its users give it.",
                "act=sell; cp=a bank; pub=2018-04-30; article=2 | The company sold card records to a bank.",
                Some(First::Denial),
            ),
            (
                "a categorical denial of selling vs sharing reported elsewhere",
                "pol=denial; act=sell; scope=always; pub=2018-03-25; article=1 \
                | The company said it has never sold anything its users give it.",
                "act=share; cp=a bank; pub=2018-04-30; article=2 | The company gave card records to a bank.",
                None,
            ),
        ];
        for (what, d, a, expected) in cases {
            let got = evaluate(&rec(d), &rec(a)).map(|v| v.first);
            assert_eq!(got, expected, "{what}: refusal {:?}", refusal(&rec(d), &rec(a)));
        }
    }

    /// Kinds of false links found on d137-d146 (ten articles the rules had not seen), each
    /// refused in general terms; the sentences are new.
    #[test]
    fn kinds_found_after_the_seventh_check() {
        let never_opened = "pol=denial; act=access; cp=Puzzlebox; dt=private_messages; scope=always; \
            actor=Mailwise; pub=2016-07-13; article=1; span=0-60 \
            | Puzzlebox said the quiz app never opened anyone's Mailwise inbox.";
        let cases: [(&str, &str, &str, Option<First>); 14] = [
            (
                "a permission granted is not data read",
                never_opened,
                "act=access; cp=Puzzlebox; dt=private_messages; actor=Mailwise; pub=2016-07-13; article=1; span=70-160 \
                | A developer found that the permission on the sign-in screen let the quiz app read and delete mail.",
                None,
            ),
            (
                "access granted, in other words",
                never_opened,
                "act=access; cp=Puzzlebox; dt=private_messages; actor=Mailwise; pub=2016-07-13; article=1; span=70-160 \
                | Players who logged in had granted the quiz app \"full access\" to their mail.",
                None,
            ),
            (
                "the mail really read",
                never_opened,
                "act=access; cp=Puzzlebox; dt=private_messages; actor=Mailwise; pub=2016-07-13; article=1; span=70-160 \
                | Logs showed the quiz app had opened thousands of inboxes and copied the messages.",
                Some(First::Denial),
            ),
            (
                "a denial of the permission itself meets a report of the permission",
                "pol=denial; act=access; cp=Puzzlebox; dt=private_messages; scope=always; actor=Mailwise; \
                pub=2016-07-13; article=1; span=0-60 | Mailwise said it never lets outside apps see its users' mail.",
                "act=access; cp=Puzzlebox; dt=private_messages; actor=Mailwise; pub=2016-07-13; article=1; span=70-160 \
                | A developer found that the permission on the sign-in screen let the quiz app read and delete mail.",
                Some(First::Denial),
            ),
            (
                "a promised fix is not a denial",
                "pol=denial; act=collect; dt=browsing_activity; scope=present; actor=Brightview; pub=2013-11-21; \
                article=1; span=0-80 | Brightview said it would push new software so that no viewing data leaves the set.",
                "act=collect; dt=browsing_activity; actor=Brightview; pub=2013-11-21; article=1; span=90-160 \
                | The set reported every channel its owner picked.",
                None,
            ),
            (
                "a denial with its own negation before the promise",
                "pol=denial; act=collect; dt=browsing_activity; scope=present; actor=Brightview; pub=2013-11-21; \
                article=1; span=0-80 | Brightview said the set does not record viewing and that it will update it so that users can check.",
                "act=collect; dt=browsing_activity; actor=Brightview; pub=2013-11-21; article=1; span=90-160 \
                | The set reported every channel its owner picked.",
                Some(First::Denial),
            ),
            (
                "a report that is the company's own limit, conceding what it names",
                "pol=denial; act=access; dt=personal_data; scope=past; actor=Mailwise; speaker=Mailwise; \
                pub=2016-07-14; article=1; span=0-60 | Mailwise said nothing else had reached the quiz maker.",
                "act=access; dt=contact_details; actor=Mailwise; speaker=Puzzlebox; pub=2016-07-14; article=1; span=70-200 \
                | \"The quiz only reads your account name and e-mail address, and no other information is touched,\" the maker said.",
                None,
            ),
            (
                "a protection promised is not a report",
                "pol=denial; act=collect; scope=always; actor=Quietpath; pub=2022-05-25; article=1; span=0-60 \
                | Quietpath said it has never followed its users around the web.",
                "act=collect; dt=browsing_activity; actor=Quietpath; pub=2022-05-25; article=1; span=70-200 \
                | The listing told users the browser keeps the pages they open from being seen by ad trackers.",
                None,
            ),
            (
                "a question asserts nothing",
                "pol=denial; act=sell; scope=present; actor=Quietpath; pub=2025-02-28; article=1; span=0-60 \
                | Quietpath does not sell what it knows about you, its chief said.",
                "act=sell; actor=Quietpath; pub=2025-02-28; article=1; span=70-200 \
                | Readers spotted that the help page had dropped its answer to \"Does Quietpath sell your data?\"",
                None,
            ),
            (
                "a limit in another clause does not bound the denial",
                "pol=denial; act=collect; dt=location; scope=present; actor=Pinpoint; pub=2024-12-03; article=1; span=0-120 \
                | \"We have never sold data that identifies a single person, and we do not follow people to clinics,\" Pinpoint said.",
                "act=collect; dt=location; actor=Pinpoint; pub=2024-12-03; article=1; span=130-220 \
                | Regulators say Pinpoint gathered the movements of people visiting clinics.",
                Some(First::Denial),
            ),
            (
                "the limit in the denial's own clause",
                "pol=denial; act=sell; dt=location; scope=always; actor=Pinpoint; pub=2024-12-03; article=1; span=0-120 \
                | \"We have never sold data that identifies a single person, and we do not follow people to clinics,\" Pinpoint said.",
                "act=sell; dt=location; actor=Pinpoint; pub=2024-12-03; article=1; span=130-220 \
                | Regulators say Pinpoint sold the movements of people visiting clinics.",
                None,
            ),
            (
                "a sole purpose stated concedes the practice",
                "pol=denial; act=share; dt=contacts_friends; scope=present; actor=Circlet; pub=2012-02-08; article=1; span=0-90 \
                | \"We copy your contact list to our servers only to help you find people you know,\" Circlet said.",
                "act=share; dt=contacts_friends; actor=Circlet; pub=2012-02-08; article=1; span=100-160 \
                | Circlet copied members' contact lists without asking them, a coder found.",
                None,
            ),
            (
                "a sole purpose stated vs another use reported",
                "pol=denial; act=share; dt=contacts_friends; scope=present; actor=Circlet; pub=2012-02-08; article=1; span=0-90 \
                | \"We copy your contact list to our servers only to help you find people you know,\" Circlet said.",
                "act=share; cp=Leadgen; dt=contacts_friends; actor=Circlet; pub=2012-02-08; article=1; span=100-160 \
                | Circlet passed members' contact lists to Leadgen, a marketing firm, a coder found.",
                Some(First::Denial),
            ),
            (
                "a spy agency is part of government",
                "pol=denial; act=share; cp=government; scope=present; actor=Cloudnine; pub=2013-06-07; article=1; span=0-60 \
                | Cloudnine gives no government a way into its servers.",
                "act=access; cp=intelligence agencies; start=2010; actor=Cloudnine; pub=2013-06-07; article=1; span=70-160 \
                | Leaked slides say the spy agency has pulled data from Cloudnine since 2010.",
                Some(First::Denial),
            ),
        ];
        for (what, d, a, expected) in cases {
            let got = evaluate(&rec(d), &rec(a)).map(|v| v.first);
            assert_eq!(got, expected, "{what}: refusal {:?}", refusal(&rec(d), &rec(a)));
        }
    }

    #[test]
    fn contact_details_are_numbers_and_addresses() {
        for (sentence, kind) in [
            (
                "Advertisers matched lists against the contact details members had given.",
                "phone numbers",
            ),
            (
                "The app read contact information from sign-up forms.",
                "phone numbers",
            ),
            ("The app uploaded users' contacts.", "contacts"),
            ("The app copied address books.", "contacts"),
        ] {
            assert_eq!(kinds(sentence), vec![kind], "{sentence}");
        }
        let denial = "pol=denial; act=use; dt=contact_details; cp=advertisers; scope=present; pub=2015-01-01; article=1 \
            | The network said it does not use members' phone numbers for advertising.";
        let report = "act=use; dt=contact_details; cp=advertisers; pub=2019-01-01; article=2 \
            | Advertisers could reach members through contact details they had given to protect their accounts.";
        assert_eq!(refusal(&rec(denial), &rec(report)), None);
    }

    /// A denial naming one kind of data meets only a report naming that kind, or none.
    #[test]
    fn data_kinds() {
        let searches =
            "pol=denial; cp=Microsoft; dt=browsing_activity; scope=present; pub=2022-05-01; article=1 \
            | The search engine said the queries people type are not passed to Microsoft.";
        let cases = [
            (
                searches,
                "cp=Microsoft; dt=browsing_activity; pub=2022-06-01; article=2 \
                | The company's app let Microsoft scripts log which websites its users opened.",
                None,
            ),
            (
                searches,
                "cp=Microsoft; dt=browsing_activity; pub=2022-06-01; article=2 \
                | Every search typed into the app went to Microsoft with a device code.",
                Some(First::Denial),
            ),
            (
                searches,
                "cp=Microsoft; dt=browsing_activity; pub=2022-06-01; article=2 \
                | Microsoft received browsing data of the search engine's users.",
                None,
            ),
            (
                "pol=denial; cp=Microsoft; dt=browsing_activity; scope=present; pub=2022-05-01; article=1 \
                | The search engine said it does not pass user data to Microsoft.",
                "cp=Microsoft; dt=browsing_activity; pub=2022-06-01; article=2 \
                | The company's app let Microsoft scripts log which websites its users opened.",
                Some(First::Denial),
            ),
        ];
        for (d, a, expected) in cases {
            check(d, a, expected);
        }
        assert!(kinds_met(
            "We never read your messages.",
            "Staff opened users' inboxes."
        ));
        assert!(!kinds_met(
            "We never read your messages.",
            "Staff looked at users' trips."
        ));
        assert!(kinds_met(
            "We never read your messages.",
            "Staff looked at user data."
        ));
    }

    #[test]
    fn quotes_are_cut_at_a_word_boundary() {
        let long = "word ".repeat(40);
        let q = quote(&long);
        assert!(q.ends_with("word…"), "{q}");
        assert!(q.chars().count() <= QUOTE_MAX_CHARS, "{}", q.chars().count());
        assert_eq!(quote("  short\n sentence. "), "short sentence.");
        let one = "x".repeat(300);
        assert_eq!(quote(&one).chars().count(), QUOTE_MAX_CHARS);
        let clause = format!("{}, and more", "a".repeat(115));
        assert_eq!(quote(&clause), format!("{}…", "a".repeat(115)));
    }
}

/// Rules added with the d157-d166 check (issue 5, links). Every sentence is our own wording.
#[cfg(test)]
mod d157_tests {
    use super::tests::rec_pub as rec;
    use super::*;

    /// Asserts that `accepts` and `evaluate` both link the pair, or both refuse it.
    pub(super) fn check(denial: &str, assertion: &str, linked: bool) {
        let (d, a) = (rec(denial), rec(assertion));
        assert_eq!(
            accepts(&d, &a),
            linked,
            "denial {denial:?}\nassertion {assertion:?}: {:?}",
            refusal(&d, &a)
        );
        assert_eq!(evaluate(&d, &a).is_some(), linked);
    }

    /// An assurance that users decide is contradicted by any practice done without their say,
    /// collecting and using too; not by the practice alone.
    #[test]
    fn control_overridden_by_any_practice_without_consent() {
        let control =
            "pol=denial; act=other; rule=deny.in_control; scope=present; speaker=Acme; pub=2017-10-13 \
            | The company said people are in control of their privacy settings.";
        let cases = [
            ("act=collect; pub=2017-10-13 | The regulator found that the system gathers usage data without valid consent.", true),
            ("act=use; pub=2017-10-13 | Posts were used to train the model without asking members.", true),
            ("act=use; pub=2017-10-13 | Members' posts were used by default to train the model.", true),
            ("act=collect; pub=2017-10-13 | The regulator found that the system gathers usage data.", false),
        ];
        for (a, linked) in cases {
            check(control, a, linked);
        }
        // The store's candidate index lets such pairs through to the rules.
        assert!(action_may_contradict(Action::Other, Action::Collect));
        assert!(action_may_contradict(Action::Other, Action::Use));
        assert!(action_may_contradict(Action::Collect, Action::Share));
        assert!(!action_may_contradict(Action::Sell, Action::Share));
        assert!(!action_may_contradict(Action::Use, Action::Sell));
        assert!(!action_may_contradict(Action::Sell, Action::Collect));
    }

    /// What a party could do answers a denial of what it can do, not a denial of what it did.
    #[test]
    fn could_against_did() {
        let did = "pol=denial; act=access; cp=Acme Games; scope=past; speaker=Acme; pub=2016-07-12 \
            | The company said Acme Games had received nothing beyond a basic profile.";
        let can = "pol=denial; act=access; scope=present; speaker=Acme; pub=2016-07-12 \
            | No one outside a chat can read its messages, the company said.";
        let cases = [
            (did, "act=access; cp=Acme Games; pub=2016-07-12 | In theory, Acme Games could read players' mail.", false),
            (did, "act=access; cp=Acme Games; pub=2016-07-12 | The app was capable of pulling in players' mail.", false),
            (did, "act=share; cp=Acme Games; pub=2016-07-12 | The policy says it may share players' locations with Acme Games.", false),
            (did, "act=access; cp=Acme Games; pub=2016-07-12 | Acme Games read players' mail, the filing says.", true),
            // A hedge is a report, less sure.
            (did, "act=access; cp=Acme Games; pub=2016-07-12 | Acme Games may have read players' mail.", true),
            // A purpose is not a possibility.
            (did, "act=share; cp=Acme Games; pub=2016-07-12 | It gave Acme Games the answers so the studio could target ads.", true),
            (can, "act=access; cp=contractors; pub=2016-07-12 | Contractors could read the chats, researchers found.", true),
        ];
        for (d, a, linked) in cases {
            check(d, a, linked);
        }
    }

    /// Across articles a missing condition ties an assurance to a report only when the
    /// assurance does not speak of "the data" its own story is about.
    #[test]
    fn the_data_of_another_story() {
        let report = "act=share; cp=law enforcement; pub=2022-07-14; article=2 \
            | The doorbell maker gave police footage without the owners' consent.";
        let cases = [
            (
                "pol=denial; act=other; rule=deny.in_control; scope=present; pub=2020-12-10; article=1 \
                | Acme says the data stays private.",
                false,
            ),
            (
                "pol=denial; act=other; rule=deny.in_control; scope=present; pub=2020-12-10; article=1 \
                | Owners decide what police see, Acme says.",
                true,
            ),
        ];
        for (d, linked) in cases {
            check(d, report, linked);
        }
    }
}

/// Rules written after the d177-d186 check (sentences written after the rules): products filed
/// under a company in the lexicon name what a claim is about; conversations a device records
/// are audio; a purpose named after the practice limits a denial.
#[cfg(test)]
mod d177_tests {
    use super::d157_tests::check;
    use super::tests::rec_pub as rec;
    use super::*;

    /// A deletion denies keeping the data: gathering or sending it before is no contradiction,
    /// a report that it was kept is (written after the rule, with the d167-d176 merge).
    #[test]
    fn a_deletion_is_contradicted_only_by_data_kept() {
        let deleted = "pol=denial; actor=Path; dt=contacts_friends; act=other; scope=present; \
            rule=deny.deleted; pub=2012-02-08; article=1 \
            | The founder said the company had erased every contact list its app had copied.";
        check(
            deleted,
            "actor=Path; dt=contacts_friends; act=share; pub=2012-02-07; article=1 \
            | The app copied users' contact lists to its servers without asking.",
            false,
        );
        check(
            deleted,
            "actor=Path; dt=contacts_friends; act=collect; rule=assert.not_deleted; pub=2012-06-01; \
            article=2 | An audit found the company never removed the contact lists from its servers.",
            true,
        );
    }

    /// Data sent to the company's own cloud is gathered, not handed to anyone (written after
    /// the rule, at the merge of 2026-12-01).
    #[test]
    fn the_companys_own_cloud_is_no_other_party() {
        let denial =
            "pol=denial; actor=Wyze; dt=recordings; act=share; scope=present; pub=2023-09-01; article=1 \
            | The company said it does not share owners' camera videos with anyone else.";
        for own in [
            "The camera uploaded still images of visitors' faces to Wyze's cloud servers.",
            "Clips were sent to the cloud even when owners had chosen local storage only.",
        ] {
            check(
                denial,
                &format!("actor=Wyze; dt=recordings; act=share; pub=2023-09-12; article=2 | {own}"),
                false,
            );
        }
        // Another company's cloud is another party.
        check(
            denial,
            "actor=Wyze; dt=recordings; act=share; pub=2023-09-12; article=2 \
            | The camera uploaded still images of visitors' faces to Acmeads's cloud servers for analysis.",
            true,
        );
    }

    #[test]
    fn a_product_both_claims_name_ties_them_and_one_the_report_lacks_does_not() {
        let denial = "pol=denial; actor=Facebook; act=share; scope=present; speaker=Kevin Systrom; \
            pub=2013-05-02; article=1 | The founder said Instagram does not hand its members' details over to the rest of the group.";
        check(
            denial,
            "dt=contact_details; act=share; pub=2016-02-10; article=2 \
            | Since February, Instagram has been passing members' phone numbers to the parent company's ad systems.",
            true,
        );
        check(
            denial,
            "dt=contact_details; act=share; pub=2016-02-10; article=2 \
            | Since February, the social network has been passing members' phone numbers to its ad systems.",
            false,
        );
        // A denial naming a product is tied by its data type only to reports naming it.
        let waze =
            "pol=denial; actor=Google; dt=location; act=collect; scope=present; pub=2016-05-01; article=1 \
            | The company said Waze does not keep a record of where its drivers have been.";
        check(
            waze,
            "actor=Google; dt=location; act=collect; pub=2018-08-13; article=2 \
            | Phones kept a record of where people went even with the setting off.",
            false,
        );
        check(
            waze,
            "actor=Google; dt=location; act=collect; pub=2018-08-13; article=2 \
            | The app, Waze, kept a record of where drivers went even after they closed it.",
            true,
        );
        // One word that extends the company's name is the company: it ties nothing.
        assert!(terms(
            &rec("actor=Snap | The regulator said Snapchat kept the location data."),
            false
        )
        .is_empty());
        // The company's own names still tie nothing.
        assert!(!terms(
            &rec("actor=Facebook | Meta Platforms said the rest of the group gets nothing."),
            false
        )
        .iter()
        .any(|t| t == "meta" || t == "platforms"));
    }

    #[test]
    fn conversations_a_device_records_are_audio() {
        assert_eq!(
            kinds("The speaker does not record its owners' conversations."),
            vec!["audio"]
        );
        assert_eq!(
            kinds("Reviewers listened in on private conversations at home."),
            vec!["audio"]
        );
        assert_eq!(
            kinds("Chat conversations typed into the app were kept."),
            vec!["messages"]
        );
        let denial = "pol=denial; actor=Amazon; dt=recordings; act=collect; scope=present; pub=2017-01-05; \
            article=1; span=0-80 | The company says the Echo Show does not record conversations in the room.";
        check(
            denial,
            "actor=Amazon; dt=recordings; act=collect; speaker=Daily Ledger; pub=2017-01-05; article=1; span=100-200 \
            | Owners found that the Echo Show had kept audio clips of people talking nearby.",
            true,
        );
        check(
            denial,
            "actor=Amazon; dt=recordings; act=collect; speaker=Daily Ledger; pub=2017-01-05; article=1; span=100-200 \
            | The Echo Show kept the chat messages people typed into its companion app.",
            false,
        );
    }

    #[test]
    fn a_purpose_named_after_the_practice_limits_the_denial() {
        let denial =
            "pol=denial; actor=Apple; act=share; scope=always; speaker=Apple; pub=2025-01-08; article=1; \
            span=0-80 | The company said heart readings have never been made available for advertising.";
        check(
            denial,
            "actor=Apple; act=share; cp=contractors; speaker=Daily Ledger; pub=2025-01-08; article=1; span=100-200 \
            | Apple let contractors review the heart readings of watch owners.",
            false,
        );
        check(
            denial,
            "actor=Apple; act=share; cp=advertisers; speaker=Daily Ledger; pub=2025-01-08; article=1; span=100-200 \
            | Apple let advertisers target ads using the heart readings of watch owners.",
            true,
        );
        let profiles =
            "pol=denial; actor=Apple; act=use; scope=always; speaker=Apple; pub=2025-01-08; article=1; \
            span=0-80 | Listening data is never used to build marketing profiles, the company said.";
        check(
            profiles,
            "actor=Apple; act=use; speaker=Daily Ledger; pub=2025-01-08; article=1; span=100-200 \
            | Apple used listening data to tune its song recommendations.",
            false,
        );
    }
}

/// Rules written after the d197-d206 check (issue 5, link precision). Every sentence is our
/// own wording, written after the rule it tests, in the voices of other newsrooms.
#[cfg(test)]
mod d197_tests {
    use super::d157_tests::check;

    /// A conditional denial is contradicted only by a report that the same kind of condition
    /// was missing: a price, a legal process, or the users' say.
    #[test]
    fn the_missing_condition_is_the_denials_own() {
        let money = "pol=denial; actor=Acme; act=sell; scope=present; rule=deny.qualified; speaker=Acme; \
            pub=2023-03-01; article=1; span=0-90 \
            | A spokesperson said Acme has never traded shopper profiles for cash.";
        check(
            money,
            "actor=Acme; act=sell; speaker=State Desk; pub=2023-03-01; article=1; span=100-200 \
            | Regulators said Acme sold shopper profiles without telling the shoppers.",
            false,
        );
        check(
            money,
            "actor=Acme; act=sell; speaker=State Desk; pub=2023-03-01; article=1; span=100-200 \
            | Regulators said Acme sold shopper profiles to a broker for $3 million, without telling the shoppers.",
            true,
        );
        let warrant = "pol=denial; actor=Acme; cp=law enforcement; act=share; scope=present; \
            rule=deny.qualified.only_when; speaker=Acme; pub=2021-06-01; article=1; span=0-90 \
            | Acme hands members' records to police only when officers produce a warrant.";
        check(
            warrant,
            "actor=Acme; cp=law enforcement; act=share; speaker=Metro Post; pub=2021-06-01; article=1; \
            span=100-200 | Acme gave detectives members' records without informing the members.",
            false,
        );
        check(
            warrant,
            "actor=Acme; cp=law enforcement; act=share; speaker=Metro Post; pub=2021-06-01; article=1; \
            span=100-200 | Acme gave detectives members' records without a warrant, court filings show.",
            true,
        );
        let consent = "pol=denial; actor=Acme; cp=law enforcement; act=share; scope=present; \
            rule=deny.only_with_consent; speaker=Acme; pub=2021-06-01; article=1; span=0-90 \
            | Officers can compare samples only with the profiles of members who opted in.";
        check(
            consent,
            "actor=Acme; cp=law enforcement; act=share; speaker=Metro Post; pub=2021-06-01; article=1; \
            span=100-200 | Acme gave detectives members' profiles without a court order.",
            false,
        );
        check(
            consent,
            "actor=Acme; cp=law enforcement; act=share; speaker=Metro Post; pub=2021-06-01; article=1; \
            span=100-200 | Detectives compared samples with profiles of members who had refused, against their wishes.",
            true,
        );
    }

    /// "has never" vouches for the past up to the day it was said; "never sells" is a standing
    /// rule and covers what came after.
    #[test]
    fn a_perfect_never_covers_the_past_only() {
        let perfect = "pol=denial; actor=Acme; cp=government; dt=contact_details; act=share; scope=always; \
            speaker=Acme; pub=2020-02-10; article=1 | We have never given any state agency our users' phone numbers.";
        let later = "actor=Acme; cp=government; dt=contact_details; act=share; start=2023; end=2023; \
            speaker=Open Ledger; pub=2024-01-15; article=2 \
            | In 2023 Acme turned over users' phone numbers to state agencies 400 times.";
        let earlier = "actor=Acme; cp=government; dt=contact_details; act=share; start=2018; end=2018; \
            speaker=Open Ledger; pub=2024-01-15; article=2 | In 2018 Acme turned over users' phone numbers to state agencies.";
        check(perfect, later, false);
        check(perfect, earlier, true);
        let standing = "pol=denial; actor=Acme; cp=government; dt=contact_details; act=share; scope=always; \
            speaker=Acme; pub=2020-02-10; article=1 | Acme never shares users' phone numbers with any state agency, its chief said.";
        check(standing, later, true);
        let promise = "pol=denial; actor=Acme; cp=government; dt=contact_details; act=share; scope=always; \
            speaker=Acme; pub=2020-02-10; article=1 | Acme has said it will never give any state agency its users' phone numbers.";
        check(promise, later, true);
    }

    /// Reports that report nothing done: none of the data, a plan, what a policy allows, the
    /// company's own denial.
    #[test]
    fn reports_of_nothing_done_are_no_reports() {
        let denial =
            "pol=denial; actor=Acme; cp=insurers; dt=location; act=share; scope=present; speaker=Acme; \
            pub=2022-05-02; article=1 | Acme does not pass drivers' trip logs to insurers.";
        let report = |sentence: &str| {
            format!("actor=Acme; cp=insurers; dt=location; act=share; speaker=Road Ledger; pub=2022-09-01; article=2 | {sentence}")
        };
        let cases = [
            (
                "Acme's transparency page says it handed zero records of trip data to insurers last year.",
                false,
            ),
            (
                "Acme rewrote its terms of service so that it may pass drivers' trip logs to insurers.",
                false,
            ),
            (
                "The new rules allow the company to send trip logs to insurers from January.",
                false,
            ),
            (
                "Drivers' trip logs will be transferred to two insurers under the deal.",
                false,
            ),
            (
                "Acme on Monday denied that it had sent any trip logs to insurers.",
                false,
            ),
            (
                "Acme says its trip logs can't be sold to insurers or anyone else.",
                false,
            ),
            // Reports of the practice itself.
            (
                "Acme passed drivers' trip logs to insurers for two years, the filing says.",
                true,
            ),
            ("Acme did not deny that it had sent trip logs to insurers.", true),
            (
                "Trip logs that drivers were told would be transferred were in fact sent to insurers in May.",
                true,
            ),
        ];
        for (sentence, linked) in cases {
            check(denial, &report(sentence), linked);
        }
    }

    /// A stake bought in a company is not its users' data sold; advertising aimed by the data
    /// is not the data handed over to the advertisers.
    #[test]
    fn stakes_and_targeting_are_not_handing_over() {
        let no_sale = "pol=denial; actor=Acme; dt=health; act=sell; scope=always; speaker=Acme; \
            pub=2024-03-01; article=1 | Acme says it has not once sold a customer's genetic results and never will.";
        check(
            no_sale,
            "actor=Acme; dt=health; act=sell; speaker=Market Wire; pub=2019-07-01; article=2 \
            | A drug maker bought a 15 percent stake in Acme and the right to study its genetic database.",
            false,
        );
        check(
            no_sale,
            "actor=Acme; dt=health; act=sell; speaker=Market Wire; pub=2019-07-01; article=2 \
            | Acme sold customers' genetic results to a drug maker, the filing says.",
            true,
        );
        let no_handing = "pol=denial; actor=Acme; cp=advertisers; dt=contact_details; act=share; scope=present; \
            speaker=Acme; pub=2017-04-01; article=1 | Acme does not hand shoppers' email addresses to advertisers.";
        check(
            no_handing,
            "actor=Acme; cp=advertisers; dt=contact_details; act=access; speaker=Ad Week Ledger; pub=2019-04-01; \
            article=2 | Acme let advertisers target shoppers using the email addresses they left for receipts.",
            false,
        );
        check(
            no_handing,
            "actor=Acme; cp=advertisers; dt=contact_details; act=share; speaker=Ad Week Ledger; pub=2019-04-01; \
            article=2 | Acme uploaded shoppers' email addresses to advertisers' systems each night.",
            true,
        );
    }

    /// A general assurance tied to another story only by a missing condition meets reports of
    /// practices that began within three years of it.
    #[test]
    fn a_condition_tie_across_stories_is_bounded_in_time() {
        let control =
            "pol=denial; actor=Acme; act=other; rule=deny.in_control; scope=present; speaker=Acme; \
            pub=2015-06-01; article=1 | Acme says people stay in charge of what it gathers about them.";
        let report = |year: &str| {
            format!(
                "actor=Acme; act=share; cp=data brokers; speaker=Tech Ledger; pub={year}-03-01; article=2 \
                | The firm passed people's purchase records to data brokers without asking them."
            )
        };
        check(control, &report("2017"), true);
        check(control, &report("2021"), false);
    }

    /// A purpose-limited denial: the users' own purchases are data, not money for it; the party
    /// the denial itself names is no other party.
    #[test]
    fn purchases_are_data_and_the_named_party_is_no_other() {
        let purpose = "pol=denial; actor=Acme; cp=Facebook; act=share; scope=present; speaker=Acme; \
            pub=2024-02-01; article=1; span=0-90 \
            | Acme said the details went to Meta only to measure how well its own ads worked.";
        check(
            purpose,
            "actor=Acme; cp=Facebook; dt=financial; act=share; speaker=North Wire; pub=2024-02-01; article=1; \
            span=100-200 | The chain sent Meta each shopper's hashed email and the items shoppers had bought.",
            false,
        );
        check(
            purpose,
            "actor=Acme; cp=Facebook; dt=financial; act=share; speaker=North Wire; pub=2024-02-01; article=1; \
            span=100-200 | The chain sent Meta each shopper's hashed email so that Meta could sell ads against it.",
            true,
        );
    }
}

/// Link recall rules written after the d197-d206 check; sentences written after the rules.
#[cfg(test)]
mod d197_recall_tests {
    use super::d157_tests::check;

    /// One story that sets a present-tense denial against a finding made a few months before
    /// it, with no end given to the practice: the denial answers the finding.
    #[test]
    fn a_denial_answering_an_earlier_finding_in_one_story() {
        let denial = "pol=denial; actor=Acme; dt=location; act=collect; scope=present; speaker=Dana Wu; \
            stated=2019-11-20; pub=2019-11-20; article=1; span=0-90 \
            | Ms Wu told senators that Acme gathers no location from phones whose owners switched tracking off.";
        let finding = |article: u8, extra: &str| {
            format!(
                "actor=Acme; dt=location; act=collect; speaker=Harbor Post; stated=2019-07; pub=2019-11-20; \
                article={article}; span=100-200{extra} \
                | In July, researchers showed that Acme went on logging where phones were after owners had switched tracking off."
            )
        };
        check(denial, &finding(1, ""), true);
        check(denial, &finding(2, ""), false);
        check(denial, &finding(1, "; end=2019-08"), false);
    }

    /// Ways a report says the condition of a denial was missing: the app closed, more than was
    /// needed, a party not authorised, no legal basis, a default. Across stories the missing
    /// condition is what ties the two, so the same report without it is not linked.
    #[test]
    fn more_ways_to_say_the_condition_was_missing() {
        let cases = [
            (
                "rule=deny.qualified.only_when; act=collect; dt=location \
                | The ride app reads a rider's position only while the app is in use.",
                "act=collect; dt=location | The ride app kept reading riders' positions even when they had closed it.",
            ),
            (
                "rule=deny.only_with_consent; act=collect \
                | The weather service takes only what it needs to show a forecast.",
                "act=collect | The weather service gathered far more information than a forecast app needs.",
            ),
            (
                "rule=deny.only_with_consent; act=access; cp=app developers; dt=private_messages \
                | Outside apps see a member's private notes only if that member allows it.",
                "act=access; cp=app developers; dt=private_messages \
                | A flaw sent members' private notes to app makers that were never authorized to see them.",
            ),
            (
                "rule=deny.in_control; act=other \
                | Members keep control over how their pictures are used, the network said.",
                "act=use; dt=posts_content | The network trained its model on members' pictures without a lawful basis.",
            ),
            (
                "rule=deny.in_control; act=other \
                | Members keep control over how their pictures are used, the network said.",
                "act=use; dt=posts_content | The network used members' pictures to train the model, sharing being the default for new accounts.",
            ),
        ];
        for (d, a) in cases {
            let (dfields, dsentence) = d.split_once('|').expect("fields | sentence");
            let (afields, asentence) = a.split_once('|').expect("fields | sentence");
            let denial = format!(
                "pol=denial; actor=Acme; scope=present; speaker=Acme; pub=2022-06-01; article=1; span=0-90; {dfields} | {dsentence}"
            );
            let report =
                format!("actor=Acme; speaker=City Desk; pub=2022-09-01; article=2; {afields} | {asentence}");
            check(&denial, &report, true);
            let plain = report.replace(
                asentence.trim(),
                "The service handled the data in the ordinary way.",
            );
            check(&denial, &plain, false);
        }
    }

    /// A promise reported as told to users at some earlier time ("told patients that it would
    /// not") is not dated by the article: a practice that ended before the article still
    /// answers it.
    #[test]
    fn a_promise_told_to_users_is_older_than_the_story() {
        let promise = "pol=denial; actor=Acme; dt=health; act=share; scope=present; rule=deny.qualified; \
            speaker=Federal Desk; pub=2024-04-12; article=1; span=0-90 \
            | Acme told its clients that it would not pass their health answers on without written consent.";
        check(
            promise,
            "actor=Acme; dt=health; act=share; cp=advertisers; start=2020; end=2022; speaker=Trade Regulator; \
            pub=2024-04-12; article=1; span=100-200 \
            | From 2020 to 2022 Acme passed clients' health answers to advertisers without their consent.",
            true,
        );
    }

    /// An upload that names no receiver went to the company's own servers: it is gathering, so
    /// it answers a denial of gathering and not one of sharing.
    #[test]
    fn an_upload_with_no_receiver_is_gathering() {
        let only = "pol=denial; actor=Acme; act=collect; scope=past; rule=deny.only_limit; speaker=Acme; \
            pub=2015-03-01; article=1; span=0-90 | Acme said the app took only the phone number each user typed in.";
        let upload =
            "actor=Acme; dt=contacts_friends; act=share; speaker=Trade Post; pub=2015-03-01; article=1; \
            span=100-200 | The app also uploaded every name and phone number in the phone's contact list.";
        check(only, upload, true);
        let no_sharing =
            "pol=denial; actor=Acme; act=share; scope=present; speaker=Acme; pub=2015-03-01; article=1; \
            span=0-90 | Acme does not share its users' contact lists.";
        check(no_sharing, upload, false);
        let to_partner = "actor=Acme; dt=contacts_friends; act=share; speaker=Trade Post; pub=2015-03-01; article=1; \
            span=100-200 | The app also uploaded every name in the phone's contact list to a marketing partner.";
        check(only, to_partner, false);
    }
}

/// Issue 5, links (fourth round): kinds of false and missed links read on all of dev and on
/// `d246`..`d255`, each tested in wordings other than the articles'.
#[cfg(test)]
mod links_round4_tests {
    use super::d157_tests::check;

    /// Data kept on the user's own device is not gathered by the company; data that leaves it
    /// is. Only reports of gathering or handing over: a company opening files on the device
    /// reaches them.
    #[test]
    fn data_kept_on_the_device_is_not_the_companys() {
        let denial = "pol=denial; actor=Acme; dt=location; act=collect; scope=always; pub=2015-03-02; \
            article=1; span=0-80 | Acme has never followed where its customers travel, the firm said.";
        let report = |tail: &str| {
            format!(
                "actor=Acme; dt=location; act=collect; speaker=Lab Notes; pub=2015-03-02; article=1; \
                span=100-200 | Researchers found that a log on the phones keeps months of positions {tail}"
            )
        };
        check(denial, &report("and is backed up to the owner's laptop."), false);
        check(
            denial,
            &report("and uploads it to Acme's servers every night."),
            true,
        );
        check(denial, &report("and copies it to the cloud."), true);
        let reach = "pol=denial; actor=Acme; dt=posts_content; act=access; scope=present; pub=2024-03-01; \
            article=1; span=0-60 | Acme cannot open the drawings artists keep on their own laptops.";
        check(
            reach,
            "actor=Acme; dt=posts_content; act=access; speaker=Lab Notes; pub=2024-03-01; article=1; \
            span=100-200 | Acme's tool opened drawings saved on artists' laptops.",
            true,
        );
        // A denial about what users keep on their machines is not about what is in the cloud.
        check(
            reach,
            "actor=Acme; dt=posts_content; act=access; speaker=Lab Notes; pub=2024-03-01; article=1; \
            span=100-200 | Acme's staff open drawings uploaded to its cloud when a filter flags them.",
            false,
        );
    }

    /// An assurance that the data stays on the device is answered by data sent to the company;
    /// a denial that others reach the data is not (the company keeping it is no one else).
    #[test]
    fn staying_on_the_device_against_data_sent_home() {
        let report = "actor=Acme; dt=recordings; act=share; speaker=Lab Notes; pub=2021-05-10; article=1; \
            span=100-200 | A researcher showed that the doorbells upload each clip to the company's servers.";
        let stays = "pol=denial; actor=Acme; dt=recordings; act=access; scope=present; pub=2021-05-10; \
            article=1; span=0-90 | Acme says no one can reach the clips its doorbells record because they stay on the device in your home.";
        let no_one = "pol=denial; actor=Acme; dt=recordings; act=access; scope=present; pub=2021-05-10; \
            article=1; span=0-90 | Acme says no one but the owner can reach the clips its doorbells record.";
        check(stays, report, true);
        check(no_one, report, false);
    }

    /// A denial of one purpose is not contradicted by the data used for another; a report of
    /// the same purpose, or of none, still contradicts it, and a sole purpose stated is
    /// contradicted by any other.
    #[test]
    fn purposes_are_compared() {
        let denial = "pol=denial; actor=Acme; dt=posts_content; act=use; scope=present; pub=2024-03-01; \
            article=1; span=0-60 | Acme does not use the documents people store with it to train its chatbot.";
        let report = |s: &str| {
            format!(
                "actor=Acme; dt=posts_content; act=use; speaker=Lab Notes; pub=2024-03-01; article=1; \
                span=100-200 | {s}"
            )
        };
        check(
            denial,
            &report("Acme's software reads stored documents to build search results and previews."),
            false,
        );
        check(
            denial,
            &report("Acme checks stored documents for malware and illegal material."),
            false,
        );
        check(
            denial,
            &report("Acme used the stored documents to target ads at their owners."),
            false,
        );
        check(
            denial,
            &report("Acme used stored documents to train the chatbot, an engineer said."),
            true,
        );
        check(
            denial,
            &report("Acme mined the stored documents, an engineer said."),
            true,
        );
        let sole = "pol=denial; actor=Acme; dt=device_identifiers; act=use; scope=present; pub=2024-03-01; \
            article=1; span=0-60 | The login cookies are used only to keep accounts safe.";
        check(
            sole,
            "actor=Acme; dt=device_identifiers; act=use; speaker=Lab Notes; pub=2024-03-01; article=1; \
            span=100-200 | Acme used the login cookies to choose which ads people see.",
            true,
        );
    }

    /// A denial that concedes the practice in a relative clause denies something else: a report
    /// of the conceded practice does not contradict it, a report of what it denies does.
    #[test]
    fn a_denial_conceding_the_practice() {
        let denial = "pol=denial; actor=Acme; dt=personal_data; act=access; cp=contractors; scope=present; \
            pub=2019-05-01; article=1; span=0-90 \
            | Contractors never learn the names of the users whose voice commands they transcribe.";
        check(
            denial,
            "actor=Acme; dt=recordings; act=access; cp=contractors; speaker=Lab Notes; pub=2019-05-01; \
            article=1; span=100-200 | Contractors in three countries listen to voice commands to improve the assistant.",
            false,
        );
        check(
            denial,
            "actor=Acme; dt=profile_identity; act=access; cp=contractors; speaker=Lab Notes; pub=2019-05-01; \
            article=1; span=100-200 | Contractors could see the account names attached to each request.",
            true,
        );
    }

    /// Units made for testing are not the products customers bought.
    #[test]
    fn test_units_are_not_the_customers_products() {
        let denial = "pol=denial; actor=Acme; dt=recordings; act=share; cp=third parties; scope=present; \
            pub=2018-02-01; article=1; span=0-80 | Acme does not pass the camera images its vacuums take to other firms.";
        let report = |s: &str| {
            format!(
                "actor=Acme; dt=recordings; act=share; cp=Labelworks; speaker=Lab Notes; pub=2019-06-01; \
                article=2; span=0-100 | {s}"
            )
        };
        check(
            denial,
            &report("Images from prototype vacuums used in staff homes went to Labelworks."),
            false,
        );
        check(
            denial,
            &report("Images from vacuums sold in shops went to Labelworks."),
            true,
        );
    }

    /// A denial that concedes handing the data over for one purpose, without naming the
    /// receiver, is not answered by a report naming the receiver; a sale still answers it.
    #[test]
    fn a_sole_purpose_with_no_receiver() {
        let denial = "pol=denial; actor=Acme; dt=financial; act=share; scope=present; pub=2022-01-01; \
            article=1; span=0-80 | Acme said order details went out only to help it count the sales its campaigns bring.";
        check(
            denial,
            "actor=Acme; dt=financial; act=share; cp=Facebook; speaker=Lab Notes; pub=2022-01-01; article=1; \
            span=100-200 | The retailer passed order details to Facebook at the checkout.",
            false,
        );
        check(
            denial,
            "actor=Acme; dt=financial; act=sell; cp=Facebook; speaker=Lab Notes; pub=2022-01-01; article=1; \
            span=100-200 | The retailer sold order details to Facebook.",
            true,
        );
    }

    /// Data passed among the company's own people has not left it.
    #[test]
    fn staff_named_only_in_the_report() {
        let denial = "pol=denial; actor=Acme; dt=recordings; act=other; rule=deny.in_control; scope=present; \
            pub=2023-05-01; article=1; span=0-70 | Acme says drivers decide who sees what their car cameras film.";
        check(
            denial,
            "actor=Acme; dt=recordings; act=share; speaker=Lab Notes; pub=2023-05-01; article=1; span=100-200 \
            | Former workers said Acme let its engineers swap clips from customers' cars in a group chat.",
            false,
        );
        check(
            denial,
            "actor=Acme; dt=recordings; act=share; cp=an insurer; speaker=Lab Notes; pub=2023-05-01; article=1; \
            span=100-200 | Former workers said Acme let an insurer view clips from customers' cars.",
            true,
        );
    }

    /// Ties that name no episode hold for three years; a name both sentences give ties at any
    /// distance.
    #[test]
    fn distant_ties() {
        let denial =
            "pol=denial; actor=Acme; act=sell; scope=present; speaker=Acme; pub=2012-06-01; article=1; \
            span=0-50 | Acme does not sell what it learns about its members.";
        let sale = |published: &str| {
            format!(
                "actor=Acme; act=sell; cp=Brokerly; speaker=Lab Notes; pub={published}; article=2; span=0-80 \
                | Acme sold members' records to Brokerly, the filing says."
            )
        };
        check(denial, &sale("2013-09-01"), true);
        check(denial, &sale("2016-09-01"), false);
        let named =
            "pol=denial; actor=Acme; act=sell; scope=present; speaker=Acme; pub=2012-06-01; article=1; \
            span=0-50 | Acme does not sell what its Pulse app learns about members.";
        check(
            named,
            "actor=Acme; act=sell; cp=Brokerly; speaker=Lab Notes; pub=2016-09-01; article=2; span=0-80 \
            | Acme sold Pulse app records to Brokerly, the filing says.",
            true,
        );
    }

    /// A denial limited to the members of one place, named after them.
    #[test]
    fn members_in_a_place() {
        let denial = "pol=denial; actor=Acme; act=use; dt=posts_content; scope=present; pub=2024-09-19; \
            article=1; span=0-80 | Acme does not use posts by members in the European Union to train its models.";
        let report = |s: &str| {
            format!(
                "actor=Acme; act=use; dt=posts_content; speaker=Lab Notes; pub=2024-09-19; article=1; \
                span=100-200 | {s}"
            )
        };
        check(
            denial,
            &report("Acme has been using posts by members in Canada to train its models."),
            false,
        );
        check(
            denial,
            &report("Acme has been using posts by European members to train its models."),
            true,
        );
    }

    /// One story: a present-tense denial answers a finding dated at one point a few months
    /// before it, unless the finding says the practice ended.
    #[test]
    fn a_finding_dated_at_one_point_in_one_story() {
        let denial =
            "pol=denial; actor=Acme; dt=device_identifiers; act=collect; scope=present; speaker=Acme; \
            stated=2019-10-10; pub=2019-10-10; article=1; span=0-80 \
            | Acme says its phones gather no identifiers from owners who chose the basic setting.";
        let finding = |extra: &str, s: &str| {
            format!(
                "actor=Acme; dt=device_identifiers; act=collect; speaker=Lab Notes; pub=2019-10-10; \
                article=1; span=100-200; start=2019-06; end=2019-06{extra} | {s}"
            )
        };
        check(
            denial,
            &finding(
                "",
                "In June the regulator's tests found the phones gathering identifiers from such owners.",
            ),
            true,
        );
        check(
            denial,
            &finding(
                "",
                "The phones gathered identifiers from such owners until June, the regulator found.",
            ),
            false,
        );
    }
}

/// Rules of the sixth links round of issue 5 (sentences written after the rules, in other
/// words than the articles that prompted them).
#[cfg(test)]
mod links_round6_tests {
    use super::d157_tests::check;

    /// A purpose read in another clause than the one of the denial's action does not limit
    /// the denial: the sharing denied is not "for training" because a contract in the next
    /// clause speaks of training.
    #[test]
    fn purpose_of_another_clause_does_not_limit_the_denial() {
        let report = "actor=Acme; dt=profile_identity; act=share; cp=Modelworks; speaker=Privacy Watch; \
            pub=2025-03-02; article=1; span=200-300 \
            | The app passes members' profile answers to Modelworks to power its greeting feature, the group said.";
        let denials = [
            // The training is the contract's, in a clause of its own.
            "Acme said it does not give members' private details to Modelworks, and that its contract \
            bars Modelworks from using them to train models.",
            "Members' private details are never handed to Modelworks; a contract also forbids it to \
            train its systems on them, Acme said.",
            "Acme has not passed sensitive member data to Modelworks, while its deal with the \
            vendor keeps it from training on anything it sees.",
        ];
        for d in denials {
            let d = format!(
                "pol=denial; actor=Acme; act=share; cp=Modelworks; scope=present; speaker=Acme; \
                pub=2025-03-02; article=1; span=0-150 | {d}"
            );
            check(&d, report, true);
        }
        // Near misses: the purpose is the denied sharing's own, and the report names another.
        let own_purpose = [
            "Acme does not give members' details to Modelworks to train its models.",
            "Acme said member profiles are not passed to Modelworks for training its systems.",
            "Acme says it never passes member data to Modelworks so the vendor can train models.",
        ];
        for d in own_purpose {
            let d = format!(
                "pol=denial; actor=Acme; act=share; cp=Modelworks; scope=present; speaker=Acme; \
                pub=2025-03-02; article=1; span=0-150 | {d}"
            );
            check(&d, report, false);
        }
    }

    /// A name both claims' headlines give ties them at any distance only when the report also
    /// names what the denial's own sentence names: years apart, a product in both headlines is
    /// not one episode when the denial speaks of another feature.
    #[test]
    fn a_shared_product_years_apart_needs_the_denials_feature() {
        let denial = |s: &str| {
            format!(
                "pol=denial; actor=Acme; dt=private_messages; act=access; scope=present; speaker=Acme; \
                pub=2012-05-02; article=1; span=0-90; title=Regulator settles charges over Chatter and Mailbox users \
                | {s}"
            )
        };
        let report = |pub_: &str, s: &str| {
            format!(
                "actor=Acme; dt=private_messages; act=access; cp=app developers; speaker=Ledger; \
                pub={pub_}; article=2; span=0-90; title=Outside apps still read Mailbox inboxes | {s}"
            )
        };
        let denials = [
            "Acme says the text of members' mail is not exposed by Chatter.",
            "The company said Chatter does not reveal what people write in their mail.",
            "Acme insisted that no one can read the mail through Chatter.",
        ];
        for d in denials {
            // Seven years later, about another feature: not one episode.
            check(
                &denial(d),
                &report(
                    "2019-07-02",
                    "Outside developers read the inboxes of Mailbox users, the paper found.",
                ),
                false,
            );
            // A year later the shared product still ties them.
            check(
                &denial(d),
                &report(
                    "2013-05-02",
                    "Outside developers read the inboxes of Mailbox users, the paper found.",
                ),
                true,
            );
            // Years later, a report naming the denial's own feature is tied to it.
            check(
                &denial(d),
                &report(
                    "2019-07-02",
                    "Outside developers read mail shown in Chatter, the paper found.",
                ),
                true,
            );
        }
    }

    /// Where a report sends the data, read in one place (`destinations`): the company itself,
    /// its storage when no one else is named, or one of its own names.
    #[test]
    fn data_sent_to_the_company_itself() {
        use super::tests::rec_pub as rec;
        let home = |cp: &str, s: &str| {
            let r = rec(&format!("actor=Acme{cp} | {s}"));
            super::sent_home(&r.claim)
        };
        let cases = [
            ("", "The app kept sending the company a log of every tap.", true),
            (
                "",
                "The doorbell uploads each clip to Acme's cloud servers overnight.",
                true,
            ),
            ("", "Each clip is copied into its own cloud within seconds.", true),
            (
                "",
                "The watch phones home with the wearer's position every hour.",
                true,
            ),
            (
                "",
                "The toy sent recordings to a vendor and back to the company.",
                true,
            ),
            (
                "",
                "The tracker sends Acme a list of the apps on the phone.",
                true,
            ),
            (
                "",
                "The tracker transmitted the list of apps to Acme every night.",
                true,
            ),
            // Someone else's storage or another receiver is not home.
            (
                "",
                "The doorbell uploads each clip to Zenith's cloud servers overnight.",
                false,
            ),
            (
                "",
                "The tracker sends advertisers a list of the apps on the phone.",
                false,
            ),
            (
                "; cp=partners",
                "The toy sent recordings to its partners' cloud.",
                false,
            ),
            (
                "; cp=partners",
                "The toy sent recordings to the cloud of a partner.",
                false,
            ),
            // The company's storage named beside another receiver is still sent home.
            (
                "; cp=partners",
                "The toy sent recordings to partners and to the company's servers.",
                true,
            ),
            // Passing, reporting or copying to a company named is handing over (a service of
            // the group passing data to its parent); back to "the company" is still home.
            (
                "",
                "The messaging app passes each member's number to Acme.",
                false,
            ),
            (
                "",
                "The band reported the readings back to the company every hour.",
                true,
            ),
            // Nothing sent.
            ("", "Acme keeps a copy of the recordings.", false),
        ];
        for (cp, s, expected) in cases {
            assert_eq!(home(cp, s), expected, "{s}");
        }
    }

    /// A deletion denies keeping, whichever rule read it: a report that the data was kept
    /// contradicts it, one that it was gathered or taken before does not.
    #[test]
    fn a_deletion_is_answered_only_by_data_kept() {
        let denials = [
            "pol=denial; actor=Acme; act=collect; rule=deny.negation; scope=present; speaker=Acme; pub=2025-01-08; article=1; span=0-60 | Acme said it had been told the stolen files were destroyed.",
            "pol=denial; actor=Acme; act=other; rule=deny.deleted; scope=present; speaker=Acme; pub=2025-01-08; article=1; span=0-60 | The copy was wiped once the ransom was handed over, Acme said.",
            "pol=denial; actor=Acme; act=collect; rule=deny.present_negation; scope=present; speaker=Acme; pub=2025-01-08; article=1; span=0-60 | Acme said the recordings were erased after the review and are gone.",
        ];
        let report = |s: &str| {
            format!("actor=Acme; act=collect; speaker=Daily Ledger; pub=2025-01-08; article=1; span=100-200 | {s}")
        };
        let kept = [
            "Investigators say a copy of the files is still held by the intruder's group.",
            "The recordings were never deleted, two former staff members said.",
            "Months after they were said to be wiped, the files remained on a server the company rents.",
            "Acme retained the data for two years after customers asked for its deletion.",
        ];
        let not_kept = [
            "Acme gathered the files from schools across the state.",
            // Other data kept: not what was deleted.
            "Acme kept the profiles of members who had only paused their accounts.",
            "Acme collected the recordings during the pilot, the filing says.",
        ];
        for d in denials {
            for a in kept {
                check(d, &report(a), true);
            }
            for a in not_kept {
                check(d, &report(a), false);
            }
        }
        // A denial of gathering with no word of deletion is still answered by a gathering.
        check(
            "pol=denial; actor=Acme; act=collect; rule=deny.present_negation; scope=present; speaker=Acme; pub=2025-01-08; article=1; span=0-60 | Acme does not gather pupils' files.",
            &report("Acme gathered the files from schools across the state."),
            true,
        );
    }

    /// Following people about is tracking them, whichever action the report was read as; a
    /// report without such a verb, or a denial of collecting that names none, is left to the
    /// action rule.
    #[test]
    fn following_people_is_tracking_them() {
        let denial = |s: &str| {
            format!(
                "pol=denial; actor=Acme; dt=location; act=collect; scope=present; speaker=Acme; \
                pub=2016-04-04; article=1; span=0-80 | {s}"
            )
        };
        let report = |act: &str, s: &str| {
            format!(
                "actor=Acme; dt=location; act={act}; speaker=Ledger; pub=2016-04-04; article=1; \
                span=100-200 | {s}"
            )
        };
        let denials = [
            "Acme says it does not track its riders.",
            "We never follow our members around, the company said.",
            "Acme insisted that it was not monitoring where customers go.",
        ];
        let reports = [
            (
                "use",
                "Staff used the phones' signal data to follow riders who had switched location off.",
            ),
            (
                "access",
                "The chief executive said the company watches where its members drive after a film.",
            ),
            (
                "access",
                "Engineers traced individual customers from home to work, the memo shows.",
            ),
        ];
        for d in denials {
            for (act, a) in reports {
                check(&denial(d), &report(act, a), true);
            }
            // Near misses: no verb of following people in the report.
            check(
                &denial(d),
                &report("access", "Staff looked up the trip records of a reporter."),
                false,
            );
            check(
                &denial(d),
                &report("use", "The app followed the instructions of users in the test."),
                false,
            );
        }
        // A denial of collecting that follows no one is not answered by a report of access.
        check(
            &denial("Acme does not collect location data from its app."),
            &report(
                "access",
                "Engineers traced individual customers from home to work, the memo shows.",
            ),
            false,
        );
    }

    /// Data said to be put to a use answers a denial of that use, whichever verb of gathering
    /// or looking the report was read by; the purposes must still agree.
    #[test]
    fn data_put_to_a_use_answers_a_denial_of_use() {
        let denial = |s: &str| {
            format!(
                "pol=denial; actor=Acme; dt=health; act=use; scope=present; speaker=Acme; \
                pub=2021-02-02; article=1; span=0-80 | {s}"
            )
        };
        let report = |act: &str, s: &str| {
            format!(
                "actor=Acme; dt=health; act={act}; speaker=Ledger; pub=2021-02-02; article=1; \
                span=100-200 | {s}"
            )
        };
        let denials = [
            "Acme does not use patients' session notes for advertising.",
            "Session notes are never used to target ads, Acme said.",
            "Acme said the health records it holds are never used for marketing.",
        ];
        for d in denials {
            check(
                &denial(d),
                &report(
                    "collect",
                    "Notes gathered in sessions were used to pick which ads patients see.",
                ),
                true,
            );
            check(
                &denial(d),
                &report(
                    "access",
                    "Acme mined the session notes for marketing phrases, former staff said.",
                ),
                true,
            );
            // Near misses: gathering alone, or another purpose.
            check(
                &denial(d),
                &report(
                    "collect",
                    "Acme gathered session notes from thousands of patients.",
                ),
                false,
            );
            check(
                &denial(d),
                &report(
                    "collect",
                    "Session notes were used to train a triage model, staff said.",
                ),
                false,
            );
        }
    }

    /// A sentence with two keepings, one of them of other data, does not say which its claim is.
    #[test]
    fn two_keepings_one_not_after_a_deletion() {
        let denial = "pol=denial; actor=Acme; act=other; rule=deny.deleted; scope=present; speaker=Acme; \
            pub=2016-01-10; article=1; span=0-60 | Acme said the paid removal erased everything.";
        let report = |s: &str| {
            format!("actor=Acme; act=collect; speaker=Ledger; pub=2016-01-10; article=1; span=100-300 | {s}")
        };
        check(
            denial,
            &report(
                "The audit found the company still held some records after a paid removal, and that it kept \
                the accounts of members who had merely paused them.",
            ),
            false,
        );
        check(
            denial,
            &report(
                "The audit found the company still held some records after members paid for their erasure.",
            ),
            true,
        );
        check(
            denial,
            &report("Records were kept for a year after the deletion, and copies were retained after erasure too."),
            true,
        );
    }
}

/// Rules of the links3 round: the company's own tracking is not sharing, and a denial
/// conditioned on a state is answered only by a report of acting outside it (sentences written
/// after the rules).
#[cfg(test)]
mod links3_tests {
    use super::d157_tests::check;

    /// A report of the company watching its users, with no handing over, does not answer a
    /// denial of sharing or selling, whatever action it was read as.
    #[test]
    fn the_companys_own_tracking_does_not_answer_a_denial_of_sharing() {
        let denials = [
            "pol=denial; actor=Acme; act=share; scope=present; speaker=Acme; pub=2021-03-02; article=1; \
            span=0-90 | Acme said it never shares what it learns about its readers with anyone.",
            "pol=denial; actor=Acme; act=sell; scope=present; speaker=Acme; pub=2021-03-02; article=1; \
            span=0-90 | The company does not sell information about the people who read its mail, Acme said.",
        ];
        let report = |s: &str| {
            format!(
                "actor=Acme; act=share; speaker=Privacy Watch; pub=2021-03-02; article=1; span=200-300 | {s}"
            )
        };
        let own = [
            "The newsletter tool logs when each subscriber opens a message, the researchers found.",
            "Acme records where readers are when they open the emails people send with it.",
            "Every invitation carries a tag that notes which device the guest used, a researcher wrote.",
            "Acme keeps a record of how long each reader spends on a page, the audit says.",
            "The service monitors which links recipients click, according to the study.",
        ];
        for d in denials {
            for s in own {
                check(d, &report(s), false);
            }
        }
        // Near misses: the tracking is handed over, or the report names no tracking at all.
        let handed = [
            "Acme logs when each subscriber opens a message and sends those logs to advertisers, the researchers found.",
            "Acme tracks which stories people read and sells the lists to marketers, the audit says.",
            "Acme passes readers' open times to its ad partners, the researchers found.",
        ];
        for s in handed {
            check(denials[0], &report(s), true);
        }
    }

    /// A denial conditioned on a state of the product or an act of the user ("only while the
    /// app is open", "only when the wearer presses the button", "when riders check in") is
    /// answered only by a report that the practice went on outside that state.
    #[test]
    fn a_denial_conditioned_on_a_state_needs_a_report_of_acting_outside_it() {
        let denial = |s: &str| {
            format!(
                "pol=denial; actor=Acme; dt=location; act=collect; rule=deny.qualified.only_when; scope=present; \
                speaker=Acme; pub=2022-06-01; article=1; span=0-90 | {s}"
            )
        };
        let report = |s: &str| {
            format!(
                "actor=Acme; dt=location; act=collect; speaker=Privacy Watch; pub=2022-06-01; article=1; \
                span=200-300 | {s}"
            )
        };
        let denials = [
            "Acme said the app reads a phone's position only while the app is open on screen.",
            "The tracker only logs a position when the wearer presses its button, Acme said.",
            "Location is gathered only when riders check in at a station, the company said.",
            "Acme says the map uses your position only as long as the program is running.",
        ];
        let outside = [
            "The researchers found the app kept reading positions in the background for hours.",
            "Logs showed the software gathering location even after users had closed it.",
            "The analysis showed positions being taken around the clock.",
            "The device logged where its wearer went without anyone pressing the button, tests showed.",
            "Its location was still collected when the app was not in use, the regulator said.",
        ];
        let inside = [
            "The app collected precise location data from riders without their consent, the regulator said.",
            "The app gathered location data from its riders, the regulator said.",
            "Acme collected riders' positions and kept them for a year, the filing says.",
            "The regulator said the app secretly collected the precise location of its users.",
        ];
        for d in denials {
            for s in outside {
                check(&denial(d), &report(s), true);
            }
            for s in inside {
                check(&denial(d), &report(s), false);
            }
        }
        // A condition of the users' say beside the state stays one: consent missing answers it.
        check(
            &denial("Acme said it collects position data only with the user's permission and while the app is open."),
            &report(inside[0]),
            true,
        );
    }
}
