//! Import errors (Indonesian messages for clerks) and the limits that guard the importer
//! against oversized or hostile files.

use std::time::Duration;

/// Why a workbook could not be imported at all. Messages name the file, and the sheet and
/// cell where one is known.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("berkas '{file}' terlalu besar ({size} byte; batas {limit} byte)")]
    TooLarge {
        file: String,
        size: usize,
        limit: usize,
    },
    #[error("berkas '{file}' tidak dapat dibaca: {reason}")]
    Unreadable { file: String, reason: String },
    #[error("berkas '{file}', lembar '{sheet}': terlalu banyak sel ({cells}; batas {limit})")]
    TooManyCells {
        file: String,
        sheet: String,
        cells: u64,
        limit: u64,
    },
    #[error("berkas '{file}' berisi terlalu banyak lembar kerja ({sheets}; batas {limit}); simpan jadwal dalam lebih sedikit lembar")]
    TooManySheets {
        file: String,
        sheets: usize,
        limit: usize,
    },
    #[error("berkas '{file}', lembar '{sheet}': terlalu banyak baris ({rows}; batas {limit})")]
    TooManyRows {
        file: String,
        sheet: String,
        rows: u64,
        limit: u64,
    },
    #[error("berkas '{file}', lembar '{sheet}', sel {cell}: teks terlalu panjang ({chars} karakter; batas {limit}); periksa tanda kutip yang tidak ditutup atau isi yang tertempel")]
    TextTooLong {
        file: String,
        sheet: String,
        cell: String,
        chars: usize,
        limit: usize,
    },
    #[error("berkas '{file}': pembacaan dihentikan setelah {seconds} detik (berkas rusak atau terlalu rumit)")]
    TimedOut { file: String, seconds: u64 },
    /// The separate reader process died on the file (memory limit, abort, crash).
    #[error("berkas '{file}' terlalu besar atau rusak: pembacaan berhenti (batas memori/waktu)")]
    Stopped { file: String },
    #[error("berkas '{file}': tidak ada lembar kerja yang terlihat")]
    NoVisibleSheet { file: String },
    #[error("berkas data pegawai '{file}': {message}")]
    Master { file: String, message: String },
}

/// Caps on what one file may cost.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest accepted file, in bytes.
    pub max_bytes: usize,
    /// Most visible worksheets in one workbook.
    pub max_sheets: usize,
    /// Most rows of a sheet's table.
    pub max_rows: u64,
    /// Largest accepted sheet (used rectangle), in cells.
    pub max_cells: u64,
    /// Longest text of one cell, in characters.
    pub max_text_chars: usize,
    /// Backstop for a parse that does not finish (the structural checks come first).
    pub parse_timeout: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_bytes: 64 * 1024 * 1024,
            // A workbook with a sheet per unit has ≈ 80; nobody sends a thousand.
            max_sheets: 1_000,
            // Excel's own row limit: more is no spreadsheet a clerk made (a csv at most).
            max_rows: 1_048_576,
            max_cells: 5_000_000,
            // Excel's own limit for one cell; a csv with an unclosed quote goes beyond.
            max_text_chars: 32_767,
            parse_timeout: Duration::from_secs(60),
        }
    }
}
