// The report names the action and the member, the first build failed on it, the second accepted it.
def log = new File(basedir, 'build.log').text
assert log.contains('DescribeWidget input Owner: member added as required')
assert log.contains('1 breaking, 0 compatible change(s)')
assert log.contains('tcgen: 1 breaking change(s) against the baseline (see above); set allowBreaking')
assert log.count('BUILD SUCCESS') == 1
return true
