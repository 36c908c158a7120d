//! The recap (Rekapitulasi) the validator produces and every document prints: per unit per
//! working day the staff total, WFO, WFA, other, WFA share and verdict, plus each unit's
//! schedule per employee. Documents never recompute these numbers.

use crate::nip::Nip;
use crate::status::Status;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The verdict for one unit on one day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Within the cap (Sesuai).
    Ok,
    /// WFA above the cap (Melebihi batas).
    OverCap,
    /// Exempt unit without WFA that day: stays WFO (Dikecualikan).
    Exempt,
    /// No submission scheduled the unit on that day (Belum mengirim), exempt or not.
    NotSubmitted,
    /// Exempt unit that scheduled WFA that day (Melanggar pengecualian).
    ExemptViolated,
    /// The unit's only file(s) could not be read (Berkas tidak terbaca): it did send, but
    /// nothing of it counts; neither "Belum mengirim" nor zeros.
    Unreadable,
}

impl Verdict {
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Ok => "Sesuai",
            Verdict::OverCap => "Melebihi batas",
            Verdict::Exempt => "Dikecualikan (tetap WFO)",
            Verdict::NotSubmitted => "Belum mengirim",
            Verdict::ExemptViolated => "Melanggar pengecualian (ada WFA)",
            Verdict::Unreadable => "Berkas tidak terbaca",
        }
    }

    /// The unit has a readable schedule that day (not "Belum mengirim", not an unread file).
    pub fn is_scheduled(self) -> bool {
        !matches!(self, Verdict::NotSubmitted | Verdict::Unreadable)
    }

    /// A breach of the policy that day: over the cap, or WFA in an exempt unit.
    pub fn is_violation(self) -> bool {
        matches!(self, Verdict::OverCap | Verdict::ExemptViolated)
    }
}

/// What a unit-day's cap was judged on: the unit itself (cap basis per unit kerja, or a
/// perangkat daerah without sub-units in the master) or a perangkat daerah pooled with its
/// sub-units. Screens say "batas 7 dari 15 ASN perangkat daerah" from it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CapPool {
    /// Code of the unit the cap is computed on (the perangkat daerah, or the unit with its
    /// own scheme).
    pub unit: String,
    /// Units pooled (1: the unit alone). Exempt sub-units are left out.
    pub units: u32,
    /// Counted toward the cap that day over the pool: WFA (plus leave when the policy
    /// counts leave).
    pub counted: u32,
    /// Staff of the pooled units in the master.
    pub total: u32,
    /// Most allowed that day, rounded down (`total * cap / 100`); `None` without a cap.
    pub allowance: Option<u32>,
}

impl CapPool {
    /// More than one unit pooled.
    pub fn is_pooled(&self) -> bool {
        self.units > 1
    }
}

/// Counts for one unit on one working day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DayCount {
    pub date: NaiveDate,
    pub wfo: u32,
    pub wfa: u32,
    pub other: u32,
    /// The cap in percent for that day (the unit's scheme, or the general cap), `None`
    /// when there is no cap.
    pub cap_percent: Option<u32>,
    pub verdict: Verdict,
    /// What the cap was judged on; `None` for exempt units. Under cap basis per perangkat
    /// daerah every unit of a pool shares its pool's numbers and verdict.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pool: Option<CapPool>,
}

/// One employee's schedule over the working days (for Lampiran III and Detail Pegawai).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StaffSchedule {
    pub nip: Nip,
    pub name: String,
    pub position: String,
    /// Parallel to `Recap::days`; `None` where nothing valid was scheduled.
    pub statuses: Vec<Option<Status>>,
}

/// Everything about one unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnitRecap {
    pub code: String,
    pub name: String,
    /// Staff of the unit in the master (the cap's base).
    pub total_staff: u32,
    /// Some readable file of the unit covers a day of the recap.
    pub submitted: bool,
    /// The unit sent file(s) but none could be read ("berkas tidak terbaca"): not counted
    /// as sent, and not "Belum mengirim" either.
    #[serde(default)]
    pub unreadable: bool,
    pub exempt: bool,
    /// Parallel to `Recap::days`.
    pub days: Vec<DayCount>,
    pub staff: Vec<StaffSchedule>,
}

impl UnitRecap {
    /// WFA share of the total staff on day `i`, in percent (0.0 when no staff).
    pub fn share(&self, i: usize) -> f64 {
        if self.total_staff == 0 {
            return 0.0;
        }
        f64::from(self.days[i].wfa) * 100.0 / f64::from(self.total_staff)
    }
}

/// The whole recap of a reporting window (the policy period, or a window inside it).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Recap {
    /// First calendar day of the window the recap covers (the policy start from
    /// `rules::validate`).
    #[serde(default)]
    pub from: NaiveDate,
    /// Last calendar day of the window (inclusive; the policy end from `rules::validate`).
    #[serde(default)]
    pub to: NaiveDate,
    /// The working days of the window, in order.
    pub days: Vec<NaiveDate>,
    pub units: Vec<UnitRecap>,
}

impl Recap {
    /// The recap restricted to the working days in `[from, to]`: `days`, each unit's `days`
    /// and each employee's `statuses` keep the same days; a unit counts as submitted when
    /// some day of the window is not `NotSubmitted`. The window is taken as given (see
    /// `window::check_window`); an empty or reversed one leaves no days.
    pub fn within(&self, from: NaiveDate, to: NaiveDate) -> Recap {
        let keep: Vec<usize> = self
            .days
            .iter()
            .enumerate()
            .filter(|(_, d)| from <= **d && **d <= to)
            .map(|(i, _)| i)
            .collect();
        let pick =
            |v: &[Option<Status>]| keep.iter().map(|&i| v.get(i).copied().flatten()).collect();
        let units = self
            .units
            .iter()
            .map(|u| {
                let days: Vec<DayCount> = keep
                    .iter()
                    .filter_map(|&i| u.days.get(i).cloned())
                    .collect();
                let submitted = days.iter().any(|d| d.verdict.is_scheduled());
                UnitRecap {
                    code: u.code.clone(),
                    name: u.name.clone(),
                    total_staff: u.total_staff,
                    submitted,
                    unreadable: !submitted && u.unreadable,
                    exempt: u.exempt,
                    days,
                    staff: u
                        .staff
                        .iter()
                        .map(|s| StaffSchedule {
                            nip: s.nip,
                            name: s.name.clone(),
                            position: s.position.clone(),
                            statuses: pick(&s.statuses),
                        })
                        .collect(),
                }
            })
            .collect();
        Recap {
            from,
            to,
            days: keep.iter().map(|&i| self.days[i]).collect(),
            units,
        }
    }

    /// Units that sent nothing (a unit whose files could not be read is not among them:
    /// see [`Recap::unreadable`]).
    pub fn not_submitted(&self) -> impl Iterator<Item = &UnitRecap> {
        self.units.iter().filter(|u| !u.submitted && !u.unreadable)
    }

    /// Units that sent only files that could not be read.
    pub fn unreadable(&self) -> impl Iterator<Item = &UnitRecap> {
        self.units.iter().filter(|u| u.unreadable)
    }
}
