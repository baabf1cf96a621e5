/** One key per OPD however its name is typed: "DINAS  PENDIDIKAN " and "Dinas Pendidikan" meet. */
export function opdKey(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('id')
}

/** How an OPD name is shown when the file spells it in capitals: "DINAS PENDIDIKAN" as "Dinas Pendidikan". */
export function tidyOpdName(name: string): string {
  const clean = name.normalize('NFKC').replace(/\s+/g, ' ').trim()
  if (clean !== clean.toLocaleUpperCase('id')) return clean
  return clean
    .toLocaleLowerCase('id')
    .replace(
      /(^|[\s(/-])(\p{L})/gu,
      (_, sep: string, ch: string) => sep + ch.toLocaleUpperCase('id'),
    )
    .replace(/\b(Rsud|Dprd|Pp|Bkpsdm|Bkd|Bkpp|Bpbd|Bappeda|Uptd|Opd|Smp|Sd|Sma|Smk)\b/g, (w) =>
      w.toUpperCase(),
    )
}
