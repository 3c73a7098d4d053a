// Offline support: the page, its scripts, the engine and the wasm are cached on the first visit.
// Network first (a rebuilt package is picked up at once), the cache when the network fails.
const CACHE = 'quote-highlighter-v2';
const PAGE_MODULES = ['state', 'trusted', 'analysis', 'editor', 'store', 'files', 'render', 'paint', 'colours', 'model',
  'filters', 'panel', 'details', 'navigate', 'voices', 'voices-panel', 'export', 'share', 'permalink', 'scroll-sync'];
const ASSETS = ['./', './index.html', './app.js', './style.css', './worker.js', './engine.js', './example.js', './shared.js',
  ...PAGE_MODULES.map((m) => `./page/${m}.js`), './pkg/quote_highlighter.js', './pkg/quote_highlighter_bg.wasm'];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(ASSETS)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== self.location.origin) return;
  event.respondWith(fetch(req)
    .then((res) => {
      if (res.ok) {
        const copy = res.clone();
        event.waitUntil(caches.open(CACHE).then((c) => c.put(req, copy)));
      }
      return res;
    })
    .catch(() => caches.match(req, { ignoreSearch: true }).then((hit) => hit ?? Response.error())));
});
