//! What each fuzz target feeds its input to — the parsers that read untrusted input: workbook
//! import (every format the app reads, as submission and as master), the OLE structure check,
//! CSV reading (encoding and delimiter sniffing), NIP and date parsing, and policy TOML
//! loading. Shared by the cargo-fuzz targets (`fuzz/fuzz_targets/*.rs`) and the regression
//! test that replays `tests/fixtures/fuzz/` in the normal test run
//! (`crates/fleksi-import/tests/fuzz_regressions.rs` includes this file), so a crash found by
//! the fuzzer is replayed exactly as it was found.

use std::sync::OnceLock;

use fleksi_core::{Master, Nip, Policy};
use fleksi_import::fuzzing;

/// A fuzz entry point: takes any bytes, panics only on a bug.
pub type Target = fn(&[u8]);

/// The targets, by the name of their folder under `tests/fixtures/fuzz/`.
pub const TARGETS: [(&str, Target); 5] = [
    ("workbook", workbook),
    ("ole", ole),
    ("csv", csv),
    ("nip_date", nip_date),
    ("policy_toml", policy_toml),
];

/// Once per process: panics on the importer's parser threads are caught there by design (the
/// file becomes "unreadable"), so they must not count as crashes; libFuzzer's hook still
/// aborts on a panic anywhere else.
fn setup() {
    static ONCE: OnceLock<()> = OnceLock::new();
    ONCE.get_or_init(fleksi_import::quiet_parser_panics);
}

fn policy() -> &'static Policy {
    static POLICY: OnceLock<Policy> = OnceLock::new();
    POLICY.get_or_init(|| fleksi_core::presets::by_id("lebak-2025-12").expect("preset"))
}

/// The fixtures' master, so that NIPs and units of fuzzed files can match.
fn master() -> &'static Master {
    static MASTER: OnceLock<Master> = OnceLock::new();
    MASTER.get_or_init(|| {
        let bytes = include_bytes!("../../tests/fixtures/import/master.xlsx");
        fleksi_import::read_master("master.xlsx", bytes).expect("fixture master")
    })
}

const OLE_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// A file as the app would get it: under every name its bytes could arrive with.
pub fn workbook(data: &[u8]) {
    setup();
    let names: &[&str] = if data.starts_with(b"PK") {
        &["fuzz.xlsx", "fuzz.ods", "fuzz.xlsb"]
    } else if data.starts_with(OLE_MAGIC) {
        &["fuzz.xls"]
    } else {
        &["fuzz.csv", "fuzz.fods"]
    };
    for name in names {
        let sub = fleksi_import::read_submission(name, data, policy(), master());
        assert_eq!(sub.file, *name);
    }
    let _ = fleksi_import::read_master(names[0], data);
}

/// The OLE compound-file check that runs before calamine sees an `.xls`.
pub fn ole(data: &[u8]) {
    let _ = fuzzing::ole_check(data);
}

/// CSV: text decoding, delimiter sniffing, the cell reader, then the whole import.
pub fn csv(data: &[u8]) {
    setup();
    let text = fuzzing::decode_text(data);
    let delimiter = fuzzing::csv_delimiter(&text);
    assert!(
        matches!(delimiter, b',' | b';' | b'\t' | b'|'),
        "delimiter {delimiter}"
    );
    let _ = fuzzing::read_csv(data, 100_000);
    let _ = fleksi_import::read_submission("fuzz.csv", data, policy(), master());
}

/// A NIP and a date as typed in a cell.
pub fn nip_date(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    if let Ok(nip) = Nip::parse(&text) {
        assert_eq!(
            Nip::parse(nip.as_str()),
            Ok(nip),
            "a parsed NIP parses again"
        );
    }
    if let Some(fuzzing::DateText::Full(day)) = fuzzing::parse_date_text(&text) {
        use chrono::Datelike;
        assert!((1900..=2100).contains(&day.year()), "{text:?} → {day}");
    }
}

/// A policy TOML (imported by the clerk): loaded, checked, and — when it loads — written and
/// loaded back to the same policy.
pub fn policy_toml(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(policy) = Policy::from_toml(text) else {
        return;
    };
    let _ = policy.problems();
    let _ = policy.check_units(master());
    let _ = policy.draft_reasons();
    let again = policy.to_toml().expect("a loaded policy writes");
    assert_eq!(
        Policy::from_toml(&again).as_ref(),
        Ok(&policy),
        "written back:\n{again}"
    );
}
