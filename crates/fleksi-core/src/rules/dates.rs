//! Date checks of one submission: date columns (or long-layout dates) outside the policy
//! period, and statuses written on weekends, holidays, cuti bersama or local days off —
//! one finding per date, counting the cells concerned.

use super::context::{Context, DayState};
use crate::calendar::NonWorkingDay;
use crate::finding::{Finding, FindingCode};
use crate::fmt_id;
use crate::submission::Submission;
use chrono::NaiveDate;
use std::collections::HashMap;

/// A submission's dates: each one's position in `Submission::dates` and its state.
pub(super) struct SubDates {
    pos: HashMap<NaiveDate, usize>,
    /// Parallel to `Submission::dates`.
    pub states: Vec<DayState>,
}

impl SubDates {
    fn new(ctx: &Context, sub: &Submission) -> Self {
        let mut pos = HashMap::with_capacity(sub.dates.len());
        for (i, d) in sub.dates.iter().enumerate() {
            pos.entry(*d).or_insert(i);
        }
        let states = sub.dates.iter().map(|d| ctx.day_state(*d)).collect();
        SubDates { pos, states }
    }

    /// The position of the date of entry `ei` in `Submission::dates`. Wide rows list their
    /// entries in date order, so entry `ei` is usually date `ei` — no hashing then.
    pub fn position(&self, sub: &Submission, ei: usize, date: NaiveDate) -> Option<usize> {
        if sub.dates.get(ei) == Some(&date) {
            return Some(ei);
        }
        self.pos.get(&date).copied()
    }

    /// The state of entry `ei`'s date.
    pub fn state(&self, ctx: &Context, sub: &Submission, ei: usize, date: NaiveDate) -> DayState {
        match self.position(sub, ei, date) {
            Some(p) => self.states[p],
            None => ctx.day_state(date),
        }
    }

    /// The header cell of a date (wide layout), when known.
    pub fn header_cell<'s>(&self, sub: &'s Submission, date: NaiveDate) -> Option<&'s str> {
        self.pos
            .get(&date)
            .and_then(|&p| sub.date_cells.get(p))
            .map(String::as_str)
    }
}

struct DateNote<'s> {
    date: NaiveDate,
    cell: Option<&'s str>,
    statuses: u32,
    why: Option<NonWorkingDay>,
}

/// Reports the submission's date problems and returns its dates' positions and states.
pub(super) fn check(ctx: &Context, sub: &Submission, findings: &mut Vec<Finding>) -> SubDates {
    let dates = SubDates::new(ctx, sub);
    let mut outside: Vec<DateNote> = Vec::new();
    let mut off: Vec<DateNote> = Vec::new();
    let mut note_of: HashMap<NaiveDate, usize> = HashMap::new();

    for (i, &date) in sub.dates.iter().enumerate() {
        if dates.states[i] == DayState::Outside && !note_of.contains_key(&date) {
            note_of.insert(date, outside.len());
            outside.push(DateNote {
                date,
                cell: sub.date_cells.get(i).map(String::as_str),
                statuses: 0,
                why: None,
            });
        }
    }
    for row in &sub.rows {
        for (ei, e) in row.entries.iter().enumerate() {
            let state = dates.state(ctx, sub, ei, e.date);
            let has_status = e.status.is_some();
            let list = match state {
                DayState::Working(_) => continue,
                DayState::Outside => &mut outside,
                DayState::Off(_) if !has_status => continue,
                DayState::Off(_) => &mut off,
            };
            let i = *note_of.entry(e.date).or_insert_with(|| {
                list.push(DateNote {
                    date: e.date,
                    cell: Some(dates.header_cell(sub, e.date).unwrap_or(&e.cell)),
                    statuses: 0,
                    why: match state {
                        DayState::Off(why) => Some(why),
                        _ => None,
                    },
                });
                list.len() - 1
            });
            if has_status {
                list[i].statuses += 1;
            }
        }
    }

    let period = fmt_id::period(ctx.policy.start, ctx.policy.end);
    for n in outside {
        let counted = if n.statuses > 0 {
            format!("; {} status pada tanggal ini tidak dihitung", n.statuses)
        } else {
            String::new()
        };
        findings.push(
            Context::at(
                sub,
                FindingCode::DateOutsidePeriod,
                n.cell,
                format!(
                    "Tanggal {} di luar masa berlaku Surat Edaran ({period}){counted}",
                    fmt_id::date_with_weekday(n.date)
                ),
                "Hapus kolom/baris tanggal ini atau gunakan templat jadwal sesuai masa \
                 berlaku Surat Edaran."
                    .to_string(),
            )
            .date(n.date),
        );
    }
    for n in off {
        let why = n.why.map(|w| w.to_string()).unwrap_or_default();
        findings.push(
            Context::at(
                sub,
                FindingCode::DateNonWorking,
                n.cell,
                format!(
                    "{} status tertulis pada {}, bukan hari kerja ({why}); tidak dihitung",
                    n.statuses,
                    fmt_id::date_with_weekday(n.date)
                ),
                "Kosongkan sel atau isi tanda - pada hari libur.".to_string(),
            )
            .date(n.date),
        );
    }
    dates
}
