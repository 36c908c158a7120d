//! The mapping step, for a file of the set the automatic reader could not read: the
//! dialog's preview of its first rows, the import of that file with the clerk's column
//! mapping (the unit's next version, saved like any import: all or nothing), the mapping
//! remembered per unit and used on that unit's next unreadable file, and the list of
//! remembered mappings (Pengaturan) with their removal. Which files were read with a
//! mapping is stored with them, so the set reads the same when it is read back.

use fleksi_core::{Master, Policy, Submission};
use fleksi_import::{ColumnMapping, MappingError, Opener, SheetPreview};
use fleksi_store::{sha256_hex, MappingWrite};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, ErrorCode, Result};
use crate::guard;
use crate::import::ImportOutcome;
use crate::inputs::InputFile;
use crate::records::local_time;
use crate::session::{is_readable, Added, Session};
use crate::summary::{FileResult, SessionSummary};
use crate::workspace::{lock, Workspace};

/// The mapping one file was read with (stored with it as JSON).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileMapping {
    pub mapping: ColumnMapping,
    /// The unit whose remembered mapping read the file without the dialog (its line says
    /// so); `None` when the clerk chose the mapping for this file.
    pub remembered_for: Option<String>,
}

/// The mappings a session reads with, beyond the automatic reader.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReadMappings {
    /// Files read with a mapping, by the SHA-256 of their bytes.
    pub by_file: Vec<(String, FileMapping)>,
    /// The units' remembered mappings, tried on a file of that unit the automatic reader
    /// cannot read (left empty when the set is read back, so it reads as it was saved).
    pub by_unit: Vec<(String, ColumnMapping)>,
    /// A unit's mapping the next save remembers.
    pub remember: Option<(String, ColumnMapping)>,
}

impl ReadMappings {
    fn for_file(&self, sha256: &str) -> Option<&FileMapping> {
        self.by_file
            .iter()
            .find(|(s, _)| s == sha256)
            .map(|(_, m)| m)
    }

    /// Reads again with its mapping each file that has one, and each file the automatic
    /// reader could not read whose unit has a remembered mapping (the line then says so; a
    /// mapping that no longer fits leaves the file unread, with the reason).
    pub fn apply(
        &mut self,
        opener: &Opener,
        files: &[(&str, &[u8])],
        books: &mut [Vec<Submission>],
        policy: &Policy,
        master: &Master,
    ) {
        if self.by_file.is_empty() && self.by_unit.is_empty() {
            return;
        }
        for ((name, bytes), subs) in files.iter().zip(books.iter_mut()) {
            let sha = sha256_hex(bytes);
            let read = |m: &ColumnMapping| {
                fleksi_import::read_workbook_mapped(opener, name, bytes, policy, master, m)
            };
            if let Some(m) = self.for_file(&sha) {
                if let Ok(mut read) = read(&m.mapping) {
                    if let Some(unit) = &m.remembered_for {
                        saved_note(&mut read, unit);
                    }
                    *subs = read;
                }
                continue;
            }
            if subs.iter().any(is_readable) {
                continue;
            }
            let Some(unit) = subs.iter().find_map(|s| s.unit.clone()) else {
                continue;
            };
            let Some((_, m)) = self.by_unit.iter().find(|(u, _)| *u == unit) else {
                continue;
            };
            match read(m) {
                Ok(mut read) => {
                    saved_note(&mut read, &unit);
                    let used = FileMapping {
                        mapping: m.clone(),
                        remembered_for: Some(unit),
                    };
                    self.by_file.push((sha, used));
                    *subs = read;
                }
                Err(MappingError(why)) => {
                    for s in subs.iter_mut() {
                        s.notes.push(format!(
                            "pemetaan kolom yang disimpan untuk {unit} tidak cocok: {why}"
                        ));
                    }
                }
            }
        }
    }

    /// What a save writes: the mappings of the files at `new` of `session`, and the unit's
    /// mapping to remember; (SHA-256, JSON) pairs and (unit, JSON, audit sentence).
    fn to_write(&self, session: &Session, new: &[usize]) -> Result<Written> {
        fn json(m: &impl Serialize) -> Result<String> {
            serde_json::to_string(m).map_err(|e| Error::Internal(e.to_string()))
        }
        let mut files: Vec<(String, String)> = Vec::new();
        for &i in new {
            let sha = &session.files[i].sha256;
            if let Some(m) = self.for_file(sha) {
                if !files.iter().any(|(s, _)| s == sha) {
                    files.push((sha.clone(), json(m)?));
                }
            }
        }
        let remember = match &self.remember {
            Some((unit, m)) => Some((
                unit.clone(),
                json(m)?,
                format!("Pemetaan kolom untuk {unit} disimpan ({}).", m.summary()),
            )),
            None => None,
        };
        Ok(Written { files, remember })
    }
}

/// Says on each submission's line that the unit's remembered mapping read it.
fn saved_note(subs: &mut [Submission], unit: &str) {
    for s in subs {
        s.notes.insert(
            0,
            format!("dibaca dengan pemetaan kolom yang disimpan untuk {unit}"),
        );
    }
}

/// The owned texts of a [`MappingWrite`].
pub(crate) struct Written {
    files: Vec<(String, String)>,
    remember: Option<(String, String, String)>,
}

impl Written {
    /// Hands the texts to the store as a [`MappingWrite`].
    pub(crate) fn with<T>(&self, f: impl FnOnce(&MappingWrite) -> T) -> T {
        let files: Vec<(&str, &str)> = self
            .files
            .iter()
            .map(|(s, m)| (s.as_str(), m.as_str()))
            .collect();
        let write = MappingWrite {
            files: &files,
            remember: self
                .remember
                .as_ref()
                .map(|(u, m, d)| (u.as_str(), m.as_str(), d.as_str())),
        };
        f(&write)
    }
}

/// What the session's next save writes of its mappings (see [`ReadMappings::to_write`]).
pub(crate) fn written(session: &Session, new: &[usize]) -> Result<Written> {
    session.mappings.to_write(session, new)
}

/// A unit of the master, for the dialog's unit list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct UnitChoice {
    pub code: String,
    pub name: String,
}

/// What the mapping dialog starts from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct MappingPreview {
    /// Database id of the file's send.
    #[ts(type = "number")]
    pub submission_id: i64,
    pub sheet: SheetPreview,
    /// The unit as far as the file tells it (title, sheet or file name), to prefill.
    pub unit: Option<String>,
    /// The master's units.
    pub units: Vec<UnitChoice>,
    /// Why the automatic reader could not read it.
    pub problem: Option<String>,
}

/// A remembered mapping as Pengaturan lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct MappingRow {
    pub unit_code: String,
    /// The unit's name in the master in use, when it has the unit.
    pub unit_name: Option<String>,
    /// E.g. `baris judul 7; A NIP, B nama, C tanggal, E keterangan`.
    pub summary: String,
    /// `23-11-2026 21.29`.
    pub saved_at: String,
}

/// Bounds on a mapping the window sends (see [`crate::guard`]): a sheet name and unit code
/// of bounded text, at most [`fleksi_import::PREVIEW_COLUMNS`] columns of letters, rows
/// inside a sheet's limits.
pub fn check(mapping: &ColumnMapping) -> Result<()> {
    let refused = |message: String| Error::Refused {
        code: ErrorCode::InputMissing,
        message,
    };
    if let Some(sheet) = &mapping.sheet {
        guard::text(ErrorCode::InputMissing, "Nama lembar", sheet)?;
    }
    if let Some(unit) = &mapping.unit {
        guard::text(ErrorCode::UnitUnknown, "Kode unit", unit)?;
    }
    let max_columns = fleksi_import::PREVIEW_COLUMNS as usize;
    if mapping.columns.len() > max_columns {
        return Err(refused(format!(
            "Pemetaan terlalu banyak kolom ({}; paling banyak {max_columns}).",
            mapping.columns.len()
        )));
    }
    if let Some(c) = mapping.columns.iter().find(|c| {
        c.column.is_empty()
            || c.column.len() > 3
            || !c.column.bytes().all(|b| b.is_ascii_alphabetic())
    }) {
        return Err(refused(format!(
            "'{}' bukan nama kolom (A, B, …, AA).",
            c.column.chars().take(10).collect::<String>()
        )));
    }
    let max_row = 1_048_576;
    if mapping.first_data_row > max_row || mapping.header_row.is_some_and(|h| h > max_row) {
        return Err(refused(format!(
            "Nomor baris tidak sah (paling besar {max_row})."
        )));
    }
    Ok(())
}

impl Workspace {
    /// Where in the current set the file stored as `submission_id` is (refused when gone).
    pub(crate) fn stored_file(session: &Session, submission_id: i64) -> Result<usize> {
        session
            .files
            .iter()
            .position(|f| {
                f.stored
                    .as_ref()
                    .is_some_and(|s| s.submission_id == submission_id)
            })
            .ok_or_else(|| {
                Error::InputMissing("Berkas itu tidak ada lagi di kumpulan kerja.".into())
            })
    }

    /// The first rows of a file of the set (sheet `None`: its first) with the automatic
    /// reader's guess, the unit it seems to be for, and the master's units.
    pub fn mapping_preview(
        &self,
        submission_id: i64,
        sheet: Option<&str>,
    ) -> Result<MappingPreview> {
        let snap = self.snapshot()?;
        let session = &snap.session;
        let i = Self::stored_file(session, submission_id)?;
        let file = &session.files[i];
        let sub = &session.submissions[i];
        let preview = fleksi_import::preview(
            &session.opener,
            &file.name,
            &file.bytes,
            &session.policy,
            sheet,
        )
        .map_err(|e| {
            Error::InputMissing(format!("Kolom berkas ini tidak dapat diatur. {}", e.0))
        })?;
        Ok(MappingPreview {
            submission_id,
            sheet: preview,
            unit: sub.unit.clone(),
            units: session
                .master
                .units
                .iter()
                .map(|u| UnitChoice {
                    code: u.code.clone(),
                    name: u.name.clone(),
                })
                .collect(),
            problem: crate::summary::FileResult::of(session, i).problem,
        })
    }

    /// Imports the file stored as `submission_id` again, read with `mapping`: it takes the
    /// place of its unread entry and becomes its unit's next version, saved in one
    /// transaction with the mapping it was read with (and, with `remember`, the unit's
    /// mapping for its next file). A mapping that does not fit changes nothing.
    pub fn import_mapped(
        &self,
        submission_id: i64,
        mapping: &ColumnMapping,
        remember: bool,
    ) -> Result<ImportOutcome> {
        let _w = lock(&self.writer);
        self.catch_up()?;
        let snap = self.snapshot()?;
        let mut session = snap.session.as_ref().clone();
        let at = Self::stored_file(&session, submission_id)?;
        let (name, bytes) = (
            session.files[at].name.clone(),
            session.files[at].bytes.clone(),
        );
        let read = fleksi_import::read_workbook_mapped(
            &session.opener,
            &name,
            &bytes,
            &session.policy,
            &session.master,
            mapping,
        )
        .map_err(|e| Error::InputMissing(e.0))?;
        let unit = mapping
            .unit
            .clone()
            .or_else(|| read.iter().find_map(|s| s.unit.clone()));
        let remembered =
            match (remember, unit) {
                (false, _) => None,
                (true, Some(u)) => Some((
                    u.clone(),
                    ColumnMapping {
                        unit: Some(u),
                        ..mapping.clone()
                    },
                )),
                (true, None) => return Err(Error::UnitUnknown(
                    "Unit berkas ini tidak dikenali: pilih unitnya agar pemetaan dapat disimpan."
                        .into(),
                )),
            };
        // Every entry of this file (one per unit it was read as) steps aside.
        let first = session
            .files
            .iter()
            .position(|f| f.sha256 == session.files[at].sha256 && f.name == name)
            .unwrap_or(at);
        for _ in session.parts_of(first) {
            session.remove_at(first);
        }
        let sha = sha256_hex(&bytes);
        session.mappings.by_file.retain(|(s, _)| *s != sha);
        let used = FileMapping {
            mapping: mapping.clone(),
            remembered_for: None,
        };
        session.mappings.by_file.push((sha, used));
        session.mappings.remember = remembered;
        let added = session.add(vec![InputFile::new(name.clone(), bytes)], &|_, _| {});
        let new = session.joined(&added);
        let snap = self.commit(session, &new, snap.demo, false)?;
        let files = added
            .iter()
            .flat_map(|a| match a {
                Added::Joined(i) => snap
                    .session
                    .parts_of(*i)
                    .map(|j| FileResult::of(&snap.session, j))
                    .collect(),
                Added::Unchanged { same_as } => vec![FileResult::unchanged(&name, same_as)],
            })
            .collect();
        log::info!("Berkas {name} diimpor dengan pemetaan kolom");
        Ok(ImportOutcome {
            files,
            summary: SessionSummary::of(&snap),
        })
    }

    /// The units' remembered mappings, as Pengaturan lists them.
    pub fn column_mappings(&self) -> Result<Vec<MappingRow>> {
        let stored = self.with_store(|s| s.column_mappings())?;
        let master = self.snapshot().ok();
        Ok(stored
            .into_iter()
            .map(|m| MappingRow {
                unit_name: master
                    .as_ref()
                    .and_then(|s| s.session.master.unit(&m.unit_code))
                    .map(|u| u.name.clone()),
                summary: serde_json::from_str::<ColumnMapping>(&m.mapping)
                    .map_or_else(|_| "pemetaan tidak terbaca".to_string(), |c| c.summary()),
                saved_at: local_time(&m.saved_at),
                unit_code: m.unit_code,
            })
            .collect())
    }

    /// Forgets a unit's remembered mapping (its files already read with it stay as read).
    pub fn remove_column_mapping(&self, unit: &str) -> Result<Vec<MappingRow>> {
        let detail = format!("Pemetaan kolom untuk {unit} dihapus.");
        let removed = self.with_store(|s| s.remove_column_mapping(unit, &detail))?;
        if !removed {
            return Err(Error::UnitUnknown(format!(
                "Tidak ada pemetaan kolom tersimpan untuk {unit}."
            )));
        }
        self.column_mappings()
    }

    /// The units' remembered mappings, for the next import to try.
    pub(crate) fn unit_mappings(&self) -> Result<Vec<(String, ColumnMapping)>> {
        Ok(self
            .with_store(|s| s.column_mappings())?
            .into_iter()
            .filter_map(|m| {
                serde_json::from_str(&m.mapping)
                    .ok()
                    .map(|c| (m.unit_code, c))
            })
            .collect())
    }

    /// The mappings stored files were read with, for reading the set back.
    pub(crate) fn file_mappings(&self) -> Result<Vec<(String, FileMapping)>> {
        Ok(self
            .with_store(|s| s.file_mappings())?
            .into_iter()
            .filter_map(|(sha, m)| serde_json::from_str(&m).ok().map(|c| (sha, c)))
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fleksi_import::{ColumnChoice, ColumnRole};

    fn mapping(columns: &[&str]) -> ColumnMapping {
        ColumnMapping {
            sheet: None,
            header_row: Some(1),
            first_data_row: 2,
            columns: columns
                .iter()
                .map(|c| ColumnChoice {
                    column: c.to_string(),
                    role: ColumnRole::Ignore,
                    date: None,
                })
                .collect(),
            unit: None,
        }
    }

    #[test]
    fn check_bounds_what_the_window_sends() {
        assert!(check(&mapping(&["A", "b", "AB"])).is_ok());
        let refused = |m: &ColumnMapping| match check(m) {
            Err(Error::Refused { message, .. }) => message,
            other => panic!("not refused: {other:?}"),
        };
        assert!(refused(&mapping(&["A1"])).contains("bukan nama kolom"));
        assert!(refused(&mapping(&["ABCD"])).contains("bukan nama kolom"));
        let many = vec!["A"; 41];
        assert!(refused(&mapping(&many)).contains("terlalu banyak kolom"));
        let mut far = mapping(&["A"]);
        far.first_data_row = 2_000_000;
        assert!(refused(&far).contains("Nomor baris"));
        let mut unit = mapping(&["A"]);
        unit.unit = Some("X\u{0}".into());
        assert!(refused(&unit).contains("Kode unit"));
    }
}
