import { Descriptions, Divider, Drawer, Image, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePublicReport } from '../../api/public-reports';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatInstant } from '../../i18n/format';
import { TriageForm } from './TriageForm';
import { TriageTag } from './TriageTag';

/** One report: what the public said, where, who to call back, and the triage (or its outcome). */
export function PublicReportDrawer({ id, onClose }: { id: string | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const report = usePublicReport(id);
  const r = report.data;
  const empty = t('common.empty');
  const contact = r?.contact ? [[r.contact.lastName, r.contact.firstName].filter(Boolean).join(''), r.contact.phone, r.contact.email].filter(Boolean).join(' · ') : '';
  return (
    <Drawer open={id !== undefined} onClose={onClose} size={520} title={r ? r.serviceName : t('publicReports.title')} destroyOnHidden data-testid="public-report-drawer">
      {report.isError && <ErrorAlert error={report.error} onRetry={() => void report.refetch()} />}
      {r && (
        <>
          <Descriptions
            column={1}
            size="small"
            items={[
              { key: 'triage', label: t('publicReports.col.triage'), children: <TriageTag triage={r.triage} /> },
              { key: 'time', label: t('publicReports.col.createdAt'), children: formatInstant(r.createdAt) },
              { key: 'description', label: t('publicReports.col.description'), children: <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>{r.description}</Typography.Paragraph> },
              { key: 'address', label: t('publicReports.col.address'), children: r.address ?? empty },
              { key: 'position', label: t('publicReports.position'), children: r.lat !== null && r.lon !== null ? `${r.lat.toFixed(5)}, ${r.lon.toFixed(5)}` : empty },
              { key: 'contact', label: t('publicReports.contact'), children: contact || t('publicReports.anonymous') },
              { key: 'status', label: t('publicReports.publicStatus'), children: r.statusNotes },
              ...(r.hazardId
                ? [{ key: 'hazard', label: t('publicReports.col.hazard'), children: <Link to={`/hazards/${r.hazardId}`}>{r.hazardCode}</Link> }]
                : []),
              ...(r.rejectReason ? [{ key: 'reason', label: t('publicReports.reason'), children: r.rejectReason }] : []),
            ]}
          />
          {r.mediaUrl && <Image src={r.mediaUrl} alt={t('publicReports.photo')} style={{ maxWidth: '100%', marginTop: 12 }} />}
          {r.triage === 'pending' && (
            <>
              <Divider />
              <TriageForm report={r} />
            </>
          )}
        </>
      )}
    </Drawer>
  );
}
