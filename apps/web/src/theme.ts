import type { RiskColour } from '@anlan/contracts';
import type { ThemeConfig } from 'antd';

/** The console's brand colour: a calm government blue. */
export const primaryColour = '#1f5fbf';

/**
 * The four risk levels of 风险分级管控 and their national colours:
 * 重大 red, 较大 orange, 一般 yellow, 低 blue.
 */
export const riskColours = {
  major: '#d9363e',
  significant: '#fa8c16',
  general: '#fadb14',
  low: '#1677ff',
} as const;
export type RiskLevel = keyof typeof riskColours;

/** A hazard's or subject's risk colour (as the API names it) in the theme's shade. */
export const riskColourHex: Record<RiskColour, string> = {
  red: riskColours.major,
  orange: riskColours.significant,
  yellow: riskColours.general,
  blue: riskColours.low,
};

/** Text that stays readable on a risk-coloured background (dark on yellow). */
export const textOn = (background: string): string => (background === riskColours.general ? 'rgba(0,0,0,0.85)' : '#ffffff');

/** Navy of the side menu and the login backdrop. */
export const navy = '#0f2747';

export const antdTheme: ThemeConfig = {
  token: {
    colorPrimary: primaryColour,
    colorInfo: primaryColour,
    borderRadius: 4,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: { siderBg: navy, headerBg: '#ffffff', bodyBg: '#f3f5f8', headerPadding: '0 24px' },
    Menu: { darkItemBg: navy, darkSubMenuItemBg: navy, darkItemSelectedBg: primaryColour },
  },
};
