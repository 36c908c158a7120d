//! Bench: the recap XLSX workbook of a large regency (61 units, 15,000 scheduled employees,
//! 22 working days — the same regency as the lampiran bench), no findings. A plain timing
//! binary (`harness = false`) rather than criterion: the budget is a single wall-clock bound
//! (≤ 1.5 s, release, 2 cores). Prints the best of 3 (wall clock, and CPU time of the
//! process), the workbook size, the load average and the peak RSS (`VmHWM`).
//! Run: `cargo bench -p fleksi-report --bench recap_xlsx`.

#[path = "../tests/common/mod.rs"]
mod common;

use fleksi_report::xlsx::recap_workbook;
use std::time::Instant;

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

/// User + system time of the process so far, from `/proc/self/stat` (clock ticks of 10 ms);
/// much less disturbed than wall time by other builds on the machine.
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

fn main() {
    let days: Vec<chrono::NaiveDate> = (1..=31)
        .filter_map(|d| chrono::NaiveDate::from_ymd_opt(2026, 3, d))
        .filter(|d| chrono::Datelike::weekday(d).number_from_monday() <= 5)
        .take(22)
        .collect();
    let (_, recap) = common::regency(61, 250, &days);
    let staff: usize = recap.units.iter().map(|u| u.staff.len()).sum();
    let policy = common::policy();
    let (mut best, mut best_cpu) = (f64::MAX, f64::MAX);
    let mut size = 0;
    for _ in 0..3 {
        let (t, c) = (Instant::now(), cpu_seconds());
        let xlsx = recap_workbook(&policy, &recap, &[]).expect("xlsx");
        best = best.min(t.elapsed().as_secs_f64());
        best_cpu = best_cpu.min(cpu_seconds() - c);
        size = xlsx.len();
    }
    println!(
        "recap XLSX: {} units, {} scheduled employees × {} days: best of 3 = {:.2} s (CPU {:.2} s; target ≤ 1.5 s), \
         {:.1} MB, peak RSS {:.0} MB; load {}",
        recap.units.len(),
        staff,
        days.len(),
        best,
        best_cpu,
        size as f64 / 1e6,
        peak_rss_mb(),
        load_average()
    );
}
