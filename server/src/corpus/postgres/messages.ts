/**
 * What the corpus database's client says of its state and faults, in English and Chinese: the
 * status bar's note in the editor's display language, the command line's in its own. The
 * driver's own detail (`connect ECONNREFUSED …`) is quoted as it comes.
 */
import type { Locale } from '../../core/rules/types';

const en = {
  connecting: 'connecting to the corpus database',
  connected: (documents: number) => `corpus database: ${documents} documents`,
  schemaMissing: (schema: string) => `the database has no corpus (schema ${schema}): publish one with resolution-drafter publish`,
  schemaTooOld: (version: number, wanted: number) => `the corpus database's schema is version ${version}, older than ${wanted}: publish the corpus again with this version`,
  schemaTooNew: (version: number, wanted: number) => `the corpus database's schema is version ${version}, newer than ${wanted}: update Resolution Drafter`,
  refused: (detail: string) => `the corpus database refused the login (${detail})`,
  unreachable: (detail: string) => `cannot reach the corpus database (${detail})`,
  failed: (detail: string) => `the corpus database failed (${detail})`,
  noPassword: (user: string | undefined, command: string) => `the corpus database asks a password for ${user || 'this login'} and none is set: set PGPASSWORD or a .pgpass line (in the editor: “${command}”)`,
  publishRefused: (detail: string) => `the database refused the login or the rights to publish (${detail}): publish needs the writer role (see README, "Corpus database")`,
  publishUnreachable: (detail: string) => `cannot reach the database (${detail})`,
  /** The editor command that stores the login, with its category (package.nls.json). */
  setLoginCommand: 'Resolution Drafter: Set the corpus database login',
};

const zh: typeof en = {
  connecting: '正在连接语料库数据库',
  connected: (documents) => `语料库数据库：${documents} 份文件`,
  schemaMissing: (schema) => `该数据库中没有语料库（模式 ${schema}）：请用 resolution-drafter publish 发布一个`,
  schemaTooOld: (version, wanted) => `语料库数据库的模式为第 ${version} 版，早于第 ${wanted} 版：请用本版本重新发布语料库`,
  schemaTooNew: (version, wanted) => `语料库数据库的模式为第 ${version} 版，晚于第 ${wanted} 版：请更新 Resolution Drafter`,
  refused: (detail) => `语料库数据库拒绝了登录（${detail}）`,
  unreachable: (detail) => `无法连接语料库数据库（${detail}）`,
  failed: (detail) => `语料库数据库出错（${detail}）`,
  noPassword: (user, command) => `语料库数据库要求${user ? ` ${user} ` : '此登录'}提供密码，但未设置：请设置 PGPASSWORD 或 .pgpass 中的一行（在编辑器中：“${command}”）`,
  publishRefused: (detail) => `数据库拒绝了登录或发布权限（${detail}）：发布需要写入者角色（见 README“Corpus database”）`,
  publishUnreachable: (detail) => `无法连接数据库（${detail}）`,
  setLoginCommand: '决议起草: 设置语料库数据库登录',
};

export type DatabaseMessages = typeof en;

/** The corpus database's messages by language. */
export const databaseMessages: Record<Locale, DatabaseMessages> = { en, zh };
