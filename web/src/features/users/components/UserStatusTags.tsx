import { Flex, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { User } from '../api/users';

export function UserStatusTags({ user }: { user: User }) {
  const { t } = useTranslation('users');
  return (
    <Flex gap={4} wrap>
      <Tag color={user.status === 'active' ? 'green' : 'default'} style={{ marginInlineEnd: 0 }}>
        {t(`status.${user.status}`)}
      </Tag>
      {user.locked && (
        <Tag color="red" style={{ marginInlineEnd: 0 }}>
          {t('locked')}
        </Tag>
      )}
      {user.mustChangePassword && (
        <Tag color="gold" style={{ marginInlineEnd: 0 }}>
          {t('mustChange')}
        </Tag>
      )}
    </Flex>
  );
}
