// Starts the widget from a file instead of Trunk's inline <script type="module">, so the page
// runs under a strict Content-Security-Policy (script-src 'self' 'wasm-unsafe-eval', no
// 'unsafe-inline'). Trunk writes this tag in place of its inline loader (Trunk.toml,
// `pattern_script`):
//
//   <script type="module" src="{base}boot.js" data-js="{js}" data-wasm="{wasm}"></script>
//
// `data-js` and `data-wasm` are bare file names (hashed by Trunk); they are resolved against this
// file's own URL, so the widget works wherever it is hosted: at `/` or under any sub-path.

// A module script has no document.currentScript: find the tag by its data attributes.
const tag = document.querySelector('script[type="module"][data-js][data-wasm]');
const jsUrl = new URL(tag.dataset.js, import.meta.url);
const wasmUrl = new URL(tag.dataset.wasm, import.meta.url);

// Trunk's release build preloads the wasm with a Subresource Integrity hash
// (<link rel="preload" as="fetch" integrity="sha384-...">). Fetching it with the same hash makes
// the browser check the bytes it runs (and lets it reuse the preloaded response).
const preload = [...document.querySelectorAll('link[rel="preload"][as="fetch"]')].find(
  (link) => link.href === wasmUrl.href,
);
const wasm = preload && preload.integrity
  ? new Request(wasmUrl, { integrity: preload.integrity })
  : wasmUrl;

// A page about other careers (`career=`, `program=`) needs the index of careers and the shared
// place names (and, for a program, the programs) before its pack: ask for them now, while the
// wasm downloads, instead of after it starts. The files are named in <meta name="cpw-packs">
// (content-hashed, written by `cargo xtask packs`); `fetch` in the widget reuses these responses.
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

// The wasm-bindgen glue (also preloaded with its hash by Trunk's <link rel="modulepreload">).
const { default: init } = await import(jsUrl.href);
const instance = await init({ module_or_path: wasm });

// What Trunk's own loader announces once the app runs; nothing in the widget needs it, but tools
// that wait for it keep working.
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm: instance } }));
