//! The built `fleksi` binary: `policy list` prints every preset, a policy exported with
//! `policy show <id> --toml` loads back (as `--policy file.toml` does) equal to the preset,
//! `policy new` writes a starting point that `policy check` accepts, and `policy check` names
//! every problem of a bad file with its field and line (exit 2).

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

/// Runs `fleksi`: (exit code, stdout, stderr).
fn run(args: &[&str]) -> (Option<i32>, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_fleksi"))
        .args(args)
        .output()
        .expect("the fleksi binary runs");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn fixture_master() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/import/master.xlsx")
}

#[test]
fn policy_new_then_check_round_trips_for_every_preset_and_blank() {
    let dir = scratch("baru");
    let _ = std::fs::remove_dir_all(&dir);
    for from in presets::IDS.iter().copied().chain(["blank"]) {
        let file = dir.join(format!("se {from}.toml"));
        let out = file.to_str().expect("utf-8 temp path");
        let (code, stdout, stderr) = run(&["policy", "new", "--from", from, "--out", out]);
        assert_eq!(code, Some(0), "{from}: {stderr}");
        assert!(stdout.contains("fleksi policy check"), "{from}: {stdout}");
        let (code, stdout, stderr) = run(&["policy", "check", out]);
        assert_eq!(code, Some(0), "{from}: {stderr}");
        assert!(stdout.starts_with("Surat Edaran sah: "), "{from}: {stdout}");
        let expected_id = format!("se-{from}");
        assert!(
            stdout.contains(&format!("Kode          : {expected_id}")),
            "{from}: {stdout}"
        );
        let policy = policy_arg::load_policy(out).expect("--policy reads it");
        assert_eq!(policy.id, expected_id);
        if from == "blank" {
            assert!(stdout.contains("Perlu diisi"), "{stdout}");
            assert!(stdout.contains("nomor belum diisi"), "{stdout}");
        } else {
            let mut preset = presets::by_id(from).expect("preset");
            preset.id = expected_id;
            assert_eq!(policy, preset, "{from}: the preset's rules under a new id");
        }
    }
    // With the master: every unit code known.
    let file = dir.join("se lebak-2025-12.toml");
    let master = fixture_master();
    let (code, stdout, stderr) = run(&[
        "policy",
        "check",
        file.to_str().unwrap(),
        "--master",
        master.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stdout.contains("semua kode unit dikenal"), "{stdout}");
}

#[test]
fn policy_new_keeps_existing_files_and_refuses_unknown_starts() {
    let dir = scratch("baru-ada");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("ada.toml");
    std::fs::write(&file, "isi lama").unwrap();
    let out = file.to_str().unwrap();
    let (code, _, stderr) = run(&["policy", "new", "--from", "blank", "--out", out]);
    assert_eq!(code, Some(2));
    assert!(stderr.contains("sudah ada"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "isi lama");
    let (code, _, stderr) = run(&[
        "policy",
        "new",
        "--from",
        "blank",
        "--out",
        out,
        "--force",
        "--id",
        "sukamaju-2026",
    ]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(std::fs::read_to_string(&file)
        .unwrap()
        .contains("id = \"sukamaju-2026\""));
    let (code, _, stderr) = run(&["policy", "new", "--from", "bogor-2030", "--out", out]);
    assert_eq!(code, Some(2));
    assert!(stderr.contains("'bogor-2030' bukan preset"), "{stderr}");
    let (code, _, stderr) = run(&[
        "policy",
        "new",
        "--from",
        "blank",
        "--out",
        out,
        "--force",
        "--id",
        "Suka Maju",
    ]);
    assert_eq!(code, Some(2));
    assert!(stderr.contains("huruf kecil"), "{stderr}");
}

/// A cap of 120 and an end before the start: exit 2, both fields named with their lines.
#[test]
fn policy_check_names_every_problem_with_field_and_line() {
    let (_, toml, _) = fleksi(&["policy", "show", "lebak-2025-12", "--toml"]);
    let bad = toml
        .replace("end = \"2025-12-31\"", "end = \"2025-12-01\"")
        .replacen("percent = 50", "percent = 120", 1);
    let line = |needle: &str| {
        bad.lines()
            .position(|l| l.starts_with(needle))
            .map(|i| i + 1)
            .expect("line")
    };
    let end_line = line("end =");
    let cap_line = line("percent = 120");
    let file = scratch("salah.toml");
    std::fs::write(&file, &bad).unwrap();
    let path = file.to_str().unwrap();
    let (code, stdout, stderr) = run(&["policy", "check", path]);
    assert_eq!(code, Some(2), "{stdout}");
    assert!(stderr.contains("salah.toml"), "{stderr}");
    assert!(stderr.contains("2 masalah"), "{stderr}");
    assert!(
        stderr.contains(&format!("- end (baris {end_line}): ")),
        "{stderr}"
    );
    assert!(stderr.contains("caps[0].percent (baris "), "{stderr}");
    assert!(
        stderr.contains(&format!("(baris {})", cap_line - 1))
            || stderr.contains(&format!("(baris {cap_line})"))
            || stderr.contains(&format!("(baris {})", cap_line - 2)),
        "the cap's table or value line: {stderr}"
    );
    // --policy with the same file refuses to run, naming the fields.
    let msg = policy_arg::load_policy(path).unwrap_err();
    assert!(
        msg.contains("end") && msg.contains("caps[0].percent"),
        "{msg}"
    );

    // A misspelt field and a syntax error name their line.
    std::fs::write(
        &file,
        toml.replacen("approval_required", "approval_requird", 1),
    )
    .unwrap();
    let (code, _, stderr) = run(&["policy", "check", path]);
    assert_eq!(code, Some(2));
    assert!(stderr.contains("approval_requird"), "{stderr}");
    std::fs::write(&file, "id = \"x\"\nstart = = 12\n").unwrap();
    let (code, _, stderr) = run(&["policy", "check", path]);
    assert_eq!(code, Some(2));
    assert!(stderr.contains("baris 2"), "{stderr}");

    // With the master: an exempt unit code it does not know.
    let exempt = format!("{toml}\n[[exempt]]\nby = \"code\"\nvalue = \"TIDAKADA\"\n");
    std::fs::write(&file, exempt).unwrap();
    let (code, _, stderr) = run(&["policy", "check", path]);
    assert_eq!(code, Some(0), "without the master it is fine: {stderr}");
    let master = fixture_master();
    let (code, _, stderr) = run(&[
        "policy",
        "check",
        path,
        "--master",
        master.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(2));
    assert!(stderr.contains("TIDAKADA"), "{stderr}");
    assert!(stderr.contains("exempt["), "{stderr}");
}
