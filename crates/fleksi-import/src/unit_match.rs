//! Recognises a unit from free text (a title line, a sheet name, a file name, a unit cell)
//! by the master's unit codes, names and abbreviations, tolerant of case and punctuation.

use crate::cells::key;
use fleksi_core::Master;

/// The master's units as normalized keys.
pub struct UnitMatcher<'a> {
    /// (normalized key, unit code)
    keys: Vec<(String, &'a str)>,
}

impl<'a> UnitMatcher<'a> {
    pub fn new(master: &'a Master) -> Self {
        let mut keys = Vec::with_capacity(master.units.len() * 3);
        for u in &master.units {
            for text in [
                Some(u.code.as_str()),
                Some(u.name.as_str()),
                u.abbreviation.as_deref(),
            ]
            .into_iter()
            .flatten()
            {
                let k = key(text);
                if !k.is_empty() {
                    keys.push((k, u.code.as_str()));
                }
            }
        }
        UnitMatcher { keys }
    }

    /// The unit whose code, name or abbreviation is exactly the text.
    pub fn exact(&self, text: &str) -> Option<&'a str> {
        let k = key(text);
        if k.is_empty() {
            return None;
        }
        unique(
            self.keys
                .iter()
                .filter(|(key, _)| *key == k)
                .map(|(_, c)| *c),
        )
    }

    /// The unit whose key occurs as whole words in the text; the longest key wins.
    pub fn within(&self, text: &str) -> Option<&'a str> {
        let k = format!(" {} ", key(text));
        let mut best: Option<(usize, &'a str)> = None;
        let mut tie = false;
        for (key, code) in &self.keys {
            if key.len() < 3 || !k.contains(&format!(" {key} ")) {
                continue;
            }
            match best {
                Some((len, c)) if key.len() == len && c != *code => tie = true,
                Some((len, _)) if key.len() <= len => {}
                _ => {
                    best = Some((key.len(), code));
                    tie = false;
                }
            }
        }
        if tie {
            return None;
        }
        best.map(|(_, c)| c)
    }

    /// Exact first, then within.
    pub fn find(&self, text: &str) -> Option<&'a str> {
        self.exact(text).or_else(|| self.within(text))
    }
}

fn unique<'a>(mut it: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let first = it.next()?;
    if it.all(|c| c == first) {
        Some(first)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fleksi_core::Unit;

    fn master() -> Master {
        let u = |code: &str, name: &str, abbr: &str, parent: Option<&str>| Unit {
            code: code.into(),
            name: name.into(),
            abbreviation: Some(abbr.into()),
            parent: parent.map(str::to_string),
        };
        Master::new(
            vec![
                u("DINKES", "Dinas Kesehatan", "Dinkes", None),
                u(
                    "PKM-RKB",
                    "Puskesmas Rangkasbitung",
                    "PKM Rangkasbitung",
                    Some("DINKES"),
                ),
                u(
                    "KEC-RKB",
                    "Kecamatan Rangkasbitung",
                    "Kec. Rangkasbitung",
                    None,
                ),
            ],
            vec![],
        )
    }

    #[test]
    fn titles_sheets_and_file_names() {
        let m = master();
        let um = UnitMatcher::new(&m);
        assert_eq!(um.find("DINAS KESEHATAN"), Some("DINKES"));
        assert_eq!(um.find("dinkes"), Some("DINKES"));
        assert_eq!(um.find("Dinas Kesehatan Kabupaten Lebak"), Some("DINKES"));
        assert_eq!(um.find("jadwal_wfa_dinkes_des-2025"), Some("DINKES"));
        assert_eq!(um.find("UPT Puskesmas Rangkasbitung"), Some("PKM-RKB"));
        assert_eq!(um.find("kec rangkasbitung"), Some("KEC-RKB"));
        assert_eq!(um.find("Sheet1"), None);
        assert_eq!(um.find("Rangkasbitung"), None);
    }
}
