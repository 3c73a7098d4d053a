// Showing a fresh analysis: the text as blocks of about 2 K characters, each one text node in a
// `content-visibility: auto` box, built a few milliseconds at a time; UTF-16 offsets map to
// (text node, offset) by binary search over the blocks' start offsets. Then the panel, the
// diagnostics, the filters and the highlights. Text only ever becomes text nodes.
import { Q, partitionPoint } from '../shared.js';
import { els, state, yieldToPage, setBusy } from './state.js';
import { TERM } from './model.js';
import { observeBlocks, clearSingle } from './paint.js';
import { applyFilters } from './filters.js';
import { renderPanel, renderDiagnostics } from './panel.js';
import { hideDetails } from './details.js';
import { renderVoices } from './voices-panel.js';

const BLOCK_CHARS = 2048; // a block ends at the first line break after this many characters
const BLOCK_MAX = 16384; // ... or is cut at a space when a line is longer than this
const BUDGET_MS = 8;
export const PAINT_ALL = 4000; // up to this many quotes, all are registered; beyond, those near the viewport

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
export function locate(off) {
  const { starts, nodes } = state.doc;
  const i = Math.max(0, partitionPoint(starts.length, (k) => starts[k] > off) - 1);
  const node = nodes[i];
  return [node, Math.min(off - starts[i], node.length)];
}

export function staticRange(s, e) {
  const [sn, so] = locate(s);
  const [en, eo] = locate(e);
  return new StaticRange({ startContainer: sn, startOffset: so, endContainer: en, endOffset: eo });
}

export function liveRange(s, e) {
  const r = new Range();
  const [sn, so] = locate(s);
  const [en, eo] = locate(e);
  r.setStart(sn, so);
  r.setEnd(en, eo);
  return r;
}

/** Shows a fresh analysis of `req.text` (`packed`: the worker's result). */
export async function show(req, packed, workerMs) {
  const g = ++state.renderGen;
  const stale = () => g !== state.renderGen;
  const t1 = performance.now();
  const { text } = req;
  const { view } = els;

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
  const nq = q.length / Q.STRIDE;
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
    const o = k * Q.STRIDE;
    if (q[o + Q.KIND] === TERM) next.terms.push(k);
    else if (q[o + Q.SPEAKER] >= 0) {
      const id = q[o + Q.SPEAKER];
      if (!next.bySpeaker.has(id)) next.bySpeaker.set(id, []);
      next.bySpeaker.get(id).push(k);
    } else next.unattributed.push(k);
  }

  const scrollTop = view.scrollTop; // typing re-renders: stay where the reader was
  view.replaceChildren(frag);
  view.scrollTop = scrollTop;
  state.doc = next;
  observeBlocks(next);
  hideDetails();
  clearSingle('qh-current');
  clearSingle('qh-flash');
  renderPanel();
  renderDiagnostics();
  if (!(await applyFilters(stale))) return;
  renderVoices();

  setBusy(false);
  view.dataset.state = 'ready';
  view.dataset.ms = String(Math.round(performance.now() - req.t0));
  view.dataset.length = String(text.length);
  els.timing.textContent = `analyse ${Math.round(workerMs)} ms · affichage ${Math.round(performance.now() - t1)} ms`;
}
