// Prints the figures of one `make bench` run side by side with the budgets of issue 7.
// Reads target/bench/results.jsonl (native, command line, sizes) and the wasm lines given on stdin.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../../tests/e2e/harness.mjs';
import { WASM_GZIP_BUDGET_KB } from './sizes.mjs';

const results = fs.readFileSync(path.join(ROOT, 'target/bench/results.jsonl'), 'utf8')
  .split('\n').filter(Boolean).map((l) => JSON.parse(l));
const get = (key) => results.find((r) => r.key === key)?.value;
const BUDGETS = [
  ['native_full_mbs', '>=', 200, 'full native analysis, MB/s (1 core)'],
  ['native_detect_mbs', '>=', 1000, 'detection alone, MB/s (1 core)'],
  ['chromium_wasm_mbs', '>=', 50, 'wasm in Chromium, MB/s'],
  ['paste_1mb_ms', '<=', 300, '1 MB paste → highlights, ms'],
  ['wasm_gzip_kb', '<=', WASM_GZIP_BUDGET_KB, 'gzipped wasm, KB'],
  ['peak_bytes_per_input_byte', '<=', 10, 'peak memory, bytes per input byte'],
];
console.log('\nbudget                                         measured      budget   ');
for (const [key, op, limit, label] of BUDGETS) {
  const v = get(key);
  const ok = v === undefined ? 'not measured' : (op === '>=' ? v >= limit : v <= limit) ? 'ok' : 'OVER BUDGET';
  console.log(`${label.padEnd(44)} ${v === undefined ? '—'.padStart(10) : v.toFixed(1).padStart(10)}  ${op} ${String(limit).padEnd(6)} ${ok}`);
}
const lin = ['native_full_1mb_mbs', 'native_full_10mb_mbs', 'native_full_100mb_mbs'].map(get).filter((v) => v !== undefined);
if (lin.length === 3) {
  const spread = (Math.max(...lin) - Math.min(...lin)) / Math.max(...lin) * 100;
  console.log(`${'linearity: spread of 1/10/100 MB throughput, %'.padEnd(44)} ${spread.toFixed(1).padStart(10)}  <= 20     ${spread <= 20 ? 'ok' : 'OVER BUDGET'}`);
}
