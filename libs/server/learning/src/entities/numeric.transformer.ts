import type { ValueTransformer } from 'typeorm';

/** PostgreSQL numeric/bigint arrive as strings; JP values and file sizes fit a JS number. */
export const asNumber: ValueTransformer = {
  to: (v: number | null | undefined) => v,
  from: (v: string | null) => (v === null || v === undefined ? null : Number(v)),
};
