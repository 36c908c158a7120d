//! Writes the default demo (Lebak, 12 units, 3 days, planted faults) to a folder, for a
//! quick look without the CLI: `cargo run -p fleksi-demo --example demo_default -- <folder>`.

use fleksi_demo::{write_demo, DemoOptions};
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(out) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("pemakaian: demo_default <folder-keluaran>");
        return ExitCode::from(2);
    };
    let Some(policy) = fleksi_core::presets::by_id("lebak-2025-12") else {
        eprintln!("preset lebak-2025-12 tidak ada");
        return ExitCode::from(2);
    };
    match write_demo(&DemoOptions::new(policy), &out) {
        Ok(s) => {
            println!("{}", s.readme_path.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("Galat: {e}");
            ExitCode::from(2)
        }
    }
}
