-- 0003_fetch: collecting pages from the web. A batch is a queue kept here, so an interrupted
-- run continues where it stopped; every HTTP request made for a URL is logged with its outcome.

-- The page's <link rel=canonical>, when it gave one (articles.url is where it was fetched).
ALTER TABLE articles ADD COLUMN canonical_url TEXT;

-- One row per URL ever queued (normalised: see fetch::normalize_url). Pages are fetched once;
-- feeds and sitemaps are fetched again on every run, with a conditional GET.
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

CREATE INDEX fetch_queue_state ON fetch_queue (state);
CREATE INDEX fetch_queue_source_ref ON fetch_queue (source_ref);

-- One row per URL fetched per run: retries and redirect hops are counted in `attempts` and
-- `redirects`; robots.txt requests are not logged.
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

CREATE INDEX fetch_log_url ON fetch_log (url);
CREATE INDEX fetch_log_outcome ON fetch_log (outcome);
