//! Fleksi domain core: the words of the job (NIP, units, employees, statuses, policies,
//! submissions, findings, recap), the holiday calendar, the seed presets and the rules
//! engine. Pure: no I/O, no Tauri, no SQL, no spreadsheet reader.

pub mod calendar;
pub mod finding;
pub mod fmt_id;
pub mod master;
pub mod nip;
pub mod policy;
pub mod policy_check;
pub mod presets;
pub mod recap;
pub mod rules;
pub mod status;
pub mod submission;
pub mod window;

pub use calendar::{working_days, Calendar, DayOff, DayOffKind, NonWorkingDay};
pub use finding::{Finding, FindingCode, Severity};
pub use master::{Employee, Master, Unit};
pub use nip::{Nip, NipError};
pub use policy::{
    Approver, CapBasis, DocumentKind, Policy, PolicyError, PolicyProblem, Signatory, UnitMatcher,
    UnitScheme, WeekdayCap,
};
pub use recap::{CapPool, DayCount, Recap, StaffSchedule, UnitRecap, Verdict};
pub use rules::validate;
pub use status::{Status, StatusCategory, StatusSynonym, Vocabulary};
pub use submission::{Approval, Entry, Layout, ScheduleRow, Submission};
