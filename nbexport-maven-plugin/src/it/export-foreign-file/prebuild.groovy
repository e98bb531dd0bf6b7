def mine = new File(basedir, 'src/main/java/com/acme/greet/Guest.java')
new File(basedir, 'mine.copy').bytes = mine.bytes
return true
