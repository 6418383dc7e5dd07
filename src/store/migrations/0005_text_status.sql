-- How complete each article's extracted text is (issue 4): 'full', 'partial' (a teaser behind a
-- paywall or login, or far less than the page shows) or 'empty'. NULL for articles stored
-- before this column existed and for text given directly (JSONL `text`), whose completeness
-- claimtrack cannot judge. Claims from 'partial' articles are flagged (`partial_text`).
ALTER TABLE articles ADD COLUMN text_status TEXT
    CHECK (text_status IS NULL OR text_status IN ('full', 'partial', 'empty'));
