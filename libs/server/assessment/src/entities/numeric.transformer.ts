import type { ValueTransformer } from 'typeorm';

/** PostgreSQL numeric arrives as a string (exact decimal); scores and points are small enough for a JS number. */
export const numeric: ValueTransformer = {
  to: (v: number | null | undefined) => v,
  from: (v: string | null) => (v === null || v === undefined ? null : Number(v)),
};
