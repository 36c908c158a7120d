//! Date checks of one submission: date columns (or long-layout dates) outside the policy
//! period, and statuses written on weekends, holidays, cuti bersama or local days off —
//! one finding per date, counting the cells concerned. Only the dates the submission owns
//! (see `merge`) are checked.

use super::context::{Context, DayState};
use super::merge::Ownership;
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
    /// Parallel to `Submission::dates`: whether the submission owns the date (no later
    /// submission of its unit covers it).
    pub owned: Vec<bool>,
}

impl SubDates {
    fn new(ctx: &Context, sub: &Submission, owned: &[bool]) -> Self {
        let mut pos = HashMap::with_capacity(sub.dates.len());
        for (i, d) in sub.dates.iter().enumerate() {
            pos.entry(*d).or_insert(i);
        }
        let states = sub.dates.iter().map(|d| ctx.day_state(*d)).collect();
        SubDates {
            pos,
            states,
            owned: owned.to_vec(),
        }
    }

    /// Whether the submission owns the date of entry `ei` (found at `pos` in its dates, or
    /// not listed there).
    pub fn owns(
        &self,
        own: &Ownership,
        sub: &Submission,
        pos: Option<usize>,
        date: NaiveDate,
    ) -> bool {
        match pos {
            Some(p) => self.owned[p],
            None => own.owns_unlisted(sub.unit.as_deref(), date),
        }
    }

    /// The position of the date of entry `ei` in `Submission::dates`. Wide rows list their
    /// entries in date order, so entry `ei` is usually date `ei` — no hashing then.
    pub fn position(&self, sub: &Submission, ei: usize, date: NaiveDate) -> Option<usize> {
        if sub.dates.get(ei) == Some(&date) {
            return Some(ei);
        }
        self.pos.get(&date).copied()
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

/// Reports the date problems of submission `si` on the dates it owns and returns its dates'
/// positions, states and ownership.
pub(super) fn check(
    ctx: &Context,
    own: &Ownership,
    submissions: &[Submission],
    si: usize,
    findings: &mut Vec<Finding>,
) -> SubDates {
    let sub = &submissions[si];
    let dates = SubDates::new(ctx, sub, own.owned(si));
    let mut outside: Vec<DateNote> = Vec::new();
    let mut off: Vec<DateNote> = Vec::new();
    let mut note_of: HashMap<NaiveDate, usize> = HashMap::new();

    for (i, &date) in sub.dates.iter().enumerate() {
        if dates.owned[i] && dates.states[i] == DayState::Outside && !note_of.contains_key(&date) {
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
            let pos = dates.position(sub, ei, e.date);
            let state = pos.map_or_else(|| ctx.day_state(e.date), |p| dates.states[p]);
            if matches!(state, DayState::Working(_)) || !dates.owns(own, sub, pos, e.date) {
                continue;
            }
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
