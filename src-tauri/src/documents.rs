//! The Rekap & Cetak screen: the lampiran PDF (preview bytes and saving), the recap XLSX,
//! and per unit the OPD template and the annotated error workbook, all printed from the
//! working set's recap and findings.

use std::path::{Path, PathBuf};

use fleksi_report::pdf::{lampiran, FontFamily, Orientation, Paper, PdfOptions};
use serde::{Deserialize, Serialize};
use tauri::ipc::Response;
use tauri::{AppHandle, Runtime};
use tauri_plugin_opener::OpenerExt;
use ts_rs::TS;

use crate::error::{AppError, IpcError};
use crate::imports::off_ui_thread;
use crate::session::{to_u32, Session};

/// Paper of the lampiran.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PaperChoice {
    F4,
    A4,
}

/// Orientation of the lampiran; `auto` chooses per lampiran by table width.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum OrientationChoice {
    Auto,
    Portrait,
    Landscape,
}

/// Font family of the lampiran.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FontChoice {
    Sans,
    Serif,
}

/// How the clerk wants the lampiran printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, TS)]
pub struct DocOptions {
    pub paper: PaperChoice,
    pub orientation: OrientationChoice,
    pub font: FontChoice,
}

impl From<DocOptions> for PdfOptions {
    fn from(o: DocOptions) -> Self {
        PdfOptions {
            paper: match o.paper {
                PaperChoice::F4 => Paper::F4,
                PaperChoice::A4 => Paper::A4,
            },
            orientation: match o.orientation {
                OrientationChoice::Auto => None,
                OrientationChoice::Portrait => Some(Orientation::Portrait),
                OrientationChoice::Landscape => Some(Orientation::Landscape),
            },
            font: match o.font {
                FontChoice::Sans => FontFamily::Sans,
                FontChoice::Serif => FontFamily::Serif,
            },
            ..PdfOptions::default()
        }
    }
}

/// A document written to disk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SavedFile {
    pub path: String,
    /// Size in bytes (the whole folder's files for a folder of templates).
    pub bytes: u32,
    /// Files written (1, or the number of templates).
    pub files: u32,
}

/// A row of the per-unit documents table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct UnitDocuments {
    pub code: String,
    pub name: String,
    pub submitted: bool,
    pub exempt: bool,
    /// The file the unit sent, when it did.
    pub file: Option<String>,
    pub errors: u32,
    pub warnings: u32,
    /// Suggested file names for the save dialog.
    pub template_name: String,
    pub corrections_name: String,
}

fn doc_err(e: fleksi_report::ReportError) -> AppError {
    AppError::Document(format!("Dokumen tidak dapat dibuat: {e}"))
}

/// Writes bytes to `path` (folders created); the error names the file.
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<SavedFile, AppError> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| {
            AppError::Document(format!(
                "Folder '{}' tidak dapat dibuat: {e}",
                dir.display()
            ))
        })?;
    }
    std::fs::write(path, bytes).map_err(|e| {
        AppError::Document(format!(
            "Berkas '{}' tidak dapat ditulis (mungkin sedang dibuka di program lain): {e}",
            path.display()
        ))
    })?;
    Ok(SavedFile {
        path: path.display().to_string(),
        bytes: to_u32(bytes.len()),
        files: 1,
    })
}

/// A name safe on Windows and Linux: letters, digits, spaces, `-`, `_`, `.`.
pub fn safe_name(text: &str) -> String {
    let cleaned: String = text
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, ' ' | '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect();
    cleaned.trim().trim_matches('.').to_string()
}

fn template_name(code: &str, name: &str) -> String {
    safe_name(&format!("Templat jadwal {code} {name}.xlsx"))
}

fn corrections_name(code: &str, name: &str) -> String {
    safe_name(&format!("Berkas koreksi {code} {name}.xlsx"))
}

/// The lampiran PDF of the working set.
pub fn lampiran_bytes(session: &Session, options: DocOptions) -> Result<Vec<u8>, AppError> {
    lampiran(&session.policy, &session.recap, &options.into()).map_err(doc_err)
}

/// The per-unit documents table.
pub fn unit_documents(session: &Session) -> Vec<UnitDocuments> {
    session
        .recap
        .units
        .iter()
        .map(|u| {
            let sub = session.submission_of(&u.code);
            let findings = sub.map(|s| session.findings_of(s)).unwrap_or_default();
            let errors = findings.iter().filter(|f| f.is_error()).count();
            UnitDocuments {
                code: u.code.clone(),
                name: u.name.clone(),
                submitted: u.submitted,
                exempt: u.exempt,
                file: sub.map(|s| s.file.clone()),
                errors: to_u32(errors),
                warnings: to_u32(findings.len() - errors),
                template_name: template_name(&u.code, &u.name),
                corrections_name: corrections_name(&u.code, &u.name),
            }
        })
        .collect()
}

/// The template of one unit, prefilled with what the unit sent (if anything).
pub fn template_bytes(session: &Session, unit: &str) -> Result<Vec<u8>, AppError> {
    let statuses = session
        .recap
        .units
        .iter()
        .find(|u| u.code == unit)
        .filter(|u| u.submitted)
        .map(|u| &u.staff);
    let days = &session.recap.days;
    let prefill = |e: &fleksi_core::Employee, date: chrono::NaiveDate| {
        let staff = statuses?.iter().find(|s| s.nip == e.nip)?;
        let i = days.iter().position(|d| *d == date)?;
        staff.statuses.get(i).copied().flatten()
    };
    fleksi_report::template::opd_template_prefilled(
        &session.policy,
        &session.master,
        unit,
        &prefill,
    )
    .map_err(doc_err)
}

/// Templates of every unit into `folder`.
pub fn save_all_templates(session: &Session, folder: &Path) -> Result<SavedFile, AppError> {
    let mut total = 0usize;
    let mut files = 0u32;
    for u in &session.master.units {
        let bytes = template_bytes(session, &u.code)?;
        write_file(&folder.join(template_name(&u.code, &u.name)), &bytes)?;
        total += bytes.len();
        files += 1;
    }
    Ok(SavedFile {
        path: folder.display().to_string(),
        bytes: to_u32(total),
        files,
    })
}

/// The annotated error workbook of the file a unit sent.
pub fn corrections_bytes(session: &Session, unit: &str) -> Result<Vec<u8>, AppError> {
    let sub = session.submission_of(unit).ok_or_else(|| {
        AppError::UnitUnknown(format!(
            "Unit '{unit}' belum mengirim berkas jadwal, jadi belum ada berkas koreksi."
        ))
    })?;
    fleksi_report::corrections::error_workbook(sub, &session.findings_of(sub)).map_err(doc_err)
}

/// The lampiran PDF's bytes, for the preview (raw bytes over IPC, no JSON).
#[tauri::command]
pub async fn lampiran_pdf<R: Runtime>(
    app: AppHandle<R>,
    options: DocOptions,
) -> Result<Response, IpcError> {
    let bytes = off_ui_thread(&app, move |state| {
        state.with_session(|s| lampiran_bytes(s, options))?
    })
    .await?;
    Ok(Response::new(bytes))
}

/// Saves the lampiran PDF.
#[tauri::command]
pub async fn save_lampiran<R: Runtime>(
    app: AppHandle<R>,
    options: DocOptions,
    path: String,
) -> Result<SavedFile, IpcError> {
    off_ui_thread(&app, move |state| {
        let bytes = state.with_session(|s| lampiran_bytes(s, options))??;
        write_file(&PathBuf::from(&path), &bytes)
    })
    .await
}

/// Saves the recap workbook.
#[tauri::command]
pub async fn save_recap<R: Runtime>(
    app: AppHandle<R>,
    path: String,
) -> Result<SavedFile, IpcError> {
    off_ui_thread(&app, move |state| {
        let bytes = state.with_session(|s| {
            fleksi_report::xlsx::recap_workbook(&s.policy, &s.recap, &s.findings).map_err(doc_err)
        })??;
        write_file(&PathBuf::from(&path), &bytes)
    })
    .await
}

/// The units with what can be downloaded for each.
#[tauri::command]
pub fn list_unit_documents(
    state: tauri::State<'_, crate::state::AppState>,
) -> Result<Vec<UnitDocuments>, IpcError> {
    Ok(state.with_session(unit_documents)?)
}

/// Saves one unit's template.
#[tauri::command]
pub async fn save_template<R: Runtime>(
    app: AppHandle<R>,
    unit: String,
    path: String,
) -> Result<SavedFile, IpcError> {
    off_ui_thread(&app, move |state| {
        let bytes = state.with_session(|s| template_bytes(s, &unit))??;
        write_file(&PathBuf::from(&path), &bytes)
    })
    .await
}

/// Saves every unit's template into a folder.
#[tauri::command]
pub async fn save_all_templates_to<R: Runtime>(
    app: AppHandle<R>,
    folder: String,
) -> Result<SavedFile, IpcError> {
    off_ui_thread(&app, move |state| {
        state.with_session(|s| save_all_templates(s, &PathBuf::from(&folder)))?
    })
    .await
}

/// Saves one unit's annotated error workbook.
#[tauri::command]
pub async fn save_corrections<R: Runtime>(
    app: AppHandle<R>,
    unit: String,
    path: String,
) -> Result<SavedFile, IpcError> {
    off_ui_thread(&app, move |state| {
        let bytes = state.with_session(|s| corrections_bytes(s, &unit))??;
        write_file(&PathBuf::from(&path), &bytes)
    })
    .await
}

/// Opens a saved document in the system's program (PDF viewer, spreadsheet) to print.
#[tauri::command]
pub fn open_document<R: Runtime>(app: AppHandle<R>, path: String) -> Result<(), IpcError> {
    app.opener()
        .open_path(&path, None::<&str>)
        .map_err(|e| AppError::Open {
            path,
            reason: e.to_string(),
        })?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::tests::{fixture, lebak_session};

    fn session() -> Session {
        let mut s = lebak_session();
        s.add(
            vec![fixture("diskominfo.xlsx"), fixture("bkpsdm.xls")],
            &|_, _| {},
        );
        s
    }

    #[test]
    fn lampiran_follows_the_paper_choice() {
        let s = session();
        for (paper, width_mm) in [(PaperChoice::F4, 215.0), (PaperChoice::A4, 210.0)] {
            let pdf = lampiran_bytes(
                &s,
                DocOptions {
                    paper,
                    orientation: OrientationChoice::Portrait,
                    font: FontChoice::Sans,
                },
            )
            .expect("pdf");
            assert!(pdf.starts_with(b"%PDF-"));
            let text = String::from_utf8_lossy(&pdf);
            let points = width_mm * 72.0 / 25.4;
            let media = text
                .split("/MediaBox")
                .nth(1)
                .expect("a MediaBox")
                .split(']')
                .next()
                .unwrap_or("")
                .to_string();
            let width: f64 = media
                .trim_start_matches([' ', '['])
                .split_whitespace()
                .nth(2)
                .and_then(|w| w.parse().ok())
                .expect("MediaBox width");
            assert!((width - points).abs() < 1.0, "{paper:?}: {media}");
        }
    }

    #[test]
    fn unit_table_offers_corrections_only_for_senders() {
        let s = session();
        let units = unit_documents(&s);
        assert_eq!(units.len(), s.master.units.len());
        let sent: Vec<_> = units.iter().filter(|u| u.file.is_some()).collect();
        assert_eq!(sent.len(), 2);
        let code = &sent[0].code;
        let book = corrections_bytes(&s, code).expect("error workbook");
        assert!(book.starts_with(b"PK"));
        let silent = units
            .iter()
            .find(|u| u.file.is_none())
            .expect("a unit without file");
        let err = corrections_bytes(&s, &silent.code).expect_err("nothing sent");
        assert!(err.to_string().contains("belum mengirim"));
        assert!(sent[0].template_name.ends_with(".xlsx"));
        assert!(!sent[0].template_name.contains('/'));
    }

    #[test]
    fn templates_prefill_what_the_unit_sent_and_reimport_cleanly() {
        let s = session();
        let sub = s
            .submissions
            .iter()
            .find(|x| x.unit.is_some())
            .expect("a unit");
        let unit = sub.unit.clone().expect("unit");
        let bytes = template_bytes(&s, &unit).expect("template");
        let back = fleksi_import::read_submission("templat.xlsx", &bytes, &s.policy, &s.master);
        assert_eq!(back.unit.as_deref(), Some(unit.as_str()));
        let filled = back
            .rows
            .iter()
            .flat_map(|r| &r.entries)
            .filter(|e| e.status.is_some())
            .count();
        assert!(filled > 0, "prefilled statuses come back");
        let dir = std::env::temp_dir().join(format!("fleksi-templates-{}", std::process::id()));
        let saved = save_all_templates(&s, &dir).expect("all templates");
        assert_eq!(saved.files as usize, s.master.units.len());
        assert_eq!(
            std::fs::read_dir(&dir).map(|d| d.count()).unwrap_or(0),
            s.master.units.len()
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}
