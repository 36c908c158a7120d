//! One OPD's schedule file as content: its staff rows (what each cell says), laid out into
//! a grid of title rows, header, table, totals block and the head's signature block, in the
//! unit's style. The same grid is rendered as XLSX or CSV, so both say the same thing and
//! the A1 reference of every planted cell is known before writing.

use crate::people::Person;
use crate::plan::UnitPlan;
use crate::regency::UnitSpec;
use crate::style::{period_upper, Style};
use chrono::NaiveDate;
use fleksi_core::finding::a1;
use fleksi_core::fmt_id::date_long;
use fleksi_core::{Employee, Layout, Status};

/// Zero-based row of the table header (below 4 title rows and a blank row).
pub const HEADER_ROW: u32 = 5;
/// First column of the dates in the wide layout (after No, NIP, Nama, Pangkat, Jabatan).
const FIRST_DATE_COL: u32 = 5;

/// How a NIP cell is written.
#[derive(Debug, Clone, PartialEq)]
pub enum NipCell {
    Text(String),
    /// Typed as a number: what Excel keeps of it.
    Number(f64),
}

/// One staff row as the office wrote it.
#[derive(Debug, Clone)]
pub struct Row {
    pub nip: NipCell,
    pub name: String,
    pub rank: String,
    pub position: String,
    /// The status text per day.
    pub cells: Vec<String>,
    /// The free Keterangan column (wide layout).
    pub note: String,
}

/// The content of one OPD file.
#[derive(Debug, Clone)]
pub struct OpdTable {
    pub unit_name: String,
    pub head: Employee,
    pub style: Style,
    pub days: Vec<NaiveDate>,
    pub rows: Vec<Row>,
    /// Place and date above the signature.
    pub signed_at: NaiveDate,
}

/// The text of a NIP in this style.
pub fn nip_text(e: &Employee, style: &Style) -> NipCell {
    if style.nip_numeric {
        NipCell::Number(numeric_nip(e.nip.first15()))
    } else if style.nip_grouped {
        NipCell::Text(e.nip.grouped())
    } else {
        NipCell::Text(e.nip.as_str().to_string())
    }
}

/// What Excel stores when an 18-digit NIP is typed as a number: 15 significant digits.
pub fn numeric_nip(first15: &str) -> f64 {
    format!("{first15}000").parse().unwrap_or(0.0)
}

fn note_for(statuses: &[Status]) -> &'static str {
    if statuses.contains(&Status::Tb) {
        "Tugas belajar S2"
    } else if statuses.contains(&Status::Cuti) {
        "Cuti tahunan"
    } else if statuses.contains(&Status::Dl) {
        "Dinas luar ke Serang"
    } else if statuses.contains(&Status::Sakit) {
        "Sakit (surat keterangan dokter)"
    } else {
        ""
    }
}

impl OpdTable {
    pub fn new(
        spec: &UnitSpec,
        staff: &[Person],
        plan: &UnitPlan,
        style: Style,
        days: &[NaiveDate],
        signed_at: NaiveDate,
    ) -> Self {
        let rows = staff
            .iter()
            .zip(&plan.statuses)
            .map(|(p, statuses)| Row {
                nip: nip_text(&p.employee, &style),
                name: p.employee.name.clone(),
                rank: p.employee.rank.clone().unwrap_or_default(),
                position: p.employee.position.clone(),
                cells: statuses
                    .iter()
                    .map(|&s| style.status_text(s).to_string())
                    .collect(),
                note: note_for(statuses).to_string(),
            })
            .collect();
        OpdTable {
            unit_name: spec.name.to_string(),
            head: staff[0].employee.clone(),
            style,
            days: days.to_vec(),
            rows,
            signed_at,
        }
    }

    /// Zero-based row of the first staff row (below the header and, in some offices, a
    /// row of column numbers `(1) (2) (3)…`).
    pub fn first_row(&self) -> u32 {
        HEADER_ROW + 1 + u32::from(self.style.number_row)
    }

    fn data_row(&self, row: usize, day: usize) -> u32 {
        match self.style.layout {
            Layout::Wide => self.first_row() + row as u32,
            Layout::Long => self.first_row() + (row * self.days.len() + day) as u32,
        }
    }

    /// A1 reference of a row's NIP cell (long layout: its first day's row).
    pub fn nip_cell(&self, row: usize) -> String {
        a1(1, self.data_row(row, 0))
    }

    /// A1 reference of a row's status cell on `day`.
    pub fn status_cell(&self, row: usize, day: usize) -> String {
        match self.style.layout {
            Layout::Wide => a1(FIRST_DATE_COL + day as u32, self.data_row(row, day)),
            Layout::Long => a1(4, self.data_row(row, day)),
        }
    }

    /// A1 reference of a date's column header (wide layout only).
    pub fn date_header_cell(&self, day: usize) -> Option<String> {
        (self.style.layout == Layout::Wide).then(|| a1(FIRST_DATE_COL + day as u32, HEADER_ROW))
    }

    fn last_col(&self) -> u32 {
        let approval = u32::from(self.style.approval);
        match self.style.layout {
            Layout::Wide => FIRST_DATE_COL + self.days.len() as u32 + approval,
            Layout::Long => 4 + approval,
        }
    }

    /// The approval column, when the policy asks for the superior's approval: before the
    /// Keterangan column (wide) or after the status (long).
    fn approval_col(&self) -> Option<u32> {
        self.style.approval.then(|| match self.style.layout {
            Layout::Wide => FIRST_DATE_COL + self.days.len() as u32,
            Layout::Long => 5,
        })
    }

    /// `Ya` when the text is a WFA: the superior approved every WFA the office planned.
    fn approval_mark<'a>(&self, texts: impl IntoIterator<Item = &'a String>) -> Cell {
        let any_wfa = texts
            .into_iter()
            .any(|t| Status::parse(t) == Some(Status::Wfa));
        Cell::Text(if any_wfa { "Ya" } else { "" }.to_string())
    }

    /// Column widths for the spreadsheet.
    pub fn widths(&self) -> Vec<f64> {
        let mut w = match self.style.layout {
            Layout::Wide => {
                let mut w = vec![5.0, 21.0, 32.0, 22.0, 34.0];
                w.extend(std::iter::repeat_n(11.0, self.days.len()));
                w
            }
            Layout::Long => vec![6.0, 21.0, 32.0, 14.0, 14.0],
        };
        if self.style.approval {
            w.push(14.0);
        }
        if self.style.layout == Layout::Wide {
            w.push(22.0);
        }
        w
    }

    /// Lays the content out.
    pub fn grid(&self) -> Grid {
        let mut g = Grid {
            last_col: self.last_col(),
            ..Grid::default()
        };
        let last = g.last_col;
        let upper = |s: &str| {
            if self.style.title_upper {
                s.to_uppercase()
            } else {
                s.to_string()
            }
        };
        let titles = [
            "PEMERINTAH KABUPATEN LEBAK".to_string(),
            "JADWAL PELAKSANAAN TUGAS KEDINASAN SECARA FLEKSIBEL (WFO/WFA)".to_string(),
            format!("PERANGKAT DAERAH : {}", upper(&self.unit_name)),
            format!(
                "PERIODE : {}",
                period_upper(self.days[0], *self.days.last().unwrap_or(&self.days[0]))
            ),
        ];
        for (r, t) in titles.into_iter().enumerate() {
            g.merge(r as u32, 0, last, Cell::Text(t), Role::Title);
        }
        let h = self.style.headers;
        let wide = self.style.layout == Layout::Wide;
        let mut header = vec![h.no, h.nip, h.name];
        if wide {
            header.extend([h.rank, h.position]);
        } else {
            header.push("Tanggal");
        }
        for (c, text) in header.into_iter().enumerate() {
            g.put(
                HEADER_ROW,
                c as u32,
                Cell::Text(text.to_string()),
                Role::Header,
            );
        }
        let (status_col, status_header) = if wide {
            (last, h.note)
        } else {
            (4, "Keterangan")
        };
        g.put(
            HEADER_ROW,
            status_col,
            Cell::Text(status_header.to_string()),
            Role::Header,
        );
        let approval_col = self.approval_col();
        if let Some(c) = approval_col {
            g.put(
                HEADER_ROW,
                c,
                Cell::Text("Persetujuan Atasan".to_string()),
                Role::Header,
            );
        }
        if wide {
            for (d, &date) in self.days.iter().enumerate() {
                g.put(
                    HEADER_ROW,
                    FIRST_DATE_COL + d as u32,
                    self.date_cell(date),
                    Role::HeaderDate,
                );
            }
        }
        if self.style.number_row {
            for c in 0..=last {
                g.put(
                    HEADER_ROW + 1,
                    c,
                    Cell::Text(format!("({})", c + 1)),
                    Role::Header,
                );
            }
        }
        let mut r = self.first_row();
        let mut no = 0;
        for row in &self.rows {
            let nip = match &row.nip {
                NipCell::Text(t) => Cell::Text(t.clone()),
                NipCell::Number(n) => Cell::Number(*n),
            };
            if wide {
                no += 1;
                g.put(r, 0, Cell::Number(f64::from(no)), Role::Body);
                g.put(r, 1, nip, Role::Nip);
                g.put(r, 2, Cell::Text(row.name.clone()), Role::Body);
                g.put(r, 3, Cell::Text(row.rank.clone()), Role::Body);
                g.put(r, 4, Cell::Text(row.position.clone()), Role::Body);
                for (d, text) in row.cells.iter().enumerate() {
                    g.put(
                        r,
                        FIRST_DATE_COL + d as u32,
                        Cell::Text(text.clone()),
                        Role::Status,
                    );
                }
                if let Some(c) = approval_col {
                    g.put(r, c, self.approval_mark(&row.cells), Role::Status);
                }
                g.put(r, last, Cell::Text(row.note.clone()), Role::Body);
                r += 1;
            } else {
                for (d, text) in row.cells.iter().enumerate() {
                    no += 1;
                    g.put(r, 0, Cell::Number(f64::from(no)), Role::Body);
                    g.put(r, 1, nip.clone(), Role::Nip);
                    g.put(r, 2, Cell::Text(row.name.clone()), Role::Body);
                    g.put(r, 3, self.date_cell(self.days[d]), Role::Date);
                    g.put(r, 4, Cell::Text(text.clone()), Role::Status);
                    if let Some(c) = approval_col {
                        g.put(r, c, self.approval_mark([text]), Role::Status);
                    }
                    r += 1;
                }
            }
        }
        let first_data = self.first_row();
        let last_data = r - 1;
        // Totals block.
        for status in [Status::Wfo, Status::Wfa] {
            let word = self.style.status_text(status);
            let label = format!("JUMLAH {}", status.code());
            let label_last = if wide { 4 } else { 3 };
            g.merge(r, 0, label_last, Cell::Text(label), Role::Total);
            let columns: Vec<(u32, Option<usize>)> = if wide {
                (0..self.days.len())
                    .map(|d| (FIRST_DATE_COL + d as u32, Some(d)))
                    .collect()
            } else {
                vec![(4, None)]
            };
            for (col, day) in columns {
                let count = self
                    .rows
                    .iter()
                    .flat_map(|row| {
                        row.cells
                            .iter()
                            .enumerate()
                            .filter(move |(d, _)| day.is_none_or(|want| *d == want))
                    })
                    .filter(|(_, text)| text.as_str() == word)
                    .count();
                let range = format!("{}:{}", a1(col, first_data), a1(col, last_data));
                g.put(
                    r,
                    col,
                    Cell::Formula {
                        formula: format!("=COUNTIF({range},\"{word}\")"),
                        result: count.to_string(),
                    },
                    Role::Total,
                );
            }
            r += 1;
        }
        // Signature block of the head.
        r += 1;
        let sc = if wide {
            last.saturating_sub(3).max(FIRST_DATE_COL)
        } else {
            3
        };
        let head_title = self.head.position.to_uppercase();
        let lines = [
            (
                format!("Rangkasbitung, {}", date_long(self.signed_at)),
                Role::Signature,
            ),
            (format!("{head_title},"), Role::Signature),
            (String::new(), Role::Signature),
            (String::new(), Role::Signature),
            (String::new(), Role::Signature),
            (self.head.name.clone(), Role::SignatureName),
            (self.head.rank.clone().unwrap_or_default(), Role::Signature),
            (format!("NIP. {}", self.head.nip.grouped()), Role::Signature),
        ];
        for (text, role) in lines {
            if !text.is_empty() {
                g.merge(r, sc, last, Cell::Text(text), role);
            }
            r += 1;
        }
        g
    }

    fn date_cell(&self, d: NaiveDate) -> Cell {
        match self.style.dates {
            crate::style::DateStyle::DateCell
                if self.style.format == crate::style::FileFormat::Xlsx =>
            {
                Cell::Date(d)
            }
            style => Cell::Text(style.text(d)),
        }
    }
}

/// A value in the grid.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Number(f64),
    Date(NaiveDate),
    /// A formula with its cached result (what a reader sees without recalculating).
    Formula {
        formula: String,
        result: String,
    },
}

/// What a cell is for (drives formatting).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Title,
    Header,
    HeaderDate,
    Body,
    Nip,
    Status,
    Date,
    Total,
    Signature,
    SignatureName,
}

/// One placed cell; `merge_to` is the last column of a horizontal merge.
#[derive(Debug, Clone)]
pub struct Placed {
    pub row: u32,
    pub col: u32,
    pub merge_to: Option<u32>,
    pub cell: Cell,
    pub role: Role,
}

/// The laid-out sheet.
#[derive(Debug, Clone, Default)]
pub struct Grid {
    pub cells: Vec<Placed>,
    pub last_col: u32,
}

impl Grid {
    fn put(&mut self, row: u32, col: u32, cell: Cell, role: Role) {
        self.cells.push(Placed {
            row,
            col,
            merge_to: None,
            cell,
            role,
        });
    }

    fn merge(&mut self, row: u32, col: u32, last: u32, cell: Cell, role: Role) {
        self.cells.push(Placed {
            row,
            col,
            merge_to: (last > col).then_some(last),
            cell,
            role,
        });
    }

    pub fn rows(&self) -> u32 {
        self.cells.iter().map(|c| c.row + 1).max().unwrap_or(0)
    }
}
