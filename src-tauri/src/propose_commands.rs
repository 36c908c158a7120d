//! Rekap & Cetak's "Susun jadwal" commands: a proposed schedule for one unit or all units
//! over the reporting window, saved as the unit's prefilled template or used as its next
//! version — each a thin call into `fleksi_workspace::propose`.

use fleksi_workspace::import::ImportOutcome;
use fleksi_workspace::propose::{ProposalView, ProposeOptions};
use fleksi_workspace::{ErrorCode, SavedFile};
use tauri::{AppHandle, Runtime};

use crate::commands::{changing, off_ui_thread};
use crate::error::IpcError;
use fleksi_workspace::guard;

fn unit_code(unit: &str) -> Result<(), IpcError> {
    Ok(guard::text(ErrorCode::UnitUnknown, "Kode unit", unit)?)
}

/// The proposal for `unit` (none: every unit) over the current window.
#[tauri::command]
pub async fn propose_schedule<R: Runtime>(
    app: AppHandle<R>,
    unit: Option<String>,
    options: ProposeOptions,
) -> Result<ProposalView, IpcError> {
    if let Some(u) = &unit {
        unit_code(u)?;
    }
    off_ui_thread(&app, move |ws| ws.propose(unit.as_deref(), &options)).await
}

/// "Unduh sebagai templat": the unit's proposal as its prefilled OPD template.
#[tauri::command]
pub async fn save_proposal_template<R: Runtime>(
    app: AppHandle<R>,
    unit: String,
    options: ProposeOptions,
    path: String,
) -> Result<SavedFile, IpcError> {
    unit_code(&unit)?;
    let path = guard::save_target(ErrorCode::DocumentFailed, &path, &["xlsx"])?;
    off_ui_thread(&app, move |ws| {
        ws.save_proposal_template(&unit, &options, &path)
    })
    .await
}

/// "Pakai sebagai jadwal": the unit's proposal becomes its next version in the working set.
#[tauri::command]
pub async fn use_proposal<R: Runtime>(
    app: AppHandle<R>,
    unit: String,
    options: ProposeOptions,
) -> Result<ImportOutcome, IpcError> {
    unit_code(&unit)?;
    changing(&app, move |ws| ws.use_proposal(&unit, &options)).await
}
