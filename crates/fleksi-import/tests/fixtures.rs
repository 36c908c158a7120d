//! The hand-made OPD fixtures (`tests/fixtures/import/`, written by openpyxl, LibreOffice,
//! Gnumeric and by hand as CSV): exact import findings, units, layouts and row counts.

use fleksi_core::{Approval, Layout, Master, Policy, Severity, Status, Submission};
use std::path::PathBuf;

mod common;

use common::{december, summary};

fn dir() -> PathBuf {
    common::fixtures().join("import")
}

fn policy() -> Policy {
    common::lebak()
}

fn master() -> Master {
    common::fixture_master()
}

fn read(rel: &str) -> Submission {
    let bytes = std::fs::read(dir().join(rel)).expect("fixture file");
    fleksi_import::read_submission(rel, &bytes, &policy(), &master())
}

use Severity::{Error, Warning};

#[test]
fn master_has_units_staff_and_kinds() {
    let m = master();
    assert_eq!(m.units.len(), 6);
    assert_eq!(m.employees.len(), 25);
    assert_eq!(m.staff_count("DISKOMINFO"), 6);
    let bapel = m.unit("BAPELITBANGDA").unwrap();
    assert_eq!(bapel.abbreviation.as_deref(), Some("Bapelitbangda"));
    let e = m
        .employees
        .iter()
        .find(|e| e.nip.as_str() == "199308082024212001")
        .unwrap();
    assert_eq!(
        (e.unit.as_str(), e.name.as_str()),
        ("BKPSDM", "Nurul Aini, S.Psi.")
    );
}

#[test]
fn openpyxl_xlsx_with_letterhead_hidden_sheet_and_numeric_nip() {
    let s = read("diskominfo.xlsx");
    assert_eq!(
        s.sheet, "Jadwal",
        "the hidden instructions sheet is skipped"
    );
    assert_eq!(s.unit.as_deref(), Some("DISKOMINFO"));
    assert_eq!(s.layout, Layout::Wide);
    assert_eq!(s.dates, december(&[29, 30, 31]));
    assert_eq!(s.date_cells, ["H6", "I6", "J6"]);
    assert_eq!(s.rows.len(), 6, "totals and signature rows are not staff");
    assert_eq!(
        summary(&s),
        [
            ("status.unknown", Error, "I9"),
            ("nip.precision_lost", Warning, "B12")
        ]
    );
    let recovered = &s.rows[5];
    assert_eq!(recovered.nip.unwrap().as_str(), "199512242020121008");
    assert_eq!(s.findings[0].date, Some(december(&[30])[0]));
    assert_eq!(s.findings[0].nip.as_deref(), Some("198807202012121001"));
}

#[test]
fn the_same_workbook_resaved_by_libreoffice_and_gnumeric() {
    for file in ["extra/diskominfo_lo.ods", "extra/diskominfo_gnumeric.xlsx"] {
        let s = read(file);
        assert_eq!(s.sheet, "Jadwal", "{file}");
        assert_eq!(s.unit.as_deref(), Some("DISKOMINFO"), "{file}");
        assert_eq!(s.dates, december(&[29, 30, 31]), "{file}");
        assert_eq!(s.rows.len(), 6, "{file}");
        assert_eq!(
            summary(&s),
            [
                ("status.unknown", Error, "I9"),
                ("nip.precision_lost", Warning, "B12")
            ],
            "{file}"
        );
    }
}

#[test]
fn master_errors_name_sheet_and_cell() {
    let bad = "NIP;NAMA;JABATAN;KODE UNIT\n\
               198503122010011004;Andi;Staf;DISKOMINFO\n\
               19850312201001100;Budi;Staf;DISKOMINFO\n\
               198503122010011004;Andi lagi;Staf;DISKOMINFO\n\
               1,99512E+17;Fajar;Staf;DISKOMINFO\n";
    let err = fleksi_import::read_master("pegawai.csv", bad.as_bytes()).unwrap_err();
    let text = err.to_string();
    assert!(
        text.starts_with("berkas data pegawai 'pegawai.csv'"),
        "{text}"
    );
    assert!(
        text.contains("lembar 'CSV' sel A3: NIP '19850312201001100' tidak sah"),
        "{text}"
    );
    assert!(
        text.contains("sel A4: NIP 198503122010011004 ganda (sudah ada di A2)"),
        "{text}"
    );
    assert!(
        text.contains("sel A5: NIP tersimpan sebagai angka"),
        "{text}"
    );

    let ok = "NIP;NAMA;JABATAN;KODE UNIT;UNIT KERJA\n198503122010011004;Andi;Staf;DK;Dinas X\n";
    let m = fleksi_import::read_master("pegawai.csv", ok.as_bytes()).unwrap();
    assert_eq!(m.unit("DK").map(|u| u.name.as_str()), Some("Dinas X"));
    assert_eq!(m.staff_count("DK"), 1);

    let none = fleksi_import::read_master("kosong.csv", b"a;b\n1;2\n").unwrap_err();
    assert!(none.to_string().contains("kolom NIP dan NAMA"), "{none}");
}

#[test]
fn libreoffice_xls_with_text_dates_synonyms_and_approval() {
    let s = read("bkpsdm.xls");
    assert_eq!(s.unit.as_deref(), Some("BKPSDM"));
    assert_eq!(s.dates, december(&[29, 30, 31]));
    assert_eq!(s.rows.len(), 5);
    assert!(summary(&s).is_empty(), "{:?}", s.findings);
    let statuses: Vec<Option<Status>> = s.rows[0].entries.iter().map(|e| e.status).collect();
    assert_eq!(
        statuses,
        [Some(Status::Wfo), Some(Status::Wfo), Some(Status::Wfa)]
    );
    let approvals: Vec<Option<Approval>> = s.rows.iter().map(|r| r.entries[0].approved).collect();
    // `Ya`, `✓`, `Setuju`, blank, a name.
    use Approval::{No, Yes};
    assert_eq!(
        approvals,
        [Some(Yes), Some(Yes), Some(Yes), Some(No), Some(Yes)]
    );
}

#[test]
fn libreoffice_ods_with_two_level_header_and_bad_nip() {
    let s = read("disdikbud.ods");
    assert_eq!(
        s.unit.as_deref(),
        Some("DISDIKBUD"),
        "unit from the sheet name"
    );
    assert_eq!(s.dates, december(&[29, 30, 31]));
    assert_eq!(s.date_cells, ["E5", "F5", "G5"]);
    assert_eq!(
        s.rows.len(),
        4,
        "numbering and signature rows are not staff"
    );
    assert_eq!(summary(&s), [("nip.invalid", Error, "B7")]);
    assert!(s.findings[0].message.contains("17 angka"));
}

#[test]
fn windows_1252_csv_in_long_layout() {
    let s = read("dinkes.csv");
    assert_eq!(s.unit.as_deref(), Some("DINKES"));
    assert_eq!(s.layout, Layout::Long);
    assert_eq!(s.rows.len(), 3);
    assert!(s.rows.iter().all(|r| r.entries.len() == 3));
    assert_eq!(s.rows[1].name, "Siti Ma\u{2019}rifah, S.KM");
    assert_eq!(s.rows[1].entries[1].status, Some(Status::Wfa));
    assert_eq!(s.rows[1].entries[1].cell, "D7");
    assert!(summary(&s).is_empty());
}

#[test]
fn utf8_bom_csv_named_by_file() {
    let s = read("bapelitbangda.csv");
    assert_eq!(s.unit.as_deref(), Some("BAPELITBANGDA"));
    assert_eq!(s.rows.len(), 5);
    assert_eq!(s.rows[0].name, "Ratna Dewi, S.T., M.T.");
    assert!(summary(&s).is_empty());
}

#[test]
fn gnumeric_xls_with_short_date_headers() {
    let s = read("jadwal_kecamatan.xls");
    assert_eq!(s.unit.as_deref(), Some("KEC-RKB"), "unit from the title");
    assert_eq!(s.dates, december(&[29, 30, 31]));
    assert_eq!(s.rows.len(), 3);
    assert!(s
        .rows
        .iter()
        .all(|r| r.entries[0].approved == Some(Approval::Yes)));
    assert!(summary(&s).is_empty());
}

#[test]
fn corrupt_file_is_unreadable_with_its_name() {
    let s = read("rusak.xlsx");
    assert_eq!(summary(&s), [("file.unreadable", Error, "")]);
    assert!(s.findings[0].message.contains("rusak.xlsx"));
    assert!(s.rows.is_empty());
}

#[test]
fn unit_from_the_nips_and_unrecoverable_numeric_nip() {
    let s = read("extra/jadwal.xlsx");
    assert_eq!(s.unit.as_deref(), Some("DISKOMINFO"));
    assert_eq!(s.dates, december(&[29, 30, 31]), "`29/12` headers");
    assert_eq!(summary(&s), [("nip.precision_lost", Error, "A6")]);
    assert_eq!(s.rows[4].nip, None);
}

#[test]
fn long_layout_with_approval() {
    let s = read("extra/panjang.xlsx");
    assert_eq!(s.layout, Layout::Long);
    assert_eq!(s.unit.as_deref(), Some("BKPSDM"));
    assert_eq!(s.rows.len(), 2);
    assert_eq!(s.rows[0].entries[1].approved, Some(Approval::Yes));
    assert_eq!(s.rows[1].entries[1].approved, Some(Approval::No));
    assert!(summary(&s).is_empty());
}

#[test]
fn no_table_and_unknown_unit() {
    let s = read("extra/tanpa_tabel.xlsx");
    assert_eq!(summary(&s), [("header.not_found", Error, "")]);
    assert_eq!(s.findings[0].sheet.as_deref(), Some("Catatan"));
    let s = read("extra/jadwal_pariwisata.xlsx");
    assert_eq!(s.unit, None);
    assert_eq!(summary(&s), [("unit.unknown", Error, "A3")]);
    assert!(s.findings[0].message.contains("DINAS PARIWISATA"));
}

#[test]
fn many_files_in_parallel_keep_their_order() {
    let names = ["dinkes.csv", "rusak.xlsx", "bkpsdm.xls", "diskominfo.xlsx"];
    let files: Vec<(String, Vec<u8>)> = names
        .iter()
        .map(|n| (n.to_string(), std::fs::read(dir().join(n)).unwrap()))
        .collect();
    let subs = fleksi_import::read_submissions(&files, &policy(), &master());
    let units: Vec<Option<&str>> = subs.iter().map(|s| s.unit.as_deref()).collect();
    assert_eq!(
        units,
        [Some("DINKES"), None, Some("BKPSDM"), Some("DISKOMINFO")]
    );
}

#[test]
fn folder_inputs_skip_the_master() {
    let d = dir();
    let got =
        fleksi_import::collect_inputs_excluding(std::slice::from_ref(&d), &[d.join("master.xlsx")]);
    let names: Vec<String> = got
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        [
            "bapelitbangda.csv",
            "bkpsdm.xls",
            "dinkes.csv",
            "disdikbud.ods",
            "diskominfo.xlsx",
            "jadwal_kecamatan.xls",
            "rusak.xlsx"
        ]
    );
}

#[test]
fn parallel_read_reports_each_file_started_then_done() {
    use fleksi_import::Progress;
    use std::sync::Mutex;
    let names = ["diskominfo.xlsx", "bkpsdm.xls", "rusak.xlsx", "dinkes.csv"];
    let files: Vec<(String, Vec<u8>)> = names
        .iter()
        .map(|n| {
            (
                n.to_string(),
                std::fs::read(dir().join(n)).expect("fixture"),
            )
        })
        .collect();
    let seen: Mutex<Vec<(usize, Option<usize>)>> = Mutex::new(Vec::new());
    let books = fleksi_import::read_workbooks_reporting(&files, &policy(), &master(), &|i, p| {
        let rows = match p {
            Progress::Started => None,
            Progress::Done(subs) => Some(subs.iter().map(|s| s.rows.len()).sum()),
        };
        seen.lock().unwrap().push((i, rows));
    });
    let seen = seen.into_inner().unwrap();
    assert_eq!(seen.len(), 2 * names.len());
    assert!(books.iter().all(|b| b.len() == 1), "one unit per file");
    let subs: Vec<_> = books.into_iter().flatten().collect();
    for (i, sub) in subs.iter().enumerate() {
        let started = seen.iter().position(|&(j, r)| j == i && r.is_none());
        let done = seen.iter().position(|&(j, r)| j == i && r.is_some());
        let (Some(started), Some(done)) = (started, done) else {
            panic!("file {i} not reported: {seen:?}");
        };
        assert!(started < done, "file {i} done before started");
        assert_eq!(seen[done].1, Some(sub.rows.len()));
    }
    // The corrupt file is reported done too, with no rows.
    assert_eq!(subs[2].rows.len(), 0);
}
