// `npm run tauri <args>` from ui/: runs the Tauri CLI with the app in ../src-tauri and the
// front end here (the CLI only looks for tauri.conf.json below the current folder).
// `dev` builds without the default `custom-protocol` feature so the app loads Vite's dev
// server. Works the same in cmd.exe, PowerShell and sh.
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ui = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(ui, 'node_modules', '@tauri-apps', 'cli', 'tauri.js');
const args = process.argv.slice(2);
// `dev` must not embed ui/dist (default feature custom-protocol): it loads the Vite dev server.
if (args[0] === 'dev' && !args.includes('--')) args.push('--', '--no-default-features');
const result = spawnSync(process.execPath, [cli, ...args], {
  stdio: 'inherit',
  env: { ...process.env, TAURI_APP_PATH: join(ui, '..', 'src-tauri'), TAURI_FRONTEND_PATH: ui },
});
process.exit(result.status ?? 1);
