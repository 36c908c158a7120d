//! The row pass over one submission: NIP checks (duplicate, unknown, other unit), blank
//! statuses on covered working days, double booking across submissions, and the per-cell
//! WFA rules (exempt unit, weekday not allowed, approval missing or unclear, weekly limit);
//! counts every accepted status into the tally. Entries on dates the submission does not
//! own (a later submission of its unit covers them) are skipped entirely.

use super::context::{cross_cell, Context, DayState};
use super::dates::SubDates;
use super::fast_hash::FastMap;
use super::merge::Ownership;
use super::tally::{add, Place, Tally, NOBODY};
use crate::finding::{Finding, FindingCode};
use crate::fmt_id;
use crate::master::Employee;
use crate::nip::Nip;
use crate::status::Status;
use crate::submission::{Approval, Entry, Layout, ScheduleRow, Submission};
use chrono::{Datelike, NaiveDate};
use std::collections::HashMap;

/// Checks the rows of `submissions[si]`.
pub(super) fn check(
    ctx: &Context,
    own: &Ownership,
    submissions: &[Submission],
    si: usize,
    dates: &SubDates,
    tally: &mut Tally,
    findings: &mut Vec<Finding>,
) {
    let sub = &submissions[si];
    let unit = sub.unit.as_deref();
    // Units this file covers: its own, and each child unit once one of its staff appears.
    let mut covers: Vec<usize> = Vec::new();
    if let Some(u) = unit.and_then(|u| ctx.unit_idx(u)) {
        tally.cover(u, si, true, dates);
        covers.push(u);
    }
    let mut first_row: FastMap<u64, usize> = FastMap::default();
    first_row.reserve(sub.rows.len());
    // Whether an employee unit is the submission's unit or one of its descendants.
    let mut accepts: HashMap<&str, bool> = HashMap::new();
    // The policy's exempt position of each distinct position text (matched word by word).
    let mut exempt_positions: HashMap<&str, Option<&str>> = HashMap::new();
    let mut written = vec![false; sub.dates.len()];

    for (ri, row) in sub.rows.iter().enumerate() {
        let Some(nip) = row.nip else { continue };
        if let Some(&first) = first_row.get(&nip.as_u64()) {
            findings.push(duplicate(sub, row, &sub.rows[first], nip));
            continue;
        }
        first_row.insert(nip.as_u64(), ri);
        let Some(emp) = ctx.master.employee(&nip) else {
            findings.push(unknown(sub, row, nip));
            continue;
        };
        let Some(unit) = unit else { continue };
        let accepted = *accepts
            .entry(emp.unit.as_str())
            .or_insert_with(|| ctx.master.lineage(&emp.unit).iter().any(|u| u.code == unit));
        if !accepted {
            findings.push(other_unit(ctx, sub, row, emp, unit));
            continue;
        }
        let emp_unit = ctx.unit_idx(&emp.unit);
        let mut who = Who {
            emp,
            unit: emp_unit,
            unclear_reported: None,
            exempt_position: if ctx.policy.exempt_positions.is_empty() {
                None
            } else {
                *exempt_positions
                    .entry(emp.position.as_str())
                    .or_insert_with(|| ctx.policy.exempt_position(&emp.position))
            },
        };
        if let Some(u) = emp_unit.filter(|u| !covers.contains(u)) {
            tally.cover(u, si, false, dates);
            covers.push(u);
        }
        let slot = tally.persons.add_row(nip, si, ri);
        let base = tally.persons.day_base(slot);
        written.iter_mut().for_each(|w| *w = false);
        for (ei, e) in row.entries.iter().enumerate() {
            // A date the importer did not list in `dates` still counts; it just is not a
            // covered date for `status.missing`.
            let pos = dates.position(sub, ei, e.date);
            if !dates.owns(own, sub, pos, e.date) {
                continue;
            }
            if let Some(p) = pos {
                if e.status.is_some() || !Status::is_blank(&e.raw) {
                    written[p] = true;
                }
            }
            let Some(status) = e.status else { continue };
            let state = pos.map_or_else(|| ctx.day_state(e.date), |p| dates.states[p]);
            let DayState::Working(day) = state else {
                continue;
            };
            match tally.persons.booked_by[base + day] {
                NOBODY => tally.persons.booked_by[base + day] = si as u32,
                first if first as usize == si => continue, // the date twice in one row
                // Another file of the same unit: only for a date neither file lists (both
                // own it); the first one counts.
                first if submissions[first as usize].unit.as_deref() == Some(unit) => continue,
                first => {
                    let first = first as usize;
                    let at = (first, tally.persons.row_in(slot, first));
                    findings.push(double_booked(ctx, submissions, sub, e, emp, at));
                    continue;
                }
            }
            tally.persons.statuses[base + day] = Some(status);
            if let Some(u) = emp_unit {
                add(&mut tally.counts[u], day, status);
                tally.mark_day(u, day, si);
            }
            if status == Status::Wfa {
                let place = Place {
                    sub: si,
                    row: ri,
                    entry: ei,
                };
                wfa_cell(ctx, sub, e, &mut who, (slot, day, place), tally, findings);
            }
        }
        for (p, state) in dates.states.iter().enumerate() {
            if matches!(state, DayState::Working(_)) && dates.owned[p] && !written[p] {
                findings.push(missing_status(sub, row, emp, p, sub.dates[p]));
            }
        }
    }
}

fn unknown(sub: &Submission, row: &ScheduleRow, nip: Nip) -> Finding {
    Context::at(
        sub,
        FindingCode::NipUnknown,
        Some(&row.nip_cell),
        format!(
            "NIP {} ({}) tidak ada dalam data pegawai",
            nip.grouped(),
            row.name.trim()
        ),
        "Periksa NIP; bila pegawai baru, tambahkan dulu ke data pegawai (master).".to_string(),
    )
    .nip(nip.as_str())
}

/// The employee of an accepted row, with what the WFA rules need to know once per row.
struct Who<'a> {
    emp: &'a Employee,
    /// Master index of the employee's unit.
    unit: Option<usize>,
    /// The policy's `exempt_positions` entry naming the employee's position.
    exempt_position: Option<&'a str>,
    /// The approval cell last reported `approval.unclear` in this row (a wide row has one
    /// approval cell for all its dates: reported once).
    unclear_reported: Option<&'a str>,
}

/// The per-cell WFA rules.
fn wfa_cell<'a>(
    ctx: &Context,
    sub: &Submission,
    e: &'a Entry,
    who_row: &mut Who<'a>,
    (slot, day_idx, place): (usize, usize, Place),
    tally: &mut Tally,
    findings: &mut Vec<Finding>,
) {
    let emp = who_row.emp;
    // Texts are built only when a finding is made: this runs for every WFA cell.
    let who = || format!("{} ({})", emp.name, emp.nip.grouped());
    let day = || fmt_id::date_with_weekday(e.date);
    let base = |code, message: String, hint: &str| {
        Context::at(sub, code, Some(&e.cell), message, hint.to_string())
            .nip(emp.nip.as_str())
            .date(e.date)
    };
    if let Some(why) = who_row.unit.and_then(|u| ctx.exempt_reason(u)) {
        findings.push(base(
            FindingCode::WfaExemptUnit,
            format!(
                "WFA untuk {} pada {}, padahal {why} (tetap WFO)",
                who(),
                day()
            ),
            "Ubah menjadi WFO: unit ini tetap bekerja di kantor sesuai Surat Edaran.",
        ));
    } else if let Some(position) = who_row.exempt_position {
        findings.push(base(
            FindingCode::WfaExemptUnit,
            format!(
                "WFA untuk {} pada {}, padahal jabatan \"{}\" dikecualikan dari WFA ({position})",
                who(),
                day(),
                emp.position
            ),
            "Ubah menjadi WFO: jabatan ini tetap bekerja di kantor sesuai Surat Edaran.",
        ));
    }
    if !ctx.policy.wfa_allowed_on(e.date.weekday()) {
        findings.push(base(
            FindingCode::WfaDayNotAllowed,
            format!(
                "WFA untuk {} pada {}; Surat Edaran hanya membolehkan WFA pada hari {}",
                who(),
                day(),
                fmt_id::weekdays(&ctx.policy.wfa_weekdays)
            ),
            "Ubah menjadi WFO atau pindahkan WFA ke hari yang dibolehkan.",
        ));
    }
    if ctx.policy.approval_required {
        let by = ctx.policy.approver.label();
        let missing = match e.approved {
            Some(Approval::Yes) => None,
            None => Some(format!("tanpa kolom persetujuan {by}")),
            Some(Approval::No) => Some(format!("belum disetujui {by}")),
            Some(Approval::Unclear) => {
                let cell = e.approval_cell.as_deref().unwrap_or(&e.cell);
                if who_row.unclear_reported != Some(cell) {
                    who_row.unclear_reported = Some(cell);
                    findings.push(
                        Context::at(
                            sub,
                            FindingCode::ApprovalUnclear,
                            Some(cell),
                            format!(
                                "Persetujuan {by} pada sel {cell} untuk WFA {} pada {} tidak \
                                 jelas: bukan persetujuan yang tegas (Disetujui, Ya, ACC, ✓, \
                                 paraf) maupun penolakan",
                                who(),
                                day()
                            ),
                            format!(
                                "Tulis 'Disetujui' atau paraf {by} bila WFA ini disetujui, atau \
                                 'Tidak' bila tidak; 'Menunggu' atau 'Proses' belum dihitung \
                                 sebagai persetujuan."
                            ),
                        )
                        .nip(emp.nip.as_str())
                        .date(e.date),
                    );
                }
                None
            }
        };
        if let Some(state) = missing {
            findings.push(base(
                FindingCode::ApprovalMissing,
                format!("WFA untuk {} pada {} {state}", who(), day()),
                &format!(
                    "Isi persetujuan {by} (mis. 'Disetujui' atau paraf) untuk WFA ini, atau \
                     ubah menjadi WFO."
                ),
            ));
        }
    }
    if let Some(limit) = ctx.policy.weekly_wfa_limit {
        tally.count_week(slot, emp.nip, (day_idx, e.date), limit, place);
    }
}

fn duplicate(sub: &Submission, row: &ScheduleRow, first: &ScheduleRow, nip: Nip) -> Finding {
    Context::at(
        sub,
        FindingCode::NipDuplicate,
        Some(&row.nip_cell),
        format!(
            "NIP {} ({}) tertulis dua kali: sel {} dan sel {}; baris kedua tidak dihitung",
            nip.grouped(),
            row.name.trim(),
            first.nip_cell,
            row.nip_cell
        ),
        "Hapus baris ganda atau gabungkan jadwalnya dalam satu baris.".to_string(),
    )
    .nip(nip.as_str())
}

fn other_unit(
    ctx: &Context,
    sub: &Submission,
    row: &ScheduleRow,
    emp: &Employee,
    unit: &str,
) -> Finding {
    Context::at(
        sub,
        FindingCode::NipOtherUnit,
        Some(&row.nip_cell),
        format!(
            "{} (NIP {}) terdaftar di {}, bukan di {}; barisnya tidak dihitung",
            emp.name,
            emp.nip.grouped(),
            ctx.unit_name(&emp.unit),
            ctx.unit_name(unit)
        ),
        format!(
            "Hapus baris ini dari jadwal {}, atau perbarui unit pegawai di data pegawai bila \
             ia sudah pindah.",
            ctx.unit_name(unit)
        ),
    )
    .nip(emp.nip.as_str())
}

fn double_booked(
    ctx: &Context,
    submissions: &[Submission],
    sub: &Submission,
    e: &Entry,
    emp: &Employee,
    (first, first_row): (usize, Option<usize>),
) -> Finding {
    let other = &submissions[first];
    // Error path only: the other file's cell for this person and date.
    let other_cell = first_row
        .and_then(|r| other.rows.get(r))
        .and_then(|r| {
            r.entries
                .iter()
                .find(|x| x.date == e.date && x.status.is_some())
        })
        .map_or("", |x| x.cell.as_str());
    let other_unit = other.unit.as_deref().map_or("", |u| ctx.unit_name(u));
    Context::at(
        sub,
        FindingCode::EmployeeDoubleBooked,
        Some(&e.cell),
        format!(
            "{} (NIP {}) pada {} juga dijadwalkan oleh {} di berkas {} sel {}; jadwal ini \
             tidak dihitung",
            emp.name,
            emp.nip.grouped(),
            fmt_id::date_with_weekday(e.date),
            other_unit,
            other.file,
            other_cell
        ),
        format!(
            "Pegawai cukup dijadwalkan oleh unit tempatnya terdaftar ({}); hapus salah satu \
             jadwal.",
            ctx.unit_name(&emp.unit)
        ),
    )
    .nip(emp.nip.as_str())
    .date(e.date)
}

fn missing_status(
    sub: &Submission,
    row: &ScheduleRow,
    emp: &Employee,
    pos: usize,
    date: NaiveDate,
) -> Finding {
    let cell = row
        .entries
        .iter()
        .find(|e| e.date == date)
        .map(|e| e.cell.clone())
        .or_else(|| match sub.layout {
            // Wide: the blank cell is at the date's column in the employee's row.
            Layout::Wide => sub
                .date_cells
                .get(pos)
                .and_then(|c| cross_cell(c, &row.nip_cell)),
            // Long: there is no cell for a missing (employee, date) row.
            Layout::Long => None,
        })
        .unwrap_or_else(|| row.nip_cell.clone());
    Context::at(
        sub,
        FindingCode::StatusMissing,
        Some(&cell),
        format!(
            "Status {} (NIP {}) pada {} kosong",
            emp.name,
            emp.nip.grouped(),
            fmt_id::date_with_weekday(date)
        ),
        "Isi WFO, PIKET, WFA, DL, TL, CUTI, SAKIT, IZIN atau TB untuk tanggal ini.".to_string(),
    )
    .nip(emp.nip.as_str())
    .date(date)
}
