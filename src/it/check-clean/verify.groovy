// A clean project passes, logs the report and writes report.txt and report.json.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log.contains(':check (default) @ check-clean ---')
assert log.contains('[INFO] no drift')
// Hibernate's start-up banner stays out of the build log.
assert !log.contains('HHH000001')

def reports = new File(basedir, 'target/schemadrift')
def json = new File(reports, 'report.json').text
assert json.startsWith('{"summary":{"errors":0,"warnings":0,"infos":0},"drifts":[')
def txt = new File(reports, 'report.txt').text
assert txt.startsWith('no drift\n')
assert txt.contains('model:    Hibernate model of packages [com.example.shop]')
return true
