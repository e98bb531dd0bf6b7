def log = new File(basedir, 'build.log').getText('UTF-8')
def summaries = log.readLines().findAll { it.contains('[INFO] Docs: rendered') }
assert summaries.size() == 2
assert summaries[0].contains('Docs: rendered 4 page(s), 0 unchanged')
assert summaries[1].contains('Docs: rendered 0 page(s), 4 unchanged')

def site = new File(basedir, 'target/nbexport-docs')
def index = new File(site, 'index.html').getText('UTF-8')
assert index.contains('<title>Tiny library · Tiny library</title>')
assert index.contains('href="guides/01_guide.html#using-it"')          // .ipynb links point at pages
def guide = new File(site, 'guides/01_guide.html').getText('UTF-8')
assert guide.contains('href="../_assets/site.css"')                      // relative to the page: works from file://
assert guide.contains('<span class="math math-inline">e^{i\\pi} &#43; 1 &#61; 0</span>')   // TeX as text; the sanitiser encodes + and =
assert guide.contains('<table>')
assert !guide.contains('secret')                                         // hide
assert !guide.contains('public static int twice')                        // export: API instead of source
assert guide.contains('id="using-it"')
// the API of the exported cell: signature, Javadoc, its generated line, its cell; names linked to it
assert guide.contains('id="api-Tiny.twice"')
assert guide.contains('<span class="nbx-api-name">twice</span>')
assert guide.contains('<dt>Parameters</dt><dd><code>x</code> – any number</dd>')
assert guide.contains('class="nbx-api-source" href="../_source/dev/tiny/Tiny.java.html#L')
assert guide.contains('<a class="nbx-api-cell" href="#cell-4">cell 4</a>')
assert guide.contains('href="../guides/01_guide.html#api-Tiny.twice" title="method Tiny.twice(int)"><code>Tiny.twice</code></a>')
assert guide.contains('<a class="tok-id api-link" href="../guides/01_guide.html#api-Tiny.twice"')   // twice(21) in code
def api = new File(site, 'api.html').getText('UTF-8')
assert api.contains('<a href="guides/01_guide.html#api-Tiny.twice"><code>dev.tiny.Tiny.twice</code></a>')
def source = new File(site, '_source/dev/tiny/Tiny.java.html').getText('UTF-8')
assert source.contains('public</span> <span class="tok-kw">static</span> <span class="tok-kw">int</span>')
assert source.contains('href="../../../guides/01_guide.html#cell-4"')
assert !new File(basedir, 'src/main/java').exists()                       // the docs goal writes no source
['_assets/site.css', '_assets/site.js', '_assets/lunr.min.js', '_assets/katex/katex.min.js', 'search-index.js'].each {
    assert new File(site, it).isFile() : it
}
assert new File(site, 'search-index.js').getText('UTF-8').contains('"Using it"')
return true
