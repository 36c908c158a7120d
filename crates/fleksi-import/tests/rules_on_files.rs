//! The rules of issue 10 through real files: OPD schedules written as CSV files in a temp
//! folder, read back by the importer and validated — the status vocabulary (PIKET, TL, a
//! policy's own words), strict approval, `date.invalid`, the cap pooled per perangkat daerah
//! or per unit kerja, per-unit schemes (own caps, piket minimum) and the Lampiran II
//! verdicts. The master (with a kecamatan and its kelurahan) is built in code.

mod common;

use common::{lebak, nip, unit, with_code};
use fleksi_core::policy::{CapBasis, UnitScheme};
use fleksi_core::{
    validate, Employee, Finding, FindingCode, Master, Nip, Policy, Recap, Severity, Status,
    StatusSynonym, Submission, Unit, Verdict, WeekdayCap,
};
use std::path::{Path, PathBuf};

/// KEC-RKB 4 staff (1–4) with its kelurahan KEL-MCT 2 (11–12), DISKOMINFO 6 (21–26), BPBD 2
/// (31–32, exempt in Lebak), DISDIK 2 (41–42), DINSOS 1 (51, exempt in Lebak).
fn master() -> Master {
    let units = vec![
        Unit::new(
            "KEC-RKB",
            "Kecamatan Rangkasbitung",
            Some("Kec. Rangkasbitung"),
            None,
        ),
        Unit::new(
            "KEL-MCT",
            "Kelurahan Muara Ciujung Timur",
            None,
            Some("KEC-RKB"),
        ),
        Unit::new(
            "DISKOMINFO",
            "Dinas Komunikasi dan Informatika",
            Some("Diskominfo"),
            None,
        ),
        Unit::new(
            "BPBD",
            "Badan Penanggulangan Bencana Daerah",
            Some("BPBD"),
            None,
        ),
        Unit::new("DISDIK", "Dinas Pendidikan", Some("Disdik"), None),
        Unit::new("DINSOS", "Dinas Sosial", Some("Dinsos"), None),
    ];
    let mut employees = Vec::new();
    for (seqs, unit) in [
        (1..=4, "KEC-RKB"),
        (11..=12, "KEL-MCT"),
        (21..=26, "DISKOMINFO"),
        (31..=32, "BPBD"),
        (41..=42, "DISDIK"),
        (51..=51, "DINSOS"),
    ] {
        for s in seqs {
            employees.push(Employee {
                nip: Nip::parse(&nip(s)).unwrap(),
                name: format!("Pegawai {s}"),
                position: "Analis".into(),
                unit: unit.into(),
                rank: None,
            });
        }
    }
    Master::new(units, employees)
}

/// A fresh folder for one test's files.
fn folder(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("fleksi-rules-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A wide CSV (`;`, UTF-8): title row, header `NIP;Nama;Jabatan;<dates>[;Persetujuan
/// Atasan]`, one line per (NIP seq, statuses[, approval]). Written to disk, read back.
fn wide_csv(
    dir: &Path,
    name: &str,
    unit_title: &str,
    dates: &[&str],
    approval: bool,
    rows: &[(u32, &[&str], &str)],
) -> (String, Vec<u8>) {
    let mut lines = vec![format!("PERANGKAT DAERAH : {unit_title};;;")];
    let mut header = vec!["NIP", "Nama", "Jabatan"];
    header.extend(dates);
    if approval {
        header.push("Persetujuan Atasan");
    }
    lines.push(header.join(";"));
    for (seq, statuses, mark) in rows {
        let mut cells = vec![nip(*seq), format!("Pegawai {seq}"), "Analis".to_string()];
        cells.extend(statuses.iter().map(|s| s.to_string()));
        if approval {
            cells.push(mark.to_string());
        }
        lines.push(cells.join(";"));
    }
    let path = dir.join(name);
    std::fs::write(&path, lines.join("\r\n") + "\r\n").unwrap();
    (name.to_string(), std::fs::read(&path).unwrap())
}

const DAYS: [&str; 3] = ["29/12/2025", "30/12/2025", "31/12/2025"];

fn read(files: &[(String, Vec<u8>)], policy: &Policy) -> Vec<Submission> {
    fleksi_import::read_submissions(files, policy, &master())
}

fn check(files: &[(String, Vec<u8>)], policy: &Policy) -> (Vec<Finding>, Recap) {
    validate(policy, &master(), &read(files, policy))
}

#[test]
fn vocabulary_piket_tl_and_the_policys_own_words() {
    let dir = folder("vocabulary");
    let rows: Vec<(u32, &[&str], &str)> = vec![
        (21, &["Piket", "Jaga", "WFO"], ""),
        (22, &["TL", "Tugas Luar", "DLK"], ""),
        (23, &["CT", "CB", "C.A.P."], ""),
        (24, &["Luring", "Luring", "WFA"], ""),
        (25, &["WFO", "WFO", "WFO"], ""),
        (26, &["WFO", "WFO", "WFO"], ""),
    ];
    let file = wide_csv(
        &dir,
        "kominfo.csv",
        "Dinas Komunikasi dan Informatika",
        &DAYS,
        false,
        &rows,
    );
    // Without the office's word, `Luring` is unknown.
    let (findings, recap) = check(std::slice::from_ref(&file), &lebak());
    let unknown = with_code(&findings, FindingCode::StatusUnknown);
    assert_eq!(unknown.len(), 2, "{unknown:?}");
    assert!(unknown[0].message.contains("'Luring'"));
    assert!(unknown[0].hint.contains("PIKET") && unknown[0].hint.contains("TL"));
    let u = unit(&recap, "DISKOMINFO");
    assert_eq!((u.days[0].wfo, u.days[0].wfa, u.days[0].other), (3, 0, 2));
    // With it: WFO.
    let mut policy = lebak();
    policy.status_synonyms = vec![StatusSynonym::new("Luring", Status::Wfo)];
    let (findings, recap) = check(&[file], &policy);
    assert!(with_code(&findings, FindingCode::StatusUnknown).is_empty());
    let u = unit(&recap, "DISKOMINFO");
    assert_eq!((u.days[0].wfo, u.days[0].wfa, u.days[0].other), (4, 0, 2));
    assert_eq!((u.days[2].wfo, u.days[2].wfa, u.days[2].other), (3, 1, 2));
    assert_eq!(u.staff[0].statuses[0], Some(Status::Piket));
    assert_eq!(u.staff[1].statuses[1], Some(Status::Tl));
    assert_eq!(u.staff[3].statuses[0], Some(Status::Wfo));
}

#[test]
fn strict_approval_from_a_file() {
    let dir = folder("approval");
    let wfa: &[&str] = &["WFO", "WFA", "WFO"];
    let rows: Vec<(u32, &[&str], &str)> = vec![
        (21, wfa, "Disetujui"),
        (22, wfa, "Belum ACC"),
        (23, wfa, "Menunggu"),
        (24, wfa, ""),
        (25, &["WFO", "WFO", "WFO"], "Ditolak atasan"),
        (26, &["WFO", "WFO", "WFO"], "Drs. Ahmad"),
    ];
    let file = wide_csv(
        &dir,
        "kominfo.csv",
        "Dinas Komunikasi dan Informatika",
        &DAYS,
        true,
        &rows,
    );
    let mut policy = lebak();
    policy.approval_required = true;
    let (findings, _) = check(std::slice::from_ref(&file), &policy);
    let missing = with_code(&findings, FindingCode::ApprovalMissing);
    let nips: Vec<&str> = missing.iter().filter_map(|f| f.nip.as_deref()).collect();
    assert_eq!(nips, [nip(22), nip(24)], "`Belum ACC` and a blank are no");
    assert!(missing.iter().all(|f| f.severity == Severity::Error));
    assert_eq!(missing[0].cell.as_deref(), Some("E4"), "the WFA cell");
    let unclear = with_code(&findings, FindingCode::ApprovalUnclear);
    assert_eq!(unclear.len(), 1);
    assert_eq!(unclear[0].severity, Severity::Warning);
    assert_eq!(unclear[0].cell.as_deref(), Some("G5"), "the approval cell");
    assert!(
        unclear[0].message.contains("sel G5"),
        "{}",
        unclear[0].message
    );
    // Not required: nothing.
    let (findings, _) = check(&[file], &lebak());
    assert!(with_code(&findings, FindingCode::ApprovalMissing).is_empty());
    assert!(with_code(&findings, FindingCode::ApprovalUnclear).is_empty());
}

#[test]
fn unreadable_dates_are_date_invalid() {
    let dir = folder("dates");
    // Wide: a header that looks like a date but is none; a real date outside the period.
    let rows: Vec<(u32, &[&str], &str)> = (21..=26)
        .map(|s| (s, &["WFO", "WFO", "WFO", "WFO"][..], ""))
        .collect();
    let wide = wide_csv(
        &dir,
        "kominfo.csv",
        "Dinas Komunikasi dan Informatika",
        &["29/12/2025", "31/02/2025", "31/12/2025", "02/01/2026"],
        false,
        &rows,
    );
    // Long: one date cell that cannot be read.
    let mut lines = vec![
        "PERANGKAT DAERAH : Kecamatan Rangkasbitung;;;".to_string(),
        "NIP;Nama;Tanggal;Keterangan".to_string(),
    ];
    for s in 1..=4 {
        for d in ["29-12-2025", "30-12-2025", "31-12-2025"] {
            let d = if s == 2 && d.starts_with("30") {
                "30-13-2025"
            } else {
                d
            };
            lines.push(format!("{};Pegawai {s};{d};WFO", nip(s)));
        }
    }
    let path = dir.join("kecamatan.csv");
    std::fs::write(&path, lines.join("\n")).unwrap();
    let long = ("kecamatan.csv".to_string(), std::fs::read(&path).unwrap());
    let (findings, _) = check(&[wide, long], &lebak());
    let invalid = with_code(&findings, FindingCode::DateInvalid);
    let cells: Vec<(&str, &str)> = invalid
        .iter()
        .map(|f| (f.file.as_deref().unwrap(), f.cell.as_deref().unwrap()))
        .collect();
    assert_eq!(cells, [("kominfo.csv", "E2"), ("kecamatan.csv", "C7")]);
    assert!(invalid.iter().all(|f| f.is_error()));
    assert!(
        invalid[0].message.contains("'31/02/2025'"),
        "{}",
        invalid[0].message
    );
    // The readable date outside the period is still `date.outside_period`, and only it.
    let outside = with_code(&findings, FindingCode::DateOutsidePeriod);
    assert_eq!(outside.len(), 1);
    assert_eq!(outside[0].cell.as_deref(), Some("G2"));
}

fn kecamatan_files(dir: &Path, kec_wfa: u32, kel_wfa: u32) -> Vec<(String, Vec<u8>)> {
    let wfa: &[&str] = &["WFO", "WFA", "WFO"];
    let wfo: &[&str] = &["WFO", "WFO", "WFO"];
    let kec: Vec<(u32, &[&str], &str)> = (1..=4)
        .map(|s| (s, if s <= kec_wfa { wfa } else { wfo }, ""))
        .collect();
    let kel: Vec<(u32, &[&str], &str)> = (11..=12)
        .map(|s| (s, if s - 10 <= kel_wfa { wfa } else { wfo }, ""))
        .collect();
    vec![
        wide_csv(
            dir,
            "kecamatan.csv",
            "Kecamatan Rangkasbitung",
            &DAYS,
            false,
            &kec,
        ),
        wide_csv(
            dir,
            "kelurahan.csv",
            "Kelurahan Muara Ciujung Timur",
            &DAYS,
            false,
            &kel,
        ),
    ]
}

#[test]
fn the_cap_pools_a_kecamatan_with_its_kelurahan() {
    let dir = folder("pool");
    // 2 + 2 of 6 ASN at 50 %: over (the allowance is 3).
    let files = kecamatan_files(&dir, 2, 2);
    let (findings, recap) = check(&files, &lebak());
    let over = with_code(&findings, FindingCode::WfaQuotaExceeded);
    assert_eq!(over.len(), 1, "{over:?}");
    assert_eq!(over[0].unit.as_deref(), Some("KEC-RKB"));
    assert_eq!(over[0].file.as_deref(), Some("kecamatan.csv"));
    assert!(
        over[0]
            .message
            .contains("Kecamatan Rangkasbitung (perangkat daerah, dihitung gabungan")
            && over[0].message.contains("WFA 4 dari 6 ASN = 66,7 % > 50 %"),
        "{}",
        over[0].message
    );
    assert!(over[0].hint.contains("paling banyak 3 orang"));
    for code in ["KEC-RKB", "KEL-MCT"] {
        let day = &unit(&recap, code).days[1];
        assert_eq!(day.verdict, Verdict::OverCap, "{code}");
        let pool = day.pool.as_ref().unwrap();
        assert_eq!((pool.counted, pool.total, pool.allowance), (4, 6, Some(3)));
    }
    // 2 + 1 of 6: within, although the kelurahan alone is at 50 % and the kecamatan too.
    let (findings, _) = check(&kecamatan_files(&dir, 2, 1), &lebak());
    assert!(with_code(&findings, FindingCode::WfaQuotaExceeded).is_empty());

    // Per unit kerja: the kelurahan's 2 of 2 is over on its own, the kecamatan's 2 of 4 not.
    let mut policy = lebak();
    policy.cap_basis = CapBasis::UnitKerja;
    let (findings, recap) = check(&files, &policy);
    let over = with_code(&findings, FindingCode::WfaQuotaExceeded);
    assert_eq!(over.len(), 1);
    assert_eq!(over[0].unit.as_deref(), Some("KEL-MCT"));
    assert_eq!(unit(&recap, "KEC-RKB").days[1].verdict, Verdict::Ok);
    assert_eq!(unit(&recap, "KEL-MCT").days[1].verdict, Verdict::OverCap);
}

#[test]
fn a_units_scheme_caps_and_piket_from_a_file() {
    let dir = folder("scheme");
    let rows: Vec<(u32, &[&str], &str)> = vec![
        (21, &["WFO", "WFA", "WFO"], ""),
        (22, &["WFO", "WFA", "WFO"], ""),
        (23, &["WFO", "WFO", "Piket"], ""),
        (24, &["WFO", "WFO", "Piket"], ""),
        (25, &["WFO", "WFO", "CUTI"], ""),
        (26, &["WFO", "WFO", "DL"], ""),
    ];
    let file = wide_csv(
        &dir,
        "kominfo.csv",
        "Dinas Komunikasi dan Informatika",
        &DAYS,
        false,
        &rows,
    );
    let mut policy = lebak();
    policy.schemes = vec![UnitScheme {
        unit: "DISKOMINFO".into(),
        caps: vec![WeekdayCap {
            weekday: chrono::Weekday::Tue,
            percent: 20,
        }],
        piket_min: Some(5),
    }];
    let (findings, recap) = check(std::slice::from_ref(&file), &policy);
    // Tuesday 30 December: 2 of 6 > 20 %, and 4 on duty < 5.
    let over = with_code(&findings, FindingCode::WfaQuotaExceeded);
    assert_eq!(over.len(), 1);
    assert!(
        over[0].message.contains("> 20 % (batas skema unit)"),
        "{}",
        over[0].message
    );
    let piket = with_code(&findings, FindingCode::PiketUnderstaffed);
    let dates: Vec<String> = piket
        .iter()
        .map(|f| f.date.unwrap().format("%d").to_string())
        .collect();
    // 31 December: 2 WFO + 2 PIKET = 4 on duty.
    assert_eq!(dates, ["30", "31"]);
    assert_eq!(piket[0].cell.as_deref(), Some("E2"));
    assert!(piket[0]
        .message
        .contains("4 orang, kurang dari piket minimal 5"));
    assert_eq!(unit(&recap, "DISKOMINFO").days[1].cap_percent, Some(20));
    // Negative: the general 50 % cap and no piket.
    let (findings, _) = check(&[file], &lebak());
    assert!(with_code(&findings, FindingCode::WfaQuotaExceeded).is_empty());
    assert!(with_code(&findings, FindingCode::PiketUnderstaffed).is_empty());
}

#[test]
fn lampiran_ii_verdicts_of_exempt_units() {
    let dir = folder("verdicts");
    let bpbd = wide_csv(
        &dir,
        "bpbd.csv",
        "Badan Penanggulangan Bencana Daerah",
        &DAYS,
        false,
        &[
            (31, &["WFO", "WFA", "WFO"], ""),
            (32, &["WFO", "WFO", "WFO"], ""),
        ],
    );
    let (findings, recap) = check(&[bpbd], &lebak());
    assert_eq!(with_code(&findings, FindingCode::WfaExemptUnit).len(), 1);
    let b = unit(&recap, "BPBD");
    assert!(b.exempt && b.submitted);
    let verdicts: Vec<Verdict> = b.days.iter().map(|d| d.verdict).collect();
    assert_eq!(
        verdicts,
        [Verdict::Exempt, Verdict::ExemptViolated, Verdict::Exempt]
    );
    // Exempt or not, a unit that sent nothing: "Belum mengirim".
    for code in ["DINSOS", "DISDIK"] {
        let u = unit(&recap, code);
        assert!(!u.submitted);
        assert!(u.days.iter().all(|d| d.verdict == Verdict::NotSubmitted));
    }
    assert!(unit(&recap, "DINSOS").exempt);
}
