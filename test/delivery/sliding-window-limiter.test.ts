import assert from 'node:assert/strict';
import { TEAMS_RATE_LIMITS, type WindowLimit } from '../../delivery/rate-limits';
import { SlidingWindowLimiter } from '../../delivery/sliding-window-limiter';
import { VirtualTime } from './support/virtual-time';
import { maxInAnyWindow } from './support/windows';

const HOUR = 3_600_000;

/** Sends as fast as the limiter allows; returns the instants of the sends. */
function sendGreedily(limiter: SlidingWindowLimiter, time: VirtualTime, key: string, count: number): number[] {
  const sent: number[] = [];
  for (let i = 0; i < count; i++) {
    time.advance(limiter.waitMs(key));
    assert.equal(limiter.waitMs(key), 0, 'the wait it named must be enough');
    limiter.record(key);
    sent.push(time.now());
  }
  return sent;
}

describe('SlidingWindowLimiter', () => {
  const conversationLimits = TEAMS_RATE_LIMITS.perConversation;

  it('lets exactly 7 sends through in a second and makes the 8th wait for the first to age out', () => {
    const time = new VirtualTime();
    const limiter = new SlidingWindowLimiter(conversationLimits, time.clock);
    for (let i = 0; i < 7; i++) {
      assert.equal(limiter.waitMs('c'), 0, `send ${i + 1} may go at once`);
      limiter.record('c');
      time.advance(100);
    }
    assert.equal(limiter.waitMs('c'), 300);
    time.advance(299);
    assert.equal(limiter.waitMs('c'), 1);
    time.advance(1);
    assert.equal(limiter.waitMs('c'), 0);
  });

  it('holds the 9th send in two seconds back even when the one-second window has room', () => {
    const time = new VirtualTime();
    const limiter = new SlidingWindowLimiter(conversationLimits, time.clock);
    for (let i = 0; i < 7; i++) limiter.record('c');
    time.advance(1_000);
    assert.equal(limiter.waitMs('c'), 0);
    limiter.record('c');
    assert.equal(limiter.waitMs('c'), 1_000);
  });

  it('lets no more than 60 sends through in any 30 seconds', () => {
    const time = new VirtualTime();
    const limiter = new SlidingWindowLimiter(conversationLimits, time.clock);
    const sent = sendGreedily(limiter, time, 'c', 150);
    assert.equal(maxInAnyWindow(sent, 30_000), 60);
    assert.equal(sent[60]! - sent[0]!, 30_000, 'the 61st waits exactly until the 1st ages out');
    assert.ok(maxInAnyWindow(sent, 1_000) <= 7 && maxInAnyWindow(sent, 2_000) <= 8);
  });

  it('lets no more than 1800 sends through in any hour, late by at most one bucket', () => {
    const time = new VirtualTime();
    const limiter = new SlidingWindowLimiter(conversationLimits, time.clock);
    const sent = sendGreedily(limiter, time, 'c', 2_000);
    assert.equal(maxInAnyWindow(sent, HOUR), 1_800);
    const wait = sent[1_800]! - sent[0]!;
    assert.ok(wait >= HOUR && wait <= HOUR + 60_000, `the 1801st went ${wait - HOUR} ms after the hour`);
  });

  it('keeps the hour window in about 60 buckets however many sends it counts', () => {
    const time = new VirtualTime();
    const limiter = new SlidingWindowLimiter(conversationLimits, time.clock);
    sendGreedily(limiter, time, 'c', 1_800);
    // 7 + 8 + 60 exact entries for the short windows, and at most 61 minute buckets for the hour.
    assert.ok(limiter.storedEntries() <= 7 + 8 + 60 + 61, `holds ${limiter.storedEntries()} entries`);
  });

  it('counts keys separately, as the global bucket of 50 a second counts each tenant', () => {
    const time = new VirtualTime();
    const limiter = new SlidingWindowLimiter(TEAMS_RATE_LIMITS.global, time.clock);
    for (let i = 0; i < 50; i++) limiter.record('tenant-a');
    assert.equal(limiter.waitMs('tenant-a'), 1_000);
    assert.equal(limiter.waitMs('tenant-b'), 0);
  });

  it('holds a paused key back until the pause ends, and other keys not at all', () => {
    const time = new VirtualTime();
    const limiter = new SlidingWindowLimiter(conversationLimits, time.clock);
    limiter.pause('c', 2_500);
    limiter.pause('c', 1_000);
    assert.equal(limiter.waitMs('c'), 2_500, 'a shorter pause does not cut a longer one');
    assert.equal(limiter.waitMs('other'), 0);
    time.advance(2_500);
    assert.equal(limiter.waitMs('c'), 0);
  });

  it('forgets conversations once nothing of theirs is left in any window', () => {
    const time = new VirtualTime();
    const limiter = new SlidingWindowLimiter(conversationLimits, time.clock);
    for (let i = 0; i < 100; i++) limiter.record(`c${i}`);
    time.advance(HOUR / 2);
    limiter.waitMs('someone-else');
    assert.equal(limiter.trackedKeys, 100, 'the hour window still counts them');
    time.advance(HOUR / 2);
    limiter.waitMs('someone-else');
    assert.equal(limiter.trackedKeys, 0);
    assert.equal(limiter.storedEntries(), 0);
  });

  it('refuses a limit that could never let a send through', () => {
    const time = new VirtualTime();
    const bad: WindowLimit[] = [{ limit: 0, windowMs: 1_000 }];
    assert.throws(() => new SlidingWindowLimiter(bad, time.clock), RangeError);
  });
});
