def helper = new File(basedir, 'src/main/java/com/acme/old/OldHelper.java')
new File(basedir, 'helper.copy').bytes = helper.bytes
return true
