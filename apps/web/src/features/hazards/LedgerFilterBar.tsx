import { escalationLevel, hazardLevel, hazardStatuses, subjectTypes } from '@anlan/contracts';
import { SearchOutlined } from '@ant-design/icons';
import { Button, Col, Flex, Form, Input, Row, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useCampaigns } from '../../api/campaigns';
import { useAllOrganisations } from '../../api/organisations';
import { SubjectSelect } from '../../components/SubjectSelect';
import { useHazardLabels } from './labels';
import { ledgerParamNames, type LedgerParams } from './ledgerParams';

interface Props {
  value: LedgerParams;
  onChange: (params: LedgerParams) => void;
}

const col = { xs: 24, sm: 12, lg: 8, xxl: 6 };

/** Every filter of the ledger; 查询 applies them, 重置 clears them. */
export function LedgerFilterBar({ value, onChange }: Props) {
  const { t } = useTranslation();
  const labels = useHazardLabels();
  const [form] = Form.useForm<LedgerParams>();
  const campaigns = useCampaigns();
  const organisations = useAllOrganisations();
  const orgs = organisations.data ?? [];
  const subjectType = Form.useWatch('subjectType', form);
  // Follow the URL (back/forward, reset, links from the dashboard).
  const key = ledgerParamNames.map((name) => value[name] ?? '').join('|');
  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(value);
  }, [form, key]);
  const select = (options: { value: string; label: string }[]) => <Select allowClear options={options} placeholder={t('common.all')} />;
  return (
    <Form<LedgerParams> form={form} layout="vertical" onFinish={onChange} style={{ marginBottom: 8 }}>
      <Row gutter={16}>
        <Col {...col}>
          <Form.Item name="q" label={t('ledger.q')}>
            <Input allowClear maxLength={50} placeholder={t('ledger.qPlaceholder')} />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="campaignId" label={t('ledger.campaign')}>
            {select((campaigns.data ?? []).map((c) => ({ value: c.id, label: c.name })))}
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="subjectType" label={t('ledger.subjectType')}>
            {select(subjectTypes.map((v) => ({ value: v, label: t(`subjectType.${v}`) })))}
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="subjectId" label={t('ledger.subject')}>
            <SubjectSelect type={subjectTypes.find((v) => v === subjectType)} />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="level" label={t('ledger.level')}>
            {select(hazardLevel.options.map((v) => ({ value: v, label: t(`hazardLevel.${v}`) })))}
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="status" label={t('ledger.status')}>
            {select([{ value: 'open', label: t('ledger.open') }, ...hazardStatuses.map((v) => ({ value: v, label: labels.status(v) }))])}
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="overdue" label={t('ledger.overdue')}>
            {select([{ value: 'true', label: t('ledger.overdueYes') }, { value: 'false', label: t('ledger.overdueNo') }])}
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="escalation" label={t('ledger.escalation')}>
            {select(escalationLevel.options.map((v) => ({ value: v, label: t(`escalation.${v}`) })))}
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="departmentId" label={t('ledger.department')}>
            {select(orgs.filter((o) => o.kind === 'department').map((o) => ({ value: o.id, label: o.name })))}
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="organisationId" label={t('ledger.organisation')}>
            <Select
              allowClear
              placeholder={t('common.all')}
              showSearch={{ optionFilterProp: 'label' }}
              options={orgs.filter((o) => o.kind === 'enterprise' || o.kind === 'community').map((o) => ({ value: o.id, label: o.name }))}
            />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="from" label={t('ledger.from')}>
            <Input type="date" />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="to" label={t('ledger.to')}>
            <Input type="date" />
          </Form.Item>
        </Col>
      </Row>
      <Flex gap={8}>
        <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
          {t('common.search')}
        </Button>
        <Button onClick={() => onChange({})}>{t('common.reset')}</Button>
      </Flex>
    </Form>
  );
}
