import type { Migration } from './types'

export const absence: Migration = {
  version: 4,
  name: 'absence',
  sql: `
    -- The reason an expected person did not scan; no row means "Tidak Hadir". A live
    -- check-in always wins over a reason recorded earlier.
    CREATE TABLE absence (
      ceremony_id INTEGER NOT NULL REFERENCES ceremony(id),
      employee_id INTEGER NOT NULL REFERENCES employee(id),
      reason TEXT NOT NULL
        CHECK (reason IN ('IZIN', 'SAKIT', 'DINAS_LUAR', 'CUTI', 'TUGAS_BELAJAR')),
      note TEXT NOT NULL DEFAULT '',
      set_by TEXT NOT NULL,
      set_at TEXT NOT NULL,
      PRIMARY KEY (ceremony_id, employee_id)
    ) STRICT;

    -- Every change, with the value it replaced, so nothing is overwritten silently.
    -- A NULL reason is "Tidak Hadir" (no reason).
    CREATE TABLE absence_history (
      id INTEGER PRIMARY KEY,
      ceremony_id INTEGER NOT NULL REFERENCES ceremony(id),
      employee_id INTEGER NOT NULL REFERENCES employee(id),
      old_reason TEXT,
      old_note TEXT,
      new_reason TEXT,
      new_note TEXT,
      changed_by TEXT NOT NULL,
      changed_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX absence_history_person ON absence_history(ceremony_id, employee_id);
  `,
}
