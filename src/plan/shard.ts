import type { Plan } from "./types.ts";

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** Parses `2/3`; undefined when not given, an error message when malformed. */
export function parseShard(text: string | undefined): Shard | string | undefined {
  if (text === undefined) return undefined;
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const [index, count] = match ? [Number(match[1]), Number(match[2])] : [0, 0];
  if (!match || count < 1 || index < 1 || index > count)
    return `--shard expects i/n with 1 ≤ i ≤ n, e.g. 2/3; got "${text}"`;
  return { index, count };
}

/**
 * The pages one shard renders: every n-th condition × location page, and all hub pages in
 * shard 1. Shards are disjoint and together are the whole plan.
 */
export function shardPlan(plan: Plan, shard: Shard): Plan {
  const mine = <T>(pages: T[], everyNth: boolean) =>
    everyNth ? pages.filter((_, i) => i % shard.count === shard.index - 1) : shard.index === 1 ? pages : [];
  const byKind = {
    home: mine(plan.byKind.home, false),
    locations: mine(plan.byKind.locations, false),
    location: mine(plan.byKind.location, false),
    condition: mine(plan.byKind.condition, false),
    conditionLocation: mine(plan.byKind.conditionLocation, true),
    clinics: mine(plan.byKind.clinics, false),
    clinic: mine(plan.byKind.clinic, false),
    team: mine(plan.byKind.team, false),
    practitioner: mine(plan.byKind.practitioner, false),
    notFound: mine(plan.byKind.notFound, false),
    statement: mine(plan.byKind.statement, false),
  };
  return { pages: Object.values(byKind).flat(), byKind, notBuilt: plan.notBuilt };
}
