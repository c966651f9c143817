import { alarmSeverityLabels, alarmTypeLabels, hazardActionLabels, type LocalisedText } from '@anlan/contracts';
import type { ClassifyInput } from './classification.js';

// Titles of notifications, in both languages, from an event and what is known of its entity.

type Labels = Partial<Record<string, LocalisedText>>;
const short = (s: unknown, n = 40) => {
  const text = typeof s === 'string' ? s.trim() : '';
  return text.length > n ? `${text.slice(0, n)}…` : text;
};
const both = (zh: string, en: string): LocalisedText => ({ 'zh-CN': zh, en });
const label = (labels: Labels, key: unknown): LocalisedText => {
  const k = String(key ?? '');
  return labels[k] ?? both(k, k);
};
const suffix = (type: string) => type.slice(type.indexOf('.') + 1);
const code = (e: ClassifyInput) => e.entity.code ?? (typeof e.payload.code === 'string' ? e.payload.code : e.event.entity_id.slice(0, 8));
const withText = (head: string, text: string, sep: string) => (text ? `${head}${sep}${text}` : head);

const escalationLabels: Labels = {
  none: both('无督办', 'none'),
  listed: both('挂牌督办', 'listed supervision'),
  escalated: both('提级管控', 'escalated control'),
};
const riskLabels: Labels = {
  ...escalationLabels,
  red: both('重大风险', 'major risk'),
  orange: both('较大风险', 'significant risk'),
  yellow: both('一般风险', 'general risk'),
  blue: both('低风险', 'low risk'),
};
const alarmStatusWords: Labels = {
  acknowledged: both('已受理', 'acknowledged'),
  handled: both('已处置', 'handled'),
  closed: both('已关闭', 'closed'),
  reminded: both('已提醒驾驶员', 'driver reminded'),
  carrier_notified: both('已通报企业', 'carrier notified'),
  severity_raised: both('升级为紧急', 'now critical'),
};

export function hazardFound(e: ClassifyInput): LocalisedText {
  const major = e.entity.level === 'major' || e.payload.level === 'major';
  const desc = short(e.entity.name ?? e.payload.description);
  return both(withText(`发现${major ? '重大' : '一般'}隐患 ${code(e)}`, desc, ':'), withText(`${major ? 'Major hazard' : 'Hazard'} found ${code(e)}`, desc, ': '));
}

export function hazardEscalation(e: ClassifyInput): LocalisedText {
  const to = label(escalationLabels, e.payload.escalationTo);
  const rank = (v: unknown) => ['none', 'listed', 'escalated'].indexOf(String(v));
  const up = rank(e.payload.escalationTo) > rank(e.payload.escalationFrom);
  return up
    ? both(`隐患 ${code(e)} 升级为${to['zh-CN']}`, `Hazard ${code(e)} escalated to ${to.en}`)
    : both(`隐患 ${code(e)} 督办等级调整为${to['zh-CN']}`, `Hazard ${code(e)} escalation changed to ${to.en}`);
}

export function hazardAction(e: ClassifyInput): LocalisedText {
  const action = suffix(e.event.type) === 'plan_saved' ? 'edit_plan' : suffix(e.event.type);
  const l = label(hazardActionLabels as Labels, action);
  const desc = short(e.entity.name, 30);
  return both(withText(`隐患 ${code(e)}:${l['zh-CN']}`, desc, ' · '), withText(`Hazard ${code(e)}: ${l.en}`, desc, ' · '));
}

export function noticeIssued(e: ClassifyInput): LocalisedText {
  const stop = e.payload.kind === 'stop_work';
  const number = e.entity.code ?? String(e.payload.number ?? '');
  const to = e.entity.name ?? '';
  return both(
    withText(`已下达${stop ? '停工整改通知书' : '限期整改通知书'} ${number}`, to, ' → '),
    withText(`${stop ? 'Stop-work' : 'Rectification'} notice ${number} issued`, to, ' to '),
  );
}

export function caseEvent(e: ClassifyInput): LocalisedText {
  const number = e.entity.code ?? String(e.payload.number ?? '');
  const what = suffix(e.event.type);
  if (what === 'opened') return both(withText(`立案查处 ${number}`, short(e.entity.name ?? e.payload.summary), ':'), withText(`Case ${number} opened`, short(e.entity.name ?? e.payload.summary), ': '));
  if (what === 'closed') return both(`案件 ${number} 已结案`, `Case ${number} closed`);
  return both(`案件 ${number}:${what}`, `Case ${number}: ${what}`);
}

const plate = (e: ClassifyInput) => e.entity.code ?? '危货车辆';
const alarmKind = (e: ClassifyInput) => label(alarmTypeLabels as Labels, e.entity.alarmType ?? e.payload.alarmType ?? e.payload.type);

export function alarmRaised(e: ClassifyInput): LocalisedText {
  const sev = label(alarmSeverityLabels as Labels, e.payload.severity ?? e.entity.severity);
  return both(`${plate(e)} ${alarmKind(e)['zh-CN']}报警(${sev['zh-CN']})`, `${plate(e)}: ${alarmKind(e).en} (${sev.en})`);
}

export function alarmEscalated(e: ClassifyInput): LocalisedText {
  return both(`${plate(e)} ${alarmKind(e)['zh-CN']}报警超时未处置,已升级`, `${plate(e)}: ${alarmKind(e).en} alarm left unhandled, escalated`);
}

export function alarmEvent(e: ClassifyInput): LocalisedText {
  const s = label(alarmStatusWords, suffix(e.event.type));
  return both(`${plate(e)} ${alarmKind(e)['zh-CN']}报警${s['zh-CN']}`, `${plate(e)}: ${alarmKind(e).en} alarm ${s.en}`);
}

export function subjectRisk(e: ClassifyInput): LocalisedText {
  const up = e.event.type === 'subject.escalated';
  const from = label(riskLabels, e.payload.from);
  const to = label(riskLabels, e.payload.to);
  const name = e.entity.name ?? '检查对象';
  const reasons = Array.isArray(e.payload.reasons) ? e.payload.reasons : [];
  const first = reasons.find((r): r is string => typeof r === 'string');
  const reason = short(first, 30);
  return both(
    withText(`${name} 风险${up ? '升级' : '降级'}:${from['zh-CN']} → ${to['zh-CN']}`, reason, ' · '),
    withText(`${name}: risk ${up ? 'escalated' : 'lowered'} ${from.en} → ${to.en}`, reason, ' · '),
  );
}

export const publicReport = (): LocalisedText => both('收到群众举报,待核实分派', 'Public report received, awaiting triage');

export function inspectionRecorded(e: ClassifyInput): LocalisedText {
  const failed = Number(e.payload.failed ?? 0);
  const name = e.entity.name ?? '';
  return both(`${name} 接受安全检查${failed ? `,发现问题 ${failed} 项` : ',未发现问题'}`, `Inspection at ${name}: ${failed ? `${failed} item(s) failed` : 'no failures'}`);
}
