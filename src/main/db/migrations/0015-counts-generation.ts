import type { Migration } from './types'

/**
 * A number that changes whenever anything but a new arrival changes a ceremony's live counts:
 * the roster (who, which OPD, active), the OPDs, which OPDs a ceremony invites, an ikrar
 * reading begun or removed, and any arrival changed or removed (a cancellation, a merge
 * setting one aside). Between two changes
 * arrivals are only added, so the gate can add the new ones to the counts it already has
 * (src/main/checkin/tally.ts) instead of counting 20,000 arrivals again after every
 * scan. Kept by triggers, so no writer, worker or migration can forget it. A scan's insert
 * fires none of them: the scan's commit writes no extra page.
 */
const bumpOn = (name: string, event: string) => `
    CREATE TRIGGER counts_${name} AFTER ${event}
    BEGIN UPDATE counts_generation SET n = n + 1; END;`

export const countsGeneration: Migration = {
  version: 15,
  name: 'counts-generation',
  sql: `
    CREATE TABLE counts_generation (id INTEGER PRIMARY KEY CHECK (id = 1), n INTEGER NOT NULL) STRICT;
    INSERT INTO counts_generation (id, n) VALUES (1, 0);
    ${bumpOn('employee_insert', 'INSERT ON employee')}
    ${bumpOn('employee_update', 'UPDATE OF nip, opd_id, active ON employee')}
    ${bumpOn('employee_delete', 'DELETE ON employee')}
    ${bumpOn('opd_insert', 'INSERT ON opd')}
    ${bumpOn('opd_update', 'UPDATE ON opd')}
    ${bumpOn('opd_delete', 'DELETE ON opd')}
    ${bumpOn('ceremony_update', 'UPDATE OF all_opd ON ceremony')}
    ${bumpOn('ceremony_opd_insert', 'INSERT ON ceremony_opd')}
    ${bumpOn('ceremony_opd_update', 'UPDATE ON ceremony_opd')}
    ${bumpOn('ceremony_opd_delete', 'DELETE ON ceremony_opd')}
    ${bumpOn('reading_insert', 'INSERT ON ikrar_reading')}
    ${bumpOn('reading_update', 'UPDATE OF ceremony_id, started_at ON ikrar_reading')}
    ${bumpOn('reading_delete', 'DELETE ON ikrar_reading')}
    ${bumpOn('checkin_update', 'UPDATE OF ceremony_id, nip, cancelled_at, late ON checkin')}
    ${bumpOn('checkin_delete', 'DELETE ON checkin')}
  `,
}
