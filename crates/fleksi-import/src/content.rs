//! Column roles known by their content when the heading is not recognised: a sample of the
//! cells below the header row says whether a column holds NIPs, dates or statuses. A column
//! is taken only when most of its non-blank cells fit and exactly one column fits the role;
//! anything else is left to the heading-based reading (and its `header.not_found`).

use crate::cells;
use crate::dates::{self, DateText};
use crate::headers::Role;
use crate::workbook::Sheet;
use calamine::Data;
use chrono::{Duration, NaiveDate};
use fleksi_core::{Policy, Status, Vocabulary};

/// Non-blank cells sampled per column.
const SAMPLE_CELLS: usize = 200;
/// Rows looked at below the header for the sample.
const SAMPLE_ROWS: u32 = 2000;
/// Fewer non-blank cells than this say nothing.
const MIN_CELLS: usize = 3;
/// Share of the non-blank cells that must fit, in percent.
const MIN_SHARE: usize = 80;

/// What a column's cells look like.
#[derive(Debug, Clone, Default)]
pub struct Profile {
    /// Non-blank cells sampled.
    pub cells: usize,
    pub nips: usize,
    pub dates: usize,
    pub statuses: usize,
    /// Texts of letters (names, positions): only read when there is no header row.
    pub names: usize,
    /// The statuses seen, in order of first appearance.
    pub seen: Vec<Status>,
    pub first_date: Option<NaiveDate>,
    pub last_date: Option<NaiveDate>,
}

impl Profile {
    fn enough(&self, n: usize) -> bool {
        self.cells >= MIN_CELLS && n * 100 >= self.cells * MIN_SHARE
    }

    /// The content role this column qualifies for, if exactly one.
    pub fn role(&self) -> Option<Role> {
        let roles: Vec<Role> = [
            (Role::Nip, self.nips),
            (Role::Date, self.dates),
            (Role::Status, self.statuses),
        ]
        .into_iter()
        .filter(|&(_, n)| self.enough(n))
        .map(|(r, _)| r)
        .collect();
        match roles.as_slice() {
            [r] => Some(*r),
            _ => None,
        }
    }

    /// What the content was, for the note (`WFO/WFA`, `29-12-2025 s.d. 31-12-2025`, …).
    pub fn describe(&self, role: Role) -> String {
        match role {
            Role::Status => self
                .seen
                .iter()
                .map(|s| s.code())
                .collect::<Vec<_>>()
                .join("/"),
            Role::Date => match (self.first_date, self.last_date) {
                (Some(a), Some(b)) if a != b => {
                    format!("{} s.d. {}", a.format("%d-%m-%Y"), b.format("%d-%m-%Y"))
                }
                (Some(a), _) => a.format("%d-%m-%Y").to_string(),
                _ => String::new(),
            },
            Role::Nip => "NIP 18 angka".to_string(),
            _ => String::new(),
        }
    }

    /// Whether this column holds names (mostly texts of letters) — asked only of sheets
    /// without a header row, where the name column has no heading to tell it.
    pub fn holds_names(&self) -> bool {
        self.role().is_none() && self.enough(self.names)
    }
}

/// A text of words (a name with titles, a position): at least two letters, mostly letters.
fn name_like(text: &str) -> bool {
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    let digits = text.chars().filter(|c| c.is_ascii_digit()).count();
    letters >= 2 && digits == 0
}

/// An 18-digit NIP-shaped value: text of 18 digits (spaces and a leading `'` allowed) or a
/// number of 18 digits (Excel keeps only 15 of them, still NIP-shaped).
pub fn nip_shaped(d: &Data) -> bool {
    match d {
        Data::Float(f) => (1e17..1e18).contains(f),
        Data::Int(i) => (100_000_000_000_000_000..1_000_000_000_000_000_000).contains(i),
        Data::String(s) => {
            let t = s.trim().trim_start_matches('\'');
            let digits = t.chars().filter(|c| !c.is_whitespace()).count();
            digits == 18 && t.chars().all(|c| c.is_ascii_digit() || c.is_whitespace())
        }
        _ => false,
    }
}

/// A date inside the policy period ± 366 days (a bare day number does not count).
pub fn plausible_date(d: &Data, policy: &Policy) -> Option<NaiveDate> {
    let dt = dates::parse_cell(d)?;
    if matches!(dt, DateText::DayOnly(_)) {
        return None;
    }
    let date = dates::resolve(dt, policy.start, policy.end, None)?;
    let lo = policy.start - Duration::days(366);
    let hi = policy.end + Duration::days(366);
    (lo..=hi).contains(&date).then_some(date)
}

/// Samples the cells of `col` from `first_row` down.
pub fn profile(
    sheet: &Sheet,
    first_row: u32,
    col: u32,
    policy: &Policy,
    vocabulary: &Vocabulary,
) -> Profile {
    let mut p = Profile::default();
    let Some((_, (r1, _))) = sheet.bounds() else {
        return p;
    };
    let last = r1.min(first_row.saturating_add(SAMPLE_ROWS));
    for row in first_row..=last {
        if p.cells >= SAMPLE_CELLS {
            break;
        }
        let d = sheet.cell(row, col);
        let text = cells::text(d);
        if Status::is_blank(&text) {
            continue;
        }
        p.cells += 1;
        if nip_shaped(d) {
            p.nips += 1;
        } else if let Some(date) = plausible_date(d, policy) {
            p.dates += 1;
            p.first_date = Some(p.first_date.map_or(date, |f| f.min(date)));
            p.last_date = Some(p.last_date.map_or(date, |l| l.max(date)));
        } else if let Some(s) = vocabulary.parse_decorated(&text) {
            p.statuses += 1;
            if !p.seen.contains(&s) {
                p.seen.push(s);
            }
        } else if name_like(&text) {
            p.names += 1;
        }
    }
    p
}

/// Whether a header cell reads as a heading someone typed rather than a data value (a
/// NIP, a date or a status): a content role is given only under a real heading.
pub fn is_heading_text(d: &Data, vocabulary: &Vocabulary) -> bool {
    let Data::String(s) = d else {
        return false;
    };
    let s = s.trim();
    !s.is_empty()
        && !nip_shaped(d)
        && dates::parse_cell(d).is_none()
        && !dates::looks_like_date(d)
        && vocabulary.parse_decorated(s).is_none()
        && !Status::is_blank(s)
}

/// The role in Indonesian, for notes and messages.
pub fn role_label(role: Role) -> &'static str {
    match role {
        Role::Nip => "NIP",
        Role::Date => "tanggal",
        Role::Status => "keterangan",
        _ => "kolom",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nip_shapes() {
        assert!(nip_shaped(&Data::String("198503122010011004".into())));
        assert!(nip_shaped(&Data::String("'198503122010011004".into())));
        assert!(nip_shaped(&Data::String("19850312 201001 1 004".into())));
        assert!(nip_shaped(&Data::Float(1.98503122010011e17)));
        assert!(!nip_shaped(&Data::String("1985031220100110".into())));
        assert!(!nip_shaped(&Data::Float(12.0)));
    }
}
