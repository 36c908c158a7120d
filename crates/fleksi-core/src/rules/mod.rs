//! The rules engine: checks imported submissions against a policy and the master and
//! produces the findings and the recap every document prints — in one linear pass over the
//! cells (hash maps, no nested scans).
//!
//! Decisions worth knowing:
//! - The returned findings start with every submission's own (import) findings, in order,
//!   then the rule findings.
//! - A submission without a unit (`unit.unknown`, already reported by the importer) gets only
//!   the checks that need no unit: its dates, duplicate NIPs and NIPs unknown to the master.
//! - Two submissions for the same unit: the later one in the slice replaces the earlier (a
//!   corrected re-send); the earlier gets no rule findings and is not counted.
//! - A row whose NIP belongs to a child unit of the submission's unit (a puskesmas in the
//!   Dinkes workbook) is accepted and counted for the child unit; any other unit is
//!   `nip.other_unit`. Counts go to the employee's unit in the master.
//! - The cap's base is the unit's staff in the master; it is exceeded iff
//!   `wfa * 100 > total * cap` (WFA plus leave when the policy counts leave).
//! - The first submission to schedule an employee on a day wins; a later one is
//!   `employee.double_booked` and not counted.
//! - Verdict per unit per working day: `Exempt` for exempt units; `NotSubmitted` when no
//!   submission covers the unit on that day (a long policy sent week by week); `OverCap`;
//!   `Ok`. `UnitRecap::submitted` is true once any submission covers the unit.
//! - The recap lists every unit of the master in master order, and in each every master
//!   employee of the unit with their status per working day.

mod context;
mod dates;
mod fast_hash;
mod finish;
mod rows;
mod tally;
#[cfg(test)]
mod tests;

use crate::finding::Finding;
use crate::master::Master;
use crate::policy::Policy;
use crate::recap::Recap;
use crate::submission::Submission;
use context::Context;
use std::collections::HashMap;
use tally::Tally;

/// Validates the submissions against the policy and the master.
pub fn validate(
    policy: &Policy,
    master: &Master,
    submissions: &[Submission],
) -> (Vec<Finding>, Recap) {
    let mut findings: Vec<Finding> = submissions
        .iter()
        .flat_map(|s| s.findings.iter().cloned())
        .collect();
    let ctx = Context::new(policy, master);
    let active = active_submissions(submissions);
    let weekly = policy.weekly_wfa_limit.is_some();
    let mut tally = Tally::new(&ctx.days, master.units.len(), weekly);
    tally.persons.reserve(master.employees.len());
    for (si, sub) in submissions.iter().enumerate() {
        if !active[si] {
            continue;
        }
        let sub_dates = dates::check(&ctx, sub, &mut findings);
        rows::check(&ctx, submissions, si, &sub_dates, &mut tally, &mut findings);
        tally.sub_dates.insert(si, sub_dates);
    }
    let recap = finish::finish(&ctx, submissions, &tally, &mut findings);
    (findings, recap)
}

/// Which submissions take part: all but those replaced by a later one for the same unit.
fn active_submissions(submissions: &[Submission]) -> Vec<bool> {
    let mut last: HashMap<&str, usize> = HashMap::new();
    for (i, s) in submissions.iter().enumerate() {
        if let Some(u) = s.unit.as_deref() {
            last.insert(u, i);
        }
    }
    submissions
        .iter()
        .enumerate()
        .map(|(i, s)| match s.unit.as_deref() {
            Some(u) => last.get(u) == Some(&i),
            None => true,
        })
        .collect()
}
