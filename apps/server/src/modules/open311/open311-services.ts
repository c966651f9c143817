import type { Locale, Open311Service, SubjectType } from '@anlan/contracts';

/** One public hazard category: what the public sees, and the hazard it becomes once an inspector accepts it. */
export interface PublicService {
  code: string;
  name: Record<Locale, string>;
  description: Record<Locale, string>;
  keywords: Record<Locale, string>;
  group: Record<Locale, string>;
  /** What the reporter is told on submission and on every read. */
  notice: Record<Locale, string>;
  /** The hazard category (隐患类别) and the kind of subject the hazard is usually recorded against. */
  category: string;
  subjectType: SubjectType;
}

const EMERGENCY: Record<Locale, string> = {
  'zh-CN': '我们将在1个工作日内核实处理。情况紧急请立即拨打119或110。',
  en: 'We will check within one working day. In an emergency call 119 or 110 at once.',
};

/** The catalogue, as data: add a category here and it appears in services.json. */
export const PUBLIC_SERVICES: readonly PublicService[] = [
  {
    code: 'gas-smell',
    name: { 'zh-CN': '燃气泄漏/燃气异味', en: 'Gas leak or gas smell' },
    description: { 'zh-CN': '闻到燃气味、燃气管道或软管破损、燃气设施异常', en: 'A smell of gas, a damaged gas pipe or hose, faulty gas equipment' },
    keywords: { 'zh-CN': '燃气,煤气,天然气,液化气,泄漏,异味', en: 'gas,leak,smell,LPG,pipe,hose' },
    group: { 'zh-CN': '燃气安全', en: 'Gas safety' },
    notice: {
      'zh-CN': '如燃气味浓烈,请立即撤离、勿开关电器,并拨打119或燃气抢修电话。我们将尽快核实处理。',
      en: 'If the smell is strong, leave at once, do not touch electric switches, and call 119 or the gas emergency line. We will check as soon as possible.',
    },
    category: '燃气安全',
    subjectType: 'residential_estate',
  },
  {
    code: 'fire-lane',
    name: { 'zh-CN': '消防通道堵塞', en: 'Blocked fire lane' },
    description: { 'zh-CN': '消防车通道、安全出口或疏散通道被占用、堵塞或锁闭', en: 'A fire lane, emergency exit or escape route blocked, occupied or locked' },
    keywords: { 'zh-CN': '消防,通道,堵塞,占用,安全出口,疏散', en: 'fire,lane,blocked,exit,escape route' },
    group: { 'zh-CN': '消防安全', en: 'Fire safety' },
    notice: EMERGENCY,
    category: '消防通道',
    subjectType: 'residential_estate',
  },
  {
    code: 'hazmat-vehicle',
    name: { 'zh-CN': '危化品车辆违规', en: 'Hazmat vehicle violation' },
    description: {
      'zh-CN': '危险货物运输车辆违规停放、超速、未按规定路线行驶或有泄漏',
      en: 'A dangerous-goods vehicle parked illegally, speeding, off its permitted route, or leaking',
    },
    keywords: { 'zh-CN': '危化品,危险品,槽罐车,停放,泄漏,超速', en: 'hazmat,dangerous goods,tanker,parking,leak,speeding' },
    group: { 'zh-CN': '危险货物运输', en: 'Dangerous goods transport' },
    notice: EMERGENCY,
    category: '危化品运输',
    subjectType: 'hazmat_carrier',
  },
  {
    code: 'building-site',
    name: { 'zh-CN': '工地安全', en: 'Building-site danger' },
    description: {
      'zh-CN': '建筑工地围挡缺失、高处坠物、塔吊等机械异常、临时用电不安全',
      en: 'A building site with missing hoarding, falling objects, faulty cranes or unsafe temporary electricity',
    },
    keywords: { 'zh-CN': '工地,施工,塔吊,围挡,坠物,脚手架', en: 'building site,construction,crane,hoarding,scaffolding' },
    group: { 'zh-CN': '建设施工', en: 'Construction' },
    notice: EMERGENCY,
    category: '施工安全',
    subjectType: 'construction_site',
  },
  {
    code: 'other-hazard',
    name: { 'zh-CN': '其他安全隐患', en: 'Other safety hazard' },
    description: { 'zh-CN': '以上类别之外的安全隐患', en: 'Any other safety hazard' },
    keywords: { 'zh-CN': '安全,隐患,其他', en: 'safety,hazard,other' },
    group: { 'zh-CN': '其他', en: 'Other' },
    notice: EMERGENCY,
    category: '其他',
    subjectType: 'public_place',
  },
];

const byCode = new Map(PUBLIC_SERVICES.map((s) => [s.code, s]));

export const findService = (code: string): PublicService | undefined => byCode.get(code);

export const toOpen311Service = (s: PublicService, locale: Locale): Open311Service => ({
  service_code: s.code,
  service_name: s.name[locale],
  description: s.description[locale],
  metadata: false,
  type: 'realtime',
  keywords: s.keywords[locale],
  group: s.group[locale],
});

/** A report whose service left the catalogue still reads, under its code. */
export function serviceOf(code: string): PublicService {
  return (
    findService(code) ?? {
      code,
      name: { 'zh-CN': code, en: code },
      description: { 'zh-CN': '', en: '' },
      keywords: { 'zh-CN': '', en: '' },
      group: { 'zh-CN': '', en: '' },
      notice: EMERGENCY,
      category: '其他',
      subjectType: 'public_place',
    }
  );
}
