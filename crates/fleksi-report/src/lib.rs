//! Official documents: the lampiran PDF (printpdf, embedded fonts, our own table layout) and
//! the workbooks (rust_xlsxwriter): recap, OPD template, annotated error copy. Documents
//! never recompute counts: they print the `Recap` the validator produced. Default file names
//! of all of them come from the letter ([`names`]).

pub mod corrections;
mod file_label;
mod id_text;
pub mod names;
pub mod pdf;
mod sheet;
pub mod template;
pub mod xlsx;

/// Why a document could not be written. Messages are Indonesian, for clerks.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error("font bawaan tidak dapat dibaca: {0}")]
    Font(String),
    #[error("gagal menulis berkas Excel: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
    #[error("perangkat daerah dengan kode '{0}' tidak ada dalam data pegawai")]
    UnknownUnit(String),
    #[error("masa berlaku surat edaran tidak memuat hari kerja")]
    NoWorkingDays,
    #[error("{0}")]
    Invalid(String),
}
