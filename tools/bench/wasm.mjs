// Wasm throughput in Node and in headless Chromium on the benchmark corpus, each beside a plain
// JavaScript regex scan of the same text in the same engine. Appends to target/bench/results.jsonl.
// Usage: node tools/bench/wasm.mjs target/bench/corpus.txt
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, launch, startServer } from '../../tests/e2e/harness.mjs';
import { benchEngine } from './engine.js';
import init, { analyze } from '../../www/pkg/quote_highlighter.js';

const corpus = process.argv[2] ?? path.join(ROOT, 'target/bench/corpus.txt');
const bytes = fs.readFileSync(corpus);

await init({ module_or_path: fs.readFileSync(path.join(ROOT, 'www/pkg/quote_highlighter_bg.wasm')) });
const results = fs.openSync(path.join(ROOT, 'target/bench/results.jsonl'), 'a');
function record(engine, r) {
  if (r.error) throw new Error(`${engine}: ${r.error}`);
  const rows = [
    [`${engine}_wasm_mbs`, r.oursMBs, 'MB/s', `wasm in ${engine} (transfer + UTF-16 offsets included)`],
    [`${engine}_baseline_mbs`, r.baselineMBs, 'MB/s', `${engine}: plain JS /«[^«»]*»/g scan`],
    [`${engine}_ratio`, r.ratio, 'x', `${engine}: our time / regex scan time`],
  ];
  for (const [key, value, unit, label] of rows) {
    console.log(`${label.padEnd(58)} ${value.toFixed(1).padStart(12)} ${unit}`);
    fs.writeSync(results, JSON.stringify({ key, value, unit, label }) + '\n');
  }
}
record('node', await benchEngine(analyze, bytes.toString('utf8'), bytes.length));

// Chromium: serve the repository root so the page can fetch the corpus and the package.
const server = await startServer(ROOT);
const browser = await launch();
try {
  const page = await browser.newPage();
  await page.goto(`${server.url}tools/bench/wasm.html`);
  record('chromium', await page.evaluate(() => window.benchResult));
} finally {
  await browser.close();
  server.stop();
}
