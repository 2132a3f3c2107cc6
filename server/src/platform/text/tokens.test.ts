import { describe, expect, it } from 'vitest';
import { indexTokens, queryTokens, searchDocument, searchQuery } from './tokens.js';

describe('Chinese search tokens', () => {
  it('cuts words with jieba and adds the character pairs of Chinese runs', () => {
    const tokens = indexTokens('松北区世纪大道路灯不亮');
    expect(tokens).toEqual(expect.arrayContaining(['松北区', '世纪', '路灯', '灯不']));
    expect(new Set(tokens).size).toBe(tokens.length);
  });

  it('drops punctuation, markup symbols and emoji, and lowercases Latin words', () => {
    const doc = searchDocument('<script>alert(1)</script> 😀 Hello，WORLD！');
    expect(doc.split(' ').sort()).toEqual(['1', 'alert', 'hello', 'script', 'world']);
  });

  it('builds a tsquery that needs every word, with pairs as a fallback for long Chinese words', () => {
    expect(queryTokens('路灯 供暖')).toEqual(['路灯', '供暖']);
    expect(searchQuery('路灯')).toBe('路灯');
    expect(searchQuery('哈尔滨市')).toContain('哈尔 & 尔滨');
    expect(searchQuery('！！😀')).toBeNull();
    expect(searchQuery("a' | b & !c")).toBe('a & b & c');
  });
});
