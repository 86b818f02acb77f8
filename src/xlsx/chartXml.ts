/**
 * DrawingML chart parts for the xlsx writer (exceljs cannot write charts). Each chart refers to its cell
 * ranges, so Excel and LibreOffice draw it from the sheet, and carries cached values for viewers that do not
 * recalculate.
 */
import type { ChartSeriesSpec, ChartSpec } from "../engine/review/workbookSpec";

export function xmlEscape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** `'Sheet name'!$A$1:$A$5` from `A1:A5`. */
export function absoluteRef(sheet: string, range: string): string {
  const abs = range.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
  return `'${sheet.replace(/'/g, "''")}'!${abs}`;
}

/** A number format with an empty zero section, so stacked helper series do not label their zeros. */
export function hideZeros(format: string): string {
  const sections = format.split(";");
  if (sections.length >= 3) return `${sections[0]};${sections[1]};`;
  if (sections.length === 2) return `${format};`;
  return `${format};-${format};`;
}

const PALETTE = ["1F4E79", "ED7D31", "A5A5A5", "FFC000", "5B9BD5", "70AD47", "7030A0", "9E480E", "636363", "997300", "255E91"];

function fill(colour: string | undefined, index: number, line = false): string {
  if (colour === "none") return "<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>";
  const rgb = colour ?? PALETTE[index % PALETTE.length];
  return line
    ? `<c:spPr><a:ln w="28575" cap="rnd"><a:solidFill><a:srgbClr val="${rgb}"/></a:solidFill><a:round/></a:ln></c:spPr>`
    : `<c:spPr><a:solidFill><a:srgbClr val="${rgb}"/></a:solidFill></c:spPr>`;
}

function labels(format: string | undefined, position?: string): string {
  if (!format) return "";
  const pos = position ? `<c:dLblPos val="${position}"/>` : "";
  return `<c:dLbls><c:numFmt formatCode="${xmlEscape(hideZeros(format))}" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr><c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="800"/></a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>${pos}<c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>`;
}

function strCache(values: string[]): string {
  return `<c:strCache><c:ptCount val="${values.length}"/>${values.map((v, i) => `<c:pt idx="${i}"><c:v>${xmlEscape(v)}</c:v></c:pt>`).join("")}</c:strCache>`;
}

function numCache(values: number[]): string {
  return `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${values.map((v, i) => `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`).join("")}</c:numCache>`;
}

function seriesXml(chart: ChartSpec, sheet: string, s: ChartSeriesSpec, index: number, seriesName: string, kind: "bar" | "line" | "pie"): string {
  const tx = "ref" in s.name ? `<c:tx><c:strRef><c:f>${xmlEscape(absoluteRef(sheet, s.name.ref))}</c:f>${strCache([seriesName])}</c:strRef></c:tx>` : `<c:tx><c:v>${xmlEscape(s.name.text)}</c:v></c:tx>`;
  const cat = `<c:cat><c:strRef><c:f>${xmlEscape(absoluteRef(sheet, chart.categories))}</c:f>${strCache(chart.categoryCache)}</c:strRef></c:cat>`;
  const val = `<c:val><c:numRef><c:f>${xmlEscape(absoluteRef(sheet, s.values))}</c:f>${numCache(s.cache)}</c:numRef></c:val>`;
  const head = `<c:idx val="${index}"/><c:order val="${index}"/>${tx}`;
  if (kind === "line") return `<c:ser>${head}${fill(s.colour, index, true)}<c:marker><c:symbol val="circle"/><c:size val="5"/></c:marker>${labels(s.labels, "t")}${cat}${val}<c:smooth val="0"/></c:ser>`;
  if (kind === "pie") {
    const points = chart.categoryCache.map((_, i) => `<c:dPt><c:idx val="${i}"/><c:bubble3D val="0"/>${fill(undefined, i)}</c:dPt>`).join("");
    return `<c:ser>${head}${points}${labels(s.labels)}${cat}${val}</c:ser>`;
  }
  return `<c:ser>${head}${fill(s.colour, index)}<c:invertIfNegative val="0"/>${labels(s.labels)}${cat}${val}</c:ser>`;
}

const CAT_AXIS = 500100;
const VAL_AXIS = 500200;
const CAT_AXIS_2 = 500300;
const VAL_AXIS_2 = 500400;

/** A secondary value axis on the right (its category axis hidden), for series with `axis: "secondary"`. */
function secondaryAxes(valueFormat: string | undefined): string {
  const text = `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900"/></a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>`;
  return (
    `<c:catAx><c:axId val="${CAT_AXIS_2}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="1"/><c:axPos val="b"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="${VAL_AXIS_2}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="${VAL_AXIS_2}"/><c:scaling><c:orientation val="minMax"/><c:max val="1"/><c:min val="0"/></c:scaling><c:delete val="0"/><c:axPos val="r"/><c:numFmt formatCode="${xmlEscape(valueFormat ?? "General")}" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${text}<c:crossAx val="${CAT_AXIS_2}"/><c:crosses val="max"/><c:crossBetween val="between"/></c:valAx>`
  );
}

function axes(horizontal: boolean, valueFormat: string | undefined): string {
  const numFmt = `<c:numFmt formatCode="${xmlEscape(valueFormat ?? "General")}" sourceLinked="0"/>`;
  const text = `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900"/></a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>`;
  return (
    `<c:catAx><c:axId val="${CAT_AXIS}"/><c:scaling><c:orientation val="${horizontal ? "maxMin" : "minMax"}"/></c:scaling><c:delete val="0"/><c:axPos val="${horizontal ? "l" : "b"}"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/>${text}<c:crossAx val="${VAL_AXIS}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="${VAL_AXIS}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${horizontal ? "t" : "l"}"/><c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>${numFmt}<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${text}<c:crossAx val="${CAT_AXIS}"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`
  );
}

/**
 * The chart part for a ChartSpec on `sheet`. `seriesNames` are the texts of the series' name cells, cached
 * beside their references.
 */
export function chartXml(chart: ChartSpec, sheet: string, seriesNames: string[]): string {
  const dataSheet = chart.dataSheet ?? sheet;
  const axisIds = `<c:axId val="${CAT_AXIS}"/><c:axId val="${VAL_AXIS}"/>`;
  let plot: string;
  switch (chart.kind) {
    case "doughnut":
      plot = `<c:doughnutChart><c:varyColors val="1"/>${chart.series.map((s, i) => seriesXml(chart, dataSheet, s, i, seriesNames[i], "pie")).join("")}<c:firstSliceAng val="0"/><c:holeSize val="55"/></c:doughnutChart>`;
      break;
    case "columnLine": {
      const columns = chart.series.map((s, i) => ({ s, i })).filter(({ s }) => s.as !== "line");
      const lineXml = (list: Array<{ s: ChartSeriesSpec; i: number }>, ids: string) =>
        list.length ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${list.map(({ s, i }) => seriesXml(chart, dataSheet, s, i, seriesNames[i], "line")).join("")}<c:marker val="1"/>${ids}</c:lineChart>` : "";
      const lines = chart.series.map((s, i) => ({ s, i })).filter(({ s }) => s.as === "line");
      const primary = lines.filter(({ s }) => s.axis !== "secondary");
      const secondary = lines.filter(({ s }) => s.axis === "secondary");
      plot =
        `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${columns.map(({ s, i }) => seriesXml(chart, dataSheet, s, i, seriesNames[i], "bar")).join("")}<c:gapWidth val="80"/>${axisIds}</c:barChart>` +
        lineXml(primary, axisIds) +
        lineXml(secondary, `<c:axId val="${CAT_AXIS_2}"/><c:axId val="${VAL_AXIS_2}"/>`) +
        axes(false, chart.valueFormat) +
        (secondary.length ? secondaryAxes(chart.secondaryFormat) : "");
      break;
    }
    case "line":
      plot = `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${chart.series.map((s, i) => seriesXml(chart, dataSheet, s, i, seriesNames[i], "line")).join("")}<c:marker val="1"/>${axisIds}</c:lineChart>` + axes(false, chart.valueFormat);
      break;
    default: {
      const horizontal = chart.kind === "bar";
      const stacked = chart.kind === "stackedColumn";
      plot =
        `<c:barChart><c:barDir val="${horizontal ? "bar" : "col"}"/><c:grouping val="${stacked ? "stacked" : "clustered"}"/><c:varyColors val="0"/>${chart.series.map((s, i) => seriesXml(chart, dataSheet, s, i, seriesNames[i], "bar")).join("")}<c:gapWidth val="${stacked ? 50 : 80}"/>${stacked ? '<c:overlap val="100"/>' : ""}${axisIds}</c:barChart>` +
        axes(horizontal, chart.valueFormat);
    }
  }
  const title = `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr><a:r><a:rPr lang="zh-CN" sz="1200" b="1"/><a:t>${xmlEscape(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;
  const showLegend = chart.kind === "doughnut" || chart.series.filter((s) => s.colour !== "none").length > 1;
  // Hidden helper series (the base of a bridge) stay out of the legend.
  const hidden = chart.series.map((s, i) => (s.colour === "none" ? `<c:legendEntry><c:idx val="${i}"/><c:delete val="1"/></c:legendEntry>` : "")).join("");
  const legend = showLegend ? `<c:legend><c:legendPos val="b"/>${hidden}<c:overlay val="0"/></c:legend>` : "";
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    `<c:roundedCorners val="0"/><c:chart>${title}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plot}</c:plotArea>${legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900"><a:latin typeface="Calibri"/><a:ea typeface="Microsoft YaHei"/></a:defRPr></a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr></c:chartSpace>`
  );
}

/** The drawing part placing the sheet's charts by cell anchors; chart k is relationship rId{k+1}. */
export function drawingXml(charts: ChartSpec[]): string {
  const anchors = charts
    .map((chart, k) => {
      const { row, col, rows, cols } = chart.anchor;
      return (
        `<xdr:twoCellAnchor editAs="oneCell"><xdr:from><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
        `<xdr:to><xdr:col>${col + cols}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row + rows}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${k + 2}" name="${xmlEscape(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
        `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId${k + 1}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
      );
    })
    .join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">${anchors}</xdr:wsDr>`;
}
