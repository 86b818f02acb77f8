/**
 * The pane follows Office's theme: a dark Office body (Excel's Black or Dark Gray theme) gets Fluent's dark
 * theme, a light one the light theme, each with Office's own body colours so that the pane sits in Excel
 * without a seam.
 */
import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";

export interface OfficeColours {
  bodyBackgroundColor?: string;
  bodyForegroundColor?: string;
}

/** Relative luminance (WCAG) of `#rrggbb`, or null when it is not such a colour. */
export function luminance(hex: string | undefined): number | null {
  const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex ?? "");
  if (!match) return null;
  const [r, g, b] = match.slice(1).map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: number, b: number): number {
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

export function isDark(colours: OfficeColours | undefined): boolean {
  const l = luminance(colours?.bodyBackgroundColor);
  return l !== null && l < 0.2;
}

export function paneTheme(colours: OfficeColours | undefined): Theme {
  const base = isDark(colours) ? webDarkTheme : webLightTheme;
  const bg = luminance(colours?.bodyBackgroundColor);
  const fg = luminance(colours?.bodyForegroundColor);
  // Office's colours are taken only where they keep text readable (WCAG AA for body text).
  if (bg === null || fg === null || contrast(bg, fg) < 4.5) return base;
  return { ...base, colorNeutralBackground1: colours!.bodyBackgroundColor!, colorNeutralForeground1: colours!.bodyForegroundColor! };
}

/** Office's current theme where the host has one (Office.context.officeTheme), else none. */
export function currentOfficeColours(): OfficeColours | undefined {
  try {
    return typeof Office !== "undefined" ? (Office.context?.officeTheme as OfficeColours | undefined) : undefined;
  } catch {
    return undefined;
  }
}
