//! The final pass: per unit per working day the counts, the cap and the verdict (and a
//! `wfa.quota_exceeded` finding for each pool-day over the cap, placed in the file that owns
//! the pool's unit-day), the piket minimum of units on piket (`piket.understaffed`), master
//! staff missing from every file of their unit taking part, people over the weekly WFA
//! limit, and the assembled recap.

use super::context::Context;
use super::tally::{Tally, NOBODY};
use crate::finding::{percent_id, Finding, FindingCode};
use crate::fmt_id;
use crate::recap::{CapPool, DayCount, Recap, StaffSchedule, UnitRecap, Verdict};
use crate::submission::Submission;

/// The cap's verdict of one pool on every working day.
struct Pools {
    /// Per master unit index (only pool roots are filled): staff of the pooled units.
    total: Vec<u32>,
    /// Per master unit index: number of pooled units.
    units: Vec<u32>,
    /// Per master unit index × working day: counted toward the cap over the pool.
    counted: Vec<u32>,
    /// Per master unit index × working day: the first submission (in master order of the
    /// pooled units, the root first) scheduling a pooled unit that day, or [`NOBODY`].
    source: Vec<u32>,
}

impl Pools {
    /// Sums the non-exempt units into their pools: linear in units × days.
    fn new(ctx: &Context, tally: &Tally) -> Self {
        let (n, days) = (ctx.master.units.len(), ctx.days.len());
        let mut p = Pools {
            total: vec![0; n],
            units: vec![0; n],
            counted: vec![0; n * days],
            source: vec![NOBODY; n * days],
        };
        for (ui, unit) in ctx.master.units.iter().enumerate() {
            if ctx.exempt_reason(ui).is_some() {
                continue;
            }
            let root = ctx.pool_of[ui];
            p.total[root] += ctx.master.staff_count(&unit.code) as u32;
            p.units[root] += 1;
            for di in 0..days {
                let [_, wfa, other] = tally.counts[ui][di];
                p.counted[root * days + di] += if ctx.policy.leave_counts_toward_cap {
                    wfa + other
                } else {
                    wfa
                };
                let src = tally.day_source[ui][di];
                let slot = &mut p.source[root * days + di];
                // The root's own file first, then the first pooled unit's in master order.
                if src != NOBODY && (*slot == NOBODY || ui == root) {
                    *slot = src;
                }
            }
        }
        p
    }
}

pub(super) fn finish(
    ctx: &Context,
    submissions: &[Submission],
    tally: &Tally,
    findings: &mut Vec<Finding>,
) -> Recap {
    let pools = Pools::new(ctx, tally);
    let n_days = ctx.days.len();
    let mut units = Vec::with_capacity(ctx.master.units.len());
    for (ui, unit) in ctx.master.units.iter().enumerate() {
        let total = ctx.master.staff_count(&unit.code) as u32;
        let exempt = ctx.exempt_reason(ui).is_some();
        let root = ctx.pool_of[ui];
        // The file missing staff are reported in: the unit's last covering file.
        let source = tally.covered[ui].map(|si| &submissions[si]);
        // Nothing of the unit could be read: its days say so, and its staff are not each
        // reported missing (the file's own finding says it all).
        let unreadable = source.is_some_and(Submission::is_unread)
            && tally.day_source[ui].iter().all(|&s| s == NOBODY);
        let counts = &tally.counts[ui];
        let mut days = Vec::with_capacity(n_days);
        for (di, &date) in ctx.days.iter().enumerate() {
            let [wfo, wfa, other] = counts[di];
            let (cap, from_scheme) = ctx.cap_on(root, date);
            let at = root * n_days + di;
            let (pool_total, pool_counted) = (pools.total[root], pools.counted[at]);
            let over = cap.is_some_and(|cap| {
                u64::from(pool_counted) * 100 > u64::from(pool_total) * u64::from(cap)
            });
            // The file that scheduled the unit on that day (the owner of the date).
            let day_source = tally.day_source[ui][di];
            let verdict = if unreadable {
                Verdict::Unreadable
            } else if day_source == NOBODY {
                Verdict::NotSubmitted
            } else if exempt && wfa > 0 {
                Verdict::ExemptViolated
            } else if exempt {
                Verdict::Exempt
            } else if over {
                Verdict::OverCap
            } else {
                Verdict::Ok
            };
            // One finding per pool and day, when the pool's root comes up.
            if let (true, false, Some(cap)) = (over, exempt, cap) {
                let si = pools.source[at];
                if ui == root && si != NOBODY {
                    let si = si as usize;
                    let sub = &submissions[si];
                    let cell = tally
                        .sub_dates
                        .get(&si)
                        .and_then(|d| d.header_cell(sub, date));
                    let quota = Quota {
                        unit: &unit.code,
                        date,
                        counted: pool_counted,
                        total: pool_total,
                        cap,
                        pooled: pools.units[root],
                        from_scheme,
                    };
                    findings.push(quota_exceeded(ctx, sub, cell, &quota));
                }
            }
            if let (Some(min), true) = (ctx.piket_min[ui], day_source != NOBODY) {
                if wfo < min {
                    let si = day_source as usize;
                    let sub = &submissions[si];
                    let cell = tally
                        .sub_dates
                        .get(&si)
                        .and_then(|d| d.header_cell(sub, date));
                    findings.push(understaffed(ctx, sub, cell, &unit.code, date, wfo, min));
                }
            }
            let pool = (!exempt).then(|| CapPool {
                unit: ctx.master.units[root].code.clone(),
                units: pools.units[root],
                counted: pool_counted,
                total: pool_total,
                allowance: cap.map(|c| (u64::from(pool_total) * u64::from(c) / 100) as u32),
            });
            days.push(DayCount {
                date,
                wfo,
                wfa,
                other,
                cap_percent: cap,
                verdict,
                pool,
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
        if let Some(sub) = source.filter(|_| !unreadable) {
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
            submitted: source.is_some() && !unreadable,
            unreadable,
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

/// A pool over its cap on one day.
struct Quota<'s> {
    /// The pool's root unit code.
    unit: &'s str,
    date: chrono::NaiveDate,
    counted: u32,
    total: u32,
    cap: u32,
    /// Units pooled.
    pooled: u32,
    /// The cap comes from the unit's own scheme.
    from_scheme: bool,
}

fn quota_exceeded(ctx: &Context, sub: &Submission, cell: Option<&str>, q: &Quota) -> Finding {
    let what = if ctx.policy.leave_counts_toward_cap {
        "WFA + cuti/izin/sakit/DL/TL/TB"
    } else {
        "WFA"
    };
    let (counted, total, cap) = (q.counted, q.total, q.cap);
    let allowed = u64::from(total) * u64::from(cap) / 100;
    let name = ctx.unit_name(q.unit);
    let scheme = if q.from_scheme {
        " (batas skema unit)"
    } else {
        ""
    };
    let (message, hint) = if q.pooled > 1 {
        // A scheme's unit below a perangkat daerah pools its own sub-units.
        let kind = if ctx.master.lineage(q.unit).len() <= 1 {
            "perangkat daerah, "
        } else {
            ""
        };
        (
            format!(
                "{name} ({kind}dihitung gabungan dengan {} unit di bawahnya), {}: \
                 {what} {counted} dari {total} ASN = {} > {cap} %{scheme}",
                q.pooled - 1,
                fmt_id::date_with_weekday(q.date),
                percent_id(counted, total)
            ),
            format!(
                "Kurangi {what} di {name} beserta unit di bawahnya pada tanggal ini menjadi \
                 paling banyak {allowed} orang ({cap} % dari {total} ASN perangkat daerah, \
                 dibulatkan ke bawah); ubah sisanya menjadi WFO."
            ),
        )
    } else {
        (
            format!(
                "{name}, {}: {what} {counted} dari {total} ASN = {} > {cap} %{scheme}",
                fmt_id::date_with_weekday(q.date),
                percent_id(counted, total)
            ),
            format!(
                "Kurangi {what} pada tanggal ini menjadi paling banyak {allowed} orang ({cap} % \
                 dari {total} ASN, dibulatkan ke bawah); ubah sisanya menjadi WFO."
            ),
        )
    };
    let mut f = Context::at(sub, FindingCode::WfaQuotaExceeded, cell, message, hint).date(q.date);
    f.unit = Some(q.unit.to_string());
    f
}

fn understaffed(
    ctx: &Context,
    sub: &Submission,
    cell: Option<&str>,
    unit: &str,
    date: chrono::NaiveDate,
    on_duty: u32,
    min: u32,
) -> Finding {
    let name = ctx.unit_name(unit);
    let mut f = Context::at(
        sub,
        FindingCode::PiketUnderstaffed,
        cell,
        format!(
            "{name}, {}: yang bertugas di kantor (WFO/PIKET) {on_duty} orang, kurang dari piket \
             minimal {min} orang menurut skema unit",
            fmt_id::date_with_weekday(date)
        ),
        format!("Jadwalkan paling sedikit {min} pegawai {name} WFO atau PIKET pada tanggal ini."),
    )
    .date(date);
    f.unit = Some(unit.to_string());
    f
}
