//! The fixed frame of a proposal: the working days of the window (and their ISO week), and
//! per master unit whether it is exempt, the pool its cap is judged on and the cap of that
//! pool on a day — the same reading of the policy as the rules engine (cap basis, schemes
//! with their own caps, exempt units left out of pools; `fleksi_core::rules` doc).

use chrono::{Datelike, NaiveDate};
use fleksi_core::{calendar::Calendar, CapBasis, Master, Policy, UnitScheme};

pub(crate) struct Frame<'a> {
    pub policy: &'a Policy,
    /// Working days of the window, in order.
    pub days: Vec<NaiveDate>,
    /// Per day: the week index (0 for the first day's ISO week).
    pub week_of_day: Vec<usize>,
    pub weeks: usize,
    /// Per master unit: exempt from WFA (itself or an ancestor listed).
    pub exempt: Vec<bool>,
    /// Per master unit: the master index of its pool's unit.
    pub pool_of: Vec<usize>,
    /// Per master unit: the scheme whose caps apply to it (nearest with caps in its lineage).
    cap_scheme: Vec<Option<&'a UnitScheme>>,
    /// Per master unit: the piket minimum of its own scheme.
    pub piket_min: Vec<Option<u32>>,
}

impl<'a> Frame<'a> {
    pub fn new(policy: &'a Policy, master: &'a Master, from: NaiveDate, to: NaiveDate) -> Self {
        let from = from.max(policy.start);
        let to = to.min(policy.end);
        let days = if from <= to {
            Calendar::from_policy(policy).working_days_between(from, to)
        } else {
            Vec::new()
        };
        let monday =
            |d: NaiveDate| d - chrono::Days::new(u64::from(d.weekday().num_days_from_monday()));
        let first = days.first().map(|d| monday(*d));
        let week_of_day: Vec<usize> = days
            .iter()
            .map(|d| first.map_or(0, |f| ((monday(*d) - f).num_days() / 7) as usize))
            .collect();
        let weeks = week_of_day.last().map_or(0, |w| w + 1);
        let index = |code: &str| master.units.iter().position(|u| u.code == code);
        let mut exempt = Vec::with_capacity(master.units.len());
        let mut pool_of = Vec::with_capacity(master.units.len());
        let mut cap_scheme = Vec::with_capacity(master.units.len());
        let mut piket_min = Vec::with_capacity(master.units.len());
        for (ui, unit) in master.units.iter().enumerate() {
            exempt.push(policy.is_exempt(master, &unit.code));
            piket_min.push(policy.scheme(&unit.code).and_then(|s| s.piket_min));
            let lineage = master.lineage(&unit.code);
            let nearest = lineage.iter().find_map(|l| {
                policy
                    .scheme(&l.code)
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
            pool_of.push(root.and_then(index).unwrap_or(ui));
        }
        Frame {
            policy,
            days,
            week_of_day,
            weeks,
            exempt,
            pool_of,
            cap_scheme,
            piket_min,
        }
    }

    /// The cap in percent of pool unit `root` on `date`, `None` when uncapped.
    pub fn cap_on(&self, root: usize, date: NaiveDate) -> Option<u32> {
        match self.cap_scheme.get(root).copied().flatten() {
            Some(s) => s.cap_on(date),
            None => self.policy.cap_on(date),
        }
    }
}
