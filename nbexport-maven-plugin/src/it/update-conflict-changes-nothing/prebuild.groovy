// the same cell changed on both sides since the export
def java = new File(basedir, 'src/main/java/com/acme/Core.java')
java.setText(java.getText('UTF-8').replace('return 2 * x;', 'return x << 1;'), 'UTF-8')
def nb = new File(basedir, 'notebooks/00_core.ipynb')
nb.setText(nb.getText('UTF-8').replace('return 2 * x;', 'return x * 2;'), 'UTF-8')
new File(basedir, 'Core.java.before').bytes = java.bytes
new File(basedir, 'notebook.before').bytes = nb.bytes
return true
