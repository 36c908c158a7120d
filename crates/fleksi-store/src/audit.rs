//! The audit trail: who-did-what entries (imports, new periods, setting changes, anything the
//! app reports), newest first.

use rusqlite::{params, Connection};

use crate::{now, sql_limit, Store, StoreError};

/// The stable `action` values written by the store (Indonesian, shown as-is in the app).
pub mod action {
    /// An import was recorded.
    pub const IMPORT: &str = "impor";
    /// The active submissions of a policy were cleared (new period).
    pub const CLEAR_ACTIVE: &str = "periode_baru";
    /// A setting changed.
    pub const SETTING: &str = "pengaturan";
    /// A copy of the database was written ([`crate::Store::backup_to`]).
    pub const BACKUP: &str = "cadangan";
    /// The database was restored from a backup ([`crate::Store::restore_from`]).
    pub const RESTORE: &str = "pulihkan";
    /// One file was taken out of the working set ([`crate::Store::deactivate_submission`]).
    pub const DEACTIVATE: &str = "keluarkan_berkas";
    /// A policy (Surat Edaran) was saved ([`crate::Store::save_policy`]).
    pub const POLICY_SAVE: &str = "simpan_surat_edaran";
    /// A policy was archived or brought back ([`crate::Store::archive_policy`]).
    pub const POLICY_ARCHIVE: &str = "arsip_surat_edaran";
    /// The last change of a policy was undone ([`crate::Store::undo_policy`]).
    pub const POLICY_UNDO: &str = "batal_ubah_surat_edaran";
    /// Another Surat Edaran became the one in use (written by the working state).
    pub const POLICY_USE: &str = "pakai_surat_edaran";
    /// The demo regency was written and loaded.
    pub const DEMO: &str = "data_contoh";
    /// The reporting window changed.
    pub const WINDOW: &str = "rentang_laporan";
    /// A document (lampiran, recap, template, error workbook) was saved.
    pub const DOCUMENT: &str = "simpan_dokumen";
    /// A unit's column mapping was remembered ([`crate::Store::record_import_mapped`]).
    pub const MAPPING_SAVE: &str = "simpan_pemetaan_kolom";
    /// A unit's column mapping was removed ([`crate::Store::remove_column_mapping`]).
    pub const MAPPING_REMOVE: &str = "hapus_pemetaan_kolom";

    /// Every action above, for the UI's label table (a new action without a label fails
    /// the UI's tests).
    pub const ALL: [&str; 15] = [
        IMPORT,
        CLEAR_ACTIVE,
        SETTING,
        BACKUP,
        RESTORE,
        DEACTIVATE,
        POLICY_SAVE,
        POLICY_ARCHIVE,
        POLICY_UNDO,
        POLICY_USE,
        DEMO,
        WINDOW,
        DOCUMENT,
        MAPPING_SAVE,
        MAPPING_REMOVE,
    ];
}

/// One audit entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEntry {
    /// ISO-8601 local time.
    pub at: String,
    /// See [`action`]; the app may log its own, but every action it
    /// writes is listed there (the UI labels each one).
    pub action: String,
    /// Indonesian sentence.
    pub detail: String,
}

impl Store {
    /// The latest `limit` audit entries, newest first.
    pub fn audit(&self, limit: usize) -> Result<Vec<AuditEntry>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT at, action, detail FROM audit ORDER BY id DESC LIMIT ?1")?;
        let rows = stmt.query_map([sql_limit(limit)], |row| {
            Ok(AuditEntry {
                at: row.get(0)?,
                action: row.get(1)?,
                detail: row.get(2)?,
            })
        })?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }

    /// Adds an entry of the app's own (an export, a print, …) in its own transaction.
    pub fn log_audit(&mut self, action: &str, detail: &str) -> Result<(), StoreError> {
        let tx = self.write_tx()?;
        log(&tx, action, detail)?;
        tx.commit()?;
        Ok(())
    }
}

/// Appends an entry; call inside the transaction of the change it describes.
pub(crate) fn log(conn: &Connection, action: &str, detail: &str) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO audit (at, action, detail) VALUES (?1, ?2, ?3)",
        params![now(), action, detail],
    )?;
    Ok(())
}
