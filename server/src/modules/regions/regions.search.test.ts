import { describe, expect, it } from 'vitest';
import { pinyinKeys } from '../../platform/text.js';
import { initialsVariants } from './regions.search.js';

describe('initialsVariants', () => {
  it('lets an "r" stand for the "e" of an er syllable', () => {
    expect(initialsVariants('hrb')).toEqual(['hrb', 'heb']);
    expect(pinyinKeys('哈尔滨市').nameInitials.startsWith('heb')).toBe(true);
  });

  it('leaves queries without r alone and bounds the number of variants', () => {
    expect(initialsVariants('dl')).toEqual(['dl']);
    expect(initialsVariants('rrrrrr')).toHaveLength(16);
  });
});
