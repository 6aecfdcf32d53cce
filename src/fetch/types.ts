/** The result of fetching one page: the bytes plus what the extraction log records. */
export interface FetchedPage {
  requestedUrl: string;
  finalUrl: string;
  status: number;
  contentType: string | null;
  body: Buffer;
  redirects: string[];
  headers: Record<string, string>;
  timings: { startedAt: string; totalMs: number };
}
