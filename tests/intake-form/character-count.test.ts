import '../support/setup.js';
import { expect } from '@open-wc/testing';
import { until } from '../support/index.js';
import { mountForm } from '../support/intake.js';

const schema = {
  title: '报名',
  type: 'object',
  properties: {
    name: { type: 'string', title: '家长姓名', maxLength: 10 },
    note: { type: 'string', title: '备注', maxLength: 100, 'x-ui': { widget: 'textarea' } },
  },
};

describe('<intake-form> character count', () => {
  it('shows no count under an empty one-line answer, and none while it is far from the limit', async () => {
    const form = await mountForm({ schema });
    expect(form.count('家长姓名')).to.equal('');
    expect(form.description('家长姓名')).to.deep.equal([]);
    expect(form.countAnnouncement('家长姓名')).to.deep.equal({ text: '', live: 'polite' });
    await form.fill('家长姓名', '示例家长');
    expect(form.count('家长姓名')).to.equal('');
    expect(form.countAnnouncement('家长姓名').text).to.equal('');
  });

  it('shows and politely announces the count once a one-line answer nears its limit (80 %)', async () => {
    const form = await mountForm({ schema });
    await form.fill('家长姓名', '一二三四五六七');
    expect(form.count('家长姓名')).to.equal('');
    await form.fill('家长姓名', '一二三四五六七八');
    await until(() => form.count('家长姓名') !== '', 'the count near the limit');
    expect(form.count('家长姓名')).to.equal('已写 8 字，最多 10 字');
    expect(form.description('家长姓名')).to.include('已写 8 字，最多 10 字');
    expect(form.countAnnouncement('家长姓名')).to.deep.equal({
      text: '已写 8 字，最多 10 字',
      live: 'polite',
    });
    await expect(form.el).to.be.accessible();
  });

  it('always shows the count under a long text, and announces it only near the limit', async () => {
    const form = await mountForm({ schema });
    expect(form.count('备注')).to.equal('已写 0 字，最多 100 字');
    expect(form.description('备注')).to.include('已写 0 字，最多 100 字');
    expect(form.countAnnouncement('备注').text).to.equal('');
    await form.fill('备注', '字'.repeat(85));
    await until(() => form.countAnnouncement('备注').text !== '', 'the announcement');
    expect(form.countAnnouncement('备注').text).to.equal('已写 85 字，最多 100 字');
  });
});
