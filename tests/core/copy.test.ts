import '../support/setup.js';
import { expect } from '@open-wc/testing';
import { units, type Unit } from '../support/locales.js';

/**
 * The words of every message a visitor reads, in all three languages (issue #18, "Copy"): the
 * English source and both Chinese targets, read from the translation files the build uses.
 * Messages for the site owner (the administrator block's labels, the warnings about a schema's
 * `pattern`) may name formats and settings; everything else is for families.
 */
const forAdministrators = (id: string) =>
  /^error\.admin/.test(id) || /^intake\.pattern[A-Z]/.test(id);

describe('the words families read', () => {
  let hans: Unit[];
  let hant: Unit[];
  before(async () => {
    [hans, hant] = await Promise.all([units('zh-Hans'), units('zh-Hant')]);
  });

  it('reads every message in both Chinese files', () => {
    expect(hans.length).to.be.greaterThan(150);
    expect(hant.map((u) => u.id)).to.deep.equal(hans.map((u) => u.id));
    expect(hans.filter((u) => !u.zh || !u.en)).to.deep.equal([]);
  });

  it('never mention 格式, 组件 or 服务器 (nor format, widget, component, server)', () => {
    const technical = /格式|组件|組件|元件|服务器|伺服器|服務器/;
    const english = /\b(format|widgets?|components?|servers?)\b/i;
    const offenders = [
      ...hans.filter((u) => !forAdministrators(u.id) && technical.test(u.zh)).map((u) => u.zh),
      ...hant.filter((u) => !forAdministrators(u.id) && technical.test(u.zh)).map((u) => u.zh),
      ...hans.filter((u) => !forAdministrators(u.id) && english.test(u.en)).map((u) => u.en),
    ];
    expect(offenders).to.deep.equal([]);
    // The administrator's messages are still there, and still precise.
    expect(hans.find((u) => u.id === 'intake.patternBackreference')!.zh).to.contain('格式');
  });

  it('count with 个 / 個, never 项 / 項 ("还有 3 个活动")', () => {
    const counted = /(\d|\})\s*[项項]/;
    const offenders = [...hans, ...hant].filter((u) => counted.test(u.zh)).map((u) => u.zh);
    expect(offenders).to.deep.equal([]);
    expect(hans.find((u) => u.id === 'calendar.more')!.zh).to.equal('还有 {0} 个活动');
    expect(hant.find((u) => u.id === 'calendar.more')!.zh).to.equal('還有 {0} 個活動');
  });

  it('call stories 故事 (not 幻灯片 or 轮播) and the phone 这台设备', () => {
    const words = /幻灯片|幻燈片|投影片|轮播|輪播|这台手机|這台手機|这部手机|這部手機/;
    expect([...hans, ...hant].filter((u) => words.test(u.zh)).map((u) => u.zh)).to.deep.equal([]);
    expect(hans.find((u) => u.id === 'carousel.label')!.zh).to.equal('故事');
    expect(hant.find((u) => u.id === 'carousel.label')!.zh).to.equal('故事');
    expect(hans.find((u) => u.id === 'intake.queuedTitle')!.zh).to.equal('已保存在这台设备上');
    expect(hant.find((u) => u.id === 'intake.queuedTitle')!.zh).to.equal('已儲存在這台裝置上');
  });

  it('keep Traditional Chinese in Traditional characters', () => {
    // Characters that exist only in the Simplified script, common in this project's copy.
    const simplified = /[们这设备据务组时间个击载视览请话说让还没选择关闭发复联网络]/;
    const offenders = hant.filter((u) => simplified.test(u.zh)).map((u) => `${u.id}: ${u.zh}`);
    expect(offenders).to.deep.equal([]);
  });
});
