//! Local storage in SQLite (rusqlite, bundled): migrations, the master, policies, every
//! submission with its original bytes and SHA-256, findings, the versions of each unit,
//! backups and restores, the clerk's column mappings, and an audit trail. The only crate that
//! knows SQL.
//!
//! Opening follows mozilla application-services' `open_database.rs`: connection pragmas
//! (WAL, foreign keys, busy timeout) are set outside any transaction, then all pending
//! migrations run inside one `IMMEDIATE` transaction and bump `PRAGMA user_version`. A database
//! newer than this build is refused before anything is written to it. Every write after that
//! is one transaction, so an import is stored completely or not at all.

mod audit;
mod backup;
mod error;
mod files;
mod history;
mod imports;
pub mod location;
mod mappings;
mod policies;
mod schema;
mod settings;

use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, TransactionBehavior};

pub use audit::{action, AuditEntry};
pub use backup::BackupInfo;
pub use error::StoreError;
pub use files::{sha256_hex, StoredFile};
pub use history::UnitVersion;
pub use imports::{
    ActiveFile, ActiveSet, ActiveSubmission, ImportSummary, NewFile, NewImport, NewSubmission,
};
pub use mappings::{MappingWrite, StoredMapping};
pub use policies::{NewPolicy, PolicyRevision, StoredPolicy};

/// Row id of a stored file (original bytes, deduplicated by SHA-256).
pub type FileId = i64;
/// Row id of one import.
pub type ImportId = i64;

/// How long a write waits for another connection's lock before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// The local database. Holds one SQLite connection; not `Sync` — share it behind a `Mutex`.
pub struct Store {
    conn: Connection,
    version: i64,
    /// The latest import this connection has seen (at open, in [`Store::active_set`], or
    /// its own): an import recorded on a stale view is refused (see [`StoreError::Changed`]).
    seen: std::cell::Cell<Option<ImportId>>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("path", &self.conn.path())
            .field("version", &self.version)
            .finish()
    }
}

impl Store {
    /// Opens (creating the file and its parent folders when missing) the database at `path`,
    /// switches it to WAL, turns on foreign keys and a busy timeout, and migrates it to the
    /// current schema. A database written by a newer Fleksi is refused unchanged, and so is one
    /// on a network share (see [`location`]).
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let label = path.display().to_string();
        if let Some(place) = location::network_place(path) {
            return Err(StoreError::NetworkShare {
                path: label,
                place: place.describe(),
            });
        }
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|source| StoreError::CreateDir {
                path: parent.display().to_string(),
                source,
            })?;
        }
        // Another process creating the same file or switching it to WAL can make the open
        // fail at once with "database is locked" (SQLite skips the busy handler there to
        // avoid a deadlock): open again until the busy timeout has passed.
        let started = std::time::Instant::now();
        loop {
            let conn = Connection::open(path).map_err(|source| open_error(&label, source))?;
            match Store::init(conn, &label, true) {
                Err(StoreError::Open { source, .. })
                    if is_busy(&source) && started.elapsed() < BUSY_TIMEOUT =>
                {
                    std::thread::sleep(std::time::Duration::from_millis(20));
                }
                other => return other,
            }
        }
    }

    /// A throw-away database in memory (tests, demo mode). Same schema, no WAL.
    pub fn open_in_memory() -> Result<Store, StoreError> {
        let conn = Connection::open_in_memory().map_err(|source| StoreError::Open {
            path: ":memory:".to_string(),
            source,
        })?;
        Store::init(conn, ":memory:", false)
    }

    /// Starts a write transaction. `IMMEDIATE` takes the write lock at once, waiting up to
    /// [`BUSY_TIMEOUT`] for another writer (the app and `fleksi db …` on the same file), so
    /// two writers are serialized; a deferred transaction that read first could fail at once
    /// with `SQLITE_BUSY` when the other writer committed in between.
    pub(crate) fn write_tx(&mut self) -> rusqlite::Result<rusqlite::Transaction<'_>> {
        self.conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
    }

    /// The id of the newest import in the database, `None` without imports.
    pub(crate) fn latest_import(&self) -> rusqlite::Result<Option<ImportId>> {
        self.conn
            .query_row("SELECT max(id) FROM imports", [], |r| r.get(0))
    }

    /// Whether another connection (the app, or `fleksi db …`) recorded an import since this
    /// one last saw the working set: its next [`Store::record_import`] would be refused with
    /// [`StoreError::Changed`] until it reads the set again ([`Store::active_set`]).
    pub fn is_behind(&self) -> Result<bool, StoreError> {
        Ok(self.latest_import()? != self.seen.get())
    }

    /// The schema version of the open database (equals the one this build writes).
    pub fn schema_version(&self) -> i64 {
        self.version
    }

    /// The newest schema version this build understands.
    pub fn supported_schema_version() -> i64 {
        schema::CURRENT_VERSION
    }

    fn init(mut conn: Connection, label: &str, wal: bool) -> Result<Store, StoreError> {
        let opening = |e: rusqlite::Error| open_error(label, e);
        // Wait for another process first (it may be creating or migrating the same file), so
        // even the first read below does not fail at once with "database is locked".
        conn.busy_timeout(BUSY_TIMEOUT).map_err(opening)?;
        // Refuse a newer database before touching it (setting WAL would write its header).
        let found = user_version(&conn).map_err(opening)?;
        refuse_newer(label, found)?;
        if wal {
            let mode: String = conn
                .pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get(0))
                .map_err(opening)?;
            if !mode.eq_ignore_ascii_case("wal") {
                return Err(StoreError::NoWal {
                    path: label.to_string(),
                    mode,
                });
            }
            conn.pragma_update(None, "synchronous", "NORMAL")
                .map_err(opening)?;
        }
        conn.pragma_update(None, "foreign_keys", true)
            .map_err(opening)?;
        let version = migrate(&mut conn, label)?;
        let store = Store {
            conn,
            version,
            seen: std::cell::Cell::new(None),
        };
        store.seen.set(store.latest_import().map_err(opening)?);
        Ok(store)
    }
}

/// Whether a file can be created beside `db` (SQLite needs its `-wal` and `-shm` there).
/// Asked only after opening failed; the probe file is removed at once.
fn writable_beside(db: &Path) -> bool {
    let dir = match db.parent().filter(|p| !p.as_os_str().is_empty()) {
        Some(dir) => dir,
        None => Path::new("."),
    };
    let probe = dir.join(format!(".fleksi-uji-tulis-{}", std::process::id()));
    match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&probe)
    {
        Ok(_) => {
            let _ = std::fs::remove_file(&probe);
            true
        }
        Err(e) => e.kind() == std::io::ErrorKind::AlreadyExists,
    }
}

/// Reads `PRAGMA user_version`.
fn user_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.pragma_query_value(None, "user_version", |row| row.get(0))
}

fn refuse_newer(label: &str, found: i64) -> Result<(), StoreError> {
    if found > schema::CURRENT_VERSION {
        return Err(StoreError::TooNew {
            path: label.to_string(),
            found,
            supported: schema::CURRENT_VERSION,
        });
    }
    Ok(())
}

/// Maps an error met while opening: "not a database" becomes [`StoreError::NotFleksi`], a
/// database or folder that cannot be written [`StoreError::ReadOnly`].
/// SQLite said another connection holds the lock.
fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked)
    )
}

fn open_error(label: &str, e: rusqlite::Error) -> StoreError {
    match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => StoreError::NotFleksi {
            path: label.to_string(),
            reason: "berkas ini bukan basis data SQLite".to_string(),
        },
        Some(ErrorCode::ReadOnly) => StoreError::ReadOnly {
            path: label.to_string(),
        },
        Some(ErrorCode::CannotOpen) if !writable_beside(Path::new(label)) => StoreError::ReadOnly {
            path: label.to_string(),
        },
        _ => StoreError::Open {
            path: label.to_string(),
            source: e,
        },
    }
}

/// Brings the schema to [`schema::CURRENT_VERSION`] in one transaction; returns the version.
fn migrate(conn: &mut Connection, label: &str) -> Result<i64, StoreError> {
    if user_version(conn).map_err(|e| open_error(label, e))? == schema::CURRENT_VERSION {
        return Ok(schema::CURRENT_VERSION);
    }
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(|e| open_error(label, e))?;
    // Re-read under the write lock: another process may have migrated meanwhile.
    let found = user_version(&tx)?;
    refuse_newer(label, found)?;
    if found == 0 {
        let foreign: i64 = tx.query_row(
            "SELECT count(*) FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'",
            [],
            |row| row.get(0),
        )?;
        if foreign > 0 {
            return Err(StoreError::NotFleksi {
                path: label.to_string(),
                reason: format!("berisi {foreign} tabel/indeks dari program lain"),
            });
        }
    }
    let start = usize::try_from(found).unwrap_or(0);
    for sql in &schema::MIGRATIONS[start..] {
        tx.execute_batch(sql)?;
    }
    tx.pragma_update(None, "user_version", schema::CURRENT_VERSION)?;
    tx.commit()?;
    Ok(schema::CURRENT_VERSION)
}

/// Now as an ISO-8601 local timestamp with offset, e.g. `2026-11-23T21:29:10+07:00`.
fn now() -> String {
    chrono::Local::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
}

/// A row limit as SQLite's integer (saturating).
fn sql_limit(limit: usize) -> i64 {
    i64::try_from(limit).unwrap_or(i64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A database left at schema 1 by an earlier build migrates on open: its submissions get
    /// an empty `dates` and keep everything else.
    #[test]
    fn a_version_1_database_migrates_on_open() {
        let dir = std::env::temp_dir().join(format!("fleksi-store-v1-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let path = dir.join("fleksi.sqlite3");
        std::fs::create_dir_all(&dir).unwrap();
        {
            let conn = Connection::open(&path).unwrap();
            conn.execute_batch(schema::MIGRATIONS[0]).unwrap();
            conn.execute_batch(
                "INSERT INTO files (sha256, name, size, bytes, added_at)
                 VALUES (printf('%064d', 1), 'm.xlsx', 1, x'00', '2026-01-01T00:00:00+07:00');
                 INSERT INTO imports (at, policy_id, policy_toml, master_file_id, master_name,
                                      file_count, error_count, warning_count)
                 VALUES ('2026-01-01T00:00:00+07:00', 'p', '', 1, 'm.xlsx', 1, 0, 0);
                 INSERT INTO submissions (import_id, position, file_id, name, policy_id,
                                          unit_code, layout, row_count, error_count,
                                          warning_count, status, version)
                 VALUES (1, 0, 1, 'a.xlsx', 'p', 'A', 'grid', 3, 0, 0, 'ok', 1);
                 PRAGMA user_version = 1;",
            )
            .unwrap();
        }
        let store = Store::open(&path).unwrap();
        assert_eq!(store.schema_version(), schema::CURRENT_VERSION);
        let subs = store.active_submissions("p").unwrap();
        assert_eq!(subs.len(), 1);
        assert_eq!(subs[0].name, "a.xlsx");
        assert!(subs[0].dates.is_empty());
        assert_eq!(store.unit_history("p", "A").unwrap().len(), 1);
        drop(store);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    /// A database left at schema 2 migrates on open: its imports, settings and audit stay,
    /// and it can store policies.
    #[test]
    fn a_version_2_database_migrates_on_open_and_keeps_its_data() {
        let dir = std::env::temp_dir().join(format!("fleksi-store-v2-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let path = dir.join("fleksi.sqlite3");
        std::fs::create_dir_all(&dir).unwrap();
        {
            let conn = Connection::open(&path).unwrap();
            conn.execute_batch(schema::MIGRATIONS[0]).unwrap();
            conn.execute_batch(schema::MIGRATIONS[1]).unwrap();
            conn.execute_batch(
                "INSERT INTO files (sha256, name, size, bytes, added_at)
                 VALUES (printf('%064d', 1), 'm.xlsx', 1, x'00', '2026-01-01T00:00:00+07:00');
                 INSERT INTO imports (at, policy_id, policy_toml, master_file_id, master_name,
                                      file_count, error_count, warning_count)
                 VALUES ('2026-01-01T00:00:00+07:00', 'p', 'id = \"p\"', 1, 'm.xlsx', 1, 0, 0);
                 INSERT INTO submissions (import_id, position, file_id, name, policy_id,
                                          unit_code, layout, row_count, error_count,
                                          warning_count, status, version, dates)
                 VALUES (1, 0, 1, 'a.xlsx', 'p', 'A', 'grid', 3, 0, 0, 'ok', 1, '2026-01-02');
                 INSERT INTO settings (key, value, updated_at)
                 VALUES ('policy.active', 'p', '2026-01-01T00:00:00+07:00');
                 INSERT INTO audit (at, action, detail)
                 VALUES ('2026-01-01T00:00:00+07:00', 'impor', 'Impor #1');
                 PRAGMA user_version = 2;",
            )
            .unwrap();
        }
        let mut store = Store::open(&path).unwrap();
        assert_eq!(store.schema_version(), 4);
        let set = store.active_set("p").unwrap().expect("the set stays");
        assert_eq!(set.policy_toml, "id = \"p\"");
        assert_eq!(set.files.len(), 1);
        assert_eq!(set.files[0].dates.len(), 1);
        assert_eq!(
            store.setting("policy.active").unwrap().as_deref(),
            Some("p")
        );
        assert_eq!(store.audit(10).unwrap().len(), 1);
        assert!(store.policies(true).unwrap().is_empty());
        assert!(store.column_mappings().unwrap().is_empty());
        assert_eq!(store.save_policy("q", "Q", "id = 'q'", None).unwrap(), 1);
        drop(store);
        let store = Store::open(&path).unwrap();
        assert_eq!(store.policy("q").unwrap().unwrap().toml, "id = 'q'");
        drop(store);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
