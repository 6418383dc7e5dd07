-- 0010_ranked_links: the writer's candidate lists read from indexes alone (issue 8).
--
-- A list (src/store/cache.rs) holds each claim's best links, read by `queries::ranked_links`
-- for every claim of one actor and polarity: the other claim's id and the link's rank. Through
-- `links (denial_id, assertion_id)` and `links (assertion_id)` each link's table row was read
-- for its rank, and a row holds the reason's text: about one page read a link, 18% of a bulk
-- ingest's CPU at 112,000 articles stored (BENCHMARKS.md, twelfth scale session). Both sides
-- now have an index that holds the rank. `links_assertion_id` keeps its name and leading
-- column, so what used it still can.
CREATE INDEX links_denial_rank ON links (denial_id, assertion_id, rank);
DROP INDEX links_assertion_id;
CREATE INDEX links_assertion_id ON links (assertion_id, denial_id, rank);
