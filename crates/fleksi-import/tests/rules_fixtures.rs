//! The rules of issue 10 on schedules written by real programs: openpyxl (xlsx) and
//! LibreOffice headless (ods, xls converted from xlsx), checked in under
//! `tests/fixtures/rules/` by `make_rules.py` (see the README there). The master and the
//! policy are built in code, as in `rules_on_files.rs`.

mod common;

use common::{lebak, nip, unit, with_code};
use fleksi_core::policy::{CapBasis, UnitScheme};
use fleksi_core::{
    validate, Employee, Finding, FindingCode, Master, Nip, Policy, Recap, Severity, Status,
    Submission, Unit, Verdict,
};
use std::path::PathBuf;

/// KEC-RKB 4 staff (1–4) with its kelurahan KEL-MCT 2 (11–12), DISKOMINFO 10 (21–30).
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
    ];
    let mut employees = Vec::new();
    for (seqs, unit) in [
        (1..=4, "KEC-RKB"),
        (11..=12, "KEL-MCT"),
        (21..=30, "DISKOMINFO"),
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

/// A checked-in fixture, read from disk.
fn fixture(name: &str) -> (String, Vec<u8>) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/rules")
        .join(name);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    (name.to_string(), bytes)
}

fn read(files: &[(String, Vec<u8>)], policy: &Policy) -> Vec<Submission> {
    fleksi_import::read_submissions(files, policy, &master())
}

fn check(files: &[(String, Vec<u8>)], policy: &Policy) -> (Vec<Finding>, Recap) {
    validate(policy, &master(), &read(files, policy))
}

/// Findings no fixture plants: a file that is read wrongly shows up here first.
fn assert_clean_read(findings: &[Finding]) {
    for code in [
        FindingCode::StatusUnknown,
        FindingCode::DateInvalid,
        FindingCode::DateOutsidePeriod,
    ] {
        assert!(with_code(findings, code).is_empty(), "{findings:#?}");
    }
}

#[test]
fn approval_marks_from_openpyxl_xlsx() {
    let file = fixture("approval.xlsx");
    let mut policy = lebak();
    policy.approval_required = true;
    let (findings, _) = check(std::slice::from_ref(&file), &policy);
    assert_clean_read(&findings);
    // Blank, `Belum ACC`, `Tidak setuju`, `Ditolak atasan` on a WFA row: no, at the WFA cell.
    let missing: Vec<(String, &str)> = with_code(&findings, FindingCode::ApprovalMissing)
        .iter()
        .map(|f| {
            assert_eq!(f.severity, Severity::Error);
            assert_eq!(f.file.as_deref(), Some("approval.xlsx"));
            (f.nip.clone().unwrap(), f.cell.as_deref().unwrap())
        })
        .collect();
    assert_eq!(
        missing,
        [
            (nip(24), "E6"),
            (nip(25), "E7"),
            (nip(26), "E8"),
            (nip(29), "F11"),
        ]
    );
    // `Menunggu` and `?`: unclear, at the approval cell.
    let unclear: Vec<(String, &str)> = with_code(&findings, FindingCode::ApprovalUnclear)
        .iter()
        .map(|f| {
            assert_eq!(f.severity, Severity::Warning);
            (f.nip.clone().unwrap(), f.cell.as_deref().unwrap())
        })
        .collect();
    assert_eq!(unclear, [(nip(27), "G9"), (nip(28), "G10")]);
    // `Disetujui`, `ACC`, a paraf name and the WFO-only row: nothing; 3 WFA of 10 a day: no cap.
    assert!(with_code(&findings, FindingCode::WfaQuotaExceeded).is_empty());
    // Approval not required: nothing.
    let (findings, _) = check(&[file], &lebak());
    assert!(with_code(&findings, FindingCode::ApprovalMissing).is_empty());
    assert!(with_code(&findings, FindingCode::ApprovalUnclear).is_empty());
}

#[test]
fn piket_jaga_tl_dlk_ct_cb_from_libreoffice_ods() {
    let (findings, recap) = check(&[fixture("vocabulary.ods")], &lebak());
    assert_clean_read(&findings);
    let u = unit(&recap, "DISKOMINFO");
    assert!(u.submitted);
    assert_eq!(u.staff.len(), 10);
    let day = |i: usize| (u.days[i].wfo, u.days[i].wfa, u.days[i].other);
    // PIKET / Jaga count as WFO; TL, Tugas Luar, DLK, CT, CB as other.
    assert_eq!(day(0), (8, 0, 2));
    assert_eq!(day(1), (8, 0, 2));
    assert_eq!(day(2), (8, 1, 1));
    assert_eq!(
        u.staff[0].statuses,
        [Some(Status::Piket), Some(Status::Piket), Some(Status::Wfo)]
    );
    assert_eq!(
        u.staff[1].statuses,
        [Some(Status::Tl), Some(Status::Tl), Some(Status::Dl)]
    );
    assert_eq!(
        u.staff[2].statuses,
        [Some(Status::Cuti), Some(Status::Cuti), Some(Status::Wfa)]
    );
    assert!(u.days.iter().all(|d| d.verdict == Verdict::Ok));
}

#[test]
fn pooled_cap_of_a_kecamatan_and_its_kelurahan_from_openpyxl_xlsx() {
    let kec = fixture("kecamatan.xlsx");
    let kel = fixture("kelurahan.xlsx");
    // Each file alone: 2 WFA of the pool's 6 ASN on 30 December, within 50 %.
    for alone in [&kec, &kel] {
        let (findings, _) = check(std::slice::from_ref(alone), &lebak());
        assert_clean_read(&findings);
        assert!(
            with_code(&findings, FindingCode::WfaQuotaExceeded).is_empty(),
            "{}",
            alone.0
        );
    }
    // Together: 4 of 6 = 66,7 % > 50 %, one finding on the kecamatan.
    let (findings, recap) = check(&[kec.clone(), kel.clone()], &lebak());
    assert_clean_read(&findings);
    let over = with_code(&findings, FindingCode::WfaQuotaExceeded);
    assert_eq!(over.len(), 1, "{over:?}");
    assert_eq!(over[0].unit.as_deref(), Some("KEC-RKB"));
    assert_eq!(over[0].file.as_deref(), Some("kecamatan.xlsx"));
    assert_eq!(over[0].date.unwrap().format("%d-%m").to_string(), "30-12");
    assert!(
        over[0].message.contains("Kecamatan Rangkasbitung")
            && over[0].message.contains("WFA 4 dari 6 ASN = 66,7 % > 50 %"),
        "{}",
        over[0].message
    );
    for code in ["KEC-RKB", "KEL-MCT"] {
        let day = &unit(&recap, code).days[1];
        assert_eq!(day.verdict, Verdict::OverCap, "{code}");
        let pool = day.pool.as_ref().unwrap();
        assert_eq!((pool.counted, pool.total, pool.allowance), (4, 6, Some(3)));
    }
    // Per unit kerja the kecamatan's 2 of 4 is within (the kelurahan's 2 of 2 is not).
    let mut policy = lebak();
    policy.cap_basis = CapBasis::UnitKerja;
    let (findings, _) = check(&[kec, kel], &policy);
    let over = with_code(&findings, FindingCode::WfaQuotaExceeded);
    assert_eq!(over.len(), 1);
    assert_eq!(over[0].unit.as_deref(), Some("KEL-MCT"));
}

#[test]
fn piket_minimum_from_libreoffice_xls() {
    let file = fixture("piket.xls");
    let mut policy = lebak();
    policy.schemes = vec![UnitScheme {
        unit: "DISKOMINFO".into(),
        caps: vec![],
        piket_min: Some(5),
    }];
    let (findings, recap) = check(std::slice::from_ref(&file), &policy);
    assert_clean_read(&findings);
    let piket = with_code(&findings, FindingCode::PiketUnderstaffed);
    assert_eq!(piket.len(), 1, "{piket:?}");
    assert_eq!(
        piket[0].date.unwrap().format("%d-%m-%Y").to_string(),
        "30-12-2025"
    );
    assert_eq!(piket[0].file.as_deref(), Some("piket.xls"));
    assert_eq!(piket[0].cell.as_deref(), Some("E2"));
    assert!(
        piket[0]
            .message
            .contains("4 orang, kurang dari piket minimal 5"),
        "{}",
        piket[0].message
    );
    // 3 WFA of 10: within the general cap.
    assert!(with_code(&findings, FindingCode::WfaQuotaExceeded).is_empty());
    assert_eq!(unit(&recap, "DISKOMINFO").days[1].wfo, 4);
    // Without the scheme: no piket minimum.
    let (findings, _) = check(&[file], &lebak());
    assert!(with_code(&findings, FindingCode::PiketUnderstaffed).is_empty());
}
