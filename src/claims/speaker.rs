//! Who makes a statement: quote spans and their attributions, sentence attributions ("X said",
//! "according to X", "testimony by X that"), and resolution of names, pronouns and descriptive
//! references ("the streaming service") to lexicon companies and people.

use super::rules::Ctx;
use super::Ent;

/// A resolved speaker: the name to record, and the lexicon company "we" means in their mouth.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Speaker {
    pub name: String,
    pub company: Option<usize>,
    /// The company is the speaker's own employer, read from their name ("an NSO executive") or
    /// role ("Oren Jacob, ToyTalk's chief executive"), not guessed from the company named last.
    pub by_role: bool,
}

/// Byte spans `[open, close)` of quotations: “…” pairs, and straight double quotes paired in
/// order. A quote still open at a line break ends there.
pub(crate) fn find_quotes(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    // Only `"`, a line break and the lead bytes of “ ” „ (0xE2) and « » (0xC2) can start a
    // character that matters: the bytes are scanned, and a character decoded only there (a lead
    // byte is always at a character boundary).
    // Without « » (lead byte 0xC2) in the text, memchr finds the other three bytes.
    let bytes = text.as_bytes();
    let all: Box<dyn Iterator<Item = usize>> = if memchr::memchr(0xC2, bytes).is_none() {
        Box::new(memchr::memchr3_iter(b'"', b'\n', 0xE2, bytes))
    } else {
        Box::new((0..bytes.len()).filter(|&i| matches!(bytes[i], b'"' | b'\n' | 0xE2 | 0xC2)))
    };
    for i in all {
        let Some(c) = text[i..].chars().next() else {
            continue;
        };
        match c {
            '“' | '«' | '„' => {
                if let Some(o) = open.take() {
                    out.push((o, i));
                }
                open = Some(i);
            }
            '”' | '»' => {
                if let Some(o) = open.take() {
                    out.push((o, i + c.len_utf8()));
                }
            }
            '"' => match open.take() {
                Some(o) => out.push((o, i + 1)),
                None => open = Some(i),
            },
            '\n' => {
                if let Some(o) = open.take() {
                    out.push((o, i));
                }
            }
            _ => {}
        }
    }
    if let Some(o) = open {
        out.push((o, text.len()));
    }
    out
}

impl Ctx<'_> {
    pub(crate) fn quote_at(&self, pos: usize) -> Option<usize> {
        let i = self.quotes.partition_point(|q| q.0 <= pos);
        (i > 0 && pos < self.quotes[i - 1].1).then(|| i - 1)
    }

    fn in_quote(&self, pos: usize) -> bool {
        self.quote_at(pos).is_some()
    }

    /// The sentence containing byte `pos` (or the one after it).
    fn sentence_of(&self, pos: usize) -> (usize, usize) {
        let i = self.sentences.partition_point(|s| s.1 <= pos);
        self.sentences.get(i).copied().unwrap_or((pos, pos))
    }

    /// The speaker of the quote `qi`: its own attribution, else that of a neighbouring quote in the
    /// same paragraph (a quote split across sentences).
    pub(crate) fn quote_speaker(&mut self, qi: usize) -> Option<Speaker> {
        if let Some(s) = &self.quote_speakers[qi] {
            return s.clone();
        }
        let own = self.quote_own_speaker(qi);
        let s = own.or_else(|| {
            // Backwards through a chain of adjacent quotes, then one step forwards.
            let mut j = qi;
            while j > 0 && self.adjacent(j - 1, j) {
                if let Some(s) = self.quote_own_speaker(j - 1) {
                    return Some(s);
                }
                j -= 1;
            }
            if qi + 1 < self.quotes.len() && self.adjacent(qi, qi + 1) {
                return self.quote_own_speaker(qi + 1);
            }
            None
        });
        let s = match s {
            Some(s) => Some(s),
            None => self.introduced_before_quote(qi),
        };
        self.quote_speakers[qi] = Some(s.clone());
        s
    }

    /// The speaker of a quote that opens its sentence with no attribution of its own, when the
    /// sentence before it in the paragraph introduces someone with a company role ("Oren Jacob,
    /// ToyTalk's chief executive, defended the doll. “We do not sell ...”").
    fn introduced_before_quote(&mut self, qi: usize) -> Option<Speaker> {
        let open = self.quotes[qi].0;
        let si = self.sentences.partition_point(|s| s.1 <= open);
        let (ss, _) = *self.sentences.get(si)?;
        if si == 0 || !self.text[ss.min(open)..open].trim().is_empty() {
            return None;
        }
        let (ps, pe) = self.sentences[si - 1];
        if self.text[pe.min(open)..open].contains('\n') {
            return None;
        }
        if let Some(sp) = self.sentence_speaker(si - 1).filter(|s| s.by_role) {
            return Some(sp);
        }
        let names: Vec<(usize, usize)> = FULL_NAME
            .find_iter(&self.text[ps..pe])
            .map(|m| (ps + m.start(), ps + m.end()))
            .filter(|&(s, _)| !self.in_quote(s))
            .collect();
        names.into_iter().rev().find_map(|(s, e)| {
            let c = self.role_company(s, e)?;
            Some(Speaker {
                name: self.text[s..e].to_string(),
                company: Some(c),
                by_role: true,
            })
        })
    }

    fn adjacent(&self, a: usize, b: usize) -> bool {
        let (end_a, start_b) = (self.quotes[a].1, self.quotes[b].0);
        start_b >= end_a && start_b - end_a <= 300 && !self.text[end_a..start_b].contains('\n')
    }

    fn quote_own_speaker(&self, qi: usize) -> Option<Speaker> {
        let (open, close) = self.quotes[qi];
        let text = self.text;
        // After the quote: to the end of its sentence, or the next quote.
        let (_, s_end) = self.sentence_of(close.saturating_sub(1));
        let mut tail_end = s_end.max(close).min(text.len());
        if let Some(next) = self.quotes.get(qi + 1) {
            tail_end = tail_end.min(next.0.max(close));
        }
        let tail = &text[close..tail_end];
        if let Some(c) = self.ex.re.quote_tail.captures(tail) {
            if let Some(m) = c.name("name").or_else(|| c.name("name2")) {
                if let Some(s) = self.resolve_name(close + m.start, close + m.end) {
                    return Some(s);
                }
            }
        }
        // Before the quote, in the same sentence: `Netflix said in a statement: “…”`.
        let (s_start, _) = self.sentence_of(open);
        let head_start = if qi > 0 {
            s_start.max(self.quotes[qi - 1].1)
        } else {
            s_start
        };
        if head_start < open {
            let head = &text[head_start..open];
            // Without a speech verb the pattern cannot match: its automaton is not run.
            let gated = self.ex.re.speech_gate.is_match(head);
            debug_assert!(gated || !self.ex.re.quote_head.is_match(head));
            let caps = if gated {
                self.ex.re.quote_head.captures(head)
            } else {
                None
            };
            if let Some(c) = caps {
                if let Some(m) = c.name("name") {
                    return self.resolve_name(head_start + m.start, head_start + m.end);
                }
            }
        }
        None
    }

    /// The party a sentence attributes its (unquoted) content to, if any.
    pub(crate) fn sentence_speaker(&mut self, si: usize) -> Option<Speaker> {
        if let Some(s) = &self.sentence_speakers[si] {
            return s.clone();
        }
        let (ss, se) = self.sentences[si];
        let s = &self.text[ss..se];
        let mut found = None;
        let re = &self.ex.re;
        'outer: for (rx, gate, groups) in [
            (&re.attrib_noun, &re.attrib_noun_gate, &["name", "name2"][..]),
            (&re.attrib_before, &re.speech_gate, &["name"][..]),
            (&re.attrib_after, &re.attrib_after_gate, &["name"][..]),
        ] {
            // Without the words the pattern needs it cannot match: its automaton is not run.
            if !gate.is_match(s) {
                debug_assert!(!rx.is_match(s), "a speaker prefilter misses {s:?}");
                continue;
            }
            for c in rx.captures_iter(s) {
                for g in groups {
                    if let Some(m) = c.name(g) {
                        if self.in_quote(ss + m.start) {
                            continue;
                        }
                        if let Some(sp) = self.resolve_name(ss + m.start, ss + m.end) {
                            found = Some(sp);
                            break 'outer;
                        }
                    }
                }
            }
        }
        self.sentence_speakers[si] = Some(found.clone());
        found
    }

    /// The first reporting source the article cites ("The New York Times reported"), for hedged
    /// sentences that do not name theirs.
    pub(crate) fn report_source(&mut self) -> Option<String> {
        if let Some(r) = &self.report_source {
            return r.clone();
        }
        let mut found = None;
        // Only a match whose last word is a report verb counts: without one of those words in
        // the text, the whole-text search is not run.
        let bytes = self.text.as_bytes();
        if !REPORT_VERB_FINDERS.iter().any(|f| f.find(bytes).is_some()) {
            self.report_source = Some(None);
            return None;
        }
        // The matches are found without their groups (the lazy DFA alone); the name group is
        // read only for a match ending in a report verb. `captures_at` from a match's start finds
        // that same match again, so this reads exactly what `captures_iter` would.
        for whole in self.ex.re.attrib_before.find_iter(self.text) {
            let verb = whole.as_str().rsplit(char::is_whitespace).next().unwrap_or("");
            if !self.ex.re.report_verb.is_match(verb) {
                continue;
            }
            let Some(m) = self
                .ex
                .re
                .attrib_before
                .captures_at(self.text, whole.start())
                .and_then(|c| c.name("name"))
            else {
                continue;
            };
            if self.in_quote(m.start) {
                continue;
            }
            if let Some(sp) = self.resolve_name(m.start, m.end) {
                if sp.company.is_none() {
                    found = Some(sp.name);
                    break;
                }
            }
        }
        self.report_source = Some(found.clone());
        found
    }

    /// Resolves the name-like text at `[start, end)`: a lexicon person or company inside it, a
    /// descriptive reference or pronoun, or else a capitalised name taken as written.
    pub(crate) fn resolve_name(&self, start: usize, end: usize) -> Option<Speaker> {
        let mut raw = self.text[start..end].trim();
        if !ABBREVIATED_SUFFIXES.iter().any(|a| raw.ends_with(a)) {
            raw = raw.trim_end_matches(['.', ',', '’', '\'']);
        }
        let ents = super::matcher::within(&self.ents, start, end);
        if let Some(h) = ents.iter().find(|h| matches!(h.val, Ent::Person(_))) {
            if let Ent::Person(p) = h.val {
                let (name, company) = &self.ex.people[p];
                return Some(Speaker {
                    name: name.clone(),
                    company: *company,
                    by_role: false,
                });
            }
        }
        if let Some(Ent::Company(c)) = ents.iter().map(|h| h.val).find(|v| matches!(v, Ent::Company(_))) {
            // "An NSO executive", "a spokeswoman for Twitter": the company's own voice; not "a
            // Reuters reporter", whose "we" is the newsroom.
            return Some(Speaker {
                name: self.company_name(c),
                company: Some(c),
                by_role: !NOT_COMPANY_VOICE.is_match(raw),
            });
        }
        let lower = raw.to_lowercase();
        match lower.as_str() {
            "we" => return None,
            "it" | "they" => {
                return self.recent_company(start).map(|c| Speaker {
                    name: self.company_name(c),
                    company: Some(c),
                    by_role: false,
                })
            }
            "he" | "she" => return self.recent_person(start),
            _ => {}
        }
        if self.ex.re.epithet.is_match(raw) {
            // "said a spokeswoman for Twitter", "a spokesman, Twitter's head of policy": the
            // company of the role phrase beside it, else the company named last.
            if let Some(c) = self.role_company(start, end) {
                return Some(Speaker {
                    name: self.company_name(c),
                    company: Some(c),
                    by_role: true,
                });
            }
            return self.recent_company(start).map(|c| Speaker {
                name: self.company_name(c),
                company: Some(c),
                by_role: false,
            });
        }
        let first_upper = raw.chars().next().is_some_and(char::is_uppercase);
        let stripped = raw
            .strip_prefix("the ")
            .or_else(|| raw.strip_prefix("The "))
            .unwrap_or(raw);
        let looks_named = stripped.chars().next().is_some_and(char::is_uppercase);
        if !looks_named || STOP_NAMES.contains(&stripped) || (!first_upper && !raw.starts_with("the ")) {
            return None;
        }
        let mut name = raw.to_string();
        if let Some(rest) = name.strip_prefix("the ") {
            name = format!("The {rest}");
        }
        // "said Jane Roe, Acme's head of privacy", "Acme's chief executive, Jane Roe,", or "Roe"
        // after she was introduced so: the company she works for speaks through her.
        let company = self
            .role_company(start, end)
            .or_else(|| self.person_role_company(&name, start));
        Some(Speaker {
            name,
            company,
            by_role: company.is_some(),
        })
    }

    /// The company of the role phrase right beside the name at `[start, end)`: an appositive
    /// after it (", Acme's chief executive,", ", a spokeswoman for Acme", ", who heads privacy
    /// at Acme", " for Acme" after "a spokesman") or a title before it ("Acme's chief executive
    /// Jane Roe", "the head of privacy at Acme, Jane Roe,"). `None` for a role outside a company
    /// — a researcher, a lawyer, a regulator, a reporter (`NOT_COMPANY_VOICE`) — and for a
    /// company the phrase only mentions ("a critic of Acme").
    pub(crate) fn role_company(&self, start: usize, end: usize) -> Option<usize> {
        let text = self.text;
        // After: the appositive, to its closing comma or the sentence's end.
        let to = super::rules::floor_char(text, (end + 120).min(text.len()));
        let after = &text[end..to];
        let window = if let Some(m) = ROLE_AFTER_OPEN.find(after) {
            let rest = &after[m.end()..];
            let stop = rest
                .find([',', '.', ';', '“', '”', '"', '\n', '(', ')'])
                .unwrap_or(rest.len());
            Some((end, end + m.end() + stop))
        } else {
            None
        };
        // Before: the title, from the last comma-free stretch (one comma allowed between the
        // title and the name) back to a sentence or quote mark.
        let from = super::rules::ceil_char(text, start.saturating_sub(90));
        let before = &text[from..start];
        let cut = before
            .rfind(['.', ';', '“', '”', '"', '\n', '(', ')'])
            .map_or(0, |i| i + before[i..].chars().next().map_or(1, char::len_utf8));
        // The company is in the title or right before it ("Acme's", "an Acme").
        let before_window = ROLE_BEFORE_END
            .is_match(&before[cut..])
            .then_some((from + cut, start));
        for (ws, we) in window.into_iter().chain(before_window) {
            let w = &text[ws..we];
            if !ROLE_WORD.is_match(w) || NOT_COMPANY_VOICE.is_match(w) || CRITIC_OF.is_match(w) {
                continue;
            }
            // A company beside a role word ("Acme's chief executive", "who heads privacy at
            // Acme"), not one named further on ("an executive at a firm that works with Acme").
            let roles: Vec<(usize, usize)> = ROLE_WORD
                .find_iter(w)
                .map(|m| (ws + m.start(), ws + m.end()))
                .collect();
            let near = |s: usize, e: usize| {
                roles.iter().any(|&(rs, re)| {
                    (re <= s && s - re <= 40) || (e <= rs && ROLE_GAP.is_match(&text[e..rs]))
                })
            };
            let a = self.ents.partition_point(|h| h.start < ws);
            let b = self.ents.partition_point(|h| h.start < we);
            let company = |j: usize| match self.ents[j].val {
                Ent::Company(c)
                    if self.ents[j].end <= we
                        && !self.holders[j]
                        && near(self.ents[j].start, self.ents[j].end) =>
                {
                    Some(c)
                }
                _ => None,
            };
            // After the name the first company, before it the last: the one nearest the role.
            let c = if ws == end {
                (a..b).find_map(company)
            } else {
                (a..b).rev().find_map(company)
            };
            if c.is_some() {
                return c;
            }
        }
        None
    }

    /// The company of a person named `name` (a name the lexicon does not know) from the role
    /// phrase at another mention of them before `pos` — their introduction ("Oren Jacob,
    /// ToyTalk's chief executive, said ...; later “...,” Mr. Jacob said").
    fn person_role_company(&self, name: &str, pos: usize) -> Option<usize> {
        let words: Vec<&str> = name.split_whitespace().collect();
        // A person's name: two to four capitalised words, or a title and a surname.
        let titled = matches!(
            words.first(),
            Some(&("Mr." | "Ms." | "Mrs." | "Dr." | "Mr" | "Ms" | "Mrs" | "Dr"))
        );
        if words.is_empty()
            || words.len() > 4
            || (titled && words.len() < 2)
            || words
                .iter()
                .any(|w| !w.chars().next().is_some_and(char::is_uppercase))
            || STOP_NAMES.contains(&words[0])
        {
            return None;
        }
        let surname = *words.last()?;
        if surname.len() < 2 {
            return None;
        }
        let text = self.text;
        let is_word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
        for (i, _) in text[..pos.min(text.len())].match_indices(surname) {
            let e = i + surname.len();
            if is_word(text[..i].chars().next_back()) || is_word(text[e..].chars().next()) {
                continue;
            }
            // The mention with its given name(s) or title before it.
            let mut s = i;
            for _ in 0..3 {
                let head = text[..s].trim_end_matches(' ');
                if head.len() == s {
                    break;
                }
                let w_start = head
                    .rfind(|c: char| c.is_whitespace() || matches!(c, ',' | '“' | '"' | '('))
                    .map_or(0, |j| j + head[j..].chars().next().map_or(1, char::len_utf8));
                let w = &head[w_start..];
                if w.chars().next().is_some_and(char::is_uppercase)
                    && w.len() <= 20
                    && !STOP_NAMES.contains(&w)
                {
                    s = w_start;
                } else {
                    break;
                }
            }
            if let Some(c) = self.role_company(s, e) {
                return Some(c);
            }
        }
        None
    }

    /// The most recent lexicon company mentioned before `pos` other than as a data holder
    /// ("Facebook users"); a person mention counts as their company.
    pub(crate) fn recent_company(&self, pos: usize) -> Option<usize> {
        let i = self.ents.partition_point(|h| h.start < pos);
        (0..i).rev().find_map(|j| match self.ents[j].val {
            Ent::Company(c) if !self.holders[j] && !self.in_passing(j) => Some(c),
            Ent::Person(p) => self.ex.people[p].1,
            _ => None,
        })
    }

    /// The company a pronoun subject ("it", "the company") stands for: like `recent_company`,
    /// but a company named as the object of a preposition ("an agreement with Clarifai", "sent
    /// to Google") is not a subject and is passed over; so is the company of a person named
    /// that way. Falls back to `recent_company` when every mention is an object.
    pub(crate) fn recent_subject_company(&self, pos: usize) -> Option<usize> {
        let i = self.ents.partition_point(|h| h.start < pos);
        (0..i)
            .rev()
            .find_map(|j| {
                let h = &self.ents[j];
                if self.is_preposition_object(h.start) {
                    return None;
                }
                match h.val {
                    Ent::Company(c) if !self.holders[j] && !self.in_passing(j) => Some(c),
                    Ent::Person(p) => self.ex.people[p].1,
                    _ => None,
                }
            })
            .or_else(|| self.recent_company(pos))
    }

    /// Whether the mention starting at byte `start` is a preposition's object ("with Clarifai").
    pub(crate) fn is_preposition_object(&self, start: usize) -> bool {
        let from = super::rules::ceil_char(self.text, start.saturating_sub(30));
        PREPOSITION_BEFORE.is_match(&self.text[from..start])
    }

    /// Whether company mention `j` names a company only in passing — an owner ("owned by
    /// Microsoft", "Alphabet's Google"), a comparison ("much like Apple", "unlike Google") —
    /// so that "the company" after it stands for another.
    fn in_passing(&self, j: usize) -> bool {
        let h = &self.ents[j];
        let from = super::rules::ceil_char(self.text, h.start.saturating_sub(30));
        let to = super::rules::floor_char(self.text, (h.end + 20).min(self.text.len()));
        PASSING_BEFORE.is_match(&self.text[from..h.start]) || PASSING_AFTER.is_match(&self.text[h.end..to])
    }

    fn recent_person(&self, pos: usize) -> Option<Speaker> {
        let i = self.ents.partition_point(|h| h.start < pos);
        let person = (0..i).rev().take(12).find_map(|j| match self.ents[j].val {
            Ent::Person(p) => Some((self.ents[j].start, p)),
            _ => None,
        });
        // "A Netflix spokeswoman said … 'We never read them,' she said": an unnamed spokesperson
        // mentioned after the last named person is who "she" is, and speaks for the company.
        let from = super::rules::ceil_char(self.text, pos.saturating_sub(SPOKESPERSON_REACH));
        let spokes = SPOKESPERSON
            .find_iter(&self.text[from..pos])
            .last()
            .map(|m| (from + m.start(), from + m.end()));
        // "Jojo Hedaya, Unroll.me's chief executive, wrote … 'We have to do better,' he
        // wrote": a person the lexicon does not know, introduced by full name and named again
        // by it or by the surname, when mentioned after the lexicon's person.
        let named = self
            .named_person_before(pos)
            .filter(|(at, _)| person.is_none_or(|(p, _)| p < *at));
        let person_at = named.as_ref().map(|(at, _)| *at).or(person.map(|(p, _)| p));
        // The spokesperson of "Elena Park, a spokeswoman for Roku," is the person before it.
        let describes_person = |start: usize| {
            person_at.is_some_and(|p| start - p < 80 && !self.text[p..start].contains(['.', '"', '“', '”']))
        };
        if let Some((start, end)) =
            spokes.filter(|(start, _)| person_at.is_none_or(|p| p < *start) && !describes_person(*start))
        {
            if let Some(c) = self.spokesperson_company(start, end) {
                return Some(Speaker {
                    name: self.company_name(c),
                    company: Some(c),
                    by_role: false,
                });
            }
        }
        if let Some((_, name)) = named {
            return Some(Speaker {
                name,
                company: None,
                by_role: false,
            });
        }
        person.map(|(_, p)| {
            let (name, company) = &self.ex.people[p];
            Speaker {
                name: name.clone(),
                company: *company,
                by_role: false,
            }
        })
    }

    /// The last mention before `pos`, within `PERSON_REACH` bytes, of a person the article
    /// introduced by full name before it (by that name or the surname alone), with the full
    /// name.
    fn named_person_before(&self, pos: usize) -> Option<(usize, String)> {
        let people = self.named_people.get_or_init(|| named_people(self.text));
        let from = super::rules::ceil_char(self.text, pos.saturating_sub(PERSON_REACH));
        let window = &self.text[from..pos];
        people
            .iter()
            .filter(|p| p.introduced_at < pos)
            .filter_map(|p| {
                let last = [p.name.as_str(), p.surname()]
                    .into_iter()
                    .filter_map(|needle| last_word_match(window, needle))
                    .max()?;
                Some((from + last, p.name.clone()))
            })
            .max_by_key(|(at, _)| *at)
    }

    /// The company of the spokesperson named at `[start, end)`: one named right before ("a
    /// Netflix spokeswoman") or after "for" ("a spokesman for Spotify"), else the company the
    /// text was last about.
    fn spokesperson_company(&self, start: usize, end: usize) -> Option<usize> {
        let i = self.ents.partition_point(|h| h.start < start);
        let before = i
            .checked_sub(1)
            .map(|j| &self.ents[j])
            .filter(|h| start.saturating_sub(h.end) <= 2 && self.text[h.end..start].trim().is_empty());
        let after = self
            .ents
            .get(self.ents.partition_point(|h| h.start < end))
            .filter(|h| {
                let gap = &self.text[end..h.start];
                gap.len() <= 10 && SPOKESPERSON_FOR.is_match(gap)
            });
        match before.or(after).map(|h| h.val) {
            Some(Ent::Company(c)) => Some(c),
            _ => self.recent_company(start),
        }
    }
}

/// A person an article introduces by full name: "Jojo Hedaya, Unroll.me's chief executive,",
/// "Dave McCarthy, who runs Xbox's player services,", "said Maria Lopez, the app's founder".
#[derive(Debug, Clone)]
pub(crate) struct NamedPerson {
    pub name: String,
    pub introduced_at: usize,
}

impl NamedPerson {
    fn surname(&self) -> &str {
        self.name.rsplit(' ').next().unwrap_or(&self.name)
    }
}

/// How far back (bytes) a person's mention can be what "he" or "she" stands for.
const PERSON_REACH: usize = 600;

/// A full name (given name, an optional initial, surname) followed by a role: ", Acme's chief
/// executive", ", a spokeswoman for", ", who runs", ", the founder of".
static PERSON_INTRO: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(
        r"\b([A-Z]\p{Ll}+(?:\s+[A-Z]\.)?\s+(?:(?:de|van|von|der|da|di|del|le|la)\s+)?[A-Z]\p{Ll}+(?:[-'’][A-Z]?\p{Ll}+)?),\s+(?:(?:a|an|the|its|their|his|her|who|whose|[A-Z][\w.&'’-]*['’]s?)\s+){1,3}?(?:[\w-]+\s+){0,3}?(?:chief|executive|founder|co-founder|president|head|director|officer|spokes(?:wo)?man|spokesperson|manager|engineer|researcher|professor|senator|lawyer|attorney|analyst|runs|leads|CEO|chair(?:man|woman)?|commissioner|minister|secretary|counsel|lead|partner|owner|editor|reporter|investigator|scientist)\b",
    )
    .expect("a valid regex: a constant pattern")
});

/// People the text introduces by full name (`PERSON_INTRO`), each once, at the first
/// introduction.
pub(crate) fn named_people(text: &str) -> Vec<NamedPerson> {
    let mut out: Vec<NamedPerson> = Vec::new();
    for c in PERSON_INTRO.captures_iter(text) {
        let m = c.get(1).expect("group 1 always takes part");
        if !out.iter().any(|p| p.name == m.as_str()) {
            out.push(NamedPerson {
                name: m.as_str().to_string(),
                introduced_at: m.start(),
            });
        }
    }
    out
}

/// The byte offset of the last whole-word occurrence of `needle` in `hay`.
fn last_word_match(hay: &str, needle: &str) -> Option<usize> {
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    hay.rmatch_indices(needle)
        .find(|(i, _)| !word(hay[..*i].chars().next_back()) && !word(hay[i + needle.len()..].chars().next()))
        .map(|(i, _)| i)
}

/// How far back (bytes) an unnamed spokesperson can be what "he" or "she" stands for.
const SPOKESPERSON_REACH: usize = 400;

/// An unnamed voice of a company: "a spokeswoman", "a representative".
static SPOKESPERSON: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(r"(?i)\b(?:spokes(?:wo)?man|spokesperson|representative|press\s+officer)\b")
        .expect("a valid regex: a constant pattern")
});

/// Between a spokesperson and the company named after them: "for", "at", "of".
static SPOKESPERSON_FOR: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(r"^,?\s+(?:for|at|of|from)\s+(?:the\s+)?$").expect("a valid regex: a constant pattern")
});

/// Substring searchers for `REPORT_VERBS`, built once (building one costs more than a search).
static REPORT_VERB_FINDERS: std::sync::LazyLock<Vec<memchr::memmem::Finder<'static>>> =
    std::sync::LazyLock::new(|| {
        super::REPORT_VERBS
            .iter()
            .map(|w| memchr::memmem::Finder::new(w.as_bytes()))
            .collect()
    });

/// Before a company named only in passing: an owner or a comparison.
static PASSING_BEFORE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(
        r"(?i)\b(?:owned\s+by|a\s+unit\s+of|a\s+subsidiary\s+of|part\s+of|parent(?:\s+company)?,?|like|unlike|than|rivals?(?:\s+such\s+as)?|competitors?(?:\s+such\s+as)?)\s+(?:the\s+)?$",
    )
    .expect("a valid regex: a constant pattern")
});

/// Right before a company named as the object of a preposition ("with Clarifai", "to the
/// Google"). Not "by": a passive's agent ("was sold by Lyft") is its logical subject.
static PREPOSITION_BEFORE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(
        r"(?i)\b(?:with|to|from|for|about|against|into|onto|at|via|towards?|including|between|among)\s+(?:the\s+)?$",
    )
    .expect("a valid regex: a constant pattern")
});

/// After a company named only in passing: "Microsoft, which owns", "Meta-owned".
static PASSING_AFTER: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(
        r"^(?:-owned\b|\s+(?:owns|acquired|bought)\b|,\s+which\s+owns\b|,\s+(?:its|the)\s+parent\b|['’]s\s+(?:parent|owner)\b)",
    )
    .expect("a valid regex: a constant pattern")
});

/// A person's full name: a given name, an optional initial, a surname.
static FULL_NAME: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(r"\b[A-Z]\p{Ll}+(?:\s+[A-Z]\.)?\s+[A-Z]\p{Ll}+(?:[-'’][A-Z]?\p{Ll}+)?\b")
        .expect("a valid regex: a constant pattern")
});

/// Opens an appositive after a name that may give the speaker's role: ", Acme's chief
/// executive", " — a spokeswoman for Acme —", " for Acme" (after "a spokesman").
static ROLE_AFTER_OPEN: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(r"^(?:\s*,\s*|\s+[—–]\s*|\s+(?:for|at|of|from)\s+)")
        .expect("a valid regex: a constant pattern")
});

/// A title ending right before a name: "Acme's chief executive Jane Roe", "Acme CEO Jane Roe",
/// "the head of privacy at Acme, Jane Roe", "an Acme executive, Jane Roe,".
static ROLE_BEFORE_END: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(&format!(
        r"(?:{ROLE_WORDS})(?:\s+(?:[a-z]+\s+)?(?:of|at|for)\s+(?:the\s+)?(?:[a-z]+\s+){{0,2}}?(?:[A-Z][\w&.'’-]*\s*){{1,4}})?,?\s+$"
    ))
    .expect("a valid regex: a constant pattern")
});

/// Between a company and the role word after it: "Acme's chief", "an Acme executive", "Acme's
/// vice president".
static ROLE_GAP: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(r"^(?:['’]s)?(?:\s+[a-z-]+){0,2}\s+$").expect("a valid regex: a constant pattern")
});

/// The roles of people who speak for their company.
const ROLE_WORDS: &str = r"(?i:\b(?:chief|executives?|ceo|cto|cfo|coo|ciso|cpo|officer|founder|co-?founder|president|vp|head|heads|headed|leads|runs|oversees|director|manager|spokes(?:wo)?man|spokesperson|representative|general\s+counsel|chair(?:man|woman)?|employee|engineer|official|boss)\b)";

/// A role word anywhere in a role phrase.
static ROLE_WORD: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| super::ascii_b(ROLE_WORDS).expect("a valid regex: a constant pattern"));

/// A role or an organisation whose "we" is not a company's: research, law, government, the
/// press ("a researcher at Google", "a lawyer for the plaintiffs", "a senator", "a Reuters
/// reporter").
static NOT_COMPANY_VOICE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(
        r"(?i)\b(?:researchers?|professors?|scholars?|fellow|analysts?|reporters?|journalists?|editors?|correspondents?|columnists?|lawyers?|attorneys?|counsel\s+for\s+the|law\s+firm|LLP|plaintiffs?|university|college|institute|lab|laboratory|center|centre|foundation|commission|commissioner|court|judge|senator|congress\w*|lawmakers?|parliament\w*|regulators?|agency|ministry|minister|prosecutors?|police|newspaper|magazine|critics?|advocates?|activists?|campaigners?)\b",
    )
    .expect("a valid regex: a constant pattern")
});

/// A company the role phrase only mentions: "a critic of Acme", "a former Acme executive" (no
/// longer its voice).
static CRITIC_OF: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    super::ascii_b(r"(?i)\b(?:former|ex-|formerly|previously|once|critics?\s+of|rival\s+to|competitor)")
        .expect("a valid regex: a constant pattern")
});

/// Name endings whose full stop belongs to the name.
const ABBREVIATED_SUFFIXES: &[&str] = &[" Inc.", " Corp.", " Co.", " Ltd.", " Jr.", " Sr.", " Bros."];

/// Capitalised words that start sentences but name no one.
const STOP_NAMES: &[&str] = &[
    "In",
    "On",
    "At",
    "But",
    "And",
    "Or",
    "So",
    "Yet",
    "This",
    "That",
    "These",
    "Those",
    "It",
    "There",
    "Here",
    "Then",
    "Now",
    "When",
    "While",
    "If",
    "As",
    "Also",
    "Still",
    "Regardless",
    "Indeed",
    "However",
    "A",
    "An",
    "The",
    "Report",
    "Reports",
    "Documents",
    "Records",
    "Data",
    "Users",
    "People",
    "Critics",
    "Some",
];
