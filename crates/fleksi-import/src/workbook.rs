//! Opens untrusted workbook bytes into their visible worksheets: format told by content
//! (zip → xlsx/xlsm/xlsb/ods, OLE → xls, text → csv), the caps of [`Limits`], the OLE
//! structural check, and calamine run on a worker thread under `catch_unwind` and a time
//! limit so a hostile file can neither crash nor freeze the caller. [`SheetOpener`] lets a
//! caller run all of this elsewhere (the app: in a separate worker process).

use crate::csv_text;
use crate::error::{ImportError, Limits};
use crate::extent::{self, Stray};
use crate::ole_check;
use calamine::{Data, DataRef, Range, Reader, SheetType, SheetVisible, Xls, Xlsb, Xlsx};
use fleksi_core::finding::a1;
use std::io::Cursor;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::mpsc;
use std::sync::Arc;

/// Turns a workbook's bytes into its visible sheets: [`open`] in this process
/// ([`InProcess`]), or the same call somewhere a crash cannot reach the caller.
pub trait SheetOpener: Send + Sync {
    fn open(&self, name: &str, bytes: &[u8], limits: &Limits) -> Result<Vec<Sheet>, ImportError>;
}

impl<T: SheetOpener + ?Sized> SheetOpener for Arc<T> {
    fn open(&self, name: &str, bytes: &[u8], limits: &Limits) -> Result<Vec<Sheet>, ImportError> {
        (**self).open(name, bytes, limits)
    }
}

/// [`open`] on the caller's own process (a worker thread for the parse itself).
#[derive(Debug, Clone, Copy, Default)]
pub struct InProcess;

impl SheetOpener for InProcess {
    fn open(&self, name: &str, bytes: &[u8], limits: &Limits) -> Result<Vec<Sheet>, ImportError> {
        open(name, bytes, limits)
    }
}

/// A shared handle on a [`SheetOpener`]; the default opens in this process.
#[derive(Clone)]
pub struct Opener(Arc<dyn SheetOpener>);

impl Opener {
    pub fn new(opener: impl SheetOpener + 'static) -> Opener {
        Opener(Arc::new(opener))
    }

    pub fn open(
        &self,
        name: &str,
        bytes: &[u8],
        limits: &Limits,
    ) -> Result<Vec<Sheet>, ImportError> {
        self.0.open(name, bytes, limits)
    }
}

impl Default for Opener {
    fn default() -> Opener {
        Opener::new(InProcess)
    }
}

impl std::fmt::Debug for Opener {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Opener")
    }
}

/// One visible worksheet.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    pub name: String,
    /// The table's cells (see [`extent`]): never the whole used rectangle of a sheet with a
    /// value left far away.
    pub range: Range<Data>,
    /// Filled cells far outside the table, set aside (not read as data).
    pub stray: Vec<Stray>,
}

static EMPTY: Data = Data::Empty;

/// Name of the threads that run calamine.
pub const PARSER_THREAD: &str = "fleksi-parse";

impl Sheet {
    /// The cell at absolute (row, col), `Empty` outside the used range.
    pub fn cell(&self, row: u32, col: u32) -> &Data {
        self.range.get_value((row, col)).unwrap_or(&EMPTY)
    }

    /// First and last used rows and columns (absolute), `None` when empty.
    pub fn bounds(&self) -> Option<((u32, u32), (u32, u32))> {
        Some((self.range.start()?, self.range.end()?))
    }
}

/// The container format, told by the first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Xlsx,
    Xlsb,
    Ods,
    Xls,
    Csv,
}

/// Tells the format from the content; `None` for binary data of no known kind.
pub fn sniff(bytes: &[u8]) -> Option<Format> {
    if bytes.starts_with(b"PK\x03\x04") {
        // Zip: look for the telling part names in the (uncompressed) local headers.
        let has = |needle: &[u8]| memchr::memmem::find(bytes, needle).is_some();
        if has(b"mimetypeapplication/vnd.oasis.opendocument") || has(b"content.xml") {
            return Some(Format::Ods);
        }
        if has(b"xl/workbook.bin") {
            return Some(Format::Xlsb);
        }
        return Some(Format::Xlsx);
    }
    if ole_check::is_ole(bytes) {
        return Some(Format::Xls);
    }
    if csv_text::looks_like_text(bytes) {
        return Some(Format::Csv);
    }
    None
}

/// Reads the visible worksheets of a workbook.
pub fn open(name: &str, bytes: &[u8], limits: &Limits) -> Result<Vec<Sheet>, ImportError> {
    let unreadable = |reason: String| ImportError::Unreadable {
        file: name.to_string(),
        reason,
    };
    if bytes.len() > limits.max_bytes {
        return Err(ImportError::TooLarge {
            file: name.to_string(),
            size: bytes.len(),
            limit: limits.max_bytes,
        });
    }
    if bytes.is_empty() {
        return Err(unreadable("berkas kosong (0 byte)".to_string()));
    }
    let format = sniff(bytes).ok_or_else(|| {
        unreadable("bukan lembar kerja yang dikenal (xlsx, xlsm, xlsb, xls, ods, csv)".to_string())
    })?;
    let sheets = match format {
        Format::Csv => vec![Sheet {
            name: "CSV".to_string(),
            range: csv_text::read(bytes, limits.max_cells).map_err(unreadable)?,
            stray: Vec::new(),
        }],
        Format::Xls => {
            ole_check::check(bytes).map_err(|e| unreadable(format!("struktur OLE rusak: {e}")))?;
            parse_guarded(name, bytes, format, limits)?
        }
        _ => parse_guarded(name, bytes, format, limits)?,
    };
    within_caps(name, &sheets, limits)?;
    if sheets.is_empty() {
        return Err(ImportError::NoVisibleSheet {
            file: name.to_string(),
        });
    }
    Ok(sheets)
}

/// Checks the parsed sheets against the caps on sheets, rows, cells and text length.
fn within_caps(name: &str, sheets: &[Sheet], limits: &Limits) -> Result<(), ImportError> {
    too_many_sheets(name, sheets.len(), limits)?;
    for s in sheets {
        let (h, w) = s.range.get_size();
        if h as u64 > limits.max_rows {
            return Err(ImportError::TooManyRows {
                file: name.to_string(),
                sheet: s.name.clone(),
                rows: h as u64,
                limit: limits.max_rows,
            });
        }
        let cells = h as u64 * w as u64;
        if cells > limits.max_cells {
            return Err(ImportError::TooManyCells {
                file: name.to_string(),
                sheet: s.name.clone(),
                cells,
                limit: limits.max_cells,
            });
        }
        let (row0, col0) = s.range.start().unwrap_or((0, 0));
        let texts = s.range.used_cells().filter_map(|(r, c, d)| match d {
            Data::String(t) | Data::DateTimeIso(t) | Data::DurationIso(t) => {
                Some((Ok((row0 + r as u32, col0 + c as u32)), t.as_str()))
            }
            _ => None,
        });
        let strays = s
            .stray
            .iter()
            .enumerate()
            .map(|(k, x)| (Err(k), x.text.as_str()));
        for (at, text) in texts.chain(strays) {
            // Bytes bound characters from above: count only what may be too long.
            if text.len() <= limits.max_text_chars {
                continue;
            }
            let chars = text.chars().count();
            if chars > limits.max_text_chars {
                let cell = match at {
                    Ok((r, c)) => a1(c, r),
                    Err(k) => s.stray[k].cell.clone(),
                };
                return Err(ImportError::TextTooLong {
                    file: name.to_string(),
                    sheet: s.name.clone(),
                    cell,
                    chars,
                    limit: limits.max_text_chars,
                });
            }
        }
    }
    Ok(())
}

fn too_many_sheets(name: &str, sheets: usize, limits: &Limits) -> Result<(), ImportError> {
    if sheets > limits.max_sheets {
        return Err(ImportError::TooManySheets {
            file: name.to_string(),
            sheets,
            limit: limits.max_sheets,
        });
    }
    Ok(())
}

/// Runs calamine on a worker thread: panics become errors, and a parse that outlives the
/// time limit is abandoned (the structural checks make that a last resort).
fn parse_guarded(
    name: &str,
    bytes: &[u8],
    format: Format,
    limits: &Limits,
) -> Result<Vec<Sheet>, ImportError> {
    let owned = bytes.to_vec();
    let (file, caps) = (name.to_string(), *limits);
    let (tx, rx) = mpsc::channel();
    let spawned = std::thread::Builder::new()
        .name(PARSER_THREAD.to_string())
        .spawn(move || {
            let result = catch_unwind(AssertUnwindSafe(|| parse(&file, owned, format, &caps)));
            let _ = tx.send(result);
        });
    let unreadable = |reason: String| ImportError::Unreadable {
        file: name.to_string(),
        reason,
    };
    if let Err(e) = spawned {
        return Err(unreadable(format!("tidak dapat memulai pembacaan: {e}")));
    }
    match rx.recv_timeout(limits.parse_timeout) {
        Ok(Ok(result)) => result,
        Ok(Err(_panic)) => Err(unreadable(
            "isi berkas rusak (pembaca lembar kerja gagal)".to_string(),
        )),
        Err(mpsc::RecvTimeoutError::Timeout) => Err(ImportError::TimedOut {
            file: name.to_string(),
            seconds: limits.parse_timeout.as_secs(),
        }),
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            Err(unreadable("pembacaan berhenti tanpa hasil".to_string()))
        }
    }
}

fn describe(e: impl std::fmt::Display) -> String {
    let text = e.to_string();
    let lower = text.to_lowercase();
    if lower.contains("password") || lower.contains("encrypt") {
        "berkas dilindungi kata sandi (terenkripsi); simpan ulang tanpa kata sandi".to_string()
    } else {
        format!("isi berkas rusak atau tidak didukung ({text})")
    }
}

/// Streams the cells of every visible worksheet of a reader that has a cell reader (xlsx,
/// xlsb: their `worksheet_cells_reader` methods are not one trait); a sheet that fails
/// alone (a chart sheet in disguise) is skipped.
macro_rules! streamed {
    ($file:expr, $book:expr, $limits:expr) => {{
        let mut book = $book;
        let mut sheets = Vec::new();
        for name in visible_worksheets($file, &book, $limits)? {
            let Ok(mut reader) = book.worksheet_cells_reader(&name) else {
                continue;
            };
            let read = collect($file, &name, $limits.max_cells, || {
                reader.next_cell().map(|c| c.map(owned))
            })?;
            sheets.extend(read.map(|cells| sheet(name, cells)));
        }
        Ok(sheets)
    }};
}

fn parse(
    file: &str,
    bytes: Vec<u8>,
    format: Format,
    limits: &Limits,
) -> Result<Vec<Sheet>, ImportError> {
    let cursor = Cursor::new(bytes);
    let broken = |e: &dyn std::fmt::Display| ImportError::Unreadable {
        file: file.to_string(),
        reason: describe(e),
    };
    match format {
        Format::Xlsx => streamed!(file, Xlsx::new(cursor).map_err(|e| broken(&e))?, limits),
        Format::Xlsb => streamed!(file, Xlsb::new(cursor).map_err(|e| broken(&e))?, limits),
        // Read cell by cell here: calamine's ods reader builds each sheet's used rectangle.
        Format::Ods => Ok(crate::ods::read(file, cursor.get_ref(), limits)?
            .into_iter()
            .map(|(name, cells)| sheet(name, cells))
            .collect()),
        // calamine builds each xls sheet's dense range (at most 65,536 × 256); re-cut here.
        Format::Xls => ranges(file, Xls::new(cursor).map_err(|e| broken(&e))?, limits),
        Format::Csv => Err(broken(&"CSV dibaca di tempat lain")),
    }
}

/// The workbook bytes calamine reads from.
type Bytes = Cursor<Vec<u8>>;

/// The names of the visible worksheets, in workbook order (refused when too many).
fn visible_worksheets<R: Reader<Bytes>>(
    file: &str,
    book: &R,
    limits: &Limits,
) -> Result<Vec<String>, ImportError> {
    let names: Vec<String> = book
        .sheets_metadata()
        .iter()
        .filter(|s| s.visible == SheetVisible::Visible && s.typ == SheetType::WorkSheet)
        .map(|s| s.name.clone())
        .collect();
    too_many_sheets(file, names.len(), limits)?;
    Ok(names)
}

/// A sheet from its filled cells.
fn sheet(name: String, filled: Filled) -> Sheet {
    let (range, stray) = extent::from_cells(filled);
    Sheet { name, range, stray }
}

/// A sheet's filled cells as (row, column, value).
type Filled = Vec<(u32, u32, Data)>;

/// A streamed cell as (row, column, value).
fn owned(cell: calamine::Cell<DataRef<'_>>) -> (u32, u32, Data) {
    let (r, c) = cell.get_position();
    (r, c, Data::from(cell.get_value().clone()))
}

/// Drains a cell reader: the filled cells, `Ok(None)` when the sheet fails alone, an error
/// when it holds more cells than allowed.
fn collect<E>(
    file: &str,
    name: &str,
    max_cells: u64,
    mut next: impl FnMut() -> Result<Option<(u32, u32, Data)>, E>,
) -> Result<Option<Filled>, ImportError> {
    let mut filled = Vec::new();
    loop {
        match next() {
            Ok(Some((_, _, Data::Empty))) => {}
            Ok(Some(cell)) => {
                if filled.len() as u64 >= max_cells {
                    return Err(ImportError::TooManyCells {
                        file: file.to_string(),
                        sheet: name.to_string(),
                        cells: max_cells + 1,
                        limit: max_cells,
                    });
                }
                filled.push(cell);
            }
            Ok(None) => return Ok(Some(filled)),
            Err(_) => return Ok(None),
        }
    }
}

/// The visible worksheets of a reader that gives dense ranges.
fn ranges<R: Reader<Bytes>>(
    file: &str,
    mut book: R,
    limits: &Limits,
) -> Result<Vec<Sheet>, ImportError> {
    let mut sheets = Vec::new();
    for name in visible_worksheets(file, &book, limits)? {
        // A sheet that fails alone (a chart or macro sheet in disguise) is skipped.
        if let Ok(range) = book.worksheet_range(&name) {
            let (range, stray) = extent::from_range(range);
            sheets.push(Sheet { name, range, stray });
        }
    }
    Ok(sheets)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_by_content() {
        assert_eq!(sniff(b"PK\x03\x04....xl/workbook.xml"), Some(Format::Xlsx));
        assert_eq!(sniff(b"PK\x03\x04....xl/workbook.bin"), Some(Format::Xlsb));
        assert_eq!(
            sniff(b"PK\x03\x04mimetypeapplication/vnd.oasis.opendocument.spreadsheet"),
            Some(Format::Ods)
        );
        assert_eq!(sniff(b"NIP;Nama\r\n1;2\r\n"), Some(Format::Csv));
        assert_eq!(sniff(&[0u8, 1, 2, 3, 0, 0, 7, 8]), None);
    }

    #[test]
    fn hidden_sheets_are_not_read() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../tests/fixtures/import/diskominfo.xlsx"
        );
        let bytes = std::fs::read(path).unwrap();
        let sheets = open("diskominfo.xlsx", &bytes, &Limits::default()).unwrap();
        let names: Vec<&str> = sheets.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["Jadwal"], "the hidden Petunjuk sheet is skipped");
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        let limits = Limits::default();
        let err = open("x.xlsx", b"PK\x03\x04garbage", &limits).unwrap_err();
        assert!(err.to_string().contains("x.xlsx"), "{err}");
        let err = open(
            "big.csv",
            &[b'a'; 100],
            &Limits {
                max_bytes: 10,
                ..limits
            },
        )
        .unwrap_err();
        assert!(matches!(err, ImportError::TooLarge { .. }));
    }
}
