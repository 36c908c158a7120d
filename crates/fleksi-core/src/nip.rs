//! NIP (Nomor Induk Pegawai): parsing what people type, structural validation for PNS and
//! PPPK, grouped formatting, and what the digits say (birth date, appointment, sex).

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::fmt;

/// A structurally valid 18-digit NIP (PNS) or NI PPPK.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Nip([u8; 18]);

/// Why a text is not a valid NIP. Messages are Indonesian, for clerks.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NipError {
    #[error("NIP kosong")]
    Empty,
    #[error("NIP harus 18 angka, tertulis {0} angka")]
    Length(usize),
    #[error("NIP memuat karakter yang bukan angka: '{0}'")]
    NotDigits(char),
    #[error("tanggal lahir pada NIP (8 angka pertama) tidak ada di kalender")]
    BirthDate,
    #[error("kode pada angka ke-13–14 NIP ({0}) bukan bulan (01–12) PNS maupun kode PPPK (≥ 21)")]
    AppointmentCode(String),
    #[error("pengangkatan pada NIP ({0}) sebelum usia 18 tahun")]
    AppointedTooYoung(String),
    #[error("pengangkatan pada NIP ({0}) ada di masa depan")]
    AppointedInFuture(String),
    #[error("angka jenis kelamin pada NIP (angka ke-15) harus 1 atau 2, tertulis {0}")]
    Sex(char),
    #[error("nomor urut pada NIP (3 angka terakhir) tidak boleh 000")]
    Sequence,
}

/// PNS or PPPK, as told by digits 13–14.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum NipKind {
    Pns,
    Pppk,
}

impl NipKind {
    /// `PNS` or `PPPK`.
    pub fn label(self) -> &'static str {
        match self {
            NipKind::Pns => "PNS",
            NipKind::Pppk => "PPPK",
        }
    }
}

/// Sex, as told by digit 15.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Sex {
    Male,
    Female,
}

impl Sex {
    /// `Laki-laki` or `Perempuan`.
    pub fn label(self) -> &'static str {
        match self {
            Sex::Male => "Laki-laki",
            Sex::Female => "Perempuan",
        }
    }
}

/// The latest year an appointment may carry. Fixed rather than read from the clock so
/// validation is deterministic; raise it when the app is released for a new year.
pub const LATEST_APPOINTMENT_YEAR: i32 = 2026;

impl Nip {
    /// Strips what people add around the digits: a `NIP`/`NIP.` prefix, a leading
    /// apostrophe, a CSV formula wrapper (`="…"`), quotes, spaces, dots, dashes,
    /// non-breaking spaces. Returns the remaining text.
    pub fn normalize(text: &str) -> String {
        Self::significant_chars(text).collect()
    }

    /// The characters [`Nip::normalize`] keeps, without building a `String`.
    fn significant_chars(text: &str) -> impl Iterator<Item = char> + '_ {
        let mut t = text
            .trim()
            .trim_start_matches('=')
            .trim_matches(['\'', '"', '`', '\u{2018}', '\u{2019}'])
            .trim();
        for prefix in [
            "NIP.", "NIP :", "NIP:", "NIP", "nip.", "nip:", "nip", "Nip.", "Nip",
        ] {
            if let Some(rest) = t.strip_prefix(prefix) {
                t = rest.trim_start_matches([':', '.', ' ']).trim();
                break;
            }
        }
        t.chars().filter(|c| {
            !matches!(
                c,
                ' ' | '.' | '-' | '\u{a0}' | '\t' | '\'' | '\u{2019}' | '\u{2009}' | '\u{202f}'
            )
        })
    }

    /// Parses and validates. Reads the digits into a stack buffer: no allocation unless
    /// the NIP is rejected.
    pub fn parse(text: &str) -> Result<Nip, NipError> {
        let mut bytes = [0u8; 18];
        let mut len = 0usize;
        for c in Self::significant_chars(text) {
            // Same order of errors as checking the normalized text: the first character
            // that is not a digit, then the length.
            if !c.is_ascii_digit() {
                return Err(NipError::NotDigits(c));
            }
            if let Some(slot) = bytes.get_mut(len) {
                *slot = c as u8;
            }
            len += 1;
        }
        if len == 0 {
            return Err(NipError::Empty);
        }
        if len != 18 {
            return Err(NipError::Length(len));
        }
        let nip = Nip(bytes);
        nip.validate()?;
        Ok(nip)
    }

    fn num(&self, from: usize, to: usize) -> u32 {
        self.0[from..to]
            .iter()
            .fold(0, |acc, b| acc * 10 + u32::from(b - b'0'))
    }

    fn validate(&self) -> Result<(), NipError> {
        let birth = self.birth_date().ok_or(NipError::BirthDate)?;
        let code = self.num(12, 14);
        let appointed_year = self.num(8, 12) as i32;
        if !matches!(code, 1..=12 | 21..=99) {
            return Err(NipError::AppointmentCode(format!("{:02}", code)));
        }
        // Built only for the error it goes into.
        let appointment_text = || match code {
            1..=12 => format!("{:02}-{}", code, appointed_year),
            _ => appointed_year.to_string(),
        };
        let appointed_month = if (1..=12).contains(&code) { code } else { 1 };
        let appointed = NaiveDate::from_ymd_opt(appointed_year, appointed_month, 1)
            .ok_or_else(|| NipError::AppointmentCode(format!("{:02}", code)))?;
        if appointed_year > LATEST_APPOINTMENT_YEAR {
            return Err(NipError::AppointedInFuture(appointment_text()));
        }
        let eighteenth =
            NaiveDate::from_ymd_opt(birth.year() + 18, birth.month(), 1).unwrap_or(birth);
        // Appointment carries only a month (PNS) or a year (PPPK): compare at that grain.
        let too_young = if (1..=12).contains(&code) {
            appointed < eighteenth
        } else {
            appointed_year < birth.year() + 18
        };
        if too_young {
            return Err(NipError::AppointedTooYoung(appointment_text()));
        }
        let sex = self.0[14] as char;
        if sex != '1' && sex != '2' {
            return Err(NipError::Sex(sex));
        }
        if self.num(15, 18) == 0 {
            return Err(NipError::Sequence);
        }
        Ok(())
    }

    /// The 18 digits.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).expect("digits are ASCII")
    }

    /// Grouped for people: `19850312 201001 1 004` (PPPK: `19900913 2025 24 2 014`).
    pub fn grouped(&self) -> String {
        let s = self.as_str();
        match self.kind() {
            NipKind::Pns => format!("{} {} {} {}", &s[..8], &s[8..14], &s[14..15], &s[15..]),
            NipKind::Pppk => format!(
                "{} {} {} {} {}",
                &s[..8],
                &s[8..12],
                &s[12..14],
                &s[14..15],
                &s[15..]
            ),
        }
    }

    pub fn kind(&self) -> NipKind {
        if self.num(12, 14) <= 12 {
            NipKind::Pns
        } else {
            NipKind::Pppk
        }
    }

    pub fn sex(&self) -> Sex {
        if self.0[14] == b'1' {
            Sex::Male
        } else {
            Sex::Female
        }
    }

    pub fn birth_date(&self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.num(0, 4) as i32, self.num(4, 6), self.num(6, 8))
    }

    /// The first 15 significant digits, what survives when Excel stores the NIP as a number.
    pub fn first15(&self) -> &str {
        &self.as_str()[..15]
    }

    /// The year of first appointment (TMT CPNS for PNS, first PPPK contract year).
    pub fn appointment_year(&self) -> i32 {
        self.num(8, 12) as i32
    }

    /// The month of first appointment (PNS only; PPPK numbers carry a contract code).
    pub fn appointment_month(&self) -> Option<u32> {
        match self.kind() {
            NipKind::Pns => Some(self.num(12, 14)),
            NipKind::Pppk => None,
        }
    }

    /// The 18 digits as one number (10^18 fits in a `u64`): a cheap, unique hash key.
    pub fn as_u64(&self) -> u64 {
        self.0
            .iter()
            .fold(0u64, |acc, b| acc * 10 + u64::from(b - b'0'))
    }
}

impl fmt::Display for Nip {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.grouped())
    }
}

impl std::str::FromStr for Nip {
    type Err = NipError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Nip::parse(s)
    }
}

impl Serialize for Nip {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Nip {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Nip::parse(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_what_people_type() {
        let n = Nip::parse("NIP. 19850312 201001 1 004").unwrap();
        assert_eq!(n.as_str(), "198503122010011004");
        assert_eq!(n.grouped(), "19850312 201001 1 004");
        assert_eq!(Nip::parse("'198503122010011004").unwrap(), n);
        assert_eq!(Nip::parse("19850312.201001.1.004").unwrap(), n);
        assert_eq!(n.kind(), NipKind::Pns);
        assert_eq!(n.sex(), Sex::Male);
    }

    #[test]
    fn parses_spreadsheet_and_csv_wrappings() {
        let n = Nip::parse("198503122010011004").unwrap();
        assert_eq!(Nip::parse("=\"198503122010011004\"").unwrap(), n);
        assert_eq!(Nip::parse("\u{2019}198503122010011004").unwrap(), n);
        assert_eq!(Nip::parse("Nip : 19850312-201001-1-004").unwrap(), n);
        assert_eq!(
            Nip::parse("NIP.19850312\u{a0}201001\u{a0}1\u{a0}004").unwrap(),
            n
        );
        assert_eq!(n.appointment_year(), 2010);
        assert_eq!(n.appointment_month(), Some(1));
        assert_eq!(n.kind().label(), "PNS");
        assert_eq!(n.sex().label(), "Laki-laki");
        assert_eq!(n.birth_date(), NaiveDate::from_ymd_opt(1985, 3, 12));
    }

    #[test]
    fn pppk_is_told_apart() {
        let n = Nip::parse("199009132025242014").unwrap();
        assert_eq!(n.kind(), NipKind::Pppk);
        assert_eq!(n.sex(), Sex::Female);
        assert_eq!(n.grouped(), "19900913 2025 24 2 014");
        assert_eq!(n.appointment_year(), 2025);
        assert_eq!(n.appointment_month(), None);
        assert_eq!(n.sex().label(), "Perempuan");
    }

    #[test]
    fn rejects_bad_structure() {
        assert_eq!(Nip::parse("1985031220100110"), Err(NipError::Length(16)));
        assert_eq!(Nip::parse("198502302010011004"), Err(NipError::BirthDate));
        assert!(matches!(
            Nip::parse("198503122010151004"),
            Err(NipError::AppointmentCode(_))
        ));
        assert!(matches!(
            Nip::parse("198503122000011004"),
            Err(NipError::AppointedTooYoung(_))
        ));
        assert!(matches!(
            Nip::parse("198503122030011004"),
            Err(NipError::AppointedInFuture(_))
        ));
        assert_eq!(Nip::parse("198503122010013004"), Err(NipError::Sex('3')));
        assert_eq!(Nip::parse("198503122010011000"), Err(NipError::Sequence));
        assert_eq!(Nip::parse(""), Err(NipError::Empty));
        assert_eq!(
            Nip::parse("1985O3122010011004"),
            Err(NipError::NotDigits('O'))
        );
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    /// What `Nip::parse` must return, checked on the normalized `String` step by step.
    fn parse_normalized(text: &str) -> Result<Nip, NipError> {
        let digits = Nip::normalize(text);
        if digits.is_empty() {
            return Err(NipError::Empty);
        }
        if let Some(c) = digits.chars().find(|c| !c.is_ascii_digit()) {
            return Err(NipError::NotDigits(c));
        }
        if digits.len() != 18 {
            return Err(NipError::Length(digits.len()));
        }
        let mut bytes = [0u8; 18];
        bytes.copy_from_slice(digits.as_bytes());
        let nip = Nip(bytes);
        nip.validate()?;
        Ok(nip)
    }

    /// The digits of a structurally valid NIP, PNS or PPPK.
    fn valid_digits() -> impl Strategy<Value = String> {
        (
            1960i32..=2007,
            1u32..=12,
            1u32..=28,
            any::<bool>(),
            0i32..=40,
            1u32..=12,
            21u32..=29,
            1u32..=2,
            1u32..=999,
        )
            .prop_map(|(by, bm, bd, pppk, offset, am, code, sex, seq)| {
                let first = if pppk { (by + 18).max(2019) } else { by + 19 };
                let year = (first + offset).min(LATEST_APPOINTMENT_YEAR);
                let year = year.max(first.min(LATEST_APPOINTMENT_YEAR));
                let middle = if pppk {
                    format!("{year}{code:02}")
                } else {
                    format!("{year}{am:02}")
                };
                format!("{by:04}{bm:02}{bd:02}{middle}{sex}{seq:03}")
            })
    }

    proptest! {
        #[test]
        fn any_valid_nip_parses(digits in valid_digits()) {
            let nip = Nip::parse(&digits).unwrap();
            prop_assert_eq!(nip.as_str(), digits.as_str());
            prop_assert_eq!(nip.as_u64(), digits.parse::<u64>().unwrap());
            let code: u32 = digits[12..14].parse().unwrap();
            prop_assert_eq!(nip.kind() == NipKind::Pppk, code >= 21);
            prop_assert_eq!(nip.sex() == Sex::Male, &digits[14..15] == "1");
            prop_assert_eq!(
                nip.birth_date().unwrap().format("%Y%m%d").to_string(),
                digits[..8].to_string()
            );
        }

        #[test]
        fn format_then_parse_round_trips(digits in valid_digits()) {
            let nip = Nip::parse(&digits).unwrap();
            prop_assert_eq!(Nip::parse(&nip.grouped()).unwrap(), nip);
            prop_assert_eq!(Nip::parse(&nip.to_string()).unwrap(), nip);
            prop_assert_eq!(Nip::parse(&format!("NIP. {}", nip.grouped())).unwrap(), nip);
            prop_assert_eq!(Nip::parse(&format!("'{}", nip.as_str())).unwrap(), nip);
            prop_assert_eq!(Nip::parse(&nip.grouped().replace(' ', ".")).unwrap(), nip);
            let json = serde_json::to_string(&nip).unwrap();
            prop_assert_eq!(serde_json::from_str::<Nip>(&json).unwrap(), nip);
        }

        #[test]
        fn corrupted_sex_digit_is_rejected(digits in valid_digits(), bad in prop::sample::select(vec!['0', '3', '4', '5', '6', '7', '8', '9'])) {
            let mut s = digits.into_bytes();
            s[14] = bad as u8;
            let s = String::from_utf8(s).unwrap();
            prop_assert_eq!(Nip::parse(&s), Err(NipError::Sex(bad)));
        }

        #[test]
        fn zero_sequence_is_rejected(digits in valid_digits()) {
            let s = format!("{}000", &digits[..15]);
            prop_assert_eq!(Nip::parse(&s), Err(NipError::Sequence));
        }

        #[test]
        fn wrong_length_is_rejected(digits in valid_digits(), cut in 1usize..18) {
            prop_assert_eq!(Nip::parse(&digits[..cut]), Err(NipError::Length(cut)));
            let longer = format!("{digits}{}", &digits[..cut]);
            prop_assert_eq!(Nip::parse(&longer), Err(NipError::Length(18 + cut)));
        }

        #[test]
        fn never_panics_on_any_text(text in ".{0,40}") {
            let _ = Nip::parse(&text);
        }

        #[test]
        fn parse_agrees_with_the_normalized_text(
            text in "(NIP[.: ]{0,2})?[0-9 .a-zA-Z'-]{0,24}",
            digits in valid_digits(),
        ) {
            for t in [text, digits] {
                prop_assert_eq!(Nip::parse(&t), parse_normalized(&t));
            }
        }
    }
}
