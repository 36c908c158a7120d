// Talks to a parse worker (`fleksi-app --parse-worker`, see
// crates/fleksi-workspace/src/parse_worker/wire.rs) the way the app does: one request frame
// per file (its name, the default limits, its bytes), then end of input; writes every reply
// frame the worker sent to OUT and exits with the worker's exit code. wine-check.sh runs it
// against fleksi-app.exe under Wine and the Linux fleksi and compares the two OUT files.
//
//   node worker-probe.mjs OUT FILE... -- PROGRAM [ARGS...]
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { basename } from "node:path";

const args = process.argv.slice(2);
const cut = args.indexOf("--");
const [out, ...files] = args.slice(0, cut);
const [program, ...programArgs] = args.slice(cut + 1);

const u64 = (n) => {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(BigInt(n));
  return b;
};
const frame = (file) => {
  const bytes = readFileSync(file);
  const name = Buffer.from(basename(file), "utf8");
  // max_bytes, max_sheets, max_rows, max_cells, max_text_chars, parse_timeout (ms), length
  const limits = [64 << 20, 1000, 1048576, 5000000, 32767, 60000, bytes.length];
  const fields = Buffer.concat([u64(name.length), name, ...limits.map(u64)]);
  return Buffer.concat([
    Buffer.from("FKQ1"),
    u64(fields.length + bytes.length),
    fields,
    bytes,
  ]);
};

const child = spawn(program, [...programArgs, "--parse-worker"], {
  stdio: ["pipe", "pipe", "ignore"],
});
const replies = [];
child.stdout.on("data", (d) => replies.push(d));
child.stdin.on("error", () => {});
for (const f of files) child.stdin.write(frame(f));
child.stdin.end();
const timer = setTimeout(() => child.kill("SIGKILL"), 120000);
child.on("close", (code) => {
  clearTimeout(timer);
  writeFileSync(out, Buffer.concat(replies));
  process.exit(code ?? 99);
});
