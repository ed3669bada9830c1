// Any option in the URL may ask for other figures than the prerendered view's (README.md, "Start-up").
if (/=[^&]/.test(location.search)) document.documentElement.classList.add('cpw-asked');
