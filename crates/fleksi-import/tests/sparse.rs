//! Sheets with a value left far from the table (`tests/fixtures/sparse/`, written by openpyxl
//! and LibreOffice): the table's rows import and the stray cell is one warning naming it,
//! without sizing a grid by the sheet's extent (issue 14, item 1).

use fleksi_core::{Layout, Severity, Status, Submission};

mod common;

use common::{december, summary};

fn read(name: &str) -> Submission {
    let bytes = std::fs::read(common::fixtures().join("sparse").join(name)).expect("fixture");
    fleksi_import::read_submission(name, &bytes, &common::lebak(), &common::fixture_master())
}

fn assert_one_row(s: &Submission) {
    assert_eq!(s.unit.as_deref(), Some("DINKES"));
    assert_eq!(s.layout, Layout::Long);
    assert_eq!(s.dates, december(&[29]));
    assert_eq!(s.rows.len(), 1);
    let row = &s.rows[0];
    assert_eq!(
        row.nip.map(|n| n.as_str().to_string()).as_deref(),
        Some("197701012002121001")
    );
    assert_eq!(row.entries.len(), 1);
    assert_eq!(row.entries[0].status, Some(Status::Wfa));
    assert_eq!(row.entries[0].cell, "C2");
}

#[test]
fn xlsx_with_a_value_in_xfd1048576_imports_its_row() {
    let s = read("sel_jauh_dinkes.xlsx");
    assert_one_row(&s);
    assert_eq!(
        summary(&s),
        [("cell.outside_table", Severity::Warning, "XFD1048576")]
    );
    assert_eq!(
        s.findings[0].message,
        "Lembar 'Jadwal' berisi 1 sel terisi jauh di luar tabel yang tidak dibaca: \
         XFD1048576 ('x')."
    );
    assert_eq!(s.findings[0].sheet.as_deref(), Some("Jadwal"));
}

#[test]
fn xls_with_a_value_in_iv65536_imports_its_row() {
    let s = read("sel_jauh_dinkes_lama.xls");
    assert_one_row(&s);
    assert_eq!(
        summary(&s),
        [("cell.outside_table", Severity::Warning, "IV65536")]
    );
}

#[test]
fn ods_with_a_value_in_amj1048576_imports_its_row() {
    // Read cell by cell (src/ods.rs): calamine's ods reader would build the sheet's used
    // rectangle (1,048,576 × 1,024 cells) and refuse it.
    let s = read("sel_jauh_dinkes_lo.ods");
    assert_one_row(&s);
    assert_eq!(
        summary(&s),
        [("cell.outside_table", Severity::Warning, "AMJ1048576")]
    );
}
