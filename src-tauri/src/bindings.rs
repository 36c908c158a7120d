//! Keeps the TypeScript bindings in `ui/src/lib/bindings/` in step with the Rust types that
//! cross IPC. The test fails when a committed file is stale; regenerate with
//! `make bindings` (runs this test with `FLEKSI_UPDATE_BINDINGS=1`).

use std::path::PathBuf;

use ts_rs::{Config, TS};

use crate::error::IpcError;
use crate::info::AppInfo;
use fleksi_workspace::documents::{
    DocOptions, FontChoice, OrientationChoice, PaperChoice, PrintCheck, UnitDocuments,
};
use fleksi_workspace::findings::{Facet, FindingPage, FindingQuery, FindingRow};
use fleksi_workspace::grid::{CellVerdict, GridCell, GridDay, GridUnit, RecapGrid};
use fleksi_workspace::import::{ImportEvent, ImportOutcome, ImportRequest};
use fleksi_workspace::master_check::MasterCheck;
use fleksi_workspace::policies::PolicySummary;
use fleksi_workspace::policy_book::{PolicyEntry, PolicyProblem};
use fleksi_workspace::policy_detail::{DayOffLine, PolicyDetail};
use fleksi_workspace::policy_form::PolicyPreview;
use fleksi_workspace::records::{AuditRow, BackupCheck, History, ImportRow};
use fleksi_workspace::summary::{FileResult, SessionSummary};
use fleksi_workspace::versions::{DiffRow, UnitHistory, VersionRow};
use fleksi_workspace::window::{ReportWindow, WindowSource};
use fleksi_workspace::{ErrorCode, SavedFile, SessionState};

/// (file name, generated TypeScript) for every type the UI uses.
fn generated() -> Vec<(String, String)> {
    let cfg = Config::new();
    let mut out = Vec::new();
    let mut add = |name: String, text: Result<String, ts_rs::ExportError>| match text {
        Ok(text) => out.push((format!("{name}.ts"), text)),
        Err(err) => panic!("cannot generate TypeScript for {name}: {err}"),
    };
    add(ErrorCode::ident(&cfg), ErrorCode::export_to_string(&cfg));
    add(IpcError::ident(&cfg), IpcError::export_to_string(&cfg));
    add(AppInfo::ident(&cfg), AppInfo::export_to_string(&cfg));
    add(
        PolicySummary::ident(&cfg),
        PolicySummary::export_to_string(&cfg),
    );
    macro_rules! export {
        ($($t:ty),* $(,)?) => {
            $(add(<$t>::ident(&cfg), <$t>::export_to_string(&cfg));)*
        };
    }
    export!(
        FileResult,
        SessionSummary,
        SessionState,
        ImportRequest,
        ImportEvent,
        ImportOutcome,
        FindingQuery,
        FindingRow,
        FindingPage,
        Facet,
        CellVerdict,
        GridDay,
        GridCell,
        GridUnit,
        RecapGrid,
        PaperChoice,
        OrientationChoice,
        FontChoice,
        DocOptions,
        SavedFile,
        UnitDocuments,
        DayOffLine,
        PolicyDetail,
        ImportRow,
        AuditRow,
        History,
        BackupCheck,
        MasterCheck,
        ReportWindow,
        WindowSource,
        VersionRow,
        DiffRow,
        UnitHistory,
        PolicyEntry,
        PolicyProblem,
        PolicyPreview,
        PrintCheck,
    );
    out
}

fn bindings_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/bindings")
}

#[test]
fn typescript_bindings_are_fresh() {
    let dir = bindings_dir();
    let update = std::env::var("FLEKSI_UPDATE_BINDINGS").is_ok_and(|v| v == "1");
    let generated = generated();
    let mut stale = Vec::new();
    for (file, text) in &generated {
        let path = dir.join(file);
        let current = std::fs::read_to_string(&path).unwrap_or_default();
        if current == *text {
            continue;
        }
        if update {
            std::fs::create_dir_all(&dir).expect("bindings folder can be created");
            std::fs::write(&path, text).expect("binding can be written");
        } else {
            stale.push(file.clone());
        }
    }
    // A file no Rust type generates any more is stale too.
    if let Ok(entries) = std::fs::read_dir(&dir) {
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.ends_with(".ts") && !generated.iter().any(|(file, _)| *file == name) {
                if update {
                    std::fs::remove_file(entry.path()).expect("stale binding can be removed");
                } else {
                    stale.push(name);
                }
            }
        }
    }
    assert!(
        stale.is_empty(),
        "stale TypeScript bindings in ui/src/lib/bindings: {stale:?}; run `make bindings`"
    );
}
