import { readFileSync, readdirSync } from 'node:fs';

/**
 * The OpenAPI 3.1 description of the HTTP API, served at /api/openapi.json. Its body schemas
 * are the published JSON Schemas of schema/ (OpenAPI 3.1 speaks JSON Schema 2020-12), embedded
 * whole under their own `$id`, so the description and the files can never disagree.
 */
const SCHEMA_DIR = new URL('../../schema/', import.meta.url);
const API = 'https://claimfeed.dev/schema/api/2.json';
const CLAIM = 'https://claimfeed.dev/schema/claim-record/2.json';

type Json = Record<string, unknown>;

const body = (name: string): Json => ({ $ref: `${API}#/$defs/${name}` });
const json = (schema: Json, description: string): Json => ({ description, content: { 'application/json': { schema } } });
const error = (description: string): Json => json(body('error'), description);
const query = (name: string, description: string, schema: Json = { type: 'string' }): Json => ({ name, in: 'query', required: false, description, schema });

function schemaComponents(): Json {
  const components: Json = {};
  for (const file of readdirSync(SCHEMA_DIR).filter((name) => name.endsWith('.schema.json')).sort()) {
    const name = file.replace(/\.schema\.json$/, '').replace(/(^|-)([a-z])/g, (_, _dash: string, letter: string) => letter.toUpperCase());
    components[name] = JSON.parse(readFileSync(new URL(file, SCHEMA_DIR), 'utf8')) as Json;
  }
  return components;
}

function buildDocument(version: string): Json {
  const claimFilters = [
    query('article', 'Only the claims of this article id.'),
    query('actor', 'Speaker or any actor, canonical name or mention, case-insensitive.'),
    query('kind', 'Claim kind.', { enum: ['attributed', 'figure'] }),
    query('since', 'Added to the feed at or after: ISO 8601 time or epoch ms.'),
    query('until', 'Added to the feed at or before: ISO 8601 time or epoch ms.'),
    query('q', 'Full-text search: every word in the content, sentence or speaker. A bounded scan of the newest 20,000 feed entries per request; `next` continues it.', { type: 'string', maxLength: 200 }),
    query('cursor', 'The `next` of the previous page.'),
    query('limit', 'Claims per page.', { type: 'integer', minimum: 1, maximum: 500, default: 50 }),
    query('format', 'json, or csv (the columns of `claimfeed export`; the next cursor in the x-next-cursor header).', { enum: ['json', 'csv'], default: 'json' }),
  ];
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'claimfeed',
      version,
      description: 'Claim records from news articles: queue URLs, read articles with their claims and extraction logs, page or stream the claim feed. Every error is {"error": {"code", "message"}}.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'server.token; needed for writes when one is set.' } },
      schemas: schemaComponents(),
    },
    paths: {
      '/api/articles': {
        post: {
          summary: 'Queue article URLs',
          security: [{}, { bearer: [] }],
          requestBody: { required: true, content: { 'application/json': { schema: body('enqueueRequest') } } },
          responses: {
            '202': json(body('enqueueResponse'), 'One entry per URL, in request order.'),
            '400': error('The body is not {"urls": [...]} of at most 1000 strings.'),
            '401': error('A token is set and the request has none, or a wrong one.'),
            '413': error('The body is too large.'),
            '415': error('The body is not JSON.'),
          },
        },
        get: {
          summary: 'Recent articles',
          parameters: [query('limit', 'Articles to list.', { type: 'integer', minimum: 1, maximum: 500, default: 50 })],
          responses: { '200': json(body('articleList'), 'Most recently queued first.'), '400': error('A bad limit.') },
        },
      },
      '/api/articles/{id}': {
        get: {
          summary: 'One article: status, cleaned article, claims, extraction log',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '200': json(body('articleView'), 'The article.'), '404': error('No article with this id.') },
        },
      },
      '/api/claims': {
        get: {
          summary: 'A page of claims from the feed, newest first',
          parameters: claimFilters,
          responses: {
            '200': {
              description: 'Claims with their feed entry ids.',
              content: { 'application/json': { schema: body('claimPage') }, 'text/csv': { schema: { type: 'string' } } },
              headers: { 'x-next-cursor': { description: 'With format=csv: the cursor of the next page.', schema: { type: 'string' } } },
            },
            '400': error('An unknown parameter or a bad value.'),
          },
        },
      },
      '/api/claims/stream': {
        get: {
          summary: 'New claims as Server-Sent Events',
          description: 'One `claim` event per feed entry; its `id` is the stream id and its data a claim record. Resumes after `Last-Event-ID` (or `?from=ID`).',
          parameters: [query('from', 'Resume after this stream id.'), { name: 'Last-Event-ID', in: 'header', required: false, schema: { type: 'string' } }],
          responses: { '200': { description: 'An event stream; each event data validates against ClaimRecord.', content: { 'text/event-stream': { schema: { type: 'string' }, itemSchema: { $ref: CLAIM } } } } },
        },
      },
      '/api/failures': {
        get: {
          summary: 'Failure records, most recent first',
          parameters: [query('limit', 'Records to list.', { type: 'integer', minimum: 1, maximum: 1000, default: 100 })],
          responses: { '200': json(body('failureList'), 'Failure records.') },
        },
      },
      '/api/openapi.json': { get: { summary: 'This description', responses: { '200': { description: 'OpenAPI 3.1', content: { 'application/json': { schema: { type: 'object' } } } } } } },
      '/healthz': {
        get: {
          summary: 'Whether Redis answers',
          responses: { '200': json(body('health'), 'Redis answers.'), '503': json(body('health'), 'Redis does not answer.') },
        },
      },
      '/metrics': { get: { summary: 'Prometheus metrics', responses: { '200': { description: 'Text exposition format.', content: { 'text/plain': { schema: { type: 'string' } } } } } } },
    },
  };
}

let cached: string | null = null;

/** The description as JSON text, built once. */
export function openApiDocument(): string {
  if (cached === null) {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    cached = JSON.stringify(buildDocument(pkg.version ?? '0.0.0'));
  }
  return cached;
}
