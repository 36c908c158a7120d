//! Bench: documents of a standing policy bounded by the reporting window. A demo regency
//! under `rejang-lebong-2026` (6 April – 31 December 2026) sends one month of files; the
//! workspace reads and validates them, then writes the lampiran PDF and the recap XLSX of
//! the default window (the files' dates) at the same time. Each scenario runs in a child
//! process of this binary so its peak memory (`VmHWM`) is its own:
//! - `month-15k`: 60 units × 250 ASN × 22 working days (targets: documents ≤ 2 s, ≤ 400 MB);
//! - `month-25k`: 76 units × 330 ASN × 23 working days (target: ≤ 400 MB);
//! - `year-15k`: the 15,000 ASN files with the whole period as the window — refused with a
//!   message that suggests a month (it would be ~190 working days).
//!
//! Times are best of 3 (documents) with the load average beside them.
//! Run: `cargo bench -p fleksi-workspace --bench recap_window`.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::time::Instant;

use fleksi_demo::{write_demo, DemoOptions};
use fleksi_workspace::documents::{lampiran_and_recap, DocOptions};
use fleksi_workspace::snapshot::today;
use fleksi_workspace::window::Window;
use fleksi_workspace::{inputs, InputFile, Naming, Session, Snapshot};

const POLICY: &str = "rejang-lebong-2026";
const SCENARIO: &str = "FLEKSI_BENCH_SCENARIO";

struct TempDir(PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        if std::env::var("FLEKSI_BENCH_KEEP").is_err() {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}

fn status_kb(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(field))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
        })
        .unwrap_or(0)
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().next().unwrap_or("?").to_string())
        .unwrap_or_else(|_| "?".to_string())
}

/// Writes the regency once; returns its folder.
fn write_regency(units: usize, staff: usize, days: usize) -> TempDir {
    let dir = TempDir(std::env::temp_dir().join(format!(
        "fleksi-bench-window-{units}x{staff}x{days}-{}",
        std::process::id()
    )));
    let policy = fleksi_core::presets::by_id(POLICY).expect("preset");
    let opts = DemoOptions {
        units,
        staff_per_unit: staff,
        days,
        seed: 2026,
        policy,
        faults: true,
    };
    write_demo(&opts, &dir.0).expect("demo written");
    dir
}

/// Reads and validates the regency in `dir` as `fleksi recap` does.
fn session(dir: &Path) -> (Session, f64) {
    let t = Instant::now();
    let policy = fleksi_core::presets::by_id(POLICY).expect("preset");
    let master =
        inputs::read_input(&dir.join("master.xlsx"), Naming::FileName).expect("master read");
    let paths = inputs::gather(&[dir.join("opd")], &[]).expect("files");
    let files: Vec<InputFile> = inputs::read_all(&paths, Naming::FileName).expect("files read");
    let (session, _) = Session::read(policy, master, files, &|_, _| {}).expect("session");
    (session, t.elapsed().as_secs_f64())
}

fn child(scenario: &str, dir: &Path) {
    let (session, read) = session(dir);
    let staff = session.master.employees.len();
    let session = Arc::new(session);
    let snap = if scenario == "year-15k" {
        let p = &session.policy;
        let w = Window::chosen(p, &p.start.to_string(), &p.end.to_string()).expect("window");
        Snapshot::with_window(session.clone(), false, w)
    } else {
        Snapshot::new(session.clone(), false, None, false, today())
    };
    let days = snap.recap.days.len();
    let mut best = f64::MAX;
    let mut sizes = (0, 0);
    let mut refused = None;
    for _ in 0..3 {
        let t = Instant::now();
        // FLEKSI_BENCH_ONLY=pdf|xlsx builds one document (to see where memory goes).
        let only = std::env::var("FLEKSI_BENCH_ONLY").unwrap_or_default();
        let (pdf, xlsx) = (only != "xlsx", only != "pdf");
        match lampiran_and_recap(&snap, DocOptions::default(), pdf, xlsx) {
            Ok((pdf, xlsx)) => {
                best = best.min(t.elapsed().as_secs_f64());
                sizes = (
                    pdf.map(|b| b.len()).unwrap_or(0),
                    xlsx.map(|b| b.len()).unwrap_or(0),
                );
            }
            Err(e) => {
                refused = Some(e.to_string());
                break;
            }
        }
    }
    let peak = status_kb("VmHWM:") / 1024;
    match refused {
        Some(message) => println!(
            "{scenario:10} {staff:>6} ASN × {days:>3} hari kerja: ditolak — \"{message}\"; \
             baca+validasi {read:.2} s; puncak {peak} MB; load {}",
            load_average()
        ),
        None => println!(
            "{scenario:10} {staff:>6} ASN × {days:>3} hari kerja ({} – {}): baca+validasi {read:.2} s; \
             lampiran+rekap {best:.2} s (PDF {} KB, XLSX {} KB); puncak {peak} MB; load {}",
            snap.window.from,
            snap.window.to,
            sizes.0 / 1024,
            sizes.1 / 1024,
            load_average()
        ),
    }
}

fn main() {
    if let Ok(scenario) = std::env::var(SCENARIO) {
        let dir = std::env::var("FLEKSI_BENCH_DIR").expect("dir");
        // FLEKSI_BENCH_KEEP: the regency folders stay for reruns of one scenario.
        child(&scenario, Path::new(&dir));
        return;
    }
    // `cargo bench` passes `--bench`; nothing else is accepted.
    let exe = std::env::current_exe().expect("exe");
    let month15 = write_regency(60, 250, 22);
    let month25 = write_regency(76, 330, 23);
    if std::env::var("FLEKSI_BENCH_KEEP").is_ok() {
        eprintln!(
            "regency folders kept: {} {}",
            month15.0.display(),
            month25.0.display()
        );
    }
    for (scenario, dir) in [
        ("month-15k", &month15),
        ("month-25k", &month25),
        ("year-15k", &month15),
    ] {
        let status = Command::new(&exe)
            .env(SCENARIO, scenario)
            .env("FLEKSI_BENCH_DIR", &dir.0)
            .status()
            .expect("child runs");
        assert!(status.success(), "{scenario} failed");
    }
}
