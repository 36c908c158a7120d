//! One page's PDF content stream written straight as bytes: path and text operators with
//! compactly formatted numbers, text as two-byte glyph ids of the *full* font in hex strings
//! (renumbered to the subset's ids by [`remap_glyphs`] once the subset exists).
//!
//! The lampiran used to hand printpdf one `Op` per operator; at 15,000 employees that was
//! ≈ 0.5 KB of heap per employee-day and more than half of the document's time (profile:
//! `translate_operations`, lopdf's per-operand objects, per-byte hex formatting). Writing
//! the bytes here keeps a page as the few kilobytes it will be in the file.

/// The operators of one page, in PDF user space (points from the bottom-left corner).
#[derive(Default)]
pub(crate) struct Content {
    bytes: Vec<u8>,
}

const HEX: &[u8; 16] = b"0123456789ABCDEF";

impl Content {
    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    pub fn into_bytes(self) -> Vec<u8> {
        self.bytes
    }

    /// An operator with no operands, e.g. `BT`, `q`, `S`.
    pub fn op(&mut self, op: &str) -> &mut Self {
        self.bytes.extend_from_slice(op.as_bytes());
        self.bytes.push(b'\n');
        self
    }

    /// A number operand followed by a space: at most two decimals, no trailing zeros.
    pub fn num(&mut self, v: f32) -> &mut Self {
        write_number(&mut self.bytes, v);
        self.bytes.push(b' ');
        self
    }

    /// A name operand (`/F1 `).
    pub fn name(&mut self, name: &str) -> &mut Self {
        self.bytes.push(b'/');
        self.bytes.extend_from_slice(name.as_bytes());
        self.bytes.push(b' ');
        self
    }

    /// A hex string of two-byte glyph ids (no trailing space).
    pub fn glyphs(&mut self, gids: impl Iterator<Item = u16>) -> &mut Self {
        self.bytes.push(b'<');
        for g in gids {
            let [hi, lo] = g.to_be_bytes();
            self.bytes.extend_from_slice(&[
                HEX[usize::from(hi >> 4)],
                HEX[usize::from(hi & 15)],
                HEX[usize::from(lo >> 4)],
                HEX[usize::from(lo & 15)],
            ]);
        }
        self.bytes.push(b'>');
        self
    }

    /// A raw token (array brackets, spaces).
    pub fn raw(&mut self, s: &str) -> &mut Self {
        self.bytes.extend_from_slice(s.as_bytes());
        self
    }
}

/// Writes `v` rounded to two decimals, without trailing zeros (`12`, `12.5`, `-0.25`).
fn write_number(out: &mut Vec<u8>, v: f32) {
    let v = if v.is_finite() { v } else { 0.0 };
    let cents = (f64::from(v) * 100.0).round() as i64;
    if cents < 0 {
        out.push(b'-');
    }
    let cents = cents.unsigned_abs();
    let (int, frac) = (cents / 100, cents % 100);
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    let mut n = int;
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[i..]);
    if frac != 0 {
        out.push(b'.');
        out.push(b'0' + (frac / 10) as u8);
        if frac % 10 != 0 {
            out.push(b'0' + (frac % 10) as u8);
        }
    }
}

/// Rewrites every hex string of `content` (written by [`Content::glyphs`]) through `remap`
/// (font resource name, full-font glyph id → code in that font's embedded subset). The font
/// of a string is the last name written before it (a page sets its font with `/F… Tf`
/// before its first text and the blend state's name only precedes the draft mark's own
/// `Tf`). The content holds no other hex strings and no dictionaries, so every `<` opens a
/// glyph string.
pub(crate) fn remap_glyphs(content: &mut [u8], remap: &dyn Fn(&[u8], u16) -> u16) {
    let mut font: (usize, usize) = (0, 0);
    let mut i = 0;
    while i < content.len() {
        match content[i] {
            b'/' => {
                let start = i + 1;
                i = start;
                while i < content.len() && !content[i].is_ascii_whitespace() {
                    i += 1;
                }
                font = (start, i);
            }
            b'<' => {
                i += 1;
                while i + 4 <= content.len() && content[i] != b'>' {
                    let g = content[i..i + 4]
                        .iter()
                        .fold(0u16, |acc, &h| (acc << 4) | u16::from(hex_value(h)));
                    let [hi, lo] = remap(&content[font.0..font.1], g).to_be_bytes();
                    content[i] = HEX[usize::from(hi >> 4)];
                    content[i + 1] = HEX[usize::from(hi & 15)];
                    content[i + 2] = HEX[usize::from(lo >> 4)];
                    content[i + 3] = HEX[usize::from(lo & 15)];
                    i += 4;
                }
            }
            _ => i += 1,
        }
    }
}

fn hex_value(h: u8) -> u8 {
    match h {
        b'0'..=b'9' => h - b'0',
        b'A'..=b'F' => h - b'A' + 10,
        b'a'..=b'f' => h - b'a' + 10,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn number(v: f32) -> String {
        let mut out = Vec::new();
        write_number(&mut out, v);
        String::from_utf8(out).expect("ascii")
    }

    #[test]
    fn numbers_are_short_and_exact_to_the_hundredth() {
        assert_eq!(number(12.0), "12");
        assert_eq!(number(12.5), "12.5");
        assert_eq!(number(-0.25), "-0.25");
        assert_eq!(number(935.433), "935.43");
        assert_eq!(number(0.004), "0");
        assert_eq!(number(-0.004), "0");
        assert_eq!(number(0.05), "0.05");
        assert_eq!(number(f32::NAN), "0");
        assert_eq!(number(1.0e6), "1000000");
    }

    #[test]
    fn glyph_strings_are_remapped_and_nothing_else_changes() {
        let mut c = Content::default();
        c.op("BT")
            .name("F1")
            .num(9.0)
            .op("Tf")
            .num(10.5)
            .num(700.0)
            .op("Td");
        c.raw("[")
            .glyphs([0x0024, 0x01FF].into_iter())
            .raw(" -120 ");
        c.glyphs([0x0003].into_iter()).raw("] ").op("TJ").op("ET");
        c.op("BT")
            .name("F2")
            .num(9.0)
            .op("Tf")
            .glyphs([0x0024].into_iter());
        c.raw(" ").op("Tj").op("ET");
        let mut bytes = c.into_bytes();
        remap_glyphs(&mut bytes, &|font, g| match font {
            b"F1" => g + 1,
            _ => g + 0x100,
        });
        assert_eq!(
            String::from_utf8(bytes).expect("ascii"),
            "BT\n/F1 9 Tf\n10.5 700 Td\n[<00250200> -120 <0004>] TJ\nET\n\
             BT\n/F2 9 Tf\n<0124> Tj\nET\n"
        );
    }
}
