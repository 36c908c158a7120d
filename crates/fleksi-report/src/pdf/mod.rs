//! The lampiran PDF of a circular letter: Lampiran I (exempt units), II (recap per unit and
//! day) and III (schedule per employee), on F4 or A4, fonts embedded and subset. A policy
//! that still holds a `[ISI: …]` placeholder or an assumption in a printed field gives a
//! draft: "KONSEP" across every page and in the title, until the clerk fills it in.

mod canvas;
mod content;
mod fonts;
mod lampiran;
mod pages;
mod table;

pub use fonts::FontFamily;

use crate::ReportError;
use canvas::{Canvas, Frame, Watermark};
use fleksi_core::{Policy, Recap};
use printpdf::{BlendMode, DateTime, ExtendedGraphicsState, PdfDocument};

/// Paper size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Paper {
    /// F4 / folio, 215 × 330 mm: regional naskah dinas.
    #[default]
    F4,
    /// A4, 210 × 297 mm.
    A4,
}

impl Paper {
    /// Width and height in millimetres, portrait.
    pub fn size_mm(self) -> (f32, f32) {
        match self {
            Paper::F4 => (215.0, 330.0),
            Paper::A4 => (210.0, 297.0),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Orientation {
    Portrait,
    Landscape,
}

/// Page margins in millimetres.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Margins {
    pub top: f32,
    pub right: f32,
    pub bottom: f32,
    pub left: f32,
}

impl Default for Margins {
    fn default() -> Self {
        Margins {
            top: 20.0,
            right: 15.0,
            bottom: 15.0,
            left: 25.0,
        }
    }
}

/// How the lampiran is printed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PdfOptions {
    pub paper: Paper,
    /// `None`: each lampiran portrait when its table fits comfortably, landscape otherwise.
    pub orientation: Option<Orientation>,
    pub margins_mm: Margins,
    pub font: FontFamily,
}

const PT_PER_MM: f32 = 72.0 / 25.4;

impl PdfOptions {
    pub(crate) fn frame(&self, orientation: Orientation) -> Frame {
        let (w, h) = self.paper.size_mm();
        let (w, h) = match orientation {
            Orientation::Portrait => (w, h),
            Orientation::Landscape => (h, w),
        };
        let m = self.margins_mm;
        Frame {
            width: w * PT_PER_MM,
            height: h * PT_PER_MM,
            top: m.top * PT_PER_MM,
            right: m.right * PT_PER_MM,
            bottom: m.bottom * PT_PER_MM,
            left: m.left * PT_PER_MM,
        }
    }
}

/// The word laid across every page of a draft.
pub const DRAFT_MARK: &str = "KONSEP";

/// What the clerk must still fill in or confirm before the lampiran is final, in Indonesian
/// (`nama penanda tangan belum diisi`, `tanggal surat berupa asumsi, belum dipastikan: …`):
/// every printed field holding a `[ISI: …]` placeholder or named by an assumption, as
/// [`Policy::draft_reasons`] lists them. Empty: the lampiran prints without the KONSEP mark.
pub fn draft_reasons(policy: &Policy) -> Vec<String> {
    policy.draft_reasons()
}

/// Renders Lampiran I, II and III of `policy` from `recap` into PDF bytes. While
/// [`draft_reasons`] is not empty the document is a draft: [`DRAFT_MARK`] across every page
/// and at the start of the title.
pub fn lampiran(
    policy: &Policy,
    recap: &Recap,
    options: &PdfOptions,
) -> Result<Vec<u8>, ReportError> {
    let m = options.margins_mm;
    let (pw, ph) = options.paper.size_mm();
    if [m.top, m.right, m.bottom, m.left]
        .iter()
        .any(|v| !(0.0..=60.0).contains(v))
        || m.left + m.right > pw / 2.0
        || m.top + m.bottom > ph / 3.0
    {
        return Err(ReportError::Invalid(
            "margin halaman tidak wajar (0–60 mm, dan menyisakan ruang untuk tabel)".to_string(),
        ));
    }
    let draft = !draft_reasons(policy).is_empty();
    let mut title = format!(
        "Lampiran {} {} Nomor {}",
        policy.kind.title(),
        policy.issuer_title,
        policy.number
    );
    if draft {
        title = format!("{DRAFT_MARK} {title}");
    }
    let mut doc = PdfDocument::new(&title);
    let now = DateTime::now();
    doc.metadata.info.creation_date = now;
    doc.metadata.info.modification_date = now;
    doc.metadata.info.metadata_date = now;
    doc.metadata.info.author = policy.issuer.clone();
    doc.metadata.info.creator = "Fleksi".to_string();
    doc.metadata.info.producer = "Fleksi (printpdf)".to_string();
    doc.metadata.info.subject = policy.subject.clone();
    let fonts = fonts::Fonts::load(&mut doc, options.font)?;
    let mut canvas = Canvas::new(&fonts, options.frame(Orientation::Portrait));
    if draft {
        let blend = doc.add_graphics_state(
            ExtendedGraphicsState::default().with_blend_mode(BlendMode::multiply()),
        );
        canvas.set_watermark(Watermark {
            text: DRAFT_MARK.to_string(),
            blend: blend.0,
        });
    }
    lampiran::render_all(&mut canvas, policy, recap, options);
    let drawing = canvas.finish();
    let bytes = pages::write(doc, &fonts, drawing)?;
    Ok(bytes)
}
