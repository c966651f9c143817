import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Product name at the top of the side menu; only 安澜 when the menu is collapsed. */
export function SideBrand({ collapsed }: { collapsed: boolean }) {
  const { t } = useTranslation();
  return (
    <div style={{ padding: collapsed ? '18px 0' : '18px 20px', textAlign: collapsed ? 'center' : 'left' }}>
      <Typography.Text strong style={{ color: '#fff', fontSize: 20, letterSpacing: 2 }}>
        {t('app.name')}
      </Typography.Text>
      {!collapsed && (
        <div style={{ color: 'rgba(255,255,255,0.65)', fontSize: 12, lineHeight: 1.5, marginTop: 2 }}>
          {t('app.fullName')}
        </div>
      )}
    </div>
  );
}
