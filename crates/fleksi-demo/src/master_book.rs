//! Writes the master workbook (design §6): sheet `Pegawai` (NIP as text, Nama, Jabatan,
//! Pangkat/Gol., Kode Unit, Unit Kerja, Status PNS/PPPK) and sheet `Unit` (Kode, Nama,
//! Singkatan, Kode Induk).

use crate::DemoError;
use chrono::NaiveDate;
use fleksi_core::nip::NipKind;
use fleksi_core::Master;
use rust_xlsxwriter::{Format, FormatBorder, Workbook};
use std::path::Path;

pub const STAFF_SHEET: &str = "Pegawai";
pub const UNIT_SHEET: &str = "Unit";
pub const STAFF_HEADERS: [&str; 7] = [
    "NIP",
    "Nama",
    "Jabatan",
    "Pangkat/Gol.",
    "Kode Unit",
    "Unit Kerja",
    "Status",
];
pub const UNIT_HEADERS: [&str; 4] = ["Kode", "Nama", "Singkatan", "Kode Induk"];

pub fn write_master(master: &Master, created: NaiveDate, path: &Path) -> Result<(), DemoError> {
    write(master, created, path).map_err(|source| DemoError::Xlsx {
        path: path.to_path_buf(),
        source,
    })
}

fn write(
    master: &Master,
    created: NaiveDate,
    path: &Path,
) -> Result<(), rust_xlsxwriter::XlsxError> {
    let header = Format::new()
        .set_bold()
        .set_border(FormatBorder::Thin)
        .set_background_color(0xD9D9D9);
    let text = Format::new().set_num_format("@");
    let mut wb = Workbook::new();
    wb.set_properties(&crate::render::properties(created, "Data Pegawai")?);

    let ws = wb.add_worksheet();
    ws.set_name(STAFF_SHEET)?;
    for (c, (h, w)) in STAFF_HEADERS
        .iter()
        .zip([21.0, 34.0, 40.0, 24.0, 22.0, 40.0, 8.0])
        .enumerate()
    {
        ws.write_string_with_format(0, c as u16, *h, &header)?;
        ws.set_column_width(c as u16, w)?;
    }
    ws.set_freeze_panes(1, 0)?;
    for (i, e) in master.employees.iter().enumerate() {
        let r = i as u32 + 1;
        let unit_name = master.unit(&e.unit).map_or("", |u| u.name.as_str());
        ws.write_string_with_format(r, 0, e.nip.as_str(), &text)?;
        ws.write_string(r, 1, &e.name)?;
        ws.write_string(r, 2, &e.position)?;
        ws.write_string(r, 3, e.rank.as_deref().unwrap_or(""))?;
        ws.write_string(r, 4, &e.unit)?;
        ws.write_string(r, 5, unit_name)?;
        let kind = match e.nip.kind() {
            NipKind::Pns => "PNS",
            NipKind::Pppk => "PPPK",
        };
        ws.write_string(r, 6, kind)?;
    }
    ws.autofilter(0, 0, master.employees.len() as u32, 6)?;

    let ws = wb.add_worksheet();
    ws.set_name(UNIT_SHEET)?;
    for (c, (h, w)) in UNIT_HEADERS
        .iter()
        .zip([24.0, 70.0, 26.0, 24.0])
        .enumerate()
    {
        ws.write_string_with_format(0, c as u16, *h, &header)?;
        ws.set_column_width(c as u16, w)?;
    }
    for (i, u) in master.units.iter().enumerate() {
        let r = i as u32 + 1;
        ws.write_string(r, 0, &u.code)?;
        ws.write_string(r, 1, &u.name)?;
        ws.write_string(r, 2, u.abbreviation.as_deref().unwrap_or(""))?;
        ws.write_string(r, 3, u.parent.as_deref().unwrap_or(""))?;
    }
    wb.save(path)
}
