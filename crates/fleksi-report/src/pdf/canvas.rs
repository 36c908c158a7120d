//! A page-by-page drawing surface, in points measured from the top-left corner: positioned
//! text lines, rules and filled boxes, the page breaks, and the diagonal draft mark
//! (KONSEP) laid over every page of a draft. Pages are written straight into content-stream
//! bytes ([`Content`]); which glyphs each face drew is kept so the embedded subset holds them.

use super::content::Content;
use super::fonts::{Face, Fonts};

/// Horizontal alignment of a text line inside a box.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Align {
    Left,
    Center,
    Right,
}

/// The printable frame of a page, in points.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Frame {
    pub width: f32,
    pub height: f32,
    pub top: f32,
    pub right: f32,
    pub bottom: f32,
    pub left: f32,
}

impl Frame {
    pub fn text_width(&self) -> f32 {
        self.width - self.left - self.right
    }
    pub fn text_right(&self) -> f32 {
        self.width - self.right
    }
    pub fn text_bottom(&self) -> f32 {
        self.height - self.bottom
    }
}

/// One finished page: its size in points and its content stream (full-font glyph ids).
pub(crate) struct Page {
    pub width: f32,
    pub height: f32,
    pub content: Vec<u8>,
}

/// The glyphs one face drew: full-font glyph id → a character drawn with it (`\0`: unused).
pub(crate) struct UsedGlyphs(Vec<char>);

impl UsedGlyphs {
    fn new() -> Self {
        UsedGlyphs(vec!['\0'; usize::from(u16::MAX) + 1])
    }

    fn note(&mut self, gid: u16, c: char) {
        let slot = &mut self.0[usize::from(gid)];
        if *slot == '\0' {
            *slot = c;
        }
    }

    /// (glyph id, character) for every glyph drawn, `.notdef` excluded.
    pub fn iter(&self) -> impl Iterator<Item = (u16, char)> + '_ {
        self.0
            .iter()
            .enumerate()
            .skip(1)
            .filter(|(_, &c)| c != '\0')
            .map(|(g, &c)| (g as u16, c))
    }
}

/// What a canvas drew: the pages and, per face (regular, bold), the glyphs they use.
pub(crate) struct Drawing {
    pub pages: Vec<Page>,
    pub regular: UsedGlyphs,
    pub bold: UsedGlyphs,
}

/// Collects the pages of one document.
pub(crate) struct Canvas<'f> {
    pub fonts: &'f Fonts,
    pub frame: Frame,
    pages: Vec<Page>,
    content: Content,
    /// Next free y (from the top) on the current page.
    pub y: f32,
    /// Page number within the current lampiran (1-based).
    pub page_in_part: u32,
    /// Face (bold?) and size last set on this page: the text state survives BT/ET, so an
    /// unchanged font is not set again.
    font_state: Option<(bool, f32)>,
    /// Drawn over every page when set (a draft).
    watermark: Option<Watermark>,
    regular: UsedGlyphs,
    bold: UsedGlyphs,
}

/// A large diagonal word over the whole page, light grey and multiplied with what is below
/// (a `Multiply` blend state), so black text under it stays black and readable.
pub(crate) struct Watermark {
    pub text: String,
    /// Resource name of the extended graphics state with `/BM /Multiply`.
    pub blend: String,
}

/// Grey of the draft mark (0 = black, 1 = white): 85 % white.
const WATERMARK_GREY: f32 = 0.85;
/// Angle of the draft mark, counter-clockwise from the horizontal.
const WATERMARK_DEGREES: f32 = 35.0;
/// Cap height of Liberation Sans/Serif Bold, as a multiple of the font size.
const CAP_HEIGHT: f32 = 0.73;

/// Line height as a multiple of the font size.
pub(crate) const LEADING: f32 = 1.2;
/// Baseline below the top of a line, as a multiple of the font size (Liberation ascent).
const ASCENT: f32 = 0.905;

impl<'f> Canvas<'f> {
    pub fn new(fonts: &'f Fonts, frame: Frame) -> Self {
        Canvas {
            fonts,
            frame,
            pages: Vec::new(),
            content: Content::default(),
            y: frame.top,
            page_in_part: 0,
            font_state: None,
            watermark: None,
            regular: UsedGlyphs::new(),
            bold: UsedGlyphs::new(),
        }
    }

    /// Lays `watermark` over every page from now on (including the current one).
    pub fn set_watermark(&mut self, watermark: Watermark) {
        self.watermark = Some(watermark);
    }

    /// Closes the current page (if any) and opens a new one of `frame`'s size.
    pub fn new_page(&mut self, frame: Frame) {
        self.flush();
        self.font_state = None;
        self.frame = frame;
        self.y = frame.top;
        self.page_in_part += 1;
    }

    fn flush(&mut self) {
        if self.page_in_part == 0 && self.content.is_empty() {
            return;
        }
        self.draw_watermark();
        let content = std::mem::take(&mut self.content).into_bytes();
        self.pages.push(Page {
            width: self.frame.width,
            height: self.frame.height,
            content,
        });
    }

    pub fn finish(mut self) -> Drawing {
        self.flush();
        Drawing {
            pages: self.pages,
            regular: self.regular,
            bold: self.bold,
        }
    }

    /// Writes `text` in `bold` or regular as a glyph string, noting the glyphs it uses.
    fn glyphs(&mut self, text: &str, bold: bool) {
        let (face, used): (&Face, &mut UsedGlyphs) = if bold {
            (&self.fonts.bold, &mut self.bold)
        } else {
            (&self.fonts.regular, &mut self.regular)
        };
        self.content.glyphs(text.chars().map(|c| {
            let g = face.gid(c);
            if g != 0 {
                used.note(g, c);
            }
            g
        }));
    }

    /// The draft mark, centred on the page and rotated, drawn last (over the content) in its
    /// own saved graphics state: the font, colour and blend mode set here end with it.
    fn draw_watermark(&mut self) {
        let Some(mark) = self.watermark.take() else {
            return;
        };
        let (w, h) = (self.frame.width, self.frame.height);
        let face = self.fonts.face(true);
        let em = face.em_width(&mark.text);
        let (sin, cos) = WATERMARK_DEGREES.to_radians().sin_cos();
        // The largest size whose rotated box fills at most 80 % of the page either way.
        let size = (0.8 * w / (em * cos + CAP_HEIGHT * sin))
            .min(0.8 * h / (em * sin + CAP_HEIGHT * cos))
            .min(200.0);
        // Baseline origin such that the middle of the word sits on the page centre.
        let (half_len, half_cap) = (em * size / 2.0, CAP_HEIGHT * size / 2.0);
        let ox = w / 2.0 - (half_len * cos - half_cap * sin);
        let oy = h / 2.0 - (half_len * sin + half_cap * cos);
        self.content.op("q").name(&mark.blend).op("gs");
        self.content.num(WATERMARK_GREY).op("g").op("BT");
        self.content.name(face.resource()).num(size).op("Tf");
        // Rotation entries keep more than two decimals.
        self.content
            .raw(&format!("{cos:.5} {sin:.5} {:.5} {cos:.5} ", -sin));
        self.content.num(ox).num(oy).op("Tm");
        self.glyphs(&mark.text, true);
        self.content.raw(" ").op("Tj").op("ET").op("Q");
        self.watermark = Some(mark);
    }

    /// Space left on the current page below `self.y`.
    pub fn room(&self) -> f32 {
        self.frame.text_bottom() - self.y
    }

    /// One line of text whose line box starts at `top`, placed in `[x, x + width]`.
    #[allow(clippy::too_many_arguments)]
    pub fn text(
        &mut self,
        text: &str,
        x: f32,
        top: f32,
        width: f32,
        size: f32,
        bold: bool,
        align: Align,
    ) {
        if text.is_empty() {
            return;
        }
        let tx = self.aligned_x(text, x, width, size, bold, align);
        let baseline = top + size * ASCENT + (LEADING - 1.0) * size / 2.0;
        self.content.op("BT");
        self.set_font(bold, size);
        self.content
            .num(tx)
            .num(self.frame.height - baseline)
            .op("Td");
        self.glyphs(text, bold);
        self.content.raw(" ").op("Tj").op("ET");
    }

    /// Several pieces of text on one baseline in one face and size, each starting at its own
    /// x, as a single text section: the gaps are TJ offsets. A table row line costs one
    /// section instead of one per cell.
    pub fn text_run(&mut self, pieces: &[(f32, &str)], top: f32, size: f32, bold: bool) {
        let mut pieces = pieces.iter().filter(|(_, t)| !t.is_empty());
        let Some(&(x0, first)) = pieces.next() else {
            return;
        };
        let face = self.fonts.face(bold);
        let baseline = top + size * ASCENT + (LEADING - 1.0) * size / 2.0;
        self.content.op("BT");
        self.set_font(bold, size);
        self.content
            .num(x0)
            .num(self.frame.height - baseline)
            .op("Td");
        self.content.raw("[");
        self.glyphs(first, bold);
        let mut pen = x0 + face.width(first, size);
        for &(x, t) in pieces {
            // TJ numbers are thousandths of an em; negative moves right.
            self.content.raw(" ").num(-(x - pen) * 1000.0 / size);
            self.glyphs(t, bold);
            pen = x + face.width(t, size);
        }
        self.content.raw("] ").op("TJ").op("ET");
    }

    fn set_font(&mut self, bold: bool, size: f32) {
        if self.font_state == Some((bold, size)) {
            return;
        }
        self.font_state = Some((bold, size));
        let face = self.fonts.face(bold);
        self.content.name(face.resource()).num(size).op("Tf");
    }

    /// Where a line of `text` starts when aligned in `[x, x + width]`.
    pub fn aligned_x(
        &self,
        text: &str,
        x: f32,
        width: f32,
        size: f32,
        bold: bool,
        align: Align,
    ) -> f32 {
        let face = self.fonts.face(bold);
        match align {
            Align::Left => x,
            Align::Center => x + (width - face.width(text, size)) / 2.0,
            Align::Right => x + width - face.width(text, size),
        }
    }

    /// Sets the stroke width (and black) for the rules that follow.
    pub fn rule_width(&mut self, pt: f32) {
        self.content.num(pt).op("w").num(0.0).op("G");
    }

    /// A straight rule between two points.
    pub fn line(&mut self, x1: f32, y1: f32, x2: f32, y2: f32) {
        let h = self.frame.height;
        self.content.num(x1).num(h - y1).op("m");
        self.content.num(x2).num(h - y2).op("l").op("S");
    }

    /// A grey box (grey 0 = black, 1 = white), drawn under what follows.
    pub fn fill(&mut self, x: f32, top: f32, width: f32, height: f32, grey: f32) {
        self.content.op("q").num(grey).op("g");
        self.content
            .num(x)
            .num(self.frame.height - top - height)
            .num(width)
            .num(height)
            .op("re")
            .op("f")
            .op("Q");
    }
}

/// Greedy word wrap of `text` (paragraphs split at `\n`) into lines no wider than `width`
/// points; a word wider than the line is broken between characters.
pub(crate) fn wrap<'t>(
    fonts: &Fonts,
    text: &'t str,
    width: f32,
    size: f32,
    bold: bool,
) -> Vec<&'t str> {
    let face = fonts.face(bold);
    let space = face.width(" ", size);
    let mut lines = Vec::new();
    for para in text.split('\n') {
        if face.width(para, size) <= width {
            lines.push(para);
            continue;
        }
        // (start, end) byte offsets of the current line within `para`.
        let mut line: Option<(usize, usize)> = None;
        let mut line_w = 0.0;
        for (start, word) in words(para) {
            let w = face.width(word, size);
            match line {
                Some((ls, _)) if line_w + space + w <= width => {
                    line = Some((ls, start + word.len()));
                    line_w += space + w;
                }
                _ => {
                    if let Some((ls, le)) = line.take() {
                        lines.push(&para[ls..le]);
                    }
                    if w <= width {
                        line = Some((start, start + word.len()));
                        line_w = w;
                    } else {
                        // Break the long word between characters.
                        let mut piece_start = start;
                        let mut piece_w = 0.0;
                        for (i, c) in word.char_indices() {
                            let cw = face.width(c.encode_utf8(&mut [0u8; 4]), size);
                            if piece_w + cw > width && start + i > piece_start {
                                lines.push(&para[piece_start..start + i]);
                                piece_start = start + i;
                                piece_w = 0.0;
                            }
                            piece_w += cw;
                        }
                        line = Some((piece_start, start + word.len()));
                        line_w = piece_w;
                    }
                }
            }
        }
        if let Some((ls, le)) = line {
            lines.push(&para[ls..le]);
        }
    }
    lines
}

/// The words of a paragraph with their byte offsets.
fn words(para: &str) -> impl Iterator<Item = (usize, &str)> {
    para.split(' ')
        .scan(0usize, |pos, w| {
            let start = *pos;
            *pos += w.len() + 1;
            Some((start, w))
        })
        .filter(|(_, w)| !w.is_empty())
}

#[cfg(test)]
mod tests {
    use super::super::fonts::{FontFamily, Fonts};
    use super::*;
    use printpdf::PdfDocument;

    #[test]
    fn wrap_keeps_every_line_inside_the_width() {
        let mut doc = PdfDocument::new("t");
        let fonts = Fonts::load(&mut doc, FontFamily::Sans).expect("fonts");
        let text = "PENERAPAN PELAKSANAAN TUGAS KEDINASAN PEGAWAI ASN SECARA FLEKSIBEL DI \
                    LINGKUNGAN PEMERINTAH KABUPATEN LEBAK\n199001012015031001";
        for width in [40.0, 90.0, 200.0] {
            let lines = wrap(&fonts, text, width, 10.0, false);
            for l in &lines {
                assert!(
                    fonts.regular.width(l, 10.0) <= width + 0.01,
                    "{l:?} > {width}"
                );
            }
            let joined: String = lines.concat().split_whitespace().collect();
            let expected: String = text.split_whitespace().collect();
            assert_eq!(joined, expected, "no text lost at width {width}");
        }
        assert_eq!(wrap(&fonts, "a\nb", 100.0, 10.0, false), vec!["a", "b"]);
    }
}
