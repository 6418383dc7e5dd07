-- 0004_link_cap: links stay linear in the archive. A frequent company's every report
-- contradicts every earlier matching denial, so storing every pair grows with the square of
-- the archive. From this version each denial keeps links to its `KEEP_PER_CLAIM` most relevant
-- contradicting reports and each report to its most relevant denials (see src/store/keep.rs
-- and ARCHITECTURE.md); a link is kept when either side ranks it among its best.
--
-- `links.rank` orders a claim's links, lower first (see `keep::rank`); NULL for links stored
-- before this version, until the store fills it in on the next write.
-- `claim_link_counts.found` counts every contradicting claim of the other polarity found for a
-- claim, kept as a link or not, so "and 312 more reports" can be shown. A narrow table of its
-- own: a new report changes the counts of many old claims, and updating these small rows
-- dirties far fewer pages than updating the wide `claims` rows would.

ALTER TABLE links ADD COLUMN rank INTEGER;

CREATE TABLE claim_link_counts (
    claim_id INTEGER PRIMARY KEY REFERENCES claims (id) ON DELETE CASCADE,
    found INTEGER NOT NULL
);

-- Before this version every pair found was stored: the count is the number of links.
INSERT INTO claim_link_counts (claim_id, found)
    SELECT denial_id, count(*) FROM links GROUP BY denial_id
    UNION ALL
    SELECT assertion_id, count(*) FROM links GROUP BY assertion_id;
