//! The annotated error workbook: a submission with planted faults read by `fleksi-import`,
//! validated, written back; calamine sees the OPD's rows and a "Daftar Temuan" sheet that
//! places every finding, and the sheet XML carries a highlighted cell with a note per finding.

mod common;

use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
use fleksi_core::{FindingCode, Status};
use fleksi_report::corrections::{error_workbook, LIST_SHEET, SHEET};
use fleksi_report::template::opd_template_prefilled;
use std::io::Cursor;

#[test]
fn findings_are_highlighted_with_notes_and_listed() {
    let policy = common::policy();
    let (master, _) = common::regency(4, 6, &common::days());
    // Everyone WFA: over the 50 % cap every day.
    let bytes = opd_template_prefilled(&policy, &master, "DISKOMINFO", &|_, _| Some(Status::Wfa))
        .expect("template");
    let sub = fleksi_import::read_submission("diskominfo.xlsx", &bytes, &policy, &master);
    let (findings, _) = fleksi_core::validate(&policy, &master, std::slice::from_ref(&sub));
    let mine: Vec<_> = findings
        .into_iter()
        .filter(|f| f.unit.as_deref() == Some("DISKOMINFO"))
        .collect();
    assert!(
        mine.iter().any(|f| f.code == FindingCode::WfaQuotaExceeded),
        "{mine:#?}"
    );
    let out = error_workbook(&sub, &mine).expect("workbook");
    let mut wb: Xlsx<_> = open_workbook_from_rs(Cursor::new(out.clone())).expect("opens");
    assert_eq!(wb.sheet_names(), vec![SHEET, LIST_SHEET]);
    let rows = wb.worksheet_range(SHEET).expect("sheet");
    let nips: Vec<String> = rows
        .rows()
        .filter_map(|r| match r.get(1) {
            Some(Data::String(s)) if s.len() == 18 => Some(s.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(nips.len(), 6, "the OPD's six rows");
    let list = wb.worksheet_range(LIST_SHEET).expect("list");
    let listed: Vec<&[Data]> = list.rows().skip(3).collect();
    assert_eq!(listed.len(), mine.len());
    for (row, f) in listed.iter().zip(&mine) {
        assert_eq!(row[2].to_string(), f.code.label());
        assert_eq!(row[9].to_string(), f.code.as_str());
        assert_eq!(row[7].to_string(), f.message);
        assert!(
            !row[4].to_string().is_empty(),
            "finding {} placed on the sheet",
            f.code
        );
    }
    let names = fleksi_testkit::zip_names(&out);
    assert!(
        names.iter().any(|n| n == "xl/comments1.xml"),
        "notes are written: {names:?}"
    );
    let xml = fleksi_testkit::zip_part(&out, "xl/comments1.xml").expect("the notes");
    assert!(xml.contains("Saran:"), "note holds the hint");
}
