import '../support/setup.js';
import { expect } from '@open-wc/testing';
import { FormAnswers } from '../../src/intake-form/answers.js';
import { issueMessage } from '../../src/intake-form/messages.js';
import { readSchema, type Field } from '../../src/intake-form/schema.js';
import { loadForm } from '../support/intake.js';

/** The DOM-free answers model of a form: what shows, and when (Lion's feedback rules). */
async function answersOf(name: string) {
  const model = readSchema(await loadForm(name));
  let changes = 0;
  const answers = new FormAnswers(
    model,
    () => ({ locale: 'en', number: new Intl.NumberFormat('en'), explain: issueMessage }),
    () => changes++,
  );
  const field = (key: string): Field => model.byPointer.get(`/${key}`)!;
  return { answers, field, changes: () => changes };
}

describe('intake FormAnswers (answers and feedback without the DOM)', () => {
  it('keeps a missing answer quiet until the field is changed and left, or submitted', async () => {
    const { answers, field } = await answersOf('test-signup');
    const name = field('name');
    answers.derive();
    expect(answers.visibleError(name), 'untouched').to.equal(undefined);
    answers.set(name, '', false);
    answers.derive();
    expect(answers.visibleError(name), 'still typing').to.equal(undefined);
    answers.leave(name.pointer);
    expect(answers.visibleError(name), 'changed and left').to.be.a('string').and.not.be.empty;

    const fresh = (await answersOf('test-signup')).answers;
    fresh.derive();
    expect(fresh.showAll(), 'a problem to show').to.equal(true);
    expect(fresh.summary.map((e) => e.field?.pointer)).to.deep.equal(['/name']);
  });

  it('builds the answer object from trimmed answers, leaving out blanks', async () => {
    const { answers, field } = await answersOf('test-signup');
    answers.set(field('name'), '  小明  ', false);
    answers.set(field('note'), '   ', false);
    answers.derive();
    expect(answers.data).to.deep.equal({ name: '小明' });
    expect(answers.showAll(), 'nothing to fix').to.equal(false);
  });

  it('shows the server’s word on a field until the person changes it', async () => {
    const { answers, field } = await answersOf('test-signup');
    answers.set(field('name'), '小明', false);
    answers.refused([{ pointer: '/name/first', detail: 'This name is already registered.' }]);
    answers.derive();
    expect(answers.visibleError(field('name'))).to.equal('This name is already registered.');
    answers.set(field('name'), '小红', false);
    answers.derive();
    expect(answers.visibleError(field('name'))).to.equal(undefined);
  });

  it('puts a sent body back into the controls, and tells the element each change', async () => {
    const { answers, field, changes } = await answersOf('test-signup');
    const before = changes();
    expect(answers.restore(JSON.stringify({ name: '小明', note: '过敏' }))).to.equal(true);
    expect(answers.values[field('name').pointer]).to.equal('小明');
    expect(answers.values[field('note').pointer]).to.equal('过敏');
    expect(answers.restore('{not json')).to.equal(false);
    expect(changes()).to.be.greaterThan(before);
  });
});
