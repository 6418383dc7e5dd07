-- 0008_html_zstd: raw pages kept compressed (issue 8, "Size").
--
-- `articles.html_zstd`: the raw page as one zstd frame, the default way a page is kept (see
-- src/store/rawhtml.rs). A row has `html` (plain, `ingest --raw-html plain`), `html_zstd`, or
-- neither. Rows written before this migration keep their plain `html`.
ALTER TABLE articles ADD COLUMN html_zstd BLOB;
