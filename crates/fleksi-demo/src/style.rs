//! How each OPD writes its file: the quirks real offices show (file format, wide or long
//! layout, date header style, status synonyms, NIP spelling, sheet name, hidden instructions
//! sheet first or last), chosen deterministically from the unit's position so that even a
//! small demo shows every quirk. Also the Indonesian date words the files use.

use chrono::{Datelike, NaiveDate};
use fleksi_core::fmt_id::{self, date_long, month_name};
use fleksi_core::{Layout, Status};

/// How dates are written in the header (wide) or the Tanggal column (long).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DateStyle {
    /// A real spreadsheet date cell shown as `29/12/2025` (CSV: that text).
    DateCell,
    /// `29/12/2025` as text.
    Slash,
    /// `29-12-2025` as text.
    Dash,
    /// `Senin, 29 Desember 2025`.
    LongId,
    /// `29 Des` (no year: the importer infers it from the policy period).
    ShortId,
}

impl DateStyle {
    const ALL: [DateStyle; 5] = [
        DateStyle::DateCell,
        DateStyle::Slash,
        DateStyle::Dash,
        DateStyle::LongId,
        DateStyle::ShortId,
    ];

    /// The date as text in this style (a date cell's CSV export for `DateCell`).
    pub fn text(self, d: NaiveDate) -> String {
        match self {
            DateStyle::DateCell | DateStyle::Slash => d.format("%d/%m/%Y").to_string(),
            DateStyle::Dash => d.format("%d-%m-%Y").to_string(),
            DateStyle::LongId => fmt_id::date_with_weekday(d),
            DateStyle::ShortId => format!("{} {}", d.day(), month_short_id(d.month())),
        }
    }

    /// Indonesian description for the README.
    pub fn describe(self) -> &'static str {
        match self {
            DateStyle::DateCell => "tanggal berupa sel tanggal Excel",
            DateStyle::Slash => "tanggal teks 29/12/2025",
            DateStyle::Dash => "tanggal teks 29-12-2025",
            DateStyle::LongId => "tanggal teks \"Senin, 29 Desember 2025\"",
            DateStyle::ShortId => "tanggal teks \"29 Des\" tanpa tahun",
        }
    }
}

/// Spreadsheet or `;`-separated Windows-1252 CSV.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FileFormat {
    Xlsx,
    Csv,
}

impl FileFormat {
    pub fn extension(self) -> &'static str {
        match self {
            FileFormat::Xlsx => "xlsx",
            FileFormat::Csv => "csv",
        }
    }
}

/// The header words of one office's table.
#[derive(Debug, Clone, Copy)]
pub struct Headers {
    pub no: &'static str,
    pub nip: &'static str,
    pub name: &'static str,
    pub rank: &'static str,
    pub position: &'static str,
    pub note: &'static str,
}

const HEADERS: [Headers; 3] = [
    Headers {
        no: "No",
        nip: "NIP",
        name: "Nama",
        rank: "Pangkat/Gol.",
        position: "Jabatan",
        note: "Keterangan",
    },
    Headers {
        no: "No.",
        nip: "NIP.",
        name: "Nama Pegawai",
        rank: "Gol/Ruang",
        position: "Jabatan",
        note: "Ket.",
    },
    Headers {
        no: "NO",
        nip: "NIP",
        name: "NAMA LENGKAP",
        rank: "PANGKAT/GOLONGAN",
        position: "JABATAN",
        note: "KETERANGAN",
    },
];

/// Everything about how one unit writes its file.
#[derive(Debug, Clone)]
pub struct Style {
    pub format: FileFormat,
    pub layout: Layout,
    pub dates: DateStyle,
    /// `Kantor`, `WFH`, `C`, `Dinas Luar` … instead of the canonical codes.
    pub synonyms: bool,
    /// NIPs written grouped with spaces (`19850312 201001 1 004`) as text.
    pub nip_grouped: bool,
    /// NIPs typed as numbers (Excel keeps 15 significant digits). Set by the fault planner.
    pub nip_numeric: bool,
    /// The hidden `Petunjuk` sheet comes before the schedule sheet.
    pub petunjuk_first: bool,
    pub sheet: String,
    /// Title rows in capitals (`PERANGKAT DAERAH : DINAS KESEHATAN`).
    pub title_upper: bool,
    pub headers: Headers,
    /// A row of column numbers `(1) (2) (3)…` under the header, as government tables have.
    pub number_row: bool,
    /// A `Persetujuan Atasan` column (`Ya` for every planned WFA), when the policy requires
    /// the superior's approval. Set from the policy.
    pub approval: bool,
}

impl Style {
    /// The style of the unit at `index` in the demo (0-based), abbreviation `abbr`.
    pub fn for_index(index: usize, abbr: &str) -> Style {
        let format = if index % 7 == 5 {
            FileFormat::Csv
        } else {
            FileFormat::Xlsx
        };
        let mut dates = DateStyle::ALL[index % DateStyle::ALL.len()];
        if format == FileFormat::Csv && dates == DateStyle::DateCell {
            dates = DateStyle::Slash;
        }
        let sheet = match index % 4 {
            0 => "Jadwal".to_string(),
            1 => "Sheet1".to_string(),
            2 => sheet_safe(abbr),
            _ => "JADWAL WFO-WFA".to_string(),
        };
        Style {
            format,
            layout: if index % 6 == 4 {
                Layout::Long
            } else {
                Layout::Wide
            },
            dates,
            synonyms: index % 3 == 1,
            nip_grouped: index % 4 == 3,
            nip_numeric: false,
            petunjuk_first: index % 4 == 2,
            sheet,
            title_upper: index % 2 == 0,
            headers: HEADERS[index % HEADERS.len()],
            number_row: index % 4 == 1,
            approval: false,
        }
    }

    /// The status as this office writes it.
    pub fn status_text(&self, s: Status) -> &'static str {
        if !self.synonyms {
            return s.code();
        }
        match s {
            Status::Wfo => "Kantor",
            Status::Wfa => "WFH",
            Status::Cuti => "C",
            Status::Sakit => "S",
            Status::Dl => "Dinas Luar",
            Status::Izin => "Ijin",
            Status::Tb => "TB",
            Status::Piket => "Jaga",
            Status::Tl => "Tugas Luar",
        }
    }

    /// The quirks in Indonesian, for the README.
    pub fn describe(&self) -> Vec<String> {
        let mut q = Vec::new();
        q.push(match (self.format, self.layout) {
            (FileFormat::Csv, _) => "CSV pemisah ';' berkode Windows-1252".to_string(),
            (_, Layout::Wide) => "format lebar (satu kolom per tanggal)".to_string(),
            (_, Layout::Long) => "format panjang (satu baris per pegawai per tanggal)".to_string(),
        });
        if self.format == FileFormat::Csv && self.layout == Layout::Long {
            q.push("format panjang".to_string());
        }
        q.push(self.dates.describe().to_string());
        if self.synonyms {
            q.push("sinonim status (Kantor, WFH, C, Dinas Luar, Ijin)".to_string());
        }
        if self.nip_numeric {
            q.push("NIP diketik sebagai angka (3 digit terakhir hilang)".to_string());
        } else if self.nip_grouped {
            q.push("NIP ditulis berkelompok dengan spasi".to_string());
        }
        if self.number_row {
            q.push("baris nomor kolom (1) (2) (3) di bawah judul tabel".to_string());
        }
        if self.approval {
            q.push("kolom Persetujuan Atasan".to_string());
        }
        if self.format == FileFormat::Xlsx && self.petunjuk_first {
            q.push("lembar Petunjuk tersembunyi di depan".to_string());
        }
        q
    }
}

fn sheet_safe(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| {
            if matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\') {
                '-'
            } else {
                c
            }
        })
        .collect();
    cleaned.chars().take(31).collect()
}

pub fn month_short_id(m: u32) -> &'static str {
    [
        "Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des",
    ][(m as usize + 11) % 12]
}

/// `29 – 31 DESEMBER 2025`, `6 APRIL – 6 MEI 2026`, `29 DESEMBER 2025 – 2 JANUARI 2026`.
pub fn period_upper(first: NaiveDate, last: NaiveDate) -> String {
    let text = if first == last {
        date_long(first)
    } else if first.year() != last.year() {
        format!("{} – {}", date_long(first), date_long(last))
    } else if first.month() != last.month() {
        format!(
            "{} {} – {}",
            first.day(),
            month_name(first.month()),
            date_long(last)
        )
    } else {
        format!("{} – {}", first.day(), date_long(last))
    };
    text.to_uppercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn date_styles_in_indonesian() {
        let x = d(2025, 12, 29);
        assert_eq!(DateStyle::Slash.text(x), "29/12/2025");
        assert_eq!(DateStyle::Dash.text(x), "29-12-2025");
        assert_eq!(DateStyle::LongId.text(x), "Senin, 29 Desember 2025");
        assert_eq!(DateStyle::ShortId.text(x), "29 Des");
    }

    #[test]
    fn periods_in_capitals() {
        assert_eq!(
            period_upper(d(2025, 12, 29), d(2025, 12, 31)),
            "29 – 31 DESEMBER 2025"
        );
        assert_eq!(
            period_upper(d(2026, 4, 6), d(2026, 5, 6)),
            "6 APRIL – 6 MEI 2026"
        );
    }

    #[test]
    fn synonyms_parse_back_to_the_same_status() {
        let style = Style::for_index(1, "BKPSDM");
        assert!(style.synonyms);
        for s in Status::ALL {
            assert_eq!(Status::parse(style.status_text(s)), Some(s));
        }
    }

    #[test]
    fn the_first_dozen_units_show_every_quirk() {
        let styles: Vec<Style> = (0..12).map(|i| Style::for_index(i, "X")).collect();
        assert!(styles.iter().any(|s| s.format == FileFormat::Csv));
        assert!(styles.iter().any(|s| s.layout == Layout::Long));
        for ds in DateStyle::ALL {
            assert!(styles.iter().any(|s| s.dates == ds));
        }
        assert!(styles.iter().any(|s| s.synonyms));
        assert!(styles.iter().any(|s| s.nip_grouped));
        assert!(styles.iter().any(|s| s.petunjuk_first));
        assert!(styles.iter().any(|s| s.number_row));
    }
}
