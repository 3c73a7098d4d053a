// End-to-end tests of the embed (www/quote-highlighter.js) on the demo article www/embed.html, served by
// tools/serve.mjs with the strict CSP header (script-src 'self' 'wasm-unsafe-eval';
// require-trusted-types-for 'script'), in Debian's headless Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, launch, newPage, ROOT } from './harness.mjs';

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

const ws = (s) => s.replace(/[ \t\n\r\f]+/g, ' ').trim(); // CSS white-space collapsing (not U+00A0/U+202F)
const NB = '\u00a0';
const NNB = '\u202f';
/** The statements of embed.html, with the speaker the engine must name (`«…», a déclaré X`). */
const ARTICLE = [
  [`«${NB}Ce soir, personne n’a tout gagné, mais la vallée a évité le pire${NB}»`, 'Claire Dubois'],
  [`«${NNB}Nous avons enfin obtenu un partage écrit et contrôlable${NNB}»`, 'Marc Leroy'],
  [`«${NB}Nous resterons vigilants sur les débits d’été${NB}»`, 'Nadia Ferhat'],
  [`«${NB}L’eau n’est pas une variable d’ajustement${NB}»`, 'Paul Martin'],
];
const REPERES = [[`«${NB}Sans accord, nous fermerons des exploitations${NB}»`, 'Henri Vidal']];
const LIVE = [[`«${NB}La séance peut commencer${NB}»`, 'Lucie Moreau']];
const CONTAINERS = ['quote-highlighter', '.sidebar [data-quote-highlighter]:not(#live)', '#live'];

/** Opens a page; `snapshot` keeps the DOM as parsed, before any script ran, in window.__before. */
async function open(url, { init } = {}) {
  const { page, context, errors } = await newPage(browser);
  const warnings = [];
  page.on('console', (msg) => { if (msg.type() === 'warning') warnings.push(msg.text()); });
  // Chromium can also log to the console outside the console API (CSP reports, network errors):
  // collect those entries through the DevTools protocol too.
  const cdp = await context.newCDPSession(page);
  cdp.on('Log.entryAdded', ({ entry }) => { if (entry.level === 'error') errors.push(`[${entry.source}] ${entry.text}`); });
  await cdp.send('Log.enable');
  await page.addInitScript(() => {
    document.addEventListener('readystatechange', () => {
      if (document.readyState === 'interactive') window.__before = document.documentElement.outerHTML;
    });
    window.__events = [];
    for (const type of ['quote-highlighter:highlight', 'quote-highlighter:error']) {
      document.addEventListener(type, (e) => window.__events.push({ type, target: e.target.id || e.target.localName }));
    }
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective));
  });
  if (init) await page.addInitScript(init);
  await page.goto(server.url + url);
  return { page, context, errors, warnings };
}

/** Waits until every selector's element has a live handle (the predicate must be synchronous). */
async function handlesReady(page, selectors) {
  await page.evaluate(async () => { window.__qh = await import('/quote-highlighter.js'); });
  await page.waitForFunction((sels) => sels.every((s) => window.__qh.getHandle(document.querySelector(s))), selectors);
}

/** The painted quote ranges (not mentions) under `selector`, as { text, speaker, crosses }. */
function paintedQuotes(page, selector) {
  return page.evaluate((selector) => {
    const root = document.querySelector(selector);
    const out = [];
    for (const [name, h] of CSS.highlights) {
      if (!/^qh-(s\d|none)$/.test(name)) continue;
      for (const r of h) {
        if (!root.contains(r.commonAncestorContainer)) continue;
        const crosses = [...r.cloneContents().querySelectorAll('*')].map((e) => e.localName);
        out.push({ name, text: r.toString(), crosses, top: r.getBoundingClientRect().top });
      }
    }
    return out.sort((a, b) => a.top - b.top).map(({ top, ...r }) => r);
  }, selector);
}

/** Moves the mouse onto the middle of `text` (default: all the text) inside the element `selector`. */
async function hoverText(page, selector, text = null) {
  const { x, y } = await page.evaluate(([selector, text]) => {
    const el = document.querySelector(selector);
    const range = document.createRange();
    if (text) {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = n.data.indexOf(text);
        if (i >= 0) { range.setStart(n, i); range.setEnd(n, i + text.length); break; }
      }
    } else {
      range.selectNodeContents(el);
    }
    const r = range.getClientRects()[0];
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  }, [selector, text]);
  await page.mouse.move(x, y);
}

const rangeCount = (page) => page.evaluate(() => [...CSS.highlights].reduce((n, [name, h]) => n + (name.startsWith('qh-') ? h.size : 0), 0));

test('embed.html under the strict CSP: quotes painted across <em>/<a>, DOM untouched, no console error', async () => {
  const { page, context, errors } = await open('embed.html');
  await handlesReady(page, CONTAINERS);

  const body = await paintedQuotes(page, 'quote-highlighter');
  const texts = body.map((r) => ws(r.text));
  for (const [quote] of ARTICLE) {
    assert.ok(texts.includes(quote), `${quote} is painted (painted: ${texts.join(' | ')})`);
  }
  assert.ok(!texts.some((t) => t.includes('Encore des promesses')), 'the excluded comments are not read');
  const leroy = body.find((r) => ws(r.text) === ARTICLE[1][0]);
  assert.deepEqual(leroy.crosses, ['em', 'a'], 'one range spans the <em> and the <a>');
  assert.deepEqual(body.find((r) => ws(r.text) === ARTICLE[2][0]).crosses, ['strong']);
  assert.deepEqual((await paintedQuotes(page, '.sidebar .box')).map((r) => ws(r.text)), REPERES.map(([q]) => q));
  assert.deepEqual((await paintedQuotes(page, '#live')).map((r) => ws(r.text)), LIVE.map(([q]) => q));

  // The handle agrees with the paint: every painted quote is a shown quote, with its speaker.
  const handle = await page.evaluate(() => {
    const h = document.querySelector('quote-highlighter').handle;
    return {
      shown: h.shown.map((q) => ({ text: q.text, range: q.range.toString(), speaker: q.speaker?.name ?? null, kind: q.kind })),
      speakers: h.speakers.map((s) => s.name),
    };
  });
  assert.deepEqual(handle.shown.map((q) => q.text).sort(), texts.slice().sort());
  for (const q of handle.shown) assert.equal(ws(q.range), q.text);
  for (const [quote, speaker] of ARTICLE) assert.equal(handle.shown.find((q) => q.text === quote)?.speaker, speaker, quote);
  const mentions = await page.evaluate(() => [...(CSS.highlights.get('qh-mention') ?? [])].map((r) => r.toString()));
  for (const [, speaker] of [...ARTICLE, ...REPERES, ...LIVE]) assert.ok(mentions.some((m) => m.endsWith(speaker)), `${speaker} underlined`);

  // The legend lives in the element's shadow root, so the host's DOM is as parsed.
  const legend = await page.evaluate(() => document.querySelector('quote-highlighter').shadowRoot.querySelector('[part~="legend"]').textContent);
  for (const [, speaker] of ARTICLE) assert.ok(legend.includes(speaker), `legend names ${speaker}`);
  const dom = await page.evaluate(() => ({ before: window.__before, after: document.documentElement.outerHTML }));
  assert.ok(dom.before.includes('<quote-highlighter class="story-body" legend="" exclude=".comments">'));
  assert.equal(dom.after, dom.before);
  assert.deepEqual(errors, []);
  await page.screenshot({ path: 'test-results/embed.png', fullPage: true });
  await context.close();
});

test('tooltip with speaker and verb on hover and on focus; gone afterwards', async () => {
  const { page, context, errors } = await open('embed.html');
  await handlesReady(page, CONTAINERS);
  const tip = page.locator('qh-tooltip');
  await hoverText(page, 'quote-highlighter em');
  await tip.waitFor({ state: 'visible' });
  assert.equal(await tip.textContent(), 'Marc Leroy — a déclaré');
  assert.equal(await tip.getAttribute('role'), 'tooltip');
  assert.equal(await page.evaluate(() => [...CSS.highlights.get('qh-active')][0].toString().replace(/[ \n]+/g, ' ')),
    '«\u202fNous avons enfin obtenu un partage écrit et contrôlable\u202f»');
  await page.mouse.move(1, 1);
  await tip.waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(() => CSS.highlights.has('qh-active')), false);

  await page.locator('a[href="embed.html#texte-accord"]').focus();
  await tip.waitFor({ state: 'visible' });
  assert.equal(await tip.textContent(), 'Marc Leroy — a déclaré');
  await page.keyboard.press('Escape');
  await tip.waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(() => document.documentElement.outerHTML === window.__before), true);
  assert.deepEqual(errors, []);
  await context.close();
});

test('keyboard and screen readers: Tab reaches the legend\'s quotes, Enter reaches a quote and announces it; DOM untouched', async () => {
  const { page, context, errors } = await open('embed.html');
  await handlesReady(page, CONTAINERS);
  const live = () => page.evaluate(() => {
    const el = document.querySelector('quote-highlighter').shadowRoot.querySelector('[part~="summary"]');
    return { text: el.textContent, live: el.getAttribute('aria-live') };
  });
  assert.deepEqual(await live(), { text: '4 citations, 4 locuteurs', live: 'polite' });
  /** The deepest focused element (through shadow roots). */
  const focused = () => page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el ? { tag: el.localName, text: el.textContent, part: el.getAttribute('part'), shadow: el.getRootNode() !== document } : null;
  });
  let f = null;
  for (let i = 0; i < 30 && f?.tag !== 'summary'; i++) {
    await page.keyboard.press('Tab');
    f = await focused();
  }
  assert.deepEqual(f, { tag: 'summary', text: 'Citations (4)', part: null, shadow: true }, 'Tab reaches the list of quotes');
  await page.keyboard.press('Enter'); // opens the list
  await page.keyboard.press('Tab');
  f = await focused();
  assert.equal(f.part, 'quote-button');
  assert.equal(f.text, `${ARTICLE[0][0]} — ${ARTICLE[0][1]}`);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.locator('qh-tooltip').waitFor({ state: 'visible' });
  const state = await page.evaluate(() => ({
    selection: document.getSelection().toString(),
    active: [...(CSS.highlights.get('qh-active') ?? [])].map((r) => r.toString()),
    tooltip: document.querySelector('qh-tooltip').textContent,
    inView: (() => {
      const r = document.getSelection().getRangeAt(0).getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight;
    })(),
  }));
  assert.equal(ws(state.selection), ARTICLE[1][0], 'the quote is selected');
  assert.deepEqual(state.active.map(ws), [ARTICLE[1][0]]);
  assert.equal(state.tooltip, 'Marc Leroy — a déclaré');
  assert.equal(state.inView, true, 'scrolled into view');
  assert.equal((await live()).text, `Citation 2 sur 4, Marc Leroy : ${ARTICLE[1][0]}`);
  assert.equal((await focused()).part, 'quote-button', 'the focus stays in the list, so Tab goes on to the next quote');
  await page.keyboard.press('Escape');
  await page.locator('qh-tooltip').waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(() => document.documentElement.outerHTML === window.__before), true);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a second run replaces the first: no duplicate ranges, even when calls overlap', async () => {
  const { page, context, errors } = await open('embed.html');
  await handlesReady(page, CONTAINERS);
  const first = await rangeCount(page);
  assert.ok(first >= 12, `ranges painted: ${first}`);
  const result = await page.evaluate(async () => {
    const m = await import('/quote-highlighter.js');
    const el = document.querySelector('quote-highlighter');
    const old = el.handle;
    const again = await el.highlight();
    const both = await Promise.all([m.highlight(el, { exclude: '.comments', legend: el }), m.highlight(el, { exclude: '.comments', legend: el })]);
    return { replaced: old !== again, live: m.getHandle(el) === both[1], oldCleared: old.shown.every((q) => ![...CSS.highlights.values()].some((h) => h.has(q.range))) };
  });
  assert.deepEqual(result, { replaced: true, live: true, oldCleared: true });
  assert.equal(await rangeCount(page), first);
  // Changing an attribute of <quote-highlighter> re-runs it with the new options (here: kinds).
  const kinds = await page.evaluate(async () => {
    const el = document.querySelector('quote-highlighter');
    const old = el.handle;
    const done = new Promise((resolve) => el.addEventListener('quote-highlighter:highlight', resolve, { once: true }));
    el.setAttribute('kinds', 'direct');
    await done;
    const shown = el.handle.shown.map((q) => q.kind);
    el.removeAttribute('kinds');
    return { replaced: el.handle !== old, shown: [...new Set(shown)] };
  });
  assert.deepEqual(kinds, { replaced: true, shown: ['direct'] });
  assert.deepEqual(errors, []);
  await context.close();
});

test('observe: a paragraph appended later is highlighted; the highlighter does not re-trigger itself', async () => {
  const { page, context, errors } = await open('embed.html');
  await handlesReady(page, CONTAINERS);
  const added = `«${NB}Le vote aura lieu à 19 heures${NB}»`;
  await page.evaluate((quote) => {
    const p = document.createElement('p');
    const time = document.createElement('time');
    time.textContent = '18 h 40';
    p.append(time, ` ${quote}, a déclaré Lucie Moreau.`);
    document.getElementById('live').append(p);
  }, added);
  await page.waitForFunction(() => [...CSS.highlights.values()].some((h) => [...h].some((r) => r.toString().includes('19 heures'))));
  assert.deepEqual((await paintedQuotes(page, '#live')).map((r) => ws(r.text)), [LIVE[0][0], added]);
  // Quiet afterwards: no further runs while nothing changes (hover and tooltip included).
  const runs = await page.evaluate(() => window.__events.filter((e) => e.type === 'quote-highlighter:highlight').length);
  await hoverText(page, '#live p:last-child', '19 heures');
  await page.locator('qh-tooltip').waitFor({ state: 'visible' });
  await page.mouse.move(1, 1);
  await page.waitForTimeout(400);
  assert.equal(await page.evaluate(() => window.__events.filter((e) => e.type === 'quote-highlighter:highlight').length), runs);
  assert.deepEqual(errors, []);
  await context.close();
});

test("without 'wasm-unsafe-eval' the page gets one clear warning, no exception and no console error", async () => {
  // What Chromium does: it blocks the compile, fires `securitypolicyviolation` and files a DevTools
  // issue (kWasmEvalViolation), but logs no console error; the embed turns the CompileError into
  // one warning and one `quote-highlighter:error` event, and leaves the page as it was.
  const { page, context, errors, warnings } = await open('embed.html?csp=nowasm');
  await page.waitForFunction(() => window.__events.some((e) => e.type === 'quote-highlighter:error'));
  await page.waitForTimeout(300);
  assert.deepEqual(errors, []);
  const ours = warnings.filter((w) => w.startsWith('quote-highlighter:'));
  assert.equal(ours.length, 1, ours.join('\n'));
  assert.match(ours[0], /Content-Security-Policy does not allow WebAssembly: add 'wasm-unsafe-eval'/);
  const state = await page.evaluate(async () => {
    const m = await import('/quote-highlighter.js');
    const handle = await m.highlight(document.querySelector('#live'));
    let rejected = null;
    await m.analyze('«Oui», a déclaré Jean Martin.').catch((e) => { rejected = e.message; });
    return {
      violations: window.__violations,
      highlights: [...CSS.highlights.keys()].filter((k) => k.startsWith('qh-')),
      handleError: String(handle.error?.message ?? ''),
      rejected,
      same: document.documentElement.outerHTML === window.__before,
    };
  });
  assert.ok(state.violations.includes('script-src'), 'the browser did block WebAssembly');
  assert.deepEqual(state.highlights, []);
  assert.match(state.handleError, /wasm-unsafe-eval/);
  assert.match(state.rejected, /wasm-unsafe-eval/);
  assert.equal(state.same, true);
  assert.deepEqual(errors, []);
  await context.close();
});

test('fallback without CSS.highlights: <qh-quote> wrappers, hostile text stays text, clear() restores the DOM', async () => {
  const { page, context, errors } = await open('embed.html', { init: () => { delete CSS.highlights; } });
  assert.equal(await page.evaluate(() => 'highlights' in CSS), false);
  await handlesReady(page, CONTAINERS);
  const wrapped = await page.evaluate(() => {
    const h = document.querySelector('quote-highlighter').handle;
    return h.shown.map((q) => ({
      text: q.text,
      range: q.range.toString(),
      pieces: [...q.range.cloneContents().querySelectorAll('qh-quote')].map((e) => e.textContent),
    }));
  });
  for (const [quote] of ARTICLE) {
    const w = wrapped.find((q) => q.text === quote);
    assert.ok(w, `${quote} wrapped`);
    assert.equal(ws(w.pieces.join('')), quote);
  }
  assert.equal(wrapped.find((q) => q.text === ARTICLE[1][0]).pieces.length, 5, 'before, in <em>, between, in <a>, after');
  assert.equal(await page.locator('.comments qh-quote').count(), 0);
  assert.ok(await page.locator('qh-mention').count() >= 6);
  await hoverText(page, 'quote-highlighter em');
  await page.locator('qh-tooltip').waitFor({ state: 'visible' });
  assert.equal(await page.locator('qh-tooltip').textContent(), 'Marc Leroy — a déclaré');
  await page.mouse.move(1, 1);
  await page.locator('qh-tooltip').waitFor({ state: 'detached' });

  // clear() unwraps and re-joins the split text nodes: the DOM is exactly as parsed.
  assert.equal(await page.evaluate(async () => {
    const m = await import('/quote-highlighter.js');
    for (const s of ['quote-highlighter', '.sidebar [data-quote-highlighter]:not(#live)', '#live']) m.getHandle(document.querySelector(s)).clear();
    return document.documentElement.outerHTML === window.__before && document.querySelectorAll('qh-quote, qh-mention').length === 0;
  }), true);

  // Text that looks like markup, added to an observed container, stays text.
  const hostile = '«<img src=x onerror="window.__pwned=1"><b>gras</b>», a déclaré Jean Martin.';
  await page.evaluate(async (text) => {
    const m = await import('/quote-highlighter.js');
    const live = document.getElementById('live');
    await m.highlight(live, { observe: true, debounce: 50 });
    const p = document.createElement('p');
    p.textContent = text;
    live.append(p);
  }, hostile);
  await page.waitForFunction(() => [...document.querySelectorAll('#live qh-quote')].some((e) => e.textContent.includes('gras')));
  assert.equal(await page.locator('#live p').last().textContent(), hostile);
  assert.equal(await page.locator('#live img, #live b').count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  const runs = await page.evaluate(() => window.__events.filter((e) => e.type === 'quote-highlighter:highlight').length);
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__events.filter((e) => e.type === 'quote-highlighter:highlight').length), runs,
    'wrapping does not re-trigger the observer');
  assert.deepEqual(errors, []);
  await context.close();
});

test('lazy: the wasm loads when a container nears the viewport, from data-wasm-url; data-manual waits', async () => {
  const { page, context, errors } = await open('embed-lazy.html');
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname + new URL(r.url()).search));
  await page.waitForTimeout(400);
  assert.deepEqual(requests.filter((r) => r.includes('/pkg/')), [], 'nothing fetched before a container is near');
  await page.locator('#far').scrollIntoViewIfNeeded();
  await handlesReady(page, ['#far']);
  assert.ok(requests.includes('/pkg/quote_highlighter_bg.wasm?via=data-wasm-url'), requests.join(' '));
  const manual = await page.evaluate(async () => {
    const m = await import('/quote-highlighter.js');
    const el = document.getElementById('manual');
    const before = m.getHandle(el);
    const h = await m.highlight(el);
    return { before, after: h.shown.map((q) => q.speaker?.name) };
  });
  assert.deepEqual(manual, { before: null, after: ['Jean Martin'] });
  assert.deepEqual(errors, []);
  await context.close();
});

test('module API: analyze(), the composite text, and bad calls that warn instead of throwing', async () => {
  const { page, context, errors, warnings } = await open('embed-lazy.html');
  const out = await page.evaluate(async () => {
    const m = await import('/quote-highlighter.js');
    const text = '🙂 «\u202fNous, é ’ 🙂 résistons\u202f», a déclaré Jean Martin.';
    const a = await m.analyze(text);
    let tooBig = null;
    await m.analyze(text, { maxBytes: 8 }).catch((e) => { tooBig = e.message; });
    const div = document.createElement('div');
    const p1 = document.createElement('p');
    p1.append('a\n    b ', document.createElement('span'), '  c');
    const p2 = document.createElement('p');
    const em = document.createElement('em');
    em.textContent = 'e';
    const script = document.createElement('style'); // (a <script>'s text would need a TrustedScript here)
    script.textContent = 'ignored {}';
    const edit = document.createElement('span');
    edit.setAttribute('contenteditable', '');
    edit.textContent = 'ignored';
    p2.append('d', em, script, edit, document.createElement('br'), 'f');
    div.append(p1, p2, 'g');
    const composite = m.collectText(div).text;
    const errs = [];
    document.addEventListener('quote-highlighter:error', (e) => errs.push(e.detail.message));
    const h1 = await m.highlight(null);
    const detached = await m.highlight(document.createElement('div'));
    const badSelector = await m.highlight(document.getElementById('far'), { exclude: '[[[' });
    const who = document.createElement('div');
    who.id = 'who';
    who.append('(légende)');
    document.body.append(who);
    const withLegend = await m.highlight(document.getElementById('far'), { legend: '#who' });
    const legendBox = () => who.shadowRoot.querySelector('[part~="legend"]');
    const legend = { text: legendBox().textContent, hidden: legendBox().hidden, slot: who.shadowRoot.querySelectorAll('slot').length };
    withLegend.clear();
    legend.afterClear = legendBox().hidden && legendBox().textContent === '';
    return {
      quote: text.slice(a.quotes[0].start, a.quotes[0].end),
      speaker: a.quotes[0].speaker.name,
      tooBig,
      composite,
      errors: [h1, detached, badSelector].map((h) => Boolean(h.error) && h.quotes.length === 0),
      events: errs.length,
      legend,
    };
  });
  assert.equal(out.quote, '«\u202fNous, é ’ 🙂 résistons\u202f»');
  assert.equal(out.speaker, 'Jean Martin');
  assert.match(out.tooBig, /above the limit/);
  assert.equal(out.composite, 'a b c\nde\nf\ng');
  assert.deepEqual(out.errors, [true, true, true]);
  assert.equal(out.events, 3);
  assert.deepEqual(out.legend, { text: 'Qui parle ?Anne Petit1Citations (1)«\u00a0Me voici enfin à l’écran\u00a0» — Anne Petit', hidden: false, slot: 1, afterClear: true }, 'legend in the shadow root of #who');
  assert.equal(warnings.filter((w) => w.startsWith('quote-highlighter:')).length, 3);
  assert.deepEqual(errors, []);
  await context.close();
});

test('make package: an npm-ready dist/ with metadata, types, licences and the wasm', () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'qh-package-'));
  try {
    execFileSync(process.execPath, [path.join(ROOT, 'tools', 'package.mjs'), '--out', out], { stdio: 'pipe' });
    const manifest = JSON.parse(fs.readFileSync(path.join(out, 'package.json'), 'utf8'));
    const cargo = fs.readFileSync(path.join(ROOT, 'Cargo.toml'), 'utf8');
    assert.equal(manifest.name, 'quote-highlighter');
    assert.equal(manifest.version, cargo.match(/^version = "([^"]+)"/m)[1]);
    for (const key of ['description', 'license', 'repository', 'types', 'exports']) assert.ok(manifest[key], key);
    for (const f of [...manifest.files, 'README.md']) assert.ok(fs.existsSync(path.join(out, f)), f);
    assert.deepEqual(Object.keys(manifest.exports['.']), ['types', 'browser', 'node', 'default']);
    const types = fs.readFileSync(path.join(out, manifest.types), 'utf8');
    for (const name of ['HighlightOptions', 'Handle', 'function highlight', 'function analyze']) assert.ok(types.includes(name), name);
    for (const f of ['quote-highlighter.js', 'core.js', 'node.js']) {
      assert.match(fs.readFileSync(path.join(out, f), 'utf8'), /new URL\(["']\.\/quote_highlighter_bg\.wasm["'],\s*import\.meta\.url\)/, `${f} finds the wasm the way bundlers see`);
    }
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
});
