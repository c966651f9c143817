import { Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/CurrentUser';
import { HealthCard } from './HealthCard';
import { OrganisationCard } from './OrganisationCard';
import { ProfileCard } from './ProfileCard';

/** 首页: the system's health and the user's own account and organisation. */
export function OverviewPage() {
  const { t } = useTranslation();
  const { user } = useCurrentUser();
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('overview.welcome', { name: user.displayName })}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8}>
          <HealthCard />
        </Col>
        <Col xs={24} lg={8}>
          <ProfileCard />
        </Col>
        <Col xs={24} lg={8}>
          <OrganisationCard />
        </Col>
      </Row>
    </>
  );
}
