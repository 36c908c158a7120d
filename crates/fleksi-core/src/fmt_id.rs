//! Indonesian formatting of dates and periods for screens and documents
//! (`29 Desember 2025`, `Senin, 29 Desember 2025`, `29-12-2025`), shared by the rules
//! messages, the reports and the UI so every place writes dates the same way.

use chrono::{Datelike, NaiveDate, Weekday};

const MONTHS: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];

/// The Indonesian month name, `1` → `Januari`. Out-of-range months give an empty string.
pub fn month_name(month: u32) -> &'static str {
    month
        .checked_sub(1)
        .and_then(|i| MONTHS.get(i as usize))
        .copied()
        .unwrap_or("")
}

/// The Indonesian weekday name: `Senin` … `Minggu`.
pub fn weekday_name(weekday: Weekday) -> &'static str {
    match weekday {
        Weekday::Mon => "Senin",
        Weekday::Tue => "Selasa",
        Weekday::Wed => "Rabu",
        Weekday::Thu => "Kamis",
        Weekday::Fri => "Jumat",
        Weekday::Sat => "Sabtu",
        Weekday::Sun => "Minggu",
    }
}

/// `29 Desember 2025`.
pub fn date_long(date: NaiveDate) -> String {
    format!(
        "{} {} {}",
        date.day(),
        month_name(date.month()),
        date.year()
    )
}

/// `Senin, 29 Desember 2025`.
pub fn date_with_weekday(date: NaiveDate) -> String {
    format!("{}, {}", weekday_name(date.weekday()), date_long(date))
}

/// `29-12-2025`, as in table cells.
pub fn date_short(date: NaiveDate) -> String {
    format!("{:02}-{:02}-{}", date.day(), date.month(), date.year())
}

/// `29 Desember 2025 – 31 Desember 2025`.
pub fn period(start: NaiveDate, end: NaiveDate) -> String {
    format!("{} – {}", date_long(start), date_long(end))
}

/// A list of weekdays in Indonesian: `Senin, Selasa dan Jumat`.
pub fn weekdays(days: &[Weekday]) -> String {
    let names: Vec<&str> = days.iter().map(|d| weekday_name(*d)).collect();
    match names.split_last() {
        None => String::new(),
        Some((last, [])) => (*last).to_string(),
        Some((last, rest)) => format!("{} dan {}", rest.join(", "), last),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn dates_in_indonesian() {
        assert_eq!(date_long(d(2025, 12, 29)), "29 Desember 2025");
        assert_eq!(
            date_with_weekday(d(2025, 12, 29)),
            "Senin, 29 Desember 2025"
        );
        assert_eq!(date_with_weekday(d(2026, 4, 10)), "Jumat, 10 April 2026");
        assert_eq!(date_short(d(2025, 3, 4)), "04-03-2025");
        assert_eq!(
            period(d(2025, 12, 29), d(2025, 12, 31)),
            "29 Desember 2025 – 31 Desember 2025"
        );
        assert_eq!(month_name(0), "");
        assert_eq!(month_name(5), "Mei");
    }

    #[test]
    fn weekday_lists() {
        assert_eq!(weekdays(&[]), "");
        assert_eq!(weekdays(&[Weekday::Fri]), "Jumat");
        assert_eq!(
            weekdays(&[Weekday::Mon, Weekday::Tue, Weekday::Fri]),
            "Senin, Selasa dan Jumat"
        );
    }
}
