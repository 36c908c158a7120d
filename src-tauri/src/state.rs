//! The app's state behind the commands: the local database, the working set (session) and
//! whether it is still loading. At start the last working set is restored from the database;
//! on the very first run the demo regency is written to the data folder and imported, so the
//! clerk has something to explore.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard};

use fleksi_core::{presets, Policy};
use fleksi_store::{NewFile, NewImport, NewSubmission, Store};
use serde::Serialize;
use ts_rs::TS;

use crate::error::AppError;
use crate::session::{InputFile, Session};
use crate::summary::{FileResult, SessionSummary};

/// Database file name inside the data folder.
pub const DB_FILE: &str = "fleksi.sqlite3";
/// Folder (inside the data folder) the demo regency is written to.
pub const DEMO_DIR: &str = "contoh";
/// Policy of the demo regency.
pub const DEMO_POLICY: &str = "lebak-2025-12";

const KEY_POLICY: &str = "policy.active";
const KEY_DEMO_SEEDED: &str = "demo.seeded";
const KEY_DEMO_ACTIVE: &str = "demo.active";

/// What the UI asks at start and after every change.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct SessionState {
    /// True while the last working set is being restored (or the demo written).
    pub loading: bool,
    /// Why the working set could not be restored, in Indonesian.
    pub problem: Option<String>,
    pub summary: Option<SessionSummary>,
    /// Where the demo regency's files are (to show the clerk).
    pub demo_dir: String,
}

/// Shared by every command (`tauri::State<AppState>`).
pub struct AppState {
    pub data_dir: PathBuf,
    store: Mutex<Option<Store>>,
    session: Mutex<Option<Session>>,
    demo: AtomicBool,
    loading: AtomicBool,
    busy: AtomicBool,
    problem: Mutex<Option<String>>,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Clears the busy flag when an import ends, however it ends.
pub struct BusyGuard<'a>(&'a AtomicBool);

impl Drop for BusyGuard<'_> {
    fn drop(&mut self) {
        self.0.store(false, Ordering::SeqCst);
    }
}

impl AppState {
    /// A state that is loading; call [`AppState::load`] (off the UI thread) next.
    pub fn new(data_dir: PathBuf) -> AppState {
        AppState {
            data_dir,
            store: Mutex::new(None),
            session: Mutex::new(None),
            demo: AtomicBool::new(false),
            loading: AtomicBool::new(true),
            busy: AtomicBool::new(false),
            problem: Mutex::new(None),
        }
    }

    /// Opens the database and restores the last working set, or seeds the demo on first run.
    pub fn load(&self) {
        let result = self.load_inner();
        if let Err(err) = result {
            log::error!("{err}");
            *lock(&self.problem) = Some(err.to_string());
        }
        self.loading.store(false, Ordering::SeqCst);
    }

    fn load_inner(&self) -> Result<(), AppError> {
        let store = Store::open(&self.data_dir.join(DB_FILE))
            .map_err(|e| AppError::Store(e.to_string()))?;
        let policy_id = store.setting(KEY_POLICY).map_err(store_err)?;
        let seeded = store.setting(KEY_DEMO_SEEDED).map_err(store_err)?.is_some();
        let demo = store
            .setting(KEY_DEMO_ACTIVE)
            .map_err(store_err)?
            .as_deref()
            == Some("1");
        *lock(&self.store) = Some(store);
        if let Some(id) = policy_id {
            if let Some(session) = self.restore(&id)? {
                log::info!(
                    "Kumpulan kerja dipulihkan: {id}, {} berkas",
                    session.files.len()
                );
                self.demo.store(demo, Ordering::SeqCst);
                *lock(&self.session) = Some(session);
                return Ok(());
            }
        }
        if !seeded {
            self.load_demo()?;
        }
        Ok(())
    }

    /// The working set of `policy_id` as the database keeps it, read again from the bytes.
    fn restore(&self, policy_id: &str) -> Result<Option<Session>, AppError> {
        let policy = policy_by_id(policy_id)?;
        let set = {
            let store = lock(&self.store);
            let Some(store) = store.as_ref() else {
                return Ok(None);
            };
            store.active_set(policy_id).map_err(store_err)?
        };
        let Some(set) = set else {
            return Ok(None);
        };
        let master_file = InputFile {
            name: set.master.name,
            bytes: set.master.bytes,
        };
        let master = read_master(&master_file)?;
        let mut session = Session::new(policy, master_file, master);
        let files = set
            .files
            .into_iter()
            .map(|f| InputFile {
                name: f.name,
                bytes: f.bytes,
            })
            .collect();
        session.add(files, &|_, _| {});
        Ok(Some(session))
    }

    /// Writes the demo regency into the data folder and makes it the working set.
    pub fn load_demo(&self) -> Result<SessionSummary, AppError> {
        let _busy = self.begin_import()?;
        let policy = policy_by_id(DEMO_POLICY)?;
        let out = self.demo_dir();
        if out.exists() {
            std::fs::remove_dir_all(&out).map_err(|e| {
                AppError::Internal(format!(
                    "folder contoh {} tidak dapat dikosongkan: {e}",
                    out.display()
                ))
            })?;
        }
        let demo = fleksi_demo::write_demo(&fleksi_demo::DemoOptions::new(policy.clone()), &out)
            .map_err(|e| AppError::Internal(format!("data contoh tidak dapat ditulis: {e}")))?;
        let master_file = read_input(&demo.master_path)?;
        let master = read_master(&master_file)?;
        let files: Vec<InputFile> = demo
            .files
            .iter()
            .map(|f| read_input(&f.path))
            .collect::<Result<_, _>>()?;
        let names: Vec<String> = files.iter().map(|f| f.name.clone()).collect();
        let mut session = Session::new(policy, master_file, master);
        session.add(files, &|_, _| {});
        // The demo starts a fresh set: earlier files of this policy step aside.
        self.commit(session, &names, true, true)?;
        self.with_store(|s| s.set_setting(KEY_DEMO_SEEDED, "1"))?;
        self.summary()
            .ok_or_else(|| AppError::Internal("kumpulan kerja hilang".into()))
    }

    /// Marks an import as running; fails when one already is.
    pub fn begin_import(&self) -> Result<BusyGuard<'_>, AppError> {
        if self.busy.swap(true, Ordering::SeqCst) {
            return Err(AppError::ImportBusy);
        }
        Ok(BusyGuard(&self.busy))
    }

    /// Saves an import (the files named `new_files` of `session`) to the database and, only
    /// when that succeeded, makes `session` the working set. `fresh`: the set starts anew
    /// (the policy's earlier files step aside in the same transaction). Returns the result
    /// line of each new file still in the set (a file replaced within the import has none).
    pub fn commit(
        &self,
        session: Session,
        new_files: &[String],
        demo: bool,
        fresh: bool,
    ) -> Result<Vec<FileResult>, AppError> {
        let toml = session
            .policy
            .to_toml()
            .map_err(|e| AppError::Internal(e.to_string()))?;
        let results: Vec<FileResult> = new_files
            .iter()
            .filter_map(|n| session.submission_named(n))
            .map(|s| FileResult::of(&session, s))
            .collect();
        let files = session
            .files
            .iter()
            .filter_map(|f| {
                let r = results.iter().find(|r| r.name == f.name)?;
                Some(NewSubmission {
                    file: NewFile {
                        name: &f.name,
                        bytes: &f.bytes,
                    },
                    unit_code: r.unit_code.as_deref(),
                    layout: r.layout.as_deref(),
                    rows: r.rows,
                    errors: r.errors,
                    warnings: r.warnings,
                    readable: r.readable,
                })
            })
            .collect();
        let import = NewImport {
            policy_id: &session.policy.id,
            policy_toml: &toml,
            master: NewFile {
                name: &session.master_file.name,
                bytes: &session.master_file.bytes,
            },
            files,
            findings: &session.findings,
            fresh,
        };
        self.with_store(|s| {
            s.record_import(&import)?;
            s.set_setting(KEY_POLICY, &session.policy.id)?;
            s.set_setting(KEY_DEMO_ACTIVE, if demo { "1" } else { "0" })
        })?;
        self.demo.store(demo, Ordering::SeqCst);
        *lock(&self.session) = Some(session);
        Ok(results)
    }

    /// Starts a new, empty set for the current policy and master (files step aside in the
    /// database; their bytes stay).
    pub fn clear(&self) -> Result<(), AppError> {
        let _busy = self.begin_import()?;
        let mut guard = lock(&self.session);
        let Some(session) = guard.as_ref() else {
            return Ok(());
        };
        let id = session.policy.id.clone();
        self.with_store(|s| s.clear_active(&id).map(|_| ()))?;
        let fresh = Session::new(
            session.policy.clone(),
            session.master_file.clone(),
            session.master.clone(),
        );
        *guard = Some(fresh);
        Ok(())
    }

    pub fn with_store<T>(
        &self,
        f: impl FnOnce(&mut Store) -> Result<T, fleksi_store::StoreError>,
    ) -> Result<T, AppError> {
        let mut store = lock(&self.store);
        let store = store
            .as_mut()
            .ok_or_else(|| AppError::Store("basis data belum terbuka".into()))?;
        f(store).map_err(store_err)
    }

    /// A copy of the working set (imports work on a copy and swap it in when saved).
    pub fn session_copy(&self) -> Option<Session> {
        lock(&self.session).clone()
    }

    /// Runs `f` on the working set, or says why there is none.
    pub fn with_session<T>(&self, f: impl FnOnce(&Session) -> T) -> Result<T, AppError> {
        let guard = lock(&self.session);
        match guard.as_ref() {
            Some(s) => Ok(f(s)),
            None if self.loading.load(Ordering::SeqCst) => Err(AppError::SessionEmpty(
                "Data sedang dimuat; coba lagi sebentar lagi.".into(),
            )),
            None => Err(AppError::SessionEmpty(
                "Belum ada data: pilih Surat Edaran dan data pegawai, lalu impor jadwal OPD di \
                 halaman Impor Jadwal."
                    .into(),
            )),
        }
    }

    pub fn is_demo(&self) -> bool {
        self.demo.load(Ordering::SeqCst)
    }

    pub fn summary(&self) -> Option<SessionSummary> {
        let demo = self.is_demo();
        lock(&self.session)
            .as_ref()
            .map(|s| SessionSummary::of(s, demo))
    }

    pub fn state(&self) -> SessionState {
        SessionState {
            loading: self.loading.load(Ordering::SeqCst),
            problem: lock(&self.problem).clone(),
            summary: self.summary(),
            demo_dir: self.demo_dir().display().to_string(),
        }
    }

    pub fn demo_dir(&self) -> PathBuf {
        self.data_dir.join(DEMO_DIR)
    }
}

fn store_err(e: fleksi_store::StoreError) -> AppError {
    AppError::Store(e.to_string())
}

/// A preset policy by id.
pub fn policy_by_id(id: &str) -> Result<Policy, AppError> {
    presets::by_id(id).ok_or_else(|| AppError::PolicyUnknown(id.to_string()))
}

/// Reads a file from disk; the error names it.
pub fn read_input(path: &Path) -> Result<InputFile, AppError> {
    let bytes = std::fs::read(path).map_err(|e| {
        AppError::InputMissing(format!(
            "Berkas '{}' tidak dapat dibaca: {e}",
            path.display()
        ))
    })?;
    Ok(InputFile {
        name: file_name(path),
        bytes,
    })
}

/// The file name without its folder.
pub fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// Reads the master workbook; the error is the importer's Indonesian message.
pub fn read_master(file: &InputFile) -> Result<fleksi_core::Master, AppError> {
    fleksi_import::read_master(&file.name, &file.bytes)
        .map_err(|e| AppError::MasterInvalid(e.to_string()))
}
