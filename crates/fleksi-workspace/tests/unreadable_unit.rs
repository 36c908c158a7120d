//! A unit whose only file cannot be read shows "berkas tidak terbaca" everywhere the working
//! set is seen — the grid, the summary's count of units that sent, `check --json`, the recap
//! workbook — and its
//! staff are not each reported missing: the file's one finding says it.

mod common;

use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
use common::*;
use fleksi_core::{FindingCode, Verdict};
use fleksi_workspace::grid::{grid, CellVerdict};
use fleksi_workspace::Workspace;

#[test]
fn an_unread_file_of_a_known_unit_is_neither_sent_nor_missing() {
    let dir = scratch("unreadable-unit");
    let ws = Workspace::new(dir.join("fleksi.sqlite3"), None);
    ws.load();
    // Named after DINKES, but with no header row to read: header.not_found.
    let unread = dir.join("dinkes.csv");
    std::fs::write(&unread, "Catatan;Isi\nrapat;pagi\nrapat;siang\n").expect("file");
    let files = [fixtures().join("diskominfo.xlsx"), unread];
    let master = fixtures().join("master.xlsx");
    let outcome = ws
        .import(&request("lebak-2025-12", Some(&master), &files), &|_| {})
        .expect("import");
    let line = outcome
        .files
        .iter()
        .find(|f| f.name == "dinkes.csv")
        .expect("a line for the unread file");
    assert_eq!(line.unit_code.as_deref(), Some("DINKES"));
    assert!(!line.readable, "{line:?}");

    let snap = ws.snapshot().expect("snapshot");
    let dinkes = snap
        .recap
        .units
        .iter()
        .find(|u| u.code == "DINKES")
        .expect("DINKES in the recap");
    assert!(dinkes.unreadable && !dinkes.submitted);
    assert!(dinkes.days.iter().all(|d| d.verdict == Verdict::Unreadable));
    let g = grid(&snap.recap);
    let row = g
        .units
        .iter()
        .find(|u| u.code == "DINKES")
        .expect("grid row");
    assert!(row.unreadable);
    assert!(row
        .cells
        .iter()
        .all(|c| c.verdict == CellVerdict::Unreadable));
    assert_eq!(
        ws.summary().expect("summary").submitted_units,
        1,
        "only DISKOMINFO sent"
    );
    let of_dinkes: Vec<FindingCode> = snap
        .session
        .findings
        .iter()
        .filter(|f| f.unit.as_deref() == Some("DINKES"))
        .map(|f| f.code)
        .collect();
    assert_eq!(of_dinkes, [FindingCode::HeaderNotFound]);
    let json = fleksi_workspace::check_json::check_json(&snap);
    let unit = json["units"]
        .as_array()
        .expect("units")
        .iter()
        .find(|u| u["code"] == "DINKES")
        .expect("DINKES in the JSON");
    assert_eq!(
        (unit["submitted"].as_bool(), unit["unreadable"].as_bool()),
        (Some(false), Some(true))
    );
    // The recap workbook lists it under "Belum Mengirim" with its reason, and its summary
    // counts it apart from the units that sent.
    let bytes = fleksi_workspace::documents::recap_bytes(&snap).expect("recap");
    let mut book: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(bytes)).expect("xlsx");
    let missing = book.worksheet_range("Belum Mengirim").expect("sheet");
    let row = missing
        .rows()
        .find(|r| r.iter().any(|c| *c == Data::String("DINKES".into())))
        .expect("DINKES listed");
    assert!(
        row.contains(&Data::String("Berkas tidak terbaca".into())),
        "{row:?}"
    );
    let names = book.sheet_names();
    let summary = book.worksheet_range(&names[0]).expect("summary sheet");
    let count = |label: &str| {
        summary
            .rows()
            .find(|r| r.first() == Some(&Data::String(label.into())))
            .and_then(|r| r.get(1).cloned())
    };
    assert_eq!(count("Sudah mengirim"), Some(Data::Float(1.0)));
    assert_eq!(count("Berkas tidak terbaca"), Some(Data::Float(1.0)));
    let _ = std::fs::remove_dir_all(&dir);
}
