/**
 * Voting days of the elections an apel netralitas is held before, with the name the ikrar
 * gives them. An apel comes in the months before; so the first voting day on or after the
 * ceremony's date is the one it is for. 2024 had two: Pemilu (with the SKB's "Pemilu dan
 * Pemilihan") in February and the Pilkada in November.
 */
const ELECTIONS: readonly { votingDay: string; name: string }[] = [
  { votingDay: '2017-02-15', name: 'Pilkada Serentak Tahun 2017' },
  { votingDay: '2018-06-27', name: 'Pilkada Serentak Tahun 2018' },
  { votingDay: '2019-04-17', name: 'Pemilu Tahun 2019' },
  { votingDay: '2020-12-09', name: 'Pilkada Serentak Tahun 2020' },
  { votingDay: '2024-02-14', name: 'Pemilu dan Pemilihan Tahun 2024' },
  { votingDay: '2024-11-27', name: 'Pilkada Serentak Tahun 2024' },
]

/**
 * The election a ceremony on `date` (YYYY-MM-DD) is probably for, as the officer may accept or
 * correct it. Past the known schedule: the next general election year (every five years from
 * 2024), since the voting days are not fixed yet.
 */
export function proposeElection(date: string): string {
  const next = ELECTIONS.find((e) => e.votingDay >= date)
  if (next) return next.name
  const year = Number(date.slice(0, 4))
  return `Pemilu dan Pemilihan Tahun ${2024 + Math.ceil((year - 2024) / 5) * 5}`
}
