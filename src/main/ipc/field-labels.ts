/**
 * The names officers know the contract's input fields by. invoke.ts says which field was wrong
 * with these, never with the code's own name ("Isian tidak valid (PIN)", not "(pin)"). A test
 * checks that every field of every call has one.
 */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  pin: 'PIN',
  nip: 'NIP',
  name: 'Nama',
  opdId: 'OPD',
  opdIds: 'OPD yang wajib hadir',
  jabatan: 'Jabatan',
  pangkat: 'Pangkat/Gol.',
  jenis: 'Jenis pegawai',
  active: 'Aktif',
  id: 'Nomor data',
  ids: 'Daftar pegawai',
  query: 'Pencarian',
  includeInactive: 'Tampilkan nonaktif',
  card: 'Filter kartu',
  limit: 'Jumlah baris',
  offset: 'Halaman',
  previewId: 'Pratinjau impor',
  removeDemo: 'Hapus data contoh',
  date: 'Tanggal',
  startTime: 'Jam mulai',
  lateTime: 'Terlambat setelah',
  place: 'Tempat',
  timeZone: 'Zona waktu',
  unknownPolicy: 'NIP yang tidak ada di data pegawai',
  election: 'Pemilihan',
  ceremonyId: 'Acara',
  checkinId: 'Catatan kehadiran',
  employeeId: 'Pegawai',
  payload: 'Isi kode',
  source: 'Sumber pindaian',
  reason: 'Alasan atau keterangan',
  previous: 'Keterangan sebelumnya',
  note: 'Catatan',
  missingOpdId: 'OPD yang belum hadir',
  recent: 'Kedatangan terakhir',
  instansi: 'Nama instansi',
  logo: 'Logo',
  mirrored: 'Layar dicerminkan ke proyektor',
  kioskMode: 'Mode kiosk',
  startAtLogin: 'Jalankan saat masuk',
  heading: 'Judul ikrar',
  opening: 'Kalimat pembuka',
  points: 'Butir ikrar',
  closing: 'Kalimat penutup',
  templateId: 'Template',
  step: 'Langkah pembacaan',
  mode: 'Tampilan pembacaan',
  order: 'Urutan',
  to: 'Arah pembacaan',
  filter: 'Saringan daftar',
  title: 'Jabatan penanda tangan',
  jobId: 'Pekerjaan yang dibatalkan',
  item: 'Bagian uji perangkat',
  leaders: 'Pejabat daerah',
  pick: 'Berkas atau folder yang diperiksa',
  subheading: 'Baris pemilihan di bawah judul',
  statement: 'Kalimat pernyataan',
  sanction: 'Kalimat sanksi',
  meterai: 'Kotak meterai',
  only: 'Pilihan formulir',
  role: 'Peran kiosk',
  address: 'Alamat jaringan',
  port: 'Port',
  kioskId: 'Gerbang',
  timeoutMs: 'Lama mencari',
  qr: 'Kode QR kiosk induk',
  code: 'Kode pasangan',
}

/**
 * "Butir ikrar ke-3" for ['points', 2]: the label of the field, and the item's number counted
 * from one. A field without a label is left out rather than shown in the code's words.
 */
export function fieldLabel(path: readonly PropertyKey[]): string | null {
  const named = path.filter((p): p is string => typeof p === 'string')
  const last = named.at(-1)
  const label = last === undefined ? undefined : FIELD_LABELS[last]
  if (!label) return null
  const index = path.at(-1)
  return typeof index === 'number' ? `${label} ke-${index + 1}` : label
}
