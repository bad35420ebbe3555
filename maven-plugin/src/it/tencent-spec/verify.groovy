// The client imported from api.json in the build was compiled with -Werror and called; the import's warnings were
// build warnings at their file:line, once; the second build found everything up to date; the third, given a newer
// examples.json, imported and generated again, without the warning the fixed example had caused.
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
def third = log.substring(log.lastIndexOf('tcgen-maven-plugin:'))
assert third.contains('tcgen: imported 1 spec(s) from <tencentSpecs>, 1 warning(s)') : 'the third build must import'
assert third =~ /tcgen: \d+ files from 1 spec\(s\) in .*: [1-9]\d* written, / : 'the third build must write'
assert generated.text.contains('Example: Calling the API') : 'the newer example is not in the generated client'
return true
