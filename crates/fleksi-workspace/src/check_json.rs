//! The `check --json` object of design §5 (`policy`, `files`, `units`, `issues`), built from
//! a snapshot — the same function for `fleksi check` on files and `fleksi db check` on the
//! store, so both print the same JSON for the same files.

use fleksi_core::{Layout, Severity, Submission};
use serde_json::{json, Value};

use crate::snapshot::Snapshot;
use crate::window::WindowSource;

fn layout_name(s: &Submission) -> Value {
    if s.rows.is_empty() && s.dates.is_empty() {
        return Value::Null;
    }
    match s.layout {
        Layout::Wide => json!("wide"),
        Layout::Long => json!("long"),
    }
}

/// The design §5 JSON object. Units' days cover the snapshot's window; issues are every
/// finding of the set, except that a window the clerk chose leaves out findings dated
/// outside it.
pub fn check_json(snap: &Snapshot) -> Value {
    let session = &snap.session;
    let files: Vec<Value> = session
        .submissions
        .iter()
        .map(|s| {
            json!({
                "path": s.file,
                "sheet": s.sheet,
                "unit": s.unit,
                "layout": layout_name(s),
                "rows": s.rows.len(),
            })
        })
        .collect();
    let units: Vec<Value> = snap
        .recap
        .units
        .iter()
        .map(|u| {
            json!({
                "code": u.code,
                "name": u.name,
                "total_staff": u.total_staff,
                "submitted": u.submitted,
                "unreadable": u.unreadable,
                "days": u.days.iter().map(|d| json!({
                    "date": d.date.to_string(),
                    "wfo": d.wfo,
                    "wfa": d.wfa,
                    "other": d.other,
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let chosen = snap.window.source == WindowSource::Chosen;
    let issues: Vec<Value> = session
        .findings
        .iter()
        .filter(|f| {
            !chosen
                || f.date
                    .is_none_or(|d| d >= snap.window.from && d <= snap.window.to)
        })
        .map(|f| {
            json!({
                "code": f.code.as_str(),
                "severity": match f.severity {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                },
                "file": f.file,
                "sheet": f.sheet,
                "cell": f.cell,
                "unit": f.unit,
                "nip": f.nip,
                "date": f.date.map(|d| d.to_string()),
                "message": f.message,
                "hint": f.hint,
            })
        })
        .collect();
    json!({
        "policy": session.policy.id,
        "window": {"from": snap.window.from.to_string(), "to": snap.window.to.to_string()},
        "files": files,
        "units": units,
        "issues": issues,
    })
}

/// Whether the JSON's issues hold an error (exit status 1).
pub fn has_errors(value: &Value) -> bool {
    value["issues"]
        .as_array()
        .is_some_and(|a| a.iter().any(|i| i["severity"] == "error"))
}
