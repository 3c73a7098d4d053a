// Where the text comes in: the textarea (typing, paste, drop), the example, and `setText()` for
// files and permalinks. Chromium lays out a textarea's whole text on every change: pasting 1 MB
// into it is a ~0.5 s main-thread task, 5 MB about 2 s, whatever the page does. So a text longer
// than LARGE never reaches the textarea: it is kept in `state.largeText`, shown (in blocks) on the
// right, and a box in place of the textarea offers to replace, edit or clear it.
import { EXAMPLE } from '../example.js';
import { els, state, setBusy, sizeLabel, $ } from './state.js';
import { requestAnalysis, scheduleAnalysis } from './analysis.js';
import { saveSoon, saveNow } from './store.js';

export const LARGE = 100_000; // characters

function setLarge(text) {
  state.largeText = text;
  els.input.value = '';
  els.input.hidden = true;
  els.large.hidden = false;
  $('large-title').textContent = `Texte long : ${sizeLabel(text.length)}`;
  els.large.focus();
  saveSoon();
  requestAnalysis();
}

function setSmall(text, { focus = true } = {}) {
  state.largeText = null;
  els.large.hidden = true;
  els.input.hidden = false;
  els.input.value = text;
  if (focus) els.input.focus();
  saveSoon();
  requestAnalysis();
}

/** Replaces the text (a file, a permalink, the stored text) and analyses it. */
export function setText(text, { focus = false } = {}) {
  if (text.length > LARGE) setLarge(text);
  else setSmall(text, { focus });
}

/** The text a paste or drop of `t` would give in the textarea. */
function afterInsert(t) {
  const { input } = els;
  const v = input.value;
  return v.slice(0, input.selectionStart) + t + v.slice(input.selectionEnd);
}

export function initEditor() {
  const { input, large } = els;
  input.addEventListener('input', (e) => {
    saveSoon();
    // A paste or a drop is one deliberate action: no reason to wait for more keys.
    if (e.inputType === 'insertFromPaste' || e.inputType === 'insertFromDrop') requestAnalysis();
    else scheduleAnalysis();
  });
  input.addEventListener('paste', (e) => {
    const t = e.clipboardData?.getData('text/plain') ?? '';
    if (t.length + input.value.length <= LARGE) return; // the browser's own paste (keeps undo)
    const next = afterInsert(t);
    if (next.length <= LARGE) return;
    e.preventDefault();
    setLarge(next);
  });
  input.addEventListener('drop', (e) => {
    if (e.defaultPrevented) return; // a file (files.js)
    const t = e.dataTransfer?.getData('text/plain') ?? '';
    if (t.length + input.value.length <= LARGE) return;
    e.preventDefault();
    setLarge(t);
  });
  large.addEventListener('paste', (e) => {
    e.preventDefault();
    const t = e.clipboardData?.getData('text/plain') ?? '';
    if (t.length > LARGE) setLarge(t);
    else setSmall(t);
  });
  $('large-edit').addEventListener('click', () => {
    setBusy(true, 'Chargement dans l’éditeur…');
    setTimeout(() => setSmall(state.largeText ?? ''), 30); // let the busy state paint first
  });
  $('large-clear').addEventListener('click', () => setSmall(''));

  $('load-example').addEventListener('click', () => {
    if (state.largeText !== null) setSmall('', { focus: false });
    input.focus();
    input.select();
    // execCommand keeps the browser's undo history: Ctrl+Z brings the previous text back.
    if (!document.execCommand('insertText', false, EXAMPLE) || input.value !== EXAMPLE) input.value = EXAMPLE;
    input.setSelectionRange(0, 0);
    input.scrollTop = 0;
    saveNow();
    requestAnalysis();
  });
}
