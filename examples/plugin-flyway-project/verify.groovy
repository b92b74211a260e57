// Run by the build that tests the examples: the check bound to verify ran, passed, and wrote its reports.
def log = new File(basedir, 'build.log').text
assert log.contains(':check (default) @ plugin-flyway-project ---')
assert log.contains('Successfully applied 3 migrations')
assert log.contains('[INFO] no drift')
assert new File(basedir, 'target/schemadrift/report.json').text.startsWith('{"summary":{"errors":0,"warnings":0,"infos":0}')
return true
