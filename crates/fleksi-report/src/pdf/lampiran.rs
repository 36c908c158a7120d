//! What the three lampiran say: the header block (top right of each lampiran's first page),
//! the centred bold title, the tables of Lampiran I/II/III, the legend, page numbers on the
//! following pages and the signature block (Permendagri 1/2023 Pasal 44).

use super::canvas::{wrap, Align, Canvas, LEADING};
use super::table::{Cell, Column, Row, Table};
use super::{Orientation, PdfOptions};
use crate::id_text;
use fleksi_core::{Nip, Policy, Recap, Status, UnitRecap, Verdict};
use std::borrow::Cow;

/// Body text size (naskah dinas: Arial 11–12).
const BODY: f32 = 11.0;
/// Size of the header block and signature.
const BLOCK: f32 = 11.0;

pub(super) fn render_all(
    canvas: &mut Canvas,
    policy: &Policy,
    recap: &Recap,
    options: &PdfOptions,
) {
    let issuer = policy.issuer.to_uppercase();
    // Titles name the reporting window the recap covers (design §4).
    let period = id_text::period_upper(recap.from, recap.to);
    let parts: [(&str, String, Table); 3] = [
        (
            "I",
            format!(
                "DAFTAR PERANGKAT DAERAH/UNIT KERJA YANG DIKECUALIKAN DARI PELAKSANAAN TUGAS \
                 KEDINASAN SECARA FLEKSIBEL (TETAP BEKERJA DI KANTOR/WFO) DI LINGKUNGAN {issuer} \
                 TANGGAL {period}"
            ),
            exempt_table(recap),
        ),
        (
            "II",
            format!(
                "REKAPITULASI JADWAL PELAKSANAAN TUGAS KEDINASAN SECARA FLEKSIBEL (WFO/WFA) PER \
                 PERANGKAT DAERAH DI LINGKUNGAN {issuer} TANGGAL {period}"
            ),
            recap_table(recap),
        ),
        (
            "III",
            format!(
                "JADWAL PELAKSANAAN TUGAS KEDINASAN SECARA FLEKSIBEL (WFO/WFA) PEGAWAI ASN DI \
                 LINGKUNGAN {issuer} TANGGAL {period}"
            ),
            schedule_table(recap),
        ),
    ];
    for (roman, title, table) in parts {
        let orientation = options.orientation.unwrap_or_else(|| {
            let portrait = options.frame(Orientation::Portrait);
            let fit = table.fit(canvas.fonts, portrait.text_width());
            if fit.comfortable || fit.size >= 9.0 {
                Orientation::Portrait
            } else {
                Orientation::Landscape
            }
        });
        let frame = options.frame(orientation);
        canvas.page_in_part = 0;
        canvas.new_page(frame);
        header_block(canvas, policy, roman);
        title_block(canvas, &title);
        let fit = table.fit(canvas.fonts, frame.text_width());
        table.render(canvas, &fit, &next_page);
        if roman == "III" {
            legend(canvas);
        }
        signature(canvas, policy);
    }
}

/// Opens the next page of the same lampiran with its number at the top centre: `- 2 -`.
fn next_page(canvas: &mut Canvas) {
    let frame = canvas.frame;
    canvas.new_page(frame);
    let number = format!("- {} -", canvas.page_in_part);
    canvas.text(
        &number,
        frame.left,
        frame.top - BODY * 2.0,
        frame.text_width(),
        BODY,
        false,
        Align::Center,
    );
}

/// The block at the top right: LAMPIRAN x / SURAT EDARAN BUPATI … / NOMOR / TANGGAL /
/// TENTANG, colons aligned, TENTANG wrapped under itself.
fn header_block(canvas: &mut Canvas, policy: &Policy, roman: &str) {
    let f = canvas.frame;
    let x = block_x(canvas);
    let block_w = f.text_right() - x;
    let lh = BLOCK * LEADING;
    let fonts = canvas.fonts;
    let mut y = canvas.y;
    let heading = format!(
        "{} {}",
        policy.kind.title(),
        policy.issuer_title.to_uppercase()
    );
    canvas.text(
        &format!("LAMPIRAN {roman}"),
        x,
        y,
        block_w,
        BLOCK,
        false,
        Align::Left,
    );
    y += lh;
    for l in wrap(fonts, &heading, block_w, BLOCK, false) {
        canvas.text(l, x, y, block_w, BLOCK, false, Align::Left);
        y += lh;
    }
    let labels = ["NOMOR", "TANGGAL", "TENTANG"];
    let label_w = labels
        .iter()
        .map(|l| fonts.regular.width(l, BLOCK))
        .fold(0.0, f32::max)
        + fonts.regular.width(" ", BLOCK);
    let colon_w = fonts.regular.width(": ", BLOCK);
    let value_x = x + label_w + colon_w;
    let value_w = f.text_right() - value_x;
    let values = [
        policy.number.clone(),
        id_text::long_date(policy.date).to_uppercase(),
        policy.subject.to_uppercase(),
    ];
    for (label, value) in labels.iter().zip(values.iter()) {
        canvas.text(label, x, y, label_w, BLOCK, false, Align::Left);
        canvas.text(":", x + label_w, y, colon_w, BLOCK, false, Align::Left);
        for l in wrap(fonts, value, value_w, BLOCK, false) {
            canvas.text(l, value_x, y, value_w, BLOCK, false, Align::Left);
            y += lh;
        }
    }
    canvas.y = y + lh;
}

/// Left edge of the header and signature blocks: the right half of the text width, at most
/// 95 mm wide.
fn block_x(canvas: &Canvas) -> f32 {
    let f = canvas.frame;
    let w = (f.text_width() * 0.5).min(95.0 * 72.0 / 25.4);
    f.text_right() - w
}

fn title_block(canvas: &mut Canvas, title: &str) {
    let f = canvas.frame;
    let w = f.text_width() * 0.85;
    let x = f.left + (f.text_width() - w) / 2.0;
    let lh = BODY * LEADING;
    for l in wrap(canvas.fonts, title, w, BODY, true) {
        canvas.text(l, x, canvas.y, w, BODY, true, Align::Center);
        canvas.y += lh;
    }
    canvas.y += lh;
}

fn legend(canvas: &mut Canvas) {
    let size = 9.0;
    let mut text = String::from("Keterangan: ");
    for (i, s) in Status::ALL.iter().enumerate() {
        if i > 0 {
            text.push_str("; ");
        }
        text.push_str(&format!("{} = {}", s.code(), s.label()));
    }
    text.push_str("; - = tidak ada jadwal.");
    let f = canvas.frame;
    let lines = wrap(canvas.fonts, &text, f.text_width(), size, false);
    let need = (lines.len() as f32 + 1.0) * size * LEADING;
    if canvas.room() < need {
        next_page(canvas);
    }
    canvas.y += size * LEADING * 0.5;
    for l in lines {
        canvas.text(
            l,
            f.left,
            canvas.y,
            f.text_width(),
            size,
            false,
            Align::Left,
        );
        canvas.y += size * LEADING;
    }
}

/// Place and date, position with a comma, room to sign, the name in capitals, and rank and
/// NIP for signers other than the regional head (they have none in the policy).
fn signature(canvas: &mut Canvas, policy: &Policy) {
    let s = &policy.signatory;
    let lh = BLOCK * LEADING;
    let mut lines: Vec<(String, bool)> = vec![
        (
            format!("{}, {}", policy.place, id_text::long_date(policy.date)),
            false,
        ),
        (format!("{},", s.position.to_uppercase()), false),
    ];
    let sign_space = 4.0 * lh;
    let mut after: Vec<(String, bool)> = vec![(id_text::signatory_name(&s.name), true)];
    if let Some(rank) = s.rank.as_deref().filter(|r| !r.trim().is_empty()) {
        after.push((rank.to_string(), false));
    }
    if let Some(nip) = s.nip.as_deref().filter(|n| !n.trim().is_empty()) {
        let shown = Nip::parse(nip).map_or_else(|_| nip.to_string(), |n| n.grouped());
        after.push((format!("NIP. {shown}"), false));
    }
    let need = (lines.len() + after.len()) as f32 * lh + sign_space + 2.0 * lh;
    if canvas.room() < need {
        next_page(canvas);
    }
    let x = block_x(canvas);
    let w = canvas.frame.text_right() - x;
    canvas.y += 1.5 * lh;
    for (text, bold) in lines.drain(..) {
        canvas.text(&text, x, canvas.y, w, BLOCK, bold, Align::Center);
        canvas.y += lh;
    }
    canvas.y += sign_space;
    for (text, bold) in after {
        canvas.text(&text, x, canvas.y, w, BLOCK, bold, Align::Center);
        canvas.y += lh;
    }
}

fn unit_heading(i: usize, u: &UnitRecap) -> String {
    format!("{}. {} ({})", i + 1, u.name.to_uppercase(), u.code)
}

/// Lampiran I: the units exempt from WFA.
fn exempt_table(recap: &Recap) -> Table<'_> {
    let columns = vec![
        Column::new("No", Align::Center, false),
        Column::new("Perangkat Daerah / Unit Kerja", Align::Left, true),
        Column::new("Kode", Align::Left, false),
        Column::new("Jumlah ASN", Align::Right, false),
        Column::new("Keterangan", Align::Left, true),
    ];
    let mut rows: Vec<Row> = recap
        .units
        .iter()
        .filter(|u| u.exempt)
        .enumerate()
        .map(|(i, u)| {
            Row::Cells(vec![
                Cell::new((i + 1).to_string()),
                Cell::new(u.name.as_str()),
                Cell::new(u.code.as_str()),
                Cell::new(u.total_staff.to_string()),
                Cell::new(Verdict::Exempt.label()),
            ])
        })
        .collect();
    if rows.is_empty() {
        rows.push(Row::Note(
            "Nihil — tidak ada perangkat daerah yang dikecualikan.".to_string(),
        ));
    }
    Table { columns, rows }
}

/// Lampiran II: per unit, one row per working day with the recap's counts and verdict.
fn recap_table(recap: &Recap) -> Table<'_> {
    let columns = vec![
        Column::new("Hari, Tanggal", Align::Left, true),
        Column::new("Jumlah ASN", Align::Center, false),
        Column::new("WFO", Align::Center, false),
        Column::new("WFA", Align::Center, false),
        Column::new("Lainnya", Align::Center, false),
        Column::new("% WFA", Align::Center, false),
        Column::new("Batas WFA", Align::Center, false),
        Column::new("Keterangan", Align::Left, true),
    ];
    let mut rows = Vec::new();
    for (i, u) in recap.units.iter().enumerate() {
        rows.push(Row::Group(unit_heading(i, u)));
        for (d, day) in u.days.iter().enumerate() {
            let date = format!(
                "{}, {}",
                id_text::weekday(day.date),
                id_text::table_date(day.date)
            );
            let counted = day.verdict.is_scheduled();
            let count = |n: u32| -> Cow<'static, str> {
                if counted {
                    Cow::Owned(n.to_string())
                } else {
                    Cow::Borrowed("-")
                }
            };
            let share = if counted {
                Cow::Owned(format_share(u.share(d)))
            } else {
                Cow::Borrowed("-")
            };
            let cap = match (u.exempt, day.cap_percent) {
                (true, _) => Cow::Borrowed("0 %"),
                (false, Some(p)) => Cow::Owned(format!("{p} %")),
                (false, None) => Cow::Borrowed("-"),
            };
            // Every verdict prints its own label; breaches (over the cap, WFA in an exempt
            // unit) in bold.
            let verdict = day.verdict.label();
            let over = day.verdict.is_violation();
            rows.push(Row::Cells(vec![
                Cell::new(date),
                Cell::new(u.total_staff.to_string()),
                Cell::new(count(day.wfo)),
                Cell::new(count(day.wfa)),
                Cell::new(count(day.other)),
                Cell {
                    text: share,
                    bold: over,
                },
                Cell::new(cap),
                Cell {
                    text: Cow::Borrowed(verdict),
                    bold: over,
                },
            ]));
        }
        if u.days.is_empty() {
            rows.push(Row::Note("Tidak ada hari kerja.".to_string()));
        }
    }
    if rows.is_empty() {
        rows.push(Row::Note("Nihil.".to_string()));
    }
    Table { columns, rows }
}

/// A share in percent with a decimal comma, as the recap computed it: `58,3 %`.
pub(crate) fn format_share(share: f64) -> String {
    let tenths = (share * 10.0).round() as i64;
    if tenths % 10 == 0 {
        format!("{} %", tenths / 10)
    } else {
        format!("{},{} %", tenths / 10, tenths % 10)
    }
}

/// Lampiran III: the schedule of every employee, grouped by unit.
fn schedule_table(recap: &Recap) -> Table<'_> {
    let wide = recap.days.len() > 7;
    let mut columns = vec![
        Column::new("No", Align::Center, false),
        Column::new("Nama / NIP", Align::Left, true),
        Column::new("Jabatan", Align::Left, true),
    ];
    for d in &recap.days {
        let header = if wide {
            id_text::short_date(*d)
        } else {
            format!("{}\n{}", id_text::weekday(*d), id_text::table_date(*d))
        };
        columns.push(Column::new(header, Align::Center, false));
    }
    let mut rows = Vec::new();
    for (i, u) in recap.units.iter().enumerate() {
        rows.push(Row::Group(format!(
            "{} — {} ASN",
            unit_heading(i, u),
            u.total_staff
        )));
        if u.staff.is_empty() {
            let note = if u.unreadable {
                "Berkas tidak terbaca."
            } else if u.submitted {
                "Tidak ada jadwal pegawai."
            } else {
                "Belum mengirim jadwal."
            };
            rows.push(Row::Note(note.to_string()));
        }
        for (n, s) in u.staff.iter().enumerate() {
            let mut cells = Vec::with_capacity(3 + recap.days.len());
            cells.push(Cell::new((n + 1).to_string()));
            // Non-breaking spaces keep the grouped NIP on one line.
            cells.push(Cell::new(format!(
                "{}\n{}",
                s.name,
                s.nip.grouped().replace(' ', "\u{a0}")
            )));
            cells.push(Cell::new(s.position.as_str()));
            for k in 0..recap.days.len() {
                let code = s
                    .statuses
                    .get(k)
                    .copied()
                    .flatten()
                    .map_or("-", Status::code);
                cells.push(Cell::new(code));
            }
            rows.push(Row::Cells(cells));
        }
    }
    Table { columns, rows }
}
