/**
 * Map links from a URL template with `{lat}`, `{lng}`, `{name}` and `{address}` placeholders
 * (values URL-encoded). Coordinates are WGS-84, so templates for Chinese map apps must say so
 * (Amap `coordinate=wgs84`, Baidu `coord_type=wgs84`) or the pin lands hundreds of metres off.
 */
import type { Location } from '../core/models.js';
import { safeUrl } from '../core/safe-url.js';
import { hasPoint } from './geo.js';
import { isSafeTemplate, placeholders } from './map-template.js';

export const amapTemplate =
  'https://uri.amap.com/marker?position={lng},{lat}&name={name}&coordinate=wgs84&callnative=0';
export const osmTemplate =
  'https://www.openstreetmap.org/?mlat={lat}&mlon={lng}#map=17/{lat}/{lng}';

/** The default template for a UI language: Amap for Chinese, OpenStreetMap otherwise. */
export function defaultMapTemplate(messagesLocale: string): string {
  return messagesLocale.startsWith('zh') ? amapTemplate : osmTemplate;
}

export { isSafeTemplate };

/**
 * The link for one place, or `undefined` when the template is unsafe or needs coordinates the
 * place does not have.
 */
export function mapLink(
  template: string,
  location: Location,
  serviceName: string,
): string | undefined {
  if (!isSafeTemplate(template)) return undefined;
  const needsPoint = /\{(lat|lng)\}/.test(template);
  if (needsPoint && !hasPoint(location)) return undefined;
  const values: Record<string, string> = {
    lat: hasPoint(location) ? String(location.lat) : '',
    lng: hasPoint(location) ? String(location.lng) : '',
    name: location.name ?? serviceName,
    address: location.address ?? '',
  };
  const url = safeUrl(
    template.replace(placeholders, (_, key: string) => encodeURIComponent(values[key])),
  );
  return url && /^https?:/.test(url) ? url : undefined;
}
