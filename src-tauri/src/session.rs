//! The clerk's working set: one policy, one master and the OPD files imported so far, with
//! the submissions, findings and recap of validating them together. New files join the set;
//! a later file for the same unit (a corrected re-send) or with the same name replaces the
//! earlier one, so its old findings disappear. Pure: no Tauri, no I/O.

use fleksi_core::{rules, Finding, Master, Policy, Recap, Submission};
use fleksi_import::Progress;

/// One imported file: its name (no folder) and original bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// Everything the screens show and the documents print.
#[derive(Debug, Clone)]
pub struct Session {
    pub policy: Policy,
    pub master_file: InputFile,
    pub master: Master,
    /// Parallel to `submissions`, in import order.
    pub files: Vec<InputFile>,
    pub submissions: Vec<Submission>,
    pub findings: Vec<Finding>,
    pub recap: Recap,
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
        }
    }

    /// Reads `files` (in parallel, `observe` sees each start and finish), merges them into
    /// the set and validates the whole set again.
    pub fn add(&mut self, files: Vec<InputFile>, observe: &(dyn Fn(usize, Progress<'_>) + Sync)) {
        let read = {
            let pairs: Vec<(&str, &[u8])> = files
                .iter()
                .map(|f| (f.name.as_str(), f.bytes.as_slice()))
                .collect();
            fleksi_import::read_submissions_reporting(&pairs, &self.policy, &self.master, observe)
        };
        for (file, sub) in files.into_iter().zip(read) {
            self.retire_replaced_by(&file.name, sub.unit.as_deref());
            self.files.push(file);
            self.submissions.push(sub);
        }
        self.revalidate();
    }

    /// Drops earlier files the new one replaces: same file name, or same unit.
    fn retire_replaced_by(&mut self, name: &str, unit: Option<&str>) {
        let keep: Vec<bool> = self
            .files
            .iter()
            .zip(&self.submissions)
            .map(|(f, s)| f.name != name && (unit.is_none() || s.unit.as_deref() != unit))
            .collect();
        let mut k = keep.iter();
        self.files.retain(|_| *k.next().unwrap_or(&true));
        let mut k = keep.iter();
        self.submissions.retain(|_| *k.next().unwrap_or(&true));
    }

    /// Validates the set again (after a change of files or policy).
    pub fn revalidate(&mut self) {
        let (findings, recap) = rules::validate(&self.policy, &self.master, &self.submissions);
        self.findings = findings;
        self.recap = recap;
    }

    /// Errors and warnings among the findings.
    pub fn counts(&self) -> (u32, u32) {
        let errors = self.findings.iter().filter(|f| f.is_error()).count();
        let warnings = self.findings.len() - errors;
        (to_u32(errors), to_u32(warnings))
    }

    /// The submission read from the file of that name, if it is in the set.
    pub fn submission_named(&self, name: &str) -> Option<&Submission> {
        self.submissions.iter().find(|s| s.file == name)
    }

    /// The submission (and its file) for a unit, if the unit sent one.
    pub fn submission_of(&self, unit: &str) -> Option<&Submission> {
        self.submissions
            .iter()
            .rev()
            .find(|s| s.unit.as_deref() == Some(unit))
    }

    /// The findings that belong to one submission: its own import findings plus rule findings
    /// pointing into its file.
    pub fn findings_of(&self, sub: &Submission) -> Vec<Finding> {
        self.findings
            .iter()
            .filter(|f| f.file.as_deref() == Some(sub.file.as_str()))
            .cloned()
            .collect()
    }
}

/// Saturating `usize` → `u32` for counts sent to the UI.
pub fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::path::PathBuf;

    pub fn fixture(name: &str) -> InputFile {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../tests/fixtures/import")
            .join(name);
        InputFile {
            name: name.to_string(),
            bytes: std::fs::read(&path).expect("fixture file"),
        }
    }

    pub fn lebak_session() -> Session {
        let policy = fleksi_core::presets::by_id("lebak-2025-12").expect("preset");
        let master_file = fixture("master.xlsx");
        let master = fleksi_import::read_master(&master_file.name, &master_file.bytes)
            .expect("master fixture reads");
        Session::new(policy, master_file, master)
    }

    #[test]
    fn files_join_the_set_and_a_resend_replaces_the_earlier_file() {
        let mut s = lebak_session();
        assert!(s.recap.units.iter().all(|u| !u.submitted));
        s.add(
            vec![fixture("diskominfo.xlsx"), fixture("bkpsdm.xls")],
            &|_, _| {},
        );
        assert_eq!(s.files.len(), 2);
        let submitted = s.recap.units.iter().filter(|u| u.submitted).count();
        assert!(submitted >= 2, "two units submitted, got {submitted}");
        let before = s.findings.len();
        // The same file again replaces itself: nothing doubles.
        s.add(vec![fixture("diskominfo.xlsx")], &|_, _| {});
        assert_eq!(s.files.len(), 2);
        assert_eq!(s.findings.len(), before);
        assert_eq!(s.files[1].name, "diskominfo.xlsx");
    }

    #[test]
    fn an_unreadable_file_is_kept_with_its_finding() {
        let mut s = lebak_session();
        s.add(vec![fixture("rusak.xlsx")], &|_, _| {});
        assert_eq!(s.files.len(), 1);
        assert!(s.findings.iter().any(
            |f| f.code.as_str() == "file.unreadable" && f.file.as_deref() == Some("rusak.xlsx")
        ));
        let (errors, _) = s.counts();
        assert!(errors >= 1);
    }
}
