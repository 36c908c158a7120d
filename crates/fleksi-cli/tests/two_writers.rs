//! Two `fleksi db import` processes started at the same moment on one database (as when the
//! clerk's app and a script in a terminal write at once): SQLite's busy timeout serializes
//! them; each either lands, or — when the other recorded its import after this one read the
//! working set — is refused in Indonesian (never dropping the other's file). What landed is
//! in the working set.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::Value;

mod common;

use common::{fleksi, root};

fn s(p: &Path) -> String {
    p.display().to_string()
}

#[test]
fn two_db_imports_at_once_never_drop_each_other() {
    let dir = std::env::temp_dir().join(format!("fleksi-cli-writers-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch");
    let db = dir.join("fleksi.sqlite3");
    let fixtures = PathBuf::from("tests/fixtures/import");
    let master = s(&fixtures.join("master.xlsx"));
    let sends = [
        (s(&fixtures.join("diskominfo.xlsx")), "DISKOMINFO"),
        (s(&fixtures.join("bkpsdm.xls")), "BKPSDM"),
    ];
    // Both started back to back, before either has finished.
    let children: Vec<_> = sends
        .iter()
        .map(|(file, _)| {
            Command::new(env!("CARGO_BIN_EXE_fleksi"))
                .current_dir(root())
                .args([
                    "db",
                    "import",
                    "--db",
                    &s(&db),
                    "--policy",
                    "lebak-2025-12",
                    "--master",
                    &master,
                    file,
                ])
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .expect("fleksi starts")
        })
        .collect();
    let mut landed = Vec::new();
    for (child, (file, unit)) in children.into_iter().zip(&sends) {
        let out = child.wait_with_output().expect("fleksi ends");
        let err = String::from_utf8_lossy(&out.stderr);
        match out.status.code() {
            Some(0 | 1) => landed.push(*unit),
            Some(2) => assert!(
                err.contains("Basis data telah diubah oleh program Fleksi lain"),
                "db import of {file} refused only for the other writer: {err}"
            ),
            other => panic!("db import of {file} ended with {other:?}: {err}"),
        }
    }
    assert!(!landed.is_empty(), "one of the two imports lands");
    let (code, out, err) = fleksi(&["db", "history", "--json", "--db", &s(&db)]);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).expect("history JSON");
    let text = v.to_string();
    for unit in &landed {
        assert!(text.contains(unit), "{unit} is in the working set: {text}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}
