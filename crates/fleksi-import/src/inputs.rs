//! Which files an import covers: a folder means every spreadsheet in it (xlsx, xlsm, xlsb,
//! xls, ods, csv), sorted, without Office/LibreOffice lock files and without the master.

use std::path::{Path, PathBuf};

/// Extensions taken from a folder (case-insensitive).
pub const SPREADSHEET_EXTENSIONS: [&str; 6] = ["xlsx", "xlsm", "xlsb", "xls", "ods", "csv"];

fn is_lock_file(p: &Path) -> bool {
    p.file_name()
        .map(|n| n.to_string_lossy())
        .is_some_and(|n| n.starts_with("~$") || n.starts_with(".~lock"))
}

fn is_spreadsheet(p: &Path) -> bool {
    p.extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .is_some_and(|e| SPREADSHEET_EXTENSIONS.contains(&e.as_str()))
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => a == b,
    }
}

/// Expands folders into their spreadsheets (sorted); files are kept as given.
pub fn collect_inputs(paths: &[PathBuf]) -> Vec<PathBuf> {
    collect_inputs_excluding(paths, &[])
}

/// Like [`collect_inputs`], leaving out `exclude` (e.g. the master workbook when it sits in
/// the same folder). Duplicates are dropped.
pub fn collect_inputs_excluding(paths: &[PathBuf], exclude: &[PathBuf]) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut found: Vec<PathBuf> = std::fs::read_dir(p)
                .into_iter()
                .flatten()
                .flatten()
                .map(|e| e.path())
                .filter(|f| f.is_file() && is_spreadsheet(f) && !is_lock_file(f))
                .collect();
            found.sort();
            out.extend(found);
        } else if !is_lock_file(p) {
            out.push(p.clone());
        }
    }
    out.retain(|p| !exclude.iter().any(|x| same_file(p, x)));
    let mut seen: Vec<PathBuf> = Vec::new();
    out.retain(|p| {
        let key = p.canonicalize().unwrap_or_else(|_| p.clone());
        if seen.contains(&key) {
            false
        } else {
            seen.push(key);
            true
        }
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_expand_sorted_without_locks_and_master() {
        let dir = std::env::temp_dir().join(format!("fleksi-inputs-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        for f in [
            "b.xlsx",
            "a.CSV",
            "~$b.xlsx",
            "notes.txt",
            "master.xlsx",
            "c.ods",
        ] {
            std::fs::write(dir.join(f), b"x").unwrap();
        }
        let got = collect_inputs_excluding(std::slice::from_ref(&dir), &[dir.join("master.xlsx")]);
        let names: Vec<String> = got
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["a.CSV", "b.xlsx", "c.ods"]);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
