// The page editors keep open: paste an article, see who said what.
//
// How it stays fast on a 5 MB paste:
// - the analysis runs in a module worker (worker.js), which answers with typed arrays (no
//   thousands of small objects to deserialise on this thread);
// - the text is rendered as blocks of about 2 K characters, each one text node in a
//   `content-visibility: auto` box, built a few milliseconds at a time; UTF-16 offsets map to
//   (text node, offset) by binary search over the blocks' start offsets;
// - quotes are painted with the CSS Custom Highlight API over StaticRanges; when there are many
//   quotes only those near the visible part of the text are registered (an IntersectionObserver
//   follows the scrolling), because the browser re-walks every registered range on each change;
// - every long loop yields to the page every few milliseconds and stops when a newer text
//   supersedes it.
// Text only ever becomes text nodes (createTextNode / textContent): pasted markup stays text.
import { EXAMPLE } from './example.js';
import { Q, KINDS, KIND_LABEL, METHOD_LABEL, caretAt, partitionPoint } from './shared.js';

const $ = (id) => document.getElementById(id);
const input = $('input');
const view = $('view');
const statusEl = $('status');
const timingEl = $('timing');
const announceEl = $('announce');
const speakersEl = $('speakers');
const diagnosticsEl = $('diagnostics');
const diagnosticsBox = $('diagnostics-box');
const detailsEl = $('details');
const searchEl = $('search');
const speakerFilter = $('speaker-filter');
const kindBoxes = [...document.querySelectorAll('input[name="kind"]')];
const largeBox = $('large');

// ---------------------------------------------------------------- the packed result (worker.js)
// Layout, kinds and labels live in shared.js (shared with the worker and the embed).
const {
  STRIDE: Q_STRIDE, START: Q_START, END: Q_END, CSTART: Q_CSTART, CEND: Q_CEND, KIND: Q_KIND, CLOSED: Q_CLOSED,
  SPEAKER: Q_SPEAKER, MSTART: Q_MSTART, MEND: Q_MEND, VSTART: Q_VSTART, VEND: Q_VEND, LEMMA: Q_LEMMA, METHOD: Q_METHOD,
} = Q;
const TERM = KINDS.indexOf('term');
const PARTIAL = KINDS.indexOf('partial');
const DIAG_LABEL = {
  unclosed: 'Guillemet ouvrant jamais fermé',
  strayCloser: 'Guillemet fermant sans ouvrant',
};

// ---------------------------------------------------------------- tuning
const COLOURS = 8;
const BLOCK_CHARS = 2048; // a block ends at the first line break after this many characters
const BLOCK_MAX = 16384; // ... or is cut at a space when a line is longer than this
const PAINT_ALL = 4000; // up to this many quotes, all are registered; beyond, those near the viewport
const PAINT_MARGIN = 4096; // characters painted beyond the visible blocks (mentions after a quote)
const LIST_CAP = 200; // items per list in the panel (the rest: use the filters)
const SPEAKER_CAP = 300;
const LARGE = 100_000; // characters; a longer text is not put into the textarea (see setLarge)
const STORE_KEY = 'quote-highlighter:text';
const STORE_MAX = 2_000_000; // characters; above, the text is not kept (localStorage is ~5 M chars)
const BUDGET_MS = 8; // work per slice before yielding to the page
const PAINT_NAMES = [...Array(COLOURS).keys()].map((i) => `qh-s${i}`)
  .concat(['qh-none', 'qh-term', 'qh-partial', 'qh-mention', 'qh-unclosed']);

const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');
const yieldToPage = () => (globalThis.scheduler?.yield ? globalThis.scheduler.yield() : new Promise((r) => setTimeout(r, 0)));
const nextFrame = () => new Promise((r) => requestAnimationFrame(() => r()));
const plural = (n, one, many) => `${n.toLocaleString('fr-FR')} ${n === 1 ? one : many}`;
const fold = (s) => s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
const clip = (s, n) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** Runs fn(i) for i in [0, n), yielding every BUDGET_MS; false when `stale()` turned true. */
async function sliced(n, fn, stale) {
  let i = 0;
  while (i < n) {
    const t = performance.now();
    do {
      const stop = Math.min(n, i + 64);
      for (; i < stop; i++) fn(i);
    } while (i < n && performance.now() - t < BUDGET_MS);
    if (i < n) {
      await yieldToPage();
      if (stale()) return false;
    }
  }
  return true;
}

// ---------------------------------------------------------------- Trusted Types
// The server sends `require-trusted-types-for 'script'`, so `new Worker(url)` needs a
// TrustedScriptURL. This one policy (named in the page's CSP `trusted-types` list) only ever
// blesses our own worker and service worker, resolved against this module's URL.
const ALLOWED_SCRIPTS = new Set(['./worker.js', './sw.js'].map((p) => new URL(p, import.meta.url).href));
const policy = globalThis.trustedTypes?.createPolicy('qh-page', {
  createScriptURL(url) {
    const href = new URL(url, import.meta.url).href;
    if (!ALLOWED_SCRIPTS.has(href)) throw new TypeError(`script refusé : ${url}`);
    return href;
  },
});
const scriptURL = (p) => (policy ? policy.createScriptURL(p) : new URL(p, import.meta.url).href);

// ---------------------------------------------------------------- state
/** The analysed text on screen, with its packed analysis and the DOM that shows it. */
let doc = null;
let renderGen = 0; // bumped by each new result; long loops stop when it moves on
let reqId = 0;
let lastReq = null; // { id, text, t0 }
let typingTimer = 0;
let saveTimer = 0;
let engineReady = false;
/** A text too long for the textarea (over LARGE), shown read-only; null when the textarea holds the text. */
let largeText = null;
const currentText = () => largeText ?? input.value;

// ---------------------------------------------------------------- the worker
const worker = new Worker(scriptURL('./worker.js'), { type: 'module', name: 'quote-highlighter' });
worker.addEventListener('message', (event) => {
  const msg = event.data;
  if (msg.type === 'ready') {
    engineReady = true;
    document.body.dataset.engine = 'ready';
    $('version').textContent = `moteur ${msg.version}`;
    if (!('highlights' in CSS)) setStatus('Ce navigateur ne gère pas le surlignage (CSS Custom Highlight API).');
  } else if (msg.type === 'result') {
    if (!lastReq || msg.id !== lastReq.id) return; // overtaken by a newer text
    show(lastReq, msg.packed, msg.ms).catch(fail);
  } else if (msg.type === 'error') {
    if (msg.id === -1) document.body.dataset.engine = 'error';
    if (msg.id === -1 || msg.id === lastReq?.id) fail(msg.message);
  }
});
worker.addEventListener('error', (e) => {
  document.body.dataset.engine = 'error';
  fail(`Le moteur n’a pas pu démarrer : ${e.message || 'erreur du worker'}`);
});

function fail(message) {
  setBusy(false);
  view.dataset.state = 'error';
  setStatus(`Analyse impossible : ${message?.message ?? message}`);
}

function setStatus(s) {
  if (statusEl.textContent !== s) statusEl.textContent = s;
}

function setBusy(on, text = '') {
  document.body.toggleAttribute('data-busy', on);
  view.setAttribute('aria-busy', String(on));
  if (on) setStatus(text);
}

function sizeLabel(n) {
  if (n < 10_000) return plural(n, 'caractère', 'caractères');
  return `${(n / 1e6).toLocaleString('fr-FR', { maximumFractionDigits: n < 1e6 ? 2 : 1 })} M caractères`;
}

/** Sends the textarea's text to the worker now. */
function requestAnalysis() {
  clearTimeout(typingTimer);
  const text = currentText();
  lastReq = { id: ++reqId, text, t0: performance.now() };
  view.dataset.state = 'pending';
  setBusy(true, text.length > 200_000 ? `Analyse de ${sizeLabel(text.length)}…` : 'Analyse…');
  worker.postMessage({ type: 'analyze', id: lastReq.id, text });
}

/** Typing: analyse once the keys pause (longer pauses for longer texts). */
function scheduleAnalysis() {
  clearTimeout(typingTimer);
  view.dataset.state = 'pending';
  const delay = Math.min(1000, 150 + currentText().length / 10_000);
  typingTimer = setTimeout(requestAnalysis, delay);
}

function saveSoon() {
  clearTimeout(saveTimer);
  saveTimer = setTimeout(saveNow, 1000);
}

function saveNow() {
  clearTimeout(saveTimer);
  try {
    const text = currentText();
    if (text.length <= STORE_MAX) localStorage.setItem(STORE_KEY, text);
    else localStorage.removeItem(STORE_KEY); // too big to keep: better nothing than a stale text
  } catch {
    // storage full or disabled: the page works without it
  }
}

input.addEventListener('input', (e) => {
  saveSoon();
  // A paste or a drop is one deliberate action: no reason to wait for more keys.
  if (e.inputType === 'insertFromPaste' || e.inputType === 'insertFromDrop') requestAnalysis();
  else scheduleAnalysis();
});
addEventListener('pagehide', saveNow);

// ---------------------------------------------------------------- long texts
// Chromium lays out a textarea's whole text on every change: pasting 1 MB into it is a ~0.5 s
// main-thread task, 5 MB about 2 s, whatever the page does. So a paste or a drop that would make
// the text longer than LARGE never reaches the textarea: the text is kept in `largeText`, shown
// (in blocks) on the right, and a box in place of the textarea offers to replace, edit or clear it.
function setLarge(text) {
  largeText = text;
  input.value = '';
  input.hidden = true;
  largeBox.hidden = false;
  $('large-title').textContent = `Texte long : ${sizeLabel(text.length)}`;
  largeBox.focus();
  saveSoon();
  requestAnalysis();
}

function setSmall(text, { focus = true } = {}) {
  largeText = null;
  largeBox.hidden = true;
  input.hidden = false;
  input.value = text;
  if (focus) input.focus();
  saveSoon();
  requestAnalysis();
}

/** The text a paste or drop of `t` would give in the textarea. */
function afterInsert(t) {
  const v = input.value;
  return v.slice(0, input.selectionStart) + t + v.slice(input.selectionEnd);
}

input.addEventListener('paste', (e) => {
  const t = e.clipboardData?.getData('text/plain') ?? '';
  if (t.length + input.value.length <= LARGE) return; // the browser's own paste (keeps undo)
  const next = afterInsert(t);
  if (next.length <= LARGE) return;
  e.preventDefault();
  setLarge(next);
});
input.addEventListener('drop', (e) => {
  const t = e.dataTransfer?.getData('text/plain') ?? '';
  if (t.length + input.value.length <= LARGE) return;
  e.preventDefault();
  setLarge(t);
});
largeBox.addEventListener('paste', (e) => {
  e.preventDefault();
  const t = e.clipboardData?.getData('text/plain') ?? '';
  if (t.length > LARGE) setLarge(t);
  else setSmall(t);
});
$('large-edit').addEventListener('click', () => {
  setBusy(true, 'Chargement dans l’éditeur…');
  setTimeout(() => setSmall(largeText ?? ''), 30); // let the busy state paint first
});
$('large-clear').addEventListener('click', () => setSmall(''));

// ---------------------------------------------------------------- rendering the text
/** End (exclusive) of the block starting at `i`. */
function blockEnd(text, i) {
  const n = text.length;
  if (n - i <= BLOCK_CHARS) return n;
  const window = text.slice(i + BLOCK_CHARS - 1, Math.min(n, i + BLOCK_MAX));
  const nl = window.indexOf('\n');
  if (nl >= 0) return i + BLOCK_CHARS + nl;
  let end = Math.min(n, i + BLOCK_MAX);
  if (end === n) return n;
  // A line longer than BLOCK_MAX: cut after a space (this shows as a line break), and never
  // between the two halves of a surrogate pair.
  const space = text.lastIndexOf(' ', end - 1);
  if (space > i + BLOCK_CHARS) end = space + 1;
  const c = text.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end -= 1;
  return end;
}

/** [text node, offset in it] for a UTF-16 offset in the whole text. */
function locate(off) {
  const { starts, nodes } = doc;
  const i = Math.max(0, partitionPoint(starts.length, (k) => starts[k] > off) - 1);
  const node = nodes[i];
  return [node, Math.min(off - starts[i], node.length)];
}

function staticRange(s, e) {
  const [sn, so] = locate(s);
  const [en, eo] = locate(e);
  return new StaticRange({ startContainer: sn, startOffset: so, endContainer: en, endOffset: eo });
}

function liveRange(s, e) {
  const r = new Range();
  const [sn, so] = locate(s);
  const [en, eo] = locate(e);
  r.setStart(sn, so);
  r.setEnd(en, eo);
  return r;
}

/** Shows a fresh analysis: text blocks, panel, highlights. */
async function show(req, packed, workerMs) {
  const g = ++renderGen;
  const stale = () => g !== renderGen;
  const t1 = performance.now();
  const { text } = req;

  const frag = document.createDocumentFragment();
  const nodes = [];
  const starts = [];
  const nodeIndex = new Map();
  let i = 0;
  while (i < text.length) {
    const t = performance.now();
    while (i < text.length && performance.now() - t < BUDGET_MS) {
      const end = blockEnd(text, i);
      const block = document.createElement('div');
      block.className = 'blk';
      const node = document.createTextNode(text.slice(i, end));
      block.append(node);
      frag.append(block);
      nodeIndex.set(node, nodes.length);
      nodes.push(node);
      starts.push(i);
      i = end;
    }
    if (i < text.length) {
      await yieldToPage();
      if (stale()) return;
    }
  }

  const q = packed.quotes;
  const nq = q.length / Q_STRIDE;
  const next = {
    id: req.id, text, nodes, starts, nodeIndex, q, nq,
    strings: packed.strings,
    diags: packed.diagnostics,
    speakers: packed.speakers,
    speakerById: new Map(packed.speakers.map((s) => [s.id, s])),
    bySpeaker: new Map(),
    unattributed: [],
    terms: [],
    visible: new Uint8Array(nq),
    visibleList: [],
    folded: new Array(nq),
    current: -1,
    windowed: nq > PAINT_ALL,
    shownBlocks: new Set(),
  };
  for (let k = 0; k < nq; k++) {
    const o = k * Q_STRIDE;
    if (q[o + Q_KIND] === TERM) next.terms.push(k);
    else if (q[o + Q_SPEAKER] >= 0) {
      const id = q[o + Q_SPEAKER];
      if (!next.bySpeaker.has(id)) next.bySpeaker.set(id, []);
      next.bySpeaker.get(id).push(k);
    } else next.unattributed.push(k);
  }

  blockObserver.disconnect();
  const scrollTop = view.scrollTop; // typing re-renders: stay where the reader was
  view.replaceChildren(frag);
  view.scrollTop = scrollTop;
  doc = next;
  if (doc.windowed) for (const n of nodes) blockObserver.observe(n.parentElement);
  hideDetails();
  clearSingle('qh-current');
  clearSingle('qh-flash');
  renderPanel();
  renderDiagnostics();
  if (!(await applyFilters(stale))) return;

  setBusy(false);
  view.dataset.state = 'ready';
  view.dataset.ms = String(Math.round(performance.now() - req.t0));
  view.dataset.length = String(text.length);
  timingEl.textContent = `analyse ${Math.round(workerMs)} ms · affichage ${Math.round(performance.now() - t1)} ms`;
}

// ---------------------------------------------------------------- painting (Custom Highlight API)
const blockObserver = new IntersectionObserver((entries) => {
  if (!doc) return;
  for (const e of entries) {
    const idx = doc.nodeIndex.get(e.target.firstChild);
    if (idx === undefined) continue;
    if (e.isIntersecting) doc.shownBlocks.add(idx);
    else doc.shownBlocks.delete(idx);
  }
  schedulePaint();
}, { root: view, rootMargin: '100% 0px' });

let paintRaf = 0;
function schedulePaint() {
  if (!paintRaf) paintRaf = requestAnimationFrame(() => { paintRaf = 0; paint(); });
}

/** First quote index whose start is >= off (quotes are sorted by start). */
function firstQuoteFrom(off) {
  const { q, nq } = doc;
  let lo = 0;
  let hi = nq;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (q[mid * Q_STRIDE + Q_START] < off) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Registers the highlights of the visible quotes (all, or those near the viewport). */
function paint() {
  if (!doc) return;
  let lo = 0;
  let hi = doc.text.length;
  if (doc.windowed) {
    if (!doc.shownBlocks.size) return;
    let a = Infinity;
    let b = -1;
    for (const k of doc.shownBlocks) { a = Math.min(a, k); b = Math.max(b, k); }
    lo = doc.starts[a] - PAINT_MARGIN;
    hi = doc.starts[b] + doc.nodes[b].length + PAINT_MARGIN;
  }
  const { q, visible } = doc;
  const groups = new Map();
  const add = (name, s, e) => {
    let h = groups.get(name);
    if (!h) groups.set(name, (h = new Highlight()));
    h.add(staticRange(s, e));
  };
  for (let k = lo > 0 ? firstQuoteFrom(lo) : 0; k < doc.nq; k++) {
    const o = k * Q_STRIDE;
    if (q[o + Q_START] >= hi) break;
    if (!visible[k]) continue;
    const s = q[o + Q_START];
    const e = q[o + Q_END];
    const kind = q[o + Q_KIND];
    const spk = q[o + Q_SPEAKER];
    if (kind === TERM) add('qh-term', s, e);
    else add(spk >= 0 ? `qh-s${spk % COLOURS}` : 'qh-none', s, e);
    if (kind === PARTIAL) add('qh-partial', s, e);
    if (!q[o + Q_CLOSED]) add('qh-unclosed', s, e);
    if (q[o + Q_MSTART] >= 0) add('qh-mention', q[o + Q_MSTART], q[o + Q_MEND]);
  }
  for (const name of PAINT_NAMES) {
    const h = groups.get(name);
    if (h) CSS.highlights.set(name, h);
    else CSS.highlights.delete(name);
  }
}

function setSingle(name, s, e, priority) {
  const h = new Highlight(staticRange(s, e));
  h.priority = priority;
  CSS.highlights.set(name, h);
  return h;
}

function clearSingle(name) {
  CSS.highlights.delete(name);
}

// ---------------------------------------------------------------- filters and search
function filterState() {
  return {
    kinds: new Set(kindBoxes.filter((b) => b.checked).map((b) => KINDS.indexOf(b.value))),
    speaker: speakerFilter.value, // 'all' | 'none' | an id
    query: fold(searchEl.value.trim()),
  };
}

function quoteFolded(k) {
  let f = doc.folded[k];
  if (f === undefined) {
    const { q, text } = doc;
    const o = k * Q_STRIDE;
    const spk = doc.speakerById.get(q[o + Q_SPEAKER]);
    const mention = q[o + Q_MSTART] >= 0 ? text.slice(q[o + Q_MSTART], q[o + Q_MEND]) : '';
    f = fold(`${text.slice(q[o + Q_CSTART], q[o + Q_CEND])}\u0000${spk?.name ?? ''}\u0000${mention}`);
    doc.folded[k] = f;
  }
  return f;
}

let filterGen = 0;
/** Recomputes which quotes are shown, repaints, updates the counts. False when superseded. */
async function applyFilters(staleRender = () => false) {
  if (!doc) return false;
  const fg = ++filterGen;
  const d = doc;
  const { kinds, speaker, query } = filterState();
  const spk = speaker === 'all' || speaker === 'none' ? null : Number(speaker);
  const visible = new Uint8Array(d.nq);
  const ok = await sliced(d.nq, (k) => {
    const o = k * Q_STRIDE;
    const kind = d.q[o + Q_KIND];
    if (!kinds.has(kind)) return;
    const id = d.q[o + Q_SPEAKER];
    if (speaker === 'none' && (id >= 0 || kind === TERM)) return;
    if (spk !== null && id !== spk) return;
    if (query && !quoteFolded(k).includes(query)) return;
    visible[k] = 1;
  }, () => fg !== filterGen || d !== doc || staleRender());
  if (!ok) return false;
  d.visible = visible;
  d.visibleList = [];
  for (let k = 0; k < d.nq; k++) if (visible[k]) d.visibleList.push(k);
  paint();
  updateCounts();
  return true;
}

function updateCounts() {
  const d = doc;
  const statements = d.nq - d.terms.length;
  const parts = [`${plural(statements, 'citation', 'citations')}, ${plural(d.speakers.length, 'locuteur', 'locuteurs')}`];
  if (d.terms.length) parts.push(plural(d.terms.length, 'terme', 'termes'));
  const nd = d.diags.length / 4;
  if (nd) parts.push(plural(nd, 'alerte', 'alertes'));
  let s = parts.join(', ');
  if (d.visibleList.length !== d.nq) s += ` — ${plural(d.visibleList.length, 'affichée', 'affichées')}`;
  setStatus(s);
  $('export-count').textContent = plural(d.visibleList.length, 'citation', 'citations');
}

for (const b of kindBoxes) b.addEventListener('change', () => applyFilters());
speakerFilter.addEventListener('change', () => applyFilters());
let searchTimer = 0;
searchEl.addEventListener('input', () => {
  clearTimeout(searchTimer);
  searchTimer = setTimeout(() => applyFilters(), 120);
});

// ---------------------------------------------------------------- the panel
function swatch(cls) {
  const s = document.createElement('span');
  s.className = `swatch ${cls}`;
  s.setAttribute('aria-hidden', 'true');
  return s;
}

function quoteText(k) {
  const o = k * Q_STRIDE;
  return doc.text.slice(doc.q[o + Q_START], doc.q[o + Q_END]);
}

function speakerGroup(cls, label, list, title) {
  const li = document.createElement('li');
  const details = document.createElement('details');
  const summary = document.createElement('summary');
  const name = document.createElement('span');
  name.className = 'name';
  name.textContent = label;
  if (title) name.title = title;
  const count = document.createElement('span');
  count.className = 'count';
  count.textContent = String(list.length);
  summary.append(swatch(cls), name, count);
  const ol = document.createElement('ol');
  ol.className = 'quotes';
  details.append(summary, ol);
  details.addEventListener('toggle', () => {
    if (!details.open || ol.childElementCount) return;
    const items = list.slice(0, LIST_CAP).map((k) => {
      const item = document.createElement('li');
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'quote-link';
      b.dataset.q = String(k);
      const o = k * Q_STRIDE;
      b.textContent = clip(quoteText(k), 160);
      if (doc.q[o + Q_KIND] === PARTIAL) b.classList.add('partial');
      item.append(b);
      return item;
    });
    if (list.length > LIST_CAP) {
      const more = document.createElement('li');
      more.className = 'more';
      more.textContent = `… et ${(list.length - LIST_CAP).toLocaleString('fr-FR')} autres (affinez avec la recherche)`;
      items.push(more);
    }
    ol.replaceChildren(...items);
  });
  li.append(details);
  return li;
}

function renderPanel() {
  const d = doc;
  const speakers = [...d.speakers]
    .map((s) => ({ s, list: d.bySpeaker.get(s.id) ?? [] }))
    .sort((a, b) => b.list.length - a.list.length || a.s.id - b.s.id);
  const items = speakers.slice(0, SPEAKER_CAP)
    .map(({ s, list }) => speakerGroup(`s${s.id % COLOURS}`, s.name, list));
  if (speakers.length > SPEAKER_CAP) {
    const more = document.createElement('li');
    more.className = 'more';
    more.textContent = `… et ${(speakers.length - SPEAKER_CAP).toLocaleString('fr-FR')} autres locuteurs`;
    items.push(more);
  }
  if (d.unattributed.length) items.push(speakerGroup('snone', 'Sans locuteur', d.unattributed));
  if (d.terms.length) items.push(speakerGroup('sterm', 'Termes et titres', d.terms, 'Entre guillemets, mais pas des paroles rapportées'));
  speakersEl.replaceChildren(...items);
  $('speakers-empty').hidden = items.length > 0;

  // Keep the chosen speaker when the same name is still there after an edit.
  const chosen = speakerFilter.value;
  const chosenName = speakerFilter.selectedOptions[0]?.dataset.name;
  const opts = [new Option('Tous', 'all'), new Option('Sans locuteur', 'none')];
  for (const { s } of speakers.slice(0, SPEAKER_CAP)) {
    const opt = new Option(s.name, String(s.id));
    opt.dataset.name = s.name;
    opts.push(opt);
  }
  speakerFilter.replaceChildren(...opts);
  const keep = chosen === 'none' ? 'none' : opts.find((o) => o.dataset.name && o.dataset.name === chosenName)?.value;
  speakerFilter.value = keep ?? 'all';
}

function renderDiagnostics() {
  const d = doc;
  const n = d.diags.length / 4;
  const items = [];
  for (let k = 0; k < Math.min(n, LIST_CAP); k++) {
    const [s, e, code, message] = d.diags.subarray(k * 4, k * 4 + 4);
    const codeStr = d.strings[code];
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'diag-link';
    b.dataset.start = String(s);
    b.dataset.end = String(e);
    const label = document.createElement('strong');
    label.textContent = DIAG_LABEL[codeStr] ?? d.strings[message] ?? codeStr;
    const excerpt = document.createElement('span');
    excerpt.className = 'excerpt';
    excerpt.textContent = clip(d.text.slice(Math.max(0, s - 20), e + 40).replace(/\s+/g, ' '), 70);
    b.append(label, excerpt);
    b.title = d.strings[message] ?? '';
    const li = document.createElement('li');
    li.append(b);
    items.push(li);
  }
  if (n > LIST_CAP) {
    const more = document.createElement('li');
    more.className = 'more';
    more.textContent = `… et ${(n - LIST_CAP).toLocaleString('fr-FR')} autres`;
    items.push(more);
  }
  diagnosticsEl.replaceChildren(...items);
  diagnosticsBox.hidden = n === 0;
  $('diagnostics-count').textContent = String(n);
}

speakersEl.addEventListener('click', (e) => {
  const b = e.target.closest('.quote-link');
  if (b) jumpToQuote(Number(b.dataset.q));
});
diagnosticsEl.addEventListener('click', (e) => {
  const b = e.target.closest('.diag-link');
  if (b) jumpToRange(Number(b.dataset.start), Number(b.dataset.end));
});
for (const type of ['focusin', 'mouseover']) {
  speakersEl.addEventListener(type, (e) => {
    const b = e.target.closest('.quote-link');
    if (b && doc) showDetails(Number(b.dataset.q), { beside: b.getBoundingClientRect() });
  });
}
speakersEl.addEventListener('focusout', hideDetails);
speakersEl.addEventListener('mouseout', (e) => { if (e.target.closest('.quote-link')) hideDetails(); });

// ---------------------------------------------------------------- details (hover and focus)
let detailsFor = null; // { k, anchor } while shown

function detailRow(dl, term, value) {
  const dt = document.createElement('dt');
  dt.textContent = term;
  const dd = document.createElement('dd');
  dd.textContent = value;
  dl.append(dt, dd);
}

/** Shows speaker, mention, verb and method of quote k near `anchor`. */
function showDetails(k, anchor) {
  const { q, text, strings } = doc;
  const o = k * Q_STRIDE;
  const kind = KINDS[q[o + Q_KIND]];
  const spk = doc.speakerById.get(q[o + Q_SPEAKER]);
  const title = document.createElement('p');
  title.className = 'who';
  title.append(swatch(kind === 'term' ? 'sterm' : spk ? `s${spk.id % COLOURS}` : 'snone'));
  title.append(kind === 'term' ? 'Terme ou titre' : spk ? spk.name : 'Locuteur non identifié');
  const dl = document.createElement('dl');
  if (q[o + Q_MSTART] >= 0) detailRow(dl, 'Mention', text.slice(q[o + Q_MSTART], q[o + Q_MEND]));
  if (q[o + Q_VSTART] >= 0) {
    const lemma = strings[q[o + Q_LEMMA]];
    const verb = text.slice(q[o + Q_VSTART], q[o + Q_VEND]);
    detailRow(dl, 'Verbe', lemma && lemma !== verb ? `${verb} (${lemma})` : verb);
  }
  const method = strings[q[o + Q_METHOD]];
  if (method) detailRow(dl, 'Attribution', METHOD_LABEL[method] ?? method);
  detailRow(dl, 'Type', `${KIND_LABEL[kind]}${q[o + Q_CLOSED] ? '' : ', non fermée'}`);
  detailsEl.replaceChildren(title, dl);
  detailsEl.hidden = false;
  detailsFor = { k, anchor };
  placeDetails();
}

function placeDetails() {
  if (!detailsFor) return;
  const { anchor, k } = detailsFor;
  const w = detailsEl.offsetWidth;
  const h = detailsEl.offsetHeight;
  let x;
  let y;
  if (anchor.point) {
    x = anchor.point.x + 14;
    y = anchor.point.y + 18;
  } else if (anchor.beside) {
    x = anchor.beside.left - w - 10;
    y = anchor.beside.top;
    if (x < 8) { x = anchor.beside.left; y = anchor.beside.bottom + 6; }
  } else {
    const o = k * Q_STRIDE;
    const rects = liveRange(doc.q[o + Q_START], doc.q[o + Q_END]).getClientRects();
    const last = rects[rects.length - 1];
    if (!last) return hideDetails();
    x = last.left;
    y = last.bottom + 6;
  }
  x = Math.max(8, Math.min(x, innerWidth - w - 8));
  if (y + h > innerHeight - 8) y = Math.max(8, y - h - 30);
  detailsEl.style.left = `${Math.round(x)}px`; // CSSOM, not a style attribute: allowed by style-src 'self'
  detailsEl.style.top = `${Math.round(y)}px`;
}

function hideDetails() {
  detailsFor = null;
  detailsEl.hidden = true;
}

/** The innermost shown quote containing offset `off`, or -1. */
function quoteAt(off) {
  const { q } = doc;
  const first = firstQuoteFrom(off + 1) - 1;
  for (let k = first; k >= 0 && k > first - 64; k--) {
    const o = k * Q_STRIDE;
    if (doc.visible[k] && q[o + Q_START] <= off && off < q[o + Q_END]) return k;
  }
  return -1;
}

let hoverRaf = 0;
let lastPointer = null;
view.addEventListener('pointermove', (e) => {
  lastPointer = { x: e.clientX, y: e.clientY };
  if (!hoverRaf) hoverRaf = requestAnimationFrame(hoverCheck);
});
view.addEventListener('pointerleave', () => { if (detailsFor?.anchor.point) hideDetails(); });

function hoverCheck() {
  hoverRaf = 0;
  if (!doc || !lastPointer) return;
  const { x, y } = lastPointer;
  const pos = caretAt(x, y);
  const idx = pos && doc.nodeIndex.get(pos.node);
  let k = idx === undefined || idx === null ? -1 : quoteAt(doc.starts[idx] + pos.offset);
  if (k >= 0) {
    // The caret is the nearest one: check the pointer is really over the quote's text.
    const o = k * Q_STRIDE;
    const over = [...liveRange(doc.q[o + Q_START], doc.q[o + Q_END]).getClientRects()]
      .some((r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom);
    if (!over) k = -1;
  }
  if (k >= 0) {
    if (detailsFor?.k !== k || !detailsFor.anchor.point) showDetails(k, { point: { x, y } });
    else { detailsFor.anchor.point = { x, y }; placeDetails(); }
  } else if (detailsFor?.anchor.point) hideDetails();
}

// Clicking a quote makes it the current one: next/previous continue from there.
view.addEventListener('click', () => {
  if (!doc || !lastPointer || getSelection()?.type === 'Range') return;
  const pos = caretAt(lastPointer.x, lastPointer.y);
  const idx = pos && doc.nodeIndex.get(pos.node);
  const k = idx === undefined || idx === null ? -1 : quoteAt(doc.starts[idx] + pos.offset);
  if (k < 0) return;
  doc.current = k;
  const o = k * Q_STRIDE;
  setSingle('qh-current', doc.q[o + Q_START], doc.q[o + Q_END], 2);
  view.dataset.current = String(k);
});

view.addEventListener('scroll', () => {
  if (detailsFor?.anchor.point) hideDetails();
  else if (detailsFor?.anchor.quote) placeDetails();
}, { passive: true });
addEventListener('resize', () => placeDetails());

// ---------------------------------------------------------------- jumping and navigating
let flashTimer = 0;
function flash(s, e) {
  clearInterval(flashTimer);
  const h = setSingle('qh-flash', s, e, 3);
  if (reducedMotion.matches) {
    flashTimer = setTimeout(() => clearSingle('qh-flash'), 900);
    return;
  }
  let n = 0;
  flashTimer = setInterval(() => {
    n += 1;
    if (n >= 6) { clearInterval(flashTimer); clearSingle('qh-flash'); return; }
    if (n % 2) clearSingle('qh-flash');
    else CSS.highlights.set('qh-flash', h);
  }, 200);
}

/** Scrolls the view so that [s, e) is in its upper third. */
async function scrollToRange(s, e) {
  const [node] = locate(s);
  view.scrollTop = Math.max(0, node.parentElement.offsetTop - view.clientHeight / 3);
  // Blocks near the target now render at their real size: settle in a few frames.
  for (let i = 0; i < 3; i++) {
    await nextFrame();
    const r = liveRange(s, e).getBoundingClientRect();
    const v = view.getBoundingClientRect();
    const delta = r.top - v.top - v.height / 3;
    if (Math.abs(delta) < 4) break;
    view.scrollTop += delta;
  }
  const v = view.getBoundingClientRect();
  if (v.bottom < 0 || v.top > innerHeight) view.scrollIntoView({ block: 'nearest' });
}

async function jumpToRange(s, e) {
  if (!doc) return;
  await scrollToRange(s, e);
  flash(s, e);
}

async function jumpToQuote(k, { announce = false } = {}) {
  if (!doc || k < 0 || k >= doc.nq) return;
  doc.current = k;
  const o = k * Q_STRIDE;
  const s = doc.q[o + Q_START];
  const e = doc.q[o + Q_END];
  setSingle('qh-current', s, e, 2);
  view.dataset.current = String(k);
  await scrollToRange(s, e);
  flash(s, e);
  showDetails(k, { quote: true });
  if (announce) {
    const pos = doc.visibleList.indexOf(k) + 1;
    const spk = doc.speakerById.get(doc.q[o + Q_SPEAKER]);
    announceEl.textContent = `Citation ${pos} sur ${doc.visibleList.length}${spk ? `, ${spk.name}` : ''} : ${clip(quoteText(k), 120)}`;
  }
}

/** Moves to the next (dir = 1) or previous (dir = -1) shown quote. */
function step(dir) {
  if (!doc || !doc.visibleList.length) return;
  const list = doc.visibleList;
  const cur = doc.current;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) { // first index whose quote is > cur
    const mid = (lo + hi) >> 1;
    if (list[mid] <= cur) lo = mid + 1;
    else hi = mid;
  }
  let i;
  if (dir > 0) i = lo < list.length ? lo : 0;
  else {
    i = (cur >= 0 && list[lo - 1] === cur ? lo - 2 : lo - 1);
    if (i < 0) i = list.length - 1;
  }
  jumpToQuote(list[i], { announce: true });
}

$('next').addEventListener('click', () => step(1));
$('prev').addEventListener('click', () => step(-1));

addEventListener('keydown', (e) => {
  const t = e.target;
  const typing = t instanceof HTMLTextAreaElement || (t instanceof HTMLInputElement && t.type !== 'checkbox') || t instanceof HTMLSelectElement;
  if (e.altKey && !e.ctrlKey && !e.metaKey && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
    e.preventDefault();
    step(e.key === 'ArrowDown' ? 1 : -1);
  } else if (!typing && !e.altKey && !e.ctrlKey && !e.metaKey && (e.key === 'n' || e.key === 'j')) {
    step(1);
  } else if (!typing && !e.altKey && !e.ctrlKey && !e.metaKey && (e.key === 'p' || e.key === 'k')) {
    step(-1);
  } else if (e.key === 'Escape') {
    hideDetails();
  }
});

// ---------------------------------------------------------------- export
const COLUMNS = ['quote', 'speaker', 'mention', 'verb', 'lemma', 'kind', 'closed', 'method', 'start', 'end', 'contentStart', 'contentEnd'];

function row(k) {
  const { q, text, strings } = doc;
  const o = k * Q_STRIDE;
  const spk = doc.speakerById.get(q[o + Q_SPEAKER]);
  return {
    quote: text.slice(q[o + Q_CSTART], q[o + Q_CEND]),
    speaker: spk ? spk.name : null,
    mention: q[o + Q_MSTART] >= 0 ? text.slice(q[o + Q_MSTART], q[o + Q_MEND]) : null,
    verb: q[o + Q_VSTART] >= 0 ? text.slice(q[o + Q_VSTART], q[o + Q_VEND]) : null,
    lemma: strings[q[o + Q_LEMMA]] ?? null,
    kind: KINDS[q[o + Q_KIND]],
    closed: q[o + Q_CLOSED] === 1,
    method: strings[q[o + Q_METHOD]] ?? null,
    start: q[o + Q_START],
    end: q[o + Q_END],
    contentStart: q[o + Q_CSTART],
    contentEnd: q[o + Q_CEND],
  };
}

/** A CSV/TSV cell; text that a spreadsheet would run as a formula gets a leading apostrophe. */
function cell(v, sep) {
  if (v === null || v === undefined) return '';
  let s = String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  if (sep === '\t') return s.replace(/[\t\r\n]+/g, ' ');
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The shown quotes as JSON, CSV or TSV text parts, built a slice at a time. */
async function exportParts(format) {
  const d = doc;
  const list = d.visibleList;
  const parts = [];
  if (format === 'json') {
    parts.push(`{"generator":"quote-highlighter","version":${JSON.stringify($('version').textContent.replace(/^moteur /, ''))},"offsets":"utf16","count":${list.length},"quotes":[`);
    await sliced(list.length, (i) => parts.push(`${i ? ',' : ''}\n  ${JSON.stringify(row(list[i]))}`), () => false);
    parts.push('\n]}\n');
  } else {
    const sep = format === 'csv' ? ',' : '\t';
    const eol = format === 'csv' ? '\r\n' : '\n';
    if (format === 'csv') parts.push('\uFEFF'); // so that spreadsheets read UTF-8
    parts.push(COLUMNS.join(sep) + eol);
    await sliced(list.length, (i) => {
      const r = row(list[i]);
      parts.push(COLUMNS.map((c) => cell(r[c], sep)).join(sep) + eol);
    }, () => false);
  }
  return parts;
}

async function download(format) {
  if (!doc) return;
  const parts = await exportParts(format);
  const blob = new Blob(parts, { type: format === 'json' ? 'application/json' : 'text/csv;charset=utf-8' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = `citations.${format}`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 60_000);
  announceEl.textContent = `Export ${format.toUpperCase()} : ${plural(doc.visibleList.length, 'citation', 'citations')}`;
}

$('export-json').addEventListener('click', () => download('json'));
$('export-csv').addEventListener('click', () => download('csv'));
$('copy').addEventListener('click', async () => {
  if (!doc) return;
  try {
    await navigator.clipboard.writeText((await exportParts('tsv')).join(''));
    announceEl.textContent = `Copié : ${plural(doc.visibleList.length, 'citation', 'citations')} (colonnes séparées par des tabulations)`;
  } catch (e) {
    announceEl.textContent = `Copie impossible : ${e.message}`;
  }
});

// ---------------------------------------------------------------- example, start-up
$('load-example').addEventListener('click', () => {
  if (largeText !== null) setSmall('', { focus: false });
  input.focus();
  input.select();
  // execCommand keeps the browser's undo history: Ctrl+Z brings the previous text back.
  if (!document.execCommand('insertText', false, EXAMPLE) || input.value !== EXAMPLE) input.value = EXAMPLE;
  input.setSelectionRange(0, 0);
  input.scrollTop = 0;
  saveNow();
  requestAnalysis();
});

try {
  const saved = localStorage.getItem(STORE_KEY);
  if (saved && saved.length > LARGE) setLarge(saved);
  else if (saved && !input.value) input.value = saved;
} catch {
  // no storage: start empty
}
if (largeText === null) requestAnalysis(); // setLarge() has already asked
if (!engineReady) setStatus('Chargement du moteur…');

// Offline: a service worker keeps the page, the engine and the wasm for the next visits.
if ('serviceWorker' in navigator && location.protocol !== 'file:') {
  navigator.serviceWorker.register(scriptURL('./sw.js')).catch(() => {});
}
