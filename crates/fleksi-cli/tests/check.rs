//! `fleksi check` over the import fixtures (`tests/fixtures/import/`: files written by
//! openpyxl, LibreOffice and Gnumeric, and CSVs in Windows-1252 and UTF-8 with BOM): the
//! JSON reports exactly the planted faults and no others, the text report is grouped by
//! unit, and the exit status follows design §5.

use serde_json::Value;

mod common;

use common::fleksi;

const FIXTURES: [&str; 6] = [
    "check",
    "--policy",
    "lebak-2025-12",
    "--master",
    "tests/fixtures/import/master.xlsx",
    "tests/fixtures/import/",
];

fn base(path: &Value) -> String {
    path.as_str()
        .unwrap_or("")
        .rsplit('/')
        .next()
        .unwrap_or("")
        .to_string()
}

#[test]
fn json_reports_exactly_the_planted_faults() {
    let mut args = FIXTURES.to_vec();
    args.insert(1, "--json");
    let (code, stdout, stderr) = fleksi(&args);
    assert_eq!(code, 1, "errors found → exit 1; stderr: {stderr}");
    assert!(stderr.is_empty(), "nothing on stderr: {stderr}");
    let v: Value = serde_json::from_str(&stdout).expect("one JSON object");
    assert_eq!(v["policy"], "lebak-2025-12");

    let files: Vec<(String, Value, Value, u64)> = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                base(&f["path"]),
                f["unit"].clone(),
                f["layout"].clone(),
                f["rows"].as_u64().unwrap(),
            )
        })
        .collect();
    let s = |x: &str| Value::String(x.to_string());
    assert_eq!(
        files,
        [
            ("bapelitbangda.csv".into(), s("BAPELITBANGDA"), s("wide"), 5),
            ("bkpsdm.xls".into(), s("BKPSDM"), s("wide"), 5),
            ("dinkes.csv".into(), s("DINKES"), s("long"), 3),
            ("disdikbud.ods".into(), s("DISDIKBUD"), s("wide"), 4),
            ("diskominfo.xlsx".into(), s("DISKOMINFO"), s("wide"), 6),
            ("jadwal_kecamatan.xls".into(), s("KEC-RKB"), s("wide"), 3),
            ("rusak.xlsx".into(), Value::Null, Value::Null, 0),
        ]
    );

    let mut issues: Vec<(String, String, String, String, String, String)> = v["issues"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            let text = |k: &str| i[k].as_str().unwrap_or("").to_string();
            (
                base(&i["file"]),
                text("code"),
                text("severity"),
                text("date"),
                text("nip"),
                text("unit"),
            )
        })
        .collect();
    issues.sort();
    let t = |f: &str, c: &str, sev: &str, d: &str, n: &str, u: &str| {
        (f.into(), c.into(), sev.into(), d.into(), n.into(), u.into())
    };
    assert_eq!(
        issues,
        [
            t(
                "bapelitbangda.csv",
                "nip.unknown",
                "error",
                "",
                "199707072021031019",
                "BAPELITBANGDA"
            ),
            t(
                "bkpsdm.xls",
                "wfa.quota_exceeded",
                "error",
                "2025-12-31",
                "",
                "BKPSDM"
            ),
            t(
                "dinkes.csv",
                "wfa.exempt_unit",
                "error",
                "2025-12-30",
                "198202022008012002",
                "DINKES"
            ),
            t(
                "disdikbud.ods",
                "employee.missing",
                "warning",
                "",
                "198606062011012006",
                "DISDIKBUD"
            ),
            t(
                "disdikbud.ods",
                "nip.invalid",
                "error",
                "",
                "19860606201101200",
                "DISDIKBUD"
            ),
            t(
                "diskominfo.xlsx",
                "nip.precision_lost",
                "warning",
                "",
                "199512242020121008",
                "DISKOMINFO"
            ),
            t(
                "diskominfo.xlsx",
                "status.unknown",
                "error",
                "2025-12-30",
                "198807202012121001",
                "DISKOMINFO"
            ),
            t("rusak.xlsx", "file.unreadable", "error", "", "", ""),
        ]
    );
    // Import findings carry their sheet and cell.
    let cell_of = |code: &str| {
        v["issues"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["code"] == code)
            .map(|i| (i["sheet"].clone(), i["cell"].clone()))
            .unwrap()
    };
    assert_eq!(cell_of("status.unknown"), (s("Jadwal"), s("I9")));
    assert_eq!(cell_of("nip.precision_lost"), (s("Jadwal"), s("B12")));
    assert_eq!(cell_of("nip.invalid"), (s("Disdikbud"), s("B7")));
    assert_eq!(cell_of("wfa.exempt_unit"), (s("CSV"), s("D7")));
    assert!(v["issues"]
        .as_array()
        .unwrap()
        .iter()
        .all(|i| !i["message"].as_str().unwrap_or("").is_empty()));

    // Counts: DISKOMINFO 6 ASN, the recovered NIP counted, the unknown status not.
    let units = v["units"].as_array().unwrap();
    let unit = |code: &str| units.iter().find(|u| u["code"] == code).unwrap();
    let kominfo = unit("DISKOMINFO");
    assert_eq!(kominfo["total_staff"], 6);
    assert_eq!(kominfo["submitted"], true);
    let days: Vec<(String, u64, u64, u64)> = kominfo["days"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["date"].as_str().unwrap().to_string(),
                d["wfo"].as_u64().unwrap(),
                d["wfa"].as_u64().unwrap(),
                d["other"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        days,
        [
            ("2025-12-29".into(), 3, 3, 0),
            ("2025-12-30".into(), 3, 2, 0),
            ("2025-12-31".into(), 4, 2, 0),
        ]
    );
    assert_eq!(unit("BKPSDM")["days"][2]["wfa"], 3);
    assert_eq!(unit("BKPSDM")["days"][0]["other"], 1);
}

#[test]
fn text_report_is_grouped_by_unit_in_indonesian() {
    let (code, stdout, _) = fleksi(&FIXTURES);
    assert_eq!(code, 1);
    assert!(
        stdout.contains("== Dinas Komunikasi dan Informatika (DISKOMINFO) — 6 ASN; Sudah mengirim")
    );
    assert!(stdout.contains("[Kesalahan] Keterangan tidak dikenali (status.unknown) — "));
    assert!(stdout.contains(
        "[Peringatan] NIP terpotong karena diketik sebagai angka (nip.precision_lost) — "
    ));
    assert!(stdout.contains("== Berkas tanpa unit yang dikenali"));
    assert!(stdout.contains("Ringkasan: 7 berkas, 6 kesalahan, 2 peringatan."));
}

#[test]
fn a_clean_file_exits_zero_and_bad_input_exits_two() {
    let (code, stdout, _) = fleksi(&[
        "check",
        "--policy",
        "lebak-2025-12",
        "--master",
        "tests/fixtures/import/master.xlsx",
        "--json",
        "tests/fixtures/import/jadwal_kecamatan.xls",
    ]);
    assert_eq!(code, 0, "{stdout}");
    let v: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v["issues"].as_array().unwrap().len(), 0);

    let (code, _, stderr) = fleksi(&[
        "check",
        "--policy",
        "lebak-2025-12",
        "--master",
        "tests/fixtures/import/rusak.xlsx",
        "tests/fixtures/import/",
    ]);
    assert_eq!(code, 2);
    assert!(stderr.contains("rusak.xlsx"), "{stderr}");

    let (code, _, stderr) = fleksi(&[
        "check",
        "--policy",
        "tidak-ada",
        "--master",
        "tests/fixtures/import/master.xlsx",
        "tests/fixtures/import/",
    ]);
    assert_eq!(code, 2);
    assert!(stderr.contains("tidak-ada"), "{stderr}");
}
