//! Tests of the rules engine: every finding code with a positive and a negative case, the
//! cap boundary, Rejang Lebong's weekday caps, and the recap.

use super::validate;
use crate::finding::{a1, Finding, FindingCode, Severity};
use crate::master::{Employee, Master, Unit};
use crate::nip::Nip;
use crate::policy::Policy;
use crate::presets;
use crate::recap::{Recap, Verdict};
use crate::status::Status;
use crate::submission::{Approval, Entry, Layout, ScheduleRow, Submission};
use chrono::{NaiveDate, Weekday};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// A valid PNS NIP with sequence `seq` (1–999).
fn nip(seq: u32) -> Nip {
    Nip::parse(&format!("198503122010011{seq:03}")).unwrap()
}

/// KOMINFO 15 staff (1–15), DINKES 3 (101–103) with its puskesmas PKM-CBD 2 (201–202),
/// DISDIK 2 (301–302), SETDA 0.
fn master() -> Master {
    let units = vec![
        Unit::new(
            "KOMINFO",
            "Dinas Komunikasi, Informatika, Statistik dan Persandian",
            Some("Diskominfosantik"),
            None,
        ),
        Unit::new("DINKES", "Dinas Kesehatan", Some("Dinkes"), None),
        Unit::new("PKM-CBD", "UPTD Puskesmas Cibadak", None, Some("DINKES")),
        Unit::new("DISDIK", "Dinas Pendidikan", Some("Disdik"), None),
        Unit::new("SETDA", "Sekretariat Daerah", Some("Setda"), None),
    ];
    let mut employees = Vec::new();
    let mut add = |seqs: std::ops::RangeInclusive<u32>, unit: &str| {
        for s in seqs {
            employees.push(Employee {
                nip: nip(s),
                name: format!("Pegawai {s}"),
                position: "Pranata Komputer".into(),
                unit: unit.into(),
                rank: None,
            });
        }
    };
    add(1..=15, "KOMINFO");
    add(101..=103, "DINKES");
    add(201..=202, "PKM-CBD");
    add(301..=302, "DISDIK");
    Master::new(units, employees)
}

fn lebak() -> Policy {
    presets::by_id("lebak-2025-12").unwrap()
}

const LEBAK_DAYS: [(i32, u32, u32); 3] = [(2025, 12, 29), (2025, 12, 30), (2025, 12, 31)];

fn lebak_days() -> Vec<NaiveDate> {
    LEBAK_DAYS.iter().map(|&(y, m, x)| d(y, m, x)).collect()
}

/// A wide workbook: header on row 5 with dates from column F, one row per NIP from row 6,
/// NIP in column B. `rows` are (NIP text, one raw status per date).
fn wide(
    file: &str,
    unit: Option<&str>,
    dates: &[NaiveDate],
    rows: &[(String, Vec<&str>)],
) -> Submission {
    let rows = rows
        .iter()
        .enumerate()
        .map(|(r, (text, statuses))| {
            let row = 5 + r as u32;
            ScheduleRow {
                nip: Nip::parse(text).ok(),
                nip_text: text.clone(),
                nip_cell: a1(1, row),
                name: format!("Baris {}", r + 1),
                position: String::new(),
                entries: dates
                    .iter()
                    .zip(statuses)
                    .enumerate()
                    .map(|(c, (date, raw))| Entry {
                        date: *date,
                        status: Status::parse(raw),
                        raw: raw.to_string(),
                        cell: a1(5 + c as u32, row),
                        approved: None,
                        approval_cell: None,
                    })
                    .collect(),
            }
        })
        .collect();
    Submission {
        file: file.into(),
        sheet: "Jadwal".into(),
        unit: unit.map(Into::into),
        layout: Layout::Wide,
        dates: dates.to_vec(),
        date_cells: (0..dates.len()).map(|c| a1(5 + c as u32, 4)).collect(),
        rows,
        findings: vec![],
        notes: vec![],
    }
}

/// Rows for NIPs `seqs`, each with the same statuses.
fn rows(
    seqs: impl IntoIterator<Item = u32>,
    statuses: &[&'static str],
) -> Vec<(String, Vec<&'static str>)> {
    seqs.into_iter()
        .map(|s| (nip(s).as_str().to_string(), statuses.to_vec()))
        .collect()
}

/// KOMINFO's 15 staff: the first `wfa` WFA on 30 December, everyone else WFO.
fn kominfo(wfa: u32) -> Submission {
    let mut r = rows(1..=wfa, &["WFO", "WFA", "WFO"]);
    r.extend(rows(wfa + 1..=15, &["WFO", "WFO", "WFO"]));
    wide("kominfo.xlsx", Some("KOMINFO"), &lebak_days(), &r)
}

fn run(policy: &Policy, subs: &[Submission]) -> (Vec<Finding>, Recap) {
    validate(policy, &master(), subs)
}

fn with_code(findings: &[Finding], code: FindingCode) -> Vec<&Finding> {
    findings.iter().filter(|f| f.code == code).collect()
}

fn codes(findings: &[Finding]) -> Vec<FindingCode> {
    findings.iter().map(|f| f.code).collect()
}

#[test]
fn a_clean_submission_has_no_findings() {
    let (findings, recap) = run(&lebak(), &[kominfo(7)]);
    assert_eq!(codes(&findings), vec![]);
    let u = &recap.units[0];
    assert_eq!(u.code, "KOMINFO");
    assert!(u.submitted);
    assert_eq!(u.total_staff, 15);
    assert_eq!((u.days[1].wfo, u.days[1].wfa, u.days[1].other), (8, 7, 0));
    assert_eq!(u.days[1].verdict, Verdict::Ok);
    assert_eq!(u.days[1].cap_percent, Some(50));
}

#[test]
fn import_findings_come_first() {
    let mut s = kominfo(8);
    s.findings
        .push(Finding::new(FindingCode::StatusUnknown, "x", "y").at(
            "kominfo.xlsx",
            "Jadwal",
            "G9",
        ));
    let (findings, _) = run(&lebak(), &[s]);
    assert_eq!(
        codes(&findings),
        vec![FindingCode::StatusUnknown, FindingCode::WfaQuotaExceeded]
    );
}

#[test]
fn cap_boundary_7_of_15_passes_8_of_15_fails() {
    let (ok, recap) = run(&lebak(), &[kominfo(7)]);
    assert!(with_code(&ok, FindingCode::WfaQuotaExceeded).is_empty());
    assert_eq!(recap.units[0].days[1].verdict, Verdict::Ok);

    let (over, recap) = run(&lebak(), &[kominfo(8)]);
    let f = with_code(&over, FindingCode::WfaQuotaExceeded);
    assert_eq!(f.len(), 1, "one finding per unit-day");
    let f = f[0];
    assert_eq!(f.severity, Severity::Error);
    assert_eq!(f.file.as_deref(), Some("kominfo.xlsx"));
    assert_eq!(f.sheet.as_deref(), Some("Jadwal"));
    assert_eq!(
        f.cell.as_deref(),
        Some("G5"),
        "the header cell of 30 December"
    );
    assert_eq!(f.unit.as_deref(), Some("KOMINFO"));
    assert_eq!(f.date, Some(d(2025, 12, 30)));
    assert!(
        f.message.contains("WFA 8 dari 15 ASN = 53,3 % > 50 %"),
        "{}",
        f.message
    );
    assert!(f.hint.contains("paling banyak 7 orang"), "{}", f.hint);
    assert_eq!(recap.units[0].days[1].verdict, Verdict::OverCap);
    assert_eq!(recap.units[0].days[0].verdict, Verdict::Ok);
}

#[test]
fn leave_can_count_toward_the_cap() {
    let mut policy = lebak();
    policy.leave_counts_toward_cap = true;
    let mut r = rows(1..=6, &["WFO", "WFA", "WFO"]);
    r.extend(rows(7..=8, &["WFO", "CUTI", "WFO"]));
    r.extend(rows(9..=15, &["WFO", "WFO", "WFO"]));
    let s = wide("kominfo.xlsx", Some("KOMINFO"), &lebak_days(), &r);
    let (findings, recap) = run(&policy, std::slice::from_ref(&s));
    let f = with_code(&findings, FindingCode::WfaQuotaExceeded);
    assert_eq!(f.len(), 1);
    assert!(
        f[0].message.contains("8 dari 15 ASN = 53,3 %"),
        "{}",
        f[0].message
    );
    assert_eq!(recap.units[0].days[1].other, 2);
    // Without the option the same schedule is within the cap.
    let (findings, _) = run(&lebak(), &[s]);
    assert!(with_code(&findings, FindingCode::WfaQuotaExceeded).is_empty());
}

#[test]
fn rejang_lebong_friday_100_monday_50() {
    let policy = presets::by_id("rejang-lebong-2026").unwrap();
    let days = [d(2026, 4, 6), d(2026, 4, 10)]; // Monday, Friday
    let s = wide(
        "kominfo.xlsx",
        Some("KOMINFO"),
        &days,
        &rows(1..=15, &["WFA", "WFA"]),
    );
    let (findings, recap) = run(&policy, &[s]);
    let over = with_code(&findings, FindingCode::WfaQuotaExceeded);
    assert_eq!(over.len(), 1);
    assert_eq!(over[0].date, Some(d(2026, 4, 6)));
    assert!(over[0].message.contains("15 dari 15 ASN = 100 % > 50 %"));
    let u = &recap.units[0];
    let fri = recap
        .days
        .iter()
        .position(|x| *x == d(2026, 4, 10))
        .unwrap();
    let mon = recap.days.iter().position(|x| *x == d(2026, 4, 6)).unwrap();
    assert_eq!(u.days[fri].verdict, Verdict::Ok);
    assert_eq!(u.days[fri].cap_percent, Some(100));
    assert_eq!(u.days[mon].verdict, Verdict::OverCap);
    // Two WFA days in the week: within the weekly limit of 2.
    assert!(with_code(&findings, FindingCode::WfaWeeklyLimit).is_empty());
    // The other working days of the period exist in the recap but the file does not cover
    // them: no status.missing for them, and nothing came for them.
    assert!(with_code(&findings, FindingCode::StatusMissing).is_empty());
    let tue = recap.days.iter().position(|x| *x == d(2026, 4, 7)).unwrap();
    assert_eq!(u.days[tue].verdict, Verdict::NotSubmitted);
    assert!(u.submitted);
}

#[test]
fn weekly_limit_warns_once_per_person_week() {
    let policy = presets::by_id("rejang-lebong-2026").unwrap();
    let days = [d(2026, 4, 7), d(2026, 4, 9), d(2026, 4, 10), d(2026, 4, 13)];
    let mut r = rows(1..=1, &["WFA", "WFA", "WFA", "WFA"]);
    r.extend(rows(2..=2, &["WFA", "WFO", "WFA", "WFA"]));
    r.extend(rows(3..=15, &["WFO", "WFO", "WFO", "WFO"]));
    let (findings, _) = run(&policy, &[wide("k.xlsx", Some("KOMINFO"), &days, &r)]);
    let w = with_code(&findings, FindingCode::WfaWeeklyLimit);
    assert_eq!(w.len(), 1, "{w:?}");
    assert_eq!(w[0].severity, Severity::Warning);
    assert_eq!(w[0].nip.as_deref(), Some(nip(1).as_str()));
    assert_eq!(
        w[0].cell.as_deref(),
        Some("H6"),
        "the third WFA of the week"
    );
    assert!(w[0].message.contains("WFA 3 hari"), "{}", w[0].message);
    assert!(w[0].message.contains("6 April 2026 – 10 April 2026"));
    // Off for the 3-day holiday policies.
    let mut lebak = lebak();
    lebak.weekly_wfa_limit = None;
    let s = wide(
        "k.xlsx",
        Some("KOMINFO"),
        &lebak_days(),
        &rows(1..=1, &["WFA", "WFA", "WFA"]),
    );
    let (findings, _) = run(&lebak, &[s]);
    assert!(with_code(&findings, FindingCode::WfaWeeklyLimit).is_empty());
}

#[test]
fn weekly_limit_counts_every_wfa_day_of_the_week_once() {
    let policy = presets::by_id("rejang-lebong-2026").unwrap();
    // Monday 6 to Friday 10 April 2026, then Monday 13 (the next week).
    let week: Vec<NaiveDate> = (6..=10).map(|day| d(2026, 4, day)).collect();
    let mut days = week.clone();
    days.push(d(2026, 4, 13));
    let r = rows(1..=1, &["WFA", "WFA", "WFA", "WFA", "WFA", "WFA"]);
    let (findings, recap) = run(&policy, &[wide("k.xlsx", Some("KOMINFO"), &days, &r)]);
    let working = week.iter().filter(|d| recap.days.contains(d)).count();
    assert!(working >= 4, "{working} working days");
    let w = with_code(&findings, FindingCode::WfaWeeklyLimit);
    assert_eq!(
        w.len(),
        1,
        "one finding for the week, none for the next: {w:?}"
    );
    let expected = format!("WFA {working} hari");
    assert!(w[0].message.contains(&expected), "{}", w[0].message);
    assert!(w[0].message.contains("6 April 2026 – 10 April 2026"));
    assert_eq!(w[0].date, Some(d(2026, 4, 6)));
}

#[test]
fn exempt_unit_with_wfa() {
    // Puskesmas under Dinkes is exempt under Lebak.
    let s = wide(
        "pkm.xlsx",
        Some("PKM-CBD"),
        &lebak_days(),
        &rows(201..=202, &["WFO", "WFA", "WFO"]),
    );
    let (findings, recap) = run(&lebak(), &[s]);
    let f = with_code(&findings, FindingCode::WfaExemptUnit);
    assert_eq!(f.len(), 2);
    assert_eq!(f[0].cell.as_deref(), Some("G6"));
    assert_eq!(f[0].nip.as_deref(), Some(nip(201).as_str()));
    assert!(
        f[0].message
            .contains("UPTD Puskesmas Cibadak dikecualikan dari WFA (tetap WFO)"),
        "{}",
        f[0].message
    );
    let pkm = recap.units.iter().find(|u| u.code == "PKM-CBD").unwrap();
    assert!(pkm.exempt);
    // Lampiran II: WFA in an exempt unit is a violation that day only.
    assert_eq!(pkm.days[1].verdict, Verdict::ExemptViolated);
    assert_eq!(pkm.days[0].verdict, Verdict::Exempt);
    assert_eq!(pkm.days[1].pool, None);
    assert!(with_code(&findings, FindingCode::WfaQuotaExceeded).is_empty());
    // Listed only through its parent: the message says so.
    let mut policy = lebak();
    policy.exempt = vec![crate::policy::UnitMatcher::Name("dinas kesehatan".into())];
    let s = wide(
        "pkm.xlsx",
        Some("PKM-CBD"),
        &lebak_days(),
        &rows(201..=201, &["WFA", "WFO", "WFO"]),
    );
    let (findings, _) = run(&policy, &[s]);
    let f = with_code(&findings, FindingCode::WfaExemptUnit);
    assert_eq!(f.len(), 1);
    assert!(
        f[0].message
            .contains("UPTD Puskesmas Cibadak berada di bawah Dinas Kesehatan yang dikecualikan"),
        "{}",
        f[0].message
    );

    // Negative: WFO only in the puskesmas; WFA in a unit that is not exempt.
    let s = wide(
        "pkm.xlsx",
        Some("PKM-CBD"),
        &lebak_days(),
        &rows(201..=202, &["WFO", "WFO", "WFO"]),
    );
    let s2 = wide(
        "disdik.xlsx",
        Some("DISDIK"),
        &lebak_days(),
        &rows(301..=302, &["WFO", "WFA", "WFO"]),
    );
    let (findings, _) = run(&lebak(), &[s, s2]);
    assert!(with_code(&findings, FindingCode::WfaExemptUnit).is_empty());
}

#[test]
fn wfa_on_a_weekday_not_allowed() {
    let mut policy = lebak();
    policy.wfa_weekdays = vec![Weekday::Mon];
    let s = wide(
        "k.xlsx",
        Some("KOMINFO"),
        &lebak_days(),
        &[
            rows(1..=1, &["WFA", "WFA", "WFO"]),
            rows(2..=15, &["WFO"; 3]),
        ]
        .concat(),
    );
    let (findings, _) = run(&policy, &[s]);
    let f = with_code(&findings, FindingCode::WfaDayNotAllowed);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].date, Some(d(2025, 12, 30)));
    assert_eq!(f[0].cell.as_deref(), Some("G6"));
    assert!(f[0]
        .message
        .contains("hanya membolehkan WFA pada hari Senin"));
    // Every weekday allowed when the list is empty.
    let (findings, _) = run(&lebak(), &[kominfo(3)]);
    assert!(with_code(&findings, FindingCode::WfaDayNotAllowed).is_empty());
}

#[test]
fn approval_missing() {
    let policy = presets::by_id("kab-bekasi-2025-03").unwrap();
    let days = [d(2025, 3, 24), d(2025, 3, 25)];
    let mut s = wide(
        "k.xlsx",
        Some("KOMINFO"),
        &days,
        &[rows(1..=3, &["WFA", "WFO"]), rows(4..=15, &["WFO", "WFO"])].concat(),
    );
    s.rows[0].entries[0].approved = Some(Approval::Yes);
    s.rows[1].entries[0].approved = Some(Approval::No);
    let (findings, _) = run(&policy, std::slice::from_ref(&s));
    let f = with_code(&findings, FindingCode::ApprovalMissing);
    assert_eq!(f.len(), 2, "NIP 2 refused, NIP 3 without a column");
    assert_eq!(f[0].nip.as_deref(), Some(nip(2).as_str()));
    assert!(f[0].message.contains("belum disetujui"));
    assert!(f[1].message.contains("tanpa kolom persetujuan"));
    // No cap in Kab. Bekasi: 3 of 15 WFA never over.
    assert!(with_code(&findings, FindingCode::WfaQuotaExceeded).is_empty());
    // Not required by Lebak.
    let (findings, _) = run(&lebak(), &[kominfo(3)]);
    assert!(with_code(&findings, FindingCode::ApprovalMissing).is_empty());
}

#[test]
fn duplicate_nip_in_one_submission() {
    let mut r = rows(1..=15, &["WFO"; 3]);
    r.push((format!("NIP. {}", nip(4).grouped()), vec!["WFA"; 3]));
    let (findings, recap) = run(
        &lebak(),
        &[wide("k.xlsx", Some("KOMINFO"), &lebak_days(), &r)],
    );
    let f = with_code(&findings, FindingCode::NipDuplicate);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].cell.as_deref(), Some("B21"));
    assert!(
        f[0].message.contains("sel B9 dan sel B21"),
        "{}",
        f[0].message
    );
    assert_eq!(
        recap.units[0].days[0].wfa, 0,
        "the duplicate row is not counted"
    );
    let (findings, _) = run(&lebak(), &[kominfo(0)]);
    assert!(with_code(&findings, FindingCode::NipDuplicate).is_empty());
}

#[test]
fn unknown_nip_and_unit_less_submission() {
    let stranger = "199001012015031001".to_string();
    let mut r = rows(1..=15, &["WFO"; 3]);
    r.push((stranger.clone(), vec!["WFA"; 3]));
    let (findings, recap) = run(
        &lebak(),
        &[wide("k.xlsx", Some("KOMINFO"), &lebak_days(), &r)],
    );
    let f = with_code(&findings, FindingCode::NipUnknown);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].nip.as_deref(), Some(stranger.as_str()));
    assert_eq!(f[0].cell.as_deref(), Some("B21"));
    assert_eq!(recap.units[0].days[0].wfa, 0);
    assert!(with_code(&run(&lebak(), &[kominfo(2)]).0, FindingCode::NipUnknown).is_empty());

    // Without a unit: NIP checks still run, unit rules do not, nothing is counted.
    let r = [rows(1..=15, &["WFA"; 3]), vec![(stranger, vec!["WFO"; 3])]].concat();
    let (findings, recap) = run(&lebak(), &[wide("x.xlsx", None, &lebak_days(), &r)]);
    assert_eq!(codes(&findings), vec![FindingCode::NipUnknown]);
    assert!(recap.units.iter().all(|u| !u.submitted));
}

#[test]
fn nip_of_another_unit() {
    let r = [rows(1..=15, &["WFO"; 3]), rows(301..=301, &["WFA"; 3])].concat();
    let (findings, recap) = run(
        &lebak(),
        &[wide("k.xlsx", Some("KOMINFO"), &lebak_days(), &r)],
    );
    let f = with_code(&findings, FindingCode::NipOtherUnit);
    assert_eq!(f.len(), 1);
    assert!(f[0]
        .message
        .contains("terdaftar di Dinas Pendidikan, bukan di Dinas Komunikasi"));
    let disdik = recap.units.iter().find(|u| u.code == "DISDIK").unwrap();
    assert!(!disdik.submitted);
    assert_eq!(disdik.days[0].wfa, 0);

    // A child unit's staff in the parent's workbook are accepted and counted for the child.
    let r = [rows(101..=103, &["WFO"; 3]), rows(201..=202, &["WFO"; 3])].concat();
    let (findings, recap) = run(
        &lebak(),
        &[wide("dinkes.xlsx", Some("DINKES"), &lebak_days(), &r)],
    );
    assert_eq!(codes(&findings), vec![]);
    let pkm = recap.units.iter().find(|u| u.code == "PKM-CBD").unwrap();
    assert!(pkm.submitted);
    assert_eq!(pkm.days[0].wfo, 2);
    let dinkes = recap.units.iter().find(|u| u.code == "DINKES").unwrap();
    assert_eq!(dinkes.days[0].wfo, 3);
}

#[test]
fn employee_missing_from_the_schedule() {
    let s = wide(
        "k.xlsx",
        Some("KOMINFO"),
        &lebak_days(),
        &rows(1..=13, &["WFO"; 3]),
    );
    let (findings, recap) = run(&lebak(), &[s]);
    let f = with_code(&findings, FindingCode::EmployeeMissing);
    assert_eq!(f.len(), 2);
    assert_eq!(f[0].severity, Severity::Warning);
    assert_eq!(f[0].nip.as_deref(), Some(nip(14).as_str()));
    assert_eq!(f[0].unit.as_deref(), Some("KOMINFO"));
    assert_eq!(f[0].file.as_deref(), Some("k.xlsx"));
    let staff = &recap.units[0].staff;
    assert_eq!(staff.len(), 15, "every master employee is in the recap");
    assert_eq!(staff[13].statuses, vec![None, None, None]);
    assert_eq!(staff[0].statuses, vec![Some(Status::Wfo); 3]);
    assert!(with_code(
        &run(&lebak(), &[kominfo(0)]).0,
        FindingCode::EmployeeMissing
    )
    .is_empty());
}

#[test]
fn blank_status_on_a_covered_working_day() {
    let r = [rows(1..=1, &["WFO", "", "-"]), rows(2..=15, &["WFO"; 3])].concat();
    let (findings, _) = run(
        &lebak(),
        &[wide("k.xlsx", Some("KOMINFO"), &lebak_days(), &r)],
    );
    let f = with_code(&findings, FindingCode::StatusMissing);
    assert_eq!(f.len(), 2);
    assert_eq!(f[0].cell.as_deref(), Some("G6"));
    assert_eq!(f[1].cell.as_deref(), Some("H6"));
    assert_eq!(f[0].date, Some(d(2025, 12, 30)));
    // The importer left no entry for a cell: the cell is still placed (column × row).
    let mut s = kominfo(0);
    s.rows[2].entries.remove(2);
    let (findings, _) = run(&lebak(), &[s]);
    let f = with_code(&findings, FindingCode::StatusMissing);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].cell.as_deref(), Some("H8"));
    // Blanks on a Saturday are fine; an unknown status is the importer's finding.
    let days = [d(2025, 12, 27), d(2025, 12, 29)];
    let r = [rows(1..=1, &["", "libur"]), rows(2..=15, &["-", "WFO"])].concat();
    let (findings, _) = run(&lebak(), &[wide("k.xlsx", Some("KOMINFO"), &days, &r)]);
    assert!(with_code(&findings, FindingCode::StatusMissing).is_empty());
}

#[test]
fn dates_outside_the_period() {
    let days = [d(2025, 12, 29), d(2026, 1, 2)];
    let r = rows(1..=15, &["WFO", "WFA"]);
    let (findings, recap) = run(&lebak(), &[wide("k.xlsx", Some("KOMINFO"), &days, &r)]);
    let f = with_code(&findings, FindingCode::DateOutsidePeriod);
    assert_eq!(f.len(), 1, "one finding per date column");
    assert_eq!(f[0].cell.as_deref(), Some("G5"));
    assert_eq!(f[0].date, Some(d(2026, 1, 2)));
    assert!(
        f[0].message.contains("Jumat, 2 Januari 2026"),
        "{}",
        f[0].message
    );
    assert!(f[0].message.contains("15 status"), "{}", f[0].message);
    assert_eq!(recap.units[0].days.iter().map(|x| x.wfa).sum::<u32>(), 0);
    assert!(with_code(
        &run(&lebak(), &[kominfo(0)]).0,
        FindingCode::DateOutsidePeriod
    )
    .is_empty());
}

#[test]
fn statuses_on_non_working_days() {
    let mut policy = lebak();
    policy.start = d(2025, 12, 24);
    let days = [d(2025, 12, 25), d(2025, 12, 27), d(2025, 12, 29)];
    let r = [
        rows(1..=2, &["WFO", "WFO", "WFO"]),
        rows(3..=15, &["", "-", "WFO"]),
    ]
    .concat();
    let (findings, _) = run(&policy, &[wide("k.xlsx", Some("KOMINFO"), &days, &r)]);
    let f = with_code(&findings, FindingCode::DateNonWorking);
    assert_eq!(f.len(), 2);
    assert_eq!(f[0].severity, Severity::Warning);
    assert_eq!(f[0].cell.as_deref(), Some("F5"));
    assert!(
        f[0].message
            .contains("2 status tertulis pada Kamis, 25 Desember 2025, bukan hari kerja (Libur nasional: Kelahiran Yesus Kristus (Natal))"),
        "{}",
        f[0].message
    );
    assert!(f[1].message.contains("(Sabtu)"));
    // Blanks and dashes on days off are fine.
    let r = rows(1..=15, &["", "-", "WFO"]);
    let (findings, _) = run(&policy, &[wide("k.xlsx", Some("KOMINFO"), &days, &r)]);
    assert_eq!(codes(&findings), vec![]);
}

#[test]
fn double_booking_across_submissions() {
    // PKM-CBD staff listed by Dinkes (accepted as its child unit) and by the puskesmas.
    let dinkes = wide(
        "dinkes.xlsx",
        Some("DINKES"),
        &lebak_days(),
        &[rows(101..=103, &["WFO"; 3]), rows(201..=201, &["WFO"; 3])].concat(),
    );
    let pkm = wide(
        "pkm.xlsx",
        Some("PKM-CBD"),
        &lebak_days(),
        &rows(201..=202, &["WFO", "SAKIT", "WFO"]),
    );
    let (findings, recap) = run(&lebak(), &[dinkes.clone(), pkm]);
    let f = with_code(&findings, FindingCode::EmployeeDoubleBooked);
    assert_eq!(f.len(), 3, "one per day");
    assert_eq!(f[0].file.as_deref(), Some("pkm.xlsx"));
    assert_eq!(f[0].cell.as_deref(), Some("F6"));
    assert!(
        f[0].message.contains("dinkes.xlsx sel F9"),
        "{}",
        f[0].message
    );
    let pkm_recap = recap.units.iter().find(|u| u.code == "PKM-CBD").unwrap();
    assert_eq!(pkm_recap.days[1].wfo, 1, "the first schedule wins");
    assert_eq!(pkm_recap.days[1].other, 1);
    // Negative: each unit lists its own staff.
    let pkm = wide(
        "pkm.xlsx",
        Some("PKM-CBD"),
        &lebak_days(),
        &rows(201..=202, &["WFO"; 3]),
    );
    let dinkes = wide(
        "dinkes.xlsx",
        Some("DINKES"),
        &lebak_days(),
        &rows(101..=103, &["WFO"; 3]),
    );
    let (findings, _) = run(&lebak(), &[dinkes, pkm]);
    assert_eq!(codes(&findings), vec![]);
}

#[test]
fn a_later_submission_replaces_an_earlier_one() {
    let first = kominfo(9);
    let mut second = kominfo(2);
    second.file = "kominfo-revisi.xlsx".into();
    let (findings, recap) = run(&lebak(), &[first, second]);
    assert_eq!(
        codes(&findings),
        vec![],
        "no double booking with the replaced file"
    );
    assert_eq!(recap.units[0].days[1].wfa, 2);
}

#[test]
fn recap_covers_every_master_unit() {
    let (_, recap) = run(&lebak(), &[kominfo(8)]);
    assert_eq!(recap.days, lebak_days());
    let codes: Vec<&str> = recap.units.iter().map(|u| u.code.as_str()).collect();
    assert_eq!(codes, ["KOMINFO", "DINKES", "PKM-CBD", "DISDIK", "SETDA"]);
    let verdicts: Vec<Verdict> = recap.units.iter().map(|u| u.days[1].verdict).collect();
    assert_eq!(
        verdicts,
        [
            Verdict::OverCap,
            // Exempt units that sent nothing are not submitted either (Lampiran II).
            Verdict::NotSubmitted,
            Verdict::NotSubmitted,
            Verdict::NotSubmitted,
            Verdict::NotSubmitted
        ]
    );
    assert_eq!(recap.not_submitted().count(), 4);
    assert_eq!(recap.units[4].total_staff, 0);
    assert!(recap.units[4].staff.is_empty());
}

#[test]
fn every_rule_finding_is_placed() {
    let policy = presets::by_id("kab-bekasi-2025-03").unwrap();
    let days = [d(2025, 3, 22), d(2025, 3, 24), d(2025, 4, 14)];
    let r = [
        rows(1..=3, &["WFO", "WFA", "WFA"]),
        rows(4..=4, &["", "", ""]),
        rows(301..=301, &["WFO"; 3]),
        rows(3..=3, &["WFO"; 3]),
    ]
    .concat();
    let (findings, _) = run(&policy, &[wide("k.xlsx", Some("KOMINFO"), &days, &r)]);
    assert!(findings.len() >= 5);
    for f in &findings {
        assert_eq!(f.file.as_deref(), Some("k.xlsx"), "{f:?}");
        assert_eq!(f.sheet.as_deref(), Some("Jadwal"), "{f:?}");
        assert!(!f.message.is_empty() && !f.hint.is_empty(), "{f:?}");
        if f.code != FindingCode::EmployeeMissing {
            assert!(f.cell.is_some(), "{f:?}");
        }
        if let Some(n) = &f.nip {
            assert_eq!(n.len(), 18, "{f:?}");
        }
    }
}

#[test]
fn long_layout_without_date_cells_still_counts() {
    let mut s = kominfo(8);
    s.layout = Layout::Long;
    s.dates.clear();
    s.date_cells.clear();
    let (findings, recap) = run(&lebak(), &[s]);
    assert_eq!(recap.units[0].days[1].wfa, 8);
    let f = with_code(&findings, FindingCode::WfaQuotaExceeded);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].cell, None, "no header cell to point at");
    assert!(with_code(&findings, FindingCode::StatusMissing).is_empty());
}

#[test]
fn exempt_position_with_wfa() {
    let mut policy = presets::by_id("pesisir-barat-2025-08").unwrap();
    policy.exempt_positions = vec!["Pranata Komputer".into()];
    let days = [d(2025, 8, 4)];
    let mut s = wide("k.xlsx", Some("KOMINFO"), &days, &rows(1..=15, &["WFO"]));
    s.rows[0].entries[0] = Entry {
        status: Some(Status::Wfa),
        raw: "WFA".into(),
        approved: Some(Approval::Yes),
        ..s.rows[0].entries[0].clone()
    };
    let (findings, _) = run(&policy, std::slice::from_ref(&s));
    let f = with_code(&findings, FindingCode::WfaExemptUnit);
    assert_eq!(f.len(), 1);
    assert!(
        f[0].message
            .contains("jabatan \"Pranata Komputer\" dikecualikan"),
        "{}",
        f[0].message
    );
    policy.exempt_positions = vec!["Bidan".into()];
    let (findings, _) = run(&policy, &[s]);
    assert_eq!(codes(&findings), vec![]);
}

#[test]
fn long_layout_missing_date_points_at_the_nip() {
    let mut s = kominfo(0);
    s.layout = Layout::Long;
    s.rows[2].entries.remove(2);
    let (findings, _) = run(&lebak(), &[s]);
    let f = with_code(&findings, FindingCode::StatusMissing);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].cell.as_deref(), Some("B8"));
    assert_eq!(f[0].date, Some(d(2025, 12, 31)));
}

/// Rejang Lebong, 6–17 April 2026: the first part of week 1 (Mon 6 – Wed 8) and the rest
/// of the two weeks (Thu 9 – Fri 17), as two files would split them.
fn rl() -> Policy {
    presets::by_id("rejang-lebong-2026").unwrap()
}

fn rl_part1() -> Vec<NaiveDate> {
    (6..=8).map(|x| d(2026, 4, x)).collect()
}

fn rl_part2() -> Vec<NaiveDate> {
    [9, 10, 13, 14, 15, 16, 17]
        .iter()
        .map(|&x| d(2026, 4, x))
        .collect()
}

fn day_of(recap: &Recap, date: NaiveDate) -> usize {
    recap.days.iter().position(|x| *x == date).unwrap()
}

/// KOMINFO's part-1 file: NIP 1 WFA on Monday and Tuesday, staff `seqs` otherwise WFO.
fn part1(file: &str, seqs: std::ops::RangeInclusive<u32>) -> Submission {
    let mut r = rows(1..=1, &["WFA", "WFA", "WFO"]);
    r.extend(rows(seqs.filter(|s| *s != 1), &["WFO"; 3]));
    wide(file, Some("KOMINFO"), &rl_part1(), &r)
}

/// KOMINFO's part-2 file: NIP 1 WFA on Thursday 9 (the third WFA of week 1 across files).
fn part2(file: &str, seqs: std::ops::RangeInclusive<u32>) -> Submission {
    let mut r = rows(1..=1, &["WFA", "WFO", "WFO", "WFO", "WFO", "WFO", "WFO"]);
    r.extend(rows(seqs.filter(|s| *s != 1), &["WFO"; 7]));
    wide(file, Some("KOMINFO"), &rl_part2(), &r)
}

fn dated(code: FindingCode, file: &str, date: Option<NaiveDate>) -> Finding {
    let mut f = Finding::new(code, "x", "y").at(file, "Jadwal", "A1");
    f.unit = Some("KOMINFO".into());
    f.date = date;
    f
}

#[test]
fn files_of_one_unit_merge_by_date() {
    // NIP 15 is only in the first file: not missing.
    let v1 = part1("minggu1.xlsx", 1..=15);
    let v2 = part2("minggu2.xlsx", 1..=14);
    let (findings, recap) = run(&rl(), &[v1, v2]);
    let u = &recap.units[0];
    for date in rl_part1().into_iter().chain(rl_part2()) {
        let i = day_of(&recap, date);
        assert_ne!(u.days[i].verdict, Verdict::NotSubmitted, "{date}");
    }
    assert_eq!(u.days[day_of(&recap, d(2026, 4, 6))].wfa, 1, "from file 1");
    assert_eq!(u.days[day_of(&recap, d(2026, 4, 6))].wfo, 14);
    assert_eq!(u.days[day_of(&recap, d(2026, 4, 9))].wfa, 1, "from file 2");
    assert_eq!(u.days[day_of(&recap, d(2026, 4, 9))].wfo, 13);
    assert_eq!(
        u.days[day_of(&recap, d(2026, 4, 20))].verdict,
        Verdict::NotSubmitted
    );
    assert!(u.submitted);
    let nip15 = &u.staff[14].statuses;
    assert_eq!(nip15[day_of(&recap, d(2026, 4, 8))], Some(Status::Wfo));
    assert_eq!(nip15[day_of(&recap, d(2026, 4, 9))], None);
    // The weekly limit sees both files: three WFA days in the week of 6 April.
    let w = with_code(&findings, FindingCode::WfaWeeklyLimit);
    assert_eq!(w.len(), 1, "{findings:?}");
    assert_eq!(w[0].file.as_deref(), Some("minggu2.xlsx"));
    assert_eq!(w[0].cell.as_deref(), Some("F6"), "Thursday 9 in file 2");
    assert!(w[0].message.contains("WFA 3 hari"), "{}", w[0].message);
    assert_eq!(codes(&findings), vec![FindingCode::WfaWeeklyLimit]);
}

#[test]
fn a_corrected_resend_replaces_only_its_dates() {
    // v1: 9 of 15 WFA on Monday 6 (over 50 %), a blank on Tuesday 7, and import findings.
    let mut r = rows(1..=9, &["WFA", "WFO", "WFO"]);
    r.extend(rows(10..=10, &["WFO", "", "WFO"]));
    r.extend(rows(11..=15, &["WFO"; 3]));
    let mut v1 = wide("v1.xlsx", Some("KOMINFO"), &rl_part1(), &r);
    v1.findings.push(dated(
        FindingCode::StatusUnknown,
        "v1.xlsx",
        Some(d(2026, 4, 7)),
    ));
    let mut v2 = part2("v2.xlsx", 1..=15);
    v2.findings.push(dated(
        FindingCode::StatusUnknown,
        "v2.xlsx",
        Some(d(2026, 4, 14)),
    ));
    let (before, recap_before) = run(&rl(), &[v1.clone(), v2.clone()]);
    assert_eq!(with_code(&before, FindingCode::WfaQuotaExceeded).len(), 1);
    assert_eq!(with_code(&before, FindingCode::StatusMissing).len(), 1);

    // v3 corrects part 1: 2 WFA on Monday, no blank.
    let mut r = rows(1..=2, &["WFA", "WFO", "WFO"]);
    r.extend(rows(3..=15, &["WFO"; 3]));
    let v3 = wide("v3.xlsx", Some("KOMINFO"), &rl_part1(), &r);
    let (findings, recap) = run(&rl(), &[v1, v2, v3]);
    let u = &recap.units[0];
    let mon = day_of(&recap, d(2026, 4, 6));
    assert_eq!((u.days[mon].wfo, u.days[mon].wfa), (13, 2), "from v3");
    assert_eq!(u.days[mon].verdict, Verdict::Ok);
    assert!(
        findings
            .iter()
            .all(|f| f.file.as_deref() != Some("v1.xlsx")),
        "{findings:?}"
    );
    // v2 untouched: its counts and its findings.
    for date in rl_part2() {
        let i = day_of(&recap, date);
        assert_eq!(u.days[i], recap_before.units[0].days[i], "{date}");
    }
    let from_v2 = |fs: &[Finding]| -> Vec<Finding> {
        fs.iter()
            .filter(|f| f.file.as_deref() == Some("v2.xlsx"))
            .cloned()
            .collect()
    };
    assert_eq!(from_v2(&findings), from_v2(&before));
    assert_eq!(codes(&findings), vec![FindingCode::StatusUnknown]);
}

#[test]
fn a_partly_superseded_file_keeps_what_it_still_owns() {
    // v1 covers Monday 6 to Sunday 12, with statuses on the weekend; v3 re-sends 6–8 and
    // Saturday 11 (blank).
    let week1: Vec<NaiveDate> = (6..=12).map(|x| d(2026, 4, x)).collect();
    let stranger = "199001012015031001".to_string();
    let mut r = rows(1..=1, &["WFO", "", "WFO", "WFO", "", "WFO", "WFO"]);
    r.extend(rows(2..=15, &["WFO"; 7]));
    r.push((stranger.clone(), vec!["WFO"; 7]));
    let mut v1 = wide("v1.xlsx", Some("KOMINFO"), &week1, &r);
    v1.findings.extend([
        dated(FindingCode::NipPrecisionLost, "v1.xlsx", None),
        dated(FindingCode::StatusUnknown, "v1.xlsx", Some(d(2026, 4, 7))),
        dated(FindingCode::StatusUnknown, "v1.xlsx", Some(d(2026, 4, 9))),
    ]);
    let mut r = rows(1..=1, &["WFA", "WFO", "WFO", "-"]);
    r.extend(rows(2..=15, &["WFO", "WFO", "WFO", ""]));
    let mut v3_dates = rl_part1();
    v3_dates.push(d(2026, 4, 11));
    let v3 = wide("v3.xlsx", Some("KOMINFO"), &v3_dates, &r);
    let (findings, recap) = run(&rl(), &[v1, v3]);
    let summary: Vec<(FindingCode, Option<&str>, Option<NaiveDate>)> = findings
        .iter()
        .map(|f| (f.code, f.file.as_deref(), f.date))
        .collect();
    assert_eq!(
        summary,
        vec![
            (FindingCode::NipPrecisionLost, Some("v1.xlsx"), None),
            (
                FindingCode::StatusUnknown,
                Some("v1.xlsx"),
                Some(d(2026, 4, 9))
            ),
            (
                FindingCode::DateNonWorking,
                Some("v1.xlsx"),
                Some(d(2026, 4, 12))
            ),
            (
                FindingCode::StatusMissing,
                Some("v1.xlsx"),
                Some(d(2026, 4, 10))
            ),
            (FindingCode::NipUnknown, Some("v1.xlsx"), None),
        ]
    );
    let u = &recap.units[0];
    assert_eq!(u.days[day_of(&recap, d(2026, 4, 6))].wfa, 1, "from v3");
    assert_eq!(u.days[day_of(&recap, d(2026, 4, 7))].wfo, 15, "from v3");
    assert_eq!(u.days[day_of(&recap, d(2026, 4, 9))].wfo, 15, "from v1");
    assert_eq!(u.days[day_of(&recap, d(2026, 4, 10))].wfo, 14, "from v1");
}

#[test]
fn a_fully_superseded_file_yields_no_findings() {
    let stranger = "199001012015031001".to_string();
    let mut r = rows(1..=9, &["WFA", "", "WFO"]);
    r.extend(rows(10..=13, &["WFO"; 3]));
    r.push((stranger, vec!["WFO"; 3]));
    let mut v1 = wide("v1.xlsx", Some("KOMINFO"), &rl_part1(), &r);
    v1.findings
        .push(dated(FindingCode::NipPrecisionLost, "v1.xlsx", None));
    let (findings, _) = run(&rl(), std::slice::from_ref(&v1));
    assert!(findings.len() >= 5, "{:?}", codes(&findings));
    // A header-less file (no dates) is superseded by any later file of its unit.
    let mut headless = wide("kosong.xlsx", Some("KOMINFO"), &[], &[]);
    headless
        .findings
        .push(dated(FindingCode::HeaderNotFound, "kosong.xlsx", None));
    let (findings, _) = run(&rl(), std::slice::from_ref(&headless));
    assert_eq!(codes(&findings)[0], FindingCode::HeaderNotFound);

    let clean = part1("v2.xlsx", 1..=15);
    let (findings, recap) = run(&rl(), &[headless, v1, clean]);
    assert_eq!(
        codes(&findings),
        vec![],
        "nothing from v1 nor the header-less file"
    );
    assert_eq!(recap.units[0].days[day_of(&recap, d(2026, 4, 6))].wfa, 1);
}

#[test]
fn a_file_without_a_unit_is_not_merged() {
    let stranger = "199001012015031001".to_string();
    let mut r = rows(1..=15, &["WFA", "WFO", "WFO"]);
    r.push((stranger, vec!["WFO"; 3]));
    let mut none1 = wide("tanpa-unit-1.xlsx", None, &rl_part1(), &r);
    none1
        .findings
        .push(Finding::new(FindingCode::UnitUnknown, "x", "y").in_file("tanpa-unit-1.xlsx"));
    let mut none2 = none1.clone();
    none2.file = "tanpa-unit-2.xlsx".into();
    none2.findings[0].file = Some(none2.file.clone());
    let kominfo = part1("k.xlsx", 1..=15);
    let (findings, recap) = run(&rl(), &[none1, kominfo, none2]);
    let files: Vec<(FindingCode, Option<&str>)> = findings
        .iter()
        .map(|f| (f.code, f.file.as_deref()))
        .collect();
    assert_eq!(
        files,
        vec![
            (FindingCode::UnitUnknown, Some("tanpa-unit-1.xlsx")),
            (FindingCode::UnitUnknown, Some("tanpa-unit-2.xlsx")),
            (FindingCode::NipUnknown, Some("tanpa-unit-1.xlsx")),
            (FindingCode::NipUnknown, Some("tanpa-unit-2.xlsx")),
        ]
    );
    let u = &recap.units[0];
    assert_eq!(
        u.days[day_of(&recap, d(2026, 4, 6))].wfa,
        1,
        "KOMINFO still counts"
    );
}

#[test]
fn quota_finding_points_at_the_file_owning_the_day() {
    // File 1 over the cap on Tuesday 7, file 2 on Tuesday 14.
    let mut r = rows(1..=8, &["WFO", "WFA", "WFO"]);
    r.extend(rows(9..=15, &["WFO"; 3]));
    let v1 = wide("v1.xlsx", Some("KOMINFO"), &rl_part1(), &r);
    let mut r = rows(1..=8, &["WFO", "WFO", "WFO", "WFA", "WFO", "WFO", "WFO"]);
    r.extend(rows(9..=15, &["WFO"; 7]));
    let v2 = wide("v2.xlsx", Some("KOMINFO"), &rl_part2(), &r);
    let (findings, _) = run(&rl(), &[v1, v2]);
    let q: Vec<(Option<&str>, Option<&str>, Option<NaiveDate>)> =
        with_code(&findings, FindingCode::WfaQuotaExceeded)
            .iter()
            .map(|f| (f.file.as_deref(), f.cell.as_deref(), f.date))
            .collect();
    assert_eq!(
        q,
        vec![
            (Some("v1.xlsx"), Some("G5"), Some(d(2026, 4, 7))),
            (Some("v2.xlsx"), Some("I5"), Some(d(2026, 4, 14))),
        ]
    );
}

#[test]
fn the_recap_window_and_within() {
    let policy = rl();
    let v1 = part1("minggu1.xlsx", 1..=15);
    let (_, recap) = run(&policy, &[v1]);
    assert_eq!((recap.from, recap.to), (policy.start, policy.end));
    let w = recap.within(d(2026, 4, 7), d(2026, 4, 12));
    assert_eq!((w.from, w.to), (d(2026, 4, 7), d(2026, 4, 12)));
    assert_eq!(
        w.days,
        vec![d(2026, 4, 7), d(2026, 4, 8), d(2026, 4, 9), d(2026, 4, 10)]
    );
    let u = &w.units[0];
    assert_eq!(u.days.len(), 4);
    assert_eq!(u.days[0].date, d(2026, 4, 7));
    assert_eq!((u.days[0].wfa, u.days[0].wfo), (1, 14));
    assert_eq!(u.days[2].verdict, Verdict::NotSubmitted);
    assert_eq!(
        u.staff[0].statuses,
        vec![Some(Status::Wfa), Some(Status::Wfo), None, None]
    );
    assert!(u.submitted);
    // A window the file does not reach: not submitted there.
    let later = recap.within(d(2026, 4, 13), d(2026, 4, 30));
    assert!(!later.units[0].submitted);
    assert_eq!(later.units[0].staff[0].statuses.len(), later.days.len());
    // Units that sent nothing stay not submitted; exempt or not, a unit is submitted in a
    // window when one of its days there is.
    let setda = later.units.iter().find(|u| u.code == "SETDA").unwrap();
    assert!(!setda.submitted);
    let mut exempt = recap.clone();
    exempt.units[0].exempt = true;
    assert!(!exempt.within(d(2026, 4, 13), d(2026, 4, 30)).units[0].submitted);
    assert!(exempt.within(d(2026, 4, 7), d(2026, 4, 12)).units[0].submitted);
    // The whole window gives back the same recap.
    assert_eq!(recap.within(policy.start, policy.end), recap);
}

// ---- Issue 10: status vocabulary, strict approval, cap basis, schemes, piket, verdicts ----

/// Lebak without exemptions, so that Dinkes and its puskesmas can be pooled.
fn lebak_open() -> Policy {
    let mut p = lebak();
    p.exempt.clear();
    p
}

/// DINKES's 3 staff with `wfa` of them WFA on 30 December, and PKM-CBD's 2 with `pkm_wfa`.
fn dinkes_and_pkm(wfa: u32, pkm_wfa: u32) -> Vec<Submission> {
    let mut r = rows(101..101 + wfa, &["WFO", "WFA", "WFO"]);
    r.extend(rows(101 + wfa..=103, &["WFO"; 3]));
    let mut p = rows(201..201 + pkm_wfa, &["WFO", "WFA", "WFO"]);
    p.extend(rows(201 + pkm_wfa..=202, &["WFO"; 3]));
    vec![
        wide("dinkes.xlsx", Some("DINKES"), &lebak_days(), &r),
        wide("pkm.xlsx", Some("PKM-CBD"), &lebak_days(), &p),
    ]
}

fn unit<'r>(recap: &'r Recap, code: &str) -> &'r crate::recap::UnitRecap {
    recap.units.iter().find(|u| u.code == code).unwrap()
}

#[test]
fn piket_counts_as_wfo_and_tl_as_other() {
    let mut r = rows(1..=2, &["Piket", "Jaga", "WFO"]);
    r.extend(rows(3..=4, &["TL", "Tugas Luar", "DLD"]));
    r.extend(rows(5..=15, &["WFO", "WFA", "CB"]));
    let s = wide("k.xlsx", Some("KOMINFO"), &lebak_days(), &r);
    let (findings, recap) = run(&lebak(), &[s]);
    let u = &recap.units[0];
    assert_eq!((u.days[0].wfo, u.days[0].wfa, u.days[0].other), (13, 0, 2));
    assert_eq!((u.days[1].wfo, u.days[1].wfa, u.days[1].other), (2, 11, 2));
    assert_eq!((u.days[2].wfo, u.days[2].wfa, u.days[2].other), (2, 0, 13));
    assert_eq!(u.staff[0].statuses[0], Some(Status::Piket));
    assert_eq!(u.staff[2].statuses[0], Some(Status::Tl));
    assert!(with_code(&findings, FindingCode::StatusMissing).is_empty());
    assert_eq!(with_code(&findings, FindingCode::WfaQuotaExceeded).len(), 1);
}

#[test]
fn approval_must_be_an_explicit_yes() {
    let mut policy = presets::by_id("kab-bekasi-2025-03").unwrap();
    let days = [d(2025, 3, 24), d(2025, 3, 25)];
    let mut s = wide(
        "k.xlsx",
        Some("KOMINFO"),
        &days,
        &[rows(1..=4, &["WFA", "WFA"]), rows(5..=15, &["WFO", "WFO"])].concat(),
    );
    let marks = [
        Approval::Yes,
        Approval::No,
        Approval::Unclear,
        Approval::Unclear,
    ];
    for (r, mark) in marks.iter().enumerate() {
        for e in &mut s.rows[r].entries {
            e.approved = Some(*mark);
            e.approval_cell = Some(a1(8, 5 + r as u32));
        }
    }
    // Row 4: a long-layout-like cell per date (two approval cells).
    s.rows[3].entries[1].approval_cell = Some("J9".into());
    let (findings, _) = run(&policy, std::slice::from_ref(&s));
    let missing = with_code(&findings, FindingCode::ApprovalMissing);
    assert_eq!(missing.len(), 2, "NIP 2 refused on both days");
    assert!(missing
        .iter()
        .all(|f| f.nip.as_deref() == Some(nip(2).as_str())));
    assert!(missing[0]
        .message
        .contains("belum disetujui atasan langsung"));
    let unclear = with_code(&findings, FindingCode::ApprovalUnclear);
    let cells: Vec<&str> = unclear.iter().filter_map(|f| f.cell.as_deref()).collect();
    assert_eq!(cells, ["I8", "I9", "J9"], "once per row and approval cell");
    assert!(unclear.iter().all(|f| f.severity == Severity::Warning));
    assert!(
        unclear[0].message.contains("pada sel I8") && unclear[0].message.contains("tidak jelas"),
        "{}",
        unclear[0].message
    );
    // Who approves shows in the messages.
    policy.approver = crate::policy::Approver::KepalaPerangkatDaerah;
    let (findings, _) = run(&policy, std::slice::from_ref(&s));
    let missing = with_code(&findings, FindingCode::ApprovalMissing);
    assert!(missing[0]
        .message
        .contains("belum disetujui kepala perangkat daerah"));
    assert!(missing[0]
        .hint
        .contains("persetujuan kepala perangkat daerah"));
    // Negative: every WFA approved, or approval not required.
    for r in &mut s.rows {
        for e in &mut r.entries {
            e.approved = Some(Approval::Yes);
        }
    }
    let (findings, _) = run(&policy, std::slice::from_ref(&s));
    assert!(with_code(&findings, FindingCode::ApprovalMissing).is_empty());
    assert!(with_code(&findings, FindingCode::ApprovalUnclear).is_empty());
    policy.approval_required = false;
    s.rows[1].entries[0].approved = Some(Approval::Unclear);
    let (findings, _) = run(&policy, &[s]);
    assert!(with_code(&findings, FindingCode::ApprovalUnclear).is_empty());
}

#[test]
fn the_cap_pools_a_perangkat_daerah_with_its_sub_units() {
    let policy = lebak_open();
    // 2 of Dinkes's 3 WFA: 67 % alone, but 2 of the 5 ASN pooled with the puskesmas.
    let (findings, recap) = run(&policy, &dinkes_and_pkm(2, 0));
    assert!(with_code(&findings, FindingCode::WfaQuotaExceeded).is_empty());
    let dinkes = unit(&recap, "DINKES");
    assert_eq!(dinkes.days[1].verdict, Verdict::Ok);
    let pool = dinkes.days[1].pool.as_ref().unwrap();
    assert_eq!(
        (
            pool.unit.as_str(),
            pool.units,
            pool.counted,
            pool.total,
            pool.allowance
        ),
        ("DINKES", 2, 2, 5, Some(2))
    );
    assert!(pool.is_pooled());
    assert_eq!(unit(&recap, "PKM-CBD").days[1].pool.as_ref(), Some(pool));
    // Per-unit counts stay per unit.
    assert_eq!((dinkes.days[1].wfa, dinkes.total_staff), (2, 3));

    // 3 of 5 pooled: over; one finding naming the perangkat daerah, both units over.
    let (findings, recap) = run(&policy, &dinkes_and_pkm(1, 2));
    let f = with_code(&findings, FindingCode::WfaQuotaExceeded);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].unit.as_deref(), Some("DINKES"));
    assert_eq!(f[0].file.as_deref(), Some("dinkes.xlsx"));
    assert_eq!(f[0].cell.as_deref(), Some("G5"));
    assert!(
        f[0].message.contains(
            "Dinas Kesehatan (perangkat daerah, dihitung gabungan dengan 1 unit di bawahnya)"
        ) && f[0].message.contains("WFA 3 dari 5 ASN = 60 % > 50 %"),
        "{}",
        f[0].message
    );
    assert!(f[0]
        .hint
        .contains("paling banyak 2 orang (50 % dari 5 ASN perangkat daerah"));
    assert_eq!(unit(&recap, "DINKES").days[1].verdict, Verdict::OverCap);
    assert_eq!(unit(&recap, "PKM-CBD").days[1].verdict, Verdict::OverCap);
    assert_eq!(unit(&recap, "PKM-CBD").days[0].verdict, Verdict::Ok);

    // Only the puskesmas sent: the finding goes to its file; Dinkes is not submitted.
    let subs = dinkes_and_pkm(0, 2);
    let (findings, recap) = run(&policy, &subs[1..]);
    assert!(
        with_code(&findings, FindingCode::WfaQuotaExceeded).is_empty(),
        "2 of 5"
    );
    assert_eq!(
        unit(&recap, "DINKES").days[1].verdict,
        Verdict::NotSubmitted
    );
    let mut p2 = policy.clone();
    p2.caps.iter_mut().for_each(|c| c.percent = 20);
    let (findings, _) = run(&p2, &subs[1..]);
    let f = with_code(&findings, FindingCode::WfaQuotaExceeded);
    assert_eq!(f.len(), 1);
    assert_eq!(
        (f[0].file.as_deref(), f[0].unit.as_deref()),
        (Some("pkm.xlsx"), Some("DINKES"))
    );
}

#[test]
fn the_cap_per_unit_kerja_judges_each_unit_alone() {
    let mut policy = lebak_open();
    policy.cap_basis = crate::policy::CapBasis::UnitKerja;
    let (findings, recap) = run(&policy, &dinkes_and_pkm(2, 0));
    let f = with_code(&findings, FindingCode::WfaQuotaExceeded);
    assert_eq!(f.len(), 1);
    assert!(
        f[0].message
            .contains("Dinas Kesehatan, Selasa, 30 Desember 2025: WFA 2 dari 3 ASN"),
        "{}",
        f[0].message
    );
    assert!(!f[0].message.contains("gabungan"));
    let dinkes = unit(&recap, "DINKES");
    assert_eq!(dinkes.days[1].verdict, Verdict::OverCap);
    let pool = dinkes.days[1].pool.as_ref().unwrap();
    assert_eq!((pool.units, pool.total, pool.allowance), (1, 3, Some(1)));
    assert!(!pool.is_pooled());
    assert_eq!(unit(&recap, "PKM-CBD").days[1].verdict, Verdict::Ok);
}

#[test]
fn exempt_sub_units_stay_out_of_the_pool() {
    let mut policy = lebak_open();
    policy.exempt = vec![crate::policy::UnitMatcher::Word("Puskesmas".into())];
    // Dinkes alone: 2 of 3 is over; the puskesmas's WFA is a violation, not pooled.
    let (findings, recap) = run(&policy, &dinkes_and_pkm(2, 1));
    let f = with_code(&findings, FindingCode::WfaQuotaExceeded);
    assert_eq!(f.len(), 1);
    assert!(
        f[0].message.contains("WFA 2 dari 3 ASN"),
        "{}",
        f[0].message
    );
    assert_eq!(with_code(&findings, FindingCode::WfaExemptUnit).len(), 1);
    let pkm = unit(&recap, "PKM-CBD");
    assert_eq!(pkm.days[1].verdict, Verdict::ExemptViolated);
    assert_eq!(
        pkm.days[1].verdict.label(),
        "Melanggar pengecualian (ada WFA)"
    );
    assert_eq!(pkm.days[0].verdict, Verdict::Exempt);
    assert_eq!(
        unit(&recap, "DINKES").days[1].pool.as_ref().unwrap().units,
        1
    );
}

#[test]
fn an_exempt_unit_that_sent_nothing_is_not_submitted() {
    let (_, recap) = run(&lebak(), &[kominfo(3)]);
    let dinkes = unit(&recap, "DINKES");
    assert!(dinkes.exempt && !dinkes.submitted);
    assert!(dinkes
        .days
        .iter()
        .all(|d| d.verdict == Verdict::NotSubmitted && d.verdict.label() == "Belum mengirim"));
    // Sent, WFO only: exempt.
    let s = wide(
        "dinkes.xlsx",
        Some("DINKES"),
        &lebak_days(),
        &rows(101..=103, &["WFO"; 3]),
    );
    let (_, recap) = run(&lebak(), &[s]);
    assert!(unit(&recap, "DINKES")
        .days
        .iter()
        .all(|d| d.verdict == Verdict::Exempt));
}

#[test]
fn a_units_own_scheme_overrides_the_general_cap() {
    let mut policy = lebak();
    policy.schemes = vec![crate::policy::UnitScheme {
        unit: "kominfo".into(),
        caps: vec![crate::policy::WeekdayCap {
            weekday: Weekday::Tue,
            percent: 20,
        }],
        piket_min: None,
    }];
    // 4 of 15 on Tuesday 30 December: within 50 %, over the scheme's 20 %.
    let (findings, recap) = run(&policy, &[kominfo(4)]);
    let f = with_code(&findings, FindingCode::WfaQuotaExceeded);
    assert_eq!(f.len(), 1);
    assert!(
        f[0].message
            .contains("WFA 4 dari 15 ASN = 26,7 % > 20 % (batas skema unit)"),
        "{}",
        f[0].message
    );
    assert!(f[0].hint.contains("paling banyak 3 orang"), "{}", f[0].hint);
    let u = &recap.units[0];
    assert_eq!(u.days[1].cap_percent, Some(20));
    // A weekday the scheme does not list has no cap for the unit.
    assert_eq!(u.days[0].cap_percent, None);
    // Negative: without the scheme, 4 of 15 is fine; 3 of 15 is within the scheme too.
    let (findings, _) = run(&lebak(), &[kominfo(4)]);
    assert!(with_code(&findings, FindingCode::WfaQuotaExceeded).is_empty());
    let (findings, _) = run(&policy, &[kominfo(3)]);
    assert!(with_code(&findings, FindingCode::WfaQuotaExceeded).is_empty());
}

#[test]
fn a_sub_unit_with_its_own_caps_is_its_own_pool() {
    let mut policy = lebak_open();
    policy.schemes = vec![crate::policy::UnitScheme {
        unit: "PKM-CBD".into(),
        caps: crate::policy::WeekdayCap::every(&policy.working_weekdays, 100),
        piket_min: None,
    }];
    // Both puskesmas staff WFA (allowed by its scheme), 2 of Dinkes's 3: Dinkes alone over.
    let (findings, recap) = run(&policy, &dinkes_and_pkm(2, 2));
    let f = with_code(&findings, FindingCode::WfaQuotaExceeded);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].unit.as_deref(), Some("DINKES"));
    assert!(
        f[0].message.contains("WFA 2 dari 3 ASN"),
        "{}",
        f[0].message
    );
    let pkm = unit(&recap, "PKM-CBD");
    assert_eq!(pkm.days[1].verdict, Verdict::Ok);
    assert_eq!(pkm.days[1].cap_percent, Some(100));
    assert_eq!(pkm.days[1].pool.as_ref().unwrap().unit, "PKM-CBD");
}

#[test]
fn piket_minimum_on_duty() {
    let mut policy = lebak();
    policy.schemes = vec![
        crate::policy::UnitScheme {
            unit: "KOMINFO".into(),
            caps: vec![],
            piket_min: Some(10),
        },
        crate::policy::UnitScheme {
            unit: "DISDIK".into(),
            caps: vec![],
            piket_min: Some(1),
        },
    ];
    // 7 WFA on 30 December leaves 8 on duty (< 10); PIKET counts as on duty.
    let mut r = rows(1..=7, &["WFO", "WFA", "WFO"]);
    r.extend(rows(8..=9, &["Piket", "Piket", "CUTI"]));
    r.extend(rows(10..=15, &["WFO", "WFO", "CUTI"]));
    let s = wide("k.xlsx", Some("KOMINFO"), &lebak_days(), &r);
    let (findings, _) = run(&policy, std::slice::from_ref(&s));
    let f = with_code(&findings, FindingCode::PiketUnderstaffed);
    // 29 December: 15 on duty; 30 December: 8; 31 December: 7 (8 on leave).
    assert_eq!(f.len(), 2, "{f:?}");
    assert_eq!(f[0].date, Some(d(2025, 12, 30)));
    assert_eq!(f[1].date, Some(d(2025, 12, 31)));
    assert_eq!(f[0].unit.as_deref(), Some("KOMINFO"));
    assert_eq!(f[0].cell.as_deref(), Some("G5"));
    assert_eq!(f[0].severity, Severity::Error);
    assert!(
        f[0].message
            .contains("(WFO/PIKET) 8 orang, kurang dari piket minimal 10 orang"),
        "{}",
        f[0].message
    );
    assert!(f[1].message.contains("7 orang"), "{}", f[1].message);
    // Negative: 7 on duty meets a minimum of 7; DISDIK sent nothing and is not judged.
    let mut policy7 = policy.clone();
    policy7.schemes[0].piket_min = Some(7);
    let (findings, _) = run(&policy7, std::slice::from_ref(&s));
    assert!(with_code(&findings, FindingCode::PiketUnderstaffed).is_empty());
    // Without the two on PIKET, 30 December has 6 on duty.
    let mut no_piket = s.clone();
    for r in &mut no_piket.rows[7..9] {
        r.entries[1].status = Some(Status::Cuti);
    }
    let (findings, _) = run(&policy7, &[no_piket]);
    let f = with_code(&findings, FindingCode::PiketUnderstaffed);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].date, Some(d(2025, 12, 30)));
}

#[test]
fn every_new_rule_finding_is_placed() {
    let mut policy = presets::by_id("kab-bekasi-2025-03").unwrap();
    policy.schemes = vec![crate::policy::UnitScheme {
        unit: "KOMINFO".into(),
        caps: vec![],
        piket_min: Some(15),
    }];
    let days = [d(2025, 3, 24)];
    let mut s = wide(
        "k.xlsx",
        Some("KOMINFO"),
        &days,
        &[rows(1..=1, &["WFA"]), rows(2..=15, &["WFO"])].concat(),
    );
    s.rows[0].entries[0].approved = Some(Approval::Unclear);
    s.rows[0].entries[0].approval_cell = Some("H6".into());
    let (findings, _) = run(&policy, &[s]);
    for code in [FindingCode::ApprovalUnclear, FindingCode::PiketUnderstaffed] {
        let f = with_code(&findings, code);
        assert_eq!(f.len(), 1, "{code}");
        assert!(
            f[0].file.is_some() && f[0].sheet.is_some() && f[0].cell.is_some(),
            "{code}"
        );
        assert_eq!(f[0].date, Some(d(2025, 3, 24)));
    }
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    const CODES: [&str; 12] = [
        "WFO", "WFA", "wfh", "CUTI", "S", "DL", "", "-", "libur", "Piket", "TL", "CB",
    ];

    proptest! {
        /// Pooled: the verdict of Dinkes and its puskesmas is one, and it is over exactly
        /// when their WFA together × 100 > 5 × 50.
        #[test]
        fn pooled_verdicts_match_the_pooled_sum(wfa in 0u32..=3, pkm in 0u32..=2) {
            let (findings, recap) = run(&lebak_open(), &dinkes_and_pkm(wfa, pkm));
            let over = (wfa + pkm) * 100 > 5 * 50;
            for code in ["DINKES", "PKM-CBD"] {
                prop_assert_eq!(unit(&recap, code).days[1].verdict == Verdict::OverCap, over);
            }
            prop_assert_eq!(with_code(&findings, FindingCode::WfaQuotaExceeded).len(), usize::from(over));
        }

        /// Counts equal an independent tally of the schedule, and the quota finding fires on
        /// exactly the days where WFA × 100 > 15 × 50.
        #[test]
        fn counts_and_quota_match_a_direct_tally(
            grid in prop::collection::vec(prop::collection::vec(0usize..CODES.len(), 3), 15)
        ) {
            let r: Vec<(String, Vec<&str>)> = grid
                .iter()
                .enumerate()
                .map(|(i, row)| {
                    (nip(i as u32 + 1).as_str().to_string(), row.iter().map(|&c| CODES[c]).collect())
                })
                .collect();
            let s = wide("k.xlsx", Some("KOMINFO"), &lebak_days(), &r);
            let (findings, recap) = run(&lebak(), &[s]);
            let u = &recap.units[0];
            let mut over_days = 0;
            for day in 0..3 {
                let col: Vec<Option<Status>> =
                    grid.iter().map(|row| Status::parse(CODES[row[day]])).collect();
                let wfo = col.iter().filter(|s| s.is_some_and(Status::is_office)).count() as u32;
                let wfa = col.iter().filter(|s| **s == Some(Status::Wfa)).count() as u32;
                let other = col.iter().filter(|s| s.is_some_and(Status::is_other)).count() as u32;
                prop_assert_eq!((u.days[day].wfo, u.days[day].wfa, u.days[day].other), (wfo, wfa, other));
                let over = wfa * 100 > 15 * 50;
                prop_assert_eq!(u.days[day].verdict == Verdict::OverCap, over);
                over_days += u32::from(over);
                let blanks = grid.iter().filter(|row| Status::is_blank(CODES[row[day]])).count();
                let missing = findings
                    .iter()
                    .filter(|f| f.code == FindingCode::StatusMissing && f.date == Some(lebak_days()[day]))
                    .count();
                prop_assert_eq!(missing, blanks);
            }
            prop_assert_eq!(
                with_code(&findings, FindingCode::WfaQuotaExceeded).len() as u32,
                over_days
            );
            for (i, staff) in u.staff.iter().enumerate() {
                let expected: Vec<Option<Status>> =
                    grid[i].iter().map(|&c| Status::parse(CODES[c])).collect();
                prop_assert_eq!(&staff.statuses, &expected);
            }
        }
    }
}

#[test]
fn a_unit_whose_only_file_is_unreadable_says_so_and_is_neither_sent_nor_missing() {
    // DISDIK sent a file whose header row could not be found: no rows, no dates.
    let mut unread = wide("disdik.xlsx", Some("DISDIK"), &[], &[]);
    unread.findings.push(
        Finding::new(
            FindingCode::HeaderNotFound,
            "Baris judul kolom tidak ditemukan",
            "Gunakan templat jadwal",
        )
        .in_file("disdik.xlsx")
        .unit(Some("DISDIK")),
    );
    let (findings, recap) = run(&lebak(), &[kominfo(3), unread.clone()]);
    let disdik = unit(&recap, "DISDIK");
    assert!(disdik.unreadable && !disdik.submitted);
    assert!(disdik
        .days
        .iter()
        .all(|d| d.verdict == Verdict::Unreadable && d.verdict.label() == "Berkas tidak terbaca"));
    assert!(!recap.not_submitted().any(|u| u.code == "DISDIK"));
    assert_eq!(
        recap
            .unreadable()
            .map(|u| u.code.as_str())
            .collect::<Vec<_>>(),
        ["DISDIK"]
    );
    // The one file finding, not a missing-staff warning per person.
    let of_disdik: Vec<FindingCode> = findings
        .iter()
        .filter(|f| f.unit.as_deref() == Some("DISDIK") || f.file.as_deref() == Some("disdik.xlsx"))
        .map(|f| f.code)
        .collect();
    assert_eq!(of_disdik, [FindingCode::HeaderNotFound]);
    // The window keeps the mark.
    let w = recap.within(d(2025, 12, 29), d(2025, 12, 30));
    assert!(unit(&w, "DISDIK").unreadable);

    // A readable earlier send still counts when the later one cannot be read.
    let sent = wide(
        "disdik-1.xlsx",
        Some("DISDIK"),
        &lebak_days(),
        &rows(301..=302, &["WFO"; 3]),
    );
    let (_, recap) = run(&lebak(), &[kominfo(3), sent, unread]);
    let disdik = unit(&recap, "DISDIK");
    assert!(disdik.submitted && !disdik.unreadable);
    assert!(disdik.days.iter().all(|d| d.verdict == Verdict::Ok));
}
