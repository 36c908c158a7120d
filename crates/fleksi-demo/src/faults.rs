//! The planted faults of the default demo: one unit over the WFA cap on one day, one WFA
//! in an exempt unit, one invalid NIP (a non-ASN's 16-digit NIK), one unknown status, one
//! duplicate NIP, one unit that did not submit, and two units that typed NIPs as numbers.
//! Each lands in a different unit, so a test can match findings by code and unit; each is
//! returned with its file, sheet, cell, NIP and date.

use crate::people::Person;
use crate::plan::{allowed_wfa, DayRule, UnitPlan};
use crate::regency::UnitSpec;
use crate::rng::Rng;
use crate::sheet::{NipCell, OpdTable, Row};
use crate::style::{FileFormat, Style};
use chrono::NaiveDate;
use fleksi_core::finding::percent_id;
use fleksi_core::fmt_id::date_with_weekday;
use fleksi_core::{FindingCode, Layout, Policy, Severity, Status};
use serde::Serialize;
use std::path::PathBuf;

/// What kind of fault was planted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FaultKind {
    QuotaExceeded,
    WfaInExemptUnit,
    /// A non-ASN helper written with a 16-digit NIK in the NIP column: since issue 11 the
    /// importer reports such rows once as `staff.non_asn` (a warning), not as `nip.invalid`.
    InvalidNip,
    UnknownStatus,
    DuplicateNip,
    NotSubmitted,
    /// A NIP typed as a number; recoverable from the master (a warning).
    PrecisionLost,
}

impl FaultKind {
    /// The finding `fleksi check` reports for it; `None` for a unit that did not submit
    /// (it shows in the recap as "Belum mengirim", not as a finding).
    pub fn code(self) -> Option<FindingCode> {
        match self {
            FaultKind::QuotaExceeded => Some(FindingCode::WfaQuotaExceeded),
            FaultKind::WfaInExemptUnit => Some(FindingCode::WfaExemptUnit),
            FaultKind::InvalidNip => Some(FindingCode::StaffNonAsn),
            FaultKind::UnknownStatus => Some(FindingCode::StatusUnknown),
            FaultKind::DuplicateNip => Some(FindingCode::NipDuplicate),
            FaultKind::NotSubmitted => None,
            FaultKind::PrecisionLost => Some(FindingCode::NipPrecisionLost),
        }
    }

    /// The severity of the expected finding.
    pub fn severity(self) -> Option<Severity> {
        match self {
            FaultKind::PrecisionLost => Some(Severity::Warning),
            other => other.code().map(FindingCode::default_severity),
        }
    }
}

/// One planted fault and exactly where it is.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlantedFault {
    pub kind: FaultKind,
    pub code: Option<FindingCode>,
    pub severity: Option<Severity>,
    /// Unit code.
    pub unit: String,
    /// The OPD file (none for a unit that did not submit).
    pub file: Option<PathBuf>,
    /// Sheet name (none for CSV and for a unit that did not submit).
    pub sheet: Option<String>,
    /// A1 reference of the cell (the date header for a cap exceeded in a wide layout).
    pub cell: Option<String>,
    /// The 18 digits where known, otherwise as written.
    pub nip: Option<String>,
    pub date: Option<NaiveDate>,
    /// In Indonesian, for the README.
    pub description: String,
}

/// Everything the planner works on for one unit.
pub struct UnitWork {
    pub spec: UnitSpec,
    pub staff: Vec<Person>,
    pub exempt: bool,
    pub plan: UnitPlan,
    pub style: Style,
    pub submitted: bool,
    pub file: Option<PathBuf>,
    pub table: Option<OpdTable>,
}

/// Which unit got which fault (indices into the units), decided before the tables exist.
#[derive(Debug, Default)]
pub struct Choices {
    quota: Option<(usize, usize)>,
    exempt_wfa: Option<(usize, usize, usize)>,
    invalid: Option<usize>,
    unknown: Option<(usize, usize, usize)>,
    duplicate: Option<(usize, usize)>,
    not_submitted: Option<usize>,
    numeric: Vec<usize>,
}

fn wide_xlsx(w: &UnitWork) -> bool {
    w.style.layout == Layout::Wide && w.style.format == FileFormat::Xlsx
}

/// Phase 1: picks the units and changes their plans and styles.
pub fn choose(
    units: &mut [UnitWork],
    rules: &[DayRule],
    policy: &Policy,
    rng: &mut Rng,
) -> Choices {
    let mut c = Choices::default();
    let mut used = vec![false; units.len()];
    if units.len() < 2 {
        return c;
    }
    // A unit that did not submit: the last non-exempt one.
    if let Some(i) = (1..units.len()).rev().find(|&i| !units[i].exempt) {
        units[i].submitted = false;
        used[i] = true;
        c.not_submitted = Some(i);
    }
    // Over the cap: the first non-exempt unit (wide XLSX preferred) with a capped day.
    let mut order: Vec<usize> = (0..units.len()).collect();
    order.sort_by_key(|&i| !wide_xlsx(&units[i]));
    'quota: for &i in &order {
        let w = &units[i];
        if used[i] || w.exempt || w.staff.len() < 4 {
            continue;
        }
        for (d, rule) in rules.iter().enumerate() {
            if !rule.wfa_allowed || rule.cap.is_none_or(|cap| cap >= 100) {
                continue;
            }
            let total = w.staff.len();
            let want = allowed_wfa(policy, rule, total, w.plan.others_on(d)) + 1;
            let mut plan = w.plan.clone();
            if plan.raise_wfa(rng, rules, d, want, policy.weekly_wfa_limit) == want {
                units[i].plan = plan;
                used[i] = true;
                c.quota = Some((i, d));
                break 'quota;
            }
        }
    }
    // WFA in an exempt unit: one person, one day on which one WFA is within the cap.
    'exempt: for i in 0..units.len() {
        let w = &units[i];
        if used[i] || !w.exempt || !w.submitted {
            continue;
        }
        for (d, rule) in rules.iter().enumerate().rev() {
            if allowed_wfa(policy, rule, w.staff.len(), w.plan.others_on(d)) == 0 {
                continue;
            }
            if let Some(p) = (1..w.staff.len()).find(|&p| w.plan.statuses[p][d] == Status::Wfo) {
                units[i].plan.statuses[p][d] = Status::Wfa;
                used[i] = true;
                c.exempt_wfa = Some((i, p, d));
                break 'exempt;
            }
        }
    }
    let next = |used: &mut Vec<bool>, ok: &dyn Fn(&UnitWork) -> bool| -> Option<usize> {
        let i = (0..units.len()).find(|&i| !used[i] && units[i].submitted && ok(&units[i]))?;
        used[i] = true;
        Some(i)
    };
    c.invalid = next(&mut used, &|w| w.style.layout == Layout::Wide);
    let unknown = next(&mut used, &|w| w.staff.len() >= 2);
    let duplicate = next(&mut used, &|w| {
        w.style.layout == Layout::Wide && w.staff.len() >= 3
    });
    for _ in 0..2 {
        if let Some(i) = next(&mut used, &|w| wide_xlsx(w) && w.staff.len() >= 2) {
            c.numeric.push(i);
        }
    }
    if let Some(i) = unknown {
        let last = rules.len() - 1;
        let w = &mut units[i];
        let p = (1..w.staff.len())
            .rev()
            .find(|&p| w.plan.statuses[p][last] == Status::Wfo)
            .unwrap_or(w.staff.len() - 1);
        c.unknown = Some((i, p, last));
    }
    if let Some(i) = duplicate {
        let w = &mut units[i];
        let p = w.staff.len() / 2;
        w.plan.statuses[p].fill(Status::Wfo);
        c.duplicate = Some((i, p));
    }
    for &i in &c.numeric {
        units[i].style.nip_numeric = true;
    }
    c
}

/// The 16-digit NIK (Lebak's regional code 3602) of a non-ASN support worker.
const HONORER_NIK: &str = "3602014503920003";

/// Phase 2: edits the tables (extra rows, odd cells) and lists every fault with its place.
pub fn apply(
    units: &mut [UnitWork],
    c: &Choices,
    policy: &Policy,
    days: &[NaiveDate],
) -> Vec<PlantedFault> {
    let mut out = Vec::new();
    let fault = |w: &UnitWork, kind: FaultKind, description: String| PlantedFault {
        kind,
        code: kind.code(),
        severity: kind.severity(),
        unit: w.spec.code.to_string(),
        file: w.file.clone(),
        sheet: match (&w.table, w.style.format) {
            (Some(_), FileFormat::Xlsx) => Some(w.style.sheet.clone()),
            _ => None,
        },
        cell: None,
        nip: None,
        date: None,
        description,
    };
    if let Some((i, d)) = c.quota {
        let w = &units[i];
        let total = w.staff.len();
        let wfa = w.plan.wfa_on(d);
        let cap = policy.cap_on(days[d]).unwrap_or(100);
        let mut f = fault(
            w,
            FaultKind::QuotaExceeded,
            format!(
                "{} pada {}: WFA {} dari {} ASN = {} melebihi batas {} %",
                w.spec.name,
                date_with_weekday(days[d]),
                wfa,
                total,
                percent_id(wfa as u32, total as u32),
                cap
            ),
        );
        f.date = Some(days[d]);
        f.cell = w.table.as_ref().and_then(|t| t.date_header_cell(d));
        out.push(f);
    }
    if let Some((i, p, d)) = c.exempt_wfa {
        let w = &units[i];
        let e = &w.staff[p].employee;
        let mut f = fault(
            w,
            FaultKind::WfaInExemptUnit,
            format!(
                "{} dijadwalkan WFA pada {}, padahal {} dikecualikan (wajib WFO)",
                e.name,
                date_with_weekday(days[d]),
                w.spec.name
            ),
        );
        f.nip = Some(e.nip.as_str().to_string());
        f.date = Some(days[d]);
        f.cell = w.table.as_ref().map(|t| t.status_cell(p, d));
        out.push(f);
    }
    if let Some(i) = c.invalid {
        let w = &mut units[i];
        if let Some(t) = w.table.as_mut() {
            let wfo = t.style.status_text(Status::Wfo).to_string();
            t.rows.push(Row {
                nip: NipCell::Text(HONORER_NIK.to_string()),
                name: "Rina Marlina".to_string(),
                rank: "-".to_string(),
                position: "Tenaga Pendukung Administrasi (Non-ASN)".to_string(),
                cells: vec![wfo; days.len()],
                note: "Non-ASN".to_string(),
            });
        }
        let w = &units[i];
        let mut f = fault(
            w,
            FaultKind::InvalidNip,
            format!(
                "Tenaga pendukung non-ASN Rina Marlina ditulis dengan NIK 16 digit ({HONORER_NIK}) di kolom NIP"
            ),
        );
        f.nip = Some(HONORER_NIK.to_string());
        f.cell = w.table.as_ref().map(|t| t.nip_cell(t.rows.len() - 1));
        out.push(f);
    }
    if let Some((i, p, d)) = c.unknown {
        let w = &mut units[i];
        if let Some(t) = w.table.as_mut() {
            t.rows[p].cells[d] = "Libur".to_string();
        }
        let w = &units[i];
        let e = &w.staff[p].employee;
        let mut f = fault(
            w,
            FaultKind::UnknownStatus,
            format!(
                "Status \"Libur\" untuk {} pada {} bukan kode yang dikenal (hari kerja)",
                e.name,
                date_with_weekday(days[d])
            ),
        );
        f.nip = Some(e.nip.as_str().to_string());
        f.date = Some(days[d]);
        f.cell = w.table.as_ref().map(|t| t.status_cell(p, d));
        out.push(f);
    }
    if let Some((i, p)) = c.duplicate {
        let w = &mut units[i];
        if let Some(t) = w.table.as_mut() {
            let row = t.rows[p].clone();
            t.rows.push(row);
        }
        let w = &units[i];
        let e = &w.staff[p].employee;
        let mut f = fault(
            w,
            FaultKind::DuplicateNip,
            format!("{} (NIP {}) tercantum dua kali", e.name, e.nip.grouped()),
        );
        f.nip = Some(e.nip.as_str().to_string());
        f.cell = w.table.as_ref().map(|t| t.nip_cell(t.rows.len() - 1));
        out.push(f);
    }
    if let Some(i) = c.not_submitted {
        let w = &units[i];
        out.push(fault(
            w,
            FaultKind::NotSubmitted,
            format!("{} tidak mengirim jadwal (Belum mengirim)", w.spec.name),
        ));
    }
    for &i in &c.numeric {
        let w = &units[i];
        for (p, person) in w.staff.iter().enumerate() {
            let e = &person.employee;
            let mut f = fault(
                w,
                FaultKind::PrecisionLost,
                format!(
                    "NIP {} diketik sebagai angka: tersisa {}000, dipulihkan dari data pegawai",
                    e.name,
                    e.nip.first15()
                ),
            );
            f.nip = Some(e.nip.as_str().to_string());
            f.cell = w.table.as_ref().map(|t| t.nip_cell(p));
            out.push(f);
        }
    }
    out
}
