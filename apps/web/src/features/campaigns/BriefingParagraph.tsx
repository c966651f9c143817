import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The generated 简报 paragraph, ready to paste into a report (the copy icon copies it whole). */
export function BriefingParagraph({ text }: { text: string }) {
  const { t } = useTranslation();
  return (
    <div style={{ background: '#f6f8fb', border: '1px solid #e5e8ee', borderRadius: 4, padding: '12px 16px' }}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('campaign.briefing')}
      </Typography.Text>
      <Typography.Paragraph
        data-testid="briefing"
        copyable={{ text, tooltips: [t('campaign.copy'), t('campaign.copied')] }}
        style={{ marginTop: 4, marginBottom: 0, lineHeight: 1.9, textIndent: '2em' }}
      >
        {text}
      </Typography.Paragraph>
    </div>
  );
}
