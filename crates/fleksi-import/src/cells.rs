//! What a single cell says: its text as a clerk would see it, a normalized key for matching
//! headers and names, a NIP read from text or from a number (with the 15-digit loss Excel
//! inflicts), approval marks (yes, no or unclear), and A1 references of one column at many
//! rows.

use calamine::{Data, DataType};
use fleksi_core::finding::a1;
use fleksi_core::{Approval, Nip, NipError, Status};
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

/// Yes as a whole text (keys: upper-case ASCII words).
const YES: [&str; 17] = [
    "DISETUJUI",
    "SETUJU",
    "ACC",
    "DI ACC",
    "YA",
    "Y",
    "OK",
    "OKE",
    "V",
    "SUDAH",
    "SUDAH ACC",
    "SUDAH DISETUJUI",
    "SUDAH SETUJU",
    "APPROVED",
    "TRUE",
    "BENAR",
    "1",
];
/// No as a whole text.
const NO: [&str; 9] = [
    "X",
    "T",
    "N",
    "NO",
    "FALSE",
    "SALAH",
    "0",
    "TIDAK ACC",
    "TDK ACC",
];
/// A text starting with one of these words is a no (`Belum ACC`, `Tidak setuju`, `Ditolak
/// atasan`); inside a longer text it makes the text unclear.
const NO_WORDS: [&str; 11] = [
    "BELUM",
    "BLM",
    "TIDAK",
    "TDK",
    "TAK",
    "DITOLAK",
    "TOLAK",
    "BATAL",
    "DIBATALKAN",
    "REJECT",
    "REJECTED",
];
/// Waiting words: the text is unclear wherever they occur.
const WAIT_WORDS: [&str; 9] = [
    "MENUNGGU",
    "TUNGGU",
    "PROSES",
    "DIPROSES",
    "PENDING",
    "SEDANG",
    "NANTI",
    "KONFIRMASI",
    "DIAJUKAN",
];
/// A text starting with one of these words, with no no-word or waiting word in it, is a yes
/// (`Disetujui Kepala Dinas`, `ACC Kabid`, `Sudah ACC`).
const YES_START: [&str; 6] = ["DISETUJUI", "SETUJU", "ACC", "SUDAH", "YA", "OK"];
const YES_MARKS: [char; 6] = ['✓', '✔', '√', '☑', '✅', '🗸'];
const NO_MARKS: [char; 6] = ['✗', '✘', '×', '❌', '☒', '✕'];

/// A superior's approval mark. Only an explicit yes counts (design §4):
/// - **Yes**: `Disetujui`, `Setuju`, `ACC`, `Ya`, `Y`, `OK`, `V`, `Sudah`, `✓`/`√`/`✔`,
///   TRUE, 1; a text starting with a yes word without any no or waiting word (`Disetujui
///   Kepala Dinas`, `Sudah ACC`); and a **name or paraf**: only letters (any script),
///   spaces, dots, commas, apostrophes and hyphens, at least two letters, neither a status
///   code nor containing a no or waiting word (`Drs. Hendra Wijaya`, `A.S.`, `Hendra`).
/// - **No**: a blank cell, `-`, `X`, `✗`, `T`, `N`, `No`, FALSE, 0, and any text starting
///   with a no word (`Belum`, `Belum ACC`, `Tidak`, `Tdk setuju`, `Tidak setuju`,
///   `Ditolak`, `Ditolak atasan`, `Tolak`).
/// - **Unclear**: anything else — `Menunggu`, `Proses`, `?`, a no or waiting word inside a
///   longer text (`Sudah tapi belum paraf`), digits, dates, other numbers and symbols.
pub fn approval(d: &Data) -> Approval {
    match d {
        Data::Bool(true) => Approval::Yes,
        Data::Bool(false) | Data::Empty => Approval::No,
        Data::Int(1) => Approval::Yes,
        Data::Int(0) => Approval::No,
        Data::Float(f) if *f == 1.0 => Approval::Yes,
        Data::Float(f) if *f == 0.0 => Approval::No,
        Data::String(s) => approval_text(s),
        _ => Approval::Unclear,
    }
}

/// [`approval`] of a text.
pub fn approval_text(text: &str) -> Approval {
    let t = text.trim();
    if t.is_empty() || t.chars().all(|c| matches!(c, '-' | '–' | '—' | ' ')) {
        return Approval::No;
    }
    if t.contains('?') {
        return Approval::Unclear;
    }
    if !t.chars().any(char::is_alphanumeric) {
        // Marks only: every mark a yes, or every mark a no.
        let marks: Vec<char> = t.chars().filter(|c| !c.is_whitespace()).collect();
        if marks.iter().all(|c| YES_MARKS.contains(c)) {
            return Approval::Yes;
        }
        if marks.iter().all(|c| NO_MARKS.contains(c)) {
            return Approval::No;
        }
        return Approval::Unclear;
    }
    let k = key(t);
    if YES.contains(&k.as_str()) {
        return Approval::Yes;
    }
    if NO.contains(&k.as_str()) {
        return Approval::No;
    }
    let words: Vec<&str> = k.split(' ').filter(|w| !w.is_empty()).collect();
    if words.iter().any(|w| WAIT_WORDS.contains(w)) {
        return Approval::Unclear;
    }
    match words.first() {
        Some(first) if NO_WORDS.contains(first) => return Approval::No,
        _ => {}
    }
    if words.iter().any(|w| NO_WORDS.contains(w)) {
        return Approval::Unclear;
    }
    if words.first().is_some_and(|w| YES_START.contains(w)) {
        return Approval::Yes;
    }
    // A name or paraf.
    let name_like = t.chars().all(|c| {
        c.is_alphabetic() || c.is_whitespace() || matches!(c, '.' | ',' | '\'' | '’' | '-')
    });
    let letters = t.chars().filter(|c| c.is_alphabetic()).count();
    if name_like && letters >= 2 && Status::parse(t).is_none() {
        return Approval::Yes;
    }
    Approval::Unclear
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
        let yes = [
            "Disetujui",
            "Setuju",
            "ACC",
            "acc",
            "Di-ACC",
            "Ya",
            "Y",
            "OK",
            "✓",
            "√",
            "V",
            "v",
            "Sudah",
            "Sudah ACC",
            "Disetujui Kepala Dinas",
            "Drs. Hendra Wijaya",
            "A.S.",
            "Hendra",
            "Ni Luh Putu",
            "I Made",
        ];
        for t in yes {
            assert_eq!(approval(&Data::String(t.into())), Approval::Yes, "{t}");
        }
        let no = [
            "",
            " - ",
            "Belum ACC",
            "Belum",
            "Tidak setuju",
            "Tdk setuju",
            "Tidak",
            "Ditolak",
            "Ditolak atasan",
            "Tolak",
            "X",
            "✗",
            "tidak disetujui",
        ];
        for t in no {
            assert_eq!(approval(&Data::String(t.into())), Approval::No, "{t}");
        }
        let unclear = [
            "Menunggu",
            "Proses",
            "?",
            "Ya?",
            "sedang diproses",
            "Sudah tapi belum paraf",
            "WFA",
            "2",
            "12-03-2025",
            "✓ ✗",
            "#",
            "a",
        ];
        for t in unclear {
            assert_eq!(approval(&Data::String(t.into())), Approval::Unclear, "{t}");
        }
        assert_eq!(approval(&Data::Empty), Approval::No);
        assert_eq!(approval(&Data::Bool(true)), Approval::Yes);
        assert_eq!(approval(&Data::Bool(false)), Approval::No);
        assert_eq!(approval(&Data::Int(1)), Approval::Yes);
        assert_eq!(approval(&Data::Float(0.0)), Approval::No);
        assert_eq!(approval(&Data::Float(2.0)), Approval::Unclear);
    }
}
