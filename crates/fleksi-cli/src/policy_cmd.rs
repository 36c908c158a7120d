//! `fleksi policy list | show <id> [--toml] | new --from <preset|blank> --out <file.toml> |
//! check <file.toml> [--master <workbook>]`: the presets and policy files, in Indonesian.
//! `new` writes a starting point to edit (a preset's rules under a new id, or the blank
//! skeleton of `fleksi_workspace::policy_book::blank_toml`); `check` exits 0 for a usable
//! policy with a short summary, 2 listing every problem with its field and TOML line.

use crate::policy_arg::load_policy;
use fleksi_core::calendar::working_days;
use fleksi_core::fmt_id;
use fleksi_core::policy::PLACEHOLDER;
use fleksi_core::{presets, Policy};
use fleksi_workspace::policy_book::{self, PolicyProblem};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

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
    /// Tulis Surat Edaran baru untuk disunting: salinan aturan sebuah preset, atau kerangka
    /// kosong (`--from blank`) dengan teks [ISI: …] yang harus diganti.
    New {
        /// Kode preset (lihat `fleksi policy list`) atau `blank` (kosong).
        #[arg(long)]
        from: String,
        /// Berkas TOML yang ditulis.
        #[arg(long)]
        out: PathBuf,
        /// Kode Surat Edaran baru (huruf kecil, angka, '-'); bawaan: dari nama berkas.
        #[arg(long)]
        id: Option<String>,
        /// Timpa berkas yang sudah ada.
        #[arg(long)]
        force: bool,
    },
    /// Periksa berkas Surat Edaran (TOML): status 0 bila sah, 2 dengan daftar setiap masalah
    /// (nama kolom dan baris).
    Check {
        file: PathBuf,
        /// Periksa juga kode unit (pengecualian, skema per unit) terhadap data pegawai ini.
        #[arg(long)]
        master: Option<PathBuf>,
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
        PolicyCommand::New {
            from,
            out,
            id,
            force,
        } => new(&from, &out, id.as_deref(), force)?,
        PolicyCommand::Check { file, master } => return check(&file, master.as_deref()),
    }
    Ok(0)
}

/// `policy new`: writes the starting point and says what to do next.
fn new(from: &str, out: &Path, id: Option<&str>, force: bool) -> Result<(), String> {
    let blank = policy_book::is_blank(from);
    if !blank && presets::by_id(from).is_none() {
        return Err(format!(
            "'{from}' bukan preset ({}) dan bukan 'blank'",
            presets::IDS.join(", ")
        ));
    }
    let id = match id {
        Some(id) => {
            if let Some(problem) = policy_book::id_problem(id) {
                return Err(problem);
            }
            id.to_string()
        }
        None => out
            .file_stem()
            .and_then(|s| policy_book::id_from(&s.to_string_lossy()))
            .unwrap_or_else(|| {
                if blank {
                    "surat-edaran-baru".to_string()
                } else {
                    format!("{from}-salinan")
                }
            }),
    };
    if out.exists() && !force {
        return Err(format!(
            "berkas {} sudah ada; pilih nama lain atau tambahkan --force untuk menimpanya",
            out.display()
        ));
    }
    let toml = policy_book::starting_toml(from, &id, fleksi_workspace::snapshot::today())
        .ok_or_else(|| format!("'{from}' tidak dikenal"))?
        .map_err(|e| e.to_string())?;
    fleksi_workspace::inputs::write_file(out, toml.as_bytes()).map_err(|e| e.to_string())?;
    let origin = if blank {
        "kerangka kosong".to_string()
    } else {
        format!("salinan preset {from}")
    };
    println!(
        "Surat Edaran baru (kode {id}, {origin}) ditulis ke {}.",
        out.display()
    );
    if blank {
        println!("Ganti setiap teks [ISI: …] dan sesuaikan aturannya.");
    } else {
        println!("Sesuaikan nomor, tanggal, masa berlaku dan aturannya.");
    }
    println!("Lalu periksa: fleksi policy check {}", out.display());
    Ok(())
}

/// `policy check`: 0 and a short summary, or an error listing every problem (exit 2).
fn check(file: &Path, master: Option<&Path>) -> Result<u8, String> {
    let text = read_text(file)?;
    let policy = policy_book::parse_policy(&text).map_err(|p| not_valid(file, &p))?;
    let mut units_line = None;
    if let Some(path) = master {
        let master = crate::check::load_master(path)?;
        let problems = policy_book::unit_problems(&policy, &master);
        if !problems.is_empty() {
            return Err(not_valid(file, &problems));
        }
        units_line = Some(format!(
            "semua kode unit dikenal di {} ({} unit)",
            path.display(),
            master.units.len()
        ));
    }
    print!("{}", short_summary(&policy, units_line.as_deref()));
    Ok(0)
}

/// A policy file's text (at most 1 MiB, UTF-8, without a BOM); errors name the file.
fn read_text(file: &Path) -> Result<String, String> {
    let cannot = |reason: String| {
        format!(
            "berkas kebijakan {} tidak dapat dibuka: {reason}",
            file.display()
        )
    };
    let meta = std::fs::metadata(file).map_err(|e| cannot(e.to_string()))?;
    if meta.len() > policy_book::MAX_POLICY_FILE {
        return Err(cannot(format!(
            "{} bita, terlalu besar untuk Surat Edaran (paling besar 1 MiB)",
            meta.len()
        )));
    }
    let text = std::fs::read_to_string(file).map_err(|e| cannot(e.to_string()))?;
    Ok(text
        .strip_prefix('\u{feff}')
        .map(str::to_string)
        .unwrap_or(text))
}

/// `berkas x.toml belum sah (2 masalah):` and one line per problem.
fn not_valid(file: &Path, problems: &[PolicyProblem]) -> String {
    format!(
        "berkas kebijakan {} belum sah ({} masalah):\n{}",
        file.display(),
        problems.len(),
        policy_book::problem_lines(problems)
    )
}

/// What `policy check` prints for a usable policy.
fn short_summary(p: &Policy, units: Option<&str>) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Surat Edaran sah: {}",
        fleksi_workspace::summary::policy_title(p)
    );
    let mut line = |label: &str, value: &str| {
        let _ = writeln!(out, "{label:<14}: {value}");
    };
    line("Kode", &p.id);
    line(
        "Masa berlaku",
        &format!(
            "{} ({} hari kerja)",
            fmt_id::period(p.start, p.end),
            working_days(p).len()
        ),
    );
    line(
        "Batas WFA",
        &format!("{}, {}", p.caps_description(), p.cap_basis.label()),
    );
    line(
        "Dikecualikan",
        &format!(
            "{} aturan unit, {} jabatan",
            p.exempt.len(),
            p.exempt_positions.len()
        ),
    );
    if !p.schemes.is_empty() {
        line("Skema unit", &format!("{} unit", p.schemes.len()));
    }
    if let Some(units) = units {
        line("Kode unit", units);
    }
    let todo = p.draft_reasons();
    if !todo.is_empty() {
        let _ = writeln!(
            out,
            "Perlu diisi sebelum lampiran final (sampai saat itu dicetak KONSEP):"
        );
        for t in todo {
            let _ = writeln!(out, "  - {t}");
        }
    }
    out
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
