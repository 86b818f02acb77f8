/** Preloaded into a measured process (`node --require`): prints its peak resident memory on exit, to stderr. */
process.on("exit", () => {
  process.stderr.write(`\nPEAK_RSS_KB ${process.resourceUsage().maxRSS}\n`);
});
