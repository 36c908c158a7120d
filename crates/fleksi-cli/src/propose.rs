//! `fleksi propose` (Susun jadwal): proposes a schedule that meets every rule of the policy
//! for one unit (`--unit`) or every unit, over `--from/--to` or the default window, keeping
//! what optional OPD files already say (their leave, dinas luar, …), and writes one
//! prefilled OPD template per unit into `--out`. Rules that cannot all hold are listed on
//! stderr (rule, unit, day) and give exit status 1; the templates are written anyway with the
//! closest schedule.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use fleksi_workspace::propose::{
    proposal_file_name, proposal_template, propose_in, ProposeOptions,
};
use fleksi_workspace::{inputs, read_master, Naming, Session};

/// What `fleksi propose` was given.
pub struct ProposeArgs<'a> {
    pub policy: &'a str,
    pub master: &'a Path,
    pub unit: Option<&'a str>,
    pub from: Option<&'a str>,
    pub to: Option<&'a str>,
    pub out: &'a Path,
    pub heads: Option<u32>,
    pub per_bidang: Option<u32>,
    /// OPD files whose known days are kept.
    pub files: &'a [PathBuf],
}

pub fn run(args: &ProposeArgs) -> Result<u8, String> {
    fleksi_import::quiet_parser_panics();
    let policy = crate::policy_arg::load_policy(args.policy)?;
    let window = crate::check::chosen_window(&policy, args.from, args.to)?;
    let master_file = crate::check::master_file(args.master)?;
    if args.out.is_file() {
        return Err(format!(
            "'{}' adalah berkas; --out memerlukan folder",
            args.out.display()
        ));
    }
    let session = if args.files.is_empty() {
        let master = read_master(&master_file).map_err(|e| e.to_string())?;
        Session::new(policy, master_file, master)
    } else {
        let paths =
            inputs::gather(args.files, &[args.master.to_path_buf()]).map_err(|e| e.to_string())?;
        let files = inputs::read_all(&paths, Naming::AsGiven).map_err(|e| e.to_string())?;
        Session::read(policy, master_file, files, &|_, _| {})?.0
    };
    let snap = crate::check::snapshot(Arc::new(session), window, false);
    let options = ProposeOptions {
        heads_in_office: args.heads,
        per_bidang: args.per_bidang,
    };
    let proposal = propose_in(&snap, args.unit, &options).map_err(|e| e.to_string())?;
    for u in &proposal.units {
        let bytes = proposal_template(&snap.session, &proposal, &u.code)
            .map_err(|e| format!("{} ({}): {e}", u.name, u.code))?;
        crate::recap::write(&args.out.join(proposal_file_name(u)), &bytes)?;
    }
    eprintln!(
        "{} usulan jadwal ({}, {} hari kerja) ditulis ke folder {}",
        proposal.units.len(),
        fleksi_core::fmt_id::period(snap.window.from, snap.window.to),
        proposal.days.len(),
        args.out.display()
    );
    if proposal.shortfalls.is_empty() {
        eprintln!("Semua ketentuan Surat Edaran terpenuhi.");
        return Ok(0);
    }
    eprintln!(
        "{} ketentuan tidak dapat dipenuhi (jadwal terdekat tetap ditulis):",
        proposal.shortfalls.len()
    );
    for s in &proposal.shortfalls {
        let date = s.date.map(|d| format!(" {d}")).unwrap_or_default();
        eprintln!("  [{}] {}{date}: {}", s.rule, s.unit, s.message);
    }
    Ok(1)
}
