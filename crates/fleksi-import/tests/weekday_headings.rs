//! Date columns headed only by weekday names ("Senin", "Selasa", "Rabu"), as a weekly
//! template is often typed: read as the period's dates when the letter's period holds each
//! named day exactly once (the Lebak letter: Monday 29 – Wednesday 31 December 2025), said on
//! the file's line; under a longer period the file is not guessed at — `header.not_found`
//! says why, and the unit is still known from its NIPs.

mod common;

use common::{december, fixture_master, lebak, BAPELITBANGDA as STAFF};
use fleksi_core::{FindingCode, Status};

/// A `;` CSV: a title without the unit's name, then NIP, Nama and three weekday columns;
/// the second person works from anywhere on Tuesday.
fn weekly_csv() -> Vec<u8> {
    let mut text = String::from("JADWAL KERJA MINGGU INI\n\nNIP;Nama;Senin;Selasa;Rabu\n");
    for (i, (nip, name)) in STAFF.iter().enumerate() {
        let tuesday = if i == 1 { "WFA" } else { "WFO" };
        text.push_str(&format!("'{nip};{name};WFO;{tuesday};WFO\n"));
    }
    text.into_bytes()
}

#[test]
fn weekday_headings_read_as_the_short_periods_dates() {
    let s = fleksi_import::read_submission(
        "jadwal-mingguan.csv",
        &weekly_csv(),
        &lebak(),
        &fixture_master(),
    );
    assert!(!s.is_unread(), "{:?}", s.findings);
    assert_eq!(s.unit.as_deref(), Some("BAPELITBANGDA"));
    assert_eq!(s.dates, december(&[29, 30, 31]));
    assert_eq!(s.rows.len(), 4);
    let galih = &s.rows[1];
    let statuses: Vec<Option<Status>> = galih.entries.iter().map(|e| e.status).collect();
    assert_eq!(
        statuses,
        [Some(Status::Wfo), Some(Status::Wfa), Some(Status::Wfo)]
    );
    assert_eq!(galih.entries[1].cell, "D5");
    assert_eq!(
        s.notes,
        [
            "kolom C–E berjudul nama hari dibaca sebagai tanggal 29-12-2025 s.d. 31-12-2025 \
          (masa berlaku Surat Edaran memuat tiap hari itu satu kali)"
        ]
    );
}

#[test]
fn under_a_longer_period_weekday_headings_are_not_guessed() {
    let mut policy = lebak();
    policy.end = policy.start + chrono::Duration::days(20);
    let s = fleksi_import::read_submission(
        "jadwal-mingguan.csv",
        &weekly_csv(),
        &policy,
        &fixture_master(),
    );
    assert!(s.is_unread());
    assert!(s.rows.is_empty());
    assert_eq!(s.findings.len(), 1, "{:?}", s.findings);
    let f = &s.findings[0];
    assert_eq!(f.code, FindingCode::HeaderNotFound);
    assert!(
        f.message.contains(
            "Judul kolom tanggal hanya berisi nama hari (Senin, Selasa, …) dan masa berlaku \
             Surat Edaran memuat hari itu lebih dari sekali"
        ),
        "{}",
        f.message
    );
    // The unit comes from the NIPs: the unread file shows under Bapelitbangda.
    assert_eq!(s.unit.as_deref(), Some("BAPELITBANGDA"));
}
