//! The status of one employee on one day (Keterangan): WFO, WFA, leave and the other codes,
//! with the synonym table OPDs actually type.

use serde::{Deserialize, Serialize};

/// What an employee does on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Status {
    Wfo,
    Wfa,
    Cuti,
    Sakit,
    Dl,
    Izin,
    Tb,
}

impl Status {
    pub const ALL: [Status; 7] = [
        Status::Wfo,
        Status::Wfa,
        Status::Cuti,
        Status::Sakit,
        Status::Dl,
        Status::Izin,
        Status::Tb,
    ];

    /// The canonical code as written in documents (`WFO`, `WFA`, `CUTI`, …).
    pub fn code(self) -> &'static str {
        match self {
            Status::Wfo => "WFO",
            Status::Wfa => "WFA",
            Status::Cuti => "CUTI",
            Status::Sakit => "SAKIT",
            Status::Dl => "DL",
            Status::Izin => "IZIN",
            Status::Tb => "TB",
        }
    }

    /// The Indonesian label shown to clerks.
    pub fn label(self) -> &'static str {
        match self {
            Status::Wfo => "Bekerja di kantor (WFO)",
            Status::Wfa => "Bekerja dari mana saja (WFA)",
            Status::Cuti => "Cuti",
            Status::Sakit => "Sakit",
            Status::Dl => "Dinas luar",
            Status::Izin => "Izin",
            Status::Tb => "Tugas belajar",
        }
    }

    /// Neither WFO nor WFA: leave, sick, official travel, permission, study.
    pub fn is_other(self) -> bool {
        !matches!(self, Status::Wfo | Status::Wfa)
    }

    /// Parses what a person typed, ignoring case, spaces, dots and dashes inside words.
    /// Returns `None` for anything that is not a known code or synonym (including blanks).
    pub fn parse(text: &str) -> Option<Status> {
        let mut key = [0u8; 32];
        let mut len = 0;
        for b in text.bytes() {
            if b.is_ascii_alphanumeric() {
                if len == key.len() {
                    return None;
                }
                key[len] = b.to_ascii_uppercase();
                len += 1;
            } else if !(b.is_ascii_whitespace() || b == b'.' || b == b'-' || b == b'_') {
                return None;
            }
        }
        let status = match &key[..len] {
            b"WFO" | b"KANTOR" | b"DIKANTOR" | b"WORKFROMOFFICE" => Status::Wfo,
            b"WFA" | b"WFH" | b"RUMAH" | b"WORKFROMANYWHERE" | b"WORKFROMHOME" => Status::Wfa,
            b"C" | b"CUTI" | b"CUTITAHUNAN" | b"CT" => Status::Cuti,
            b"S" | b"SAKIT" => Status::Sakit,
            b"DL" | b"DINASLUAR" => Status::Dl,
            b"I" | b"IZIN" | b"IJIN" => Status::Izin,
            b"TB" | b"TUGASBELAJAR" => Status::Tb,
            _ => return None,
        };
        Some(status)
    }

    /// True for a cell that means "nothing scheduled": empty, `-`, or only spaces.
    pub fn is_blank(text: &str) -> bool {
        text.trim()
            .trim_matches(|c| c == '-' || c == '–' || c == '—')
            .trim()
            .is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn synonyms_parse_to_their_status() {
        assert_eq!(Status::parse("wfh"), Some(Status::Wfa));
        assert_eq!(Status::parse(" Di Kantor "), Some(Status::Wfo));
        assert_eq!(Status::parse("Work From Home"), Some(Status::Wfa));
        assert_eq!(Status::parse("Cuti Tahunan"), Some(Status::Cuti));
        assert_eq!(Status::parse("d.l."), Some(Status::Dl));
        assert_eq!(Status::parse("Ijin"), Some(Status::Izin));
        assert_eq!(Status::parse("s"), Some(Status::Sakit));
        assert_eq!(Status::parse("Tugas Belajar"), Some(Status::Tb));
    }

    #[test]
    fn unknown_and_blank_are_not_statuses() {
        assert_eq!(Status::parse("libur"), None);
        assert_eq!(Status::parse(""), None);
        assert_eq!(Status::parse("WFO/WFA"), None);
        assert!(Status::is_blank(" - "));
        assert!(Status::is_blank(""));
        assert!(!Status::is_blank("WFO"));
    }

    #[test]
    fn every_code_round_trips() {
        for s in Status::ALL {
            assert_eq!(Status::parse(s.code()), Some(s));
        }
    }
}
