//! What OPDs actually send (`tests/fixtures/shapes/`, written by openpyxl, LibreOffice,
//! Gnumeric and by hand as a `;` CSV in Windows-1252): headings in no synonym list (wide and
//! long), no header row, a sheet per kelurahan, a unit column of three units, non-ASN rows —
//! exact findings, notes and counts.

use fleksi_core::{Layout, Master, Severity, Status, Submission};

mod common;

use common::{december, summary};
use Severity::{Error, Warning};

/// `tests/fixtures/shapes/master.xlsx`: the fixture master plus three kelurahan.
fn master() -> Master {
    let bytes = std::fs::read(common::fixtures().join("shapes/master.xlsx")).expect("master");
    fleksi_import::read_master("master.xlsx", &bytes).expect("master reads")
}

fn read(name: &str) -> Vec<Submission> {
    let bytes = std::fs::read(common::fixtures().join("shapes").join(name)).expect("fixture");
    fleksi_import::read_workbook(name, &bytes, &common::lebak(), &master())
}

fn one(name: &str) -> Submission {
    let mut subs = read(name);
    assert_eq!(subs.len(), 1, "{name}: one unit");
    subs.remove(0)
}

fn statuses(s: &Submission, row: usize) -> Vec<Option<Status>> {
    s.rows[row].entries.iter().map(|e| e.status).collect()
}

fn nips(s: &Submission) -> Vec<String> {
    s.rows
        .iter()
        .map(|r| r.nip.map(|n| n.as_str().to_string()).unwrap_or_default())
        .collect()
}

#[test]
fn csv_without_a_header_row_is_read_by_its_content() {
    let s = one("tanpa_judul_bapelitbangda.csv");
    assert_eq!(
        s.unit.as_deref(),
        Some("BAPELITBANGDA"),
        "from the file name"
    );
    assert_eq!(s.layout, Layout::Long);
    assert_eq!(s.dates, december(&[29, 30, 31]));
    assert_eq!(s.rows.len(), 4, "row 1 is data, not a header");
    assert_eq!(s.rows[0].nip_cell, "A1");
    assert_eq!(s.rows[0].name, "Ratna Dewi, S.T., M.T.");
    assert_eq!(
        s.notes,
        [
            "tanpa baris judul kolom (data mulai baris 1): kolom A dibaca sebagai NIP (isi: NIP \
          18 angka), kolom C dibaca sebagai tanggal (isi: 29-12-2025 s.d. 31-12-2025), kolom D \
          dibaca sebagai keterangan (isi: WFO/WFA)"
        ]
    );
    assert_eq!(
        statuses(&s, 2),
        [Some(Status::Wfo), None, Some(Status::Wfa)]
    );
    assert_eq!(summary(&s), [("status.unknown", Error, "D8")]);
}

#[test]
fn csv_without_a_header_row_or_dates_says_what_was_found() {
    let s = one("tanpa_judul_tanpa_tanggal.csv");
    assert!(s.rows.is_empty(), "nothing is guessed");
    assert_eq!(summary(&s), [("header.not_found", Error, "")]);
    assert!(
        s.findings[0].message.ends_with(
            "tanpa baris judul kolom (data mulai baris 1): kolom A dibaca sebagai NIP (isi: NIP \
             18 angka), kolom C dibaca sebagai keterangan (isi: WFO); kolom tanggal tidak \
             ditemukan."
        ),
        "{}",
        s.findings[0].message
    );
}

#[test]
fn wide_xlsx_under_unknown_headings() {
    let s = one("judul_asing_diskominfo.xlsx");
    assert_eq!(s.unit.as_deref(), Some("DISKOMINFO"));
    assert_eq!(s.layout, Layout::Wide);
    assert_eq!(s.date_cells, ["E2", "F2", "G2"]);
    assert_eq!(s.rows.len(), 4);
    assert_eq!(
        s.notes,
        ["kolom B (\"Identitas ASN\") dibaca sebagai NIP (isi: NIP 18 angka)"]
    );
    assert_eq!(
        statuses(&s, 3),
        [Some(Status::Wfo), None, Some(Status::Wfa)]
    );
    assert_eq!(summary(&s), [("status.unknown", Error, "F6")]);
}

#[test]
fn long_ods_under_unknown_headings() {
    let s = one("judul_asing_dinkes.ods");
    assert_eq!(s.unit.as_deref(), Some("DINKES"), "from the NIPs");
    assert_eq!(s.layout, Layout::Long);
    assert_eq!(s.dates, december(&[29, 30, 31]));
    assert_eq!(s.rows.len(), 3);
    assert_eq!(
        s.notes,
        [
            "kolom A (\"Identitas Pegawai\") dibaca sebagai NIP (isi: NIP 18 angka)",
            "kolom C (\"Hari Pelaksanaan\") dibaca sebagai tanggal (isi: 29-12-2025 s.d. \
             31-12-2025)",
            "kolom D (\"Rencana Tempat Tugas\") dibaca sebagai keterangan (isi: WFO/WFA)",
        ]
    );
    assert_eq!(
        statuses(&s, 2),
        [Some(Status::Wfo), Some(Status::Wfa), Some(Status::Wfa)]
    );
    assert_eq!(summary(&s), []);
}

#[test]
fn a_sheet_per_kelurahan_is_a_submission_per_kelurahan() {
    let subs = read("kelurahan_per_lembar.xlsx");
    let got: Vec<(&str, Option<&str>, usize)> = subs
        .iter()
        .map(|s| (s.sheet.as_str(), s.unit.as_deref(), s.rows.len()))
        .collect();
    assert_eq!(
        got,
        [
            ("Kel. Muara Ciujung Timur", Some("KEL-MCT"), 3),
            ("Kel. Cijoro Lebak", Some("KEL-CJL"), 3),
            ("Kel. Rangkasbitung Barat", Some("KEL-RKB"), 3),
        ],
        "the instructions sheet is not a submission"
    );
    for s in &subs {
        assert_eq!(s.dates, december(&[29, 30, 31]));
        assert_eq!(
            s.notes,
            ["kolom A (\"Nomor Kepegawaian\") dibaca sebagai NIP (isi: NIP 18 angka)"]
        );
    }
    assert_eq!(nips(&subs[1])[2], "197704042003121026");
    assert_eq!(summary(&subs[0]), []);
    assert_eq!(summary(&subs[1]), []);
    assert_eq!(summary(&subs[2]), [("status.unknown", Error, "E5")]);
    assert_eq!(
        subs[2].findings[0].sheet.as_deref(),
        Some("Kel. Rangkasbitung Barat"),
        "findings name the sheet"
    );
    assert_eq!(statuses(&subs[2], 1)[2], Some(Status::Izin));
}

#[test]
fn a_unit_column_of_three_units_splits_the_sheet() {
    let subs = read("tiga_unit_satu_lembar.xlsx");
    let got: Vec<(Option<&str>, Vec<String>)> =
        subs.iter().map(|s| (s.unit.as_deref(), nips(s))).collect();
    assert_eq!(
        got,
        [
            (
                Some("DISKOMINFO"),
                vec!["198503122010011004".into(), "199001152015032002".into()]
            ),
            (
                Some("BKPSDM"),
                vec![
                    "197602142000031002".into(),
                    "198410052009022003".into(),
                    "199107172019031004".into()
                ]
            ),
            (
                Some("DINKES"),
                vec!["197701012002121001".into(), "198202022008012002".into()]
            ),
        ],
        "merged unit cells reach the rows below them"
    );
    for s in &subs {
        assert_eq!(s.sheet, "Gabungan");
        assert_eq!(s.layout, Layout::Wide);
        assert_eq!(s.dates, december(&[29, 30, 31]));
        assert_eq!(
            s.notes,
            ["lembar 'Gabungan' dibagi per unit menurut kolom C (3 unit)"]
        );
        assert_eq!(summary(s), []);
    }
    assert_eq!(subs[1].rows[0].nip_cell, "A5");
}

#[test]
fn non_asn_rows_are_one_warning_and_not_counted() {
    let s = one("non_asn_disdikbud.xls");
    assert_eq!(s.unit.as_deref(), Some("DISDIKBUD"));
    assert_eq!(
        s.rows.len(),
        5,
        "four ASN and the row without NIP or marker"
    );
    assert_eq!(
        nips(&s),
        [
            "198606062011012006",
            "199404042020122007",
            "197812122003121009",
            "198309092010011011",
            ""
        ]
    );
    assert_eq!(s.rows[4].name, "Budi Hartono");
    assert_eq!(
        summary(&s),
        [
            ("nip.invalid", Error, "A11"),
            ("staff.non_asn", Warning, "A7"),
        ]
    );
    assert_eq!(
        s.findings[1].message,
        "4 baris pegawai non-ASN (tanpa NIP) pada lembar 'Jadwal' tidak dihitung: A7 'Ahmad \
         Fauzi' (NIK 3602041505900001), A8 'Siti Aminah' (honorer), A9 'Jajang Nurjaman' \
         (paruh waktu) dan 1 baris lain."
    );
}
