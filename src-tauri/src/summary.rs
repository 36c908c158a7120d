//! What the Impor Jadwal screen shows of the working set: one result line per file (unit
//! recognised, layout, rows, errors/warnings) and the totals, computed from a [`Session`].

use fleksi_core::{fmt_id, FindingCode, Layout, Submission};
use serde::Serialize;
use ts_rs::TS;

use crate::session::{to_u32, Session};

/// The result line of one imported file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FileResult {
    /// File name (no folder).
    pub name: String,
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
    /// True when a later file of the same import replaced this one (same unit or name).
    pub replaced: bool,
}

/// The working set at a glance (Impor Jadwal, Beranda, Temuan headers).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct SessionSummary {
    pub policy_id: String,
    /// E.g. `Surat Edaran Bupati Lebak Nomor …`.
    pub policy_title: String,
    /// E.g. `29 Desember 2025 – 31 Desember 2025`.
    pub period: String,
    /// The master workbook's file name.
    pub master_name: String,
    pub units: u32,
    pub staff: u32,
    /// Working days of the period.
    pub days: u32,
    /// Every file in the set, in import order.
    pub files: Vec<FileResult>,
    pub errors: u32,
    pub warnings: u32,
    pub submitted_units: u32,
    /// Unit-days above the cap.
    pub over_cap: u32,
    /// True when the set is the bundled demo regency.
    pub demo: bool,
}

impl FileResult {
    /// The line for `sub` as it stands in the set (rule findings included).
    pub fn of(session: &Session, sub: &Submission) -> FileResult {
        let mut errors = 0;
        let mut warnings = 0;
        for f in session
            .findings
            .iter()
            .filter(|f| f.file.as_deref() == Some(sub.file.as_str()))
        {
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
        FileResult {
            name: sub.file.clone(),
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
            replaced: false,
        }
    }

    /// The line for a file of this import that a later file of the same import replaced.
    pub fn replaced(name: &str) -> FileResult {
        FileResult {
            name: name.to_string(),
            unit_code: None,
            unit_name: None,
            layout: None,
            rows: 0,
            errors: 0,
            warnings: 0,
            readable: true,
            problem: Some(
                "Digantikan oleh berkas lain untuk unit yang sama dalam impor ini.".to_string(),
            ),
            replaced: true,
        }
    }
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

/// False when the file could not be read at all (`file.unreadable`).
pub fn is_readable(sub: &Submission) -> bool {
    !sub.findings
        .iter()
        .any(|f| f.code == FindingCode::FileUnreadable)
}

/// The layout in the clerk's words.
pub fn layout_label(layout: Layout) -> &'static str {
    match layout {
        Layout::Wide => "Lebar (satu kolom per tanggal)",
        Layout::Long => "Panjang (satu baris per tanggal)",
    }
}

impl SessionSummary {
    pub fn of(session: &Session, demo: bool) -> SessionSummary {
        let p = &session.policy;
        let (errors, warnings) = session.counts();
        SessionSummary {
            policy_id: p.id.clone(),
            policy_title: format!(
                "{} {} Nomor {}",
                p.kind.label(),
                title_case(&p.issuer_title),
                p.number
            ),
            period: fmt_id::period(p.start, p.end),
            master_name: session.master_file.name.clone(),
            units: to_u32(session.master.units.len()),
            staff: to_u32(session.master.employees.len()),
            days: to_u32(session.recap.days.len()),
            files: session
                .submissions
                .iter()
                .map(|s| FileResult::of(session, s))
                .collect(),
            errors,
            warnings,
            submitted_units: to_u32(session.recap.units.iter().filter(|u| u.submitted).count()),
            over_cap: to_u32(
                session
                    .recap
                    .units
                    .iter()
                    .flat_map(|u| &u.days)
                    .filter(|d| d.verdict == fleksi_core::Verdict::OverCap)
                    .count(),
            ),
            demo,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::tests::{fixture, lebak_session};

    #[test]
    fn result_lines_name_unit_layout_rows_and_problems() {
        let mut s = lebak_session();
        s.add(
            vec![fixture("diskominfo.xlsx"), fixture("rusak.xlsx")],
            &|_, _| {},
        );
        let summary = SessionSummary::of(&s, false);
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
    }
}
