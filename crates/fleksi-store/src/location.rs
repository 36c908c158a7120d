//! Where the database may live: on a disk of this computer, never on a network share. SQLite's
//! file locks are unreliable over SMB and WAL needs memory shared on one machine, so a
//! database on a share can lose or corrupt data (sqlite.org/useovernet.html). On Windows a
//! share is told by the path's shape (`\\server\share\…`, `\\?\UNC\…`) — host-free, tested on
//! Linux — or, for a mapped drive letter, by `GetDriveTypeW` returning `DRIVE_REMOTE`.

use std::path::Path;

/// Why a path is on a network share.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NetworkPlace {
    /// A UNC path: `\\server\share\…`, `//server/share/…` or `\\?\UNC\server\share\…`.
    Unc,
    /// A drive letter mapped to a network share (`N:`).
    MappedDrive(char),
}

impl NetworkPlace {
    /// How the place is named to the clerk.
    pub fn describe(&self) -> String {
        match self {
            NetworkPlace::Unc => "folder bersama di jaringan".to_string(),
            NetworkPlace::MappedDrive(d) => format!("drive jaringan {d}:"),
        }
    }
}

/// Whether a Windows path (as text) names a UNC share. `\\?\C:\…` (a long local path) and
/// `\\.\…` (a device) are not shares; `\\?\UNC\…` is.
pub fn is_unc(text: &str) -> bool {
    let sep = |c: char| c == '\\' || c == '/';
    let mut chars = text.chars();
    let (Some(a), Some(b)) = (chars.next(), chars.next()) else {
        return false;
    };
    if !(sep(a) && sep(b)) {
        return false;
    }
    let rest: String = chars.collect();
    if let Some(verbatim) = rest.strip_prefix("?\\").or_else(|| rest.strip_prefix("?/")) {
        return verbatim
            .get(..3)
            .is_some_and(|p| p.eq_ignore_ascii_case("UNC"))
            && verbatim[3..].starts_with(sep);
    }
    if rest.starts_with(".\\") || rest.starts_with("./") {
        return false;
    }
    rest.chars().next().is_some_and(|c| !sep(c))
}

/// The drive letter a Windows path starts with (`C:\…`, `c:`, `\\?\C:\…`), upper case.
pub fn drive_letter(text: &str) -> Option<char> {
    let local = text
        .strip_prefix("\\\\?\\")
        .or_else(|| text.strip_prefix("//?/"))
        .unwrap_or(text);
    let mut chars = local.chars();
    match (chars.next(), chars.next()) {
        (Some(d), Some(':')) if d.is_ascii_alphabetic() => Some(d.to_ascii_uppercase()),
        _ => None,
    }
}

/// The network share `path` is on, if any. On Windows the path is made absolute first (so a
/// relative name in a folder on `N:` or on `\\server\share` counts); elsewhere there are no
/// drive letters or UNC paths and this is always `None`.
pub fn network_place(path: &Path) -> Option<NetworkPlace> {
    if !cfg!(windows) {
        return None;
    }
    let full = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let text = full.to_string_lossy();
    if is_unc(&text) {
        return Some(NetworkPlace::Unc);
    }
    drive_letter(&text)
        .filter(|d| drive_is_remote(*d))
        .map(NetworkPlace::MappedDrive)
}

/// `GetDriveTypeW("X:\") == DRIVE_REMOTE`.
#[cfg(windows)]
fn drive_is_remote(letter: char) -> bool {
    use windows_sys::Win32::Storage::FileSystem::GetDriveTypeW;
    const DRIVE_REMOTE: u32 = 4;
    let root: Vec<u16> = format!("{letter}:\\").encode_utf16().chain([0]).collect();
    // SAFETY: `root` is a NUL-terminated UTF-16 string that outlives the call.
    unsafe { GetDriveTypeW(root.as_ptr()) == DRIVE_REMOTE }
}

#[cfg(not(windows))]
fn drive_is_remote(_letter: char) -> bool {
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unc_paths_are_shares_and_local_or_device_paths_are_not() {
        for share in [
            r"\\server\share\fleksi.sqlite3",
            r"\\192.168.1.5\data\Fleksi\fleksi.sqlite3",
            "//server/share/fleksi.sqlite3",
            r"\\?\UNC\server\share\fleksi.sqlite3",
            r"\\?\unc\server\share",
        ] {
            assert!(is_unc(share), "{share}");
        }
        for local in [
            r"C:\Users\Ani\AppData\Roaming\id.go.bkpsdm.fleksi\fleksi.sqlite3",
            r"\\?\C:\Users\Ani\fleksi.sqlite3",
            r"\\.\C:\fleksi.sqlite3",
            r"\fleksi\fleksi.sqlite3",
            "fleksi.sqlite3",
            r"\\",
            r"\\?\UNCLE\x",
            "",
        ] {
            assert!(!is_unc(local), "{local}");
        }
    }

    #[test]
    fn drive_letters_are_read_from_plain_and_long_paths() {
        assert_eq!(drive_letter(r"n:\data\fleksi.sqlite3"), Some('N'));
        assert_eq!(drive_letter(r"\\?\Z:\tmp\x"), Some('Z'));
        assert_eq!(drive_letter("C:"), Some('C'));
        assert_eq!(drive_letter(r"\\server\share"), None);
        assert_eq!(drive_letter("fleksi.sqlite3"), None);
        assert_eq!(drive_letter("1:\\x"), None);
    }

    #[test]
    fn places_are_named_for_the_clerk() {
        assert_eq!(
            NetworkPlace::MappedDrive('N').describe(),
            "drive jaringan N:"
        );
        assert!(NetworkPlace::Unc.describe().contains("jaringan"));
    }

    #[test]
    fn the_refusal_names_the_database_and_says_what_to_do() {
        let err = crate::StoreError::NetworkShare {
            path: r"N:\Fleksi\fleksi.sqlite3".to_string(),
            place: NetworkPlace::MappedDrive('N').describe(),
        };
        let text = err.to_string();
        assert!(
            text.starts_with(r"Basis data N:\Fleksi\fleksi.sqlite3 berada di drive jaringan N:"),
            "{text}"
        );
        assert!(text.contains("disk komputer ini"), "{text}");
        assert!(text.contains("Cadangkan basis data"), "{text}");
    }

    #[cfg(not(windows))]
    #[test]
    fn off_windows_no_path_is_a_share() {
        assert_eq!(network_place(Path::new(r"\\server\share\x.sqlite3")), None);
    }
}
