// Sharing a result: "copy with highlights" puts the article on the clipboard twice — as HTML
// where each shown quote is a <span> with its speaker's tint (inline styles, so that a word
// processor or a mail keeps them) and the speaker's name in `title`, and as plain text. The HTML is
// built with DOM calls on a detached element and serialised with XMLSerializer: text stays text.
// Printing uses the print stylesheet (style.css, @media print).
import { state, announce, $ } from './state.js';
import { paintedSpans, speakerOf, isTerm } from './model.js';
import { styleOf, TINTS, LIGHT_TINTS } from './colours.js';

/** The style of a quote's span in copied HTML (the light theme's tints: documents are white). */
function spanStyle(span, d, k) {
  const s = span.style; // CSSOM on a detached element: allowed by style-src 'self'
  if (isTerm(d, k)) {
    s.textDecoration = 'underline dotted';
    return;
  }
  const spk = speakerOf(d, k);
  if (!spk) { s.backgroundColor = '#e7e5e4'; return; }
  const i = styleOf(spk.id);
  s.backgroundColor = LIGHT_TINTS[i % TINTS];
  if (i >= TINTS) s.textDecoration = 'overline';
}

/** The article with the shown quotes as spans, as a detached <div>. */
export function highlightedFragment(d) {
  const root = document.createElement('div');
  root.style.whiteSpace = 'pre-wrap';
  const spans = [];
  for (const k of d.visibleList) for (const [s, e] of paintedSpans(d, k)) spans.push([s, e, k]);
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  let at = 0;
  for (const [s, e, k] of spans) {
    if (s < at) continue; // inside a quote already copied (a nested quote)
    if (s > at) root.append(d.text.slice(at, s));
    const span = document.createElement('span');
    span.textContent = d.text.slice(s, e);
    const spk = speakerOf(d, k);
    span.title = isTerm(d, k) ? 'Terme ou titre' : spk ? spk.name : 'Locuteur non identifié';
    span.dataset.quote = String(k);
    spanStyle(span, d, k);
    root.append(span);
    at = e;
  }
  if (at < d.text.length) root.append(d.text.slice(at));
  return root;
}

/**
 * Puts the HTML and the plain text on the clipboard through a `copy` event. (The async Clipboard
 * API would re-parse the HTML in this page to sanitise it, and the page's CSP, `style-src 'self'`,
 * would then refuse every inline style and log an error for each.) Needs a user gesture.
 */
export function copyHighlighted() {
  const d = state.doc;
  if (!d) return;
  const html = new XMLSerializer().serializeToString(highlightedFragment(d));
  const onCopy = (e) => {
    e.clipboardData.setData('text/html', html);
    e.clipboardData.setData('text/plain', d.text);
    e.preventDefault();
  };
  document.addEventListener('copy', onCopy);
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } finally {
    document.removeEventListener('copy', onCopy);
  }
  announce(ok
    ? `Copié avec les surlignages : ${d.visibleList.length} citations (à coller dans un traitement de texte ou un courriel)`
    : 'Copie impossible : le navigateur a refusé l’accès au presse-papiers');
}

export function initShare() {
  $('copy-html').addEventListener('click', copyHighlighted);
  $('print').addEventListener('click', () => print());
}
