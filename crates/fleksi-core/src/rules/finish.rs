//! The final pass: per unit per working day the counts, the cap and the verdict (and a
//! `wfa.quota_exceeded` finding for each unit-day over the cap, placed in the file that owns
//! that unit-day), master staff missing from every file of their unit taking part, people
//! over the weekly WFA limit, and the assembled recap.

use super::context::Context;
use super::tally::{Tally, NOBODY};
use crate::finding::{percent_id, Finding, FindingCode};
use crate::fmt_id;
use crate::recap::{DayCount, Recap, StaffSchedule, UnitRecap, Verdict};
use crate::submission::Submission;

pub(super) fn finish(
    ctx: &Context,
    submissions: &[Submission],
    tally: &Tally,
    findings: &mut Vec<Finding>,
) -> Recap {
    let mut units = Vec::with_capacity(ctx.master.units.len());
    for (ui, unit) in ctx.master.units.iter().enumerate() {
        let total = ctx.master.staff_count(&unit.code) as u32;
        let exempt = ctx.exempt_reason(ui).is_some();
        // The file missing staff are reported in: the unit's last covering file.
        let source = tally.covered[ui].map(|si| &submissions[si]);
        let counts = &tally.counts[ui];
        let mut days = Vec::with_capacity(ctx.days.len());
        for (di, &date) in ctx.days.iter().enumerate() {
            let [wfo, wfa, other] = counts[di];
            let cap = ctx.policy.cap_on(date);
            let counted = if ctx.policy.leave_counts_toward_cap {
                wfa + other
            } else {
                wfa
            };
            let over =
                cap.is_some_and(|cap| u64::from(counted) * 100 > u64::from(total) * u64::from(cap));
            // The file that scheduled the unit on that day (the owner of the date).
            let day_source = tally.day_source[ui][di];
            let verdict = if exempt {
                Verdict::Exempt
            } else if day_source == NOBODY {
                Verdict::NotSubmitted
            } else if over {
                Verdict::OverCap
            } else {
                Verdict::Ok
            };
            if let (Verdict::OverCap, Some(cap)) = (verdict, cap) {
                let si = day_source as usize;
                let sub = &submissions[si];
                let cell = tally
                    .sub_dates
                    .get(&si)
                    .and_then(|d| d.header_cell(sub, date));
                findings.push(quota_exceeded(
                    ctx, sub, cell, &unit.code, date, counted, total, cap,
                ));
            }
            days.push(DayCount {
                date,
                wfo,
                wfa,
                other,
                cap_percent: cap,
                verdict,
            });
        }
        let staff = ctx
            .master
            .staff_of(&unit.code)
            .map(|e| StaffSchedule {
                nip: e.nip,
                name: e.name.clone(),
                position: e.position.clone(),
                statuses: tally
                    .persons
                    .statuses_of(&e.nip)
                    .map(<[_]>::to_vec)
                    .unwrap_or_else(|| vec![None; ctx.days.len()]),
            })
            .collect();
        if let Some(sub) = source {
            for e in ctx.master.staff_of(&unit.code) {
                if !tally.persons.contains(&e.nip) {
                    let mut f = Context::at(
                        sub,
                        FindingCode::EmployeeMissing,
                        None,
                        format!(
                            "{} (NIP {}, {}) terdaftar di {} tetapi tidak ada dalam jadwal",
                            e.name,
                            e.nip.grouped(),
                            e.position,
                            unit.name
                        ),
                        "Tambahkan pegawai ini ke jadwal, atau perbarui data pegawai bila ia \
                         sudah pindah atau pensiun."
                            .to_string(),
                    )
                    .nip(e.nip.as_str());
                    f.unit = Some(unit.code.clone());
                    findings.push(f);
                }
            }
        }
        units.push(UnitRecap {
            code: unit.code.clone(),
            name: unit.name.clone(),
            total_staff: total,
            submitted: source.is_some(),
            exempt,
            days,
            staff,
        });
    }
    if let Some(limit) = ctx.policy.weekly_wfa_limit {
        for over in &tally.weekly_over {
            let sub = &submissions[over.place.sub];
            let cell = sub
                .rows
                .get(over.place.row)
                .and_then(|r| r.entries.get(over.place.entry))
                .map(|e| e.cell.as_str());
            let name = ctx
                .master
                .employee(&over.nip)
                .map_or("", |e| e.name.as_str());
            let friday = over.monday + chrono::Days::new(4);
            findings.push(
                Context::at(
                    sub,
                    FindingCode::WfaWeeklyLimit,
                    cell,
                    format!(
                        "{name} (NIP {}) WFA {} hari pada minggu {} > batas {limit} hari per \
                         minggu",
                        over.nip.grouped(),
                        over.count,
                        fmt_id::period(over.monday, friday)
                    ),
                    format!(
                        "Kurangi WFA pegawai ini menjadi paling banyak {limit} hari dalam \
                         minggu tersebut (PermenPAN-RB 4/2025 Pasal 13)."
                    ),
                )
                .nip(over.nip.as_str())
                .date(over.monday),
            );
        }
    }
    Recap {
        from: ctx.policy.start,
        to: ctx.policy.end,
        days: ctx.days.clone(),
        units,
    }
}

#[allow(clippy::too_many_arguments)]
fn quota_exceeded(
    ctx: &Context,
    sub: &Submission,
    cell: Option<&str>,
    unit: &str,
    date: chrono::NaiveDate,
    counted: u32,
    total: u32,
    cap: u32,
) -> Finding {
    let what = if ctx.policy.leave_counts_toward_cap {
        "WFA + cuti/izin/sakit/DL/TB"
    } else {
        "WFA"
    };
    let allowed = u64::from(total) * u64::from(cap) / 100;
    let mut f = Context::at(
        sub,
        FindingCode::WfaQuotaExceeded,
        cell,
        format!(
            "{}, {}: {what} {counted} dari {total} ASN = {} > {cap} %",
            ctx.unit_name(unit),
            fmt_id::date_with_weekday(date),
            percent_id(counted, total)
        ),
        format!(
            "Kurangi {what} pada tanggal ini menjadi paling banyak {allowed} orang ({cap} % \
             dari {total} ASN); ubah sisanya menjadi WFO."
        ),
    )
    .date(date);
    f.unit = Some(unit.to_string());
    f
}
