/**
 * Places: a location from flat fields. Names and addresses as text are read here; coordinates,
 * place objects (GeoJSON, nested addresses) by `places.ts`, loaded with the first record that
 * has them (`lazy-part.ts`), so a list of names and addresses never downloads it.
 */
import type { Location } from '../models.js';
import { alias, isObject, pick, type Alias, type Fields } from './keys.js';
import { plainText } from './values.js';
import { lazyPart } from './lazy-part.js';
import type { RecordOptions } from './options.js';

/** The keys a place's parts go by, inside a location object or flat in a record. */
export const placeAliases = {
  lat: alias('lat latitude 纬度 緯度'),
  lng: alias('lng lon long longitude 经度 經度'),
  lngLat: alias('lngLat 经纬度 經緯度 lonlat'),
  geo: alias('geo geometry coordinates position point'),
  name: alias('name title locationName placeName 名称 名稱 地点名称'),
  address: alias('address addr fullAddress streetAddress 地址 详细地址 詳細地址'),
};
const coordinateAliases = [
  placeAliases.lat,
  placeAliases.lng,
  placeAliases.lngLat,
  placeAliases.geo,
];

/** Coordinates and place objects: see `places.ts`. */
export const placesCode = lazyPart('the place reader', () => import('./places.js'), true);

/** The place reader, or `undefined` (with a warning) when its code could not be downloaded. */
export function placesOf(opts: RecordOptions, warn: (m: string) => void) {
  const code = placesCode.code(opts);
  if (!code) warn('coordinates and address parts not read (their code could not be downloaded)');
  return code;
}

export function makeLocation(
  name: string | undefined,
  address: string | undefined,
  coords: { lat?: number; lng?: number },
): Location | undefined {
  if (!name && !address && coords.lat === undefined) return undefined;
  const location: Location = {};
  if (name) location.name = name;
  if (address) location.address = address;
  if (coords.lat !== undefined) {
    location.lat = coords.lat;
    location.lng = coords.lng;
  }
  return location;
}

/** 地点 + 地址: the first names the place, the second is its address. */
export function textLocation(
  name: string | undefined,
  placeText: string | undefined,
  address: string | undefined,
  coords: { lat?: number; lng?: number },
): Location | undefined {
  return address
    ? makeLocation(name ?? placeText, address, coords)
    : makeLocation(name, placeText, coords);
}

/**
 * One place from flat fields: a place cell (text or object), an address cell, an optional place
 * name cell and coordinates.
 */
export function locationOf(
  f: Fields,
  placeAlias: Alias,
  addressAlias: Alias,
  nameAlias: Alias | undefined,
  opts: RecordOptions,
  warn: (m: string) => void,
): Location | undefined {
  const place = pick(f, placeAlias);
  const address = pick(f, addressAlias);
  const name = nameAlias && plainText(pick(f, nameAlias));
  if (
    isObject(place) ||
    isObject(address) ||
    coordinateAliases.some((a) => pick(f, a) !== undefined)
  ) {
    const places = placesOf(opts, warn);
    if (places) return places.fullLocation(f, place, address, name, warn);
  }
  return textLocation(name, plainText(place), plainText(address), {});
}
