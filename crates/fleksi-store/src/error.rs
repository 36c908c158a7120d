//! The store's error type: every failure of the local database, worded in Indonesian for the
//! clerk.

use crate::FileId;

/// Everything that can go wrong in the store. `Display` is Indonesian and names the database
/// file where it is known.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database was written by a newer Fleksi (its `user_version` is above ours).
    #[error(
        "Basis data {path} dibuat oleh versi Fleksi yang lebih baru (skema {found}, aplikasi ini {supported})."
    )]
    TooNew {
        path: String,
        found: i64,
        supported: i64,
    },
    /// The file exists but is not an SQLite database, or holds another program's tables.
    #[error("Berkas {path} bukan basis data Fleksi: {reason}")]
    NotFleksi { path: String, reason: String },
    /// The folder of the database could not be created.
    #[error("Folder basis data {path} tidak dapat dibuat: {source}")]
    CreateDir {
        path: String,
        #[source]
        source: std::io::Error,
    },
    /// The database could not be opened at all.
    #[error("Basis data {path} tidak dapat dibuka: {source}")]
    Open {
        path: String,
        #[source]
        source: rusqlite::Error,
    },
    /// The database path is on a network share, where SQLite can lose data.
    #[error("Basis data {path} berada di {place}. SQLite di folder jaringan dapat kehilangan atau merusak data, jadi Fleksi tidak membukanya di sana. Simpan basis data di disk komputer ini (misalnya drive C:), lalu simpan salinannya ke jaringan dengan \u{201c}Cadangkan basis data\u{2026}\u{201d}.")]
    NetworkShare { path: String, place: String },
    /// SQLite kept another journal mode (e.g. on a network share without shared memory).
    #[error("Basis data {path} tidak dapat memakai mode WAL (mode sekarang: {mode}). Simpan basis data di disk lokal.")]
    NoWal { path: String, mode: String },
    /// Another writer (the app, or `fleksi db …` in a terminal) kept the database locked
    /// longer than the busy timeout; nothing was changed.
    #[error("Basis data sedang dipakai oleh program Fleksi lain (aplikasi atau perintah fleksi) lebih dari {seconds} detik; tidak ada yang diubah. Tunggu sampai selesai, lalu ulangi.")]
    Busy { seconds: u64 },
    /// Another program (the app, or `fleksi db …`) recorded an import after this one read
    /// the working set: recording this import on the stale view would drop the other's files.
    #[error("Basis data telah diubah oleh program Fleksi lain (aplikasi atau perintah fleksi) sejak data kerja dibaca; impor ini tidak disimpan agar berkas dari program itu tidak hilang. Ulangi impornya: aplikasi lebih dulu memuat ulang data kerja dari basis data (di terminal: jalankan lagi perintahnya).")]
    Changed,
    /// The disk (or the folder's quota) is full; the write was rolled back.
    #[error("Disk penuh: basis data tidak dapat ditulis, tidak ada yang diubah. Kosongkan ruang disk, lalu ulangi.")]
    DiskFull,
    /// The database or its folder is read-only (permissions, a read-only or locked drive).
    #[error("Basis data {path} hanya dapat dibaca (folder atau berkasnya tidak boleh ditulis); tidak ada yang diubah. Pindahkan folder data ke tempat yang dapat ditulis atau minta hak tulis.")]
    ReadOnly { path: String },
    /// A file beside the database (a backup) could not be written.
    #[error("Berkas {path} tidak dapat ditulis: {source}")]
    WriteFile {
        path: String,
        #[source]
        source: std::io::Error,
    },
    /// Any other SQLite failure (a constraint broken, a damaged page, …).
    #[error("Basis data tidak dapat dibaca/ditulis: {0}")]
    Sqlite(rusqlite::Error),
    /// A file id that is not in the database.
    #[error("Berkas nomor {0} tidak ada di basis data.")]
    FileNotFound(FileId),
    /// The backup target already exists (a backup never overwrites a file).
    #[error("Berkas cadangan {0} sudah ada; pilih nama lain.")]
    BackupExists(String),
    /// A stored value that this version cannot read back (e.g. an unknown finding code).
    #[error("Basis data berisi data yang tidak dikenali: {0}")]
    Corrupt(String),
    /// A policy id that is not stored.
    #[error("Surat Edaran \u{201c}{0}\u{201d} tidak ada di basis data.")]
    PolicyNotFound(String),
    /// A file picked to restore from does not exist.
    #[error("Berkas {0} tidak ditemukan.")]
    NotFound(String),
    /// A file picked to restore from cannot be read (no permission, a disk error).
    #[error("Berkas {path} tidak dapat dibaca: {source}")]
    ReadFile {
        path: String,
        #[source]
        source: std::io::Error,
    },
    /// An SQLite database that is damaged or incomplete (e.g. cut short while copying).
    #[error("Berkas cadangan {path} rusak atau tidak lengkap: {reason}. Pakai cadangan lain.")]
    Damaged { path: String, reason: String },
    /// A journal lies beside the backup: another program is writing it, or it was copied
    /// half-way. Reading it would mean writing that journal, so it is refused.
    #[error("Berkas cadangan {path} sedang dipakai atau belum selesai ditulis (ada berkas {companion} di sebelahnya). Tutup program yang memakainya, atau pakai cadangan lain.")]
    InUse { path: String, companion: String },
    /// The backup picked is the database being used.
    #[error("Berkas {path} adalah basis data yang sedang dipakai, bukan cadangan. Pilih berkas cadangan.")]
    SameDatabase { path: String },
    /// The copy of the current database, kept before a restore, could not be written; the
    /// restore did not start.
    #[error("Salinan basis data sebelum pemulihan tidak dapat ditulis ke {path}: {source}. Basis data tidak diubah.")]
    KeepCopy {
        path: String,
        #[source]
        source: rusqlite::Error,
    },
    /// Copying the backup into the database failed; SQLite rolled the copy back.
    #[error("Basis data tidak dapat dipulihkan dari {path}: {source}. Basis data tetap seperti sebelumnya.")]
    Restore {
        path: String,
        #[source]
        source: rusqlite::Error,
    },
}

/// SQLite failures the clerk can act on get their own message; the rest stay [`StoreError::Sqlite`].
impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode;
        match e.sqlite_error_code() {
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => StoreError::Busy {
                seconds: crate::BUSY_TIMEOUT.as_secs(),
            },
            Some(ErrorCode::DiskFull) => StoreError::DiskFull,
            Some(ErrorCode::ReadOnly) => StoreError::ReadOnly {
                path: "ini".to_string(),
            },
            _ => StoreError::Sqlite(e),
        }
    }
}
