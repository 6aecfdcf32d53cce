/**
 * Redis stream entry ids (`<ms>-<seq>`, each part an unsigned 64-bit number). Anything outside
 * that range makes Redis answer with an error, so ids from users are checked here first.
 */
const U64_MAX = 18446744073709551615n;
const STREAM_ID = /^(\d{1,20})(?:-(\d{1,20}))?$/;

/** Whether `value` is a stream id (`ms-seq`, or `ms` alone) Redis accepts. */
export function isStreamId(value: string): boolean {
  const match = STREAM_ID.exec(value);
  if (match === null) return false;
  return BigInt(match[1] ?? '0') <= U64_MAX && (match[2] === undefined || BigInt(match[2]) <= U64_MAX);
}

/** Orders two valid stream ids: negative when `a` is older. */
export function compareStreamIds(a: string, b: string): number {
  const [aMs = 0n, aSeq = 0n] = a.split('-').map((part) => BigInt(part));
  const [bMs = 0n, bSeq = 0n] = b.split('-').map((part) => BigInt(part));
  if (aMs !== bMs) return aMs < bMs ? -1 : 1;
  return aSeq === bSeq ? 0 : aSeq < bSeq ? -1 : 1;
}

/** Latest time a JavaScript Date can hold (ms since the epoch): later `since`/`until` values are nonsense. */
export const MAX_TIME_MS = 8.64e15;
