import type { Migration } from './types'

export const demoElection: Migration = {
  version: 8,
  name: 'demo-election',
  sql: `
    -- 1 on what "Coba dengan data contoh" made: its employees, OPD and ceremony (and, through
    -- the ceremony, its check-ins). They are removed in one step before the first real import,
    -- so demo people can never be counted at a real apel.
    ALTER TABLE employee ADD COLUMN demo INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1));
    ALTER TABLE opd ADD COLUMN demo INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1));
    ALTER TABLE ceremony ADD COLUMN demo INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1));

    -- The election the apel is held for, as the ikrar names it: "Pemilu dan Pemilihan Tahun
    -- 2024", "Pilkada Serentak Tahun 2020". Empty on ceremonies made before: the ikrar then
    -- asks for it before a reading that uses {pemilihan}.
    ALTER TABLE ceremony ADD COLUMN election TEXT NOT NULL DEFAULT '';
  `,
}
