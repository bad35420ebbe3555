// The client imported from api.json in the build was compiled with -Werror and called; the import's warnings were
// build warnings at their file:line, once; the second build found everything up to date.
def generated = new File(basedir, 'target/generated-sources/tcgen/com/example/cloud/tmt/v20180321/TmtClient.java')
assert generated.isFile() : "missing ${generated}"
def log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
assert log.contains('tcgen: imported 1 spec(s) from <tencentSpecs>, 2 warning(s)')

def apiJson = new File(basedir, 'src/main/tencent/tmt/v20180321/api.json').absolutePath
def examples = new File(basedir, 'src/main/tencent/tmt/v20180321/examples.json').absolutePath
def noRegions = "[WARNING] ${apiJson}:11: the service has no regions: api.json never lists them"
def badExample = "[WARNING] ${examples}:7: example \"Calling the API\" of ImageTranslateLLM is left out"
assert log.count(noRegions) == 1 : "the no-regions warning at api.json:11 is missing or repeated"
assert log.count(badExample) == 1 : "the bad-example warning at examples.json:7 is missing or repeated"

assert log.count(' written, ') == 1 : 'only the first build may write sources'
assert log.contains('tcgen: bindings are up to date (1 spec(s)')
return true
