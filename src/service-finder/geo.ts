/** Distances for "near me": WGS-84 points, haversine great-circle distance in kilometres. */
import type { Location, Service } from '../core/models.js';

export interface Point {
  lat: number;
  lng: number;
}

const earthRadiusKm = 6371.0088;

export function isValidPoint(lat: unknown, lng: unknown): boolean {
  return (
    typeof lat === 'number' &&
    typeof lng === 'number' &&
    Number.isFinite(lat) &&
    Number.isFinite(lng) &&
    Math.abs(lat) <= 90 &&
    Math.abs(lng) <= 180
  );
}

/** `"23.13,113.26"` (also with a space, `;` or full-width comma) → point; else `undefined`. */
export function parseOrigin(value: string | null | undefined): Point | undefined {
  if (!value) return undefined;
  const parts = value
    .normalize('NFKC')
    .split(/[\s,;]+/)
    .filter(Boolean);
  if (parts.length !== 2 || !parts.every((p) => /^[-+]?(\d+\.?\d*|\.\d+)$/.test(p)))
    return undefined;
  const [lat, lng] = parts.map(Number);
  return isValidPoint(lat, lng) ? { lat, lng } : undefined;
}

/** Warns in the console about an `origin` attribute that is not "lat,lng" in range. */
export function checkOrigin(origin: string | undefined): void {
  if (origin && !parseOrigin(origin)) {
    console.warn(
      `[dandelion] <service-finder> origin="${origin}" is not "lat,lng" in range; ignored.`,
    );
  }
}

export function haversineKm(a: Point, b: Point): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * earthRadiusKm * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Distance to the service's nearest located place, or `undefined` when it has none. */
export function nearestKm(service: Service, origin: Point): number | undefined {
  let best: number | undefined;
  for (const l of service.locations) {
    if (!hasPoint(l)) continue;
    const d = haversineKm(origin, { lat: l.lat, lng: l.lng });
    if (best === undefined || d < best) best = d;
  }
  return best;
}

export function hasPoint(l: Location): l is Location & Point {
  return isValidPoint(l.lat, l.lng);
}
