// The working set as every page sees it: fetched at start, and again whenever Rust emits
// `session-changed` (start-up load finished, import, demo, new period).

import { listen } from '@tauri-apps/api/event';
import { SESSION_CHANGED, sessionState } from './api';
import type { IpcError } from './bindings/IpcError';
import type { SessionState } from './bindings/SessionState';

export const session = $state<{ state: SessionState | null; error: IpcError | null; version: number }>({
  state: null,
  error: null,
  version: 0,
});

/** Asks Rust for the current state. `version` counts the changes so pages can reload. */
export async function refreshSession(): Promise<void> {
  try {
    session.state = await sessionState();
    session.error = null;
  } catch (err) {
    session.error = err as IpcError;
  }
  session.version += 1;
  // Still restoring at start-up: the event will tell, but ask again in case it was missed.
  if (session.state?.loading) setTimeout(() => void refreshSession(), 1500);
}

let watching = false;

/** Called once by the shell: first fetch plus the change listener. */
export async function watchSession(): Promise<void> {
  if (watching) return;
  watching = true;
  try {
    await listen(SESSION_CHANGED, () => void refreshSession());
  } catch {
    // Without the event the pages still refresh after their own actions.
  }
  await refreshSession();
}
