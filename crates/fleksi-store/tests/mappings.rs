//! Column mappings: a unit's mapping is remembered with the import that used it, in the same
//! transaction (a refused import remembers nothing), listed, replaced, removed and audited;
//! the mapping each file was read with stays by its bytes.

mod common;

use common::{counts, import, scratch, sub, POLICY};
use fleksi_store::{action, MappingWrite, Store, StoreError};

const SHA_A: &str = "a3f1c2d4e5b6a7980112233445566778899aabbccddeeff00112233445566778";

#[test]
fn a_mapping_is_remembered_with_its_import_listed_and_removed() {
    let dir = scratch("mappings");
    let mut store = Store::open(&dir.join("fleksi.sqlite3")).unwrap();
    assert!(store.column_mappings().unwrap().is_empty());
    let files = [(SHA_A, r#"{"header_row":7}"#)];
    let write = MappingWrite {
        files: &files,
        remember: Some((
            "BAPELITBANGDA",
            r#"{"header_row":7}"#,
            "Pemetaan kolom untuk BAPELITBANGDA disimpan.",
        )),
    };
    store
        .record_import_mapped(
            &import(vec![sub("rencana.xlsx", b"r1", Some("BAPELITBANGDA"), &[])]),
            &write,
        )
        .unwrap();
    let listed = store.column_mappings().unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].unit_code, "BAPELITBANGDA");
    assert_eq!(listed[0].mapping, r#"{"header_row":7}"#);
    assert_eq!(
        store.file_mappings().unwrap(),
        [(SHA_A.to_string(), r#"{"header_row":7}"#.to_string())]
    );
    let audit = store.audit(5).unwrap();
    assert!(audit
        .iter()
        .any(|a| a.action == action::MAPPING_SAVE && a.detail.contains("BAPELITBANGDA")));

    // Saving again replaces the unit's mapping.
    let again = MappingWrite {
        files: &[],
        remember: Some(("BAPELITBANGDA", r#"{"header_row":8}"#, "lagi")),
    };
    store
        .record_import_mapped(
            &import(vec![sub(
                "rencana2.xlsx",
                b"r2",
                Some("BAPELITBANGDA"),
                &[],
            )]),
            &again,
        )
        .unwrap();
    let listed = store.column_mappings().unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].mapping, r#"{"header_row":8}"#);

    assert!(store
        .remove_column_mapping(
            "BAPELITBANGDA",
            "Pemetaan kolom untuk BAPELITBANGDA dihapus."
        )
        .unwrap());
    assert!(store.column_mappings().unwrap().is_empty());
    assert!(!store.remove_column_mapping("BAPELITBANGDA", "x").unwrap());
    assert_eq!(store.audit(1).unwrap()[0].action, action::MAPPING_REMOVE);
    // The file keeps the mapping it was read with.
    assert_eq!(store.file_mappings().unwrap().len(), 1);
    assert_eq!(store.active_set(POLICY).unwrap().unwrap().files.len(), 2);
}

#[test]
fn a_refused_import_remembers_no_mapping() {
    let dir = scratch("mappings-refused");
    let path = dir.join("fleksi.sqlite3");
    let mut store = Store::open(&path).unwrap();
    store
        .record_import(&import(vec![sub("a.xlsx", b"a", Some("X"), &[])]))
        .unwrap();
    // Another connection records an import: this one's next import is refused.
    Store::open(&path)
        .unwrap()
        .record_import(&import(vec![sub("b.xlsx", b"b", Some("X"), &[])]))
        .unwrap();
    let before = counts(&path);
    let files = [(SHA_A, "{}")];
    let write = MappingWrite {
        files: &files,
        remember: Some(("X", "{}", "Pemetaan kolom untuk X disimpan.")),
    };
    let err = store
        .record_import_mapped(&import(vec![sub("c.xlsx", b"c", Some("X"), &[])]), &write)
        .expect_err("stale writer refused");
    assert!(matches!(err, StoreError::Changed), "{err}");
    assert!(store.column_mappings().unwrap().is_empty());
    assert!(store.file_mappings().unwrap().is_empty());
    assert_eq!(counts(&path), before);
}
