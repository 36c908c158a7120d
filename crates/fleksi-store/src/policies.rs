//! The clerk's own policies (Surat Edaran): each stored as its TOML text exactly as saved,
//! with every earlier text kept as a numbered revision so the last edit can be undone.
//! Presets are not stored here (they ship with the app); the store does not parse TOML —
//! the workspace checks a policy before it saves it.

use rusqlite::{params, OptionalExtension, Transaction};

use crate::imports::{self, NewImport};
use crate::{audit, now, ImportId, Store, StoreError};

/// One stored policy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredPolicy {
    pub id: String,
    /// The clerk's name for it (shown in lists).
    pub name: String,
    /// The TOML text as last saved.
    pub toml: String,
    /// The preset (or other starting point) it was created from, `None` for a blank one.
    pub source: Option<String>,
    pub archived: bool,
    /// ISO-8601 local time of the first save.
    pub created_at: String,
    /// ISO-8601 local time of the last save or undo.
    pub updated_at: String,
    /// The number of the current text: 1 after the first save, one more per changing save,
    /// one less per undo.
    pub revision: u32,
}

impl StoredPolicy {
    /// Whether an earlier text is kept (an undo would restore it).
    pub fn can_undo(&self) -> bool {
        self.revision > 1
    }
}

/// One earlier text of a policy (see [`Store::policy_revisions`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyRevision {
    /// Its revision number (1 = the first text saved).
    pub seq: u32,
    pub toml: String,
    /// ISO-8601 local time it was replaced.
    pub at: String,
}

/// A policy to save (see [`Store::save_policy`]).
#[derive(Debug, Clone, Copy)]
pub struct NewPolicy<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub toml: &'a str,
    /// Kept from the first save; later saves do not change it.
    pub source: Option<&'a str>,
}

const COLUMNS: &str = "p.id, p.name, p.toml, p.source, p.archived, p.created_at, p.updated_at,
     1 + (SELECT count(*) FROM policy_revisions r WHERE r.policy_id = p.id)";

fn stored_policy(row: &rusqlite::Row<'_>) -> rusqlite::Result<StoredPolicy> {
    Ok(StoredPolicy {
        id: row.get(0)?,
        name: row.get(1)?,
        toml: row.get(2)?,
        source: row.get(3)?,
        archived: row.get::<_, i64>(4)? != 0,
        created_at: row.get(5)?,
        updated_at: row.get(6)?,
        revision: row.get(7)?,
    })
}

impl Store {
    /// Saves a policy: inserts it, or updates its name and text (the earlier text becomes
    /// the next revision, so [`Store::undo_policy`] can bring it back). Saving the same text
    /// again keeps the revision (only a new name is written). Audited as
    /// [`audit::action::POLICY_SAVE`]. Returns the revision of the text now stored.
    pub fn save_policy(
        &mut self,
        id: &str,
        name: &str,
        toml: &str,
        source: Option<&str>,
    ) -> Result<u32, StoreError> {
        let policy = NewPolicy {
            id,
            name,
            toml,
            source,
        };
        let tx = self.write_tx()?;
        let revision = save(&tx, &policy)?;
        tx.commit()?;
        Ok(revision)
    }

    /// [`Store::save_policy`] and, in the same transaction, `revalidated`: the working set of
    /// this policy validated again under the new text, recorded as an import without new
    /// files (its `policy_toml` is what the set is restored with at the next start). Nothing
    /// of either is kept when one fails.
    pub fn save_policy_revalidated(
        &mut self,
        policy: &NewPolicy,
        revalidated: &NewImport,
    ) -> Result<(u32, ImportId), StoreError> {
        let seen = self.seen.get();
        let tx = self.write_tx()?;
        let revision = save(&tx, policy)?;
        let import = imports::record(&tx, revalidated, seen)?;
        tx.commit()?;
        self.seen.set(Some(import));
        Ok((revision, import))
    }

    /// One stored policy, archived or not.
    pub fn policy(&self, id: &str) -> Result<Option<StoredPolicy>, StoreError> {
        Ok(self
            .conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM policies p WHERE p.id = ?1"),
                [id],
                stored_policy,
            )
            .optional()?)
    }

    /// The stored policies by name (then id); archived ones only when asked.
    pub fn policies(&self, include_archived: bool) -> Result<Vec<StoredPolicy>, StoreError> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {COLUMNS} FROM policies p WHERE ?1 OR p.archived = 0
             ORDER BY p.name COLLATE NOCASE, p.id"
        ))?;
        let rows = stmt.query_map([include_archived], stored_policy)?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }

    /// The earlier texts of a policy, oldest first (empty when it was never changed).
    pub fn policy_revisions(&self, id: &str) -> Result<Vec<PolicyRevision>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT seq, toml, at FROM policy_revisions WHERE policy_id = ?1 ORDER BY seq",
        )?;
        let rows = stmt.query_map([id], |row| {
            Ok(PolicyRevision {
                seq: row.get(0)?,
                toml: row.get(1)?,
                at: row.get(2)?,
            })
        })?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }

    /// Archives (hides from the usual list) or brings back a policy; audited when it
    /// changes. [`StoreError::PolicyNotFound`] for an unknown id.
    pub fn archive_policy(&mut self, id: &str, archived: bool) -> Result<(), StoreError> {
        let tx = self.write_tx()?;
        let found: Option<(String, bool)> = tx
            .query_row(
                "SELECT name, archived FROM policies WHERE id = ?1",
                [id],
                |row| Ok((row.get(0)?, row.get::<_, i64>(1)? != 0)),
            )
            .optional()?;
        let Some((name, was)) = found else {
            return Err(StoreError::PolicyNotFound(id.to_string()));
        };
        if was == archived {
            return Ok(());
        }
        tx.execute(
            "UPDATE policies SET archived = ?2 WHERE id = ?1",
            params![id, archived],
        )?;
        let detail = if archived {
            format!("Surat Edaran {} diarsipkan.", label(id, &name))
        } else {
            format!("Surat Edaran {} dikembalikan dari arsip.", label(id, &name))
        };
        audit::log(&tx, audit::action::POLICY_ARCHIVE, &detail)?;
        tx.commit()?;
        Ok(())
    }

    /// Undoes the last change of a policy's text: the latest kept revision becomes the
    /// current text again (and is no longer kept). Returns that text, `None` when there is
    /// nothing to undo. Audited as [`audit::action::POLICY_UNDO`].
    /// [`StoreError::PolicyNotFound`] for an unknown id.
    pub fn undo_policy(&mut self, id: &str) -> Result<Option<String>, StoreError> {
        let tx = self.write_tx()?;
        let toml = undo(&tx, id)?;
        tx.commit()?;
        Ok(toml)
    }

    /// [`Store::undo_policy`] and, in the same transaction, `revalidated` (see
    /// [`Store::save_policy_revalidated`]); nothing is written when there is nothing to undo.
    pub fn undo_policy_revalidated(
        &mut self,
        id: &str,
        revalidated: &NewImport,
    ) -> Result<Option<(String, ImportId)>, StoreError> {
        let seen = self.seen.get();
        let tx = self.write_tx()?;
        let Some(toml) = undo(&tx, id)? else {
            return Ok(None);
        };
        let import = imports::record(&tx, revalidated, seen)?;
        tx.commit()?;
        self.seen.set(Some(import));
        Ok(Some((toml, import)))
    }
}

/// `“Nama” (id)`, or `“id”` when the name is blank.
fn label(id: &str, name: &str) -> String {
    if name.trim().is_empty() || name == id {
        format!("\u{201c}{id}\u{201d}")
    } else {
        format!("\u{201c}{name}\u{201d} ({id})")
    }
}

fn revision_count(tx: &Transaction<'_>, id: &str) -> rusqlite::Result<u32> {
    tx.query_row(
        "SELECT count(*) FROM policy_revisions WHERE policy_id = ?1",
        [id],
        |row| row.get(0),
    )
}

/// Inserts or updates one policy inside the caller's transaction; returns its revision.
fn save(tx: &Transaction<'_>, policy: &NewPolicy) -> Result<u32, StoreError> {
    let at = now();
    let current: Option<(String, String)> = tx
        .query_row(
            "SELECT name, toml FROM policies WHERE id = ?1",
            [policy.id],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .optional()?;
    let revision = match current {
        None => {
            tx.execute(
                "INSERT INTO policies (id, name, toml, source, archived, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, 0, ?5, ?5)",
                params![policy.id, policy.name, policy.toml, policy.source, at],
            )?;
            1
        }
        Some((name, toml)) if toml == policy.toml => {
            if name != policy.name {
                tx.execute(
                    "UPDATE policies SET name = ?2, updated_at = ?3 WHERE id = ?1",
                    params![policy.id, policy.name, at],
                )?;
            }
            return Ok(revision_count(tx, policy.id)? + 1);
        }
        Some((_, toml)) => {
            let seq = revision_count(tx, policy.id)? + 1;
            tx.execute(
                "INSERT INTO policy_revisions (policy_id, seq, toml, at) VALUES (?1, ?2, ?3, ?4)",
                params![policy.id, seq, toml, at],
            )?;
            tx.execute(
                "UPDATE policies SET name = ?2, toml = ?3, updated_at = ?4 WHERE id = ?1",
                params![policy.id, policy.name, policy.toml, at],
            )?;
            seq + 1
        }
    };
    audit::log(
        tx,
        audit::action::POLICY_SAVE,
        &format!(
            "Surat Edaran {} disimpan (revisi {revision}).",
            label(policy.id, policy.name)
        ),
    )?;
    Ok(revision)
}

/// Restores the latest kept revision inside the caller's transaction.
fn undo(tx: &Transaction<'_>, id: &str) -> Result<Option<String>, StoreError> {
    let name: Option<String> = tx
        .query_row("SELECT name FROM policies WHERE id = ?1", [id], |row| {
            row.get(0)
        })
        .optional()?;
    let Some(name) = name else {
        return Err(StoreError::PolicyNotFound(id.to_string()));
    };
    let last: Option<(u32, String)> = tx
        .query_row(
            "SELECT seq, toml FROM policy_revisions WHERE policy_id = ?1
             ORDER BY seq DESC LIMIT 1",
            [id],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .optional()?;
    let Some((seq, toml)) = last else {
        return Ok(None);
    };
    tx.execute(
        "DELETE FROM policy_revisions WHERE policy_id = ?1 AND seq = ?2",
        params![id, seq],
    )?;
    tx.execute(
        "UPDATE policies SET toml = ?2, updated_at = ?3 WHERE id = ?1",
        params![id, toml, now()],
    )?;
    audit::log(
        tx,
        audit::action::POLICY_UNDO,
        &format!(
            "Perubahan terakhir Surat Edaran {} dibatalkan (kembali ke revisi {seq}).",
            label(id, &name)
        ),
    )?;
    Ok(Some(toml))
}
