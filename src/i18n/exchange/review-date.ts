/** SOURCE_DATE_EPOCH as reproducible-builds.org defines it: whole seconds since 1970-01-01 UTC. */
const EPOCH = /^\d{1,12}$/u;

/**
 * The date `accept --by` records as `reviewedOn`, `YYYY-MM-DD`: the UTC date of SOURCE_DATE_EPOCH when it is set
 * (so scripted runs and tests are reproducible), else today's date on this computer's clock, in its own time zone
 * (the day the reviewer would write down). Undefined when SOURCE_DATE_EPOCH is set but not a whole number.
 */
export function reviewDate(env: NodeJS.ProcessEnv = process.env, now: () => Date = () => new Date()): string | undefined {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '') return EPOCH.test(epoch) ? new Date(Number(epoch) * 1000).toISOString().slice(0, 10) : undefined;
  const d = now();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
