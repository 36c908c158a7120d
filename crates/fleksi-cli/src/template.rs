//! `fleksi template`: writes the OPD schedule template of one unit (`--unit CODE --out
//! file.xlsx`) or of every unit into a folder (`--all --out folder`).

use std::path::Path;

pub fn run(
    policy: &str,
    master: &Path,
    unit: Option<&str>,
    all: bool,
    out: &Path,
) -> Result<u8, String> {
    let policy = crate::policy_arg::load_policy(policy)?;
    let master = crate::check::load_master(master)?;
    match (unit, all) {
        (Some(code), false) => {
            let bytes = fleksi_report::template::opd_template(&policy, &master, code)
                .map_err(|e| e.to_string())?;
            let path = if out.is_dir() {
                out.join(file_name(code))
            } else {
                out.to_path_buf()
            };
            crate::recap::write(&path, &bytes)?;
            eprintln!("Templat jadwal ditulis: {}", path.display());
            Ok(0)
        }
        (None, true) => {
            if out.is_file() {
                return Err(format!(
                    "'{}' adalah berkas; --all memerlukan folder",
                    out.display()
                ));
            }
            let mut written = 0;
            for u in &master.units {
                if master.staff_count(&u.code) == 0 {
                    continue;
                }
                let bytes = fleksi_report::template::opd_template(&policy, &master, &u.code)
                    .map_err(|e| format!("{} ({}): {e}", u.name, u.code))?;
                crate::recap::write(&out.join(file_name(&u.code)), &bytes)?;
                written += 1;
            }
            eprintln!(
                "{written} templat jadwal ditulis ke folder {}",
                out.display()
            );
            Ok(0)
        }
        _ => Err("pilih salah satu: --unit <kode> atau --all".to_string()),
    }
}

/// `templat-jadwal-DINKES.xlsx`, with characters unsafe in file names replaced.
fn file_name(code: &str) -> String {
    let safe: String = code
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("templat-jadwal-{safe}.xlsx")
}
