/** The shared test toolkit: import from here, not from the single modules. */
export {
  text,
  find,
  findAll,
  parts,
  byRole,
  allByRole,
  allByText,
  accessibleName,
  isShown,
} from './dom.js';
export { until, settle } from './wait.js';
export { holdLazy } from './lazy.js';
export { mount, type Mounted } from './mount.js';
export { EventLog } from './events.js';
export { fakeClock, useFakeClock, advance, type FakeClock } from './clock.js';
export { seed } from './fast-check.js';
