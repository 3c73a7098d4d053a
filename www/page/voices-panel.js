// The voices panel: the figures of voices.js for the quotes shown, as three small tables (by
// gender, by kind, by speaker) with a bar for each share. Built with DOM calls; each row carries
// its numbers in data-quotes / data-words (the tests compare them with the JSON export).
import { state, plural, sliced, $ } from './state.js';
import { voicesTally, addVoices, voicesOf } from './voices.js';
import { swatch, speakerClass } from './panel.js';

export const GENDER_GROUPS = [['f', 'Femmes'], ['m', 'Hommes'], ['unknown', 'Genre inconnu']];
const SPEAKER_ROWS = 12;

const pct = (n, total) => (total ? Math.round((100 * n) / total) : 0);

function cell(tag, text, cls) {
  const c = document.createElement(tag);
  c.textContent = text;
  if (cls) c.className = cls;
  return c;
}

/** A row: label (over a bar of the quotes' share), quotes (n, %), words (n, %). */
function figureRow(label, t, total, { key, lead } = {}) {
  const tr = document.createElement('tr');
  if (key) tr.dataset.key = key;
  tr.dataset.quotes = String(t.quotes);
  tr.dataset.words = String(t.words);
  const th = cell('th', '');
  th.scope = 'row';
  const name = cell('span', '', 'who');
  if (lead) name.append(lead);
  name.append(label);
  const bar = document.createElement('span');
  bar.className = 'share-bar';
  bar.style.width = `${pct(t.quotes, total.quotes)}%`; // CSSOM: allowed by style-src 'self'
  th.append(name, bar);
  tr.append(th,
    cell('td', `${t.quotes} (${pct(t.quotes, total.quotes)} %)`, 'num'),
    cell('td', `${t.words} (${pct(t.words, total.words)} %)`, 'num'));
  return tr;
}

function table(caption, rows) {
  const t = document.createElement('table');
  t.className = 'voices-table';
  const cap = cell('caption', caption);
  const head = document.createElement('tr');
  head.append(cell('th', ''), cell('th', 'Citations', 'num'), cell('th', 'Mots', 'num'));
  const thead = document.createElement('thead');
  thead.append(head);
  const tbody = document.createElement('tbody');
  tbody.append(...rows);
  t.append(cap, thead, tbody);
  return t;
}

let gen = 0;
/** Fills the voices panel from the quotes shown (counted a slice at a time: 100,000 quotes are ~0.3 s of work). */
export async function renderVoices() {
  const d = state.doc;
  const box = $('voices-body');
  if (!d || !box) return;
  const g = ++gen;
  const list = d.visibleList;
  const t = voicesTally();
  const done = await sliced(list.length, (i) => addVoices(t, d, list, i, i + 1), () => g !== gen || d !== state.doc || list !== d.visibleList);
  if (!done) return;
  const v = voicesOf(t);
  if (!v.quotes) {
    box.replaceChildren(cell('p', 'Aucune citation affichée.', 'muted'));
    return;
  }
  const summary = cell('p', `${plural(v.quotes, 'citation', 'citations')}, ${plural(v.words, 'mot cité', 'mots cités')}.`, 'voices-summary');
  const gender = table('Par genre', GENDER_GROUPS.map(([key, label]) => figureRow(label, v.byGender[key], v, { key })));
  const kinds = table('Par type', [
    figureRow('directes', v.byKind.direct, v, { key: 'direct' }),
    figureRow('partielles', v.byKind.partial, v, { key: 'partial' }),
  ]);
  const people = table('Par locuteur', v.bySpeaker.slice(0, SPEAKER_ROWS).map((s) => figureRow(
    s.name ?? 'Sans locuteur', s, v,
    { key: s.id === null ? 'none' : `s${s.id}`, lead: swatch(s.id === null ? 'snone' : speakerClass(s.id)) },
  )));
  const parts = [summary, gender, kinds, people];
  if (v.bySpeaker.length > SPEAKER_ROWS) parts.push(cell('p', `… et ${v.bySpeaker.length - SPEAKER_ROWS} autres (voir l’export JSON)`, 'more'));
  box.replaceChildren(...parts);
}
