//! What the Beranda page shows about the installation: version, data folder, log folder.

use std::path::Path;

use serde::Serialize;
use ts_rs::TS;

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn app_info_carries_paths_verbatim() {
        let info = AppInfo::new("Fleksi", "1.2.3", Path::new("/d"), Path::new("/l"));
        assert_eq!(info.version, "1.2.3");
        assert_eq!(info.data_dir, "/d");
        assert_eq!(info.log_dir, "/l");
        assert!(!info.os.is_empty());
    }
}
