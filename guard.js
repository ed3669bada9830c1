// The built page holds the widget's default view, rendered at build time
// (xtask/src/prerender.rs). Any option in the URL may ask for other figures: hide that view
// until the widget has drawn its own, so no figure the reader did not ask for shows, even
// briefly. A classic script in <head>, so it runs before the first paint.
if (/=[^&]/.test(location.search)) document.documentElement.classList.add('cpw-asked');
