//! Original file bytes, stored once per distinct content (SHA-256, lower-case hex).

use rusqlite::{params, Connection, OptionalExtension, Row};
use sha2::{Digest, Sha256};

use crate::{now, FileId, Store, StoreError};

/// One stored file with its original bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredFile {
    pub id: FileId,
    /// The name it was stored under (in [`crate::ActiveSet`]: the name of that submission).
    pub name: String,
    /// SHA-256 of `bytes`, lower-case hex (64 characters).
    pub sha256: String,
    pub bytes: Vec<u8>,
    /// When these bytes were first stored (ISO-8601 local time).
    pub added_at: String,
}

/// SHA-256 of `bytes` as 64 lower-case hex digits.
pub fn sha256_hex(bytes: &[u8]) -> String {
    format!("{:x}", Sha256::digest(bytes))
}

impl Store {
    /// Stores bytes once (dedupe by SHA-256): returns the existing id when the same bytes are
    /// stored already (the first name is kept).
    pub fn put_file(&mut self, name: &str, bytes: &[u8]) -> Result<FileId, StoreError> {
        let tx = self.write_tx()?;
        let id = put(&tx, name, bytes)?;
        tx.commit()?;
        Ok(id)
    }

    /// One stored file with its bytes.
    pub fn file(&self, id: FileId) -> Result<StoredFile, StoreError> {
        self.conn
            .query_row(
                "SELECT id, name, sha256, bytes, added_at FROM files WHERE id = ?1",
                [id],
                stored_file,
            )
            .optional()?
            .ok_or(StoreError::FileNotFound(id))
    }

    /// The id of the file with this SHA-256 (lower-case hex), if stored.
    pub fn file_by_sha256(&self, sha256: &str) -> Result<Option<FileId>, StoreError> {
        Ok(find(&self.conn, sha256)?)
    }
}

fn find(conn: &Connection, sha256: &str) -> rusqlite::Result<Option<FileId>> {
    conn.query_row("SELECT id FROM files WHERE sha256 = ?1", [sha256], |row| {
        row.get(0)
    })
    .optional()
}

/// Inserts the bytes unless the same content is stored; returns its id. Call inside a
/// transaction.
pub(crate) fn put(conn: &Connection, name: &str, bytes: &[u8]) -> Result<FileId, StoreError> {
    let hash = sha256_hex(bytes);
    if let Some(id) = find(conn, &hash)? {
        return Ok(id);
    }
    let size = i64::try_from(bytes.len()).unwrap_or(i64::MAX);
    conn.execute(
        "INSERT INTO files (sha256, name, size, bytes, added_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![hash, name, size, bytes, now()],
    )?;
    Ok(conn.last_insert_rowid())
}

/// A `StoredFile` from a row selecting (id, name, sha256, bytes, added_at) in that order.
pub(crate) fn stored_file(row: &Row<'_>) -> rusqlite::Result<StoredFile> {
    stored_file_at(row, 0)
}

/// A `StoredFile` from columns `first..first + 5` of a row, in the order of [`stored_file`].
pub(crate) fn stored_file_at(row: &Row<'_>, first: usize) -> rusqlite::Result<StoredFile> {
    Ok(StoredFile {
        id: row.get(first)?,
        name: row.get(first + 1)?,
        sha256: row.get(first + 2)?,
        bytes: row.get(first + 3)?,
        added_at: row.get(first + 4)?,
    })
}
