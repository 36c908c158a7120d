// The mapping step ("Atur kolom…" on Impor Jadwal, "Pemetaan kolom tersimpan" on
// Pengaturan): its four commands, the role names in Indonesian, and turning the dialog's
// choices into the `ColumnMapping` Rust reads the file with (Rust checks every choice).

import { invoke } from '@tauri-apps/api/core';
import { toIpcError } from './api';
import type { ColumnMapping } from './bindings/ColumnMapping';
import type { ColumnRole } from './bindings/ColumnRole';
import type { FileResult } from './bindings/FileResult';
import type { ImportOutcome } from './bindings/ImportOutcome';
import type { MappingPreview } from './bindings/MappingPreview';
import type { MappingRow } from './bindings/MappingRow';
import type { SheetPreview } from './bindings/SheetPreview';

/** Every role, in the order the dropdown offers them, with its Indonesian label. */
export const ROLES: { role: ColumnRole; label: string }[] = [
  { role: 'ignore', label: 'Abaikan' },
  { role: 'nip', label: 'NIP' },
  { role: 'name', label: 'Nama' },
  { role: 'position', label: 'Jabatan' },
  { role: 'unit', label: 'Unit' },
  { role: 'date', label: 'Tanggal' },
  { role: 'status', label: 'Keterangan (WFO/WFA…)' },
  { role: 'approval', label: 'Persetujuan' },
  { role: 'day', label: 'Kolom per tanggal' },
];

/** What the clerk has chosen in the dialog so far. */
export interface MappingDraft {
  sheet: string;
  /** 1-based; null: no header row. */
  headerRow: number | null;
  /** 1-based; used when there is no header row (else the row below the header). */
  firstDataRow: number;
  /** One role per column shown. */
  roles: ColumnRole[];
  /** One ISO date (or '' = from the header cell) per column shown; for 'day' columns. */
  dates: string[];
  /** Master unit code; '' = as the file tells it. */
  unit: string;
}

/** The dialog's starting point: the reader's guess and the unit the file seems to be for. */
export function draftFrom(preview: MappingPreview): MappingDraft {
  const sheet = preview.sheet;
  const byColumn = new Map(sheet.guess.columns.map((c) => [c.column, c]));
  return {
    sheet: sheet.sheet,
    headerRow: sheet.guess.header_row,
    firstDataRow: sheet.guess.first_data_row,
    roles: sheet.columns.map((c) => byColumn.get(c)?.role ?? 'ignore'),
    dates: sheet.columns.map((c) => byColumn.get(c)?.date ?? ''),
    unit: preview.unit ?? '',
  };
}

/** The mapping the draft describes, for the sheet shown; the sheet is named only when the
 *  workbook has several (a CSV's is always "CSV", and the unit's next file may name its one
 *  sheet otherwise). */
export function toMapping(draft: MappingDraft, shown: SheetPreview): ColumnMapping {
  return {
    sheet: shown.sheets.length > 1 ? draft.sheet : null,
    header_row: draft.headerRow,
    first_data_row: draft.headerRow === null ? draft.firstDataRow : draft.headerRow + 1,
    columns: shown.columns.map((column, i) => ({
      column,
      role: draft.roles[i] ?? 'ignore',
      date: draft.roles[i] === 'day' && draft.dates[i] ? draft.dates[i] : null,
    })),
    unit: draft.unit === '' ? null : draft.unit,
  };
}

/** `files` with the line(s) of file `name` replaced by `lines` (in place of the first). */
export function replaceLines(files: FileResult[], name: string, lines: FileResult[]): FileResult[] {
  const at = files.findIndex((f) => f.name === name);
  if (at < 0) return [...files, ...lines];
  return [...files.slice(0, at), ...lines, ...files.slice(at).filter((f) => f.name !== name)];
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (err) {
    throw toIpcError(err);
  }
}

/** The first rows of a stored file (sheet null: its first) and the dialog's starting point. */
export function mappingPreview(submissionId: number, sheet: string | null): Promise<MappingPreview> {
  return call<MappingPreview>('mapping_preview', { submissionId, sheet });
}

/** Imports the stored file with the clerk's mapping; `remember` keeps it for the unit. */
export function importWithMapping(submissionId: number, mapping: ColumnMapping, remember: boolean): Promise<ImportOutcome> {
  return call<ImportOutcome>('import_with_mapping', { submissionId, mapping, remember });
}

/** The remembered mappings, by unit. */
export function listColumnMappings(): Promise<MappingRow[]> {
  return call<MappingRow[]>('list_column_mappings');
}

/** Forgets a unit's remembered mapping; the list after. */
export function removeColumnMapping(unit: string): Promise<MappingRow[]> {
  return call<MappingRow[]>('remove_column_mapping', { unit });
}
