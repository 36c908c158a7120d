//! Susun jadwal: proposes, for each unit and each working day of a window, who works at the
//! office (WFO, or PIKET in a unit on piket) and who works from anywhere (WFA), so that every
//! rule of the Surat Edaran holds and every person is treated alike. Host-free and
//! deterministic: the same request gives the same proposal.
//!
//! The construction (see [`assign`]) is a greedy round-robin, not a solver: per pool (the
//! unit the cap is judged on, with its sub-units) and per day, the WFA places the cap allows
//! go to the eligible people with the fewest WFA days so far, the one who had WFA least
//! recently first. Among people with the same constraints this visits them in a fixed cycle,
//! which is what makes the fairness bound (WFA days differ by at most one) and the weekly
//! limit provable; every other rule is a filter on who may take a place.

mod assign;
mod frame;
pub mod roles;
mod shortfall;

use chrono::NaiveDate;
use fleksi_core::{Master, Nip, Policy, Status};
use serde::Serialize;
use std::collections::HashMap;

pub use shortfall::Shortfall;

/// Choices of the clerk beyond the policy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// Heads (kepala, sekretaris, kabid, camat, lurah, …: read from the position) kept at the
    /// office in each unit each day (at most as many as the unit has).
    pub heads_in_office: u32,
    /// At least this many of each bidang (named in the position: `… Bidang Pelayanan`) at the
    /// office each day; `None`: no such rule.
    pub per_bidang: Option<u32>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            heads_in_office: 1,
            per_bidang: None,
        }
    }
}

/// Days already known (leave, dinas luar, a person's fixed days, an imported schedule): the
/// proposal keeps them as they are.
#[derive(Debug, Clone, Default)]
pub struct Known {
    days: HashMap<(Nip, NaiveDate), Status>,
}

impl Known {
    pub fn new() -> Self {
        Known::default()
    }

    /// Fixes `nip`'s status on `date` (a later call for the same day replaces it).
    pub fn insert(&mut self, nip: Nip, date: NaiveDate, status: Status) {
        self.days.insert((nip, date), status);
    }

    pub fn get(&self, nip: Nip, date: NaiveDate) -> Option<Status> {
        self.days.get(&(nip, date)).copied()
    }

    pub fn len(&self) -> usize {
        self.days.len()
    }

    pub fn is_empty(&self) -> bool {
        self.days.is_empty()
    }
}

/// What to propose.
#[derive(Debug, Clone)]
pub struct Request<'a> {
    pub policy: &'a Policy,
    pub master: &'a Master,
    /// The window (clipped to the policy period); only its working days are planned.
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Unit codes to return; empty: every unit with staff. The pools these units belong to
    /// are always planned whole, so proposing unit by unit gives the same as all at once.
    pub units: Vec<String>,
    pub known: Known,
    pub options: Options,
}

impl<'a> Request<'a> {
    /// Every unit over the window, nothing known, default options.
    pub fn new(policy: &'a Policy, master: &'a Master, from: NaiveDate, to: NaiveDate) -> Self {
        Request {
            policy,
            master,
            from,
            to,
            units: Vec::new(),
            known: Known::new(),
            options: Options::default(),
        }
    }
}

/// A proposed schedule.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Proposal {
    pub policy: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// The working days planned, in order.
    pub days: Vec<NaiveDate>,
    /// The units asked for, in master order.
    pub units: Vec<UnitPlan>,
    /// The rules that could not all hold, each with its unit and day (empty when every rule
    /// holds); the schedule is then the closest one.
    pub shortfalls: Vec<Shortfall>,
}

/// The proposal for one unit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UnitPlan {
    pub code: String,
    pub name: String,
    /// Exempt from WFA: everyone at the office.
    pub exempt: bool,
    /// The policy needs the superior's approval and the unit has WFA days: the template marks
    /// them "perlu persetujuan" (waiting for the approval).
    pub needs_approval: bool,
    /// The unit's staff in master order.
    pub people: Vec<PersonPlan>,
}

/// One person's proposed days.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PersonPlan {
    pub nip: Nip,
    pub name: String,
    pub position: String,
    /// Read from the position as a head (kepala, sekretaris, …).
    pub head: bool,
    /// Per planned day.
    pub statuses: Vec<Status>,
    /// Per planned day: the status was given (known) and kept.
    pub known: Vec<bool>,
}

impl PersonPlan {
    /// WFA days in the proposal (known ones included).
    pub fn wfa_days(&self) -> usize {
        self.statuses.iter().filter(|s| **s == Status::Wfa).count()
    }
}

impl UnitPlan {
    /// Staff at the office (WFO or PIKET) on planned day `day`.
    pub fn in_office(&self, day: usize) -> usize {
        self.people
            .iter()
            .filter(|p| p.statuses.get(day).is_some_and(|s| s.is_office()))
            .count()
    }
}

impl Proposal {
    /// The plan of unit `code`.
    pub fn unit(&self, code: &str) -> Option<&UnitPlan> {
        self.units.iter().find(|u| u.code == code)
    }
}

/// Proposes a schedule (see the crate doc). Never panics on any input; a rule that cannot
/// hold gives a [`Shortfall`] and the closest schedule.
pub fn propose(request: &Request) -> Proposal {
    assign::plan(request)
}
