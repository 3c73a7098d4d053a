// Sizes of the release package: the .wasm raw and gzipped (level 9) and the JavaScript glue.
// `node tools/bench/sizes.mjs` appends them to target/bench/results.jsonl and prints them.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// Issue #11's budget (it was issue #7's 150 KB); the wasm is built for size by `make pkg`
// (Cargo.toml's `wasm-release` profile).
export const WASM_GZIP_BUDGET_KB = 110;

export function packageSizes(dir = path.join(ROOT, 'www/pkg')) {
  const wasm = fs.readFileSync(path.join(dir, 'quote_highlighter_bg.wasm'));
  const glue = fs.readFileSync(path.join(dir, 'quote_highlighter.js'));
  return {
    wasm_raw_kb: wasm.length / 1024,
    wasm_gzip_kb: zlib.gzipSync(wasm, { level: 9 }).length / 1024,
    glue_js_kb: glue.length / 1024,
    glue_js_gzip_kb: zlib.gzipSync(glue, { level: 9 }).length / 1024,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const sizes = packageSizes();
  const out = fs.openSync(path.join(ROOT, 'target/bench/results.jsonl'), 'a');
  const labels = { wasm_raw_kb: 'release wasm, raw', wasm_gzip_kb: 'release wasm, gzip -9', glue_js_kb: 'JS glue, raw', glue_js_gzip_kb: 'JS glue, gzip -9' };
  for (const [key, value] of Object.entries(sizes)) {
    console.log(`${labels[key].padEnd(58)} ${value.toFixed(1).padStart(12)} KB`);
    fs.writeSync(out, JSON.stringify({ key, value, unit: 'KB', label: labels[key] }) + '\n');
  }
}
