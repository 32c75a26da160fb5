import '../support/setup.js';
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/story-carousel/define.js';

async function fontOf(lang: string): Promise<string> {
  const box = await fixture<HTMLDivElement>(html`
    <div lang=${lang}>
      <story-carousel
        ><article>
          <h3>故事</h3>
          <p>摘要</p>
        </article></story-carousel
      >
    </div>
  `);
  const el = box.querySelector('story-carousel')!;
  return getComputedStyle(el).fontFamily;
}

describe('font faces by language', () => {
  it('Traditional Chinese pages get the Traditional Chinese faces', async () => {
    for (const lang of ['zh-Hant', 'zh-TW', 'zh-HK']) {
      const font = await fontOf(lang);
      expect(font, lang).to.contain('PingFang TC');
      expect(font, lang).to.contain('Microsoft JhengHei');
      expect(font, lang).to.contain('Noto Sans CJK TC');
      expect(font, lang).not.to.contain('PingFang SC');
    }
  });

  it('Simplified Chinese and other pages keep the Simplified faces', async () => {
    for (const lang of ['zh-Hans', 'zh-CN', 'en']) {
      const font = await fontOf(lang);
      expect(font, lang).to.contain('PingFang SC');
      expect(font, lang).not.to.contain('PingFang TC');
    }
  });

  it("a site's own font stack wins in every language", async () => {
    document.documentElement.style.setProperty('--dandelion-font-family', 'SiteFont');
    try {
      expect(await fontOf('zh-Hant')).to.equal('SiteFont');
    } finally {
      document.documentElement.style.removeProperty('--dandelion-font-family');
    }
  });
});
