//! `fleksi recap`: imports and validates like `check`, then writes the lampiran PDF and/or
//! the recap XLSX of the reporting window (both at once). Exit 0 without errors, 1 when the
//! inputs have validation errors (the documents are still written), 2 when it cannot run.

use std::path::Path;

use fleksi_workspace::documents::{lampiran_and_recap, DocOptions};
use fleksi_workspace::{inputs, Snapshot};

/// Writes the documents of `snap`; the counts of errors decide the exit status.
pub fn write_documents(
    snap: &Snapshot,
    pdf: Option<&Path>,
    xlsx: Option<&Path>,
    paper: &str,
) -> Result<u8, String> {
    if pdf.is_none() && xlsx.is_none() {
        return Err(
            "sebutkan berkas keluaran: --pdf <berkas.pdf> dan/atau --xlsx <berkas.xlsx>"
                .to_string(),
        );
    }
    let options = DocOptions::with_paper(paper).map_err(|e| e.to_string())?;
    let (doc, book) = lampiran_and_recap(snap, options, pdf.is_some(), xlsx.is_some())
        .map_err(|e| e.to_string())?;
    let window = fleksi_core::fmt_id::period(snap.window.from, snap.window.to);
    if let (Some(path), Some(bytes)) = (pdf, doc) {
        write(path, &bytes)?;
        eprintln!("Lampiran PDF ditulis ({window}): {}", path.display());
    }
    if let (Some(path), Some(bytes)) = (xlsx, book) {
        write(path, &bytes)?;
        eprintln!("Rekapitulasi XLSX ditulis ({window}): {}", path.display());
    }
    let errors = snap
        .session
        .findings
        .iter()
        .filter(|f| f.is_error())
        .count();
    if errors > 0 {
        eprintln!(
            "Perhatian: {errors} kesalahan ditemukan pada berkas jadwal; jalankan 'fleksi check' \
             untuk rinciannya."
        );
        return Ok(1);
    }
    Ok(0)
}

pub fn run(
    inputs: &crate::Inputs,
    pdf: Option<&Path>,
    xlsx: Option<&Path>,
    paper: &str,
) -> Result<u8, String> {
    // Check the paper before the (longer) import.
    DocOptions::with_paper(paper).map_err(|e| e.to_string())?;
    let outcome = crate::check::evaluate(inputs)?;
    write_documents(&outcome.snap, pdf, xlsx, paper)
}

/// Writes an output file; the error names it.
pub fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    inputs::write_file(path, bytes)
        .map(|_| ())
        .map_err(|e| e.to_string())
}
