import type { Page } from './api';

/** The SIASN push as the admin page sees it (issue 17, docs/siasn.md). */

export const SIASN_PUSH_STATUSES = ['pending', 'sent', 'acknowledged', 'failed', 'parked'] as const;
export type SiasnPushStatusName = (typeof SIASN_PUSH_STATUSES)[number];

/** The certificate PDF's upload to the acknowledged record (`/upload-dok-rw`); null until the record is acknowledged. */
export const SIASN_DOCUMENT_STATUSES = ['pending', 'uploaded', 'failed', 'parked'] as const;
export type SiasnDocumentStatus = (typeof SIASN_DOCUMENT_STATUSES)[number];

export interface SiasnPushItem {
  id: string;
  employeeId: string;
  nip: string;
  name: string | null;
  course: string;
  certificateNumber: string;
  jp: number;
  status: SiasnPushStatusName;
  attempts: number;
  /** The last error in words (SIASN's own message where it gave one). */
  lastError: string | null;
  siasnRecordId: string | null;
  documentStatus: SiasnDocumentStatus | null;
  documentError: string | null;
  createdAt: string;
  acknowledgedAt: string | null;
}

export type SiasnPushCounts = Record<SiasnPushStatusName, number>;

export interface SiasnCredentialsView {
  agencyId: string;
  /** Where the agency's pushes go: its own credentials, the install's default (SIASN_* variables), or nowhere. */
  source: 'agency' | 'install_default' | 'none';
  /** The stored credentials (secrets only as set/not set), or null when the agency has none. */
  stored: {
    baseUrl: string;
    apimTokenUrl: string;
    ssoTokenUrl: string;
    ssoClientId: string;
    ssoUsername: string;
    apimKeySet: boolean;
    apimSecretSet: boolean;
    ssoPasswordSet: boolean;
    enabled: boolean;
    updatedAt: string;
  } | null;
  /** False when the server has no SIASN_CREDENTIALS_KEY (credentials cannot be stored). */
  canStore: boolean;
  /** The agency's SIASN instansiId (from the agency record); pushes are parked without it. */
  instansiId: string | null;
}

export interface SiasnConnectionTest {
  ok: boolean;
  /** What happened, in words: both tokens fetched, or which one failed and why. */
  message: string;
  gatewayToken: boolean;
  ssoToken: boolean;
}

export const SIASN_DIFFERENCE_KINDS = ['missing_at_siasn', 'different', 'record_id_mismatch', 'unreadable'] as const;
export type SiasnDifferenceKind = (typeof SIASN_DIFFERENCE_KINDS)[number];

export interface SiasnReconciliationRun {
  id: string;
  agencyId: string;
  status: 'requested' | 'running' | 'done' | 'failed';
  requestedAt: string;
  finishedAt: string | null;
  /** Acknowledged pushes compared. */
  checked: number;
  differences: number;
  error: string | null;
}

export interface SiasnReconciliationItem {
  id: string;
  pushId: string;
  nip: string;
  certificateNumber: string;
  kind: SiasnDifferenceKind;
  /** What differs, in words (e.g. "JP: dikirim 20, di SIASN 18"). */
  detail: string;
}

/** The latest finished run and a page of its differences (`total` counts them all); `open`: a run waiting or running. */
export interface SiasnReconciliationReport extends Page<SiasnReconciliationItem> {
  run: SiasnReconciliationRun | null;
  open: SiasnReconciliationRun | null;
}

export interface SiasnOfficialIpAsn {
  employeeId: string;
  /** null when SIASN has no score for the ASN (or SIASN is not configured). */
  score: Record<string, unknown> | null;
  /** The headline number when SIASN gives one (`nilaiIpAsn`, `ipAsn` or `total`). */
  total: number | null;
  /** When it was read from SIASN; null when never read. */
  fetchedAt: string | null;
  error: string | null;
}
