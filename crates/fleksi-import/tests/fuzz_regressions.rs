//! Every input a fuzzer crashed on (`tests/fixtures/fuzz/<target>/`, see its README) runs
//! again through the very entry point of its fuzz target (`fuzz/src/targets.rs`, included
//! below), each on its own thread within a time limit: no panic, no hang.

#[allow(dead_code)]
#[path = "../../../fuzz/src/targets.rs"]
mod targets;

use std::path::PathBuf;
use std::sync::mpsc;
use std::time::Duration;

/// Longest a single input may take (a debug build on a busy 2-core machine).
const LIMIT: Duration = Duration::from_secs(30);

#[test]
fn every_fuzz_regression_runs_clean_and_in_time() {
    fleksi_import::quiet_parser_panics();
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/fuzz");
    let mut ran = Vec::new();
    for (target, run) in targets::TARGETS {
        let Ok(entries) = std::fs::read_dir(root.join(target)) else {
            continue;
        };
        let mut files: Vec<PathBuf> = entries.map(|e| e.expect("entry").path()).collect();
        files.sort();
        for file in files {
            let bytes = std::fs::read(&file).expect("regression file");
            let (tx, rx) = mpsc::channel();
            let name = file.display().to_string();
            std::thread::spawn(move || {
                run(&bytes);
                let _ = tx.send(());
            });
            match rx.recv_timeout(LIMIT) {
                Ok(()) => ran.push(format!(
                    "{target}/{}",
                    file.file_name().unwrap().to_string_lossy()
                )),
                Err(mpsc::RecvTimeoutError::Timeout) => panic!("{name}: longer than {LIMIT:?}"),
                Err(mpsc::RecvTimeoutError::Disconnected) => {
                    panic!("{name}: the {target} target panicked")
                }
            }
        }
    }
    assert!(
        !ran.is_empty(),
        "no regression file under {}",
        root.display()
    );
    eprintln!("fuzz regressions replayed: {ran:?}");
}
