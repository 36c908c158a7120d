//! The annotated error workbook (Berkas koreksi) sent back to an OPD: its own rows as read
//! (NIP, name, position, what was written per date), every cell with a finding highlighted
//! (errors red, warnings yellow) with a note holding the message, the fix hint and the cell in
//! the original file, plus a "Daftar Temuan" sheet listing every finding.

use crate::file_label::{file_label, message_label};
use crate::id_text;
use crate::sheet::{self, Widths};
use crate::ReportError;
use chrono::NaiveDate;
use fleksi_core::finding::a1;
use fleksi_core::{Finding, Severity, Submission};
use rust_xlsxwriter::{Format, FormatAlign, Note, Workbook, Worksheet, XlsxError};
use std::collections::{HashMap, HashSet};

/// Name of the sheet with the OPD's rows.
pub const SHEET: &str = "Koreksi";
/// Name of the sheet listing the findings.
pub const LIST_SHEET: &str = "Daftar Temuan";
/// Zero-based row of the column headers on the correction sheet.
pub const HEADER_ROW: u32 = 4;
const FIRST_DATE_COL: u16 = 4;

/// Where each finding lands on the correction sheet.
struct Placement {
    /// (row, col) on the correction sheet per finding; `None` when it names no cell there.
    at: Vec<Option<(u32, u16)>>,
    /// Employees named by findings but absent from the rows (e.g. `employee.missing`),
    /// appended under the table.
    extra_nips: Vec<String>,
}

/// The column of each of the submission's dates in the corrections sheet.
fn date_columns(sub: &Submission) -> HashMap<NaiveDate, u16> {
    sub.dates
        .iter()
        .enumerate()
        .map(|(i, d)| (*d, FIRST_DATE_COL + i as u16))
        .collect()
}

fn place(sub: &Submission, findings: &[Finding]) -> Placement {
    let first = HEADER_ROW + 1;
    let date_col = date_columns(sub);
    let mut by_cell: HashMap<&str, (u32, u16)> = HashMap::new();
    let mut by_nip: HashMap<String, u32> = HashMap::new();
    for (i, row) in sub.rows.iter().enumerate() {
        let r = first + i as u32;
        by_cell.insert(row.nip_cell.as_str(), (r, 1));
        by_nip
            .entry(nip_key(
                row.nip.map(|n| n.to_string()).as_deref(),
                &row.nip_text,
            ))
            .or_insert(r);
        for e in &row.entries {
            if let Some(&c) = date_col.get(&e.date) {
                by_cell.insert(e.cell.as_str(), (r, c));
            }
        }
    }
    for (i, cell) in sub.date_cells.iter().enumerate() {
        by_cell.insert(cell.as_str(), (HEADER_ROW, FIRST_DATE_COL + i as u16));
    }
    let mut extra_nips: Vec<String> = Vec::new();
    let mut at = Vec::with_capacity(findings.len());
    for f in findings {
        let from_cell = f
            .cell
            .as_deref()
            .filter(|_| f.sheet.as_deref().is_none_or(|s| s == sub.sheet))
            .and_then(|c| by_cell.get(c).copied());
        let nip_row = f.nip.as_deref().map(|n| {
            let key = nip_key(None, n);
            match by_nip.get(&key) {
                Some(&r) => r,
                None => {
                    let pos = extra_nips
                        .iter()
                        .position(|x| *x == key)
                        .unwrap_or_else(|| {
                            extra_nips.push(key.clone());
                            extra_nips.len() - 1
                        });
                    first + (sub.rows.len() + pos) as u32
                }
            }
        });
        let col = f.date.and_then(|d| date_col.get(&d).copied());
        let spot = from_cell.or(match (nip_row, col) {
            (Some(r), Some(c)) => Some((r, c)),
            (Some(r), None) => Some((r, 1)),
            (None, Some(c)) => Some((HEADER_ROW, c)),
            (None, None) => None,
        });
        at.push(spot);
    }
    Placement { at, extra_nips }
}

fn nip_key(parsed: Option<&str>, text: &str) -> String {
    match parsed {
        Some(p) => p.to_string(),
        None => text.chars().filter(|c| !c.is_whitespace()).collect(),
    }
}

/// Writes the annotated copy of `submission` with `findings` (those of this submission).
pub fn error_workbook(
    submission: &Submission,
    findings: &[Finding],
) -> Result<Vec<u8>, ReportError> {
    let placement = place(submission, findings);
    let mut wb = Workbook::new();
    rows_sheet(wb.add_worksheet(), submission, findings, &placement)?;
    list_sheet(wb.add_worksheet(), findings, &placement)?;
    Ok(wb.save_to_buffer()?)
}

fn rows_sheet(
    ws: &mut Worksheet,
    sub: &Submission,
    findings: &[Finding],
    placement: &Placement,
) -> Result<(), XlsxError> {
    ws.set_name(SHEET)?;
    ws.write_string_with_format(
        0,
        0,
        format!("BERKAS KOREKSI — {}", file_label(&sub.file)),
        &sheet::title(),
    )?;
    let unit = sub.unit.as_deref().unwrap_or("(tidak dikenali)");
    ws.write_string(
        1,
        0,
        format!("Lembar asli: {} · Perangkat daerah: {unit}", sub.sheet),
    )?;
    ws.write_string(
        2,
        0,
        "Sel merah: kesalahan; sel kuning: peringatan. Arahkan kursor ke sel untuk membaca \
         catatan dan saran perbaikan; semua temuan ada di lembar 'Daftar Temuan'.",
    )?;
    let header = sheet::header();
    let mut widths = Widths::new();
    for (c, h) in ["No", "NIP", "Nama", "Jabatan"].iter().enumerate() {
        ws.write_string_with_format(HEADER_ROW, c as u16, *h, &header)?;
        widths.note(c as u16, h);
    }
    for (i, d) in sub.dates.iter().enumerate() {
        let col = FIRST_DATE_COL + i as u16;
        ws.write_string_with_format(HEADER_ROW, col, id_text::table_date(*d), &header)?;
        widths.note(col, "29-12-2025");
    }
    // Values first, with their highlight.
    let mut marks: HashMap<(u32, u16), (Severity, Vec<String>)> = HashMap::new();
    for (f, spot) in findings.iter().zip(&placement.at) {
        if let Some(spot) = spot {
            let e = marks.entry(*spot).or_insert((f.severity, Vec::new()));
            e.0 = e.0.min(f.severity);
            let message = message_label(&f.message, f.file.as_deref());
            let mut text = format!("{}: {message}\nSaran: {}", f.severity.label(), f.hint);
            if let Some(c) = &f.cell {
                text.push_str(&format!("\n(Sel {c} pada berkas asli)"));
            }
            e.1.push(text);
        }
    }
    let plain = sheet::cell();
    let text = sheet::text_cell();
    let red = sheet::cell()
        .set_background_color("#FFC7CE")
        .set_font_color("#9C0006");
    let yellow = sheet::cell()
        .set_background_color("#FFEB9C")
        .set_font_color("#9C5700");
    let fmt = |spot: (u32, u16), base: &Format| -> Format {
        match marks.get(&spot).map(|m| m.0) {
            Some(Severity::Error) => red.clone().set_num_format("@"),
            Some(Severity::Warning) => yellow.clone().set_num_format("@"),
            None => base.clone(),
        }
    };
    let centred = plain.clone().set_align(FormatAlign::Center);
    let date_col = date_columns(sub);
    let first = HEADER_ROW + 1;
    let mut written: HashSet<(u32, u16)> = HashSet::new();
    for (i, row) in sub.rows.iter().enumerate() {
        let r = first + i as u32;
        written.extend([(r, 1), (r, 2), (r, 3)]);
        ws.write_number_with_format(r, 0, (i + 1) as f64, &plain)?;
        ws.write_string_with_format(r, 1, &row.nip_text, &fmt((r, 1), &text))?;
        ws.write_string_with_format(r, 2, &row.name, &fmt((r, 2), &plain))?;
        ws.write_string_with_format(r, 3, &row.position, &fmt((r, 3), &plain))?;
        widths.note(1, &row.nip_text);
        widths.note(2, &row.name);
        widths.note(3, &row.position);
        for e in &row.entries {
            if let Some(&c) = date_col.get(&e.date) {
                written.insert((r, c));
                ws.write_string_with_format(r, c, &e.raw, &fmt((r, c), &centred))?;
            }
        }
    }
    for (k, nip) in placement.extra_nips.iter().enumerate() {
        let r = first + (sub.rows.len() + k) as u32;
        written.extend([(r, 1), (r, 2)]);
        ws.write_string_with_format(r, 1, nip, &fmt((r, 1), &text))?;
        ws.write_string_with_format(r, 2, "(belum tercantum di berkas)", &plain)?;
    }
    // Highlight cells that hold nothing (a missing status) and header cells.
    for (&(r, c), (sev, _)) in &marks {
        let has_value = written.contains(&(r, c));
        if !has_value {
            let f = if *sev == Severity::Error {
                &red
            } else {
                &yellow
            };
            if r == HEADER_ROW {
                let label = c
                    .checked_sub(FIRST_DATE_COL)
                    .and_then(|i| sub.dates.get(usize::from(i)))
                    .map_or(String::new(), |d| id_text::table_date(*d));
                ws.write_string_with_format(r, c, label, &f.clone().set_bold())?;
            } else {
                ws.write_blank(r, c, f)?;
            }
        }
    }
    for (&(r, c), (_, texts)) in &marks {
        let note = Note::new(texts.join("\n\n"))
            .add_author_prefix(false)
            .set_width(360)
            .set_height(140);
        ws.insert_note(r, c, &note)?;
    }
    widths.apply(ws, 45)?;
    ws.set_freeze_panes(HEADER_ROW + 1, FIRST_DATE_COL)?;
    sheet::print_setup(ws, HEADER_ROW)?;
    Ok(())
}

fn list_sheet(
    ws: &mut Worksheet,
    findings: &[Finding],
    placement: &Placement,
) -> Result<(), XlsxError> {
    ws.set_name(LIST_SHEET)?;
    ws.write_string_with_format(0, 0, "DAFTAR TEMUAN", &sheet::title())?;
    const HEAD: u32 = 2;
    let header = sheet::header();
    let names = [
        "No",
        "Tingkat",
        "Jenis temuan",
        "Sel pada berkas asli",
        "Sel pada lembar Koreksi",
        "NIP",
        "Tanggal",
        "Pesan",
        "Saran perbaikan",
        "Kode",
    ];
    let mut widths = Widths::new();
    for (c, h) in names.iter().enumerate() {
        ws.write_string_with_format(HEAD, c as u16, *h, &header)?;
        widths.note(c as u16, h);
    }
    let plain = sheet::cell();
    let text = sheet::text_cell();
    let wrap = sheet::cell().set_text_wrap();
    let err = sheet::cell().set_font_color("#9C0006").set_bold();
    let messages: Vec<_> = findings
        .iter()
        .map(|f| message_label(&f.message, f.file.as_deref()))
        .collect();
    let mut wrapped = Vec::with_capacity(findings.len());
    for (i, ((f, spot), message)) in findings
        .iter()
        .zip(&placement.at)
        .zip(&messages)
        .enumerate()
    {
        let r = HEAD + 1 + i as u32;
        ws.write_number_with_format(r, 0, (i + 1) as f64, &plain)?;
        let sev = if f.is_error() { &err } else { &plain };
        ws.write_string_with_format(r, 1, f.severity.label(), sev)?;
        ws.write_string_with_format(r, 2, f.code.label(), &plain)?;
        ws.write_string_with_format(r, 3, f.cell.as_deref().unwrap_or(""), &text)?;
        let here = spot.map_or(String::new(), |(row, col)| a1(u32::from(col), row));
        ws.write_string_with_format(r, 4, &here, &text)?;
        ws.write_string_with_format(r, 5, f.nip.as_deref().unwrap_or(""), &text)?;
        let date = f.date.map_or(String::new(), id_text::table_date);
        ws.write_string_with_format(r, 6, &date, &plain)?;
        ws.write_string_with_format(r, 7, message.as_ref(), &wrap)?;
        ws.write_string_with_format(r, 8, &f.hint, &wrap)?;
        ws.write_string_with_format(r, 9, f.code.as_str(), &text)?;
        widths.note(2, f.code.label());
        widths.note(9, f.code.as_str());
        widths.note(5, f.nip.as_deref().unwrap_or(""));
        widths.note(6, &date);
        widths.note(7, message);
        widths.note(8, &f.hint);
        wrapped.push((r, [(7, message.as_ref()), (8, f.hint.as_str())]));
    }
    widths.fit_rows(ws, 60, &wrapped)?;
    widths.apply(ws, 60)?;
    let last = HEAD + findings.len() as u32;
    ws.set_freeze_panes(HEAD + 1, 0)?;
    ws.autofilter(HEAD, 0, last, 9)?;
    sheet::print_setup(ws, HEAD)?;
    Ok(())
}
