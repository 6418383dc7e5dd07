//! Writers over model types: rows (table, JSON, JSONL, CSV) and timelines (JSON, CSV, Markdown,
//! TimelineJS, a self-contained HTML page). Pure: they write to the `Write` they are given.
