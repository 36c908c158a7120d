//! The working set: one policy, one master and the OPD files sent so far, in the order they
//! came, with the submissions, findings and recap of validating them together. A unit's files
//! merge by date (the rules engine gives each date to the unit's latest file covering it), so
//! week 2 adds to week 1 and a corrected week 1 replaces only week 1; identical bytes change
//! nothing. Pure: no I/O, no store.

use std::sync::Arc;

use chrono::NaiveDate;
use fleksi_core::{rules, Finding, Master, Policy, Recap, Submission};
use fleksi_import::Progress;
use fleksi_store::sha256_hex;

use crate::inputs::{to_u32, InputFile};

/// One file of the set and where it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetFile {
    pub name: String,
    pub bytes: Arc<[u8]>,
    pub sha256: String,
    /// The unit's version number of this send (1 for the first file of a unit, or for a
    /// file whose unit is unknown).
    pub version: u32,
    /// Set once the file is in the database.
    pub stored: Option<StoredRef>,
}

/// Where a file of the set is in the database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredRef {
    pub submission_id: i64,
    pub import_id: i64,
    /// ISO-8601 local time of the import.
    pub imported_at: String,
}

/// What became of one file offered to [`Session::add`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Added {
    /// Joined the set at this index (its first entry: see [`Session::parts_of`]).
    Joined(usize),
    /// The same bytes are in the set already (under this name): nothing changed.
    Unchanged { same_as: String },
}

/// Everything the screens show and the documents print.
#[derive(Debug, Clone)]
pub struct Session {
    pub policy: Policy,
    pub master_file: InputFile,
    pub master: Master,
    /// Parallel to `submissions`, in the order the files came.
    pub files: Vec<SetFile>,
    pub submissions: Vec<Submission>,
    pub findings: Vec<Finding>,
    /// The recap over the whole policy period (documents use a window of it).
    pub recap: Recap,
    /// Database ids of stored files taken out of the set since the last save (the save
    /// retires them in the same transaction).
    pub retired: Vec<i64>,
    /// Opens the workbooks of [`Session::add`] and [`Session::rebase`] (default: in this
    /// process; the app: its parse workers).
    pub opener: fleksi_import::Opener,
    /// Files read with the clerk's column mapping, and the units' remembered mappings (see
    /// [`crate::mapping`]).
    pub mappings: crate::mapping::ReadMappings,
}

impl Session {
    /// A session with no OPD files yet (the recap lists every unit as not submitted).
    pub fn new(policy: Policy, master_file: InputFile, master: Master) -> Session {
        let (findings, recap) = rules::validate(&policy, &master, &[]);
        Session {
            policy,
            master_file,
            master,
            files: Vec::new(),
            submissions: Vec::new(),
            findings,
            recap,
            retired: Vec::new(),
            opener: fleksi_import::Opener::default(),
            mappings: Default::default(),
        }
    }

    /// The same session, its workbooks opened by `opener` from now on.
    pub fn with_opener(mut self, opener: fleksi_import::Opener) -> Session {
        self.opener = opener;
        self
    }

    /// The same files read again under another policy and/or master (each file keeps its
    /// version and database id).
    pub fn rebase(&self, policy: Policy, master_file: InputFile, master: Master) -> Session {
        let mut next = Session::new(policy, master_file, master).with_opener(self.opener.clone());
        let pairs: Vec<(&str, &[u8])> = self
            .files
            .iter()
            .map(|f| (f.name.as_str(), &f.bytes[..]))
            .collect();
        let mut books = fleksi_import::read_workbooks_reporting_using(
            &next.opener,
            &pairs,
            &next.policy,
            &next.master,
            &|_, _| {},
        );
        next.mappings.by_file = self.mappings.by_file.clone();
        let (opener, policy, master) = (&next.opener, &next.policy, &next.master);
        next.mappings
            .apply(opener, &pairs, &mut books, policy, master);
        // A file's parts are consecutive in the set; each keeps its version and database id
        // when it reads as the same unit again.
        let mut at = 0;
        for subs in books {
            let Some(first) = self.files.get(at) else {
                break;
            };
            let parts: Vec<&SetFile> = self.files[at..]
                .iter()
                .take_while(|f| f.sha256 == first.sha256)
                .collect();
            for sub in subs {
                let mine = parts
                    .iter()
                    .zip(&self.submissions[at..])
                    .find(|(_, s)| s.unit == sub.unit)
                    .map_or(parts[0], |(f, _)| *f);
                next.files.push(mine.clone());
                next.submissions.push(sub);
            }
            at += parts.len();
        }
        next.revalidate();
        next
    }

    /// A session from a master and files read in one pipelined pass (the files parse while
    /// the master is read) — what `fleksi check` does.
    pub fn read(
        policy: Policy,
        master_file: InputFile,
        files: Vec<InputFile>,
        observe: &(dyn Fn(usize, Progress<'_>) + Sync),
    ) -> Result<(Session, Vec<Added>), String> {
        let (fresh, same) = split_identical(&[], files);
        let pairs: Vec<(&str, &[u8])> = fresh
            .iter()
            .map(|f| (f.name.as_str(), &f.bytes[..]))
            .collect();
        let (master, subs) = fleksi_import::read_master_and_workbooks(
            (&master_file.name, &master_file.bytes),
            &pairs,
            &policy,
            observe,
        )
        .map_err(|e| e.to_string())?;
        let mut session = Session::new(policy, master_file, master);
        let joined = session.join(fresh, subs);
        session.revalidate();
        Ok((session, in_order(joined, same)))
    }

    /// Reads `files` (in parallel; `observe` sees each start and finish, indexed among the
    /// files actually read — see [`identical`]), merges them into the set and validates the
    /// whole set again. Returns what became of each file, in order: files with bytes already
    /// in the set change nothing.
    pub fn add(
        &mut self,
        files: Vec<InputFile>,
        observe: &(dyn Fn(usize, Progress<'_>) + Sync),
    ) -> Vec<Added> {
        let (fresh, same) = split_identical(&self.files, files);
        let read = {
            let pairs: Vec<(&str, &[u8])> = fresh
                .iter()
                .map(|f| (f.name.as_str(), &f.bytes[..]))
                .collect();
            let (opener, policy, master) = (&self.opener, &self.policy, &self.master);
            let mut books = fleksi_import::read_workbooks_reporting_using(
                opener, &pairs, policy, master, observe,
            );
            self.mappings
                .apply(opener, &pairs, &mut books, policy, master);
            books
        };
        let joined = self.join(fresh, read);
        self.revalidate();
        in_order(joined, same)
    }

    /// Appends read files, one entry per submission (a workbook of several units gives
    /// several entries of the same file, one per unit, each with its own version); a file
    /// with the name of an earlier file whose unit could not be told (a failed attempt)
    /// takes its place. Returns `Joined` outcomes in order (the file's first entry).
    fn join(&mut self, files: Vec<InputFile>, books: Vec<Vec<Submission>>) -> Vec<Added> {
        let mut out = Vec::with_capacity(files.len());
        for (file, subs) in files.into_iter().zip(books) {
            while let Some(i) = self
                .files
                .iter()
                .zip(&self.submissions)
                .position(|(f, s)| f.name == file.name && s.unit.is_none())
            {
                self.remove_at(i);
            }
            let sha256 = sha256_hex(&file.bytes);
            out.push(Added::Joined(self.files.len()));
            for sub in subs {
                let version = match sub.unit.as_deref() {
                    Some(unit) => {
                        1 + self
                            .files
                            .iter()
                            .zip(&self.submissions)
                            .filter(|(_, s)| s.unit.as_deref() == Some(unit))
                            .map(|(f, _)| f.version)
                            .max()
                            .unwrap_or(0)
                    }
                    None => 1,
                };
                self.files.push(SetFile {
                    name: file.name.clone(),
                    bytes: file.bytes.clone(),
                    sha256: sha256.clone(),
                    version,
                    stored: None,
                });
                self.submissions.push(sub);
            }
        }
        out
    }

    /// The set indexes of every entry of the files that joined (each unit of a workbook
    /// of several units is an entry).
    pub fn joined(&self, added: &[Added]) -> Vec<usize> {
        added
            .iter()
            .filter_map(|a| match a {
                Added::Joined(i) => Some(self.parts_of(*i)),
                Added::Unchanged { .. } => None,
            })
            .flatten()
            .collect()
    }

    /// The findings of the entry at `index`: those in its file, and when the file holds
    /// several units, only those of its unit and sheet.
    pub fn findings_of_entry(&self, index: usize) -> impl Iterator<Item = &Finding> + '_ {
        let file = &self.files[index];
        let sub = &self.submissions[index];
        let shared = self.is_part(index);
        self.findings_in(&file.name).filter(move |f| {
            !shared || (f.unit == sub.unit && f.sheet.as_deref().is_none_or(|s| s == sub.sheet))
        })
    }

    /// Drops the entries of stored files whose unit has no active row, so a unit taken out
    /// of a workbook of several units stays out when the set is read back from the bytes.
    /// `stored` lists (SHA-256, unit) of the active rows. Call before the stored ids are
    /// copied on; returns whether anything was dropped (validate again then).
    pub fn keep_stored_units(&mut self, stored: &[(&str, Option<&str>)]) -> bool {
        let before = self.files.len();
        let mut i = 0;
        while i < self.files.len() {
            let sha = self.files[i].sha256.as_str();
            let unit = self.submissions[i].unit.as_deref();
            let mut rows = stored.iter().filter(|(s, _)| *s == sha).peekable();
            let known = rows.peek().is_some();
            if known && !rows.any(|(_, u)| *u == unit) {
                self.files.remove(i);
                self.submissions.remove(i);
            } else {
                i += 1;
            }
        }
        self.files.len() != before
    }

    /// Whether the entry at `index` is one unit of a file that holds several.
    pub fn is_part(&self, index: usize) -> bool {
        let file = &self.files[index];
        self.files
            .iter()
            .filter(|f| f.name == file.name && f.sha256 == file.sha256)
            .count()
            > 1
    }

    /// The set indexes of the entries of the file whose first entry is at `index` (one per
    /// unit the file holds).
    pub fn parts_of(&self, index: usize) -> std::ops::Range<usize> {
        let Some(first) = self.files.get(index) else {
            return index..index;
        };
        let len = self.files[index..]
            .iter()
            .take_while(|f| f.sha256 == first.sha256 && f.name == first.name)
            .count();
        index..index + len
    }

    /// Takes the file at `index` out of the set (validate again afterwards).
    pub fn remove_at(&mut self, index: usize) -> Option<(SetFile, Submission)> {
        if index >= self.files.len() {
            return None;
        }
        let file = self.files.remove(index);
        if let Some(stored) = &file.stored {
            self.retired.push(stored.submission_id);
        }
        Some((file, self.submissions.remove(index)))
    }

    /// Validates the set again (after a change of files, master or policy).
    pub fn revalidate(&mut self) {
        let (findings, recap) = rules::validate(&self.policy, &self.master, &self.submissions);
        self.findings = findings;
        self.recap = recap;
    }

    /// Errors and warnings among the findings.
    pub fn counts(&self) -> (u32, u32) {
        let errors = self.findings.iter().filter(|f| f.is_error()).count();
        (to_u32(errors), to_u32(self.findings.len() - errors))
    }

    /// Index of the file with this name (the latest when several share it).
    pub fn index_named(&self, name: &str) -> Option<usize> {
        self.files.iter().rposition(|f| f.name == name)
    }

    /// The submissions of a unit, oldest first, with their files.
    pub fn sends_of<'a>(
        &'a self,
        unit: &'a str,
    ) -> impl Iterator<Item = (&'a SetFile, &'a Submission)> + 'a {
        self.files
            .iter()
            .zip(&self.submissions)
            .filter(move |(_, s)| s.unit.as_deref() == Some(unit))
    }

    /// The latest submission of a unit, if it sent one.
    pub fn submission_of(&self, unit: &str) -> Option<&Submission> {
        self.submissions
            .iter()
            .rev()
            .find(|s| s.unit.as_deref() == Some(unit))
    }

    /// The findings that point into one file.
    pub fn findings_in<'a>(&'a self, file: &'a str) -> impl Iterator<Item = &'a Finding> + 'a {
        self.findings
            .iter()
            .filter(move |f| f.file.as_deref() == Some(file))
    }

    /// The findings of every file a unit sent (rule findings included).
    pub fn findings_of_unit(&self, unit: &str) -> Vec<Finding> {
        let names: Vec<&str> = self.sends_of(unit).map(|(f, _)| f.name.as_str()).collect();
        self.findings
            .iter()
            .filter(|f| f.file.as_deref().is_some_and(|n| names.contains(&n)))
            .cloned()
            .collect()
    }

    /// The first and last date that the given files cover (all files when `only` is None).
    pub fn covered(&self, only: Option<&[usize]>) -> Option<(NaiveDate, NaiveDate)> {
        let dates = self
            .submissions
            .iter()
            .enumerate()
            .filter(|(i, _)| only.is_none_or(|o| o.contains(i)))
            .flat_map(|(_, s)| s.dates.iter().copied());
        fleksi_core::window::covered_range(dates)
    }

    /// Indexes of the files of the latest stored import (all files when none is stored).
    pub fn latest_import(&self) -> Vec<usize> {
        let latest = self
            .files
            .iter()
            .filter_map(|f| f.stored.as_ref().map(|s| s.import_id))
            .max();
        self.files
            .iter()
            .enumerate()
            .filter(|(_, f)| latest.is_none() || f.stored.as_ref().map(|s| s.import_id) == latest)
            .map(|(i, _)| i)
            .collect()
    }
}

/// Splits offered files into those to read and those whose bytes are in the set already (or
/// earlier in the same batch); `order` tells, per offered file, which it became.
fn split_identical(
    set: &[SetFile],
    files: Vec<InputFile>,
) -> (Vec<InputFile>, Vec<Option<String>>) {
    let same = identical(set, &files);
    let fresh = files
        .into_iter()
        .zip(&same)
        .filter(|(_, s)| s.is_none())
        .map(|(f, _)| f)
        .collect();
    (fresh, same)
}

/// Per offered file: the name of a file with the same bytes in the set (or earlier in the
/// batch), or `None` when it is new.
pub fn identical(set: &[SetFile], files: &[InputFile]) -> Vec<Option<String>> {
    let mut seen: Vec<(String, String)> = set
        .iter()
        .map(|f| (f.sha256.clone(), f.name.clone()))
        .collect();
    files
        .iter()
        .map(|f| {
            let sha = sha256_hex(&f.bytes);
            match seen.iter().find(|(s, _)| *s == sha) {
                Some((_, name)) => Some(name.clone()),
                None => {
                    seen.push((sha, f.name.clone()));
                    None
                }
            }
        })
        .collect()
}

/// Puts `Joined` outcomes back between the unchanged ones, in the offered order.
fn in_order(joined: Vec<Added>, same: Vec<Option<String>>) -> Vec<Added> {
    let mut joined = joined.into_iter();
    same.into_iter()
        .map(|s| match s {
            Some(same_as) => Added::Unchanged { same_as },
            None => joined.next().unwrap_or(Added::Unchanged {
                same_as: String::new(),
            }),
        })
        .collect()
}

/// False when the file gave no schedule: it could not be opened, or no header row was found
/// (see [`Submission::is_unread`]); its line and its unit say "berkas tidak terbaca".
pub fn is_readable(sub: &Submission) -> bool {
    !sub.is_unread()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::path::PathBuf;

    pub fn fixtures_dir() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/import")
    }

    pub fn fixture(name: &str) -> InputFile {
        let bytes = std::fs::read(fixtures_dir().join(name)).expect("fixture file");
        InputFile::new(name, bytes)
    }

    pub fn lebak_session() -> Session {
        let policy = fleksi_core::presets::by_id("lebak-2025-12").expect("preset");
        let master_file = fixture("master.xlsx");
        let master = fleksi_import::read_master(&master_file.name, &master_file.bytes)
            .expect("master fixture reads");
        Session::new(policy, master_file, master)
    }

    #[test]
    fn files_join_and_identical_bytes_change_nothing() {
        let mut s = lebak_session();
        assert!(s.recap.units.iter().all(|u| !u.submitted));
        let added = s.add(
            vec![fixture("diskominfo.xlsx"), fixture("bkpsdm.xls")],
            &|_, _| {},
        );
        assert_eq!(added, vec![Added::Joined(0), Added::Joined(1)]);
        let submitted = s.recap.units.iter().filter(|u| u.submitted).count();
        assert!(submitted >= 2, "two units submitted, got {submitted}");
        let before = s.findings.clone();
        // The same bytes under another name: nothing changes.
        let again = s.add(
            vec![InputFile::new(
                "salinan.xlsx",
                fixture("diskominfo.xlsx").bytes,
            )],
            &|_, _| {},
        );
        assert_eq!(
            again,
            vec![Added::Unchanged {
                same_as: "diskominfo.xlsx".into()
            }]
        );
        assert_eq!(s.files.len(), 2);
        assert_eq!(s.findings, before);
    }

    #[test]
    fn an_unreadable_file_is_kept_and_a_same_named_resend_takes_its_place() {
        let mut s = lebak_session();
        s.add(vec![fixture("rusak.xlsx")], &|_, _| {});
        assert_eq!(s.files.len(), 1);
        assert!(s.findings.iter().any(
            |f| f.code.as_str() == "file.unreadable" && f.file.as_deref() == Some("rusak.xlsx")
        ));
        // The clerk gets a readable copy under the same name.
        s.add(
            vec![InputFile::new(
                "rusak.xlsx",
                fixture("diskominfo.xlsx").bytes,
            )],
            &|_, _| {},
        );
        assert_eq!(s.files.len(), 1);
        assert!(!s
            .findings
            .iter()
            .any(|f| f.code.as_str() == "file.unreadable"));
    }
}
