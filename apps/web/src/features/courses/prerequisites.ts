/** A course a prerequisite can be chosen from (the catalog's and the author's own lists). */
export interface PrerequisiteCandidate {
  id: string;
  title: string;
  status: string;
}

/**
 * The options of a course's prerequisite picker: the other published courses, by title, each once; then the saved
 * prerequisites the author cannot see (anymore), under `unknownLabel`, so they can still be removed.
 */
export function prerequisiteOptions(
  candidates: PrerequisiteCandidate[],
  courseId: string,
  saved: readonly string[],
  unknownLabel: string,
): Array<{ value: string; label: string }> {
  const byId = new Map(
    candidates.filter((c) => c.id !== courseId && c.status === 'published').map((c) => [c.id, c.title]),
  );
  const options = [...byId].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label));
  return [...options, ...saved.filter((id) => !byId.has(id)).map((id) => ({ value: id, label: unknownLabel }))];
}

/** Whether the picked set differs from the saved one (order does not count). */
export function selectionChanged(picked: readonly string[], saved: readonly string[]): boolean {
  return picked.length !== saved.length || picked.some((id) => !saved.includes(id));
}
