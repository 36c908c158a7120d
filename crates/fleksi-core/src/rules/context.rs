//! What every rule needs to look up, computed once per validation: the working days of the
//! period and their index, the calendar, the master's units by index, which are exempt, the
//! scheme (own caps, piket) that applies to each, and the pool each unit's cap is judged on.

use crate::calendar::{working_days, Calendar, NonWorkingDay};
use crate::finding::{Finding, FindingCode};
use crate::master::Master;
use crate::policy::{CapBasis, Policy, UnitScheme};
use crate::submission::Submission;
use chrono::NaiveDate;
use std::collections::HashMap;

/// Where a date stands in the policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum DayState {
    /// A working day of the period, with its index in `Context::days`.
    Working(usize),
    /// Before the start or after the end of the period.
    Outside,
    /// Inside the period but a weekend, holiday, cuti bersama or local day off.
    Off(NonWorkingDay),
}

pub(super) struct Context<'a> {
    pub policy: &'a Policy,
    pub master: &'a Master,
    pub calendar: Calendar,
    pub days: Vec<NaiveDate>,
    day_index: HashMap<NaiveDate, usize>,
    unit_index: HashMap<&'a str, usize>,
    /// Per master unit (same order): `Some(text)` when exempt, saying why in Indonesian.
    exempt: Vec<Option<String>>,
    /// Per master unit: the scheme whose caps apply (the nearest of the unit and its
    /// ancestors with a scheme that sets caps), `None` for the general caps.
    cap_scheme: Vec<Option<&'a UnitScheme>>,
    /// Per master unit: the master index of the unit its cap is judged on — itself under
    /// cap basis per unit kerja; otherwise the nearest of itself and its ancestors with its
    /// own caps, else its top-level unit (the perangkat daerah).
    pub pool_of: Vec<usize>,
    /// Per master unit: the piket minimum of the unit's own scheme.
    pub piket_min: Vec<Option<u32>>,
}

impl<'a> Context<'a> {
    pub fn new(policy: &'a Policy, master: &'a Master) -> Self {
        let calendar = Calendar::from_policy(policy);
        let days = working_days(policy);
        let day_index = days.iter().enumerate().map(|(i, d)| (*d, i)).collect();
        let unit_index: HashMap<&str, usize> = master
            .units
            .iter()
            .enumerate()
            .map(|(i, u)| (u.code.as_str(), i))
            .collect();
        let exempt = master
            .units
            .iter()
            .map(|u| {
                policy.exemption(master, &u.code).map(|why| {
                    if why.inherited {
                        format!(
                            "{} berada di bawah {} yang dikecualikan dari WFA",
                            u.name, why.unit.name
                        )
                    } else {
                        format!("{} dikecualikan dari WFA", u.name)
                    }
                })
            })
            .collect();
        let mut schemes: HashMap<String, &UnitScheme> = HashMap::new();
        for sc in &policy.schemes {
            schemes.entry(sc.unit.trim().to_uppercase()).or_insert(sc);
        }
        let scheme_of = |code: &str| -> Option<&'a UnitScheme> {
            if schemes.is_empty() {
                return None;
            }
            schemes.get(&code.trim().to_uppercase()).copied()
        };
        let n = master.units.len();
        let mut cap_scheme = Vec::with_capacity(n);
        let mut pool_of = Vec::with_capacity(n);
        let mut piket_min = Vec::with_capacity(n);
        for (ui, u) in master.units.iter().enumerate() {
            piket_min.push(scheme_of(&u.code).and_then(|s| s.piket_min));
            let lineage = master.lineage(&u.code);
            let nearest = lineage.iter().find_map(|l| {
                scheme_of(&l.code)
                    .filter(|s| s.has_caps())
                    .map(|s| (l.code.as_str(), s))
            });
            cap_scheme.push(nearest.map(|(_, s)| s));
            let root = match policy.cap_basis {
                CapBasis::UnitKerja => None,
                CapBasis::PerangkatDaerah => nearest
                    .map(|(code, _)| code)
                    .or_else(|| lineage.last().map(|l| l.code.as_str())),
            };
            pool_of.push(
                root.and_then(|code| unit_index.get(code).copied())
                    .unwrap_or(ui),
            );
        }
        Context {
            policy,
            master,
            calendar,
            days,
            day_index,
            unit_index,
            exempt,
            cap_scheme,
            pool_of,
            piket_min,
        }
    }

    /// The cap in percent on `date` for master unit `unit_idx`: its scheme's, else the
    /// policy's; the flag tells whether it comes from a scheme.
    pub fn cap_on(&self, unit_idx: usize, date: NaiveDate) -> (Option<u32>, bool) {
        match self.cap_scheme.get(unit_idx).copied().flatten() {
            Some(s) => (s.cap_on(date), true),
            None => (self.policy.cap_on(date), false),
        }
    }

    pub fn day_state(&self, date: NaiveDate) -> DayState {
        if date < self.policy.start || date > self.policy.end {
            return DayState::Outside;
        }
        match self.day_index.get(&date) {
            Some(&i) => DayState::Working(i),
            None => match self.calendar.is_working_day(date) {
                Err(why) => DayState::Off(why),
                // Unreachable by construction (days are the period's working days).
                Ok(()) => DayState::Outside,
            },
        }
    }

    /// Index of a master unit.
    pub fn unit_idx(&self, code: &str) -> Option<usize> {
        self.unit_index.get(code).copied()
    }

    /// The unit's name for messages, or its code when the master does not know it.
    pub fn unit_name<'s>(&'s self, code: &'s str) -> &'s str {
        self.master.unit(code).map_or(code, |u| u.name.as_str())
    }

    /// Why the unit is exempt, `None` when it is not.
    pub fn exempt_reason(&self, unit_idx: usize) -> Option<&str> {
        self.exempt.get(unit_idx).and_then(|e| e.as_deref())
    }

    /// A finding placed in a submission's file and sheet, at `cell` when known.
    pub fn at(
        sub: &Submission,
        code: FindingCode,
        cell: Option<&str>,
        message: String,
        hint: String,
    ) -> Finding {
        let mut f = Finding::new(code, message, hint).in_file(&sub.file);
        f.sheet = Some(sub.sheet.clone());
        f.cell = cell.filter(|c| !c.is_empty()).map(str::to_string);
        f.unit = sub.unit.clone();
        f
    }
}

/// The A1 cell at the column of `column_of` and the row of `row_of` (`F3`, `B12` → `F12`):
/// where a wide layout's blank status cell is when the importer left no entry for it.
pub(super) fn cross_cell(column_of: &str, row_of: &str) -> Option<String> {
    let letters: String = column_of
        .chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect();
    let digits: String = row_of
        .chars()
        .skip_while(|c| c.is_ascii_alphabetic())
        .collect();
    if letters.is_empty() || digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    Some(format!("{letters}{digits}"))
}
