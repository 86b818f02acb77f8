/**
 * Makes the Chinese custom-functions metadata from the generated English functions.json and the Chinese
 * descriptions in src/i18n/functionDocsZh.json (custom-functions-metadata cannot localize by itself).
 * Fails when a function or parameter has no Chinese text, so the two never drift apart.
 */
const path = require("path");
const fs = require("fs");

const DOCS = { zh: path.join(__dirname, "..", "src", "i18n", "functionDocsZh.json") };

function localizeFunctionsMetadata(metadata, lang) {
  const docs = JSON.parse(fs.readFileSync(DOCS[lang], "utf8"));
  const missing = [];
  const functions = metadata.functions.map((fn) => {
    const doc = docs[fn.id];
    if (!doc) {
      missing.push(fn.id);
      return fn;
    }
    return {
      ...fn,
      description: doc.description,
      parameters: fn.parameters.map((p) => {
        if (!doc.parameters || !doc.parameters[p.name]) missing.push(`${fn.id}(${p.name})`);
        return { ...p, description: (doc.parameters && doc.parameters[p.name]) || p.description };
      }),
    };
  });
  const extra = Object.keys(docs).filter((id) => !metadata.functions.some((fn) => fn.id === id));
  if (missing.length > 0 || extra.length > 0) {
    throw new Error(`functionDocsZh.json is out of step with functions.ts: missing ${missing.join(", ") || "none"}; unknown ${extra.join(", ") || "none"}`);
  }
  return { ...metadata, functions };
}

module.exports = { localizeFunctionsMetadata };
