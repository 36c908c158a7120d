//! `fleksi db …` over a database file: `db check --json` after `db import` prints what
//! `check --json` prints for the same files (fixtures and a generated regency); history
//! lists versions; backup and restore round-trip and refuse what is not a Fleksi database;
//! a `db import` killed part-way leaves the database as it was.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::Value;

mod common;

use common::{fleksi, root};

fn scratch(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("fleksi-cli-db-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch");
    dir
}

fn s(p: &Path) -> String {
    p.display().to_string()
}

/// `check --json` on the files, then `db import` + `db check --json`: the same object.
fn same_json(policy: &str, master: &str, files: &str, db: &Path) -> Value {
    let (code, direct, err) = fleksi(&[
        "check", "--json", "--policy", policy, "--master", master, files,
    ]);
    assert!(code == 0 || code == 1, "check: {err}");
    let (icode, _, ierr) = fleksi(&[
        "db",
        "import",
        "--db",
        &s(db),
        "--policy",
        policy,
        "--master",
        master,
        files,
    ]);
    assert_eq!(
        icode, code,
        "db import exit status follows the errors: {ierr}"
    );
    let (ccode, stored, cerr) = fleksi(&["db", "check", "--json", "--db", &s(db)]);
    assert_eq!(ccode, code, "{cerr}");
    let a: Value = serde_json::from_str(&direct).expect("check JSON");
    let b: Value = serde_json::from_str(&stored).expect("db check JSON");
    assert_eq!(a, b);
    a
}

#[test]
fn db_check_after_db_import_equals_check_on_the_fixtures() {
    let dir = scratch("fixtures");
    let v = same_json(
        "lebak-2025-12",
        "tests/fixtures/import/master.xlsx",
        "tests/fixtures/import/",
        &dir.join("fleksi.sqlite3"),
    );
    assert!(!v["issues"].as_array().expect("issues").is_empty());
    // A second import of the same folder changes nothing.
    let (_, _, err) = fleksi(&[
        "db",
        "import",
        "--db",
        &s(&dir.join("fleksi.sqlite3")),
        "--policy",
        "lebak-2025-12",
        "tests/fixtures/import/",
    ]);
    assert!(err.contains("tidak ada yang berubah"), "{err}");
    let (_, again, _) = fleksi(&[
        "db",
        "check",
        "--json",
        "--db",
        &s(&dir.join("fleksi.sqlite3")),
    ]);
    assert_eq!(serde_json::from_str::<Value>(&again).expect("json"), v);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn db_check_equals_check_on_a_generated_regency() {
    let dir = scratch("demo");
    let out = dir.join("demo");
    let (code, _, err) = fleksi(&[
        "demo",
        "--units",
        "20",
        "--staff",
        "15",
        "--days",
        "3",
        "--out",
        &s(&out),
    ]);
    assert_eq!(code, 0, "{err}");
    let v = same_json(
        "lebak-2025-12",
        &s(&out.join("master.xlsx")),
        &s(&out.join("opd")),
        &dir.join("fleksi.sqlite3"),
    );
    assert!(v["units"].as_array().expect("units").len() >= 20);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn history_backup_and_restore() {
    let dir = scratch("history");
    let db = s(&dir.join("fleksi.sqlite3"));
    let import = |files: &str| {
        fleksi(&[
            "db",
            "import",
            "--db",
            &db,
            "--policy",
            "lebak-2025-12",
            "--master",
            "tests/fixtures/import/master.xlsx",
            files,
        ])
    };
    import("tests/fixtures/import/diskominfo.xlsx");
    let (code, out, err) = fleksi(&["db", "history", "--db", &db, "--json"]);
    assert_eq!(code, 0, "{err}");
    let h: Value = serde_json::from_str(&out).expect("history JSON");
    assert_eq!(h.as_array().expect("units").len(), 1);
    assert_eq!(h[0]["versions"].as_array().expect("versions").len(), 1);
    assert_eq!(
        h[0]["versions"][0]["sha256"].as_str().map(str::len),
        Some(64)
    );

    let backup = s(&dir.join("cadangan.sqlite3"));
    let (code, _, err) = fleksi(&["db", "backup", "--db", &db, &backup]);
    assert_eq!(code, 0, "{err}");
    import("tests/fixtures/import/bkpsdm.xls");
    let (_, two, _) = fleksi(&["db", "check", "--json", "--db", &db]);
    // Junk is refused and changes nothing.
    std::fs::write(dir.join("bukan.sqlite3"), "bukan basis data").expect("junk");
    let (code, _, err) = fleksi(&["db", "restore", "--db", &db, &s(&dir.join("bukan.sqlite3"))]);
    assert_eq!(code, 2);
    assert!(err.contains("bukan.sqlite3"), "{err}");
    let (_, still, _) = fleksi(&["db", "check", "--json", "--db", &db]);
    assert_eq!(still, two);
    // The backup comes back; the replaced database is kept beside it.
    let (code, _, err) = fleksi(&["db", "restore", "--db", &db, &backup]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("fleksi-sebelum-pulih-"), "{err}");
    let (_, one, _) = fleksi(&["db", "check", "--json", "--db", &db]);
    let one: Value = serde_json::from_str(&one).expect("json");
    assert_eq!(one["files"].as_array().expect("files").len(), 1);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_killed_db_import_leaves_the_database_as_it_was() {
    let dir = scratch("kill");
    let out = dir.join("demo");
    let (code, _, err) = fleksi(&[
        "demo",
        "--units",
        "60",
        "--staff",
        "60",
        "--days",
        "3",
        "--out",
        &s(&out),
    ]);
    assert_eq!(code, 0, "{err}");
    let db = dir.join("fleksi.sqlite3");
    // The state before: one small import.
    fleksi(&[
        "db",
        "import",
        "--db",
        &s(&db),
        "--policy",
        "lebak-2025-12",
        "--master",
        &s(&out.join("master.xlsx")),
        "tests/fixtures/import/diskominfo.xlsx",
    ]);
    let (_, before, _) = fleksi(&["db", "check", "--json", "--db", &s(&db)]);
    let mut interrupted = 0;
    for delay in [30u64, 80, 150, 250, 400, 600] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_fleksi"))
            .current_dir(root())
            .args([
                "db",
                "import",
                "--db",
                &s(&db),
                "--policy",
                "lebak-2025-12",
                &s(&out.join("opd")),
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("child");
        std::thread::sleep(std::time::Duration::from_millis(delay));
        let finished = child.try_wait().expect("wait").is_some();
        let _ = child.kill();
        let _ = child.wait();
        let (code, now, err) = fleksi(&["db", "check", "--json", "--db", &s(&db)]);
        assert!(
            code == 0 || code == 1,
            "the database opens after a kill: {err}"
        );
        if now == before {
            interrupted += usize::from(!finished);
            continue;
        }
        // The import got through whole: every file is in.
        let v: Value = serde_json::from_str(&now).expect("json");
        assert!(
            v["files"].as_array().expect("files").len() > 50,
            "all or nothing"
        );
        break;
    }
    assert!(
        interrupted >= 1,
        "at least one kill landed before the import committed"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// `db mappings` lists the column mappings the app remembered (here saved through the same
/// workspace the app drives) and `--remove` forgets one; removing it again is refused.
#[test]
fn mappings_are_listed_and_removed() {
    use fleksi_import::ColumnMapping;
    use fleksi_workspace::import::ImportRequest;
    use fleksi_workspace::Workspace;

    let dir = scratch("mappings");
    let db = dir.join("fleksi.sqlite3");
    let mappings = |more: &[&str]| {
        let mut args = vec!["db", "mappings", "--db"];
        let db = s(&db);
        args.push(&db);
        args.extend_from_slice(more);
        fleksi(&args)
    };
    let (code, out, err) = mappings(&[]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Tidak ada pemetaan kolom tersimpan."), "{out}");
    {
        let ws = Workspace::new(db.clone(), None);
        ws.load();
        let fx = root().join("tests/fixtures");
        let request = ImportRequest {
            policy_id: "lebak-2025-12".into(),
            master_path: Some(s(&fx.join("import/master.xlsx"))),
            paths: vec![s(&fx.join("mapping/bapelitbangda-rencana.csv"))],
            replace: None,
        };
        let imported = ws.import(&request, &|_| {}).expect("import");
        let id = imported.files[0].submission_id.expect("stored");
        let text = std::fs::read_to_string(fx.join("mapping/bapelitbangda-rencana.mapping.json"))
            .expect("mapping fixture");
        let mapping: ColumnMapping = serde_json::from_str(&text).expect("a mapping");
        ws.import_mapped(id, &mapping, true).expect("mapped import");
    }
    let (code, out, err) = mappings(&[]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("BAPELITBANGDA — "), "{out}");
    assert!(out.contains("baris judul 7"), "{out}");
    let (code, out, err) = mappings(&["--json"]);
    assert_eq!(code, 0, "{err}");
    let rows: Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(rows[0]["unit_code"], "BAPELITBANGDA");
    assert_eq!(rows.as_array().map(Vec::len), Some(1));

    let (code, out, err) = mappings(&["--remove", "BAPELITBANGDA"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("Pemetaan kolom untuk BAPELITBANGDA dihapus."),
        "{err}"
    );
    assert!(out.contains("Tidak ada pemetaan kolom tersimpan."), "{out}");
    let (code, _, err) = mappings(&["--remove", "BAPELITBANGDA"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("Tidak ada pemetaan kolom tersimpan untuk BAPELITBANGDA"),
        "{err}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
