//! The parse worker (`fleksi --parse-worker`, the same protocol the app's executable
//! serves): workers that abort, panic, overflow their stack, hang or hog memory cost only
//! their file, which reads as unreadable with the reason while the rest of the import goes
//! on; the pool reuses its workers and replaces dead ones; and every file of the shared
//! corpus and of the fuzz regressions reads the same through the workers as in process.

mod common;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use fleksi_core::{presets, FindingCode, Master, Policy, Submission};
use fleksi_import::{Opener, Progress};
use fleksi_workspace::parse_worker::{WorkerConfig, WorkerPool, FAULT_ENV};
use fleksi_workspace::{InputFile, Workspace};

const STOPPED: &str = "terlalu besar atau rusak: pembacaan berhenti (batas memori/waktu)";

fn import_fixture(name: &str) -> (String, Vec<u8>) {
    let bytes =
        std::fs::read(common::root().join("tests/fixtures/import").join(name)).expect("fixture");
    (name.to_string(), bytes)
}

fn lebak() -> Policy {
    presets::by_id("lebak-2025-12").expect("preset")
}

fn master() -> Master {
    let (name, bytes) = import_fixture("master.xlsx");
    fleksi_import::read_master(&name, &bytes).expect("master reads")
}

/// A pool of `fleksi` workers: 256 MB each, killed after `kill_after`, faults enabled.
fn pool(kill_after: Duration) -> Arc<WorkerPool> {
    let mut config = WorkerConfig::new(env!("CARGO_BIN_EXE_fleksi"));
    config.memory = 256 * 1024 * 1024;
    config.kill_after = Some(kill_after);
    config.env = vec![(FAULT_ENV.into(), "1".into())];
    Arc::new(WorkerPool::new(config))
}

fn good_files() -> Vec<(String, Vec<u8>)> {
    [
        "diskominfo.xlsx",
        "bkpsdm.xls",
        "dinkes.csv",
        "disdikbud.ods",
        "rusak.xlsx",
        "jadwal_kecamatan.xls",
        "bapelitbangda.csv",
    ]
    .iter()
    .map(|n| import_fixture(n))
    .collect()
}

fn unreadable_message(subs: &[Submission]) -> Option<String> {
    subs.iter()
        .flat_map(|s| &s.findings)
        .find(|f| f.code == FindingCode::FileUnreadable)
        .map(|f| f.message.clone())
}

fn read(opener: &Opener, files: &[(String, Vec<u8>)], master: &Master) -> Vec<Vec<Submission>> {
    fleksi_import::read_workbooks_reporting_using(opener, files, &lebak(), master, &|_, _| {})
}

#[test]
fn a_worker_that_aborts_panics_overflows_hangs_or_hogs_memory_costs_only_its_file() {
    let master = master();
    let pool = pool(Duration::from_secs(5));
    let opener = Opener::new(pool.clone());
    let good = good_files();
    let diskominfo = good[0].1.clone();
    let mut files = good.clone();
    for fault in ["abort", "panic", "stack", "hang", "oom"] {
        files.insert(
            files.len() / 2,
            (format!("jadwal.fault-{fault}.xlsx"), diskominfo.clone()),
        );
    }
    let started = Instant::now();
    let done = std::sync::atomic::AtomicUsize::new(0);
    let books = fleksi_import::read_workbooks_reporting_using(
        &opener,
        &files,
        &lebak(),
        &master,
        &|_, p| {
            if let Progress::Done(_) = p {
                done.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            }
        },
    );
    let took = started.elapsed();
    assert_eq!(done.into_inner(), files.len(), "every file reported done");
    let in_process = fleksi_import::read_workbooks_reporting(&good, &lebak(), &master, &|_, _| {});
    let mut good_books = Vec::new();
    for ((name, _), subs) in files.iter().zip(&books) {
        let message = unreadable_message(subs);
        if name.contains("fault-hang") {
            let m = message.expect("the hung file is unreadable");
            assert!(
                m.contains(name) && m.contains("dihentikan setelah 5 detik"),
                "{m}"
            );
        } else if name.contains("fault-") {
            let m = message.unwrap_or_else(|| panic!("{name} is unreadable"));
            assert!(m.contains(name) && m.contains(STOPPED), "{m}");
            assert!(subs.iter().all(|s| s.rows.is_empty()));
        } else {
            good_books.push(subs.clone());
        }
    }
    assert_eq!(good_books, in_process, "the other files read as in process");
    assert!(
        good_books
            .iter()
            .flatten()
            .map(|s| s.rows.len())
            .sum::<usize>()
            > 0,
        "rows were read"
    );
    // The hang costs its 5 s; the memory hog stops at its 256 MB cap, not after filling
    // the machine.
    assert!(took < Duration::from_secs(40), "took {took:?}");
    // Five workers died; their replacements (and the first ones) are all there is.
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    assert!(
        pool.spawned() <= cores + 5,
        "{} workers for {} files",
        pool.spawned(),
        files.len()
    );

    // The pool recovers: the same files again read fine, on reused workers.
    let before = pool.spawned();
    let again = read(&opener, &good, &master);
    assert_eq!(again, in_process);
    assert!(
        pool.spawned() - before <= cores,
        "{} new workers for {} files",
        pool.spawned() - before,
        good.len()
    );
}

#[test]
fn workers_are_reused_across_files() {
    let master = master();
    let pool = pool(Duration::from_secs(30));
    let opener = Opener::new(pool.clone());
    let files: Vec<(String, Vec<u8>)> = (0..4).flat_map(|_| good_files()).collect();
    let books = read(&opener, &files, &master);
    assert_eq!(books.len(), 28);
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    assert!(
        pool.spawned() <= cores,
        "{} workers for {} files",
        pool.spawned(),
        files.len()
    );
    let again = read(&opener, &files, &master);
    assert_eq!(again, books);
    assert!(pool.spawned() <= cores, "idle workers are reused");
}

#[test]
fn an_import_through_the_workspace_survives_a_crashing_worker() {
    let dir = std::env::temp_dir().join(format!("fleksi-parse-worker-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    let ws = Workspace::new(dir.join("fleksi.sqlite3"), None)
        .with_opener(Opener::new(pool(Duration::from_secs(20))));
    ws.load();
    let (master_name, master_bytes) = import_fixture("master.xlsx");
    let mut files: Vec<InputFile> = good_files()
        .into_iter()
        .map(|(n, b)| InputFile::new(n, b))
        .collect();
    // Bytes not among the others (identical bytes would be "unchanged", never read).
    let (_, bytes) = import_fixture("extra/jadwal_pariwisata.xlsx");
    files.push(InputFile::new("diskominfo.fault-abort.xlsx", bytes));
    let outcome = ws
        .import_files(
            lebak(),
            Some(InputFile::new(master_name, master_bytes)),
            files,
            None,
            &|_| {},
        )
        .expect("the import goes on");
    let crashed = outcome
        .files
        .iter()
        .find(|l| l.name == "diskominfo.fault-abort.xlsx")
        .expect("a line for the crashed file");
    assert!(!crashed.readable);
    let readable = outcome.files.iter().filter(|l| l.readable).count();
    assert!(readable >= 6, "{:?}", outcome.files);
    let snap = ws.snapshot().expect("the set is there");
    let f = snap
        .session
        .findings
        .iter()
        .find(|f| f.code == FindingCode::FileUnreadable && f.message.contains("fault-abort"))
        .expect("file.unreadable for the crashed file");
    assert!(f.message.contains(STOPPED), "{}", f.message);
    // The master the clerk picks is checked through a worker too, with the same result.
    let path = common::root().join("tests/fixtures/import/master.xlsx");
    let checked = ws.inspect_master(&path);
    assert_eq!(
        checked,
        fleksi_workspace::master_check::inspect_master(&path)
    );
    assert!(
        checked.problem.is_none() && checked.staff > 0,
        "{checked:?}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[cfg(target_os = "linux")]
#[test]
fn the_worker_caps_its_own_address_space() {
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_fleksi"))
        .args(["--parse-worker", "--memory-mb=300"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("worker starts");
    // The cap is set before the first request is read; wait until it shows.
    let limits = Path::new("/proc")
        .join(child.id().to_string())
        .join("limits");
    let want = (300u64 * 1024 * 1024).to_string();
    let mut seen = String::new();
    for _ in 0..100 {
        seen = std::fs::read_to_string(&limits).unwrap_or_default();
        if seen
            .lines()
            .any(|l| l.starts_with("Max address space") && l.contains(&want))
        {
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    drop(child.stdin.take());
    let status = child.wait().expect("worker ends");
    assert!(
        status.success(),
        "an idle worker ends cleanly at end of input"
    );
    let line = seen
        .lines()
        .find(|l| l.starts_with("Max address space"))
        .unwrap_or_default()
        .to_string();
    assert!(line.contains(&want), "{line}");
}

/// Reads `paths` in batches in process and through a pool of workers (default limits):
/// the same submissions, and no file over the time limit. Returns how many were read.
fn same_through_workers(root: &Path, paths: &[PathBuf]) -> usize {
    fleksi_import::quiet_parser_panics();
    let config = WorkerConfig::new(env!("CARGO_BIN_EXE_fleksi"));
    let opener = Opener::new(WorkerPool::new(config));
    let master = Master::default();
    let mut differ = Vec::new();
    for batch in paths.chunks(64) {
        let loaded: Vec<(String, Vec<u8>)> = batch
            .iter()
            .map(|p| {
                let name = p.strip_prefix(root).unwrap_or(p).display().to_string();
                (name, std::fs::read(p).unwrap_or_default())
            })
            .collect();
        let here = fleksi_import::read_workbooks_reporting(&loaded, &lebak(), &master, &|_, _| {});
        let there = read(&opener, &loaded, &master);
        for ((name, _), (a, b)) in loaded.iter().zip(here.iter().zip(&there)) {
            if a != b {
                differ.push(format!(
                    "{name}: in process {:?} / worker {:?}",
                    unreadable_message(a),
                    unreadable_message(b)
                ));
            }
        }
    }
    assert!(differ.is_empty(), "{} differ: {differ:#?}", differ.len());
    paths.len()
}

#[test]
fn the_whole_corpus_reads_the_same_through_the_workers() {
    let dir = common::root().join("../shared/corpus");
    let Some(dir) = fleksi_testkit::data_dir(&dir, "the shared corpus") else {
        return;
    };
    let all = fleksi_testkit::files_under(&dir, &|p| p.extension().is_some_and(|x| x != "md"));
    assert!(all.len() > 2_000, "corpus incomplete: {} files", all.len());
    let started = Instant::now();
    let n = same_through_workers(&dir, &all);
    eprintln!(
        "{n} corpus files, in process and through workers, in {:?}",
        started.elapsed()
    );
}

#[test]
fn the_fuzz_regressions_read_the_same_through_the_workers() {
    let dir = common::root().join("tests/fixtures/fuzz/workbook");
    let all = fleksi_testkit::files_under(&dir, &|p| p.extension().is_some_and(|x| x != "md"));
    assert!(!all.is_empty(), "no regression under {}", dir.display());
    same_through_workers(&dir, &all);
}
