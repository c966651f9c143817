import type { MonitoringThresholds } from '@anlan/contracts';

/**
 * How each figure of the daily report is computed, printed at the end of the PDF with the thresholds the report was
 * made with (the same text as apps/server/src/modules/monitoring-reports/README.md, in short).
 */
export function definitionsText(t: MonitoringThresholds): string[] {
  const b = t.bounds;
  return [
    '统计范围：北京时间当日 00:00 至 24:00，按终端定位时间计；登记车辆为当日结束前登记且在用的车辆。',
    '入网率 = 当日结束前曾上报定位的车辆数 ÷ 登记车辆数；上线率 = 当日至少上报一条定位的车辆数 ÷ 入网车辆数。',
    `数据合格率 = 合格定位条数 ÷ 定位总条数。合格：终端已定位，经度 ${b.minLon}°—${b.maxLon}°、纬度 ${b.minLat}°—${b.maxLat}° 且非 (0,0)，` +
      `速度 0—${t.maxSpeedKmh} 公里/小时，方向 0—359°，定位时间不超前接收时间 ${t.futureToleranceSeconds / 60} 分钟。`,
    `漂移：相邻两条合格定位间距离超过 ${t.driftMinDistanceM} 米且折算速度超过 ${t.driftSpeedKmh} 公里/小时，记为一个漂移点（跳点），` +
      `该段不计入里程；漂移率 = 有漂移点的车辆数 ÷ 上线车辆数。`,
    `轨迹完整率 = 轨迹连续里程 ÷ 总里程。里程为相邻合格定位间的大圆距离之和（不含漂移段）；相邻定位间隔超过 ${t.gapSeconds / 60} 分钟为轨迹断点，该段计入总里程、不计入连续里程。`,
    `在线时长：相邻定位间隔不超过 ${t.gapSeconds / 60} 分钟的时段之和。`,
    `报警按开始时间归日；及时处置：自平台产生报警起，紧急 ${t.ackMinutes.critical} 分钟、严重 ${t.ackMinutes.serious} 分钟、一般 ${t.ackMinutes.warning} 分钟、提示 ${t.ackMinutes.info} 分钟内受理或处置。`,
  ];
}
