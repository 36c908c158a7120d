//! Policies are the clerk's data: created from a preset or blank, duplicated, edited (a bad
//! edit saves nothing and names every field and line), undone, archived, exported and
//! imported; presets stay read-only; editing the policy in use re-validates the working set,
//! also after a restart.

mod common;

use std::path::{Path, PathBuf};

use common::*;
use fleksi_core::{FindingCode, Policy};
use fleksi_workspace::inputs::{self, Naming};
use fleksi_workspace::policy_book::{PolicyEntry, BLANK};
use fleksi_workspace::{ErrorCode, InputFile, Workspace};

fn open(dir: &Path) -> Workspace {
    Workspace::open(&dir.join("fleksi.sqlite3")).expect("workspace opens")
}

fn entry(ws: &Workspace, id: &str) -> PolicyEntry {
    ws.policies(true)
        .expect("list")
        .into_iter()
        .find(|e| e.id == id)
        .unwrap_or_else(|| panic!("{id} listed"))
}

fn audit_len(ws: &Workspace) -> usize {
    ws.history().expect("history").audit.len()
}

#[test]
fn policies_come_from_a_preset_blank_or_a_copy() {
    let dir = scratch("book-create");
    let ws = open(&dir);
    let list = ws.policies(false).expect("list");
    let presets: Vec<&str> = list.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(
        presets,
        fleksi_core::presets::IDS,
        "the five presets, in order"
    );
    assert!(list.iter().all(|e| e.preset && !e.in_use && !e.can_undo));

    let copy = ws
        .new_policy_from("lebak-2025-12", "lebak-uji", "")
        .expect("from a preset");
    let lebak = &list[0];
    assert_eq!(copy.title, lebak.title, "the letter's title stays");
    assert_eq!(copy.name, lebak.title, "named after its title by default");
    assert_eq!(copy.period, "29 Desember 2025 – 31 Desember 2025");
    assert_eq!(copy.source.as_deref(), Some("lebak-2025-12"));
    assert!(!copy.preset && copy.revision == 1 && !copy.can_undo);
    let copied = Policy::from_toml(&ws.policy_toml("lebak-uji").expect("toml")).expect("valid");
    let mut preset = fleksi_core::presets::by_id("lebak-2025-12").expect("preset");
    preset.id = "lebak-uji".into();
    assert_eq!(copied, preset, "the preset's rules with the new id");

    let blank = ws
        .new_policy_from(BLANK, "sukamaju-2026-06", "SE Sukamaju")
        .expect("blank");
    assert_eq!(blank.name, "SE Sukamaju");
    assert_eq!(blank.source, None);
    assert!(
        blank.to_fill.iter().any(|t| t.starts_with("nomor")),
        "{:?}",
        blank.to_fill
    );
    let text = ws.policy_toml("sukamaju-2026-06").expect("toml");
    assert!(text.contains("[ISI: nomor Surat Edaran]"), "{text}");
    let skeleton = Policy::from_toml(&text).expect("the skeleton is valid");
    assert_eq!((skeleton.end - skeleton.start).num_days(), 2);

    let dup = ws
        .duplicate_policy("sukamaju-2026-06", "sukamaju-2026-07")
        .expect("duplicate");
    assert_eq!(dup.name, "Salinan SE Sukamaju");
    assert_eq!(dup.source.as_deref(), Some("sukamaju-2026-06"));
    let dup_policy =
        Policy::from_toml(&ws.policy_toml("sukamaju-2026-07").expect("toml")).expect("valid");
    assert_eq!(dup_policy.id, "sukamaju-2026-07");
    assert_eq!(dup_policy.number, skeleton.number);

    let ids: Vec<String> = ws
        .policies(false)
        .expect("list")
        .into_iter()
        .skip(5)
        .map(|e| e.id)
        .collect();
    assert_eq!(ids.len(), 3);

    // Taken, malformed, preset and unknown ids are refused, nothing stored.
    let before = audit_len(&ws);
    let taken = ws
        .new_policy_from(BLANK, "lebak-uji", "")
        .expect_err("taken");
    assert!(taken.to_string().contains("sudah dipakai"), "{taken}");
    for bad in ["Lebak Uji", "lebak-2025-12", "kosong", ""] {
        let err = ws.new_policy_from(BLANK, bad, "").expect_err(bad);
        assert!(err.to_string().contains("Kode"), "{bad}: {err}");
    }
    let unknown = ws
        .new_policy_from("bogor-2030", "bogor", "")
        .expect_err("unknown source");
    assert_eq!(unknown.code(), ErrorCode::PolicyUnknown);
    assert_eq!(audit_len(&ws), before);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_bad_edit_saves_nothing_and_names_every_field_and_line() {
    let dir = scratch("book-bad-edit");
    let ws = open(&dir);
    ws.new_policy_from("lebak-2025-12", "lebak-uji", "")
        .expect("created");
    let good = ws.policy_toml("lebak-uji").expect("toml");
    let before = (entry(&ws, "lebak-uji"), audit_len(&ws));

    let bad = good
        .replace("end = \"2025-12-31\"", "end = \"2025-12-01\"")
        .replacen("percent = 50", "percent = 120", 1);
    assert_ne!(bad, good);
    let problems = ws.save_policy_toml("lebak-uji", &bad).expect("checked");
    let fields: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
    assert!(fields.contains(&"end"), "{problems:?}");
    assert!(fields.contains(&"caps[0].percent"), "{problems:?}");
    let line_of = |needle: &str| {
        bad.lines()
            .position(|l| l.starts_with(needle))
            .map(|i| i as u32 + 1)
    };
    let end = problems.iter().find(|p| p.field == "end").expect("end");
    assert_eq!(end.line, line_of("end ="), "{end:?}");
    let cap = problems
        .iter()
        .find(|p| p.field == "caps[0].percent")
        .expect("cap");
    assert!(cap.line.is_some(), "{cap:?}");
    assert!(cap.message.contains("120"), "{cap:?}");
    assert_eq!(
        ws.policy_toml("lebak-uji").expect("toml"),
        good,
        "nothing saved"
    );
    assert_eq!((entry(&ws, "lebak-uji"), audit_len(&ws)), before);

    // A TOML error names its line; a misspelt field is refused; another id is refused.
    let broken = good.replacen("number = ", "number = = ", 1);
    let problems = ws.save_policy_toml("lebak-uji", &broken).expect("checked");
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].line, line_of_in(&broken, "number ="));
    let misspelt = good.replacen("approval_required", "approval_requird", 1);
    let problems = ws
        .save_policy_toml("lebak-uji", &misspelt)
        .expect("checked");
    assert!(
        problems.iter().any(|p| p.field == "approval_requird"),
        "{problems:?}"
    );
    let other_id = good.replacen("id = \"lebak-uji\"", "id = \"lain\"", 1);
    let problems = ws
        .save_policy_toml("lebak-uji", &other_id)
        .expect("checked");
    assert_eq!(problems[0].field, "id");
    assert_eq!(problems[0].line, Some(1));
    assert_eq!((entry(&ws, "lebak-uji"), audit_len(&ws)), before);

    // A good edit is saved as the next revision.
    let edited = good.replacen("approval_required = false", "approval_required = true", 1);
    assert_ne!(edited, good, "the Lebak preset asks no approval");
    assert_eq!(
        ws.save_policy_toml("lebak-uji", &edited).expect("saved"),
        []
    );
    let e = entry(&ws, "lebak-uji");
    assert_eq!((e.revision, e.can_undo), (2, true));
    assert_eq!(ws.policy_toml("lebak-uji").expect("toml"), edited);
    let _ = std::fs::remove_dir_all(&dir);
}

fn line_of_in(text: &str, needle: &str) -> Option<u32> {
    text.lines()
        .position(|l| l.starts_with(needle))
        .map(|i| i as u32 + 1)
}

#[test]
fn presets_are_read_only() {
    let dir = scratch("book-presets");
    let ws = open(&dir);
    let toml = ws.policy_toml("lebak-2025-12").expect("a preset's toml");
    for err in [
        ws.save_policy_toml("lebak-2025-12", &toml)
            .expect_err("save"),
        ws.archive_policy("lebak-2025-12", true)
            .expect_err("archive"),
        ws.undo_policy("lebak-2025-12").expect_err("undo"),
    ] {
        assert_eq!(
            err.to_string(),
            "Preset tidak dapat diubah; buat salinannya dulu."
        );
    }
    // A new id named like a preset cannot be saved either.
    let err = ws.save_policy_toml("Lebak", &toml).expect_err("not an id");
    assert!(err.to_string().contains("huruf kecil"), "{err}");
    assert!(ws.policies(true).expect("list").len() == 5);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_last_edit_is_undone_and_archived_policies_leave_the_list() {
    let dir = scratch("book-undo");
    let ws = open(&dir);
    ws.new_policy_from(BLANK, "sukamaju-2026-06", "SE Sukamaju")
        .expect("created");
    let v1 = ws.policy_toml("sukamaju-2026-06").expect("toml");
    let v2 = v1.replace("[ISI: nomor Surat Edaran]", "800/12/BKPSDM/2026");
    assert_eq!(
        ws.save_policy_toml("sukamaju-2026-06", &v2).expect("saved"),
        []
    );
    let e = entry(&ws, "sukamaju-2026-06");
    assert!(e.title.ends_with("Nomor 800/12/BKPSDM/2026"), "{}", e.title);
    assert!(!e.to_fill.iter().any(|t| t.starts_with("nomor")));

    let undone = ws.undo_policy("sukamaju-2026-06").expect("undo");
    assert_eq!((undone.revision, undone.can_undo), (1, false));
    assert_eq!(ws.policy_toml("sukamaju-2026-06").expect("toml"), v1);
    let err = ws
        .undo_policy("sukamaju-2026-06")
        .expect_err("nothing to undo");
    assert!(err.to_string().contains("Belum ada perubahan"), "{err}");
    assert_eq!(
        ws.undo_policy("tidak-ada").expect_err("unknown").code(),
        ErrorCode::PolicyUnknown
    );

    let archived = ws
        .archive_policy("sukamaju-2026-06", true)
        .expect("archive");
    assert!(archived.archived);
    assert_eq!(ws.policies(false).expect("list").len(), 5);
    assert_eq!(ws.policies(true).expect("list").len(), 6);
    ws.archive_policy("sukamaju-2026-06", false)
        .expect("bring back");
    assert_eq!(ws.policies(false).expect("list").len(), 6);
    let audit = ws.history().expect("history").audit;
    assert!(audit.iter().any(|a| a.action == "batal_ubah_surat_edaran"));
    assert!(audit.iter().any(|a| a.detail.contains("diarsipkan")));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn export_then_import_round_trips() {
    let dir = scratch("book-export");
    let ws = open(&dir);
    ws.new_policy_from("rejang-lebong-2026", "rl-uji", "RL uji")
        .expect("created");
    let file = dir.join("keluar").join("rl-uji.toml");
    let saved = ws.export_policy("rl-uji", &file).expect("exported");
    assert_eq!(saved.path, file.display().to_string());
    let text = std::fs::read_to_string(&file).expect("written");
    assert_eq!(text, ws.policy_toml("rl-uji").expect("toml"));

    // Into another database: the same policy, named after its title.
    let other_dir = scratch("book-import");
    let other = open(&other_dir);
    let imported = other.import_policy(&file).expect("imported");
    assert_eq!(imported.id, "rl-uji");
    assert_eq!(imported.title, entry(&ws, "rl-uji").title);
    assert_eq!(other.policy_toml("rl-uji").expect("toml"), text);
    // The same content again changes nothing; other content under the same id is refused.
    let audits = audit_len(&other);
    assert_eq!(other.import_policy(&file).expect("same again").revision, 1);
    assert_eq!(audit_len(&other), audits);
    let changed = dir.join("berubah.toml");
    std::fs::write(
        &changed,
        text.replacen("approval_required = false", "approval_required = true", 1),
    )
    .expect("write");
    let err = other.import_policy(&changed).expect_err("id taken");
    assert!(err.to_string().contains("sudah dipakai"), "{err}");
    // A preset exported and imported is the preset itself; changed, it needs another id.
    let preset_file = dir.join("lebak.toml");
    other
        .export_policy("lebak-2025-12", &preset_file)
        .expect("export preset");
    assert!(other.import_policy(&preset_file).expect("preset").preset);
    std::fs::write(
        &preset_file,
        std::fs::read_to_string(&preset_file)
            .expect("read")
            .replacen("percent = 50", "percent = 60", 1),
    )
    .expect("write");
    let err = other.import_policy(&preset_file).expect_err("preset id");
    assert!(err.to_string().contains("kode preset"), "{err}");
    // An invalid file names its problems; a missing one its path.
    let bad = dir.join("rusak.toml");
    std::fs::write(&bad, text.replacen("percent = 50", "percent = 150", 1)).expect("write");
    let err = other.import_policy(&bad).expect_err("invalid");
    assert!(err.to_string().contains("percent"), "{err}");
    assert!(err.to_string().contains("baris"), "{err}");
    let err = other
        .import_policy(&dir.join("tidak-ada.toml"))
        .expect_err("missing");
    assert!(err.to_string().contains("tidak-ada.toml"), "{err}");
    assert_eq!(other.policies(true).expect("list").len(), 6);
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_dir_all(&other_dir);
}

fn quota_findings(ws: &Workspace) -> usize {
    ws.snapshot()
        .expect("a working set")
        .session
        .findings
        .iter()
        .filter(|f| f.code == FindingCode::WfaQuotaExceeded)
        .count()
}

fn fixture_files() -> Vec<InputFile> {
    let master = fixtures().join("master.xlsx");
    let paths: Vec<PathBuf> =
        inputs::gather(&[fixtures()], &[master]).expect("the import fixtures");
    inputs::read_all(&paths, Naming::FileName).expect("read")
}

/// BKPSDM schedules 3 of 5 ASN on WFA on 31 December: over Lebak's 50 % cap. Raising the cap
/// of the policy in use to 100 % takes that finding away at once and after a restart; undo
/// brings it back.
#[test]
fn editing_the_policy_in_use_revalidates_the_working_set() {
    let dir = scratch("book-in-use");
    let ws = open(&dir);
    ws.new_policy_from("lebak-2025-12", "lebak-uji", "Lebak uji")
        .expect("created");
    let policy = Policy::from_toml(&ws.policy_toml("lebak-uji").expect("toml")).expect("valid");
    let master =
        inputs::read_input(&fixtures().join("master.xlsx"), Naming::FileName).expect("master");
    ws.import_files(policy, Some(master), fixture_files(), None, &|_| {})
        .expect("imported");
    assert!(quota_findings(&ws) > 0, "BKPSDM is over the cap");
    assert!(entry(&ws, "lebak-uji").in_use);
    let imports = ws.history().expect("history").imports.len();
    let errors_before = ws.summary().expect("summary").errors;

    let raised = ws
        .policy_toml("lebak-uji")
        .expect("toml")
        .replace("percent = 50", "percent = 100");
    assert_eq!(
        ws.save_policy_toml("lebak-uji", &raised).expect("saved"),
        []
    );
    assert_eq!(quota_findings(&ws), 0, "the cap no longer bites");
    let summary = ws.summary().expect("summary");
    assert!(summary.errors < errors_before);
    assert_eq!(
        ws.snapshot().expect("snap").session.policy.caps[0].percent,
        100
    );
    let h = ws.history().expect("history");
    assert_eq!(
        h.imports.len(),
        imports + 1,
        "the re-validation is recorded"
    );
    assert_eq!(h.imports[0].files, 0);
    assert_eq!(h.imports[0].errors, summary.errors);
    drop(ws);

    let ws = open(&dir);
    assert_eq!(quota_findings(&ws), 0, "restored under the edited policy");
    assert_eq!(ws.summary().expect("summary"), summary);

    ws.undo_policy("lebak-uji").expect("undo");
    assert!(quota_findings(&ws) > 0, "the old cap is back");
    assert_eq!(ws.summary().expect("summary").errors, errors_before);
    drop(ws);
    let ws = open(&dir);
    assert!(quota_findings(&ws) > 0, "and stays after a restart");

    // A change that leaves the rules as they are (a comment) records no re-validation.
    let imports = ws.history().expect("history").imports.len();
    let text = ws.policy_toml("lebak-uji").expect("toml");
    assert_eq!(
        ws.save_policy_toml("lebak-uji", &format!("# catatan\n{text}"))
            .expect("saved"),
        []
    );
    assert_eq!(ws.history().expect("history").imports.len(), imports);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_unit_code_the_master_does_not_know_is_refused_and_nothing_saved() {
    let dir = scratch("book-unknown-unit");
    // The app's first start loads the demo regency: its master is the one in use.
    let ws = Workspace::for_app(&dir);
    ws.load();
    ws.new_policy_from("lebak-2025-12", "lebak-unit", "")
        .expect("created");
    let before = ws.policy_toml("lebak-unit").expect("toml");
    let mut form = ws.policy_json("lebak-unit").expect("form");
    form["schemes"] = serde_json::json!([{ "unit": "TIDAK-ADA", "caps": [], "piket_min": 2 }]);
    let problems = ws.save_policy_json("lebak-unit", form).expect("checked");
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].field, "schemes[0].unit");
    assert!(problems[0].message.contains("TIDAK-ADA"), "{problems:?}");
    assert_eq!(
        ws.policy_toml("lebak-unit").expect("toml"),
        before,
        "nothing saved"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
