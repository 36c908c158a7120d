//! Imports: one clerk's import (master + schedule files + the validation's findings) stored
//! all or nothing, the active set of a policy, the history list and the stored findings.
//!
//! A unit's files accumulate over a period: every send stays active (the engine merges them
//! by date, later files winning) until the clerk takes one out or starts a new period.

use chrono::NaiveDate;
use fleksi_core::finding::{Finding, FindingCode, Severity};
use rusqlite::{params, Connection, OptionalExtension};

use crate::files::{self, stored_file_at, StoredFile};
use crate::{audit, now, sql_limit, FileId, ImportId, Store, StoreError};

/// One import to record.
#[derive(Debug, Clone)]
pub struct NewImport<'a> {
    pub policy_id: &'a str,
    /// The policy exactly as used (presets can change between versions).
    pub policy_toml: &'a str,
    pub master: NewFile<'a>,
    /// The schedule files in the order they were imported.
    pub files: Vec<NewSubmission<'a>>,
    /// The findings of the whole validation after this import.
    pub findings: &'a [Finding],
    /// This import starts a new set (e.g. another master): the policy's earlier active
    /// submissions step aside in the same transaction, so a failure changes nothing. Without
    /// it nothing is deactivated: a re-send joins the earlier files of its unit.
    pub fresh: bool,
    /// Active submissions (by id) that this import takes out of the set in the same
    /// transaction (a replaced file, a failed earlier attempt under the same name).
    pub retire: &'a [i64],
}

/// A file as picked by the clerk: its name and original bytes.
#[derive(Debug, Clone, Copy)]
pub struct NewFile<'a> {
    pub name: &'a str,
    pub bytes: &'a [u8],
}

/// One schedule file of an import and what the importer made of it.
#[derive(Debug, Clone, Copy)]
pub struct NewSubmission<'a> {
    pub file: NewFile<'a>,
    /// The unit code found; blank is stored as `None`.
    pub unit_code: Option<&'a str>,
    /// The layout recognised (e.g. `"grid"`), `None` when unreadable.
    pub layout: Option<&'a str>,
    pub rows: u32,
    pub errors: u32,
    pub warnings: u32,
    /// `false` stores the submission with status `unreadable`.
    pub readable: bool,
    /// The dates the file covers, in any order (stored sorted, without repeats).
    pub dates: &'a [NaiveDate],
}

/// What the app re-reads at start: the master and policy of the latest import of a policy and
/// its active schedule files, oldest import first (within an import, in import order).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActiveSet {
    /// The master of the latest import (`name` as given in that import).
    pub master: StoredFile,
    /// The policy TOML exactly as used by the latest import.
    pub policy_toml: String,
    /// The latest import of the policy.
    pub latest_import: ImportId,
    /// The active submissions, in import order.
    pub files: Vec<ActiveFile>,
}

/// One active schedule file of an [`ActiveSet`] with its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActiveFile {
    pub submission_id: i64,
    pub import_id: ImportId,
    /// ISO-8601 local time of the import.
    pub imported_at: String,
    /// See [`ActiveSubmission::version`].
    pub version: u32,
    pub unit_code: Option<String>,
    /// The dates the file covers, sorted (empty for submissions stored before schema 2).
    pub dates: Vec<NaiveDate>,
    /// The bytes; `name` is the name of this submission.
    pub file: StoredFile,
}

/// One line of the import history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportSummary {
    pub id: ImportId,
    /// ISO-8601 local time.
    pub at: String,
    pub policy_id: String,
    /// Number of schedule files in the import.
    pub files: u32,
    /// Error findings of the validation after the import.
    pub errors: u32,
    /// Warning findings of the validation after the import.
    pub warnings: u32,
}

/// One active submission of a policy, without its bytes (for lists in the app).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActiveSubmission {
    pub submission_id: i64,
    pub import_id: ImportId,
    /// ISO-8601 local time of the import.
    pub imported_at: String,
    pub file_id: FileId,
    pub name: String,
    pub sha256: String,
    pub unit_code: Option<String>,
    pub layout: Option<String>,
    pub rows: u32,
    pub errors: u32,
    pub warnings: u32,
    pub readable: bool,
    /// 1 + the number of earlier active submissions of the same unit under the same policy
    /// when it was imported; always 1 for submissions without a unit code.
    pub version: u32,
    /// The dates the file covers, sorted (empty for submissions stored before schema 2).
    pub dates: Vec<NaiveDate>,
}

impl Store {
    /// One import, all or nothing: stores master + every file (dedupe), the import row, one
    /// submission row per file (status "ok" or "unreadable", unit code, layout, rows, errors,
    /// warnings, dates, version = 1 + number of earlier ACTIVE submissions of the same unit
    /// code under the same policy id), the findings, and an audit entry. New submissions are
    /// `active`; earlier ones are deactivated only when [`NewImport::fresh`] is set.
    ///
    /// Refused with [`StoreError::Changed`], writing nothing, when another connection recorded
    /// an import since this one last saw the working set (at open or in [`Store::active_set`]).
    pub fn record_import(&mut self, import: &NewImport) -> Result<ImportId, StoreError> {
        let seen = self.seen.get();
        let tx = self.write_tx()?;
        let id = record(&tx, import, seen)?;
        tx.commit()?;
        self.seen.set(Some(id));
        Ok(id)
    }

    /// The active files of a policy in import order (oldest first) with their bytes, dates and
    /// versions, and the master and policy TOML of the latest import of that policy: what the
    /// app re-reads at start to restore its state.
    /// `None` when the policy was never imported; after [`Store::clear_active`] the master is
    /// still returned with no files.
    pub fn active_set(&self, policy_id: &str) -> Result<Option<ActiveSet>, StoreError> {
        self.seen.set(self.latest_import()?);
        let latest = self
            .conn
            .query_row(
                "SELECT i.id, i.policy_toml, f.id, i.master_name, f.sha256, f.bytes, f.added_at
                 FROM imports i JOIN files f ON f.id = i.master_file_id
                 WHERE i.policy_id = ?1 ORDER BY i.id DESC LIMIT 1",
                [policy_id],
                |row| Ok((row.get(0)?, row.get(1)?, stored_file_at(row, 2)?)),
            )
            .optional()?;
        let Some((latest_import, policy_toml, master)) = latest else {
            return Ok(None);
        };
        let mut stmt = self.conn.prepare(
            "SELECT s.id, s.import_id, i.at, s.version, s.unit_code, s.dates,
                    f.id, s.name, f.sha256, f.bytes, f.added_at
             FROM submissions s
             JOIN imports i ON i.id = s.import_id
             JOIN files f ON f.id = s.file_id
             WHERE s.policy_id = ?1 AND s.active = 1
             ORDER BY s.import_id, s.position",
        )?;
        let mut rows = stmt.query([policy_id])?;
        let mut files = Vec::new();
        while let Some(row) = rows.next()? {
            let dates: String = row.get(5)?;
            files.push(ActiveFile {
                submission_id: row.get(0)?,
                import_id: row.get(1)?,
                imported_at: row.get(2)?,
                version: row.get(3)?,
                unit_code: row.get(4)?,
                dates: parse_dates(&dates)?,
                file: stored_file_at(row, 6)?,
            });
        }
        Ok(Some(ActiveSet {
            master,
            policy_toml,
            latest_import,
            files,
        }))
    }

    /// The active submissions of a policy with their import results (no bytes), in the same
    /// order as [`Store::active_set`].
    pub fn active_submissions(&self, policy_id: &str) -> Result<Vec<ActiveSubmission>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT s.id, s.import_id, i.at, s.file_id, s.name, f.sha256, s.unit_code, s.layout,
                    s.row_count, s.error_count, s.warning_count, s.status, s.version, s.dates
             FROM submissions s
             JOIN imports i ON i.id = s.import_id
             JOIN files f ON f.id = s.file_id
             WHERE s.policy_id = ?1 AND s.active = 1
             ORDER BY s.import_id, s.position",
        )?;
        let mut rows = stmt.query([policy_id])?;
        let mut out = Vec::new();
        while let Some(row) = rows.next()? {
            let dates: String = row.get(13)?;
            out.push(ActiveSubmission {
                submission_id: row.get(0)?,
                import_id: row.get(1)?,
                imported_at: row.get(2)?,
                file_id: row.get(3)?,
                name: row.get(4)?,
                sha256: row.get(5)?,
                unit_code: row.get(6)?,
                layout: row.get(7)?,
                rows: row.get(8)?,
                errors: row.get(9)?,
                warnings: row.get(10)?,
                readable: row.get::<_, String>(11)? == STATUS_OK,
                version: row.get(12)?,
                dates: parse_dates(&dates)?,
            });
        }
        Ok(out)
    }

    /// Marks every active submission of the policy inactive (start a new period); audited.
    /// Returns how many were active.
    pub fn clear_active(&mut self, policy_id: &str) -> Result<usize, StoreError> {
        let tx = self.write_tx()?;
        let cleared = deactivate(&tx, policy_id)?;
        audit::log(
            &tx,
            audit::action::CLEAR_ACTIVE,
            &format!(
                "Periode baru untuk kebijakan \u{201c}{policy_id}\u{201d}: {cleared} berkas tidak aktif lagi."
            ),
        )?;
        tx.commit()?;
        Ok(cleared)
    }

    /// Recent imports, newest first (history list in the app).
    pub fn imports(&self, limit: usize) -> Result<Vec<ImportSummary>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT id, at, policy_id, file_count, error_count, warning_count
             FROM imports ORDER BY id DESC LIMIT ?1",
        )?;
        let rows = stmt.query_map([sql_limit(limit)], |row| {
            Ok(ImportSummary {
                id: row.get(0)?,
                at: row.get(1)?,
                policy_id: row.get(2)?,
                files: row.get(3)?,
                errors: row.get(4)?,
                warnings: row.get(5)?,
            })
        })?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }

    /// The policy TOML exactly as used by an import, `None` for an unknown import.
    pub fn import_policy(&self, import: ImportId) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT policy_toml FROM imports WHERE id = ?1",
                [import],
                |row| row.get(0),
            )
            .optional()?)
    }

    /// Findings stored for one import, in the order they were given (empty for an unknown
    /// import).
    pub fn findings(&self, import: ImportId) -> Result<Vec<Finding>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT code, severity, file, sheet, cell, unit, nip, date, message, hint
             FROM findings WHERE import_id = ?1 ORDER BY seq",
        )?;
        let mut rows = stmt.query([import])?;
        let mut out = Vec::new();
        while let Some(row) = rows.next()? {
            let code: String = row.get(0)?;
            let severity: String = row.get(1)?;
            let date: Option<String> = row.get(7)?;
            out.push(Finding {
                code: parse_code(&code)?,
                severity: parse_severity(&severity)?,
                file: row.get(2)?,
                sheet: row.get(3)?,
                cell: row.get(4)?,
                unit: row.get(5)?,
                nip: row.get(6)?,
                date: date.as_deref().map(parse_date).transpose()?,
                message: row.get(8)?,
                hint: row.get(9)?,
            });
        }
        Ok(out)
    }
}

const STATUS_OK: &str = "ok";
const STATUS_UNREADABLE: &str = "unreadable";
const DATE_FORMAT: &str = "%Y-%m-%d";

/// Records one import inside the caller's transaction: steps the earlier set aside when it
/// is `fresh`, retires what it retires, then writes its rows (see [`Store::record_import`]).
pub(crate) fn record(
    tx: &rusqlite::Transaction<'_>,
    import: &NewImport,
    seen: Option<ImportId>,
) -> Result<ImportId, StoreError> {
    // Inside the write lock: nobody can record another import until this one commits.
    let latest: Option<ImportId> = tx.query_row("SELECT max(id) FROM imports", [], |r| r.get(0))?;
    if latest != seen {
        return Err(StoreError::Changed);
    }
    if import.fresh {
        deactivate(tx, import.policy_id)?;
    }
    for id in import.retire {
        crate::history::retire(tx, *id)?;
    }
    insert_import(tx, import)
}

/// Writes every row of one import; the caller owns the transaction.
fn insert_import(conn: &Connection, import: &NewImport) -> Result<ImportId, StoreError> {
    let master_id = files::put(conn, import.master.name, import.master.bytes)?;
    let errors = import.findings.iter().filter(|f| f.is_error()).count();
    let warnings = import.findings.len() - errors;
    conn.execute(
        "INSERT INTO imports (at, policy_id, policy_toml, master_file_id, master_name,
                              file_count, error_count, warning_count)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            now(),
            import.policy_id,
            import.policy_toml,
            master_id,
            import.master.name,
            count(import.files.len()),
            count(errors),
            count(warnings),
        ],
    )?;
    let import_id = conn.last_insert_rowid();

    let mut insert_submission = conn.prepare(
        "INSERT INTO submissions (import_id, position, file_id, name, policy_id, unit_code,
                                  layout, row_count, error_count, warning_count, status, version,
                                  dates)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?;
    let mut earlier_active = conn.prepare(
        "SELECT coalesce(max(version), 0) FROM submissions
         WHERE policy_id = ?1 AND unit_code = ?2 AND active = 1",
    )?;
    for (position, sub) in import.files.iter().enumerate() {
        let file_id = files::put(conn, sub.file.name, sub.file.bytes)?;
        let unit = sub.unit_code.map(str::trim).filter(|u| !u.is_empty());
        let version = match unit {
            Some(unit) => {
                earlier_active.query_row(params![import.policy_id, unit], |r| r.get::<_, i64>(0))?
                    + 1
            }
            None => 1,
        };
        let status = if sub.readable {
            STATUS_OK
        } else {
            STATUS_UNREADABLE
        };
        insert_submission.execute(params![
            import_id,
            count(position),
            file_id,
            sub.file.name,
            import.policy_id,
            unit,
            sub.layout,
            sub.rows,
            sub.errors,
            sub.warnings,
            status,
            version,
            format_dates(sub.dates),
        ])?;
    }

    let mut insert_finding = conn.prepare(
        "INSERT INTO findings (import_id, seq, code, severity, file, sheet, cell, unit, nip,
                               date, message, hint)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?;
    for (seq, f) in import.findings.iter().enumerate() {
        insert_finding.execute(params![
            import_id,
            count(seq),
            f.code.as_str(),
            severity_str(f.severity),
            f.file,
            f.sheet,
            f.cell,
            f.unit,
            f.nip,
            f.date.map(|d| d.format(DATE_FORMAT).to_string()),
            f.message,
            f.hint,
        ])?;
    }

    audit::log(
        conn,
        audit::action::IMPORT,
        &format!(
            "Impor #{import_id} kebijakan \u{201c}{}\u{201d}: master \u{201c}{}\u{201d}, {} berkas jadwal, {errors} kesalahan, {warnings} peringatan.",
            import.policy_id,
            import.master.name,
            import.files.len(),
        ),
    )?;
    Ok(import_id)
}

/// A count as SQLite's integer (saturating; counts never come near the limit).
fn count(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn severity_str(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

fn parse_severity(s: &str) -> Result<Severity, StoreError> {
    match s {
        "error" => Ok(Severity::Error),
        "warning" => Ok(Severity::Warning),
        other => Err(StoreError::Corrupt(format!(
            "tingkat temuan \u{201c}{other}\u{201d} tidak dikenal"
        ))),
    }
}

fn parse_code(s: &str) -> Result<FindingCode, StoreError> {
    FindingCode::ALL
        .into_iter()
        .find(|c| c.as_str() == s)
        .ok_or_else(|| {
            StoreError::Corrupt(format!(
                "kode temuan \u{201c}{s}\u{201d} tidak dikenal oleh versi ini"
            ))
        })
}

fn parse_date(s: &str) -> Result<NaiveDate, StoreError> {
    NaiveDate::parse_from_str(s, DATE_FORMAT)
        .map_err(|_| StoreError::Corrupt(format!("tanggal temuan \u{201c}{s}\u{201d} tidak sah")))
}

/// The `dates` column: ISO dates, sorted, without repeats, comma-separated.
fn format_dates(dates: &[NaiveDate]) -> String {
    let mut sorted = dates.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    sorted
        .iter()
        .map(|d| d.format(DATE_FORMAT).to_string())
        .collect::<Vec<_>>()
        .join(",")
}

/// Reads back a `dates` column ('' is no dates).
pub(crate) fn parse_dates(s: &str) -> Result<Vec<NaiveDate>, StoreError> {
    s.split(',')
        .filter(|d| !d.is_empty())
        .map(|d| {
            NaiveDate::parse_from_str(d, DATE_FORMAT).map_err(|_| {
                StoreError::Corrupt(format!("tanggal berkas \u{201c}{d}\u{201d} tidak sah"))
            })
        })
        .collect()
}

/// Marks every active submission of the policy inactive; returns how many.
fn deactivate(tx: &rusqlite::Transaction<'_>, policy_id: &str) -> Result<usize, StoreError> {
    Ok(tx.execute(
        "UPDATE submissions SET active = 0 WHERE policy_id = ?1 AND active = 1",
        [policy_id],
    )?)
}
