import assert from 'node:assert/strict';
import { classifyFailure } from '../../delivery/failure-kind';
import { parseRetryAfter } from '../../delivery/retry-after';
import { readSendError } from '../../delivery/send-error';

const NOW = new Date('2025-03-03T08:00:00Z');

describe('parseRetryAfter', () => {
  it('reads delay-seconds as milliseconds', () => {
    assert.equal(parseRetryAfter('3', NOW), 3_000);
    assert.equal(parseRetryAfter(' 0 ', NOW), 0);
  });

  it('reads an HTTP date as the time left until it', () => {
    assert.equal(parseRetryAfter('Mon, 03 Mar 2025 08:00:07 GMT', NOW), 7_000);
  });

  it('reads an HTTP date already past as no wait, and nonsense as nothing', () => {
    assert.equal(parseRetryAfter('Mon, 03 Mar 2025 07:59:00 GMT', NOW), 0);
    assert.equal(parseRetryAfter('soon', NOW), undefined);
  });
});

describe('readSendError', () => {
  it('finds the status in statusCode, status or response.status', () => {
    assert.equal(readSendError({ statusCode: 429 }, NOW).httpStatus, 429);
    assert.equal(readSendError({ status: 503 }, NOW).httpStatus, 503);
    assert.equal(readSendError({ response: { status: 403 } }, NOW).httpStatus, 403);
  });

  it('finds Retry-After in retryAfterMs, a plain header object of any case, or headers with get()', () => {
    assert.equal(readSendError({ status: 429, retryAfterMs: 1_500 }, NOW).retryAfterMs, 1_500);
    assert.equal(readSendError({ status: 429, response: { status: 429, headers: { 'Retry-After': '2' } } }, NOW).retryAfterMs, 2_000);
    assert.equal(readSendError({ status: 429, response: { status: 429, headers: { 'retry-after': ['4'] } } }, NOW).retryAfterMs, 4_000);
    const headers = new Headers({ 'retry-after': 'Mon, 03 Mar 2025 08:00:05 GMT' });
    assert.equal(readSendError({ response: { status: 429, headers } }, NOW).retryAfterMs, 5_000);
  });

  it('reports a network error as having no status, and keeps its code in the message', () => {
    const err = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    assert.deepEqual(readSendError(err, NOW), { message: 'socket hang up (ECONNRESET)' });
    const viaFetch = new TypeError('fetch failed', { cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }) });
    assert.deepEqual(readSendError(viaFetch, NOW), { message: 'fetch failed (ECONNREFUSED)' });
  });

  it('ignores a status field that is no HTTP status', () => {
    assert.equal(readSendError({ status: 'ENOTFOUND' }, NOW).httpStatus, undefined);
    assert.equal(readSendError({ statusCode: 42 }, NOW).httpStatus, undefined);
  });
});

describe('classifyFailure', () => {
  it('sorts statuses into throttled, transient, unreachable and rejected', () => {
    assert.equal(classifyFailure(429), 'throttled');
    for (const s of [412, 502, 503, 504, undefined]) assert.equal(classifyFailure(s), 'transient', String(s));
    for (const s of [403, 404]) assert.equal(classifyFailure(s), 'unreachable', String(s));
    for (const s of [400, 401, 409, 413, 500]) assert.equal(classifyFailure(s), 'rejected', String(s));
  });
});
