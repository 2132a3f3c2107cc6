import { describe, expect, it } from 'vitest';
import { nameToSurname, redact } from './redact.js';

describe('redact', () => {
  it('masks ID numbers, phones, cards and e-mail, and counts them', () => {
    const r = redact(
      '身份证110101199003071234，老证110101900307123，电话138 1234 5678、+8613912345678、0451-82345678，卡号6222 0202 0000 1234 567，邮箱a.b@qq.com',
    );
    expect(r.text).toBe(
      '身份证[身份证号已隐去]，老证[身份证号已隐去]，电话[电话已隐去]、[电话已隐去]、[电话已隐去]，卡号[卡号已隐去]，邮箱[邮箱已隐去]',
    );
    expect(r.found).toEqual({ id_number: 2, phone: 3, bank_card: 1, email: 1 });
  });

  it('turns known and stated names into a surname, and masks known addresses and door numbers', () => {
    const r = redact('我叫张三，住和平街12号3单元501室。王小明说王小明家也漏水，欧阳修文作证。', {
      names: ['王小明', '欧阳修文', '王'],
      addresses: ['和平街12号3单元501室'],
    });
    expect(r.text).toBe('我叫张某，住[住址已隐去]。王某说王某家也漏水，欧阳某作证。');
    expect(r.found).toMatchObject({ name: 4, address: 1 });
    expect(redact('幸福小区3号楼2单元楼道灯坏了').text).toBe('幸福小区**号楼**单元楼道灯坏了');
  });

  it('leaves ordinary numbers, dates, hotlines and plain text alone, and changes nothing the second time', () => {
    const plain = '2024年3月5日起，12345热线反映的15个路灯坏了，<script>x</script> 🚗';
    expect(redact(plain)).toEqual({ text: plain, found: {} });
    const once = redact('电话13812345678，身份证11010119900307123X', { names: ['李四'] }).text;
    expect(redact(once).text).toBe(once);
    expect(nameToSurname('王小明')).toBe('王某');
  });
});
