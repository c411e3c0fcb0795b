/**
 * Node flags for the bench's child processes. With BENCH_CPU_PROF_DIR set, each child writes a
 * CPU profile there (`node --cpu-prof` cannot be passed through NODE_OPTIONS).
 */
export function childExecArgv(extra: string[] = []): string[] {
  const dir = process.env.BENCH_CPU_PROF_DIR;
  return [...extra, ...(dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : [])];
}
