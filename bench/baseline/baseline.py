"""Baseline for the end-to-end bench: the job `fleksi recap` does, written the way an IT staffer
at a BKPSDM would write it in plain Python — openpyxl (xlsx), xlrd (xls), csv, reportlab for
the lampiran PDF (three tables, fonts embedded), openpyxl for the recap workbook (the same five
sheets). Not part of the app: only `bench/baseline/run.sh` uses it.

Usage: python baseline.py --policy policy.toml --master master.xlsx --pdf out.pdf
                          --xlsx out.xlsx <folder-or-file>...
"""

import argparse
import csv
import datetime as dt
import os
import re
import sys
import tomllib
from collections import defaultdict

import openpyxl
import xlrd
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (LongTable, PageBreak, Paragraph, SimpleDocTemplate, Spacer,
                                TableStyle)

HERE = os.path.dirname(os.path.abspath(__file__))
FONTS = os.path.join(HERE, "..", "..", "crates", "fleksi-report", "fonts")

WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
HARI = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
         "September", "Oktober", "November", "Desember"]
BULAN_PENDEK = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "mei": 5, "may": 5, "jun": 6,
                "jul": 7, "agu": 8, "agt": 8, "aug": 8, "sep": 9, "okt": 10, "oct": 10,
                "nov": 11, "des": 12, "dec": 12}

STATUS = {
    "WFO": "WFO", "KANTOR": "WFO", "WFA": "WFA", "WFH": "WFA", "RUMAH": "WFA",
    "C": "CUTI", "CT": "CUTI", "CUTI": "CUTI", "S": "SAKIT", "SAKIT": "SAKIT",
    "DL": "DL", "DINAS LUAR": "DL", "I": "IZIN", "IJIN": "IZIN", "IZIN": "IZIN",
    "TB": "TB", "TUGAS BELAJAR": "TB", "PIKET": "PIKET", "TL": "TL", "TUGAS LUAR": "TL",
}
OFFICE = {"WFO", "PIKET"}
LABELS = [("WFO", "Bekerja di kantor (WFO)"), ("WFA", "Bekerja dari mana saja (WFA)"),
          ("CUTI", "Cuti"), ("SAKIT", "Sakit"), ("DL", "Dinas luar"), ("IZIN", "Izin"),
          ("TB", "Tugas belajar"), ("PIKET", "Piket di kantor"), ("TL", "Tugas luar")]


def text(v):
    return "" if v is None else str(v).strip()


def tanggal_panjang(d):
    return f"{d.day} {BULAN[d.month - 1]} {d.year}"


# ---------------------------------------------------------------- reading


def read_rows(path):
    """All rows of every visible sheet of a workbook or CSV, as lists of values."""
    ext = os.path.splitext(path)[1].lower()
    sheets = []
    if ext in (".xlsx", ".xlsm"):
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
        for ws in wb.worksheets:
            if ws.sheet_state == "visible":
                sheets.append([list(r) for r in ws.iter_rows(values_only=True)])
        wb.close()
    elif ext == ".xls":
        book = xlrd.open_workbook(path)
        for sh in book.sheets():
            if sh.visibility != 0:
                continue
            rows = []
            for r in range(sh.nrows):
                row = []
                for c in range(sh.ncols):
                    cell = sh.cell(r, c)
                    if cell.ctype == xlrd.XL_CELL_DATE:
                        row.append(xlrd.xldate.xldate_as_datetime(cell.value, book.datemode))
                    else:
                        row.append(cell.value)
                rows.append(row)
            sheets.append(rows)
    elif ext == ".csv":
        raw = open(path, "rb").read()
        try:
            data = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            data = raw.decode("cp1252")
        delim = ";" if data.count(";") > data.count(",") else ","
        sheets.append(list(csv.reader(data.splitlines(), delimiter=delim)))
    return sheets


def parse_date(v, year):
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, dt.date):
        return v
    s = text(v)
    if not s:
        return None
    m = re.fullmatch(r"(\d{1,2})[/\-.](\d{1,2})[/\-.](\d{4})", s)
    if m:
        return dt.date(int(m[3]), int(m[2]), int(m[1]))
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", s)
    if m:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    s = s.split(",")[-1].strip()
    m = re.fullmatch(r"(\d{1,2})\s+([A-Za-z]+)\.?(?:\s+(\d{4}))?", s)
    if m and m[2][:3].lower() in BULAN_PENDEK:
        return dt.date(int(m[3] or year), BULAN_PENDEK[m[2][:3].lower()], int(m[1]))
    return None


def parse_status(v):
    s = text(v).upper()
    if s in STATUS:
        return STATUS[s]
    return STATUS.get(re.split(r"[\s(*/]", s)[0]) if s else None


def parse_nip(v):
    if isinstance(v, float):
        v = int(v)
    return re.sub(r"\s", "", text(v))


def read_schedule(path, policy, employees, findings):
    """{nip: {date: status}} of one OPD file, and the unit most of its NIPs belong to."""
    name = os.path.basename(path)
    year = policy["start"].year
    out = defaultdict(dict)
    for rows in read_rows(path):
        header_at = None
        for i, row in enumerate(rows[:30]):
            if any(text(c).upper().rstrip(".") == "NIP" for c in row):
                header_at = i
                break
        if header_at is None:
            continue
        header = [text(c).upper().rstrip(".") for c in rows[header_at]]
        nip_col = header.index("NIP")
        date_col = header.index("TANGGAL") if "TANGGAL" in header else None
        status_col = next((i for i, h in enumerate(header)
                           if h in ("KETERANGAN", "STATUS", "LOKASI KERJA")), None)
        day_cols = {}
        if date_col is None:
            for c, v in enumerate(rows[header_at]):
                d = parse_date(v, year)
                if d is not None:
                    day_cols[c] = d
        for r, row in enumerate(rows[header_at + 1:], start=header_at + 2):
            if nip_col >= len(row) or not text(row[nip_col]) or text(row[nip_col]).startswith("("):
                continue
            nip = parse_nip(row[nip_col])
            if not (len(nip) == 18 and nip.isdigit()) or nip not in employees:
                findings.append(("Kesalahan", "nip.invalid", name, r, nip,
                                 f"NIP '{nip}' tidak sah atau tidak terdaftar"))
                continue
            if date_col is not None:
                pairs = [(parse_date(row[date_col], year), row[status_col])]
            else:
                pairs = [(d, row[c] if c < len(row) else None) for c, d in day_cols.items()]
            for d, v in pairs:
                st = parse_status(v)
                if d is None or st is None:
                    if text(v):
                        findings.append(("Kesalahan", "status.unknown", name, r, nip,
                                         f"status '{text(v)}' tidak dikenal"))
                    continue
                out[nip][d] = st
    units = defaultdict(int)
    for nip in out:
        units[employees[nip]["unit"]] += 1
    unit = max(units, key=units.get) if units else None
    return out, unit


def read_master(path):
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    employees, units = {}, []
    rows = list(wb["Pegawai"].iter_rows(values_only=True))
    for r in rows[1:]:
        if r[0]:
            employees[text(r[0])] = {"nip": text(r[0]), "name": text(r[1]),
                                     "position": text(r[2]), "unit": text(r[4])}
    for r in list(wb["Unit"].iter_rows(values_only=True))[1:]:
        if r[0]:
            units.append({"code": text(r[0]), "name": text(r[1]), "abbr": text(r[2]),
                          "parent": text(r[3]) or None})
    wb.close()
    return employees, units


def is_exempt(unit, rules):
    words = set(re.findall(r"\w+", unit["name"].lower())) | {unit["abbr"].lower()}
    for rule in rules:
        v = rule["value"].lower()
        if rule["by"] == "word" and (v in unit["name"].lower().split() or v in words
                                     or v in unit["name"].lower()):
            return True
        if rule["by"] in ("abbreviation", "code") and v in (unit["abbr"].lower(),
                                                            unit["code"].lower()):
            return True
        if rule["by"] == "name" and v == unit["name"].lower():
            return True
    return False


# ---------------------------------------------------------------- recap


def recap(policy, employees, units, schedules):
    caps = {c["weekday"]: c["percent"] for c in policy.get("caps", [])}
    dates = sorted({d for sched in schedules.values() for days in sched.values() for d in days})
    dates = [d for d in dates if WEEKDAYS[d.weekday()] in policy["working_weekdays"]
             and policy["start"] <= d <= policy["end"]]
    staff_of = defaultdict(list)
    for e in employees.values():
        staff_of[e["unit"]].append(e)
    exempt = {u["code"]: is_exempt(u, policy.get("exempt", [])) for u in units}
    pool = {u["code"]: (u["parent"] or u["code"]) for u in units}
    rows = []
    for u in units:
        sched = schedules.get(u["code"])
        days = []
        for d in dates:
            if sched is None:
                days.append(None)
                continue
            c = defaultdict(int)
            for e in staff_of[u["code"]]:
                st = sched.get(e["nip"], {}).get(d)
                if st is not None:
                    c["WFO" if st in OFFICE else "WFA" if st == "WFA" else "other"] += 1
            days.append(c)
        rows.append({"unit": u, "days": days, "sched": sched, "exempt": exempt[u["code"]],
                     "staff": staff_of[u["code"]]})
    # Cap pooled per perangkat daerah (the unit with its sub-units), exempt units left out.
    for di, d in enumerate(dates):
        pct = caps.get(WEEKDAYS[d.weekday()])
        totals, wfa = defaultdict(int), defaultdict(int)
        for r in rows:
            if not r["exempt"]:
                totals[pool[r["unit"]["code"]]] += len(r["staff"])
                if r["days"][di]:
                    wfa[pool[r["unit"]["code"]]] += r["days"][di]["WFA"]
        for r in rows:
            c = r["days"][di]
            key = pool[r["unit"]["code"]]
            if c is None:
                verdict = "Belum mengirim"
            elif r["exempt"]:
                verdict = "Melanggar pengecualian (ada WFA)" if c["WFA"] else \
                    "Dikecualikan (tetap WFO)"
            elif pct is not None and wfa[key] > totals[key] * pct // 100:
                verdict = "Melebihi batas"
            else:
                verdict = "Sesuai"
            r.setdefault("verdicts", []).append(verdict)
            r.setdefault("caps", []).append(pct)
    return dates, rows


# ---------------------------------------------------------------- PDF

F4 = (215 * mm, 330 * mm)


def lampiran_pdf(path, policy, dates, rows):
    pdfmetrics.registerFont(TTFont("Sans", os.path.join(FONTS, "LiberationSans-Regular.ttf")))
    pdfmetrics.registerFont(TTFont("Sans-Bold", os.path.join(FONTS, "LiberationSans-Bold.ttf")))
    body = ParagraphStyle("body", fontName="Sans", fontSize=11, leading=13.2)
    title = ParagraphStyle("title", parent=body, fontName="Sans-Bold", alignment=TA_CENTER)
    block = ParagraphStyle("block", parent=body, leftIndent=95 * mm)
    cell = ParagraphStyle("cell", fontName="Sans", fontSize=7, leading=8.4, alignment=TA_LEFT)
    issuer = policy["issuer"].upper()
    period = f"{tanggal_panjang(dates[0])} s.d. {tanggal_panjang(dates[-1])}".upper()

    def header(roman):
        return [Paragraph(f"LAMPIRAN {roman}<br/>SURAT EDARAN {policy['issuer_title']}<br/>"
                          f"NOMOR : {policy['number']}<br/>TANGGAL : "
                          f"{tanggal_panjang(policy['date']).upper()}<br/>TENTANG : "
                          f"{policy['subject'].upper()}", block), Spacer(1, 12)]

    def signature():
        s = policy["signatory"]
        return [Spacer(1, 18), Paragraph(f"{policy['place']}, {tanggal_panjang(policy['date'])}"
                                         f"<br/>{s['position'].upper()},<br/><br/><br/><br/>"
                                         f"<b>{s['name'].upper()}</b>", block)]

    grid = [("FONTNAME", (0, 0), (-1, -1), "Sans"), ("FONTSIZE", (0, 0), (-1, -1), 7),
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.88, 0.88, 0.88)),
            ("FONTNAME", (0, 0), (-1, 0), "Sans-Bold"), ("VALIGN", (0, 0), (-1, -1), "TOP")]
    story = []
    # Lampiran I: exempt units.
    story += header("I")
    story.append(Paragraph("DAFTAR PERANGKAT DAERAH/UNIT KERJA YANG DIKECUALIKAN DARI PELAKSANAAN "
                           f"TUGAS KEDINASAN SECARA FLEKSIBEL DI LINGKUNGAN {issuer} TANGGAL "
                           f"{period}", title))
    story.append(Spacer(1, 12))
    data = [["No", "Perangkat Daerah / Unit Kerja", "Kode", "Jumlah ASN", "Keterangan"]]
    for i, r in enumerate([r for r in rows if r["exempt"]]):
        data.append([i + 1, r["unit"]["name"], r["unit"]["code"],
                     len(r["staff"]), "Dikecualikan (tetap WFO)"])
    story.append(LongTable(data, repeatRows=1, style=TableStyle(grid)))
    story += signature()
    # Lampiran II: per unit and day.
    story.append(PageBreak())
    story += header("II")
    story.append(Paragraph("REKAPITULASI JADWAL PELAKSANAAN TUGAS KEDINASAN SECARA FLEKSIBEL "
                           f"(WFO/WFA) PER PERANGKAT DAERAH DI LINGKUNGAN {issuer} TANGGAL {period}",
                           title))
    story.append(Spacer(1, 12))
    head = ["Hari, Tanggal", "Jumlah ASN", "WFO", "WFA", "Lainnya", "% WFA", "Batas WFA",
            "Keterangan"]
    widths = [80, 45, 35, 35, 40, 40, 45, 140]
    # One table per unit: reportlab splits one huge table across pages in quadratic time.
    for i, r in enumerate(rows):
        data = [head, [f"{i + 1}. {r['unit']['name'].upper()} ({r['unit']['code']})"]]
        style = grid + [("SPAN", (0, 1), (-1, 1)),
                        ("BACKGROUND", (0, 1), (-1, 1), colors.Color(0.95, 0.95, 0.95))]
        n = len(r["staff"])
        for di, d in enumerate(dates):
            c = r["days"][di]
            share = f"{100 * c['WFA'] / n:.1f} %".replace(".", ",") if c and n else "-"
            cap = "0 %" if r["exempt"] else f"{r['caps'][di]} %"
            data.append([f"{HARI[d.weekday()]}, {d:%d-%m-%Y}", n,
                         c["WFO"] if c else "-", c["WFA"] if c else "-",
                         c["other"] if c else "-", share, cap, r["verdicts"][di]])
        story.append(LongTable(data, colWidths=widths, repeatRows=2, style=TableStyle(style)))
    story += signature()
    # Lampiran III: per employee, landscape.
    story.append(PageBreak())
    story += header("III")
    story.append(Paragraph("JADWAL PELAKSANAAN TUGAS KEDINASAN SECARA FLEKSIBEL (WFO/WFA) PEGAWAI "
                           f"ASN DI LINGKUNGAN {issuer} TANGGAL {period}", title))
    story.append(Spacer(1, 12))
    head = ["No", "Nama / NIP", "Jabatan"] + [f"{d:%d/%m}" for d in dates]
    widths = [20, 150, 170] + [(F4[1] - 40 * mm - 340) / len(dates)] * len(dates)
    for i, r in enumerate(rows):
        data = [head, [f"{i + 1}. {r['unit']['name'].upper()} ({r['unit']['code']}) — "
                       f"{len(r['staff'])} ASN"]]
        style = grid + [("SPAN", (0, 1), (-1, 1)),
                        ("BACKGROUND", (0, 1), (-1, 1), colors.Color(0.95, 0.95, 0.95))]
        if r["sched"] is None:
            style.append(("SPAN", (0, 2), (-1, 2)))
            data.append(["Belum mengirim jadwal."])
        else:
            for n, e in enumerate(r["staff"]):
                days = r["sched"].get(e["nip"], {})
                data.append([n + 1, f"{e['name']}\n{e['nip']}", e["position"]]
                            + [days.get(d, "-") for d in dates])
        story.append(LongTable(data, colWidths=widths, repeatRows=2, style=TableStyle(style)))
    story.append(Paragraph("Keterangan: " + "; ".join(f"{c} = {l}" for c, l in LABELS)
                           + "; - = tidak ada jadwal.", cell))
    story += signature()

    def later(canvas, doc):
        canvas.setFont("Sans", 11)
        canvas.drawCentredString(doc.pagesize[0] / 2, doc.pagesize[1] - 12 * mm,
                                 f"- {doc.page} -")

    doc = SimpleDocTemplate(path, pagesize=landscape(F4), leftMargin=25 * mm,
                            rightMargin=15 * mm, topMargin=20 * mm, bottomMargin=15 * mm,
                            title=f"Lampiran Surat Edaran {policy['issuer_title']}")
    doc.build(story, onLaterPages=later)


# ---------------------------------------------------------------- XLSX

THIN = Side(style="thin")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEAD_FILL = PatternFill("solid", fgColor="D9D9D9")
TOP = Alignment(vertical="top")


def table_sheet(ws, title, sub, headers, rows, freeze="A5"):
    ws["A1"] = title
    ws["A1"].font = Font(bold=True, size=12)
    ws["A2"] = sub
    for c, h in enumerate(headers, start=1):
        cell = ws.cell(row=4, column=c, value=h)
        cell.font = Font(bold=True)
        cell.fill = HEAD_FILL
        cell.border = BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    widths = [len(str(h)) for h in headers]
    for r, row in enumerate(rows, start=5):
        for c, v in enumerate(row, start=1):
            cell = ws.cell(row=r, column=c, value=v)
            cell.border = BORDER
            cell.alignment = TOP
            if isinstance(v, dt.date):
                cell.number_format = "dd-mm-yyyy"
            widths[c - 1] = max(widths[c - 1], len(str(v)) if v is not None else 0)
    for c, w in enumerate(widths, start=1):
        ws.column_dimensions[openpyxl.utils.get_column_letter(c)].width = min(max(w, 4), 60) + 2
    ws.freeze_panes = freeze
    ws.auto_filter.ref = f"A4:{openpyxl.utils.get_column_letter(len(headers))}{4 + len(rows)}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = 14
    ws.print_title_rows = "4:4"
    ws.oddFooter.center.text = "Halaman &P dari &N"


def recap_xlsx(path, policy, dates, rows, findings):
    sub = (f"Surat Edaran {policy['issuer_title']} Nomor {policy['number']} — "
           f"{tanggal_panjang(dates[0])} s.d. {tanggal_panjang(dates[-1])}")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Ringkasan"
    over = sum(v == "Melebihi batas" for r in rows for v in r["verdicts"])
    sent = sum(r["sched"] is not None for r in rows)
    table_sheet(ws, "REKAPITULASI JADWAL KERJA FLEKSIBEL (WFO/WFA)", sub, ["Uraian", "Jumlah"], [
        ("Perangkat daerah / unit kerja", len(rows)), ("Sudah mengirim", sent),
        ("Belum mengirim", len(rows) - sent),
        ("Dikecualikan (tetap WFO)", sum(r["exempt"] for r in rows)),
        ("Jumlah ASN menurut data pegawai", sum(len(r["staff"]) for r in rows)),
        ("Hari kerja dalam masa berlaku", len(dates)),
        ("Unit-hari dengan WFA melebihi batas", over),
        ("Temuan kesalahan", len(findings))])
    data = []
    for r in rows:
        n = len(r["staff"])
        for di, d in enumerate(dates):
            c = r["days"][di]
            data.append([r["unit"]["code"], r["unit"]["name"], d, HARI[d.weekday()], n,
                         c["WFO"] if c else None, c["WFA"] if c else None,
                         c["other"] if c else None, c["WFA"] / n if c and n else None,
                         None if r["exempt"] else r["caps"][di], r["verdicts"][di]])
    ws = wb.create_sheet("Rekap per Unit")
    table_sheet(ws, "REKAPITULASI PER PERANGKAT DAERAH DAN HARI", sub,
                ["Kode", "Perangkat Daerah / Unit Kerja", "Tanggal", "Hari", "Jumlah ASN", "WFO",
                 "WFA", "Lainnya", "% WFA", "Batas WFA (%)", "Keterangan"], data, "C5")
    for row in ws.iter_rows(min_row=5, min_col=9, max_col=9):
        for cell in row:
            cell.number_format = "0.0%"
    ws.conditional_formatting.add(
        f"F5:K{4 + len(data)}",
        FormulaRule(formula=['OR($K5="Melebihi batas",$K5="Melanggar pengecualian (ada WFA)")'],
                    font=Font(color="9C0006", bold=True),
                    fill=PatternFill("solid", bgColor="FFC7CE")))
    data = []
    for r in rows:
        days_of = r["sched"] or {}
        for n, e in enumerate(r["staff"]):
            days = days_of.get(e["nip"], {})
            data.append([r["unit"]["code"], r["unit"]["name"], n + 1, e["nip"], e["name"],
                         e["position"]] + [days.get(d, "-") for d in dates])
    ws = wb.create_sheet("Detail Pegawai")
    table_sheet(ws, "JADWAL PER PEGAWAI", sub, ["Kode", "Perangkat Daerah / Unit Kerja", "No",
                                                 "NIP", "Nama", "Jabatan"]
                + [f"{d:%d-%m-%Y}" for d in dates], data, "F5")
    ws = wb.create_sheet("Temuan")
    table_sheet(ws, "DAFTAR TEMUAN", sub, ["Tingkat", "Kode", "Berkas", "Baris", "NIP", "Pesan"],
                findings, "A5")
    ws = wb.create_sheet("Belum Mengirim")
    table_sheet(ws, "PERANGKAT DAERAH YANG BELUM MENGIRIM JADWAL", sub,
                ["No", "Kode", "Perangkat Daerah / Unit Kerja", "Jumlah ASN"],
                [[i + 1, r["unit"]["code"], r["unit"]["name"], len(r["staff"])]
                 for i, r in enumerate([r for r in rows if r["sched"] is None])])
    wb.save(path)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--policy", required=True)
    ap.add_argument("--master", required=True)
    ap.add_argument("--pdf", required=True)
    ap.add_argument("--xlsx", required=True)
    ap.add_argument("inputs", nargs="+")
    a = ap.parse_args()
    with open(a.policy, "rb") as f:
        policy = tomllib.load(f)
    for key in ("start", "end", "date"):
        if isinstance(policy[key], str):
            policy[key] = dt.date.fromisoformat(policy[key])
    employees, units = read_master(a.master)
    paths = []
    for p in a.inputs:
        if os.path.isdir(p):
            paths += [os.path.join(p, n) for n in sorted(os.listdir(p))]
        else:
            paths.append(p)
    findings, schedules = [], {}
    for p in paths:
        sched, unit = read_schedule(p, policy, employees, findings)
        if unit is not None:
            schedules.setdefault(unit, {}).update(sched)
    dates, rows = recap(policy, employees, units, schedules)
    lampiran_pdf(a.pdf, policy, dates, rows)
    recap_xlsx(a.xlsx, policy, dates, rows, findings)
    print(f"{len(paths)} berkas, {len(employees)} ASN, {len(dates)} hari kerja, "
          f"{len(findings)} temuan", file=sys.stderr)


if __name__ == "__main__":
    main()
