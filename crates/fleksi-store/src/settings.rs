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
        let detail =
            format!("Pengaturan \u{201c}{key}\u{201d} diubah menjadi \u{201c}{value}\u{201d}.");
        self.set_setting_noted(key, value, Some((audit::action::SETTING, &detail)))
    }

    /// Sets a setting of the working state, audited with the caller's own action and
    /// sentence (e.g. "Surat Edaran … dipakai"), or not at all with `None` (bookkeeping the
    /// clerk never chose, such as whether the demo is active). Setting the value it already
    /// has writes nothing.
    pub fn set_setting_noted(
        &mut self,
        key: &str,
        value: &str,
        note: Option<(&str, &str)>,
    ) -> Result<(), StoreError> {
        let tx = self.write_tx()?;
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
        if let Some((action, detail)) = note {
            audit::log(&tx, action, detail)?;
        }
        tx.commit()?;
        Ok(())
    }
}
