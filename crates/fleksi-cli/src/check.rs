//! `fleksi check`: imports the OPD workbooks (files or folders) into a working set in
//! memory — the same `fleksi_workspace` session the app and `fleksi db` use, files merged by
//! date in command-line order — validates them, and prints the design §5 JSON object
//! (`--json`) or an Indonesian text report grouped by unit. Exit 0 without errors, 1 with
//! errors, 2 when it cannot run.

#[path = "report_text.rs"]
mod report_text;

use std::path::Path;
use std::sync::Arc;

use fleksi_workspace::snapshot::today;
use fleksi_workspace::window::Window;
use fleksi_workspace::{check_json, inputs, read_master, InputFile, Naming, Session, Snapshot};

/// Everything one check produced.
pub struct Outcome {
    /// How the master is named in the report.
    pub master_name: String,
    pub snap: Snapshot,
}

impl Outcome {
    pub fn errors(&self) -> usize {
        self.snap
            .session
            .findings
            .iter()
            .filter(|f| f.is_error())
            .count()
    }
}

/// The `--from/--to` reporting window, when given (both or neither).
pub fn chosen_window(
    policy: &fleksi_core::Policy,
    from: Option<&str>,
    to: Option<&str>,
) -> Result<Option<Window>, String> {
    match (from, to) {
        (None, None) => Ok(None),
        (Some(f), Some(t)) => Window::chosen(policy, f, t)
            .map(Some)
            .map_err(|e| e.to_string()),
        _ => Err("sebutkan keduanya: --from TTTT-BB-HH dan --to TTTT-BB-HH".to_string()),
    }
}

/// A snapshot of `session` with the chosen window, or the default one (covering `session`'s
/// files when `latest_import` is false, the latest stored import otherwise).
pub fn snapshot(session: Arc<Session>, window: Option<Window>, latest_import: bool) -> Snapshot {
    match window {
        Some(w) => Snapshot::with_window(session, false, w),
        None => Snapshot::new(session, false, None, latest_import, today()),
    }
}

/// Reads the master file; errors name it.
pub fn master_file(path: &Path) -> Result<InputFile, String> {
    inputs::read_input(path, Naming::AsGiven).map_err(|e| e.to_string())
}

/// Runs the import and the rules over the inputs. The master and the OPD workbooks are read
/// in one pipelined pass (the workbooks parse while the master is read).
pub fn evaluate(inputs: &crate::Inputs) -> Result<Outcome, String> {
    fleksi_import::quiet_parser_panics();
    let policy = crate::policy_arg::load_policy(&inputs.policy)?;
    let window = chosen_window(&policy, inputs.from.as_deref(), inputs.to.as_deref())?;
    let master = master_file(&inputs.master)?;
    let paths = inputs::gather(&inputs.files, std::slice::from_ref(&inputs.master))
        .map_err(|e| e.to_string())?;
    let files = inputs::read_all(&paths, Naming::AsGiven).map_err(|e| e.to_string())?;
    let (session, _) = Session::read(policy, master, files, &|_, _| {})?;
    Ok(Outcome {
        master_name: inputs.master.display().to_string(),
        snap: snapshot(Arc::new(session), window, false),
    })
}

/// Loads the master workbook alone; errors name the file.
pub fn load_master(path: &Path) -> Result<fleksi_core::Master, String> {
    read_master(&master_file(path)?).map_err(|e| e.to_string())
}

/// Prints the JSON or the text report; the exit status follows the errors.
pub fn print(outcome: &Outcome, as_json: bool) -> Result<u8, String> {
    if as_json {
        let text = serde_json::to_string_pretty(&check_json::check_json(&outcome.snap))
            .map_err(|e| format!("JSON tidak dapat ditulis: {e}"))?;
        println!("{text}");
    } else {
        print!("{}", report_text::render(outcome));
    }
    Ok(if outcome.errors() > 0 { 1 } else { 0 })
}

pub fn run(inputs: &crate::Inputs, as_json: bool) -> Result<u8, String> {
    print(&evaluate(inputs)?, as_json)
}
