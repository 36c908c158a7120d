//! Times the benchmark-sized demo: 60 units × 250 staff × 22 working days under
//! `rejang-lebong-2026` (15,000 ASN, 60 workbooks, no planted faults). Usage:
//! `cargo run --release -p fleksi-demo --example demo_bench -- <out-folder>`.

use fleksi_demo::{write_demo, DemoOptions};
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(out) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("pemakaian: demo_bench <folder-keluaran>");
        return ExitCode::from(2);
    };
    let Some(policy) = fleksi_core::presets::by_id("rejang-lebong-2026") else {
        eprintln!("preset rejang-lebong-2026 tidak ada");
        return ExitCode::from(2);
    };
    let mut opts = DemoOptions::new(policy);
    opts.units = 60;
    opts.staff_per_unit = 250;
    opts.days = 22;
    opts.faults = false;
    let started = std::time::Instant::now();
    match write_demo(&opts, &out) {
        Ok(s) => {
            println!(
                "{} berkas, {} ASN, {} hari: {:.2} s",
                s.files.len(),
                s.master.employees.len(),
                s.days.len(),
                started.elapsed().as_secs_f64()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("Galat: {e}");
            ExitCode::from(2)
        }
    }
}
