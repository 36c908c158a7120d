//! The schedule plan of one unit: who is WFO, WFA or away on each day, kept within the
//! policy — exempt units stay in the office, WFA only on allowed weekdays, at most the cap
//! per day (counting leave when the policy says so), at most the weekly WFA days per person.

use crate::rng::Rng;
use chrono::{Datelike, NaiveDate};
use fleksi_core::{Policy, Status};

/// What the policy says about one working day.
#[derive(Debug, Clone, Copy)]
pub struct DayRule {
    /// WFA is allowed on this weekday.
    pub wfa_allowed: bool,
    /// Cap in percent, `None` when uncapped.
    pub cap: Option<u32>,
    /// Index of the ISO week among the demo days (for the weekly limit).
    pub week: usize,
}

/// The policy's rules for each demo day.
pub fn day_rules(policy: &Policy, days: &[NaiveDate]) -> Vec<DayRule> {
    let mut weeks: Vec<(i32, u32)> = Vec::new();
    days.iter()
        .map(|&date| {
            let iso = date.iso_week();
            let key = (iso.year(), iso.week());
            let week = match weeks.iter().position(|&w| w == key) {
                Some(i) => i,
                None => {
                    weeks.push(key);
                    weeks.len() - 1
                }
            };
            DayRule {
                wfa_allowed: policy.wfa_weekdays.is_empty()
                    || policy.wfa_weekdays.contains(&date.weekday()),
                cap: policy.cap_on(date),
                week,
            }
        })
        .collect()
}

/// Statuses of one unit: `statuses[person][day]`; person 0 is the head.
#[derive(Debug, Clone)]
pub struct UnitPlan {
    pub statuses: Vec<Vec<Status>>,
    /// People whose position the policy keeps out of WFA.
    pub no_wfa: Vec<bool>,
}

/// The most WFA the policy allows in a unit of `total` staff on `day` given `others`
/// absent (leave, sick, travel) that day.
pub fn allowed_wfa(policy: &Policy, day: &DayRule, total: usize, others: usize) -> usize {
    if !day.wfa_allowed {
        return 0;
    }
    match day.cap {
        // exceeded iff wfa * 100 > total * cap
        Some(cap) => {
            let max = total * cap as usize / 100;
            if policy.leave_counts_toward_cap {
                max.saturating_sub(others)
            } else {
                max
            }
        }
        None => total,
    }
}

impl UnitPlan {
    /// A plan that respects the policy. `exempt` units get no WFA at all, nor do the people
    /// marked in `no_wfa` (one flag per person; person 0 is the head).
    pub fn new(
        rng: &mut Rng,
        rules: &[DayRule],
        policy: &Policy,
        exempt: bool,
        no_wfa: Vec<bool>,
    ) -> Self {
        let total = no_wfa.len();
        let days = rules.len();
        let mut statuses = vec![vec![Status::Wfo; days]; total];
        // Absences: a few people on leave, sick, travelling; one in ~150 on study leave.
        for (person, row) in statuses.iter_mut().enumerate() {
            if person > 0 && rng.below(150) == 0 {
                row.fill(Status::Tb);
                continue;
            }
            let mut d = 0;
            while d < days {
                if person > 0 && rng.chance(3) {
                    let s = *rng.pick(&[
                        Status::Cuti,
                        Status::Cuti,
                        Status::Cuti,
                        Status::Dl,
                        Status::Dl,
                        Status::Sakit,
                        Status::Izin,
                    ]);
                    let len = if s == Status::Cuti {
                        rng.range(1, 3) as usize
                    } else {
                        1
                    };
                    for cell in row.iter_mut().skip(d).take(len) {
                        *cell = s;
                    }
                    d += len;
                } else {
                    d += 1;
                }
            }
        }
        let mut plan = UnitPlan { statuses, no_wfa };
        if exempt {
            return plan;
        }
        for (d, rule) in rules.iter().enumerate() {
            let allowed = allowed_wfa(policy, rule, total, plan.others_on(d));
            if allowed == 0 {
                continue;
            }
            let share = match rule.cap {
                Some(cap) if cap < 100 => rng.range(55, 100),
                _ => rng.range(40, 75),
            };
            let target = (allowed * share as usize / 100).min(allowed);
            plan.raise_wfa(rng, rules, d, target, policy.weekly_wfa_limit);
        }
        plan
    }

    pub fn others_on(&self, day: usize) -> usize {
        self.statuses
            .iter()
            .filter(|row| row[day].is_other())
            .count()
    }

    pub fn wfa_on(&self, day: usize) -> usize {
        self.statuses
            .iter()
            .filter(|row| row[day] == Status::Wfa)
            .count()
    }

    /// Turns WFO into WFA on `day` (never the head; people with the fewest WFA days in that
    /// week first; never past the weekly limit) until `target` WFA. Returns the WFA count.
    pub fn raise_wfa(
        &mut self,
        rng: &mut Rng,
        rules: &[DayRule],
        day: usize,
        target: usize,
        weekly_limit: Option<u32>,
    ) -> usize {
        let week = rules[day].week;
        let mut current = self.wfa_on(day);
        if current >= target {
            return current;
        }
        let mut candidates: Vec<(usize, u64, usize)> = self
            .statuses
            .iter()
            .enumerate()
            .skip(1)
            .filter(|(person, row)| row[day] == Status::Wfo && !self.no_wfa[*person])
            .map(|(person, row)| {
                let in_week = rules
                    .iter()
                    .zip(row)
                    .filter(|(r, s)| r.week == week && **s == Status::Wfa)
                    .count();
                (in_week, rng.next_u64(), person)
            })
            .filter(|(in_week, _, _)| weekly_limit.is_none_or(|l| (*in_week as u32) < l))
            .collect();
        candidates.sort_unstable();
        for (_, _, person) in candidates {
            if current >= target {
                break;
            }
            self.statuses[person][day] = Status::Wfa;
            current += 1;
        }
        current
    }

    /// True when the plan keeps every rule of the policy.
    #[cfg(test)]
    pub fn complies(&self, rules: &[DayRule], policy: &Policy, exempt: bool) -> bool {
        let total = self.statuses.len();
        let blocked_wfa = self
            .statuses
            .iter()
            .zip(&self.no_wfa)
            .any(|(row, &no)| no && row.contains(&Status::Wfa));
        if blocked_wfa {
            return false;
        }
        for (d, rule) in rules.iter().enumerate() {
            let wfa = self.wfa_on(d);
            if exempt && wfa > 0 {
                return false;
            }
            if wfa > allowed_wfa(policy, rule, total, self.others_on(d)) {
                return false;
            }
        }
        if let Some(limit) = policy.weekly_wfa_limit {
            for row in &self.statuses {
                let mut per_week = std::collections::HashMap::new();
                for (rule, s) in rules.iter().zip(row) {
                    if *s == Status::Wfa {
                        *per_week.entry(rule.week).or_insert(0u32) += 1;
                    }
                }
                if per_week.values().any(|&n| n > limit) {
                    return false;
                }
            }
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fleksi_core::{calendar, presets};

    #[test]
    fn plans_comply_with_every_preset_and_use_wfa_where_allowed() {
        for policy in presets::all() {
            let days: Vec<NaiveDate> = calendar::working_days(&policy)
                .into_iter()
                .take(15)
                .collect();
            let rules = day_rules(&policy, &days);
            let mut rng = Rng::new(11);
            let mut any_wfa = false;
            for total in [4, 7, 15, 40, 250] {
                for exempt in [false, true] {
                    // Every third person holds a position kept out of WFA.
                    let no_wfa = (0..total).map(|p| p % 3 == 2).collect();
                    let plan = UnitPlan::new(&mut rng, &rules, &policy, exempt, no_wfa);
                    assert!(
                        plan.complies(&rules, &policy, exempt),
                        "{} {total}",
                        policy.id
                    );
                    any_wfa |= (0..days.len()).any(|d| plan.wfa_on(d) > 0);
                    if exempt {
                        assert!((0..days.len()).all(|d| plan.wfa_on(d) == 0));
                    }
                }
            }
            assert!(any_wfa, "{} plans some WFA", policy.id);
        }
    }

    #[test]
    fn cap_boundary_follows_the_rule() {
        let policy = presets::by_id("lebak-2025-12").unwrap();
        let rule = DayRule {
            wfa_allowed: true,
            cap: Some(50),
            week: 0,
        };
        assert_eq!(allowed_wfa(&policy, &rule, 15, 0), 7);
        assert_eq!(allowed_wfa(&policy, &rule, 16, 3), 8);
        let closed = DayRule {
            wfa_allowed: false,
            ..rule
        };
        assert_eq!(allowed_wfa(&policy, &closed, 16, 0), 0);
    }

    #[test]
    fn raising_wfa_respects_the_weekly_limit_and_spares_the_head() {
        let policy = presets::by_id("rejang-lebong-2026").unwrap();
        let days: Vec<NaiveDate> = calendar::working_days(&policy)
            .into_iter()
            .take(5)
            .collect();
        let rules = day_rules(&policy, &days);
        let mut plan = UnitPlan {
            statuses: vec![vec![Status::Wfo; 5]; 6],
            no_wfa: vec![false; 6],
        };
        let mut rng = Rng::new(1);
        for d in 0..5 {
            plan.raise_wfa(&mut rng, &rules, d, 5, Some(2));
        }
        assert!(plan.statuses[0].iter().all(|&s| s == Status::Wfo));
        for row in &plan.statuses[1..] {
            assert_eq!(row.iter().filter(|&&s| s == Status::Wfa).count(), 2);
        }
    }
}
