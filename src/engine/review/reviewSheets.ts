/**
 * Lays the review model out as sheets, in the order a manager reads: the review (title, scorecard, highlights,
 * GMV drivers), the monthly trend, the channel mix, products, categories, new and returning customers with
 * cohorts, the customer tiers and list, the next period's targets.
 * Each sheet has a module of its own; attainment, variances, YoY, pp, status, shares and totals are native
 * formulas over the cells beside them, each carrying the engine's number it must evaluate to.
 */
import type { ReviewModel } from "./reviewModel";
import { GENERATOR, type SheetSpec, type WorkbookSpec } from "./workbookSpec";
import { reviewSheet } from "./reviewSheet";
import { trendSheet } from "./trendSheet";
import { channelSheet } from "./channelSheet";
import { dimensionSheet } from "./dimensionSheet";
import { customerSheets } from "./customerSheets";
import { targetSplitSheet } from "./targetSplitSheet";
import { productSheet } from "./productSheet";
import { categorySheet } from "./categorySheet";
import { retentionSheet } from "./retentionSheet";

/** The review as a workbook description, in the order a manager reads. */
export function reviewWorkbook(model: ReviewModel): WorkbookSpec {
  const sheets = [
    reviewSheet(model),
    trendSheet(model),
    channelSheet(model),
    dimensionSheet(model),
    productSheet(model),
    categorySheet(model),
    retentionSheet(model),
    ...customerSheets(model),
    targetSplitSheet(model),
  ].filter((s): s is SheetSpec => s !== null);
  return { generator: GENERATOR, sheets };
}
