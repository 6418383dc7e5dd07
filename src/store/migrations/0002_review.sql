-- 0002_review: people check what the machine found. A link gets a person's decision
-- (confirmed or rejected, a note, who and when); a claim can be corrected; a statement that is
-- not in any article (a hearing, a filing, a post) can be added by hand.
--
-- Claim ids change on every re-extraction, so decisions and corrections are kept apart from
-- `claims` and `links`, keyed by a claim's stable identity, `claims.key`: a hash of where the
-- claim was found (the article's URL, else its content hash), its sentence, actor,
-- counterparty, data type and polarity, as the extractor gave them (before any correction).
-- The store re-applies them whenever claims are stored again.

ALTER TABLE articles ADD COLUMN kind TEXT NOT NULL DEFAULT 'article'
    CHECK (kind IN ('article', 'statement'));

-- A statement keeps its source URL but is not an article: several may cite one page, and the
-- page may be ingested as an article too.
DROP INDEX articles_url;
CREATE UNIQUE INDEX articles_url ON articles (url) WHERE url IS NOT NULL AND kind = 'article';

ALTER TABLE claims ADD COLUMN key TEXT;  -- stable identity; see above
CREATE INDEX claims_key ON claims (key);

ALTER TABLE links ADD COLUMN note TEXT;
ALTER TABLE links ADD COLUMN decided_by TEXT;
ALTER TABLE links ADD COLUMN decided_at TEXT;

CREATE INDEX links_status ON links (status);

-- One row per decided pair of claims. The sentences, URLs and reason are copied in when the
-- decision is made, so a confirmed link whose claims are no longer found can still be shown.
CREATE TABLE link_decisions (
    id INTEGER PRIMARY KEY,
    denial_key TEXT NOT NULL,
    assertion_key TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('confirmed', 'rejected')),
    note TEXT,
    decided_by TEXT,
    decided_at TEXT NOT NULL,
    reason TEXT NOT NULL,
    first TEXT NOT NULL CHECK (first IN ('denial', 'assertion')),
    denial_sentence TEXT NOT NULL,
    denial_article_url TEXT,
    assertion_sentence TEXT NOT NULL,
    assertion_article_url TEXT,
    UNIQUE (denial_key, assertion_key)
);

CREATE INDEX link_decisions_assertion_key ON link_decisions (assertion_key);

-- A person's correction of a claim, re-applied whenever the extractor finds the claim again.
-- A NULL column is not corrected; an empty counterparty means "none".
CREATE TABLE claim_corrections (
    key TEXT PRIMARY KEY,
    actor TEXT,
    counterparty TEXT,
    data_type TEXT,
    action TEXT,
    polarity TEXT CHECK (polarity IN ('assertion', 'denial')),
    corrected_by TEXT,
    corrected_at TEXT NOT NULL,
    sentence TEXT NOT NULL          -- the claim's sentence when corrected, for reading
);

DROP VIEW contradictions_view;
CREATE VIEW contradictions_view AS
SELECT
    l.id, l.reason, l.first, l.status, l.note, l.decided_by, l.decided_at, l.created_at,
    d.id AS denial_id,
    d.actor AS denial_actor,
    d.counterparty AS denial_counterparty,
    d.data_type AS denial_data_type,
    d.speaker AS denial_speaker,
    COALESCE(d.stated_on, da.published) AS denial_stated_on,
    d.sentence AS denial_sentence,
    da.title AS denial_article_title,
    da.url AS denial_article_url,
    s.id AS assertion_id,
    s.actor AS assertion_actor,
    s.counterparty AS assertion_counterparty,
    s.data_type AS assertion_data_type,
    s.speaker AS assertion_speaker,
    COALESCE(s.stated_on, sa.published) AS assertion_stated_on,
    s.sentence AS assertion_sentence,
    sa.title AS assertion_article_title,
    sa.url AS assertion_article_url
FROM links l
JOIN claims d ON d.id = l.denial_id
JOIN articles da ON da.id = d.article_id
JOIN claims s ON s.id = l.assertion_id
JOIN articles sa ON sa.id = s.article_id;

DROP VIEW claims_view;
CREATE VIEW claims_view AS
SELECT
    c.id, c.article_id, c.actor, c.counterparty, c.data_type, c.action, c.polarity, c.scope,
    c.speaker, c.stated_on, c.period_start, c.period_end,
    COALESCE(c.stated_on, a.published) AS when_stated,
    c.sentence, c.start, c."end", c.rule, c.confidence, c.extractor_version,
    a.kind AS source_kind, a.url AS article_url, a.title AS article_title, a.outlet, a.published,
    c.key
FROM claims c
JOIN articles a ON a.id = c.article_id;
