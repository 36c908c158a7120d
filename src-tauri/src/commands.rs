//! The IPC commands: each a few lines over `fleksi_workspace`, failing with [`IpcError`].
//! File work runs on a blocking worker so the window never waits; reads take the current
//! snapshot and never wait behind an import or a document build.

use std::path::{Path, PathBuf};

use fleksi_workspace::documents::{DocOptions, PrintCheck, UnitDocuments};
use fleksi_workspace::findings::{self, FindingPage, FindingQuery};
use fleksi_workspace::grid::{self, RecapGrid};
use fleksi_workspace::import::{ImportEvent, ImportOutcome, ImportRequest};
use fleksi_workspace::master_check::MasterCheck;
use fleksi_workspace::records::{BackupCheck, History};
use fleksi_workspace::staff::{self, StaffPage, StaffPerson, StaffQuery, UnitNode};
use fleksi_workspace::summary::SessionSummary;
use fleksi_workspace::versions::UnitHistory;
use fleksi_workspace::{inputs, Error, SavedFile, SessionState, Workspace};
use tauri::ipc::{Channel, Response};
use tauri::{AppHandle, Emitter, Manager, Runtime, State};
use tauri_plugin_opener::OpenerExt;

use crate::error::IpcError;
use crate::info::AppInfo;
use fleksi_workspace::guard;
use fleksi_workspace::ErrorCode;

/// Event the UI listens to: the working set changed (import, demo, clear, restore).
pub const SESSION_CHANGED: &str = "session-changed";

/// The app's data folder (Tauri's app data dir), created when missing.
pub fn data_dir<R: Runtime>(app: &AppHandle<R>) -> Result<PathBuf, Error> {
    let dir = app
        .path()
        .app_data_dir()
        .map_err(|e| Error::DataDirUnknown(e.to_string()))?;
    inputs::ensure_dir(dir)
}

/// Runs `job` on a blocking worker so the window never waits on file work.
pub(crate) async fn off_ui_thread<R: Runtime, T: Send + 'static>(
    app: &AppHandle<R>,
    job: impl FnOnce(&Workspace) -> Result<T, Error> + Send + 'static,
) -> Result<T, IpcError> {
    let handle = app.clone();
    let result = tauri::async_runtime::spawn_blocking(move || job(&handle.state::<Workspace>()))
        .await
        .map_err(|e| Error::Internal(e.to_string()))?;
    Ok(result?)
}

/// Like [`off_ui_thread`], then tells the UI the working set changed.
pub(crate) async fn changing<R: Runtime, T: Send + 'static>(
    app: &AppHandle<R>,
    job: impl FnOnce(&Workspace) -> Result<T, Error> + Send + 'static,
) -> Result<T, IpcError> {
    let out = off_ui_thread(app, job).await?;
    let _ = app.emit(SESSION_CHANGED, ());
    Ok(out)
}

fn opened<R: Runtime>(app: &AppHandle<R>, path: String) -> Result<(), IpcError> {
    app.opener()
        .open_path(&path, None::<&str>)
        .map_err(|e| Error::Open {
            path,
            reason: e.to_string(),
        })?;
    Ok(())
}

/// Version, data folder and log folder of this installation (Beranda).
#[tauri::command]
pub fn app_info<R: Runtime>(app: AppHandle<R>) -> Result<AppInfo, IpcError> {
    let data_dir = data_dir(&app)?;
    let log_dir = app
        .path()
        .app_log_dir()
        .map_err(|e| Error::DataDirUnknown(e.to_string()))?;
    let pkg = app.package_info();
    let version = pkg.version.to_string();
    Ok(AppInfo::new(&pkg.name, &version, &data_dir, &log_dir))
}

/// Opens the data folder in the system's file manager.
#[tauri::command]
pub fn open_data_dir<R: Runtime>(app: AppHandle<R>) -> Result<(), IpcError> {
    let dir = data_dir(&app)?.display().to_string();
    opened(&app, dir)
}

/// The working set as it stands (also while it is still loading at start).
#[tauri::command]
pub fn session_state(ws: State<'_, Workspace>) -> SessionState {
    ws.state()
}

/// Reads and checks a master workbook the clerk picked, before any import uses it.
#[tauri::command]
pub async fn inspect_master<R: Runtime>(
    app: AppHandle<R>,
    path: String,
) -> Result<MasterCheck, IpcError> {
    guard::existing_file(ErrorCode::MasterInvalid, &path, guard::MAX_MASTER_BYTES)?;
    off_ui_thread(&app, move |ws| Ok(ws.inspect_master(Path::new(&path)))).await
}

/// Imports OPD files and folders into the working set, streaming progress.
#[tauri::command]
pub async fn import_files<R: Runtime>(
    app: AppHandle<R>,
    request: ImportRequest,
    on_event: Channel<ImportEvent>,
) -> Result<ImportOutcome, IpcError> {
    guard::text(
        ErrorCode::PolicyUnknown,
        "Kode Surat Edaran",
        &request.policy_id,
    )?;
    guard::import_paths(&request.paths)?;
    if let Some(master) = &request.master_path {
        guard::existing_file(ErrorCode::MasterInvalid, master, guard::MAX_MASTER_BYTES)?;
    }
    if let Some(id) = request.replace {
        guard::row_id(ErrorCode::InputMissing, id)?;
    }
    changing(&app, move |ws| {
        ws.import(&request, &|event| {
            let _ = on_event.send(event);
        })
    })
    .await
}

/// Takes one file out of the working set (its bytes stay in the database).
#[tauri::command]
pub async fn remove_file<R: Runtime>(
    app: AppHandle<R>,
    submission_id: i64,
) -> Result<SessionSummary, IpcError> {
    guard::row_id(ErrorCode::InputMissing, submission_id)?;
    changing(&app, move |ws| ws.remove_file(submission_id)).await
}

/// Replaces the working set with the bundled demo regency (written again to the data folder).
#[tauri::command]
pub async fn load_demo<R: Runtime>(app: AppHandle<R>) -> Result<SessionSummary, IpcError> {
    changing(&app, |ws| ws.load_demo()).await
}

/// Starts a new, empty set (same policy and master); earlier files stay in the database.
#[tauri::command]
pub async fn clear_session<R: Runtime>(app: AppHandle<R>) -> Result<(), IpcError> {
    changing(&app, |ws| ws.clear()).await
}

/// Sets the reporting window (ISO dates), or back to the default with `None`.
#[tauri::command]
pub async fn set_window<R: Runtime>(
    app: AppHandle<R>,
    from: Option<String>,
    to: Option<String>,
) -> Result<SessionSummary, IpcError> {
    changing(&app, move |ws| {
        ws.set_window_dates(from.as_deref(), to.as_deref())
    })
    .await
}

/// One page of the Temuan table.
#[tauri::command]
pub fn finding_page(
    ws: State<'_, Workspace>,
    query: FindingQuery,
) -> Result<FindingPage, IpcError> {
    for (what, value) in [
        ("Unit", &query.unit),
        ("Kode temuan", &query.code),
        ("Tingkat", &query.severity),
        ("Pencarian", &query.search),
    ] {
        guard::filter(ErrorCode::Internal, what, value)?;
    }
    Ok(findings::page(&ws.snapshot()?.session, &query))
}

/// One page of Data Pegawai's staff table.
#[tauri::command]
pub fn staff_page(ws: State<'_, Workspace>, query: StaffQuery) -> Result<StaffPage, IpcError> {
    guard::filter(ErrorCode::Internal, "Pencarian", &query.search)?;
    guard::filter(ErrorCode::UnitUnknown, "Kode unit", &query.unit)?;
    Ok(staff::page(ws.snapshot()?.as_ref(), &query))
}

/// The master's units as a tree with staff counts.
#[tauri::command]
pub fn unit_tree(ws: State<'_, Workspace>) -> Result<Vec<UnitNode>, IpcError> {
    Ok(staff::unit_tree(ws.snapshot()?.as_ref()))
}

/// One person: schedule across the reporting window and findings.
#[tauri::command]
pub fn staff_person(ws: State<'_, Workspace>, nip: String) -> Result<StaffPerson, IpcError> {
    guard::text(ErrorCode::Internal, "NIP", &nip)?;
    Ok(staff::person(ws.snapshot()?.as_ref(), &nip)?)
}

/// The unit × day grid of WFA shares and verdicts, over the reporting window.
#[tauri::command]
pub fn recap_grid(ws: State<'_, Workspace>) -> Result<RecapGrid, IpcError> {
    Ok(grid::grid(&ws.snapshot()?.recap))
}

/// A unit's versions and the diff between two of them (default: the last two).
#[tauri::command]
pub fn unit_history(
    ws: State<'_, Workspace>,
    unit: String,
    older: Option<u32>,
    newer: Option<u32>,
) -> Result<UnitHistory, IpcError> {
    guard::text(ErrorCode::UnitUnknown, "Kode unit", &unit)?;
    Ok(ws.unit_history(&unit, older.zip(newer))?)
}

/// The lampiran PDF's bytes, for the preview (raw bytes over IPC, no JSON).
#[tauri::command]
pub async fn lampiran_pdf<R: Runtime>(
    app: AppHandle<R>,
    options: DocOptions,
) -> Result<Response, IpcError> {
    let bytes = off_ui_thread(&app, move |ws| ws.lampiran(options)).await?;
    Ok(Response::new(bytes))
}

/// Saves the lampiran PDF.
#[tauri::command]
pub async fn save_lampiran<R: Runtime>(
    app: AppHandle<R>,
    options: DocOptions,
    path: String,
) -> Result<SavedFile, IpcError> {
    let path = guard::save_target(ErrorCode::DocumentFailed, &path, &["pdf"])?;
    off_ui_thread(&app, move |ws| ws.save_lampiran(options, &path)).await
}

/// Saves the recap workbook.
#[tauri::command]
pub async fn save_recap<R: Runtime>(
    app: AppHandle<R>,
    path: String,
) -> Result<SavedFile, IpcError> {
    let path = guard::save_target(ErrorCode::DocumentFailed, &path, &["xlsx"])?;
    off_ui_thread(&app, move |ws| ws.save_recap(&path)).await
}

/// What remains before a clean lampiran (asked once before saving or printing) and the
/// suggested file names.
#[tauri::command]
pub fn print_check(ws: State<'_, Workspace>) -> Result<PrintCheck, IpcError> {
    Ok(ws.print_check()?)
}

/// The units with what can be downloaded for each.
#[tauri::command]
pub fn list_unit_documents(ws: State<'_, Workspace>) -> Result<Vec<UnitDocuments>, IpcError> {
    Ok(ws.unit_documents()?)
}

/// Saves one unit's template.
#[tauri::command]
pub async fn save_template<R: Runtime>(
    app: AppHandle<R>,
    unit: String,
    path: String,
) -> Result<SavedFile, IpcError> {
    guard::text(ErrorCode::UnitUnknown, "Kode unit", &unit)?;
    let path = guard::save_target(ErrorCode::DocumentFailed, &path, &["xlsx"])?;
    off_ui_thread(&app, move |ws| ws.save_template(&unit, &path)).await
}

/// Saves every unit's template into a folder.
#[tauri::command]
pub async fn save_all_templates_to<R: Runtime>(
    app: AppHandle<R>,
    folder: String,
) -> Result<SavedFile, IpcError> {
    let folder = guard::existing_folder(ErrorCode::DocumentFailed, &folder)?;
    off_ui_thread(&app, move |ws| ws.save_all_templates(&folder)).await
}

/// Saves one unit's annotated error workbook.
#[tauri::command]
pub async fn save_corrections<R: Runtime>(
    app: AppHandle<R>,
    unit: String,
    path: String,
) -> Result<SavedFile, IpcError> {
    guard::text(ErrorCode::UnitUnknown, "Kode unit", &unit)?;
    let path = guard::save_target(ErrorCode::DocumentFailed, &path, &["xlsx"])?;
    off_ui_thread(&app, move |ws| ws.save_corrections(&unit, &path)).await
}

/// Opens a saved document in the system's program (PDF viewer, spreadsheet) to print.
#[tauri::command]
pub fn open_document<R: Runtime>(app: AppHandle<R>, path: String) -> Result<(), IpcError> {
    guard::openable(&path)?;
    opened(&app, path)
}

/// The recent imports and audit trail.
#[tauri::command]
pub fn import_history(ws: State<'_, Workspace>) -> Result<History, IpcError> {
    Ok(ws.history()?)
}

/// Writes a consistent copy of the database to `path` (never over an existing file).
#[tauri::command]
pub async fn backup_database<R: Runtime>(
    app: AppHandle<R>,
    path: String,
) -> Result<String, IpcError> {
    let path = guard::save_target(ErrorCode::StoreFailed, &path, &["sqlite3", "db"])?;
    off_ui_thread(&app, move |ws| {
        ws.backup_to(&path)?;
        Ok(path.display().to_string())
    })
    .await
}

/// What a backup file holds, checked without changing anything (for the confirmation).
#[tauri::command]
pub async fn check_backup<R: Runtime>(
    app: AppHandle<R>,
    path: String,
) -> Result<BackupCheck, IpcError> {
    let path = guard::existing_file(ErrorCode::BackupInvalid, &path, u64::MAX)?;
    off_ui_thread(&app, move |_| Workspace::check_backup(&path)).await
}

/// Replaces the database with a backup; returns where the replaced database was kept.
#[tauri::command]
pub async fn restore_database<R: Runtime>(
    app: AppHandle<R>,
    path: String,
) -> Result<String, IpcError> {
    let path = guard::existing_file(ErrorCode::BackupInvalid, &path, u64::MAX)?;
    changing(&app, move |ws| {
        ws.restore(&path).map(|kept| kept.display().to_string())
    })
    .await
}
