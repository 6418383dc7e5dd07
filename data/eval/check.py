#!/usr/bin/env python3
"""Validate a claimtrack eval half: python3 data/eval/check.py [data/eval/test data/eval/dev].

Checks: JSON shape, enum values, date formats, article ids, that every cue occurs verbatim in its
article's text, cue length (5-12 words), article length (80-300 words), that the text starts with
the title, and that every link refers to an existing denial and assertion. Exit 1 on any problem.
"""
import json, os, re, sys

DATA_TYPES = {"personal_data", "private_messages", "contacts_friends", "profile_identity",
              "contact_details", "location", "health", "financial", "browsing_activity",
              "recordings", "device_identifiers", "posts_content", "biometric", "deidentified"}
ACTIONS = {"share", "access", "sell", "collect", "use", "other"}
POLARITIES = {"assertion", "denial"}
DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
ART_KEYS = {"id", "url", "title", "published", "outlet", "text"}
CLAIM_KEYS = {"article", "claim_id", "actor", "counterparty", "data_type", "action", "polarity",
              "period_start", "period_end", "speaker", "cue"}


def load(path, errors):
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as e:
                errors.append(f"{path}:{n}: bad JSON: {e}")
    return rows


def check(folder):
    errors = []
    arts = load(os.path.join(folder, "articles.jsonl"), errors)
    claims = load(os.path.join(folder, "claims.jsonl"), errors)
    links = load(os.path.join(folder, "links.jsonl"), errors)
    by_id = {}
    for a in arts:
        if set(a) != ART_KEYS:
            errors.append(f"article {a.get('id')}: keys {sorted(set(a) ^ ART_KEYS)} wrong")
        if a.get("id") in by_id:
            errors.append(f"article {a['id']}: duplicate id")
        by_id[a.get("id")] = a
        text = a.get("text", "")
        if not DATE.match(a.get("published", "")) or len(a.get("published", "")) != 10:
            errors.append(f"article {a['id']}: published {a.get('published')!r} not YYYY-MM-DD")
        if not a.get("url", "").startswith("https://eval.claimtrack.invalid/"):
            errors.append(f"article {a['id']}: url not under eval.claimtrack.invalid")
        if not text.startswith(a.get("title", "") + "\n\n"):
            errors.append(f"article {a['id']}: text does not start with title + blank line")
        words = len(text.split())
        if not 80 <= words <= 300:
            errors.append(f"article {a['id']}: {words} words (want 80-300)")
    ids = {}
    for c in claims:
        cid = c.get("claim_id")
        if set(c) != CLAIM_KEYS:
            errors.append(f"claim {cid}: keys {sorted(set(c) ^ CLAIM_KEYS)} wrong")
        if cid in ids:
            errors.append(f"claim {cid}: duplicate id")
        ids[cid] = c
        art = by_id.get(c.get("article"))
        if art is None:
            errors.append(f"claim {cid}: unknown article {c.get('article')}")
            continue
        if not str(cid).startswith(art["id"] + ".c"):
            errors.append(f"claim {cid}: id does not start with its article id")
        if c.get("data_type") not in DATA_TYPES:
            errors.append(f"claim {cid}: data_type {c.get('data_type')!r}")
        if c.get("action") not in ACTIONS:
            errors.append(f"claim {cid}: action {c.get('action')!r}")
        if c.get("polarity") not in POLARITIES:
            errors.append(f"claim {cid}: polarity {c.get('polarity')!r}")
        for k in ("period_start", "period_end"):
            v = c.get(k)
            if v is not None and not DATE.match(v):
                errors.append(f"claim {cid}: {k} {v!r} not YYYY[-MM[-DD]]")
        ps, pe = c.get("period_start"), c.get("period_end")
        if ps and pe and ps[:len(pe)] > pe[:len(ps)]:
            errors.append(f"claim {cid}: period_start {ps} after period_end {pe}")
        if not c.get("actor"):
            errors.append(f"claim {cid}: empty actor")
        cue = c.get("cue", "")
        if cue not in art["text"]:
            errors.append(f"claim {cid}: cue not verbatim in {art['id']}: {cue!r}")
        if not 5 <= len(cue.split()) <= 12:
            errors.append(f"claim {cid}: cue has {len(cue.split())} words (want 5-12): {cue!r}")
    seen = set()
    for n, l in enumerate(links, 1):
        d, a = l.get("denial"), l.get("assertion")
        if not l.get("why"):
            errors.append(f"link {n}: missing why")
        if set(l) - {"denial", "assertion", "why", "trap"}:
            errors.append(f"link {n}: unexpected keys {sorted(set(l) - {'denial', 'assertion', 'why', 'trap'})}")
        if (d, a) in seen:
            errors.append(f"link {n}: duplicate pair {d} {a}")
        seen.add((d, a))
        for cid, want in ((d, "denial"), (a, "assertion")):
            if cid not in ids:
                errors.append(f"link {n}: unknown claim {cid}")
            elif ids[cid]["polarity"] != want:
                errors.append(f"link {n}: {cid} is not a {want}")
    n_den = sum(c.get("polarity") == "denial" for c in claims)
    n_trap = sum(bool(l.get("trap")) for l in links)
    print(f"{folder}: {len(arts)} articles, {len(claims)} claims, {n_den} denials, "
          f"{len(links) - n_trap} links, {n_trap} traps, {len(errors)} problems")
    for e in errors:
        print("  " + e)
    return not errors


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    folders = sys.argv[1:] or [os.path.join(here, h) for h in ("test", "dev")
                               if os.path.isdir(os.path.join(here, h))]
    ok = all([check(f) for f in folders])
    sys.exit(0 if ok else 1)
