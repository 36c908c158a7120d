//! Writes an OPD grid to disk: as an XLSX workbook (merged title cells, bordered table,
//! date cells, totals formulas with cached results, a hidden `Petunjuk` sheet) or as the
//! `;`-separated Windows-1252 CSV that Indonesian-locale Excel saves.

use crate::sheet::{Cell, Grid, Role};
use crate::style::Style;
use crate::DemoError;
use chrono::Datelike;
use chrono::NaiveDate;
use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Formula, Workbook,
};
use std::path::Path;

struct Formats {
    title: Format,
    header: Format,
    header_date: Format,
    body: Format,
    nip_text: Format,
    nip_number: Format,
    status: Format,
    date: Format,
    total: Format,
    signature: Format,
    signature_name: Format,
}

impl Formats {
    fn new() -> Self {
        let bordered = Format::new().set_border(FormatBorder::Thin);
        let header = bordered
            .clone()
            .set_bold()
            .set_align(FormatAlign::Center)
            .set_align(FormatAlign::VerticalCenter)
            .set_text_wrap()
            .set_background_color(0xD9D9D9);
        Formats {
            title: Format::new().set_bold().set_align(FormatAlign::Center),
            header_date: header.clone().set_num_format("dd/mm/yyyy"),
            header,
            body: bordered.clone(),
            nip_text: bordered.clone().set_num_format("@"),
            nip_number: bordered.clone().set_num_format("0"),
            status: bordered.clone().set_align(FormatAlign::Center),
            date: bordered.clone().set_num_format("dd/mm/yyyy"),
            total: bordered.set_bold().set_align(FormatAlign::Center),
            signature: Format::new().set_align(FormatAlign::Center),
            signature_name: Format::new()
                .set_bold()
                .set_underline(rust_xlsxwriter::FormatUnderline::Single)
                .set_align(FormatAlign::Center),
        }
    }

    fn of(&self, role: Role, cell: &Cell) -> &Format {
        match role {
            Role::Title => &self.title,
            Role::Header => &self.header,
            Role::HeaderDate => &self.header_date,
            Role::Body => &self.body,
            Role::Nip if matches!(cell, Cell::Number(_)) => &self.nip_number,
            Role::Nip => &self.nip_text,
            Role::Status => &self.status,
            Role::Date => &self.date,
            Role::Total => &self.total,
            Role::Signature => &self.signature,
            Role::SignatureName => &self.signature_name,
        }
    }
}

const PETUNJUK: &[&str] = &[
    "PETUNJUK PENGISIAN JADWAL WFO/WFA",
    "1. Isi satu baris untuk setiap ASN (PNS dan PPPK) pada perangkat daerah.",
    "2. Tulis NIP 18 digit sebagai teks (awali dengan tanda petik bila perlu).",
    "3. Isi kolom tanggal dengan: WFO, WFA, C (cuti), S (sakit), DL (dinas luar), I (izin), TB (tugas belajar).",
    "4. Jumlah WFA per hari tidak boleh melebihi batas dalam Surat Edaran.",
    "5. Perangkat daerah yang dikecualikan wajib WFO seluruhnya.",
    "6. Kirim berkas ke BKPSDM paling lambat sebelum periode dimulai.",
];

fn xlsx_err(path: &Path) -> impl Fn(rust_xlsxwriter::XlsxError) -> DemoError + '_ {
    move |source| DemoError::Xlsx {
        path: path.to_path_buf(),
        source,
    }
}

/// Writes the grid as an XLSX workbook.
pub fn write_xlsx(
    grid: &Grid,
    style: &Style,
    widths: &[f64],
    created: NaiveDate,
    path: &Path,
) -> Result<(), DemoError> {
    let err = xlsx_err(path);
    let f = Formats::new();
    let mut wb = Workbook::new();
    wb.set_properties(&properties(created, "Jadwal WFO/WFA").map_err(&err)?);
    if style.petunjuk_first {
        add_petunjuk(&mut wb).map_err(&err)?;
    }
    {
        let ws = wb.add_worksheet();
        ws.set_name(&style.sheet).map_err(&err)?;
        ws.set_active(true);
        ws.set_landscape();
        ws.set_paper_size(14);
        for (c, w) in widths.iter().enumerate() {
            ws.set_column_width(c as u16, *w).map_err(&err)?;
        }
        for p in &grid.cells {
            let row = p.row;
            let col = p.col as u16;
            let format = f.of(p.role, &p.cell);
            if let Some(last) = p.merge_to {
                let text = match &p.cell {
                    Cell::Text(t) => t.as_str(),
                    _ => "",
                };
                ws.merge_range(row, col, row, last as u16, text, format)
                    .map_err(&err)?;
                continue;
            }
            match &p.cell {
                Cell::Text(t) => {
                    ws.write_string_with_format(row, col, t, format)
                        .map_err(&err)?;
                }
                Cell::Number(n) => {
                    ws.write_number_with_format(row, col, *n, format)
                        .map_err(&err)?;
                }
                Cell::Date(d) => {
                    let dt =
                        ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)
                            .map_err(&err)?;
                    ws.write_datetime_with_format(row, col, &dt, format)
                        .map_err(&err)?;
                }
                Cell::Formula { formula, result } => {
                    let fm = Formula::new(formula).set_result(result);
                    ws.write_formula_with_format(row, col, fm, format)
                        .map_err(&err)?;
                }
            }
        }
    }
    if !style.petunjuk_first {
        add_petunjuk(&mut wb).map_err(&err)?;
    }
    wb.save(path).map_err(&err)
}

/// Fixed document properties, so the same demo writes the same bytes (the default is
/// the time of writing).
pub fn properties(
    created: NaiveDate,
    title: &str,
) -> Result<DocProperties, rust_xlsxwriter::XlsxError> {
    let day = ExcelDateTime::from_ymd(
        created.year() as u16,
        created.month() as u8,
        created.day() as u8,
    )?;
    Ok(DocProperties::new()
        .set_title(title)
        .set_company("Pemerintah Kabupaten Lebak (data demo Fleksi)")
        .set_creation_datetime(&day))
}

fn add_petunjuk(wb: &mut Workbook) -> Result<(), rust_xlsxwriter::XlsxError> {
    let ws = wb.add_worksheet();
    ws.set_name("Petunjuk")?;
    ws.set_column_width(0, 100.0)?;
    for (i, line) in PETUNJUK.iter().enumerate() {
        ws.write_string(i as u32, 0, *line)?;
    }
    ws.set_hidden(true);
    Ok(())
}

/// Writes the grid as `;`-separated CSV in Windows-1252 with CRLF line ends: merged titles
/// in their first cell, formulas as their results, date cells as the text Excel shows.
pub fn write_csv(grid: &Grid, style: &Style, path: &Path) -> Result<(), DemoError> {
    let width = grid.last_col as usize + 1;
    let mut table = vec![vec![String::new(); width]; grid.rows() as usize];
    for p in &grid.cells {
        table[p.row as usize][p.col as usize] = match &p.cell {
            Cell::Text(t) => t.clone(),
            Cell::Number(n) => format!("{n}"),
            Cell::Date(d) => style.dates.text(*d),
            Cell::Formula { result, .. } => result.clone(),
        };
    }
    let mut text = String::new();
    for row in &table {
        let fields: Vec<String> = row.iter().map(|f| csv_field(f)).collect();
        text.push_str(&fields.join(";"));
        text.push_str("\r\n");
    }
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&text);
    if unmappable {
        return Err(DemoError::Encoding {
            path: path.to_path_buf(),
        });
    }
    std::fs::write(path, &bytes).map_err(|source| DemoError::Io {
        path: path.to_path_buf(),
        source,
    })
}

fn csv_field(f: &str) -> String {
    if f.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", f.replace('"', "\"\""))
    } else {
        f.to_string()
    }
}
