import { roadClasses, zoneCategoryLabels, type ZoneKind } from '@anlan/contracts';
import { Col, Form, InputNumber, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../i18n';
import type { DrawShape } from './geoGeometry';
import { WallTimePicker } from './WallTimePicker';
import { zoneAttributes } from './zoneBody';

/** The attributes a zone of this kind and shape takes (the rules the API checks); the others are not shown. */
export function ZoneAttributeFields({ kind, shape }: { kind: ZoneKind; shape: DrawShape }) {
  const { t } = useTranslation();
  const shown = zoneAttributes(kind, shape);
  const locale = currentLocale();
  return (
    <>
      <Form.Item name="category" label={t('geoAdmin.category')}>
        <Select
          allowClear
          options={Object.entries(zoneCategoryLabels).map(([value, label]) => ({ value, label: label[locale] }))}
        />
      </Form.Item>
      {shown.has('bufferM') && (
        <Form.Item name="bufferM" label={t('geoAdmin.bufferM')} extra={t('geoAdmin.bufferHint')} rules={[{ required: true }]}>
          <InputNumber min={1} max={5000} suffix="m" style={{ width: '100%' }} />
        </Form.Item>
      )}
      {shown.has('roadClass') && (
        <Form.Item name="roadClass" label={t('geoAdmin.roadClass')} rules={[{ required: true }]}>
          <Select options={roadClasses.map((c) => ({ value: c, label: t(`geoAdmin.roadClassName.${c}`) }))} />
        </Form.Item>
      )}
      {shown.has('speedLimitKmh') && (
        <Form.Item
          name="speedLimitKmh"
          label={t('geoAdmin.speedLimit')}
          extra={kind === 'road' ? t('geoAdmin.speedLimitRoadHint') : undefined}
          rules={[{ required: kind === 'speed_limit' }]}
        >
          <InputNumber min={1} max={150} suffix="km/h" style={{ width: '100%' }} />
        </Form.Item>
      )}
      {shown.has('maxParkingMinutes') && (
        <Form.Item name="maxParkingMinutes" label={t('geoAdmin.maxParking')}>
          <InputNumber min={1} max={7 * 24 * 60} precision={0} suffix={t('geoAdmin.minutes')} style={{ width: '100%' }} />
        </Form.Item>
      )}
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="nightFrom" label={t('geoAdmin.nightFrom')} extra={t('geoAdmin.nightHint')}>
            <WallTimePicker />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="nightTo" label={t('geoAdmin.nightTo')}>
            <WallTimePicker />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
