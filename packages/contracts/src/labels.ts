import type { HazardAction, HazardStatus } from './hazards.js';
import type { Locale } from './errors.js';

/** Display names of statuses and actions, used by server messages and the web alike. */
export const hazardStatusLabels: Record<HazardStatus, Record<Locale, string>> = {
  found: { 'zh-CN': '已发现', en: 'found' },
  notice_issued: { 'zh-CN': '已下达通知', en: 'notice issued' },
  rectifying: { 'zh-CN': '整改中', en: 'rectifying' },
  submitted: { 'zh-CN': '待复查', en: 'submitted for re-check' },
  verified: { 'zh-CN': '复查通过待销号', en: 're-check passed, awaiting sign-off' },
  closed: { 'zh-CN': '已销号', en: 'closed' },
  void: { 'zh-CN': '已作废', en: 'void' },
};

export const hazardActionLabels: Record<HazardAction, Record<Locale, string>> = {
  issue_notice: { 'zh-CN': '下达整改通知', en: 'issue a notice' },
  start_rectifying: { 'zh-CN': '开始整改', en: 'start rectifying' },
  submit: { 'zh-CN': '提交整改', en: 'submit the rectification' },
  recheck_pass: { 'zh-CN': '复查通过', en: 'pass the re-check' },
  recheck_fail: { 'zh-CN': '复查不通过', en: 'fail the re-check' },
  close: { 'zh-CN': '销号', en: 'close' },
  fix_on_spot: { 'zh-CN': '现场整改', en: 'fix on the spot' },
  void: { 'zh-CN': '作废', en: 'void' },
  set_escalation: { 'zh-CN': '调整督办等级', en: 'change the escalation' },
  open_case: { 'zh-CN': '立案查处', en: 'open a case' },
  edit_plan: { 'zh-CN': '编制治理方案', en: 'edit the treatment plan' },
};
