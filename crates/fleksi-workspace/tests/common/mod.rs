//! Shared helpers of the workspace tests: scratch folders, the import fixtures, and a
//! standing policy with week-by-week CSV sends written from the master.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use fleksi_core::{Employee, Master, Policy};
use fleksi_workspace::import::ImportRequest;

/// A fresh scratch folder for one test.
pub fn scratch(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("fleksi-ws-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

pub fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/import")
}

pub fn request(policy: &str, master: Option<&Path>, paths: &[PathBuf]) -> ImportRequest {
    ImportRequest {
        policy_id: policy.to_string(),
        master_path: master.map(|m| m.display().to_string()),
        paths: paths.iter().map(|p| p.display().to_string()).collect(),
        replace: None,
    }
}

pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("date")
}

/// A standing policy (April–June 2026, at most 2 WFA days a week, 50 % cap, no approval)
/// built from the Lebak preset so the fixture master's units fit it.
pub fn standing_policy() -> Policy {
    let mut p = fleksi_core::presets::by_id("lebak-2025-12").expect("preset");
    p.id = "uji-berdiri-2026".to_string();
    p.start = d(2026, 4, 6);
    p.end = d(2026, 6, 30);
    p.weekly_wfa_limit = Some(2);
    p.approval_required = false;
    p.wfa_weekdays.clear();
    p
}

pub fn fixture_master() -> Master {
    let bytes = std::fs::read(fixtures().join("master.xlsx")).expect("master fixture");
    fleksi_import::read_master("master.xlsx", &bytes).expect("master reads")
}

/// A unit the policy does not exempt, with at least four staff, and its staff.
pub fn open_unit(policy: &Policy, master: &Master) -> (String, Vec<Employee>) {
    let unit = master
        .units
        .iter()
        .find(|u| !policy.is_exempt(master, &u.code) && master.staff_of(&u.code).count() >= 4)
        .expect("a non-exempt unit with staff");
    (
        unit.code.clone(),
        master.staff_of(&unit.code).cloned().collect(),
    )
}

/// Writes a wide CSV schedule: one row per employee, one column per date; `status(i, d)`
/// gives employee `i`'s status on `d`.
pub fn write_week(
    path: &Path,
    staff: &[Employee],
    dates: &[NaiveDate],
    status: impl Fn(usize, NaiveDate) -> &'static str,
) {
    let mut text = String::from("NIP;Nama;Jabatan");
    for date in dates {
        text.push_str(&format!(";{}", date.format("%d-%m-%Y")));
    }
    text.push('\n');
    for (i, e) in staff.iter().enumerate() {
        text.push_str(&format!("{};{};{}", e.nip, e.name, e.position));
        for date in dates {
            text.push(';');
            text.push_str(status(i, *date));
        }
        text.push('\n');
    }
    std::fs::write(path, text).expect("csv written");
}

/// Monday–Friday of the week starting on `monday`.
pub fn week(monday: NaiveDate) -> Vec<NaiveDate> {
    (0..5).map(|i| monday + chrono::Days::new(i)).collect()
}
