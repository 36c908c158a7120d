//! Workbook conventions shared by every XLSX we write: header and title formats, NIPs as
//! text, dates as real date cells, column widths from content, and the print setup
//! (F4/Folio landscape, fit to width, repeated header rows, page numbers in the footer).

use rust_xlsxwriter::{ExcelDateTime, Format, FormatAlign, FormatBorder, Worksheet, XlsxError};

/// Excel's paper code for Folio 8½ × 13 in, the closest to F4 (215 × 330 mm).
pub(crate) const PAPER_FOLIO: u8 = 14;

pub(crate) fn title() -> Format {
    Format::new().set_bold().set_font_size(12)
}

pub(crate) fn header() -> Format {
    Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_background_color("#D9D9D9")
        .set_border(FormatBorder::Thin)
}

pub(crate) fn cell() -> Format {
    Format::new()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Top)
}

pub(crate) fn text_cell() -> Format {
    cell().set_num_format("@")
}

pub(crate) fn date_cell() -> Format {
    cell().set_num_format("dd-mm-yyyy")
}

pub(crate) fn excel_date(d: chrono::NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    use chrono::Datelike;
    ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)
}

/// Print setup for a wide table: Folio/F4 landscape, one page wide, the rows up to
/// header row repeated on every page, `Halaman x dari y` in the footer.
pub(crate) fn print_setup(ws: &mut Worksheet, header_row: u32) -> Result<(), XlsxError> {
    ws.set_paper_size(PAPER_FOLIO);
    ws.set_landscape();
    ws.set_print_fit_to_pages(1, 0);
    ws.set_repeat_rows(header_row, header_row)?;
    ws.set_footer("&CHalaman &P dari &N");
    ws.set_margins(0.5, 0.5, 0.6, 0.6, 0.3, 0.3);
    Ok(())
}

/// Tracks the widest text per column and sets the widths at the end.
pub(crate) struct Widths(Vec<usize>);

impl Widths {
    pub fn new() -> Self {
        Widths(Vec::new())
    }

    pub fn note(&mut self, col: u16, text: &str) {
        let col = usize::from(col);
        if self.0.len() <= col {
            self.0.resize(col + 1, 0);
        }
        let len = text.lines().map(|l| l.chars().count()).max().unwrap_or(0);
        self.0[col] = self.0[col].max(len);
    }

    /// The widest text noted for `col`, in characters.
    pub fn get(&self, col: u16) -> usize {
        self.0.get(usize::from(col)).copied().unwrap_or(0)
    }

    /// Widths between 4 and `max` characters.
    pub fn apply(&self, ws: &mut Worksheet, max: usize) -> Result<(), XlsxError> {
        for (c, &w) in self.0.iter().enumerate() {
            ws.set_column_width(c as u16, (w.clamp(4, max) + 2) as f64)?;
        }
        Ok(())
    }
}
