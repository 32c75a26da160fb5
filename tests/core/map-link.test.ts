import '../support/setup.js';
import { expect } from '@open-wc/testing';
import {
  amapMarker,
  checkMapTemplate,
  hasCoordinates,
  isMapTemplate,
  mapLink,
} from '../../src/core/map-link.js';
import { quietly } from '../support/calendar.js';

const place = { name: '示例社工站', address: '某某街道幸福路 1 号', lat: 23.1291, lng: 113.2644 };

describe('map links (the map-link attribute)', () => {
  it('defaults to Amap with WGS-84 coordinates for Chinese, OpenStreetMap otherwise', () => {
    const amap = new URL(mapLink(place, { chinese: true })!);
    expect(amap.host).to.equal('uri.amap.com');
    expect(amap.searchParams.get('position')).to.equal('113.2644,23.1291');
    expect(amap.searchParams.get('coordinate')).to.equal('wgs84');
    expect(amap.searchParams.get('name')).to.equal('示例社工站');
    const osm = new URL(mapLink(place, { chinese: false })!);
    expect(osm.host).to.equal('www.openstreetmap.org');
    expect(osm.searchParams.get('mlat')).to.equal('23.1291');
    expect(amapMarker).to.contain('coordinate=wgs84');
  });

  it('fills a page template, URL-encoding the values', () => {
    const template =
      'https://api.map.baidu.com/marker?location={lat},{lng}&title={name}&coord_type=wgs84&output=html';
    const url = mapLink(place, { template: checkMapTemplate(template), chinese: true })!;
    expect(url).to.contain('location=23.1291,113.2644');
    expect(url).to.contain(`title=${encodeURIComponent('示例社工站')}`);
    const odd = mapLink(
      { name: 'A&B #1', lat: 1, lng: 2 },
      { template: 'https://maps.example.org/?q={name}', chinese: false },
    )!;
    expect(new URL(odd).searchParams.get('q')).to.equal('A&B #1');
  });

  it('uses the fallback name for a place without its own name', () => {
    const url = mapLink(
      { address: '和平路 20 号', lat: 23, lng: 113 },
      {
        template: 'https://maps.example.org/?label={name}&at={lat},{lng}',
        chinese: true,
        fallbackName: '长者服务中心',
      },
    )!;
    expect(new URL(url).searchParams.get('label')).to.equal('长者服务中心');
  });

  it('falls back to the default map when the template needs coordinates the place lacks', () => {
    const url = new URL(
      mapLink(
        { address: '某某街道和平路 20 号' },
        { template: 'https://maps.example.org/?q={lat},{lng}', chinese: false },
      )!,
    );
    expect(url.host).to.equal('www.openstreetmap.org');
    expect(url.pathname).to.equal('/search');
    expect(url.searchParams.get('query')).to.equal('某某街道和平路 20 号');
  });

  it('lets {name} and {address} stand in for each other', () => {
    const url = mapLink(
      { name: '社区花园' },
      { template: 'https://maps.example.org/?q={address}', chinese: false },
    )!;
    expect(new URL(url).searchParams.get('q')).to.equal('社区花园');
  });

  it('rejects javascript: and data: templates with a warning, and uses the default map', async () => {
    const [checked, warnings] = await quietly(() => [
      checkMapTemplate('javascript:alert({name})', 'event-calendar'),
      checkMapTemplate('  JaVa\tScRiPt:alert(1)', 'service-finder'),
      checkMapTemplate('data:text/html,{name}'),
    ]);
    expect(checked).to.deep.equal([undefined, undefined, undefined]);
    expect(warnings).to.have.length(3);
    expect(warnings[0]).to.contain('<event-calendar> map-link');
    expect(warnings[1]).to.contain('<service-finder> map-link');
    expect(isMapTemplate('javascript:alert(1)')).to.equal(false);
    expect(isMapTemplate('https://maps.example.org/?q={lat}')).to.equal(true);
    expect(checkMapTemplate(undefined)).to.equal(undefined);
    const url = mapLink(place, {
      template: checkMapTemplate('https://ok.example/?q={name}'),
      chinese: true,
    });
    expect(url).to.equal(`https://ok.example/?q=${encodeURIComponent('示例社工站')}`);
    // Even unchecked, a link that is not http(s) never comes out.
    expect(mapLink(place, { template: 'javascript:alert({name})', chinese: true })).to.match(
      /^https:\/\/uri\.amap\.com\//,
    );
  });

  it('searches by address without coordinates, and gives no link without a place', () => {
    const url = new URL(mapLink({ address: '某某街道和平路 20 号' }, { chinese: true })!);
    expect(url.pathname).to.equal('/search');
    expect(url.searchParams.get('keyword')).to.equal('某某街道和平路 20 号');
    expect(mapLink({}, { chinese: true })).to.equal(undefined);
    expect(mapLink(undefined, { chinese: true })).to.equal(undefined);
    expect(mapLink({}, { chinese: true, fallbackName: '服务' })).to.equal(undefined);
  });

  it('takes only real WGS-84 coordinates', () => {
    expect(hasCoordinates({ lat: 23.1, lng: 113.2 })).to.equal(true);
    expect(hasCoordinates({ lat: 91, lng: 0 })).to.equal(false);
    expect(hasCoordinates({ lat: 0, lng: 181 })).to.equal(false);
    expect(hasCoordinates({ lat: Number.NaN, lng: 0 })).to.equal(false);
    expect(hasCoordinates({ name: 'x' })).to.equal(false);
  });
});
