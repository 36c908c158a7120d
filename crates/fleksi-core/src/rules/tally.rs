//! What the row pass accumulates for the final pass: counts per unit per day, which
//! submission covers each unit (and each unit-day), each scheduled person's statuses and who
//! booked them, and WFA days per person per week.

use super::dates::SubDates;
use super::fast_hash::FastMap;
use crate::nip::Nip;
use crate::status::Status;
use chrono::{Datelike, NaiveDate};
use std::collections::HashMap;

/// No submission booked the person on that day.
pub(super) const NOBODY: u32 = u32::MAX;

/// One status cell: submission, row and entry index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Place {
    pub sub: usize,
    pub row: usize,
    pub entry: usize,
}

/// A person with more WFA days in one ISO week than the policy allows.
#[derive(Debug, Clone)]
pub(super) struct WeeklyOver {
    pub nip: Nip,
    /// Monday of the week.
    pub monday: NaiveDate,
    /// The first WFA cell over the limit.
    pub place: Place,
    pub count: u32,
}

/// The people seen in accepted rows, stored flat (one slot per person, `days` slots per
/// person for the per-day values): no allocation per person, whatever the staff count.
pub(super) struct Persons {
    days: usize,
    /// Week index (from the first working day's week) of each working day.
    week_of_day: Vec<usize>,
    weeks: usize,
    /// Person slot by `Nip::as_u64`.
    index: FastMap<u64, usize>,
    /// Per person × working day: the counted status.
    pub statuses: Vec<Option<Status>>,
    /// Per person × working day: the submission that scheduled the person first, or
    /// [`NOBODY`].
    pub booked_by: Vec<u32>,
    /// Per person: the first accepted (submission, row).
    first_row: Vec<(usize, usize)>,
    /// Further accepted (submission, row)s by person slot, in order (rare: a person in
    /// several files).
    more_rows: FastMap<usize, Vec<(usize, usize)>>,
    /// Per person × week: WFA days.
    weekly: Vec<u32>,
    /// By index in `weekly`: the index in `Tally::weekly_over` once over the limit (rare).
    weekly_over_at: FastMap<usize, usize>,
}

impl Persons {
    /// `track_weeks`: whether WFA days per week are counted (the policy has a weekly limit).
    fn new(days: &[NaiveDate], track_weeks: bool) -> Self {
        let first_monday = days.iter().map(|d| monday(*d)).min();
        let week_of_day: Vec<usize> = days
            .iter()
            .map(|d| match first_monday {
                Some(m) => ((monday(*d) - m).num_days() / 7) as usize,
                None => 0,
            })
            .collect();
        let weeks = match week_of_day.iter().max() {
            Some(w) if track_weeks => w + 1,
            _ => 0,
        };
        Persons {
            days: days.len(),
            week_of_day,
            weeks,
            index: FastMap::default(),
            statuses: Vec::new(),
            booked_by: Vec::new(),
            first_row: Vec::new(),
            more_rows: FastMap::default(),
            weekly: Vec::new(),
            weekly_over_at: FastMap::default(),
        }
    }

    /// Room for `n` more people without rehashing or growing the per-person tables.
    pub fn reserve(&mut self, n: usize) {
        self.index.reserve(n);
        self.first_row.reserve(n);
        self.statuses.reserve(n * self.days);
        self.booked_by.reserve(n * self.days);
        self.weekly.reserve(n * self.weeks);
    }

    /// The person's slot (created on first sight), recording the accepted row.
    pub fn add_row(&mut self, nip: Nip, sub: usize, row: usize) -> usize {
        let next = self.first_row.len();
        let slot = *self.index.entry(nip.as_u64()).or_insert(next);
        if slot == next {
            self.first_row.push((sub, row));
            self.statuses.resize(self.statuses.len() + self.days, None);
            self.booked_by
                .resize(self.booked_by.len() + self.days, NOBODY);
            self.weekly.resize(self.weekly.len() + self.weeks, 0);
        } else {
            self.more_rows.entry(slot).or_default().push((sub, row));
        }
        slot
    }

    /// Where the person's per-day values start in `statuses` and `booked_by`.
    pub fn day_base(&self, slot: usize) -> usize {
        slot * self.days
    }

    /// The person's first accepted row in submission `sub`.
    pub fn row_in(&self, slot: usize, sub: usize) -> Option<usize> {
        let first = self.first_row.get(slot)?;
        if first.0 == sub {
            return Some(first.1);
        }
        self.more_rows
            .get(&slot)?
            .iter()
            .find(|(s, _)| *s == sub)
            .map(|x| x.1)
    }

    /// The person's statuses per working day, `None` when never seen in an accepted row.
    pub fn statuses_of(&self, nip: &Nip) -> Option<&[Option<Status>]> {
        let base = self.day_base(*self.index.get(&nip.as_u64())?);
        self.statuses.get(base..base + self.days)
    }

    pub fn contains(&self, nip: &Nip) -> bool {
        self.index.contains_key(&nip.as_u64())
    }
}

fn monday(date: NaiveDate) -> NaiveDate {
    date - chrono::Days::new(u64::from(date.weekday().num_days_from_monday()))
}

pub(super) struct Tally {
    /// Per master unit index: per day `[wfo, wfa, other]` (WFO counts PIKET too).
    pub counts: Vec<Vec<[u32; 3]>>,
    /// Per master unit index: the last submission that covers it — the last of the unit's
    /// own files when there is one, otherwise the last of its parent's files that list the
    /// unit's staff; `None` when nothing covers it.
    pub covered: Vec<Option<usize>>,
    /// Per master unit index: whether `covered` is one of the unit's own files.
    covered_by_own: Vec<bool>,
    /// Per master unit index: per working day, the first submission that scheduled the unit
    /// on that day (a date of its file it owns, or a counted status), or [`NOBODY`].
    pub day_source: Vec<Vec<u32>>,
    pub persons: Persons,
    pub weekly_over: Vec<WeeklyOver>,
    /// Per submission index: its dates' positions and states.
    pub sub_dates: HashMap<usize, SubDates>,
}

impl Tally {
    /// A tally over the working days `days` for `units` master units; `track_weeks` when
    /// the policy limits WFA days per week.
    pub fn new(days: &[NaiveDate], units: usize, track_weeks: bool) -> Self {
        Tally {
            counts: vec![vec![[0; 3]; days.len()]; units],
            covered: vec![None; units],
            covered_by_own: vec![false; units],
            day_source: vec![vec![NOBODY; days.len()]; units],
            persons: Persons::new(days, track_weeks),
            weekly_over: Vec::new(),
            sub_dates: HashMap::new(),
        }
    }

    /// Marks unit `u` as covered by submission `si` (`own`: a file of the unit itself, not
    /// of its parent) on the working days of its dates that it owns.
    pub fn cover(&mut self, u: usize, si: usize, own: bool, dates: &SubDates) {
        if own || !self.covered_by_own[u] {
            self.covered[u] = Some(si);
            self.covered_by_own[u] = own;
        }
        for (state, owned) in dates.states.iter().zip(&dates.owned) {
            if let (super::context::DayState::Working(day), true) = (state, owned) {
                self.mark_day(u, *day, si);
            }
        }
    }

    /// Marks unit `u` as scheduled on working day `day` by submission `si`, unless an
    /// earlier submission did.
    pub fn mark_day(&mut self, u: usize, day: usize, si: usize) {
        let source = &mut self.day_source[u][day];
        if *source == NOBODY {
            *source = si as u32;
        }
    }

    /// Counts a WFA day (working day `day`, on `date`) toward person `slot`'s week and
    /// remembers the first cell over `limit`.
    pub fn count_week(
        &mut self,
        slot: usize,
        nip: Nip,
        (day, date): (usize, NaiveDate),
        limit: u32,
        place: Place,
    ) {
        let persons = &mut self.persons;
        let week = persons.week_of_day.get(day).copied().unwrap_or(0);
        let at = slot * persons.weeks + week;
        let Some(count) = persons.weekly.get_mut(at) else {
            return;
        };
        *count += 1;
        if *count > limit {
            match persons.weekly_over_at.get(&at) {
                Some(&i) => self.weekly_over[i].count = *count,
                None => {
                    persons.weekly_over_at.insert(at, self.weekly_over.len());
                    self.weekly_over.push(WeeklyOver {
                        nip,
                        monday: monday(date),
                        place,
                        count: *count,
                    });
                }
            }
        }
    }
}

/// Adds one known status to the unit's counts for `day`: WFO and PIKET (office) as WFO,
/// WFA, everything else as other.
pub(super) fn add(counts: &mut [[u32; 3]], day: usize, status: Status) {
    let slot = &mut counts[day];
    match status {
        Status::Wfo | Status::Piket => slot[0] += 1,
        Status::Wfa => slot[1] += 1,
        Status::Cuti | Status::Sakit | Status::Dl | Status::Izin | Status::Tb | Status::Tl => {
            slot[2] += 1
        }
    }
}
