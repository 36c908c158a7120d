//! Column headers matched tolerantly: synonyms, case, punctuation and one-letter typos, for
//! the OPD schedule (NIP, name, position, unit, date, status, approval) and the master
//! workbook (unit code, unit name, abbreviation, parent, PNS/PPPK, rank).

use crate::cells::key;

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    No,
    Nip,
    Name,
    Position,
    /// Unit name (or a unit/bidang column of the schedule).
    Unit,
    UnitCode,
    Abbreviation,
    Parent,
    /// PNS or PPPK.
    Kind,
    Rank,
    /// Date column of the long layout.
    Date,
    /// Status column of the long layout.
    Status,
    Approval,
}

const SYNONYMS: &[(Role, &[&str])] = &[
    (
        Role::No,
        &["NO", "NO URUT", "NOMOR", "NOMOR URUT", "NO URT"],
    ),
    (Role::Position, &["JABATAN", "NAMA JABATAN"]),
    (
        Role::Nip,
        &[
            "NIP",
            "NIP BARU",
            "NIP NI PPPK",
            "NIP NIPPPK",
            "NIP PPPK",
            "NI PPPK",
            "NIPPPK",
            "NOMOR INDUK PEGAWAI",
            "NO INDUK PEGAWAI",
            "NIP ASN",
        ],
    ),
    (
        Role::Parent,
        &[
            "KODE INDUK",
            "INDUK",
            "UNIT INDUK",
            "INDUK UNIT",
            "KODE UNIT INDUK",
            "OPD INDUK",
            "PERANGKAT DAERAH INDUK",
            "KODE OPD INDUK",
        ],
    ),
    (
        Role::UnitCode,
        &[
            "KODE UNIT",
            "KODE OPD",
            "KODE",
            "KODE UNIT KERJA",
            "KODE PERANGKAT DAERAH",
            "KODE SKPD",
            "KODE SATKER",
        ],
    ),
    (
        Role::Unit,
        &[
            "UNIT KERJA",
            "UNIT",
            "OPD",
            "NAMA OPD",
            "NAMA UNIT",
            "NAMA UNIT KERJA",
            "PERANGKAT DAERAH",
            "NAMA PERANGKAT DAERAH",
            "SKPD",
            "SATKER",
            "SATUAN KERJA",
            "UNIT KERJA BIDANG",
            "INSTANSI",
            "SUB UNIT",
            "SUB UNIT KERJA",
        ],
    ),
    (
        Role::Abbreviation,
        &[
            "SINGKATAN",
            "AKRONIM",
            "NAMA SINGKAT",
            "SINGKATAN OPD",
            "SINGKATAN UNIT",
        ],
    ),
    (
        Role::Name,
        &[
            "NAMA",
            "NAMA PEGAWAI",
            "NAMA LENGKAP",
            "NAMA ASN",
            "NAMA PNS",
            "NAMA GELAR",
            "NAMA DAN GELAR",
            "NAMA LENGKAP DAN GELAR",
            "NAMA LENGKAP GELAR",
            "NAMA PEGAWAI ASN",
            "NAME",
        ],
    ),
    (
        Role::Rank,
        &[
            "PANGKAT",
            "GOLONGAN",
            "GOL",
            "PANGKAT GOL",
            "PANGKAT GOLONGAN",
            "GOL RUANG",
            "PANGKAT GOL RUANG",
            "PANGKAT GOLONGAN RUANG",
        ],
    ),
    (
        Role::Kind,
        &[
            "PNS PPPK",
            "STATUS PNS PPPK",
            "JENIS PEGAWAI",
            "JENIS ASN",
            "STATUS PEGAWAI",
            "STATUS KEPEGAWAIAN",
            "STATUS ASN",
            "JENIS",
        ],
    ),
    (
        Role::Date,
        &[
            "TANGGAL",
            "TGL",
            "HARI TANGGAL",
            "HARI TGL",
            "DATE",
            "TANGGAL JADWAL",
            "TANGGAL PELAKSANAAN",
            "TANGGAL KERJA",
        ],
    ),
    (
        Role::Status,
        &[
            "STATUS",
            "KETERANGAN",
            "KET",
            "LOKASI",
            "LOKASI KERJA",
            "JADWAL",
            "WFO WFA",
            "WFA WFO",
            "STATUS KERJA",
            "TEMPAT KERJA",
            "MODE KERJA",
            "SISTEM KERJA",
            "KEHADIRAN",
            "PELAKSANAAN TUGAS",
        ],
    ),
    (
        Role::Approval,
        &[
            "PERSETUJUAN",
            "DISETUJUI",
            "PERSETUJUAN ATASAN",
            "DISETUJUI ATASAN",
            "SETUJU",
            "PARAF ATASAN",
            "PARAF",
            "ACC",
            "ACC ATASAN",
            "APPROVAL",
        ],
    ),
];

/// The role of a header text, `None` for anything else (including date headers).
pub fn classify(text: &str) -> Option<Role> {
    let k = key(text);
    if k.is_empty() || k.len() > 60 {
        return None;
    }
    for (role, words) in SYNONYMS {
        if words.contains(&k.as_str()) {
            return Some(*role);
        }
    }
    // Wider forms.
    let words: Vec<&str> = k.split(' ').collect();
    if words.contains(&"JABATAN") {
        return Some(Role::Position);
    }
    if words[0] == "NIP" && !words.contains(&"LAMA") && !words.contains(&"NAMA") {
        return Some(Role::Nip);
    }
    if words[0] == "PERSETUJUAN" || words[0] == "DISETUJUI" {
        return Some(Role::Approval);
    }
    if words[0] == "NAMA"
        && !words.iter().any(|w| {
            matches!(
                *w,
                "OPD" | "UNIT" | "PERANGKAT" | "INSTANSI" | "SKPD" | "BIDANG" | "SATKER"
            )
        })
    {
        return Some(Role::Name);
    }
    // One-letter typos in longer headers (`JABTAN`, `KETRANGAN`, `TANGAL`).
    if k.len() >= 5 {
        for (role, words) in SYNONYMS {
            if words
                .iter()
                .any(|w| w.len() >= 5 && within_one_edit(w.as_bytes(), k.as_bytes()))
            {
                return Some(*role);
            }
        }
    }
    None
}

/// Levenshtein distance ≤ 1.
fn within_one_edit(a: &[u8], b: &[u8]) -> bool {
    if a == b {
        return true;
    }
    if a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let p = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (ra, rb) = (&a[p..], &b[p..]);
    match a.len().cmp(&b.len()) {
        std::cmp::Ordering::Equal => ra[1..] == rb[1..],
        std::cmp::Ordering::Greater => ra[1..] == *rb,
        std::cmp::Ordering::Less => rb[1..] == *ra,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schedule_headers() {
        assert_eq!(classify("NIP."), Some(Role::Nip));
        assert_eq!(classify("NIP / NI PPPK"), Some(Role::Nip));
        assert_eq!(classify("Nama Pegawai"), Some(Role::Name));
        assert_eq!(classify("Pangkat/Gol."), Some(Role::Rank));
        assert_eq!(classify("Jabatan"), Some(Role::Position));
        assert_eq!(classify("Unit kerja/Bidang"), Some(Role::Unit));
        assert_eq!(classify("Status (PNS/PPPK)"), Some(Role::Kind));
        assert_eq!(classify("Keterangan"), Some(Role::Status));
        assert_eq!(classify("Hari/Tanggal"), Some(Role::Date));
        assert_eq!(classify("Persetujuan Atasan"), Some(Role::Approval));
        assert_eq!(classify("Jml WFA"), None);
        assert_eq!(classify("29-12-2025"), None);
    }

    #[test]
    fn master_headers() {
        assert_eq!(classify("KODE UNIT"), Some(Role::UnitCode));
        assert_eq!(classify("Kode OPD"), Some(Role::UnitCode));
        assert_eq!(classify("NAMA OPD"), Some(Role::Unit));
        assert_eq!(classify("Perangkat Daerah"), Some(Role::Unit));
        assert_eq!(classify("Kode Induk"), Some(Role::Parent));
        assert_eq!(classify("Singkatan"), Some(Role::Abbreviation));
        assert_eq!(classify("NAMA LENGKAP"), Some(Role::Name));
    }

    #[test]
    fn small_typos() {
        assert_eq!(classify("Jabtan"), Some(Role::Position));
        assert_eq!(classify("Ketrangan"), Some(Role::Status));
        assert_eq!(classify("Tangal"), Some(Role::Date));
        assert_eq!(classify("Xyzzy"), None);
    }
}
