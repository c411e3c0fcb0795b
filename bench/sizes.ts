/** How big each section's workload is; `--quick` shrinks every one so CI can run them all. */
export interface BenchSizes {
  /** The big Tuesday: towns × reporters per town, one town per reporter, so one card each. */
  fanout: { towns: number; reportersPerTown: number };
  submits: { total: number; concurrency: number };
  /** `budgetSeconds` bounds the timed part; the rest of the municipalities is extrapolated. */
  compile: { municipalities: number; towns: number; reportersPerTown: number; historyWeeks: number; budgetSeconds: number };
  /** Reporters registered in the footprint child; its channel's tenant limit is raised to keep the run short. */
  footprint: { reporters: number; perTenantPerSecond: number };
  startupRuns: number;
  /** A section still running after this long fails the run instead of holding it up. */
  sectionLimitSeconds: number;
}

export const FULL_SIZES: BenchSizes = {
  fanout: { towns: 100, reportersPerTown: 50 },
  submits: { total: 2_000, concurrency: 50 },
  compile: { municipalities: 100, towns: 5, reportersPerTown: 20, historyWeeks: 52, budgetSeconds: 30 },
  footprint: { reporters: 10_000, perTenantPerSecond: 500 },
  startupRuns: 3,
  sectionLimitSeconds: 900,
};

export const QUICK_SIZES: BenchSizes = {
  fanout: { towns: 5, reportersPerTown: 10 },
  submits: { total: 60, concurrency: 20 },
  compile: { municipalities: 2, towns: 3, reportersPerTown: 5, historyWeeks: 4, budgetSeconds: 10 },
  footprint: { reporters: 100, perTenantPerSecond: 500 },
  startupRuns: 1,
  sectionLimitSeconds: 120,
};
