//! Default file names of the documents, taken from the letter the clerk knows ("Lampiran SE
//! 800.1.6.2-1468-BKPSDM-2025 Kab Bekasi.pdf"), never from internal ids. Every name is safe
//! on Windows: none of `\ / : * ? " < > |` or control characters, no trailing dot or space,
//! at most [`MAX_CHARS`] characters, and never a reserved device name (every name starts
//! with a word such as "Lampiran").

use fleksi_core::policy::PLACEHOLDER;
use fleksi_core::{DocumentKind, Policy};

/// Longest file name we propose, extension included (well inside Windows' 255 and leaves
/// room for a folder path under the 260-character limit of older tools).
pub const MAX_CHARS: usize = 150;

/// The lampiran PDF: `Lampiran SE 800.1.6.2-1468-BKPSDM-2025 Kab Bekasi.pdf`. While the
/// number is a placeholder, the subject's first words stand in for it.
pub fn lampiran_file_name(policy: &Policy) -> String {
    compose("Lampiran", &letter(policy), &region(policy), "pdf")
}

/// The recap workbook: `Rekap WFO-WFA SE 800.1.6.2-1468-BKPSDM-2025 Kab Bekasi.xlsx`.
pub fn recap_file_name(policy: &Policy) -> String {
    compose("Rekap WFO-WFA", &letter(policy), &region(policy), "xlsx")
}

/// The schedule template of one unit: `Templat jadwal DINKES Dinas Kesehatan.xlsx`.
pub fn template_file_name(unit_code: &str, unit_name: &str) -> String {
    compose("Templat jadwal", &unit(unit_code, unit_name), "", "xlsx")
}

/// The annotated error workbook of one unit: `Berkas koreksi DINKES Dinas Kesehatan.xlsx`.
pub fn corrections_file_name(unit_code: &str, unit_name: &str) -> String {
    compose("Berkas koreksi", &unit(unit_code, unit_name), "", "xlsx")
}

/// `SE 800.1.6.2-1468-BKPSDM-2025`, or `Keputusan …`; the subject's first words (or the
/// period) when the number is not filled in.
fn letter(policy: &Policy) -> String {
    let kind = match policy.kind {
        DocumentKind::SuratEdaran => "SE",
        DocumentKind::Keputusan => "Keputusan",
    };
    let number = clean(&policy.number.replace(['/', '\\'], "-"));
    let ident = if filled(&policy.number) && !number.is_empty() {
        number
    } else if filled(&policy.subject) && !clean(&policy.subject).is_empty() {
        first_words(&clean(&policy.subject), 60)
    } else {
        format!(
            "{} sd {}",
            policy.start.format("%d-%m-%Y"),
            policy.end.format("%d-%m-%Y")
        )
    };
    format!("{kind} {ident}")
}

fn unit(code: &str, name: &str) -> String {
    let code = clean(code);
    let name = clean(name);
    match (code.is_empty(), name.is_empty()) {
        (false, false) if !name.starts_with(&code) => format!("{code} {name}"),
        (false, _) if name.is_empty() => code,
        _ => name,
    }
}

/// The issuing region, short: `Pemerintah Kabupaten Lebak` → `Kab Lebak`, `Pemerintah Kota
/// Bekasi` → `Kota Bekasi`, `Pemerintah Provinsi Jawa Barat` → `Prov Jawa Barat`. Falls back
/// on the office (`BUPATI LEBAK` → `Kab Lebak`) when the issuer is not filled in.
fn region(policy: &Policy) -> String {
    if filled(&policy.issuer) {
        let r = region_of_issuer(&clean(&policy.issuer));
        if !r.is_empty() {
            return r;
        }
    }
    if filled(&policy.issuer_title) {
        return region_of_office(&clean(&policy.issuer_title));
    }
    String::new()
}

fn region_of_issuer(issuer: &str) -> String {
    let mut words: Vec<&str> = issuer.split(' ').collect();
    // "Pemerintah", "Pemerintah Daerah", "Pemda".
    if words
        .first()
        .is_some_and(|w| w.eq_ignore_ascii_case("pemda"))
    {
        words.remove(0);
    } else if words
        .first()
        .is_some_and(|w| w.eq_ignore_ascii_case("pemerintah"))
    {
        words.remove(0);
        if words
            .first()
            .is_some_and(|w| w.eq_ignore_ascii_case("daerah"))
        {
            words.remove(0);
        }
    }
    let Some(first) = words.first() else {
        return String::new();
    };
    let level = match first.trim_end_matches('.').to_lowercase().as_str() {
        "kabupaten" | "kab" => Some("Kab"),
        "kota" | "kotamadya" => Some("Kota"),
        "provinsi" | "prov" => Some("Prov"),
        _ => None,
    };
    match level {
        Some(level) if words.len() > 1 => format!("{level} {}", words[1..].join(" ")),
        _ => words.join(" "),
    }
}

fn region_of_office(office: &str) -> String {
    let upper = office.to_uppercase();
    let rest = |prefix: &str| upper.strip_prefix(prefix).map(|r| title_case(r.trim()));
    if let Some(r) = rest("BUPATI ") {
        format!("Kab {r}")
    } else if let Some(r) = rest("WALI KOTA ").or_else(|| rest("WALIKOTA ")) {
        format!("Kota {r}")
    } else if let Some(r) = rest("GUBERNUR ") {
        format!("Prov {r}")
    } else {
        title_case(office)
    }
}

/// `REJANG LEBONG` → `Rejang Lebong`.
fn title_case(text: &str) -> String {
    text.split(' ')
        .map(|w| {
            let mut chars = w.chars();
            match chars.next() {
                Some(c) => c
                    .to_uppercase()
                    .chain(chars.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn filled(value: &str) -> bool {
    !value.contains(PLACEHOLDER) && !value.trim().is_empty()
}

/// Drops what Windows refuses in a file name (`\ / : * ? " < > |`, control characters) and
/// collapses runs of white space to one space.
fn clean(text: &str) -> String {
    let kept: String = text
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .filter(|c| {
            !c.is_control() && !matches!(c, '\\' | '/' | ':' | '*' | '?' | '"' | '<' | '>' | '|')
        })
        .collect();
    kept.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The leading words of `text` that fit in `max` characters (at least the first word, cut
/// at `max` characters).
fn first_words(text: &str, max: usize) -> String {
    let mut out = String::new();
    for w in text.split(' ') {
        let len = out.chars().count() + usize::from(!out.is_empty()) + w.chars().count();
        if len > max {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    if out.is_empty() {
        out = text.chars().take(max).collect();
    }
    out
}

/// `{prefix} {middle} {suffix}.{ext}`, the middle shortened so the whole name fits in
/// [`MAX_CHARS`]; no dot or space before the extension.
fn compose(prefix: &str, middle: &str, suffix: &str, ext: &str) -> String {
    let fixed = prefix.chars().count()
        + suffix.chars().count()
        + ext.chars().count()
        + 3 /* two spaces and the dot */;
    let room = MAX_CHARS.saturating_sub(fixed);
    let middle: String = if middle.chars().count() > room {
        middle.chars().take(room).collect()
    } else {
        middle.to_string()
    };
    let stem = [prefix, middle.trim(), suffix]
        .iter()
        .filter(|p| !p.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    let stem = stem.trim_end_matches(['.', ' ']);
    format!("{stem}.{ext}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use fleksi_core::presets;

    fn assert_safe(name: &str) {
        assert!(name.chars().count() <= MAX_CHARS, "too long: {name}");
        assert!(
            !name
                .chars()
                .any(|c| c.is_control() || "\\/:*?\"<>|".contains(c)),
            "unsafe character in {name:?}"
        );
        assert!(!name.ends_with(['.', ' ']), "{name:?}");
        let (stem, _) = name.rsplit_once('.').expect("an extension");
        assert!(!stem.ends_with(['.', ' ']), "{name:?}");
        assert!(!stem.starts_with(' '), "{name:?}");
        assert!(!name.contains("  "), "{name:?}");
    }

    fn preset(id: &str) -> Policy {
        presets::by_id(id).expect("preset")
    }

    #[test]
    fn lampiran_and_recap_names_come_from_the_letter() {
        assert_eq!(
            lampiran_file_name(&preset("kab-bekasi-2025-03")),
            "Lampiran SE 800.1.6.2-1468-BKPSDM-2025 Kab Bekasi.pdf"
        );
        assert_eq!(
            recap_file_name(&preset("kab-bekasi-2025-03")),
            "Rekap WFO-WFA SE 800.1.6.2-1468-BKPSDM-2025 Kab Bekasi.xlsx"
        );
        assert_eq!(
            lampiran_file_name(&preset("lebak-2025-12")),
            "Lampiran SE B.000-19-PPI-XII-2025 Kab Lebak.pdf"
        );
        assert_eq!(
            lampiran_file_name(&preset("pesisir-barat-2025-08")),
            "Lampiran SE 100.3.4.2-022-08-2025 Kab Pesisir Barat.pdf"
        );
    }

    #[test]
    fn every_preset_gets_safe_names_without_its_id() {
        for p in presets::all() {
            for name in [lampiran_file_name(&p), recap_file_name(&p)] {
                assert_safe(&name);
                assert!(!name.contains(&p.id), "{name} names the id {}", p.id);
                assert!(!name.contains("ISI"), "{name} shows a placeholder");
                let region = region(&p);
                assert!(
                    region.starts_with("Kab ") || region.starts_with("Kota "),
                    "{}: region {region:?}",
                    p.id
                );
                assert!(name.contains(&region), "{name} lacks {region}");
            }
            assert!(lampiran_file_name(&p).starts_with("Lampiran "));
            assert!(lampiran_file_name(&p).ends_with(".pdf"));
            assert!(recap_file_name(&p).starts_with("Rekap WFO-WFA "));
            assert!(recap_file_name(&p).ends_with(".xlsx"));
            if !filled(&p.number) {
                // The subject's first words stand in for the missing number.
                let first = p.subject.split_whitespace().next().expect("a subject");
                assert!(
                    lampiran_file_name(&p).contains(first),
                    "{}",
                    lampiran_file_name(&p)
                );
            }
        }
    }

    #[test]
    fn placeholder_numbers_use_the_subject() {
        let name = lampiran_file_name(&preset("kota-bekasi-2025-12"));
        assert!(
            name.starts_with("Lampiran Keputusan Pelaksanaan Tugas"),
            "{name}"
        );
        assert!(name.ends_with(" Kota Bekasi.pdf"), "{name}");
        let p = preset("rejang-lebong-2026");
        let name = lampiran_file_name(&p);
        let first_word = p.subject.split_whitespace().next().unwrap_or_default();
        assert!(
            name.starts_with(&format!("Lampiran SE {first_word} ")),
            "{name}"
        );
        assert!(name.ends_with(" Kab Rejang Lebong.pdf"), "{name}");
        // Nothing filled at all: the period, still not the id.
        let mut p = preset("rejang-lebong-2026");
        p.subject = "[ISI: tentang]".to_string();
        let name = lampiran_file_name(&p);
        assert!(name.contains(" sd "), "{name}");
        assert_safe(&name);
    }

    #[test]
    fn unsafe_and_long_letters_are_cleaned_and_shortened() {
        let mut p = preset("lebak-2025-12");
        p.number = "800/12:3*4?\"5<6>7|8\\9  \t x.".to_string();
        let name = lampiran_file_name(&p);
        assert_safe(&name);
        assert_eq!(name, "Lampiran SE 800-12345678-9 x. Kab Lebak.pdf");
        p.number = "9".repeat(400);
        let name = recap_file_name(&p);
        assert_safe(&name);
        assert!(name.ends_with(" Kab Lebak.xlsx"), "{name}");
        // The issuer is not filled in: the office gives the region.
        p.issuer = "[ISI: pemerintah daerah]".to_string();
        p.issuer_title = "WALI KOTA TANGERANG SELATAN".to_string();
        assert!(lampiran_file_name(&p).ends_with(" Kota Tangerang Selatan.pdf"));
        p.issuer = "Pemerintah Provinsi Jawa Barat".to_string();
        assert!(lampiran_file_name(&p).ends_with(" Prov Jawa Barat.pdf"));
    }

    #[test]
    fn unit_document_names_are_safe() {
        assert_eq!(
            template_file_name("DINKES", "Dinas Kesehatan"),
            "Templat jadwal DINKES Dinas Kesehatan.xlsx"
        );
        assert_eq!(
            corrections_file_name("DINKES", "Dinas Kesehatan"),
            "Berkas koreksi DINKES Dinas Kesehatan.xlsx"
        );
        let odd = corrections_file_name("UPT/01", "UPT \"Puskesmas\" Curup: Kota?");
        assert_eq!(odd, "Berkas koreksi UPT01 UPT Puskesmas Curup Kota.xlsx");
        let long = template_file_name("X", &"Dinas Sangat Panjang ".repeat(20));
        assert_safe(&long);
        assert_safe(&template_file_name("", "Unit."));
        for p in presets::all() {
            for m in &p.exempt {
                let text = m.describe();
                assert_safe(&template_file_name("KODE", &text));
                assert_safe(&corrections_file_name("KODE", &text));
            }
        }
    }
}
