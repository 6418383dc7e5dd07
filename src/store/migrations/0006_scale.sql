-- 0006_scale: costs that stay flat as the archive grows (issue 8).
--
-- `claim_link_counts` goes: keeping every claim's count of contradicting claims found up to
-- date meant evaluating every pair a new claim makes, which grows with the archive. The count
-- is now taken when asked (`contradictions`' "and N more"; src/store/keep.rs `count_found`).
DROP TABLE claim_link_counts;

-- `claims.stated_when`: when the claim was stated, `stated_on`, else its article's publication
-- date (NULL when neither is known) — the date every filter and listing orders by. Kept on the
-- claim so that `claims` filters and orders through one index, without reading the articles
-- first. Set on insert (src/store/queries.rs `insert_claim`) and by the trigger below when an
-- article's date changes.
ALTER TABLE claims ADD COLUMN stated_when TEXT;
UPDATE claims SET stated_when = COALESCE(stated_on,
    (SELECT published FROM articles a WHERE a.id = claims.article_id));

CREATE TRIGGER articles_au_published AFTER UPDATE OF published ON articles BEGIN
    UPDATE claims SET stated_when = COALESCE(stated_on, new.published) WHERE article_id = new.id;
END;

-- Listings order by (undated last, date, id): these indexes hold that order per data type,
-- counterparty and actor, so a `--limit` reads only the rows it returns. They replace the
-- single-column ones on data_type and counterparty.
DROP INDEX claims_data_type;
DROP INDEX claims_counterparty;
CREATE INDEX claims_data_type_when ON claims (data_type, (stated_when IS NULL), stated_when);
CREATE INDEX claims_counterparty_when ON claims (counterparty, (stated_when IS NULL), stated_when);
CREATE INDEX claims_actor_when ON claims (actor, (stated_when IS NULL), stated_when);

-- `link_companies`: each link under every company it concerns (the actor and counterparty of
-- either claim, each name once), with both claims' `stated_when`, in the order `contradictions`
-- lists links. `contradictions --company X --limit N` reads N rows of this index instead of
-- sorting all of X's links. Filled by the trigger on `links`; rows go with their link.
CREATE TABLE link_companies (
    link_id INTEGER NOT NULL REFERENCES links (id) ON DELETE CASCADE,
    company TEXT NOT NULL COLLATE NOCASE,
    d_when TEXT,
    a_when TEXT
);

CREATE INDEX link_companies_order ON link_companies
    (company, (d_when IS NULL), d_when, a_when, link_id);
CREATE INDEX link_companies_link_id ON link_companies (link_id);

CREATE TRIGGER links_ai_companies AFTER INSERT ON links BEGIN
    INSERT INTO link_companies (link_id, company, d_when, a_when)
    SELECT new.id, name,
           (SELECT stated_when FROM claims WHERE id = new.denial_id),
           (SELECT stated_when FROM claims WHERE id = new.assertion_id)
    FROM (SELECT actor AS name FROM claims WHERE id = new.denial_id
          UNION SELECT counterparty FROM claims WHERE id = new.denial_id
          UNION SELECT actor FROM claims WHERE id = new.assertion_id
          UNION SELECT counterparty FROM claims WHERE id = new.assertion_id)
    WHERE name IS NOT NULL;
END;

-- The links stored before this version.
INSERT INTO link_companies (link_id, company, d_when, a_when)
SELECT link_id, name, d_when, a_when FROM (
    SELECT l.id AS link_id, d.actor AS name, d.stated_when AS d_when, s.stated_when AS a_when
        FROM links l JOIN claims d ON d.id = l.denial_id JOIN claims s ON s.id = l.assertion_id
    UNION SELECT l.id, d.counterparty, d.stated_when, s.stated_when
        FROM links l JOIN claims d ON d.id = l.denial_id JOIN claims s ON s.id = l.assertion_id
    UNION SELECT l.id, s.actor, d.stated_when, s.stated_when
        FROM links l JOIN claims d ON d.id = l.denial_id JOIN claims s ON s.id = l.assertion_id
    UNION SELECT l.id, s.counterparty, d.stated_when, s.stated_when
        FROM links l JOIN claims d ON d.id = l.denial_id JOIN claims s ON s.id = l.assertion_id)
WHERE name IS NOT NULL;
