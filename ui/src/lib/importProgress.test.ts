import { describe, expect, it } from 'vitest';
import type { ImportEvent } from './bindings/ImportEvent';
import type { FileResult } from './bindings/FileResult';
import { fileResult } from './testing';
import { applyEvent, doneCount, otherFiles, overallFraction, stageText, startProgress } from './importProgress';

const fold = (events: ImportEvent[]) => events.reduce(applyEvent, startProgress());

describe('import progress', () => {
  it('starts before the file list is known', () => {
    const p = startProgress();
    expect(p.stage).toBe('preparing');
    expect(overallFraction(p)).toBe(0);
    expect(stageText(p)).toBe('Menyiapkan impor…');
  });

  it('lists the queued files as waiting', () => {
    const p = fold([{ kind: 'queued', files: ['a.xlsx', 'b.csv'] }]);
    expect(p.stage).toBe('reading');
    expect(p.files.map((f) => [f.name, f.phase])).toEqual([
      ['a.xlsx', 'waiting'],
      ['b.csv', 'waiting'],
    ]);
    expect(stageText(p)).toBe('Membaca berkas 0 dari 2…');
  });

  it('follows each file from reading to done, in any order', () => {
    const p = fold([
      { kind: 'queued', files: ['a.xlsx', 'b.csv', 'c.ods'] },
      { kind: 'file_started', index: 1 },
      { kind: 'file_started', index: 0 },
      { kind: 'file_read', index: 1, unit_code: 'DINKES', rows: 42, readable: true },
    ]);
    expect(p.files.map((f) => f.phase)).toEqual(['reading', 'done', 'waiting']);
    expect(p.files[1]).toMatchObject({ unitCode: 'DINKES', rows: 42, readable: true });
    expect(doneCount(p)).toBe(1);
    const fraction = overallFraction(p);
    expect(fraction).toBeGreaterThan(1 / 3 - 0.05);
    expect(fraction).toBeLessThan(2 / 3);
  });

  it('keeps a finished file done when a late start arrives', () => {
    const p = fold([
      { kind: 'queued', files: ['a.xlsx'] },
      { kind: 'file_read', index: 0, unit_code: null, rows: 0, readable: false },
      { kind: 'file_started', index: 0 },
    ]);
    expect(p.files[0]).toMatchObject({ phase: 'done', readable: false });
  });

  it('ignores indexes outside the list', () => {
    const before = fold([{ kind: 'queued', files: ['a.xlsx'] }]);
    expect(applyEvent(before, { kind: 'file_started', index: 5 })).toBe(before);
  });

  it('ends full while saving', () => {
    const p = fold([{ kind: 'queued', files: ['a.xlsx', 'b.xlsx'] }, { kind: 'saving' }]);
    expect(p.files.every((f) => f.phase === 'done')).toBe(true);
    expect(overallFraction(p)).toBe(1);
    expect(stageText(p)).toMatch(/menyimpan/);
  });

  it('does not change the state it was given', () => {
    const before = fold([{ kind: 'queued', files: ['a.xlsx'] }]);
    applyEvent(before, { kind: 'file_started', index: 0 });
    expect(before.files[0]?.phase).toBe('waiting');
  });
});

describe('otherFiles', () => {
  const line = (name: string, unit: string | null, id: number | null): FileResult =>
    fileResult({ name, unit_code: unit, rows: 1, submission_id: id });
  it('keeps only the set files the import did not list', () => {
    const set = [line('a.xlsx', 'A', 1), line('b.xlsx', 'B', 2), line('rusak.xlsx', null, null), line('c.xlsx', 'C', 3)];
    const imported = [line('b.xlsx', 'B', 2), line('rusak.xlsx', null, null), line('sama.xlsx', null, null)];
    expect(otherFiles(set, imported).map((f) => f.name)).toEqual(['a.xlsx', 'c.xlsx']);
    expect(otherFiles(set, [])).toHaveLength(4);
  });
});
