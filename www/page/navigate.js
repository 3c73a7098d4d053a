// Moving through the quotes: jump to a quote or a place (scrolled to the upper third, flashed),
// next and previous shown quote, and the keyboard shortcuts (Alt+↓/↑ anywhere, N/P outside text
// fields, Échap closes the details).
import { Q } from '../shared.js';
import { els, state, nextFrame, clip, announce, $ } from './state.js';
import { speakerOf, quoteText } from './model.js';
import { locate, liveRange } from './render.js';
import { setSingle, clearSingle } from './paint.js';
import { showDetails, hideDetails } from './details.js';

const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');

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
  const { view } = els;
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

export async function jumpToRange(s, e) {
  if (!state.doc) return;
  await scrollToRange(s, e);
  flash(s, e);
}

export async function jumpToQuote(k, { announce: say = false } = {}) {
  const d = state.doc;
  if (!d || k < 0 || k >= d.nq) return;
  d.current = k;
  const o = k * Q.STRIDE;
  const s = d.q[o + Q.START];
  const e = d.q[o + Q.END];
  setSingle('qh-current', s, e, 2);
  els.view.dataset.current = String(k);
  await scrollToRange(s, e);
  flash(s, e);
  showDetails(k, { quote: true });
  if (say) {
    const pos = d.visibleList.indexOf(k) + 1;
    const spk = speakerOf(d, k);
    announce(`Citation ${pos} sur ${d.visibleList.length}${spk ? `, ${spk.name}` : ''} : ${clip(quoteText(d, k), 120)}`);
  }
}

/** Moves to the next (dir = 1) or previous (dir = -1) shown quote. */
function step(dir) {
  const d = state.doc;
  if (!d || !d.visibleList.length) return;
  const list = d.visibleList;
  const cur = d.current;
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

export function initNavigation() {
  $('next').addEventListener('click', () => step(1));
  $('prev').addEventListener('click', () => step(-1));
  addEventListener('keydown', (e) => {
    const t = e.target;
    const typing = t instanceof HTMLTextAreaElement || (t instanceof HTMLInputElement && t.type !== 'checkbox') || t instanceof HTMLSelectElement;
    const plain = !e.altKey && !e.ctrlKey && !e.metaKey;
    if (e.altKey && !e.ctrlKey && !e.metaKey && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
      e.preventDefault();
      step(e.key === 'ArrowDown' ? 1 : -1);
    } else if (!typing && plain && (e.key === 'n' || e.key === 'j')) {
      step(1);
    } else if (!typing && plain && (e.key === 'p' || e.key === 'k')) {
      step(-1);
    } else if (e.key === 'Escape') {
      hideDetails();
    }
  });
}
