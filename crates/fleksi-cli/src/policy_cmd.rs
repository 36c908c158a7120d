//! `fleksi policy list | show <id> [--toml]`: the presets and policy files, in Indonesian.

use crate::policy_arg::load_policy;
use fleksi_core::calendar::working_days;
use fleksi_core::fmt_id;
use fleksi_core::policy::PLACEHOLDER;
use fleksi_core::{presets, Policy};
use std::fmt::Write as _;

#[derive(clap::Subcommand)]
pub enum PolicyCommand {
    /// List the preset ids with their number and period.
    List,
    /// Show one policy (a preset id or a policy TOML file).
    Show {
        id: String,
        /// Print it as TOML (can be edited and passed back with --policy file.toml).
        #[arg(long)]
        toml: bool,
    },
}

pub fn run(command: PolicyCommand) -> Result<u8, String> {
    match command {
        PolicyCommand::List => print!("{}", list(&presets::all())),
        PolicyCommand::Show { id, toml } => {
            let policy = load_policy(&id)?;
            if toml {
                print!("{}", policy.to_toml().map_err(|e| e.to_string())?);
            } else {
                print!("{}", summary(&policy));
            }
        }
    }
    Ok(0)
}

/// One line per policy: id, number, period — columns aligned.
fn list(policies: &[Policy]) -> String {
    let id_w = policies
        .iter()
        .map(|p| p.id.chars().count())
        .max()
        .unwrap_or(0);
    let no_w = policies
        .iter()
        .map(|p| p.number.chars().count())
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for p in policies {
        let _ = writeln!(
            out,
            "{:id_w$}  {:no_w$}  {}",
            p.id,
            p.number,
            fmt_id::period(p.start, p.end)
        );
    }
    out
}

/// A readable Indonesian summary of a policy.
fn summary(p: &Policy) -> String {
    let mut out = String::new();
    let mut line = |label: &str, value: &str| {
        let _ = writeln!(out, "{label:<22}: {value}");
    };
    line("Id", &p.id);
    line("Jenis", p.kind.label());
    line("Penerbit", &p.issuer);
    line("Nomor", &p.number);
    line("Tanggal", &fmt_id::date_long(p.date));
    line("Tentang", &p.subject);
    line("Tempat", &p.place);
    let mut signer = format!("{}, {}", p.signatory.position, p.signatory.name);
    if let Some(rank) = &p.signatory.rank {
        let _ = write!(signer, ", {rank}");
    }
    if let Some(nip) = &p.signatory.nip {
        let _ = write!(signer, ", NIP. {nip}");
    }
    line("Penanda tangan", &signer);
    let days = working_days(p);
    line(
        "Masa berlaku",
        &format!(
            "{} – {} ({} hari kerja)",
            fmt_id::date_with_weekday(p.start),
            fmt_id::date_with_weekday(p.end),
            days.len()
        ),
    );
    line("Hari kerja", &fmt_id::weekdays(&p.working_weekdays));
    let local: Vec<String> = p
        .extra_days_off
        .iter()
        .map(|d| fmt_id::date_long(*d))
        .collect();
    line(
        "Libur daerah",
        &if local.is_empty() {
            "-".to_string()
        } else {
            local.join(", ")
        },
    );
    line("Batas WFA", &p.caps_description());
    line(
        "Cuti dihitung",
        if p.leave_counts_toward_cap {
            "ya, cuti/sakit/izin/DL/TB dihitung bersama WFA dalam batas"
        } else {
            "tidak, hanya WFA yang dihitung dalam batas"
        },
    );
    line(
        "Hari WFA",
        &if p.wfa_weekdays.is_empty() {
            "setiap hari kerja".to_string()
        } else {
            fmt_id::weekdays(&p.wfa_weekdays)
        },
    );
    line(
        "Persetujuan atasan",
        if p.approval_required {
            "wajib untuk setiap WFA"
        } else {
            "tidak diwajibkan"
        },
    );
    line(
        "Batas WFA per orang",
        &match p.weekly_wfa_limit {
            Some(n) => format!("paling banyak {n} hari per minggu (peringatan)"),
            None => "tidak diterapkan".to_string(),
        },
    );
    if !p.exempt_positions.is_empty() {
        line("Jabatan dikecualikan", &p.exempt_positions.join(", "));
    }
    if p.exempt.is_empty() {
        line("Dikecualikan", "- (belum ada unit yang didaftarkan)");
    } else {
        let _ = writeln!(out, "Dikecualikan (tetap WFO, termasuk unit di bawahnya):");
        for m in &p.exempt {
            let _ = writeln!(out, "  - {}", m.describe());
        }
    }
    let todo = p.placeholders();
    if !todo.is_empty() {
        let _ = writeln!(
            out,
            "Perlu diisi (ganti teks {PLACEHOLDER} …]): {}",
            todo.join(", ")
        );
    }
    if !p.notes.trim().is_empty() {
        let _ = writeln!(out, "Catatan:");
        for l in p.notes.lines() {
            let _ = writeln!(out, "  {l}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_has_one_aligned_line_per_preset() {
        let text = list(&presets::all());
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 5);
        assert!(lines[0].starts_with("lebak-2025-12          B.000/19-PPI/XII/2025  "));
        assert!(lines[0].ends_with("  29 Desember 2025 – 31 Desember 2025"));
        assert!(lines[1].starts_with("kab-bekasi-2025-03     800.1.6.2/1468-BKPSDM/2025"));
        assert!(lines[1].ends_with("  24 Maret 2025 – 27 Maret 2025"));
        assert!(lines[2].ends_with("  6 April 2026 – 31 Desember 2026"));
        let number_col = lines[0].find("B.000").unwrap();
        let period_col = lines[0].find("29 Desember").unwrap();
        for (line, id) in lines.iter().zip(presets::IDS) {
            assert!(line.starts_with(id));
            assert_ne!(line.as_bytes()[number_col], b' ', "{line}");
            assert_eq!(&line[number_col - 2..number_col], "  ", "{line}");
            assert_ne!(line.as_bytes()[period_col], b' ', "{line}");
            assert_eq!(&line[period_col - 2..period_col], "  ", "{line}");
        }
    }

    #[test]
    fn summary_of_lebak() {
        let p = presets::by_id("lebak-2025-12").unwrap();
        let text = summary(&p);
        assert!(text.contains("Nomor                 : B.000/19-PPI/XII/2025"));
        assert!(text.contains(
            "Masa berlaku          : Senin, 29 Desember 2025 – Rabu, 31 Desember 2025 (3 hari kerja)"
        ));
        assert!(text.contains("Penanda tangan        : BUPATI LEBAK, Moch Hasbi Asyidiki Jayabaya"));
        assert!(text.contains("Batas WFA             : 50 % setiap hari kerja"));
        assert!(text.contains("  - nama \"Dinas Kesehatan\""));
        assert!(!text.contains("Perlu diisi"));
        let kb = summary(&presets::by_id("kota-bekasi-2025-12").unwrap());
        assert!(kb.contains("Perlu diisi"), "{kb}");
    }
}
