// Every code the Rust side can produce has an Indonesian label that is not the code itself.
import { describe, expect, it } from 'vitest';

import { AUDIT_ACTIONS, FINDING_CODES } from './bindings/codes';
import { AUDIT_LABELS, FINDING_LABELS, auditLabel, findingLabel } from './labels';

function checkLabels(codes: readonly string[], labels: Record<string, string>) {
  const missing = codes.filter((c) => !(labels[c] ?? '').trim());
  expect(missing, `codes without an Indonesian label: ${missing.join(', ')}`).toEqual([]);
  for (const c of codes) {
    expect(labels[c]).not.toBe(c);
    expect(labels[c]).not.toMatch(/[._]/);
  }
  // No label for a code Rust no longer has.
  expect(Object.keys(labels).filter((c) => !codes.includes(c))).toEqual([]);
}

describe('labels', () => {
  it('labels every finding code', () => checkLabels(FINDING_CODES, FINDING_LABELS));
  it('labels every audit action', () => checkLabels(AUDIT_ACTIONS, AUDIT_LABELS));
  it('gives unknown codes a general label, never the raw code', () => {
    expect(findingLabel('future.code')).toBe('Temuan lain');
    expect(auditLabel('future_action')).toBe('Catatan');
    expect(findingLabel('wfa.quota_exceeded')).toBe('WFA melebihi batas harian');
  });
});
