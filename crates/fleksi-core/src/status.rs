//! The status of one employee on one day (Keterangan): WFO, PIKET, WFA, dinas/tugas luar,
//! leave and study, each with its category, and the synonym table OPDs actually type —
//! shipped as defaults and extendable per policy ([`StatusSynonym`], [`Vocabulary`]).

use serde::{Deserialize, Deserializer, Serialize};
use std::collections::HashMap;

/// What an employee does on a day. Serialized as its code (`WFO`, `PIKET`, …).
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
    /// On duty at the office by roster (piket/jaga): counts as WFO.
    Piket,
    /// Tugas luar: away on duty, counted as other.
    Tl,
}

/// The kind of a status: where the person works, or why not at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StatusCategory {
    /// At the office (WFO, PIKET): "on duty" for a piket minimum, WFO in the counts.
    Office,
    /// WFA: the status the cap limits.
    Anywhere,
    /// Away on duty (DL, TL).
    Duty,
    /// Leave, sick, permission (CUTI, SAKIT, IZIN).
    Leave,
    /// Study assignment (TB).
    Study,
}

impl StatusCategory {
    /// In Indonesian for clerks.
    pub fn label(self) -> &'static str {
        match self {
            StatusCategory::Office => "di kantor",
            StatusCategory::Anywhere => "bekerja dari mana saja",
            StatusCategory::Duty => "bertugas di luar kantor",
            StatusCategory::Leave => "cuti, sakit atau izin",
            StatusCategory::Study => "tugas belajar",
        }
    }
}

impl Status {
    /// Every status: the original seven codes first (documents list them in this order),
    /// then PIKET and TL.
    pub const ALL: [Status; 9] = [
        Status::Wfo,
        Status::Wfa,
        Status::Cuti,
        Status::Sakit,
        Status::Dl,
        Status::Izin,
        Status::Tb,
        Status::Piket,
        Status::Tl,
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
            Status::Piket => "PIKET",
            Status::Tl => "TL",
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
            Status::Piket => "Piket di kantor",
            Status::Tl => "Tugas luar",
        }
    }

    /// The status's category.
    pub fn category(self) -> StatusCategory {
        match self {
            Status::Wfo | Status::Piket => StatusCategory::Office,
            Status::Wfa => StatusCategory::Anywhere,
            Status::Dl | Status::Tl => StatusCategory::Duty,
            Status::Cuti | Status::Sakit | Status::Izin => StatusCategory::Leave,
            Status::Tb => StatusCategory::Study,
        }
    }

    /// At the office (WFO or PIKET): counted as WFO and as on duty.
    pub fn is_office(self) -> bool {
        self.category() == StatusCategory::Office
    }

    /// Neither at the office nor WFA: away on duty, leave, sick, permission, study.
    pub fn is_other(self) -> bool {
        !matches!(
            self.category(),
            StatusCategory::Office | StatusCategory::Anywhere
        )
    }

    /// Parses what a person typed against the built-in codes and synonyms (design §5),
    /// ignoring case, spaces, dots, dashes and underscores. Returns `None` for anything that
    /// is not a known code or synonym (including blanks). See [`Vocabulary`] for a policy's
    /// own words.
    pub fn parse(text: &str) -> Option<Status> {
        let mut buf = [0u8; KEY_MAX];
        builtin(normalize(text, &mut buf)?)
    }

    /// True for a cell that means "nothing scheduled": empty, `-`, or only spaces.
    pub fn is_blank(text: &str) -> bool {
        text.trim()
            .trim_matches(|c| c == '-' || c == '–' || c == '—')
            .trim()
            .is_empty()
    }
}

/// Characters that separate a status from its decoration.
fn is_decoration(c: char) -> bool {
    matches!(
        c,
        '(' | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | '/'
            | '\\'
            | ','
            | ';'
            | ':'
            | '*'
            | '-'
            | '+'
            | '|'
            | '–'
            | '—'
    )
}

/// Words for a day off (`Libur`, `Cuti Bersama`, `Tanggal Merah`): no status, but worth a
/// message of their own when written on a working day.
pub fn is_day_off_word(text: &str) -> bool {
    let mut buf = [0u8; KEY_MAX];
    matches!(
        normalize(text, &mut buf),
        Some(
            "LIBUR"
                | "HARILIBUR"
                | "LIBURNASIONAL"
                | "LIBURKANTOR"
                | "CUTIBERSAMA"
                | "TANGGALMERAH"
                | "TGLMERAH"
        )
    )
}

/// Longest normalized text compared (bytes); longer texts are no status.
const KEY_MAX: usize = 64;

/// The text as compared: letters and digits upper-cased; whitespace, `.`, `-` and `_`
/// dropped; any other character kept as is (so `WFO/WFA` is no built-in status but may be a
/// policy's own word). `None` when longer than [`KEY_MAX`] bytes.
fn normalize<'b>(text: &str, buf: &'b mut [u8; KEY_MAX]) -> Option<&'b str> {
    let mut len = 0;
    let mut push = |c: char| -> Option<()> {
        let n = c.len_utf8();
        if len + n > KEY_MAX {
            return None;
        }
        c.encode_utf8(&mut buf[len..len + n]);
        len += n;
        Some(())
    };
    for c in text.chars() {
        if c.is_ascii() {
            if c.is_ascii_whitespace() || matches!(c, '.' | '-' | '_') {
                continue;
            }
            push(c.to_ascii_uppercase())?;
        } else if c.is_whitespace() {
            continue;
        } else {
            for u in c.to_uppercase() {
                push(u)?;
            }
        }
    }
    std::str::from_utf8(&buf[..len]).ok()
}

/// The built-in codes and synonyms of design §5.
fn builtin(key: &str) -> Option<Status> {
    let status = match key {
        "WFO" | "KANTOR" | "DIKANTOR" | "WORKFROMOFFICE" => Status::Wfo,
        "PIKET" | "JAGA" => Status::Piket,
        "WFA" | "WFH" | "RUMAH" | "WORKFROMANYWHERE" | "WORKFROMHOME" => Status::Wfa,
        "DL" | "DLD" | "DLK" | "DINASLUAR" => Status::Dl,
        "TL" | "TUGASLUAR" => Status::Tl,
        "C" | "CT" | "CB" | "CS" | "CM" | "CAP" | "CLTN" | "CUTI" | "CUTITAHUNAN" => Status::Cuti,
        "S" | "SAKIT" => Status::Sakit,
        "I" | "IZIN" | "IJIN" => Status::Izin,
        "TB" | "TUGASBELAJAR" => Status::Tb,
        _ => return None,
    };
    Some(status)
}

/// One of the office's own words for a status (`Luring` → WFO), from the policy.
/// In TOML: `{ text = "Luring", status = "WFO" }`; `status` takes a code (or any built-in
/// synonym), any case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusSynonym {
    pub text: String,
    #[serde(deserialize_with = "status_code")]
    pub status: Status,
}

impl StatusSynonym {
    pub fn new(text: &str, status: Status) -> Self {
        StatusSynonym {
            text: text.to_string(),
            status,
        }
    }

    /// The text as compared with cells (upper case, without spaces, dots and dashes);
    /// `None` when it is empty or too long.
    pub fn key(&self) -> Option<String> {
        let mut buf = [0u8; KEY_MAX];
        normalize(&self.text, &mut buf)
            .filter(|k| !k.is_empty())
            .map(str::to_string)
    }
}

fn status_code<'de, D: Deserializer<'de>>(d: D) -> Result<Status, D::Error> {
    let text = String::deserialize(d)?;
    Status::parse(&text).ok_or_else(|| {
        serde::de::Error::custom(format!(
            "status '{text}' tidak dikenal (gunakan salah satu kode: {})",
            Status::ALL.map(Status::code).join(", ")
        ))
    })
}

/// The statuses a policy accepts: its own words ([`StatusSynonym`]) first, then the
/// built-in codes and synonyms. Build once per import (a hash look-up per cell).
#[derive(Debug, Clone, Default)]
pub struct Vocabulary {
    own: HashMap<String, Status>,
    /// The own words as written, for hints.
    words: Vec<(String, Status)>,
}

impl Vocabulary {
    /// The built-in words plus `synonyms` (the first mapping of a text wins).
    pub fn new(synonyms: &[StatusSynonym]) -> Self {
        let mut v = Vocabulary::default();
        for s in synonyms {
            if let Some(key) = s.key() {
                if let std::collections::hash_map::Entry::Vacant(e) = v.own.entry(key) {
                    e.insert(s.status);
                    v.words.push((s.text.trim().to_string(), s.status));
                }
            }
        }
        v
    }

    /// This vocabulary plus `words` (e.g. a file's own legend); a text it already knows, as
    /// an own word or a built-in one, keeps its meaning.
    pub fn with_words(&self, words: &[StatusSynonym]) -> Vocabulary {
        let mut v = self.clone();
        for s in words {
            let Some(key) = s.key() else { continue };
            if builtin(&key).is_some() {
                continue;
            }
            if let std::collections::hash_map::Entry::Vacant(e) = v.own.entry(key) {
                e.insert(s.status);
                v.words.push((s.text.trim().to_string(), s.status));
            }
        }
        v
    }

    /// Parses a cell: the policy's own words, then [`Status::parse`].
    pub fn parse(&self, text: &str) -> Option<Status> {
        let mut buf = [0u8; KEY_MAX];
        let key = normalize(text, &mut buf)?;
        if !self.own.is_empty() {
            if let Some(&s) = self.own.get(key) {
                return Some(s);
            }
        }
        builtin(key)
    }

    /// Parses a cell that may carry decoration: [`Vocabulary::parse`] first, then the parts
    /// between brackets, slashes, commas, stars, colons and dashes (`Wfa (Rumah)`, `WFA*`,
    /// `Wfo/Kantor`, `WFO - Kantor`). Every non-blank part must be a known status and all must
    /// agree; parts that disagree (`WFO/WFA`) or an unknown part give `None`.
    pub fn parse_decorated(&self, text: &str) -> Option<Status> {
        if let Some(s) = self.parse(text) {
            return Some(s);
        }
        if text.len() > 2 * KEY_MAX {
            return None;
        }
        let mut found: Option<Status> = None;
        let mut parts = 0;
        for part in text.split(is_decoration) {
            if Status::is_blank(part) || part.trim().chars().all(|c| c == '.' || c == '_') {
                continue;
            }
            let s = self.parse(part)?;
            if found.is_some_and(|f| f != s) {
                return None;
            }
            found = Some(s);
            parts += 1;
        }
        found.filter(|_| parts > 0)
    }

    /// The policy's own words with their status, as written.
    pub fn own_words(&self) -> &[(String, Status)] {
        &self.words
    }

    /// The accepted codes for a hint: `WFO, PIKET, WFA, DL, TL, C/CUTI, S/SAKIT, I/IZIN,
    /// TB`, plus the policy's own words (`Luring = WFO`).
    pub fn describe(&self) -> String {
        let mut out = "WFO, PIKET, WFA, DL, TL, C/CUTI, S/SAKIT, I/IZIN, TB".to_string();
        if !self.words.is_empty() {
            let own: Vec<String> = self
                .words
                .iter()
                .map(|(w, s)| format!("{w} = {}", s.code()))
                .collect();
            out.push_str(&format!(", atau istilah kantor: {}", own.join(", ")));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extra_words_never_change_a_known_text() {
        let policy = Vocabulary::new(&[StatusSynonym::new("Luring", Status::Wfo)]);
        let v = policy.with_words(&[
            StatusSynonym::new("K", Status::Wfo),
            StatusSynonym::new("Luring", Status::Wfa),
            StatusSynonym::new("C", Status::Wfa),
        ]);
        assert_eq!(v.parse("k"), Some(Status::Wfo));
        assert_eq!(
            v.parse("Luring"),
            Some(Status::Wfo),
            "the policy's word stays"
        );
        assert_eq!(v.parse("C"), Some(Status::Cuti), "a built-in code stays");
        assert_eq!(
            policy.parse("K"),
            None,
            "the policy's vocabulary is unchanged"
        );
    }

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
    fn every_synonym_of_design_section_5() {
        let table: [(&[&str], Status); 9] = [
            (
                &["WFO", "Kantor", "Di Kantor", "Work From Office"],
                Status::Wfo,
            ),
            (&["Piket", "Jaga", "PIKET", "p i k e t"], Status::Piket),
            (
                &[
                    "WFA",
                    "WFH",
                    "Rumah",
                    "Work From Anywhere",
                    "Work From Home",
                ],
                Status::Wfa,
            ),
            (&["DL", "DLD", "DLK", "Dinas Luar", "d.l.k."], Status::Dl),
            (&["TL", "Tugas Luar", "t.l."], Status::Tl),
            (
                &[
                    "C",
                    "CT",
                    "CB",
                    "CS",
                    "CM",
                    "CAP",
                    "CLTN",
                    "Cuti",
                    "Cuti Tahunan",
                    "c.t.",
                ],
                Status::Cuti,
            ),
            (&["S", "Sakit"], Status::Sakit),
            (&["I", "Izin", "Ijin"], Status::Izin),
            (&["TB", "Tugas Belajar"], Status::Tb),
        ];
        for (words, status) in table {
            for w in words {
                assert_eq!(Status::parse(w), Some(status), "{w}");
                assert_eq!(Status::parse(&w.to_lowercase()), Some(status), "{w}");
            }
        }
    }

    #[test]
    fn categories() {
        assert_eq!(Status::Piket.category(), StatusCategory::Office);
        assert!(Status::Piket.is_office() && !Status::Piket.is_other());
        assert_eq!(Status::Tl.category(), StatusCategory::Duty);
        assert!(Status::Tl.is_other());
        assert_eq!(Status::Wfa.category(), StatusCategory::Anywhere);
        assert!(!Status::Wfa.is_other() && !Status::Wfa.is_office());
        assert_eq!(Status::Sakit.category(), StatusCategory::Leave);
        assert_eq!(Status::Tb.category(), StatusCategory::Study);
    }

    #[test]
    fn unknown_and_blank_are_not_statuses() {
        assert_eq!(Status::parse("libur"), None);
        assert_eq!(Status::parse(""), None);
        assert_eq!(Status::parse("WFO/WFA"), None);
        assert_eq!(Status::parse("CX"), None);
        assert_eq!(Status::parse(&"W".repeat(100)), None);
        assert!(Status::is_blank(" - "));
        assert!(Status::is_blank(""));
        assert!(!Status::is_blank("WFO"));
    }

    #[test]
    fn decorated_statuses_read_when_every_part_agrees() {
        let v = Vocabulary::default();
        for (text, status) in [
            ("Wfa (Rumah)", Some(Status::Wfa)),
            ("WFA*", Some(Status::Wfa)),
            ("Wfo/Kantor", Some(Status::Wfo)),
            ("WFO - Kantor", Some(Status::Wfo)),
            ("WFA.", Some(Status::Wfa)),
            ("(WFO)", Some(Status::Wfo)),
            ("WFO/WFA", None),
            ("WFA (sampai jam 12)", None),
            ("Libur", None),
            ("*", None),
            ("( )", None),
            ("-", None),
        ] {
            assert_eq!(v.parse_decorated(text), status, "{text}");
        }
        assert!(is_day_off_word("Libur"));
        assert!(is_day_off_word("cuti bersama"));
        assert!(is_day_off_word("Tanggal Merah"));
        assert!(!is_day_off_word("WFO"));
        // A policy's own word with a slash is still read whole.
        let own = Vocabulary::new(&[StatusSynonym::new("WFO/WFA", Status::Wfo)]);
        assert_eq!(own.parse_decorated("wfo/wfa"), Some(Status::Wfo));
    }

    #[test]
    fn every_code_round_trips() {
        for s in Status::ALL {
            assert_eq!(Status::parse(s.code()), Some(s));
        }
    }

    #[test]
    fn a_policys_own_words_come_first() {
        let v = Vocabulary::new(&[
            StatusSynonym::new("Luring", Status::Wfo),
            StatusSynonym::new("Daring", Status::Wfa),
            StatusSynonym::new("WFO/WFA", Status::Wfo),
            StatusSynonym::new("luring", Status::Wfa), // the first mapping wins
            StatusSynonym::new("  ", Status::Wfa),     // empty: ignored
        ]);
        assert_eq!(v.parse(" l u r i n g "), Some(Status::Wfo));
        assert_eq!(v.parse("DARING"), Some(Status::Wfa));
        assert_eq!(v.parse("wfo/wfa"), Some(Status::Wfo));
        assert_eq!(v.parse("Piket"), Some(Status::Piket));
        assert_eq!(v.parse("libur"), None);
        assert_eq!(v.own_words().len(), 3);
        assert!(v.describe().contains("Luring = WFO"), "{}", v.describe());
        assert_eq!(Vocabulary::default().parse("wfh"), Some(Status::Wfa));
        assert_eq!(Status::parse("Luring"), None);
    }

    #[test]
    fn synonyms_in_toml_take_codes_in_any_case() {
        #[derive(Deserialize, Serialize)]
        struct W {
            s: Vec<StatusSynonym>,
        }
        let w: W = toml::from_str("s = [{ text = \"Luring\", status = \"wfo\" }, { text = \"Siaga\", status = \"Piket\" }]").unwrap();
        assert_eq!(w.s[0].status, Status::Wfo);
        assert_eq!(w.s[1].status, Status::Piket);
        let text = toml::to_string(&w).unwrap();
        assert!(text.contains("status = \"PIKET\""), "{text}");
        let err = toml::from_str::<W>("s = [{ text = \"x\", status = \"libur\" }]")
            .err()
            .unwrap()
            .to_string();
        assert!(err.contains("status 'libur' tidak dikenal"), "{err}");
    }
}
