// Soak child: exports the active ceremony into the folder given, saying "start" just before the
// files are written and "done <ms>" once every one is in place.
import { activeCeremonyId } from '../../src/main/ceremony/repository'
import { openDatabase } from '../../src/main/db/connection'
import { exportCeremony } from '../../src/main/export/export'
import { testSigning } from '../../tests/fixtures/signing'

const [file, folder] = process.argv.slice(2)
const db = openDatabase(file!)
const started = performance.now()
process.stdout.write('start\n')
void exportCeremony(db, {
  ceremonyId: activeCeremonyId(db)!,
  folder: folder!,
  order: 'name',
  ikrar: null,
  signing: testSigning(),
}).then(() => process.stdout.write(`done ${Math.round(performance.now() - started)}\n`))
