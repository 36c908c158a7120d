//! Fleksi desktop app (Tauri 2): window, plugins and the IPC commands over the Fleksi crates.
//! The UI lives in `ui/` (Svelte); types crossing IPC are generated into
//! `ui/src/lib/bindings/` by ts-rs (see `bindings`).

pub mod commands;
pub mod error;
pub mod info;
pub mod policies;

#[cfg(test)]
mod bindings;

use tauri::Manager;
use tauri_plugin_log::{Target, TargetKind};

/// Label of the one main window (see `tauri.conf.json`).
pub const MAIN_WINDOW: &str = "main";

/// Builds and runs the app until its window closes.
pub fn run() {
    let result = tauri::Builder::default()
        // Must be the first plugin: a second start focuses the running window instead.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            if let Some(window) = app.get_webview_window(MAIN_WINDOW) {
                let _ = window.unminimize();
                let _ = window.set_focus();
            }
        }))
        .plugin(
            tauri_plugin_log::Builder::new()
                .targets([
                    Target::new(TargetKind::LogDir {
                        file_name: Some("fleksi".into()),
                    }),
                    Target::new(TargetKind::Stdout),
                ])
                .level(log::LevelFilter::Info)
                .build(),
        )
        .plugin(tauri_plugin_window_state::Builder::new().build())
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .setup(|app| {
            // A missing data folder must not stop the app: Beranda shows the error instead.
            match commands::data_dir(app.handle()) {
                Ok(dir) => log::info!("Fleksi dimulai; folder data: {}", dir.display()),
                Err(err) => log::error!("{err}"),
            }
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::app_info,
            commands::open_data_dir,
            commands::list_policies,
        ])
        .run(tauri::generate_context!());
    if let Err(err) = result {
        eprintln!("Fleksi tidak dapat dijalankan: {err}");
        std::process::exit(1);
    }
}
