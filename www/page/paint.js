// Painting with the CSS Custom Highlight API over StaticRanges: one highlight per speaker style
// (colours.js), plus no-speaker, terms, partial quotes, mentions and unclosed quotes. A quote's
// highlight leaves out the reporter's incise inside its marks (model.js `paintedSpans`). With
// more than PAINT_ALL quotes only those near the visible part of the text are registered (an
// IntersectionObserver follows the scrolling), because the browser re-walks every registered
// range on each change.
import { Q } from '../shared.js';
import { els, state } from './state.js';
import { TERM, PARTIAL, paintedSpans } from './model.js';
import { STYLE_NAMES, styleOf } from './colours.js';
import { staticRange } from './render.js';

const PAINT_MARGIN = 4096; // characters painted beyond the visible blocks (mentions after a quote)
const PAINT_NAMES = [...STYLE_NAMES, 'qh-none', 'qh-term', 'qh-partial', 'qh-mention', 'qh-unclosed'];

const blockObserver = new IntersectionObserver((entries) => {
  const d = state.doc;
  if (!d) return;
  for (const e of entries) {
    const idx = d.nodeIndex.get(e.target.firstChild);
    if (idx === undefined) continue;
    if (e.isIntersecting) d.shownBlocks.add(idx);
    else d.shownBlocks.delete(idx);
  }
  schedulePaint();
}, { root: els.view, rootMargin: '100% 0px' });

/** Follows the blocks of a new `doc` when it paints only near the viewport. */
export function observeBlocks(d) {
  blockObserver.disconnect();
  if (d.windowed) for (const n of d.nodes) blockObserver.observe(n.parentElement);
}

let paintRaf = 0;
function schedulePaint() {
  if (!paintRaf) paintRaf = requestAnimationFrame(() => { paintRaf = 0; paint(); });
}

/** First quote index whose start is >= off (quotes are sorted by start). */
export function firstQuoteFrom(off) {
  const { q, nq } = state.doc;
  let lo = 0;
  let hi = nq;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (q[mid * Q.STRIDE + Q.START] < off) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The highlight name a quote is painted with (its speaker's style, no speaker, or term). */
export function quoteStyle(d, k) {
  const o = k * Q.STRIDE;
  if (d.q[o + Q.KIND] === TERM) return 'qh-term';
  const spk = d.q[o + Q.SPEAKER];
  return spk >= 0 ? `qh-s${styleOf(spk)}` : 'qh-none';
}

/** Registers the highlights of the visible quotes (all, or those near the viewport). */
export function paint() {
  const d = state.doc;
  if (!d) return;
  let lo = 0;
  let hi = d.text.length;
  if (d.windowed) {
    if (!d.shownBlocks.size) return;
    let a = Infinity;
    let b = -1;
    for (const k of d.shownBlocks) { a = Math.min(a, k); b = Math.max(b, k); }
    lo = d.starts[a] - PAINT_MARGIN;
    hi = d.starts[b] + d.nodes[b].length + PAINT_MARGIN;
  }
  const { q, visible } = d;
  const groups = new Map();
  const add = (name, s, e) => {
    let h = groups.get(name);
    if (!h) groups.set(name, (h = new Highlight()));
    h.add(staticRange(s, e));
  };
  for (let k = lo > 0 ? firstQuoteFrom(lo) : 0; k < d.nq; k++) {
    const o = k * Q.STRIDE;
    if (q[o + Q.START] >= hi) break;
    if (!visible[k]) continue;
    const spans = q[o + Q.ISTART] >= 0 ? paintedSpans(d, k) : [[q[o + Q.START], q[o + Q.END]]];
    const style = quoteStyle(d, k);
    for (const [s, e] of spans) {
      add(style, s, e);
      if (q[o + Q.KIND] === PARTIAL) add('qh-partial', s, e);
      if (!q[o + Q.CLOSED]) add('qh-unclosed', s, e);
    }
    if (q[o + Q.MSTART] >= 0) add('qh-mention', q[o + Q.MSTART], q[o + Q.MEND]);
  }
  for (const name of PAINT_NAMES) {
    const h = groups.get(name);
    if (h) CSS.highlights.set(name, h);
    else CSS.highlights.delete(name);
  }
}

export function setSingle(name, s, e, priority) {
  const h = new Highlight(staticRange(s, e));
  h.priority = priority;
  CSS.highlights.set(name, h);
  return h;
}

export function clearSingle(name) {
  CSS.highlights.delete(name);
}
