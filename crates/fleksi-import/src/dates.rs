//! Dates as OPDs write them in headers and cells: real date cells, `29/12/2025`,
//! `29-12-2025`, `2025-12-29`, `Senin, 29 Desember 2025`, `29 Des`, `29/12`, or a bare day
//! `29`; a missing month or year is taken from the policy period.

use crate::cells::key;
use calamine::{Data, DataType};
use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// A date as far as the cell tells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateText {
    Full(NaiveDate),
    NoYear { day: u32, month: u32 },
    DayOnly(u32),
}

const MONTHS: [(&str, u32); 30] = [
    ("JANUARI", 1),
    ("JANUARY", 1),
    ("FEBRUARI", 2),
    ("FEBRUARY", 2),
    ("PEBRUARI", 2),
    ("MARET", 3),
    ("MARCH", 3),
    ("APRIL", 4),
    ("MEI", 5),
    ("MAY", 5),
    ("JUNI", 6),
    ("JUNE", 6),
    ("JULI", 7),
    ("JULY", 7),
    ("AGUSTUS", 8),
    ("AUGUST", 8),
    ("AGT", 8),
    ("AGS", 8),
    ("SEPTEMBER", 9),
    ("OKTOBER", 10),
    ("OCTOBER", 10),
    ("NOVEMBER", 11),
    ("NOPEMBER", 11),
    ("DESEMBER", 12),
    ("DECEMBER", 12),
    ("DES", 12),
    ("OKT", 10),
    ("PEB", 2),
    ("NOP", 11),
    ("SEPT", 9),
];

const WEEKDAYS: [&str; 24] = [
    "SENIN",
    "SELASA",
    "RABU",
    "KAMIS",
    "JUMAT",
    "SABTU",
    "MINGGU",
    "AHAD",
    "SEN",
    "SEL",
    "RAB",
    "KAM",
    "JUM",
    "SAB",
    "MIN",
    "MONDAY",
    "TUESDAY",
    "WEDNESDAY",
    "THURSDAY",
    "FRIDAY",
    "SATURDAY",
    "SUNDAY",
    "HARI",
    "TANGGAL",
];

fn month(word: &str) -> Option<u32> {
    if word.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .find(|(name, _)| name.starts_with(word))
        .map(|&(_, m)| m)
}

/// A heading that names only a day of the week (`Senin`, `JUM'AT`, `Monday`), no date.
pub fn weekday_only(d: &Data) -> Option<Weekday> {
    let Data::String(s) = d else {
        return None;
    };
    if s.len() > 16 {
        return None;
    }
    Some(match key(s).as_str() {
        "SENIN" | "MONDAY" => Weekday::Mon,
        "SELASA" | "TUESDAY" => Weekday::Tue,
        "RABU" | "WEDNESDAY" => Weekday::Wed,
        "KAMIS" | "THURSDAY" => Weekday::Thu,
        "JUMAT" | "FRIDAY" => Weekday::Fri,
        "SABTU" | "SATURDAY" => Weekday::Sat,
        "MINGGU" | "AHAD" | "SUNDAY" => Weekday::Sun,
        _ => return None,
    })
}

/// Weekday-only headings, left to right, as dates of `start..=end`: each named day is the one
/// date of that weekday in the period (a letter of a week or less). `None` when a day occurs
/// there more than once or not at all, or the dates do not run left to right — never a guess.
pub fn weekdays_in(days: &[Weekday], start: NaiveDate, end: NaiveDate) -> Option<Vec<NaiveDate>> {
    let mut out: Vec<NaiveDate> = Vec::with_capacity(days.len());
    for day in days {
        let mut found = start
            .iter_days()
            .take_while(|d| *d <= end)
            .filter(|d| d.weekday() == *day);
        let date = found.next()?;
        if found.next().is_some() || out.last().is_some_and(|prev| *prev >= date) {
            return None;
        }
        out.push(date);
    }
    Some(out)
}

/// Reads a cell as a date, `None` when it is not one.
/// A date to show in a fix hint ("mis. 02-06-2026"): the first day of the letter's own
/// period, so the example is one the clerk may actually write.
pub fn example(policy: &fleksi_core::Policy) -> String {
    policy.start.format("%d-%m-%Y").to_string()
}

pub fn parse_cell(d: &Data) -> Option<DateText> {
    match d {
        Data::DateTime(_) | Data::DateTimeIso(_) => d.as_date().map(DateText::Full),
        Data::Int(i) => from_number(*i as f64),
        Data::Float(f) => from_number(*f),
        Data::String(s) => parse_text(s),
        _ => None,
    }
}

fn from_number(f: f64) -> Option<DateText> {
    if f.fract() != 0.0 {
        return None;
    }
    if (1.0..=31.0).contains(&f) {
        return Some(DateText::DayOnly(f as u32));
    }
    // An unformatted Excel serial date (1954–2064).
    if (20_000.0..=60_000.0).contains(&f) {
        let base = NaiveDate::from_ymd_opt(1899, 12, 30)?;
        return base
            .checked_add_signed(Duration::days(f as i64))
            .map(DateText::Full);
    }
    None
}

/// Whether a cell [`parse_cell`] cannot read still looks like a date someone meant, so that
/// it is reported as `date.invalid` rather than passed over as another header: a text of only
/// numbers, month names and weekday names, with a month name or a weekday name and a number
/// (`30 Februari 2026`, `Senin, 32 Des`), or three numbers (`31/02/2025`, `29-13-2025`),
/// or two numbers joined by `/` or `-` (`32/12`).
pub fn looks_like_date(d: &Data) -> bool {
    let Data::String(s) = d else {
        return false;
    };
    let s = s.trim();
    if s.is_empty() || s.len() > 48 {
        return false;
    }
    let (mut nums, mut named) = (0, false);
    for token in key(s).split(' ') {
        if token.is_empty() {
            continue;
        }
        if token.bytes().all(|b| b.is_ascii_digit()) {
            if token.len() > 4 {
                return false;
            }
            nums += 1;
        } else if month(token).is_some() || WEEKDAYS[..22].contains(&token) {
            named = true;
        } else {
            return false;
        }
    }
    match (named, nums) {
        (true, n) => n >= 1,
        (false, 3) => true,
        (false, 2) => s.contains('/') || s.contains('-'),
        _ => false,
    }
}

/// Reads a text as a date, `None` when it is not one.
pub fn parse_text(s: &str) -> Option<DateText> {
    let s = s.trim();
    if s.is_empty() || s.len() > 48 {
        return None;
    }
    // Drop a time part (`2025-12-29 00:00:00`).
    let s = s
        .split_whitespace()
        .filter(|t| !t.contains(':'))
        .collect::<Vec<_>>()
        .join(" ");
    let k = key(&s);
    let mut nums: Vec<(u32, usize)> = Vec::new();
    let mut month_word: Option<u32> = None;
    let mut order: Vec<char> = Vec::new(); // 'n' number, 'm' month word
    for token in k.split(' ') {
        if token.is_empty() || WEEKDAYS.contains(&token) {
            continue;
        }
        if token.bytes().all(|b| b.is_ascii_digit()) {
            if token.len() > 4 {
                return None;
            }
            nums.push((token.parse().ok()?, token.len()));
            order.push('n');
        } else if let Some(m) = month(token) {
            if month_word.is_some() {
                return None;
            }
            month_word = Some(m);
            order.push('m');
        } else {
            return None;
        }
    }
    let year = |(v, len): (u32, usize)| -> Option<i32> {
        match len {
            4 if (1900..=2100).contains(&v) => Some(v as i32),
            2 => Some(2000 + v as i32),
            _ => None,
        }
    };
    let full = |y: i32, m: u32, d: u32| NaiveDate::from_ymd_opt(y, m, d).map(DateText::Full);
    let no_year = |d: u32, m: u32| {
        NaiveDate::from_ymd_opt(2024, m, d).map(|_| DateText::NoYear { day: d, month: m })
    };
    match (month_word, nums.as_slice()) {
        (None, [(d, len)]) if *len <= 2 && (1..=31).contains(d) => Some(DateText::DayOnly(*d)),
        (None, [(a, la), (b, lb)]) if *la <= 2 && *lb <= 2 => no_year(*a, *b),
        (None, [first, (m, _), last]) => {
            if first.1 == 4 {
                full(year(*first)?, *m, last.0)
            } else if first.1 <= 2 {
                full(year(*last)?, *m, first.0)
            } else {
                None
            }
        }
        (Some(m), [(d, len)]) if *len <= 2 => no_year(*d, m),
        (Some(m), [a, b]) => {
            // `29 Desember 2025` or `Desember 29 2025`.
            if order.first() == Some(&'m') || a.1 <= 2 {
                full(year(*b)?, m, a.0)
            } else {
                None
            }
        }
        _ => None,
    }
}

/// Gives a partial date its month and year from the policy period: the candidate inside the
/// period, else the one nearest to it. A bare day follows `after` (the previous date column)
/// when it can.
pub fn resolve(
    dt: DateText,
    start: NaiveDate,
    end: NaiveDate,
    after: Option<NaiveDate>,
) -> Option<NaiveDate> {
    let distance = |d: NaiveDate| -> i64 {
        if d < start {
            (start - d).num_days()
        } else if d > end {
            (d - end).num_days()
        } else {
            0
        }
    };
    let nearest = |cands: Vec<NaiveDate>| cands.into_iter().min_by_key(|d| distance(*d));
    match dt {
        DateText::Full(d) => Some(d),
        DateText::NoYear { day, month } => nearest(
            (start.year() - 1..=end.year() + 1)
                .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
                .collect(),
        ),
        DateText::DayOnly(day) => {
            let mut cands = Vec::new();
            let mut m = NaiveDate::from_ymd_opt(start.year(), start.month(), 1)?
                .checked_sub_signed(Duration::days(1))?
                .with_day(1)?;
            let last = end.checked_add_signed(Duration::days(31))?;
            while m <= last {
                if let Some(d) = m.with_day(day) {
                    cands.push(d);
                }
                m = m.checked_add_signed(Duration::days(32))?.with_day(1)?;
            }
            if let Some(prev) = after {
                if let Some(&next) = cands
                    .iter()
                    .find(|&&d| d > prev && (d - prev).num_days() <= 31)
                {
                    return Some(next);
                }
            }
            nearest(cands)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn read(s: &str) -> Option<NaiveDate> {
        let dt = parse_text(s)?;
        resolve(dt, d(2025, 12, 29), d(2025, 12, 31), None)
    }

    #[test]
    fn weekday_headings_are_dates_only_when_the_period_has_each_once() {
        let names = ["Senin", "SELASA", "Rabu ", "Jum'at", "Monday"];
        let days: Vec<Weekday> = names
            .iter()
            .map(|n| weekday_only(&Data::String((*n).into())).expect(n))
            .collect();
        assert_eq!(&days[..3], [Weekday::Mon, Weekday::Tue, Weekday::Wed]);
        assert_eq!(days[3], Weekday::Fri);
        assert_eq!(weekday_only(&Data::String("Senin, 29 Des".into())), None);
        assert_eq!(weekday_only(&Data::String("Minggu ke-1".into())), None);
        // 29–31 December 2025 is Monday to Wednesday.
        let (start, end) = (d(2025, 12, 29), d(2025, 12, 31));
        assert_eq!(
            weekdays_in(&days[..3], start, end),
            Some(vec![d(2025, 12, 29), d(2025, 12, 30), d(2025, 12, 31)])
        );
        // Friday is not in the period; out of order; a two-week period has each day twice.
        assert_eq!(weekdays_in(&[Weekday::Mon, Weekday::Fri], start, end), None);
        assert_eq!(weekdays_in(&[Weekday::Tue, Weekday::Mon], start, end), None);
        assert_eq!(weekdays_in(&days[..3], start, d(2026, 1, 9)), None);
    }

    #[test]
    fn every_header_style() {
        assert_eq!(read("29/12/2025"), Some(d(2025, 12, 29)));
        assert_eq!(read("29-12-2025"), Some(d(2025, 12, 29)));
        assert_eq!(read("2025-12-30"), Some(d(2025, 12, 30)));
        assert_eq!(read("2025-12-30 00:00:00"), Some(d(2025, 12, 30)));
        assert_eq!(read("Senin, 29 Desember 2025"), Some(d(2025, 12, 29)));
        assert_eq!(read("Rabu, 31-12-2025"), Some(d(2025, 12, 31)));
        assert_eq!(read("29 Des"), Some(d(2025, 12, 29)));
        assert_eq!(read("30 Dec 2025"), Some(d(2025, 12, 30)));
        assert_eq!(read("29/12"), Some(d(2025, 12, 29)));
        assert_eq!(read("31"), Some(d(2025, 12, 31)));
        assert_eq!(read("Jum'at, 2 Januari 2026"), Some(d(2026, 1, 2)));
        assert_eq!(read("2 Jan"), Some(d(2026, 1, 2)));
    }

    #[test]
    fn non_dates_are_rejected() {
        for s in [
            "No",
            "Jml WFA",
            "Keterangan",
            "NIP",
            "32",
            "2025",
            "31/02/2025",
            "",
        ] {
            assert_eq!(parse_text(s), None, "{s}");
        }
    }

    #[test]
    fn unreadable_dates_that_look_like_dates() {
        for s in [
            "31/02/2025",
            "29-13-2025",
            "30 Februari 2026",
            "Senin, 32 Desember 2025",
            "32/12",
        ] {
            assert_eq!(parse_text(s), None, "{s}");
            assert!(looks_like_date(&Data::String(s.into())), "{s}");
        }
        for s in [
            "No",
            "Jml WFA",
            "Keterangan",
            "NIP",
            "32",
            "2025",
            "07.30",
            "Tanggal",
            "Hari",
            "(1)",
            "Persetujuan Atasan",
        ] {
            assert!(!looks_like_date(&Data::String(s.into())), "{s}");
        }
        assert!(!looks_like_date(&Data::Float(3.5)));
    }

    #[test]
    fn bare_days_follow_the_previous_column() {
        let (s, e) = (d(2025, 12, 29), d(2026, 1, 2));
        assert_eq!(
            resolve(DateText::DayOnly(29), s, e, None),
            Some(d(2025, 12, 29))
        );
        assert_eq!(
            resolve(DateText::DayOnly(2), s, e, Some(d(2025, 12, 31))),
            Some(d(2026, 1, 2))
        );
        assert_eq!(
            resolve(DateText::DayOnly(22), s, e, None),
            Some(d(2025, 12, 22))
        );
    }
}
