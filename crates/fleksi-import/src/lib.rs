//! Reads OPD workbooks (xlsx, xlsm, xlsb, xls, ods via calamine; csv) into `Submission`s (one
//! per unit: a sheet per unit, a unit column splitting a sheet) and the master workbook into
//! a `Master`: header-row detection, header synonyms, wide and long layouts, date headers,
//! A1 cell references, size limits, hostile-file guards; and, when all that fails, the
//! clerk's column mapping (`mapping`).

mod cells;
mod content;
mod csv_text;
mod dates;
mod error;
mod extent;
mod headers;
mod inputs;
mod legend;
mod mapping;
mod master_book;
mod non_asn;
mod ods;
mod ole_check;
mod schedule;
mod unit_match;
mod workbook;

/// The importer's inner parsers, reachable for the fuzz targets (`fuzz/`) and the property
/// tests only; not an API.
#[doc(hidden)]
pub mod fuzzing {
    pub use crate::csv_text::{
        decode as decode_text, delimiter as csv_delimiter, read as read_csv,
    };
    pub use crate::dates::{parse_text as parse_date_text, DateText};
    pub use crate::ods::read as read_ods;
    pub use crate::ole_check::check as ole_check;
}

pub use error::{ImportError, Limits};
pub use extent::Stray;
pub use inputs::{collect_inputs, collect_inputs_excluding, SPREADSHEET_EXTENSIONS};
pub use mapping::{
    preview, read_workbook_mapped, ColumnChoice, ColumnMapping, ColumnRole, MappingError,
    SheetPreview, PREVIEW_COLUMNS,
};
pub use workbook::{open as open_sheets, InProcess, Opener, Sheet, SheetOpener};

use fleksi_core::{Finding, FindingCode, Layout, Master, Policy, Submission};
use legend::Legend;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, OnceLock};

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
        notes: Vec::new(),
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

/// Reads one OPD workbook with the default limits: its one submission (the first when the
/// workbook holds several units — see [`read_workbook`]). Never panics; an unreadable file
/// gives a submission without rows and a `file.unreadable` finding.
pub fn read_submission(name: &str, bytes: &[u8], policy: &Policy, master: &Master) -> Submission {
    first(read_workbook(name, bytes, policy, master), name)
}

/// Reads one OPD workbook with the default limits into one submission per unit: each
/// visible sheet holding a schedule is its own submission, and a unit column naming several
/// units splits its sheet. Never empty, never panics.
pub fn read_workbook(
    name: &str,
    bytes: &[u8],
    policy: &Policy,
    master: &Master,
) -> Vec<Submission> {
    read_workbook_with(name, bytes, policy, master, &Limits::default())
}

/// [`read_workbook`] with explicit limits.
pub fn read_workbook_with(
    name: &str,
    bytes: &[u8],
    policy: &Policy,
    master: &Master,
    limits: &Limits,
) -> Vec<Submission> {
    read_workbook_using(&Opener::default(), name, bytes, policy, master, limits)
}

/// [`read_workbook_with`] with the sheets opened by `opener` (e.g. in a worker process).
pub fn read_workbook_using(
    opener: &Opener,
    name: &str,
    bytes: &[u8],
    policy: &Policy,
    master: &Master,
    limits: &Limits,
) -> Vec<Submission> {
    interpret(name, opener.open(name, bytes, limits), policy, master)
}

/// [`read_submission`] with explicit limits.
pub fn read_submission_with(
    name: &str,
    bytes: &[u8],
    policy: &Policy,
    master: &Master,
    limits: &Limits,
) -> Submission {
    first(
        read_workbook_with(name, bytes, policy, master, limits),
        name,
    )
}

fn first(subs: Vec<Submission>, name: &str) -> Submission {
    subs.into_iter()
        .next()
        .unwrap_or_else(|| unreadable(name, "pembacaan gagal".to_string()))
}

/// Keeps one submission per unit, the one that looks most like the schedule (an
/// instructions or recap sheet of the same unit loses), in workbook order; sheets without
/// any usable NIP only count when no sheet has one.
fn per_unit(found: Vec<Submission>) -> Vec<Submission> {
    let any_nip = found.iter().any(|s| score(s).0 > 0);
    let mut kept: Vec<Submission> = Vec::new();
    for sub in found {
        if any_nip && score(&sub).0 == 0 {
            continue;
        }
        match kept.iter_mut().find(|k| k.unit == sub.unit) {
            Some(k) if score(&sub) > score(k) => *k = sub,
            Some(_) => {}
            None => kept.push(sub),
        }
    }
    if !any_nip && kept.len() > 1 {
        // No sheet has a usable NIP: the one that looks most like the schedule, as one file.
        let best = kept
            .iter()
            .enumerate()
            .max_by_key(|(i, s)| (score(s), std::cmp::Reverse(*i)))
            .map_or(0, |(i, _)| i);
        return vec![kept.swap_remove(best)];
    }
    kept
}

/// Every sheet of a workbook read with `legend`'s words: the submissions found, and for a
/// workbook without any, the first near miss (sheet, NIP cell, weekday hint) and the first
/// ambiguous sheet (sheet, what was found).
struct SheetsRead {
    found: Vec<Submission>,
    near_miss: Option<(String, String, Option<String>)>,
    ambiguous: Option<(String, String)>,
}

impl SheetsRead {
    /// Whether a legend could change the reading: no schedule found, or a status cell that
    /// looks like an office code left unread.
    fn wants_legend(&self) -> bool {
        self.found.is_empty()
            || self
                .found
                .iter()
                .flat_map(|s| s.rows.iter().flat_map(|r| &r.entries))
                .any(|e| e.status.is_none() && legend::is_code(e.raw.trim()))
    }
}

fn read_sheets(
    name: &str,
    sheets: &[workbook::Sheet],
    policy: &Policy,
    master: &Master,
    legend: &Legend,
) -> SheetsRead {
    let mut read = SheetsRead {
        found: Vec::new(),
        near_miss: None,
        ambiguous: None,
    };
    for sheet in sheets {
        match schedule::read_sheet_with(name, sheet, policy, master, legend) {
            Ok(subs) => read.found.extend(subs),
            Err(miss) => {
                if let (None, Some(detail)) = (&read.ambiguous, miss.detail) {
                    read.ambiguous = Some((sheet.name.clone(), detail));
                }
                if let (None, Some(cell)) = (&read.near_miss, miss.nip_cell) {
                    read.near_miss = Some((sheet.name.clone(), cell, miss.weekdays));
                }
            }
        }
    }
    read
}

/// The submissions of an opened workbook, one per unit (see [`read_workbook`]).
fn interpret(name: &str, opened: Opened, policy: &Policy, master: &Master) -> Vec<Submission> {
    let sheets = match opened {
        Ok(s) => s,
        Err(e) => return vec![unreadable(name, e.to_string())],
    };
    let result = catch_unwind(AssertUnwindSafe(|| {
        // The policy's words first; a workbook's legend is read (and the sheets again with
        // it) only when some status cell or the status column stays unread.
        let mut read = read_sheets(name, &sheets, policy, master, &Legend::none(policy));
        if read.wants_legend() {
            let legend = Legend::of(&sheets, policy);
            if legend.has_codes() {
                read = read_sheets(name, &sheets, policy, master, &legend);
            }
        }
        let SheetsRead {
            found,
            near_miss,
            ambiguous,
        } = read;
        let best = (!found.is_empty()).then(|| per_unit(found));
        best.unwrap_or_else(|| {
            let unit = schedule::unit_without_table(name, &sheets, master);
            // Weekday-only date headings the period cannot date: said in either case.
            let weekdays = near_miss
                .as_ref()
                .and_then(|(_, _, w)| w.as_deref())
                .map(|w| format!(" {w}"))
                .unwrap_or_default();
            let (sheet, detail, cell) = match (&ambiguous, &near_miss) {
                (Some((sheet, detail)), _) => (
                    sheet.as_str(),
                    format!(" Judul kolom tidak dikenali dan isinya tidak tegas: {detail}{weekdays}"),
                    None,
                ),
                (None, Some((sheet, cell, _))) => (
                    sheet.as_str(),
                    format!(
                        " Kolom NIP ada di sel {cell}, tetapi tidak ada kolom tanggal yang terbaca.{weekdays}"
                    ),
                    Some(cell.clone()),
                ),
                (None, None) => (sheets.first().map(|s| s.name.as_str()).unwrap_or(""), String::new(), None),
            };
            let mut s = empty_submission(name, sheet, unit.clone());
            s.findings.push(
                Finding::new(
                    FindingCode::HeaderNotFound,
                    format!(
                        "Baris judul kolom (kolom NIP dan kolom tanggal, atau kolom tanggal dan \
                         keterangan) tidak ditemukan pada berkas '{name}'.{detail}"
                    ),
                    format!(
                        "Gunakan templat jadwal: satu baris judul berisi NIP, Nama, Jabatan, \
                         lalu satu kolom per tanggal (mis. {}).",
                        dates::example(policy)
                    ),
                )
                .in_file(name)
                .unit(unit.as_deref()),
            );
            if let Some(f) = s.findings.last_mut() {
                f.sheet = Some(sheet.to_string());
                f.cell = cell;
            }
            vec![s]
        })
    }));
    result.unwrap_or_else(|_| {
        vec![unreadable(
            name,
            format!("berkas '{name}' tidak dapat dibaca: kesalahan internal saat membaca isi"),
        )]
    })
}

/// Reads many workbooks in parallel (one worker per core): every submission, file after
/// file in input order (see [`read_workbook`] for the several units of one file).
pub fn read_submissions<N, B>(files: &[(N, B)], policy: &Policy, master: &Master) -> Vec<Submission>
where
    N: AsRef<str> + Sync,
    B: AsRef<[u8]> + Sync,
{
    read_workbooks_reporting(files, policy, master, &|_, _| {})
        .into_iter()
        .flatten()
        .collect()
}

/// What [`read_workbooks_reporting`] tells its observer about one file.
pub enum Progress<'a> {
    /// A worker started reading the file.
    Started,
    /// The file is read: its submissions, one per unit, findings included.
    Done(&'a [Submission]),
}

/// Reads many workbooks in parallel, each into its submissions (one per unit, never none),
/// in input order; calls `observe(index, progress)` from the worker threads as each file
/// starts and finishes (the app's per-file progress bars).
pub fn read_workbooks_reporting<N, B>(
    files: &[(N, B)],
    policy: &Policy,
    master: &Master,
    observe: &(dyn Fn(usize, Progress<'_>) + Sync),
) -> Vec<Vec<Submission>>
where
    N: AsRef<str> + Sync,
    B: AsRef<[u8]> + Sync,
{
    read_workbooks_reporting_using(&Opener::default(), files, policy, master, observe)
}

/// [`read_workbooks_reporting`] with the sheets opened by `opener`.
pub fn read_workbooks_reporting_using<N, B>(
    opener: &Opener,
    files: &[(N, B)],
    policy: &Policy,
    master: &Master,
    observe: &(dyn Fn(usize, Progress<'_>) + Sync),
) -> Vec<Vec<Submission>>
where
    N: AsRef<str> + Sync,
    B: AsRef<[u8]> + Sync,
{
    let limits = Limits::default();
    read_parallel(files, observe, &|take, deliver| {
        while let Some(i) = take() {
            let (name, bytes) = &files[i];
            let (name, bytes) = (name.as_ref(), bytes.as_ref());
            let subs = read_workbook_using(opener, name, bytes, policy, master, &limits);
            deliver(i, subs);
        }
    })
}

/// Pulls the index of the next file (reporting it started), `None` when all are taken.
type Take<'a> = dyn Fn() -> Option<usize> + 'a;
/// Hands in the submissions of file `i` (reporting it done).
type Deliver<'a> = dyn Fn(usize, Vec<Submission>) + 'a;

/// Runs `work` on one worker per core; each takes files and delivers their submissions.
/// Results in input order; a file never delivered reads as unreadable.
fn read_parallel<N, B>(
    files: &[(N, B)],
    observe: &(dyn Fn(usize, Progress<'_>) + Sync),
    work: &(dyn Fn(&Take<'_>, &Deliver<'_>) + Sync),
) -> Vec<Vec<Submission>>
where
    N: AsRef<str> + Sync,
    B: AsRef<[u8]> + Sync,
{
    let workers = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2)
        .min(files.len().max(1));
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<Vec<Submission>>>> = Mutex::new(vec![None; files.len()]);
    let take = || {
        let i = next.fetch_add(1, Ordering::Relaxed);
        (i < files.len()).then(|| {
            observe(i, Progress::Started);
            i
        })
    };
    let deliver = |i: usize, subs: Vec<Submission>| {
        observe(i, Progress::Done(&subs));
        if let Ok(mut r) = results.lock() {
            r[i] = Some(subs);
        }
    };
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| work(&take, &deliver));
        }
    });
    results
        .into_inner()
        .unwrap_or_default()
        .into_iter()
        .zip(files)
        .map(|(s, (name, _))| {
            s.unwrap_or_else(|| vec![unreadable(name.as_ref(), "pembacaan gagal".to_string())])
        })
        .collect()
}

/// Reads the master workbook (design §6). See the `master_book` module for what is rejected.
pub fn read_master(name: &str, bytes: &[u8]) -> Result<Master, ImportError> {
    read_master_using(&Opener::default(), name, bytes)
}

/// [`read_master`] with the sheets opened by `opener`.
pub fn read_master_using(opener: &Opener, name: &str, bytes: &[u8]) -> Result<Master, ImportError> {
    master_book::read_master(name, bytes, &Limits::default(), opener)
}

/// A workbook parsed into its visible sheets (or why it could not be).
type Opened = Result<Vec<workbook::Sheet>, ImportError>;

/// Locks a mutex, taking the data even if another thread panicked while holding it.
fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// [`read_master_and_workbooks`] with every submission in one list, file after file.
pub fn read_master_and_submissions<N, B>(
    master: (&str, &[u8]),
    files: &[(N, B)],
    policy: &Policy,
    observe: &(dyn Fn(usize, Progress<'_>) + Sync),
) -> Result<(Master, Vec<Submission>), ImportError>
where
    N: AsRef<str> + Sync,
    B: AsRef<[u8]> + Sync,
{
    let (m, books) = read_master_and_workbooks(master, files, policy, observe)?;
    Ok((m, books.into_iter().flatten().collect()))
}

/// [`read_master`] and [`read_workbooks_reporting`] in one pipelined pass: the workers
/// parse the OPD workbooks while the master is being read, then interpret each against it
/// as soon as it is ready. Same results as the two calls in turn; faster on several cores
/// because the master (the largest workbook) no longer leaves the other cores idle.
/// A rejected master gives its error and no submissions.
pub fn read_master_and_workbooks<N, B>(
    master: (&str, &[u8]),
    files: &[(N, B)],
    policy: &Policy,
    observe: &(dyn Fn(usize, Progress<'_>) + Sync),
) -> Result<(Master, Vec<Vec<Submission>>), ImportError>
where
    N: AsRef<str> + Sync,
    B: AsRef<[u8]> + Sync,
{
    read_master_and_workbooks_using(&Opener::default(), master, files, policy, observe)
}

/// [`read_master_and_workbooks`] with every workbook opened by `opener`.
pub fn read_master_and_workbooks_using<N, B>(
    opener: &Opener,
    master: (&str, &[u8]),
    files: &[(N, B)],
    policy: &Policy,
    observe: &(dyn Fn(usize, Progress<'_>) + Sync),
) -> Result<(Master, Vec<Vec<Submission>>), ImportError>
where
    N: AsRef<str> + Sync,
    B: AsRef<[u8]> + Sync,
{
    let slot: OnceLock<Result<Master, ImportError>> = OnceLock::new();
    let ready = (Mutex::new(false), Condvar::new());
    let wait_master = || -> Option<&Master> {
        let (flag, cvar) = &ready;
        let mut done = lock(flag);
        while !*done {
            done = cvar.wait(done).unwrap_or_else(|e| e.into_inner());
        }
        slot.get()?.as_ref().ok()
    };
    let limits = Limits::default();
    let parsed: Mutex<Vec<(usize, Opened)>> = Mutex::new(Vec::new());
    let subs = std::thread::scope(|scope| {
        let workers = scope.spawn(|| {
            read_parallel(files, observe, &|take, deliver| {
                // Parse while the master is being read; interpret at once when it is there,
                // else keep the parsed workbook for after.
                while let Some(i) = take() {
                    let (name, bytes) = &files[i];
                    let opened = opener.open(name.as_ref(), bytes.as_ref(), &limits);
                    match slot.get() {
                        Some(Ok(m)) => deliver(i, interpret(name.as_ref(), opened, policy, m)),
                        Some(Err(_)) => return,
                        None => lock(&parsed).push((i, opened)),
                    }
                }
                let Some(m) = wait_master() else {
                    return;
                };
                // Every worker drains after its own last push, so nothing is left behind.
                loop {
                    let Some((i, opened)) = lock(&parsed).pop() else {
                        break;
                    };
                    deliver(i, interpret(files[i].0.as_ref(), opened, policy, m));
                }
            })
        });
        // Whatever happens to the master, the workers must be woken (or they wait forever).
        let read = catch_unwind(AssertUnwindSafe(|| {
            master_book::read_master(master.0, master.1, &limits, opener)
        }))
        .unwrap_or_else(|_| {
            Err(ImportError::Unreadable {
                file: master.0.to_string(),
                reason: "kesalahan internal saat membaca isi".to_string(),
            })
        });
        let _ = slot.set(read);
        let (flag, cvar) = &ready;
        *lock(flag) = true;
        cvar.notify_all();
        workers.join()
    });
    let (name, _) = master;
    let master = slot.into_inner().unwrap_or_else(|| {
        Err(ImportError::Unreadable {
            file: name.to_string(),
            reason: "pembacaan gagal".to_string(),
        })
    })?;
    let subs = subs.map_err(|_| ImportError::Unreadable {
        file: name.to_string(),
        reason: "kesalahan internal saat membaca berkas OPD".to_string(),
    })?;
    Ok((master, subs))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> (String, Vec<u8>) {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/import/");
        let bytes = std::fs::read(format!("{dir}{name}")).expect("fixture");
        (name.to_string(), bytes)
    }

    #[test]
    fn pipelined_read_equals_master_then_submissions() {
        let policy = fleksi_core::presets::by_id("lebak-2025-12").expect("preset");
        let master = fixture("master.xlsx");
        let files: Vec<(String, Vec<u8>)> = [
            "diskominfo.xlsx",
            "bkpsdm.xls",
            "rusak.xlsx",
            "dinkes.csv",
            "disdikbud.ods",
        ]
        .iter()
        .map(|n| fixture(n))
        .collect();
        let m = read_master(&master.0, &master.1).expect("master reads");
        let expected = read_submissions(&files, &policy, &m);
        let done = AtomicUsize::new(0);
        let (m2, subs) =
            read_master_and_submissions((&master.0, &master.1), &files, &policy, &|_, p| {
                if let Progress::Done(_) = p {
                    done.fetch_add(1, Ordering::Relaxed);
                }
            })
            .expect("master reads");
        assert_eq!(m2.employees, m.employees);
        assert_eq!(m2.units, m.units);
        assert_eq!(subs, expected);
        assert!(subs.iter().any(|s| !s.rows.is_empty()));
        assert_eq!(done.into_inner(), files.len());
    }

    #[test]
    fn pipelined_read_gives_the_master_error_without_hanging() {
        let policy = fleksi_core::presets::by_id("lebak-2025-12").expect("preset");
        let files = vec![fixture("diskominfo.xlsx"), fixture("dinkes.csv")];
        let bad = b"NIP;NAMA\n123;Andi\n".as_slice();
        let err = read_master_and_submissions(("master.csv", bad), &files, &policy, &|_, _| {})
            .expect_err("a master with a bad NIP is rejected");
        assert!(err.to_string().contains("master.csv"), "{err}");
    }

    #[test]
    fn fix_hints_give_an_example_date_from_the_letters_own_period() {
        let master = fixture("master.xlsx");
        let m = read_master(&master.0, &master.1).expect("master reads");
        let text = b"Nama;Catatan\nAndi;hadir\nBudi;hadir\n".as_slice();
        for (id, want) in [
            ("lebak-2025-12", "29-12-2025"),
            ("rejang-lebong-2026", "06-04-2026"),
        ] {
            let policy = fleksi_core::presets::by_id(id).expect("preset");
            let sub = read_submission("catatan.csv", text, &policy, &m);
            let f = sub
                .findings
                .iter()
                .find(|f| f.code == FindingCode::HeaderNotFound)
                .expect("no header row");
            assert!(f.hint.contains(&format!("mis. {want}")), "{id}: {}", f.hint);
        }
    }
}
