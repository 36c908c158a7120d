// The progress of one import as the UI draws it, folded from the events Rust streams
// (`queued`, then per file `file_started` / `file_read`, then `saving`).

import type { FileResult } from './bindings/FileResult';
import type { ImportEvent } from './bindings/ImportEvent';

export type FilePhase = 'waiting' | 'reading' | 'done';

export interface FileProgress {
  name: string;
  phase: FilePhase;
  unitCode: string | null;
  rows: number;
  readable: boolean;
}

export type ImportStage = 'preparing' | 'reading' | 'saving';

export interface ImportProgress {
  stage: ImportStage;
  files: FileProgress[];
}

/** Before Rust has listed the files. */
export function startProgress(): ImportProgress {
  return { stage: 'preparing', files: [] };
}

/** The state after one more event (a new object; the old one is left as it was). */
export function applyEvent(state: ImportProgress, event: ImportEvent): ImportProgress {
  switch (event.kind) {
    case 'queued':
      return {
        stage: 'reading',
        files: event.files.map((name) => ({ name, phase: 'waiting', unitCode: null, rows: 0, readable: true })),
      };
    case 'file_started':
      return update(state, event.index, (f) => (f.phase === 'done' ? f : { ...f, phase: 'reading' }));
    case 'file_read':
      return update(state, event.index, (f) => ({
        ...f,
        phase: 'done',
        unitCode: event.unit_code,
        rows: event.rows,
        readable: event.readable,
      }));
    case 'saving':
      return { stage: 'saving', files: state.files.map((f) => ({ ...f, phase: 'done' })) };
  }
}

function update(state: ImportProgress, index: number, fn: (f: FileProgress) => FileProgress): ImportProgress {
  const current = state.files[index];
  if (current === undefined) return state;
  const files = state.files.slice();
  files[index] = fn(current);
  return { ...state, files };
}

/** Files read so far. */
export function doneCount(state: ImportProgress): number {
  return state.files.filter((f) => f.phase === 'done').length;
}

/** Overall progress 0…1: reading counts for 95 %, saving finishes it. */
export function overallFraction(state: ImportProgress): number {
  if (state.stage === 'saving') return 1;
  if (state.files.length === 0) return 0;
  const reading = state.files.filter((f) => f.phase === 'reading').length;
  return (0.95 * (doneCount(state) + reading * 0.5)) / state.files.length;
}

/** One line saying where the import is, for the overall bar. */
export function stageText(state: ImportProgress): string {
  switch (state.stage) {
    case 'preparing':
      return 'Menyiapkan impor…';
    case 'reading':
      return `Membaca berkas ${doneCount(state)} dari ${state.files.length}…`;
    case 'saving':
      return 'Memeriksa dan menyimpan ke basis data…';
  }
}

/** The working set's files that the last import did not list, so each file shows on one
 *  line only: the import's lines first, then "the other files of the set". A line is the
 *  same file when its database id matches (or, without one, its name and unit). */
export function otherFiles(set: readonly FileResult[], imported: readonly FileResult[]): FileResult[] {
  const ids = new Set(imported.map((f) => f.submission_id).filter((id) => id !== null));
  const keys = new Set(imported.map((f) => `${f.name}\u0000${f.unit_code ?? ''}`));
  return set.filter((f) =>
    f.submission_id !== null ? !ids.has(f.submission_id) : !keys.has(`${f.name}\u0000${f.unit_code ?? ''}`),
  );
}
