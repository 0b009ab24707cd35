/** The axes of the small charts (loss curve, insight views): D3 scales in, ticks and grid lines out. */
import { axisTicks } from './ticks.ts';
import type { TickScale } from './ticks.ts';

type Scale = TickScale & { domain?: () => number[] };

export function ChartAxes({
  x,
  y,
  width,
  height,
  margin,
  xTicks = 5,
  yTicks = 4,
  xTitle,
  format,
  font = 10.5,
}: {
  x: Scale;
  y: Scale;
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
  xTicks?: number;
  yTicks?: number;
  xTitle?: string;
  format: (v: number) => string;
  /** the texts' font size (chart units): the ticks' numbers keep their distance in proportion */
  font?: number;
}) {
  return (
    <g className="axis">
      {axisTicks(x, xTicks).map((t, k) => (
        <g key={`x${k}`} transform={`translate(${x(t)},${height - margin.bottom})`}>
          <line y2={5} />
          <text y={font * 1.7} textAnchor="middle">
            {format(t)}
          </text>
        </g>
      ))}
      {xTitle && (
        <text
          x={(margin.left + width - margin.right) / 2}
          y={height - 2}
          textAnchor="middle"
          className="axis-title"
        >
          {xTitle}
        </text>
      )}
      {axisTicks(y, yTicks).map((t, k) => (
        <g key={`y${k}`} transform={`translate(${margin.left},${y(t)})`}>
          <line x2={width - margin.left - margin.right} className="grid" />
          <text x={-font * 0.55} y={font * 0.38} textAnchor="end">
            {format(t)}
          </text>
        </g>
      ))}
    </g>
  );
}
