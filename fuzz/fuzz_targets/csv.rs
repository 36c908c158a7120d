//! Fuzz target `csv`: see `fuzz/src/targets.rs`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| fleksi_fuzz::targets::csv(data));
