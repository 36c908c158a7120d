//! The caps of `Limits` on real files: too many sheets, rows, cells, too long a text and too
//! large a file are each refused with an Indonesian message naming the file (and the sheet
//! and cell where there is one), and a file within the caps reads as before.

use fleksi_import::{open_sheets, ImportError, Limits};
use std::path::PathBuf;

fn fixture(path: &str) -> (String, Vec<u8>) {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures")
        .join(path);
    let name = p.file_name().unwrap().to_string_lossy().into_owned();
    (name, std::fs::read(&p).expect("fixture"))
}

#[test]
fn a_workbook_with_more_sheets_than_allowed_is_refused_naming_the_count() {
    let (name, bytes) = fixture("shapes/kelurahan_per_lembar.xlsx");
    let sheets = open_sheets(&name, &bytes, &Limits::default()).expect("reads");
    assert!(sheets.len() >= 2, "{} sheets", sheets.len());
    let limits = Limits {
        max_sheets: sheets.len() - 1,
        ..Limits::default()
    };
    let err = open_sheets(&name, &bytes, &limits).unwrap_err();
    assert!(matches!(err, ImportError::TooManySheets { .. }), "{err:?}");
    assert_eq!(
        err.to_string(),
        format!(
            "berkas '{name}' berisi terlalu banyak lembar kerja ({}; batas {}); simpan jadwal \
             dalam lebih sedikit lembar",
            sheets.len(),
            sheets.len() - 1
        )
    );
}

#[test]
fn a_sheet_with_more_rows_than_allowed_is_refused_naming_the_sheet() {
    for path in [
        "import/diskominfo.xlsx",
        "import/dinkes.csv",
        "import/bkpsdm.xls",
    ] {
        let (name, bytes) = fixture(path);
        let sheets = open_sheets(&name, &bytes, &Limits::default()).expect("reads");
        let rows = sheets[0].range.height() as u64;
        let limits = Limits {
            max_rows: rows - 1,
            ..Limits::default()
        };
        let err = open_sheets(&name, &bytes, &limits).unwrap_err();
        let text = err.to_string();
        assert!(matches!(err, ImportError::TooManyRows { .. }), "{err:?}");
        assert!(
            text.starts_with(&format!("berkas '{name}', lembar '{}'", sheets[0].name))
                && text.contains(&format!(
                    "terlalu banyak baris ({rows}; batas {})",
                    rows - 1
                )),
            "{text}"
        );
    }
}

#[test]
fn a_sheet_with_more_cells_than_allowed_is_refused_naming_the_sheet() {
    let (name, bytes) = fixture("import/diskominfo.xlsx");
    let limits = Limits {
        max_cells: 10,
        ..Limits::default()
    };
    let err = open_sheets(&name, &bytes, &limits).unwrap_err();
    assert!(matches!(err, ImportError::TooManyCells { .. }), "{err:?}");
    assert!(
        err.to_string().starts_with(&format!(
            "berkas '{name}', lembar 'Jadwal': terlalu banyak sel"
        )),
        "{err}"
    );
}

#[test]
fn a_csv_whose_unclosed_quote_swallows_the_file_is_refused_at_the_cell() {
    // What an unclosed quote does: the rest of the file becomes one field of B2.
    let mut text = String::from("NIP;Nama;2025-12-29\n199001012020121001;\"Andi;WFO\n");
    for i in 0..3_000 {
        text.push_str(&format!("1990010120201210{:02};Pegawai {i};WFA\n", i % 100));
    }
    let err = open_sheets("jadwal_kutip.csv", text.as_bytes(), &Limits::default()).unwrap_err();
    match &err {
        ImportError::TextTooLong {
            file,
            sheet,
            cell,
            chars,
            limit,
        } => {
            assert_eq!(
                (file.as_str(), sheet.as_str(), cell.as_str()),
                ("jadwal_kutip.csv", "CSV", "B2")
            );
            assert!(*chars > 32_767 && *limit == 32_767, "{chars} / {limit}");
        }
        other => panic!("{other:?}"),
    }
    assert!(
        err.to_string().contains("sel B2: teks terlalu panjang"),
        "{err}"
    );
    // The same file within a larger cap reads (as one long cell).
    let roomy = Limits {
        max_text_chars: 1 << 20,
        ..Limits::default()
    };
    assert!(open_sheets("jadwal_kutip.csv", text.as_bytes(), &roomy).is_ok());
}

#[test]
fn a_file_over_the_size_cap_is_refused_before_it_is_parsed() {
    let (name, bytes) = fixture("import/diskominfo.xlsx");
    let limits = Limits {
        max_bytes: bytes.len() - 1,
        ..Limits::default()
    };
    let err = open_sheets(&name, &bytes, &limits).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "berkas '{name}' terlalu besar ({} byte; batas {} byte)",
            bytes.len(),
            bytes.len() - 1
        )
    );
}

#[test]
fn a_refused_file_is_a_file_unreadable_finding_with_the_cap_message() {
    let (name, bytes) = fixture("import/dinkes.csv");
    let policy = fleksi_core::presets::by_id("lebak-2025-12").expect("preset");
    let limits = Limits {
        max_rows: 2,
        ..Limits::default()
    };
    let subs = fleksi_import::read_workbook_with(
        &name,
        &bytes,
        &policy,
        &fleksi_core::Master::default(),
        &limits,
    );
    assert_eq!(subs.len(), 1);
    let f = &subs[0].findings[0];
    assert_eq!(f.code, fleksi_core::FindingCode::FileUnreadable);
    assert!(f.message.contains("terlalu banyak baris"), "{}", f.message);
    assert!(subs[0].rows.is_empty());
}
