// Eleventy imports our TypeScript config with Node's own import(); tsx teaches Node to load it.
import { register } from "tsx/esm/api";

register();
