//! Opening a database: recognising ours (marker table and `PRAGMA application_id`), refusing a
//! foreign or newer one before touching it, setting the connection pragmas and applying the
//! numbered migrations, each in one transaction, with the version in `PRAGMA user_version`.

use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, OptionalExtension, TransactionBehavior};

use super::{Result, StoreError};

/// `PRAGMA application_id` of a claimtrack database: "ClTk" in ASCII.
pub const APPLICATION_ID: i64 = 0x436c_546b;

/// The migrations, in order; migration `i` (from 0) brings the schema to version `i + 1`.
/// Never edit one once released: add the next.
const MIGRATIONS: &[(&str, &str)] = &[
    ("0001_init", include_str!("migrations/0001_init.sql")),
    ("0002_review", include_str!("migrations/0002_review.sql")),
    ("0003_fetch", include_str!("migrations/0003_fetch.sql")),
    ("0004_link_cap", include_str!("migrations/0004_link_cap.sql")),
    (
        "0005_text_status",
        include_str!("migrations/0005_text_status.sql"),
    ),
    ("0006_scale", include_str!("migrations/0006_scale.sql")),
    (
        "0007_batch_writes",
        include_str!("migrations/0007_batch_writes.sql"),
    ),
    ("0008_html_zstd", include_str!("migrations/0008_html_zstd.sql")),
    ("0009_language", include_str!("migrations/0009_language.sql")),
    (
        "0010_ranked_links",
        include_str!("migrations/0010_ranked_links.sql"),
    ),
];

/// The schema version this build writes and reads.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// The writer's page cache, as `PRAGMA cache_size` takes it (negative: KiB), 16 MiB: 32 MiB
/// saved little at 110,000 articles stored (a 1.9 GB file is read all over either way) and held
/// 17 MB more of a bulk ingest's peak RSS (BENCHMARKS.md, twelfth scale session).
const WRITER_CACHE_KIB: i64 = -16_384;

/// The writer lets the write-ahead log grow to this many pages (64 MiB) before copying them
/// into the database (SQLite's default is 1,000). An index page that many batches change is
/// copied once a checkpoint: with the default, checkpoints were 10% of a bulk ingest at 10,000
/// articles stored.
const WAL_AUTOCHECKPOINT_PAGES: i64 = 16_384;

/// A reader maps up to this much of the database into memory (`PRAGMA mmap_size`): a company's
/// timeline or a long listing reads rows all over the file, and through the page cache each was
/// a system call.
const READER_MMAP_BYTES: i64 = 1 << 34;

/// A reader's page cache (negative: KiB), 16 MiB.
const READER_CACHE_KIB: i64 = -16_384;

pub(super) fn path_string(path: &Path) -> String {
    path.display().to_string()
}

/// Wraps an error met while opening `path`, naming the path.
pub(super) fn open_error(path: &Path, source: rusqlite::Error) -> StoreError {
    if source.sqlite_error_code() == Some(ErrorCode::NotADatabase) {
        StoreError::NotADatabase {
            path: path_string(path),
        }
    } else if source.sqlite_error_code() == Some(ErrorCode::CannotOpen) {
        StoreError::CannotOpen {
            path: path_string(path),
        }
    } else {
        StoreError::Open {
            path: path_string(path),
            source,
        }
    }
}

/// What the file says about itself, read without writing anything.
struct Header {
    user_version: i64,
    application_id: i64,
    objects: i64,
    has_marker: bool,
}

fn read_header(conn: &Connection) -> rusqlite::Result<Header> {
    let user_version = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let application_id = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    let objects = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
    let has_marker: i64 = conn.query_row(
        "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = '_claimtrack_meta'",
        [],
        |r| r.get(0),
    )?;
    Ok(Header {
        user_version,
        application_id,
        objects,
        has_marker: has_marker > 0,
    })
}

/// Refuses a database that is not claimtrack's or is newer than this build.
fn check_header(path: &Path, h: &Header) -> Result<()> {
    let foreign = |reason: String| StoreError::Foreign {
        path: path_string(path),
        reason,
    };
    if h.application_id != 0 && h.application_id != APPLICATION_ID {
        return Err(foreign(format!(
            "its application_id is {:#x}, another program's; pass another --db path",
            h.application_id
        )));
    }
    if h.user_version == 0 && h.objects > 0 {
        return Err(foreign(
            "it holds tables but no claimtrack schema; pass another --db path".to_string(),
        ));
    }
    if h.user_version > 0 && (h.application_id != APPLICATION_ID || !h.has_marker) {
        return Err(foreign(format!(
            "it has schema version {} but no claimtrack marker; pass another --db path",
            h.user_version
        )));
    }
    if h.user_version > SCHEMA_VERSION {
        return Err(StoreError::TooNew {
            path: path_string(path),
            found: h.user_version,
            known: SCHEMA_VERSION,
        });
    }
    Ok(())
}

/// Plans that do not depend on the values bound (SQLite's "query planner stability
/// guarantee"). Without it, a statement whose plan SQLite thinks a bound value might change is
/// marked to be prepared again whenever a parameter is bound anew, so a cached statement was
/// compiled again at every use: reading a linking candidate by id (`claim_with_key`) spent 9%
/// of a bulk ingest in SQLite's parser at 30,000 articles stored. Our statements look rows up
/// by equality and index ranges, whose plans no bound value changes.
fn stable_plans(conn: &Connection) -> rusqlite::Result<()> {
    conn.set_db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true)?;
    Ok(())
}

/// Checks, configures and migrates a connection opened for writing.
pub(super) fn prepare_for_writing(conn: &mut Connection, path: &Path) -> Result<()> {
    conn.busy_timeout(BUSY_TIMEOUT).map_err(|e| open_error(path, e))?;
    let header = read_header(conn).map_err(|e| open_error(path, e))?;
    check_header(path, &header)?;
    // Only now that the file is known to be ours (or empty) may it be written to.
    let configure = |conn: &Connection| -> rusqlite::Result<()> {
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // A writer touches index pages all over a big file: a 16 MiB page cache (SQLite's
        // default is 2 MiB) keeps them in memory instead of reading them back from the OS for
        // every article. (Not `temp_store = MEMORY`: SQLite then truncates the in-memory
        // sub-journal by walking it from its start at the end of every statement: 76% of the
        // process in one profile at 20,000 articles stored; see BENCHMARKS.md.)
        conn.pragma_update(None, "cache_size", WRITER_CACHE_KIB)?;
        conn.pragma_update(None, "wal_autocheckpoint", WAL_AUTOCHECKPOINT_PAGES)?;
        rusqlite::vtab::array::load_module(conn)?;
        stable_plans(conn)
    };
    configure(conn).map_err(|e| open_error(path, e))?;
    migrate(conn, path)?;
    // Claims stored under schema 1 have no stable key yet; give them one (a no-op afterwards).
    super::queries::backfill_keys(conn).map_err(|e| open_error(path, e))?;
    // Links stored before schema 4 have no rank yet (a no-op afterwards).
    super::keep::backfill_ranks(conn).map_err(|e| open_error(path, e))
}

/// Applies every migration the database lacks, each in one transaction. The version is read
/// again inside the transaction so two processes opening a new file at once do not both migrate.
fn migrate(conn: &mut Connection, path: &Path) -> Result<()> {
    // Up to date: nothing to write, so no write lock (another writer may hold it for a while).
    let current: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(|e| open_error(path, e))?;
    if current == SCHEMA_VERSION {
        return Ok(());
    }
    for (index, (name, sql)) in MIGRATIONS.iter().enumerate() {
        let version = index as i64 + 1;
        let failed = |source| StoreError::Migration {
            path: path_string(path),
            name,
            source,
        };
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(failed)?;
        let current: i64 = tx
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(failed)?;
        if current > SCHEMA_VERSION {
            return Err(StoreError::TooNew {
                path: path_string(path),
                found: current,
                known: SCHEMA_VERSION,
            });
        }
        if current >= version {
            continue;
        }
        tx.execute_batch(sql).map_err(failed)?;
        tx.pragma_update(None, "user_version", version).map_err(failed)?;
        tx.pragma_update(None, "application_id", APPLICATION_ID)
            .map_err(failed)?;
        tx.commit().map_err(failed)?;
    }
    Ok(())
}

/// Checks and configures a connection opened read-only: no migration, so an older schema is
/// refused as well as a newer one.
pub(super) fn prepare_for_reading(conn: &Connection, path: &Path) -> Result<()> {
    conn.busy_timeout(BUSY_TIMEOUT).map_err(|e| open_error(path, e))?;
    let header = read_header(conn).map_err(|e| open_error(path, e))?;
    check_header(path, &header)?;
    if header.user_version == 0 {
        return Err(StoreError::Foreign {
            path: path_string(path),
            reason: "it is empty; run `claimtrack ingest` first".to_string(),
        });
    }
    if header.user_version < SCHEMA_VERSION {
        return Err(StoreError::Outdated {
            path: path_string(path),
            found: header.user_version,
            known: SCHEMA_VERSION,
        });
    }
    conn.pragma_update(None, "foreign_keys", "ON")
        .map_err(|e| open_error(path, e))?;
    stable_plans(conn).map_err(|e| open_error(path, e))?;
    // `rarray(?)`: a list of ids bound as one parameter (a timeline's claims read in one go).
    rusqlite::vtab::array::load_module(conn).map_err(|e| open_error(path, e))?;
    conn.pragma_update(None, "cache_size", READER_CACHE_KIB)
        .map_err(|e| open_error(path, e))?;
    // Sorts (a company's whole claim list) in memory, not in temporary files. A reader opens no
    // savepoints, so the sub-journal cost that keeps the writer off this setting does not arise.
    conn.pragma_update(None, "temp_store", "MEMORY")
        .map_err(|e| open_error(path, e))?;
    // A build of SQLite without memory mapping answers with its limit; nothing to do then.
    conn.query_row(&format!("PRAGMA mmap_size = {READER_MMAP_BYTES}"), [], |_| Ok(()))
        .optional()
        .map_err(|e| open_error(path, e))?;
    Ok(())
}

/// The schema as SQLite reports it, one statement per entry in name order, for the snapshot test.
#[cfg(test)]
pub(super) fn dump(conn: &Connection) -> rusqlite::Result<String> {
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let app: i64 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    let mut out = format!(
        "-- The schema after every migration, as SQLite stores it. Regenerate with\n\
         -- UPDATE_SCHEMA_SNAPSHOT=1 cargo test --lib store; review the diff.\n\
         PRAGMA user_version = {version};\nPRAGMA application_id = {app};\n"
    );
    let mut st = conn.prepare("SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL ORDER BY name")?;
    let rows = st.query_map([], |r| r.get::<_, String>(0))?;
    for sql in rows {
        out.push('\n');
        out.push_str(&sql?);
        out.push_str(";\n");
    }
    Ok(out)
}
