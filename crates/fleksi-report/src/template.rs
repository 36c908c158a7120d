//! The OPD schedule template (Templat jadwal) of one unit: title rows, the unit's staff
//! prefilled (NIPs as text), one column per working weekday of the period with a status
//! dropdown on every schedule cell, holidays greyed and locked, daily totals, the sheet
//! protected except the input cells, and a Petunjuk sheet. Laid out as domain.md §5.3, which
//! is the format `fleksi-import` reads back without a finding.

use crate::id_text;
use crate::sheet::{self, Widths};
use crate::ReportError;
use chrono::{Datelike, NaiveDate};
use fleksi_core::{calendar::Calendar, Employee, Master, Policy, Status};
use rust_xlsxwriter::{
    DataValidation, DataValidationErrorStyle, Format, FormatAlign, FormatBorder, Note,
    ProtectionOptions, Workbook, Worksheet, XlsxError,
};

/// The schedule sheet's name.
pub const SHEET: &str = "Jadwal";
/// Zero-based row of the column headers (`No | NIP | Nama | Jabatan | dates…`).
pub const HEADER_ROW: u32 = 5;
/// Zero-based column of the first date.
pub const FIRST_DATE_COL: u16 = 4;

/// A template with empty schedule cells.
pub fn opd_template(
    policy: &Policy,
    master: &Master,
    unit_code: &str,
) -> Result<Vec<u8>, ReportError> {
    opd_template_prefilled(policy, master, unit_code, &|_, _| None)
}

/// A template whose schedule cells start with `status(employee, date)` (e.g. the unit's
/// previous submission); `None` leaves the cell empty.
pub fn opd_template_prefilled(
    policy: &Policy,
    master: &Master,
    unit_code: &str,
    status: &dyn Fn(&Employee, NaiveDate) -> Option<Status>,
) -> Result<Vec<u8>, ReportError> {
    let prefill = Prefill {
        window: None,
        status,
        approval: None,
        note: None,
    };
    opd_template_with(policy, master, unit_code, &prefill)
}

// --- Prefill of a proposal (Susun jadwal) -------------------------------------------------

/// The text of the approval column for one employee.
pub type ApprovalText<'a> = &'a dyn Fn(&Employee) -> Option<String>;

/// What a prefilled template holds (e.g. a proposal from `fleksi-propose`).
pub struct Prefill<'a> {
    /// Only the working weekdays of `from..=to` get a column (`None`: the whole period).
    pub window: Option<(NaiveDate, NaiveDate)>,
    /// The status each schedule cell starts with; `None` leaves it empty.
    pub status: &'a dyn Fn(&Employee, NaiveDate) -> Option<Status>,
    /// With `Some`, a `Persetujuan Atasan` column after the dates holding this text per
    /// employee (editable, for the superior's paraf).
    pub approval: Option<ApprovalText<'a>>,
    /// A line for the Petunjuk sheet, e.g. who proposed the schedule.
    pub note: Option<String>,
}

/// The template of `unit_code` with `prefill` (see [`Prefill`]); the dropdowns stay, so
/// every status remains editable.
pub fn opd_template_with(
    policy: &Policy,
    master: &Master,
    unit_code: &str,
    prefill: &Prefill,
) -> Result<Vec<u8>, ReportError> {
    let unit = master
        .unit(unit_code)
        .ok_or_else(|| ReportError::UnknownUnit(unit_code.to_string()))?;
    let calendar = Calendar::from_policy(policy);
    // Every working weekday of the period; a holiday on one of them is shown greyed.
    let columns: Vec<(NaiveDate, Option<String>)> = policy
        .start
        .iter_days()
        .take_while(|d| *d <= policy.end)
        .filter(|d| policy.working_weekdays.contains(&d.weekday()))
        .filter(|d| {
            prefill
                .window
                .is_none_or(|(from, to)| (from..=to).contains(d))
        })
        .map(|d| {
            (
                d,
                calendar.is_working_day(d).err().map(|why| why.to_string()),
            )
        })
        .collect();
    if columns.iter().all(|(_, off)| off.is_some()) {
        return Err(ReportError::NoWorkingDays);
    }
    let mut staff: Vec<&Employee> = master.staff_of(unit_code).collect();
    staff.sort_by(|a, b| a.name.cmp(&b.name));
    let exempt = policy.is_exempt(master, unit_code);

    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    schedule_sheet(ws, policy, &unit.name, &staff, &columns, prefill.status)?;
    if let Some(approval) = prefill.approval {
        approval_column(ws, &staff, columns.len(), approval)?;
    }
    let ws = wb.add_worksheet();
    instructions(
        ws,
        policy,
        &unit.name,
        exempt,
        &columns,
        prefill.note.as_deref(),
    )?;
    Ok(wb.save_to_buffer()?)
}

fn schedule_sheet(
    ws: &mut Worksheet,
    policy: &Policy,
    unit_name: &str,
    staff: &[&Employee],
    columns: &[(NaiveDate, Option<String>)],
    status: &dyn Fn(&Employee, NaiveDate) -> Option<Status>,
) -> Result<(), XlsxError> {
    ws.set_name(SHEET)?;
    let bold = Format::new().set_bold();
    ws.write_string_with_format(0, 0, policy.issuer.to_uppercase(), &sheet::title())?;
    ws.write_string_with_format(
        1,
        0,
        "JADWAL PELAKSANAAN TUGAS KEDINASAN SECARA FLEKSIBEL (WFO/WFA)",
        &bold,
    )?;
    ws.write_string_with_format(2, 0, format!("PERANGKAT DAERAH : {unit_name}"), &bold)?;
    ws.write_string_with_format(
        3,
        0,
        format!(
            "PERIODE : {}",
            id_text::period_upper(policy.start, policy.end)
        ),
        &bold,
    )?;

    let header = sheet::header();
    let mut widths = Widths::new();
    for (c, h) in ["No", "NIP", "Nama", "Jabatan"].iter().enumerate() {
        ws.write_string_with_format(HEADER_ROW, c as u16, *h, &header)?;
    }
    let date_header = header.clone().set_num_format("dd-mm-yyyy");
    let grey = "#BFBFBF";
    let holiday_header = date_header.clone().set_background_color(grey);
    for (k, (date, off)) in columns.iter().enumerate() {
        let col = FIRST_DATE_COL + k as u16;
        let f = if off.is_some() {
            &holiday_header
        } else {
            &date_header
        };
        ws.write_datetime_with_format(HEADER_ROW, col, sheet::excel_date(*date)?, f)?;
        ws.set_column_width(col, 12)?;
        if let Some(why) = off {
            ws.insert_note(
                HEADER_ROW,
                col,
                &Note::new(format!("Bukan hari kerja: {why}. Kosongkan kolom ini."))
                    .add_author_prefix(false),
            )?;
        }
    }
    ws.set_row_height(HEADER_ROW, 30)?;

    let locked = sheet::cell();
    let locked_text = sheet::text_cell();
    let input = sheet::cell()
        .set_unlocked()
        .set_align(FormatAlign::Center)
        .set_background_color("#FFFFFF");
    let holiday = sheet::cell().set_background_color(grey);
    let first = HEADER_ROW + 1;
    for (i, e) in staff.iter().enumerate() {
        let r = first + i as u32;
        ws.write_number_with_format(r, 0, (i + 1) as f64, &locked)?;
        ws.write_string_with_format(r, 1, e.nip.as_str(), &locked_text)?;
        ws.write_string_with_format(r, 2, &e.name, &locked)?;
        ws.write_string_with_format(r, 3, &e.position, &locked)?;
        widths.note(2, &e.name);
        widths.note(3, &e.position);
        for (k, (date, off)) in columns.iter().enumerate() {
            let col = FIRST_DATE_COL + k as u16;
            if off.is_some() {
                ws.write_blank(r, col, &holiday)?;
            } else {
                match status(e, *date) {
                    Some(s) => ws.write_string_with_format(r, col, s.code(), &input)?,
                    None => ws.write_blank(r, col, &input)?,
                };
            }
        }
    }
    let last = first + staff.len().max(1) as u32 - 1;
    if !staff.is_empty() {
        let codes: Vec<&str> = Status::ALL.iter().map(|s| s.code()).collect();
        let validation = DataValidation::new()
            .allow_list_strings(&codes)?
            .set_input_title("Keterangan")?
            .set_input_message("Pilih WFO, WFA, CUTI, SAKIT, DL, IZIN atau TB.")?
            .set_error_title("Keterangan tidak dikenal")?
            .set_error_message("Isi dengan salah satu: WFO, WFA, CUTI, SAKIT, DL, IZIN, TB.")?
            .set_error_style(DataValidationErrorStyle::Stop);
        for (k, (_, off)) in columns.iter().enumerate() {
            if off.is_none() {
                let col = FIRST_DATE_COL + k as u16;
                ws.add_data_validation(first, col, last, col, &validation)?;
            }
        }
        totals(ws, staff.len() as u32, columns)?;
    }

    ws.set_column_width(0, 5)?;
    ws.set_column_width(1, 21)?;
    widths.note(2, "Nama");
    widths.note(3, "Jabatan");
    for c in 2..=3u16 {
        let w = widths_of(&widths, c);
        ws.set_column_width(c, w)?;
    }
    ws.set_freeze_panes(HEADER_ROW + 1, FIRST_DATE_COL)?;
    sheet::print_setup(ws, HEADER_ROW)?;
    ws.protect_with_options(&ProtectionOptions {
        format_columns: true,
        format_rows: true,
        ..ProtectionOptions::default()
    });
    ws.set_active(true);
    Ok(())
}

/// `Persetujuan Atasan` after the last date column: `approval(employee)` per row, unlocked.
fn approval_column(
    ws: &mut Worksheet,
    staff: &[&Employee],
    n_dates: usize,
    approval: &dyn Fn(&Employee) -> Option<String>,
) -> Result<(), XlsxError> {
    let col = FIRST_DATE_COL + n_dates as u16;
    ws.write_string_with_format(HEADER_ROW, col, "Persetujuan Atasan", &sheet::header())?;
    ws.set_column_width(col, 30)?;
    let input = sheet::cell().set_unlocked().set_text_wrap();
    for (i, e) in staff.iter().enumerate() {
        let r = HEADER_ROW + 1 + i as u32;
        match approval(e) {
            Some(text) => ws.write_string_with_format(r, col, text, &input)?,
            None => ws.write_blank(r, col, &input)?,
        };
    }
    Ok(())
}

// --- end of the prefill of a proposal -------------------------------------------------------

fn widths_of(widths: &Widths, col: u16) -> f64 {
    widths.get(col).clamp(10, 45) as f64 + 2.0
}

/// JUMLAH WFO / JUMLAH WFA / % WFA under the table (formulas; the importer stops at them).
fn totals(
    ws: &mut Worksheet,
    n: u32,
    columns: &[(NaiveDate, Option<String>)],
) -> Result<(), XlsxError> {
    let first = HEADER_ROW + 1;
    let last = first + n - 1;
    let label = Format::new().set_bold().set_border(FormatBorder::Thin);
    let num = sheet::cell().set_align(FormatAlign::Center);
    let pct = num.clone().set_num_format("0.0%");
    let rows = [("JUMLAH WFO", "WFO"), ("JUMLAH WFA", "WFA")];
    for (i, (text, code)) in rows.iter().enumerate() {
        let r = last + 1 + i as u32;
        ws.merge_range(r, 0, r, FIRST_DATE_COL - 1, text, &label)?;
        for k in 0..columns.len() {
            let col = FIRST_DATE_COL + k as u16;
            let a = fleksi_core::finding::a1(u32::from(col), first);
            let b = fleksi_core::finding::a1(u32::from(col), last);
            ws.write_formula_with_format(
                r,
                col,
                format!("=COUNTIF({a}:{b},\"{code}\")").as_str(),
                &num,
            )?;
        }
    }
    let r = last + 3;
    ws.merge_range(r, 0, r, FIRST_DATE_COL - 1, "% WFA dari jumlah ASN", &label)?;
    for k in 0..columns.len() {
        let col = FIRST_DATE_COL + k as u16;
        let wfa = fleksi_core::finding::a1(u32::from(col), last + 2);
        ws.write_formula_with_format(r, col, format!("={wfa}/{n}").as_str(), &pct)?;
    }
    Ok(())
}

fn instructions(
    ws: &mut Worksheet,
    policy: &Policy,
    unit_name: &str,
    exempt: bool,
    columns: &[(NaiveDate, Option<String>)],
    note: Option<&str>,
) -> Result<(), XlsxError> {
    ws.set_name("Petunjuk")?;
    ws.set_column_width(0, 110)?;
    let mut lines: Vec<(String, bool)> = vec![
        ("PETUNJUK PENGISIAN JADWAL WFO/WFA".to_string(), true),
        (
            format!(
                "{} {} Nomor {} tanggal {} tentang {}.",
                policy.kind.label(),
                policy.issuer_title,
                policy.number,
                id_text::long_date(policy.date),
                policy.subject
            ),
            false,
        ),
        (format!("Perangkat daerah: {unit_name}"), false),
        (
            format!(
                "Masa berlaku: {} s.d. {}",
                id_text::long_date(policy.start),
                id_text::long_date(policy.end)
            ),
            false,
        ),
        (String::new(), false),
        ("Cara mengisi".to_string(), true),
        (
            "1. Isi lembar 'Jadwal': satu baris per pegawai, satu kolom per tanggal. NIP, nama \
             dan jabatan sudah terisi dari data pegawai dan tidak dapat diubah."
                .to_string(),
            false,
        ),
        (
            "2. Pilih keterangan dari daftar pada setiap sel tanggal (klik sel, lalu panah di \
             kanannya)."
                .to_string(),
            false,
        ),
        (
            "3. Kolom berwarna abu-abu adalah hari libur nasional/cuti bersama: biarkan kosong."
                .to_string(),
            false,
        ),
        (
            "4. Jangan menambah, menghapus atau memindahkan kolom dan baris. Bila ada pegawai \
             yang belum tercantum atau sudah pindah, beri tahu BKPSDM."
                .to_string(),
            false,
        ),
        (
            "5. Simpan sebagai .xlsx tanpa kata sandi dan kirim ke BKPSDM.".to_string(),
            false,
        ),
        (String::new(), false),
        ("Keterangan".to_string(), true),
    ];
    if let Some(note) = note {
        lines.insert(3, (note.to_string(), true));
    }
    for s in Status::ALL {
        lines.push((format!("{} = {}", s.code(), s.label()), false));
    }
    lines.push((String::new(), false));
    lines.push(("Ketentuan".to_string(), true));
    if exempt {
        lines.push((
            "Perangkat daerah ini DIKECUALIKAN: seluruh pegawai tetap bekerja di kantor (WFO); \
             WFA tidak diperbolehkan."
                .to_string(),
            false,
        ));
    } else {
        lines.push((
            format!(
                "Batas WFA: {} dari jumlah ASN perangkat daerah per hari.",
                policy.caps_description()
            ),
            false,
        ));
        lines.push((
            "Baris '% WFA dari jumlah ASN' di bawah tabel menghitung otomatis; pastikan tidak \
             melebihi batas."
                .to_string(),
            false,
        ));
    }
    if let Some(limit) = policy.weekly_wfa_limit {
        lines.push((
            format!("WFA paling banyak {limit} hari per pegawai per minggu."),
            false,
        ));
    }
    let holidays: Vec<String> = columns
        .iter()
        .filter_map(|(d, off)| {
            off.as_ref()
                .map(|why| format!("{} ({why})", id_text::table_date(*d)))
        })
        .collect();
    if !holidays.is_empty() {
        lines.push((format!("Bukan hari kerja: {}.", holidays.join("; ")), false));
    }
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    for (r, (text, is_bold)) in lines.iter().enumerate() {
        let f = if *is_bold { &bold } else { &wrap };
        ws.write_string_with_format(r as u32, 0, text, f)?;
    }
    ws.protect();
    Ok(())
}
