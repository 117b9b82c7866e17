import { describe, expect, it } from '@jest/globals';
import { mergeIntervals, readIntervals, WatchTracker, watchedSeconds } from './watched';

describe('watched seconds', () => {
  it('merges overlapping and touching stretches', () => {
    expect(
      mergeIntervals([
        [10, 20],
        [0, 5],
        [5.3, 8],
        [15, 25],
      ]),
    ).toEqual([
      [0, 8],
      [10, 25],
    ]);
    expect(
      watchedSeconds([
        [0, 8],
        [10, 25],
      ]),
    ).toBe(23);
  });

  it('counts continuous playback sampled every half second', () => {
    const tracker = new WatchTracker([], 2.5);
    for (let t = 0; t <= 10; t += 0.5) tracker.playing(t);
    expect(tracker.seconds()).toBe(10);
    expect(tracker.ratio(20)).toBe(0.5);
  });

  it('does not count a seek forward, nor the same part twice', () => {
    const tracker = new WatchTracker([], 2.5);
    for (const t of [0, 0.5, 1, 1.5, 2]) tracker.playing(t);
    // The learner drags the playhead to 50 s: the jump is not watching.
    for (const t of [50, 50.5, 51]) tracker.playing(t);
    // Back to the start and watching the first two seconds again adds nothing.
    tracker.interrupt(0);
    for (const t of [0.5, 1, 1.5, 2]) tracker.playing(t);
    expect(tracker.seconds()).toBe(3);
    expect(tracker.intervals).toEqual([
      [0, 2],
      [50, 51],
    ]);
  });

  it('counts 2× playback but starts a new stretch after a pause', () => {
    const tracker = new WatchTracker([], 2.5);
    for (const t of [0, 1, 2, 3, 4]) tracker.playing(t);
    tracker.interrupt();
    for (const t of [4, 6, 8]) tracker.playing(t);
    expect(tracker.seconds()).toBe(8);
  });

  it('keeps what was watched before (stored stretches) and caps the share at 1', () => {
    const tracker = new WatchTracker(readIntervals([[0, 30], 'x', [40, 35], [1, 2, 3]]), 2.5);
    expect(tracker.intervals).toEqual([[0, 30]]);
    for (const t of [29, 30, 31]) tracker.playing(t);
    expect(tracker.seconds()).toBe(31);
    expect(tracker.ratio(30)).toBe(1);
    expect(tracker.ratio(0)).toBe(0);
  });
});
