// The client imported from api.json in the build was compiled with -Werror and called; the import's warnings were
// build warnings at their file:line, once; the second build found everything up to date; the third, given a newer
// examples.json, imported and generated again, without the warning the fixed example had caused; the fourth, given
// an api.json that cannot be imported, failed at its file:line and left the sources as they were.
def generated = new File(basedir, 'target/generated-sources/tcgen/com/example/cloud/tmt/v20180321/TmtClient.java')
assert generated.isFile() : "missing ${generated}"
def log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
assert log.contains('tcgen: imported 1 spec(s) from <tencentSpecs>, 2 warning(s)')

def apiJson = new File(basedir, 'src/main/tencent/tmt/v20180321/api.json').absolutePath
def examples = new File(basedir, 'src/main/tencent/tmt/v20180321/examples.json').absolutePath
def noRegions = "[WARNING] ${apiJson}:11: the service has no regions: api.json never lists them"
def badExample = "[WARNING] ${examples}:7: example \"Calling the API\" of ImageTranslateLLM is left out"
assert log.count(noRegions) == 2 : "the no-regions warning at api.json:11 must be logged once by each import"
assert log.count(badExample) == 1 : "the bad-example warning at examples.json:7 must be logged by the first import only"

assert log.count('tcgen: bindings are up to date (1 spec(s)') == 1 : 'the second build must be up to date'
assert log.count(' written, ') == 2 : 'only the first and the third build may write sources'
def fourthStart = log.lastIndexOf('--- tcgen-maven-plugin:')
def third = log.substring(log.lastIndexOf('--- tcgen-maven-plugin:', fourthStart - 1), fourthStart)
assert third.contains('tcgen: imported 1 spec(s) from <tencentSpecs>, 1 warning(s)') : 'the third build must import'
assert third =~ /tcgen: \d+ files from 1 spec\(s\) in .*: [1-9]\d* written, / : 'the third build must write'

def fourth = log.substring(fourthStart)
def badApiJson = new File(basedir, 'src/bad/api.json').absolutePath
assert fourth.contains("1 problem(s) in the <tencentSpecs> inputs; the generated sources were left as they were:")
assert fourth.contains("${badApiJson}:186: member Angle has \"type\": \"double\" with \"member\": \"float\", which tcgen cannot import")
assert generated.text.contains('Example: Calling the API') : 'the third build\'s client must survive the failed build'
return true
