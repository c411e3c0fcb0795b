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
  cosmos: { endpoint?: string; key?: string; database: string };
  dataDir: string;
  scheduler: boolean;
  logLevel: string;
  instanceId?: string;
  appInsightsConnectionString?: string;
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
  if (parsed.success) {
    const e = parsed.data;
    const type = e.BOT_TYPE ?? (e.BOT_PASSWORD ? 'MultiTenant' : 'UserAssignedMSI');
    if (e.BOT_ID && type !== 'UserAssignedMSI' && !e.BOT_PASSWORD) problems.push(`BOT_PASSWORD: required when BOT_ID is set and BOT_TYPE is ${type}`);
    if (type === 'SingleTenant' && !e.BOT_TENANT_ID) problems.push('BOT_TENANT_ID: required when BOT_TYPE is SingleTenant');
    if (e.BOT_ID && type === 'UserAssignedMSI' && !e.BOT_TENANT_ID) problems.push('BOT_TENANT_ID: required when BOT_TYPE is UserAssignedMSI');
    if (e.COSMOS_KEY && !e.COSMOS_ENDPOINT) problems.push('COSMOS_KEY: set COSMOS_ENDPOINT too, or neither for the local store');
    if (problems.length === 0) {
      return {
        port: e.PORT,
        bot: { appId: e.BOT_ID, password: e.BOT_PASSWORD, tenantId: e.BOT_TENANT_ID, type },
        municipalityFiles: e.MUNICIPALITY_CONFIG.split(',').map((s) => s.trim()).filter(Boolean),
        cosmos: { endpoint: e.COSMOS_ENDPOINT, key: e.COSMOS_KEY, database: e.COSMOS_DATABASE },
        dataDir: e.DATA_DIR,
        scheduler: e.SCHEDULER,
        logLevel: e.LOG_LEVEL,
        instanceId: e.INSTANCE_ID,
        appInsightsConnectionString: e.APPLICATIONINSIGHTS_CONNECTION_STRING,
      };
    }
  }
  throw new EnvError(problems);
}
