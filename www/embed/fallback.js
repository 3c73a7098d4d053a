// The fallback for browsers without CSS.highlights: each span is wrapped in <qh-quote> /
// <qh-mention> elements built with DOM calls (text stays text), splitting text nodes where a span
// starts or ends inside one. Everything done is recorded as it happens, so `unwrap` restores the
// DOM exactly (wrappers removed, split text nodes re-joined), even after a failure half-way.
import { partitionPoint, pointAt } from '../shared.js';

const TEXT_NODE = 3;

/**
 * Wraps `spans` ({ start, end, tag, attrs }, composite offsets) over `runs`, recording into
 * `record` ({ wrappers, created }); sets `span.elements` to the wrappers made for each span.
 */
export function wrapSpans(runs, spans, record) {
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
    const first = partitionPoint(runs.length, (k) => runs[k].start + runs[k].length > a.at);
    for (let k = first; k < runs.length && runs[k].start < b.at; k++) {
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

/** Undoes `wrapSpans` exactly. */
export function unwrap({ wrappers, created }) {
  for (let i = wrappers.length - 1; i >= 0; i--) {
    const w = wrappers[i];
    if (w.parentNode) w.replaceWith(...w.childNodes);
  }
  for (let i = created.length - 1; i >= 0; i--) {
    const n = created[i];
    const prev = n.previousSibling;
    if (n.parentNode && prev && prev.nodeType === TEXT_NODE) {
      prev.appendData(n.data);
      n.remove();
    }
  }
}
