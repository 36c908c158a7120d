//! Submissions over a period: re-sends stay active with their dates, the active set carries
//! what a restart needs, the versions of a unit, and taking one file out of the working set.

mod common;

use common::{day, import, sub, POLICY, POLICY_TOML};
use fleksi_store::{action, sha256_hex, NewFile, NewImport, Store};

#[test]
fn re_sends_stay_active_with_their_dates_and_count_up_versions() {
    let mut store = Store::open_in_memory().unwrap();
    // Unsorted with a repeat: stored sorted and once.
    let week1 = [day(3), day(1), day(2), day(1)];
    let fix = [day(2), day(3)];
    let week2 = [day(7), day(8)];
    let first = store
        .record_import(&import(vec![
            sub("disdik-minggu1.xlsx", b"disdik 1", Some("DISDIK"), &week1),
            sub("dinkes.xlsx", b"dinkes 1", Some("DINKES"), &week1),
        ]))
        .unwrap();
    let second = store
        .record_import(&import(vec![sub(
            "disdik-perbaikan.xlsx",
            b"disdik 2",
            Some("DISDIK"),
            &fix,
        )]))
        .unwrap();
    let third = store
        .record_import(&import(vec![
            sub("disdik-minggu2.xlsx", b"disdik 3", Some("DISDIK"), &week2),
            // Two files of one unit in one import: the second sees the first.
            sub("disdik-minggu2b.xlsx", b"disdik 4", Some(" DISDIK "), &[]),
        ]))
        .unwrap();

    let subs = store.active_submissions(POLICY).unwrap();
    let got: Vec<(&str, Option<&str>, u32)> = subs
        .iter()
        .map(|s| (s.name.as_str(), s.unit_code.as_deref(), s.version))
        .collect();
    assert_eq!(
        got,
        [
            ("disdik-minggu1.xlsx", Some("DISDIK"), 1),
            ("dinkes.xlsx", Some("DINKES"), 1),
            ("disdik-perbaikan.xlsx", Some("DISDIK"), 2),
            ("disdik-minggu2.xlsx", Some("DISDIK"), 3),
            ("disdik-minggu2b.xlsx", Some("DISDIK"), 4),
        ],
        "nothing is deactivated by a re-send"
    );
    assert_eq!(subs[0].dates, [day(1), day(2), day(3)]);
    assert_eq!(subs[2].dates, [day(2), day(3)]);
    assert!(subs[4].dates.is_empty());
    assert_eq!(
        [subs[0].import_id, subs[2].import_id, subs[3].import_id],
        [first, second, third]
    );
    let mut ids: Vec<i64> = subs.iter().map(|s| s.submission_id).collect();
    ids.dedup();
    assert_eq!(ids.len(), 5, "distinct submission ids");

    // The active set: same order, same ids, with bytes, dates and the latest policy/master.
    let set = store.active_set(POLICY).unwrap().unwrap();
    assert_eq!(set.latest_import, third);
    assert_eq!(set.policy_toml, POLICY_TOML);
    assert_eq!(set.master.bytes, b"master pegawai");
    assert_eq!(set.files.len(), 5);
    for (file, s) in set.files.iter().zip(&subs) {
        assert_eq!(file.submission_id, s.submission_id);
        assert_eq!(file.import_id, s.import_id);
        assert_eq!(file.imported_at, s.imported_at);
        assert_eq!(file.version, s.version);
        assert_eq!(file.unit_code, s.unit_code);
        assert_eq!(file.dates, s.dates);
        assert_eq!(file.file.name, s.name);
        assert_eq!(file.file.sha256, s.sha256);
        assert_eq!(file.file.id, s.file_id);
    }
    assert_eq!(set.files[2].file.bytes, b"disdik 2");
}

#[test]
fn active_set_carries_the_policy_of_the_latest_import() {
    let mut store = Store::open_in_memory().unwrap();
    store
        .record_import(&import(vec![sub("a.xlsx", b"a", Some("A"), &[day(1)])]))
        .unwrap();
    let newer_toml = "id = \"se-2026-wfa\"\nwfa_max_share = 0.4\n";
    let latest = store
        .record_import(&NewImport {
            policy_toml: newer_toml,
            master: NewFile {
                name: "master-baru.xlsx",
                bytes: b"master baru",
            },
            ..import(vec![])
        })
        .unwrap();
    let set = store.active_set(POLICY).unwrap().unwrap();
    assert_eq!(set.policy_toml, newer_toml);
    assert_eq!(set.latest_import, latest);
    assert_eq!(set.master.name, "master-baru.xlsx");
    assert_eq!(
        set.files.len(),
        1,
        "an import without files keeps the others"
    );
}

#[test]
fn unit_history_lists_active_versions_in_order() {
    let mut store = Store::open_in_memory().unwrap();
    let dates = [day(1), day(2)];
    store
        .record_import(&import(vec![
            sub("disdik.xlsx", b"disdik 1", Some("DISDIK"), &dates),
            sub("dinkes.xlsx", b"dinkes 1", Some("DINKES"), &dates),
            sub("tanpa-unit.xlsx", b"?", None, &dates),
        ]))
        .unwrap();
    let second = store
        .record_import(&import(vec![sub(
            "disdik-2.xlsx",
            b"disdik 2",
            Some("DISDIK"),
            &[day(2)],
        )]))
        .unwrap();
    store
        .record_import(&NewImport {
            policy_id: "kebijakan-lain",
            ..import(vec![sub("disdik.xlsx", b"lain", Some("DISDIK"), &[])])
        })
        .unwrap();

    let history = store.unit_history(POLICY, "DISDIK").unwrap();
    assert_eq!(history.len(), 2);
    let v2 = &history[1];
    assert_eq!(v2.version, 2);
    assert_eq!(v2.import_id, second);
    assert_eq!(v2.name, "disdik-2.xlsx");
    assert_eq!(v2.sha256, sha256_hex(b"disdik 2"));
    assert_eq!(store.file(v2.file_id).unwrap().bytes, b"disdik 2");
    assert_eq!(v2.dates, [day(2)]);
    assert_eq!((v2.errors, v2.warnings), (1, 2));
    assert!(chrono::DateTime::parse_from_rfc3339(&v2.imported_at).is_ok());
    assert_eq!(history[0].version, 1);
    assert_eq!(history[0].dates, dates);
    assert_eq!(
        store.unit_history(POLICY, " DISDIK ").unwrap(),
        history,
        "code trimmed like stored"
    );
    assert!(store.unit_history(POLICY, "BAPPEDA").unwrap().is_empty());
    assert_eq!(
        store
            .unit_history("kebijakan-lain", "DISDIK")
            .unwrap()
            .len(),
        1
    );

    assert_eq!(
        store.units_with_history(POLICY).unwrap(),
        [("DINKES".to_string(), 1), ("DISDIK".to_string(), 2)],
        "ordered by code, files without a unit left out"
    );
    assert!(store.units_with_history("tidak-ada").unwrap().is_empty());

    store.clear_active(POLICY).unwrap();
    assert!(store.unit_history(POLICY, "DISDIK").unwrap().is_empty());
    assert!(store.units_with_history(POLICY).unwrap().is_empty());
}

#[test]
fn deactivate_submission_takes_one_file_out_and_is_audited() {
    let mut store = Store::open_in_memory().unwrap();
    store
        .record_import(&import(vec![
            sub("disdik.xlsx", b"disdik 1", Some("DISDIK"), &[day(1)]),
            sub(
                "disdik-salah.xlsx",
                b"disdik salah",
                Some("DISDIK"),
                &[day(1)],
            ),
            sub("dinkes.xlsx", b"dinkes 1", Some("DINKES"), &[day(1)]),
        ]))
        .unwrap();
    let wrong = store.unit_history(POLICY, "DISDIK").unwrap()[1].clone();
    assert_eq!(wrong.name, "disdik-salah.xlsx");
    let audit_before = store.audit(100).unwrap().len();

    assert!(store.deactivate_submission(wrong.submission_id).unwrap());
    let names: Vec<String> = store
        .active_set(POLICY)
        .unwrap()
        .unwrap()
        .files
        .into_iter()
        .map(|f| f.file.name)
        .collect();
    assert_eq!(names, ["disdik.xlsx", "dinkes.xlsx"]);
    assert_eq!(store.unit_history(POLICY, "DISDIK").unwrap().len(), 1);
    assert_eq!(
        store.file(wrong.file_id).unwrap().bytes,
        b"disdik salah",
        "bytes stay stored"
    );
    let entry = &store.audit(1).unwrap()[0];
    assert_eq!(entry.action, action::DEACTIVATE);
    assert!(
        entry.detail.contains("\u{201c}disdik-salah.xlsx\u{201d}")
            && entry.detail.contains("DISDIK")
            && entry.detail.contains(POLICY),
        "{}",
        entry.detail
    );

    // Already out, or unknown: nothing written.
    assert!(!store.deactivate_submission(wrong.submission_id).unwrap());
    assert!(!store.deactivate_submission(9999).unwrap());
    assert_eq!(store.audit(100).unwrap().len(), audit_before + 1);

    // The next send counts the active versions only.
    store
        .record_import(&import(vec![sub(
            "disdik-benar.xlsx",
            b"disdik benar",
            Some("DISDIK"),
            &[day(1)],
        )]))
        .unwrap();
    let versions: Vec<u32> = store
        .unit_history(POLICY, "DISDIK")
        .unwrap()
        .iter()
        .map(|v| v.version)
        .collect();
    assert_eq!(versions, [1, 2]);
}
