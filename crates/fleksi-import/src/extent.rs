//! A sheet's extent from its real cells: the dense grid the readers work on covers the table,
//! not the sheet's used rectangle. A value left far away (a clerk's Ctrl+End and a keystroke
//! in XFD1048576) would otherwise make that rectangle billions of cells; such stray cells are
//! set aside, named, and never read as data.

use crate::cells::{self, Column};
use calamine::{Cell, Data, Range};

/// A used rectangle up to this many cells is kept whole (≈ 32 MB of cells).
const DENSE_BUDGET: u64 = 1 << 20;
/// …or up to this many times the number of filled cells.
const DENSE_FACTOR: u64 = 16;
/// Filled rows further apart than this belong to different blocks.
const ROW_GAP: u32 = 1000;
/// Filled columns further apart than this belong to different blocks.
const COL_GAP: u32 = 100;

/// A filled cell outside the table's block, set aside.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stray {
    /// A1 reference.
    pub cell: String,
    /// What it holds, as text.
    pub text: String,
}

/// The dense grid of a sheet's filled cells and the stray cells set aside.
pub fn from_cells(mut filled: Vec<(u32, u32, Data)>) -> (Range<Data>, Vec<Stray>) {
    filled.retain(|(_, _, d)| !blank(d));
    if filled.is_empty() {
        return (Range::empty(), Vec::new());
    }
    let mut stray = Vec::new();
    if area(&filled) > budget(filled.len()) {
        let rows = main_block(filled.iter().map(|(r, _, _)| *r), ROW_GAP);
        let (kept, far): (Vec<_>, Vec<_>) = filled
            .into_iter()
            .partition(|(r, _, _)| (rows.0..=rows.1).contains(r));
        let cols = main_block(kept.iter().map(|(_, c, _)| *c), COL_GAP);
        let (kept, far_cols): (Vec<_>, Vec<_>) = kept
            .into_iter()
            .partition(|(_, c, _)| (cols.0..=cols.1).contains(c));
        filled = kept;
        let mut set_aside: Vec<_> = far.into_iter().chain(far_cols).collect();
        set_aside.sort_by_key(|(r, c, _)| (*r, *c));
        stray = set_aside
            .into_iter()
            .map(|(r, c, d)| Stray {
                cell: Column::new(c).at(r),
                text: cells::text(&d).into_owned(),
            })
            .collect();
    }
    let range = Range::from_sparse(
        filled
            .into_iter()
            .map(|(r, c, d)| Cell::new((r, c), d))
            .collect(),
    );
    (range, stray)
}

/// A dense range from a reader that only gives dense ranges (xls, ods), re-cut to its table
/// when it is mostly empty.
pub fn from_range(range: Range<Data>) -> (Range<Data>, Vec<Stray>) {
    let (h, w) = range.get_size();
    let size = h as u64 * w as u64;
    if size <= DENSE_BUDGET {
        return (range, Vec::new());
    }
    let (r0, c0) = range.start().unwrap_or((0, 0));
    let filled: Vec<(u32, u32, Data)> = range
        .used_cells()
        .map(|(r, c, d)| (r0 + r as u32, c0 + c as u32, d.clone()))
        .collect();
    if size <= budget(filled.len()) {
        return (range, Vec::new());
    }
    drop(range);
    from_cells(filled)
}

/// An empty cell or one of only spaces (cheap: numbers are not formatted).
fn blank(d: &Data) -> bool {
    match d {
        Data::Empty => true,
        Data::String(s) => s.trim().is_empty(),
        _ => false,
    }
}

fn budget(filled: usize) -> u64 {
    DENSE_BUDGET.max(filled as u64 * DENSE_FACTOR)
}

fn area(filled: &[(u32, u32, Data)]) -> u64 {
    let (mut r0, mut r1, mut c0, mut c1) = (u32::MAX, 0, u32::MAX, 0);
    for (r, c, _) in filled {
        r0 = r0.min(*r);
        r1 = r1.max(*r);
        c0 = c0.min(*c);
        c1 = c1.max(*c);
    }
    (u64::from(r1 - r0) + 1) * (u64::from(c1 - c0) + 1)
}

/// The first and last index of the block holding the most cells, blocks being runs of
/// indexes no more than `gap` apart.
fn main_block(indexes: impl Iterator<Item = u32>, gap: u32) -> (u32, u32) {
    let mut sorted: Vec<u32> = indexes.collect();
    sorted.sort_unstable();
    let mut best = (0usize, (0u32, 0u32));
    let mut start = 0;
    for i in 0..sorted.len() {
        let ends = i + 1 == sorted.len() || sorted[i + 1] - sorted[i] > gap;
        if ends {
            let count = i + 1 - start;
            if count > best.0 {
                best = (count, (sorted[start], sorted[i]));
            }
            start = i + 1;
        }
    }
    best.1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(t: &str) -> Data {
        Data::String(t.to_string())
    }

    #[test]
    fn a_far_cell_is_set_aside_and_the_table_kept() {
        let mut filled = vec![(1_048_575, 16_383, s("x"))];
        for r in 0..2 {
            for c in 0..3 {
                filled.push((r, c, s("v")));
            }
        }
        let (range, stray) = from_cells(filled);
        assert_eq!(range.start(), Some((0, 0)));
        assert_eq!(range.end(), Some((1, 2)));
        assert_eq!(
            stray,
            [Stray {
                cell: "XFD1048576".into(),
                text: "x".into()
            }]
        );
    }

    #[test]
    fn a_far_column_in_the_table_rows_is_set_aside() {
        let mut filled: Vec<(u32, u32, Data)> = (0..50)
            .flat_map(|r| (0..4).map(move |c| (r, c, s("v"))))
            .collect();
        filled.push((3, 16_000, s("oops")));
        // Small enough to keep whole: nothing is dropped.
        let (range, stray) = from_cells(filled.clone());
        assert!(stray.is_empty());
        assert_eq!(range.end(), Some((49, 16_000)));
        filled.extend((0..2000).map(|r| (r + 100, 0, s("n"))));
        let (range, stray) = from_cells(filled);
        assert_eq!(range.end(), Some((2099, 3)));
        assert_eq!(stray.len(), 1);
        assert_eq!(stray[0].cell, "WQK4");
    }

    #[test]
    fn a_mostly_empty_dense_range_is_recut() {
        let mut range = Range::new((0, 0), (1999, 999));
        range.set_value((0, 0), s("NIP"));
        range.set_value((1999, 999), s("x"));
        let (range, stray) = from_range(range);
        assert_eq!(range.get_size(), (1, 1));
        assert_eq!(stray[0].cell, "ALL2000");
    }
}
