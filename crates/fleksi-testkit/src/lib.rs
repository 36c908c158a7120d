//! Test-only helpers shared by the crates' tests: external programs a test checks with (which
//! must exist when `CI` is set, so a test never passes having checked nothing) and the parts
//! of an XLSX/ODS package read with the `zip` crate instead of an external `unzip`.

use std::io::{Cursor, Read};
use std::path::Path;
use std::process::{Command, Output};

/// The Debian package that installs `program` (the one `scripts/setup.sh test` installs).
pub fn package_of(program: &str) -> &'static str {
    match program {
        "qpdf" => "qpdf",
        "pdftotext" | "pdffonts" | "pdfinfo" | "pdftoppm" => "poppler-utils",
        "soffice" | "libreoffice" => "libreoffice-calc-nogui",
        "ssconvert" => "gnumeric",
        "convert" | "import" | "identify" => "imagemagick",
        "python3" => "python3",
        "sqlite3" => "sqlite3",
        "mount" | "umount" => "mount",
        _ => "(unknown: add it to fleksi-testkit::package_of and scripts/setup.sh)",
    }
}

/// True when running under CI (`CI` set to anything but empty, `0` or `false`).
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "0" && v != "false")
}

/// Something a test needs is missing: under CI the test fails naming what installs it;
/// elsewhere it is skipped with a loud message on stderr. Returns `None` for the caller's `?`.
pub fn missing<T>(what: &str, how_to_get_it: &str) -> Option<T> {
    let msg = format!("{what} is missing; {how_to_get_it}");
    if in_ci() {
        panic!("CI: {msg}");
    }
    eprintln!("\n!!!!!!!! SKIPPED (not under CI): {msg} !!!!!!!!\n");
    None
}

/// Runs an external program the test checks with. `None` only outside CI when the program
/// is not installed; under CI a missing program fails the test with the package to install.
pub fn tool(program: &str, args: &[&str]) -> Option<Output> {
    match Command::new(program).args(args).output() {
        Ok(out) => Some(out),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => missing(
            &format!("the program '{program}'"),
            &format!(
                "install the Debian package {} (scripts/setup.sh test does)",
                package_of(program)
            ),
        ),
        Err(e) => panic!("'{program}' could not be started: {e}"),
    }
}

/// A directory of test data outside the repository (e.g. `../shared/corpus`): `Some(dir)`
/// when it exists; otherwise the test is skipped loudly — also under CI, because that data
/// is not part of a checkout and not something an apt package installs (unlike the tools of
/// [`tool`]). Set `FLEKSI_REQUIRE_DATA=1` to make its absence fail instead.
pub fn data_dir(dir: &Path, what: &str) -> Option<std::path::PathBuf> {
    if dir.is_dir() {
        return Some(dir.to_path_buf());
    }
    let msg = format!(
        "{what} ({}) is missing; check out the shared test data beside the repository",
        dir.display()
    );
    if std::env::var("FLEKSI_REQUIRE_DATA").is_ok_and(|v| v == "1") {
        panic!("{msg}");
    }
    eprintln!("\n!!!!!!!! SKIPPED: {msg} !!!!!!!!\n");
    None
}

/// Every file under `dir` (recursively) that `keep` accepts, sorted by path; an unreadable
/// folder contributes nothing.
pub fn files_under(dir: &Path, keep: &dyn Fn(&Path) -> bool) -> Vec<std::path::PathBuf> {
    fn walk(dir: &Path, keep: &dyn Fn(&Path) -> bool, out: &mut Vec<std::path::PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, keep, out);
            } else if keep(&p) {
                out.push(p);
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, keep, &mut out);
    out.sort();
    out
}

/// The names of the parts of a ZIP package (XLSX, ODS), in archive order.
pub fn zip_names(bytes: &[u8]) -> Vec<String> {
    let archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("a ZIP package");
    archive
        .file_names()
        .map(|name| name.expect("a part name").into_owned())
        .collect()
}

/// One part of a ZIP package as text, `None` when the package has no such part.
pub fn zip_part(bytes: &[u8], name: &str) -> Option<String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("a ZIP package");
    let mut part = match archive.by_name(name) {
        Ok(part) => part,
        Err(zip::result::ZipError::FileNotFound) => return None,
        Err(e) => panic!("part {name}: {e}"),
    };
    let mut text = String::new();
    part.read_to_string(&mut text)
        .unwrap_or_else(|e| panic!("part {name} is not UTF-8 text: {e}"));
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_program_is_none_outside_ci_and_known_programs_name_their_package() {
        if !in_ci() {
            assert!(tool("fleksi-no-such-program", &[]).is_none());
        }
        assert_eq!(package_of("pdffonts"), "poppler-utils");
        assert_eq!(package_of("soffice"), "libreoffice-calc-nogui");
    }

    #[test]
    fn reads_the_parts_of_a_zip_package() {
        let mut buf = Cursor::new(Vec::new());
        {
            let mut w = zip::ZipWriter::new(&mut buf);
            let opts = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated);
            w.start_file("xl/workbook.xml", opts).expect("start");
            std::io::Write::write_all(&mut w, b"<workbook/>").expect("write");
            w.finish().expect("finish");
        }
        let bytes = buf.into_inner();
        assert_eq!(zip_names(&bytes), ["xl/workbook.xml"]);
        assert_eq!(
            zip_part(&bytes, "xl/workbook.xml").as_deref(),
            Some("<workbook/>")
        );
        assert_eq!(zip_part(&bytes, "xl/missing.xml"), None);
    }
}
