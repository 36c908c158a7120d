//! Column mappings: what the clerk chose in the mapping step for a file the automatic
//! reader cannot read. One mapping per unit is remembered for that unit's next file (listed
//! and removed on Pengaturan), and each stored file read with a mapping keeps it, so the
//! working set reads the same when it is read back from the bytes. The mapping is the
//! importer's JSON; the store keeps its text and knows nothing of its fields.

use rusqlite::params;

use crate::imports::{record, NewImport};
use crate::{audit, now, ImportId, Store, StoreError};

/// A unit's remembered mapping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredMapping {
    pub unit_code: String,
    /// The mapping as JSON.
    pub mapping: String,
    /// ISO-8601 local time it was saved.
    pub saved_at: String,
}

/// The mappings an import writes with its rows, in its transaction.
#[derive(Debug, Clone, Copy, Default)]
pub struct MappingWrite<'a> {
    /// (SHA-256 of a file's bytes, mapping JSON) of each file read with a mapping.
    pub files: &'a [(&'a str, &'a str)],
    /// A unit's mapping to remember for its next file: (unit code, mapping JSON, the audit
    /// sentence).
    pub remember: Option<(&'a str, &'a str, &'a str)>,
}

impl Store {
    /// [`Store::record_import`] that also stores the mappings its files were read with and
    /// the unit's mapping to remember, all in one transaction: a failure changes nothing.
    pub fn record_import_mapped(
        &mut self,
        import: &NewImport,
        mappings: &MappingWrite,
    ) -> Result<ImportId, StoreError> {
        let seen = self.seen.get();
        let tx = self.write_tx()?;
        let id = record(&tx, import, seen)?;
        for (sha256, mapping) in mappings.files {
            tx.execute(
                "INSERT INTO file_mappings (sha256, mapping, saved_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT (sha256) DO UPDATE SET mapping = excluded.mapping,
                     saved_at = excluded.saved_at",
                params![sha256, mapping, now()],
            )?;
        }
        if let Some((unit, mapping, detail)) = mappings.remember {
            tx.execute(
                "INSERT INTO column_mappings (unit_code, mapping, saved_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT (unit_code) DO UPDATE SET mapping = excluded.mapping,
                     saved_at = excluded.saved_at",
                params![unit, mapping, now()],
            )?;
            audit::log(&tx, audit::action::MAPPING_SAVE, detail)?;
        }
        tx.commit()?;
        self.seen.set(Some(id));
        Ok(id)
    }

    /// The remembered mappings, by unit code.
    pub fn column_mappings(&self) -> Result<Vec<StoredMapping>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT unit_code, mapping, saved_at FROM column_mappings ORDER BY unit_code",
        )?;
        let rows = stmt.query_map([], |row| {
            Ok(StoredMapping {
                unit_code: row.get(0)?,
                mapping: row.get(1)?,
                saved_at: row.get(2)?,
            })
        })?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }

    /// Forgets a unit's mapping (audited with `detail`); false when it had none.
    pub fn remove_column_mapping(&mut self, unit: &str, detail: &str) -> Result<bool, StoreError> {
        let tx = self.write_tx()?;
        let n = tx.execute("DELETE FROM column_mappings WHERE unit_code = ?1", [unit])?;
        if n > 0 {
            audit::log(&tx, audit::action::MAPPING_REMOVE, detail)?;
        }
        tx.commit()?;
        Ok(n > 0)
    }

    /// (SHA-256, mapping JSON) of every stored file read with a mapping.
    pub fn file_mappings(&self) -> Result<Vec<(String, String)>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT sha256, mapping FROM file_mappings ORDER BY sha256")?;
        let rows = stmt.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }
}
