-- 0007_batch_writes: a bulk ingest writes the full-text index and `link_companies` once per
-- transaction instead of once per row (issue 8).
--
-- Both triggers below ran inside each article's savepoint: FTS5 flushes its pending terms
-- into a new segment at every savepoint (so each article became a segment to merge), and the
-- trigger on `links` made every link insert a multi-row statement, with its own statement
-- journal and four claim lookups, even for links pushed out of a claim's best 5 a few articles
-- later in the same transaction. The store now writes both just before each commit
-- (src/store/queries.rs `finish`): the FTS rows of the articles inserted, and the
-- `link_companies` rows of the links inserted that are still there. Updates and deletes of
-- articles keep their FTS triggers (`articles_au`, `articles_ad`), and `link_companies` rows
-- still go with their link (ON DELETE CASCADE). A program other than claimtrack that inserts
-- articles or links directly must now write those rows itself.
DROP TRIGGER articles_ai;
DROP TRIGGER links_ai_companies;
