import type { ApprovedRoute, MapConfig } from '@anlan/contracts';
import { App, Form, Input, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSaveRoute } from '../../api/geo';
import { useServerErrors } from '../../components/useServerErrors';
import { CarrierSelect } from '../monitor/CarrierSelect';
import { GeoEditorDrawer } from './GeoEditorDrawer';
import { GeometryField } from './GeometryField';
import { newRouteValues, routeCreateBody, routeFormValues, routeUpdateBody, type RouteFormValues } from './routeBody';
import { useGeoContext } from './useGeoContext';

const fields = ['name', 'organisationId', 'bufferM', 'geometry'] as const satisfies readonly (keyof RouteFormValues)[];

interface Props {
  /** The route to change, or null for a new one. */
  route: ApprovedRoute | null;
  config: MapConfig;
  onClose: () => void;
}

/**
 * 绘制/编辑核定路线: the centre line drawn on the map, its corridor half-width and the carrier it is approved for
 * (none: every carrier). Which vehicle drives it when is a trip's business (运单), not the route's.
 */
export function RouteEditor({ route, config, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<RouteFormValues>();
  const save = useSaveRoute();
  const errors = useServerErrors(form, fields);
  const context = useGeoContext(route?.id ?? null);

  const submit = (values: RouteFormValues) => {
    errors.clear();
    const input = route
      ? { id: route.id, body: routeUpdateBody(values, form.isFieldTouched('geometry')) }
      : { id: null, body: routeCreateBody(values) };
    save.mutate(input, {
      onSuccess: (saved) => {
        void message.success(t('geoAdmin.routeSaved', { name: saved.name }));
        onClose();
      },
      onError: errors.report,
    });
  };

  return (
    <GeoEditorDrawer<RouteFormValues>
      title={route ? t('geoAdmin.editRoute', { name: route.name }) : t('geoAdmin.createRoute')}
      testId="route"
      form={form}
      initialValues={route ? routeFormValues(route) : newRouteValues()}
      onFinish={submit}
      errors={errors}
      saving={save.isPending}
      onClose={onClose}
      map={
        <Form.Item name="geometry" rules={[{ required: true, message: t('geoAdmin.lineRequired') }]}>
          <GeometryField config={config} shape="linestring" context={context} />
        </Form.Item>
      }
    >
      <Form.Item name="name" label={t('geoAdmin.name')} rules={[{ required: true, min: 2, max: 100 }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="organisationId" label={t('geoAdmin.carrier')} extra={t('geoAdmin.carrierHint')}>
        <CarrierSelect placeholder={t('geoAdmin.sharedRoute')} />
      </Form.Item>
      <Form.Item
        name="bufferM"
        label={t('geoAdmin.bufferM')}
        extra={t('geoAdmin.routeBufferHint')}
        rules={[{ required: true }]}
      >
        <InputNumber min={1} max={5000} suffix="m" style={{ width: '100%' }} />
      </Form.Item>
    </GeoEditorDrawer>
  );
}
