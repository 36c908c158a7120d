//! `fleksi recap`: imports and validates like `check`, then writes the lampiran PDF and/or
//! the recap XLSX from the validator's recap. Exit 0 without errors, 1 when the inputs have
//! validation errors (the documents are still written), 2 when it cannot run.

use fleksi_report::pdf::{lampiran, Paper, PdfOptions};
use std::path::Path;

pub fn run(
    inputs: &crate::Inputs,
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
    let paper = match paper.trim().to_ascii_lowercase().as_str() {
        "f4" | "folio" => Paper::F4,
        "a4" => Paper::A4,
        other => {
            return Err(format!(
                "ukuran kertas '{other}' tidak dikenal; pilih f4 atau a4"
            ))
        }
    };
    let outcome = crate::check::evaluate(inputs)?;
    if let Some(path) = pdf {
        let options = PdfOptions {
            paper,
            ..PdfOptions::default()
        };
        let bytes =
            lampiran(&outcome.policy, &outcome.recap, &options).map_err(|e| e.to_string())?;
        write(path, &bytes)?;
        eprintln!("Lampiran PDF ditulis: {}", path.display());
    }
    if let Some(path) = xlsx {
        let bytes =
            fleksi_report::xlsx::recap_workbook(&outcome.policy, &outcome.recap, &outcome.findings)
                .map_err(|e| e.to_string())?;
        write(path, &bytes)?;
        eprintln!("Rekapitulasi XLSX ditulis: {}", path.display());
    }
    let errors = outcome.errors();
    if errors > 0 {
        eprintln!(
            "Perhatian: {errors} kesalahan ditemukan pada berkas jadwal; jalankan 'fleksi check' \
             untuk rinciannya."
        );
        return Ok(1);
    }
    Ok(0)
}

/// Writes an output file; the error names it.
pub fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("folder '{}' tidak dapat dibuat: {e}", dir.display()))?;
    }
    std::fs::write(path, bytes)
        .map_err(|e| format!("berkas '{}' tidak dapat ditulis: {e}", path.display()))
}
