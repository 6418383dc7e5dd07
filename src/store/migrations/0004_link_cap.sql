-- 0004_link_cap: links stay linear in the archive. A frequent company's every report
-- contradicts every earlier matching denial, so storing every pair grows with the square of
-- the archive. From this version each denial keeps links to its `KEEP_PER_CLAIM` most relevant
-- contradicting reports and each report to its most relevant denials (see src/store/keep.rs
-- and ARCHITECTURE.md); a link is kept when either side ranks it among its best.
--
-- `links.rank` orders a claim's links, lower first (see `keep::rank`); NULL for links stored
-- before this version, until the store fills it in on the next write.
-- `claims.links_found` counts every contradicting claim of the other polarity found for this
-- claim, kept as a link or not, so "and 312 more reports" can be shown.

ALTER TABLE links ADD COLUMN rank INTEGER;
ALTER TABLE claims ADD COLUMN links_found INTEGER NOT NULL DEFAULT 0;

-- Before this version every pair found was stored: the count is the number of links.
UPDATE claims SET links_found = CASE polarity
    WHEN 'denial' THEN (SELECT count(*) FROM links l WHERE l.denial_id = claims.id)
    ELSE (SELECT count(*) FROM links l WHERE l.assertion_id = claims.id)
END;

