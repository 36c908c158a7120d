//! The Temuan screen's unit × day grid: the WFA share of every unit on every working day,
//! with the validator's verdict (the grid never recomputes a verdict, it shows the recap's).

use fleksi_core::{finding::percent_id, fmt_id, Recap, Verdict};
use serde::Serialize;
use ts_rs::TS;

/// The verdict of one cell, as the UI colours it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CellVerdict {
    Ok,
    OverCap,
    Exempt,
    NotSubmitted,
    /// The unit sent only files that could not be read.
    Unreadable,
}

impl From<Verdict> for CellVerdict {
    fn from(v: Verdict) -> Self {
        match v {
            Verdict::Ok => CellVerdict::Ok,
            // A breach like over the cap (coloured alike); `verdict_label` tells which.
            Verdict::OverCap | Verdict::ExemptViolated => CellVerdict::OverCap,
            Verdict::Exempt => CellVerdict::Exempt,
            Verdict::NotSubmitted => CellVerdict::NotSubmitted,
            Verdict::Unreadable => CellVerdict::Unreadable,
        }
    }
}

/// A column of the grid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct GridDay {
    /// ISO date, `2025-12-29`.
    pub date: String,
    /// Short header, `Sen 29-12`.
    pub label: String,
    /// Tooltip, `Senin, 29 Desember 2025`.
    pub long: String,
}

/// One unit on one day.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct GridCell {
    pub wfo: u32,
    pub wfa: u32,
    pub other: u32,
    /// WFA share of the unit's staff, e.g. `58,3 %`.
    pub share: String,
    /// The cap that day in percent, `None` without a cap.
    pub cap_percent: Option<u32>,
    pub verdict: CellVerdict,
    /// `Sesuai`, `Melebihi batas`, …
    pub verdict_label: String,
}

/// A row of the grid.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct GridUnit {
    pub code: String,
    pub name: String,
    pub total_staff: u32,
    pub submitted: bool,
    /// Sent, but no file of it could be read ("berkas tidak terbaca").
    pub unreadable: bool,
    pub exempt: bool,
    /// Parallel to `RecapGrid::days`.
    pub cells: Vec<GridCell>,
}

/// The whole grid.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct RecapGrid {
    pub days: Vec<GridDay>,
    pub units: Vec<GridUnit>,
}

fn short_weekday(date: chrono::NaiveDate) -> String {
    fmt_id::weekday_name(chrono::Datelike::weekday(&date))
        .chars()
        .take(3)
        .collect()
}

/// The grid of a recap.
pub fn grid(recap: &Recap) -> RecapGrid {
    RecapGrid {
        days: recap
            .days
            .iter()
            .map(|&d| GridDay {
                date: d.to_string(),
                label: format!("{} {}", short_weekday(d), d.format("%d-%m")),
                long: fmt_id::date_with_weekday(d),
            })
            .collect(),
        units: recap
            .units
            .iter()
            .map(|u| GridUnit {
                code: u.code.clone(),
                name: u.name.clone(),
                total_staff: u.total_staff,
                submitted: u.submitted,
                unreadable: u.unreadable,
                exempt: u.exempt,
                cells: u
                    .days
                    .iter()
                    .map(|d| GridCell {
                        wfo: d.wfo,
                        wfa: d.wfa,
                        other: d.other,
                        share: percent_id(d.wfa, u.total_staff),
                        cap_percent: d.cap_percent,
                        verdict: d.verdict.into(),
                        verdict_label: d.verdict.label().to_string(),
                    })
                    .collect(),
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::tests::{fixture, lebak_session};

    #[test]
    fn grid_mirrors_the_recap_counts_and_verdicts() {
        let mut s = lebak_session();
        s.add(
            vec![fixture("diskominfo.xlsx"), fixture("bkpsdm.xls")],
            &|_, _| {},
        );
        let g = grid(&s.recap);
        assert_eq!(g.days.len(), s.recap.days.len());
        assert_eq!(g.days[0].label, "Sen 29-12");
        assert_eq!(g.days[0].long, "Senin, 29 Desember 2025");
        assert_eq!(g.units.len(), s.recap.units.len());
        for (gu, ru) in g.units.iter().zip(&s.recap.units) {
            assert_eq!(gu.cells.len(), g.days.len());
            for (c, d) in gu.cells.iter().zip(&ru.days) {
                assert_eq!((c.wfo, c.wfa, c.other), (d.wfo, d.wfa, d.other));
                assert_eq!(c.verdict, CellVerdict::from(d.verdict));
            }
        }
        assert!(g.units.iter().any(|u| u.submitted));
        assert!(g
            .units
            .iter()
            .filter(|u| !u.submitted && !u.unreadable && !u.exempt)
            .all(|u| u
                .cells
                .iter()
                .all(|c| c.verdict == CellVerdict::NotSubmitted)));
    }
}
