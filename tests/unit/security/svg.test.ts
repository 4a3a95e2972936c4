import { init, use as registerEcharts } from "echarts/core";
import { HeatmapChart } from "echarts/charts";
import { GridComponent, VisualMapComponent } from "echarts/components";
import { SVGRenderer } from "echarts/renderers";
import { describe, expect, it } from "vitest";
import { chartSvgForCsp } from "@/lib/security/svg";

registerEcharts([HeatmapChart, GridComponent, VisualMapComponent, SVGRenderer]);

describe("chartSvgForCsp", () => {
  it("drops the <style> element ECharts adds to its server-rendered SVG, and keeps the drawing", () => {
    const chart = init(null, null, { renderer: "svg", ssr: true, width: 300, height: 200 });
    chart.setOption({
      animation: false,
      xAxis: { type: "category", data: ["a", "b"] },
      yAxis: { type: "category", data: ["x"] },
      visualMap: { min: 0, max: 2, show: false },
      series: [
        {
          type: "heatmap",
          data: [
            [0, 0, 1],
            [1, 0, 2],
          ],
          label: { show: true },
        },
      ],
    });
    const svg = chart.renderToSVGString();
    chart.dispose();
    expect(svg).toContain("<style");
    const clean = chartSvgForCsp(svg);
    expect(clean).not.toMatch(/<style/i);
    expect(clean).toMatch(/^<svg[\s\S]*<\/svg>$/);
    expect(clean.match(/<text/g)?.length).toBe(svg.match(/<text/g)?.length);
    expect(clean).toContain('style="font-size:12px');
  });
});
