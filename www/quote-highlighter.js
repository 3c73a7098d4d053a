// quote-highlighter — the embed for news sites. One tag:
//
//   <script type="module" src="https://cdn.example/quote-highlighter/quote-highlighter.js"></script>
//
// highlights the quotes in every element marked `data-quote-highlighter` and in every
// `<quote-highlighter>` element, once it nears the viewport. The module API is `analyze(text, options)`
// and `highlight(root, options)`; see README.md ("Embed on a news site") and quote-highlighter.d.ts.
//
// How it works: the text nodes under the root (across inline elements; block elements count as
// paragraph breaks; white space collapsed as CSS does) are joined into one composite string and a
// table of runs (text node, offset in the node, offset in the string). The wasm core analyses the
// string and returns UTF-16 offsets, which the runs turn back into DOM Ranges. Ranges are painted
// with the CSS Custom Highlight API, so the host's DOM is not modified; without that API each quote
// is wrapped in <qh-quote> elements built with DOM calls (never markup). Styles are constructed
// stylesheets (adoptedStyleSheets), so a strict CSP (style-src 'self', Trusted Types) is fine.
//
// Never breaks the host: every entry point catches, reports with console.warn and a
// `quote-highlighter:error` event, and carries on. Only `analyze()` rejects (its caller asked for data).
//
// The DOM walk stays in JavaScript: it must run (lazily, before the wasm is even fetched) to know
// what to analyse, and reading text nodes is one native call per node either way. The binding
// takes over from there: it analyses the composite text and, through web-sys (src/dom.rs), turns
// the quotes' UTF-16 spans back into DOM Ranges over the walked text runs, so this module only
// paints them. The fallback's wrapping (no CSS.highlights) splits text nodes here.

import { createEngine } from './engine.js';

const VERSION = '0.1.0';
const COLOURS = 8;
const PREFIX = 'qh-';
const DEFAULT_KINDS = ['direct', 'partial'];
const DEFAULT_DEBOUNCE_MS = 250;
/** How near the viewport a container must come for the wasm to load and the container to be highlighted. */
const ROOT_MARGIN = '400px';

/** Elements whose text is never read. */
const SKIP = new Set(['head', 'script', 'style', 'noscript', 'textarea', 'template', 'iframe', 'object', 'embed',
  'select', 'option', 'input', 'button', 'svg', 'math', 'canvas', 'video', 'audio', 'qh-tooltip']);
/** Elements that start and end a paragraph in the composite text. */
const BLOCK = new Set(['address', 'article', 'aside', 'blockquote', 'dd', 'details', 'dialog', 'div', 'dl',
  'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
  'hgroup', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'thead',
  'tfoot', 'tr', 'td', 'th', 'caption', 'ul', 'menu', 'quote-highlighter']);

const DEFAULT_LABELS = {
  unattributed: 'Locuteur non identifié',
  partial: 'citation partielle',
  term: 'titre ou terme',
  unclosed: 'guillemet non fermé',
  legendTitle: 'Qui parle ?',
  legendNone: 'Sans locuteur',
  legendEmpty: 'Aucune citation',
};

// ------------------------------------------------------------------------------------------ styles

const THEME_DEFAULTS = [
  'rgb(250 204 21 / .35)', 'rgb(96 165 250 / .35)', 'rgb(74 222 128 / .35)', 'rgb(244 114 182 / .35)',
  'rgb(167 139 250 / .35)', 'rgb(251 146 60 / .35)', 'rgb(34 211 238 / .35)', 'rgb(163 163 163 / .35)',
];
const colour = (i) => `var(--qh-${i}, ${THEME_DEFAULTS[i]})`;
const NONE = 'var(--qh-none, rgb(163 163 163 / .25))';
const TERM = 'var(--qh-term, currentColor)';
const MENTION = 'var(--qh-mention, rgb(194 65 12))';
const ACTIVE = 'var(--qh-active, currentColor)';

function documentCss() {
  const rules = [];
  for (let i = 0; i < COLOURS; i++) {
    rules.push(`::highlight(qh-s${i}) { background-color: ${colour(i)}; }`);
    rules.push(`qh-quote[data-qh-colour="${i}"] { background-color: ${colour(i)}; }`);
  }
  rules.push(
    `::highlight(qh-none) { background-color: ${NONE}; }`,
    `qh-quote[data-qh-colour="none"] { background-color: ${NONE}; }`,
    `::highlight(qh-term) { text-decoration: underline dotted ${TERM} 2px; }`,
    `qh-quote[data-qh-kind="term"] { text-decoration: underline dotted ${TERM} 2px; }`,
    `::highlight(qh-mention) { text-decoration: underline solid ${MENTION} 2px; text-underline-offset: 3px; }`,
    `qh-mention { text-decoration: underline solid ${MENTION} 2px; text-underline-offset: 3px; }`,
    `::highlight(qh-unclosed) { text-decoration: underline wavy var(--qh-unclosed, rgb(220 38 38)) 1px; }`,
    `::highlight(qh-active) { text-decoration: underline solid ${ACTIVE} 2px; text-underline-offset: 3px; }`,
    'qh-quote, qh-mention { display: inline; font: inherit; color: inherit; }',
    `qh-tooltip { position: fixed; inset: auto; margin: 0; z-index: 2147483647; max-width: min(22rem, 90vw);
      padding: .35rem .6rem; border: 0; border-radius: var(--qh-tooltip-radius, 6px); pointer-events: none;
      background: var(--qh-tooltip-bg, #1c1b19); color: var(--qh-tooltip-fg, #fdfcfa);
      font: var(--qh-tooltip-font, 500 .875rem/1.35 system-ui, sans-serif); box-shadow: 0 2px 10px rgb(0 0 0 / .25);
      overflow: visible; }`,
    'qh-tooltip .qh-verb { font-weight: 400; opacity: .85; }',
  );
  return rules.join('\n');
}

function legendCss() {
  const rules = [
    ':host { display: block; }',
    '[part~="legend"] { display: flex; flex-wrap: wrap; gap: .25rem 1rem; align-items: center; margin: 0 0 1rem;'
      + ' padding: .5rem .75rem; border: 1px solid var(--qh-legend-border, rgb(128 128 128 / .35));'
      + ' border-radius: 6px; font: var(--qh-legend-font, .875rem/1.4 system-ui, sans-serif); }',
    '[part~="legend"][hidden] { display: none; }',
    '.title { font-weight: 600; }',
    'ul { display: contents; list-style: none; margin: 0; padding: 0; }',
    'li { display: inline-flex; gap: .35rem; align-items: center; }',
    '.swatch { width: .9rem; height: .9rem; border-radius: 3px; border: 1px solid rgb(128 128 128 / .4); }',
    '.count { opacity: .7; font-variant-numeric: tabular-nums; }',
    `.c-none { background: ${NONE}; }`,
  ];
  for (let i = 0; i < COLOURS; i++) rules.push(`.c-${i} { background: ${colour(i)}; }`);
  return rules.join('\n');
}

let documentSheetAdded = false;
let legendSheet = null;

function sheet(css) {
  const s = new CSSStyleSheet();
  s.replaceSync(css);
  return s;
}

function adopt(target, s) {
  if (!('adoptedStyleSheets' in target)) throw new Error('constructable stylesheets are not supported here');
  if (target.adoptedStyleSheets.includes(s)) return;
  target.adoptedStyleSheets = [...target.adoptedStyleSheets, s];
}

function ensureDocumentStyles() {
  if (documentSheetAdded) return;
  documentSheetAdded = true;
  try {
    adopt(document, sheet(documentCss()));
  } catch (e) {
    report(document, e, 'could not add the highlight styles');
  }
}

// ------------------------------------------------------------------------------------------ errors

function report(target, error, context) {
  const message = `${context}: ${error?.message ?? error}`;
  try {
    console.warn(`quote-highlighter: ${message}`);
    // On the element when it is in the document (the event bubbles up to it), else on the document.
    const t = target && typeof target.dispatchEvent === 'function' && target.isConnected ? target : document;
    t.dispatchEvent(new CustomEvent('quote-highlighter:error', { bubbles: true, composed: true, detail: { error, message } }));
  } catch {
    // Reporting must never throw either.
  }
}

// ------------------------------------------------------------------------------------------ engine

const config = { wasmUrl: null };
let engineReady = null; // Promise<engine>, made on first use

/** Sets defaults for every later call: `{ wasmUrl }` (for CDN hosting). */
export function configure(options = {}) {
  if (options.wasmUrl !== undefined) config.wasmUrl = options.wasmUrl;
}

function scriptTagWasmUrl() {
  for (const s of document.querySelectorAll('script[type="module"][data-wasm-url]')) {
    if (s.src === import.meta.url) return s.getAttribute('data-wasm-url');
  }
  return null;
}

function wasmUrl(explicit) {
  const url = explicit || config.wasmUrl || scriptTagWasmUrl();
  return url ? new URL(url, document.baseURI) : new URL('./pkg/quote_highlighter_bg.wasm', import.meta.url);
}

function explain(e) {
  const text = String(e?.message ?? e);
  if (/wasm-eval|wasm-unsafe-eval|Content Security Policy/i.test(text)) {
    const err = new Error("this page's Content-Security-Policy does not allow WebAssembly: add 'wasm-unsafe-eval' "
      + "to script-src (script-src 'self' 'wasm-unsafe-eval'). Quotes are not highlighted.");
    err.cause = e;
    return err;
  }
  return e instanceof Error ? e : new Error(text);
}

/**
 * The engine (www/engine.js: compiled once, instantiated on first use, a trapped instance dropped
 * and replaced). A failed load is one cached, explained error: remembered, not retried.
 */
function loadEngine(url) {
  if (!engineReady) {
    const engine = createEngine(url, {
      onTrap: (e) => report(document, e, 'the wasm engine failed; it restarts for the next analysis'),
    });
    engineReady = engine.ready().then(() => engine, (e) => { throw explain(e); });
  }
  return engineReady;
}

/**
 * Analyses a plain text: `{ quotes, speakers, diagnostics }` with UTF-16 offsets into `text`.
 * Loads the wasm on first use. Rejects on bad input (over `maxBytes`) or when the wasm cannot load.
 */
export async function analyze(text, options = {}) {
  const engine = await loadEngine(wasmUrl(options.wasmUrl));
  return engine.analyze(String(text ?? ''), options.maxBytes);
}

// ------------------------------------------------------------------------------------------ text

const isCollapsible = (c) => c === 32 || c === 10 || c === 9 || c === 13 || c === 12;

function excludedBy(el, selector) {
  if (SKIP.has(el.localName) || el.hidden === true) return true;
  const ce = el.getAttribute('contenteditable');
  if (ce !== null && ce !== 'false') return true;
  return selector !== '' && el.matches(selector);
}

/**
 * The composite text under `root` and its runs `{ node, offset, start, length }` (sorted by start):
 * text `[start, start + length)` of the composite is `node.data` from `offset`.
 */
export function collectText(root, exclude = '') {
  const parts = [];
  const runs = [];
  let len = 0;
  let atBreak = true; // at the start of the text or right after a paragraph break
  let afterSpace = false;

  const push = (node, offset, piece) => {
    const last = runs[runs.length - 1];
    if (last && last.node === node && last.offset + last.length === offset && last.start + last.length === len) {
      last.length += piece.length;
    } else {
      runs.push({ node, offset, start: len, length: piece.length });
    }
    parts.push(piece);
    len += piece.length;
  };
  const paragraphBreak = () => {
    if (!atBreak) {
      parts.push('\n');
      len += 1;
    }
    atBreak = true;
    afterSpace = false;
  };
  const text = (node) => {
    const data = node.data;
    let i = 0;
    while (i < data.length) {
      let j = i;
      while (j < data.length && !isCollapsible(data.charCodeAt(j))) j++;
      if (j > i) {
        push(node, i, data.slice(i, j));
        atBreak = false;
        afterSpace = false;
      }
      if (j < data.length) {
        if (!atBreak && !afterSpace) {
          push(node, j, ' ');
          afterSpace = true;
        }
        while (j < data.length && isCollapsible(data.charCodeAt(j))) j++;
      }
      i = j;
    }
  };

  // Iterative walk (no recursion depth limit on hostile markup).
  let node = root.firstChild;
  while (node) {
    let descend = false;
    if (node.nodeType === Node.TEXT_NODE) {
      text(node);
    } else if (node.nodeType === Node.ELEMENT_NODE && !excludedBy(node, exclude)) {
      const tag = node.localName;
      if (tag === 'br') {
        paragraphBreak();
      } else {
        if (BLOCK.has(tag)) paragraphBreak();
        descend = node.firstChild !== null;
        if (!descend && BLOCK.has(tag)) paragraphBreak();
      }
    }
    if (descend) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== root && !node.nextSibling) {
      node = node.parentNode;
      if (node && node !== root && node.nodeType === Node.ELEMENT_NODE && BLOCK.has(node.localName)) paragraphBreak();
    }
    node = node && node !== root ? node.nextSibling : null;
  }
  return { text: parts.join(''), runs };
}

/** Index of the first run that ends after composite offset `pos` (binary search). */
function firstRunEndingAfter(runs, pos) {
  let lo = 0;
  let hi = runs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (runs[mid].start + runs[mid].length > pos) hi = mid; else lo = mid + 1;
  }
  return lo;
}

/** The DOM point of composite offset `pos`, as a start (`end` false) or an end boundary (the fallback's wrapping). */
function pointAt(runs, pos, end) {
  let lo = 0;
  let hi = runs.length;
  if (!end) {
    const r = runs[firstRunEndingAfter(runs, pos)];
    return r ? { node: r.node, offset: r.offset + Math.max(0, pos - r.start), at: Math.max(pos, r.start) } : null;
  }
  // last run that starts before pos
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (runs[mid].start < pos) lo = mid + 1; else hi = mid;
  }
  const r = runs[lo - 1];
  return r ? { node: r.node, offset: r.offset + Math.min(pos - r.start, r.length), at: Math.min(pos, r.start + r.length) } : null;
}

/**
 * DOM Ranges for the quotes and their speakers' mentions, made by the binding (src/dom.rs, with
 * web-sys) from the text runs: `[quoteRange, mentionRange]` per quote, `null` where a span covers
 * no text.
 */
async function quoteRanges(engine, runs, quotes) {
  const flat = new Uint32Array(runs.length * 3);
  runs.forEach((r, i) => flat.set([r.start, r.offset, r.length], i * 3));
  const spans = new Uint32Array(quotes.length * 4);
  quotes.forEach((q, i) => spans.set([q.start, q.end, q.speaker?.start ?? 0, q.speaker?.end ?? 0], i * 4));
  return engine.spansToRanges(runs.map((r) => r.node), flat, spans);
}

// ------------------------------------------------------------------------------------------ options

function parseKinds(value) {
  if (value == null || value === '') return DEFAULT_KINDS;
  const list = Array.isArray(value) ? value : String(value).split(/[\s,]+/);
  return list.map((k) => String(k).trim().toLowerCase()).filter((k) => k === 'direct' || k === 'partial' || k === 'term');
}

function normalise(options = {}) {
  const exclude = Array.isArray(options.exclude) ? options.exclude.join(', ') : (options.exclude ?? '').trim();
  return {
    kinds: new Set(parseKinds(options.kinds)),
    exclude,
    observe: Boolean(options.observe),
    debounce: Number.isFinite(options.debounce) ? Math.max(0, options.debounce) : DEFAULT_DEBOUNCE_MS,
    mentions: options.mentions !== false,
    tooltip: options.tooltip !== false,
    legend: options.legend ?? null,
    fallback: options.fallback === true || !('highlights' in CSS) || typeof Highlight !== 'function',
    maxBytes: options.maxBytes,
    wasmUrl: options.wasmUrl,
    labels: { ...DEFAULT_LABELS, ...(options.labels ?? {}) },
  };
}

// ------------------------------------------------------------------------------------------ quiet mutations

/** Live observers, so that our own DOM work (fallback wrapping, tooltip) never re-triggers them. */
const observers = new Set();

function quietly(fn) {
  const pending = [];
  for (const o of observers) pending.push([o, o.observer.takeRecords()]);
  try {
    return fn();
  } finally {
    for (const o of observers) o.observer.takeRecords();
    for (const [o, records] of pending) if (records.length) o.schedule();
  }
}

// ------------------------------------------------------------------------------------------ painting

function paintName(q) {
  if (q.kind === 'term') return 'qh-term';
  if (q.speaker && q.speaker.id !== null && q.speaker.id !== undefined) return `qh-s${q.speaker.id % COLOURS}`;
  return 'qh-none';
}

function addToHighlight(name, range, priority = 0) {
  let h = CSS.highlights.get(name);
  if (!h) {
    h = new Highlight();
    h.priority = priority;
    CSS.highlights.set(name, h);
  }
  h.add(range);
}

function removeFromHighlight(name, range) {
  const h = CSS.highlights.get(name);
  if (!h) return;
  h.delete(range);
  if (h.size === 0) CSS.highlights.delete(name);
}

/**
 * Fallback: wraps spans in elements, recording into `record` ({ wrappers, created }) as it goes so that
 * `unwrap(record)` undoes it exactly, even after a failure half-way.
 */
function wrapSpans(runs, spans, record) {
  const { wrappers, created } = record; // created: text nodes made by splitText, in creation order
  // 1. Every boundary, as (node, offset).
  const cuts = new Map();
  const bounds = spans.map((s) => {
    const a = pointAt(runs, s.start, false);
    const b = pointAt(runs, s.end, true);
    if (!a || !b || a.at >= b.at) return null;
    for (const p of [a, b]) {
      if (p.offset > 0 && p.offset < p.node.length) {
        if (!cuts.has(p.node)) cuts.set(p.node, new Set());
        cuts.get(p.node).add(p.offset);
      }
    }
    return { a, b };
  });
  // 2. Split each node once at all its cuts: pieces[node] = [{ node, from, to }].
  const pieces = new Map();
  const piecesOf = (node) => pieces.get(node) ?? [{ node, from: 0, to: node.length }];
  for (const [node, set] of cuts) {
    const offsets = [...set].sort((x, y) => y - x);
    const list = [];
    let to = node.length;
    for (const off of offsets) {
      const rest = node.splitText(off);
      created.push(rest);
      list.unshift({ node: rest, from: off, to });
      to = off;
    }
    list.unshift({ node, from: 0, to });
    pieces.set(node, list);
  }
  // 3. For each span, the covered pieces in document order, grouped into adjacent siblings.
  spans.forEach((s, i) => {
    const bound = bounds[i];
    if (!bound) return;
    const { a, b } = bound;
    const nodes = [];
    for (let k = firstRunEndingAfter(runs, a.at); k < runs.length && runs[k].start < b.at; k++) {
      if (nodes[nodes.length - 1] !== runs[k].node) nodes.push(runs[k].node);
    }
    const covered = [];
    for (const n of nodes) {
      const from = n === a.node ? a.offset : 0;
      const to = n === b.node ? b.offset : sumLength(piecesOf(n)); // pieces keep the original offsets
      for (const p of piecesOf(n)) if (p.from >= from && p.to <= to && p.to > p.from) covered.push(p.node);
    }
    const groups = [];
    for (const t of covered) {
      const g = groups[groups.length - 1];
      if (g && g[g.length - 1].nextSibling === t) g.push(t); else groups.push([t]);
    }
    s.elements = [];
    for (const g of groups) {
      const w = document.createElement(s.tag);
      for (const [k, v] of Object.entries(s.attrs)) w.setAttribute(k, v);
      g[0].parentNode.insertBefore(w, g[0]);
      w.append(...g);
      wrappers.push(w);
      s.elements.push(w);
    }
  });
}

function sumLength(list) {
  return list.reduce((n, p) => n + (p.to - p.from), 0);
}

function unwrap({ wrappers, created }) {
  for (let i = wrappers.length - 1; i >= 0; i--) {
    const w = wrappers[i];
    if (w.parentNode) w.replaceWith(...w.childNodes);
  }
  for (let i = created.length - 1; i >= 0; i--) {
    const n = created[i];
    const prev = n.previousSibling;
    if (n.parentNode && prev && prev.nodeType === Node.TEXT_NODE) {
      prev.appendData(n.data);
      n.remove();
    }
  }
}

// ------------------------------------------------------------------------------------------ tooltip

let tooltip = null;
let tooltipOwner = null;

function tooltipElement() {
  if (!tooltip) {
    tooltip = document.createElement('qh-tooltip');
    tooltip.setAttribute('role', 'tooltip');
    if (typeof tooltip.showPopover === 'function') tooltip.setAttribute('popover', 'manual');
  }
  return tooltip;
}

function describe(q, labels) {
  const who = q.speaker ? (q.speaker.name ?? q.speaker.text) : labels.unattributed;
  const notes = [];
  if (q.cue) notes.push(q.cue.text);
  if (q.kind === 'partial') notes.push(labels.partial);
  if (q.kind === 'term') notes.push(labels.term);
  if (!q.closed) notes.push(labels.unclosed);
  return { who: q.kind === 'term' ? labels.term : who, verb: q.kind === 'term' ? '' : notes.join(' · ') };
}

function showTooltip(handle, q, rect) {
  quietly(() => {
    const tip = tooltipElement();
    const { who, verb } = describe(q, handle.options.labels);
    const name = document.createElement('span');
    name.className = 'qh-who';
    name.textContent = who;
    const parts = [name];
    if (verb) {
      const v = document.createElement('span');
      v.className = 'qh-verb';
      v.textContent = ` — ${verb}`;
      parts.push(v);
    }
    tip.replaceChildren(...parts);
    if (!tip.isConnected) (document.body ?? document.documentElement).append(tip);
    if (tip.showPopover && !tip.matches(':popover-open')) tip.showPopover();
    const box = tip.getBoundingClientRect();
    const left = Math.max(4, Math.min(rect.left, window.innerWidth - box.width - 4));
    let top = rect.bottom + 6;
    if (top + box.height > window.innerHeight - 4) top = Math.max(4, rect.top - box.height - 6);
    tip.style.left = `${Math.round(left)}px`;
    tip.style.top = `${Math.round(top)}px`;
  });
  if (!handle.fallback) {
    if (tooltipOwner?.active) removeFromHighlight('qh-active', tooltipOwner.active);
    handle.active = q.range;
    addToHighlight('qh-active', q.range, 2);
  }
  tooltipOwner = handle;
}

function hideTooltip(handle) {
  if (handle && tooltipOwner !== handle) return;
  if (tooltipOwner?.active) {
    removeFromHighlight('qh-active', tooltipOwner.active);
    tooltipOwner.active = null;
  }
  tooltipOwner = null;
  if (tooltip?.isConnected) {
    quietly(() => {
      if (tooltip.hidePopover && tooltip.matches(':popover-open')) tooltip.hidePopover();
      tooltip.remove();
    });
  }
}

function rectContaining(range, x, y) {
  for (const r of range.getClientRects()) {
    if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return r;
  }
  return null;
}

function caretAt(x, y) {
  if (document.caretPositionFromPoint) {
    const p = document.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  if (document.caretRangeFromPoint) {
    const r = document.caretRangeFromPoint(x, y);
    return r ? { node: r.startContainer, offset: r.startOffset } : null;
  }
  return null;
}

function quoteAtPoint(handle, x, y) {
  const caret = caretAt(x, y);
  let best = null;
  for (const q of handle.shown) {
    if (caret) {
      try {
        if (!q.range.isPointInRange(caret.node, caret.offset)) continue;
      } catch {
        continue;
      }
    }
    const rect = rectContaining(q.range, x, y);
    if (rect) best = { q, rect }; // later (nested) quotes win
  }
  return best;
}

function quoteAroundNode(handle, node) {
  let best = null;
  for (const q of handle.shown) {
    try {
      if (q.range.intersectsNode(node)) best = q;
    } catch {
      // a node in another document
    }
  }
  return best;
}

function attachTooltip(handle) {
  const root = handle.root;
  let frame = 0;
  let last = null;
  const onMove = (e) => {
    last = e;
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      guard(root, 'tooltip', () => {
        const hit = quoteAtPoint(handle, last.clientX, last.clientY);
        if (hit) showTooltip(handle, hit.q, hit.rect); else hideTooltip(handle);
      });
    });
  };
  const onLeave = () => guard(root, 'tooltip', () => hideTooltip(handle));
  const onFocus = (e) => guard(root, 'tooltip', () => {
    const q = quoteAroundNode(handle, e.target);
    if (q) showTooltip(handle, q, e.target.getBoundingClientRect()); else hideTooltip(handle);
  });
  const onKey = (e) => {
    if (e.key === 'Escape') guard(root, 'tooltip', () => hideTooltip(handle));
  };
  // Touch has no hover: a tap shows the tooltip, a tap elsewhere or a scroll hides it.
  const onOutside = (e) => {
    if (tooltipOwner === handle && !(e.target instanceof Node && root.contains(e.target))) onLeave();
  };
  const onPointerLeave = (e) => {
    if (e.pointerType !== 'touch') onLeave(); // a finger "leaves" right after every tap
  };
  const onScroll = () => {
    if (tooltipOwner === handle) onLeave();
  };
  const listeners = [
    [root, 'pointermove', onMove, { passive: true }],
    [root, 'pointerdown', onMove, { passive: true }],
    [root, 'pointerleave', onPointerLeave, { passive: true }],
    [root, 'focusin', onFocus, false],
    [root, 'focusout', onLeave, false],
    [document, 'keydown', onKey, false],
    [document, 'pointerdown', onOutside, { passive: true }],
    [window, 'scroll', onScroll, { passive: true, capture: true }],
  ];
  for (const [target, type, fn, opts] of listeners) target.addEventListener(type, fn, opts);
  return () => {
    cancelAnimationFrame(frame);
    for (const [target, type, fn, opts] of listeners) target.removeEventListener(type, fn, opts);
    hideTooltip(handle);
  };
}

// ------------------------------------------------------------------------------------------ legend

const legendHosts = new WeakSet();

function legendRoot(target) {
  if (target.shadowRoot && legendHosts.has(target)) return target.shadowRoot;
  const shadow = target.attachShadow({ mode: 'open' });
  legendHosts.add(target);
  if (!legendSheet) legendSheet = sheet(legendCss());
  adopt(shadow, legendSheet);
  const box = document.createElement('div');
  box.setAttribute('part', 'legend');
  box.setAttribute('role', 'note');
  box.hidden = true;
  shadow.append(box, document.createElement('slot'));
  return shadow;
}

function renderLegend(target, handle) {
  const box = legendRoot(target).querySelector('[part~="legend"]');
  const { labels } = handle.options;
  const title = document.createElement('span');
  title.className = 'title';
  title.textContent = labels.legendTitle;
  const list = document.createElement('ul');
  const item = (cls, label, n) => {
    const li = document.createElement('li');
    const sw = document.createElement('span');
    sw.className = `swatch ${cls}`;
    const name = document.createElement('span');
    name.textContent = label;
    const count = document.createElement('span');
    count.className = 'count';
    count.textContent = String(n);
    li.append(sw, name, count);
    return li;
  };
  const shown = handle.shown.filter((q) => q.kind !== 'term');
  const counts = new Map();
  let none = 0;
  for (const q of shown) {
    const id = q.speaker?.id;
    if (id === null || id === undefined) none++; else counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  for (const s of handle.speakers) if (counts.has(s.id)) list.append(item(`c-${s.id % COLOURS}`, s.name, counts.get(s.id)));
  if (none) list.append(item('c-none', labels.legendNone, none));
  if (!list.firstChild) {
    const li = document.createElement('li');
    li.textContent = labels.legendEmpty;
    list.append(li);
  }
  box.replaceChildren(title, list);
  box.hidden = false;
}

function clearLegend(target) {
  const box = target?.shadowRoot && legendHosts.has(target) ? target.shadowRoot.querySelector('[part~="legend"]') : null;
  if (box) {
    box.replaceChildren();
    box.hidden = true;
  }
}

// ------------------------------------------------------------------------------------------ highlight

const handles = new WeakMap(); // root -> live handle
const generations = new WeakMap(); // root -> number of the latest call

function guard(target, context, fn) {
  try {
    return fn();
  } catch (e) {
    report(target, e, context);
    return undefined;
  }
}

function emptyHandle(root, error = null) {
  return { root, text: '', quotes: [], speakers: [], diagnostics: [], shown: [], error, clear() {} };
}

/** The live handle of `root`, if it is highlighted. */
export function getHandle(root) {
  return handles.get(root) ?? null;
}

/**
 * Highlights the quotes under `root`. Resolves to a handle `{ quotes, speakers, clear() }`; a later call on
 * the same root replaces it. Never rejects: errors are reported (console.warn + `quote-highlighter:error`)
 * and give an empty handle with `error` set.
 */
export async function highlight(root, options = {}) {
  const target = root && typeof root.dispatchEvent === 'function' ? root : document;
  try {
    if (!root || typeof root.nodeType !== 'number' || !root.isConnected) throw new Error('highlight(root): root must be an element in the document');
    const opts = normalise(options);
    if (opts.exclude) document.createDocumentFragment().querySelector(opts.exclude); // throws now on a bad selector
    const generation = (generations.get(root) ?? 0) + 1;
    generations.set(root, generation);
    const engine = await loadEngine(wasmUrl(opts.wasmUrl));
    if (generations.get(root) !== generation) return handles.get(root) ?? emptyHandle(root); // superseded
    ensureDocumentStyles();
    const previous = handles.get(root);
    if (opts.fallback && previous) previous.clear(); // wrappers must go before the text is read again
    const { text, runs } = collectText(root, opts.exclude);
    const analysis = await engine.analyze(text, opts.maxBytes);
    const ranges = opts.fallback ? null : await quoteRanges(engine, runs, analysis.quotes);
    if (generations.get(root) !== generation) return handles.get(root) ?? emptyHandle(root); // superseded
    if (previous && !opts.fallback) previous.clear();
    const handle = paint(root, text, runs, analysis, ranges, opts, options);
    handles.set(root, handle);
    root.dispatchEvent(new CustomEvent('quote-highlighter:highlight', { bubbles: true, detail: handle }));
    return handle;
  } catch (e) {
    // A failed load is one cached error object: it is reported once, not on every container.
    const once = e !== null && typeof e === 'object';
    if (!once || !reported.has(e)) report(target, e, 'quotes were not highlighted');
    if (once) reported.add(e);
    return emptyHandle(root, e);
  }
}
const reported = new WeakSet();

function paint(root, text, runs, analysis, ranges, opts, rawOptions) {
  const quotes = analysis.quotes.map((q) => ({ ...q, text: text.slice(q.start, q.end), range: null }));
  const handle = {
    root,
    text,
    quotes,
    speakers: analysis.speakers,
    diagnostics: analysis.diagnostics,
    shown: [],
    fallback: opts.fallback,
    options: opts,
    active: null,
    error: null,
    clear: null,
  };
  // Everything painted is recorded as it happens, so clear() undoes exactly that, even mid-way.
  const painted = []; // [name, range] in highlight mode
  const wrapped = { wrappers: [], created: [] }; // fallback mode
  let detachTooltip = null;
  let observer = null;
  let legendTarget = null;
  let timer = 0;
  let cleared = false;
  handle.clear = () => guard(root, 'clear', () => {
    if (cleared) return;
    cleared = true;
    clearTimeout(timer);
    if (observer) {
      observer.observer.disconnect();
      observers.delete(observer);
    }
    detachTooltip?.();
    for (const [name, range] of painted) removeFromHighlight(name, range);
    if (wrapped.wrappers.length || wrapped.created.length) quietly(() => unwrap(wrapped));
    if (legendTarget) clearLegend(legendTarget);
    if (handles.get(root) === handle) handles.delete(root);
  });

  try {
    const shownQuotes = quotes.filter((q) => opts.kinds.has(q.kind));
    if (!opts.fallback) {
      const mentionRanges = new Map();
      quotes.forEach((q, i) => {
        q.range = ranges[2 * i];
        mentionRanges.set(q, ranges[2 * i + 1]);
      });
      for (const q of shownQuotes) {
        if (!q.range) continue;
        const names = [paintName(q)];
        if (!q.closed) names.push('qh-unclosed');
        for (const name of names) {
          painted.push([name, q.range]);
          addToHighlight(name, q.range);
        }
        const m = opts.mentions && q.speaker ? mentionRanges.get(q) : null;
        if (m) {
          painted.push(['qh-mention', m]);
          addToHighlight('qh-mention', m);
        }
      }
    } else {
      // Outer quotes first, then nested quotes and mentions, so wrappers nest.
      const spans = [];
      const depth = (q) => {
        let d = 0;
        for (let p = q.parent; p !== null && p !== undefined && d < 64; p = quotes[p]?.parent) d++;
        return d;
      };
      for (const q of [...shownQuotes].sort((x, y) => depth(x) - depth(y))) {
        const name = paintName(q).slice(PREFIX.length); // s0…s7, none, term
        const colourName = name.startsWith('s') ? name.slice(1) : 'none';
        spans.push({ start: q.start, end: q.end, tag: 'qh-quote', quote: q, attrs: { 'data-qh-kind': q.kind, 'data-qh-colour': colourName } });
      }
      if (opts.mentions) {
        for (const q of shownQuotes) if (q.speaker) spans.push({ start: q.speaker.start, end: q.speaker.end, tag: 'qh-mention', attrs: {} });
      }
      quietly(() => wrapSpans(runs, spans, wrapped));
      for (const s of spans) {
        if (!s.quote || !s.elements?.length) continue;
        const r = document.createRange();
        r.setStartBefore(s.elements[0]);
        r.setEndAfter(s.elements[s.elements.length - 1]);
        s.quote.range = r;
      }
    }
    handle.shown = shownQuotes.filter((q) => q.range);

    if (opts.tooltip) detachTooltip = attachTooltip(handle);

    if (opts.observe && typeof MutationObserver === 'function') {
      const entry = {
        observer: new MutationObserver(() => entry.schedule()),
        schedule() {
          clearTimeout(timer);
          timer = setTimeout(() => {
            if (handles.get(root) !== handle) return;
            if (root.isConnected) highlight(root, rawOptions);
            else handle.clear(); // the container left the page: let it go
          }, opts.debounce);
        },
      };
      entry.observer.observe(root, { childList: true, characterData: true, subtree: true });
      observers.add(entry);
      observer = entry;
    }

    // A missing or unusable legend element is reported but does not undo the highlighting.
    guard(root, 'legend', () => {
      legendTarget = resolveLegend(opts.legend);
      if (legendTarget) renderLegend(legendTarget, handle);
    });
  } catch (e) {
    handle.clear();
    throw e;
  }
  return handle;
}

function resolveLegend(legend) {
  if (!legend) return null;
  if (legend instanceof Element) return legend;
  if (typeof legend === 'string') {
    const el = document.querySelector(legend);
    if (!el) throw new Error(`legend: no element matches ${legend}`);
    return el;
  }
  return null;
}

// ------------------------------------------------------------------------------------------ declarative use

function attributeOptions(el, prefix) {
  const attr = (name) => el.getAttribute(prefix + name);
  const has = (name) => el.hasAttribute(prefix + name);
  const flag = (name) => has(name) && attr(name) !== 'false';
  const options = {
    kinds: attr('kinds') ?? undefined,
    exclude: attr('exclude') ?? undefined,
    observe: flag('observe'),
    mentions: has('mentions') ? attr('mentions') !== 'false' : undefined,
    tooltip: has('tooltip') ? attr('tooltip') !== 'false' : undefined,
    wasmUrl: attr('wasm-url') ?? undefined,
  };
  const debounce = Number(attr('debounce'));
  if (has('debounce') && Number.isFinite(debounce)) options.debounce = debounce;
  return options;
}

let intersection = null;
const waiting = new WeakMap(); // element -> run()

function whenNear(el, run) {
  if (typeof IntersectionObserver !== 'function') {
    run();
    return;
  }
  if (!intersection) {
    intersection = new IntersectionObserver((entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        intersection.unobserve(entry.target);
        const go = waiting.get(entry.target);
        waiting.delete(entry.target);
        go?.();
      }
    }, { rootMargin: ROOT_MARGIN });
  }
  waiting.set(el, run);
  intersection.observe(el);
}

function stopWaiting(el) {
  waiting.delete(el);
  intersection?.unobserve(el);
}

function autoHighlight(el) {
  guard(el, 'auto-highlight', () => {
    if (el.hasAttribute('data-manual') || handles.has(el) || waiting.has(el)) return;
    whenNear(el, () => {
      const options = attributeOptions(el, 'data-');
      const legend = el.getAttribute('data-legend');
      if (legend) options.legend = legend;
      highlight(el, options);
    });
  });
}

/** `<quote-highlighter>`: wraps article content (light DOM) and highlights it when near the viewport. */
class QuoteHighlighterElement extends HTMLElement {
  static get observedAttributes() {
    return ['kinds', 'exclude', 'legend', 'mentions', 'tooltip', 'observe', 'debounce'];
  }

  connectedCallback() {
    guard(this, 'quote-highlighter element', () => {
      if (this.hasAttribute('manual')) return;
      whenNear(this, () => this.highlight());
    });
  }

  disconnectedCallback() {
    guard(this, 'quote-highlighter element', () => {
      stopWaiting(this);
      handles.get(this)?.clear();
    });
  }

  attributeChangedCallback() {
    if (handles.has(this)) this.highlight();
  }

  /** Runs (or re-runs) the highlighter on this element's content; resolves to the handle. */
  highlight(extra = {}) {
    const options = { ...attributeOptions(this, ''), ...extra };
    if (this.hasAttribute('legend') && this.getAttribute('legend') !== 'false') options.legend = this;
    else clearLegend(this);
    return highlight(this, options);
  }

  clear() {
    handles.get(this)?.clear();
  }

  get handle() {
    return handles.get(this) ?? null;
  }
}

function start() {
  guard(document, 'start', () => {
    if (!customElements.get('quote-highlighter')) customElements.define('quote-highlighter', QuoteHighlighterElement);
    for (const el of document.querySelectorAll('[data-quote-highlighter]')) autoHighlight(el);
  });
}

export { VERSION as version, QuoteHighlighterElement };

if (typeof document !== 'undefined') {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
}
