/**
 * The seconds of a video a learner actually played (docs/learning.md, "Time and video the server credits"): the
 * playhead is sampled while the video plays, and only continuous advances count — a jump forward (seeking) or back
 * starts a new stretch, and re-watching a part does not count twice. The share is reported to the server, which
 * bounds it again by the time that really passed.
 */
export type Interval = [number, number];

/** Watched stretches merged: overlapping or touching (within half a second) stretches become one. */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  const out: Interval[] = [];
  for (const [start, end] of sorted) {
    const last = out[out.length - 1];
    if (last && start <= last[1] + 0.5) last[1] = Math.max(last[1], end);
    else out.push([start, end]);
  }
  return out;
}

export const watchedSeconds = (intervals: readonly Interval[]): number =>
  intervals.reduce((sum, [a, b]) => sum + (b - a), 0);

/** Stretches kept in localStorage by older players: only well-formed pairs are taken back. */
export function readIntervals(raw: unknown): Interval[] {
  return Array.isArray(raw)
    ? raw.filter(
        (i): i is Interval =>
          Array.isArray(i) &&
          i.length === 2 &&
          i.every((n) => typeof n === 'number' && Number.isFinite(n)) &&
          i[0] <= i[1],
      )
    : [];
}

export class WatchTracker {
  private last: number | null = null;
  private stretches: Interval[];

  /**
   * @param maxStep the largest advance between two samples that still counts as playing, in seconds: the sampling
   *   period times the fastest playback speed, with some slack (a longer jump is a seek).
   */
  constructor(
    initial: readonly Interval[],
    private readonly maxStep: number,
  ) {
    this.stretches = mergeIntervals(initial);
  }

  get intervals(): Interval[] {
    return this.stretches;
  }

  /** A sample of the playhead while the video plays. Returns whether the watched time grew. */
  playing(time: number): boolean {
    const last = this.last;
    this.last = time;
    if (last === null || !(time > last) || time - last > this.maxStep) return false;
    this.stretches = mergeIntervals([...this.stretches, [last, time]]);
    return true;
  }

  /** Playback stopped or jumped (pause, seek, end): the next sample starts a new stretch from `time`. */
  interrupt(time: number | null = null): void {
    this.last = time;
  }

  seconds(): number {
    return watchedSeconds(this.stretches);
  }

  /** The share of a video of `duration` seconds watched (0 when the duration is unknown). */
  ratio(duration: number): number {
    return duration > 0 ? Math.min(1, this.seconds() / duration) : 0;
  }
}
