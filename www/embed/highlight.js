// highlight(root, options): collect the text under root, analyse it, map the quotes back to DOM
// Ranges, paint them (highlights, or the fallback's wrappers), and return a handle that undoes
// exactly what was done. A later call on the same root replaces the handle; overlapping calls are
// resolved by a generation count (the latest wins). Never rejects.
import { guard, observers, quietly, report } from './errors.js';
import { unwrap, wrapSpans } from './fallback.js';
import { clearLegend, renderLegend } from './legend.js';
import { loadEngine, wasmUrl } from './load.js';
import { normalise } from './options.js';
import { PREFIX, addToHighlight, paintName, removeFromHighlight } from './paint.js';
import { ensureDocumentStyles } from './styles.js';
import { collectText } from './text.js';
import { attachTooltip } from './tooltip.js';

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

export const handles = new WeakMap(); // root -> live handle
const generations = new WeakMap(); // root -> number of the latest call

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
  const target = root && typeof root.dispatchEvent === 'function' ? root : globalThis.document;
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
