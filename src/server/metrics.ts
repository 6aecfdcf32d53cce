import { Job, QueueEvents, type Queue } from 'bullmq';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** One pipeline queue as the metrics see it: which stage it is and the queue itself. */
export interface StageQueue {
  stage: string;
  queue: Queue;
}

export interface MetricsOptions {
  /** Listen to queue events for per-stage counts and latencies (needs Redis). */
  followQueues: boolean;
  /** Distinct host labels kept before further hosts are counted as "other". */
  maxHosts?: number;
}

const PREFIX = 'claimfeed_';
const JOB_STATES = ['waiting', 'active', 'delayed', 'failed', 'completed', 'prioritized', 'waiting-children'] as const;

/**
 * The /metrics registry. Stage counts and latencies come from BullMQ's queue events in Redis,
 * so they cover workers in every process and on every machine, not just this one.
 */
export class ServerMetrics {
  readonly registry = new Registry();
  private readonly httpRequests: Counter<'method' | 'route' | 'status'>;
  private readonly httpDuration: Histogram<'method' | 'route'>;
  private readonly stageJobs: Counter<'stage' | 'outcome'>;
  private readonly stageDuration: Histogram<'stage'>;
  private readonly fetchOutcomes: Counter<'host' | 'outcome'>;
  private readonly hosts = new Set<string>();
  private readonly events: QueueEvents[] = [];

  constructor(private readonly queues: readonly StageQueue[], private readonly options: MetricsOptions) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry, prefix: PREFIX });
    this.httpRequests = new Counter({ name: `${PREFIX}http_requests_total`, help: 'HTTP requests answered, by route and status', labelNames: ['method', 'route', 'status'], registers });
    this.httpDuration = new Histogram({
      name: `${PREFIX}http_request_duration_seconds`,
      help: 'Server time per HTTP request, by route',
      labelNames: ['method', 'route'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    });
    this.stageJobs = new Counter({ name: `${PREFIX}stage_jobs_total`, help: 'Pipeline jobs finished, by stage and outcome (completed/failed)', labelNames: ['stage', 'outcome'], registers });
    this.stageDuration = new Histogram({
      name: `${PREFIX}stage_duration_seconds`,
      help: 'Processing time of completed pipeline jobs, by stage',
      labelNames: ['stage'],
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    });
    this.fetchOutcomes = new Counter({ name: `${PREFIX}fetch_outcomes_total`, help: 'Fetch jobs finished, by host and outcome', labelNames: ['host', 'outcome'], registers });
    const stageQueues = this.queues;
    new Gauge({
      name: `${PREFIX}queue_jobs`,
      help: 'Jobs in each pipeline queue, by state',
      labelNames: ['stage', 'state'],
      registers,
      async collect() {
        this.reset();
        await Promise.all(
          stageQueues.map(async ({ stage, queue }) => {
            const counts = await queue.getJobCounts(...JOB_STATES);
            for (const state of JOB_STATES) this.set({ stage, state }, counts[state] ?? 0);
          }),
        );
      },
    });
  }

  observeRequest(method: string, route: string, status: number, seconds: number): void {
    this.httpRequests.inc({ method, route, status: String(status) });
    this.httpDuration.observe({ method, route }, seconds);
  }

  /** Starts following queue events; resolves once every listener is connected. */
  async start(): Promise<void> {
    if (!this.options.followQueues) return;
    for (const { stage, queue } of this.queues) {
      const events = new QueueEvents(queue.name, { connection: queue.opts.connection, prefix: queue.opts.prefix ?? 'bull' });
      events.on('completed', ({ jobId }) => void this.onFinished(stage, queue, jobId, 'completed'));
      events.on('failed', ({ jobId }) => void this.onFinished(stage, queue, jobId, 'failed'));
      // A Redis hiccup must not become an unhandled 'error' event that takes the server down.
      events.on('error', () => undefined);
      this.events.push(events);
    }
    await Promise.all(this.events.map((events) => events.waitUntilReady()));
  }

  async close(): Promise<void> {
    await Promise.all(this.events.splice(0).map((events) => events.close()));
  }

  private async onFinished(stage: string, queue: Queue, jobId: string, outcome: 'completed' | 'failed'): Promise<void> {
    this.stageJobs.inc({ stage, outcome });
    try {
      const job = await Job.fromId(queue, jobId);
      if (!job) return;
      if (outcome === 'completed' && job.processedOn !== undefined && job.finishedOn !== undefined) {
        this.stageDuration.observe({ stage }, Math.max(0, job.finishedOn - job.processedOn) / 1000);
      }
      if (stage === 'fetch') this.fetchOutcomes.inc({ host: this.hostLabel(job.data), outcome });
    } catch {
      // The job may already be removed by retention; the count above still stands.
    }
  }

  private hostLabel(data: unknown): string {
    const url = typeof data === 'object' && data !== null && 'url' in data && typeof data.url === 'string' ? data.url : null;
    let host = 'unknown';
    try {
      if (url !== null) host = new URL(url).host;
    } catch {
      return host;
    }
    if (this.hosts.has(host)) return host;
    if (this.hosts.size >= (this.options.maxHosts ?? 500)) return 'other';
    this.hosts.add(host);
    return host;
  }
}
