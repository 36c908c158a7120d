//! `fleksi db …`: the same working state as the app, over a database file — import files
//! (one transaction per call), check and recap what is stored, each unit's versions with
//! their diff, the remembered column mappings, backup and restore. `db check --json` prints what `check --json` prints for
//! the same files.

use std::path::{Path, PathBuf};

use clap::Subcommand;
use fleksi_workspace::import::ImportEvent;
use fleksi_workspace::{inputs, versions, Naming, Workspace};

use crate::check::{chosen_window, master_file, snapshot, Outcome};

#[derive(Subcommand, Debug)]
pub enum DbCommand {
    /// Import OPD workbooks into the database (all or nothing).
    Import {
        #[arg(long)]
        db: PathBuf,
        /// Preset id or policy TOML file.
        #[arg(long)]
        policy: String,
        /// The master workbook; without it the one in the database is kept.
        #[arg(long)]
        master: Option<PathBuf>,
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Validate what the database holds (same output as `check`).
    Check {
        #[arg(long)]
        db: PathBuf,
        #[arg(long)]
        json: bool,
        #[arg(long)]
        from: Option<String>,
        #[arg(long)]
        to: Option<String>,
    },
    /// Write the lampiran PDF and/or recap XLSX of what the database holds.
    Recap {
        #[arg(long)]
        db: PathBuf,
        #[arg(long)]
        pdf: Option<PathBuf>,
        #[arg(long)]
        xlsx: Option<PathBuf>,
        #[arg(long, default_value = "f4")]
        paper: String,
        #[arg(long)]
        from: Option<String>,
        #[arg(long)]
        to: Option<String>,
    },
    /// Versions per unit, with the diff of the last two (or --compare A B).
    History {
        #[arg(long)]
        db: PathBuf,
        #[arg(long)]
        unit: Option<String>,
        #[arg(long)]
        json: bool,
        /// Two version numbers to compare (with --unit).
        #[arg(long, num_args = 2, value_names = ["LAMA", "BARU"])]
        compare: Option<Vec<u32>>,
    },
    /// The column mappings remembered per unit (the app's "Atur kolom…"); --remove UNIT
    /// forgets one, so that unit's next file is read automatically again.
    Mappings {
        #[arg(long)]
        db: PathBuf,
        #[arg(long)]
        json: bool,
        #[arg(long, value_name = "UNIT")]
        remove: Option<String>,
    },
    /// Write a consistent copy of the database.
    Backup {
        #[arg(long)]
        db: PathBuf,
        out: PathBuf,
    },
    /// Replace the database with a backup (checked first; the old one is kept beside it).
    Restore {
        #[arg(long)]
        db: PathBuf,
        input: PathBuf,
    },
}

fn open(db: &Path) -> Result<Workspace, String> {
    fleksi_import::quiet_parser_panics();
    Workspace::open(db).map_err(|e| e.to_string())
}

pub fn run(command: DbCommand) -> Result<u8, String> {
    match command {
        DbCommand::Import {
            db,
            policy,
            master,
            files,
        } => import(&db, &policy, master.as_deref(), &files),
        DbCommand::Check { db, json, from, to } => {
            let ws = open(&db)?;
            let snap = ws.snapshot().map_err(|e| e.to_string())?;
            let window = chosen_window(&snap.session.policy, from.as_deref(), to.as_deref())?;
            let outcome = Outcome {
                master_name: snap.session.master_file.name.clone(),
                snap: snapshot(snap.session.clone(), window, true),
            };
            crate::check::print(&outcome, json)
        }
        DbCommand::Recap {
            db,
            pdf,
            xlsx,
            paper,
            from,
            to,
        } => {
            let ws = open(&db)?;
            let snap = ws.snapshot().map_err(|e| e.to_string())?;
            let window = chosen_window(&snap.session.policy, from.as_deref(), to.as_deref())?;
            let snap = snapshot(snap.session.clone(), window, true);
            crate::recap::write_documents(&snap, pdf.as_deref(), xlsx.as_deref(), &paper)
        }
        DbCommand::History {
            db,
            unit,
            json,
            compare,
        } => history(&db, unit.as_deref(), json, compare),
        DbCommand::Mappings { db, json, remove } => mappings(&db, json, remove.as_deref()),
        DbCommand::Backup { db, out } => {
            open(&db)?.backup_to(&out).map_err(|e| e.to_string())?;
            eprintln!("Cadangan basis data ditulis: {}", out.display());
            Ok(0)
        }
        DbCommand::Restore { db, input } => {
            let check = Workspace::check_backup(&input).map_err(|e| e.to_string())?;
            let kept = open(&db)?.restore(&input).map_err(|e| e.to_string())?;
            eprintln!("{}", check.summary);
            eprintln!(
                "Basis data dipulihkan dari {}; basis data sebelumnya disimpan sebagai {}.",
                input.display(),
                kept.display()
            );
            Ok(0)
        }
    }
}

fn import(db: &Path, policy: &str, master: Option<&Path>, files: &[PathBuf]) -> Result<u8, String> {
    let policy = crate::policy_arg::load_policy(policy)?;
    let master = master.map(master_file).transpose()?;
    let exclude: Vec<PathBuf> = master.iter().map(|m| PathBuf::from(&m.name)).collect();
    let paths = inputs::gather(files, &exclude).map_err(|e| e.to_string())?;
    let files = inputs::read_all(&paths, Naming::AsGiven).map_err(|e| e.to_string())?;
    let ws = open(db)?;
    let outcome = ws
        .import_files(policy, master, files, None, &|_: ImportEvent| {})
        .map_err(|e| e.to_string())?;
    for f in &outcome.files {
        let what = if f.unchanged {
            f.note.clone().unwrap_or_default()
        } else {
            format!(
                "{} versi {}, {} baris, {} kesalahan, {} peringatan{}",
                f.unit_code.as_deref().unwrap_or("unit tidak dikenali"),
                f.version,
                f.rows,
                f.errors,
                f.warnings,
                f.note
                    .as_deref()
                    .map(|n| format!(" — {n}"))
                    .unwrap_or_default()
            )
        };
        eprintln!("{}: {what}", f.name);
    }
    let s = &outcome.summary;
    eprintln!(
        "Tersimpan di {}: {} berkas dalam kumpulan kerja, {} kesalahan, {} peringatan.",
        db.display(),
        s.files.len(),
        s.errors,
        s.warnings
    );
    Ok(if s.errors > 0 { 1 } else { 0 })
}

fn history(
    db: &Path,
    unit: Option<&str>,
    json: bool,
    compare: Option<Vec<u32>>,
) -> Result<u8, String> {
    let ws = open(db)?;
    let snap = ws.snapshot().map_err(|e| e.to_string())?;
    let units: Vec<String> = match unit {
        Some(u) => vec![u.to_string()],
        None => versions::units_with_versions(&snap.session)
            .into_keys()
            .collect(),
    };
    let pair = compare.and_then(|v| Some((*v.first()?, *v.get(1)?)));
    let histories = units
        .iter()
        .map(|u| versions::unit_history(&snap.session, u, pair))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| e.to_string())?;
    if json {
        let text = serde_json::to_string_pretty(&histories)
            .map_err(|e| format!("JSON tidak dapat ditulis: {e}"))?;
        println!("{text}");
        return Ok(0);
    }
    for h in &histories {
        println!(
            "{} — {} ({} versi)",
            h.unit_code,
            h.unit_name,
            h.versions.len()
        );
        for v in &h.versions {
            println!(
                "  Versi {}  {}  {}  {}  sha256 {}…  {} perubahan",
                v.version,
                v.at,
                v.file,
                v.covers,
                &v.sha256[..12.min(v.sha256.len())],
                v.changes
            );
        }
        if let Some((a, b)) = h.compared {
            println!("  Perbedaan versi {a} → {b}: {} sel", h.diff.len());
            for d in &h.diff {
                println!(
                    "    {}  {}  {}: {} → {}",
                    d.nip, d.name, d.date_label, d.old, d.new
                );
            }
        }
    }
    Ok(0)
}

fn mappings(db: &Path, json: bool, remove: Option<&str>) -> Result<u8, String> {
    let ws = open(db)?;
    let rows = match remove {
        Some(unit) => {
            let rows = ws.remove_column_mapping(unit).map_err(|e| e.to_string())?;
            eprintln!("Pemetaan kolom untuk {unit} dihapus.");
            rows
        }
        None => ws.column_mappings().map_err(|e| e.to_string())?,
    };
    if json {
        let text = serde_json::to_string_pretty(&rows)
            .map_err(|e| format!("JSON tidak dapat ditulis: {e}"))?;
        println!("{text}");
        return Ok(0);
    }
    if rows.is_empty() {
        println!("Tidak ada pemetaan kolom tersimpan.");
    }
    for m in &rows {
        let name = m
            .unit_name
            .as_deref()
            .unwrap_or("(tidak ada di data pegawai)");
        println!("{} — {name} (disimpan {})", m.unit_code, m.saved_at);
        println!("  {}", m.summary);
    }
    Ok(0)
}
