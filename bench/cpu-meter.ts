/** CPU milliseconds (user + system) this process spends while `fn` runs, with its result. */
export async function withCpu<T>(fn: () => Promise<T>): Promise<{ result: T; cpuMs: number; wallMs: number }> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = await fn();
  const used = process.cpuUsage(cpu);
  return { result, cpuMs: (used.user + used.system) / 1_000, wallMs: performance.now() - started };
}
