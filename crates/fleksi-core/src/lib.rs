//! Fleksi domain core: the words of the job (NIP, units, employees, statuses, policies,
//! submissions, findings, recap), the holiday calendar, the seed presets and the rules
//! engine. Pure: no I/O, no Tauri, no SQL, no spreadsheet reader.

pub mod calendar;
pub mod finding;
pub mod fmt_id;
pub mod master;
pub mod nip;
pub mod policy;
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
pub use policy::{DocumentKind, Policy, PolicyError, Signatory, UnitMatcher, WeekdayCap};
pub use recap::{DayCount, Recap, StaffSchedule, UnitRecap, Verdict};
pub use rules::validate;
pub use status::Status;
pub use submission::{Entry, Layout, ScheduleRow, Submission};
