import { Button, Col, Drawer, Flex, Form, Row, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '../../components/FormErrorAlert';
import type { ServerErrors } from '../../components/useServerErrors';

interface Props<V extends object> {
  title: string;
  /** data-testid prefix: `<testId>-form`, `<testId>-save`. */
  testId: string;
  form: FormInstance<V>;
  initialValues: V;
  onFinish: (values: V) => void;
  /** Called after the server's complaints about the changed fields were cleared. */
  onValuesChange?: (changed: Partial<V>) => void;
  errors: ServerErrors;
  saving: boolean;
  onClose: () => void;
  /** The left, wide column: the map to draw on. */
  map: ReactNode;
  /** The right column: the attributes. */
  children: ReactNode;
}

/** The drawer a zone or an approved route is drawn and edited in: the map beside the attributes, save and cancel. */
export function GeoEditorDrawer<V extends object>({
  title,
  testId,
  form,
  initialValues,
  onFinish,
  onValuesChange,
  errors,
  saving,
  onClose,
  map,
  children,
}: Props<V>) {
  const { t } = useTranslation();
  return (
    <Drawer open size={1180} title={title} destroyOnHidden onClose={onClose}>
      <Form<V>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={initialValues}
        onValuesChange={(changed: Partial<V>) => {
          // The server's complaint about a field goes once the field is changed. (A top-level key is a field name;
          // antd's NamePath of a generic V cannot say so.)
          form.setFields(Object.keys(changed).map((name) => ({ name: name as never, errors: [] })));
          onValuesChange?.(changed);
        }}
        data-testid={`${testId}-form`}
      >
        <FormErrorAlert error={errors.error} unplaced={errors.unplaced} />
        <Row gutter={24}>
          <Col xs={24} lg={15}>
            {map}
          </Col>
          <Col xs={24} lg={9}>
            {children}
            <Flex justify="flex-end" gap={8}>
              <Button onClick={onClose}>{t('common.cancel')}</Button>
              <Button type="primary" htmlType="submit" loading={saving} data-testid={`${testId}-save`}>
                {t('common.save')}
              </Button>
            </Flex>
          </Col>
        </Row>
      </Form>
    </Drawer>
  );
}
