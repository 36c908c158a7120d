//! The lampiran PDF checked with independent readers: qpdf (structure), pdffonts (every
//! font embedded), pdftotext (header block, number, units, NIPs), pdfinfo (paper size).

mod common;

use common::{path_str, tool, write_tmp};
use fleksi_core::Verdict;
use fleksi_report::pdf::{draft_reasons, lampiran, Orientation, Paper, PdfOptions};

fn text_of(path: &str) -> Option<String> {
    let out = tool("pdftotext", &["-layout", path, "-"])?;
    assert!(out.status.success(), "pdftotext failed");
    Some(String::from_utf8_lossy(&out.stdout).replace('\u{a0}', " "))
}

#[test]
fn lampiran_passes_qpdf_and_embeds_every_font() {
    let policy = common::policy();
    let (_, recap) = common::regency(8, 30, &common::days());
    let bytes = lampiran(&policy, &recap, &PdfOptions::default()).expect("pdf");
    let path = write_tmp("check.pdf", &bytes);
    let p = path_str(&path);
    if let Some(out) = tool("qpdf", &["--check", p]) {
        let log = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "qpdf --check failed:\n{log}");
        assert!(log.contains("No syntax or stream encoding errors"), "{log}");
    }
    if let Some(out) = tool("pdffonts", &[p]) {
        let list = String::from_utf8_lossy(&out.stdout);
        let fonts: Vec<&str> = list.lines().skip(2).collect();
        assert!(fonts.len() >= 2, "regular and bold expected:\n{list}");
        for line in fonts {
            let cols: Vec<&str> = line.split_whitespace().collect();
            // name type [encoding…] emb sub uni object ID
            let n = cols.len();
            assert_eq!(cols[n - 5], "yes", "font not embedded: {line}");
            assert_eq!(cols[n - 4], "yes", "font not subset: {line}");
            assert!(line.contains("Liberation"), "{line}");
        }
    }
}

#[test]
fn lampiran_text_has_header_number_units_and_every_nip() {
    let policy = common::policy();
    let (_, recap) = common::regency(8, 30, &common::days());
    let bytes = lampiran(&policy, &recap, &PdfOptions::default()).expect("pdf");
    let path = write_tmp("text.pdf", &bytes);
    let Some(text) = text_of(path_str(&path)) else {
        return;
    };
    for needle in [
        "LAMPIRAN I",
        "LAMPIRAN II",
        "LAMPIRAN III",
        "SURAT EDARAN BUPATI LEBAK",
        "B.000/19-PPI/XII/2025",
        "24 DESEMBER 2025",
        "TENTANG : PENERAPAN PELAKSANAAN",
        "KABUPATEN LEBAK",
        "Rangkasbitung, 24 Desember 2025",
        "BUPATI LEBAK,",
        "MOCH HASBI ASYIDIKI JAYABAYA",
        "Melebihi batas",
        "Belum mengirim",
    ] {
        assert!(text.contains(needle), "missing {needle:?}");
    }
    // Page numbers of following pages (pdftotext may drop the spaces of a short line).
    assert!(
        text.replace(' ', "").contains("-2-"),
        "page number - 2 - missing"
    );
    // Colons of NOMOR / TANGGAL / TENTANG are aligned (x of each ':' word on page 1).
    let bbox = tool(
        "pdftotext",
        &["-f", "1", "-l", "1", "-bbox", path_str(&path), "-"],
    )
    .expect("pdftotext ran above");
    let bbox = String::from_utf8_lossy(&bbox.stdout);
    let colons: Vec<f32> = bbox
        .lines()
        .filter(|l| l.trim_end().ends_with(">:</word>"))
        .filter_map(|l| l.split("xMin=\"").nth(1)?.split('"').next()?.parse().ok())
        .collect();
    assert_eq!(
        colons.len(),
        3,
        "three colons in the header block: {colons:?}"
    );
    assert!(
        colons.iter().all(|x| (x - colons[0]).abs() < 0.01),
        "colons at {colons:?}"
    );
    for u in &recap.units {
        assert!(text.contains(&u.code), "unit {} missing", u.code);
        for s in &u.staff {
            assert!(text.contains(&s.nip.grouped()), "NIP {} missing", s.nip);
        }
    }
    // The Bupati signs without NIP.
    assert!(
        !text.contains("NIP. "),
        "the regional head signs without NIP"
    );
}

fn page_sizes(path: &str) -> Option<Vec<(f32, f32)>> {
    let out = tool("pdfinfo", &["-f", "1", "-l", "9999", path])?;
    let info = String::from_utf8_lossy(&out.stdout);
    Some(
        info.lines()
            .filter(|l| l.starts_with("Page") && l.contains("size:"))
            .map(|l| {
                let v: Vec<f32> = l
                    .split_whitespace()
                    .filter_map(|w| w.parse::<f32>().ok())
                    .collect();
                // "Page    1 size: 935.433 x 609.449 pts"
                (v[1], v[2])
            })
            .collect(),
    )
}

#[test]
fn paper_is_f4_by_default_and_a4_when_chosen() {
    let policy = common::policy();
    let (_, recap) = common::regency(3, 10, &common::days());
    let landscape = PdfOptions {
        orientation: Some(Orientation::Landscape),
        ..Default::default()
    };
    let f4 = write_tmp(
        "f4.pdf",
        &lampiran(&policy, &recap, &landscape).expect("pdf"),
    );
    let Some(sizes) = page_sizes(path_str(&f4)) else {
        return;
    };
    assert!(!sizes.is_empty());
    for (w, h) in sizes {
        assert!(
            (w - 935.4).abs() < 0.5 && (h - 609.4).abs() < 0.5,
            "{w} x {h}"
        );
    }
    let a4 = PdfOptions {
        paper: Paper::A4,
        orientation: Some(Orientation::Portrait),
        ..Default::default()
    };
    let a4 = write_tmp("a4.pdf", &lampiran(&policy, &recap, &a4).expect("pdf"));
    for (w, h) in page_sizes(path_str(&a4)).unwrap_or_default() {
        assert!(
            (w - 595.3).abs() < 0.5 && (h - 841.9).abs() < 0.5,
            "{w} x {h}"
        );
    }
}

#[test]
fn orientation_follows_table_width() {
    let policy = common::policy();
    let days: Vec<_> = (1..=31)
        .filter_map(|d| chrono::NaiveDate::from_ymd_opt(2025, 12, d))
        .filter(|d| chrono::Datelike::weekday(d).number_from_monday() <= 5)
        .collect();
    assert_eq!(days.len(), 23);
    let (_, recap) = common::regency(2, 5, &days);
    let pdf = write_tmp(
        "orient.pdf",
        &lampiran(&policy, &recap, &PdfOptions::default()).expect("pdf"),
    );
    let Some(sizes) = page_sizes(path_str(&pdf)) else {
        return;
    };
    // Lampiran I (narrow) is portrait; the last page (Lampiran III, 23 day columns) landscape.
    let (w0, h0) = sizes[0];
    assert!(w0 < h0, "Lampiran I portrait, got {w0} x {h0}");
    let (wl, hl) = sizes[sizes.len() - 1];
    assert!(wl > hl, "Lampiran III landscape, got {wl} x {hl}");
}

#[test]
fn header_row_repeats_on_every_page_of_a_long_table() {
    let policy = common::policy();
    let (_, recap) = common::regency(4, 120, &common::days());
    let bytes = lampiran(&policy, &recap, &PdfOptions::default()).expect("pdf");
    let path = write_tmp("long.pdf", &bytes);
    let Some(text) = text_of(path_str(&path)) else {
        return;
    };
    let pages: Vec<&str> = text
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .collect();
    let schedule_pages: Vec<&&str> = pages.iter().filter(|p| p.contains("Jabatan")).collect();
    assert!(schedule_pages.len() > 5, "a long Lampiran III");
    for p in &schedule_pages {
        assert!(p.contains("Nama / NIP"), "header missing on a page");
    }
    // Continued groups are labelled.
    assert!(text.contains("(lanjutan)"));
}

#[test]
fn bad_margins_are_refused_with_a_clear_message() {
    let policy = common::policy();
    let (_, recap) = common::regency(1, 1, &common::days());
    let mut o = PdfOptions::default();
    o.margins_mm.left = 200.0;
    let err = lampiran(&policy, &recap, &o).expect_err("refused");
    assert!(err.to_string().contains("margin"));
}

/// The pages of a PDF as pdftotext sees them (raw order, so the diagonal word stays whole).
fn pages_of(path: &str) -> Option<Vec<String>> {
    let out = tool("pdftotext", &["-raw", path, "-"])?;
    assert!(out.status.success(), "pdftotext failed");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_string).collect();
    // pdftotext ends every page with a form feed.
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    Some(pages)
}

fn title_of(path: &str) -> Option<String> {
    let out = tool("pdfinfo", &[path])?;
    let info = String::from_utf8_lossy(&out.stdout).into_owned();
    Some(
        info.lines()
            .find_map(|l| l.strip_prefix("Title:"))
            .unwrap_or_default()
            .trim()
            .to_string(),
    )
}

fn assert_konsep_on_every_page(path: &str) -> bool {
    let Some(pages) = pages_of(path) else {
        return false;
    };
    assert!(pages.len() >= 3, "one page per lampiran at least");
    for (i, page) in pages.iter().enumerate() {
        assert_eq!(
            page.matches("KONSEP").count(),
            1,
            "page {} has no KONSEP mark:\n{page}",
            i + 1
        );
    }
    true
}

#[test]
fn a_policy_with_placeholders_prints_konsep_on_every_page() {
    let mut policy = common::policy();
    policy.number = "[ISI: nomor Surat Edaran]".to_string();
    policy.signatory.name = "[ISI: nama Bupati Lebak]".to_string();
    let reasons = draft_reasons(&policy);
    assert_eq!(reasons.len(), 2, "{reasons:?}");
    assert!(
        reasons.iter().any(|r| r.starts_with("nomor")),
        "{reasons:?}"
    );
    assert!(reasons.contains(&"nama penanda tangan belum diisi".to_string()));
    let (_, recap) = common::regency(4, 60, &common::days());
    let bytes = lampiran(&policy, &recap, &PdfOptions::default()).expect("pdf");
    let path = write_tmp("draft.pdf", &bytes);
    let p = path_str(&path);
    if !assert_konsep_on_every_page(p) {
        return;
    }
    // The placeholders themselves stay visible where they are printed.
    let all = pages_of(p).expect("pdftotext ran").concat();
    assert!(
        all.contains("[ISI: nomor Surat Edaran]"),
        "number placeholder"
    );
    assert!(
        all.contains("[ISI: NAMA BUPATI LEBAK]"),
        "signatory placeholder"
    );
    let title = title_of(p).expect("pdfinfo ran");
    assert!(title.starts_with("KONSEP "), "title {title:?}");
    if let Some(out) = tool("qpdf", &["--check", p]) {
        assert!(out.status.success(), "qpdf --check failed on the draft");
    }
    // Landscape A4 pages carry it too.
    let a4 = PdfOptions {
        paper: Paper::A4,
        orientation: Some(Orientation::Landscape),
        ..Default::default()
    };
    let bytes = lampiran(&policy, &recap, &a4).expect("pdf");
    let path = write_tmp("draft-a4.pdf", &bytes);
    assert_konsep_on_every_page(path_str(&path));
}

#[test]
fn an_assumed_printed_field_makes_a_draft_too() {
    let mut policy = common::policy();
    policy.assumptions = vec!["date: tanggal surat tidak diberitakan".to_string()];
    let reasons = draft_reasons(&policy);
    assert_eq!(reasons.len(), 1, "{reasons:?}");
    assert!(reasons[0].starts_with("tanggal surat"), "{reasons:?}");
    let (_, recap) = common::regency(2, 5, &common::days());
    let bytes = lampiran(&policy, &recap, &PdfOptions::default()).expect("pdf");
    let path = write_tmp("assumed.pdf", &bytes);
    assert_konsep_on_every_page(path_str(&path));
}

#[test]
fn a_filled_policy_prints_no_konsep() {
    let policy = common::policy();
    assert!(
        draft_reasons(&policy).is_empty(),
        "the Lebak preset is filled"
    );
    let (_, recap) = common::regency(4, 60, &common::days());
    let bytes = lampiran(&policy, &recap, &PdfOptions::default()).expect("pdf");
    let path = write_tmp("final.pdf", &bytes);
    let p = path_str(&path);
    let Some(pages) = pages_of(p) else {
        return;
    };
    assert!(pages.iter().all(|page| !page.contains("KONSEP")));
    let title = title_of(p).expect("pdfinfo ran");
    assert!(!title.contains("KONSEP"), "title {title:?}");
}

#[test]
fn every_preset_with_a_placeholder_is_a_draft() {
    for preset in fleksi_core::presets::all() {
        if !preset.placeholders().is_empty() {
            assert!(!draft_reasons(&preset).is_empty(), "{}", preset.id);
        }
    }
}

#[test]
fn lampiran_ii_labels_every_verdict() {
    let policy = common::policy();
    let (_, mut recap) = common::regency(3, 5, &common::days());
    let verdicts = [
        Verdict::Ok,
        Verdict::OverCap,
        Verdict::Exempt,
        Verdict::NotSubmitted,
        Verdict::ExemptViolated,
    ];
    let mut k = 0;
    for u in &mut recap.units {
        for d in &mut u.days {
            d.verdict = verdicts[k % verdicts.len()];
            k += 1;
        }
    }
    assert!(k >= verdicts.len());
    let bytes = lampiran(&policy, &recap, &PdfOptions::default()).expect("pdf");
    let path = write_tmp("verdicts.pdf", &bytes);
    let Some(pages) = pages_of(path_str(&path)) else {
        return;
    };
    let text = pages
        .concat()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for v in verdicts {
        // A long label may wrap inside its cell: look for its first two words.
        let head: Vec<&str> = v.label().split(' ').take(2).collect();
        assert!(text.contains(&head.join(" ")), "{:?} label missing", v);
    }
}
