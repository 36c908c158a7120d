//! Submissions over time through the workspace and its database: a standing policy's files
//! sent as week 1, week 2, then a corrected week 1 merge by date — counts, findings, the
//! weekly limit, three versions and their diff, the reporting window — and survive a
//! restart; identical bytes change nothing; one file can be removed or replaced.

mod common;

use common::*;
use fleksi_core::FindingCode;
use fleksi_workspace::window::WindowSource;
use fleksi_workspace::{InputFile, Workspace};

/// Sends week 1, week 2 and a corrected week 1 of one unit; returns the workspace, the
/// unit code and the scratch folder.
struct Sent {
    ws: Workspace,
    unit: String,
    dir: std::path::PathBuf,
    staff: Vec<fleksi_core::Employee>,
}

fn send_three_weeks(tag: &str) -> Sent {
    let dir = scratch(tag);
    let policy = standing_policy();
    let master = fixture_master();
    let (unit, staff) = open_unit(&policy, &master);
    let w1 = week(d(2026, 4, 6));
    let w2 = week(d(2026, 4, 13));
    // Week 1: employee 0 works from anywhere Mon–Wed (3 days: over the weekly limit of 2).
    write_week(&dir.join("minggu1.csv"), &staff, &w1, |i, date| {
        if i == 0 && date <= d(2026, 4, 8) {
            "WFA"
        } else {
            "WFO"
        }
    });
    // Week 2: employee 0 WFA on Monday only.
    write_week(&dir.join("minggu2.csv"), &staff, &w2, |i, date| {
        if i == 0 && date == d(2026, 4, 13) {
            "WFA"
        } else {
            "WFO"
        }
    });
    // Corrected week 1: employee 0 WFA Mon–Tue only; employee 1 sick on Wednesday.
    write_week(
        &dir.join("minggu1-perbaikan.csv"),
        &staff,
        &w1,
        |i, date| match (i, date) {
            (0, x) if x <= d(2026, 4, 7) => "WFA",
            (1, x) if x == d(2026, 4, 8) => "SAKIT",
            _ => "WFO",
        },
    );
    let ws = Workspace::new(dir.join("fleksi.sqlite3"), None);
    ws.load();
    let master_file = InputFile::new(
        "master.xlsx",
        std::fs::read(fixtures().join("master.xlsx")).expect("master"),
    );
    let read = |name: &str| InputFile::new(name, std::fs::read(dir.join(name)).expect("week file"));
    ws.import_files(
        policy.clone(),
        Some(master_file),
        vec![read("minggu1.csv")],
        None,
        &|_| {},
    )
    .expect("week 1");
    let snap = ws.snapshot().expect("snapshot");
    assert!(
        snap.session
            .findings
            .iter()
            .any(|f| f.code == FindingCode::WfaWeeklyLimit
                && f.unit.as_deref() == Some(unit.as_str())),
        "3 WFA days in week 1 are over the weekly limit"
    );
    ws.import_files(
        policy.clone(),
        None,
        vec![read("minggu2.csv")],
        None,
        &|_| {},
    )
    .expect("week 2");
    let out = ws
        .import_files(
            policy,
            None,
            vec![read("minggu1-perbaikan.csv")],
            None,
            &|_| {},
        )
        .expect("corrected week 1");
    let line = &out.files[0];
    assert_eq!(line.version, 3);
    assert_eq!(
        line.note.as_deref(),
        Some("Mengganti 5 tanggal dari kiriman sebelumnya.")
    );
    Sent {
        ws,
        unit,
        dir,
        staff,
    }
}

fn snap_line(ws: &Workspace, name: &str) -> String {
    ws.summary()
        .expect("summary")
        .files
        .iter()
        .find(|f| f.name == name)
        .and_then(|f| f.note.clone())
        .unwrap_or_default()
}

fn day<'a>(
    snap: &'a fleksi_workspace::Snapshot,
    unit: &str,
    date: chrono::NaiveDate,
) -> &'a fleksi_core::DayCount {
    let u = snap
        .session
        .recap
        .units
        .iter()
        .find(|u| u.code == unit)
        .expect("unit in recap");
    u.days.iter().find(|x| x.date == date).expect("working day")
}

#[test]
fn weeks_merge_by_date_and_a_corrected_week_replaces_only_its_dates() {
    let Sent {
        ws,
        unit,
        dir,
        staff,
    } = send_three_weeks("merge");
    let snap = ws.snapshot().expect("snapshot");
    let n = staff.len() as u32;
    // Week 1 comes from the correction, week 2 from its own file.
    assert_eq!(
        (
            day(&snap, &unit, d(2026, 4, 6)).wfa,
            day(&snap, &unit, d(2026, 4, 6)).wfo
        ),
        (1, n - 1)
    );
    let wed = day(&snap, &unit, d(2026, 4, 8));
    assert_eq!((wed.wfo, wed.wfa, wed.other), (n - 1, 0, 1));
    let mon2 = day(&snap, &unit, d(2026, 4, 13));
    assert_eq!((mon2.wfo, mon2.wfa), (n - 1, 1));
    // Three weeks of days are covered: week 3 is not sent.
    assert_eq!(
        day(&snap, &unit, d(2026, 4, 20)).verdict,
        fleksi_core::Verdict::NotSubmitted
    );
    // The correction removed the weekly-limit warning; nothing points at the old week 1.
    assert!(!snap
        .session
        .findings
        .iter()
        .any(|f| f.code == FindingCode::WfaWeeklyLimit));
    assert!(!snap
        .session
        .findings
        .iter()
        .any(|f| f.file.as_deref() == Some("minggu1.csv")));
    // Three versions of the unit, each with its dates; the diff of v2 → v3 is exactly the
    // two changed cells of week 1.
    let h = ws.unit_history(&unit, None).expect("history");
    let versions: Vec<u32> = h.versions.iter().map(|v| v.version).collect();
    assert_eq!(versions, vec![1, 2, 3]);
    assert_eq!(h.versions[0].file, "minggu1.csv");
    assert!(
        h.versions[1]
            .covers
            .starts_with("13-04-2026 s.d. 17-04-2026"),
        "{}",
        h.versions[1].covers
    );
    assert!(h
        .versions
        .iter()
        .all(|v| v.sha256.len() == 64 && v.submission_id.is_some()));
    assert_eq!(h.compared, Some((2, 3)));
    let cells: Vec<(String, String, String)> = h
        .diff
        .iter()
        .map(|r| (r.date.clone(), r.old.clone(), r.new.clone()))
        .collect();
    assert_eq!(
        cells,
        vec![
            (
                "2026-04-08".to_string(),
                "WFA".to_string(),
                "WFO".to_string()
            ),
            (
                "2026-04-08".to_string(),
                "WFO".to_string(),
                "SAKIT".to_string()
            ),
        ]
    );
    assert_eq!(h.versions[2].changes, 2);
    let first = snap_line(&ws, "minggu1.csv");
    assert!(first.contains("tidak dihitung lagi"), "{first}");
    // v1 → v2 only adds week 2: 5 days × staff new cells, nothing changed in week 1.
    let added = ws.unit_history(&unit, Some((1, 2))).expect("v1→v2");
    assert_eq!(added.diff.len(), 5 * staff.len());
    assert!(added.diff.iter().all(|r| r.old == "—"));
    // The window of a standing policy is the latest import's dates.
    assert_eq!(snap.window.source, WindowSource::Files);
    assert_eq!(
        (snap.window.from, snap.window.to),
        (d(2026, 4, 6), d(2026, 4, 10))
    );
    assert_eq!(snap.recap.days.len(), 5);
    // A restart reads back the same set, versions and window.
    let summary = ws.summary().expect("summary");
    drop(ws);
    let again = Workspace::new(dir.join("fleksi.sqlite3"), None);
    again.load();
    assert_eq!(again.summary(), Some(summary));
    assert_eq!(
        again.unit_history(&unit, None).expect("history").diff,
        h.diff
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn identical_bytes_change_nothing_and_the_window_can_be_chosen() {
    let Sent { ws, unit, dir, .. } = send_three_weeks("same");
    let before = ws.summary().expect("summary");
    let bytes = std::fs::read(dir.join("minggu2.csv")).expect("week 2");
    let out = ws
        .import_files(
            standing_policy(),
            None,
            vec![InputFile::new("minggu2-lagi.csv", bytes)],
            None,
            &|_| {},
        )
        .expect("re-send");
    assert!(out.files[0].unchanged);
    assert_eq!(out.summary.files, before.files);
    assert_eq!(
        ws.unit_history(&unit, None)
            .expect("history")
            .versions
            .len(),
        3
    );
    // The clerk picks both weeks; a range outside the period is refused.
    let chosen = ws
        .set_window(Some(("2026-04-06", "2026-04-17")))
        .expect("window");
    assert_eq!(chosen.window.source, WindowSource::Chosen);
    assert_eq!(chosen.days, 10);
    let err = ws
        .set_window(Some(("2026-07-01", "2026-07-31")))
        .expect_err("outside the period");
    assert!(err.to_string().contains("01-07-2026"), "{err}");
    assert_eq!(ws.summary().expect("summary").days, 10);
    let back = ws.set_window(None).expect("default");
    assert_eq!(back.window.source, WindowSource::Files);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn one_file_can_be_removed_or_replaced() {
    let Sent {
        ws,
        unit,
        dir,
        staff,
    } = send_three_weeks("remove");
    let week2 = ws
        .summary()
        .expect("summary")
        .files
        .iter()
        .find(|f| f.name == "minggu2.csv")
        .and_then(|f| f.submission_id)
        .expect("stored id");
    let after = ws.remove_file(week2).expect("removed");
    assert_eq!(after.files.len(), 2);
    let snap = ws.snapshot().expect("snapshot");
    assert_eq!(
        day(&snap, &unit, d(2026, 4, 13)).verdict,
        fleksi_core::Verdict::NotSubmitted
    );
    // Replace the correction by a file where everyone is in the office.
    write_week(
        &dir.join("minggu1-final.csv"),
        &staff,
        &week(d(2026, 4, 6)),
        |_, _| "WFO",
    );
    let correction = after
        .files
        .iter()
        .find(|f| f.name == "minggu1-perbaikan.csv")
        .and_then(|f| f.submission_id)
        .expect("stored id");
    let mut req = request("uji-berdiri-2026", None, &[dir.join("minggu1-final.csv")]);
    req.replace = Some(correction);
    let out = ws.import(&req, &|_| {}).expect("replaced");
    let names: Vec<&str> = out.summary.files.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, vec!["minggu1.csv", "minggu1-final.csv"]);
    let snap = ws.snapshot().expect("snapshot");
    assert_eq!(day(&snap, &unit, d(2026, 4, 6)).wfa, 0);
    // The same after a restart.
    let summary = out.summary;
    drop(ws);
    let again = Workspace::new(dir.join("fleksi.sqlite3"), None);
    again.load();
    assert_eq!(again.summary(), Some(summary));
    let _ = std::fs::remove_dir_all(&dir);
}
