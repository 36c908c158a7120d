//! Impor Jadwal's mapping step and Pengaturan's list of remembered mappings: the first rows
//! of a file the automatic reader could not read, its import with the clerk's column
//! mapping (remembered for the unit's next file), and the list with its removal — each a
//! thin call into `fleksi_workspace::mapping`.

use fleksi_import::ColumnMapping;
use fleksi_workspace::import::ImportOutcome;
use fleksi_workspace::mapping::{self, MappingPreview, MappingRow};
use fleksi_workspace::{guard, ErrorCode};
use tauri::{AppHandle, Runtime};

use crate::commands::{changing, off_ui_thread};
use crate::error::IpcError;

/// The first rows of the file stored as `submission_id` (sheet: `None` for its first) and
/// the dialog's starting point.
#[tauri::command]
pub async fn mapping_preview<R: Runtime>(
    app: AppHandle<R>,
    submission_id: i64,
    sheet: Option<String>,
) -> Result<MappingPreview, IpcError> {
    guard::row_id(ErrorCode::InputMissing, submission_id)?;
    if let Some(s) = &sheet {
        guard::text(ErrorCode::InputMissing, "Nama lembar", s)?;
    }
    off_ui_thread(&app, move |ws| {
        ws.mapping_preview(submission_id, sheet.as_deref())
    })
    .await
}

/// "Impor dengan pemetaan ini": the file read with `mapping`, its unit's next version;
/// `remember` keeps the mapping for the unit's next file.
#[tauri::command]
pub async fn import_with_mapping<R: Runtime>(
    app: AppHandle<R>,
    submission_id: i64,
    mapping: ColumnMapping,
    remember: bool,
) -> Result<ImportOutcome, IpcError> {
    guard::row_id(ErrorCode::InputMissing, submission_id)?;
    mapping::check(&mapping)?;
    changing(&app, move |ws| {
        ws.import_mapped(submission_id, &mapping, remember)
    })
    .await
}

/// The remembered mappings (Pengaturan).
#[tauri::command]
pub async fn list_column_mappings<R: Runtime>(
    app: AppHandle<R>,
) -> Result<Vec<MappingRow>, IpcError> {
    off_ui_thread(&app, |ws| ws.column_mappings()).await
}

/// "Hapus": forgets a unit's remembered mapping; the list as it is then.
#[tauri::command]
pub async fn remove_column_mapping<R: Runtime>(
    app: AppHandle<R>,
    unit: String,
) -> Result<Vec<MappingRow>, IpcError> {
    guard::text(ErrorCode::UnitUnknown, "Kode unit", &unit)?;
    off_ui_thread(&app, move |ws| ws.remove_column_mapping(&unit)).await
}
