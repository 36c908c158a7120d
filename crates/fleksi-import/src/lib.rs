//! Reads OPD workbooks (xlsx, xlsm, xlsb, xls, ods via calamine; csv) into `Submission`s and
//! the master workbook into a `Master`: header-row detection, header synonyms, wide and long
//! layouts, date headers, A1 cell references, size limits, hostile-file guards.

mod cells;
mod csv_text;
mod dates;
mod error;
mod headers;
mod inputs;
mod master_book;
mod ole_check;
mod schedule;
mod unit_match;
mod workbook;

pub use error::{ImportError, Limits};
pub use inputs::{collect_inputs, collect_inputs_excluding, SPREADSHEET_EXTENSIONS};

use fleksi_core::{Finding, FindingCode, Layout, Master, Policy, Submission};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

const UNREADABLE_HINT: &str = "Buka berkas di Excel atau LibreOffice, simpan ulang sebagai .xlsx \
tanpa kata sandi, lalu impor lagi.";

fn empty_submission(name: &str, sheet: &str, unit: Option<String>) -> Submission {
    Submission {
        file: name.to_string(),
        sheet: sheet.to_string(),
        unit,
        layout: Layout::Wide,
        dates: Vec::new(),
        date_cells: Vec::new(),
        rows: Vec::new(),
        findings: Vec::new(),
    }
}

fn unreadable(name: &str, message: String) -> Submission {
    let mut s = empty_submission(name, "", None);
    s.findings
        .push(Finding::new(FindingCode::FileUnreadable, message, UNREADABLE_HINT).in_file(name));
    s
}

/// Keeps panics caught on the parser threads (a hostile file that trips the spreadsheet
/// reader) off stderr; other panics still print. Call once at program start (CLI, app).
pub fn quiet_parser_panics() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if std::thread::current().name() == Some(workbook::PARSER_THREAD) {
            return;
        }
        previous(info);
    }));
}

/// How much a sheet looks like the schedule: rows with a usable NIP first (an instructions
/// sheet with example rows has none), then rows at all.
fn score(s: &Submission) -> (usize, usize) {
    (
        s.rows.iter().filter(|r| r.nip.is_some()).count(),
        s.rows.len(),
    )
}

/// Reads one OPD workbook with the default limits. Never panics; an unreadable file gives a
/// submission without rows and a `file.unreadable` finding.
pub fn read_submission(name: &str, bytes: &[u8], policy: &Policy, master: &Master) -> Submission {
    read_submission_with(name, bytes, policy, master, &Limits::default())
}

/// [`read_submission`] with explicit limits.
pub fn read_submission_with(
    name: &str,
    bytes: &[u8],
    policy: &Policy,
    master: &Master,
    limits: &Limits,
) -> Submission {
    let sheets = match workbook::open(name, bytes, limits) {
        Ok(s) => s,
        Err(e) => return unreadable(name, e.to_string()),
    };
    let result = catch_unwind(AssertUnwindSafe(|| {
        let mut best: Option<Submission> = None;
        let mut near_miss: Option<(String, String)> = None;
        for sheet in &sheets {
            match schedule::read_sheet(name, sheet, policy, master) {
                Ok(sub) => {
                    if best.as_ref().is_none_or(|b| score(&sub) > score(b)) {
                        best = Some(sub);
                    }
                }
                Err(miss) => {
                    if let (None, Some(cell)) = (&near_miss, miss.nip_cell) {
                        near_miss = Some((sheet.name.clone(), cell));
                    }
                }
            }
        }
        best.unwrap_or_else(|| {
            let unit = schedule::unit_without_table(name, &sheets, master);
            let (sheet, detail, cell) = match &near_miss {
                Some((sheet, cell)) => (
                    sheet.as_str(),
                    format!(" Kolom NIP ada di sel {cell}, tetapi tidak ada kolom tanggal yang terbaca."),
                    Some(cell.clone()),
                ),
                None => (sheets.first().map(|s| s.name.as_str()).unwrap_or(""), String::new(), None),
            };
            let mut s = empty_submission(name, sheet, unit.clone());
            s.findings.push(
                Finding::new(
                    FindingCode::HeaderNotFound,
                    format!(
                        "Baris judul kolom (kolom NIP dan kolom tanggal, atau kolom tanggal dan \
                         keterangan) tidak ditemukan pada berkas '{name}'.{detail}"
                    ),
                    "Gunakan templat jadwal: satu baris judul berisi NIP, Nama, Jabatan, lalu \
                     satu kolom per tanggal (mis. 29-12-2025).",
                )
                .in_file(name)
                .unit(unit.as_deref()),
            );
            if let Some(f) = s.findings.last_mut() {
                f.sheet = Some(sheet.to_string());
                f.cell = cell;
            }
            s
        })
    }));
    result.unwrap_or_else(|_| {
        unreadable(
            name,
            format!("berkas '{name}' tidak dapat dibaca: kesalahan internal saat membaca isi"),
        )
    })
}

/// Reads many workbooks in parallel (one worker per core), results in input order.
pub fn read_submissions<N, B>(files: &[(N, B)], policy: &Policy, master: &Master) -> Vec<Submission>
where
    N: AsRef<str> + Sync,
    B: AsRef<[u8]> + Sync,
{
    let workers = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2)
        .min(files.len().max(1));
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<Submission>>> = Mutex::new(vec![None; files.len()]);
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some((name, bytes)) = files.get(i) else {
                    break;
                };
                let sub = read_submission(name.as_ref(), bytes.as_ref(), policy, master);
                if let Ok(mut r) = results.lock() {
                    r[i] = Some(sub);
                }
            });
        }
    });
    results
        .into_inner()
        .unwrap_or_default()
        .into_iter()
        .zip(files)
        .map(|(s, (name, _))| {
            s.unwrap_or_else(|| unreadable(name.as_ref(), "pembacaan gagal".to_string()))
        })
        .collect()
}

/// Reads the master workbook (design §6). See the `master_book` module for what is rejected.
pub fn read_master(name: &str, bytes: &[u8]) -> Result<Master, ImportError> {
    master_book::read_master(name, bytes, &Limits::default())
}
