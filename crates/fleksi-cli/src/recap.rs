//! `fleksi recap`: not built yet (see the issue that owns it).

pub fn run(
    _inputs: &crate::Inputs,
    _pdf: Option<&std::path::Path>,
    _xlsx: Option<&std::path::Path>,
    _paper: &str,
) -> Result<u8, String> {
    Err("perintah 'recap' belum tersedia pada versi ini".to_string())
}
