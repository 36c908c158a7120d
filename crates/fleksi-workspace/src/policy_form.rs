//! The Surat Edaran editor's form: a policy as JSON (the serde shape of
//! `fleksi_core::Policy`, the same fields as its TOML) for the UI to edit section by section,
//! saved back through the TOML path (so the editor and an imported file are checked alike),
//! and a live preview of an unsaved form: the period's days off and caps, the rules in words,
//! the units of the master that end up exempt, and every problem with its field.

use fleksi_core::Policy;
use serde::Serialize;
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::policy_book::{problems_of, unit_problems, PolicyProblem};
use crate::policy_detail::{self, PolicyDetail};
use crate::Workspace;

/// What the editor shows beside the form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PolicyPreview {
    /// Rules, days off with reasons, signatory — as the Surat Edaran page shows them.
    pub detail: Option<PolicyDetail>,
    /// Units of the master in use that the policy exempts (with their children), by name.
    pub exempt_units: Vec<String>,
    /// Every problem, with the field it belongs to.
    pub problems: Vec<PolicyProblem>,
    /// Why the lampiran would still be a draft (KONSEP).
    pub to_fill: Vec<String>,
}

fn from_json(value: serde_json::Value) -> std::result::Result<Policy, Vec<PolicyProblem>> {
    serde_json::from_value::<Policy>(value).map_err(|e| {
        vec![PolicyProblem {
            field: String::new(),
            message: format!("isian tidak lengkap atau tidak sah: {e}"),
            line: None,
        }]
    })
}

impl Workspace {
    /// The policy `id` (preset or stored) as the editor's JSON form.
    pub fn policy_json(&self, id: &str) -> Result<serde_json::Value> {
        let policy = self.find_policy(id)?;
        serde_json::to_value(&policy).map_err(|e| Error::Internal(e.to_string()))
    }

    /// The rules and days off of policy `id` (preset or stored), as the page shows them.
    pub fn policy_detail(&self, id: &str) -> Result<PolicyDetail> {
        Ok(policy_detail::detail(&self.find_policy(id)?))
    }

    /// Saves the editor's form as policy `id`: every problem is returned (and nothing saved)
    /// or the empty list when it was saved.
    pub fn save_policy_json(
        &self,
        id: &str,
        value: serde_json::Value,
    ) -> Result<Vec<PolicyProblem>> {
        let policy = match from_json(value) {
            Ok(p) => p,
            Err(problems) => return Ok(problems),
        };
        let toml = policy
            .to_toml()
            .map_err(|e| Error::Internal(e.to_string()))?;
        self.save_policy_toml(id, &toml)
    }

    /// The preview of an unsaved form.
    pub fn policy_preview(&self, value: serde_json::Value) -> PolicyPreview {
        let policy = match from_json(value) {
            Ok(p) => p,
            Err(problems) => {
                return PolicyPreview {
                    detail: None,
                    exempt_units: Vec::new(),
                    problems,
                    to_fill: Vec::new(),
                }
            }
        };
        let mut problems: Vec<PolicyProblem> = match policy.check() {
            Ok(()) => Vec::new(),
            Err(e) => problems_of(&e),
        };
        let master = self.snapshot().ok().map(|s| s.session.master.clone());
        let exempt_units = match &master {
            Some(m) => {
                problems.extend(unit_problems(&policy, m));
                m.units
                    .iter()
                    .filter(|u| policy.is_exempt(m, &u.code))
                    .map(|u| format!("{} ({})", u.name, u.code))
                    .collect()
            }
            None => Vec::new(),
        };
        // The detail needs a sane period; with problems in it, show the problems only.
        let period_ok = policy.start <= policy.end && (policy.end - policy.start).num_days() <= 400;
        PolicyPreview {
            detail: period_ok.then(|| policy_detail::detail(&policy)),
            exempt_units,
            problems,
            to_fill: policy.draft_reasons(),
        }
    }
}
