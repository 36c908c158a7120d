//! The reporting window (design §4): which dates a recap and its documents cover. A policy
//! of at most 31 days is reported whole; a standing policy (Rejang Lebong: every Friday, all
//! year) by default over the dates of the files in hand, clipped to the period, or over any
//! range chosen inside it.

use crate::fmt_id::date_short;
use crate::policy::Policy;
use chrono::{Datelike, Days, NaiveDate};

/// The longest period (in calendar days) reported whole by default.
pub const WHOLE_PERIOD_MAX_DAYS: i64 = 31;

/// Why a reporting window cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WindowError {
    /// The window starts after it ends.
    #[error(
        "Tanggal awal {} sesudah tanggal akhir {}.",
        date_short(*from),
        date_short(*to)
    )]
    Reversed { from: NaiveDate, to: NaiveDate },
    /// The window does not lie inside the policy period (wholly or partly outside it).
    #[error(
        "Rentang {} s.d. {} berada di luar masa berlaku Surat Edaran ({} s.d. {}).",
        date_short(*from),
        date_short(*to),
        date_short(*start),
        date_short(*end)
    )]
    OutsidePeriod {
        from: NaiveDate,
        to: NaiveDate,
        start: NaiveDate,
        end: NaiveDate,
    },
}

/// The default reporting window: the whole period when it is at most 31 days; otherwise
/// `covered` (the first to the last date of the files in hand) clipped to the period; when
/// there is none or it lies outside the period, the calendar month of `today` clipped to the
/// period; when that lies outside the period too, the period's first calendar month.
pub fn default_window(
    policy: &Policy,
    covered: Option<(NaiveDate, NaiveDate)>,
    today: NaiveDate,
) -> (NaiveDate, NaiveDate) {
    let (start, end) = (policy.start, policy.end);
    // The period has `end - start + 1` calendar days.
    if (end - start).num_days() < WHOLE_PERIOD_MAX_DAYS {
        return (start, end);
    }
    let clip = |(a, b): (NaiveDate, NaiveDate)| {
        let (a, b) = (a.max(start), b.min(end));
        (a <= b).then_some((a, b))
    };
    if let Some(w) = covered.and_then(clip) {
        return w;
    }
    if let Some(w) = clip(month_of(today)) {
        return w;
    }
    (start, end.min(month_of(start).1))
}

/// Checks a chosen window: it must not be reversed and must lie inside the policy period.
pub fn check_window(policy: &Policy, from: NaiveDate, to: NaiveDate) -> Result<(), WindowError> {
    if from > to {
        return Err(WindowError::Reversed { from, to });
    }
    if from < policy.start || to > policy.end {
        return Err(WindowError::OutsidePeriod {
            from,
            to,
            start: policy.start,
            end: policy.end,
        });
    }
    Ok(())
}

/// The first and the last of `dates`, `None` when there are none.
pub fn covered_range(dates: impl IntoIterator<Item = NaiveDate>) -> Option<(NaiveDate, NaiveDate)> {
    dates.into_iter().fold(None, |acc, d| match acc {
        None => Some((d, d)),
        Some((lo, hi)) => Some((lo.min(d), hi.max(d))),
    })
}

/// The first and the last day of the calendar month containing `date`.
fn month_of(date: NaiveDate) -> (NaiveDate, NaiveDate) {
    let first = date - Days::new(u64::from(date.day0()));
    let next = first
        .checked_add_months(chrono::Months::new(1))
        .unwrap_or(NaiveDate::MAX);
    (first, next.pred_opt().unwrap_or(next))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// Rejang Lebong: 6 April – 31 December 2026, a standing policy.
    fn standing() -> Policy {
        let p = presets::by_id("rejang-lebong-2026").unwrap();
        assert_eq!((p.start, p.end), (d(2026, 4, 6), d(2026, 12, 31)));
        p
    }

    fn short() -> Policy {
        let mut p = standing();
        p.start = d(2026, 1, 1);
        p.end = d(2026, 1, 31);
        p
    }

    #[test]
    fn a_period_of_31_days_or_less_is_reported_whole() {
        let p = short();
        let covered = Some((d(2026, 1, 5), d(2026, 1, 9)));
        assert_eq!(
            default_window(&p, covered, d(2026, 1, 7)),
            (d(2026, 1, 1), d(2026, 1, 31))
        );
        // 32 days is not.
        let mut p = short();
        p.end = d(2026, 2, 1);
        assert_eq!(
            default_window(&p, covered, d(2026, 1, 7)),
            (d(2026, 1, 5), d(2026, 1, 9))
        );
    }

    #[test]
    fn a_standing_policy_uses_the_files_dates_clipped_to_the_period() {
        let p = standing();
        let today = d(2026, 8, 20);
        assert_eq!(
            default_window(&p, Some((d(2026, 4, 10), d(2026, 5, 29))), today),
            (d(2026, 4, 10), d(2026, 5, 29))
        );
        assert_eq!(
            default_window(&p, Some((d(2026, 3, 27), d(2026, 4, 17))), today),
            (d(2026, 4, 6), d(2026, 4, 17)),
            "clipped at the start"
        );
        assert_eq!(
            default_window(&p, Some((d(2026, 12, 4), d(2027, 1, 8))), today),
            (d(2026, 12, 4), d(2026, 12, 31)),
            "clipped at the end"
        );
    }

    #[test]
    fn files_outside_the_period_fall_back_to_the_month_of_today() {
        let p = standing();
        let covered = Some((d(2027, 1, 8), d(2027, 1, 29)));
        assert_eq!(
            default_window(&p, covered, d(2026, 8, 20)),
            (d(2026, 8, 1), d(2026, 8, 31))
        );
    }

    #[test]
    fn without_files_the_month_of_today_clipped_to_the_period() {
        let p = standing();
        assert_eq!(
            default_window(&p, None, d(2026, 8, 20)),
            (d(2026, 8, 1), d(2026, 8, 31))
        );
        assert_eq!(
            default_window(&p, None, d(2026, 4, 2)),
            (d(2026, 4, 6), d(2026, 4, 30)),
            "the first month starts with the period"
        );
        assert_eq!(
            default_window(&p, None, d(2026, 12, 31)),
            (d(2026, 12, 1), d(2026, 12, 31))
        );
        assert_eq!(
            default_window(&p, None, d(2028, 2, 29)),
            (d(2026, 4, 6), d(2026, 4, 30)),
            "today outside the period: its first month"
        );
        assert_eq!(
            default_window(&p, None, d(2025, 5, 1)),
            (d(2026, 4, 6), d(2026, 4, 30))
        );
    }

    #[test]
    fn the_first_month_ends_with_a_period_ending_in_it() {
        let mut p = standing();
        p.start = d(2026, 1, 20);
        p.end = d(2026, 2, 25);
        assert_eq!(
            default_window(&p, None, d(2027, 1, 1)),
            (d(2026, 1, 20), d(2026, 1, 31))
        );
        p.start = d(2026, 2, 2);
        p.end = d(2026, 3, 10);
        assert_eq!(
            default_window(&p, None, d(2026, 3, 4)),
            (d(2026, 3, 1), d(2026, 3, 10))
        );
    }

    #[test]
    fn month_bounds() {
        assert_eq!(month_of(d(2028, 2, 10)), (d(2028, 2, 1), d(2028, 2, 29)));
        assert_eq!(month_of(d(2026, 12, 31)), (d(2026, 12, 1), d(2026, 12, 31)));
        assert_eq!(month_of(d(2026, 1, 1)), (d(2026, 1, 1), d(2026, 1, 31)));
    }

    #[test]
    fn a_window_inside_the_period_is_fine() {
        let p = standing();
        assert_eq!(check_window(&p, d(2026, 4, 6), d(2026, 12, 31)), Ok(()));
        assert_eq!(check_window(&p, d(2026, 5, 1), d(2026, 5, 1)), Ok(()));
    }

    #[test]
    fn a_reversed_window_is_refused() {
        let p = standing();
        let e = check_window(&p, d(2026, 5, 10), d(2026, 5, 1)).unwrap_err();
        assert_eq!(
            e,
            WindowError::Reversed {
                from: d(2026, 5, 10),
                to: d(2026, 5, 1)
            }
        );
        assert_eq!(
            e.to_string(),
            "Tanggal awal 10-05-2026 sesudah tanggal akhir 01-05-2026."
        );
    }

    #[test]
    fn a_window_outside_the_period_is_refused() {
        let p = standing();
        let e = check_window(&p, d(2027, 1, 1), d(2027, 1, 31)).unwrap_err();
        assert_eq!(
            e.to_string(),
            "Rentang 01-01-2027 s.d. 31-01-2027 berada di luar masa berlaku Surat Edaran \
             (06-04-2026 s.d. 31-12-2026)."
        );
        // Partly outside, at either end.
        assert!(matches!(
            check_window(&p, d(2026, 4, 5), d(2026, 4, 30)),
            Err(WindowError::OutsidePeriod { .. })
        ));
        assert!(matches!(
            check_window(&p, d(2026, 12, 1), d(2027, 1, 1)),
            Err(WindowError::OutsidePeriod { .. })
        ));
    }

    #[test]
    fn covered_range_is_the_first_and_last_date() {
        assert_eq!(covered_range([]), None);
        assert_eq!(
            covered_range([d(2026, 5, 8), d(2026, 4, 10), d(2026, 6, 5), d(2026, 5, 1)]),
            Some((d(2026, 4, 10), d(2026, 6, 5)))
        );
        assert_eq!(
            covered_range([d(2026, 5, 8)]),
            Some((d(2026, 5, 8), d(2026, 5, 8)))
        );
    }
}
