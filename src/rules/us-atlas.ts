import { createRequire } from "node:module";
import type { ExtendedFeature, ExtendedFeatureCollection } from "d3-geo";
import { feature, mesh } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";

/**
 * The US state outlines we ship: `us-atlas`, the Census Bureau's 1:10,000,000 cartographic
 * boundaries, read and converted to GeoJSON once per process for the maps and the region checks.
 */
export interface StatesAtlas {
  /** One feature per state, with its name as `properties.name`. */
  states: ExtendedFeatureCollection<ExtendedFeature<ExtendedFeature["geometry"], { name: string }>>;
  /** The lines two states share, without the coast. */
  borders: ReturnType<typeof mesh>;
}

let atlas: StatesAtlas | undefined;

export function statesAtlas(): StatesAtlas {
  if (atlas) return atlas;
  const topology = createRequire(import.meta.url)("us-atlas/states-10m.json") as Topology<{
    states: GeometryCollection<{ name: string }>;
  }>;
  const states = topology.objects.states;
  atlas = {
    states: feature(topology, states) as StatesAtlas["states"],
    borders: mesh(topology, states, (a, b) => a !== b),
  };
  return atlas;
}
