#!/usr/bin/env node
// The compiled CLI lives in lib/ (built by `npm run build:cli`, which `npm ci` runs through `prepare`).
const { run } = require("../lib/cli/main.js");
run(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error) => {
    console.error(error);
    process.exitCode = 1;
  },
);
