//! The Pengaturan page's record of what happened: the database in use, the recent imports
//! (when, which policy, how many files, errors and warnings), the audit trail, and backups of
//! the database to a file the clerk chooses.

use serde::Serialize;
use ts_rs::TS;

use crate::error::IpcError;
use crate::state::{AppState, DB_FILE};

/// One past import.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ImportRow {
    /// `23-11-2026 21.29`.
    pub at: String,
    pub policy_id: String,
    pub files: u32,
    pub errors: u32,
    pub warnings: u32,
}

/// One audit entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AuditRow {
    pub at: String,
    pub action: String,
    pub detail: String,
}

/// The database and what it recorded last.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct History {
    pub db_path: String,
    pub schema_version: u32,
    pub imports: Vec<ImportRow>,
    pub audit: Vec<AuditRow>,
}

/// How many rows of each list the page shows.
pub const LIMIT: usize = 50;

/// `2026-11-23T21:29:10+07:00` → `23-11-2026 21.29` (Indonesian style); other text as is.
pub fn local_time(rfc3339: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(rfc3339)
        .map(|t| t.format("%d-%m-%Y %H.%M").to_string())
        .unwrap_or_else(|_| rfc3339.to_string())
}

/// What the store holds, newest first.
pub fn history(state: &AppState) -> Result<History, crate::error::AppError> {
    state.with_store(|s| {
        Ok(History {
            db_path: state.data_dir.join(DB_FILE).display().to_string(),
            schema_version: u32::try_from(s.schema_version()).unwrap_or(0),
            imports: s
                .imports(LIMIT)?
                .into_iter()
                .map(|i| ImportRow {
                    at: local_time(&i.at),
                    policy_id: i.policy_id,
                    files: i.files,
                    errors: i.errors,
                    warnings: i.warnings,
                })
                .collect(),
            audit: s
                .audit(LIMIT)?
                .into_iter()
                .map(|a| AuditRow {
                    at: local_time(&a.at),
                    action: a.action,
                    detail: a.detail,
                })
                .collect(),
        })
    })
}

/// The recent imports and audit trail.
#[tauri::command]
pub fn import_history(state: tauri::State<'_, AppState>) -> Result<History, IpcError> {
    Ok(history(&state)?)
}

/// Writes a consistent copy of the database to `path` (never over an existing file).
#[tauri::command]
pub async fn backup_database<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
    path: String,
) -> Result<String, IpcError> {
    crate::imports::off_ui_thread(&app, move |state| {
        state.with_store(|s| s.backup_to(std::path::Path::new(&path)))?;
        Ok(path)
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::to_u32;

    #[test]
    fn times_read_the_indonesian_way() {
        assert_eq!(local_time("2026-11-23T21:29:10+07:00"), "23-11-2026 21.29");
        assert_eq!(local_time("kemarin"), "kemarin");
    }

    #[test]
    fn the_first_start_is_on_record() {
        let dir = std::env::temp_dir().join(format!("fleksi-history-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let state = AppState::new(dir.clone());
        state.load();
        let h = history(&state).expect("history");
        assert_eq!(h.schema_version, 1);
        assert_eq!(h.imports.len(), 1, "the demo import");
        assert_eq!(h.imports[0].policy_id, "lebak-2025-12");
        assert_eq!(
            to_u32(state.summary().map(|s| s.files.len()).unwrap_or(0)),
            h.imports[0].files
        );
        assert!(!h.audit.is_empty());
        let copy = dir.join("cadangan.sqlite3");
        state.with_store(|s| s.backup_to(&copy)).expect("backup");
        assert_eq!(
            history(&state).expect("history").audit[0].action,
            "cadangan"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}
