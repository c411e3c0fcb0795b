import { z } from 'zod';

const flag = z.enum(['true', 'false', '1', '0', 'on', 'off']).transform((v) => ['true', '1', 'on'].includes(v));

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  BOT_ID: z.string().uuid('must be the bot\'s Microsoft App ID (a GUID)').optional(),
  BOT_PASSWORD: z.string().min(1).optional(),
  BOT_TENANT_ID: z.string().min(1).optional(),
  BOT_TYPE: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).optional(),
  MUNICIPALITY_CONFIG: z.string().min(1).default('municipalities/norrtalje.yaml'),
  COSMOS_ENDPOINT: z.string().url('must be the Cosmos DB account URL, e.g. https://NAME.documents.azure.com:443/').optional(),
  COSMOS_KEY: z.string().min(1).optional(),
  COSMOS_DATABASE: z.string().regex(/^[A-Za-z0-9-_]{1,255}$/).default('lagesbild'),
  /** Tests and demos only: accept the self-signed certificate of a Cosmos-compatible server on loopback. */
  COSMOS_ALLOW_SELF_SIGNED_LOOPBACK: flag.optional(),
  /** Tests and demos only: the clock starts at this instant and runs on in real time. */
  LAGESBILD_FAKE_NOW: z.string().datetime({ offset: true, message: 'must be an ISO 8601 instant, e.g. 2026-12-01T08:00:30Z' }).optional(),
  DATA_DIR: z.string().min(1).default('.data'),
  SCHEDULER: flag.default('true'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  INSTANCE_ID: z.string().min(1).optional(),
  APPLICATIONINSIGHTS_CONNECTION_STRING: z.string().min(1).optional(),
});

export interface AppConfig {
  port: number;
  bot: { appId?: string; password?: string; tenantId?: string; type: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI' };
  municipalityFiles: string[];
  /** `allowSelfSignedLoopback` is present (true) only when set, and only for a loopback endpoint. */
  cosmos: { endpoint?: string; key?: string; database: string; allowSelfSignedLoopback?: true };
  dataDir: string;
  scheduler: boolean;
  logLevel: string;
  instanceId?: string;
  appInsightsConnectionString?: string;
  /** Present only when LAGESBILD_FAKE_NOW is set (tests and demos). */
  fakeNow?: string;
}

/** Hosts that name this machine's loopback interface; nothing else may use a self-signed certificate. */
export function isLoopbackHost(hostname: string): boolean {
  return ['127.0.0.1', 'localhost', '::1', '[::1]'].includes(hostname.toLowerCase());
}

/** Every problem with the environment, at once, naming each variable. */
export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`The environment is not valid:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'EnvError';
  }
}

/** Reads the bot's configuration from environment variables; blank values count as unset. */
export function loadEnv(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = envSchema.safeParse(present);
  const problems: string[] = parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  // The rules across variables read each variable on its own, so they are reported together with
  // the problems above rather than only once those are fixed.
  const ok = <T>(r: z.SafeParseReturnType<unknown, T>): T | undefined => (r.success ? r.data : undefined);
  const botType = ok(envSchema.shape.BOT_TYPE.safeParse(present.BOT_TYPE));
  const password = ok(envSchema.shape.BOT_PASSWORD.safeParse(present.BOT_PASSWORD));
  const tenantId = ok(envSchema.shape.BOT_TENANT_ID.safeParse(present.BOT_TENANT_ID));
  const botIdSet = present.BOT_ID !== undefined;
  const type = botType ?? (password ? 'MultiTenant' : 'UserAssignedMSI');
  if (present.BOT_TYPE === undefined || botType !== undefined) {
    if (botIdSet && type !== 'UserAssignedMSI' && !password) problems.push(`BOT_PASSWORD: required when BOT_ID is set and BOT_TYPE is ${type}`);
    if (type === 'SingleTenant' && !tenantId) problems.push('BOT_TENANT_ID: required when BOT_TYPE is SingleTenant');
    if (botIdSet && type === 'UserAssignedMSI' && !tenantId) problems.push('BOT_TENANT_ID: required when BOT_TYPE is UserAssignedMSI');
  }
  if (present.COSMOS_KEY !== undefined && present.COSMOS_ENDPOINT === undefined) problems.push('COSMOS_KEY: set COSMOS_ENDPOINT too, or neither for the local store');
  const allowSelfSigned = ok(envSchema.shape.COSMOS_ALLOW_SELF_SIGNED_LOOPBACK.safeParse(present.COSMOS_ALLOW_SELF_SIGNED_LOOPBACK));
  if (allowSelfSigned) {
    const endpoint = ok(envSchema.shape.COSMOS_ENDPOINT.safeParse(present.COSMOS_ENDPOINT));
    const host = endpoint ? new URL(endpoint).hostname : undefined;
    if (present.COSMOS_ENDPOINT === undefined) problems.push('COSMOS_ALLOW_SELF_SIGNED_LOOPBACK: only for a COSMOS_ENDPOINT on 127.0.0.1, localhost or ::1, and COSMOS_ENDPOINT is not set');
    else if (host !== undefined && !isLoopbackHost(host)) problems.push(`COSMOS_ALLOW_SELF_SIGNED_LOOPBACK: only for a COSMOS_ENDPOINT on 127.0.0.1, localhost or ::1, not ${host}`);
  }
  if (parsed.success) {
    const e = parsed.data;
    if (problems.length === 0) {
      return {
        port: e.PORT,
        bot: { appId: e.BOT_ID, password: e.BOT_PASSWORD, tenantId: e.BOT_TENANT_ID, type },
        municipalityFiles: e.MUNICIPALITY_CONFIG.split(',').map((s) => s.trim()).filter(Boolean),
        cosmos: { endpoint: e.COSMOS_ENDPOINT, key: e.COSMOS_KEY, database: e.COSMOS_DATABASE, ...(e.COSMOS_ALLOW_SELF_SIGNED_LOOPBACK ? { allowSelfSignedLoopback: true as const } : {}) },
        dataDir: e.DATA_DIR,
        scheduler: e.SCHEDULER,
        logLevel: e.LOG_LEVEL,
        instanceId: e.INSTANCE_ID,
        appInsightsConnectionString: e.APPLICATIONINSIGHTS_CONNECTION_STRING,
        ...(e.LAGESBILD_FAKE_NOW ? { fakeNow: e.LAGESBILD_FAKE_NOW } : {}),
      };
    }
  }
  throw new EnvError(problems);
}
