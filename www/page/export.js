// Export of the quotes shown (after filters): JSON (with the voices figures), CSV, or a
// tab-separated table on the clipboard. Files are named after the article's first words and the
// date. CSV cells that a spreadsheet would run as formulas get a leading apostrophe.
import { state, sliced, fold, announce, $ } from './state.js';
import { row, countOf } from './model.js';
import { voices } from './voices.js';
import { countLabel } from './filters.js';

export const COLUMNS = ['quote', 'speaker', 'gender', 'mention', 'verb', 'lemma', 'kind', 'reason', 'closed', 'method',
  'start', 'end', 'contentStart', 'contentEnd', 'inciseStart', 'inciseEnd', 'words', 'context'];

/** A CSV/TSV cell; text that a spreadsheet would run as a formula gets a leading apostrophe. */
function cell(v, sep) {
  if (v === null || v === undefined) return '';
  let s = String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  if (sep === '\t') return s.replace(/[\t\r\n]+/g, ' ');
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** `citations-<first words>-<date>`: the article's first five words, folded, and today's date. */
export function exportName(text, date = new Date()) {
  const words = fold(text.slice(0, 400)).match(/[a-z0-9]+/g) ?? [];
  const slug = words.slice(0, 5).join('-').slice(0, 48).replace(/-+$/, '');
  const day = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
  return ['citations', slug, day].filter(Boolean).join('-');
}

/** The shown quotes as JSON, CSV or TSV text parts, built a slice at a time. */
export async function exportParts(format) {
  const d = state.doc;
  const list = d.visibleList;
  const parts = [];
  if (format === 'json') {
    const { statements, terms } = countOf(d, list);
    const head = { generator: 'quote-highlighter', version: state.version, offsets: 'utf16', count: statements, terms, voices: voices(d, list) };
    parts.push(`${JSON.stringify(head).slice(0, -1)},"quotes":[`); // the head object, left open for the quotes
    await sliced(list.length, (i) => parts.push(`${i ? ',' : ''}\n  ${JSON.stringify(row(d, list[i]))}`), () => false);
    parts.push('\n]}\n');
  } else {
    const sep = format === 'csv' ? ',' : '\t';
    const eol = format === 'csv' ? '\r\n' : '\n';
    if (format === 'csv') parts.push('\uFEFF'); // so that spreadsheets read UTF-8
    parts.push(COLUMNS.join(sep) + eol);
    await sliced(list.length, (i) => {
      const r = row(d, list[i]);
      parts.push(COLUMNS.map((c) => cell(r[c], sep)).join(sep) + eol);
    }, () => false);
  }
  return parts;
}

async function download(format) {
  const d = state.doc;
  if (!d) return;
  const parts = await exportParts(format);
  const blob = new Blob(parts, { type: format === 'json' ? 'application/json' : 'text/csv;charset=utf-8' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = `${exportName(d.text)}.${format}`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 60_000);
  announce(`Export ${format.toUpperCase()} : ${countLabel(d, d.visibleList)}`);
}

export function initExport() {
  $('export-json').addEventListener('click', () => download('json'));
  $('export-csv').addEventListener('click', () => download('csv'));
  $('copy').addEventListener('click', async () => {
    const d = state.doc;
    if (!d) return;
    try {
      await navigator.clipboard.writeText((await exportParts('tsv')).join(''));
      announce(`Copié : ${countLabel(d, d.visibleList)} (colonnes séparées par des tabulations)`);
    } catch (e) {
      announce(`Copie impossible : ${e.message}`);
    }
  });
}
