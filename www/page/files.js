// Files in: drop a file anywhere on the page, or open one with the button. Plain text (.txt, .md)
// is read as UTF-8; an .html page gives its article's text (headings, paragraphs, list items —
// not navigation, scripts or styles), parsed by DOMParser into an inert document that is never
// inserted; a .docx gives the paragraphs of word/document.xml, unzipped with the browser's own
// DecompressionStream('deflate-raw'). Anything else, or a file over FILE_MAX, gets a message.
import { setStatus, announce, sizeLabel, $ } from './state.js';
import { inertDocument } from './trusted.js';
import { setText } from './editor.js';

export const FILE_MAX = 50 * 1024 * 1024; // bytes; the page handles 50 MB of text
const XML_MAX = 200 * 1024 * 1024; // bytes of word/document.xml once inflated
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

class FileError extends Error {}

const mb = (n) => `${(n / 1024 / 1024).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Mo`;

// ---------------------------------------------------------------- .docx: a zip of XML parts
/** The bytes of entry `name` of zip archive `buf` (stored or deflated; no ZIP64, no encryption). */
export async function unzipEntry(buf, name) {
  const v = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65535); i--) {
    if (v.getUint32(i, true) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) throw new FileError('ce fichier .docx n’est pas une archive zip lisible');
  const count = v.getUint16(eocd + 10, true);
  let p = v.getUint32(eocd + 16, true);
  const decoder = new TextDecoder();
  for (let n = 0; n < count && p + 46 <= buf.length; n++) {
    if (v.getUint32(p, true) !== 0x02014b50) break;
    const method = v.getUint16(p + 10, true);
    const size = v.getUint32(p + 20, true);
    const nameLen = v.getUint16(p + 28, true);
    const skip = nameLen + v.getUint16(p + 30, true) + v.getUint16(p + 32, true);
    const local = v.getUint32(p + 42, true);
    if (decoder.decode(buf.subarray(p + 46, p + 46 + nameLen)) === name) {
      if (v.getUint32(local, true) !== 0x04034b50) break;
      const start = local + 30 + v.getUint16(local + 26, true) + v.getUint16(local + 28, true);
      const data = buf.subarray(start, start + size);
      if (method === 0) return data;
      if (method !== 8) throw new FileError(`compression ${method} non prise en charge dans ce .docx`);
      return inflate(data);
    }
    p += 46 + skip;
  }
  throw new FileError(`${name} introuvable : ce n’est pas un document Word (.docx)`);
}

async function inflate(data) {
  const stream = new Blob([data]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  const chunks = [];
  let total = 0;
  for await (const chunk of stream) {
    total += chunk.length;
    if (total > XML_MAX) throw new FileError(`document trop gros une fois décompressé (plus de ${mb(XML_MAX)})`);
    chunks.push(chunk);
  }
  return new Uint8Array(await new Blob(chunks).arrayBuffer());
}

/** The paragraphs of a .docx, one per line pair; tabs and line breaks kept. */
export async function docxText(buf) {
  const xml = new TextDecoder().decode(await unzipEntry(buf, 'word/document.xml'));
  const doc = inertDocument(xml, 'application/xml');
  if (doc.getElementsByTagName('parsererror').length) throw new FileError('le XML de ce .docx est illisible');
  const paras = [];
  for (const p of doc.getElementsByTagNameNS(W, 'p')) {
    let s = '';
    const walker = doc.createTreeWalker(p, NodeFilter.SHOW_ELEMENT);
    for (let el = walker.nextNode(); el; el = walker.nextNode()) {
      if (el.namespaceURI !== W) continue;
      if (el.localName === 't') s += el.textContent;
      else if (el.localName === 'tab') s += '\t';
      else if (el.localName === 'br' || el.localName === 'cr') s += '\n';
      else if (el.localName === 'noBreakHyphen') s += '\u2011';
    }
    if (s.trim()) paras.push(s);
  }
  return paras.join('\n\n');
}

// ---------------------------------------------------------------- .html: the article's text
const DROP = 'script, style, noscript, template, iframe, object, embed, svg, canvas, form, button, select, '
  + 'nav, aside, menu, [role="navigation"], [role="banner"], [role="contentinfo"], [hidden], [aria-hidden="true"]';
const BLOCKS = 'h1, h2, h3, h4, h5, h6, p, li, blockquote, pre, figcaption, dd, dt';

/** The text of an HTML page's article: its headings and paragraphs, in order, one per line pair. */
export function htmlText(source) {
  const doc = inertDocument(source, 'text/html');
  for (const el of doc.querySelectorAll(DROP)) el.remove();
  // The page's own header and footer (site banner, links), not those inside an article.
  for (const el of doc.querySelectorAll('header, footer')) if (!el.closest('article, main')) el.remove();
  const articles = [...doc.querySelectorAll('article')];
  const root = articles.sort((a, b) => b.textContent.length - a.textContent.length)[0]
    ?? doc.querySelector('main') ?? doc.body;
  if (!root) return '';
  const blocks = [];
  for (const el of root.querySelectorAll(BLOCKS)) {
    if (el.parentElement?.closest(BLOCKS)) continue; // inside another block: read with it
    // Collapse white space as CSS does (ASCII only): no-break spaces around « » stay.
    const t = el.localName === 'pre' ? el.textContent : el.textContent.replace(/[ \t\r\n\f]+/g, ' ').trim();
    if (t) blocks.push(t);
  }
  return blocks.length ? blocks.join('\n\n') : root.textContent.replace(/[ \t]+/g, ' ').replace(/\n\s*\n+/g, '\n\n').trim();
}

// ---------------------------------------------------------------- any file
const KIND = [[/\.(txt|text)$/i, 'text'], [/\.(md|markdown)$/i, 'text'], [/\.x?html?$/i, 'html'], [/\.docx$/i, 'docx']];

/** The text of `file`; throws a FileError with a message for the editor. */
export async function fileText(file) {
  const kind = KIND.find(([re]) => re.test(file.name))?.[1]
    ?? (file.type === 'text/plain' || file.type === 'text/markdown' ? 'text' : file.type === 'text/html' ? 'html' : null);
  if (!kind) throw new FileError(`« ${file.name} » n’est pas un format pris en charge : ouvrez un fichier .txt, .md, .html ou .docx`);
  if (file.size > FILE_MAX) throw new FileError(`« ${file.name} » est trop gros (${mb(file.size)}) : la limite est ${mb(FILE_MAX)}`);
  if (kind === 'text') return file.text();
  if (kind === 'html') return htmlText(await file.text());
  return docxText(new Uint8Array(await file.arrayBuffer()));
}

/** Opens `file` into the editor, or says why not. */
export async function openFile(file) {
  setStatus(`Lecture de « ${file.name} »…`);
  try {
    const text = await fileText(file);
    if (!text.trim()) throw new FileError(`« ${file.name} » ne contient pas de texte`);
    delete document.body.dataset.fileError;
    setText(text);
    announce(`Fichier « ${file.name} » ouvert : ${sizeLabel(text.length)}`);
  } catch (e) {
    const message = e instanceof FileError ? e.message : `« ${file.name} » n’a pas pu être lu (${e.message})`;
    document.body.dataset.fileError = message;
    setStatus(`Fichier refusé : ${message}.`);
    announce(`Fichier refusé : ${message}.`);
  }
}

const hasFiles = (e) => [...(e.dataTransfer?.types ?? [])].includes('Files');

export function initFiles() {
  const picker = $('file');
  $('open-file').addEventListener('click', () => picker.click());
  picker.addEventListener('change', () => {
    if (picker.files[0]) openFile(picker.files[0]);
    picker.value = '';
  });
  // Files dropped anywhere, the textarea included (captured before its own drop handler).
  addEventListener('dragover', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    document.body.dataset.dropping = '';
  }, true);
  addEventListener('dragleave', (e) => { if (!e.relatedTarget) delete document.body.dataset.dropping; }, true);
  addEventListener('drop', (e) => {
    delete document.body.dataset.dropping;
    const file = e.dataTransfer?.files?.[0];
    if (!file) return;
    e.preventDefault();
    e.stopPropagation();
    openFile(file);
  }, true);
}
