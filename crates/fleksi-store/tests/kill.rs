//! Kill safety: an import killed at any moment leaves the database exactly as before it or
//! exactly as after it. This test binary runs itself again as a child process that records a
//! large import into a database file; the parent kills the child after various delays, then
//! opens the file and compares it with the two possible states.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{counts, import, scratch, sub, POLICY, POLICY_TOML};
use fleksi_core::finding::{Finding, FindingCode};
use fleksi_store::{NewFile, NewImport, NewSubmission, Store};

/// Set (to the database path) only in the child process.
const CHILD_DB: &str = "FLEKSI_STORE_KILL_CHILD_DB";
/// The child's test, run by exact name.
const CHILD_TEST: &str = "child_records_a_large_import";
/// Printed by the child right before `record_import`, and right after it returns.
const STARTED: &str = "IMPOR-MULAI";
const DONE: &str = "IMPOR-SELESAI";

/// The child's import: 48 schedule files of 1 MiB of random bytes and 5,000 findings.
const FILES: usize = 48;
const FILE_SIZE: usize = 1 << 20;
const FINDINGS: usize = 5_000;

/// Incompressible bytes (xorshift64*), different per seed.
fn random_bytes(seed: u64, len: usize) -> Vec<u8> {
    let mut state = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let mut out = Vec::with_capacity(len + 8);
    while out.len() < len {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        out.extend_from_slice(&state.wrapping_mul(0x2545_F491_4F6C_DD1D).to_le_bytes());
    }
    out.truncate(len);
    out
}

/// The child: records the large import into the database named by [`CHILD_DB`]. Does nothing
/// in an ordinary test run (also not with `--include-ignored`).
#[test]
#[ignore = "child process of an_import_killed_at_any_moment_is_all_or_nothing"]
fn child_records_a_large_import() {
    let Some(db) = std::env::var_os(CHILD_DB) else {
        return;
    };
    let blobs: Vec<Vec<u8>> = (0..FILES)
        .map(|i| random_bytes(i as u64 + 1, FILE_SIZE))
        .collect();
    let names: Vec<String> = (0..FILES).map(|i| format!("unit-{i:02}.xlsx")).collect();
    let codes: Vec<String> = (0..FILES).map(|i| format!("UNIT{i:02}")).collect();
    let findings: Vec<Finding> = (0..FINDINGS)
        .map(|i| {
            let code = FindingCode::ALL[i % FindingCode::ALL.len()];
            Finding::new(
                code,
                format!("Temuan nomor {i}"),
                "Perbaiki lalu kirim ulang",
            )
            .in_file(&names[i % FILES])
        })
        .collect();
    let files: Vec<NewSubmission> = (0..FILES)
        .map(|i| NewSubmission {
            file: NewFile {
                name: &names[i],
                bytes: &blobs[i],
            },
            unit_code: Some(&codes[i]),
            layout: Some("grid"),
            rows: 300,
            errors: 2,
            warnings: 1,
            readable: true,
            dates: &[],
        })
        .collect();
    let master = random_bytes(999, FILE_SIZE);
    let mut store = Store::open(Path::new(&db)).expect("child opens the database");

    let mut stdout = std::io::stdout();
    writeln!(stdout, "{STARTED}").unwrap();
    stdout.flush().unwrap();
    let start = Instant::now();
    store
        .record_import(&NewImport {
            policy_id: POLICY,
            policy_toml: POLICY_TOML,
            master: NewFile {
                name: "master-besar.xlsx",
                bytes: &master,
            },
            files,
            findings: &findings,
            fresh: false,
            retire: &[],
        })
        .expect("child import");
    writeln!(stdout, "{DONE} {}", start.elapsed().as_millis()).unwrap();
    stdout.flush().unwrap();
}

/// A command running the child test against `db`.
fn child(db: &Path) -> Command {
    let exe = std::env::current_exe().expect("path of this test binary");
    let mut cmd = Command::new(exe);
    cmd.args([
        "--exact",
        CHILD_TEST,
        "--ignored",
        "--nocapture",
        "--test-threads=1",
    ])
    .env(CHILD_DB, db)
    .stdout(Stdio::piped())
    .stderr(Stdio::null());
    cmd
}

/// A copy of the base database for one run.
fn fresh_copy(base: &Path, dir: &Path, run: &str) -> PathBuf {
    let db = dir.join(format!("lari-{run}.sqlite3"));
    std::fs::copy(base, &db).expect("copy base database");
    db
}

/// Removes a run's database with its WAL and shared-memory files.
fn remove_db(db: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let mut name = db.as_os_str().to_owned();
        name.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(name));
    }
}

#[test]
fn an_import_killed_at_any_moment_is_all_or_nothing() {
    let dir = scratch("kill");
    let base = dir.join("dasar.sqlite3");
    {
        let mut store = Store::open(&base).unwrap();
        store
            .record_import(&import(vec![sub("awal.xlsx", b"awal", Some("AWAL"), &[])]))
            .unwrap();
    } // closed cleanly: everything is in the main file, no -wal left
    let before = counts(&base);
    assert!(before.1, "base integrity");

    // One run left alone gives the after-state.
    let db = fresh_copy(&base, &dir, "utuh");
    let out = child(&db).output().expect("run the child");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success() && stdout.contains(DONE), "{stdout}");
    let import_ms: u64 = stdout
        .lines()
        .find_map(|l| l.strip_prefix(DONE))
        .and_then(|ms| ms.trim().parse().ok())
        .expect("duration printed");
    let after = counts(&db);
    remove_db(&db);
    let added = [1, FILES as i64, FILES as i64 + 1, FINDINGS as i64, 1];
    let expected: Vec<(String, i64)> = before
        .0
        .iter()
        .zip(added)
        .map(|((table, n), more)| (table.clone(), n + more))
        .collect();
    assert_eq!(after, (expected, true), "complete import");

    let mut midway = Vec::new();
    let mut completed = Vec::new();
    // The later delays tend to land after the commit, in the WAL checkpoint that follows it
    // inside `record_import`: the after-state, though the child never reported it.
    for delay in [5u64, 20, 50, 100, 200, 400, 800] {
        let db = fresh_copy(&base, &dir, &delay.to_string());
        let mut process = child(&db).spawn().expect("start the child");
        let mut out = BufReader::new(process.stdout.take().expect("piped stdout"));
        let mut line = String::new();
        loop {
            line.clear();
            let n = out.read_line(&mut line).expect("read child output");
            assert!(n > 0, "child ended before starting the import");
            // libtest may print "test … ... " on the same line first.
            if line.contains(STARTED) {
                break;
            }
        }
        std::thread::sleep(Duration::from_millis(delay));
        // An error here only means the child finished already.
        let _ = process.kill();
        process.wait().expect("reap the child");
        let mut rest = String::new();
        let _ = out.read_to_string(&mut rest);
        let finished = rest.contains(DONE);

        // The app's way in first (recovers the WAL), then a raw look.
        drop(Store::open(&db).expect("killed database opens"));
        let got = counts(&db);
        remove_db(&db);
        assert!(got.1, "integrity_check after a kill at {delay} ms");
        if got == before {
            assert!(
                !finished,
                "import reported done but not stored ({delay} ms)"
            );
            midway.push(delay);
        } else {
            assert_eq!(
                got, after,
                "neither before nor after the import ({delay} ms)"
            );
            completed.push((delay, finished));
        }
    }
    eprintln!(
        "full import {import_ms} ms; killed midway at {midway:?} ms; completed at {completed:?} \
         (ms, whether the child had reported it)"
    );
    assert!(
        !midway.is_empty(),
        "no kill landed during the import ({import_ms} ms): make it larger"
    );
}
