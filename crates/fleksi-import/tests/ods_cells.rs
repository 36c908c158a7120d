//! The .ods reader (cell by cell, `src/ods.rs`) against calamine's on every .ods file of the
//! fixtures and of the shared corpus: the same visible sheets, and in each the same filled
//! cells at the same places with the same values, wherever calamine reads the file at all.
//! Where calamine refuses one (a value far from the table, a damaged file), ours still never
//! panics; the far value is read as one cell.

use calamine::{Data, Ods, Reader, SheetType, SheetVisible};
use fleksi_import::fuzzing::read_ods;
use fleksi_import::Limits;
use std::io::Cursor;
use std::path::{Path, PathBuf};

type Cells = Vec<(u32, u32, Data)>;

/// The .ods files under `dir`, sorted.
fn ods_files(dir: &Path) -> Vec<PathBuf> {
    fleksi_testkit::files_under(dir, &|p| {
        p.extension().is_some_and(|x| x.eq_ignore_ascii_case("ods"))
    })
}

/// calamine's visible worksheets and their filled cells (absolute places), or why not.
fn calamine_cells(bytes: &[u8]) -> Result<Vec<(String, Cells)>, String> {
    let mut book = Ods::new(Cursor::new(bytes.to_vec())).map_err(|e| e.to_string())?;
    let names: Vec<String> = book
        .sheets_metadata()
        .iter()
        .filter(|s| s.visible == SheetVisible::Visible && s.typ == SheetType::WorkSheet)
        .map(|s| s.name.clone())
        .collect();
    let mut out = Vec::new();
    for name in names {
        let range = book.worksheet_range(&name).map_err(|e| e.to_string())?;
        let (r0, c0) = range.start().unwrap_or((0, 0));
        let mut cells: Cells = range
            .used_cells()
            .map(|(r, c, d)| (r0 + r as u32, c0 + c as u32, d.clone()))
            .collect();
        cells.sort_by_key(|(r, c, _)| (*r, *c));
        out.push((name, cells));
    }
    Ok(out)
}

fn ours(bytes: &[u8]) -> Result<Vec<(String, Cells)>, String> {
    let sheets = read_ods("uji.ods", bytes, &Limits::default()).map_err(|e| e.to_string())?;
    Ok(sheets
        .into_iter()
        .map(|(name, mut cells)| {
            cells.sort_by_key(|(r, c, _)| (*r, *c));
            (name, cells)
        })
        .collect())
}

/// Compares both readers on `files`: (files compared, files calamine refused).
fn compare(files: &[PathBuf]) -> (usize, usize) {
    let (mut same, mut refused) = (0, 0);
    for path in files {
        let bytes = std::fs::read(path).expect("readable file");
        let mine = ours(&bytes);
        match calamine_cells(&bytes) {
            Ok(theirs) => {
                let mine = mine.unwrap_or_else(|e| {
                    panic!("{}: calamine reads it, ours refuses: {e}", path.display())
                });
                let names =
                    |s: &[(String, Cells)]| s.iter().map(|x| x.0.clone()).collect::<Vec<_>>();
                assert_eq!(names(&mine), names(&theirs), "{}: sheets", path.display());
                for ((name, a), (_, b)) in mine.iter().zip(&theirs) {
                    assert_eq!(
                        a.len(),
                        b.len(),
                        "{} › {name}: filled cells",
                        path.display()
                    );
                    for (x, y) in a.iter().zip(b) {
                        assert_eq!(x, y, "{} › {name}", path.display());
                    }
                }
                same += 1;
            }
            Err(_) => refused += 1,
        }
    }
    (same, refused)
}

#[test]
fn fixtures_read_the_same_as_calamine() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures");
    let files = ods_files(&root);
    assert!(files.len() >= 5, "{files:?}");
    let (same, refused) = compare(&files);
    // The one calamine refuses is the far stray cell (sparse/sel_jauh_dinkes_lo.ods).
    assert_eq!(refused, 1, "{files:?}");
    assert_eq!(same, files.len() - 1);
}

#[test]
fn the_corpus_reads_the_same_as_calamine() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus");
    let Some(dir) = fleksi_testkit::data_dir(&dir, "the shared corpus") else {
        return;
    };
    let files = ods_files(&dir);
    assert!(files.len() >= 50, "{} .ods files", files.len());
    let (same, refused) = compare(&files);
    eprintln!(
        "{} .ods: {same} read the same, {refused} refused by calamine",
        files.len()
    );
    assert!(
        same >= files.len() * 3 / 4,
        "{same} same, {refused} refused by calamine"
    );
}

#[test]
fn a_value_far_from_the_table_is_one_cell() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/sparse/sel_jauh_dinkes_lo.ods");
    let bytes = std::fs::read(path).expect("fixture");
    let sheets = ours(&bytes).expect("read");
    let cells = &sheets[0].1;
    let last = cells.last().expect("cells");
    assert_eq!((last.0, last.1), (1_048_575, 1_023), "AMJ1048576");
    assert!(cells.len() < 20, "{} cells", cells.len());
}

#[test]
fn a_cell_cap_stops_a_repeated_row_of_values() {
    // One row of a value repeated a million times (what a filled column "to the end" is):
    // reading stops at the cap on filled cells.
    let content = r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="Jadwal"><table:table-row table:number-rows-repeated="1000000"><table:table-cell office:value-type="string"><text:p>WFO</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>"#;
    let bytes = ods_package(content);
    let limits = Limits {
        max_cells: 1_000,
        ..Limits::default()
    };
    let text = match read_ods("penuh.ods", &bytes, &limits) {
        Ok(sheets) => panic!("not capped: {} cells", sheets[0].1.len()),
        Err(e) => e.to_string(),
    };
    assert!(
        text.contains("penuh.ods") && text.contains("Jadwal"),
        "{text}"
    );
}

#[test]
fn text_values_keep_spaces_lines_and_entities() {
    let content = r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="A &amp; B"><table:table-row><table:table-cell office:value-type="string"><text:p>WFA<text:s text:c="2"/>(Rumah) &amp; co</text:p><text:p>baris 2</text:p><office:annotation><text:p>catatan</text:p></office:annotation></table:table-cell><table:table-cell table:number-columns-repeated="2" office:value-type="float" office:value="12.5"/><table:table-cell office:value-type="date" office:date-value="2025-12-29"/></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>"#;
    let bytes = ods_package(content);
    let sheets = ours(&bytes).expect("read");
    assert_eq!(sheets[0].0, "A & B");
    assert_eq!(
        sheets[0].1,
        vec![
            (0, 0, Data::String("WFA  (Rumah) & co\nbaris 2".into())),
            (0, 1, Data::Float(12.5)),
            (0, 2, Data::Float(12.5)),
            (0, 3, Data::DateTimeIso("2025-12-29".into())),
        ]
    );
    assert_eq!(calamine_cells(&bytes).expect("calamine reads it"), sheets);
}

/// A minimal .ods package around `content`.
fn ods_package(content: &str) -> Vec<u8> {
    use std::io::Write;
    let mut out = Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("mimetype", stored).expect("zip");
    zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .expect("zip");
    zip.start_file("META-INF/manifest.xml", stored)
        .expect("zip");
    zip.write_all(br#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>"#)
        .expect("zip");
    zip.start_file("content.xml", stored).expect("zip");
    zip.write_all(content.as_bytes()).expect("zip");
    zip.finish().expect("zip");
    out.into_inner()
}
