//! Times Susun jadwal at the design's scale: a generated regency of 60 units × 250 ASN
//! (15,000) under `rejang-lebong-2026` (50 % Monday–Thursday, 100 % Friday, weekly limit
//! unset), 22 working days, with 2 % of the person-days known (leave, dinas luar). Prints the
//! best of 5 runs, the CPU time and the load average. Usage:
//! `cargo bench -p fleksi-propose --bench propose`.

use fleksi_core::{presets, Status};
use fleksi_propose::{propose, Known, Request};
use std::time::Instant;

fn cpu_seconds() -> f64 {
    // utime + stime of this process, from /proc (Linux); 0 elsewhere.
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return 0.0;
    };
    let fields: Vec<&str> = stat
        .rsplit(')')
        .next()
        .unwrap_or("")
        .split_whitespace()
        .collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    (ticks(11) + ticks(12)) / 100.0
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "?".into())
}

fn main() {
    let policy = presets::by_id("rejang-lebong-2026").expect("preset");
    let mut opts = fleksi_demo::DemoOptions::new(policy.clone());
    opts.units = 60;
    opts.staff_per_unit = 250;
    opts.days = 1;
    opts.faults = false;
    let dir = std::env::temp_dir().join(format!("fleksi-propose-bench-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let summary = fleksi_demo::write_demo(&opts, &dir).expect("demo regency");
    let _ = std::fs::remove_dir_all(&dir);
    let master = summary.master;
    let days = &fleksi_core::working_days(&policy)[..22];
    let mut known = Known::new();
    for (i, e) in master.employees.iter().enumerate() {
        for (d, date) in days.iter().enumerate() {
            if (i * 31 + d * 17) % 50 == 0 {
                let s = if i % 2 == 0 { Status::Cuti } else { Status::Dl };
                known.insert(e.nip, *date, s);
            }
        }
    }
    let mut request = Request::new(&policy, &master, days[0], days[21]);
    request.known = known;
    let mut best = f64::MAX;
    let mut wfa = 0;
    let cpu0 = cpu_seconds();
    for _ in 0..5 {
        let t = Instant::now();
        let proposal = propose(&request);
        best = best.min(t.elapsed().as_secs_f64());
        wfa = proposal
            .units
            .iter()
            .flat_map(|u| &u.people)
            .map(|p| p.wfa_days())
            .sum::<usize>();
        assert!(proposal.shortfalls.is_empty(), "{:?}", proposal.shortfalls);
    }
    println!(
        "propose: {} units, {} ASN, {} days, {} WFA days: {:.3} s (best of 5; CPU {:.2} s for \
         5 runs; load {})",
        master.units.len(),
        master.employees.len(),
        days.len(),
        wfa,
        best,
        cpu_seconds() - cpu0,
        load_average()
    );
}
