//! The versions of each unit over a period (every active send of its files, oldest first) and
//! taking one file out of the working set again.

use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension};

use crate::imports::parse_dates;
use crate::{audit, FileId, ImportId, Store, StoreError};

/// One active send of a unit's file (see [`Store::unit_history`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitVersion {
    pub submission_id: i64,
    /// See [`crate::ActiveSubmission::version`].
    pub version: u32,
    pub import_id: ImportId,
    /// ISO-8601 local time of the import.
    pub imported_at: String,
    /// The file name as picked.
    pub name: String,
    pub sha256: String,
    pub file_id: FileId,
    /// The dates the file covers, sorted (empty for submissions stored before schema 2).
    pub dates: Vec<NaiveDate>,
    pub errors: u32,
    pub warnings: u32,
}

impl Store {
    /// Every active submission of one unit under a policy, in import order (oldest first).
    /// The unit code is compared after trimming, like it is stored.
    pub fn unit_history(
        &self,
        policy_id: &str,
        unit_code: &str,
    ) -> Result<Vec<UnitVersion>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT s.id, s.version, s.import_id, i.at, s.name, f.sha256, s.file_id, s.dates,
                    s.error_count, s.warning_count
             FROM submissions s
             JOIN imports i ON i.id = s.import_id
             JOIN files f ON f.id = s.file_id
             WHERE s.policy_id = ?1 AND s.unit_code = ?2 AND s.active = 1
             ORDER BY s.import_id, s.position",
        )?;
        let mut rows = stmt.query(params![policy_id, unit_code.trim()])?;
        let mut out = Vec::new();
        while let Some(row) = rows.next()? {
            let dates: String = row.get(7)?;
            out.push(UnitVersion {
                submission_id: row.get(0)?,
                version: row.get(1)?,
                import_id: row.get(2)?,
                imported_at: row.get(3)?,
                name: row.get(4)?,
                sha256: row.get(5)?,
                file_id: row.get(6)?,
                dates: parse_dates(&dates)?,
                errors: row.get(8)?,
                warnings: row.get(9)?,
            });
        }
        Ok(out)
    }

    /// The units of a policy with at least one active submission and how many they have,
    /// ordered by unit code.
    pub fn units_with_history(&self, policy_id: &str) -> Result<Vec<(String, u32)>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT unit_code, count(*) FROM submissions
             WHERE policy_id = ?1 AND active = 1 AND unit_code IS NOT NULL
             GROUP BY unit_code ORDER BY unit_code",
        )?;
        let rows = stmt.query_map([policy_id], |row| Ok((row.get(0)?, row.get(1)?)))?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }

    /// Takes one submission out of the working set (its bytes stay stored) and audits it.
    /// Returns `false`, writing nothing, when it is unknown or not active.
    pub fn deactivate_submission(&mut self, submission_id: i64) -> Result<bool, StoreError> {
        let tx = self.write_tx()?;
        let done = retire(&tx, submission_id)?;
        tx.commit()?;
        Ok(done)
    }
}

/// Marks one active submission inactive and audits it; `false` when it is unknown or not
/// active. The caller owns the transaction.
pub(crate) fn retire(tx: &rusqlite::Connection, submission_id: i64) -> Result<bool, StoreError> {
    let found: Option<(String, String, Option<String>, u32, ImportId)> = tx
        .query_row(
            "SELECT name, policy_id, unit_code, version, import_id FROM submissions
             WHERE id = ?1 AND active = 1",
            [submission_id],
            |row| {
                Ok((
                    row.get(0)?,
                    row.get(1)?,
                    row.get(2)?,
                    row.get(3)?,
                    row.get(4)?,
                ))
            },
        )
        .optional()?;
    let Some((name, policy_id, unit, version, import_id)) = found else {
        return Ok(false);
    };
    tx.execute(
        "UPDATE submissions SET active = 0 WHERE id = ?1",
        [submission_id],
    )?;
    let unit = match unit {
        Some(code) => format!("unit {code} versi {version}"),
        None => "unit tidak dikenali".to_string(),
    };
    audit::log(
        tx,
        audit::action::DEACTIVATE,
        &format!(
            "Berkas \u{201c}{name}\u{201d} ({unit}, impor #{import_id}) dikeluarkan dari kumpulan aktif kebijakan \u{201c}{policy_id}\u{201d}; isinya tetap tersimpan."
        ),
    )?;
    Ok(true)
}
