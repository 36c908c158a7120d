//! `fleksi template`: not built yet (see the issue that owns it).

pub fn run(
    _policy: &str,
    _master: &std::path::Path,
    _unit: Option<&str>,
    _all: bool,
    _out: &std::path::Path,
) -> Result<u8, String> {
    Err("perintah 'template' belum tersedia pada versi ini".to_string())
}
