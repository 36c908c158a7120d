//! Columns known by their content and decorated statuses (`tests/fixtures/content/`,
//! written by openpyxl, LibreOffice and by hand as CSV): exact findings, notes and counts.

use fleksi_core::{Layout, Master, Policy, Severity, Status, Submission};
use std::path::PathBuf;

mod common;

use common::{december, summary};

fn dir() -> PathBuf {
    common::fixtures()
}

fn policy() -> Policy {
    common::lebak()
}

fn master() -> Master {
    common::fixture_master()
}

fn read(name: &str) -> Submission {
    let bytes = std::fs::read(dir().join("content").join(name)).expect("fixture file");
    fleksi_import::read_submission(name, &bytes, &policy(), &master())
}

fn statuses(s: &Submission, row: usize) -> Vec<Option<Status>> {
    s.rows[row].entries.iter().map(|e| e.status).collect()
}

use Severity::{Error, Warning};
use Status::{Wfa, Wfo};

#[test]
fn long_csv_with_an_unknown_status_heading_reads_the_column_by_its_content() {
    let s = read("rencana_lokasi_dinkes.csv");
    assert_eq!(s.unit.as_deref(), Some("DINKES"));
    assert_eq!(s.layout, Layout::Long);
    assert_eq!(s.dates, december(&[29, 30, 31]));
    assert_eq!(s.rows.len(), 3);
    assert_eq!(
        s.notes,
        ["kolom D (\"Rencana Lokasi Kerja\") dibaca sebagai keterangan (isi: WFO/WFA)"]
    );
    assert_eq!(
        s.rows[1].name, "Siti Ma\u{2019}rifah, S.KM",
        "Windows-1252 text"
    );
    assert_eq!(statuses(&s, 0), [Some(Wfo), Some(Wfa), Some(Wfo)]);
    assert_eq!(statuses(&s, 1), [Some(Wfa), Some(Wfo), None]);
    assert_eq!(
        statuses(&s, 2),
        [Some(Wfo), Some(Wfa), Some(Wfo)],
        "WFA* is WFA"
    );
    assert_eq!(summary(&s), [("status.unknown", Error, "D7")]);
    assert!(
        s.findings[0].message.starts_with("'Libur' pada hari kerja 31-12-2025 (sel D7): isi status kerja (WFO/WFA) atau hapus bila memang libur"),
        "{}",
        s.findings[0].message
    );
}

#[test]
fn wide_xlsx_with_an_unknown_nip_heading_reads_the_column_by_its_content() {
    let s = read("nip_tak_dikenal_disdikbud.xlsx");
    assert_eq!(s.unit.as_deref(), Some("DISDIKBUD"));
    assert_eq!(s.layout, Layout::Wide);
    assert_eq!(s.dates, december(&[29, 30, 31]));
    assert_eq!(s.date_cells, ["E4", "F4", "G4"]);
    assert_eq!(s.rows.len(), 4, "the totals row is not staff");
    assert_eq!(
        s.notes,
        ["kolom B (\"No. Induk Pegawai Baru\") dibaca sebagai NIP (isi: NIP 18 angka)"]
    );
    assert_eq!(
        s.rows[3].nip.map(|n| n.as_str().to_string()).as_deref(),
        Some("198309092010011011")
    );
    assert_eq!(statuses(&s, 2), [Some(Wfo), None, Some(Wfa)]);
    assert_eq!(
        summary(&s),
        [
            ("status.unknown", Error, "F7"),
            ("nip.precision_lost", Warning, "B8")
        ]
    );
}

#[test]
fn ods_with_decorated_statuses_reads_them_when_every_part_agrees() {
    let s = read("status_berhias_bkpsdm.ods");
    assert_eq!(s.unit.as_deref(), Some("BKPSDM"));
    assert_eq!(s.layout, Layout::Wide);
    assert_eq!(s.dates, december(&[29, 30, 31]));
    assert_eq!(s.rows.len(), 5);
    assert!(s.notes.is_empty(), "every heading is known: {:?}", s.notes);
    assert_eq!(statuses(&s, 0), [Some(Wfa), Some(Wfo), Some(Wfo)]);
    assert_eq!(statuses(&s, 1), [Some(Wfa), Some(Wfo), Some(Wfa)]);
    assert_eq!(statuses(&s, 2), [None, Some(Wfo), Some(Wfa)]);
    assert_eq!(
        summary(&s),
        [
            ("status.unknown", Error, "E5"),
            ("status.unknown", Error, "F6"),
            ("status.unknown", Error, "E7"),
            ("status.unknown", Error, "G7"),
        ]
    );
    let messages: Vec<&str> = s.findings.iter().map(|f| f.message.as_str()).collect();
    assert!(
        messages[0].contains("Keterangan 'WFO/WFA' pada sel E5 tidak dikenal"),
        "{}",
        messages[0]
    );
    assert!(
        messages[1].starts_with("'Libur' pada hari kerja 30-12-2025"),
        "{}",
        messages[1]
    );
    assert!(
        messages[2].starts_with("'Cuti Bersama' pada hari kerja 29-12-2025"),
        "{}",
        messages[2]
    );
    assert!(
        messages[3].starts_with("'Tanggal Merah' pada hari kerja 31-12-2025"),
        "{}",
        messages[3]
    );
}

#[test]
fn two_columns_that_both_look_like_statuses_are_not_guessed() {
    let s = read("dua_kolom_status.csv");
    assert!(s.rows.is_empty());
    assert!(s.notes.is_empty());
    assert_eq!(summary(&s), [("header.not_found", Error, "")]);
    let m = &s.findings[0].message;
    assert!(
        m.contains("kolom NIP di A1, kolom tanggal di C1 terbaca; kolom keterangan tidak dapat ditentukan: kolom D (\"Rencana Pagi\") dan E (\"Rencana Sore\") sama-sama berisi keterangan"),
        "{m}"
    );
}

/// The office's own codes (K, R) explained by a legend under the table read as statuses, its
/// day off (L = Libur) as a day off; a code in no legend stays unknown, and its hint names
/// the legend's codes.
#[test]
fn codes_explained_by_a_legend_under_the_table_are_read() {
    let s = read("kode_keterangan_disdikbud.xlsx");
    assert_eq!(s.unit.as_deref(), Some("DISDIKBUD"));
    assert_eq!(s.rows.len(), 4, "the legend lines are not staff");
    assert_eq!(
        s.notes,
        ["kode dari keterangan di A10, A11, A13 dibaca: K = WFO, R = WFA, L = libur"]
    );
    assert_eq!(statuses(&s, 0), [Some(Wfo), Some(Wfa), Some(Wfo)]);
    assert_eq!(statuses(&s, 1), [Some(Wfa), Some(Wfo), Some(Wfo)]);
    assert_eq!(statuses(&s, 2), [Some(Wfo), Some(Wfa), None]);
    assert_eq!(statuses(&s, 3), [Some(Status::Dl), Some(Wfo), None]);
    assert_eq!(
        summary(&s),
        [
            ("status.unknown", Error, "G6"),
            ("status.unknown", Error, "G7")
        ]
    );
    // The legend's day off on a working day is said in its own words, like "Libur".
    assert!(
        s.findings[0]
            .message
            .starts_with("'L' pada hari kerja 31-12-2025 (sel G6): isi status kerja"),
        "{}",
        s.findings[0].message
    );
    assert!(
        s.findings[1]
            .message
            .contains("Keterangan 'X' pada sel G7 tidak dikenal"),
        "{}",
        s.findings[1].message
    );
    assert!(
        s.findings[1].hint.contains("K = WFO, R = WFA"),
        "{}",
        s.findings[1].hint
    );
}

/// Codes in a long CSV under an unknown heading: the legend (code, `=`, meaning in cells
/// right of the table) makes the column's content readable, so the column is found.
#[test]
fn a_legend_beside_a_long_table_lets_its_code_column_be_found() {
    let s = read("kode_samping_bkpsdm.csv");
    assert_eq!(s.unit.as_deref(), Some("BKPSDM"));
    assert_eq!(s.layout, Layout::Long);
    assert_eq!(s.rows.len(), 5);
    assert_eq!(
        s.notes,
        [
            "kolom D (\"Rencana\") dibaca sebagai keterangan (isi: WFO/WFA)",
            "kode dari keterangan di F3, F4 dibaca: K = WFO, R = WFA"
        ]
    );
    assert_eq!(statuses(&s, 0), [Some(Wfo), Some(Wfo), Some(Wfa)]);
    assert_eq!(statuses(&s, 4), [Some(Wfo), Some(Wfa), Some(Wfa)]);
    assert!(s.findings.is_empty(), "{:?}", summary(&s));
}

/// A legend on a sheet of its own (LibreOffice .xls) explains the schedule sheet's codes.
#[test]
fn a_legend_on_its_own_sheet_explains_the_schedule_sheet() {
    let s = read("kode_lembar_kec_rkb.xls");
    assert_eq!(s.unit.as_deref(), Some("KEC-RKB"));
    assert_eq!(s.sheet, "Jadwal");
    assert_eq!(
        s.notes,
        ["kode dari keterangan di lembar 'Keterangan' A2, A3 dibaca: KTR = WFO, RMH = WFA"]
    );
    assert_eq!(statuses(&s, 0), [Some(Wfo), Some(Wfa), Some(Wfo)]);
    assert_eq!(statuses(&s, 2), [Some(Wfo), Some(Wfo), Some(Wfa)]);
    assert!(s.findings.is_empty(), "{:?}", summary(&s));
}
