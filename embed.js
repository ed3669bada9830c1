/* Career pay widget loader. On a host page:
 *   <div data-career-widget data-career="31-9092" data-place="TX"></div>
 *   <script src="https://WIDGET-HOST/PATH/embed.js" async></script>
 * Each div becomes an iframe of the widget, as tall as its content. No dependencies,
 * cookies, storage or requests of its own. */
(() => {
  'use strict';
  // Option names: data-<name> on the div, the same <name> in the widget's query string.
  const OPTIONS = ['career', 'program', 'show', 'place', 'state', 'industry', 'years', 'sections', 'accent', 'dark', 'lang', 'title'];
  const TITLE = 'Career pay and job outlook'; // until the widget names the career
  const MESSAGE = 'career-pay-widget:height';

  // The widget lives in the directory this file was loaded from.
  const me = document.currentScript;
  const base = me && me.src ? new URL('./', me.src).href : null;

  // Included twice: the first copy's state is reused; only scan again.
  const KEY = Symbol.for('career-pay-widget.loader');
  if (window[KEY]) {
    window[KEY](base);
    return;
  }

  const done = new WeakSet(); // divs already turned into a frame
  const frames = new Map(); // iframe -> the origin its messages must come from
  const auto = new WeakSet(); // frames the widget names (the host gave no data-title)

  const embed = (div, fallbackBase) => {
    const src = div.getAttribute('data-src') || fallbackBase;
    if (!src) return;
    let url;
    try {
      url = new URL(src, document.baseURI);
    } catch (_) {
      return;
    }
    // No javascript:, data: and the like.
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return;
    for (const name of OPTIONS) {
      const value = div.getAttribute('data-' + name);
      if (value) url.searchParams.set(name, value); // encoded by URLSearchParams
    }
    done.add(div);
    const frame = document.createElement('iframe');
    frame.src = url.href;
    frame.title = div.getAttribute('data-title') || TITLE;
    frame.loading = 'eager';
    frame.referrerPolicy = 'no-referrer';
    frame.setAttribute('allow', 'clipboard-write');
    frame.setAttribute('scrolling', 'no');
    // Scripts, its own origin (files, URL), downloads (CSV, PNG); links may open an
    // unsandboxed tab. No top navigation, forms or modals.
    frame.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-downloads allow-popups allow-popups-to-escape-sandbox');
    // Inline !important beats the host's CSS; `all: initial` undoes what it says about iframes.
    const css = { all: 'initial', display: 'block', width: '100%', height: '900px', border: '0', overflow: 'hidden' };
    for (const name in css) frame.style.setProperty(name, css[name], 'important');
    frames.set(frame, url.origin);
    if (!div.hasAttribute('data-title')) auto.add(frame);
    div.replaceChildren(frame); // drops any fallback link written inside the div
  };

  const scan = (fallbackBase) => {
    for (const div of document.querySelectorAll('div[data-career-widget]')) {
      if (!done.has(div)) embed(div, fallbackBase);
    }
  };

  // Messages only from a frame made here, from its origin, in the documented shape: its height
  // and the title naming its career.
  window.addEventListener('message', (event) => {
    let frame = null;
    for (const [f, origin] of frames) {
      if (event.source && f.contentWindow === event.source && event.origin === origin) frame = f;
    }
    const data = event.data;
    if (!frame || !data || Object.getPrototypeOf(data) !== Object.prototype) return;
    const height = data.height;
    if (data.type !== MESSAGE || typeof height !== 'number' || !Number.isFinite(height)) return;
    if (height < 50 || height > 20000) return;
    frame.style.setProperty('height', Math.ceil(height) + 'px', 'important');
    if (auto.has(frame) && typeof data.title === 'string') frame.title = data.title.slice(0, 200);
  });

  Object.defineProperty(window, KEY, { value: scan });
  scan(base);
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', () => scan(base), { once: true });
  }
})();
