//! Structural pre-check of OLE compound files (old `.xls`) before calamine sees them: every
//! sector chain calamine will follow (DIFAT, directory, mini FAT, mini stream, each stream up
//! to its declared length) must stay inside the file and never loop. calamine 0.38 follows
//! chains without loop detection, so a looping chain would spin or grow memory forever.

const ENDOFCHAIN: u32 = 0xFFFF_FFFE;
const RESERVED: u32 = 0xFFFF_FFFA;
const DIFSECT: u32 = 0xFFFF_FFFC;
const SIGNATURE: &[u8; 8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// True when the bytes start with the OLE signature.
pub fn is_ole(bytes: &[u8]) -> bool {
    bytes.len() >= 8 && &bytes[..8] == SIGNATURE
}

fn u16_at(b: &[u8], at: usize) -> u16 {
    u16::from_le_bytes([b[at], b[at + 1]])
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]])
}

struct Ole<'a> {
    bytes: &'a [u8],
    sector_size: usize,
    /// Number of (possibly partial) sectors after the header.
    sectors: usize,
}

impl Ole<'_> {
    fn sector(&self, id: u32) -> Result<&[u8], String> {
        let id = id as usize;
        if id >= self.sectors {
            return Err(format!("sektor {id} di luar berkas"));
        }
        let start = (id + 1) * self.sector_size;
        let end = (start + self.sector_size).min(self.bytes.len());
        Ok(&self.bytes[start..end])
    }
}

/// Walks a chain in `table` from `start`, at most `needed` links (or to the end of chain when
/// `needed` is `None`), failing on a loop or a link outside the table.
fn walk(table: &[u32], start: u32, needed: Option<usize>, what: &str) -> Result<(), String> {
    let mut seen = vec![false; table.len()];
    let mut id = start;
    let mut steps = 0usize;
    while id != ENDOFCHAIN && id < RESERVED {
        if needed.is_some_and(|n| steps >= n) {
            return Ok(());
        }
        let i = id as usize;
        if i >= table.len() {
            return Err(format!("rantai {what} menunjuk sektor {id} yang tidak ada"));
        }
        if seen[i] {
            return Err(format!("rantai {what} berputar (sektor {id})"));
        }
        seen[i] = true;
        steps += 1;
        id = table[i];
    }
    Ok(())
}

/// Checks the compound file; `Err` carries an Indonesian reason.
pub fn check(bytes: &[u8]) -> Result<(), String> {
    if bytes.len() < 512 || !is_ole(bytes) {
        return Err("berkas OLE terlalu pendek atau rusak".to_string());
    }
    let sector_size = match u16_at(bytes, 30) {
        9 => 512usize,
        12 => 4096usize,
        s => return Err(format!("ukuran sektor OLE tidak sah ({s})")),
    };
    if bytes.len() < sector_size {
        return Err("berkas OLE terpotong".to_string());
    }
    let ole = Ole {
        bytes,
        sector_size,
        sectors: (bytes.len() - sector_size).div_ceil(sector_size),
    };
    let per_sector = sector_size / 4;

    // DIFAT: 109 entries in the header, then a chain of DIFAT sectors.
    let mut difat: Vec<u32> = (0..109).map(|i| u32_at(bytes, 76 + 4 * i)).collect();
    let mut id = u32_at(bytes, 68);
    let mut visited = vec![false; ole.sectors];
    while id < RESERVED {
        let i = id as usize;
        if i >= ole.sectors {
            return Err(format!("rantai DIFAT menunjuk sektor {id} di luar berkas"));
        }
        if visited[i] {
            return Err(format!("rantai DIFAT berputar (sektor {id})"));
        }
        visited[i] = true;
        let s = ole.sector(id)?;
        let entries: Vec<u32> = (0..s.len() / 4).map(|k| u32_at(s, 4 * k)).collect();
        if entries.len() < per_sector {
            return Err("sektor DIFAT terpotong".to_string());
        }
        difat.extend_from_slice(&entries[..per_sector - 1]);
        id = entries[per_sector - 1];
    }

    // FAT.
    let mut fat: Vec<u32> = Vec::new();
    for &fid in difat.iter().filter(|&&f| f < DIFSECT) {
        let s = ole.sector(fid)?;
        fat.extend((0..s.len() / 4).map(|k| u32_at(s, 4 * k)));
    }

    // Directory chain (read to its end by calamine).
    let dir_start = u32_at(bytes, 48);
    walk(&fat, dir_start, None, "direktori")?;
    let mut dirs: Vec<u8> = Vec::new();
    let mut id = dir_start;
    while id != ENDOFCHAIN && id < RESERVED {
        dirs.extend_from_slice(ole.sector(id)?);
        id = fat[id as usize];
    }
    let entries: Vec<(u32, u64)> = dirs
        .chunks_exact(128)
        .map(|d| {
            let start = u32_at(d, 116);
            let len = if sector_size == 512 {
                u64::from(u32_at(d, 120))
            } else {
                u64::from(u32_at(d, 120)) | (u64::from(u32_at(d, 124)) << 32)
            };
            (start, len)
        })
        .collect();
    let Some(&(root_start, root_len)) = entries.first() else {
        return Err("direktori OLE kosong".to_string());
    };

    let limit = (bytes.len() as u64).saturating_mul(2).max(1 << 20);
    let needed = |len: u64, size: usize| -> Result<usize, String> {
        if len > limit {
            return Err(format!(
                "stream OLE mengaku {len} byte, lebih besar dari berkas"
            ));
        }
        Ok((len as usize).div_ceil(size).max(1))
    };

    // Mini FAT and mini stream.
    let mini_fat_len = u32_at(bytes, 64) as usize;
    let mut minifat: Vec<u32> = Vec::new();
    if mini_fat_len > 0 {
        walk(
            &fat,
            root_start,
            Some(needed(root_len, sector_size)?),
            "mini stream",
        )?;
        let mini_start = u32_at(bytes, 60);
        let want = needed((mini_fat_len * sector_size) as u64, sector_size)?;
        walk(&fat, mini_start, Some(want), "mini FAT")?;
        let mut id = mini_start;
        let mut taken = 0;
        while id != ENDOFCHAIN && id < RESERVED && taken < want {
            let s = ole.sector(id)?;
            minifat.extend((0..s.len() / 4).map(|k| u32_at(s, 4 * k)));
            taken += 1;
            id = fat.get(id as usize).copied().unwrap_or(ENDOFCHAIN);
        }
    }

    // Every stream, as far as its declared length reaches.
    for &(start, len) in entries.iter().skip(1) {
        if len == 0 {
            continue;
        }
        if len < 4096 {
            walk(&minifat, start, Some(needed(len, 64)?), "mini stream")?;
        } else {
            walk(&fat, start, Some(needed(len, sector_size)?), "stream")?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A minimal compound file: header + one FAT sector + one directory sector.
    fn tiny(dir_next: u32) -> Vec<u8> {
        let mut b = vec![0u8; 512 * 3];
        b[..8].copy_from_slice(SIGNATURE);
        b[26..28].copy_from_slice(&3u16.to_le_bytes());
        b[30..32].copy_from_slice(&9u16.to_le_bytes());
        b[32..34].copy_from_slice(&6u16.to_le_bytes());
        b[44..48].copy_from_slice(&1u32.to_le_bytes());
        b[48..52].copy_from_slice(&1u32.to_le_bytes()); // directory at sector 1
        b[60..64].copy_from_slice(&ENDOFCHAIN.to_le_bytes());
        b[68..72].copy_from_slice(&ENDOFCHAIN.to_le_bytes());
        for i in 0..109 {
            b[76 + 4 * i..80 + 4 * i].copy_from_slice(&0xFFFF_FFFFu32.to_le_bytes());
        }
        b[76..80].copy_from_slice(&0u32.to_le_bytes()); // FAT in sector 0
        let fat = 512;
        for i in 0..128 {
            b[fat + 4 * i..fat + 4 * i + 4].copy_from_slice(&0xFFFF_FFFFu32.to_le_bytes());
        }
        b[fat..fat + 4].copy_from_slice(&0xFFFF_FFFDu32.to_le_bytes());
        b[fat + 4..fat + 8].copy_from_slice(&dir_next.to_le_bytes());
        b
    }

    #[test]
    fn accepts_a_well_formed_file() {
        assert_eq!(check(&tiny(ENDOFCHAIN)), Ok(()));
    }

    #[test]
    fn rejects_a_looping_directory_chain() {
        let err = check(&tiny(1)).unwrap_err();
        assert!(err.contains("berputar"), "{err}");
    }

    #[test]
    fn rejects_short_files() {
        assert!(check(b"\xD0\xCF\x11\xE0").is_err());
    }
}
