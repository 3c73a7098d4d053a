// The page editors keep open: paste, drop or open an article, see who said what. This file only
// starts the modules of www/page/, each one concern:
//   state      the elements, the analysed text on screen, shared helpers
//   trusted    the one Trusted Types policy (worker URLs, inert DOMParser documents)
//   analysis   the worker: requests, cancelling a superseded run, the time budget
//   editor     the textarea, long texts, the example; store: localStorage
//   files      .txt / .md / .html / .docx in, by drop or by the file picker
//   render     the text as blocks, offsets → DOM points; paint: the highlights; colours: styles
//   model      reading one quote (spans without the incise, words, context, export row)
//   filters    kinds, speaker, search, and the one count; panel: speakers and diagnostics
//   details    the tooltip; navigate: jumps, next/previous, keyboard
//   voices     who gets a voice (gender, speaker, kind; voices-panel shows it); export: JSON, CSV, TSV
//   share      copy with highlights; permalink: text and filters in the URL fragment
//   scroll-sync  the two panes scroll together
// How it stays fast on a 5 MB paste is told in render.js, paint.js and analysis.js; text only
// ever becomes text nodes (createTextNode / textContent): pasted or opened markup stays text.
import { els, state, setStatus } from './page/state.js';
import { scriptURL } from './page/trusted.js';
import { initAnalysis, requestAnalysis } from './page/analysis.js';
import { initEditor, setText, LARGE } from './page/editor.js';
import { initStore, restore } from './page/store.js';
import { initFiles } from './page/files.js';
import { initFilters } from './page/filters.js';
import { initPanel } from './page/panel.js';
import { initDetails } from './page/details.js';
import { initNavigation } from './page/navigate.js';
import { initExport } from './page/export.js';
import { initShare } from './page/share.js';
import { initPermalink, restoreFromLink } from './page/permalink.js';
import { initScrollSync } from './page/scroll-sync.js';

initAnalysis();
initEditor();
initStore();
initFiles();
initFilters();
initPanel();
initDetails();
initNavigation();
initExport();
initShare();
initPermalink();
initScrollSync();

// A permalink's text first; otherwise the text kept from the last visit.
if (!(await restoreFromLink())) {
  const saved = restore();
  if (saved && saved.length > LARGE) setText(saved);
  else {
    if (saved && !els.input.value) els.input.value = saved;
    requestAnalysis();
  }
}
if (!state.engineReady) setStatus('Chargement du moteur…');

// Offline: a service worker keeps the page, the engine and the wasm for the next visits.
if ('serviceWorker' in navigator && location.protocol !== 'file:') {
  navigator.serviceWorker.register(scriptURL('./sw.js')).catch(() => {});
}
