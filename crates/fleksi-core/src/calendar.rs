//! The working-day calendar: national holidays and cuti bersama 2025–2026 (SKB 3 Menteri,
//! as data), the policy's working weekdays and its extra local days off; tells whether a date
//! is a working day and, when it is not, why (in Indonesian).

use crate::fmt_id;
use crate::policy::Policy;
use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fmt;

/// Whether a national day off is a holiday or a cuti bersama.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DayOffKind {
    /// Libur nasional.
    Holiday,
    /// Cuti bersama (for ASN: Keppres 2/2025, Keppres 42/2025).
    CutiBersama,
}

impl DayOffKind {
    pub fn label(self) -> &'static str {
        match self {
            DayOffKind::Holiday => "Libur nasional",
            DayOffKind::CutiBersama => "Cuti bersama",
        }
    }
}

/// One national day off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayOff {
    pub date: NaiveDate,
    pub kind: DayOffKind,
    pub name: &'static str,
}

use DayOffKind::{CutiBersama as C, Holiday as L};

/// 2025: SKB 1017/2024, 2/2024, 2/2024 as amended by SKB 933/2025, 1/2025, 3/2025 (17 libur +
/// 11 cuti bersama). 2026: SKB 1497/2025, 2/2025, 5/2025 and Keppres 42/2025 (17 + 8).
const NATIONAL: &[(i32, u32, u32, DayOffKind, &str)] = &[
    (2025, 1, 1, L, "Tahun Baru 2025 Masehi"),
    (2025, 1, 27, L, "Isra Mikraj Nabi Muhammad SAW"),
    (2025, 1, 28, C, "Tahun Baru Imlek 2576 Kongzili"),
    (2025, 1, 29, L, "Tahun Baru Imlek 2576 Kongzili"),
    (2025, 3, 28, C, "Hari Suci Nyepi (Tahun Baru Saka 1947)"),
    (2025, 3, 29, L, "Hari Suci Nyepi (Tahun Baru Saka 1947)"),
    (2025, 3, 31, L, "Idul Fitri 1446 H"),
    (2025, 4, 1, L, "Idul Fitri 1446 H"),
    (2025, 4, 2, C, "Idul Fitri 1446 H"),
    (2025, 4, 3, C, "Idul Fitri 1446 H"),
    (2025, 4, 4, C, "Idul Fitri 1446 H"),
    (2025, 4, 7, C, "Idul Fitri 1446 H"),
    (2025, 4, 18, L, "Wafat Yesus Kristus"),
    (2025, 4, 20, L, "Kebangkitan Yesus Kristus (Paskah)"),
    (2025, 5, 1, L, "Hari Buruh Internasional"),
    (2025, 5, 12, L, "Hari Raya Waisak 2569 BE"),
    (2025, 5, 13, C, "Hari Raya Waisak 2569 BE"),
    (2025, 5, 29, L, "Kenaikan Yesus Kristus"),
    (2025, 5, 30, C, "Kenaikan Yesus Kristus"),
    (2025, 6, 1, L, "Hari Lahir Pancasila"),
    (2025, 6, 6, L, "Idul Adha 1446 H"),
    (2025, 6, 9, C, "Idul Adha 1446 H"),
    (2025, 6, 27, L, "1 Muharam / Tahun Baru Islam 1447 H"),
    (2025, 8, 17, L, "Proklamasi Kemerdekaan RI"),
    (2025, 8, 18, C, "HUT ke-80 RI"),
    (2025, 9, 5, L, "Maulid Nabi Muhammad SAW"),
    (2025, 12, 25, L, "Kelahiran Yesus Kristus (Natal)"),
    (2025, 12, 26, C, "Kelahiran Yesus Kristus (Natal)"),
    (2026, 1, 1, L, "Tahun Baru 2026 Masehi"),
    (2026, 1, 16, L, "Isra Mikraj Nabi Muhammad SAW"),
    (2026, 2, 16, C, "Tahun Baru Imlek 2577 Kongzili"),
    (2026, 2, 17, L, "Tahun Baru Imlek 2577 Kongzili"),
    (2026, 3, 18, C, "Hari Suci Nyepi (Tahun Baru Saka 1948)"),
    (2026, 3, 19, L, "Hari Suci Nyepi (Tahun Baru Saka 1948)"),
    (2026, 3, 20, C, "Idul Fitri 1447 H"),
    (2026, 3, 21, L, "Idul Fitri 1447 H"),
    (2026, 3, 22, L, "Idul Fitri 1447 H"),
    (2026, 3, 23, C, "Idul Fitri 1447 H"),
    (2026, 3, 24, C, "Idul Fitri 1447 H"),
    (2026, 4, 3, L, "Wafat Yesus Kristus"),
    (2026, 4, 5, L, "Kebangkitan Yesus Kristus (Paskah)"),
    (2026, 5, 1, L, "Hari Buruh Internasional"),
    (2026, 5, 14, L, "Kenaikan Yesus Kristus"),
    (2026, 5, 15, C, "Kenaikan Yesus Kristus"),
    (2026, 5, 27, L, "Idul Adha 1447 H"),
    (2026, 5, 28, C, "Idul Adha 1447 H"),
    (2026, 5, 31, L, "Hari Raya Waisak 2570 BE"),
    (2026, 6, 1, L, "Hari Lahir Pancasila"),
    (2026, 6, 16, L, "1 Muharam / Tahun Baru Islam 1448 H"),
    (2026, 8, 17, L, "Proklamasi Kemerdekaan RI"),
    (2026, 8, 25, L, "Maulid Nabi Muhammad SAW"),
    (2026, 12, 24, C, "Kelahiran Yesus Kristus (Natal)"),
    (2026, 12, 25, L, "Kelahiran Yesus Kristus (Natal)"),
];

/// Every national holiday and cuti bersama shipped with the app (2025 and 2026), in date
/// order.
pub fn national_days_off() -> Vec<DayOff> {
    NATIONAL
        .iter()
        .filter_map(|&(y, m, d, kind, name)| {
            NaiveDate::from_ymd_opt(y, m, d).map(|date| DayOff { date, kind, name })
        })
        .collect()
}

/// The years the shipped national calendar covers.
pub const COVERED_YEARS: std::ops::RangeInclusive<i32> = 2025..=2026;

/// Whether the shipped national calendar covers every year from `start` to `end` (the UI
/// warns when a policy reaches a year without holiday data).
pub fn national_calendar_covers(start: NaiveDate, end: NaiveDate) -> bool {
    COVERED_YEARS.contains(&start.year()) && COVERED_YEARS.contains(&end.year())
}

/// Why a date is not a working day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NonWorkingDay {
    /// Not one of the policy's working weekdays (Saturday, Sunday by default).
    Weekday(Weekday),
    /// A national holiday or cuti bersama, with its name.
    National(DayOffKind, &'static str),
    /// One of the policy's extra local days off.
    Local,
}

impl fmt::Display for NonWorkingDay {
    /// `Sabtu`, `Libur nasional: Kelahiran Yesus Kristus (Natal)`, `Cuti bersama: …`,
    /// `Hari libur daerah`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NonWorkingDay::Weekday(w) => f.write_str(fmt_id::weekday_name(*w)),
            NonWorkingDay::National(kind, name) => write!(f, "{}: {}", kind.label(), name),
            NonWorkingDay::Local => f.write_str("Hari libur daerah"),
        }
    }
}

impl std::error::Error for NonWorkingDay {}

/// Working days of one policy: its weekdays minus national days off minus local days off.
#[derive(Debug, Clone)]
pub struct Calendar {
    working_weekdays: [bool; 7],
    off: HashMap<NaiveDate, NonWorkingDay>,
}

impl Calendar {
    /// The calendar a policy works by.
    pub fn from_policy(policy: &Policy) -> Calendar {
        let mut working_weekdays = [false; 7];
        for w in &policy.working_weekdays {
            working_weekdays[w.num_days_from_monday() as usize] = true;
        }
        let mut off = HashMap::new();
        for d in national_days_off() {
            off.insert(d.date, NonWorkingDay::National(d.kind, d.name));
        }
        for &d in &policy.extra_days_off {
            off.entry(d).or_insert(NonWorkingDay::Local);
        }
        Calendar {
            working_weekdays,
            off,
        }
    }

    /// `Ok(())` on a working day, otherwise why not. A weekend is reported before a holiday
    /// that falls on it (a Sunday holiday is simply `Minggu`).
    pub fn is_working_day(&self, date: NaiveDate) -> Result<(), NonWorkingDay> {
        let w = date.weekday();
        if !self.working_weekdays[w.num_days_from_monday() as usize] {
            return Err(NonWorkingDay::Weekday(w));
        }
        match self.off.get(&date) {
            Some(why) => Err(*why),
            None => Ok(()),
        }
    }

    /// The working days from `start` to `end` inclusive, in order.
    pub fn working_days_between(&self, start: NaiveDate, end: NaiveDate) -> Vec<NaiveDate> {
        start
            .iter_days()
            .take_while(|d| *d <= end)
            .filter(|d| self.is_working_day(*d).is_ok())
            .collect()
    }
}

/// The working days of the policy's period, in order.
pub fn working_days(policy: &Policy) -> Vec<NaiveDate> {
    Calendar::from_policy(policy).working_days_between(policy.start, policy.end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn table_matches_the_skb_counts() {
        let all = national_days_off();
        assert_eq!(all.len(), NATIONAL.len(), "every row is a real date");
        let count = |year: i32, kind: DayOffKind| {
            all.iter()
                .filter(|x| x.date.year() == year && x.kind == kind)
                .count()
        };
        assert_eq!(count(2025, DayOffKind::Holiday), 17);
        assert_eq!(count(2025, DayOffKind::CutiBersama), 11);
        assert_eq!(count(2026, DayOffKind::Holiday), 17);
        assert_eq!(count(2026, DayOffKind::CutiBersama), 8);
        assert!(all.windows(2).all(|w| w[0].date < w[1].date));
    }

    #[test]
    fn tells_why_a_day_is_off() {
        let mut policy = presets::by_id("lebak-2025-12").unwrap();
        policy.extra_days_off = vec![d(2025, 12, 30)];
        let cal = Calendar::from_policy(&policy);
        assert_eq!(cal.is_working_day(d(2025, 12, 29)), Ok(()));
        assert_eq!(
            cal.is_working_day(d(2025, 12, 27)).unwrap_err().to_string(),
            "Sabtu"
        );
        assert_eq!(
            cal.is_working_day(d(2025, 12, 25)).unwrap_err().to_string(),
            "Libur nasional: Kelahiran Yesus Kristus (Natal)"
        );
        assert_eq!(
            cal.is_working_day(d(2025, 12, 26)).unwrap_err().to_string(),
            "Cuti bersama: Kelahiran Yesus Kristus (Natal)"
        );
        assert_eq!(
            cal.is_working_day(d(2025, 12, 30)).unwrap_err().to_string(),
            "Hari libur daerah"
        );
        assert_eq!(
            cal.is_working_day(d(2026, 8, 16)).unwrap_err().to_string(),
            "Minggu"
        );
        assert_eq!(
            cal.is_working_day(d(2026, 12, 24)).unwrap_err().to_string(),
            "Cuti bersama: Kelahiran Yesus Kristus (Natal)"
        );
        assert_eq!(
            cal.is_working_day(d(2025, 8, 18)).unwrap_err(),
            NonWorkingDay::National(DayOffKind::CutiBersama, "HUT ke-80 RI")
        );
        // Sunday holidays read as Sunday.
        assert_eq!(
            cal.is_working_day(d(2026, 3, 22)).unwrap_err().to_string(),
            "Minggu"
        );
        assert!(national_calendar_covers(d(2025, 12, 29), d(2026, 12, 31)));
        assert!(!national_calendar_covers(d(2026, 12, 29), d(2027, 1, 8)));
    }

    #[test]
    fn working_days_of_the_presets() {
        let lebak = presets::by_id("lebak-2025-12").unwrap();
        assert_eq!(
            working_days(&lebak),
            vec![d(2025, 12, 29), d(2025, 12, 30), d(2025, 12, 31)]
        );
        let bekasi = presets::by_id("kab-bekasi-2025-03").unwrap();
        assert_eq!(working_days(&bekasi).len(), 4);
        // Rejang Lebong, April 2026: 6–30 April has 19 weekdays, none a holiday.
        let rl = presets::by_id("rejang-lebong-2026").unwrap();
        let april: Vec<_> = working_days(&rl)
            .into_iter()
            .filter(|x| x.month() == 4)
            .collect();
        assert_eq!(april.len(), 19);
        // May 2026: 21 weekdays minus 1, 14, 15, 27, 28 May.
        let may = working_days(&rl)
            .into_iter()
            .filter(|x| x.month() == 5)
            .count();
        assert_eq!(may, 16);
    }

    #[test]
    fn a_six_day_week_works_saturdays() {
        let mut policy = presets::by_id("lebak-2025-12").unwrap();
        policy.working_weekdays.push(Weekday::Sat);
        let cal = Calendar::from_policy(&policy);
        assert_eq!(cal.is_working_day(d(2025, 12, 27)), Ok(()));
        assert!(cal.is_working_day(d(2025, 12, 28)).is_err());
    }
}
