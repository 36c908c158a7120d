// Test helpers shared by the vitest files (never imported by the app): a file's result line
// with neutral defaults, each test overriding what it is about.

import type { FileResult } from './bindings/FileResult';

/** The result line of a readable `a.xlsx` stored as submission 1. */
export function fileResult(over: Partial<FileResult> = {}): FileResult {
  return {
    name: 'a.xlsx',
    sheet: null,
    unit_code: null,
    unit_name: null,
    layout: null,
    rows: 0,
    errors: 0,
    warnings: 0,
    readable: true,
    problem: null,
    mappable: false,
    version: 1,
    covers: null,
    note: null,
    unchanged: false,
    read_as: [],
    submission_id: 1,
    ...over,
  };
}
