//! What the row pass accumulates for the final pass: counts per unit per day, which
//! submission covers each unit, each scheduled person's statuses and who booked them, and
//! WFA days per person per week.

use super::dates::SubDates;
use super::fast_hash::FastMap;
use crate::nip::Nip;
use crate::status::Status;
use chrono::NaiveDate;
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

/// One employee seen in an accepted row.
pub(super) struct Person {
    /// Parallel to the working days.
    pub statuses: Vec<Option<Status>>,
    /// Per working day: the submission that scheduled the person first, or [`NOBODY`].
    pub booked_by: Vec<u32>,
    /// Every accepted (submission, row) of the person.
    pub rows: Vec<(usize, usize)>,
}

pub(super) struct Tally {
    days: usize,
    /// Per master unit index: per day `[wfo, wfa, other]`.
    pub counts: Vec<Vec<[u32; 3]>>,
    /// Per master unit index: the submission that covers it (its own, or its parent's when
    /// that one lists the unit's staff).
    pub covered: Vec<Option<usize>>,
    /// Per master unit index: per working day, whether some submission scheduled the unit
    /// on that day (a covered date of its file, or a counted status).
    pub day_covered: Vec<Vec<bool>>,
    /// By `Nip::as_u64`.
    pub persons: FastMap<u64, Person>,
    /// WFA days per (person, ISO year, ISO week), and the index in `weekly_over` once over.
    pub weekly: FastMap<(u64, i32, u32), (u32, Option<usize>)>,
    pub weekly_over: Vec<WeeklyOver>,
    /// Per submission index: its dates' positions and states.
    pub sub_dates: HashMap<usize, SubDates>,
}

impl Tally {
    pub fn new(days: usize, units: usize) -> Self {
        Tally {
            days,
            counts: vec![vec![[0; 3]; days]; units],
            covered: vec![None; units],
            day_covered: vec![vec![false; days]; units],
            persons: FastMap::default(),
            weekly: FastMap::default(),
            weekly_over: Vec::new(),
            sub_dates: HashMap::new(),
        }
    }

    /// Marks unit `u` as covered by submission `si` on the working days of its dates.
    pub fn cover(&mut self, u: usize, si: usize, dates: &SubDates) {
        self.covered[u].get_or_insert(si);
        for state in &dates.states {
            if let super::context::DayState::Working(day) = state {
                self.day_covered[u][*day] = true;
            }
        }
    }

    /// Takes the person's record out (created on first sight) so a row can update it
    /// without hashing per cell; give it back with [`Tally::put_person`].
    pub fn take_person(&mut self, nip: Nip) -> Person {
        let days = self.days;
        self.persons
            .remove(&nip.as_u64())
            .unwrap_or_else(|| Person {
                statuses: vec![None; days],
                booked_by: vec![NOBODY; days],
                rows: Vec::with_capacity(1),
            })
    }

    pub fn put_person(&mut self, nip: Nip, person: Person) {
        self.persons.insert(nip.as_u64(), person);
    }

    /// Counts a WFA day toward the person's ISO week and remembers the first cell over
    /// `limit`.
    pub fn count_week(&mut self, nip: Nip, date: NaiveDate, limit: u32, place: Place) {
        use chrono::Datelike;
        let week = date.iso_week();
        let entry = self
            .weekly
            .entry((nip.as_u64(), week.year(), week.week()))
            .or_insert((0, None));
        entry.0 += 1;
        if entry.0 > limit {
            match entry.1 {
                Some(i) => self.weekly_over[i].count = entry.0,
                None => {
                    entry.1 = Some(self.weekly_over.len());
                    let monday =
                        date - chrono::Days::new(u64::from(date.weekday().num_days_from_monday()));
                    self.weekly_over.push(WeeklyOver {
                        nip,
                        monday,
                        place,
                        count: entry.0,
                    });
                }
            }
        }
    }
}

/// Adds one known status to the unit's counts for `day`.
pub(super) fn add(counts: &mut [[u32; 3]], day: usize, status: Status) {
    let slot = &mut counts[day];
    match status {
        Status::Wfo => slot[0] += 1,
        Status::Wfa => slot[1] += 1,
        _ => slot[2] += 1,
    }
}
