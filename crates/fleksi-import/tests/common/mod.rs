//! Helpers shared by the importer's file tests: the fixture folder, the Lebak preset and the
//! fixture master, finding summaries, December dates, and NIP / finding / unit lookups.

#![allow(dead_code)]

use chrono::NaiveDate;
use fleksi_core::{
    presets, Finding, FindingCode, Master, Policy, Recap, Severity, Submission, UnitRecap,
};
use std::path::PathBuf;

/// `tests/fixtures/` at the repository root.
pub fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}

/// The Lebak preset (29–31 December 2025), which every fixture is written for.
pub fn lebak() -> Policy {
    presets::by_id("lebak-2025-12").expect("preset lebak-2025-12")
}

/// `tests/fixtures/import/master.xlsx`.
pub fn fixture_master() -> Master {
    let bytes = std::fs::read(fixtures().join("import/master.xlsx")).expect("master fixture");
    fleksi_import::read_master("master.xlsx", &bytes).expect("master reads")
}

/// (code, severity, cell) of each finding.
pub fn summary(s: &Submission) -> Vec<(&str, Severity, &str)> {
    s.findings
        .iter()
        .map(|f| (f.code.as_str(), f.severity, f.cell.as_deref().unwrap_or("")))
        .collect()
}

pub fn december(days: &[u32]) -> Vec<NaiveDate> {
    days.iter()
        .map(|&d| NaiveDate::from_ymd_opt(2025, 12, d).expect("a December date"))
        .collect()
}

/// A valid PNS NIP ending in `seq`.
pub fn nip(seq: u32) -> String {
    format!("198503122010011{seq:03}")
}

pub fn with_code(findings: &[Finding], code: FindingCode) -> Vec<&Finding> {
    findings.iter().filter(|f| f.code == code).collect()
}

pub fn unit<'r>(recap: &'r Recap, code: &str) -> &'r UnitRecap {
    recap
        .units
        .iter()
        .find(|u| u.code == code)
        .expect("unit in the recap")
}

/// Bapelitbangda's four ASN in the fixture master (NIP, name).
pub const BAPELITBANGDA: [(&str, &str); 4] = [
    ("198711112012122012", "Ratna Dewi, S.T., M.T."),
    ("199102022016031013", "Galih Permana, S.E."),
    ("197507072001121014", "Ir. Sutisna"),
    ("198101012005011015", "Mulyadi"),
];
