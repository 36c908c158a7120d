//! The Surat Edaran page's commands: the list of policies (presets and the clerk's own), the
//! editor's form and preview, create / duplicate / save / archive / undo, TOML export and
//! import — each a thin call into `fleksi_workspace`.

use fleksi_workspace::policy_book::{PolicyEntry, PolicyProblem};
use fleksi_workspace::policy_detail::PolicyDetail;
use fleksi_workspace::policy_form::PolicyPreview;
use fleksi_workspace::{SavedFile, Workspace};
use tauri::{AppHandle, Runtime, State};

use crate::commands::{changing, off_ui_thread};
use crate::error::IpcError;
use fleksi_workspace::guard;
use fleksi_workspace::ErrorCode;

/// Checks a policy id sent by the window.
fn policy_id(id: &str) -> Result<(), IpcError> {
    Ok(guard::text(
        ErrorCode::PolicyUnknown,
        "Kode Surat Edaran",
        id,
    )?)
}

/// Every policy: the presets first, then the clerk's own (archived ones on request).
#[tauri::command]
pub fn list_policies(
    ws: State<'_, Workspace>,
    include_archived: Option<bool>,
) -> Result<Vec<PolicyEntry>, IpcError> {
    Ok(ws.policies(include_archived.unwrap_or(false))?)
}

/// The rules and days off of one policy (preset or stored).
#[tauri::command]
pub fn policy_detail(ws: State<'_, Workspace>, id: String) -> Result<PolicyDetail, IpcError> {
    policy_id(&id)?;
    Ok(ws.policy_detail(&id)?)
}

/// One policy as the editor's form (JSON with the fields of its TOML).
#[tauri::command]
pub fn policy_form(ws: State<'_, Workspace>, id: String) -> Result<serde_json::Value, IpcError> {
    policy_id(&id)?;
    Ok(ws.policy_json(&id)?)
}

/// The live preview of an unsaved form: days off, caps, exempt units, problems per field.
#[tauri::command]
pub fn policy_preview(ws: State<'_, Workspace>, form: serde_json::Value) -> PolicyPreview {
    ws.policy_preview(form)
}

/// Saves the form; returns the problems (nothing saved) or an empty list (saved).
#[tauri::command]
pub async fn save_policy_form<R: Runtime>(
    app: AppHandle<R>,
    id: String,
    form: serde_json::Value,
) -> Result<Vec<PolicyProblem>, IpcError> {
    policy_id(&id)?;
    guard::form(&form)?;
    changing(&app, move |ws| ws.save_policy_json(&id, form)).await
}

/// A new policy from a preset, a stored policy or `kosong` (blank).
#[tauri::command]
pub async fn new_policy<R: Runtime>(
    app: AppHandle<R>,
    from: String,
    id: String,
    name: String,
) -> Result<PolicyEntry, IpcError> {
    policy_id(&from)?;
    policy_id(&id)?;
    guard::text(ErrorCode::PolicyUnknown, "Nama Surat Edaran", &name)?;
    off_ui_thread(&app, move |ws| ws.new_policy_from(&from, &id, &name)).await
}

/// A copy of a policy under a new id.
#[tauri::command]
pub async fn duplicate_policy<R: Runtime>(
    app: AppHandle<R>,
    id: String,
    new_id: String,
) -> Result<PolicyEntry, IpcError> {
    policy_id(&id)?;
    policy_id(&new_id)?;
    off_ui_thread(&app, move |ws| ws.duplicate_policy(&id, &new_id)).await
}

/// Archives (hides) or brings back one of the clerk's policies.
#[tauri::command]
pub async fn archive_policy<R: Runtime>(
    app: AppHandle<R>,
    id: String,
    archived: bool,
) -> Result<PolicyEntry, IpcError> {
    policy_id(&id)?;
    off_ui_thread(&app, move |ws| ws.archive_policy(&id, archived)).await
}

/// Undoes the last edit of a policy.
#[tauri::command]
pub async fn undo_policy<R: Runtime>(
    app: AppHandle<R>,
    id: String,
) -> Result<PolicyEntry, IpcError> {
    policy_id(&id)?;
    changing(&app, move |ws| ws.undo_policy(&id)).await
}

/// Writes a policy as TOML.
#[tauri::command]
pub async fn export_policy<R: Runtime>(
    app: AppHandle<R>,
    id: String,
    path: String,
) -> Result<SavedFile, IpcError> {
    policy_id(&id)?;
    let path = guard::save_target(ErrorCode::DocumentFailed, &path, &["toml"])?;
    off_ui_thread(&app, move |ws| ws.export_policy(&id, &path)).await
}

/// Reads a policy TOML file into the clerk's policies (checked first).
#[tauri::command]
pub async fn import_policy<R: Runtime>(
    app: AppHandle<R>,
    path: String,
) -> Result<PolicyEntry, IpcError> {
    let path = guard::existing_file(ErrorCode::PolicyUnknown, &path, guard::MAX_TOML_BYTES)?;
    off_ui_thread(&app, move |ws| ws.import_policy(&path)).await
}
