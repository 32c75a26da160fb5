/**
 * Places beyond text (`where.ts` reads those): coordinates checked (swapped pairs fixed, 0,0
 * dropped) from flat fields, GeoJSON or a `经纬度` cell; place objects; addresses joined from
 * their parts. Loaded by the first record that has one of them.
 */
import type { Location } from '../models.js';
import { asNumber } from '../fields.js';
import { fieldsOf, isObject, pick, type Fields } from './keys.js';
import { plainText, stringOf } from './values.js';
import { makeLocation, placeAliases, textLocation } from './where.js';

type Dict = Record<string, unknown>;
const DEGREE = /[°º\s]/g;
const COMMA_PAIR = /^\s*(-?[\d.]+)\s*[,，;\s]\s*(-?[\d.]+)\s*$/;
const ADDRESS_PARTS = [
  'address_1',
  'address1',
  'streetAddress',
  'street',
  'line1',
  'address_2',
  'address2',
  'line2',
  'district',
  'addressLocality',
  'locality',
  'city',
  'addressRegion',
  'region',
  'state_province',
  'province',
  'state',
  'postal_code',
  'postalCode',
  'country',
  'addressCountry',
];

function coordinate(value: unknown): number | undefined {
  if (typeof value === 'string') return asNumber(value.normalize('NFKC').replace(DEGREE, ''));
  return asNumber(value);
}

/** Checks ranges; fixes swapped pairs; `{}` when unusable. */
function checkCoordinates(
  latValue: unknown,
  lngValue: unknown,
  warn: (m: string) => void,
): { lat?: number; lng?: number } {
  const lat = coordinate(latValue);
  const lng = coordinate(lngValue);
  if (lat === undefined && lng === undefined) return {};
  if (lat === undefined || lng === undefined) {
    warn('coordinates: latitude and longitude must both be given; dropped');
    return {};
  }
  // 0,0 is what empty spreadsheet cells and unset database columns turn into.
  if (lat === 0 && lng === 0) return {};
  const latOk = Math.abs(lat) <= 90;
  const lngOk = Math.abs(lng) <= 180;
  if (latOk && lngOk) return { lat, lng };
  if (!latOk && Math.abs(lng) <= 90 && Math.abs(lat) <= 180) {
    warn(`coordinates: latitude ${lat} and longitude ${lng} were swapped; fixed`);
    return { lat: lng, lng: lat };
  }
  warn(`coordinates out of range (latitude ${lat}, longitude ${lng}); dropped`);
  return {};
}

function addressOf(value: unknown): string | undefined {
  if (!isObject(value)) return plainText(value);
  const direct = stringOf(value.full ?? value.formatted ?? value.text ?? value.label);
  if (direct) return direct;
  const parts: string[] = [];
  for (const key of ADDRESS_PARTS) {
    const s = stringOf(value[key]);
    if (s && !parts.includes(s)) parts.push(s);
  }
  return parts.length ? parts.join(', ') : undefined;
}

/** Lat/lng from flat fields, a `geo`/GeoJSON value or a `经纬度` ("lng,lat") cell. */
function coordinatesOf(f: Fields, warn: (m: string) => void): { lat?: number; lng?: number } {
  let lat = pick(f, placeAliases.lat);
  let lng = pick(f, placeAliases.lng);
  if (lat === undefined && lng === undefined) {
    const geo = pick(f, placeAliases.geo);
    if (Array.isArray(geo) && geo.length >= 2) {
      [lng, lat] = geo; // GeoJSON order
    } else if (isObject(geo)) {
      if (Array.isArray(geo.coordinates) && geo.coordinates.length >= 2) {
        [lng, lat] = geo.coordinates;
      } else {
        const g = fieldsOf(geo);
        lat = pick(g, placeAliases.lat);
        lng = pick(g, placeAliases.lng);
      }
    } else {
      const pair = COMMA_PAIR.exec(stringOf(pick(f, placeAliases.lngLat)) ?? '');
      if (pair) [, lng, lat] = pair;
    }
  }
  return checkCoordinates(lat, lng, warn);
}

export function locationFromObject(value: Dict, warn: (m: string) => void): Location | undefined {
  const f = fieldsOf(value);
  return makeLocation(
    plainText(pick(f, placeAliases.name)),
    addressOf(pick(f, placeAliases.address)),
    coordinatesOf(f, warn),
  );
}

/** One place from flat fields (see `where.ts`), with coordinates and place or address objects. */
export function fullLocation(
  f: Fields,
  place: unknown,
  addressValue: unknown,
  name: string | undefined,
  warn: (m: string) => void,
): Location | undefined {
  const address = addressOf(addressValue);
  const coords = coordinatesOf(f, warn);
  if (isObject(place)) {
    const nested = locationFromObject(place, warn);
    const flat = makeLocation(name, address, coords);
    return nested || flat ? { ...nested, ...flat } : undefined;
  }
  return textLocation(name, plainText(place), address, coords);
}
