//! Our own table layout on printpdf ops: column widths from the content (measured with the
//! font's glyph widths), the font size chosen so the table fits the text width, wrapped
//! cell text, bordered cells, the header row repeated on every page, rows never split
//! across pages unless taller than a page, and group headings (one per unit) that never
//! stand alone at a page foot and are repeated with "(lanjutan)" when a group continues.

use super::canvas::{wrap, Align, Canvas, LEADING};
use super::fonts::Fonts;
use std::borrow::Cow;

/// Horizontal padding inside a cell, points.
const HPAD: f32 = 2.5;
/// Vertical padding inside a cell, points.
const VPAD: f32 = 1.8;
/// Font sizes tried, largest first, until the table fits the width.
const SIZES: [f32; 8] = [10.0, 9.0, 8.5, 8.0, 7.5, 7.0, 6.5, 6.0];
const RULE: f32 = 0.5;
const HEADER_GREY: f32 = 0.88;
const GROUP_GREY: f32 = 0.95;

/// A column: its header text, the alignment of its cells and whether it takes spare width.
pub(crate) struct Column {
    pub header: String,
    pub align: Align,
    pub grow: bool,
}

impl Column {
    pub fn new(header: impl Into<String>, align: Align, grow: bool) -> Self {
        Column {
            header: header.into(),
            align,
            grow,
        }
    }
}

/// One cell: text (`\n` separates paragraphs) and weight.
pub(crate) struct Cell<'a> {
    pub text: Cow<'a, str>,
    pub bold: bool,
}

impl<'a> Cell<'a> {
    pub fn new(text: impl Into<Cow<'a, str>>) -> Self {
        Cell {
            text: text.into(),
            bold: false,
        }
    }
}

/// A row of the body.
pub(crate) enum Row<'a> {
    Cells(Vec<Cell<'a>>),
    /// A heading over the rows that follow (a unit), spanning all columns.
    Group(String),
    /// A remark spanning all columns (e.g. "Nihil").
    Note(String),
}

pub(crate) struct Table<'a> {
    pub columns: Vec<Column>,
    pub rows: Vec<Row<'a>>,
}

/// Column widths (points) and the font size at which the table fits.
#[derive(Debug, Clone)]
pub(crate) struct Fit {
    pub widths: Vec<f32>,
    pub size: f32,
    /// The table's natural width at `size` fits the text width without wrapping words.
    pub comfortable: bool,
}

impl Fit {
    pub fn total(&self) -> f32 {
        self.widths.iter().sum()
    }
}

impl<'a> Table<'a> {
    /// Natural (no wrapping) and minimal (longest word) widths per column, in em.
    fn measure(&self, fonts: &Fonts) -> (Vec<f32>, Vec<f32>) {
        let n = self.columns.len();
        let mut nat = vec![0f32; n];
        let mut min = vec![0f32; n];
        let mut note = |text: &str, bold: bool, c: usize| {
            let face = fonts.face(bold);
            for para in text.split('\n') {
                nat[c] = nat[c].max(face.em_width(para));
                for w in para.split(' ') {
                    min[c] = min[c].max(face.em_width(w));
                }
            }
        };
        for (c, col) in self.columns.iter().enumerate() {
            note(&col.header, true, c);
        }
        for row in &self.rows {
            if let Row::Cells(cells) = row {
                for (c, cell) in cells.iter().enumerate().take(n) {
                    note(&cell.text, cell.bold, c);
                }
            }
        }
        (nat, min)
    }

    /// Chooses the largest font size at which every column gets at least its longest word,
    /// then shares the width: natural widths plus spare width to the growing columns, or
    /// between minimal and natural widths when the natural widths do not fit.
    pub fn fit(&self, fonts: &Fonts, avail: f32) -> Fit {
        let (nat_em, min_em) = self.measure(fonts);
        let pad = 2.0 * HPAD;
        let mut chosen = *SIZES.last().unwrap_or(&6.0);
        for size in SIZES {
            let min_total: f32 = min_em.iter().map(|m| m * size + pad).sum();
            if min_total <= avail {
                chosen = size;
                break;
            }
        }
        let size = chosen;
        let nat: Vec<f32> = nat_em.iter().map(|m| m * size + pad).collect();
        let min: Vec<f32> = min_em.iter().map(|m| m * size + pad).collect();
        let nat_total: f32 = nat.iter().sum();
        let min_total: f32 = min.iter().sum();
        let widths = if nat_total <= avail {
            let grow_total: f32 = self
                .columns
                .iter()
                .zip(&nat)
                .filter(|(c, _)| c.grow)
                .map(|(_, w)| w)
                .sum();
            let spare = avail - nat_total;
            self.columns
                .iter()
                .zip(&nat)
                .map(|(c, &w)| {
                    if c.grow && grow_total > 0.0 {
                        w + spare * w / grow_total
                    } else {
                        w
                    }
                })
                .collect()
        } else if min_total <= avail {
            let k = (avail - min_total) / (nat_total - min_total);
            min.iter().zip(&nat).map(|(m, n)| m + (n - m) * k).collect()
        } else {
            // Even the longest words do not fit at the smallest size: scale down, words
            // will be broken between characters.
            min.iter().map(|m| m * avail / min_total).collect()
        };
        Fit {
            widths,
            size,
            comfortable: nat_total <= avail,
        }
    }

    /// Draws the table from `canvas.y`, breaking pages with `next_page`.
    pub fn render(&self, canvas: &mut Canvas, fit: &Fit, next_page: &dyn Fn(&mut Canvas)) {
        let mut r = Renderer {
            table: self,
            fit,
            x0: canvas.frame.left,
            run_start: None,
            group: None,
        };
        let header_h = r.header_height(canvas.fonts);
        // The header must not stand alone at the foot either.
        let first_h = self
            .rows
            .first()
            .map_or(0.0, |row| r.row_height(canvas.fonts, row));
        if canvas.room() < header_h + first_h.min(canvas.frame.height / 3.0) {
            next_page(canvas);
        }
        r.draw_header(canvas);
        for (i, row) in self.rows.iter().enumerate() {
            match row {
                Row::Group(title) => {
                    let h = r.row_height(canvas.fonts, row);
                    let next_h = self
                        .rows
                        .get(i + 1)
                        .map_or(0.0, |next| r.row_height(canvas.fonts, next));
                    if canvas.room() < h + next_h.min(canvas.frame.height / 3.0) {
                        r.break_page(canvas, next_page, false);
                    }
                    r.group = Some(title.as_str());
                    r.draw_spanning(canvas, title, true, GROUP_GREY, Align::Left);
                }
                Row::Note(text) => {
                    if canvas.room() < r.row_height(canvas.fonts, row) {
                        r.break_page(canvas, next_page, true);
                    }
                    r.draw_spanning(canvas, text, false, 1.0, Align::Center);
                }
                Row::Cells(cells) => r.draw_cells(canvas, cells, next_page),
            }
        }
        r.close_run(canvas);
    }
}

struct Renderer<'t, 'a> {
    table: &'t Table<'a>,
    fit: &'t Fit,
    x0: f32,
    /// Top of the current run of plain rows whose vertical rules are not drawn yet.
    run_start: Option<f32>,
    /// The group heading the current rows belong to.
    group: Option<&'t str>,
}

impl<'t, 'a> Renderer<'t, 'a> {
    fn line_h(&self) -> f32 {
        self.fit.size * LEADING
    }

    fn width(&self) -> f32 {
        self.fit.total()
    }

    fn header_height(&self, fonts: &Fonts) -> f32 {
        let lines = self
            .table
            .columns
            .iter()
            .zip(&self.fit.widths)
            .map(|(c, w)| wrap(fonts, &c.header, w - 2.0 * HPAD, self.fit.size, true).len())
            .max()
            .unwrap_or(1);
        lines as f32 * self.line_h() + 2.0 * VPAD + self.number_row_height()
    }

    fn number_row_height(&self) -> f32 {
        (self.fit.size - 1.0) * LEADING + 2.0 * VPAD
    }

    fn row_height(&self, fonts: &Fonts, row: &Row) -> f32 {
        match row {
            Row::Cells(cells) => {
                let lines = cells
                    .iter()
                    .zip(&self.fit.widths)
                    .map(|(c, w)| wrap(fonts, &c.text, w - 2.0 * HPAD, self.fit.size, c.bold).len())
                    .max()
                    .unwrap_or(1)
                    .max(1);
                lines as f32 * self.line_h() + 2.0 * VPAD
            }
            Row::Group(t) | Row::Note(t) => {
                let bold = matches!(row, Row::Group(_));
                let n = wrap(fonts, t, self.width() - 2.0 * HPAD, self.fit.size, bold).len();
                n.max(1) as f32 * self.line_h() + 2.0 * VPAD
            }
        }
    }

    fn draw_header(&mut self, canvas: &mut Canvas) {
        let size = self.fit.size;
        let top = canvas.y;
        let h = self.header_height(canvas.fonts) - self.number_row_height();
        let nh = self.number_row_height();
        canvas.fill(self.x0, top, self.width(), h, HEADER_GREY);
        canvas.rule_width(RULE);
        let mut x = self.x0;
        for (i, (col, &w)) in self.table.columns.iter().zip(&self.fit.widths).enumerate() {
            let lines = wrap(canvas.fonts, &col.header, w - 2.0 * HPAD, size, true);
            // Header text is centred vertically and horizontally.
            let text_h = lines.len() as f32 * self.line_h();
            let mut ly = top + (h - text_h) / 2.0;
            for l in lines {
                canvas.text(l, x + HPAD, ly, w - 2.0 * HPAD, size, true, Align::Center);
                ly += self.line_h();
            }
            let number = format!("({})", i + 1);
            canvas.text(
                &number,
                x + HPAD,
                top + h + VPAD,
                w - 2.0 * HPAD,
                size - 1.0,
                false,
                Align::Center,
            );
            canvas.line(x, top, x, top + h + nh);
            x += w;
        }
        canvas.line(x, top, x, top + h + nh);
        canvas.line(self.x0, top, x, top);
        canvas.line(self.x0, top + h, x, top + h);
        canvas.line(self.x0, top + h + nh, x, top + h + nh);
        canvas.y = top + h + nh;
    }

    /// Ends the page, opens the next one and repeats the header (and the group heading).
    fn break_page(
        &mut self,
        canvas: &mut Canvas,
        next_page: &dyn Fn(&mut Canvas),
        repeat_group: bool,
    ) {
        self.close_run(canvas);
        next_page(canvas);
        self.draw_header(canvas);
        if repeat_group {
            if let Some(g) = self.group {
                let text = format!("{g} (lanjutan)");
                self.draw_spanning(canvas, &text, true, GROUP_GREY, Align::Left);
            }
        }
    }

    /// Draws the vertical rules of the plain rows drawn since the run started.
    fn close_run(&mut self, canvas: &mut Canvas) {
        if let Some(start) = self.run_start.take() {
            let mut x = self.x0;
            canvas.line(x, start, x, canvas.y);
            for w in &self.fit.widths {
                x += w;
                canvas.line(x, start, x, canvas.y);
            }
        }
    }

    fn draw_spanning(
        &mut self,
        canvas: &mut Canvas,
        text: &str,
        bold: bool,
        grey: f32,
        align: Align,
    ) {
        self.close_run(canvas);
        let size = self.fit.size;
        let w = self.width();
        let lines = wrap(canvas.fonts, text, w - 2.0 * HPAD, size, bold);
        let h = lines.len().max(1) as f32 * self.line_h() + 2.0 * VPAD;
        let top = canvas.y;
        if grey < 1.0 {
            canvas.fill(self.x0, top, w, h, grey);
        }
        let mut ly = top + VPAD;
        for l in lines {
            canvas.text(l, self.x0 + HPAD, ly, w - 2.0 * HPAD, size, bold, align);
            ly += self.line_h();
        }
        let x1 = self.x0 + w;
        canvas.line(self.x0, top, self.x0, top + h);
        canvas.line(x1, top, x1, top + h);
        canvas.line(self.x0, top + h, x1, top + h);
        canvas.y = top + h;
    }

    fn draw_cells(&mut self, canvas: &mut Canvas, cells: &[Cell], next_page: &dyn Fn(&mut Canvas)) {
        let size = self.fit.size;
        let lh = self.line_h();
        let wrapped: Vec<Vec<&str>> = cells
            .iter()
            .zip(&self.fit.widths)
            .map(|(c, w)| wrap(canvas.fonts, &c.text, w - 2.0 * HPAD, size, c.bold))
            .collect();
        let total_lines = wrapped.iter().map(Vec::len).max().unwrap_or(1).max(1);
        let mut from = 0;
        while from < total_lines {
            let need = (total_lines - from) as f32 * lh + 2.0 * VPAD;
            if canvas.room() < need {
                // Split only a row that cannot fit a fresh page; otherwise move it whole.
                let fresh = canvas.frame.text_bottom()
                    - canvas.frame.top
                    - self.header_height(canvas.fonts)
                    - 2.0 * lh;
                let fits_lines = ((canvas.room() - 2.0 * VPAD) / lh).floor() as isize;
                if need <= fresh || fits_lines < 1 {
                    self.break_page(canvas, next_page, true);
                    continue;
                }
            }
            let fits_lines = (((canvas.room() - 2.0 * VPAD) / lh).floor() as usize).max(1);
            let to = total_lines.min(from + fits_lines);
            let top = canvas.y;
            let h = (to - from) as f32 * lh + 2.0 * VPAD;
            if self.run_start.is_none() {
                self.run_start = Some(top);
            }
            // One text run per line and weight across the row's cells.
            let mut regular: Vec<(f32, &str)> = Vec::with_capacity(cells.len());
            let mut bold: Vec<(f32, &str)> = Vec::new();
            for li in from..to {
                regular.clear();
                bold.clear();
                let mut x = self.x0;
                for ((cell, lines), (&w, col)) in cells
                    .iter()
                    .zip(&wrapped)
                    .zip(self.fit.widths.iter().zip(&self.table.columns))
                {
                    if let Some(l) = lines.get(li) {
                        let lx = canvas.aligned_x(
                            l,
                            x + HPAD,
                            w - 2.0 * HPAD,
                            size,
                            cell.bold,
                            col.align,
                        );
                        if cell.bold {
                            bold.push((lx, l));
                        } else {
                            regular.push((lx, l));
                        }
                    }
                    x += w;
                }
                let ly = top + VPAD + (li - from) as f32 * lh;
                canvas.text_run(&regular, ly, size, false);
                canvas.text_run(&bold, ly, size, true);
            }
            let x = self.x0 + self.width();
            canvas.line(self.x0, top + h, x, top + h);
            canvas.y = top + h;
            from = to;
            if from < total_lines {
                self.break_page(canvas, next_page, true);
            }
        }
    }
}
