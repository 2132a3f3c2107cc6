import { Select, type SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { CONGRESS_KINDS, type OrganizationCategory, type OrganizationKind, UNIT_KINDS } from '../api/organizations';

interface Props extends Omit<SelectProps<OrganizationKind>, 'options'> {
  /** Only the kinds of this category. */
  category?: OrganizationCategory;
}

/** The kinds grouped under their category, as the server pairs them. */
export function KindSelect({ category, ...rest }: Props) {
  const { t } = useTranslation('organizations');
  const group = (c: OrganizationCategory, kinds: readonly OrganizationKind[]) => ({
    label: t(`category.${c}`),
    title: t(`category.${c}`),
    options: kinds.map((k) => ({ value: k, label: t(`kind.${k}`) })),
  });
  const options = [
    ...(category !== 'unit' ? [group('congress', CONGRESS_KINDS)] : []),
    ...(category !== 'congress' ? [group('unit', UNIT_KINDS)] : []),
  ];
  return <Select<OrganizationKind> options={options} {...rest} />;
}
