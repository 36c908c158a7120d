//! Entry point of the Fleksi desktop app; everything lives in the `fleksi_app` library.

// No console window behind the app on Windows in release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    fleksi_app::run();
}
