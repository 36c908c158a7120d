//! Errors that cross the IPC boundary: every command fails with `{code, message}`, a stable
//! machine code the UI can switch on and a message in Bahasa Indonesia for the clerk.

use fleksi_workspace::{Error, ErrorCode};
use serde::Serialize;
use ts_rs::TS;

/// The error value every command returns to the UI.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct IpcError {
    pub code: ErrorCode,
    /// Human-readable message in Bahasa Indonesia.
    pub message: String,
}

impl From<Error> for IpcError {
    /// Also logs the error with its code (the log is what a helper reads later).
    fn from(err: Error) -> Self {
        let error = IpcError {
            code: err.code(),
            message: err.to_string(),
        };
        let code = serde_json::to_value(error.code).unwrap_or_default();
        log::warn!("Galat {}: {}", code.as_str().unwrap_or("?"), error.message);
        error
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serializes_as_code_and_indonesian_message() {
        let err = Error::DataDirCreate {
            path: "/tmp/x".into(),
            source: std::io::Error::new(std::io::ErrorKind::PermissionDenied, "denied"),
        };
        let json = serde_json::to_value(IpcError::from(err)).expect("serializable");
        assert_eq!(json["code"], "data_dir.unavailable");
        let message = json["message"].as_str().expect("message is a string");
        assert!(message.starts_with("Folder data aplikasi /tmp/x tidak dapat dibuat"));
    }
}
