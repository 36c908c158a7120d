//! A submission (Kiriman OPD): what one imported workbook says for one unit — its unit,
//! sheet, layout, and rows of (NIP, name, position, date → status) with the cell each value
//! came from. A workbook of several units gives one submission per unit.

use crate::finding::{Finding, FindingCode};
use crate::nip::Nip;
use crate::status::Status;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// How the schedule is laid out in the sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Layout {
    /// One row per employee, one column per date.
    Wide,
    /// One row per (employee, date).
    Long,
}

/// One unit's part of an imported workbook (the whole workbook for a one-unit file).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Submission {
    /// File name as given (path or name).
    pub file: String,
    /// The sheet the schedule was read from.
    pub sheet: String,
    /// Unit code, `None` when the file's unit cannot be told.
    pub unit: Option<String>,
    pub layout: Layout,
    /// The dates the file covers (its date columns, or the dates of its rows).
    pub dates: Vec<NaiveDate>,
    /// A1 reference of each date's column header, parallel to `dates` (wide layout).
    pub date_cells: Vec<String>,
    pub rows: Vec<ScheduleRow>,
    /// What the importer found (unreadable file, header, NIP, status problems).
    pub findings: Vec<Finding>,
    /// How the file was read, for its result line (columns recognised by their content).
    #[serde(default)]
    pub notes: Vec<String>,
}

impl Submission {
    /// The file gave no schedule at all: it could not be opened (`file.unreadable`) or no
    /// header row was found in it (`header.not_found`), and no row was read. Its unit shows
    /// "berkas tidak terbaca".
    pub fn is_unread(&self) -> bool {
        self.rows.is_empty()
            && self.findings.iter().any(|f| {
                matches!(
                    f.code,
                    FindingCode::FileUnreadable | FindingCode::HeaderNotFound
                )
            })
    }
}

/// One employee's row (wide) or the rows of one employee gathered (long).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScheduleRow {
    /// The NIP when it parsed (or was recovered from the master).
    pub nip: Option<Nip>,
    /// The NIP as written in the file.
    pub nip_text: String,
    /// A1 reference of the NIP cell.
    pub nip_cell: String,
    pub name: String,
    pub position: String,
    pub entries: Vec<Entry>,
}

/// One cell of the schedule: a date and what was written for it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub date: NaiveDate,
    /// `None` when blank or not a known status (the importer reports the latter).
    pub status: Option<Status>,
    /// The text as written.
    pub raw: String,
    /// A1 reference of the status cell.
    pub cell: String,
    /// Superior's approval for this day: `None` when the file has no approval column; a
    /// blank approval cell is `Some(Approval::No)`.
    pub approved: Option<Approval>,
    /// A1 reference of the approval cell, when the file has an approval column.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approval_cell: Option<String>,
}

/// What an approval cell says. Only an explicit yes counts as approved; the importer decides
/// (see `fleksi_import::cells::approval` for the words).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Approval {
    /// `Disetujui`, `Setuju`, `ACC`, `Ya`, `✓`, a name or paraf, …
    Yes,
    /// Blank, `Belum ACC`, `Tidak setuju`, `Ditolak`, `X`, …
    No,
    /// Anything else (`Menunggu`, `Proses`, `?`): neither a clear yes nor a clear no.
    Unclear,
}
