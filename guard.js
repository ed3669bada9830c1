// Before the first paint. Why each step: README.md, "Start-up" and "When it fails".
(() => {
  const html = document.documentElement;
  const query = new URLSearchParams(location.search);
  const asked = (query.get('lang') || '').toLowerCase();
  const tags = asked && asked != 'auto' ? [asked] : navigator.languages || [navigator.language];
  const es = tags.map((t) => String(t).split(/[-_]/)[0].toLowerCase()).find((t) => t == 'en' || t == 'es') == 'es';
  if (es) html.lang = 'es', html.classList.add('cpw-es');
  if (es || /=[^&]/.test(location.search)) html.classList.add('cpw-asked');
  if (parent != window) html.classList.add('cpw-framed');
  const Trap = window.WebAssembly && WebAssembly.RuntimeError;
  const TEXT = es ? {
    load: 'No se pudieron cargar las cifras salariales.',
    slow: 'Las cifras salariales están tardando demasiado en cargar.',
    crash: 'Algo salió mal y el widget de salarios se detuvo.',
    reload: 'Vuelva a cargar la página', then: ' para intentarlo de nuevo, o consulte las cifras en ',
    bls: 'la Oficina de Estadísticas Laborales de EE. UU. (BLS)',
  } : {
    load: 'The pay figures could not be loaded.',
    slow: 'The pay figures are taking too long to load.',
    crash: 'Something went wrong, and the pay widget stopped.',
    reload: 'Reload the page', then: ' to try again, or see the figures at ',
    bls: 'the U.S. Bureau of Labor Statistics',
  };
  const el = (tag, text, attrs = {}) => {
    const e = document.createElement(tag);
    e.append(...text);
    for (const name in attrs) e.setAttribute(name, attrs[name]);
    return e;
  };
  const fail = (why) => {
    const root = document.getElementById('career-pay-widget');
    const view = root && root.querySelector(':scope > .cpw-prerendered');
    const live = root && root.querySelector(':scope > .cpw-live');
    const started = live && !live.classList.contains('cpw-starting');
    const readable = view && !html.classList.contains('cpw-asked');
    if (!root || !['load', 'slow', 'crash'].includes(why) || (why == 'slow' && (started || readable))) return;
    const soc = [query.get('show'), ...(query.get('career') || '').split(',')].find((c) => /^\d\d-\d{4}$/.test(c));
    const page = soc ? 'oes' + soc.replace('-', '') : query.has('program') ? 'oes_stru' : 'oes292072';
    root.querySelector(':scope > .cpw-failed')?.remove();
    if (why == 'crash' && live) live.remove(), root.classList.remove('cpw-taking-over');
    if (view) view.inert = true;
    root.prepend(el('div', [
      el('p', [TEXT[why]], { class: 'cpw-failed-what' }),
      el('p', [el('a', [TEXT.reload], { href: location.href }), TEXT.then,
        el('a', [TEXT.bls], { href: `https://www.bls.gov/oes/current/${page}.htm`, hreflang: 'en', target: '_blank', rel: 'noopener' }), '.']),
    ], { class: 'cpw-notice cpw-failed', role: 'alert', 'data-testid': 'widget-failed' }));
    root.classList.add('cpw-failed-shown');
    tell();
  };
  const tell = () => parent != window && requestAnimationFrame(() => {
    const root = document.getElementById('career-pay-widget');
    if (root) parent.postMessage({ type: 'career-pay-widget:height', height: root.offsetTop + root.offsetHeight }, '*');
  });
  addEventListener('load', () => html.classList.contains('cpw-asked') || tell());
  addEventListener('cpw-failed', (event) => fail(event.detail));
  addEventListener('error', (event) => {
    if (Trap && event.error instanceof Trap) fail('crash');
    else if (event.target instanceof HTMLScriptElement) fail('load');
  }, true);
  addEventListener('unhandledrejection', (event) => Trap && event.reason instanceof Trap && fail('crash'));
  setTimeout(() => fail('slow'), 8000);
})();
