// Helpers for the page's browser tests (page*.test.mjs): open the page, paste through the
// clipboard as a user would, read back the painted highlights, and make article-like text.
import { newPage } from './harness.mjs';

/** Opens the page in a fresh context (own localStorage, clipboard permissions). */
export async function openPage(browser, url, options = {}) {
  const opened = await newPage(browser, { permissions: ['clipboard-read', 'clipboard-write'], acceptDownloads: true, ...options });
  await opened.page.goto(url);
  await opened.page.waitForSelector('body[data-engine="ready"]');
  await waitReady(opened.page, '');
  return opened;
}

/** Waits until the view shows exactly `text`, analysed and painted. */
export function waitReady(page, text, timeout = 30_000) {
  // dataset.length is the length of the text on screen; reading textContent of a 5 MB view on
  // every poll would itself make main-thread work.
  return page.waitForFunction((n) => {
    const view = document.getElementById('view');
    return view.dataset.state === 'ready' && (view.dataset.length ?? '0') === String(n);
  }, text.length, { timeout, polling: 50 });
}

/** Replaces the textarea's content with `text` through the clipboard (select all, Ctrl+V). */
export async function paste(page, text) {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.locator('#input').focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+V');
  await waitReady(page, text);
}

/**
 * Every range of every ::highlight() whose name starts with `prefix`, with offsets in the whole
 * text of #view (the page renders the text as several text nodes), sorted by start.
 */
export function painted(page, prefix = 'qh-') {
  return page.evaluate((prefix) => {
    const view = document.getElementById('view');
    const base = new Map();
    let pos = 0;
    const walker = document.createTreeWalker(view, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) { base.set(n, pos); pos += n.length; }
    const out = [];
    for (const [name, h] of CSS.highlights) {
      if (!name.startsWith(prefix)) continue;
      for (const r of h) {
        const live = new Range();
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
        out.push({ name, start: base.get(r.startContainer) + r.startOffset, end: base.get(r.endContainer) + r.endOffset, text: live.toString() });
      }
    }
    return out.sort((a, b) => a.start - b.start || a.name.localeCompare(b.name));
  }, prefix);
}

/** Pastes `text` with a longtask observer registered first; returns timings in ms. */
export async function timedPaste(page, text) {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.locator('#input').focus();
  await page.keyboard.press('Control+A');
  await page.evaluate(() => {
    window.__longtasks = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longtasks.push(e.duration); })
      .observe({ type: 'longtask' });
  });
  const t0 = Date.now();
  await page.keyboard.press('Control+V');
  await waitReady(page, text, 60_000);
  const ms = Date.now() - t0;
  // Long tasks are reported after they end: give the observer a frame to deliver.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
  const tasks = await page.evaluate(() => window.__longtasks);
  // inPage: from the page's paste handler to the highlights, without the test's polling.
  const inPage = Number(await page.locator('#view').getAttribute('data-ms'));
  return { ms, inPage, longest: Math.round(Math.max(0, ...tasks)), count: tasks.length };
}

/** The ranges that paint quotes (speaker colours, no speaker, terms). */
export const quoteRanges = (ranges) => ranges.filter((r) => /^qh-(s\d+|none|term)$/.test(r.name));

const FIRST = ['Jean', 'Anne', 'Paul', 'Claire', 'Karim', 'Sophie', 'Marc', 'Lucie', 'Yann', 'Inès', 'Hugo', 'Nadia'];
const LAST = ['Martin', 'Petit', 'Durand', 'Moreau', 'Benali', 'Roux', 'Fabre', 'Girard', 'Lemoine', 'Carvalho'];
const SAYS = ['Nous ne céderons rien sur ce dossier', 'Le calendrier sera tenu', 'Il faut rouvrir les négociations',
  'Cette décision est une erreur', 'Les habitants méritent mieux que cela', 'Nous attendons des actes, pas des promesses'];
const FILLER = ['Le conseil municipal s’est réuni mardi soir pour examiner le budget de l’année prochaine.',
  'La séance a duré plus de trois heures, dans une salle comble.',
  'Plusieurs associations avaient appelé à un rassemblement devant la mairie.',
  'Le vote a finalement été reporté à la session de décembre.'];

/** About `size` UTF-16 units of article-like text whose quotes the engine already attributes. */
export function article(size) {
  const parts = [];
  let n = 0;
  for (let i = 0; n < size; i++) {
    const name = `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]}`;
    const p = `${FILLER[i % FILLER.length]} «\u202f${SAYS[i % SAYS.length]} (${i})\u202f», a déclaré ${name}. ${FILLER[(i + 1) % FILLER.length]}\n\n`;
    parts.push(p);
    n += p.length;
  }
  return parts.join('').slice(0, size);
}
