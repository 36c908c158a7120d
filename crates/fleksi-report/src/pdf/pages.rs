//! The lampiran put together: printpdf writes the document structure, metadata and the
//! embedded fonts subset to the glyphs the pages use; the pages' content streams (written by
//! the canvas with full-font glyph ids) go in afterwards, their glyph ids renumbered to each
//! subset's codes — read back from the font's own ToUnicode map, the same codes its `/W`
//! widths use — and deflated.

use super::canvas::{Drawing, UsedGlyphs};
use super::content::remap_glyphs;
use super::fonts::{Face, Fonts};
use crate::ReportError;
use flate2::write::ZlibEncoder;
use flate2::Compression;
use lopdf::{Dictionary, Document, Object, ObjectId, Stream};
use printpdf::{Mm, Op, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Pt, TextItem};
use std::io::Write;

fn invalid(what: impl std::fmt::Display) -> ReportError {
    ReportError::Invalid(format!("PDF tidak dapat ditulis: {what}"))
}

/// Serialises `doc` with the pages of `drawing` into PDF bytes.
pub(crate) fn write(
    mut doc: PdfDocument,
    fonts: &Fonts,
    drawing: Drawing,
) -> Result<Vec<u8>, ReportError> {
    let Drawing {
        pages,
        regular,
        bold,
    } = drawing;
    let mut pdf_pages: Vec<PdfPage> = pages
        .iter()
        .map(|p| PdfPage::new(Mm::from(Pt(p.width)), Mm::from(Pt(p.height)), Vec::new()))
        .collect();
    // printpdf subsets a face to the glyphs its pages show: the first page shows every
    // glyph drawn anywhere once (its content is replaced below, like every page's).
    if let Some(first) = pdf_pages.first_mut() {
        first.ops = glyph_usage(fonts, &regular, &bold);
    }
    doc.with_pages(pdf_pages);
    let save = PdfSaveOptions {
        subset_fonts: true,
        ..Default::default()
    };
    let mut warnings = Vec::new();
    let mut pdf = doc.to_lopdf_document(&save, &mut warnings);
    drop(doc);

    let faces = [
        (
            fonts.regular.resource().as_bytes(),
            codes(&pdf, &fonts.regular, &regular)?,
        ),
        (
            fonts.bold.resource().as_bytes(),
            codes(&pdf, &fonts.bold, &bold)?,
        ),
    ];
    let remap = |font: &[u8], gid: u16| -> u16 {
        faces
            .iter()
            .find(|(name, _)| *name == font)
            .map_or(0, |(_, table)| table[usize::from(gid)])
    };
    let page_ids: Vec<ObjectId> = pdf.get_pages().into_values().collect();
    if page_ids.len() != pages.len() {
        return Err(invalid(format!(
            "{} halaman ditulis, {} diharapkan",
            page_ids.len(),
            pages.len()
        )));
    }
    for (page, page_id) in pages.into_iter().zip(page_ids) {
        let mut content = page.content;
        remap_glyphs(&mut content, &remap);
        let contents = pdf
            .get_object(page_id)
            .and_then(Object::as_dict)
            .and_then(|d| d.get(b"Contents"))
            .and_then(Object::as_reference)
            .map_err(invalid)?;
        let mut dict = Dictionary::new();
        dict.set("Filter", "FlateDecode");
        pdf.objects.insert(
            contents,
            Object::Stream(Stream::new(dict, deflate(&content)?)),
        );
    }
    pdf.compress();
    let mut bytes = Vec::new();
    pdf.save_to(&mut bytes).map_err(invalid)?;
    Ok(bytes)
}

/// One text section showing each glyph of each face once.
fn glyph_usage(fonts: &Fonts, regular: &UsedGlyphs, bold: &UsedGlyphs) -> Vec<Op> {
    let mut ops = vec![Op::StartTextSection];
    for (face, used) in [(&fonts.regular, regular), (&fonts.bold, bold)] {
        let text: String = used.iter().map(|(_, c)| c).collect();
        if text.is_empty() {
            continue;
        }
        ops.push(Op::SetFont {
            font: PdfFontHandle::External(face.id.clone()),
            size: Pt(10.0),
        });
        ops.push(Op::ShowText {
            items: vec![TextItem::Text(text)],
        });
    }
    ops.push(Op::EndTextSection);
    ops
}

/// Full-font glyph id → the code of that glyph in `face`'s embedded subset, for every glyph
/// id (0 where unused), from the font's ToUnicode map in `pdf`. Every glyph in `used` must
/// be there.
fn codes(pdf: &Document, face: &Face, used: &UsedGlyphs) -> Result<Vec<u16>, ReportError> {
    let mut table = vec![0u16; usize::from(u16::MAX) + 1];
    if used.iter().next().is_none() {
        return Ok(table);
    }
    let cmap = to_unicode(pdf, face.resource())?;
    for (code, c) in bfchar_entries(&cmap) {
        table[usize::from(face.gid(c))] = code;
    }
    if let Some((_, c)) = used.iter().find(|&(g, _)| table[usize::from(g)] == 0) {
        return Err(invalid(format!("huruf {c:?} tidak ada di font tertanam")));
    }
    Ok(table)
}

/// The (decoded) ToUnicode CMap of the font named `resource` in the first page's resources.
fn to_unicode(pdf: &Document, resource: &str) -> Result<String, ReportError> {
    let deref = |o: &'_ Object| -> Result<Object, ReportError> {
        pdf.dereference(o).map(|(_, o)| o.clone()).map_err(invalid)
    };
    let first = *pdf
        .get_pages()
        .values()
        .next()
        .ok_or_else(|| invalid("tanpa halaman"))?;
    let page = pdf.get_dictionary(first).map_err(invalid)?;
    let resources = deref(page.get(b"Resources").map_err(invalid)?)?;
    let fonts = deref(
        resources
            .as_dict()
            .and_then(|d| d.get(b"Font"))
            .map_err(invalid)?,
    )?;
    let font = deref(
        fonts
            .as_dict()
            .and_then(|d| d.get(resource.as_bytes()))
            .map_err(invalid)?,
    )?;
    let cmap = deref(
        font.as_dict()
            .and_then(|d| d.get(b"ToUnicode"))
            .map_err(invalid)?,
    )?;
    let stream = cmap.as_stream().map_err(invalid)?;
    let bytes = if stream.dict.get(b"Filter").is_ok() {
        stream.decompressed_content().map_err(invalid)?
    } else {
        stream.content.clone()
    };
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// The `<code> <unicode>` pairs of a CMap's `bfchar` sections (first character of each
/// target).
fn bfchar_entries(cmap: &str) -> Vec<(u16, char)> {
    let mut out = Vec::new();
    let mut inside = false;
    for line in cmap.lines() {
        let line = line.trim();
        if line.ends_with("beginbfchar") {
            inside = true;
        } else if line == "endbfchar" {
            inside = false;
        } else if inside {
            let mut parts = line
                .split(['<', '>'])
                .map(str::trim)
                .filter(|s| !s.is_empty());
            let (Some(code), Some(target)) = (parts.next(), parts.next()) else {
                continue;
            };
            let code = u16::from_str_radix(code, 16).ok();
            let units: Vec<u16> = target
                .as_bytes()
                .chunks(4)
                .filter_map(|h| u16::from_str_radix(std::str::from_utf8(h).ok()?, 16).ok())
                .collect();
            let c = char::decode_utf16(units).next().and_then(Result::ok);
            if let (Some(code), Some(c)) = (code, c) {
                out.push((code, c));
            }
        }
    }
    out
}

/// Deflates a content stream; fast level: the pages are mostly repeated operators, which
/// compress well without the slow search (the default level took 13 % of the lampiran).
fn deflate(content: &[u8]) -> Result<Vec<u8>, ReportError> {
    let mut encoder = ZlibEncoder::new(Vec::with_capacity(content.len() / 4), Compression::fast());
    encoder.write_all(content).map_err(invalid)?;
    encoder.finish().map_err(invalid)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bfchar_sections_are_read_with_surrogates() {
        let cmap = "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n\
                    2 beginbfchar\n<0003> <0020>\n<0011> <D835DC00>\nendbfchar\n";
        assert_eq!(bfchar_entries(cmap), vec![(3, ' '), (0x11, '\u{1D400}')]);
    }
}
