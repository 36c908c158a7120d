//! What an import asks, reports while it runs, and gives back: the request from the Impor
//! Jadwal screen, one progress event per file (streamed to the window), and one result line
//! per file.

use fleksi_import::Progress;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::inputs::to_u32;
use crate::session::is_readable;
use crate::summary::{FileResult, SessionSummary};

/// What to import.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
pub struct ImportRequest {
    /// Policy id, e.g. `lebak-2025-12`.
    pub policy_id: String,
    /// A master workbook to use from now on; `None` keeps the current one.
    pub master_path: Option<String>,
    /// Files and/or folders (every spreadsheet directly inside a folder).
    pub paths: Vec<String>,
    /// A file of the set (its database id) that the imported file replaces.
    #[ts(optional, type = "number")]
    #[serde(default)]
    pub replace: Option<i64>,
}

/// Progress of one import, streamed over a channel.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ImportEvent {
    /// The files that will be read, in order (indexes below refer to this list).
    Queued { files: Vec<String> },
    /// A worker started reading file `index`.
    FileStarted { index: u32 },
    /// File `index` is read (before the rules ran over the whole set).
    FileRead {
        index: u32,
        /// The unit's code; the codes joined by ", " when the file holds several units.
        unit_code: Option<String>,
        rows: u32,
        readable: bool,
    },
    /// Every file is read and checked; saving to the database.
    Saving,
}

/// What one import did.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ImportOutcome {
    /// One line per file of this import, in the queued order.
    pub files: Vec<FileResult>,
    pub summary: SessionSummary,
}

/// The progress observer the importer calls, turned into [`ImportEvent`]s. `offset` maps
/// the importer's index (files actually read) back to the queued list.
pub fn observer<'a>(
    on_event: &'a (dyn Fn(ImportEvent) + Sync),
    queued: &'a [usize],
) -> impl Fn(usize, Progress<'_>) + Sync + 'a {
    move |i, progress| {
        let index = to_u32(queued.get(i).copied().unwrap_or(i));
        on_event(match progress {
            Progress::Started => ImportEvent::FileStarted { index },
            Progress::Done(subs) => ImportEvent::FileRead {
                index,
                unit_code: units_text(subs),
                rows: to_u32(subs.iter().map(|s| s.rows.len()).sum()),
                readable: subs.iter().any(is_readable),
            },
        })
    }
}

/// The unit codes of a file's submissions, joined by ", " (`None` when none is known).
pub fn units_text(subs: &[fleksi_core::Submission]) -> Option<String> {
    let codes: Vec<&str> = subs.iter().filter_map(|s| s.unit.as_deref()).collect();
    (!codes.is_empty()).then(|| codes.join(", "))
}
