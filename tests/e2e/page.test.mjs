// End-to-end test of www/index.html in headless Chromium: paste text, check the painted ranges.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, newPage, highlightedRanges } from './harness.mjs';

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

/** Opens the page, pastes `text` through the clipboard, and waits for the analysis. */
async function paste(text) {
  const { page, context, errors } = await newPage(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
  await page.goto(server.url);
  await page.waitForSelector('body[data-engine="ready"]');
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.locator('#input').focus();
  await page.keyboard.press('Control+V');
  await page.waitForFunction((n) => document.getElementById('input').value.length === n
    && document.getElementById('view').dataset.state === 'ready'
    && document.getElementById('view').textContent === document.getElementById('input').value, text.length);
  return { page, context, errors };
}

const quoteRanges = (ranges) => ranges.filter((r) => /^qh-(s\d|none|term)$/.test(r.name));

test('pasting an article highlights each quote and lists its speaker', async () => {
  const text = [
    '«\u202fNous ne céderons rien sur les salaires\u202f», a déclaré Paul Durand devant les grévistes.',
    'La direction a reçu les délégués mardi matin.',
    '«\u00a0Le dialogue reste ouvert\u00a0», a déclaré Anne Petit.',
  ].join('\n');
  const { page, context, errors } = await paste(text);
  const ranges = quoteRanges(await highlightedRanges(page));
  assert.deepEqual(ranges.map((r) => r.text), [
    '«\u202fNous ne céderons rien sur les salaires\u202f»',
    '«\u00a0Le dialogue reste ouvert\u00a0»',
  ]);
  for (const r of ranges) assert.equal(text.slice(r.start, r.end), r.text);
  assert.notEqual(ranges[0].name, ranges[1].name, 'two speakers get two colours');
  const mentions = (await highlightedRanges(page, 'qh-mention')).map((r) => r.text);
  assert.deepEqual(mentions, ['Paul Durand', 'Anne Petit']);
  assert.match(await page.locator('#status').textContent(), /^2 citations, 2 locuteurs/);
  assert.deepEqual(await page.locator('#speakers li').allTextContents(), ['Paul Durand1', 'Anne Petit1']);
  assert.deepEqual(errors, []);
  await page.screenshot({ path: 'test-results/page.png', fullPage: true });
  await context.close();
});

test('offsets stay exact around é « » ’ U+202F and emoji', async () => {
  const text = 'Été 🙂 : « é ’ » d’abord.\n🙂 «\u202fNous, é ’ 🙂 résistons\u202f», a déclaré Jean Martin. 🙂🙂 Puis «\u00a0l’été 🙂 est là\u00a0».';
  const { page, context, errors } = await paste(text);
  const ranges = quoteRanges(await highlightedRanges(page));
  const expected = ['« é ’ »', '«\u202fNous, é ’ 🙂 résistons\u202f»', '«\u00a0l’été 🙂 est là\u00a0»'];
  assert.deepEqual(ranges.map((r) => text.slice(r.start, r.end)), expected);
  assert.deepEqual(ranges.map((r) => r.text), expected);
  assert.deepEqual(errors, []);
  await context.close();
});

test('pasted markup stays text', async () => {
  const text = '<img src=x onerror="window.__pwned=1"> «<b>gras</b>», a déclaré Jean Martin.';
  const { page, context, errors } = await paste(text);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator('#view img, #view b').count(), 0);
  assert.equal(await page.locator('#view').textContent(), text);
  assert.deepEqual(quoteRanges(await highlightedRanges(page)).map((r) => r.text), ['«<b>gras</b>»']);
  assert.deepEqual(errors, []);
  await context.close();
});
