//! The clerk's book of policies (Surat Edaran): the five presets — read-only starting points —
//! and the clerk's own policies kept in the store as TOML text. A policy is created from a
//! preset, from another stored policy or blank (`kosong`), edited as TOML, checked before it
//! is saved (every problem names its field and TOML line; nothing is saved while one
//! remains), archived, exported and imported, and its last edit undone.
//!
//! **Editing the policy in use** (the one the current working set was validated under)
//! re-validates the working set under the writer lock: the current session is rebuilt under
//! the new policy ([`Session::rebase_policy`] reads the files again, since the period and the
//! status words shape reading), and the store saves the policy together with an import row
//! that has no new files, the new policy TOML and the re-validated findings
//! ([`fleksi_store::Store::save_policy_revalidated`]) — one transaction, so a restart
//! restores the set under the edited policy (the working set is restored with the policy
//! TOML of its latest import). Only then is the re-validated session swapped in. An undo
//! does the same with the restored text. Editing a stored policy that is not in use changes
//! no working set now; its set is read again under the stored text when it is next used.
//!
//! Ids of stored policies: lower-case letters, digits and `-`, at most 64 characters,
//! starting with a letter or digit, never a preset id nor `kosong`/`blank`.

use std::path::Path;

use chrono::{Duration, NaiveDate};
use fleksi_core::{fmt_id, presets, Master, Policy, PolicyError};
use fleksi_store::{NewFile, NewImport, NewPolicy, StoredPolicy};
use serde::Serialize;
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::inputs::{self, SavedFile};
use crate::session::Session;
use crate::snapshot::{today, Snapshot};
use crate::summary::policy_title;
use crate::workspace::{lock, Workspace};

/// The starting point of a blank policy in [`Workspace::new_policy_from`] (`blank` is
/// accepted too).
pub const BLANK: &str = "kosong";

/// A policy file larger than this is not a policy (1 MiB).
pub const MAX_POLICY_FILE: u64 = 1 << 20;

/// Longest id of a stored policy.
const MAX_ID_LEN: usize = 64;

/// One policy in the Surat Edaran list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PolicyEntry {
    pub id: String,
    /// The clerk's name for it (a preset's: its title).
    pub name: String,
    /// E.g. `Surat Edaran Bupati Lebak Nomor B.000/19-PPI/XII/2025`.
    pub title: String,
    /// E.g. `29 Desember 2025 – 31 Desember 2025`.
    pub period: String,
    /// A read-only preset shipped with the app.
    pub preset: bool,
    pub archived: bool,
    /// The working set is validated under it.
    pub in_use: bool,
    /// What it was created from (a preset or stored id), `None` for a blank or imported one.
    pub source: Option<String>,
    /// The number of the current text (0 for a preset).
    pub revision: u32,
    /// The last edit can be undone.
    pub can_undo: bool,
    /// Why its lampiran would still be a draft (`nomor belum diisi`, …).
    pub to_fill: Vec<String>,
    /// Why the stored text cannot be used any more (e.g. written for another version).
    pub problem: Option<String>,
}

/// One problem of a policy: the TOML field (`caps[2].percent`, `end`, `signatory.name`), the
/// 1-based TOML line when known, and an Indonesian message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PolicyProblem {
    pub field: String,
    pub message: String,
    pub line: Option<u32>,
}

impl From<fleksi_core::PolicyProblem> for PolicyProblem {
    fn from(p: fleksi_core::PolicyProblem) -> Self {
        PolicyProblem {
            field: p.field,
            message: p.message,
            line: p.line,
        }
    }
}

impl std::fmt::Display for PolicyProblem {
    /// `caps[2].percent (baris 14): batas 120 % melebihi 100 %`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if !self.field.is_empty() {
            f.write_str(&self.field)?;
            if let Some(line) = self.line {
                write!(f, " (baris {line})")?;
            }
            f.write_str(": ")?;
        } else if let Some(line) = self.line {
            write!(f, "baris {line}: ")?;
        }
        f.write_str(&self.message)
    }
}

/// The problems of a [`PolicyError`] (one for a TOML error, every check problem otherwise).
pub fn problems_of(err: &PolicyError) -> Vec<PolicyProblem> {
    err.problems()
        .into_iter()
        .map(PolicyProblem::from)
        .collect()
}

/// Reads and checks a policy's TOML: the policy, or every problem with its field and line.
pub fn parse_policy(text: &str) -> std::result::Result<Policy, Vec<PolicyProblem>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    Policy::from_toml(text).map_err(|e| problems_of(&e))
}

/// Unit codes the policy names (exempt by code, schemes) that `master` does not know.
pub fn unit_problems(policy: &Policy, master: &Master) -> Vec<PolicyProblem> {
    policy
        .check_units(master)
        .into_iter()
        .map(PolicyProblem::from)
        .collect()
}

/// The problems as lines for a message: `- field (baris n): message`.
pub fn problem_lines(problems: &[PolicyProblem]) -> String {
    problems
        .iter()
        .map(|p| format!("- {p}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Whether `from` asks for a blank policy.
pub fn is_blank(from: &str) -> bool {
    from == BLANK || from == "blank"
}

/// Why `id` cannot name a stored policy, in Indonesian (`None`: it can).
pub fn id_problem(id: &str) -> Option<String> {
    if id.is_empty() {
        return Some("Kode Surat Edaran kosong.".to_string());
    }
    if id.chars().count() > MAX_ID_LEN {
        return Some(format!(
            "Kode Surat Edaran \u{201c}{id}\u{201d} terlalu panjang (paling banyak {MAX_ID_LEN} karakter)."
        ));
    }
    let allowed = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-';
    if !id.chars().all(allowed) || id.starts_with('-') {
        return Some(format!(
            "Kode Surat Edaran \u{201c}{id}\u{201d} hanya boleh berisi huruf kecil, angka dan \
             tanda '-' (tidak diawali '-'), mis. \u{201c}sukamaju-2026-06\u{201d}."
        ));
    }
    if presets::by_id(id).is_some() {
        return Some(format!(
            "Kode \u{201c}{id}\u{201d} adalah kode preset; pilih kode lain."
        ));
    }
    if is_blank(id) {
        return Some(format!(
            "Kode \u{201c}{id}\u{201d} dicadangkan untuk Surat Edaran kosong; pilih kode lain."
        ));
    }
    None
}

/// A valid id made from free text (a file name): lower case, other characters as `-`;
/// `None` when nothing usable remains or it would be a preset id.
pub fn id_from(text: &str) -> Option<String> {
    let mut id = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            id.push(c);
        } else if !id.is_empty() && !id.ends_with('-') {
            id.push('-');
        }
    }
    let id: String = id.trim_end_matches('-').chars().take(MAX_ID_LEN).collect();
    let id = id.trim_end_matches('-').to_string();
    id_problem(&id).is_none().then_some(id)
}

/// The TOML of a blank policy with id `id`: a valid skeleton whose printed fields hold
/// `[ISI: …]` placeholders (instansi, jabatan penerbit, tempat, nomor, tentang, penanda
/// tangan) so a lampiran stays a draft until they are filled; letter date `today`, period
/// `today` to `today + 2 days`, Monday–Friday, cap per perangkat daerah, no caps, no
/// exemptions, no approval; commented examples show how to add caps, exempt units, schemes,
/// status words and a weekly limit.
pub fn blank_toml(id: &str, today: NaiveDate) -> String {
    let end = today + Duration::days(2);
    format!(
        r#"# Surat Edaran baru (kerangka kosong).
# Ganti setiap teks [ISI: ...] dengan isi surat, sesuaikan aturannya, lalu periksa dengan
# `fleksi policy check <berkas>` atau simpan di halaman Surat Edaran. Selama masih ada
# [ISI: ...], lampiran dicetak sebagai KONSEP.

id = "{id}"
kind = "surat_edaran"  # atau "keputusan"
issuer = "[ISI: Pemerintah Kabupaten/Kota ...]"
issuer_title = "[ISI: BUPATI/WALI KOTA ...]"
place = "[ISI: tempat penetapan]"
number = "[ISI: nomor Surat Edaran]"
date = "{today}"  # tanggal surat (TTTT-BB-HH)
subject = "[ISI: perihal (tentang)]"

# Masa berlaku, tanggal awal dan akhir ikut dihitung.
start = "{today}"
end = "{end}"
working_weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri"]
extra_days_off = []  # libur daerah, mis. ["{today}"]

# Batas WFA dihitung "perangkat_daerah" (digabung dengan unit di bawahnya) atau "unit_kerja".
cap_basis = "perangkat_daerah"
wfa_weekdays = []  # kosong: WFA boleh pada setiap hari kerja
approval_required = false
approver = "atasan_langsung"  # atau "kepala_perangkat_daerah"
leave_counts_toward_cap = false
# weekly_wfa_limit = 2  # paling banyak 2 hari WFA per orang per minggu (peringatan)
exempt_positions = []  # jabatan yang tetap WFO, mis. ["Bidan", "Petugas Pemadam"]
status_synonyms = []  # istilah sendiri, mis. [{{ text = "Luring", status = "WFO" }}]
notes = ""
assumptions = []  # nilai yang tidak tertulis di surat, mis. ["date: tanggal surat belum pasti"]

[signatory]
position = "[ISI: jabatan penanda tangan]"
name = "[ISI: nama penanda tangan]"
# rank = "[ISI: pangkat/golongan]"  # bukan untuk kepala daerah
# nip = "[ISI: NIP]"                # bukan untuk kepala daerah

# Batas WFA per hari kerja (persen dari jumlah ASN), satu blok per hari, mis.:
# [[caps]]
# weekday = "Mon"
# percent = 50

# Unit yang tetap WFO (beserta unit di bawahnya); by = "code", "name", "abbreviation"
# atau "word" (kata dalam nama unit), mis.:
# [[exempt]]
# by = "word"
# value = "Puskesmas"

# Skema unit sendiri: batas WFA sendiri per hari, atau piket dengan jumlah minimal, mis.:
# [[schemes]]
# unit = "DINKES"
# piket_min = 2
"#
    )
}

/// The TOML a new policy `new_id` starts from when `from` is a preset or blank (`None` for
/// anything else): a preset's text with the id changed, or [`blank_toml`].
pub fn starting_toml(from: &str, new_id: &str, today: NaiveDate) -> Option<Result<String>> {
    if is_blank(from) {
        return Some(Ok(blank_toml(new_id, today)));
    }
    let mut policy = presets::by_id(from)?;
    policy.id = new_id.to_string();
    Some(to_toml(&policy))
}

fn to_toml(policy: &Policy) -> Result<String> {
    policy.to_toml().map_err(|e| Error::Internal(e.to_string()))
}

/// The error for a change to a preset.
fn read_only() -> Error {
    Error::InputMissing("Preset tidak dapat diubah; buat salinannya dulu.".to_string())
}

/// The error for a policy input that cannot be used (bad id, invalid file, id taken).
fn invalid(message: String) -> Error {
    Error::InputMissing(message)
}

fn guard_writable(id: &str) -> Result<()> {
    if presets::by_id(id).is_some() {
        return Err(read_only());
    }
    Ok(())
}

/// The 1-based line of the top-level key `key` (before any table header).
fn top_level_line(text: &str, key: &str) -> Option<u32> {
    for (i, line) in text.lines().enumerate() {
        let t = line.trim_start();
        if t.starts_with('[') {
            return None;
        }
        if let Some((k, _)) = t.split_once('=') {
            if k.trim().trim_matches('"') == key {
                return u32::try_from(i + 1).ok();
            }
        }
    }
    None
}

/// The entry of a preset.
fn preset_entry(p: &Policy, in_use: bool) -> PolicyEntry {
    PolicyEntry {
        id: p.id.clone(),
        name: policy_title(p),
        title: policy_title(p),
        period: fmt_id::period(p.start, p.end),
        preset: true,
        archived: false,
        in_use,
        source: None,
        revision: 0,
        can_undo: false,
        to_fill: p.draft_reasons(),
        problem: None,
    }
}

/// The entry of a stored policy (a text that no longer reads is listed with its problem).
fn stored_entry(s: &StoredPolicy, in_use: bool) -> PolicyEntry {
    let (title, period, to_fill, problem) = match parse_policy(&s.toml) {
        Ok(p) => (
            policy_title(&p),
            fmt_id::period(p.start, p.end),
            p.draft_reasons(),
            None,
        ),
        Err(problems) => (
            s.name.clone(),
            String::new(),
            Vec::new(),
            Some(format!(
                "Isi Surat Edaran ini tidak dapat dipakai: {}",
                problems
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("; ")
            )),
        ),
    };
    PolicyEntry {
        id: s.id.clone(),
        name: s.name.clone(),
        title,
        period,
        preset: false,
        archived: s.archived,
        in_use,
        source: s.source.clone(),
        revision: s.revision,
        can_undo: s.can_undo(),
        to_fill,
        problem,
    }
}

/// The import row that records the working set re-validated under an edited policy: no new
/// files, the policy text, the findings of the whole set.
fn revalidated<'a>(session: &'a Session, toml: &'a str) -> NewImport<'a> {
    NewImport {
        policy_id: &session.policy.id,
        policy_toml: toml,
        master: NewFile {
            name: &session.master_file.name,
            bytes: &session.master_file.bytes,
        },
        files: Vec::new(),
        findings: &session.findings,
        fresh: false,
        retire: &session.retired,
    }
}

impl Workspace {
    /// The id of the policy the working set is validated under, if any.
    fn policy_in_use(&self) -> Option<String> {
        self.snapshot().ok().map(|s| s.session.policy.id.clone())
    }

    /// The current snapshot when its policy is `id`.
    fn snapshot_of(&self, id: &str) -> Option<std::sync::Arc<Snapshot>> {
        self.snapshot().ok().filter(|s| s.session.policy.id == id)
    }

    /// The policies for the Surat Edaran page: the five presets (read-only) first, then the
    /// stored ones by name; archived ones only when asked (the one in use always).
    pub fn policies(&self, include_archived: bool) -> Result<Vec<PolicyEntry>> {
        let in_use = self.policy_in_use();
        let is_used = |id: &str| in_use.as_deref() == Some(id);
        let mut out: Vec<PolicyEntry> = presets::all()
            .iter()
            .map(|p| preset_entry(p, is_used(&p.id)))
            .collect();
        let stored = self.with_store(|s| s.policies(true))?;
        out.extend(
            stored
                .iter()
                .filter(|s| include_archived || !s.archived || is_used(&s.id))
                .map(|s| stored_entry(s, is_used(&s.id))),
        );
        Ok(out)
    }

    /// One entry of [`Workspace::policies`].
    pub fn policy_entry(&self, id: &str) -> Result<PolicyEntry> {
        let in_use = self.policy_in_use().as_deref() == Some(id);
        if let Some(p) = presets::by_id(id) {
            return Ok(preset_entry(&p, in_use));
        }
        match self.with_store(|s| s.policy(id))? {
            Some(s) => Ok(stored_entry(&s, in_use)),
            None => Err(Error::PolicyUnknown(id.to_string())),
        }
    }

    /// The TOML of a policy: a preset as [`Policy::to_toml`] writes it, a stored one as saved.
    pub fn policy_toml(&self, id: &str) -> Result<String> {
        if let Some(p) = presets::by_id(id) {
            return to_toml(&p);
        }
        self.with_store(|s| s.policy(id))?
            .map(|s| s.toml)
            .ok_or_else(|| Error::PolicyUnknown(id.to_string()))
    }

    /// The policy named `id`: a preset or a stored policy (archived ones too).
    pub(crate) fn find_policy(&self, id: &str) -> Result<Policy> {
        if let Some(p) = presets::by_id(id) {
            return Ok(p);
        }
        let stored = self
            .with_store(|s| s.policy(id))?
            .ok_or_else(|| Error::PolicyUnknown(id.to_string()))?;
        parse_policy(&stored.toml).map_err(|problems| {
            invalid(format!(
                "Surat Edaran \u{201c}{id}\u{201d} tidak dapat dipakai:\n{}",
                problem_lines(&problems)
            ))
        })
    }

    /// Creates policy `new_id` from a preset, a stored policy or blank ([`BLANK`]), named
    /// `name` (blank: its title). A preset's or stored policy's text is copied with the id
    /// changed; blank is [`blank_toml`] with today's date.
    pub fn new_policy_from(&self, from: &str, new_id: &str, name: &str) -> Result<PolicyEntry> {
        if let Some(problem) = id_problem(new_id) {
            return Err(invalid(problem));
        }
        let writer = lock(&self.writer);
        if self.with_store(|s| s.policy(new_id))?.is_some() {
            return Err(invalid(format!(
                "Kode \u{201c}{new_id}\u{201d} sudah dipakai Surat Edaran lain; pilih kode lain."
            )));
        }
        let (toml, source) = match starting_toml(from, new_id, today()) {
            Some(toml) => (toml?, (!is_blank(from)).then(|| from.to_string())),
            None => {
                let mut policy = self.find_policy(from)?;
                policy.id = new_id.to_string();
                (to_toml(&policy)?, Some(from.to_string()))
            }
        };
        let policy = parse_policy(&toml).map_err(|problems| {
            Error::Internal(format!(
                "kerangka Surat Edaran tidak sah: {}",
                problem_lines(&problems)
            ))
        })?;
        let name = match name.trim() {
            "" => policy_title(&policy),
            n => n.to_string(),
        };
        self.store_policy(
            &NewPolicy {
                id: new_id,
                name: &name,
                toml: &toml,
                source: source.as_deref(),
            },
            &policy,
        )?;
        drop(writer);
        self.policy_entry(new_id)
    }

    /// A copy of policy `id` (preset or stored) as `new_id`, named `Salinan <name>`.
    pub fn duplicate_policy(&self, id: &str, new_id: &str) -> Result<PolicyEntry> {
        let name = self.policy_entry(id)?.name;
        self.new_policy_from(id, new_id, &format!("Salinan {name}"))
    }

    /// Checks `toml` and, when it has no problem, saves it as policy `id` (a new id is
    /// created with its title as name). Returns the problems — each naming its field and
    /// TOML line — and saves nothing while there is one; the `id` inside the TOML must be
    /// `id`. Presets are read-only (an error). Saving the policy in use re-validates the
    /// working set (see the module doc).
    pub fn save_policy_toml(&self, id: &str, toml: &str) -> Result<Vec<PolicyProblem>> {
        guard_writable(id)?;
        if let Some(problem) = id_problem(id) {
            return Err(invalid(problem));
        }
        let toml = toml.strip_prefix('\u{feff}').unwrap_or(toml);
        let policy = match parse_policy(toml) {
            Ok(p) => p,
            Err(problems) => return Ok(problems),
        };
        // Unit codes (exempt list, schemes) must exist in the master in use, if there is one.
        if let Ok(snap) = self.snapshot() {
            let unknown = unit_problems(&policy, &snap.session.master);
            if !unknown.is_empty() {
                return Ok(unknown);
            }
        }
        if policy.id != id {
            return Ok(vec![PolicyProblem {
                field: "id".to_string(),
                message: format!(
                    "kode \u{201c}{}\u{201d} berbeda dengan kode Surat Edaran yang disimpan \
                     \u{201c}{id}\u{201d}; untuk kode lain buat salinan",
                    policy.id
                ),
                line: top_level_line(toml, "id"),
            }]);
        }
        let _w = lock(&self.writer);
        let stored = self.with_store(|s| s.policy(id))?;
        let name = match &stored {
            Some(s) => s.name.clone(),
            None => policy_title(&policy),
        };
        self.store_policy(
            &NewPolicy {
                id,
                name: &name,
                toml,
                source: None,
            },
            &policy,
        )?;
        Ok(Vec::new())
    }

    /// Archives (hides from the list) or brings back a stored policy.
    pub fn archive_policy(&self, id: &str, archived: bool) -> Result<PolicyEntry> {
        guard_writable(id)?;
        {
            let _w = lock(&self.writer);
            if self.with_store(|s| s.policy(id))?.is_none() {
                return Err(Error::PolicyUnknown(id.to_string()));
            }
            self.with_store(|s| s.archive_policy(id, archived))?;
        }
        self.policy_entry(id)
    }

    /// Undoes the last edit of a stored policy (its previous text comes back); the working
    /// set is validated again when it is the policy in use.
    pub fn undo_policy(&self, id: &str) -> Result<PolicyEntry> {
        guard_writable(id)?;
        {
            let _w = lock(&self.writer);
            if self.with_store(|s| s.policy(id))?.is_none() {
                return Err(Error::PolicyUnknown(id.to_string()));
            }
            let revisions = self.with_store(|s| s.policy_revisions(id))?;
            let Some(previous) = revisions.last() else {
                return Err(invalid(format!(
                    "Belum ada perubahan Surat Edaran \u{201c}{id}\u{201d} yang dapat dibatalkan."
                )));
            };
            let policy = parse_policy(&previous.toml).map_err(|problems| {
                invalid(format!(
                    "Isi sebelumnya tidak dapat dipakai lagi, perubahan tidak dibatalkan:\n{}",
                    problem_lines(&problems)
                ))
            })?;
            match self.snapshot_of(id) {
                Some(snap) if snap.session.policy != policy => {
                    let session = snap.session.as_ref().clone().rebase_policy(policy);
                    let import = revalidated(&session, &previous.toml);
                    self.with_store(|s| s.undo_policy_revalidated(id, &import))?;
                    self.swap(session, snap.demo)?;
                }
                _ => {
                    self.with_store(|s| s.undo_policy(id))?;
                }
            }
        }
        self.policy_entry(id)
    }

    /// Writes the TOML of a policy (preset or stored) to `path`.
    pub fn export_policy(&self, id: &str, path: &Path) -> Result<SavedFile> {
        let toml = self.policy_toml(id)?;
        inputs::write_file(path, toml.as_bytes())
    }

    /// Reads a policy TOML file, checks it and stores it under the id it names (its title
    /// as name). An id already stored is an error unless the content is the same (then
    /// nothing changes); a preset's id is accepted only for that preset's own content.
    pub fn import_policy(&self, path: &Path) -> Result<PolicyEntry> {
        let name = inputs::file_name(path);
        let toml = read_policy_file(path)?;
        let policy = parse_policy(&toml).map_err(|problems| {
            invalid(format!(
                "Berkas \u{201c}{name}\u{201d} bukan Surat Edaran yang sah:\n{}",
                problem_lines(&problems)
            ))
        })?;
        let id = policy.id.clone();
        if let Some(preset) = presets::by_id(&id) {
            if preset == policy {
                return self.policy_entry(&id);
            }
            return Err(invalid(format!(
                "Kode \u{201c}{id}\u{201d} di berkas \u{201c}{name}\u{201d} adalah kode preset, \
                 tetapi isinya berbeda; ganti `id` di berkas dengan kode lain lalu impor lagi."
            )));
        }
        if let Some(problem) = id_problem(&id) {
            return Err(invalid(format!(
                "Berkas \u{201c}{name}\u{201d}: {problem} Ganti `id` di berkas lalu impor lagi."
            )));
        }
        {
            let _w = lock(&self.writer);
            if let Some(stored) = self.with_store(|s| s.policy(&id))? {
                let same = parse_policy(&stored.toml).is_ok_and(|p| p == policy);
                if !same {
                    return Err(invalid(format!(
                        "Kode \u{201c}{id}\u{201d} sudah dipakai Surat Edaran lain yang isinya \
                         berbeda; ganti `id` di berkas \u{201c}{name}\u{201d} lalu impor lagi."
                    )));
                }
            } else {
                self.store_policy(
                    &NewPolicy {
                        id: &id,
                        name: &policy_title(&policy),
                        toml: &toml,
                        source: None,
                    },
                    &policy,
                )?;
            }
        }
        self.policy_entry(&id)
    }

    /// Saves a checked policy; when it is the policy in use and its rules changed, the
    /// working set is validated again, saved with it, and swapped in. Call under the writer
    /// lock.
    fn store_policy(&self, new: &NewPolicy, policy: &Policy) -> Result<()> {
        match self.snapshot_of(new.id) {
            Some(snap) if snap.session.policy != *policy => {
                let session = snap.session.as_ref().clone().rebase_policy(policy.clone());
                let import = revalidated(&session, new.toml);
                self.with_store(|s| s.save_policy_revalidated(new, &import))?;
                self.swap(session, snap.demo)?;
            }
            _ => {
                self.with_store(|s| s.save_policy(new.id, new.name, new.toml, new.source))?;
            }
        }
        Ok(())
    }
}

/// A policy file's text (at most [`MAX_POLICY_FILE`] bytes, UTF-8, a BOM dropped).
fn read_policy_file(path: &Path) -> Result<String> {
    let open_error = |reason: String| Error::Open {
        path: path.display().to_string(),
        reason,
    };
    let meta = std::fs::metadata(path).map_err(|e| open_error(e.to_string()))?;
    if meta.len() > MAX_POLICY_FILE {
        return Err(open_error(format!(
            "berkas {} bita terlalu besar untuk Surat Edaran (paling besar 1 MiB)",
            meta.len()
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| open_error(e.to_string()))?;
    let text = String::from_utf8(bytes)
        .map_err(|_| open_error("bukan teks UTF-8 (simpan sebagai UTF-8)".to_string()))?;
    Ok(text
        .strip_prefix('\u{feff}')
        .map(str::to_string)
        .unwrap_or(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_lower_case_words_and_never_a_preset() {
        assert_eq!(id_problem("sukamaju-2026-06"), None);
        for bad in [
            "",
            "Sukamaju",
            "suka maju",
            "-a",
            "se_2026",
            "lebak-2025-12",
            "kosong",
        ] {
            assert!(id_problem(bad).is_some(), "{bad:?}");
        }
        assert!(id_problem(&"a".repeat(65)).is_some());
        assert_eq!(
            id_from("SE Sukamaju (Juni) 2026").as_deref(),
            Some("se-sukamaju-juni-2026")
        );
        assert_eq!(id_from("lebak-2025-12"), None);
        assert_eq!(id_from("…"), None);
    }

    #[test]
    fn the_blank_skeleton_is_valid_and_a_draft() {
        let today = NaiveDate::from_ymd_opt(2026, 6, 2).expect("date");
        let p = parse_policy(&blank_toml("sukamaju-2026-06", today)).expect("valid skeleton");
        assert_eq!(p.id, "sukamaju-2026-06");
        assert_eq!((p.start, p.end), (today, today + Duration::days(2)));
        assert!(p.caps.is_empty() && p.exempt.is_empty() && p.schemes.is_empty());
        let todo = p.draft_reasons();
        for field in [
            "nomor",
            "tentang",
            "nama penanda tangan",
            "jabatan penanda tangan",
        ] {
            assert!(
                todo.iter().any(|t| t.starts_with(field)),
                "{field}: {todo:?}"
            );
        }
    }

    #[test]
    fn every_preset_starts_a_valid_policy_under_a_new_id() {
        let today = NaiveDate::from_ymd_opt(2026, 6, 2).expect("date");
        for id in presets::IDS {
            let toml = starting_toml(id, "salinan", today)
                .expect("a preset")
                .expect("writes");
            let p = parse_policy(&toml).expect("valid");
            assert_eq!(p.id, "salinan");
        }
        assert!(starting_toml("bogor-2030", "x", today).is_none());
    }

    #[test]
    fn problems_read_with_field_and_line() {
        let p = PolicyProblem {
            field: "caps[2].percent".into(),
            message: "batas 120 % melebihi 100 %".into(),
            line: Some(14),
        };
        assert_eq!(
            p.to_string(),
            "caps[2].percent (baris 14): batas 120 % melebihi 100 %"
        );
        assert_eq!(
            top_level_line("# x\nid = \"a\"\n[signatory]\nid = 1\n", "id"),
            Some(2)
        );
        assert_eq!(top_level_line("[signatory]\nid = 1\n", "id"), None);
    }
}
