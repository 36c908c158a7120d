//! The master workbook (design §6) → `Master`: a staff sheet (NIP, name, position, unit code
//! or name, optional PNS/PPPK and rank) and a units sheet (code, name, abbreviation, parent).
//!
//! Strict by choice: the master is the BKPSDM's own reference, so a bad NIP, a NIP stored
//! as a number, a duplicate NIP or an unknown unit rejects the whole master with an
//! Indonesian message naming sheet and cell (up to ten problems listed), rather than
//! silently changing every count computed against it.

use crate::cells::{self, Column, NipRead};
use crate::error::{ImportError, Limits};
use crate::headers::{classify, Role};
use crate::unit_match::UnitMatcher;
use crate::workbook::{self, Sheet};
use fleksi_core::finding::a1;
use fleksi_core::{Employee, Master, Nip, Unit};
use std::collections::HashMap;

const MAX_LISTED: usize = 10;

struct Header {
    row: u32,
    cols: Vec<(u32, Role)>,
}

impl Header {
    fn col(&self, role: Role) -> Option<u32> {
        self.cols.iter().find(|(_, r)| *r == role).map(|(c, _)| *c)
    }
}

fn find_header(sheet: &Sheet, want: impl Fn(&Header) -> bool) -> Option<Header> {
    let ((r0, c0), (r1, c1)) = sheet.bounds()?;
    (r0..=r1.min(r0 + 30)).find_map(|row| {
        let cols: Vec<(u32, Role)> = (c0..=c1)
            .filter_map(|c| match sheet.cell(row, c) {
                calamine::Data::String(s) => classify(s).map(|r| (c, r)),
                _ => None,
            })
            .collect();
        let h = Header { row, cols };
        want(&h).then_some(h)
    })
}

/// Reads the master workbook.
pub fn read_master(
    name: &str,
    bytes: &[u8],
    limits: &Limits,
    opener: &workbook::Opener,
) -> Result<Master, ImportError> {
    let sheets = opener.open(name, bytes, limits)?;
    let fail = |message: String| ImportError::Master {
        file: name.to_string(),
        message,
    };
    let mut problems: Vec<String> = Vec::new();

    // Staff sheet: NIP and name columns.
    let staff = sheets.iter().find_map(|s| {
        find_header(s, |h| {
            h.col(Role::Nip).is_some() && h.col(Role::Name).is_some()
        })
        .map(|h| (s, h))
    });
    let Some((staff_sheet, staff_header)) = staff else {
        return Err(fail(
            "tidak ada lembar dengan kolom NIP dan NAMA (lembar data pegawai)".to_string(),
        ));
    };

    // Units sheet: code and name (no NIP). In it, `NAMA` is the unit name.
    let units_src = sheets.iter().find_map(|s| {
        find_header(s, |h| {
            h.col(Role::Nip).is_none()
                && (h.col(Role::UnitCode).is_some())
                && (h.col(Role::Name).is_some() || h.col(Role::Unit).is_some())
        })
        .map(|h| (s, h))
    });

    let mut units: Vec<Unit> = Vec::new();
    let mut parents: Vec<(usize, String, String)> = Vec::new(); // (unit index, text, cell)
    if let Some((sheet, h)) = units_src {
        let (_, (r1, _)) = sheet.bounds().unwrap_or(((0, 0), (0, 0)));
        let code_col = h.col(Role::UnitCode);
        let name_col = h.col(Role::Name).or(h.col(Role::Unit));
        for row in h.row + 1..=r1 {
            let text = |c: Option<u32>| {
                c.map(|c| cells::text(sheet.cell(row, c)).trim().to_string())
                    .unwrap_or_default()
            };
            let code = text(code_col);
            let uname = text(name_col);
            if code.is_empty() && uname.is_empty() {
                continue;
            }
            if code.is_empty() {
                problems.push(format!(
                    "lembar '{}' sel {}: kode unit kosong untuk '{uname}'",
                    sheet.name,
                    a1(code_col.unwrap_or(0), row)
                ));
                continue;
            }
            if units.iter().any(|u| u.code == code) {
                problems.push(format!(
                    "lembar '{}' sel {}: kode unit '{code}' ganda",
                    sheet.name,
                    a1(code_col.unwrap_or(0), row)
                ));
                continue;
            }
            let abbr = text(h.col(Role::Abbreviation));
            let parent = text(h.col(Role::Parent));
            if !parent.is_empty() {
                let cell = a1(h.col(Role::Parent).unwrap_or(0), row);
                parents.push((
                    units.len(),
                    parent,
                    format!("lembar '{}' sel {cell}", sheet.name),
                ));
            }
            units.push(Unit {
                code,
                name: if uname.is_empty() {
                    text(code_col)
                } else {
                    uname
                },
                abbreviation: (!abbr.is_empty()).then_some(abbr),
                parent: None,
            });
        }
    }

    // Staff rows.
    let sheet = staff_sheet;
    let h = &staff_header;
    let (_, (r1, _)) = sheet.bounds().unwrap_or(((0, 0), (0, 0)));
    let nip_col = h.col(Role::Nip).unwrap_or(0);
    let code_col = h.col(Role::UnitCode);
    let uname_col = h.col(Role::Unit);
    let derive_units = units.is_empty();
    let mut employees: Vec<Employee> = Vec::new();
    // First row of each NIP; cell references are built only for the messages.
    let staff_rows = r1.saturating_sub(h.row).min(100_000) as usize;
    let mut seen: HashMap<Nip, u32> = HashMap::with_capacity(staff_rows);
    let mut pending_units: Vec<(usize, String, u32)> = Vec::new(); // (employee, text, row)
    let nip_ref = Column::new(nip_col);
    let unit_ref = Column::new(code_col.or(uname_col).unwrap_or(0));
    for row in h.row + 1..=r1 {
        let text = |c: Option<u32>| {
            c.map(|c| cells::text(sheet.cell(row, c)).trim().to_string())
                .unwrap_or_default()
        };
        let name = text(h.col(Role::Name));
        let nip_data = sheet.cell(row, nip_col);
        let nip_text = cells::text(nip_data).into_owned();
        if nip_text.is_empty() && name.is_empty() {
            continue;
        }
        let at = || format!("lembar '{}' sel {}", sheet.name, nip_ref.at(row));
        let nip = match cells::nip(nip_data) {
            NipRead::Valid(n) => n,
            NipRead::Empty => {
                problems.push(format!("{}: NIP kosong untuk '{name}'", at()));
                continue;
            }
            NipRead::Lossy { shown, .. } => {
                problems.push(format!(
                    "{}: NIP tersimpan sebagai angka ({shown}), 3 angka terakhir hilang; \
                     format kolom NIP sebagai Teks dan ketik ulang",
                    at()
                ));
                continue;
            }
            NipRead::Invalid { text, error } => {
                problems.push(format!("{}: NIP '{text}' tidak sah: {error}", at()));
                continue;
            }
        };
        if let Some(first) = seen.get(&nip).map(|&r| nip_ref.at(r)) {
            problems.push(format!(
                "{}: NIP {} ganda (sudah ada di {first})",
                at(),
                nip.as_str()
            ));
            continue;
        }
        seen.insert(nip, row);
        let code = text(code_col);
        let uname = text(uname_col);
        if derive_units && !code.is_empty() && !units.iter().any(|u| u.code == code) {
            units.push(Unit {
                code: code.clone(),
                name: if uname.is_empty() {
                    code.clone()
                } else {
                    uname.clone()
                },
                abbreviation: None,
                parent: None,
            });
        }
        let unit_text = if code.is_empty() { uname } else { code };
        if unit_text.is_empty() {
            problems.push(format!(
                "lembar '{}' sel {}: unit kerja kosong untuk NIP {}",
                sheet.name,
                unit_ref.at(row),
                nip.as_str()
            ));
            continue;
        }
        pending_units.push((employees.len(), unit_text, row));
        employees.push(Employee {
            nip,
            name,
            position: text(h.col(Role::Position)),
            unit: String::new(),
            rank: Some(text(h.col(Role::Rank))).filter(|r| !r.is_empty()),
        });
    }

    // Resolve unit references by code, name or abbreviation.
    let lookup = Master::new(units.clone(), Vec::new());
    let matcher = UnitMatcher::new(&lookup);
    // Thousands of staff rows name the same few dozen units: match each text once.
    let mut matched: HashMap<&str, Option<&str>> = HashMap::new();
    for (i, text, row) in &pending_units {
        let unit = *matched
            .entry(text.as_str())
            .or_insert_with(|| matcher.exact(text));
        match unit {
            Some(code) => employees[*i].unit = code.to_string(),
            None => problems.push(format!(
                "lembar '{}' sel {}: unit '{text}' tidak ada di lembar unit",
                sheet.name,
                unit_ref.at(*row)
            )),
        }
    }
    for (i, text, at) in &parents {
        match matcher.exact(text) {
            Some(code) => units[*i].parent = Some(code.to_string()),
            None => problems.push(format!("{at}: unit induk '{text}' tidak dikenal")),
        }
    }

    if !problems.is_empty() {
        let more = problems.len().saturating_sub(MAX_LISTED);
        let mut message = problems
            .iter()
            .take(MAX_LISTED)
            .cloned()
            .collect::<Vec<_>>()
            .join("; ");
        if more > 0 {
            message.push_str(&format!("; dan {more} masalah lain"));
        }
        return Err(fail(message));
    }
    if employees.is_empty() {
        return Err(fail(format!(
            "lembar '{}' tidak memuat satu pun pegawai",
            sheet.name
        )));
    }
    Ok(Master::new(units, employees))
}
