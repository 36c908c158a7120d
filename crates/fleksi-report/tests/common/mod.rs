//! Test fixtures: the Lebak preset policy and a hand-built master and recap of a small or
//! large regency (realistic names, valid unique NIPs), plus the independent readers
//! (poppler, qpdf, LibreOffice) the document tests check with.
#![allow(dead_code)]

use chrono::NaiveDate;
use fleksi_core::{
    DayCount, Employee, Master, Nip, Policy, Recap, StaffSchedule, Status, Unit, UnitRecap, Verdict,
};
use std::path::Path;

/// The Lebak letter as a clerk has filled it in: the preset with its assumptions confirmed
/// (the report gives neither the letter date nor the place, so the preset assumes them).
pub fn policy() -> Policy {
    let mut p = fleksi_core::presets::by_id("lebak-2025-12").expect("the Lebak preset exists");
    p.assumptions.clear();
    p
}

const UNITS: [(&str, &str, bool); 8] = [
    ("DINKES", "Dinas Kesehatan", true),
    (
        "DISKOMINFO",
        "Dinas Komunikasi, Informatika, Statistik dan Persandian",
        false,
    ),
    (
        "BKPSDM",
        "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
        false,
    ),
    ("BAPENDA", "Badan Pendapatan Daerah", true),
    ("DISDIKBUD", "Dinas Pendidikan dan Kebudayaan", false),
    ("KEC-RKB", "Kecamatan Rangkasbitung", false),
    ("SETDA", "Sekretariat Daerah", false),
    (
        "DPMPTSP",
        "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
        false,
    ),
];

const FIRST: [&str; 12] = [
    "Ahmad", "Siti", "Dede", "Euis", "Asep", "Neng", "Ujang", "Iis", "Cecep", "Yayah", "Budi",
    "Rina",
];
const LAST: [&str; 10] = [
    "Suryana",
    "Nurhayati",
    "Hidayat",
    "Rahmawati",
    "Saepudin",
    "Komariah",
    "Mulyana",
    "Jubaedah",
    "Permana",
    "Kurniasih",
];
const POSITIONS: [&str; 6] = [
    "Analis Sumber Daya Manusia Aparatur Ahli Muda",
    "Pranata Komputer Ahli Pertama",
    "Pengadministrasi Perkantoran",
    "Kepala Sub Bagian Umum dan Kepegawaian",
    "Penata Layanan Operasional",
    "Arsiparis Terampil",
];

/// A valid PNS NIP, unique for every `k` below 1,000,000.
pub fn nip(k: usize) -> Nip {
    let year = 1970 + (k % 25);
    let month = 1 + (k / 25) % 12;
    let day = 1 + (k / 300) % 28;
    let seq = 1 + (k / 8400) % 999;
    let sex = 1 + (k % 2);
    let text = format!(
        "{year}{month:02}{day:02}{}{:02}{sex}{seq:03}",
        year + 25,
        1 + (k / 7) % 12
    );
    Nip::parse(&text).unwrap_or_else(|e| panic!("fixture NIP {text}: {e}"))
}

pub fn days() -> Vec<NaiveDate> {
    (29..=31)
        .map(|d| NaiveDate::from_ymd_opt(2025, 12, d).expect("date"))
        .collect()
}

/// `units` units (cycling the names above, with a numeric suffix after the first 8) of
/// `staff` employees each; the last unit has not submitted. Statuses follow a fixed pattern;
/// counts are tallied here (a fixture stands in for the validator).
pub fn regency(units: usize, staff: usize, days: &[NaiveDate]) -> (Master, Recap) {
    let mut master_units = Vec::new();
    let mut employees = Vec::new();
    let mut recap = Recap {
        from: days.first().copied().unwrap_or_default(),
        to: days.last().copied().unwrap_or_default(),
        days: days.to_vec(),
        units: Vec::new(),
    };
    let mut k = 0;
    for u in 0..units {
        let (code, name, exempt) = UNITS[u % UNITS.len()];
        let (code, name) = if u < UNITS.len() {
            (code.to_string(), name.to_string())
        } else {
            (format!("{code}-{u}"), format!("{name} {u}"))
        };
        let submitted = u + 1 < units || units == 1;
        master_units.push(Unit {
            code: code.clone(),
            name: name.clone(),
            abbreviation: None,
            parent: None,
        });
        let mut schedules = Vec::new();
        for s in 0..staff {
            let nip = nip(k);
            k += 1;
            let title = if s % 5 == 0 {
                ", S.Kom., M.Si."
            } else if s % 3 == 0 {
                ", S.E."
            } else {
                ""
            };
            let person = format!(
                "{} {}{}",
                FIRST[(s + u) % FIRST.len()],
                LAST[(s * 7 + u) % LAST.len()],
                title
            );
            let position = POSITIONS[(s + 2 * u) % POSITIONS.len()].to_string();
            employees.push(Employee {
                nip,
                name: person.clone(),
                position: position.clone(),
                unit: code.clone(),
                rank: None,
            });
            if submitted {
                let statuses = (0..days.len())
                    .map(|d| {
                        Some(match (s + d) % 7 {
                            _ if exempt => Status::Wfo,
                            // BKPSDM sends too many WFA: over the 50 % cap.
                            0..=4 if u == 2 => Status::Wfa,
                            0 | 3 => Status::Wfa,
                            5 => Status::Cuti,
                            6 if s % 2 == 0 => Status::Dl,
                            _ => Status::Wfo,
                        })
                    })
                    .collect();
                schedules.push(StaffSchedule {
                    nip,
                    name: person,
                    position,
                    statuses,
                });
            }
        }
        let day_counts = days
            .iter()
            .enumerate()
            .map(|(d, &date)| {
                let count = |want: fn(Status) -> bool| {
                    schedules
                        .iter()
                        .filter(|s| s.statuses[d].is_some_and(want))
                        .count() as u32
                };
                let wfo = count(|s| s == Status::Wfo);
                let wfa = count(|s| s == Status::Wfa);
                let other = count(Status::is_other);
                let verdict = if !submitted {
                    Verdict::NotSubmitted
                } else if exempt {
                    Verdict::Exempt
                } else if wfa * 100 > staff as u32 * 50 {
                    Verdict::OverCap
                } else {
                    Verdict::Ok
                };
                DayCount {
                    date,
                    wfo,
                    wfa,
                    other,
                    cap_percent: if exempt { None } else { Some(50) },
                    verdict,
                    pool: None,
                }
            })
            .collect();
        recap.units.push(UnitRecap {
            code,
            name,
            total_staff: staff as u32,
            submitted,
            unreadable: false,
            exempt,
            days: day_counts,
            staff: schedules,
        });
    }
    (Master::new(master_units, employees), recap)
}

/// Runs an external reader; `None` only outside CI when it is not installed (see
/// `fleksi_testkit::tool`: under CI a missing reader fails the test).
#[allow(unused_imports)]
pub use fleksi_testkit::tool;

pub fn write_tmp(name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("fleksi-report-tests-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write temp file");
    path
}

pub fn path_str(p: &Path) -> &str {
    p.to_str().expect("utf-8 temp path")
}
