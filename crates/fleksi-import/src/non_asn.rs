//! Rows of non-ASN staff in an OPD schedule: no valid NIP, and either a 16-digit NIK in the
//! row or a cell saying honorer, PPPK paruh waktu, THL, tenaga kontrak and the like. They are
//! not counted (the cap counts ASN) and are reported once per sheet instead of one
//! `nip.invalid` per row. A row with a valid NIP is never taken for one.

use crate::cells::{self, key};
use crate::workbook::Sheet;
use fleksi_core::{Finding, FindingCode};

/// Words (as [`key`] writes them) that mark a non-ASN row (not a bare "kontrak": a position
/// such as "Pengelola Kontrak" is an ASN's).
const MARKERS: [&str; 13] = [
    "HONORER",
    "HONOR DAERAH",
    "PARUH WAKTU",
    "THL",
    "TENAGA HARIAN LEPAS",
    "TENAGA KONTRAK",
    "TKK",
    "PTT",
    "NON ASN",
    "NON PNS",
    "OUTSOURCING",
    "TENAGA PENDUKUNG",
    "SUKARELAWAN",
];

/// How many rows the finding names.
const NAMED: usize = 3;

/// A non-ASN row: its NIP cell, the name and why it was taken for one.
#[derive(Debug, Clone)]
pub struct NonAsnRow {
    pub cell: String,
    pub name: String,
    pub reason: String,
}

/// Why the row (`row`, read outside the columns in `skip`) is a non-ASN row, if it is one.
/// Only asked of rows without a valid NIP.
pub fn reason(sheet: &Sheet, row: u32, skip: &[u32]) -> Option<String> {
    let ((_, c0), (_, c1)) = sheet.bounds()?;
    let mut nik = None;
    for c in c0..=c1 {
        if skip.contains(&c) {
            continue;
        }
        let d = sheet.cell(row, c);
        let text = cells::text(d);
        if text.is_empty() {
            continue;
        }
        let k = key(&text);
        let padded = format!(" {k} ");
        if let Some(m) = MARKERS.iter().find(|m| padded.contains(&format!(" {m} "))) {
            return Some(m.to_lowercase());
        }
        let digits: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        let digits = digits.trim_start_matches('\'');
        if nik.is_none() && digits.len() == 16 && digits.bytes().all(|b| b.is_ascii_digit()) {
            nik = Some(format!("NIK {digits}"));
        }
    }
    nik
}

/// The one warning for a sheet's non-ASN rows, naming the first few.
pub fn finding(file: &str, sheet: &str, unit: Option<&str>, rows: &[NonAsnRow]) -> Option<Finding> {
    let first = rows.first()?;
    let named: Vec<String> = rows
        .iter()
        .take(NAMED)
        .map(|r| {
            if r.name.is_empty() {
                format!("{} ({})", r.cell, r.reason)
            } else {
                format!("{} '{}' ({})", r.cell, r.name, r.reason)
            }
        })
        .collect();
    let more = match rows.len() - named.len() {
        0 => String::new(),
        n => format!(" dan {n} baris lain"),
    };
    Some(
        Finding::new(
            FindingCode::StaffNonAsn,
            format!(
                "{} baris pegawai non-ASN (tanpa NIP) pada lembar '{sheet}' tidak dihitung: {}{more}.",
                rows.len(),
                named.join(", ")
            ),
            "Jadwal WFO/WFA dan batasnya berlaku untuk ASN (PNS dan PPPK ber-NIP); hapus baris \
             non-ASN dari berkas, atau tulis NIP 18 angka bila pegawai itu ASN.",
        )
        .at(file, sheet, first.cell.clone())
        .unit(unit),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{Data, Range};

    fn row(cells: &[&str]) -> Sheet {
        let mut range = Range::new((0, 0), (0, cells.len() as u32 - 1));
        for (c, v) in cells.iter().enumerate() {
            range.set_value((0, c as u32), Data::String(v.to_string()));
        }
        Sheet {
            name: "Jadwal".into(),
            range,
            stray: Vec::new(),
        }
    }

    #[test]
    fn markers_and_niks_make_a_non_asn_row() {
        let r = |cells: &[&str]| reason(&row(cells), 0, &[]);
        assert_eq!(
            r(&["", "Ani", "Tenaga Honorer"]).as_deref(),
            Some("honorer")
        );
        assert_eq!(
            r(&["", "Ani", "PPPK Paruh Waktu"]).as_deref(),
            Some("paruh waktu")
        );
        assert_eq!(r(&["", "Ani", "THL"]).as_deref(), Some("thl"));
        assert_eq!(
            r(&["3602 0415 0590 0001", "Ani", ""]).as_deref(),
            Some("NIK 3602041505900001")
        );
        // A position that merely mentions a contract, or a wrong NIP, is not a marker.
        assert_eq!(r(&["", "Ani", "Pengelola Kontrak"]), None);
        assert_eq!(r(&["19850312201001100", "Ani", "Staf"]), None);
        // Columns of the schedule itself are not read.
        assert_eq!(reason(&row(&["", "Ani", "Honorer"]), 0, &[2]), None);
    }
}
