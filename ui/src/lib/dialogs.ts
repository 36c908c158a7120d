// The native open/save dialogs, one at a time: a second press (or Enter held on the button)
// while a dialog is open is ignored instead of stacking a second dialog behind the first.

import * as native from '@tauri-apps/plugin-dialog';

let openDialogs = 0;

/** True while a native dialog is open (buttons may show themselves as busy). */
export function dialogOpen(): boolean {
  return openDialogs > 0;
}

async function oneAtATime<T>(show: () => Promise<T>): Promise<T | null> {
  if (openDialogs > 0) return null;
  openDialogs += 1;
  try {
    return await show();
  } finally {
    openDialogs -= 1;
  }
}

/** `plugin-dialog`'s `open`; resolves to null (as if cancelled) while another dialog is open. */
export function open<T extends native.OpenDialogOptions>(options?: T): Promise<native.OpenDialogReturn<T> | null> {
  return oneAtATime(() => native.open(options));
}

/** `plugin-dialog`'s `save`; resolves to null (as if cancelled) while another dialog is open. */
export function save(options?: native.SaveDialogOptions): Promise<string | null> {
  return oneAtATime(() => native.save(options));
}
