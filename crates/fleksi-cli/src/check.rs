//! `fleksi check`: imports the OPD workbooks (files or folders), validates them against the
//! policy and the master, and prints the design §5 JSON object (`--json`) or an Indonesian
//! text report grouped by unit. Exit 0 without errors, 1 with errors, 2 when it cannot run.

#[path = "report_text.rs"]
mod report_text;

use fleksi_core::{rules, Finding, Layout, Master, Policy, Recap, Severity, Submission};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

/// Everything one check produced.
pub struct Outcome {
    pub policy: Policy,
    pub master_path: PathBuf,
    pub master: Master,
    pub submissions: Vec<Submission>,
    pub findings: Vec<Finding>,
    pub recap: Recap,
}

impl Outcome {
    pub fn errors(&self) -> usize {
        self.findings.iter().filter(|f| f.is_error()).count()
    }
}

/// Loads the master workbook; errors name the file.
pub fn load_master(path: &Path) -> Result<Master, String> {
    let bytes = std::fs::read(path)
        .map_err(|e| format!("data pegawai '{}' tidak dapat dibuka: {e}", path.display()))?;
    fleksi_import::read_master(&path.display().to_string(), &bytes).map_err(|e| e.to_string())
}

/// Runs the import and the rules over the inputs. The master and the OPD workbooks are read
/// in one pipelined pass (the workbooks parse while the master is read).
pub fn evaluate(inputs: &crate::Inputs) -> Result<Outcome, String> {
    fleksi_import::quiet_parser_panics();
    let policy = crate::policy_arg::load_policy(&inputs.policy)?;
    let master_bytes = std::fs::read(&inputs.master).map_err(|e| {
        format!(
            "data pegawai '{}' tidak dapat dibuka: {e}",
            inputs.master.display()
        )
    })?;
    for p in &inputs.files {
        if !p.exists() {
            return Err(format!("berkas atau folder '{}' tidak ada", p.display()));
        }
    }
    let paths = fleksi_import::collect_inputs_excluding(
        &inputs.files,
        std::slice::from_ref(&inputs.master),
    );
    if paths.is_empty() {
        return Err(
            "tidak ada berkas jadwal (xlsx, xlsm, xlsb, xls, ods, csv) untuk diperiksa".to_string(),
        );
    }
    let files: Vec<(String, Vec<u8>)> = paths
        .iter()
        .map(|p| {
            let bytes = std::fs::read(p).unwrap_or_default();
            (p.display().to_string(), bytes)
        })
        .collect();
    let master_name = inputs.master.display().to_string();
    let (master, submissions) = fleksi_import::read_master_and_submissions(
        (&master_name, &master_bytes),
        &files,
        &policy,
        &|_, _| {},
    )
    .map_err(|e| e.to_string())?;
    let (findings, recap) = rules::validate(&policy, &master, &submissions);
    Ok(Outcome {
        policy,
        master_path: inputs.master.clone(),
        master,
        submissions,
        findings,
        recap,
    })
}

fn layout_name(s: &Submission) -> Value {
    if s.rows.is_empty() && s.dates.is_empty() {
        return Value::Null;
    }
    match s.layout {
        Layout::Wide => json!("wide"),
        Layout::Long => json!("long"),
    }
}

/// The design §5 JSON object.
pub fn to_json(o: &Outcome) -> Value {
    let files: Vec<Value> = o
        .submissions
        .iter()
        .map(|s| {
            json!({
                "path": s.file,
                "unit": s.unit,
                "layout": layout_name(s),
                "rows": s.rows.len(),
            })
        })
        .collect();
    let units: Vec<Value> = o
        .recap
        .units
        .iter()
        .map(|u| {
            json!({
                "code": u.code,
                "name": u.name,
                "total_staff": u.total_staff,
                "submitted": u.submitted,
                "days": u.days.iter().map(|d| json!({
                    "date": d.date.to_string(),
                    "wfo": d.wfo,
                    "wfa": d.wfa,
                    "other": d.other,
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let issues: Vec<Value> = o
        .findings
        .iter()
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
        "policy": o.policy.id,
        "files": files,
        "units": units,
        "issues": issues,
    })
}

pub fn run(inputs: &crate::Inputs, as_json: bool) -> Result<u8, String> {
    let outcome = evaluate(inputs)?;
    if as_json {
        let text = serde_json::to_string_pretty(&to_json(&outcome))
            .map_err(|e| format!("JSON tidak dapat ditulis: {e}"))?;
        println!("{text}");
    } else {
        print!("{}", report_text::render(&outcome));
    }
    Ok(if outcome.errors() > 0 { 1 } else { 0 })
}
