//! Importing OPD files from the Impor Jadwal screen: expand the dropped or chosen paths,
//! read every file off the UI thread with a progress event per file, validate the whole set,
//! save it (all or nothing) and only then make it the working set.

use std::path::PathBuf;

use fleksi_import::Progress;
use serde::{Deserialize, Serialize};
use tauri::ipc::Channel;
use tauri::{AppHandle, Emitter, Manager, Runtime};
use ts_rs::TS;

use crate::error::{AppError, IpcError};
use crate::session::{to_u32, InputFile, Session};
use crate::state::{self, AppState};
use crate::summary::{FileResult, SessionSummary};

/// Event the UI listens to: the working set changed (import, demo, clear, restore).
pub const SESSION_CHANGED: &str = "session-changed";

/// What to import.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
pub struct ImportRequest {
    /// Preset policy id, e.g. `lebak-2025-12`.
    pub policy_id: String,
    /// A master workbook to use from now on; `None` keeps the current one.
    pub master_path: Option<String>,
    /// Files and/or folders (every spreadsheet directly inside a folder).
    pub paths: Vec<String>,
}

/// Progress of one import, streamed over a channel.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ImportEvent {
    /// The files that will be read, in order (indexes below refer to this list).
    Queued { files: Vec<String> },
    /// A worker started reading file `index`.
    FileStarted { index: u32 },
    /// File `index` is read (before the rules ran over the whole set).
    FileRead {
        index: u32,
        unit_code: Option<String>,
        rows: u32,
        readable: bool,
    },
    /// Every file is read and checked; saving to the database.
    Saving,
}

/// What one import did.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ImportOutcome {
    /// One line per file of this import, in the queued order.
    pub files: Vec<FileResult>,
    pub summary: SessionSummary,
}

/// The set an import joins, whether it is the demo, and whether it starts anew.
struct Base {
    session: Session,
    demo: bool,
    fresh: bool,
}

/// The working set to import into: the current one when policy and master stay. Another
/// master for the same policy keeps the files (read again against the new master) — unless
/// the set is the demo, which a real master replaces. Another policy starts a fresh set.
fn base_session(
    state: &AppState,
    policy_id: &str,
    master: Option<InputFile>,
) -> Result<Base, AppError> {
    let current = state.session_copy();
    let demo = state.is_demo();
    let same_policy = current.as_ref().is_some_and(|s| s.policy.id == policy_id);
    match (current, master) {
        (Some(session), None) if same_policy => Ok(Base {
            session,
            demo,
            fresh: false,
        }),
        (Some(session), Some(m)) if same_policy && m.bytes == session.master_file.bytes => {
            Ok(Base {
                session,
                demo,
                fresh: false,
            })
        }
        (current, master) => {
            let policy = state::policy_by_id(policy_id)?;
            let master_file = match (master, &current) {
                (Some(m), _) => m,
                (None, Some(s)) => s.master_file.clone(),
                (None, None) => {
                    return Err(AppError::MasterInvalid(
                        "Pilih berkas data pegawai (master) terlebih dahulu.".into(),
                    ))
                }
            };
            let master = state::read_master(&master_file)?;
            let mut session = Session::new(policy, master_file, master);
            let carried = current.filter(|_| same_policy && !demo);
            let fresh = carried.is_none();
            if let Some(old) = carried {
                session.add(old.files, &|_, _| {});
            }
            Ok(Base {
                session,
                demo: false,
                fresh,
            })
        }
    }
}

/// Expands the paths to spreadsheet files; every missing path is named.
fn input_paths(request: &ImportRequest) -> Result<Vec<PathBuf>, AppError> {
    let paths: Vec<PathBuf> = request.paths.iter().map(PathBuf::from).collect();
    let missing: Vec<String> = paths
        .iter()
        .filter(|p| !p.exists())
        .map(|p| p.display().to_string())
        .collect();
    if !missing.is_empty() {
        return Err(AppError::InputMissing(format!(
            "Berkas atau folder tidak ditemukan: {}",
            missing.join(", ")
        )));
    }
    let exclude: Vec<PathBuf> = request.master_path.iter().map(PathBuf::from).collect();
    let files = fleksi_import::collect_inputs_excluding(&paths, &exclude);
    if files.is_empty() {
        return Err(AppError::InputMissing(
            "Tidak ada berkas jadwal (xlsx, xlsm, xlsb, xls, ods, csv) di antara yang dipilih."
                .into(),
        ));
    }
    Ok(files)
}

/// The whole import; runs on a blocking worker.
pub fn run_import(
    state: &AppState,
    request: &ImportRequest,
    on_event: &(dyn Fn(ImportEvent) + Sync),
) -> Result<ImportOutcome, AppError> {
    let _busy = state.begin_import()?;
    let master = match &request.master_path {
        Some(p) => Some(state::read_input(&PathBuf::from(p))?),
        None => None,
    };
    let paths = input_paths(request)?;
    let files: Vec<InputFile> = paths
        .iter()
        .map(|p| state::read_input(p))
        .collect::<Result<_, _>>()?;
    let names: Vec<String> = files.iter().map(|f| f.name.clone()).collect();
    let Base {
        mut session,
        demo,
        fresh,
    } = base_session(state, &request.policy_id, master)?;
    on_event(ImportEvent::Queued {
        files: names.clone(),
    });
    session.add(files, &|index, progress| {
        let index = to_u32(index);
        on_event(match progress {
            Progress::Started => ImportEvent::FileStarted { index },
            Progress::Done(sub) => ImportEvent::FileRead {
                index,
                unit_code: sub.unit.clone(),
                rows: to_u32(sub.rows.len()),
                readable: crate::summary::is_readable(sub),
            },
        })
    });
    on_event(ImportEvent::Saving);
    let results = state.commit(session, &names, demo, fresh)?;
    let files = names
        .iter()
        .map(|n| match results.iter().find(|r| r.name == *n) {
            Some(r) => r.clone(),
            None => FileResult::replaced(n),
        })
        .collect();
    let summary = state
        .summary()
        .ok_or_else(|| AppError::Internal("kumpulan kerja hilang".into()))?;
    Ok(ImportOutcome { files, summary })
}

/// Runs `job` on a blocking worker so the window never waits on file work.
pub async fn off_ui_thread<R: Runtime, T: Send + 'static>(
    app: &AppHandle<R>,
    job: impl FnOnce(&AppState) -> Result<T, AppError> + Send + 'static,
) -> Result<T, IpcError> {
    let handle = app.clone();
    let result = tauri::async_runtime::spawn_blocking(move || job(&handle.state::<AppState>()))
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(result?)
}

/// Imports OPD files and folders into the working set, streaming progress.
#[tauri::command]
pub async fn import_files<R: Runtime>(
    app: AppHandle<R>,
    request: ImportRequest,
    on_event: Channel<ImportEvent>,
) -> Result<ImportOutcome, IpcError> {
    let outcome = off_ui_thread(&app, move |state| {
        run_import(state, &request, &|event| {
            let _ = on_event.send(event);
        })
    })
    .await?;
    let _ = app.emit(SESSION_CHANGED, ());
    Ok(outcome)
}

/// The working set as it stands (also while it is still loading at start).
#[tauri::command]
pub fn session_state(state: tauri::State<'_, AppState>) -> state::SessionState {
    state.state()
}

/// Replaces the working set with the bundled demo regency (written again to the data folder).
#[tauri::command]
pub async fn load_demo<R: Runtime>(app: AppHandle<R>) -> Result<SessionSummary, IpcError> {
    let summary = off_ui_thread(&app, |state| state.load_demo()).await?;
    let _ = app.emit(SESSION_CHANGED, ());
    Ok(summary)
}

/// Starts a new, empty set (same policy and master); earlier files stay in the database.
#[tauri::command]
pub async fn clear_session<R: Runtime>(app: AppHandle<R>) -> Result<(), IpcError> {
    off_ui_thread(&app, |state| state.clear()).await?;
    let _ = app.emit(SESSION_CHANGED, ());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    fn fixtures() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/import")
    }

    fn temp_state(tag: &str) -> (AppState, PathBuf) {
        let dir = std::env::temp_dir().join(format!("fleksi-app-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        (AppState::new(dir.clone()), dir)
    }

    fn request(paths: Vec<PathBuf>) -> ImportRequest {
        ImportRequest {
            policy_id: "lebak-2025-12".into(),
            master_path: Some(fixtures().join("master.xlsx").display().to_string()),
            paths: paths.iter().map(|p| p.display().to_string()).collect(),
        }
    }

    #[test]
    fn first_start_seeds_the_demo_and_a_restart_restores_it() {
        let (state, dir) = temp_state("demo");
        state.load();
        let s = state.state();
        assert!(!s.loading);
        assert_eq!(s.problem, None);
        let summary = s.summary.expect("demo loaded on first start");
        assert!(summary.demo);
        assert_eq!(summary.policy_id, "lebak-2025-12");
        assert!(summary.files.len() >= 5);
        assert!(summary.errors > 0, "the demo plants faults");
        // A restart reads the same set back from the database.
        let again = AppState::new(dir.clone());
        again.load();
        let restored = again.state().summary.expect("restored");
        assert_eq!(restored, summary);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_folder_imports_with_progress_per_file() {
        let (state, dir) = temp_state("folder");
        state.load();
        let events = Mutex::new(Vec::new());
        let outcome = run_import(&state, &request(vec![fixtures()]), &|e| {
            events.lock().unwrap().push(e)
        })
        .expect("import runs");
        let events = events.into_inner().unwrap();
        let ImportEvent::Queued { files } = &events[0] else {
            panic!("first event lists the files: {events:?}");
        };
        assert_eq!(files.len(), outcome.files.len());
        assert!(
            !files.iter().any(|f| f == "master.xlsx"),
            "master is not a schedule"
        );
        for i in 0..files.len() {
            let i = to_u32(i);
            assert!(events.contains(&ImportEvent::FileStarted { index: i }));
            assert!(events
                .iter()
                .any(|e| matches!(e, ImportEvent::FileRead { index, .. } if *index == i)));
        }
        assert_eq!(events.last(), Some(&ImportEvent::Saving));
        assert!(!outcome.summary.demo);
        // Another master replaced the demo set: only the fixture files are in it.
        assert_eq!(outcome.summary.files.len(), files.len());
        assert!(outcome.files.iter().any(|f| !f.readable), "rusak.xlsx");
        // The set replaced the demo (other master) and survives a restart.
        let again = AppState::new(dir.clone());
        again.load();
        assert_eq!(again.state().summary, Some(outcome.summary));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_resent_file_replaces_the_earlier_one_also_after_a_restart() {
        let (state, dir) = temp_state("resend");
        state.load();
        let one = vec![fixtures().join("diskominfo.xlsx")];
        run_import(&state, &request(one.clone()), &|_| {}).expect("first import");
        let again = run_import(&state, &request(one), &|_| {}).expect("second import");
        assert_eq!(again.summary.files.len(), 1);
        let restarted = AppState::new(dir.clone());
        restarted.load();
        assert_eq!(restarted.state().summary, Some(again.summary));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_missing_path_changes_nothing() {
        let (state, dir) = temp_state("missing");
        state.load();
        let before = state.state().summary;
        let err = run_import(&state, &request(vec![dir.join("tidak-ada.xlsx")]), &|_| {})
            .expect_err("missing file");
        assert!(err.to_string().contains("tidak-ada.xlsx"));
        assert_eq!(state.state().summary, before);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
