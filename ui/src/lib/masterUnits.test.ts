import { describe, expect, it, vi } from 'vitest';
import type { PolicyForm } from './policyForm';

// The master: Dinas Kesehatan with a puskesmas (and its pustu), and a kecamatan with a kelurahan.
const UNITS = [
  { code: 'SETDA', name: 'Sekretariat Daerah' },
  { code: 'PKM-A', name: 'UPTD Puskesmas A' },
  { code: 'DINKES', name: 'Dinas Kesehatan' },
  { code: 'PUSTU', name: 'Pustu A' },
  { code: 'KEC', name: 'Kecamatan A' },
  { code: 'KEL', name: 'Kelurahan A' },
];
const BELOW: Record<string, string[]> = { DINKES: ['PKM-A', 'PUSTU'], 'PKM-A': ['PUSTU'], KEC: ['KEL'] };
const sent: PolicyForm[] = [];

vi.mock('./api', () => ({
  recapGrid: async () => ({ days: [], units: UNITS.map((u) => ({ ...u, total_staff: 1, submitted: false, exempt: false, cells: [] })) }),
  // Like Rust: the unit exempted by code and every unit below it, as `name (code)`.
  policyPreview: async (form: PolicyForm) => {
    sent.push(form);
    const code = form.exempt[0]?.value ?? '';
    const codes = [code, ...(BELOW[code] ?? [])];
    return {
      detail: null,
      problems: [],
      to_fill: [],
      exempt_units: UNITS.filter((u) => codes.includes(u.code)).map((u) => `${u.name} (${u.code})`),
    };
  },
}));

const { loadUnitTree } = await import('./masterUnits');

describe('loadUnitTree', () => {
  it('asks Rust which units sit under each unit and indents them', async () => {
    const base = {
      exempt: [{ by: 'word', value: 'Puskesmas' }],
      exempt_positions: ['Bidan'],
      schemes: [{ unit: 'DINKES', caps: [], piket_min: 2 }],
      status_synonyms: [],
      signatory: { position: 'BUPATI', name: 'X' },
      working_weekdays: ['Mon'],
      wfa_weekdays: [],
      assumptions: [],
    } as unknown as PolicyForm;
    const tree = await loadUnitTree(base);
    expect(tree.map((u) => `${u.depth}:${u.code}`)).toEqual(['0:SETDA', '0:DINKES', '1:PKM-A', '2:PUSTU', '0:KEC', '1:KEL']);
    // One probe per unit, each exempting that unit alone (the form's own rules left out).
    expect(sent).toHaveLength(UNITS.length);
    expect(sent.every((f) => f.exempt.length === 1 && f.schemes.length === 0 && f.exempt_positions.length === 0)).toBe(true);
  });
});
