// Filters (kinds, speaker, search) decide which quotes are shown, painted, listed and exported;
// the counts in the header, on the export button and in the announcements come from one function
// (`countLabel`), so that they always agree.
import { Q, KINDS } from '../shared.js';
import { els, state, fold, plural, sliced, setStatus, $ } from './state.js';
import { TERM, speakerOf, countOf } from './model.js';
import { paint } from './paint.js';
import { renderVoices } from './voices-panel.js';

export function filterState() {
  return {
    kinds: new Set(els.kindBoxes.filter((b) => b.checked).map((b) => KINDS.indexOf(b.value))),
    speaker: els.speakerFilter.value, // 'all' | 'none' | an id
    query: fold(els.search.value.trim()),
  };
}

function quoteFolded(d, k) {
  let f = d.folded[k];
  if (f === undefined) {
    const { q, text } = d;
    const o = k * Q.STRIDE;
    const mention = q[o + Q.MSTART] >= 0 ? text.slice(q[o + Q.MSTART], q[o + Q.MEND]) : '';
    f = fold(`${text.slice(q[o + Q.CSTART], q[o + Q.CEND])}\u0000${speakerOf(d, k)?.name ?? ''}\u0000${mention}`);
    d.folded[k] = f;
  }
  return f;
}

let filterGen = 0;
/** Recomputes which quotes are shown, repaints, updates the counts. False when superseded. */
export async function applyFilters(staleRender = () => false) {
  const d = state.doc;
  if (!d) return false;
  const fg = ++filterGen;
  const { kinds, speaker, query } = filterState();
  const spk = speaker === 'all' || speaker === 'none' ? null : Number(speaker);
  const visible = new Uint8Array(d.nq);
  const ok = await sliced(d.nq, (k) => {
    const o = k * Q.STRIDE;
    const kind = d.q[o + Q.KIND];
    if (!kinds.has(kind)) return;
    const id = d.q[o + Q.SPEAKER];
    if (speaker === 'none' && (id >= 0 || kind === TERM)) return;
    if (spk !== null && id !== spk) return;
    if (query && !quoteFolded(d, k).includes(query)) return;
    visible[k] = 1;
  }, () => fg !== filterGen || d !== state.doc || staleRender());
  if (!ok) return false;
  d.visible = visible;
  d.visibleList = [];
  for (let k = 0; k < d.nq; k++) if (visible[k]) d.visibleList.push(k);
  paint();
  updateCounts();
  return true;
}

/** "3 citations" or "3 citations et 1 terme": statements and terms among `list`. */
export function countLabel(d, list) {
  const { statements, terms } = countOf(d, list);
  const s = plural(statements, 'citation', 'citations');
  return terms ? `${s} et ${plural(terms, 'terme', 'termes')}` : s;
}

function updateCounts() {
  const d = state.doc;
  const parts = [`${plural(d.nq - d.terms.length, 'citation', 'citations')}, ${plural(d.speakers.length, 'locuteur', 'locuteurs')}`];
  if (d.terms.length) parts.push(plural(d.terms.length, 'terme', 'termes'));
  const nd = d.diags.length / 4;
  if (nd) parts.push(plural(nd, 'alerte', 'alertes'));
  let s = parts.join(', ');
  if (d.visibleList.length !== d.nq) s += ` — ${plural(d.visibleList.length, 'affichée', 'affichées')}`;
  setStatus(s);
  $('export-count').textContent = countLabel(d, d.visibleList);
}

export function initFilters() {
  for (const b of els.kindBoxes) b.addEventListener('change', () => applyFilters().then((ok) => ok && renderVoices()));
  els.speakerFilter.addEventListener('change', () => applyFilters().then((ok) => ok && renderVoices()));
  let searchTimer = 0;
  els.search.addEventListener('input', () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => applyFilters().then((ok) => ok && renderVoices()), 120);
  });
}
