/**
 * Pure rules of communities of practice (decision 0039). A session is dated by the host agency's calendar day: not in
 * the future, not more than a year back (a facilitator records what happened, soon after), and lasts 15 minutes to a
 * day.
 */
export const SESSION_MINUTES = { min: 15, max: 1440 } as const;

export function sessionProblem(heldOn: string, durationMinutes: number, today: string): string | null {
  const parsed = /^\d{4}-\d{2}-\d{2}$/.test(heldOn) ? new Date(`${heldOn}T00:00:00Z`) : null;
  if (!parsed || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== heldOn)
    return 'Tanggal pertemuan tidak valid';
  if (heldOn > today) return 'Pertemuan yang belum terjadi tidak dapat dicatat';
  const yearAgo = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
  if (heldOn < yearAgo) return 'Pertemuan lebih dari setahun yang lalu tidak dapat dicatat';
  if (
    !Number.isInteger(durationMinutes) ||
    durationMinutes < SESSION_MINUTES.min ||
    durationMinutes > SESSION_MINUTES.max
  )
    return `Durasi pertemuan ${SESSION_MINUTES.min}–${SESSION_MINUTES.max} menit`;
  return null;
}

/** Who may create a community at an agency: an ASN who administers it or is a widyaiswara there. */
export function mayHostAt(f: { isAsn: boolean; adminThere: boolean; widyaiswaraThere: boolean }): boolean {
  return f.isAsn && (f.adminThere || f.widyaiswaraThere);
}
