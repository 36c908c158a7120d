//! The seed policies (presets) for the regions Fleksi ships with, each complete and
//! documented in its `notes` (sources and assumptions, in Indonesian for the clerk), under
//! stable ids.

use crate::policy::{Approver, CapBasis, DocumentKind, Policy, Signatory, UnitMatcher, WeekdayCap};
use chrono::{NaiveDate, Weekday};

/// The national limit of PermenPAN-RB 4/2025 Pasal 13(1): at most 2 location-flexible
/// working days per person per week. Every policy may set it (`weekly_wfa_limit`).
pub const NATIONAL_WEEKLY_WFA_LIMIT: u32 = 2;

/// The preset ids, in the order `fleksi policy list` prints them.
pub const IDS: [&str; 5] = [
    "lebak-2025-12",
    "kab-bekasi-2025-03",
    "rejang-lebong-2026",
    "pesisir-barat-2025-08",
    "kota-bekasi-2025-12",
];

/// Every preset, in the order of [`IDS`].
pub fn all() -> Vec<Policy> {
    vec![
        lebak_2025_12(),
        kab_bekasi_2025_03(),
        rejang_lebong_2026(),
        pesisir_barat_2025_08(),
        kota_bekasi_2025_12(),
    ]
}

/// The preset with this id (exact, ignoring ASCII case and surrounding spaces).
pub fn by_id(id: &str) -> Option<Policy> {
    let id = id.trim();
    all().into_iter().find(|p| p.id.eq_ignore_ascii_case(id))
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    // The presets' dates are literals checked by the tests below.
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

const MON_FRI: [Weekday; 5] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
];

fn caps_every_working_day(percent: u32) -> Vec<WeekdayCap> {
    MON_FRI
        .iter()
        .map(|&weekday| WeekdayCap { weekday, percent })
        .collect()
}

fn name(v: &str) -> UnitMatcher {
    UnitMatcher::Name(v.to_string())
}
fn abbr(v: &str) -> UnitMatcher {
    UnitMatcher::Abbreviation(v.to_string())
}
fn word(v: &str) -> UnitMatcher {
    UnitMatcher::Word(v.to_string())
}

/// A regional head signs: no rank, no NIP (Permendagri 1/2023 Pasal 44).
fn head(position: &str, person: &str) -> Signatory {
    Signatory {
        position: position.to_string(),
        name: person.to_string(),
        rank: None,
        nip: None,
    }
}

// Matchers for the units that recur across regions, by every name a master may use.
fn dinkes() -> Vec<UnitMatcher> {
    vec![
        abbr("Dinkes"),
        name("Dinas Kesehatan"),
        word("Puskesmas"),
        word("Pusat Kesehatan Masyarakat"),
        word("Labkesda"),
    ]
}
fn rsud() -> Vec<UnitMatcher> {
    vec![word("RSUD"), word("Rumah Sakit Umum Daerah")]
}
fn bpbd() -> Vec<UnitMatcher> {
    vec![abbr("BPBD"), name("Badan Penanggulangan Bencana Daerah")]
}
fn dinsos() -> Vec<UnitMatcher> {
    vec![abbr("Dinsos"), name("Dinas Sosial")]
}
fn dishub() -> Vec<UnitMatcher> {
    vec![abbr("Dishub"), name("Dinas Perhubungan")]
}
fn satpol_pp() -> Vec<UnitMatcher> {
    vec![
        abbr("Satpol PP"),
        abbr("Satpol PP dan Damkar"),
        word("Satuan Polisi Pamong Praja"),
        word("Satpol PP"),
    ]
}
fn damkar() -> Vec<UnitMatcher> {
    vec![
        abbr("Damkar"),
        abbr("Disdamkar"),
        abbr("Disdamkarmat"),
        word("Pemadam Kebakaran"),
        word("Damkar"),
    ]
}
fn bapenda() -> Vec<UnitMatcher> {
    vec![abbr("Bapenda"), name("Badan Pendapatan Daerah")]
}
fn disdukcapil() -> Vec<UnitMatcher> {
    vec![
        abbr("Disdukcapil"),
        abbr("Dukcapil"),
        name("Dinas Kependudukan dan Pencatatan Sipil"),
    ]
}
fn dpmptsp() -> Vec<UnitMatcher> {
    vec![
        abbr("DPMPTSP"),
        name("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu"),
    ]
}
fn kecamatan_kelurahan() -> Vec<UnitMatcher> {
    vec![word("Kecamatan"), word("Kelurahan")]
}

/// Kabupaten Lebak, 29–31 December 2025.
pub fn lebak_2025_12() -> Policy {
    let mut exempt = Vec::new();
    exempt.extend(bpbd());
    exempt.extend(dinkes());
    exempt.extend([
        word("RSUD dr Adjidarmo"),
        word("Adjidarmo"),
        abbr("RSUD"),
        name("Rumah Sakit Umum Daerah dr. Adjidarmo"),
    ]);
    exempt.extend(dinsos());
    exempt.extend(dishub());
    exempt.extend(satpol_pp());
    exempt.extend(damkar());
    exempt.extend(bapenda());
    exempt.extend([
        abbr("DPUPR"),
        abbr("Dinas PUPR"),
        name("Dinas Pekerjaan Umum dan Penataan Ruang"),
    ]);
    Policy {
        id: "lebak-2025-12".into(),
        issuer: "Pemerintah Kabupaten Lebak".into(),
        issuer_title: "BUPATI LEBAK".into(),
        place: "Rangkasbitung".into(),
        kind: DocumentKind::SuratEdaran,
        number: "B.000/19-PPI/XII/2025".into(),
        date: date(2025, 12, 24),
        subject: "Penerapan Pelaksanaan Tugas Kedinasan Pegawai ASN Secara Fleksibel di \
                  Lingkungan Pemerintah Kabupaten Lebak"
            .into(),
        signatory: head("BUPATI LEBAK", "Moch Hasbi Asyidiki Jayabaya"),
        start: date(2025, 12, 29),
        end: date(2025, 12, 31),
        working_weekdays: MON_FRI.to_vec(),
        extra_days_off: vec![],
        caps: caps_every_working_day(50),
        exempt,
        exempt_positions: vec![],
        wfa_weekdays: vec![],
        approval_required: false,
        weekly_wfa_limit: None,
        leave_counts_toward_cap: false,
        approver: Approver::default(),
        cap_basis: CapBasis::default(),
        schemes: vec![],
        status_synonyms: vec![],
        assumptions: vec![],
        notes: "Sumber: Surat Edaran Bupati Lebak Nomor B.000/19-PPI/XII/2025 tentang \
                Penerapan Pelaksanaan Tugas Kedinasan Pegawai ASN Secara Fleksibel di \
                Lingkungan Pemerintah Kabupaten Lebak (diberitakan ketik.com dan \
                bantenraya.com), menindaklanjuti Surat MenPAN-RB B/531/M.KT.02/2025 \
                (29–31 Desember 2025).\n\
                Aturan: tiap perangkat daerah membagi pegawai WFO dan WFA, WFA paling banyak \
                50 % dari jumlah ASN perangkat daerah, dihitung per hari terhadap jumlah ASN \
                di data pegawai.\n\
                Dikecualikan (tetap WFO): BPBD, Dinas Kesehatan beserta puskesmas dan \
                Labkesda di bawahnya, RSUD dr. Adjidarmo, Dinas Sosial, Dinas Perhubungan, \
                Satpol PP dan Damkar, Badan Pendapatan Daerah, Dinas PUPR.\n\
                Asumsi yang perlu diperiksa: tanggal surat (diisi 24 Desember 2025); cuti, \
                sakit dan dinas luar tidak dihitung dalam batas 50 %; batas 2 hari WFA per \
                minggu (PermenPAN-RB 4/2025) tidak diterapkan karena SE berlaku 3 hari \
                berturut-turut dalam satu minggu."
            .into(),
    }
}

/// Kabupaten Bekasi, 24–27 March 2025.
pub fn kab_bekasi_2025_03() -> Policy {
    let mut exempt = Vec::new();
    exempt.extend(dinkes());
    exempt.extend(dishub());
    exempt.extend(dpmptsp());
    exempt.extend(disdukcapil());
    exempt.extend([abbr("DLH"), name("Dinas Lingkungan Hidup")]);
    exempt.extend([
        abbr("DP3A"),
        name("Dinas Pemberdayaan Perempuan dan Perlindungan Anak"),
    ]);
    exempt.extend(dinsos());
    exempt.extend(damkar());
    exempt.extend(bapenda());
    exempt.extend(satpol_pp());
    exempt.extend(rsud());
    exempt.extend(kecamatan_kelurahan());
    Policy {
        id: "kab-bekasi-2025-03".into(),
        issuer: "Pemerintah Kabupaten Bekasi".into(),
        issuer_title: "BUPATI BEKASI".into(),
        place: "Cikarang".into(),
        kind: DocumentKind::SuratEdaran,
        number: "800.1.6.2/1468-BKPSDM/2025".into(),
        date: date(2025, 3, 21),
        subject: "Penyesuaian Pelaksanaan Tugas Kedinasan bagi Pegawai Aparatur Sipil Negara \
                  pada Masa Libur Nasional dan Cuti Bersama Hari Suci Nyepi Tahun Baru Saka 1947 \
                  dan Hari Raya Idul Fitri 1446 Hijriah di Lingkungan Pemerintah Kabupaten \
                  Bekasi"
            .into(),
        signatory: head("BUPATI BEKASI", "[ISI: nama Bupati Bekasi]"),
        start: date(2025, 3, 24),
        end: date(2025, 3, 27),
        working_weekdays: MON_FRI.to_vec(),
        extra_days_off: vec![],
        caps: vec![],
        exempt,
        exempt_positions: vec![],
        wfa_weekdays: vec![],
        approval_required: true,
        weekly_wfa_limit: None,
        leave_counts_toward_cap: false,
        approver: Approver::default(),
        cap_basis: CapBasis::default(),
        schemes: vec![],
        status_synonyms: vec![],
        assumptions: vec![],
        notes: "Sumber: Surat Edaran Nomor 800.1.6.2/1468-BKPSDM/2025 (diberitakan \
                gobekasi.id, 22 Maret 2025), turunan SE MenPAN-RB 2/2025 (WFA 24–27 Maret \
                2025 menjelang Nyepi dan Idul Fitri 1446 H).\n\
                Aturan: tidak ada batas persentase; setiap WFA harus disetujui atasan \
                langsung (kolom persetujuan pada jadwal); presensi dan kinerja melalui \
                E-Kinerja.\n\
                Dikecualikan (tetap WFO): Dinas Kesehatan termasuk puskesmas, Dinas \
                Perhubungan, DPMPTSP, Disdukcapil, DLH, DP3A, Dinas Sosial, Damkar, \
                Bapenda, Satpol PP, RSUD, seluruh kecamatan dan kelurahan.\n\
                Asumsi yang perlu diperiksa: tanggal surat (diisi 21 Maret 2025); judul \
                (tentang) disusun mengikuti judul SE MenPAN-RB 2/2025; nama penanda tangan \
                belum diketahui — ganti teks [ISI: …]; \
                batas 2 hari WFA per minggu tidak diterapkan karena SE berlaku 4 hari \
                berturut-turut dalam satu minggu."
            .into(),
    }
}

/// Kabupaten Rejang Lebong, standing flexible work from 6 April 2026.
pub fn rejang_lebong_2026() -> Policy {
    let mut exempt = rsud();
    exempt.extend([word("Puskesmas"), word("Pusat Kesehatan Masyarakat")]);
    exempt.extend(disdukcapil());
    let mut caps: Vec<WeekdayCap> = MON_FRI[..4]
        .iter()
        .map(|&weekday| WeekdayCap {
            weekday,
            percent: 50,
        })
        .collect();
    caps.push(WeekdayCap {
        weekday: Weekday::Fri,
        percent: 100,
    });
    Policy {
        id: "rejang-lebong-2026".into(),
        issuer: "Pemerintah Kabupaten Rejang Lebong".into(),
        issuer_title: "BUPATI REJANG LEBONG".into(),
        place: "Curup".into(),
        kind: DocumentKind::SuratEdaran,
        number: "[ISI: nomor Surat Edaran Bupati Rejang Lebong]".into(),
        date: date(2026, 4, 1),
        subject: "Pelaksanaan Tugas Kedinasan Pegawai Aparatur Sipil Negara Secara Fleksibel \
                  di Lingkungan Pemerintah Kabupaten Rejang Lebong"
            .into(),
        signatory: head("BUPATI REJANG LEBONG", "[ISI: nama Bupati Rejang Lebong]"),
        start: date(2026, 4, 6),
        end: date(2026, 12, 31),
        working_weekdays: MON_FRI.to_vec(),
        extra_days_off: vec![],
        caps,
        exempt,
        exempt_positions: vec![],
        wfa_weekdays: vec![],
        approval_required: false,
        weekly_wfa_limit: Some(NATIONAL_WEEKLY_WFA_LIMIT),
        leave_counts_toward_cap: false,
        approver: Approver::default(),
        cap_basis: CapBasis::default(),
        schemes: vec![],
        status_synonyms: vec![],
        assumptions: vec![],
        notes: "Sumber: rapat koordinasi Pemkab Rejang Lebong 13 Februari 2026 \
                (rejanglebongkab.go.id) yang mengikuti PermenPAN-RB Nomor 4 Tahun 2025 \
                tentang Pelaksanaan Tugas Kedinasan Pegawai ASN secara Fleksibel.\n\
                Aturan: setiap Jumat WFA penuh (batas 100 %); Senin–Kamis fleksibel dengan \
                pembagian sif — dimodelkan sebagai batas WFA 50 % (asumsi, silakan ubah); \
                paling banyak 2 hari WFA per orang per minggu (PermenPAN-RB 4/2025 Pasal \
                13 ayat 1, sebagai peringatan).\n\
                Dikecualikan (tetap WFO): RSUD, seluruh puskesmas, Disdukcapil; unit \
                pelayanan publik lain dapat ditambahkan petugas.\n\
                Asumsi yang perlu diperiksa: nomor dan tanggal surat (diisi 1 April 2026), \
                mulai berlaku 6 April 2026, nama penanda tangan — ganti teks [ISI: …]."
            .into(),
    }
}

/// Kabupaten Pesisir Barat, selective flexible work from August 2025.
pub fn pesisir_barat_2025_08() -> Policy {
    Policy {
        id: "pesisir-barat-2025-08".into(),
        issuer: "Pemerintah Kabupaten Pesisir Barat".into(),
        issuer_title: "BUPATI PESISIR BARAT".into(),
        place: "Krui".into(),
        kind: DocumentKind::SuratEdaran,
        number: "100.3.4.2/022/08/2025".into(),
        date: date(2025, 8, 1),
        subject: "Pelaksanaan Tugas Kedinasan Pegawai Aparatur Sipil Negara Secara Fleksibel \
                  di Lingkungan Pemerintah Kabupaten Pesisir Barat"
            .into(),
        signatory: head("BUPATI PESISIR BARAT", "[ISI: nama Bupati Pesisir Barat]"),
        start: date(2025, 8, 1),
        end: date(2025, 12, 31),
        working_weekdays: MON_FRI.to_vec(),
        extra_days_off: vec![],
        caps: vec![],
        exempt: vec![],
        exempt_positions: vec![],
        wfa_weekdays: vec![],
        approval_required: true,
        weekly_wfa_limit: Some(NATIONAL_WEEKLY_WFA_LIMIT),
        leave_counts_toward_cap: false,
        approver: Approver::default(),
        cap_basis: CapBasis::default(),
        schemes: vec![],
        status_synonyms: vec![],
        assumptions: vec![],
        notes: "Sumber: Surat Edaran Nomor 100.3.4.2/022/08/2025 (diberitakan \
                radarlambar.bacakoran.co).\n\
                Aturan: kerja fleksibel selektif menurut karakteristik jabatan dan kondisi \
                unit, atas rekomendasi dan persetujuan kepala perangkat daerah (kolom \
                persetujuan wajib); tanpa batas persentase menyeluruh; presensi melalui \
                e-presensi dan laporan kinerja; paling banyak 2 hari WFA per orang per \
                minggu (PermenPAN-RB 4/2025 Pasal 13 ayat 1, sebagai peringatan).\n\
                Dikecualikan: belum diisi — petugas mendaftarkan sendiri unit (exempt) dan \
                jabatan (exempt_positions) yang tidak boleh WFA.\n\
                Asumsi yang perlu diperiksa: tanggal surat dan masa berlaku (diisi 1 Agustus \
                – 31 Desember 2025); judul (tentang) disusun mengikuti judul PermenPAN-RB \
                4/2025; nama penanda tangan belum diketahui — ganti teks [ISI: …]."
            .into(),
    }
}

/// Kota Bekasi, 29–31 December 2025.
pub fn kota_bekasi_2025_12() -> Policy {
    let mut exempt = Vec::new();
    exempt.extend(dishub());
    exempt.extend(satpol_pp());
    exempt.extend(dinkes());
    exempt.extend(rsud());
    exempt.extend(disdukcapil());
    exempt.extend(dpmptsp());
    exempt.extend(damkar());
    exempt.extend(bpbd());
    exempt.extend(kecamatan_kelurahan());
    Policy {
        id: "kota-bekasi-2025-12".into(),
        issuer: "Pemerintah Kota Bekasi".into(),
        issuer_title: "WALI KOTA BEKASI".into(),
        place: "Bekasi".into(),
        kind: DocumentKind::Keputusan,
        number: "[ISI: nomor Keputusan Wali Kota Bekasi]".into(),
        date: date(2025, 12, 24),
        subject: "Pelaksanaan Tugas Kedinasan Pegawai Aparatur Sipil Negara Secara Fleksibel \
                  di Lingkungan Pemerintah Kota Bekasi pada Tanggal 29 sampai dengan 31 \
                  Desember 2025"
            .into(),
        signatory: head("WALI KOTA BEKASI", "[ISI: nama Wali Kota Bekasi]"),
        start: date(2025, 12, 29),
        end: date(2025, 12, 31),
        working_weekdays: MON_FRI.to_vec(),
        extra_days_off: vec![],
        caps: caps_every_working_day(50),
        exempt,
        exempt_positions: vec![],
        wfa_weekdays: vec![],
        approval_required: false,
        weekly_wfa_limit: None,
        leave_counts_toward_cap: false,
        approver: Approver::default(),
        cap_basis: CapBasis::default(),
        schemes: vec![],
        status_synonyms: vec![],
        assumptions: vec![],
        notes: "Sumber: rencana Pemkot Bekasi untuk 29–31 Desember 2025 yang ditetapkan \
                dengan Keputusan Wali Kota (gobekasi.id, rakyatbekasi.com), dengan aturan \
                yang sama seperti SE Wali Kota 800.1.5/1446/BKPSDM.PKA (24–27 Maret 2025).\n\
                Aturan: WFA paling banyak 50 % dari ASN perangkat daerah per hari; kepala \
                perangkat daerah menyusun jadwal dan melaporkannya ke BKPSDM.\n\
                Dikecualikan (100 % WFO): Dinas Perhubungan, Satpol PP, Dinas Kesehatan \
                termasuk RSUD dan puskesmas, Disdukcapil, DPMPTSP, Dinas Pemadam Kebakaran \
                (Disdamkarmat), BPBD, seluruh kecamatan dan kelurahan.\n\
                Asumsi yang perlu diperiksa: nomor dan tanggal Keputusan (diisi 24 Desember \
                2025) serta nama penanda tangan — ganti teks [ISI: …]; batas 2 hari WFA per \
                minggu tidak diterapkan karena berlaku 3 hari berturut-turut dalam satu \
                minggu."
            .into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::master::{Master, Unit};

    /// A realistic regency master: codes are local, names and abbreviations as written.
    fn master() -> Master {
        Master::new(
            vec![
                Unit::new("1.02", "Dinas Kesehatan", Some("Dinkes"), None),
                Unit::new("1.02.01", "UPTD Puskesmas Cibadak", None, Some("1.02")),
                Unit::new("1.02.02", "RSUD dr. Adjidarmo", None, Some("1.02")),
                Unit::new("1.01", "Dinas Pendidikan", Some("Disdik"), None),
                Unit::new(
                    "1.03",
                    "Dinas Pekerjaan Umum dan Penataan Ruang",
                    Some("DPUPR"),
                    None,
                ),
                Unit::new(
                    "1.05",
                    "Satuan Polisi Pamong Praja dan Pemadam Kebakaran",
                    None,
                    None,
                ),
                Unit::new("1.06", "Dinas Sosial", None, None),
                Unit::new("1.07", "Badan Penanggulangan Bencana Daerah", None, None),
                Unit::new("1.08", "Dinas Perhubungan", Some("Dishub"), None),
                Unit::new("5.02", "Badan Pendapatan Daerah", Some("Bapenda"), None),
                Unit::new(
                    "2.16",
                    "Dinas Komunikasi, Informatika, Statistik dan Persandian",
                    Some("Diskominfosantik"),
                    None,
                ),
                Unit::new("4.01", "Sekretariat Daerah", Some("Setda"), None),
                Unit::new(
                    "2.12",
                    "Dinas Kependudukan dan Pencatatan Sipil",
                    Some("Disdukcapil"),
                    None,
                ),
                Unit::new("2.11", "Dinas Lingkungan Hidup", Some("DLH"), None),
                Unit::new(
                    "2.08",
                    "Dinas Pemberdayaan Perempuan dan Perlindungan Anak",
                    Some("DP3A"),
                    None,
                ),
                Unit::new(
                    "2.18",
                    "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
                    Some("DPMPTSP"),
                    None,
                ),
                Unit::new("7.01", "Kecamatan Bekasi Timur", None, None),
                Unit::new("7.01.01", "Kelurahan Margahayu", None, Some("7.01")),
                Unit::new("7.02", "Kecamatan Rangkasbitung", None, None),
                Unit::new(
                    "1.05.9",
                    "Dinas Pemadam Kebakaran dan Penyelamatan",
                    Some("Disdamkarmat"),
                    None,
                ),
                Unit::new("3.27", "Dinas Pertanian", Some("Distan"), None),
                Unit::new("4.02", "Sekretariat DPRD", Some("Setwan"), None),
                Unit::new("2.20", "Inspektorat Daerah", None, None),
                Unit::new(
                    "5.01",
                    "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
                    Some("BKPSDM"),
                    None,
                ),
                Unit::new("1.02.03", "UPT Labkesda", None, Some("1.02")),
                Unit::new("1.04", "Rumah Sakit Umum Daerah Curup", None, None),
                Unit::new("1.02.04", "UPTD Instalasi Farmasi", None, Some("1.02")),
                Unit::new(
                    "7.01.02",
                    "Sekretariat Camat Bekasi Timur",
                    None,
                    Some("7.01"),
                ),
            ],
            vec![],
        )
    }

    fn exempt_names(id: &str) -> Vec<String> {
        let p = by_id(id).unwrap();
        let m = master();
        m.units
            .iter()
            .filter(|u| p.is_exempt(&m, &u.code))
            .map(|u| u.name.clone())
            .collect()
    }

    #[test]
    fn ids_are_stable_and_complete() {
        let ids: Vec<String> = all().into_iter().map(|p| p.id).collect();
        assert_eq!(ids, IDS.map(String::from).to_vec());
        for p in all() {
            p.check().unwrap();
            assert!(p.start <= p.end);
            assert!(p.notes.contains("Sumber:"), "{} documents its source", p.id);
            assert!(
                p.notes.contains("Asumsi"),
                "{} documents its assumptions",
                p.id
            );
            assert!(p.date >= date(2025, 1, 1), "{} date is set", p.id);
        }
        assert_eq!(by_id(" LEBAK-2025-12 ").unwrap().id, "lebak-2025-12");
        assert!(by_id("lebak").is_none());
    }

    #[test]
    fn lebak_exemptions() {
        assert_eq!(
            exempt_names("lebak-2025-12"),
            vec![
                "Dinas Kesehatan",
                "UPTD Puskesmas Cibadak",
                "RSUD dr. Adjidarmo",
                "Dinas Pekerjaan Umum dan Penataan Ruang",
                "Satuan Polisi Pamong Praja dan Pemadam Kebakaran",
                "Dinas Sosial",
                "Badan Penanggulangan Bencana Daerah",
                "Dinas Perhubungan",
                "Badan Pendapatan Daerah",
                "Dinas Pemadam Kebakaran dan Penyelamatan",
                "UPT Labkesda",
                "UPTD Instalasi Farmasi",
            ]
        );
        // Inherited: the pharmacy's name says nothing, its parent Dinkes is listed.
        let m = master();
        let p = lebak_2025_12();
        let why = p.exemption(&m, "1.02.04").unwrap();
        assert!(why.inherited);
        assert_eq!(why.unit.name, "Dinas Kesehatan");
        let p = lebak_2025_12();
        assert_eq!(p.signatory.name, "Moch Hasbi Asyidiki Jayabaya");
        assert_eq!(p.place, "Rangkasbitung");
        assert!(p.placeholders().is_empty());
        assert_eq!(p.weekly_wfa_limit, None);
    }

    #[test]
    fn kab_bekasi_exemptions() {
        let names = exempt_names("kab-bekasi-2025-03");
        for n in [
            "Dinas Kesehatan",
            "UPTD Puskesmas Cibadak",
            "RSUD dr. Adjidarmo",
            "Dinas Kependudukan dan Pencatatan Sipil",
            "Dinas Lingkungan Hidup",
            "Dinas Pemberdayaan Perempuan dan Perlindungan Anak",
            "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
            "Kecamatan Bekasi Timur",
            "Kelurahan Margahayu",
            "Badan Pendapatan Daerah",
            "Satuan Polisi Pamong Praja dan Pemadam Kebakaran",
        ] {
            assert!(names.contains(&n.to_string()), "{n} exempt");
        }
        for n in [
            "Dinas Pendidikan",
            "Sekretariat Daerah",
            "Badan Penanggulangan Bencana Daerah",
            "Dinas Pekerjaan Umum dan Penataan Ruang",
        ] {
            assert!(!names.contains(&n.to_string()), "{n} not exempt");
        }
        let p = kab_bekasi_2025_03();
        assert!(p.approval_required);
        assert!(p.caps.is_empty());
        assert_eq!(p.placeholders(), vec!["nama penanda tangan"]);
    }

    #[test]
    fn rejang_lebong_exemptions() {
        assert_eq!(
            exempt_names("rejang-lebong-2026"),
            vec![
                "UPTD Puskesmas Cibadak",
                "RSUD dr. Adjidarmo",
                "Dinas Kependudukan dan Pencatatan Sipil",
                "Rumah Sakit Umum Daerah Curup",
            ]
        );
        assert_eq!(rejang_lebong_2026().weekly_wfa_limit, Some(2));
    }

    #[test]
    fn pesisir_barat_lists_nothing_until_the_clerk_does() {
        assert!(exempt_names("pesisir-barat-2025-08").is_empty());
        let p = pesisir_barat_2025_08();
        assert!(p.approval_required);
        assert!(p.caps.is_empty());
    }

    #[test]
    fn kota_bekasi_exemptions() {
        let names = exempt_names("kota-bekasi-2025-12");
        for n in [
            "Kelurahan Margahayu",
            "Kecamatan Rangkasbitung",
            "Sekretariat Camat Bekasi Timur",
            "UPTD Puskesmas Cibadak",
            "Rumah Sakit Umum Daerah Curup",
            "Dinas Pemadam Kebakaran dan Penyelamatan",
            "Badan Penanggulangan Bencana Daerah",
            "Dinas Perhubungan",
            "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
        ] {
            assert!(names.contains(&n.to_string()), "{n} exempt");
        }
        for n in [
            "Dinas Pendidikan",
            "Badan Pendapatan Daerah",
            "Dinas Sosial",
            "Dinas Pertanian",
            "Inspektorat Daerah",
            "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
        ] {
            assert!(!names.contains(&n.to_string()), "{n} not exempt");
        }
        let p = kota_bekasi_2025_12();
        assert_eq!(p.kind, DocumentKind::Keputusan);
        assert!(p.placeholders().contains(&"nomor"));
    }
}
