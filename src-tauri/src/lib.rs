//! Fleksi desktop app (Tauri 2): window, plugins and the IPC commands over the Fleksi crates.
//! Every command is a thin call into `fleksi_workspace`. The UI lives in `ui/` (Svelte);
//! types crossing IPC are generated into `ui/src/lib/bindings/` by ts-rs (see `bindings`).

pub mod commands;
pub mod error;
pub mod info;
pub mod mapping_commands;
pub mod policy_commands;
pub mod propose_commands;
pub mod window_fit;

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
            window_fit::apply(app, MAIN_WINDOW);
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
            // OPD files and the master are parsed in worker processes of this executable.
            let opener = fleksi_workspace::parse_worker::for_this_program();
            app.manage(fleksi_workspace::Workspace::for_app(&dir).with_opener(opener));
            // Restore the last working set (or write the demo on first run) off the UI
            // thread; the window shows "memuat" until `session-changed` arrives.
            let handle = app.handle().clone();
            std::thread::spawn(move || {
                handle.state::<fleksi_workspace::Workspace>().load();
                let _ = handle.emit(commands::SESSION_CHANGED, ());
            });
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::app_info,
            commands::open_data_dir,
            policy_commands::list_policies,
            policy_commands::policy_detail,
            policy_commands::policy_form,
            policy_commands::policy_preview,
            policy_commands::save_policy_form,
            policy_commands::new_policy,
            policy_commands::duplicate_policy,
            policy_commands::archive_policy,
            policy_commands::undo_policy,
            policy_commands::export_policy,
            policy_commands::import_policy,
            commands::session_state,
            commands::inspect_master,
            commands::import_files,
            commands::remove_file,
            commands::load_demo,
            commands::clear_session,
            commands::set_window,
            commands::finding_page,
            commands::recap_grid,
            commands::staff_page,
            commands::unit_tree,
            commands::staff_person,
            commands::unit_history,
            commands::lampiran_pdf,
            commands::save_lampiran,
            commands::save_recap,
            commands::print_check,
            commands::list_unit_documents,
            commands::save_template,
            commands::save_all_templates_to,
            commands::save_corrections,
            commands::open_document,
            commands::import_history,
            commands::backup_database,
            commands::check_backup,
            commands::restore_database,
            propose_commands::propose_schedule,
            propose_commands::save_proposal_template,
            propose_commands::use_proposal,
            mapping_commands::mapping_preview,
            mapping_commands::import_with_mapping,
            mapping_commands::list_column_mappings,
            mapping_commands::remove_column_mapping,
        ])
        .run(tauri::generate_context!());
    if let Err(err) = result {
        eprintln!("Fleksi tidak dapat dijalankan: {err}");
        std::process::exit(1);
    }
}
