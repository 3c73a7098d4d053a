// Paste-to-highlights in the page (www/index.html) for 100 KB, 1 MB and 5 MB of article text,
// in headless Chromium, pasting through the clipboard as a user would. Appends to
// target/bench/results.jsonl. The time runs from the key press to the highlights on screen
// (including the test's 50 ms polling); `in page` is the page's own measure from its paste handler.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, startServer, launch } from '../../tests/e2e/harness.mjs';
import { openPage, timedPaste, article } from '../../tests/e2e/page-helpers.mjs';

const out = fs.openSync(path.join(ROOT, 'target/bench/results.jsonl'), 'a');
const server = await startServer();
const browser = await launch();
try {
  for (const [label, size, key] of [['100 KB', 100_000, 'paste_100kb_ms'], ['1 MB', 1_000_000, 'paste_1mb_ms'], ['5 MB', 5_000_000, 'paste_5mb_ms']]) {
    const { page, context } = await openPage(browser, server.url);
    const r = await timedPaste(page, article(size));
    const line = `page: paste ${label} → highlights (in page ${r.inPage} ms, longest task ${r.longest} ms)`;
    console.log(`${line.padEnd(58)} ${String(r.ms).padStart(12)} ms`);
    fs.writeSync(out, JSON.stringify({ key, value: r.ms, unit: 'ms', label: line }) + '\n');
    fs.writeSync(out, JSON.stringify({ key: `${key}_longest_task`, value: r.longest, unit: 'ms', label: `longest task, ${label} paste` }) + '\n');
    await context.close();
  }
} finally {
  await browser.close();
  server.stop();
}
