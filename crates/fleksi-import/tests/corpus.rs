//! Every file of the shared real-world corpus (`../shared/corpus`: 3,000 spreadsheets from
//! other projects' test suites, including fuzzer crashes, bombs, encrypted and looping OLE
//! files) goes through `read_submission`: no panic, no hang, and every failure is a
//! `file.unreadable` finding with a message naming the file.

use fleksi_core::{presets, FindingCode, Master};
use std::path::PathBuf;
use std::time::{Duration, Instant};

fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus")
}

#[test]
fn the_whole_corpus_reads_without_panic_or_hang() {
    let Some(dir) = fleksi_testkit::data_dir(&corpus_dir(), "the shared corpus") else {
        return;
    };
    let all = fleksi_testkit::files_under(&dir, &|p| p.extension().is_some_and(|x| x != "md"));
    assert!(all.len() > 2_000, "corpus incomplete: {} files", all.len());
    let policy = presets::by_id("lebak-2025-12").expect("preset");
    let master = Master::default();
    let started = Instant::now();
    let mut unreadable = 0usize;
    let mut slowest = (Duration::ZERO, PathBuf::new());
    // Batches keep memory bounded; read_submissions parses each batch in parallel.
    for batch in all.chunks(64) {
        let loaded: Vec<(String, Vec<u8>)> = batch
            .iter()
            .map(|p| {
                let name = p.strip_prefix(&dir).unwrap_or(p).display().to_string();
                (name, std::fs::read(p).unwrap_or_default())
            })
            .collect();
        let t = Instant::now();
        let subs = fleksi_import::read_submissions(&loaded, &policy, &master);
        if t.elapsed() > slowest.0 {
            slowest = (t.elapsed(), batch[0].clone());
        }
        for (sub, (name, _)) in subs.iter().zip(&loaded) {
            assert_eq!(&sub.file, name);
            if let Some(f) = sub
                .findings
                .iter()
                .find(|f| f.code == FindingCode::FileUnreadable)
            {
                unreadable += 1;
                assert!(sub.rows.is_empty(), "{name}: rows despite file.unreadable");
                assert!(
                    f.message.contains(name.as_str()),
                    "{name}: message does not name the file: {}",
                    f.message
                );
            }
        }
    }
    eprintln!(
        "{} files, {unreadable} unreadable, {:?} total, slowest batch {:?} from {}",
        all.len(),
        started.elapsed(),
        slowest.0,
        slowest.1.display()
    );
    // The known hostile files are refused, not parsed.
    for hostile in [
        "phpspreadsheet/tests/data/Reader/XLS/oleloop.xls",
        "poi/test-data/spreadsheet/Simple.xlsb",
    ] {
        let bytes = std::fs::read(dir.join(hostile)).unwrap_or_default();
        let sub = fleksi_import::read_submission(hostile, &bytes, &policy, &master);
        assert_eq!(sub.findings.len(), 1, "{hostile}: {:?}", sub.findings);
        assert_eq!(sub.findings[0].code, FindingCode::FileUnreadable);
        if hostile.ends_with("oleloop.xls") {
            // Refused by the structural check, not by the time limit.
            assert!(
                sub.findings[0].message.contains("struktur OLE rusak"),
                "{}",
                sub.findings[0].message
            );
        }
    }
}
