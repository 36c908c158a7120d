//! The demo staff: Indonesian (Sundanese/Bantenese) names with academic titles that fit the
//! position, positions and ranks by unit kind, and structurally valid, unique PNS and PPPK
//! NIPs whose first 15 digits are unique too (so a NIP that lost its last digits in Excel can
//! be recovered from the master).

use crate::regency::{UnitKind, UnitSpec};
use crate::rng::Rng;
use fleksi_core::{Employee, Nip};
use std::collections::HashSet;

/// How senior a position is: decides age, rank and PNS/PPPK.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Level {
    Head,
    Deputy,
    Structural,
    Expert2,
    Expert1,
    Skilled,
    Clerk,
}

/// A position and the degrees people in it typically hold, as `front|back` title pairs.
struct Position {
    title: &'static str,
    level: Level,
    degrees: &'static [&'static str],
}

const fn p(title: &'static str, level: Level, degrees: &'static [&'static str]) -> Position {
    Position {
        title,
        level,
        degrees,
    }
}

use Level::{Clerk, Expert1, Expert2, Skilled};

const GENERAL: &[Position] = &[
    p(
        "Analis Kebijakan Ahli Muda",
        Expert2,
        &["|S.Sos., M.Si.", "|S.IP., M.Si.", "|S.E., M.M."],
    ),
    p(
        "Analis Kebijakan Ahli Pertama",
        Expert1,
        &["|S.IP.", "|S.Sos.", "|S.H."],
    ),
    p(
        "Perencana Ahli Pertama",
        Expert1,
        &["|S.E.", "|S.T.", "|S.P."],
    ),
    p("Pranata Komputer Ahli Pertama", Expert1, &["|S.Kom."]),
    p(
        "Pranata Komputer Terampil",
        Skilled,
        &["|A.Md.Kom.", "|A.Md."],
    ),
    p(
        "Analis Sumber Daya Manusia Aparatur Ahli Pertama",
        Expert1,
        &["|S.Psi.", "|S.H.", "|S.AP."],
    ),
    p("Arsiparis Terampil", Skilled, &["|A.Md.", "|"]),
    p("Pengelola Keuangan", Clerk, &["|S.E.", "|S.Ak.", "|"]),
    p(
        "Penata Layanan Operasional",
        Clerk,
        &["|S.AP.", "|S.Sos.", "|S.E."],
    ),
    p("Pengelola Layanan Operasional", Clerk, &["|A.Md.", "|"]),
    p("Operator Layanan Operasional", Clerk, &["|", "|", "|A.Md."]),
    p("Pengadministrasi Perkantoran", Clerk, &["|", "|"]),
    p("Pengolah Data dan Informasi", Clerk, &["|S.Kom.", "|A.Md."]),
    p(
        "Analis Keuangan Pusat dan Daerah Ahli Pertama",
        Expert1,
        &["|S.E.", "|S.Ak."],
    ),
    p(
        "Pranata Hubungan Masyarakat Ahli Pertama",
        Expert1,
        &["|S.I.Kom."],
    ),
    p("Penyusun Laporan Keuangan", Clerk, &["|S.E.", "|S.Ak."]),
];

const HEALTH: &[Position] = &[
    p("Dokter Ahli Pertama", Expert1, &["dr.|"]),
    p("Dokter Ahli Muda", Expert2, &["dr.|", "dr.|M.Kes."]),
    p("Dokter Gigi Ahli Pertama", Expert1, &["drg.|"]),
    p("Perawat Ahli Pertama", Expert1, &["Ns.|S.Kep."]),
    p("Perawat Terampil", Skilled, &["|A.Md.Kep."]),
    p("Bidan Terampil", Skilled, &["|A.Md.Keb."]),
    p(
        "Bidan Ahli Pertama",
        Expert1,
        &["|S.Tr.Keb.", "|S.Keb., Bd."],
    ),
    p("Apoteker Ahli Pertama", Expert1, &["apt.|S.Farm."]),
    p("Asisten Apoteker Terampil", Skilled, &["|A.Md.Farm."]),
    p(
        "Pranata Laboratorium Kesehatan Terampil",
        Skilled,
        &["|A.Md.AK."],
    ),
    p("Nutrisionis Terampil", Skilled, &["|A.Md.Gz."]),
    p("Sanitarian Terampil", Skilled, &["|A.Md.KL."]),
    p(
        "Penyuluh Kesehatan Masyarakat Ahli Pertama",
        Expert1,
        &["|S.K.M."],
    ),
    p(
        "Epidemiolog Kesehatan Ahli Muda",
        Expert2,
        &["|S.K.M., M.Kes."],
    ),
];

const HOSPITAL: &[Position] = &[
    p(
        "Dokter Ahli Madya",
        Expert2,
        &["dr.|Sp.PD", "dr.|Sp.A.", "dr.|Sp.OG", "dr.|Sp.B"],
    ),
    p("Perawat Ahli Pertama", Expert1, &["Ns.|S.Kep."]),
    p("Perawat Terampil", Skilled, &["|A.Md.Kep."]),
    p("Perawat Terampil", Skilled, &["|A.Md.Kep."]),
    p("Bidan Terampil", Skilled, &["|A.Md.Keb."]),
    p("Radiografer Terampil", Skilled, &["|A.Md.Rad."]),
    p("Perekam Medis Terampil", Skilled, &["|A.Md.RMIK."]),
    p("Apoteker Ahli Pertama", Expert1, &["apt.|S.Farm."]),
];

const PUBLIC_WORKS: &[Position] = &[
    p(
        "Teknik Jalan dan Jembatan Ahli Pertama",
        Expert1,
        &["|S.T."],
    ),
    p(
        "Teknik Tata Bangunan dan Perumahan Ahli Muda",
        Expert2,
        &["Ir.|M.T.", "|S.T., M.T."],
    ),
    p("Teknik Pengairan Ahli Pertama", Expert1, &["|S.T."]),
    p("Pengawas Bangunan Terampil", Skilled, &["|A.Md.T."]),
    p("Penata Ruang Ahli Pertama", Expert1, &["|S.PWK."]),
];

const PUBLIC_ORDER: &[Position] = &[
    p("Polisi Pamong Praja Terampil", Skilled, &["|", "|"]),
    p("Polisi Pamong Praja Ahli Pertama", Expert1, &["|S.H."]),
    p("Analis Kebakaran Terampil", Skilled, &["|", "|A.Md."]),
    p("Pemadam Kebakaran Pemula", Clerk, &["|"]),
];

const TRANSPORT: &[Position] = &[
    p(
        "Penguji Kendaraan Bermotor Terampil",
        Skilled,
        &["|A.Md.T.", "|"],
    ),
    p("Pengelola Lalu Lintas dan Angkutan Jalan", Clerk, &["|"]),
    p("Asisten Penguji Kendaraan Bermotor", Clerk, &["|"]),
];

const SOCIAL: &[Position] = &[
    p(
        "Pekerja Sosial Ahli Pertama",
        Expert1,
        &["|S.Sos.", "|S.Tr.Sos."],
    ),
    p("Penyuluh Sosial Ahli Pertama", Expert1, &["|S.Sos."]),
    p(
        "Penyuluh Keluarga Berencana Ahli Pertama",
        Expert1,
        &["|S.Sos.", "|S.Psi."],
    ),
];

const EDUCATION: &[Position] = &[
    p(
        "Pengawas Sekolah Ahli Madya",
        Expert2,
        &["|S.Pd., M.Pd.", "Drs.|M.Pd."],
    ),
    p("Penilik Ahli Muda", Expert2, &["|S.Pd."]),
    p("Pamong Belajar Ahli Pertama", Expert1, &["|S.Pd."]),
    p("Analis Kurikulum", Clerk, &["|S.Pd."]),
];

const ENVIRONMENT: &[Position] = &[
    p(
        "Pengendali Dampak Lingkungan Ahli Pertama",
        Expert1,
        &["|S.T.", "|S.Si."],
    ),
    p(
        "Pengawas Lingkungan Hidup Ahli Muda",
        Expert2,
        &["|S.T., M.Si."],
    ),
];

const AGRICULTURE: &[Position] = &[
    p(
        "Penyuluh Pertanian Ahli Pertama",
        Expert1,
        &["|S.P.", "|S.ST."],
    ),
    p("Penyuluh Pertanian Terampil", Skilled, &["|A.Md.P.", "|"]),
    p("Penyuluh Perikanan Ahli Pertama", Expert1, &["|S.Pi."]),
    p(
        "Pengawas Mutu Hasil Pertanian Ahli Pertama",
        Expert1,
        &["|S.TP."],
    ),
];

const REVENUE: &[Position] = &[
    p("Pemeriksa Pajak Daerah", Clerk, &["|S.E.", "|S.Ak."]),
    p(
        "Penilai Pajak Bumi dan Bangunan Ahli Pertama",
        Expert1,
        &["|S.T.", "|S.E."],
    ),
    p("Juru Sita Pajak Daerah", Clerk, &["|"]),
];

const DISASTER: &[Position] = &[
    p("Analis Bencana Ahli Pertama", Expert1, &["|S.T.", "|S.Si."]),
    p(
        "Petugas Pusat Pengendalian Operasi",
        Clerk,
        &["|", "|A.Md."],
    ),
];

const POPULATION: &[Position] = &[
    p(
        "Administrator Database Kependudukan Ahli Pertama",
        Expert1,
        &["|S.Kom."],
    ),
    p("Pengelola Data Kependudukan", Clerk, &["|", "|A.Md."]),
    p("Operator Layanan Kependudukan", Clerk, &["|"]),
];

const DISTRICT: &[Position] = &[
    p("Penata Kelola Pemerintahan", Clerk, &["|S.IP.", "|S.Sos."]),
    p("Pengadministrasi Umum", Clerk, &["|"]),
    p("Pengelola Pelayanan Masyarakat", Clerk, &["|", "|S.AP."]),
];

const AUDIT: &[Position] = &[
    p(
        "Auditor Ahli Muda",
        Expert2,
        &["|S.E., M.Ak.", "|S.E., Ak."],
    ),
    p("Auditor Ahli Pertama", Expert1, &["|S.E.", "|S.Ak."]),
    p(
        "Pengawas Penyelenggaraan Urusan Pemerintahan di Daerah Ahli Pertama",
        Expert1,
        &["|S.IP.", "|S.H."],
    ),
];

fn specialist_pool(kind: UnitKind) -> &'static [Position] {
    match kind {
        UnitKind::Health | UnitKind::Puskesmas => HEALTH,
        UnitKind::Hospital => HOSPITAL,
        UnitKind::PublicWorks => PUBLIC_WORKS,
        UnitKind::PublicOrder => PUBLIC_ORDER,
        UnitKind::Transport => TRANSPORT,
        UnitKind::Social => SOCIAL,
        UnitKind::Education => EDUCATION,
        UnitKind::Environment => ENVIRONMENT,
        UnitKind::Agriculture => AGRICULTURE,
        UnitKind::Revenue => REVENUE,
        UnitKind::Disaster => DISASTER,
        UnitKind::Population => POPULATION,
        UnitKind::District | UnitKind::Village => DISTRICT,
        UnitKind::Inspectorate => AUDIT,
        UnitKind::Secretariat | UnitKind::Agency | UnitKind::Office => GENERAL,
    }
}

/// Percent of the non-structural staff drawn from the unit's specialist pool.
fn specialist_share(kind: UnitKind) -> u32 {
    match kind {
        UnitKind::Hospital | UnitKind::Puskesmas => 85,
        UnitKind::Health | UnitKind::PublicOrder => 65,
        UnitKind::Secretariat | UnitKind::Agency | UnitKind::Office => 100,
        _ => 50,
    }
}

fn structural_titles(spec: &UnitSpec) -> &'static [&'static str] {
    match spec.kind {
        UnitKind::Secretariat if spec.code == "SETDA" => &[
            "Kepala Bagian Hukum",
            "Kepala Bagian Organisasi",
            "Kepala Bagian Protokol dan Komunikasi Pimpinan",
            "Kepala Bagian Pengadaan Barang dan Jasa",
            "Kepala Bagian Tata Pemerintahan",
            "Kepala Bagian Umum",
        ],
        UnitKind::Secretariat => &[
            "Kepala Bagian Persidangan dan Perundang-undangan",
            "Kepala Bagian Umum dan Keuangan",
        ],
        UnitKind::Inspectorate => &[
            "Inspektur Pembantu Wilayah I",
            "Inspektur Pembantu Wilayah II",
            "Inspektur Pembantu Wilayah III",
            "Inspektur Pembantu Khusus",
        ],
        UnitKind::Hospital => &[
            "Kepala Bidang Pelayanan Medik",
            "Kepala Bidang Keperawatan",
            "Kepala Bagian Umum dan Kepegawaian",
            "Kepala Bagian Keuangan",
        ],
        UnitKind::Health => &[
            "Kepala Bidang Kesehatan Masyarakat",
            "Kepala Bidang Pencegahan dan Pengendalian Penyakit",
            "Kepala Bidang Pelayanan Kesehatan",
            "Kepala Bidang Sumber Daya Kesehatan",
        ],
        UnitKind::Puskesmas => &[],
        UnitKind::District => &[
            "Kepala Seksi Pemerintahan",
            "Kepala Seksi Ketenteraman dan Ketertiban Umum",
            "Kepala Seksi Pemberdayaan Masyarakat",
            "Kepala Subbagian Umum dan Kepegawaian",
        ],
        UnitKind::Village => &[
            "Kepala Seksi Pemerintahan",
            "Kepala Seksi Pemberdayaan Masyarakat",
        ],
        UnitKind::PublicOrder => &[
            "Kepala Bidang Penegakan Perundang-undangan Daerah",
            "Kepala Bidang Pemadam Kebakaran",
            "Kepala Bidang Ketertiban Umum",
        ],
        _ => &[
            "Kepala Bidang Perencanaan dan Pelaporan",
            "Kepala Bidang Pelayanan",
            "Kepala Bidang Pembinaan dan Pengembangan",
            "Kepala Subbagian Umum dan Kepegawaian",
            "Kepala Subbagian Keuangan",
        ],
    }
}

const MALE_GIVEN: &[&str] = &[
    "Ahmad", "Asep", "Dede", "Ujang", "Yayan", "Rudi", "Dadang", "Agus", "Budi", "Hendra", "Iwan",
    "Jajang", "Ade", "Endang", "Eko", "Dedi", "Fajar", "Rizki", "Ilham", "Muhammad", "Taufik",
    "Hasan", "Wawan", "Cecep", "Deden", "Maman", "Aris", "Yusuf", "Firman", "Hadi", "Rohmat",
    "Nandang", "Entis", "Odih", "Engkos", "Ridwan", "Arif", "Bambang", "Dodi", "Galih", "Irfan",
    "Yogi", "Andri", "Heri", "Iman", "Adi", "Rahmat", "Usep", "Oman",
];
const FEMALE_GIVEN: &[&str] = &[
    "Siti",
    "Sri",
    "Nurhayati",
    "Euis",
    "Neneng",
    "Ai",
    "Yuyun",
    "Lilis",
    "Rina",
    "Dewi",
    "Ratna",
    "Tuti",
    "Wulan",
    "Fitri",
    "Nia",
    "Eneng",
    "Iis",
    "Dian",
    "Yanti",
    "Nur",
    "Lina",
    "Ayu",
    "Intan",
    "Desi",
    "Elis",
    "Ani",
    "Mira",
    "Rosita",
    "Imas",
    "Enok",
    "Titin",
    "Nining",
    "Rika",
    "Santi",
    "Yeni",
    "Hani",
    "Wida",
    "Rini",
    "Euis",
    "Cucu",
];
const MALE_FAMILY: &[&str] = &[
    "Suryana",
    "Hidayat",
    "Permana",
    "Saputra",
    "Kurniawan",
    "Setiawan",
    "Maulana",
    "Gunawan",
    "Hermawan",
    "Sulaeman",
    "Fauzi",
    "Ramdani",
    "Hakim",
    "Mulyana",
    "Sopian",
    "Jaelani",
    "Komarudin",
    "Wijaya",
    "Sobari",
    "Sumarna",
    "Rukmana",
    "Firmansyah",
    "Hidayatullah",
    "Nugraha",
    "Kusnadi",
    "Supriadi",
    "Saepudin",
    "Syahputra",
    "Munandar",
    "Rosadi",
    "Hamdani",
    "Iskandar",
    "Purnama",
    "Santoso",
    "Juhana",
];
const FEMALE_FAMILY: &[&str] = &[
    "Rahayu",
    "Nurjanah",
    "Rohmawati",
    "Nuraeni",
    "Fitriani",
    "Handayani",
    "Lestari",
    "Wahyuni",
    "Pratiwi",
    "Susanti",
    "Safitri",
    "Kurniasih",
    "Maryani",
    "Suryani",
    "Rosmawati",
    "Yulianti",
    "Marlina",
    "Purnamasari",
    "Anggraeni",
    "Septiani",
    "Hasanah",
    "Mulyani",
    "Komalasari",
    "Sulastri",
    "Novitasari",
];

const PNS_RANKS: [&str; 11] = [
    "Pengatur Muda (II/a)",
    "Pengatur Muda Tk. I (II/b)",
    "Pengatur (II/c)",
    "Pengatur Tk. I (II/d)",
    "Penata Muda (III/a)",
    "Penata Muda Tk. I (III/b)",
    "Penata (III/c)",
    "Penata Tk. I (III/d)",
    "Pembina (IV/a)",
    "Pembina Tk. I (IV/b)",
    "Pembina Utama Muda (IV/c)",
];

/// The year the demo pretends it is (ages are counted from it).
const NOW_YEAR: u32 = 2025;

/// One generated employee.
#[derive(Debug, Clone)]
pub struct Person {
    pub employee: Employee,
}

/// Hands out NIPs that are unique in their first 15 digits across the whole regency.
#[derive(Debug, Default)]
pub struct NipFactory {
    first15: HashSet<u64>,
}

impl NipFactory {
    fn make(&mut self, rng: &mut Rng, pns: bool, male: bool, age: (u32, u32)) -> Nip {
        loop {
            let birth_year = NOW_YEAR - rng.range(age.0, age.1);
            let month = rng.range(1, 12);
            let day = rng.range(1, 28);
            let (middle, code) = if pns {
                let year = (birth_year + rng.range(21, 30)).min(2024);
                (year, rng.range(1, 12))
            } else {
                let years = [2019, 2021, 2022, 2022, 2023, 2023, 2024, 2024, 2025];
                let year = (*rng.pick(&years)).max(birth_year + 19).min(2025);
                let code = match (year, rng.below(4)) {
                    (2025, 0 | 1) => 24,
                    (_, 3) => 22,
                    _ => 21,
                };
                (year, code)
            };
            let sex = if male { 1 } else { 2 };
            let seq = if rng.chance(50) { 1 } else { rng.range(2, 40) };
            let text =
                format!("{birth_year:04}{month:02}{day:02}{middle:04}{code:02}{sex}{seq:03}");
            let Ok(nip) = Nip::parse(&text) else {
                continue;
            };
            let key: u64 = nip.first15().parse().unwrap_or(0);
            if self.first15.insert(key) {
                return nip;
            }
        }
    }
}

fn age_range(level: Level) -> (u32, u32) {
    match level {
        Level::Head => (50, 57),
        Level::Deputy => (45, 56),
        Level::Structural => (40, 55),
        Level::Expert2 => (35, 56),
        Level::Expert1 => (25, 45),
        Level::Skilled => (25, 50),
        Level::Clerk => (24, 56),
    }
}

fn rank(rng: &mut Rng, level: Level, pns: bool) -> String {
    if !pns {
        return match level {
            Level::Expert2 => "X",
            Level::Expert1 => "IX",
            Level::Skilled => "VII",
            _ => "V",
        }
        .to_string();
    }
    let (lo, hi) = match level {
        Level::Head => (9, 10),
        Level::Deputy => (8, 9),
        Level::Structural => (7, 8),
        Level::Expert2 => (6, 7),
        Level::Expert1 => (4, 5),
        Level::Skilled => (2, 5),
        Level::Clerk => (0, 6),
    };
    PNS_RANKS[rng.range(lo, hi) as usize].to_string()
}

/// Builds a full name with titles: `dr. Siti Nurhayati`, `Asep Suryana, S.Kom.`,
/// `Drs. H. Dadang Hermawan, M.Si.`.
fn full_name(rng: &mut Rng, male: bool, older: bool, degree: &str, given: Option<&str>) -> String {
    let (front, back) = degree.split_once('|').unwrap_or(("", degree));
    let front = match (front, male) {
        ("Drs.", false) => "Dra.",
        (f, _) => f,
    };
    let (given_pool, family_pool) = if male {
        (MALE_GIVEN, MALE_FAMILY)
    } else {
        (FEMALE_GIVEN, FEMALE_FAMILY)
    };
    let mut name = given.unwrap_or_else(|| *rng.pick(given_pool)).to_string();
    if rng.chance(15) {
        name.push(' ');
        name.push_str(rng.pick::<&str>(given_pool));
    }
    if rng.chance(75) {
        name.push(' ');
        name.push_str(rng.pick::<&str>(family_pool));
    }
    let mut out = String::new();
    if !front.is_empty() {
        out.push_str(front);
        out.push(' ');
    }
    if older && rng.chance(25) {
        out.push_str(if male { "H. " } else { "Hj. " });
    }
    out.push_str(&name);
    if !back.is_empty() {
        out.push_str(", ");
        out.push_str(back);
    }
    out
}

fn leader_degree(rng: &mut Rng, kind: UnitKind) -> &'static str {
    let pool: &[&str] = match kind {
        UnitKind::Health | UnitKind::Hospital | UnitKind::Puskesmas => {
            &["dr.|M.Kes.", "dr.|MARS", "|S.K.M., M.Kes.", "drg.|M.Kes."]
        }
        UnitKind::PublicWorks => &["Ir.|M.T.", "|S.T., M.T.", "Ir.|M.Si."],
        UnitKind::District | UnitKind::Village => &["|S.STP., M.Si.", "|S.Sos., M.Si.", "|S.IP."],
        UnitKind::Education => &["Drs.|M.Pd.", "|S.Pd., M.Pd."],
        _ => &[
            "Drs.|M.Si.",
            "|S.E., M.M.",
            "|S.Sos., M.Si.",
            "|S.H., M.H.",
            "|S.STP., M.Si.",
        ],
    };
    rng.pick::<&str>(pool)
}

/// The staff of one unit: the head first, then the deputy and structural heads, then
/// functional and general staff. About 40 % PNS overall; structural posts are all PNS.
/// With `accent`, one man is named "Andréas" (a non-ASCII name for the CSV encoding path).
pub fn staff_for_unit(
    spec: &UnitSpec,
    count: usize,
    rng: &mut Rng,
    nips: &mut NipFactory,
    accent: bool,
) -> Vec<Person> {
    let mut out = Vec::with_capacity(count);
    let structurals = structural_titles(spec);
    let n_structural = if count >= 8 {
        (count / 10)
            .clamp(1, structurals.len().max(1))
            .min(structurals.len())
    } else {
        0
    };
    let pool = specialist_pool(spec.kind);
    let share = specialist_share(spec.kind);
    let mut accent_done = !accent;
    for i in 0..count {
        let (title, level, degree): (String, Level, &str) = if i == 0 {
            (
                spec.head_title(),
                Level::Head,
                leader_degree(rng, spec.kind),
            )
        } else if i == 1 && count >= 6 {
            (
                spec.deputy_title().to_string(),
                Level::Deputy,
                leader_degree(rng, spec.kind),
            )
        } else if i >= 2 && i < 2 + n_structural {
            let degree = leader_degree(rng, spec.kind);
            (structurals[i - 2].to_string(), Level::Structural, degree)
        } else {
            let from = if rng.chance(share) { pool } else { GENERAL };
            let pos = rng.pick(from);
            (pos.title.to_string(), pos.level, *rng.pick(pos.degrees))
        };
        let leader = matches!(level, Level::Head | Level::Deputy | Level::Structural);
        let pns = leader || rng.chance(30);
        // Midwives are women; everyone else about half and half.
        let male = !title.starts_with("Bidan") && rng.chance(47);
        let age = age_range(level);
        let nip = nips.make(
            rng,
            pns,
            male,
            if pns { age } else { (age.0, age.1.min(52)) },
        );
        let older = nip
            .birth_date()
            .is_some_and(|d| chrono::Datelike::year(&d) < 1976);
        let given = if !accent_done && male && !leader {
            accent_done = true;
            Some("Andréas")
        } else {
            None
        };
        let name = full_name(rng, male, older, degree, given);
        out.push(Person {
            employee: Employee {
                nip,
                name,
                position: title,
                unit: spec.code.to_string(),
                rank: Some(rank(rng, level, pns)),
            },
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::regency::CATALOGUE;
    use fleksi_core::nip::{NipKind, Sex};

    #[test]
    fn staff_have_valid_unique_nips_matching_kind_and_sex_of_their_titles() {
        let mut rng = Rng::new(3);
        let mut nips = NipFactory::default();
        let mut all = HashSet::new();
        let mut pns = 0;
        let mut total = 0;
        for spec in CATALOGUE.iter().take(20) {
            for person in staff_for_unit(spec, 30, &mut rng, &mut nips, true) {
                let e = &person.employee;
                assert!(all.insert(e.nip), "duplicate {}", e.nip);
                if e.name.starts_with("Hj.") || e.name.starts_with("Dra.") {
                    assert_eq!(e.nip.sex(), Sex::Female, "{}", e.name);
                }
                pns += usize::from(e.nip.kind() == NipKind::Pns);
                total += 1;
            }
        }
        let share = pns * 100 / total;
        assert!((30..=50).contains(&share), "PNS share {share} %");
    }

    #[test]
    fn head_comes_first_with_a_senior_rank() {
        let spec = CATALOGUE.iter().find(|s| s.code == "DINKES").unwrap();
        let staff = staff_for_unit(spec, 12, &mut Rng::new(9), &mut NipFactory::default(), true);
        let head = &staff[0].employee;
        assert_eq!(head.position, "Kepala Dinas Kesehatan");
        assert!(head.rank.as_deref().unwrap().contains("IV/"));
        assert!(head.nip.as_str().starts_with("19"));
        assert!(staff.iter().any(|p| p.employee.name.contains("Andréas")));
    }
}
