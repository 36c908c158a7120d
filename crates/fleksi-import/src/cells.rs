//! What a single cell says: its text as a clerk would see it, a normalized key for matching
//! headers and names, a NIP read from text or from a number (with the 15-digit loss Excel
//! inflicts), yes/no approval marks, and A1 references of one column at many rows.

use calamine::{Data, DataType};
use fleksi_core::finding::a1;
use fleksi_core::{Nip, NipError};
use std::borrow::Cow;

/// One column's A1 references (`F7`, `F8`, …): the letters come from [`a1`] once, each row
/// only appends its number — the schedule's hot loop makes one reference per status cell.
#[derive(Debug, Clone)]
pub struct Column {
    letters: String,
}

impl Column {
    pub fn new(col: u32) -> Self {
        let mut letters = a1(col, 0);
        letters.truncate(letters.trim_end_matches(|c: char| c.is_ascii_digit()).len());
        Column { letters }
    }

    /// The reference of this column at the zero-based `row` (same text as `a1(col, row)`).
    pub fn at(&self, row: u32) -> String {
        let mut digits = [0u8; 10];
        let mut n = u64::from(row) + 1;
        let mut i = digits.len();
        while n > 0 {
            i -= 1;
            digits[i] = b'0' + (n % 10) as u8;
            n /= 10;
        }
        let mut out = String::with_capacity(self.letters.len() + digits.len() - i);
        out.push_str(&self.letters);
        out.extend(digits[i..].iter().map(|&d| char::from(d)));
        out
    }
}

/// The cell as text (numbers without a trailing `.0`, dates as `dd-mm-yyyy`).
pub fn text(d: &Data) -> Cow<'_, str> {
    match d {
        Data::String(s) => Cow::Borrowed(s.trim()),
        Data::Empty => Cow::Borrowed(""),
        Data::Int(i) => Cow::Owned(i.to_string()),
        Data::Float(f) => {
            if f.fract() == 0.0 && f.abs() < 1e15 {
                Cow::Owned(format!("{}", *f as i64))
            } else {
                Cow::Owned(f.to_string())
            }
        }
        Data::Bool(b) => Cow::Borrowed(if *b { "TRUE" } else { "FALSE" }),
        Data::DateTime(_) => match d.as_date() {
            Some(date) => Cow::Owned(date.format("%d-%m-%Y").to_string()),
            None => Cow::Borrowed(""),
        },
        Data::DateTimeIso(s) | Data::DurationIso(s) => Cow::Borrowed(s.trim()),
        Data::Error(_) => Cow::Borrowed("#ERROR"),
    }
}

/// Uppercase ASCII letters and digits; every run of anything else becomes one space.
/// `Nama Pegawai (lengkap)` → `NAMA PEGAWAI LENGKAP`.
pub fn key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut gap = false;
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            out.push(c.to_ascii_uppercase());
        } else if c == '\'' || c == '’' {
            // Jum'at → JUMAT
        } else {
            gap = true;
        }
    }
    out
}

/// How a NIP cell reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NipRead {
    Empty,
    Valid(Nip),
    /// Stored as a number (or as Excel's rounded text): only 15 significant digits survive.
    /// `shown` is what Excel would display (the 15 digits padded with zeros).
    Lossy {
        first15: String,
        shown: String,
    },
    Invalid {
        text: String,
        error: NipError,
    },
}

/// Reads a NIP from a cell.
pub fn nip(d: &Data) -> NipRead {
    match d {
        Data::Float(f) => from_number(*f),
        Data::Int(i) => from_number(*i as f64),
        _ => from_text(&text(d)),
    }
}

fn from_number(f: f64) -> NipRead {
    if !f.is_finite() || f < 0.0 {
        return NipRead::Invalid {
            text: f.to_string(),
            error: NipError::NotDigits('-'),
        };
    }
    if (1e17..1e18).contains(&f) {
        // 15 significant digits, the way Excel keeps them.
        let sci = format!("{f:.14e}");
        let digits: String = sci
            .split('e')
            .next()
            .unwrap_or("")
            .chars()
            .filter(char::is_ascii_digit)
            .collect();
        return lossy(&digits);
    }
    let text = format!("{f:.0}");
    match Nip::parse(&text) {
        Ok(n) => NipRead::Valid(n),
        Err(error) => NipRead::Invalid { text, error },
    }
}

fn lossy(first15: &str) -> NipRead {
    NipRead::Lossy {
        first15: first15.to_string(),
        shown: format!("{first15}000"),
    }
}

fn from_text(t: &str) -> NipRead {
    if t.is_empty() {
        return NipRead::Empty;
    }
    match Nip::parse(t) {
        Ok(n) => NipRead::Valid(n),
        Err(error) => {
            // `1,98503E+17` / `1.98503122010011E+17`: a number exported as text.
            if let Some(digits) = scientific_digits(t) {
                return lossy(&digits);
            }
            // Eighteen digits ending in 000: Excel's rounding shown as text
            // (a real NIP never has sequence 000).
            if error == NipError::Sequence {
                let d = Nip::normalize(t);
                if d.len() == 18 && d.ends_with("000") {
                    return lossy(&d[..15]);
                }
            }
            NipRead::Invalid {
                text: t.to_string(),
                error,
            }
        }
    }
}

/// The mantissa digits of a number in scientific notation with exponent 17, padded to 15
/// (`1,98503E+17` → `198503000000000`).
fn scientific_digits(t: &str) -> Option<String> {
    let upper = t.trim().to_ascii_uppercase();
    let (mantissa, exp) = upper.split_once('E')?;
    if exp.trim_start_matches('+').parse::<i32>().ok()? != 17 {
        return None;
    }
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    if digits.is_empty() || digits.len() > 15 || !mantissa.starts_with(|c: char| c.is_ascii_digit())
    {
        return None;
    }
    Some(format!("{digits:0<15}"))
}

/// A superior's approval mark: blank and no-words are `false`; `Ya`, `Setuju`, `✓`, `v`,
/// a name, anything else written is `true`.
pub fn approved(d: &Data) -> bool {
    match d {
        Data::Bool(b) => *b,
        Data::Int(i) => *i != 0,
        Data::Float(f) => *f != 0.0,
        Data::Empty | Data::Error(_) => false,
        _ => {
            let t = text(d);
            let t = t.trim();
            if t.is_empty() || matches!(t, "-" | "–" | "—" | "✗" | "✘" | "×") {
                return false;
            }
            !matches!(
                key(t).as_str(),
                "T" | "N"
                    | "X"
                    | "NO"
                    | "TIDAK"
                    | "TDK"
                    | "BELUM"
                    | "BLM"
                    | "DITOLAK"
                    | "TOLAK"
                    | "TIDAK SETUJU"
                    | "TIDAK DISETUJUI"
                    | "BELUM DISETUJUI"
                    | "FALSE"
                    | "SALAH"
                    | "0"
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_references_match_a1() {
        for col in [0, 1, 25, 26, 27, 51, 52, 701, 702, 16_383] {
            let c = Column::new(col);
            for row in [0, 8, 9, 99, 1_048_575] {
                assert_eq!(c.at(row), a1(col, row), "col {col} row {row}");
            }
        }
    }

    #[test]
    fn keys_normalize_case_and_punctuation() {
        assert_eq!(key(" Nama Pegawai (lengkap) "), "NAMA PEGAWAI LENGKAP");
        assert_eq!(key("NIP."), "NIP");
        assert_eq!(key("Jum'at"), "JUMAT");
        assert_eq!(key("Status (PNS/PPPK)"), "STATUS PNS PPPK");
    }

    #[test]
    fn numeric_nips_lose_precision() {
        let read = nip(&Data::Float(198503122010011004.0));
        assert_eq!(
            read,
            NipRead::Lossy {
                first15: "198503122010011".into(),
                shown: "198503122010011000".into()
            }
        );
        assert!(matches!(
            nip(&Data::String("1,98503E+17".into())),
            NipRead::Lossy { .. }
        ));
        assert!(matches!(
            nip(&Data::String("198503122010011000".into())),
            NipRead::Lossy { .. }
        ));
    }

    #[test]
    fn text_nips_parse_or_explain() {
        assert!(matches!(
            nip(&Data::String("'19850312 201001 1 004".into())),
            NipRead::Valid(_)
        ));
        assert_eq!(nip(&Data::String("  ".into())), NipRead::Empty);
        assert!(matches!(
            nip(&Data::String("1985031220100110".into())),
            NipRead::Invalid {
                error: NipError::Length(16),
                ..
            }
        ));
    }

    #[test]
    fn approval_marks() {
        for yes in ["Ya", "Setuju", "Disetujui", "✓", "v", "Drs. Ahmad"] {
            assert!(approved(&Data::String(yes.into())), "{yes}");
        }
        for no in ["", "-", "Tidak", "belum", "X"] {
            assert!(!approved(&Data::String(no.into())), "{no}");
        }
    }
}
