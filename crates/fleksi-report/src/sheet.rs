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
        for c in 0..self.0.len() as u16 {
            ws.set_column_width(c, self.width(c, max) as f64)?;
        }
        Ok(())
    }

    /// The width [`Widths::apply`] gives `col`, in characters.
    fn width(&self, col: u16, max: usize) -> usize {
        self.get(col).clamp(4, max) + 2
    }

    /// Sets the height of each row of `rows` — (row, its wrapped cells as (column, text)) —
    /// to the lines its longest wrapped text takes at the widths [`Widths::apply`] gives:
    /// neither Excel nor LibreOffice grows a row for wrapped text written by a program.
    pub fn fit_rows(
        &self,
        ws: &mut Worksheet,
        max: usize,
        rows: &[(u32, [(u16, &str); 2])],
    ) -> Result<(), XlsxError> {
        for (row, texts) in rows {
            let lines = texts
                .iter()
                .map(|(col, text)| wrapped_lines(text, self.width(*col, max)))
                .max()
                .unwrap_or(1);
            if lines > 1 {
                ws.set_row_height(*row, LINE_HEIGHT * lines.min(MAX_LINES) as f64)?;
            }
        }
        Ok(())
    }
}

/// Height of one line of the default 11-point font, in points.
const LINE_HEIGHT: f64 = 15.0;
/// Excel's tallest row is 409 points.
const MAX_LINES: usize = 27;

/// The lines `text` takes wrapped in a column `width` characters wide (words are not split,
/// so a line holds about nine tenths of the width).
pub(crate) fn wrapped_lines(text: &str, width: usize) -> usize {
    let per_line = (width * 9 / 10).max(1);
    text.lines()
        .map(|l| l.chars().count().div_ceil(per_line).max(1))
        .sum::<usize>()
        .max(1)
}
