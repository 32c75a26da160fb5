import '../support/setup.js';
import { expect } from '@open-wc/testing';
import { readSchema } from '../../src/intake-form/schema.js';
import { loadForm, mountForm, uniqueKey, warmUp } from '../support/intake.js';

/** test-signup with what happens after sending, in three languages. */
async function signupWithNextSteps(): Promise<Record<string, unknown>> {
  const schema = await loadForm('test-signup');
  schema['x-ui'] = {
    success: {
      title: { 'zh-Hans': '报名已收到', 'zh-Hant': '報名已收到', en: 'We have your sign-up' },
      text: {
        'zh-Hans': '谢谢你的报名。',
        'zh-Hant': '謝謝你的報名。',
        en: 'Thank you for signing up.',
      },
      nextSteps: [
        {
          'zh-Hans': '社工会在两个工作日内打电话和你确认',
          'zh-Hant': '社工會在兩個工作天內打電話和你確認',
          en: 'A social worker will call you within two working days',
        },
        {
          'zh-Hans': '活动当天请提前十分钟到',
          'zh-Hant': '活動當天請提前十分鐘到',
          en: 'On the day, please come ten minutes early',
        },
      ],
    },
  };
  return schema;
}

async function sendSignup(lang: string, schema: Record<string, unknown>) {
  const form = await mountForm({ schema, action: '/api/intake/test-signup', lang });
  await form.fill(lang === 'en' ? 'Name' : '姓名', `下一步-${uniqueKey()}`);
  await form.submit();
  await form.submitted('sent');
  await form.settle();
  return form;
}

describe('<intake-form> says what happens next', () => {
  before(async function () {
    this.timeout(120_000);
    await warmUp();
  });

  it('shows the schema’s heading, sentence and next steps once the answers are sent', async () => {
    const form = await sendSignup('zh-Hans', await signupWithNextSteps());
    expect(form.result()).to.equal('报名已收到');
    expect(form.successText()).to.equal('谢谢你的报名。');
    expect(form.nextSteps()).to.deep.equal({
      title: '接下来',
      steps: ['社工会在两个工作日内打电话和你确认', '活动当天请提前十分钟到'],
    });
    expect(form.reference()).to.not.equal(null);
    await expect(form.el).to.be.accessible();
  });

  it('speaks the page’s language', async () => {
    const en = await sendSignup('en', await signupWithNextSteps());
    expect(en.result()).to.equal('We have your sign-up');
    expect(en.nextSteps()?.title).to.equal('What happens next');
    expect(en.nextSteps()?.steps[0]).to.equal(
      'A social worker will call you within two working days',
    );
    const hant = await sendSignup('zh-Hant', await signupWithNextSteps());
    expect(hant.nextSteps()).to.deep.equal({
      title: '接下來',
      steps: ['社工會在兩個工作天內打電話和你確認', '活動當天請提前十分鐘到'],
    });
  });

  it('keeps the default thanks and shows no list when the schema says nothing', async () => {
    const form = await sendSignup('zh-Hans', await loadForm('test-signup'));
    expect(form.result()).to.equal('提交成功，谢谢！');
    expect(form.nextSteps()).to.equal(null);
    expect(form.successText()).to.equal(null);
  });

  it('reports a malformed x-ui.success and keeps the texts that are right', () => {
    const form = readSchema({
      type: 'object',
      properties: { a: { type: 'string' } },
      'x-ui': { success: { title: 7, nextSteps: ['带上户口本', { en: 'Bring ID' }, 3] } },
    });
    expect(form.success).to.deep.equal({
      title: undefined,
      text: undefined,
      nextSteps: ['带上户口本', { en: 'Bring ID' }],
    });
    expect(form.problems.map((p) => p.at)).to.deep.equal([
      '/x-ui/success/title',
      '/x-ui/success/nextSteps/2',
    ]);
    // Only the root says what happens after sending.
    const nested = readSchema({
      type: 'object',
      properties: { a: { type: 'string', 'x-ui': { success: { nextSteps: [] } } } },
    });
    expect(nested.problems.map((p) => p.at)).to.deep.equal(['/properties/a/x-ui/success']);
  });
});
