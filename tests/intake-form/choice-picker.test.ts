import '../support/setup.js';
import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { until } from '../support/index.js';
import { mountForm, mountFormIn, uniqueKey, warmUp } from '../support/intake.js';

/**
 * Above 200 choices a question is a searchable picker (APG combobox with a listbox popup)
 * instead of a `<select>`: 50,000 `<option>`s took 4 s to render. The picker must behave as the
 * select did for the answer, its checks, the draft and the submission.
 * tests/fixtures/intake/forms/big-choice.json: 220 communities (11 districts × 20).
 */
describe('<intake-form> searchable picker for long lists', function () {
  before(async function () {
    this.timeout(120_000);
    await warmUp();
  });

  it('searches as the person types and sends the chosen value', async () => {
    const form = await mountForm({ form: 'big-choice' });
    const box = form.control('所在社区');
    expect(box.getAttribute('role')).to.equal('combobox');
    expect(box.placeholder).to.equal('输入文字搜索');
    expect(form.choicesRendered()).to.equal(0);
    await expect(form.el).to.be.accessible();

    await form.search('所在社区', '天河');
    expect(form.pickerOptions('所在社区')).to.have.length(20);
    expect(form.pickerOptions('所在社区')[0]).to.equal('天河区第1社区');
    expect(form.pickerStatus('所在社区')).to.equal('找到 20 个');
    await form.search('所在社区', '第1');
    expect(form.pickerOptions('所在社区')).to.have.length(50);
    expect(form.pickerStatus('所在社区')).to.equal(
      '先显示前 50 个（共 121 个），继续输入可以缩小范围。',
    );
    await form.search('所在社区', '天河区 第 12'); // spaces and full-width forms do not matter
    expect(form.pickerOptions('所在社区')).to.deep.equal(['天河区第12社区']);
    expect(form.pickerStatus('所在社区')).to.equal('找到 1 个');
    await form.search('所在社区', '深圳');
    expect(form.pickerOptions('所在社区')).to.deep.equal([]);
    expect(form.pickerStatus('所在社区')).to.equal('没有找到。请少输入几个字，或换个说法。');
    expect(box.getAttribute('aria-expanded')).to.equal('false');

    // Typing is a search, not an answer: as with a select, nothing is chosen yet.
    await form.fill('姓名', '示例家长');
    await form.submit();
    expect(form.summaryMessages()).to.deep.equal(['请选择所在社区']);
    expect(form.error('所在社区')).to.equal('请选择所在社区');

    await form.choose('所在社区', '海珠区第7社区');
    expect(box.value).to.equal('海珠区第7社区');
    expect(form.error('所在社区')).to.equal(null);
    expect(form.pickerOptions('所在社区')).to.deep.equal([]);
    await form.submit();
    expect((await form.submitted('sent')).data).to.deep.equal({
      name: '示例家长',
      community: 'HZ-07',
    });
  });

  it('works with the keyboard alone', async () => {
    const marker = `键盘-${uniqueKey()}`;
    const form = await mountForm({ form: 'big-choice' });
    form.control('姓名').focus();
    await sendKeys({ type: marker });
    await sendKeys({ press: 'Tab' });
    expect(form.focused()).to.equal(form.control('所在社区'));
    await sendKeys({ type: '番禺区第2' });
    await until(() => form.pickerOptions('所在社区').length === 2, 'two matches');
    expect(form.activeOption('所在社区')).to.equal(null);

    await sendKeys({ press: 'ArrowDown' });
    expect(form.activeOption('所在社区')).to.equal('番禺区第2社区');
    await sendKeys({ press: 'ArrowDown' });
    expect(form.activeOption('所在社区')).to.equal('番禺区第20社区');
    await sendKeys({ press: 'ArrowDown' }); // wraps round
    expect(form.activeOption('所在社区')).to.equal('番禺区第2社区');
    await sendKeys({ press: 'ArrowUp' });
    expect(form.activeOption('所在社区')).to.equal('番禺区第20社区');
    const box = form.control('所在社区');
    const active = form.el.shadowRoot!.getElementById(box.getAttribute('aria-activedescendant')!);
    expect(active?.getAttribute('aria-selected')).to.equal('true');
    expect(form.focused()).to.equal(box); // focus stays in the box
    await expect(form.el).to.be.accessible();

    await sendKeys({ press: 'Escape' }); // closes the list, keeps the words
    expect(form.pickerOptions('所在社区')).to.deep.equal([]);
    expect(box.value).to.equal('番禺区第2');
    await sendKeys({ press: 'ArrowDown' }); // opens it again on the first match
    expect(form.activeOption('所在社区')).to.equal('番禺区第2社区');
    await sendKeys({ press: 'Enter' }); // chooses, does not submit
    expect(box.value).to.equal('番禺区第2社区');
    expect(form.pickerOptions('所在社区')).to.deep.equal([]);
    expect(form.events.of('dandelion-submit')).to.deep.equal([]);

    await sendKeys({ type: '天河' }); // changes its mind, then takes it back
    await sendKeys({ press: 'Escape' });
    await sendKeys({ press: 'Escape' });
    expect(box.value).to.equal('番禺区第2社区');

    await sendKeys({ press: 'Enter' }); // list closed: Enter submits the form
    expect((await form.submitted('sent')).data).to.deep.equal({
      name: marker,
      community: 'PY-02',
    });
  });

  it('keeps its answer in the draft like a select, restores it, and clears with the form', async () => {
    const key = uniqueKey('picker');
    const first = await mountForm({ form: 'big-choice', key });
    await first.choose('所在社区', '白云区第3社区');
    await until(
      async () => (await first.storedDraft())?.values['/community'] === 'BY-03',
      'the draft to hold the choice',
    );

    const again = await mountForm({ form: 'big-choice', key });
    await again.draftChecked();
    expect(again.control('所在社区').value).to.equal('白云区第3社区');
    expect(again.noticeText()).to.equal('已经帮你填回上次在这台设备上没填完的内容。');

    // Leaving the box with a choice's exact title chooses it; leaving it empty clears it.
    await again.search('所在社区', '增城区第20社区');
    await again.fill('姓名', '示例家长'); // moves on to another question
    expect(again.control('所在社区').value).to.equal('增城区第20社区');
    await until(
      async () => (await again.storedDraft())?.values['/community'] === 'ZC-20',
      'the draft to hold the new choice',
    );
    await again.search('所在社区', '');
    await again.fill('姓名', '示例家长');
    await again.submit();
    expect(again.error('所在社区')).to.equal('请选择所在社区');

    await again.choose('所在社区', '南沙区第1社区');
    await again.clear();
    expect(again.control('所在社区').value).to.equal('');
  });

  it('renders a handful of options for 50,000 choices, and finds any of them', async () => {
    const schema = {
      type: 'object',
      required: ['building'],
      properties: {
        building: {
          title: '楼栋',
          enum: Array.from({ length: 50_000 }, (_, i) => `${i + 1}号楼`),
        },
      },
    };
    const { page, form } = await mountFormIn<HTMLFormElement>(
      html`<form>
        <intake-form
          name="intake"
          lang="zh-Hans"
          storage-key=${uniqueKey('fifty-thousand')}
          no-draft
          .schema=${schema}
        ></intake-form>
      </form>`,
    );
    expect(form.choicesRendered()).to.equal(0);
    await form.search('楼栋', '');
    expect(form.choicesRendered()).to.equal(50);
    expect(form.pickerStatus('楼栋')).to.equal(
      '先显示前 50 个（共 50,000 个），继续输入可以缩小范围。',
    );
    await form.search('楼栋', '49999');
    expect(form.pickerOptions('楼栋')).to.deep.equal(['49999号楼']);
    await form.choose('楼栋', '49999号楼');
    expect(form.choicesRendered()).to.equal(0);
    expect(JSON.parse(String(new FormData(page).get('intake')))).to.deep.equal({
      building: '49999号楼',
    });
    expect(page.checkValidity()).to.equal(true);
  });

  it('speaks Traditional Chinese and English', async () => {
    const hant = await mountForm({ form: 'big-choice', lang: 'zh-Hant' });
    expect(hant.control('所在社區').placeholder).to.equal('輸入文字搜尋');
    await hant.search('所在社區', '荔灣');
    expect(hant.pickerOptions('所在社區')[0]).to.equal('荔灣區第1社區');
    expect(hant.pickerStatus('所在社區')).to.equal('找到 20 個');
    await hant.search('所在社區', '社區');
    expect(hant.pickerStatus('所在社區')).to.equal(
      '先顯示前 50 個（共 220 個），繼續輸入可以縮小範圍。',
    );

    const en = await mountForm({ form: 'big-choice', lang: 'en' });
    await en.search('Community', 'tianhe community 1');
    expect(en.pickerOptions('Community')).to.deep.equal([
      'Tianhe community 1',
      'Tianhe community 10',
      'Tianhe community 11',
      'Tianhe community 12',
      'Tianhe community 13',
      'Tianhe community 14',
      'Tianhe community 15',
      'Tianhe community 16',
      'Tianhe community 17',
      'Tianhe community 18',
      'Tianhe community 19',
    ]);
    expect(en.pickerStatus('Community')).to.equal('11 matches');
    await en.search('Community', 'Tianhe community 12');
    expect(en.pickerStatus('Community')).to.equal('1 match');
    await en.search('Community', 'Shenzhen');
    expect(en.pickerStatus('Community')).to.equal('Nothing matches. Try fewer or other words.');
  });

  it('fits a 390 px wide phone, with options big enough to tap', async () => {
    const { page, form } = await mountFormIn<HTMLDivElement>(
      html`<div style="inline-size: 390px">
        <intake-form
          lang="zh-Hans"
          storage-key=${uniqueKey('phone')}
          schema="/api/forms/big-choice.json"
          action="/api/intake/big-choice"
        ></intake-form>
      </div>`,
    );
    await form.search('所在社区', '区');
    const list = form.control('所在社区').getAttribute('aria-controls')!;
    const phone = page.getBoundingClientRect();
    const box = form.el.shadowRoot!.getElementById(list)!.getBoundingClientRect();
    expect(box.left).to.be.at.least(phone.left);
    expect(box.right).to.be.at.most(phone.right);
    expect(phone.width).to.equal(390);
    const options = [...form.el.shadowRoot!.querySelectorAll('[role="option"]')];
    expect(options).to.have.length(50);
    for (const option of options.slice(0, 5)) {
      expect(option.getBoundingClientRect().height).to.be.at.least(44);
    }
    expect(form.el.scrollWidth).to.be.at.most(390);
    await expect(form.el).to.be.accessible();
  });
});
