// The legend, in the shadow root of its element (the host's DOM is not modified): who speaks and
// how often, a polite live summary for screen readers ("4 citations, 4 locuteurs"), and the quotes
// as a list of buttons, so that keyboard users reach every quote: a button scrolls its quote into
// view, selects its text, marks it `qh-active` with the tooltip, and announces it.
import { guard } from './errors.js';
import { count, fill } from './options.js';
import { COLOURS, adopt, legendSheet } from './styles.js';
import { describe, showTooltip } from './tooltip.js';

const legendHosts = new WeakSet();
const QUOTE_CHARS = 90; // a quote button shows this many characters at most

function legendRoot(target) {
  if (target.shadowRoot && legendHosts.has(target)) return target.shadowRoot;
  const shadow = target.attachShadow({ mode: 'open' });
  legendHosts.add(target);
  adopt(shadow, legendSheet());
  const box = document.createElement('div');
  box.setAttribute('part', 'legend');
  box.setAttribute('role', 'region');
  box.hidden = true;
  const live = document.createElement('p');
  live.className = 'sr-only';
  live.setAttribute('part', 'summary');
  live.setAttribute('aria-live', 'polite');
  live.setAttribute('role', 'status');
  shadow.append(box, live, document.createElement('slot'));
  return shadow;
}

const parts = (shadow) => ({ box: shadow.querySelector('[part~="legend"]'), live: shadow.querySelector('[part~="summary"]') });

function clip(s, n) {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

/** Scrolls to quote `q` of `handle`, selects its text, shows its tooltip, and announces it. */
function reach(handle, q, n, total, live) {
  const range = q.range;
  if (!range) return;
  const target = range.startContainer.nodeType === 1 ? range.startContainer : range.startContainer.parentElement;
  const reduce = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
  target?.scrollIntoView({ block: 'center', behavior: reduce ? 'instant' : 'auto' });
  const selection = document.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range.cloneRange());
  const { labels } = handle.options;
  const { who } = describe(q, labels);
  live.textContent = fill(labels.reached, { n, total, who, quote: q.text });
  // After the scroll has happened (a scroll hides the tooltip).
  requestAnimationFrame(() => requestAnimationFrame(() => guard(handle.root, 'legend', () => {
    if (handle.options.tooltip) showTooltip(handle, q, range.getBoundingClientRect());
  })));
}

export function renderLegend(target, handle) {
  const { box, live } = parts(legendRoot(target));
  const { labels } = handle.options;
  box.setAttribute('aria-label', labels.legendTitle);
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
    const num = document.createElement('span');
    num.className = 'count';
    num.textContent = String(n);
    li.append(sw, name, num);
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
  const children = [title, list];
  if (shown.length) {
    const details = document.createElement('details');
    details.setAttribute('part', 'quotes');
    const summary = document.createElement('summary');
    summary.textContent = `${labels.quotesList} (${shown.length})`;
    const ol = document.createElement('ol');
    shown.forEach((q, i) => {
      const li = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.setAttribute('part', 'quote-button');
      const { who } = describe(q, labels);
      button.textContent = `${clip(q.text, QUOTE_CHARS)} — ${who}`;
      button.addEventListener('click', () => guard(handle.root, 'legend', () => reach(handle, q, i + 1, shown.length, live)));
      li.append(button);
      ol.append(li);
    });
    details.append(summary, ol);
    children.push(details);
  }
  box.replaceChildren(...children);
  box.hidden = false;
  live.textContent = `${count(shown.length, labels.quoteOne, labels.quoteMany)}, ${count(counts.size, labels.speakerOne, labels.speakerMany)}`;
}

export function clearLegend(target) {
  if (!target?.shadowRoot || !legendHosts.has(target)) return;
  const { box, live } = parts(target.shadowRoot);
  box.replaceChildren();
  box.hidden = true;
  live.textContent = '';
}
