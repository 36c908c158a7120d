//! Shared helpers of the CLI tests: the repository root and running the `fleksi` binary.

#![allow(dead_code)]

use std::path::PathBuf;
use std::process::Command;

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Runs `fleksi` from the repository root: (exit code, stdout, stderr).
pub fn fleksi(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_fleksi"))
        .current_dir(root())
        .args(args)
        .output()
        .expect("fleksi runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}
