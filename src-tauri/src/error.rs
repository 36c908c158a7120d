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
}

impl AppError {
    pub fn code(&self) -> ErrorCode {
        match self {
            AppError::DataDirUnknown(_) | AppError::DataDirCreate { .. } => {
                ErrorCode::DataDirUnavailable
            }
            AppError::Open { .. } => ErrorCode::OpenFailed,
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
