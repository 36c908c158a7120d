//! Resolves the `--policy` argument: a preset id (`lebak-2025-12`) or a policy TOML file
//! (as written by `fleksi policy show <id> --toml`).

use fleksi_core::{presets, Policy};
use std::path::Path;

/// The policy named by `arg`: a file when it ends in `.toml` or names an existing file,
/// otherwise a preset id. Errors are Indonesian and name the file.
pub fn load_policy(arg: &str) -> Result<Policy, String> {
    let path = Path::new(arg);
    let looks_like_file = arg.to_ascii_lowercase().ends_with(".toml") || path.is_file();
    if looks_like_file {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("berkas kebijakan {arg} tidak dapat dibuka: {e}"))?;
        return Policy::from_toml(&text).map_err(|e| format!("berkas kebijakan {arg}: {e}"));
    }
    presets::by_id(arg).ok_or_else(|| {
        format!(
            "kebijakan '{arg}' tidak dikenal: bukan preset ({}) dan bukan berkas .toml",
            presets::IDS.join(", ")
        )
    })
}
