//! Entry point of the Fleksi desktop app; everything lives in the `fleksi_app` library.

// No console window behind the app on Windows in release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    // Started by the app itself to parse one OPD workbook after another, isolated from the
    // window (see fleksi_workspace::parse_worker); nothing of Tauri is set up.
    if fleksi_workspace::parse_worker::is_worker() {
        std::process::exit(i32::from(fleksi_workspace::parse_worker::serve()));
    }
    fleksi_app::run();
}
