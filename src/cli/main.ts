#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import { ChannelCredentials, ClientError, createChannel, createClientFactory, Metadata, Status } from 'nice-grpc';
import { deadlineMiddleware } from 'nice-grpc-client-middleware-deadline';
import { isAbortError } from '../runtime/wire';
import {
  Event,
  ExecutePrimitiveRequest,
  ExecutePrimitiveResponse,
  VoiceCoreServiceDefinition,
} from '../../generated/voice_core/voice_core';
import { createDefaultRegistry } from '../primitives/defaults';
import { DEFAULT_STATE_MACHINE_OPTIONS } from '../primitives/objective/state-machine';
import { DEFAULT_TIMEOUT_SECONDS, MAX_TIMEOUT_SECONDS } from '../runtime/voice-core';
import { createLogger } from '../runtime/logger';
import type { RedisStores } from '../runtime/redis/redis-stores';
import { DEFAULT_PORT, startVoiceCoreServer } from '../server/server';
import { channelLimitsFromEnv } from '../server/channel-limits';
import { limitsFromEnv } from '../server/limits';
import { redisConfigFrom, type RedisConfig } from '../server/redis-config';
import { createApiKey } from '../server/auth/api-keys';
import type { AuthOptions } from '../server/auth/authenticator';
import { startTracingFromEnv } from '../server/observability/otel-sdk';
import { VERSION } from '../version';

const USAGE = `voice-core ${VERSION}

Usage:
  voice-core serve [--port 50051] [--host 127.0.0.1] [--tls-cert server.crt --tls-key server.key [--tls-client-ca ca.crt]]
                   [--api-keys-file keys.txt] [--allow-unauthenticated] [--reflection on|off]
                   [--metrics-port 9464] [--redis-url redis://127.0.0.1:6379 | --redis-cluster-nodes h1:7000,h2:7001
                   | --redis-sentinels h1:26379,h2:26379 --redis-sentinel-name mymaster]
                   [--redis-session-cache-size 10000] [--redis-empty-log-ttl-ms 60000]
      Runs the gRPC server. Sessions and events are in memory (no other dependency) unless
      --redis-url (or VOICE_CORE_REDIS_URL) names a Redis (redis:// or rediss:// for TLS),
      --redis-cluster-nodes (VOICE_CORE_REDIS_CLUSTER_NODES) a few nodes of a Redis Cluster, or
      --redis-sentinels with --redis-sentinel-name (VOICE_CORE_REDIS_SENTINELS, VOICE_CORE_REDIS_SENTINEL_NAME)
      the Sentinels of a master: then several replicas can share them and a restart loses nothing.
      --redis-session-cache-size (VOICE_CORE_REDIS_SESSION_CACHE_SIZE): sessions each process remembers
      to run a turn in one round trip (0: off). --redis-empty-log-ttl-ms (VOICE_CORE_REDIS_EMPTY_LOG_TTL_MS):
      how long a log a subscription created, still empty, outlives its last subscriber.
      --metrics-port (or VOICE_CORE_METRICS_PORT) serves Prometheus metrics at http://host:port/metrics; off by default.
      Without a credential source (API keys, JWT, mTLS) it listens on loopback only, unless
      --allow-unauthenticated. SIGHUP re-reads the key file, a JWKS file and the TLS files.
  voice-core call [--address localhost:50051] [--follow] '<request JSON>' | --file request.json | - (stdin)
      Sends ExecutePrimitive and prints the JSON response. --follow then prints the
      conversation's events as they arrive (Ctrl-C to stop).
  voice-core events <conversation_id> [--address localhost:50051] [--from-sequence 0]
      Prints a conversation's retained events, then follows live ones.
      call and events take --api-key (or VOICE_CORE_API_KEY: an API key or a JWT), and for TLS --tls-ca ca.crt
      [--tls-cert client.crt --tls-key client.key].
  voice-core keys create <tenant> --file keys.txt
      Generates an API key for the tenant, prints it once, and appends its hash to the file.

Environment (serve): VOICE_CORE_LOG_LEVEL (info), VOICE_CORE_DRAIN_TIMEOUT_MS (10000),
VOICE_CORE_DEFAULT_TIMEOUT_SECONDS (${DEFAULT_TIMEOUT_SECONDS}), VOICE_CORE_MIN_CONFIDENCE (0.4),
VOICE_CORE_SESSION_TTL_SECONDS (1800), VOICE_CORE_EVENTS_PER_CONVERSATION (1000),
VOICE_CORE_REDIS_URL (none: in memory), VOICE_CORE_REDIS_COMMAND_TIMEOUT_MS (1000),
VOICE_CORE_REDIS_SENTINEL_PASSWORD and VOICE_CORE_REDIS_PASSWORD (the Sentinels' and the master's, with --redis-sentinels),
VOICE_CORE_API_KEYS_FILE, VOICE_CORE_JWT_JWKS (file or https URL), VOICE_CORE_JWT_ISSUER,
VOICE_CORE_JWT_AUDIENCE, VOICE_CORE_JWT_TENANT_CLAIM (tenant), VOICE_CORE_TLS_CERT, VOICE_CORE_TLS_KEY,
VOICE_CORE_TLS_CLIENT_CA, VOICE_CORE_ALLOW_UNAUTHENTICATED (false), VOICE_CORE_REFLECTION (on).
Limits and quotas (VOICE_CORE_TENANT_CALLS_PER_SECOND, VOICE_CORE_MAX_IN_FLIGHT, VOICE_CORE_MAX_CONCURRENT_STREAMS, ...):
see the README's "Limits and quotas" for every variable and its default.
Traces: the standard OTEL_* variables (OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_EXPORTER_OTLP_PROTOCOL, ...);
nothing is traced unless they configure an exporter.`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'serve':
      return serve(rest);
    case 'call':
      return call(rest);
    case 'events':
      return events(rest);
    case 'keys':
      return keys(rest);
    case undefined:
    case '-h':
    case '--help':
    case 'help':
      process.stdout.write(`${USAGE}\n`);
      return command === undefined ? 2 : 0;
    case '--version':
      process.stdout.write(`${VERSION}\n`);
      return 0;
    default:
      process.stderr.write(`unknown command "${command}"\n\n${USAGE}\n`);
      return 2;
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function numberFromEnv(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`);
  return value;
}

async function serve(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string', default: String(DEFAULT_PORT) },
      host: { type: 'string', default: '127.0.0.1' },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
      'tls-client-ca': { type: 'string' },
      'api-keys-file': { type: 'string' },
      'allow-unauthenticated': { type: 'boolean', default: false },
      reflection: { type: 'string' },
      'metrics-port': { type: 'string' },
      'redis-url': { type: 'string' },
      'redis-cluster-nodes': { type: 'string' },
      'redis-sentinels': { type: 'string' },
      'redis-sentinel-name': { type: 'string' },
      'redis-session-cache-size': { type: 'string' },
      'redis-empty-log-ttl-ms': { type: 'string' },
    },
  });
  const certFile = values['tls-cert'] ?? nonEmpty(process.env.VOICE_CORE_TLS_CERT);
  const keyFile = values['tls-key'] ?? nonEmpty(process.env.VOICE_CORE_TLS_KEY);
  const clientCaFile = values['tls-client-ca'] ?? nonEmpty(process.env.VOICE_CORE_TLS_CLIENT_CA);
  if ((certFile === undefined) !== (keyFile === undefined)) throw new Error('--tls-cert and --tls-key go together');
  if (clientCaFile !== undefined && certFile === undefined) throw new Error('--tls-client-ca needs --tls-cert and --tls-key');
  const reflection = flagFromEnv('--reflection (VOICE_CORE_REFLECTION)', values.reflection ?? process.env.VOICE_CORE_REFLECTION, true);
  const allowUnauthenticated =
    values['allow-unauthenticated'] || flagFromEnv('VOICE_CORE_ALLOW_UNAUTHENTICATED', process.env.VOICE_CORE_ALLOW_UNAUTHENTICATED, false);
  const auth = authFromEnv(values['api-keys-file']);
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number, got "${values.port}"`);
  const metricsPortText = values['metrics-port'] ?? process.env.VOICE_CORE_METRICS_PORT;
  let metricsPort: number | undefined;
  if (metricsPortText !== undefined && metricsPortText !== '') {
    metricsPort = Number(metricsPortText);
    if (!Number.isInteger(metricsPort) || metricsPort < 0 || metricsPort > 65535) {
      throw new Error(`--metrics-port (VOICE_CORE_METRICS_PORT) must be a port number, got "${metricsPortText}"`);
    }
  }
  const minConfidence = numberFromEnv('VOICE_CORE_MIN_CONFIDENCE');
  if (minConfidence !== undefined && minConfidence > 1) throw new Error('VOICE_CORE_MIN_CONFIDENCE must be within 0..1');
  const sessionTtlSeconds = numberFromEnv('VOICE_CORE_SESSION_TTL_SECONDS');
  const eventsPerConversation = numberFromEnv('VOICE_CORE_EVENTS_PER_CONVERSATION');
  const tracing = await startTracingFromEnv(process.env);
  const logger = createLogger();
  const redis = redisConfigFrom(values, process.env);
  let stores: RedisStores | undefined;
  if (redis !== undefined) {
    // Loaded only when asked for: the in-memory default starts without ioredis.
    const { createRedisStores } = await import('../runtime/redis/redis-stores');
    const { target, ...tuning } = redisTarget(redis);
    stores = createRedisStores({
      ...target,
      ...tuning,
      commandTimeoutMs: numberFromEnv('VOICE_CORE_REDIS_COMMAND_TIMEOUT_MS'),
      sessionTtlMs: sessionTtlSeconds === undefined ? undefined : sessionTtlSeconds * 1000,
      maxEventsPerConversation: eventsPerConversation === undefined ? undefined : Math.floor(eventsPerConversation),
      logger,
    });
    // Serve even if Redis is not there yet: health says NOT_SERVING until it is.
    if (!(await stores.ready(5000))) logger.warn({}, 'Redis is not reachable yet; serving NOT_SERVING until it is');
  }
  const server = await startVoiceCoreServer({
    channel: channelLimitsFromEnv(process.env),
    // With Redis, the per-tenant call quota is shared by every replica.
    limits: { ...limitsFromEnv(process.env), redis: stores?.commandClient },
    tracing: tracing !== undefined,
    metrics: metricsPort === undefined ? undefined : { port: metricsPort },
    address: `${values.host.includes(':') ? `[${values.host}]` : values.host}:${port}`,
    logger,
    drainTimeoutMs: numberFromEnv('VOICE_CORE_DRAIN_TIMEOUT_MS'),
    tls: certFile !== undefined && keyFile !== undefined ? { certFile, keyFile, clientCaFile } : undefined,
    auth,
    allowUnauthenticated,
    reflection,
    core: {
      registry: createDefaultRegistry({
        ...DEFAULT_STATE_MACHINE_OPTIONS,
        minConfidence: minConfidence ?? DEFAULT_STATE_MACHINE_OPTIONS.minConfidence,
      }),
      defaultTimeoutSeconds: numberFromEnv('VOICE_CORE_DEFAULT_TIMEOUT_SECONDS'),
      sessions: sessionTtlSeconds === undefined ? {} : { ttlMs: sessionTtlSeconds * 1000 },
      eventLog: eventsPerConversation === undefined ? {} : { maxEventsPerConversation: Math.floor(eventsPerConversation) },
      stores,
    },
  });
  const reload = (): void => {
    logger.info({}, 'SIGHUP: reloading credentials');
    server.reloadCredentials();
  };
  process.on('SIGHUP', reload);
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
      process.off('SIGHUP', reload);
      void server
        .shutdown()
        .then(() => tracing?.shutdown())
        .then(resolve);
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
  return 0;
}

/** The configuration's Redis in the stores' terms (a Sentinel group as one `sentinel` option), and the rest. */
function redisTarget(config: RedisConfig) {
  const { sessionCacheSize, emptyLogTtlMs } = config;
  const tuning = { sessionCacheSize, emptyLogTtlMs };
  if ('url' in config) return { target: { url: config.url }, ...tuning };
  if ('clusterNodes' in config) return { target: { clusterNodes: config.clusterNodes }, ...tuning };
  const { sentinels, sentinelName: name, sentinelPassword, password } = config;
  return { target: { sentinel: { sentinels, name, sentinelPassword, password } }, ...tuning };
}

/** on/off, true/false, 1/0; `fallback` when unset. */
function flagFromEnv(name: string, raw: string | undefined, fallback: boolean): boolean {
  const value = nonEmpty(raw)?.toLowerCase();
  if (value === undefined) return fallback;
  if (['on', 'true', '1', 'yes'].includes(value)) return true;
  if (['off', 'false', '0', 'no'].includes(value)) return false;
  throw new Error(`${name} must be on or off, got "${raw}"`);
}

/** The credential sources the flags and the environment configure. */
function authFromEnv(apiKeysFlag: string | undefined): AuthOptions {
  const env = process.env;
  const jwks = nonEmpty(env.VOICE_CORE_JWT_JWKS);
  const issuer = nonEmpty(env.VOICE_CORE_JWT_ISSUER);
  const audience = nonEmpty(env.VOICE_CORE_JWT_AUDIENCE);
  if (jwks !== undefined && (issuer === undefined || audience === undefined)) {
    throw new Error('VOICE_CORE_JWT_JWKS needs VOICE_CORE_JWT_ISSUER and VOICE_CORE_JWT_AUDIENCE');
  }
  return {
    apiKeysFile: apiKeysFlag ?? nonEmpty(env.VOICE_CORE_API_KEYS_FILE),
    jwt:
      jwks === undefined || issuer === undefined || audience === undefined
        ? undefined
        : { jwks, issuer, audience, tenantClaim: nonEmpty(env.VOICE_CORE_JWT_TENANT_CLAIM) },
  };
}

const CLIENT_OPTIONS = {
  address: { type: 'string', default: `localhost:${DEFAULT_PORT}` },
  'api-key': { type: 'string' },
  'tls-ca': { type: 'string' },
  'tls-cert': { type: 'string' },
  'tls-key': { type: 'string' },
} as const;

interface ClientFlags {
  address: string;
  'api-key'?: string;
  'tls-ca'?: string;
  'tls-cert'?: string;
  'tls-key'?: string;
}

function connect(flags: ClientFlags) {
  const caFile = flags['tls-ca'];
  const certFile = flags['tls-cert'];
  const keyFile = flags['tls-key'];
  if ((certFile === undefined) !== (keyFile === undefined)) throw new Error('--tls-cert and --tls-key go together');
  const tls = caFile !== undefined || certFile !== undefined;
  const channel = createChannel(
    flags.address,
    tls
      ? ChannelCredentials.createSsl(
          caFile === undefined ? null : readFileSync(caFile),
          keyFile === undefined ? null : readFileSync(keyFile),
          certFile === undefined ? null : readFileSync(certFile),
        )
      : undefined,
  );
  const apiKey = flags['api-key'] ?? nonEmpty(process.env.VOICE_CORE_API_KEY);
  const metadata = Metadata();
  if (apiKey !== undefined) metadata.set('authorization', `Bearer ${apiKey}`);
  const client = createClientFactory().use(deadlineMiddleware).create(VoiceCoreServiceDefinition, channel, { '*': { metadata } });
  return { channel, client };
}

async function keys(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { file: { type: 'string' } } });
  const [action, tenant] = positionals;
  if (action !== 'create' || tenant === undefined || values.file === undefined) {
    throw new Error('usage: voice-core keys create <tenant> --file keys.txt');
  }
  const key = createApiKey(tenant, values.file);
  process.stderr.write(`API key for tenant "${tenant}" (shown once; only its hash is in ${values.file}):\n`);
  process.stdout.write(`${key}\n`);
  return 0;
}

async function call(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      ...CLIENT_OPTIONS,
      file: { type: 'string' },
      follow: { type: 'boolean', default: false },
    },
  });
  const text =
    values.file !== undefined
      ? readFileSync(values.file, 'utf8')
      : positionals[0] === '-' || positionals[0] === undefined
        ? readFileSync(0, 'utf8')
        : positionals[0];
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`the request is not valid JSON: ${(error as Error).message}`);
  }
  const request = ExecutePrimitiveRequest.fromJSON(json);
  const { channel, client } = connect(values);
  try {
    const response = await client.executePrimitive(request, {
      deadline: new Date(Date.now() + (deadlineSeconds(request.timeoutSeconds) + 5) * 1000),
    });
    process.stdout.write(`${JSON.stringify(ExecutePrimitiveResponse.toJSON(response), null, 2)}\n`);
    if (values.follow) await follow(client, request.conversationId, 0);
    return 0;
  } finally {
    channel.close();
  }
}

/**
 * How long to wait for the server's answer to a request with this time budget. The server judges
 * the budget itself (and names timeout_seconds when it refuses one); the deadline only has to
 * outlast that answer and stay within what a timer can hold: an overflowing one (1e308 s) fires at
 * once and would report a timeout instead of the server's refusal.
 */
function deadlineSeconds(timeoutSeconds: number): number {
  if (!(timeoutSeconds > 0)) return DEFAULT_TIMEOUT_SECONDS;
  // The server refuses a longer budget at once, so its answer never needs more than this.
  return Math.min(timeoutSeconds, MAX_TIMEOUT_SECONDS);
}

async function events(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { ...CLIENT_OPTIONS, 'from-sequence': { type: 'string', default: '0' } },
  });
  const conversationId = positionals[0];
  if (conversationId === undefined) throw new Error('events needs a conversation_id');
  const { channel, client } = connect(values);
  try {
    await follow(client, conversationId, Number(values['from-sequence']));
    return 0;
  } finally {
    channel.close();
  }
}

async function follow(client: ReturnType<typeof connect>['client'], conversationId: string, fromSequence: number): Promise<void> {
  const controller = new AbortController();
  const stop = (): void => controller.abort();
  process.once('SIGINT', stop);
  try {
    for await (const { event } of client.streamEvents({ conversationId, fromSequence }, { signal: controller.signal })) {
      if (event !== undefined) process.stdout.write(`${JSON.stringify(Event.toJSON(event))}\n`);
    }
  } catch (error) {
    if (!isAbortError(error)) throw error;
  } finally {
    process.off('SIGINT', stop);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof ClientError) {
      process.stderr.write(`voice-core: ${Status[error.code]}: ${error.details}\n`);
    } else {
      process.stderr.write(`voice-core: ${error instanceof Error ? error.message : String(error)}\n`);
    }
    process.exitCode = 1;
  },
);
