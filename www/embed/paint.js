// Painting with the CSS Custom Highlight API: named highlights over Ranges of the host's own text
// nodes, so the host's DOM is not modified. Names: qh-s0…qh-s7 (one colour per speaker), qh-none,
// qh-term, qh-mention, qh-unclosed, qh-active.
import { COLOURS } from './styles.js';

export const PREFIX = 'qh-';

/** The highlight name of a quote: its speaker's colour, qh-none, or qh-term. */
export function paintName(q) {
  if (q.kind === 'term') return 'qh-term';
  if (q.speaker && q.speaker.id !== null && q.speaker.id !== undefined) return `qh-s${q.speaker.id % COLOURS}`;
  return 'qh-none';
}

export function addToHighlight(name, range, priority = 0) {
  let h = CSS.highlights.get(name);
  if (!h) {
    h = new Highlight();
    h.priority = priority;
    CSS.highlights.set(name, h);
  }
  h.add(range);
}

export function removeFromHighlight(name, range) {
  const h = CSS.highlights.get(name);
  if (!h) return;
  h.delete(range);
  if (h.size === 0) CSS.highlights.delete(name);
}
