//! The workspace's errors: each with a stable code the UI switches on (it crosses IPC as
//! `{code, message}`) and a message in Bahasa Indonesia for the clerk.

use serde::Serialize;
use ts_rs::TS;

/// Stable error codes (dotted, like finding codes). The UI switches on these, never on text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
pub enum ErrorCode {
    /// The app's data folder cannot be found or created.
    #[serde(rename = "data_dir.unavailable")]
    DataDirUnavailable,
    /// A file or folder could not be opened in the system's default program.
    #[serde(rename = "open.failed")]
    OpenFailed,
    /// The requested policy (Surat Edaran) is not one Fleksi knows.
    #[serde(rename = "policy.unknown")]
    PolicyUnknown,
    /// The master workbook (data pegawai) cannot be read or is invalid.
    #[serde(rename = "master.invalid")]
    MasterInvalid,
    /// Nothing to import: paths missing, not schedules, or no spreadsheet among them.
    #[serde(rename = "input.missing")]
    InputMissing,
    /// Another import is still running.
    #[serde(rename = "import.busy")]
    ImportBusy,
    /// No working set yet (no master/policy chosen), or it is still loading.
    #[serde(rename = "session.empty")]
    SessionEmpty,
    /// The local database refused a read or write; nothing was changed.
    #[serde(rename = "store.failed")]
    StoreFailed,
    /// A document (PDF, XLSX) could not be produced or written.
    #[serde(rename = "document.failed")]
    DocumentFailed,
    /// The unit is not in the master, or has no submission when one is needed.
    #[serde(rename = "unit.unknown")]
    UnitUnknown,
    /// The reporting window is outside the policy period, reversed or too long to print.
    #[serde(rename = "window.invalid")]
    WindowInvalid,
    /// A backup file cannot be restored (not a Fleksi database, newer, damaged).
    #[serde(rename = "backup.invalid")]
    BackupInvalid,
    /// An unexpected failure; the UI also uses it for errors that did not arrive as
    /// `IpcError` (e.g. a command missing from an older build).
    #[serde(rename = "internal")]
    Internal,
}

/// Everything that can go wrong in the working state.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// An argument refused by [`crate::guard`] before anything ran (a path, id or form the
    /// window sent that is not one the command accepts).
    #[error("{message}")]
    Refused { code: ErrorCode, message: String },
    #[error("Folder data aplikasi tidak dapat ditentukan: {0}")]
    DataDirUnknown(String),
    #[error("Folder data aplikasi {path} tidak dapat dibuat: {source}")]
    DataDirCreate {
        path: String,
        source: std::io::Error,
    },
    #[error("{path} tidak dapat dibuka: {reason}")]
    Open { path: String, reason: String },
    #[error("Surat Edaran '{0}' tidak dikenal.")]
    PolicyUnknown(String),
    #[error("{0}")]
    MasterInvalid(String),
    #[error("{0}")]
    InputMissing(String),
    #[error("Impor lain masih berjalan; tunggu sampai selesai.")]
    ImportBusy,
    #[error("{0}")]
    SessionEmpty(String),
    #[error("Penyimpanan data gagal, tidak ada yang diubah: {0}")]
    Store(String),
    #[error("{0}")]
    Document(String),
    #[error("{0}")]
    UnitUnknown(String),
    #[error("{0}")]
    Window(String),
    #[error("{0}")]
    Backup(String),
    #[error("Terjadi kesalahan tak terduga: {0}")]
    Internal(String),
}

impl Error {
    /// The stable code of this error.
    pub fn code(&self) -> ErrorCode {
        match self {
            Error::Refused { code, .. } => *code,
            Error::DataDirUnknown(_) | Error::DataDirCreate { .. } => ErrorCode::DataDirUnavailable,
            Error::Open { .. } => ErrorCode::OpenFailed,
            Error::PolicyUnknown(_) => ErrorCode::PolicyUnknown,
            Error::MasterInvalid(_) => ErrorCode::MasterInvalid,
            Error::InputMissing(_) => ErrorCode::InputMissing,
            Error::ImportBusy => ErrorCode::ImportBusy,
            Error::SessionEmpty(_) => ErrorCode::SessionEmpty,
            Error::Store(_) => ErrorCode::StoreFailed,
            Error::Document(_) => ErrorCode::DocumentFailed,
            Error::UnitUnknown(_) => ErrorCode::UnitUnknown,
            Error::Window(_) => ErrorCode::WindowInvalid,
            Error::Backup(_) => ErrorCode::BackupInvalid,
            Error::Internal(_) => ErrorCode::Internal,
        }
    }
}

impl From<fleksi_store::StoreError> for Error {
    fn from(e: fleksi_store::StoreError) -> Self {
        Error::Store(e.to_string())
    }
}

impl From<fleksi_report::ReportError> for Error {
    fn from(e: fleksi_report::ReportError) -> Self {
        Error::Document(format!("Dokumen tidak dapat dibuat: {e}"))
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_serialize_dotted() {
        let json = serde_json::to_value(Error::Window("x".into()).code()).expect("json");
        assert_eq!(json, "window.invalid");
        let err = Error::DataDirCreate {
            path: "/tmp/x".into(),
            source: std::io::Error::new(std::io::ErrorKind::PermissionDenied, "denied"),
        };
        assert_eq!(err.code(), ErrorCode::DataDirUnavailable);
        assert!(err
            .to_string()
            .starts_with("Folder data aplikasi /tmp/x tidak dapat dibuat"));
    }
}
