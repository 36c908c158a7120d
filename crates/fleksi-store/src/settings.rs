//! Key/value settings of the app (folders, signatory defaults, last policy, …); every change
//! is audited.

use rusqlite::{params, OptionalExtension};

use crate::{audit, now, Store, StoreError};

impl Store {
    /// The value of a setting, `None` when never set.
    pub fn setting(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |row| {
                row.get(0)
            })
            .optional()?)
    }

    /// Sets (inserts or replaces) a setting; a change is audited as
    /// [`audit::action::SETTING`]. Setting the value it already has writes nothing.
    pub fn set_setting(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        let current: Option<String> = tx
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |row| {
                row.get(0)
            })
            .optional()?;
        if current.as_deref() == Some(value) {
            return Ok(());
        }
        tx.execute(
            "INSERT INTO settings (key, value, updated_at) VALUES (?1, ?2, ?3)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
            params![key, value, now()],
        )?;
        audit::log(
            &tx,
            audit::action::SETTING,
            &format!("Pengaturan \u{201c}{key}\u{201d} diubah menjadi \u{201c}{value}\u{201d}."),
        )?;
        tx.commit()?;
        Ok(())
    }
}
