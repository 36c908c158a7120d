//! The clerk's column mapping, for a file the automatic reader cannot read: which row holds
//! the headings and what each column is (NIP, nama, jabatan, unit, tanggal, keterangan,
//! persetujuan, a column per day, or abaikan). A mapping is turned into the same located
//! table the automatic reader finds, so the rows go through the same cell, status, date and
//! NIP parsing and give the same findings. Nothing beyond what the clerk chose is guessed;
//! a mapping that does not fit the file is refused with a message naming what is wrong.
//! Also the dialog's starting point: the first rows of a sheet as text and the automatic
//! reader's best guess of the header row and roles.

use crate::cells;
use crate::content;
use crate::dates;
use crate::error::Limits;
use crate::headers::Role;
use crate::legend::Legend;
use crate::schedule::{self, letters, Table};
use crate::workbook::{Opener, Sheet};
use chrono::NaiveDate;
use fleksi_core::finding::a1;
use fleksi_core::{Layout, Master, Policy, Submission};
use serde::{Deserialize, Serialize};
use std::panic::{catch_unwind, AssertUnwindSafe};
use ts_rs::TS;

/// Rows of a sheet shown in the dialog (a letterhead, title and notes above the header can
/// take a dozen rows or more; the dialog's table scrolls).
pub const PREVIEW_ROWS: u32 = 30;
/// Columns of a sheet shown in the dialog (and the most a mapping may name).
pub const PREVIEW_COLUMNS: u32 = 40;
/// Longest cell text shown in the dialog.
const PREVIEW_CHARS: usize = 40;

/// What one column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ColumnRole {
    Nip,
    Name,
    Position,
    Unit,
    /// The date of each row (long layout: one row per person per day).
    Date,
    /// The status of each row (keterangan: WFO, WFA, …) in the long layout.
    Status,
    Approval,
    /// One day's statuses (wide layout: a column per day); the date is the header cell's or
    /// the one the clerk gave.
    Day,
    /// Not read.
    Ignore,
}

impl ColumnRole {
    /// The role in Indonesian, as the dialog and the summaries name it.
    pub fn label(self) -> &'static str {
        match self {
            ColumnRole::Nip => "NIP",
            ColumnRole::Name => "nama",
            ColumnRole::Position => "jabatan",
            ColumnRole::Unit => "unit",
            ColumnRole::Date => "tanggal",
            ColumnRole::Status => "keterangan",
            ColumnRole::Approval => "persetujuan",
            ColumnRole::Day => "kolom per tanggal",
            ColumnRole::Ignore => "abaikan",
        }
    }
}

/// One column's role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ColumnChoice {
    /// Column letters, e.g. `D`.
    pub column: String,
    pub role: ColumnRole,
    /// [`ColumnRole::Day`] only: the column's date when its header cell does not give it.
    pub date: Option<NaiveDate>,
}

/// How to read one sheet of a file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ColumnMapping {
    /// The sheet to read; `None`: the first visible sheet.
    pub sheet: Option<String>,
    /// The row of headings, 1-based; `None`: the file has no header row.
    pub header_row: Option<u32>,
    /// The first row of data, 1-based (below the header row when there is one).
    pub first_data_row: u32,
    /// Columns not listed are not read.
    pub columns: Vec<ColumnChoice>,
    /// The unit the file is for (a master unit code); `None`: told from the file as usual.
    pub unit: Option<String>,
}

impl ColumnMapping {
    /// The mapping in one line of Indonesian: `baris judul 7; A NIP, B nama, C tanggal,
    /// E keterangan`.
    pub fn summary(&self) -> String {
        let header = match self.header_row {
            Some(h) => format!("baris judul {h}"),
            None => format!(
                "tanpa baris judul (data mulai baris {})",
                self.first_data_row
            ),
        };
        let cols: Vec<String> = self
            .columns
            .iter()
            .filter(|c| c.role != ColumnRole::Ignore)
            .map(|c| match (c.role, c.date) {
                (ColumnRole::Day, Some(d)) => {
                    format!("{} tanggal {}", c.column, d.format("%d-%m-%Y"))
                }
                (ColumnRole::Day, None) => format!("{} tanggal (dari judul)", c.column),
                (role, _) => format!("{} {}", c.column, role.label()),
            })
            .collect();
        let sheet = self
            .sheet
            .as_deref()
            .map(|s| format!("lembar '{s}'; "))
            .unwrap_or_default();
        format!("{sheet}{header}; {}", cols.join(", "))
    }
}

/// Why a mapping cannot be used on a file (in Indonesian, naming the file and what is
/// wrong); nothing is imported.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct MappingError(pub String);

/// The first rows of a sheet as the clerk sees them, and where the dialog starts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SheetPreview {
    pub file: String,
    /// Every visible sheet, in workbook order.
    pub sheets: Vec<String>,
    /// The sheet shown.
    pub sheet: String,
    /// Column letters shown (at most [`PREVIEW_COLUMNS`]).
    pub columns: Vec<String>,
    /// 1-based number of each row shown.
    pub row_numbers: Vec<u32>,
    /// Cell texts, a row per entry of `row_numbers`, a text per column.
    pub cells: Vec<Vec<String>>,
    /// The automatic reader's best guess: a starting point for the clerk, never imported
    /// unless the clerk confirms it.
    pub guess: ColumnMapping,
}

/// The column index of letters such as `D` or `AB`.
fn column_index(letters: &str) -> Option<u32> {
    let t = letters.trim();
    if t.is_empty() || t.len() > 3 || !t.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let n = t.bytes().fold(0u32, |n, b| {
        n * 26 + u32::from(b.to_ascii_uppercase() - b'A') + 1
    });
    Some(n - 1)
}

fn pick_sheet<'a>(
    name: &str,
    sheets: &'a [Sheet],
    wanted: Option<&str>,
) -> Result<&'a Sheet, MappingError> {
    match wanted {
        // A workbook of one sheet: that sheet, whatever this week's file calls it.
        Some(_) if sheets.len() == 1 => Ok(&sheets[0]),
        Some(w) => sheets.iter().find(|s| s.name == w).ok_or_else(|| {
            MappingError(format!(
                "Lembar '{w}' tidak ada pada berkas '{name}' (lembar yang ada: {}).",
                sheets
                    .iter()
                    .map(|s| format!("'{}'", s.name))
                    .collect::<Vec<_>>()
                    .join(", ")
            ))
        }),
        None => sheets
            .first()
            .ok_or_else(|| MappingError(format!("Berkas '{name}' tidak berisi lembar kerja."))),
    }
}

fn open(opener: &Opener, name: &str, bytes: &[u8]) -> Result<Vec<Sheet>, MappingError> {
    opener
        .open(name, bytes, &Limits::default())
        .map_err(|e| MappingError(e.to_string()))
}

/// The one column a role may have (`None` when not chosen); two are refused.
fn single(chosen: &[(u32, &ColumnChoice)], role: ColumnRole) -> Result<Option<u32>, MappingError> {
    let cols: Vec<u32> = chosen
        .iter()
        .filter(|(_, c)| c.role == role)
        .map(|(i, _)| *i)
        .collect();
    match cols.as_slice() {
        [] => Ok(None),
        [c] => Ok(Some(*c)),
        many => Err(MappingError(format!(
            "Kolom {} hanya boleh satu; dipilih kolom {}.",
            role.label(),
            many.iter()
                .map(|c| letters(*c))
                .collect::<Vec<_>>()
                .join(" dan ")
        ))),
    }
}

/// The table the mapping lays out on `sheet`, or why it does not fit.
fn table(
    name: &str,
    sheet: &Sheet,
    mapping: &ColumnMapping,
    policy: &Policy,
) -> Result<Table, MappingError> {
    let here = format!("berkas '{name}', lembar '{}'", sheet.name);
    let Some(((_, _), (r1, c1))) = sheet.bounds() else {
        return Err(MappingError(format!("Lembar kosong ({here}).")));
    };
    let last_row = r1 + 1;
    if let Some(h) = mapping.header_row {
        if h == 0 || h > last_row {
            return Err(MappingError(format!(
                "Baris judul {h} di luar tabel ({here}: baris terakhir berisi {last_row})."
            )));
        }
    }
    let first = mapping.first_data_row;
    if first == 0 || first > last_row {
        return Err(MappingError(format!(
            "Baris data pertama {first} di luar tabel ({here}: baris terakhir berisi {last_row})."
        )));
    }
    if mapping.header_row.is_some_and(|h| first <= h) {
        return Err(MappingError(format!(
            "Baris data pertama ({first}) harus di bawah baris judul ({}).",
            mapping.header_row.unwrap_or(0)
        )));
    }
    let mut chosen: Vec<(u32, &ColumnChoice)> = Vec::new();
    for c in &mapping.columns {
        let Some(i) = column_index(&c.column) else {
            return Err(MappingError(format!(
                "'{}' bukan nama kolom (A, B, …, AA).",
                c.column
            )));
        };
        if i > c1 || i >= PREVIEW_COLUMNS {
            return Err(MappingError(format!(
                "Kolom {} di luar tabel ({here}: kolom terakhir berisi {}).",
                c.column.trim().to_uppercase(),
                letters(c1)
            )));
        }
        if chosen.iter().any(|(j, _)| *j == i) {
            return Err(MappingError(format!(
                "Kolom {} dipilih dua kali.",
                letters(i)
            )));
        }
        if c.role != ColumnRole::Ignore {
            chosen.push((i, c));
        }
    }
    let Some(nip) = single(&chosen, ColumnRole::Nip)? else {
        return Err(MappingError(
            "Pemetaan belum menandai kolom NIP: tandai kolom yang berisi NIP 18 angka.".into(),
        ));
    };
    let date = single(&chosen, ColumnRole::Date)?;
    let status = single(&chosen, ColumnRole::Status)?;
    let header = mapping.header_row.map(|h| h - 1);
    let first0 = first - 1;
    let mut date_cols: Vec<(u32, NaiveDate, String)> = Vec::new();
    let mut days: Vec<(u32, &ColumnChoice)> = chosen
        .iter()
        .filter(|(_, c)| c.role == ColumnRole::Day)
        .copied()
        .collect();
    days.sort_by_key(|(i, _)| *i);
    let mut prev = None;
    for (i, c) in days {
        let col = letters(i);
        let (day, cell) = match (c.date, header) {
            (Some(d), h) => (d, a1(i, h.unwrap_or(first0))),
            (None, Some(h)) => {
                let cell = sheet.cell(h, i);
                let read = dates::parse_cell(cell)
                    .and_then(|dt| dates::resolve(dt, policy.start, policy.end, prev));
                match read {
                    Some(d) => (d, a1(i, h)),
                    None => {
                        return Err(MappingError(format!(
                            "Judul kolom {col} (sel {}: '{}') tidak terbaca sebagai tanggal: isi \
                             tanggal kolom ini pada pemetaan.",
                            a1(i, h),
                            cells::text(cell)
                        )))
                    }
                }
            }
            (None, None) => {
                return Err(MappingError(format!(
                    "Kolom {col} tidak punya judul: isi tanggal kolom ini pada pemetaan."
                )))
            }
        };
        if let Some((other, _, _)) = date_cols.iter().find(|(_, d, _)| *d == day) {
            return Err(MappingError(format!(
                "Tanggal {} dipilih untuk dua kolom ({} dan {col}).",
                day.format("%d-%m-%Y"),
                letters(*other)
            )));
        }
        prev = Some(day);
        date_cols.push((i, day, cell));
    }
    let layout = match (date_cols.is_empty(), date, status) {
        (false, None, None) => Layout::Wide,
        (false, _, _) => {
            return Err(MappingError(
                "Pilih salah satu: kolom per tanggal (satu kolom per hari) atau kolom tanggal \
                 dengan kolom keterangan (satu baris per hari), bukan keduanya."
                    .into(),
            ))
        }
        (true, Some(_), Some(_)) => Layout::Long,
        (true, None, Some(_)) => {
            return Err(MappingError(
                "Pemetaan belum menandai kolom tanggal (atau kolom per tanggal).".into(),
            ))
        }
        (true, Some(_), None) => {
            return Err(MappingError(
                "Pemetaan belum menandai kolom keterangan (WFO/WFA/…).".into(),
            ))
        }
        (true, None, None) => {
            return Err(MappingError(
                "Pemetaan belum menandai kolom tanggal dan keterangan, atau kolom per tanggal."
                    .into(),
            ))
        }
    };
    Ok(Table {
        header_row: header.unwrap_or(first0),
        first_data_row: first0,
        layout,
        nip,
        name: single(&chosen, ColumnRole::Name)?,
        position: single(&chosen, ColumnRole::Position)?,
        unit: single(&chosen, ColumnRole::Unit)?,
        approval: single(&chosen, ColumnRole::Approval)?,
        date,
        status,
        date_cols,
        bad_date_cols: Vec::new(),
        notes: vec![format!(
            "dibaca dengan pemetaan kolom: {}",
            mapping.summary()
        )],
    })
}

/// Reads a workbook with the clerk's mapping into its submissions (one; several when the
/// unit is not given and a unit column names several units), through the same parsing and
/// findings as the automatic reader. Refused, with the reason, when the mapping does not
/// fit the file or reads no staff row or no date. `opener` opens the workbook (as for the
/// automatic reader).
pub fn read_workbook_mapped(
    opener: &Opener,
    name: &str,
    bytes: &[u8],
    policy: &Policy,
    master: &Master,
    mapping: &ColumnMapping,
) -> Result<Vec<Submission>, MappingError> {
    if let Some(u) = &mapping.unit {
        if master.unit(u).is_none() {
            return Err(MappingError(format!(
                "Unit '{u}' tidak ada dalam data pegawai."
            )));
        }
    }
    let sheets = open(opener, name, bytes)?;
    let sheet = pick_sheet(name, &sheets, mapping.sheet.as_deref())?;
    let read = catch_unwind(AssertUnwindSafe(|| {
        let t = table(name, sheet, mapping, policy)?;
        let legend = Legend::of(&sheets, policy);
        let subs = schedule::read_table(
            name,
            sheet,
            &t,
            policy,
            master,
            mapping.unit.clone(),
            &legend,
        );
        Ok::<_, MappingError>((t, subs))
    }))
    .unwrap_or_else(|_| {
        Err(MappingError(format!(
            "Berkas '{name}' tidak dapat dibaca: kesalahan internal saat membaca isi."
        )))
    });
    let (t, subs) = read?;
    let nip_col = letters(t.nip);
    if subs.iter().all(|s| s.rows.is_empty()) {
        return Err(MappingError(format!(
            "Dengan pemetaan ini tidak ada baris pegawai yang terbaca pada berkas '{name}' \
             (kolom NIP {nip_col} mulai baris {}): periksa kolom NIP dan baris data pertama.",
            mapping.first_data_row
        )));
    }
    if subs.iter().all(|s| s.dates.is_empty()) {
        let what = match t.date {
            Some(c) => format!("kolom tanggal {}", letters(c)),
            None => "kolom per tanggal".to_string(),
        };
        return Err(MappingError(format!(
            "Dengan pemetaan ini tidak ada tanggal yang terbaca pada berkas '{name}' ({what}): \
             periksa kolom tanggal."
        )));
    }
    Ok(subs)
}

/// The first [`PREVIEW_ROWS`] rows of a sheet (`None`: the first) as text, with the
/// automatic reader's guess of header row and roles as the dialog's starting point.
pub fn preview(
    opener: &Opener,
    name: &str,
    bytes: &[u8],
    policy: &Policy,
    sheet: Option<&str>,
) -> Result<SheetPreview, MappingError> {
    let sheets = open(opener, name, bytes)?;
    let chosen = pick_sheet(name, &sheets, sheet)?;
    let Some(((r0, c0), (r1, c1))) = chosen.bounds() else {
        return Err(MappingError(format!(
            "Lembar '{}' pada berkas '{name}' kosong.",
            chosen.name
        )));
    };
    let (top, last_row) = (r0, r1.min(r0 + PREVIEW_ROWS - 1));
    let last_col = c1.min(PREVIEW_COLUMNS - 1);
    let cols: Vec<u32> = (0..=last_col).collect();
    let cells = (top..=last_row)
        .map(|r| {
            cols.iter()
                .map(|&c| {
                    let t = cells::text(chosen.cell(r, c));
                    match t.char_indices().nth(PREVIEW_CHARS) {
                        Some((at, _)) => format!("{}…", &t[..at]),
                        None => t.into_owned(),
                    }
                })
                .collect()
        })
        .collect();
    Ok(SheetPreview {
        file: name.to_string(),
        sheets: sheets.iter().map(|s| s.name.clone()).collect(),
        sheet: chosen.name.clone(),
        columns: cols.iter().map(|&c| letters(c)).collect(),
        row_numbers: (top..=last_row).map(|r| r + 1).collect(),
        cells,
        guess: guess(chosen, (top, c0.min(last_col), last_row, last_col), policy),
    })
}

/// The role a recognised heading gives.
fn heading_role(role: Role) -> ColumnRole {
    match role {
        Role::Nip => ColumnRole::Nip,
        Role::Name => ColumnRole::Name,
        Role::Position => ColumnRole::Position,
        Role::Unit | Role::UnitCode => ColumnRole::Unit,
        Role::Date => ColumnRole::Date,
        Role::Status => ColumnRole::Status,
        Role::Approval => ColumnRole::Approval,
        _ => ColumnRole::Ignore,
    }
}

/// The header row is the shown row with the most recognised headings and date headings (at
/// least two); each column takes its heading's role, else the role its cells below plainly
/// have (NIP, tanggal, keterangan) when no other column has it. Everything else: abaikan.
fn guess(sheet: &Sheet, (r0, c0, r1, c1): (u32, u32, u32, u32), policy: &Policy) -> ColumnMapping {
    let vocabulary = policy.vocabulary();
    let mut best: Option<(usize, u32)> = None;
    for row in r0..=r1 {
        // A row with a NIP is data (its dates are no date headings).
        if (c0..=c1).any(|c| content::nip_shaped(sheet.cell(row, c))) {
            continue;
        }
        let roles = schedule::roles_in_row(sheet, row, c0, c1);
        let (days, _) = schedule::date_cols_in_row(sheet, row, c0, c1, &roles, policy);
        let score = roles.len() + days.len();
        if score >= 2 && best.is_none_or(|(s, _)| score > s) {
            best = Some((score, row));
        }
    }
    // No heading recognised: the row above the first NIP, when the one column of NIPs is
    // plain from its cells and that row holds text (a header of unknown words).
    let header = best.map(|(_, r)| r).or_else(|| {
        let filled = |r: u32| {
            (c0..=c1)
                .filter(|&c| !cells::text(sheet.cell(r, c)).is_empty())
                .count()
        };
        let r = (r0..=r1).find(|&r| (c0..=c1).any(|c| content::nip_shaped(sheet.cell(r, c))))?;
        let nips = (c0..=c1)
            .filter(|&c| {
                content::profile(sheet, r, c, policy, &vocabulary).role() == Some(Role::Nip)
            })
            .count();
        (nips == 1 && r > r0 && filled(r - 1) >= 2).then(|| r - 1)
    });
    let (roles, days) = match header {
        Some(h) => {
            let roles = schedule::roles_in_row(sheet, h, c0, c1);
            let (days, _) = schedule::date_cols_in_row(sheet, h, c0, c1, &roles, policy);
            (roles, days)
        }
        None => (Vec::new(), Vec::new()),
    };
    let first = header.map_or_else(
        || {
            (r0..=r1)
                .find(|&r| {
                    (c0..=c1)
                        .filter(|&c| !cells::text(sheet.cell(r, c)).is_empty())
                        .count()
                        >= 3
                })
                .unwrap_or(r0)
        },
        |h| h + 1,
    );
    let mut columns: Vec<ColumnChoice> = (0..=c1)
        .map(|c| {
            let role = if days.iter().any(|(dc, _, _)| *dc == c) {
                ColumnRole::Day
            } else {
                roles
                    .iter()
                    .find(|(rc, _)| *rc == c)
                    .map_or(ColumnRole::Ignore, |(_, r)| heading_role(*r))
            };
            ColumnChoice {
                column: letters(c),
                role,
                date: None,
            }
        })
        .collect();
    for (role, want) in [
        (Role::Nip, ColumnRole::Nip),
        (Role::Date, ColumnRole::Date),
        (Role::Status, ColumnRole::Status),
    ] {
        if columns.iter().any(|c| c.role == want) {
            continue;
        }
        let fits: Vec<u32> = (c0..=c1)
            .filter(|&c| columns[c as usize].role == ColumnRole::Ignore)
            .filter(|&c| {
                content::profile(sheet, first, c, policy, &vocabulary).role() == Some(role)
            })
            .collect();
        if let [c] = fits.as_slice() {
            columns[*c as usize].role = want;
        }
    }
    ColumnMapping {
        sheet: Some(sheet.name.clone()),
        header_row: header.map(|h| h + 1),
        first_data_row: first + 1,
        columns,
        unit: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_read_both_ways() {
        for (l, i) in [("A", 0), ("d", 3), ("Z", 25), ("AA", 26), ("AB", 27)] {
            assert_eq!(column_index(l), Some(i), "{l}");
            assert_eq!(letters(i).to_lowercase(), l.to_lowercase());
        }
        for bad in ["", "A1", "ÄB", "ABCD", "-"] {
            assert_eq!(column_index(bad), None, "{bad}");
        }
    }

    #[test]
    fn summary_names_rows_and_roles() {
        let m = ColumnMapping {
            sheet: None,
            header_row: Some(7),
            first_data_row: 8,
            columns: vec![
                ColumnChoice {
                    column: "A".into(),
                    role: ColumnRole::Nip,
                    date: None,
                },
                ColumnChoice {
                    column: "B".into(),
                    role: ColumnRole::Ignore,
                    date: None,
                },
                ColumnChoice {
                    column: "C".into(),
                    role: ColumnRole::Day,
                    date: NaiveDate::from_ymd_opt(2025, 12, 29),
                },
            ],
            unit: None,
        };
        assert_eq!(m.summary(), "baris judul 7; A NIP, C tanggal 29-12-2025");
    }
}
