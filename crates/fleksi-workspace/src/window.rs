//! The reporting window (design §4): which dates the lampiran, the recap XLSX, the Temuan
//! grid and Rekap & Cetak cover. The SE period when it is at most 31 days; otherwise the
//! first to the last date of the files in hand (the latest import), clipped to the period;
//! or a range the clerk chooses inside the period. Documents never list days outside it.

use chrono::NaiveDate;
use fleksi_core::{fmt_id, window, Policy};
use serde::Serialize;
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::inputs::to_u32;
use crate::session::Session;

/// Why the window is what it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum WindowSource {
    /// The whole period (at most 31 days).
    Period,
    /// The dates the latest files cover.
    Files,
    /// Nothing sent yet: the current month (or the period's first).
    Month,
    /// Chosen by the clerk.
    Chosen,
}

/// The window as the screens show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ReportWindow {
    /// ISO dates.
    pub from: String,
    pub to: String,
    /// `1 Mei 2026 – 31 Mei 2026`.
    pub label: String,
    pub source: WindowSource,
    /// Why, in a sentence: `Rentang tanggal berkas yang terakhir diimpor.`
    pub reason: String,
    /// The policy period, ISO.
    pub period_from: String,
    pub period_to: String,
    /// Working days inside the window.
    pub working_days: u32,
}

/// A resolved window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub source: WindowSource,
}

impl Window {
    /// The window of `session`: `chosen` when it lies inside the period, else the default
    /// (covering the latest import's files when `latest_import`, otherwise all files).
    pub fn resolve(
        session: &Session,
        chosen: Option<(NaiveDate, NaiveDate)>,
        latest_import: bool,
        today: NaiveDate,
    ) -> Window {
        let p = &session.policy;
        if let Some((from, to)) = chosen.filter(|(f, t)| window::check_window(p, *f, *t).is_ok()) {
            return Window {
                from,
                to,
                source: WindowSource::Chosen,
            };
        }
        let covered = if latest_import {
            session.covered(Some(&session.latest_import()))
        } else {
            session.covered(None)
        };
        let (from, to) = window::default_window(p, covered, today);
        let source = if (from, to) == (p.start, p.end) && is_short(p) {
            WindowSource::Period
        } else if covered.is_some_and(|(a, b)| a <= to && b >= from) {
            WindowSource::Files
        } else {
            WindowSource::Month
        };
        Window { from, to, source }
    }

    /// A window the clerk typed (ISO dates), checked against the period.
    pub fn chosen(policy: &Policy, from: &str, to: &str) -> Result<Window> {
        let from = parse_iso(from)?;
        let to = parse_iso(to)?;
        window::check_window(policy, from, to).map_err(|e| Error::Window(e.to_string()))?;
        Ok(Window {
            from,
            to,
            source: WindowSource::Chosen,
        })
    }

    pub fn view(&self, policy: &Policy, working_days: usize) -> ReportWindow {
        ReportWindow {
            from: self.from.to_string(),
            to: self.to.to_string(),
            label: fmt_id::period(self.from, self.to),
            source: self.source,
            reason: match self.source {
                WindowSource::Period => "Seluruh masa berlaku Surat Edaran.",
                WindowSource::Files => "Rentang tanggal berkas yang terakhir diimpor.",
                WindowSource::Month => "Belum ada berkas untuk masa ini: bulan berjalan.",
                WindowSource::Chosen => "Rentang yang dipilih.",
            }
            .to_string(),
            period_from: policy.start.to_string(),
            period_to: policy.end.to_string(),
            working_days: to_u32(working_days),
        }
    }
}

fn is_short(p: &Policy) -> bool {
    (p.end - p.start).num_days() < 31
}

/// An ISO date (`2026-05-01`); the error says how to write it.
pub fn parse_iso(text: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| {
        Error::Window(format!(
            "Tanggal '{text}' tidak terbaca; tulis sebagai TTTT-BB-HH, misalnya 2026-05-01."
        ))
    })
}

/// How a window is kept in the settings: `2026-05-01..2026-05-31`.
pub fn encode(from: NaiveDate, to: NaiveDate) -> String {
    format!("{from}..{to}")
}

/// The settings value back (`None` when unreadable).
pub fn decode(text: &str) -> Option<(NaiveDate, NaiveDate)> {
    let (a, b) = text.split_once("..")?;
    Some((parse_iso(a).ok()?, parse_iso(b).ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::tests::{fixture, lebak_session};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    #[test]
    fn a_short_period_is_the_window_and_a_chosen_one_must_lie_inside() {
        let mut s = lebak_session();
        s.add(vec![fixture("diskominfo.xlsx")], &|_, _| {});
        let w = Window::resolve(&s, None, true, d(2026, 11, 30));
        assert_eq!((w.from, w.to), (s.policy.start, s.policy.end));
        assert_eq!(w.source, WindowSource::Period);
        let inside = Window::chosen(&s.policy, "2025-12-30", "2025-12-31").expect("inside");
        assert_eq!(inside.from, d(2025, 12, 30));
        let outside = Window::chosen(&s.policy, "2026-01-01", "2026-01-31").expect_err("out");
        assert!(outside.to_string().contains("01-01-2026"), "{outside}");
        assert!(Window::chosen(&s.policy, "1 Mei", "2026-01-31")
            .expect_err("bad date")
            .to_string()
            .contains("TTTT-BB-HH"));
        // A stale choice (outside the period) falls back to the default.
        let stale = Window::resolve(
            &s,
            Some((d(2027, 1, 1), d(2027, 1, 31))),
            true,
            d(2026, 11, 30),
        );
        assert_eq!(stale.source, WindowSource::Period);
        assert_eq!(
            decode(&encode(d(2026, 5, 1), d(2026, 5, 31))),
            Some((d(2026, 5, 1), d(2026, 5, 31)))
        );
    }
}
