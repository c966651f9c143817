import {
  zoneCategoryLabels,
  zoneKindLabels,
  type Locale,
  type MapHazard,
  type MapRoute,
  type MapSubject,
  type MapZone,
} from '@anlan/contracts';
import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Pick } from '../../map/FeaturePicker';
import { MapPopup } from '../../map/MapPopup';
import { EscalationTag, LevelTag, OverdueFlag, RiskTag, StatusTag } from '../hazards/HazardTags';

export type Picked =
  | { kind: 'subject'; item: MapSubject }
  | { kind: 'hazard'; item: MapHazard }
  | { kind: 'zone'; item: MapZone }
  | { kind: 'route'; item: MapRoute };

interface Props {
  pick: Pick;
  picked: Picked;
  onClose: () => void;
}

/** The small card of what was clicked on the map: what it is, its level, and a link to its page. */
export function FeaturePopup({ pick, picked, onClose }: Props) {
  return (
    <MapPopup at={pick.at} onClose={onClose} testId={`map-popup-${picked.kind}`}>
      <Flex vertical gap={4} style={{ minWidth: 180, paddingInlineEnd: 12 }}>
        <Content picked={picked} />
      </Flex>
    </MapPopup>
  );
}

function Content({ picked }: { picked: Picked }) {
  const { t, i18n } = useTranslation();
  const locale: Locale = i18n.language === 'en' ? 'en' : 'zh-CN';
  switch (picked.kind) {
    case 'subject': {
      const s = picked.item;
      return (
        <>
          <Typography.Text strong>{s.name}</Typography.Text>
          <Typography.Text type="secondary">{t(`subjectType.${s.type}`)}</Typography.Text>
          <Flex wrap gap={2}>
            <RiskTag colour={s.colour} />
            <EscalationTag level={s.escalation} />
          </Flex>
          <Typography.Text data-testid="popup-open-hazards">
            {t('mapLayers.openHazards', { count: s.openHazards })}
          </Typography.Text>
          <Link to={`/risk/subjects/${s.id}`}>{t('mapLayers.subjectPage')}</Link>
        </>
      );
    }
    case 'hazard': {
      const h = picked.item;
      return (
        <>
          <Typography.Text strong>{h.code}</Typography.Text>
          <Flex wrap gap={2}>
            <LevelTag level={h.level} />
            <StatusTag status={h.status} />
            <OverdueFlag overdue={h.overdue} />
            <EscalationTag level={h.escalation} />
          </Flex>
          <Typography.Text>{h.category}</Typography.Text>
          <Typography.Text type="secondary">{h.subjectName}</Typography.Text>
          <Link to={`/hazards/${h.id}`}>{t('mapLayers.hazardPage')}</Link>
        </>
      );
    }
    case 'zone': {
      const z = picked.item;
      const category = z.category ? (zoneCategoryLabels[z.category]?.[locale] ?? z.category) : undefined;
      return (
        <>
          <Typography.Text strong>{z.name}</Typography.Text>
          <Typography.Text type="secondary">
            {[zoneKindLabels[z.kind][locale], category].filter(Boolean).join(' · ')}
          </Typography.Text>
          {z.speedLimitKmh !== null && (
            <Typography.Text>{t('mapLayers.speedLimit', { speed: z.speedLimitKmh })}</Typography.Text>
          )}
          {z.bufferM !== null && <Typography.Text>{t('mapLayers.corridor', { metres: z.bufferM })}</Typography.Text>}
        </>
      );
    }
    case 'route': {
      const r = picked.item;
      return (
        <>
          <Typography.Text strong>{r.name}</Typography.Text>
          <Typography.Text type="secondary">{t('mapLayers.approvedRoute')}</Typography.Text>
          <Typography.Text>{r.organisationName ?? t('mapLayers.sharedRoute')}</Typography.Text>
          <Typography.Text>{t('mapLayers.corridor', { metres: r.bufferM })}</Typography.Text>
        </>
      );
    }
  }
}
