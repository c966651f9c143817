import { alarmSeverityLabels, alarmStatusLabels, alarmTypeLabels, type Alarm } from '@anlan/contracts';
import { List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useVehicleAlarms } from '../../api/vehicles';
import { currentLocale } from '../../i18n';
import { formatInstant } from '../../i18n/format';

const severityColour: Record<Alarm['severity'], string> = { info: 'default', warning: 'gold', serious: 'orange', critical: 'red' };

/** The vehicle's latest alarms; left out altogether where the server has no alarms API. */
export function VehicleAlarms({ vehicleId }: { vehicleId: string }) {
  const { t } = useTranslation();
  const alarms = useVehicleAlarms(vehicleId);
  if (alarms.data === null || alarms.isError) return null;
  const locale = currentLocale();
  return (
    <div data-testid="vehicle-alarms">
      <Typography.Title level={5} style={{ marginTop: 12 }}>
        {t('map.alarms')}
      </Typography.Title>
      <List
        size="small"
        loading={alarms.isPending}
        locale={{ emptyText: t('map.noAlarms') }}
        dataSource={alarms.data ?? []}
        renderItem={(a) => (
          <List.Item style={{ paddingInline: 0 }}>
            <List.Item.Meta
              title={
                <>
                  <Tag color={severityColour[a.severity]}>{alarmSeverityLabels[a.severity][locale]}</Tag>
                  {alarmTypeLabels[a.type][locale]}
                </>
              }
              description={`${formatInstant(a.startedAt)} · ${alarmStatusLabels[a.status][locale]}`}
            />
          </List.Item>
        )}
      />
    </div>
  );
}
