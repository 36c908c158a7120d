//! A workbook of several units (`tests/fixtures/shapes/`): each unit is its own send with
//! its own line, version and database row; `check --json` lists each; a later single-unit
//! file of one of those units becomes its version 2; a unit taken out stays out; a restart
//! restores every remaining unit.

mod common;

use std::path::PathBuf;
use std::sync::Mutex;

use common::*;
use fleksi_workspace::import::ImportEvent;
use fleksi_workspace::Workspace;

fn shapes() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/shapes")
}

/// (file, sheet, unit, rows, version) of a result line.
type Line<'a> = (&'a str, Option<&'a str>, Option<&'a str>, u32, u32);

#[test]
fn each_unit_of_a_workbook_is_its_own_send() {
    let dir = scratch("many-units");
    let ws = Workspace::for_app(&dir);
    ws.load();
    let master = shapes().join("master.xlsx");
    let files = [
        shapes().join("kelurahan_per_lembar.xlsx"),
        shapes().join("tiga_unit_satu_lembar.xlsx"),
    ];
    let events = Mutex::new(Vec::new());
    let outcome = ws
        .import(&request("lebak-2025-12", Some(&master), &files), &|e| {
            events.lock().expect("events").push(e)
        })
        .expect("import runs");
    let lines: Vec<Line> = outcome
        .files
        .iter()
        .map(|f| {
            (
                f.name.as_str(),
                f.sheet.as_deref(),
                f.unit_code.as_deref(),
                f.rows,
                f.version,
            )
        })
        .collect();
    let kel = "kelurahan_per_lembar.xlsx";
    let gab = "tiga_unit_satu_lembar.xlsx";
    assert_eq!(
        lines,
        [
            (kel, Some("Kel. Muara Ciujung Timur"), Some("KEL-MCT"), 3, 1),
            (kel, Some("Kel. Cijoro Lebak"), Some("KEL-CJL"), 3, 1),
            (kel, Some("Kel. Rangkasbitung Barat"), Some("KEL-RKB"), 3, 1),
            (gab, Some("Gabungan"), Some("DISKOMINFO"), 2, 1),
            (gab, Some("Gabungan"), Some("BKPSDM"), 3, 1),
            (gab, Some("Gabungan"), Some("DINKES"), 2, 1),
        ]
    );
    assert_eq!(outcome.summary.files, outcome.files);
    assert!(
        outcome.files.iter().all(|f| f.submission_id.is_some()),
        "one database row per unit"
    );
    let ids: std::collections::HashSet<_> = outcome.files.iter().map(|f| f.submission_id).collect();
    assert_eq!(ids.len(), 6);
    // A line counts the findings of its own unit: the planted unknown status is in
    // Kel. Rangkasbitung Barat only.
    let snap = ws.snapshot().expect("snapshot");
    let json = fleksi_workspace::check_json::check_json(&snap);
    let unknown: Vec<(&str, &str)> = json["issues"]
        .as_array()
        .expect("issues")
        .iter()
        .filter(|i| i["code"] == "status.unknown")
        .map(|i| {
            (
                i["unit"].as_str().unwrap_or(""),
                i["sheet"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(unknown, [("KEL-RKB", "Kel. Rangkasbitung Barat")]);
    let errors_of = |unit: &str| {
        json["issues"]
            .as_array()
            .expect("issues")
            .iter()
            .filter(|i| i["unit"] == unit && i["file"] == kel && i["severity"] == "error")
            .count() as u32
    };
    for line in &outcome.files[..3] {
        let unit = line.unit_code.as_deref().expect("unit");
        assert_eq!(line.errors, errors_of(unit), "{unit}");
    }
    // check --json lists each submission with its sheet.
    let listed: Vec<(String, String, String)> = json["files"]
        .as_array()
        .expect("files")
        .iter()
        .map(|f| {
            (
                f["path"].as_str().unwrap_or("").to_string(),
                f["sheet"].as_str().unwrap_or("").to_string(),
                f["unit"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    assert_eq!(listed.len(), 6);
    assert_eq!(
        listed[4],
        (
            gab.to_string(),
            "Gabungan".to_string(),
            "BKPSDM".to_string()
        )
    );
    // One progress line per file, naming its units.
    let events = events.into_inner().expect("events");
    let read: Vec<Option<String>> = events
        .iter()
        .filter_map(|e| match e {
            ImportEvent::FileRead { unit_code, .. } => Some(unit_code.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(read.len(), 2);
    assert!(read.contains(&Some("KEL-MCT, KEL-CJL, KEL-RKB".to_string())));
    assert!(read.contains(&Some("DISKOMINFO, BKPSDM, DINKES".to_string())));

    // BKPSDM sends its own file for the same dates: version 2 of BKPSDM only.
    let resend = fixtures().join("bkpsdm.xls");
    let again = ws
        .import(&request("lebak-2025-12", None, &[resend]), &|_| {})
        .expect("re-send");
    assert_eq!(again.files.len(), 1);
    assert_eq!(again.files[0].unit_code.as_deref(), Some("BKPSDM"));
    assert_eq!(again.files[0].version, 2);
    let history = ws.unit_history("BKPSDM", None).expect("history");
    let versions: Vec<(u32, &str)> = history
        .versions
        .iter()
        .map(|v| (v.version, v.file.as_str()))
        .collect();
    assert_eq!(versions, [(1, gab), (2, "bkpsdm.xls")]);
    let dinkes = ws.unit_history("DINKES", None).expect("history");
    assert_eq!(dinkes.versions.len(), 1, "the other units keep their send");
    // One unit of the workbook taken out stays out; a restart reads the set back with
    // each remaining unit's own database row and version.
    let cjl = outcome.files[1].submission_id.expect("stored");
    let after = ws.remove_file(cjl).expect("taken out");
    let units: Vec<Option<&str>> = after
        .files
        .iter()
        .filter(|f| f.name == kel)
        .map(|f| f.unit_code.as_deref())
        .collect();
    assert_eq!(units, [Some("KEL-MCT"), Some("KEL-RKB")]);
    let summary = ws.state().summary.expect("summary");
    let restarted = Workspace::for_app(&dir);
    restarted.load();
    assert_eq!(restarted.state().summary, Some(summary));
    let _ = std::fs::remove_dir_all(&dir);
}
