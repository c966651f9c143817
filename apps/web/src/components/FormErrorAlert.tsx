import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError, type ApiIssue } from '../api/client';

interface Props {
  error: Error | null;
  /** Issues that could not be shown on a field. */
  unplaced: readonly ApiIssue[];
}

/** The general message above a form whose submission failed; field issues sit on the fields. */
export function FormErrorAlert({ error, unplaced }: Props) {
  const { t } = useTranslation();
  if (!error) return null;
  const message = error instanceof ApiError ? error.message : t('error.crash');
  const fieldIssues = error instanceof ApiError && error.issues.length > unplaced.length;
  const details = [
    ...(fieldIssues ? [t('error.fixFields')] : []),
    ...unplaced.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message)),
  ];
  return (
    <Alert
      type="error"
      showIcon
      title={message}
      description={details.length > 0 ? details.map((line) => <div key={line}>{line}</div>) : undefined}
      style={{ marginBottom: 16 }}
    />
  );
}
