//! The app and another program (`fleksi db import` in a terminal) on one database: when the
//! other records an import while the app is open, the app's next write reads the set again
//! and joins it — both programs' files stay in the working set, nothing is refused, and a
//! restart sees the same set.

mod common;

use common::*;
use fleksi_workspace::Workspace;

fn units(ws: &Workspace) -> Vec<String> {
    let mut units: Vec<String> = ws
        .summary()
        .expect("a working set")
        .files
        .iter()
        .filter_map(|f| f.unit_code.clone())
        .collect();
    units.sort();
    units
}

#[test]
fn an_import_by_another_program_is_joined_not_refused() {
    let dir = scratch("other-writer");
    let db = dir.join("fleksi.sqlite3");
    let fx = fixtures();
    let master = fx.join("master.xlsx");
    let policy = "lebak-2025-12";
    let app = Workspace::new(db.clone(), None);
    app.load();
    app.import(
        &request(policy, Some(&master), &[fx.join("diskominfo.xlsx")]),
        &|_| {},
    )
    .expect("the app's first import");
    let mine = units(&app);
    assert_eq!(mine.len(), 1, "{mine:?}");

    // Another program on the same database, while the app stays open.
    let other = Workspace::new(db.clone(), None);
    other.load();
    other
        .import(&request(policy, None, &[fx.join("bkpsdm.xls")]), &|_| {})
        .expect("the other program's import");
    let theirs = units(&other);
    assert_eq!(theirs.len(), 2, "{theirs:?}");
    assert_eq!(units(&app), mine, "the app has not looked yet");

    // The app imports on its old view: it reads the set again first.
    app.import(&request(policy, None, &[fx.join("dinkes.csv")]), &|_| {})
        .expect("joined, not refused as stale");
    let all = units(&app);
    assert_eq!(all.len(), 3, "{all:?}");
    for u in &theirs {
        assert!(all.contains(u), "{u} from the other program kept: {all:?}");
    }

    // Removing a file also builds on the fresh set: the other program adds a fourth file,
    // the app removes its own first file; the other's files stay.
    other
        .import(
            &request(policy, None, &[fx.join("bapelitbangda.csv")]),
            &|_| {},
        )
        .expect("the other program's second import");
    let first = app
        .snapshot()
        .expect("set")
        .session
        .files
        .iter()
        .find(|f| f.name == "diskominfo.xlsx")
        .and_then(|f| f.stored.as_ref().map(|s| s.submission_id))
        .expect("diskominfo stored");
    app.remove_file(first).expect("removed");
    let left = units(&app);
    assert_eq!(left.len(), 3, "{left:?}");
    assert!(!left.contains(&mine[0]), "{left:?}");

    let restarted = Workspace::new(db, None);
    restarted.load();
    assert_eq!(units(&restarted), left, "a restart sees the same set");
    let _ = std::fs::remove_dir_all(&dir);
}
