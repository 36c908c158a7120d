//! The mapping step over the working set: a file the automatic reader refuses is imported
//! with the clerk's mapping as its unit's next version (findings with their cells), a
//! mapping that does not fit changes nothing, the unit's next file of that shape is read
//! with the remembered mapping without the dialog, the set reads the same after a restart,
//! and a removed mapping is no longer used.

mod common;

use common::*;
use fleksi_core::FindingCode;
use fleksi_import::{ColumnMapping, ColumnRole};
use fleksi_workspace::summary::FileResult;
use fleksi_workspace::Workspace;
use std::path::PathBuf;

fn mapping_fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/mapping")
}

/// The clerk's mapping for the fixtures (header row 7, A NIP, B nama, C tanggal, D abaikan,
/// E keterangan; unit BAPELITBANGDA).
fn mapping() -> ColumnMapping {
    let text =
        std::fs::read_to_string(mapping_fixtures().join("bapelitbangda-rencana.mapping.json"))
            .expect("mapping fixture");
    serde_json::from_str(&text).expect("a ColumnMapping")
}

fn line<'a>(lines: &'a [FileResult], name: &str) -> &'a FileResult {
    lines
        .iter()
        .find(|l| l.name == name)
        .unwrap_or_else(|| panic!("a line for {name}"))
}

/// (code, cell) of the findings in `file`, sorted.
fn findings_in(ws: &Workspace, file: &str) -> Vec<(String, String)> {
    let snap = ws.snapshot().expect("snapshot");
    let mut out: Vec<(String, String)> = snap
        .session
        .findings_in(file)
        .map(|f| {
            (
                f.code.as_str().to_string(),
                f.cell.clone().unwrap_or_default(),
            )
        })
        .collect();
    out.sort();
    out
}

fn quota_days(ws: &Workspace, unit: &str) -> Vec<String> {
    let snap = ws.snapshot().expect("snapshot");
    snap.session
        .findings
        .iter()
        .filter(|f| f.code == FindingCode::WfaQuotaExceeded && f.unit.as_deref() == Some(unit))
        .filter_map(|f| f.date.map(|d| d.to_string()))
        .collect()
}

#[test]
fn an_unreadable_file_is_imported_with_a_mapping_and_the_next_one_without_the_dialog() {
    let dir = scratch("mapping");
    let db = dir.join("fleksi.sqlite3");
    let ws = Workspace::new(db.clone(), None);
    ws.load();
    let master = fixtures().join("master.xlsx");
    let first = mapping_fixtures().join("bapelitbangda-rencana.csv");
    let out = ws
        .import(&request("lebak-2025-12", Some(&master), &[first]), &|_| {})
        .expect("import");
    let unread = line(&out.files, "bapelitbangda-rencana.csv");
    assert!(
        !unread.readable,
        "the automatic reader refuses it: {unread:?}"
    );
    assert!(unread.mappable, "its columns can be mapped: {unread:?}");
    assert_eq!(unread.unit_code.as_deref(), Some("BAPELITBANGDA"));
    let id = unread.submission_id.expect("stored");

    // The dialog's starting point.
    let preview = ws.mapping_preview(id, None).expect("preview");
    assert_eq!(preview.unit.as_deref(), Some("BAPELITBANGDA"));
    assert_eq!(preview.sheet.guess.header_row, Some(7));
    assert_eq!(preview.sheet.cells[6][0], "Identitas");
    assert_eq!(preview.units.len(), 6);
    assert!(preview.problem.is_some());

    // A mapping that does not fit changes nothing.
    let imports_before = ws.history().expect("history").imports.len();
    let mut wrong = mapping();
    wrong.columns[2].role = ColumnRole::Ignore;
    let err = ws
        .import_mapped(id, &wrong, true)
        .expect_err("no date column");
    assert!(err.to_string().contains("kolom tanggal"), "{err}");
    assert_eq!(ws.history().expect("history").imports.len(), imports_before);
    assert!(ws.column_mappings().expect("list").is_empty());
    assert!(
        !line(
            &ws.summary().expect("summary").files,
            "bapelitbangda-rencana.csv"
        )
        .readable
    );

    // The clerk's mapping: the file's rows and findings, version 1 of the unit.
    let out = ws
        .import_mapped(id, &mapping(), true)
        .expect("mapped import");
    let read = line(&out.files, "bapelitbangda-rencana.csv");
    assert!(read.readable && !read.mappable, "{read:?}");
    assert_eq!((read.rows, read.version), (4, 1));
    assert!(read.read_as[0].starts_with("dibaca dengan pemetaan kolom: baris judul 7; A NIP"));
    assert_eq!(
        out.summary.files.len(),
        1,
        "it took the unread line's place"
    );
    let found = findings_in(&ws, "bapelitbangda-rencana.csv");
    let codes: Vec<&str> = found.iter().map(|(c, _)| c.as_str()).collect();
    assert_eq!(codes, ["status.unknown", "wfa.quota_exceeded"], "{found:?}");
    assert_eq!(found[0].1, "E19");
    assert_eq!(quota_days(&ws, "BAPELITBANGDA"), ["2025-12-30"]);
    let listed = ws.column_mappings().expect("list");
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].unit_code, "BAPELITBANGDA");
    assert!(listed[0]
        .summary
        .contains("A NIP, B nama, C tanggal, E keterangan"));
    let audit = ws.history().expect("history").audit;
    assert!(audit.iter().any(|a| a.action == "simpan_pemetaan_kolom"));

    // The corrected re-send of the same shape: read with the remembered mapping.
    let ralat = mapping_fixtures().join("bapelitbangda-rencana-ralat.csv");
    let out = ws
        .import(
            &request("lebak-2025-12", None, std::slice::from_ref(&ralat)),
            &|_| {},
        )
        .expect("import");
    let next = line(&out.files, "bapelitbangda-rencana-ralat.csv");
    assert!(next.readable, "{next:?}");
    assert_eq!(next.version, 2);
    assert_eq!(
        next.read_as[0],
        "dibaca dengan pemetaan kolom yang disimpan untuk BAPELITBANGDA"
    );
    assert!(
        quota_days(&ws, "BAPELITBANGDA").is_empty(),
        "the re-send fixed 30-12"
    );
    assert!(findings_in(&ws, "bapelitbangda-rencana-ralat.csv").is_empty());
    let before = ws.summary().expect("summary");

    // A restart reads both files as they were saved.
    drop(ws);
    let ws = Workspace::open(&db).expect("reopen");
    let after = ws.summary().expect("summary");
    assert_eq!(after.files, before.files);
    assert_eq!(
        (after.errors, after.warnings),
        (before.errors, before.warnings)
    );

    // Removed, the mapping is no longer used: the next file of that shape stays unread.
    assert!(ws
        .remove_column_mapping("BAPELITBANGDA")
        .expect("removed")
        .is_empty());
    assert!(ws.remove_column_mapping("BAPELITBANGDA").is_err());
    let third = dir.join("bapelitbangda-rencana-3.csv");
    let text = std::fs::read_to_string(&ralat).expect("fixture");
    std::fs::write(&third, text.replace("24-12-2025", "26-12-2025")).expect("write");
    let out = ws
        .import(&request("lebak-2025-12", None, &[third]), &|_| {})
        .expect("import");
    assert!(!line(&out.files, "bapelitbangda-rencana-3.csv").readable);
}
