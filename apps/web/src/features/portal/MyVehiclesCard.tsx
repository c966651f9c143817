import { AlertOutlined, CarOutlined, FileTextOutlined } from '@ant-design/icons';
import { Button, Card, Col, Row, Space, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAlarms } from '../../api/alarms';
import { useVehicleCounts } from '../vehicles/useVehicles';

/**
 * 车辆在线监测 in the enterprise portal: shown to carriers only (an enterprise with vehicles): how many of its
 * vehicles are online, its unhandled alarms, and the way to its vehicles, alarms and daily reports.
 */
export function MyVehiclesCard() {
  const { t } = useTranslation();
  const counts = useVehicleCounts({});
  const unhandled = useAlarms({ unhandled: 'true' }, 1, 0);
  const c = counts.data;
  if (!c || c.online + c.offline + c.never === 0) return null;
  return (
    <Col span={24}>
      <Card
        title={t('portal.vehicles')}
        data-testid="my-vehicles"
        extra={
          <Space wrap>
            <Link to="/my/vehicles">
              <Button icon={<CarOutlined />}>{t('nav.myVehicles')}</Button>
            </Link>
            <Link to="/my/alarms">
              <Button icon={<AlertOutlined />} type="primary">
                {t('nav.myAlarms')}
              </Button>
            </Link>
            <Link to="/my/reports">
              <Button icon={<FileTextOutlined />}>{t('nav.myReports')}</Button>
            </Link>
          </Space>
        }
      >
        <Row gutter={16}>
          <Col xs={12} md={6}>
            <Statistic title={t('vehicles.status.online')} value={c.online} styles={{ content: { color: '#389e0d' } }} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('vehicles.status.offline')} value={c.offline} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('vehicles.status.never')} value={c.never} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('portal.unhandledAlarms')} value={unhandled.data?.total ?? '—'} styles={{ content: { color: '#d9363e' } }} />
          </Col>
        </Row>
      </Card>
    </Col>
  );
}
