//! The seed policies (presets) for the regions Fleksi ships with, under stable ids. Each is
//! true to its source, one news report per region (`shared/reference/seeds/*.txt`): every
//! value the report gives is written in its words; a printed value it does not give is a
//! `[ISI: …]` placeholder or an entry of `assumptions` naming the field (either keeps the
//! lampiran a KONSEP); a rule value it does not give is an entry of `assumptions` too. The
//! `notes` (Indonesian, for the clerk) quote the report and repeat every assumption.
//! `tests/presets_sources.rs` checks all of it against the report texts.

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

fn value(m: &UnitMatcher) -> &str {
    match m {
        UnitMatcher::Code(v)
        | UnitMatcher::Name(v)
        | UnitMatcher::Abbreviation(v)
        | UnitMatcher::Word(v) => v,
    }
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

/// The exempt list of a preset, unit by unit as the report lists them: the matchers whose
/// value the report writes, then the other names the same unit goes by in a master
/// (abbreviations, its puskesmas), which [`Exempt::assumption`] lists for the clerk.
#[derive(Default)]
struct Exempt {
    matchers: Vec<UnitMatcher>,
    aliases: Vec<String>,
}

impl Exempt {
    /// A unit the report lists as `quoted` (its words), matched by `said` (values the
    /// report writes) and by `other` names (listed in the assumption).
    fn unit(mut self, quoted: &str, said: Vec<UnitMatcher>, other: Vec<UnitMatcher>) -> Self {
        if !other.is_empty() {
            let mut names: Vec<&str> = Vec::new();
            for v in other.iter().map(value) {
                if !names.iter().any(|n| n.eq_ignore_ascii_case(v)) {
                    names.push(v);
                }
            }
            self.aliases
                .push(format!("«{quoted}» juga {}", names.join(", ")));
        }
        self.matchers.extend(said);
        self.matchers.extend(other);
        self
    }

    /// `exempt: …` naming every other name, or nothing when there is none.
    fn assumption(&self) -> Option<String> {
        (!self.aliases.is_empty()).then(|| {
            format!(
                "exempt: unit yang disebut laporan dicocokkan juga dengan singkatan dan nama \
                 lain yang biasa dipakai di data pegawai (bukan unit tambahan): {}",
                self.aliases.join("; ")
            )
        })
    }
}

// The other names of units that recur across regions.
fn dinkes_other() -> Vec<UnitMatcher> {
    vec![
        abbr("Dinkes"),
        word("Puskesmas"),
        word("PKM"),
        word("Pusat Kesehatan Masyarakat"),
        word("Labkesda"),
    ]
}
fn damkar_other() -> Vec<UnitMatcher> {
    vec![
        abbr("Damkar"),
        abbr("Disdamkar"),
        abbr("Disdamkarmat"),
        word("Damkar"),
    ]
}
fn satpol_other() -> Vec<UnitMatcher> {
    vec![
        abbr("Satpol PP"),
        abbr("Satpol PP dan Damkar"),
        word("Satpol PP"),
    ]
}

/// The notes: the source, the report's own words, the rules as entered, then every
/// assumption (the same text as in `assumptions`).
fn notes(source: &str, quotes: &[&str], rules: &str, assumptions: &[String]) -> String {
    let mut out = format!("Sumber: {source}\nKutipan laporan:");
    for q in quotes {
        out.push_str(&format!("\n- «{q}»"));
    }
    out.push_str(&format!(
        "\nAturan yang diisikan: {rules}\nAsumsi yang perlu diperiksa (juga dalam daftar \
         asumsi; asumsi tentang kolom yang dicetak membuat lampiran berstatus KONSEP sampai \
         dipastikan dan dihapus dari daftar):"
    ));
    for a in assumptions {
        out.push_str(&format!("\n- {a}"));
    }
    out
}

fn strings(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

/// Kabupaten Lebak, 29–31 December 2025 (lebak.txt, ketik.com).
pub fn lebak_2025_12() -> Policy {
    let exempt = Exempt::default()
        .unit(
            "Badan Penanggulangan Bencana Daerah (BPBD)",
            vec![abbr("BPBD"), name("Badan Penanggulangan Bencana Daerah")],
            vec![],
        )
        .unit(
            "Dinas Kesehatan",
            vec![name("Dinas Kesehatan")],
            dinkes_other(),
        )
        .unit(
            "RSUD dr. Adjidarmo",
            vec![word("RSUD dr. Adjidarmo"), word("Adjidarmo"), abbr("RSUD")],
            vec![name("Rumah Sakit Umum Daerah dr. Adjidarmo")],
        )
        .unit(
            "Dinas Sosial",
            vec![name("Dinas Sosial")],
            vec![abbr("Dinsos")],
        )
        .unit(
            "Dinas Perhubungan",
            vec![name("Dinas Perhubungan")],
            vec![abbr("Dishub")],
        )
        .unit(
            "Satuan Polisi Pamong Praja dan Pemadam Kebakaran",
            vec![
                word("Satuan Polisi Pamong Praja"),
                word("Pemadam Kebakaran"),
            ],
            [satpol_other(), damkar_other()].concat(),
        )
        .unit(
            "Badan Pendapatan Daerah",
            vec![name("Badan Pendapatan Daerah")],
            vec![abbr("Bapenda")],
        )
        .unit(
            "Dinas Pekerjaan Umum dan Penataan Ruang",
            vec![name("Dinas Pekerjaan Umum dan Penataan Ruang")],
            vec![abbr("DPUPR"), abbr("Dinas PUPR")],
        );
    let mut assumptions = strings(&[
        "date: laporan tidak menyebut tanggal surat; diisi 24 Desember 2025 (sebelum masa \
         berlaku 29 Desember 2025) — ganti dengan tanggal pada SE",
        "place: laporan tidak menyebut tempat penetapan; diisi Rangkasbitung (ibu kota \
         Kabupaten Lebak)",
        "caps: batas 50 % dihitung per hari kerja terhadap jumlah ASN perangkat daerah \
         (digabung dengan unit di bawahnya) dalam data pegawai; laporan hanya menyebut \
         \"batas maksimal 50 persen dari total ASN\"",
        "leave_counts_toward_cap: cuti, sakit dan dinas luar tidak dihitung dalam batas 50 %; \
         laporan tidak menyebutnya",
        "approval_required: laporan tidak menyebut persetujuan WFA; kolom persetujuan tidak \
         diwajibkan",
        "weekly_wfa_limit: batas 2 hari WFA per minggu (PermenPAN-RB 4/2025 Pasal 13) tidak \
         diterapkan; laporan tidak menyebutnya, dan masa berlaku 3 hari kerja dalam satu minggu",
    ]);
    assumptions.extend(exempt.assumption());
    let notes = notes(
        "Surat Edaran Nomor B.000/19-PPI/XII/2025, diberitakan ketik.com (Senin, 29 Desember \
         2025).",
        &[
            "Surat Edaran Nomor B.000/19-PPI/XII/2025 tentang Penerapan Pelaksanaan Tugas \
             Kedinasan Pegawai ASN Secara Fleksibel di Lingkungan Pemerintah Kabupaten Lebak, \
             yang ditandatangani oleh Bupati Lebak, Moch Hasbi Asyidiki Jayabaya",
            "selama tiga hari kerja, mulai Senin (29 Desember 2025) hingga Rabu (31 Desember \
             2025)",
            "setiap perangkat daerah wajib mengatur pembagian pegawai antara yang bekerja di \
             kantor dan yang bekerja dari lokasi lain, dengan batas maksimal 50 persen dari \
             total ASN",
            "kebijakan WFA tidak berlaku bagi: BPBD, Dinas Kesehatan, RSUD dr. Adjidarmo, Dinas \
             Sosial, Dinas Perhubungan, Satuan Polisi Pamong Praja dan Pemadam Kebakaran, \
             Badan Pendapatan Daerah, Dinas Pekerjaan Umum dan Penataan Ruang",
            "para kepala perangkat daerah diwajibkan menyampaikan jadwal pengaturan WFO dan WFA \
             kepada BKPSDM Kabupaten Lebak sesuai format yang telah ditetapkan",
        ],
        "WFA paling banyak 50 % per perangkat daerah (digabung dengan UPT dan puskesmas di \
         bawahnya); unit yang dikecualikan tetap WFO.",
        &assumptions,
    );
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
        exempt: exempt.matchers,
        exempt_positions: vec![],
        wfa_weekdays: vec![],
        approval_required: false,
        approver: Approver::default(),
        weekly_wfa_limit: None,
        leave_counts_toward_cap: false,
        cap_basis: CapBasis::PerangkatDaerah,
        schemes: vec![],
        status_synonyms: vec![],
        notes,
        assumptions,
    }
}

/// Kabupaten Bekasi, 24–27 March 2025 (kab-bekasi.txt, gobekasi.id).
pub fn kab_bekasi_2025_03() -> Policy {
    let exempt = Exempt::default()
        .unit(
            "Dinas Kesehatan (termasuk Puskesmas)",
            vec![name("Dinas Kesehatan"), word("Puskesmas")],
            vec![
                abbr("Dinkes"),
                word("PKM"),
                word("Pusat Kesehatan Masyarakat"),
                word("Labkesda"),
            ],
        )
        .unit(
            "Dinas Perhubungan",
            vec![name("Dinas Perhubungan")],
            vec![abbr("Dishub")],
        )
        .unit(
            "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu (DPMPTSP)",
            vec![
                abbr("DPMPTSP"),
                name("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu"),
            ],
            vec![],
        )
        .unit(
            "Dinas Kependudukan dan Pencatatan Sipil (Disdukcapil)",
            vec![
                abbr("Disdukcapil"),
                name("Dinas Kependudukan dan Pencatatan Sipil"),
                name("Dinas Kependudukan dan Catatan Sipil"),
            ],
            vec![abbr("Dukcapil")],
        )
        .unit(
            "Dinas Lingkungan Hidup",
            vec![name("Dinas Lingkungan Hidup")],
            vec![abbr("DLH")],
        )
        .unit(
            "Dinas Pemberdayaan Perempuan dan Perlindungan Anak",
            vec![name("Dinas Pemberdayaan Perempuan dan Perlindungan Anak")],
            vec![abbr("DP3A")],
        )
        .unit(
            "Dinas Sosial",
            vec![name("Dinas Sosial")],
            vec![abbr("Dinsos")],
        )
        .unit(
            "Dinas Pemadam Kebakaran",
            vec![word("Pemadam Kebakaran")],
            damkar_other(),
        )
        .unit(
            "Badan Pendapatan Daerah",
            vec![name("Badan Pendapatan Daerah")],
            vec![abbr("Bapenda")],
        )
        .unit(
            "Satuan Polisi Pamong Praja (Satpol PP)",
            vec![
                word("Satuan Polisi Pamong Praja"),
                abbr("Satpol PP"),
                word("Satpol PP"),
            ],
            vec![abbr("Satpol PP dan Damkar")],
        )
        .unit(
            "Rumah Sakit Umum Daerah (RSUD)",
            vec![word("RSUD"), word("Rumah Sakit Umum Daerah")],
            vec![],
        )
        .unit(
            "Kecamatan dan Kelurahan",
            vec![word("Kecamatan"), word("Kelurahan")],
            vec![],
        );
    let mut assumptions = strings(&[
        "date: laporan tidak menyebut tanggal surat; diisi 21 Maret 2025, hari Bupati \
         menjelaskan SE (Jumat, 21/3/2025) — ganti dengan tanggal pada SE",
        "subject: laporan tidak menyebut perihal SE, hanya bahwa \"SE ini merupakan turunan \
         dari SE Menteri PANRB No. 2/2025\"; disusun mengikuti judul SE MenPAN-RB 2/2025",
        "issuer_title: laporan hanya menyebut SE \"dikeluarkan oleh Badan Kepegawaian dan \
         Pengembangan Sumber Daya Manusia (BKPSDM)\"; diisi Surat Edaran Bupati Bekasi",
        "signatory.position: laporan tidak menyebut penanda tangan SE; diisi BUPATI BEKASI \
         (bila benar, namanya Ade Kuswara Kunang menurut laporan) — isi nama penanda tangan",
        "place: laporan tidak menyebut tempat penetapan; diisi Cikarang (pusat pemerintahan \
         Kabupaten Bekasi)",
        "caps: laporan tidak menyebut batas persentase; ASN di luar OPD pelayanan \
         \"diperbolehkan bekerja dari rumah atau lokasi lain\" — tanpa batas",
        "approver: laporan: \"harus mendapatkan persetujuan dari pimpinan\"; diartikan atasan \
         langsung — ubah ke kepala perangkat daerah bila SE menyebutnya",
        "weekly_wfa_limit: tidak ada batas hari WFA per minggu; laporan tidak menyebutnya, dan \
         masa berlaku 24–27 Maret 2025 adalah 4 hari kerja dalam satu minggu",
    ]);
    assumptions.extend(exempt.assumption());
    let notes = notes(
        "Surat Edaran Nomor 800.1.6.2/1468-BKPSDM/2025, diberitakan gobekasi.id (keterangan \
         Bupati Bekasi, Jumat 21/3/2025).",
        &[
            "Kebijakan WFA ini didasarkan pada Surat Edaran (SE) Nomor \
             800.1.6.2/1468-BKPSDM/2025 yang dikeluarkan oleh Badan Kepegawaian dan \
             Pengembangan Sumber Daya Manusia (BKPSDM)",
            "Senin, 24 Maret, hingga Kamis, 27 Maret 2025",
            "Tetap ada absensi dan laporan kerja selama WFA. Mereka yang WFA juga harus \
             mendapatkan persetujuan dari pimpinan",
            "Terdapat 12 OPD yang tidak diperbolehkan menerapkan WFA: Dinas Kesehatan (termasuk \
             Puskesmas), Dinas Perhubungan, DPMPTSP, Disdukcapil, Dinas Lingkungan Hidup, Dinas \
             Pemberdayaan Perempuan dan Perlindungan Anak, Dinas Sosial, Dinas Pemadam \
             Kebakaran, Badan Pendapatan Daerah, Satpol PP, RSUD, Kecamatan dan Kelurahan",
        ],
        "tanpa batas persentase; setiap WFA harus disetujui (kolom persetujuan pada jadwal); \
         laporan kinerja melalui E-Kinerja. BPBD hanya \"diharapkan tetap siaga\" dan tidak \
         termasuk 12 OPD, jadi tidak dikecualikan.",
        &assumptions,
    );
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
        signatory: head("BUPATI BEKASI", "[ISI: nama penanda tangan]"),
        start: date(2025, 3, 24),
        end: date(2025, 3, 27),
        working_weekdays: MON_FRI.to_vec(),
        extra_days_off: vec![],
        caps: vec![],
        exempt: exempt.matchers,
        exempt_positions: vec![],
        wfa_weekdays: vec![],
        approval_required: true,
        approver: Approver::AtasanLangsung,
        weekly_wfa_limit: None,
        leave_counts_toward_cap: false,
        cap_basis: CapBasis::default(),
        schemes: vec![],
        status_synonyms: vec![],
        notes,
        assumptions,
    }
}

/// Kabupaten Rejang Lebong, a standing plan (rejang-lebong.txt, rejanglebongkab.go.id):
/// no letter yet, so its document fields are placeholders or assumptions.
pub fn rejang_lebong_2026() -> Policy {
    let exempt = Exempt::default()
        .unit(
            "Rumah Sakit Umum Daerah (RSUD)",
            vec![word("RSUD"), word("Rumah Sakit Umum Daerah")],
            vec![],
        )
        .unit(
            "puskesmas",
            vec![word("Puskesmas")],
            vec![word("PKM"), word("Pusat Kesehatan Masyarakat")],
        )
        .unit(
            "Dinas Kependudukan dan Pencatatan Sipil (Disdukcapil)",
            vec![
                abbr("Disdukcapil"),
                name("Dinas Kependudukan dan Pencatatan Sipil"),
            ],
            vec![abbr("Dukcapil")],
        );
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
    let mut assumptions = strings(&[
        "kind: belum ada naskah (baru rapat koordinasi 13 Februari 2026); diisi Surat Edaran \
         Bupati",
        "issuer_title: belum ada naskah; diisi BUPATI REJANG LEBONG",
        "signatory.position: belum ada naskah; diisi BUPATI REJANG LEBONG — isi nama penanda \
         tangan",
        "date: belum ada naskah; diisi 1 April 2026 — ganti dengan tanggal pada naskah",
        "subject: belum ada naskah; diambil dari pokok rapat koordinasi \"Penerapan Pelaksanaan \
         Tugas Jam Kerja Secara Fleksibel bagi Aparatur Sipil Negara (ASN) di lingkungan Pemkab \
         Rejang Lebong\"",
        "place: laporan tidak menyebut tempat penetapan; diisi Curup (ibu kota Kabupaten \
         Rejang Lebong)",
        "start: laporan: \"paling cepat baru dapat dilaksanakan setelah Idul Fitri tahun 2026\"; \
         diisi Senin, 6 April 2026",
        "end: kebijakan tetap tanpa tanggal akhir; diisi 31 Desember 2026 (satu kebijakan per \
         tahun) — lanjutkan dengan kebijakan baru untuk 2027",
        "caps: Senin–Kamis WFA paling banyak 50 %; laporan hanya menyebut \"fleksibel dengan \
         mekanisme pembagian shift\" tanpa persentase — bila shift berarti fleksibel waktu \
         (bukan lokasi), batasi WFA hanya hari Jumat (wfa_weekdays)",
        "cap_basis: batas dihitung per perangkat daerah, digabung dengan unit di bawahnya \
         (bawaan aplikasi); laporan tidak menyebutnya",
        "weekly_wfa_limit: 2 hari WFA per orang per minggu menurut PermenPAN-RB 4/2025 Pasal 13 \
         (dasar yang disebut laporan); laporan tidak menyebut batas ini — sebagai peringatan",
        "approval_required: laporan tidak menyebut persetujuan WFA (pengawasan oleh kepala OPD \
         dan Inspektorat); kolom persetujuan tidak diwajibkan",
        "exempt: \"serta unit pelayanan publik lainnya\" tidak dirinci laporan; tambahkan \
         sendiri unit pelayanan publik lain yang tetap bekerja normal",
    ]);
    assumptions.extend(exempt.assumption());
    let notes = notes(
        "rapat koordinasi Pemkab Rejang Lebong, Jumat 13 Februari 2026 (Media Center Rejang \
         Lebong, rejanglebongkab.go.id), tindak lanjut PermenPAN-RB Nomor 4 Tahun 2025; belum \
         ada surat edaran.",
        &[
            "Pemkab Rejang Lebong akan menerapkan full WFA setiap hari Jumat. Sementara pada \
             hari Senin hingga Kamis, sistem kedinasan dilaksanakan secara fleksibel dengan \
             mekanisme pembagian shift",
            "Rumah Sakit Umum Daerah (RSUD), puskesmas, Dinas Kependudukan dan Pencatatan Sipil \
             (Disdukcapil), serta unit pelayanan publik lainnya tetap bekerja secara normal",
            "penerapan kebijakan ini kemungkinan paling cepat baru dapat dilaksanakan setelah \
             Idul Fitri tahun 2026",
            "ASN wajib mengirim foto dengan geotag sebagai bukti",
        ],
        "Jumat WFA penuh (batas 100 %); Senin–Kamis batas 50 % (asumsi); peringatan bila lebih \
         dari 2 hari WFA per orang per minggu; RSUD, puskesmas (juga \"PKM …\") dan \
         Disdukcapil tetap WFO. Foto geotag tidak diperiksa aplikasi.",
        &assumptions,
    );
    Policy {
        id: "rejang-lebong-2026".into(),
        issuer: "Pemerintah Kabupaten Rejang Lebong".into(),
        issuer_title: "BUPATI REJANG LEBONG".into(),
        place: "Curup".into(),
        kind: DocumentKind::SuratEdaran,
        number: "[ISI: nomor Surat Edaran Bupati Rejang Lebong]".into(),
        date: date(2026, 4, 1),
        subject: "Penerapan Pelaksanaan Tugas Jam Kerja Secara Fleksibel bagi Aparatur Sipil \
                  Negara di Lingkungan Pemerintah Kabupaten Rejang Lebong"
            .into(),
        signatory: head("BUPATI REJANG LEBONG", "[ISI: nama penanda tangan]"),
        start: date(2026, 4, 6),
        end: date(2026, 12, 31),
        working_weekdays: MON_FRI.to_vec(),
        extra_days_off: vec![],
        caps,
        exempt: exempt.matchers,
        exempt_positions: vec![],
        wfa_weekdays: vec![],
        approval_required: false,
        approver: Approver::default(),
        weekly_wfa_limit: Some(NATIONAL_WEEKLY_WFA_LIMIT),
        leave_counts_toward_cap: false,
        cap_basis: CapBasis::PerangkatDaerah,
        schemes: vec![],
        status_synonyms: vec![],
        notes,
        assumptions,
    }
}

/// Kabupaten Pesisir Barat, selective flexible work (pesisir-barat.txt, radarlambar).
pub fn pesisir_barat_2025_08() -> Policy {
    let assumptions = strings(&[
        "subject: laporan menulis \"Penerapan Pelaksanaan Tugas Kedinasan Pegawai ASN Secara \
         Fleksibel di Lingkungan Pemerintah Kabupaten Pesbar\"; singkatan Pesbar ditulis \
         lengkap Pesisir Barat",
        "date: laporan tidak menyebut tanggal surat; diisi 1 Agustus 2025 (nomor berakhiran \
         /08/2025) — ganti dengan tanggal pada SE",
        "issuer_title: laporan tidak menyebut penerbit SE; diisi Surat Edaran Bupati Pesisir \
         Barat",
        "signatory.position: laporan tidak menyebut penanda tangan (yang berbicara Sekda Tedi \
         Zadmiko); diisi BUPATI PESISIR BARAT — bila ditandatangani Sekda, isi jabatan, \
         pangkat dan NIP-nya",
        "place: laporan tidak menyebut tempat penetapan (berita dari Pesisir Tengah); diisi \
         Krui",
        "start: laporan tidak menyebut masa berlaku; diisi 1 Agustus 2025",
        "end: laporan tidak menyebut masa berlaku; diisi 31 Desember 2025",
        "working_weekdays: Senin–Jumat menurut Perpres 21/2023; laporan hanya menyebut \"jam \
         kerja yang telah ditetapkan\"",
        "caps: laporan tidak menyebut batas persentase (kerja fleksibel \"diterapkan secara \
         selektif\"); tanpa batas",
        "weekly_wfa_limit: 2 hari WFA per orang per minggu menurut PermenPAN-RB 4/2025 Pasal 13; \
         laporan tidak menyebutnya — sebagai peringatan",
        "exempt: laporan tidak merinci unit, hanya \"khususnya perangkat daerah yang \
         memberikan pelayanan langsung kepada masyarakat\"; isi sendiri unit (exempt) dan \
         jabatan (exempt_positions) yang tidak boleh WFA",
    ]);
    let notes = notes(
        "Surat Edaran Nomor 100.3.4.2/022/08/2025, diberitakan radarlambar.bacakoran.co \
         (keterangan Sekda Kabupaten Pesisir Barat, Tedi Zadmiko).",
        &[
            "Surat Edaran Nomor: 100.3.4.2/022/08/2025 tentang Penerapan Pelaksanaan Tugas \
             Kedinasan Pegawai ASN Secara Fleksibel di Lingkungan Pemerintah Kabupaten Pesbar",
            "opsi pengaturan kerja yang diterapkan secara selektif sesuai kebutuhan organisasi \
             dan karakteristik tugas masing-masing perangkat daerah",
            "penerapan fleksibilitas kerja harus mempertimbangkan karakteristik tugas jabatan, \
             kondisi unit kerja, serta rekomendasi dan persetujuan kepala perangkat daerah",
            "wajib melakukan absensi secara digital melalui aplikasi e-presensi ... laporan \
             kinerja kepada atasan langsung menjadi kewajiban",
        ],
        "WFA hanya dengan persetujuan kepala perangkat daerah (kolom persetujuan wajib); tanpa \
         batas persentase; peringatan bila lebih dari 2 hari WFA per orang per minggu.",
        &assumptions,
    );
    Policy {
        id: "pesisir-barat-2025-08".into(),
        issuer: "Pemerintah Kabupaten Pesisir Barat".into(),
        issuer_title: "BUPATI PESISIR BARAT".into(),
        place: "Krui".into(),
        kind: DocumentKind::SuratEdaran,
        number: "100.3.4.2/022/08/2025".into(),
        date: date(2025, 8, 1),
        subject: "Penerapan Pelaksanaan Tugas Kedinasan Pegawai ASN Secara Fleksibel di \
                  Lingkungan Pemerintah Kabupaten Pesisir Barat"
            .into(),
        signatory: head("BUPATI PESISIR BARAT", "[ISI: nama penanda tangan]"),
        start: date(2025, 8, 1),
        end: date(2025, 12, 31),
        working_weekdays: MON_FRI.to_vec(),
        extra_days_off: vec![],
        caps: vec![],
        exempt: vec![],
        exempt_positions: vec![],
        wfa_weekdays: vec![],
        approval_required: true,
        approver: Approver::KepalaPerangkatDaerah,
        weekly_wfa_limit: Some(NATIONAL_WEEKLY_WFA_LIMIT),
        leave_counts_toward_cap: false,
        cap_basis: CapBasis::default(),
        schemes: vec![],
        status_synonyms: vec![],
        notes,
        assumptions,
    }
}

/// Kota Bekasi, 29–31 December 2025 (kota-bekasi.txt, rakyatbekasi.com): a Keputusan Wali
/// Kota still in draft; each OPD proposes its own scheme.
pub fn kota_bekasi_2025_12() -> Policy {
    let exempt = Exempt::default()
        .unit(
            "Dinas Kesehatan",
            vec![name("Dinas Kesehatan")],
            dinkes_other(),
        )
        .unit(
            "Pemadam Kebakaran",
            vec![word("Pemadam Kebakaran")],
            damkar_other(),
        )
        .unit(
            "RSUD",
            vec![word("RSUD")],
            vec![word("Rumah Sakit Umum Daerah")],
        )
        .unit(
            "pelayanan kependudukan",
            vec![word("Kependudukan")],
            vec![
                abbr("Disdukcapil"),
                abbr("Dukcapil"),
                name("Dinas Kependudukan dan Pencatatan Sipil"),
            ],
        );
    let mut assumptions = strings(&[
        "date: Keputusan belum ditetapkan (draf Kepwal masih difinalisasi, Selasa 23/12/2025); \
         diisi 24 Desember 2025 — ganti dengan tanggal pada Keputusan",
        "subject: laporan tidak menyebut judul Keputusan (\"uji coba skema WFA bagi ASN di \
         lingkungan Pemkot Bekasi\"); disusun mengikuti PermenPAN-RB 4/2025",
        "place: laporan tidak menyebut tempat penetapan; diisi Bekasi",
        "caps: tidak ada batas umum; laporan tidak menyebut persentase — \"masing-masing \
         Organisasi Perangkat Daerah (OPD) mengajukan skemanya\"",
        "schemes: skema tiap OPD belum diketahui; setelah OPD mengajukannya, isi per unit pada \
         skema per unit (batas WFA per hari, atau piket dengan jumlah minimal yang bertugas)",
        "exempt: laporan: OPD pelayanan publik \"seperti Dinas Kesehatan, Pemadam Kebakaran, \
         RSUD, hingga pelayanan kependudukan—kemungkinan besar tetap akan beroperasi dengan \
         penyesuaian jadwal piket atau tetap bekerja dari kantor (WFO)\"; dicatat tetap WFO — \
         bila OPD mengajukan piket, hapus dari pengecualian dan isi skema piketnya",
        "approval_required: laporan tidak menyebut persetujuan WFA (yang disebut: target, \
         laporan dan indikator kinerja); kolom persetujuan tidak diwajibkan",
        "weekly_wfa_limit: batas 2 hari WFA per minggu (PermenPAN-RB 4/2025 Pasal 13) tidak \
         diterapkan; laporan tidak menyebutnya, dan uji coba 3 hari kerja dalam satu minggu",
    ]);
    assumptions.extend(exempt.assumption());
    let notes = notes(
        "rencana Pemkot Bekasi, diberitakan rakyatbekasi.com (keterangan Wali Kota Bekasi Tri \
         Adhianto, Selasa 23/12/2025): draf Keputusan Wali Kota (Kepwal) untuk 29–31 Desember \
         2025.",
        &[
            "tanggal 29, 30, dan 31 Desember 2025 ditetapkan sebagai masa pelaksanaan uji coba \
             skema WFA bagi ASN di lingkungan Pemkot Bekasi",
            "Jadi masing-masing Organisasi Perangkat Daerah (OPD) mengajukan skemanya, karena \
             tidak semua OPD bisa melakukan WFA secara penuh",
            "Nanti dikaji, kemudian akan dibuat keputusan oleh Wali Kota",
            "OPD yang bersentuhan langsung dengan pelayanan publik—seperti Dinas Kesehatan, \
             Pemadam Kebakaran, RSUD, hingga pelayanan kependudukan—kemungkinan besar tetap \
             akan beroperasi dengan penyesuaian jadwal piket atau tetap bekerja dari kantor \
             (WFO)",
        ],
        "tanpa batas umum; tiap OPD diisi skemanya sendiri (skema per unit) setelah \
         mengajukannya; Dinas Kesehatan, Pemadam Kebakaran, RSUD dan pelayanan kependudukan \
         tetap WFO sampai skema piketnya diisi.",
        &assumptions,
    );
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
        signatory: head("WALI KOTA BEKASI", "Tri Adhianto"),
        start: date(2025, 12, 29),
        end: date(2025, 12, 31),
        working_weekdays: MON_FRI.to_vec(),
        extra_days_off: vec![],
        caps: vec![],
        exempt: exempt.matchers,
        exempt_positions: vec![],
        wfa_weekdays: vec![],
        approval_required: false,
        approver: Approver::default(),
        weekly_wfa_limit: None,
        leave_counts_toward_cap: false,
        cap_basis: CapBasis::default(),
        schemes: vec![],
        status_synonyms: vec![],
        notes,
        assumptions,
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
                // A puskesmas written the short way, without a parent in the master.
                Unit::new("1.02.9", "PKM Talang Rimbo", None, None),
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
            for a in &p.assumptions {
                assert!(p.notes.contains(a.as_str()), "{}: {a} not in notes", p.id);
            }
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
                "PKM Talang Rimbo",
            ]
        );
        // Inherited: the pharmacy's name says nothing, its parent Dinkes is listed.
        let m = master();
        let p = lebak_2025_12();
        let why = p.exemption(&m, "1.02.04").unwrap();
        assert!(why.inherited);
        assert_eq!(why.unit.name, "Dinas Kesehatan");
        assert_eq!(p.signatory.name, "Moch Hasbi Asyidiki Jayabaya");
        assert_eq!(p.place, "Rangkasbitung");
        assert!(p.placeholders().is_empty());
        assert_eq!(p.weekly_wfa_limit, None);
        // "50 persen dari total ASN" of each perangkat daerah, pooled with its sub-units.
        assert_eq!(p.cap_basis, CapBasis::PerangkatDaerah);
        assert!(p.caps.iter().all(|c| c.percent == 50));
        // The letter's date and place are not in the report: the lampiran stays a draft.
        let reasons = p.draft_reasons();
        assert_eq!(reasons.len(), 2, "{reasons:?}");
        assert!(reasons[0].starts_with("tanggal surat berupa asumsi"));
        assert!(reasons[1].starts_with("tempat penetapan berupa asumsi"));
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
            "PKM Talang Rimbo",
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
                "PKM Talang Rimbo",
            ]
        );
        let p = rejang_lebong_2026();
        assert_eq!(p.weekly_wfa_limit, Some(2));
        // A standing plan: from after Idul Fitri 2026 to the end of the year, both assumed.
        assert_eq!((p.start, p.end), (date(2026, 4, 6), date(2026, 12, 31)));
        let reasons = p.draft_reasons().join("\n");
        assert!(reasons.contains("tanggal awal berupa asumsi"), "{reasons}");
        assert!(reasons.contains("tanggal akhir berupa asumsi"), "{reasons}");
    }

    #[test]
    fn pesisir_barat_lists_nothing_until_the_clerk_does() {
        assert!(exempt_names("pesisir-barat-2025-08").is_empty());
        let p = pesisir_barat_2025_08();
        assert!(p.approval_required);
        assert_eq!(p.approver, Approver::KepalaPerangkatDaerah);
        assert!(p.caps.is_empty());
        assert!(p
            .subject
            .starts_with("Penerapan Pelaksanaan Tugas Kedinasan"));
    }

    #[test]
    fn kota_bekasi_exempts_only_what_the_report_names() {
        assert_eq!(
            exempt_names("kota-bekasi-2025-12"),
            vec![
                "Dinas Kesehatan",
                "UPTD Puskesmas Cibadak",
                "RSUD dr. Adjidarmo",
                "Satuan Polisi Pamong Praja dan Pemadam Kebakaran",
                "Dinas Kependudukan dan Pencatatan Sipil",
                "Dinas Pemadam Kebakaran dan Penyelamatan",
                "UPT Labkesda",
                "Rumah Sakit Umum Daerah Curup",
                "UPTD Instalasi Farmasi",
                "PKM Talang Rimbo",
            ]
        );
        let p = kota_bekasi_2025_12();
        assert_eq!(p.kind, DocumentKind::Keputusan);
        assert!(p.caps.is_empty(), "no cap the report does not give");
        assert!(p.schemes.is_empty());
        assert!(p
            .assumptions
            .iter()
            .any(|a| a.starts_with("schemes:") && a.contains("skema per unit")));
        assert_eq!(p.placeholders(), vec!["nomor"]);
        assert_eq!(p.signatory.name, "Tri Adhianto");
    }
}
