//! The clerk's column mapping on files the automatic reader refuses: the refusal is real,
//! the preview and its guess are what the dialog starts from, a mapping reads the file into
//! the same rows and findings as any schedule, and a mapping that does not fit is refused
//! with its reason.

mod common;

use common::{december, fixture_master, lebak, BAPELITBANGDA};
use fleksi_core::{rules, FindingCode, Layout, Status, Submission};
use fleksi_import::{
    preview, read_workbook, read_workbook_mapped, ColumnChoice, ColumnMapping, ColumnRole, Opener,
};
use rust_xlsxwriter::Workbook;

/// A long-layout workbook as an OPD wrote it: free text in rows 1–3, the headings in row 7
/// are words no synonym list has, and two columns hold dates (the working day and the day
/// the row was written), so no reader can tell the schedule's date column by itself.
/// Three of Bapelitbangda's 4 ASN are WFA on 30-12 (two allowed); Mulyadi's 31-12 is "WFX".
fn unreadable_long() -> Vec<u8> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Rencana").expect("sheet name");
    let text = [
        (0, "Rencana kerja minggu terakhir Desember"),
        (1, "Disusun oleh sub bagian umum dan kepegawaian"),
        (2, "Catatan: diisi sesuai arahan pimpinan"),
    ];
    for (row, t) in text {
        sheet.write_string(row, 0, t).expect("write");
    }
    for (c, h) in ["Identitas", "Pegawai", "Kapan", "Dicatat pada", "Rencana"]
        .iter()
        .enumerate()
    {
        sheet.write_string(6, c as u16, *h).expect("write");
    }
    let plan = [
        ["WFO", "WFA", "WFO"],
        ["WFO", "WFA", "WFO"],
        ["WFA", "WFA", "WFO"],
        ["WFO", "WFO", "WFX"],
    ];
    let mut row = 7;
    for (i, (nip, name)) in BAPELITBANGDA.iter().enumerate() {
        for (d, day) in [29, 30, 31].iter().enumerate() {
            sheet.write_string(row, 0, *nip).expect("write");
            sheet.write_string(row, 1, *name).expect("write");
            sheet
                .write_string(row, 2, format!("{day}-12-2025"))
                .expect("write");
            sheet.write_string(row, 3, "22-12-2025").expect("write");
            sheet.write_string(row, 4, plan[i][d]).expect("write");
            row += 1;
        }
    }
    book.save_to_buffer().expect("xlsx")
}

/// A wide CSV whose day headings are weekday names: the dates must come from the clerk.
const WIDE_WEEKDAYS: &str = "NIP;Nama;Senin;Selasa;Rabu\n\
'197701012002121001;dr. Budi Santoso;WFO;WFA;WFO\n\
'198202022008012002;Siti Ma'rifah;WFA;WFO;Cuti\n\
'199005052014031003;Yusuf Maulana;WFO;WFO;WFO\n";

fn col(column: &str, role: ColumnRole) -> ColumnChoice {
    ColumnChoice {
        column: column.into(),
        role,
        date: None,
    }
}

fn day(column: &str, d: u32) -> ColumnChoice {
    ColumnChoice {
        column: column.into(),
        role: ColumnRole::Day,
        date: december(&[d]).first().copied(),
    }
}

fn long_mapping() -> ColumnMapping {
    ColumnMapping {
        sheet: None,
        header_row: Some(7),
        first_data_row: 8,
        columns: vec![
            col("A", ColumnRole::Nip),
            col("B", ColumnRole::Name),
            col("C", ColumnRole::Date),
            col("D", ColumnRole::Ignore),
            col("E", ColumnRole::Status),
        ],
        unit: None,
    }
}

fn only(subs: Vec<Submission>) -> Submission {
    assert_eq!(subs.len(), 1, "one submission");
    subs.into_iter().next().expect("one")
}

#[test]
fn the_automatic_reader_refuses_both_files_where_weekdays_cannot_be_dated() {
    let (policy, master) = (lebak(), fixture_master());
    let long = only(read_workbook(
        "bapelitbangda-rencana.xlsx",
        &unreadable_long(),
        &policy,
        &master,
    ));
    assert!(long.is_unread());
    let f = &long.findings[0];
    assert_eq!(f.code, FindingCode::HeaderNotFound);
    // Headings in no synonym list: the content reading never takes row 7 for the header
    // row, and read as data from the first filled row, the headings are no data.
    assert_eq!(f.cell, None);
    assert_eq!(
        long.unit.as_deref(),
        Some("BAPELITBANGDA"),
        "unit from the file name"
    );
    // Weekday headings are dates only where the letter's period holds each day once: the
    // Lebak letter (29–31 December, Monday to Wednesday) dates them; three weeks do not.
    let wide = only(read_workbook(
        "dinkes-pekan.csv",
        WIDE_WEEKDAYS.as_bytes(),
        &policy,
        &master,
    ));
    assert_eq!(wide.dates, december(&[29, 30, 31]));
    let mut longer = policy.clone();
    longer.end = longer.start + chrono::Duration::days(20);
    let wide = only(read_workbook(
        "dinkes-pekan.csv",
        WIDE_WEEKDAYS.as_bytes(),
        &longer,
        &master,
    ));
    assert!(wide.is_unread());
    assert_eq!(wide.findings[0].code, FindingCode::HeaderNotFound);
}

#[test]
fn the_preview_shows_the_first_rows_and_guesses_only_what_is_plain() {
    let p = preview(
        &Opener::default(),
        "bapelitbangda-rencana.xlsx",
        &unreadable_long(),
        &lebak(),
        None,
    )
    .expect("preview");
    assert_eq!(p.sheets, ["Rencana"]);
    assert_eq!(p.columns, ["A", "B", "C", "D", "E"]);
    // All 19 rows: the sheet is shorter than the preview.
    assert_eq!(p.row_numbers, (1..=19).collect::<Vec<u32>>());
    assert_eq!(p.cells[0][0], "Rencana kerja minggu terakhir Desember");
    assert_eq!(
        p.cells[6],
        ["Identitas", "Pegawai", "Kapan", "Dicatat pada", "Rencana"]
    );
    assert_eq!(p.cells[7][2], "29-12-2025");
    assert_eq!(p.guess.header_row, Some(7));
    assert_eq!(p.guess.first_data_row, 8);
    let roles: Vec<ColumnRole> = p.guess.columns.iter().map(|c| c.role).collect();
    // Two date columns: neither is guessed.
    assert_eq!(
        roles,
        [
            ColumnRole::Nip,
            ColumnRole::Ignore,
            ColumnRole::Ignore,
            ColumnRole::Ignore,
            ColumnRole::Status
        ]
    );
}

#[test]
fn a_long_mapping_reads_the_rows_with_the_usual_findings() {
    let (policy, master) = (lebak(), fixture_master());
    let sub = only(
        read_workbook_mapped(
            &Opener::default(),
            "bapelitbangda-rencana.xlsx",
            &unreadable_long(),
            &policy,
            &master,
            &long_mapping(),
        )
        .expect("the mapping fits"),
    );
    assert_eq!(sub.unit.as_deref(), Some("BAPELITBANGDA"));
    assert_eq!(sub.layout, Layout::Long);
    assert_eq!(sub.sheet, "Rencana");
    assert_eq!(sub.rows.len(), 4);
    assert_eq!(sub.dates, december(&[29, 30, 31]));
    assert_eq!(sub.rows[0].nip_cell, "A8");
    let statuses: Vec<Option<Status>> = sub.rows[0].entries.iter().map(|e| e.status).collect();
    assert_eq!(
        statuses,
        [Some(Status::Wfo), Some(Status::Wfa), Some(Status::Wfo)]
    );
    let found: Vec<(&str, &str)> = sub
        .findings
        .iter()
        .map(|f| (f.code.as_str(), f.cell.as_deref().unwrap_or("")))
        .collect();
    assert_eq!(found, [("status.unknown", "E19")]);
    assert_eq!(sub.findings[0].sheet.as_deref(), Some("Rencana"));
    assert_eq!(
        sub.findings[0].file.as_deref(),
        Some("bapelitbangda-rencana.xlsx")
    );
    assert!(
        sub.notes[0].starts_with("dibaca dengan pemetaan kolom: baris judul 7; A NIP"),
        "{:?}",
        sub.notes
    );
    let (findings, _) = rules::validate(&policy, &master, &[sub]);
    let over: Vec<(Option<&str>, Option<chrono::NaiveDate>)> = findings
        .iter()
        .filter(|f| f.code == FindingCode::WfaQuotaExceeded)
        .map(|f| (f.unit.as_deref(), f.date))
        .collect();
    assert_eq!(
        over,
        [(Some("BAPELITBANGDA"), december(&[30]).first().copied())]
    );
}

#[test]
fn a_wide_mapping_takes_the_clerks_dates_and_the_clerks_unit() {
    let (policy, master) = (lebak(), fixture_master());
    let mut mapping = ColumnMapping {
        // Named after last week's workbook: a file of one sheet reads that sheet.
        sheet: Some("Pekan lalu".into()),
        header_row: Some(1),
        first_data_row: 2,
        columns: vec![
            col("A", ColumnRole::Nip),
            col("B", ColumnRole::Name),
            day("C", 29),
            day("D", 30),
            day("E", 31),
        ],
        unit: Some("DINKES".into()),
    };
    let sub = only(
        read_workbook_mapped(
            &Opener::default(),
            "pekan.csv",
            WIDE_WEEKDAYS.as_bytes(),
            &policy,
            &master,
            &mapping,
        )
        .expect("fits"),
    );
    assert_eq!(sub.unit.as_deref(), Some("DINKES"));
    assert_eq!(sub.layout, Layout::Wide);
    assert_eq!(sub.dates, december(&[29, 30, 31]));
    assert_eq!(sub.date_cells, ["C1", "D1", "E1"]);
    assert_eq!(sub.rows.len(), 3);
    assert_eq!(sub.rows[1].entries[2].status, Some(Status::Cuti));
    assert!(sub.findings.is_empty(), "{:?}", sub.findings);
    // Without the clerk's date the weekday heading is refused, naming its cell.
    mapping.columns[2].date = None;
    let err = read_workbook_mapped(
        &Opener::default(),
        "pekan.csv",
        WIDE_WEEKDAYS.as_bytes(),
        &policy,
        &master,
        &mapping,
    )
    .expect_err("a weekday is no date");
    assert!(err.0.contains("sel C1: 'Senin'"), "{err}");
}

/// One change to the fitting mapping.
type Change = Box<dyn Fn(&mut ColumnMapping)>;

#[test]
fn a_mapping_that_does_not_fit_is_refused_with_its_reason() {
    let (policy, master) = (lebak(), fixture_master());
    let bytes = unreadable_long();
    let refused = |change: &dyn Fn(&mut ColumnMapping)| {
        let mut m = long_mapping();
        change(&mut m);
        read_workbook_mapped(
            &Opener::default(),
            "bapelitbangda-rencana.xlsx",
            &bytes,
            &policy,
            &master,
            &m,
        )
        .expect_err("refused")
        .0
    };
    let cases: Vec<(&str, Change)> = vec![
        (
            "belum menandai kolom NIP",
            Box::new(|m| m.columns[0].role = ColumnRole::Ignore),
        ),
        (
            "Kolom Z di luar tabel",
            Box::new(|m| m.columns.push(col("Z", ColumnRole::Approval))),
        ),
        (
            "Kolom tanggal hanya boleh satu; dipilih kolom C dan D",
            Box::new(|m| m.columns[3].role = ColumnRole::Date),
        ),
        (
            "belum menandai kolom keterangan",
            Box::new(|m| m.columns[4].role = ColumnRole::Ignore),
        ),
        ("bukan keduanya", Box::new(|m| m.columns[3] = day("D", 29))),
        (
            "Baris judul 40 di luar tabel",
            Box::new(|m| {
                m.header_row = Some(40);
                m.first_data_row = 41;
            }),
        ),
        (
            "Unit 'DINSOS' tidak ada dalam data pegawai",
            Box::new(|m| m.unit = Some("DINSOS".into())),
        ),
        // The "dicatat pada" dates as NIPs: no staff row at all.
        (
            "tidak ada baris pegawai yang terbaca",
            Box::new(|m| {
                m.columns[0].role = ColumnRole::Ignore;
                m.columns[1].role = ColumnRole::Ignore;
                m.columns[3].role = ColumnRole::Nip;
            }),
        ),
        // The names as dates: rows, but not one date.
        (
            "tidak ada tanggal yang terbaca",
            Box::new(|m| {
                m.columns[1].role = ColumnRole::Date;
                m.columns[2].role = ColumnRole::Ignore;
            }),
        ),
    ];
    for (want, change) in cases {
        let message = refused(change.as_ref());
        assert!(message.contains(want), "want {want:?}, got {message:?}");
    }
}
