//! Every preset is true to its source report (`shared/reference/seeds/*.txt`): each printed
//! field's value is written in the report, or is a `[ISI: …]` placeholder, or is named by an
//! entry of `assumptions`; each rule value (caps, exempt units, approval, weekly limit, …)
//! is backed by the report's words or by an assumption; every assumption is repeated in the
//! notes. Also: a TOML round trip and `check()` of every preset, and the cases of issue 10.
//!
//! The reports are read at test time from `../../../shared/reference/seeds/` relative to
//! this crate (the folder exists in CI; a missing folder fails with a clear message).

use chrono::{Datelike, NaiveDate};
use fleksi_core::fmt_id;
use fleksi_core::policy::PLACEHOLDER;
use fleksi_core::policy_check::PRINTED_FIELDS;
use fleksi_core::{presets, Approver, CapBasis, DocumentKind, Master, Policy, Unit, UnitMatcher};
use std::path::PathBuf;

/// Preset id → its report.
const SOURCES: [(&str, &str); 5] = [
    ("lebak-2025-12", "lebak.txt"),
    ("kab-bekasi-2025-03", "kab-bekasi.txt"),
    ("rejang-lebong-2026", "rejang-lebong.txt"),
    ("pesisir-barat-2025-08", "pesisir-barat.txt"),
    ("kota-bekasi-2025-12", "kota-bekasi.txt"),
];

/// Rule fields an assumption may name (besides the printed fields).
const RULE_FIELDS: [&str; 13] = [
    "working_weekdays",
    "extra_days_off",
    "caps",
    "exempt",
    "exempt_positions",
    "wfa_weekdays",
    "approval_required",
    "approver",
    "weekly_wfa_limit",
    "leave_counts_toward_cap",
    "cap_basis",
    "schemes",
    "status_synonyms",
];

fn seeds_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/reference/seeds")
}

/// Lower-case words (letters and digits), so punctuation, hyphens of any kind (the Lebak
/// report writes `B.000/19‑PPI` with U+2011), line breaks and spacing do not matter.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// ` w1 w2 … ` for whole-word `contains`.
fn joined(text: &str) -> String {
    format!(" {} ", words(text).join(" "))
}

/// The text without `( … )` asides: `Pemerintah Kabupaten (Pemkab) Bekasi` reads
/// `Pemerintah Kabupaten Bekasi`.
fn without_asides(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0u32;
    for c in text.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

struct Report {
    file: &'static str,
    tokens: Vec<String>,
    text: String,
    plain: String,
}

impl Report {
    fn read(file: &'static str) -> Report {
        let dir = seeds_dir();
        assert!(
            dir.is_dir(),
            "the source reports are missing: expected the folder {} (shared/reference/seeds \
             next to the workspace, present in CI); the presets are checked against them",
            dir.display()
        );
        let path = dir.join(file);
        let raw = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read the report {}: {e}", path.display()));
        Report {
            file,
            tokens: words(&raw),
            text: joined(&raw),
            plain: joined(&without_asides(&raw)),
        }
    }

    /// Whether the report writes `phrase` (case-insensitive, whitespace and punctuation
    /// normalised, with or without its parenthesised asides).
    fn says(&self, phrase: &str) -> bool {
        let needle = joined(phrase);
        !needle.trim().is_empty() && (self.text.contains(&needle) || self.plain.contains(&needle))
    }

    /// Whether the report gives this date: the day within a few words before `<month>
    /// <year>` (`29 Desember 2025`, `24-27 Maret 2025`, `29, 30, dan 31 Desember 2025`).
    fn says_date(&self, d: NaiveDate) -> bool {
        let month = fmt_id::month_name(d.month()).to_lowercase();
        let year = d.year().to_string();
        let day = d.day().to_string();
        self.tokens.windows(2).enumerate().any(|(i, w)| {
            w[0] == month && w[1] == year && {
                let from = i.saturating_sub(6);
                self.tokens[from..i].contains(&day)
            }
        })
    }
}

fn preset_and_report() -> Vec<(Policy, Report)> {
    let all = presets::all();
    assert_eq!(all.len(), SOURCES.len(), "one report per preset");
    SOURCES
        .iter()
        .map(|(id, file)| {
            let p = presets::by_id(id).unwrap_or_else(|| panic!("preset {id}"));
            (p, Report::read(file))
        })
        .collect()
}

/// The assumption entries about `field` (its TOML name or its label, then `:`).
fn assumed<'a>(p: &'a Policy, field: &str) -> Vec<&'a str> {
    let label = PRINTED_FIELDS
        .iter()
        .find(|(f, _)| *f == field)
        .map(|(_, l)| *l);
    p.assumptions
        .iter()
        .filter(|a| {
            a.split_once(':').is_some_and(|(head, _)| {
                let head = head.trim();
                head.eq_ignore_ascii_case(field)
                    || label.is_some_and(|l| head.eq_ignore_ascii_case(l))
            })
        })
        .map(String::as_str)
        .collect()
}

enum Printed {
    Text(String),
    Date(NaiveDate),
    Nothing,
}

/// The value a printed field shows on the lampiran.
fn printed(p: &Policy, field: &str) -> Printed {
    let text = |s: &str| Printed::Text(s.to_string());
    match field {
        "kind" => text(p.kind.label()),
        "issuer" => text(&p.issuer),
        "issuer_title" => text(&p.issuer_title),
        "place" => text(&p.place),
        "number" => text(&p.number),
        "date" => Printed::Date(p.date),
        "subject" => text(&p.subject),
        "start" => Printed::Date(p.start),
        "end" => Printed::Date(p.end),
        "signatory.position" => text(&p.signatory.position),
        "signatory.name" => text(&p.signatory.name),
        "signatory.rank" => p.signatory.rank.as_deref().map_or(Printed::Nothing, text),
        "signatory.nip" => p.signatory.nip.as_deref().map_or(Printed::Nothing, text),
        other => panic!("printed field {other} is new: teach this test to read it"),
    }
}

fn matcher_value(m: &UnitMatcher) -> &str {
    match m {
        UnitMatcher::Code(v)
        | UnitMatcher::Name(v)
        | UnitMatcher::Abbreviation(v)
        | UnitMatcher::Word(v) => v,
    }
}

/// The `«…»` quotes of a text.
fn guillemets(text: &str) -> Vec<&str> {
    text.split('«')
        .skip(1)
        .filter_map(|rest| rest.split_once('»').map(|(q, _)| q))
        .collect()
}

#[test]
fn every_preset_round_trips_through_toml_and_passes_check() {
    for p in presets::all() {
        p.check()
            .unwrap_or_else(|e| panic!("{} does not pass check(): {e}", p.id));
        let text = p.to_toml().expect("written as TOML");
        let back = Policy::from_toml(&text).unwrap_or_else(|e| panic!("{}: {e}\n{text}", p.id));
        assert_eq!(back, p, "{} after a TOML round trip", p.id);
    }
}

#[test]
fn every_printed_field_is_in_the_report_or_a_placeholder_or_an_assumption() {
    let mut missing = Vec::new();
    for (p, r) in preset_and_report() {
        for (field, label) in PRINTED_FIELDS {
            let ok = match printed(&p, field) {
                Printed::Nothing => true,
                Printed::Text(v) => v.contains(PLACEHOLDER) || r.says(&v),
                Printed::Date(d) => r.says_date(d),
            } || !assumed(&p, field).is_empty();
            if !ok {
                missing.push(format!(
                    "{} ({}): {field} ({label}) is neither in the report nor a placeholder nor \
                     an assumption",
                    p.id, r.file
                ));
            }
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

#[test]
fn the_quoted_values_are_word_for_word_in_the_report() {
    for (p, r) in preset_and_report() {
        // The number: written in the report, or a placeholder when there is no letter yet.
        assert!(
            p.number.contains(PLACEHOLDER) || r.says(&p.number),
            "{}: number {} not in {}",
            p.id,
            p.number,
            r.file
        );
        // The subject: in the report, or an assumption saying where it comes from.
        assert!(
            r.says(&p.subject) || !assumed(&p, "subject").is_empty(),
            "{}: subject not in {} and not an assumption",
            p.id,
            r.file
        );
        // Each cap percent (100 % as "full WFA"), or the caps are an assumption.
        let caps_assumed = !assumed(&p, "caps").is_empty();
        assert!(
            !p.caps.is_empty() || caps_assumed,
            "{}: no caps and no assumption about it",
            p.id
        );
        for c in &p.caps {
            let said = r.says(&format!("{} persen", c.percent))
                || (c.percent == 100 && r.says("full WFA"));
            assert!(
                said || caps_assumed,
                "{}: cap {} % not in {}",
                p.id,
                c.percent,
                r.file
            );
        }
    }
    // The letters the reports do give, exactly.
    let by = |id| presets::by_id(id).unwrap();
    assert_eq!(by("lebak-2025-12").number, "B.000/19-PPI/XII/2025");
    assert_eq!(
        by("kab-bekasi-2025-03").number,
        "800.1.6.2/1468-BKPSDM/2025"
    );
    assert_eq!(by("pesisir-barat-2025-08").number, "100.3.4.2/022/08/2025");
    assert_eq!(
        by("lebak-2025-12").subject,
        "Penerapan Pelaksanaan Tugas Kedinasan Pegawai ASN Secara Fleksibel di Lingkungan \
         Pemerintah Kabupaten Lebak"
    );
}

#[test]
fn every_exempt_unit_is_named_by_the_report_or_listed_as_another_name() {
    for (p, r) in preset_and_report() {
        let about_exempt = assumed(&p, "exempt").join("\n");
        if p.exempt.is_empty() {
            assert!(
                !about_exempt.is_empty(),
                "{}: an empty exempt list needs an assumption",
                p.id
            );
        }
        let listed = joined(&about_exempt);
        for m in &p.exempt {
            let v = matcher_value(m);
            assert!(
                r.says(v) || listed.contains(&joined(v)),
                "{}: exempt {m:?} is neither in {} nor listed in an `exempt:` assumption",
                p.id,
                r.file
            );
        }
        // The units those other names belong to are the report's own words.
        for quoted in guillemets(&about_exempt) {
            assert!(r.says(quoted), "{}: «{quoted}» not in {}", p.id, r.file);
        }
    }
}

#[test]
fn every_rule_value_is_in_the_report_or_an_assumption() {
    for (p, r) in preset_and_report() {
        let backed = |field: &str, said: bool| {
            assert!(
                said || !assumed(&p, field).is_empty(),
                "{}: {field} is neither backed by {} nor an assumption",
                p.id,
                r.file
            );
        };
        backed(
            "approval_required",
            p.approval_required && r.says("persetujuan"),
        );
        if p.approval_required {
            let said = match p.approver {
                Approver::AtasanLangsung => r.says("persetujuan atasan langsung"),
                Approver::KepalaPerangkatDaerah => r.says("persetujuan kepala perangkat daerah"),
            };
            backed("approver", said);
        }
        if let Some(n) = p.weekly_wfa_limit {
            backed(
                "weekly_wfa_limit",
                r.says(&format!("{n} hari kerja dalam 1 minggu")),
            );
        }
        for w in &p.wfa_weekdays {
            backed("wfa_weekdays", r.says(fmt_id::weekday_name(*w)));
        }
        if !p.exempt_positions.is_empty() {
            backed(
                "exempt_positions",
                p.exempt_positions.iter().all(|x| r.says(x)),
            );
        }
        if !p.schemes.is_empty() {
            backed("schemes", false);
        }
        if p.leave_counts_toward_cap {
            backed("leave_counts_toward_cap", false);
        }
        if !p.caps.is_empty() {
            let said = match p.cap_basis {
                CapBasis::PerangkatDaerah => r.says("perangkat daerah"),
                CapBasis::UnitKerja => r.says("unit kerja"),
            };
            backed("cap_basis", said);
        }
    }
}

#[test]
fn assumptions_name_a_field_and_are_repeated_in_the_notes() {
    for p in presets::all() {
        for a in &p.assumptions {
            let (head, rest) = a
                .split_once(':')
                .unwrap_or_else(|| panic!("{}: assumption without `field:` — {a}", p.id));
            let head = head.trim();
            assert!(
                PRINTED_FIELDS
                    .iter()
                    .any(|(f, l)| head.eq_ignore_ascii_case(f) || head.eq_ignore_ascii_case(l))
                    || RULE_FIELDS.contains(&head),
                "{}: assumption about an unknown field `{head}`",
                p.id
            );
            assert!(!rest.trim().is_empty(), "{}: empty assumption {a}", p.id);
            assert!(
                p.notes.contains(a.as_str()),
                "{}: not in the notes: {a}",
                p.id
            );
        }
    }
}

#[test]
fn no_report_gives_a_letter_date_so_every_lampiran_is_a_konsep() {
    for (p, _) in preset_and_report() {
        assert!(
            !assumed(&p, "date").is_empty(),
            "{}: date not assumed",
            p.id
        );
        let reasons = p.draft_reasons();
        assert!(
            reasons.iter().any(|r| r.starts_with("tanggal surat")),
            "{}: {reasons:?}",
            p.id
        );
    }
}

fn master() -> Master {
    Master::new(
        vec![
            Unit::new("DINKES", "Dinas Kesehatan", Some("Dinkes"), None),
            Unit::new("PKM-A", "UPTD Puskesmas Bekasi Jaya", None, Some("DINKES")),
            Unit::new("PKM-B", "PKM Talang Rimbo", Some("PKM Talang Rimbo"), None),
            Unit::new("RSUD", "RSUD dr. Chasbullah Abdulmadjid", None, None),
            Unit::new("DAMKAR", "Dinas Pemadam Kebakaran", Some("Disdamkar"), None),
            Unit::new(
                "DUKCAPIL",
                "Dinas Kependudukan dan Pencatatan Sipil",
                Some("Disdukcapil"),
                None,
            ),
            Unit::new("DISHUB", "Dinas Perhubungan", Some("Dishub"), None),
            Unit::new(
                "SATPOL",
                "Satuan Polisi Pamong Praja",
                Some("Satpol PP"),
                None,
            ),
            Unit::new(
                "DPMPTSP",
                "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
                Some("DPMPTSP"),
                None,
            ),
            Unit::new(
                "BPBD",
                "Badan Penanggulangan Bencana Daerah",
                Some("BPBD"),
                None,
            ),
            Unit::new("KEC-A", "Kecamatan Bekasi Timur", None, None),
            Unit::new("KEL-A", "Kelurahan Margahayu", None, Some("KEC-A")),
            Unit::new("DISDIK", "Dinas Pendidikan", Some("Disdik"), None),
        ],
        vec![],
    )
}

fn exempt_codes(p: &Policy) -> Vec<String> {
    let m = master();
    m.units
        .iter()
        .filter(|u| p.is_exempt(&m, &u.code))
        .map(|u| u.code.clone())
        .collect()
}

#[test]
fn lebak_caps_each_perangkat_daerah_pooled() {
    let p = presets::by_id("lebak-2025-12").unwrap();
    let r = Report::read("lebak.txt");
    assert!(r.says("setiap perangkat daerah wajib mengatur pembagian pegawai"));
    assert!(r.says("batas maksimal 50 persen dari total ASN"));
    assert_eq!(p.cap_basis, CapBasis::PerangkatDaerah);
    assert_eq!(p.caps.len(), 5);
    assert!(p.caps.iter().all(|c| c.percent == 50));
    assert!(r.says(&p.signatory.name) && r.says(&p.subject));
}

#[test]
fn kota_bekasi_lets_each_opd_propose_its_scheme() {
    let p = presets::by_id("kota-bekasi-2025-12").unwrap();
    let r = Report::read("kota-bekasi.txt");
    assert!(r.says("masing-masing Organisasi Perangkat Daerah (OPD) mengajukan skemanya"));
    assert!(r.says("penyesuaian jadwal piket"));
    assert!(p.caps.is_empty(), "no invented cap");
    assert!(p.schemes.is_empty(), "no scheme until an OPD proposes one");
    assert!(!assumed(&p, "schemes").is_empty());
    assert!(!assumed(&p, "caps").is_empty());
    // Only the units the report names; not Dishub, Satpol PP, DPMPTSP, BPBD, kecamatan.
    assert_eq!(
        exempt_codes(&p),
        ["DINKES", "PKM-A", "PKM-B", "RSUD", "DAMKAR", "DUKCAPIL"]
    );
    assert_eq!(p.kind, DocumentKind::Keputusan);
    assert!(r.says(&format!("{}, {}", p.signatory.position, p.signatory.name)));
}

#[test]
fn pesisir_barat_needs_the_head_of_the_perangkat_daerah_and_keeps_penerapan() {
    let p = presets::by_id("pesisir-barat-2025-08").unwrap();
    let r = Report::read("pesisir-barat.txt");
    assert!(p.approval_required);
    assert_eq!(p.approver, Approver::KepalaPerangkatDaerah);
    assert!(r.says("rekomendasi dan persetujuan kepala perangkat daerah"));
    assert!(p.subject.starts_with("Penerapan "), "{}", p.subject);
    // Word for word, but for the reporter's short "Pesbar" (an assumption says so).
    assert!(r.says(&p.subject.replace("Pesisir Barat", "Pesbar")));
    assert!(assumed(&p, "subject")[0].contains("Pesbar"));
    assert_eq!(p.placeholders(), ["nama penanda tangan"]);
    assert!(exempt_codes(&p).is_empty());
}

#[test]
fn rejang_lebong_finds_puskesmas_written_pkm_and_stands_from_after_idul_fitri() {
    let p = presets::by_id("rejang-lebong-2026").unwrap();
    let r = Report::read("rejang-lebong.txt");
    assert_eq!(exempt_codes(&p), ["PKM-A", "PKM-B", "RSUD", "DUKCAPIL"]);
    assert!(r.says("full WFA setiap hari Jumat"));
    assert_eq!(
        p.cap_on(NaiveDate::from_ymd_opt(2026, 4, 10).unwrap()),
        Some(100)
    );
    // "paling cepat baru dapat dilaksanakan setelah Idul Fitri tahun 2026" (20–21 March).
    assert!(r.says("paling cepat baru dapat dilaksanakan setelah Idul Fitri tahun 2026"));
    assert!(p.start > NaiveDate::from_ymd_opt(2026, 3, 21).unwrap());
    assert!(!assumed(&p, "start").is_empty() && !assumed(&p, "end").is_empty());
    assert!(
        !assumed(&p, "caps").is_empty(),
        "Monday–Thursday 50 % is assumed"
    );
    assert!(p.number.contains(PLACEHOLDER));
    assert!(p
        .subject
        .starts_with("Penerapan Pelaksanaan Tugas Jam Kerja Secara Fleksibel"));
}

#[test]
fn kab_bekasi_lists_its_twelve_opd() {
    let p = presets::by_id("kab-bekasi-2025-03").unwrap();
    let r = Report::read("kab-bekasi.txt");
    assert!(r.says("12 OPD yang tidak diperbolehkan menerapkan WFA"));
    assert!(r.says("harus mendapatkan persetujuan dari pimpinan"));
    assert!(p.approval_required && p.caps.is_empty());
    assert_eq!(
        exempt_codes(&p),
        [
            "DINKES", "PKM-A", "PKM-B", "RSUD", "DAMKAR", "DUKCAPIL", "DISHUB", "SATPOL",
            "DPMPTSP", "KEC-A", "KEL-A"
        ]
    );
}
