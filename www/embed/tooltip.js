// The tooltip: the speaker and the speech verb of the quote under the pointer or the focus, in one
// <qh-tooltip> element that exists only while shown (a manual popover where supported, so it sits
// in the top layer). The quote shown is also painted `qh-active`. Touch has no hover: a tap shows
// it, a tap elsewhere or a scroll hides it; Escape hides it.
import { caretAt } from '../shared.js';
import { guard, quietly } from './errors.js';
import { addToHighlight, removeFromHighlight } from './paint.js';

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

/** What the tooltip (and the legend's quote list) says of quote `q`: `{ who, verb }`. */
export function describe(q, labels) {
  const who = q.speaker ? (q.speaker.name ?? q.speaker.text) : labels.unattributed;
  const notes = [];
  if (q.cue) notes.push(q.cue.text);
  if (q.kind === 'partial') notes.push(labels.partial);
  if (q.kind === 'term') notes.push(labels.term);
  if (!q.closed) notes.push(labels.unclosed);
  return { who: q.kind === 'term' ? labels.term : who, verb: q.kind === 'term' ? '' : notes.join(' · ') };
}

export function showTooltip(handle, q, rect) {
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

export function hideTooltip(handle) {
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

export function attachTooltip(handle) {
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
