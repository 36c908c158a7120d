//! Helpers shared by the store's integration tests: scratch folders, sample imports and
//! table-by-table snapshots of a database file.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use fleksi_store::{NewFile, NewImport, NewSubmission};
use rusqlite::types::Value;
use rusqlite::Connection;

pub const POLICY: &str = "se-2026-wfa";
pub const POLICY_TOML: &str = "id = \"se-2026-wfa\"\nwfa_max_share = 0.5\n";

/// A fresh, empty folder for one test under cargo's per-target temp dir.
pub fn scratch(test: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("fleksi-store")
        .join(test);
    if dir.exists() {
        std::fs::remove_dir_all(&dir).expect("remove old scratch dir");
    }
    std::fs::create_dir_all(&dir).expect("create scratch dir");
    dir
}

pub fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, d).expect("valid day")
}

/// A readable submission of `unit` covering `dates`.
pub fn sub<'a>(
    name: &'a str,
    bytes: &'a [u8],
    unit: Option<&'a str>,
    dates: &'a [NaiveDate],
) -> NewSubmission<'a> {
    NewSubmission {
        file: NewFile { name, bytes },
        unit_code: unit,
        layout: Some("grid"),
        rows: 12,
        errors: 1,
        warnings: 2,
        readable: true,
        dates,
    }
}

/// An import of `files` under [`POLICY`] with a fixed master and no findings.
pub fn import<'a>(files: Vec<NewSubmission<'a>>) -> NewImport<'a> {
    NewImport {
        policy_id: POLICY,
        policy_toml: POLICY_TOML,
        master: NewFile {
            name: "master.xlsx",
            bytes: b"master pegawai",
        },
        files,
        findings: &[],
        fresh: false,
        retire: &[],
    }
}

/// Every row of every table (sorted by table name, then rows sorted as text, since `VACUUM`
/// may renumber the rowids of a table without an integer primary key): two equal dumps mean
/// equal contents.
pub fn dump(path: &Path) -> Vec<String> {
    let conn = Connection::open(path).expect("raw open");
    let names: Vec<String> = conn
        .prepare(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
             ORDER BY name",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(names.len() >= 6, "expected the store's tables: {names:?}");
    let mut out = Vec::new();
    for name in names {
        let mut stmt = conn
            .prepare(&format!("SELECT * FROM \"{name}\" ORDER BY rowid"))
            .unwrap();
        let columns = stmt.column_count();
        let mut rows = stmt.query([]).unwrap();
        let mut lines = Vec::new();
        while let Some(row) = rows.next().unwrap() {
            let values: Vec<Value> = (0..columns).map(|i| row.get(i).unwrap()).collect();
            lines.push(format!("{name}: {values:?}"));
        }
        lines.sort();
        out.push(format!("{name}: {} baris", lines.len()));
        out.extend(lines);
    }
    out
}

/// Row counts of the tables an import writes, and whether `PRAGMA integrity_check` is ok.
pub fn counts(path: &Path) -> (Vec<(String, i64)>, bool) {
    let conn = Connection::open(path).expect("raw open");
    let ok: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    let counts = ["imports", "submissions", "files", "findings", "audit"]
        .into_iter()
        .map(|t| {
            let n: i64 = conn
                .query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0))
                .unwrap();
            (t.to_string(), n)
        })
        .collect();
    (counts, ok == "ok")
}
