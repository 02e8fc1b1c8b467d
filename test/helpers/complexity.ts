/**
 * Complexity without a stopwatch verdict: no test judges an absolute time (the machine is shared
 * and may be busy; speed belongs to `npm run bench`). A test compares the cost of the same work
 * on a small input and on one `factor` times as large, in the same run: linear work grows about
 * `factor` times, quadratic work `factor²` times. Times are CPU times, the least of a few runs.
 */

/**
 * CPU time of this process (user + system, ms). Not wall time: on a busy machine a long run
 * waits for the processor more than a short one (a short one may fit between other processes'
 * turns), which would make linear work look superlinear; time spent waiting is not CPU time.
 */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** The least CPU time (ms) over `runs` runs of `work`: the run the machine's load disturbed least. */
export async function leastMs(work: () => unknown, runs = 3): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = cpuMs();
    await work();
    best = Math.min(best, cpuMs() - start);
  }
  return best;
}

/** The same, for synchronous work (no turn of the event loop between runs). */
export function leastMsSync(work: () => unknown, runs = 3): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = cpuMs();
    work();
    best = Math.min(best, cpuMs() - start);
  }
  return best;
}

/**
 * How much a cost grows from `small` to `large`: the large input's time over the small one's,
 * the small one's never counted below a native linear scan of it (work too short to time is
 * not called superlinear). `precise`: each call repeated until a measurement spans a few
 * milliseconds (slower; for a second look at what seemed superlinear).
 */
export function growthSync(
  small: string,
  large: string,
  work: (input: string) => unknown,
  runs = 3,
  precise = false,
): { ratio: number; small: number; large: number } {
  const time = precise ? (w: () => unknown) => perCallMs(w, runs) : (w: () => unknown) => leastMsSync(w, runs);
  const scan = time(() => small.indexOf("\u0001\u0002"));
  const s = time(() => work(small));
  const l = time(() => work(large));
  return { ratio: l / Math.max(s, scan, precise ? 0 : 1e-3), small: s, large: l };
}

/**
 * The least CPU time of one call of `work`, calls repeated until one measurement spans a few
 * milliseconds: a call of a few microseconds is below what the clock and the scheduler's
 * accounting resolve, and its ratio to another would be noise.
 */
function perCallMs(work: () => unknown, runs: number): number {
  let reps = 1;
  for (;;) {
    const start = cpuMs();
    for (let i = 0; i < reps; i++) work();
    if (cpuMs() - start >= 2 || reps >= 1 << 20) break;
    reps *= 4;
  }
  return (
    leastMsSync(() => {
      for (let i = 0; i < reps; i++) work();
    }, runs) / reps
  );
}

export async function growth(
  small: string,
  large: string,
  work: (input: string) => unknown,
  runs = 3,
): Promise<{ ratio: number; small: number; large: number }> {
  const scan = leastMsSync(() => small.indexOf("\u0001\u0002"), runs);
  const s = await leastMs(() => work(small), runs);
  const l = await leastMs(() => work(large), runs);
  return { ratio: l / Math.max(s, scan, 1e-3), small: s, large: l };
}

/** The bound for `factor` times the input: well above linear (`factor`), well below quadratic (`factor²`). */
export const linearBound = (factor: number): number => factor * 2.5;
