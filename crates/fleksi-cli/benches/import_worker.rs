//! Bench: reading the benchmark-sized demo regency (60 units × 250 staff × 22 working days
//! under `rejang-lebong-2026`, master included) in process against through the parse
//! workers (`fleksi --parse-worker`, what the app does): the pipelined master + workbooks
//! read, best of 3 each, the workers' first import (processes started) and the next ones
//! (workers reused); plus the wire format alone (encode + decode of every sheet). Files are
//! in memory before timing. Each line shows the load average.
//! Run: `cargo bench -p fleksi-cli --bench import_worker` (release `fleksi` as the worker).

use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

use fleksi_demo::{write_demo, DemoOptions};
use fleksi_import::{Limits, Opener};
use fleksi_workspace::parse_worker::{wire, WorkerConfig, WorkerPool};

type File = (String, Vec<u8>);

fn load(path: &Path) -> File {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    (name, std::fs::read(path).expect("demo file"))
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "?".to_string())
}

fn best_of_3<T>(mut f: impl FnMut() -> T) -> (f64, T) {
    let mut best = f64::MAX;
    let mut out = None;
    for _ in 0..3 {
        let t = Instant::now();
        out = Some(f());
        best = best.min(t.elapsed().as_secs_f64());
    }
    (best, out.expect("three runs"))
}

fn main() {
    let policy = fleksi_core::presets::by_id("rejang-lebong-2026").expect("preset");
    let mut opts = DemoOptions::new(policy.clone());
    opts.units = 60;
    opts.staff_per_unit = 250;
    opts.days = 22;
    opts.faults = false;
    let dir = std::env::temp_dir().join(format!("fleksi-bench-worker-{}", std::process::id()));
    let summary = write_demo(&opts, &dir).expect("demo written");
    let master = load(&summary.master_path);
    let opd: Vec<File> = summary.files.iter().map(|f| load(&f.path)).collect();
    let _ = std::fs::remove_dir_all(&dir);
    println!(
        "demo: {} OPD files + master ({:.1} MB); load {}",
        opd.len(),
        (opd.iter().map(|f| f.1.len()).sum::<usize>() + master.1.len()) as f64 / 1e6,
        load_average()
    );
    let read = |opener: &Opener| {
        let (m, subs) = fleksi_import::read_master_and_workbooks_using(
            opener,
            (&master.0, &master.1),
            &opd,
            &policy,
            &|_, _| {},
        )
        .expect("master reads");
        let rows: usize = subs.iter().flatten().map(|s| s.rows.len()).sum();
        (m.employees.len(), rows)
    };
    let here = Opener::default();
    let (t_here, counts) = best_of_3(|| read(&here));
    println!(
        "in process: {} ASN, {} rows: best of 3 = {t_here:.3} s; load {}",
        counts.0,
        counts.1,
        load_average()
    );

    let pool = Arc::new(WorkerPool::new(WorkerConfig::new(env!(
        "CARGO_BIN_EXE_fleksi"
    ))));
    let workers = Opener::new(pool.clone());
    let t = Instant::now();
    let first = read(&workers);
    let t_first = t.elapsed().as_secs_f64();
    assert_eq!(first, counts, "the same rows through the workers");
    let started = pool.spawned();
    let (t_warm, _) = best_of_3(|| read(&workers));
    assert_eq!(
        pool.spawned(),
        started,
        "the next imports reuse the workers"
    );
    println!(
        "parse workers: first import (starting {started} workers) {t_first:.3} s; next imports \
         (reused) best of 3 = {t_warm:.3} s ({:+.0} % vs in process); {} processes in all; \
         load {}",
        (t_warm / t_here - 1.0) * 100.0,
        pool.spawned(),
        load_average()
    );

    // The wire format alone: every workbook's sheets encoded and decoded once.
    let limits = Limits::default();
    let sheets: Vec<_> = opd
        .iter()
        .chain([&master])
        .map(|(name, bytes)| fleksi_import::open_sheets(name, bytes, &limits))
        .collect();
    let (t_wire, size) = best_of_3(|| {
        let mut size = 0;
        for s in &sheets {
            let frame = wire::reply(s);
            size += frame.len();
            let back = wire::read_reply(&mut frame.as_slice()).expect("decodes");
            assert_eq!(back.is_ok(), s.is_ok());
        }
        size
    });
    println!(
        "wire format: {:.1} MB of replies encoded + decoded in {t_wire:.3} s (one thread); \
         load {}",
        size as f64 / 1e6,
        load_average()
    );
}
