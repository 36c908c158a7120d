// Compares what the Linux `fleksi` printed with what `fleksi.exe` printed under Wine, apart
// from path separators: in the Wine output each Windows prefix given (`Z:\…\check`) becomes
// its Linux counterpart, and the backslashes of the path that follows become slashes. JSON is
// compared as values (the first difference is named), anything else line by line.
// Usage: node same-output.mjs <linux-file> <wine-file> <windows-prefix>=<linux-prefix>...
import { readFileSync } from 'node:fs';

const [linuxFile, wineFile, ...maps] = process.argv.slice(2);
if (!linuxFile || !wineFile) {
  console.error('usage: node same-output.mjs <linux-file> <wine-file> <win>=<linux>...');
  process.exit(2);
}
const pairs = maps.map((m) => {
  const at = m.indexOf('=');
  return { win: m.slice(0, at), linux: m.slice(at + 1) };
});
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The Wine text with its Windows paths written the Linux way. */
function unwin(text) {
  let out = text;
  for (const { win, linux } of pairs) {
    out = out.split(win).join(linux);
    // The rest of each path runs to the next quote, line end or string end.
    out = out.replace(new RegExp(`${escape(linux)}[^'"\\n\\u201d]*`, 'g'), (p) =>
      p.replaceAll('\\', '/'),
    );
  }
  return out;
}

function walk(value) {
  if (typeof value === 'string') return unwin(value);
  if (Array.isArray(value)) return value.map(walk);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
  }
  return value;
}

/** The first place where `a` and `b` differ, or null. */
function firstDifference(a, b, at = '$') {
  if (typeof a !== typeof b || Array.isArray(a) !== Array.isArray(b) || (a === null) !== (b === null)) {
    return `${at}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`;
  }
  if (Array.isArray(a)) {
    if (a.length !== b.length) return `${at}: ${a.length} items ≠ ${b.length} items`;
    for (let i = 0; i < a.length; i++) {
      const d = firstDifference(a[i], b[i], `${at}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  if (a && typeof a === 'object') {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    for (const k of keys) {
      const d = firstDifference(a[k], b[k], `${at}.${k}`);
      if (d) return d;
    }
    return null;
  }
  return a === b ? null : `${at}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`;
}

const linuxText = readFileSync(linuxFile, 'utf8');
const wineText = readFileSync(wineFile, 'utf8');
let difference = null;
let linuxJson;
let wineJson;
try {
  linuxJson = JSON.parse(linuxText);
  wineJson = JSON.parse(wineText);
} catch {
  linuxJson = undefined;
}
if (linuxJson !== undefined) {
  difference = firstDifference(linuxJson, walk(wineJson));
} else {
  const a = linuxText.split('\n');
  const b = unwin(wineText).split('\n');
  for (let i = 0; i < Math.max(a.length, b.length) && !difference; i++) {
    if (a[i] !== b[i]) {
      difference = `line ${i + 1}:\n  Linux: ${JSON.stringify(a[i])}\n  Wine:  ${JSON.stringify(b[i])}`;
    }
  }
}
if (difference) {
  console.error(`${wineFile} differs from ${linuxFile} — ${difference}`);
  process.exit(1);
}
