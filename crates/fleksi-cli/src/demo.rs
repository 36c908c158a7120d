//! `fleksi demo`: not built yet (see the issue that owns it).

pub fn run(
    _units: usize,
    _staff: usize,
    _days: usize,
    _out: &std::path::Path,
) -> Result<u8, String> {
    Err("perintah 'demo' belum tersedia pada versi ini".to_string())
}
