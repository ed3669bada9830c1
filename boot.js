// Starts the widget under a strict CSP (no inline script): Trunk writes
// <script type="module" src="boot.js" data-js data-wasm> in place of its inline loader.
// Every visitor downloads this file, so the why is in README.md ("Content-Security-Policy").
const tag = document.querySelector('script[type="module"][data-js][data-wasm]');
const jsUrl = new URL(tag.dataset.js, import.meta.url);
const wasmUrl = new URL(tag.dataset.wasm, import.meta.url);

// Fetch with the SRI hash of Trunk's preload link: the browser checks the bytes (and reuses the
// preload). Above a prerendered view that link is inert (rel=cpw-deferred, xtask/src/prerender.rs)
// and the download starts after the first paint, not against the page's own HTML and CSS.
const link = [...document.querySelectorAll('link[as="fetch"]')].find(
  (l) => l.href === wasmUrl.href,
);
const wasm = link && link.integrity ? new Request(wasmUrl, { integrity: link.integrity }) : wasmUrl;
const deferred = link && link.rel === 'cpw-deferred'
  && !document.documentElement.classList.contains('cpw-asked'); // guard.js: another view asked

// Another career or a program: preload the index and place names (and programs) while the wasm
// downloads; the widget's own fetches reuse these responses.
const packs = document.querySelector('meta[name="cpw-packs"]');
const params = new URLSearchParams(location.search);
const others = (params.get('career') || '').replace(/29-?207[12]/g, '');
if (packs && (params.has('program') || /\d/.test(others))) {
  const files = [packs.dataset.index, packs.dataset.gazetteer];
  if (params.has('program')) files.push(packs.dataset.programs);
  for (const file of files) {
    const link = document.createElement('link');
    Object.assign(link, { rel: 'preload', as: 'fetch', crossOrigin: 'anonymous' });
    link.href = new URL(packs.content + file, document.baseURI).href;
    document.head.append(link);
  }
}

if (deferred && document.visibilityState !== 'hidden') {
  // Once the browser reports the first contentful paint; at most 500 ms (no paint timing, or
  // frames throttled far off screen).
  await new Promise((done) => {
    setTimeout(done, 500);
    if (!(PerformanceObserver.supportedEntryTypes || []).includes('paint')) return;
    new PerformanceObserver((list, observer) => {
      if (list.getEntriesByName('first-contentful-paint').length) {
        observer.disconnect();
        done();
      }
    }).observe({ type: 'paint', buffered: true });
  });
}
const { default: init } = await import(jsUrl.href);
const instance = await init({ module_or_path: wasm });
// Trunk's own loader announces this; tools that wait for it keep working.
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm: instance } }));
