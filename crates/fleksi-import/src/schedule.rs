//! One OPD worksheet → `Submission`: finds the header row below the title rows, tells wide
//! from long layout, reads date headers, decides the unit (title, sheet name, file name,
//! unit column, the NIPs' units in the master), reads the staff rows up to the totals and
//! signature block, and reports NIP and status problems with their cells.

use crate::cells::{self, key, Column, NipRead};
use crate::content;
use crate::dates::{self, DateText};
use crate::headers::{classify, Role};
use crate::legend::Legend;
use crate::non_asn::{self, NonAsnRow};
use crate::unit_match::UnitMatcher;
use crate::workbook::Sheet;
use calamine::Data;
use chrono::{NaiveDate, Weekday};
use fleksi_core::finding::a1;
use fleksi_core::status::is_day_off_word;
use fleksi_core::{
    Approval, Calendar, Entry, Finding, FindingCode, Layout, Master, Policy, ScheduleRow, Severity,
    Status, Submission, Vocabulary,
};
use std::collections::HashMap;

/// How far below the top the header row may be.
const HEADER_SCAN_ROWS: u32 = 60;

/// How many distinct date texts of a long layout are remembered (a period has a few dozen).
const LONG_DATES_CACHED: usize = 1024;

/// The fix hint of `status.unknown`, naming the codes and the policy's own words.
fn status_hint(vocabulary: &Vocabulary) -> String {
    format!(
        "Gunakan salah satu kode: {}; kosongkan atau isi '-' untuk hari libur.",
        vocabulary.describe()
    )
}
const NIP_HINT: &str =
    "Tulis NIP lengkap 18 angka sesuai data kepegawaian (format sel sebagai Teks).";

/// The located table of a sheet.
#[derive(Debug, Clone)]
pub(crate) struct Table {
    pub(crate) header_row: u32,
    pub(crate) first_data_row: u32,
    pub(crate) layout: Layout,
    pub(crate) nip: u32,
    pub(crate) name: Option<u32>,
    pub(crate) position: Option<u32>,
    pub(crate) unit: Option<u32>,
    pub(crate) approval: Option<u32>,
    /// Long layout: date and status columns.
    pub(crate) date: Option<u32>,
    pub(crate) status: Option<u32>,
    /// Wide layout: (column, date, header cell).
    pub(crate) date_cols: Vec<(u32, NaiveDate, String)>,
    /// Wide layout: date headers that cannot be read as dates, (text, header cell).
    pub(crate) bad_date_cols: Vec<(String, String)>,
    /// How columns were read when their heading was not recognised.
    pub(crate) notes: Vec<String>,
}

/// Why no table was found on a sheet.
#[derive(Debug, Clone)]
pub struct NoTable {
    /// A near miss: the NIP header was found but no date/status columns.
    pub nip_cell: Option<String>,
    /// What was found when columns read by their content were ambiguous (a sentence).
    pub detail: Option<String>,
    /// Why weekday-only headings could not be dated (a sentence), when the row has them.
    pub weekdays: Option<String>,
}

/// Columns with a known role in a row.
pub(crate) fn roles_in_row(sheet: &Sheet, row: u32, c0: u32, c1: u32) -> Vec<(u32, Role)> {
    (c0..=c1)
        .filter_map(|c| match sheet.cell(row, c) {
            Data::String(s) => classify(s).map(|r| (c, r)),
            _ => None,
        })
        .collect()
}

/// Date columns as (column, date, header cell).
pub(crate) type DatedColumns = Vec<(u32, NaiveDate, String)>;

/// Date headers in a row (columns without a role), resolved against the policy period, and
/// the headers that look like dates but cannot be read (text, cell).
pub(crate) type DateCols = (DatedColumns, Vec<(String, String)>);

/// Date headers in a row (columns without a role), resolved against the policy period.
pub(crate) fn date_cols_in_row(
    sheet: &Sheet,
    row: u32,
    c0: u32,
    c1: u32,
    roles: &[(u32, Role)],
    policy: &Policy,
) -> DateCols {
    let mut out = Vec::new();
    let mut bad = Vec::new();
    let mut prev: Option<NaiveDate> = None;
    for c in c0..=c1 {
        if roles.iter().any(|(rc, _)| *rc == c) {
            continue;
        }
        let cell = sheet.cell(row, c);
        let resolved =
            dates::parse_cell(cell).map(|dt| dates::resolve(dt, policy.start, policy.end, prev));
        match resolved {
            Some(Some(d)) => {
                out.push((c, d, a1(c, row)));
                prev = Some(d);
            }
            Some(None) => bad.push((cells::text(cell).into_owned(), a1(c, row))),
            None if dates::looks_like_date(cell) => {
                bad.push((cells::text(cell).into_owned(), a1(c, row)));
            }
            None => {}
        }
    }
    // Bare small numbers only count as days when several of them run in order.
    let bare = (c0..=c1)
        .filter(|&c| {
            matches!(
                dates::parse_cell(sheet.cell(row, c)),
                Some(DateText::DayOnly(_))
            )
        })
        .count();
    if bare > 0 && bare == out.len() && bare < 2 {
        out.clear();
    }
    if out.is_empty() {
        // Not the date header row: nothing to report either.
        bad.clear();
    }
    (out, bad)
}

/// The table whose header is `row`, with the columns' `roles` known; `None` without a NIP
/// column or without date columns (wide) or date and status columns (long).
fn table_at(
    sheet: &Sheet,
    row: u32,
    (c0, c1, r1): (u32, u32, u32),
    roles: &[(u32, Role)],
    policy: &Policy,
) -> Option<Table> {
    let col = |role: Role| roles.iter().find(|(_, r)| *r == role).map(|(c, _)| *c);
    let nip = col(Role::Nip)?;
    let (date_cols, bad_date_cols) = date_cols_in_row(sheet, row, c0, c1, roles, policy);
    let mut table = Table {
        header_row: row,
        first_data_row: row + 1,
        layout: Layout::Wide,
        nip,
        name: col(Role::Name),
        position: col(Role::Position),
        unit: col(Role::Unit).or(col(Role::UnitCode)),
        approval: col(Role::Approval),
        date: col(Role::Date),
        status: col(Role::Status),
        date_cols,
        bad_date_cols,
        notes: Vec::new(),
    };
    if table.date_cols.is_empty() && row < r1 {
        // Two-level header: dates in the row below a merged `TANGGAL` cell. A column
        // numbering row (`1 2 3 …`) has numbers under NIP too, so it does not count.
        let below_nip = cells::text(sheet.cell(row + 1, nip));
        if below_nip.is_empty() {
            let sub_roles = roles_in_row(sheet, row + 1, c0, c1);
            let (sub, bad) = date_cols_in_row(sheet, row + 1, c0, c1, &sub_roles, policy);
            if !sub.is_empty() {
                table.date_cols = sub;
                table.bad_date_cols = bad;
                table.first_data_row = row + 2;
            }
        }
    }
    if table.date_cols.is_empty() && (table.date.is_none() || table.status.is_none()) {
        if let Some((cols, note)) = weekday_cols(sheet, row, (c0, c1), roles, policy) {
            table.date_cols = cols;
            table.notes.push(note);
        }
    }
    if !table.date_cols.is_empty() {
        return Some(table);
    }
    if table.date.is_some() && table.status.is_some() {
        table.layout = Layout::Long;
        return Some(table);
    }
    None
}

fn find_table(sheet: &Sheet, policy: &Policy, vocabulary: &Vocabulary) -> Result<Table, NoTable> {
    let Some(((r0, c0), (r1, c1))) = sheet.bounds() else {
        return Err(NoTable {
            nip_cell: None,
            detail: None,
            weekdays: None,
        });
    };
    let last = r1.min(r0 + HEADER_SCAN_ROWS);
    let mut near_miss = None;
    let mut weekdays = None;
    for row in r0..=last {
        let roles = roles_in_row(sheet, row, c0, c1);
        let Some(nip) = roles.iter().find(|(_, r)| *r == Role::Nip).map(|(c, _)| *c) else {
            continue;
        };
        if let Some(table) = table_at(sheet, row, (c0, c1, r1), &roles, policy) {
            return Ok(table);
        }
        near_miss.get_or_insert(a1(nip, row));
        if weekday_headings(sheet, row, (c0, c1), &roles).len() >= 2 {
            weekdays.get_or_insert(
                "Judul kolom tanggal hanya berisi nama hari (Senin, Selasa, …) dan masa \
                 berlaku Surat Edaran memuat hari itu lebih dari sekali, jadi tanggalnya tidak \
                 dapat ditentukan."
                    .to_string(),
            );
        }
    }
    // The headings alone do not tell: columns known by their content.
    let mut detail = None;
    let mut tried = 0;
    for row in r0..=last {
        match by_content(sheet, row, (c0, c1, r1), policy, vocabulary) {
            ByContent::Table(t) => return Ok(t),
            ByContent::Ambiguous(d) => {
                detail.get_or_insert(d);
                tried += 1;
            }
            ByContent::Missing => tried += 1,
            ByContent::NoHeader => {}
        }
        if tried >= CONTENT_HEADER_ROWS {
            break;
        }
    }
    // No header row at all: data from the first row, every column known by its content.
    match headerless(sheet, (r0, c0, r1, c1), policy, vocabulary) {
        Headerless::Table(t) => return Ok(*t),
        Headerless::Partial(d) => {
            detail.get_or_insert(d);
        }
        Headerless::No => {}
    }
    Err(NoTable {
        nip_cell: near_miss,
        detail,
        weekdays,
    })
}

/// How many header-like rows the content fallback tries.
const CONTENT_HEADER_ROWS: usize = 8;
/// How many columns of a row the content fallback samples.
const CONTENT_COLUMNS: usize = 256;

/// What the content fallback made of a row.
enum ByContent {
    Table(Table),
    /// More than one column fits a missing role: what was found, as a sentence.
    Ambiguous(String),
    /// A header-like row, but a role is still missing.
    Missing,
    /// Not a header-like row.
    NoHeader,
}

/// The column letters of `col` (`D`).
pub(crate) fn letters(col: u32) -> String {
    let mut s = a1(col, 0);
    s.truncate(s.trim_end_matches(|c: char| c.is_ascii_digit()).len());
    s
}

/// Tries `row` as the header row with the columns the headings miss (NIP; date and status
/// of a long layout) known by their content. A column is taken for a role only when it is
/// the one column whose cells fit it; a heading contradicted by the content gives way (the
/// heading-based reading of this sheet has already failed).
/// Headings of a row that name only weekdays (`Senin`, `Selasa`, …), as date columns when the
/// letter's period holds each named day exactly once (a letter of a week or less), with the
/// note that says so on the file's line. `None` with fewer than two such headings or when
/// the period leaves a day ambiguous.
fn weekday_cols(
    sheet: &Sheet,
    row: u32,
    (c0, c1): (u32, u32),
    roles: &[(u32, Role)],
    policy: &Policy,
) -> Option<(DatedColumns, String)> {
    let named = weekday_headings(sheet, row, (c0, c1), roles);
    if named.len() < 2 {
        return None;
    }
    let days: Vec<Weekday> = named.iter().map(|(_, w)| *w).collect();
    let dates = dates::weekdays_in(&days, policy.start, policy.end)?;
    let (first, last) = (named[0].0, named[named.len() - 1].0);
    let note = format!(
        "kolom {}–{} berjudul nama hari dibaca sebagai tanggal {} s.d. {} (masa berlaku Surat \
         Edaran memuat tiap hari itu satu kali)",
        letters(first),
        letters(last),
        dates[0].format("%d-%m-%Y"),
        dates[dates.len() - 1].format("%d-%m-%Y")
    );
    let cols = named
        .iter()
        .zip(dates)
        .map(|((c, _), d)| (*c, d, a1(*c, row)))
        .collect();
    Some((cols, note))
}

/// The columns of a row (without another role) whose heading is only a weekday's name.
fn weekday_headings(
    sheet: &Sheet,
    row: u32,
    (c0, c1): (u32, u32),
    roles: &[(u32, Role)],
) -> Vec<(u32, Weekday)> {
    (c0..=c1)
        .filter(|c| !roles.iter().any(|(rc, _)| rc == c))
        .filter_map(|c| dates::weekday_only(sheet.cell(row, c)).map(|w| (c, w)))
        .collect()
}

fn by_content(
    sheet: &Sheet,
    row: u32,
    bounds: (u32, u32, u32),
    policy: &Policy,
    vocabulary: &Vocabulary,
) -> ByContent {
    let (c0, c1, r1) = bounds;
    if row >= r1 {
        return ByContent::NoHeader;
    }
    let mut roles = roles_in_row(sheet, row, c0, c1);
    let (date_cols, _) = date_cols_in_row(sheet, row, c0, c1, &roles, policy);
    let filled = (c0..=c1)
        .filter(|&c| !cells::text(sheet.cell(row, c)).is_empty())
        .count();
    if filled < 2 || (roles.is_empty() && date_cols.is_empty()) {
        return ByContent::NoHeader;
    }
    let heading = |c: u32| cells::text(sheet.cell(row, c)).into_owned();
    // The columns worth sampling: unrecognised headings, and headings of the three roles
    // content can tell.
    let mut profiles: Vec<(u32, Option<Role>, content::Profile)> = Vec::new();
    for c in c0..=c1 {
        if profiles.len() >= CONTENT_COLUMNS {
            break;
        }
        if date_cols.iter().any(|(dc, _, _)| *dc == c) {
            continue;
        }
        let by_heading = roles.iter().find(|(rc, _)| *rc == c).map(|(_, r)| *r);
        match by_heading {
            Some(Role::Nip | Role::Date | Role::Status) => {}
            Some(_) => continue,
            None if !content::is_heading_text(sheet.cell(row, c), vocabulary) => continue,
            None => {}
        }
        let p = content::profile(sheet, row + 1, c, policy, vocabulary);
        profiles.push((c, by_heading, p));
    }
    let mut notes = Vec::new();
    // A heading its content plainly contradicts gives way.
    for (c, by_heading, p) in &profiles {
        if let (Some(h), Some(r)) = (by_heading, p.role()) {
            if *h != r {
                roles.retain(|(rc, _)| rc != c);
                notes.push(format!(
                    "kolom {} (\"{}\") berjudul seperti kolom {} tetapi isinya {}",
                    letters(*c),
                    heading(*c),
                    content::role_label(*h),
                    content::role_label(r)
                ));
            }
        }
    }
    let mut needed = vec![Role::Nip];
    if date_cols.is_empty() {
        needed.extend([Role::Date, Role::Status]);
    }
    let mut ambiguous = Vec::new();
    let mut missing = Vec::new();
    for role in needed {
        if roles.iter().any(|(_, r)| *r == role) {
            continue;
        }
        let fits: Vec<&(u32, Option<Role>, content::Profile)> = profiles
            .iter()
            .filter(|(c, _, p)| p.role() == Some(role) && !roles.iter().any(|(rc, _)| rc == c))
            .collect();
        match fits.as_slice() {
            [(c, _, p)] => {
                roles.push((*c, role));
                notes.push(format!(
                    "kolom {} (\"{}\") dibaca sebagai {} (isi: {})",
                    letters(*c),
                    heading(*c),
                    content::role_label(role),
                    p.describe(role)
                ));
            }
            [] => missing.push(role),
            many => {
                let cols: Vec<String> = many
                    .iter()
                    .map(|(c, _, _)| format!("{} (\"{}\")", letters(*c), heading(*c)))
                    .collect();
                ambiguous.push(format!(
                    "kolom {} tidak dapat ditentukan: kolom {} sama-sama berisi {}",
                    content::role_label(role),
                    cols.join(" dan "),
                    content::role_label(role)
                ));
            }
        }
    }
    // Every role a table needs is known without doubt (an ambiguous role is never taken);
    // without a note nothing was learned beyond the headings, which already failed.
    if !notes.is_empty() {
        if let Some(mut t) = table_at(sheet, row, bounds, &roles, policy) {
            t.notes = notes;
            return ByContent::Table(t);
        }
    }
    if ambiguous.is_empty() {
        return ByContent::Missing;
    }
    let found: Vec<String> = roles
        .iter()
        .filter(|(_, r)| matches!(r, Role::Nip | Role::Date | Role::Status))
        .map(|(c, r)| format!("kolom {} di {}", content::role_label(*r), a1(*c, row)))
        .collect();
    let found = if found.is_empty() {
        String::new()
    } else {
        format!("{} terbaca; ", found.join(", "))
    };
    ByContent::Ambiguous(format!("{found}{}.", ambiguous.join("; ")))
}

/// What the no-header reading made of a sheet.
enum Headerless {
    Table(Box<Table>),
    /// A NIP column read from its content, but no date or status column without doubt: what
    /// was found, as a sentence.
    Partial(String),
    /// Not a sheet of data without a header row.
    No,
}

/// Reads a sheet whose data starts without a header row: the first row with three filled
/// cells is data, and the NIP, date and status columns are each the one column whose cells
/// (≥ 80 % of them, that first row included) fit the role. The name column is the first
/// column of words. Only a long layout can be read this way (a wide one has its dates in
/// the header row).
fn headerless(
    sheet: &Sheet,
    (r0, c0, r1, c1): (u32, u32, u32, u32),
    policy: &Policy,
    vocabulary: &Vocabulary,
) -> Headerless {
    let c_last = c1.min(c0 + CONTENT_COLUMNS as u32 - 1);
    let filled = |row: u32| {
        (c0..=c_last)
            .filter(|&c| !cells::text(sheet.cell(row, c)).is_empty())
            .count()
    };
    let Some(start) = (r0..=r1.min(r0 + HEADER_SCAN_ROWS)).find(|&r| filled(r) >= 3) else {
        return Headerless::No;
    };
    let profiles: Vec<(u32, content::Profile)> = (c0..=c_last)
        .map(|c| (c, content::profile(sheet, start, c, policy, vocabulary)))
        .collect();
    let mut found: Vec<(u32, Role, String)> = Vec::new();
    let mut problems = Vec::new();
    for role in [Role::Nip, Role::Date, Role::Status] {
        let fits: Vec<&(u32, content::Profile)> = profiles
            .iter()
            .filter(|(_, p)| p.role() == Some(role))
            .collect();
        match fits.as_slice() {
            [(c, p)] => found.push((*c, role, p.describe(role))),
            [] => problems.push(format!(
                "kolom {} tidak ditemukan",
                content::role_label(role)
            )),
            many => {
                let cols: Vec<String> = many.iter().map(|(c, _)| letters(*c)).collect();
                problems.push(format!(
                    "kolom {} tidak dapat ditentukan: kolom {} sama-sama berisi {}",
                    content::role_label(role),
                    cols.join(" dan "),
                    content::role_label(role)
                ));
            }
        }
    }
    let col = |role: Role| {
        found
            .iter()
            .find(|(_, r, _)| *r == role)
            .map(|(c, _, _)| *c)
    };
    let Some(nip) = col(Role::Nip) else {
        return Headerless::No;
    };
    // The first row must itself be data (else it is a header row the headings missed).
    let first_is_data = content::nip_shaped(sheet.cell(start, nip))
        && col(Role::Date)
            .is_none_or(|c| content::plausible_date(sheet.cell(start, c), policy).is_some())
        && col(Role::Status).is_none_or(|c| {
            vocabulary
                .parse_decorated(&cells::text(sheet.cell(start, c)))
                .is_some()
        });
    if !first_is_data {
        return Headerless::No;
    }
    let read: Vec<String> = found
        .iter()
        .map(|(c, r, what)| {
            format!(
                "kolom {} dibaca sebagai {} (isi: {what})",
                letters(*c),
                content::role_label(*r)
            )
        })
        .collect();
    let without = format!("tanpa baris judul kolom (data mulai baris {})", start + 1);
    let (Some(date), Some(status)) = (col(Role::Date), col(Role::Status)) else {
        return Headerless::Partial(format!(
            "{without}: {}; {}.",
            read.join(", "),
            problems.join("; ")
        ));
    };
    let name = profiles
        .iter()
        .find(|(c, p)| p.holds_names() && ![nip, date, status].contains(c))
        .map(|(c, _)| *c);
    Headerless::Table(Box::new(Table {
        header_row: start,
        first_data_row: start,
        layout: Layout::Long,
        nip,
        name,
        position: None,
        unit: None,
        approval: None,
        date: Some(date),
        status: Some(status),
        date_cols: Vec::new(),
        bad_date_cols: Vec::new(),
        notes: vec![format!("{without}: {}", read.join(", "))],
    }))
}

/// The unit named in the title rows (`PERANGKAT DAERAH : …`): (text, cell).
fn title_unit(sheet: &Sheet, last_row: u32) -> Option<(String, String)> {
    let ((r0, c0), (_, c1)) = sheet.bounds()?;
    for row in r0..=last_row {
        for col in c0..=c1 {
            let Data::String(s) = sheet.cell(row, col) else {
                continue;
            };
            let (label, rest) = match s.split_once(':') {
                Some((l, r)) => (l, r.trim()),
                None => (s.as_str(), ""),
            };
            let label = key(label);
            let is_label = matches!(
                label.as_str(),
                "PERANGKAT DAERAH"
                    | "UNIT KERJA"
                    | "OPD"
                    | "SKPD"
                    | "NAMA OPD"
                    | "NAMA UNIT"
                    | "NAMA UNIT KERJA"
                    | "NAMA PERANGKAT DAERAH"
                    | "UNIT"
                    | "SATUAN KERJA"
                    | "INSTANSI"
            );
            if !is_label {
                continue;
            }
            if !rest.is_empty() {
                return Some((rest.to_string(), a1(col, row)));
            }
            // The value in a later cell of the same row (skipping a lone `:`).
            for c in col + 1..=c1 {
                let t = cells::text(sheet.cell(row, c));
                let t = t.trim().trim_start_matches(':').trim();
                if !t.is_empty() {
                    return Some((t.to_string(), a1(c, row)));
                }
            }
        }
    }
    None
}

/// A staff row as read, before the unit is known.
struct RawRow {
    row: u32,
    nip: NipRead,
    nip_text: String,
    name: String,
    position: String,
    unit_text: String,
    entries: Vec<Entry>,
    /// Long layout: date cells that could not be read, (text, cell).
    bad_dates: Vec<(String, String)>,
}

/// Rows that end the table: totals, percentages, the signature block.
fn ends_table(text: &str) -> bool {
    let k = key(text);
    let first = k.split(' ').next().unwrap_or("");
    matches!(
        first,
        "JUMLAH" | "TOTAL" | "JML" | "PERSENTASE" | "PROSENTASE" | "MENGETAHUI" | "REKAPITULASI"
    ) || text.trim_start().starts_with('%')
}

/// A row's approval: the mark and its cell.
type RowApproval<'a> = Option<(Approval, &'a str)>;

fn status_entry(
    d: &Data,
    date: NaiveDate,
    cell: String,
    approval: RowApproval,
    vocabulary: &Vocabulary,
) -> Entry {
    let raw = cells::text(d).into_owned();
    // `parse` gives `None` for blank text (`-`, spaces) as for unknown text.
    let status = vocabulary.parse_decorated(&raw);
    Entry {
        date,
        status,
        raw,
        cell,
        approved: approval.map(|(a, _)| a),
        approval_cell: approval.map(|(_, c)| c.to_string()),
    }
}

fn is_small_number(d: &Data) -> bool {
    let t = cells::text(d);
    let t = t.trim().trim_start_matches('(').trim_end_matches(')');
    !t.is_empty() && t.len() <= 3 && t.bytes().all(|b| b.is_ascii_digit())
}

fn read_rows(sheet: &Sheet, t: &Table, policy: &Policy, vocabulary: &Vocabulary) -> Vec<RawRow> {
    let Some((_, (r1, c1))) = sheet.bounds() else {
        return Vec::new();
    };
    let text_at = |row: u32, col: Option<u32>| -> String {
        col.map(|c| cells::text(sheet.cell(row, c)).into_owned())
            .unwrap_or_default()
    };
    let label_cols: Vec<u32> = {
        let mut v = vec![t.nip];
        v.extend(t.name);
        let first = sheet.bounds().map(|((_, c0), _)| c0).unwrap_or(0);
        v.push(first);
        if first < c1 {
            v.push(first + 1);
        }
        v
    };
    let date_refs: Vec<Column> = t
        .date_cols
        .iter()
        .map(|(c, _, _)| Column::new(*c))
        .collect();
    let status_ref = t.status.map(Column::new);
    let approval_ref = t.approval.map(Column::new);
    let mut rows: Vec<RawRow> = Vec::new();
    let mut long_index: HashMap<String, usize> = HashMap::new();
    // The long layout repeats one NIP cell on many rows in a row and the same few date
    // texts on every employee: read each once.
    let mut last_nip: Option<(&Data, NipRead)> = None;
    let mut long_dates: HashMap<&str, Option<NaiveDate>> = HashMap::new();
    let long_row_capacity = ((policy.end - policy.start).num_days() + 1).clamp(1, 64) as usize;
    for row in t.first_data_row..=r1 {
        let nip_cell = sheet.cell(row, t.nip);
        let nip_text = cells::text(nip_cell).into_owned();
        let name = text_at(row, t.name);
        let nip_read = match &last_nip {
            Some((d, read)) if *d == nip_cell => read.clone(),
            _ => {
                let read = cells::nip(nip_cell);
                last_nip = Some((nip_cell, read.clone()));
                read
            }
        };
        let nip_valid = matches!(nip_read, NipRead::Valid(_) | NipRead::Lossy { .. });
        if !nip_valid
            && label_cols
                .iter()
                .any(|&c| ends_table(&cells::text(sheet.cell(row, c))))
        {
            break;
        }
        if nip_text.is_empty() && name.is_empty() {
            continue;
        }
        if is_small_number(nip_cell) && t.name.is_none_or(|c| is_small_number(sheet.cell(row, c))) {
            continue; // column numbering row `(1) (2) (3)`
        }
        let approval_cell = approval_ref.as_ref().map(|r| r.at(row));
        let approved: RowApproval = t
            .approval
            .zip(approval_cell.as_deref())
            .map(|(c, at)| (cells::approval(sheet.cell(row, c)), at));
        let mut bad_dates = Vec::new();
        // Long layout: this row's one entry, kept out of a `Vec` until it starts a new row
        // (most rows join the row of their NIP).
        let mut long_entry: Option<Entry> = None;
        let mut entries: Vec<Entry> = match t.layout {
            Layout::Wide => t
                .date_cols
                .iter()
                .zip(&date_refs)
                .map(|((c, date, _), r)| {
                    status_entry(sheet.cell(row, *c), *date, r.at(row), approved, vocabulary)
                })
                .collect(),
            Layout::Long => {
                let (Some(dc), Some(sc), Some(status_ref)) = (t.date, t.status, &status_ref) else {
                    continue;
                };
                let date_cell = sheet.cell(row, dc);
                let read = |d: &Data| {
                    dates::parse_cell(d)
                        .and_then(|dt| dates::resolve(dt, policy.start, policy.end, None))
                };
                let date = match date_cell {
                    Data::String(s) if long_dates.len() < LONG_DATES_CACHED => *long_dates
                        .entry(s.as_str())
                        .or_insert_with(|| read(date_cell)),
                    _ => read(date_cell),
                };
                match date {
                    Some(date) => {
                        long_entry = Some(status_entry(
                            sheet.cell(row, sc),
                            date,
                            status_ref.at(row),
                            approved,
                            vocabulary,
                        ));
                    }
                    None => {
                        let raw = cells::text(sheet.cell(row, dc)).into_owned();
                        let status = cells::text(sheet.cell(row, sc));
                        if !raw.is_empty() || !Status::is_blank(&status) {
                            bad_dates.push((raw, a1(dc, row)));
                        }
                    }
                }
                Vec::new()
            }
        };
        let any_status = entries
            .iter()
            .chain(&long_entry)
            .any(|e| e.status.is_some())
            || !bad_dates.is_empty();
        let staff = (!nip_text.is_empty() && !name.is_empty())
            || (nip_valid && any_status)
            || (!name.is_empty() && any_status);
        if !staff {
            continue;
        }
        if t.layout == Layout::Long && !nip_text.is_empty() {
            if let Some(&i) = long_index.get(&nip_text) {
                let r: &mut RawRow = &mut rows[i];
                r.entries.extend(long_entry);
                r.bad_dates.extend(bad_dates);
                continue;
            }
            long_index.insert(nip_text.clone(), rows.len());
        }
        if let Some(e) = long_entry {
            // Room for one entry per date of the period: the rows of this NIP join it.
            entries.reserve_exact(long_row_capacity);
            entries.push(e);
        }
        rows.push(RawRow {
            row,
            nip: nip_read,
            nip_text,
            name,
            position: text_at(row, t.position),
            unit_text: text_at(row, t.unit),
            entries,
            bad_dates,
        });
    }
    rows
}

/// Decides the unit: title, sheet name, file name, unit column, then the NIPs' units.
fn decide_unit<'m>(
    file: &str,
    sheet: &Sheet,
    title: Option<&(String, String)>,
    rows: &[RawRow],
    master: &'m Master,
    matcher: &UnitMatcher<'m>,
) -> Option<&'m str> {
    if let Some(u) = title.and_then(|(text, _)| matcher.find(text)) {
        return Some(u);
    }
    if let Some(u) = matcher.find(&sheet.name) {
        return Some(u);
    }
    let stem = std::path::Path::new(file)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    if let Some(u) = matcher.find(&stem) {
        return Some(u);
    }
    let mut votes: HashMap<&'m str, usize> = HashMap::new();
    for r in rows {
        if let Some(u) = matcher.exact(&r.unit_text) {
            *votes.entry(u).or_default() += 1;
        }
    }
    if let Some(u) = majority(&votes, rows.len()) {
        return Some(u);
    }
    votes.clear();
    let mut known = 0;
    for r in rows {
        if let NipRead::Valid(n) = &r.nip {
            if let Some(e) = master.employee(n) {
                known += 1;
                if let Some(u) = master.unit(&e.unit) {
                    *votes.entry(u.code.as_str()).or_default() += 1;
                }
            }
        }
    }
    majority(&votes, known)
}

/// The most voted unit when it has at least half of `total`.
fn majority<'m>(votes: &HashMap<&'m str, usize>, total: usize) -> Option<&'m str> {
    let (&u, &n) = votes
        .iter()
        .max_by_key(|(u, n)| (**n, std::cmp::Reverse(**u)))?;
    (total > 0 && n * 2 >= total).then_some(u)
}

/// Reads one worksheet into one submission per unit (several when a unit column names
/// several units); `Err` when it holds no schedule table.
#[cfg(test)]
pub fn read_sheet(
    file: &str,
    sheet: &Sheet,
    policy: &Policy,
    master: &Master,
) -> Result<Vec<Submission>, NoTable> {
    let legend = Legend::of(std::slice::from_ref(sheet), policy);
    read_sheet_with(file, sheet, policy, master, &legend)
}

/// [`read_sheet`] with the statuses of the whole workbook (the policy's words and the codes
/// of its legends, see [`Legend`]).
pub fn read_sheet_with(
    file: &str,
    sheet: &Sheet,
    policy: &Policy,
    master: &Master,
    legend: &Legend,
) -> Result<Vec<Submission>, NoTable> {
    let table = find_table(sheet, policy, &legend.vocabulary)?;
    Ok(read_table(
        file, sheet, &table, policy, master, None, legend,
    ))
}

/// Reads the staff rows of a located `table` (found by [`find_table`] or laid out by the
/// clerk's column mapping) into one submission per unit; `unit` given, every row is that
/// unit's (one submission), else the unit is decided as for any sheet.
pub(crate) fn read_table(
    file: &str,
    sheet: &Sheet,
    table: &Table,
    policy: &Policy,
    master: &Master,
    unit: Option<String>,
    legend: &Legend,
) -> Vec<Submission> {
    let vocabulary = &legend.vocabulary;
    let title = table
        .header_row
        .checked_sub(1)
        .and_then(|last| title_unit(sheet, last));
    let raw = read_rows(sheet, table, policy, vocabulary);
    let matcher = UnitMatcher::new(master);
    let read = Read {
        file,
        sheet,
        table,
        title: title.as_ref(),
        policy,
        master,
        legend,
    };
    if let Some(u) = unit {
        return vec![read.submission(raw, Some(u), true)];
    }
    if let Some(groups) = split_by_unit_column(table, raw.as_slice(), master, &matcher) {
        let split = groups.len();
        let col = table.unit.map(letters).unwrap_or_default();
        let mut rows: Vec<Option<RawRow>> = raw.into_iter().map(Some).collect();
        return groups
            .into_iter()
            .enumerate()
            .map(|(i, (unit, members))| {
                let mine: Vec<RawRow> = members.iter().filter_map(|&m| rows[m].take()).collect();
                let mut sub = read.submission(mine, unit.map(str::to_string), i == 0);
                sub.notes.push(format!(
                    "lembar '{}' dibagi per unit menurut kolom {col} ({split} unit)",
                    sheet.name
                ));
                sub
            })
            .collect();
    }
    let unit = decide_unit(file, sheet, title.as_ref(), &raw, master, &matcher).map(str::to_string);
    vec![read.submission(raw, unit, true)]
}

/// The rows of a sheet whose unit column names at least two units of the master, grouped by
/// unit in order of first appearance. A blank unit cell takes the unit of the row above
/// (merged cells); a cell that is not exactly a unit's code, name or abbreviation takes its
/// NIP's unit in the master, else the row goes to a group without unit.
fn split_by_unit_column<'m>(
    table: &Table,
    raw: &[RawRow],
    master: &'m Master,
    matcher: &UnitMatcher<'m>,
) -> Option<Vec<(Option<&'m str>, Vec<usize>)>> {
    table.unit?;
    let mut groups: Vec<(Option<&'m str>, Vec<usize>)> = Vec::new();
    let mut above: Option<&'m str> = None;
    let mut named = 0;
    for (i, r) in raw.iter().enumerate() {
        let unit = if r.unit_text.trim().is_empty() {
            above
        } else if let Some(u) = matcher.exact(&r.unit_text) {
            named += 1;
            Some(u)
        } else {
            match &r.nip {
                NipRead::Valid(n) => master
                    .employee(n)
                    .and_then(|e| master.unit(&e.unit))
                    .map(|u| u.code.as_str()),
                _ => None,
            }
        };
        above = unit.or(above);
        match groups.iter_mut().find(|(u, _)| *u == unit) {
            Some((_, members)) => members.push(i),
            None => groups.push((unit, vec![i])),
        }
    }
    let units = groups.iter().filter(|(u, _)| u.is_some()).count();
    (units >= 2 && named >= 2).then_some(groups)
}

/// One sheet's table being turned into submissions.
struct Read<'a> {
    file: &'a str,
    sheet: &'a Sheet,
    table: &'a Table,
    title: Option<&'a (String, String)>,
    policy: &'a Policy,
    master: &'a Master,
    legend: &'a Legend,
}

impl Read<'_> {
    /// The submission of `raw` rows for `unit`; `first` carries the sheet's own findings
    /// (stray cells, unreadable date headings), which a split sheet reports once.
    fn submission(&self, raw: Vec<RawRow>, unit: Option<String>, first: bool) -> Submission {
        let Read {
            file,
            sheet,
            table,
            title,
            policy,
            master,
            legend,
        } = *self;
        let vocabulary = &legend.vocabulary;
        let unit_ref = unit.as_deref();
        let sheet_name = sheet.name.as_str();
        let mut findings = Vec::new();

        if unit.is_none() {
            let (written, cell) = match &title {
                Some((t, c)) => (format!(" (tertulis '{t}')"), c.clone()),
                None => (String::new(), a1(0, 0)),
            };
            findings.push(
                Finding::new(
                    FindingCode::UnitUnknown,
                    format!(
                    "Perangkat daerah pada berkas '{file}' tidak dikenali{written}: tidak cocok \
                     dengan data pegawai (judul, nama lembar, nama berkas, maupun NIP)."
                ),
                    "Tulis nama perangkat daerah sesuai data pegawai pada baris judul \
                 'PERANGKAT DAERAH : …', atau beri nama berkas dengan kode/singkatan unit.",
                )
                .at(file, sheet_name, cell),
            );
        }

        if first {
            findings.extend(stray_finding(file, sheet, unit_ref));
        }

        for (raw, cell) in table.bad_date_cols.iter().filter(|_| first) {
            findings.push(
                Finding::new(
                    FindingCode::DateInvalid,
                    format!(
                        "Judul kolom '{raw}' pada sel {cell} tidak terbaca sebagai tanggal; isi \
                     kolom ini tidak dibaca."
                    ),
                    format!(
                        "Tulis tanggal yang ada di kalender (mis. {}) pada judul kolom, sesuai \
                     masa berlaku Surat Edaran.",
                        crate::dates::example(self.policy)
                    ),
                )
                .at(file, sheet_name, cell.clone())
                .unit(unit_ref),
            );
        }

        let nip_ref = Column::new(table.nip);
        let unknown_hint = status_hint(vocabulary);
        let calendar = Calendar::from_policy(policy);
        let mut rows = Vec::with_capacity(raw.len());
        // Columns whose cells say nothing about who a row is.
        let schedule_cols: Vec<u32> = table
            .date_cols
            .iter()
            .map(|(c, _, _)| *c)
            .chain(table.date)
            .chain(table.status)
            .chain(table.approval)
            .collect();
        let mut non_asn_rows = Vec::new();
        for r in raw {
            let nip_cell = nip_ref.at(r.row);
            if !matches!(r.nip, NipRead::Valid(_) | NipRead::Lossy { .. }) {
                if let Some(reason) = non_asn::reason(sheet, r.row, &schedule_cols) {
                    non_asn_rows.push(NonAsnRow {
                        cell: nip_cell,
                        name: r.name,
                        reason,
                    });
                    continue;
                }
            }
            let nip = match &r.nip {
                NipRead::Valid(n) => Some(*n),
                NipRead::Empty => {
                    findings.push(
                        Finding::new(
                            FindingCode::NipInvalid,
                            format!("NIP kosong pada sel {nip_cell} (pegawai '{}').", r.name),
                            NIP_HINT,
                        )
                        .at(file, sheet_name, nip_cell.clone())
                        .unit(unit_ref),
                    );
                    None
                }
                NipRead::Invalid { text, error } => {
                    findings.push(
                        Finding::new(
                            FindingCode::NipInvalid,
                            format!("NIP '{text}' pada sel {nip_cell} tidak sah: {error}."),
                            NIP_HINT,
                        )
                        .at(file, sheet_name, nip_cell.clone())
                        .unit(unit_ref)
                        .nip(text.clone()),
                    );
                    None
                }
                NipRead::Lossy { first15, shown } => {
                    let mut candidates = master
                        .by_first15(first15)
                        .filter(|e| unit_ref.is_some_and(|u| e.unit == u));
                    let recovered = match (candidates.next(), candidates.next()) {
                        (Some(e), None) => Some(e.nip),
                        _ => None,
                    };
                    let base = format!(
                    "NIP pada sel {nip_cell} tersimpan sebagai angka sehingga 3 angka terakhir \
                     hilang (terbaca {shown})"
                );
                    let finding = match recovered {
                        Some(n) => Finding::new(
                            FindingCode::NipPrecisionLost,
                            format!(
                                "{base}; dipulihkan dari data pegawai menjadi {}.",
                                n.grouped()
                            ),
                            "Format kolom NIP sebagai Teks agar NIP tidak terpotong pada kiriman \
                         berikutnya.",
                        )
                        .severity(Severity::Warning)
                        .nip(n.as_str()),
                        None => Finding::new(
                            FindingCode::NipPrecisionLost,
                            format!(
                            "{base}; tidak dapat dipulihkan karena tidak ada tepat satu pegawai \
                             unit ini dengan 15 angka pertama {first15}."
                        ),
                            "Format kolom NIP sebagai Teks (atau awali dengan tanda ') lalu ketik \
                         ulang NIP lengkap 18 angka.",
                        )
                        .nip(shown.clone()),
                    };
                    findings.push(
                        finding
                            .at(file, sheet_name, nip_cell.clone())
                            .unit(unit_ref),
                    );
                    recovered
                }
            };
            // Built only for the findings it goes into.
            let nip_label = || nip.map_or_else(|| r.nip_text.clone(), |n| n.as_str().to_string());
            for e in &r.entries {
                if e.status.is_none() && !Status::is_blank(&e.raw) {
                    let day = e.date.format("%d-%m-%Y");
                    let message = if (is_day_off_word(&e.raw) || legend.is_day_off(&e.raw))
                        && calendar.is_working_day(e.date).is_ok()
                    {
                        format!(
                            "'{}' pada hari kerja {day} (sel {}): isi status kerja (WFO/WFA) atau \
                         hapus bila memang libur.",
                            e.raw, e.cell
                        )
                    } else {
                        format!(
                            "Keterangan '{}' pada sel {} tidak dikenal ({day}).",
                            e.raw, e.cell
                        )
                    };
                    findings.push(
                        Finding::new(FindingCode::StatusUnknown, message, unknown_hint.as_str())
                            .at(file, sheet_name, e.cell.clone())
                            .unit(unit_ref)
                            .nip(nip_label())
                            .date(e.date),
                    );
                }
            }
            for (raw, cell) in &r.bad_dates {
                findings.push(
                    Finding::new(
                        FindingCode::DateInvalid,
                        format!(
                            "Tanggal '{raw}' pada sel {cell} tidak terbaca sebagai tanggal; \
                         baris ini tidak dihitung."
                        ),
                        format!(
                            "Tulis tanggal sebagai tanggal (mis. {}) pada masa berlaku Surat \
                             Edaran.",
                            crate::dates::example(self.policy)
                        ),
                    )
                    .at(file, sheet_name, cell.clone())
                    .unit(unit_ref)
                    .nip(nip_label()),
                );
            }
            rows.push(ScheduleRow {
                nip,
                nip_text: r.nip_text,
                nip_cell,
                name: r.name,
                position: r.position,
                entries: r.entries,
            });
        }

        findings.extend(non_asn::finding(file, sheet_name, unit_ref, &non_asn_rows));

        let (dates, date_cells) = match table.layout {
            Layout::Wide => table
                .date_cols
                .iter()
                .map(|(_, d, cell)| (*d, cell.clone()))
                .unzip(),
            Layout::Long => {
                let mut seen: Vec<(NaiveDate, String)> = Vec::new();
                for e in rows.iter().flat_map(|r| &r.entries) {
                    if !seen.iter().any(|(d, _)| *d == e.date) {
                        seen.push((e.date, e.cell.clone()));
                    }
                }
                seen.sort();
                seen.into_iter().unzip()
            }
        };
        let mut sub = Submission {
            file: file.to_string(),
            sheet: sheet.name.clone(),
            unit,
            layout: table.layout,
            dates,
            date_cells,
            rows,
            findings,
            notes: table.notes.clone(),
        };
        // Say how the codes were read when the legend's codes are what the rows hold.
        let coded = sub.rows.iter().flat_map(|r| &r.entries);
        if let Some(note) = legend.note(sheet_name) {
            if coded.into_iter().any(|e| legend.uses(&e.raw)) {
                sub.notes.push(note);
            }
        }
        sub
    }
}

/// How many stray cells a finding names.
const STRAY_NAMED: usize = 3;

/// One warning for the filled cells set aside far outside the table, naming the first.
fn stray_finding(file: &str, sheet: &Sheet, unit: Option<&str>) -> Option<Finding> {
    let first = sheet.stray.first()?;
    let named: Vec<String> = sheet
        .stray
        .iter()
        .take(STRAY_NAMED)
        .map(|s| format!("{} ('{}')", s.cell, s.text))
        .collect();
    let more = match sheet.stray.len() - named.len() {
        0 => String::new(),
        n => format!(" dan {n} sel lain"),
    };
    Some(
        Finding::new(
            FindingCode::CellOutsideTable,
            format!(
                "Lembar '{}' berisi {} sel terisi jauh di luar tabel yang tidak dibaca: {}{more}.",
                sheet.name,
                sheet.stray.len(),
                named.join(", ")
            ),
            "Hapus isi sel tersebut (Ctrl+End menunjukkan sel terakhir yang terpakai) lalu \
             simpan ulang; tabel jadwal tetap terbaca.",
        )
        .at(file, &sheet.name, first.cell.clone())
        .unit(unit),
    )
}

/// When no sheet holds a table: the unit as far as the title, sheet or file name tell it,
/// else the unit most of the NIPs found in the file belong to.
pub fn unit_without_table(file: &str, sheets: &[Sheet], master: &Master) -> Option<String> {
    let matcher = UnitMatcher::new(master);
    sheets
        .iter()
        .find_map(|s| {
            let last = s.bounds().map(|((r0, _), (r1, _))| r1.min(r0 + 15))?;
            decide_unit(file, s, title_unit(s, last).as_ref(), &[], master, &matcher)
        })
        .or_else(|| unit_by_nips(sheets, master))
        .map(str::to_string)
}

/// Cells read for NIPs when no table was found (the first ones of each sheet).
const NIP_SCAN_CELLS: usize = 20_000;

/// The unit at least half of the master's NIPs found anywhere in the sheets belong to.
fn unit_by_nips<'m>(sheets: &[Sheet], master: &'m Master) -> Option<&'m str> {
    let mut votes: HashMap<&'m str, usize> = HashMap::new();
    let mut known = 0;
    for s in sheets {
        for (_, _, d) in s.range.used_cells().take(NIP_SCAN_CELLS) {
            let NipRead::Valid(n) = cells::nip(d) else {
                continue;
            };
            if let Some(u) = master.employee(&n).and_then(|e| master.unit(&e.unit)) {
                known += 1;
                *votes.entry(u.code.as_str()).or_default() += 1;
            }
        }
    }
    majority(&votes, known)
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::Range;
    use fleksi_core::{presets, Employee, Nip, Unit};

    fn sheet(rows: &[&[&str]]) -> Sheet {
        let h = rows.len() as u32;
        let w = rows.iter().map(|r| r.len()).max().unwrap_or(1) as u32;
        let mut range = Range::new((0, 0), (h - 1, w - 1));
        for (r, row) in rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                if !v.is_empty() {
                    range.set_value((r as u32, c as u32), Data::String(v.to_string()));
                }
            }
        }
        Sheet {
            name: "Jadwal".into(),
            range,
            stray: Vec::new(),
        }
    }

    fn master() -> Master {
        Master::new(
            vec![Unit {
                code: "BKPSDM".into(),
                name: "Badan Kepegawaian".into(),
                abbreviation: None,
                parent: None,
            }],
            vec![Employee {
                nip: Nip::parse("198503122010011004").unwrap(),
                name: "Andi".into(),
                position: "Staf".into(),
                unit: "BKPSDM".into(),
                rank: None,
            }],
        )
    }

    #[test]
    fn blank_and_unknown_cells_have_no_status() {
        let d = NaiveDate::from_ymd_opt(2025, 12, 29).unwrap();
        let v = Vocabulary::default();
        let entry = |t: &str| status_entry(&Data::String(t.into()), d, "F7".into(), None, &v);
        for blank in ["", " ", "-", " – ", "—", "- -"] {
            let e = entry(blank);
            assert_eq!(e.status, None, "{blank:?}");
            assert!(Status::is_blank(&e.raw), "{blank:?}");
        }
        assert_eq!(entry(" wfa ").status, Some(Status::Wfa));
        assert_eq!(entry(" wfa ").raw, "wfa");
        assert_eq!(entry("libur").status, None);
        assert_eq!(entry("libur").cell, "F7");
    }

    #[test]
    fn long_layout_gathers_each_nips_rows_in_order() {
        let s = sheet(&[
            &["PERANGKAT DAERAH : BKPSDM"],
            &["NIP", "Nama", "Tanggal", "Status"],
            &["198503122010011004", "Andi", "29-12-2025", "WFO"],
            &["198503122010011004", "Andi", "30-12-2025", "WFA"],
            &["199009132025242014", "Budi", "29-12-2025", "WFA"],
            &["198503122010011004", "Andi", "29-12-2025", "-"],
        ]);
        let policy = presets::by_id("lebak-2025-12").unwrap();
        let sub = read_sheet("x.xlsx", &s, &policy, &master())
            .unwrap()
            .remove(0);
        assert_eq!(sub.rows.len(), 2);
        let andi = &sub.rows[0];
        let cells: Vec<&str> = andi.entries.iter().map(|e| e.cell.as_str()).collect();
        assert_eq!(cells, ["D3", "D4", "D6"]);
        let statuses: Vec<Option<Status>> = andi.entries.iter().map(|e| e.status).collect();
        assert_eq!(statuses, [Some(Status::Wfo), Some(Status::Wfa), None]);
        assert_eq!(andi.entries[0].date, andi.entries[2].date);
        assert_eq!(sub.rows[1].nip_cell, "A5");
        assert_eq!(sub.rows[1].entries.len(), 1);
        assert_eq!(sub.dates.len(), 2);
    }

    #[test]
    fn long_layout_reports_unreadable_dates() {
        let s = sheet(&[
            &["PERANGKAT DAERAH : BKPSDM"],
            &["NIP", "Nama", "Tanggal", "Status"],
            &["198503122010011004", "Andi", "29-12-2025", "WFO"],
            &["198503122010011004", "Andi", "besok", "WFA"],
        ]);
        let policy = presets::by_id("lebak-2025-12").unwrap();
        let sub = read_sheet("x.xlsx", &s, &policy, &master())
            .unwrap()
            .remove(0);
        assert_eq!(sub.layout, Layout::Long);
        assert_eq!(sub.rows.len(), 1);
        assert_eq!(sub.rows[0].entries.len(), 1);
        assert_eq!(sub.findings.len(), 1);
        assert_eq!(sub.findings[0].cell.as_deref(), Some("C4"));
        assert!(sub.findings[0].message.contains("'besok'"));
    }
}
