import { rosterCeremony } from './0001-roster-ceremony'
import { checkin } from './0002-checkin'
import { ikrar } from './0003-ikrar'
import { absence } from './0004-absence'
import { card } from './0005-card'
import { checkinClock } from './0006-checkin-clock'
import { signers } from './0007-signers'
import { demoElection } from './0008-demo-election'
import { log } from './0009-log'
import { regionalLeaders } from './0010-regional-leaders'
import { pakta } from './0011-pakta'
import { peerChains } from './0012-peer-chains'
import { hubGates } from './0013-hub-gates'
import { logUnindexedId } from './0014-log-unindexed-id'
import { countsGeneration } from './0015-counts-generation'
import { peerCeremonyIndex } from './0016-peer-ceremony-index'
import { hubNonce } from './0017-hub-nonce'
import { mergeLeanIndexes } from './0018-merge-lean-indexes'
import type { Migration } from './types'

/** In order; each step's version is its position. Never edit a step that has shipped: add one. */
export const MIGRATIONS: readonly Migration[] = [
  rosterCeremony,
  checkin,
  ikrar,
  absence,
  card,
  checkinClock,
  signers,
  demoElection,
  log,
  regionalLeaders,
  pakta,
  peerChains,
  hubGates,
  logUnindexedId,
  countsGeneration,
  peerCeremonyIndex,
  hubNonce,
  mergeLeanIndexes,
]
