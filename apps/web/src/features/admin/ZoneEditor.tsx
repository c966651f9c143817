import { zoneKinds, type MapConfig, type Zone } from '@anlan/contracts';
import { App, Form, Input, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSaveZone } from '../../api/geo';
import { useServerErrors } from '../../components/useServerErrors';
import { GeoEditorDrawer } from './GeoEditorDrawer';
import { GeometryField } from './GeometryField';
import { useGeoContext } from './useGeoContext';
import { ZoneAttributeFields } from './ZoneAttributeFields';
import { newZoneValues, zoneCreateBody, zoneFormValues, zoneUpdateBody, type ZoneFormValues } from './zoneBody';

const fields = [
  'name',
  'kind',
  'category',
  'geometry',
  'bufferM',
  'roadClass',
  'speedLimitKmh',
  'nightFrom',
  'nightTo',
  'maxParkingMinutes',
] as const satisfies readonly (keyof ZoneFormValues)[];

interface Props {
  /** The zone to change, or null for a new one. */
  zone: Zone | null;
  config: MapConfig;
  onClose: () => void;
}

/** 绘制/编辑区域: the map to draw on beside the zone's attributes; saved through POST or PATCH /api/zones. */
export function ZoneEditor({ zone, config, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ZoneFormValues>();
  const save = useSaveZone();
  const errors = useServerErrors(form, fields);
  const context = useGeoContext(zone?.id ?? null);
  const kind = Form.useWatch('kind', form) ?? zone?.kind ?? 'restricted';
  const shape = Form.useWatch('shape', form) ?? (zone?.geometry.type === 'LineString' ? 'linestring' : 'polygon');

  const submit = (values: ZoneFormValues) => {
    errors.clear();
    const input = zone
      ? { id: zone.id, body: zoneUpdateBody(values, form.isFieldTouched('geometry')) }
      : { id: null, body: zoneCreateBody(values) };
    save.mutate(input, {
      onSuccess: (saved) => {
        void message.success(t('geoAdmin.zoneSaved', { name: saved.name }));
        onClose();
      },
      onError: errors.report,
    });
  };

  return (
    <GeoEditorDrawer<ZoneFormValues>
      title={zone ? t('geoAdmin.editZone', { name: zone.name }) : t('geoAdmin.createZone')}
      testId="zone"
      form={form}
      initialValues={zone ? zoneFormValues(zone) : newZoneValues()}
      onFinish={submit}
      // Another tool draws another shape: the old one does not carry over.
      onValuesChange={(changed) => {
        if ('shape' in changed) form.setFieldValue('geometry', null);
      }}
      errors={errors}
      saving={save.isPending}
      onClose={onClose}
      map={
        <>
          <Form.Item name="shape" label={t('geoAdmin.shape')}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'polygon', label: t('geoAdmin.shapePolygon') },
                { value: 'linestring', label: t('geoAdmin.shapeCorridor') },
              ]}
            />
          </Form.Item>
          <Form.Item name="geometry" rules={[{ required: true, message: t('geoAdmin.geometryRequired') }]}>
            <GeometryField config={config} shape={shape} context={context} />
          </Form.Item>
        </>
      }
    >
      <Form.Item name="name" label={t('geoAdmin.name')} rules={[{ required: true, min: 2, max: 100 }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="kind" label={t('geoAdmin.kind')} rules={[{ required: true }]}>
        <Select options={zoneKinds.map((k) => ({ value: k, label: t(`geoAdmin.kindName.${k}`) }))} />
      </Form.Item>
      <ZoneAttributeFields kind={kind} shape={shape} />
    </GeoEditorDrawer>
  );
}
