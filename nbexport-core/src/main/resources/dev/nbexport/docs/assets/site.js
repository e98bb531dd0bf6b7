// nbexport docs: theme toggle, math, search. No inline script anywhere: the pages' CSP forbids it.
(function () {
  'use strict';
  var root = document.documentElement;

  var toggle = document.getElementById('nbx-theme-toggle');
  if (toggle) {
    toggle.addEventListener('click', function () {
      var next = root.getAttribute('data-theme') === 'dark' ? 'light' : 'dark';
      root.setAttribute('data-theme', next);
      try { localStorage.setItem('nbx-theme', next); } catch (e) { /* file:// without storage */ }
    });
  }

  // TeX source in <span class="math"> becomes KaTeX; trust stays off (no \href, \url, \htmlData).
  if (window.katex) {
    var spans = document.querySelectorAll('span.math');
    for (var i = 0; i < spans.length; i++) {
      var el = spans[i];
      try {
        window.katex.render(el.textContent, el, {
          displayMode: el.classList.contains('math-display'), throwOnError: false, trust: false, strict: 'ignore'
        });
      } catch (e) { el.classList.add('math-error'); }
    }
  }

  // Search: the index is a script (search-index.js) so it loads from file:// too.
  var input = document.getElementById('nbx-search-input');
  var list = document.getElementById('nbx-search-results');
  var docs = window.nbxSearchDocs || [];
  var prefix = (document.querySelector('link[href$="_assets/site.css"]') || {}).getAttribute
    ? document.querySelector('link[href$="_assets/site.css"]').getAttribute('href').replace(/_assets\/site\.css$/, '') : '';
  var index = null;

  function build() {
    index = window.lunr(function () {
      this.ref('i');
      this.field('title', { boost: 10 });
      this.field('text');
      for (var i = 0; i < docs.length; i++) {
        this.add({ i: String(i), title: docs[i].t, text: docs[i].x });
      }
    });
  }

  function search(text) {
    if (!index) { build(); }
    var terms = window.lunr.tokenizer(text).map(function (t) { return t.toString(); })
      .filter(function (t) { return t.length > 0; });
    if (terms.length === 0) { return []; }
    return index.query(function (q) {
      terms.forEach(function (term) {
        q.term(term, { boost: 10, presence: window.lunr.Query.presence.REQUIRED });
      });
      terms.forEach(function (term) {
        q.term(term, { wildcard: window.lunr.Query.wildcard.TRAILING, boost: 1 });
      });
    }).slice(0, 12);
  }

  function show(results) {
    while (list.firstChild) { list.removeChild(list.firstChild); }
    results.forEach(function (r) {
      var d = docs[Number(r.ref)];
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = prefix + d.u;
      var kind = document.createElement('span');
      kind.className = 'nbx-result-kind';
      kind.textContent = d.k;
      var title = document.createElement('span');
      title.className = 'nbx-result-title';
      title.textContent = d.t;
      a.appendChild(kind);
      a.appendChild(title);
      if (d.p !== d.t) {
        var page = document.createElement('span');
        page.className = 'nbx-result-page';
        page.textContent = d.p;
        a.appendChild(page);
      }
      li.appendChild(a);
      list.appendChild(li);
    });
    if (results.length === 0 && input.value.trim() !== '') {
      var none = document.createElement('li');
      none.className = 'nbx-no-results';
      none.textContent = 'Nothing found';
      list.appendChild(none);
    }
    list.hidden = input.value.trim() === '';
  }

  if (input && list && window.lunr) {
    input.addEventListener('input', function () {
      var results;
      try { results = search(input.value); } catch (e) { results = []; }
      show(results);
    });
    input.addEventListener('keydown', function (e) {
      if (e.key === 'Escape') { input.value = ''; show([]); }
      if (e.key === 'Enter') {
        var first = list.querySelector('a');
        if (first) { window.location.href = first.href; }
      }
    });
  }
})();
