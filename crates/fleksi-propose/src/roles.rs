//! What a position (jabatan) tells the proposer: whether the person heads something (kepala,
//! sekretaris, kabid, camat, lurah, direktur, inspektur, …) and which bidang the position
//! names. The master has no separate columns for either, so both are read from the text.

/// Words that start a head's position (after an optional `Plt.`/`Plh.`), compared on
/// lower-case letters only.
const HEAD_STARTS: [&str; 17] = [
    "kepala",
    "sekretaris",
    "kabid",
    "kabag",
    "kasubbag",
    "kasubag",
    "kasi",
    "kadis",
    "kaban",
    "sekdis",
    "sekcam",
    "camat",
    "lurah",
    "direktur",
    "wakil direktur",
    "inspektur",
    "asisten",
];

/// Words after which a position names its bidang (`Kepala Bidang Pelayanan`, `Analis pada
/// Bidang Anggaran`).
const BIDANG_WORDS: [&str; 2] = ["bidang", "kabid"];

/// Lower-case words of a text (letters and digits; everything else separates).
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Whether the position is a head's (structural leader of a unit, bagian, bidang or seksi).
pub fn is_head(position: &str) -> bool {
    let mut w = words(position);
    if matches!(w.first().map(String::as_str), Some("plt" | "plh")) {
        w.remove(0);
    }
    HEAD_STARTS.iter().any(|start| {
        let s: Vec<&str> = start.split(' ').collect();
        w.len() >= s.len() && w.iter().zip(&s).all(|(a, b)| a == b)
    })
}

/// The bidang a position names, in lower case (`Kepala Bidang Pelayanan Medik` →
/// `pelayanan medik`); `None` when it names none.
pub fn bidang(position: &str) -> Option<String> {
    let w = words(position);
    let at = w.iter().position(|x| BIDANG_WORDS.contains(&x.as_str()))?;
    let rest = &w[at + 1..];
    (!rest.is_empty()).then(|| rest.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heads_by_their_titles() {
        for p in [
            "Kepala Dinas Kesehatan",
            "Sekretaris Kecamatan",
            "Camat Rangkasbitung",
            "Lurah Muara Ciujung Timur",
            "Plt. Kepala Bidang Anggaran",
            "Kabid Pelayanan",
            "Direktur RSUD dr. Adjidarmo",
            "Wakil Direktur Pelayanan",
            "Inspektur",
            "Kepala Subbagian Umum dan Kepegawaian",
        ] {
            assert!(is_head(p), "{p}");
        }
        for p in [
            "Analis Kepegawaian",
            "Bidan Ahli Pertama",
            "Pengelola Keuangan pada Bagian Kepala Desa",
            "Perawat Terampil",
            "",
        ] {
            assert!(!is_head(p), "{p}");
        }
    }

    #[test]
    fn bidang_from_the_position() {
        assert_eq!(
            bidang("Kepala Bidang Pelayanan Medik").as_deref(),
            Some("pelayanan medik")
        );
        assert_eq!(
            bidang("Analis Anggaran pada Bidang Anggaran").as_deref(),
            Some("anggaran")
        );
        assert_eq!(bidang("Kabid Pelayanan").as_deref(), Some("pelayanan"));
        assert_eq!(bidang("Analis Kepegawaian"), None);
        assert_eq!(bidang("Kepala Bidang"), None);
    }
}
