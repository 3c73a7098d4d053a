// Permalinks: the text and the filters, compressed (CompressionStream 'deflate-raw') and encoded
// in base64url into the URL's fragment (#v1=…), which browsers never send to a server. Opening
// such a link restores the text and the filters. A link longer than LINK_MAX characters would
// break in mail and chat programs: the page says so instead of making it.
import { els, state, currentText, announce, setStatus, $ } from './state.js';
import { setText } from './editor.js';

export const LINK_MAX = 32_000; // characters of fragment
const PREFIX = '#v1=';

async function pipe(bytes, stream) {
  return new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(stream)).arrayBuffer());
}

function base64url(bytes) {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function unbase64url(s) {
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** The fragment for `payload` ({ t: text, k: kinds, s: speaker name, q: search }). */
export async function encodeFragment(payload) {
  const bytes = await pipe(new TextEncoder().encode(JSON.stringify(payload)), new CompressionStream('deflate-raw'));
  return PREFIX + base64url(bytes);
}

export async function decodeFragment(hash) {
  if (!hash.startsWith(PREFIX)) return null;
  const bytes = await pipe(unbase64url(hash.slice(PREFIX.length)), new DecompressionStream('deflate-raw'));
  return JSON.parse(new TextDecoder().decode(bytes));
}

function currentPayload() {
  const speaker = els.speakerFilter.value;
  return {
    t: currentText(),
    k: els.kindBoxes.filter((b) => b.checked).map((b) => b.value),
    s: speaker === 'all' ? null : speaker === 'none' ? { none: true } : els.speakerFilter.selectedOptions[0]?.dataset.name ?? null,
    q: els.search.value,
  };
}

async function makeLink() {
  const fragment = await encodeFragment(currentPayload());
  if (fragment.length > LINK_MAX) {
    const message = `Texte trop long pour un lien (${fragment.length.toLocaleString('fr-FR')} caractères une fois compressé, `
      + `limite ${LINK_MAX.toLocaleString('fr-FR')}) : partagez plutôt un export ou le fichier.`;
    setStatus(message);
    announce(message);
    document.body.dataset.linkError = message;
    return;
  }
  delete document.body.dataset.linkError;
  const url = new URL(location.href);
  url.hash = fragment;
  history.replaceState(null, '', url);
  try {
    await navigator.clipboard.writeText(url.href);
    announce(`Lien copié (${url.href.length.toLocaleString('fr-FR')} caractères) : il contient le texte, rien n’est envoyé à un serveur.`);
  } catch (e) {
    announce(`Lien prêt dans la barre d’adresse (copie impossible : ${e.message})`);
  }
}

/** Restores the text and filters of the URL's fragment; false when there is none (or it is unreadable). */
export async function restoreFromLink() {
  if (!location.hash.startsWith(PREFIX)) return false;
  let p;
  try {
    p = await decodeFragment(location.hash);
  } catch {
    setStatus('Ce lien est abîmé (tronqué ?) : le texte n’a pas pu être relu.');
    return false;
  }
  if (!p || typeof p.t !== 'string') return false;
  if (Array.isArray(p.k)) for (const b of els.kindBoxes) b.checked = p.k.includes(b.value);
  els.search.value = typeof p.q === 'string' ? p.q : '';
  if (p.s && typeof p.s === 'object' && p.s.none) els.speakerFilter.value = 'none';
  else state.wantSpeaker = typeof p.s === 'string' ? p.s : null;
  setText(p.t);
  return true;
}

export function initPermalink() {
  $('permalink').addEventListener('click', makeLink);
  addEventListener('hashchange', () => { restoreFromLink(); });
}
