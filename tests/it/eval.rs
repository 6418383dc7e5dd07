//! Quality floor on the dev half of the gold set (data/eval/dev/): the real binary's
//! `eval --format json`. The floors sit a little below what the rules reach, so a change that
//! makes extraction or linking worse on the dev half fails here. The test half is never scored
//! in tests (it is held out; see data/eval/README.md).

use std::path::Path;

use serde_json::Value;

use crate::Env;

fn dev(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("data/eval/dev")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

// Floors, a little below the dev figures at the time of writing. 86 articles, after two
// helpers' work was merged: d67-d76 (claim recall) and d77-d86 (links), each ten articles
// annotated before the rules saw them. Merged dev: core P 0.646 R 0.637 F1 0.641; denials
// P 0.772 R 0.615; links P 0.652 R 0.326 (30 of 46); 0 of 156 traps linked.
// First runs on the new articles alone, before any rule changed for them: d67-d76 core
// P 0.419 R 0.210 F1 0.280, denials P 0.538 R 0.292; d77-d86 links 0 of 3 predicted right,
// 0 of 14 gold. Link precision is lower than either branch alone (0.875 with the link rules
// only): finding more claims found more pairs of correct claims that the link rules tie across
// products or within one article (Portal calls and a report on Portal's camera; the outlet's
// framing sentence read as a denial). Before this session (66 articles): core P 0.614
// R 0.528 F1 0.568; denials P 0.773 R 0.495; links P 0.808 R 0.273.
// Then two helpers at once, 106 articles. d97-d106 (claim accuracy: ten fresh episodes, 45
// claims, 5 links, 20 traps; first run on them alone: core P 0.354 R 0.378 F1 0.366, denials
// P 0.588 R 0.500, links 0 of 3 right, 1 of 20 traps) and the rule families for contrasts,
// negated charges, assurances without a negation word, companies named for comparison. d87-d96
// (link precision; first run on them alone: links P 0.350 R 0.412, 7 of 20 predicted right,
// 6 of 42 traps linked) and rule 11 of src/link/ (kinds of false links: admissions of error,
// accusations, another party's use, data kept inside the group, denials that narrow themselves,
// reports that are reassurances, the outlet's framing, the company's own earlier account).
// Merged dev (106): core P 0.647 R 0.623 F1 0.634; denials P 0.815 R 0.647; links P 0.796
// R 0.342 (39 of 49); 0 of 218 traps linked. The floors are those figures less about 0.01.
// d107-d116 (ten fresh episodes, 63 claims, 7 links, 26 traps; first run on them alone: core
// P 0.581 R 0.683 F1 0.628, denials P 0.688 R 0.688, links 1 of 13 right, 1 of 26 traps) added
// before any rule changed for them: dev (116) core P 0.638 R 0.629 F1 0.634; denials P 0.792
// R 0.653; links P 0.635 R 0.331 (40 of 121); 1 of 244 traps linked. Floors lowered to those.
// The linked trap (d109.c3-c7: a denial about training generative models against critics
// quoting the principles' "analyze customer messages") was then made neither a link nor a
// trap: by the README's link rules (same company, type and action, one article) it would be a
// link; it now counts as a false link, not as a trap.
// After the rules for kinds of error (about 200 more companies, companies an article introduces,
// data-type phrases, anonymized data, withdrawn promises, wishes, "we" not the receiver): dev
// (116) core P 0.653 R 0.678 F1 0.665; denials P 0.829 R 0.721; links P 0.695 R 0.339 (41 of
// 121); 0 of 243 traps linked; d107-d116 alone: core P 0.680 R 0.810, denials P 0.839 R 0.812
// (their companies are now in the lexicon: the first-run figures above are the honest ones).
// The floors are the merged figures less about 0.01.
// Then d117-d126 (link precision and recall: ten fresh articles, 69 claims, 24 links, 58
// traps, annotated before the rules ran on them; first run on them alone: links 0 of 5
// predicted right, 0 of 24 gold, 2 of 58 traps linked; core P 0.471 R 0.232), and gold links
// completed across the two write-ups of two episodes (d91/d104, d92/d93/d100: 5 links, 11
// traps). The new articles' claims are mostly not found yet (claim extraction is another
// helper's work), so every claim figure and link recall fall with them; the floors follow
// what this dev half reaches, not a change for the worse in the rules. Dev (116 articles)
// before the link rules of this session: core P 0.635 R 0.577 F1 0.605; denials P 0.822
// R 0.593; links P 0.745 R 0.287 (41 of 55); 2 of 287 traps linked (both in d122). After
// (the company's own admission
// read from the sentence, records of messages are not contents, data sent home is
// collected, another party's use named in the sentence, a later undated report of the same
// episode, a commercial-purpose limit): links P 0.840 R 0.294 (42 of 50; 42 of the 58 gold
// links whose two claims were both found); 0 of 287 traps linked.
// Both branches merged (126 articles: d107-d116 and d117-d126 in): core P 0.644 R 0.632
// F1 0.638; denials P 0.834 R 0.663; links P 0.733 R 0.293 (44 of 60); 0 of 312 traps linked.
// (Link precision is below the links branch's 0.840: the wider claim extraction finds more
// claims, and some of the new pairs are false links.) The floors are these less about 0.01.
// Then d137-d146 (link precision and recall: ten fresh episodes, 78 claims, 29 links, 44 traps,
// annotated before the rules ran on them; first run on them alone: links 0 of 9 predicted
// right, 0 of 29 gold, 2 of 44 traps linked; core P 0.387 R 0.308). With them dev is 136
// articles and every figure falls, since most of their claims are not found yet: before this
// session's rules, links P 0.638 R 0.246 (44 of 69), 2 of 356 traps linked; core P 0.621
// R 0.597. After the rules (a promised change, a permission granted, a company's own limit, a
// question, a limit read in another clause, a sole purpose stated, spy agencies under
// government, present passives, phone platforms that only describe users): links P 0.772
// R 0.246 (44 of 57), 0 of 356 traps linked; core P 0.628 R 0.602 F1 0.615; denials P 0.828
// R 0.627. (On the 126 articles alone: links P 0.782 R 0.287, 43 of 55.) The floors follow
// these, less about 0.01: the drop from the 126-article floors is the new articles, not a
// change for the worse in the rules.
// Then d127-d136 (claim accuracy: ten fresh episodes, 73 claims, 37 denials, 7 links, 18 traps,
// annotated and committed before the rules ran on them; first run on them alone: core P 0.375
// R 0.329 F1 0.350, denials P 0.647 R 0.297, links 0 of 4 right, 0 of 7 gold, 0 of 18 traps).
// With them, dev (136) before this session's rules: core P 0.619 R 0.601 F1 0.610; denials
// P 0.820 R 0.617; links P 0.688 R 0.280 (44 of 64); 0 of 330 traps. After the rules for one
// report per practice verb and for pronouns after a preposition's object: core P 0.646 R 0.589
// F1 0.616; denials P 0.829 R 0.624; links P 0.683 R 0.274 (43 of 63); 0 of 330 traps linked.
// The floors are these less about 0.01: lower than before only because the ten fresh articles,
// whose companies are mostly outside the lexicon, pull every figure down.
// Both branches merged (146 articles), with the two write-ups of the Snapchat case linked to each
// other (data/eval/README.md): core P 0.638 R 0.566 F1 0.600; denials P 0.824 R 0.596; links
// P 0.687 R 0.240 (46 of 67); 0 of 380 traps linked. The floors are these less about 0.01.
// Then d157-d166 (link precision and recall: ten fresh episodes, 65 claims, 32 denials, 11
// links, 33 traps, annotated and committed before the rules ran on them; first run on them
// alone: links 0 of 4 predicted right, 0 of 11 gold, 1 of 33 traps linked; core P 0.500
// R 0.415, denials P 0.739 R 0.531). With them dev is 156 articles; before this session's rules:
// core P 0.628 R 0.555 F1 0.589; denials P 0.816 R 0.590; links P 0.597 R 0.227 (46 of 77);
// 1 of 413 traps linked. After the rules (an assurance of control against any practice done
// without the users' say, what a party could do against a denial of what it did, "the data"
// of another story, the store's candidate index letting the action cases read from words
// through, "no one but X can", present modals, "sold on the promise", "never heard of"):
// core P 0.634 R 0.558 F1 0.594; denials P 0.821 R 0.598; links P 0.711 R 0.266 (54 of 76);
// 1 of 413 traps linked (`KNOWN_TRAP`). The floors are these less about 0.01; the claim recall
// floor is lower than before only because the ten fresh articles pull it down.
// Issue 5, recall: d147-d156 added (written and annotated before the rules ran on them; first
// run on them alone: core P 0.542 R 0.419 F1 0.473, denials P 0.800 R 0.462, links 0 of 4 right,
// 1 of 19 traps linked). With them, dev (156) before this session's rules: core P 0.632 R 0.556
// F1 0.591; denials P 0.822 R 0.586; links P 0.648 R 0.236; 1 of 399 traps. After the company
// lexicon's growth, the rules for companies outside it (corporate suffixes, products, a name's
// first word), deals for a company, the speaker's company, plans with "would", indirect
// questions, permissions obtained and users' choices: core P 0.648 R 0.572 F1 0.608; denials
// P 0.838 R 0.597; links P 0.708 R 0.236 (46 of 65); 0 of 399 traps linked. The claim floors are
// these less about 0.01 (the link floors, another helper's, are left as they were).
// Merged (lead, the three branches of 2026-12-01 "links", "recall" and "real": the topic
// company only with a reason in the sentence), 166 articles: core P 0.656 R 0.559 F1 0.603;
// denials P 0.840 R 0.597; links P 0.730 R 0.262 (54 of 74); 1 of 432 traps linked
// (`KNOWN_TRAP`). The floors are these less about 0.01.
// Issue 5, links: d177-d186 added (ten fresh articles on pairs across articles and years,
// 35 claims, 21 links, 24 traps, annotated and committed before any run; first run on them
// alone: core P 0.722 R 0.743, denials P 0.857 R 0.750, links 0 of 1 predicted right, 0 of 17
// gold, 0 of 17 traps linked). Dev (176) before this session's changes: links P 0.684 R 0.238
// (54 of 79), 1 of 456 traps linked. The eval's matching (a maximum-weight matching: the closest
// claim, then the one the predicted links fit; `KNOWN_TRAP` removed): links P 0.709 R 0.247
// (56 of 79), 0 of 456 traps, claim scores unchanged. The link rules (products filed under a
// company are names that tie, conversations a device records are audio, a purpose named after
// the practice) and gold completed across two write-ups of two episodes (d178/d88, d157/d04:
// 7 links, 11 traps, by the rules used inside d88 and d157): core P 0.659 R 0.565 F1 0.609;
// denials P 0.841 R 0.603; links P 0.745 R 0.300 (70 of 94; the completion's pairs counted 4 of
// the 70); 0 of 468 traps linked; d177-d186 alone: links 9 of 10 right, 9 of 17 gold, 0 of 17
// traps. Link floors raised to these less about 0.01; the claim floors are unchanged.
// Issue 5, recall (second round): d167-d176 added (ten fresh episodes, 50 claims, 11 denials,
// 6 links, 12 traps, annotated and committed before the rules ran on them; first run on them
// alone: core P 0.756 R 0.680 F1 0.716, denials P 0.833 R 0.909, links 1 of 3 right, 1 of 12
// traps linked). With them, dev (176) before this session's rules: core P 0.661 R 0.565 F1 0.609;
// denials P 0.840 R 0.606; links P 0.705 R 0.259 (55 of 78); 2 of 444 traps linked. After the
// rules for "only" limits (`deny.only_limit`, `deny.qualified.only_when`), deletions
// (`deny.deleted`) and "for money": core P 0.675 R 0.583 F1 0.626; denials P 0.840 R 0.648;
// links P 0.696 R 0.259 (55 of 79); 2 of 444 traps linked (`KNOWN_TRAPS`). On the 166 articles
// before them: core P 0.670 R 0.578 F1 0.621, denials P 0.841 R 0.641, links P 0.720 R 0.262
// (54 of 75). The claim floors are raised to just under these; the link precision floor is
// lowered from 0.72 to 0.69 because the ten fresh articles bring false links of their own (0.705
// before any rule of this round) and a deletion denial (action `other`) is linked to an upload
// "without asking" in d97 (the linker's reading of `other`; see the report of this round).
// Merged (lead, 2026-12-01): both sets of ten (186 articles) with both rounds' rules, the
// eval's maximum-weight matching, and deletions linked only to data kept (`deny.deleted` ↔
// `assert.not_deleted`; before it five false links, 71 of 103 right): core P 0.677 R 0.590
// F1 0.630; denials P 0.839 R 0.655; links P 0.724 R 0.297 (71 of 98); 1 of 480 traps linked.
// The floors are these less about 0.01.
// Issue 5, recall (2026-12-01): ten fresh articles `d187`..`d196` (196 articles, 1067 gold
// claims) and the rules for unknown data nouns and verbs, people watched over, camera pictures and
// companies introduced with "the" or "a maker of": core P 0.685 R 0.629 F1 0.656; denials P 0.837
// R 0.679; links P 0.661 R 0.328 (80 of 121); 6 of 490 traps linked. (Same rules on the 186
// articles before: core P 0.684 R 0.630, links P 0.696 R 0.335, 80 of 115; before the rules core P
// 0.678 R 0.590, links P 0.724 R 0.297, 71 of 98.) The claim floors are raised to just under
// these. The link precision floor is lowered from 0.715 to 0.65: the claims now found give nine
// more right links and some false ones, the linker's (src/link, another helper's) on claims that
// are right by the gold — an upload to the company's own cloud against "no one but them could
// reach their footage" (d123/d124), the 2011 "the iPhone is not tracking you" against the 2022
// app logs (d122), a denial limited to training against features that analyse files (d189).
// Issue 5, links (third round): d197-d206 added (ten fresh articles on pairs across articles
// and years: Telegram's "0 bytes" and its disclosures 2021-2025, GEDmatch's opt-in rule, the
// Florida warrant, Verogen and the 2020 hack, Meta's answer to the Australian Senate; 49
// claims, 62 links, 37 traps, annotated and committed before any run; first run on them alone:
// core P 0.581 R 0.510, denials P 0.765 R 0.520, links 2 of 9 predicted right, 2 of 62 gold,
// 0 of 30 traps). Dev (196) before this round's rules: core P 0.673 R 0.586 F1 0.627; denials
// P 0.838 R 0.647; links P 0.682 R 0.243 (73 of 107); 1 of 517 traps linked (d170). After the
// link rules (conditions compared by kind, "has never" up to its day, reports of nothing done,
// stakes, ads aimed by data, a condition tie within three years; a denial answering an earlier
// finding of its own story, more ways a condition is missing, promises told to users, uploads
// with no receiver): links P 0.818 R 0.269 (81 of 99); 0 of 517 traps linked; claim scores
// unchanged (no claim rule was touched). On the 186 articles before them: links P 0.814 R 0.331
// (79 of 97), against P 0.724 R 0.297 before. The link precision floor is raised to just under
// the new figure; the link recall floor is lowered from 0.29 to 0.26 only because the ten
// fresh articles bring 62 gold links whose claims the extractor mostly misses ("0 bytes of user
// data" read as a report, GEDmatch's opt-in rule and the Senate answer not read as denials);
// on the 186 articles it rose.
// Merged (lead, 2026-12-01, second session): the recall and links rounds together (206
// articles) and the company's own cloud read as gathering (`link::OWN_CLOUD`: "uploaded
// thumbnails to Anker's cloud servers" no longer contradicts "does not share customers' video
// with anyone else", four false links fewer): core P 0.680 R 0.624 F1 0.650; denials P 0.834
// R 0.670; links P 0.736 R 0.291 (89 of 121); 4 of 527 traps linked (`KNOWN_TRAPS`). The links
// round alone had links P 0.818 (81 of 99): the claims the recall round now finds meet the
// linker's known weaknesses (below). The floors are these less about 0.01.
// Issue 5, precision (2026-12-01): kinds of false claims read on every false hit of dev and every
// claim of the shared benchmarks' real pages (uncertainty, intentions and wishes, requests and
// deadlines, time or words given, public bodies passing on messages, stakes, glued headline
// lists, reader instructions, questions, quoted titles, deletions as remedies or repeats,
// "messages between friends"): core P 0.689 R 0.590 F1 0.636 (597 of 866); denials P 0.855
// R 0.655; links P 0.740 R 0.297 (71 of 96); 1 of 480 traps linked. No dev hit lost at core
// level (one loose hit fewer). The precision floors are raised to just under these.
// Merged with the precision round too (lead): core P 0.691 R 0.624 F1 0.656; denials P 0.848
// R 0.670; links P 0.736 R 0.291 (89 of 121); 4 of 527 traps linked. Then d207-d216 (the
// lead's ten, written and annotated before the session's rule rounds were merged, and first
// run on the rules of the session's start: core P 0.486 R 0.450 F1 0.468, denials P 0.800
// R 0.444; on the merged rules: core P 0.487 R 0.475 F1 0.481, denials P 0.818 R 0.500, the
// one gold link missed, 0 of 18 traps): all of dev (216) core P 0.684 R 0.619 F1 0.649;
// denials P 0.847 R 0.664; links P 0.736 R 0.290 (89 of 121); 4 of 545 traps linked. The floors
// are these less about 0.01.
// Issue 5, recall (2026-12-02): d217-d226 (ten fresh episodes, 56 claims, 24 denials, 1 link,
// 9 traps; first run on them alone, before any rule changed: core P 0.525 R 0.375 F1 0.438,
// denials P 0.929 R 0.542, no link predicted, 0 of 9 traps) and the rules for the kinds of miss
// seen there and on all of dev: passives with a negation between ("were never shared"), data
// said to contain no personal information, verbs of watching and taking ("made off with",
// "looks at", "keeps watch on"), cameras' feeds as recordings. Then d227-d231 (five more,
// written after the rules; first run: core P 0.529 R 0.360 F1 0.429, denials P 0.500 R 0.400).
// All of dev (231): core P 0.681 R 0.618 F1 0.648; denials P 0.850 R 0.677; links P 0.690
// R 0.288 (89 of 129); 4 of 559 traps linked (`KNOWN_TRAPS`). On d01-d216 alone core P 0.684 ->
// 0.686, R 0.619 -> 0.628; denials P 0.847 -> 0.848, R 0.664 -> 0.679. LINK_P is lowered from
// 0.725: no gold link was lost (89 before and after), but the claims now found (right ones,
// matched to gold claims) meet the linker's known weaknesses: a 2011 "were never exposed by
// Buzz" tied to 2018 reports on Gmail developers by the name Gmail in both headlines and an
// undated report (three), a qualified 2010 denial against a 2018 report, Anker's "no evidence
// that anyone had watched" against an earlier report, and false claims of the new articles (a
// denial about cookies, Verkada staff "held" rights).
// Issue 5, precision (2026-12-02): rules for fears and risks, telling people what is done,
// settings and choices left to users, orders, practices announced for later, participles
// describing data, "only X, not Y", control at stake, a platform a statement is posted on. On
// the 216: core P 0.684 -> 0.689, R 0.619 (715 hits, unchanged), denials P 0.847 -> 0.854,
// links unchanged. With d232-d245 (fourteen fresh articles, 45 gold claims) all of dev (230):
// core P 0.689 R 0.614 F1 0.649; denials P 0.859 R 0.665; links P 0.730 R 0.287 (89 of 122);
// 4 of 555 traps linked. CORE_P and DENIAL_P raised to these less about 0.01.
// Issue 5, links (fourth round, 2026-12-02): d246-d255 added (ten fresh articles on pairs across
// articles and years: Facebook's logged-out cookies 2011 and the Belgian study 2015, Kaspersky and
// the NSA files 2017, Wyze 2019 and 2024, Ray-Ban Meta glasses 2024 and 2025, Otter.ai 2022 and
// 2025; 55 claims, 9 links, 54 traps, annotated and committed before any run; first run on them
// alone: core P 0.600 R 0.491, denials P 0.750 R 0.667, links 0 of 1 predicted right, 0 of 9
// gold, 0 of 54 traps). Dev (226) before this round's rules: core P 0.680 R 0.613 F1 0.645;
// denials P 0.841 R 0.664; links P 0.706 R 0.282 (89 of 126); 4 of 599 traps linked. After the
// link rules (data kept on the user's device, an assurance that it stays there, purposes
// compared, a denial conceding the practice, test units, a sole purpose with no receiver, staff
// named only in the report, ties that name no episode held to three years, members "in" a place,
// a point-dated finding of one story): links P 0.804 R 0.285 (90 of 112); 0 of 599 traps
// linked (`KNOWN_TRAPS` emptied); claim scores unchanged. The link precision floor is raised to
// just under the new figure.
// Both rounds merged (lead), all of dev (240): core P 0.686 R 0.608 F1 0.645; denials P 0.853
// R 0.665; links P 0.804 R 0.282 (90 of 112); 0 of 609 traps linked. The floors are these less
// about 0.01.
// All three rounds merged (lead), all of dev (255): core P 0.683 R 0.609 F1 0.644; denials
// P 0.855 R 0.677; links P 0.763 R 0.280 (90 of 118); 0 of 623 traps linked. The links round
// alone had P 0.804 (90 of 112): the recall round's new claims (right ones) meet a 2011 Buzz
// denial tied to 2018 Gmail reports by the product's name, and the like. Floors: less about 0.01.
// Then d260-d269 (the lead's ten, written and annotated before the rounds were merged; first run
// on the rules of the session's start: core P 0.469 R 0.395 F1 0.429, denials P 0.714 R 0.417,
// links 3 of 3 right, 0 of 10 traps; on the merged rules: core P 0.452 R 0.368 F1 0.406, denials
// P 0.833 R 0.417, links 1 of 1 right, 0 of 10 traps): all of dev (265) core P 0.677 R 0.602
// F1 0.637; denials P 0.855 R 0.671; links P 0.746 R 0.280 (91 of 122); 0 of 633 traps linked.
// The floors are these less about 0.01.
// Issue 5, links (fifth round, 2026-12-02): d270-d279 added (ten fresh articles on pairs across
// articles: Evernote's notes policy and its reversal 2016, AT&T's stolen call records 2024, Apple's
// Enhanced Visual Search 2024-2025, Subaru's Starlink portal 2025, Superhuman's read receipts
// 2019; 47 claims, 24 denials, 4 links, 54 traps, annotated before any run; first run on them
// alone: core P 0.789 R 0.319 F1 0.455, denials P 1.000 R 0.375, links 0 of 1 predicted right,
// 0 of 4 gold, 0 of 54 traps). All of dev (275) before this round's rules: core P 0.679 R 0.593
// F1 0.633; denials P 0.857 R 0.659; links P 0.734 R 0.277 (91 of 124); 0 of 687 traps linked.
// LINK_P and DENIAL_R lowered to these less about 0.01 (the new articles, not a rule change).
// Issue 5, recall (2026-12-02): d284-d293 added (ten fresh articles on regulators' fines, a
// scraper, breaches; 43 claims, 7 denials; first run alone: core P 0.571 R 0.558 F1 0.565, denials
// P 1.000 R 0.714); no rule changed.
// Issue 5, denials (2026-12-02): d298-d307 added (ten fresh articles heavy with company
// statements and look-alike non-denials; first run alone: core P 0.559 R 0.328 F1 0.413, denials
// P 0.778 R 0.304, no link predicted, 0 of 9 traps): all of dev (275) core P 0.674 R 0.591
// F1 0.630; denials P 0.853 R 0.657; links P 0.746 R 0.275 (91 of 122); 0 of 642 traps linked.
// All three merged (lead; data only, no rule changed this session), all of dev (295): core
// P 0.672 R 0.582 F1 0.624; denials P 0.857 R 0.647; links P 0.734 R 0.272 (91 of 124); 0 of 696
// traps linked. The floors are these less about 0.01.
// Issue 5, fresh (2026-12-02): d312-d321 added (ten fresh articles: Hello Barbie and ToyTalk 2015,
// CloudPets 2017, Marriott/Starwood 2018 and the ICO fine 2020, New Mexico v. Google 2020, the
// Austrian regulator on Google Analytics 2022, Facebook's face recognition 2021 and Texas 2024;
// 46 claims, 12 denials, 5 links, 24 traps, annotated and committed before any run; first run on
// them alone: core P 0.355 R 0.239 F1 0.286, denials P 0.429 R 0.250, no link predicted (0 of 5
// gold), 0 of 24 traps). No rule changed. All of dev (305): core P 0.665 R 0.572 F1 0.615;
// denials P 0.851 R 0.639; links P 0.711 R 0.268 (91 of 128: the four new predicted links are all
// false); 0 of 720 traps linked. CORE_R (0.572 -> 0.562) and LINK_P (0.724 -> 0.701) are lowered
// by what the ten new articles cost on their first run (core R 0.582 -> 0.572, links P 0.734 ->
// 0.711), not by a rule change; the other floors still hold.
// Issue 5, links (sixth round, 2026-12-02): d322-d331 added (ten fresh articles on breaches
// denied and later reported, across articles and years: LastPass 2022-2023, Okta 2022 and 2023,
// Plaid 2020 and the 2022 settlement, Blackbaud 2020 and the FTC 2024, Uber's 2016 breach told in
// 2017; 44 claims, 25 denials, 17 links, 30 traps, annotated before any run; first run on them
// alone: core P 0.630 R 0.395 F1 0.486, denials P 0.818 R 0.375, links 3 of 6 predicted right,
// 3 of 16 gold, 0 of 28 traps; one slip corrected after it, d327's headline "we do not sell your
// data" annotated as the denial it is: core P 0.667 R 0.409, denials P 0.909 R 0.400, links 4 of
// 6 right, 4 of 17 gold, 0 of 30 traps). All of dev (305) before this round's rules: core P 0.672
// R 0.577 F1 0.621; denials P 0.859 R 0.637; links P 0.731 R 0.270 (95 of 130); 0 of 726 traps
// linked. DENIAL_R and LINK_P lowered by what the new articles cost (0.010 and 0.003).
// After this round's link rules (purposes read in the clause of the denial's action; a name both
// headlines give ties claims years apart only when the report names what the denial's sentence
// names; the places data is sent read in one pass, `destinations`; a deletion read from the
// denial's words and answered only by data kept although it was to be deleted; following people
// read as tracking, data put to a use read as use): links P 0.761 R 0.290 (102 of 134); 0 of 726
// traps linked; claim scores unchanged; d322-d331 alone unchanged (links 4 of 6 right, 4 of 17
// gold). LINK_P and LINK_R raised to these less about 0.01.
// Issue 5, denials (second round, 2026-12-02): d332-d341 added (ten fresh articles on breach
// notices, filings and regulator releases: Garmin 2020, Capital One 2019, Twitch 2021, Canva 2019,
// DoorDash 2019, MGM Resorts 2023, Chegg 2018 and the FTC 2022, Drizly and the FTC 2022, Near
// Intelligence 2024; 54 claims, 24 denials, 1 link, 6 traps, annotated and committed before any
// run; first run on them alone: core P 0.543 R 0.463 F1 0.500, denials P 0.900 R 0.375, no link
// predicted, 0 of 6 traps). All of dev (305) before this round's rules: core P 0.668 R 0.578
// F1 0.620; denials P 0.858 R 0.636; links P 0.734 R 0.271 (91 of 124); 0 of 702 traps linked.
// DENIAL_R lowered to that less about 0.01 (the new articles, not a rule change). Gold completed
// after that run (d332's headline, a denial): 1578 claims; the same run core R 0.577, denials
// R 0.635. After the breach-denial rules (`claims/breach.rs`: negated subjects and passives with a
// breach's participle, "not among the files", a finding of nothing, "not aware of any misuse",
// "no data breach", "did not affect", elided contrasts, "only X were taken"): core P 0.678 R 0.594
// F1 0.633; denials P 0.862 R 0.676; links P 0.734 R 0.271 (91 of 124); 0 of 702 traps linked;
// d332-d341 alone core P 0.685 R 0.673, denials P 0.913 R 0.840.
// Issue 5, precision (2026-12-02): d342-d351 added (ten fresh articles heavy with sentences that
// are no claim; 36 claims, 14 denials, 1 trap, annotated and committed before any run; first run
// alone on main's rules: core P 0.567 R 0.472 F1 0.515, denials P 0.625 R 0.714, links 0 of 3
// right, 1 of 1 trap linked). All of dev (305) on main's rules: core P 0.670 R 0.579 F1 0.621;
// denials P 0.850 R 0.648; links P 0.645 R 0.272 (91 of 141); 1 of 697 traps linked. After the
// rules for conversations typed to a chatbot as messages (`written_conversations`), the company's
// own access in its own words (`link::SELF_ONLY`) and a denial of the time after a change
// (`link::AFTER_CHANGE`): core P 0.676 R 0.584 F1 0.626; denials P 0.854 R 0.651; links P 0.679
// R 0.272 (91 of 134); 0 of 697 traps linked. LINK_P is lowered to that less about 0.01, within
// what the new articles cost on their first run (0.734 -> 0.645).
// Then (same round) no claim for what an inquiry looks into (`EXAMINED_WH`), people using a
// product (`PEOPLE_USE_TOOL`) or a legal instrument used (`TOOL_OBJECT`): core P 0.676 -> 0.678,
// hits unchanged; and names listed beside a more specific kind, names of things and profiles a
// purpose builds (`names_not_a_kind`): core P 0.678 -> 0.685, R 0.584 -> 0.587, F1 0.627 ->
// 0.632 (910 -> 915 hits of 1343 -> 1336 predicted); denials P 0.854 -> 0.857, R 0.651; links
// P 0.684 R 0.272 (91 of 133); 0 of 697 traps linked. d342-d351 alone after the round: core
// P 0.600 R 0.500 F1 0.545, denials P 0.625 R 0.714, 0 of 1 trap. The floors are the final
// figures less about 0.01.
// All four branches merged (lead, 2026-12-02; fresh, links, denials, precision), all of dev
// (335): core P 0.684 R 0.585 F1 0.631; denials P 0.856 R 0.664; links P 0.699 R 0.285 (102 of
// 146); 0 of 757 traps linked. The floors are these less about 0.01. The independent fresh set
// d312-d321 on the merged rules (run without --show): core P 0.344 R 0.239 F1 0.282 (0.355 /
// 0.239 / 0.286 on its first run), denials P 0.429 R 0.250 (unchanged), 0 of 5 links.
// Issue 5, fresh (2026-12-02, second): d352-d361 added (ten fresh articles: Equifax's 2017 breach
// in the US and the UK and the 2019 FTC/CFPB settlement, MoviePass's chief executive 2018 and its
// open database 2019, iRobot's Roomba test photos 2023, Mailchimp's support-tool breaches
// 2022-2023, Twilio and Signal 2022, Microsoft Recall 2024; 71 claims, 25 denials, 17 links, 66
// traps, annotated and committed before any run; first run on them alone, main's rules: core
// P 0.400 R 0.225 F1 0.288, denials P 0.714 R 0.200, no link predicted (0 of the 12 gold links
// inside the ten), 0 of 59 traps). No rule changed. All of dev (345): core P 0.676 R 0.571
// F1 0.619; denials P 0.854 R 0.648; links P 0.689 R 0.272 (102 of 148); 0 of 823 traps linked
// (335 before: core P 0.684 R 0.585 F1 0.631; denials P 0.856 R 0.664; links P 0.699 R 0.285).
// CORE_R (0.575 -> 0.561), CORE_F1 (0.621 -> 0.609), DENIAL_R (0.654 -> 0.638) and LINK_R
// (0.275 -> 0.262) are lowered by what the ten new articles cost on their first run (0.014,
// 0.012, 0.016, 0.013), not by a rule change; the other floors still hold.
// Issue 5, fresh (second independent set, 2026-12-02): d362-d371 added (ten fresh articles:
// Adobe's terms and Firefly 2024, Amazon Sidewalk 2021, Dell's reseller-portal breach 2024 and
// the employee-data claim of September 2024, Duolingo's 2.6 million scraped records 2023,
// Stardust's encryption claim and phone numbers sent to Mixpanel 2022, Samsung's ChatGPT ban 2023
// and OpenAI's kept chats 2025; 63 claims, 34 denials, 5 links, 26 traps, annotated, checked and
// committed before any run; first run on them alone, on main's rules: core P 0.625 R 0.397
// F1 0.485, denials P 0.917 R 0.324, links 0 of 2 predicted right, 0 of 5 gold, 0 of 26 traps).
// No rule changed. All of dev (345): core P 0.682 R 0.578 F1 0.626; denials P 0.857 R 0.648;
// links P 0.671 R 0.281 (102 of 152: the six new predicted links are all false); 0 of 783 traps
// linked. Before them (335, same binary): core P 0.684 R 0.585 F1 0.631; denials P 0.856
// R 0.664; links P 0.699 R 0.285 (102 of 146). DENIAL_R (0.654 -> 0.638) and LINK_P (0.689 ->
// 0.661) are lowered by what the ten new articles cost on their first run (0.016 and 0.028), not
// by a rule change; the other floors still hold.
// Lead, merge of fresh-a and fresh-b (2026-12-02): both sets together, on the session's start
// rules (output-identical to `a861b33`): all of dev (355): core P 0.675 R 0.565 F1 0.615;
// denials P 0.856 R 0.633; links P 0.662 R 0.268 (102 of 154); 0 of 849 traps linked. Each floor
// is that figure less 0.01 (DENIAL_P stays): both sets cost more together than either alone.
// Issue 5, intruders (2026-12-02; no new articles): reports of a breach or an exposure where
// another party is the subject (`claims/intrusion.rs`: an intruder who took, copied, reached or
// was inside the data, a flaw that let them, the breach as subject, passives with a breach's
// participle, "the information taken includes", data left open or open to anyone; a sentence
// naming only the people or records reached passes the gates in a breach story) and the link
// rules for them (one account of a breach in one article, a report retelling the first account,
// a report naming no kind against a denial of a kind, "not all were affected"). All of dev
// (335): core P 0.684 -> 0.686, R 0.585 -> 0.595, F1 0.631 -> 0.637 (997 -> 1014 hits of 1458
// -> 1478 predicted); denials unchanged; links P 0.699 -> 0.689 R 0.285 (102 of 146 -> 102 of
// 148: the two new false links pair Okta's headline "the hacker took every customer user's name
// and email", which the gold set does not list as a claim, with its earlier denials); 0 of 757
// traps linked. d312-d321 alone: core P 0.344 -> 0.429, R 0.239 -> 0.326. CORE_* raised to the
// new figures less about 0.01; LINK_P kept.
// Then (anaphora, issue 5: the object of a claim) every kind of a coordinated list in a report's
// object gets its claim (`Ctx::listed_kinds`, `is_list_gap`), and a pronoun object in a sentence
// naming no data takes the data named just before it in the paragraph (`claims/anaphora.rs`):
// core P 0.684 -> 0.679, R 0.585 -> 0.594, F1 0.631 -> 0.633 (997 -> 1012 hits of 1458 -> 1491
// predicted); denials P 0.856 -> 0.853, R 0.664; links P 0.699 -> 0.694 R 0.285 (102 of 146 ->
// 147: one false link, the ToyTalk denial read with Hello Barbie as its actor); 0 of 757 traps.
// d312-d321: core P 0.344 -> 0.343, R 0.239 -> 0.261; denials P 0.429 -> 0.333, R 0.250.
// CORE_R and CORE_F1 are raised to the new figures less about 0.01.
// Lead, after merging actors, intruders, anaphora and scale2 (2026-12-02, 17:45 UTC): all of
// dev (355): core P 0.675 R 0.594 F1 0.632; denials P 0.854 R 0.642; links P 0.648 R 0.271 (103
// of 159); 0 of 849 traps linked. Each floor is that figure less 0.01. LINK_P falls from 0.662:
// six new false links (Superhuman's tracking read as messages, ToyTalk's "we do not sell them"
// credited to Mattel twice, the DeepFace sentence read as a denial, and Okta's later report
// against two of its own first denials, which read as true contradictions), one old one gone.
// Issue 5, fresh-e (independent generalisation check, 2026-12-03): d392-d401 added (ten fresh
// articles of the held-out half's kinds: Chew's House testimony 2023, Pichai's op-ed 2019, Cook's
// Brussels speech 2018, FTC v. X-Mode/Outlogic 2024, the Irish 390m fine on Meta 2023, LinkedIn's
// 700m scraped records 2021, Zatko's Senate testimony 2022, the Abouammo verdict 2022, Yahoo and
// the SEC 2018, the Norwegian Consumer Council's Out of Control 2020; 46 claims, 16 denials,
// 2 links, 26 traps, annotated, checked and committed before any run; first run on them alone, on
// main's rules: core P 0.463 R 0.543 F1 0.500, denials P 0.667 R 0.500, links 0 of 9 predicted
// right, 0 of 2 gold, 0 of 24 traps). No rule changed. All of dev (365): core P 0.669 R 0.593
// F1 0.629; denials P 0.852 R 0.639; links P 0.617 R 0.270 (103 of 167: the nine new predicted
// links are all false); 0 of 875 traps linked. Before them (355, same binary): core P 0.676
// R 0.594 F1 0.632; denials P 0.856 R 0.642; links P 0.652 R 0.271 (103 of 158). LINK_P (0.638
// -> 0.611, the new figure less 0.005) is lowered by what the ten new articles cost on their
// first run, not by a rule change; the other floors still hold.
// Merged with the session's rule branches (links3: own tracking, state conditions, the writer's
// any-action groups; denials2: negated determiners, on-device assurances, dismissed reports;
// quotes2: a company officer's "we", vendor breaches), dev (365): core P 0.671 R 0.596 F1 0.631;
// denials P 0.854 R 0.644; links P 0.630 R 0.272 (104 of 165); 0 of 875 traps linked. d392-d401
// alone are unchanged by those rules (core P 0.463 R 0.543). LINK_P, CORE_R and DENIAL_R are
// raised to the merged figures less about 0.01.
const CORE_P: f64 = 0.665;
const CORE_R: f64 = 0.586;
const CORE_F1: f64 = 0.622;
const DENIAL_P: f64 = 0.844;
const DENIAL_R: f64 = 0.634;
const LINK_P: f64 = 0.620;
const LINK_R: f64 = 0.261;

/// The traps the dev half links, and why each is tolerated; any other linked trap fails the
/// test. None since the fourth links round of issue 5 (the four of before: the iPhone's location
/// cache kept on the phone, d122; a denial limited to training against features that analyse
/// files, d189, twice; local files against cloud content, d189).
const KNOWN_TRAPS: &[&str] = &[];

fn score(report: &Value, level: &str, field: &str) -> f64 {
    report[level][field]
        .as_f64()
        .unwrap_or_else(|| panic!("eval report lacks {level}.{field}: {report}"))
}

#[test]
fn dev_half_quality_floor() {
    let env = Env::new();
    let (code, out, err) = env.run(&[
        "eval",
        "--articles",
        &dev("articles.jsonl"),
        "--gold",
        &dev("claims.jsonl"),
        "--links",
        &dev("links.jsonl"),
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "eval failed: {err}");
    let report: Value = serde_json::from_str(&out).expect("eval --format json prints JSON");

    // (level, field, floor)
    let floors = [
        ("core", "precision", CORE_P),
        ("core", "recall", CORE_R),
        ("core", "f1", CORE_F1),
        ("loose", "f1", CORE_F1),
        ("denials", "precision", DENIAL_P),
        ("denials", "recall", DENIAL_R),
        ("links", "precision", LINK_P),
        ("links", "recall", LINK_R),
    ];
    for (level, field, floor) in floors {
        let got = score(&report, level, field);
        assert!(
            got >= floor,
            "dev {level} {field} fell to {got:.3} (floor {floor})"
        );
    }
    assert_eq!(
        report["gold"].as_u64(),
        None,
        "scores are per level, not at the top"
    );
    assert_eq!(
        score(&report, "core", "gold"),
        1884.0,
        "the dev half holds 1884 gold claims"
    );
    assert!(
        report["traps"].as_u64().is_some_and(|t| t > 0),
        "the dev half has traps"
    );
    // No trap may be linked (a qualified denial's traps included: the linker requires the
    // assertion to say the condition was missing).
    let traps: Vec<&str> = report["mistakes"]
        .as_array()
        .map(|m| {
            m.iter()
                .filter(|x| x["kind"] == "trap linked")
                .filter_map(|x| x["detail"].as_str())
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(
        report["traps_linked"].as_u64(),
        Some(traps.len() as u64),
        "every linked trap is listed: {}",
        report["mistakes"]
    );
    let unknown: Vec<&&str> = traps
        .iter()
        .filter(|t| !KNOWN_TRAPS.iter().any(|k| t.starts_with(k)))
        .collect();
    assert!(
        unknown.is_empty(),
        "traps of the dev half were linked: {unknown:?}"
    );
}
