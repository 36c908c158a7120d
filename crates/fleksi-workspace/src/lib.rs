//! The clerk's working state, host-free, driven by the desktop app and the `fleksi` CLI
//! alike: the working set over the store (policy, master, files sent over time and merged by
//! date, versions), imports with progress, findings queries and paging, screen summaries,
//! the unit × day grid, the reporting window and document assembly. `src-tauri` commands and
//! CLI subcommands are thin calls into this crate, so the window and `fleksi db …` agree by
//! construction.

pub mod check_json;
pub mod documents;
pub mod error;
pub mod findings;
pub mod grid;
pub mod guard;
pub mod import;
pub mod inputs;
pub mod mapping;
pub mod master_check;
pub mod os_errors;
pub mod parse_worker;
pub mod policies;
pub mod policy_book;
pub mod policy_detail;
pub mod policy_form;
pub mod propose;
pub mod records;
pub mod session;
pub mod snapshot;
pub mod staff;
pub mod summary;
pub mod versions;
pub mod window;
mod workspace;

pub use error::{Error, ErrorCode, Result};
pub use inputs::{InputFile, Naming, SavedFile};
pub use session::Session;
pub use snapshot::Snapshot;
pub use workspace::{preset, read_master, SessionState, Workspace, DB_FILE, DEMO_DIR, DEMO_POLICY};
