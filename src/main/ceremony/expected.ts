/**
 * Who a ceremony expects: the active staff of its chosen OPD, or of every OPD when it chose
 * none. One definition, used by the live counts and by the exports, so they always agree.
 * Bind @ceremonyId.
 */
export const EXPECTED_EMPLOYEES = `
  SELECT e.* FROM employee e
  WHERE e.active = 1
    AND (
      (SELECT all_opd FROM ceremony WHERE id = @ceremonyId) = 1
      OR e.opd_id IN (SELECT opd_id FROM ceremony_opd WHERE ceremony_id = @ceremonyId)
    )`
