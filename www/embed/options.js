// Options: defaults, the reader-facing labels, and the attribute forms (`data-…` on any element,
// plain attributes on <quote-highlighter>).
import { KINDS, KIND_LABEL } from '../shared.js';

export const DEFAULT_KINDS = ['direct', 'partial'];
const DEFAULT_DEBOUNCE_MS = 250;

export const DEFAULT_LABELS = {
  unattributed: 'Locuteur non identifié',
  partial: KIND_LABEL.partial, // the page's words for the kinds (shared.js)
  term: KIND_LABEL.term,
  unclosed: 'guillemet non fermé',
  legendTitle: 'Qui parle ?',
  legendNone: 'Sans locuteur',
  legendEmpty: 'Aucune citation',
  quotesList: 'Citations',
  /** The live summary after each run ("3 citations, 2 locuteurs"): singular and plural forms. */
  quoteOne: 'citation',
  quoteMany: 'citations',
  speakerOne: 'locuteur',
  speakerMany: 'locuteurs',
  /** Announced when a quote is reached from the list; {n}, {total}, {who}, {quote}. */
  reached: 'Citation {n} sur {total}, {who} : {quote}',
};

function parseKinds(value) {
  if (value == null || value === '') return DEFAULT_KINDS;
  const list = Array.isArray(value) ? value : String(value).split(/[\s,]+/);
  return list.map((k) => String(k).trim().toLowerCase()).filter((k) => KINDS.includes(k));
}

export function normalise(options = {}) {
  const exclude = Array.isArray(options.exclude) ? options.exclude.join(', ') : (options.exclude ?? '').trim();
  return {
    kinds: new Set(parseKinds(options.kinds)),
    exclude,
    observe: Boolean(options.observe),
    debounce: Number.isFinite(options.debounce) ? Math.max(0, options.debounce) : DEFAULT_DEBOUNCE_MS,
    mentions: options.mentions !== false,
    tooltip: options.tooltip !== false,
    legend: options.legend ?? null,
    fallback: options.fallback === true || !('highlights' in CSS) || typeof Highlight !== 'function',
    maxBytes: options.maxBytes,
    wasmUrl: options.wasmUrl,
    labels: { ...DEFAULT_LABELS, ...(options.labels ?? {}) },
  };
}

/** The options an element's attributes give (`prefix` is 'data-' or ''). */
export function attributeOptions(el, prefix) {
  const attr = (name) => el.getAttribute(prefix + name);
  const has = (name) => el.hasAttribute(prefix + name);
  const flag = (name) => has(name) && attr(name) !== 'false';
  const options = {
    kinds: attr('kinds') ?? undefined,
    exclude: attr('exclude') ?? undefined,
    observe: flag('observe'),
    mentions: has('mentions') ? attr('mentions') !== 'false' : undefined,
    tooltip: has('tooltip') ? attr('tooltip') !== 'false' : undefined,
    wasmUrl: attr('wasm-url') ?? undefined,
  };
  const debounce = Number(attr('debounce'));
  if (has('debounce') && Number.isFinite(debounce)) options.debounce = debounce;
  return options;
}

/** `template` with `{name}` replaced by `values[name]`. */
export function fill(template, values) {
  return String(template).replace(/\{(\w+)\}/g, (m, k) => (k in values ? String(values[k]) : m));
}

/** "n word" with the singular form for 0 and 1 (French usage). */
export const count = (n, one, many) => `${n} ${n <= 1 ? one : many}`;
