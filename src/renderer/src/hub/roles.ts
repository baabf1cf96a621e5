import type { KioskRole, RoleStatus } from '../../../shared/contract/hub'
import { formatCount } from '../../../shared/format'

/** Each role as the officer chooses it in Pengaturan: its name and what it means, in one line. */
export const ROLE_CHOICES: Record<KioskRole, { name: string; meaning: string }> = {
  mandiri: {
    name: 'Mandiri',
    meaning: 'Satu laptop, satu gerbang: kiosk tidak terhubung ke kiosk lain (seperti biasa).',
  },
  induk: {
    name: 'Kiosk induk',
    meaning:
      'Menerima pindaian dari kiosk gerbang di jaringan lokal dan menggabungkannya; tetap bisa memindai sendiri.',
  },
  gerbang: {
    name: 'Kiosk gerbang',
    meaning:
      'Memindai di satu gerbang, menyimpan di laptop ini dulu, lalu mengirim ke kiosk induk.',
  },
}

/** The header badge's words: which kiosk this is in the apel and, for a gate, how its link is. */
export function badgeText(status: RoleStatus): { title: string; state: string | null } {
  switch (status.role) {
    case 'mandiri':
      return { title: ROLE_CHOICES.mandiri.name, state: null }
    case 'induk':
      return {
        title: status.label ?? ROLE_CHOICES.induk.name,
        state: status.hub?.listening ? 'menerima gerbang' : 'belum menyala',
      }
    case 'gerbang': {
      const link = status.gate
      if (!link?.paired) return { title: ROLE_CHOICES.gerbang.name, state: 'belum tersambung' }
      const state = link.online ? 'tersambung' : 'terputus'
      return {
        title: link.label ?? status.label ?? ROLE_CHOICES.gerbang.name,
        state: link.backlog > 0 ? `${state} · belum terkirim: ${formatCount(link.backlog)}` : state,
      }
    }
  }
}
