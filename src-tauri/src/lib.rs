//! Fleksi desktop app (Tauri 2): window, plugins and the IPC commands over the Fleksi crates.
//! The UI lives in `ui/` (Svelte); types crossing IPC are generated into
//! `ui/src/lib/bindings/` by ts-rs (see `bindings`).

pub mod commands;
pub mod documents;
pub mod error;
pub mod findings;
pub mod grid;
pub mod history;
pub mod imports;
pub mod info;
pub mod policies;
pub mod policy_detail;
pub mod session;
pub mod state;
pub mod summary;

#[cfg(test)]
mod bindings;

use tauri::{Emitter, Manager};
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
            fleksi_import::quiet_parser_panics();
            // A missing data folder must not stop the app: Beranda shows the error instead.
            let dir = match commands::data_dir(app.handle()) {
                Ok(dir) => {
                    log::info!("Fleksi dimulai; folder data: {}", dir.display());
                    dir
                }
                Err(err) => {
                    log::error!("{err}");
                    std::env::temp_dir().join("fleksi")
                }
            };
            app.manage(state::AppState::new(dir));
            // Restore the last working set (or write the demo on first run) off the UI
            // thread; the window shows "memuat" until `session-changed` arrives.
            let handle = app.handle().clone();
            std::thread::spawn(move || {
                handle.state::<state::AppState>().load();
                let _ = handle.emit(imports::SESSION_CHANGED, ());
            });
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::app_info,
            commands::open_data_dir,
            commands::list_policies,
            policy_detail::policy_detail,
            history::import_history,
            history::backup_database,
            commands::finding_page,
            commands::recap_grid,
            imports::import_files,
            imports::session_state,
            imports::load_demo,
            imports::clear_session,
            documents::lampiran_pdf,
            documents::save_lampiran,
            documents::save_recap,
            documents::list_unit_documents,
            documents::save_template,
            documents::save_all_templates_to,
            documents::save_corrections,
            documents::open_document,
        ])
        .run(tauri::generate_context!());
    if let Err(err) = result {
        eprintln!("Fleksi tidak dapat dijalankan: {err}");
        std::process::exit(1);
    }
}
