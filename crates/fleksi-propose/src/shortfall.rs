//! A rule the proposal could not meet: which rule (the validator's finding code where it has
//! one, `propose.*` for the proposer's own), which unit, which day, and why in Indonesian.

use chrono::NaiveDate;
use fleksi_core::fmt_id;
use serde::Serialize;

/// Codes of the proposer's own rules (the validator has no finding for them).
pub mod code {
    /// No head can be at the office: every head of the unit is away on a known day.
    pub const HEAD_ABSENT: &str = "propose.head_absent";
    /// A bidang cannot keep its minimum at the office (its people are away on known days).
    pub const BIDANG_SHORT: &str = "propose.bidang_short";
    /// A unit code asked for is not in the master.
    pub const UNIT_UNKNOWN: &str = "propose.unit_unknown";
    /// The window holds no working day.
    pub const NO_WORKING_DAYS: &str = "propose.no_working_days";
}

/// One rule that cannot hold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Shortfall {
    /// `piket.understaffed`, `wfa.quota_exceeded`, `wfa.exempt_unit`, `wfa.day_not_allowed`,
    /// `wfa.weekly_limit` (known days breaking the rule), or one of [`code`].
    pub rule: String,
    /// Unit code.
    pub unit: String,
    pub date: Option<NaiveDate>,
    /// Indonesian, with the numbers concerned.
    pub message: String,
}

impl Shortfall {
    pub(crate) fn new(
        rule: &str,
        unit: &str,
        date: Option<NaiveDate>,
        message: impl Into<String>,
    ) -> Self {
        Shortfall {
            rule: rule.to_string(),
            unit: unit.to_string(),
            date,
            message: message.into(),
        }
    }
}

/// `Senin, 29 Desember 2025`.
pub(crate) fn day(date: NaiveDate) -> String {
    fmt_id::date_with_weekday(date)
}
