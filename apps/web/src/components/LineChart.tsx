export interface LinePoint {
  label: string;
  value: number;
}

interface Props {
  points: readonly LinePoint[];
  colour: string;
  /** Read out by screen readers; also the chart's tooltip title. */
  title: string;
  height?: number;
}

const W = 640;
const PAD = { top: 16, right: 40, bottom: 28, left: 36 };

/** A small line chart in plain SVG (the trend to zero); scales with its container's width. */
export function LineChart({ points, colour, title, height = 220 }: Props) {
  const H = height;
  const max = Math.max(1, ...points.map((p) => p.value));
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (points.length <= 1 ? innerW / 2 : (i * innerW) / (points.length - 1));
  const y = (v: number) => PAD.top + innerH - (v / max) * innerH;
  const line = points.map((p, i) => `${x(i).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  const area = points.length > 0 ? `${PAD.left},${y(0)} ${line} ${x(points.length - 1).toFixed(1)},${y(0)}` : '';
  const ticks = [0, Math.round(max / 2), max].filter((v, i, all) => all.indexOf(v) === i);
  const labelled = [...new Set([0, Math.floor((points.length - 1) / 2), points.length - 1])].filter((i) => i >= 0);
  const last = points.at(-1);
  return (
    <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={title} style={{ display: 'block' }}>
      <title>{title}</title>
      {ticks.map((v) => (
        <g key={v}>
          <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} stroke="#e5e8ee" />
          <text x={PAD.left - 6} y={y(v) + 4} textAnchor="end" fontSize={11} fill="#8c8c8c">
            {v}
          </text>
        </g>
      ))}
      <polygon points={area} fill={colour} opacity={0.12} />
      <polyline points={line} fill="none" stroke={colour} strokeWidth={2} strokeLinejoin="round" />
      {points.map((p, i) => (
        <circle key={p.label} cx={x(i)} cy={y(p.value)} r={points.length > 40 ? 1.5 : 3} fill={colour}>
          <title>{`${p.label}: ${p.value}`}</title>
        </circle>
      ))}
      {labelled.map((i) => (
        <text key={i} x={x(i)} y={H - 8} textAnchor={i === 0 ? 'start' : i === points.length - 1 ? 'end' : 'middle'} fontSize={11} fill="#8c8c8c">
          {points[i]?.label}
        </text>
      ))}
      {last && (
        <text x={x(points.length - 1) + 6} y={y(last.value) + 4} fontSize={13} fontWeight={600} fill={colour}>
          {last.value}
        </text>
      )}
    </svg>
  );
}
