//! The fonts shipped inside the app (Liberation Sans/Serif, SIL OFL 1.1, metric-compatible
//! with Arial/Times New Roman) and text measurement from their glyph advance widths.

use crate::ReportError;
use printpdf::{FontId, ParsedFont, PdfDocument};

const SANS_REGULAR: &[u8] = include_bytes!("../../fonts/LiberationSans-Regular.ttf");
const SANS_BOLD: &[u8] = include_bytes!("../../fonts/LiberationSans-Bold.ttf");
const SERIF_REGULAR: &[u8] = include_bytes!("../../fonts/LiberationSerif-Regular.ttf");
const SERIF_BOLD: &[u8] = include_bytes!("../../fonts/LiberationSerif-Bold.ttf");

/// Which family the document is set in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FontFamily {
    /// Liberation Sans (Arial metrics): the usual naskah dinas face.
    #[default]
    Sans,
    /// Liberation Serif (Times New Roman metrics).
    Serif,
}

/// One embedded face with a width table for fast measuring.
pub(crate) struct Face {
    pub id: FontId,
    parsed: ParsedFont,
    /// Advance widths in em units for code points below `TABLE_LEN`.
    table: Vec<f32>,
    /// Glyph ids (full font) for code points below `TABLE_LEN`.
    gids: Vec<u16>,
    units_per_em: f32,
}

const TABLE_LEN: usize = 0x250;

impl Face {
    fn load(doc: &mut PdfDocument, bytes: &[u8], name: &str) -> Result<Face, ReportError> {
        let mut warnings = Vec::new();
        let parsed = ParsedFont::from_bytes(bytes, 0, &mut warnings)
            .ok_or_else(|| ReportError::Font(name.to_string()))?;
        let id = doc.add_font(&parsed);
        let units_per_em = f32::from(parsed.pdf_font_metrics.units_per_em.max(1));
        let mut face = Face {
            id,
            parsed,
            table: Vec::new(),
            gids: Vec::new(),
            units_per_em,
        };
        face.table = (0..TABLE_LEN as u32).map(|c| face.em_of(c)).collect();
        face.gids = (0..TABLE_LEN as u32)
            .map(|c| face.parsed.lookup_glyph_index(c).unwrap_or(0))
            .collect();
        Ok(face)
    }

    fn em_of(&self, codepoint: u32) -> f32 {
        let gid = self.parsed.lookup_glyph_index(codepoint).unwrap_or(0);
        f32::from(self.parsed.get_horizontal_advance(gid)) / self.units_per_em
    }

    /// The glyph id of `c` in the full font (0, `.notdef`, when the font has none).
    pub fn gid(&self, c: char) -> u16 {
        match self.gids.get(c as usize) {
            Some(&g) => g,
            None => self.parsed.lookup_glyph_index(c as u32).unwrap_or(0),
        }
    }

    /// The resource name the document knows this face by (`/F… Tf`).
    pub fn resource(&self) -> &str {
        &self.id.0
    }

    /// Width of `text` in em (multiply by the font size for points).
    pub fn em_width(&self, text: &str) -> f32 {
        text.chars()
            .map(|c| {
                let i = c as usize;
                if i < TABLE_LEN {
                    self.table[i]
                } else {
                    self.em_of(c as u32)
                }
            })
            .sum()
    }

    /// Width of `text` in points at `size`.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        self.em_width(text) * size
    }
}

/// The regular and bold faces of one family, added to a document.
pub(crate) struct Fonts {
    pub regular: Face,
    pub bold: Face,
}

impl Fonts {
    pub fn load(doc: &mut PdfDocument, family: FontFamily) -> Result<Fonts, ReportError> {
        let (regular, bold) = match family {
            FontFamily::Sans => (
                Face::load(doc, SANS_REGULAR, "LiberationSans-Regular")?,
                Face::load(doc, SANS_BOLD, "LiberationSans-Bold")?,
            ),
            FontFamily::Serif => (
                Face::load(doc, SERIF_REGULAR, "LiberationSerif-Regular")?,
                Face::load(doc, SERIF_BOLD, "LiberationSerif-Bold")?,
            ),
        };
        Ok(Fonts { regular, bold })
    }

    pub fn face(&self, bold: bool) -> &Face {
        if bold {
            &self.bold
        } else {
            &self.regular
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_come_from_the_glyphs() {
        let mut doc = PdfDocument::new("t");
        let fonts = Fonts::load(&mut doc, FontFamily::Sans).expect("shipped fonts parse");
        // Checked against libraries.md: Liberation Sans 11 pt, this text = 160.8 pt.
        let w = fonts.regular.width("NOMOR : B.000/19-PPI/XII/2025", 11.0);
        assert!((w - 160.8).abs() < 0.5, "width {w}");
        assert!(fonts.bold.width("WFA", 10.0) > fonts.regular.width("WFA", 10.0));
        assert!(fonts.regular.width("iiii", 10.0) < fonts.regular.width("MMMM", 10.0));
    }
}
