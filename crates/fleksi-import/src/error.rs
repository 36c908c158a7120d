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
    #[error("berkas '{file}': pembacaan dihentikan setelah {seconds} detik (berkas rusak atau terlalu rumit)")]
    TimedOut { file: String, seconds: u64 },
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
    /// Largest accepted sheet (used rectangle), in cells.
    pub max_cells: u64,
    /// Backstop for a parse that does not finish (the structural checks come first).
    pub parse_timeout: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_bytes: 64 * 1024 * 1024,
            max_cells: 5_000_000,
            parse_timeout: Duration::from_secs(60),
        }
    }
}
