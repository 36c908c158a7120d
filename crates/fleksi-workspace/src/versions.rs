//! Versi kiriman: per unit, the list of its sends (time, file, SHA-256, dates covered) and
//! the difference between two versions — which NIP, which day, old → new status — computed
//! on the merged state (a version's view is every send up to it, merged by date).

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use fleksi_core::{fmt_id, Nip, Submission};
use serde::Serialize;
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::inputs::to_u32;
use crate::session::Session;
use crate::summary::covers_text;

/// One send of a unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct VersionRow {
    pub version: u32,
    /// `23-11-2026 21.29`, or `belum disimpan`.
    pub at: String,
    pub file: String,
    pub sha256: String,
    /// Dates covered, e.g. `06-04-2026 s.d. 10-04-2026 (5 tanggal)`.
    pub covers: String,
    #[ts(type = "number | null")]
    pub submission_id: Option<i64>,
    /// Changes against the version before (0 for the first).
    pub changes: u32,
}

/// One changed cell between two versions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DiffRow {
    /// Grouped NIP, or as written.
    pub nip: String,
    pub name: String,
    /// ISO date.
    pub date: String,
    /// `Senin, 06-04-2026`.
    pub date_label: String,
    /// `WFO`, `WFA`, …; `—` when the older version had nothing for that day.
    pub old: String,
    pub new: String,
}

/// A unit's history with one diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct UnitHistory {
    pub unit_code: String,
    pub unit_name: String,
    pub versions: Vec<VersionRow>,
    /// The two versions compared (older, newer); `None` with fewer than two versions.
    pub compared: Option<(u32, u32)>,
    pub diff: Vec<DiffRow>,
}

const NOTHING: &str = "—";

/// Key of a person in a schedule: the NIP when it parsed, else the text as written.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Person {
    Nip(u64),
    Text(String),
}

fn person(nip: Option<&Nip>, text: &str) -> Person {
    match nip {
        Some(n) => Person::Nip(n.as_u64()),
        None => Person::Text(text.trim().to_string()),
    }
}

/// The merged schedule of a unit's sends up to and including `upto` (1-based count of sends):
/// (person, date) → status as shown.
fn merged(sends: &[&Submission], upto: usize) -> HashMap<(Person, NaiveDate), String> {
    // The latest send covering a date owns it.
    let mut owner: HashMap<NaiveDate, usize> = HashMap::new();
    for (i, s) in sends.iter().take(upto).enumerate() {
        for d in &s.dates {
            owner.insert(*d, i);
        }
    }
    let mut out = HashMap::new();
    for (i, s) in sends.iter().take(upto).enumerate() {
        for row in &s.rows {
            let who = person(row.nip.as_ref(), &row.nip_text);
            for e in &row.entries {
                if owner.get(&e.date) != Some(&i) {
                    continue;
                }
                let shown = match e.status {
                    Some(st) => st.code().to_string(),
                    None if e.raw.trim().is_empty() => continue,
                    None => e.raw.trim().to_string(),
                };
                out.insert((who.clone(), e.date), shown);
            }
        }
    }
    out
}

fn names(session: &Session, sends: &[&Submission]) -> HashMap<Person, (String, String)> {
    let mut out = HashMap::new();
    for s in sends {
        for row in &s.rows {
            let who = person(row.nip.as_ref(), &row.nip_text);
            let shown_nip = row
                .nip
                .as_ref()
                .map(Nip::grouped)
                .unwrap_or_else(|| row.nip_text.clone());
            let name = row
                .nip
                .as_ref()
                .and_then(|n| session.master.employee(n))
                .map(|e| e.name.clone())
                .unwrap_or_else(|| row.name.clone());
            out.insert(who, (shown_nip, name));
        }
    }
    out
}

/// The cells that differ between the merged state after `older` sends and after `newer`.
fn diff(session: &Session, sends: &[&Submission], older: usize, newer: usize) -> Vec<DiffRow> {
    let a = merged(sends, older);
    let b = merged(sends, newer);
    let mut keys: Vec<&(Person, NaiveDate)> = a.keys().chain(b.keys()).collect();
    keys.sort_by(|x, y| (x.1, &x.0).cmp(&(y.1, &y.0)));
    keys.dedup();
    let who = names(session, sends);
    keys.into_iter()
        .filter_map(|k| {
            let old = a.get(k).map(String::as_str).unwrap_or(NOTHING);
            let new = b.get(k).map(String::as_str).unwrap_or(NOTHING);
            (old != new).then(|| {
                let (nip, name) = who.get(&k.0).cloned().unwrap_or_default();
                DiffRow {
                    nip,
                    name,
                    date: k.1.to_string(),
                    date_label: format!(
                        "{}, {}",
                        fmt_id::weekday_name(chrono::Datelike::weekday(&k.1)),
                        fmt_id::date_short(k.1)
                    ),
                    old: old.to_string(),
                    new: new.to_string(),
                }
            })
        })
        .collect()
}

/// The history of `unit` and the diff between versions `compare` (older, newer); by default
/// the latest version against the one before it.
pub fn unit_history(
    session: &Session,
    unit: &str,
    compare: Option<(u32, u32)>,
) -> Result<UnitHistory> {
    let unit_name = session
        .master
        .unit(unit)
        .map(|u| u.name.clone())
        .ok_or_else(|| {
            Error::UnitUnknown(format!("Unit '{unit}' tidak ada dalam data pegawai."))
        })?;
    let sends: Vec<_> = session.sends_of(unit).collect();
    let subs: Vec<&Submission> = sends.iter().map(|(_, s)| *s).collect();
    let versions: Vec<VersionRow> = sends
        .iter()
        .enumerate()
        .map(|(i, (f, s))| VersionRow {
            version: f.version,
            at: f
                .stored
                .as_ref()
                .map(|r| crate::records::local_time(&r.imported_at))
                .unwrap_or_else(|| "belum disimpan".to_string()),
            file: f.name.clone(),
            sha256: f.sha256.clone(),
            covers: covers_text(s).unwrap_or_else(|| "tidak memuat tanggal".to_string()),
            submission_id: f.stored.as_ref().map(|r| r.submission_id),
            changes: if i == 0 {
                0
            } else {
                to_u32(diff(session, &subs, i, i + 1).len())
            },
        })
        .collect();
    let position = |v: u32| {
        versions.iter().position(|r| r.version == v).ok_or_else(|| {
            Error::UnitUnknown(format!("Unit '{unit}' tidak memiliki versi kiriman {v}."))
        })
    };
    let compared = match compare {
        Some((a, b)) => Some((a, b)),
        None if versions.len() >= 2 => Some((
            versions[versions.len() - 2].version,
            versions[versions.len() - 1].version,
        )),
        None => None,
    };
    let diff_rows = match compared {
        Some((a, b)) => {
            let (ia, ib) = (position(a)?, position(b)?);
            diff(session, &subs, ia + 1, ib + 1)
        }
        None => Vec::new(),
    };
    Ok(UnitHistory {
        unit_code: unit.to_string(),
        unit_name,
        versions,
        compared,
        diff: diff_rows,
    })
}

/// Units that sent more than one version, with how many (for a list to pick from).
pub fn units_with_versions(session: &Session) -> BTreeMap<String, u32> {
    let mut out = BTreeMap::new();
    for s in &session.submissions {
        if let Some(u) = &s.unit {
            *out.entry(u.clone()).or_insert(0) += 1;
        }
    }
    out
}
