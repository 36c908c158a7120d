//! Two writers on one database (the app and `fleksi db …` in a terminal): their writes are
//! serialized by SQLite's busy timeout — every write of both lands, none fails for the lock —
//! an import recorded on a view of the working set that the other writer has changed since is
//! refused (so the other's files are never dropped) and lands once the view is read again, and
//! a writer that waits longer than the timeout is refused in Indonesian with nothing changed.

mod common;

use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

use common::*;
use fleksi_store::{Store, StoreError};
use rusqlite::Connection;

const ROUNDS: usize = 15;

#[test]
fn two_connections_writing_at_once_are_serialized() {
    let dir = scratch("writers-both");
    let path = dir.join("fleksi.sqlite3");
    drop(Store::open(&path).unwrap());
    let start = Arc::new(Barrier::new(2));
    let writers: Vec<_> = ["app", "cli"]
        .into_iter()
        .map(|who| {
            let (path, start) = (path.clone(), Arc::clone(&start));
            std::thread::spawn(move || {
                let mut store = Store::open(&path).expect("each writer opens");
                start.wait();
                let mut stale = 0;
                for i in 0..ROUNDS {
                    let name = format!("{who}-{i}.xlsx");
                    let bytes = format!("{who} {i} {}", "x".repeat(20_000));
                    let unit = format!("{who}{i}").to_uppercase();
                    // As the workspace does: read the set, then record; a stale view is
                    // refused and read again.
                    loop {
                        store.active_set(POLICY).expect("read the set");
                        match store.record_import(&import(vec![sub(
                            &name,
                            bytes.as_bytes(),
                            Some(&unit),
                            &[],
                        )])) {
                            Ok(_) => break,
                            Err(StoreError::Changed) => stale += 1,
                            Err(e) => panic!("{who} import {i}: {e}"),
                        }
                    }
                    let id = format!("{who}-se-{i}");
                    store
                        .save_policy(&id, &id, POLICY_TOML, None)
                        .unwrap_or_else(|e| panic!("{who} policy {i}: {e}"));
                    store
                        .set_setting(&format!("{who}.putaran"), &i.to_string())
                        .unwrap_or_else(|e| panic!("{who} setting {i}: {e}"));
                }
                stale
            })
        })
        .collect();
    let stale: usize = writers
        .into_iter()
        .map(|w| w.join().expect("a writer failed"))
        .sum();
    eprintln!("imports refused on a stale view and read again: {stale}");
    let store = Store::open(&path).unwrap();
    assert_eq!(store.imports(1000).unwrap().len(), 2 * ROUNDS);
    assert_eq!(store.policies(true).unwrap().len(), 2 * ROUNDS);
    assert_eq!(
        store.setting("app.putaran").unwrap().as_deref(),
        Some(&*(ROUNDS - 1).to_string())
    );
    let (_, ok) = counts(&path);
    assert!(ok, "integrity");
}

#[test]
fn a_writer_locked_out_longer_than_the_timeout_is_refused_and_changes_nothing() {
    let dir = scratch("writers-busy");
    let path = dir.join("fleksi.sqlite3");
    let mut store = Store::open(&path).unwrap();
    store
        .record_import(&import(vec![sub("awal.xlsx", b"awal", Some("AWAL"), &[])]))
        .unwrap();
    let before = dump(&path);
    // The other program holds the write lock for longer than the busy timeout (5 s).
    let other = Connection::open(&path).unwrap();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();
    let t = Instant::now();
    let err = store
        .save_policy("se-baru", "SE baru", POLICY_TOML, None)
        .expect_err("locked out");
    let waited = t.elapsed();
    other.execute_batch("ROLLBACK").unwrap();
    assert!(matches!(err, StoreError::Busy { seconds: 5 }), "{err:?}");
    assert!(
        err.to_string()
            .starts_with("Basis data sedang dipakai oleh program Fleksi lain"),
        "{err}"
    );
    assert!(
        waited >= Duration::from_millis(4_500),
        "it waited for the other writer first ({waited:?})"
    );
    assert_eq!(dump(&path), before, "nothing changed");
    // Once the other writer is done, the same write goes through.
    store
        .save_policy("se-baru", "SE baru", POLICY_TOML, None)
        .unwrap();
}

#[test]
fn an_import_on_a_stale_view_is_refused_and_drops_nothing() {
    let dir = scratch("writers-stale");
    let path = dir.join("fleksi.sqlite3");
    let mut app = Store::open(&path).unwrap();
    app.active_set(POLICY).unwrap();
    // The CLI imports while the app still shows the set it read.
    let mut cli = Store::open(&path).unwrap();
    cli.record_import(&import(vec![sub("cli.xlsx", b"cli", Some("CLI"), &[])]))
        .unwrap();
    let before = dump(&path);
    let mut fresh = import(vec![sub("app.xlsx", b"app", Some("APP"), &[])]);
    fresh.fresh = true; // a new set: on the stale view it would retire the CLI's file
    let err = app.record_import(&fresh).expect_err("stale view");
    assert!(matches!(err, StoreError::Changed), "{err:?}");
    assert!(
        err.to_string()
            .starts_with("Basis data telah diubah oleh program Fleksi lain"),
        "{err}"
    );
    assert_eq!(dump(&path), before, "nothing changed");
    // Read again: the CLI's file is in the view, and the import goes through.
    let set = app.active_set(POLICY).unwrap().expect("the CLI's set");
    assert_eq!(set.files.len(), 1);
    app.record_import(&import(vec![sub("app.xlsx", b"app", Some("APP"), &[])]))
        .unwrap();
    assert_eq!(app.active_set(POLICY).unwrap().expect("set").files.len(), 2);
}
