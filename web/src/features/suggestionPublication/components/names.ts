import type { FormRule } from 'antd';
import type { TFunction } from 'i18next';

/** Typing one of these after a name adds it, as Enter does; not a space, which some names hold. */
export const NAME_SEPARATORS = [',', '，', '、', '；', ';'];

/** The server's rule (suggestions.publication.schema.ts NameList): a name to mask has 2 characters or more. */
export const namesRule = (t: TFunction): FormRule => ({
  validator: (_, v: string[] | undefined) =>
    (v ?? []).every((n) => [...n.trim()].length >= 2)
      ? Promise.resolve()
      : Promise.reject(new Error(t('suggestionPublication:create.namesTooShort'))),
});
