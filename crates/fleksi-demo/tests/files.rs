//! Generates demos into temporary folders and reads every file back with calamine (a second,
//! independent reader) to check what the generator promises: the master's shape and NIPs,
//! each OPD file's title, header, date columns, totals and signature blocks, the hidden
//! instructions sheet, the CSV encoding, the planted faults exactly where the summary says,
//! and a clean demo within the policy.

use calamine::{open_workbook, Data, Reader, SheetVisible, Xlsx};
use chrono::{Datelike, NaiveDate};
use fleksi_core::nip::NipKind;
use fleksi_core::{calendar, presets, Layout, Nip, Policy, Status};
use fleksi_demo::{
    write_demo, DateStyle, DemoError, DemoOptions, DemoSummary, FaultKind, FileFormat, OpdFile,
    HEADER_ROW, STAFF_HEADERS, STAFF_SHEET, UNIT_HEADERS, UNIT_SHEET,
};
use std::collections::{HashMap, HashSet};
use std::path::Path;
mod common;
use common::TempDir;

fn lebak() -> Policy {
    presets::by_id("lebak-2025-12").expect("preset lebak-2025-12")
}

fn demo(name: &str, opts: &DemoOptions) -> (TempDir, DemoSummary) {
    let dir = TempDir::new(name);
    let summary = write_demo(opts, &dir.0.join("demo")).expect("demo written");
    (dir, summary)
}

fn text(d: Option<&Data>) -> String {
    match d {
        Some(Data::String(s)) => s.clone(),
        Some(Data::Float(f)) => format!("{f}"),
        Some(Data::Int(i)) => i.to_string(),
        Some(Data::Empty) | None => String::new(),
        Some(other) => other.to_string(),
    }
}

/// A sheet as rows of cells, the same shape for XLSX and CSV.
struct Table {
    cells: HashMap<(u32, u32), Data>,
}

impl Table {
    fn get(&self, row: u32, col: u32) -> Option<&Data> {
        self.cells.get(&(row, col))
    }
    fn text(&self, row: u32, col: u32) -> String {
        text(self.get(row, col))
    }
    fn at(&self, a1: &str) -> Option<&Data> {
        let (col, row) = parse_a1(a1);
        self.get(row, col)
    }
    fn rows(&self) -> u32 {
        self.cells.keys().map(|k| k.0 + 1).max().unwrap_or(0)
    }
    fn find_row(&self, col: u32, want: &str) -> Option<u32> {
        (0..self.rows()).find(|&r| self.text(r, col) == want)
    }
}

/// The 15 significant digits Excel shows for a number (what survives of a typed NIP).
fn excel_15_digits(x: f64) -> String {
    let sci = format!("{x:.14e}");
    sci.split('e')
        .next()
        .unwrap_or("")
        .chars()
        .filter(char::is_ascii_digit)
        .collect()
}

fn parse_a1(a1: &str) -> (u32, u32) {
    let letters: String = a1.chars().take_while(|c| c.is_ascii_alphabetic()).collect();
    let digits = &a1[letters.len()..];
    let col = letters
        .bytes()
        .fold(0u32, |acc, b| acc * 26 + u32::from(b - b'A' + 1))
        - 1;
    (col, digits.parse::<u32>().unwrap() - 1)
}

fn read_xlsx(path: &Path, sheet: &str) -> Table {
    let mut wb: Xlsx<_> = open_workbook(path).unwrap();
    let range = wb.worksheet_range(sheet).unwrap();
    let mut cells = HashMap::new();
    for (r, c, v) in range.used_cells() {
        let (r0, c0) = range.start().unwrap();
        cells.insert((r as u32 + r0, c as u32 + c0), v.clone());
    }
    Table { cells }
}

fn read_csv(path: &Path) -> (Table, String) {
    let bytes = std::fs::read(path).unwrap();
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "CSV must be Windows-1252, not UTF-8"
    );
    let (decoded, _, bad) = encoding_rs::WINDOWS_1252.decode(&bytes);
    assert!(!bad);
    assert!(decoded.contains("\r\n"), "CSV lines end in CRLF");
    let mut cells = HashMap::new();
    for (r, line) in decoded.split("\r\n").enumerate() {
        for (c, field) in split_semicolons(line).into_iter().enumerate() {
            if !field.is_empty() {
                cells.insert((r as u32, c as u32), Data::String(field));
            }
        }
    }
    (Table { cells }, decoded.into_owned())
}

fn split_semicolons(line: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(ch) = chars.next() {
        match (ch, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                out.last_mut().unwrap().push('"');
            }
            ('"', _) => quoted = !quoted,
            (';', false) => out.push(String::new()),
            (c, _) => out.last_mut().unwrap().push(c),
        }
    }
    out
}

fn read_opd(f: &OpdFile) -> Table {
    match f.format {
        FileFormat::Xlsx => read_xlsx(&f.path, f.sheet.as_deref().unwrap()),
        FileFormat::Csv => read_csv(&f.path).0,
    }
}

fn expected_date(cell: Option<&Data>, style: DateStyle, date: NaiveDate, csv: bool) {
    match (style, csv) {
        (DateStyle::DateCell, false) => {
            let Some(Data::DateTime(dt)) = cell else {
                panic!("expected a date cell for {date}, got {cell:?}");
            };
            assert_eq!(dt.as_datetime().unwrap().date(), date);
        }
        (DateStyle::DateCell | DateStyle::Slash, _) => {
            assert_eq!(text(cell), date.format("%d/%m/%Y").to_string())
        }
        (DateStyle::Dash, _) => assert_eq!(text(cell), date.format("%d-%m-%Y").to_string()),
        (DateStyle::LongId, _) => assert_eq!(
            text(cell),
            fleksi_core::fmt_id::date_with_weekday(date),
            "long Indonesian date"
        ),
        (DateStyle::ShortId, _) => {
            let t = text(cell);
            assert_eq!(t, format!("{} Des", date.day()), "short date without year");
        }
    }
}

#[test]
fn master_workbook_has_both_sheets_and_valid_unique_nips() {
    let (_dir, s) = demo("master", &DemoOptions::new(lebak()));
    assert_eq!(s.master.employees.len(), 12 * 20);
    let mut wb: Xlsx<_> = open_workbook(&s.master_path).unwrap();
    let names: Vec<String> = wb.sheet_names();
    assert_eq!(names, vec![STAFF_SHEET.to_string(), UNIT_SHEET.to_string()]);

    let staff = wb.worksheet_range(STAFF_SHEET).unwrap();
    assert_eq!(staff.height(), 1 + 240, "header + one row per ASN");
    let header: Vec<String> = (0..7).map(|c| text(staff.get((0, c)))).collect();
    assert_eq!(header, STAFF_HEADERS);
    let mut seen = HashSet::new();
    let mut first15 = HashSet::new();
    let mut pns = 0;
    let units: HashSet<&str> = s.master.units.iter().map(|u| u.code.as_str()).collect();
    for r in 1..staff.height() {
        let cell = staff.get((r, 0));
        let Some(Data::String(nip_text)) = cell else {
            panic!("NIP in row {} is not text: {cell:?}", r + 1);
        };
        let nip = Nip::parse(nip_text).unwrap_or_else(|e| panic!("{nip_text}: {e}"));
        assert!(seen.insert(nip), "duplicate NIP {nip_text}");
        assert!(
            first15.insert(nip.first15().to_string()),
            "first 15 digits repeat"
        );
        let status = text(staff.get((r, 6)));
        let kind = if nip.kind() == NipKind::Pns {
            "PNS"
        } else {
            "PPPK"
        };
        assert_eq!(status, kind, "row {}", r + 1);
        pns += usize::from(kind == "PNS");
        assert!(units.contains(text(staff.get((r, 4))).as_str()));
        assert!(!text(staff.get((r, 1))).is_empty() && !text(staff.get((r, 2))).is_empty());
    }
    let share = pns * 100 / 240;
    assert!((30..=50).contains(&share), "PNS share {share} %");

    let unit_sheet = wb.worksheet_range(UNIT_SHEET).unwrap();
    assert_eq!(unit_sheet.height(), 1 + 12);
    let header: Vec<String> = (0..4).map(|c| text(unit_sheet.get((0, c)))).collect();
    assert_eq!(header, UNIT_HEADERS);
    let puskesmas = (1..unit_sheet.height())
        .find(|&r| text(unit_sheet.get((r, 1))) == "UPTD Puskesmas Rangkasbitung")
        .expect("a puskesmas");
    assert_eq!(text(unit_sheet.get((puskesmas, 3))), "DINKES");
}

#[test]
fn every_opd_file_has_titles_header_dates_totals_and_signature() {
    let (_dir, s) = demo("opd", &DemoOptions::new(lebak()));
    let days = &s.days;
    assert_eq!(
        days,
        &[29, 30, 31].map(|d| NaiveDate::from_ymd_opt(2025, 12, d).unwrap())
    );
    assert_eq!(s.files.len() + s.not_submitted.len(), 12);
    let mut formats = HashSet::new();
    let mut layouts = Vec::new();
    let mut date_styles = HashSet::new();
    for f in &s.files {
        formats.insert(f.format);
        layouts.push(f.layout);
        date_styles.insert(f.dates);
        let t = read_opd(f);
        let csv = f.format == FileFormat::Csv;
        assert_eq!(
            t.text(0, 0),
            "PEMERINTAH KABUPATEN LEBAK",
            "{}",
            f.path.display()
        );
        assert_eq!(
            t.text(1, 0),
            "JADWAL PELAKSANAAN TUGAS KEDINASAN SECARA FLEKSIBEL (WFO/WFA)"
        );
        assert_eq!(
            t.text(2, 0).to_uppercase(),
            format!("PERANGKAT DAERAH : {}", f.unit_name.to_uppercase())
        );
        assert_eq!(t.text(3, 0), "PERIODE : 29 – 31 DESEMBER 2025");
        let h = HEADER_ROW;
        assert!(t.text(h, 1).to_uppercase().starts_with("NIP"));
        assert!(t.text(h, 2).to_uppercase().starts_with("NAMA"));
        let staff: Vec<_> = s.master.staff_of(&f.unit).collect();
        let table_rows = match f.layout {
            Layout::Wide => {
                assert!(t.text(h, 4).eq_ignore_ascii_case("Jabatan"));
                for (d, &date) in days.iter().enumerate() {
                    expected_date(t.get(h, 5 + d as u32), f.dates, date, csv);
                }
                assert!(t
                    .text(h, 5 + days.len() as u32)
                    .to_uppercase()
                    .starts_with("KET"));
                f.rows as u32
            }
            Layout::Long => {
                assert_eq!(t.text(h, 3), "Tanggal");
                assert_eq!(t.text(h, 4), "Keterangan");
                for (d, &date) in days.iter().enumerate() {
                    expected_date(t.get(f.first_row + d as u32, 3), f.dates, date, csv);
                }
                (f.rows * days.len()) as u32
            }
        };
        assert!(f.rows >= staff.len());
        // Every master staff member of the unit is in the file, by NIP (text or number).
        if f.first_row > h + 1 {
            assert_eq!(t.text(h + 1, 0), "(1)", "column numbers under the header");
            assert_eq!(t.text(h + 1, 1), "(2)");
        }
        let written: HashSet<String> = (f.first_row..f.first_row + table_rows)
            .map(|r| match t.get(r, 1) {
                Some(Data::Float(x)) => excel_15_digits(*x),
                other => Nip::normalize(&text(other)),
            })
            .collect();
        for e in &staff {
            assert!(
                written.contains(e.nip.as_str()) || written.contains(e.nip.first15()),
                "{} missing from {}",
                e.nip,
                f.path.display()
            );
        }
        let totals = t.find_row(0, "JUMLAH WFO").expect("JUMLAH WFO row");
        assert_eq!(
            totals,
            f.first_row + table_rows,
            "totals right under the table"
        );
        assert_eq!(t.text(totals + 1, 0), "JUMLAH WFA");
        let head = &staff[0];
        let signature = format!("NIP. {}", head.nip.grouped());
        let found = t.cells.values().any(|v| text(Some(v)) == signature);
        assert!(found, "signature {signature} in {}", f.path.display());
        assert!(head.nip.as_str().starts_with("19"));
    }
    assert!(formats.contains(&FileFormat::Csv) && formats.contains(&FileFormat::Xlsx));
    assert!(layouts.contains(&Layout::Wide) && layouts.contains(&Layout::Long));
    assert_eq!(date_styles.len(), 5, "all five date styles appear");
    assert!(
        s.files.iter().any(|f| f.first_row == HEADER_ROW + 2),
        "some files number their columns under the header"
    );
}

#[test]
fn xlsx_files_hide_the_petunjuk_sheet_and_merge_the_titles() {
    let (_dir, s) = demo("sheets", &DemoOptions::new(lebak()));
    let mut petunjuk_first = 0;
    for f in s.files.iter().filter(|f| f.format == FileFormat::Xlsx) {
        let mut wb: Xlsx<_> = open_workbook(&f.path).unwrap();
        let meta = wb.sheets_metadata().to_vec();
        assert_eq!(meta.len(), 2);
        let p = meta.iter().position(|m| m.name == "Petunjuk").unwrap();
        petunjuk_first += usize::from(p == 0);
        assert_eq!(meta[p].visible, SheetVisible::Hidden);
        let schedule = &meta[1 - p];
        assert_eq!(Some(&schedule.name), f.sheet.as_ref());
        assert_eq!(schedule.visible, SheetVisible::Visible);
        let merges = wb.merge_cells_by_sheet_name(&schedule.name).unwrap();
        for row in 0..4 {
            assert!(
                merges.iter().any(|m| m.start == (row, 0) && m.end.1 > 0),
                "title row {row} merged in {}",
                f.path.display()
            );
        }
    }
    assert!(petunjuk_first > 0, "some files put the hidden sheet first");
}

#[test]
fn csv_is_semicolon_separated_windows_1252_with_an_accented_name() {
    let (_dir, s) = demo("csv", &DemoOptions::new(lebak()));
    let f = s
        .files
        .iter()
        .find(|f| f.format == FileFormat::Csv)
        .expect("a CSV file");
    let (t, decoded) = read_csv(&f.path);
    assert!(
        decoded.contains("Andréas"),
        "accented name survives Windows-1252"
    );
    let bytes = std::fs::read(&f.path).unwrap();
    assert!(bytes.contains(&0xE9), "é written as the single byte 0xE9");
    assert!(t.text(HEADER_ROW, 1).to_uppercase().starts_with("NIP"));
    let name = s
        .master
        .employees
        .iter()
        .find(|e| e.name.contains("Andréas"))
        .expect("Andréas in the master");
    assert_eq!(name.unit, f.unit);
}

#[test]
fn planted_faults_are_where_the_summary_says() {
    let policy = lebak();
    let (_dir, s) = demo("faults", &DemoOptions::new(policy.clone()));
    let kinds: HashSet<FaultKind> = s.faults.iter().map(|f| f.kind).collect();
    for k in [
        FaultKind::QuotaExceeded,
        FaultKind::WfaInExemptUnit,
        FaultKind::InvalidNip,
        FaultKind::UnknownStatus,
        FaultKind::DuplicateNip,
        FaultKind::NotSubmitted,
        FaultKind::PrecisionLost,
    ] {
        assert!(kinds.contains(&k), "{k:?} planted");
    }
    // One fault per unit except the precision-lost units, which have one per row.
    let mut by_unit: HashMap<&str, HashSet<FaultKind>> = HashMap::new();
    for f in &s.faults {
        by_unit.entry(&f.unit).or_default().insert(f.kind);
    }
    assert!(by_unit.values().all(|k| k.len() == 1), "{by_unit:?}");
    let file_of = |unit: &str| s.files.iter().find(|f| f.unit == unit);
    for f in &s.faults {
        if f.kind == FaultKind::NotSubmitted {
            assert!(file_of(&f.unit).is_none());
            assert!(s.not_submitted.contains(&f.unit));
            assert!(!s.exempt.contains(&f.unit));
            continue;
        }
        let file = file_of(&f.unit).unwrap();
        assert_eq!(f.file.as_ref(), Some(&file.path));
        let t = read_opd(file);
        let cell = t.at(f.cell.as_deref().expect("cell"));
        let style_status = |raw: &str| Status::parse(raw);
        match f.kind {
            FaultKind::QuotaExceeded => {
                let date = f.date.unwrap();
                expected_date(cell, file.dates, date, file.format == FileFormat::Csv);
                let (col, row) = parse_a1(f.cell.as_deref().unwrap());
                assert_eq!(row, HEADER_ROW);
                let wfa = (file.first_row..file.first_row + file.rows as u32)
                    .filter(|&r| style_status(&t.text(r, col)) == Some(Status::Wfa))
                    .count();
                let total = s.master.staff_count(&f.unit);
                let cap = policy.cap_on(date).unwrap() as usize;
                assert!(wfa * 100 > total * cap, "{wfa} of {total} over {cap} %");
            }
            FaultKind::WfaInExemptUnit => {
                assert!(s.exempt.contains(&f.unit));
                assert!(policy.is_exempt(&s.master, &f.unit));
                assert_eq!(style_status(&text(cell)), Some(Status::Wfa));
            }
            FaultKind::InvalidNip => {
                assert!(Nip::parse(&text(cell)).is_err());
                assert_eq!(Some(text(cell)), f.nip);
            }
            FaultKind::UnknownStatus => {
                assert_eq!(text(cell), "Libur");
                assert_eq!(style_status("Libur"), None);
            }
            FaultKind::DuplicateNip => {
                let nip = f.nip.as_deref().unwrap();
                assert_eq!(Nip::normalize(&text(cell)), nip);
                let (_, row) = parse_a1(f.cell.as_deref().unwrap());
                let earlier = (HEADER_ROW + 1..row)
                    .filter(|&r| Nip::normalize(&t.text(r, 1)) == nip)
                    .count();
                assert_eq!(earlier, 1, "the same NIP once before");
            }
            FaultKind::PrecisionLost => {
                let Some(Data::Float(x)) = cell else {
                    panic!("numeric NIP expected at {:?}, got {cell:?}", f.cell);
                };
                let nip = Nip::parse(f.nip.as_deref().unwrap()).unwrap();
                assert_eq!(excel_15_digits(*x), nip.first15());
                assert!(*x >= 1e17 && *x < 1e18, "an 18-digit number");
            }
            FaultKind::NotSubmitted => unreachable!(),
        }
    }
    let readme = std::fs::read_to_string(&s.readme_path).unwrap();
    for f in s
        .faults
        .iter()
        .filter(|f| f.kind != FaultKind::PrecisionLost)
    {
        assert!(readme.contains(&f.description), "README lists {:?}", f.kind);
    }
    assert!(readme.contains("fleksi check --policy lebak-2025-12"));
}

/// Reads every file back and counts WFA per unit per day against the policy.
fn assert_within_policy(s: &DemoSummary, policy: &Policy) {
    for f in &s.files {
        let t = read_opd(f);
        let total = s.master.staff_count(&f.unit);
        let mut wfa = vec![0usize; s.days.len()];
        let mut per_person: HashMap<String, usize> = HashMap::new();
        for r in f.first_row..f.first_row + (f.rows * s.days.len()) as u32 {
            let (day, raw) = match f.layout {
                Layout::Wide => {
                    if r >= f.first_row + f.rows as u32 {
                        break;
                    }
                    for (d, n) in wfa.iter_mut().enumerate() {
                        let st = Status::parse(&t.text(r, 5 + d as u32));
                        assert!(st.is_some(), "known status in {}", f.path.display());
                        if st == Some(Status::Wfa) {
                            *n += 1;
                            *per_person.entry(t.text(r, 1)).or_default() += 1;
                        }
                    }
                    continue;
                }
                Layout::Long => {
                    let i = (r - f.first_row) as usize;
                    (i % s.days.len(), t.text(r, 4))
                }
            };
            if Status::parse(&raw) == Some(Status::Wfa) {
                wfa[day] += 1;
                *per_person.entry(t.text(r, 1)).or_default() += 1;
            }
        }
        let exempt = policy.is_exempt(&s.master, &f.unit);
        for (d, &n) in wfa.iter().enumerate() {
            if exempt {
                assert_eq!(n, 0, "exempt {} has WFA", f.unit);
            }
            if let Some(cap) = policy.cap_on(s.days[d]) {
                assert!(
                    n * 100 <= total * cap as usize,
                    "{} day {d}: {n}/{total}",
                    f.unit
                );
            }
        }
        if let Some(limit) = policy.weekly_wfa_limit {
            // The demo days all fall in ISO weeks; a person's total over one week is bounded.
            let weeks: HashSet<_> = s.days.iter().map(|d| d.iso_week()).collect();
            for (nip, n) in per_person {
                assert!(n <= limit as usize * weeks.len(), "{nip}: {n} WFA days");
            }
        }
    }
}

#[test]
fn a_clean_demo_keeps_the_policy_everywhere() {
    let policy = lebak();
    let mut opts = DemoOptions::new(policy.clone());
    opts.faults = false;
    opts.units = 24;
    let (_dir, s) = demo("clean", &opts);
    assert!(s.faults.is_empty());
    assert!(s.not_submitted.is_empty());
    assert_eq!(s.files.len(), 24);
    for code in [
        "DINKES",
        "PKM-RANGKASBITUNG",
        "RSUD-ADJIDARMO",
        "BPBD",
        "BAPENDA",
        "DPUPR",
        "SATPOLPP-DAMKAR",
        "DINSOS",
        "DISHUB",
        "PKM-CIBADAK",
    ] {
        assert!(
            s.exempt.iter().any(|e| e == code),
            "{code} exempt under Lebak"
        );
    }
    assert!(!s.exempt.iter().any(|e| e == "SETDA"));
    assert_within_policy(&s, &policy);
    // Some WFA is planned in the normal units (the demo is not trivially all WFO).
    let readme = std::fs::read_to_string(&s.readme_path).unwrap();
    assert!(readme.contains("Tidak ada: semua jadwal sesuai Surat Edaran."));
}

#[test]
fn rejang_lebong_two_weeks_keep_caps_and_the_weekly_limit() {
    let policy = presets::by_id("rejang-lebong-2026").unwrap();
    let mut opts = DemoOptions::new(policy.clone());
    opts.faults = false;
    opts.days = 10;
    opts.units = 14;
    let (_dir, s) = demo("rejang", &opts);
    assert_eq!(s.days, calendar::working_days(&policy)[..10].to_vec());
    assert_within_policy(&s, &policy);
}

#[test]
fn same_seed_same_demo_other_seed_other_demo() {
    let opts = DemoOptions::new(lebak());
    let (_a, a) = demo("seed-a", &opts);
    let (_b, b) = demo("seed-b", &opts);
    let readme = |s: &DemoSummary| std::fs::read_to_string(&s.readme_path).unwrap();
    assert_eq!(readme(&a), readme(&b));
    let csv = |s: &DemoSummary| {
        let f = s
            .files
            .iter()
            .find(|f| f.format == FileFormat::Csv)
            .unwrap();
        std::fs::read(&f.path).unwrap()
    };
    assert_eq!(csv(&a), csv(&b));
    assert_eq!(
        std::fs::read(&a.master_path).unwrap(),
        std::fs::read(&b.master_path).unwrap(),
        "the master workbook is byte-for-byte the same"
    );
    for (fa, fb) in a.files.iter().zip(&b.files) {
        assert_eq!(
            std::fs::read(&fa.path).unwrap(),
            std::fs::read(&fb.path).unwrap()
        );
    }
    assert_eq!(a.master.employees, b.master.employees);
    let mut other = opts.clone();
    other.seed = 7;
    let (_c, c) = demo("seed-c", &other);
    assert_ne!(a.master.employees, c.master.employees);
}

#[test]
fn asking_for_more_days_than_the_period_says_so() {
    let dir = TempDir::new("days");
    let mut opts = DemoOptions::new(lebak());
    opts.days = 4;
    let err = write_demo(&opts, &dir.0).unwrap_err();
    assert!(matches!(
        err,
        DemoError::TooManyDays {
            requested: 4,
            available: 3,
            ..
        }
    ));
    assert!(
        err.to_string().contains("hanya memuat 3 hari kerja"),
        "{err}"
    );
}

#[test]
fn refuses_to_write_into_a_folder_that_already_has_schedules() {
    let dir = TempDir::new("twice");
    let opts = DemoOptions::new(lebak());
    write_demo(&opts, &dir.0).unwrap();
    let err = write_demo(&opts, &dir.0).unwrap_err();
    assert!(matches!(err, DemoError::NotEmpty(_)), "{err}");
}

#[test]
fn seventy_units_fit_and_sizes_add_up() {
    let mut opts = DemoOptions::new(lebak());
    opts.units = 70;
    opts.staff_per_unit = 6;
    let (_dir, s) = demo("seventy", &opts);
    assert_eq!(s.master.units.len(), 70);
    assert_eq!(s.master.employees.len(), 70 * 6);
    assert!(s
        .master
        .units
        .iter()
        .all(|u| s.master.staff_count(&u.code) >= 4));
    assert!(s
        .master
        .units
        .iter()
        .any(|u| u.name.starts_with("Kelurahan")));
}
