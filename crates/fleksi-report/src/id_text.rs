//! Document wording on top of `fleksi_core::fmt_id`: the period as in a title
//! (`29 S.D. 31 DESEMBER 2025`), narrow day headers, and a signatory's name in capitals.

use chrono::{Datelike, NaiveDate};
use fleksi_core::fmt_id;

/// `22 Desember 2025`.
pub(crate) fn long_date(d: NaiveDate) -> String {
    fmt_id::date_long(d)
}

/// `29-12-2025` (tables).
pub(crate) fn table_date(d: NaiveDate) -> String {
    fmt_id::date_short(d)
}

/// `29-12` (narrow day columns; the year is in the title).
pub(crate) fn short_date(d: NaiveDate) -> String {
    format!("{:02}-{:02}", d.day(), d.month())
}

/// `Senin`.
pub(crate) fn weekday(d: NaiveDate) -> &'static str {
    fmt_id::weekday_name(d.weekday())
}

/// The period as in a title: `29 S.D. 31 DESEMBER 2025`, `29 DESEMBER 2025 S.D. 2 JANUARI 2026`.
pub(crate) fn period_upper(start: NaiveDate, end: NaiveDate) -> String {
    if start == end {
        return long_date(start).to_uppercase();
    }
    if start.year() == end.year() && start.month() == end.month() {
        return format!("{} S.D. {}", start.day(), long_date(end).to_uppercase());
    }
    format!(
        "{} S.D. {}",
        long_date(start).to_uppercase(),
        long_date(end).to_uppercase()
    )
}

/// A signatory's name in capitals, keeping academic and religious titles as written
/// (`Dr. H. Budi Santoso, M.Si.` → `Dr. H. BUDI SANTOSO, M.Si.`): a word with a dot is a title.
pub(crate) fn signatory_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut after_comma = false;
    for (i, word) in name.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        if after_comma || word.contains('.') {
            out.push_str(word);
        } else {
            out.push_str(&word.to_uppercase());
        }
        if word.ends_with(',') {
            // Everything after the name's comma is a suffix title (S.Kom, M.Si, MM).
            after_comma = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
    }

    #[test]
    fn dates_in_indonesian() {
        assert_eq!(long_date(d(2025, 12, 22)), "22 Desember 2025");
        assert_eq!(table_date(d(2025, 12, 9)), "09-12-2025");
        assert_eq!(weekday(d(2025, 12, 29)), "Senin");
        assert_eq!(
            period_upper(d(2025, 12, 29), d(2025, 12, 31)),
            "29 S.D. 31 DESEMBER 2025"
        );
        assert_eq!(
            period_upper(d(2025, 12, 29), d(2026, 1, 2)),
            "29 DESEMBER 2025 S.D. 2 JANUARI 2026"
        );
    }

    #[test]
    fn signatory_names_keep_titles() {
        assert_eq!(
            signatory_name("Hasbi Asyidiki Jayabaya"),
            "HASBI ASYIDIKI JAYABAYA"
        );
        assert_eq!(
            signatory_name("Dr. H. Budi Santoso, M.Si."),
            "Dr. H. BUDI SANTOSO, M.Si."
        );
        assert_eq!(signatory_name("Ani Lestari, SE, MM"), "ANI LESTARI, SE, MM");
    }
}
