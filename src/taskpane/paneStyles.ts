/** Layout shared by the pane's steps: narrow-first (Excel for Mac opens panes 270 px wide), visible focus. */
import { makeStyles, tokens } from "@fluentui/react-components";

export const usePaneStyles = makeStyles({
  step: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  row: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS, flexWrap: "wrap", minWidth: 0 },
  grow: { flex: "1 1 100px", minWidth: 0 },
  /** A field that takes a line of its own below about 360 px. */
  wide: { flex: "1 1 170px", minWidth: 0 },
  input: { width: "100%", minWidth: 0, "& input": { minWidth: 0 } },
  disclosure: { alignSelf: "flex-start", minWidth: 0, paddingLeft: 0 },
  error: { color: tokens.colorPaletteRedForeground1 },
  hint: { color: tokens.colorNeutralForeground3 },
  pre: { whiteSpace: "pre-wrap", overflowWrap: "anywhere", margin: 0, fontFamily: "inherit" },
  /** A Select that fits its column, with a focus ring that shows (Fluent's underline alone is easy to miss). */
  select: {
    width: "100%",
    minWidth: 0,
    "& select": { minWidth: 0, textOverflow: "ellipsis" },
    "& select:focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
  },
  link: { ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px", borderRadius: tokens.borderRadiusSmall } },
  message: { ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` } },
  visuallyHidden: { position: "absolute", width: "1px", height: "1px", margin: "-1px", padding: 0, overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap", border: 0 },
});
