import type { EscalationLevel, HazardLevel, HazardStatus, RiskColour } from '@anlan/contracts';
import { ClockCircleOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { riskColourHex, riskColours, textOn } from '../../theme';
import { useHazardLabels } from './labels';

/** A tag filled with one of the four risk colours. */
function ColourTag({ colour, children, icon }: { colour: string; children: ReactNode; icon?: ReactNode }) {
  return (
    <Tag icon={icon} style={{ background: colour, color: textOn(colour), borderColor: colour, marginInlineEnd: 4 }}>
      {children}
    </Tag>
  );
}

/** Open stages run from red (untouched) through orange (being fixed) and yellow (awaiting check) to blue (closed). */
const statusColour: Record<HazardStatus, string | undefined> = {
  found: riskColours.major,
  notice_issued: riskColours.significant,
  rectifying: riskColours.significant,
  submitted: riskColours.general,
  verified: riskColours.general,
  closed: riskColours.low,
  void: undefined,
};

export function StatusTag({ status }: { status: HazardStatus }) {
  const labels = useHazardLabels();
  const colour = statusColour[status];
  return colour ? <ColourTag colour={colour}>{labels.status(status)}</ColourTag> : <Tag>{labels.status(status)}</Tag>;
}

export function LevelTag({ level }: { level: HazardLevel }) {
  const { t } = useTranslation();
  return <ColourTag colour={level === 'major' ? riskColours.major : riskColours.general}>{t(`hazardLevel.${level}`)}</ColourTag>;
}

export function RiskTag({ colour }: { colour: RiskColour }) {
  const { t } = useTranslation();
  return <ColourTag colour={riskColourHex[colour]}>{t(`riskColour.${colour}`)}</ColourTag>;
}

export function EscalationTag({ level }: { level: EscalationLevel }) {
  const { t } = useTranslation();
  if (level === 'none') return null;
  return <ColourTag colour={level === 'escalated' ? riskColours.major : riskColours.significant}>{t(`escalation.${level}`)}</ColourTag>;
}

export function OverdueFlag({ overdue }: { overdue: boolean }) {
  const { t } = useTranslation();
  if (!overdue) return null;
  return (
    <Tag color="error" icon={<ClockCircleOutlined />}>
      {t('hazard.overdue')}
    </Tag>
  );
}
