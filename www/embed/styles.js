// Styles, as constructed stylesheets (adoptedStyleSheets): no <style> element, so a strict CSP
// (style-src 'self', Trusted Types) is fine. Every colour reads a custom property the host may set.
import { report } from './errors.js';

export const COLOURS = 8;
const THEME_DEFAULTS = [
  'rgb(250 204 21 / .35)', 'rgb(96 165 250 / .35)', 'rgb(74 222 128 / .35)', 'rgb(244 114 182 / .35)',
  'rgb(167 139 250 / .35)', 'rgb(251 146 60 / .35)', 'rgb(34 211 238 / .35)', 'rgb(163 163 163 / .35)',
];
const colour = (i) => `var(--qh-${i}, ${THEME_DEFAULTS[i]})`;
const NONE = 'var(--qh-none, rgb(163 163 163 / .25))';
const TERM = 'var(--qh-term, currentColor)';
const MENTION = 'var(--qh-mention, rgb(194 65 12))';
const ACTIVE = 'var(--qh-active, currentColor)';

function documentCss() {
  const rules = [];
  for (let i = 0; i < COLOURS; i++) {
    rules.push(`::highlight(qh-s${i}) { background-color: ${colour(i)}; }`);
    rules.push(`qh-quote[data-qh-colour="${i}"] { background-color: ${colour(i)}; }`);
  }
  rules.push(
    `::highlight(qh-none) { background-color: ${NONE}; }`,
    `qh-quote[data-qh-colour="none"] { background-color: ${NONE}; }`,
    `::highlight(qh-term) { text-decoration: underline dotted ${TERM} 2px; }`,
    `qh-quote[data-qh-kind="term"] { text-decoration: underline dotted ${TERM} 2px; }`,
    `::highlight(qh-mention) { text-decoration: underline solid ${MENTION} 2px; text-underline-offset: 3px; }`,
    `qh-mention { text-decoration: underline solid ${MENTION} 2px; text-underline-offset: 3px; }`,
    `::highlight(qh-unclosed) { text-decoration: underline wavy var(--qh-unclosed, rgb(220 38 38)) 1px; }`,
    `::highlight(qh-active) { text-decoration: underline solid ${ACTIVE} 2px; text-underline-offset: 3px; }`,
    'qh-quote, qh-mention { display: inline; font: inherit; color: inherit; }',
    `qh-tooltip { position: fixed; inset: auto; margin: 0; z-index: 2147483647; max-width: min(22rem, 90vw);
      padding: .35rem .6rem; border: 0; border-radius: var(--qh-tooltip-radius, 6px); pointer-events: none;
      background: var(--qh-tooltip-bg, #1c1b19); color: var(--qh-tooltip-fg, #fdfcfa);
      font: var(--qh-tooltip-font, 500 .875rem/1.35 system-ui, sans-serif); box-shadow: 0 2px 10px rgb(0 0 0 / .25);
      overflow: visible; }`,
    'qh-tooltip .qh-verb { font-weight: 400; opacity: .85; }',
  );
  return rules.join('\n');
}

function legendCss() {
  const rules = [
    ':host { display: block; }',
    '[part~="legend"] { display: flex; flex-wrap: wrap; gap: .25rem 1rem; align-items: center; margin: 0 0 1rem;'
      + ' padding: .5rem .75rem; border: 1px solid var(--qh-legend-border, rgb(128 128 128 / .35));'
      + ' border-radius: 6px; font: var(--qh-legend-font, .875rem/1.4 system-ui, sans-serif); }',
    '[part~="legend"][hidden] { display: none; }',
    '.title { font-weight: 600; }',
    'ul { display: contents; list-style: none; margin: 0; padding: 0; }',
    'li { display: inline-flex; gap: .35rem; align-items: center; }',
    '.swatch { width: .9rem; height: .9rem; border-radius: 3px; border: 1px solid rgb(128 128 128 / .4); }',
    '.count { opacity: .7; font-variant-numeric: tabular-nums; }',
    `.c-none { background: ${NONE}; }`,
    '[part~="quotes"] { flex-basis: 100%; }',
    '[part~="quotes"] summary { cursor: pointer; width: max-content; }',
    '[part~="quotes"] ol { margin: .25rem 0 0; padding-left: 1.5rem; }',
    '[part~="quotes"] li { display: list-item; }',
    '[part~="quote-button"] { font: inherit; color: inherit; background: none; border: 0; padding: .1rem 0; text-align: start; vertical-align: top; cursor: pointer; }',
    '[part~="quote-button"]:hover { text-decoration: underline; }',
    '[part~="quote-button"]:focus-visible { outline: 2px solid currentColor; outline-offset: 2px; }',
    '.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }',
  ];
  for (let i = 0; i < COLOURS; i++) rules.push(`.c-${i} { background: ${colour(i)}; }`);
  return rules.join('\n');
}

function sheet(css) {
  const s = new CSSStyleSheet();
  s.replaceSync(css);
  return s;
}

export function adopt(target, s) {
  if (!('adoptedStyleSheets' in target)) throw new Error('constructable stylesheets are not supported here');
  if (target.adoptedStyleSheets.includes(s)) return;
  target.adoptedStyleSheets = [...target.adoptedStyleSheets, s];
}

let documentSheetAdded = false;
let legendSheetMade = null;

export function ensureDocumentStyles() {
  if (documentSheetAdded) return;
  documentSheetAdded = true;
  try {
    adopt(document, sheet(documentCss()));
  } catch (e) {
    report(document, e, 'could not add the highlight styles');
  }
}

export function legendSheet() {
  if (!legendSheetMade) legendSheetMade = sheet(legendCss());
  return legendSheetMade;
}
