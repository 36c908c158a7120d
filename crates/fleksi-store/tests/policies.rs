//! The clerk's own policies in the store: saved, listed, archived, every earlier text kept
//! and the last edit undone, each step audited; a save together with the re-validated working
//! set is all or nothing.

mod common;

use common::*;
use fleksi_store::{action, NewFile, NewImport, NewPolicy, Store, StoreError};

const V1: &str = "id = \"sukamaju-2026-06\"\nnumber = \"[ISI: nomor]\"\n";
const V2: &str = "id = \"sukamaju-2026-06\"\nnumber = \"800/12/2026\"\n";
const V3: &str = "id = \"sukamaju-2026-06\"\nnumber = \"800/13/2026\"\n";

#[test]
fn saves_lists_and_reads_back_across_a_reopen() {
    let dir = scratch("policies-save");
    let path = dir.join("fleksi.sqlite3");
    {
        let mut store = Store::open(&path).unwrap();
        assert_eq!(
            store
                .save_policy("sukamaju-2026-06", "SE Sukamaju Juni", V1, None)
                .unwrap(),
            1
        );
        assert_eq!(
            store
                .save_policy(
                    "bekasi-salinan",
                    "Bekasi (salinan)",
                    "id = 'b'",
                    Some("kab-bekasi-2025-03")
                )
                .unwrap(),
            1
        );
    }
    let store = Store::open(&path).unwrap();
    let p = store.policy("sukamaju-2026-06").unwrap().expect("stored");
    assert_eq!(p.name, "SE Sukamaju Juni");
    assert_eq!(p.toml, V1);
    assert_eq!(p.source, None);
    assert!(!p.archived);
    assert_eq!(p.revision, 1);
    assert!(!p.can_undo());
    assert_eq!(p.created_at, p.updated_at);
    let list = store.policies(false).unwrap();
    let ids: Vec<&str> = list.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["bekasi-salinan", "sukamaju-2026-06"], "by name");
    assert_eq!(list[0].source.as_deref(), Some("kab-bekasi-2025-03"));
    assert_eq!(store.policy("tidak-ada").unwrap(), None);
    let audit = store.audit(10).unwrap();
    assert_eq!(audit.len(), 2);
    assert!(audit.iter().all(|a| a.action == action::POLICY_SAVE));
    assert!(
        audit[1].detail.starts_with(
            "Surat Edaran \u{201c}SE Sukamaju Juni\u{201d} (sukamaju-2026-06) disimpan"
        ),
        "{}",
        audit[1].detail
    );
}

#[test]
fn every_change_keeps_the_previous_text_and_undo_restores_it() {
    let mut store = Store::open_in_memory().unwrap();
    let id = "sukamaju-2026-06";
    assert_eq!(
        store
            .save_policy(id, "Sukamaju", V1, Some("lebak-2025-12"))
            .unwrap(),
        1
    );
    assert_eq!(store.save_policy(id, "Sukamaju", V2, None).unwrap(), 2);
    // The same text again changes nothing (no revision, no audit entry).
    let audits = store.audit(100).unwrap().len();
    assert_eq!(store.save_policy(id, "Sukamaju", V2, None).unwrap(), 2);
    assert_eq!(store.audit(100).unwrap().len(), audits);
    // A new name alone is written without a revision.
    assert_eq!(store.save_policy(id, "SE Sukamaju", V2, None).unwrap(), 2);
    assert_eq!(store.policy(id).unwrap().unwrap().name, "SE Sukamaju");
    assert_eq!(store.save_policy(id, "SE Sukamaju", V3, None).unwrap(), 3);

    let p = store.policy(id).unwrap().unwrap();
    assert_eq!((p.toml.as_str(), p.revision), (V3, 3));
    assert_eq!(
        p.source.as_deref(),
        Some("lebak-2025-12"),
        "kept from the first save"
    );
    assert!(p.can_undo());
    let kept: Vec<(u32, &str)> = store
        .policy_revisions(id)
        .unwrap()
        .iter()
        .map(|r| (r.seq, if r.toml == V1 { "v1" } else { "v2" }))
        .collect();
    assert_eq!(kept, [(1, "v1"), (2, "v2")]);

    assert_eq!(store.undo_policy(id).unwrap().as_deref(), Some(V2));
    let p = store.policy(id).unwrap().unwrap();
    assert_eq!((p.toml.as_str(), p.revision), (V2, 2));
    let last = &store.audit(1).unwrap()[0];
    assert_eq!(last.action, action::POLICY_UNDO);
    assert!(
        last.detail.contains("kembali ke revisi 2"),
        "{}",
        last.detail
    );
    assert_eq!(store.undo_policy(id).unwrap().as_deref(), Some(V1));
    assert_eq!(store.undo_policy(id).unwrap(), None, "nothing left to undo");
    assert_eq!(store.policy(id).unwrap().unwrap().revision, 1);
    assert!(store.policy_revisions(id).unwrap().is_empty());
    // Saving after an undo numbers on from the current revision.
    assert_eq!(store.save_policy(id, "SE Sukamaju", V3, None).unwrap(), 2);
    assert!(matches!(
        store.undo_policy("tidak-ada"),
        Err(StoreError::PolicyNotFound(_))
    ));
}

#[test]
fn archived_policies_leave_the_list_until_brought_back() {
    let mut store = Store::open_in_memory().unwrap();
    store.save_policy("a", "A", "id = 'a'", None).unwrap();
    store.save_policy("b", "B", "id = 'b'", None).unwrap();
    store.archive_policy("a", true).unwrap();
    let ids = |store: &Store, all: bool| -> Vec<String> {
        store
            .policies(all)
            .unwrap()
            .into_iter()
            .map(|p| p.id)
            .collect()
    };
    assert_eq!(ids(&store, false), ["b"]);
    assert_eq!(ids(&store, true), ["a", "b"]);
    assert!(store.policy("a").unwrap().unwrap().archived);
    let last = &store.audit(1).unwrap()[0];
    assert_eq!(last.action, action::POLICY_ARCHIVE);
    assert_eq!(
        last.detail,
        "Surat Edaran \u{201c}A\u{201d} (a) diarsipkan."
    );
    // Archiving again writes nothing.
    store.archive_policy("a", true).unwrap();
    assert_eq!(store.audit(1).unwrap()[0], *last);
    store.archive_policy("a", false).unwrap();
    assert_eq!(ids(&store, false), ["a", "b"]);
    assert!(store.audit(1).unwrap()[0]
        .detail
        .ends_with("dikembalikan dari arsip."));
    let err = store.archive_policy("c", true).unwrap_err();
    assert!(matches!(err, StoreError::PolicyNotFound(ref id) if id == "c"));
    assert_eq!(
        err.to_string(),
        "Surat Edaran \u{201c}c\u{201d} tidak ada di basis data."
    );
}

/// The working set re-validated under the new text: the import row carries the policy text
/// the set is restored with; when that write fails, the policy is not saved either.
#[test]
fn a_save_with_the_revalidated_set_is_all_or_nothing() {
    let mut store = Store::open_in_memory().unwrap();
    store
        .record_import(&import(vec![sub("a.xlsx", b"a", Some("A"), &[day(1)])]))
        .unwrap();
    store.save_policy(POLICY, "SE", POLICY_TOML, None).unwrap();
    let edited = "id = \"se-2026-wfa\"\nwfa_max_share = 1.0\n";
    let revalidated = |policy_id: &'static str| NewImport {
        policy_id,
        policy_toml: edited,
        master: NewFile {
            name: "master.xlsx",
            bytes: b"master pegawai",
        },
        files: Vec::new(),
        findings: &[],
        fresh: false,
        retire: &[],
    };
    let policy = NewPolicy {
        id: POLICY,
        name: "SE",
        toml: edited,
        source: None,
    };
    let before = (store.audit(100).unwrap(), store.imports(10).unwrap());
    // An import row without a policy id breaks a CHECK: the policy stays as it was.
    store
        .save_policy_revalidated(&policy, &revalidated(""))
        .expect_err("the import row is refused");
    assert_eq!(store.policy(POLICY).unwrap().unwrap().toml, POLICY_TOML);
    assert_eq!(
        (store.audit(100).unwrap(), store.imports(10).unwrap()),
        before
    );

    let (revision, import_id) = store
        .save_policy_revalidated(&policy, &revalidated(POLICY))
        .unwrap();
    assert_eq!(revision, 2);
    let set = store.active_set(POLICY).unwrap().unwrap();
    assert_eq!(set.latest_import, import_id);
    assert_eq!(set.policy_toml, edited);
    assert_eq!(set.files.len(), 1, "the files stay active");

    let (toml, undo_import) = store
        .undo_policy_revalidated(
            POLICY,
            &NewImport {
                policy_toml: POLICY_TOML,
                ..revalidated(POLICY)
            },
        )
        .unwrap()
        .expect("one edit to undo");
    assert_eq!(toml, POLICY_TOML);
    let set = store.active_set(POLICY).unwrap().unwrap();
    assert_eq!(
        (set.latest_import, set.policy_toml.as_str()),
        (undo_import, POLICY_TOML)
    );
    // Nothing to undo: no import row either.
    let imports = store.imports(10).unwrap().len();
    assert_eq!(
        store
            .undo_policy_revalidated(POLICY, &revalidated(POLICY))
            .unwrap(),
        None
    );
    assert_eq!(store.imports(10).unwrap().len(), imports);
}
