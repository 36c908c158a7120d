//! The recap workbook read back by two independent readers: calamine (every sheet) and
//! LibreOffice headless (Rekap per Unit converted to CSV); both must equal the recap.

mod common;

use calamine::{open_workbook_from_rs, Data, DataType, Reader, Xlsx};
use common::{path_str, tool, write_tmp};
use fleksi_core::{Finding, FindingCode, Verdict};
use fleksi_report::xlsx::{recap_workbook, HEADER_ROW};
use std::io::Cursor;

fn finding() -> Finding {
    Finding::new(
        FindingCode::WfaQuotaExceeded,
        "WFA 9 dari 12 ASN = 75 % > 50 %",
        "Ubah sebagian WFA menjadi WFO",
    )
    .at("diskominfo.xlsx", "Jadwal", "F12")
    .unit(Some("DISKOMINFO"))
    .nip("199001012015031001")
}

#[test]
fn calamine_reads_back_the_recap_numbers() {
    let policy = common::policy();
    let (_, recap) = common::regency(5, 12, &common::days());
    let bytes = recap_workbook(&policy, &recap, &[finding()]).expect("xlsx");
    let mut wb: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).expect("opens");
    assert_eq!(
        wb.sheet_names(),
        vec![
            "Ringkasan",
            "Rekap per Unit",
            "Detail Pegawai",
            "Temuan",
            "Belum Mengirim"
        ]
    );
    let range = wb.worksheet_range("Rekap per Unit").expect("sheet");
    let rows: Vec<&[Data]> = range.rows().skip(HEADER_ROW as usize + 1).collect();
    let expected: Vec<_> = recap
        .units
        .iter()
        .flat_map(|u| u.days.iter().enumerate().map(move |(i, d)| (u, i, d)))
        .collect();
    assert_eq!(rows.len(), expected.len());
    for (row, (u, i, d)) in rows.iter().zip(expected) {
        assert_eq!(row[0].to_string(), u.code);
        assert_eq!(row[4].get_float(), Some(f64::from(u.total_staff)));
        if d.verdict == Verdict::NotSubmitted {
            assert_eq!(row[6], Data::Empty);
        } else {
            assert_eq!(row[5].get_float(), Some(f64::from(d.wfo)));
            assert_eq!(row[6].get_float(), Some(f64::from(d.wfa)));
            assert_eq!(row[7].get_float(), Some(f64::from(d.other)));
            let share = row[8].get_float().expect("share");
            assert!((share * 100.0 - u.share(i)).abs() < 1e-9);
        }
        assert_eq!(row[10].to_string(), d.verdict.label());
    }
    // NIPs are text with all 18 digits.
    let detail = wb.worksheet_range("Detail Pegawai").expect("sheet");
    let nips: Vec<String> = detail
        .rows()
        .skip(HEADER_ROW as usize + 1)
        .map(|r| match &r[3] {
            Data::String(s) => s.clone(),
            other => panic!("NIP not text: {other:?}"),
        })
        .collect();
    let want: Vec<String> = recap
        .units
        .iter()
        .flat_map(|u| u.staff.iter().map(|s| s.nip.as_str().to_string()))
        .collect();
    assert_eq!(nips, want);
    let temuan = wb.worksheet_range("Temuan").expect("sheet");
    let row = temuan
        .rows()
        .nth(HEADER_ROW as usize + 1)
        .expect("finding row");
    assert_eq!(row[1].to_string(), "WFA melebihi batas harian");
    assert_eq!(row[10].to_string(), "wfa.quota_exceeded");
    assert_eq!(row[4].to_string(), "F12");
    assert_eq!(row[6].to_string(), "199001012015031001");
    let belum = wb.worksheet_range("Belum Mengirim").expect("sheet");
    let codes: Vec<String> = belum
        .rows()
        .skip(HEADER_ROW as usize + 1)
        .map(|r| r[1].to_string())
        .collect();
    let want: Vec<String> = recap.not_submitted().map(|u| u.code.clone()).collect();
    assert_eq!(codes, want);
    assert!(!want.is_empty());
}

#[test]
fn libreoffice_opens_the_workbook_and_sees_the_same_numbers() {
    let policy = common::policy();
    let (_, recap) = common::regency(4, 9, &common::days());
    let bytes = recap_workbook(&policy, &recap, &[]).expect("xlsx");
    let path = write_tmp("rekap.xlsx", &bytes);
    let dir = path.parent().expect("dir").join("lo");
    let _ = std::fs::create_dir_all(&dir);
    let profile = format!(
        "-env:UserInstallation=file://{}",
        dir.join("profile").display()
    );
    // Sheet 2 (Rekap per Unit) as UTF-8 CSV.
    let Some(out) = tool(
        "soffice",
        &[
            &profile,
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,2",
            "--outdir",
            path_str(&dir),
            path_str(&path),
        ],
    ) else {
        return;
    };
    assert!(
        out.status.success(),
        "soffice: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let csv_path = std::fs::read_dir(&dir)
        .expect("outdir")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "csv"))
        .expect("a CSV was written");
    let csv = std::fs::read_to_string(&csv_path).expect("csv");
    let lines: Vec<Vec<String>> = csv
        .lines()
        .skip(HEADER_ROW as usize + 1)
        .map(parse_csv_line)
        .collect();
    let mut n = 0;
    for u in &recap.units {
        for d in &u.days {
            let row = &lines[n];
            n += 1;
            assert_eq!(row[0], u.code);
            assert_eq!(row[2], fleksi_core::fmt_id::date_short(d.date));
            assert_eq!(row[4], u.total_staff.to_string());
            if d.verdict != Verdict::NotSubmitted {
                assert_eq!(row[5], d.wfo.to_string(), "WFO of {} {}", u.code, d.date);
                assert_eq!(row[6], d.wfa.to_string());
                assert_eq!(row[7], d.other.to_string());
            }
            assert_eq!(row[10], d.verdict.label());
        }
    }
    assert_eq!(
        n,
        lines
            .iter()
            .filter(|l| !l.iter().all(String::is_empty))
            .count()
    );
}

fn parse_csv_line(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                cur.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            ',' if !quoted => out.push(std::mem::take(&mut cur)),
            _ => cur.push(c),
        }
    }
    out.push(cur);
    out
}

/// A finding whose message wraps gets a row tall enough for it (neither Excel nor
/// LibreOffice grows rows for wrapped text a program wrote); a short one keeps the default.
#[test]
fn wrapped_finding_rows_are_tall_enough() {
    let policy = common::policy();
    let (_, recap) = common::regency(2, 4, &common::days());
    let long = Finding::new(
        FindingCode::StatusUnknown,
        "Keterangan 'Kantor/Rumah' pada sel F12 tidak dikenal; ".repeat(6),
        "Gunakan salah satu kode: WFO, WFA.",
    )
    .at("dinkes.xlsx", "Jadwal", "F12");
    let bytes = recap_workbook(&policy, &recap, &[finding(), long]).expect("xlsx");
    // Temuan is the fourth sheet; its findings start on the row after the header.
    let xml = fleksi_testkit::zip_part(&bytes, "xl/worksheets/sheet4.xml").expect("Temuan");
    let row = |n: u32| {
        let start = xml
            .find(&format!("<row r=\"{n}\""))
            .unwrap_or_else(|| panic!("row {n} in {xml}"));
        xml[start..start + xml[start..].find('>').expect("tag end")].to_string()
    };
    let first = HEADER_ROW + 2;
    assert!(!row(first).contains("customHeight"), "{}", row(first));
    let tall = row(first + 1);
    assert!(tall.contains("customHeight=\"1\""), "{tall}");
    let height: f64 = tall
        .split("ht=\"")
        .nth(1)
        .and_then(|t| t.split('"').next())
        .and_then(|h| h.parse().ok())
        .expect("a height");
    // 324 characters at ~55 per line: six or seven lines of 15 points.
    assert!((90.0..=105.0).contains(&height), "{height}");
}

/// The CLI names files by the path it was given; the recap names them by file name, so the
/// same files give the same workbook whatever folder (or Windows drive) they were read from.
#[test]
fn findings_name_the_file_not_the_folder_it_was_read_from() {
    let policy = common::policy();
    let (_, recap) = common::regency(2, 4, &common::days());
    let unreadable = |path: &str| {
        Finding::new(
            FindingCode::FileUnreadable,
            format!("berkas '{path}' tidak dapat dibaca: isi berkas rusak atau tidak didukung"),
            "Simpan ulang sebagai .xlsx, lalu impor lagi.",
        )
        .in_file(path)
    };
    let sheet = |path: &str| {
        let bytes = recap_workbook(&policy, &recap, &[finding(), unreadable(path)]).expect("xlsx");
        let mut wb: Xlsx<_> = open_workbook_from_rs(Cursor::new(&bytes)).expect("opens");
        let temuan = wb.worksheet_range("Temuan").expect("sheet");
        let row: Vec<String> = temuan
            .rows()
            .nth(HEADER_ROW as usize + 2)
            .expect("finding row")
            .iter()
            .map(|c| c.to_string())
            .collect();
        let xml = fleksi_testkit::zip_part(&bytes, "xl/worksheets/sheet4.xml").expect("Temuan");
        (row, xml)
    };
    let (linux, linux_xml) = sheet("/home/operator/Unduhan/Jadwal OPD Desember/import/rusak.xlsx");
    let (windows, windows_xml) = sheet(r"Z:\Jadwal\rusak.xlsx");
    assert_eq!(linux[2], "rusak.xlsx");
    assert_eq!(
        linux[8],
        "berkas 'rusak.xlsx' tidak dapat dibaca: isi berkas rusak atau tidak didukung"
    );
    assert_eq!(linux, windows);
    assert_eq!(
        linux_xml, windows_xml,
        "widths and heights follow the text shown"
    );
}
