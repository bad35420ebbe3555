// The second build found the bindings up to date and wrote nothing, so javac had nothing to compile either.
def log = new File(basedir, 'build.log').text
assert log.count(' written, ') == 1 : 'only the first build may write sources'
assert log.contains('tcgen: bindings are up to date (1 spec(s)')
assert log.contains('Nothing to compile - all classes are up to date')
assert new File(basedir, 'target/tcgen/default.fingerprint').isFile()
return true
