//! What the app does with the workspace, without a window: the first start seeds the demo
//! and a restart restores it; a folder imports with a progress event per file; bad input
//! changes nothing; readers keep their snapshot while an import swaps in the next; a backup
//! is restored only after it is checked.

mod common;

use std::sync::Mutex;

use common::*;
use fleksi_workspace::import::ImportEvent;
use fleksi_workspace::{ErrorCode, Workspace};

fn app_workspace(tag: &str) -> (Workspace, std::path::PathBuf) {
    let dir = scratch(tag);
    let ws = Workspace::for_app(&dir);
    ws.load();
    (ws, dir)
}

#[test]
fn first_start_seeds_the_demo_and_a_restart_restores_it() {
    let (ws, dir) = app_workspace("demo");
    let s = ws.state();
    assert!(!s.loading);
    assert_eq!(s.problem, None);
    let summary = s.summary.expect("demo loaded on first start");
    assert!(summary.demo);
    assert_eq!(summary.policy_id, "lebak-2025-12");
    assert!(summary.files.len() >= 5);
    assert!(summary.errors > 0, "the demo plants faults");
    assert!(dir.join("contoh").join("master.xlsx").is_file());
    let again = Workspace::for_app(&dir);
    again.load();
    assert_eq!(again.state().summary, Some(summary));
    let h = again.history().expect("history");
    assert_eq!(h.imports.len(), 1, "the demo import");
    // The trail reads as sentences: no setting keys, every action a known one.
    let details: Vec<&str> = h.audit.iter().map(|a| a.detail.as_str()).collect();
    assert!(details.contains(&"Data contoh dimuat."), "{details:?}");
    assert!(
        details
            .iter()
            .any(|d| d.starts_with("Surat Edaran") && d.ends_with("dipakai.")),
        "{details:?}"
    );
    for a in &h.audit {
        assert!(
            fleksi_store::action::ALL.contains(&a.action.as_str()),
            "{a:?}"
        );
        assert!(
            !a.detail.contains("policy.active") && !a.detail.contains("demo."),
            "{a:?}"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_folder_imports_with_progress_per_file_and_replaces_the_demo() {
    let (ws, dir) = app_workspace("folder");
    let events = Mutex::new(Vec::new());
    let master = fixtures().join("master.xlsx");
    let outcome = ws
        .import(
            &request("lebak-2025-12", Some(&master), &[fixtures()]),
            &|e| events.lock().expect("events").push(e),
        )
        .expect("import runs");
    let events = events.into_inner().expect("events");
    let ImportEvent::Queued { files } = &events[0] else {
        panic!("first event lists the files: {events:?}");
    };
    assert_eq!(files.len(), outcome.files.len());
    assert!(
        !files.iter().any(|f| f == "master.xlsx"),
        "master is not a schedule"
    );
    for i in 0..files.len() as u32 {
        assert!(events.contains(&ImportEvent::FileStarted { index: i }));
        assert!(events
            .iter()
            .any(|e| matches!(e, ImportEvent::FileRead { index, .. } if *index == i)));
    }
    assert_eq!(events.last(), Some(&ImportEvent::Saving));
    assert!(!outcome.summary.demo);
    assert_eq!(outcome.summary.files.len(), files.len());
    let broken = outcome
        .files
        .iter()
        .find(|f| f.name == "rusak.xlsx")
        .expect("a line for rusak.xlsx");
    assert!(!broken.readable, "{broken:?}");
    assert!(
        !broken.mappable,
        "a damaged file has no columns to map: {broken:?}"
    );
    // The same folder again: every file is identical, nothing changes.
    let again = ws
        .import(&request("lebak-2025-12", None, &[fixtures()]), &|_| {})
        .expect("second import");
    assert!(again.files.iter().all(|f| f.unchanged));
    assert_eq!(again.summary, outcome.summary);
    let restarted = Workspace::for_app(&dir);
    restarted.load();
    assert_eq!(restarted.state().summary, Some(outcome.summary));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn bad_input_changes_nothing() {
    let (ws, dir) = app_workspace("bad");
    let before = ws.state().summary;
    let err = ws
        .import(
            &request("lebak-2025-12", None, &[dir.join("tidak-ada.xlsx")]),
            &|_| {},
        )
        .expect_err("missing file");
    assert!(err.to_string().contains("tidak-ada.xlsx"));
    std::fs::write(dir.join("kebijakan.toml"), "id = 'x'").expect("toml");
    let err = ws
        .import(
            &request("lebak-2025-12", None, &[dir.join("kebijakan.toml")]),
            &|_| {},
        )
        .expect_err("not a schedule");
    assert_eq!(err.code(), ErrorCode::InputMissing);
    assert!(err.to_string().contains("kebijakan.toml"), "{err}");
    let err = ws
        .import(
            &request(
                "lebak-2025-12",
                Some(&fixtures().join("diskominfo.xlsx")),
                &[fixtures().join("bkpsdm.xls")],
            ),
            &|_| {},
        )
        .expect_err("a schedule is not a master");
    assert_eq!(err.code(), ErrorCode::MasterInvalid);
    assert_eq!(ws.state().summary, before);
    assert_eq!(ws.history().expect("history").imports.len(), 1);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_reader_keeps_its_snapshot_while_an_import_swaps_in_the_next() {
    let (ws, dir) = app_workspace("snapshot");
    let held = ws.snapshot().expect("demo snapshot");
    let files_before = held.session.files.len();
    std::thread::scope(|scope| {
        let importer = scope.spawn(|| {
            ws.import(
                &request(
                    "lebak-2025-12",
                    Some(&fixtures().join("master.xlsx")),
                    &[fixtures().join("diskominfo.xlsx")],
                ),
                &|_| {},
            )
        });
        // Reads go on while the import runs.
        for _ in 0..50 {
            assert!(ws.snapshot().is_ok());
        }
        importer.join().expect("thread").expect("import");
    });
    assert_eq!(
        held.session.files.len(),
        files_before,
        "the held snapshot never changes"
    );
    assert_eq!(ws.snapshot().expect("new").session.files.len(), 1);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_backup_is_checked_then_restored_and_the_replaced_database_kept() {
    let (ws, dir) = app_workspace("restore");
    let demo = ws.summary().expect("demo");
    let backup = dir.join("cadangan.sqlite3");
    ws.backup_to(&backup).expect("backup");
    ws.import(
        &request(
            "lebak-2025-12",
            Some(&fixtures().join("master.xlsx")),
            &[fixtures().join("diskominfo.xlsx")],
        ),
        &|_| {},
    )
    .expect("import");
    assert!(!ws.summary().expect("after import").demo);
    // Not a database, a truncated copy: refused, nothing replaced.
    std::fs::write(dir.join("bukan.sqlite3"), b"bukan basis data").expect("junk");
    let bytes = std::fs::read(&backup).expect("backup bytes");
    std::fs::write(dir.join("potong.sqlite3"), &bytes[..bytes.len() / 2]).expect("cut");
    for bad in ["bukan.sqlite3", "potong.sqlite3"] {
        let err = Workspace::check_backup(&dir.join(bad)).expect_err(bad);
        assert_eq!(err.code(), ErrorCode::BackupInvalid, "{bad}: {err}");
        let err = ws.restore(&dir.join(bad)).expect_err(bad);
        assert_eq!(err.code(), ErrorCode::BackupInvalid, "{bad}: {err}");
        assert!(!ws.summary().expect("unchanged").demo);
    }
    let check = Workspace::check_backup(&backup).expect("a good backup");
    assert_eq!(check.imports, 1);
    assert!(check.summary.contains("akan diganti"), "{}", check.summary);
    let kept = ws.restore(&backup).expect("restored");
    assert!(
        kept.is_file(),
        "the replaced database is kept: {}",
        kept.display()
    );
    assert_eq!(ws.summary(), Some(demo));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_rekap_buttons_save_every_document_of_the_working_set() {
    let (ws, dir) = app_workspace("documents");
    let out = dir.join("keluar");
    let options = fleksi_workspace::documents::DocOptions::default();
    let pdf = ws
        .save_lampiran(options, &out.join("lampiran.pdf"))
        .expect("pdf");
    assert!(std::fs::read(&pdf.path)
        .expect("pdf bytes")
        .starts_with(b"%PDF-"));
    let xlsx = ws.save_recap(&out.join("rekap.xlsx")).expect("xlsx");
    assert!(std::fs::read(&xlsx.path)
        .expect("xlsx bytes")
        .starts_with(b"PK"));
    let units = ws.unit_documents().expect("units");
    let sent = units
        .iter()
        .find(|u| u.file.is_some())
        .expect("a unit sent");
    let t = ws
        .save_template(&sent.code, &out.join(&sent.template_name))
        .expect("template");
    assert!(t.bytes > 0);
    ws.save_corrections(&sent.code, &out.join(&sent.corrections_name))
        .expect("corrections");
    let all = ws.save_all_templates(&out.join("templat")).expect("all");
    assert!(all.files as usize >= units.iter().filter(|u| u.file.is_some()).count());
    let check = ws.print_check().expect("check");
    assert!(
        check.lampiran_name.ends_with(".pdf") && check.errors > 0,
        "{check:?}"
    );
    assert!(!ws
        .policy_detail("lebak-2025-12")
        .expect("detail")
        .rules
        .is_empty());
    let days = ws
        .set_window_dates(Some("2025-12-30"), Some("2025-12-31"))
        .expect("set")
        .days;
    assert_eq!(days, 2);
    assert_eq!(ws.set_window_dates(None, None).expect("default").days, 3);
    let _ = std::fs::remove_dir_all(&dir);
}

/// Files written in the office's own codes and explained by a legend (under the table,
/// beside it, on a sheet of its own) are read in the app, and each result line says how.
#[test]
fn files_in_office_codes_with_a_legend_are_read_and_say_so() {
    let (ws, dir) = app_workspace("legend");
    let master = fixtures().join("master.xlsx");
    let content = fixtures().join("../content");
    let files: Vec<_> = [
        "kode_keterangan_disdikbud.xlsx",
        "kode_samping_bkpsdm.csv",
        "kode_lembar_kec_rkb.xls",
    ]
    .iter()
    .map(|f| content.join(f))
    .collect();
    let out = ws
        .import(&request("lebak-2025-12", Some(&master), &files), &|_| {})
        .expect("import runs");
    let notes: Vec<(&str, Option<&String>)> = out
        .files
        .iter()
        .map(|f| {
            let legend = f
                .read_as
                .iter()
                .find(|n| n.starts_with("kode dari keterangan"));
            (f.unit_code.as_deref().unwrap_or(""), legend)
        })
        .collect();
    assert_eq!(notes.len(), 3, "{notes:?}");
    assert!(notes.iter().all(|(_, n)| n.is_some()), "{notes:?}");
    assert_eq!(
        notes.iter().map(|(u, _)| *u).collect::<Vec<_>>(),
        ["DISDIKBUD", "BKPSDM", "KEC-RKB"]
    );
    // Only the two planted cells of the Disdikbud file stay unknown.
    let snap = ws.snapshot().expect("snapshot");
    let unknown: Vec<&str> = snap
        .session
        .findings
        .iter()
        .filter(|f| f.code.as_str() == "status.unknown")
        .filter_map(|f| f.cell.as_deref())
        .collect();
    assert_eq!(unknown, ["G6", "G7"]);
    let _ = std::fs::remove_dir_all(&dir);
}
