/** Decimals SQL engines keep amounts in (exact sums); its own module so the CLI can use it without loading the engines. */
export const MONEY_SCALE = 6;
