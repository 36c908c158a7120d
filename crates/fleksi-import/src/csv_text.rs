//! CSV exports as a sheet: encoding detection (UTF-8 with or without BOM, UTF-16 with BOM,
//! otherwise Windows-1252 as Indonesian-locale Excel writes it) and delimiter detection
//! (`;` from Indonesian Excel, `,`, tab, `|`). Every cell stays text.

use calamine::{Data, Range};

/// Text, not binary: no NUL bytes in the first 4 KiB unless it starts with a UTF-16 BOM.
pub fn looks_like_text(bytes: &[u8]) -> bool {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return true;
    }
    let head = &bytes[..bytes.len().min(4096)];
    !head.contains(&0)
}

/// Decodes the bytes to text.
pub fn decode(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return String::from_utf8_lossy(rest).into_owned();
    }
    if bytes.starts_with(&[0xFF, 0xFE]) {
        return encoding_rs::UTF_16LE.decode(bytes).0.into_owned();
    }
    if bytes.starts_with(&[0xFE, 0xFF]) {
        return encoding_rs::UTF_16BE.decode(bytes).0.into_owned();
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => encoding_rs::WINDOWS_1252.decode(bytes).0.into_owned(),
    }
}

/// The delimiter that occurs most often outside quotes in the first lines.
pub fn delimiter(text: &str) -> u8 {
    let mut counts = [0usize; 4];
    let candidates = [b';', b',', b'\t', b'|'];
    let mut quoted = false;
    let mut lines = 0;
    for b in text.bytes() {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => {
                lines += 1;
                if lines >= 30 {
                    break;
                }
            }
            _ if !quoted => {
                if let Some(i) = candidates.iter().position(|&c| c == b) {
                    counts[i] += 1;
                }
            }
            _ => {}
        }
    }
    let best = (0..4).max_by_key(|&i| (counts[i], 4 - i)).unwrap_or(0);
    candidates[best]
}

/// Reads CSV bytes into a range of text cells starting at A1 (at most `max_cells` cells).
pub fn read(bytes: &[u8], max_cells: u64) -> Result<Range<Data>, String> {
    let text = decode(bytes);
    let delim = delimiter(&text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delim)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut width = 0usize;
    let mut record = csv::StringRecord::new();
    // Blank lines are rows in Excel and LibreOffice but the csv crate skips them: the lines a
    // record took beyond its own (and the line breaks inside its quoted cells) were blank
    // lines before it, so every cell keeps the row the clerk sees.
    let mut line = reader.position().line();
    loop {
        let more = reader
            .read_record(&mut record)
            .map_err(|e| format!("CSV rusak di baris {}: {e}", reader.position().line()))?;
        if !more {
            break;
        }
        let after = reader.position().line();
        let inside = record
            .iter()
            .map(|f| memchr::memchr_iter(b'\n', f.as_bytes()).count() as u64)
            .sum::<u64>();
        let blank = (after - line).saturating_sub(1 + inside);
        line = after;
        if blank > max_cells {
            return Err(format!("terlalu banyak baris kosong ({blank})"));
        }
        rows.extend((0..blank).map(|_| Vec::new()));
        let row: Vec<String> = record.iter().map(str::to_string).collect();
        width = width.max(row.len());
        rows.push(row);
    }
    if rows.is_empty() || width == 0 {
        return Ok(Range::empty());
    }
    let cells = rows.len() as u64 * width as u64;
    if cells > max_cells {
        return Err(format!("terlalu banyak sel ({cells}; batas {max_cells})"));
    }
    let mut range = Range::new((0, 0), (rows.len() as u32 - 1, width as u32 - 1));
    for (r, row) in rows.into_iter().enumerate() {
        for (c, value) in row.into_iter().enumerate() {
            if !value.trim().is_empty() {
                range.set_value((r as u32, c as u32), Data::String(value));
            }
        }
    }
    Ok(range)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_lines_stay_rows_and_quoted_lines_stay_in_their_cell() {
        let text = "Judul\n\nNIP;Nama\n1;\"Budi\nS.Kom\"\n\n\n2;Ani\n";
        let range = read(text.as_bytes(), 1_000).expect("reads");
        let at = |r: u32, c: u32| range.get_value((r, c)).cloned().unwrap_or(Data::Empty);
        assert_eq!(at(0, 0), Data::String("Judul".into()));
        assert_eq!(at(1, 0), Data::Empty, "the blank line 2 is row 2");
        assert_eq!(at(2, 0), Data::String("NIP".into()));
        assert_eq!(at(3, 1), Data::String("Budi\nS.Kom".into()));
        // Two blank lines after the quoted record: Ani is on row 7, as Excel shows it.
        assert_eq!(at(6, 1), Data::String("Ani".into()));
        assert_eq!(range.height(), 7);
    }

    #[test]
    fn windows_1252_and_bom_decode() {
        assert_eq!(decode(b"Jum\x92at"), "Jum\u{2019}at");
        assert_eq!(decode(b"\xEF\xBB\xBFNIP"), "NIP");
    }

    #[test]
    fn semicolon_wins_over_commas_in_names() {
        let text = "No;NIP;Nama\n1;1985;\"Budi, S.Kom\"\n2;1986;Ani, S.E.\n";
        assert_eq!(delimiter(text), b';');
        assert_eq!(delimiter("a,b,c\n1,2,3\n"), b',');
    }

    #[test]
    fn reads_cells_at_their_positions() {
        let r = read(b"A;B\n;x\n", 100).unwrap();
        assert_eq!(r.get_value((0, 1)), Some(&Data::String("B".into())));
        assert_eq!(r.get_value((1, 1)), Some(&Data::String("x".into())));
        assert_eq!(r.get_value((1, 0)), Some(&Data::Empty));
    }
}
