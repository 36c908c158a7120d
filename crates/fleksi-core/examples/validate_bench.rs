//! Times `rules::validate` on a large regency (60 units × 250 ASN × 22 working days, about
//! 330,000 status cells). Run: `cargo run --release -p fleksi-core --example validate_bench`.

use fleksi_core::finding::a1;
use fleksi_core::{
    presets, Employee, Entry, Layout, Master, Nip, ScheduleRow, Status, Submission, Unit,
};
use std::time::Instant;

const UNITS: u32 = 60;
const STAFF: u32 = 250;

fn nip(n: u32) -> Nip {
    // Unique per employee: birth day/month/year and sequence vary.
    let year = 1965 + n % 35;
    let month = 1 + (n / 35) % 12;
    let day = 1 + (n / 420) % 28;
    let seq = 1 + n / 11_760;
    Nip::parse(&format!("{year}{month:02}{day:02}{}011{seq:03}", year + 25)).expect("valid NIP")
}

fn main() {
    let policy = presets::by_id("rejang-lebong-2026").expect("preset");
    let days: Vec<_> = fleksi_core::working_days(&policy)
        .into_iter()
        .take(22)
        .collect();
    let mut units = Vec::new();
    let mut employees = Vec::new();
    for u in 0..UNITS {
        units.push(Unit {
            code: format!("U{u:02}"),
            name: format!("Dinas Contoh {u}"),
            abbreviation: None,
            parent: None,
        });
        for s in 0..STAFF {
            employees.push(Employee {
                nip: nip(u * STAFF + s),
                name: format!("Pegawai {u}-{s}"),
                position: "Analis".into(),
                unit: format!("U{u:02}"),
                rank: None,
            });
        }
    }
    let master = Master::new(units, employees);
    let statuses = ["WFO", "WFO", "WFA", "WFO", "CUTI", "WFA", "WFO"];
    let subs: Vec<Submission> = (0..UNITS)
        .map(|u| Submission {
            file: format!("u{u:02}.xlsx"),
            sheet: "Jadwal".into(),
            unit: Some(format!("U{u:02}")),
            layout: Layout::Wide,
            dates: days.clone(),
            date_cells: (0..days.len() as u32).map(|c| a1(5 + c, 4)).collect(),
            findings: vec![],
            notes: vec![],
            rows: (0..STAFF)
                .map(|s| ScheduleRow {
                    nip: Some(nip(u * STAFF + s)),
                    nip_text: nip(u * STAFF + s).as_str().into(),
                    nip_cell: a1(1, 5 + s),
                    name: format!("Pegawai {u}-{s}"),
                    position: "Analis".into(),
                    entries: days
                        .iter()
                        .enumerate()
                        .map(|(c, d)| {
                            let raw = statuses[(s as usize + c) % statuses.len()];
                            Entry {
                                date: *d,
                                status: Status::parse(raw),
                                raw: raw.into(),
                                cell: a1(5 + c as u32, 5 + s),
                                approved: None,
                                approval_cell: None,
                            }
                        })
                        .collect(),
                })
                .collect(),
        })
        .collect();
    let cells: usize = subs
        .iter()
        .flat_map(|s| &s.rows)
        .map(|r| r.entries.len())
        .sum();
    for _ in 0..3 {
        let t = Instant::now();
        let (findings, recap) = fleksi_core::validate(&policy, &master, &subs);
        println!(
            "validate: {cells} sel, {} unit, {} temuan — {:.1} ms",
            recap.units.len(),
            findings.len(),
            t.elapsed().as_secs_f64() * 1000.0
        );
    }
}
