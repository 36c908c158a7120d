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
    /// SQLite kept another journal mode (e.g. on a network share without shared memory).
    #[error("Basis data {path} tidak dapat memakai mode WAL (mode sekarang: {mode}). Simpan basis data di disk lokal.")]
    NoWal { path: String, mode: String },
    /// Any other SQLite failure (disk full, locked too long, constraint broken, …).
    #[error("Basis data tidak dapat dibaca/ditulis: {0}")]
    Sqlite(#[from] rusqlite::Error),
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
