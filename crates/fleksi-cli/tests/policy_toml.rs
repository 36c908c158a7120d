//! The built `fleksi` binary: `policy list` prints every preset, and a policy exported with
//! `policy show <id> --toml` loads back (as `--policy file.toml` does) equal to the preset.

#[path = "../src/policy_arg.rs"]
mod policy_arg;

use fleksi_core::presets;
use std::path::PathBuf;
use std::process::Command;

fn fleksi(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_fleksi"))
        .args(args)
        .output()
        .expect("the fleksi binary runs");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("fleksi-policy-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir.join(name)
}

#[test]
fn list_prints_every_preset_with_number_and_period() {
    let (ok, out, err) = fleksi(&["policy", "list"]);
    assert!(ok, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), presets::IDS.len());
    for (line, p) in lines.iter().zip(presets::all()) {
        assert!(line.starts_with(&p.id), "{line}");
        assert!(line.contains(&p.number), "{line}");
    }
    assert!(lines[0].contains("B.000/19-PPI/XII/2025"));
    assert!(lines[0].ends_with("29 Desember 2025 – 31 Desember 2025"));
}

#[test]
fn exported_toml_loads_back_equal_to_the_preset() {
    for id in presets::IDS {
        let (ok, toml, err) = fleksi(&["policy", "show", id, "--toml"]);
        assert!(ok, "{id}: {err}");
        let file = scratch(&format!("{id}.toml"));
        std::fs::write(&file, &toml).expect("write toml");
        let arg = file.to_str().expect("utf-8 temp path");
        let loaded = policy_arg::load_policy(arg).expect("exported TOML loads");
        assert_eq!(Some(loaded), presets::by_id(id), "{id}");
        // And the binary itself reads the file back the same way.
        let (ok, again, err) = fleksi(&["policy", "show", arg, "--toml"]);
        assert!(ok, "{err}");
        assert_eq!(again, toml, "{id}");
    }
}

#[test]
fn show_prints_an_indonesian_summary() {
    let (ok, out, err) = fleksi(&["policy", "show", "rejang-lebong-2026"]);
    assert!(ok, "{err}");
    assert!(
        out.contains("Batas WFA             : 50 % (Senin, Selasa, Rabu dan Kamis); 100 % (Jumat)")
    );
    assert!(out.contains("paling banyak 2 hari per minggu"));
}

#[test]
fn unknown_policy_and_broken_file_are_named() {
    let (ok, _, err) = fleksi(&["policy", "show", "bogor-2030"]);
    assert!(!ok);
    assert!(
        err.contains("kebijakan 'bogor-2030' tidak dikenal"),
        "{err}"
    );
    let missing = scratch("tidak-ada.toml");
    let msg = policy_arg::load_policy(missing.to_str().unwrap()).unwrap_err();
    assert!(msg.starts_with("berkas kebijakan "), "{msg}");
    assert!(msg.contains("tidak-ada.toml"), "{msg}");
    let broken = scratch("rusak.toml");
    std::fs::write(&broken, "id = \"x\"\nstart = 12\n").unwrap();
    let msg = policy_arg::load_policy(broken.to_str().unwrap()).unwrap_err();
    assert!(msg.contains("rusak.toml"), "{msg}");
    assert!(msg.contains("tidak dapat dibaca"), "{msg}");
}

#[test]
fn check_with_the_exported_toml_equals_check_with_the_preset() {
    for id in ["lebak-2025-12", "rejang-lebong-2026"] {
        let out = scratch(&format!("demo-{id}"));
        let out_s = out.to_str().expect("utf-8 temp path");
        let (ok, _, err) = fleksi(&[
            "demo", "--units", "8", "--staff", "12", "--days", "3", "--policy", id, "--out", out_s,
        ]);
        assert!(ok, "{id}: {err}");
        let (ok, toml, err) = fleksi(&["policy", "show", id, "--toml"]);
        assert!(ok, "{err}");
        let file = scratch(&format!("check-{id}.toml"));
        std::fs::write(&file, toml).expect("write toml");
        let master = out.join("master.xlsx");
        let opd = out.join("opd");
        let run = |policy: &str| {
            let o = Command::new(env!("CARGO_BIN_EXE_fleksi"))
                .args(["check", "--json", "--policy", policy, "--master"])
                .arg(&master)
                .arg(&opd)
                .output()
                .expect("fleksi check runs");
            (
                o.status.code(),
                String::from_utf8_lossy(&o.stdout).into_owned(),
            )
        };
        let by_preset = run(id);
        let by_file = run(file.to_str().expect("utf-8 temp path"));
        assert_eq!(by_preset.0, Some(1), "{id}: the demo plants faults");
        assert!(by_preset.1.contains("\"issues\""), "{id}: {}", by_preset.1);
        assert_eq!(by_file, by_preset, "{id}");
    }
}
