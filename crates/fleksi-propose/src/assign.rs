//! The construction: a greedy round-robin per pool and day.
//!
//! 1. Known days are kept; a known day that breaks a rule gives a [`Shortfall`].
//! 2. Each group with a minimum at the office — a unit's heads (`Options::heads_in_office`),
//!    a bidang (`Options::per_bidang`), a unit on piket (its scheme's `piket_min`) — starts
//!    each day with everyone who can be there (free, or known at the office); fewer than the
//!    minimum is a shortfall.
//! 3. Pool by pool (the unit the cap is judged on, with its pooled sub-units; pools share
//!    nothing), week by week, the days with the highest cap first: a day has
//!    `floor(total × cap / 100)` WFA places (none on a weekday without WFA, unlimited
//!    without a cap) minus what known days already count toward the cap; under a weekly
//!    limit, days of the week with the same cap share what the limit leaves evenly (so
//!    Rejang Lebong's Friday at 100 % is filled first and Monday–Thursday take turns). The
//!    places go to eligible people (unit and position not exempt, day not known, under the
//!    weekly limit) in the order (WFA days so far, last WFA — least recent first, then
//!    master order), skipping a person whose WFA would take one of their groups under its
//!    minimum.
//! 4. Everyone else free that day works at the office: WFO, or PIKET in a unit on piket.
//!
//! Why it is fair: people with the same constraints (unit, head or not, bidang, exempt
//! position or not, the same known days) are always eligible together and blocked together
//! (a group minimum or the places running out stops the later ones in the order; the
//! weekly limit blocks the next one in their cycle only when it blocks all of them, since a
//! week's turns are one stretch of the cycle), and the order (fewest, least recent) visits
//! them in a fixed cycle. So their WFA days — in the window and in each week — differ by at
//! most one, and the weekly limit binds only when the whole class is at it.

use crate::frame::Frame;
use crate::roles;
use crate::shortfall::{code, day, Shortfall};
use crate::{PersonPlan, Proposal, Request, UnitPlan};
use chrono::Datelike;
use fleksi_core::{Employee, Status};
use std::collections::HashMap;

/// A group of one unit that keeps a minimum at the office.
struct Group {
    unit: usize,
    kind: GroupKind,
    min: u32,
}

enum GroupKind {
    Heads,
    Bidang(String),
    Piket,
}

struct Person<'m> {
    employee: &'m Employee,
    unit: usize,
    head: bool,
    /// WFA is not allowed for this person (exempt unit or position).
    no_wfa: bool,
    groups: Vec<usize>,
    statuses: Vec<Option<Status>>,
    known: Vec<bool>,
    /// WFA days so far.
    count: u32,
    /// Sequence number of the last WFA given (0: never).
    last: u64,
    /// Per week: WFA days.
    weekly: Vec<u32>,
}

pub(crate) fn plan(req: &Request) -> Proposal {
    let frame = Frame::new(req.policy, req.master, req.from, req.to);
    let master = req.master;
    let mut shortfalls = Vec::new();
    let wanted: Vec<usize> = if req.units.is_empty() {
        (0..master.units.len())
            .filter(|&u| master.staff_count(&master.units[u].code) > 0)
            .collect()
    } else {
        let mut out = Vec::new();
        for code in &req.units {
            match master.units.iter().position(|u| u.code == *code) {
                Some(u) if !out.contains(&u) => out.push(u),
                Some(_) => {}
                None => shortfalls.push(Shortfall::new(
                    code::UNIT_UNKNOWN,
                    code,
                    None,
                    format!("Unit dengan kode '{code}' tidak ada dalam data pegawai."),
                )),
            }
        }
        out.sort_unstable();
        out
    };
    if frame.days.is_empty() {
        shortfalls.push(Shortfall::new(
            code::NO_WORKING_DAYS,
            "",
            None,
            format!(
                "Rentang {} tidak memuat hari kerja dalam masa berlaku Surat Edaran.",
                fleksi_core::fmt_id::period(req.from, req.to)
            ),
        ));
    }
    // Whole pools are planned, so a unit's share does not depend on what else is asked.
    let roots: Vec<usize> = wanted.iter().map(|&u| frame.pool_of[u]).collect();
    let planned: Vec<usize> = (0..master.units.len())
        .filter(|u| wanted.contains(u) || roots.contains(&frame.pool_of[*u]))
        .collect();

    let n_days = frame.days.len();
    let mut groups: Vec<Group> = Vec::new();
    let mut persons: Vec<Person> = Vec::new();
    for &u in &planned {
        let code = &master.units[u].code;
        let first = persons.len();
        for e in master.staff_of(code) {
            persons.push(Person {
                employee: e,
                unit: u,
                head: roles::is_head(&e.position),
                no_wfa: frame.exempt[u] || req.policy.exempt_position(&e.position).is_some(),
                groups: Vec::new(),
                statuses: vec![None; n_days],
                known: vec![false; n_days],
                count: 0,
                last: 0,
                weekly: vec![0; frame.weeks],
            });
        }
        add_groups(req, &frame, u, &mut groups, &mut persons[first..]);
    }
    // Pools: root → members (persons of non-exempt units), and the staff the cap is on.
    let mut pools: Vec<(usize, Vec<usize>)> = Vec::new();
    let mut pool_at: HashMap<usize, usize> = HashMap::new();
    for (pi, p) in persons.iter().enumerate() {
        if frame.exempt[p.unit] {
            continue;
        }
        let root = frame.pool_of[p.unit];
        let at = *pool_at.entry(root).or_insert_with(|| {
            pools.push((root, Vec::new()));
            pools.len() - 1
        });
        pools[at].1.push(pi);
    }

    let limit = req.policy.weekly_wfa_limit;
    let leave_counts = req.policy.leave_counts_toward_cap;
    // 1. Known days.
    for (di, &date) in frame.days.iter().enumerate() {
        let week = frame.week_of_day[di];
        for p in persons.iter_mut() {
            let Some(status) = req.known.get(p.employee.nip, date) else {
                continue;
            };
            p.statuses[di] = Some(status);
            p.known[di] = true;
            if status == Status::Wfa {
                p.count += 1;
                p.weekly[week] += 1;
                known_wfa_conflicts(req, &frame, p, date, week, limit, &mut shortfalls);
            }
        }
    }
    // 2. Who can be at the office, per group and day.
    let mut office = vec![0i64; groups.len() * n_days];
    for p in &persons {
        for (di, status) in p.statuses.iter().enumerate() {
            if status.is_none_or(|s| s.is_office()) {
                for &g in &p.groups {
                    office[g * n_days + di] += 1;
                }
            }
        }
    }
    for (di, &date) in frame.days.iter().enumerate() {
        for (g, group) in groups.iter().enumerate() {
            let can = office[g * n_days + di];
            if can < i64::from(group.min) {
                shortfalls.push(group_short(req, group, can, date));
            }
        }
    }
    // 3. WFA places, pool by pool, week by week; in a week the days with the highest cap
    // first, and days with the same cap share what the weekly limit leaves evenly.
    let mut seq: u64 = 0;
    let mut candidates: Vec<usize> = Vec::new();
    for (root, members) in &pools {
        let wfa_day = |di: usize| req.policy.wfa_allowed_on(frame.days[di].weekday());
        // Days without WFA last, then the highest cap (none: unlimited) first.
        let rank = |di: usize| {
            if wfa_day(di) {
                frame
                    .cap_on(*root, frame.days[di])
                    .map_or(u64::from(u32::MAX), u64::from)
                    + 1
            } else {
                0
            }
        };
        let mut order: Vec<usize> = (0..n_days).collect();
        order.sort_by_key(|&di| (frame.week_of_day[di], std::cmp::Reverse(rank(di)), di));
        for (k, &di) in order.iter().enumerate() {
            let date = frame.days[di];
            let week = frame.week_of_day[di];
            let mut places = match frame.cap_on(*root, date) {
                None => usize::MAX,
                Some(cap) => {
                    let total = members.len() as u64;
                    let allowed = (total * u64::from(cap) / 100) as usize;
                    let counted = members
                        .iter()
                        .filter(|&&pi| match persons[pi].statuses[di] {
                            Some(Status::Wfa) => true,
                            Some(s) => leave_counts && s.is_other(),
                            None => false,
                        })
                        .count();
                    if counted > allowed {
                        shortfalls.push(over_cap(req, *root, date, counted, allowed, cap));
                    }
                    allowed.saturating_sub(counted)
                }
            };
            if !wfa_day(di) {
                places = 0;
            }
            if let (Some(l), true) = (limit, places > 0) {
                // The rest of this week's days with the same cap share the weekly budget.
                let same = order[k..]
                    .iter()
                    .take_while(|&&d| frame.week_of_day[d] == week)
                    .filter(|&&d| rank(d) == rank(di))
                    .count()
                    .max(1);
                let budget: usize = members
                    .iter()
                    .filter(|&&pi| !persons[pi].no_wfa)
                    .map(|&pi| l.saturating_sub(persons[pi].weekly[week]) as usize)
                    .sum();
                places = places.min(budget.div_ceil(same));
            }
            if places == 0 {
                continue;
            }
            candidates.clear();
            candidates.extend(members.iter().copied().filter(|&pi| {
                let p = &persons[pi];
                !p.no_wfa && p.statuses[di].is_none() && limit.is_none_or(|l| p.weekly[week] < l)
            }));
            candidates.sort_unstable_by_key(|&pi| (persons[pi].count, persons[pi].last, pi));
            for &pi in &candidates {
                if places == 0 {
                    break;
                }
                let p = &mut persons[pi];
                if p.groups
                    .iter()
                    .any(|&g| office[g * n_days + di] - 1 < i64::from(groups[g].min))
                {
                    continue;
                }
                for &g in &p.groups {
                    office[g * n_days + di] -= 1;
                }
                seq += 1;
                p.statuses[di] = Some(Status::Wfa);
                p.count += 1;
                p.last = seq;
                p.weekly[week] += 1;
                places -= 1;
            }
        }
    }
    // 4. Everyone else free is at the office.
    for p in persons.iter_mut() {
        let office_status = if frame.piket_min[p.unit].is_some() {
            Status::Piket
        } else {
            Status::Wfo
        };
        for s in p.statuses.iter_mut().filter(|s| s.is_none()) {
            *s = Some(office_status);
        }
    }
    // Only what concerns the units asked for (a quota names their pool's unit).
    let concerned: Vec<&str> = wanted
        .iter()
        .chain(&roots)
        .map(|&u| master.units[u].code.as_str())
        .collect();
    shortfalls.retain(|s| {
        s.unit.is_empty() || s.rule == code::UNIT_UNKNOWN || concerned.contains(&s.unit.as_str())
    });
    shortfalls.sort_by(|a, b| (a.date, &a.unit, &a.rule).cmp(&(b.date, &b.unit, &b.rule)));

    let units = wanted
        .iter()
        .map(|&u| {
            let unit = &master.units[u];
            let people: Vec<PersonPlan> = persons
                .iter()
                .filter(|p| p.unit == u)
                .map(|p| PersonPlan {
                    nip: p.employee.nip,
                    name: p.employee.name.clone(),
                    position: p.employee.position.clone(),
                    head: p.head,
                    statuses: p
                        .statuses
                        .iter()
                        .map(|s| s.unwrap_or(Status::Wfo))
                        .collect(),
                    known: p.known.clone(),
                })
                .collect();
            let any_wfa = people.iter().any(|p| p.wfa_days() > 0);
            UnitPlan {
                code: unit.code.clone(),
                name: unit.name.clone(),
                exempt: frame.exempt[u],
                needs_approval: req.policy.approval_required && any_wfa,
                people,
            }
        })
        .collect();
    Proposal {
        policy: req.policy.id.clone(),
        from: req.from,
        to: req.to,
        days: frame.days,
        units,
        shortfalls,
    }
}

/// The groups of unit `u` with a minimum at the office, and each person's membership.
fn add_groups(
    req: &Request,
    frame: &Frame,
    u: usize,
    groups: &mut Vec<Group>,
    people: &mut [Person],
) {
    let heads = people.iter().filter(|p| p.head).count() as u32;
    let want = req.options.heads_in_office.min(heads);
    if want > 0 {
        let g = groups.len();
        groups.push(Group {
            unit: u,
            kind: GroupKind::Heads,
            min: want,
        });
        for p in people.iter_mut().filter(|p| p.head) {
            p.groups.push(g);
        }
    }
    if let Some(per) = req.options.per_bidang.filter(|n| *n > 0) {
        let mut by_name: Vec<(String, Vec<usize>)> = Vec::new();
        for (i, p) in people.iter().enumerate() {
            if let Some(b) = roles::bidang(&p.employee.position) {
                match by_name.iter_mut().find(|(n, _)| *n == b) {
                    Some((_, v)) => v.push(i),
                    None => by_name.push((b, vec![i])),
                }
            }
        }
        for (name, members) in by_name {
            let g = groups.len();
            groups.push(Group {
                unit: u,
                kind: GroupKind::Bidang(name),
                min: per.min(members.len() as u32),
            });
            for i in members {
                people[i].groups.push(g);
            }
        }
    }
    if let Some(min) = frame.piket_min[u] {
        let g = groups.len();
        groups.push(Group {
            unit: u,
            kind: GroupKind::Piket,
            min,
        });
        for p in people.iter_mut() {
            p.groups.push(g);
        }
    }
}

/// Shortfalls of a known WFA day in a unit or position without WFA, on a weekday without
/// WFA, or over the weekly limit (once, on the day it goes over).
fn known_wfa_conflicts(
    req: &Request,
    frame: &Frame,
    p: &Person,
    date: chrono::NaiveDate,
    week: usize,
    limit: Option<u32>,
    out: &mut Vec<Shortfall>,
) {
    let unit = &req.master.units[p.unit];
    let who = format!("{} (NIP {})", p.employee.name, p.employee.nip.grouped());
    if frame.exempt[p.unit] {
        out.push(Shortfall::new(
            "wfa.exempt_unit",
            &unit.code,
            Some(date),
            format!(
                "{who}, {}: WFA yang sudah ditetapkan, padahal {} dikecualikan dari WFA.",
                day(date),
                unit.name
            ),
        ));
    } else if let Some(pos) = req.policy.exempt_position(&p.employee.position) {
        out.push(Shortfall::new(
            "wfa.exempt_unit",
            &unit.code,
            Some(date),
            format!(
                "{who}, {}: WFA yang sudah ditetapkan, padahal jabatan \"{pos}\" dikecualikan \
                 dari WFA.",
                day(date)
            ),
        ));
    }
    if !req.policy.wfa_allowed_on(date.weekday()) {
        out.push(Shortfall::new(
            "wfa.day_not_allowed",
            &unit.code,
            Some(date),
            format!(
                "{who}, {}: WFA yang sudah ditetapkan pada hari yang tidak membolehkan WFA.",
                day(date)
            ),
        ));
    }
    if let Some(l) = limit {
        if p.weekly[week] == l + 1 {
            out.push(Shortfall::new(
                "wfa.weekly_limit",
                &unit.code,
                Some(date),
                format!(
                    "{who}: WFA yang sudah ditetapkan melebihi {l} hari dalam minggu {}.",
                    day(date)
                ),
            ));
        }
    }
}

fn group_short(req: &Request, g: &Group, can: i64, date: chrono::NaiveDate) -> Shortfall {
    let unit = &req.master.units[g.unit];
    let (rule, message) = match &g.kind {
        GroupKind::Heads => (
            code::HEAD_ABSENT,
            format!(
                "{}, {}: tidak ada pimpinan (kepala/sekretaris/kabid …) yang dapat berada di \
                 kantor; yang hadir {can} dari {} yang diminta.",
                unit.name,
                day(date),
                g.min
            ),
        ),
        GroupKind::Bidang(name) => (
            code::BIDANG_SHORT,
            format!(
                "{}, {}: bidang {name} hanya dapat menempatkan {can} orang di kantor, kurang \
                 dari {} yang diminta.",
                unit.name,
                day(date),
                g.min
            ),
        ),
        GroupKind::Piket => (
            "piket.understaffed",
            format!(
                "{}, {}: piket minimal {} orang, tetapi hanya {can} pegawai yang dapat bertugas \
                 di kantor; semua yang dapat hadir dijadwalkan PIKET.",
                unit.name,
                day(date),
                g.min
            ),
        ),
    };
    Shortfall::new(rule, &unit.code, Some(date), message)
}

fn over_cap(
    req: &Request,
    root: usize,
    date: chrono::NaiveDate,
    counted: usize,
    allowed: usize,
    cap: u32,
) -> Shortfall {
    let unit = &req.master.units[root];
    let what = if req.policy.leave_counts_toward_cap {
        "WFA dan cuti/izin/sakit/DL yang sudah ditetapkan"
    } else {
        "WFA yang sudah ditetapkan"
    };
    Shortfall::new(
        "wfa.quota_exceeded",
        &unit.code,
        Some(date),
        format!(
            "{}, {}: {what} {counted} orang, melebihi batas {allowed} orang ({cap} %); tidak \
             ada WFA lain yang diusulkan.",
            unit.name,
            day(date)
        ),
    )
}
