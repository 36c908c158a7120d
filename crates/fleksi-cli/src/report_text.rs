//! The readable Indonesian report of `fleksi check` (without `--json`): the files read, then
//! per unit its day counts with verdicts and its findings, then findings without a unit,
//! then the totals.

use super::Outcome;
use fleksi_core::finding::percent_id;
use fleksi_core::fmt_id::{date_short, period};
use fleksi_core::{Finding, Layout, Severity};
use std::fmt::Write;

fn place(f: &Finding) -> String {
    let mut parts: Vec<&str> = Vec::new();
    if let Some(x) = f.file.as_deref() {
        parts.push(x);
    }
    if let Some(x) = f.sheet.as_deref().filter(|s| !s.is_empty()) {
        parts.push(x);
    }
    if let Some(x) = f.cell.as_deref() {
        parts.push(x);
    }
    parts.join(" › ")
}

fn finding_lines(out: &mut String, f: &Finding) {
    let _ = writeln!(
        out,
        "  [{}] {} ({}) — {}",
        f.severity.label(),
        f.code.label(),
        f.code.as_str(),
        place(f)
    );
    let mut detail = String::new();
    if let Some(n) = f.nip.as_deref() {
        let _ = write!(detail, "NIP {n}; ");
    }
    if let Some(d) = f.date {
        let _ = write!(detail, "tanggal {}; ", date_short(d));
    }
    let _ = writeln!(out, "      {detail}{}", f.message);
    if !f.hint.is_empty() {
        let _ = writeln!(out, "      Saran perbaikan: {}", f.hint);
    }
}

/// Renders the whole report.
pub fn render(o: &Outcome) -> String {
    let mut out = String::new();
    let p = &o.snap.session.policy;
    let _ = writeln!(out, "PEMERIKSAAN JADWAL KERJA FLEKSIBEL (WFO/WFA)");
    let _ = writeln!(out, "Surat Edaran : {} ({})", p.number, p.id);
    let _ = writeln!(out, "Masa berlaku : {}", period(p.start, p.end));
    let _ = writeln!(
        out,
        "Rentang      : {} ({} hari kerja)",
        period(o.snap.window.from, o.snap.window.to),
        o.snap.recap.days.len()
    );
    let _ = writeln!(
        out,
        "Data pegawai : {} ({} unit, {} ASN)",
        o.master_name,
        o.snap.session.master.units.len(),
        o.snap.session.master.employees.len()
    );
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "Berkas yang diperiksa ({}):",
        o.snap.session.submissions.len()
    );
    let subs = &o.snap.session.submissions;
    for s in subs {
        let unit = match s.unit.as_deref() {
            Some(code) => o
                .snap
                .session
                .master
                .unit(code)
                .map(|u| format!("{} ({code})", u.name))
                .unwrap_or_else(|| code.to_string()),
            None => "unit tidak dikenali".to_string(),
        };
        let layout = match s.layout {
            _ if s.rows.is_empty() && s.dates.is_empty() => "tabel jadwal tidak terbaca",
            Layout::Wide => "satu kolom per tanggal",
            Layout::Long => "satu baris per tanggal",
        };
        // A workbook of several units has a line per unit, each naming its sheet.
        let several = subs.iter().filter(|o| o.file == s.file).count() > 1;
        let sheet = if several {
            format!(" › {}", s.sheet)
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "  - {}{sheet} — {unit}; {} baris pegawai; {layout}",
            s.file,
            s.rows.len()
        );
        for note in &s.notes {
            let _ = writeln!(out, "      {note}");
        }
    }

    for u in &o.snap.recap.units {
        let unit_findings: Vec<&Finding> = o
            .snap
            .session
            .findings
            .iter()
            .filter(|f| f.unit.as_deref() == Some(u.code.as_str()))
            .collect();
        let _ = writeln!(out);
        let state = if u.submitted {
            "Sudah mengirim"
        } else {
            "Belum mengirim"
        };
        let exempt = if u.exempt {
            "; Dikecualikan (tetap WFO)"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "== {} ({}) — {} ASN; {state}{exempt}",
            u.name, u.code, u.total_staff
        );
        if u.submitted {
            let _ = writeln!(
                out,
                "  {:<12} {:>5} {:>5} {:>6} {:>8}  Keterangan",
                "Tanggal", "WFO", "WFA", "Lainnya", "% WFA"
            );
            for d in &u.days {
                let _ = writeln!(
                    out,
                    "  {:<12} {:>5} {:>5} {:>6} {:>8}  {}",
                    date_short(d.date),
                    d.wfo,
                    d.wfa,
                    d.other,
                    percent_id(d.wfa, u.total_staff),
                    d.verdict.label()
                );
            }
        }
        if unit_findings.is_empty() {
            if u.submitted {
                let _ = writeln!(out, "  Tidak ada temuan.");
            }
        } else {
            let _ = writeln!(out, "  Temuan ({}):", unit_findings.len());
            for f in unit_findings {
                finding_lines(&mut out, f);
            }
        }
    }

    let known = |code: &str| o.snap.recap.units.iter().any(|u| u.code == code);
    let orphan: Vec<&Finding> = o
        .snap
        .session
        .findings
        .iter()
        .filter(|f| !f.unit.as_deref().is_some_and(known))
        .collect();
    if !orphan.is_empty() {
        let _ = writeln!(out);
        let _ = writeln!(out, "== Berkas tanpa unit yang dikenali");
        for f in orphan {
            finding_lines(&mut out, f);
        }
    }

    let errors = o
        .snap
        .session
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    let warnings = o.snap.session.findings.len() - errors;
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "Ringkasan: {} berkas, {errors} kesalahan, {warnings} peringatan.",
        o.snap.session.submissions.len()
    );
    out
}
