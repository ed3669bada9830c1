// Starts the widget under a strict CSP. Every visitor downloads this file, so the why of each
// step is in README.md ("Start-up").
const tag = document.querySelector('script[type="module"][data-js][data-wasm]');
const jsUrl = new URL(tag.dataset.js, import.meta.url);
const wasmUrl = new URL(tag.dataset.wasm, import.meta.url);

const link = [...document.querySelectorAll('link[as="fetch"]')].find((l) => l.href === wasmUrl.href);
const wasm = link && link.integrity ? new Request(wasmUrl, { integrity: link.integrity }) : wasmUrl;
const deferred = link && link.rel === 'cpw-deferred'
  && !document.documentElement.classList.contains('cpw-asked');

const packs = document.querySelector('meta[name="cpw-packs"]');
const params = new URLSearchParams(location.search);
const others = (params.get('career') || '').replace(/29-?207[12]/g, '');
if (packs) {
  const files = params.has('program') || /\d/.test(others) ? [packs.dataset.index, packs.dataset.gazetteer] : [];
  if (params.has('program')) files.push(packs.dataset.programs);
  if (document.documentElement.classList.contains('cpw-es')) files.push(packs.dataset.es);
  for (const file of files.filter(Boolean)) {
    const link = document.createElement('link');
    Object.assign(link, { rel: 'preload', as: 'fetch', crossOrigin: 'anonymous' });
    link.href = new URL(packs.content + file, document.baseURI).href;
    document.head.append(link);
  }
}

if (deferred) {
  await new Promise((start) => {
    const cues = ['pointerdown', 'pointermove', 'keydown', 'touchstart', 'wheel', 'focusin'];
    const go = () => {
      cues.forEach((cue) => removeEventListener(cue, go, true));
      start();
    };
    cues.forEach((cue) => addEventListener(cue, go, { capture: true, passive: true }));
    const idle = () => setTimeout(() => (window.requestIdleCallback || setTimeout)(go, { timeout: 1000 }), 3000);
    if (document.readyState == 'complete') idle();
    else addEventListener('load', idle, { once: true });
  });
}
try {
  const { default: init } = await import(jsUrl.href);
  const instance = await init({ module_or_path: wasm });
  dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm: instance } }));
} catch (error) {
  console.error(error);
  const crashed = window.WebAssembly && error instanceof WebAssembly.RuntimeError;
  dispatchEvent(new CustomEvent('cpw-failed', { detail: crashed ? 'crash' : 'load' }));
}
