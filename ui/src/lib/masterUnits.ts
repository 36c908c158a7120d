// The units of the master in use as a tree, for the editor's pickers. The units come from the
// recap grid (as on Data Pegawai); which units sit under which is asked of Rust itself: the
// preview of a policy that exempts one unit by code lists that unit with every unit under it
// (the same inheritance the rules apply), so the tree shown is the one the checks use.

import { policyPreview, recapGrid } from './api';
import { splitUnitLabel, toPayload, unitTree, type PolicyForm, type TreeUnit } from './policyForm';

/** The units of the master in use, children under their parent; `[]` without a working set. */
export async function loadUnitTree(base: PolicyForm): Promise<TreeUnit[]> {
  const grid = await recapGrid();
  const units = grid.units.map((u) => ({ code: u.code, name: u.name }));
  const probe: PolicyForm = {
    ...toPayload(base),
    exempt: [],
    exempt_positions: [],
    schemes: [],
    status_synonyms: [],
  };
  const below: Record<string, string[]> = {};
  for (const u of units) {
    const preview = await policyPreview({ ...probe, exempt: [{ by: 'code', value: u.code }] });
    below[u.code] = preview.exempt_units.map((l) => splitUnitLabel(l).code).filter((c) => c !== '' && c !== u.code);
  }
  return unitTree(units, below);
}
