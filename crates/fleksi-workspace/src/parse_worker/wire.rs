//! The parse worker's wire format: one length-prefixed frame per message over the worker's
//! stdin and stdout — a request (file name, limits, the file's bytes) and a reply (the
//! visible sheets, or the importer's error). Compact binary written into one buffer per
//! message; the reply is decoded defensively, since it comes from a process that has just
//! parsed a hostile file: every length is checked against what is left, nothing is
//! allocated from a count alone, and text must be UTF-8.

use std::io::{self, Read, Write};
use std::ops::Range as Span;
use std::time::Duration;

use calamine::{CellErrorType, Data, ExcelDateTime, ExcelDateTimeType, Range};
use fleksi_import::{ImportError, Limits, Sheet, Stray};

/// Opens a request frame.
pub const REQUEST_MAGIC: [u8; 4] = *b"FKQ1";
/// Opens a reply frame.
pub const REPLY_MAGIC: [u8; 4] = *b"FKR1";
/// Largest frame read either way (a reply holds at most the cells the limits allow).
pub const MAX_FRAME: u64 = 1 << 30;

/// What the worker reads: a file to open.
pub struct Request {
    pub name: String,
    pub limits: Limits,
    body: Vec<u8>,
    data: Span<usize>,
}

impl Request {
    /// The file's bytes.
    pub fn bytes(&self) -> &[u8] {
        &self.body[self.data.clone()]
    }
}

/// The frame header and request fields that precede the file's bytes (written as they
/// are, without a copy).
pub fn request_head(name: &str, bytes: &[u8], limits: &Limits) -> Vec<u8> {
    let mut fields = Vec::with_capacity(64 + name.len());
    put_str(&mut fields, name);
    for n in [
        limits.max_bytes as u64,
        limits.max_sheets as u64,
        limits.max_rows,
        limits.max_cells,
        limits.max_text_chars as u64,
        u64::try_from(limits.parse_timeout.as_millis()).unwrap_or(u64::MAX),
        bytes.len() as u64,
    ] {
        fields.extend_from_slice(&n.to_le_bytes());
    }
    let mut head = Vec::with_capacity(12 + fields.len());
    head.extend_from_slice(&REQUEST_MAGIC);
    head.extend_from_slice(&((fields.len() + bytes.len()) as u64).to_le_bytes());
    head.extend_from_slice(&fields);
    head
}

/// Reads one request; `None` at the end of input (the app closed the pipe).
pub fn read_request(input: &mut impl Read) -> io::Result<Option<Request>> {
    let Some(body) = read_frame(input, REQUEST_MAGIC)? else {
        return Ok(None);
    };
    let mut r = Reader::new(&body);
    let parsed = (|| {
        let name = r.str()?;
        let mut n = || r.u64();
        let limits = Limits {
            max_bytes: usize::try_from(n()?).ok()?,
            max_sheets: usize::try_from(n()?).ok()?,
            max_rows: n()?,
            max_cells: n()?,
            max_text_chars: usize::try_from(n()?).ok()?,
            parse_timeout: Duration::from_millis(n()?),
        };
        let len = usize::try_from(r.u64()?).ok()?;
        let start = r.at;
        r.take(len)?;
        Some((name, limits, start..start + len))
    })();
    let (name, limits, data) = parsed.ok_or_else(|| bad("permintaan rusak"))?;
    Ok(Some(Request {
        name,
        limits,
        body,
        data,
    }))
}

/// Encodes a reply frame.
pub fn reply(result: &Result<Vec<Sheet>, ImportError>) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(&REPLY_MAGIC);
    out.extend_from_slice(&0u64.to_le_bytes());
    match result {
        Ok(sheets) => {
            out.push(0);
            put_u64(&mut out, sheets.len() as u64);
            for s in sheets {
                put_sheet(&mut out, s);
            }
        }
        Err(e) => {
            out.push(1);
            put_error(&mut out, e);
        }
    }
    let len = (out.len() - 12) as u64;
    out[4..12].copy_from_slice(&len.to_le_bytes());
    out
}

/// Reads and decodes one reply; an error when the stream ends or holds no valid reply.
pub fn read_reply(input: &mut impl Read) -> io::Result<Result<Vec<Sheet>, ImportError>> {
    let body = read_frame(input, REPLY_MAGIC)?.ok_or_else(|| bad("tidak ada balasan"))?;
    let mut r = Reader::new(&body);
    let decoded = (|| {
        let result = match r.u8()? {
            0 => {
                let count = r.u64()?;
                let mut sheets = Vec::new();
                for _ in 0..count {
                    sheets.push(get_sheet(&mut r)?);
                }
                Ok(sheets)
            }
            1 => Err(get_error(&mut r)?),
            _ => return None,
        };
        (r.at == body.len()).then_some(result)
    })();
    decoded.ok_or_else(|| bad("balasan rusak"))
}

/// Reads a frame's body (`None` when the input ends before a frame starts).
fn read_frame(input: &mut impl Read, magic: [u8; 4]) -> io::Result<Option<Vec<u8>>> {
    let mut head = [0u8; 12];
    let mut got = 0;
    while got < head.len() {
        match input.read(&mut head[got..]) {
            Ok(0) if got == 0 => return Ok(None),
            Ok(0) => return Err(io::ErrorKind::UnexpectedEof.into()),
            Ok(n) => got += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    if head[..4] != magic {
        return Err(bad("awal bingkai tidak dikenal"));
    }
    let len = u64::from_le_bytes(head[4..12].try_into().unwrap_or_default());
    if len > MAX_FRAME {
        return Err(bad("bingkai terlalu besar"));
    }
    // Grows as bytes arrive: a lying length cannot make a large allocation by itself.
    let mut body = Vec::with_capacity(len.min(1 << 20) as usize);
    input.take(len).read_to_end(&mut body)?;
    if body.len() as u64 != len {
        return Err(io::ErrorKind::UnexpectedEof.into());
    }
    Ok(Some(body))
}

/// Writes a whole frame (head, then the file's bytes) and flushes.
pub fn send(out: &mut impl Write, parts: &[&[u8]]) -> io::Result<()> {
    for p in parts {
        out.write_all(p)?;
    }
    out.flush()
}

fn bad(what: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, what.to_string())
}

fn put_u64(out: &mut Vec<u8>, n: u64) {
    out.extend_from_slice(&n.to_le_bytes());
}

fn put_u32(out: &mut Vec<u8>, n: u32) {
    out.extend_from_slice(&n.to_le_bytes());
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    put_u64(out, s.len() as u64);
    out.extend_from_slice(s.as_bytes());
}

fn put_sheet(out: &mut Vec<u8>, s: &Sheet) {
    put_str(out, &s.name);
    match (s.range.start(), s.range.end()) {
        (Some(start), Some(end)) => {
            out.push(1);
            for n in [start.0, start.1, end.0, end.1] {
                put_u32(out, n);
            }
            for row in s.range.rows() {
                for cell in row {
                    put_data(out, cell);
                }
            }
        }
        _ => out.push(0),
    }
    put_u64(out, s.stray.len() as u64);
    for x in &s.stray {
        put_str(out, &x.cell);
        put_str(out, &x.text);
    }
}

// Cell tags.
const EMPTY: u8 = 0;
const INT: u8 = 1;
const FLOAT: u8 = 2;
const STRING: u8 = 3;
const FALSE: u8 = 4;
const TRUE: u8 = 5;
const DATE_TIME: u8 = 6;
const DATE_TIME_ISO: u8 = 7;
const DURATION_ISO: u8 = 8;
const ERROR: u8 = 9;

const CELL_ERRORS: [CellErrorType; 8] = [
    CellErrorType::Div0,
    CellErrorType::NA,
    CellErrorType::Name,
    CellErrorType::Null,
    CellErrorType::Num,
    CellErrorType::Ref,
    CellErrorType::Value,
    CellErrorType::GettingData,
];

fn put_data(out: &mut Vec<u8>, d: &Data) {
    match d {
        Data::Empty => out.push(EMPTY),
        Data::Int(n) => {
            out.push(INT);
            out.extend_from_slice(&n.to_le_bytes());
        }
        Data::Float(f) => {
            out.push(FLOAT);
            out.extend_from_slice(&f.to_bits().to_le_bytes());
        }
        Data::String(s) => {
            out.push(STRING);
            put_str(out, s);
        }
        Data::Bool(b) => out.push(if *b { TRUE } else { FALSE }),
        Data::DateTime(dt) => {
            out.push(DATE_TIME);
            let v = dt.as_f64();
            out.extend_from_slice(&v.to_bits().to_le_bytes());
            let kind = if dt.is_duration() {
                ExcelDateTimeType::TimeDelta
            } else {
                ExcelDateTimeType::DateTime
            };
            // calamine has no getter for the epoch: tell it by comparison.
            let is_1904 = ExcelDateTime::new(v, kind, true) == *dt;
            out.push(u8::from(dt.is_duration()) | (u8::from(is_1904) << 1));
        }
        Data::DateTimeIso(s) => {
            out.push(DATE_TIME_ISO);
            put_str(out, s);
        }
        Data::DurationIso(s) => {
            out.push(DURATION_ISO);
            put_str(out, s);
        }
        Data::Error(e) => {
            out.push(ERROR);
            let i = CELL_ERRORS.iter().position(|x| x == e).unwrap_or(0);
            out.push(i as u8);
        }
    }
}

fn put_error(out: &mut Vec<u8>, e: &ImportError) {
    let (tag, texts, numbers): (u8, Vec<&str>, Vec<u64>) = match e {
        ImportError::TooLarge { file, size, limit } => {
            (0, vec![file], vec![*size as u64, *limit as u64])
        }
        ImportError::Unreadable { file, reason } => (1, vec![file, reason], vec![]),
        ImportError::TooManyCells {
            file,
            sheet,
            cells,
            limit,
        } => (2, vec![file, sheet], vec![*cells, *limit]),
        ImportError::TooManySheets {
            file,
            sheets,
            limit,
        } => (3, vec![file], vec![*sheets as u64, *limit as u64]),
        ImportError::TooManyRows {
            file,
            sheet,
            rows,
            limit,
        } => (4, vec![file, sheet], vec![*rows, *limit]),
        ImportError::TextTooLong {
            file,
            sheet,
            cell,
            chars,
            limit,
        } => (
            5,
            vec![file, sheet, cell],
            vec![*chars as u64, *limit as u64],
        ),
        ImportError::TimedOut { file, seconds } => (6, vec![file], vec![*seconds]),
        ImportError::Stopped { file } => (7, vec![file], vec![]),
        ImportError::NoVisibleSheet { file } => (8, vec![file], vec![]),
        ImportError::Master { file, message } => (9, vec![file, message], vec![]),
    };
    out.push(tag);
    for t in texts {
        put_str(out, t);
    }
    for n in numbers {
        put_u64(out, n);
    }
}

/// A cursor over a frame's body; every read is checked.
struct Reader<'a> {
    buf: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn new(buf: &'a [u8]) -> Reader<'a> {
        Reader { buf, at: 0 }
    }

    fn left(&self) -> usize {
        self.buf.len() - self.at
    }

    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let end = self.at.checked_add(n)?;
        let out = self.buf.get(self.at..end)?;
        self.at = end;
        Some(out)
    }

    fn u8(&mut self) -> Option<u8> {
        Some(self.take(1)?[0])
    }

    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }

    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }

    fn usize(&mut self) -> Option<usize> {
        usize::try_from(self.u64()?).ok()
    }

    fn str(&mut self) -> Option<String> {
        let len = self.usize()?;
        String::from_utf8(self.take(len)?.to_vec()).ok()
    }
}

fn get_sheet(r: &mut Reader<'_>) -> Option<Sheet> {
    let name = r.str()?;
    let range = match r.u8()? {
        0 => Range::empty(),
        1 => {
            let (r0, c0, r1, c1) = (r.u32()?, r.u32()?, r.u32()?, r.u32()?);
            if r0 > r1 || c0 > c1 {
                return None;
            }
            // Every cell takes at least one byte: the area is bounded by what is left.
            let area = (u64::from(r1 - r0) + 1) * (u64::from(c1 - c0) + 1);
            if area > r.left() as u64 {
                return None;
            }
            let mut range = Range::new((r0, c0), (r1, c1));
            for row in r0..=r1 {
                for col in c0..=c1 {
                    let d = get_data(r)?;
                    if d != Data::Empty {
                        range.set_value((row, col), d);
                    }
                }
            }
            range
        }
        _ => return None,
    };
    let count = r.u64()?;
    let mut stray = Vec::new();
    for _ in 0..count {
        let cell = r.str()?;
        let text = r.str()?;
        stray.push(Stray { cell, text });
    }
    Some(Sheet { name, range, stray })
}

fn get_data(r: &mut Reader<'_>) -> Option<Data> {
    Some(match r.u8()? {
        EMPTY => Data::Empty,
        INT => Data::Int(r.u64()? as i64),
        FLOAT => Data::Float(f64::from_bits(r.u64()?)),
        STRING => Data::String(r.str()?),
        FALSE => Data::Bool(false),
        TRUE => Data::Bool(true),
        DATE_TIME => {
            let v = f64::from_bits(r.u64()?);
            let flags = r.u8()?;
            let kind = if flags & 1 == 1 {
                ExcelDateTimeType::TimeDelta
            } else {
                ExcelDateTimeType::DateTime
            };
            Data::DateTime(ExcelDateTime::new(v, kind, flags & 2 == 2))
        }
        DATE_TIME_ISO => Data::DateTimeIso(r.str()?),
        DURATION_ISO => Data::DurationIso(r.str()?),
        ERROR => Data::Error(CELL_ERRORS.get(usize::from(r.u8()?))?.clone()),
        _ => return None,
    })
}

fn get_error(r: &mut Reader<'_>) -> Option<ImportError> {
    Some(match r.u8()? {
        0 => ImportError::TooLarge {
            file: r.str()?,
            size: r.usize()?,
            limit: r.usize()?,
        },
        1 => ImportError::Unreadable {
            file: r.str()?,
            reason: r.str()?,
        },
        2 => ImportError::TooManyCells {
            file: r.str()?,
            sheet: r.str()?,
            cells: r.u64()?,
            limit: r.u64()?,
        },
        3 => ImportError::TooManySheets {
            file: r.str()?,
            sheets: r.usize()?,
            limit: r.usize()?,
        },
        4 => ImportError::TooManyRows {
            file: r.str()?,
            sheet: r.str()?,
            rows: r.u64()?,
            limit: r.u64()?,
        },
        5 => ImportError::TextTooLong {
            file: r.str()?,
            sheet: r.str()?,
            cell: r.str()?,
            chars: r.usize()?,
            limit: r.usize()?,
        },
        6 => ImportError::TimedOut {
            file: r.str()?,
            seconds: r.u64()?,
        },
        7 => ImportError::Stopped { file: r.str()? },
        8 => ImportError::NoVisibleSheet { file: r.str()? },
        9 => ImportError::Master {
            file: r.str()?,
            message: r.str()?,
        },
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    fn sample_sheets() -> Vec<Sheet> {
        let mut range = Range::new((2, 1), (4, 3));
        range.set_value((2, 1), Data::String("NIP ñ".into()));
        range.set_value((2, 2), Data::Int(-7));
        range.set_value((2, 3), Data::Float(1.5));
        range.set_value((3, 1), Data::Bool(true));
        range.set_value((3, 2), Data::Bool(false));
        range.set_value(
            (3, 3),
            Data::DateTime(ExcelDateTime::new(
                46000.25,
                ExcelDateTimeType::DateTime,
                true,
            )),
        );
        range.set_value(
            (4, 1),
            Data::DateTime(ExcelDateTime::new(0.5, ExcelDateTimeType::TimeDelta, false)),
        );
        range.set_value((4, 2), Data::DateTimeIso("2026-04-06T00:00:00".into()));
        range.set_value((4, 3), Data::Error(CellErrorType::GettingData));
        vec![
            Sheet {
                name: "Jadwal".into(),
                range,
                stray: vec![Stray {
                    cell: "XFD1048576".into(),
                    text: "x".into(),
                }],
            },
            Sheet {
                name: "Kosong".into(),
                range: Range::empty(),
                stray: Vec::new(),
            },
        ]
    }

    #[test]
    fn sheets_and_every_error_come_back_as_sent() {
        let mut results: Vec<Result<Vec<Sheet>, ImportError>> = vec![Ok(sample_sheets())];
        let f = || "a.xlsx".to_string();
        for e in [
            ImportError::TooLarge {
                file: f(),
                size: 9,
                limit: 8,
            },
            ImportError::Unreadable {
                file: f(),
                reason: "rusak".into(),
            },
            ImportError::TooManyCells {
                file: f(),
                sheet: "S".into(),
                cells: 5,
                limit: 4,
            },
            ImportError::TooManySheets {
                file: f(),
                sheets: 3,
                limit: 2,
            },
            ImportError::TooManyRows {
                file: f(),
                sheet: "S".into(),
                rows: 3,
                limit: 2,
            },
            ImportError::TextTooLong {
                file: f(),
                sheet: "S".into(),
                cell: "B2".into(),
                chars: 3,
                limit: 2,
            },
            ImportError::TimedOut {
                file: f(),
                seconds: 60,
            },
            ImportError::Stopped { file: f() },
            ImportError::NoVisibleSheet { file: f() },
            ImportError::Master {
                file: f(),
                message: "m".into(),
            },
        ] {
            results.push(Err(e));
        }
        for sent in results {
            let got = read_reply(&mut Cursor::new(reply(&sent))).expect("decodes");
            assert_eq!(got, sent);
        }
    }

    #[test]
    fn a_request_carries_name_limits_and_bytes() {
        let limits = Limits {
            max_rows: 9,
            parse_timeout: Duration::from_millis(1500),
            ..Limits::default()
        };
        let mut frame = request_head("Jadwal Ñusa.xlsx", b"PK\x03\x04abc", &limits);
        frame.extend_from_slice(b"PK\x03\x04abc");
        let mut input = Cursor::new(frame);
        let req = read_request(&mut input)
            .expect("reads")
            .expect("one request");
        assert_eq!(req.name, "Jadwal Ñusa.xlsx");
        assert_eq!(req.limits, limits);
        assert_eq!(req.bytes(), b"PK\x03\x04abc");
        assert!(read_request(&mut input).expect("end").is_none());
    }

    #[test]
    fn a_truncated_or_forged_reply_is_an_error_not_a_panic() {
        let good = reply(&Ok(sample_sheets()));
        for cut in 0..good.len() {
            assert!(
                read_reply(&mut Cursor::new(&good[..cut])).is_err(),
                "cut at {cut}"
            );
        }
        // A range claiming more cells than the frame holds.
        let mut forged = good.clone();
        let at = 12 + 1 + 8 + 8 + "Jadwal".len() + 1;
        forged[at + 8..at + 12].copy_from_slice(&u32::MAX.to_le_bytes());
        assert!(read_reply(&mut Cursor::new(forged)).is_err());
        let mut magic = good;
        magic[0] = b'X';
        assert!(read_reply(&mut Cursor::new(magic)).is_err());
    }
}
