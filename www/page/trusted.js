// Trusted Types. The page's CSP has `require-trusted-types-for 'script'; trusted-types qh-page`:
// this module owns the one policy, `qh-page`, and keeps it private. It blesses
// - script URLs: only our own worker and service worker (new Worker(), serviceWorker.register());
// - HTML: only for `inertDocument()` below, whose DOMParser document has no browsing context (its
//   scripts never run, its images never load) and is never inserted into the page: files.js reads
//   the text of an opened .html file and of a .docx's XML from it.
const ALLOWED_SCRIPTS = new Set(['../worker.js', '../sw.js'].map((p) => new URL(p, import.meta.url).href));

let parsing = false; // createHTML works only inside inertDocument()
const policy = globalThis.trustedTypes?.createPolicy('qh-page', {
  createScriptURL(url) {
    const href = new URL(url, document.baseURI).href;
    if (!ALLOWED_SCRIPTS.has(href)) throw new TypeError(`script refusé : ${url}`);
    return href;
  },
  createHTML(source) {
    if (!parsing) throw new TypeError('HTML refusé hors de DOMParser');
    return source;
  },
});

/** A TrustedScriptURL (or a plain URL without Trusted Types) for './worker.js' or './sw.js' of www/. */
export const scriptURL = (p) => (policy ? policy.createScriptURL(p) : new URL(p, document.baseURI).href);

/** Parses `source` (HTML or XML) into an inert document: nothing runs, nothing loads, nothing is shown. */
export function inertDocument(source, type) {
  parsing = true;
  try {
    const s = policy ? policy.createHTML(source) : source;
    return new DOMParser().parseFromString(s, type);
  } finally {
    parsing = false;
  }
}
