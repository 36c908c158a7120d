//! The `README.txt` of a demo folder, in Indonesian: what was written, how each OPD file
//! is quirky, which faults were planted and where, and the commands to run next.

use crate::faults::FaultKind;
use crate::DemoSummary;
use fleksi_core::fmt_id::{date_with_weekday, period};
use fleksi_core::Policy;
use std::fmt::Write;

fn kind_label(kind: FaultKind) -> &'static str {
    match kind {
        FaultKind::QuotaExceeded => "WFA melebihi batas",
        FaultKind::WfaInExemptUnit => "WFA di unit yang dikecualikan",
        FaultKind::InvalidNip => "Pegawai non-ASN (NIK di kolom NIP)",
        FaultKind::UnknownStatus => "Status tidak dikenal",
        FaultKind::DuplicateNip => "NIP ganda",
        FaultKind::NotSubmitted => "Belum mengirim",
        FaultKind::PrecisionLost => "NIP diketik sebagai angka",
    }
}

fn file_name(path: Option<&std::path::PathBuf>) -> String {
    path.and_then(|p| p.file_name())
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "-".to_string())
}

/// The README text (LF line ends; the caller writes CRLF).
pub fn text(s: &DemoSummary, policy: &Policy) -> String {
    let mut t = String::new();
    let first = s.days[0];
    let last = *s.days.last().unwrap_or(&first);
    let _ = writeln!(t, "DATA DEMO FLEKSI — KABUPATEN LEBAK (REKAAN)");
    let _ = writeln!(t, "============================================");
    let _ = writeln!(t);
    let _ = writeln!(
        t,
        "Data ini dibuat otomatis oleh `fleksi demo` untuk mencoba aplikasi. Nama, NIP dan \
         jadwal adalah rekaan; NIP sah menurut struktur (PNS dan PPPK) tetapi bukan milik \
         siapa pun."
    );
    let _ = writeln!(t);
    let _ = writeln!(t, "Surat Edaran : {} ({})", policy.id, policy.number);
    let _ = writeln!(
        t,
        "Hari kerja   : {} ({} hari)",
        period(first, last),
        s.days.len()
    );
    let _ = writeln!(
        t,
        "Data pegawai : master.xlsx — {} unit, {} ASN (lembar Pegawai dan Unit)",
        s.master.units.len(),
        s.master.employees.len()
    );
    let _ = writeln!(t, "Jadwal OPD   : folder opd/ — {} berkas", s.files.len());
    if !s.exempt.is_empty() {
        let _ = writeln!(t, "Dikecualikan : {}", s.exempt.join(", "));
    }
    let _ = writeln!(t);
    let _ = writeln!(t, "BERKAS JADWAL DAN KEUNIKANNYA");
    let _ = writeln!(t, "-----------------------------");
    for f in &s.files {
        let _ = writeln!(
            t,
            "- {} — {} ({}): {} baris; {}",
            file_name(Some(&f.path)),
            f.unit_name,
            f.unit,
            f.rows,
            f.quirks.join("; ")
        );
    }
    let _ = writeln!(t);
    let _ = writeln!(t, "KESALAHAN YANG SENGAJA DITANAM");
    let _ = writeln!(t, "------------------------------");
    if s.faults.is_empty() {
        let _ = writeln!(t, "Tidak ada: semua jadwal sesuai Surat Edaran.");
    }
    let precision: Vec<_> = s
        .faults
        .iter()
        .filter(|f| f.kind == FaultKind::PrecisionLost)
        .collect();
    for (i, f) in s
        .faults
        .iter()
        .filter(|f| f.kind != FaultKind::PrecisionLost)
        .enumerate()
    {
        let code = f
            .code
            .map_or("bukan temuan; tampil di rekap", |c| c.as_str());
        let _ = writeln!(
            t,
            "{}. {} [{}] — unit {}",
            i + 1,
            kind_label(f.kind),
            code,
            f.unit
        );
        let _ = writeln!(t, "   {}", f.description);
        let mut place = vec![format!("berkas {}", file_name(f.file.as_ref()))];
        if let Some(sheet) = &f.sheet {
            place.push(format!("lembar {sheet}"));
        }
        if let Some(cell) = &f.cell {
            place.push(format!("sel {cell}"));
        }
        if let Some(date) = f.date {
            place.push(format!("tanggal {}", date_with_weekday(date)));
        }
        if f.file.is_some() {
            let _ = writeln!(t, "   Letak: {}", place.join(", "));
        }
    }
    let mut units: Vec<&str> = precision.iter().map(|f| f.unit.as_str()).collect();
    units.dedup();
    for unit in units {
        let of_unit: Vec<_> = precision.iter().filter(|f| f.unit == unit).collect();
        let _ = writeln!(
            t,
            "- Peringatan [nip.precision_lost] — unit {unit}: {} NIP diketik sebagai angka di \
             berkas {} (Excel hanya menyimpan 15 digit); semuanya dapat dipulihkan dari data \
             pegawai.",
            of_unit.len(),
            file_name(of_unit[0].file.as_ref())
        );
    }
    let _ = writeln!(t);
    let _ = writeln!(t, "LANGKAH BERIKUTNYA");
    let _ = writeln!(t, "------------------");
    let _ = writeln!(
        t,
        "fleksi check --policy {} --master master.xlsx opd",
        policy.id
    );
    let _ = writeln!(
        t,
        "fleksi recap --policy {} --master master.xlsx --pdf lampiran.pdf --xlsx rekap.xlsx opd",
        policy.id
    );
    t
}
