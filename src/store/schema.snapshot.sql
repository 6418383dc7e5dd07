-- The schema after every migration, as SQLite stores it. Regenerate with
-- UPDATE_SCHEMA_SNAPSHOT=1 cargo test --lib store; review the diff.
PRAGMA user_version = 10;
PRAGMA application_id = 1131172971;

CREATE TABLE _claimtrack_meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    url TEXT,
    title TEXT,
    published TEXT,                     -- YYYY-MM-DD
    outlet TEXT,
    author TEXT,
    text TEXT NOT NULL,
    html TEXT,                          -- the raw page, when the article came from one
    origin TEXT NOT NULL,               -- path, path:line or URL it was read from
    content_hash TEXT NOT NULL,         -- SHA-256 of the case-folded, whitespace-normalised text
    ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    extractor_version TEXT NOT NULL
, kind TEXT NOT NULL DEFAULT 'article'
    CHECK (kind IN ('article', 'statement')), canonical_url TEXT, text_status TEXT
    CHECK (text_status IS NULL OR text_status IN ('full', 'partial', 'empty')), html_zstd BLOB, language TEXT);

CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text);
END;

CREATE TRIGGER articles_au AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text);
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;

CREATE TRIGGER articles_au_published AFTER UPDATE OF published ON articles BEGIN
    UPDATE claims SET stated_when = COALESCE(stated_on, new.published) WHERE article_id = new.id;
END;

CREATE INDEX articles_content_hash ON articles (content_hash);

CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, text,
    content = 'articles', content_rowid = 'id',
    tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TABLE 'articles_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;

CREATE TABLE 'articles_fts_data'(id INTEGER PRIMARY KEY, block BLOB);

CREATE TABLE 'articles_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);

CREATE TABLE 'articles_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;

CREATE INDEX articles_published ON articles (published);

CREATE UNIQUE INDEX articles_url ON articles (url) WHERE url IS NOT NULL AND kind = 'article';

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

CREATE TABLE claims (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    actor TEXT NOT NULL COLLATE NOCASE,
    counterparty TEXT COLLATE NOCASE,
    data_type TEXT NOT NULL,
    action TEXT NOT NULL,
    polarity TEXT NOT NULL CHECK (polarity IN ('assertion', 'denial')),
    scope TEXT,
    speaker TEXT,
    stated_on TEXT,                     -- YYYY, YYYY-MM or YYYY-MM-DD
    period_start TEXT,
    period_end TEXT,
    sentence TEXT NOT NULL,
    start INTEGER NOT NULL,             -- character offsets of the sentence in articles.text
    "end" INTEGER NOT NULL,
    rule TEXT NOT NULL,
    confidence REAL NOT NULL,
    extractor_version TEXT NOT NULL
, key TEXT, stated_when TEXT);

CREATE INDEX claims_actor_polarity_data_type ON claims (actor, polarity, data_type);

CREATE INDEX claims_actor_when ON claims (actor, (stated_when IS NULL), stated_when);

CREATE INDEX claims_article_id ON claims (article_id);

CREATE INDEX claims_counterparty_when ON claims (counterparty, (stated_when IS NULL), stated_when);

CREATE INDEX claims_data_type_when ON claims (data_type, (stated_when IS NULL), stated_when);

CREATE INDEX claims_key ON claims (key);

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

CREATE TABLE failures (
    id INTEGER PRIMARY KEY,
    item TEXT NOT NULL,
    reason TEXT NOT NULL,
    at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE TABLE fetch_log (
    id INTEGER PRIMARY KEY,
    url TEXT NOT NULL,
    final_url TEXT,
    status INTEGER,
    outcome TEXT NOT NULL,              -- page, document, not_modified, or a skip/failure code
    error TEXT,                         -- why, for people; NULL when fetched
    attempts INTEGER NOT NULL,
    redirects INTEGER NOT NULL,
    elapsed_ms INTEGER NOT NULL,
    bytes INTEGER NOT NULL,
    at TEXT NOT NULL                    -- when the first request started
);

CREATE INDEX fetch_log_outcome ON fetch_log (outcome);

CREATE INDEX fetch_log_url ON fetch_log (url);

CREATE TABLE fetch_queue (
    id INTEGER PRIMARY KEY,
    url TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL DEFAULT 'page' CHECK (kind IN ('page', 'feed', 'sitemap')),
    source TEXT NOT NULL CHECK (source IN ('cli', 'urls-file', 'feed', 'sitemap', 'warc')),
    source_ref TEXT,                    -- the URL file, feed, sitemap or WARC file it came from
    title_hint TEXT,                    -- from the feed entry or news sitemap
    published_hint TEXT,                -- likewise (a date or date-time as given)
    state TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'done', 'failed', 'skipped')),
    reason TEXT,                        -- why it failed or was skipped
    attempts INTEGER NOT NULL DEFAULT 0,  -- HTTP requests made for it, over all runs
    status INTEGER,                     -- HTTP status of the last response
    final_url TEXT,                     -- after redirects
    etag TEXT,                          -- validators of the last 200, for conditional GET
    last_modified TEXT,
    article_id INTEGER REFERENCES articles (id) ON DELETE SET NULL,
    queued_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    fetched_at TEXT,                    -- last response (for WARC records: the WARC-Date)
    done_at TEXT                        -- when it reached its present state
);

CREATE INDEX fetch_queue_source_ref ON fetch_queue (source_ref);

CREATE INDEX fetch_queue_state ON fetch_queue (state);

CREATE TABLE link_companies (
    link_id INTEGER NOT NULL REFERENCES links (id) ON DELETE CASCADE,
    company TEXT NOT NULL COLLATE NOCASE,
    d_when TEXT,
    a_when TEXT
);

CREATE INDEX link_companies_link_id ON link_companies (link_id);

CREATE INDEX link_companies_order ON link_companies
    (company, (d_when IS NULL), d_when, a_when, link_id);

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

CREATE TABLE links (
    id INTEGER PRIMARY KEY,
    denial_id INTEGER NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    assertion_id INTEGER NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    reason TEXT NOT NULL,
    first TEXT NOT NULL CHECK (first IN ('denial', 'assertion')),
    status TEXT NOT NULL DEFAULT 'auto' CHECK (status IN ('auto', 'confirmed', 'rejected')),
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')), note TEXT, decided_by TEXT, decided_at TEXT, rank INTEGER,
    UNIQUE (denial_id, assertion_id)
);

CREATE INDEX links_assertion_id ON links (assertion_id, denial_id, rank);

CREATE INDEX links_denial_rank ON links (denial_id, assertion_id, rank);

CREATE INDEX links_status ON links (status);
