-- 0009_language: the language of each article (issue 5, claims on real news).
--
-- `articles.language`: a primary language subtag ("en", "de", "fr"), judged from the text's
-- function words and what the page (`<html lang>`, `content-language`, `og:locale`) or the
-- JSONL line (`language`) declared; see src/claims/language.rs. NULL when not known, and for
-- rows written before this migration. The claim rules read only articles in English or of no
-- known language.
ALTER TABLE articles ADD COLUMN language TEXT;
