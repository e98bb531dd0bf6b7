def edit(File f, String from, String to) {
    def text = f.getText('UTF-8')
    assert text.contains(from)
    f.setText(text.replace(from, to), 'UTF-8')
}
edit(new File(basedir, 'src/main/java/com/acme/Core.java'), '        return 2 * x;', '        int doubled = x + x;\n        return doubled;')
edit(new File(basedir, 'src/main/java/com/acme/Pair.java'), '        return a + b;', '        return b + a;')
new File(basedir, 'before.ipynb').bytes = new File(basedir, 'notebooks/00_core.ipynb').bytes
return true
