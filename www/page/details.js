// The details of a quote (speaker, mention, verb, how it was attributed, why a term is a term),
// shown on hover, on focus of a panel item, and for the current quote: a tooltip built from text
// nodes and placed with CSSOM left/top (allowed by `style-src 'self'`).
import { Q, KINDS, KIND_LABEL, METHOD_LABEL, caretAt } from '../shared.js';
import { els, state } from './state.js';
import { speakerOf, inciseOf } from './model.js';
import { liveRange } from './render.js';
import { firstQuoteFrom, setSingle } from './paint.js';
import { swatch, speakerClass } from './panel.js';

/** Why a quote is a term (`quote.reason`, the Rust enum `TermReason`), for editors. */
export const REASON_LABEL = {
  named: 'un nom ou un terme, d’après les mots autour (« surnommé », « le quotidien »…)',
  title: 'une courte expression à majuscule : un titre, un modèle, une émission',
  recurring: 'la même expression est un terme ailleurs dans le texte',
  navigation: 'une ligne de navigation (« Lire aussi : … ») : le titre d’un autre article',
  gloss: 'la traduction d’un mot donnée par l’auteur (« cent dix » en français)',
  unattributed: 'un mot de l’auteur mis à distance : personne n’est dit le prononcer dans la phrase',
  document: 'dans un récit, un écrit que l’histoire reproduit (une lettre, un billet, un testament) : lu, non dit',
};
const GENDER_LABEL = { f: 'femme', m: 'homme' };

let detailsFor = null; // { k, anchor } while shown

function detailRow(dl, term, value) {
  const dt = document.createElement('dt');
  dt.textContent = term;
  const dd = document.createElement('dd');
  dd.textContent = value;
  dl.append(dt, dd);
}

/** Shows speaker, mention, verb and method of quote k near `anchor` ({ point } | { beside } | { quote }). */
export function showDetails(k, anchor) {
  const d = state.doc;
  const { q, text, strings } = d;
  const o = k * Q.STRIDE;
  const kind = KINDS[q[o + Q.KIND]];
  const spk = speakerOf(d, k);
  const title = document.createElement('p');
  title.className = 'who';
  title.append(swatch(kind === 'term' ? 'sterm' : spk ? speakerClass(spk.id) : 'snone'));
  title.append(kind === 'term' ? 'Terme ou titre' : spk ? spk.name : 'Locuteur non identifié');
  const dl = document.createElement('dl');
  if (q[o + Q.MSTART] >= 0) detailRow(dl, 'Mention', text.slice(q[o + Q.MSTART], q[o + Q.MEND]));
  if (spk?.gender) detailRow(dl, 'Genre', GENDER_LABEL[spk.gender] ?? spk.gender);
  if (q[o + Q.VSTART] >= 0) {
    const lemma = strings[q[o + Q.LEMMA]];
    const verb = text.slice(q[o + Q.VSTART], q[o + Q.VEND]);
    detailRow(dl, 'Verbe', lemma && lemma !== verb ? `${verb} (${lemma})` : verb);
  }
  const incise = inciseOf(d, k);
  if (incise) detailRow(dl, 'Incise', text.slice(incise[0], incise[1]).trim());
  const method = strings[q[o + Q.METHOD]];
  if (method) detailRow(dl, 'Attribution', METHOD_LABEL[method] ?? method);
  detailRow(dl, 'Type', `${KIND_LABEL[kind]}${q[o + Q.CLOSED] ? '' : ', non fermée'}`);
  const reason = strings[q[o + Q.REASON]];
  if (reason) detailRow(dl, 'Pourquoi un terme', REASON_LABEL[reason] ?? reason);
  els.details.replaceChildren(title, dl);
  els.details.hidden = false;
  detailsFor = { k, anchor };
  placeDetails();
}

export function placeDetails() {
  if (!detailsFor) return;
  const { anchor, k } = detailsFor;
  const el = els.details;
  const w = el.offsetWidth;
  const h = el.offsetHeight;
  let x;
  let y;
  if (anchor.point) {
    x = anchor.point.x + 14;
    y = anchor.point.y + 18;
  } else if (anchor.beside) {
    x = anchor.beside.left - w - 10;
    y = anchor.beside.top;
    if (x < 8) { x = anchor.beside.left; y = anchor.beside.bottom + 6; }
  } else {
    const o = k * Q.STRIDE;
    const rects = liveRange(state.doc.q[o + Q.START], state.doc.q[o + Q.END]).getClientRects();
    const last = rects[rects.length - 1];
    if (!last) { hideDetails(); return; }
    x = last.left;
    y = last.bottom + 6;
  }
  x = Math.max(8, Math.min(x, innerWidth - w - 8));
  if (y + h > innerHeight - 8) y = Math.max(8, y - h - 30);
  el.style.left = `${Math.round(x)}px`; // CSSOM, not a style attribute: allowed by style-src 'self'
  el.style.top = `${Math.round(y)}px`;
}

export function hideDetails() {
  detailsFor = null;
  els.details.hidden = true;
}

/** The innermost shown quote containing offset `off`, or -1. */
function quoteAt(off) {
  const d = state.doc;
  const { q } = d;
  const first = firstQuoteFrom(off + 1) - 1;
  for (let k = first; k >= 0 && k > first - 64; k--) {
    const o = k * Q.STRIDE;
    if (d.visible[k] && q[o + Q.START] <= off && off < q[o + Q.END]) return k;
  }
  return -1;
}

/** The quote under viewport point (x, y), or -1. */
function quoteUnder(x, y) {
  const d = state.doc;
  const pos = caretAt(x, y);
  const idx = pos && d.nodeIndex.get(pos.node);
  return idx === undefined || idx === null ? -1 : quoteAt(d.starts[idx] + pos.offset);
}

let hoverRaf = 0;
let lastPointer = null;

function hoverCheck() {
  hoverRaf = 0;
  if (!state.doc || !lastPointer) return;
  const { x, y } = lastPointer;
  let k = quoteUnder(x, y);
  if (k >= 0) {
    // The caret is the nearest one: check the pointer is really over the quote's text.
    const o = k * Q.STRIDE;
    const over = [...liveRange(state.doc.q[o + Q.START], state.doc.q[o + Q.END]).getClientRects()]
      .some((r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom);
    if (!over) k = -1;
  }
  if (k >= 0) {
    if (detailsFor?.k !== k || !detailsFor.anchor.point) showDetails(k, { point: { x, y } });
    else { detailsFor.anchor.point = { x, y }; placeDetails(); }
  } else if (detailsFor?.anchor.point) hideDetails();
}

export function initDetails() {
  const { view } = els;
  view.addEventListener('pointermove', (e) => {
    lastPointer = { x: e.clientX, y: e.clientY };
    if (!hoverRaf) hoverRaf = requestAnimationFrame(hoverCheck);
  });
  view.addEventListener('pointerleave', () => { if (detailsFor?.anchor.point) hideDetails(); });
  // Clicking a quote makes it the current one: next/previous continue from there.
  view.addEventListener('click', () => {
    const d = state.doc;
    if (!d || !lastPointer || getSelection()?.type === 'Range') return;
    const k = quoteUnder(lastPointer.x, lastPointer.y);
    if (k < 0) return;
    d.current = k;
    const o = k * Q.STRIDE;
    setSingle('qh-current', d.q[o + Q.START], d.q[o + Q.END], 2);
    view.dataset.current = String(k);
  });
  view.addEventListener('scroll', () => {
    if (detailsFor?.anchor.point) hideDetails();
    else if (detailsFor?.anchor.quote) placeDetails();
  }, { passive: true });
  addEventListener('resize', () => placeDetails());
}
