// a kernel someone else installed under the name nbexport:kernel would use
def foreign = new File(basedir, 'foreign/kernels/kernel-it')
foreign.mkdirs()
new File(foreign, 'kernel.json').setText('{"argv": ["other"], "display_name": "Not ours", "language": "java"}\n', 'UTF-8')
return true
