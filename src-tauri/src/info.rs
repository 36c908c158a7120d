//! What the Beranda page shows about the installation: version, data folder, log folder.

use std::path::{Path, PathBuf};

use serde::Serialize;
use ts_rs::TS;

use crate::error::AppError;

/// Facts about this installation, shown on the Beranda page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AppInfo {
    /// Product name ("Fleksi").
    pub name: String,
    /// App version (from the Cargo workspace), e.g. "0.1.0".
    pub version: String,
    /// Absolute path of the folder holding the app's data (database, imported files).
    pub data_dir: String,
    /// Absolute path of the folder holding the app's log files.
    pub log_dir: String,
    /// Operating system the app runs on ("windows", "linux", "macos").
    pub os: String,
}

impl AppInfo {
    pub fn new(name: &str, version: &str, data_dir: &Path, log_dir: &Path) -> Self {
        AppInfo {
            name: name.to_owned(),
            version: version.to_owned(),
            data_dir: data_dir.display().to_string(),
            log_dir: log_dir.display().to_string(),
            os: std::env::consts::OS.to_owned(),
        }
    }
}

/// Creates the data folder if needed and returns it.
pub fn ensure_dir(dir: PathBuf) -> Result<PathBuf, AppError> {
    std::fs::create_dir_all(&dir).map_err(|source| AppError::DataDirCreate {
        path: dir.display().to_string(),
        source,
    })?;
    Ok(dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ensure_dir_creates_nested_folders() {
        let base = std::env::temp_dir().join(format!("fleksi-app-test-{}", std::process::id()));
        let dir = base.join("a").join("b");
        let made = ensure_dir(dir.clone()).expect("folder created");
        assert!(made.is_dir());
        std::fs::remove_dir_all(&base).expect("cleanup");
    }

    #[test]
    fn ensure_dir_reports_the_path_in_indonesian() {
        let file = std::env::temp_dir().join(format!("fleksi-app-file-{}", std::process::id()));
        std::fs::write(&file, b"x").expect("temp file");
        let err = ensure_dir(file.join("sub")).expect_err("a file cannot hold a folder");
        let text = err.to_string();
        std::fs::remove_file(&file).expect("cleanup");
        assert!(text.contains("tidak dapat dibuat"), "{text}");
        assert!(text.contains(&file.display().to_string()), "{text}");
    }

    #[test]
    fn app_info_carries_paths_verbatim() {
        let info = AppInfo::new("Fleksi", "1.2.3", Path::new("/d"), Path::new("/l"));
        assert_eq!(info.version, "1.2.3");
        assert_eq!(info.data_dir, "/d");
        assert_eq!(info.log_dir, "/l");
        assert!(!info.os.is_empty());
    }
}
