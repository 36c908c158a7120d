//! The demo regency's units: a Kabupaten Lebak–flavoured catalogue of perangkat daerah,
//! UPTD puskesmas under Dinas Kesehatan, kecamatan and the kelurahan under Rangkasbitung,
//! ordered so that the first few already show every kind (exempt, child, district).

use fleksi_core::Unit;

/// What kind of office a unit is: drives its head's title, its positions and its size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitKind {
    /// Sekretariat Daerah, Sekretariat DPRD.
    Secretariat,
    Inspectorate,
    /// A badan (agency).
    Agency,
    /// A dinas (office) with general administrative work.
    Office,
    Health,
    Hospital,
    Puskesmas,
    PublicWorks,
    PublicOrder,
    Transport,
    Social,
    Education,
    Environment,
    Agriculture,
    Revenue,
    Disaster,
    Population,
    District,
    Village,
}

/// One unit of the catalogue.
#[derive(Debug, Clone, Copy)]
pub struct UnitSpec {
    pub code: &'static str,
    pub name: &'static str,
    pub abbreviation: &'static str,
    pub parent: Option<&'static str>,
    pub kind: UnitKind,
}

impl UnitSpec {
    /// Relative size: a kelurahan is small, Setda and the hospital are large.
    pub fn weight(&self) -> f64 {
        match self.kind {
            UnitKind::Hospital => 2.2,
            UnitKind::Secretariat if self.code == "SETDA" => 1.8,
            UnitKind::Health | UnitKind::Education => 1.4,
            UnitKind::PublicWorks | UnitKind::PublicOrder => 1.2,
            UnitKind::Puskesmas => 0.8,
            UnitKind::District => 0.7,
            UnitKind::Village => 0.4,
            _ => 1.0,
        }
    }

    /// The head's position as written in the master and above the signature.
    pub fn head_title(&self) -> String {
        match self.kind {
            UnitKind::Secretariat if self.code == "SETDA" => "Sekretaris Daerah".to_string(),
            UnitKind::Secretariat => "Sekretaris DPRD".to_string(),
            UnitKind::Inspectorate => "Inspektur".to_string(),
            UnitKind::Hospital => format!("Direktur {}", self.name),
            UnitKind::District => self.name.replacen("Kecamatan", "Camat", 1),
            UnitKind::Village => self.name.replacen("Kelurahan", "Lurah", 1),
            UnitKind::PublicOrder => format!("Kepala {}", self.name),
            _ => format!("Kepala {}", self.name),
        }
    }

    /// The second in command, when the unit is large enough to have one.
    pub fn deputy_title(&self) -> &'static str {
        match self.kind {
            UnitKind::Secretariat if self.code == "SETDA" => "Asisten Pemerintahan dan Kesra",
            UnitKind::Inspectorate => "Sekretaris Inspektorat",
            UnitKind::Hospital => "Wakil Direktur Pelayanan",
            UnitKind::Puskesmas => "Kepala Subbagian Tata Usaha",
            UnitKind::District => "Sekretaris Kecamatan",
            UnitKind::Village => "Sekretaris Kelurahan",
            UnitKind::Agency => "Sekretaris Badan",
            _ => "Sekretaris Dinas",
        }
    }

    pub fn to_unit(self) -> Unit {
        Unit {
            code: self.code.to_string(),
            name: self.name.to_string(),
            abbreviation: Some(self.abbreviation.to_string()),
            parent: self.parent.map(str::to_string),
        }
    }
}

const fn u(
    code: &'static str,
    name: &'static str,
    abbreviation: &'static str,
    parent: Option<&'static str>,
    kind: UnitKind,
) -> UnitSpec {
    UnitSpec {
        code,
        name,
        abbreviation,
        parent,
        kind,
    }
}

use UnitKind as K;

/// The catalogue, parents before children. `--units N` takes the first N.
pub const CATALOGUE: &[UnitSpec] = &[
    u("SETDA", "Sekretariat Daerah", "Setda", None, K::Secretariat),
    u("BKPSDM", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "BKPSDM", None, K::Agency),
    u("DINKES", "Dinas Kesehatan", "Dinkes", None, K::Health),
    u("PKM-RANGKASBITUNG", "UPTD Puskesmas Rangkasbitung", "PKM Rangkasbitung", Some("DINKES"), K::Puskesmas),
    u("RSUD-ADJIDARMO", "RSUD dr. Adjidarmo", "RSUD Adjidarmo", None, K::Hospital),
    u("DISKOMINFOSANTIK", "Dinas Komunikasi, Informatika, Statistik dan Persandian", "Diskominfosantik", None, K::Office),
    u("BPBD", "Badan Penanggulangan Bencana Daerah", "BPBD", None, K::Disaster),
    u("BAPENDA", "Badan Pendapatan Daerah", "Bapenda", None, K::Revenue),
    u("DISDUKCAPIL", "Dinas Kependudukan dan Pencatatan Sipil", "Disdukcapil", None, K::Population),
    u("KEC-RANGKASBITUNG", "Kecamatan Rangkasbitung", "Kec. Rangkasbitung", None, K::District),
    u("KEL-MUARACIUJUNGTIMUR", "Kelurahan Muara Ciujung Timur", "Kel. Muara Ciujung Timur", Some("KEC-RANGKASBITUNG"), K::Village),
    u("INSPEKTORAT", "Inspektorat Daerah", "Inspektorat", None, K::Inspectorate),
    u("SETWAN", "Sekretariat DPRD", "Setwan", None, K::Secretariat),
    u("BAPELITBANGDA", "Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah", "Bapelitbangda", None, K::Agency),
    u("BKAD", "Badan Keuangan dan Aset Daerah", "BKAD", None, K::Agency),
    u("DPUPR", "Dinas Pekerjaan Umum dan Penataan Ruang", "DPUPR", None, K::PublicWorks),
    u("SATPOLPP-DAMKAR", "Satuan Polisi Pamong Praja dan Pemadam Kebakaran", "Satpol PP dan Damkar", None, K::PublicOrder),
    u("DINSOS", "Dinas Sosial", "Dinsos", None, K::Social),
    u("DISHUB", "Dinas Perhubungan", "Dishub", None, K::Transport),
    u("DISDIK", "Dinas Pendidikan", "Disdik", None, K::Education),
    u("DLH", "Dinas Lingkungan Hidup", "DLH", None, K::Environment),
    u("DPMPTSP", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "DPMPTSP", None, K::Office),
    u("PKM-CIBADAK", "UPTD Puskesmas Cibadak", "PKM Cibadak", Some("DINKES"), K::Puskesmas),
    u("KEC-CIBADAK", "Kecamatan Cibadak", "Kec. Cibadak", None, K::District),
    u("KEC-MALINGPING", "Kecamatan Malingping", "Kec. Malingping", None, K::District),
    u("PKM-MALINGPING", "UPTD Puskesmas Malingping", "PKM Malingping", Some("DINKES"), K::Puskesmas),
    u("KEL-MUARACIUJUNGBARAT", "Kelurahan Muara Ciujung Barat", "Kel. Muara Ciujung Barat", Some("KEC-RANGKASBITUNG"), K::Village),
    u("BAKESBANGPOL", "Badan Kesatuan Bangsa dan Politik", "Bakesbangpol", None, K::Agency),
    u("DISBUDPAR", "Dinas Pariwisata dan Kebudayaan", "Disbudpar", None, K::Office),
    u("DISPUSIP", "Dinas Perpustakaan dan Kearsipan", "Dispusip", None, K::Office),
    u("DISPORA", "Dinas Kepemudaan dan Olahraga", "Dispora", None, K::Office),
    u("DPMD", "Dinas Pemberdayaan Masyarakat dan Desa", "DPMD", None, K::Office),
    u("DISPERINDAG", "Dinas Perindustrian dan Perdagangan", "Disperindag", None, K::Office),
    u("DISTAN", "Dinas Pertanian", "Distan", None, K::Agriculture),
    u("DISKAN", "Dinas Perikanan", "Diskan", None, K::Agriculture),
    u("DISNAKERTRANS", "Dinas Tenaga Kerja dan Transmigrasi", "Disnakertrans", None, K::Office),
    u("DISKOPUKM", "Dinas Koperasi dan Usaha Kecil Menengah", "Diskopukm", None, K::Office),
    u("DISPERKIM", "Dinas Perumahan dan Kawasan Permukiman", "Disperkim", None, K::PublicWorks),
    u("DP2KBP3A", "Dinas Pengendalian Penduduk, Keluarga Berencana, Pemberdayaan Perempuan dan Perlindungan Anak", "DP2KBP3A", None, K::Social),
    u("DISKETAPANG", "Dinas Ketahanan Pangan", "Disketapang", None, K::Agriculture),
    u("LABKESDA", "UPTD Laboratorium Kesehatan Daerah", "Labkesda", Some("DINKES"), K::Puskesmas),
    u("KEL-RANGKASBITUNGBARAT", "Kelurahan Rangkasbitung Barat", "Kel. Rangkasbitung Barat", Some("KEC-RANGKASBITUNG"), K::Village),
    u("KEL-CIJOROLEBAK", "Kelurahan Cijoro Lebak", "Kel. Cijoro Lebak", Some("KEC-RANGKASBITUNG"), K::Village),
    u("KEL-CIJOROPASIR", "Kelurahan Cijoro Pasir", "Kel. Cijoro Pasir", Some("KEC-RANGKASBITUNG"), K::Village),
    u("KEC-MAJA", "Kecamatan Maja", "Kec. Maja", None, K::District),
    u("PKM-KALANGANYAR", "UPTD Puskesmas Kalanganyar", "PKM Kalanganyar", Some("DINKES"), K::Puskesmas),
    u("KEC-WARUNGGUNUNG", "Kecamatan Warunggunung", "Kec. Warunggunung", None, K::District),
    u("KEC-CIMARGA", "Kecamatan Cimarga", "Kec. Cimarga", None, K::District),
    u("KEC-KALANGANYAR", "Kecamatan Kalanganyar", "Kec. Kalanganyar", None, K::District),
    u("PKM-WARUNGGUNUNG", "UPTD Puskesmas Warunggunung", "PKM Warunggunung", Some("DINKES"), K::Puskesmas),
    u("KEC-LEUWIDAMAR", "Kecamatan Leuwidamar", "Kec. Leuwidamar", None, K::District),
    u("KEC-BAYAH", "Kecamatan Bayah", "Kec. Bayah", None, K::District),
    u("PKM-BAYAH", "UPTD Puskesmas Bayah", "PKM Bayah", Some("DINKES"), K::Puskesmas),
    u("KEC-CILELES", "Kecamatan Cileles", "Kec. Cileles", None, K::District),
    u("KEC-BANJARSARI", "Kecamatan Banjarsari", "Kec. Banjarsari", None, K::District),
    u("KEC-SAJIRA", "Kecamatan Sajira", "Kec. Sajira", None, K::District),
    u("PKM-MAJA", "UPTD Puskesmas Maja", "PKM Maja", Some("DINKES"), K::Puskesmas),
    u("KEC-PANGGARANGAN", "Kecamatan Panggarangan", "Kec. Panggarangan", None, K::District),
    u("KEC-WANASALAM", "Kecamatan Wanasalam", "Kec. Wanasalam", None, K::District),
    u("KEC-CILOGRANG", "Kecamatan Cilograng", "Kec. Cilograng", None, K::District),
    u("KEC-CIBEBER", "Kecamatan Cibeber", "Kec. Cibeber", None, K::District),
    u("PKM-LEUWIDAMAR", "UPTD Puskesmas Leuwidamar", "PKM Leuwidamar", Some("DINKES"), K::Puskesmas),
    u("KEC-CIJAKU", "Kecamatan Cijaku", "Kec. Cijaku", None, K::District),
    u("KEC-GUNUNGKENCANA", "Kecamatan Gunungkencana", "Kec. Gunungkencana", None, K::District),
    u("KEC-BOJONGMANIK", "Kecamatan Bojongmanik", "Kec. Bojongmanik", None, K::District),
    u("KEC-MUNCANG", "Kecamatan Muncang", "Kec. Muncang", None, K::District),
    u("KEC-SOBANG", "Kecamatan Sobang", "Kec. Sobang", None, K::District),
    u("KEC-CIPANAS", "Kecamatan Cipanas", "Kec. Cipanas", None, K::District),
    u("KEC-CIKULUR", "Kecamatan Cikulur", "Kec. Cikulur", None, K::District),
    u("KEC-CURUGBITUNG", "Kecamatan Curugbitung", "Kec. Curugbitung", None, K::District),
    u("KEC-CIHARA", "Kecamatan Cihara", "Kec. Cihara", None, K::District),
    u("KEC-CIGEMBLONG", "Kecamatan Cigemblong", "Kec. Cigemblong", None, K::District),
    u("KEC-CIRINTEN", "Kecamatan Cirinten", "Kec. Cirinten", None, K::District),
    u("KEC-LEBAKGEDONG", "Kecamatan Lebakgedong", "Kec. Lebakgedong", None, K::District),
    u("PKM-CILELES", "UPTD Puskesmas Cileles", "PKM Cileles", Some("DINKES"), K::Puskesmas),
    u("PKM-CIPANAS", "UPTD Puskesmas Cipanas", "PKM Cipanas", Some("DINKES"), K::Puskesmas),
];

/// The largest `--units` the catalogue can serve.
pub fn max_units() -> usize {
    CATALOGUE.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn codes_unique_and_parents_come_first() {
        let mut seen = HashSet::new();
        for spec in CATALOGUE {
            if let Some(p) = spec.parent {
                assert!(seen.contains(p), "{} before its parent {p}", spec.code);
            }
            assert!(seen.insert(spec.code), "duplicate {}", spec.code);
        }
        assert!(max_units() >= 70);
    }

    #[test]
    fn head_titles_read_naturally() {
        let by = |c: &str| CATALOGUE.iter().find(|s| s.code == c).unwrap().head_title();
        assert_eq!(by("DINKES"), "Kepala Dinas Kesehatan");
        assert_eq!(by("KEC-CIBADAK"), "Camat Cibadak");
        assert_eq!(by("KEL-CIJOROPASIR"), "Lurah Cijoro Pasir");
        assert_eq!(by("RSUD-ADJIDARMO"), "Direktur RSUD dr. Adjidarmo");
    }
}
