/**
 * Map links from a URL template (the `map-link` attribute) with `{lat}`, `{lng}`, `{name}` and
 * `{address}` placeholders, as in `<service-finder>`. Coordinates in the data are WGS-84, so the
 * default Amap link says `coordinate=wgs84` (Amap itself uses GCJ-02 and would misplace the pin).
 */
import type { Location } from '../core/models.js';
import { safeUrl } from '../core/safe-url.js';
import { checkTemplate, placeholder } from './map-template.js';

export const amapMarker =
  'https://uri.amap.com/marker?position={lng},{lat}&name={name}&coordinate=wgs84&callnative=0';
export const amapSearch = 'https://uri.amap.com/search?keyword={address}';
export const osmMarker = 'https://www.openstreetmap.org/?mlat={lat}&mlon={lng}#map=17/{lat}/{lng}';
export const osmSearch = 'https://www.openstreetmap.org/search?query={address}';

function hasCoordinates(location: Location): location is Location & { lat: number; lng: number } {
  return (
    typeof location.lat === 'number' &&
    typeof location.lng === 'number' &&
    Math.abs(location.lat) <= 90 &&
    Math.abs(location.lng) <= 180
  );
}

function fill(template: string, location: Location): string | undefined {
  const values: Record<string, string | undefined> = {
    lat: hasCoordinates(location) ? String(location.lat) : undefined,
    lng: hasCoordinates(location) ? String(location.lng) : undefined,
    name: location.name ?? location.address,
    address: location.address ?? location.name,
  };
  let missing = false;
  const url = template.replace(placeholder, (_, key: string) => {
    const value = values[key];
    if (value === undefined) missing = true;
    return encodeURIComponent(value ?? '');
  });
  return missing ? undefined : url;
}

export { checkTemplate };

/**
 * The map link for a place, or `undefined` when the place has neither coordinates nor an
 * address. `template` (already passed through {@link checkTemplate}) wins when it can be filled;
 * else Amap (Chinese UI) or OpenStreetMap.
 */
export function mapLink(
  location: Location | undefined,
  template: string | undefined,
  chinese: boolean,
): string | undefined {
  if (!location) return undefined;
  const coords = hasCoordinates(location);
  if (!coords && !location.address && !location.name) return undefined;
  const candidates = [
    template,
    coords ? (chinese ? amapMarker : osmMarker) : undefined,
    chinese ? amapSearch : osmSearch,
  ];
  for (const candidate of candidates) {
    if (!candidate) continue;
    const url = fill(candidate, location);
    const safe = url ? safeUrl(url) : undefined;
    if (safe && /^https?:/.test(safe)) return safe;
  }
  return undefined;
}
