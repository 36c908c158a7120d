import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ColumnRole } from './bindings/ColumnRole';
import type { FileResult } from './bindings/FileResult';
import { fileResult } from './testing';
import type { MappingPreview } from './bindings/MappingPreview';

const invoke = vi.fn();
vi.mock('@tauri-apps/api/core', () => ({
  invoke: (...args: unknown[]) => invoke(...args),
  Channel: class {},
}));

const { ROLES, draftFrom, importWithMapping, mappingPreview, removeColumnMapping, replaceLines, toMapping } = await import(
  './mapping'
);

const preview: MappingPreview = {
  submission_id: 7,
  sheet: {
    file: 'bapelitbangda-rencana.csv',
    sheets: ['CSV'],
    sheet: 'CSV',
    columns: ['A', 'B', 'C'],
    row_numbers: [1, 2],
    cells: [
      ['Identitas', 'Kapan', 'Rencana'],
      ['198711112012122012', '29-12-2025', 'WFO'],
    ],
    guess: {
      sheet: 'CSV',
      header_row: 1,
      first_data_row: 2,
      columns: [
        { column: 'A', role: 'nip', date: null },
        { column: 'B', role: 'ignore', date: null },
        { column: 'C', role: 'status', date: null },
      ],
      unit: null,
    },
  },
  unit: 'BAPELITBANGDA',
  units: [{ code: 'BAPELITBANGDA', name: 'Bapelitbangda' }],
  problem: 'Baris judul kolom … tidak ditemukan',
};

function line(name: string, over: Partial<FileResult> = {}): FileResult {
  return fileResult({ name, readable: false, ...over });
}

describe('mapping', () => {
  beforeEach(() => invoke.mockReset());

  it('labels every role in Indonesian, once', () => {
    const roles = ROLES.map((r) => r.role);
    expect(new Set(roles).size).toBe(9);
    expect(ROLES.every((r) => r.label.length > 0 && !r.label.includes('_'))).toBe(true);
  });

  it('starts from the guess and the unit the file seems to be for', () => {
    const d = draftFrom(preview);
    expect(d.roles).toEqual(['nip', 'ignore', 'status']);
    expect(d.headerRow).toBe(1);
    expect(d.unit).toBe('BAPELITBANGDA');
  });

  it('turns the choices into the mapping Rust reads', () => {
    const roles: ColumnRole[] = ['nip', 'day', 'ignore'];
    const m = toMapping({ ...draftFrom(preview), roles, dates: ['', '2025-12-29', ''] }, preview.sheet);
    expect(m.first_data_row).toBe(2);
    expect(m.columns[1]).toEqual({ column: 'B', role: 'day', date: '2025-12-29' });
    expect(m.columns[0]?.date).toBeNull();
    const none = toMapping({ ...draftFrom(preview), headerRow: null, firstDataRow: 5, unit: '' }, preview.sheet);
    expect([none.header_row, none.first_data_row, none.unit]).toEqual([null, 5, null]);
    expect(m.sheet).toBeNull();
    const two = toMapping(draftFrom(preview), { ...preview.sheet, sheets: ['Jadwal', 'Petunjuk'], sheet: 'Jadwal' });
    expect(two.sheet).toBe('CSV');
  });

  it('puts the new lines where the unread line was', () => {
    const files = [line('a.csv'), line('b.csv'), line('c.csv')];
    const read = line('b.csv', { readable: true, rows: 4 });
    expect(replaceLines(files, 'b.csv', [read]).map((f) => [f.name, f.readable])).toEqual([
      ['a.csv', false],
      ['b.csv', true],
      ['c.csv', false],
    ]);
  });

  it('calls the four commands with their arguments', async () => {
    invoke.mockResolvedValue(preview);
    await mappingPreview(7, null);
    expect(invoke).toHaveBeenCalledWith('mapping_preview', { submissionId: 7, sheet: null });
    const m = toMapping(draftFrom(preview), preview.sheet);
    await importWithMapping(7, m, true);
    expect(invoke).toHaveBeenCalledWith('import_with_mapping', { submissionId: 7, mapping: m, remember: true });
    invoke.mockRejectedValueOnce({ code: 'unit.unknown', message: 'Tidak ada pemetaan kolom tersimpan untuk X.' });
    await expect(removeColumnMapping('X')).rejects.toEqual({
      code: 'unit.unknown',
      message: 'Tidak ada pemetaan kolom tersimpan untuk X.',
    });
  });
});
