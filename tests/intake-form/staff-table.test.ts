import '../support/setup.js';
/** The demo's staff table: answers as text, read through the form's own questions and choices. */
import { expect } from '@open-wc/testing';
import { renderSubmissions, type Submission } from '../../demo/staff-table.js';

const submission = (data: Record<string, unknown>): Submission => ({
  id: 'id-1',
  reference: 'DX-TEST',
  key: 'key-1',
  receivedAt: '2026-12-03T02:30:00Z',
  data,
});

const heads = (table: HTMLTableElement) =>
  [...table.tHead!.rows[0].cells].map((cell) => cell.textContent);
const cells = (table: HTMLTableElement) =>
  [...table.tBodies[0].rows[0].cells].map((cell) => cell.textContent);

describe('demo staff table', () => {
  it('names columns by the questions and shows choices by their titles (zh-Hans)', async () => {
    const schema = await (await fetch('/demo/forms/activity-signup.json')).json();
    const table = renderSubmissions(
      [
        submission({
          parentName: '示例家长<b>粗体</b>',
          phone: '020-00000000',
          session: 'sat-am',
          needs: ['step-free', 'stroller'],
          photos: false,
          consent: true,
          extra: '表单里没有的字段',
        }),
      ],
      'zh-Hans',
      schema,
    );
    const h = heads(table);
    const row = cells(table);
    const at = (head: string) => row[h.indexOf(head)];
    expect(h.slice(0, 4)).to.deep.equal(['编号', '收到时间', '家长姓名', '联系电话']);
    expect(at('家长姓名'), 'markup stays text').to.equal('示例家长<b>粗体</b>');
    expect(table.querySelector('b')).to.equal(null);
    expect(at('想参加哪一场？')).to.equal('周六上午 · 绘本共读');
    expect(at('需要我们准备什么吗？')).to.equal('无障碍通道、婴儿车停放');
    expect(at('同意活动中拍照，用于社工站的宣传（不同意也可以参加）')).to.equal('否');
    expect(h.at(-1), 'an answer the form does not ask keeps its key').to.equal('extra');
    expect(row.at(-1)).to.equal('表单里没有的字段');
    expect(at('带几个孩子来？'), 'unanswered questions stay empty').to.equal('');
  });

  it('puts nested questions under their group and speaks English', async () => {
    const schema = await (await fetch('/demo/forms/home-visit.json')).json();
    const table = renderSubmissions(
      [submission({ child: { age: 9, inSchool: false } })],
      'en',
      schema,
    );
    const h = heads(table);
    const row = cells(table);
    expect(h.slice(0, 2)).to.deep.equal(['Reference', 'Received']);
    expect(row[h.indexOf("Child · Child's age (years)")]).to.equal('9');
    expect(row[h.indexOf('Child · Does the child go to school regularly?')]).to.equal('No');
  });

  it('lists the answers by key without a schema', () => {
    const table = renderSubmissions([submission({ a: 1, b: { c: [1, 2] } })]);
    expect(heads(table)).to.deep.equal(['编号', '收到时间', 'a', 'b.c']);
    expect(cells(table).slice(2)).to.deep.equal(['1', '1、2']);
  });
});
