//! File errors of the operating system in the clerk's words. Above all a file that another
//! program holds open — on Windows, Excel keeps every workbook it shows locked, so reading an
//! OPD file or overwriting a recap fails with `ERROR_SHARING_VIOLATION` (32) or
//! `ERROR_LOCK_VIOLATION` (33) — says "tutup berkas ini di Excel lalu coba lagi" and names the
//! file instead of showing a raw OS error. Classification works on the raw code and the
//! platform, so it is tested on Linux although the codes are Windows'.

use std::io;
use std::path::Path;

/// `ERROR_SHARING_VIOLATION`: another process opened the file without sharing it.
pub const ERROR_SHARING_VIOLATION: i32 = 32;
/// `ERROR_LOCK_VIOLATION`: another process locked a part of the file.
pub const ERROR_LOCK_VIOLATION: i32 = 33;

/// The advice given when another program holds a file.
pub const CLOSE_IN_EXCEL: &str = "tutup berkas ini di Excel lalu coba lagi";

/// Which operating system's error codes an `io::Error` carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Os {
    Windows,
    Unix,
}

impl Os {
    /// The platform this build runs on.
    pub const CURRENT: Os = if cfg!(windows) { Os::Windows } else { Os::Unix };
}

/// What went wrong with a file, as the clerk needs to know it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cause {
    /// Another program (Excel) holds the file open.
    HeldOpen,
    NotFound,
    NoPermission,
    Other,
}

/// Classifies an I/O error raised on `os`. Raw codes 32/33 mean "held open" only on Windows
/// (on Linux they are `EPIPE` and `EDOM`).
pub fn cause(err: &io::Error, os: Os) -> Cause {
    match (os, err.raw_os_error()) {
        (Os::Windows, Some(ERROR_SHARING_VIOLATION | ERROR_LOCK_VIOLATION)) => Cause::HeldOpen,
        _ => match err.kind() {
            io::ErrorKind::NotFound => Cause::NotFound,
            io::ErrorKind::PermissionDenied => Cause::NoPermission,
            _ => Cause::Other,
        },
    }
}

/// The message for a file that could not be read (an OPD schedule, the master, a policy).
pub fn read_failure(path: &Path, err: &io::Error) -> String {
    read_failure_on(path, err, Os::CURRENT)
}

/// [`read_failure`] for errors raised on `os`.
pub fn read_failure_on(path: &Path, err: &io::Error, os: Os) -> String {
    let file = path.display();
    match cause(err, os) {
        Cause::HeldOpen => format!(
            "Berkas '{file}' sedang dibuka di program lain (misalnya Excel) dan tidak dapat dibaca: {CLOSE_IN_EXCEL}."
        ),
        Cause::NotFound => format!("Berkas '{file}' tidak ditemukan."),
        Cause::NoPermission => format!(
            "Berkas '{file}' tidak dapat dibaca: tidak ada izin untuk membukanya."
        ),
        Cause::Other => format!("Berkas '{file}' tidak dapat dibaca: {err}."),
    }
}

/// The message for a document that could not be written to `path`. `held` tells whether the
/// existing file there is held by another program (see [`held_open`]): replacing a file that
/// Excel shows fails with "access denied" on Windows, not with a sharing violation.
pub fn write_failure_on(path: &Path, err: &io::Error, os: Os, held: bool) -> String {
    let file = path.display();
    match cause(err, os) {
        c if held || c == Cause::HeldOpen => format!(
            "Berkas '{file}' sedang dibuka di program lain (misalnya Excel) dan tidak dapat ditimpa: {CLOSE_IN_EXCEL}, atau simpan dengan nama lain."
        ),
        Cause::NoPermission => format!(
            "Berkas '{file}' tidak dapat ditulis: tidak ada izin menulis di folder ini. Pilih folder lain, misalnya Dokumen."
        ),
        Cause::HeldOpen | Cause::NotFound | Cause::Other => {
            format!("Berkas '{file}' tidak dapat ditulis: {err}.")
        }
    }
}

/// The message for a document that could not be written, after asking the system whether
/// the file already at `path` is held by another program.
pub fn write_failure(path: &Path, err: &io::Error) -> String {
    write_failure_on(path, err, Os::CURRENT, held_open(path))
}

/// Whether the file at `path` exists and another program holds it (opening it for writing
/// fails with a sharing or lock violation). Always false off Windows, where files are not
/// locked that way.
pub fn held_open(path: &Path) -> bool {
    if Os::CURRENT != Os::Windows || !path.is_file() {
        return false;
    }
    match std::fs::OpenOptions::new().write(true).open(path) {
        Ok(_) => false,
        Err(e) => cause(&e, Os::CURRENT) == Cause::HeldOpen,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(code: i32) -> io::Error {
        io::Error::from_raw_os_error(code)
    }

    #[test]
    fn sharing_and_lock_violations_are_held_open_on_windows_only() {
        assert_eq!(cause(&raw(32), Os::Windows), Cause::HeldOpen);
        assert_eq!(cause(&raw(33), Os::Windows), Cause::HeldOpen);
        // On Linux 32 is EPIPE and 33 EDOM: not a file held by Excel.
        assert_ne!(cause(&raw(32), Os::Unix), Cause::HeldOpen);
        assert_ne!(cause(&raw(33), Os::Unix), Cause::HeldOpen);
        let missing = io::Error::from(io::ErrorKind::NotFound);
        assert_eq!(cause(&missing, Os::Windows), Cause::NotFound);
        let denied = io::Error::from(io::ErrorKind::PermissionDenied);
        assert_eq!(cause(&denied, Os::Unix), Cause::NoPermission);
    }

    #[test]
    fn a_file_excel_holds_is_named_with_the_advice_and_no_raw_error() {
        let path = Path::new(r"C:\Users\Ani\Jadwal OPD\dinkes.xlsx");
        let msg = read_failure_on(path, &raw(32), Os::Windows);
        assert!(
            msg.contains(r"C:\Users\Ani\Jadwal OPD\dinkes.xlsx"),
            "{msg}"
        );
        assert!(msg.contains(CLOSE_IN_EXCEL), "{msg}");
        assert!(!msg.contains("os error"), "{msg}");
        let msg = write_failure_on(Path::new("rekap.xlsx"), &raw(33), Os::Windows, false);
        assert!(
            msg.contains("'rekap.xlsx'") && msg.contains(CLOSE_IN_EXCEL),
            "{msg}"
        );
        // Replacing a held file fails with "access denied" (5); the probe tells it apart.
        let denied = raw(5);
        let held = write_failure_on(Path::new("rekap.xlsx"), &denied, Os::Windows, true);
        assert!(held.contains(CLOSE_IN_EXCEL), "{held}");
        let not_held = write_failure_on(Path::new("rekap.xlsx"), &denied, Os::Windows, false);
        assert!(!not_held.contains(CLOSE_IN_EXCEL), "{not_held}");
    }

    #[test]
    fn other_failures_keep_their_reason_and_name_the_file() {
        let msg = read_failure_on(Path::new("hilang.xlsx"), &raw(2), Os::Unix);
        assert_eq!(msg, "Berkas 'hilang.xlsx' tidak ditemukan.");
        let msg = read_failure_on(Path::new("a.xlsx"), &raw(32), Os::Unix);
        assert!(
            msg.starts_with("Berkas 'a.xlsx' tidak dapat dibaca: "),
            "{msg}"
        );
        assert!(!msg.contains(CLOSE_IN_EXCEL), "{msg}");
    }

    #[test]
    fn a_real_missing_file_reads_as_not_found() {
        let path = std::env::temp_dir().join("fleksi-os-errors-tidak-ada.xlsx");
        let err = std::fs::read(&path).expect_err("missing");
        assert_eq!(
            read_failure(&path, &err),
            format!("Berkas '{}' tidak ditemukan.", path.display())
        );
        assert!(!held_open(&path));
    }
}
