// Indonesian labels for the stable codes the app shows: finding codes (Temuan table and its
// filter) and audit actions (Pengaturan › Jejak audit). The code itself stays in a tooltip
// for whoever supports the clerk. `labels.test.ts` fails when a code generated from Rust
// (`bindings/codes.ts`) has no label here.

import { AUDIT_ACTIONS, FINDING_CODES } from './bindings/codes';

export type FindingCodeName = (typeof FINDING_CODES)[number];
export type AuditActionName = (typeof AUDIT_ACTIONS)[number];

export const FINDING_LABELS: Record<FindingCodeName, string> = {
  'file.unreadable': 'Berkas tidak terbaca',
  'unit.unknown': 'Unit kerja tidak dikenali',
  'header.not_found': 'Judul kolom tidak ditemukan',
  'nip.invalid': 'NIP tidak sah',
  'nip.precision_lost': 'NIP terpotong (diketik sebagai angka)',
  'nip.duplicate': 'NIP ganda',
  'nip.unknown': 'NIP tidak ada di data pegawai',
  'nip.other_unit': 'NIP milik unit lain',
  'employee.missing': 'Pegawai tidak dijadwalkan',
  'status.unknown': 'Keterangan tidak dikenali',
  'status.missing': 'Keterangan kosong',
  'date.outside_period': 'Tanggal di luar masa berlaku',
  'date.non_working': 'Jadwal pada hari libur',
  'wfa.exempt_unit': 'WFA di unit yang dikecualikan',
  'wfa.quota_exceeded': 'WFA melebihi batas harian',
  'wfa.day_not_allowed': 'WFA pada hari yang tidak diizinkan',
  'wfa.weekly_limit': 'WFA melebihi batas mingguan',
  'approval.missing': 'Belum disetujui atasan',
  'approval.unclear': 'Persetujuan atasan tidak jelas',
  'date.invalid': 'Tanggal tidak terbaca',
  'piket.understaffed': 'Petugas piket kurang',
  'employee.double_booked': 'Pegawai dijadwalkan dua unit',
  'cell.outside_table': 'Isian di luar tabel jadwal',
  'staff.non_asn': 'Baris pegawai non-ASN',
};

export const AUDIT_LABELS: Record<AuditActionName, string> = {
  impor: 'Impor jadwal',
  periode_baru: 'Periode baru',
  pengaturan: 'Pengaturan diubah',
  cadangan: 'Cadangan dibuat',
  pulihkan: 'Dipulihkan dari cadangan',
  keluarkan_berkas: 'Berkas dikeluarkan',
  simpan_surat_edaran: 'Surat Edaran disimpan',
  arsip_surat_edaran: 'Surat Edaran diarsipkan',
  batal_ubah_surat_edaran: 'Perubahan Surat Edaran dibatalkan',
  pakai_surat_edaran: 'Surat Edaran dipakai',
  data_contoh: 'Data contoh',
  rentang_laporan: 'Rentang laporan',
  simpan_dokumen: 'Dokumen disimpan',
  simpan_pemetaan_kolom: 'Pemetaan kolom disimpan',
  hapus_pemetaan_kolom: 'Pemetaan kolom dihapus',
};

/** The label of a finding code; an unknown code (newer database) reads as a general one. */
export function findingLabel(code: string): string {
  return (FINDING_LABELS as Record<string, string>)[code] ?? 'Temuan lain';
}

/** The label of an audit action; an action this build does not know reads as "Catatan". */
export function auditLabel(action: string): string {
  return (AUDIT_LABELS as Record<string, string>)[action] ?? 'Catatan';
}
