//! Behaviour of the store on real database files: opening and schema checks, file dedupe,
//! imports (all or nothing), the active set, findings, settings and the audit trail.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use fleksi_core::finding::{Finding, FindingCode, Severity};
use fleksi_store::{action, sha256_hex, NewFile, NewImport, NewSubmission, Store, StoreError};
use rusqlite::Connection;

/// A fresh, empty folder for one test under cargo's per-target temp dir.
fn scratch(test: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("fleksi-store")
        .join(test);
    if dir.exists() {
        std::fs::remove_dir_all(&dir).expect("remove old scratch dir");
    }
    std::fs::create_dir_all(&dir).expect("create scratch dir");
    dir
}

/// Row count of every table of the database, sorted by table name.
fn table_counts(path: &Path) -> Vec<(String, i64)> {
    let conn = Connection::open(path).expect("raw open");
    let names: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(
        names.len() >= 6,
        "expected the store's tables, got {names:?}"
    );
    names
        .into_iter()
        .map(|n| {
            let c: i64 = conn
                .query_row(&format!("SELECT count(*) FROM \"{n}\""), [], |r| r.get(0))
                .unwrap();
            (n, c)
        })
        .collect()
}

const POLICY: &str = "se-2026-wfa";
const POLICY_TOML: &str = "id = \"se-2026-wfa\"\nwfa_max_share = 0.5\n";

fn sub<'a>(name: &'a str, bytes: &'a [u8], unit: Option<&'a str>) -> NewSubmission<'a> {
    NewSubmission {
        file: NewFile { name, bytes },
        unit_code: unit,
        layout: Some("grid"),
        rows: 12,
        errors: 1,
        warnings: 2,
        readable: true,
        dates: &[],
    }
}

fn sample_findings() -> Vec<Finding> {
    let d = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
    let mut all: Vec<Finding> = FindingCode::ALL
        .into_iter()
        .enumerate()
        .map(|(i, code)| {
            let f = Finding::new(
                code,
                format!("Pesan {i} untuk {code}"),
                format!("Saran {i}"),
            );
            if i % 2 == 0 {
                f.at("dinkes.xlsx", "Jadwal Desember", format!("F{}", i + 2))
                    .unit(Some("DINKES"))
                    .nip("199001012015031001")
                    .date(d)
            } else {
                f
            }
        })
        .collect();
    all.push(
        Finding::new(
            FindingCode::NipPrecisionLost,
            "NIP 1,99E+17",
            "Format kolom NIP sebagai teks",
        )
        .severity(Severity::Warning)
        .in_file("bappeda.xls"),
    );
    all
}

#[test]
fn open_creates_file_in_wal_at_current_version_and_reopens() {
    let dir = scratch("open");
    let path = dir.join("nested").join("deeper").join("fleksi.db");
    {
        let mut store = Store::open(&path).expect("open new");
        assert_eq!(store.schema_version(), 4);
        assert_eq!(Store::supported_schema_version(), 4);
        store
            .set_setting("folder_keluaran", "/home/bkpsdm/Lampiran")
            .unwrap();
    }
    assert!(
        path.is_file(),
        "database file created with its parent folders"
    );
    let raw = Connection::open(&path).unwrap();
    let mode: String = raw
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let version: i64 = raw
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, 4);
    drop(raw);

    let store = Store::open(&path).expect("re-open");
    assert_eq!(store.schema_version(), 4);
    assert_eq!(
        store.setting("folder_keluaran").unwrap().as_deref(),
        Some("/home/bkpsdm/Lampiran")
    );
}

#[test]
fn newer_database_is_refused_untouched() {
    let dir = scratch("newer");
    let path = dir.join("fleksi.db");
    {
        let raw = Connection::open(&path).unwrap();
        raw.execute_batch("CREATE TABLE future (x INTEGER); PRAGMA user_version = 7;")
            .unwrap();
    }
    let err = Store::open(&path).expect_err("a newer schema must be refused");
    assert!(
        matches!(
            err,
            StoreError::TooNew {
                found: 7,
                supported: 4,
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        format!(
            "Basis data {} dibuat oleh versi Fleksi yang lebih baru (skema 7, aplikasi ini 4).",
            path.display()
        )
    );
    let raw = Connection::open(&path).unwrap();
    let mode: String = raw
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(
        mode, "delete",
        "refused database must not be switched to WAL"
    );
    let version: i64 = raw
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, 7);
}

#[test]
fn non_fleksi_files_are_refused() {
    let dir = scratch("foreign");
    let text = dir.join("catatan.db");
    std::fs::write(
        &text,
        "Ini bukan basis data, hanya catatan biasa. ".repeat(20),
    )
    .unwrap();
    let err = Store::open(&text).expect_err("text file");
    assert!(matches!(err, StoreError::NotFleksi { .. }), "{err:?}");
    assert!(err.to_string().contains("catatan.db"), "{err}");

    let other = dir.join("lain.sqlite");
    Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE pelanggan (id INTEGER PRIMARY KEY);")
        .unwrap();
    let err = Store::open(&other).expect_err("another program's database");
    assert!(matches!(err, StoreError::NotFleksi { .. }), "{err:?}");
    assert!(err.to_string().contains("lain.sqlite"), "{err}");
}

#[test]
fn put_file_dedupes_by_hash_and_round_trips_bytes() {
    let mut store = Store::open_in_memory().unwrap();
    assert_eq!(
        sha256_hex(b"abc"),
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
    let binary: Vec<u8> = (0..=255u8).cycle().take(70_000).collect();
    let a = store.put_file("jadwal.xlsx", &binary).unwrap();
    let again = store.put_file("jadwal (1).xlsx", &binary).unwrap();
    assert_eq!(a, again, "same bytes stored once");
    let abc = store.put_file("abc.txt", b"abc").unwrap();
    assert_ne!(a, abc);
    let empty = store.put_file("kosong.xlsx", b"").unwrap();

    let f = store.file(a).unwrap();
    assert_eq!(f.id, a);
    assert_eq!(f.name, "jadwal.xlsx", "first name kept");
    assert_eq!(f.bytes, binary);
    assert_eq!(f.sha256, sha256_hex(&binary));
    assert!(
        chrono::DateTime::parse_from_rfc3339(&f.added_at).is_ok(),
        "{}",
        f.added_at
    );

    let f = store.file(abc).unwrap();
    assert_eq!(f.bytes, b"abc");
    assert_eq!(
        f.sha256,
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
    let f = store.file(empty).unwrap();
    assert!(f.bytes.is_empty());
    assert_eq!(
        f.sha256,
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    );

    assert_eq!(
        store.file_by_sha256(&sha256_hex(b"abc")).unwrap(),
        Some(abc)
    );
    assert_eq!(store.file_by_sha256(&sha256_hex(b"abd")).unwrap(), None);
    let err = store.file(9999).expect_err("unknown id");
    assert!(matches!(err, StoreError::FileNotFound(9999)));
    assert_eq!(
        err.to_string(),
        "Berkas nomor 9999 tidak ada di basis data."
    );
}

#[test]
fn import_then_active_set_restores_master_and_files_in_order() {
    let mut store = Store::open_in_memory().unwrap();
    assert!(store.active_set(POLICY).unwrap().is_none());

    let findings = sample_findings();
    let master1 = b"master pegawai v1".to_vec();
    let first = store
        .record_import(&NewImport {
            policy_id: POLICY,
            policy_toml: POLICY_TOML,
            master: NewFile {
                name: "master.xlsx",
                bytes: &master1,
            },
            files: vec![
                sub("disdik.xlsx", b"disdik v1", Some("DISDIK")),
                sub("dinkes.xlsx", b"dinkes v1", Some("DINKES")),
                NewSubmission {
                    readable: false,
                    layout: None,
                    rows: 0,
                    ..sub("rusak.xlsx", b"\x00\x01 rusak", None)
                },
            ],
            findings: &findings,
            fresh: false,
            retire: &[],
        })
        .unwrap();

    let set = store.active_set(POLICY).unwrap().expect("policy imported");
    assert_eq!(set.master.name, "master.xlsx");
    assert_eq!(set.master.bytes, master1);
    let names: Vec<&str> = set.files.iter().map(|f| f.file.name.as_str()).collect();
    assert_eq!(names, ["disdik.xlsx", "dinkes.xlsx", "rusak.xlsx"]);
    assert_eq!(set.files[0].file.bytes, b"disdik v1");
    assert_eq!(set.files[1].file.bytes, b"dinkes v1");
    assert_eq!(set.files[2].file.bytes, b"\x00\x01 rusak");
    assert_eq!(set.files[1].file.sha256, sha256_hex(b"dinkes v1"));

    // Second import: a new master, a corrected DISDIK and the same DINKES bytes again
    // under another name (deduplicated, but listed under the new name). Re-sends deactivate
    // nothing: the earlier files stay in the set (the engine merges them by date).
    let master2 = b"master pegawai v2".to_vec();
    let second = store
        .record_import(&NewImport {
            policy_id: POLICY,
            policy_toml: POLICY_TOML,
            master: NewFile {
                name: "master-des.xlsx",
                bytes: &master2,
            },
            files: vec![
                sub("disdik-revisi.xlsx", b"disdik v2", Some(" DISDIK ")),
                sub("dinkes-lagi.xlsx", b"dinkes v1", Some("DINKES")),
            ],
            findings: &[],
            fresh: false,
            retire: &[],
        })
        .unwrap();
    assert!(second > first);

    let set = store.active_set(POLICY).unwrap().unwrap();
    assert_eq!(set.master.bytes, master2, "master of the latest import");
    assert_eq!(set.master.name, "master-des.xlsx");
    let names: Vec<&str> = set.files.iter().map(|f| f.file.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "disdik.xlsx",
            "dinkes.xlsx",
            "rusak.xlsx",
            "disdik-revisi.xlsx",
            "dinkes-lagi.xlsx"
        ]
    );
    assert_eq!(
        set.files[1].file.id, set.files[4].file.id,
        "same bytes stored once"
    );
    assert_eq!(set.files[3].file.bytes, b"disdik v2");

    let subs = store.active_submissions(POLICY).unwrap();
    let versions: Vec<(Option<&str>, u32, bool)> = subs
        .iter()
        .map(|s| (s.unit_code.as_deref(), s.version, s.readable))
        .collect();
    assert_eq!(
        versions,
        [
            (Some("DISDIK"), 1, true),
            (Some("DINKES"), 1, true),
            (None, 1, false),
            (Some("DISDIK"), 2, true),
            (Some("DINKES"), 2, true),
        ]
    );
    assert_eq!(subs[0].layout.as_deref(), Some("grid"));
    assert_eq!(subs[2].layout, None);
    assert_eq!((subs[0].rows, subs[0].errors, subs[0].warnings), (12, 1, 2));
    assert_eq!(subs[3].import_id, second);

    assert!(store.active_set("kebijakan-lain").unwrap().is_none());
    assert_eq!(
        store.import_policy(first).unwrap().as_deref(),
        Some(POLICY_TOML)
    );
    assert_eq!(store.import_policy(9999).unwrap(), None);
}

#[test]
fn findings_round_trip_field_by_field() {
    let mut store = Store::open_in_memory().unwrap();
    let findings = sample_findings();
    let id = store
        .record_import(&NewImport {
            policy_id: POLICY,
            policy_toml: POLICY_TOML,
            master: NewFile {
                name: "master.xlsx",
                bytes: b"m",
            },
            files: vec![sub("a.xlsx", b"a", Some("A"))],
            findings: &findings,
            fresh: false,
            retire: &[],
        })
        .unwrap();
    let back = store.findings(id).unwrap();
    assert_eq!(back.len(), findings.len());
    for (got, want) in back.iter().zip(&findings) {
        assert_eq!(got.code, want.code);
        assert_eq!(got.severity, want.severity);
        assert_eq!(got.file, want.file);
        assert_eq!(got.sheet, want.sheet);
        assert_eq!(got.cell, want.cell);
        assert_eq!(got.unit, want.unit);
        assert_eq!(got.nip, want.nip);
        assert_eq!(got.date, want.date);
        assert_eq!(got.message, want.message);
        assert_eq!(got.hint, want.hint);
    }
    assert_eq!(back, findings);
    assert!(store.findings(id + 1).unwrap().is_empty());

    let want_errors = findings.iter().filter(|f| f.is_error()).count() as u32;
    let summary = &store.imports(10).unwrap()[0];
    assert_eq!(summary.id, id);
    assert_eq!(summary.policy_id, POLICY);
    assert_eq!(summary.files, 1);
    assert_eq!(summary.errors, want_errors);
    assert_eq!(summary.warnings, findings.len() as u32 - want_errors);
    assert!(
        summary.warnings >= 4,
        "sample has warnings: {}",
        summary.warnings
    );
}

#[test]
fn failed_import_leaves_database_exactly_as_before() {
    let dir = scratch("atomic");
    let path = dir.join("fleksi.db");
    let mut store = Store::open(&path).unwrap();
    let findings = sample_findings();
    store
        .record_import(&NewImport {
            policy_id: POLICY,
            policy_toml: POLICY_TOML,
            master: NewFile {
                name: "master.xlsx",
                bytes: b"master",
            },
            files: vec![sub("disdik.xlsx", b"disdik v1", Some("DISDIK"))],
            findings: &findings,
            fresh: false,
            retire: &[],
        })
        .unwrap();
    store.set_setting("tema", "terang").unwrap();
    let before = table_counts(&path);
    let audit_before = store.audit(100).unwrap();

    let master = b"master baru".to_vec();
    let attempt = NewImport {
        policy_id: POLICY,
        policy_toml: POLICY_TOML,
        master: NewFile {
            name: "master-baru.xlsx",
            bytes: &master,
        },
        files: vec![
            sub("dinkes.xlsx", b"dinkes v1", Some("DINKES")),
            sub("disdik-2.xlsx", b"disdik v2", Some("DISDIK")),
        ],
        findings: &findings,
        fresh: false,
        retire: &[],
    };
    // Make the import fail at each stage in turn: the second submission, a finding in the
    // middle, and the audit entry that is written last.
    let traps = [
        "CREATE TRIGGER trap BEFORE INSERT ON submissions WHEN NEW.position = 1
         BEGIN SELECT RAISE(ABORT, 'uji: gagal di berkas kedua'); END;",
        "CREATE TRIGGER trap BEFORE INSERT ON findings WHEN NEW.seq = 5
         BEGIN SELECT RAISE(ABORT, 'uji: gagal di temuan'); END;",
        "CREATE TRIGGER trap BEFORE INSERT ON audit WHEN NEW.action = 'impor'
         BEGIN SELECT RAISE(ABORT, 'uji: gagal di audit'); END;",
    ];
    let raw = Connection::open(&path).unwrap();
    for trap in traps {
        raw.execute_batch(trap).unwrap();
        let err = store.record_import(&attempt).expect_err(trap);
        assert!(matches!(err, StoreError::Sqlite(_)), "{err:?}");
        assert!(
            err.to_string()
                .starts_with("Basis data tidak dapat dibaca/ditulis: "),
            "{err}"
        );
        raw.execute_batch("DROP TRIGGER trap;").unwrap();

        assert_eq!(table_counts(&path), before, "after trap {trap}");
        assert_eq!(store.file_by_sha256(&sha256_hex(&master)).unwrap(), None);
        assert_eq!(
            store.file_by_sha256(&sha256_hex(b"dinkes v1")).unwrap(),
            None
        );
        assert_eq!(store.active_set(POLICY).unwrap().unwrap().files.len(), 1);
        assert_eq!(store.audit(100).unwrap(), audit_before);
    }

    // The same import goes through once nothing stops it.
    store.record_import(&attempt).unwrap();
    assert_eq!(store.active_set(POLICY).unwrap().unwrap().files.len(), 3);
}

#[test]
fn clear_active_starts_a_new_period_and_is_audited() {
    let mut store = Store::open_in_memory().unwrap();
    let import = NewImport {
        policy_id: POLICY,
        policy_toml: POLICY_TOML,
        master: NewFile {
            name: "master.xlsx",
            bytes: b"master",
        },
        files: vec![
            sub("disdik.xlsx", b"disdik", Some("DISDIK")),
            sub("dinkes.xlsx", b"dinkes", Some("DINKES")),
        ],
        findings: &[],
        fresh: false,
        retire: &[],
    };
    store.record_import(&import).unwrap();
    store
        .record_import(&NewImport {
            policy_id: "kebijakan-lain",
            ..import.clone()
        })
        .unwrap();

    assert_eq!(store.clear_active(POLICY).unwrap(), 2);
    let set = store.active_set(POLICY).unwrap().expect("master kept");
    assert!(set.files.is_empty());
    assert_eq!(set.master.bytes, b"master");
    assert!(store.active_submissions(POLICY).unwrap().is_empty());
    assert_eq!(
        store
            .active_set("kebijakan-lain")
            .unwrap()
            .unwrap()
            .files
            .len(),
        2,
        "other policies untouched"
    );
    let last = &store.audit(1).unwrap()[0];
    assert_eq!(last.action, action::CLEAR_ACTIVE);
    assert!(
        last.detail.contains(POLICY) && last.detail.contains("2 berkas"),
        "{}",
        last.detail
    );

    assert_eq!(
        store.clear_active(POLICY).unwrap(),
        0,
        "nothing left to clear"
    );

    // After a new period, versions count from 1 again.
    store.record_import(&import).unwrap();
    let versions: Vec<u32> = store
        .active_submissions(POLICY)
        .unwrap()
        .iter()
        .map(|s| s.version)
        .collect();
    assert_eq!(versions, [1, 1]);
}

#[test]
fn settings_upsert_and_audit_is_newest_first() {
    let mut store = Store::open_in_memory().unwrap();
    assert_eq!(store.setting("penandatangan").unwrap(), None);
    store.set_setting("penandatangan", "Drs. Ahmad").unwrap();
    store
        .set_setting("penandatangan", "Dr. Siti Aminah")
        .unwrap();
    // The same value again writes nothing and is not audited.
    store
        .set_setting("penandatangan", "Dr. Siti Aminah")
        .unwrap();
    assert_eq!(
        store.setting("penandatangan").unwrap().as_deref(),
        Some("Dr. Siti Aminah")
    );
    store
        .record_import(&NewImport {
            policy_id: POLICY,
            policy_toml: POLICY_TOML,
            master: NewFile {
                name: "master.xlsx",
                bytes: b"m",
            },
            files: vec![],
            findings: &[],
            fresh: false,
            retire: &[],
        })
        .unwrap();
    store
        .log_audit("ekspor_pdf", "Lampiran Desember dicetak.")
        .unwrap();

    let entries = store.audit(10).unwrap();
    let actions: Vec<&str> = entries.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(
        actions,
        [
            "ekspor_pdf",
            action::IMPORT,
            action::SETTING,
            action::SETTING
        ]
    );
    assert!(
        entries[2].detail.contains("Dr. Siti Aminah"),
        "{}",
        entries[2].detail
    );
    assert!(
        entries[3].detail.contains("Drs. Ahmad"),
        "{}",
        entries[3].detail
    );
    assert!(entries
        .iter()
        .all(|e| chrono::DateTime::parse_from_rfc3339(&e.at).is_ok()));
    assert_eq!(store.audit(2).unwrap(), entries[..2]);
}

#[test]
fn imports_list_is_newest_first_and_limited() {
    let mut store = Store::open_in_memory().unwrap();
    let mut ids = Vec::new();
    for policy in ["p1", "p2", "p3"] {
        ids.push(
            store
                .record_import(&NewImport {
                    policy_id: policy,
                    policy_toml: "",
                    master: NewFile {
                        name: "master.xlsx",
                        bytes: b"m",
                    },
                    files: vec![sub("a.xlsx", b"a", Some("A"))],
                    findings: &[],
                    fresh: false,
                    retire: &[],
                })
                .unwrap(),
        );
    }
    let list = store.imports(2).unwrap();
    let got: Vec<(i64, &str)> = list.iter().map(|s| (s.id, s.policy_id.as_str())).collect();
    assert_eq!(got, [(ids[2], "p3"), (ids[1], "p2")]);
    assert_eq!(store.imports(100).unwrap().len(), 3);
}

#[test]
fn two_connections_see_each_others_commits() {
    let dir = scratch("two");
    let path = dir.join("fleksi.db");
    let mut writer = Store::open(&path).unwrap();
    let reader = Store::open(&path).unwrap();
    let id = writer.put_file("a.xlsx", b"isi").unwrap();
    assert_eq!(reader.file(id).unwrap().bytes, b"isi");
}

#[test]
fn a_fresh_import_replaces_the_active_set_in_one_step() {
    let mut store = Store::open_in_memory().unwrap();
    let import = |fresh, name: &'static str, bytes: &'static [u8]| NewImport {
        policy_id: POLICY,
        policy_toml: POLICY_TOML,
        master: NewFile {
            name: "master.xlsx",
            bytes: b"master",
        },
        files: vec![sub(name, bytes, Some("DISDIK"))],
        findings: &[],
        fresh,
        retire: &[],
    };
    store
        .record_import(&import(false, "contoh.xlsx", b"demo"))
        .unwrap();
    store
        .record_import(&import(false, "kedua.xlsx", b"demo 2"))
        .unwrap();
    assert_eq!(store.active_set(POLICY).unwrap().unwrap().files.len(), 2);
    store
        .record_import(&import(true, "asli.xlsx", b"real"))
        .unwrap();
    let set = store.active_set(POLICY).unwrap().unwrap();
    let names: Vec<&str> = set.files.iter().map(|f| f.file.name.as_str()).collect();
    assert_eq!(names, ["asli.xlsx"]);
}

#[test]
fn a_backup_opens_with_the_same_active_set() {
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("backup-test");
    let _ = std::fs::remove_dir_all(&dir);
    let mut store = Store::open(&dir.join("fleksi.sqlite3")).unwrap();
    store
        .record_import(&NewImport {
            policy_id: POLICY,
            policy_toml: POLICY_TOML,
            master: NewFile {
                name: "master.xlsx",
                bytes: b"master",
            },
            files: vec![sub("disdik.xlsx", b"disdik", Some("DISDIK"))],
            findings: &[],
            fresh: false,
            retire: &[],
        })
        .unwrap();
    let copy = dir.join("cadangan.sqlite3");
    store.backup_to(&copy).unwrap();
    let restored = Store::open(&copy).unwrap();
    let set = restored
        .active_set(POLICY)
        .unwrap()
        .expect("set in the copy");
    assert_eq!(set.files[0].file.bytes, b"disdik");
    assert_eq!(set.master.bytes, b"master");
    assert_eq!(store.audit(1).unwrap()[0].action, "cadangan");
    let err = store
        .backup_to(&copy)
        .expect_err("an existing file is never overwritten");
    assert!(err.to_string().contains("sudah ada"));
}
