//! `fleksi propose` end to end: a generated regency, one prefilled template per unit, and
//! `fleksi check` on those templates finds no error; a unit on piket with a minimum larger
//! than its staff is named on stderr with exit status 1 and its template is still written.

mod common;

use common::fleksi;
use std::path::{Path, PathBuf};

fn scratch(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("fleksi-cli-propose-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

#[test]
fn proposes_templates_that_check_clean() {
    let dir = scratch("clean");
    let demo = dir.join("demo");
    let (code, _, err) = fleksi(&[
        "demo",
        "--units",
        "10",
        "--staff",
        "14",
        "--days",
        "3",
        "--clean",
        "--policy",
        "rejang-lebong-2026",
        "--out",
        s(&demo),
    ]);
    assert_eq!(code, 0, "{err}");
    let master = demo.join("master.xlsx");
    let out = dir.join("usulan");
    let (code, _, err) = fleksi(&[
        "propose",
        "--policy",
        "rejang-lebong-2026",
        "--master",
        s(&master),
        "--from",
        "2026-04-06",
        "--to",
        "2026-04-17",
        "--out",
        s(&out),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("10 usulan jadwal"), "{err}");
    assert!(
        err.contains("Semua ketentuan Surat Edaran terpenuhi."),
        "{err}"
    );
    let files: Vec<_> = std::fs::read_dir(&out).unwrap().flatten().collect();
    assert_eq!(files.len(), 10);
    assert!(files.iter().all(|f| f
        .file_name()
        .to_string_lossy()
        .starts_with("Usulan BKPSDM \u{2013} ")));
    let (code, json, err) = fleksi(&[
        "check",
        "--policy",
        "rejang-lebong-2026",
        "--master",
        s(&master),
        "--json",
        "--from",
        "2026-04-06",
        "--to",
        "2026-04-17",
        s(&out),
    ]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["issues"].as_array().unwrap().len(), 0, "{}", v["issues"]);
    // Friday (100 %) takes more WFA than Monday (50 %), under the weekly limit of 2.
    let on = |date: &str| -> u64 {
        v["units"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|u| u["days"].as_array().unwrap())
            .filter(|d| d["date"] == date)
            .map(|d| d["wfa"].as_u64().unwrap())
            .sum()
    };
    assert!(
        on("2026-04-10") > on("2026-04-06"),
        "{} {}",
        on("2026-04-10"),
        on("2026-04-06")
    );
    assert!(on("2026-04-06") > 0);
    // One unit, known days from its own sent file kept: the demo's files.
    let one = dir.join("satu");
    let (code, _, err) = fleksi(&[
        "propose",
        "--policy",
        "rejang-lebong-2026",
        "--master",
        s(&master),
        "--unit",
        "DINKES",
        "--out",
        s(&one),
        s(&demo.join("opd")),
    ]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(std::fs::read_dir(&one).unwrap().count(), 1);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_impossible_piket_is_named_and_the_closest_schedule_written() {
    let dir = scratch("piket");
    let demo = dir.join("demo");
    let (code, _, err) = fleksi(&[
        "demo",
        "--units",
        "4",
        "--staff",
        "6",
        "--days",
        "3",
        "--clean",
        "--policy",
        "kota-bekasi-2025-12",
        "--out",
        s(&demo),
    ]);
    assert_eq!(code, 0, "{err}");
    let toml = dir.join("bekasi.toml");
    let (code, _, err) = fleksi(&[
        "policy",
        "new",
        "--from",
        "kota-bekasi-2025-12",
        "--out",
        s(&toml),
    ]);
    assert_eq!(code, 0, "{err}");
    let text = std::fs::read_to_string(&toml).unwrap().replacen(
        "schemes = []",
        "schemes = [{ unit = \"SETDA\", piket_min = 500 }]",
        1,
    );
    assert!(text.contains("piket_min = 500"));
    std::fs::write(&toml, text).unwrap();
    let out = dir.join("usulan");
    let (code, _, err) = fleksi(&[
        "propose",
        "--policy",
        s(&toml),
        "--master",
        s(&demo.join("master.xlsx")),
        "--unit",
        "SETDA",
        "--out",
        s(&out),
    ]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("[piket.understaffed] SETDA 2025-12-29"),
        "{err}"
    );
    assert!(err.contains("piket minimal 500 orang"), "{err}");
    assert_eq!(
        std::fs::read_dir(&out).unwrap().count(),
        1,
        "never an empty result"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
