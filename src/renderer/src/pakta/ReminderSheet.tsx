import { PrintOverlay } from './PrintOverlay'
import { formatCount } from '../../../shared/format'
import { formatNip } from '../../../shared/nip'
import type { PaktaOutstanding } from '../../../shared/pakta'

/**
 * The reminder an OPD receives: who of it has not returned the pakta yet, printed through the
 * print dialog like the forms. A long list runs onto more pages, its header repeated.
 */
export function ReminderSheet({
  ceremonyName,
  opdName,
  received,
  expected,
  rows,
  onClose,
}: {
  ceremonyName: string
  opdName: string
  received: number
  expected: number
  rows: readonly PaktaOutstanding[]
  onClose: () => void
}) {
  return (
    <PrintOverlay
      label="Cetak daftar pengingat pakta"
      title={`Pengingat pakta: ${opdName}`}
      summary={`${formatCount(rows.length)} ASN belum mengembalikan`}
      onClose={onClose}
    >
      <section className="pakta-reminder" data-testid="pakta-reminder">
        <h1>DAFTAR ASN YANG BELUM MENGEMBALIKAN PAKTA INTEGRITAS NETRALITAS</h1>
        <p>{ceremonyName}</p>
        <p>
          <strong>{opdName}</strong> · sudah mengembalikan {formatCount(received)} dari{' '}
          {formatCount(expected)} ASN · belum {formatCount(expected - received)}
        </p>
        <table>
          <thead>
            <tr>
              <th>No</th>
              <th>Nama</th>
              <th>NIP</th>
              <th>Jabatan</th>
              {opdName === 'Semua OPD' && <th>Unit Kerja</th>}
              <th>Formulir</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={r.employeeId}>
                <td>{i + 1}</td>
                <td>{r.name}</td>
                <td className="mono">{formatNip(r.nip)}</td>
                <td>{r.jabatan}</td>
                {opdName === 'Semua OPD' && <td>{r.opdName}</td>}
                <td>{r.issuedAt ? 'Sudah dicetak' : 'Belum dicetak'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </PrintOverlay>
  )
}
