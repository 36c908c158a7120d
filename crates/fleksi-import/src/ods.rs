//! OpenDocument spreadsheets (.ods) read cell by cell: `content.xml` streamed with quick-xml,
//! keeping only filled cells and their positions, so a value left in AMJ1048576 costs one
//! cell — never a grid sized by the sheet's extent, which calamine's ods reader builds (and
//! refuses past 100 million cells). Each value is what calamine gives for the same cell
//! (`tests/ods_cells.rs` compares both on every .ods of the fixtures and the shared corpus).

use crate::error::{ImportError, Limits};
use calamine::Data;
use fleksi_core::finding::a1;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::QName;
use quick_xml::Reader;
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Cursor, Read};

/// A visible sheet's name and its filled cells as (row, column, value), in reading order.
pub type OdsSheet = (String, Vec<(u32, u32, Data)>);

/// The last row and column a cell may have (LibreOffice's jumbo sheets go further; nothing
/// a clerk sends does).
const MAX_ROW: u64 = 1_048_576;
const MAX_COL: u64 = 16_384;

/// The visible worksheets of an .ods file with their filled cells.
pub fn read(file: &str, bytes: &[u8], limits: &Limits) -> Result<Vec<OdsSheet>, ImportError> {
    let broken = |reason: String| ImportError::Unreadable {
        file: file.to_string(),
        reason,
    };
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| broken(format!("isi berkas rusak atau tidak didukung ({e})")))?;
    if encrypted(&mut zip) {
        return Err(broken(
            "berkas dilindungi kata sandi (terenkripsi); simpan ulang tanpa kata sandi".into(),
        ));
    }
    let content = zip.by_name("content.xml").map_err(|e| {
        broken(format!(
            "isi berkas rusak atau tidak didukung (content.xml: {e})"
        ))
    })?;
    let mut xml = Reader::from_reader(BufReader::new(content));
    let config = xml.config_mut();
    config.check_end_names = false;
    config.trim_text(false);
    config.check_comments = false;
    config.expand_empty_elements = true;
    let mut doc = Doc { xml, file, limits };
    doc.sheets().map_err(|e| e.into_import(file))
}

/// Whether the manifest lists encrypted parts (a password-protected file).
fn encrypted<R: Read + std::io::Seek>(zip: &mut zip::ZipArchive<R>) -> bool {
    let Ok(manifest) = zip.by_name("META-INF/manifest.xml") else {
        return false;
    };
    let mut text = Vec::new();
    if manifest
        .take(4 * 1024 * 1024)
        .read_to_end(&mut text)
        .is_err()
    {
        return false;
    }
    memchr::memmem::find(&text, b"encryption-data").is_some()
}

/// Why reading stopped.
enum Stop {
    Import(ImportError),
    Xml(String),
}

impl From<quick_xml::Error> for Stop {
    fn from(e: quick_xml::Error) -> Stop {
        Stop::Xml(e.to_string())
    }
}

impl From<quick_xml::events::attributes::AttrError> for Stop {
    fn from(e: quick_xml::events::attributes::AttrError) -> Stop {
        Stop::Xml(e.to_string())
    }
}

impl Stop {
    fn into_import(self, file: &str) -> ImportError {
        match self {
            Stop::Import(e) => e,
            Stop::Xml(e) => ImportError::Unreadable {
                file: file.to_string(),
                reason: format!("isi berkas rusak atau tidak didukung ({e})"),
            },
        }
    }
}

struct Doc<'a, R: BufRead> {
    xml: Reader<R>,
    file: &'a str,
    limits: &'a Limits,
}

impl<R: BufRead> Doc<'_, R> {
    fn sheets(&mut self) -> Result<Vec<OdsSheet>, Stop> {
        let mut buf = Vec::with_capacity(1024);
        // Table styles that hide their sheet (`table:display="false"`).
        let mut hidden_styles: HashMap<String, bool> = HashMap::new();
        let mut style: Option<String> = None;
        let mut sheets = Vec::new();
        let mut cells_read = 0u64;
        loop {
            buf.clear();
            match self.xml.read_event_into(&mut buf)? {
                Event::Start(e) if e.name() == QName("style:style") => {
                    style = attr(&e, "style:name")?;
                }
                Event::Start(e) if e.name() == QName("style:table-properties") => {
                    if let Some(name) = &style {
                        let hidden = attr(&e, "table:display")?.as_deref() == Some("false");
                        hidden_styles.insert(name.clone(), hidden);
                    }
                }
                Event::Start(e) if e.name() == QName("table:table") => {
                    let name = attr(&e, "table:name")?;
                    let hidden = attr(&e, "table:style-name")?
                        .and_then(|s| hidden_styles.get(&s).copied())
                        .unwrap_or(false);
                    match name {
                        Some(name) if !hidden => {
                            if sheets.len() >= self.limits.max_sheets {
                                return Err(Stop::Import(ImportError::TooManySheets {
                                    file: self.file.to_string(),
                                    sheets: sheets.len() + 1,
                                    limit: self.limits.max_sheets,
                                }));
                            }
                            let cells = self.table(&name, &mut cells_read)?;
                            sheets.push((name, cells));
                        }
                        _ => {
                            let mut skip = Vec::new();
                            self.xml.read_to_end_into(QName("table:table"), &mut skip)?;
                        }
                    }
                }
                Event::Eof => return Ok(sheets),
                _ => {}
            }
        }
    }

    /// The filled cells of one table (its start tag read), up to its end tag.
    fn table(&mut self, sheet: &str, cells_read: &mut u64) -> Result<Vec<(u32, u32, Data)>, Stop> {
        let mut buf = Vec::with_capacity(1024);
        let mut cells = Vec::new();
        let mut row: u64 = 0;
        let mut row_cells: Vec<(u32, Data)> = Vec::new();
        loop {
            buf.clear();
            match self.xml.read_event_into(&mut buf)? {
                // Rows may sit in header-rows, row-groups or rows elements: taken where found.
                Event::Start(e) if e.name() == QName("table:table-row") => {
                    let repeats = count(&e, "table:number-rows-repeated")?;
                    row_cells.clear();
                    self.row(sheet, row, &mut row_cells)?;
                    if !row_cells.is_empty() {
                        for r in row..(row + repeats).min(MAX_ROW) {
                            for (col, value) in &row_cells {
                                self.keep(sheet, cells_read)?;
                                cells.push((r as u32, *col, value.clone()));
                            }
                        }
                    }
                    row = row.saturating_add(repeats);
                }
                Event::End(e) if e.name() == QName("table:table") => return Ok(cells),
                Event::Eof => return Err(Stop::Xml("content.xml berakhir di tengah tabel".into())),
                _ => {}
            }
        }
    }

    /// Counts one more filled cell against the cap.
    fn keep(&self, sheet: &str, read: &mut u64) -> Result<(), Stop> {
        *read += 1;
        if *read > self.limits.max_cells {
            return Err(Stop::Import(ImportError::TooManyCells {
                file: self.file.to_string(),
                sheet: sheet.to_string(),
                cells: *read,
                limit: self.limits.max_cells,
            }));
        }
        Ok(())
    }

    /// The filled cells of one row (its start tag read) as (column, value), up to its end.
    fn row(&mut self, sheet: &str, row: u64, out: &mut Vec<(u32, Data)>) -> Result<(), Stop> {
        let mut buf = Vec::with_capacity(256);
        let mut inner = Vec::with_capacity(256);
        let mut col: u64 = 0;
        loop {
            buf.clear();
            match self.xml.read_event_into(&mut buf)? {
                Event::Start(e)
                    if e.name() == QName("table:table-cell")
                        || e.name() == QName("table:covered-table-cell") =>
                {
                    let repeats = count(&e, "table:number-columns-repeated")?;
                    let at = || a1(col.min(MAX_COL) as u32, row.min(MAX_ROW) as u32);
                    let (value, closed) = self.value(&e, &mut inner, sheet, &at)?;
                    if !closed {
                        inner.clear();
                        self.xml.read_to_end_into(e.name(), &mut inner)?;
                    }
                    if value != Data::Empty && col < MAX_COL {
                        for c in col..(col + repeats).min(MAX_COL) {
                            out.push((c as u32, value.clone()));
                        }
                    }
                    col = col.saturating_add(repeats);
                }
                Event::Start(e) => {
                    // Anything else inside a row (none in ODF 1.3) is skipped whole.
                    inner.clear();
                    self.xml.read_to_end_into(e.name(), &mut inner)?;
                }
                Event::End(e) if e.name() == QName("table:table-row") => return Ok(()),
                Event::Eof => return Err(Stop::Xml("content.xml berakhir di tengah baris".into())),
                _ => {}
            }
        }
    }

    /// A cell's value (ODF 1.3 §19.385 office:value-type), as calamine reads it: numbers,
    /// percentages and currency from `office:value`; dates and times as ISO text; booleans;
    /// strings from `office:string-value` or the cell's paragraphs. `true` when the cell's
    /// end tag was read.
    fn value(
        &mut self,
        e: &BytesStart<'_>,
        buf: &mut Vec<u8>,
        sheet: &str,
        at: &dyn Fn() -> String,
    ) -> Result<(Data, bool), Stop> {
        let mut is_string = false;
        let mut is_error = false;
        let mut set = false;
        let mut value = Data::Empty;
        for a in e.attributes() {
            let a = a?;
            let raw: &str = &a.value;
            match a.key.into_inner() {
                "office:value" if !set => {
                    value = match raw.trim().parse::<f64>() {
                        Ok(x) => Data::Float(x),
                        Err(_) => Data::String(unescape(raw)?),
                    };
                    set = true;
                }
                "office:string-value" if !set => {
                    value = Data::String(unescape(raw)?);
                    set = true;
                }
                "office:date-value" if !set => {
                    value = Data::DateTimeIso(unescape(raw)?);
                    set = true;
                }
                "office:time-value" if !set => {
                    value = Data::DurationIso(unescape(raw)?);
                    set = true;
                }
                "office:boolean-value" if !set => {
                    value = Data::Bool(raw == "TRUE" || raw == "true");
                    set = true;
                }
                "office:value-type" if !set => is_string = raw == "string",
                "calcext:value-type" => is_error = raw == "error",
                _ => {}
            }
        }
        let empty_error = is_error && matches!(&value, Data::String(s) if s.is_empty());
        if !((!set && is_string) || empty_error) {
            return Ok((value, false));
        }
        // The text of the cell's paragraphs, one line each; notes (annotations) left out.
        let max_bytes = self.limits.max_text_chars.saturating_mul(4);
        let mut text = String::new();
        let mut first_paragraph = true;
        loop {
            buf.clear();
            match self.xml.read_event_into(buf)? {
                Event::Text(t) => text.push_str(&t.xml10_content()),
                Event::GeneralRef(r) => {
                    if let Some(s) = quick_xml::escape::resolve_xml_entity(&r) {
                        text.push_str(s);
                    } else if let Some(c) = r.resolve_char_ref()? {
                        text.push(c);
                    }
                }
                Event::CData(t) => text.push_str(&t),
                Event::End(end)
                    if end.name() == QName("table:table-cell")
                        || end.name() == QName("table:covered-table-cell") =>
                {
                    return Ok((Data::String(text), true));
                }
                Event::Start(s) if s.name() == QName("office:annotation") => {
                    let mut skip = Vec::new();
                    self.xml
                        .read_to_end_into(QName("office:annotation"), &mut skip)?;
                }
                // Paragraphs after the first start a new line.
                Event::Start(s) if s.name() == QName("text:p") && !first_paragraph => {
                    text.push('\n');
                }
                Event::Start(s) if s.name() == QName("text:p") => first_paragraph = false,
                Event::Start(s) if s.name() == QName("text:s") => {
                    let n = count(&s, "text:c")?.min(max_bytes as u64 + 1);
                    text.extend(std::iter::repeat_n(' ', n as usize));
                }
                Event::Start(s) if s.name() == QName("text:tab") => text.push('\t'),
                Event::Start(s) if s.name() == QName("text:line-break") => text.push('\n'),
                Event::Eof => return Err(Stop::Xml("content.xml berakhir di tengah sel".into())),
                _ => {}
            }
            if text.len() > max_bytes {
                return Err(Stop::Import(ImportError::TextTooLong {
                    file: self.file.to_string(),
                    sheet: sheet.to_string(),
                    cell: at(),
                    chars: text.chars().count(),
                    limit: self.limits.max_text_chars,
                }));
            }
        }
    }
}

/// An attribute's unescaped value.
fn attr(e: &BytesStart<'_>, key: &str) -> Result<Option<String>, Stop> {
    match e.try_get_attribute(key)? {
        Some(a) => Ok(Some(unescape(&a.value)?)),
        None => Ok(None),
    }
}

/// A repeat count (`number-rows-repeated`, `number-columns-repeated`, `text:c`); 1 when
/// absent, unreadable or zero.
fn count(e: &BytesStart<'_>, key: &str) -> Result<u64, Stop> {
    Ok(attr(e, key)?
        .and_then(|v| v.trim().parse::<u64>().ok())
        .filter(|n| *n > 0)
        .unwrap_or(1))
}

fn unescape(raw: &str) -> Result<String, Stop> {
    quick_xml::escape::unescape(raw)
        .map(|s| s.into_owned())
        .map_err(|e| Stop::Xml(e.to_string()))
}
