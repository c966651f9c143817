export { runTerminals, type RunOptions, type RunResult, type Scenario } from './run.js';
export { VirtualTerminal, type AckListener, type TerminalOptions } from './terminal.js';
export {
  DISTRICT_LOOP,
  Drive,
  bearing,
  distanceM,
  type DriveOptions,
  type DriveState,
  type RoadClass,
  type Waypoint,
} from './route.js';
