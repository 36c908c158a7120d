//! Backups (Cadangkan) and restores (Pulihkan). A backup is a consistent copy of the whole
//! database written with SQLite's `VACUUM INTO` (one transaction-consistent snapshot,
//! compacted); it opens with [`Store::open`] like the original. A restore first checks the
//! chosen file without writing to it, keeps a copy of the current database, then replaces the
//! live content with SQLite's online backup API in one step.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::backup::{Backup, StepResult};
use rusqlite::{ffi, Connection, ErrorCode, OpenFlags};

use crate::{audit, migrate, schema, user_version, Store, StoreError};

/// What a backup holds, read without writing to it ([`Store::check_backup`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupInfo {
    /// Its schema version, at most [`Store::supported_schema_version`]; an older one is
    /// migrated when restored.
    pub schema_version: i64,
    /// Number of imports stored.
    pub imports: u32,
    /// Time of the latest import (ISO-8601 local time), `None` without imports.
    pub last_import_at: Option<String>,
    /// The policy ids imported, sorted.
    pub policies: Vec<String>,
}

/// The tables every Fleksi schema has.
const FLEKSI_TABLES: [&str; 6] = [
    "files",
    "imports",
    "submissions",
    "findings",
    "settings",
    "audit",
];

/// The first 16 bytes of every SQLite 3 database file.
const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// Size of the SQLite database header.
const HEADER_LEN: usize = 100;

/// How often a restore retries when another connection holds the write lock.
const RESTORE_ATTEMPTS: u32 = 3;

impl Store {
    /// Writes a copy of the database to `path` (which must not exist yet) and audits it.
    /// The copy is written beside it under a temporary name, synced, then renamed: killed or
    /// failing at any point (a full disk), `path` is either absent or a complete backup.
    pub fn backup_to(&mut self, path: &Path) -> Result<(), StoreError> {
        if path.exists() {
            return Err(StoreError::BackupExists(path.display().to_string()));
        }
        let target = path.to_string_lossy().into_owned();
        let mut tmp_name = path.as_os_str().to_owned();
        tmp_name.push(".tmp-fleksi");
        let tmp = PathBuf::from(tmp_name);
        let _ = std::fs::remove_file(&tmp);
        let written = self
            .conn
            .execute("VACUUM INTO ?1", [tmp.to_string_lossy()])
            .map_err(StoreError::from)
            .and_then(|_| {
                let io = |source: std::io::Error| match source.raw_os_error() {
                    Some(28) => StoreError::DiskFull, // ENOSPC
                    _ => StoreError::WriteFile {
                        path: target.clone(),
                        source,
                    },
                };
                std::fs::File::open(&tmp)
                    .and_then(|f| f.sync_all())
                    .map_err(io)?;
                std::fs::rename(&tmp, path).map_err(io)
            });
        if let Err(e) = written {
            let _ = std::fs::remove_file(&tmp);
            return Err(e);
        }
        audit::log(
            &self.conn,
            audit::action::BACKUP,
            &format!("Cadangan basis data ditulis ke {target}."),
        )?;
        Ok(())
    }

    /// Checks that `path` is a Fleksi database this build can restore, and says what it holds.
    /// Nothing is written — not to the file, not beside it: the file is opened read-only as
    /// immutable (no locks, no journal, no WAL switch, no migration).
    ///
    /// Refused with [`StoreError::NotFound`], [`StoreError::ReadFile`] (unreadable), [`StoreError::NotFleksi`]
    /// (empty, not SQLite, schema version 0, Fleksi tables missing), [`StoreError::Damaged`]
    /// (cut short, `PRAGMA integrity_check` not ok), [`StoreError::TooNew`] (written by a newer
    /// Fleksi) or [`StoreError::InUse`] (a non-empty `-wal`/`-journal` file beside it).
    pub fn check_backup(path: &Path) -> Result<BackupInfo, StoreError> {
        let label = path.display().to_string();
        check_header(path, &label)?;
        for suffix in ["-wal", "-journal"] {
            let mut name = path.as_os_str().to_owned();
            name.push(suffix);
            let companion = PathBuf::from(name);
            if std::fs::metadata(&companion).is_ok_and(|m| m.len() > 0) {
                return Err(StoreError::InUse {
                    path: label,
                    companion: companion.display().to_string(),
                });
            }
        }
        let conn = open_read_only(path, &label)?;
        inspect(&conn, &label)
    }

    /// Restores the database from the backup at `backup` and returns where the database as it
    /// was before has been kept (`keep_dir/fleksi-sebelum-pulih-YYYYMMDD-HHMMSS.sqlite3`, with
    /// `-2`, `-3`, … when taken).
    ///
    /// Steps: [`Store::check_backup`] (a refusal changes nothing); an older backup is migrated
    /// in a private temporary copy; the current database is copied to `keep_dir` with
    /// `VACUUM INTO`; the live content is replaced from the backup with SQLite's online backup
    /// API in one step (all pages in one write transaction, so a failure leaves it as it was);
    /// then the version is re-read and the restore audited.
    pub fn restore_from(&mut self, backup: &Path, keep_dir: &Path) -> Result<PathBuf, StoreError> {
        let label = backup.display().to_string();
        if self.is_live_file(backup) {
            return Err(StoreError::SameDatabase { path: label });
        }
        let info = Store::check_backup(backup)?;
        let source = open_read_only(backup, &label)?;
        let restore_error = |source| StoreError::Restore {
            path: label.clone(),
            source,
        };

        // Migrate an older backup before the live database is touched, so that it changes in
        // one step or not at all. `""` is SQLite's private temporary database.
        let staged;
        let source = if info.schema_version < schema::CURRENT_VERSION {
            let mut temp = Connection::open("").map_err(restore_error)?;
            copy_all(&source, &mut temp).map_err(restore_error)?;
            migrate(&mut temp, &label)?;
            staged = temp;
            &staged
        } else {
            &source
        };

        let kept = self.keep_copy(keep_dir)?;
        copy_all(source, &mut self.conn).map_err(restore_error)?;
        // A no-op at the current version; re-reads it from the restored content.
        self.version = migrate(&mut self.conn, &label)?;
        // The clerk chose this content: it is the view from now on.
        self.seen.set(self.latest_import()?);
        audit::log(
            &self.conn,
            audit::action::RESTORE,
            &format!(
                "Basis data dipulihkan dari {label}; salinan sebelumnya: {}.",
                kept.display()
            ),
        )?;
        Ok(kept)
    }

    /// Whether `path` names the file of this (on-disk) database.
    fn is_live_file(&self, path: &Path) -> bool {
        let Some(live) = self.conn.path().filter(|p| !p.is_empty()) else {
            return false;
        };
        match (std::fs::canonicalize(live), std::fs::canonicalize(path)) {
            (Ok(live), Ok(other)) => live == other,
            _ => false,
        }
    }

    /// Writes the current database to a new file in `keep_dir` and returns its path.
    fn keep_copy(&self, keep_dir: &Path) -> Result<PathBuf, StoreError> {
        std::fs::create_dir_all(keep_dir).map_err(|source| StoreError::CreateDir {
            path: keep_dir.display().to_string(),
            source,
        })?;
        let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S").to_string();
        let kept = free_keep_path(keep_dir, &stamp);
        let Some(target) = kept.to_str() else {
            return Err(StoreError::KeepCopy {
                path: kept.display().to_string(),
                source: rusqlite::Error::InvalidPath(kept.clone()),
            });
        };
        if let Err(source) = self.conn.execute("VACUUM INTO ?1", [target]) {
            // The name was free before, so whatever is there now is a partial copy.
            let _ = std::fs::remove_file(&kept);
            return Err(StoreError::KeepCopy {
                path: kept.display().to_string(),
                source,
            });
        }
        Ok(kept)
    }
}

/// `keep_dir/fleksi-sebelum-pulih-<stamp>.sqlite3`, or with `-2`, `-3`, … before the extension
/// when that name is taken.
pub(crate) fn free_keep_path(keep_dir: &Path, stamp: &str) -> PathBuf {
    let first = keep_dir.join(format!("fleksi-sebelum-pulih-{stamp}.sqlite3"));
    if !taken(&first) {
        return first;
    }
    (2u32..)
        .map(|n| keep_dir.join(format!("fleksi-sebelum-pulih-{stamp}-{n}.sqlite3")))
        .find(|p| !taken(p))
        .unwrap_or(first)
}

fn taken(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok()
}

/// Copies every page of `from` into `to` in one step (one write transaction on `to`),
/// retrying briefly while another connection holds the lock.
fn copy_all(from: &Connection, to: &mut Connection) -> rusqlite::Result<()> {
    let backup = Backup::new(from, to)?;
    let mut attempt = 1;
    loop {
        let code = match backup.step(-1)? {
            StepResult::Done => return Ok(()),
            StepResult::Locked => ffi::SQLITE_LOCKED,
            _ => ffi::SQLITE_BUSY,
        };
        if attempt >= RESTORE_ATTEMPTS {
            return Err(rusqlite::Error::SqliteFailure(ffi::Error::new(code), None));
        }
        attempt += 1;
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Reads the file's first bytes: an SQLite header, whose page size and page count agree with
/// the file's length.
fn check_header(path: &Path, label: &str) -> Result<(), StoreError> {
    let read_error = |source| StoreError::ReadFile {
        path: label.to_string(),
        source,
    };
    let not_fleksi = |reason: &str| StoreError::NotFleksi {
        path: label.to_string(),
        reason: reason.to_string(),
    };
    let damaged = |reason: String| StoreError::Damaged {
        path: label.to_string(),
        reason,
    };
    let meta = std::fs::metadata(path).map_err(|source| {
        if source.kind() == std::io::ErrorKind::NotFound {
            StoreError::NotFound(label.to_string())
        } else {
            read_error(source)
        }
    })?;
    if !meta.is_file() {
        return Err(not_fleksi("ini sebuah folder, bukan berkas"));
    }
    let len = meta.len();
    if len == 0 {
        return Err(not_fleksi("berkasnya kosong (0 bita)"));
    }
    let mut header = Vec::with_capacity(HEADER_LEN);
    std::fs::File::open(path)
        .and_then(|f| f.take(HEADER_LEN as u64).read_to_end(&mut header))
        .map_err(read_error)?;
    if header.len() < SQLITE_MAGIC.len() || header[..SQLITE_MAGIC.len()] != SQLITE_MAGIC[..] {
        return Err(not_fleksi("berkas ini bukan basis data SQLite"));
    }
    if header.len() < HEADER_LEN {
        return Err(damaged(format!(
            "hanya {len} bita, kepala basis data pun tidak lengkap"
        )));
    }
    let be32 = |at: usize| {
        u32::from_be_bytes([header[at], header[at + 1], header[at + 2], header[at + 3]])
    };
    let page_size = match u16::from_be_bytes([header[16], header[17]]) {
        1 => 65_536,
        n => u64::from(n),
    };
    if page_size < 512 || !page_size.is_power_of_two() {
        return Err(damaged(format!("ukuran halaman {page_size} tidak sah")));
    }
    if len % page_size != 0 {
        return Err(damaged(format!(
            "ukuran berkas {len} bita bukan kelipatan ukuran halamannya ({page_size} bita); salinannya terpotong"
        )));
    }
    // The page count in the header is valid when the change counter matches the
    // version-valid-for number (always, for files written by SQLite 3.7 or later).
    let pages = be32(28);
    if pages > 0 && be32(24) == be32(92) {
        let expected = u64::from(pages) * page_size;
        if len < expected {
            return Err(damaged(format!(
                "ukuran berkas {len} bita, seharusnya {expected} bita; salinannya terpotong"
            )));
        }
    }
    Ok(())
}

/// Opens `path` read-only and immutable: SQLite takes no locks and creates no `-wal`, `-shm`
/// or `-journal` file (a read-only open of a WAL-mode file would otherwise create them).
fn open_read_only(path: &Path, label: &str) -> Result<Connection, StoreError> {
    let uri = immutable_uri(path).map_err(|source| StoreError::ReadFile {
        path: label.to_string(),
        source,
    })?;
    Connection::open_with_flags(
        uri,
        OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_URI
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| backup_error(label, e))
}

/// `file:///…?mode=ro&immutable=1` for `path`, percent-encoded.
fn immutable_uri(path: &Path) -> std::io::Result<String> {
    let absolute = std::path::absolute(path)?;
    let bytes = path_bytes(&absolute)?;
    let mut uri = String::from("file://");
    if !bytes.starts_with(b"/") {
        // A Windows drive path: file:///C:/…
        uri.push('/');
    }
    for &b in &bytes {
        if b.is_ascii_alphanumeric() || b"-._~/:".contains(&b) {
            uri.push(char::from(b));
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    uri.push_str("?mode=ro&immutable=1");
    Ok(uri)
}

#[cfg(unix)]
fn path_bytes(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::os::unix::ffi::OsStrExt;
    Ok(path.as_os_str().as_bytes().to_vec())
}

#[cfg(not(unix))]
fn path_bytes(path: &Path) -> std::io::Result<Vec<u8>> {
    path.to_str()
        .map(|s| s.replace('\\', "/").into_bytes())
        .ok_or_else(|| {
            std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                "nama berkas berisi karakter yang tidak dapat dipakai",
            )
        })
}

/// Maps an SQLite error met while reading a backup.
fn backup_error(label: &str, e: rusqlite::Error) -> StoreError {
    match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => StoreError::NotFleksi {
            path: label.to_string(),
            reason: "berkas ini bukan basis data SQLite".to_string(),
        },
        Some(ErrorCode::DatabaseCorrupt) => StoreError::Damaged {
            path: label.to_string(),
            reason: format!("isinya tidak utuh ({e})"),
        },
        _ => StoreError::Open {
            path: label.to_string(),
            source: e,
        },
    }
}

/// Integrity, schema version and tables of an opened backup, then what it holds.
fn inspect(conn: &Connection, label: &str) -> Result<BackupInfo, StoreError> {
    let bad = |e| backup_error(label, e);
    let problems: Vec<String> = conn
        .prepare("PRAGMA integrity_check(3)")
        .and_then(|mut stmt| {
            stmt.query_map([], |row| row.get(0))?
                .collect::<Result<Vec<String>, _>>()
        })
        .map_err(bad)?;
    if problems != ["ok"] {
        return Err(StoreError::Damaged {
            path: label.to_string(),
            reason: format!("pemeriksaan keutuhan gagal ({})", problems.join("; ")),
        });
    }

    let found = user_version(conn).map_err(bad)?;
    if found > schema::CURRENT_VERSION {
        return Err(StoreError::TooNew {
            path: label.to_string(),
            found,
            supported: schema::CURRENT_VERSION,
        });
    }
    if found < 1 {
        return Err(StoreError::NotFleksi {
            path: label.to_string(),
            reason: format!("tidak bertanda basis data Fleksi (versi skema {found})"),
        });
    }
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table'")
        .and_then(|mut stmt| {
            stmt.query_map([], |row| row.get(0))?
                .collect::<Result<Vec<String>, _>>()
        })
        .map_err(bad)?;
    let missing: Vec<&str> = FLEKSI_TABLES
        .into_iter()
        .filter(|t| !tables.iter().any(|have| have == t))
        .collect();
    if !missing.is_empty() {
        return Err(StoreError::NotFleksi {
            path: label.to_string(),
            reason: format!("tabel Fleksi tidak ada: {}", missing.join(", ")),
        });
    }

    let imports: u32 = conn
        .query_row("SELECT count(*) FROM imports", [], |row| row.get(0))
        .map_err(bad)?;
    let last_import_at: Option<String> = conn
        .query_row(
            "SELECT (SELECT at FROM imports ORDER BY id DESC LIMIT 1)",
            [],
            |row| row.get(0),
        )
        .map_err(bad)?;
    let policies: Vec<String> = conn
        .prepare("SELECT DISTINCT policy_id FROM imports ORDER BY policy_id")
        .and_then(|mut stmt| {
            stmt.query_map([], |row| row.get(0))?
                .collect::<Result<Vec<String>, _>>()
        })
        .map_err(bad)?;
    Ok(BackupInfo {
        schema_version: found,
        imports,
        last_import_at,
        policies,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keep_path_counts_up_when_taken() {
        let dir = std::env::temp_dir().join(format!("fleksi-store-keep-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let stamp = "20261223-101112";
        let first = free_keep_path(&dir, stamp);
        assert_eq!(
            first,
            dir.join("fleksi-sebelum-pulih-20261223-101112.sqlite3")
        );
        std::fs::write(&first, b"x").unwrap();
        let second = free_keep_path(&dir, stamp);
        assert_eq!(
            second,
            dir.join("fleksi-sebelum-pulih-20261223-101112-2.sqlite3")
        );
        std::fs::write(&second, b"x").unwrap();
        assert_eq!(
            free_keep_path(&dir, stamp),
            dir.join("fleksi-sebelum-pulih-20261223-101112-3.sqlite3")
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn uri_is_percent_encoded_read_only_and_immutable() {
        let uri = immutable_uri(Path::new("/data/Cadangan Fleksi/a#b?c%d.sqlite3")).unwrap();
        assert_eq!(
            uri,
            "file:///data/Cadangan%20Fleksi/a%23b%3Fc%25d.sqlite3?mode=ro&immutable=1"
        );
    }
}
