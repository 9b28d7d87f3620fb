import { describe, expect, it } from "vitest";
import { distanceKm, nearestNeighbours } from "./geo.ts";

describe("great-circle distance", () => {
  it("matches a known distance (Red Bank NJ to Pompano Beach FL, about 1,500 km)", () => {
    const km = distanceKm({ lat: 40.34705, lng: -74.06431 }, { lat: 26.23786, lng: -80.12477 });
    expect(km).toBeGreaterThan(1_640);
    expect(km).toBeLessThan(1_680);
  });

  it("is zero for the same point", () => {
    expect(distanceKm({ lat: 10, lng: 20 }, { lat: 10, lng: 20 })).toBe(0);
  });
});

describe("nearest neighbours", () => {
  const line = Array.from({ length: 20 }, (_, i) => ({
    id: `p${String(i).padStart(2, "0")}`,
    lat: 40 + i * 0.1,
    lng: -74,
  }));

  it("returns the k nearest others in distance order", () => {
    const near = nearestNeighbours(line, 3).get("p10")!;
    expect(near.map((n) => n.id)).toEqual(["p09", "p11", "p08"]);
  });

  it("agrees with a brute-force search on scattered points", () => {
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const points = Array.from({ length: 300 }, (_, i) => ({
      id: `c${i}`,
      lat: 25 + random() * 20,
      lng: -100 + random() * 30,
    }));
    const fast = nearestNeighbours(points, 5);
    for (const origin of points.slice(0, 50)) {
      const brute = points
        .filter((p) => p.id !== origin.id)
        .map((p) => ({ id: p.id, km: distanceKm(origin, p) }))
        .sort((a, b) => a.km - b.km || a.id.localeCompare(b.id))
        .slice(0, 5)
        .map((p) => p.id);
      expect(fast.get(origin.id)!.map((n) => n.id)).toEqual(brute);
    }
  });

  it("handles fewer places than k", () => {
    expect(
      nearestNeighbours(
        [
          { id: "a", lat: 1, lng: 1 },
          { id: "b", lat: 2, lng: 2 },
        ],
        5,
      )
        .get("a")!
        .map((n) => n.id),
    ).toEqual(["b"]);
  });
});
