import type { LanguageProfile } from './profile';

/** Chinese General Assembly resolutions, as in the corpus seeds and ../shared/conventions.md. */
export const chinese: LanguageProfile = {
  id: 'zh',
  preambularOpeners: [
    '重申', '回顾', '忆及', '注意到', '赞赏地注意到', '满意地注意到', '关切地注意到', '遗憾地注意到',
    '严重关切地注意到', '强调', '强调指出', '着重指出', '铭记', '认识到', '欢迎', '确认', '意识到',
    '表示严重关切', '表示深为关切', '深表关切', '深感关切', '表示关切', '深信', '确信', '坚信', '相信', '深知',
    '考虑到', '再度呼吁', '申明', '承认', '赞扬', '指出', '决心', '希望', '感到震惊', '深感震惊', '深感不安',
    '认为', '承诺', '致力于', '注重', '鉴于', '深为关切', '遵循',
    // Openers of older texts (General Assembly before 1976, Security Council 1946–1947).
    '覆按', '复查', '审议了', '听取了',
  ],
  operativeOpeners: [
    '重申', '再次表明', '促请', '鼓励', '大力鼓励', '敦促', '强烈敦促', '强调', '强调指出', '着重指出', '确认',
    '赞扬', '欢迎', '请', '邀请', '呼吁', '再次呼吁', '吁请', '重申吁请', '要求', '表示遗憾', '深表遗憾',
    '最强烈地谴责', '强烈谴责', '谴责', '决定', '认识到', '回顾', '赞赏地注意到', '注意到', '表示注意到', '支持',
    '建议', '申明', '表示关切', '表示严重关切', '表示深为关切', '核可', '核准', '授权', '宣布', '感谢', '赞赏',
    '认可', '承认', '希望', '重视', '指出', '重申支持', '表示支持', '深信', '确信',
    '兹决定', '认定', '决议',
  ],
  repeatPrefixes: ['又', '还'],
  openerLeadIns: ['在这方面', '为此', '因此', '并', '审议大会', '缔约国'],
  organs: [
    '大会', '安全理事会', '经济及社会理事会', '人权理事会',
    // Regional commissions and functional commissions, whose decisions ECOSOC resolutions annex.
    '欧洲经济委员会', '亚洲及太平洋经济社会委员会', '拉丁美洲和加勒比经济委员会', '非洲经济委员会', '西亚经济社会委员会',
    '妇女地位委员会', '社会发展委员会', '统计委员会', '人口与发展委员会', '麻醉药品委员会', '预防犯罪和刑事司法委员会',
  ],
  endings: {
    preambular: '，',
    operative: '；',
    last: '。',
    introducesList: '：',
  },
};

/**
 * The shapes of the other organs and of older texts (../shared/conventions.md, "Other organs and
 * kinds"): Security Council title blocks and closings, ECOSOC and Human Rights Council closings,
 * annexes, parts, Chinese-numeral dates. The parser reads these; no Chinese lives in its logic.
 */
export const chineseStructure = {
  /** Organ names in normal form, as the catalogue gives them. */
  organ: { ga: '大会', sc: '安全理事会', ecosoc: '经济及社会理事会', hrc: '人权理事会' },
  /** What may stand before the organ line: `因此，安全理事会，`. */
  organLeadIns: ['因此，', '因此,'],
  /** `第 2446(2018)号决议`, `第2446 (2018) 号决议`. */
  councilTitle: /^第\s*(\d{1,5})\s*[(（]\s*(\d{4})\s*[)）]\s*号决议$/,
  /**
   * The title block and the adoption line glued into one line by a PDF extraction:
   * `第 2446(2018)号决议2018 年 11 月 15 日安全理事会第 8401 次会议通过`, `一九七四年四月二十四日第 347(1974)号决议`.
   */
  councilTitleGlued: /^(?:(第\s*\d{1,5}\s*[(（]\s*\d{4}\s*[)）]\s*号决议)\s*((?:\d{4}|[〇零一二三四五六七八九]{4})\s*年.*通过)|((?:\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*[0-9一二三四五六七八九十]{1,3}\s*月\s*[0-9一二三四五六七八九十]{1,3}\s*日)\s*(第\s*\d{1,5}\s*[(（]\s*\d{4}\s*[)）]\s*号决议))$/,
  /** 1946–1947: `四(一九四六).` before the text. */
  councilOldTitle: /^([一二三四五六七八九十百]+)\s*[(（]([〇零一二三四五六七八九]{4})[)）]\s*[.．、]?\s*(?=\S|$)/,
  /** `第 77/555 号决定` or `第 77/555 号决议` as the title block of a compilation entry. */
  numberTitle: /^第\s*(\d{1,4}\/\d{1,4})\s*号(决议|决定)$/,
  /** Before the 31st session: `2159 (XXI). 标题`, `二一五九(二十一)、标题`. */
  oldSessionTitle: /^(\d{3,4}|[〇零一二三四五六七八九]{3,4})\s*[(（]([IVXL]{1,6}|[一二三四五六七八九十]{1,3})[)）]\s*[.．、]\s*(?=\S)/,
  /**
   * Security Council closing: `第 2833 次会议一致通过。`, `第 1769 次会议以 13 票对 0 票通过。`,
   * `第一七六九次会议以十三票对零票通过。`; 1946–1947 put the date first: `一九四六年四月二十九日第三十九次会议通过。`.
   */
  councilClosing: /^(?:(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*[0-9一二三四五六七八九十]{1,3}\s*月\s*[0-9一二三四五六七八九十]{1,3}\s*日\s*)?第\s*([0-9〇零一二三四五六七八九十百千]{1,6})\s*次会议(?:上)?(?:一致通过|未经表决(?:获得)?通过|以[^。]{1,40}通过|通过)[。.]?$/,
  /** `2018 年 11 月 15 日安全理事会第 8401 次会议通过`: the adoption line names the date and the meeting. */
  adoptionWithMeeting: /第\s*([0-9〇零一二三四五六七八九十百千]{1,6})\s*次(?:全体)?会议(?:上)?通过$/,
  /** Adoption lines: `2021 年 12 月 6 日大会决议`, `2023 年 4 月 3 日人权理事会通过的决议`, `…安全理事会第 8401 次会议通过`. */
  adoption: /^(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年.*(?:决议|决定|会议通过)$/,
  /** A decision written as one paragraph: `在 2023 年 6 月 1 日第 N 次全体会议上，大会……决定……`. */
  decisionParagraph: /^在\s*(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年.*?第\s*([0-9〇零一二三四五六七八九十百千]{1,6})\s*次(?:全体)?会议上[，,]\s*(大会|安全理事会|经济及社会理事会|人权理事会)/,
  /** What stands around a resolution or decision cited by its number (`第 74/50 号决议`): a symbol there (`第 A/RES/74/50 号决议`) is a slip. */
  citedNumber: { before: /第\s*$/, after: /^\s*号(?:决议|决定)/ },
  /** `2023 年届会`: ECOSOC sessions are years. */
  yearSession: /^\d{4}\s*年(?:组织|实质性|续)?届会$/,
  /** Lines of the vote after an HRC or GA closing: `[未经表决获得通过。]`, `赞成：……`. */
  voteLine: /^(?:[[［]|(?:赞成|反对|弃权)\s*[:：])/,
  /** `附件`, `附件一`, `附件 A`. */
  annex: /^附\s*件(?:\s*[一二三四五六七八九十]{1,3}|\s*[A-Z])?$/,
  /** A part of one resolution: a capital letter on its own line (`A`, `B`). */
  part: /^[A-H]$/,
  /** A decision annexed: `G (70)号决定`, `第 E/ECE/1501 号决定`. */
  annexedDecision: /^\S{1,12}\s*[(（]\S{1,6}[)）]\s*号决(?:定|议)$/,
  /** Words of an adoption line or title block that say the text is a decision. */
  decisionWord: '决定',
};
