//! Backups (Cadangkan): a consistent copy of the whole database written to a file the clerk
//! chooses, with SQLite's `VACUUM INTO` (one transaction-consistent snapshot, compacted). The
//! copy opens with [`Store::open`] like the original.

use std::path::Path;

use crate::{audit, Store, StoreError};

impl Store {
    /// Writes a copy of the database to `path` (which must not exist yet) and audits it.
    pub fn backup_to(&mut self, path: &Path) -> Result<(), StoreError> {
        if path.exists() {
            return Err(StoreError::BackupExists(path.display().to_string()));
        }
        let target = path.to_string_lossy().into_owned();
        self.conn.execute("VACUUM INTO ?1", [&target])?;
        audit::log(
            &self.conn,
            audit::action::BACKUP,
            &format!("Cadangan basis data ditulis ke {target}."),
        )?;
        Ok(())
    }
}
