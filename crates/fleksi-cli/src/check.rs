//! `fleksi check`: not built yet (see the issue that owns it).

pub fn run(_inputs: &crate::Inputs, _json: bool) -> Result<u8, String> {
    Err("perintah 'check' belum tersedia pada versi ini".to_string())
}
