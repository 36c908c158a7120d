//! Submissions over time: the files of one unit merge by date. For each (unit, date) the
//! last submission of the unit whose `dates` contain the date owns it; only the owner's
//! entries for that date count. Submissions without a unit are never superseded and never
//! supersede.

use crate::finding::Finding;
use crate::submission::Submission;
use chrono::NaiveDate;
use std::collections::HashMap;

/// Who owns which (unit, date), and which submissions still take part.
pub(super) struct Ownership<'a> {
    /// (submission unit code, date) → the last submission of that unit listing the date.
    owner: HashMap<(&'a str, NaiveDate), usize>,
    /// Per submission: parallel to its `dates`, whether it owns that date.
    owned: Vec<Vec<bool>>,
    /// Per submission: whether it still takes part (not fully superseded).
    active: Vec<bool>,
}

impl<'a> Ownership<'a> {
    pub fn new(submissions: &'a [Submission]) -> Self {
        let mut owner: HashMap<(&str, NaiveDate), usize> = HashMap::new();
        let mut last: HashMap<&str, usize> = HashMap::new();
        for (si, sub) in submissions.iter().enumerate() {
            let Some(unit) = sub.unit.as_deref() else {
                continue;
            };
            last.insert(unit, si);
            for &date in &sub.dates {
                owner.insert((unit, date), si);
            }
        }
        let mut owned = Vec::with_capacity(submissions.len());
        let mut active = Vec::with_capacity(submissions.len());
        for (si, sub) in submissions.iter().enumerate() {
            match sub.unit.as_deref() {
                None => {
                    owned.push(vec![true; sub.dates.len()]);
                    active.push(true);
                }
                Some(unit) => {
                    let own: Vec<bool> = sub
                        .dates
                        .iter()
                        .map(|d| owner.get(&(unit, *d)) == Some(&si))
                        .collect();
                    // A later submission of the unit exists and owns every date of this one
                    // (vacuously so for a submission without dates).
                    let superseded = last.get(unit) != Some(&si) && !own.contains(&true);
                    owned.push(own);
                    active.push(!superseded);
                }
            }
        }
        Ownership {
            owner,
            owned,
            active,
        }
    }

    /// Whether submission `si` takes part at all.
    pub fn is_active(&self, si: usize) -> bool {
        self.active[si]
    }

    /// Per date of submission `si` (parallel to its `dates`): whether it owns the date.
    pub fn owned(&self, si: usize) -> &[bool] {
        &self.owned[si]
    }

    /// Whether submission `si` of unit `unit` owns `date` when the date is not among its
    /// `dates` (an entry the importer did not list): yes unless another submission of the
    /// unit lists the date.
    pub fn owns_unlisted(&self, unit: Option<&str>, date: NaiveDate) -> bool {
        unit.is_none_or(|u| !self.owner.contains_key(&(u, date)))
    }

    /// Submission `si`'s own (import) findings that still stand: none when it is fully
    /// superseded; otherwise those without a date or whose date no later submission of the
    /// unit owns.
    pub fn import_findings<'s>(
        &'s self,
        si: usize,
        sub: &'s Submission,
    ) -> impl Iterator<Item = &'s Finding> + 's {
        let active = self.active[si];
        let unit = sub.unit.as_deref();
        sub.findings.iter().filter(move |f| {
            active
                && match (unit, f.date) {
                    (Some(u), Some(d)) => self.owner.get(&(u, d)).is_none_or(|&o| o <= si),
                    _ => true,
                }
        })
    }
}
