//! What the Impor Jadwal screen shows of the working set: one result line per file (unit
//! recognised, layout, rows, version, dates covered, errors/warnings) and the totals.

use fleksi_core::{fmt_id, FindingCode, Layout, Submission, Verdict};
use serde::Serialize;
use ts_rs::TS;

use crate::inputs::to_u32;
use crate::session::{is_readable, Session, SetFile};
use crate::snapshot::Snapshot;
use crate::window::ReportWindow;

/// The result line of one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FileResult {
    /// File name (no folder) — or the path as given on the command line.
    pub name: String,
    /// The sheet this line reads, when the file holds several units (one line per unit).
    pub sheet: Option<String>,
    pub unit_code: Option<String>,
    /// The unit's name in the master, when recognised.
    pub unit_name: Option<String>,
    /// `Lebar (satu kolom per tanggal)` or `Panjang (satu baris per tanggal)`; `None` when no
    /// table was found.
    pub layout: Option<String>,
    /// Staff rows read.
    pub rows: u32,
    pub errors: u32,
    pub warnings: u32,
    /// False when the file could not be read at all (`file.unreadable`).
    pub readable: bool,
    /// Why nothing was read (unreadable file, no header row), in Indonesian.
    pub problem: Option<String>,
    /// True when the file opened but no table was recognised (`header.not_found`): the
    /// clerk can say which column is what ("Atur kolom…"). A file that is not a spreadsheet,
    /// is damaged or too big (`file.unreadable`) has nothing to map.
    pub mappable: bool,
    /// The unit's version number of this send (`Versi kiriman`).
    pub version: u32,
    /// Dates the file covers, e.g. `29-12-2025 s.d. 31-12-2025 (3 tanggal)`.
    pub covers: Option<String>,
    /// What the file did to the set, e.g. `Mengganti 5 tanggal dari kiriman sebelumnya.`
    pub note: Option<String>,
    /// True when the file changed nothing (its bytes were in the set already).
    pub unchanged: bool,
    /// How the file was read when its headings were not recognised, e.g. `kolom D
    /// ("Rencana Lokasi Kerja") dibaca sebagai keterangan (isi: WFO/WFA)`.
    pub read_as: Vec<String>,
    /// Database id of the send (to remove it or show its history); `None` before saving.
    #[ts(type = "number | null")]
    pub submission_id: Option<i64>,
}

/// The working set at a glance (Impor Jadwal, Beranda, Temuan headers).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct SessionSummary {
    pub policy_id: String,
    /// E.g. `Surat Edaran Bupati Lebak Nomor …`.
    pub policy_title: String,
    /// E.g. `29 Desember 2025 – 31 Desember 2025`.
    pub period: String,
    /// The reporting window of documents and the grid.
    pub window: ReportWindow,
    /// The master workbook's file name.
    pub master_name: String,
    pub units: u32,
    pub staff: u32,
    /// Working days in the window.
    pub days: u32,
    /// Every file in the set, in the order they came.
    pub files: Vec<FileResult>,
    pub errors: u32,
    pub warnings: u32,
    pub submitted_units: u32,
    /// Unit-days above the cap (in the window).
    pub over_cap: u32,
    /// True when the set is the bundled demo regency.
    pub demo: bool,
}

/// `29-12-2025 s.d. 31-12-2025 (3 tanggal)`.
pub fn covers_text(sub: &Submission) -> Option<String> {
    let first = sub.dates.iter().min()?;
    let last = sub.dates.iter().max()?;
    let n = sub.dates.len();
    Some(if first == last {
        fmt_id::date_short(*first)
    } else {
        format!(
            "{} s.d. {} ({n} tanggal)",
            fmt_id::date_short(*first),
            fmt_id::date_short(*last)
        )
    })
}

impl FileResult {
    /// The line for the file at `index` of the set, as it stands (rule findings included).
    pub fn of(session: &Session, index: usize) -> FileResult {
        let file = &session.files[index];
        let sub = &session.submissions[index];
        let (mut errors, mut warnings) = (0, 0);
        for f in session.findings_of_entry(index) {
            if f.is_error() {
                errors += 1;
            } else {
                warnings += 1;
            }
        }
        let fatal = sub.findings.iter().find(|f| {
            matches!(
                f.code,
                FindingCode::FileUnreadable | FindingCode::HeaderNotFound
            )
        });
        let has_table = !(sub.rows.is_empty() && sub.dates.is_empty());
        let several = session.is_part(index);
        FileResult {
            name: file.name.clone(),
            sheet: several.then(|| sub.sheet.clone()),
            unit_code: sub.unit.clone(),
            unit_name: sub
                .unit
                .as_deref()
                .and_then(|u| session.master.unit(u))
                .map(|u| u.name.clone()),
            layout: has_table.then(|| layout_label(sub.layout).to_string()),
            rows: to_u32(sub.rows.len()),
            errors,
            warnings,
            readable: is_readable(sub),
            problem: fatal.map(|f| f.message.clone()),
            mappable: fatal.is_some_and(|f| f.code == FindingCode::HeaderNotFound),
            version: file.version,
            covers: covers_text(sub),
            note: send_note(session, index),
            unchanged: false,
            read_as: sub.notes.clone(),
            submission_id: file.stored.as_ref().map(|s| s.submission_id),
        }
    }

    /// The line of a file whose bytes were in the set already.
    pub fn unchanged(name: &str, same_as: &str) -> FileResult {
        FileResult {
            name: name.to_string(),
            sheet: None,
            unit_code: None,
            unit_name: None,
            layout: None,
            rows: 0,
            errors: 0,
            warnings: 0,
            readable: true,
            problem: None,
            mappable: false,
            version: 0,
            covers: None,
            note: Some(format!(
                "Isinya sama persis dengan '{same_as}' yang sudah diimpor; tidak ada yang berubah."
            )),
            unchanged: true,
            read_as: Vec::new(),
            submission_id: None,
        }
    }
}

/// What a send did to its unit's dates: added new ones, replaced sent ones, or both — or
/// that later sends replaced all of its dates (it no longer counts).
fn send_note(session: &Session, index: usize) -> Option<String> {
    let sub = &session.submissions[index];
    let unit = sub.unit.as_deref()?;
    let later: std::collections::HashSet<chrono::NaiveDate> = session
        .files
        .iter()
        .zip(&session.submissions)
        .skip(index + 1)
        .filter(|(_, s)| s.unit.as_deref() == Some(unit))
        .flat_map(|(_, s)| s.dates.iter().copied())
        .collect();
    if !sub.dates.is_empty() && sub.dates.iter().all(|d| later.contains(d)) {
        return Some(
            "Semua tanggalnya sudah diganti oleh kiriman yang lebih baru; berkas ini tidak dihitung lagi."
                .to_string(),
        );
    }
    let earlier: Vec<&SetFile> = session
        .sends_of(unit)
        .take_while(|(f, _)| !std::ptr::eq(*f, &session.files[index]))
        .map(|(f, _)| f)
        .collect();
    if earlier.is_empty() {
        return None;
    }
    let before: std::collections::HashSet<chrono::NaiveDate> = session
        .sends_of(unit)
        .take(earlier.len())
        .flat_map(|(_, s)| s.dates.iter().copied())
        .collect();
    let replaced = sub.dates.iter().filter(|d| before.contains(d)).count();
    let new = sub.dates.len() - replaced;
    Some(match (new, replaced) {
        (0, 0) => "Tidak memuat tanggal.".to_string(),
        (n, 0) => format!("Menambah {n} tanggal baru."),
        (0, r) => format!("Mengganti {r} tanggal dari kiriman sebelumnya."),
        (n, r) => {
            format!("Menambah {n} tanggal baru dan mengganti {r} tanggal yang sudah dikirim.")
        }
    })
}

/// `BUPATI LEBAK` → `Bupati Lebak` (how a letter's issuer reads in a sentence).
fn title_case(text: &str) -> String {
    text.split_whitespace()
        .map(|w| {
            let mut chars = w.chars();
            match chars.next() {
                Some(first) => first
                    .to_uppercase()
                    .chain(chars.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<String>>()
        .join(" ")
}

/// The layout in the clerk's words.
pub fn layout_label(layout: Layout) -> &'static str {
    match layout {
        Layout::Wide => "Lebar (satu kolom per tanggal)",
        Layout::Long => "Panjang (satu baris per tanggal)",
    }
}

/// `Surat Edaran Bupati Lebak Nomor …`.
pub fn policy_title(p: &fleksi_core::Policy) -> String {
    format!(
        "{} {} Nomor {}",
        p.kind.label(),
        title_case(&p.issuer_title),
        p.number
    )
}

impl SessionSummary {
    pub fn of(snap: &Snapshot) -> SessionSummary {
        let session = &snap.session;
        let p = &session.policy;
        let (errors, warnings) = session.counts();
        SessionSummary {
            policy_id: p.id.clone(),
            policy_title: policy_title(p),
            period: fmt_id::period(p.start, p.end),
            window: snap.window_view(),
            master_name: session.master_file.name.clone(),
            units: to_u32(session.master.units.len()),
            staff: to_u32(session.master.employees.len()),
            days: to_u32(snap.recap.days.len()),
            files: (0..session.files.len())
                .map(|i| FileResult::of(session, i))
                .collect(),
            errors,
            warnings,
            submitted_units: to_u32(snap.recap.units.iter().filter(|u| u.submitted).count()),
            over_cap: to_u32(
                snap.recap
                    .units
                    .iter()
                    .flat_map(|u| &u.days)
                    .filter(|d| d.verdict == Verdict::OverCap)
                    .count(),
            ),
            demo: snap.demo,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::tests::{fixture, lebak_session};
    use crate::snapshot::today;
    use std::sync::Arc;

    #[test]
    fn result_lines_name_unit_layout_rows_and_problems() {
        let mut s = lebak_session();
        s.add(
            vec![fixture("diskominfo.xlsx"), fixture("rusak.xlsx")],
            &|_, _| {},
        );
        let snap = Snapshot::new(Arc::new(s), false, None, false, today());
        let summary = SessionSummary::of(&snap);
        assert_eq!(summary.policy_id, "lebak-2025-12");
        assert!(
            summary
                .policy_title
                .starts_with("Surat Edaran Bupati Lebak Nomor "),
            "{}",
            summary.policy_title
        );
        assert_eq!(summary.files.len(), 2);
        let ok = &summary.files[0];
        assert_eq!(ok.name, "diskominfo.xlsx");
        assert!(ok.unit_code.is_some() && ok.unit_name.is_some());
        assert!(ok.rows > 0);
        assert_eq!(ok.version, 1);
        assert!(
            ok.covers
                .as_deref()
                .is_some_and(|c| c.contains("29-12-2025")),
            "{:?}",
            ok.covers
        );
        assert_eq!(ok.layout.as_deref(), Some("Lebar (satu kolom per tanggal)"));
        let bad = &summary.files[1];
        assert!(!bad.readable);
        assert_eq!(bad.rows, 0);
        assert!(bad.errors >= 1);
        assert!(bad
            .problem
            .as_deref()
            .is_some_and(|m| m.contains("rusak.xlsx")));
        let per_file: u32 = summary.files.iter().map(|f| f.errors).sum();
        assert!(per_file <= summary.errors);
        assert_eq!(summary.submitted_units, 1);
        assert_eq!(summary.window.label, "29 Desember 2025 – 31 Desember 2025");
    }

    #[test]
    fn a_file_read_by_its_content_says_how() {
        let mut s = lebak_session();
        let path =
            crate::session::tests::fixtures_dir().join("../content/rencana_lokasi_dinkes.csv");
        let bytes = std::fs::read(path).expect("content fixture");
        s.add(
            vec![crate::InputFile::new("rencana_lokasi_dinkes.csv", bytes)],
            &|_, _| {},
        );
        let line = FileResult::of(&s, 0);
        assert!(line.rows > 0, "{line:?}");
        assert!(
            line.read_as
                .iter()
                .any(|n| n.contains("Rencana Lokasi Kerja") && n.contains("keterangan")),
            "{line:?}"
        );
    }
}
