import { eq } from 'drizzle-orm';
import type { AppDeps } from './app.js';
import { importRegions } from './modules/regions/importRegions.js';
import { recordAudit } from './platform/audit.js';
import { generatePassword, hashPassword, meetsPasswordPolicy } from './platform/auth/password.js';
import { systemContext } from './platform/context.js';
import { users } from './platform/platform.tables.js';
import { accountLine } from './seed/accounts.js';
import { type SeedResult, seedDemo } from './seed/demo.js';

/**
 * First start on an empty database: the national regions, the `admin` account, and (unless
 * LIANLUO_DEMO=0) the demo city. Each step is skipped when already done, so a restart changes nothing.
 */
export async function bootstrap(deps: Pick<AppDeps, 'db' | 'config' | 'crypto'>, print: (msg: string) => void): Promise<void> {
  const { db, config } = deps;
  const started = Date.now();
  const imported = await importRegions(db);
  if (imported) print(`已导入全国行政区划 ${imported} 条 (regions imported in ${Date.now() - started} ms)`);

  const [admin] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'admin'));
  if (!admin) {
    const given = config.adminPassword;
    if (given && !meetsPasswordPolicy(given)) {
      throw new Error(
        'LIANLUO_ADMIN_PASSWORD does not meet the password policy (8+ characters, 3 of: upper, lower, digit, symbol)',
      );
    }
    const password = given ?? generatePassword();
    await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(users)
        .values({
          username: 'admin',
          displayName: '系统管理员',
          role: 'sysadmin',
          regionCode: '',
          passwordHash: await hashPassword(password),
          mustChangePassword: !given,
        })
        .returning({ id: users.id });
      await recordAudit(tx, systemContext('bootstrap'), {
        action: 'user.create',
        entityType: 'user',
        entityId: row?.id,
        after: { username: 'admin', role: 'sysadmin' },
      });
    });
    print(
      given
        ? 'admin 账号已创建，密码取自 LIANLUO_ADMIN_PASSWORD (admin created with LIANLUO_ADMIN_PASSWORD)'
        : `admin 初始密码 (shown once; change it at first sign-in): ${password}`,
    );
  }

  if (config.demo) {
    const onAccounts = (accounts: SeedResult['accounts']) => {
      for (const a of accounts) print(accountLine(a));
      print('正在生成演示意见和建议，约需几分钟 (writing the demo opinions and suggestions: a few minutes)…');
    };
    const result = await seedDemo(deps, { scale: 'city', onAccounts });
    if (result.created) print(`演示数据已生成 (demo city loaded): ${result.summary}`);
  }
}
