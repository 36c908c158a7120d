//! The OPD template: prefilled staff as text NIPs, real date headers, dropdowns, protection,
//! greyed holidays, Petunjuk — and the round trip: a filled template read by `fleksi-import`
//! gives zero findings, and validating it gives no errors.

mod common;

use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
use chrono::NaiveDate;
use fleksi_core::{Status, Verdict};
use fleksi_report::template::{
    opd_template, opd_template_prefilled, FIRST_DATE_COL, HEADER_ROW, SHEET,
};
use std::io::Cursor;

#[test]
fn template_lists_the_unit_staff_with_text_nips_and_date_headers() {
    let policy = common::policy();
    let (master, _) = common::regency(3, 7, &common::days());
    let bytes = opd_template(&policy, &master, "DISKOMINFO").expect("template");
    let mut wb: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes.clone())).expect("opens");
    assert_eq!(wb.sheet_names(), vec![SHEET, "Petunjuk"]);
    let range = wb.worksheet_range(SHEET).expect("sheet");
    let cell = |r: u32, c: u32| range.get_value((r, c)).cloned().unwrap_or(Data::Empty);
    assert_eq!(cell(0, 0).to_string(), "PEMERINTAH KABUPATEN LEBAK");
    assert!(cell(2, 0)
        .to_string()
        .starts_with("PERANGKAT DAERAH : Dinas Komunikasi"));
    assert_eq!(cell(HEADER_ROW, 1).to_string(), "NIP");
    for (k, d) in common::days().iter().enumerate() {
        match cell(HEADER_ROW, u32::from(FIRST_DATE_COL) + k as u32) {
            Data::DateTime(dt) => assert_eq!(dt.as_datetime().map(|x| x.date()), Some(*d)),
            other => panic!("date header is {other:?}"),
        }
    }
    let mut want: Vec<String> = master
        .staff_of("DISKOMINFO")
        .map(|e| e.nip.as_str().to_string())
        .collect();
    let mut got: Vec<String> = (0..7)
        .map(|i| match cell(HEADER_ROW + 1 + i, 1) {
            Data::String(s) => s,
            other => panic!("NIP not text: {other:?}"),
        })
        .collect();
    want.sort();
    got.sort();
    assert_eq!(got, want);
    // Protection, dropdowns and the unlocked inputs are in the sheet XML.
    let xml = sheet_xml(&bytes);
    assert!(xml.contains("<sheetProtection"), "sheet protected");
    assert!(xml.contains("type=\"list\""), "dropdown");
    // Every status code, in `Status::ALL` order (WFO, WFA, CUTI, SAKIT, DL, IZIN, TB, …).
    let codes: Vec<&str> = fleksi_core::Status::ALL.iter().map(|s| s.code()).collect();
    let list = format!("\"{}\"", codes.join(","));
    assert!(list.starts_with("\"WFO,WFA,CUTI,SAKIT,DL,IZIN,TB"));
    assert!(xml.contains(&list), "status list {list}");
}

/// The first worksheet's XML, read from the package itself.
fn sheet_xml(bytes: &[u8]) -> String {
    fleksi_testkit::zip_part(bytes, "xl/worksheets/sheet1.xml").expect("the first worksheet")
}

#[test]
fn holidays_are_greyed_left_empty_and_accepted_on_import() {
    let mut policy = common::policy();
    policy.start = NaiveDate::from_ymd_opt(2025, 12, 22).expect("date");
    let (master, _) = common::regency(3, 5, &common::days());
    let bytes = opd_template_prefilled(&policy, &master, "BKPSDM", &|_, _| Some(Status::Wfo))
        .expect("template");
    let mut wb: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes.clone())).expect("opens");
    let range = wb.worksheet_range(SHEET).expect("sheet");
    // 22–31 Dec 2025: Mon–Fri = 22,23,24,25,26,29,30,31; 25 (Natal) and 26 (cuti bersama) off.
    let headers: Vec<Data> = (0..8)
        .map(|k| {
            range
                .get_value((HEADER_ROW, u32::from(FIRST_DATE_COL) + k))
                .cloned()
                .unwrap_or(Data::Empty)
        })
        .collect();
    assert!(headers.iter().all(|h| matches!(h, Data::DateTime(_))));
    let first_row = HEADER_ROW + 1;
    let statuses: Vec<String> = (0..8)
        .map(|k| {
            range
                .get_value((first_row, u32::from(FIRST_DATE_COL) + k))
                .map_or(String::new(), |d| d.to_string())
        })
        .collect();
    assert_eq!(statuses, ["WFO", "WFO", "WFO", "", "", "WFO", "WFO", "WFO"]);
    let sub = fleksi_import::read_submission("bkpsdm.xlsx", &bytes, &policy, &master);
    assert!(sub.findings.is_empty(), "{:#?}", sub.findings);
    assert_eq!(sub.unit.as_deref(), Some("BKPSDM"));
    let (findings, recap) = fleksi_core::validate(&policy, &master, &[sub]);
    assert!(findings.iter().all(|f| !f.is_error()), "{findings:#?}");
    let unit = recap
        .units
        .iter()
        .find(|u| u.code == "BKPSDM")
        .expect("unit");
    assert_eq!(recap.days.len(), 6);
    assert!(unit
        .days
        .iter()
        .all(|d| d.wfo == 5 && d.verdict == Verdict::Ok));
}

#[test]
fn filled_template_round_trips_through_the_importer() {
    let policy = common::policy();
    let (master, _) = common::regency(4, 12, &common::days());
    let days = common::days();
    // Alternate WFA so that at most half of the unit is WFA on any day.
    let fill = |e: &fleksi_core::Employee, d: NaiveDate| {
        let i = master
            .staff_of("DISKOMINFO")
            .position(|x| x.nip == e.nip)
            .unwrap_or(0);
        let k = days.iter().position(|x| *x == d).unwrap_or(0);
        Some(match (i + k) % 4 {
            0 => Status::Wfa,
            1 if i % 3 == 0 => Status::Cuti,
            _ => Status::Wfo,
        })
    };
    let bytes = opd_template_prefilled(&policy, &master, "DISKOMINFO", &fill).expect("template");
    let sub = fleksi_import::read_submission("diskominfo.xlsx", &bytes, &policy, &master);
    assert!(
        sub.findings.is_empty(),
        "structural findings: {:#?}",
        sub.findings
    );
    assert_eq!(sub.unit.as_deref(), Some("DISKOMINFO"));
    assert_eq!(sub.sheet, SHEET);
    assert_eq!(sub.dates, days);
    assert_eq!(sub.rows.len(), 12);
    for row in &sub.rows {
        let e = master
            .employee(&row.nip.expect("NIP parsed"))
            .expect("in master");
        for entry in &row.entries {
            assert_eq!(
                entry.status,
                fill(e, entry.date),
                "{} {}",
                row.nip_text,
                entry.date
            );
        }
    }
    let (findings, _) = fleksi_core::validate(&policy, &master, &[sub]);
    let errors: Vec<_> = findings.iter().filter(|f| f.is_error()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn unknown_unit_is_a_clear_error() {
    let policy = common::policy();
    let (master, _) = common::regency(1, 1, &common::days());
    let err = opd_template(&policy, &master, "NOPE").expect_err("unknown unit");
    assert!(err.to_string().contains("NOPE"));
}
