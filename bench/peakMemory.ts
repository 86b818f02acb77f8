/**
 * Preloaded into a measured process (`node --require`): prints its peak resident memory and the CPU time it used
 * (user + system, all threads) on exit, to stderr. CPU time is what a shared machine's load disturbs least.
 */
process.on("exit", () => {
  const usage = process.resourceUsage();
  process.stderr.write(`\nPEAK_RSS_KB ${usage.maxRSS}\nCPU_MS ${(usage.userCPUTime + usage.systemCPUTime) / 1000}\n`);
});
