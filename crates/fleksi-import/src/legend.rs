//! The legend an OPD writes under or beside its schedule ("Keterangan: K = Kerja di kantor,
//! R = Kerja dari rumah"): the workbook's own short codes, read as statuses so that a
//! schedule written in them is read instead of failing cell by cell. Nothing is guessed: a
//! code is taken only when its meaning names exactly one status (or a day off: "L = Libur"),
//! never against a word the policy or the built-in list already knows, and a code given two
//! meanings is dropped.

use crate::cells;
use crate::workbook::Sheet;
use calamine::Data;
use fleksi_core::finding::a1;
use fleksi_core::status::is_day_off_word;
use fleksi_core::{Policy, Status, StatusSynonym, Vocabulary};
use std::collections::HashMap;

/// Longest cell text looked at (a legend line, or a few of them in one cell).
const MAX_TEXT: usize = 400;
/// Longest code (`K`, `R`, `WK`, `KTR`, `RMH1`).
const MAX_CODE: usize = 4;
/// How far below a "Keterangan" heading a code-and-meaning row may be.
const ROWS_UNDER_HEADING: u32 = 12;

/// The statuses a workbook accepts: the policy's vocabulary plus its legend's codes.
#[derive(Debug, Clone)]
pub struct Legend {
    pub vocabulary: Vocabulary,
    /// The codes taken from the legend, with their status, in order of appearance.
    pub words: Vec<StatusSynonym>,
    /// Codes the legend gives as a day off ("L = Libur"), as compared (see [`key`]).
    pub days_off: Vec<String>,
    /// The keys of `words` (as compared), parallel to it.
    word_keys: Vec<String>,
    /// Where each code was defined (sheet, A1 cell), in order.
    pub cells: Vec<(String, String)>,
}

/// What a legend line says a code means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Meaning {
    Status(Status),
    DayOff,
}

/// One legend line: a code and its meaning.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Line {
    code: String,
    meaning: Meaning,
}

/// A code as compared with cells (as the vocabulary compares: case, spaces, dots ignored).
fn key(text: &str) -> Option<String> {
    StatusSynonym::new(text, Status::Wfo).key()
}

impl Legend {
    /// The policy's words alone.
    pub fn none(policy: &Policy) -> Legend {
        Legend {
            vocabulary: policy.vocabulary(),
            words: Vec::new(),
            days_off: Vec::new(),
            word_keys: Vec::new(),
            cells: Vec::new(),
        }
    }

    /// Whether the legend gave any code a meaning.
    pub fn has_codes(&self) -> bool {
        !self.cells.is_empty()
    }

    /// Reads the legends of every sheet of a workbook on top of the policy's vocabulary.
    pub fn of(sheets: &[Sheet], policy: &Policy) -> Legend {
        let mut legend = Legend::none(policy);
        let mut found: Vec<(Line, (String, String))> = Vec::new();
        for sheet in sheets {
            let entries = sheet_entries(sheet, &legend.vocabulary);
            found.extend(
                entries
                    .into_iter()
                    .map(|(w, cell)| (w, (sheet.name.clone(), cell))),
            );
        }
        let mut meanings: HashMap<String, Option<Meaning>> = HashMap::new();
        for (line, _) in &found {
            if let Some(k) = key(&line.code) {
                let m = meanings.entry(k).or_insert(Some(line.meaning));
                if *m != Some(line.meaning) {
                    *m = None;
                }
            }
        }
        for (line, cell) in found {
            let Some(k) = key(&line.code) else { continue };
            match meanings.remove(&k).flatten() {
                Some(Meaning::Status(s)) => {
                    legend.words.push(StatusSynonym::new(&line.code, s));
                    legend.word_keys.push(k);
                }
                Some(Meaning::DayOff) => legend.days_off.push(k),
                None => continue,
            }
            legend.cells.push(cell);
        }
        legend.vocabulary = legend.vocabulary.with_words(&legend.words);
        legend
    }

    /// True when `text` (a status cell as written) is one of the legend's codes.
    pub fn uses(&self, text: &str) -> bool {
        if self.cells.is_empty() || text.chars().count() > MAX_CODE {
            return false;
        }
        key(text).is_some_and(|k| self.days_off.contains(&k) || self.word_keys.contains(&k))
    }

    /// True when the legend gives `text` as a day off ("L = Libur").
    pub fn is_day_off(&self, text: &str) -> bool {
        !self.days_off.is_empty() && key(text).is_some_and(|k| self.days_off.contains(&k))
    }

    /// How the file was read, for the result line of its sheet `sheet`: "kode dari
    /// keterangan di A11, A12 dibaca: K = WFO, R = WFA" (cells of another sheet named with
    /// it: "lembar 'Keterangan' A2").
    pub fn note(&self, sheet: &str) -> Option<String> {
        if self.words.is_empty() && self.days_off.is_empty() {
            return None;
        }
        // Cells grouped by sheet, in order: "A10, A11" or "lembar 'Keterangan' A2, A3".
        let mut by_sheet: Vec<(&str, Vec<&str>)> = Vec::new();
        for (name, cell) in &self.cells {
            match by_sheet.iter_mut().find(|(n, _)| n == name) {
                Some((_, cells)) if !cells.contains(&cell.as_str()) => cells.push(cell),
                Some(_) => {}
                None => by_sheet.push((name, vec![cell])),
            }
        }
        let places: Vec<String> = by_sheet
            .iter()
            .map(|(name, cells)| {
                if *name == sheet {
                    cells.join(", ")
                } else {
                    format!("lembar '{name}' {}", cells.join(", "))
                }
            })
            .collect();
        let codes: Vec<String> = self
            .words
            .iter()
            .map(|w| format!("{} = {}", w.text, w.status.code()))
            .chain(self.days_off.iter().map(|k| format!("{k} = libur")))
            .collect();
        Some(format!(
            "kode dari keterangan di {} dibaca: {}",
            places.join(", "),
            codes.join(", ")
        ))
    }
}

/// The (code, status) lines of one sheet's legend, with their cells.
fn sheet_entries(sheet: &Sheet, vocabulary: &Vocabulary) -> Vec<(Line, String)> {
    let mut out = Vec::new();
    let Some(((r0, c0), (_, c1))) = sheet.bounds() else {
        return stray_entries(sheet, vocabulary);
    };
    let text = |row: u32, col: u32| -> Option<&str> {
        match sheet.cell(row, col) {
            Data::String(s) if !s.trim().is_empty() && s.len() <= MAX_TEXT => Some(s.trim()),
            _ => None,
        }
    };
    let mut headings: Vec<(u32, u32)> = Vec::new();
    for (r, c, d) in sheet.range.used_cells() {
        let (row, col) = (r0 + r as u32, c0 + c as u32);
        let Data::String(s) = d else { continue };
        if s.len() > MAX_TEXT {
            continue;
        }
        let s = s.trim();
        if is_heading(s) {
            headings.push((row, col));
            continue;
        }
        // One cell: "K = Kerja di kantor", "Ket: K = Kantor; R = Rumah".
        if has_separator(s) {
            let lines = in_one_cell(s, vocabulary);
            if !lines.is_empty() {
                out.extend(lines.into_iter().map(|w| (w, a1(col, row))));
                continue;
            }
        }
        // A word is no code; a status cell (`WFO`) is one, refused by `entry` only when its
        // row reads like a legend (most cells stop at the next cell's first character).
        if !is_code(s) {
            continue;
        }
        // Cells of one row: "K" "=" "Kantor", "K" "= Kantor", or under a heading "K" "Kantor".
        let mut rest = (col + 1..=c1.min(col + 3)).filter_map(|c| text(row, c));
        let Some(next) = rest.next() else { continue };
        let meaning = match separated(next) {
            Some("") => rest.next(),
            Some(m) => Some(m),
            None if under_heading(&headings, row, col) && row_cells(sheet, row, c0, c1) == 2 => {
                Some(next)
            }
            None => None,
        };
        if let Some(w) = meaning.and_then(|m| entry(s, m, vocabulary)) {
            out.push((w, a1(col, row)));
        }
    }
    out.extend(stray_entries(sheet, vocabulary));
    out
}

/// Legend lines in cells set aside far from the table.
fn stray_entries(sheet: &Sheet, vocabulary: &Vocabulary) -> Vec<(Line, String)> {
    sheet
        .stray
        .iter()
        .filter(|s| s.text.len() <= MAX_TEXT)
        .flat_map(|s| {
            in_one_cell(s.text.trim(), vocabulary)
                .into_iter()
                .map(|w| (w, s.cell.clone()))
        })
        .collect()
}

fn row_cells(sheet: &Sheet, row: u32, c0: u32, c1: u32) -> usize {
    (c0..=c1)
        .filter(|&c| !cells::text(sheet.cell(row, c)).trim().is_empty())
        .count()
}

fn under_heading(headings: &[(u32, u32)], row: u32, col: u32) -> bool {
    headings
        .iter()
        .any(|&(hr, hc)| hr < row && row - hr <= ROWS_UNDER_HEADING && hc.abs_diff(col) <= 1)
}

/// "Keterangan", "Ket.", "Keterangan kode :", "Legenda", "Kode".
fn is_heading(text: &str) -> bool {
    // Most cells are told apart by their length and first letter, without a key.
    if text.len() > 24 || !text.starts_with(['K', 'k', 'L', 'l']) {
        return false;
    }
    let k = cells::key(text.trim_end_matches(':'));
    matches!(
        k.as_str(),
        "KETERANGAN" | "KET" | "KETERANGAN KODE" | "KODE" | "LEGENDA" | "KETERANGAN STATUS"
    )
}

/// A code as written in a schedule: one to four capital letters or digits, starting with a
/// letter (`K`, `R`, `KTR`; not a word such as `Staf`).
pub fn is_code(text: &str) -> bool {
    let n = text.chars().count();
    (1..=MAX_CODE).contains(&n)
        && text.chars().next().is_some_and(char::is_alphabetic)
        && text
            .chars()
            .all(|c| c.is_alphanumeric() && !c.is_lowercase())
}

/// Whether `text` holds one of the [`SEPARATORS`] (a byte scan: `→`, `–` and `—` start with
/// 0xE2 in UTF-8).
fn has_separator(text: &str) -> bool {
    text.bytes().any(|b| matches!(b, b'=' | b':' | b'-' | 0xE2))
}

/// The text after a leading separator (`= Kantor` → `Kantor`, `=` → ``), `None` without one.
fn separated(text: &str) -> Option<&str> {
    let t = text.trim();
    let first = t.chars().next()?;
    SEPARATORS
        .contains(&first)
        .then(|| t[first.len_utf8()..].trim())
}

const SEPARATORS: [char; 6] = ['=', ':', '→', '–', '—', '-'];

/// The legend lines of one cell: segments split at `;`, `,`, line ends and `|`, each
/// `CODE sep meaning` (a leading "Keterangan:" dropped).
fn in_one_cell(text: &str, vocabulary: &Vocabulary) -> Vec<Line> {
    let mut out = Vec::new();
    for (i, segment) in text.split([';', ',', '\n', '|']).enumerate() {
        let mut seg = segment.trim();
        if i == 0 {
            if let Some((head, rest)) = seg.split_once(':') {
                if is_heading(head) {
                    seg = rest.trim();
                }
            }
        }
        let seg = without_bullet(seg);
        let Some((at, sep)) = seg.char_indices().find(|(_, c)| SEPARATORS.contains(c)) else {
            continue;
        };
        // "Keterangan (K = Kantor, R = Rumah)": the code after the bracket, the meaning
        // without the closing one.
        let code = seg[..at].rsplit('(').next().unwrap_or_default().trim();
        let mut meaning = seg[at + sep.len_utf8()..].trim();
        if meaning.ends_with(')') && !meaning.contains('(') {
            meaning = meaning[..meaning.len() - 1].trim_end();
        }
        if !is_code(code) {
            continue;
        }
        if let Some(w) = entry(code, meaning, vocabulary) {
            out.push(w);
        }
    }
    out
}

/// A legend line without its bullet or number: "- K = Kantor", "• K", "1. K", "b) K".
fn without_bullet(line: &str) -> &str {
    let line = line
        .trim_start_matches(['-', '*', '•', '·', '–', '—', '>'])
        .trim_start();
    let marker = line
        .char_indices()
        .take_while(|(_, c)| c.is_ascii_digit() || c.is_ascii_lowercase())
        .last()
        .map(|(i, c)| i + c.len_utf8());
    match marker {
        // One letter or up to two digits, then `.` or `)`: a list marker.
        Some(end) if end <= 2 && line[end..].starts_with(['.', ')']) => {
            line[end + 1..].trim_start()
        }
        _ => line,
    }
}

/// `code` as the status its `meaning` names, when the code is new to the vocabulary.
fn entry(code: &str, meaning: &str, vocabulary: &Vocabulary) -> Option<Line> {
    if vocabulary.parse(code).is_some() || is_day_off_word(code) {
        // Known already (`WFO = Work From Office`, `C = Cuti`): nothing to learn.
        return None;
    }
    let meaning = if is_day_off_meaning(meaning) {
        Meaning::DayOff
    } else {
        Meaning::Status(meaning_status(meaning, vocabulary)?)
    };
    Some(Line {
        code: code.to_string(),
        meaning,
    })
}

/// "Libur", "Hari libur nasional", "Cuti bersama", "Tanggal merah".
fn is_day_off_meaning(meaning: &str) -> bool {
    if is_day_off_word(meaning) {
        return true;
    }
    let upper = meaning.to_uppercase();
    let words: Vec<&str> = upper
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.contains(&"LIBUR")
        || words
            .windows(2)
            .any(|w| is_day_off_word(&format!("{} {}", w[0], w[1])))
}

/// Phrases of a meaning that name a status beyond the status words themselves.
const PHRASES: [(&str, Status); 9] = [
    ("LUARKANTOR", Status::Wfa),
    ("MANASAJA", Status::Wfa),
    ("MANAPUN", Status::Wfa),
    ("JARAKJAUH", Status::Wfa),
    ("DINASLUARKANTOR", Status::Dl),
    ("DINASLUARDAERAH", Status::Dl),
    ("PERJALANANDINAS", Status::Dl),
    ("TUGASLUARKANTOR", Status::Tl),
    ("DIKANTOR", Status::Wfo),
];

/// Words that turn a meaning around ("tidak di kantor"): such a meaning names nothing.
const NEGATIONS: [&str; 4] = ["TIDAK", "BUKAN", "NON", "TANPA"];

/// The one status a legend meaning names ("Kerja di kantor (WFO)" → WFO, "Kerja dari
/// rumah" → WFA, "Dinas Luar" → DL); `None` when it names none or several.
pub fn meaning_status(meaning: &str, vocabulary: &Vocabulary) -> Option<Status> {
    // A meaning of one or two letters ("S", "I") is no explanation.
    let letters = meaning.chars().filter(|c| c.is_alphanumeric()).count();
    if letters <= 2 {
        return None;
    }
    if let Some(s) = vocabulary.parse_decorated(meaning) {
        return Some(s);
    }
    let upper: Vec<String> = meaning
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_uppercase)
        .collect();
    if upper.iter().any(|w| NEGATIONS.contains(&w.as_str())) {
        return None;
    }
    let mut found: Option<Status> = None;
    let mut i = 0;
    while i < upper.len() {
        let mut step = 1;
        for n in (1..=3.min(upper.len() - i)).rev() {
            let phrase = upper[i..i + n].concat();
            // A word of one or two letters ("di", "S", "I") names nothing here.
            if n == 1 && phrase.chars().count() <= 2 {
                continue;
            }
            let status = PHRASES
                .iter()
                .find(|(p, _)| *p == phrase)
                .map(|(_, s)| *s)
                .or_else(|| vocabulary.parse(&phrase));
            if let Some(s) = status {
                if found.is_some_and(|f| f != s) {
                    return None;
                }
                found = Some(s);
                step = n;
                break;
            }
        }
        i += step;
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v() -> Vocabulary {
        Vocabulary::default()
    }

    fn lines(found: &[Line]) -> Vec<(&str, Meaning)> {
        found.iter().map(|l| (l.code.as_str(), l.meaning)).collect()
    }

    #[test]
    fn meanings_name_one_status() {
        let cases = [
            ("Kerja di kantor (WFO)", Some(Status::Wfo)),
            ("Kerja dari rumah", Some(Status::Wfa)),
            ("Bekerja di luar kantor", Some(Status::Wfa)),
            ("Work From Anywhere", Some(Status::Wfa)),
            ("Dinas Luar", Some(Status::Dl)),
            ("Dinas luar kantor", Some(Status::Dl)),
            ("Cuti tahunan", Some(Status::Cuti)),
            ("WFA", Some(Status::Wfa)),
            ("Tidak di kantor", None),
            ("Kantor atau rumah", None),
            ("Kerja", None),
            ("S", None),
            ("Spain (S)", None),
            ("I am here", None),
            ("di sini", None),
        ];
        for (meaning, want) in cases {
            assert_eq!(meaning_status(meaning, &v()), want, "{meaning}");
        }
    }

    #[test]
    fn one_cell_lines() {
        use fleksi_core::Status::{Dl, Wfa, Wfo};
        use Meaning::{DayOff, Status};
        let words = in_one_cell(
            "Keterangan: K = Kerja di kantor; R : Kerja dari rumah",
            &v(),
        );
        assert_eq!(lines(&words), [("K", Status(Wfo)), ("R", Status(Wfa))]);
        let off = in_one_cell(
            "L = Libur; CB2 = Cuti bersama; X = Hari libur nasional",
            &v(),
        );
        assert_eq!(lines(&off), [("L", DayOff), ("CB2", DayOff), ("X", DayOff)]);
        let heading = in_one_cell("Keterangan (K = Kantor, R = Rumah)", &v());
        assert_eq!(lines(&heading), [("K", Status(Wfo)), ("R", Status(Wfa))]);
        let listed = in_one_cell("- K : Kerja di kantor\n- R : Kerja dari rumah", &v());
        assert_eq!(listed.len(), 2, "bullets");
        let numbered = in_one_cell("1. K = Kantor; 2) R = Rumah; a. DK = Dinas luar", &v());
        assert_eq!(
            lines(&numbered),
            [("K", Status(Wfo)), ("R", Status(Wfa)), ("DK", Status(Dl))]
        );
        // Known codes teach nothing; decorated statuses are not legends.
        assert!(in_one_cell("WFO = Work From Office", &v()).is_empty());
        assert!(in_one_cell("WFO - Kantor", &v()).is_empty());
        assert!(in_one_cell("Catatan: rapat jam 9", &v()).is_empty());
    }

    #[test]
    fn codes_are_short() {
        assert!(is_code("K") && is_code("KTR") && is_code("R1"));
        assert!(!is_code("Kantor") && !is_code("1") && !is_code("K R") && !is_code(""));
        assert!(!is_code("Staf") && !is_code("k"));
    }
}
