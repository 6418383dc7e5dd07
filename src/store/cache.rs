//! The linking candidates held in memory between articles.
//!
//! Linking a new claim looks at every stored claim of the same actor with the opposite
//! polarity. Reading those rows again for each article makes a bulk ingest quadratic in row
//! decoding, so each (actor, polarity) list is read once, by the indexed `CANDIDATES` query, and
//! then kept up to date as claims are stored. It is dropped whole when another connection has
//! committed (`PRAGMA data_version` moved) or a write failed (its transaction rolled back), and
//! an article's claims leave it when they are deleted.

use std::collections::HashMap;

use rusqlite::Connection;

use super::queries;
use crate::model::{ClaimRecord, Polarity};

#[derive(Default)]
pub(super) struct CandidateCache {
    /// `data_version` when the lists were last known to match the database.
    data_version: Option<i64>,
    /// Keyed by actor folded as `COLLATE NOCASE` folds it (ASCII only), and polarity. A key
    /// is present only once its list has been read in full.
    lists: HashMap<(String, Polarity), Vec<ClaimRecord>>,
}

fn key(actor: &str, polarity: Polarity) -> (String, Polarity) {
    (actor.to_ascii_lowercase(), polarity)
}

impl CandidateCache {
    /// Called at the start of each write transaction: forgets everything if another
    /// connection has committed since.
    pub fn sync(&mut self, conn: &Connection) -> rusqlite::Result<()> {
        let version = queries::data_version(conn)?;
        if self.data_version != Some(version) {
            self.clear();
            self.data_version = Some(version);
        }
        Ok(())
    }

    pub fn clear(&mut self) {
        self.lists.clear();
        self.data_version = None;
    }

    /// The stored claims of `actor` with `polarity`, read from the database the first time.
    pub fn get(
        &mut self,
        conn: &Connection,
        actor: &str,
        polarity: Polarity,
    ) -> rusqlite::Result<&[ClaimRecord]> {
        let k = key(actor, polarity);
        if !self.lists.contains_key(&k) {
            let list = queries::candidates(conn, actor, polarity)?;
            self.lists.insert(k.clone(), list);
        }
        Ok(self.lists.get(&k).map_or(&[], Vec::as_slice))
    }

    /// A claim just stored. Lists not read yet will find it in the database.
    pub fn add(&mut self, record: ClaimRecord) {
        if let Some(list) = self
            .lists
            .get_mut(&key(&record.claim.actor, record.claim.polarity))
        {
            list.push(record);
        }
    }

    /// An article's claims were deleted.
    pub fn forget_article(&mut self, article_id: i64) {
        for list in self.lists.values_mut() {
            list.retain(|c| c.article_id != article_id);
        }
    }
}
