//! Checking a policy the way an editor needs it: every problem at once, each naming its TOML
//! field (`caps[2].percent`, `end`, `schemes[1].unit`) and, when read from TOML, its line;
//! unit codes the master does not know; and why a lampiran printed from the policy is still
//! a draft (placeholders and assumptions in printed fields).

use crate::master::Master;
use crate::policy::{Policy, PolicyError, PolicyProblem, UnitMatcher, WeekdayCap, PLACEHOLDER};
use crate::{fmt_id, status::StatusSynonym};
use chrono::{NaiveDate, Weekday};
use std::collections::{HashMap, HashSet};

/// The longest period a policy may cover, in days (one year; a standing policy is renewed
/// per year, and the holiday calendar is shipped per year).
pub const MAX_PERIOD_DAYS: i64 = 366;

/// The fields printed on the lampiran: (TOML path, Indonesian label). An assumption about one
/// of them keeps the lampiran a draft.
pub const PRINTED_FIELDS: [(&str, &str); 13] = [
    ("kind", "jenis naskah"),
    ("issuer", "instansi"),
    ("issuer_title", "jabatan penerbit"),
    ("place", "tempat penetapan"),
    ("number", "nomor"),
    ("date", "tanggal surat"),
    ("subject", "tentang"),
    ("start", "tanggal awal"),
    ("end", "tanggal akhir"),
    ("signatory.position", "jabatan penanda tangan"),
    ("signatory.name", "nama penanda tangan"),
    ("signatory.rank", "pangkat penanda tangan"),
    ("signatory.nip", "NIP penanda tangan"),
];

fn dmy(d: NaiveDate) -> String {
    d.format("%d-%m-%Y").to_string()
}

/// ` (baris 3)` or nothing.
pub(crate) fn on_line(line: Option<u32>) -> String {
    line.map(|l| format!(" (baris {l})")).unwrap_or_default()
}

/// The problems in one line, `; `-separated.
pub(crate) fn join(problems: &[PolicyProblem]) -> String {
    problems
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

/// The 1-based line of a byte offset.
fn line_of(text: &str, offset: usize) -> u32 {
    let end = offset.min(text.len());
    let end = (0..=end)
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    text[..end].bytes().filter(|&b| b == b'\n').count() as u32 + 1
}

/// The name between the first pair of backticks: ``missing field `number` `` → `number`.
fn quoted(message: &str) -> Option<&str> {
    let start = message.find('`')? + 1;
    let len = message[start..].find('`')?;
    Some(&message[start..start + len])
}

/// A TOML (syntax or serde) error as a [`PolicyError::Toml`] naming the line and, when it
/// can be told, the field; serde's common English messages in Indonesian.
pub(crate) fn toml_error(text: &str, e: &toml::de::Error) -> PolicyError {
    let line = e.span().map(|s| line_of(text, s.start));
    let raw = e.message().trim();
    let (field, message) = if let Some(rest) = raw.strip_prefix("missing field ") {
        let f = quoted(rest).map(str::to_string);
        let name = f.clone().unwrap_or_else(|| rest.to_string());
        (f, format!("kolom `{name}` wajib ada tetapi tidak tertulis"))
    } else if let Some(rest) = raw.strip_prefix("unknown field ") {
        let f = quoted(rest).map(str::to_string);
        let name = f.clone().unwrap_or_else(|| rest.to_string());
        (
            f,
            format!("kolom `{name}` tidak dikenal (salah ketik nama kolom?)"),
        )
    } else if let Some(rest) = raw.strip_prefix("duplicate key ") {
        let f = quoted(rest).map(str::to_string);
        (f, format!("kolom tertulis dua kali: {rest}"))
    } else {
        // The key written on the error's line, when the line is `key = value`.
        let f = line.and_then(|l| {
            let text_line = text.lines().nth(l as usize - 1)?;
            let (key, _) = text_line.split_once('=')?;
            let key = key.trim();
            (!key.is_empty()
                && key
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.'))
            .then(|| key.to_string())
        });
        (f, raw.to_string())
    };
    PolicyError::Toml {
        line,
        field,
        message,
    }
}

/// Fills each problem's line from where its field is written in `text` (nothing when the
/// field is not written, e.g. a default).
pub(crate) fn locate(text: &str, problems: &mut [PolicyProblem]) {
    let Ok(root) = toml::de::DeTable::parse(text) else {
        return;
    };
    let root = toml::de::DeValue::Table(root.into_inner());
    for p in problems.iter_mut() {
        if p.line.is_some() || p.field.is_empty() {
            continue;
        }
        let mut at: Option<&toml::de::DeValue> = Some(&root);
        let mut span = None;
        for seg in p.field.split('.') {
            let (name, index) = match seg.split_once('[') {
                Some((n, rest)) => (n, rest.trim_end_matches(']').parse::<usize>().ok()),
                None => (seg, None),
            };
            let Some(node) = at.and_then(|v| v.get(name)) else {
                break;
            };
            span = Some(node.span());
            let mut node = node;
            if let Some(i) = index {
                match node.get_ref().get(i) {
                    Some(n) => {
                        span = Some(n.span());
                        node = n;
                    }
                    None => {
                        at = None;
                        continue;
                    }
                }
            }
            at = Some(node.get_ref());
        }
        p.line = span.map(|s| line_of(text, s.start));
    }
}

/// Problems of a list of caps: percent over 100, a weekday twice.
fn caps_problems(field: &str, caps: &[WeekdayCap], out: &mut Vec<PolicyProblem>) {
    let mut seen: HashMap<Weekday, usize> = HashMap::new();
    for (i, c) in caps.iter().enumerate() {
        if c.percent > 100 {
            out.push(PolicyProblem::new(
                format!("{field}[{i}].percent"),
                format!("batas {} % melebihi 100 %", c.percent),
            ));
        }
        if let Some(first) = seen.insert(c.weekday, i) {
            seen.insert(c.weekday, first);
            out.push(PolicyProblem::new(
                format!("{field}[{i}].weekday"),
                format!(
                    "hari {} sudah diberi batas pada {field}[{first}]",
                    fmt_id::weekday_name(c.weekday)
                ),
            ));
        }
    }
}

impl Policy {
    /// Every problem serde cannot see, each naming its TOML field: required texts, the
    /// period (order, at most [`MAX_PERIOD_DAYS`]), working weekdays, caps (0–100, one per
    /// weekday), the weekly limit, extra days off inside the period, schemes (a code, once
    /// each, caps, `piket_min` ≥ 1, not empty), status synonyms (a text, one status each),
    /// exempt entries and positions not empty. Empty when the policy can be used.
    pub fn problems(&self) -> Vec<PolicyProblem> {
        let mut out = Vec::new();
        for (field, label, value) in [
            ("id", "kode kebijakan", &self.id),
            ("issuer", "nama instansi", &self.issuer),
            ("issuer_title", "jabatan penerbit", &self.issuer_title),
            ("number", "nomor surat", &self.number),
            ("subject", "perihal (tentang)", &self.subject),
        ] {
            if value.trim().is_empty() {
                out.push(PolicyProblem::new(field, format!("{label} kosong")));
            }
        }
        if self.start > self.end {
            out.push(PolicyProblem::new(
                "end",
                format!(
                    "tanggal akhir {} sebelum tanggal awal {}",
                    dmy(self.end),
                    dmy(self.start)
                ),
            ));
        } else {
            let days = (self.end - self.start).num_days() + 1;
            if days > MAX_PERIOD_DAYS {
                out.push(PolicyProblem::new(
                    "end",
                    format!(
                        "masa berlaku {days} hari ({} s.d. {}) lebih dari satu tahun; buat \
                         kebijakan terpisah untuk tiap tahun",
                        dmy(self.start),
                        dmy(self.end)
                    ),
                ));
            }
        }
        if self.working_weekdays.is_empty() {
            out.push(PolicyProblem::new(
                "working_weekdays",
                "hari kerja kosong; isi paling sedikit satu hari (mis. Senin–Jumat)",
            ));
        }
        let mut seen = HashSet::new();
        for (i, w) in self.working_weekdays.iter().enumerate() {
            if !seen.insert(*w) {
                out.push(PolicyProblem::new(
                    format!("working_weekdays[{i}]"),
                    format!("hari {} tertulis dua kali", fmt_id::weekday_name(*w)),
                ));
            }
        }
        caps_problems("caps", &self.caps, &mut out);
        if self.weekly_wfa_limit == Some(0) {
            out.push(PolicyProblem::new(
                "weekly_wfa_limit",
                "batas WFA per minggu 0 hari; isi paling sedikit 1 atau hapus batas ini",
            ));
        }
        for (i, d) in self.extra_days_off.iter().enumerate() {
            if *d < self.start || *d > self.end {
                out.push(PolicyProblem::new(
                    format!("extra_days_off[{i}]"),
                    format!(
                        "tanggal {} di luar masa berlaku ({} s.d. {})",
                        dmy(*d),
                        dmy(self.start),
                        dmy(self.end)
                    ),
                ));
            }
        }
        let mut units: HashMap<String, usize> = HashMap::new();
        for (i, s) in self.schemes.iter().enumerate() {
            let code = s.unit.trim();
            if code.is_empty() {
                out.push(PolicyProblem::new(
                    format!("schemes[{i}].unit"),
                    "kode unit kosong",
                ));
            } else if let Some(first) = units.get(&code.to_uppercase()) {
                out.push(PolicyProblem::new(
                    format!("schemes[{i}].unit"),
                    format!("unit {code} muncul dua kali (juga pada schemes[{first}])"),
                ));
            } else {
                units.insert(code.to_uppercase(), i);
            }
            caps_problems(&format!("schemes[{i}].caps"), &s.caps, &mut out);
            match s.piket_min {
                Some(0) => out.push(PolicyProblem::new(
                    format!("schemes[{i}].piket_min"),
                    "jumlah piket minimal 0; isi paling sedikit 1 orang atau hapus",
                )),
                None if s.caps.is_empty() => out.push(PolicyProblem::new(
                    format!("schemes[{i}]"),
                    format!(
                        "skema unit {code} tidak berisi batas WFA per hari maupun jumlah piket \
                         minimal"
                    ),
                )),
                _ => {}
            }
        }
        let mut words: HashMap<String, (usize, &StatusSynonym)> = HashMap::new();
        for (i, syn) in self.status_synonyms.iter().enumerate() {
            let Some(key) = syn.key() else {
                out.push(PolicyProblem::new(
                    format!("status_synonyms[{i}].text"),
                    "istilah kosong",
                ));
                continue;
            };
            match words.get(&key) {
                Some((first, earlier)) => out.push(PolicyProblem::new(
                    format!("status_synonyms[{i}].text"),
                    format!(
                        "istilah '{}' sudah dipetakan ke {} pada status_synonyms[{first}]",
                        syn.text.trim(),
                        earlier.status.code()
                    ),
                )),
                None => {
                    words.insert(key, (i, syn));
                }
            }
        }
        for (i, m) in self.exempt.iter().enumerate() {
            let value = match m {
                UnitMatcher::Code(v)
                | UnitMatcher::Name(v)
                | UnitMatcher::Abbreviation(v)
                | UnitMatcher::Word(v) => v,
            };
            if value.trim().is_empty() {
                out.push(PolicyProblem::new(
                    format!("exempt[{i}].value"),
                    "isi pengecualian kosong",
                ));
            }
        }
        for (i, p) in self.exempt_positions.iter().enumerate() {
            if p.trim().is_empty() {
                out.push(PolicyProblem::new(
                    format!("exempt_positions[{i}]"),
                    "jabatan kosong",
                ));
            }
        }
        out
    }

    /// Unit codes the policy names that the master does not know: exempt entries by code
    /// and scheme units. (Names, abbreviations and words are matched loosely and may
    /// rightly match nothing in a given regency.)
    pub fn check_units(&self, master: &Master) -> Vec<PolicyProblem> {
        let known: HashSet<String> = master
            .units
            .iter()
            .map(|u| u.code.trim().to_uppercase())
            .collect();
        let mut out = Vec::new();
        for (i, m) in self.exempt.iter().enumerate() {
            if let UnitMatcher::Code(code) = m {
                if !code.trim().is_empty() && !known.contains(&code.trim().to_uppercase()) {
                    out.push(PolicyProblem::new(
                        format!("exempt[{i}].value"),
                        format!(
                            "unit {} pada daftar pengecualian tidak ada dalam data pegawai",
                            code.trim()
                        ),
                    ));
                }
            }
        }
        for (i, s) in self.schemes.iter().enumerate() {
            let code = s.unit.trim();
            if !code.is_empty() && !known.contains(&code.to_uppercase()) {
                out.push(PolicyProblem::new(
                    format!("schemes[{i}].unit"),
                    format!("unit {code} pada skema per unit tidak ada dalam data pegawai"),
                ));
            }
        }
        out
    }

    /// Why a lampiran printed from this policy is still a draft (KONSEP), in Indonesian:
    /// each printed field holding a `[ISI: …]` placeholder (`nama penanda tangan belum
    /// diisi`), then each printed field named by an entry of `assumptions` (`tanggal surat
    /// berupa asumsi: …`). Empty when the lampiran can be final.
    pub fn draft_reasons(&self) -> Vec<String> {
        let placeholders = self.placeholders();
        let mut out: Vec<String> = placeholders
            .iter()
            .map(|label| format!("{label} belum diisi"))
            .collect();
        // Printed fields not covered by `placeholders()`.
        for (label, value) in [
            ("jabatan penerbit", &self.issuer_title),
            ("tempat penetapan", &self.place),
            ("instansi", &self.issuer),
        ] {
            if value.contains(PLACEHOLDER) {
                out.push(format!("{label} belum diisi"));
            }
        }
        let mut named: HashSet<&str> = HashSet::new();
        for a in &self.assumptions {
            let Some((head, rest)) = a.split_once(':') else {
                continue;
            };
            let head = head.trim();
            let Some(&(_, label)) = PRINTED_FIELDS
                .iter()
                .find(|(f, l)| head.eq_ignore_ascii_case(f) || head.eq_ignore_ascii_case(l))
            else {
                continue;
            };
            if placeholders.contains(&label) || !named.insert(label) {
                continue;
            }
            let rest = rest.trim();
            if rest.is_empty() {
                out.push(format!("{label} berupa asumsi, belum dipastikan"));
            } else {
                out.push(format!("{label} berupa asumsi, belum dipastikan: {rest}"));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::master::Unit;
    use crate::policy::{Approver, CapBasis, UnitScheme};
    use crate::presets;
    use crate::status::Status;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn fields(problems: &[PolicyProblem]) -> Vec<&str> {
        problems.iter().map(|p| p.field.as_str()).collect()
    }

    fn lebak() -> Policy {
        presets::by_id("lebak-2025-12").unwrap()
    }

    #[test]
    fn presets_have_no_problems() {
        for p in presets::all() {
            assert_eq!(p.problems(), vec![], "{}", p.id);
        }
    }

    #[test]
    fn every_problem_names_its_field() {
        let mut p = lebak();
        p.start = d(2026, 6, 2);
        p.end = d(2026, 6, 1);
        p.caps[2].percent = 120;
        p.caps.push(WeekdayCap {
            weekday: Weekday::Mon,
            percent: 10,
        });
        p.number = " ".into();
        p.weekly_wfa_limit = Some(0);
        p.schemes = vec![
            UnitScheme {
                unit: "DINKES".into(),
                caps: vec![],
                piket_min: Some(0),
            },
            UnitScheme {
                unit: "dinkes".into(),
                caps: vec![],
                piket_min: Some(2),
            },
            UnitScheme {
                unit: "BPBD".into(),
                caps: vec![],
                piket_min: None,
            },
        ];
        p.status_synonyms = vec![
            StatusSynonym::new("Luring", Status::Wfo),
            StatusSynonym::new("LURING", Status::Wfa),
            StatusSynonym::new("", Status::Wfa),
        ];
        let problems = p.problems();
        let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert!(text.contains(&"caps[2].percent: batas 120 % melebihi 100 %".to_string()));
        assert!(text.contains(
            &"end: tanggal akhir 01-06-2026 sebelum tanggal awal 02-06-2026".to_string()
        ));
        assert!(
            text.contains(&"caps[5].weekday: hari Senin sudah diberi batas pada caps[0]".into())
        );
        assert!(text.contains(&"number: nomor surat kosong".to_string()));
        assert!(text.iter().any(|t| t.starts_with("weekly_wfa_limit: ")));
        assert!(text.contains(
            &"schemes[1].unit: unit dinkes muncul dua kali (juga pada schemes[0])".to_string()
        ));
        assert!(text.iter().any(|t| t.starts_with("schemes[0].piket_min: ")));
        assert!(text
            .iter()
            .any(|t| t.starts_with("schemes[2]: skema unit BPBD")));
        assert!(text.contains(
            &"status_synonyms[1].text: istilah 'LURING' sudah dipetakan ke WFO pada \
              status_synonyms[0]"
                .to_string()
        ));
        assert!(text.contains(&"status_synonyms[2].text: istilah kosong".to_string()));
        // All at once, and `check` keeps working for older callers.
        assert_eq!(problems.len(), 10, "{text:#?}");
        match p.check() {
            Err(PolicyError::Invalid(all)) => assert_eq!(all, problems),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn period_length_weekdays_and_days_off() {
        let mut p = lebak();
        p.end = d(2027, 1, 5);
        p.working_weekdays.clear();
        p.extra_days_off = vec![d(2025, 12, 30), d(2025, 12, 1)];
        let problems = p.problems();
        assert_eq!(
            fields(&problems),
            ["end", "working_weekdays", "extra_days_off[1]"]
        );
        assert!(problems[0].message.contains("masa berlaku 373 hari"));
        let mut p = lebak();
        p.working_weekdays.push(Weekday::Tue);
        assert_eq!(fields(&p.problems()), ["working_weekdays[5]"]);
        // Exactly one year is fine.
        let mut p = lebak();
        p.start = d(2026, 1, 1);
        p.end = d(2026, 12, 31);
        p.extra_days_off.clear();
        assert!(p.problems().is_empty());
    }

    #[test]
    fn toml_problems_name_field_and_line() {
        let mut p = lebak();
        p.caps[2].percent = 120;
        p.end = d(2025, 12, 1);
        let text = p.to_toml().unwrap();
        let err = Policy::from_toml(&text).unwrap_err();
        let problems = err.problems();
        assert_eq!(fields(&problems), ["end", "caps[2].percent"]);
        for pr in &problems {
            let line = pr.line.expect("line") as usize;
            let written = text.lines().nth(line - 1).unwrap();
            let key = pr.field.rsplit('.').next().unwrap();
            assert!(written.starts_with(key), "{pr}: line {line} is {written:?}");
        }
        let shown = err.to_string();
        assert!(
            shown.starts_with("kebijakan belum sah: end: tanggal akhir 01-12-2025"),
            "{shown}"
        );
        assert!(shown.contains("caps[2].percent: batas 120 % melebihi 100 % (baris "));
    }

    #[test]
    fn toml_errors_name_the_line() {
        let text = lebak().to_toml().unwrap();
        // A wrong type on the line of `approval_required`.
        let line = text
            .lines()
            .position(|l| l.starts_with("approval_required"))
            .unwrap();
        let bad = text.replace("approval_required = false", "approval_required = \"ya\"");
        match Policy::from_toml(&bad).unwrap_err() {
            PolicyError::Toml { line: l, field, .. } => {
                assert_eq!(l, Some(line as u32 + 1));
                assert_eq!(field.as_deref(), Some("approval_required"));
            }
            other => panic!("{other:?}"),
        }
        // A misspelt field is refused, not ignored.
        let bad = text.replace("approval_required =", "aproval_required =");
        let err = Policy::from_toml(&bad).unwrap_err();
        let shown = err.to_string();
        assert!(
            shown.contains("kolom `aproval_required` tidak dikenal"),
            "{shown}"
        );
        assert!(shown.contains("(baris "), "{shown}");
        // Syntax: the line of `id = `.
        let err = Policy::from_toml("\n\nid = ").unwrap_err().to_string();
        assert!(
            err.starts_with("isi kebijakan (TOML) tidak dapat dibaca (baris 3): "),
            "{err}"
        );
    }

    #[test]
    fn old_toml_without_the_new_fields_still_loads() {
        let mut p = lebak();
        // A policy written before the new fields existed has no assumptions either.
        p.assumptions.clear();
        let text = p.to_toml().unwrap();
        let old: String = text
            .lines()
            .filter(|l| {
                ![
                    "cap_basis",
                    "schemes",
                    "status_synonyms",
                    "approver",
                    "assumptions",
                ]
                .iter()
                .any(|f| l.starts_with(f))
            })
            .collect::<Vec<_>>()
            .join("\n");
        assert!(!old.contains("cap_basis"));
        let back = Policy::from_toml(&old).unwrap();
        assert_eq!(back.cap_basis, CapBasis::PerangkatDaerah);
        assert_eq!(back.approver, Approver::AtasanLangsung);
        assert!(back.schemes.is_empty() && back.status_synonyms.is_empty());
        assert!(back.assumptions.is_empty());
    }

    #[test]
    fn new_fields_round_trip_through_toml() {
        let mut p = lebak();
        p.cap_basis = CapBasis::UnitKerja;
        p.approver = Approver::KepalaPerangkatDaerah;
        p.schemes = vec![
            UnitScheme {
                unit: "DINKES".into(),
                caps: vec![WeekdayCap {
                    weekday: Weekday::Fri,
                    percent: 25,
                }],
                piket_min: None,
            },
            UnitScheme {
                unit: "BPBD".into(),
                caps: vec![],
                piket_min: Some(3),
            },
        ];
        p.status_synonyms = vec![StatusSynonym::new("Luring", Status::Wfo)];
        p.assumptions = vec!["date: tanggal surat tidak diberitakan".into()];
        let text = p.to_toml().unwrap();
        assert!(text.contains("cap_basis = \"unit_kerja\""), "{text}");
        assert!(
            text.contains("approver = \"kepala_perangkat_daerah\""),
            "{text}"
        );
        assert!(text.contains("piket_min = 3"), "{text}");
        assert!(text.contains("status = \"WFO\""), "{text}");
        assert_eq!(Policy::from_toml(&text).unwrap(), p);
    }

    #[test]
    fn unit_codes_unknown_to_the_master() {
        let master = Master::new(
            vec![
                Unit::new("DINKES", "Dinas Kesehatan", None, None),
                Unit::new("PKM-A", "Puskesmas A", None, Some("DINKES")),
            ],
            vec![],
        );
        let mut p = lebak();
        p.exempt = vec![
            UnitMatcher::Code("dinkes".into()),
            UnitMatcher::Code("BPBD".into()),
            UnitMatcher::Word("Kelurahan".into()),
        ];
        p.schemes = vec![
            UnitScheme {
                unit: "PKM-A".into(),
                caps: vec![],
                piket_min: Some(1),
            },
            UnitScheme {
                unit: "DISHUB".into(),
                caps: vec![],
                piket_min: Some(1),
            },
        ];
        let problems = p.check_units(&master);
        let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            text,
            [
                "exempt[1].value: unit BPBD pada daftar pengecualian tidak ada dalam data \
                 pegawai",
                "schemes[1].unit: unit DISHUB pada skema per unit tidak ada dalam data pegawai"
            ]
        );
    }

    #[test]
    fn draft_reasons_list_placeholders_and_assumed_printed_fields() {
        let mut p = lebak();
        // The preset assumes its letter date and place (the report gives neither).
        assert!(!p.draft_reasons().is_empty());
        p.assumptions.clear();
        assert!(p.draft_reasons().is_empty());
        p.signatory.name = "[ISI: nama Bupati]".into();
        p.assumptions = vec![
            "date: tanggal surat tidak diberitakan, diisi 24 Desember 2025".into(),
            "Tanggal Surat: disebut dua kali".into(),
            "signatory.name: belum diketahui".into(),
            "cuti tidak dihitung dalam batas 50 %".into(),
            "leave_counts_toward_cap: tidak disebut".into(),
        ];
        assert_eq!(
            p.draft_reasons(),
            [
                "nama penanda tangan belum diisi",
                "tanggal surat berupa asumsi, belum dipastikan: tanggal surat tidak \
                 diberitakan, diisi 24 Desember 2025",
            ]
        );
        assert_eq!(p.placeholders(), ["nama penanda tangan"]);
    }
}
