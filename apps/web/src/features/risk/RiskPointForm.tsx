import type { RiskPoint } from '@anlan/contracts';
import { App, Button, Flex, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSaveRiskPoint } from '../../api/risk';
import { FormErrorAlert } from '../../components/FormErrorAlert';
import { useServerErrors } from '../../components/useServerErrors';

interface Values {
  name: string;
  location?: string;
  description?: string;
  hazardFactors: string[];
  controls: string[];
  responsiblePerson?: string;
  contactPhone?: string;
}

const fields = ['name', 'location', 'description', 'hazardFactors', 'controls', 'responsiblePerson', 'contactPhone'] as const;
/** Typical 危险有害因素 (GB 6441 accident types) offered as choices; any other may be typed. */
const factorChoices = ['火灾', '爆炸', '中毒和窒息', '高处坠落', '物体打击', '起重伤害', '触电', '坍塌', '车辆伤害', '机械伤害', '灼烫', '淹溺'];

type TextField = 'location' | 'description' | 'responsiblePerson' | 'contactPhone';
const textFields: readonly TextField[] = ['location', 'description', 'responsiblePerson', 'contactPhone'];

/**
 * The optional text fields as the API takes them: trimmed; an empty one is left out of a new point and sent as null
 * on an edit (the server then clears it).
 */
function texts(v: Values, editing: boolean): Partial<Record<TextField, string | null>> {
  const out: Partial<Record<TextField, string | null>> = {};
  for (const f of textFields) {
    const value = v[f]?.trim();
    if (value) out[f] = value;
    else if (editing) out[f] = null;
  }
  return out;
}

/** 风险辨识: a new risk point of the subject, or the edit of one (`point`). Grading is the separate 评估 step. */
export function RiskPointForm({ subjectId, point, onDone }: { subjectId: string; point?: RiskPoint; onDone: (saved: RiskPoint) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveRiskPoint(point?.id);
  const errors = useServerErrors(form, fields);
  const editing = point !== undefined;
  const submit = (v: Values) => {
    errors.clear();
    const common = { name: v.name.trim(), hazardFactors: v.hazardFactors, controls: v.controls ?? [], ...texts(v, editing) };
    const body = editing ? common : { subjectId, ...common };
    save.mutateAsync(body).then((saved) => {
      void message.success(t(editing ? 'risk.points.saved' : 'risk.points.created', { name: saved.name }));
      onDone(saved);
    }, errors.report);
  };
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={submit}
      data-testid="risk-point-form"
      initialValues={{
        name: point?.name,
        location: point?.location ?? undefined,
        description: point?.description ?? undefined,
        hazardFactors: point?.hazardFactors ?? [],
        controls: point?.controls ?? [],
        responsiblePerson: point?.responsiblePerson ?? undefined,
        contactPhone: point?.contactPhone ?? undefined,
      }}
    >
      <FormErrorAlert error={errors.error} unplaced={errors.unplaced} />
      <Form.Item name="name" label={t('risk.points.name')} rules={[{ required: true, whitespace: true, min: 2, max: 100, message: t('risk.points.nameRequired') }]}>
        <Input maxLength={100} placeholder={t('risk.points.namePlaceholder')} />
      </Form.Item>
      <Form.Item name="location" label={t('risk.points.location')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="hazardFactors" label={t('risk.points.hazardFactors')} extra={t('risk.points.tagsHint')} rules={[{ required: true, type: 'array', min: 1, message: t('risk.points.factorsRequired') }]}>
        <Select mode="tags" options={factorChoices.map((f) => ({ value: f, label: f }))} maxCount={30} />
      </Form.Item>
      <Form.Item name="controls" label={t('risk.points.controls')} extra={t('risk.points.tagsHint')}>
        <Select mode="tags" open={false} suffixIcon={null} maxCount={30} />
      </Form.Item>
      <Form.Item name="description" label={t('risk.points.description')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
      </Form.Item>
      <Flex gap={12}>
        <Form.Item name="responsiblePerson" label={t('risk.points.responsible')} style={{ flex: 1 }}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="contactPhone" label={t('risk.points.phone')} style={{ flex: 1 }} rules={[{ pattern: /^[0-9+\- ]{5,20}$/, message: t('risk.points.phoneInvalid') }]}>
          <Input maxLength={20} />
        </Form.Item>
      </Flex>
      <Flex justify="end">
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="risk-point-save">
          {t(editing ? 'common.save' : 'risk.points.create')}
        </Button>
      </Flex>
    </Form>
  );
}
