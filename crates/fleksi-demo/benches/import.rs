//! Bench: fleksi's import of the benchmark-sized demo regency against a bare calamine parse
//! of the same workbooks (60 units × 250 staff × 22 working days under `rejang-lebong-2026`,
//! master included). Design target: import ≤ 1.3 × the parallel calamine baseline (release,
//! 2 cores).
//!
//! The demo is written once into a temp folder and every file is read into memory before
//! timing, so no number includes disk I/O. Timed, best of 3 each:
//! - (a) calamine alone: `open_workbook_auto_from_rs` + `worksheet_range` of every visible
//!   worksheet, sequentially and with the importer's parallelism (one worker per core pulling
//!   the next file);
//! - (b) fleksi: `read_master` + `read_submissions` + `rules::validate`, then the same with
//!   the pipelined `read_master_and_submissions` (b'), then (b) split by phase.
//!
//! calamine cannot read CSV, so the ratio is taken over the workbooks calamine reads (the
//! xlsx files and the master); the full import of every file (CSV included) is printed too.
//! Each time is shown with the process CPU time of the same run (less disturbed by other
//! builds on a shared machine), each line with the load average; peak RSS is `VmHWM` of
//! this process at the end.
//! A plain timing binary (`harness = false`) like `fleksi-report`'s lampiran bench.
//! Run: `cargo bench -p fleksi-demo --bench import`.

use calamine::{open_workbook_auto_from_rs, Reader, SheetType, SheetVisible};
use fleksi_core::{rules, Policy};
use fleksi_demo::{write_demo, DemoOptions};
use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

/// A fresh folder under the system temp dir, removed when dropped.
struct TempDir(PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// One file in memory: its name and bytes.
type File = (String, Vec<u8>);

fn load(path: &Path) -> File {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let bytes =
        std::fs::read(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    (name, bytes)
}

/// Bare calamine: every visible worksheet's range; returns the number of cells read.
fn calamine_parse(bytes: &[u8]) -> usize {
    let mut book = open_workbook_auto_from_rs(Cursor::new(bytes)).expect("calamine opens");
    let names: Vec<String> = book
        .sheets_metadata()
        .iter()
        .filter(|s| s.visible == SheetVisible::Visible && s.typ == SheetType::WorkSheet)
        .map(|s| s.name.clone())
        .collect();
    names
        .iter()
        .map(|n| {
            let range = book.worksheet_range(n).expect("calamine reads the sheet");
            range.used_cells().count()
        })
        .sum()
}

/// Runs `f` on every file with the importer's scheme: one worker per core (at most one per
/// file), each pulling the next index.
fn parallel(files: &[&File], f: impl Fn(&[u8]) -> usize + Sync) -> usize {
    let workers = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2)
        .min(files.len().max(1));
    let next = AtomicUsize::new(0);
    let total = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(file) = files.get(i) else {
                    break;
                };
                total.fetch_add(f(&file.1), Ordering::Relaxed);
            });
        }
    });
    total.into_inner()
}

/// fleksi's import and validation; returns (rows read, findings).
fn fleksi_import(policy: &Policy, master: &File, opd: &[(&str, &[u8])]) -> (usize, usize) {
    let m = fleksi_import::read_master(&master.0, &master.1).expect("master imports");
    let subs = fleksi_import::read_submissions(opd, policy, &m);
    let (findings, _recap) = rules::validate(policy, &m, &subs);
    (subs.iter().map(|s| s.rows.len()).sum(), findings.len())
}

fn borrow<'a>(files: &[&'a File]) -> Vec<(&'a str, &'a [u8])> {
    files
        .iter()
        .map(|f| (f.0.as_str(), f.1.as_slice()))
        .collect()
}

/// The same, master and workbooks read in one pipelined pass.
fn fleksi_pipelined(policy: &Policy, master: &File, opd: &[(&str, &[u8])]) -> (usize, usize) {
    let (m, subs) =
        fleksi_import::read_master_and_submissions((&master.0, &master.1), opd, policy, &|_, _| {})
            .expect("master imports");
    let (findings, _recap) = rules::validate(policy, &m, &subs);
    (subs.iter().map(|s| s.rows.len()).sum(), findings.len())
}

/// Wall-clock and CPU time (all threads of the process) of one run.
#[derive(Debug, Clone, Copy)]
struct Time {
    wall: f64,
    cpu: f64,
}

impl std::fmt::Display for Time {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:.3} s (CPU {:.2} s)", self.wall, self.cpu)
    }
}

/// User + system time of the whole process so far, from `/proc/self/stat` (clock ticks of
/// 10 ms); CPU time is much less disturbed by other builds on the machine than wall time.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the `(comm)`: state is field 3, utime 14, stime 15.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let tick = |i: usize| {
        fields
            .get(i)
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    (tick(11) + tick(12)) / 100.0
}

/// Best of 3 by wall clock (and, separately, by CPU time).
fn best_of_3<T>(mut f: impl FnMut() -> T) -> (Time, T) {
    let mut best = Time {
        wall: f64::MAX,
        cpu: f64::MAX,
    };
    let mut out = None;
    for _ in 0..3 {
        let (t, c) = (Instant::now(), cpu_seconds());
        let r = f();
        best.wall = best.wall.min(t.elapsed().as_secs_f64());
        best.cpu = best.cpu.min(cpu_seconds() - c);
        out = Some(r);
    }
    (best, out.expect("three runs"))
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "?".to_string())
}

fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        })
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

fn main() {
    let policy = fleksi_core::presets::by_id("rejang-lebong-2026").expect("preset exists");
    let mut opts = DemoOptions::new(policy.clone());
    opts.units = 60;
    opts.staff_per_unit = 250;
    opts.days = 22;
    opts.faults = false;
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let dir = TempDir(std::env::temp_dir().join(format!(
        "fleksi-bench-import-{}-{nanos}",
        std::process::id()
    )));
    let summary = write_demo(&opts, &dir.0).expect("demo written");
    let master = load(&summary.master_path);
    let opd: Vec<File> = summary.files.iter().map(|f| load(&f.path)).collect();
    let is_csv = |f: &&File| f.0.to_ascii_lowercase().ends_with(".csv");
    let books: Vec<&File> = opd.iter().filter(|f| !is_csv(f)).collect();
    let all: Vec<&File> = opd.iter().collect();
    let mut with_master: Vec<&File> = vec![&master];
    with_master.extend(books.iter().copied());
    let mb = |files: &[&File]| files.iter().map(|f| f.1.len()).sum::<usize>() as f64 / 1e6;
    println!(
        "demo: {} OPD files ({} xlsx, {} csv) + master, {} ASN × {} days; xlsx + master = {:.1} MB; load {}",
        opd.len(),
        books.len(),
        opd.len() - books.len(),
        summary.master.employees.len(),
        summary.days.len(),
        mb(&with_master),
        load_average()
    );

    let (seq, cells) = best_of_3(|| {
        with_master
            .iter()
            .map(|f| calamine_parse(&f.1))
            .sum::<usize>()
    });
    println!(
        "(a) calamine, sequential: {} workbooks, {cells} cells: best of 3 = {seq}; load {}",
        with_master.len(),
        load_average()
    );
    let (par, _) = best_of_3(|| parallel(&with_master, calamine_parse));
    println!(
        "(a) calamine, parallel:   best of 3 = {par}; load {}",
        load_average()
    );
    let (books, all) = (borrow(&books), borrow(&all));
    let (ours, (rows, findings)) = best_of_3(|| fleksi_import(&policy, &master, &books));
    println!(
        "(b) fleksi read_master + read_submissions + validate (same workbooks): {rows} rows, \
         {findings} findings: best of 3 = {ours}; load {}",
        load_average()
    );
    let (piped, _) = best_of_3(|| fleksi_pipelined(&policy, &master, &books));
    println!(
        "(b') fleksi read_master_and_submissions (pipelined) + validate (same workbooks): \
         best of 3 = {piped}; load {}",
        load_average()
    );
    let (full, (rows_all, findings_all)) = best_of_3(|| fleksi_import(&policy, &master, &all));
    println!(
        "    fleksi, all {} OPD files incl. CSV: {rows_all} rows, {findings_all} findings: \
         best of 3 = {full}; load {}",
        all.len(),
        load_average()
    );
    let (t_master, m) =
        best_of_3(|| fleksi_import::read_master(&master.0, &master.1).expect("master imports"));
    let (t_read, subs) = best_of_3(|| fleksi_import::read_submissions(&books, &policy, &m));
    let (t_validate, _) = best_of_3(|| rules::validate(&policy, &m, &subs));
    let (t_master_cal, _) = best_of_3(|| calamine_parse(&master.1));
    println!(
        "    phases of (b), best of 3 each: read_master {t_master} (calamine alone on the \
         master {t_master_cal}), read_submissions {t_read}, validate {t_validate}; load {}",
        load_average()
    );
    println!(
        "ratio (b)/(a parallel) = {:.2} (target ≤ 1.30); (b')/(a parallel) = {:.2}; \
         (b)/(a sequential) = {:.2}; CPU (b)/(a) = {:.2}; peak RSS {:.0} MB; load {}",
        ours.wall / par.wall,
        piped.wall / par.wall,
        ours.wall / seq.wall,
        ours.cpu / seq.cpu,
        peak_rss_mb(),
        load_average()
    );
}
