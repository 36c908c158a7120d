//! Resolves the `--policy` argument: a preset id (`lebak-2025-12`) or a policy TOML file
//! (as written by `fleksi policy show <id> --toml` or `fleksi policy new`). A file's error
//! names the file and every problem with its field and line.

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
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        return Policy::from_toml(text).map_err(|e| {
            format!("berkas kebijakan {arg}: {e} (rincian: fleksi policy check {arg})")
        });
    }
    presets::by_id(arg).ok_or_else(|| {
        format!(
            "kebijakan '{arg}' tidak dikenal: bukan preset ({}) dan bukan berkas .toml",
            presets::IDS.join(", ")
        )
    })
}
