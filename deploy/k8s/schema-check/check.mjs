// Validates every document of rendered kustomize output against its schema: Kubernetes' own (kubernetes-models),
// KEDA's ScaledObject and prometheus-operator's ServiceMonitor / PrometheusRule. A kind without a schema here fails.
//   node check.mjs rendered.yaml...
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

function modelPackage(apiVersion) {
  if (apiVersion.startsWith("keda.sh/")) return `@kubernetes-models/keda/${apiVersion}`;
  if (apiVersion.startsWith("monitoring.coreos.com/")) return `@kubernetes-models/prometheus-operator/${apiVersion}`;
  return `kubernetes-models/${apiVersion}`;
}

let passed = 0;
let failed = 0;
for (const file of process.argv.slice(2)) {
  for (const parsed of parseAllDocuments(readFileSync(file, "utf8"))) {
    const doc = parsed.toJS();
    if (!doc) continue;
    const name = `${file}: ${doc.kind} ${doc.metadata?.name}`;
    if (doc.kind === "Secret" && doc.data) {
      // kustomize wraps long base64 values at 76 characters; the API server's decoder skips the line breaks,
      // the schema's "byte" format does not
      for (const key of Object.keys(doc.data)) doc.data[key] = doc.data[key].replace(/\n/g, "");
    }
    try {
      const models = await import(modelPackage(doc.apiVersion));
      const Model = models[doc.kind];
      if (!Model) throw new Error(`no schema for ${doc.apiVersion} ${doc.kind}`);
      new Model(doc).validate();
      passed++;
    } catch (error) {
      failed++;
      console.error(`FAIL ${name}: ${error.message}`);
    }
  }
}
console.log(`schema check: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
