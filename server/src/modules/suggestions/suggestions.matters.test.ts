import { describe, expect, it } from 'vitest';
import { checkMatters, numberedItems } from './suggestions.matters.js';

describe('one matter per suggestion', () => {
  it('leaves one matter with several measures alone', () => {
    const r = checkMatters({
      title: '关于加快老旧小区改造的建议',
      grounds: '我区老旧小区多建于上世纪八十年代，设施老化。此外，老旧小区管线破损严重。',
      proposal: '一、加大老旧小区改造资金投入。二、推进老旧小区加装电梯。三、完善老旧小区物业管理。',
    });
    expect(r).toEqual({ several: false, signals: [], message: null });
    expect(checkMatters({ title: '关于加强和改进社区养老服务的建议', proposal: '建议增加社区养老床位。' }).several).toBe(false);
  });

  it('warns on numbered asks of distinct matters', () => {
    const r = checkMatters({
      title: '关于改善民生的建议',
      proposal: '1. 修复幸福路段损坏的路灯。2. 增开通往开发区的公交线路。3. 解决适龄儿童学校入学难。',
    });
    expect(r.several).toBe(true);
    expect(r.signals[0]?.kind).toBe('numbered_items');
    expect(r.message?.zh).toContain('一事一议');
    expect(r.message?.en).toContain('One matter per suggestion');
  });

  it('warns on a clause opened by 另外 that leaves the subject, not on one that stays with it', () => {
    const r = checkMatters({
      title: '关于幸福路路灯维修的建议',
      grounds: '幸福路路灯损坏多时。此外，该路段路灯线路老化。',
      proposal: '尽快维修路灯。另外，建议在城东新建一座体育馆，丰富群众文体生活。',
    });
    expect(r.signals).toEqual([{ kind: 'connective', excerpt: '另外，建议在城东新建一座体育馆，丰富群众文体生活' }]);
  });

  it('warns on a title joining unrelated subjects', () => {
    const r = checkMatters({ title: '关于加强学校周边交通安全及增设社区养老设施的建议' });
    expect(r.signals.map((s) => s.kind)).toEqual(['title_conjunction']);
  });

  it('reads the usual numbering styles', () => {
    expect(numberedItems('（1）修路；（2）建桥；（3）治水')).toEqual(['修路', '建桥', '治水']);
    expect(numberedItems('一、修路。二、建桥。')).toEqual(['修路', '建桥']);
    expect(numberedItems('①修路②建桥')).toEqual(['修路', '建桥']);
    expect(numberedItems('1.修路\n2.建桥\n第3.5条不是编号')).toEqual(['修路', '建桥\n第3.5条不是编号']);
    expect(numberedItems('只有一段话，没有编号。')).toEqual([]);
  });
});
