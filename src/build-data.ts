/** Build-time entry: the data the build writes into dist/ and schema/. Not part of the runtime. */
export { loadBuiltinsFromYaml } from './config/builtin.js';
export { configSchema, ruleSchema } from './config/schema.js';
export { lexiconSchema, LEXICON_NAMES } from './config/lexicon-schemas.js';
export { formatProblem, ConfigError } from './config/errors.js';
export { AJV_OPTIONS, schemaOf } from './config/validate.js';
export { validatorFile } from './config/paths.js';
