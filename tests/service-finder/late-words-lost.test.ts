import '../support/setup.js';
// The other half of late-words.test.ts, in a page of its own (a language's rest of the messages
// is asked for once per page): the position's words when the rest cannot be downloaded, and
// every state's words in each language.
import { expect } from '@open-wc/testing';
import { mountFinder, stubGeolocation, type FinderHarness } from '../support/finder.js';
import { asked, holdLater, restoreLater } from '../support/later-words.js';
import { until } from '../support/wait.js';

const message = (finder: FinderHarness) => finder.geoMessage().textContent?.trim();
const failWith = (code: number) =>
  ((_ok, fail) =>
    fail!({
      code,
      message: 'test',
    } as GeolocationPositionError)) as Geolocation['getCurrentPosition'];

describe('service-finder: the words of locating, lost, and in each language', () => {
  let restoreGeolocation = () => {};
  afterEach(() => {
    restoreLater();
    restoreGeolocation();
  });

  it('still explains a refusal when the rest of the messages cannot be downloaded', async () => {
    restoreGeolocation = stubGeolocation(failWith(1));
    holdLater(true)();
    const finder = await mountFinder();
    await finder.locate();
    expect(asked).to.deep.equal(['zh-Hans']);
    // In the split build it is then in English; the sources here carry every word.
    expect(message(finder)).to.be.oneOf([
      '没有获得位置权限。你仍然可以按名称或区域查找，也可以在浏览器设置里允许使用位置。',
      'Location access was turned down. You can still search by name or area, or allow location in your browser settings.',
    ]);
    await expect(finder.el).to.be.accessible();
  });

  const words = {
    'zh-Hans': {
      locating: '正在获取你的位置…',
      located: '已按离你的距离从近到远排列。',
      denied: '没有获得位置权限。你仍然可以按名称或区域查找，也可以在浏览器设置里允许使用位置。',
      timeout: '获取位置的时间太长了，请再试一次。',
      unavailable: '暂时无法获取你的位置。你仍然可以按名称或区域查找。',
      unsupported: '这个浏览器不能提供位置。你仍然可以按名称或区域查找。',
    },
    'zh-Hant': {
      locating: '正在取得你的位置…',
      located: '已依離你的距離由近到遠排列。',
      denied: '沒有取得位置權限。你仍然可以依名稱或地區查詢，也可以在瀏覽器設定中允許使用位置。',
      timeout: '取得位置的時間太久了，請再試一次。',
      unavailable: '暫時無法取得你的位置。你仍然可以依名稱或地區查詢。',
      unsupported: '這個瀏覽器無法提供位置。你仍然可以依名稱或地區查詢。',
    },
    en: {
      locating: 'Finding your location…',
      located: 'Sorted by distance from where you are.',
      denied:
        'Location access was turned down. You can still search by name or area, or allow location in your browser settings.',
      timeout: 'Finding your location took too long. Please try again.',
      unavailable:
        'Your location is not available right now. You can still search by name or area.',
      unsupported: 'This browser cannot share your location. You can still search by name or area.',
    },
  };

  for (const [lang, says] of Object.entries(words)) {
    it(`says each state of "use my location" in ${lang}`, async () => {
      const finder = await mountFinder({ lang });
      expect(message(finder), 'nothing before asking').to.equal('');
      let answer: PositionCallback | undefined;
      restoreGeolocation = stubGeolocation((ok) => (answer = ok));
      finder.startLocating();
      await until(() => answer, 'the browser asked');
      await finder.el.updateComplete;
      expect(message(finder), 'locating').to.equal(says.locating);
      answer!({ coords: { latitude: 23.3, longitude: 113.5 } } as GeolocationPosition);
      await until(() => message(finder) === says.located, 'located');
      for (const [state, code] of [
        ['denied', 1],
        ['unavailable', 2],
        ['timeout', 3],
      ] as const) {
        restoreGeolocation = stubGeolocation(failWith(code));
        await finder.locate();
        expect(message(finder), state).to.equal(says[state]);
      }
      restoreGeolocation = stubGeolocation(undefined);
      await finder.locate();
      expect(message(finder), 'unsupported').to.equal(says.unsupported);
    });
  }

  it('says the position’s state again in the language the finder switches to', async () => {
    restoreGeolocation = stubGeolocation((ok) =>
      ok({ coords: { latitude: 23.3, longitude: 113.5 } } as GeolocationPosition),
    );
    const finder = await mountFinder();
    await finder.locate();
    expect(message(finder)).to.equal(words['zh-Hans'].located);
    finder.el.lang = 'en';
    await until(() => message(finder) === words.en.located, 'the English words');
    finder.el.lang = 'zh-Hant';
    await until(() => message(finder) === words['zh-Hant'].located, 'the zh-Hant words');
  });
});
