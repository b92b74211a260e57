// Drift fails the build through MojoFailureException, the report is in the log, and the files are written.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
// Maven 3 prints BUILD FAILURE for both kinds; the help link names which: drift is a failure, not an error.
assert log.contains('MAVEN/MojoFailureException')
assert !log.contains('MAVEN/MojoExecutionException')
assert log.contains('[ERROR] 1 drift: 1 error, 0 warnings, 0 infos')
assert log.contains('[ERROR]   ERROR   MISSING_COLUMN       active')
assert log.contains('[ERROR]       from:     com.example.shop.Customer#active')
assert log.contains('Schema drift at or above warning (failOn): 1 drift: 1 error, 0 warnings, 0 infos.')
// No stack trace without -e.
assert !log.contains('Caused by:')

def json = new File(basedir, 'target/schemadrift/report.json').text
assert json.startsWith('{"summary":{"errors":1,"warnings":0,"infos":0},"drifts":[')
assert json.contains('{"kind":"MISSING_COLUMN","severity":"ERROR","schema":"public","table":"customers","column":"active",')
assert json.contains('ALTER TABLE public.customers ADD COLUMN active boolean DEFAULT false NOT NULL;"')
assert new File(basedir, 'target/schemadrift/report.txt').text.contains('MISSING_COLUMN       active')
return true
