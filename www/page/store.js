// The last text, kept in localStorage (up to STORE_MAX characters) and restored on the next visit.
import { currentText } from './state.js';

const STORE_KEY = 'quote-highlighter:text';
const STORE_MAX = 2_000_000; // characters; above, the text is not kept (localStorage is ~5 M chars)

let saveTimer = 0;

export function saveSoon() {
  clearTimeout(saveTimer);
  saveTimer = setTimeout(saveNow, 1000);
}

export function saveNow() {
  clearTimeout(saveTimer);
  try {
    const text = currentText();
    if (text.length <= STORE_MAX) localStorage.setItem(STORE_KEY, text);
    else localStorage.removeItem(STORE_KEY); // too big to keep: better nothing than a stale text
  } catch {
    // storage full or disabled: the page works without it
  }
}

/** The kept text, or null. */
export function restore() {
  try {
    return localStorage.getItem(STORE_KEY);
  } catch {
    return null; // no storage: start empty
  }
}

export function initStore() {
  addEventListener('pagehide', saveNow);
}
