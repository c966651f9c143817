import { Badge, Checkbox, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { hazardLevelColours, overdueRim } from '../../map/hazardIcons';
import { riskColoursBySeverity } from '../../map/subjectFeatures';
import { routeColour, zoneColours } from '../../map/zoneFeatures';
import { riskColourHex } from '../../theme';
import { mapLayers, type LayerChoice, type MapLayer } from './layerChoice';
import type { LayerCounts } from './useMapLayers';

interface Props {
  choice: LayerChoice;
  onToggle: (layer: MapLayer, on: boolean) => void;
  vehicles: number;
  /** Undefined until the layers have loaded. */
  counts: LayerCounts | undefined;
}

const swatch: Record<MapLayer, string> = {
  vehicles: '#1677ff',
  subjects: riskColourHex.red,
  hazards: hazardLevelColours.major,
  zones: zoneColours.restricted,
  routes: routeColour,
};

/** 图层: a checkbox per layer with how many features it holds; the choice is remembered on this device. */
export function LayerSwitcher({ choice, onToggle, vehicles, counts }: Props) {
  const { t } = useTranslation();
  const count = (layer: MapLayer): number | undefined => (layer === 'vehicles' ? vehicles : counts?.[layer]);
  return (
    <Flex vertical gap={2} data-testid="layer-switcher">
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('mapLayers.title')}
      </Typography.Text>
      {mapLayers.map((layer) => (
        <Flex key={layer} vertical>
          <Checkbox
            checked={choice[layer]}
            onChange={(e) => onToggle(layer, e.target.checked)}
            data-testid={`layer-${layer}`}
          >
            <Badge color={swatch[layer]} style={{ marginInlineEnd: 6 }} />
            {t(`mapLayers.layer.${layer}`)}{' '}
            <Typography.Text type="secondary" data-testid={`layer-count-${layer}`} data-count={count(layer) ?? ''}>
              {count(layer) ?? '…'}
            </Typography.Text>
          </Checkbox>
          {choice[layer] && counts && layer === 'subjects' && (
            <Flex gap={8} wrap style={{ paddingInlineStart: 24, fontSize: 12 }}>
              {riskColoursBySeverity.map((c) => (
                <Badge
                  key={c}
                  color={riskColourHex[c]}
                  text={<span style={{ fontSize: 12 }}>{counts.colours[c]}</span>}
                  title={t(`riskColour.${c}`)}
                />
              ))}
            </Flex>
          )}
          {choice[layer] && counts && layer === 'hazards' && (
            <Flex gap={8} wrap style={{ paddingInlineStart: 24, fontSize: 12 }}>
              <Badge
                color={hazardLevelColours.major}
                text={<span style={{ fontSize: 12 }}>{t('mapLayers.major', { count: counts.hazardKinds.major })}</span>}
              />
              <Badge
                color={overdueRim}
                text={
                  <span style={{ fontSize: 12 }}>{t('mapLayers.overdue', { count: counts.hazardKinds.overdue })}</span>
                }
              />
            </Flex>
          )}
        </Flex>
      ))}
    </Flex>
  );
}
