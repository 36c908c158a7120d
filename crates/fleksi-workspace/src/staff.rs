//! Data Pegawai's people: the staff of the master in use searched by NIP (with or without
//! spaces), name or unit, filtered by a unit with everything under it, served a page at a
//! time; the unit tree with staff counts; and one person's schedule across the reporting
//! window with the cell each status came from and their findings. A search index is built
//! once per working set (a 25,000-ASN master is searched in milliseconds).

use std::sync::{Arc, Mutex, PoisonError, Weak};

use chrono::NaiveDate;
use fleksi_core::{fmt_id, Employee, Master, Nip, Status, Verdict};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::findings::{self, FindingPage, FindingQuery, MAX_PAGE};
use crate::inputs::to_u32;
use crate::session::Session;
use crate::snapshot::Snapshot;

/// What the clerk asked for. Empty strings mean "any".
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
pub struct StaffQuery {
    /// A NIP or part of one (spaces, dots and dashes ignored), words of a name, or a unit's
    /// name, abbreviation or code; case does not matter.
    pub search: String,
    /// Unit code: the staff of that unit and of every unit under it.
    pub unit: String,
    pub offset: u32,
    pub limit: u32,
}

/// One person of the master.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct StaffRow {
    /// Grouped NIP, e.g. `19850312 201001 1 004`.
    pub nip: String,
    pub name: String,
    /// Jabatan.
    pub position: String,
    /// `PNS` or `PPPK` (told by the NIP).
    pub kind: String,
    pub unit_code: String,
    /// The unit's name, or its code when the master does not list it.
    pub unit_name: String,
}

/// One page of matching staff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct StaffPage {
    /// Staff matching the query (all pages).
    pub total: u32,
    /// Staff in the master, unfiltered.
    pub all: u32,
    pub offset: u32,
    pub rows: Vec<StaffRow>,
}

/// A unit of the master in tree order (each unit right after its parent's earlier children).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct UnitNode {
    pub code: String,
    pub name: String,
    pub parent: Option<String>,
    /// 0 for a perangkat daerah, 1 for a unit under it, …
    pub depth: u32,
    /// Staff of the unit itself.
    pub staff: u32,
    /// Staff of the unit and every unit under it (what choosing it lists).
    pub staff_with_children: u32,
    /// Units directly under it.
    pub children: u32,
}

/// One working day of a person's schedule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PersonDay {
    /// ISO date.
    pub date: String,
    /// `Senin, 1 Desember 2025`.
    pub date_label: String,
    /// Status code (`WFO`, `WFA`, …), `None` when nothing valid is scheduled.
    pub status: Option<String>,
    /// `Bekerja dari mana saja (WFA)`, or why there is no status.
    pub status_label: String,
    /// The text in the cell when it is not a status Fleksi knows.
    pub written: Option<String>,
    /// Where the day was read, when the person's row was found in a file.
    pub file: Option<String>,
    pub sheet: Option<String>,
    pub cell: Option<String>,
    /// Whether the person's unit sent a schedule covering that day.
    pub unit_sent: bool,
}

/// One person: their row, their schedule across the reporting window and their findings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct StaffPerson {
    pub person: StaffRow,
    /// Pangkat/golongan when the master has it.
    pub rank: Option<String>,
    /// The reporting window, e.g. `1 Desember 2025 – 31 Desember 2025`.
    pub window_label: String,
    /// Whether the person's unit sent anything for the window.
    pub unit_submitted: bool,
    pub days: Vec<PersonDay>,
    /// Findings about the person (first page, up to 500).
    pub findings: FindingPage,
}

/// What the search compares, per working set.
#[derive(Debug)]
struct StaffIndex {
    session: Weak<Session>,
    /// Per employee: lower-case NIP, name and unit (code, abbreviation, name).
    text: Vec<String>,
    /// Per employee: the index of their unit in `master.units`.
    unit_of: Vec<Option<usize>>,
    /// Per unit: the units directly under it, in master order.
    children: Vec<Vec<usize>>,
    /// Per unit: the unit it sits under.
    parent: Vec<Option<usize>>,
    /// Units without a (known) parent, in master order.
    roots: Vec<usize>,
}

impl StaffIndex {
    fn build(session: &Arc<Session>) -> StaffIndex {
        let master = &session.master;
        let by_code: std::collections::HashMap<&str, usize> = master
            .units
            .iter()
            .enumerate()
            .map(|(i, u)| (u.code.as_str(), i))
            .collect();
        let mut children = vec![Vec::new(); master.units.len()];
        let mut parent = vec![None; master.units.len()];
        let mut roots = Vec::new();
        for (i, u) in master.units.iter().enumerate() {
            match u.parent.as_deref().and_then(|p| by_code.get(p)) {
                Some(&p) if p != i => {
                    children[p].push(i);
                    parent[i] = Some(p);
                }
                _ => roots.push(i),
            }
        }
        let unit_text: Vec<String> = master
            .units
            .iter()
            .map(|u| {
                format!(
                    "{} {} {}",
                    u.code,
                    u.abbreviation.as_deref().unwrap_or(""),
                    u.name
                )
                .to_lowercase()
            })
            .collect();
        let mut unit_of = Vec::with_capacity(master.employees.len());
        let mut text = Vec::with_capacity(master.employees.len());
        for e in &master.employees {
            let unit = by_code.get(e.unit.as_str()).copied();
            unit_of.push(unit);
            let unit_words = unit.map_or_else(|| e.unit.to_lowercase(), |u| unit_text[u].clone());
            text.push(format!(
                "{} {} {}",
                e.nip.as_str(),
                e.name.to_lowercase(),
                unit_words
            ));
        }
        StaffIndex {
            session: Arc::downgrade(session),
            text,
            unit_of,
            children,
            parent,
            roots,
        }
    }

    /// Units in tree order with their depth (a cycle in the master is cut where it closes).
    fn tree_order(&self) -> Vec<(usize, u32)> {
        let mut seen = vec![false; self.children.len()];
        let mut out = Vec::with_capacity(self.children.len());
        let mut stack: Vec<(usize, u32)> = self.roots.iter().rev().map(|&r| (r, 0)).collect();
        while let Some((u, depth)) = stack.pop() {
            if std::mem::replace(&mut seen[u], true) {
                continue;
            }
            out.push((u, depth));
            stack.extend(self.children[u].iter().rev().map(|&c| (c, depth + 1)));
        }
        // Units only reachable through a cycle: listed at the top level.
        for (u, seen) in seen.iter_mut().enumerate() {
            if !std::mem::replace(seen, true) {
                out.push((u, 0));
            }
        }
        out
    }

    /// Per unit: whether it is `root` or under it.
    fn subtree(&self, root: usize) -> Vec<bool> {
        let mut inside = vec![false; self.children.len()];
        let mut stack = vec![root];
        while let Some(u) = stack.pop() {
            if !std::mem::replace(&mut inside[u], true) {
                stack.extend(&self.children[u]);
            }
        }
        inside
    }
}

/// The index of `session`, built on first use and kept while the working set is current.
fn index_of(session: &Arc<Session>) -> Arc<StaffIndex> {
    static CACHE: Mutex<Option<Arc<StaffIndex>>> = Mutex::new(None);
    let mut cache = CACHE.lock().unwrap_or_else(PoisonError::into_inner);
    let me = Arc::downgrade(session);
    if let Some(hit) = cache.as_ref().filter(|c| c.session.ptr_eq(&me)) {
        return hit.clone();
    }
    let built = Arc::new(StaffIndex::build(session));
    *cache = Some(built.clone());
    built
}

/// How a search term is compared.
enum Needle {
    Any,
    /// Digits of a NIP (or part of one), typed with or without separators.
    Nip(String),
    /// Lower-case words; each must occur in the person's text.
    Words(Vec<String>),
}

impl Needle {
    fn of(search: &str) -> Needle {
        let trimmed = search.trim();
        if trimmed.is_empty() {
            return Needle::Any;
        }
        let digits = Nip::normalize(trimmed);
        if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
            return Needle::Nip(digits);
        }
        Needle::Words(trimmed.split_whitespace().map(str::to_lowercase).collect())
    }

    fn matches(&self, e: &Employee, text: &str) -> bool {
        match self {
            Needle::Any => true,
            Needle::Nip(digits) => e.nip.as_str().contains(digits.as_str()),
            Needle::Words(words) => words.iter().all(|w| text.contains(w.as_str())),
        }
    }
}

fn row(e: &Employee, master: &Master) -> StaffRow {
    StaffRow {
        nip: e.nip.grouped(),
        name: e.name.clone(),
        position: e.position.clone(),
        kind: e.nip.kind().label().to_string(),
        unit_code: e.unit.clone(),
        unit_name: master
            .unit(&e.unit)
            .map_or_else(|| e.unit.clone(), |u| u.name.clone()),
    }
}

/// The page of staff the query asks for, in the master's order.
pub fn page(snapshot: &Snapshot, q: &StaffQuery) -> StaffPage {
    let master = &snapshot.session.master;
    let index = index_of(&snapshot.session);
    let needle = Needle::of(&q.search);
    let unit = q.unit.trim();
    let inside = if unit.is_empty() {
        None
    } else {
        Some(
            master
                .units
                .iter()
                .position(|u| u.code == unit)
                .map(|u| index.subtree(u))
                .unwrap_or_default(),
        )
    };
    let limit = q.limit.clamp(1, MAX_PAGE) as usize;
    let offset = q.offset as usize;
    let mut total = 0usize;
    let mut rows = Vec::new();
    for (i, e) in master.employees.iter().enumerate() {
        if let Some(inside) = &inside {
            let within = index.unit_of[i].is_some_and(|u| inside.get(u).copied().unwrap_or(false));
            if !within {
                continue;
            }
        }
        if !needle.matches(e, &index.text[i]) {
            continue;
        }
        if total >= offset && rows.len() < limit {
            rows.push(row(e, master));
        }
        total += 1;
    }
    StaffPage {
        total: to_u32(total),
        all: to_u32(master.employees.len()),
        offset: q.offset,
        rows,
    }
}

/// The master's units, each followed by the units under it, with staff counts.
pub fn unit_tree(snapshot: &Snapshot) -> Vec<UnitNode> {
    let master = &snapshot.session.master;
    let index = index_of(&snapshot.session);
    let own: Vec<usize> = master
        .units
        .iter()
        .map(|u| master.staff_count(&u.code))
        .collect();
    let order = index.tree_order();
    // Children come after their parent in tree order: sum from the end.
    let mut with_children = own.clone();
    for &(u, depth) in order.iter().rev() {
        if let Some(p) = index.parent[u].filter(|_| depth > 0) {
            with_children[p] += with_children[u];
        }
    }
    order
        .into_iter()
        .map(|(u, depth)| {
            let unit = &master.units[u];
            UnitNode {
                code: unit.code.clone(),
                name: unit.name.clone(),
                parent: (depth > 0).then(|| unit.parent.clone()).flatten(),
                depth,
                staff: to_u32(own[u]),
                staff_with_children: to_u32(with_children[u]),
                children: to_u32(index.children[u].len()),
            }
        })
        .collect()
}

/// Where each window day of `nip` was read: the last file listing the person on that day
/// with the status the recap holds (merging by date keeps the latest file's cell).
fn sources<'a>(
    session: &'a Session,
    nip: &Nip,
    days: &[NaiveDate],
    statuses: &[Option<Status>],
) -> Vec<Option<(&'a str, &'a str, &'a str, &'a str)>> {
    let mut out = vec![None; days.len()];
    for sub in &session.submissions {
        for r in sub.rows.iter().filter(|r| r.nip.as_ref() == Some(nip)) {
            for entry in &r.entries {
                let Ok(i) = days.binary_search(&entry.date) else {
                    continue;
                };
                let shown = statuses.get(i).copied().flatten();
                if entry.status == shown || (shown.is_none() && out[i].is_none()) {
                    out[i] = Some((
                        sub.file.as_str(),
                        sub.sheet.as_str(),
                        entry.cell.as_str(),
                        entry.raw.as_str(),
                    ));
                }
            }
        }
    }
    out
}

/// One person of the master by NIP (typed with or without spaces): their row, schedule
/// across the reporting window and findings.
pub fn person(snapshot: &Snapshot, nip: &str) -> Result<StaffPerson> {
    let session = &snapshot.session;
    let master = &session.master;
    let parsed = Nip::parse(nip).map_err(|e| {
        Error::InputMissing(format!("NIP '{}' tidak dapat dibaca: {e}.", nip.trim()))
    })?;
    let employee = master.employee(&parsed).ok_or_else(|| {
        Error::InputMissing(format!(
            "NIP {} tidak terdaftar di data pegawai yang dipakai.",
            parsed.grouped()
        ))
    })?;
    let recap = &snapshot.recap;
    let unit = recap.units.iter().find(|u| u.code == employee.unit);
    let statuses: Vec<Option<Status>> = unit
        .and_then(|u| u.staff.iter().find(|s| s.nip == parsed))
        .map(|s| s.statuses.clone())
        .unwrap_or_else(|| vec![None; recap.days.len()]);
    let found = sources(session, &parsed, &recap.days, &statuses);
    let days = recap
        .days
        .iter()
        .enumerate()
        .map(|(i, &date)| {
            let status = statuses.get(i).copied().flatten();
            let sent = unit
                .and_then(|u| u.days.get(i))
                .is_some_and(|d| d.verdict != Verdict::NotSubmitted)
                || status.is_some();
            let source = found[i];
            let written = source
                .map(|(_, _, _, raw)| raw.trim())
                .filter(|raw| status.is_none() && !raw.is_empty())
                .map(str::to_string);
            let status_label = match (status, sent, &written) {
                (Some(s), _, _) => s.label().to_string(),
                (None, _, Some(_)) => "Isian tidak dikenali".to_string(),
                (None, true, None) => "Tidak ada dalam jadwal".to_string(),
                (None, false, None) => "Unit belum mengirim jadwal".to_string(),
            };
            PersonDay {
                date: date.to_string(),
                date_label: fmt_id::date_with_weekday(date),
                status: status.map(|s| s.code().to_string()),
                status_label,
                written,
                file: source.map(|s| s.0.to_string()),
                sheet: source.map(|s| s.1.to_string()),
                cell: source.map(|s| s.2.to_string()),
                unit_sent: sent,
            }
        })
        .collect();
    let findings = findings::page(
        session,
        &FindingQuery {
            search: parsed.as_str().to_string(),
            limit: MAX_PAGE,
            ..FindingQuery::default()
        },
    );
    Ok(StaffPerson {
        person: row(employee, master),
        rank: employee.rank.clone(),
        window_label: fmt_id::period(snapshot.window.from, snapshot.window.to),
        unit_submitted: unit.is_some_and(|u| u.submitted),
        days,
        findings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::inputs::InputFile;
    use fleksi_core::Unit;
    use std::time::{Duration, Instant};

    /// A regency of 25,000 ASN: 100 perangkat daerah, each with 4 units under it.
    fn big_snapshot() -> Snapshot {
        let mut units = Vec::new();
        for d in 0..100 {
            let code = format!("OPD-{d:03}");
            units.push(Unit::new(&code, &format!("Dinas Nomor {d}"), None, None));
            for s in 0..4 {
                units.push(Unit::new(
                    &format!("UPT-{d:03}-{s}"),
                    &format!("UPT {s} Dinas Nomor {d}"),
                    None,
                    Some(&code),
                ));
            }
        }
        let employees = (0..25_000usize)
            .map(|i| {
                let text = format!(
                    "{:04}{:02}{:02}{:04}{:02}{}{:03}",
                    1970 + i / 999,
                    1 + i % 12,
                    1 + i % 28,
                    2015 + i % 10,
                    1 + i % 12,
                    1 + i % 2,
                    1 + i % 999
                );
                Employee {
                    nip: Nip::parse(&text).expect("valid NIP"),
                    name: format!("Pegawai {i} Santoso"),
                    position: "Analis".into(),
                    unit: units[i % units.len()].code.clone(),
                    rank: None,
                }
            })
            .collect();
        let master = Master::new(units, employees);
        let policy = fleksi_core::presets::by_id("lebak-2025-12").expect("preset");
        let session = Session::new(policy, InputFile::new("master.xlsx", Vec::new()), master);
        Snapshot::new(
            Arc::new(session),
            false,
            None,
            false,
            crate::snapshot::today(),
        )
    }

    #[test]
    fn a_25000_asn_master_is_searched_quickly_with_one_index() {
        let snap = big_snapshot();
        let master = &snap.session.master;
        let first = index_of(&snap.session);
        // A UPT (under a perangkat daerah): its filter lists it alone.
        let target = &master.employees[17_346];
        let q = |search: &str, unit: &str| StaffQuery {
            search: search.into(),
            unit: unit.into(),
            offset: 0,
            limit: 100,
        };
        let started = Instant::now();
        let hit = page(&snap, &q(&target.nip.grouped(), ""));
        let by_digits = page(&snap, &q(target.nip.as_str(), ""));
        let by_name = page(&snap, &q("santoso PEGAWAI 17346", ""));
        let by_unit = page(&snap, &q("", &target.unit));
        let elapsed = started.elapsed();
        assert_eq!(hit.total, 1);
        assert_eq!(hit.rows[0].nip, target.nip.grouped());
        assert_eq!(by_digits.rows, hit.rows);
        assert_eq!(by_name.total, 1);
        assert_eq!(by_name.rows[0].name, target.name);
        assert!(by_unit.rows.iter().all(|r| r.unit_code == target.unit));
        assert_eq!(by_unit.total as usize, master.staff_count(&target.unit));
        // A perangkat daerah takes its four units: 5 × 50 staff.
        let opd = page(&snap, &q("", "OPD-042"));
        assert_eq!(opd.total, 250);
        assert_eq!(opd.rows.len(), 100);
        // Built once for the working set (a debug build on a busy machine: generous bound).
        assert!(Arc::ptr_eq(&first, &index_of(&snap.session)));
        assert!(elapsed < Duration::from_secs(2), "{elapsed:?}");
        let tree = unit_tree(&snap);
        assert_eq!(tree.len(), 500);
        assert_eq!(tree[0].code, "OPD-000");
        assert_eq!(tree[1].parent.as_deref(), Some("OPD-000"));
        assert_eq!(tree[0].staff_with_children, 250);
    }
}
