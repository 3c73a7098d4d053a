// The paste-and-see page. Text only ever becomes text nodes (textContent); quotes are painted
// with the CSS Custom Highlight API over Ranges of that one text node, so offsets (UTF-16 code
// units from the wasm binding) index the node's data directly.
import init, { analyze } from './pkg/quote_highlighter.js';

const $ = (id) => document.getElementById(id);
const input = $('input');
const view = $('view');
const status = $('status');
const speakersList = $('speakers');

const COLOURS = 8;
const NAMES = [...Array(COLOURS).keys()].map((i) => `qh-s${i}`).concat(['qh-none', 'qh-term', 'qh-mention', 'qh-unclosed']);
const DEBOUNCE_MS = 120;

let timer = 0;

function clearHighlights() {
  for (const name of NAMES) CSS.highlights.delete(name);
}

function plural(n, one, many) {
  return `${n} ${n === 1 ? one : many}`;
}

function render(text) {
  const started = performance.now();
  const result = analyze(text);
  view.textContent = text;
  clearHighlights();
  const node = view.firstChild;
  const groups = new Map(NAMES.map((n) => [n, new Highlight()]));
  const range = (start, end) => {
    const r = new Range();
    r.setStart(node, start);
    r.setEnd(node, end);
    return r;
  };
  if (node) {
    for (const q of result.quotes) {
      let name = 'qh-none';
      if (q.kind === 'term') name = 'qh-term';
      else if (q.speaker && q.speaker.id !== null) name = `qh-s${q.speaker.id % COLOURS}`;
      groups.get(name).add(range(q.start, q.end));
      if (!q.closed) groups.get('qh-unclosed').add(range(q.start, q.end));
      if (q.speaker) groups.get('qh-mention').add(range(q.speaker.start, q.speaker.end));
    }
  }
  for (const [name, h] of groups) if (h.size) CSS.highlights.set(name, h);
  renderSpeakers(result);
  const statements = result.quotes.filter((q) => q.kind !== 'term').length;
  status.textContent = `${plural(statements, 'citation', 'citations')}, ${plural(result.speakers.length, 'locuteur', 'locuteurs')}`;
  view.dataset.state = 'ready';
  view.dataset.ms = String(Math.round(performance.now() - started));
}

function speakerItem(swatchClass, label, n) {
  const li = document.createElement('li');
  const swatch = document.createElement('span');
  swatch.className = `swatch ${swatchClass}`;
  const name = document.createElement('span');
  name.textContent = label;
  const count = document.createElement('span');
  count.className = 'count';
  count.textContent = String(n);
  li.append(swatch, name, count);
  return li;
}

function renderSpeakers(result) {
  const items = result.speakers.map((s) => speakerItem(`s${s.id % COLOURS}`, s.name, s.quotes.length));
  const unattributed = result.quotes.filter((q) => q.kind !== 'term' && !q.speaker).length;
  if (unattributed) items.push(speakerItem('snone', 'Sans locuteur', unattributed));
  speakersList.replaceChildren(...items);
}

function schedule() {
  clearTimeout(timer);
  view.dataset.state = 'pending';
  timer = setTimeout(() => {
    try {
      render(input.value);
    } catch (e) {
      status.textContent = `Analyse impossible : ${e.message ?? e}`;
      view.dataset.state = 'error';
    }
  }, DEBOUNCE_MS);
}

init()
  .then(() => {
    if (!('highlights' in CSS)) status.textContent = 'Ce navigateur ne gère pas le surlignage (CSS Custom Highlight API).';
    input.addEventListener('input', schedule);
    document.body.dataset.engine = 'ready';
    render(input.value);
  })
  .catch((e) => {
    status.textContent = `Le moteur n’a pas pu se charger : ${e.message ?? e}`;
    document.body.dataset.engine = 'error';
  });
