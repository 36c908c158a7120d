//! Files in and out: what the clerk picked (files and folders) expanded into schedule files,
//! with anything that is not a spreadsheet refused at the door and named; reading them with
//! errors that name the file; writing documents safely.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use fleksi_import::SPREADSHEET_EXTENSIONS;

use crate::error::{Error, Result};
use crate::os_errors;

/// One file as picked: its name (as shown and stored) and its original bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputFile {
    pub name: String,
    pub bytes: Arc<[u8]>,
}

impl InputFile {
    pub fn new(name: impl Into<String>, bytes: impl Into<Arc<[u8]>>) -> InputFile {
        InputFile {
            name: name.into(),
            bytes: bytes.into(),
        }
    }
}

/// How a file is named in the working set: the app shows file names, the CLI the paths as
/// given (so `check --json` names them as typed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Naming {
    FileName,
    AsGiven,
}

impl Naming {
    pub fn name(self, path: &Path) -> String {
        match self {
            Naming::FileName => file_name(path),
            Naming::AsGiven => path.display().to_string(),
        }
    }
}

/// The file name without its folder.
pub fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// Reads a file from disk; the error names it (and says to close it in Excel when another
/// program holds it, see [`os_errors`]).
pub fn read_input(path: &Path, naming: Naming) -> Result<InputFile> {
    let bytes =
        std::fs::read(path).map_err(|e| Error::InputMissing(os_errors::read_failure(path, &e)))?;
    Ok(InputFile::new(naming.name(path), bytes))
}

fn has_spreadsheet_extension(path: &Path) -> bool {
    path.extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .is_some_and(|e| SPREADSHEET_EXTENSIONS.contains(&e.as_str()))
}

/// Why a file picked by the clerk is not a schedule, or `None` when it may be one.
pub fn not_a_schedule(path: &Path) -> Option<String> {
    if has_spreadsheet_extension(path) {
        return None;
    }
    let kind = match path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .as_deref()
    {
        Some("pdf") => "dokumen PDF",
        Some("toml") => "berkas Surat Edaran (TOML) — pilih di halaman Surat Edaran",
        Some("doc" | "docx" | "odt") => "dokumen pengolah kata",
        Some("zip" | "rar" | "7z") => "arsip terkompresi — ekstrak dulu",
        Some("jpg" | "jpeg" | "png") => "gambar",
        Some("sqlite3" | "db") => "basis data",
        _ => "bukan lembar kerja",
    };
    Some(format!(
        "{}: {kind}. Yang dapat diimpor hanya berkas jadwal {}.",
        file_name(path),
        SPREADSHEET_EXTENSIONS.join(", ")
    ))
}

/// Expands the picked paths (files and folders) into schedule files, in order; folders give
/// their spreadsheets sorted by name, without lock files and without `exclude` (the master).
/// Missing paths and files that are not spreadsheets are refused, every one named.
pub fn gather(paths: &[PathBuf], exclude: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let missing: Vec<String> = paths
        .iter()
        .filter(|p| !p.exists())
        .map(|p| p.display().to_string())
        .collect();
    if !missing.is_empty() {
        return Err(Error::InputMissing(format!(
            "Berkas atau folder tidak ditemukan: {}",
            missing.join(", ")
        )));
    }
    let refused: Vec<String> = paths
        .iter()
        .filter(|p| p.is_file())
        .filter_map(|p| not_a_schedule(p))
        .collect();
    if !refused.is_empty() {
        return Err(Error::InputMissing(format!(
            "Berkas ini bukan jadwal dan tidak diimpor — {}",
            refused.join(" ")
        )));
    }
    let files = fleksi_import::collect_inputs_excluding(paths, exclude);
    if files.is_empty() {
        return Err(Error::InputMissing(format!(
            "Tidak ada berkas jadwal ({}) di antara yang dipilih.",
            SPREADSHEET_EXTENSIONS.join(", ")
        )));
    }
    Ok(files)
}

/// Reads every gathered file.
pub fn read_all(paths: &[PathBuf], naming: Naming) -> Result<Vec<InputFile>> {
    paths.iter().map(|p| read_input(p, naming)).collect()
}

/// A document written to disk.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
pub struct SavedFile {
    pub path: String,
    /// Size in bytes (the whole folder's files for a folder of templates).
    pub bytes: u32,
    /// Files written (1, or the number of templates).
    pub files: u32,
}

/// Writes bytes to `path` (folders created) through a temporary file in the same folder,
/// so a crash never leaves half a document; the error names the file.
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<SavedFile> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| {
            Error::Document(format!(
                "Folder '{}' tidak dapat dibuat: {e}",
                dir.display()
            ))
        })?;
    }
    let tmp = path.with_extension(format!(
        "{}.tmp-fleksi",
        path.extension()
            .map(|e| e.to_string_lossy().into_owned())
            .unwrap_or_default()
    ));
    let written = std::fs::write(&tmp, bytes).and_then(|()| std::fs::rename(&tmp, path));
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(Error::Document(os_errors::write_failure(path, &e)));
    }
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

/// Creates a folder if needed and returns it.
pub fn ensure_dir(dir: PathBuf) -> Result<PathBuf> {
    std::fs::create_dir_all(&dir).map_err(|source| Error::DataDirCreate {
        path: dir.display().to_string(),
        source,
    })?;
    Ok(dir)
}

/// Saturating `usize` → `u32` for counts sent to the UI.
pub fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(tag: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("fleksi-ws-inputs-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("scratch");
        dir
    }

    #[test]
    fn a_pdf_or_toml_is_refused_at_the_door_by_name() {
        let dir = scratch("door");
        for f in ["jadwal.xlsx", "laporan.pdf", "kebijakan.toml"] {
            std::fs::write(dir.join(f), b"x").expect("write");
        }
        let err = gather(
            &[
                dir.join("jadwal.xlsx"),
                dir.join("laporan.pdf"),
                dir.join("kebijakan.toml"),
            ],
            &[],
        )
        .expect_err("refused");
        let text = err.to_string();
        assert!(text.contains("laporan.pdf: dokumen PDF"), "{text}");
        assert!(text.contains("kebijakan.toml"), "{text}");
        assert!(!text.contains("jadwal.xlsx"), "{text}");
        // A folder silently skips what is not a spreadsheet.
        let found = gather(std::slice::from_ref(&dir), &[]).expect("folder");
        assert_eq!(found, vec![dir.join("jadwal.xlsx")]);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn missing_paths_are_named_and_documents_are_written_whole() {
        let dir = scratch("missing");
        let err = gather(&[dir.join("tidak-ada.xlsx")], &[]).expect_err("missing");
        assert!(err.to_string().contains("tidak-ada.xlsx"));
        let out = dir.join("sub").join("rekap.xlsx");
        let saved = write_file(&out, b"PK-data").expect("written");
        assert_eq!(saved.bytes, 7);
        assert_eq!(std::fs::read(&out).expect("read"), b"PK-data");
        let leftovers: Vec<_> = std::fs::read_dir(dir.join("sub"))
            .expect("dir")
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(leftovers.len(), 1, "{leftovers:?}");
        assert_eq!(safe_name("Templat a/b: c?.xlsx"), "Templat a_b_ c_.xlsx");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
