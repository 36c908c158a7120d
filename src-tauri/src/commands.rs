//! The IPC commands: each a few lines over the domain crates, failing with [`IpcError`].

use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_opener::OpenerExt;

use crate::error::{AppError, IpcError};
use crate::findings::{self, FindingPage, FindingQuery};
use crate::grid::{self, RecapGrid};
use crate::info::{self, AppInfo};
use crate::policies::{self, PolicySummary};
use crate::state::AppState;

/// The app's data folder (Tauri's app data dir), created when missing.
pub fn data_dir<R: Runtime>(app: &AppHandle<R>) -> Result<std::path::PathBuf, AppError> {
    let dir = app
        .path()
        .app_data_dir()
        .map_err(|e| AppError::DataDirUnknown(e.to_string()))?;
    info::ensure_dir(dir)
}

/// Version, data folder and log folder of this installation (Beranda).
#[tauri::command]
pub fn app_info<R: Runtime>(app: AppHandle<R>) -> Result<AppInfo, IpcError> {
    let data_dir = data_dir(&app)?;
    let log_dir = app
        .path()
        .app_log_dir()
        .map_err(|e| AppError::DataDirUnknown(e.to_string()))?;
    let pkg = app.package_info();
    Ok(AppInfo::new(
        &pkg.name,
        &pkg.version.to_string(),
        &data_dir,
        &log_dir,
    ))
}

/// Opens the data folder in the system's file manager.
#[tauri::command]
pub fn open_data_dir<R: Runtime>(app: AppHandle<R>) -> Result<(), IpcError> {
    let dir = data_dir(&app)?.display().to_string();
    app.opener()
        .open_path(&dir, None::<&str>)
        .map_err(|e| AppError::Open {
            path: dir,
            reason: e.to_string(),
        })?;
    Ok(())
}

/// The policies (Surat Edaran) Fleksi ships with, summarised for lists.
#[tauri::command]
pub fn list_policies() -> Vec<PolicySummary> {
    policies::presets()
}

/// One page of the Temuan table.
#[tauri::command]
pub fn finding_page(
    state: tauri::State<'_, AppState>,
    query: FindingQuery,
) -> Result<FindingPage, IpcError> {
    Ok(state.with_session(|s| findings::page(s, &query))?)
}

/// The unit × day grid of WFA shares and verdicts.
#[tauri::command]
pub fn recap_grid(state: tauri::State<'_, AppState>) -> Result<RecapGrid, IpcError> {
    Ok(state.with_session(|s| grid::grid(&s.recap))?)
}
