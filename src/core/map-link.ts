/**
 * Map links for places: the one behaviour of the `map-link` attribute, for every widget that
 * shows a place (`<event-calendar>`, `<service-finder>`).
 *
 * `map-link` is a URL template with `{lat}`, `{lng}`, `{name}` and `{address}` placeholders,
 * filled with URL-encoded values. For each place the link is the first of these that works:
 *
 * 1. the page's template, when the place has what it uses (`{lat}`/`{lng}` need coordinates;
 *    `{name}` and `{address}` stand in for each other) and it gives an http(s) URL;
 * 2. the default map at the place's coordinates: Amap for a Chinese UI, OpenStreetMap otherwise;
 * 3. a search for the place's address (or name) on that same map.
 *
 * A place with neither coordinates, address nor name gets no link. A template that can never
 * give an http(s) link (`javascript:…`, `data:…`, not a URL) is ignored with one console
 * warning from {@link checkMapTemplate}, and the defaults apply.
 *
 * Coordinates in the models are WGS-84, so the default Amap link says `coordinate=wgs84`
 * (Amap itself uses GCJ-02 and would put the pin hundreds of metres off); a page's template for
 * a Chinese map app must say so too (Amap `coordinate=wgs84`, Baidu `coord_type=wgs84`).
 *
 * ```ts
 * const template = checkMapTemplate(this.mapLink, 'service-finder'); // in willUpdate
 * const href = mapLink(location, { template, chinese, fallbackName: service.name });
 * ```
 */
import { msg, str } from '@lit/localize';
import type { Location } from './models.js';
import { httpUrl, placeholders } from './map-template.js';

// The check of the attribute is its own small module: the elements' first-load chunks hold it,
// the lazy detail views hold the links.
export { checkMapTemplate, isMapTemplate } from './map-template.js';

/** Amap (高德) pin at WGS-84 coordinates, opened in the browser. */
export const amapMarker =
  'https://uri.amap.com/marker?position={lng},{lat}&name={name}&coordinate=wgs84&callnative=0';
/** Amap search for an address. */
export const amapSearch = 'https://uri.amap.com/search?keyword={address}';
/** OpenStreetMap pin. */
export const osmMarker = 'https://www.openstreetmap.org/?mlat={lat}&mlon={lng}#map=17/{lat}/{lng}';
/** OpenStreetMap search for an address. */
export const osmSearch = 'https://www.openstreetmap.org/search?query={address}';

/** Whether a place has usable WGS-84 coordinates. */
export function hasCoordinates(
  location: Location,
): location is Location & { lat: number; lng: number } {
  return (
    typeof location.lat === 'number' &&
    typeof location.lng === 'number' &&
    Number.isFinite(location.lat) &&
    Number.isFinite(location.lng) &&
    Math.abs(location.lat) <= 90 &&
    Math.abs(location.lng) <= 180
  );
}

/** How to link a place; see the module doc for the order the links are tried in. */
export interface MapLinkOptions {
  /** The page's template, as returned by {@link checkMapTemplate}; unset = the defaults. */
  template?: string;
  /** Default to Amap (a Chinese UI) rather than OpenStreetMap. */
  chinese: boolean;
  /** `{name}` for a place without a name of its own (the finder: the service's name). */
  fallbackName?: string;
}

/** `template` filled for `location`, or `undefined` when the place lacks a value it uses. */
function fill(template: string, location: Location, fallbackName?: string): string | undefined {
  const point = hasCoordinates(location);
  const name = location.name ?? fallbackName;
  const values: Record<string, string | undefined> = {
    lat: point ? String(location.lat) : undefined,
    lng: point ? String(location.lng) : undefined,
    name: name ?? location.address,
    address: location.address ?? name,
  };
  let missing = false;
  const url = template.replace(placeholders, (_, key: string) => {
    const value = values[key];
    if (value === undefined) missing = true;
    return encodeURIComponent(value ?? '');
  });
  return missing ? undefined : url;
}

/**
 * The map link for a place, or `undefined` when it has neither coordinates, address nor name.
 * The result is always an http(s) URL.
 */
export function mapLink(
  location: Location | undefined,
  options: MapLinkOptions,
): string | undefined {
  if (!location) return undefined;
  const point = hasCoordinates(location);
  const { template, chinese, fallbackName } = options;
  if (!point && !location.address && !location.name) return undefined;
  const candidates = [
    template,
    point ? (chinese ? amapMarker : osmMarker) : undefined,
    chinese ? amapSearch : osmSearch,
  ];
  for (const candidate of candidates) {
    const url = candidate && fill(candidate, location, fallbackName);
    const safe = url && httpUrl(url);
    if (safe) return safe;
  }
  return undefined;
}

/**
 * The text of a map link in the widget's language (call while it renders): names the place, so
 * the link says where it goes out of context too (a screen reader's list of links).
 */
export function mapLinkText(place?: string): string {
  return place
    ? msg(str`Show ${place} on a map`, { id: 'map.linkTo' })
    : msg('Show on a map', { id: 'map.link' });
}
