// The one table of length limits for every text a user or a file brings in (issue 9, item 11). Every boundary —
// the importers' row parsers, the registry service, the contract's schemas for letters and settings — reads its
// limit and its Chinese label from here, so a message always names the field and the same number.

export interface TextLimit {
  /** the field's name as the user sees it (the file header or the form label) */
  readonly label: string;
  /** characters (UTF-16 code units, as JavaScript and the database count them) */
  readonly max: number;
  /** line breaks are part of the text (a letter's body, a note); elsewhere they become a space */
  readonly multiline?: boolean;
}

const limit = (label: string, max: number, multiline = false): TextLimit => ({ label, max, multiline });

export const TEXT_LIMITS = {
  registry: {
    id: limit('编号', 64),
    name: limit('商标名称', 200),
    registrationNumber: limit('注册号', 64),
    holder: limit('权利人', 200),
    alias: limit('别名', 200),
    region: limit('地域', 100),
    notes: limit('备注', 2000, true),
  },
  filing: {
    applicationNumber: limit('申请号', 64),
    markText: limit('商标名称', 200),
    goods: limit('商品服务', 4000),
    applicant: limit('申请人名称', 200),
    applicantAddress: limit('申请人地址', 300),
    agency: limit('代理机构', 200),
    gazetteIssue: limit('初审公告期号', 40),
  },
  listing: {
    id: limit('编号', 64),
    platform: limit('平台', 60),
    shop: limit('店铺', 200),
    // platforms cap titles at 60–120 characters; more than this is not a title
    title: limit('商品标题', 1000),
    url: limit('链接', 2000),
    price: limit('价格', 60),
    sellerLocation: limit('所在地', 100),
  },
  settings: {
    operator: limit('经办人', 40),
  },
  account: {
    login: limit('用户名', 40),
    displayName: limit('姓名', 40),
    password: limit('密码', 200),
  },
  letterSettings: {
    issuingBody: limit('发文机关', 60),
    bodyCode: limit('机关代字', 20),
    contactPerson: limit('联系人', 40),
    contactPhone: limit('联系电话', 40),
    copyTo: limit('抄送', 300),
    printingBody: limit('印发机关', 60),
  },
  letterTemplate: {
    title: limit('标题', 300),
    recipient: limit('收文机关', 200),
    body: limit('正文', 20_000, true),
    attachments: limit('附件说明', 2000, true),
  },
  letterFields: {
    title: limit('标题', 300),
    recipient: limit('收文机关', 200),
    body: limit('正文', 20_000, true),
    attachments: limit('附件说明', 2000, true),
    copyTo: limit('抄送', 300),
    ground: limit('法律依据', 40),
    evidence: limit('证据说明', 2000, true),
  },
} as const satisfies Record<string, Record<string, TextLimit>>;

/** Limits on the number of items in a list field. */
export const TEXT_LIST_LIMITS = {
  // a mark has a handful of aliases; 130,000 once overflowed the stack of the registry index
  aliases: { label: '别名', max: 50 },
  goods: { label: '商品服务', max: 500 },
  grounds: { label: '法律依据', max: 12 },
} as const;

/** The Chinese message for a text over its limit. */
export function tooLongMessage(field: TextLimit, length: number): string {
  return `「${field.label}」过长（${length} 字，最多 ${field.max} 字）`;
}

/** The Chinese message for a list with too many items. */
export function tooManyMessage(list: { label: string; max: number }, count: number): string {
  return `「${list.label}」过多（${count} 个，最多 ${list.max} 个）`;
}
