//! Susun jadwal over the working state: proposes a compliant schedule (`fleksi-propose`) for
//! one unit or all units over the reporting window, keeping what the working set already
//! knows (leave, dinas luar, … of the proposed units; every day of the units not proposed),
//! shows it as a preview grid, writes it as the unit's OPD template prefilled ("Unduh sebagai
//! templat") or imports that template as the unit's next version ("Pakai sebagai jadwal",
//! file `Usulan BKPSDM – <unit>.xlsx`).

use std::path::Path;

use chrono::NaiveDate;
use fleksi_core::{fmt_id, Employee, Nip, Status};
use fleksi_propose::{Known, Options, PersonPlan, Proposal, Request, UnitPlan};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::import::ImportOutcome;
use crate::inputs::{write_file, InputFile, SavedFile};
use crate::session::Session;
use crate::snapshot::Snapshot;
use crate::workspace::Workspace;

/// What the approval column of a proposed WFA row says: a waiting word, so the importer
/// reads it as unclear (a warning naming the cell) until the superior puts a paraf.
pub const APPROVAL_WAITING: &str = "Perlu persetujuan (menunggu paraf atasan)";

/// The clerk's choices beyond the policy (defaults: one head at the office, no bidang rule).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize, TS)]
pub struct ProposeOptions {
    /// Heads (kepala, sekretaris, kabid, camat, lurah, …) kept at the office per unit.
    #[ts(optional, type = "number")]
    #[serde(default)]
    pub heads_in_office: Option<u32>,
    /// At least this many of each bidang at the office each day.
    #[ts(optional, type = "number")]
    #[serde(default)]
    pub per_bidang: Option<u32>,
}

impl ProposeOptions {
    fn to_options(&self) -> Options {
        let d = Options::default();
        Options {
            heads_in_office: self.heads_in_office.unwrap_or(d.heads_in_office),
            per_bidang: self.per_bidang.or(d.per_bidang),
        }
    }
}

/// A proposal as the preview grid shows it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ProposalView {
    /// ISO dates of the window and of its working days.
    pub from: String,
    pub to: String,
    pub days: Vec<String>,
    pub units: Vec<UnitProposalView>,
    /// Rules that could not all hold (empty: every rule holds).
    pub shortfalls: Vec<ShortfallView>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct UnitProposalView {
    pub code: String,
    pub name: String,
    pub exempt: bool,
    /// WFA rows are marked "perlu persetujuan" in the template.
    pub needs_approval: bool,
    /// `Usulan BKPSDM – <unit>.xlsx`.
    pub file_name: String,
    /// Per day: WFA and at the office (WFO/PIKET).
    pub wfa: Vec<u32>,
    pub office: Vec<u32>,
    pub people: Vec<PersonProposalView>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct PersonProposalView {
    pub nip: String,
    pub name: String,
    pub position: String,
    pub head: bool,
    /// Per day: the status code (`WFO`, `WFA`, `PIKET`, `CUTI`, …).
    pub statuses: Vec<String>,
    /// Per day: kept from what was known.
    pub known: Vec<bool>,
    pub wfa_days: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ShortfallView {
    /// `piket.understaffed`, `wfa.quota_exceeded`, `propose.head_absent`, …
    pub rule: String,
    pub unit: String,
    /// ISO date, when the shortfall is on one day.
    pub date: Option<String>,
    pub message: String,
}

/// Proposes for `unit` (`None`: every unit with staff) over the window of `snap`.
pub fn propose_in(
    snap: &Snapshot,
    unit: Option<&str>,
    options: &ProposeOptions,
) -> Result<Proposal> {
    let session = &snap.session;
    if let Some(code) = unit {
        unit_known(session, code)?;
    }
    let (from, to) = (snap.window.from, snap.window.to);
    let mut request = Request::new(&session.policy, &session.master, from, to);
    request.units = unit.map(|u| vec![u.to_string()]).unwrap_or_default();
    request.known = known_of(session, unit, from, to);
    request.options = options.to_options();
    Ok(fleksi_propose::propose(&request))
}

fn unit_known(session: &Session, code: &str) -> Result<()> {
    match session.master.unit(code) {
        Some(_) if session.master.staff_count(code) > 0 => Ok(()),
        Some(u) => Err(Error::UnitUnknown(format!(
            "{} tidak memiliki pegawai dalam data pegawai; tidak ada jadwal yang dapat disusun.",
            u.name
        ))),
        None => Err(Error::UnitUnknown(format!(
            "Perangkat daerah dengan kode '{code}' tidak ada dalam data pegawai."
        ))),
    }
}

/// What the working set already says inside `from..=to`: for the units being proposed
/// (`target`; `None`: all) their days away (leave, sick, dinas/tugas luar, study); for every
/// other unit each day it sent (its WFA counts toward the shared cap).
pub fn known_of(session: &Session, target: Option<&str>, from: NaiveDate, to: NaiveDate) -> Known {
    let mut known = Known::new();
    let days = &session.recap.days;
    for u in session.recap.units.iter().filter(|u| u.submitted) {
        let proposed = target.is_none_or(|t| t == u.code);
        for s in &u.staff {
            for (i, status) in s.statuses.iter().enumerate() {
                let (Some(status), Some(&date)) = (status, days.get(i)) else {
                    continue;
                };
                if date < from || date > to {
                    continue;
                }
                let away = !status.is_office() && *status != Status::Wfa;
                if !proposed || away {
                    known.insert(s.nip, date, *status);
                }
            }
        }
    }
    known
}

/// `Usulan BKPSDM – Dinas Kesehatan.xlsx` (characters unsafe in file names replaced).
pub fn proposal_file_name(unit: &UnitPlan) -> String {
    let safe: String = unit
        .name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, ' ' | '-' | '.' | ',' | '(' | ')') {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("Usulan BKPSDM \u{2013} {}.xlsx", safe.trim())
}

/// The OPD template of `unit` prefilled with its proposal: the window's dates only, the
/// dropdowns kept, WFA rows marked "perlu persetujuan" when the policy needs approval, and
/// a note on the Petunjuk sheet that BKPSDM proposed it.
pub fn proposal_template(session: &Session, proposal: &Proposal, unit: &str) -> Result<Vec<u8>> {
    let plan = proposal.unit(unit).ok_or_else(|| {
        Error::UnitUnknown(format!(
            "Usulan jadwal tidak memuat unit dengan kode '{unit}'."
        ))
    })?;
    let by_nip: std::collections::HashMap<Nip, &PersonPlan> =
        plan.people.iter().map(|p| (p.nip, p)).collect();
    let days = &proposal.days;
    let status = |e: &Employee, date: NaiveDate| {
        let i = days.binary_search(&date).ok()?;
        by_nip.get(&e.nip)?.statuses.get(i).copied()
    };
    let approval = |e: &Employee| {
        by_nip
            .get(&e.nip)
            .filter(|p| p.wfa_days() > 0)
            .map(|_| APPROVAL_WAITING.to_string())
    };
    let prefill = fleksi_report::template::Prefill {
        window: Some((proposal.from, proposal.to)),
        status: &status,
        approval: plan
            .needs_approval
            .then_some(&approval as fleksi_report::template::ApprovalText),
        note: Some(format!(
            "Jadwal ini diusulkan BKPSDM (Susun jadwal Fleksi) untuk {}: memenuhi ketentuan \
             Surat Edaran. Keterangan tetap dapat diubah lewat daftar pilihan.",
            fmt_id::period(proposal.from, proposal.to)
        )),
    };
    Ok(fleksi_report::template::opd_template_with(
        &session.policy,
        &session.master,
        unit,
        &prefill,
    )?)
}

/// The proposal for the preview grid.
pub fn view(proposal: &Proposal) -> ProposalView {
    let n = proposal.days.len();
    ProposalView {
        from: proposal.from.to_string(),
        to: proposal.to.to_string(),
        days: proposal.days.iter().map(|d| d.to_string()).collect(),
        units: proposal
            .units
            .iter()
            .map(|u| UnitProposalView {
                code: u.code.clone(),
                name: u.name.clone(),
                exempt: u.exempt,
                needs_approval: u.needs_approval,
                file_name: proposal_file_name(u),
                wfa: (0..n)
                    .map(|d| {
                        u.people
                            .iter()
                            .filter(|p| p.statuses[d] == Status::Wfa)
                            .count() as u32
                    })
                    .collect(),
                office: (0..n).map(|d| u.in_office(d) as u32).collect(),
                people: u
                    .people
                    .iter()
                    .map(|p| PersonProposalView {
                        nip: p.nip.as_str().to_string(),
                        name: p.name.clone(),
                        position: p.position.clone(),
                        head: p.head,
                        statuses: p.statuses.iter().map(|s| s.code().to_string()).collect(),
                        known: p.known.clone(),
                        wfa_days: p.wfa_days() as u32,
                    })
                    .collect(),
            })
            .collect(),
        shortfalls: proposal
            .shortfalls
            .iter()
            .map(|s| ShortfallView {
                rule: s.rule.clone(),
                unit: s.unit.clone(),
                date: s.date.map(|d| d.to_string()),
                message: s.message.clone(),
            })
            .collect(),
    }
}

impl Workspace {
    /// Susun jadwal: the proposal for `unit` (`None`: every unit) over the current window.
    pub fn propose(&self, unit: Option<&str>, options: &ProposeOptions) -> Result<ProposalView> {
        Ok(view(&propose_in(&*self.snapshot()?, unit, options)?))
    }

    /// "Unduh sebagai templat": the unit's proposal as its prefilled OPD template at `path`.
    pub fn save_proposal_template(
        &self,
        unit: &str,
        options: &ProposeOptions,
        path: &Path,
    ) -> Result<SavedFile> {
        let snap = self.snapshot()?;
        let proposal = propose_in(&snap, Some(unit), options)?;
        write_file(path, &proposal_template(&snap.session, &proposal, unit)?)
    }

    /// "Pakai sebagai jadwal": imports the unit's proposal (its prefilled template, named
    /// `Usulan BKPSDM – <unit>.xlsx`) into the working set as the unit's next version.
    pub fn use_proposal(&self, unit: &str, options: &ProposeOptions) -> Result<ImportOutcome> {
        let snap = self.snapshot()?;
        let proposal = propose_in(&snap, Some(unit), options)?;
        let plan = proposal
            .unit(unit)
            .ok_or_else(|| Error::UnitUnknown(format!("Tidak ada usulan untuk '{unit}'.")))?;
        let bytes = proposal_template(&snap.session, &proposal, unit)?;
        let file = InputFile::new(proposal_file_name(plan), bytes);
        let policy = snap.session.policy.clone();
        drop(snap);
        self.import_files(policy, None, vec![file], None, &|_| {})
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::tests::fixture;
    use fleksi_core::Severity;

    /// A workspace over a fresh database with Lebak's master and `files` imported.
    fn workspace(tag: &str, files: Vec<InputFile>) -> (Workspace, std::path::PathBuf) {
        let dir =
            std::env::temp_dir().join(format!("fleksi-ws-propose-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("scratch folder");
        let ws = Workspace::new(dir.join("fleksi.sqlite3"), None);
        ws.load();
        let policy = fleksi_core::presets::by_id("lebak-2025-12").expect("preset");
        ws.import_files(policy, Some(fixture("master.xlsx")), files, None, &|_| {})
            .expect("import");
        (ws, dir)
    }

    #[test]
    fn use_as_schedule_stores_the_next_version_without_errors() {
        let (ws, dir) = workspace("use", vec![fixture("diskominfo.xlsx")]);
        let before = ws.snapshot().expect("snapshot");
        assert!(before
            .session
            .findings_of_unit("DISKOMINFO")
            .iter()
            .any(|f| f.is_error()));
        let view = ws
            .propose(Some("DISKOMINFO"), &ProposeOptions::default())
            .expect("proposal");
        assert_eq!(view.units.len(), 1);
        let unit = &view.units[0];
        assert_eq!(
            unit.file_name,
            format!("Usulan BKPSDM \u{2013} {}.xlsx", unit.name)
        );
        assert_eq!(view.days, ["2025-12-29", "2025-12-30", "2025-12-31"]);
        assert!(view.shortfalls.is_empty(), "{:?}", view.shortfalls);
        assert!(unit.wfa.iter().any(|w| *w > 0));
        // Saved as a template, with the window's dates only.
        let path = dir.join("usulan.xlsx");
        let saved = ws
            .save_proposal_template("DISKOMINFO", &ProposeOptions::default(), &path)
            .expect("template saved");
        assert!(saved.bytes > 0 && path.is_file());
        // Used as the schedule: the unit's version 2, clean.
        let outcome = ws
            .use_proposal("DISKOMINFO", &ProposeOptions::default())
            .expect("used");
        let line = &outcome.files[0];
        assert_eq!(line.name, unit.file_name);
        assert_eq!(line.unit_code.as_deref(), Some("DISKOMINFO"));
        assert_eq!(line.version, 2);
        assert_eq!(line.errors, 0, "{line:?}");
        let after = ws.snapshot().expect("snapshot");
        let errors: Vec<_> = after
            .session
            .findings_of_unit("DISKOMINFO")
            .into_iter()
            .filter(|f| f.severity == Severity::Error)
            .collect();
        assert!(errors.is_empty(), "{errors:#?}");
        // The stored schedule is the proposal.
        let recap = after
            .recap
            .units
            .iter()
            .find(|u| u.code == "DISKOMINFO")
            .unwrap();
        for (d, w) in unit.wfa.iter().enumerate() {
            assert_eq!(recap.days[d].wfa, *w);
        }
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn known_leave_is_kept_and_other_units_keep_their_days() {
        // A Diskominfo file with one person on leave the first day.
        let policy = fleksi_core::presets::by_id("lebak-2025-12").expect("preset");
        let master_file = fixture("master.xlsx");
        let master = fleksi_import::read_master(&master_file.name, &master_file.bytes).unwrap();
        let first = master.staff_of("DISKOMINFO").next().unwrap().nip;
        let day1 = NaiveDate::from_ymd_opt(2025, 12, 29).unwrap();
        let status = |e: &Employee, d: NaiveDate| {
            Some(if e.nip == first && d == day1 {
                Status::Cuti
            } else {
                Status::Wfo
            })
        };
        let bytes = fleksi_report::template::opd_template_prefilled(
            &policy,
            &master,
            "DISKOMINFO",
            &status,
        )
        .unwrap();
        let (ws, dir) = workspace(
            "known",
            vec![InputFile::new("kominfo.xlsx", bytes), fixture("dinkes.csv")],
        );
        let snap = ws.snapshot().unwrap();
        let proposal = propose_in(&snap, Some("DISKOMINFO"), &ProposeOptions::default()).unwrap();
        let plan = proposal.unit("DISKOMINFO").unwrap();
        let p = plan.people.iter().find(|p| p.nip == first).unwrap();
        assert_eq!(p.statuses[0], Status::Cuti);
        assert!(p.known[0]);
        // All units: the other units' away days are kept too, nothing else is known.
        let known = known_of(&snap.session, Some("DISKOMINFO"), day1, day1);
        assert_eq!(known.get(first, day1), Some(Status::Cuti));
        let dinkes = master.staff_of("DINKES").next().unwrap().nip;
        assert!(
            known.get(dinkes, day1).is_some(),
            "DINKES's sent day is fixed"
        );
        let all = known_of(&snap.session, None, day1, day1);
        assert_eq!(
            all.len(),
            1,
            "only the leave is known when all are proposed"
        );
        // An unknown unit is refused in Indonesian.
        let err = ws
            .propose(Some("XYZ"), &ProposeOptions::default())
            .unwrap_err();
        assert!(
            err.to_string()
                .contains("'XYZ' tidak ada dalam data pegawai"),
            "{err}"
        );
        let every = ws.propose(None, &ProposeOptions::default()).unwrap();
        let with_staff = master
            .units
            .iter()
            .filter(|u| master.staff_count(&u.code) > 0)
            .count();
        assert_eq!(every.units.len(), with_staff);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
