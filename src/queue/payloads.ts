import { ClaimfeedError } from '../errors.js';
import { isRecord } from '../rules/table.js';

/**
 * Job payloads. They cross processes, machines and releases (jobs wait in Redis across a
 * deploy), so they carry ids, never HTML, and a version `v` checked on the way in.
 */
export const QUEUE_NAMES = { fetch: 'fetch', process: 'process' } as const;
export type Stage = keyof typeof QUEUE_NAMES;
export const STAGES = Object.keys(QUEUE_NAMES) as Stage[];

export interface FetchJobData {
  v: 1;
  articleId: string;
  url: string;
  /** The article version this job is for; a job for an older version is skipped. */
  version: number;
  /** Epoch ms when the URL was queued (for enqueue → feed latency). */
  enqueuedAt: number;
  /** Send a conditional GET with the validators of the previous fetch. */
  refresh: boolean;
  /** A politeness slot (epoch ms) the per-host gate reserved for this job. */
  slotAt?: number;
}

export interface ProcessJobData {
  v: 1;
  articleId: string;
  version: number;
  enqueuedAt: number;
}

/** jobId per stage and article version: BullMQ drops a second add with the same id. */
export function jobId(articleId: string, version: number): string {
  return `${articleId}-v${version}`;
}

export function parseFetchJob(data: unknown): FetchJobData {
  const base = parseBase(data, 'fetch');
  const record = data as Record<string, unknown>;
  if (typeof record.url !== 'string') throw badPayload('fetch', 'url');
  const parsed: FetchJobData = { ...base, url: record.url, refresh: record.refresh === true };
  if (typeof record.slotAt === 'number') parsed.slotAt = record.slotAt;
  return parsed;
}

export function parseProcessJob(data: unknown): ProcessJobData {
  return parseBase(data, 'process');
}

function parseBase(data: unknown, stage: Stage): ProcessJobData {
  if (!isRecord(data)) throw badPayload(stage, 'object');
  if (data.v !== 1) throw new ClaimfeedError('INTERNAL', `Unsupported ${stage} job payload version ${JSON.stringify(data.v)}`, { permanent: true });
  if (typeof data.articleId !== 'string' || data.articleId === '') throw badPayload(stage, 'articleId');
  if (typeof data.version !== 'number') throw badPayload(stage, 'version');
  return { v: 1, articleId: data.articleId, version: data.version, enqueuedAt: typeof data.enqueuedAt === 'number' ? data.enqueuedAt : Date.now() };
}

function badPayload(stage: Stage, field: string): ClaimfeedError {
  return new ClaimfeedError('INTERNAL', `Malformed ${stage} job payload: bad "${field}"`, { permanent: true });
}
