//! Kill safety: an import, a policy save (with the re-validated working set) or a backup
//! killed at any moment leaves the database intact (`PRAGMA integrity_check` ok) and exactly
//! as before the write or exactly as after it; a killed backup leaves no file under the
//! backup's name, or a complete one. This test binary runs itself again as a child process
//! that does one write into a database file; the parent kills it at 100 seeded random points
//! (a random sleep before SIGKILL, spread over each write's measured duration), then opens
//! the file and compares its content with the two possible states.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{import, scratch, sub, POLICY, POLICY_TOML};
use fleksi_core::finding::{Finding, FindingCode};
use fleksi_store::{NewFile, NewImport, NewPolicy, NewSubmission, Store};
use rusqlite::types::Value;
use rusqlite::Connection;
use sha2::{Digest, Sha256};

/// Set (to the database path) only in the child process.
const CHILD_DB: &str = "FLEKSI_STORE_KILL_CHILD_DB";
/// Which write the child does: `import`, `policy` or `backup`.
const CHILD_OP: &str = "FLEKSI_STORE_KILL_CHILD_OP";
/// The child's test, run by exact name.
const CHILD_TEST: &str = "child_does_one_write";
/// Printed by the child right before the write, and right after it returns.
const STARTED: &str = "TULIS-MULAI";
const DONE: &str = "TULIS-SELESAI";

/// The child's import: 12 schedule files of 256 KiB of random bytes and 3,000 findings.
const FILES: usize = 12;
const FILE_SIZE: usize = 256 << 10;
const FINDINGS: usize = 3_000;
/// Kill points in all, spread over the three writes; the seed makes them repeatable.
const KILL_POINTS: usize = 100;
const SEED: u64 = 0x00F1_E451_2026;

const OPS: [&str; 3] = ["import", "policy", "backup"];

/// xorshift64*: the random bytes of the files and the kill points.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
}

/// Incompressible bytes, different per seed.
fn random_bytes(seed: u64, len: usize) -> Vec<u8> {
    let mut rng = Rng::new(seed);
    let mut out = Vec::with_capacity(len + 8);
    while out.len() < len {
        out.extend_from_slice(&rng.next().to_le_bytes());
    }
    out.truncate(len);
    out
}

/// The backup the child writes, beside the database.
fn backup_path(db: &Path) -> PathBuf {
    db.with_file_name("cadangan.sqlite3")
}

/// The child: one write into the database named by [`CHILD_DB`]. Does nothing in an ordinary
/// test run (also not with `--include-ignored`).
#[test]
#[ignore = "child process of random_kill_points_leave_the_database_before_or_after"]
fn child_does_one_write() {
    let (Some(db), Some(op)) = (std::env::var_os(CHILD_DB), std::env::var(CHILD_OP).ok()) else {
        return;
    };
    let db = PathBuf::from(db);
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
    let big_import = NewImport {
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
    };
    let mut store = Store::open(&db).expect("child opens the database");

    let mut stdout = std::io::stdout();
    writeln!(stdout, "{STARTED}").unwrap();
    stdout.flush().unwrap();
    let start = Instant::now();
    match op.as_str() {
        "import" => {
            store.record_import(&big_import).expect("child import");
        }
        "policy" => {
            let policy = NewPolicy {
                id: "se-uji-bunuh",
                name: "SE uji bunuh",
                toml: POLICY_TOML,
                source: None,
            };
            store
                .save_policy_revalidated(&policy, &big_import)
                .expect("child policy save");
        }
        "backup" => store.backup_to(&backup_path(&db)).expect("child backup"),
        other => panic!("unknown child write {other}"),
    }
    writeln!(stdout, "{DONE} {}", start.elapsed().as_micros()).unwrap();
    stdout.flush().unwrap();
}

/// A command running the child test's `op` against `db`.
fn child(db: &Path, op: &str) -> Command {
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
    .env(CHILD_OP, op)
    .stdout(Stdio::piped())
    .stderr(Stdio::null());
    cmd
}

/// Removes a database with its WAL and shared-memory files.
fn remove_db(db: &Path) {
    for suffix in ["", "-wal", "-shm", ".tmp-fleksi"] {
        let mut name = db.as_os_str().to_owned();
        name.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(name));
    }
}

/// The run's database, fresh from the base (always the same path, so texts naming it match).
fn fresh_copy(base: &Path, run: &Path) -> PathBuf {
    let db = run.join("fleksi.sqlite3");
    remove_db(&db);
    remove_db(&backup_path(&db));
    std::fs::copy(base, &db).expect("copy base database");
    db
}

/// The content of a database up to the time of writing: a SHA-256 over every table's rows
/// (sorted, since `VACUUM` may renumber rowids), with timestamps replaced by a marker. Also
/// checks `PRAGMA integrity_check`.
fn content(path: &Path) -> String {
    let conn = Connection::open(path).expect("raw open");
    let ok: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok", "integrity_check of {}", path.display());
    let tables: Vec<String> = conn
        .prepare(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
             ORDER BY name",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut all = Sha256::new();
    for t in tables {
        let mut stmt = conn.prepare(&format!("SELECT * FROM \"{t}\"")).unwrap();
        let columns = stmt.column_count();
        let mut rows = stmt.query([]).unwrap();
        let mut hashes = Vec::new();
        while let Some(row) = rows.next().unwrap() {
            let mut h = Sha256::new();
            for i in 0..columns {
                match row.get::<_, Value>(i).unwrap() {
                    Value::Text(s) if is_timestamp(&s) => h.update(b"<waktu>"),
                    Value::Text(s) => h.update(s.as_bytes()),
                    Value::Blob(b) => h.update(&b),
                    other => h.update(format!("{other:?}").as_bytes()),
                }
                h.update([0xff]);
            }
            hashes.push(h.finalize());
        }
        hashes.sort();
        all.update(format!("{t}:{}", hashes.len()).as_bytes());
        for h in hashes {
            all.update(h);
        }
    }
    format!("{:x}", all.finalize())
}

/// `2026-11-30T17:55:09+07:00` and the like.
fn is_timestamp(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 19 && b[4] == b'-' && b[7] == b'-' && b[10] == b'T' && b[13] == b':'
}

/// Runs the child's `op` on a fresh copy, killing it `delay` after it reports the start
/// (`None`: never). Returns whether it reported the write done.
fn run(base: &Path, run_dir: &Path, op: &str, delay: Option<Duration>) -> (PathBuf, bool, u64) {
    let db = fresh_copy(base, run_dir);
    let mut process = child(&db, op).spawn().expect("start the child");
    let mut out = BufReader::new(process.stdout.take().expect("piped stdout"));
    let mut line = String::new();
    loop {
        line.clear();
        let n = out.read_line(&mut line).expect("read child output");
        assert!(n > 0, "child ended before starting its write");
        // libtest may print "test … ... " on the same line first.
        if line.contains(STARTED) {
            break;
        }
    }
    if let Some(delay) = delay {
        std::thread::sleep(delay);
        // An error here only means the child finished already.
        let _ = process.kill();
    }
    process.wait().expect("reap the child");
    let mut rest = String::new();
    let _ = out.read_to_string(&mut rest);
    let micros = rest
        .lines()
        .find_map(|l| l.split(DONE).nth(1))
        .and_then(|us| us.trim().parse().ok());
    (db, micros.is_some(), micros.unwrap_or(0))
}

#[test]
fn random_kill_points_leave_the_database_before_or_after() {
    let started = Instant::now();
    let dir = scratch("kill");
    let base = dir.join("dasar.sqlite3");
    {
        let mut store = Store::open(&base).unwrap();
        let bytes = random_bytes(7, 2 << 20);
        store
            .record_import(&import(vec![sub("awal.xlsx", &bytes, Some("AWAL"), &[])]))
            .unwrap();
    } // closed cleanly: everything is in the main file, no -wal left
    let before = content(&base);
    let run_dir = dir.join("lari");
    std::fs::create_dir_all(&run_dir).unwrap();

    // Each write left alone: its after-state and how long it takes.
    let mut after = Vec::new();
    for op in OPS {
        let (db, done, micros) = run(&base, &run_dir, op, None);
        assert!(done, "{op} completes when left alone");
        drop(Store::open(&db).expect("opens"));
        let state = content(&db);
        assert_ne!(state, before, "{op} changes the database");
        if op == "backup" {
            assert_eq!(content(&backup_path(&db)), before, "the backup is the base");
        }
        after.push((op, state, micros));
    }

    let mut rng = Rng::new(SEED);
    let mut tally = [(0usize, 0usize); 3]; // (midway, after) per write
    for point in 0..KILL_POINTS {
        let k = point % OPS.len();
        let (op, ref done_state, micros) = after[k];
        // Anywhere from the start of the write to twice its usual length (the machine may be
        // busier now than when it was measured).
        let delay = Duration::from_micros(rng.next() % (2 * micros + 1));
        let (db, finished, _) = run(&base, &run_dir, op, Some(delay));
        // The app's way in first (recovers the WAL), then a raw look.
        drop(Store::open(&db).expect("a killed database opens"));
        let got = content(&db);
        if got == before {
            assert!(!finished, "{op} reported done but not stored ({delay:?})");
            tally[k].0 += 1;
        } else {
            assert_eq!(
                &got, done_state,
                "{op} killed at {delay:?}: neither before nor after"
            );
            tally[k].1 += 1;
        }
        if op == "backup" {
            let b = backup_path(&db);
            if b.exists() {
                assert_eq!(content(&b), before, "a backup under its name is complete");
                Store::check_backup(&b).expect("and restorable");
            }
        }
    }
    eprintln!(
        "writes alone (µs): {:?}; kills (midway, after) per write: {tally:?}; {:?} in all",
        after
            .iter()
            .map(|(op, _, us)| (*op, *us))
            .collect::<Vec<_>>(),
        started.elapsed()
    );
    for (k, (midway, _)) in tally.iter().enumerate() {
        assert!(*midway >= 1, "{}: no kill landed during the write", OPS[k]);
    }
    assert!(
        tally.iter().map(|t| t.1).sum::<usize>() >= 1,
        "no kill landed after a write: the after-states were never compared"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
