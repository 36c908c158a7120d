//! The master (data pegawai) the clerk picks, read and checked at once — units, staff and
//! what is wrong with it — before anything is imported with it.

use std::path::Path;

use serde::Serialize;
use ts_rs::TS;

use crate::inputs::{read_input, to_u32, Naming};
use crate::workspace::read_master_using;

/// What a master workbook holds, or why it cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct MasterCheck {
    pub path: String,
    pub name: String,
    pub units: u32,
    pub staff: u32,
    /// Units with no staff in the master (they can never send a schedule).
    pub empty_units: u32,
    /// Why the master cannot be used (with the cells at fault), in Indonesian.
    pub problem: Option<String>,
}

/// Reads and checks the master at `path` (in this process).
pub fn inspect_master(path: &Path) -> MasterCheck {
    inspect_master_using(path, &fleksi_import::Opener::default())
}

/// [`inspect_master`] with the workbook opened by `opener` (the app: a parse worker).
pub fn inspect_master_using(path: &Path, opener: &fleksi_import::Opener) -> MasterCheck {
    let mut out = MasterCheck {
        path: path.display().to_string(),
        name: crate::inputs::file_name(path),
        units: 0,
        staff: 0,
        empty_units: 0,
        problem: None,
    };
    let master = read_input(path, Naming::FileName).and_then(|f| read_master_using(opener, &f));
    match master {
        Ok(m) => {
            out.units = to_u32(m.units.len());
            out.staff = to_u32(m.employees.len());
            out.empty_units = to_u32(
                m.units
                    .iter()
                    .filter(|u| m.staff_count(&u.code) == 0)
                    .count(),
            );
        }
        Err(e) => out.problem = Some(e.to_string()),
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::tests::fixtures_dir;

    #[test]
    fn a_master_is_counted_and_a_schedule_offered_as_master_is_refused_with_its_reason() {
        let ok = inspect_master(&fixtures_dir().join("master.xlsx"));
        assert_eq!(ok.problem, None);
        assert!(ok.units > 0 && ok.staff > 0, "{ok:?}");
        let wrong = inspect_master(&fixtures_dir().join("diskominfo.xlsx"));
        assert!(wrong.problem.is_some(), "{wrong:?}");
        assert_eq!(wrong.staff, 0);
        let missing = inspect_master(&fixtures_dir().join("tidak-ada.xlsx"));
        assert!(missing
            .problem
            .as_deref()
            .is_some_and(|p| p.contains("tidak-ada.xlsx")));
    }
}
