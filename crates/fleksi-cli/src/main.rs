//! The `fleksi` command line: check, recap, template, propose, policy, demo and db over the same
//! crates the desktop app uses (the contract is design §5). Exit status: 0 no errors, 1 validation
//! errors found, 2 could not run.

mod check;
mod db;
mod demo;
mod policy_arg;
mod policy_cmd;
mod propose;
mod recap;
mod template;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "fleksi",
    version,
    about = "Fleksi — rekap jadwal kerja fleksibel ASN (WFO/WFA) untuk BKPSDM"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// Where the policy, master and OPD files come from (shared by check and recap).
#[derive(clap::Args, Debug)]
pub struct Inputs {
    /// Preset id (see `fleksi policy list`) or a policy TOML file.
    #[arg(long)]
    pub policy: String,
    /// The master workbook (staff and units).
    #[arg(long)]
    pub master: PathBuf,
    /// OPD workbooks or folders of them (a unit's files merge by date, in this order).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// First day of the reporting window (ISO, e.g. 2026-05-01); with --to.
    #[arg(long)]
    pub from: Option<String>,
    /// Last day of the reporting window (ISO); with --from.
    #[arg(long)]
    pub to: Option<String>,
}

#[derive(Subcommand)]
enum Command {
    /// Validate OPD workbooks against a policy.
    Check {
        #[command(flatten)]
        inputs: Inputs,
        /// Print one JSON object (design §5) instead of the text report.
        #[arg(long)]
        json: bool,
    },
    /// Write the lampiran PDF and the recap XLSX.
    Recap {
        #[command(flatten)]
        inputs: Inputs,
        #[arg(long)]
        pdf: Option<PathBuf>,
        #[arg(long)]
        xlsx: Option<PathBuf>,
        /// Paper: f4 (default) or a4.
        #[arg(long, default_value = "f4")]
        paper: String,
    },
    /// Write OPD schedule templates.
    Template {
        #[arg(long)]
        policy: String,
        #[arg(long)]
        master: PathBuf,
        /// One unit code.
        #[arg(long, conflicts_with = "all")]
        unit: Option<String>,
        /// Every unit, into a folder.
        #[arg(long)]
        all: bool,
        #[arg(long)]
        out: PathBuf,
    },
    /// Susun jadwal: propose a schedule meeting every rule; one prefilled template per unit.
    Propose {
        #[arg(long)]
        policy: String,
        #[arg(long)]
        master: PathBuf,
        /// One unit code (default: every unit with staff).
        #[arg(long)]
        unit: Option<String>,
        /// First day (ISO); with --to. Default: the reporting window.
        #[arg(long)]
        from: Option<String>,
        /// Last day (ISO); with --from.
        #[arg(long)]
        to: Option<String>,
        /// Output folder for the templates.
        #[arg(long)]
        out: PathBuf,
        /// Heads (kepala, sekretaris, …) kept at the office per unit each day (default 1).
        #[arg(long)]
        heads: Option<u32>,
        /// At least this many of each bidang at the office each day.
        #[arg(long)]
        per_bidang: Option<u32>,
        /// OPD files whose known days (leave, dinas luar, …) are kept.
        files: Vec<PathBuf>,
    },
    /// List or show policies (presets).
    Policy {
        #[command(subcommand)]
        command: policy_cmd::PolicyCommand,
    },
    /// Work with a Fleksi database: import, check, recap, history, column mappings, backup, restore.
    Db {
        #[command(subcommand)]
        command: db::DbCommand,
    },
    /// Write a realistic demo regency: master and OPD workbooks.
    Demo {
        /// Number of units (perangkat daerah and sub-units), 1–76.
        #[arg(long, default_value_t = 12)]
        units: usize,
        /// Average ASN per unit.
        #[arg(long, default_value_t = 20)]
        staff: usize,
        /// The first N working days of the policy period.
        #[arg(long, default_value_t = 3)]
        days: usize,
        /// Output folder (master.xlsx, opd/, README.txt).
        #[arg(long)]
        out: PathBuf,
        /// Preset id or policy TOML file.
        #[arg(long, default_value = "lebak-2025-12")]
        policy: String,
        /// Random seed: the same seed writes the same demo.
        #[arg(long, default_value_t = 2025)]
        seed: u64,
        /// Plant no faults: every schedule follows the policy.
        #[arg(long)]
        clean: bool,
    },
}

fn main() -> ExitCode {
    // `fleksi --parse-worker`: the app's parse worker protocol (the tests use this binary).
    if fleksi_workspace::parse_worker::is_worker() {
        return ExitCode::from(fleksi_workspace::parse_worker::serve());
    }
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check { inputs, json } => check::run(&inputs, json),
        Command::Recap {
            inputs,
            pdf,
            xlsx,
            paper,
        } => recap::run(&inputs, pdf.as_deref(), xlsx.as_deref(), &paper),
        Command::Template {
            policy,
            master,
            unit,
            all,
            out,
        } => template::run(&policy, &master, unit.as_deref(), all, &out),
        Command::Propose {
            policy,
            master,
            unit,
            from,
            to,
            out,
            heads,
            per_bidang,
            files,
        } => propose::run(&propose::ProposeArgs {
            policy: &policy,
            master: &master,
            unit: unit.as_deref(),
            from: from.as_deref(),
            to: to.as_deref(),
            out: &out,
            heads,
            per_bidang,
            files: &files,
        }),
        Command::Policy { command } => policy_cmd::run(command),
        Command::Db { command } => db::run(command),
        Command::Demo {
            units,
            staff,
            days,
            out,
            policy,
            seed,
            clean,
        } => demo::run(&demo::DemoArgs {
            units,
            staff,
            days,
            out: &out,
            policy: &policy,
            seed,
            clean,
        }),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(message) => {
            eprintln!("Galat: {message}");
            ExitCode::from(2)
        }
    }
}
