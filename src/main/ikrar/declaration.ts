import type { Declaration, RegionalLeader, Signatory } from '../../shared/declaration'
import { signerOrBlank } from '../../shared/signer'
import { formatDate } from '../../shared/time'
import { EXPECTED_EMPLOYEES } from '../ceremony/expected'
import { getCeremony } from '../ceremony/repository'
import type { Db } from '../db/connection'
import { UserError } from '../errors'
import { listSigners, signerNip } from '../export/signers'
import { appendEntry, kioskOf } from '../log/append'
import { listReadings, readableIkrar } from './repository'

/** The region's leaders, in the officer's order. */
export function listLeaders(db: Db): RegionalLeader[] {
  return db
    .prepare('SELECT title, name, nip FROM regional_leader ORDER BY position')
    .all() as RegionalLeader[]
}

/** One leader as stored: spaces tidied, a title required, a NIP checked; `row` names it in a refusal. */
function cleanLeader(leader: RegionalLeader, row: number): RegionalLeader {
  const tidy = (s: string) => s.replace(/\s+/g, ' ').trim()
  const title = tidy(leader.title)
  if (!title) {
    throw new UserError('BAD_INPUT', `Pejabat daerah baris ${row}: jabatan wajib diisi.`)
  }
  return {
    title,
    name: tidy(leader.name),
    nip: signerNip(leader.nip, `Pejabat daerah baris ${row}, NIP`),
  }
}

const sameLeaders = (a: readonly RegionalLeader[], b: readonly RegionalLeader[]) =>
  a.length === b.length &&
  a.every((l, i) => l.title === b[i]!.title && l.name === b[i]!.name && l.nip === b[i]!.nip)

/**
 * Replaces the list as the officer arranged it (added, edited, moved, removed) in one
 * transaction, with the list it replaced in the log: a refused row leaves the stored list as
 * it was, and a save that changes nothing writes nothing.
 */
export function setLeaders(
  db: Db,
  now: Date,
  leaders: readonly RegionalLeader[],
): RegionalLeader[] {
  const rows = leaders.map((l, i) => cleanLeader(l, i + 1))
  return db
    .transaction(() => {
      const previous = listLeaders(db)
      db.prepare('DELETE FROM regional_leader').run()
      const add = db.prepare(
        'INSERT INTO regional_leader (position, title, name, nip, updated_at) VALUES (?, ?, ?, ?, ?)',
      )
      rows.forEach((l, i) => add.run(i + 1, l.title, l.name, l.nip, now.toISOString()))
      const stored = listLeaders(db)
      if (!sameLeaders(previous, stored)) {
        appendEntry(db, {
          kind: 'leaders.set',
          at: now.toISOString(),
          kioskId: kioskOf(db),
          body: { previous, leaders: stored },
        })
      }
      return stored
    })
    .immediate()
}

/** The head of every OPD the apel expects (one with nobody active is not expected), by name. */
function opdHeads(db: Db, ceremonyId: number): Signatory[] {
  const expected = new Set(
    db
      .prepare(`WITH expected AS (${EXPECTED_EMPLOYEES}) SELECT DISTINCT opd_id FROM expected`)
      .pluck()
      .all({ ceremonyId }) as number[],
  )
  return listSigners(db)
    .opd.filter((o) => expected.has(o.opdId))
    .map((o) => {
      const { title, name, nip } = signerOrBlank(o.signer, o.derivedTitle)
      return { kind: 'opd', title, name, nip }
    })
}

/** What was read at the apel (the last reading), or else what will be read. */
function ikrarOf(db: Db, ceremonyId: number) {
  const last = listReadings(db, ceremonyId).at(-1)
  if (last) return { text: last.text, read: true }
  try {
    return { text: readableIkrar(db, ceremonyId), read: false }
  } catch (error) {
    if (!(error instanceof UserError)) throw error
    // The same gap that stops a reading stops the sheet, said for the sheet.
    throw new UserError(
      error.code,
      error.message.replace(
        'Pembacaan belum bisa dimulai',
        'Lembar penandatanganan belum bisa dibuat',
      ),
    )
  }
}

/** The sheet of one ceremony, ready to print. */
export function declaration(db: Db, ceremonyId: number): Declaration {
  const ceremony = getCeremony(db, ceremonyId)
  const leaders = listLeaders(db).map((l): Signatory => ({ kind: 'daerah', ...l }))
  return {
    ceremonyId,
    ceremonyName: ceremony.name,
    ...ikrarOf(db, ceremonyId),
    place: ceremony.place,
    date: formatDate(ceremony.startsAt, ceremony.timeZone),
    signatories: [...leaders, ...opdHeads(db, ceremonyId)],
  }
}
