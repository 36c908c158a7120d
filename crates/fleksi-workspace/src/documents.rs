//! Documents of the working state, printed from a snapshot's windowed recap and the
//! findings: the lampiran PDF, the recap XLSX (both at once on two threads), and per unit
//! the OPD template and the annotated error workbook. A window too large to print at once is
//! refused with a suggestion to take a month.

use std::path::Path;

use fleksi_core::{fmt_id, Employee, Recap};
use fleksi_report::pdf::{lampiran, FontFamily, Orientation, Paper, PdfOptions};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::inputs::{to_u32, write_file, SavedFile};
use crate::session::Session;
use crate::snapshot::Snapshot;

/// Paper of the lampiran.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PaperChoice {
    F4,
    A4,
}

/// Orientation of the lampiran; `auto` chooses per lampiran by table width.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum OrientationChoice {
    Auto,
    Portrait,
    Landscape,
}

/// Font family of the lampiran.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FontChoice {
    Sans,
    Serif,
}

/// How the clerk wants the lampiran printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, TS)]
pub struct DocOptions {
    pub paper: PaperChoice,
    pub orientation: OrientationChoice,
    pub font: FontChoice,
}

impl Default for DocOptions {
    fn default() -> Self {
        DocOptions {
            paper: PaperChoice::F4,
            orientation: OrientationChoice::Auto,
            font: FontChoice::Sans,
        }
    }
}

impl DocOptions {
    /// `f4`/`folio` or `a4` (the CLI's `--paper`).
    pub fn with_paper(paper: &str) -> Result<DocOptions> {
        let paper = match paper.trim().to_ascii_lowercase().as_str() {
            "f4" | "folio" => PaperChoice::F4,
            "a4" => PaperChoice::A4,
            other => {
                return Err(Error::Document(format!(
                    "Ukuran kertas '{other}' tidak dikenal; pilih f4 atau a4."
                )))
            }
        };
        Ok(DocOptions {
            paper,
            ..DocOptions::default()
        })
    }
}

impl From<DocOptions> for PdfOptions {
    fn from(o: DocOptions) -> Self {
        PdfOptions {
            paper: match o.paper {
                PaperChoice::F4 => Paper::F4,
                PaperChoice::A4 => Paper::A4,
            },
            orientation: match o.orientation {
                OrientationChoice::Auto => None,
                OrientationChoice::Portrait => Some(Orientation::Portrait),
                OrientationChoice::Landscape => Some(Orientation::Landscape),
            },
            font: match o.font {
                FontChoice::Sans => FontFamily::Sans,
                FontChoice::Serif => FontFamily::Serif,
            },
            ..PdfOptions::default()
        }
    }
}

/// A row of the per-unit documents table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct UnitDocuments {
    pub code: String,
    pub name: String,
    pub submitted: bool,
    /// Sent, but no file of it could be read ("berkas tidak terbaca").
    pub unreadable: bool,
    pub exempt: bool,
    /// The latest file the unit sent, when it did.
    pub file: Option<String>,
    /// How many versions the unit sent.
    pub versions: u32,
    pub errors: u32,
    pub warnings: u32,
    /// Suggested file names for the save dialog.
    pub template_name: String,
    pub corrections_name: String,
}

/// Most employee × working-day cells a document is built for at once: 25,000 ASN over a
/// month of 23 working days with room to spare, within the 400 MB memory budget.
pub const MAX_DOCUMENT_CELLS: usize = 25_000 * 27;

/// Refuses a window too large to print at once, suggesting a month.
pub fn check_size(recap: &Recap) -> Result<()> {
    let staff: usize = recap.units.iter().map(|u| u.staff.len()).sum();
    if cells(recap) <= MAX_DOCUMENT_CELLS {
        return Ok(());
    }
    let first = recap.days.first().copied().unwrap_or(recap.from);
    let month_end = first
        .checked_add_months(chrono::Months::new(1))
        .and_then(|d| d.pred_opt())
        .unwrap_or(recap.to)
        .min(recap.to);
    Err(Error::Window(format!(
        "Rentang {} terlalu panjang untuk dicetak sekaligus ({} hari kerja × {staff} pegawai). \
         Pilih rentang paling lama satu bulan, misalnya {} s.d. {}.",
        fmt_id::period(recap.from, recap.to),
        recap.days.len(),
        fmt_id::date_short(first),
        fmt_id::date_short(month_end),
    )))
}

/// The lampiran PDF of a snapshot's window.
pub fn lampiran_bytes(snap: &Snapshot, options: DocOptions) -> Result<Vec<u8>> {
    check_size(&snap.recap)?;
    Ok(lampiran(
        &snap.session.policy,
        &snap.recap,
        &options.into(),
    )?)
}

/// The recap XLSX of a snapshot's window (findings of the window's dates and undated ones).
pub fn recap_bytes(snap: &Snapshot) -> Result<Vec<u8>> {
    check_size(&snap.recap)?;
    let findings: Vec<fleksi_core::Finding> = snap
        .session
        .findings
        .iter()
        .filter(|f| {
            f.date
                .is_none_or(|d| d >= snap.window.from && d <= snap.window.to)
        })
        .cloned()
        .collect();
    Ok(fleksi_report::xlsx::recap_workbook(
        &snap.session.policy,
        &snap.recap,
        &findings,
    )?)
}

/// The documents asked for: the lampiran PDF and the recap XLSX (each when asked).
pub type Documents = (Option<Vec<u8>>, Option<Vec<u8>>);

fn cells(recap: &Recap) -> usize {
    let staff: usize = recap.units.iter().map(|u| u.staff.len()).sum();
    staff.saturating_mul(recap.days.len())
}

/// The lampiran and the recap (each is optional), built at the same time on two threads.
/// (Both stream their bulk — page content as compressed bytes, the employee sheet to a
/// temporary file — so their peaks add little to the snapshot's own memory: 25,000 ASN ×
/// 23 days stay under 400 MB; see the `recap_window` bench.)
pub fn lampiran_and_recap(
    snap: &Snapshot,
    options: DocOptions,
    pdf: bool,
    xlsx: bool,
) -> Result<Documents> {
    check_size(&snap.recap)?;
    std::thread::scope(|scope| {
        let book = scope.spawn(|| xlsx.then(|| recap_bytes(snap)).transpose());
        let doc = pdf.then(|| lampiran_bytes(snap, options)).transpose();
        let book = book
            .join()
            .map_err(|_| Error::Internal("penulisan rekap XLSX terhenti".to_string()))?;
        Ok((doc?, book?))
    })
}

use fleksi_report::names::{
    corrections_file_name as corrections_name, template_file_name as template_name,
};

/// What stands between the working set and a clean lampiran, asked once before saving or
/// printing, and the file names the save dialogs suggest (from the letter, not an id).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PrintCheck {
    pub errors: u32,
    /// Files that could not be read at all.
    pub unreadable: u32,
    /// Why the lampiran is a draft (KONSEP): fields still to fill.
    pub to_fill: Vec<String>,
    /// One sentence for the confirmation, e.g. `14 kesalahan, 4 berkas tidak terbaca, nama
    /// penanda tangan belum diisi`; empty when nothing remains.
    pub summary: String,
    pub lampiran_name: String,
    pub recap_name: String,
}

/// The print check of a snapshot.
pub fn print_check(snap: &Snapshot) -> PrintCheck {
    let session = &snap.session;
    let (errors, _) = session.counts();
    let unreadable = to_u32(
        session
            .submissions
            .iter()
            .filter(|s| !crate::session::is_readable(s))
            .count(),
    );
    let to_fill = fleksi_report::pdf::draft_reasons(&session.policy);
    let mut parts = Vec::new();
    if errors > 0 {
        parts.push(format!("{errors} kesalahan"));
    }
    if unreadable > 0 {
        parts.push(format!("{unreadable} berkas tidak terbaca"));
    }
    parts.extend(to_fill.iter().cloned());
    PrintCheck {
        errors,
        unreadable,
        to_fill,
        summary: parts.join(", "),
        lampiran_name: fleksi_report::names::lampiran_file_name(&session.policy),
        recap_name: fleksi_report::names::recap_file_name(&session.policy),
    }
}

/// The per-unit documents table (units as the window's recap lists them).
pub fn unit_documents(snap: &Snapshot) -> Vec<UnitDocuments> {
    let session = &snap.session;
    snap.recap
        .units
        .iter()
        .map(|u| {
            let versions = session.sends_of(&u.code).count();
            let findings = session.findings_of_unit(&u.code);
            let errors = findings.iter().filter(|f| f.is_error()).count();
            UnitDocuments {
                code: u.code.clone(),
                name: u.name.clone(),
                submitted: u.submitted,
                unreadable: u.unreadable,
                exempt: u.exempt,
                file: session
                    .sends_of(&u.code)
                    .last()
                    .map(|(f, _)| f.name.clone()),
                versions: to_u32(versions),
                errors: to_u32(errors),
                warnings: to_u32(findings.len() - errors),
                template_name: template_name(&u.code, &u.name),
                corrections_name: corrections_name(&u.code, &u.name),
            }
        })
        .collect()
}

/// The template of one unit, prefilled with what the unit's sends say (merged by date).
pub fn template_bytes(session: &Session, unit: &str) -> Result<Vec<u8>> {
    let statuses = session
        .recap
        .units
        .iter()
        .find(|u| u.code == unit)
        .filter(|u| u.submitted)
        .map(|u| &u.staff);
    let days = &session.recap.days;
    let prefill = |e: &Employee, date: chrono::NaiveDate| {
        let staff = statuses?.iter().find(|s| s.nip == e.nip)?;
        let i = days.binary_search(&date).ok()?;
        staff.statuses.get(i).copied().flatten()
    };
    Ok(fleksi_report::template::opd_template_prefilled(
        &session.policy,
        &session.master,
        unit,
        &prefill,
    )?)
}

/// Templates of every unit with staff into `folder`.
pub fn save_all_templates(session: &Session, folder: &Path) -> Result<SavedFile> {
    let mut total = 0usize;
    let mut files = 0u32;
    for u in &session.master.units {
        if session.master.staff_count(&u.code) == 0 {
            continue;
        }
        let bytes = template_bytes(session, &u.code)?;
        write_file(&folder.join(template_name(&u.code, &u.name)), &bytes)?;
        total += bytes.len();
        files += 1;
    }
    Ok(SavedFile {
        path: folder.display().to_string(),
        bytes: to_u32(total),
        files,
    })
}

/// The annotated error workbook of the latest file a unit sent, with the findings of all
/// its sends that still count.
pub fn corrections_bytes(session: &Session, unit: &str) -> Result<Vec<u8>> {
    let sub = session.submission_of(unit).ok_or_else(|| {
        Error::UnitUnknown(format!(
            "Unit '{unit}' belum mengirim berkas jadwal, jadi belum ada berkas koreksi."
        ))
    })?;
    let findings: Vec<_> = session.findings_in(&sub.file).cloned().collect();
    Ok(fleksi_report::corrections::error_workbook(sub, &findings)?)
}

/// The documents of the current working state, saved where the clerk chose (what the
/// app's Rekap & Cetak buttons call; each builds from the snapshot of that moment).
impl crate::Workspace {
    /// The lampiran PDF's bytes (the preview).
    pub fn lampiran(&self, options: DocOptions) -> Result<Vec<u8>> {
        lampiran_bytes(&*self.snapshot()?, options)
    }

    pub fn save_lampiran(&self, options: DocOptions, path: &Path) -> Result<SavedFile> {
        self.recorded("Lampiran PDF", write_file(path, &self.lampiran(options)?))
    }

    pub fn save_recap(&self, path: &Path) -> Result<SavedFile> {
        let bytes = recap_bytes(&*self.snapshot()?)?;
        self.recorded("Rekap XLSX", write_file(path, &bytes))
    }

    pub fn print_check(&self) -> Result<PrintCheck> {
        Ok(print_check(&*self.snapshot()?))
    }

    pub fn unit_documents(&self) -> Result<Vec<UnitDocuments>> {
        Ok(unit_documents(&*self.snapshot()?))
    }

    pub fn save_template(&self, unit: &str, path: &Path) -> Result<SavedFile> {
        let bytes = template_bytes(&self.snapshot()?.session, unit)?;
        self.recorded(&format!("Templat jadwal {unit}"), write_file(path, &bytes))
    }

    pub fn save_all_templates(&self, folder: &Path) -> Result<SavedFile> {
        let saved = save_all_templates(&self.snapshot()?.session, folder);
        self.recorded("Templat jadwal semua unit", saved)
    }

    pub fn save_corrections(&self, unit: &str, path: &Path) -> Result<SavedFile> {
        let bytes = corrections_bytes(&self.snapshot()?.session, unit)?;
        self.recorded(&format!("Berkas koreksi {unit}"), write_file(path, &bytes))
    }

    /// A saved document leaves a trace for whoever helps the clerk later: a log line and an
    /// audit entry with its path and size (a failed audit write is only logged; the file is
    /// saved).
    fn recorded(&self, what: &str, saved: Result<SavedFile>) -> Result<SavedFile> {
        match &saved {
            Ok(s) => {
                log::info!(
                    "{what} disimpan: {} ({} byte, {} berkas)",
                    s.path,
                    s.bytes,
                    s.files
                );
                let detail = format!("{what} disimpan ke {}.", s.path);
                if let Err(err) =
                    self.with_store(|st| st.log_audit(fleksi_store::action::DOCUMENT, &detail))
                {
                    log::warn!("jejak audit tidak tercatat: {err}");
                }
            }
            Err(err) => log::warn!("{what} tidak tersimpan: {err}"),
        }
        saved
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::tests::{fixture, lebak_session};
    use crate::snapshot::today;
    use std::sync::Arc;

    fn snapshot() -> Snapshot {
        let mut s = lebak_session();
        s.add(
            vec![fixture("diskominfo.xlsx"), fixture("bkpsdm.xls")],
            &|_, _| {},
        );
        Snapshot::new(Arc::new(s), false, None, false, today())
    }

    fn media_width(pdf: &[u8]) -> f64 {
        let text = String::from_utf8_lossy(pdf);
        let media = text
            .split("/MediaBox")
            .nth(1)
            .expect("a MediaBox")
            .split(']')
            .next()
            .unwrap_or("")
            .to_string();
        media
            .trim_start_matches([' ', '['])
            .split_whitespace()
            .nth(2)
            .and_then(|w| w.parse().ok())
            .expect("MediaBox width")
    }

    #[test]
    fn lampiran_follows_the_paper_choice_and_recap_comes_alongside() {
        let s = snapshot();
        for (paper, width_mm) in [(PaperChoice::F4, 215.0), (PaperChoice::A4, 210.0)] {
            let options = DocOptions {
                paper,
                orientation: OrientationChoice::Portrait,
                font: FontChoice::Sans,
            };
            let (pdf, xlsx) = lampiran_and_recap(&s, options, true, true).expect("documents");
            let pdf = pdf.expect("pdf");
            assert!(pdf.starts_with(b"%PDF-"));
            assert!((media_width(&pdf) - width_mm * 72.0 / 25.4).abs() < 1.0);
            assert!(xlsx.expect("xlsx").starts_with(b"PK"));
        }
        assert!(DocOptions::with_paper("legal").is_err());
    }

    #[test]
    fn a_window_too_large_to_print_is_refused_with_a_month_suggested() {
        let s = snapshot();
        let mut recap = s.recap.clone();
        let unit = recap.units[0].clone();
        let staff = unit.staff[0].clone();
        recap.units[0].staff = vec![staff; MAX_DOCUMENT_CELLS / recap.days.len() + 1];
        let err = check_size(&recap).expect_err("too large");
        let text = err.to_string();
        assert!(
            text.contains("Pilih rentang paling lama satu bulan"),
            "{text}"
        );
        assert!(text.contains("29-12-2025 s.d."), "{text}");
        assert!(check_size(&s.recap).is_ok());
    }

    #[test]
    fn unit_table_offers_corrections_only_for_senders() {
        let s = snapshot();
        let units = unit_documents(&s);
        assert_eq!(units.len(), s.session.master.units.len());
        let sent: Vec<_> = units.iter().filter(|u| u.file.is_some()).collect();
        assert_eq!(sent.len(), 2);
        assert!(sent.iter().all(|u| u.versions == 1));
        let book = corrections_bytes(&s.session, &sent[0].code).expect("error workbook");
        assert!(book.starts_with(b"PK"));
        let silent = units
            .iter()
            .find(|u| u.file.is_none())
            .expect("a unit without file");
        let err = corrections_bytes(&s.session, &silent.code).expect_err("nothing sent");
        assert!(err.to_string().contains("belum mengirim"));
        assert!(sent[0].template_name.ends_with(".xlsx"));
        let check = print_check(&s);
        assert!(
            check.errors > 0 && check.summary.contains("kesalahan"),
            "{check:?}"
        );
        assert!(
            check.lampiran_name.starts_with("Lampiran SE "),
            "{}",
            check.lampiran_name
        );
        assert!(!check.lampiran_name.contains("lebak-2025-12"));
        assert!(!sent[0].template_name.contains('/'));
    }

    #[test]
    fn templates_prefill_what_the_unit_sent_and_reimport_cleanly() {
        let s = snapshot();
        let session = &s.session;
        let sub = session
            .submissions
            .iter()
            .find(|x| x.unit.is_some())
            .expect("a unit");
        let unit = sub.unit.clone().expect("unit");
        let bytes = template_bytes(session, &unit).expect("template");
        let back = fleksi_import::read_submission(
            "templat.xlsx",
            &bytes,
            &session.policy,
            &session.master,
        );
        assert_eq!(back.unit.as_deref(), Some(unit.as_str()));
        let filled = back
            .rows
            .iter()
            .flat_map(|r| &r.entries)
            .filter(|e| e.status.is_some())
            .count();
        assert!(filled > 0, "prefilled statuses come back");
        let dir = std::env::temp_dir().join(format!("fleksi-ws-templates-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let saved = save_all_templates(session, &dir).expect("all templates");
        let with_staff = session
            .master
            .units
            .iter()
            .filter(|u| session.master.staff_count(&u.code) > 0)
            .count();
        assert_eq!(saved.files as usize, with_staff);
        assert_eq!(
            std::fs::read_dir(&dir).map(|d| d.count()).unwrap_or(0),
            with_staff
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}
