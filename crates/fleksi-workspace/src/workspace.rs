//! The clerk's working state over the store: which policy and master are in use, the files
//! sent so far, and the snapshot every screen and document reads. Changes (start-up
//! restore, import, removal, new period, demo, window, restore of a backup) take one writer
//! lock, so they never interleave; each builds the next snapshot aside, saves it (one
//! transaction) and only then swaps it in. Readers take the current `Arc<Snapshot>` and
//! never wait behind a long document build.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, RwLock};

use chrono::NaiveDate;
use fleksi_core::{presets, Master, Policy};
use fleksi_store::{action, NewFile, NewImport, NewSubmission, Store};
use serde::Serialize;
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::import::{observer, ImportEvent, ImportOutcome, ImportRequest};
use crate::inputs::{self, InputFile, Naming};
use crate::records::{self, BackupCheck, History};
use crate::session::{self, Added, Session, StoredRef};
use crate::snapshot::{today, Snapshot};
use crate::summary::{FileResult, SessionSummary};
use crate::versions::{self, UnitHistory};
use crate::window::{self, Window};

/// Database file name inside the data folder.
pub const DB_FILE: &str = "fleksi.sqlite3";
/// Folder (inside the data folder) the demo regency is written to.
pub const DEMO_DIR: &str = "contoh";
/// Policy of the demo regency.
pub const DEMO_POLICY: &str = "lebak-2025-12";

const KEY_POLICY: &str = "policy.active";
const KEY_DEMO_SEEDED: &str = "demo.seeded";
const KEY_DEMO_ACTIVE: &str = "demo.active";

fn window_key(policy_id: &str) -> String {
    format!("window.{policy_id}")
}

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

/// The working state of one database.
pub struct Workspace {
    db_path: PathBuf,
    demo_dir: Option<PathBuf>,
    store: Mutex<Option<Store>>,
    current: RwLock<Option<Arc<Snapshot>>>,
    /// Taken by every change (see the module doc).
    pub(crate) writer: Mutex<()>,
    loading: AtomicBool,
    problem: Mutex<Option<String>>,
    /// Opens the master and OPD workbooks (the app: in its parse workers).
    opener: fleksi_import::Opener,
}

/// One log line per import for whoever helps the clerk later: files, rows, findings, time —
/// names of files and units only, no personal data.
fn log_import(lines: &[FileResult], snap: &Snapshot, took: std::time::Duration) {
    let unreadable = lines.iter().filter(|l| !l.readable).count();
    let unchanged = lines.iter().filter(|l| l.unchanged).count();
    let rows: u64 = lines.iter().map(|l| u64::from(l.rows)).sum();
    let (errors, warnings) = lines.iter().fold((0u64, 0u64), |(e, w), l| {
        (e + u64::from(l.errors), w + u64::from(l.warnings))
    });
    log::info!(
        "Impor selesai dalam {:.2} s: {} berkas ({} tidak terbaca, {} tidak berubah), {} baris \
         pegawai, {} kesalahan, {} peringatan; Surat Edaran {}; kumpulan kerja {} berkas",
        took.as_secs_f64(),
        lines.len(),
        unreadable,
        unchanged,
        rows,
        errors,
        warnings,
        snap.session.policy.id,
        snap.session.files.len()
    );
    for l in lines {
        log::info!(
            "  {} → {}: {} baris, {} kesalahan, {} peringatan{}",
            l.name,
            l.unit_code.as_deref().unwrap_or("unit tidak dikenali"),
            l.rows,
            l.errors,
            l.warnings,
            if l.readable { "" } else { " (tidak terbaca)" }
        );
    }
}

pub(crate) fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// A preset policy by id.
pub fn preset(id: &str) -> Result<Policy> {
    presets::by_id(id).ok_or_else(|| Error::PolicyUnknown(id.to_string()))
}

/// Reads the master workbook; the error is the importer's Indonesian message.
pub fn read_master(file: &InputFile) -> Result<Master> {
    read_master_using(&fleksi_import::Opener::default(), file)
}

pub(crate) fn read_master_using(
    opener: &fleksi_import::Opener,
    file: &InputFile,
) -> Result<Master> {
    fleksi_import::read_master_using(opener, &file.name, &file.bytes)
        .map_err(|e| Error::MasterInvalid(e.to_string()))
}

/// The base an import joins: the session, whether it is the demo, and whether the set
/// starts anew in the database.
struct Base {
    session: Session,
    demo: bool,
    fresh: bool,
}

impl Workspace {
    /// The app's workspace in `data_dir` (database and demo folder there); call
    /// [`Workspace::load`] next, off the UI thread.
    pub fn for_app(data_dir: &Path) -> Workspace {
        Workspace::new(data_dir.join(DB_FILE), Some(data_dir.join(DEMO_DIR)))
    }

    /// A workspace over the database at `db_path`; `demo_dir`: where a first start writes
    /// the demo regency (`None`: never). Loading until [`Workspace::load`] ran.
    pub fn new(db_path: PathBuf, demo_dir: Option<PathBuf>) -> Workspace {
        Workspace {
            db_path,
            demo_dir,
            store: Mutex::new(None),
            current: RwLock::new(None),
            writer: Mutex::new(()),
            loading: AtomicBool::new(true),
            problem: Mutex::new(None),
            opener: fleksi_import::Opener::default(),
        }
    }

    /// The same workspace, reading workbooks through `opener` (the app: its parse workers,
    /// see [`crate::parse_worker`]).
    pub fn with_opener(mut self, opener: fleksi_import::Opener) -> Workspace {
        self.opener = opener;
        self
    }

    /// Reads and checks the master the clerk picked, through this workspace's opener.
    pub fn inspect_master(&self, path: &Path) -> crate::master_check::MasterCheck {
        crate::master_check::inspect_master_using(path, &self.opener)
    }

    /// Reads a master workbook through this workspace's opener.
    fn read_master(&self, file: &InputFile) -> Result<Master> {
        read_master_using(&self.opener, file)
    }

    /// A new session reading through this workspace's opener.
    fn new_session(&self, policy: Policy, master_file: InputFile, master: Master) -> Session {
        Session::new(policy, master_file, master).with_opener(self.opener.clone())
    }

    /// Opens the database at `db_path` and restores its working set (the CLI's `db`
    /// commands); errors are returned, not kept.
    pub fn open(db_path: &Path) -> Result<Workspace> {
        let ws = Workspace::new(db_path.to_path_buf(), None);
        {
            let _w = lock(&ws.writer);
            let result = ws.load_inner();
            ws.loading.store(false, Ordering::SeqCst);
            result?;
        }
        Ok(ws)
    }

    pub fn db_path(&self) -> &Path {
        &self.db_path
    }

    /// Opens the database and restores the last working set, or seeds the demo on the first
    /// run. A problem is kept for the UI (see [`Workspace::state`]).
    pub fn load(&self) {
        let _w = lock(&self.writer);
        if let Err(err) = self.load_inner() {
            log::error!("{err}");
            *lock(&self.problem) = Some(err.to_string());
        }
        self.loading.store(false, Ordering::SeqCst);
    }

    fn load_inner(&self) -> Result<()> {
        if lock(&self.store).is_none() {
            *lock(&self.store) = Some(Store::open(&self.db_path)?);
        }
        let policy_id = self.with_store(|s| s.setting(KEY_POLICY))?;
        let seeded = self.with_store(|s| s.setting(KEY_DEMO_SEEDED))?.is_some();
        let demo = self.with_store(|s| s.setting(KEY_DEMO_ACTIVE))?.as_deref() == Some("1");
        if let Some(id) = policy_id {
            if let Some(session) = self.restore_set(&id)? {
                log::info!(
                    "Kumpulan kerja dipulihkan: {id}, {} berkas",
                    session.files.len()
                );
                self.swap(session, demo)?;
                return Ok(());
            }
        }
        *self.current.write().unwrap_or_else(|p| p.into_inner()) = None;
        if !seeded && self.demo_dir.is_some() {
            self.seed_demo()?;
        }
        Ok(())
    }

    /// The working set of `policy_id` as the database keeps it, read again from the bytes
    /// under the policy as last used.
    fn restore_set(&self, policy_id: &str) -> Result<Option<Session>> {
        let Some(set) = self.with_store(|s| s.active_set(policy_id))? else {
            return Ok(None);
        };
        let policy = Policy::from_toml(&set.policy_toml)
            .or_else(|_| preset(policy_id))
            .map_err(|_| Error::PolicyUnknown(policy_id.to_string()))?;
        let master_file = InputFile::new(set.master.name, set.master.bytes);
        let master = self.read_master(&master_file)?;
        let mut session = self.new_session(policy, master_file, master);
        let files: Vec<InputFile> = set
            .files
            .iter()
            .map(|f| InputFile::new(f.file.name.clone(), f.file.bytes.clone()))
            .collect();
        session.mappings.by_file = self.file_mappings()?;
        session.add(files, &|_, _| {});
        // A unit taken out of a workbook of several units stays out.
        let units: Vec<(&str, Option<&str>)> = set
            .files
            .iter()
            .map(|f| (f.file.sha256.as_str(), f.unit_code.as_deref()))
            .collect();
        if session.keep_stored_units(&units) {
            session.revalidate();
        }
        sync_stored(&mut session, &set.files);
        Ok(Some(session))
    }

    /// Another program (`fleksi db import` in a terminal, a script) recorded an import since
    /// this workspace read its set: reads the set of the policy in use again, so that the
    /// next write joins the other's files instead of being refused as stale
    /// ([`fleksi_store::StoreError::Changed`]). Called by every write that builds on the
    /// current set, under the writer lock.
    pub(crate) fn catch_up(&self) -> Result<()> {
        if !self.with_store(|s| s.is_behind())? {
            return Ok(());
        }
        let Ok(snap) = self.snapshot() else {
            return Ok(());
        };
        let id = snap.session.policy.id.clone();
        if let Some(session) = self.restore_set(&id)? {
            log::info!(
                "Basis data diubah oleh program lain; kumpulan kerja {id} dimuat ulang ({} berkas)",
                session.files.len()
            );
            self.swap(session, snap.demo)?;
        }
        Ok(())
    }

    pub(crate) fn with_store<T>(
        &self,
        f: impl FnOnce(&mut Store) -> Result<T, fleksi_store::StoreError>,
    ) -> Result<T> {
        let mut store = lock(&self.store);
        let store = store
            .as_mut()
            .ok_or_else(|| Error::Store("basis data belum terbuka".into()))?;
        Ok(f(store)?)
    }

    fn chosen_window(&self, policy_id: &str) -> Result<Option<(NaiveDate, NaiveDate)>> {
        Ok(self
            .with_store(|s| s.setting(&window_key(policy_id)))?
            .as_deref()
            .and_then(window::decode))
    }

    /// Makes `session` the current snapshot (with the clerk's window for its policy).
    pub(crate) fn swap(&self, session: Session, demo: bool) -> Result<Arc<Snapshot>> {
        let chosen = self.chosen_window(&session.policy.id)?;
        let snap = Arc::new(Snapshot::new(
            Arc::new(session),
            demo,
            chosen,
            true,
            today(),
        ));
        *self.current.write().unwrap_or_else(|p| p.into_inner()) = Some(snap.clone());
        Ok(snap)
    }

    /// The current snapshot, or why there is none.
    pub fn snapshot(&self) -> Result<Arc<Snapshot>> {
        let current = self
            .current
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .clone();
        match current {
            Some(s) => Ok(s),
            None if self.loading.load(Ordering::SeqCst) => Err(Error::SessionEmpty(
                "Data sedang dimuat; coba lagi sebentar lagi.".into(),
            )),
            None => Err(Error::SessionEmpty(
                "Belum ada data: pilih Surat Edaran dan data pegawai, lalu impor jadwal OPD di \
                 halaman Impor Jadwal."
                    .into(),
            )),
        }
    }

    pub fn summary(&self) -> Option<SessionSummary> {
        self.snapshot().ok().map(|s| SessionSummary::of(&s))
    }

    pub fn state(&self) -> SessionState {
        SessionState {
            loading: self.loading.load(Ordering::SeqCst),
            problem: lock(&self.problem).clone(),
            summary: self.summary(),
            demo_dir: self
                .demo_dir
                .as_ref()
                .map(|d| d.display().to_string())
                .unwrap_or_default(),
        }
    }

    /// Imports what the Impor Jadwal screen asks (paths on disk), streaming progress.
    pub fn import(
        &self,
        request: &ImportRequest,
        on_event: &(dyn Fn(ImportEvent) + Sync),
    ) -> Result<ImportOutcome> {
        let master = match &request.master_path {
            Some(p) => Some(inputs::read_input(Path::new(p), Naming::FileName)?),
            None => None,
        };
        let paths: Vec<PathBuf> = request.paths.iter().map(PathBuf::from).collect();
        let exclude: Vec<PathBuf> = request.master_path.iter().map(PathBuf::from).collect();
        let found = inputs::gather(&paths, &exclude)?;
        if request.replace.is_some() && found.len() != 1 {
            return Err(Error::InputMissing(
                "Untuk mengganti satu berkas, pilih tepat satu berkas pengganti.".into(),
            ));
        }
        let files = inputs::read_all(&found, Naming::FileName)?;
        let policy = self.policy_for(&request.policy_id)?;
        self.import_files(policy, master, files, request.replace, on_event)
    }

    /// The policy named `id`: the one in use when it has that id, else a preset or one of
    /// the clerk's stored policies.
    pub(crate) fn policy_for(&self, id: &str) -> Result<Policy> {
        if let Ok(snap) = self.snapshot() {
            if snap.session.policy.id == id {
                return Ok(snap.session.policy.clone());
            }
        }
        self.find_policy(id)
    }

    /// Imports `files` under `policy` (with a new `master`, or the current one), optionally
    /// replacing the file with database id `replace`; saved all or nothing.
    pub fn import_files(
        &self,
        policy: Policy,
        master: Option<InputFile>,
        files: Vec<InputFile>,
        replace: Option<i64>,
        on_event: &(dyn Fn(ImportEvent) + Sync),
    ) -> Result<ImportOutcome> {
        let _w = lock(&self.writer);
        self.catch_up()?;
        let started = std::time::Instant::now();
        if let Some(m) = &master {
            self.read_master(m)?;
        }
        // The master in use is not a schedule, also when it sits in the chosen folder.
        let master_bytes = match &master {
            Some(m) => Some(m.bytes.clone()),
            None => self
                .snapshot()
                .ok()
                .map(|s| s.session.master_file.bytes.clone()),
        };
        let files: Vec<InputFile> = files
            .into_iter()
            .filter(|f| master_bytes.as_ref() != Some(&f.bytes))
            .collect();
        if files.is_empty() {
            return Err(Error::InputMissing(
                "Tidak ada berkas jadwal di antara yang dipilih (hanya data pegawai).".into(),
            ));
        }
        let Base {
            mut session,
            demo,
            fresh,
        } = self.base(policy, master)?;
        if let Some(id) = replace {
            let index = session
                .files
                .iter()
                .position(|f| f.stored.as_ref().is_some_and(|s| s.submission_id == id))
                .ok_or_else(|| {
                    Error::InputMissing(
                        "Berkas yang akan diganti tidak ada lagi di kumpulan kerja.".into(),
                    )
                })?;
            session.remove_at(index);
            session.revalidate();
        }
        let names: Vec<String> = files.iter().map(|f| f.name.clone()).collect();
        on_event(ImportEvent::Queued {
            files: names.clone(),
        });
        let same = session::identical(&session.files, &files);
        let queued: Vec<usize> = (0..files.len()).filter(|i| same[*i].is_none()).collect();
        for (i, s) in same.iter().enumerate() {
            if s.is_some() {
                on_event(ImportEvent::FileRead {
                    index: inputs::to_u32(i),
                    unit_code: None,
                    rows: 0,
                    readable: true,
                });
            }
        }
        session.mappings.by_unit = self.unit_mappings()?;
        let added = session.add(files, &observer(on_event, &queued));
        on_event(ImportEvent::Saving);
        let new = session.joined(&added);
        let snap = self.commit(session, &new, demo, fresh)?;
        let lines = names
            .iter()
            .zip(&added)
            .flat_map(|(name, a)| match a {
                // A workbook of several units: one line per unit.
                Added::Joined(i) => snap
                    .session
                    .parts_of(*i)
                    .map(|j| FileResult::of(&snap.session, j))
                    .collect(),
                Added::Unchanged { same_as } => vec![FileResult::unchanged(name, same_as)],
            })
            .collect::<Vec<FileResult>>();
        log_import(&lines, &snap, started.elapsed());
        Ok(ImportOutcome {
            files: lines,
            summary: SessionSummary::of(&snap),
        })
    }

    /// The set an import joins. Same policy: the current set (read again when another
    /// master comes, except the demo, which a real master replaces). Another policy: its set
    /// in the database when it has one, else a new set.
    fn base(&self, policy: Policy, master: Option<InputFile>) -> Result<Base> {
        let current = self.snapshot().ok();
        let current = match current {
            Some(s) if s.session.policy.id == policy.id => {
                Some((s.session.as_ref().clone(), s.demo))
            }
            _ => {
                let demo = self.with_store(|s| s.setting(KEY_DEMO_ACTIVE))?.as_deref() == Some("1")
                    && policy.id == DEMO_POLICY;
                self.restore_set(&policy.id)?.map(|s| (s, demo))
            }
        };
        match (current, master) {
            (Some((session, demo)), None) => Ok(Base {
                session: session.rebase_policy(policy),
                demo,
                fresh: false,
            }),
            (Some((session, demo)), Some(m)) if m.bytes == session.master_file.bytes => Ok(Base {
                session: session.rebase_policy(policy),
                demo,
                fresh: false,
            }),
            (Some((session, false)), Some(m)) => {
                let master = self.read_master(&m)?;
                Ok(Base {
                    session: session.rebase(policy, m, master),
                    demo: false,
                    fresh: false,
                })
            }
            (_, Some(m)) => {
                let master = self.read_master(&m)?;
                Ok(Base {
                    session: self.new_session(policy, m, master),
                    demo: false,
                    fresh: true,
                })
            }
            (None, None) => Err(Error::MasterInvalid(
                "Pilih berkas data pegawai (master) terlebih dahulu.".into(),
            )),
        }
    }

    /// Saves the files at `new` of `session` (and retires what left the set) in one
    /// transaction and, only when that succeeded, makes `session` current.
    pub(crate) fn commit(
        &self,
        mut session: Session,
        new: &[usize],
        demo: bool,
        fresh: bool,
    ) -> Result<Arc<Snapshot>> {
        let toml = session
            .policy
            .to_toml()
            .map_err(|e| Error::Internal(e.to_string()))?;
        let lines: Vec<FileResult> = new.iter().map(|&i| FileResult::of(&session, i)).collect();
        let files = new
            .iter()
            .zip(&lines)
            .map(|(&i, r)| NewSubmission {
                file: NewFile {
                    name: &session.files[i].name,
                    bytes: &session.files[i].bytes,
                },
                unit_code: r.unit_code.as_deref(),
                layout: r.layout.as_deref(),
                rows: r.rows,
                errors: r.errors,
                warnings: r.warnings,
                readable: r.readable,
                dates: &session.submissions[i].dates,
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
            retire: &session.retired,
        };
        let policy_id = session.policy.id.clone();
        let in_use = format!("{} dipakai.", session.policy.in_words());
        let mapped = crate::mapping::written(&session, new)?;
        let stored = self.with_store(|s| {
            mapped.with(|w| s.record_import_mapped(&import, w))?;
            s.set_setting_noted(KEY_POLICY, &policy_id, Some((action::POLICY_USE, &in_use)))?;
            s.set_setting_noted(KEY_DEMO_ACTIVE, if demo { "1" } else { "0" }, None)?;
            s.active_set(&policy_id)
        })?;
        session.retired.clear();
        session.mappings.remember = None;
        session.mappings.by_unit.clear();
        if let Some(set) = stored {
            sync_stored(&mut session, &set.files);
        }
        self.swap(session, demo)
    }

    /// Writes the demo regency into the demo folder and makes it the working set.
    pub fn load_demo(&self) -> Result<SessionSummary> {
        let _w = lock(&self.writer);
        let snap = self.seed_demo()?;
        Ok(SessionSummary::of(&snap))
    }

    fn seed_demo(&self) -> Result<Arc<Snapshot>> {
        let out = self
            .demo_dir
            .clone()
            .ok_or_else(|| Error::Internal("tidak ada folder untuk data contoh".into()))?;
        let policy = preset(DEMO_POLICY)?;
        if out.exists() {
            std::fs::remove_dir_all(&out).map_err(|e| {
                Error::Internal(format!(
                    "folder contoh {} tidak dapat dikosongkan: {e}",
                    out.display()
                ))
            })?;
        }
        let demo = fleksi_demo::write_demo(&fleksi_demo::DemoOptions::new(policy.clone()), &out)
            .map_err(|e| Error::Internal(format!("data contoh tidak dapat ditulis: {e}")))?;
        let master_file = inputs::read_input(&demo.master_path, Naming::FileName)?;
        let master = self.read_master(&master_file)?;
        let files = demo
            .files
            .iter()
            .map(|f| inputs::read_input(&f.path, Naming::FileName))
            .collect::<Result<Vec<_>>>()?;
        let mut session = self.new_session(policy, master_file, master);
        let added = session.add(files, &|_, _| {});
        let new = session.joined(&added);
        // The demo starts a fresh set: earlier files of this policy step aside.
        let snap = self.commit(session, &new, true, true)?;
        self.with_store(|s| {
            let note = (action::DEMO, "Data contoh dimuat.");
            s.set_setting_noted(KEY_DEMO_SEEDED, "1", Some(note))
        })?;
        Ok(snap)
    }

    /// Starts a new, empty set for the current policy and master (files step aside in the
    /// database; their bytes stay).
    pub fn clear(&self) -> Result<()> {
        let _w = lock(&self.writer);
        let snap = self.snapshot()?;
        let s = &snap.session;
        self.with_store(|st| st.clear_active(&s.policy.id).map(|_| ()))?;
        let fresh = self.new_session(s.policy.clone(), s.master_file.clone(), s.master.clone());
        self.swap(fresh, snap.demo)?;
        Ok(())
    }

    /// Takes one file (by database id) out of the working set; its bytes stay in the
    /// database. The set is validated again without it.
    pub fn remove_file(&self, submission_id: i64) -> Result<SessionSummary> {
        let _w = lock(&self.writer);
        self.catch_up()?;
        let snap = self.snapshot()?;
        let mut session = snap.session.as_ref().clone();
        let index = Self::stored_file(&session, submission_id)?;
        session.remove_at(index);
        session.revalidate();
        self.with_store(|s| s.deactivate_submission(submission_id).map(|_| ()))?;
        session.retired.clear();
        let next = self.swap(session, snap.demo)?;
        Ok(SessionSummary::of(&next))
    }

    /// Sets the window from the two dates the screen sends (both, or neither for the
    /// default).
    pub fn set_window_dates(&self, from: Option<&str>, to: Option<&str>) -> Result<SessionSummary> {
        match (from, to) {
            (Some(f), Some(t)) => self.set_window(Some((f, t))),
            _ => self.set_window(None),
        }
    }

    /// Sets (or with `None` clears) the clerk's reporting window for the current policy.
    pub fn set_window(&self, range: Option<(&str, &str)>) -> Result<SessionSummary> {
        let _w = lock(&self.writer);
        let snap = self.snapshot()?;
        let key = window_key(&snap.session.policy.id);
        let next = match range {
            Some((from, to)) => {
                let w = Window::chosen(&snap.session.policy, from, to)?;
                let note = format!(
                    "Rentang laporan diubah menjadi {} s.d. {}.",
                    w.from.format("%d-%m-%Y"),
                    w.to.format("%d-%m-%Y")
                );
                let value = window::encode(w.from, w.to);
                self.with_store(|s| {
                    s.set_setting_noted(&key, &value, Some((action::WINDOW, &note)))
                })?;
                Snapshot::with_window(snap.session.clone(), snap.demo, w)
            }
            None => {
                let note = (action::WINDOW, "Rentang laporan kembali ke bawaan.");
                self.with_store(|s| s.set_setting_noted(&key, "", Some(note)))?;
                Snapshot::new(snap.session.clone(), snap.demo, None, true, today())
            }
        };
        let next = Arc::new(next);
        *self.current.write().unwrap_or_else(|p| p.into_inner()) = Some(next.clone());
        Ok(SessionSummary::of(&next))
    }

    /// A unit's versions and the diff between two of them (default: the last two).
    pub fn unit_history(&self, unit: &str, compare: Option<(u32, u32)>) -> Result<UnitHistory> {
        versions::unit_history(&self.snapshot()?.session, unit, compare)
    }

    /// The Pengaturan page's record.
    pub fn history(&self) -> Result<History> {
        let path = self.db_path.display().to_string();
        self.with_store(|s| records::history(s, &path))
    }

    /// Writes a consistent copy of the database to `path` (never over an existing file).
    pub fn backup_to(&self, path: &Path) -> Result<()> {
        self.with_store(|s| s.backup_to(path))
    }

    /// What a backup holds, checked without changing anything.
    pub fn check_backup(path: &Path) -> Result<BackupCheck> {
        let info = Store::check_backup(path).map_err(|e| Error::Backup(e.to_string()))?;
        Ok(BackupCheck::of(path, &info))
    }

    /// Replaces the database with a backup (checked first; the database in use is kept as
    /// a dated copy beside it) and restores the backup's working set. Returns the copy.
    pub fn restore(&self, backup: &Path) -> Result<PathBuf> {
        let _w = lock(&self.writer);
        let keep_dir = self
            .db_path
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_else(|| PathBuf::from("."));
        let kept = self
            .with_store(|s| s.restore_from(backup, &keep_dir))
            .map_err(|e| match e {
                Error::Store(m) => Error::Backup(m),
                other => other,
            })?;
        self.load_inner()?;
        Ok(kept)
    }
}

impl Session {
    /// The same set under `policy` (a no-op when it is the policy in use).
    pub(crate) fn rebase_policy(self, policy: Policy) -> Session {
        if policy == self.policy {
            return self;
        }
        let (master_file, master) = (self.master_file.clone(), self.master.clone());
        self.rebase(policy, master_file, master)
    }
}

/// Copies database ids, times and versions onto the session's files (matched by content:
/// a set never holds the same bytes twice).
fn sync_stored(session: &mut Session, stored: &[fleksi_store::ActiveFile]) {
    // A workbook of several units is stored once per unit: match the unit too.
    for (f, sub) in session.files.iter_mut().zip(&session.submissions) {
        let same = |s: &&fleksi_store::ActiveFile| s.file.sha256 == f.sha256;
        let found = stored
            .iter()
            .rev()
            .filter(same)
            .find(|s| s.unit_code == sub.unit);
        if let Some(s) = found.or_else(|| stored.iter().rev().find(same)) {
            f.stored = Some(StoredRef {
                submission_id: s.submission_id,
                import_id: s.import_id,
                imported_at: s.imported_at.clone(),
            });
            f.version = s.version;
        }
    }
}
