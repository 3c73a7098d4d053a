// End-to-end tests of www/index.html in headless Chromium: paste text as a user would, then check
// what is painted, the panel, filters, details, navigation, export, diagnostics, storage, offline.
// Sentences use the attribution the engine has had from the start («…», a déclaré Prénom Nom):
// finer attribution belongs to the core's own tests.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, launch, ROOT } from './harness.mjs';
import { openPage, paste, painted, quoteRanges, waitReady } from './page-helpers.mjs';

let server;
let browser;
before(async () => {
  server = await startServer();
  browser = await launch();
  fs.mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
});
after(async () => {
  await browser?.close();
  server?.stop();
});

const ARTICLE = [
  '«\u202fNous ne céderons rien sur les salaires\u202f», a déclaré Paul Durand devant les grévistes.',
  'La direction a reçu les délégués mardi matin.',
  '«\u00a0Le dialogue reste ouvert\u00a0», a déclaré Anne Petit.',
  '«\u202fLa grève continuera jusqu’à lundi\u202f», a déclaré Paul Durand.',
].join('\n');

const summaries = (page) => page.locator('#speakers > li > details > summary').allTextContents();

test('pasting an article highlights each quote and lists its speakers', async () => {
  const { page, context, errors } = await openPage(browser, server.url);
  await paste(page, ARTICLE);
  assert.equal(await page.locator('#view').textContent(), ARTICLE);
  const ranges = quoteRanges(await painted(page));
  const expected = [
    '«\u202fNous ne céderons rien sur les salaires\u202f»',
    '«\u00a0Le dialogue reste ouvert\u00a0»',
    '«\u202fLa grève continuera jusqu’à lundi\u202f»',
  ];
  assert.deepEqual(ranges.map((r) => r.text), expected);
  for (const r of ranges) assert.equal(ARTICLE.slice(r.start, r.end), r.text);
  const colour = Object.fromEntries(ranges.map((r) => [r.text, r.name]));
  assert.equal(colour[expected[0]], colour[expected[2]], 'one colour per speaker');
  assert.notEqual(colour[expected[0]], colour[expected[1]], 'two speakers, two colours');
  const mentions = (await painted(page, 'qh-mention')).map((r) => r.text);
  assert.deepEqual(mentions, ['Paul Durand', 'Anne Petit', 'Paul Durand']);
  assert.match(await page.locator('#status').textContent(), /^3 citations, 2 locuteurs/);
  assert.deepEqual((await summaries(page)).slice(0, 2), ['Paul Durand2', 'Anne Petit1']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the analysis follows typing', async () => {
  const { page, context, errors } = await openPage(browser, server.url);
  await page.locator('#input').focus();
  await page.keyboard.type('«Oui», a déclaré Jean Martin.');
  await page.waitForFunction(() => /^1 citation, 1 locuteur/.test(document.getElementById('status').textContent));
  await page.keyboard.type(' «Non», a déclaré Anne Petit.');
  await page.waitForFunction(() => /^2 citations, 2 locuteurs/.test(document.getElementById('status').textContent));
  assert.deepEqual(quoteRanges(await painted(page)).map((r) => r.text), ['«Oui»', '«Non»']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('offsets stay exact around é « » ’ U+202F and emoji', async () => {
  const { page, context, errors } = await openPage(browser, server.url);
  const text = 'Été 🙂 : « é ’ » d’abord.\n🙂 «\u202fNous, é ’ 🙂 résistons\u202f», a déclaré Jean Martin. 🙂🙂 Puis «\u00a0l’été 🙂 est là\u00a0».';
  await paste(page, text);
  const ranges = quoteRanges(await painted(page));
  const expected = ['« é ’ »', '«\u202fNous, é ’ 🙂 résistons\u202f»', '«\u00a0l’été 🙂 est là\u00a0»'];
  assert.deepEqual(ranges.map((r) => text.slice(r.start, r.end)), expected);
  assert.deepEqual(ranges.map((r) => r.text), expected);
  assert.deepEqual(errors, []);
  await context.close();
});

test('pasted markup stays text and runs nothing', async () => {
  const { page, context, errors } = await openPage(browser, server.url);
  const text = '<img src=x onerror="window.__pwned=1"> «<b>gras</b> <script>window.__pwned=2</script>», a déclaré Jean Martin.';
  await paste(page, text);
  await page.waitForTimeout(100);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator('img, #view b, #view script').count(), 0);
  assert.equal(await page.locator('#view').textContent(), text);
  // The straight-quoted attribute value is a quote too (straight " pairs count); the guillemet one is ours.
  assert.deepEqual(quoteRanges(await painted(page)).map((r) => r.text), ['"window.__pwned=1"', '«<b>gras</b> <script>window.__pwned=2</script>»']);
  await page.locator('#speakers summary').first().click();
  assert.equal(await page.locator('#speakers img, #speakers b').count(), 0);
  assert.deepEqual(errors, []);
  // Trusted Types are enforced: an HTML sink refuses a plain string.
  const blocked = await page.evaluate(() => { try { document.body.innerHTML = '<b>x</b>'; return false; } catch { return true; } });
  assert.equal(blocked, true);
  // ... and the CSP lets the page create only its own policy (qh-page).
  const policyRefused = await page.evaluate(() => { try { trustedTypes.createPolicy('other', {}); return false; } catch { return true; } });
  assert.equal(policyRefused, true);
  await context.close();
});

test('filters by speaker and by kind, and the search box', async () => {
  const { page, context, errors } = await openPage(browser, server.url);
  await paste(page, ARTICLE);
  const texts = async () => quoteRanges(await painted(page)).map((r) => r.text);
  await page.locator('#speaker-filter').selectOption({ label: 'Anne Petit' });
  await page.waitForFunction(() => /— 1 affichée/.test(document.getElementById('status').textContent));
  assert.deepEqual(await texts(), ['«\u00a0Le dialogue reste ouvert\u00a0»']);
  await page.locator('#speaker-filter').selectOption('all');
  await page.locator('input[name="kind"][value="direct"]').uncheck();
  await page.waitForFunction(() => /— \d+ affichée/.test(document.getElementById('status').textContent));
  assert.deepEqual(await texts(), []);
  await page.locator('input[name="kind"][value="direct"]').check();
  await page.locator('#search').fill('greve'); // accents and case do not matter
  await page.waitForFunction(() => /— 1 affichée/.test(document.getElementById('status').textContent));
  assert.deepEqual(await texts(), ['«\u202fLa grève continuera jusqu’à lundi\u202f»']);
  assert.equal(await page.locator('#export-count').textContent(), '1 citation');
  assert.deepEqual(errors, []);
  await context.close();
});

test('panel, details on hover and focus, keyboard navigation', async () => {
  const { page, context, errors } = await openPage(browser, server.url);
  await paste(page, ARTICLE);
  // Expand a speaker, click its second quote: it becomes current, flashes, details show.
  await page.locator('#speakers summary', { hasText: 'Paul Durand' }).click();
  const links = page.locator('#speakers .quote-link');
  await links.nth(1).waitFor(); // the list is built when the speaker is first opened
  assert.equal(await links.count(), 2);
  await links.nth(1).click();
  await page.waitForFunction(() => CSS.highlights.has('qh-current'));
  assert.deepEqual((await painted(page, 'qh-current')).map((r) => r.text), ['«\u202fLa grève continuera jusqu’à lundi\u202f»']);
  assert.ok((await painted(page, 'qh-flash')).length <= 1);
  const details = page.locator('#details');
  assert.equal(await details.isVisible(), true);
  assert.match(await details.textContent(), /Paul Durand.*Mention.*Paul Durand.*Verbe.*a déclaré/s);
  // Next and previous from the keyboard, focus staying where it is.
  await page.locator('#view').focus();
  await page.keyboard.press('Alt+ArrowUp');
  await page.waitForFunction(() => /Anne Petit/.test(document.getElementById('announce').textContent));
  assert.deepEqual((await painted(page, 'qh-current')).map((r) => r.text), ['«\u00a0Le dialogue reste ouvert\u00a0»']);
  assert.match(await details.textContent(), /Anne Petit/);
  await page.keyboard.press('Escape');
  assert.equal(await details.isVisible(), false);
  await page.keyboard.press('n');
  await page.waitForFunction(() => /Paul Durand/.test(document.getElementById('announce').textContent));
  // Hover: details of the quote under the pointer.
  const box = await page.evaluate(() => {
    const node = document.querySelector('#view .blk').firstChild;
    const r = new Range();
    r.setStart(node, 3);
    r.setEnd(node, 8);
    const b = r.getBoundingClientRect();
    return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
  });
  await page.mouse.move(box.x, box.y);
  await page.waitForFunction(() => !document.getElementById('details').hidden
    && /Paul Durand/.test(document.getElementById('details').textContent));
  // Click: that quote becomes the current one.
  await page.mouse.click(box.x, box.y);
  await page.waitForFunction(() => document.getElementById('view').dataset.current === '0');
  assert.deepEqual((await painted(page, 'qh-current')).map((r) => r.text), ['«\u202fNous ne céderons rien sur les salaires\u202f»']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('export JSON and CSV, copy to the clipboard', async () => {
  const { page, context, errors } = await openPage(browser, server.url);
  const text = '«\u202fNous tiendrons, «\u00a0quoi qu’il arrive\u00a0»\u202f», a déclaré Jean Martin.\n«\u202f=1+1, "dit-on"\u202f», a déclaré Anne Petit.';
  await paste(page, text);
  const [jsonDl] = await Promise.all([page.waitForEvent('download'), page.locator('#export-json').click()]);
  // Named after the article's first words and today's date (the page's local date).
  const day = await page.evaluate(() => { const d = new Date(); return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`; });
  assert.equal(jsonDl.suggestedFilename(), `citations-nous-tiendrons-quoi-qu-il-${day}.json`);
  const json = JSON.parse(fs.readFileSync(await jsonDl.path(), 'utf8'));
  assert.equal(json.offsets, 'utf16');
  // One count: the header, the export button and the file agree (statements; terms apart).
  assert.equal(json.count, json.quotes.filter((q) => q.kind !== 'term').length);
  assert.match(await page.locator('#status').textContent(), new RegExp(`^${json.count} citations`));
  assert.equal(await page.locator('#export-count').textContent(), `${json.count} citations${json.terms ? ` et ${json.terms} terme` : ''}`);
  const direct = json.quotes.filter((q) => q.speaker);
  assert.deepEqual(direct.map((q) => [q.quote, q.speaker, q.verb, q.kind]), [
    ['Nous tiendrons, «\u00a0quoi qu’il arrive\u00a0»', 'Jean Martin', 'a déclaré', 'direct'],
    ['=1+1, "dit-on"', 'Anne Petit', 'a déclaré', 'direct'],
  ]);
  for (const q of json.quotes) {
    assert.equal(text.slice(q.contentStart, q.contentEnd), q.quote);
    assert.ok(q.start <= q.contentStart && q.contentEnd <= q.end);
  }
  const [csvDl] = await Promise.all([page.waitForEvent('download'), page.locator('#export-csv').click()]);
  assert.equal(csvDl.suggestedFilename(), `citations-nous-tiendrons-quoi-qu-il-${day}.csv`);
  const csv = fs.readFileSync(await csvDl.path(), 'utf8');
  const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
  assert.equal(lines[0], 'quote,speaker,gender,mention,verb,lemma,kind,reason,closed,method,start,end,contentStart,contentEnd,inciseStart,inciseEnd,words,context');
  assert.equal(lines.length, json.quotes.length + 2); // header, rows, final empty string
  const q0 = json.quotes[0];
  assert.equal(lines[1], `"Nous tiendrons, «\u00a0quoi qu’il arrive\u00a0»",Jean Martin,${q0.gender ?? ''},Jean Martin,a déclaré,${q0.lemma ?? ''},direct,,true,${q0.method ?? ''},`
    + `${q0.start},${q0.end},${q0.contentStart},${q0.contentEnd},,,5,"«\u202fNous tiendrons, «\u00a0quoi qu’il arrive\u00a0»\u202f», a déclaré Jean Martin."`);
  // The context column is the sentence around the quote.
  assert.equal(q0.context, text.split('\n')[0]);
  assert.ok(csv.includes('"\'=1+1, ""dit-on"""'), 'formula-looking cells are defused, quotes doubled');
  await page.locator('#copy').click();
  await page.waitForFunction(() => /Copié/.test(document.getElementById('announce').textContent));
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied.split('\n')[0], 'quote\tspeaker\tgender\tmention\tverb\tlemma\tkind\treason\tclosed\tmethod\tstart\tend\tcontentStart\tcontentEnd\tinciseStart\tinciseEnd\twords\tcontext');
  assert.match(copied, /\nNous tiendrons, «\u00a0quoi qu’il arrive\u00a0»\tJean Martin\t/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('diagnostics are listed and jump to their place', async () => {
  const { page, context, errors } = await openPage(browser, server.url);
  const text = '«\u202fLe pays est prêt\u202f», a déclaré Jean Martin.\nIl a ajouté : «\u202fnous verrons bien.\nLa suite demain.';
  await paste(page, text);
  const diags = page.locator('#diagnostics .diag-link');
  assert.equal(await diags.count(), 1);
  assert.match(await diags.first().textContent(), /jamais fermé/);
  assert.match(await page.locator('#status').textContent(), /1 alerte/);
  assert.deepEqual((await painted(page, 'qh-unclosed')).map((r) => r.text), ['«\u202fnous verrons bien.']);
  await diags.first().click();
  await page.waitForFunction(() => CSS.highlights.has('qh-flash'));
  assert.deepEqual((await painted(page, 'qh-flash')).map((r) => r.text), ['«']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the example loads in one click, the text survives a reload, and a screenshot is written', async () => {
  const { page, context, errors } = await openPage(browser, server.url);
  await page.locator('#load-example').click();
  await page.waitForFunction(() => document.getElementById('view').dataset.state === 'ready'
    && document.getElementById('input').value.length > 1000 && Number(document.getElementById('view').dataset.length) > 1000);
  const example = await page.locator('#input').inputValue();
  const statements = Number((await page.locator('#status').textContent()).match(/^(\d+) citations/)[1]);
  assert.ok(statements >= 6, `${statements} statements in the example`);
  // The screenshot shows the example with the second quote current and its details.
  await page.locator('#view').focus();
  await page.keyboard.press('Alt+ArrowDown');
  await page.waitForFunction(() => !document.getElementById('details').hidden);
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.waitForTimeout(1300); // let the flash end
  await page.screenshot({ path: path.join(ROOT, 'test-results', 'page.png') });
  await page.waitForTimeout(1100); // the text is saved a second after the last change
  await page.reload();
  await page.waitForSelector('body[data-engine="ready"]');
  await waitReady(page, example);
  assert.equal(await page.locator('#input').inputValue(), example);
  assert.deepEqual(errors, []);
  await context.close();
});

test('works offline once visited (service worker)', async () => {
  const { page, context, errors } = await openPage(browser, server.url);
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await page.reload();
  await page.waitForSelector('body[data-engine="ready"]');
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector('body[data-engine="ready"]');
  await paste(page, ARTICLE);
  assert.match(await page.locator('#status').textContent(), /^3 citations/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('colours meet WCAG AA in the light and the dark theme', async () => {
  const { page, context, errors } = await openPage(browser, server.url);
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    const failures = await page.evaluate(() => {
      const css = getComputedStyle(document.documentElement);
      const v = (name) => css.getPropertyValue(name).trim();
      const lum = (hex) => {
        if (!/^#[0-9a-f]{6}$/i.test(hex)) throw new Error(`not a #rrggbb colour: ${hex}`);
        const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
          .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      const ratio = (a, b) => { const [x, y] = [lum(v(a)), lum(v(b))].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
      const text = [['--fg', '--bg'], ['--muted', '--bg'], ['--muted', '--panel'], ['--fg', '--button'],
        ['--current-fg', '--current-bg'], ['--flash-fg', '--flash-bg'], ['--fg', '--qh-none'],
        ...[...Array(16).keys()].map((i) => ['--fg', `--qh-${i}`])];
      const marks = [['--qh-term', '--bg'], ['--qh-partial', '--bg'], ['--qh-mention', '--bg'], ['--qh-unclosed', '--bg'], ['--focus', '--bg'], ['--muted', '--bg'],
        ...[...Array(16).keys()].map((i) => ['--qh-ring', `--qh-${i}`])]; // the overline of speakers 17-24 on their tint
      return [
        ...text.filter(([a, b]) => ratio(a, b) < 4.5).map(([a, b]) => `${a} on ${b}: ${ratio(a, b).toFixed(2)}`),
        ...marks.filter(([a, b]) => ratio(a, b) < 3).map(([a, b]) => `${a} on ${b}: ${ratio(a, b).toFixed(2)}`),
      ];
    });
    assert.deepEqual(failures, [], `${scheme} theme`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});
