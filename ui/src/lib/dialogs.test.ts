// A second dialog request while one is open is ignored; after it closes, the next one opens.
import { describe, expect, it, vi } from 'vitest';

const pending: Array<(v: string | null) => void> = [];
vi.mock('@tauri-apps/plugin-dialog', () => ({
  save: vi.fn(() => new Promise<string | null>((resolve) => pending.push(resolve))),
  open: vi.fn(() => new Promise<string | null>((resolve) => pending.push(resolve))),
}));

import * as native from '@tauri-apps/plugin-dialog';
import { dialogOpen, open, save } from './dialogs';

describe('dialogs', () => {
  it('opens one dialog at a time', async () => {
    const first = save({ title: 'Simpan lampiran PDF' });
    expect(dialogOpen()).toBe(true);
    const second = await save({ title: 'Simpan lampiran PDF' });
    const third = await open({ directory: true });
    expect(second).toBeNull();
    expect(third).toBeNull();
    expect(native.save).toHaveBeenCalledTimes(1);
    expect(native.open).toHaveBeenCalledTimes(0);
    pending.shift()?.('/tmp/lampiran.pdf');
    expect(await first).toBe('/tmp/lampiran.pdf');
    expect(dialogOpen()).toBe(false);
    const again = save({});
    expect(native.save).toHaveBeenCalledTimes(2);
    pending.shift()?.(null);
    expect(await again).toBeNull();
  });
});
