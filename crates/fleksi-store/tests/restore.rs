//! Restores (Pulihkan): checking a backup writes nothing, a restore replaces the database and
//! keeps the one before, an older backup is migrated, and every refused file leaves the live
//! database exactly as it was.

mod common;

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use common::{day, dump, import, scratch, sub, POLICY};
use fleksi_store::{action, NewImport, Store, StoreError};
use rusqlite::Connection;

/// Bytes and modification time of a file, and the names in its folder.
fn snapshot(path: &Path) -> (Vec<u8>, SystemTime, Vec<String>) {
    let bytes = std::fs::read(path).unwrap();
    let mtime = std::fs::metadata(path).unwrap().modified().unwrap();
    (bytes, mtime, listing(path.parent().unwrap()))
}

fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// A live database with two imports under two policies, a setting, and a 200 KB file (so
/// that backups span many pages).
fn populated(path: &Path) -> Store {
    let mut store = Store::open(path).unwrap();
    let big: Vec<u8> = (0..200_000u32).map(|i| (i * 7 % 251) as u8).collect();
    let dates = [day(1), day(2)];
    store
        .record_import(&import(vec![
            sub("disdik.xlsx", &big, Some("DISDIK"), &dates),
            sub("dinkes.xlsx", b"dinkes", Some("DINKES"), &dates),
        ]))
        .unwrap();
    store
        .record_import(&NewImport {
            policy_id: "lebak-2025-12",
            ..import(vec![sub("bappeda.xlsx", b"bappeda", Some("BAPPEDA"), &[])])
        })
        .unwrap();
    store.set_setting("tema", "terang").unwrap();
    store
}

/// Turns a backup written by this build into what schema 1 looked like.
fn downgrade_to_v1(path: &Path) {
    Connection::open(path)
        .unwrap()
        .execute_batch(
            "DROP TABLE file_mappings;
             DROP TABLE column_mappings;
             DROP TABLE policy_revisions;
             DROP TABLE policies;
             DROP INDEX submissions_by_unit;
             ALTER TABLE submissions DROP COLUMN dates;
             PRAGMA user_version = 1;
             VACUUM;",
        )
        .unwrap();
}

fn user_version(path: &Path) -> i64 {
    Connection::open(path)
        .unwrap()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn check_backup_reports_what_it_holds_and_writes_nothing() {
    let dir = scratch("check-backup");
    let live = dir.join("fleksi.sqlite3");
    let mut store = populated(&live);
    let backups = dir.join("cadangan");
    std::fs::create_dir_all(&backups).unwrap();
    let bk = backups.join("cadangan Desember #1.sqlite3");
    store.backup_to(&bk).unwrap();

    let before = snapshot(&bk);
    let info = Store::check_backup(&bk).unwrap();
    assert_eq!(info.schema_version, 4);
    assert_eq!(info.imports, 2);
    assert_eq!(
        info.last_import_at.as_deref(),
        Some(store.imports(1).unwrap()[0].at.as_str())
    );
    assert_eq!(info.policies, ["lebak-2025-12", POLICY]);
    assert_eq!(snapshot(&bk), before, "bytes, mtime and folder unchanged");

    // A copy of a WAL-mode database (the live file after a clean close): a plain read-only
    // open would create -wal/-shm beside it; the check must not.
    drop(store);
    let wal_copy = backups.join("salinan-langsung.sqlite3");
    std::fs::copy(&live, &wal_copy).unwrap();
    assert_eq!(std::fs::read(&wal_copy).unwrap()[18], 2, "WAL-mode header");
    let before = snapshot(&wal_copy);
    assert_eq!(Store::check_backup(&wal_copy).unwrap().imports, 2);
    assert_eq!(snapshot(&wal_copy), before);

    // An older backup is reported as such and not migrated.
    let old = backups.join("lama.sqlite3");
    std::fs::copy(&bk, &old).unwrap();
    downgrade_to_v1(&old);
    let before = snapshot(&old);
    let info = Store::check_backup(&old).unwrap();
    assert_eq!(info.schema_version, 1);
    assert_eq!(info.imports, 2);
    assert_eq!(snapshot(&old), before);

    // An empty Fleksi database: no imports.
    let empty = dir.join("kosong").join("baru.sqlite3");
    drop(Store::open(&empty).unwrap());
    let info = Store::check_backup(&empty).unwrap();
    assert_eq!((info.imports, info.last_import_at), (0, None));
    assert!(info.policies.is_empty());
}

#[test]
fn restore_replaces_the_database_and_keeps_the_one_before() {
    let dir = scratch("restore");
    let live = dir.join("data").join("fleksi.sqlite3");
    let mut store = populated(&live);
    let bk = dir.join("cadangan.sqlite3");
    store.backup_to(&bk).unwrap();
    let backup_contents = dump(&bk);
    let backup_bytes = std::fs::read(&bk).unwrap();

    // Work goes on after the backup.
    store
        .record_import(&import(vec![sub(
            "disdik-2.xlsx",
            b"d2",
            Some("DISDIK"),
            &[],
        )]))
        .unwrap();
    store.clear_active("lebak-2025-12").unwrap();
    store.set_setting("tema", "gelap").unwrap();
    let other = Store::open(&live).unwrap();
    let current_contents = dump(&live);

    let keep_dir = dir.join("data").join("sebelum-pulih");
    let kept = store.restore_from(&bk, &keep_dir).unwrap();

    // The kept copy is the database as it was, named as promised.
    assert_eq!(kept.parent(), Some(keep_dir.as_path()));
    let name = kept.file_name().unwrap().to_string_lossy().into_owned();
    let stamp = name
        .strip_prefix("fleksi-sebelum-pulih-")
        .and_then(|s| s.strip_suffix(".sqlite3"))
        .unwrap_or_else(|| panic!("{name}"));
    assert!(
        chrono::NaiveDateTime::parse_from_str(stamp, "%Y%m%d-%H%M%S").is_ok(),
        "{name}"
    );
    assert_eq!(dump(&kept), current_contents);

    // The live database now holds the backup, plus the audit entry of the restore.
    let without_audit = |d: Vec<String>| -> Vec<String> {
        d.into_iter().filter(|l| !l.starts_with("audit:")).collect()
    };
    assert_eq!(without_audit(dump(&live)), without_audit(backup_contents));
    assert_eq!(store.schema_version(), 4);
    assert_eq!(store.setting("tema").unwrap().as_deref(), Some("terang"));
    assert_eq!(store.imports(10).unwrap().len(), 2);
    assert_eq!(
        store
            .active_set("lebak-2025-12")
            .unwrap()
            .unwrap()
            .files
            .len(),
        1
    );
    assert_eq!(store.unit_history(POLICY, "DISDIK").unwrap().len(), 1);
    let entry = &store.audit(1).unwrap()[0];
    assert_eq!(entry.action, action::RESTORE);
    assert_eq!(
        entry.detail,
        format!(
            "Basis data dipulihkan dari {}; salinan sebelumnya: {}.",
            bk.display(),
            kept.display()
        )
    );
    // The backup's own trail continues (its last entry predates the backup's audit entry).
    assert_eq!(store.audit(2).unwrap()[1].action, action::SETTING);

    // Still a WAL database that works, seen by another connection too; the backup untouched.
    let mode: String = Connection::open(&live)
        .unwrap()
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    assert_eq!(other.setting("tema").unwrap().as_deref(), Some("terang"));
    store
        .record_import(&import(vec![sub("a.xlsx", b"a", Some("A"), &[day(3)])]))
        .unwrap();
    assert_eq!(other.imports(10).unwrap().len(), 3);
    assert_eq!(std::fs::read(&bk).unwrap(), backup_bytes);
    drop((store, other));
    assert_eq!(Store::open(&live).unwrap().imports(10).unwrap().len(), 3);
}

#[test]
fn restore_migrates_an_older_backup() {
    let dir = scratch("restore-old");
    let live = dir.join("fleksi.sqlite3");
    let mut store = populated(&live);
    let bk = dir.join("lama.sqlite3");
    store.backup_to(&bk).unwrap();
    downgrade_to_v1(&bk);
    let old_bytes = std::fs::read(&bk).unwrap();
    store
        .record_import(&import(vec![sub("x.xlsx", b"x", Some("X"), &[])]))
        .unwrap();

    store.restore_from(&bk, &dir.join("simpan")).unwrap();
    assert_eq!(store.schema_version(), 4);
    assert_eq!(user_version(&live), 4);
    let subs = store.active_submissions(POLICY).unwrap();
    let names: Vec<&str> = subs.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["disdik.xlsx", "dinkes.xlsx"]);
    assert!(
        subs.iter().all(|s| s.dates.is_empty()),
        "dates unknown before schema 2"
    );
    assert_eq!(store.audit(1).unwrap()[0].action, action::RESTORE);
    // New imports store dates again.
    store
        .record_import(&import(vec![sub("y.xlsx", b"y", Some("Y"), &[day(4)])]))
        .unwrap();
    assert_eq!(store.unit_history(POLICY, "Y").unwrap()[0].dates, [day(4)]);
    assert_eq!(
        std::fs::read(&bk).unwrap(),
        old_bytes,
        "the backup itself untouched"
    );
    assert_eq!(user_version(&bk), 1);
}

/// Writes the bad backups of [`refused_backups_leave_the_database_exactly_as_before`].
fn bad_backups(dir: &Path, good: &Path) -> Vec<(&'static str, PathBuf)> {
    let bytes = std::fs::read(good).unwrap();
    let page = 4096;
    assert!(bytes.len() > 20 * page, "backup spans many pages");
    let write = |name: &str, content: &[u8]| {
        let path = dir.join(name);
        std::fs::write(&path, content).unwrap();
        path
    };
    let half = bytes.len() / 2 / page * page;

    let mut damaged = bytes.clone();
    // Garbage over the middle of the tables' pages (not page 1).
    for b in &mut damaged[3 * page..3 * page + 2000] {
        *b = 0xA5;
    }

    let newer = write("baru.sqlite3", &bytes);
    Connection::open(&newer)
        .unwrap()
        .execute_batch("PRAGMA user_version = 99;")
        .unwrap();
    let foreign = dir.join("lain.sqlite3");
    Connection::open(&foreign)
        .unwrap()
        .execute_batch(
            "CREATE TABLE pelanggan (id INTEGER PRIMARY KEY); INSERT INTO pelanggan VALUES (1);",
        )
        .unwrap();
    let partial = dir.join("sebagian.sqlite3");
    Connection::open(&partial)
        .unwrap()
        .execute_batch("CREATE TABLE files (id INTEGER PRIMARY KEY); PRAGMA user_version = 1;")
        .unwrap();
    let busy = write("dipakai.sqlite3", &bytes);
    write("dipakai.sqlite3-wal", b"isi jurnal yang belum diterapkan");

    vec![
        ("terpotong", write("separuh.sqlite3", &bytes[..half])),
        (
            "terpotong",
            write("separuh-lebih.sqlite3", &bytes[..half + 1000]),
        ),
        (
            "bukan basis data SQLite",
            write(
                "catatan.sqlite3",
                "Ini catatan rapat, bukan cadangan.\n"
                    .repeat(200)
                    .as_bytes(),
            ),
        ),
        ("kosong", write("kosong.sqlite3", b"")),
        ("lebih baru", newer),
        ("rusak", write("rusak.sqlite3", &damaged)),
        ("versi skema 0", foreign),
        ("tabel Fleksi tidak ada", partial),
        ("sedang dipakai", busy),
        ("tidak ditemukan", dir.join("tidak-ada.sqlite3")),
    ]
}

#[test]
fn refused_backups_leave_the_database_exactly_as_before() {
    let dir = scratch("restore-refused");
    let live = dir.join("fleksi.sqlite3");
    let mut store = populated(&live);
    let good = dir.join("cadangan.sqlite3");
    store.backup_to(&good).unwrap();
    let keep_dir = dir.join("sebelum-pulih");
    let before = dump(&live);
    let assert_unchanged = |label: &str| {
        assert_eq!(dump(&live), before, "live database changed by {label}");
    };

    let mut messages = Vec::new();
    for (phrase, path) in bad_backups(&dir, &good) {
        let label = path.display().to_string();
        let err = Store::check_backup(&path).expect_err(&label);
        let message = err.to_string();
        assert!(message.contains(&label), "names the file: {message}");
        assert!(message.contains(phrase), "{phrase:?} in {message}");
        match phrase {
            "terpotong" | "rusak" => assert!(matches!(err, StoreError::Damaged { .. }), "{err:?}"),
            "lebih baru" => assert!(
                matches!(
                    err,
                    StoreError::TooNew {
                        found: 99,
                        supported: 4,
                        ..
                    }
                ),
                "{err:?}"
            ),
            "sedang dipakai" => assert!(matches!(err, StoreError::InUse { .. }), "{err:?}"),
            "tidak ditemukan" => assert!(matches!(err, StoreError::NotFound(_)), "{err:?}"),
            _ => assert!(matches!(err, StoreError::NotFleksi { .. }), "{err:?}"),
        }

        let err = store.restore_from(&path, &keep_dir).expect_err(&label);
        assert_eq!(
            err.to_string(),
            message,
            "restore refuses with the check's error"
        );
        assert_unchanged(&label);
        assert!(
            !keep_dir.exists(),
            "no copy kept for a refused restore ({label})"
        );
        assert_eq!(store.schema_version(), 4);
        messages.push(message);
    }
    messages.sort();
    messages.dedup();
    assert_eq!(messages.len(), 10, "each refusal has its own message");

    // The live database itself is no backup.
    let err = store.restore_from(&live, &keep_dir).expect_err("itself");
    assert!(matches!(err, StoreError::SameDatabase { .. }), "{err:?}");
    assert!(err.to_string().contains("fleksi.sqlite3"), "{err}");
    assert_unchanged("itself");

    // A folder for the kept copy that cannot be made: nothing restored.
    let blocked = dir.join("berkas-biasa");
    std::fs::write(&blocked, b"x").unwrap();
    let err = store
        .restore_from(&good, &blocked.join("sub"))
        .expect_err("keep dir under a file");
    assert!(matches!(err, StoreError::CreateDir { .. }), "{err:?}");
    assert_unchanged("keep dir");

    // The store still works, and a good backup still restores.
    store
        .record_import(&import(vec![sub("z.xlsx", b"z", Some("Z"), &[])]))
        .unwrap();
    store.restore_from(&good, &keep_dir).unwrap();
    assert_eq!(store.imports(10).unwrap().len(), 2);
}

#[test]
fn a_second_restore_in_the_same_second_keeps_both_copies() {
    let dir = scratch("restore-twice");
    let live = dir.join("fleksi.sqlite3");
    let mut store = populated(&live);
    let bk = dir.join("cadangan.sqlite3");
    store.backup_to(&bk).unwrap();
    let keep_dir = dir.join("simpan");
    let kept: Vec<PathBuf> = (0..3)
        .map(|_| store.restore_from(&bk, &keep_dir).unwrap())
        .collect();
    assert_eq!(listing(&keep_dir).len(), 3, "{kept:?}");
    assert!(kept.iter().all(|p| p.is_file()));
}
