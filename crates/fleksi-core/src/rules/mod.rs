//! The rules engine: checks imported submissions against a policy and the master and
//! produces the findings and the recap every document prints — in one linear pass over the
//! cells (hash maps, no nested scans).
//!
//! Decisions worth knowing:
//! - The returned findings start with every submission's own (import) findings that still
//!   stand (see below), in order, then the rule findings.
//! - A submission without a unit (`unit.unknown`, already reported by the importer) gets only
//!   the checks that need no unit: its dates, duplicate NIPs and NIPs unknown to the master.
//!   It is never superseded and never supersedes.
//! - The files of one unit (by the submission's unit code) merge by date: for each (unit,
//!   date) the last submission in the slice whose `dates` contain the date owns it (a file
//!   with new dates adds them; a corrected re-send replaces the dates it covers). Only the
//!   owner's entries on that date are counted and checked; earlier files' entries on it give
//!   no counts and no findings, and their import findings with that date are dropped. An
//!   entry on a date its file does not list counts unless another file of the unit lists it.
//! - A submission is fully superseded when a later one of its unit exists and it owns none
//!   of its dates (so a file without dates is superseded by any later file of its unit): it
//!   contributes nothing, not even its import findings. A partly superseded one keeps its
//!   date-independent findings (NIP checks, precision) and its import findings without a
//!   date or on a date it owns.
//! - `employee.missing` is judged against every file of the unit taking part (someone in the
//!   week-1 file but not the week-2 file is not missing), reported in the unit's last file.
//! - A row whose NIP belongs to a child unit of the submission's unit (a puskesmas in the
//!   Dinkes workbook) is accepted and counted for the child unit; any other unit is
//!   `nip.other_unit`. Counts go to the employee's unit in the master.
//! - The cap (design §4): per weekday from the unit's scheme — the nearest of the unit and
//!   its ancestors whose `UnitScheme` sets caps — else the policy's `caps`. It is exceeded
//!   iff `counted * 100 > total * cap` (counted: WFA, plus leave and other absence when the
//!   policy counts leave), so the allowance rounds down (15 ASN at 50 % → 7).
//! - Cap basis `PerangkatDaerah` (default): the cap is judged on a pool — the top-level unit
//!   (no parent in the master) with all its descendants, except that a unit with its own
//!   caps and its descendants form a pool of their own. Exempt units are left out of every
//!   pool (neither their staff nor their WFA count; their WFA is `wfa.exempt_unit`). One
//!   `wfa.quota_exceeded` per pool and day, naming the pool's unit and saying the count is
//!   pooled, placed in the file owning the pool unit's day (else the first pooled unit's in
//!   master order); every submitted unit-day of the pool gets the pool's verdict, and
//!   `DayCount::pool` carries the pool's counted/total/allowance. Basis `UnitKerja`: each
//!   unit is its own pool (a pool of one). Per-unit day counts stay per unit either way.
//! - Piket (`UnitScheme::piket_min`): on each working day a submission covers the unit, the
//!   unit's own staff (not its sub-units') with WFO or PIKET must be at least the minimum,
//!   else `piket.understaffed`, placed like the quota finding.
//! - PIKET counts as WFO; TL (like DL) as other.
//! - Approval (when required, for WFA cells): only `Approval::Yes` passes; `No`, a blank
//!   approval cell or no approval column is `approval.missing` (error); `Unclear` is
//!   `approval.unclear` (warning) at the approval cell, once per row and cell.
//! - The first submission to schedule an employee on a day wins; a later one of another unit
//!   is `employee.double_booked` and not counted (within one unit ownership decides).
//! - Verdict per unit per working day: `NotSubmitted` when no submission covers the unit on
//!   that day (exempt or not; a long policy sent week by week); for exempt units
//!   `ExemptViolated` when the unit has WFA that day, else `Exempt`; otherwise `OverCap`
//!   when its pool is over the cap, else `Ok`. `UnitRecap::submitted` is true once any
//!   submission covers the unit.
//! - The recap's window (`Recap::from`, `Recap::to`) is the policy period; see
//!   `Recap::within` for a narrower reporting window.
//! - The recap lists every unit of the master in master order, and in each every master
//!   employee of the unit with their status per working day.

mod context;
mod dates;
mod fast_hash;
mod finish;
mod merge;
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
use merge::Ownership;
use tally::Tally;

/// Validates the submissions against the policy and the master.
pub fn validate(
    policy: &Policy,
    master: &Master,
    submissions: &[Submission],
) -> (Vec<Finding>, Recap) {
    let own = Ownership::new(submissions);
    let mut findings: Vec<Finding> = submissions
        .iter()
        .enumerate()
        .flat_map(|(si, s)| own.import_findings(si, s).cloned())
        .collect();
    let ctx = Context::new(policy, master);
    let weekly = policy.weekly_wfa_limit.is_some();
    let mut tally = Tally::new(&ctx.days, master.units.len(), weekly);
    tally.persons.reserve(master.employees.len());
    for si in 0..submissions.len() {
        if !own.is_active(si) {
            continue;
        }
        let sub_dates = dates::check(&ctx, &own, submissions, si, &mut findings);
        rows::check(
            &ctx,
            &own,
            submissions,
            si,
            &sub_dates,
            &mut tally,
            &mut findings,
        );
        tally.sub_dates.insert(si, sub_dates);
    }
    let recap = finish::finish(&ctx, submissions, &tally, &mut findings);
    (findings, recap)
}
