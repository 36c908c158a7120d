// Indonesian labels for the stable codes the app shows: finding codes (Temuan table and its
// filter; generated from Rust, so the documents use the same words) and audit actions
// (Pengaturan › Jejak audit). The code itself stays in a tooltip for whoever supports the
// clerk. `labels.test.ts` fails when a code generated from Rust has no label.

import { AUDIT_ACTIONS, FINDING_CODES, FINDING_CODE_LABELS } from './bindings/codes';

export type FindingCodeName = (typeof FINDING_CODES)[number];
export type AuditActionName = (typeof AUDIT_ACTIONS)[number];

/** Finding labels come from Rust (`FindingCode::label`), the same words as in the documents. */
export const FINDING_LABELS: Record<FindingCodeName, string> = FINDING_CODE_LABELS;

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
