//! `fleksi demo`: writes the demo regency (master workbook, OPD schedules with real-world
//! quirks and documented planted faults, README) and says in Indonesian what it wrote and
//! which command to run next.

use fleksi_demo::{write_demo, DemoOptions, DemoSummary, FaultKind};
use std::path::Path;

/// What the user asked for.
pub struct DemoArgs<'a> {
    pub units: usize,
    pub staff: usize,
    pub days: usize,
    pub out: &'a Path,
    pub policy: &'a str,
    pub seed: u64,
    pub clean: bool,
}

pub fn run(args: &DemoArgs) -> Result<u8, String> {
    let policy = crate::policy_arg::load_policy(args.policy)?;
    let opts = DemoOptions {
        units: args.units,
        staff_per_unit: args.staff,
        days: args.days,
        seed: args.seed,
        policy,
        faults: !args.clean,
    };
    let started = std::time::Instant::now();
    let summary = write_demo(&opts, args.out).map_err(|e| e.to_string())?;
    print!("{}", report(&summary, args.policy, started.elapsed()));
    Ok(0)
}

fn quote(p: &Path) -> String {
    let s = p.display().to_string();
    if s.contains(' ') {
        format!("\"{s}\"")
    } else {
        s
    }
}

fn report(s: &DemoSummary, policy: &str, took: std::time::Duration) -> String {
    let mut t = String::new();
    t.push_str(&format!(
        "Data demo ditulis ke {} dalam {:.1} detik:\n",
        s.out.display(),
        took.as_secs_f64()
    ));
    t.push_str(&format!(
        "  {}  — data pegawai: {} unit, {} ASN\n",
        s.master_path.display(),
        s.master.units.len(),
        s.master.employees.len()
    ));
    t.push_str(&format!(
        "  {}  — {} berkas jadwal OPD ({} hari kerja)\n",
        s.opd_dir.display(),
        s.files.len(),
        s.days.len()
    ));
    t.push_str(&format!(
        "  {}  — penjelasan berkas dan kesalahan yang ditanam\n",
        s.readme_path.display()
    ));
    let planted: Vec<_> = s
        .faults
        .iter()
        .filter(|f| f.kind != FaultKind::PrecisionLost)
        .collect();
    if planted.is_empty() {
        t.push_str("Tidak ada kesalahan yang ditanam.\n");
    } else {
        t.push_str(&format!(
            "Kesalahan yang sengaja ditanam ({}), ditambah NIP yang diketik sebagai angka di {} berkas:\n",
            planted.len(),
            {
                let mut u: Vec<&str> = s
                    .faults
                    .iter()
                    .filter(|f| f.kind == FaultKind::PrecisionLost)
                    .map(|f| f.unit.as_str())
                    .collect();
                u.dedup();
                u.len()
            }
        ));
        for f in planted {
            let code = f.code.map_or("belum mengirim", |c| c.as_str());
            t.push_str(&format!("  - [{code}] {}: {}\n", f.unit, f.description));
        }
    }
    let master = quote(&s.master_path);
    let opd = quote(&s.opd_dir);
    t.push_str("Langkah berikutnya:\n");
    t.push_str(&format!(
        "  fleksi check --policy {policy} --master {master} {opd}\n"
    ));
    t.push_str(&format!(
        "  fleksi recap --policy {policy} --master {master} --pdf {} --xlsx {} {opd}\n",
        quote(&s.out.join("lampiran.pdf")),
        quote(&s.out.join("rekap.xlsx"))
    ));
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp(name: &str) -> std::path::PathBuf {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        std::env::temp_dir().join(format!(
            "fleksi-cli-demo-{name}-{}-{nanos}",
            std::process::id()
        ))
    }

    #[test]
    fn writes_the_folder_and_names_the_next_commands() {
        let out = temp("ok");
        let policy = fleksi_core::presets::by_id("lebak-2025-12").unwrap();
        let summary = write_demo(&DemoOptions::new(policy), &out).unwrap();
        let text = report(
            &summary,
            "lebak-2025-12",
            std::time::Duration::from_millis(120),
        );
        assert!(text.contains("12 unit, 240 ASN"), "{text}");
        assert!(
            text.contains("11 berkas jadwal OPD (3 hari kerja)"),
            "{text}"
        );
        assert!(text.contains("[wfa.quota_exceeded] SETDA"), "{text}");
        assert!(text.contains("[belum mengirim] INSPEKTORAT"), "{text}");
        let master = summary.master_path.display().to_string();
        let opd = summary.opd_dir.display().to_string();
        assert!(text.contains(&format!(
            "fleksi check --policy lebak-2025-12 --master {master} {opd}"
        )));
        assert!(text.contains("fleksi recap --policy lebak-2025-12"));
        let _ = std::fs::remove_dir_all(&out);
    }

    #[test]
    fn bad_requests_are_refused_in_indonesian() {
        let out = temp("bad");
        let args = |policy, days| DemoArgs {
            units: 12,
            staff: 20,
            days,
            out: &out,
            policy,
            seed: 1,
            clean: false,
        };
        let err = run(&args("tidak-ada", 3)).unwrap_err();
        assert!(err.contains("kebijakan 'tidak-ada' tidak dikenal"), "{err}");
        let err = run(&args("lebak-2025-12", 9)).unwrap_err();
        assert!(
            err.contains("hanya memuat 3 hari kerja, diminta 9 hari"),
            "{err}"
        );
        assert!(!out.exists(), "nothing written on a refused request");
    }

    #[test]
    fn clean_demo_reports_no_faults() {
        let out = temp("clean");
        let ok = run(&DemoArgs {
            units: 5,
            staff: 6,
            days: 2,
            out: &out,
            policy: "lebak-2025-12",
            seed: 3,
            clean: true,
        });
        assert_eq!(ok, Ok(0));
        assert_eq!(std::fs::read_dir(out.join("opd")).unwrap().count(), 5);
        let _ = std::fs::remove_dir_all(&out);
    }
}
