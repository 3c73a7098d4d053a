// The panel: speakers with their number of quotes, each opening onto its quotes (built when first
// opened); the speaker filter's options; the diagnostics, each a jump to its place.
import { Q } from '../shared.js';
import { els, state, clip, $ } from './state.js';
import { PARTIAL, quoteText } from './model.js';
import { styleOf, STYLES } from './colours.js';
import { jumpToQuote, jumpToRange } from './navigate.js';
import { showDetails, hideDetails } from './details.js';

const LIST_CAP = 200; // items per list in the panel (the rest: use the filters)
const SPEAKER_CAP = 300;
const DIAG_LABEL = {
  unclosed: 'Guillemet ouvrant jamais fermé',
  strayCloser: 'Guillemet fermant sans ouvrant',
};

/** A colour sample for a speaker style class (`s3`, `snone`, `sterm`). */
export function swatch(cls) {
  const s = document.createElement('span');
  s.className = `swatch ${cls}`;
  s.setAttribute('aria-hidden', 'true');
  return s;
}

/** The swatch class of speaker `id`. */
export const speakerClass = (id) => `s${styleOf(id)}`;

function speakerGroup(cls, label, list, title) {
  const li = document.createElement('li');
  const details = document.createElement('details');
  const summary = document.createElement('summary');
  const name = document.createElement('span');
  name.className = 'name';
  name.textContent = label;
  if (title) name.title = title;
  const count = document.createElement('span');
  count.className = 'count';
  count.textContent = String(list.length);
  summary.append(swatch(cls), name, count);
  const ol = document.createElement('ol');
  ol.className = 'quotes';
  details.append(summary, ol);
  details.addEventListener('toggle', () => {
    if (!details.open || ol.childElementCount) return;
    const d = state.doc;
    const items = list.slice(0, LIST_CAP).map((k) => {
      const item = document.createElement('li');
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'quote-link';
      b.dataset.q = String(k);
      b.textContent = clip(quoteText(d, k), 160);
      if (d.q[k * Q.STRIDE + Q.KIND] === PARTIAL) b.classList.add('partial');
      item.append(b);
      return item;
    });
    if (list.length > LIST_CAP) {
      const more = document.createElement('li');
      more.className = 'more';
      more.textContent = `… et ${(list.length - LIST_CAP).toLocaleString('fr-FR')} autres (affinez avec la recherche)`;
      items.push(more);
    }
    ol.replaceChildren(...items);
  });
  li.append(details);
  return li;
}

export function renderPanel() {
  const d = state.doc;
  const speakers = [...d.speakers]
    .map((s) => ({ s, list: d.bySpeaker.get(s.id) ?? [] }))
    .sort((a, b) => b.list.length - a.list.length || a.s.id - b.s.id);
  const items = speakers.slice(0, SPEAKER_CAP)
    .map(({ s, list }) => speakerGroup(speakerClass(s.id), s.name, list));
  if (speakers.length > SPEAKER_CAP) {
    const more = document.createElement('li');
    more.className = 'more';
    more.textContent = `… et ${(speakers.length - SPEAKER_CAP).toLocaleString('fr-FR')} autres locuteurs`;
    items.push(more);
  }
  if (d.unattributed.length) items.push(speakerGroup('snone', 'Sans locuteur', d.unattributed));
  if (d.terms.length) items.push(speakerGroup('sterm', 'Termes et titres', d.terms, 'Entre guillemets, mais pas des paroles rapportées'));
  els.speakers.replaceChildren(...items);
  $('speakers-empty').hidden = items.length > 0;

  // Keep the chosen speaker when the same name is still there after an edit.
  const { speakerFilter } = els;
  const chosen = speakerFilter.value;
  const chosenName = speakerFilter.selectedOptions[0]?.dataset.name ?? state.wantSpeaker;
  state.wantSpeaker = null;
  const opts = [new Option('Tous', 'all'), new Option('Sans locuteur', 'none')];
  for (const { s } of speakers.slice(0, SPEAKER_CAP)) {
    const opt = new Option(s.name, String(s.id));
    opt.dataset.name = s.name;
    opts.push(opt);
  }
  speakerFilter.replaceChildren(...opts);
  const keep = chosen === 'none' ? 'none' : opts.find((o) => o.dataset.name && o.dataset.name === chosenName)?.value;
  speakerFilter.value = keep ?? 'all';
}

export function renderDiagnostics() {
  const d = state.doc;
  const n = d.diags.length / 4;
  const items = [];
  for (let k = 0; k < Math.min(n, LIST_CAP); k++) {
    const [s, e, code, message] = d.diags.subarray(k * 4, k * 4 + 4);
    const codeStr = d.strings[code];
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'diag-link';
    b.dataset.start = String(s);
    b.dataset.end = String(e);
    const label = document.createElement('strong');
    label.textContent = DIAG_LABEL[codeStr] ?? d.strings[message] ?? codeStr;
    const excerpt = document.createElement('span');
    excerpt.className = 'excerpt';
    excerpt.textContent = clip(d.text.slice(Math.max(0, s - 20), e + 40).replace(/\s+/g, ' '), 70);
    b.append(label, excerpt);
    b.title = d.strings[message] ?? '';
    const li = document.createElement('li');
    li.append(b);
    items.push(li);
  }
  if (n > LIST_CAP) {
    const more = document.createElement('li');
    more.className = 'more';
    more.textContent = `… et ${(n - LIST_CAP).toLocaleString('fr-FR')} autres`;
    items.push(more);
  }
  els.diagnostics.replaceChildren(...items);
  els.diagnosticsBox.hidden = n === 0;
  $('diagnostics-count').textContent = String(n);
}

export function initPanel() {
  $('legend-styles').replaceChildren(...[...Array(STYLES).keys()].map((i) => {
    const s = swatch(`s${i}`);
    s.title = `locuteur ${i + 1}`;
    return s;
  }));
  els.speakers.addEventListener('click', (e) => {
    const b = e.target.closest('.quote-link');
    if (b) jumpToQuote(Number(b.dataset.q));
  });
  els.diagnostics.addEventListener('click', (e) => {
    const b = e.target.closest('.diag-link');
    if (b) jumpToRange(Number(b.dataset.start), Number(b.dataset.end));
  });
  for (const type of ['focusin', 'mouseover']) {
    els.speakers.addEventListener(type, (e) => {
      const b = e.target.closest('.quote-link');
      if (b && state.doc) showDetails(Number(b.dataset.q), { beside: b.getBoundingClientRect() });
    });
  }
  els.speakers.addEventListener('focusout', hideDetails);
  els.speakers.addEventListener('mouseout', (e) => { if (e.target.closest('.quote-link')) hideDetails(); });
}
