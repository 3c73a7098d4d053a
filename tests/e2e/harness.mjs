// Shared set-up for the browser tests: serve www/ on a free loopback port, drive Debian's
// Chromium through playwright-core (never a downloaded browser), and collect console errors.
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export function chromiumPath() {
  if (process.env.CHROMIUM) return process.env.CHROMIUM;
  const found = execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' }).trim();
  return fs.realpathSync(found);
}

/** Starts tools/serve.mjs on a free port (serving `root`, www/ by default); resolves to { url, stop }. */
export function startServer(root = path.join(ROOT, 'www')) {
  return new Promise((resolve, reject) => {
    const args = [path.join(ROOT, 'tools', 'serve.mjs'), '--port', '0', '--root', root];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const m = out.match(/http:\/\/127\.0\.0\.1:\d+\//);
      if (m) resolve({ url: m[0], stop: () => child.kill() });
    });
    child.on('exit', (code) => reject(new Error(`server exited (${code}) before printing its URL`)));
  });
}

export async function launch() {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A new page that records console errors and page errors into `errors`. */
export async function newPage(browser, options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const errors = [];
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
  page.on('pageerror', (err) => errors.push(String(err)));
  return { page, context, errors };
}

/** Every range of every ::highlight() registered by the page, as { name, start, end, text }. */
export function highlightedRanges(page, prefix = 'qh-') {
  return page.evaluate((prefix) => {
    const out = [];
    for (const [name, h] of CSS.highlights) {
      if (!name.startsWith(prefix)) continue;
      for (const r of h) out.push({ name, start: r.startOffset, end: r.endOffset, text: r.toString() });
    }
    return out.sort((a, b) => a.start - b.start || a.name.localeCompare(b.name));
  }, prefix);
}
