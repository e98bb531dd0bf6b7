// Runs in <head>, before the page is drawn: the saved theme, else the system's.
(function () {
  var theme;
  try { theme = localStorage.getItem('nbx-theme'); } catch (e) { theme = null; }
  if (theme !== 'light' && theme !== 'dark') {
    theme = window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  }
  document.documentElement.setAttribute('data-theme', theme);
})();
