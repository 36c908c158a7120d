//! Errors that cross the IPC boundary: every command fails with `{code, message}`, a stable
//! machine code the UI can switch on and a message in Bahasa Indonesia for the clerk.

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
    /// Nothing to import: paths missing, or no spreadsheet among them.
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
    /// An unexpected failure; the UI also uses it for errors that did not arrive as
    /// `IpcError` (e.g. a command missing from an older build).
    #[serde(rename = "internal")]
    Internal,
}

/// The error value every command returns to the UI.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct IpcError {
    pub code: ErrorCode,
    /// Human-readable message in Bahasa Indonesia.
    pub message: String,
}

/// Errors of the app shell; converted to [`IpcError`] at the command boundary.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
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
    #[error("Terjadi kesalahan tak terduga: {0}")]
    Internal(String),
}

impl AppError {
    pub fn code(&self) -> ErrorCode {
        match self {
            AppError::DataDirUnknown(_) | AppError::DataDirCreate { .. } => {
                ErrorCode::DataDirUnavailable
            }
            AppError::Open { .. } => ErrorCode::OpenFailed,
            AppError::PolicyUnknown(_) => ErrorCode::PolicyUnknown,
            AppError::MasterInvalid(_) => ErrorCode::MasterInvalid,
            AppError::InputMissing(_) => ErrorCode::InputMissing,
            AppError::ImportBusy => ErrorCode::ImportBusy,
            AppError::SessionEmpty(_) => ErrorCode::SessionEmpty,
            AppError::Store(_) => ErrorCode::StoreFailed,
            AppError::Document(_) => ErrorCode::DocumentFailed,
            AppError::UnitUnknown(_) => ErrorCode::UnitUnknown,
            AppError::Internal(_) => ErrorCode::Internal,
        }
    }
}

impl From<AppError> for IpcError {
    fn from(err: AppError) -> Self {
        IpcError {
            code: err.code(),
            message: err.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serializes_as_code_and_indonesian_message() {
        let err = AppError::DataDirCreate {
            path: "/tmp/x".into(),
            source: std::io::Error::new(std::io::ErrorKind::PermissionDenied, "denied"),
        };
        let json = serde_json::to_value(IpcError::from(err)).expect("serializable");
        assert_eq!(json["code"], "data_dir.unavailable");
        let message = json["message"].as_str().expect("message is a string");
        assert!(message.starts_with("Folder data aplikasi /tmp/x tidak dapat dibuat"));
    }

    #[test]
    fn open_failure_has_its_own_code() {
        let err = AppError::Open {
            path: "a.pdf".into(),
            reason: "tidak ada program".into(),
        };
        assert_eq!(IpcError::from(err).code, ErrorCode::OpenFailed);
    }
}
