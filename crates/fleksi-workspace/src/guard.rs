//! Checks on what the window (or any caller) sends before the workspace acts on it: the web view is treated as
//! untrusted, so every path, id and form is bounded and checked here in Rust (see
//! docs/security.md). Paths come from the file dialogs, drag-and-drop or a path the clerk
//! typed; a command reads only existing files of the kinds it expects, writes only
//! documents of its own kind, and opens only documents and folders in the system's program.

use std::path::{Path, PathBuf};

use crate::error::{Error, ErrorCode, Result};

/// Longest path accepted (Windows' long-path limit is 32,767 UTF-16 units; this is plenty).
pub const MAX_PATH_CHARS: usize = 4_096;
/// Most paths in one import request (a folder counts as one).
pub const MAX_PATHS: usize = 2_000;
/// Longest id, unit code or name (policy ids, unit codes, a new policy's name).
pub const MAX_TEXT_CHARS: usize = 200;
/// Largest policy form (its JSON); a real letter is a few KB.
pub const MAX_FORM_BYTES: usize = 1 << 20;
/// Largest policy TOML read from disk.
pub const MAX_TOML_BYTES: u64 = 1 << 20;
/// Largest master workbook read from disk.
pub const MAX_MASTER_BYTES: u64 = 100 << 20;

/// Documents the app writes and may open in the system's program (never a program).
pub const OPENABLE_EXTENSIONS: [&str; 3] = ["pdf", "xlsx", "toml"];

fn refused(code: ErrorCode, message: String) -> Error {
    Error::Refused { code, message }
}

/// A path as sent by the window: not empty, bounded, absolute, no NUL.
pub fn path(code: ErrorCode, raw: &str) -> Result<PathBuf> {
    if raw.trim().is_empty() {
        return Err(refused(code, "Lokasi berkas kosong.".to_string()));
    }
    if raw.chars().count() > MAX_PATH_CHARS || raw.contains('\0') {
        return Err(refused(
            code,
            format!("Lokasi berkas tidak sah (lebih dari {MAX_PATH_CHARS} karakter atau berisi karakter nol)."),
        ));
    }
    let p = PathBuf::from(raw);
    if !p.is_absolute() {
        return Err(refused(
            code,
            format!("Lokasi berkas \u{201c}{raw}\u{201d} harus lengkap (mulai dari drive atau folder akar)."),
        ));
    }
    Ok(p)
}

fn extension(p: &Path) -> String {
    p.extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default()
}

/// A file to read: an existing regular file of at most `max_bytes`.
pub fn existing_file(code: ErrorCode, raw: &str, max_bytes: u64) -> Result<PathBuf> {
    let p = path(code, raw)?;
    let meta = std::fs::metadata(&p)
        .map_err(|_| refused(code, format!("Berkas {raw} tidak ditemukan.")))?;
    if !meta.is_file() {
        return Err(refused(code, format!("{raw} bukan berkas.")));
    }
    if meta.len() > max_bytes {
        return Err(refused(
            code,
            format!(
                "Berkas {raw} terlalu besar ({} MB; paling besar {} MB).",
                meta.len().div_ceil(1 << 20),
                max_bytes >> 20
            ),
        ));
    }
    Ok(p)
}

/// Where to write a document: an absolute path ending in one of `extensions` (a name typed
/// without one gets the first), in a folder that exists (the save dialog offers only those).
pub fn save_target(code: ErrorCode, raw: &str, extensions: &[&str]) -> Result<PathBuf> {
    let mut p = path(code, raw)?;
    if p.extension().is_none() {
        p.set_extension(extensions[0]);
    }
    if !extensions.contains(&extension(&p).as_str()) {
        return Err(refused(
            code,
            format!(
                "Berkas {raw} harus berakhiran .{}.",
                extensions.join(" atau .")
            ),
        ));
    }
    if p.is_dir() {
        return Err(refused(code, format!("{raw} adalah folder, bukan berkas.")));
    }
    match p.parent() {
        Some(dir) if dir.is_dir() => Ok(p),
        _ => Err(refused(
            code,
            format!("Folder untuk {raw} tidak ditemukan."),
        )),
    }
}

/// A folder that exists (templates of every unit are written into it).
pub fn existing_folder(code: ErrorCode, raw: &str) -> Result<PathBuf> {
    let p = path(code, raw)?;
    if !p.is_dir() {
        return Err(refused(code, format!("Folder {raw} tidak ditemukan.")));
    }
    Ok(p)
}

/// What may be opened in the system's program: a folder, or an existing document of a kind
/// the app writes — never a program or script.
pub fn openable(raw: &str) -> Result<PathBuf> {
    let code = ErrorCode::OpenFailed;
    let p = path(code, raw)?;
    if p.is_dir() {
        return Ok(p);
    }
    if !p.is_file() {
        return Err(refused(code, format!("Berkas {raw} tidak ditemukan.")));
    }
    if !OPENABLE_EXTENSIONS.contains(&extension(&p).as_str()) {
        return Err(refused(
            code,
            format!(
                "Fleksi hanya membuka dokumen yang dibuatnya (.{}) atau folder; {raw} tidak dibuka.",
                OPENABLE_EXTENSIONS.join(", .")
            ),
        ));
    }
    Ok(p)
}

/// An id, unit code or name: not empty, bounded, no control characters.
pub fn text(code: ErrorCode, what: &str, value: &str) -> Result<()> {
    if value.trim().is_empty() {
        return Err(refused(code, format!("{what} kosong.")));
    }
    if value.chars().count() > MAX_TEXT_CHARS || value.chars().any(char::is_control) {
        return Err(refused(
            code,
            format!("{what} tidak sah (paling panjang {MAX_TEXT_CHARS} karakter, tanpa karakter kendali)."),
        ));
    }
    Ok(())
}

/// A filter or search text (may be empty): bounded, no control characters.
pub fn filter(code: ErrorCode, what: &str, value: &str) -> Result<()> {
    if value.is_empty() {
        return Ok(());
    }
    text(code, what, value)
}

/// The paths of an import: at least one, at most [`MAX_PATHS`], each a valid path.
pub fn import_paths(paths: &[String]) -> Result<()> {
    let code = ErrorCode::InputMissing;
    if paths.is_empty() {
        return Err(refused(
            code,
            "Belum ada berkas atau folder yang dipilih.".to_string(),
        ));
    }
    if paths.len() > MAX_PATHS {
        return Err(refused(
            code,
            format!("Terlalu banyak berkas sekaligus ({}; paling banyak {MAX_PATHS}). Pilih foldernya saja.", paths.len()),
        ));
    }
    for p in paths {
        path(code, p)?;
    }
    Ok(())
}

/// A policy form: at most [`MAX_FORM_BYTES`] of JSON.
pub fn form(value: &serde_json::Value) -> Result<()> {
    let size = serde_json::to_vec(value).map_or(usize::MAX, |v| v.len());
    if size > MAX_FORM_BYTES {
        return Err(refused(
            ErrorCode::PolicyUnknown,
            format!(
                "Isian Surat Edaran terlalu besar ({size} bita; paling besar {MAX_FORM_BYTES})."
            ),
        ));
    }
    Ok(())
}

/// A database id sent back by the window: positive.
pub fn row_id(code: ErrorCode, id: i64) -> Result<()> {
    if id <= 0 {
        return Err(refused(code, format!("Nomor berkas {id} tidak sah.")));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(tag: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("fleksi-guard-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("scratch");
        dir
    }

    #[test]
    fn paths_must_be_absolute_bounded_and_without_nul() {
        let code = ErrorCode::InputMissing;
        assert!(path(code, "").is_err());
        assert!(path(code, "relatif/jadwal.xlsx").is_err());
        assert!(path(code, "/tmp/a\0b").is_err());
        assert!(path(code, &format!("/{}", "a".repeat(MAX_PATH_CHARS))).is_err());
        let e = path(code, "jadwal.xlsx").expect_err("relative");
        assert_eq!(e.code(), code);
        assert!(e.to_string().contains("harus lengkap"), "{}", e.to_string());
        assert!(path(code, &std::env::temp_dir().display().to_string()).is_ok());
    }

    #[test]
    fn reads_need_an_existing_file_under_its_size_limit() {
        let dir = scratch("read");
        let f = dir.join("se.toml");
        std::fs::write(&f, vec![b'#'; 2048]).expect("write");
        let raw = f.display().to_string();
        assert!(existing_file(ErrorCode::PolicyUnknown, &raw, 4096).is_ok());
        let big = existing_file(ErrorCode::PolicyUnknown, &raw, 1024).expect_err("too big");
        assert!(
            big.to_string().contains("terlalu besar"),
            "{}",
            big.to_string()
        );
        let gone = dir.join("tidak-ada.toml").display().to_string();
        assert!(existing_file(ErrorCode::PolicyUnknown, &gone, 4096).is_err());
        let folder = dir.display().to_string();
        assert!(existing_file(ErrorCode::PolicyUnknown, &folder, 4096).is_err());
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn writes_need_their_own_extension_and_an_existing_folder() {
        let dir = scratch("write");
        let code = ErrorCode::DocumentFailed;
        let ok = dir.join("Lampiran.PDF").display().to_string();
        assert!(save_target(code, &ok, &["pdf"]).is_ok());
        for bad in [
            dir.join("lampiran.exe"),
            dir.join("fleksi.sqlite3"),
            dir.join("tidak-ada").join("lampiran.pdf"),
        ] {
            let raw = bad.display().to_string();
            assert!(save_target(code, &raw, &["pdf"]).is_err(), "{raw}");
        }
        let bare = save_target(code, &dir.join("rekap").display().to_string(), &["xlsx"]);
        assert_eq!(
            bare.expect("named without extension"),
            dir.join("rekap.xlsx")
        );
        let e = save_target(code, &dir.join("x.exe").display().to_string(), &["xlsx"])
            .expect_err("wrong kind");
        assert!(
            e.to_string().contains("harus berakhiran .xlsx"),
            "{}",
            e.to_string()
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn only_documents_and_folders_are_opened() {
        let dir = scratch("open");
        let pdf = dir.join("lampiran.pdf");
        let script = dir.join("jalankan.sh");
        std::fs::write(&pdf, b"%PDF-1.7").expect("write");
        std::fs::write(&script, b"#!/bin/sh").expect("write");
        assert!(openable(&pdf.display().to_string()).is_ok());
        assert!(openable(&dir.display().to_string()).is_ok());
        let e = openable(&script.display().to_string()).expect_err("a script");
        assert_eq!(e.code(), ErrorCode::OpenFailed);
        assert!(
            e.to_string().contains("hanya membuka dokumen"),
            "{}",
            e.to_string()
        );
        assert!(openable(&dir.join("hilang.pdf").display().to_string()).is_err());
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn ids_forms_and_path_lists_are_bounded() {
        let code = ErrorCode::UnitUnknown;
        assert!(text(code, "Kode unit", "DISKOMINFO").is_ok());
        assert!(text(code, "Kode unit", " ").is_err());
        assert!(text(code, "Kode unit", "A\nB").is_err());
        assert!(text(code, "Kode unit", &"A".repeat(MAX_TEXT_CHARS + 1)).is_err());
        assert!(filter(code, "Pencarian", "").is_ok());
        assert!(filter(code, "Pencarian", &"x".repeat(MAX_TEXT_CHARS + 1)).is_err());
        assert!(row_id(code, 0).is_err());
        assert!(row_id(code, 7).is_ok());
        assert!(import_paths(&[]).is_err());
        let many = vec![std::env::temp_dir().display().to_string(); MAX_PATHS + 1];
        assert!(import_paths(&many).is_err());
        assert!(import_paths(&many[..3]).is_ok());
        let big = serde_json::json!({ "nama": "x".repeat(MAX_FORM_BYTES) });
        assert!(form(&big).is_err());
        assert!(form(&serde_json::json!({ "nama": "SE" })).is_ok());
    }
}
