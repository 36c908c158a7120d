//! Property tests of the date-text parser (issue 14, item 3): every day from 1900 to 2100
//! written the ways OPD clerks write it reads back as that day; impossible days never read as
//! a date; and no text, however odd, makes it panic.

use chrono::{Datelike, NaiveDate};
use fleksi_import::fuzzing::{parse_date_text, DateText};
use proptest::prelude::*;

const BULAN: [&str; 12] = [
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
const HARI: [&str; 7] = [
    "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu",
];

fn any_day() -> impl Strategy<Value = NaiveDate> {
    (1900i32..=2100, 1u32..=12, 1u32..=31)
        .prop_filter_map("a real day", |(y, m, d)| NaiveDate::from_ymd_opt(y, m, d))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn a_day_written_any_usual_way_reads_back(day in any_day(), sep in prop::sample::select(vec!["-", "/", ".", " "])) {
        let (y, m, d) = (day.year(), day.month(), day.day());
        let month = BULAN[m as usize - 1];
        let weekday = HARI[day.weekday().num_days_from_monday() as usize];
        for text in [
            format!("{d:02}{sep}{m:02}{sep}{y}"),
            format!("{d}{sep}{m}{sep}{y}"),
            format!("{y}-{m:02}-{d:02}"),
            format!("{y}-{m:02}-{d:02} 00:00:00"),
            format!("{d} {month} {y}"),
            format!("{weekday}, {d} {month} {y}"),
            format!("  {d} {} {y} ", month.to_uppercase()),
            format!("{month} {d} {y}"),
        ] {
            prop_assert_eq!(parse_date_text(&text), Some(DateText::Full(day)), "{}", text);
        }
        // Without a year, the day and month are kept for the policy period to complete.
        prop_assert_eq!(
            parse_date_text(&format!("{d} {month}")),
            Some(DateText::NoYear { day: d, month: m })
        );
        prop_assert_eq!(
            parse_date_text(&format!("{d:02}/{m:02}")),
            Some(DateText::NoYear { day: d, month: m })
        );
    }

    #[test]
    fn an_impossible_day_is_never_a_date(y in 1900i32..=2100, m in 1u32..=12, d in 29u32..=40) {
        prop_assume!(NaiveDate::from_ymd_opt(y, m, d).is_none());
        let month = BULAN[m as usize - 1];
        for text in [format!("{d:02}-{m:02}-{y}"), format!("{d} {month} {y}"), format!("{y}-{m:02}-{d:02}")] {
            prop_assert_eq!(parse_date_text(&text), None, "{}", text);
        }
    }

    #[test]
    fn a_month_above_twelve_is_never_a_date(y in 1900i32..=2100, m in 13u32..=99, d in 1u32..=28) {
        prop_assert_eq!(parse_date_text(&format!("{d:02}-{m:02}-{y}")), None);
    }

    #[test]
    fn a_bare_day_reads_as_that_day(d in 1u32..=31) {
        prop_assert_eq!(parse_date_text(&d.to_string()), Some(DateText::DayOnly(d)));
    }

    #[test]
    fn never_panics_and_reads_only_short_texts(text in "\\PC{0,80}") {
        let got = parse_date_text(&text);
        if text.trim().len() > 48 {
            prop_assert_eq!(got, None);
        }
    }

    #[test]
    fn never_panics_on_date_like_noise(text in "[0-9 /.:-]{0,30}|[A-Za-z]{0,9} [0-9]{0,5} [A-Za-z0-9]{0,9}") {
        if let Some(DateText::Full(day)) = parse_date_text(&text) {
            prop_assert!((1900..=2100).contains(&day.year()));
        }
    }
}
