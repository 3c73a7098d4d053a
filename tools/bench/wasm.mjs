// Wasm throughput in Node and in headless Chromium on the benchmark corpus, each beside a plain
// JavaScript regex scan of the same text in the same engine. Prints one JSON line per engine.
// Usage: node tools/bench/wasm.mjs target/bench/corpus.txt
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, launch, startServer } from '../../tests/e2e/harness.mjs';
import { benchEngine } from './engine.js';
import init, { analyze } from '../../www/pkg/quote_highlighter.js';

const corpus = process.argv[2] ?? path.join(ROOT, 'target/bench/corpus.txt');
const bytes = fs.readFileSync(corpus);

await init({ module_or_path: fs.readFileSync(path.join(ROOT, 'www/pkg/quote_highlighter_bg.wasm')) });
const node = await benchEngine(analyze, bytes.toString('utf8'), bytes.length);
console.log(JSON.stringify({ engine: 'node', ...node }));

// Chromium: serve the repository root so the page can fetch the corpus and the package.
const server = await startServer(ROOT);
const browser = await launch();
try {
  const page = await browser.newPage();
  await page.goto(`${server.url}tools/bench/wasm.html`);
  const chromium = await page.evaluate(() => window.benchResult);
  console.log(JSON.stringify({ engine: 'chromium', ...chromium }));
} finally {
  await browser.close();
  server.stop();
}
