// Large pastes: the page stays responsive. Prints paste-to-highlights times and long tasks.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch } from './harness.mjs';
import { openPage, timedPaste, article, painted, quoteRanges } from './page-helpers.mjs';

let server;
let browser;
before(async () => {
  server = await startServer();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  server?.stop();
});

test('100 KB and 1 MB pastes: highlights quickly, no long task over 200 ms at 1 MB', async () => {
  const { page, context, errors } = await openPage(browser, server.url);
  const small = article(100_000);
  const r100 = await timedPaste(page, small);
  console.log(`# paste-to-highlights 100 KB: ${r100.ms} ms, in page ${r100.inPage} ms (longest task ${r100.longest} ms)`);
  const quotes = quoteRanges(await painted(page));
  assert.ok(quotes.length > 100, `${quotes.length} quotes painted`);
  for (const r of quotes.slice(0, 50)) assert.equal(small.slice(r.start, r.end), r.text);

  const big = article(1_000_000);
  const r1m = await timedPaste(page, big);
  console.log(`# paste-to-highlights 1 MB: ${r1m.ms} ms, in page ${r1m.inPage} ms (longest task ${r1m.longest} ms, ${r1m.count} over 50 ms)`);
  assert.ok(r1m.longest <= 200, `longest main-thread task ${r1m.longest} ms`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('5 MB paste completes and the page stays responsive', async () => {
  const { page, context, errors } = await openPage(browser, server.url);
  const huge = article(5_000_000);
  const r = await timedPaste(page, huge);
  console.log(`# paste-to-highlights 5 MB: ${r.ms} ms, in page ${r.inPage} ms; longest main-thread task ${r.longest} ms (${r.count} over 50 ms)`);
  // Responsive afterwards: a frame comes within a few hundred milliseconds, next quote works.
  const frame = await page.evaluate(() => new Promise((res) => { const t = performance.now(); requestAnimationFrame(() => res(performance.now() - t)); }));
  assert.ok(frame < 500, `frame after ${frame} ms`);
  await page.locator('#next').click();
  await page.waitForFunction(() => document.getElementById('view').dataset.current === '0');
  assert.ok(quoteRanges(await painted(page)).length > 0, 'quotes near the viewport are painted');
  assert.ok(r.longest < 500, `longest main-thread task ${r.longest} ms`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('50 MB paste: analysed whole, page usable afterwards (bad-input contract)', async () => {
  const { page, context, errors } = await openPage(browser, server.url);
  const text = article(50_000_000);
  const expected = text.split('«').length - 1;
  const r = await timedPaste(page, text);
  console.log(`# paste-to-highlights 50 MB: ${r.ms} ms, in page ${r.inPage} ms; longest main-thread task ${r.longest} ms (${r.count} over 50 ms)`);
  const status = await page.locator('#status').textContent();
  const shown = Number(status.match(/^([\d\s\u00a0\u202f]+) citations/)?.[1].replace(/\D/g, ''));
  assert.equal(shown, expected, status);
  const frame = await page.evaluate(() => new Promise((res) => { const t = performance.now(); requestAnimationFrame(() => res(performance.now() - t)); }));
  assert.ok(frame < 1000, `frame after ${frame} ms`);
  await page.locator('#next').click();
  await page.waitForFunction(() => document.getElementById('view').dataset.current === '0');
  assert.deepEqual(errors, []);
  await context.close();
});
