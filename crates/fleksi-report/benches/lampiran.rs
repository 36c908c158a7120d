//! Bench: the lampiran PDF of a large regency (61 units, 15,000 scheduled employees, 22 working days).
//! A plain timing binary (`harness = false`) rather than criterion: the budget is a single
//! wall-clock bound (≤ 3 s, release, 2 cores) and criterion would add ~40 crates to build.
//! Run: `cargo bench -p fleksi-report --bench lampiran`.

#[path = "../tests/common/mod.rs"]
mod common;

use fleksi_report::pdf::{lampiran, PdfOptions};
use std::time::Instant;

fn main() {
    let days: Vec<chrono::NaiveDate> = (1..=31)
        .filter_map(|d| chrono::NaiveDate::from_ymd_opt(2026, 3, d))
        .filter(|d| chrono::Datelike::weekday(d).number_from_monday() <= 5)
        .take(22)
        .collect();
    let (_, recap) = common::regency(61, 250, &days);
    let staff: usize = recap.units.iter().map(|u| u.staff.len()).sum();
    let policy = common::policy();
    let mut best = f64::MAX;
    let mut size = 0;
    for _ in 0..3 {
        let t = Instant::now();
        let pdf = lampiran(&policy, &recap, &PdfOptions::default()).expect("pdf");
        best = best.min(t.elapsed().as_secs_f64());
        size = pdf.len();
    }
    println!(
        "lampiran PDF: {} units, {} scheduled employees × {} days: best of 3 = {:.2} s, {:.1} MB",
        recap.units.len(),
        staff,
        days.len(),
        best,
        size as f64 / 1e6
    );
}
